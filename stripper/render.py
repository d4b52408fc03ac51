"""Output formats: txt, json, jsonl and md."""

from __future__ import annotations

import json
from typing import Any

from .article import Article

FORMATS = ("txt", "json", "jsonl", "md")
SUFFIX = {"txt": ".txt", "json": ".json", "jsonl": ".json", "md": ".md"}


def record(source: str, article: Article | None = None, error: str | None = None) -> dict[str, Any]:
    """The JSON object of one input: every Article field plus ``source``, or ``error``."""
    if article is None:
        return {"source": source, "error": error}
    return {"source": source, **article.to_dict()}


def format_article(article: Article, fmt: str, source: str) -> str:
    """One article in ``fmt``, ending with a newline."""
    if fmt == "txt":
        return article.text + "\n" if article.text else ""
    if fmt == "md":
        heading = f"# {article.title}\n\n" if article.title else ""
        return heading + (article.text + "\n" if article.text else "")
    if fmt == "json":
        return json.dumps(record(source, article), ensure_ascii=False, indent=2) + "\n"
    if fmt == "jsonl":
        return json.dumps(record(source, article), ensure_ascii=False) + "\n"
    raise ValueError(f"unknown format {fmt!r}")
