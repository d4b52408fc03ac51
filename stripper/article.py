"""The result of an extraction: an immutable :class:`Article`."""

from __future__ import annotations

from dataclasses import dataclass, fields
from typing import Any, Literal


@dataclass(frozen=True, slots=True)
class Removal:
    """One piece of text a rule removed, in document order."""

    rule: str  #: the rule code, e.g. ``"STR101"``
    text: str  #: the removed text (whitespace collapsed for DOM removals)


@dataclass(frozen=True, slots=True)
class Article:
    """An extracted article. ``text`` holds paragraphs separated by one blank line."""

    text: str
    title: str | None = None
    author: str | None = None
    date: str | None = None  #: ``YYYY-MM-DD``
    url: str | None = None
    language: str | None = None
    kind: Literal["html", "text"] = "html"
    removed: tuple[Removal, ...] = ()

    def to_dict(self) -> dict[str, Any]:
        # built field by field: dataclasses.asdict deep-copies every removal, which costs more
        # than the JSON encoding of a large page
        data = {field.name: getattr(self, field.name) for field in _ARTICLE_FIELDS}
        data["removed"] = [{"rule": r.rule, "text": r.text} for r in self.removed]
        return data


_ARTICLE_FIELDS = fields(Article)
