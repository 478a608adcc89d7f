"""A skeleton policy from a published text (``policyc init SOURCE.txt``).

The text's structure (compiler/source/structure.py) gives the title, the 文号, the 落款 (issuers
and date) and the articles. The skeleton has

* a 政策 block with what the text states: 标题, 文号, 发布机关, 发布日期, 层级 when the issuers
  say it, 来源, and 有效期 with its article and quote when an article states the period; what the
  text does not say is left out, with a comment saying so;
* one commented block per article (or per numbered section, in a notice numbered 一、二、…) with
  its 条款 label and its exact text as 原文, under a comment per chapter, ready to be turned into
  rules (资格, 排除, 补助, …).

Every quote is a whitespace-free copy of the source (quotes match ignoring white space), wrapped
over lines, so each one verifies as it stands.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from .structure import Part, SourceStructure, numeral, read_structure

QUOTE_WIDTH = 40  # characters of quoted text per line
_DATE = re.compile(r"(\d{4})年(\d{1,2})月(\d{1,2})日")
_BLOCK_KINDS = "资格|排除|补助|累计上限|拨付|名额|预算|程序"


@dataclass(frozen=True)
class Bound:
    date: dt.date | None
    event: str | None

    def render(self) -> str:
        if self.date is not None:
            return self.date.isoformat()
        return f"事件 {_string(self.event or '')}"


@dataclass(frozen=True)
class Validity:
    start: Bound
    end: Bound
    article: str
    quote: str


def _flat(text: str) -> str:
    return re.sub(r"\s+", "", text)


def _string(text: str) -> str:
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


def _date(text: str) -> dt.date | None:
    m = _DATE.fullmatch(_flat(text))
    return None if m is None else _ymd(m)


def _ymd(m: re.Match[str]) -> dt.date | None:
    """The date of a match whose last three groups are year, month and day (None: no such day)."""
    y, mo, d = m.groups()[-3:]
    try:
        return dt.date(int(y), int(mo), int(d))
    except ValueError:
        return None


def _first(structure: SourceStructure, kind: str, label: str | None = None) -> Part | None:
    return next((p for p in structure.walk() if p.kind == kind and (label is None or p.label == label)), None)


def _signature(structure: SourceStructure, text: str) -> tuple[list[str], dt.date | None]:
    """The issuers and the date of the 落款."""
    part = _first(structure, "signature")
    if part is None:
        return [], None
    issuers: list[str] = []
    issued = None
    for line in part.text(text).splitlines():
        line = line.strip()
        if not line or re.fullmatch(r"[（(].*[）)]", line):
            continue
        d = _DATE.search(_flat(line))
        if d is not None:
            issued = _date(d.group(0))
            continue
        issuers += line.split()
    return issuers, issued


def _level(issuers: list[str], title: str) -> str | None:
    names = issuers or [title]
    if any(re.match(r"(财政部|工业和信息化部|国务院|国家)", n) for n in names):
        return "国家级"
    for word, level in (("省", "省级"), ("自治区", "省级"), ("市", "市级"), ("州", "市级"), ("县", "县级"),
                        ("区", "县级")):
        if all(re.match(rf"^[\u4e00-\u9fff]{{1,8}}?{word}", n) for n in names):
            return level
    return None


def _sentences(flat: str) -> list[tuple[int, int]]:
    out, start = [], 0
    for m in re.finditer(r"[。；;]", flat):
        out.append((start, m.end()))
        start = m.end()
    if start < len(flat):
        out.append((start, len(flat)))
    return out


def _validity(structure: SourceStructure, text: str) -> Validity | None:
    """The period of validity, from the first article that states one (有效期…)."""
    for part in structure.walk():
        if part.kind not in ("article", "paragraph", "item") or part.children:
            continue
        flat = _strip_label(_flat(part.text(text)))
        for a, b in _sentences(flat):
            sentence = flat[a:b]
            if "有效期" not in sentence or "「" in sentence or "」" in sentence:
                continue
            start = _start_bound(sentence)
            end = _end_bound(sentence)
            if start is None or end is None:
                continue
            return Validity(start, end, part.label, sentence)
    return None


def _start_bound(sentence: str) -> Bound | None:
    m = re.search(r"有效期(?:为|自|从)" + _DATE.pattern, sentence)
    if m:
        d = _ymd(m)
        return Bound(d, None) if d else None  # 2月30日: no such day, left to the drafter
    m = re.search(r"自(.{1,20}?)起(?:施行|实施|执行|实行|生效)", sentence)
    if m:
        d = _date(m.group(1))
        return Bound(d, None) if d else Bound(None, m.group(1))
    return None


def _end_bound(sentence: str) -> Bound | None:
    m = re.search(r"有效期.*?(?:到|至)" + _DATE.pattern, sentence)
    if m:
        d = _ymd(m)
        return Bound(d, None) if d else None
    m = re.search(r"有效期至(.+?)[。，,；;]?$", sentence)
    if m:
        return Bound(None, m.group(1))
    return None


def _strip_label(flat: str) -> str:
    """An article's text without its number (第七条, 四、) — the quote starts after it."""
    m = re.match(r"(第[〇零一二两三四五六七八九十百0-9]+[条條]|[一二三四五六七八九十]+、)", flat)
    return flat[m.end():] if m else flat


def _wrap(quote: str, indent: str) -> str:
    lines = [quote[i:i + QUOTE_WIDTH] for i in range(0, len(quote), QUOTE_WIDTH)] or [""]
    return ("\n" + indent).join(lines)


def _block_name(label: str) -> str:
    m = re.match(r"第([〇零一二两三四五六七八九十百0-9]+)[条條]", label)
    if m:
        return f"article_{numeral(m.group(1))}"
    m = re.match(r"([一二三四五六七八九十]+)、", label)
    return f"section_{numeral(m.group(1))}" if m else "article"


def _articles(structure: SourceStructure) -> list[tuple[Part | None, Part]]:
    """Each article with the chapter it is in (None outside chapters)."""
    out: list[tuple[Part | None, Part]] = []
    for part in structure.parts:
        if part.kind == "chapter":
            out += [(part, a) for a in part.children if a.kind == "article"]
        elif part.kind == "article":
            out.append((None, part))
    return out


def skeleton(source_text: str, source_name: str, policy_id: str) -> str:
    """The skeleton policy for ``source_text`` (saved as ``source_name`` beside the policy)."""
    text = source_text.removeprefix("\ufeff")
    structure = read_structure(text)
    title_part = _first(structure, "title", "标题") or _first(structure, "title")
    title = re.sub(r"\s*\n\s*", "", title_part.text(text)).strip() if title_part else ""
    title = re.sub(r"[ \t\u3000]+", " ", title)
    docno_part = _first(structure, "doc_number")
    docno = _flat(docno_part.text(text)) if docno_part else None
    issuers, issued = _signature(structure, text)
    level = _level(issuers, title)
    validity = _validity(structure, text)

    out = [f"# {title or policy_id}" + (f"（{docno}）" if docno else ""),
           f"# 原文见同目录 {source_name}。本文件由 policyc init 生成：政策 块填写了原文写明的信息；",
           "# 每条原文一个注释块，带有条款编号和逐字引文。把要编码的条款改写为规则（资格、排除、补助……），",
           "# 去掉注释符号 #，补上条件、金额和资金；不需要编码的条款可以删去。",
           "",
           f"政策 {policy_id} {{",
           f"  标题 {_string(title or policy_id)}"]
    out.append(f"  文号 {_string(docno)}" if docno else "  # 文号：原文未载明。")
    out.append("  发布机关 " + ", ".join(_string(i) for i in issuers) if issuers else "  # 发布机关：原文未载明。")
    out.append(f"  发布日期 {issued.isoformat()}" if issued else "  # 发布日期：原文未载明。")
    out.append(f"  层级 {level}" if level else "  # 层级：请填写（国家级、省级、市级、县级）。")
    out.append(f"  来源 {_string(source_name)}")
    if validity is not None:
        out.append(f"  有效期 自 {validity.start.render()} 至 {validity.end.render()}")
        out.append(f"    依据 {validity.article} 「{_wrap(validity.quote, '      ')}」")
    else:
        out.append("  # 有效期：原文中没有找到“有效期……”的表述，请查阅原文后填写。")
    out.append("}")
    chapter: Part | None = None
    for ch, article in _articles(structure):
        if ch is not None and ch is not chapter:
            chapter = ch
            heading = re.sub(r"\s+", " ", ch.text(text).strip().splitlines()[0])
            out += ["", f"# {'-' * 64} {heading}"]
        quote = _strip_label(_flat(article.text(text)))
        out += ["", f"# {_BLOCK_KINDS} {_block_name(article.label)} {{",
                f"#   条款 {article.label}",
                f"#   原文 「{_wrap(quote, '#     ')}」",
                "# }"]
    return "\n".join(out) + "\n"
