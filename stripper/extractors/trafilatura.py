"""The trafilatura extractor: the main content (stripper reads the metadata itself)."""

from __future__ import annotations

from typing import Any

from ..declared import Declared
from . import Extracted

# Elements trafilatura's cleaning drops with all they hold. Dropping them first spares its
# passes over the raw page (XPath prunes, copies, the page-text measure) from walking them:
# 7% of its instructions on product pages. JSON-LD scripts stay: its baseline reads them.
DROPPED_FIRST = ("svg", "style", "template", "script", "link", "source")


class TrafilaturaExtractor:
    """The body from trafilatura, tables kept and comments left out; no metadata pass."""

    name = "trafilatura"

    def __init__(self, *, fast: bool = False) -> None:
        #: skip trafilatura's own fallbacks (readability, jusText, the recall retry): about half its time
        self.fast = fast

    def extract(self, tree: Any, *, url: str | None, declared: Declared | None = None) -> Extracted:
        import trafilatura  # imported on first use: the auto extractor may never need it

        _drop_unread(tree)
        document = trafilatura.bare_extraction(
            tree,
            url=url,
            include_comments=False,
            include_tables=True,
            with_metadata=False,
            fast=self.fast,
        )
        if document is None:
            return Extracted(url=url)
        text = document.text or ""
        return Extracted(
            lines=text.split("\n"),
            title=document.title or None,
            author=document.author or None,
            date=document.date or None,
            url=document.url or url,
            language=document.language or None,
        )


def _drop_unread(tree: Any) -> None:
    for element in list(tree.iter(*DROPPED_FIRST)):
        if element.tag != "script" or (element.get("type") or "").lower() != "application/ld+json":
            element.drop_tree()  # its tail stays in place
