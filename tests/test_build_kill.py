"""Builds survive kill -9 at any point: 50 kill points, the tree is whole every time.

A forked child runs :func:`compiler.build.write_atomically` (a partial build: target ``python``
only, beside another backend's ``other/`` that must survive) and is killed with SIGKILL, either
after a random delay within the time a build takes or at a named step through the build's
fault-injection hook (``POLICYC_BUILD_FAULT``), with the atomic exchange and with the
two-rename fallback. Then:

* with the exchange, ``out`` is at once the old or the new complete tree;
* in every case, after the next build's recovery, ``out`` is the old or the new complete tree,
  no staging/ready/old directory is left, and the directory's mode is unchanged.
"""

from __future__ import annotations

import os
import random
import signal
import time
from collections.abc import Callable
from pathlib import Path

import pytest
from click.testing import CliRunner

from compiler import build
from compiler.build import FAULT_ENV, BuildError, recover_locked, write_atomically

N_FILES = 60
STEPS = ("first-file", "staged", "ready", "exchanged", "between-renames", "replaced")


def _files(version: str) -> dict[str, str]:
    return {f"python/m{i:03}.py": f"# {version} {i}\n" + "x = 1\n" * 20 for i in range(N_FILES)}


OLD = {**_files("old"), "other/keep.json": "{}\n"}
NEW = {**_files("new"), "other/keep.json": "{}\n"}


def _tree(out: Path) -> dict[str, str]:
    return {p.relative_to(out).as_posix(): p.read_text(encoding="utf-8")
            for p in sorted(out.rglob("*")) if p.is_file()}


def _leftovers(out: Path) -> list[str]:
    return sorted(p.name for p in out.parent.iterdir() if p.name.startswith(f".{out.name}."))


def _fresh(tmp: Path) -> Path:
    out = tmp / "generated"
    write_atomically(out, OLD, ["python", "other"])
    os.chmod(out, 0o751)
    return out


def _child(out: Path, fault: str | None, exchange: bool) -> int:
    pid = os.fork()
    if pid == 0:  # pragma: no cover - runs in the child
        try:
            if fault:
                os.environ[FAULT_ENV] = fault
            if not exchange:
                build._exchange = lambda a, b: False  # type: ignore[assignment]
            write_atomically(out, {k: v for k, v in NEW.items() if k.startswith("python/")}, ["python"])
        finally:
            os._exit(0)
    return pid


def _kill_and_check(out: Path, start: Callable[[], int], delay: float | None, exchange: bool) -> str:
    pid = start()
    if delay is not None:
        time.sleep(delay)
        os.kill(pid, signal.SIGKILL)
    _, status = os.waitpid(pid, 0)
    killed = os.WIFSIGNALED(status)
    if exchange:  # no moment without a whole tree
        assert _tree(out) in (OLD, NEW)
    recover_locked(out)
    got = _tree(out)
    assert got in (OLD, NEW)
    assert _leftovers(out) == []
    assert os.stat(out).st_mode & 0o777 == 0o751
    return ("killed-" if killed else "done-") + ("new" if got == NEW else "old")


@pytest.fixture(scope="module")
def build_seconds(tmp_path_factory: pytest.TempPathFactory) -> float:
    out = _fresh(tmp_path_factory.mktemp("t"))
    start = time.monotonic()
    _, status = os.waitpid(_child(out, None, True), 0)
    assert os.WIFEXITED(status) and _tree(out) == NEW
    return time.monotonic() - start


@pytest.mark.parametrize("exchange", [True, False], ids=["exchange", "two-renames"])
@pytest.mark.parametrize("step", STEPS)
def test_a_kill_at_each_step_leaves_a_whole_tree(tmp_path: Path, step: str, exchange: bool) -> None:
    out = _fresh(tmp_path)
    outcome = _kill_and_check(out, lambda: _child(out, step, exchange), None, exchange)
    if step in ("first-file", "staged", "ready"):
        assert outcome == "killed-old"  # out was never touched: the leftovers are removed
    elif (step, exchange) in (("exchanged", False), ("between-renames", True)):
        assert outcome == "done-new"  # that step does not exist on this path
    else:
        assert outcome == "killed-new"


def test_38_kills_at_random_moments_leave_a_whole_tree(tmp_path: Path, build_seconds: float) -> None:
    rng = random.Random(14)
    outcomes: dict[str, int] = {}
    for i in range(38):
        exchange = i % 4 != 3
        out = _fresh(tmp_path / str(i))
        o = _kill_and_check(out, lambda out=out, exchange=exchange: _child(out, None, exchange),  # type: ignore[misc]
                            rng.uniform(0, build_seconds * 1.1), exchange)
        outcomes[o] = outcomes.get(o, 0) + 1
    assert outcomes.get("killed-old", 0) > 0, outcomes  # the kills did land during the build


def test_stale_leftovers_with_a_reused_pid_are_cleaned(tmp_path: Path) -> None:
    out = _fresh(tmp_path)
    for name in (f".generated.old-{os.getpid()}", ".generated.old-1", ".generated.staging-x"):
        (tmp_path / name).mkdir()
        (tmp_path / name / "junk").write_text("x", encoding="utf-8")
    (tmp_path / ".generated.ready-file").write_text("not a dir", encoding="utf-8")
    write_atomically(out, NEW, ["python", "other"])
    assert _tree(out) == NEW and _leftovers(out) == []


def test_a_missing_out_is_recovered_from_the_newest_complete_tree(tmp_path: Path) -> None:
    out = _fresh(tmp_path)
    os.rename(out, tmp_path / ".generated.old-7")
    recover_locked(out)
    assert _tree(out) == OLD and _leftovers(out) == []


def test_a_new_output_directory_gets_the_umask_mode_not_0700(tmp_path: Path) -> None:
    old = os.umask(0o022)
    try:
        write_atomically(tmp_path / "gen", {"a/b.txt": "x\n"}, ["a"])
    finally:
        os.umask(old)
    assert os.stat(tmp_path / "gen").st_mode & 0o777 == 0o755


@pytest.mark.parametrize(("err", "words"), [(28, "磁盘已满"), (30, "只读"), (13, "没有写入权限")])
def test_a_full_or_read_only_disk_is_a_clear_error_and_the_old_tree_stays(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, err: int, words: str) -> None:
    out = _fresh(tmp_path)

    def refuse(*args: object, **kwargs: object) -> None:
        raise OSError(err, os.strerror(err), str(args[0]))

    monkeypatch.setattr(build, "open", refuse, raising=False)
    with pytest.raises(BuildError, match=words):
        write_atomically(out, NEW, ["python", "other"])
    assert _tree(out) == OLD and _leftovers(out) == []


def test_the_cli_reports_a_full_disk_without_a_traceback(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from hostile import policy, write_policy

    from compiler.cli import main

    src = write_policy(tmp_path / "p", policy())
    out = tmp_path / "gen"

    def refuse(*args: object, **kwargs: object) -> None:
        raise OSError(28, "No space left on device", str(args[0]))

    monkeypatch.setattr(build, "open", refuse, raising=False)
    res = CliRunner().invoke(main, ["build", str(src), "--out", str(out), "--target", "jsonschema"])
    assert res.exit_code == 1 and "磁盘已满" in res.output and "Traceback" not in res.output
    assert res.exception is None or isinstance(res.exception, SystemExit)
