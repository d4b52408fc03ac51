"""Third-party rules from installed packages (entry point group ``stripper.rules``).

Each entry point names a callable that returns an iterable of :class:`Rule`.
A plugin that fails to load gives one warning naming it and is skipped.
"""

from __future__ import annotations

import warnings
from dataclasses import replace
from functools import lru_cache
from importlib.metadata import entry_points

from .model import Rule

GROUP = "stripper.rules"


class PluginWarning(UserWarning):
    """A rule plugin could not be loaded and was skipped."""


@lru_cache(maxsize=1)
def plugin_rules() -> tuple[Rule, ...]:
    """The rules of every installed plugin, loaded once per process."""
    rules: list[Rule] = []
    for ep in sorted(entry_points(group=GROUP), key=lambda e: e.name):
        try:
            provided = list(ep.load()())
            for rule in provided:
                if not isinstance(rule, Rule):
                    raise TypeError(f"returned {type(rule).__name__}, not a Rule")
        except Exception as exc:  # a broken plugin must never stop extraction
            warnings.warn(
                f"rule plugin {ep.name!r} ({ep.value}) skipped: {exc}", PluginWarning, stacklevel=2
            )
            continue
        rules.extend(_with_origin(rule, f"plugin {ep.name}") for rule in provided)
    return tuple(rules)


def _with_origin(rule: Rule, origin: str) -> Rule:
    return rule if rule.origin != "stripper" else replace(rule, origin=origin)
