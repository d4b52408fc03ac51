"""Blocks: the units text rules judge, and how they become the article text.

A block is one non-empty line. Blocks keep the number of the paragraph they
came from, so that the article text keeps the input's paragraphs: lines of one
paragraph are joined by a newline, paragraphs by one blank line.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from .decode import NOT_XML, xml_safe

# Lines holding only whitespace; \x1c-\x1f are whitespace that decode turns into spaces (see split_text).
_BLANK_LINE = re.compile(r"\n[ \t\r\f\v\x1c-\x1f]*\n")
# C1 control characters: in scraped text, the trace of UTF-8 read as Latin-1 upstream.
_C1_CONTROL = re.compile("[\x80-\x9f]")
_TITLE_MAX_CHARS = 160
_TITLE_MAX_WORDS = 25


class Block:
    """One line of the article, and the rule that removed it (``None`` while kept)."""

    __slots__ = ("text", "para", "removed_by")

    def __init__(self, text: str, para: int) -> None:
        self.text = text
        self.para = para
        self.removed_by: str | None = None

    @property
    def kept(self) -> bool:
        return self.removed_by is None

    def __repr__(self) -> str:
        state = "kept" if self.kept else f"removed by {self.removed_by}"
        return f"Block({self.text!r}, para={self.para}, {state})"


def clean_line(line: str) -> str:
    """Collapse runs of whitespace (including non-breaking spaces) and trim."""
    return " ".join(line.split())


def blocks_from_lines(lines: Iterable[str]) -> list[Block]:
    """Each non-empty line is a block and a paragraph of its own (extractor output)."""
    blocks = []
    for line in lines:
        line = clean_line(line)
        if line:
            blocks.append(Block(line, len(blocks)))
    return blocks


def split_text(text: str) -> tuple[str | None, list[Block]]:
    """Split scraped text into its title (if any) and blocks.

    Paragraphs are separated by blank lines; a file without blank lines has a
    paragraph per line. A short first line followed by a blank line is the title.
    ``text`` may hold characters XML refuses (see :func:`~stripper.decode.decode`):
    such texts are rare, and cleaned as decode cleans them once a line shows one.
    A line holding C1 control characters is UTF-8 that was read as Latin-1 before
    it was saved ("itâ\x80\x99s"), and is read again as UTF-8 when it decodes.
    """
    source = text
    if "\r" in text:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    paragraphs = [p for p in _BLANK_LINE.split(text.strip()) if p and not p.isspace()]
    title = None
    if len(paragraphs) > 1 and "\n" not in paragraphs[0].strip() and _is_title(paragraphs[0]):
        raw_title = paragraphs.pop(0)
        title = clean_line(raw_title)
        if not title.isprintable() and NOT_XML.search(title):
            return split_text(xml_safe(source))
        if _C1_CONTROL.search(raw_title):
            title = clean_line(_undo_latin1(raw_title))
    if len(paragraphs) == 1:
        paragraphs = paragraphs[0].split("\n")
    blocks = []
    for number, paragraph in enumerate(paragraphs):
        for raw in paragraph.split("\n"):
            # clean_line, but most lines are clean already: printable (so the only whitespace
            # in them is the space), with no double space and no space at either end
            if raw.isprintable():
                line = raw if "  " not in raw and raw[:1] != " " and raw[-1:] != " " else " ".join(raw.split())
            elif NOT_XML.search(raw):
                return split_text(xml_safe(source))
            else:
                if _C1_CONTROL.search(raw):
                    raw = _undo_latin1(raw)
                line = " ".join(raw.split())
            if line:
                blocks.append(Block(line, number))
    return title, blocks


def _undo_latin1(line: str) -> str:
    """A line of UTF-8 that was read as Latin-1 before it reached us ("devicesâ\x80\x99"),
    read again as UTF-8; the line itself when it is not that."""
    try:
        return line.encode("latin-1").decode("utf-8")
    except UnicodeError:
        return line


def _is_title(line: str) -> bool:
    line = clean_line(line)
    return 0 < len(line) <= _TITLE_MAX_CHARS and len(line.split()) <= _TITLE_MAX_WORDS


def render(blocks: Iterable[Block]) -> str:
    """Join kept blocks: lines of one paragraph by a newline, paragraphs by a blank line."""
    out: list[str] = []
    last_para = None
    for block in blocks:
        if block.removed_by is not None:
            continue
        if out:
            out.append("\n" if block.para == last_para else "\n\n")
        out.append(block.text)
        last_para = block.para
    return "".join(out)
