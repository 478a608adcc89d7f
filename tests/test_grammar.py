"""The grammar is conflict-free, every terminal is named, and every rule has a handler."""

from __future__ import annotations

import logging
from pathlib import Path

from lark import Lark

from compiler.pipeline import parse_source
from compiler.resources import grammar_path
from compiler.syntax.edge import check_tree
from compiler.syntax.onepass import parse_surface
from compiler.syntax.parser import lark_parser, parse_text
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


def test_the_one_pass_build_gives_the_blocks_of_the_checked_tree() -> None:
    """parse_source builds well-formed text in one pass (compiler/syntax/onepass.py): for every
    seed and example policy, the blocks — spans included — are those of parse -> check_tree ->
    ToSurface, and the one pass is taken (None would mean it declined: correct but slow)."""
    root = Path(__file__).resolve().parent.parent
    paths = sorted([*(root / "policies").glob("*.policy"), *(root / "tests" / "examples").glob("*.policy")])
    assert len(paths) >= 9
    for path in paths:
        text = path.read_text(encoding="utf-8")
        tree, diags = parse_text(text, path.name)
        assert tree is not None and not diags and not check_tree(tree, path.name)
        assert parse_surface(lark_parser(), text, path.name) == ToSurface(path.name).transform(tree)


def test_the_one_pass_build_declines_what_the_tree_checks_refuse() -> None:
    """A syntax error, a refused token and nesting past edge.MAX_DEPTH: no blocks from the one
    pass, and parse_source reports each as the tree path does (tests/test_edge_text.py)."""
    text = (Path(__file__).resolve().parent.parent / "policies" / "kunming.policy").read_text(encoding="utf-8")
    deep = "非 " * 300
    for bad, code in [(text.replace("补助 ", "补助补助 ", 1), "PC001"),
                      (text.replace("发布日期 2024", "发布日期 2300", 1), "PC204"),
                      (text.replace("条件 ", "条件 " + deep, 1), "PC007")]:
        assert bad != text
        assert parse_surface(lark_parser(), bad, "k.policy") is None
        _, diags = parse_source(bad, "k.policy")
        assert [d.code for d in diags][:1] == [code]
