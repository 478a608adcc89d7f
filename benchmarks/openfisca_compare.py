"""OpenFisca beside the DuckDB simulation, on the same rules, population and machine, in one run.

    make bench-openfisca                      # its own venv: benchmarks/openfisca/requirements.txt
    benchmarks/openfisca/.venv/bin/python benchmarks/openfisca_compare.py [--profiles 1000000]
        [--sample 20000] [--seed 1] [--repeat 5]

One synthetic population (``policyc population``'s generator, seeded) is given to:

* OpenFisca (``benchmarks/openfisca/system.py``), the batch way: one simulation of N applicants
  (``SimulationBuilder.build_default_simulation``), each input set as one numpy array
  (``set_input``), then the outputs calculated. Timed: the calculation only; building the
  simulation and setting the inputs are shown apart, converting the population's Python lists
  to arrays is not timed. Two systems — (i) a two-rule model like the one issue 11's ~10 M/s
  OpenFisca figure was measured on, (ii) 昆明 as policies/kunming.policy encodes it — each with
  money as OpenFisca's float32 (its default), float64, and int64 fen (see system.py);
* the DuckDB simulation of 昆明 as ``benchmarks/simulate.py`` runs it (the population loaded
  and typed once, then ``report()`` over ``policy_views``: the whole ``policyc simulate`` report),
  and its per-applicant results table (``typed_query``), the closer match to OpenFisca's
  per-applicant arrays.

Rates are profiles per second of wall clock and per CPU-second (all threads: DuckDB runs on
every core, OpenFisca's numpy on one): the median of ``--repeat`` runs after a first run, which
is shown apart (in a fresh process numpy's new arrays page-fault until the allocator has grown
its heap: OpenFisca's first simulation of a million profiles can be several times slower than
the next ones; the last simulation is collected before each run).

Exactness, to the fen: first, OpenFisca's 昆明 (int64 fen) on four of kunming.policy's 测试,
worked out by hand (the run stops on a difference); then, in each kind of money, OpenFisca's
昆明 against the DuckDB results table on every profile (each item after the 第十条 cap, the
totals, funding and payment stages), against the generated calculator
(``generated/python/kunming.py``) on the first ``--sample`` profiles, and again with the
policy's own facts (absent from the population) drawn at random, on three dates; the two-rule
model against a ``Decimal`` reference on the sample.
"""

from __future__ import annotations

import argparse
import datetime as dt
import gc
import statistics
import sys
import tempfile
import time
from decimal import ROUND_DOWN, Decimal
from pathlib import Path
from typing import Any

import numpy as np
from openfisca_core.simulations import SimulationBuilder

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

import simulate as bench  # noqa: E402  (benchmarks/simulate.py: its date, calculator loader, profiles)
from openfisca.system import (  # noqa: E402
    KUNMING_BOOL_INPUTS,
    KUNMING_ENUM_INPUTS,
    KUNMING_INT_INPUTS,
    KUNMING_ITEMS,
    KUNMING_MONEY_INPUTS,
    KUNMING_OUTPUTS,
    MODES,
    READINGS,
    TWO_RULE_BOOL_INPUTS,
    TWO_RULE_MONEY_INPUTS,
    TWO_RULE_OUTPUTS,
    Money,
    applicant_codes,
    industry_codes,
    kunming,
    two_rule,
)

from compiler.lowered import lower  # noqa: E402
from compiler.pipeline import load_named  # noqa: E402
from compiler.simulate.engine import (  # noqa: E402
    load_population,
    policy_views,
    report_views,
    sql_backend,
    type_population,
)
from compiler.simulate.population import write  # noqa: E402

ON = bench.ON
PERIOD = ON.strftime("%Y-%m")  # OpenFisca's month; 昆明's validity is read on its first day (ON)
FEN = Decimal("0.01")


def _arrays(cols: dict[str, list[Any]]) -> dict[str, Any]:
    """The population as numpy arrays: booleans, whole yuan as int64, the Enums' indices (an absent
    column: every value absent, i.e. False, 0, not listed)."""
    n = len(cols["row_id"])

    def column(name: str) -> list[Any]:
        return cols.get(name) or [None] * n

    out: dict[str, Any] = {}
    for name in {*KUNMING_BOOL_INPUTS, *TWO_RULE_BOOL_INPUTS}:
        out[name] = np.array([bool(x) for x in column(name)], dtype=bool)
    for name in {*KUNMING_MONEY_INPUTS, *TWO_RULE_MONEY_INPUTS}:
        out[name] = np.array([0 if x is None else int(x) for x in column(name)], dtype=np.int64)
    out["digital_level"] = np.array([0 if x is None else x for x in column("digital_level")], dtype=np.int32)
    out["applicant_type"] = applicant_codes(column("applicant_type"))
    out["industry"] = industry_codes(column("industry"))
    return out


class Run:
    """One system's timings (seconds): its first run in this process (the allocator still cold:
    numpy's fresh arrays page-fault), then ``--repeat`` runs; and its last outputs."""

    def __init__(self) -> None:
        self.first = 0.0
        self.build: list[float] = []
        self.inputs: list[float] = []
        self.wall: list[float] = []
        self.cpu: list[float] = []
        self.out: dict[str, Any] = {}

    def add(self, wall: float, cpu: float) -> None:
        if not self.first:
            self.first = wall
        else:
            self.wall.append(wall)
            self.cpu.append(cpu)


def _openfisca(system: Any, money: Money, arrays: dict[str, Any], inputs: list[str], outputs: tuple[str, ...],
               n: int, repeat: int) -> Run:
    run = Run()
    for _ in range(repeat + 1):
        run.out = {}
        gc.collect()  # the last simulation (its populations and holders refer to each other) and outputs
        t = time.perf_counter()
        sim = SimulationBuilder().build_default_simulation(system, count=n)
        run.build.append(time.perf_counter() - t)
        t = time.perf_counter()
        for name in inputs:
            value = arrays[name]
            sim.set_input(name, PERIOD, money.from_yuan(value) if name in KUNMING_MONEY_INPUTS or
                          name in TWO_RULE_MONEY_INPUTS else value)
        run.inputs.append(time.perf_counter() - t)
        t, c = time.perf_counter(), time.process_time()
        out = {name: sim.calculate(name, PERIOD) for name in outputs}
        run.add(time.perf_counter() - t, time.process_time() - c)
        run.out = out
        del sim, out
    return run


def _fen(x: Decimal | None) -> int | None:
    return None if x is None else int((x * 100).to_integral_value(ROUND_DOWN))


def _two_rule_reference(p: dict[str, Any]) -> int:
    """The two-rule model by hand, in Decimal, as fen."""
    total = Decimal(0)
    if p.get("in_pilot_scope") and p.get("acceptance_passed"):
        rate = (Decimal("0.3") * Decimal(p.get("spend_software_cloud", 0))).quantize(FEN, ROUND_DOWN)
        total += min(rate, Decimal(200_000))
    if p.get("lighthouse"):
        total += Decimal(100_000)
    return int(total * 100)


def _calculator_fen(results: list[Any]) -> dict[str, Any]:
    """The generated calculator's totals and 第十七条 stages as fen (-1: no highest total)."""
    out: dict[str, list[int]] = {"kunming_total_max": [], "kunming_total_min": [], "kunming_pay_1_max": [],
                                 "kunming_pay_2_max": []}
    for r in results:
        top = _fen(r.total_max)
        out["kunming_total_max"].append(-1 if top is None else top)
        out["kunming_total_min"].append(_fen(r.total_min) or 0)
        stages = {p.stage: _fen(p.max) or 0 for p in r.payments}
        out["kunming_pay_1_max"].append(stages.get("评测验收后", 0))
        out["kunming_pay_2_max"].append(stages.get("全市试点工作总体验收后", 0))
    return {k: np.array(v, dtype=np.int64) for k, v in out.items()}


def _against(out: dict[str, Any], money: Money, want: dict[str, Any]) -> list[int]:
    """Profiles where OpenFisca's outputs differ from ``want`` (fen), per output of ``want``."""
    und = out["kunming_total_undetermined"]
    counts = []
    for key, expected in want.items():
        got = money.to_fen(out[key])
        if key == "kunming_total_max":
            counts.append(_mismatches(und, expected < 0) + _mismatches(got[~und], expected[~und]))
        else:
            counts.append(_mismatches(got, expected))
    return counts


def _edges(sample: list[dict[str, Any]], mod: Any, moneys: dict[str, Money], seed: int) -> None:
    """The paths the synthetic population never takes: the policy's own facts (第九条第（三）项、第十四条、
    第二十三条 exclusions, 第七条第（六）项's evaluation_agency), drawn at random, and dates outside
    the validity period (第二十六条, 第二十七条)."""
    import random

    rng = random.Random(seed)
    profiles = []
    for p in sample:
        q = dict(p)
        for fact in ("pilot_ended_unaccepted", "pilot_suspended", "falsified_application_3y"):
            if rng.random() < 0.03:
                q[fact] = True
        if rng.random() < (0.5 if q.get("applicant_type") == "service_provider" else 0.05):
            q["evaluation_agency"] = True
        profiles.append(q)
    names = {k for q in profiles for k in q}
    cols = {k: [q.get(k) for q in profiles] for k in names}
    cols["row_id"] = list(range(len(profiles)))
    arrays = _arrays(cols)
    km_inputs = [*KUNMING_BOOL_INPUTS, *KUNMING_MONEY_INPUTS, *KUNMING_INT_INPUTS, *KUNMING_ENUM_INPUTS]
    print(f"exactness: the same {len(profiles):,} profiles with the policy's own facts drawn at random (exclusions "
          "3% each, evaluation_agency 50% of service providers), against the generated calculator "
          "(total_max / total_min / 评测验收后 / 全市试点工作总体验收后):")
    for on in (ON, dt.date(2027, 1, 1), dt.date(2023, 6, 1)):
        want = _calculator_fen([mod.calculate(q, on) for q in profiles])
        line = []
        for mode, money in moneys.items():
            sim = SimulationBuilder().build_default_simulation(kunming(money), count=len(profiles))
            for name in km_inputs:
                value = arrays[name]
                sim.set_input(name, on.strftime("%Y-%m"), money.from_yuan(value) if name in KUNMING_MONEY_INPUTS
                              else value)
            out = {k: sim.calculate(k, on.strftime("%Y-%m")) for k in [*want, "kunming_total_undetermined"]}
            line.append(f"{mode} " + "/".join(f"{x:,}" for x in _against(out, money, want)))
        top = want["kunming_total_max"]
        print(f"  {on}: " + "; ".join(line)
              + f"   (undetermined total: {np.count_nonzero(top < 0):,}, above 0: {np.count_nonzero(top > 0):,})")


# Four of policies/kunming.policy's own 测试 (their figures worked out by hand from the articles)
# on 2025-08-01, in yuan: (profile, total_min, total_max, 评测验收后 max, 全市试点工作总体验收后 max).
HAND_CASES: tuple[tuple[dict[str, Any], int, int, int, int], ...] = (
    # 第七条第（一）项 四级: 0 至 50% × 1,200,000 封顶 500,000; 第（二）项 200,000; 第十条 50% × 1,200,000 =
    # 600,000 keeps 200,000 for 小灯塔 and leaves 400,000 for 改造补助; 第十七条 70% × 400,000 = 280,000
    ({"applicant_type": "enterprise", "is_sme": True, "in_pilot_scope": True, "acceptance_passed": True,
      "digital_level": 4, "spend_software_cloud": 1_200_000, "lighthouse": True}, 200_000, 600_000, 280_000, 400_000),
    # 二级: 50% × 600,000 = 300,000 封顶 200,000; 第（五）项 未定 takes the rest of 第十条's 50% × 700,000
    ({"applicant_type": "enterprise", "is_sme": True, "in_pilot_scope": True, "acceptance_passed": True,
      "digital_level": 2, "spend_software_cloud": 600_000, "spend_consulting": 100_000}, 0, 350_000, 140_000, 200_000),
    # 第（三）项、第（四）项 不超过 100 万元 each (化学药品制造 is listed in 第六条), 第十条 50% × 800,000
    ({"applicant_type": "enterprise", "industry": "化学药品制造", "is_sme": True, "digital_workshop_title": True,
      "chain_transformation_award": True, "spend_consulting": 800_000}, 0, 400_000, 0, 0),
    # 汽车制造 is not listed: nothing under the adopted reading `limited`, 0 至 400,000 under `any_industry`;
    # the result spans both readings
    ({"applicant_type": "enterprise", "industry": "汽车制造", "is_sme": True, "digital_workshop_title": True,
      "chain_transformation_award": True, "spend_consulting": 800_000}, 0, 400_000, 0, 0),
)


def _hand_check() -> None:
    """OpenFisca's 昆明 (integer fen) on :data:`HAND_CASES`; stops the run on any difference."""
    money = Money("int64")
    names = {k for case in HAND_CASES for k in case[0]} | {"row_id"}
    cols = {k: [case[0].get(k) if k != "row_id" else i for i, case in enumerate(HAND_CASES)] for k in names}
    arrays = _arrays(cols)
    sim = SimulationBuilder().build_default_simulation(kunming(money), count=len(HAND_CASES))
    for name in [*KUNMING_BOOL_INPUTS, *KUNMING_MONEY_INPUTS, *KUNMING_INT_INPUTS, *KUNMING_ENUM_INPUTS]:
        sim.set_input(name, PERIOD, money.from_yuan(arrays[name]) if name in KUNMING_MONEY_INPUTS else arrays[name])
    keys = ("kunming_total_min", "kunming_total_max", "kunming_pay_1_max", "kunming_pay_2_max")
    got = [[int(sim.calculate(k, PERIOD)[i]) // 100 for k in keys] for i in range(len(HAND_CASES))]
    want = [list(case[1:]) for case in HAND_CASES]
    if got != want:
        raise SystemExit(f"OpenFisca's 昆明 differs from the policy's worked cases: {got} != {want}")
    print(f"OpenFisca's 昆明 (int64 fen) gives the {len(HAND_CASES)} cases worked out by hand in kunming.policy's 测试")


def _mismatches(got: Any, want: Any) -> int:
    return int(np.count_nonzero(got != want))


def _rate(n: int, seconds: list[float]) -> float:
    return n / statistics.median(seconds)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--profiles", type=int, default=1_000_000)
    ap.add_argument("--sample", type=int, default=20_000)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--repeat", type=int, default=5)
    args = ap.parse_args()
    if min(args.profiles, args.sample, args.repeat) < 1:
        ap.error("--profiles, --sample and --repeat must be at least 1")
    n, repeat = args.profiles, args.repeat
    import duckdb

    t = time.perf_counter()
    cols = bench.generate(n, args.seed)
    gen_s = time.perf_counter() - t
    t = time.perf_counter()
    arrays = _arrays(cols)
    conv_s = time.perf_counter() - t
    print(f"population: {n:,} synthetic profiles (seed {args.seed}), generated in {gen_s:.1f} s, as numpy arrays "
          f"in {conv_s:.1f} s (not timed); date {ON}; OpenFisca-Core {_version('OpenFisca-Core')}, "
          f"numpy {np.__version__}, DuckDB {duckdb.__version__}")

    # -- OpenFisca ------------------------------------------------------------------------------
    _hand_check()
    two_inputs = [*TWO_RULE_BOOL_INPUTS, *TWO_RULE_MONEY_INPUTS]
    km_inputs = [*KUNMING_BOOL_INPUTS, *KUNMING_MONEY_INPUTS, *KUNMING_INT_INPUTS, *KUNMING_ENUM_INPUTS]
    runs: dict[tuple[str, str], Run] = {}
    moneys = {mode: Money(mode) for mode in MODES}
    for mode, money in moneys.items():
        runs[("two-rule", mode)] = _openfisca(two_rule(money), money, arrays, two_inputs, TWO_RULE_OUTPUTS, n, repeat)
        runs[("昆明", mode)] = _openfisca(kunming(money), money, arrays, km_inputs,
                                        (*KUNMING_OUTPUTS, *(f"kunming_total_max_{r}" for r in READINGS)), n, repeat)
        for name, value in runs[("昆明", mode)].out.items():
            if name in KUNMING_OUTPUTS and value.dtype not in (money.dtype, np.bool_):
                raise SystemExit(f"{name} is {value.dtype}, not {money.dtype}")

    # -- DuckDB (as benchmarks/simulate.py) ---------------------------------------------------
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "population.parquet"
        write(cols, path, "parquet")
        con = duckdb.connect()
        load_population(con, path)
    (threads,) = con.execute("select current_setting('threads')").fetchone()
    sql = sql_backend()
    loaded = load_named("kunming")
    assert loaded.policy is not None
    form = lower(loaded.policy)
    bits = type_population(con, sql, [form])
    assert bits is not None
    text = (bench.ROOT / "policies" / "kunming.txt").read_text("utf-8")
    views = policy_views(con, sql, form, ON, bits)
    typed_sql = sql.typed_query(form, bits, ON, "duckdb", "population_typed")
    duck_sim, duck_res = Run(), Run()
    rep: dict[str, Any] = {}
    for i in range(repeat + 1):
        t, c = time.perf_counter(), time.process_time()
        rep = report_views(con, sql, views, form, text, None)
        duck_sim.add(time.perf_counter() - t, time.process_time() - c)
        t, c = time.perf_counter(), time.process_time()
        con.sql(typed_sql).create(f"results_{i}")
        duck_res.add(time.perf_counter() - t, time.process_time() - c)
        if i:
            con.execute(f"DROP TABLE results_{i}")

    # -- speed ----------------------------------------------------------------------------------
    print(f"\nprofiles/s: median of {repeat} runs after a first one (wall: range; per CPU-second, all threads), "
          "the first run, and\nOpenFisca's median with its set-up (building the simulation and set_input: seconds)")
    print(f"{'':<38} {'wall':>12} {'(range)':>25} {'/CPU-second':>12} {'first run':>12} {'with set-up':>12}")
    rows: list[tuple[str, float, float]] = []

    def line(label: str, run: Run, setup: str = "") -> None:
        w, c = _rate(n, run.wall), _rate(n, run.cpu)
        rows.append((label, w, c))
        spread = f"{n / max(run.wall):,.0f}–{n / min(run.wall):,.0f}"
        print(f"{label:<38} {w:>12,.0f} {spread:>25} {c:>12,.0f} {n / run.first:>12,.0f}{setup}")

    for (model, mode), run in runs.items():
        whole = [b + i + x for b, i, x in zip(run.build[1:], run.inputs[1:], run.wall, strict=True)]
        line(f"OpenFisca {model}, {mode}" + (" (default)" if mode == "float32" else ""), run,
             f" {_rate(n, whole):>12,.0f}  ({statistics.median(run.build):.2f} + {statistics.median(run.inputs):.2f})")
    line(f"DuckDB 昆明, report ({threads} threads)", duck_sim)
    line(f"DuckDB 昆明, results ({threads} threads)", duck_res)
    rate = {label: (w, c) for label, w, c in rows}

    def ratio(a: str, b: str) -> str:
        return f"{rate[a][0] / rate[b][0]:.2f}x wall, {rate[a][1] / rate[b][1]:.2f}x per CPU-second"

    duck_report = f"DuckDB 昆明, report ({threads} threads)"
    duck_table = f"DuckDB 昆明, results ({threads} threads)"
    of_two, of_km = "OpenFisca two-rule, float32 (default)", "OpenFisca 昆明, float32 (default)"
    of_km_fen = "OpenFisca 昆明, int64"
    print("\nratios (above 1: DuckDB faster):")
    print(f"  DuckDB 昆明 report  / OpenFisca two-rule float32: {ratio(duck_report, of_two)}"
          "  (issue 11's target: >= 1)")
    print(f"  DuckDB 昆明 report  / OpenFisca 昆明 float32:     {ratio(duck_report, of_km)}")
    print(f"  DuckDB 昆明 report  / OpenFisca 昆明 int64 fen:   {ratio(duck_report, of_km_fen)}")
    print(f"  DuckDB 昆明 results / OpenFisca 昆明 float32:     {ratio(duck_table, of_km)}")
    print(f"  DuckDB 昆明 results / OpenFisca 昆明 int64 fen:   {ratio(duck_table, of_km_fen)}")
    print(f"  OpenFisca two-rule / OpenFisca 昆明 (float32):   {ratio(of_two, of_km)}")

    # -- exactness ------------------------------------------------------------------------------
    columns = {f"kunming_{i}_max": f"{i}__paid_max" for i in KUNMING_ITEMS}
    columns |= {"kunming_lighthouse_award_min": "lighthouse_award__paid_min", "kunming_total_min": "total_min",
                "kunming_total_max": "total_max", "kunming_funding_unspecified": "funding_unspecified",
                "kunming_pay_1_max": "pay_1_max", "kunming_pay_2_max": "pay_2_max"}
    select = ", ".join(f"coalesce(cast({c} * 100 as bigint), -1) as {k}" for k, c in columns.items())
    duck = con.execute(f"select {select}, error_field is not null as invalid, total_max is null as undetermined "
                       f"from results_0 order by row_id").fetchnumpy()
    assert not duck["invalid"].any(), "the synthetic population has invalid profiles"
    print(f"\nexactness: 昆明, OpenFisca against the DuckDB results table on all {n:,} profiles "
          "(profiles whose value differs at the fen):")
    print(f"  {'':<34}" + "".join(f"{mode:>10}" for mode in MODES))
    for k in columns:
        counts = []
        for mode, money in moneys.items():
            got = money.to_fen(runs[("昆明", mode)].out[k])
            want = duck[k]
            if k in ("kunming_total_max", "kunming_funding_unspecified"):
                undetermined = runs[("昆明", mode)].out["kunming_total_undetermined"]
                counts.append(_mismatches(undetermined, duck["undetermined"])
                              + _mismatches(got[~undetermined], want[~undetermined]))
            else:  # an item that does not apply (NULL): 0 here
                counts.append(_mismatches(got, np.where(want < 0, 0, want)))
        print(f"  {k.removeprefix('kunming_'):<34}" + "".join(f"{x:>10,}" for x in counts))
    paid = np.count_nonzero(duck["kunming_total_max"] > 0)
    fen_out = runs[("昆明", "int64")].out
    differ = np.count_nonzero(fen_out["kunming_total_max_limited"] != fen_out["kunming_total_max_any_industry"])
    print(f"  (profiles with a total above 0: {paid:,}; undetermined total: "
          f"{np.count_nonzero(duck['undetermined']):,}; "
          f"whose total_max the two readings of 解读 encouraged_industry change: {differ:,})")
    total = {mode: int(moneys[mode].to_fen(runs[("昆明", mode)].out["kunming_total_max"]).sum()) for mode in MODES}
    print(f"  sum of total_max: DuckDB report {rep['total']['max']} yuan; OpenFisca "
          + ", ".join(f"{mode} {Decimal(v) / 100:,.2f}" for mode, v in total.items()))

    m = min(args.sample, n)
    mod = bench._module("kunming")
    fields = {f["name"] for f in [*form["facts"], *form["vocabulary"]]}
    sample = bench._profiles(cols, m, fields)
    want = _calculator_fen([mod.calculate(p, ON) for p in sample])
    print(f"exactness: the first {m:,} profiles against the generated calculator "
          "(profiles whose value differs at the fen):")
    print(f"  {'':<34}" + "".join(f"{mode:>10}" for mode in MODES))
    counts_by_mode = [_against({k: v[:m] for k, v in runs[("昆明", mode)].out.items()}, money, want)
                      for mode, money in moneys.items()]
    for i, key in enumerate(want):
        print(f"  {'昆明 ' + key.removeprefix('kunming_'):<34}" + "".join(f"{c[i]:>10,}" for c in counts_by_mode))
    want_max_arr = want["kunming_total_max"]
    duck_sample = np.where(duck["undetermined"][:m], -1, duck["kunming_total_max"][:m])
    print(f"  {'DuckDB 昆明 total_max':<34}{_mismatches(duck_sample, want_max_arr):>10,}  (all modes: exact decimal)")
    two_ref = np.array([_two_rule_reference(p) for p in sample], dtype=np.int64)
    counts = [_mismatches(moneys[mode].to_fen(runs[("two-rule", mode)].out["two_rule_total"][:m]), two_ref)
              for mode in MODES]
    print(f"  {'two-rule total (Decimal by hand)':<34}" + "".join(f"{x:>10,}" for x in counts)
          + f"   ({np.count_nonzero(two_ref):,} with a total above 0)")
    _edges(sample, mod, moneys, args.seed + 1)


def _version(dist: str) -> str:
    from importlib.metadata import version

    return version(dist)


if __name__ == "__main__":
    main()
