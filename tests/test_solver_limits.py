"""The solver's documented limits (docs/reference/diagnostics.md, 求解器的规模上限): reaching one
is reported as PC490 and only what lies beyond it goes unchecked; below them nothing is dropped.

Each limit is lowered here so that a small fixture reaches it (the real limits need policies of
dozens or hundreds of items); the fixtures are those of tests/checks/solver/, whose findings
test_check_solver.py works out by hand.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from pathlib import Path

import pytest
import z3

from compiler.check import solver
from compiler.diagnostics import Diagnostic, Severity
from compiler.pipeline import load

CASES = Path(__file__).resolve().parent / "checks" / "solver"
ON = dt.date(2025, 8, 1)


def findings(name: str) -> list[Diagnostic]:
    loaded = load(CASES / f"{name}.policy", ON)
    return [d for d in loaded.diagnostics if d.code.startswith("PC4")]


def codes(diags: list[Diagnostic]) -> list[tuple[str, int]]:
    return [(d.code, d.span.line) for d in diags]


def limit_notes(diags: list[Diagnostic]) -> list[str]:
    notes = [d for d in diags if d.code == "PC490"]
    assert all(d.severity is Severity.INFO for d in notes)
    return [d.message for d in notes]


def test_no_limit_is_reached_by_the_fixtures() -> None:
    for path in sorted(CASES.glob("*.policy")):
        assert limit_notes(findings(path.stem)) == [], path.name


def test_cap_members_beyond_the_limit_are_reported_not_dropped(monkeypatch: pytest.MonkeyPatch) -> None:
    # pc410: 累计上限 over [reform, award]; award (line 25) is cut when it stacks with reform
    assert ("PC410", 25) in codes(findings("pc410_cap_stacking"))
    monkeypatch.setattr(solver, "MAX_CAP_MEMBERS", 1)
    got = findings("pc410_cap_stacking")
    assert ("PC410", 25) not in codes(got)
    assert limit_notes(got) == [
        "检查达到规模上限：累计上限“investment_cap”适用于 2 个补助项，只逐项检查了前 1 项是否被削减"
        "（PC405、PC410），自“award”起未逐项检查"]


def test_witnesses_past_the_optimisation_budget_are_still_given(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(solver, "OPTIMIZE_BUDGET", 0)
    got = findings("pc410_cap_stacking")
    pc410 = [d for d in got if d.code == "PC410"]
    assert len(pc410) == 1 and "witness" in pc410[0].extra  # a plain model, still evaluated
    assert limit_notes(got) == ["检查达到规模上限：1 个反例未按整数金额优选（每个政策最多优选 0 个），"
                                "只把求解器给出的金额取整到万元、千元、百元或元"]
    # a policy of a few items reaches this one too: its hint says what it limits (the witnesses'
    # amounts, no finding), not 「规模较小的政策会得到完整检查」
    (note,) = [d for d in got if d.code == "PC490"]
    assert "不影响任何发现" in note.hint and "规模较小" not in note.hint
    assert "每个发现都已检查并附反例" in note.hint


def test_the_optimisation_note_does_not_claim_a_witness_past_the_witness_budget(
        monkeypatch: pytest.MonkeyPatch) -> None:
    # pc430: three findings with a witness each; with one witness allowed and none optimised, the
    # two notes must agree: the one on the amounts does not say that every finding has a witness
    # (it did, beside 「2 个发现没有附反例」)
    monkeypatch.setattr(solver, "OPTIMIZE_BUDGET", 0)
    monkeypatch.setattr(solver, "WITNESS_BUDGET", 1)
    got = findings("pc430_parent")
    amounts = ("检查达到规模上限：1 个反例未按整数金额优选（每个政策最多优选 0 个），"
               "只把求解器给出的金额取整到万元、千元、百元或元")
    notes = {d.message: d.hint for d in got if d.code == "PC490"}
    assert set(notes) == {amounts, "检查达到规模上限：2 个发现没有附反例（每个政策最多 1 个反例）"}
    assert notes[amounts] == "这不是政策的错误，也不影响任何发现：只是这些反例中的金额未经优选。"


def test_witnesses_past_the_optimisation_budget_are_rounded(monkeypatch: pytest.MonkeyPatch) -> None:
    # pc410: with spend S (二级), reform pays min(50% S, 200000), award 200000, the cap 50% S: award
    # is cut whenever 50% S < min(50% S, 200000) + 200000, i.e. for every S > 0. The solver's own
    # model has any S; the witness moves it to whole 万元 where the cut still holds.
    monkeypatch.setattr(solver, "OPTIMIZE_BUDGET", 0)
    (pc410,) = [d for d in findings("pc410_cap_stacking") if d.code == "PC410"]
    w = pc410.extra["witness"]
    assert isinstance(w, dict)
    spend = w["profile"]["spend_software_cloud"]
    assert isinstance(spend, int) and spend > 0 and spend % 10_000 == 0
    assert Decimal(w["cut"]["lost"]) > 0


def test_rounding_keeps_the_question_true() -> None:
    from compiler.check.solver_encode import Space
    from compiler.check.solver_witness import Goal, rounded

    class Enc:  # the one money fact the question reads
        space = Space()

    x = z3.Int("spend")
    Enc.space.facts["spend"] = type("F", (), {"kind": "money", "var": x})()  # type: ignore[assignment]
    s = z3.Solver()
    s.add(x == 35_555_556)  # 355555.56 元 in fen
    assert s.check() == z3.sat
    model = s.model()
    # 300000 元 < spend <= 400000 元: whole 万元, down (the smaller) unless a goal prefers up
    wide = z3.And(x > 30_000_000, x <= 40_000_000)
    got, whole = rounded(model, Enc, wide, [])
    assert whole and got.eval(x).as_long() == 35_000_000
    got, whole = rounded(model, Enc, wide, [Goal("max", x)])
    assert whole and got.eval(x).as_long() == 36_000_000
    # between 355555.51 and 355555.59 元: no whole yuan holds; the model is kept as it was
    narrow = z3.And(x > 35_555_550, x < 35_555_560)
    got, whole = rounded(model, Enc, narrow, [])
    assert not whole and got.eval(x).as_long() == 35_555_556
    # 355551..355559 元: whole yuan, the coarser steps failing
    mid = z3.And(x > 35_555_000, x < 35_556_000)
    got, whole = rounded(model, Enc, mid, [])
    assert whole and got.eval(x).as_long() == 35_555_500


def test_findings_past_the_witness_budget_say_so(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(solver, "WITNESS_BUDGET", 0)
    got = findings("pc410_cap_stacking")
    pc410 = [d for d in got if d.code == "PC410"]
    assert len(pc410) == 1 and "witness" not in pc410[0].extra
    assert limit_notes(got) == ["检查达到规模上限：1 个发现没有附反例（每个政策最多 0 个反例）"]


def test_tiers_beyond_the_limit_are_reported(monkeypatch: pytest.MonkeyPatch) -> None:
    # pc401: tier 1 (>= 2) shadows tier 2 (>= 3); with one tier checked, tier 2 is not compared
    assert "PC401" in [c for c, _ in codes(findings("pc401_tier_overlap"))]
    monkeypatch.setattr(solver, "MAX_TIERS", 1)
    got = findings("pc401_tier_overlap")
    assert "PC401" not in [c for c, _ in codes(got)]
    assert limit_notes(got) == ["检查达到规模上限：分档共 2 档，只检查了前 1 档之间是否重叠（PC401），第 2 档起未检查"]


def test_look_alike_items_beyond_the_group_limit_are_reported(monkeypatch: pytest.MonkeyPatch) -> None:
    assert "PC406" in [c for c, _ in codes(findings("pc406_duplicate"))]
    monkeypatch.setattr(solver, "MAX_GROUP", 1)
    got = findings("pc406_duplicate")
    assert "PC406" not in [c for c, _ in codes(got)]
    notes = limit_notes(got)
    assert len(notes) == 1 and "只两两比较了前 1 项是否重复（PC406）" in notes[0]


CAP_ITEM = """补助 item_{k} {{
  条款 第七条第（二）项
  标题 "第 {n} 类奖励"
  对象 enterprise
  原文 「给予“小灯塔”企业一次性 20 万元的奖励」
  条件 flag_{k}
  金额 20万元
  资金 city 100%
}}
"""


def test_every_stacked_item_under_the_limit_gets_its_finding_and_witness(tmp_path: Path) -> None:
    # 12 items of 200,000 元 each under 第十条's cap of 50% × spend: each item after the first is
    # cut when it stacks with the earlier ones (e.g. spend 400,000: cap 200,000, all taken by the
    # first item). Below MAX_CAP_MEMBERS every one of the 11 is reported, each with a witness.
    (tmp_path / "kunming.txt").write_text(
        (CASES.parents[2] / "policies" / "kunming.txt").read_text(encoding="utf-8"), encoding="utf-8")
    n = 12
    text = ('政策 many {\n  标题 "测试：多项叠加"\n  来源 "kunming.txt"\n}\n\n事实 {\n'
            "  applicant_type 必填\n  spend_software_cloud\n"
            + "".join(f'  flag_{k}: 布尔 "条件{k}"\n' for k in range(n)) + "}\n\n"
            + "\n".join(CAP_ITEM.format(k=k, n=k + 1) for k in range(n))
            + "\n累计上限 investment_cap {\n  条款 第十条\n"
              "  原文 「企业获得专项资金支持总额度累计不超过该企业数字化转型投入的50%。」\n"
              "  适用 对象 enterprise\n  上限 50% × spend_software_cloud\n}\n")
    (tmp_path / "many.policy").write_text(text, encoding="utf-8")
    loaded = load(tmp_path / "many.policy", ON)
    pc410 = [d for d in loaded.diagnostics if d.code == "PC410"]
    assert len(pc410) == n - 1
    assert all("witness" in d.extra for d in pc410)
    # nothing left unchecked: the one note says that the witnesses past the optimisation budget
    # (solver.OPTIMIZE_BUDGET) were rounded rather than optimised
    assert [d.message for d in loaded.diagnostics if d.code == "PC490"] == [
        f"检查达到规模上限：{n - 1 - solver.OPTIMIZE_BUDGET} 个反例未按整数金额优选（每个政策最多优选 "
        f"{solver.OPTIMIZE_BUDGET} 个），只把求解器给出的金额取整到万元、千元、百元或元"]
    spends = [d.extra["witness"]["profile"]["spend_software_cloud"] for d in pc410]  # type: ignore[index]
    assert all(isinstance(s, int) for s in spends)  # whole yuan, optimised or rounded


def test_category_items_beyond_the_limit_are_reported(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    """PC407 checks at most MAX_FAMILY items of one 类别 for gaps; the rest are named (PC490)."""
    from compiler.check import family

    examples = Path(__file__).resolve().parent / "examples"
    (tmp_path / "linchuan.txt").write_bytes((examples / "linchuan.txt").read_bytes())
    (tmp_path / "linchuan.policy").write_bytes((examples / "linchuan.policy").read_bytes())
    full = load(tmp_path / "linchuan.policy", ON)
    assert [d.code for d, _ in full.suppressed if d.code == "PC407"] == ["PC407"]
    assert not limit_notes(full.diagnostics)
    monkeypatch.setattr(family, "MAX_FAMILY", 1)
    cut = load(tmp_path / "linchuan.policy", dt.date(2025, 8, 2))  # another date: not the cached result
    assert limit_notes(cut.diagnostics) == [
        "检查达到规模上限：类别“provider”有 2 个补助项，只检查了前 1 项之间的空档（PC407），"
        "自“provider_award_mid”起未检查"]
    assert "PC407" not in {d.code for d, _ in cut.suppressed}


def test_models_tried_before_the_solver_never_change_a_finding(
        monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    """Models found for earlier questions answer later ones only when they satisfy them (by
    evaluation): with every such shortcut off, each fixture and a 累计上限 of 6 stacked items
    gives the same findings at the same places."""
    (tmp_path / "kunming.txt").write_text(
        (CASES.parents[2] / "policies" / "kunming.txt").read_text(encoding="utf-8"), encoding="utf-8")
    n = 6
    (tmp_path / "six.policy").write_text(
        '政策 six {\n  标题 "测试：六项叠加"\n  来源 "kunming.txt"\n}\n\n事实 {\n'
        "  applicant_type 必填\n  spend_software_cloud\n"
        + "".join(f'  flag_{k}: 布尔 "条件{k}"\n' for k in range(n)) + "}\n\n"
        + "\n".join(CAP_ITEM.format(k=k, n=k + 1) for k in range(n))
        + "\n累计上限 investment_cap {\n  条款 第十条\n"
          "  原文 「企业获得专项资金支持总额度累计不超过该企业数字化转型投入的50%。」\n"
          "  适用 对象 enterprise\n  上限 50% × spend_software_cloud\n}\n", encoding="utf-8")
    paths = [*sorted(CASES.glob("*.policy")), tmp_path / "six.policy"]

    def found() -> list[list[tuple[str, int, int]]]:
        return [sorted((d.code, d.span.line, d.span.column) for d in load(p, ON).diagnostics
                       if d.code.startswith("PC4") and d.code != "PC490") for p in paths]

    with_shortcuts = found()
    assert sum(1 for d in with_shortcuts[-1] if d[0] == "PC410") == n - 1
    monkeypatch.setattr(solver, "RECENT_MODELS", 0)  # no model kept: every question is solved
    monkeypatch.setattr(solver.SolverChecks, "_widened", lambda self, q, holds: None)
    monkeypatch.setattr(solver.SolverChecks, "_alone_possible",
                        lambda self, alone, app, mates: self.possible(*alone))
    assert found() == with_shortcuts
