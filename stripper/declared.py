"""What a page's structured data says it is: its ``og:type`` and its JSON-LD ``@type``.

The pipeline reads it once a page (a search of the whole tree for the ``og:type`` values and
JSON-LD scripts), and hands it to the extractor (the density extractor: article pages, forum
threads, product pages; the auto extractor: product pages) and to the text rules (STR890 closes
the articles of pages that call themselves articles). STR002 (threads keep their comment
sections) reads it from the tree its DOM rules work on.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from functools import cached_property
from typing import Any

from lxml.etree import XPath

_OG_TYPE = XPath("//meta[@property='og:type']/@content")
_JSON_LD = XPath("//script[@type='application/ld+json']/text()")
_ARTICLE_TYPE = re.compile(r'"@type"\s*:\s*(?:\[\s*)?"(?:(?:News|Blog|Tech|Scholarly)?Article|BlogPosting)"')
_DISCUSSION_TYPE = re.compile(r'"@type"\s*:\s*(?:\[\s*)?"(?:DiscussionForumPosting|QAPage)"')
_PRODUCT_TYPE = re.compile(r'"@type"\s*:\s*(?:\[\s*)?"Product"')


class Declared:
    """What one page's structured data says, read once; each answer is worked out when first asked."""

    def __init__(self, tree: Any) -> None:
        self.og_types = [str(value).strip().lower() for value in _OG_TYPE(tree)]
        self.scripts = list(map(str, _JSON_LD(tree)))

    def declares(self, og_type: Callable[[str], bool], json_ld_type: re.Pattern[str]) -> bool:
        """Whether an ``og:type`` value (stripped and lower-cased) is one ``og_type`` accepts, or a
        JSON-LD script holds a type ``json_ld_type`` finds."""
        return any(map(og_type, self.og_types)) or any(map(json_ld_type.search, self.scripts))

    @cached_property
    def article(self) -> bool:
        """Whether the page calls itself an article (og:type, JSON-LD @type)."""
        return self.declares(lambda og_type: og_type == "article", _ARTICLE_TYPE)

    @cached_property
    def product(self) -> bool:
        """Whether the page says it sells one product (og:type ``product...``, JSON-LD ``Product``)."""
        return self.declares(lambda og_type: og_type.startswith("product"), _PRODUCT_TYPE)

    @cached_property
    def discussion(self) -> bool:
        """Whether the page's JSON-LD calls it a forum thread or a Q&A page."""
        return self.declares(lambda og_type: False, _DISCUSSION_TYPE)

