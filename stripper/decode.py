"""Bytes to text: byte-order mark, then the declared charset, then a detector.

The order follows what browsers do, with two corrections that matter for
scraped pages:

- bytes that are valid UTF-8 are read as UTF-8 even when the page declares a
  single-byte charset, because a page that *is* Latin-1 almost never happens
  to be valid UTF-8, while pages that declare Latin-1 and are really UTF-8 are
  common;
- bytes that are UTF-8 but for a few damaged sequences (a truncated download,
  a bad byte spliced in by a proxy) are read as UTF-8 with U+FFFD for the
  damage, rather than handed to the detector, which would turn every accented
  letter into mojibake.

Whatever the input, :func:`decode` returns text without NUL bytes, lone
surrogates or other characters that XML (and so lxml) cannot hold, or raises
a :class:`~stripper.errors.StripperError`. Text that never reaches lxml may
skip that cleaning when it is a ``str`` (``for_xml=False``):
:func:`~stripper.blocks.split_text` cleans the few texts that need it, at less
cost than checking every text here.
"""

from __future__ import annotations

import codecs
import re

from .errors import DecodeError, EmptyInputError

# Labels that browsers read as windows-1252 (WHATWG Encoding Standard).
_WINDOWS_1252_LABELS = {"iso-8859-1", "iso8859-1", "latin-1", "latin1", "l1", "ascii", "us-ascii"}
# Share of control characters above which decoded text is taken for binary data.
_MAX_CONTROL_SHARE = 0.05
_DECLARATION_WINDOW = 8192
# The shortest input read as UTF-16 or UTF-32 on the detector's word (see _best_guess).
_MIN_WIDE_GUESS_BYTES = 32
# Byte-order marks, longest first: the UTF-32LE mark begins with the UTF-16LE one.
_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)
# Characters XML 1.0 cannot hold (lxml refuses them): C0 controls but tab, LF and
# CR; lone surrogates; U+FFFE and U+FFFF. NUL bytes are dropped, the rest become
# spaces or U+FFFD so that no two words run together.
_NOT_XML_CONTROLS = re.compile("[\x01-\x08\x0b\x0c\x0e-\x1f]")
_NOT_XML_OTHER = re.compile("[\ud800-\udfff\ufffe\uffff]")
# Any character xml_safe changes, NUL included.
NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")
# The same controls as bytes: in UTF-8 they only ever stand for themselves.
_NOT_XML_CONTROL_BYTES = bytes([*range(0x01, 0x09), 0x0B, 0x0C, *range(0x0E, 0x20)])


def decode(source: str | bytes, *, for_xml: bool = True) -> str:
    """Return the text of ``source``; raise :class:`StripperError` for empty or binary input.

    With ``for_xml=False``, a ``str`` keeps the characters XML refuses (see :func:`xml_safe`);
    empty input is refused all the same."""
    if isinstance(source, str):
        raw = text = source.removeprefix("\ufeff")
        if for_xml:
            text = xml_safe(text)
    elif isinstance(source, bytes | bytearray | memoryview):
        data = bytes(source)
        raw = text = _plain_utf8(data)
        if text is None:
            raw = _decode_bytes(data).removeprefix("\ufeff")
            text = xml_safe(raw)
    else:
        raise TypeError(f"expected str or bytes, not {type(source).__name__}")
    # Uncleaned text starting with a control (or blank) may hold nothing once cleaned.
    _check_not_empty(xml_safe(text) if not for_xml and text.lstrip()[:1] < " " else text, raw)
    return text


def _check_not_empty(text: str, raw: str) -> None:
    """Refuse ``text`` (``raw`` once cleaned) when nothing but whitespace is left of it."""
    if not text or text.isspace():
        if raw and not raw.isspace():  # all it held were control characters
            raise DecodeError("binary data: control characters and no text")
        raise EmptyInputError("empty input" if not text else "input holds only whitespace")


def _plain_utf8(data: bytes) -> str | None:
    """The text of valid UTF-8 holding nothing XML refuses (the usual case), checked on the
    bytes, where it is cheap; ``None`` for anything else, which takes the long way."""
    if b"\x00" in data or any(_not_xml_in_utf8(data)):  # UTF-16 without a byte-order mark has NULs
        return None
    text = _try(data, "utf-8")  # strict: rejects encoded surrogates too
    return None if text is None else text.removeprefix("\ufeff")


def xml_safe(text: str) -> str:
    """``text`` without what XML refuses: NULs dropped, controls as spaces, the rest as U+FFFD."""
    if "\x00" in text:
        text = text.replace("\x00", "")
    try:
        controls, others = _not_xml_in_utf8(text.encode("utf-8"))
    except UnicodeEncodeError:  # lone surrogates
        controls = others = True
    if controls and _NOT_XML_CONTROLS.search(text):
        text = _NOT_XML_CONTROLS.sub(" ", text)
    if others and _NOT_XML_OTHER.search(text):
        text = _NOT_XML_OTHER.sub("\ufffd", text)
    return text


def _not_xml_in_utf8(data: bytes) -> tuple[bool, bool]:
    """Whether UTF-8 bytes hold C0 controls XML refuses (NUL aside), and U+FFFE or U+FFFF;
    deleting bytes is a quicker scan than a regex over the text."""
    controls = len(data.translate(None, _NOT_XML_CONTROL_BYTES)) != len(data)
    return controls, b"\xef\xbf\xbe" in data or b"\xef\xbf\xbf" in data


def _decode_bytes(data: bytes) -> str:
    if not data:
        raise EmptyInputError("empty input")
    for bom, bom_encoding in _BOMS:
        if data.startswith(bom):
            return _decode_after_bom(data[len(bom):], bom_encoding)
    text = _try(data, "utf-8")
    if text is not None and not _looks_like_wide_unicode(data):
        return text
    if _looks_like_wide_unicode(data):
        wide = _wide_unicode(data)
        if wide is not None:
            return wide
        if text is not None:  # valid UTF-8 with many NULs in it
            return text
    damaged = _damaged_utf8(data)
    if damaged is not None:
        return damaged
    from bs4.dammit import EncodingDetector  # only pages that are not UTF-8 get this far

    declared = EncodingDetector.find_declared_encoding(data[:_DECLARATION_WINDOW], is_html=True)
    if declared:
        encoding = _browser_encoding(declared)
        if encoding and not encoding.startswith(("utf-16", "utf-32")):
            text = _try(data, encoding)
            if text is not None and _is_text(text):
                return text
    best = _best_guess(data)
    if best is not None:
        text = str(best)
        if _is_text(text):
            return text
    raise DecodeError("binary data, or text in an unrecognised encoding")


def _decode_after_bom(body: bytes, encoding: str) -> str:
    if not body:
        raise EmptyInputError("empty input")
    text = _try(body, encoding)
    if text is None:
        # A truncated or damaged file: keep what decodes, if most of it does.
        text = body.decode(encoding, errors="replace")
        if not _is_text(text):
            raise DecodeError(f"invalid {encoding} after its byte-order mark")
    return text


def _damaged_utf8(data: bytes) -> str | None:
    """UTF-8 with a few invalid sequences, or ``None`` when it does not look like UTF-8.

    Text in a single-byte code page has next to no valid multi-byte UTF-8
    sequences, and text in a multi-byte legacy encoding (Shift_JIS, GBK)
    far fewer valid ones than invalid ones.
    """
    text = data.decode("utf-8", errors="replace")
    bad = text.count("\ufffd") - data.count("\ufffd".encode())
    if bad <= 0:
        return None
    non_ascii = len(text) - len(text.encode("ascii", errors="ignore"))
    valid = non_ascii - text.count("\ufffd")
    if valid >= 2 * bad and _is_text(text):
        return text
    return None


def _best_guess(data: bytes):
    """The detector's best guess; windows-1252 when it is among the equally good ones.

    Single-byte Western code pages are often indistinguishable by statistics
    alone; windows-1252 is by far the most common of them on the web.
    UTF-16 and UTF-32 without a byte-order mark (and without the NUL bytes that
    :func:`_wide_unicode` reads: CJK text) are taken from it only for inputs of
    ``_MIN_WIDE_GUESS_BYTES`` or more that it finds flawless: any even run of bytes
    decodes as UTF-16, and a few random bytes often come out as CJK characters.
    """
    import charset_normalizer

    matches = [m for m in charset_normalizer.from_bytes(data)
               if not m.encoding.startswith(("utf_16", "utf_32"))
               or (m.percent_chaos == 0 and len(data) >= _MIN_WIDE_GUESS_BYTES)]
    if not matches:
        return None
    least_chaos = min(m.percent_chaos for m in matches)
    tied = [m for m in matches if m.percent_chaos <= least_chaos + 0.5]
    return next((m for m in tied if m.encoding == "cp1252"), tied[0])


def _try(data: bytes, encoding: str) -> str | None:
    try:
        return data.decode(encoding)
    except (UnicodeDecodeError, LookupError):
        return None


def _browser_encoding(label: str) -> str | None:
    label = label.strip().lower()
    if label in _WINDOWS_1252_LABELS:
        return "cp1252"
    try:
        return codecs.lookup(label).name
    except LookupError:
        return None


def _looks_like_wide_unicode(data: bytes) -> bool:
    """UTF-16/32 text without a BOM is valid UTF-8 when ASCII-only: spot its NUL bytes."""
    head = data[:4096]
    return head.count(0) > len(head) // 4


def _wide_unicode(data: bytes) -> str | None:
    """UTF-16 or UTF-32 without a byte-order mark, told apart by where the NUL bytes are.

    In mostly-Latin text every other byte (UTF-16) or three bytes in four
    (UTF-32) are NUL, and their position gives the byte order.
    """
    head = data[:4096]
    zeros = [head[i::4].count(0) / max(1, len(head[i::4])) for i in range(4)]
    if min(zeros[1:3]) > 0.9 and zeros[0] < 0.5 and zeros[3] > 0.9:
        candidates = ("utf-32-le",)
    elif min(zeros[0:2]) > 0.9 and zeros[3] < 0.5:  # UTF-16-BE has NULs in bytes 0 and 2 alone
        candidates = ("utf-32-be",)
    elif zeros[1] > 0.5 and zeros[3] > 0.5:
        candidates = ("utf-16-le",)
    elif zeros[0] > 0.5 and zeros[2] > 0.5:
        candidates = ("utf-16-be",)
    else:
        return None
    for encoding in candidates:
        text = _try(data, encoding)
        if text is None:
            text = data.decode(encoding, errors="replace")
        if _is_text(text):
            return text
    return None


def _is_text(text: str) -> bool:
    sample = text[:65536]
    if not sample:
        return False
    controls = sum(1 for ch in sample if ch < " " and ch not in "\t\n\r\f")
    controls += sample.count("\ufffd")
    return controls / len(sample) <= _MAX_CONTROL_SHARE
