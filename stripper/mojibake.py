"""Mojibake: UTF-8 that was read as Windows-1252 or Latin-1 before it reached us.

"Itâ€™s", "cafÃ©", "FinalÂ Thoughts" and "itâ\\x80\\x99s" are common in text a scraper
saved, and on pages that went through a wrong charset once: the page's bytes are valid
UTF-8 of the damaged text, so no decoder can see it. ftfy reads such text again, and leaves
alone text that only looks alike ("château", "São Paulo").

Most texts hold none of the characters that mojibake starts with: :func:`may_hold_mojibake`
tells them in a few substring searches, and ftfy is imported only for a text that needs it.
Each run of characters that may be UTF-8 bytes read one by one (``_RUN``: "â€™", "Ã©") goes
through ``ftfy.fix_encoding``, which decides whether it is mojibake and reads it again; C1
controls left over become the Windows-1252 characters they stand for (ftfy's
``fix_c1_controls``). This is how ftfy itself mends mojibake inside other text
(``decode_inconsistent_utf8``), without its scoring passes over the whole text and with a
detector that opens with a plain character class: a fifth of the time, and the same output on
the texts measured. A text repeats a few runs ("â€™") many times, and each is read once.
"""

from __future__ import annotations

import re
from functools import lru_cache

# C1 controls: a Windows-1252 character read as Latin-1 ("\x92" for "’").
_C1_CONTROL = re.compile("[\x80-\x9f]")


def may_hold_mojibake(text: str) -> bool:
    """False when ``text`` holds none of the characters that the common mojibake starts with:
    "â" (punctuation: ’ “ — …), "Ã" (accented letters), "Â" (no-break space, ©, °), "ð" (emoji).
    Each test is one search in C; True is only a maybe."""
    return "â" in text or "Ã" in text or "Â" in text or "ð" in text


def mend_mojibake(text: str) -> str:
    """``text`` with its mojibake read again as UTF-8 ("Itâ€™s" → "It’s", "\\x92" → "’");
    ``text`` itself when it holds none."""
    if may_hold_mojibake(text) or _C1_CONTROL.search(text):
        return _mend(text)
    return text


def mend_mojibake_lines(lines: list[str]) -> list[str]:
    """``lines`` with their mojibake read again as UTF-8 (see :func:`mend_mojibake`): the lines
    that may hold some, joined, in one pass."""
    found = [i for i, line in enumerate(lines) if may_hold_mojibake(line)]
    if not found:
        return lines
    mended = _mend("\n".join([lines[i] for i in found])).split("\n")
    if len(mended) != len(found):  # never seen: ftfy keeps line breaks
        mended = [_mend(lines[i]) for i in found]
    lines = list(lines)
    for i, text in zip(found, mended, strict=True):
        lines[i] = text
    return lines


# A run of what UTF-8 bytes of one character or more read as: a lead byte (Â-ô) and the bytes
# after it (C1 controls and Latin-1 symbols for 0x80-0xbf, or the Windows-1252 characters for
# 0x80-0x9f; a space where a scraper made one of a no-break space's 0xa0). It opens with a
# plain character class, which the regex engine scans for quickly.
_LEAD = "[\xc2-\xf4]"
_FOLLOWING = (
    "[\x80-\xbf\u0152\u0153\u0160\u0161\u0178\u017d\u017e\u0192\u02c6\u02dc\u2013\u2014"
    "\u2018-\u201a\u201c-\u201e\u2020-\u2022\u2026\u2030\u2039\u203a\u20ac\u2122 ]+"
)
_RUN = re.compile(f"{_LEAD}{_FOLLOWING}(?:{_LEAD}{_FOLLOWING})*")


def _mend(text: str) -> str:
    from ftfy.fixes import fix_c1_controls  # imported when first needed: most inputs never do

    return fix_c1_controls(_RUN.sub(_mended_run, text))


def _mended_run(match: re.Match) -> str:
    return _mend_run(match.group(0))


@lru_cache(maxsize=4096)
def _mend_run(run: str) -> str:
    from ftfy import fix_encoding

    return fix_encoding(run)
