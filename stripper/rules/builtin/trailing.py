"""The article's end: what follows its closing markers (STR890), the trailing-junk pass (STR900)."""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Sequence

from ..model import Rule, TextState, is_prose, word_count, words_reach
from .authors import AUTHOR_BOX_LABELS
from .comments import COMMENT_COUNT, COMMENT_PROMPTS
from .footer import TAG_LINES
from .related import RELATED_HEADINGS
from .share import FOLLOW_PROMPTS

# What closes an article (the patterns of the rules named), and how far into the text (a share of its
# characters) such a line must stand to count. A comment form or counter, a follow prompt and a tag
# line come after the article; an author box may come before it, so it counts only in the text's
# second half; a related list's heading also stands between paragraphs, so it counts only in the
# text's last tenth.
_END_MARKERS = (
    (COMMENT_PROMPTS.apply, 0.25), (COMMENT_COUNT.apply, 0.25), (FOLLOW_PROMPTS.apply, 0.25),
    (TAG_LINES.apply, 0.25), (AUTHOR_BOX_LABELS.apply, 0.5), (RELATED_HEADINGS, 0.9),
)


def after_article_end(state: TextState, indices: Sequence[int]) -> list[int]:
    """The first line that marks the article's end (see ``_END_MARKERS``) and every live block
    after it, once a paragraph of the article has come before it. Scraped text only."""
    if state.kind != "text":
        return []  # a page's extractor has chosen the content; on forums and listings these lines recur in it
    end = len(state.texts)
    for matcher, share in _END_MARKERS:
        found = matcher.matching(state)
        if found:  # most pages have no marker at all
            first = state.first_past(share)
            end = min((i for i in found if first <= i < end), default=end)
    if end == len(state.texts) or not any(state.is_substantial(i) for i in indices if i < end):
        return []  # no marker, or no paragraph before it: the article has not begun
    return [i for i in indices if i >= end]


# Lets the pattern prefilter find the markers too.
after_article_end.block_matchers = tuple(matcher for matcher, _ in _END_MARKERS)

AFTER_ARTICLE_END = Rule(
    "STR890",
    "after-article-end",
    "text",
    "Everything after a line that closes the article: the comment form, the tag line, the author box.",
    after_article_end,
    doc="""What it does: in scraped text, finds the first line that closes an
article, past the text's first quarter and after a paragraph of the article,
and removes it and every line after it. Lines that close an article are
those of a comment form or counter (the patterns of STR101 and STR102:
"Leave a Reply", "12 Comments"), follow prompts (STR302: "Follow us"), tag
and category lines (STR801: "Tags: …", "Filed under: …") and, in the text's
second half only, author-box headings (STR851: "About the author", "Written
by"), and in its last tenth only, the heading of a related list (STR501:
"Related posts", "You may also like").

Why: what follows these lines is the comment thread, the author's bio, the
list of related posts and the site's footer. They are made of full
sentences, so the trailing-junk pass (STR900), which stops at prose, cannot
reach them; the marker line says where the article stopped. An author box
can stand above the article, hence the second half for it, and a related
list between two paragraphs, hence the last tenth for its heading. Share
bars and newsletter boxes mark nothing: articles carry them between
paragraphs, even close to their end. On a page the
extractor has already chosen the content, and on forums and listings these
lines recur between the posts and items that are the content, so the rule
leaves pages alone.""",
    removes=(
        "Tags: transport, council\n"
        "Jo Marsh says:\nAbout time! I have driven round the bridge every day since the work began.",
        "Leave a Reply\nDana\nMarch 3, 2024 at 6:26 pm\nDoes the ferry still run while the bridge is shut?",
        "About the author\nSam Reed has covered the city council for ten years, and lives near the bridge.",
    ),
    # (each example above ends the text; those below open it)
    keeps=(
        "About the author\nSam Reed has covered the city council for ten years, and lives near the bridge.",
        "Officials expect the bridge to reopen in May.\nTags: transport, council",
    ),
)

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

RULES = [AFTER_ARTICLE_END, TRAILING_JUNK]
