"""Blocks: the units text rules judge, and how they become the article text.

A block is one non-empty line. The blocks of a page are held as parallel lists
(:class:`Lines`): their texts, the number of the paragraph each came from, and
the rule that removed each (``None`` while kept). Paragraph numbers let the
article text keep the input's paragraphs: lines of one paragraph are joined by
a newline, paragraphs by one blank line.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from itertools import accumulate, compress, filterfalse, repeat
from operator import contains, not_

from .decode import NOT_XML, xml_safe
from .errors import StripperError
from .extractors.density import block_texts
from .mojibake import may_hold_mojibake, mend_mojibake, mend_mojibake_lines
from .parse import parse_html

# A line of HTML source in scraped text (the article's markup in a "Republish this story"
# box, say): it starts with a tag, closes paragraph-level elements, and is mostly text.
_CLOSED_BLOCK = re.compile(r"</(?:p|h[1-6]|li|div|blockquote|section|article)\s*>", re.IGNORECASE)
_TAG = re.compile(r"</?[a-zA-Z][^<>]*>")
_MARKUP_MIN_CLOSED = 2
_MARKUP_MIN_TEXT_SHARE = 0.5
_TITLE_MAX_CHARS = 160
_TITLE_MAX_WORDS = 25
# A line of this many words or more that ends with a full stop is a sentence, not a title.
_SENTENCE_MIN_WORDS = 4
_JUNK_ABOVE_TITLE = 3
# Headings that open a section of a page, never name the page ("1. Introduction", "TL;DR").
_SECTION_HEADINGS = frozenset({
    "introduction", "key takeaways", "key takeaway", "tl;dr", "tldr", "in short", "quick summary", "summary",
    "overview", "background", "motivation", "the problem", "updates", "conclusion", "abstract",
    "table of contents", "contents", "in this article", "on this page",
})
_NUMBERED = re.compile(r"^\d{1,2}\.\s*")
# A line this long is a paragraph of its own when the line before it, as long, ends a sentence.
_PARAGRAPH_MIN_CHARS = 120
_SENTENCE_ENDS = (".", "!", "?", "…", ".”", "!”", "?”", '."', '!"', '?"', ".’", ".)")


@dataclass(frozen=True, slots=True)
class Block:
    """One line of the article, and the rule that removed it (``None`` while kept)."""

    text: str
    para: int
    removed_by: str | None = None


@dataclass
class Lines:
    """The blocks of one page, as parallel lists: rules mark ``removed_by[i]``."""

    texts: list[str]
    paras: list[int]
    removed_by: list[str | None] = field(default_factory=list)
    #: Every character of the texts that is not printable ASCII (in any order, perhaps more than
    #: once), or None when unknown. Most texts hold few such characters, and of few kinds: case
    #: folding and block keys take quicker paths when those kinds allow (see ``TextState``).
    beyond_ascii: str | None = None
    #: On a page, the number of the element holding each block, when the extractor knows it (see
    #: :class:`~stripper.extractors.Extracted`); None for scraped text.
    holders: list[int] | None = None

    def __post_init__(self) -> None:
        if not self.removed_by:
            self.removed_by = [None] * len(self.texts)

    def blocks(self) -> list[Block]:
        """Each block as a :class:`Block` (for reports: rules work on the lists)."""
        return list(map(Block, self.texts, self.paras, self.removed_by))

    def render(self) -> str:
        """Join kept blocks: lines of one paragraph by a newline, paragraphs by a blank line.

        Inside a paragraph, a long line after a long line that ends a sentence is a paragraph of
        its own: scrapers often keep a single newline between two paragraphs. Hard-wrapped text
        (lines of about 80 characters) and lists of short lines keep theirs."""
        out: list[str] = []
        last_para = None
        last = ""
        for text, para, removed_by in zip(self.texts, self.paras, self.removed_by, strict=True):
            if removed_by is None:
                if out:
                    if para != last_para or (len(text) >= _PARAGRAPH_MIN_CHARS <= len(last)
                                             and last.endswith(_SENTENCE_ENDS)):
                        out.append("\n\n")
                    else:
                        out.append("\n")
                out.append(text)
                last_para = para
                last = text
        return "".join(out)


# Characters that show nothing and hold words together: soft hyphens, word joiners and
# byte-order marks inside the text. Zero-width spaces (which part words) and joiners (emoji
# sequences and Indic scripts need them) stay inside a line, and go at its ends.
_INVISIBLE = dict.fromkeys(map(ord, "\xad\u2060\ufeff"))
_ZERO_WIDTH_AND_SPACE = "\u200b\u200c\u200d "


def clean_line(line: str) -> str:
    """Collapse runs of whitespace (including non-breaking spaces), drop the characters that
    show nothing (see ``_INVISIBLE``), and trim."""
    if line.isprintable():  # the usual line: none of them, no whitespace but spaces
        return " ".join(line.split())
    return " ".join(line.translate(_INVISIBLE).split()).strip(_ZERO_WIDTH_AND_SPACE)


def lines_from_extractor(lines: Iterable[str], holders: list[int] | None = None) -> Lines:
    """Each non-empty line is a block and a paragraph of its own (extractor output); ``holders``:
    the number of the element holding each line, when the extractor knows it."""
    cleaned = list(map(clean_line, mend_mojibake_lines(list(lines))))
    texts = list(filter(None, cleaned))
    return Lines(texts, list(range(len(texts))),
                 holders=None if holders is None else list(compress(holders, cleaned)))


def split_text(text: str, junk: Callable[[str], bool] | None = None) -> tuple[str | None, Lines]:
    """Split scraped text into its title (if any) and blocks.

    Paragraphs are separated by blank lines (lines of whitespace only); a file
    without blank lines has a paragraph per line (and see :meth:`Lines.render`
    for long lines parted by a single newline). A short first line followed by
    a blank line is the title (see ``_title_at``); ``junk`` tells the lines a
    rule would remove, which are no title.
    ``text`` may hold characters XML refuses (see :func:`~stripper.decode.decode`):
    such texts are rare, and cleaned as decode cleans them once a line shows one.
    Mojibake, UTF-8 that was read as Windows-1252 or Latin-1 before the text was saved
    ("Itâ€™s", "itâ\x80\x99s"), is read again (see :mod:`stripper.mojibake`).
    A line of HTML source (see ``_CLOSED_BLOCK``) is read as HTML: each of its blocks
    becomes a paragraph.
    """
    source = text
    if "\r" in text:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    lines = text.split("\n")
    # Most lines are clean already: printable (so the only whitespace in them is the space),
    # with no double space and no space at either end. Each step is a C loop over the lines.
    others = beyond = _beyond_ascii(text)
    # Mended lines and HTML source may bring characters the text did not hold: they are added
    # to ``beyond``, or it becomes unknown.
    for i in _unprintable_lines(others, lines):
        line = lines[i]
        if NOT_XML.search(line):
            return split_text(xml_safe(source), junk)
        lines[i] = clean_line(mend_mojibake(line))  # C1 controls may become letters ("\x9f": "Ÿ")
        beyond += _beyond_ascii(lines[i])
    lines = list(map(clean_line, lines)) if "  " in text else list(map(str.strip, lines, repeat(" ")))
    if may_hold_mojibake(others):  # a mended line may hold a no-break space: cleaned again
        lines = [line if line is old else clean_line(line)
                 for line, old in zip(mend_mojibake_lines(lines), lines, strict=True)]
        beyond = None
    if "<" in text and "</" in text:  # a one-character search is the quick one (memchr)
        lines = _markup_read(lines)
        beyond = None
    # A paragraph's number: the blank lines before it.
    paras = list(accumulate(map(not_, lines), initial=0))
    del paras[0]
    if not all(lines):  # blank lines go: compress and filter read a line's truth in C
        paras = list(compress(paras, lines))
        lines = list(filter(None, lines))
    title = None
    at = _title_at(lines, paras, junk)
    if at is not None:
        title = lines.pop(at)
        del paras[at]
    if paras and paras[0] == paras[-1]:  # no blank line: a paragraph per line
        paras = list(range(len(lines)))
    return title, Lines(lines, paras, beyond_ascii=beyond)


# What a text's printable characters are mostly made of: printable ASCII (and its newlines).
_PRINTABLE_ASCII = bytes(range(0x20, 0x7F)) + b"\n"
# Texts with more kinds of unprintable characters than this are searched line by line.
_UNPRINTABLE_KINDS = 4


def _beyond_ascii(text: str) -> str:
    """The characters of ``text`` that are not printable ASCII or newlines, in order: the text's
    UTF-8 bytes less those, by one encoding and one deletion, each a C loop of a few
    instructions a character."""
    return text.encode("utf-8", "surrogatepass").translate(None, _PRINTABLE_ASCII).decode("utf-8", "surrogatepass")


def _unprintable_lines(others: str, lines: list[str]) -> list[int]:
    """The indices of the ``lines`` of a text (split at newlines) that are not printable
    (``str.isprintable``), in order; ``others`` is the text's :func:`_beyond_ascii`.

    The usual text has none, and ``others`` holds what is left to test (curly quotes, dashes,
    letters outside ASCII): that stands in for ``isprintable`` on every line (about 24
    instructions a character). The lines holding one of the few unprintable characters found
    are then found by substring search."""
    if others.isprintable():
        return []
    kinds = set(filterfalse(str.isprintable, others))
    if len(kinds) > _UNPRINTABLE_KINDS:
        return list(compress(range(len(lines)), map(not_, map(str.isprintable, lines))))
    found: set[int] = set()
    for char in kinds:
        found.update(compress(range(len(lines)), map(contains, lines, repeat(char))))
    return sorted(found)


def _markup_read(lines: list[str]) -> list[str]:
    """``lines``, each line of HTML source replaced by the text of its blocks, a paragraph each."""
    out: list[str] = []
    for line in lines:
        texts = _markup_text(line)
        if texts:
            for text in texts:
                out += ("", text)
            out.append("")
        else:
            out.append(line)
    return out


def _markup_text(line: str) -> list[str] | None:
    """The text of each block of a line of HTML source (see ``_CLOSED_BLOCK``), markup escaped
    inside it ("&lt;a href=…&gt;article&lt;/a&gt;") read too; None for any other line."""
    if not line.startswith("<") or len(_CLOSED_BLOCK.findall(line)) < _MARKUP_MIN_CLOSED:
        return None
    if len(_TAG.sub("", line)) < _MARKUP_MIN_TEXT_SHARE * len(line):
        return None  # code, or a list of tags: not a page's text
    try:
        texts = block_texts(parse_html(line))
        for i in [i for i, text in enumerate(texts) if _TAG.search(text)]:
            texts[i] = clean_line(" ".join(block_texts(parse_html(texts[i]))))
    except StripperError:
        return None
    return [text for text in texts if text]


def _title_at(lines: list[str], paras: list[int], junk: Callable[[str], bool] | None) -> int | None:
    """The index of the title's line: the first line, when it is a paragraph of its own and reads as
    a title (see ``_is_title``). Such lines that a rule would remove (a share bar's "Share on
    Pinterest", an "Image credit: …", "Join / Sign in"; at most ``_JUNK_ABOVE_TITLE``) are passed
    over: they stay blocks, for the rules to remove, and the next line may be the title."""
    for at in range(min(_JUNK_ABOVE_TITLE + 1, len(lines) - 1)):
        if paras[at] == paras[at + 1] or not _is_title(lines[at]):
            return None
        if junk is None or not junk(lines[at]):
            return at
    return None


def _is_title(line: str) -> bool:
    """Whether a line reads as a page's title: short, no sentence ("We've all been there."), no
    label (a colon at its end: "Popular posts:"), and no section's heading ("Introduction")."""
    if not 0 < len(line) <= _TITLE_MAX_CHARS:
        return False
    words = line.split()
    if len(words) > _TITLE_MAX_WORDS or line[-1] == ":":
        return False
    if line[-1] == "." and len(words) >= _SENTENCE_MIN_WORDS:
        return False
    return _NUMBERED.sub("", line).strip(" :").casefold() not in _SECTION_HEADINGS
