"""The language's constructs through every calculator backend (Python, JavaScript, SQL).

The example policies of tests/examples use what the seed policies do not: 资金 未规定 (funding
kind ``unnamed``), a validity with no end (临川) or no start (云溪), a formula whose range can end
below 0 (临川 第四条, 不超过 (利息 − 其他贴息): paid as 0) and payment stages 至多 未定 + 余额
(临川 第五条), a stage computed from another base with its own cap (临川 附件第1段第2句: 预拨 at most
30% of the down payment, at most 10万元); 临川 readings (linchuan_readings) reads 第二条's
“不超过改造投入的30%” two ways (解读).
Each is rendered by each backend and compared with the reference evaluator on random boundary
profiles (the differential cases), and on hand-worked profiles citing the article. The Python and
JavaScript calculators compute the adopted reading and report every reading and the range
(``readings()``, as ``Evaluator.readings``); the SQL query computes the adopted reading and says so.
"""

from __future__ import annotations

import datetime as dt
import json
import random
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest
from test_javascript_backend import NODE, run_node

from compiler.backends import CheckedModel
from compiler.evaluate.evaluator import Evaluator
from compiler.lowered import lower
from differential import assert_python_agrees, cases, checked_example, policy, reference, render_calculators
from test_python_backend import import_path

NAMES = ("linchuan", "yunxi", "linchuan_readings")
SQL_NAMES = NAMES  # the SQL query computes the adopted reading (linchuan_readings: ceiling)
N = 3_000  # per example (the seed policies run 10,000 each)
# 云溪 carries the date, deadline, year and ratio facts: as many random profiles as a seed policy
COUNT = {"yunxi": 10_000}
N_READINGS = 800  # profiles whose every reading is compared (each runs every combination)

BASE = {"applicant_type": "enterprise", "registered_in_city": True, "independent_legal_person": True,
        "is_sme": True}
# hand-worked (临川, tests/examples/linchuan.txt)
DEMO = {**BASE, "demo_level": "national"}  # 第三条 100万元; 第五条 首批 未定, 余款 余额
INTEREST = {**BASE, "loan_interest_paid": 50000, "other_interest_subsidy": 80000}  # 第四条: 50000 − 80000 < 0
# 附件第1段第2句: 三级 0..400000; 预拨 30% × 500000 = 150000, at most 10万元 → 0..100000; 余额 0..400000
ADVANCE = {**BASE, "acceptance_passed": True, "digital_level": 3, "spend_software_cloud": 1000000,
           "spend_data_equipment": 500000, "contract_down_payment": 500000}


@pytest.fixture(scope="module")
def rendered(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return render_calculators(tmp_path_factory.mktemp("lang"), NAMES)


@pytest.fixture(scope="module")
def modules(rendered: Path) -> dict[str, ModuleType]:
    return {name: import_path(rendered / "python" / f"{name}.py", f"policyc_lang_{name}") for name in NAMES}


def test_hand_worked_stages_negative_range_and_unnamed_funding(modules: dict[str, ModuleType]) -> None:
    ref = Evaluator(policy("linchuan"))
    mod = modules["linchuan"]
    # 第三条 国家级 100万元; 第五条 首批比例未规定: 首批 0..1000000, 余款 0..1000000 (not 1000000 twice)
    for r in (ref.calculate(DEMO, "2025-06-01").to_dict(), mod.calculate(DEMO, "2025-06-01").to_dict()):
        assert r["total"] == {"min": "1000000.00", "max": "1000000.00"}
        assert [(p["stage"], p["min"], p["max"]) for p in r["payments"]] == [
            ("验收合格后", "0.00", "1000000.00"), ("次年绩效评价后", "0.00", "1000000.00")]
        assert r["funding"] == {"unspecified": "1000000.00"}  # 资金 未规定: listed as unspecified
    # 附件第1段第2句: the advance on the down payment, at most 10万元 a firm
    for r in (ref.calculate(ADVANCE, "2025-06-01").to_dict(), mod.calculate(ADVANCE, "2025-06-01").to_dict()):
        assert [(p["stage"], p["min"], p["max"]) for p in r["payments"]] == [
            ("预拨", "0.00", "100000.00"), ("验收合格后拨付余额", "0.00", "400000.00")]
    # 第四条: 不超过 (50000 − 80000) = 0 .. −30000: both ends clamped, nothing paid
    want = ref.calculate(INTEREST, "2025-06-01")
    got = mod.calculate(INTEREST, "2025-06-01")
    assert got.to_dict() == want.to_dict()
    item = next(i for i in got.to_dict()["items"] if i["id"] == "interest_subsidy")
    assert (item["min"], item["max"]) == ("0.00", "0.00")
    assert "计算结果为负数，按 0 计" in item["trace"]
    # 第六条 gives a start only: every in-force result says the text states no end
    assert "原文未规定有效期的截止日期" in got.notes and list(got.notes) == list(want.notes)


@pytest.mark.parametrize("name", NAMES)
def test_python_equals_the_reference_evaluator(modules: dict[str, ModuleType], name: str) -> None:
    count = COUNT.get(name, N)
    want = assert_python_agrees(modules[name], name, count)
    assert sum(1 for w in want if w.get("ok", {}).get("items")) > count // 40  # items reached, not only refusals


@pytest.mark.skipif(NODE is None, reason="node is not installed (make test installs it when root)")
@pytest.mark.parametrize("name", NAMES)
def test_javascript_equals_the_reference_evaluator(rendered: Path, name: str) -> None:
    count = COUNT.get(name, N)
    batch = list(cases(name, count))
    extra = ([(json.dumps(DEMO, ensure_ascii=False), "2025-06-01"), (json.dumps(INTEREST), "2025-06-01"),
              (json.dumps(ADVANCE), "2025-06-01")]
             if name == "linchuan" else [])
    got = run_node(rendered / "javascript" / f"{name}.js", batch + extra)
    ev = Evaluator(policy(name))
    want = list(reference(name, count)) + [{"ok": ev.calculate(json.loads(t), on).to_dict()} for t, on in extra]
    diffs = [(i, want[i], got[i]) for i in range(len(want)) if got[i] != want[i]]
    assert not diffs, f"{len(diffs)} of {len(want)} differ; first: {diffs[0]}"


@pytest.mark.parametrize("name", SQL_NAMES)
def test_duckdb_equals_the_reference_evaluator(name: str) -> None:
    duckdb = pytest.importorskip("duckdb")
    pytest.importorskip("sqlglot")
    from sql_reference import random_profile, reference_row, sql_row, text_table

    from plugins.sql import describe, sql_text

    form = lower(policy(name))
    ev = Evaluator(policy(name))
    rng = random.Random(f"sql-lang-{name}")
    profiles = [random_profile(rng, form) for _ in range(COUNT.get(name, N))]
    if name == "linchuan":
        profiles += [dict(DEMO), dict(INTEREST), dict(ADVANCE)]
    on = dt.date(2025, 8, 1)
    con = duckdb.connect()
    con.register("profiles", text_table(profiles, describe(form)["input_fields"]))
    rows = sorted(con.execute(sql_text(form, "duckdb", on)).fetchall(), key=lambda r: r[0])
    mismatches = []
    for p, row in zip(profiles, rows, strict=True):
        want, got = reference_row(form, ev, p, on), sql_row(row)
        if want[0] == "error":
            if not (got[0] == "error" and got[1] in want[1]):
                mismatches.append((p, want, got))
        elif got != want:
            mismatches.append((p, want, got))
    assert mismatches == []


# 云溪 (tests/examples/yunxi.txt), worked by hand: 三、 deadlines 2025-06-30 (备案) and 2026-03-31
# (完成并验收), 「X日前」 read as including day X; 四、 the year of completion; 五、 a growth ratio.
YUNXI = {"applicant_type": "enterprise", "is_sme": True, "acceptance_passed": True}
YUNXI_CASES = [
    # 三、 on time (completed on the deadline itself): 30% × (1000000 + 200000) = 360000 (< 50万元);
    # 五、 growth 0.075 reaches 7.5%: 50000
    ({**YUNXI, "filed_on": "2025-06-15", "completed_on": "2026-03-31", "spend_software_cloud": 1000000,
      "spend_data_equipment": 200000, "revenue_growth": "0.075"}, {"reform_subsidy": "360000.00",
                                                                   "growth_award": "50000.00"}),
    # 三、 one day late: 15% × 2000000 = 300000, capped at 20万元; 五、 growth −12%: no award
    ({**YUNXI, "filed_on": "2025-06-30", "completed_on": "2026-04-01", "spend_software_cloud": 2000000,
      "revenue_growth": "-0.12"}, {"reform_subsidy": "200000.00"}),
    # 三、 filed a day late (2025-07-01): nothing under 三、
    ({**YUNXI, "filed_on": "2025-07-01", "completed_on": "2026-01-10", "spend_software_cloud": 1000000}, {}),
    # 四、 2024: 10% × 3000000 = 300000; 2025: 8% × 15000000 = 1200000, capped at 100万元; 2023: nothing
    ({"applicant_type": "enterprise", "project_year": 2024, "equipment_investment": 3000000},
     {"equipment_subsidy": "300000.00"}),
    ({"applicant_type": "enterprise", "project_year": 2025, "equipment_investment": 15000000},
     {"equipment_subsidy": "1000000.00"}),
    ({"applicant_type": "enterprise", "project_year": 2023, "equipment_investment": 3000000}, {}),
    # 五、 0.07499999 is below 7.5% (every decimal counts)
    ({**YUNXI, "revenue_growth": "0.07499999"}, {}),
]


def _paid(result: dict[str, Any]) -> dict[str, str]:
    return {i["id"]: i["max"] for i in result["items"] if i["max"] != "0.00"}


def test_hand_worked_dates_years_and_ratios_in_every_backend(modules: dict[str, ModuleType], rendered: Path) -> None:
    ev = Evaluator(policy("yunxi"))
    on = "2026-06-01"
    for profile, want in YUNXI_CASES:
        assert _paid(ev.calculate(profile, on).to_dict()) == want, profile
        assert _paid(modules["yunxi"].calculate(profile, on).to_dict()) == want, profile
    if NODE is not None:
        got = run_node(rendered / "javascript" / "yunxi.js", [(json.dumps(p), on) for p, _ in YUNXI_CASES])
        assert [_paid(g["ok"]) for g in got] == [w for _, w in YUNXI_CASES]  # type: ignore[arg-type]
    duckdb = pytest.importorskip("duckdb")
    from sql_reference import text_table

    from plugins.sql import describe, sql_text

    form = lower(policy("yunxi"))
    con = duckdb.connect()
    profiles = [p for p, _ in YUNXI_CASES]
    con.register("profiles", text_table(profiles, describe(form)["input_fields"]))
    rows = sorted(con.execute(sql_text(form, "duckdb", dt.date(2026, 6, 1))).fetchall(), key=lambda r: r[0])
    names = [d[0] for d in con.description]
    for row, (_, want) in zip(rows, YUNXI_CASES, strict=True):
        r = dict(zip(names, row, strict=True))
        paid = {i: f"{r[f'{i}__max']:.2f}" for i in ("reform_subsidy", "equipment_subsidy", "growth_award")
                if r[f"{i}__max"] is not None and r[f"{i}__max"] != 0}
        assert paid == want


# 临川 第二条, read two ways (tests/examples/linchuan_readings.policy): 二级, 改造投入 500000
# ceiling (adopted): 不超过 30% × 500000 = 0 .. 150000;  rate: 30% × 500000 = 150000 (under 20万元)
LEVEL2 = {**BASE, "acceptance_passed": True, "digital_level": 2, "spend_software_cloud": 500000}


def reading_cases() -> list[tuple[str, str]]:
    """Differential cases of linchuan_readings, four in five made eligible (第一条, 导语, 第二条's
    acceptance) on a date in force, so that most reach 第二条 where the readings differ."""
    out = []
    for i, (text, _) in enumerate(cases("linchuan_readings", N)[:N_READINGS]):
        profile = json.loads(text)
        if i % 5:
            profile.update(BASE, acceptance_passed=True)
        out.append((json.dumps(profile, ensure_ascii=False), "2025-06-01"))
    return out


def _hand_worked(r: dict[str, Any]) -> None:
    (only,) = r["readings"]
    assert (only["id"], only["article"], only["adopted"], only["affects"]) == (
        "upto_30", "第二条", "ceiling", ["reform_award"])
    assert only["results"]["ceiling"]["total"] == {"min": "0.00", "max": "150000.00"}
    assert only["results"]["rate"]["total"] == {"min": "150000.00", "max": "150000.00"}
    assert only["results"]["rate"]["items"] == {"reform_award": {"min": "150000.00", "max": "150000.00"}}
    assert r["range"] == {"min": "0.00", "max": "150000.00"}


def test_python_reports_every_reading_as_the_reference(modules: dict[str, ModuleType]) -> None:
    mod = modules["linchuan_readings"]
    ev = Evaluator(policy("linchuan_readings"))
    _hand_worked(ev.readings(LEVEL2, "2025-06-01"))
    _hand_worked(mod.readings(LEVEL2, "2025-06-01"))
    assert mod.calculate(LEVEL2, "2025-06-01").to_dict()["total"] == {"min": "0.00", "max": "150000.00"}
    differ = 0
    for text, on in reading_cases():
        profile = json.loads(text)
        try:
            want: Any = ev.readings(profile, on)
        except ValueError as err:
            want = [list(e) for e in err.errors]  # type: ignore[attr-defined]
        try:
            got: Any = mod.readings(profile, on)
        except ValueError as err:
            got = [list(e) for e in err.errors]  # type: ignore[attr-defined]
        assert got == want, (text, on)
        if isinstance(want, dict) and want["range"]["min"] != want["range"]["max"]:
            differ += 1
    assert differ > N_READINGS // 4  # the readings do differ for many applicants


@pytest.mark.skipif(NODE is None, reason="node is not installed (make test installs it when root)")
def test_javascript_reports_every_reading_as_the_reference(rendered: Path) -> None:
    batch = [*reading_cases(), (json.dumps(LEVEL2), "2025-06-01")]
    got = run_node(rendered / "javascript" / "linchuan_readings.js", batch, "readings")
    ev = Evaluator(policy("linchuan_readings"))
    for (text, on), out in zip(batch, got, strict=True):
        try:
            want: dict[str, Any] = {"ok": ev.readings(json.loads(text), on)}
        except ValueError as err:
            want = {"errors": [list(e) for e in err.errors]}  # type: ignore[attr-defined]
        assert out == want, (text, on)
    _hand_worked(got[-1]["ok"])  # type: ignore[arg-type]


def test_generated_readings_module_passes_ruff_and_mypy_strict(rendered: Path) -> None:
    from test_python_backend import assert_ruff_and_mypy_strict

    assert_ruff_and_mypy_strict([str(rendered / "python" / "linchuan_readings.py")], rendered)


def test_the_sql_query_spans_the_readings_and_says_so() -> None:
    duckdb = pytest.importorskip("duckdb")
    pytest.importorskip("sqlglot")
    from sql_reference import reference_row, sql_row, text_table

    from plugins.sql import backend, describe, sql_text

    files = backend.render(CheckedModel((checked_example("linchuan_readings"),)))
    assert "-- 解读 upto_30（第二条）：本查询覆盖各种读法（ceiling、rate），各列取最低额至最高额" in files[
        "linchuan_readings.duckdb.sql"]
    (r,) = json.loads(files["linchuan_readings.columns.json"])["readings"]
    assert (r["id"], r["adopted"], r["affects"], [o["name"] for o in r["others"]]) == (
        "upto_30", "ceiling", ["reform_award"], ["rate"])
    # 临川 第二条, 二级, 改造投入 500000: reading ceiling (adopted) 0 至 min(30% × 500000, 200000) = 150000,
    # reading rate 150000 exactly; the row spans both: 0 至 150000
    form = lower(policy("linchuan_readings"))
    con = duckdb.connect()
    con.register("profiles", text_table([LEVEL2], describe(form)["input_fields"]))
    (row,) = con.execute(sql_text(form, "duckdb", dt.date(2025, 6, 1))).fetchall()
    got = sql_row(row)
    assert got == reference_row(form, Evaluator(policy("linchuan_readings")), LEVEL2, dt.date(2025, 6, 1))
    assert "150000.00" in got and "0.00" in got, got  # 0 .. 150000, not rate's 150000 .. 150000
    # a level-3 applicant with 1,500,000: 450,000 is over the 40万 cap either way — ceiling 0 .. 400,000,
    # rate 400,000: the row spans 0 .. 400,000 (the reference agrees)
    level3 = {**LEVEL2, "digital_level": 3, "spend_software_cloud": 1500000}
    con.register("profiles", text_table([level3], describe(form)["input_fields"]))
    (row,) = con.execute(sql_text(form, "duckdb", dt.date(2025, 6, 1))).fetchall()
    assert sql_row(row) == reference_row(form, Evaluator(policy("linchuan_readings")), level3, dt.date(2025, 6, 1))
    assert ("0.00", "400000.00") in zip(sql_row(row), sql_row(row)[1:], strict=False)
