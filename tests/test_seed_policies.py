"""The five seed policies check cleanly, quote their sources verbatim and pass their own tests."""

from __future__ import annotations

import re

import pytest

from compiler.evaluate.evaluator import Evaluator
from compiler.pipeline import Loaded
from compiler.testing import run_test
from conftest import SEEDS


@pytest.mark.parametrize("name", SEEDS)
def test_seed_policy_has_no_errors(seeds: dict[str, Loaded], name: str) -> None:
    loaded = seeds[name]
    assert loaded.policy is not None
    assert [str(d.span) + " " + d.code + " " + d.message for d in loaded.errors] == []


@pytest.mark.parametrize("name", SEEDS)
def test_seed_policy_has_at_least_eight_hand_worked_tests(
    seeds: dict[str, Loaded], name: str
) -> None:
    policy = seeds[name].policy
    assert policy is not None
    assert len(policy.tests) >= 8
    for t in policy.tests:
        assert t.note, f"test {t.name!r} must explain its hand calculation"
        assert re.search(r"第.+?[条條]|[一二三四五六七]、|有效期|发布", t.note), (
            f"test {t.name!r} must cite the article (or the validity) it checks"
        )
        assert t.expectations, f"test {t.name!r} asserts nothing"


def _cases() -> list[tuple[str, int]]:
    from conftest import POLICIES, load_once

    out = []
    for name in SEEDS:
        p = load_once(POLICIES / f"{name}.policy").policy
        out += [(name, i) for i in range(len(p.tests) if p else 0)]
    return out


@pytest.mark.parametrize(("name", "index"), _cases())
def test_in_policy_case(seeds: dict[str, Loaded], name: str, index: int) -> None:
    policy = seeds[name].policy
    assert policy is not None
    outcome = run_test(Evaluator(policy), policy.tests[index])
    assert outcome.passed, "\n".join(d.message for d in outcome.failures)


def test_every_seed_but_national_names_national_as_parent(seeds: dict[str, Loaded]) -> None:
    for name, loaded in seeds.items():
        assert loaded.policy is not None
        expected = None if name == "national" else "national"
        assert loaded.policy.header.parent == expected
