"""The default extractor: stripper's density extractor, with trafilatura as the
fallback for the pages where it finds almost nothing.

Density finds the region that holds most of a page's prose; on pages with
little prose (a job board of one-line links, a product page built from
widgets) it can come back nearly empty, and trafilatura's tag-based search
often does better there. Trafilatura costs several times more than density,
so it only runs when density's body is shorter than ``FALLBACK_BELOW``
characters, and its body is taken when it is longer.
"""

from __future__ import annotations

from typing import Any

from . import Extracted
from .density import DensityExtractor
from .trafilatura import TrafilaturaExtractor

FALLBACK_BELOW = 300


class AutoExtractor:
    name = "auto"

    def __init__(self) -> None:
        self.primary = DensityExtractor()
        self.fallback = TrafilaturaExtractor()

    def extract(self, tree: Any, *, url: str | None) -> Extracted:
        found = self.primary.extract(tree, url=url)
        if found.chars >= FALLBACK_BELOW:
            return found
        other = self.fallback.extract(tree, url=url)
        return other if other.chars > found.chars else found
