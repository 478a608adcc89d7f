"""The generated JavaScript calculators: identical to the reference evaluator, through Node."""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path

import pytest

from conftest import ROOT, SEEDS
from differential import cases, reference

GENERATED = ROOT / "generated" / "javascript"
DRIVER = Path(__file__).resolve().parent / "js" / "run_batch.mjs"
NODE = shutil.which("node")
needs_node = pytest.mark.skipif(NODE is None, reason="node is not installed (make test installs it when root)")


def run_node(module: Path, batch: list[tuple[str, str]] | list[tuple[str, str, str]],
             fn: str = "calculate") -> list[dict[str, object]]:
    """One Node process for the whole batch: JSONL in, one outcome per line out (``fn``:
    ``calculate``, or ``readings`` for every reading of a policy with 解读). A case may carry a
    third element: the JSON text of the parameters (参数) it is calculated with."""
    assert NODE is not None
    stdin = "".join(f'{{"profile": {case[0]}, "on": {json.dumps(case[1])}'
                    + (f', "parameters": {case[2]}' if len(case) > 2 else "") + "}\n" for case in batch)
    proc = subprocess.run([NODE, str(DRIVER), str(module), fn], input=stdin, capture_output=True, text=True,
                          check=False, timeout=300)
    assert proc.returncode == 0, proc.stderr[-3000:]
    return [json.loads(line) for line in proc.stdout.splitlines() if line]


@needs_node
@pytest.mark.parametrize("name", SEEDS)
def test_javascript_module_equals_reference_evaluator(name: str) -> None:
    batch = list(cases(name))
    got = run_node(GENERATED / f"{name}.js", batch)
    want = reference(name)
    assert len(got) == len(want) == len(batch)
    diffs = [(batch[i], want[i], got[i]) for i in range(len(batch)) if got[i] != want[i]]
    assert not diffs, f"{len(diffs)} of {len(batch)} differ; first: {diffs[0]}"
    # the cases reach paid items, capped items and refused profiles, not only zeros
    assert sum(1 for w in want if w.get("ok", {}).get("items")) > 500  # type: ignore[union-attr]
    assert sum(1 for w in want if "errors" in w) > 500
