"""Hostile sizes: how long the refusals and the largest accepted inputs take, as ratios.

    .venv/bin/python benchmarks/hostile.py [--repeat 3]

The baseline, measured in the same run, is checking the small valid policy of tests/hostile.py
(policy text) and validating a small valid profile (profiles). Each case is run ``--repeat``
times and the best time is kept. Printed: each case's time and its ratio to its baseline.
The bounds themselves are documented in tests/test_hostile_sizes.py and
docs/reference/language.md; the solver's scaling cases (many items under one cap, a long
分档) are in benchmarks/check.py.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT), str(ROOT / "tests")]

from hostile import SOURCE, huge_quote, long_file, policy, write_policy  # noqa: E402

from compiler import files  # noqa: E402
from compiler.evaluate import runtime  # noqa: E402
from compiler.evaluate.evaluator import Evaluator  # noqa: E402
from compiler.pipeline import load  # noqa: E402
from compiler.syntax import edge  # noqa: E402


def best(fn: Callable[[], object], repeat: int) -> float:
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        fn()
        times.append(time.perf_counter() - start)
    return min(times)


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--repeat", type=int, default=3)
    args = ap.parse_args()
    tmp = Path(tempfile.mkdtemp(prefix="policyc-hostile-"))

    def check(name: str, text: str, source: str = SOURCE) -> Callable[[], object]:
        path = write_policy(tmp / name, text, source=source)
        return lambda: load(path)

    base = check("base", policy())
    big = tmp / "big" / "big.policy"
    big.parent.mkdir()
    with open(big, "wb") as fh:
        fh.truncate(files.MAX_POLICY_BYTES * 50)
    policy_cases: list[tuple[str, Callable[[], object]]] = [
        ("a 100 MB policy file (refused)", lambda: load(big)),
        ("100,000 comment lines (accepted)", check("lines", long_file(100_000))),
        (f"a {edge.MAX_QUOTE_CHARS:,}-character quote (accepted)",
         check("quote", huge_quote(edge.MAX_QUOTE_CHARS), "第一条 " + "奖" * edge.MAX_QUOTE_CHARS + "\n")),
        ("a 1,000,000-character quote (refused)", check("quote2", huge_quote(1_000_000))),
        ("5,000-digit amount (refused)", check("digits", policy().replace("金额 20万元", "金额 " + "9" * 5000 + "元"))),
        ("nesting 10,000 deep (refused)", check("deep", policy(condition="非 " * 10_000 + "in_pilot_scope"))),
    ]
    t0 = best(base, args.repeat)
    print(f"baseline: checking the small policy {t0 * 1000:.1f} ms")
    for label, fn in policy_cases:
        t = best(fn, args.repeat)
        print(f"  {label:<45} {t * 1000:9.1f} ms   ×{t / t0:7.1f}")

    loaded = load(write_policy(tmp / "calc", policy()))
    assert loaded.policy is not None
    ev = Evaluator(loaded.policy)
    ok = '{"applicant_type": "enterprise", "in_pilot_scope": true}'

    def calc(text: str) -> Callable[[], object]:
        def run() -> object:
            try:
                return ev.calculate(runtime.parse_json_profile(text), "2025-01-01")
            except runtime.ProfileError as err:
                return err
        return run

    profile_cases = [
        ("money 1e999999999", '{"applicant_type": "enterprise", "spend_software_cloud": 1e999999999}'),
        ("a 5,000-digit integer", '{"applicant_type": "enterprise", "spend_software_cloud": ' + "9" * 5000 + "}"),
        ("nesting 100,000 deep", '{"industry": ' + "[" * 100_000 + "]" * 100_000 + "}"),
        ("a 50 MB string", '{"industry": "' + "x" * 50_000_000 + '"}'),
        ("a 900,000-character text (at the size bound)", '{"industry": "' + "x" * 900_000 + '"}'),
    ]
    p0 = best(calc(ok), args.repeat)
    print(f"baseline: validating and calculating a small profile {p0 * 1000:.2f} ms")
    for label, text in profile_cases:
        t = best(calc(text), args.repeat)
        print(f"  {label:<45} {t * 1000:9.2f} ms   ×{t / p0:7.1f}")


if __name__ == "__main__":
    main()
