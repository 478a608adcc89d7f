"""Load a policy file through every stage. Never raises: every failure is a diagnostic."""

from __future__ import annotations

import contextlib
import datetime as dt
import gc
import sys
import threading
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

from .backends import CheckedModel, CheckedPolicy
from .diagnostics import Diagnostic, Severity, Span
from .files import MAX_POLICY_BYTES, FileRefused, confined, read_regular
from .model import nodes as n
from .resources import policy_dirs

# The parser, the checks and Lark are imported by the functions that use them: a policy whose
# checked model is cached (compiler.cache) is calculated without loading any of them.


@dataclass
class Loaded:
    path: Path
    display: str
    text: str | None
    policy: n.Policy | None
    diagnostics: list[Diagnostic] = field(default_factory=list)
    suppressed: list[tuple[Diagnostic, n.Suppression]] = field(default_factory=list)

    @property
    def errors(self) -> list[Diagnostic]:
        return [d for d in self.diagnostics if d.severity is Severity.ERROR]

    @property
    def ok(self) -> bool:
        return self.policy is not None and not self.errors

    @property
    def source_name(self) -> str:
        """A stable, relative name for where the policy came from (no absolute paths in outputs)."""
        try:
            return self.path.resolve().relative_to(Path.cwd().resolve()).as_posix()
        except ValueError:
            return f"policies/{self.path.name}"


def checked_model(loaded: list[Loaded]) -> CheckedModel:
    """What the backends receive: the policies that loaded, with their findings and suppressions."""
    return CheckedModel(tuple(
        CheckedPolicy(r.policy, r.source_name, tuple(r.diagnostics), tuple(r.suppressed))
        for r in loaded if r.policy is not None))


def resolve(name: str) -> Path | None:
    """A path, or a policy id looked up in ./policies and the shipped seed policies."""
    p = Path(name)
    if p.suffix == ".policy" or p.exists():
        return p
    for d in policy_dirs():
        cand = d / f"{name}.policy"
        if cand.is_file():
            return cand
    return None


def _display(path: Path) -> str:
    try:
        return str(path.resolve().relative_to(Path.cwd().resolve()))
    except ValueError:
        return str(path)



def parse_source(text: str, display: str) -> tuple[n.Policy | None, list[Diagnostic]]:
    """Text -> model with structural, name and type diagnostics (no file-system checks)."""
    from .check.typecheck import typecheck
    from .model.lower import lower
    from .syntax.edge import check_characters, check_tree
    from .syntax.onepass import parse_surface
    from .syntax.parser import lark_parser, parse_text
    from .syntax.surface import TopLevel
    from .syntax.transform import ToSurface

    refused = check_characters(text, display)  # before parsing: they would shift line numbers
    if refused:
        return None, refused
    # well-formed text is built in one pass; anything else goes through the parse tree, whose
    # checks say what is wrong (the one pass gives the same blocks, or declines)
    blocks: list[TopLevel] | None = parse_surface(lark_parser(), text, display)  # type: ignore[assignment]
    diags: list[Diagnostic] = []
    if blocks is None:
        tree, diags = parse_text(text, display)
        if tree is None:
            return None, diags
        refused = check_tree(tree, display)
        if refused:
            return None, refused
        limit = sys.getrecursionlimit()
        try:
            sys.setrecursionlimit(max(limit, 20_000))
            blocks = ToSurface(display).transform(tree)  # type: ignore[assignment]
        except RecursionError:
            return None, [Diagnostic("PC007", Severity.ERROR, Span(display, 1, 1, 1, 1),
                                     "表达式嵌套过深", "请拆分为多个 定义。")]
        finally:
            sys.setrecursionlimit(limit)
    assert blocks is not None
    policy, more = lower(blocks, display)
    diags += more
    if policy is not None:
        diags += typecheck(policy)
    return policy, diags


def load(path: Path, on: dt.date | None = None) -> Loaded:
    """Load and check one policy. ``on`` is the date validity is judged against (default today)."""
    display = _display(path)
    try:
        raw = read_regular(path, MAX_POLICY_BYTES)
    except FileRefused as err:
        d = Diagnostic("PC006", Severity.ERROR, Span(display, 1, 1, 1, 1), f"无法读取文件：{err}", "")
        return Loaded(path, display, None, None, [d])
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as err:
        line = raw[: err.start].count(b"\n") + 1
        d = Diagnostic("PC006", Severity.ERROR, Span(display, line, 1, line, 2),
                       "文件不是 UTF-8 编码", "请以 UTF-8 编码保存政策文件。")
        return Loaded(path, display, None, None, [d])
    return load_text(path, text, on, display=display)


def load_text(path: Path, text: str, on: dt.date | None = None, *, display: str | None = None,
              semantic: bool = True) -> Loaded:
    """Check ``text`` as the contents of the policy file ``path`` (an editor's unsaved buffer).

    Without ``semantic`` the consistency and solver checks are skipped (parse, names, types,
    quotes and the parent only: fast enough to run as the drafter types).
    """
    from .check import semantic_checks
    from .check.quotes import check_quotes

    display = display or _display(path)
    try:
        with fewer_collections():
            policy, diags = parse_source(text, display)
            if policy is not None:
                diags += check_quotes(policy, path)
                diags += _check_parent(policy, path)
                if semantic and not any(d.severity is Severity.ERROR for d in diags):
                    parent = _load_parent(policy, path)
                    diags += semantic_checks(policy, path, on or dt.date.today(), parent)
    except Exception as err:  # an internal error must still not show a traceback
        policy = None
        diags = [Diagnostic("PC000", Severity.ERROR, Span(display, 1, 1, 1, 1),
                            f"policyc 内部错误：{err.__class__.__name__}: {err}",
                            "这是 policyc 的缺陷，请报告并附上该政策文件。")]
    loaded = Loaded(path, display, text, policy)
    _apply_suppressions(loaded, diags)
    return loaded


GC_THRESHOLD = 20_000
"""Allocations between two young-generation collections while a policy is parsed and checked
(Python's default is 700). The parser and the checks allocate millions of short-lived objects
(tokens, numbers, intervals, solver terms) beside a large, long-lived heap; at the default, the
collector's passes over that heap cost about a seventh of checking a 500-item policy. Reference
counting still frees everything that is not in a cycle at once; only the search for cycles
runs less often."""


_GC_LOCK = threading.Lock()
_gc_users = 0
_gc_before: tuple[int, ...] = ()


@contextlib.contextmanager
def fewer_collections() -> Iterator[None]:
    """Run the block with the young generation collected every :data:`GC_THRESHOLD` allocations
    (at least: a higher threshold already set is kept), then restore the thresholds. Loads that
    overlap (threads of ``policyc serve``, the language server) share one setting: the first
    saves the thresholds, the last out restores them."""
    global _gc_users, _gc_before
    with _GC_LOCK:
        if _gc_users == 0:
            _gc_before = gc.get_threshold()
            gc.set_threshold(max(_gc_before[0], GC_THRESHOLD), *_gc_before[1:])
        _gc_users += 1
    try:
        yield
    finally:
        with _GC_LOCK:
            _gc_users -= 1
            if _gc_users == 0:
                gc.set_threshold(*_gc_before)


def _load_parent(policy: n.Policy, path: Path) -> n.Policy | None:
    if policy.header.parent is None:
        return None
    try:
        ppath = confined(path.parent, f"{policy.header.parent}.policy")
        text = read_regular(ppath, MAX_POLICY_BYTES).decode("utf-8-sig")
    except (FileRefused, UnicodeDecodeError):
        return None
    parent, diags = parse_source(text, _display(ppath))
    return parent if not any(d.severity is Severity.ERROR for d in diags) else None


def _check_parent(policy: n.Policy, path: Path) -> list[Diagnostic]:
    parent = policy.header.parent
    if parent is None:
        return []
    try:
        if confined(path.parent, f"{parent}.policy").is_file():
            return []
    except FileRefused:
        pass
    return [Diagnostic("PC123", Severity.ERROR, policy.header.parent_span or policy.header.span,
                       f"找不到上级政策“{parent}”", f"应有文件 {parent}.policy 与本政策在同一目录。")]


def _apply_suppressions(loaded: Loaded, diags: list[Diagnostic]) -> None:
    p = loaded.policy
    scopes: list[tuple[n.Suppression, Span | None]] = []
    if p is not None:
        scopes += [(s, None) for s in p.suppressions]
        for block in (*p.blocks(), *p.readings):
            scopes += [(s, block.span) for s in block.suppressions]
    for d in sorted(set(diags), key=lambda d: d.sort_key):
        hit = next((s for s, span in scopes if s.code == d.code and
                    (span is None or span.line <= d.span.line <= span.end_line)), None)
        if hit is not None and d.severity is not Severity.ERROR:
            loaded.suppressed.append((d, hit))
        else:
            loaded.diagnostics.append(d)


def check_ids(results: list[Loaded]) -> None:
    """PC108 on every policy whose id another loaded file already uses (ignoring case, since
    the ids become file names and some file systems ignore case). Appends to ``diagnostics``."""
    first: dict[str, Loaded] = {}
    seen: set[Path] = set()
    for r in results:
        if r.policy is None:
            continue
        real = r.path.resolve()
        if real in seen:  # the same file named twice
            continue
        seen.add(real)
        key = r.policy.id.lower()
        other = first.setdefault(key, r)
        if other is r:
            continue
        h = r.policy.header
        r.diagnostics.append(Diagnostic(
            "PC108", Severity.ERROR, h.id_span or h.span,
            f"政策标识“{h.id}”与 {other.display} 的“{other.policy.id if other.policy else h.id}”冲突",
            "每个政策的标识须不同（不区分大小写）：它是各输出的文件名，后者会覆盖前者。",
        ))


def load_named(name: str, on: dt.date | None = None) -> Loaded:
    if Path(name).is_dir():  # a folder names the .policy files in it (policyc check policies/): none here
        d = Diagnostic("PC006", Severity.ERROR, Span(name, 1, 1, 1, 1), f"目录“{name}”中没有 .policy 文件",
                       "给出 .policy 文件、政策 id，或含有 .policy 文件的目录。")
        return Loaded(Path(name), name, None, None, [d])
    path = resolve(name)
    if path is None:
        d = Diagnostic("PC006", Severity.ERROR, Span(name, 1, 1, 1, 1),
                       f"找不到政策“{name}”",
                       "可用政策 id：national、nanchang、changchun、kunming、xianning，"
                       "或给出 .policy 文件路径。")
        return Loaded(Path(name), name, None, None, [d])
    from .cache import load_cached

    day = on or dt.date.today()
    return load_cached(path, _display(path), day, lambda: load(path, day))
