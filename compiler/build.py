"""``policyc build``: check, render every target, write atomically (or compare with --check).

Atomic and kill-safe: all files are rendered in memory first; they are then written to a
staging directory beside ``out`` that starts as a copy of ``out`` without the targets being
rebuilt, and the staging directory replaces ``out`` in one atomic exchange (see the comment
above :func:`write_atomically`). A failure or a kill -9 at any point leaves ``out`` the old
or the new complete tree; the next build removes what a killed one left behind.
"""

from __future__ import annotations

import contextlib
import ctypes
import difflib
import errno
import fcntl
import os
import shutil
import signal
import stat
import sys
import tempfile
from collections.abc import Iterator, Mapping
from pathlib import Path, PurePosixPath

from .backends import Backend, BackendError, CheckedModel


class BuildError(Exception):
    pass


def render_all(model: CheckedModel, backends: Mapping[str, Backend]) -> dict[str, str]:
    """{posix path under out: text} for every target, validated and normalised to LF."""
    files: dict[str, str] = {}
    for name in sorted(backends):
        backend = backends[name]
        try:
            produced = backend.render(model)
        except Exception as err:
            raise BackendError(f"后端“{name}”生成失败：{err.__class__.__name__}: {err}") from err
        for rel, text in sorted(produced.items()):
            path = PurePosixPath(rel)
            if path.is_absolute() or ".." in path.parts or not path.parts or "\\" in rel:
                raise BackendError(f"后端“{name}”给出了不安全的路径“{rel}”")
            if not isinstance(text, str):
                raise BackendError(f"后端“{name}”的文件“{rel}”不是文本")
            files[str(PurePosixPath(name) / path)] = text.replace("\r\n", "\n")
    return files


def read_tree(out: Path, targets: list[str]) -> dict[str, str]:
    """The files currently under out/<target>/ for each target."""
    found: dict[str, str] = {}
    for t in targets:
        base = out / t
        if not base.is_dir():
            continue
        for p in sorted(base.rglob("*")):
            rel = p.relative_to(out)
            # caches that tools leave beside the output are not part of it
            if not p.is_file() or any(part.startswith((".", "__pycache__")) for part in rel.parts):
                continue
            data = p.read_bytes()
            try:
                found[rel.as_posix()] = data.decode("utf-8")
            except UnicodeDecodeError:
                found[rel.as_posix()] = f"<{len(data)} bytes, not UTF-8 text>"
    return found


def diff(out: Path, files: dict[str, str], targets: list[str]) -> list[str]:
    """Unified diffs between what is on disk and what would be written (empty: up to date)."""
    old = read_tree(out, targets)
    chunks: list[str] = []
    for rel in sorted(set(old) | set(files)):
        a, b = old.get(rel), files.get(rel)
        if a == b:
            continue
        chunks.append("".join(difflib.unified_diff(
            (a or "").splitlines(keepends=True), (b or "").splitlines(keepends=True),
            fromfile=f"{out.name}/{rel}" if a is not None else "/dev/null",
            tofile=f"{out.name}/{rel}" if b is not None else "/dev/null",
        )) or f"{rel}: 内容不同\n")
    return chunks


# ------------------------------------------------------------------ writing, kill-safe
#
# Names beside ``out`` (all start with ``.<out name>.``, so several outputs can share a parent):
#   .generated.staging-XXXX   being written; never used for anything once the writer is gone
#   .generated.ready-XXXX     complete; about to replace ``out`` (renamed from staging)
#   .generated.old-XXXX       the previous tree after the exchange, being removed
# Every step is one rename, and the replacement itself is one atomic exchange of ``out`` and
# the ready tree (Linux renameat2(RENAME_EXCHANGE)), so a kill -9 at any instruction leaves
# ``out`` either the old or the new complete tree. Where the exchange is unavailable, two
# renames are used and a kill between them leaves no ``out``: the next run (which recovers
# before it does anything else, holding a lock on the parent directory) renames the ready
# tree, or else the old one, back into place, then removes every leftover.

FAULT_ENV = "POLICYC_BUILD_FAULT"
"""Testing hook: the name of a step at which the build kills itself with SIGKILL."""


def _fault(step: str) -> None:
    if os.environ.get(FAULT_ENV) == step:
        os.kill(os.getpid(), signal.SIGKILL)


def _exchange(a: Path, b: Path) -> bool:
    """Atomically swap two paths (Linux renameat2 RENAME_EXCHANGE); False when unsupported."""
    if not sys.platform.startswith("linux"):
        return False
    try:
        libc = ctypes.CDLL(None, use_errno=True)
        renameat2 = libc.renameat2
    except (OSError, AttributeError):
        return False
    at_fdcwd, rename_exchange = -100, 2
    renameat2.argtypes = [ctypes.c_int, ctypes.c_char_p, ctypes.c_int, ctypes.c_char_p, ctypes.c_uint]
    if renameat2(at_fdcwd, os.fsencode(a), at_fdcwd, os.fsencode(b), rename_exchange) == 0:
        return True
    err = ctypes.get_errno()
    if err in (errno.EINVAL, errno.ENOSYS, errno.ENOTSUP, errno.EOPNOTSUPP, errno.EXDEV):
        return False
    raise OSError(err, os.strerror(err), str(a))


def _leftovers(out: Path, kind: str) -> list[Path]:
    prefix = f".{out.name}.{kind}-"
    try:
        return sorted(p for p in out.parent.iterdir() if p.name.startswith(prefix))
    except OSError:
        return []


def recover(out: Path) -> None:
    """Put ``out`` back if a killed build left it missing, then remove every leftover.

    Call with the parent's lock held (:func:`_locked`), so no live build owns the leftovers.
    """
    if not out.exists():
        ready = sorted(_leftovers(out, "ready"), key=lambda p: p.stat().st_mtime)
        old = _leftovers(out, "old")
        if ready:
            os.rename(ready[-1], out)  # the newest complete tree
        elif old:
            os.rename(old[-1], out)
    for kind in ("staging", "ready", "old"):
        for p in _leftovers(out, kind):
            _remove(p)


def recover_locked(out: Path) -> None:
    """:func:`recover` under the lock; a no-op when the parent does not exist."""
    out = out.resolve()
    if not out.parent.is_dir():
        return
    try:
        with _locked(out.parent):
            recover(out)
    except OSError as err:
        raise BuildError(_disk_message(err, out)) from err


def _remove(p: Path) -> None:
    if p.is_dir() and not p.is_symlink():
        shutil.rmtree(p, ignore_errors=True)
    else:
        with contextlib.suppress(OSError):
            p.unlink()


@contextlib.contextmanager
def _locked(parent: Path) -> Iterator[None]:
    """An exclusive lock on the parent directory: one build (or recovery) at a time."""
    fd = os.open(parent, os.O_RDONLY)
    try:
        fcntl.flock(fd, fcntl.LOCK_EX)
        yield
    finally:
        os.close(fd)  # releases the lock


def _new_dir_mode() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return 0o777 & ~mask


def write_atomically(out: Path, files: dict[str, str], targets: list[str]) -> None:
    """Replace the ``targets`` under ``out`` by ``files``, keeping every other entry of ``out``.

    Raises :class:`BuildError` (Chinese message) when the disk is full, read-only or not
    writable; the previous ``out`` is then left as it was.
    """
    try:
        out = out.resolve()
        out.parent.mkdir(parents=True, exist_ok=True)
        with _locked(out.parent):
            recover(out)
            _write_locked(out, files, targets)
    except OSError as err:
        raise BuildError(_disk_message(err, out)) from err


def _disk_message(err: OSError, out: Path) -> str:
    reason = {
        errno.ENOSPC: "磁盘已满", errno.EDQUOT: "超出磁盘配额", errno.EROFS: "文件系统是只读的",
        errno.EACCES: "没有写入权限", errno.EPERM: "不允许写入（权限或不可变属性）",
    }.get(err.errno or 0, err.strerror or err.__class__.__name__)
    where = f"（{err.filename}）" if err.filename else ""
    return f"无法写入 {out}：{reason}{where}。原有的输出保持不变。"


def _write_locked(out: Path, files: dict[str, str], targets: list[str]) -> None:
    staging = Path(tempfile.mkdtemp(prefix=f".{out.name}.staging-", dir=out.parent))
    try:
        os.chmod(staging, stat.S_IMODE(out.stat().st_mode) if out.is_dir() else _new_dir_mode())
        if out.is_dir():
            for child in sorted(out.iterdir()):
                if child.name in targets:
                    continue
                dest = staging / child.name
                if child.is_dir() and not child.is_symlink():
                    shutil.copytree(child, dest, symlinks=True)
                else:
                    shutil.copy2(child, dest, follow_symlinks=False)
        for i, (rel, text) in enumerate(sorted(files.items())):
            dest = staging / rel
            dest.parent.mkdir(parents=True, exist_ok=True)
            with open(dest, "w", encoding="utf-8", newline="\n") as fh:
                fh.write(text)
            if i == 0:
                _fault("first-file")
        _fault("staged")
        ready = staging.with_name(staging.name.replace(".staging-", ".ready-", 1))
        os.rename(staging, ready)
        staging = ready
        _fault("ready")
        if out.exists() and _exchange(ready, out):
            _fault("exchanged")  # out is the new tree; ``ready`` now holds the old one
            old = ready.with_name(ready.name.replace(".ready-", ".old-", 1))
            os.rename(ready, old)
            staging = old
        else:
            if out.exists():
                old = ready.with_name(ready.name.replace(".ready-", ".old-", 1))
                os.rename(out, old)
                _fault("between-renames")
            os.rename(ready, out)
        _fault("replaced")
    except BaseException:
        if staging.exists() and not staging.name.startswith(f".{out.name}.old-"):
            shutil.rmtree(staging, ignore_errors=True)
        recover(out)
        raise
    shutil.rmtree(staging, ignore_errors=True)
