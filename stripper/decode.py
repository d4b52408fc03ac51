"""Bytes to text: byte-order mark, then the declared charset, then a detector.

The order follows what browsers do, with one correction that matters for
scraped pages: bytes that are valid UTF-8 are read as UTF-8 even when the page
declares a single-byte charset, because a page that *is* Latin-1 almost never
happens to be valid UTF-8, while pages that declare Latin-1 and are really
UTF-8 are common.
"""

from __future__ import annotations

import codecs

import charset_normalizer
from bs4.dammit import EncodingDetector

from .errors import DecodeError, EmptyInputError

# Labels that browsers read as windows-1252 (WHATWG Encoding Standard).
_WINDOWS_1252_LABELS = {"iso-8859-1", "iso8859-1", "latin-1", "latin1", "l1", "ascii", "us-ascii"}
# Share of control characters above which decoded text is taken for binary data.
_MAX_CONTROL_SHARE = 0.05
_DECLARATION_WINDOW = 8192


def decode(source: str | bytes) -> str:
    """Return the text of ``source``; raise :class:`StripperError` for empty or binary input."""
    if isinstance(source, str):
        text = source
    else:
        text = _decode_bytes(bytes(source))
    text = text.removeprefix("\ufeff")
    if "\x00" in text:
        text = text.replace("\x00", "")
    if not text.strip():
        raise EmptyInputError("empty input" if not text else "input holds only whitespace")
    return text


def _decode_bytes(data: bytes) -> str:
    if not data:
        raise EmptyInputError("empty input")
    body, bom_encoding = EncodingDetector.strip_byte_order_mark(data)
    if bom_encoding:
        try:
            return body.decode(bom_encoding)
        except UnicodeDecodeError as exc:
            raise DecodeError(f"invalid {bom_encoding} after its byte-order mark") from exc
    text = _try(data, "utf-8")
    if text is not None and not _looks_like_wide_unicode(data):
        return text
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


def _best_guess(data: bytes):
    """The detector's best guess; windows-1252 when it is among the equally good ones.

    Single-byte Western code pages are often indistinguishable by statistics
    alone; windows-1252 is by far the most common of them on the web.
    """
    matches = list(charset_normalizer.from_bytes(data))
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


def _is_text(text: str) -> bool:
    sample = text[:65536]
    if not sample:
        return False
    controls = sum(1 for ch in sample if ch < " " and ch not in "\t\n\r\f")
    controls += sample.count("\ufffd")
    return controls / len(sample) <= _MAX_CONTROL_SHARE
