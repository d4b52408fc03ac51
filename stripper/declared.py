"""What a page's structured data says it is: its ``og:type`` and its JSON-LD ``@type``.

The density extractor (article pages, forum threads, product pages), the auto extractor
(product pages) and STR002 (threads keep their comment sections) ask the parsed page this.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

from lxml.etree import XPath

_OG_TYPE = XPath("//meta[@property='og:type']/@content")
_JSON_LD = XPath("//script[@type='application/ld+json']/text()")
_ARTICLE_TYPE = re.compile(r'"@type"\s*:\s*(?:\[\s*)?"(?:(?:News|Blog|Tech|Scholarly)?Article|BlogPosting)"')
_DISCUSSION_TYPE = re.compile(r'"@type"\s*:\s*(?:\[\s*)?"(?:DiscussionForumPosting|QAPage)"')
_PRODUCT_TYPE = re.compile(r'"@type"\s*:\s*(?:\[\s*)?"Product"')


def page_declares(tree: Any, og_type: Callable[[str], bool], json_ld_type: re.Pattern[str]) -> bool:
    """Whether the page's structured data names a type: an ``og:type`` value (stripped and
    lower-cased) that ``og_type`` accepts, or a JSON-LD script that ``json_ld_type`` finds."""
    if any(og_type(str(value).strip().lower()) for value in _OG_TYPE(tree)):
        return True
    return any(json_ld_type.search(str(script)) for script in _JSON_LD(tree))


def says_article(tree: Any) -> bool:
    """Whether the page's structured data calls it an article (og:type, JSON-LD @type)."""
    return page_declares(tree, lambda og_type: og_type == "article", _ARTICLE_TYPE)


def says_product(tree: Any) -> bool:
    """Whether the page's structured data says it sells one product (og:type ``product...``,
    JSON-LD ``Product``)."""
    return page_declares(tree, lambda og_type: og_type.startswith("product"), _PRODUCT_TYPE)


def says_discussion(tree: Any) -> bool:
    """Whether the page's JSON-LD calls it a forum thread or a Q&A page."""
    return page_declares(tree, lambda og_type: False, _DISCUSSION_TYPE)
