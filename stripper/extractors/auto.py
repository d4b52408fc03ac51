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

The fallback first runs trafilatura with ``fast=True``: without its own
readability/jusText fallbacks and recall retry it takes about half the time.
Only when that finds under ``FULL_BELOW`` characters (a product description it
missed, say) does the full trafilatura run. A page whose structured data says
it is an article as well as a product (a buying guide, a review) is an
article: density takes it.
"""

from __future__ import annotations

import re
from typing import Any

from . import Extracted, page_declares
from .density import DensityExtractor, says_article
from .trafilatura import TrafilaturaExtractor

FALLBACK_BELOW = 300
FULL_BELOW = 1500

_PRODUCT_TYPE = re.compile(r'"@type"\s*:\s*(?:\[\s*)?"Product"')


class AutoExtractor:
    name = "auto"

    def __init__(self) -> None:
        self.primary = DensityExtractor()
        self.fast = TrafilaturaExtractor(fast=True)
        self.full = TrafilaturaExtractor(fast=False)

    def extract(self, tree: Any, *, url: str | None) -> Extracted:
        if is_product_page(tree) and not says_article(tree):
            return self.fallback(tree, url=url)
        found = self.primary.extract(tree, url=url)
        if found.chars >= FALLBACK_BELOW:
            return found
        other = self.fallback(tree, url=url)
        return other if other.chars > found.chars else found

    def fallback(self, tree: Any, *, url: str | None) -> Extracted:
        found = self.fast.extract(tree, url=url)
        return found if found.chars >= FULL_BELOW else self.full.extract(tree, url=url)


def is_product_page(tree: Any) -> bool:
    """Whether the page's structured data says it sells one product."""
    return page_declares(tree, lambda og_type: og_type.startswith("product"), _PRODUCT_TYPE)
