from __future__ import annotations

import atexit
import datetime as dt
import functools
import os
import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

import pytest

from compiler.pipeline import Loaded, load
from compiler.resources import SEED_POLICIES

# The suite never reads or writes the user's cache (compiler/cache.py): one cache for the
# session, shared with the policyc processes the tests start, removed at the end. Under
# pytest-xdist the worker processes share the one that the controlling process made.
if os.environ.get("PYTEST_XDIST_WORKER") and os.environ.get("POLICYC_SUITE_CACHE"):
    _CACHE = os.environ["POLICYC_SUITE_CACHE"]
else:
    _CACHE = tempfile.mkdtemp(prefix="policyc-test-cache-")
    os.environ["POLICYC_SUITE_CACHE"] = _CACHE
    atexit.register(shutil.rmtree, _CACHE, True)
os.environ["POLICYC_CACHE_DIR"] = _CACHE
os.environ.pop("POLICYC_NO_CACHE", None)

ROOT = Path(__file__).resolve().parent.parent
POLICIES = ROOT / "policies"
SEEDS = SEED_POLICIES


# `make test` runs the suite on two processes (pytest-xdist, `--dist loadgroup`), one group of
# tests at a time on each (the scheduler below; xdist's own grouping by `xdist_group` markers
# renames node ids, which pytest >= 9 no longer allows). The tests of a module with a module- or
# class-scoped fixture (a Spark session, a browser, a build) are one group, so that it is made
# once; the differential tests of one policy (Python and JavaScript) are one, so that the
# reference evaluator's outcomes for its 10,000 cases are computed once, and so are the two
# DuckDB tests of one seed (its queries built once); any other test is a group of its own. The
# slowest modules go first, so that neither process is left running one of them alone at the end.
SLOWEST_FIRST = (
    "test_spark.py", "test_build.py", "test_site_browser.py", "test_fuzz.py", "test_simulate.py",
    "test_fuzz_mutational.py", "test_serve_fuzz.py", "test_sql_backend.py", "test_mutation_smoke.py",
    "test_diagnostic_examples.py", "test_docs_site.py", "test_lsp.py",
)
# (module, test) -> group: the tests of one policy (their parameter) that share what they compute
PER_POLICY = {
    ("test_python_backend.py", "test_generated_module_equals_reference_evaluator"): "differential",
    ("test_javascript_backend.py", "test_javascript_module_equals_reference_evaluator"): "differential",
    ("test_readings_affected.py", "test_every_item_a_reading_changes_is_listed"): "differential",
    # the seed's text and typed queries (tests/test_sql_backend.py _queries)
    ("test_sql_backend.py", "test_duckdb_equals_the_reference_evaluator"): "sql",
    ("test_sql_backend.py", "test_money_at_the_limit_of_validation_does_not_overflow"): "sql",
}
_SHARED_FIXTURE = re.compile(r"""scope=["'](?:module|class|package)["']""")


@functools.cache
def _has_shared_fixture(module: str) -> bool:
    path = ROOT / "tests" / module
    return path.is_file() and _SHARED_FIXTURE.search(path.read_text(encoding="utf-8")) is not None


def group_of(nodeid: str) -> str:
    """The group of a test, from its node id (``tests/test_x.py::test_y[param]``)."""
    path, _, rest = nodeid.partition("::")
    module = path.rsplit("/", 1)[-1]
    name, _, param = rest.partition("[")
    shared = PER_POLICY.get((module, name))
    if shared is not None and param.endswith("]"):
        return f"{shared}-{param[:-1]}"
    if _has_shared_fixture(module):
        return module
    return nodeid


@pytest.hookimpl(optionalhook=True, tryfirst=True)
def pytest_xdist_make_scheduler(config: pytest.Config, log: object) -> object:
    """``--dist loadgroup``: xdist's scheduling by scope, a scope being a group of :func:`group_of`
    (``--no-loadscope-reorder`` keeps the groups in the order collected: the slowest first)."""
    if config.getvalue("dist") != "loadgroup":
        return None
    from xdist.scheduler import LoadScopeScheduling

    class GroupScheduling(LoadScopeScheduling):  # type: ignore[misc]
        def _split_scope(self, nodeid: str) -> str:
            return group_of(nodeid)

    return GroupScheduling(config, log)


@pytest.hookimpl(tryfirst=True)
def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    rank = {m: i for i, m in enumerate(SLOWEST_FIRST)}
    items.sort(key=lambda it: rank.get(it.path.name, len(rank)))  # stable: file order otherwise


@functools.cache
def load_once(path: Path, on: dt.date | None = None) -> Loaded:
    """``compiler.pipeline.load`` of a file no test edits (a seed policy, an example of
    tests/examples), checked once per test process and shared, like the ``seeds`` fixture: a
    checked seed takes about a second, and a dozen modules read the same ones. Read-only."""
    return load(path, on)


@pytest.fixture(scope="session")
def seeds() -> dict[str, Loaded]:
    return {name: load_once(POLICIES / f"{name}.policy") for name in SEEDS}


@pytest.fixture(scope="session")
def built_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The documentation site, built once per test session with ``mkdocs build --strict``.

    ``make test`` builds it just before (its ``site-strict`` step, the same command, failing on any
    warning) and names it in ``POLICYC_TEST_SITE``, so that it is not built twice.
    """
    pytest.importorskip("mkdocs")
    prebuilt = os.environ.get("POLICYC_TEST_SITE")
    if prebuilt:
        out = Path(prebuilt).resolve()
        assert (out / "index.html").is_file(), f"POLICYC_TEST_SITE={prebuilt} holds no built site"
        return out
    out = tmp_path_factory.mktemp("site")
    proc = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", str(out)],
        cwd=ROOT, capture_output=True, text=True, check=False,
        env={**os.environ, "NO_MKDOCS_2_WARNING": "1"},
    )
    assert proc.returncode == 0, proc.stdout + proc.stderr
    assert "WARNING" not in proc.stderr, proc.stderr
    return out
