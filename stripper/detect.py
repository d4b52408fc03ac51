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
