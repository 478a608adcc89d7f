"""Semantic checks backed by the z3 SMT solver. (Being written.)"""

from __future__ import annotations

import datetime as dt

from ..diagnostics import Diagnostic
from ..model import nodes as n


def check_solver(policy: n.Policy, on: dt.date, parent: n.Policy | None) -> list[Diagnostic]:
    return []
