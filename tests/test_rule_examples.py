"""Every rule's own examples: what it must remove, and the look-alikes it must keep."""

import re

import pytest
from conftest import PROSE

from stripper import Stripper

ALL_RULES = list(Stripper().ruler)
CASES = [(rule, "removes", ex) for rule in ALL_RULES for ex in rule.removes] + [
    (rule, "keeps", ex) for rule in ALL_RULES for ex in rule.keeps
]


def _id(case):
    rule, kind, example = case
    return f"{rule.code}-{kind}-{example[:30]}"


def test_every_rule_has_examples_of_both_kinds():
    for rule in ALL_RULES:
        assert rule.removes, f"{rule.code} has no examples of text it removes"
        assert rule.keeps, f"{rule.code} has no examples of text it keeps"
        assert rule.summary and rule.doc, f"{rule.code} lacks a summary or doc"


# Rules that remove the rest of the text after a line: what they remove ends the text, and what
# they keep opens it (a marker before the article must not cut it).
REST_OF_TEXT = {"STR890"}
# Rules that drop one copy of a text: what they remove stays in the article, once.
COPIES = {"STR009", "STR808"}


def _text_document(rule, example: str, kind: str) -> str:
    first, second = PROSE
    if rule.code in REST_OF_TEXT:
        parts = [first, second, example] if kind == "removes" else [example, first, second]
    elif rule.scope == "head":
        parts = [example, first, second]
    elif rule.scope == "tail":
        parts = [first, second, example]
    else:
        parts = [first, example, second]
    return "Example title\n\n" + "\n\n".join(parts)


def _html_document(example: str) -> str:
    first, second = PROSE
    return (f"<html><body><article><h1>Example title</h1><p>{first}</p>{example}"
            f"<p>{second}</p></article></body></html>")


@pytest.mark.parametrize("case", CASES, ids=[_id(c) for c in CASES])
def test_rule_example(case):
    rule, kind, example = case
    stripper = Stripper(select=[rule.code], input_type="text" if rule.stage == "text" else "html")
    if rule.stage == "text":
        page = stripper.process(_text_document(rule, example, kind))
        lines = [line.strip() for line in example.split("\n") if line.strip()]
        by_text = {b.text: b.removed_by for b in page.blocks}
        for prose in PROSE:
            assert by_text[prose] is None, f"{rule.code} removed the surrounding prose"
        if rule.code in COPIES and kind == "removes":
            # The first copy of each line goes, the last stays where it was.
            kept = [b.text for b in page.blocks if b.removed_by is None and b.text in lines]
            assert kept == [line for n, line in enumerate(lines) if line not in lines[n + 1 :]]
            return
        for line in lines:
            expected = rule.code if kind == "removes" else None
            assert by_text[line] == expected, f"{rule.code} {kind[:-1]}: {line!r}"
    else:
        page = stripper.process(_html_document(example))
        removed = " ".join(r.text for r in page.dom_removed)
        if kind == "removes":
            shown = re.sub(r"<[^>]+>", " ", example)
            words = re.findall(r"\w+", shown)
            assert page.dom_removed and all(r.rule == rule.code for r in page.dom_removed)
            assert all(w in removed for w in words), f"{rule.code} left part of {example!r}"
            if rule.code in COPIES:
                text = " ".join(page.article().text.split())
                assert all(text.count(" ".join(r.text.split())) == 1 for r in page.dom_removed)
            else:
                assert all(w not in page.article().text for w in words if len(w) > 3)
        else:
            assert not page.dom_removed, f"{rule.code} dropped {removed!r}"
        assert PROSE[0] in page.article().text
