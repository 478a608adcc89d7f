"""policyc population and policyc simulate: hand-worked budget figures, formats, determinism.

咸宁 (xianning) figures, from the text:
- 第六条第（一）项: 60% × (软件云 + 设备) 封顶 15万元, paid by the province —
  row 0: 60% × (150,000 + 50,000) = 120,000; row 1: 60% × (200,000 + 100,000) = 180,000 → 150,000.
- 第六条第（二）项: a 链式 demonstration enterprise gets 100万元, city 50% / county 50% (row 2).
- 第六条第（三）项: a typical case gets 5万元; 第六条第（三）项 and 第十四条 name different payers, so
  the amount is reported under unspecified (row 4).
- row 3 has digital_level 9 (range 0..4): invalid, no number.
- 第十二条: at most the first 200 enterprises get the reform subsidy (rows 0 and 1: both within).
- 第十五条 says 用完即止: with a budget of 200,000 in application order, row 0 (120,000) is paid,
  row 1 (running total 270,000) is where the budget runs out.
"""

from __future__ import annotations

import csv
import datetime as dt
from decimal import Decimal
from pathlib import Path

import pytest

pytest.importorskip("duckdb")
pytest.importorskip("pyarrow")
from click.testing import CliRunner

from compiler.backends import BackendError
from compiler.cli import main
from compiler.lowered import lower
from compiler.simulate import chart
from compiler.simulate.engine import simulate
from compiler.simulate.population import generate, write
from conftest import POLICIES, SEEDS

ON = dt.date(2025, 8, 1)
ROWS = [
    {"applicant_type": "enterprise", "industry": "装备制造", "acceptance_passed": "true", "digital_level": "2",
     "spend_software_cloud": "150000", "spend_data_equipment": "50000"},
    {"applicant_type": "enterprise", "industry": "电子信息", "acceptance_passed": "true", "digital_level": "3",
     "spend_software_cloud": "200000", "spend_data_equipment": "100000.00"},
    {"applicant_type": "enterprise", "chain_demo_enterprise": "true"},
    {"applicant_type": "enterprise", "digital_level": "9"},
    {"applicant_type": "enterprise", "typical_case_title": "true"},
]


def _forms(seeds: dict, *ids: str) -> list:  # type: ignore[type-arg]
    return [(lower(seeds[i].policy), (POLICIES / f"{i}.txt").read_text("utf-8")) for i in ids]


def _csv(path: Path, rows: list[dict[str, str]], base: dict[str, str] | None = None) -> Path:
    """``rows`` (each with ``base``'s fields too) as a population file, row_id in order."""
    base = base or {}
    with path.open("w", encoding="utf-8", newline="") as f:
        w = csv.DictWriter(f, ["row_id", *sorted({k for r in rows for k in r} | set(base))])
        w.writeheader()
        for i, r in enumerate(rows):
            w.writerow({"row_id": i, **base, **r})
    return path


def _typed_xianning(seeds: dict, tmp_path: Path) -> tuple:  # type: ignore[type-arg]
    """ROWS loaded and typed for 咸宁 in a DuckDB connection: (con, backend, form, views)."""
    import duckdb

    from compiler.simulate.engine import load_population, policy_views, sql_backend, type_population

    con = duckdb.connect()
    load_population(con, _csv(tmp_path / "pop.csv", ROWS))
    sql = sql_backend()
    form = lower(seeds["xianning"].policy)
    bits = type_population(con, sql, [form])
    assert bits is not None
    return con, sql, form, policy_views(con, sql, form, ON, bits)


def test_hand_worked_xianning_figures(seeds: dict, tmp_path: Path) -> None:  # type: ignore[type-arg]
    path = _csv(tmp_path / "pop.csv", ROWS)
    rep = simulate(path, _forms(seeds, "xianning"), ON, {"xianning": Decimal(200000)})["policies"][0]
    assert (rep["profiles"], rep["invalid"], rep["eligible"]) == (5, 1, 4)
    assert rep["invalid_by_field"] == {"digital_level": 1}
    items = {i["id"]: i for i in rep["items"]}
    assert items["reform_subsidy"]["applicants"] == 2 and items["reform_subsidy"]["paid_max"] == "270000.00"
    assert items["chain_demo_award"]["paid_max"] == "1000000.00"
    # 第六条第（一）项 「企业」 is read two ways (解读 sme_scope): any_enterprise (adopted) pays rows 0
    # and 1 (neither says it is an SME) 60% × 200,000 = 120,000 and 60% × 300,000 = 180,000 → 15万
    # = 150,000; sme_only pays them nothing. Each row spans both: the reform subsidy 0 to 270,000
    # in all, the total at least 1,320,000 − 270,000 = 1,050,000
    assert items["reform_subsidy"]["paid_min"] == "0.00"
    assert rep["total"] == {"min": "1050000.00", "max": "1320000.00", "unbounded": 0}
    assert rep["funding"] == {"province": "270000.00", "city": "500000.00", "county": "500000.00",
                              "unspecified": "50000.00"}
    (quota,) = rep["quotas"]
    assert (quota["limit"], quota["applicants"], quota["funded"], quota["not_funded"]) == (200, 2, 2, 0)
    assert quota["runs_out_at_row"] is None
    b = rep["budget"]
    assert rep["first_come_in_text"] is True
    assert (b["funded"], b["used"], b["runs_out_at_row"], b["demand"]) == (1, "120000.00", 1, "1320000.00")
    # the report names the 解读, its adopted reading and the other one (both are spanned)
    (r,) = rep["readings"]
    assert (r["id"], r["article"], r["adopted"], r["items"]) == (
        "sme_scope", "第六条第（一）项", "any_enterprise", ["reform_subsidy"])
    assert [o["name"] for o in r["others"]] == ["sme_only"]


def test_population_is_seeded_and_formats_agree(seeds: dict, tmp_path: Path) -> None:  # type: ignore[type-arg]
    cols = generate(4000, seed=7)
    assert generate(4000, seed=7) == cols and generate(4000, seed=8) != cols
    share = sum(k == "enterprise" for k in cols["applicant_type"]) / 4000
    assert 0.85 < share < 0.91  # 88% assumed
    cols = {k: v[:1000] for k, v in cols.items()}
    reports = []
    for fmt in ("csv", "jsonl", "parquet"):
        path = tmp_path / f"pop.{fmt}"
        write(cols, path, fmt)
        r = simulate(path, _forms(seeds, "kunming"), ON, {})
        r.pop("population")
        reports.append(r)
    assert reports[0] == reports[1] == reports[2]
    kunming = reports[0]["policies"][0]
    assert kunming["invalid"] == 0 and kunming["eligible"] > 0


def test_chart_is_deterministic_and_escaped() -> None:
    rep = {"profiles": 1, "as_of": "2025-08-01", "policies": [{
        "policy": "x", "title": "<script>alert(1)</script>", "eligible": 1,
        "total": {"min": "1.00", "max": "1.00", "unbounded": 0},
        "items": [{"article": "第一条", "title": "a & b", "applicants": 1, "undetermined": 0,
                   "paid_min": "1.00", "paid_max": "200000.00"}],
        "funding": {"city": "200000.00"}, "quotas": [], "budget": None}]}
    svg = chart.render(rep)
    assert svg == chart.render(rep)
    assert "<script>" not in svg and "&lt;script&gt;" in svg and "a &amp; b" in svg
    assert "20 万元" in svg
    assert chart.yuan_cn("150000000") == "1.5 亿元"


def test_table_prints_policy_strings_as_written_on_an_80_column_terminal(
        capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> None:
    """A title or label with rich's markup brackets is printed as written (「[/b]」 raised MarkupError,
    「[red]」 restyled the line), and on an 80-column terminal each row keeps its whole article (they
    were cut to 「第七条第（ …」, alike for every item of 第七条) and the table stays within 80 columns."""
    from rich.cells import cell_len

    from compiler.simulate.command import print_tables

    monkeypatch.setenv("COLUMNS", "80")
    items = [{"article": f"第七条第（{k}）项", "title": "中小企业数字化转型企业改造补助[red]", "applicants": 4277,
              "undetermined": 0, "paid_min": "0.00", "paid_max": "662379382.50"} for k in "一二"]
    rep = {"profiles": 1, "as_of": "2025-08-01", "policies": [{
        "policy": "x", "title": "昆明[/b]办法", "eligible": 1, "invalid": 0,
        "total": {"min": "64127731.00", "max": "1168370127.00", "unbounded": 0},
        "items": items, "funding": {}, "payments": [], "quotas": [], "readings": [], "budget": None}]}
    print_tables(rep)
    out = capsys.readouterr().out
    assert "昆明[/b]办法（x）" in out
    assert "第七条第（一）项" in out and "第七条第（二）项" in out and "11.68 亿元" in out
    assert "…" not in out
    assert max(cell_len(line) for line in out.splitlines()) <= 80


def test_table_says_the_totals_include_applicants_outside_a_quota(
        capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> None:
    """咸宁 第十二条 「支持全市前200家……的企业」: the totals are every eligible applicant's demand, so
    the 名额 line says that those outside it are in them (it only counted them)."""
    from compiler.simulate.command import print_tables

    monkeypatch.setenv("COLUMNS", "150")
    quota = {"article": "第十二条", "limit": 200, "applicants": 2048, "funded": 200, "funded_amount": "22571900.00",
             "not_funded": 1848, "not_funded_amount": "211000000.00"}
    within = {**quota, "applicants": 150, "funded": 150, "not_funded": 0, "not_funded_amount": "0.00"}
    for q in (quota, within):
        print_tables({"profiles": 1, "as_of": "2025-08-01", "policies": [{
            "policy": "xianning", "title": "咸宁", "eligible": 1, "invalid": 0,
            "total": {"min": "0.00", "max": "703000000.00", "unbounded": 0}, "items": [], "funding": {},
            "payments": [], "quotas": [q], "readings": [], "budget": None}]})
    out = capsys.readouterr().out
    assert ("名额 第十二条：2,048 个申请，前 200 个获支持（2257.19 万元），"
            "1,848 个在名额外（2.11 亿元，已计入上表合计）") in out
    assert "名额 第十二条：150 个申请，前 150 个获支持（2257.19 万元）\n" in out


def test_cli_population_and_simulate(tmp_path: Path) -> None:
    out = tmp_path / "p.jsonl"
    r = CliRunner().invoke(main, ["population", "-n", "300", "--seed", "3", "--out", str(out)])
    assert r.exit_code == 0 and len(out.read_text("utf-8").splitlines()) == 300
    r = CliRunner().invoke(main, ["simulate", str(out), "--policy", str(POLICIES / "xianning.policy"),
                                  "--on", "2025-08-01", "--format", "json", "--chart", str(tmp_path / "c.svg")])
    assert r.exit_code == 0, r.output
    assert '"adopted": "any_enterprise"' in r.output
    assert '"profiles": 300' in r.output and (tmp_path / "c.svg").read_text("utf-8").startswith("<svg")
    bad = CliRunner().invoke(main, ["simulate", str(out), "--budget", "xianning=lots"])
    assert bad.exit_code == 2 and "预算" in bad.output


def test_one_aggregating_pass_equals_the_results_tables(seeds: dict, tmp_path: Path) -> None:  # type: ignore[type-arg]
    # simulate computes each policy's figures in one aggregating query over its valid rows (no
    # results table); the report must be the one aggregated from the stored per-applicant rows
    # (which tests/test_sql_backend.py checks against the reference evaluator), invalid rows,
    # 名额 (咸宁 第十二条: the first 200) and a budget spent in application order included
    cols = generate(3000, seed=11)
    for i in range(0, 3000, 97):  # some invalid values: out of range, malformed money, unknown type
        cols["digital_level"][i] = 9
        cols["spend_consulting"][i + 1] = "12.345"
        cols["applicant_type"][i + 2] = "company"
    path = tmp_path / "pop.csv"
    with path.open("w", encoding="utf-8", newline="") as f:
        w = csv.writer(f)
        w.writerow(cols)
        for row in zip(*cols.values(), strict=True):
            w.writerow(["" if v is None else str(v).lower() if isinstance(v, bool) else v for v in row])
    forms = _forms(seeds, *SEEDS)
    budgets = {"xianning": Decimal(30_000_000), "kunming": Decimal(5_000_000)}
    one_pass = simulate(path, forms, ON, budgets)
    assert one_pass == simulate(path, forms, ON, budgets, results_tables=True)
    by_id = {r["policy"]: r for r in one_pass["policies"]}
    assert by_id["kunming"]["invalid"] >= 3 * 30 and by_id["kunming"]["invalid_by_field"]["digital_level"] >= 30
    # the first refused profile of each field, in application order, with the value as written in
    # the file and the calculators' reason (昆明 reads digital_level 0..4)
    assert by_id["kunming"]["invalid_examples"] == {
        "applicant_type": {"row_id": 2, "value": "company", "reason": "应为以下之一：enterprise, service_provider, "
                           "platform_operator, public_institution；收到 “company”"},
        "digital_level": {"row_id": 0, "value": "9", "reason": "取值 9 超出范围 0..4"},
        "spend_consulting": {"row_id": 1, "value": "12.345", "reason": "“12.345”不是金额：请写成非负的十进制数"
                             "（半角数字，整数部分至多 15 位），例如 \"12000.50\""},
    }
    (quota,) = by_id["xianning"]["quotas"]
    assert quota["applicants"] > quota["limit"] == 200 and quota["runs_out_at_row"] is not None
    assert by_id["xianning"]["budget"]["runs_out_at_row"] is not None
    # 第十二条 by another route: the per-applicant rows (tests/test_sql_backend.py checks them
    # against the reference evaluator) sorted by row_id, the first 200 the reform subsidy applies
    # to: their amount and the last one's row_id are what the 名额's figures say
    import duckdb

    from compiler.simulate.engine import load_population, run_policy, sql_backend, type_population

    con = duckdb.connect()
    load_population(con, path)
    form = forms[[f[0]["policy"]["id"] for f in forms].index("xianning")][0]
    bits = type_population(con, sql_backend(), [form])
    table = run_policy(con, sql_backend(), form, ON, bits)
    ((paid, last, hits),) = con.execute(
        f'SELECT sum(coalesce(reform_subsidy__paid_max, 0)), max(row_id), count(*) FROM (SELECT * FROM "{table}" '
        'WHERE reform_subsidy__applies ORDER BY row_id LIMIT 200)').fetchall()
    assert hits == 200
    assert (quota["funded"], quota["funded_amount"], quota["runs_out_at_row"]) == (200, f"{paid:.2f}", last)


TONGXI = [  # tests/examples/tongxi.policy: 参数 city_avg_growth (未公布) and 约束 equipment_spend <= project_investment
    # 第二条: 增量 200万, 平均增长 6.5% × 1000万 = 65万, 超出 135万 × 2% = 27000
    {"output_last_year": "12000000", "output_year_before": "10000000"},
    # 第三条 约束: 设备购置支出 200万 > 项目总投资 100万 → refused, counted under equipment_spend
    {"equipment_spend": "2000000", "project_investment": "1000000"},
    # its own invalid field first: robots_bought below 0
    {"robots_bought": "-1", "equipment_spend": "2000000", "project_investment": "1000000"},
    # 第三条: 2500万 × 10% = 250万, 封顶 200万; 第四条: 12 台 × 3000元 = 36000
    {"equipment_spend": "25000000", "project_investment": "30000000", "robots_bought": "12"},
]


def test_parameters_and_constraints_in_the_one_pass(tmp_path: Path) -> None:
    # a policy with 参数 and 约束 takes the same one aggregating pass as any other: a broken 约束
    # or a missing 参数 counts by the field error_field names, as in the results tables
    from differential import EXAMPLES, policy
    base = {"applicant_type": "enterprise", "registered_in_city": "true", "independent_legal_person": "true",
            "above_scale": "true"}
    path = _csv(tmp_path / "pop.csv", TONGXI, base)
    forms = [(lower(policy("tongxi")), (EXAMPLES / "tongxi.txt").read_text("utf-8"))]
    given = simulate(path, forms, ON, {}, params={"city_avg_growth": "0.065"})
    assert given == simulate(path, forms, ON, {}, params={"city_avg_growth": "0.065"}, results_tables=True)
    (rep,) = given["policies"]
    assert rep["invalid_by_field"] == {"equipment_spend": 1, "robots_bought": 1}
    # the 约束's refused profile (row 1: 200万 > 100万) shows the value and the 约束's own message,
    # not the bare “2000000”, which is a valid amount on its own
    assert rep["invalid_examples"] == {
        "equipment_spend": {"row_id": 1, "value": "2000000", "reason": "项目设备购置支出（equipment_spend）不能超过"
                            "项目总投资（project_investment）（依据第三条）"},
        "robots_bought": {"row_id": 2, "value": "-1", "reason": "取值 -1 小于下限 0"},
    }
    assert rep["eligible"] == 2 and rep["total"] == {"min": "2063000.00", "max": "2063000.00", "unbounded": 0}
    # 全市平均增速 not supplied (the text states none): every profile is refused, naming it —
    # after a profile's own invalid field and before a broken 约束
    missing = simulate(path, forms, ON, {})
    assert missing == simulate(path, forms, ON, {}, results_tables=True)
    assert missing["policies"][0]["invalid_by_field"] == {"city_avg_growth": 3, "robots_bought": 1}


def test_a_number_in_one_jsonl_row_refuses_that_row_only(seeds: dict, tmp_path: Path) -> None:  # type: ignore[type-arg]
    # A JSON Lines population writes amounts as strings ("666101.00"); one row with a number, a
    # list or 1e15 in such a column makes DuckDB read the column as JSON. Only those rows are
    # invalid (by field), and the valid rows give the figures the clean file gives.
    import json

    cols = {k: v[:200] for k, v in generate(200, seed=4).items()}
    clean = tmp_path / "clean.jsonl"
    write(cols, clean, "jsonl")
    mixed = tmp_path / "mixed.jsonl"
    mixed.write_text(clean.read_text("utf-8")
                     + json.dumps({"row_id": 9999, "applicant_type": "enterprise", "spend_consulting": -1}) + "\n"
                     + json.dumps({"row_id": 9998, "applicant_type": "enterprise",
                                   "spend_data_equipment": 1e15}) + "\n"
                     + json.dumps({"row_id": 9997, "applicant_type": "enterprise", "spend_consulting": [1]}) + "\n",
                     "utf-8")
    want = simulate(clean, _forms(seeds, "kunming"), ON, {})["policies"][0]
    got = simulate(mixed, _forms(seeds, "kunming"), ON, {})["policies"][0]
    assert got["profiles"] == 203 and got["invalid"] == 3
    assert got["invalid_by_field"] == {"spend_consulting": 2, "spend_data_equipment": 1}
    assert got["total"] == want["total"] and got["eligible"] == want["eligible"]


def test_cli_refuses_bad_parameters_before_any_row(tmp_path: Path) -> None:
    # 桐溪's 全市平均增速 (参数 city_avg_growth: 比例, 未公布) must be supplied; a value that is
    # not a rate, a name the policy does not declare, or leaving it out is the operator's error,
    # refused once with exit 2 as `policyc calc` refuses it, never counted against applicants.
    from differential import EXAMPLES

    path = tmp_path / "pop.csv"
    path.write_text("row_id,applicant_type\n0,enterprise\n", encoding="utf-8")
    run = ["simulate", str(path), "--policy", str(EXAMPLES / "tongxi.policy"), "--on", "2025-08-01"]
    bad = CliRunner().invoke(main, [*run, "--param", "city_avg_growth=abc"])
    assert bad.exit_code == 2 and "“abc”不是比例" in bad.output
    assert CliRunner().invoke(main, [*run, "--param", "city_avg_growth=2"]).exit_code == 2
    unknown = CliRunner().invoke(main, [*run, "--param", "city_avg_growth=0.065", "--param", "nosuch=1"])
    assert unknown.exit_code == 2 and "未知参数“nosuch”" in unknown.output
    missing = CliRunner().invoke(main, run)
    assert missing.exit_code == 2 and "city_avg_growth" in missing.output
    ok = CliRunner().invoke(main, [*run, "--param", "city_avg_growth=0.065", "--format", "json"])
    assert ok.exit_code == 0, ok.output


def test_each_refused_field_names_its_first_profile_and_why(seeds: dict, tmp_path: Path) -> None:  # type: ignore[type-arg]
    # a file as a spreadsheet exports it: 是 for true, a blank required type, 1,200,000 with
    # separators — each field's first refused profile is shown with the calculators' reason
    path = tmp_path / "pop.csv"
    path.write_text("row_id,applicant_type,lighthouse,spend_software_cloud\n"
                    "7,,true,100\n8,enterprise,是,100\n9,enterprise,true,\"1,200,000\"\n10,enterprise,是,5\n",
                    encoding="utf-8")
    (rep,) = simulate(path, _forms(seeds, "kunming"), ON, {})["policies"]
    assert rep["invalid_by_field"] == {"applicant_type": 1, "lighthouse": 2, "spend_software_cloud": 1}
    assert rep["invalid_examples"] == {
        "applicant_type": {"row_id": 7, "value": None, "reason": "缺少必填字段“applicant_type”（申报主体类型）"},
        "lighthouse": {"row_id": 8, "value": "是", "reason": "应为 true 或 false，收到 “是”"},
        "spend_software_cloud": {"row_id": 9, "value": "1,200,000", "reason": "“1,200,000”不是金额：请写成非负的"
                                 "十进制数（半角数字，整数部分至多 15 位），例如 \"12000.50\""},
    }
    # the file without the required column at all
    path.write_text("row_id,lighthouse\n3,true\n", encoding="utf-8")
    (rep,) = simulate(path, _forms(seeds, "kunming"), ON, {})["policies"]
    assert rep["invalid_examples"] == {
        "applicant_type": {"row_id": 3, "value": None, "reason": "缺少必填字段“applicant_type”（申报主体类型）"}}


def test_a_refused_row_without_a_row_id_is_shown_not_a_traceback(seeds: dict, tmp_path: Path) -> None:  # type: ignore[type-arg]
    # a spreadsheet's export keeps an empty line as 「,,,」: its row_id is blank, and so is its
    # required applicant_type — it is refused like any profile and shown as the row without a row_id
    path = tmp_path / "pop.csv"
    path.write_text("row_id,applicant_type,lighthouse,spend_software_cloud\n"
                    "7,enterprise,true,100\n,,,\n", encoding="utf-8")
    (rep,) = simulate(path, _forms(seeds, "kunming"), ON, {})["policies"]
    assert rep["invalid_by_field"] == {"applicant_type": 1}
    assert rep["invalid_examples"] == {
        "applicant_type": {"row_id": None, "value": None, "reason": "缺少必填字段“applicant_type”（申报主体类型）"}}
    r = CliRunner().invoke(main, ["simulate", str(path), "--policy", "kunming", "--on", ON.isoformat()])
    assert r.exit_code == 0, r.output
    # on an 80-column terminal (the runner's width) the row_id is never parted from its value
    assert "  applicant_type：1 个，如" in r.output
    assert "row_id=（空）：缺少必填字段“applicant_type”（申报主体类型）\n" in r.output


def test_a_file_not_in_utf8_is_refused_with_what_to_do(tmp_path: Path) -> None:
    # a spreadsheet's plain 「CSV」 export on a Chinese system is GBK: refused in one line saying
    # so and how to save it again, not DuckDB's reader dump (its advice names options policyc has not)
    for name, text in (("pop.csv", "row_id,applicant_type,industry\n1,enterprise,批发零售\n"),
                       ("pop.jsonl", '{"row_id": 1, "applicant_type": "enterprise", "industry": "批发零售"}\n')):
        path = tmp_path / name
        path.write_bytes(text.encode("gbk"))
        r = CliRunner().invoke(main, ["simulate", str(path), "--policy", "kunming", "--on", ON.isoformat()])
        assert r.exit_code == 1 and r.output == ("无法模拟：总体文件不是 UTF-8 编码（例如 GBK）：请另存为 UTF-8"
                                                 "（Excel：另存为“CSV UTF-8（逗号分隔）”）后再模拟\n"), r.output


def test_a_trailing_empty_column_of_a_spreadsheet_is_left_out(seeds: dict, tmp_path: Path) -> None:  # type: ignore[type-arg]
    # Excel writes a separator after the last column when a blank column is selected: a column
    # without a name and without a value is left out (the same report as without it); one without
    # a name but with values is still refused as an unknown field
    plain = "row_id,applicant_type,lighthouse,spend_software_cloud\n7,enterprise,true,100\n8,enterprise,是,100\n"
    (tmp_path / "plain.csv").write_text(plain, encoding="utf-8")
    trailing = "".join(line + ",\n" for line in plain.splitlines())
    (tmp_path / "trailing.csv").write_text(trailing, encoding="utf-8-sig")
    forms = _forms(seeds, "kunming")
    (rep,) = simulate(tmp_path / "trailing.csv", forms, ON, {})["policies"]
    assert rep["invalid_by_field"] == {"lighthouse": 1}
    assert rep == simulate(tmp_path / "plain.csv", forms, ON, {})["policies"][0]
    (tmp_path / "named.csv").write_text(trailing.replace("100,\n", "100,x\n"), encoding="utf-8")
    with pytest.raises(BackendError, match="未知字段：column4"):
        simulate(tmp_path / "named.csv", forms, ON, {})


def test_a_row_id_that_is_not_an_integer_is_named(tmp_path: Path) -> None:
    # row_id orders the applications (budgets and 名额 are used up in that order): an application
    # number such as KM-007 is refused naming row_id and the line, without DuckDB's advice
    for name, text in (("pop.csv", "row_id,applicant_type\n1,enterprise\nKM-007,enterprise\n"),
                       ("pop.jsonl", '{"row_id": "KM-007", "applicant_type": "enterprise"}\n')):
        path = tmp_path / name
        path.write_text(text, encoding="utf-8")
        r = CliRunner().invoke(main, ["simulate", str(path), "--policy", "kunming", "--on", ON.isoformat()])
        assert r.exit_code == 1 and r.output.startswith("无法模拟：row_id 应为整数（申请顺序的编号）："), r.output
        assert "KM-007" in r.output and "Possible solutions" not in r.output and "sample_size" not in r.output


def test_the_example_of_a_row_id_given_twice_is_the_refused_row(seeds: dict, tmp_path: Path) -> None:  # type: ignore[type-arg]
    # a file that numbers two profiles 1: the one refused (是) is shown, not the other's true
    path = tmp_path / "pop.csv"
    path.write_text("row_id,applicant_type,lighthouse\n1,enterprise,true\n1,enterprise,是\n", encoding="utf-8")
    (rep,) = simulate(path, _forms(seeds, "kunming"), ON, {})["policies"]
    assert rep["invalid_examples"] == {
        "lighthouse": {"row_id": 1, "value": "是", "reason": "应为 true 或 false，收到 “是”"}}


def test_a_side_query_that_fails_fails_the_report_and_leaves_none_running(
        seeds: dict, tmp_path: Path) -> None:  # type: ignore[type-arg]
    # report() counts the valid rows and the invalid rows by field on a second connection while
    # it plans the aggregating query: an error there is the report's error, raised after both
    # have ended, and the next report runs as if nothing had happened (咸宁's five rows: 3 valid
    # rows that some item applies to, row 3 refused for digital_level — see ROWS)
    import duckdb
    from sqlglot import exp

    from compiler.simulate.engine import invalid_by_field, report, report_views

    con, sql, form, views = _typed_xianning(seeds, tmp_path)
    missing = exp.to_table("no_such_view", quoted=True)
    with pytest.raises(duckdb.CatalogException, match="no_such_view"):
        report_views(con, sql, views._replace(invalid=missing), form, "", None)
    with pytest.raises(duckdb.CatalogException, match="no_such_view"):
        report_views(con, sql, views._replace(counted=missing), form, "", None)
    side = report_views(con, sql, views, form, "", None)
    serial = report(con, sql, views.applying, form, "", None, errors=invalid_by_field(con, views.invalid),
                    query=views.query)
    assert side == serial
    assert (side["profiles"], side["invalid"], side["invalid_by_field"]) == (5, 1, {"digital_level": 1})
    assert side["items"][0]["paid_max"] == "270000.00"  # 第六条第（一）项: 120,000 + 150,000


def test_industry_keys_stored_as_an_enum_give_the_text_query_s_figures(seeds: dict, tmp_path: Path) -> None:  # type: ignore[type-arg]
    # type_population stores each text key (the industry folded once for every policy) as an
    # ENUM of the values the population holds; each policy compares it with its literals. The
    # figures must be those of the policy's own text query over the same file (each row parsed
    # and keyed by the policy alone, run_policy without the typed table): 长春 第四条, 昆明 第六条
    # and 咸宁's industry lists met by Traditional, spaced and full-width spellings of their
    # entries, and by nothing else
    import duckdb
    import opencc
    from sqlglot import exp

    from compiler.simulate.engine import (
        load_population,
        policy_views,
        report,
        report_views,
        run_policy,
        sql_backend,
        type_population,
    )

    s2t = opencc.OpenCC("s2t")
    spellings = ["其他制造业", "", "汽车零部件配件制造", s2t.convert("汽车零部件配件制造"), "电子 元器件制造",
                 "化学新材料制品制造", s2t.convert("民族药品制品制造"), "高原特色电力装备制造\u3000",
                 s2t.convert("中成药生物药品制造"), "中成药生物药品制品制造"]
    cols = generate(4000, seed=5)
    cols["industry"] = [spellings[i % len(spellings)] for i in range(4000)]
    path = tmp_path / "pop.parquet"
    write(cols, path, "parquet")
    forms = [f for f, _ in _forms(seeds, "changchun", "kunming", "xianning")]
    sql = sql_backend()
    con = duckdb.connect()
    load_population(con, path)
    bits = type_population(con, sql, forms)
    assert bits is not None
    ((kind,),) = con.execute("SELECT typeof(industry__key) FROM population_typed LIMIT 1").fetchall()
    assert kind.startswith("ENUM(")
    for form in forms:
        typed = report_views(con, sql, policy_views(con, sql, form, ON, bits), form, "", None)
        table = run_policy(con, sql, form, ON, None)  # the text query: the policy's own keys
        by_text = report(con, sql, exp.to_table(table, quoted=True), form, "", None)
        assert typed == by_text, form["policy"]["id"]
        assert typed["eligible"] > 100


def test_an_amount_beyond_2_63_fen_is_summed_exactly(tmp_path: Path) -> None:
    # the one pass reads money as whole fen (typed_query fen=True); 桐溪 第四条's 每台补助标准 is a
    # 参数 of up to 15 digits, times up to 100000 台: an amount may pass 2^63 fen (9.2 × 10^16
    # yuan), where the fen are a DECIMAL, not a BIGINT. With 999,999,999,999元 a unit (a valid
    # value of the 参数): row 0, 100000 台 → 99,999,999,999,900,000; 第三条 2500万 × 10% = 250万,
    # 封顶 200万 → total 100,000,000,001,900,000.00; row 1, 1 台 → 999,999,999,999.00.
    from differential import EXAMPLES, policy
    base = {"applicant_type": "enterprise", "registered_in_city": "true", "independent_legal_person": "true",
            "above_scale": "true"}
    rows = [{"equipment_spend": "25000000", "project_investment": "30000000", "robots_bought": "100000"},
            {"robots_bought": "1"}]
    path = _csv(tmp_path / "pop.csv", rows, base)
    forms = [(lower(policy("tongxi")), (EXAMPLES / "tongxi.txt").read_text("utf-8"))]
    params = {"city_avg_growth": "0.065", "robot_unit_price": "999999999999"}
    (rep,) = simulate(path, forms, ON, {}, params=params)["policies"]
    total = "100001000001899999.00"  # 100,000,000,001,900,000 + 999,999,999,999
    assert rep["total"] == {"min": total, "max": total, "unbounded": 0}
    robots = next(it for it in rep["items"] if it["id"] == "robot_subsidy")
    assert robots["paid_max"] == "100000999999899999.00"  # 99,999,999,999,900,000 + 999,999,999,999
    assert rep["distribution"]["max"] == "100000000001900000.00"
    assert rep["distribution"]["histogram"][-1]["count"] == 2  # both rows: 5,000,000 and above
    assert rep == simulate(path, forms, ON, {}, params=params, results_tables=True)["policies"][0]


def test_distribution_and_quota_over_few_and_over_no_applicants(seeds: dict, tmp_path: Path) -> None:  # type: ignore[type-arg]
    # the distribution and the 名额 aggregate a CASE that is NULL outside what they count: over
    # 咸宁's five ROWS the eligible totals are rows 0, 1, 2, 4: 120,000, 150,000, 1,000,000 and
    # 50,000 (module docstring); the quantiles are those DuckDB's quantile_disc gives of these
    # four numbers alone, the max 1,000,000; 第十二条's 前200家 has 2 applicants (rows 0 and 1:
    # 120,000 + 150,000 = 270,000 all funded, none outside). Over rows that are all invalid: no
    # quantile, no max, every bin 0, no applicant — and the same without the one pass.
    import duckdb

    def run(rows: list[dict[str, str]], name: str) -> dict:  # type: ignore[type-arg]
        path = tmp_path / name
        with path.open("w", encoding="utf-8", newline="") as f:
            w = csv.DictWriter(f, ["row_id", *sorted({k for r in ROWS for k in r})])
            w.writeheader()
            for i, r in enumerate(rows):
                w.writerow({"row_id": i, **r})
        (rep,) = simulate(path, _forms(seeds, "xianning"), ON, {})["policies"]
        assert rep == simulate(path, _forms(seeds, "xianning"), ON, {}, results_tables=True)["policies"][0]
        return rep

    rep = run(ROWS, "few.csv")
    ((qs,),) = duckdb.sql("SELECT quantile_disc(x, [0.1, 0.5, 0.9, 0.99]) FROM "
                          "(VALUES (120000), (150000), (1000000), (50000)) v(x)").fetchall()
    dist = rep["distribution"]
    assert dist["quantiles"] == {k: f"{v}.00" for k, v in zip(("p10", "p50", "p90", "p99"), qs, strict=True)}
    assert dist["max"] == "1000000.00"
    assert [b["count"] for b in dist["histogram"]] == [0, 0, 1, 2, 0, 0, 1, 0]  # 50,000; 120,000 150,000; 100万
    (quota,) = rep["quotas"]
    assert (quota["applicants"], quota["funded"], quota["funded_amount"], quota["not_funded_amount"],
            quota["runs_out_at_row"]) == (2, 2, "270000.00", "0.00", None)
    none = run([{"applicant_type": "enterprise", "digital_level": v} for v in ("9", "x", "-1")], "none.csv")
    assert (none["profiles"], none["invalid"], none["eligible"]) == (3, 3, 0)
    assert none["distribution"]["quantiles"] == dict.fromkeys(("p10", "p50", "p90", "p99"))
    assert none["distribution"]["max"] is None and all(b["count"] == 0 for b in none["distribution"]["histogram"])
    (quota,) = none["quotas"]
    assert (quota["applicants"], quota["funded"], quota["funded_amount"], quota["amount"],
            quota["runs_out_at_row"]) == (0, 0, "0.00", "0.00", None)


def test_a_budget_spent_over_the_views_own_rows_is_in_yuan(seeds: dict, tmp_path: Path) -> None:  # type: ignore[type-arg]
    # report_views with a budget and no results table spends it over the applying rows, whose
    # money is BIGINT fen: the budget is compared and reported in yuan all the same (module
    # docstring, 第十五条 用完即止 with 200,000: row 0's 120,000 paid, row 1 at a running
    # 270,000 is where it runs out; demand 1,320,000) — before, 100 times the demand, none funded
    from compiler.simulate.engine import report_views

    con, sql, form, views = _typed_xianning(seeds, tmp_path)
    rep = report_views(con, sql, views, form, "用完即止", Decimal(200000))
    b = rep["budget"]
    assert (b["funded"], b["used"], b["runs_out_at_row"], b["demand"], b["share_funded"]) == (
        1, "120000.00", 1, "1320000.00", "9.1%")
