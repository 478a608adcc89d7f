from __future__ import annotations

from pathlib import Path

import pytest

from compiler.pipeline import Loaded, load

ROOT = Path(__file__).resolve().parent.parent
POLICIES = ROOT / "policies"
SEEDS = ("national", "nanchang", "changchun", "kunming", "xianning")


@pytest.fixture(scope="session")
def seeds() -> dict[str, Loaded]:
    return {name: load(POLICIES / f"{name}.policy") for name in SEEDS}
