"""Decide from the content whether an input is an HTML page or plain text."""

from __future__ import annotations

import re
from typing import Literal

Kind = Literal["html", "text"]

_SNIFF_WINDOW = 4096
_DOCUMENT_START = re.compile(r"<(?:!doctype\s+html|html|head|body|\?xml|!--)", re.IGNORECASE)
_TAG = re.compile(
    r"</?(?:html|head|body|div|p|span|a|article|section|main|table|tr|td|ul|ol|li|br|meta|"
    r"title|script|style|h[1-6]|img|header|footer|nav|form|strong|em|b|i)\b[^<>]*>",
    re.IGNORECASE,
)
_MIN_TAGS = 3
# An XML document's root element, after its declaration, comments, processing instructions and doctype.
_XML_ROOT = re.compile(
    r"(?P<declared><\?xml\b[^>]*\?>)?\s*(?:<!--.*?-->\s*|<\?[^>]*\?>\s*|<!doctype[^>]*>\s*)*<(?P<root>[\w:.-]+)",
    re.IGNORECASE | re.DOTALL,
)
# Roots of XML documents that list pages (feeds, sitemaps, outlines), written with or without a declaration.
_LISTING_ROOTS = frozenset({"rss", "feed", "rdf:rdf", "urlset", "sitemapindex", "opml"})


def detect_kind(text: str) -> Kind:
    """``"html"`` when the text starts like an HTML document or carries several tags."""
    head = text[:_SNIFF_WINDOW].lstrip()
    if _DOCUMENT_START.match(head):
        return "html"
    tags = 0
    for _ in _TAG.finditer(text, 0, _SNIFF_WINDOW * 4):
        tags += 1
        if tags >= _MIN_TAGS:
            return "html"
    return "text"


def xml_root(text: str) -> str | None:
    """The root element of an XML document that is no (X)HTML page: a feed (``rss``, ``feed``), a
    sitemap (``urlset``), an SVG drawing... None for HTML, XHTML and text."""
    found = _XML_ROOT.match(text[:_SNIFF_WINDOW].lstrip())
    if found is None:
        return None
    root = found["root"]
    if root.lower() == "html" or not (found["declared"] or root.lower() in _LISTING_ROOTS):
        return None
    return root
