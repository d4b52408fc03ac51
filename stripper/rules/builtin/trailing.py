"""The article's end: what follows its closing markers (STR890), the trailing-junk pass (STR900)."""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Callable, Sequence
from typing import NamedTuple

from ..model import Rule, TextState, is_prose, word_count, words_reach
from ..patterns import BlockMatcher
from .authors import AUTHOR_BOX_LABELS, named_bio
from .comments import COMMENT_COUNT, COMMENT_PROMPTS
from .footer import COPYRIGHT_FOOTERS, TAG_LINES
from .newsletter import FORM_FIELDS, NEWSLETTER_SIGNUP, SUPPORT_APPEALS
from .notices import COOKIE_NOTICES
from .related import POST_NAVIGATION, RELATED_HEADINGS
from .share import FEEDBACK_PROMPTS, FOLLOW_PROMPTS, SHARE_PROMPTS


class _Marker(NamedTuple):
    """A kind of line that closes an article (the patterns of the rule named), and where it counts."""

    matcher: BlockMatcher
    #: How far into the text such a line must stand to count: past this share of its characters, or
    #: past ``chars`` characters (a long thread of comments after an article makes the article a
    #: small share of the text).
    share: float
    chars: int
    #: When set, the most prose that may follow the line, as a share of all the text before it (see
    #: TextState.prose_after): lead forms, share bars and newsletter boxes also stand between two
    #: parts of an article, and close it only when (next to) no sentence follows.
    prose_after: float | None = None
    #: When set, a further test of the line (``state``, its index) before it closes the article.
    confirm: Callable[[TextState, int], bool] | None = None
    #: False for the lines that close nothing on a page, where they are the site's own ("Follow Us"
    #: in a sidebar, "Facebook" in a list of sign-in providers), wherever they stand.
    on_pages: bool = True


def _opens_named_bio(state: TextState, i: int) -> bool:
    """Whether the live line after "About Jane Doe" (line ``i``) is Jane Doe's bio."""
    live = state.live()
    n = bisect_left(live, i) + 1
    return n < len(live) and named_bio(state.texts[i].strip().partition(" ")[2], state.texts[live[n]])


# Boxes that also stand between paragraphs (share bars, newsletter boxes ...) close the article when
# the sentences after them come to at most this share of the text before them.
_BOX_PROSE_AFTER = 0.08
# The heading of the list of sources some guides close with ("Article Sources", "View Article
# Sources"): the citations under it are sentences, and the site's boxes follow them.
SOURCE_LIST_HEADINGS = BlockMatcher(blocks=[r"(?:view |show )?article sources"])
# "About Jane Doe" over an author's bio ("Jane is a travel writer …"): the heading closes the
# article when the line after it is that person's bio (see ``_opens_named_bio``).
ABOUT_SOMEONE = BlockMatcher(blocks=[r"about [^\W\d_][\w.'’-]*(?: [^\W\d_][\w.'’-]*){1,3}"])
# A comment form or counter, a follow prompt and a tag line come after the article; an author box
# may come before it, and a related list's heading between two of its paragraphs, so they must
# stand further in.
_END_MARKERS = (
    _Marker(COMMENT_PROMPTS.apply, 0.25, 8_000), _Marker(COMMENT_COUNT.apply, 0.25, 8_000),
    _Marker(FOLLOW_PROMPTS.apply, 0.25, 8_000, on_pages=False), _Marker(TAG_LINES.apply, 0.25, 8_000),
    _Marker(AUTHOR_BOX_LABELS.apply, 0.5, 16_000), _Marker(SOURCE_LIST_HEADINGS, 0.5, 16_000),
    _Marker(ABOUT_SOMEONE, 0.5, 16_000, confirm=_opens_named_bio),
    _Marker(RELATED_HEADINGS, 0.9, 30_000),
    _Marker(FORM_FIELDS.apply, 0.25, 8_000, prose_after=1.0),
    _Marker(SHARE_PROMPTS.apply, 0.5, 16_000, _BOX_PROSE_AFTER, on_pages=False),
) + tuple(_Marker(matcher, 0.5, 16_000, _BOX_PROSE_AFTER) for matcher in (
    NEWSLETTER_SIGNUP.apply, SUPPORT_APPEALS.apply, COOKIE_NOTICES.apply,
    FEEDBACK_PROMPTS.apply, POST_NAVIGATION.apply, COPYRIGHT_FOOTERS.apply,
))
_MARKER_MATCHERS = tuple(marker.matcher for marker in _END_MARKERS)


def after_article_end(state: TextState, indices: Sequence[int]) -> list[int]:
    """The first line that marks the article's end (see ``_END_MARKERS``) after the article's
    first paragraph, and every live block after it. In scraped text, and on pages that call
    themselves articles (but for share and follow prompts)."""
    text = state.kind == "text"
    if not (text or state.article):
        return []  # on other pages the extractor has chosen the content: a listing, a forum thread
    founds = [marker.matcher.matching(state) if text or marker.on_pages else None for marker in _END_MARKERS]
    if not any(founds):
        return []  # many pages have no marker at all
    begun = next((i for i in indices if state.is_substantial(i)), None)  # the article's first paragraph
    if begun is None:
        return []
    end = len(state.texts)
    for found, marker in zip(founds, _END_MARKERS, strict=True):
        if found:
            first = max(min(state.first_past(marker.share), state.first_reaching(marker.chars)), begun + 1)
            # the first marker in range that closes: each test scans the rest of the page
            end = next((i for i in sorted(found) if first <= i < end and _closes(state, i)
                        and (marker.prose_after is None or state.prose_after(i) <= marker.prose_after)
                        and (marker.confirm is None or marker.confirm(state, i))), end)
    return [i for i in indices if i >= end] if end < len(state.texts) else []


def _closes(state: TextState, i: int) -> bool:
    """Whether marker line ``i`` can close the article: its text does not come again further
    down (the "Add a comment" under every post of a Q&A page is no end)."""
    keys = state.keys
    try:
        keys.index(keys[i], i + 1)
    except ValueError:
        return True
    return False


# Lets the pattern prefilter find the markers too.
after_article_end.block_matchers = _MARKER_MATCHERS

AFTER_ARTICLE_END = Rule(
    "STR890",
    "after-article-end",
    "text",
    "A line that closes an article and everything after it: comment form, tag line, author box.",
    after_article_end,
    doc="""What it does: in scraped text, and on pages whose structured data calls them
articles, finds the first line after the article's first paragraph that
closes an article, and removes it and every line after it. Lines that close
an article are those of a comment form or counter (the patterns of STR101
and STR102: "Leave a Reply", "12 Comments"), follow prompts (STR302: "Follow
us") and tag and category lines (STR801: "Tags: …", "Filed under: …"), past
the first quarter of the text or its first 8,000 characters; author-box
headings (STR851: "About the author", "Written by"), "About" and a
person's name over that person's bio ("About Sam Reed" / "Sam is a travel
writer …": the bio test of STR852) and the heading of a list of sources
("Article Sources", "View Article Sources"), past its first half or 16,000
characters; and the heading of a related list (STR501:
"Related posts", "You may also like"), past nine tenths of it or 30,000
characters. A line whose text comes again further down closes nothing (the
"Add a comment" under every post of a Q&A page).

Boxes that also stand between paragraphs close the article only when next to
no prose follows them: the labels of a lead form (STR404: "First Name *")
past the first quarter, when fewer characters of sentences follow them than
the text before them holds; and share bars (STR301), newsletter boxes
(STR401), appeals for support (STR405), cookie notices (STR601), feedback
widgets (STR305), previous/next links (STR502) and copyright lines (STR803)
past the first half, when the sentences after them come to at most 8% of the
characters before them. On a page, share bars and follow prompts close
nothing.

Why: what follows these lines is the comment thread, the author's bio, the
citations a guide closes with, the list of related posts and the site's
footer. They are made of full sentences, so the trailing-junk pass (STR900),
which stops at prose, cannot reach them; the marker line says where the
article stopped. An author box can stand above the article, and a related
list between two of its paragraphs, hence the longer way in for them.
Articles carry share bars and newsletter boxes between paragraphs, even
close to their end, hence the test of what follows them. On a page the
extractor has chosen the content already, but an article's author box,
sources and sign-up form often sit in its body's element and come along; on
forums, listings and other pages these lines recur between the posts and
items that are the content, and such pages are left alone (og:type "article"
and JSON-LD Article, BlogPosting ... say which are articles; a thread that
declares itself DiscussionForumPosting or QAPage is none). On a page,
"Follow Us" in a sidebar and a network's name in a list of sign-in providers
are the site's own lines, wherever they stand.

The examples it removes end a text; those it keeps open one.""",
    removes=(
        "Tags: transport, council\n"
        "Jo Marsh says:\nAbout time! I have driven round the bridge every day since the work began.",
        "Leave a Reply\nDana\nMarch 3, 2024 at 6:26 pm\nDoes the ferry still run while the bridge is shut?",
        "About the author\nSam Reed has covered the city council for ten years, and lives near the bridge.",
        "About Sam Reed\nSam is a travel writer based in Lisbon. She has walked trails on four continents.",
        "Share this article\nFacebook\nWe read every letter.\nAbout us",
        "Article Sources\nEvery guide is checked by our editors before it is published.\n"
        "“2025 Renters Survey.” Harbour Ledger, https://example.com/renters-survey. Accessed 11 Apr. 2025.",
        "First Name *\nIndustry *\nAccounting Construction Retail\nFleetCo helps firms keep their vans on the road.",
    ),
    keeps=(
        "About the author\nSam Reed has covered the city council for ten years, and lives near the bridge.",
        "Officials expect the bridge to reopen in May.\nTags: transport, council",
        "Share this article\nFacebook",
        "Article Sources\nEvery guide is checked by our editors before it is published.",
    ),
)

# Longest block that can still be a link or a label rather than a paragraph.
_MAX_JUNK_WORDS = 20
# How a list's item is written: trafilatura writes the items of the lists it keeps so, and a
# scraped text's own bullets often look the same. A list the extractor kept is the content's.
_LIST_ITEM = "- "


def trailing_junk(state: TextState, indices: Sequence[int]) -> list[int]:
    """The run of link- and label-like blocks after the last paragraph.

    ``indices`` are the live blocks after the last substantial paragraph. The
    region starts after the last block that reads as prose (a short closing
    sentence stays), or after the last table row or list item ("- …"), and is
    left alone when the line before it introduces a list (ends with a colon). On a page whose
    extractor says which element holds each line, the lines held by the element of the paragraph
    before the region stay (a list or a table in the article's own body).
    """
    texts = state.texts
    if not any(state.is_substantial(i) for i in range(len(texts))):
        return []  # no paragraph at all: nothing to call trailing
    region: list[int] = []
    region_words = 0
    for k in range(len(indices) - 1, -1, -1):
        text = texts[indices[k]]
        if text.startswith(_LIST_ITEM) or (" | " in text and _table_row(state, indices, k)) or is_prose(text) \
                or (words := word_count(text)) > _MAX_JUNK_WORDS:
            break
        region.append(indices[k])
        region_words += words
    if not region:
        return []
    region.reverse()
    live = state.live()
    before = live[: bisect_left(live, region[0])]  # the live blocks before the region
    if before and texts[before[-1]].rstrip().endswith(":"):
        return []
    # The list's size counts the lines other rules removed inside it (a product card's prices).
    region_words += sum(word_count(texts[i]) for i in range(region[0], region[-1] + 1)
                        if state.removed_by[i] is not None)
    if not words_reach(texts, before, region_words):
        return []  # more list than article: the list is the content (a listing, an index)
    holders = state.lines.holders
    if holders is not None and before:
        body = holders[before[-1]]
        return [i for i in region if holders[i] != body]
    return region


def _table_row(state: TextState, indices: Sequence[int], k: int) -> bool:
    """Whether the block at ``indices[k]``, which holds " | ", is a row of a table. On a page it
    is: the extractor writes a table row's cells so. In scraped text, a block next to it must
    hold " | " too: a lone line of links parted by bars ("Privacy Policy | Terms") is none."""
    if state.kind != "text":
        return True
    texts = state.texts
    return any(" | " in texts[indices[j]] for j in (k - 1, k + 1) if 0 <= j < len(indices))


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
Monday.") stays, and so do the rows of a table (lines of cells parted by
" | ", two or more in a row in scraped text: a lone "Privacy Policy | Terms"
is a line of footer links), a list introduced by a line ending in a colon,
the items of a list written as such ("- Shell: waxed cotton": trafilatura
writes the lists it keeps so, and the lines after the last item may still
go), and a run holding more words than everything before it (then the list
is the content: a listing page, an index; the lines other rules removed
inside the run, a product card's prices, count to its size). On a page, the
lines of the run held by the element that holds the paragraph before it
(the article body's div or section, which holds its lists and tables too)
stay: stripper's extractor tells each line's element (trafilatura's text,
used for some pages, does not).

Why: whatever a page has after its article (widgets, navigation, footers) is
made of such lines, in any language and any wording, so no phrase list can
catch it all. On a page those sit in elements of their own, after the
article body's; a list of topics or a table of rates that closes the
article sits in the body itself.""",
    removes=("Top stories\nMarkets rally on rate hopes\nCity council approves budget",
             "John Smith\nSenior Reporter\nView all posts",
             "Opening hours\nAbout us | Privacy Policy | Terms\nSite by Example Studio"),
    keeps=("The hearing resumes on Monday.", "東京都は来年から新しい交通計画を始めると発表しました。",
           "Route | Stops | First bus\nR1 | 12 | 6:05\nR2 | 9 | 6:20",
           "Details\n- Shell: waxed cotton\n- Lining: brushed wool"),
)

RULES = [AFTER_ARTICLE_END, TRAILING_JUNK]
