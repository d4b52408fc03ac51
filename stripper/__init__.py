"""stripper: the article body of a web page or scraped text, without the junk.

    from stripper import extract, Stripper
    art = extract(html_bytes, url="https://example.com/a")
    art.text, art.title, art.author, art.date, art.removed
"""

from importlib.metadata import PackageNotFoundError, version

from .article import Article, Removal
from .errors import (
    DecodeError,
    EmptyInputError,
    ExtractionTimeout,
    InputTooLargeError,
    NotAPageError,
    RuleError,
    StripperError,
)
from .pipeline import Stripper, extract
from .rules import Rule, Ruler

try:
    __version__ = version("stripper-boilerplate")
except PackageNotFoundError:  # running from a source tree
    __version__ = "0.0.0"

__all__ = [
    "Article", "DecodeError", "EmptyInputError", "ExtractionTimeout", "InputTooLargeError",
    "NotAPageError", "Removal", "Rule", "RuleError", "Ruler", "Stripper", "StripperError", "__version__", "extract",
]
