"""The VS Code extension in editors/vscode: its TextMate grammar against the Lark grammar, its manifest.

The .vsix itself is built by `make vscode` (npm ci + vsce package), which `make test` runs.
"""

from __future__ import annotations

import functools
import json
import re
from pathlib import Path

import pytest
from lark import Lark, Token

from compiler.lsp.textmate import render, textmate_grammar
from compiler.resources import grammar_path
from conftest import ROOT

VSCODE = ROOT / "editors" / "vscode"
SEEDS = sorted((ROOT / "policies").glob("*.policy")) + sorted((ROOT / "tests" / "examples").glob("*.policy"))


def test_committed_textmate_grammar_is_generated_from_the_lark_grammar() -> None:
    committed = (VSCODE / "syntaxes" / "policy.tmLanguage.json").read_text(encoding="utf-8")
    assert committed == render(), "run: .venv/bin/python -m compiler.lsp.textmate"


# --- a small TextMate tokenizer (match / begin-end rules, first-listed rule wins at a position)


def _rules(g: dict[str, object]) -> list[dict[str, object]]:
    repo = g["repository"]
    assert isinstance(repo, dict)
    out = []
    for rule in g["patterns"]:  # type: ignore[attr-defined]
        out.append(repo[rule["include"][1:]] if "include" in rule else rule)
    return out


def scopes(text: str) -> dict[int, str]:
    """The scope of every character that a rule names (the capture's name for captured groups)."""
    rules = _rules(textmate_grammar())
    compiled = [(r, re.compile(str(r.get("match") or r["begin"]), re.M)) for r in rules]
    out: dict[int, str] = {}
    pos = 0
    while pos < len(text):
        best = None
        for rule, rx in compiled:
            m = rx.search(text, pos)
            if m and m.end() > m.start() and (best is None or m.start() < best[1].start()):
                best = (rule, m)
        if best is None:
            break
        rule, m = best
        end = m.end()
        if "begin" in rule:
            e = re.compile(str(rule["end"]), re.M).search(text, m.end())
            end = e.end() if e else len(text)
        for i in range(m.start(), end):
            out[i] = str(rule.get("name", ""))
        for group, cap in (rule.get("captures") or {}).items():  # type: ignore[attr-defined]
            for i in range(m.start(int(group)), m.end(int(group))):
                out[i] = cap["name"]
        pos = end
    return out


_EXPECTED = {
    "NAME": ("variable.other.policy", "entity.name.type.policy"),
    "STRING": ("string.quoted.double.policy",),
    "QUOTE": ("string.quoted.other.article.policy",),
    "MONEY": ("constant.numeric.money.policy",),
    "PERCENT": ("constant.numeric.percent.policy",),
    "COUNT": ("constant.numeric.count.policy",),
    "NUMBER": ("constant.numeric.policy",),
    "DATE": ("constant.other.date.policy",),
    "CODE": ("constant.other.diagnostic-code.policy",),
    "ARTICLE": ("entity.name.section.article.policy",),
    "CMP_OP": ("keyword.operator.policy",),
    "_MUL": ("keyword.operator.policy",),
    "SECTION_KW": ("storage.type.block.policy",),
    "LEVEL": ("constant.language.policy",),
    "BOOL": ("constant.language.policy",),
}


def _expected(token: Token) -> tuple[str, ...] | None:
    if token.type in _EXPECTED:
        return _EXPECTED[token.type]
    if token.type in ("_KW_POLICY", "_KW_FACTS", "_KW_DEFINE", "_KW_TEST"):
        return ("storage.type.block.policy",)
    if token.type.startswith("_KW_T_"):
        return ("support.type.policy",)
    if token.type.startswith("_KW_"):
        return ("keyword.other.policy", "keyword.operator.word.policy", "constant.language.policy")
    return None  # punctuation: not scoped


@functools.cache
def _lexer_parser() -> Lark:
    """The compiler's grammar keeping every token (built once: a build takes about a second)."""
    return Lark(grammar_path().read_text(encoding="utf-8"), parser="lalr", lexer="contextual",
                keep_all_tokens=True)


@pytest.mark.parametrize("path", SEEDS, ids=lambda p: p.name)
def test_textmate_scopes_agree_with_the_lark_lexer(path: Path) -> None:
    """Every token the compiler's lexer finds in a seed policy starts where the TextMate grammar
    gives it the scope of its terminal, and the scope covers the whole token."""
    text = path.read_text(encoding="utf-8")
    tree = _lexer_parser().parse(text)
    got = scopes(text)
    checked = 0
    for tok in tree.scan_values(lambda v: isinstance(v, Token)):
        want = _expected(tok)
        if want is None:
            continue
        start, end = tok.start_pos or 0, tok.end_pos or 0
        assert got.get(start) in want, (tok.type, str(tok), tok.line, got.get(start))
        # one scope over the whole token (a QUOTE's scope spans its lines)
        assert {got.get(i) for i in range(start, end) if not text[i].isspace()} == {got.get(start)}, (
            tok.type, str(tok), tok.line)
        checked += 1
    assert checked > (100 if "examples" in path.parts else 300)  # the examples are short
    # comments are scoped as comments
    for m in re.finditer(r"^#[^\n]*", text, re.M):
        assert got.get(m.start()) == "comment.line.number-sign.policy"


def test_manifest_language_configuration_and_lockfile() -> None:
    manifest = json.loads((VSCODE / "package.json").read_text(encoding="utf-8"))
    (lang,) = manifest["contributes"]["languages"]
    assert lang["extensions"] == [".policy"]
    (grammar,) = manifest["contributes"]["grammars"]
    assert (VSCODE / grammar["path"]).is_file() and grammar["scopeName"] == "source.policy"
    config = json.loads((VSCODE / lang["configuration"]).read_text(encoding="utf-8"))
    assert ["「", "」"] in config["brackets"] and {"open": "「", "close": "」"} in config["autoClosingPairs"]
    assert config["comments"]["lineComment"] == "#"
    assert "lsp" in (VSCODE / "extension.js").read_text(encoding="utf-8")
    lock = json.loads((VSCODE / "package-lock.json").read_text(encoding="utf-8"))
    for section in ("dependencies", "devDependencies"):
        for name, version in manifest[section].items():
            assert lock["packages"][f"node_modules/{name}"]["version"] == version  # pinned exactly
