"""What a rule is, and the state rules look at while they run."""

from __future__ import annotations

import re
from bisect import bisect_left
from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from functools import cached_property
from itertools import accumulate, chain, compress, repeat
from operator import and_, itemgetter, le, mul, not_
from typing import Any, Literal

from lxml.etree import XPath

from ..blocks import Lines
from ..metadata import TITLE_SEPARATOR, straight_quotes

Stage = Literal["dom", "text"]
Scope = Literal["anywhere", "head", "tail"]
STAGES: tuple[Stage, ...] = ("dom", "text")
SCOPES: tuple[Scope, ...] = ("anywhere", "head", "tail")

_CODE = re.compile(r"^[A-Z]{1,8}[0-9]{1,4}$")
_NAME = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")


@dataclass(frozen=True)
class Rule:
    """A named junk rule.

    ``apply`` is called with the stage's state and the indices in scope:
    a ``text`` rule gets a :class:`TextState` and the indices of the live
    blocks in its scope, and returns the indices it removes; a ``dom`` rule
    gets a :class:`DomState` and returns the elements it drops.
    """

    code: str
    name: str
    stage: Stage
    summary: str
    apply: Callable[..., Iterable[Any]]
    scope: Scope = "anywhere"
    doc: str = ""
    removes: tuple[str, ...] = ()  #: examples the rule must remove
    keeps: tuple[str, ...] = ()  #: look-alike examples it must keep
    domains: tuple[str, ...] = ()  #: run only on pages whose host is (a subdomain of) one of these
    enabled: bool = True  #: on by default
    origin: str = "stripper"  #: where the rule comes from: stripper, a plugin, a TOML file

    def __post_init__(self) -> None:
        from ..errors import RuleError

        if not _CODE.match(self.code):
            raise RuleError(f"rule code {self.code!r} must be capital letters then digits")
        if not _NAME.match(self.name):
            raise RuleError(f"rule name {self.name!r} must be kebab-case")
        if self.stage not in STAGES:
            raise RuleError(f"rule {self.code}: stage must be one of {', '.join(STAGES)}")
        if self.scope not in SCOPES:
            raise RuleError(f"rule {self.code}: scope must be one of {', '.join(SCOPES)}")
        object.__setattr__(self, "removes", tuple(self.removes))
        object.__setattr__(self, "keeps", tuple(self.keeps))
        object.__setattr__(self, "domains", tuple(d.lower().lstrip(".") for d in self.domains))

    def applies_to(self, host: str | None) -> bool:
        if not self.domains:
            return True
        if not host:
            return False
        return any(host == d or host.endswith("." + d) for d in self.domains)


_ALNUM = re.compile(r"[^\W_]")
# What ends a sentence, and the closing quotes and brackets that may follow it.
_TERMINALS = tuple(".!?…。！？")
_CLOSERS = "\"'”’»)]"
_WORD = re.compile(r"\w+")
# Words that occur in running prose but rarely in link labels and headlines.
FUNCTION_WORDS = frozenset(
    """a an the of to in on at is are was were be been has have had and or but that this
    with for from as by it its not will would can could said says he she they we you i
    der die das und ist ein eine nicht mit den dem zu von im auf für sich es sie wir
    le la les des une est et que qui dans pour pas sur il elle nous vous du au
    el los las una es y que en por con para del se lo su al como""".split()
)


def normalise(text: str) -> str:
    """Lower-case, trimmed of punctuation and symbols at both ends: what patterns match."""
    text = text.casefold()
    if text[:1].isalnum() and text[-1:].isalnum():  # the common case: nothing to trim
        return text
    first = _ALNUM.search(text)
    if first is None:
        return ""
    last = _ALNUM.search(text[::-1])
    return text[first.start() : len(text) - last.start()]


# The punctuation and symbols (none a letter or digit) that most often open or close a block, all
# ASCII punctuation among them.
_EDGE_PUNCTUATION = " .,;:!?…'\"‘’“”«»‹›()[]{}<>*•·|/\\#@&%$€£+=~^_`-–—‑©®™°×→←↑↓″′↩★☆✓✔"
# Removals of more blocks than this at once: the live list is rebuilt, not cut (see TextState.changed).
_CUT_MAX = 8
_FIRST = itemgetter(slice(0, 1))
_LAST = itemgetter(slice(-1, None))


def _trim(folded: str) -> str:
    """:func:`normalise` of a case-folded text."""
    end = len(folded)
    while end and not folded[end - 1].isalnum():
        end -= 1
    start = 0
    while start < end and not folded[start].isalnum():
        start += 1
    return folded[start:end]


# Scripts written without spaces between words: Han, Hiragana, Katakana, Thai, Lao, Khmer.
_UNSPACED = re.compile(r"[\u0e00-\u0eff\u1780-\u17ff\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]")
# Characters of unspaced script that count as one word.
_CHARS_PER_WORD = 2


def _unspaced(text: str) -> bool:
    """Whether ``text`` holds characters of unspaced script (isascii answers at once for most texts)."""
    return not text.isascii() and _UNSPACED.search(text) is not None


def word_count(text: str) -> int:
    """Words in ``text``; in scripts without spaces, every two characters count as a word."""
    if not _unspaced(text):
        return len(_WORD.findall(text))
    unspaced = len(_UNSPACED.findall(text))
    return len(_WORD.findall(_UNSPACED.sub(" ", text))) + unspaced // _CHARS_PER_WORD


def words_reach(texts: Sequence[str], indices: Sequence[int], words: int) -> bool:
    """Whether the blocks at ``indices`` hold at least ``words`` words, counted from the last
    one back and only until they do (the article before a list, say, is seldom counted whole)."""
    for i in reversed(indices):
        if words <= 0:
            return True
        words -= word_count(texts[i])
    return words <= 0


_AT_LEAST: dict[int, re.Pattern[str]] = {}


def more_words_than(text: str, limit: int) -> bool:
    """``word_count(text) > limit``, without counting past ``limit``."""
    if len(text) <= limit:  # a word takes at least one character
        return False
    if _unspaced(text):
        return word_count(text) > limit
    regex = _AT_LEAST.get(limit)
    if regex is None:
        regex = _AT_LEAST[limit] = re.compile(rf"\W*+(?:\w++\W*+){{{limit + 1}}}")
    return regex.match(text) is not None


def _ends_like_sentence(text: str) -> bool:
    """Whether ``text`` ends with a full stop, question or exclamation mark (maybe in quotes)."""
    return text.rstrip(_CLOSERS).endswith(_TERMINALS)


def is_prose(text: str) -> bool:
    """A sentence or more: ends like a sentence and reads like running text."""
    if not _ends_like_sentence(text):
        return False
    if _unspaced(text):
        return word_count(text) >= 4
    words = [w.casefold() for w in _WORD.findall(text)]
    if len(words) < 4:
        return False
    return any(w in FUNCTION_WORDS for w in words)


def is_substantial(text: str) -> bool:
    """A real paragraph of the article: prose of some length."""
    if len(text) < 15:  # eight words take at least fifteen characters
        return False
    if more_words_than(text, 24):
        return True
    # 24 words at most: prose of 8 words or more (is_prose first: most lines fail it at once)
    return is_prose(text) and word_count(text) >= 8


@dataclass
class TextState:
    """The blocks of one page while text rules run.

    ``texts``, ``paras`` and ``removed_by`` are the page's :class:`~stripper.blocks.Lines`:
    block ``i`` is ``texts[i]``, from paragraph ``paras[i]``, removed by the rule whose code
    is ``removed_by[i]`` (``None`` while kept).
    """

    lines: Lines
    url: str | None = None
    host: str | None = None
    title: str | None = None
    #: A quick test that every block matched by some pattern rule passes (see ``may_match``).
    prefilter: Any = None
    author: str | None = None
    #: "text" for scraped text, "html" when the blocks come from a page's extractor
    kind: str = "text"
    #: On a page: whether its structured data calls it an article (og:type, JSON-LD), and not a
    #: forum thread or a Q&A page (see :class:`~stripper.declared.Declared`).
    article: bool = False
    texts: list[str] = field(init=False, repr=False)
    paras: list[int] = field(init=False, repr=False)
    removed_by: list[str | None] = field(init=False, repr=False)
    #: What each matcher matches on this page (see ``BlockMatcher.matching``).
    matched: dict[Any, frozenset[int]] = field(init=False, repr=False, default_factory=dict)
    _substantial: dict[int, bool] = field(init=False, repr=False, default_factory=dict)

    def __post_init__(self) -> None:
        self.texts = self.lines.texts
        self.paras = self.lines.paras
        self.removed_by = self.lines.removed_by

    @cached_property
    def keys(self) -> list[str]:
        """Each block's text as patterns see it (see :func:`normalise`)."""
        # normalise(text) trims the case-folded text, so it can start from ``folded``. Stripping
        # the usual punctuation trims most texts right (they then start and end with a letter or
        # digit); the others are trimmed one by one. Every step is a C loop over the page.
        folded = self.folded
        keys = list(map(str.strip, folded, repeat(_EDGE_PUNCTUATION)))
        beyond = self._beyond_ascii_folded
        if beyond is not None:
            # When every character the keys may hold is alphanumeric or in _EDGE_PUNCTUATION, the
            # strip has trimmed every key, the empty ones too.
            rest = "".join(set(beyond).difference(_EDGE_PUNCTUATION))
            if not rest or rest.isalnum():
                return keys
        trimmed = map(and_, map(str.isalnum, map(_FIRST, keys)), map(str.isalnum, map(_LAST, keys)))
        for i in compress(range(len(keys)), map(not_, trimmed)):
            keys[i] = _trim(folded[i])
        return keys

    @cached_property
    def key_counts(self) -> Counter[str]:
        """How many blocks have each key."""
        return Counter(self.keys)

    @cached_property
    def folded(self) -> list[str]:
        """Each block's text, case-folded: what leading labels match."""
        # casefold never makes or removes a space, so lstrip may come after it. Outside ASCII it
        # takes about twice as long as encoding, lowering ASCII letters and decoding; when no
        # character outside ASCII changes in a case fold, the two agree (see Lines.beyond_ascii).
        if self._beyond_ascii_folded is not None and self._beyond_ascii_folded == self.lines.beyond_ascii:
            folded = map(bytes.decode, map(bytes.lower, map(str.encode, self.texts)))
        else:
            folded = map(str.casefold, self.texts)
        return list(map(str.lstrip, folded))

    @cached_property
    def _beyond_ascii_folded(self) -> str | None:
        """The case fold of the texts' characters beyond ASCII (see ``Lines.beyond_ascii``), or
        None when those are unknown: what both ``folded`` and ``keys`` look at."""
        beyond = self.lines.beyond_ascii
        return None if beyond is None else beyond.casefold()

    @cached_property
    def may_match(self) -> list[bool]:
        """False for blocks that no pattern rule can match: one test instead of one per rule."""
        if self.prefilter is None:
            return [True] * len(self.texts)
        maybe = [False] * len(self.texts)
        for i in self._maybe:
            maybe[i] = True
        return maybe

    @cached_property
    def _maybe(self) -> list[int]:
        if self.prefilter is None:
            return list(range(len(self.texts)))
        return self.prefilter.match_all(self.keys, self.folded, self.texts)

    def candidates(self, indices: Sequence[int]) -> list[int]:
        """The blocks of ``indices`` that some pattern rule may match."""
        if indices is self.__dict__.get("_live"):
            removed_by = self.removed_by
            return [i for i in self._maybe if removed_by[i] is None]
        maybe = self.may_match
        return [i for i in indices if maybe[i]]

    @property
    def chars(self) -> int:
        """The page's text in characters: the lengths of all its blocks, removed ones too."""
        ends = self._ends
        return ends[-1] if ends else 0

    def first_past(self, share: float) -> int:
        """The index of the first block that ends past ``share`` of the page's text (in characters)."""
        return self.first_reaching(share * self.chars)

    def first_reaching(self, chars: float) -> int:
        """The index of the first block that ends ``chars`` characters or more into the page's text."""
        return bisect_left(self._ends, chars)

    @cached_property
    def _ends(self) -> list[int]:
        return list(accumulate(map(len, self.texts)))

    def prose_after(self, i: int) -> float:
        """The sentences after block ``i``, in characters, as a share of all the characters
        before it (infinite when none stands before it). Removed blocks count too. A sentence,
        here, is a block of four words or more that ends like one: :func:`is_prose` costs more."""
        texts = self.texts[i + 1 :]  # C loops: each block's length, times whether it is a sentence
        ends = map(str.endswith, map(str.rstrip, texts, repeat(_CLOSERS)), repeat(_TERMINALS))
        spaced = map(le, repeat(3), map(str.count, texts, repeat(" ")))
        after = sum(map(mul, map(len, texts), map(and_, ends, spaced)))
        before = self._ends[i - 1] if i else 0
        return after / before if before else float("inf")

    def is_substantial(self, i: int) -> bool:
        """Whether block ``i`` is a real paragraph (see :func:`is_substantial`); computed once."""
        known = self._substantial
        value = known.get(i)
        if value is None:
            value = known[i] = is_substantial(self.texts[i])
        return value

    def is_title(self, i: int) -> bool:
        """Whether block ``i`` repeats the article's title (compared as patterns see text), alone
        or with the qualifier the title was cut from ("Field Satchel 18L | Waxed Cotton"); quote
        marks compare as typed straight (the title may keep the <title>'s, the line the <h1>'s)."""
        title, key = self.title_key, self.keys[i]
        if title is None:
            return False
        if not key.startswith(title):  # straightening quotes keeps lengths: only the start needs it
            if not self._title_quoted or straight_quotes(key[: len(title)]) != title:
                return False
        return len(key) == len(title) or TITLE_SEPARATOR.match(key, len(title)) is not None

    @cached_property
    def _title_quoted(self) -> bool:
        """Whether the title holds a quote mark (only then may a line differ from it in those alone)."""
        return "'" in self.title_key or '"' in self.title_key

    @cached_property
    def title_key(self) -> str | None:
        """The article's title as patterns see it (see :func:`normalise`), or None."""
        return straight_quotes(normalise(self.title)) if self.title else None

    def changed(self, removed: Iterable[int] | None = None) -> None:
        """Tell the state that blocks were removed (the live blocks are cached); ``removed``:
        the indices of the blocks just removed, when known."""
        live = self.__dict__.pop("_live", None)
        if live is None or removed is None or len(removed) > _CUT_MAX:
            return  # rebuilt on next use: one C loop over the page beats many cuts
        # The few removed indices cut out of the sorted live list, slice by slice.
        parts, start = [], 0
        for i in sorted(removed):
            at = bisect_left(live, i, start)
            if at == len(live) or live[at] != i or self.removed_by[i] is None:
                return  # not a live block that was removed: rebuilt on next use
            parts.append(live[start:at])
            start = at + 1
        parts.append(live[start:])
        self.__dict__["_live"] = list(chain.from_iterable(parts))

    def live(self) -> list[int]:
        """Indices of the blocks no rule has removed (do not modify the list)."""
        live = self.__dict__.get("_live")
        if live is None:
            kept = map(not_, self.removed_by)  # None, or a rule's code (never empty)
            live = self.__dict__["_live"] = list(compress(range(len(self.texts)), kept))
        return live

    def in_scope(self, scope: Scope) -> list[int]:
        """Indices of live blocks in ``scope``.

        ``head``: before the first substantial paragraph (the title repeated as a line is none,
        however much it reads like one: "Is it worth re-sleeving a worn rudder bush?");
        ``tail``: after the last one.
        """
        live = self.live()
        if scope == "anywhere":
            return live
        if scope == "head":
            for n, i in enumerate(live):
                if self.is_substantial(i) and not self.is_title(i):
                    return live[:n]
            return list(live)
        for n in range(len(live) - 1, -1, -1):
            if self.is_substantial(live[n]):
                return live[n + 1 :]
        return list(live)


@dataclass
class DomState:
    """The parsed page while DOM rules run."""

    root: Any  #: the lxml root element
    url: str | None = None
    host: str | None = None
    #: the page's HTML source, when known: a substring search in it can spare a rule a walk of the tree
    source: str | None = None

    @cached_property
    def labels(self) -> tuple[dict[str, list], dict[str, list]]:
        """The page's elements by id and by class name, each list in document order;
        built once per page and shared by every DOM rule."""
        by_id: dict[str, list] = {}
        by_class: dict[str, list] = {}
        for element in _LABELLED(self.root):
            element_id = element.get("id")
            if element_id:
                by_id.setdefault(element_id, []).append(element)
            classes = element.get("class")
            if classes:
                for name in classes.split():
                    by_class.setdefault(name, []).append(element)
        return by_id, by_class


_LABELLED = XPath("//*[@id or @class]")
