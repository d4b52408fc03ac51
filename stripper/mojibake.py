"""Mojibake: UTF-8 that was read as Windows-1252 or Latin-1 before it reached us.

"Itâ€™s", "cafÃ©", "FinalÂ Thoughts" and "itâ\\x80\\x99s" are common in text a scraper
saved, and on pages that went through a wrong charset once: the page's bytes are valid
UTF-8 of the damaged text, so no decoder can see it. ftfy reads such text again, and leaves
alone text that only looks alike ("château", "São Paulo").

Most texts hold none of the characters that mojibake starts with: :func:`may_hold_mojibake`
tells them in a few substring searches, and ftfy is imported only for a text that needs it.
Of ftfy, what runs is its fix for mojibake inside other text: each run of characters that
reads as UTF-8 (``ftfy.chardata.UTF8_DETECTOR_RE``) goes through ``ftfy.fix_encoding``, and C1
controls left over become the Windows-1252 characters they stand for (``fix_c1_controls``).
That is what ``fix_encoding`` does for such text, without its scoring passes over the whole
text; a text repeats a few runs ("â€™") many times, and each is read once.
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
    """``lines`` with their mojibake read again as UTF-8 (see :func:`mend_mojibake`).

    The lines that may hold some are mended together: ftfy reads a lone "Â " (a no-break space
    whose second byte became a space) as mojibake only when the text around it shows more."""
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


def _mend(text: str) -> str:
    from ftfy.chardata import UTF8_DETECTOR_RE  # imported when first needed: most inputs never do
    from ftfy.fixes import fix_c1_controls

    return fix_c1_controls(UTF8_DETECTOR_RE.sub(_mended_run, text))


def _mended_run(match: re.Match) -> str:
    return _mend_run(match.group(0))


@lru_cache(maxsize=4096)
def _mend_run(run: str) -> str:
    from ftfy import fix_encoding

    return fix_encoding(run)
