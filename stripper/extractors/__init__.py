"""Main-content extractors.

An extractor takes the parsed page (after DOM rules) and returns the body as
lines plus what it found of the page's metadata. The pipeline only knows this
interface, so another extractor can be added without touching it.

- ``density`` (stripper's own): the smallest element holding most of the page's prose.
- ``trafilatura``: trafilatura's main-content extraction.
- ``auto`` (the default): ``density``, and ``trafilatura`` for the pages where
  density finds almost nothing (see :mod:`.auto`).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Protocol

from ..declared import Declared


@dataclass
class Extracted:
    """What an extractor found on a page."""

    lines: list[str] = field(default_factory=list)
    #: For each line, the number of the element holding it (its nearest div, section, article ...),
    #: when the extractor knows it: lines with one number sit in one part of the page.
    holders: list[int] | None = None
    title: str | None = None
    author: str | None = None
    date: str | None = None
    url: str | None = None
    language: str | None = None

    @property
    def chars(self) -> int:
        return sum(len(line) for line in self.lines)


class Extractor(Protocol):
    """Turns a parsed HTML page into body lines and metadata."""

    name: str

    def extract(self, tree: Any, *, url: str | None, declared: Declared | None = None) -> Extracted:
        """``declared``: what the page's structured data says it is, when the caller has read it."""
        ...


def extractor_names() -> tuple[str, ...]:
    return tuple(_extractors())


def get_extractor(name: str) -> Extractor:
    extractors = _extractors()
    try:
        return extractors[name]()
    except KeyError:
        raise ValueError(f"unknown extractor {name!r} (known: {', '.join(extractors)})") from None


def _extractors() -> dict:
    from .auto import AutoExtractor
    from .density import DensityExtractor
    from .trafilatura import TrafilaturaExtractor

    return {cls.name: cls for cls in (AutoExtractor, DensityExtractor, TrafilaturaExtractor)}
