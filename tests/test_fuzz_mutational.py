"""A few thousand mutated policies through the checker and every backend (tests/fuzz.py).

The long run is ``make fuzz`` (100,000 texts); this one runs on every ``make test``. The seed is
fixed, so a failure is reproducible: ``python tests/fuzz.py --count 2000 --seed 20261126``.
"""

from __future__ import annotations

from fuzz import fuzz


def test_mutated_policies_give_no_internal_error_backend_failure_hang_or_stray_diagnostic() -> None:
    out, stats = fuzz(2000, seed=20261126, render_every=8)
    report = "\n\n".join(f"=== {k} ({out.counts[k]})\n" + "\n\n".join(v) for k, v in out.examples.items())
    assert not out.counts, report
    assert stats["texts"] == 2000
    assert stats["accepted"] >= 80, stats  # the mutations do reach the backends
    assert stats["rendered"] >= 10, stats
