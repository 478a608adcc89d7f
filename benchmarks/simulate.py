"""Population simulation: the SQL backend in DuckDB vs the Python calculator loop.

    .venv/bin/python benchmarks/simulate.py [--profiles 1000000] [--sample 20000] [--seed 1] [--repeat 5]

One synthetic population (``policyc population``'s generator, seeded) is written once as
Parquet and loaded into DuckDB. The population is validated and typed once for all policies
(``load_query``: one query, timed apart as "load"). Then for each seed policy, in this one run:

* simulation (what ``policyc simulate`` runs): the policy's figures — totals, items, funding,
  payment stages, distribution and histogram, 名额, invalid profiles by field — in one
  aggregating query (its SQL built with the views, not timed, as the views' queries are; DuckDB
  binds and plans it in every report, timed) over the typed rows where some item can apply
  (``typed_query(valid_only=True, applying_only=True)``, never stored), the counts of profiles,
  excluded and not in force over every valid row, and the count of invalid rows by field:
  profiles per second of the whole report, the median of ``--repeat`` reports (one report's time
  moves by up to 2x from run to run on this machine; the range is printed);
* results table: the policy's per-applicant query (``typed_query``) into a table of result
  rows (every column of every applicant), profiles per second;
* text: the policy's text query, which parses and validates every field itself (the entry
  point for a table nobody has validated), into a table;
* Python: a loop calling the generated calculator (``generated/python/<policy>.py``,
  ``calculate(profile, on)``) on the first ``--sample`` profiles, profiles per second — the
  baseline a developer would write by hand; and the ratio simulation / Python;
* checks: the results and text tables are identical row for row; the simulation's total is the
  sum of the results table's (to the fen); DuckDB and Python give the same total on the sample.

The population is already in DuckDB: neither reading the file nor the load is in the
per-policy figures. The generated population's Python columns (tens of millions of objects,
alive to the end) are frozen out of the cycle collector (``gc.freeze``): rescanning them slowed
every figure of the run — the report builds its query in Python — and made them depend on
``--sample`` (南昌's simulation 1.8–2.2 M/s with the default sample, 5.8 M/s with 5,000).
Wall-clock rates move with the machine's other work; the CPU-second rates (all threads) move
less.
"""

from __future__ import annotations

import argparse
import datetime as dt
import gc
import importlib.util
import statistics
import sys
import tempfile
import time
from decimal import Decimal
from pathlib import Path
from types import ModuleType
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

import duckdb  # noqa: E402

from compiler.lowered import lower  # noqa: E402
from compiler.pipeline import load_named  # noqa: E402
from compiler.resources import SEED_POLICIES  # noqa: E402
from compiler.simulate.engine import (  # noqa: E402
    _input_view,
    load_population,
    policy_views,
    report_views,
    sql_backend,
    type_population,
)
from compiler.simulate.population import generate, write  # noqa: E402

ON = dt.date(2025, 8, 1)


def _module(pid: str) -> ModuleType:
    spec = importlib.util.spec_from_file_location(f"bench_{pid}", ROOT / "generated" / "python" / f"{pid}.py")
    assert spec is not None and spec.loader is not None
    mod = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = mod
    spec.loader.exec_module(mod)
    return mod


def _profiles(cols: dict[str, list[Any]], n: int, fields: set[str]) -> list[dict[str, Any]]:
    names = [c for c in cols if c != "row_id" and c in fields]
    return [{k: cols[k][i] for k in names if cols[k][i] is not None} for i in range(n)]


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--profiles", type=int, default=1_000_000)
    ap.add_argument("--sample", type=int, default=20_000)
    ap.add_argument("--repeat", type=int, default=5, help="reports per policy: the median is printed")
    ap.add_argument("--seed", type=int, default=1)
    args = ap.parse_args()

    t = time.perf_counter()
    cols = generate(args.profiles, args.seed)
    gen_s = time.perf_counter() - t
    # The population's columns are tens of millions of Python objects that live to the end: kept
    # out of the cycle collector's scans (gc.freeze), which otherwise rescan them while the Python
    # loop allocates and made every later figure of the run, DuckDB's too, move with --sample
    gc.freeze()
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "population.parquet"
        write(cols, path, "parquet")
        con = duckdb.connect()
        n = load_population(con, path)
    (threads,) = con.execute("select current_setting('threads')").fetchone()
    print(f"population: {n:,} synthetic profiles (seed {args.seed}), generated in {gen_s:.1f} s; "
          f"date {ON}; DuckDB {duckdb.__version__}, {threads} threads")
    sql = sql_backend()
    forms = {}
    for pid in SEED_POLICIES:
        loaded = load_named(pid)
        assert loaded.policy is not None
        forms[pid] = lower(loaded.policy)
    t, c = time.perf_counter(), time.process_time()
    bits = type_population(con, sql, list(forms.values()))
    load_s, load_cpu = time.perf_counter() - t, time.process_time() - c
    assert bits is not None
    print(f"load: text columns validated and typed once for the {len(forms)} policies in {load_s:.2f} s "
          f"({n / load_s:,.0f} profiles/s; {load_cpu:.2f} CPU s)")
    print(f"{'policy':<10} {'simulate /s':>12} {'results /s':>11} {'text /s':>10} {'Python /s':>10} "
          f"{'sim/Py':>7}  sample total (DuckDB = Python)")
    sim_rates: list[float] = []
    cpu: list[tuple[float, float, float, float]] = []
    for pid, form in forms.items():
        text = (ROOT / "policies" / f"{pid}.txt").read_text("utf-8")
        # the queries are generated (sqlglot) once per policy, like a compiled program: not timed
        t = time.perf_counter()
        views = policy_views(con, sql, form, ON, bits)
        typed_sql = sql.typed_query(form, bits, ON, "duckdb", "population_typed")
        _input_view(con, f"input_{pid}", [f["name"] for f in [*form["facts"], *form["vocabulary"]]])
        text_sql = sql.query(form, ON, "duckdb", table=f"input_{pid}")
        gen_s = time.perf_counter() - t
        # the report --repeat times, its median: one run on this machine moves by up to 2x
        runs: list[tuple[float, float]] = []
        for _ in range(args.repeat):
            t, c = time.perf_counter(), time.process_time()
            rep = report_views(con, sql, views, form, text, None)
            runs.append((time.perf_counter() - t, time.process_time() - c))
        sim_s, sim_cpu = statistics.median(w for w, _ in runs), statistics.median(x for _, x in runs)
        sim_spread = (n / max(w for w, _ in runs), n / min(w for w, _ in runs))
        table = f"results_{pid}"
        t, c = time.perf_counter(), time.process_time()
        con.sql(text_sql).create(f"text_{table}")
        text_s, text_cpu = time.perf_counter() - t, time.process_time() - c
        t, c = time.perf_counter(), time.process_time()
        con.sql(typed_sql).create(table)
        duck_s, duck_cpu = time.perf_counter() - t, time.process_time() - c
        (invalid,) = con.execute(f'select count(*) from "{table}" where error_field is not null').fetchone()
        assert invalid == rep["invalid"]
        (differ,) = con.execute(f'select count(*) from (select * from "{table}" except all '
                                f'select * from "text_{table}")').fetchone()
        assert differ == 0, f"{pid}: typed and text results differ in {differ} rows"
        (table_total,) = con.execute(f'select coalesce(sum(total_max), 0) from "{table}"').fetchone()
        assert Decimal(rep["total"]["max"]) == table_total, f"{pid}: simulation and results table differ"
        con.execute(f'DROP TABLE "text_{table}"')
        con.execute(f'DROP TABLE "{table}"')
        mod = _module(pid)
        fields = {f["name"] for f in [*form["facts"], *form["vocabulary"]]}
        sample = _profiles(cols, min(args.sample, n), fields)
        t, c = time.perf_counter(), time.process_time()
        results = [mod.calculate(p, ON) for p in sample]
        py_s, py_cpu = time.perf_counter() - t, time.process_time() - c
        py_total = sum((r.total_max for r in results if r.total_max is not None), Decimal(0))
        con.sql(typed_sql).create(table)
        (duck_total,) = con.execute(
            f'select coalesce(sum(total_max), 0) from "{table}" where row_id < {len(sample)}').fetchone()
        con.execute(f'DROP TABLE "{table}"')
        same = "yes" if Decimal(duck_total) == py_total else f"NO ({duck_total} vs {py_total})"
        sim_rate, duck_rate, text_rate, py_rate = n / sim_s, n / duck_s, n / text_s, len(sample) / py_s
        sim_rates.append(sim_rate)
        cpu.append((n / sim_cpu, n / duck_cpu, n / text_cpu, len(sample) / py_cpu))
        print(f"{pid:<10} {sim_rate:>12,.0f} {duck_rate:>11,.0f} {text_rate:>10,.0f} {py_rate:>10,.0f} "
              f"{sim_rate / py_rate:>6.0f}x  {py_total:,.2f} {same}  (queries generated in {gen_s:.2f} s; "
              f"simulate {sim_spread[0] / 1e6:.1f}–{sim_spread[1] / 1e6:.1f} M/s over {args.repeat} runs)")
    print(f"simulation: {min(sim_rates):,.0f} to {max(sim_rates):,.0f} profiles/s "
          f"(target: 10,000,000/s, OpenFisca's batch figure)")
    # On a shared machine wall-clock rates move with the load; CPU time (all threads) does less.
    print("per CPU-second (simulate / results / text / Python): " + ", ".join(
        f"{pid} {a:,.0f} / {b:,.0f} / {x:,.0f} / {p:,.0f}" for pid, (a, b, x, p) in zip(forms, cpu, strict=True)))
    total_s = sum(n / r[0] for r in cpu)
    print(f"all {len(forms)} policies simulated, per CPU-second: {n * len(forms) / total_s:,.0f} "
          f"profile-policies/s; with the one load: {n * len(forms) / (total_s + load_cpu):,.0f}")


if __name__ == "__main__":
    main()
