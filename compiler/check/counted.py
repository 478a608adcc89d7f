"""Lists against the text they encode.

* PC350 counted lists: the text lists values and then counts them (「…和中成药生物药品制品制造四个
  行业」, 「等五个行业」, 「等 3 类」), and the `属于` list has another number of entries.
* PC351 spelling: a list value on a text fact is not what the cited text says. Either the text
  that lists the other values lacks it in any script (长春 第七条 「中成药生物药品制造」 against
  第四条's 「…制品制造」), or the text writes it in another script or width (咸宁's 「裝備制造、
  電子信息…」) and the calculation does not accept the text's own spelling. That second case asks
  the evaluator, so it falls silent where text comparisons treat such spellings as equal.

The text is the quotes of the blocks that read the list (directly or through a definition) and
the parts of the source their labels name (with an item's article lead-in).
"""

from __future__ import annotations

import re

from ..diagnostics import Diagnostic, Severity
from ..evaluate.evaluator import Evaluator
from ..model import nodes as n
from ..source.script import fold
from ..source.structure import numeral
from .consistency import block_citations, list_places
from .fidelity import SourceContext

_CLOSING = "」”\"'’）)》"
_COUNT = re.compile(r"(等)?([0-9〇一二两三四五六七八九十]+)[个個类類种種项項家]")
_SENTENCE_END = re.compile(r"[。；;，,：:]")


def _texts(ctx: SourceContext, blocks: list[n.Block]) -> list[tuple[str, str]]:
    """(label, text) to look in: the quotes first, then the parts the labels name."""
    out: list[tuple[str, str]] = []
    for b in blocks:
        out += [(c.article, c.quote) for c in block_citations(b)]
    for b in blocks:
        for c in block_citations(b):
            scope = ctx.scope_text(c.article)
            if scope is not None:
                out.append((c.article, scope))
    return out


def check_counted(ctx: SourceContext) -> list[Diagnostic]:
    diags: list[Diagnostic] = []
    for m, blocks in list_places(ctx):
        if not m.values or not blocks:
            continue
        article = blocks[0].citation.article
        texts = _texts(ctx, blocks)
        count = _count(m, texts)
        if count is not None:
            label, said, phrase = count
            diags.append(Diagnostic(
                "PC350", Severity.WARNING, m.span,
                f"{label}写明“{phrase}”（{said} 项），而列表有 {len(m.values)} 项",
                "核对列表是否漏列、多列或重复；原文列举与计数本身不一致时，写 忽略 PC350 \"理由\"。",
                article))
        if isinstance(m.operand, n.Ref):
            fact = ctx.policy.fact(m.operand.name)
            # the spelling check asks the evaluator (built for the first text list); without one
            # it says nothing
            if fact is not None and fact.type.kind == "text" and (ev := ctx.evaluator) is not None:
                diags += _spelling(ev, m, fact.name, texts, article)
                diags += _unlisted(ctx, m, texts, article)
    return diags


def _count(m: n.Member, texts: list[tuple[str, str]]) -> tuple[str, int, str] | None:
    values = [fold("".join(v.value.split())) for v in m.values]
    for label, raw in texts:
        text = fold("".join(raw.split()))
        found = [(text.find(v), v) for v in values]
        hits = [(i, v) for i, v in found if i >= 0]
        if len(hits) * 2 <= len(values):
            continue  # not where the list is written
        end = max(i + len(v) for i, v in hits)
        rest = text[end:].lstrip(_CLOSING)
        stop = _SENTENCE_END.search(rest)
        # the count closes the list: 「…、电子元器件制造、中成药生物药品制品制造四个行业」
        c = _COUNT.search(rest[:stop.start() if stop else len(rest)])
        if c is None:
            return None
        said = numeral(c.group(2))
        if said is None or said == len(values):
            return None
        return label, said, c.group(0)
    return None


def _spelling(ev: Evaluator, m: n.Member, fact: str, texts: list[tuple[str, str]],
              article: str) -> list[Diagnostic]:
    diags: list[Diagnostic] = []
    for v in m.values:
        want = "".join(v.value.split())
        if not want:
            continue
        for label, raw in texts:
            flat = "".join(raw.split())
            if want in flat:
                break
            i = fold(flat).find(fold(want))
            if i < 0:
                continue
            written = flat[i:i + len(want)]
            if _accepted(ev, m, fact, written):
                break
            diags.append(Diagnostic(
                "PC351", Severity.WARNING, v.span,
                f"列表中的“{v.value}”在{label}的原文中写作“{written}”，按原文写法填写的申请人不被认定",
                "文本事实的比较须不分繁简体、全角半角；在此之前，把原文写法也列入列表。",
                article))
            break
    return diags


def _unlisted(ctx: SourceContext, m: n.Member, texts: list[tuple[str, str]],
              article: str) -> list[Diagnostic]:
    """Values missing from the text that lists the others (in any script), where that text's
    enumeration has an entry no value matches: 长春 第七条 spells 「中成药生物药品制造」 where the
    list (from 第四条) has 「中成药生物药品制品制造」."""
    values = [(v, fold("".join(v.value.split()))) for v in m.values]
    folded_values = {f for _, f in values}
    for label, raw in texts:
        text = fold("".join(raw.split()))
        spans = [(i, i + len(f)) for _, f in values if f and (i := text.find(f)) >= 0]
        missing = [v for v, f in values if f and f not in text]
        if not missing or len(spans) * 2 <= len(values) or len(values) < 3:
            continue  # not where the list is written
        lo, hi = min(a for a, _ in spans), max(b for _, b in spans)
        while (more := _NEXT_ENTRY.match(text, hi)) is not None:
            hi = more.end()
        entries = [e for e in _ENTRY_SPLIT.split(text[lo:hi]) if e]
        unmatched = [e for e in entries if e not in folded_values]
        if not unmatched:
            return []
        written = "、".join(f"“{e}”" for e in unmatched)
        diags = []
        for v in missing:
            where = _elsewhere(ctx, v.value)
            also = f"（原文中见于{where}）" if where else ""
            diags.append(Diagnostic(
                "PC351", Severity.WARNING, v.span,
                f"{label}的列举中没有列表中的“{v.value}”{also}，而写有{written}",
                f"按{label}原文填写的申请人也须被认定：把{written}列入列表；两处写法不同时两种都列入，并在注释中说明。",
                article))
        return diags
    return []


_NEXT_ENTRY = re.compile(r"[、和及与]([^、，,。；;：:等]{2,30}?)"
                         r"(?=等|[0-9一二三四五六七八九十]+[个类种项]|[、，,。；;：:]|$)")
_ENTRY_SPLIT = re.compile(r"、|(?<=[造业品务])[和及与]")


def _elsewhere(ctx: SourceContext, value: str) -> str:
    """The part of the source where ``value`` is written (any script), or ""."""
    if ctx.source is None or ctx.structure is None:
        return ""
    folded = fold(ctx.flat.text)
    i = folded.find(fold("".join(value.split())))
    if i < 0:
        return ""
    a, b = ctx.flat.span(i, i + len("".join(value.split())))
    return ctx.innermost(a, b) or "原文"


def _accepted(ev: Evaluator, m: n.Member, fact: str, value: str) -> bool:
    try:
        return bool(ev.eval(m, {fact: value}, []))
    except Exception:  # asking the evaluator must never break the check
        return False
