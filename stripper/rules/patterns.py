"""Rules made of data: text patterns and CSS selectors.

Built-in rule packs, TOML rule files and plugins all build their simple rules
here. Patterns are compiled once, when the rule is made; matchers are plain
objects so that rules pickle for worker processes.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from functools import cached_property

from lxml.cssselect import CSSSelector
from lxml.etree import XPath

from .model import Rule, Scope, TextState, word_count

# What may stand between a block-leading label and the text it introduces.
LABEL_SEPARATOR = r"\s*[:：|»›>\-–—]\s*"
DEFAULT_LABEL_MAX_WORDS = 25
# Blocks up to this many characters are tested against every whole-block pattern.
_SHORT_BLOCK = 120


def literal(*phrases: str) -> list[str]:
    """Regex patterns matching these phrases exactly (case and edge punctuation aside)."""
    return [re.escape(p.casefold()).replace(r"\ ", r"\s+") for p in phrases]


class BlockMatcher:
    """Removes blocks whose whole text, or leading label, matches a pattern.

    ``blocks``: regexes that must match a block's whole normalised text.
    ``labels``: regexes for a label that starts a block and is followed by a
    separator (``Full coverage: Technology``); such blocks must be at most
    ``label_max_words`` long, so that prose starting with a word never matches.
    ``starts``: regexes matched at the start of the block's raw text with no
    separator needed (``© 2024 Example Media``), under the same length limit.
    """

    def __init__(
        self,
        blocks: Sequence[str] = (),
        labels: Sequence[str] = (),
        label_max_words: int = DEFAULT_LABEL_MAX_WORDS,
        starts: Sequence[str] = (),
    ) -> None:
        self.block_patterns = tuple(blocks)
        self.label_patterns = tuple(labels)
        self.start_patterns = tuple(starts)
        self.label_max_words = label_max_words
        self._whole = _compile(self.block_patterns, r"(?:{})")
        # Whole-block patterns that can match a long block; the others cannot, and are skipped.
        long_patterns = [p for p in self.block_patterns if _max_width(p) > _SHORT_BLOCK]
        self._whole_long = _compile(long_patterns, r"(?:{})")
        leading = [f"(?:{p}){LABEL_SEPARATOR}\\S" for p in self.label_patterns]
        self._leading = _compile(leading + list(self.start_patterns), "(?:{})")

    def matches(self, key: str, text: str, folded: str | None = None) -> bool:
        """Whether a block matches; ``key`` is :func:`normalise`\\ d, ``folded`` the case-folded text."""
        whole = self._whole if len(key) <= _SHORT_BLOCK else self._whole_long
        if whole is not None and whole.fullmatch(key):
            return True
        if self._leading is not None:
            if folded is None:
                folded = text.lstrip().casefold()
            if self._leading.match(folded):
                return word_count(text) <= self.label_max_words
        return False

    def __call__(self, state: TextState, indices: Iterable[int]) -> list[int]:
        keys, folded, blocks = state.keys, state.folded, state.blocks
        maybe = state.may_match
        return [i for i in indices if maybe[i] and self.matches(keys[i], blocks[i].text, folded[i])]

    @classmethod
    def union(cls, matchers: Sequence[BlockMatcher]) -> BlockMatcher:
        """One matcher that matches whatever any of ``matchers`` matches (and maybe a little more)."""
        return cls(
            [p for m in matchers for p in m.block_patterns],
            [p for m in matchers for p in m.label_patterns],
            max((m.label_max_words for m in matchers), default=DEFAULT_LABEL_MAX_WORDS),
            [p for m in matchers for p in m.start_patterns],
        )

    def __getstate__(self) -> dict:
        return {k: v for k, v in self.__dict__.items() if not k.startswith("_")}

    def __setstate__(self, state: dict) -> None:
        self.__init__(
            state["block_patterns"], state["label_patterns"], state["label_max_words"],
            state["start_patterns"],
        )


def _max_width(pattern: str) -> int:
    """The longest text ``pattern`` can match (a large number when unbounded)."""
    return re._parser.parse(pattern, re.IGNORECASE).getwidth()[1]


def _compile(patterns: Sequence[str], template: str) -> re.Pattern[str] | None:
    if not patterns:
        return None
    return re.compile(template.format("|".join(f"(?:{p})" for p in patterns)), re.IGNORECASE)


# "#id", ".class", "tag.class" or "tag#id": selectors answered from one shared pass over the page.
_SIMPLE_SELECTOR = re.compile(r"^(?P<tag>[a-zA-Z][\w-]*)?(?:#(?P<id>[\w-]+)|\.(?P<cls>[\w-]+))$")


class ElementMatcher:
    """Selects elements by CSS selectors and/or XPath expressions.

    Simple selectors (``#id``, ``.class``, ``tag.class``) are looked up in the
    page's index of ids and class names (:attr:`DomState.labels`); other selectors and XPath expressions are
    compiled to one XPath, on first use.
    """

    def __init__(self, css: Sequence[str] = (), xpath: Sequence[str] = ()) -> None:
        self.css = tuple(css)
        self.xpath = tuple(xpath)
        self._ids: dict[str, str | None] = {}
        self._classes: dict[str, set[str | None]] = {}
        complex_css = []
        for selector in self.css:
            simple = _SIMPLE_SELECTOR.match(selector.strip())
            if simple is None:
                complex_css.append(selector)
            elif simple["id"]:
                self._ids[simple["id"]] = simple["tag"]
            else:
                self._classes.setdefault(simple["cls"], set()).add(simple["tag"])
        self._complex = tuple(complex_css)

    @cached_property
    def _expression(self) -> XPath | None:
        parts = [CSSSelector(sel).path for sel in self._complex] + list(self.xpath)
        return XPath(" | ".join(parts)) if parts else None

    def __call__(self, state, indices=None) -> list:
        found = []
        if self._ids or self._classes:
            by_id, by_class = state.labels
            for element_id, tag in self._ids.items():
                found.extend(el for el in by_id.get(element_id, ()) if tag is None or el.tag == tag)
            for name, tags in self._classes.items():
                found.extend(el for el in by_class.get(name, ()) if None in tags or el.tag in tags)
        if self._expression is not None:
            found.extend(self._expression(state.root))
        return found

    def __getstate__(self) -> dict:
        return {"css": self.css, "xpath": self.xpath}

    def __setstate__(self, state: dict) -> None:
        self.__init__(state["css"], state["xpath"])


def pattern_rule(
    code: str,
    name: str,
    summary: str,
    *,
    blocks: Sequence[str] = (),
    labels: Sequence[str] = (),
    starts: Sequence[str] = (),
    scope: Scope = "anywhere",
    label_max_words: int = DEFAULT_LABEL_MAX_WORDS,
    **fields,
) -> Rule:
    """A text rule removing blocks that match ``blocks``, or start with ``labels`` or ``starts``."""
    matcher = BlockMatcher(blocks, labels, label_max_words, starts)
    return Rule(code, name, "text", summary, matcher, scope=scope, **fields)


def selector_rule(
    code: str, name: str, summary: str, *, css: Sequence[str] = (), xpath: Sequence[str] = (),
    **fields,
) -> Rule:
    """A DOM rule dropping the elements that match CSS selectors or XPath expressions."""
    return Rule(code, name, "dom", summary, ElementMatcher(css, xpath), **fields)
