"""Rules written without Python: TOML rule files.

A file holds ``[[rule]]`` tables; see the README for the schema. Every error
names the file, the rule and the key (or, for TOML syntax errors, the line).
"""

from __future__ import annotations

import re
import tomllib
from pathlib import Path
from typing import Any

from lxml.cssselect import CSSSelector

from ..errors import RuleError
from .model import SCOPES, Rule
from .patterns import literal, pattern_rule, selector_rule

_KEYS = {
    "code": str, "name": str, "summary": str, "doc": str, "stage": str, "scope": str,
    "match": str, "patterns": list, "regex": bool, "css": list, "domains": list,
    "removes": list, "keeps": list, "enabled": bool, "max_words": int,
}
_REQUIRED = ("code", "name")
_MATCH_KINDS = ("block", "label", "start")


def load_rule_file(path: str | Path) -> list[Rule]:
    """Read the rules of one TOML file."""
    path = Path(path)
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except OSError as exc:
        raise RuleError(f"{path}: cannot read rule file: {exc.strerror or exc}") from exc
    except UnicodeDecodeError as exc:
        raise RuleError(f"{path}: rule file is not UTF-8 text") from exc
    except tomllib.TOMLDecodeError as exc:
        raise RuleError(f"{path}: invalid TOML: {exc}") from exc
    unknown = set(data) - {"rule"}
    if unknown:
        raise RuleError(f"{path}: unknown top-level key {sorted(unknown)[0]!r} (expected [[rule]])")
    tables = data.get("rule", [])
    if not isinstance(tables, list) or not tables:
        raise RuleError(f"{path}: no [[rule]] tables")
    return [_rule(path, n, table) for n, table in enumerate(tables, 1)]


def _rule(path: Path, number: int, table: dict[str, Any]) -> Rule:
    where = f"{path}: rule {number}"
    if "code" in table:
        where += f" ({table['code']})"

    def fail(key: str, problem: str) -> RuleError:
        return RuleError(f"{where}: {key}: {problem}")

    for key, value in table.items():
        if key not in _KEYS:
            raise fail(key, "unknown key (allowed: " + ", ".join(sorted(_KEYS)) + ")")
        expected = _KEYS[key]
        if not isinstance(value, expected) or (expected is int and isinstance(value, bool)):
            raise fail(key, f"must be a {expected.__name__}, not {type(value).__name__}")
        if expected is list and not all(isinstance(item, str) for item in value):
            raise fail(key, "must be a list of strings")
    for key in _REQUIRED:
        if key not in table:
            raise fail(key, "missing (every rule needs a code and a name)")
    stage = table.get("stage", "dom" if "css" in table else "text")
    common = {
        "doc": table.get("doc", ""),
        "removes": table.get("removes", ()),
        "keeps": table.get("keeps", ()),
        "domains": table.get("domains", ()),
        "enabled": table.get("enabled", True),
        "origin": str(path),
    }
    summary = table.get("summary", f"rule from {path.name}")
    try:
        if stage == "dom":
            if "patterns" in table:
                raise fail("patterns", "DOM rules use css, not patterns")
            if not table.get("css"):
                raise fail("css", "a DOM rule needs at least one CSS selector")
            rule = selector_rule(table["code"], table["name"], summary, css=table["css"], **common)
            _ = rule.apply._expression  # compile now, so that a bad selector is reported here
            for selector in table["css"]:
                CSSSelector(selector)
            return rule
        if stage != "text":
            raise fail("stage", f"must be 'text' or 'dom', not {stage!r}")
        if "css" in table:
            raise fail("css", "text rules use patterns, not css")
        patterns = table.get("patterns")
        if not patterns:
            raise fail("patterns", "a text rule needs at least one pattern")
        scope = table.get("scope", "anywhere")
        if scope not in SCOPES:
            raise fail("scope", f"must be one of {', '.join(SCOPES)}, not {scope!r}")
        match = table.get("match", "block")
        if match not in _MATCH_KINDS:
            raise fail("match", f"must be one of {', '.join(_MATCH_KINDS)}, not {match!r}")
        if table.get("regex", False):
            for pattern in patterns:
                try:
                    re.compile(pattern)
                except re.error as exc:
                    raise fail("patterns", f"bad regular expression {pattern!r}: {exc}") from exc
        else:
            patterns = literal(*patterns)
        kind = {"block": "blocks", "label": "labels", "start": "starts"}[match]
        extra = {"label_max_words": table["max_words"]} if "max_words" in table else {}
        return pattern_rule(table["code"], table["name"], summary, scope=scope,
                            **{kind: patterns}, **extra, **common)
    except RuleError as exc:
        if str(exc).startswith(str(path)):
            raise
        raise RuleError(f"{where}: {exc}") from exc
    except Exception as exc:  # a selector cssselect cannot parse
        raise fail("css", f"invalid selector: {exc}") from exc
