"""The ``policyc population`` and ``policyc simulate`` commands (DuckDB etc. imported when run)."""

from __future__ import annotations

import datetime as dt
import json
import sys
from decimal import Decimal, InvalidOperation
from pathlib import Path
from typing import Any

import click

from ..files import FileRefused, read_beside
from ..pipeline import Loaded
from ..resources import SEED_POLICIES


def _need(extra: str, err: ImportError) -> None:
    click.echo(f"此命令需要 {extra} 扩展：pip install 'policyc[{extra}]'（缺少 {err.name}）", err=True)
    sys.exit(2)


@click.command()
@click.option("--count", "-n", default=100_000, show_default=True, type=click.IntRange(1, 50_000_000),
              help="申请人数量。")
@click.option("--seed", default=0, show_default=True, type=int, help="随机种子（相同种子得到相同总体）。")
@click.option("--out", "out", required=True, type=click.Path(dir_okay=False, path_type=Path),
              help="输出文件：.csv、.jsonl 或 .parquet。")
def population(count: int, seed: int, out: Path) -> None:
    """生成合成申请人总体（共享词汇中的全部字段，分布为说明过的假设）。"""
    try:
        import pyarrow  # noqa: F401
    except ImportError as err:
        _need("sim", err)
    from .population import FORMATS, generate, write

    fmt = out.suffix.lower().lstrip(".")
    if fmt not in FORMATS:
        click.echo(f"不支持的格式“{out.suffix}”：请用 .csv、.jsonl 或 .parquet", err=True)
        sys.exit(2)
    cols = generate(count, seed)
    write(cols, out, fmt)
    click.echo(f"已生成 {count} 个合成申请人（种子 {seed}）到 {out}", err=True)


def form_and_text(loaded: Loaded) -> tuple[dict[str, Any], str]:
    """A checked policy's lowered form and its source text ("" when it names none or it cannot
    be read): what :func:`.engine.simulate` takes for each policy."""
    from ..lowered import lower

    p = loaded.policy
    assert p is not None
    try:
        text = read_beside(loaded.path, p.header.source) if p.header.source else ""
    except FileRefused:
        text = ""
    return lower(p, f"policies/{loaded.path.name}"), text


def _budgets(values: tuple[str, ...]) -> dict[str, Decimal]:
    out: dict[str, Decimal] = {}
    for v in values:
        pid, _, amount = v.partition("=")
        try:
            d = Decimal(amount)
        except InvalidOperation:
            d = Decimal(-1)
        if not pid or not d.is_finite() or d < 0:
            click.echo(f"预算“{v}”无效：应为 政策=金额（元），例如 xianning=50000000", err=True)
            sys.exit(2)
        out[pid] = d
    return out


def _parameter_problem(forms: list[tuple[dict[str, Any], str]], given: dict[str, str]) -> str | None:
    """What is wrong with the --param values for these policies, checked once before any row as
    ``policyc calc`` checks them (the same messages): a name no chosen policy declares, a value
    that is not of the parameter's kind, an unpublished parameter left out. None when all hold."""
    from ..evaluate.messages import MESSAGES
    from ..evaluate.runtime import Bad, ParamSpec, parameter_value

    declared = {x["name"] for form, _ in forms for x in form.get("parameters", [])}
    for name in given:
        if name not in declared:
            return MESSAGES["param_unknown"].format(name=name)
    for form, _ in forms:
        for x in form.get("parameters", []):
            pid = form["policy"]["id"]
            if x["name"] in given:
                got = parameter_value(ParamSpec(x["name"], x["kind"], x["label"]), given[x["name"]])
                if isinstance(got, Bad):
                    return f"{pid}：参数“{x['name']}”（{x['label']}）：{got.message}"
            elif x["value"] is None:
                return (f"{pid}：参数“{x['name']}”（{x['label']}）原文未公布其数值，"
                        f"请用 --param {x['name']}=值 提供。")
    return None


@click.command()
@click.argument("population_file", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option("--policy", "policies", multiple=True, help="只模拟这些政策（可多次给出；默认全部）。")
@click.option("--on", "on", default=None, help="计算日期 YYYY-MM-DD（默认今天）。")
@click.option("--budget", "budgets", multiple=True, help="预算：政策=金额（元），按申请顺序用完即止。")
@click.option("--format", "fmt", type=click.Choice(["table", "json"]), default="table", show_default=True)
@click.option("--chart", type=click.Path(dir_okay=False, path_type=Path), default=None, help="写出 SVG 图表。")
@click.option("--json-out", type=click.Path(dir_okay=False, path_type=Path), default=None, help="另存 JSON 报告。")
@click.option("--param", "params", multiple=True, metavar="NAME=VALUE",
              help="政策参数的值（如 --param city_avg_growth=0.065）；原文未公布的参数必须提供。")
def simulate(population_file: Path, policies: tuple[str, ...], on: str | None, budgets: tuple[str, ...],
             fmt: str, chart: Path | None, json_out: Path | None, params: tuple[str, ...] = ()) -> None:
    """在 DuckDB 中对申请人总体运行政策：按项目、出资方、拨付阶段汇总，名额与预算能覆盖多少。"""
    try:
        import duckdb
        from rich.progress import Progress
    except ImportError as err:
        _need("sim", err)
    from ..backends import BackendError
    from ..evaluate.profile import ProfileError, parameter_pairs
    from ..pipeline import load_named
    from . import chart as charts
    from .engine import simulate as run

    try:
        as_of = dt.date.fromisoformat(on) if on else dt.date.today()
    except ValueError:
        click.echo(f"日期“{on}”无效：应为 YYYY-MM-DD", err=True)
        sys.exit(2)
    forms: list[tuple[dict[str, Any], str]] = []
    for name in policies or SEED_POLICIES:
        loaded = load_named(name)
        if not loaded.ok or loaded.policy is None:
            click.echo(f"{loaded.display}: 政策有错误，无法模拟。", err=True)
            sys.exit(1)
        forms.append(form_and_text(loaded))
    try:
        given = parameter_pairs(params)
    except ProfileError as err:
        click.echo(err.errors[0][1], err=True)
        sys.exit(2)
    problem = _parameter_problem(forms, given)
    if problem is not None:
        click.echo(problem, err=True)
        sys.exit(2)
    with Progress(transient=True, disable=not sys.stderr.isatty()) as bar:
        task = bar.add_task("模拟", total=len(forms))

        def tick(pid: str) -> None:
            bar.update(task, advance=1, description=f"模拟 {pid}")

        try:
            result = run(population_file, forms, as_of, _budgets(budgets), tick, given)
        except (BackendError, duckdb.Error) as err:
            click.echo(f"无法模拟：{err}", err=True)
            sys.exit(1)
    text_json = json.dumps(result, ensure_ascii=False, indent=2) + "\n"
    if json_out is not None:
        json_out.write_text(text_json, encoding="utf-8")
    if chart is not None:
        chart.write_text(charts.render(result), encoding="utf-8")
    if fmt == "json":
        click.echo(text_json, nl=False)
    else:
        print_tables(result)


def print_tables(result: dict[str, Any]) -> None:
    from rich.console import Console
    from rich.table import Table

    from .chart import SOURCE_NAMES, yuan_cn

    # Titles, labels and articles come from policies: printed as they are, never read as rich markup
    # (a 「[/b]」 in a title raised MarkupError; a 「[red]」 would have restyled the line).
    console = Console(markup=False, highlight=False)
    console.print(f"{result['profiles']:,} 个申请人，计算日期 {result['as_of']}")
    for p in result["policies"]:
        t = Table(title=f"{p['title']}（{p['policy']}）", title_justify="left")
        # On a narrow terminal the item's title wraps; the article and the amounts are never cut
        # (they were shortened to 「第七条第（ …」, which left the rows of one article indistinguishable).
        t.add_column("条款", no_wrap=True)
        t.add_column("项目", overflow="fold", min_width=8)
        t.add_column("申请人", justify="right", overflow="fold")
        t.add_column("金额未定", justify="right", overflow="fold")
        for c in ("合计（下限）", "合计（上限）"):
            t.add_column(c, justify="right", no_wrap=True)
        for it in p["items"]:
            t.add_row(it["article"], it["title"], f"{it['applicants']:,}", f"{it['undetermined']:,}",
                      yuan_cn(it["paid_min"]), yuan_cn(it["paid_max"]))
        t.add_row("", "合计（经累计上限）", f"{p['eligible']:,}", f"{p['total']['unbounded']:,}",
                  yuan_cn(p["total"]["min"]), yuan_cn(p["total"]["max"]))
        console.print(t)
        if p["funding"]:
            console.print("出资方：" + "，".join(f"{SOURCE_NAMES[s]} {yuan_cn(v)}" for s, v in p["funding"].items()))
        for st in p["payments"]:
            console.print(f"拨付 {st['article']} {st['stage']}：{yuan_cn(st['min'])} 至 {yuan_cn(st['max'])}")
        for q in p["quotas"]:
            if q.get("funded") is not None:
                # the table's totals are every eligible applicant's: those outside the 名额 too
                outside = (f"，{q['not_funded']:,} 个在名额外（{yuan_cn(q['not_funded_amount'])}，已计入上表合计）"
                           if q["not_funded"] else "")
                console.print(f"名额 {q['article']}：{q['applicants']:,} 个申请，前 {q['funded']:,} 个获支持"
                              f"（{yuan_cn(q['funded_amount'])}）{outside}")
            elif q.get("limit") is not None:
                console.print(f"名额 {q['article']}：至少 {q['limit']:,} 个，实有 {q['applicants']:,} 个")
        for r in p["readings"]:  # each applicant's amounts span every reading of each 解读
            others = "、".join(f"{o['name']}（{o['label']}）" for o in r["others"])
            console.print(f"解读 {r['id']}（{r['article']}）：每个申请人的金额覆盖采用的读法 "
                          f"{r['adopted']}（{r['label']}）和其他读法 {others}，取最低额至最高额"
                          "（policyc calc 列出每种读法的金额）")
        b = p.get("budget")
        if b:
            console.print(f"预算 {yuan_cn(b['amount'])}（{'原文：用完即止，' if p['first_come_in_text'] else ''}"
                          f"按申请顺序）：需求 {yuan_cn(b['demand'])}，够前 {b['funded']:,} 个，"
                          f"{b['not_funded']:,} 个未获支付")
        if p["invalid"]:
            console.print(f"{p['invalid']:,} 个申请人信息有误，未计算：", style="red")
            for name, count in p["invalid_by_field"].items():
                ex = p.get("invalid_examples", {}).get(name)
                first = ""
                if ex is not None:  # the reason names the value (收到 “是”); without one, the value
                    why = ex["reason"] or (f"“{ex['value']}”" if ex["value"] is not None else "")
                    # row_id=3 without a space: a narrow terminal never parts the name from the value
                    rid = "（空）" if ex["row_id"] is None else ex["row_id"]
                    first = f"，如 row_id={rid}" + (f"：{why}" if why else "")
                console.print(f"  {name}：{count:,} 个{first}", style="red", markup=False, highlight=False)
