"""Population simulation: the SQL backend in DuckDB vs the Python calculator loop.

    .venv/bin/python benchmarks/simulate.py [--profiles 1000000] [--sample 20000] [--seed 1]

One synthetic population (``policyc population``'s generator, seeded) is written once as
Parquet. For each seed policy, in this one run:

* DuckDB, typed (what ``policyc simulate`` runs): the population validated and typed once for
  all policies (``load_query``: one query, timed apart as "load"), then per policy the
  arithmetic-only query (``typed_query``) over every profile into a results table (aggregation
  left out), profiles per second of that query — the population is already in DuckDB, so
  neither the file read nor the load is in the per-policy figure;
* DuckDB, text (the previous shape, and still the entry point for untrusted tables): the
  policy's text query, which parses and validates every field itself, into a results table,
  and the ratio typed / text;
* Python: a loop calling the generated calculator (``generated/python/<policy>.py``,
  ``calculate(profile, on)``) on the first ``--sample`` profiles, profiles per second — the
  baseline a developer would write by hand;
* the ratio DuckDB / Python, and a check that both give the same total (to the fen) on the
  sample, so that the faster path computes the same thing.
"""

from __future__ import annotations

import argparse
import datetime as dt
import importlib.util
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
from compiler.simulate.engine import load_population, run_policy, sql_backend, type_population  # noqa: E402
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
    ap.add_argument("--seed", type=int, default=1)
    args = ap.parse_args()

    t = time.perf_counter()
    cols = generate(args.profiles, args.seed)
    gen_s = time.perf_counter() - t
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
    print(f"{'policy':<10} {'typed /s':>11} {'text /s':>11} {'typed/text':>10} {'Python /s':>10} "
          f"{'typed/Py':>9}  sample total (DuckDB = Python)")
    ratios = []
    cpu_rates: list[tuple[float, float, float]] = []
    for pid, form in forms.items():
        t, c = time.perf_counter(), time.process_time()
        table = run_policy(con, sql, form, ON)
        text_s, text_cpu = time.perf_counter() - t, time.process_time() - c
        con.execute(f'ALTER TABLE "{table}" RENAME TO "text_{table}"')
        t, c = time.perf_counter(), time.process_time()
        table = run_policy(con, sql, form, ON, bits)
        duck_s, duck_cpu = time.perf_counter() - t, time.process_time() - c
        (invalid,) = con.execute(f'select count(*) from "{table}" where error_field is not null').fetchone()
        assert invalid == 0
        (differ,) = con.execute(f'select count(*) from (select * from "{table}" except all '
                                f'select * from "text_{table}")').fetchone()
        assert differ == 0, f"{pid}: typed and text results differ in {differ} rows"
        con.execute(f'DROP TABLE "text_{table}"')
        mod = _module(pid)
        fields = {f["name"] for f in [*form["facts"], *form["vocabulary"]]}
        sample = _profiles(cols, min(args.sample, n), fields)
        t, c = time.perf_counter(), time.process_time()
        results = [mod.calculate(p, ON) for p in sample]
        py_s, py_cpu = time.perf_counter() - t, time.process_time() - c
        py_total = sum((r.total_max for r in results if r.total_max is not None), Decimal(0))
        (duck_total,) = con.execute(
            f'select coalesce(sum(total_max), 0) from "{table}" where row_id < {len(sample)}').fetchone()
        same = "yes" if Decimal(duck_total) == py_total else f"NO ({duck_total} vs {py_total})"
        duck_rate, text_rate, py_rate = n / duck_s, n / text_s, len(sample) / py_s
        ratios.append((duck_rate / text_rate, duck_rate / py_rate))
        cpu_rates.append((n / duck_cpu, n / text_cpu, len(sample) / py_cpu))
        print(f"{pid:<10} {duck_rate:>11,.0f} {text_rate:>11,.0f} {duck_rate / text_rate:>9.1f}x "
              f"{py_rate:>10,.0f} {duck_rate / py_rate:>8.0f}x  {py_total:,.2f} {same}")
    print(f"typed / text: {min(r[0] for r in ratios):.1f}x to {max(r[0] for r in ratios):.1f}x; "
          f"DuckDB typed / Python (wall clock): {min(r[1] for r in ratios):.0f}x to {max(r[1] for r in ratios):.0f}x")
    # On a shared machine wall-clock rates move with the load; CPU time (all threads) does less.
    print("per CPU-second (typed / text / Python): " + ", ".join(
        f"{pid} {d:,.0f} / {x:,.0f} / {p:,.0f}" for pid, (d, x, p) in zip(forms, cpu_rates, strict=True)))
    total_s = sum(n / r[0] for r in cpu_rates)
    print(f"all {len(forms)} policies, typed, per CPU-second of query: {n * len(forms) / total_s:,.0f} "
          f"profile-policies/s; with the one load: {n * len(forms) / (total_s + load_cpu):,.0f}")

if __name__ == "__main__":
    main()
