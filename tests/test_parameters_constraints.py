"""参数 (policy parameters) and 约束 (constraints between facts) through the checker and every
calculator backend, on the example policy 桐溪 (tests/examples/tongxi.policy, source tongxi.txt).

Hand-worked values cite the article. Differential: 10,000 random profiles, each with random
parameter values, through the reference evaluator, the generated Python and JavaScript modules
and the DuckDB query. The generator controls the constraint 第三条 「申报的设备购置支出不得超过项目
总投资」: about 70 % of profiles satisfy it (project_investment ≥ equipment_spend, often equal),
15 % break it by one fen or more, the rest are left as drawn; the parameter 全市平均增速 (未公布)
is missing in about 1 in 12 cases, malformed in 1 in 15, and otherwise drawn from its edges
(-1, 0, 1, six decimals) and ordinary values.
"""

from __future__ import annotations

import datetime as dt
import json
import random
from pathlib import Path
from typing import Any

import pytest
from test_javascript_backend import NODE, run_node

from compiler.evaluate.evaluator import Evaluator
from compiler.evaluate.runtime import ProfileError
from compiler.lowered import lower
from compiler.pipeline import load
from differential import EXAMPLES, cases, checked_example, policy, render_calculators
from test_python_backend import assert_ruff_and_mypy_strict, import_path

NAME = "tongxi"
N = 10_000
ON = "2025-08-01"
BASE = {"applicant_type": "enterprise", "registered_in_city": True, "independent_legal_person": True,
        "above_scale": True}
# 第二条: 上年 1200万, 前一年 1000万: 增量 200万; 全市平均增速 6.5% → 平均增长 65万; 超出 135万 × 2% = 27000
GROWTH = {**BASE, "output_last_year": 12000000, "output_year_before": 10000000}
AVG = {"city_avg_growth": "0.065"}
# 第三条: 设备 2500万 × 10% = 250万, 封顶 200万; 第四条: 12 台 × 3000元 = 36000
UPGRADE = {**BASE, "equipment_spend": 25000000, "project_investment": 30000000, "robots_bought": 12}
CONSTRAINT_MESSAGE = "项目设备购置支出（equipment_spend）不能超过项目总投资（project_investment）（依据第三条）"
MISSING_MESSAGE = "缺少参数“city_avg_growth”（全市规模以上工业产值平均增速）：原文未公布其数值，计算时须提供"


@pytest.fixture(scope="module")
def rendered(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return render_calculators(tmp_path_factory.mktemp("params"), (NAME,))


@pytest.fixture(scope="module")
def module(rendered: Path) -> Any:
    return import_path(rendered / "python" / f"{NAME}.py", "policyc_params_tongxi")


def _outcome(run: Any) -> dict[str, Any]:
    try:
        return {"ok": run().to_dict()}
    except ValueError as err:
        return {"errors": [list(e) for e in err.errors]}  # type: ignore[attr-defined]


# ---------------------------------------------------------------------------- hand-worked


def test_hand_worked_growth_award_needs_the_published_average(module: Any) -> None:
    ev = Evaluator(policy(NAME))
    for calc in (ev.calculate, module.calculate):
        r = calc(GROWTH, ON, AVG)
        assert r.to_dict()["total"] == {"min": "27000.00", "max": "27000.00"}  # 第二条: 135万 × 2%
        assert "按参数 全市规模以上工业产值平均增速（city_avg_growth）= 0.065 计算（计算时提供）" in r.notes
        assert "按参数 每台工业机器人补助标准（robot_unit_price）= 3000.00 计算（原文第四条规定）" in r.notes
        # 第二条 「以市统计局公布的数据为准」: no value in the text; not supplied → refused, naming it
        with pytest.raises(ValueError) as err:
            calc(GROWTH, ON)
        assert err.value.errors == [("city_avg_growth", MISSING_MESSAGE)]  # type: ignore[attr-defined]
        # 增速 5% (50万 ÷ 1000万) below the average 6.5%: no award
        low = calc({**GROWTH, "output_last_year": 10500000}, ON, AVG)
        assert low.to_dict()["items"] == []


def test_hand_worked_stated_parameter_and_constraint(module: Any) -> None:
    ev = Evaluator(policy(NAME))
    for calc in (ev.calculate, module.calculate):
        d = calc(UPGRADE, ON, AVG).to_dict()
        got = {i["id"]: i["max"] for i in d["items"]}
        assert got == {"upgrade_subsidy": "2000000.00", "robot_subsidy": "36000.00"}  # 第三条, 第四条
        # 第四条's 3000元 replaced at calculation time (a new unit price): 12 × 3500 = 42000
        d = calc(UPGRADE, ON, {**AVG, "robot_unit_price": "3500"}).to_dict()
        assert {i["id"]: i["max"] for i in d["items"]}["robot_subsidy"] == "42000.00"
        # 第三条 「申报的设备购置支出不得超过项目总投资」: one fen more is refused, naming both fields
        with pytest.raises(ValueError) as err:
            calc({**UPGRADE, "project_investment": "24999999.99"}, ON, AVG)
        assert err.value.errors == [("equipment_spend", CONSTRAINT_MESSAGE)]  # type: ignore[attr-defined]
        assert calc({**UPGRADE, "project_investment": 25000000}, ON, AVG).total_max == 2036000


def test_parameter_values_are_validated() -> None:
    ev = Evaluator(policy(NAME))
    for value in ("1.5", "abc", "0.0000001", True, 2):
        with pytest.raises(ProfileError) as err:
            ev.calculate(GROWTH, ON, {"city_avg_growth": value})
        assert err.value.field == "city_avg_growth"
    with pytest.raises(ProfileError) as err:
        ev.calculate(GROWTH, ON, {**AVG, "city_avg": "0.1"})
    assert err.value.errors[0] == ("city_avg", "未知参数“city_avg”：本政策没有声明该参数")
    # -100% and a negative growth year are values a statistic can take
    # 第二条: 增量 200万 − (−100% × 1000万) = 1200万, × 2% = 240000 (under the 50万 cap)
    assert ev.calculate(GROWTH, ON, {"city_avg_growth": "-1"}).total_max == 240000


# ---------------------------------------------------------------------------- differential


def _params(rnd: random.Random) -> dict[str, Any]:
    x = rnd.random()
    if x < 1 / 12:
        return {}
    if x < 1 / 12 + 1 / 15:
        return {"city_avg_growth": rnd.choice(["1.2", "abc", "0.1234567", -2, True, None, "6.5%"])}
    avg = rnd.choice(["-1", "0", "1", "0.065", "-0.02", "0.000001", "0.999999", 0.07, -0.125, "0.1", "0.5"])
    out: dict[str, Any] = {"city_avg_growth": avg}
    if rnd.random() < 0.2:
        out["robot_unit_price"] = rnd.choice(["3500", "0", "2999.99", 4000, "1.005"])
    return out


def _constrain(prof: dict[str, Any], rnd: random.Random) -> dict[str, Any]:
    out = dict(prof)
    x = rnd.random()
    eq = out.get("equipment_spend")
    if not isinstance(eq, int | str) or isinstance(eq, bool):
        return out
    try:
        e = float(eq)
    except ValueError:
        return out
    if x < 0.7:
        out["project_investment"] = eq if rnd.random() < 0.3 else int(e) + rnd.choice([1, 100, 10**6])
    elif x < 0.85 and e >= 0.01:
        out["project_investment"] = f"{e - 0.01:.2f}" if rnd.random() < 0.5 else 0
    return out


def param_cases() -> list[tuple[str, str, str]]:
    """(profile JSON, on, parameters JSON) per case; four in five made eligible under 第一条."""
    rnd = random.Random("tongxi-params")
    out = []
    for i, (text, on) in enumerate(cases(NAME, N)):
        prof = json.loads(text)
        if i % 5:
            prof.update(BASE)
        prof = _constrain(prof, rnd)
        out.append((json.dumps(prof, ensure_ascii=False), on, json.dumps(_params(rnd))))
    return out


@pytest.fixture(scope="module")
def reference() -> list[dict[str, Any]]:
    ev = Evaluator(policy(NAME))
    return [_outcome(lambda t=t, o=o, q=q: ev.calculate(json.loads(t), o, json.loads(q)))
            for t, o, q in param_cases()]


def test_the_random_cases_reach_every_outcome(reference: list[dict[str, Any]]) -> None:
    fields = [e[0] for r in reference for e in r.get("errors", [])[:1]]
    assert fields.count("equipment_spend") > N // 50  # 约束 broken
    assert fields.count("city_avg_growth") > N // 20  # 参数 missing or bad
    paid = [r for r in reference if r.get("ok", {}).get("items")]
    assert sum(1 for r in paid if any(i["id"] == "growth_award" for i in r["ok"]["items"])) > N // 20


def test_python_equals_the_reference(module: Any, reference: list[dict[str, Any]]) -> None:
    for (t, o, q), want in zip(param_cases(), reference, strict=True):
        got = _outcome(lambda t=t, o=o, q=q: module.calculate(json.loads(t), o, json.loads(q)))  # type: ignore[misc]
        assert got == want, (t, o, q)


@pytest.mark.skipif(NODE is None, reason="node is not installed (make test installs it when root)")
def test_javascript_equals_the_reference(rendered: Path, reference: list[dict[str, Any]]) -> None:
    batch = param_cases()
    got = run_node(rendered / "javascript" / f"{NAME}.js", batch)
    diffs = [(batch[i], reference[i], got[i]) for i in range(len(batch)) if got[i] != reference[i]]
    assert not diffs, f"{len(diffs)} of {len(batch)} differ; first: {diffs[0]}"


def test_duckdb_equals_the_reference() -> None:
    duckdb = pytest.importorskip("duckdb")
    pa = pytest.importorskip("pyarrow")
    from sql_reference import random_profile, reference_row, sql_row, text_table

    from plugins.sql import describe, sql_text

    form = lower(policy(NAME))
    ev = Evaluator(policy(NAME))
    rng = random.Random("sql-tongxi")
    profiles = [_constrain(random_profile(rng, form), rng) for _ in range(N)]
    for i, p in enumerate(profiles):
        if i % 4:
            p.update(BASE)
    on = dt.date(2025, 8, 1)
    con = duckdb.connect()
    con.register("profiles", text_table(profiles, describe(form)["input_fields"]))
    names = [x["name"] for x in describe(form)["parameters"]]
    broken = 0
    for params in ({"city_avg_growth": "0.065"}, {"city_avg_growth": "-0.02", "robot_unit_price": "3500"}):
        con.register("parameters", pa.table({k: pa.array([params.get(k)], pa.string()) for k in names}))
        rows = sorted(con.execute(sql_text(form, "duckdb", on)).fetchall(), key=lambda r: r[0])
        ref = Evaluator(policy(NAME))

        class WithParams:  # reference_row calls ev.calculate(profile, on)
            def __init__(self, given: dict[str, str]) -> None:
                self.given = given

            def calculate(self, profile: Any, when: Any) -> Any:
                return ref.calculate(profile, when, self.given)  # noqa: B023 (used within the iteration)

        mismatches = []
        for p, row in zip(profiles, rows, strict=True):
            want, got = reference_row(form, WithParams(params), p, on), sql_row(row)  # type: ignore[arg-type]
            if want[0] == "error":
                broken += got[1] == "equipment_spend"
                if not (got[0] == "error" and got[1] in want[1]):
                    mismatches.append((p, want, got))
            elif got != want:
                mismatches.append((p, want, got))
        assert mismatches == []
    assert broken > N // 20
    # no value for the unpublished 全市平均增速: every row names it
    con.register("parameters", pa.table({k: pa.array([None], pa.string()) for k in names}))
    rows = con.execute(sql_text(form, "duckdb", on)).fetchall()
    assert {sql_row(r)[1] for r in rows if sql_row(r)[0] == "error"} >= {"city_avg_growth"}
    assert ev is not None


# ---------------------------------------------------------------------------- the checker


def _check(tmp_path: Path, text: str) -> list[Any]:
    (tmp_path / "tongxi.txt").write_text((EXAMPLES / "tongxi.txt").read_text(encoding="utf-8"), encoding="utf-8")
    path = tmp_path / "t.policy"
    path.write_text(text, encoding="utf-8")
    return list(load(path, on=dt.date(2025, 8, 1)).diagnostics)


def _variant(old: str, new: str) -> str:
    text = (EXAMPLES / "tongxi.policy").read_text(encoding="utf-8")
    assert old in text
    return text.replace(old, new, 1)


def test_contradictory_constraints_are_pc440(tmp_path: Path) -> None:
    text = _variant("约束 equipment_spend <= project_investment",
                    "约束 equipment_spend > project_investment 依据 第三条 「申报的设备购置支出不得超过项目总投资。」\n"
                    "约束 equipment_spend <= project_investment")
    codes = [d.code for d in _check(tmp_path, text)]
    assert "PC440" in codes


def test_the_solver_assumes_the_constraints(tmp_path: Path) -> None:
    # 第三条 paid only when the equipment spend exceeds the investment: impossible under the 约束
    text = _variant("条件 equipment_spend > 0元", "条件 equipment_spend > project_investment")
    found = [d for d in _check(tmp_path, text) if d.code == "PC403"]
    assert found and "equipment_spend > project_investment" in found[0].message
    assert not [d for d in _check(tmp_path, (EXAMPLES / "tongxi.policy").read_text(encoding="utf-8"))
                if d.severity.value == "error"]


def test_parameters_and_constraints_are_type_checked(tmp_path: Path) -> None:
    bad = _variant('参数 robot_unit_price: 货币 "每台工业机器人补助标准" = 3000元',
                   '参数 robot_unit_price: 货币 "每台工业机器人补助标准" = 30%')
    assert "PC202" in [d.code for d in _check(tmp_path, bad)]
    bad = _variant("约束 equipment_spend <= project_investment", "约束 equipment_spend + project_investment")
    assert "PC202" in [d.code for d in _check(tmp_path, bad)]
    bad = _variant("约束 equipment_spend <= project_investment", "约束 growth <= 0元")
    assert "PC115" in [d.code for d in _check(tmp_path, bad)]
    bad = _variant('参数 robot_unit_price: 货币', '参数 above_scale: 货币')
    assert "PC104" in [d.code for d in _check(tmp_path, bad)]
    bad = _variant('参数 robot_unit_price: 货币', '参数 robot_unit_price: 布尔')
    assert "PC114" in [d.code for d in _check(tmp_path, bad)]


# ---------------------------------------------------------------------------- API, schema, guide


def test_the_api_takes_parameters_in_the_query() -> None:
    pytest.importorskip("fastapi")
    from fastapi.testclient import TestClient

    from compiler.serve.app import PolicyService, create_app

    client = TestClient(create_app(PolicyService.load([str(EXAMPLES / f"{NAME}.policy")])),
                        raise_server_exceptions=False)
    url = f"/policies/{NAME}/calculate?on={ON}"
    r = client.post(url + "&param=city_avg_growth=0.065", json=GROWTH)
    assert r.status_code == 200 and r.json()["total"] == {"min": "27000.00", "max": "27000.00"}  # 第二条
    r = client.post(url, json=GROWTH)
    assert r.status_code == 422
    # a missing or unknown 参数 is not the applicant's information: the error says which
    assert r.json() == {"error": "参数有误，未计算。",
                        "errors": [{"field": "city_avg_growth", "message": MISSING_MESSAGE}]}
    r = client.post(url + "&param=city_avg_growth=0.065&param=nosuch=1", json=GROWTH)
    assert r.status_code == 422 and r.json()["error"] == "参数有误，未计算。"
    assert [e["field"] for e in r.json()["errors"]] == ["nosuch"]
    # the 参数 written into the applicant's information is a mistake in that information, though the
    # field has the parameter's name (it was answered 「参数有误」, with the 参数 given right)
    r = client.post(url + "&param=city_avg_growth=0.065", json={**GROWTH, "city_avg_growth": "0.065"})
    assert r.status_code == 422 and r.json()["error"] == "申请人信息有误，未计算。"
    assert [e["field"] for e in r.json()["errors"]] == ["city_avg_growth"]
    r = client.post(url + "&param=city_avg_growth=0.065", json={**UPGRADE, "project_investment": 1})
    assert r.status_code == 422
    assert r.json()["errors"] == [{"field": "equipment_spend", "message": CONSTRAINT_MESSAGE}]
    params = {p["name"] for p in client.get("/openapi.json").json()["paths"][url.split("?")[0]]["post"]["parameters"]}
    assert params == {"on", "param"}


def test_the_form_schema_states_what_it_cannot_check() -> None:
    from plugins.jsonschema import input_schema

    s = input_schema(checked_example(NAME))
    assert s["x-policyc-constraints"] == [{"fields": ["equipment_spend", "project_investment"],
                                           "message": CONSTRAINT_MESSAGE, "article": "第三条"}]
    assert CONSTRAINT_MESSAGE in s["description"]
    by_name = {x["name"]: x for x in s["x-policyc-parameters"]}
    assert by_name["city_avg_growth"]["value"] is None
    assert (by_name["robot_unit_price"]["value"], by_name["robot_unit_price"]["shown"]) == ("3000", "3000 元")


def test_the_guide_says_it_in_plain_chinese() -> None:
    from plugins.markdown import backend

    text = backend.guide(checked_example(NAME), {})
    assert "- 项目设备购置支出不高于 项目总投资（第三条）" in text  # 约束, no identifiers
    assert "**全市规模以上工业产值平均增速**：原文未写明数值，以主管部门公布的为准" in text
    assert "**每台工业机器人补助标准**：原文规定为 3,000 元（第四条）" in text
    assert "city_avg_growth" not in text and "equipment_spend" not in text
    # the examples take the test's parameter values: 第二条 27000 with 全市平均增速 6.5%
    assert "| 全市规模以上工业产值平均增速（示例取值） | 6\\.5% |" in text
    assert "**本项金额：27,000.00 元**" in text


def test_calc_cli_takes_param(tmp_path: Path) -> None:
    from click.testing import CliRunner

    from compiler.cli import main

    profile = tmp_path / "p.json"
    profile.write_text(json.dumps(GROWTH), encoding="utf-8")
    args = ["calc", str(EXAMPLES / f"{NAME}.policy"), "--input", str(profile), "--on", ON, "--format", "json"]
    r = CliRunner().invoke(main, [*args, "--param", "city_avg_growth=0.065"])
    assert r.exit_code == 0, r.output
    assert json.loads(r.stdout)["total"] == {"min": "27000.00", "max": "27000.00"}
    r = CliRunner().invoke(main, args)
    assert r.exit_code == 2 and "city_avg_growth" in r.output
    assert "参数有误，未计算" in r.output and "申请人信息有误" not in r.output  # not the applicant's
    r = CliRunner().invoke(main, [*args, "--param", "city_avg_growth=0.065", "--param", "nosuch=1"])
    assert r.exit_code == 2 and "参数有误，未计算" in r.output and "nosuch" in r.output
    # a field of the applicant's information named like the 参数: the information is wrong, not --param
    profile.write_text(json.dumps({**GROWTH, "city_avg_growth": "0.065"}), encoding="utf-8")
    r = CliRunner().invoke(main, [*args, "--param", "city_avg_growth=0.065"])
    assert r.exit_code == 2 and "申请人信息有误，未计算" in r.output and "参数有误" not in r.output


def test_a_stated_parameter_value_must_be_in_its_quote(tmp_path: Path) -> None:
    # 第四条 says 3000元 a robot; 3500元 is nowhere in the text
    bad = _variant("= 3000元", "= 3500元")
    found = [d for d in _check(tmp_path, bad) if d.code == "PC311"]
    assert found and "robot_unit_price" in found[0].message


def test_simulate_needs_the_unpublished_parameter(tmp_path: Path) -> None:
    pytest.importorskip("duckdb")
    from click.testing import CliRunner

    from compiler.cli import main

    out = tmp_path / "p.jsonl"
    assert CliRunner().invoke(main, ["population", "-n", "200", "--seed", "1", "--out", str(out)]).exit_code == 0
    args = ["simulate", str(out), "--policy", str(EXAMPLES / f"{NAME}.policy"), "--on", ON, "--format", "json"]
    r = CliRunner().invoke(main, args)
    assert r.exit_code == 2 and "--param city_avg_growth=值" in r.output
    r = CliRunner().invoke(main, [*args, "--param", "city_avg_growth=0.065"])
    assert r.exit_code == 0, r.output
    assert '"profiles": 200' in r.output


def test_a_witness_says_which_parameter_values_it_takes(tmp_path: Path) -> None:
    # 第二条 without the condition “增速高于全市平均”: the formula can go negative (PC520); the
    # unpublished 全市平均增速 is free in the check, and the witness names the value it takes
    text = _variant("条件 output_year_before > 0元 且 excess_growth > 0元", "条件 output_year_before > 0元")
    text = text.replace("金额 2% × excess_growth 封顶 50万元",
                        "金额 2% × (growth - city_avg_growth × output_year_before) 封顶 50万元")
    line = '定义 excess_growth "产值增量中超出全市平均增速的部分" = growth - city_avg_growth × output_year_before\n'
    text = text.replace(line, "")
    (found,) = [d for d in _check(tmp_path, text) if d.code == "PC520"]
    wit = found.extra["witness"]
    given = wit["profile"].pop("参数")
    assert given == {"city_avg_growth": "0"}  # the roundest value: 0
    # the witness is what the calculator computes with that value: nothing paid (negative → 0)
    r = Evaluator(load(tmp_path / "t.policy", on=dt.date(2025, 8, 1)).policy).calculate(  # type: ignore[arg-type]
        wit["profile"], wit["on"], given)
    assert r.to_dict()["total"] == {"min": "0.00", "max": "0.00"} == {"min": wit["amounts"]["total"],
                                                                       "max": wit["amounts"]["total"]}


def test_generated_modules_pass_the_type_checkers(rendered: Path) -> None:
    """The 桐溪 modules (参数, 约束, a product of a parameter and a fact) pass ``tsc --checkJs``
    (when the project's tools/jscheck is installed) and ruff and mypy --strict."""
    import shutil
    import subprocess

    root = Path(__file__).resolve().parents[1]
    tsc = root / "tools" / "jscheck" / "node_modules" / ".bin" / "tsc"
    if tsc.exists() and shutil.which("node"):
        cfg = json.loads((root / "tools" / "jscheck" / "tsconfig.js.json").read_text("utf-8"))
        js = rendered / "javascript"
        cfg["include"], cfg["exclude"] = [str(js / "*.js")], [str(js / "*.d.ts")]
        (js / "tsconfig.json").write_text(json.dumps(cfg), "utf-8")
        out = subprocess.run([str(tsc), "-p", str(js / "tsconfig.json")], capture_output=True, text=True, check=False)
        assert out.returncode == 0, out.stdout + out.stderr
    assert_ruff_and_mypy_strict([str(rendered / "python" / f"{NAME}.py")], rendered)


def test_the_editor_knows_parameters() -> None:
    from compiler.lsp.analysis import Document, completions, definition, hover

    path = EXAMPLES / f"{NAME}.policy"
    text = path.read_text(encoding="utf-8")
    doc = Document(path, text)
    doc.update(text)
    use = text.index("city_avg_growth ×")  # in 定义 excess_growth
    line, col = text.count("\n", 0, use) + 1, use - (text.rfind("\n", 0, use) + 1) + 2
    shown = hover(doc, line, col)
    assert shown is not None and "参数 — 全市规模以上工业产值平均增速" in shown and "未公布" in shown
    (loc,) = definition(doc, line, col)
    assert loc.span.line == text.count("\n", 0, text.index("参数 city_avg_growth")) + 1
    labels = {c.label: c.kind for c in completions(doc, line, col)}
    assert labels.get("robot_unit_price") == "parameter"
