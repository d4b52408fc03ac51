"""Page metadata that stripper reads itself, beside the extractor's."""

from __future__ import annotations

import re

from .blocks import clean_line

# What sites put between a headline and the site's name in <title> and og:title.
_TITLE_SEPARATOR = re.compile(r"\s+(?:\||-|–|—|::|·|•|»)\s+")


def headline(tree) -> str | None:
    """The article's headline: og:title or <title> without the site name, else the first <h1>.

    Titles are written "Headline | Site" (or with -, –, —, ·, •, »); the
    headline is the first part, or the second when the first is the site's name.
    """
    site = _first(tree.xpath("//meta[@property='og:site_name']/@content"))
    for candidate in (_first(tree.xpath("//meta[@property='og:title']/@content")),
                      _first(tree.xpath("//title/text()"))):
        title = _without_site(candidate, site)
        if title:
            return title
    for h1 in tree.iterfind(".//h1"):
        text = clean_line(h1.text_content())
        if text:
            return text
    return None


def _first(values: list) -> str | None:
    for value in values:
        value = clean_line(str(value))
        if value:
            return value
    return None


def _without_site(title: str | None, site: str | None) -> str | None:
    if not title:
        return None
    parts = [p for p in _TITLE_SEPARATOR.split(title) if p]
    if len(parts) > 1 and site and parts[0].casefold() == site.casefold():
        parts = parts[1:]
    return parts[0] if parts else None


_MONTHS = ("january|february|march|april|may|june|july|august|september|october|november|december|"
           "jan|feb|mar|apr|jun|jul|aug|sep|sept|oct|nov|dec")
# Byline words that follow a name: dates, update notes, roles.
_AUTHOR_TAIL = re.compile(
    rf"\s+(?:(?:{_MONTHS})\b.*|(?:last\s+)?updated\b.*|published\b.*|posted\b.*|\d{{1,2}}\s.*|"
    r"(?:senior|former|contributing|trending|managing|deputy|executive)\b.*|"
    r"(?:editor|writer|reporter|correspondent|contributor)\b.*)$",
    re.IGNORECASE,
)
_WORDS = re.compile(r"\w+")


def byline(tree, extracted: str | None) -> str | None:
    """The author as the page writes it.

    The extractor's author is checked against ``<meta name="author">``: when
    the meta tag starts with the same names, the page's own spelling wins (it keeps
    punctuation such as "Example.com" or "Jean-Luc Aufranc (Site)"). Several
    authors are joined as a reader would write them ("A and B", "A, B, C"), and
    dates or roles glued after a name are cut off.
    """
    if not extracted:
        return None
    names = [_AUTHOR_TAIL.sub("", name).strip() for name in extracted.split(";")]
    names = [name for name in names if name]
    if not names:
        return None
    declared = _first(tree.xpath("//meta[@name='author']/@content"))
    if declared:
        words = _WORDS.findall(" ".join(names).casefold())
        if _WORDS.findall(declared.casefold())[: len(words)] == words:
            return declared
    if len(names) == 2:
        return f"{names[0]} and {names[1]}"
    return ", ".join(names)
