"""Lines before the article's first paragraph (STR05x)."""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from itertools import pairwise

from ...metadata import BYLINE_LABEL, MONTH_WORDS, byline_name
from ..model import Rule, TextState, normalise


def repeated_title(state: TextState, indices: Sequence[int]) -> list[int]:
    """Head lines that repeat the article's title, unless such a line, long enough to be a
    paragraph, is all the page has to say."""
    found = [i for i in indices if state.is_title(i)] or _title_in_two_lines(state, indices)
    if found and len(indices) == len(state.live()) and any(map(state.is_substantial, found)):
        return []  # the head reaches the end: no other paragraph (a link post, a question alone)
    return found


def _title_in_two_lines(state: TextState, indices: Sequence[int]) -> list[int]:
    """Two lines in a row that make the title together ("BEGINNER" / "MARATHON PLAN": a line
    break inside the ``<h1>``)."""
    title, keys = state.title_key, state.keys
    if title is None:
        return []
    for first, second in pairwise(indices):
        if keys[first] and title == f"{keys[first]} {keys[second]}":
            return [first, second]
    return []


REPEATED_TITLE = Rule(
    "STR050",
    "repeated-title",
    "text",
    "The article's title repeated as the first line of the body.",
    repeated_title,
    scope="head",
    doc="""What it does: removes a line before the first paragraph that is the
article's title (the page's title, or the first line of scraped text), or two
lines in a row that make the title together (a line break inside the
headline).

A title that reads as a paragraph stays when the page has no other paragraph:
then it is the content (a link shared on a forum, a question with no answer
yet), not a heading above it.

Why: extractors keep the page's <h1> as the body's first line; the title is
already in the article's ``title`` field.""",
    removes=("Example title", "EXAMPLE\nTITLE"),
    keeps=("Example title, and what it means for the city", "Example\ntitle of the city"),
)

_MONTH = rf"(?:{MONTH_WORDS})\.?"
# The words that label a date in a byline ("Posted on", "Last updated").
_DATE_LABEL = r"(?:published|posted|updated|last updated|modified)"
_DATE_LINE = re.compile(
    rf"(?:{_DATE_LABEL}(?: on)?:? )?"
    rf"(?:{_MONTH} \d{{1,2}}(?:st|nd|rd|th)?,? \d{{4}}|\d{{1,2}}(?:st|nd|rd|th)? {_MONTH},? \d{{4}}|\d{{4}}-\d\d-\d\d)"
    r"(?:,? (?:at )?\d{1,2}:\d\d(?: ?[ap]\.?m\.?)?(?: [a-z]{2,4})?)?",
    re.IGNORECASE,
)
_BY = re.compile(rf"^{BYLINE_LABEL} ", re.IGNORECASE)
# The labels of a byline's parts, printed as lines of their own ("Posted on" / "Nov 21, 2018"),
# and a reading time ("4 minutes", "5 min read").
_BYLINE_LABEL = re.compile(rf"(?:{_DATE_LABEL}(?: on| at)?|reading time|read time)"
                           r"\s*:?|\d{1,3} ?(?:min|mins|minutes)(?: read)?", re.IGNORECASE)
# A reading time with a date or a section's name beside it: "Learn · 6 min read",
# "Nov 7, 2025 | 11 min read", "Last Updated: Dec 17, 2025 • 5 min read" (see _reading_time_line).
_READING_TIME = re.compile(r"\d{1,3} ?(?:min|mins|minutes) read", re.IGNORECASE)
_LINE_PARTS = re.compile(r"\s*[·|•]\s*")
_MAX_PART_CHARS = 40


def _reading_time_line(text: str) -> bool:
    """Whether ``text`` is parts parted by "·", "|" or "•", one of them a reading time and none
    longer than a date or a label."""
    if not _READING_TIME.search(text):
        return False
    parts = _LINE_PARTS.split(text)
    return (len(parts) > 1 and all(0 < len(part) <= _MAX_PART_CHARS for part in parts)
            and any(map(_READING_TIME.fullmatch, parts)))


def byline_lines(state: TextState, indices: Iterable[int]) -> list[int]:
    """Head lines that are the article's author ("Jo Bloggs", "By Jo Bloggs"), a date alone, or the
    label of one ("Posted on", "Reading time"), and an article's one line of reading time ("Learn ·
    6 min read": several are the cards of a listing)."""
    author = normalise(state.author) if state.author else None
    found = []
    reading_times = []
    for i in indices:
        text = state.texts[i]
        if (_DATE_LINE.fullmatch(text) or _BYLINE_LABEL.fullmatch(text)
                or (author and normalise(_BY.sub("", text)) == author)
                or (state.kind == "text" and byline_name(text))):
            found.append(i)
        elif _reading_time_line(text):
            reading_times.append(i)
    return sorted(found + reading_times) if len(reading_times) == 1 else found


BYLINE_LINES = Rule(
    "STR051",
    "byline-lines",
    "text",
    "Byline lines before the first paragraph: the author's name alone, a date alone, or their labels.",
    byline_lines,
    scope="head",
    doc="""What it does: removes a line before the first paragraph that is only the
article's author (as found in the page's metadata, with or without "By" or
"Recipe by"), in scraped text a byline ("By Jo Reed | May 3, 2024", "Recipe by
Jo May", which gives the text its author and date), or
only a date ("September 18, 2024", "Updated: 3 May 2024, 10:15 am"), or
only the label that a theme prints on a line of its own above either
("Posted on", "Updated at", "Reading time"), and a reading time ("4 minutes",
"5 min read"), alone or with a date or a section's name beside it ("Learn · 6
min read": one such line; several are the cards of a listing).

Why: page builders and themes print the byline as separate little blocks above
the body; the author and date are already in the article's fields.""",
    removes=("September 18, 2024", "Updated: 3 May 2024, 10:15 am", "2024-09-18", "Posted on", "Reading time:",
             "5 min read", "By Jo Reed | May 3, 2024", "Recipe by Jo May", "Learn · 6 min read"),
    keeps=("September 18, 2024 was the day the river finally broke its banks.", "By Monday, the council will vote.",
           "By the time the ferry arrived, the queue reached the car park.",
           "Posted on the harbour wall, the notice listed the new ferry times.",
           "Most readers finish a 6 min read before their coffee cools."),
)

RULES = [REPEATED_TITLE, BYLINE_LINES]
