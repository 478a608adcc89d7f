"""Calculations per second: generated calculators vs hand-written plain-Python Decimal code;
and the wall time of one whole `policyc calc` process, cached vs uncached.

    .venv/bin/python benchmarks/calc.py [--profiles 3000] [--repeat 5] [--cli-runs 7] [--no-cli]

The baseline is a hand-written, one-at-a-time implementation of the same articles of 昆明 and
咸宁 (validation included, traces left out): the practical ceiling for plain Python. Both run
in this process on the same profiles; before timing, the baseline's numbers are checked
against the generated module's for every profile, so that both compute the same thing.
Printed: calculations per second of each, and the ratio generated / hand-written.

The command-line part starts `policyc calc kunming …` as a new process again and again, the
two ways taking turns (so that a change in the machine's load affects both alike), and prints
the median wall time of each and their ratio:

* ``--no-cache``: the parser is built from the grammar and the policy parsed and checked
  (z3 included) before anything is calculated: the path every call took before the cache;
* cached: the checked model is read from the cache (compiler/cache.py), which the first,
  uncounted run fills; the checker, Lark and z3 are never imported.
"""

from __future__ import annotations

import argparse
import datetime as dt
import importlib.util
import json
import math
import os
import random
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Mapping
from decimal import ROUND_DOWN, Decimal
from pathlib import Path
from types import ModuleType
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
FEN = Decimal("0.01")
ZERO = Decimal(0)
INF = Decimal("Infinity")
HALF = Decimal("0.5")
BOOL_FACTS = {
    "in_pilot_scope", "acceptance_passed", "lighthouse", "digital_workshop_title",
    "chain_transformation_award", "serious_dishonesty_3y", "little_giant_central_funded",
    "in_2022_pilot", "pilot_ended_unaccepted", "evaluation_agency", "chain_demo_enterprise",
    "provincial_demo_title", "typical_case_title", "platform_builder", "training_provider",
}
MONEY_FACTS = {"spend_software_cloud", "spend_data_equipment", "spend_consulting"}
Numbers = tuple[Decimal, Decimal | None, dict[str, tuple[Decimal | None, Decimal | None]],
                dict[str, Decimal]]


def fen(x: Decimal) -> Decimal:
    return x.quantize(FEN, rounding=ROUND_DOWN)


def _money(v: object) -> Decimal:
    if isinstance(v, bool) or not isinstance(v, int | str | Decimal | float):
        raise ValueError("money")
    if isinstance(v, float) and not math.isfinite(v):
        raise ValueError("money")
    d = Decimal(v) if not isinstance(v, float) else Decimal(repr(v))
    if not d.is_finite() or d < 0 or d != d.quantize(FEN):
        raise ValueError("money")
    return d


def _validate(p: Mapping[str, object], known: set[str]) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for k, v in p.items():
        if k not in known:
            raise ValueError(k)
        if k in MONEY_FACTS:
            out[k] = _money(v)
        elif k in BOOL_FACTS:
            if not isinstance(v, bool):
                raise ValueError(k)
            out[k] = v
        elif k in ("digital_level", "accepted_enterprises_served"):
            if isinstance(v, bool) or not isinstance(v, int) or v < 0 or (k == "digital_level" and v > 4):
                raise ValueError(k)
            out[k] = v
        else:
            out[k] = v
    if "applicant_type" not in out:
        raise ValueError("applicant_type")
    return out


KUNMING_FACTS = BOOL_FACTS | MONEY_FACTS | {"applicant_type", "industry", "digital_level"}
KUNMING_INDUSTRIES = {"化学新材料制品制造", "民族药品制品制造", "化学药品制造", "高原特色电力装备制造",
                      "绿色食品制品制造"}


def kunming_by_hand(profile: Mapping[str, object], on: dt.date) -> Numbers:
    f = _validate(profile, KUNMING_FACTS)
    g = f.get
    if on < dt.date(2023, 6, 12) or on > dt.date(2026, 12, 31):  # 第二十六条, 第二十七条
        return ZERO, ZERO, {}, {}
    if (g("little_giant_central_funded") or g("in_2022_pilot") or g("serious_dishonesty_3y")
            or g("pilot_ended_unaccepted")):  # 第九条
        return ZERO, ZERO, {}, {}
    items: dict[str, tuple[Decimal | None, Decimal | None]] = {}
    order: list[tuple[str, Decimal, Decimal]] = []
    sw, eq, co = g("spend_software_cloud", ZERO), g("spend_data_equipment", ZERO), g("spend_consulting", ZERO)
    if g("applicant_type") == "enterprise":
        level = g("digital_level", 0)
        pilot_done = g("in_pilot_scope") and g("acceptance_passed")
        if pilot_done and level >= 2:  # 第七条第（一）项
            top = Decimal(200000 if level == 2 else 400000 if level == 3 else 500000)
            a = fen(min(HALF * (sw + eq), top))
            items["reform_subsidy"] = (a, a)
            order.append(("reform_subsidy", a, a))
        if g("lighthouse"):  # 第七条第（二）项
            a = Decimal(200000)
            items["lighthouse_award"] = (a, a)
            order.append(("lighthouse_award", a, a))
        if g("digital_workshop_title") and g("industry") in KUNMING_INDUSTRIES:  # （三）
            items["workshop_award"] = (ZERO, Decimal(1000000))
            order.append(("workshop_award", ZERO, Decimal(1000000)))
        if g("chain_transformation_award"):  # （四）
            items["chain_award"] = (ZERO, Decimal(1000000))
            order.append(("chain_award", ZERO, Decimal(1000000)))
        if pilot_done:  # （五） 适当补助: undetermined
            items["diagnosis_subsidy"] = (None, None)
            order.append(("diagnosis_subsidy", ZERO, INF))
        limit = fen(HALF * (sw + eq + co))  # 第十条
        rem_lo = rem_hi = limit
        capped = []
        for name, lo, hi in order:
            lo, hi = min(lo, max(rem_lo, ZERO)), min(hi, max(rem_hi, ZERO))
            rem_lo -= lo
            rem_hi -= hi
            capped.append((name, lo, hi))
    else:
        capped = []
        if g("applicant_type") == "service_provider" and g("evaluation_agency"):
            items["evaluation_subsidy"] = (None, None)
            capped.append(("evaluation_subsidy", ZERO, INF))
    total_lo = sum((lo for _, lo, _ in capped), ZERO)
    total_hi = sum((hi for _, _, hi in capped), ZERO)
    determined = sum((hi for name, _, hi in capped if items[name][0] is not None), ZERO)
    funding = {"unspecified": determined} if determined else {}
    return total_lo, (total_hi if total_hi.is_finite() else None), items, funding


XIANNING_FACTS = BOOL_FACTS | MONEY_FACTS | {"applicant_type", "industry", "digital_level",
                                              "accepted_enterprises_served"}
XIANNING_INDUSTRIES = {"装备制造", "电子信息", "纺织服装", "新型建材", "生物医药"}


def xianning_by_hand(profile: Mapping[str, object], on: dt.date) -> Numbers:
    f = _validate(profile, XIANNING_FACTS)
    g = f.get
    if on < dt.date(2025, 5, 20):
        return ZERO, ZERO, {}, {}
    if g("little_giant_central_funded") or g("in_2022_pilot"):  # 第五条
        return ZERO, ZERO, {}, {}
    items: dict[str, tuple[Decimal | None, Decimal | None]] = {}
    funding: dict[str, Decimal] = {}

    def pay(name: str, lo: Decimal, hi: Decimal, split: dict[str, Decimal]) -> None:
        items[name] = (lo, hi)
        for k, v in split.items():
            funding[k] = funding.get(k, ZERO) + v

    kind = g("applicant_type")
    if kind == "enterprise":
        if (g("digital_level", 0) >= 2 and g("acceptance_passed")
                and g("industry") in XIANNING_INDUSTRIES):  # 第六条第（一）项
            a = fen(min(Decimal("0.6") * (g("spend_software_cloud", ZERO) + g("spend_data_equipment", ZERO)),
                        Decimal(150000)))
            pay("reform_subsidy", a, a, {"province": a})
        if g("chain_demo_enterprise"):  # （二） 市、县各 50%
            pay("chain_demo_award", Decimal(1000000), Decimal(1000000),
                {"city": Decimal(500000), "county": Decimal(500000)})
        if g("provincial_demo_title"):  # （三） payers conflict with 第十四条
            pay("provincial_demo_award", Decimal(200000), Decimal(200000), {"unspecified": Decimal(200000)})
        if g("typical_case_title"):
            pay("typical_case_award", Decimal(50000), Decimal(50000), {"unspecified": Decimal(50000)})
    elif kind == "service_provider":
        if g("platform_builder"):  # （四）
            pay("platform_service", ZERO, Decimal(200000), {"province": Decimal(200000)})
        if g("training_provider"):  # （五）
            pay("training_service", ZERO, Decimal(100000), {"city": Decimal(100000)})
        n_served = g("accepted_enterprises_served", 0)
        if n_served >= 1:  # （六）
            hi = Decimal(5000) * n_served
            pay("diagnosis_service", ZERO, hi, {"province": hi})
        if g("evaluation_agency"):  # （八）
            pay("evaluation_service", ZERO, Decimal(1200000), {"province": Decimal(1200000)})
    lo = sum((a for a, _ in items.values() if a is not None), ZERO)
    hi = sum((b for _, b in items.values() if b is not None), ZERO)
    return lo, hi, items, {k: v for k, v in funding.items() if v}


def profiles(n: int, seed: int, industries: list[str]) -> list[dict[str, object]]:
    rnd = random.Random(seed)
    out: list[dict[str, object]] = []
    for _ in range(n):
        p: dict[str, object] = {"applicant_type": rnd.choice(["enterprise"] * 4 + ["service_provider"])}
        for b in ("in_pilot_scope", "acceptance_passed", "lighthouse", "chain_transformation_award",
                  "digital_workshop_title", "chain_demo_enterprise", "provincial_demo_title",
                  "typical_case_title"):
            p[b] = rnd.random() < 0.6
        p["little_giant_central_funded"] = rnd.random() < 0.05
        p["digital_level"] = rnd.randint(0, 4)
        p["industry"] = rnd.choice(industries)
        for m in ("spend_software_cloud", "spend_data_equipment", "spend_consulting"):
            p[m] = rnd.choice([0, 100000, 333333, 400000, 1200000, rnd.randint(0, 2000000)])
        out.append(p)
    return out


def numbers_of(result: Any) -> Numbers:
    items = {i.id: (i.min, i.max) for i in result.items}
    return result.total_min, result.total_max, items, dict(result.funding)


def load_module(name: str, generated: Path = ROOT / "generated") -> ModuleType:
    path = generated / "python" / f"{name}.py"
    spec = importlib.util.spec_from_file_location(f"bench_{name}", path)
    assert spec and spec.loader
    mod = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = mod
    spec.loader.exec_module(mod)
    return mod


def rate(fn: Callable[[dict[str, object], dt.date], object], data: list[dict[str, object]],
         on: dt.date, repeat: int) -> float:
    best = math.inf
    for _ in range(repeat):
        t = time.perf_counter()
        for p in data:
            fn(p, on)
        best = min(best, time.perf_counter() - t)
    return len(data) / best


CLI_PROFILE = {"applicant_type": "enterprise", "in_pilot_scope": True, "acceptance_passed": True,
               "digital_level": 4, "spend_software_cloud": 1200000, "lighthouse": True}


def cli(runs: int) -> None:
    """Median wall seconds of whole `policyc calc` processes, uncached and cached, in turns."""
    exe = Path(sys.executable).with_name("policyc")
    with tempfile.TemporaryDirectory() as tmp:
        profile = Path(tmp) / "profile.json"
        profile.write_text(json.dumps(CLI_PROFILE), encoding="utf-8")
        env = {**os.environ, "POLICYC_CACHE_DIR": str(Path(tmp) / "cache")}
        env.pop("POLICYC_NO_CACHE", None)
        args = ["calc", "kunming", "--input", str(profile), "--on", "2025-08-01", "--format", "json"]
        commands = {"uncached": [str(exe), "--no-cache", *args], "cached": [str(exe), *args]}
        cpu: dict[bool, list[float]] = {True: [], False: []}  # CPU seconds, by "uncached"

        def once(cmd: list[str]) -> tuple[float, str]:
            before = resource.getrusage(resource.RUSAGE_CHILDREN)
            start = time.perf_counter()
            done = subprocess.run(cmd, env=env, capture_output=True, text=True, check=True, cwd=ROOT)
            wall = time.perf_counter() - start
            after = resource.getrusage(resource.RUSAGE_CHILDREN)
            cpu[cmd[1] == "--no-cache"].append(after.ru_utime + after.ru_stime
                                               - before.ru_utime - before.ru_stime)
            return wall, done.stdout

        first, want = once(commands["cached"])  # fills the cache (not counted)
        times: dict[str, list[float]] = {k: [] for k in commands}
        for _ in range(runs):
            for name, cmd in commands.items():
                secs, out = once(cmd)
                if out != want:
                    raise SystemExit(f"`policyc calc` {name} printed something else than the first run")
                times[name].append(secs)
    old, new = statistics.median(times["uncached"]), statistics.median(times["cached"])
    old_cpu, new_cpu = statistics.median(cpu[True]), statistics.median(cpu[False][1:])
    print(f"\npolicyc calc kunming (whole process, median of {runs} runs each; wall and CPU seconds):")
    print(f"  --no-cache (parser build + full check)  {old:6.3f} s wall  {old_cpu:6.3f} s CPU")
    print(f"  cached checked model                     {new:6.3f} s wall  {new_cpu:6.3f} s CPU"
          f"   ({old / new:.1f}x faster wall, {old_cpu / new_cpu:.1f}x CPU)")
    print(f"  first run, empty cache                   {first:6.3f} s wall")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--profiles", type=int, default=3000)
    ap.add_argument("--repeat", type=int, default=5)
    ap.add_argument("--generated", type=Path, default=ROOT / "generated",
                    help="the build output to measure (default: generated/)")
    ap.add_argument("--cli-runs", type=int, default=7, help="process runs of each kind (default 7)")
    ap.add_argument("--no-cli", action="store_true", help="skip the whole-process `policyc calc` timing")
    args = ap.parse_args()
    on = dt.date(2025, 8, 1)
    cases = [
        ("kunming", kunming_by_hand, [*sorted(KUNMING_INDUSTRIES), "其他"]),
        ("xianning", xianning_by_hand, [*sorted(XIANNING_INDUSTRIES), "其他"]),
    ]
    print(f"{'policy':<10} {'generated /s':>14} {'hand-written /s':>16} {'ratio':>7}")
    for name, by_hand, industries in cases:
        mod = load_module(name, args.generated)
        data = profiles(args.profiles, seed=7, industries=industries)
        for p in data:  # same numbers before timing
            want = numbers_of(mod.calculate(p, on))
            got = by_hand(p, on)
            if got != want:
                raise SystemExit(f"{name}: hand-written and generated disagree on {p}:\n{got}\n{want}")
        gen = rate(mod.calculate, data, on, args.repeat)
        hand = rate(by_hand, data, on, args.repeat)
        print(f"{name:<10} {gen:>14,.0f} {hand:>16,.0f} {gen / hand:>7.2f}")
    if not args.no_cli:
        cli(args.cli_runs)


if __name__ == "__main__":
    main()
