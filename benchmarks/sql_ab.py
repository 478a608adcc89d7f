"""A/B of the simulation's report: the SQL backend of a git revision against the working tree's.

    .venv/bin/python benchmarks/sql_ab.py [--base HEAD] [--rounds 5] [--threads 1]
        [--profiles 1000000] [--seed 1] [policy ...]

For a change to plugins/sql: both backends' queries over one population, loaded and typed once
(the working tree's ``load_query``), each policy's ``report()`` — what ``policyc simulate``
computes — with the base's queries and with the working tree's in turn, ``--rounds`` times; the
fastest of each (CPU and wall clock) and their ratio. Each backend's views have names of their
own: ``policy_views`` names them by policy only, so two backends' views made one after the
other would both be the second's (an earlier harness measured a change against itself that
way). The two reports must be equal, figure for figure, or the run stops.

The base is the package ``plugins/sql`` as of ``--base`` (``git show`` of each of its modules:
``__init__.py`` and, from the compaction on, ``lean.py``), imported as a package of its own
beside the working tree's; the rest of the compiler (the typed load included) is the working
tree's.
"""

from __future__ import annotations

import argparse
import datetime as dt
import gc
import importlib.util
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from types import ModuleType
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

import duckdb  # noqa: E402
from sqlglot import exp  # noqa: E402

import plugins.sql as work  # noqa: E402
from compiler.lowered import lower  # noqa: E402
from compiler.pipeline import load_named  # noqa: E402
from compiler.resources import SEED_POLICIES  # noqa: E402
from compiler.simulate.engine import load_population, report, type_population  # noqa: E402
from compiler.simulate.population import generate, write  # noqa: E402

ON = dt.date(2025, 8, 1)


def _base(rev: str, folder: Path) -> ModuleType:
    """``plugins/sql`` as of ``rev``, every module of the package (``lean.py`` too, where the
    revision has it), imported as the package ``sql_base``."""
    package = folder / "sql_base"
    package.mkdir()
    names = subprocess.run(["git", "-C", str(ROOT), "ls-tree", "--name-only", rev, "plugins/sql/"],
                           check=True, capture_output=True, text=True).stdout.split()
    for name in names:
        if name.endswith(".py"):
            text = subprocess.run(["git", "-C", str(ROOT), "show", f"{rev}:{name}"],
                                  check=True, capture_output=True, text=True).stdout
            (package / Path(name).name).write_text(text, encoding="utf-8")
    spec = importlib.util.spec_from_file_location("sql_base", package / "__init__.py",
                                                  submodule_search_locations=[str(package)])
    assert spec is not None and spec.loader is not None
    mod = importlib.util.module_from_spec(spec)
    sys.modules["sql_base"] = mod
    spec.loader.exec_module(mod)
    return mod


def _views(con: Any, backend: Any, form: dict[str, Any], bits: dict[str, int], tag: str) -> dict[str, exp.Table]:
    """The report's three views over ``population_typed``, named ``<kind>_<tag>_<policy>``."""
    pid = form["policy"]["id"]
    counted = (backend.typed_counted(form, bits, ON, "duckdb", "population_typed") if hasattr(backend, "typed_counted")
               else backend.typed_query(form, bits, ON, "duckdb", "population_typed", valid_only=True))
    queries = {"counted": counted, "invalid": backend.typed_errors(form, bits, "duckdb", "population_typed"),
               "applying": backend.typed_query(form, bits, ON, "duckdb", "population_typed",
                                               valid_only=True, applying_only=True)}
    out = {}
    for kind, query in queries.items():
        name = f"{kind}_{tag}_{pid}"
        con.sql(query).create_view(name, replace=True)
        out[kind] = exp.to_table(name, quoted=True)
    return out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("policies", nargs="*", default=list(SEED_POLICIES))
    ap.add_argument("--base", default="HEAD")
    ap.add_argument("--rounds", type=int, default=5)
    ap.add_argument("--threads", type=int, default=1)
    ap.add_argument("--profiles", type=int, default=1_000_000)
    ap.add_argument("--seed", type=int, default=1)
    args = ap.parse_args()
    if min(args.rounds, args.threads, args.profiles) < 1:
        ap.error("--rounds, --threads and --profiles must be at least 1")
    with tempfile.TemporaryDirectory() as tmp:
        run(args, Path(tmp))


def run(args: argparse.Namespace, tmp: Path) -> None:
    """The comparison; ``tmp`` holds the base's module for the whole run (its queries are cached
    under a fingerprint of its text, read when the first is made)."""
    base = _base(args.base, tmp)
    cols = generate(args.profiles, args.seed)
    gc.freeze()
    path = tmp / "population.parquet"
    write(cols, path, "parquet")
    del cols
    con = duckdb.connect()
    con.execute(f"SET threads={args.threads}")
    load_population(con, path)
    forms = {}
    for pid in args.policies:
        loaded = load_named(pid)
        assert loaded.policy is not None
        forms[pid] = lower(loaded.policy)
    bits = type_population(con, work.SqlBackend(), list(forms.values()))
    assert bits is not None
    print(f"{args.profiles:,} profiles, {args.threads} thread(s), {args.rounds} rounds each, interleaved; "
          f"base {args.base} against the working tree; fastest of each (ms)")
    print(f"{'policy':<10} {'base CPU':>9} {'new CPU':>8} {'base wall':>10} {'new wall':>9}  base ÷ new (CPU, wall)")
    for pid, form in forms.items():
        runs: dict[str, tuple[Any, dict[str, exp.Table], list[tuple[float, float]]]] = {}
        for tag, mod in (("base", base), ("new", work)):
            backend = mod.SqlBackend()
            runs[tag] = (backend, _views(con, backend, form, bits, tag), [])
        got: dict[str, Any] = {}
        for _ in range(args.rounds):
            for tag, (backend, views, times) in runs.items():
                c, t = time.process_time(), time.perf_counter()
                got[tag] = report(con, backend, views["applying"], form, "", None,
                                  invalid=views["invalid"], counted=views["counted"])
                times.append((time.process_time() - c, time.perf_counter() - t))
        if got["base"] != got["new"]:
            raise SystemExit(f"{pid}: the two backends' reports differ")
        (bc, bw), (nc, nw) = ((min(x[0] for x in runs[k][2]), min(x[1] for x in runs[k][2])) for k in ("base", "new"))
        print(f"{pid:<10} {bc * 1000:>9.0f} {nc * 1000:>8.0f} {bw * 1000:>10.0f} {nw * 1000:>9.0f}  "
              f"{bc / nc:.2f}, {bw / nw:.2f}")


if __name__ == "__main__":
    main()
