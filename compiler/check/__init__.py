"""Checks over the model.

* ``typecheck``   names, types, units, domains (always; errors block everything else)
* ``quotes``      every quote occurs verbatim in the source text
* ``solver``      semantic checks backed by the z3 SMT solver (tiers, conditions, caps, parent)
* ``consistency`` text and structure checks (quoted numbers, validity, funding, lists, unused)
* ``readings``    解读: an applicant for whom two readings pay differently, or that they never do
* ``paired``      「分别」-paired lists against 分档, and tiers where a higher level pays less
* ``fidelity``    the encoding against the source's structure and wording (articles, modality,
                  concept coverage, counted lists; see :mod:`compiler.check.fidelity`)

:func:`semantic_checks` runs the last four on a policy that type-checks.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from ..diagnostics import Diagnostic
from ..model import nodes as n


def semantic_checks(
    policy: n.Policy, path: Path, on: dt.date, parent: n.Policy | None
) -> list[Diagnostic]:
    """All semantic findings for ``policy`` as of ``on``; ``parent`` is its loaded parent policy."""
    from ..model.readings import resolve
    from .consistency import check_consistency, forget_walks
    from .fidelity import SourceContext, check_fidelity
    from .paired import check_paired
    from .readings import check_readings
    from .solver import check_solver

    # every check sees the policy under its adopted readings (解读 … 采用), but those that read
    # what the drafter wrote against the text (modality, 「分别」 pairings) and the readings' own
    raw = policy
    policy = resolve(policy)
    ctx = SourceContext(policy, path)  # the source text, read once for both text checks
    try:
        return [*check_solver(policy, on, parent), *check_consistency(policy, path, on, parent, ctx),
                *check_fidelity(ctx, raw), *check_paired(raw), *check_readings(raw, on)]
    finally:
        forget_walks()  # the expressions' nodes, walked once for all the checks of this policy
