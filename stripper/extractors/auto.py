"""The default extractor: stripper's density extractor, with trafilatura for
the pages it handles better.

Density finds the region that holds most of a page's prose. Two kinds of page
go to trafilatura instead, which costs several times more but searches by tag
and drops the widgets around a product:

- **product pages**, known by their structured data (JSON-LD ``"@type":
  "Product"`` or ``og:type`` ``product``): density takes the whole buy box
  (prices, financing, bundles), while the reference of a product page is its
  description;
- **pages where density finds almost nothing** (under ``FALLBACK_BELOW``
  characters), when trafilatura finds more.

Trafilatura runs with ``fast=True`` (``FAST_TRAFILATURA``): without its own
readability/jusText fallbacks and recall retry it takes about half the time.
Each choice has a second opinion when it finds little: density's output when
trafilatura finds under ``PRODUCT_SHORT_BELOW`` characters on a product page
(a description its tag search missed), trafilatura's when density finds under
``FALLBACK_BELOW``; the longer of the two wins. A page whose structured data
says it is an article as well as a product (a buying guide, a review) is an
article: density takes it.
"""

from __future__ import annotations

import re
from typing import Any

from ..declared import page_declares, says_article
from . import Extracted
from .density import DensityExtractor
from .trafilatura import TrafilaturaExtractor

FALLBACK_BELOW = 300
PRODUCT_SHORT_BELOW = 1500
FAST_TRAFILATURA = True

_PRODUCT_TYPE = re.compile(r'"@type"\s*:\s*(?:\[\s*)?"Product"')


class AutoExtractor:
    name = "auto"

    def __init__(self) -> None:
        self.primary = DensityExtractor()
        self.fallback = TrafilaturaExtractor(fast=FAST_TRAFILATURA)

    def extract(self, tree: Any, *, url: str | None) -> Extracted:
        if is_product_page(tree) and not says_article(tree):
            first, second, enough = self.fallback, self.primary, PRODUCT_SHORT_BELOW
        else:
            first, second, enough = self.primary, self.fallback, FALLBACK_BELOW
        found = first.extract(tree, url=url)
        if found.chars >= enough:
            return found
        other = second.extract(tree, url=url)
        return other if other.chars > found.chars else found


def is_product_page(tree: Any) -> bool:
    """Whether the page's structured data says it sells one product."""
    return page_declares(tree, lambda og_type: og_type.startswith("product"), _PRODUCT_TYPE)
