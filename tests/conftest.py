from __future__ import annotations

import atexit
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

import pytest

from compiler.pipeline import Loaded, load

# The suite never reads or writes the user's cache (compiler/cache.py): one cache for the
# session, shared with the policyc processes the tests start, removed at the end.
_CACHE = tempfile.mkdtemp(prefix="policyc-test-cache-")
os.environ["POLICYC_CACHE_DIR"] = _CACHE
os.environ.pop("POLICYC_NO_CACHE", None)
atexit.register(shutil.rmtree, _CACHE, True)

ROOT = Path(__file__).resolve().parent.parent
POLICIES = ROOT / "policies"
SEEDS = ("national", "nanchang", "changchun", "kunming", "xianning")


@pytest.fixture(scope="session")
def seeds() -> dict[str, Loaded]:
    return {name: load(POLICIES / f"{name}.policy") for name in SEEDS}


@pytest.fixture(scope="session")
def built_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The documentation site, built once per test session with ``mkdocs build --strict``."""
    pytest.importorskip("mkdocs")
    out = tmp_path_factory.mktemp("site")
    proc = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", str(out)],
        cwd=ROOT, capture_output=True, text=True, check=False,
        env={**os.environ, "NO_MKDOCS_2_WARNING": "1"},
    )
    assert proc.returncode == 0, proc.stdout + proc.stderr
    assert "WARNING" not in proc.stderr, proc.stderr
    return out
