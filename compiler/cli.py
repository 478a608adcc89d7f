"""The ``policyc`` command line."""

from __future__ import annotations

import datetime as dt
import json
import sys
from collections.abc import Iterable
from pathlib import Path
from typing import Any

import click

from .backends import BackendError, CheckedModel, CheckedPolicy, discover
from .build import diff, read_tree, render_all, write_atomically
from .diagnostics import Diagnostic, Severity, render
from .evaluate.evaluator import Evaluator
from .evaluate.profile import ProfileError, load_json_profile
from .evaluate.runtime import Result
from .pipeline import Loaded, load_named
from .resources import SEED_POLICIES, policy_dirs
from .testing import run_tests
from .vocabulary import FUNDING_SOURCES

EXIT_OK, EXIT_ERRORS, EXIT_USAGE = 0, 1, 2


def _echo_err(text: str) -> None:
    click.echo(text, err=True)


def _default_policies() -> list[str]:
    for d in policy_dirs():
        found = sorted(p for p in d.glob("*.policy"))
        if found:
            return [str(p) for p in found]
    return list(SEED_POLICIES)


def _print_diagnostics(loaded: Loaded, diags: Iterable[Diagnostic]) -> None:
    for d in diags:
        _echo_err(render(d, loaded.text))


def _load_or_fail(name: str) -> Loaded:
    loaded = load_named(name)
    if not loaded.ok:
        _print_diagnostics(loaded, loaded.errors)
        _echo_err(f"{loaded.display}: 政策有错误，无法计算。")
        sys.exit(EXIT_ERRORS)
    return loaded


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="policyc")
def main() -> None:
    """policyc：补贴政策编译器 — 检查政策、计算补贴、生成计算器与申请指南。"""


@main.command()
@click.argument("paths", nargs=-1)
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text",
              show_default=True)
@click.option("--strict", is_flag=True, help="警告也视为失败。")
@click.option("--on", "on", default=None, help="判断有效期所依据的日期 YYYY-MM-DD（默认今天）。")
def check(paths: tuple[str, ...], fmt: str, strict: bool, on: str | None) -> None:
    """检查政策文件（默认检查 policies/ 下的全部政策）。退出码：0 无错误，1 有错误，2 用法错误。"""
    names = list(paths) or _default_policies()
    try:
        on_date = dt.date.fromisoformat(on) if on else None
    except ValueError:
        _echo_err(f"日期“{on}”无效：应为 YYYY-MM-DD")
        sys.exit(EXIT_USAGE)
    results = [load_named(n, on_date) for n in names]
    all_diags = [(r, d) for r in results for d in r.diagnostics]
    failing = [d for _, d in all_diags if d.severity is Severity.ERROR or
               (strict and d.severity is Severity.WARNING)]
    if fmt == "json":
        doc = {
            "version": 1,
            "files": [r.display for r in results],
            "diagnostics": [d.to_dict() for _, d in all_diags],
            "suppressed": [
                {**d.to_dict(), "reason": s.reason} for r in results for d, s in r.suppressed
            ],
            "summary": {sev.value: sum(1 for _, d in all_diags if d.severity is sev)
                        for sev in Severity},
        }
        click.echo(json.dumps(doc, ensure_ascii=False, indent=2, sort_keys=False))
    else:
        for r, d in all_diags:
            _echo_err(render(d, r.text))
        counts = {sev: sum(1 for _, d in all_diags if d.severity is sev) for sev in Severity}
        _echo_err(f"检查了 {len(results)} 个政策：{counts[Severity.ERROR]} 个错误，"
                  f"{counts[Severity.WARNING]} 个警告，{counts[Severity.INFO]} 个提示。")
    sys.exit(EXIT_ERRORS if failing else EXIT_OK)


@main.command()
@click.argument("policy")
@click.option("--input", "input_path", required=True, type=click.Path(dir_okay=False, allow_dash=True),
              help="申请人信息 JSON 文件（- 表示标准输入）。")
@click.option("--on", "on", default=None, help="计算日期 YYYY-MM-DD（默认今天）。")
@click.option("--format", "fmt", type=click.Choice(["json", "text"]), default="text",
              show_default=True)
def calc(policy: str, input_path: str, on: str | None, fmt: str) -> None:
    """按政策计算一个申请人的补贴。输入错误时退出码为 2。"""
    loaded = _load_or_fail(policy)
    assert loaded.policy is not None
    try:
        text = sys.stdin.read() if input_path == "-" else Path(input_path).read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as err:
        _echo_err(f"无法读取申请人信息 {input_path}：{err.__class__.__name__}")
        sys.exit(EXIT_USAGE)
    try:
        profile = load_json_profile(text)
        ev = Evaluator(loaded.policy)
        result = ev.calculate(profile, on)
        readings = ev.readings(profile, on) if loaded.policy.readings else None
    except ProfileError as err:
        _echo_err("申请人信息有误，未计算：")
        for field, msg in err.errors:
            _echo_err(f"  {field or '(整体)'}: {msg}")
        sys.exit(EXIT_USAGE)
    if fmt == "json":
        # a policy with readings (解读) adds "readings": the result under each reading and the
        # range across them; the rest is the result under the adopted readings
        out = result.to_dict() | (readings or {})
        click.echo(json.dumps(out, ensure_ascii=False, indent=2))
    else:
        click.echo(format_text(loaded, result)
                   + (format_readings(loaded, readings) if readings else ""))


def format_readings(loaded: Loaded, rd: dict[str, Any]) -> str:
    """The result under each reading of each 解读, and the range across them (text)."""
    out = ["", "原文有不同理解之处（解读）："]
    for r in rd["readings"]:
        out.append(f"  {r['article']} {r['id']}（计算采用读法 {r['adopted']}）：")
        for name, res in r["results"].items():
            total = _amount_text(res["total"]["min"], res["total"]["max"])
            out.append(f"    读法 {name}（{res['label']}）：应付总额 {total}")
    rng = rd["range"]
    out.append(f"  各种读法下的应付总额：{_amount_text(rng['min'], rng['max'])}")
    return "\n".join(out)


def format_text(loaded: Loaded, r: Result) -> str:
    p = loaded.policy
    assert p is not None
    d = r.to_dict()
    docnos = "、".join(p.header.docnos)
    out = [f"《{p.header.title}》" + (f"（{docnos}）" if docnos else ""),
           f"计算日期：{d['as_of']}    是否有效：{'是' if r.in_force else '否'}"]
    out += [f"  说明：{note}" for note in r.notes]
    if r.excluded:
        out.append(f"不予支持：{'、'.join(r.exclusions)}")
    if not r.in_force or r.excluded:
        out.append("应付总额：0.00 元")
        return "\n".join(out)
    out.append("")
    if not r.items:
        out.append("没有适用的补助项。")
    for i, item in enumerate(d["items"], 1):
        amount = _amount_text(item["min"], item["max"])
        out.append(f"{i}. {item['article']} {item['title']}：{amount}")
        out += [f"     · {t}" for t in item["trace"]]
    out.append("")
    out.append(f"应付总额（经全部上限后）：{_amount_text(d['total']['min'], d['total']['max'])}")
    if d["funding"]:
        out.append("出资方：")
        for src, amt in d["funding"].items():
            out.append(f"  {FUNDING_SOURCES.get(src) or _unspecified(r)}（{src}）：{amt} 元")
    if d["payments"]:
        out.append("拨付安排：")
        for pay in d["payments"]:
            out.append(f"  {pay['article']} {pay['stage']}：{_amount_text(pay['min'], pay['max'])}")
    return "\n".join(out)


def _unspecified(r: Result) -> str:
    """What the ``unspecified`` funding line stands for: no payer named, or no split stated."""
    kinds = {plan.kind for plan, amt in r.paid if "unspecified" in plan.split(amt)}
    if kinds == {"unnamed"}:
        return "原文未规定由谁出资"
    return "未明确分担" if "unnamed" not in kinds else "未明确分担或原文未规定由谁出资"


def _amount_text(lo: str | None, hi: str | None) -> str:
    if lo is None and hi is None:
        return "金额未定（原文未规定）"
    if lo == hi:
        return f"{lo} 元"
    return f"{lo} 至 {hi if hi is not None else '未定'} 元"


def _source_name(loaded: Loaded) -> str:
    """A stable, relative name for where a policy came from (no absolute paths in outputs)."""
    try:
        return loaded.path.resolve().relative_to(Path.cwd().resolve()).as_posix()
    except ValueError:
        return f"policies/{loaded.path.name}"


@main.command()
@click.argument("policies", nargs=-1)
@click.option("--target", "targets", multiple=True, help="只生成这些后端（可多次给出；默认全部）。")
@click.option("--out", default="generated", show_default=True, type=click.Path(file_okay=False))
@click.option("--check", "check_only", is_flag=True, help="不写文件；输出已过期时列出差异并以 1 退出。")
def build(policies: tuple[str, ...], targets: tuple[str, ...], out: str, check_only: bool) -> None:
    """检查政策，然后用各后端生成输出（先检查；有错误时不写任何文件）。"""
    try:
        available = discover()
    except BackendError as err:
        _echo_err(str(err))
        sys.exit(EXIT_USAGE)
    unknown = [t for t in targets if t not in available]
    if unknown:
        _echo_err(f"未知的后端：{', '.join(unknown)}；可用：{', '.join(sorted(available))}")
        sys.exit(EXIT_USAGE)
    selected = {t: available[t] for t in (targets or sorted(available))}
    names = list(policies) or _default_policies()
    loaded = [load_named(n) for n in names]
    failing = [r for r in loaded if not r.ok]
    for r in failing:
        _print_diagnostics(r, r.errors)
    if failing:
        _echo_err(f"{len(failing)} 个政策有错误：没有生成、也没有改动任何文件。")
        sys.exit(EXIT_ERRORS)
    model = CheckedModel(tuple(
        CheckedPolicy(r.policy, _source_name(r), tuple(r.diagnostics), tuple(r.suppressed))
        for r in loaded if r.policy is not None
    ))
    try:
        files = render_all(model, selected)
    except BackendError as err:
        _echo_err(f"{err}\n没有改动任何文件。")
        sys.exit(EXIT_ERRORS)
    out_dir = Path(out)
    if policies:  # a subset of policies: keep the other policies' files
        files = {**read_tree(out_dir, list(selected)), **files}
    if check_only:
        chunks = diff(out_dir, files, list(selected))
        for c in chunks:
            click.echo(c, nl=False)
        _echo_err(f"{out}/ 已过期：{len(chunks)} 个文件不同。请运行 policyc build。" if chunks
                  else f"{out}/ 是最新的。")
        sys.exit(EXIT_ERRORS if chunks else EXIT_OK)
    write_atomically(out_dir, files, list(selected))
    _echo_err(f"已生成 {len(files)} 个文件到 {out}/（后端：{', '.join(selected)}）。")


@main.command()
def backends() -> None:
    """列出已安装的后端（entry point 组 policyc.backends）。"""
    try:
        found = discover()
    except BackendError as err:
        _echo_err(str(err))
        sys.exit(EXIT_USAGE)
    for name, b in found.items():
        click.echo(f"{name}\t{b.description}")


@main.command(name="test")
@click.argument("paths", nargs=-1)
def test_cmd(paths: tuple[str, ...]) -> None:
    """运行政策文件中的测试用例（测试 块）。"""
    names = list(paths) or _default_policies()
    failed = 0
    total = 0
    for name in names:
        loaded = load_named(name)
        if not loaded.ok or loaded.policy is None:
            _print_diagnostics(loaded, loaded.errors)
            failed += 1
            continue
        outcomes = run_tests(loaded.policy)
        for o in outcomes:
            total += 1
            if not o.passed:
                failed += 1
                _print_diagnostics(loaded, o.failures)
        passed = sum(o.passed for o in outcomes)
        _echo_err(f"{loaded.display}: {passed}/{len(outcomes)} 个测试通过")
    _echo_err(f"{total - failed} passed, {failed} failed")
    sys.exit(EXIT_ERRORS if failed else EXIT_OK)


if __name__ == "__main__":  # pragma: no cover
    main()
