"""No input, however broken, makes the front end raise: random text and mutated seed policies."""

from __future__ import annotations

from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from compiler.diagnostics import render
from compiler.pipeline import parse_source

ROOT = Path(__file__).resolve().parent.parent
SEED_TEXT = (ROOT / "policies" / "kunming.policy").read_text(encoding="utf-8")
# Characters the grammar cares about, plus CJK, full-width punctuation and odd white space.
ALPHABET = st.sampled_from(list(
    "{}[]()\"「」:,=+-*×%.#\n\t 　0123456789abc_政策补助条款原文金额资金当则否封顶至不超过万元亿"
    "＝，：（）％“”；\\\u0000\ufeff"
))


def _assert_clean(text: str) -> None:
    _, diags = parse_source(text, "fuzz.policy")
    n_lines = max(len(text.splitlines()), 1)
    for d in diags:
        assert d.code != "PC000", d.message
        assert 1 <= d.span.line <= n_lines + 1, (d, text)
        assert d.message
        render(d, text)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.text(alphabet=ALPHABET, max_size=200))
def test_random_text_never_raises(text: str) -> None:
    _assert_clean(text)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.data())
def test_mutated_seed_policy_never_raises(data: st.DataObject) -> None:
    text = SEED_TEXT
    for _ in range(data.draw(st.integers(1, 4))):
        pos = data.draw(st.integers(0, len(text)))
        op = data.draw(st.sampled_from(["delete", "insert", "replace", "duplicate"]))
        span = data.draw(st.integers(1, 40))
        if op == "delete":
            text = text[:pos] + text[pos + span:]
        elif op == "insert":
            text = text[:pos] + data.draw(st.text(alphabet=ALPHABET, max_size=8)) + text[pos:]
        elif op == "replace":
            text = text[:pos] + data.draw(st.text(alphabet=ALPHABET, min_size=1, max_size=3)) + \
                text[pos + 1:]
        else:
            text = text[:pos] + text[pos:pos + span] + text[pos:]
    _assert_clean(text)


def test_deep_nesting_is_a_diagnostic_not_a_crash() -> None:
    text = '政策 x { 标题 "t" }\n定义 a = ' + "(" * 5000 + "1" + ")" * 5000 + "\n"
    _, diags = parse_source(text, "deep.policy")
    assert all(d.code != "PC000" for d in diags)
