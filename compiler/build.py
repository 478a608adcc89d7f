"""``policyc build``: check, render every target, write atomically (or compare with --check).

Atomic: all files are rendered in memory first; they are then written to a staging
directory beside ``out`` that starts as a copy of ``out`` without the targets being rebuilt,
and the staging directory replaces ``out`` by renames. A failure at any point before the
final rename leaves the previous ``out`` exactly as it was.
"""

from __future__ import annotations

import difflib
import os
import shutil
import tempfile
from collections.abc import Mapping
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


def write_atomically(out: Path, files: dict[str, str], targets: list[str]) -> None:
    out = out.resolve()
    out.parent.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=f".{out.name}.staging-", dir=out.parent))
    old = out.parent / f".{out.name}.old-{os.getpid()}"
    try:
        if out.is_dir():
            for child in sorted(out.iterdir()):
                if child.name in targets:
                    continue
                dest = staging / child.name
                if child.is_dir():
                    shutil.copytree(child, dest)
                else:
                    shutil.copy2(child, dest)
        for rel, text in sorted(files.items()):
            dest = staging / rel
            dest.parent.mkdir(parents=True, exist_ok=True)
            with open(dest, "w", encoding="utf-8", newline="\n") as fh:
                fh.write(text)
        if out.exists():
            os.replace(out, old)
        os.replace(staging, out)
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        if old.exists() and not out.exists():
            os.replace(old, out)
        raise
    shutil.rmtree(old, ignore_errors=True)
