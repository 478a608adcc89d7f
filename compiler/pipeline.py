"""Load a policy file through every stage. Never raises: every failure is a diagnostic."""

from __future__ import annotations

import datetime as dt
import sys
from dataclasses import dataclass, field
from pathlib import Path

from lark import Token, Tree

from .check import semantic_checks
from .check.quotes import check_quotes
from .check.typecheck import typecheck
from .diagnostics import Diagnostic, Severity, Span
from .model import nodes as n
from .model.lower import lower
from .resources import policy_dirs
from .syntax.parser import parse_text
from .syntax.surface import TopLevel
from .syntax.transform import ToSurface


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


MAX_DEPTH = 200  # far beyond any real policy; keeps every later stage's recursion shallow


def _too_deep(tree: Tree[Token], display: str) -> Diagnostic | None:
    """The first node nested deeper than MAX_DEPTH (measured without recursion), as PC007."""
    stack: list[tuple[Tree[Token], int]] = [(tree, 1)]
    while stack:
        node, depth = stack.pop()
        if depth > MAX_DEPTH:
            meta = node.meta
            line = getattr(meta, "line", 1) if not getattr(meta, "empty", True) else 1
            col = getattr(meta, "column", 1) if not getattr(meta, "empty", True) else 1
            return Diagnostic("PC007", Severity.ERROR, Span(display, line, col, line, col + 1),
                              f"表达式嵌套过深（超过 {MAX_DEPTH} 层）", "请拆分为多个 定义。")
        stack.extend((c, depth + 1) for c in node.children if isinstance(c, Tree))
    return None


def parse_source(text: str, display: str) -> tuple[n.Policy | None, list[Diagnostic]]:
    """Text -> model with structural, name and type diagnostics (no file-system checks)."""
    tree, diags = parse_text(text, display)
    if tree is None:
        return None, diags
    deep = _too_deep(tree, display)
    if deep is not None:
        return None, [deep]
    limit = sys.getrecursionlimit()
    try:
        sys.setrecursionlimit(max(limit, 20_000))
        blocks: list[TopLevel] = ToSurface(display).transform(tree)  # type: ignore[assignment]
    except RecursionError:
        return None, [Diagnostic("PC007", Severity.ERROR, Span(display, 1, 1, 1, 1),
                                 "表达式嵌套过深", "请拆分为多个 定义。")]
    finally:
        sys.setrecursionlimit(limit)
    policy, more = lower(blocks, display)
    diags += more
    if policy is not None:
        diags += typecheck(policy)
    return policy, diags


def load(path: Path, on: dt.date | None = None) -> Loaded:
    """Load and check one policy. ``on`` is the date validity is judged against (default today)."""
    display = _display(path)
    try:
        raw = path.read_bytes()
    except OSError as err:
        d = Diagnostic("PC006", Severity.ERROR, Span(display, 1, 1, 1, 1),
                       f"无法读取文件：{err.strerror or err.__class__.__name__}", "")
        return Loaded(path, display, None, None, [d])
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as err:
        line = raw[: err.start].count(b"\n") + 1
        d = Diagnostic("PC006", Severity.ERROR, Span(display, line, 1, line, 2),
                       "文件不是 UTF-8 编码", "请以 UTF-8 编码保存政策文件。")
        return Loaded(path, display, None, None, [d])
    try:
        policy, diags = parse_source(text, display)
        if policy is not None:
            diags += check_quotes(policy, path)
            diags += _check_parent(policy, path)
            if not any(d.severity is Severity.ERROR for d in diags):
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


def _load_parent(policy: n.Policy, path: Path) -> n.Policy | None:
    if policy.header.parent is None:
        return None
    ppath = path.parent / f"{policy.header.parent}.policy"
    try:
        text = ppath.read_text(encoding="utf-8-sig")
    except (OSError, UnicodeDecodeError):
        return None
    parent, diags = parse_source(text, _display(ppath))
    return parent if not any(d.severity is Severity.ERROR for d in diags) else None


def _check_parent(policy: n.Policy, path: Path) -> list[Diagnostic]:
    parent = policy.header.parent
    if parent is None or (path.parent / f"{parent}.policy").is_file():
        return []
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


def load_named(name: str, on: dt.date | None = None) -> Loaded:
    path = resolve(name)
    if path is None:
        d = Diagnostic("PC006", Severity.ERROR, Span(name, 1, 1, 1, 1),
                       f"找不到政策“{name}”",
                       "可用政策 id：national、nanchang、changchun、kunming、xianning，"
                       "或给出 .policy 文件路径。")
        return Loaded(Path(name), name, None, None, [d])
    return load(path, on)
