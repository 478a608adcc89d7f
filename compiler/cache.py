"""On-disk caches that keep the parser build and the checker off the calculation path.

Four things are cached, all under the user's cache directory (``$POLICYC_CACHE_DIR``, else
``$XDG_CACHE_HOME/policyc``, else ``~/.cache/policyc``):

* the LALR parser built from ``grammar/policy.lark`` (Lark's own ``save``/``load``), keyed by
  the grammar text, the parser options, Lark's version and Python's version;
* each policy's checked model (:class:`~compiler.pipeline.Loaded`: model, diagnostics,
  suppressed findings), keyed by the policy file's bytes, its path and display name, the date
  validity is judged against, and a fingerprint of the compiler itself (the text of every module
  of this package, the grammar, and the installed Lark and z3). The files the check read besides
  the policy (its 来源 text, its 上级 policy) are recorded with a hash of their content and
  compared on every hit, so an edited source text invalidates the entry too;
* small tables derived from an installed library, as JSON: OpenCC's Traditional -> Simplified
  characters (:func:`compiler.textfold.fold_table`), keyed by OpenCC's build;
* the SQL queries ``policyc simulate`` runs (the SQL backend's, through :func:`cached_table`),
  keyed by everything they are made from, the backend's own text, this package's fingerprint,
  and the builds of sqlglot and OpenCC; the ``MAX_TABLES`` most recently written of each kind
  are kept (each date makes new ones).

Every entry is written atomically (temporary file + rename) and framed with a BLAKE2 digest of
its payload; an entry that is missing, truncated, corrupted, unreadable or from another version
is ignored and rebuilt — a cache can only make a result faster, never different. Set
``POLICYC_NO_CACHE=1`` or pass ``policyc --no-cache`` to bypass every cache.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import hashlib
import io
import json
import os
import pickle
import stat
import sys
import tempfile
from collections.abc import Callable
from functools import cache
from importlib.util import find_spec
from pathlib import Path
from typing import TYPE_CHECKING, Any

from .files import MAX_POLICY_BYTES, MAX_SOURCE_BYTES, FileRefused, read_regular

if TYPE_CHECKING:
    from lark import Lark

    from .pipeline import Loaded

_MAGIC = b"policyc-cache-1\n"
_DIGEST = 32
_PACKAGE = Path(__file__).resolve().parent
_disabled = False


def disable() -> None:
    """Bypass both caches for the rest of this process (``policyc --no-cache``)."""
    global _disabled
    _disabled = True


def enable() -> None:
    """Undo :func:`disable` (at the end of a command run in-process)."""
    global _disabled
    _disabled = False


def enabled() -> bool:
    return not _disabled and os.environ.get("POLICYC_NO_CACHE", "") in ("", "0")


def cache_dir() -> Path | None:
    """Where the caches live; None (no caching) when there is no home directory to put them in."""
    explicit = os.environ.get("POLICYC_CACHE_DIR")
    if explicit:
        return Path(explicit)
    xdg = os.environ.get("XDG_CACHE_HOME")
    if xdg and Path(xdg).is_absolute():
        return Path(xdg) / "policyc"
    try:
        return Path.home() / ".cache" / "policyc"
    except RuntimeError:  # no HOME and no password entry
        return None


def _digest(*parts: bytes) -> str:
    h = hashlib.blake2b(digest_size=_DIGEST)
    for p in parts:
        h.update(len(p).to_bytes(8, "little"))
        h.update(p)
    return h.hexdigest()


def _read_entry(path: Path) -> bytes | None:
    """The payload of a cache file, or None when it is absent or does not verify.

    An entry is unpickled, so only a file that this user owns and that no one else may write
    is read: a cache directory others can write to cannot be used to run their code.
    """
    try:
        with open(path, "rb") as fh:
            st = os.fstat(fh.fileno())
            if (hasattr(os, "geteuid") and st.st_uid != os.geteuid()) or st.st_mode & 0o022:
                return None
            raw = fh.read()
    except OSError:
        return None
    head = len(_MAGIC) + _DIGEST
    if len(raw) < head or not raw.startswith(_MAGIC):
        return None
    payload = raw[head:]
    if hashlib.blake2b(payload, digest_size=_DIGEST).digest() != raw[len(_MAGIC):head]:
        return None
    return payload


def _write_entry(path: Path, payload: bytes) -> None:
    """Write atomically; a cache that cannot be written is simply not written."""
    try:
        path.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(prefix=".tmp-", dir=path.parent)
        try:
            with os.fdopen(fd, "wb") as fh:
                fh.write(_MAGIC + hashlib.blake2b(payload, digest_size=_DIGEST).digest() + payload)
            os.replace(tmp, path)
        except BaseException:
            with contextlib.suppress(OSError):
                os.unlink(tmp)
            raise
    except OSError:
        pass


# ------------------------------------------------------------------------------ the parser


def cached_parser(grammar: str, options: dict[str, Any]) -> Lark:
    """``Lark(grammar, **options)``, loaded from the cache when an identical build is stored.

    A parser loaded from the cache skips Lark's grammar analysis and the lexer's validation
    (the regexp-collision check, which the test suite runs on the grammar instead).
    """
    from lark import Lark, __version__

    folder = cache_dir() if enabled() else None
    if folder is None:
        return Lark(grammar, **options)
    key = _digest(grammar.encode(), repr(sorted(options.items())).encode(), __version__.encode(),
                  repr(sys.version_info[:2]).encode())
    path = folder / f"parser-{key}.pickle"
    payload = _read_entry(path)
    if payload is not None:
        try:
            return Lark.load(io.BytesIO(payload))
        except Exception:  # a bad entry is rebuilt, never trusted
            pass
    parser = Lark(grammar, **options)
    buf = io.BytesIO()
    parser.save(buf)
    _write_entry(path, buf.getvalue())
    return parser


# ------------------------------------------------------------------------------ small tables


def cached_table(name: str, key: tuple[bytes, ...], build: Callable[[], dict[str, str]],
                 need: tuple[str, ...] = ()) -> dict[str, str]:
    """``build()``, a table of strings that depends only on ``key``, stored as JSON (never
    unpickled) and read back when an entry for the same key is stored — and holds every key in
    ``need`` (an entry without one is rebuilt, never read as a KeyError)."""
    folder = cache_dir() if enabled() else None
    if folder is None:
        return build()
    path = folder / f"{name}-{_digest(*key)}.json"
    payload = _read_entry(path)
    if payload is not None:
        try:
            table = json.loads(payload.decode("utf-8"))
            if (isinstance(table, dict) and all(isinstance(k, str) and isinstance(v, str)
                                                for k, v in table.items()) and all(k in table for k in need)):
                return table
        except ValueError:  # a bad entry is rebuilt, never trusted
            pass
    table = build()
    _write_entry(path, json.dumps(table, ensure_ascii=False, sort_keys=True).encode("utf-8"))
    _prune(folder, f"{name}-*.json", MAX_TABLES)
    return table


def library_fingerprint(name: str) -> bytes:
    """Where an installed library is and which build of it (path, mtime and size of its module)."""
    spec = find_spec(name)
    origin = spec.origin if spec is not None else None
    if not origin:
        return f"{name}:absent".encode()
    st = os.stat(origin)
    return f"{name}:{origin}:{st.st_mtime_ns}:{st.st_size}".encode()


# --------------------------------------------------------------------------- checked models


@cache
def compiler_fingerprint() -> bytes:
    """Changes whenever anything that can change a check's result changes."""
    from .resources import grammar_path

    h = hashlib.blake2b(digest_size=_DIGEST)
    for f in sorted(_PACKAGE.rglob("*.py")):
        h.update(f.relative_to(_PACKAGE).as_posix().encode() + b"\0")
        h.update(f.read_bytes())
    h.update(grammar_path().read_bytes())
    for lib in ("lark", "z3"):
        h.update(library_fingerprint(lib))
    h.update(repr(sys.version_info).encode())
    return h.digest()


Fingerprint = tuple[str, ...]


def _fingerprint(path: Path) -> Fingerprint | None:
    """What a check saw of a file it read; None when the file is not cacheable (a pipe, a device)."""
    try:
        lst = os.lstat(path)
    except OSError as err:
        return (str(path), "absent", err.__class__.__name__)
    real = os.path.realpath(path)
    try:
        st = os.stat(path)
    except OSError as err:
        return (str(path), real, "dangling", err.__class__.__name__)
    if not stat.S_ISREG(st.st_mode):
        return None
    try:
        content = hashlib.blake2b(read_regular(path, MAX_SOURCE_BYTES), digest_size=_DIGEST).hexdigest()
    except FileRefused:
        return None
    return (str(path), real, "link" if stat.S_ISLNK(lst.st_mode) else "file", str(st.st_size), content)


def _dependencies(loaded: Loaded) -> list[Path]:
    """The files besides the policy itself that its check read."""
    deps: list[Path] = []
    p = loaded.policy
    if p is not None:
        if p.header.source:
            deps.append(loaded.path.parent / p.header.source)
        if p.header.parent is not None:
            deps.append(loaded.path.parent / f"{p.header.parent}.policy")
    return deps


def load_cached(path: Path, display: str, on: dt.date, fresh: Callable[[], Loaded]) -> Loaded:
    """``fresh()``'s result for the policy at ``path`` as of ``on``, from the cache when valid."""
    folder = cache_dir() if enabled() else None
    if folder is None:
        return fresh()
    try:
        raw = read_regular(path, MAX_POLICY_BYTES)  # a pipe or a device is never opened
    except FileRefused:
        return fresh()  # the fresh load reports why it cannot be read
    # file names may hold bytes that are not UTF-8 (surrogate escapes): encode them as the OS does
    key = _digest(compiler_fingerprint(), raw, os.fsencode(path), display.encode("utf-8", "surrogatepass"),
                  os.fsencode(Path.cwd()), on.isoformat().encode())
    entry = folder / "models" / f"{key}.pickle"
    payload = _read_entry(entry)
    if payload is not None:
        try:
            deps, loaded = pickle.loads(payload)
            if all(_fingerprint(Path(d[0])) == d for d in deps):
                return loaded  # type: ignore[no-any-return]
        except Exception:  # a bad entry is rebuilt, never trusted
            pass
    loaded = fresh()
    if any(d.code == "PC000" for d in loaded.diagnostics):
        return loaded  # an internal error is never remembered
    if loaded.text is None or loaded.text != raw.decode("utf-8-sig", errors="replace"):
        return loaded  # unreadable, or the file changed while it was being checked
    prints = [_fingerprint(d) for d in _dependencies(loaded)]
    if any(f is None for f in prints):
        return loaded
    try:
        payload = pickle.dumps((prints, loaded), protocol=pickle.HIGHEST_PROTOCOL)
    except Exception:  # an unpicklable model is just not cached
        return loaded
    _write_entry(entry, payload)
    _prune(entry.parent, "*.pickle", MAX_MODELS)
    return loaded


MAX_MODELS = 512  # checked models kept; the least recently written beyond this are removed
# tables kept of each name (``policyc simulate``'s queries: one per policy, date and kind, so a
# run a day on the default date would otherwise add some 270 KB a day for ever)
MAX_TABLES = 256


def _prune(folder: Path, pattern: str, keep: int) -> None:
    """Remove the least recently written of the entries ``pattern`` matches beyond ``keep``."""
    try:
        entries = [(e.stat().st_mtime_ns, e) for e in folder.glob(pattern)]
        if len(entries) <= keep:
            return
        for _, e in sorted(entries)[: len(entries) - keep]:
            with contextlib.suppress(OSError):
                e.unlink()
    except OSError:
        pass
