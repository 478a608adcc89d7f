"""The structure of a published policy text: its numbered and unnumbered parts, as spans.

The source texts are extracted from PDFs and web pages: line breaks fall mid-sentence, page
furniture surrounds the document, and the numbering style differs between documents. The
reader relies only on what is reliable in all of them: a numbered part starts at the beginning
of a line, and the numbers of sibling parts run in sequence (第一条, 第二条, …; （一）, （二）, …).
A line that looks like a heading but breaks the sequence is text, not a heading.

Numbered parts (labels as drafters write them after ``条款``)::

    chapter    第一章
    article    第七条              (or 四、 in a notice numbered 一、 二、 …)
    paragraph  第七条第二款        (only when the text before an article's first item
                                    has two or more paragraphs)
    item       第七条第（一）项    (or 四、（一）)
    subitem    第七条第（五）项第1目 (or 一、（二）1.)

Unnumbered parts: ``标题`` (the title of the document that is encoded; a covering notice's
title is ``通知标题``), ``文号``, ``导语`` (addressees and the covering text before the body),
``落款`` (issuers and the date, with 「（此件公开发布）」), ``附件`` (the list of attachments).

Passages and sentences of unnumbered text: a source with no numbered body (a reprint, a news
release quoting the policy) is read as passages ``第1段``, ``第2段``, …, each with its sentences
``第2段第1句``; a document attached after the signature (a line 「附件」, its title, then text) is
``附件`` with passages ``附件第1段`` and sentences ``附件第1段第2句``. A passage ends at a blank
line or at a line that ends a sentence (。！？：); a sentence ends at 。！？.

Traditional spellings (第七條, 章) and half-width brackets ((一)) are read as well; labels are
always Simplified with full-width brackets. :meth:`SourceStructure.find` accepts the usual ways
of writing a label (第七条（一）, 第7条第(1)项, 第七條第（一）項).
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterator
from dataclasses import dataclass, field

__all__ = ["KINDS", "Part", "SourceStructure", "parse_label", "read_structure"]

KINDS = ("title", "doc_number", "preamble", "chapter", "article", "paragraph", "item", "subitem",
         "signature", "attachment", "passage", "sentence")

_DIGITS = {"〇": 0, "零": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6,
           "七": 7, "八": 8, "九": 9}
_ZH = "〇零一二两三四五六七八九十百"
_NUMERAL = rf"[{_ZH}]+|\d+"


def numeral(text: str) -> int | None:
    """第 N 条's N: 七 -> 7, 二十一 -> 21, 一百零二 -> 102, 12 -> 12."""
    text = text.translate(_FULLWIDTH_DIGITS)
    if text.isdigit():
        return int(text)
    if not text or any(ch not in _DIGITS and ch not in "十百" for ch in text):
        return None
    total = digit = 0
    for ch in text:
        if ch in _DIGITS:
            digit = _DIGITS[ch]
        else:
            total += (digit or 1) * (10 if ch == "十" else 100)
            digit = 0
    return total + digit


_FULLWIDTH_DIGITS = str.maketrans("０１２３４５６７８９．", "0123456789.")
_CN = "零一二三四五六七八九"


def chinese(n: int) -> str:
    """7 -> 七, 21 -> 二十一, 10 -> 十, 102 -> 一百零二 (as the texts number their parts)."""
    if n < 10:
        return _CN[n]
    if n < 20:
        return "十" + (_CN[n - 10] if n > 10 else "")
    if n < 100:
        return _CN[n // 10] + "十" + (_CN[n % 10] if n % 10 else "")
    rest = n % 100
    tail = "" if rest == 0 else ("零" + chinese(rest) if rest < 10 else
                                 ("一" + chinese(rest) if rest < 20 else chinese(rest)))
    return _CN[n // 100] + "百" + tail


@dataclass(frozen=True)
class Part:
    """One part of a source text. ``start``/``end`` are character offsets into the text."""

    kind: str
    label: str
    start: int
    end: int
    line: int
    children: tuple[Part, ...] = ()

    def walk(self) -> Iterator[Part]:
        yield self
        for child in self.children:
            yield from child.walk()

    def text(self, source: str) -> str:
        return source[self.start:self.end]


@dataclass(frozen=True)
class SourceStructure:
    text: str
    parts: tuple[Part, ...]
    _index: dict[tuple[object, ...], Part] = field(default_factory=dict, compare=False, repr=False)
    _starts: dict[int, list[int]] = field(default_factory=dict, compare=False, repr=False)

    def __post_init__(self) -> None:
        for part in self.walk():
            key = parse_label(part.label)
            if key is not None:
                self._index.setdefault(key, part)
        for level in (self.parts, *(p.children for p in self.walk())):
            self._starts[id(level)] = [p.start for p in level]

    def walk(self) -> Iterator[Part]:
        for part in self.parts:
            yield from part.walk()

    def labels(self) -> list[str]:
        """Every label, in document order."""
        return [p.label for p in self.walk()]

    def find(self, label: str) -> Part | None:
        """The part a drafter's ``条款`` label names, or None when the text has no such part."""
        key = parse_label(label)
        if key is None:
            return None
        hit = self._index.get(key)
        if hit is None and key[0] == "num" and len(key) == 5 and key[2] is not None \
                and key[3] is not None:
            # 第七条第一款第（二）项: the items are numbered within the article
            hit = self._index.get(("num", key[1], None, key[3], key[4]))
        return hit

    def enclosing(self, start: int, end: int) -> list[Part]:
        """The parts that contain the span [start, end), outermost first."""
        out: list[Part] = []
        level: tuple[Part, ...] = self.parts
        while level:
            # siblings are sorted and do not overlap: only the last one starting at or before
            # ``start`` can contain the span
            i = bisect.bisect_right(self._starts[id(level)], start) - 1
            if i < 0 or not end <= level[i].end:
                break
            out.append(level[i])
            level = level[i].children
        return out

    def innermost(self, start: int, end: int) -> Part | None:
        """The smallest part (not a chapter) containing [start, end)."""
        found = [p for p in self.enclosing(start, end) if p.kind != "chapter"]
        return found[-1] if found else None


# ---------------------------------------------------------------------------- labels

_UNNUMBERED = {"标题": "title", "通知标题": "title", "文号": "doc_number", "导语": "preamble",
               "落款": "signature", "附件": "attachment"}
_LABEL = re.compile(
    rf"^(?:第(?P<chap>{_NUMERAL})章"
    rf"|(?:第(?P<art>{_NUMERAL})[条條]|(?P<sec>[{_ZH}]+)、)"
    rf"(?:第(?P<para>{_NUMERAL})款)?"
    rf"(?:第?[（(](?P<item>{_NUMERAL})[）)][项項]?)?"
    rf"(?:第(?P<sub>{_NUMERAL})目|(?P<sub2>\d+)[.、]?)?)$"
)


_PASSAGE = re.compile(rf"^(?P<owner>导语|附件)?(?:第(?P<n>{_NUMERAL})段)(?:第(?P<m>{_NUMERAL})句)?$")


def parse_label(label: str) -> tuple[object, ...] | None:
    """A lookup key for a label: ("num", article, paragraph, item, subitem), ("chapter", n),
    ("name", 标题), ("passage", owner, n, sentence or None) with owner "" or 附件; None when
    ``label`` is not a label."""
    text = re.sub(r"\s+", "", label).translate(_FULLWIDTH_DIGITS)
    if m := _PASSAGE.match(text):
        owner = "附件" if m.group("owner") == "附件" else ""  # 导语第2段 is 第2段
        return ("passage", owner, numeral(m.group("n")), numeral(m.group("m")) if m.group("m") else None)
    if text in _UNNUMBERED:
        return ("name", text)
    m = _LABEL.match(text)
    if m is None:
        return None
    if m.group("chap"):
        return ("chapter", numeral(m.group("chap")))
    art: object = (("条", numeral(m.group("art"))) if m.group("art")
                   else ("、", numeral(m.group("sec"))))
    para = numeral(m.group("para")) if m.group("para") else None
    item = numeral(m.group("item")) if m.group("item") else None
    sub_text = m.group("sub") or m.group("sub2")
    sub = numeral(sub_text) if sub_text else None
    return ("num", art, para, item, sub)


# ---------------------------------------------------------------------------- reading

_CHAPTER = re.compile(rf"第({_NUMERAL})章")
_ARTICLE = re.compile(rf"第({_NUMERAL})[条條]")
_SECTION = re.compile(r"([一二三四五六七八九十]+)、")
_ITEM = re.compile(r"[（(]([一二三四五六七八九十]+)[）)]")
_SUBITEM = re.compile(r"(\d+)[.．、](?!\d)")
_DOCNO = re.compile(r"^\S{1,12}[〔［\[【〖（(][\d〇零一二三四五六七八九]{4}[〕］\]】〗）)]\s*\d+\s*[号號]$")
_DATE = re.compile(r"^\d{4}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日$")
_TITLE_END = re.compile(r"(办法|辦法|通知|规定|規定|细则|細則|方案|意见|意見|规则|規則|措施)(》)?"
                        r"(的通知)?([（(][^（()）]{1,6}[）)])?$")
_TITLE_STOP = set("。，,：:；;！？!?[]#>|")
_ATTACH = re.compile(r"^附\s*件\s*[：:]")
_ATTACH_ITEM = re.compile(r"^\d+[.．、]")
_FURNITURE = re.compile(r"^(访问量|訪問量|发布时间|發佈時間|发布日期|来源|來源|浏览次数|点击数|字号|分享)[：:]")
_PROSE = set("。，：、；,:;")


@dataclass
class _Line:
    start: int  # offset of the first non-space character
    end: int  # offset after the last non-space character
    text: str  # stripped
    number: int  # 1-based


def _lines(text: str) -> list[_Line]:
    out: list[_Line] = []
    pos = 0
    for i, raw in enumerate(text.split("\n"), start=1):
        stripped = raw.strip()
        if stripped:
            lead = len(raw) - len(raw.lstrip())
            out.append(_Line(pos + lead, pos + lead + len(stripped), stripped, i))
        pos += len(raw) + 1
    return out


def read_structure(text: str) -> SourceStructure:
    """Read the parts of a published policy text (see the module docstring)."""
    lines = _lines(text)
    body_at, body_end_at = _body_bounds(lines)
    parts: list[Part] = []
    if body_at is None:
        parts += [_with_passages(p, lines, "") if p.kind == "preamble" else p
                  for p in _front(lines, len(lines))]
        return SourceStructure(text, tuple(sorted(parts, key=lambda p: p.start)))
    parts += _front(lines, body_at)
    parts += _body(lines[body_at:body_end_at])
    parts += _back(lines, body_end_at)
    return SourceStructure(text, tuple(sorted(parts, key=lambda p: p.start)))


def _heading(line: _Line, article_mode: bool) -> tuple[str, int] | None:
    if m := _CHAPTER.match(line.text):
        return ("chapter", numeral(m.group(1)) or 0)
    if article_mode and (m := _ARTICLE.match(line.text)):
        return ("article", numeral(m.group(1)) or 0)
    if not article_mode and (m := _SECTION.match(line.text)):
        return ("article", numeral(m.group(1)) or 0)
    return None


def _article_mode(lines: list[_Line]) -> bool:
    return any(_ARTICLE.match(ln.text) and numeral(_ARTICLE.match(ln.text).group(1) or "") == 1  # type: ignore[union-attr]
               for ln in lines)


def _body_bounds(lines: list[_Line]) -> tuple[int | None, int]:
    """Index of the first heading line (the first chapter or article 1) and of the first
    line after the body (an attachment list or a signature that follows it)."""
    mode = _article_mode(lines)
    start: int | None = None
    for i, ln in enumerate(lines):
        h = _heading(ln, mode)
        if h is not None and h[1] == 1:
            start = i
            break
    if start is None:
        return None, len(lines)
    end = len(lines)
    for i in range(start + 1, len(lines)):
        if _ATTACH.match(lines[i].text) or _DATE.match(lines[i].text):
            end = i
            break
    if end < len(lines) and _DATE.match(lines[end].text):
        end = _issuers_from(lines, end, start)
    return start, end


def _issuers_from(lines: list[_Line], date_at: int, floor: int) -> int:
    """Index of the first issuer line above the date line ``date_at``."""
    i = date_at
    while i - 1 > floor and i - date_at > -4 and _is_issuer(lines[i - 1].text):
        i -= 1
    return i


def _is_issuer(text: str) -> bool:
    return (len(text) <= 40 and not any(ch in _PROSE or ch in "。（(《" for ch in text)
            and not _ATTACH_ITEM.match(text) and _TITLE_END.search(text) is None)


def _part(kind: str, label: str, first: _Line, last: _Line,
          children: tuple[Part, ...] = ()) -> Part:
    return Part(kind, label, first.start, last.end, first.number, children)


def _front(lines: list[_Line], body_at: int) -> list[Part]:
    """Title(s), 文号, 导语, 附件 note and 落款 before the body."""
    used = [bool(_FURNITURE.match(lines[i].text)) for i in range(body_at)]
    parts: list[Part] = []

    def free(rx: re.Pattern[str]) -> int | None:
        """The first line not yet taken that ``rx`` matches."""
        return next((i for i in range(body_at) if not used[i] and rx.match(lines[i].text)), None)

    def take(kind: str, label: str, first: int, last: int) -> None:
        parts.append(_part(kind, label, lines[first], lines[last]))
        used[first:last + 1] = [True] * (last + 1 - first)

    docno_at = free(_DOCNO)
    if docno_at is not None:
        take("doc_number", "文号", docno_at, docno_at)
    # attachment note: 附件：《…》 (until the 》 closes) or a numbered list
    attach_at = free(_ATTACH)
    if attach_at is not None:
        j = attach_at
        while j + 1 < body_at and not _closed(lines[attach_at:j + 1]):
            j += 1
        while j + 1 < body_at and _ATTACH_ITEM.match(lines[j + 1].text):
            j += 1
        take("attachment", "附件", attach_at, j)
    # 落款: issuers, the date, and a following 「（此件公开发布）」
    date_at = free(_DATE)
    sign_at: int | None = None
    if date_at is not None:
        first = date_at
        while first - 1 >= 0 and not used[first - 1] and date_at - first < 3 \
                and _is_issuer(lines[first - 1].text):
            first -= 1
        last = date_at
        if last + 1 < body_at and re.fullmatch(r"[（(][^（()）]+[）)]", lines[last + 1].text):
            last += 1
        take("signature", "落款", first, last)
        sign_at = first
    # bare 附件 marker lines before an attached document
    for i in range(body_at):
        if re.fullmatch(r"附\s*件\s*\d*", lines[i].text):
            used[i] = True
    # titles: runs of up to three lines without sentence punctuation that end like a title
    titles: list[tuple[int, int]] = []
    i = body_at - 1
    while i >= 0:
        if used[i] or not _TITLE_END.search(lines[i].text) or _stops_title(lines[i].text):
            i -= 1
            continue
        first = i
        while first - 1 >= 0 and i - first < 2 and not used[first - 1] \
                and not _stops_title(lines[first - 1].text) \
                and not _TITLE_END.search(lines[first - 1].text) \
                and len(lines[first - 1].text) <= 30:
            first -= 1
        titles.append((first, i))
        used[first:i + 1] = [True] * (i + 1 - first)
        i = first - 1
    titles.sort()
    for n_, (a, b) in enumerate(titles):
        label = "标题" if n_ == len(titles) - 1 else "通知标题"
        parts.append(_part("title", label, lines[a], lines[b]))
    # 导语: prose after the last title/文号 that precedes it, up to the attachment note,
    # the signature or the body
    limit = min(x for x in (attach_at, sign_at, body_at) if x is not None)
    heads = [k for k in range(limit) if used[k] and not _FURNITURE.match(lines[k].text)]
    lo = (max(heads) + 1) if heads else 0
    prose = [k for k in range(lo, limit) if not used[k] and any(ch in _PROSE for ch in lines[k].text)]
    if prose:
        parts.append(_part("preamble", "导语", lines[prose[0]], lines[limit - 1]))
    return parts


def _closed(lines: list[_Line]) -> bool:
    joined = "".join(ln.text for ln in lines)
    return joined.count("《") <= joined.count("》")


def _stops_title(text: str) -> bool:
    return (any(ch in _TITLE_STOP for ch in text) or _DATE.match(text) is not None
            or re.fullmatch(r"[（(].*[）)]", text) is not None or "](" in text)


def _back(lines: list[_Line], at: int) -> list[Part]:
    """The attachment list and the signature after the body; what follows is page furniture."""
    parts: list[Part] = []
    i = at
    if i < len(lines) and _ATTACH.match(lines[i].text):
        j = i
        while j + 1 < len(lines) and (_ATTACH_ITEM.match(lines[j + 1].text)
                                      or not _closed(lines[i:j + 1])):
            j += 1
        parts.append(_part("attachment", "附件", lines[i], lines[j]))
        i = j + 1
    date_at = next((k for k in range(i, min(i + 6, len(lines))) if _DATE.match(lines[k].text)), None)
    if date_at is not None:
        first = date_at
        while first - 1 >= i and _is_issuer(lines[first - 1].text):
            first -= 1
        parts.append(_part("signature", "落款", lines[first], lines[date_at]))
        attached = _attached(lines, date_at + 1)
        if attached is not None:
            parts.append(attached)
    return parts


_ATTACH_MARK = re.compile(r"附\s*件\s*[0-9一二三四五六七八九十]*")
_SENTENCE = re.compile(r"[^。！？!?]*(?:[。！？!?]+[”」’』）)]*|$)")


def _attached(lines: list[_Line], at: int) -> Part | None:
    """A document attached after the signature: a line 「附件」, its title, then unnumbered text,
    read as passages (附件第1段 …) up to the end or the page furniture."""
    if at >= len(lines) or not _ATTACH_MARK.fullmatch(lines[at].text):
        return None
    end = next((k for k in range(at + 1, len(lines)) if _FURNITURE.match(lines[k].text)), len(lines))
    first = at + 1
    while first < end and first - at <= 3 and not _stops_title(lines[first].text) \
            and len(lines[first].text) <= 40 and (_TITLE_END.search(lines[first].text)
                                                  or not any(ch in _PROSE for ch in lines[first].text)):
        first += 1
    if first >= end:
        return None
    whole = _part("attachment", "附件", lines[at], lines[end - 1])
    return Part(whole.kind, whole.label, whole.start, whole.end, whole.line,
                _passages(lines[first:end], "附件"))


def _with_passages(part: Part, lines: list[_Line], owner: str) -> Part:
    """``part`` (the text of a source without numbering) with its passages as children."""
    inside = [ln for ln in lines if part.start <= ln.start and ln.end <= part.end]
    return Part(part.kind, part.label, part.start, part.end, part.line, _passages(inside, owner))


def _passages(lines: list[_Line], owner: str) -> tuple[Part, ...]:
    """Passages (段) of unnumbered text, each with its sentences (句): a passage ends at a blank
    line or at a line that ends a sentence."""
    groups: list[list[_Line]] = []
    for ln in lines:
        if groups and groups[-1][-1].number + 1 == ln.number \
                and not groups[-1][-1].text.endswith(("。", "！", "？", "：", ":", "!", "?")):
            groups[-1].append(ln)
        else:
            groups.append([ln])
    out = []
    for k, group in enumerate(groups, start=1):
        label = f"{owner}第{k}段"
        out.append(Part("passage", label, group[0].start, group[-1].end, group[0].number,
                        _sentences(group, label)))
    return tuple(out)


def _sentences(group: list[_Line], label: str) -> tuple[Part, ...]:
    out = []
    # each character of the passage with its offset, line breaks left out
    chars = [(ln.start + i, ch) for ln in group for i, ch in enumerate(ln.text)]
    text = "".join(ch for _, ch in chars)
    k = 0
    for m in _SENTENCE.finditer(text):
        a, b = m.start(), m.end()
        while a < b and text[a].isspace():
            a += 1
        if a >= b:
            continue
        k += 1
        start, end = chars[a][0], chars[b - 1][0] + 1
        line = next(ln.number for ln in group if ln.start <= start < ln.end + 1)
        out.append(Part("sentence", f"{label}第{k}句", start, end, line))
    return tuple(out)


def _body(lines: list[_Line]) -> list[Part]:
    """Chapters, articles, paragraphs, items and subitems of the body."""
    mode = _article_mode(lines)
    # the heading lines, each checked against the sequence of its siblings
    chapters: list[int] = []
    articles: list[int] = []
    last_chapter = last_article = 0
    for i, ln in enumerate(lines):
        h = _heading(ln, mode)
        if h is None:
            continue
        kind, num = h
        if kind == "chapter" and num == last_chapter + 1:
            chapters.append(i)
            last_chapter = num
        elif kind == "article" and num == last_article + 1:
            articles.append(i)
            last_article = num
    out: list[Part] = []
    heads = sorted(articles + chapters)
    art_parts = [_article(lines, a, _next(heads, a, len(lines)), mode) for a in articles]
    if not chapters:
        return art_parts
    for n_, c in enumerate(chapters):
        end = chapters[n_ + 1] if n_ + 1 < len(chapters) else len(lines)
        inner = tuple(p for p in art_parts if lines[c].start <= p.start < (
            lines[end].start if end < len(lines) else lines[-1].end + 1))
        last = lines[end - 1]
        label = f"第{chinese(numeral(_CHAPTER.match(lines[c].text).group(1)) or 0)}章"  # type: ignore[union-attr]
        out.append(Part("chapter", label, lines[c].start, last.end, lines[c].number, inner))
    return out


def _next(heads: list[int], after: int, default: int) -> int:
    """The first of the sorted ``heads`` after ``after`` (``default``: none)."""
    i = bisect.bisect_right(heads, after)
    return heads[i] if i < len(heads) else default


def _article(lines: list[_Line], at: int, end: int, mode: bool) -> Part:
    head = lines[at]
    if mode:
        num = numeral(_ARTICLE.match(head.text).group(1)) or 0  # type: ignore[union-attr]
        label = f"第{chinese(num)}条"
    else:
        num = numeral(_SECTION.match(head.text).group(1)) or 0  # type: ignore[union-attr]
        label = f"{chinese(num)}、"
    items: list[int] = []
    last = 0
    for i in range(at + 1, end):
        m = _ITEM.match(lines[i].text)
        if m and numeral(m.group(1)) == last + 1:
            items.append(i)
            last += 1
    children: list[Part] = []
    # paragraphs of the text before the first item
    pre_end = items[0] if items else end
    paras: list[tuple[int, int]] = []
    first = at
    for i in range(at, pre_end):
        if i + 1 < pre_end and lines[i].text.endswith(("。", "：", ":")):
            paras.append((first, i))
            first = i + 1
    paras.append((first, pre_end - 1))
    if len(paras) >= 2:
        for n_, (a, b) in enumerate(paras, start=1):
            children.append(_part("paragraph", f"{label}第{chinese(n_)}款", lines[a], lines[b]))
    for n_, i in enumerate(items):
        stop = items[n_ + 1] if n_ + 1 < len(items) else end
        children.append(_item(lines, i, stop, label, mode))
    return _part("article", label, head, lines[end - 1], tuple(children))


def _item(lines: list[_Line], at: int, end: int, art: str, mode: bool) -> Part:
    num = numeral(_ITEM.match(lines[at].text).group(1)) or 0  # type: ignore[union-attr]
    label = f"{art}第（{chinese(num)}）项" if mode else f"{art}（{chinese(num)}）"
    subs: list[int] = []
    last = 0
    for i in range(at + 1, end):
        m = _SUBITEM.match(lines[i].text)
        if m and int(m.group(1)) == last + 1:
            subs.append(i)
            last += 1
    children = []
    for n_, i in enumerate(subs):
        stop = subs[n_ + 1] if n_ + 1 < len(subs) else end
        sub = f"{label}第{n_ + 1}目" if mode else f"{label}{n_ + 1}."
        children.append(_part("subitem", sub, lines[i], lines[stop - 1]))
    return _part("item", label, lines[at], lines[end - 1], tuple(children))
