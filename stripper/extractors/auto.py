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
``FALLBACK_BELOW``; the longer of the two wins, unless it is mostly the site's
footer and menus (``SITE_CHROME_MAX_SHARE``, see ``site_chrome``); when both
are, the page has no content to give. A page whose structured data says it is
an article as well as a product (a buying guide, a review) is an article:
density takes it.
"""

from __future__ import annotations

from functools import partial
from typing import Any

from ..declared import Declared
from . import Extracted
from .density import DensityExtractor
from .trafilatura import TrafilaturaExtractor

FALLBACK_BELOW = 300
PRODUCT_SHORT_BELOW = 1500
FAST_TRAFILATURA = True
# Of two short candidates, the longer is passed over when more than this share of its characters
# is the text of the site's footer or menus: on a page whose content a script fills in, they are
# all the text there is, and trafilatura's fallbacks return them as the article.
SITE_CHROME_MAX_SHARE = 0.5


class AutoExtractor:
    name = "auto"

    def __init__(self) -> None:
        self.primary = DensityExtractor()
        self.fallback = TrafilaturaExtractor(fast=FAST_TRAFILATURA)

    def extract(self, tree: Any, *, url: str | None, declared: Declared | None = None) -> Extracted:
        if declared is None:
            declared = Declared(tree)  # read once, for this choice and density's own
        density = partial(self.primary.extract, declared=declared)
        if declared.product and not declared.article:
            first, second, enough = self.fallback.extract, density, PRODUCT_SHORT_BELOW
        else:
            first, second, enough = density, self.fallback.extract, FALLBACK_BELOW
        found = first(tree, url=url)
        if found.chars >= enough:
            return found
        other = second(tree, url=url)
        chrome = site_chrome(tree)
        for candidate in sorted((found, other), key=lambda e: e.chars, reverse=True):
            if chrome_share(candidate.lines, chrome) <= SITE_CHROME_MAX_SHARE:
                return candidate
        return Extracted(url=url)  # both are the site's chrome: the page shows no content


def site_chrome(tree: Any) -> str:
    """The text of the site's footer and menus: ``<footer>`` and ``<nav>`` elements outside
    ``<article>`` and ``<main>``, whitespace collapsed, one element a line."""
    return "\n".join(" ".join(element.text_content().split()) for element in tree.iter("footer", "nav")
                     if next(element.iterancestors("article", "main"), None) is None)


def chrome_share(lines: list[str], chrome: str) -> float:
    """The share of the characters of ``lines`` in lines found in ``chrome`` (see ``site_chrome``)."""
    texts = [" ".join(line.split()) for line in lines]
    total = sum(map(len, texts))
    if not total or not chrome:
        return 0.0
    return sum(len(text) for text in texts if text and text in chrome) / total
