"""The z3-backed semantic checks (compiler/check/solver.py): PC401–PC430.

One deliberately broken policy per check lives in tests/checks/solver/ (each file's header
comment says what is wrong and on which line). Witness amounts are worked out by hand in the
comments beside the assertions; they are the reference evaluator's amounts for the witness
profile, which the check itself obtains by running the evaluator.
"""

from __future__ import annotations

import datetime as dt
from functools import cache
from pathlib import Path
from typing import Any

import pytest

from compiler.check.solver import check_solver
from compiler.diagnostics import Diagnostic, Severity
from compiler.evaluate.evaluator import Evaluator
from compiler.evaluate.profile import validate_profile
from compiler.pipeline import Loaded, load, parse_source

ROOT = Path(__file__).resolve().parent.parent
CASES = Path(__file__).resolve().parent / "checks" / "solver"
ON = dt.date(2025, 8, 1)


@cache
def _load(path: Path) -> Loaded:
    return load(path, ON)


def solver_findings(path: Path) -> list[Diagnostic]:
    loaded = _load(path)
    assert loaded.policy is not None
    others = [d for d in loaded.errors if not d.code.startswith("PC4")]
    assert others == [], [f"{d.span} {d.code} {d.message}" for d in others]
    return [d for d in loaded.diagnostics if d.code.startswith("PC4")]


def case(name: str) -> list[Diagnostic]:
    return solver_findings(CASES / f"{name}.policy")


def seed(name: str) -> list[Diagnostic]:
    return solver_findings(ROOT / "policies" / f"{name}.policy")


def where(diags: list[Diagnostic]) -> list[tuple[str, int]]:
    return [(d.code, d.span.line) for d in diags]


def witness(d: Diagnostic) -> dict[str, Any]:
    w = d.extra.get("witness")
    assert isinstance(w, dict), f"{d.code} at line {d.span.line} has no witness"
    return w


def assert_valid(path: Path, w: dict[str, Any]) -> None:
    """The witness profile is one the policy accepts, and the evaluator gives its amounts."""
    loaded = _load(path)
    assert loaded.policy is not None
    validate_profile(loaded.policy, w["profile"])
    result = Evaluator(loaded.policy).calculate(w["profile"], w["on"])
    for item in result.items:
        assert item.id in w["amounts"]


# ---------------------------------------------------------------------------- one per check


def test_pc401_tier_overlap_with_witness() -> None:
    [d] = case("pc401_tier_overlap")
    assert (d.code, d.severity, d.span.line, d.article) == (
        "PC401", Severity.ERROR, 20, "第七条第（一）项")
    assert "第 2 档永远不会适用" in d.message
    w = witness(d)
    # A level-3 enterprise satisfies both “>= 2” and “>= 3”; the first tier wins: 20万元.
    assert w["profile"] == {"applicant_type": "enterprise", "digital_level": 3}
    assert w["amounts"] == {"reform": "200000.00", "total": "200000.00"}
    assert_valid(CASES / "pc401_tier_overlap.policy", w)


def test_pc402_tier_gap_with_witness() -> None:
    [d] = case("pc402_tier_gap")
    assert (d.code, d.severity, d.span.line) == ("PC402", Severity.WARNING, 18)
    w = witness(d)
    # Level 4 satisfies the condition (>= 2) but neither “== 2” nor “== 3”: amount 0.
    assert w["profile"] == {"applicant_type": "enterprise", "digital_level": 4}
    assert w["amounts"] == {"reform": "0.00", "total": "0.00"}


def test_pc403_impossible_conditions_named_by_unsat_core() -> None:
    diags = case("pc403_impossible")
    assert where(diags) == [("PC403", 16), ("PC403", 23), ("PC403", 32)]
    req, item, exc = diags
    assert all(d.severity is Severity.ERROR for d in diags)
    assert req.article == "第十三条" and "digital_level 的取值范围 0..4" in req.message
    assert "所有申请人" in req.message
    # The core names the two conflicting parts, not the harmless “lighthouse”.
    assert "“digital_level >= 3”、“digital_level < 2”" in item.message
    assert "lighthouse" not in item.message
    assert exc.article == "第九条第（二）项" and "永远不会出现" in exc.message


def test_pc404_always_true_conjunct() -> None:
    [d] = case("pc404_always_true")
    assert (d.code, d.severity, d.span.line) == ("PC404", Severity.WARNING, 18)
    assert "digital_level >= 0" in d.message
    assert d.span.column == 19  # at the conjunct, not at “lighthouse” (column 8)


def test_pc405_items_that_never_pay() -> None:
    diags = case("pc405_never_pays")
    # second_award is always cut to 0 by the cap (PC405), so it is not also reported as PC410.
    assert where(diags) == [("PC405", 23), ("PC405", 43)]
    never, cut = diags
    assert "对象 service_provider" in never.message and "资格 第六条" in never.message
    assert "第十条" in cut.message and "全部削减" in cut.message


def test_pc406_duplicate_item() -> None:
    [d] = case("pc406_duplicate")
    assert (d.code, d.severity, d.span.line) == ("PC406", Severity.ERROR, 22)
    assert "award" in d.message


def test_pc410_cap_stacking_with_evaluated_witness() -> None:
    [d] = case("pc410_cap_stacking")
    assert (d.code, d.severity, d.span.line, d.article) == (
        "PC410", Severity.WARNING, 25, "第七条第（二）项")
    assert "第十条" in d.message
    w = witness(d)
    # Level 2, 400000 invested: reform 50% × 400000 = 200000 (= the 20万 cap); award 200000;
    # 第十条 limit 50% × 400000 = 200000, all taken by reform: the award loses 200000.
    assert w["profile"] == {"applicant_type": "enterprise", "digital_level": 2,
                            "spend_software_cloud": 400000, "lighthouse": True}
    assert w["amounts"] == {"reform": "200000.00", "award": "200000.00", "total": "200000.00"}
    assert w["cut"] == {"cap": "第十条", "item": "award", "limit": "200000.00",
                        "before": "200000.00", "after": "0.00", "lost": "200000.00"}
    assert_valid(CASES / "pc410_cap_stacking.policy", w)


def test_pc411_caps_that_never_bind() -> None:
    diags = case("pc411_redundant_cap")
    assert where(diags) == [("PC411", 20), ("PC411", 28)]
    assert diags[0].article == "第七条第（一）项" and diags[1].article == "第十条"


def test_pc412_caps_that_disagree() -> None:
    diags = case("pc412_caps_disagree")
    assert where(diags) == [("PC412", 20), ("PC412", 34)]
    assert "200000.00 与 400000.00" in diags[0].message
    assert "400000.00" in diags[1].message and "200000.00" in diags[1].message


def test_pc420_budget_shares_and_quota_bounds() -> None:
    diags = case("pc420_budget_quota")
    assert where(diags) == [("PC420", 24), ("PC420", 32)]
    assert "至少 70%" in diags[0].message and "至多 50%" in diags[0].message
    assert "至少 30" in diags[1].message and "至多 5" in diags[1].message


def test_pc420_quota_cannot_reach_the_minimum_share() -> None:
    [d] = case("pc420_fund")
    # 5 × 200000 = 1000000 < 70% × 15000000 (the smaller city award, 30 × 50万) = 10500000.
    assert (d.code, d.span.line) == ("PC420", 46)
    assert "1000000.00" in d.message and "10500000.00" in d.message


def test_pc430_parent_conformance_with_witnesses() -> None:
    diags = case("pc430_parent")
    assert where(diags) == [("PC430", 5), ("PC430", 23), ("PC430", 24)]
    excl, cond, amount = (witness(d) for d in diags)
    path = CASES / "pc430_parent.policy"
    # (a) the parent excludes little giants; this policy pays one: 50% × 10000 = 5000.
    assert diags[0].article == "solver_parent 第九条第（一）项"
    assert excl["profile"]["little_giant_central_funded"] is True
    assert excl["amounts"] == {"reform": "5000.00", "total": "5000.00"}
    # (b) level 1 fails the parent's digital_level >= 2; this policy pays the most it can:
    #     50% × 2000000 = 1000000 (its own 100万 cap).
    assert cond["profile"] == {"applicant_type": "enterprise", "in_pilot_scope": True,
                               "spend_software_cloud": 2000000, "digital_level": 1}
    assert cond["amounts"] == {"reform": "1000000.00", "total": "1000000.00"}
    # (c) at level 2 the parent pays at most 50万 (500000); this policy pays 1000000.
    assert amount["profile"]["digital_level"] == 2
    assert amount["amounts"]["reform"] == "1000000.00"
    for w in (excl, cond, amount):
        assert_valid(path, w)


def test_every_case_file_is_covered() -> None:
    names = {p.stem for p in CASES.glob("*.policy")}
    assert names == {"pc401_tier_overlap", "pc402_tier_gap", "pc403_impossible",
                     "pc404_always_true", "pc405_never_pays", "pc406_duplicate",
                     "pc410_cap_stacking", "pc411_redundant_cap", "pc412_caps_disagree",
                     "pc420_budget_quota", "pc420_fund", "pc430_parent", "solver_parent"}
    assert case("solver_parent") == []


# ---------------------------------------------------------------------------- the seeds


def test_kunming_cap_stacking_findings() -> None:
    diags = seed("kunming")
    assert [(d.code, d.span.line, d.article) for d in diags] == [
        ("PC410", 110, "第七条第（一）项"),
        ("PC410", 146, "第七条第（三）项"),
        ("PC410", 161, "第七条第（四）项"),
    ]
    assert all("第十条" in d.message for d in diags)
    w = witness(diags[0])
    # A level-2 SME investing 400000 with the 小灯塔 title: 第七条第（一）项 「不超过改造投入的
    # 50%」 is a ceiling, 0..200000 (= the level-2 cap); 小灯塔 200000 (fixed); 第十条 limit
    # 50% × 400000 = 200000 keeps the minimums first (0 + 200000), which use it up, so the
    # reform subsidy loses its whole 0..200000; no diagnosis service bought, so 第七条第（五）项
    # does not apply: total 200000.
    assert w["profile"] == {"applicant_type": "enterprise", "in_pilot_scope": True,
                            "acceptance_passed": True, "digital_level": 2,
                            "spend_software_cloud": 400000, "lighthouse": True, "is_sme": True}
    assert w["amounts"] == {"reform_subsidy": "0.00..200000.00", "lighthouse_award": "200000.00",
                            "total": "200000.00"}
    assert w["cut"]["after"] == "0.00"
    assert w["cut"]["lost"] == "0.00..200000.00"
    assert_valid(ROOT / "policies" / "kunming.policy", w)
    # 第七条第（三）项 at its worst: level 4, 2000000 invested, 小灯塔: limit 1000000 keeps the
    # 小灯塔's 200000, then gives 500000 to the reform subsidy, leaving 300000 of the award's
    # 0..1000000.
    w3 = witness(diags[1])
    assert w3["cut"]["after"] == "0.00..300000.00"
    assert w3["cut"]["lost"] == "0.00..700000.00"


def test_changchun_reform_subsidy_without_the_parents_level_condition() -> None:
    diags = seed("changchun")
    # The per-provider 50万 of 第七条第（三）项 is now that item's own 封顶 (it sits inside
    # （三）), so 第七条第（四）项 is no longer cut by it: no PC410.
    assert [(d.code, d.span.line, d.article) for d in diags] == [
        ("PC430", 168, "第七条第（一）项"),
        ("PC430", 184, "第七条第（一）项"),
    ]
    w = witness(diags[0])
    # Level 1 (the parent, national 四、（二）, needs >= 2), an SME, 1000000 invested:
    # 「最高不超过……50%」 → 0..500000 = 0..the 50万 cap.
    assert w["profile"]["digital_level"] == 1
    assert w["profile"]["is_sme"] is True
    assert w["profile"]["spend_software_cloud"] == 1000000
    assert w["amounts"] == {"reform_subsidy": "0.00..500000.00", "total": "0.00..500000.00"}
    assert_valid(ROOT / "policies" / "changchun.policy", w)


def test_nanchang_reform_subsidy_without_the_parents_level_condition() -> None:
    assert [(d.code, d.span.line, d.article) for d in seed("nanchang")] == [
        ("PC430", 124, "第五条第（一）项")]


@pytest.mark.parametrize("name", ["national", "xianning"])
def test_no_solver_findings(name: str) -> None:
    assert seed(name) == []


def test_deterministic_and_sorted() -> None:
    path = ROOT / "policies" / "kunming.policy"
    text = path.read_text(encoding="utf-8")
    policy, _ = parse_source(text, str(path))
    parent, _ = parse_source((ROOT / "policies" / "national.policy").read_text(encoding="utf-8"),
                             "national.policy")
    assert policy is not None
    first = check_solver(policy, ON, parent)
    second = check_solver(policy, ON, parent)
    assert [d.to_dict() for d in first] == [d.to_dict() for d in second]
    assert first == sorted(first, key=lambda d: (*d.sort_key, d.message))
