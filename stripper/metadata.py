"""Page metadata (title, author, date, language, URL), read from the page's own markup.

Sources, most trusted first: JSON-LD (schema.org), OpenGraph and other ``<meta>``
tags, microdata (``itemprop``), ``<time datetime>``, ``rel=author`` links and
byline elements, then ``<title>`` and ``<h1>``. For the date, the URL, other
date-named tags and attributes, and numeric dates in the text are the last resort.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from dataclasses import dataclass
from itertools import islice
from urllib.parse import urlsplit

from lxml import etree

from .blocks import clean_line
from .declared import Declared
from .mojibake import mend_mojibake
from .parse import page_body


@dataclass
class PageMeta:
    title: str | None = None
    author: str | None = None
    date: str | None = None
    language: str | None = None
    url: str | None = None


def page_metadata(tree, url: str | None = None) -> PageMeta:
    """Title, author, date (YYYY-MM-DD), language and URL of a parsed page."""
    page = _Page(tree)
    author = _author(page, tree)
    return PageMeta(
        title=_title(page, tree, url),
        author=author and mend_mojibake(author),
        date=_date(page, tree, url),
        language=_language(tree, page),
        url=url or _canonical(tree),
    )


# ----------------------------------------------------------------------------- what the page declares


_ARTICLE_TYPE = re.compile(r"(?:Article|Posting|Report|Review|Recipe|HowTo|Blog)$", re.IGNORECASE)
_PAGE_TYPES = (
    "product", "event", "course", "softwareapplication", "book", "movie", "videoobject", "podcastepisode",
    "jobposting", "qapage", "question", "faqpage", "webpage", "itempage", "collectionpage", "aboutpage",
    "profilepage", "searchresultspage", "contactpage", "medicalwebpage",
)  # fmt: skip


class _Page:
    """The page's declarations, collected in one pass: ``<meta>`` tags and JSON-LD objects."""

    def __init__(self, tree) -> None:
        self.meta: dict[str, list[str]] = {}
        for element in tree.iter("meta"):
            content = element.get("content")
            if not content or not content.strip():
                continue
            for attribute in ("property", "name", "itemprop"):
                key = element.get(attribute)
                if key:
                    self.meta.setdefault(key.strip().lower(), []).append(content.strip())
        self.objects: list[dict] = []
        for script in tree.iter("script"):
            if "ld+json" in (script.get("type") or "").lower() and script.text:
                _collect(_load_json(script.text), self.objects)
        self.main = _main_object(self.objects)
        self._text: list[str] | None = None

    def text(self, tree) -> list[str]:
        if self._text is None:
            self._text = _visible_text(tree)
        return self._text

    def first(self, *keys: str) -> str | None:
        for key in keys:
            for value in self.meta.get(key, ()):
                value = clean_line(value)
                if value:
                    return value
        return None


def _load_json(text: str):
    text = text.strip()
    for candidate in (text, re.sub(r"^\s*(?://\s*)?<!\[CDATA\[|(?://\s*)?\]\]>\s*$|^<!--|-->$", "", text)):
        try:
            return json.loads(candidate, strict=False)
        except ValueError:
            continue
    return None


def _collect(value, out: list[dict], depth: int = 0) -> None:
    """Every schema.org object in a JSON-LD value, through ``@graph`` and lists."""
    if depth > 4:
        return
    if isinstance(value, list):
        for item in value:
            _collect(item, out, depth + 1)
    elif isinstance(value, dict):
        if "@type" in value:
            out.append(value)
        for key in ("@graph", "mainEntity", "mainEntityOfPage"):
            if isinstance(value.get(key), list | dict):
                _collect(value[key], out, depth + 1)


def _types(obj: dict) -> list[str]:
    kind = obj.get("@type")
    kinds = kind if isinstance(kind, list) else [kind]
    return [str(k).rsplit("/", 1)[-1] for k in kinds if k]


def _main_object(objects: list[dict]) -> dict | None:
    """The object describing the page's content: an article first, else a product, a web page..."""
    best, best_rank = None, len(_PAGE_TYPES) + 1
    for obj in objects:
        for kind in _types(obj):
            rank = 0 if _ARTICLE_TYPE.search(kind) else (
                _PAGE_TYPES.index(kind.lower()) + 1 if kind.lower() in _PAGE_TYPES else None)
            if rank is not None and rank < best_rank:
                best, best_rank = obj, rank
    return best


def _text(value) -> str | None:
    if isinstance(value, list):
        value = value[0] if value else None
    if isinstance(value, dict):
        value = value.get("@value") or value.get("name")
    if isinstance(value, str):
        return clean_line(_unescape(value)) or None
    return None


def _unescape(text: str) -> str:
    if "&" in text:
        from html import unescape

        return unescape(text)
    return text


# ----------------------------------------------------------------------------- title

# What sites put between a headline and the site's name in <title> and og:title.
TITLE_SEPARATOR = re.compile(r"(\s+(?:\||-|–|—|::|·|•|»|/)\s+)")


def _title(page: _Page, tree, url: str | None) -> str | None:
    """The headline.

    ``<title>`` is split at its separators ("Headline | Site", "Site - Section - Headline");
    an ``<h1>`` that equals a run of those parts (or og:title / the JSON-LD headline), but
    for case and quote marks, is the headline, as the ``<h1>`` writes it: what a reader sees
    (but for curled quote marks that the ``<title>`` has straight, and capitals, see ``_as_typed``).
    So is an ``<h1>`` that differs from such a run in its figures alone ("… in 2025" where the
    ``<title>`` still says 2024): a page's visible headline is updated first.
    Without a ``<title>``, og:title stands in for it.
    Without such agreement: the ``<h1>`` when the ``<title>`` holds a quarter of its words (on
    an article page) or all of them (on other pages), or when the URL's slug is closer to it,
    else the ``<title>`` part that is not the site's name. A qualifier after a separator in
    the result is dropped (see ``_without_qualifier``).
    """
    headline = _headline(page, tree, url)
    return _without_qualifier(mend_mojibake(headline)) if headline else None


def _headline(page: _Page, tree, url: str | None) -> str | None:
    """The headline as the page writes it, separators and all (see ``_title``)."""
    og = _unmarked(page.first("og:title"))
    title = _unmarked(_title_tag(tree)) or og  # without a <title>, og:title is the page's title
    ld = _unmarked(_text(page.main.get("headline") or page.main.get("name")) if page.main else None)
    h1s = _h1s(tree)
    sites = _site_names(page, url)
    if title:
        sites.discard(_key(title))  # a site's name that is the whole <title> names this page, not the site
        # an <h1> that is the last part of "Headline | Site" is the site's logo
        parts = TITLE_SEPARATOR.split(title)[0::2]
        if len(parts) > 1 and _key(parts[-1]) in {_key(h) for h in h1s}:
            sites.add(_key(parts[-1]))
    h1s = [h for h in h1s if _key(h) not in sites]
    runs = _runs(title, sites) if title else set()
    for declared in (og, ld):
        if declared and _key(declared) not in runs:
            runs |= _runs(declared, sites)
    for h1 in h1s:
        if _key(h1) in runs:
            return _as_typed(h1, title) if title else h1
    dated = [h1 for h1 in h1s if _DIGIT.search(h1)]
    if dated:  # the same headline with another year: the page's <h1> is updated first
        undated = {_FIGURES.sub("#", run) for run in runs}
        for h1 in dated:
            if _FIGURES.sub("#", _key(h1)) in undated:
                return h1
    for declared in (og, ld):  # "Site: Headline", "Headline (Site)": og:title is the headline alone
        if declared and title and _key(declared) != _key(title) and _key(declared) in _key(title):
            return declared
    kept = _headline_parts(title, sites) if title else None
    # An <h1> that shares enough of its words with the <title> is the headline reworded (an
    # article's SEO title), or a part of it; one that shares few is a section's label or a
    # slogan ("Reviews", "Our blog"), and the <title> names the page better.
    needed = _ARTICLE_H1_SHARE if _looks_like_article(page) else 1.0
    if h1s and (kept is None or _word_share(h1s[0], title) >= needed or _slug_prefers(h1s[0], kept, url)):
        return h1s[0]
    return kept or og or ld or (h1s[0] if h1s else None)


def _unmarked(text: str | None) -> str | None:
    """``text`` without a Markdown heading's marks ("## Headline"): pages made from Markdown may
    leave them in the ``<title>`` and meta tags, where nothing renders them."""
    return _HEADING_MARKS.sub("", text) if text and text[0] == "#" else text


_HEADING_MARKS = re.compile(r"^#{1,6}\s+")
# An article's <h1> is its headline when this share of its words is in the <title>.
_ARTICLE_H1_SHARE = 1 / 4
_WORDS = re.compile(r"\w+")


def _word_set(text: str) -> set[str]:
    """The distinct words of ``text``, case aside."""
    return set(_WORDS.findall(text.casefold()))


def _word_share(text: str, other: str) -> float:
    """The share of ``text``'s distinct words (case aside) that ``other`` holds too."""
    words = _word_set(text)
    return len(words & _word_set(other)) / len(words) if words else 0.0


def _slug_prefers(h1: str, kept: str, url: str | None) -> bool:
    """Whether the last segment of the URL's path ("/blog/9-common-food-myths-debunked") shares more
    words with the ``<h1>`` than with the ``<title>``'s headline part. A site makes the slug from
    the headline as first written; the ``<title>`` is often a search-engine rewording of it."""
    if not url:
        return False
    segment = urlsplit(url).path.rstrip("/").rsplit("/", 1)[-1]
    slug = set(_SLUG_WORDS.findall(_FILE_EXTENSION.sub("", segment).casefold()))
    if not slug:
        return False
    return len(slug & _word_set(h1)) > len(slug & _word_set(kept))


_SLUG_WORDS = re.compile(r"[^\W_]+")
_FILE_EXTENSION = re.compile(r"\.\w+$")


def _without_qualifier(headline: str) -> str:
    """The headline without what follows its first separator when that is a qualifier, not the
    headline's second half: after " | " (a ``<title>``'s separator, rare inside a sentence:
    "Cloudflare CDN | Content Delivery Network"), or after another separator (a dash...) when it
    has at most half the words of the part before and no number ("Gym Workouts for Beginners —
    Strength Training").
    A longer rest ("The Death Spiral - How Small Languages Die") or a number ("Ten tips - Part 1",
    "Best Earbuds - March 2026") continues the headline. What follows the last " | " goes first
    ("Individual Health – Family Medical Insurance | bcbs.com")."""
    pieces = TITLE_SEPARATOR.split(headline)
    if len(pieces) < 3:
        return headline
    if len(pieces) > 3 and pieces[-2].strip() == "|":
        return _without_qualifier("".join(pieces[:-2]))
    head, rest = pieces[0].strip(), "".join(pieces[2:])
    head_words = len(_WORDS.findall(head))
    if not head_words:
        return headline
    if pieces[1].strip() == "|":
        return head
    if 2 * len(_WORDS.findall(rest)) <= head_words and not _DIGIT.search(rest):
        return head
    return headline


_DIGIT = re.compile(r"\d")


def _h1s(tree) -> list[str]:
    """The first few ``<h1>`` texts, without the site's logo (an ``<h1>`` holding a link to the home page)."""
    out = []
    for element in tree.iter("h1"):
        links = element.xpath(".//a/@href")
        if links and urlsplit(links[0].strip()).path in ("", "/") and not urlsplit(links[0].strip()).query:
            continue
        text = clean_line(_shown_text(element)).rstrip("¶#").strip()
        if text and len(text) < 300 and _key(text) not in {_key(o) for o in out}:
            out.append(text)
        if len(out) == 5:
            break
    return out


# What an element may hold that a reader does not see as its text (styles, scripts, buttons), and
# the line breaks that part its words.
_UNSHOWN_OR_BREAK = etree.XPath(".//script|.//style|.//button|.//br")
_SHOWN_TEXT = etree.XPath(".//text()[not(ancestor::script or ancestor::style or ancestor::button)]|.//br")


def _shown_text(element) -> str:
    """The text of ``element`` without that of the styles, scripts and buttons inside it (a theme
    may put an ``<h1>``'s CSS in a ``<style>`` inside it), a line break read as a space ("Top MBA
    Programs of 2025<br>Your Guide to …")."""
    if not _UNSHOWN_OR_BREAK(element):
        return element.text_content()
    return "".join(node if isinstance(node, str) else " " for node in _SHOWN_TEXT(element))


def _as_typed(h1: str, title: str) -> str:
    """The ``<h1>`` as the ``<title>`` run that it repeats writes it, when the two differ in quote
    marks alone ("Beginner's Guide" in ``<title>``, "Beginner’s Guide" in the ``<h1>``: a page's
    templates curl the quotes of the text they show, WordPress's texturize, and the ``<title>``
    keeps them as the author typed them), or when the ``<h1>`` is in capitals and the run is not
    ("WEEKEND CODING AGENT": a heading's style, typed into the page). ``h1`` is clean already
    (see ``_h1s``)."""
    straight = straight_quotes(h1)
    capitals = h1.isupper()
    if straight == h1 and not capitals:
        return h1
    key = _key(h1)
    for run in map(clean_line, _part_runs(title)):
        if run != h1 and (straight_quotes(run) == straight or (capitals and _key(run) == key and not run.isupper())):
            return run
    return h1


def _part_runs(title: str) -> Iterator[str]:
    """Every run of consecutive parts of ``title`` (split at its separators), as the title writes it."""
    pieces = TITLE_SEPARATOR.split(title)
    parts, seps = pieces[0::2], pieces[1::2]
    for i in range(len(parts)):
        text = parts[i]
        yield text
        for j in range(i + 1, len(parts)):
            text += seps[j - 1] + parts[j]
            yield text


def _runs(title: str, sites: set[str]) -> set[str]:
    """The keys of every run of consecutive ``title`` parts that is not the site's name, and of
    each without the word " Archives" that WordPress puts after a category's name in its title."""
    keys = set(map(_key, _part_runs(title)))
    keys |= {key.removesuffix(_ARCHIVES) for key in keys if key.endswith(_ARCHIVES)}
    keys.discard("")
    return keys - sites


_ARCHIVES = " archives"
_FIGURES = re.compile(r"\d+")


def _headline_parts(title: str, sites: set[str]) -> str | None:
    parts = [p for p in TITLE_SEPARATOR.split(title)[0::2] if p.strip()]
    kept = [p for p in parts if _key(p) not in sites]
    return kept[0].strip() if kept else None


def _looks_like_article(page: _Page) -> bool:
    if page.main is not None and any(_ARTICLE_TYPE.search(t) for t in _types(page.main)):
        return True
    return page.first("og:type") == "article" or bool(page.first("article:published_time"))


def _title_tag(tree) -> str | None:
    for element in tree.iter("title"):
        text = clean_line(element.text_content())
        if text:
            return text
    return None


# What a site's name may end with in its declarations ("Aliexpress.") and not on its pages.
_TRAILING_MARKS = ".,;:!"


def _site_names(page: _Page, url: str | None) -> set[str]:
    names = {page.first("og:site_name"), page.first("application-name"), page.first("apple-mobile-web-app-title")}
    for obj in page.objects:
        if {"WebSite", "Organization"} & set(_types(obj)):
            names.add(_text(obj.get("name")))
    keys = {_key(n) for n in names if n}
    return keys | {key.rstrip(_TRAILING_MARKS) for key in keys}


# Curled quote marks as typed straight: a title and its copies compare without them.
_STRAIGHT_QUOTES = str.maketrans({"‘": "'", "’": "'", "“": '"', "”": '"'})
_CURLED = re.compile("[‘’“”]")


def straight_quotes(text: str) -> str:
    """``text`` with its curled quote marks typed straight (``str.translate`` looks each character
    up in a dictionary: most texts have none to change, and a search finds that first)."""
    return text.translate(_STRAIGHT_QUOTES) if _CURLED.search(text) else text


def _key(text: str) -> str:
    return " ".join(straight_quotes(text).casefold().split())


# ----------------------------------------------------------------------------- author

_MONTHS_BY_NUMBER = ("january|jan", "february|feb", "march|mar", "april|apr", "may", "june|jun", "july|jul",
                     "august|aug", "september|sep|sept", "october|oct", "november|nov", "december|dec")
_MONTHS = "|".join(_MONTHS_BY_NUMBER)
# Byline words that follow a name: dates, update notes, roles.
_AUTHOR_TAIL = re.compile(
    rf"\s+(?:(?:{_MONTHS})\.?,?\s+\d.*|(?:mon|tue|wed|thu|fri|sat|sun|monday|tuesday|wednesday|thursday|friday|"
    r"saturday|sunday)\b.*|"
    r"(?:last\s+)?updated\b.*|published\b.*|posted\b.*|\d{1,2}(?:st|nd|rd|th)?\b.*|(?:on|at)\s.*|"
    r"(?:senior|former|contributing|trending|managing|deputy|executive)\b.*|"
    r"(?:editor|writer|reporter|correspondent|contributor)\b.*)$",
    re.IGNORECASE,
)

# A month's name alone, which the tail above leaves (a name may end with one: "Ellen May").
_MONTH_ALONE = re.compile(rf"(?:{_MONTHS})\.?", re.IGNORECASE)

_AUTHOR_META = ("author", "article:author", "parsely-author", "sailthru.author", "dc.creator", "dcterms.creator",
                "citation_author", "byl")
_BYLINE_WORDS = ("author", "byline", "writer")
_BYLINE_CLASS = re.compile("|".join(_BYLINE_WORDS), re.IGNORECASE)
# The same words in any case, as a pattern that keeps their spelling (and is quicker than IGNORECASE).
_BYLINE_SPELLING = re.compile("|".join("".join(f"[{c.upper()}{c}]" for c in word) for word in _BYLINE_WORDS))
_AUTHOR_ELEMENTS = etree.XPath("//*[@itemprop='author']|//a[@rel='author']")
_CLASSES_AND_IDS = etree.XPath("//@class|//@id", smart_strings=False)
_BY_WORDS = r"(?:written|posted|post|published|reviewed|edited|text|words|story|recipe|article)"
_BY = re.compile(rf"^(?:{_BY_WORDS}\s+by|author(?:s|ed by)?|by|von|par|por|di|door|av)\b"
                 r"\s*:?\s*(?=[^\W\d_])", re.IGNORECASE)
_NOT_BYLINE_CLASS = re.compile(r"avatar|image|photo|bio|box|comment|img|pic|thumb", re.IGNORECASE)
_AND = re.compile(r"\s*(?:,|;|&|\band\b|\bund\b|\bet\b|\by\b)\s*", re.IGNORECASE)
_NOT_A_NAME = re.compile(r"https?:|www\.|@|^\W*$|\d{3}", re.IGNORECASE)


def _author(page: _Page, tree) -> str | None:
    """The author(s) as the page writes them: JSON-LD, author meta tags, the twitter tags'
    "Written by" card, microdata, rel=author, then a byline element or a "By …" line. An
    organisation named as author is the last resort. On an article, a declared name that is a
    login ("jdoe_wp", "sam.reed") gives way to a person's name the byline shows."""
    declared = _declared_author(page, tree)
    if declared and not (_LOGIN.fullmatch(declared) and _looks_like_article(page) and not Declared(tree).discussion):
        return declared
    shown = _shown_author(page, tree)
    if declared:
        return shown if shown and _PERSON.fullmatch(shown) else declared
    return shown or _organisation(page)


_TWITTER_LABELS = tuple((f"twitter:label{n}", f"twitter:data{n}") for n in range(1, 5))
_WRITTEN_BY_LABELS = frozenset({"written by", "author", "by"})
# A site's user name rather than a person's: one word, with a dot, an underscore or a digit, all
# in lower case, or ending in a capital ("JoanneK").
_LOGIN = re.compile(r"[a-z0-9._-]+|[\w.]*[a-z][A-Z]|[\w.]*[._\d][\w.]*")
# A person's name as a byline shows it: two to four capitalised words.
_PERSON = re.compile(r"[^\W\d_a-z][\w'’.-]+(?: [^\W\d_a-z][\w'’.-]+){1,3}")
def _declared_author(page: _Page, tree) -> str | None:
    """The person(s) the page declares as author: JSON-LD, meta tags, the twitter tags' "Written by"
    card, microdata, rel=author."""
    for obj in _with_main_first(page):
        names, _ = _person_names(obj.get("author") or obj.get("creator"))
        if names:
            return _join(names)
    for key in _AUTHOR_META:
        for value in page.meta.get(key, ()):
            name = _byline(value)
            if name:
                return name
    for label, data in _TWITTER_LABELS:  # Yoast's "Written by" card: twitter:label1 / twitter:data1
        if (page.first(label) or "").casefold() in _WRITTEN_BY_LABELS:
            name = _byline(page.first(data))
            if name:
                return name
    for element in _AUTHOR_ELEMENTS(tree):
        inner = element.xpath(".//*[@itemprop='name']")
        name = _byline(inner[0].get("content") or _spaced_text(inner[0]) if inner else _spaced_text(element))
        if name:
            return name
    return None


def _shown_author(page: _Page, tree) -> str | None:
    """The name in a byline element (its class or id says author, byline or writer), or after
    "By" in the visible text."""
    for element in _byline_elements(tree):
        marker = f"{element.get('class', '')} {element.get('id', '')}"
        if _BYLINE_CLASS.search(marker) and not _NOT_BYLINE_CLASS.search(marker):
            name = _byline(_spaced_text(element))
            if name:
                return name
    return _written_by(page.text(tree))


def _organisation(page: _Page) -> str | None:
    """An organisation the JSON-LD names as author."""
    for obj in _with_main_first(page):
        _, organisations = _person_names(obj.get("author") or obj.get("creator"))
        if organisations:
            return _join(organisations)
    return None


def _byline_elements(tree) -> list:
    """Elements in the body whose class or id may say "author", "byline" or "writer", in document order.

    The words are looked up in the page's class and id values first; the elements are then found by
    those words as the page spells them (XPath's contains() is case-sensitive)."""
    markers = "\n".join(_CLASSES_AND_IDS(tree))
    lowered = markers.lower()
    if not any(word in lowered for word in _BYLINE_WORDS):
        return []
    spellings = sorted(set(_BYLINE_SPELLING.findall(markers)))
    test = " or ".join(f"contains(@class, '{word}') or contains(@id, '{word}')" for word in spellings)
    return tree.xpath(f"//*[{test}][ancestor::body][not(self::body or self::article or self::main)]")


_BY_LABEL = re.compile(rf"^(?:{_BY_WORDS}\s+)?by\s*:?$|^authors?\s*:$", re.IGNORECASE)
_BY_PREFIX = re.compile(rf"^(?:{_BY_WORDS}\s+)?by\s*:?\s+(?=[A-Z])", re.IGNORECASE)


# What a text node that _BY_LABEL or _BY_PREFIX matches starts with, before its whitespace is collapsed.
_BY_START = re.compile(rf"\s*(?:{_BY_WORDS}|by|author)", re.IGNORECASE)


def _written_by(parts: list[str]) -> str | None:
    """A name after "By" / "Written by" in the visible text: "By Jo Bloggs", or a "Written by" label and
    the name in the next text node."""
    starts = _BY_START.match
    for i in [i for i, part in enumerate(parts) if starts(part)]:
        piece = clean_line(parts[i])
        if len(piece) > 80:
            continue
        label = _BY_LABEL.match(piece) and next(filter(None, map(clean_line, islice(parts, i + 1, None))), None)
        if label:
            name = _byline(label)
        elif _BY_PREFIX.match(piece):
            name = _byline(piece)
        else:
            continue
        if name and _looks_like_name(name):
            return name
    return None


def _looks_like_name(text: str) -> bool:
    words = text.split()
    return 1 <= len(words) <= 6 and text[0].isupper() and not any(c.isdigit() for c in text)


def _spaced_text(element) -> str:
    return " ".join(element.itertext())


def _with_main_first(page: _Page) -> list[dict]:
    objects = [page.main] if page.main is not None else []
    return objects + [o for o in page.objects if o is not page.main and any(_ARTICLE_TYPE.search(t) for t in _types(o))]


def _person_names(value) -> tuple[list[str], list[str]]:
    """(people, organisations) named in a JSON-LD ``author``: a string, an object or a list of them."""
    people: list[str] = []
    organisations: list[str] = []
    for item in value if isinstance(value, list) else [value]:
        if isinstance(item, dict):
            name = item.get("name")
            if not name and (item.get("givenName") or item.get("familyName")):
                name = f"{item.get('givenName', '')} {item.get('familyName', '')}"
            name = _byline(_text(name))
            if name:
                kinds = _types(item)
                (organisations if kinds and "Person" not in kinds else people).append(name)
        elif isinstance(item, str):
            name = _byline(item)
            if name:
                people.append(name)
    return people, organisations


# Words a label ends with and a name never does ("Notes from", "A guide by").
_LABEL_ENDINGS = frozenset("from by with of for to at on in and the".split())
_BYLINE_PARTS = re.compile(r"\s+[|•·—–»●⋅∙]\s+|\s+-\s+")
_GENERIC_NAMES = {"author", "the author", "authors", "unknown", "anonymous"}
_SPACE_BEFORE_COMMA = re.compile(r"\s+(?=[,;])")


def _byline(text: str | None) -> str | None:
    """The name(s) in a byline, as written: "By A and B | Updated May 2" → "A and B"; None when it is no byline."""
    if not text:
        return None
    text = _SPACE_BEFORE_COMMA.sub("", clean_line(_unescape(text)))  # "A , B": names as separate text nodes
    parts = _BYLINE_PARTS.split(text)
    while len(parts) > 1 and _AUTHOR_TAIL.fullmatch(" " + parts[0].strip()):
        del parts[0]  # a date before the name: "Dec. 19, 2025 · Jo Reed"
    text = parts[0]
    text = _BY.sub("", text.strip())
    text = _AUTHOR_TAIL.sub("", text).strip(" ,;:-&\"“”")
    if _AUTHOR_TAIL.fullmatch(" " + text) or _MONTH_ALONE.fullmatch(text):  # only a weekday, a month...
        return None
    if not text or len(text) > 80 or _NOT_A_NAME.search(text) or text.casefold() in _GENERIC_NAMES:
        return None
    if text.rsplit(" ", 1)[-1] in _LABEL_ENDINGS:  # a label ("Notes from"), the name is elsewhere
        return None
    names = [n.strip() for n in _AND.split(text) if n.strip()]
    if any(len(n.split()) > 5 for n in names):
        return None
    if ";" in text:
        return _join([n.strip() for n in text.split(";") if n.strip()])
    return text


# A line of scraped text that is a byline: "By" and a name of two to four capitalised words (or two
# names joined by "and"), perhaps with a role or the date after a separator ("By Jo Reed | May 3,
# 2024", "By Jo Reed Updated Sep 5, 2024"). Scraped text has no markup to say what a byline is.
_NAME = r"[^\W\d_a-z][\w.'’-]*(?: (?:(?:de|van|von|der|den|da|di|del|du|la|le) ){0,2}[^\W\d_a-z][\w.'’-]*){1,3}"
# The label a byline line opens with ("By", "Written by", "Recipe by:"), case aside; STR051 strips it
# from a line before it compares the line with the author's name.
_BYLINE_LABEL_WORDS = ("written", "posted", "published", "recipe")
BYLINE_LABEL = rf"(?:(?:{'|'.join(_BYLINE_LABEL_WORDS)}) )?by:?"
# The letters a byline line can open with: a quick test before the pattern.
_BYLINE_INITIALS = frozenset("".join(word[0] for word in ("by", *_BYLINE_LABEL_WORDS)))
_BYLINE_LINE = re.compile(
    rf"(?i:{BYLINE_LABEL}) {_NAME}(?:,? (?:and|&) {_NAME})?"
    rf"(?:\s*(?:[|•●⋅∙·–—»,-]|\b(?i:updated|published|posted|on)\b).{{0,80}})?"
)


def byline_name(line: str) -> str | None:
    """The name(s) in ``line`` when the line is a byline ("By Jo Reed | May 3, 2024" → "Jo Reed"),
    else None."""
    if len(line) > 160 or line[:1].lower() not in _BYLINE_INITIALS:
        return None
    return _byline(line) if _BYLINE_LINE.fullmatch(line) else None


def _join(names: list[str]) -> str:
    unique = list(dict.fromkeys(names))
    if len(unique) == 2:
        return f"{unique[0]} and {unique[1]}"
    return ", ".join(unique)


# ----------------------------------------------------------------------------- date


_DATE_META = ("article:published_time", "datepublished", "og:published_time", "published_time", "pubdate",
              "publishdate", "publish-date", "parsely-pub-date", "sailthru.date", "dc.date", "dc.date.issued",
              "dcterms.date", "dcterms.issued", "dcterms.created", "date", "citation_publication_date",
              "citation_date", "article.published", "published-date", "release_date", "datecreated")
_DATE_ELEMENTS = etree.XPath("//*[@itemprop='datePublished']|//time[@datetime]")
_ISO_DATE = re.compile(r"((?:19|20)\d\d)[-/.](\d\d?)[-/.](\d\d?)(?!\d)")


_MONTH_NUMBER = {
    name: number
    for number, names in enumerate(_MONTHS_BY_NUMBER, start=1)
    for name in names.split("|")
}
# English month names and their abbreviations, as one regex alternation (longest first).
MONTH_WORDS = "|".join(sorted(_MONTH_NUMBER, key=len, reverse=True))
_TEXT_DATE = re.compile(
    rf"\b(?:(?P<m1>{MONTH_WORDS})\.?\s+(?P<d1>\d{{1,2}})(?:st|nd|rd|th)?,?\s+(?P<y1>(?:19|20)\d\d)"
    rf"|(?P<d2>\d{{1,2}})(?:st|nd|rd|th)?\.?\s+(?:of\s+)?(?P<m2>{MONTH_WORDS})\.?,?\s+(?P<y2>(?:19|20)\d\d)"
    r"|(?P<y3>(?:19|20)\d\d)-(?P<m3>\d\d)-(?P<d3>\d\d))(?:\b|(?=T\d))",  # "2022-11-23T08:10" too
    re.IGNORECASE,
)


def _date(page: _Page, tree, url: str | None) -> str | None:
    """The publication date as YYYY-MM-DD.

    A publication date the page declares (JSON-LD ``datePublished``, ``article:published_time``
    and the other publication meta tags) is the date, whatever the text shows: "Updated March 3,
    2025" in a byline is a later edit, and a timestamp shown in the reader's time zone may fall
    on the next day. Otherwise the candidates are the ``<time datetime>`` elements and the
    modified dates, and the page's visible text decides between them: a date the reader sees
    wins. Without any: the first date in the visible text, then :func:`_undeclared_date`.
    """
    published, modified = [], []
    for obj in _with_main_first(page):
        published += [_text(obj.get(k)) for k in ("datePublished", "dateCreated", "uploadDate")]
        modified.append(_text(obj.get("dateModified")))
    for key in _DATE_META:
        published += page.meta.get(key, [])
    for key in ("article:modified_time", "og:updated_time", "datemodified", "last-modified", "dcterms.modified"):
        modified += page.meta.get(key, [])
    declared = next(filter(None, map(_iso, published)), None)
    if declared:
        return declared
    dated = [element.get("datetime") or element.get("content") or element.text_content()
             for element in _DATE_ELEMENTS(tree)]
    candidates = list(dict.fromkeys(d for d in (_iso(v) for v in dated + modified) if d))
    shown = visible_dates(page.text(tree))
    for candidate in candidates:
        if candidate in shown:
            return candidate
    for candidate in candidates:  # a timestamp shown in another time zone
        for near in _next_days(candidate):
            if near in shown:
                return near
    if candidates:
        return candidates[0]
    if shown:
        return next(iter(shown))
    return _undeclared_date(page, tree, url)


def _next_days(day: str) -> list[str]:
    from datetime import date, timedelta

    try:
        value = date.fromisoformat(day)
    except ValueError:
        return []
    return [(value + timedelta(days=n)).isoformat() for n in (-1, 1)]


_TEXT = etree.XPath(".//text()", smart_strings=False)
_HIDDEN_TEXT = etree.XPath("(.//script|.//style|.//noscript|.//template|.//head|.//title)/text()", smart_strings=False)


def _visible_text(tree) -> list[str]:
    """The text nodes a reader sees, in document order (no scripts, styles or comments; no blank ones).

    Two plain XPaths (all text, hidden text) are quicker than one that tests each text node's parent;
    a text that is also some hidden element's text is dropped wherever it is."""
    root = page_body(tree)
    hidden = set(_HIDDEN_TEXT(root))
    return [text for text in _TEXT(root) if not text.isspace() and text not in hidden]


# Where a written-out date may be: at a year. A date ends with its year or starts with it, and reaches
# at most _DATE_REACH characters before it once the text's whitespace is collapsed.
_YEAR = re.compile(r"(?:19|20)\d\d")
_DATE_REACH = 24
_IN_WORD = re.compile(r"(?<=\w)\w+")


def visible_dates(parts: list[str]) -> dict[str, None]:
    """Dates written out in the page's text ("March 5, 2024", "5 March 2024", "2024-03-05"), in order.

    The date pattern runs only around the text's year-like numbers, on a window that starts between
    two words and ends after an ISO date's day and a time's "T" and first digit ("2022-11-23T08:10")."""
    text = " ".join(" ".join(parts).split())
    found: dict[str, None] = {}
    for year in _YEAR.finditer(text):
        at = year.start()
        start = max(0, at - _DATE_REACH)
        in_word = _IN_WORD.match(text, start) if start else None
        if in_word:
            start = min(in_word.end(), at)
        for match in _TEXT_DATE.finditer(text, start, at + 12):
            if match.start("y1") != at and match.start("y2") != at and match.start("y3") != at:
                continue
            year_text = match["y1"] or match["y2"] or match["y3"]
            day = match["d1"] or match["d2"] or match["d3"]
            month_word = match["m1"] or match["m2"]
            month = _MONTH_NUMBER[month_word.lower()] if month_word else int(match["m3"])
            if 1 <= month <= 12 and 1 <= int(day) <= 31:
                found.setdefault(f"{year_text}-{month:02d}-{int(day):02d}")
    return found

_YEAR_MONTH_DAY = re.compile(rf"^\s*((?:19|20)\d\d)\s+({MONTH_WORDS})\.?\s+(\d\d?)\b", re.IGNORECASE)


def _iso(value: str | None) -> str | None:
    if not value:
        return None
    match = _ISO_DATE.search(value)
    if match:
        year, month, day = int(match[1]), int(match[2]), int(match[3])
        if 1 <= month <= 12 and 1 <= day <= 31:
            return f"{year:04d}-{month:02d}-{day:02d}"
        return None
    match = _YEAR_MONTH_DAY.search(value)  # "2023 Jan 7", as citation_publication_date has it
    if match and 1 <= int(match[3]) <= 31:
        return f"{match[1]}-{_MONTH_NUMBER[match[2].lower()]:02d}-{int(match[3]):02d}"
    return None


_NUMERIC_DATE = re.compile(r"(?<![\d/.])(\d\d?)([/.])(\d\d?)\2((?:19|20)\d\d)(?![\d/.])")
_DATE_KEY = re.compile(r"date|publish|created", re.IGNORECASE)
_NOT_PUBLISHED_KEY = re.compile(r"modif|updat|expir|valid|end|start", re.IGNORECASE)


def _undeclared_date(page: _Page, tree, url: str | None) -> str | None:
    """A date the page neither declares in the usual places nor writes out: one in its URL path
    ("/2024/03/05/", "/2024-03-05-title"), another date-named meta tag, a numeric date in the text
    ("03/05/2024" month first, "05.03.2024" day first)."""
    found = _iso(urlsplit(url).path) if url else None
    if found:
        return found
    for key, values in page.meta.items():
        if _DATE_KEY.search(key) and not _NOT_PUBLISHED_KEY.search(key):
            for value in values:
                found = _iso(value) or next(iter(visible_dates([value])), None)  # "July 17, 2025" too
                if found:
                    return found
    for match in _NUMERIC_DATE.finditer(" ".join(page.text(tree))):
        first, second = int(match[1]), int(match[3])
        month, day = (second, first) if match[2] == "." or first > 12 else (first, second)
        if 1 <= month <= 12 and 1 <= day <= 31:
            return f"{match[4]}-{month:02d}-{day:02d}"
    return None


# ----------------------------------------------------------------------------- language, URL


def _language(tree, page: _Page) -> str | None:
    lang = tree.get("lang") or tree.get("{http://www.w3.org/XML/1998/namespace}lang") or page.first("og:locale")
    if not lang:
        return None
    primary = lang.strip().split("-")[0].split("_")[0].lower()
    return primary if primary.isalpha() and 2 <= len(primary) <= 3 else None


def _canonical(tree) -> str | None:
    for href in tree.xpath("//link[@rel='canonical']/@href"):
        href = href.strip()
        if urlsplit(href).scheme in ("http", "https"):
            return href
    return None
