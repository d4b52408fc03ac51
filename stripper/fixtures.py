"""Fixture-based regression cases: check, add and update (``stripper fixtures``).

A case is a folder holding one input (``input.html``, ``input.html.gz`` or
``input.txt``), ``expected.txt`` (the body a careful reader would keep) and an
optional ``case.toml``; ``fixtures/README.md`` describes the format.
"""

from __future__ import annotations

import datetime
import difflib
import json
import re
import sys
import tomllib
from dataclasses import dataclass
from pathlib import Path

import click

from .article import Article
from .batch import read_input
from .blocks import clean_line
from .errors import StripperError
from .pipeline import Stripper

INPUT_NAMES = ("input.html", "input.html.gz", "input.txt")
EXPECTED = "expected.txt"
CASE_TOML = "case.toml"
STRING_KEYS = ("url", "description", "title", "author", "date", "xfail", "input_type")
INPUT_TYPES = ("auto", "html", "text")
LIST_KEYS = ("must_remove", "must_keep", "rules_fired", "extend_select")
EXIT_FAILED, EXIT_USAGE = 1, 2


class CaseError(Exception):
    """A case folder or its case.toml is invalid; the message names the file."""


@dataclass(frozen=True)
class Case:
    name: str
    folder: Path
    input: Path
    expected: str  #: expected.txt, normalised
    url: str | None = None
    description: str | None = None
    title: str | None = None
    author: str | None = None
    date: str | None = None
    must_remove: tuple[str, ...] = ()
    must_keep: tuple[str, ...] = ()
    rules_fired: tuple[str, ...] = ()
    extend_select: tuple[str, ...] = ()  #: rules that are off by default, turned on for this case
    xfail: str | None = None  #: the reason stripper fails this case today
    input_type: str = "auto"  #: as ``--input-type``: "text" for scraped text that reads like HTML


@dataclass(frozen=True)
class CaseResult:
    case: Case
    problems: tuple[str, ...]  #: what failed, one line each; empty when the case passes
    fired: tuple[str, ...] = ()  #: rule codes in Article.removed, first appearance order
    diff: str = ""  #: unified diff of expected.txt against the output; empty when equal

    @property
    def passed(self) -> bool:
        return not self.problems

    @property
    def status(self) -> str:
        if self.case.xfail:
            return "xpassed" if self.passed else "xfailed"
        return "passed" if self.passed else "failed"

    def report(self) -> str:
        """What failed, the rules that fired, and the body diff."""
        lines = [f"  {problem}" for problem in self.problems]
        lines.append("  rules fired: " + (", ".join(self.fired) or "none"))
        if self.diff:
            lines.append(self.diff.rstrip("\n"))
        return "\n".join(lines)


# -- loading ---------------------------------------------------------------------
def normalise(text: str) -> str:
    """Line endings to ``\\n``, no trailing whitespace on any line or at the end."""
    lines = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    return "\n".join(line.rstrip() for line in lines).rstrip("\n")


def is_case_folder(folder: Path) -> bool:
    return any((folder / name).exists() for name in (*INPUT_NAMES, EXPECTED, CASE_TOML))


def case_folders(path: str | Path) -> list[Path]:
    """``path`` itself when it is a case folder, else its sub-folders, sorted by name."""
    path = Path(path)
    if not path.is_dir():
        raise CaseError(f"{path}: no such folder")
    if is_case_folder(path):
        return [path]
    return sorted(
        (child for child in path.iterdir() if child.is_dir() and not child.name.startswith((".", "_"))),
        key=lambda child: child.name,
    )


def find_cases(path: str | Path) -> list[Case]:
    """Every case under ``path`` (one case folder or a folder of cases), sorted by name."""
    return [load_case(folder) for folder in case_folders(path)]


def load_case(folder: str | Path) -> Case:
    """Read one case folder; raise :class:`CaseError` naming the file at fault."""
    folder = Path(folder)
    inputs = [folder / name for name in INPUT_NAMES if (folder / name).is_file()]
    if not inputs:
        raise CaseError(f"{folder}: no input file ({', '.join(INPUT_NAMES)})")
    if len(inputs) > 1:
        raise CaseError(f"{folder}: several input files ({', '.join(p.name for p in inputs)}); keep one")
    expected_path = folder / EXPECTED
    try:
        expected = normalise(expected_path.read_text(encoding="utf-8-sig"))
    except FileNotFoundError:
        raise CaseError(f"{expected_path}: missing") from None
    except UnicodeDecodeError as exc:
        raise CaseError(f"{expected_path}: not UTF-8 ({exc.reason} at byte {exc.start})") from None
    fields = _read_case_toml(folder / CASE_TOML)
    return Case(name=folder.resolve().name, folder=folder, input=inputs[0], expected=expected, **fields)


def _read_case_toml(path: Path) -> dict:
    if not path.exists():
        return {}
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as exc:
        raise CaseError(f"{path}: invalid TOML: {exc}") from None
    fields = {}
    for key, value in data.items():
        if key == "date" and type(value) is datetime.date:  # date = 2024-06-03 without quotes
            value = value.isoformat()
        if key in STRING_KEYS:
            if not isinstance(value, str):
                raise CaseError(f"{path}: {key!r} must be a string, not {_toml_type(value)}")
        elif key in LIST_KEYS:
            if not isinstance(value, list) or not all(isinstance(item, str) for item in value):
                raise CaseError(f"{path}: {key!r} must be a list of strings, not {_toml_type(value)}")
            value = tuple(value)
        else:
            allowed = ", ".join(STRING_KEYS + LIST_KEYS)
            raise CaseError(f"{path}: unknown key {key!r} (allowed: {allowed})")
        fields[key] = value
    if fields.get("input_type", "auto") not in INPUT_TYPES:
        raise CaseError(f"{path}: 'input_type' must be one of {', '.join(INPUT_TYPES)}, not {fields['input_type']!r}")
    if "xfail" in fields and not fields["xfail"].strip():
        raise CaseError(f"{path}: 'xfail' must give the reason the case fails today")
    return fields


def _toml_type(value) -> str:
    if isinstance(value, list):
        kinds = sorted({_toml_type(item) for item in value if not isinstance(item, str)})
        return "a list holding " + ", ".join(kinds) if kinds else "a list"
    names = {bool: "a boolean", int: "an integer", float: "a float", str: "a string", dict: "a table"}
    return names.get(type(value), type(value).__name__)


# -- checking --------------------------------------------------------------------
def make_stripper() -> Stripper:
    """The stripper the cases run against: built-in rules only, so results don't
    depend on which plugins happen to be installed."""
    return Stripper(plugins=False)


def run_case(case: Case, stripper: Stripper) -> Article:
    if case.extend_select or case.input_type != "auto":
        stripper = Stripper(plugins=False, extend_select=case.extend_select, input_type=case.input_type)
    return stripper.extract(read_input(str(case.input), stripper.max_bytes), url=case.url)


def check_case(case: Case, stripper: Stripper) -> CaseResult:
    """Run ``stripper`` on the case's input and compare with every expectation."""
    try:
        article = run_case(case, stripper)
    except Exception as exc:  # one broken page must not stop the suite
        kind = "" if isinstance(exc, StripperError) else f"{type(exc).__name__}: "
        return CaseResult(case, (f"extraction failed: {kind}{exc}",))
    actual = normalise(article.text)
    fired = tuple(dict.fromkeys(removal.rule for removal in article.removed))
    problems = []
    diff = body_diff(case.expected, actual, case.name)
    if diff:
        problems.append(f"body differs from {EXPECTED}")
    for field in ("title", "author", "date"):
        want, got = getattr(case, field), getattr(article, field)
        if want is not None and want != got:
            problems.append(f"{field}: expected {want!r}, got {got!r}")
    flat = _flat(actual)
    problems += [f"must_remove: {s!r} is in the output" for s in case.must_remove if _flat(s) in flat]
    problems += [f"must_keep: {s!r} is not in the output" for s in case.must_keep if _flat(s) not in flat]
    missing = [code for code in case.rules_fired if code not in fired]
    if missing:
        problems.append("rules_fired: " + ", ".join(missing) + " did not fire")
    return CaseResult(case, tuple(problems), fired, diff)


def body_diff(expected: str, actual: str, name: str) -> str:
    lines = difflib.unified_diff(
        expected.splitlines(keepends=True) if expected else [],
        actual.splitlines(keepends=True) if actual else [],
        f"{name}/{EXPECTED}",
        f"{name} (stripper output)",
    )
    return "".join(line if line.endswith("\n") else line + "\n" for line in lines)


def _flat(text: str) -> str:
    """Whitespace collapsed, so a snippet matches across line breaks and spacing."""
    return clean_line(text)


# -- command line ----------------------------------------------------------------
def _fail(message: str, code: int = EXIT_USAGE):
    click.echo(f"stripper: {message}", err=True)
    sys.exit(code)


def _resolve(names: tuple[str, ...], root: str) -> list[Case]:
    """Cases from paths (a case folder or a folder of cases) or case names under ``root``."""
    folders: list[Path] = []
    errors = []
    for name in names:
        path = Path(name)
        if not path.is_dir() and (Path(root) / name).is_dir():
            path = Path(root) / name
        if not path.is_dir():
            errors.append(f"{name}: no such case or folder (nor {Path(root) / name})")
            continue
        try:
            folders += case_folders(path)
        except CaseError as exc:
            errors.append(str(exc))
    cases = []
    for folder in dict.fromkeys(folders):
        try:
            cases.append(load_case(folder))
        except CaseError as exc:
            errors.append(str(exc))
    if errors:
        for error in errors:
            click.echo(f"stripper: {error}", err=True)
        sys.exit(EXIT_USAGE)
    if not cases:
        _fail(f"no cases in {', '.join(names)}")
    return cases


@click.group()
def fixtures() -> None:
    """Regression cases under fixtures/: check, add, update.

    \b
    Examples:
      stripper fixtures check
      stripper fixtures check fixtures/news-paywall-teaser
      stripper fixtures add page.html --name news-my-site --url https://example.com/a
      stripper fixtures update news-my-site
    """


@fixtures.command()
@click.argument("paths", nargs=-1)
@click.option("--dir", "root", default="fixtures", show_default=True, metavar="DIR",
              help="Where case names (rather than paths) are looked up.")
@click.option("-v", "--verbose", is_flag=True, help="Also show what fails in xfail cases.")
def check(paths, root, verbose) -> None:
    """Run the cases and report each failure with a diff.

    PATH is a case folder, a folder of cases (default: fixtures/) or a case name.

    Exit status 1 when a case fails or an xfail case passes (remove its
    xfail), 2 when a case folder or case.toml is invalid.
    """
    cases = _resolve(paths or (root,), root)
    stripper = make_stripper()
    results = [check_case(case, stripper) for case in cases]
    counts = dict.fromkeys(("passed", "failed", "xfailed", "xpassed"), 0)
    for result in results:
        counts[result.status] += 1
        if result.status == "failed" or (result.status == "xfailed" and verbose):
            label = "FAIL" if result.status == "failed" else "XFAIL"
            click.echo(click.style(f"{label} {result.case.name}", fg="red", bold=True))
            click.echo(result.report() + "\n")
    for result in results:
        if result.status == "xfailed":
            click.echo(f"xfail {result.case.name} — {result.case.xfail}")
    for result in results:
        if result.status == "xpassed":
            click.echo(click.style(
                f"XPASS {result.case.name} — remove the xfail (it said: {result.case.xfail})",
                fg="yellow", bold=True))
    click.echo(", ".join(f"{n} {status}" for status, n in counts.items()))
    sys.exit(EXIT_FAILED if counts["failed"] or counts["xpassed"] else 0)


@fixtures.command()
@click.argument("input_path", metavar="INPUT", type=click.Path(exists=True, dir_okay=False))
@click.option("--name", required=True, help="The case's folder name, e.g. news-my-site-live-blog.")
@click.option("--url", help="The page's URL (stored in case.toml and used when checking).")
@click.option("--dir", "root", default="fixtures", show_default=True, metavar="DIR",
              help="The folder of cases.")
@click.option("--force", is_flag=True, help="Replace an existing case of that name.")
def add(input_path, name, url, root, force) -> None:
    """Make a new case from INPUT; today's output becomes expected.txt."""
    if not re.fullmatch(r"[A-Za-z0-9][A-Za-z0-9._-]*", name):
        _fail(f"--name {name!r}: use letters, digits, '.', '_' and '-' only")
    folder = Path(root) / name
    if folder.exists() and not force:
        _fail(f"{folder} already exists; use --force to replace it")
    raw = Path(input_path).read_bytes()
    stripper = make_stripper()
    try:
        data = read_input(input_path, stripper.max_bytes)
        article = stripper.extract(data, url=url)
    except StripperError as exc:
        _fail(f"{input_path}: {exc}", EXIT_FAILED)
    if article.kind == "text":
        target, content = "input.txt", data
    elif raw[:2] == b"\x1f\x8b":
        target, content = "input.html.gz", raw
    else:
        target, content = "input.html", raw
    folder.mkdir(parents=True, exist_ok=True)
    for old in (*INPUT_NAMES, EXPECTED, CASE_TOML):
        (folder / old).unlink(missing_ok=True)
    (folder / target).write_bytes(content)
    (folder / EXPECTED).write_text(_text_file(article.text), encoding="utf-8")
    (folder / CASE_TOML).write_text(_case_toml(article, url), encoding="utf-8")
    click.echo(f"created {folder} ({target}, {EXPECTED}, {CASE_TOML})")
    click.echo(f"review {folder / EXPECTED}: it holds today's output, not necessarily the right body;")
    click.echo(f"correct it by hand, fill in {CASE_TOML}, and mark the case xfail if stripper "
               "can't get there yet.")


def _text_file(text: str) -> str:
    return normalise(text) + "\n" if text.strip() else ""


def _toml_str(value: str) -> str:
    return json.dumps(value, ensure_ascii=False).replace("\x7f", "\\u007f")


def _case_toml(article: Article, url: str | None) -> str:
    lines = []
    if url:
        lines.append(f"url = {_toml_str(url)}")
    lines.append('description = "TODO: what the page is and which junk it carries."')
    for field in ("title", "author", "date"):
        if getattr(article, field):
            lines.append(f"{field} = {_toml_str(getattr(article, field))}")
    lines += [
        "# snippets that must not / must appear in the body",
        "must_remove = []",
        "must_keep = []",
    ]
    fired = dict.fromkeys(removal.rule for removal in article.removed)
    lines.append("rules_fired = [" + ", ".join(_toml_str(code) for code in fired) + "]")
    return "\n".join(lines) + "\n"


@fixtures.command()
@click.argument("names", metavar="[CASE ...]", nargs=-1)
@click.option("--dir", "root", default="fixtures", show_default=True, metavar="DIR",
              help="The folder of cases; CASE is a name in it or a path.")
@click.option("--include-xfail", is_flag=True, help="Also rewrite xfail cases.")
def update(names, root, include_xfail) -> None:
    """Re-bless cases: rewrite expected.txt with today's output.

    CASE is a case name, a case folder or a folder of cases (default: all).

    Prints a diff for each case that changed. Only expected.txt is rewritten;
    xfail cases are left alone unless --include-xfail.
    """
    cases = _resolve(names or (root,), root)
    stripper = make_stripper()
    changed = unchanged = skipped = failed = 0
    for case in cases:
        if case.xfail and not include_xfail:
            skipped += 1
            continue
        try:
            text = normalise(run_case(case, stripper).text)
        except StripperError as exc:
            click.echo(f"stripper: {case.input}: {exc}", err=True)
            failed += 1
            continue
        if text == case.expected:
            unchanged += 1
            continue
        changed += 1
        (case.folder / EXPECTED).write_text(_text_file(text), encoding="utf-8")
        click.echo(f"updated {case.folder / EXPECTED}")
        click.echo(body_diff(case.expected, text, case.name))
        result = check_case(load_case(case.folder), stripper)
        if result.status in ("failed", "xfailed"):
            click.echo(f"note: {case.name} still fails:\n{result.report()}\n")
        elif result.status == "xpassed":
            click.echo(f"note: {case.name} now passes: remove its xfail\n")
    summary = f"{changed} updated, {unchanged} unchanged"
    if skipped:
        summary += f", {skipped} xfail skipped (--include-xfail to rewrite them)"
    if failed:
        summary += f", {failed} could not be extracted"
    click.echo(summary)
    sys.exit(EXIT_FAILED if failed else 0)
