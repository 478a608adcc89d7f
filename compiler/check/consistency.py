"""Text and structure checks over a policy. (Being written.)"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from ..diagnostics import Diagnostic
from ..model import nodes as n


def check_consistency(
    policy: n.Policy, path: Path, on: dt.date, parent: n.Policy | None
) -> list[Diagnostic]:
    return []
