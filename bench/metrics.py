"""Scoring functions for the corpus quality gate (see ../shared/corpus/README.md).

Plain functions, no I/O, so they can be unit-tested and reused:

* ``tokens`` / ``shingles``: ``re.findall(r"\\w+", text)`` tokens and 4-token
  shingle multisets (a text with 1-3 tokens counts as one short shingle, as in
  the article-extraction-benchmark scorer).
* ``shingle_counts``: per-document tp / fp / fn of shingle multisets.
* ``doc_precision`` / ``doc_recall``: per-document ratios, ``None`` when the
  document is skipped (tp+fp = 0, resp. tp+fn = 0).
* ``aggregate_shingles``: mean precision, mean recall and their harmonic mean.
* ``exact_match``: token lists equal.
* ``word_f1``: bag-of-words F1 over lowercased tokens (empty vs empty = 1.0).
* ``snippet_counts`` / ``snippet_f1``: whitespace-normalised substring matching
  of the ``with`` / ``without`` snippets.
* ``title_match`` / ``author_match`` / ``date_match``: metadata comparisons.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Sequence

TOKEN_RE = re.compile(r"\w+")
SHINGLE_N = 4


# --------------------------------------------------------------------------
# tokens and shingles


def tokens(text: str | None) -> list[str]:
    """Tokens as the README defines them: ``re.findall(r"\\w+", text)``."""
    return TOKEN_RE.findall(text or "")


def shingles(text: str | None, n: int = SHINGLE_N) -> Counter:
    """Multiset of n-token shingles (tuples) of ``text``.

    A text with fewer than ``n`` (but at least one) tokens yields one shorter
    shingle holding all its tokens; an empty text yields none.
    """
    toks = tokens(text)
    if not toks:
        return Counter()
    if len(toks) < n:
        return Counter([tuple(toks)])
    return Counter(tuple(toks[i : i + n]) for i in range(len(toks) - n + 1))


def shingle_counts(reference: str | None, prediction: str | None, n: int = SHINGLE_N) -> tuple[int, int, int]:
    """(tp, fp, fn) of the shingle multisets of one document.

    tp = overlap, fp = predicted minus reference, fn = reference minus predicted.
    (The README also normalises the three by their sum; per-document ratios
    are unchanged by that, so the raw counts are returned.)
    """
    ref = shingles(reference, n)
    pred = shingles(prediction, n)
    tp = sum((ref & pred).values())
    fp = sum((pred - ref).values())
    fn = sum((ref - pred).values())
    return tp, fp, fn


def doc_precision(tp: float, fp: float, fn: float) -> float | None:
    """Per-document precision; ``None`` = document skipped (tp+fp = 0)."""
    if tp + fp == 0:
        return None
    if fp == 0 and fn == 0:
        return 1.0
    return tp / (tp + fp)


def doc_recall(tp: float, fp: float, fn: float) -> float | None:
    """Per-document recall; ``None`` = document skipped (tp+fn = 0)."""
    if tp + fn == 0:
        return None
    if fp == 0 and fn == 0:
        return 1.0
    return tp / (tp + fn)


def doc_shingle_f1(tp: float, fp: float, fn: float) -> float:
    """Single-document shingle F1, for ranking documents (not used in the aggregate).

    Both texts empty (or identical) = 1.0; no overlap = 0.0.
    """
    if fp == 0 and fn == 0:
        return 1.0
    if tp == 0:
        return 0.0
    return 2 * tp / (2 * tp + fp + fn)


def f1(precision: float, recall: float) -> float:
    """Harmonic mean; 0.0 when both are 0."""
    if precision + recall == 0:
        return 0.0
    return 2 * precision * recall / (precision + recall)


def mean(values: Iterable[float]) -> float:
    """Arithmetic mean; 0.0 for no values."""
    vals = list(values)
    return sum(vals) / len(vals) if vals else 0.0


def aggregate_shingles(counts: Iterable[Sequence[float]]) -> dict:
    """Corpus shingle scores from per-document (tp, fp, fn).

    precision = mean of per-document precision over documents with tp+fp > 0,
    recall = mean of per-document recall over documents with tp+fn > 0,
    f1 = harmonic mean of the two means.  ``n_precision`` / ``n_recall`` give
    how many documents entered each mean.
    """
    precisions: list[float] = []
    recalls: list[float] = []
    for tp, fp, fn in counts:
        p = doc_precision(tp, fp, fn)
        r = doc_recall(tp, fp, fn)
        if p is not None:
            precisions.append(p)
        if r is not None:
            recalls.append(r)
    precision = mean(precisions)
    recall = mean(recalls)
    return {
        "f1": f1(precision, recall),
        "precision": precision,
        "recall": recall,
        "n_precision": len(precisions),
        "n_recall": len(recalls),
    }


def exact_match(reference: str | None, prediction: str | None) -> bool:
    """True when the prediction's token list equals the reference's."""
    return tokens(reference) == tokens(prediction)


# --------------------------------------------------------------------------
# word F1


def word_f1(reference: str | None, prediction: str | None) -> float:
    """Bag-of-words F1 over lowercased tokens (multisets).

    Empty reference and empty prediction = 1.0; exactly one empty = 0.0.
    """
    ref = Counter(t.lower() for t in tokens(reference))
    pred = Counter(t.lower() for t in tokens(prediction))
    if not ref and not pred:
        return 1.0
    if not ref or not pred:
        return 0.0
    overlap = sum((ref & pred).values())
    if overlap == 0:
        return 0.0
    precision = overlap / sum(pred.values())
    recall = overlap / sum(ref.values())
    return 2 * precision * recall / (precision + recall)


# --------------------------------------------------------------------------
# snippets


def normalize_ws(text: str | None) -> str:
    """Collapse every whitespace run to one space and strip the ends."""
    return " ".join((text or "").split())


def snippet_counts(
    text: str | None, with_snippets: Iterable[str], without_snippets: Iterable[str]
) -> tuple[int, int, int, int]:
    """(with_found, with_total, without_found, without_total) for one document.

    A snippet is found when its whitespace-normalised form is a substring of
    the whitespace-normalised text (case-sensitive).  Snippets that are empty
    after normalisation are ignored (they would match anything).
    """
    hay = normalize_ws(text)
    with_norm = [s for s in (normalize_ws(x) for x in with_snippets) if s]
    without_norm = [s for s in (normalize_ws(x) for x in without_snippets) if s]
    with_found = sum(1 for s in with_norm if s in hay)
    without_found = sum(1 for s in without_norm if s in hay)
    return with_found, len(with_norm), without_found, len(without_norm)


def snippet_f1(tp: int, fn: int, fp: int) -> float:
    """F1 of snippet counts: tp = with found, fn = with missed, fp = without found.

    With no snippets at all (tp = fn = fp = 0) the score is 1.0.
    """
    denominator = 2 * tp + fp + fn
    if denominator == 0:
        return 1.0
    return 2 * tp / denominator


# --------------------------------------------------------------------------
# metadata


def has_value(reference: object) -> bool:
    """True when a reference metadata field is present and not blank."""
    return isinstance(reference, str) and normalize_ws(reference) != ""


def title_match(reference: str | None, prediction: str | None) -> bool:
    """Whitespace-normalised exact (case-sensitive) title match."""
    return normalize_ws(reference) == normalize_ws(prediction)


def author_match(reference: str | None, prediction: str | None) -> bool:
    """Whitespace-normalised, case-insensitive author match."""
    return normalize_ws(reference).casefold() == normalize_ws(prediction).casefold()


def date_match(reference: str | None, prediction: object) -> bool:
    """Compare the first 10 characters (YYYY-MM-DD) of the two dates."""
    pred = "" if prediction is None else str(prediction).strip()
    return (reference or "").strip()[:10] == pred[:10]
