"""Errors raised for inputs stripper cannot process.

Every error a user can provoke with bad input is a :class:`StripperError`; the
command line prints it as one line, ``stripper: PATH: reason``.
"""


class StripperError(Exception):
    """Base class: the input could not be turned into an article."""


class EmptyInputError(StripperError):
    """The input holds no text at all (empty, or whitespace only)."""


class DecodeError(StripperError):
    """The bytes are not text in any encoding we can recognise (binary data)."""


class NotAPageError(StripperError):
    """The input is an XML document that is no page (a feed, a sitemap)."""


class InputTooLargeError(StripperError):
    """The input is larger than the configured ``max_bytes`` limit."""


class ExtractionTimeout(StripperError):
    """Extraction took longer than the configured per-page timeout."""


class RuleError(StripperError):
    """A rule definition (TOML file, plugin, selection) is invalid."""
