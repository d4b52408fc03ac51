"""The data path, top to bottom:

    decode → detect HTML or text → parse → DOM rules → extract → text rules → render

:class:`Stripper` holds the configuration (rules, extractor, limits) and is
reused across pages; every call works on its own state, so one Stripper can
serve many threads, and it pickles for worker processes.
"""

from __future__ import annotations

import contextlib
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from functools import partial
from pathlib import Path
from typing import Literal
from urllib.parse import urlsplit

from .article import Article, Removal
from .blocks import Block, Lines, lines_from_extractor, split_text
from .declared import Declared
from .decode import decode
from .detect import Kind, detect_kind, xml_root
from .errors import InputTooLargeError, NotAPageError, StripperError
from .extractors import Extracted, get_extractor
from .metadata import byline_name, page_metadata, visible_dates
from .parse import parse_html
from .rules import (
    BlockMatcher,
    DomState,
    Rule,
    Ruler,
    TextState,
    builtin_rules,
    load_rule_file,
    normalise,
    plugin_rules,
)
from .rules.apply import run_dom_rules, run_text_rules

InputType = Literal["auto", "html", "text"]
_WARM_UP_PAGE = (
    "<html lang='en'><head><title>Warm-up page</title><meta name='author' content='A. Writer'>"
    "<meta property='article:published_time' content='2024-05-06'></head><body><article>"
    "<h1>Warm-up page</h1><p>Published on 6 May 2024 by A. Writer.</p>"
    "<p>This paragraph exists so that every stage of the pipeline runs once (itâ€™s mended too).</p>"
    "<p>Share this:</p></article></body></html>"
)
DEFAULT_MAX_BYTES = 20 * 1024 * 1024
RuleSource = Rule | str | Path | Callable[[Ruler], None]


@dataclass
class Page:
    """One page after the whole pipeline: what ``explain`` shows and ``extract`` returns."""

    kind: Kind
    lines: Lines
    dom_removed: list[Removal]
    text_removed: list[Removal]
    meta: Extracted

    @property
    def blocks(self) -> list[Block]:
        """Every block, kept or removed, in order."""
        return self.lines.blocks()

    def article(self) -> Article:
        return Article(
            text=self.lines.render(),
            title=self.meta.title,
            author=self.meta.author,
            date=self.meta.date,
            url=self.meta.url,
            language=self.meta.language,
            kind=self.kind,
            removed=tuple(self.dom_removed + self.text_removed),
        )


class Stripper:
    """A configured extractor: build once, call :meth:`extract` for every page.

    ``select`` / ``ignore``: rule codes, code prefixes or names to run / skip;
    ``extend_select``: rules to run on top of the default (e.g. rules that are off by default).
    ``rules``: extra rules: :class:`Rule` objects, TOML rule files, or
    functions that receive the :class:`Ruler` and insert rules where they like.
    ``input_type``: ``"auto"`` (decide from the content), ``"html"`` or ``"text"``.
    ``max_bytes``: inputs larger than this are refused (``None``: no limit).
    """

    def __init__(
        self,
        *,
        select: Iterable[str] | None = None,
        ignore: Iterable[str] = (),
        extend_select: Iterable[str] = (),
        rules: Iterable[RuleSource] = (),
        input_type: InputType = "auto",
        extractor: str = "auto",
        plugins: bool = True,
        max_bytes: int | None = DEFAULT_MAX_BYTES,
    ) -> None:
        if input_type not in ("auto", "html", "text"):
            raise ValueError(f"input_type must be auto, html or text, not {input_type!r}")
        self.input_type = input_type
        self.max_bytes = max_bytes
        self.extractor = get_extractor(extractor)
        self.ruler = Ruler(builtin_rules())
        if plugins:
            for rule in plugin_rules():
                self.ruler.push(rule)
        for source in rules:
            _add_rules(self.ruler, source)
        self.ruler.select(None if select is None else list(select), list(ignore), list(extend_select))

    def extract(self, source: str | bytes, *, url: str | None = None) -> Article:
        """The article in ``source`` (HTML or text, ``str`` or ``bytes``)."""
        return self.process(source, url=url).article()

    def process(self, source: str | bytes, *, url: str | None = None) -> Page:
        """Run the whole pipeline and keep every block, kept or removed."""
        if self.max_bytes is not None and len(source) > self.max_bytes:
            raise InputTooLargeError(
                f"input is {len(source):,} bytes, over the limit of {self.max_bytes:,} (max_bytes)"
            )
        text = decode(source, for_xml=self.input_type != "text")  # split_text cleans text
        if self.input_type != "text" and (root := xml_root(text)) is not None:
            raise NotAPageError(f"an XML document (<{root}>), not an HTML page or text")
        kind = detect_kind(text) if self.input_type == "auto" else self.input_type
        host = _host(url)
        dom_removed: list[Removal] = []
        rules = self.ruler.active("text")
        prefilter = self._prefilter(rules)  # what some pattern rule may match
        if kind == "html":
            tree = parse_html(text)
            page_meta = page_metadata(tree, url)
            dom_removed = run_dom_rules(self.ruler.active("dom"), DomState(tree, url, host, text))
            declared = Declared(tree)  # what the page says it is: read once, for the extractor and the rules
            meta = self.extractor.extract(tree, url=url, declared=declared)
            meta.language = meta.language or page_meta.language
            meta.title = page_meta.title or meta.title
            meta.author = page_meta.author or meta.author
            meta.date = page_meta.date or meta.date
            meta.url = meta.url or page_meta.url
            lines = lines_from_extractor(meta.lines, meta.holders)
            article = declared.article and not declared.discussion
        else:
            title, lines = split_text(text, junk=partial(_may_remove, prefilter))
            meta = Extracted(title=title, url=url)
            article = False
        state = TextState(lines, url, host, meta.title, prefilter=prefilter, author=meta.author, kind=kind,
                          article=article)
        if kind == "text":
            _byline_metadata(state, meta)
        text_removed = run_text_rules(rules, state)
        return Page(kind, lines, dom_removed, text_removed, meta)

    def warm_up(self) -> None:
        """Run the whole pipeline once on a small page, so that lazy imports and caches
        (compiled patterns, the rules' lookup tables) are ready before the first real page is timed."""
        with contextlib.suppress(StripperError):
            self.extract(_WARM_UP_PAGE, url="https://example.com/2024/05/06/warm-up")

    def _prefilter(self, rules: list[Rule]) -> BlockMatcher:
        """The union of the active pattern rules, built once per list of active rules."""
        cached = self.__dict__.get("_prefilter_cache")
        if cached is not None and cached[0] is rules:  # the ruler's active list: unchanged
            return cached[2]
        matchers = tuple(dict.fromkeys(  # once each: a function rule may share a pattern rule's matcher
            matcher
            for rule in rules
            for matcher in ([rule.apply] if isinstance(rule.apply, BlockMatcher) else
                            getattr(rule.apply, "block_matchers", ()))
        ))
        if cached is None or cached[1] != matchers:
            cached = (rules, matchers, BlockMatcher.union(matchers))
        else:
            cached = (rules, matchers, cached[2])
        self.__dict__["_prefilter_cache"] = cached
        return cached[2]


def _may_remove(prefilter: BlockMatcher, line: str) -> bool:
    """Whether some pattern rule may remove ``line``: such a line is no title. (The prefilter's
    page-wide path, with its tables by a text's start, is the quick one.)"""
    return bool(prefilter.match_all([normalise(line)], [line.casefold().lstrip()], [line]))


# How many lines above a text's first paragraph may hold its byline.
_BYLINE_LINES = 10


def _byline_metadata(state: TextState, meta: Extracted) -> None:
    """Scraped text carries no metadata: its author and date are read from the lines above its
    first paragraph (the first ten), a byline ("By Jo Reed | May 3, 2024") and the first date
    written out."""
    head = list(map(state.texts.__getitem__, state.in_scope("head")[:_BYLINE_LINES]))
    meta.author = state.author = next(filter(None, map(byline_name, head)), None)
    meta.date = next(iter(visible_dates(head)), None)


def extract(source: str | bytes, *, url: str | None = None, **options) -> Article:
    """Extract one article with a one-off :class:`Stripper` (see its options)."""
    return _default_stripper(**options).extract(source, url=url)


_DEFAULT: Stripper | None = None


def _default_stripper(**options) -> Stripper:
    global _DEFAULT
    if options:
        return Stripper(**options)
    if _DEFAULT is None:
        _DEFAULT = Stripper()
    return _DEFAULT


def _add_rules(ruler: Ruler, source: RuleSource) -> None:
    if isinstance(source, Rule):
        ruler.push(source)
    elif isinstance(source, str | Path):
        for rule in load_rule_file(source):
            ruler.push(rule)
    elif callable(source):
        source(ruler)
    else:
        raise TypeError(f"rules: expected a Rule, a TOML file path or a callable, not {source!r}")


def _host(url: str | None) -> str | None:
    if not url:
        return None
    try:
        return urlsplit(url).hostname
    except ValueError as exc:
        raise StripperError(f"invalid URL {url!r}: {exc}") from None
