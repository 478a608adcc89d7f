"""Fidelity to the source: every quoted article text must occur verbatim in the source text.

Matching ignores all white space (the published texts break lines mid-sentence and put
spaces around numbers); every other character, including full-width punctuation and
Traditional characters, must be exactly as published.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

from ..diagnostics import Diagnostic, Severity
from ..files import FileRefused, read_beside
from ..model import nodes as n

_WS = re.compile(r"\s+")


def normalise(text: str) -> str:
    return _WS.sub("", text)


def citations(policy: n.Policy) -> Iterator[n.Citation]:
    """Every citation of the policy, one per quoted passage (原文 may quote several)."""
    for c in _citations(policy):
        yield from c.parts()


def _citations(policy: n.Policy) -> Iterator[n.Citation]:
    h = policy.header
    if h.validity and h.validity.citation:
        yield h.validity.citation
    if h.retroactive and h.retroactive.citation:
        yield h.retroactive.citation
    for block in policy.blocks():
        yield block.citation
    for item in policy.items:
        for f in item.funding:
            if f.citation is not None:
                yield f.citation
    for r in policy.readings:
        yield r.citation
        for o in r.options:
            if o.citation is not None:
                yield o.citation
    for prm in policy.parameters:  # 参数 … 依据 …
        if prm.citation is not None:
            yield prm.citation
    for con in policy.constraints:  # 约束 … 依据 …
        if con.citation is not None:
            yield con.citation


def _matched_prefix(quote: str, source: str) -> int:
    """Length of the longest prefix of ``quote`` that occurs in ``source`` (binary search)."""
    lo, hi = 0, len(quote)
    while lo < hi:
        mid = (lo + hi + 1) // 2
        if quote[:mid] in source:
            lo = mid
        else:
            hi = mid - 1
    return lo


def _shown(name: str) -> str:
    """A file name as written, with control characters shown as escapes."""
    return "".join(ch if ch.isprintable() else ascii(ch)[1:-1] for ch in name[:200])


def check_quotes(policy: n.Policy, policy_path: Path) -> list[Diagnostic]:
    h = policy.header
    if not h.source:
        return [Diagnostic(
            "PC302", Severity.ERROR, h.span, "政策没有写明原文来源（来源）",
            '在 政策 块中加入：来源 "文件名.txt"（原文文本放在政策文件旁）。',
        )]
    where = h.source_span or h.span
    try:
        source = normalise(read_beside(policy_path, h.source))
    except FileRefused as err:
        # the message names the file as the policy wrote it, never anything read from it
        return [Diagnostic(
            "PC302", Severity.ERROR, where, f"无法读取原文来源“{_shown(h.source)}”：{err}",
            "原文文件须是政策文件所在目录中的普通 UTF-8 文本文件（写文件名，如 \"kunming.txt\"）。",
        )]
    diags = []
    for c in citations(policy):
        q = normalise(c.quote)
        if not q:
            diags.append(Diagnostic(
                "PC303", Severity.ERROR, c.quote_span, "引用的原文为空",
                "逐字引用该条款的原文，不要留空。", c.article,
            ))
            continue
        if q in source:
            continue
        k = _matched_prefix(q, source)
        bad = q[k : k + 12]
        good = q[max(0, k - 12) : k]
        diags.append(Diagnostic(
            "PC301", Severity.ERROR, c.quote_span,
            f"引用的原文在“{_shown(h.source)}”中找不到：自第 {k + 1} 个字起不一致（“{good}▲{bad}”）",
            "原文须逐字照录（忽略空白）；检查错别字、标点的全角/半角、繁简体。",
            c.article,
        ))
    return diags
