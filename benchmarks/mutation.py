"""Mutation test of the checker: drop one condition at a time, count the mutants some check flags.

    .venv/bin/python benchmarks/mutation.py [--dir policies] [--on 2025-08-01] [--list]

For every seed policy in ``--dir`` and every support item (补助), each conjunct of its 条件 (the
parts joined by 且) is dropped in turn; an item whose 条件 is a single condition loses the whole
line. Eligibility (资格) is mutated the same way, except that a single-condition 资格 block is
removed. Each mutant is written next to the seed's source text and checked with the full
pipeline (``policyc check``: types, quotes, solver, consistency, fidelity; suppressions apply).

A mutant is *flagged* when the check reports more findings of some code on some article than
the unmutated policy does (messages and lines are not compared: a finding whose witness changed
with the mutation is the same finding). Printed
per policy and in total, in one run:

* before: flagged by the checks that existed before PC320–PC351 (the new codes ignored);
* after: flagged by all checks;
* before* / after*: the same without PC140/PC141 (a fact or definition left unused). Dropping
  a policy's only use of a fact leaves it declared and unused, which PC140 reports; a drafter who
  forgets a condition has usually not declared its fact either (长春 never declared is_sme), so
  these columns are the figures to judge the checks by;
* with tests: flagged by a check or by a failing 测试 block of the policy (``policyc test``).
"""

from __future__ import annotations

import argparse
import datetime as dt
import shutil
import sys
import tempfile
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from compiler.diagnostics import Diagnostic, Severity, Span  # noqa: E402
from compiler.model import nodes as n  # noqa: E402
from compiler.pipeline import load  # noqa: E402
from compiler.testing import run_tests  # noqa: E402

UNUSED = frozenset({"PC140", "PC141"})
NEW_CODES = frozenset({"PC320", "PC321", "PC330", "PC331", "PC340", "PC350", "PC351"})
SEEDS = ("national", "nanchang", "changchun", "kunming", "xianning")


@dataclass(frozen=True)
class Mutant:
    policy: str
    block: str  # 补助 id or 资格 id
    dropped: str  # the condition text dropped
    text: str  # the mutated policy


def _offset(lines: list[str], line: int, column: int) -> int:
    return sum(len(x) + 1 for x in lines[: line - 1]) + column - 1


def _slice(text: str, span: Span) -> tuple[int, int]:
    lines = text.split("\n")
    return _offset(lines, span.line, span.column), _offset(lines, span.end_line, span.end_column)


def conjuncts(e: n.Expr) -> list[n.Expr]:
    if isinstance(e, n.Logic) and e.op == "且":
        return [*conjuncts(e.left), *conjuncts(e.right)]
    return [e]


def _shown(text: str, e: n.Expr) -> str:
    a, b = _slice(text, e.span)
    part = " ".join(text[a:b].split())
    atomic = isinstance(e, n.Ref | n.Compare | n.Member | n.BoolLit)
    return part if atomic else f"({part})"


def _drop_lines(text: str, span: Span) -> str:
    """``text`` without the lines ``span`` covers (a field's keyword is on its first line)."""
    lines = text.split("\n")
    return "\n".join(lines[: span.line - 1] + lines[span.end_line:])


def mutants(name: str, text: str, policy: n.Policy) -> list[Mutant]:
    """Every one-condition-dropped mutant of ``policy`` (whose text is ``text``)."""
    out: list[Mutant] = []
    targets: list[tuple[str, n.Expr | None, Span, bool]] = [
        (it.id, it.cond, it.span, False) for it in policy.items]
    targets += [(r.id, r.cond, r.span, True) for r in policy.requirements]
    for block_id, cond, span, is_requirement in targets:
        if cond is None:
            continue
        parts = conjuncts(cond)
        if len(parts) == 1:
            dropped = _shown(text, parts[0])
            mutated = _drop_lines(text, span if is_requirement else cond.span)
            out.append(Mutant(name, block_id, dropped, mutated))
            continue
        a, b = _slice(text, cond.span)
        for i, part in enumerate(parts):
            rest = " 且 ".join(_shown(text, p) for j, p in enumerate(parts) if j != i)
            out.append(Mutant(name, block_id, _shown(text, part), text[:a] + rest + text[b:]))
    return out


def _key(d: Diagnostic) -> tuple[str, str]:
    return (d.code, d.article)


@dataclass(frozen=True)
class Outcome:
    before: bool  # flagged without the new codes
    after: bool  # flagged by any check
    real_before: bool  # flagged by an old check other than PC140/PC141
    real: bool  # flagged by a check other than PC140/PC141
    tests: bool  # a 测试 block of the policy fails
    codes: tuple[str, ...]  # the codes of the new findings
    valid: bool  # the mutant still parses and type-checks


def judge(m: Mutant, where: Path, baseline: Counter[tuple[str, str]], on: dt.date) -> Outcome:
    path = where / f"{m.policy}.policy"
    path.write_text(m.text, encoding="utf-8")
    loaded = load(path, on)
    # a mutant that no longer parses or type-checks is not counted
    if loaded.policy is None or any(d.severity is Severity.ERROR and d.code < "PC300"
                                    for d in loaded.diagnostics):
        return Outcome(True, True, True, True, True, ("invalid",), False)
    new = Counter(_key(d) for d in loaded.diagnostics) - baseline
    codes = tuple(sorted({k[0] for k in new}))
    failing = any(o.failures for o in run_tests(loaded.policy))
    before = any(c not in NEW_CODES for c in codes)
    real = any(c not in UNUSED for c in codes)
    real_before = any(c not in UNUSED and c not in NEW_CODES for c in codes)
    return Outcome(before, bool(codes), real_before, real, bool(codes) or failing, codes, True)


def run(directory: Path, names: tuple[str, ...], on: dt.date,
        limit: int | None = None) -> dict[str, list[tuple[Mutant, Outcome]]]:
    """Judge the mutants of each named policy of ``directory`` (at most ``limit`` each)."""
    results: dict[str, list[tuple[Mutant, Outcome]]] = {}
    with tempfile.TemporaryDirectory(prefix="policyc-mutation-") as tmp:
        where = Path(tmp)
        for f in directory.iterdir():
            if f.suffix in (".policy", ".txt"):
                shutil.copy(f, where / f.name)
        for name in names:
            original = (directory / f"{name}.policy").read_text(encoding="utf-8")
            seed = load(where / f"{name}.policy", on)
            assert seed.policy is not None, name
            baseline = Counter(_key(d) for d in seed.diagnostics)
            found = mutants(name, original, seed.policy)[:limit]
            results[name] = [(m, judge(m, where, baseline, on)) for m in found]
            (where / f"{name}.policy").write_text(original, encoding="utf-8")
    return results


def _share(k: int, total: int) -> str:
    return f"{k}/{total} ({100 * k / total:.0f}%)" if total else "0/0"


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    ap.add_argument("--dir", type=Path, default=ROOT / "policies")
    ap.add_argument("--on", type=dt.date.fromisoformat, default=dt.date(2025, 8, 1))
    ap.add_argument("--list", action="store_true", help="print every mutant and its outcome")
    args = ap.parse_args()
    results = run(args.dir, SEEDS, args.on)
    shown = args.dir.relative_to(ROOT) if args.dir.is_relative_to(ROOT) else args.dir
    print(f"mutation test: drop one condition ({shown}, --on {args.on})")
    cols = ("before", "after", "real_before", "real", "tests")
    print(f"{'policy':<10} {'mutants':>7}" + "".join(
        f"  {c:>12}" for c in ("before", "after", "before*", "after*", "with tests")))
    tot = Counter[str]()
    for name, rows in results.items():
        valid = [o for _, o in rows if o.valid]
        counts = {"n": len(valid), **{c: sum(getattr(o, c) for o in valid) for c in cols}}
        tot.update(counts)
        print(f"{name:<10} {counts['n']:>7}" + "".join(f"  {_share(counts[c], counts['n']):>12}"
                                                      for c in cols))
        if args.list:
            for m, o in rows:
                mark = "flagged" if o.after else "MISSED "
                print(f"    {mark} {m.block}: -{m.dropped}  {' '.join(o.codes)}"
                      + ("  (a test fails)" if o.tests and not o.after else ""))
    print(f"{'total':<10} {tot['n']:>7}" + "".join(f"  {_share(tot[c], tot['n']):>12}" for c in cols))


if __name__ == "__main__":
    main()
