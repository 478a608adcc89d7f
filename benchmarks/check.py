"""Time ``policyc check``: whole processes on the seeds, and the full pipeline (parse, types,
quotes, solver, consistency) on generated and hostile policies.

1. ``policyc check`` on the five seeds as a whole process, ``--no-cache`` (parse and check
   everything, the only path before the cache) and with a warm cache, taking turns; medians
   and their ratio.
2. Every seed policy through ``load()`` (no cache), with the share of the consistency checks.
3. Generated policies of 50, 100, 200 and 500 items (each with three capped tiers, a funding
   line with its own 依据 quote and a condition on its own fact; one cross-item 累计上限 per
   five items), quoting a generated source text: each time, its growth relative to the 50-item
   run and the growth per item (1.0 = linear), and how many findings carry a witness.
4. Hostile sizes: 25 and 50 items under one 累计上限; a 分档 of 400 and of 800 range
   tiers. Past a documented limit the checker reports PC490 (counted here) instead of working
   without bound.

    .venv/bin/python benchmarks/check.py [--cli-runs 5] [--no-hostile]
"""

from __future__ import annotations

import argparse
import datetime as dt
import functools
import shutil
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

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
BUDGET = 600.0  # seconds: sizes whose projected time would exceed it are skipped, not run
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
          f"   ({old / new:.1f}x faster wall, {old_cpu / new_cpu:.1f}x CPU)")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--cli-runs", type=int, default=5)
    ap.add_argument("--no-hostile", action="store_true", help="skip the hostile sizes")
    args = ap.parse_args()
    began = time.perf_counter()
    cli(args.cli_runs)
    total = 0.0
    print("seed policies (full load(): parse, types, quotes, solver, consistency):")
    for name in SEEDS:
        secs, loaded, cpu = timed(functools.partial(load, ROOT / "policies" / f"{name}.policy", ON))
        total += secs
        print(f"  {name:<10} {secs:6.3f} s wall {cpu:6.3f} s CPU   (consistency {consistency_time(loaded):.3f} s; "
              f"{summary(loaded)})")
    print(f"  {'all five':<10} {total:6.3f} s")
    print("generated policies:")
    base: tuple[float, float] | None = None
    last: tuple[int, float] | None = None
    with tempfile.TemporaryDirectory() as tmp:
        d = Path(tmp)
        for f in ("national.policy", "national.txt"):
            shutil.copy(ROOT / "policies" / f, d / f)
        for n in SIZES:
            elapsed = time.perf_counter() - began
            if last is not None and elapsed + last[1] * n / last[0] > BUDGET:
                print(f"  {n:>3} items: skipped — about {last[1] * n / last[0]:.0f} s projected, "
                      f"over the {BUDGET:.0f} s budget")
                continue
            source, policy = generate(n)
            (d / f"generated_{n}.txt").write_text(source, encoding="utf-8")
            path = d / f"generated_{n}.policy"
            path.write_text(policy, encoding="utf-8")
            secs, loaded, cpu = timed(functools.partial(load, path, ON))
            blocking = [x for x in loaded.diagnostics
                        if x.code in ("PC000", "PC001", "PC110", "PC201", "PC301")]
            if blocking or loaded.policy is None:
                print(f"  {n} items: the generated policy is broken: "
                      f"{blocking[0].message if blocking else 'no model'}")
                continue
            base = base if base is not None else (secs, cpu)
            last = (n, secs)
            grow, grow_cpu = secs / base[0], cpu / base[1]
            per = n / SIZES[0]
            print(f"  {n:>3} items: {secs:6.2f} s wall {cpu:6.2f} s CPU   growth vs {SIZES[0]}: "
                  f"×{grow:.1f} wall, ×{grow_cpu:.1f} CPU for ×{per:.0f} items "
                  f"(per item ×{grow / per:.2f} wall, ×{grow_cpu / per:.2f} CPU; 1.00 = linear)"
                  f"\n             (consistency {consistency_time(loaded):.3f} s; {summary(loaded)}; "
                  f"{witnessed(loaded)})")
        if not args.no_hostile:
            print("hostile sizes:")
            # 200 items under one 累计上限 does not finish in bounded time (README: Benchmarks)
            cases = [(f"{n} items under one 累计上限", one_cap, n) for n in (25, 50)]
            cases += [(f"分档 of {n} range tiers", range_tiers, n) for n in (400, 800)]
            for label, make, n in cases:
                source, policy = make(n)
                stem = f"{make.__name__}_{n}"
                (d / f"{policy.split()[1]}.txt").write_text(source, encoding="utf-8")
                path = d / f"{stem}.policy"
                path.write_text(policy, encoding="utf-8")
                secs, loaded, cpu = timed(functools.partial(load, path, ON))
                print(f"  {label:<28} {secs:6.2f} s wall {cpu:6.2f} s CPU   ({witnessed(loaded)})")
    print(f"total {time.perf_counter() - began:.1f} s")


if __name__ == "__main__":
    main()
