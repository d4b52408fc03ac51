"""Lines before the article's first paragraph (STR05x)."""

from __future__ import annotations

from collections.abc import Iterable

from ..model import Rule, TextState, normalise


def repeated_title(state: TextState, indices: Iterable[int]) -> list[int]:
    """Head lines that repeat the article's title."""
    if not state.title:
        return []
    title = normalise(state.title)
    return [i for i in indices if state.keys[i] == title]


REPEATED_TITLE = Rule(
    "STR050",
    "repeated-title",
    "text",
    "The article's title repeated as the first line of the body.",
    repeated_title,
    scope="head",
    doc="""What it does: removes a line before the first paragraph that is the
article's title (the page's title, or the first line of scraped text).

Why: extractors keep the page's <h1> as the body's first line; the title is
already in the article's ``title`` field.""",
    removes=("Example title",),
    keeps=("Example title, and what it means for the city",),
)

RULES = [REPEATED_TITLE]
