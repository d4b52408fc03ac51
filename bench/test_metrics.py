"""Unit tests for bench/metrics.py: small hand-computed examples.

Run: .venv/bin/python -m pytest bench/test_metrics.py
"""

from __future__ import annotations

import gzip
import json
import sys
from collections import Counter
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent))

import metrics as m  # noqa: E402

CORPUS = Path(__file__).resolve().parent.parent.parent / "shared" / "corpus"


# -------------------------------------------------------------- tokens / shingles


def test_tokens_use_backslash_w():
    assert m.tokens("Fall isn't just pumpkin-spice, 2025!") == ["Fall", "isn", "t", "just", "pumpkin", "spice", "2025"]
    assert m.tokens("") == []
    assert m.tokens(None) == []
    assert m.tokens("!!! ... ---") == []


def test_shingles_are_4_token_multisets():
    assert m.shingles("a b c d e") == Counter({("a", "b", "c", "d"): 1, ("b", "c", "d", "e"): 1})
    # repeated shingle is counted twice
    assert m.shingles("a b c d a b c d")[("a", "b", "c", "d")] == 2
    assert sum(m.shingles("a b c d a b c d").values()) == 5


def test_short_and_empty_texts():
    assert m.shingles("hello world") == Counter({("hello", "world"): 1})
    assert m.shingles("") == Counter()
    assert m.shingle_counts("hello world", "hello world") == (1, 0, 0)
    assert m.shingle_counts("hello world", "") == (0, 0, 1)
    assert m.shingle_counts("", "") == (0, 0, 0)


# -------------------------------------------------------------- per-document counts


def test_identical_text():
    text = "The quick brown fox jumps over the lazy dog."
    tp, fp, fn = m.shingle_counts(text, text)
    assert (tp, fp, fn) == (6, 0, 0)
    assert m.doc_precision(tp, fp, fn) == 1.0
    assert m.doc_recall(tp, fp, fn) == 1.0
    assert m.doc_shingle_f1(tp, fp, fn) == 1.0


def test_disjoint_text():
    tp, fp, fn = m.shingle_counts("a b c d", "e f g h")
    assert (tp, fp, fn) == (0, 1, 1)
    assert m.doc_precision(tp, fp, fn) == 0.0
    assert m.doc_recall(tp, fp, fn) == 0.0
    assert m.doc_shingle_f1(tp, fp, fn) == 0.0


def test_partial_overlap_hand_counted():
    # reference shingles: abcd bcde cdef ; prediction: abcd bcde
    assert m.shingle_counts("a b c d e f", "a b c d e") == (2, 0, 1)
    assert m.doc_precision(2, 0, 1) == 1.0
    assert m.doc_recall(2, 0, 1) == pytest.approx(2 / 3)
    # prediction with leading junk: xabc abcd bcde cdef
    assert m.shingle_counts("a b c d e f", "x a b c d e f") == (3, 1, 0)
    assert m.doc_precision(3, 1, 0) == pytest.approx(0.75)
    assert m.doc_recall(3, 1, 0) == 1.0
    # one word changed in the middle: only the first shingle survives
    assert m.shingle_counts("the cat sat on the mat", "the cat sat on a mat") == (1, 2, 2)
    assert m.doc_shingle_f1(1, 2, 2) == pytest.approx(2 / 6)


def test_multiset_counting():
    # reference: abcd x2, bcda, cdab, dabc ; prediction: abcd once
    assert m.shingle_counts("a b c d a b c d", "a b c d") == (1, 0, 4)
    # both sides repeat abcd: both copies overlap
    assert m.shingle_counts("a b c d a b c d", "a b c d a b c d") == (5, 0, 0)
    # prediction repeats a shingle the reference has once: the extra copy is a false positive
    assert m.shingle_counts("x a b c d", "a b c d a b c d") == (1, 4, 1)
    assert m.doc_recall(1, 0, 4) == pytest.approx(0.2)


def test_shingles_are_case_sensitive():
    assert m.shingle_counts("The cat sat on", "the cat sat on") == (0, 1, 1)


def test_normalised_counts_give_same_ratios():
    assert m.doc_precision(0.5, 0.25, 0.25) == pytest.approx(m.doc_precision(2, 1, 1))
    assert m.doc_recall(0.2, 0.0, 0.8) == pytest.approx(m.doc_recall(1, 0, 4))


def test_skip_rules():
    # nothing predicted: precision skipped, recall 0
    assert m.doc_precision(0, 0, 3) is None
    assert m.doc_recall(0, 0, 3) == 0.0
    # empty reference: recall skipped, precision 0
    assert m.doc_recall(0, 2, 0) is None
    assert m.doc_precision(0, 2, 0) == 0.0
    # both empty: skipped on both sides
    assert m.doc_precision(0, 0, 0) is None
    assert m.doc_recall(0, 0, 0) is None


def test_aggregate_hand_computed():
    docs = [
        (2, 0, 0),  # p=1,   r=1
        (0, 0, 3),  # p skipped, r=0
        (1, 1, 0),  # p=0.5, r=1
        (0, 0, 0),  # both skipped
    ]
    agg = m.aggregate_shingles(docs)
    assert agg["precision"] == pytest.approx(0.75)
    assert agg["recall"] == pytest.approx(2 / 3)
    assert agg["f1"] == pytest.approx(12 / 17)
    assert agg["n_precision"] == 2
    assert agg["n_recall"] == 3


def test_aggregate_is_mean_of_ratios_not_pooled_counts():
    # a long perfect doc and a short bad one weigh the same
    agg = m.aggregate_shingles([(1000, 0, 0), (0, 1, 1)])
    assert agg["precision"] == pytest.approx(0.5)
    assert agg["recall"] == pytest.approx(0.5)
    assert agg["f1"] == pytest.approx(0.5)


def test_aggregate_empty():
    assert m.aggregate_shingles([])["f1"] == 0.0


def test_exact_match():
    assert m.exact_match("Hello, world!", "Hello   world")
    assert not m.exact_match("Hello world", "hello world")
    assert not m.exact_match("a b c", "a b")
    assert m.exact_match("", "...")


# -------------------------------------------------------------- word F1


def test_word_f1():
    assert m.word_f1("the cat sat", "the cat sat") == 1.0
    assert m.word_f1("the cat sat", "the cat") == pytest.approx(0.8)
    assert m.word_f1("The CAT", "the cat") == 1.0  # lowercased
    assert m.word_f1("a a b", "a b b") == pytest.approx(2 / 3)  # multiset
    assert m.word_f1("a b", "c d") == 0.0


def test_word_f1_empty_cases():
    assert m.word_f1("", "") == 1.0
    assert m.word_f1(None, "") == 1.0
    assert m.word_f1("!!!", "") == 1.0  # no tokens on either side
    assert m.word_f1("", "x") == 0.0
    assert m.word_f1("x", "") == 0.0
    assert m.word_f1("x", None) == 0.0


# -------------------------------------------------------------- snippets


def test_normalize_ws():
    assert m.normalize_ws("  a \n\n b\t c ") == "a b c"
    assert m.normalize_ws(None) == ""


def test_snippet_counts_normalise_whitespace():
    text = "Hello   world\n\nfoo bar"
    counts = m.snippet_counts(text, ["Hello world", "foo\n bar", "missing", "hello world"], ["world foo", "Sign in"])
    # with: "Hello world" and "foo bar" found, "missing" and lowercase "hello world" not
    # without: "world foo" spans the paragraph break and is found
    assert counts == (2, 4, 1, 2)


def test_snippet_counts_empty_prediction_and_blank_snippets():
    assert m.snippet_counts(None, ["a"], ["b"]) == (0, 1, 0, 1)
    assert m.snippet_counts("abc", ["  ", "abc"], [""]) == (1, 1, 0, 0)


def test_snippet_f1():
    assert m.snippet_f1(tp=2, fn=1, fp=1) == pytest.approx(2 / 3)
    assert m.snippet_f1(tp=3, fn=0, fp=0) == 1.0
    assert m.snippet_f1(tp=0, fn=2, fp=1) == 0.0
    assert m.snippet_f1(0, 0, 0) == 1.0


# -------------------------------------------------------------- metadata


def test_metadata_matches():
    assert m.has_value("x") and not m.has_value("  ") and not m.has_value(None)
    assert m.title_match(" A  title\n", "A title")
    assert not m.title_match("A Title", "A title")
    assert not m.title_match("A title", None)
    assert m.author_match("John  Smith", "john smith")
    assert not m.author_match("John Smith", "Jane Smith")
    assert m.date_match("2025-09-04", "2025-09-04")
    assert m.date_match("2025-09-04", "2025-09-04T10:00:00+00:00")
    assert not m.date_match("2025-09-04", "2025-09-05")
    assert not m.date_match("2025-09-04", None)
    # a month-only reference cannot be matched by a full date
    assert not m.date_match("2015-11", "2015-11-01")


def test_f1_and_mean():
    assert m.f1(0.5, 0.5) == 0.5
    assert m.f1(0.0, 0.0) == 0.0
    assert m.mean([1, 2, 3]) == 2
    assert m.mean([]) == 0.0


# -------------------------------------------------------------- acceptance check


@pytest.mark.skipif(not (CORPUS / "text-dev.jsonl.gz").exists(), reason="corpus not available")
def test_identity_on_text_dev_reproduces_readme_figures():
    with gzip.open(CORPUS / "text-dev.jsonl.gz", "rt", encoding="utf-8") as f:
        cases = [json.loads(line) for line in f if line.strip()]
    agg = m.aggregate_shingles(m.shingle_counts(c["expected"], c["input"]) for c in cases)
    assert round(agg["f1"], 3) == 0.938
    assert round(agg["precision"], 3) == 0.895
    assert round(agg["recall"], 3) == 0.986
