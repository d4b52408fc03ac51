"""Running a stage's rules over one page and recording what each removed."""

from __future__ import annotations

from collections.abc import Sequence
from itertools import compress

from lxml.etree import XPath

from ..article import Removal
from ..blocks import clean_line
from .model import DomState, Rule, TextState
from .patterns import BlockMatcher

# Elements that hold the whole page: a DOM rule never drops them.
_PROTECTED_TAGS = frozenset({"html", "head", "body", "main"})
# A DOM rule never drops an element holding more than this share of the page's visible text.
_MAX_DROPPED_SHARE = 0.25
# Text a reader sees: not inside scripts, styles or templates.
_VISIBLE_TEXT = XPath(".//text()[not(ancestor::script or ancestor::style or ancestor::noscript"
                      " or ancestor::template)]")


def run_dom_rules(rules: Sequence[Rule], state: DomState) -> list[Removal]:
    """Drop the elements the rules select; return the removals in document order.

    An element selected by several rules is credited to the first in the chain;
    an element inside another selected element is dropped with it.
    """
    chosen: dict = {}
    page_chars: list[int] = []
    for order, rule in enumerate(rules):
        if not rule.applies_to(state.host):
            continue
        for element in rule.apply(state):
            if element not in chosen and _droppable(element, state.root, page_chars):
                chosen[element] = (order, rule.code)
    removals: list[tuple[int, int, Removal]] = []
    for element, (order, code) in chosen.items():
        if any(ancestor in chosen for ancestor in element.iterancestors()):
            continue
        text = clean_line(element.text_content())
        if text:
            removals.append((element.sourceline or 0, order, Removal(code, text)))
        element.drop_tree()
    removals.sort(key=lambda item: (item[0], item[1]))
    return [removal for _, _, removal in removals]


def _droppable(element, root, page_chars: list[int]) -> bool:
    """Never the page's frame, and never an element holding much of what a reader sees."""
    if not isinstance(element.tag, str) or element.tag in _PROTECTED_TAGS:
        return False
    if element.getparent() is None:
        return False
    if len(element.text_content()) > 200:
        if not page_chars:
            page_chars.append(_visible_chars(root))
        if _visible_chars(element) > _MAX_DROPPED_SHARE * page_chars[0]:
            return False
    return True


def _visible_chars(element) -> int:
    return sum(len(text.strip()) for text in _VISIBLE_TEXT(element))


def run_text_rules(rules: Sequence[Rule], state: TextState) -> list[Removal]:
    """Mark the blocks each rule removes; return the removals in document order."""
    removed_by, matched = state.removed_by, state.matched
    for rule in rules:
        if rule.domains and not rule.applies_to(state.host):
            continue
        if isinstance(rule.apply, BlockMatcher):
            found = matched.get(rule.apply)  # what it matches on the page, once known
            if not (found if found is not None else rule.apply.may_remove(state)):
                continue  # matches no block of the page: no need to find its scope
        candidates = state.live() if rule.scope == "anywhere" else state.in_scope(rule.scope)
        if not candidates:
            continue
        removed = []
        for i in rule.apply(state, candidates):
            if removed_by[i] is None:
                removed_by[i] = rule.code
                removed.append(i)
        if removed:
            state.changed(removed)
    # A removed block's entry is a rule's code, never empty: compress reads it as true.
    return list(map(Removal, filter(None, removed_by), compress(state.texts, removed_by)))
