"""Where the time of checking a generated policy goes: ``load()`` split into its phases, in CPU
seconds, this version beside a baseline revision in the same run.

The policies are those of ``benchmarks/check.py`` (each item with three capped tiers, a funding
line with its own quote, a condition on its own fact; one 累计上限 per five items). Each run is
a fresh process; the phases are timed by wrapping the pipeline's functions:

* parse: text -> model, names and types (``parse_source``; the policy and its parent);
* quotes: every quote against the source text (``check_quotes``);
* solver: the z3 checks (``check_solver``), without
* witnesses: each witness run again through the reference evaluator (inside the solver);
* consistency, fidelity, paired + readings: the other semantic checks;
* other: what is left of ``load()`` (reading files, suppressions).

    .venv/bin/python benchmarks/check_phases.py [--sizes 50 500] [--baseline 79820f3] [--runs 2]
"""

from __future__ import annotations

import argparse
import functools
import importlib
import json
import statistics
import subprocess
import sys
import tempfile
import time
from collections import Counter
from collections.abc import Callable
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
PHASES = ("parse", "quotes", "solver", "witnesses", "consistency", "fidelity", "paired + readings", "other")
WRAPPED = [("parse", "compiler.pipeline", "parse_source"), ("quotes", "compiler.check.quotes", "check_quotes"),
           ("solver", "compiler.check.solver", "check_solver"), ("witnesses", "compiler.check.solver", "calculate"),
           ("consistency", "compiler.check.consistency", "check_consistency"),
           ("fidelity", "compiler.check.fidelity", "check_fidelity"),
           ("paired + readings", "compiler.check.paired", "check_paired"),
           ("paired + readings", "compiler.check.readings", "check_readings")]
BASELINE = "79820f3"  # the version before the parser's one pass and the cheaper model walks


def worker(root: str, n: int) -> None:
    """One generated policy of ``n`` items, loaded by the compiler of ``root``: one JSON line."""
    sys.path.insert(0, str(HERE))
    from check import ON, generate, write_case  # the generators (this loads this compiler)

    sys.path.insert(0, root)
    for name in [m for m in sys.modules if m == "compiler" or m.startswith("compiler.")]:
        del sys.modules[name]
    spent: Counter[str] = Counter()

    def timed(phase: str, fn: Callable[..., Any]) -> Callable[..., Any]:
        @functools.wraps(fn)
        def run(*args: Any, **kwargs: Any) -> Any:
            start = time.process_time()
            try:
                return fn(*args, **kwargs)
            finally:
                spent[phase] += time.process_time() - start
        return run

    for phase, module, attr in WRAPPED:
        mod = importlib.import_module(module)
        setattr(mod, attr, timed(phase, getattr(mod, attr)))
    from compiler.pipeline import load

    with tempfile.TemporaryDirectory() as tmp:
        path = write_case(Path(tmp), generate, n)
        start = time.process_time()
        loaded = load(path, ON)
        total = time.process_time() - start
    spent["solver"] -= spent["witnesses"]
    spent["other"] = total - sum(spent.values())
    print(json.dumps({"total": total, "phases": dict(spent), "diagnostics": len(loaded.diagnostics)}))


def run(root: Path, n: int) -> dict[str, Any]:
    done = subprocess.run([sys.executable, str(Path(__file__).resolve()), "--worker", str(root), str(n)],
                          capture_output=True, text=True, check=True, cwd=ROOT)
    return json.loads(done.stdout.strip().splitlines()[-1])  # type: ignore[no-any-return]


def main() -> None:
    if len(sys.argv) > 1 and sys.argv[1] == "--worker":
        worker(sys.argv[2], int(sys.argv[3]))
        return
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--sizes", type=int, nargs="+", default=[50, 500])
    ap.add_argument("--baseline", default=BASELINE, help=f"git revision to compare with (default {BASELINE})")
    ap.add_argument("--runs", type=int, default=2, help="runs of each, taking turns (median; default 2)")
    args = ap.parse_args()
    sys.path.insert(0, str(HERE))
    from check import baseline_tree

    with tempfile.TemporaryDirectory() as tmp:
        old_root = baseline_tree(args.baseline, Path(tmp))
        if old_root is None:
            sys.exit(f"{args.baseline} is not a revision of this repository")
        for n in args.sizes:
            runs: dict[str, list[dict[str, Any]]] = {"old": [], "new": []}
            for _ in range(args.runs):
                runs["old"].append(run(old_root, n))
                runs["new"].append(run(ROOT, n))
            same = {r["diagnostics"] for r in runs["old"] + runs["new"]}
            print(f"{n} items (CPU seconds, median of {args.runs} fresh processes each; "
                  f"{'same number of diagnostics' if len(same) == 1 else 'DIAGNOSTIC COUNTS DIFFER'}):")
            print(f"  {'phase':<18} {'baseline ' + args.baseline:>16} {'this version':>13}")
            for phase in (*PHASES, "total"):
                old, new = (statistics.median(r["total"] if phase == "total" else r["phases"].get(phase, 0.0)
                                              for r in runs[k]) for k in ("old", "new"))
                ratio = f"{old / new:5.1f}x" if new > 0.005 else ""
                print(f"  {phase:<18} {old:16.3f} {new:13.3f}  {ratio}")


if __name__ == "__main__":
    main()
