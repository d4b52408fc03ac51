"""Junk rules: the rule model, the ordered registry, and where rules come from."""

from .builtin import builtin_rules
from .model import DomState, Rule, TextState, is_prose, is_substantial, normalise
from .patterns import BlockMatcher, ElementMatcher, literal, pattern_rule, selector_rule
from .plugins import PluginWarning, plugin_rules
from .ruler import Ruler
from .tomlfile import load_rule_file

__all__ = [
    "BlockMatcher", "DomState", "ElementMatcher", "PluginWarning", "Rule", "Ruler", "TextState",
    "builtin_rules", "is_prose", "is_substantial", "literal", "load_rule_file", "normalise",
    "pattern_rule", "plugin_rules", "selector_rule",
]
