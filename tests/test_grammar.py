"""The grammar is conflict-free, every terminal is named, and every rule has a handler."""

from __future__ import annotations

import logging

from lark import Lark

from compiler.resources import grammar_path
from compiler.syntax.parser import lark_parser
from compiler.syntax.transform import ToSurface


def test_grammar_is_lalr_without_conflicts_or_collisions() -> None:
    # strict=True turns shift/reduce conflicts and regexp collisions into errors
    Lark(grammar_path().read_text(encoding="utf-8"), parser="lalr", lexer="contextual",
         strict=True)


def test_every_terminal_is_named() -> None:
    names = [t.name for t in lark_parser().terminals]
    assert not [n for n in names if n.startswith("__ANON")], names


def test_every_rule_and_alias_has_a_transformer_handler() -> None:
    missing = set()
    for rule in lark_parser().rules:
        name = rule.alias or rule.origin.name
        name = str(name)
        if rule.options.expand1 and not rule.alias:
            continue  # ?rule with one child is inlined and never reaches the transformer
        if name.startswith("_") or name.startswith("__"):
            continue
        if not callable(getattr(ToSurface, name, None)):
            missing.add(name)
    assert not missing, f"grammar rules without a handler: {sorted(missing)}"


def test_parser_is_quiet(caplog: object) -> None:
    logging.getLogger("lark").setLevel(logging.WARNING)
    assert lark_parser() is lark_parser()  # cached
