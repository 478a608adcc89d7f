"""Article structure (PC320, PC321): every 条款/依据 label names a part the source text has, and
its quote comes from that part.

A quote cited under an item (第七条第（一）项) may also come from its article's lead-in (the
text before the first item, which governs every item), but not from another item.
"""

from __future__ import annotations

from ..diagnostics import Diagnostic, Severity
from ..model import nodes as n
from ..source.structure import Part, chinese, parse_label
from .fidelity import SourceContext
from .quotes import citations

_LOW = ("item", "subitem")
_UNNUMBERED = ("标题", "通知标题", "文号", "导语", "落款", "附件")
_UNNUMBERED_KINDS = ("title", "doc_number", "preamble", "signature", "attachment")


def check_articles(ctx: SourceContext) -> list[Diagnostic]:
    if not ctx.numbered:
        return []
    diags: list[Diagnostic] = []
    for c in citations(ctx.policy):
        part = ctx.part(c.article)
        if part is None:
            part = _unsure(ctx, c.article)
            if part is None:
                diags.append(_missing(ctx, c))
                continue
        art = ctx.article_of(part)
        if any(_inside(ctx, part, a, b) for a, b in ctx.occurrences(c.quote, art.start, art.end)):
            continue
        first = ctx.first_occurrence(c.quote)
        if first is None:
            continue  # a quote not in the source at all is PC301
        a, b = first
        actual = ctx.innermost(a, b) or "正文之外"
        diags.append(Diagnostic(
            "PC321", Severity.WARNING, c.quote_span,
            f"引文不在{c.article}中，而出自{actual}",
            f"把 条款 改为 {actual}，或改为引用{c.article}的原文；"
            "若确需在此引用别处的原文，写 忽略 PC321 \"理由\"。",
            c.article,
        ))
    return diags


def _missing(ctx: SourceContext, c: n.Citation) -> Diagnostic:
    assert ctx.structure is not None
    head = c.article.split("第（")[0].split("（")[0]
    key = parse_label(c.article)
    if key is not None and key[0] == "passage":
        return _missing_passage(ctx, c, key)
    if c.article in _UNNUMBERED or c.article.startswith("附件"):
        found = [p.label for p in ctx.structure.walk() if p.kind in _UNNUMBERED_KINDS]
        have = (f"原文中读出的不编号部分：{'、'.join(dict.fromkeys(found))}" if found
                else "原文中没有读出不编号的部分")
        return Diagnostic(
            "PC320", Severity.ERROR, c.article_span, f"原文中没有“{c.article}”（{have}）",
            "标题、文号、导语、落款、附件须在原文中能认出：标题在正文之前，落款是发布机关和日期；"
            "核对原文，或改写所在的条款。",
            c.article,
        )
    if head != c.article and (art := ctx.part(head)) is not None:
        inner = [p.label.removeprefix(art.label) for p in art.children]
        have = f"{art.label}下有：{'、'.join(inner)}" if inner else f"{art.label}不分项"
    else:
        arts = [p.label for p in ctx.structure.walk() if p.kind == "article"]
        passages = [p.label for p in ctx.structure.walk() if p.kind == "passage" and not p.label.startswith("附件")]
        if arts:
            have = f"原文的条从{arts[0]}到{arts[-1]}"
        elif passages:
            have = f"原文没有条款编号，按段、句引用：{passages[0]} 至 {passages[-1]}"
        else:
            have = "原文中没有读出条款编号"
    return Diagnostic(
        "PC320", Severity.ERROR, c.article_span,
        f"原文中没有“{c.article}”（{have}）",
        "条款 须写原文中实际存在的条、款、项（如 第七条、第七条第二款、第七条第（一）项、四、（一））；"
        "核对条号、项号是否抄错。",
        c.article,
    )


def _missing_passage(ctx: SourceContext, c: n.Citation, key: tuple[object, ...]) -> Diagnostic:
    """PC320 for 第N段 / 第N段第M句 (附件第N段 …) that the text does not have."""
    assert ctx.structure is not None
    owner, n_, m = key[1], key[2], key[3]
    passages = [p for p in ctx.structure.walk() if p.kind == "passage"
                and (p.label.startswith("附件") == (owner == "附件"))]
    here = next((p for p in passages if parse_label(p.label) == ("passage", owner, n_, None)), None)
    if here is not None and m is not None:
        have = f"{here.label}有 {len(here.children)} 句"
    elif passages:
        have = f"原文中读出的段：{passages[0].label} 至 {passages[-1].label}"
    elif any(p.kind == "article" for p in ctx.structure.walk()):
        have = "原文有条款编号，按编号引用" if owner == "" else "原文中没有读出附件的正文"
    else:
        have = "原文中没有读出不编号的段落"
    return Diagnostic(
        "PC320", Severity.ERROR, c.article_span, f"原文中没有“{c.article}”（{have}）",
        "不编号的原文按段、句引用：第2段、第2段第1句；正文之后的附件写 附件第1段。段以空行或句末的"
        "行尾（。！？：）分开，句以 。！？ 分开；核对段号、句号是否数错。",
        c.article,
    )


def _unsure(ctx: SourceContext, label: str) -> Part | None:
    """The article of a part the reader did not find but that may still be there: a paragraph
    (款) of an article that exists (paragraph breaks are guessed from line ends), or an item
    whose marker occurs in its article's text though not at the start of a line."""
    key = parse_label(label)
    if key is None or key[0] != "num" or ctx.structure is None or ctx.source is None:
        return None
    _, art_key, para, item, sub = key
    head = next((p for p in ctx.structure.walk()
                 if p.kind == "article" and parse_label(p.label) == ("num", art_key, None, None, None)),
                None)
    if head is None:
        return None
    if para is not None and item is None and sub is None:
        return head
    if isinstance(item, int):
        text = ctx.source[head.start:head.end]
        if any(f"{o}{chinese(item)}{c}" in text for o, c in (("（", "）"), ("(", ")"))):
            return head
    return None


def _contains(outer: Part, inner: Part) -> bool:
    return outer.start <= inner.start and inner.end <= outer.end


def _inside(ctx: SourceContext, part: Part, a: int, b: int) -> bool:
    assert ctx.structure is not None
    chain = ctx.structure.enclosing(a, b)
    art = ctx.article_of(part)
    if art not in chain and part not in chain:
        return False
    return all(_contains(p, part) or _contains(part, p) for p in chain if p.kind in _LOW)
