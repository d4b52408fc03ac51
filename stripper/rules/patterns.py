"""Rules made of data: text patterns and CSS selectors.

Built-in rule packs, TOML rule files and plugins all build their simple rules
here. Patterns are compiled once, when the rule is made; matchers are plain
objects so that rules pickle for worker processes.
"""

from __future__ import annotations

import _sre
import re
from bisect import bisect_left
from collections.abc import Iterable, Sequence
from functools import cached_property
from itertools import compress, repeat
from operator import itemgetter, le
from re._casefix import _EXTRA_CASES
from typing import Any

from lxml.cssselect import CSSSelector
from lxml.etree import XPath

from .model import Rule, Scope, TextState, more_words_than

# What may stand between a block-leading label and the text it introduces; a hyphen
# inside a word ("Next-generation", "Read-only") joins a compound and is no separator.
LABEL_SEPARATOR = r"(?:\s*[:：|»›>–—]|\s*-(?!\w)|\s+-)\s*"
DEFAULT_LABEL_MAX_WORDS = 25


def _leading_pattern(label: str) -> str:
    """A label pattern as matched at the start of a block: followed by a separator and more text."""
    return f"(?:{label}){LABEL_SEPARATOR}\\S"


def literal(*phrases: str) -> list[str]:
    """Regex patterns matching these phrases exactly (case and edge punctuation aside)."""
    return [re.escape(p.casefold()).replace(r"\ ", r"\s+") for p in phrases]


# How many block texts a union remembers the matching patterns of (see BlockMatcher.part_matches).
_KNOWN_MAX = 50_000


_NO_PARTS: frozenset = frozenset()
_NOTHING: frozenset[int] = frozenset()


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
        #: the matchers this one was made of (see :meth:`union`)
        self.parts: tuple[BlockMatcher, ...] = ()
        self._part_set: frozenset[BlockMatcher] = _NO_PARTS  #: the same, for membership tests

    # Built on first use: a rule that is part of the pattern prefilter (every built-in one) is
    # matched through the prefilter's union, and never needs its own (see ``__call__``).
    @cached_property
    def _whole(self) -> _Alternation:
        return _Alternation(self.block_patterns, whole=True)

    @cached_property
    def _leading(self) -> _Alternation:
        leading = [_leading_pattern(p) for p in self.label_patterns]
        return _Alternation(leading + list(self.start_patterns), whole=False)

    def matches(self, key: str, text: str, folded: str | None = None) -> bool:
        """Whether a block matches; ``key`` is :func:`normalise`\\ d, ``folded`` the case-folded text."""
        if self._whole(key):
            return True
        if self._leading:
            if folded is None:
                text = text.lstrip()
                if not self._leading.may_start(text[:1].casefold()[:1]):
                    return False
                folded = text.casefold()
            if self._leading(folded):
                return not more_words_than(text, self.label_max_words)
        return False

    def match_all(self, keys: Sequence[str], folded: Sequence[str], texts: Sequence[str]) -> list[int]:
        """The indices of the blocks that :meth:`matches`, for whole lists of blocks at once."""
        hits = self._whole.hits(keys)
        if self._leading:
            limit = self.label_max_words
            hits.update(i for i in self._leading.hits(folded) if not more_words_than(texts[i], limit))
        return sorted(hits)

    def may_remove(self, state: TextState) -> bool:
        """False when the rule surely matches no block of the page."""
        found = state.matched.get(self)
        if found is None:
            if self not in getattr(state.prefilter, "_part_set", _NO_PARTS):
                return True  # not the prefilter's: only applying it tells
            found = self.matching(state)
        return bool(found)

    def matching(self, state: TextState) -> frozenset[int]:
        """The indices of all the page's blocks that :meth:`matches`, found once per page."""
        found = state.matched.get(self)
        if found is None:
            if self in getattr(state.prefilter, "_part_set", _NO_PARTS):  # only the prefilter's candidates can match
                state.matched.update(state.prefilter.part_matches(state))
                found = state.matched[self]
            else:
                found = state.matched[self] = frozenset(self.match_all(state.keys, state.folded, state.texts))
        return found

    def __call__(self, state: TextState, indices: Iterable[int]) -> list[int]:
        if self in getattr(state.prefilter, "_part_set", _NO_PARTS):
            candidates = state.candidates(indices)
            if not candidates:
                return []
            found = self.matching(state)
            return [i for i in candidates if i in found] if found else []
        keys, texts = state.keys, state.texts
        return [i for i in state.candidates(indices) if self.matches(keys[i], texts[i])]

    @classmethod
    def union(cls, matchers: Sequence[BlockMatcher]) -> BlockMatcher:
        """One matcher that matches whatever any of ``matchers`` matches (and maybe a little more)."""
        merged = cls(
            [p for m in matchers for p in m.block_patterns],
            [p for m in matchers for p in m.label_patterns],
            max((m.label_max_words for m in matchers), default=DEFAULT_LABEL_MAX_WORDS),
            [p for m in matchers for p in m.start_patterns],
        )
        merged.parts = tuple(matchers)
        merged._part_set = frozenset(matchers)
        return merged

    @cached_property
    def _owners(self) -> tuple[dict[str, list[BlockMatcher]], dict[str, list[BlockMatcher]]]:
        """Of a union: the parts each whole-block pattern, and each leading pattern, comes from."""
        whole: dict[str, list[BlockMatcher]] = {}
        leading: dict[str, list[BlockMatcher]] = {}
        for part in self.parts:
            for pattern in part.block_patterns:
                whole.setdefault(pattern, []).append(part)
            for pattern in part.label_patterns:
                leading.setdefault(_leading_pattern(pattern), []).append(part)
            for pattern in part.start_patterns:
                leading.setdefault(pattern, []).append(part)
        return whole, leading

    def part_matches(self, state: TextState) -> dict[BlockMatcher, frozenset[int]]:
        """Of a union: what each part matches on the page. Only the blocks the union matches are
        tried, each only against the patterns that may match it (by its start and length), and a
        pattern that matches credits every part that holds it. Template lines recur from page to
        page, so what a block's text matches is remembered (see :meth:`_matching_patterns`)."""
        leading = self._owners[1]
        keys, folded, texts = state.keys, state.folded, state.texts
        found: dict[BlockMatcher, set[int]] = {}
        known = self._known
        for i in state._maybe:
            text_key = (keys[i], folded[i])
            hit = known.get(text_key)
            if hit is None:
                if len(known) >= _KNOWN_MAX:
                    known.clear()
                hit = known[text_key] = self._matching_patterns(*text_key)
            whole_parts, leading_patterns = hit
            parts = set(whole_parts)
            for pattern in leading_patterns:
                parts.update(part for part in leading[pattern]
                             if part not in parts and not more_words_than(texts[i], part.label_max_words))
            for part in parts:
                indices = found.get(part)
                if indices is None:
                    found[part] = {i}
                else:
                    indices.add(i)
        matched = dict.fromkeys(self.parts, _NOTHING)  # most parts match nothing on a page
        matched.update(zip(found, map(frozenset, found.values()), strict=True))
        return matched

    def _matching_patterns(self, key: str, fold: str) -> tuple[frozenset[BlockMatcher], tuple[str, ...]]:
        """Of a union, for a block's key and case-folded text: the parts whose whole-block patterns
        match it, and the leading patterns that match it (their parts' word limits are checked on
        each block's own text)."""
        whole = self._owners[0]
        parts: set[BlockMatcher] = set()
        for pattern in self._whole.phrase_patterns.get(key, ()):
            parts.update(whole[pattern])
        for pattern, test in self._whole.tests_for(key):
            if test(key) is not None:
                parts.update(whole[pattern])
        matched = tuple(pattern for pattern, test in self._leading.tests_for(fold) if test(fold) is not None)
        return frozenset(parts), matched

    @cached_property
    def _known(self) -> dict[tuple[str, str], tuple[frozenset[BlockMatcher], tuple[str, ...]]]:
        return {}

    def __getstate__(self) -> dict:
        return {k: v for k, v in self.__dict__.items() if not k.startswith("_")}

    def __setstate__(self, state: dict) -> None:
        self.__init__(
            state["block_patterns"], state["label_patterns"], state["label_max_words"],
            state["start_patterns"],
        )
        self.parts = state.get("parts", ())
        self._part_set = frozenset(self.parts)


class _Alternation:
    """A set of patterns tried at the start of a text, indexed so that few are tried per text.

    Equivalent to one case-insensitive alternation, but: with ``whole``, patterns that are
    plain phrases are looked up in a set, and a text is only tried against the patterns
    whose length bounds admit its length; a text is only tried against the patterns that
    can start with its first character; and patterns that can start anywhere but need a
    literal ("all rights reserved") are only tried on texts containing it. The
    alternation for each first character and length is compiled on first use.
    """

    def __init__(self, patterns: Sequence[str], *, whole: bool) -> None:
        self._whole = whole
        self._method = "fullmatch" if whole else "match"
        phrases = set()
        self.phrase_patterns: dict[str, list[str]] = {}
        self.gated_patterns: list[str] = []
        regexes: list[tuple[str, frozenset[str] | None, tuple[int, int]]] = []
        trees = []  # each regex's parse, read again for its starts below
        gated = []
        longest = 0  # the longest text a gated pattern can match
        for pattern in patterns:
            # Most whole-block patterns are phrases (see literal): read as text, not parsed.
            phrase = _written_phrase(pattern) if whole else None
            if phrase is None:
                tree = re._parser.parse(pattern, re.IGNORECASE)
                phrase = _plain_phrase(tree) if whole else None
            if phrase is not None:
                phrases.add(phrase)
                self.phrase_patterns.setdefault(phrase, []).append(pattern)
                continue
            first, nullable = _first_chars(list(tree))
            if nullable:
                first = None
            needed = _needed_literal(tree) if first is None else None
            if needed is not None:
                gated.append((needed, _tester([pattern], self._method)))
                self.gated_patterns.append(pattern)
                longest = max(longest, tree.getwidth()[1] if whole else _UNBOUNDED)
            else:
                regexes.append((pattern, first, tree.getwidth() if whole else (0, _UNBOUNDED)))
                trees.append(tree)
        self.phrases = frozenset(phrases)
        self._regexes = regexes
        self._gated = tuple(gated)
        self._gated_longest = longest
        self._chars = frozenset(c for _, first, _ in regexes if first is not None for c in first)
        self._anywhere = any(first is None for _, first, _ in regexes)
        self._testers: list[dict[str, Any]] = [{} for _ in _LENGTH_CLASSES]
        # The length classes a start's tests are kept by: whole-block patterns by the text's length.
        self._classes = _LENGTH_CLASSES if whole else _LENGTH_CLASSES[-1:]
        # For texts whose first _START_SIZE characters are ASCII: the patterns that can start with them.
        # Which patterns can start how: starts shorter than _START_SIZE, and the last
        # character of full-size starts by the characters before it.
        self._short_starts: dict[str, set[int]] = {}
        self._last_chars: dict[str, dict[str, Any]] = {}
        for n, ((pattern, _, _), tree) in enumerate(zip(regexes, trees, strict=True)):
            _any_of([pattern], self._method)  # compiled now, once per process
            starts = _ascii_starts(list(tree))
            for start in [_ANY_CHAR * _START_SIZE] if starts is None else starts:
                if len(start) < _START_SIZE:
                    self._short_starts.setdefault(start, set()).add(n)
                else:
                    self._last_chars.setdefault(start[:-1], {}).setdefault(start[-1], set()).add(n)
        self._last_chars = {head: {last: frozenset(p) for last, p in table.items()}
                            for head, table in self._last_chars.items()}
        self._starts: dict[str, tuple | None] = {}
        self._heads: dict[str, tuple[frozenset[int], dict[str, frozenset[int]]]] = {}
        self._by_possible: dict[frozenset[int], tuple | None] = {}
        self._by_first_char: dict[str, frozenset[int]] = {}
        # Which regexes may start with a character: those that may start anywhere, and by the
        # characters (or _NON_ASCII) their first-character sets name.
        self._start_anywhere = frozenset(n for n, (_, first, _) in enumerate(regexes) if first is None)
        first_chars: dict[str, set[int]] = {}
        for n, (_, first, _) in enumerate(regexes):
            for char in first or ():
                first_chars.setdefault(char, set()).add(n)
        self._first_chars = {char: frozenset(found) for char, found in first_chars.items()}
        self._patterns_by_start: dict[str, tuple[str, ...]] = {}
        self._by_choice: dict[tuple[int, ...], Any] = {}
        self._patterns = [p for p, _, _ in regexes]
        self._widths = {p: width for p, _, width in regexes}
        self._tests: dict[tuple[str, int], tuple[tuple[str, Any], ...]] = {}
        self._any = bool(phrases or regexes or gated)

    def __bool__(self) -> bool:
        return self._any

    def may_start(self, char: str) -> bool:
        """False when no text starting with ``char`` can match (for a case-folded ``char``)."""
        if not char or self._anywhere or self._gated or char in self._chars:
            return True
        return not char.isascii() and _NON_ASCII in self._chars

    def _build(self, char: str, length_class: int):
        low = _LENGTH_CLASSES[length_class - 1] + 1 if length_class else 0
        high = _LENGTH_CLASSES[length_class]
        non_ascii = not char.isascii()
        chosen = [p for p, first, (shortest, longest) in self._regexes
                  if (first is None or char in first or (non_ascii and _NON_ASCII in first))
                  and shortest <= high and longest >= low]
        tester = self._testers[length_class][char] = _any_of(chosen, self._method)
        return tester

    def _by_start(self, start: str) -> tuple | None:
        """For texts beginning with ``start`` (their first ``_START_SIZE`` characters): the tests of
        each length class (see ``_build_testers``), or None when no pattern can match."""
        if start:
            found = self._testers_of(self._start_indices(start))
        else:
            found = ((self._test_empty,),) * len(self._classes)
        self._starts[start] = found
        return found

    def _test_empty(self, text: str) -> bool | None:
        """The test of the empty text (a block of punctuation alone has an empty key), answered once."""
        return True if self._matches_empty else None

    def _start_patterns(self, start: str) -> tuple[str, ...]:
        """The regex patterns that may match a text beginning with ``start``."""
        found = self._patterns_by_start.get(start)
        if found is None:
            indices = self._start_indices(start)
            found = self._patterns_by_start[start] = tuple(self._regexes[n][0] for n in sorted(indices))
        return found

    def _start_indices(self, start: str) -> frozenset[int]:
        """The regexes (by index) that may match a text beginning with ``start`` (not empty): by
        its first two characters and the third (see ``_head``) when it has ``_START_SIZE`` ASCII
        ones, else by its first character."""
        if len(start) == _START_SIZE and start.isascii():
            head, last = start[:-1], start[-1]
            short, by_last = self._heads.get(head) or self._head(head)
            return short.union(by_last.get(last, ()), by_last.get(_ANY_CHAR, ()), by_last.get(_SYMBOLS.get(last), ()))
        return self._first_char_patterns(start[0])

    def _first_char_patterns(self, char: str) -> frozenset[int]:
        found = self._by_first_char.get(char)
        if found is None:
            first_chars = self._first_chars
            found = self._start_anywhere.union(
                first_chars.get(char, ()), () if char.isascii() else first_chars.get(_NON_ASCII, ()))
            self._by_first_char[char] = found
        return found

    def _head(self, head: str) -> tuple[frozenset[int], dict[str, frozenset[int]]]:
        """For texts beginning with ``head`` (one character short of a start): the patterns with
        a shorter start that fits, and by the next character, those with a full-size start."""
        variants = _start_variants(head)
        short = frozenset().union(*(self._short_starts.get(v, ()) for v in variants))
        tables = [table for table in map(self._last_chars.get, variants) if table]
        if len(tables) == 1:
            by_last = tables[0]
        else:
            merged: dict[str, set[int]] = {}
            for table in tables:
                for last, patterns in table.items():
                    merged.setdefault(last, set()).update(patterns)
            by_last = {last: frozenset(patterns) for last, patterns in merged.items()}
        found = self._heads[head] = (short, by_last)
        return found

    def _testers_of(self, patterns: frozenset[int]) -> tuple | None:
        found = self._by_possible.get(patterns, _UNBUILT)
        if found is _UNBUILT:
            found = self._by_possible[patterns] = self._build_testers(tuple(sorted(patterns)))
        return found

    def _build_testers(self, possible: tuple[int, ...]) -> tuple | None:
        """By length class: the tests (each pattern's compiled ``match`` or ``fullmatch``) of the
        regexes of ``possible`` whose lengths fit, tried in turn on a text; None when none fits any
        class. (Each pattern is compiled once, on its own: the combinations a text's start picks
        are many, and each is tried on few texts.)"""
        if not possible:
            return None
        testers = []
        regexes, method = self._regexes, self._method
        for length_class, high in enumerate(self._classes):
            low = _LENGTH_CLASSES[length_class - 1] + 1 if length_class else 0
            chosen = tuple(n for n in possible if regexes[n][2][0] <= high and regexes[n][2][1] >= low)
            tests = self._by_choice.get(chosen)
            if tests is None:
                tests = self._by_choice[chosen] = tuple(_COMPILED[regexes[n][0], method] for n in chosen)
            testers.append(tests)
        return tuple(testers) if any(testers) else None

    def tests_for(self, text: str) -> tuple[tuple[str, Any], ...]:
        """The regex patterns that may match ``text`` (by its start, its length and the literals
        it holds), each with its test (``match`` or ``fullmatch``)."""
        start = text[:_START_SIZE]
        length_class = bisect_left(_LENGTH_CLASSES, len(text)) if self._whole else 0
        tests = self._tests.get((start, length_class))
        if tests is None:
            patterns = self._start_patterns(start) if start else self._patterns
            low = _LENGTH_CLASSES[length_class - 1] + 1 if length_class else 0
            high = _LENGTH_CLASSES[length_class]
            method, widths = self._method, self._widths
            tests = self._tests[start, length_class] = tuple(
                (pattern, _COMPILED[pattern, method]) for pattern in patterns  # each compiled in __init__
                if widths[pattern][0] <= high and widths[pattern][1] >= low)
        if self._gated:
            tests += tuple((pattern, test) for (needed, test), pattern
                           in zip(self._gated, self.gated_patterns, strict=True) if needed in text)
        return tests

    def hits(self, texts: Sequence[str]) -> set[int]:
        """The indices of ``texts`` that match: ``{i for i, t in enumerate(texts) if self(t)}``."""
        found: set[int] = set()
        if not self._any:
            return found
        if self.phrases and not self.phrases.isdisjoint(texts):
            found.update(compress(range(len(texts)), map(self.phrases.__contains__, texts)))
        if self._regexes:
            starts, by_start = self._starts, self._by_start
            whole, classes = self._whole, _LENGTH_CLASSES
            # Dictionary look-ups for all texts at once: only texts whose start has tests, or a
            # start not seen before, are looked at one by one.
            heads = list(map(_START, texts))
            entries = list(map(starts.get, heads, repeat(_UNBUILT)))
            for i in compress(range(len(texts)), entries):
                testers = entries[i]
                if testers is _UNBUILT:  # a start first seen on this page, maybe on an earlier line
                    testers = starts.get(heads[i], _UNBUILT)
                    if testers is _UNBUILT:
                        testers = by_start(heads[i])
                    if testers is None:
                        continue
                text = texts[i]
                for test in testers[bisect_left(classes, len(text))] if whole else testers[0]:
                    if test(text) is not None:
                        found.add(i)
                        break
        if self._gated:
            # Literal searches over the page at once; long paragraphs are left out when no
            # gated pattern can match a text that long.
            longest = self._gated_longest
            joined = "\n".join(texts if longest >= _UNBOUNDED else
                               compress(texts, map(le, map(len, texts), repeat(longest))))
            for needed, test in self._gated:
                if needed in joined:
                    found.update(i for i, text in enumerate(texts) if needed in text and test(text) is not None)
        return found

    @cached_property
    def _matches_empty(self) -> bool:
        """Whether the empty text matches (a block of punctuation alone has an empty key)."""
        test = _any_of(self._patterns, self._method)
        return "" in self.phrases or (test is not None and test("") is not None)

    def __call__(self, text: str) -> bool:
        if not text:  # the same answer every time: found once
            return self._matches_empty
        if text in self.phrases:
            return True
        if self._regexes:
            length_class = bisect_left(_LENGTH_CLASSES, len(text)) if self._whole else 0
            try:
                test = self._testers[length_class][text[0]]
            except KeyError:
                test = self._build(text[0], length_class)
            if test is not None and test(text) is not None:
                return True
        for needed, test in self._gated:
            if needed in text and test(text) is not None:
                return True
        return False


_UNBOUNDED = 1 << 30
_UNBUILT = object()
# Upper bounds of the text lengths that share one alternation (whole-text patterns).
_LENGTH_CLASSES = (6, 12, 20, 32, 48, 80, 120, 200, _UNBOUNDED)


def _is_space_run(arg) -> bool:
    """Whether a repeat is ``\\s+``."""
    c = re._constants
    low, high, body = arg
    return low == 1 and high == c.MAXREPEAT and list(body) == [(c.IN, [(c.CATEGORY, c.CATEGORY_SPACE)])]


def _plain_phrase(tree) -> str | None:
    """The phrase a pattern made by :func:`literal` matches, or None for any other pattern."""
    chars = []
    for op, arg in tree:
        if op is re._constants.LITERAL:
            chars.append(chr(arg))
        elif op is re._constants.MAX_REPEAT and _is_space_run(arg):
            chars.append(" ")
        else:
            return None
    return _as_phrase("".join(chars))


def _written_phrase(pattern: str) -> str | None:
    """:func:`_plain_phrase` of ``pattern``, read from its text alone (no parse, which takes about a
    millisecond a pattern), for patterns written as :func:`literal` writes them: characters that are
    not special, escaped punctuation and ``\\s+``. None for any other pattern, which may still be a
    phrase: the parse then tells."""
    if not _PHRASE_SOURCE.fullmatch(pattern):
        return None
    return _as_phrase(_PHRASE_TOKEN.sub(_phrase_char, pattern))


def _as_phrase(phrase: str) -> str | None:
    if not phrase or phrase != phrase.casefold() or "  " in phrase or phrase != phrase.strip():
        return None
    return phrase


# A pattern that matches one text: plain characters, escaped ASCII punctuation or spaces, and runs
# of white space.
_PHRASE_SOURCE = re.compile(r"(?:[^\\.^$*+?{}\[\]|()]|\\[ -/:-@\[-`{-~]|\\s\+)*")
_PHRASE_TOKEN = re.compile(r"\\s\+|\\(.)")


def _phrase_char(match: re.Match) -> str:
    return match.group(1) or " "


# In first-character sets: "any character outside ASCII".
_NON_ASCII = ""
_CATEGORY_ASCII = {
    re._constants.CATEGORY_DIGIT: frozenset("0123456789") | {_NON_ASCII},
    re._constants.CATEGORY_SPACE: frozenset(" \t\n\r\f\v\x1c\x1d\x1e\x1f\x85") | {_NON_ASCII},
}


def _cased(char: str) -> set[str]:
    return {char, char.lower(), char.upper(), char.casefold()[0]}


def _first_chars(ops) -> tuple[frozenset[str] | None, bool]:
    """The characters a parsed pattern can start with (None: any), and whether it can match ''."""
    c = re._constants
    found: set[str] = set()
    for op, arg in ops:
        if op is c.LITERAL:
            return frozenset(found | _cased(chr(arg))), False
        if op is c.IN:
            for item_op, item in arg:
                if item_op is c.LITERAL:
                    found |= _cased(chr(item))
                elif item_op is c.CATEGORY and item in _CATEGORY_ASCII:
                    found |= _CATEGORY_ASCII[item]
                else:
                    return None, False
            return frozenset(found), False
        if op is c.AT:
            continue
        if op is c.SUBPATTERN:
            sub = _first_chars(list(arg[3]))
        elif op is c.BRANCH:
            subs = [_first_chars(list(alt)) for alt in arg[1]]
            if any(first is None for first, _ in subs):
                return None, False
            sub = (frozenset().union(*(first for first, _ in subs)), any(n for _, n in subs))
        elif op in (c.MAX_REPEAT, c.MIN_REPEAT, c.POSSESSIVE_REPEAT):
            first, nullable = _first_chars(list(arg[2]))
            sub = (first, nullable or arg[0] == 0)
        else:
            return None, False
        first, nullable = sub
        if first is None:
            return None, False
        found |= first
        if not nullable:
            return frozenset(found), False
    return frozenset(found), True


# In the starts of patterns: "any character here".
_ANY_CHAR = "\x00"
# How many leading characters pick the patterns tried on a text. Two let common word starts
# ("th", "wh", "ma") try many patterns that begin like them ("thanks", "whatsapp", "mastodon");
# four pick fewest, but each new start is worked out on first sight and a page brings many.
# Three are quickest for one pass over scraped text (10% fewer instructions than two; same output).
_START_SIZE = 3
_START = itemgetter(slice(0, _START_SIZE))
# ... "any digit", "any space" (\d and \s: in ASCII text, these characters).
_A_DIGIT, _ASCII_DIGITS = "\x01", frozenset("0123456789")
_A_SPACE, _ASCII_SPACES = "\x02", frozenset(" \t\n\r\f\v\x1c\x1d\x1e\x1f")
# The class symbol in starts ("any digit", "any space") of each ASCII character that has one.
_SYMBOLS = dict.fromkeys(_ASCII_DIGITS, _A_DIGIT) | dict.fromkeys(_ASCII_SPACES, _A_SPACE)
_MAX_STARTS = 400
_MAX_CHARS = 8


def _ascii_matches(code: int) -> set[str]:
    """The ASCII characters (but capitals) that character ``code`` matches case-insensitively.

    Case-insensitive matching compares the lower case of the text's character with
    the pattern's, or with its extra case variants; in case-folded text an ASCII
    character is never a capital, so it is its own lower case.
    """
    lower = _sre.unicode_tolower(code)
    return {chr(c) for c in (lower, *_EXTRA_CASES.get(lower, ())) if c < 128 and not chr(c).isupper()}


def _ascii_starts(ops, size: int = _START_SIZE) -> set[str] | None:
    """The first ``size`` characters of every match of a parsed case-insensitive pattern, as seen in
    case-folded ASCII text (``_ANY_CHAR`` for any character; shorter strings are whole matches);
    ``None`` when there are too many or the pattern is not understood."""
    found = {""}
    for op, arg in ops:
        item = _ascii_item_starts(op, arg, size)
        if item is None:
            return None
        found = _concat_starts(found, item, size)
        if found is None:
            return None
    return found


def _concat_starts(heads: set[str], tails: set[str], size: int) -> set[str] | None:
    joined = {head for head in heads if len(head) >= size}
    joined.update((head + tail)[:size] for head in heads if len(head) < size for tail in tails)
    return joined if len(joined) <= _MAX_STARTS else None


def _ascii_item_starts(op, arg, size: int) -> set[str] | None:
    c = re._constants
    if op is c.LITERAL:
        return _ascii_matches(arg)
    if op is c.NOT_LITERAL or op is c.ANY:
        return {_ANY_CHAR}
    if op is c.IN:
        chars: set[str] = set()
        for item_op, item in arg:
            if item_op is c.LITERAL:
                chars |= _ascii_matches(item)
            elif item_op is c.RANGE and item[1] - item[0] <= 1000:
                for code in range(item[0], item[1] + 1):
                    chars |= _ascii_matches(code)
            elif item_op is c.CATEGORY and item is c.CATEGORY_DIGIT:
                chars.add(_A_DIGIT)
            elif item_op is c.CATEGORY and item is c.CATEGORY_SPACE:
                chars.add(_A_SPACE)
            else:  # NEGATE, other categories, wide ranges
                return {_ANY_CHAR}
        return chars if len(chars) <= _MAX_CHARS else {_ANY_CHAR}  # digits, spaces: any character
    if op is c.AT or op is c.ASSERT or op is c.ASSERT_NOT:
        return {""}
    if op is c.SUBPATTERN:
        return _ascii_starts(list(arg[3]), size)
    if op is c.BRANCH:
        union: set[str] = set()
        for alternative in arg[1]:
            starts = _ascii_starts(list(alternative), size)
            if starts is None:
                return None
            union |= starts
        return union if len(union) <= _MAX_STARTS else None
    if op in (c.MAX_REPEAT, c.MIN_REPEAT, c.POSSESSIVE_REPEAT):
        low, high, body = arg
        once = _ascii_starts(list(body), size)
        if once is None:
            return None
        found = {""} if low == 0 else set()
        repeated = {""}
        count = 0
        while count < high:
            count += 1
            repeated = _concat_starts(repeated, once, size)
            if repeated is None:
                return None
            if count >= low:
                found |= repeated
                if count >= size:  # every further repetition starts the same way
                    break
        return found
    return None


def _start_variants(text: str) -> list[str]:
    """The starts (see :func:`_ascii_starts`) a match of a text beginning with ``text`` can have."""
    variants = [""]
    for char in text:
        options = [char, _ANY_CHAR]
        if char in _ASCII_DIGITS:
            options.append(_A_DIGIT)
        elif char in _ASCII_SPACES:
            options.append(_A_SPACE)
        variants += [v + c for v in variants if len(v) == len(variants[-1]) for c in options]
    return variants


def _needed_literal(tree, shortest: int = 5) -> str | None:
    """The longest run of literal characters every match must contain (at least ``shortest``)."""
    best, run = "", []
    for op, arg in list(tree) + [(None, None)]:
        if op is re._constants.LITERAL:
            run.append(chr(arg))
            continue
        if len(run) > len(best):
            best = "".join(run)
        run = []
    return best if len(best) >= shortest and best == best.casefold() else None


_COMPILED: dict[tuple[str, str], Any] = {}


def _any_of(patterns: Sequence[str], method: str):
    """Like :func:`_tester`, but each pattern compiled on its own, once per process: the
    combinations picked by a text's start are many, and each is tried on few texts."""
    tests = []
    for pattern in patterns:
        test = _COMPILED.get((pattern, method))
        if test is None:
            test = _COMPILED[pattern, method] = _tester([pattern], method)
        tests.append(test)
    if len(tests) <= 1:
        return tests[0] if tests else None

    def any_of(text: str):
        for test in tests:
            found = test(text)
            if found is not None:
                return found
        return None

    return any_of


def _tester(patterns: Sequence[str], method: str):
    """The ``match`` or ``fullmatch`` method of the alternation of ``patterns`` (None if empty)."""
    regex = _compile(patterns, "(?:{})")
    return None if regex is None else getattr(regex, method)


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
