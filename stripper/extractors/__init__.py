"""Main-content extractors.

An extractor takes the parsed page (after DOM rules) and returns the body as
lines plus the page's metadata. The pipeline only knows this interface, so
another extractor can be added without touching it.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Protocol


@dataclass
class Extracted:
    """What an extractor found on a page."""

    lines: list[str] = field(default_factory=list)
    title: str | None = None
    author: str | None = None
    date: str | None = None
    url: str | None = None
    language: str | None = None


class Extractor(Protocol):
    """Turns a parsed HTML page into body lines and metadata."""

    name: str

    def extract(self, tree: Any, *, url: str | None) -> Extracted: ...


def get_extractor(name: str) -> Extractor:
    from .trafilatura import TrafilaturaExtractor

    extractors = {TrafilaturaExtractor.name: TrafilaturaExtractor}
    try:
        return extractors[name]()
    except KeyError:
        raise ValueError(f"unknown extractor {name!r} (known: {', '.join(extractors)})") from None
