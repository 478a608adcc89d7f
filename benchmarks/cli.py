"""The wall time of one whole `policyc calc` process, cached vs uncached.

    .venv/bin/python benchmarks/cli.py [--runs 7]

Starts `policyc calc kunming …` as a new process again and again, the two ways taking turns (so
that a change in the machine's load affects both alike), and prints the median wall and CPU
time of each and their ratio:

* ``--no-cache``: the parser is built from the grammar and the policy parsed and checked
  (z3 included) before anything is calculated: the path every call took before the cache;
* cached: the checked model is read from the cache (compiler/cache.py), which the first,
  uncounted run fills; the checker, Lark and z3 are never imported.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

CLI_PROFILE = {"applicant_type": "enterprise", "in_pilot_scope": True, "acceptance_passed": True,
               "digital_level": 4, "spend_software_cloud": 1200000, "lighthouse": True,
               "is_sme": True}


def whole_processes(args: list[str], runs: int, *, check: bool = False) -> dict[str, float]:
    """Whole `policyc ARGS` processes, ``--no-cache`` and cached, taking turns.

    The first, uncounted run fills a fresh cache; every later run must print the same. Returns
    the medians of ``runs`` runs each, as ``uncached``/``cached`` (wall seconds),
    ``uncached_cpu``/``cached_cpu`` (CPU seconds of the process) and ``first`` (the wall
    seconds of the run that filled the cache). ``check``: fail on a non-zero exit status.
    """
    exe = Path(sys.executable).with_name("policyc")
    with tempfile.TemporaryDirectory() as tmp:
        env = {**os.environ, "POLICYC_CACHE_DIR": str(Path(tmp) / "cache")}
        env.pop("POLICYC_NO_CACHE", None)
        # as an installed tool runs: Python keeps compiled modules (a shell that sets
        # PYTHONDONTWRITEBYTECODE would otherwise time compiling every module in every process)
        env.pop("PYTHONDONTWRITEBYTECODE", None)
        commands = {"uncached": [str(exe), "--no-cache", *args], "cached": [str(exe), *args]}
        wall: dict[str, list[float]] = {k: [] for k in commands}
        cpu: dict[str, list[float]] = {k: [] for k in commands}

        def once(cmd: list[str]) -> tuple[float, float, str]:
            before = resource.getrusage(resource.RUSAGE_CHILDREN)
            start = time.perf_counter()
            done = subprocess.run(cmd, env=env, capture_output=True, text=True, check=check, cwd=ROOT)
            secs = time.perf_counter() - start
            after = resource.getrusage(resource.RUSAGE_CHILDREN)
            used = after.ru_utime + after.ru_stime - before.ru_utime - before.ru_stime
            return secs, used, done.stdout

        first, _, want = once(commands["cached"])  # fills the cache (not counted)
        for _ in range(runs):
            for name, cmd in commands.items():
                secs, used, out = once(cmd)
                if out != want:
                    raise SystemExit(f"`policyc {args[0]}` {name} printed something else than the first run")
                wall[name].append(secs)
                cpu[name].append(used)
    return {**{k: statistics.median(v) for k, v in wall.items()},
            **{f"{k}_cpu": statistics.median(v) for k, v in cpu.items()}, "first": first}


def cli(runs: int) -> None:
    """Median wall seconds of whole `policyc calc` processes, uncached and cached, in turns."""
    with tempfile.TemporaryDirectory() as tmp:
        profile = Path(tmp) / "profile.json"
        profile.write_text(json.dumps(CLI_PROFILE), encoding="utf-8")
        args = ["calc", "kunming", "--input", str(profile), "--on", "2025-08-01", "--format", "json"]
        t = whole_processes(args, runs, check=True)
    old, new, old_cpu, new_cpu = t["uncached"], t["cached"], t["uncached_cpu"], t["cached_cpu"]
    print(f"\npolicyc calc kunming (whole process, median of {runs} runs each; wall and CPU seconds):")
    print(f"  --no-cache (parser build + full check)  {old:6.3f} s wall  {old_cpu:6.3f} s CPU")
    print(f"  cached checked model                     {new:6.3f} s wall  {new_cpu:6.3f} s CPU"
          f"   ({old / new:.1f}x faster wall, {old_cpu / new_cpu:.1f}x CPU)")
    print(f"  first run, empty cache                   {t['first']:6.3f} s wall")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--runs", type=int, default=7, help="process runs of each kind (default 7)")
    cli(ap.parse_args().runs)


if __name__ == "__main__":
    main()
