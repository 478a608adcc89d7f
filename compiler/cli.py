"""The ``policyc`` command line."""

from __future__ import annotations

import datetime as dt
import json
import sys
from collections.abc import Iterable
from pathlib import Path
from typing import TYPE_CHECKING

import click

from .diagnostics import Diagnostic, Severity, render
from .files import MAX_POLICY_BYTES, MAX_SOURCE_BYTES, FileRefused, read_regular
from .pipeline import Loaded, check_ids, checked_model, load_named, resolve
from .resources import SEED_POLICIES, policy_dirs

if TYPE_CHECKING:
    from .evaluate.runtime import Result

# Each command imports what only it needs (the backends, the evaluator, the test runner) when
# it runs, so that `policyc calc` with a cached model starts without loading the checker.

EXIT_OK, EXIT_ERRORS, EXIT_USAGE = 0, 1, 2


def _echo_err(text: str) -> None:
    click.echo(text, err=True)


def _policy_files(folder: Path) -> list[str]:
    """The .policy files of ``folder``, in name order."""
    return sorted(str(p) for p in folder.glob("*.policy"))


def _default_policies() -> list[str]:
    for d in policy_dirs():
        found = _policy_files(d)
        if found:
            return found
    return list(SEED_POLICIES)


def _policies(names: Iterable[str]) -> list[str]:
    """The policies named on the command line (none: every policy, :func:`_default_policies`); a
    folder stands for the .policy files in it (``policyc check policies/``). A folder without
    any stays as given, and loading it reports PC006 at the folder."""
    out: list[str] = []
    for name in names:
        out += (_policy_files(Path(name)) if Path(name).is_dir() else []) or [name]
    return out or _default_policies()


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
@click.option("--no-cache", is_flag=True,
              help="不使用缓存（已编译的语法与已检查的政策），每次从头解析和检查。")
def main(no_cache: bool) -> None:
    """policyc：补贴政策编译器 — 检查政策、计算补贴、生成计算器与申请指南。"""
    if no_cache:
        from .cache import disable, enable

        disable()
        click.get_current_context().call_on_close(enable)


@main.command()
@click.argument("paths", nargs=-1)
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text",
              show_default=True)
@click.option("--strict", is_flag=True, help="警告也视为失败。")
@click.option("--on", "on", default=None, help="判断有效期所依据的日期 YYYY-MM-DD（默认今天）。")
def check(paths: tuple[str, ...], fmt: str, strict: bool, on: str | None) -> None:
    """检查政策文件（可给出文件、政策 id 或目录；默认检查 policies/ 下的全部政策）。

    退出码：0 无错误，1 有错误，2 用法错误。"""
    names = _policies(paths)
    try:
        on_date = dt.date.fromisoformat(on) if on else None
    except ValueError:
        _echo_err(f"日期“{on}”无效：应为 YYYY-MM-DD")
        sys.exit(EXIT_USAGE)
    results = [load_named(n, on_date) for n in names]
    check_ids(results)
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
@click.option("--param", "params", multiple=True, metavar="NAME=VALUE",
              help="政策参数的值（如 --param city_avg_growth=0.065）；原文未公布的参数必须提供。")
def calc(policy: str, input_path: str, on: str | None, fmt: str, params: tuple[str, ...]) -> None:
    """按政策计算一个申请人的补贴。输入错误时退出码为 2。"""
    from .evaluate.evaluator import Evaluator
    from .evaluate.profile import load_json_profile, parameter_pairs
    from .evaluate.runtime import MAX_PROFILE_CHARS, ParameterError, ProfileError

    loaded = _load_or_fail(policy)
    assert loaded.policy is not None
    try:
        limit = MAX_PROFILE_CHARS * 4  # bytes of UTF-8; the parser bounds the characters
        raw = sys.stdin.buffer.read(limit + 1) if input_path == "-" else \
            read_regular(Path(input_path), limit)
        if len(raw) > limit:
            raise FileRefused(f"文件过大（上限 {limit} 字节）")
        text = raw.decode("utf-8")
    except (FileRefused, OSError, UnicodeDecodeError) as err:
        why = str(err) if isinstance(err, FileRefused) else err.__class__.__name__
        _echo_err(f"无法读取申请人信息 {input_path}：{why}")
        sys.exit(EXIT_USAGE)
    try:
        profile = load_json_profile(text)
        ev = Evaluator(loaded.policy)
        result = ev.calculate(profile, on, parameter_pairs(params))
    except ProfileError as err:
        # a 参数 (--param: unknown, missing or malformed) is not the applicant's information
        _echo_err("参数有误，未计算：" if isinstance(err, ParameterError) else "申请人信息有误，未计算：")
        for field, msg in err.errors:
            _echo_err(f"  {field or '(整体)'}: {msg}")
        sys.exit(EXIT_USAGE)
    if fmt == "json":
        # a policy with readings (解读): totals and items span every reading, and "readings"
        # gives the result under each reading alone (runtime.span_results)
        click.echo(json.dumps(result.to_dict(), ensure_ascii=False, indent=2))
    else:
        click.echo(format_text(loaded, result) + format_readings(result))


def format_readings(r: Result) -> str:
    """The result under each reading of each 解读 (text); empty for a policy without readings."""
    if not r.readings:
        return ""
    out = ["", "原文有不同理解之处（解读）：上面的金额覆盖每一种理解（从最低到最高）；各种理解下分别为："]
    for rd in r.readings:
        out.append(f"  {rd['article']}「{rd['quote']}」（解读 {rd['id']}，采用读法 {rd['adopted']}）：")
        for name, res in rd["results"].items():
            total = _amount_text(res["total"]["min"], res["total"]["max"])
            why = f"（不予支持：{'、'.join(res['exclusions'])}）" if res["excluded"] else ""
            out.append(f"    读法 {name}（{res['label']}）：应付总额 {total}{why}")
            for iid, amt in res["items"].items():
                it = r.item(iid)
                name = f"{it.article} {it.title}" if it else iid
                # the item before the caps, as above; what each 累计上限 that cuts it leaves it (an
                # item without a stated amount, 未定: what the total counts for it under the cap)
                open_ = amt["min"] is None and amt["max"] is None
                paid = [(f"合计按{c['article']}累计上限的余额计本项 " if open_ else f"{c['article']} 累计上限后实付 ")
                        + _amount_text(c["after"]["min"], c["after"]["max"])
                        for c in res["cuts"] if c["item"] == iid and c["after"] != c["before"]]
                more = f"（{'；'.join(paid)}）" if paid else ""
                out.append(f"      {name}：{_amount_text(amt['min'], amt['max'])}{more}")
    return "\n".join(out)


def format_text(loaded: Loaded, r: Result) -> str:
    from .vocabulary import FUNDING_SOURCES

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


@main.command()
@click.argument("policy")
def lower(policy: str) -> None:
    """打印政策的下沉计算形式（JSON，各计算器后端据此生成代码；调试用）。"""
    from .lowered import lower as lower_policy

    loaded = _load_or_fail(policy)
    assert loaded.policy is not None
    click.echo(json.dumps(lower_policy(loaded.policy, loaded.source_name), ensure_ascii=False, indent=1))


@main.command()
@click.argument("policies", nargs=-1)
@click.option("--target", "targets", multiple=True, help="只生成这些后端（可多次给出；默认全部）。")
@click.option("--out", default="generated", show_default=True, type=click.Path(file_okay=False))
@click.option("--check", "check_only", is_flag=True, help="不写文件；输出已过期时列出差异并以 1 退出。")
def build(policies: tuple[str, ...], targets: tuple[str, ...], out: str, check_only: bool) -> None:
    """检查政策，然后用各后端生成输出（先检查；有错误时不写任何文件）。"""
    from .backends import BackendError, discover
    from .build import BuildError, diff, read_tree, recover_locked, render_all, write_atomically

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
    names = _policies(policies)
    loaded = [load_named(n) for n in names]
    check_ids(loaded)
    failing = [r for r in loaded if not r.ok]
    for r in failing:
        _print_diagnostics(r, r.errors)
    if failing:
        _echo_err(f"{len(failing)} 个政策有错误：没有生成、也没有改动任何文件。")
        sys.exit(EXIT_ERRORS)
    model = checked_model(loaded)
    try:
        files = render_all(model, selected)
    except BackendError as err:
        _echo_err(f"{err}\n没有改动任何文件。")
        sys.exit(EXIT_ERRORS)
    out_dir = Path(out)
    try:
        if not check_only:
            recover_locked(out_dir)  # a build killed earlier may have left out/ aside
        if policies:  # a subset of policies: keep the other policies' files
            files = {**read_tree(out_dir, list(selected)), **files}
    except (BuildError, OSError) as err:
        _echo_err(str(err))
        sys.exit(EXIT_ERRORS)
    if check_only:
        chunks = diff(out_dir, files, list(selected))
        for c in chunks:
            click.echo(c, nl=False)
        _echo_err(f"{out}/ 已过期：{len(chunks)} 个文件不同。请运行 policyc build。" if chunks
                  else f"{out}/ 是最新的。")
        sys.exit(EXIT_ERRORS if chunks else EXIT_OK)
    try:
        write_atomically(out_dir, files, list(selected))
    except BuildError as err:
        _echo_err(str(err))
        sys.exit(EXIT_ERRORS)
    _echo_err(f"已生成 {len(files)} 个文件到 {out}/（后端：{', '.join(selected)}）。")


@main.command()
def backends() -> None:
    """列出已安装的后端（entry point 组 policyc.backends）。"""
    from .backends import BackendError, discover

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
    from .testing import run_tests

    names = _policies(paths)
    failed = 0
    total = 0
    for name in names:
        loaded = load_named(name)
        if not loaded.ok or loaded.policy is None:
            _print_diagnostics(loaded, loaded.errors)
            total += 1  # a policy that does not load counts as one failed test
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


@main.command()
def lsp() -> None:
    """启动语言服务器（Language Server Protocol，经标准输入输出），供编辑器使用。"""
    from .lsp.server import main as serve

    serve()


@main.command()
@click.argument("source", type=click.Path(dir_okay=False))
@click.option("--out", "out", default=None, type=click.Path(dir_okay=False, allow_dash=True),
              help="写入的政策文件（默认：原文旁的同名 .policy；- 表示标准输出）。")
@click.option("--id", "policy_id", default=None, help="政策 id（默认取原文文件名）。")
@click.option("--force", is_flag=True, help="覆盖已有的政策文件。")
def init(source: str, out: str | None, policy_id: str | None, force: bool) -> None:
    """由原文生成政策骨架：政策 块填写原文写明的信息，每条原文一个带逐字引文的注释块。"""
    import os
    import re

    from .source.skeleton import skeleton

    src = Path(source)
    try:
        text = read_regular(src, MAX_SOURCE_BYTES).decode("utf-8-sig")
    except FileRefused as err:
        _echo_err(f"无法读取原文 {source}：{err}")
        sys.exit(EXIT_USAGE)
    except UnicodeDecodeError:
        _echo_err(f"{source} 不是 UTF-8 编码：请先转存为 UTF-8（政策检查也按 UTF-8 读取原文）。")
        sys.exit(EXIT_USAGE)
    pid = policy_id or re.sub(r"[^A-Za-z0-9_]", "_", src.stem).strip("_").lower() or "policy"
    if not re.fullmatch(r"[A-Za-z_][A-Za-z0-9_]*", pid):
        pid = f"policy_{pid}"
    target = Path(out) if out and out != "-" else src.with_suffix(".policy")
    source_name = Path(os.path.relpath(src.resolve(), target.resolve().parent)).as_posix()
    policy = skeleton(text, source_name, pid)
    if out == "-":
        click.echo(policy, nl=False)
        return
    if target.exists() and not force:
        _echo_err(f"{target} 已存在：未改动。要覆盖请加 --force，或用 --out 指定其他文件。")
        sys.exit(EXIT_USAGE)
    try:
        target.write_text(policy, encoding="utf-8")
    except OSError as err:
        _echo_err(f"无法写入 {target}：{err.strerror or err.__class__.__name__}")
        sys.exit(EXIT_USAGE)
    _echo_err(f"已写入 {target}（原文 {source_name}）。")


@main.command(name="fmt")
@click.argument("paths", nargs=-1)
@click.option("--check", "check_only", is_flag=True,
              help="不改写文件；有文件不是规范格式时列出它们并以 1 退出（用于 CI）。")
def fmt_cmd(paths: tuple[str, ...], check_only: bool) -> None:
    """把政策文件改写为规范格式（默认 policies/ 下的全部政策）；注释保留，检查结果不变。"""
    from .syntax.fmt import FormatError, format_text

    names = _policies(paths)
    failed = changed = 0
    for name in names:
        path = resolve(name) or Path(name)
        try:
            text = read_regular(path, MAX_POLICY_BYTES).decode("utf-8-sig")
        except (FileRefused, UnicodeDecodeError) as err:
            why = err if isinstance(err, FileRefused) else "不是 UTF-8 编码，请以 UTF-8 编码保存"
            _echo_err(f"{name}: 无法读取（{why}）。")
            failed += 1
            continue
        try:
            out, diags = format_text(text, name)
        except FormatError as err:
            _echo_err(f"{err}（未改动该文件）")
            failed += 1
            continue
        if out is None:
            for d in diags:
                _echo_err(render(d, text))
            _echo_err(f"{name}: 有语法错误，未格式化。")
            failed += 1
            continue
        if out == text:
            continue
        changed += 1
        if check_only:
            _echo_err(f"{name}: 不是规范格式（运行 policyc fmt {name}）")
        else:
            try:
                path.write_text(out, encoding="utf-8")
            except OSError as err:
                _echo_err(f"{name}: 无法写入（{err.strerror or err.__class__.__name__}）")
                failed += 1
                continue
            _echo_err(f"{name}: 已格式化")
    verb = "需要格式化" if check_only else "已格式化"
    _echo_err(f"{len(names)} 个文件，{changed} 个{verb}，{failed} 个无法格式化。")
    sys.exit(EXIT_ERRORS if failed or (check_only and changed) else EXIT_OK)


def _register_systems_commands() -> None:
    """serve, population and simulate live beside the code they drive (optional extras)."""
    from .serve.command import serve
    from .simulate.command import population, simulate

    for command in (serve, population, simulate):
        main.add_command(command)


_register_systems_commands()

if __name__ == "__main__":  # pragma: no cover
    main()
