"""Time ``policyc check``: whole processes on the seeds, and the full pipeline (parse, types,
quotes, solver, consistency) on generated and hostile policies, beside a baseline version of the
compiler in the same run.

1. ``policyc check`` on the five seeds as a whole process, ``--no-cache`` (parse and check
   everything, the only path before the cache) and with a warm cache, taking turns; medians
   and their ratio, against the target of 0.3 s wall with a warm cache.
2. Every seed policy through ``load()`` (no cache), with the share of the consistency checks.
3. Generated policies of 50, 100, 200 and 500 items (each with three capped tiers, a funding
   line with its own 依据 quote and a condition on its own fact; one cross-item 累计上限 per
   five items), quoting a generated source text, and 200 items under one 累计上限: each checked
   in a fresh process by this version and by the baseline (``--baseline REV``, a git revision
   extracted to a temporary folder; default the version before the checker's scaling work),
   taking turns, with CPU seconds, their ratio, growth per item against 50 items (1.00 =
   linear), how many findings carry a witness, and whether every witness, run again through the
   reference evaluator over every item, gives the amounts it shows. A baseline run that takes
   longer than ``--timeout`` seconds is stopped and reported as such.
4. Hostile sizes: 25 and 50 items under one 累计上限; a 分档 of 400 and of 800 range
   tiers. Past a documented limit the checker reports PC490 (counted here) instead of working
   without bound.

    .venv/bin/python benchmarks/check.py [--cli-runs 5] [--baseline 4f5361e] [--timeout 240]
                                         [--no-baseline] [--no-hostile]
                                         [--only cli,seeds,generated,hostile] [--sizes 50,500]

``--only`` runs some parts (1-4 above) and ``--sizes`` some of the generated sizes (the 200 items
under one 累计上限 only with 200), to iterate on one of them.
"""

from __future__ import annotations

import argparse
import datetime as dt
import functools
import json
import shutil
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from cli import whole_processes  # noqa: E402

from compiler.check.consistency import check_consistency  # noqa: E402
from compiler.check.numbers import scan  # noqa: E402
from compiler.diagnostics import Severity  # noqa: E402
from compiler.pipeline import Loaded, load  # noqa: E402
from compiler.resources import SEED_POLICIES  # noqa: E402

SEEDS = SEED_POLICIES
SIZES = (50, 100, 200, 500)
GROUP = 5
ON = dt.date(2025, 6, 1)
_DIGITS = "零一二三四五六七八九"


def zh(n: int) -> str:
    """Chinese numeral for an article number (1..9999): 503 -> 五百零三, 15 -> 十五."""
    if n < 10:
        return _DIGITS[n]
    if n < 20:
        return "十" + (_DIGITS[n % 10] if n % 10 else "")
    out = ""
    zero = False
    for value, unit in ((1000, "千"), (100, "百"), (10, "十"), (1, "")):
        d = n // value % 10
        if d:
            out += ("零" if zero else "") + _DIGITS[d] + unit
            zero = False
        elif out:
            zero = True
    return out


def _amounts(k: int) -> tuple[int, int, int, int]:
    """Rate % and three tier caps (万元) for item k, distinct enough to be realistic."""
    return 30 + k % 40, 10 + k % 7, 20 + k % 11, 40 + k % 13


def generate(n: int) -> tuple[str, str]:
    """(source text, policy text) with ``n`` items."""
    src = ["某市中小企业数字化转型专项资金管理办法", "",
           "第一条 为规范专项资金管理，制定本办法。", ""]
    pol = [f"政策 generated_{n} {{", f'  标题 "生成的政策（{n} 项）"', '  发布日期 2024-01-01',
           "  层级 市级", "  上级 national", f'  来源 "generated_{n}.txt"',
           "  有效期 自 2024-01-01 至 2026-12-31",
           f"    依据 第{zh(n + 3)}条 「本办法自2024年1月1日起施行，有效期至2026年12月31日。」",
           "}", "", "事实 {", "  applicant_type 必填", "  digital_level", "  spend_software_cloud"]
    pol += [f'  flag_{k}: 布尔 "符合第{zh(k + 2)}条规定的条件"' for k in range(n)]
    pol += ["}", ""]
    for k in range(n):
        art = f"第{zh(k + 2)}条"
        rate, a, b, c = _amounts(k)
        body = (f"补助标准不超过改造投入的 {rate}%，其中，达到二级水平的企业，每家最高补助 {a} 万元；"
                f"达到三级水平的企业，每家最高补助 {b} 万元；达到四级及以上水平的企业，"
                f"每家最高补助 {c} 万元。")
        fund = "补助资金由市、县（区）财政各承担 50%。"
        src += [f"{art} 对符合第{k + 1}类条件的企业给予补助。", body, fund, ""]
        pol += [
            f"补助 item_{k} {{", f"  条款 {art}", f'  标题 "第 {k + 1} 类补助"', "  对象 enterprise",
            f"  原文 「{body}」",
            f"  条件 flag_{k} 且 digital_level >= 2",
            "  金额 分档 {",
            f"    当 digital_level == 2 则 {rate}% × spend_software_cloud 封顶 {a}万元",
            f"    当 digital_level == 3 则 {rate}% × spend_software_cloud 封顶 {b}万元",
            f"    当 digital_level >= 4 则 {rate}% × spend_software_cloud 封顶 {c}万元",
            "  }",
            "  资金 city 50%, county 50%", f"    依据 {art} 「{fund}」",
            "}", "",
        ]
    cap_art = f"第{zh(n + 2)}条"
    cap = "企业获得专项资金支持总额度累计不超过该企业数字化转型投入的60%。"
    src += [f"{cap_art} {cap}", "", f"第{zh(n + 3)}条 本办法自2024年1月1日起施行，有效期至2026年12月31日。"]
    # one 累计上限 per group of GROUP items, as a real policy caps a handful of related items
    for g in range(0, n, GROUP):
        members = ", ".join(f"item_{k}" for k in range(g, min(g + GROUP, n)))
        pol += [f"累计上限 cap_{g // GROUP} {{", f"  条款 {cap_art}", f"  原文 「{cap}」",
                f"  适用 [{members}]", "  上限 60% × spend_software_cloud", "}", ""]
    return "\n".join(src) + "\n", "\n".join(pol)


def one_cap(n: int) -> tuple[str, str]:
    """(source text, policy text): ``n`` items (rate × spend, 封顶) under one 累计上限."""
    src = ["某市专项资金办法", "", "第一条 为规范管理，制定本办法。", ""]
    pol = [f"政策 cap_{n} {{", f'  标题 "一条累计上限下的 {n} 项"', f'  来源 "cap_{n}.txt"', "}", "",
           "事实 {", "  applicant_type 必填", "  spend_software_cloud"]
    pol += [f'  flag_{k}: 布尔 "条件{k}"' for k in range(n)]
    pol += ["}", ""]
    for k in range(n):
        art = f"第{zh(k + 2)}条"
        body = f"符合第{k + 1}类条件的企业，按投入的 {20 + k % 30}% 给予补助，最高 {10 + k % 7} 万元。"
        src += [f"{art} {body}", ""]
        pol += [f"补助 item_{k} {{", f"  条款 {art}", f'  标题 "第 {k + 1} 类补助"', "  对象 enterprise",
                f"  原文 「{body}」", f"  条件 flag_{k}",
                f"  金额 {20 + k % 30}% × spend_software_cloud 封顶 {10 + k % 7}万元", "  资金 city 100%",
                "}", ""]
    cap_art = f"第{zh(n + 2)}条"
    cap = "企业获得专项资金支持总额度累计不超过该企业数字化转型投入的50%。"
    src += [f"{cap_art} {cap}", ""]
    pol += ["累计上限 total {", f"  条款 {cap_art}", f"  原文 「{cap}」", "  适用 对象 enterprise",
            "  上限 50% × spend_software_cloud", "}", ""]
    return "\n".join(src), "\n".join(pol)


def range_tiers(n: int) -> tuple[str, str]:
    """(source text, policy text): one item whose 分档 has ``n`` adjacent ranges of spend."""
    body = "按投入金额分档给予补助。"
    src = ["某市专项资金办法", "", f"第二条 {body}", ""]
    pol = [f"政策 tiers_{n} {{", f'  标题 "{n} 档的分档"', f'  来源 "tiers_{n}.txt"', "}", "",
           "事实 {", "  applicant_type 必填", "  spend_software_cloud", "}", "",
           "补助 item {", "  条款 第二条", '  标题 "分档补助"', "  对象 enterprise", f"  原文 「{body}」",
           "  金额 分档 {"]
    pol += [f"    当 spend_software_cloud >= {k * 10000}元 且 spend_software_cloud < {(k + 1) * 10000}元 "
            f"则 {k + 1}00元" for k in range(n)]
    pol += ["  }", "  资金 city 100%", "}", ""]
    return "\n".join(src), "\n".join(pol)


def timed(fn: Callable[[], Loaded]) -> tuple[float, Loaded, float]:
    """Wall seconds, the result, and CPU seconds of this process (the machine is shared: wall
    time grows with other work, CPU time much less)."""
    start, cpu = time.perf_counter(), time.process_time()
    loaded = fn()
    return time.perf_counter() - start, loaded, time.process_time() - cpu


def summary(loaded: Loaded) -> str:
    counts = {sev: sum(1 for d in loaded.diagnostics if d.severity is sev) for sev in Severity}
    return (f"{counts[Severity.ERROR]} 错误 / {counts[Severity.WARNING]} 警告 / "
            f"{counts[Severity.INFO]} 提示")


def consistency_time(loaded: Loaded) -> float:
    """The share of :mod:`compiler.check.consistency` (run again on the loaded model)."""
    assert loaded.policy is not None
    scan.cache_clear()  # quotes are scanned once and cached: time a cold run
    start = time.perf_counter()
    check_consistency(loaded.policy, loaded.path, ON, None)
    return time.perf_counter() - start


def witnessed(loaded: Loaded) -> str:
    findings = [d for d in loaded.diagnostics if d.code.startswith("PC4") and d.code != "PC490"]
    with_witness = sum(1 for d in findings if "witness" in d.extra)
    limits = sum(1 for d in loaded.diagnostics if d.code == "PC490")
    return f"{len(findings)} solver findings, {with_witness} with a witness, {limits} PC490"


def cli(runs: int) -> None:
    """Whole `policyc check` processes on the seeds: --no-cache and warm cache, in turns."""
    t = whole_processes(["check", "--on", ON.isoformat(), "--format", "json"], runs)
    old, new, old_cpu, new_cpu = t["uncached"], t["cached"], t["uncached_cpu"], t["cached_cpu"]
    print(f"policyc check, all five seeds (whole process, median of {runs} runs each; wall and CPU seconds):")
    print(f"  --no-cache (parse + full check)  {old:6.3f} s wall  {old_cpu:6.3f} s CPU")
    print(f"  warm cache                       {new:6.3f} s wall  {new_cpu:6.3f} s CPU"
          f"   ({old / new:.1f}x faster wall, {old_cpu / new_cpu:.1f}x CPU; target < 0.3 s wall: "
          f"{'met' if new < 0.3 else 'not met'})")


BASELINE = "4f5361e"  # the version before the checker's scaling work (issue 13, target 3)
CASES = [(f"{n} items", generate, n) for n in SIZES] + [("200 items under one 累计上限", one_cap, 200)]


def write_case(d: Path, make: Callable[[int], tuple[str, str]], n: int) -> Path:
    """The case's policy and source text in ``d`` (with the national policy, its parent)."""
    for f in ("national.policy", "national.txt"):
        shutil.copy(ROOT / "policies" / f, d / f)
    source, policy = make(n)
    (d / f"{policy.split()[1]}.txt").write_text(source, encoding="utf-8")
    path = d / f"{make.__name__}_{n}.policy"
    path.write_text(policy, encoding="utf-8")
    return path


def witnesses_hold(loaded: Loaded) -> tuple[int, int]:
    """(witnesses whose amounts the reference evaluator gives again, evaluating every item of the
    policy from scratch; witnesses)."""
    from compiler.evaluate.evaluator import Evaluator
    from compiler.model.readings import resolve

    assert loaded.policy is not None
    ev = Evaluator(resolve(loaded.policy))
    good = total = 0
    for d in loaded.diagnostics:
        w = d.extra.get("witness")
        if not isinstance(w, dict):
            continue
        total += 1
        profile = dict(w["profile"])
        params = profile.pop("参数", None)
        r = ev.calculate(profile, w["on"], params)
        shown = {i.id: (i.min, i.max) for i in r.items}
        amounts = {k: v for k, v in w["amounts"].items() if k != "total"}
        good += set(amounts) == set(shown) and all(
            _span(lo, hi) == amounts[k] for k, (lo, hi) in shown.items())
    return good, total


def _span(lo: object, hi: object) -> str:
    from compiler.check.solver_witness import span_text

    return span_text(lo, hi)  # type: ignore[arg-type]


def worker(root: str, kind: str, n: int, verify: bool) -> None:
    """One case in this process with the compiler of ``root``; prints one JSON line."""
    sys.path.insert(0, root)
    for name in [m for m in sys.modules if m == "compiler" or m.startswith("compiler.")]:
        del sys.modules[name]
    from compiler.pipeline import load as load_at

    make = {"generate": generate, "one_cap": one_cap}[kind]
    with tempfile.TemporaryDirectory() as tmp:
        path = write_case(Path(tmp), make, n)
        secs, loaded, cpu = timed(functools.partial(load_at, path, ON))
    findings = [d for d in loaded.diagnostics if d.code.startswith("PC4") and d.code != "PC490"]
    out = {"wall": secs, "cpu": cpu, "findings": len(findings),
           "witnessed": sum(1 for d in findings if "witness" in d.extra),
           "limits": sum(1 for d in loaded.diagnostics if d.code == "PC490"),
           "all": len(loaded.diagnostics),
           "key": sorted(f"{d.code}@{d.span.line}:{d.span.column}" for d in loaded.diagnostics
                         if d.code != "PC490")}
    if verify:
        out["valid"], out["total"] = witnesses_hold(loaded)
    print(json.dumps(out))


def in_process(root: Path, kind: str, n: int, timeout: float, verify: bool) -> dict[str, Any] | None:
    """One case as a fresh process with the compiler of ``root`` (None: stopped at ``timeout``)."""
    cmd = [sys.executable, str(Path(__file__).resolve()), "--worker", str(root), kind, str(n)]
    if verify:
        cmd.append("--verify")
    try:
        done = subprocess.run(cmd, capture_output=True, text=True, timeout=timeout, check=True, cwd=ROOT)
    except subprocess.TimeoutExpired:
        return None
    return json.loads(done.stdout.strip().splitlines()[-1])  # type: ignore[no-any-return]


def baseline_tree(rev: str, dest: Path) -> Path | None:
    """The compiler and grammar of ``rev`` extracted into ``dest`` (None: not a revision here)."""
    archive = subprocess.run(["git", "-C", str(ROOT), "archive", rev, "compiler", "grammar"],
                             capture_output=True)
    if archive.returncode != 0:
        return None
    subprocess.run(["tar", "-x", "-C", str(dest)], input=archive.stdout, check=True)
    return dest


def compare(rev: str | None, timeout: float, cases: list[tuple[str, Callable[[int], tuple[str, str]], int]]) -> None:
    """Generated policies and 200 items under one 累计上限, this version beside ``rev``."""
    with tempfile.TemporaryDirectory() as tmp:
        old_root = baseline_tree(rev, Path(tmp)) if rev else None
        if rev and old_root is None:
            print(f"  (baseline {rev} is not a revision of this repository: this version only)")
        label = f"baseline {rev}" if old_root else ""
        print(f"generated policies (fresh process each; CPU seconds, wall in brackets{'; ' + label if label else ''}):")
        base: float | None = None
        base_n = SIZES[0]
        for title, make, n in cases:
            kind = make.__name__
            old = in_process(old_root, kind, n, timeout, False) if old_root else None
            new = in_process(ROOT, kind, n, 10 * timeout, True)
            assert new is not None
            if base is None and make is generate:
                base, base_n = new["cpu"], n
            line = f"  {title:<28} {new['cpu']:6.2f} s CPU ({new['wall']:6.2f} s)"
            if old_root:
                if old is None:
                    line += f"   baseline: stopped after {timeout:.0f} s wall"
                else:
                    same = "same findings" if old["key"] == new["key"] else "FINDINGS DIFFER"
                    line += (f"   baseline {old['cpu']:6.2f} s CPU ({old['wall']:6.2f} s): "
                             f"{old['cpu'] / new['cpu']:.1f}x faster; {same}")
            print(line)
            growth = ""
            if make is generate and base is not None:
                per = n / base_n
                growth = f"growth vs {base_n}: ×{new['cpu'] / base:.1f} for ×{per:.0f} items " \
                         f"(per item ×{new['cpu'] / base / per:.2f}; 1.00 = linear); "
            print(f"{'':31}{growth}{new['findings']} solver findings, {new['witnessed']} with a witness, "
                  f"{new['limits']} PC490; {new['valid']} of {new['total']} witnesses give their amounts "
                  "again over every item")


def main() -> None:
    if len(sys.argv) > 1 and sys.argv[1] == "--worker":
        worker(sys.argv[2], sys.argv[3], int(sys.argv[4]), "--verify" in sys.argv)
        return
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--cli-runs", type=int, default=5)
    ap.add_argument("--baseline", default=BASELINE, help=f"git revision to compare with (default {BASELINE})")
    ap.add_argument("--no-baseline", action="store_true", help="this version only")
    ap.add_argument("--timeout", type=float, default=240.0,
                    help="seconds after which a baseline run is stopped (default 240)")
    ap.add_argument("--no-hostile", action="store_true", help="skip the hostile sizes")
    ap.add_argument("--only", default="cli,seeds,generated,hostile",
                    help="the parts to run, comma-separated (default all: cli,seeds,generated,hostile)")
    ap.add_argument("--sizes", default=",".join(map(str, SIZES)),
                    help=f"generated sizes, comma-separated (default {','.join(map(str, SIZES))})")
    args = ap.parse_args()
    only = set(args.only.split(","))
    sizes = [int(x) for x in args.sizes.split(",")]
    began = time.perf_counter()
    if "cli" in only:
        cli(args.cli_runs)
    if "seeds" in only:
        seeds()
    if "generated" in only:
        cases = [c for c in CASES if c[2] in sizes]
        compare(None if args.no_baseline else args.baseline, args.timeout, cases)
    if "hostile" in only and not args.no_hostile:
        hostile()
    print(f"total {time.perf_counter() - began:.1f} s")


def seeds() -> None:
    total = 0.0
    print("seed policies (full load(): parse, types, quotes, solver, consistency):")
    for name in SEEDS:
        secs, loaded, cpu = timed(functools.partial(load, ROOT / "policies" / f"{name}.policy", ON))
        total += secs
        print(f"  {name:<10} {secs:6.3f} s wall {cpu:6.3f} s CPU   (consistency {consistency_time(loaded):.3f} s; "
              f"{summary(loaded)})")
    print(f"  {'all five':<10} {total:6.3f} s")


def hostile() -> None:
    print("hostile sizes:")
    with tempfile.TemporaryDirectory() as tmp:
        d = Path(tmp)
        cases = [(f"{n} items under one 累计上限", one_cap, n) for n in (25, 50)]
        cases += [(f"分档 of {n} range tiers", range_tiers, n) for n in (400, 800)]
        for label, make, n in cases:
            path = write_case(d, make, n)
            secs, loaded, cpu = timed(functools.partial(load, path, ON))
            print(f"  {label:<28} {secs:6.2f} s wall {cpu:6.2f} s CPU   ({witnessed(loaded)})")


if __name__ == "__main__":
    main()
