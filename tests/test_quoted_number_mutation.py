"""Mutation test of the quoted-number check (PC311): change one number of one rule in a seed
policy, and the check must point at exactly that number.

For every seed and every number literal in its rules (amounts, conditions, tier comparisons,
caps, payment stages, quotas, budgets, procedure steps, definitions — not test cases), the
literal's digits are changed in the policy *text* (found by the literal's span), the text is
re-parsed with :func:`compiler.pipeline.parse_source` and re-checked with
:func:`compiler.check.consistency.check_consistency`; a PC311 must be reported at that span.

The new number is the nearest one (±1, ±2, … in the literal's last digit) that the seed's source
text does not contain in the same role: turning 二级 into 三级 where the same article also
states 三级 cannot be caught by comparing numbers with the text (the solver checks tiers), and
a number that occurs elsewhere in the source is reported as PC312 (quote too short), not PC311.
Mutations that make the policy invalid (digital_level 5) are skipped the same way.
"""

from __future__ import annotations

import datetime as dt
import re
from decimal import Decimal
from pathlib import Path

import pytest

from compiler.check.consistency import check_consistency, rule_exprs, rule_numbers, walk
from compiler.check.numbers import scan
from compiler.diagnostics import Severity
from compiler.model import nodes as n
from compiler.pipeline import parse_source
from conftest import POLICIES, SEEDS

ON = dt.date(2025, 6, 1)
LITERALS = (n.MoneyLit, n.RateLit, n.NumberLit, n.CountLit)
_DIGITS = re.compile(r"\d+(?:\.\d+)?")


def _literals(policy: n.Policy) -> list[n.MoneyLit | n.RateLit | n.NumberLit | n.CountLit]:
    roots: list[n.Expr] = [e for b in policy.blocks() for e in rule_exprs(b)]
    roots += [d.expr for d in policy.definitions]
    # a zero (“spend_consulting > 0元”: bought the service at all) states no number of the text
    out = [x for e in roots for x in walk(e) if isinstance(x, LITERALS) and x.value != 0]
    return sorted(out, key=lambda x: (x.span.line, x.span.column))


def _kinds(policy: n.Policy) -> dict[tuple[int, int], tuple[str, ...]]:
    """How each literal may be written in prose, by its position (as the check sees it)."""
    labels = {**{f.name: f.label for f in policy.facts},
              **{d.name: d.label for d in policy.definitions}}
    roots: list[n.Expr] = [e for b in policy.blocks() for e in rule_exprs(b)]
    roots += [d.expr for d in policy.definitions]
    return {(r.span.line, r.span.column): r.kinds for e in roots for r in rule_numbers(e, labels)}


def _offset(lines: list[str], line: int, column: int) -> int:
    return sum(len(x) for x in lines[: line - 1]) + column - 1


def _candidates(digits: str) -> list[str]:
    """Nearby numbers with the same number of decimals, nearest first; never zero or negative."""
    places = len(digits.split(".")[1]) if "." in digits else 0
    unit = Decimal(1).scaleb(-places)
    value = Decimal(digits)
    out = []
    for step in range(1, 30):
        for sign in (1, -1):
            new = value + sign * step * unit
            if new > 0:
                out.append(f"{new:.{places}f}")
    return out


def _mutations(name: str) -> list[tuple[int, int, str, str]]:
    """(line, column, old literal, new literal) for every rule number of seed ``name``."""
    path = POLICIES / f"{name}.policy"
    text = path.read_text(encoding="utf-8")
    policy, diags = parse_source(text, path.name)
    assert policy is not None and not [d for d in diags if d.severity is Severity.ERROR]
    assert policy.header.source is not None
    source_keys = {num.key for num in scan((path.parent / policy.header.source).read_text("utf-8"))}
    kinds = _kinds(policy)
    lines = text.splitlines(keepends=True)
    out = []
    for lit in _literals(policy):
        start = _offset(lines, lit.span.line, lit.span.column)
        written = text[start:start + len(lit.text)]
        assert written == lit.text, (written, lit.text)
        m = _DIGITS.search(written)
        assert m is not None
        for new_digits in _candidates(m.group(0)):
            new_lit = written[: m.start()] + new_digits + written[m.end():]
            mutated = text[:start] + new_lit + text[start + len(written):]
            new_value = lit.value * Decimal(new_digits) / Decimal(m.group(0))
            if any((k, new_value) in source_keys for k in kinds[(lit.span.line, lit.span.column)]):
                continue  # the source states this number too: not a detectable typo
            p2, d2 = parse_source(mutated, path.name)
            if p2 is None or any(d.severity is Severity.ERROR for d in d2):
                continue  # e.g. digital_level 5: typecheck's PC203 already catches it
            out.append((lit.span.line, lit.span.column, written, new_lit))
            break
        else:
            pytest.fail(f"{name}:{lit.span.line}:{lit.span.column} no mutation for {written}")
    return out


def _check(name: str, text: str) -> list[tuple[str, int, int]]:
    path = POLICIES / f"{name}.policy"
    policy, _ = parse_source(text, path.name)
    assert policy is not None
    return [(d.code, d.span.line, d.span.column)
            for d in check_consistency(policy, Path(path), ON, None)]


@pytest.mark.parametrize("name", SEEDS)
def test_every_rule_number_of_the_seed_is_checked_against_its_quote(name: str) -> None:
    path = POLICIES / f"{name}.policy"
    text = path.read_text(encoding="utf-8")
    assert not [f for f in _check(name, text) if f[0] == "PC311"]
    mutations = _mutations(name)
    policy, _ = parse_source(text, path.name)
    assert policy is not None
    assert len(mutations) == len(_literals(policy))  # every rule number, none skipped
    lines = text.splitlines(keepends=True)
    missed = []
    for line, column, old, new in mutations:
        start = _offset(lines, line, column)
        mutated = text[:start] + new + text[start + len(old):]
        if ("PC311", line, column) not in _check(name, mutated):
            missed.append(f"{name}:{line}:{column} {old} -> {new}")
    assert missed == []


def test_the_seeds_have_rule_numbers_to_mutate() -> None:
    counts = {name: len(_mutations(name)) for name in SEEDS}
    # national 8, changchun 12, kunming 16, xianning 12; nanchang states no numbers at all
    assert counts["nanchang"] == 0
    assert all(counts[s] >= 8 for s in SEEDS if s != "nanchang"), counts
