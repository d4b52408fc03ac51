"""The trafilatura extractor: the main content (stripper reads the metadata itself)."""

from __future__ import annotations

from typing import Any

from . import Extracted


class TrafilaturaExtractor:
    """The body from trafilatura, tables kept and comments left out; no metadata pass."""

    name = "trafilatura"

    def __init__(self, *, fast: bool = False) -> None:
        #: skip trafilatura's own fallbacks (readability, jusText, the recall retry): about half its time
        self.fast = fast

    def extract(self, tree: Any, *, url: str | None) -> Extracted:
        import trafilatura  # imported on first use: the auto extractor may never need it

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
