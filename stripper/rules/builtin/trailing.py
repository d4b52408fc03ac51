"""The trailing-junk pass (STR900)."""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Sequence

from ..model import Rule, TextState, is_prose, word_count, words_reach

# Longest block that can still be a link or a label rather than a paragraph.
_MAX_JUNK_WORDS = 20


def trailing_junk(state: TextState, indices: Sequence[int]) -> list[int]:
    """The run of link- and label-like blocks after the last paragraph.

    ``indices`` are the live blocks after the last substantial paragraph. The
    region starts after the last block that reads as prose (a short closing
    sentence stays) and is left alone when the line before it introduces a
    list (ends with a colon) or when it holds table rows.
    """
    texts = state.texts
    if not any(state.is_substantial(i) for i in range(len(texts))):
        return []  # no paragraph at all: nothing to call trailing
    region: list[int] = []
    region_words = 0
    for i in reversed(indices):
        text = texts[i]
        if " | " in text or is_prose(text) or (words := word_count(text)) > _MAX_JUNK_WORDS:
            break
        region.append(i)
        region_words += words
    if not region:
        return []
    region.reverse()
    live = state.live()
    before = live[: bisect_left(live, region[0])]  # the live blocks before the region
    if before and texts[before[-1]].rstrip().endswith(":"):
        return []
    if not words_reach(texts, before, region_words):
        return []  # more list than article: the list is the content (a listing, an index)
    return region


TRAILING_JUNK = Rule(
    "STR900",
    "trailing-junk",
    "text",
    "The run of short link- and label-like lines after the article's last paragraph.",
    trailing_junk,
    scope="tail",
    doc="""What it does: after the last substantial paragraph, removes as one region
the run of short lines that are not prose (no sentence ending, or too few
words to be a sentence): headline lists, button labels, author names, footer
links. A short closing paragraph that reads as prose ("The hearing resumes on
Monday.") stays, and so does a list introduced by a line ending in a colon,
and a run holding more words than everything before it (then the list is
the content: a listing page, an index).

Why: whatever a page has after its article (widgets, navigation, footers) is
made of such lines, in any language and any wording, so no phrase list can
catch it all.""",
    removes=("Top stories\nMarkets rally on rate hopes\nCity council approves budget",
             "John Smith\nSenior Reporter\nView all posts"),
    keeps=("The hearing resumes on Monday.", "東京都は来年から新しい交通計画を始めると発表しました。"),
)

RULES = [TRAILING_JUNK]
