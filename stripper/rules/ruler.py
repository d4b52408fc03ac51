"""The ordered rule registry.

Rules run in the order of the chain. Rules can be enabled and disabled by code,
code prefix or name, and a rule can be inserted before or after another one, so
that a plugin can put its rule exactly where it belongs.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from ..errors import RuleError
from .model import Rule, Stage


class Ruler:
    """An ordered chain of rules with an on/off switch each."""

    def __init__(self, rules: Iterable[Rule] = ()) -> None:
        self._rules: list[Rule] = []
        self._enabled: dict[str, bool] = {}
        self._active: dict[str, list[Rule]] = {}  # by stage, until the chain changes
        for rule in rules:
            self.push(rule)

    # -- building the chain -------------------------------------------------
    def push(self, rule: Rule) -> None:
        """Append ``rule`` at the end of the chain."""
        self._insert(len(self._rules), rule)

    def before(self, ref: str, rule: Rule) -> None:
        """Insert ``rule`` just before the rule with code or name ``ref``."""
        self._insert(self._index(ref), rule)

    def after(self, ref: str, rule: Rule) -> None:
        """Insert ``rule`` just after the rule with code or name ``ref``."""
        self._insert(self._index(ref) + 1, rule)

    def _insert(self, at: int, rule: Rule) -> None:
        if not isinstance(rule, Rule):
            raise RuleError(f"not a Rule: {rule!r}")
        for existing in self._rules:
            if existing.code == rule.code or existing.name == rule.name:
                raise RuleError(
                    f"rule {rule.code} ({rule.name}) from {rule.origin} clashes with "
                    f"{existing.code} ({existing.name}) from {existing.origin}"
                )
        self._rules.insert(at, rule)
        self._enabled[rule.code] = rule.enabled
        self._active.clear()

    def _index(self, ref: str) -> int:
        for i, rule in enumerate(self._rules):
            if ref in (rule.code, rule.name):
                return i
        raise RuleError(f"no rule with code or name {ref!r}")

    # -- switching rules on and off ----------------------------------------
    def matching(self, refs: Iterable[str]) -> list[Rule]:
        """Rules whose code starts with, or whose name equals, one of ``refs``."""
        refs = [r.strip() for r in refs if r.strip()]
        for ref in refs:
            if not any(_matches(rule, ref) for rule in self._rules):
                raise RuleError(f"no rule matches {ref!r}")
        return [rule for rule in self._rules if any(_matches(rule, ref) for ref in refs)]

    def enable(self, *refs: str) -> None:
        for rule in self.matching(refs):
            self._enabled[rule.code] = True
        self._active.clear()

    def disable(self, *refs: str) -> None:
        for rule in self.matching(refs):
            self._enabled[rule.code] = False
        self._active.clear()

    def select(
        self,
        select: Iterable[str] | None = None,
        ignore: Iterable[str] = (),
        extend: Iterable[str] = (),
    ) -> None:
        """Keep only the rules matching ``select`` (when given) plus ``extend``, minus ``ignore``."""
        if select is not None:
            chosen = {rule.code for rule in self.matching(select)}
            for code in self._enabled:
                self._enabled[code] = code in chosen
        self._active.clear()
        self.enable(*extend)
        self.disable(*ignore)

    # -- reading ------------------------------------------------------------
    def is_enabled(self, code: str) -> bool:
        return self._enabled[code]

    def get(self, ref: str) -> Rule:
        return self._rules[self._index(ref)]

    def active(self, stage: Stage) -> list[Rule]:
        """The enabled rules of ``stage``, in chain order: the same list until the chain or a
        rule's state changes (do not modify it)."""
        found = self._active.get(stage)
        if found is None:
            found = self._active[stage] = [r for r in self._rules if r.stage == stage and self._enabled[r.code]]
        return found

    def __iter__(self) -> Iterator[Rule]:
        return iter(self._rules)

    def __len__(self) -> int:
        return len(self._rules)


def _matches(rule: Rule, ref: str) -> bool:
    return rule.code.startswith(ref.upper()) or rule.name == ref
