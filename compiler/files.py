"""Reading the files a policy names, safely: never blocking, never outside the policy's folder.

A policy names two kinds of file: its source text (``来源 "kunming.txt"``) and its parent
policy (``上级 national``). Both must be *regular files in the policy's own folder* (or a
sub-folder of it): no absolute paths, no ``..``, no symbolic link that leads out of the
folder, no named pipe or device, and at most :data:`MAX_SOURCE_BYTES` /
:data:`MAX_POLICY_BYTES`. The file type and size are checked with ``stat`` before the file
is opened, and again with ``fstat`` on the descriptor (opened non-blocking), so a FIFO or a
file swapped in between can neither hang nor flood the compiler.

Every refusal is a :class:`FileRefused` whose message (Chinese, for drafters) never contains
text read from a file.
"""

from __future__ import annotations

import os
import re
import stat
from pathlib import Path

MAX_POLICY_BYTES = 2_000_000
"""A policy file: the largest seed policy is ~30 KB; 2 MB leaves room for generated policies."""
MAX_SOURCE_BYTES = 8_000_000
"""A source text: the longest published policy texts are ~100 KB; 8 MB is far beyond any."""

_CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f\u2028\u2029\ud800-\udfff]")


class FileRefused(Exception):
    """A file that may not be read, or could not be; the message says why (Chinese)."""


def read_regular(path: Path, limit: int) -> bytes:
    """The bytes of ``path`` if it is a regular file of at most ``limit`` bytes.

    Never blocks (FIFOs and devices are refused before they are opened) and never reads more
    than ``limit + 1`` bytes, even if the file grows while it is read.
    """
    try:
        st = os.stat(path)
    except (OSError, ValueError) as err:
        raise FileRefused(_why(err)) from err
    if not stat.S_ISREG(st.st_mode):
        raise FileRefused("不是普通文件（目录、命名管道、设备等不能作为输入）")
    if st.st_size > limit:
        raise FileRefused(f"文件过大（{st.st_size} 字节，上限 {limit} 字节）")
    flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_CLOEXEC", 0)
    try:
        fd = os.open(path, flags)
    except (OSError, ValueError) as err:
        raise FileRefused(_why(err)) from err
    try:
        st = os.fstat(fd)
        if not stat.S_ISREG(st.st_mode):  # swapped for something else since the stat above
            raise FileRefused("不是普通文件（目录、命名管道、设备等不能作为输入）")
        chunks: list[bytes] = []
        size = 0
        while size <= limit:
            chunk = os.read(fd, min(1 << 20, limit + 1 - size))
            if not chunk:
                break
            chunks.append(chunk)
            size += len(chunk)
        if size > limit:
            raise FileRefused(f"文件过大（超过上限 {limit} 字节）")
        return b"".join(chunks)
    except OSError as err:
        raise FileRefused(_why(err)) from err
    finally:
        os.close(fd)


def _why(err: BaseException) -> str:
    if isinstance(err, FileNotFoundError):
        return "文件不存在"
    if isinstance(err, PermissionError):
        return "没有读取权限"
    if isinstance(err, IsADirectoryError):
        return "是目录，不是文件"
    if isinstance(err, OSError) and err.strerror:
        return err.strerror
    return err.__class__.__name__


def confined(folder: Path, name: str) -> Path:
    """``folder / name`` if ``name`` is a relative path that stays inside ``folder``.

    Refused: empty names, control characters, absolute paths (``/…``, ``\\…``, ``C:…``),
    backslashes, ``..`` and ``.`` components, and paths whose real location (after symbolic
    links) is outside ``folder``'s real location.
    """
    if not name or not name.strip():
        raise FileRefused("文件名为空")
    if _CONTROL.search(name):
        raise FileRefused("文件名含控制字符")
    if "\\" in name:
        raise FileRefused("文件名不能含反斜杠“\\”（子目录请用 /）")
    if name.startswith("/") or re.match(r"[A-Za-z]:", name):
        raise FileRefused("不能是绝对路径：须是政策文件所在目录中的文件")
    parts = name.split("/")
    if any(p in ("..", ".", "") for p in parts):
        raise FileRefused("不能含“..”“.”或空的路径段：须是政策文件所在目录中的文件")
    try:
        base = Path(os.path.realpath(folder))
        real = Path(os.path.realpath(folder / name))
    except (OSError, ValueError) as err:
        raise FileRefused(_why(err)) from err
    if real != base and base not in real.parents:
        raise FileRefused("经符号链接指向政策文件所在目录之外")
    return real


def read_beside(policy_path: Path, name: str, limit: int = MAX_SOURCE_BYTES) -> str:
    """The UTF-8 text of the file ``name`` in ``policy_path``'s folder (see :func:`confined`)."""
    data = read_regular(confined(policy_path.parent, name), limit)
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as err:
        raise FileRefused("不是 UTF-8 编码") from err
