"""Numbers in Chinese policy prose: find every amount, rate, count and level in a quoted text.

Recognised (white space between a number and its unit is ignored, since the published texts
break lines anywhere):

* Arabic numbers with units: ``20 万元``, ``15萬元``, ``1.5亿元``, ``5000元``, ``50%``, ``200家``,
  ``5 个工作日``, ``30 日``; ``3万`` alone means 3 万元 (as in 长春 「1-3万」).
* ranges with one unit: ``1-3万``, ``5-20万元``, ``1万至3万元`` (both ends get the unit).
* Chinese numerals with units: ``十五万元``, ``二级`` (level 2), ``四级及以上`` (4), ``三年``,
  ``四个``; and ``百分之六十`` (60%).

Ignored: ordinals (``第十条``, ``第1批``), list markers (``（一）``, ``1.``, ``一是``), document
numbers (``〔2023〕117号``, ``22号``), dates and years (``2024 年 5 月 12 日``, ``2023-2025年``),
anything inside a 《…》 title, numbers glued to Latin letters (``5G``), ``两级`` (two tiers of
government, not a level), and Chinese numerals without a unit.

Each number has a kind: ``money`` (exact yuan), ``rate`` (a fraction: 50% -> 0.5), ``level``
(二级), ``count`` (200家, 四个), ``duration`` (5个工作日, 三年, 30日) or ``num`` (no unit, 倍).
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass
from decimal import Decimal

_WS = re.compile(r"\s+")

_ZH_DIGITS = {"〇": 0, "零": 0, "一": 1, "二": 2, "两": 2, "兩": 2, "三": 3, "四": 4, "五": 5,
              "六": 6, "七": 7, "八": 8, "九": 9}
_ZH_SMALL = {"十": 10, "百": 100, "千": 1000}
_ZH_BIG = {"万": 10_000, "萬": 10_000, "亿": 100_000_000, "億": 100_000_000}
_MULT = {"": Decimal(1), "千": Decimal(1000), "万": Decimal(10_000), "萬": Decimal(10_000),
         "亿": Decimal(100_000_000), "億": Decimal(100_000_000)}

_AR = r"\d+(?:,\d{3})+(?![\d,])|\d+(?:\.\d+)?"
_ZH = r"[〇零一二两兩三四五六七八九十][〇零一二两兩三四五六七八九十百千万萬亿億]*"
_NUM = rf"(?:{_AR}|{_ZH})"
# 「30万人民币」, 「30万元人民币」, 「30万RMB」 and 「30万元RMB」 are money: 人民币 is tried before 人 (people)
_UNITS = ("个工作日", "個工作日", "工作日", "个月", "個月", "元人民币", "元人民幣", "人民币", "人民幣",
          "元RMB", "RMB", "元", "%", "％", "家", "户", "戶",
          "个", "個", "项", "項", "名", "人", "级", "級", "年", "日", "天", "倍")
# what a unit measures; numbers without a unit (and 倍) are plain "num"
UNIT_KINDS = {
    "个工作日": "duration", "個工作日": "duration", "工作日": "duration", "个月": "duration",
    "個月": "duration", "年": "duration", "日": "duration", "天": "duration",
    "家": "count", "户": "count", "戶": "count", "个": "count", "個": "count", "项": "count",
    "項": "count", "名": "count", "人": "count", "级": "level", "級": "level",
}
_MONEY_UNITS = ("元", "元人民币", "元人民幣", "人民币", "人民幣", "元RMB", "RMB")
KINDS = ("money", "rate", "level", "count", "duration", "num")
_UNIT = "(?:" + "|".join(re.escape(u) for u in _UNITS) + ")"


def _one_rx(n: str, m: str, u: str) -> str:
    return f"(?P<{n}>{_NUM})(?P<{m}>[千万萬亿億]?)(?P<{u}>{_UNIT})?"


_NUMBER = re.compile(
    _one_rx("a", "am", "au") + r"(?:(?P<sep>[-—–~～至到])" + _one_rx("b", "bm", "bu") + ")?"
)
# A list of numbers that share the last one's unit: 「分别给予最高20、40、50万元」, 「30%、20%」 is
# not one (each has its unit). Each number of the list takes the unit.
_SHARED_UNIT = re.compile(
    r"(?<![\d.A-Za-z])(?P<list>(?:\d+(?:\.\d+)?[、和及与](?:最高|不超过)?)+)"
    r"(?P<last>\d+(?:\.\d+)?)(?P<unit>万元|亿元|元|万|%|％)")
_PERCENT_WORDS = re.compile(rf"百分之(?P<p>{_NUM}(?:点\d+)?)")

_ZH_DATE_DIGIT = "[〇零一二三四五六七八九]"
_ZH_SMALL_NUM = "[一二三四五六七八九十]{1,3}"
_MASKS = [
    re.compile(r"《[^《》]*》"),  # titles of other documents
    # document numbers in any bracket style: 〔2023〕117号, 【2023】, [2023], （2023）, 〖2023〗
    re.compile(r"[〔［\[（(【〖{｛][\d〇零一二三四五六七八九]{4}[〕］\]）)】〗}｝]\d*[号號]?"),
    re.compile(r"\d+[号號]"),  # 22号
    re.compile(r"\d{4}[-—–~～至到]\d{4}年?度?"),  # 2023-2025 年
    re.compile(r"\d{4}年度?(?:\d{1,2}月(?:\d{1,2}[日号號])?)?"),
    re.compile(r"\d{1,2}月\d{1,2}[日号號]"),
    re.compile(r"\d{4}[-./]\d{1,2}[-./]\d{1,2}"),
    re.compile(rf"{_ZH_DATE_DIGIT}{{4}}年(?:{_ZH_SMALL_NUM}月(?:{_ZH_SMALL_NUM}日)?)?"),
    re.compile(rf"{_ZH_SMALL_NUM}月{_ZH_SMALL_NUM}日"),
    re.compile(r"第[\d〇零一二两兩三四五六七八九十百千]+"),  # ordinals: 第十条, 第1批
    re.compile(r"[（(][\d一二三四五六七八九十]+[）)]"),  # list markers: （一） (1)
    re.compile(r"附件\d+"),
    re.compile(r"\d{1,2}:\d{2}"),  # times
]
# 一 that is part of a word (统一, 同一, 每一, 之一, 进一步 ...), not the number one
_ONE_WORDS = set("统統同唯单單之进進每逐划劃万萬专專上下")
_LATIN = re.compile(r"[A-Za-z]")


@dataclass(frozen=True)
class Number:
    """One number found in a text. ``start``/``end`` index the original (unnormalised) text."""

    kind: str  # one of KINDS
    value: Decimal
    text: str  # as written, white space removed
    start: int
    end: int

    @property
    def key(self) -> tuple[str, Decimal]:
        return (self.kind, self.value)


def zh_number(text: str) -> Decimal | None:
    """十五万 -> 150000; 二〇二四 -> 2024; 两千 -> 2000. None when ``text`` is not a numeral."""
    if not text or any(ch not in _ZH_DIGITS and ch not in _ZH_SMALL and ch not in _ZH_BIG
                       for ch in text):
        return None
    if all(ch in _ZH_DIGITS for ch in text):
        value = 0
        for ch in text:
            value = value * 10 + _ZH_DIGITS[ch]
        return Decimal(value)
    total = section = digit = 0
    for ch in text:
        if ch in _ZH_DIGITS:
            digit = _ZH_DIGITS[ch]
        elif ch in _ZH_SMALL:
            section += (digit or 1) * _ZH_SMALL[ch]
            digit = 0
        else:
            section += digit
            total += (section or 1) * _ZH_BIG[ch]
            section = digit = 0
    return Decimal(total + section + digit)


def _number(text: str) -> Decimal | None:
    if text[0].isdigit():
        return Decimal(text.replace(",", ""))
    return zh_number(text)


def describe(kind: str, value: Decimal) -> str:
    """A number for messages: 200000 元, 50%, 2 级, 5."""
    if kind == "money":
        return f"{_plain(value)} 元"
    if kind == "rate":
        return f"{_plain(value * 100)}%"
    if kind == "level":
        return f"{_plain(value)} 级"
    if kind == "date":
        import datetime as dt

        return dt.date.fromordinal(int(value)).isoformat()
    return _plain(value)


def _plain(value: Decimal) -> str:
    text = format(value.normalize(), "f")
    return text


def unspaced(text: str) -> tuple[str, list[int]]:
    """``text`` without white space, and for each remaining character its index in ``text``."""
    chars: list[str] = []
    where: list[int] = []
    for i, ch in enumerate(text):
        if not ch.isspace():
            chars.append(ch)
            where.append(i)
    return "".join(chars), where


def _masked(s: str) -> str:
    out = list(s)
    for rx in _MASKS:
        for m in rx.finditer(s):
            for i in range(m.start(), m.end()):
                out[i] = "\x00"
    return "".join(out)


@functools.lru_cache(maxsize=8192)
def scan(text: str) -> tuple[Number, ...]:
    """Every number in ``text``, in order of appearance (cached: quotes repeat)."""
    s, where = unspaced(text)
    if not s:
        return ()
    masked = _masked(s)
    found: list[tuple[int, int, str, Decimal]] = []  # (start, end, kind, value) in ``s``

    def add(start: int, end: int, kind: str, value: Decimal | None) -> None:
        if value is not None:
            found.append((start, end, kind, value))

    taken = [False] * len(s)
    for lm in _SHARED_UNIT.finditer(masked):
        unit = lm.group("unit")
        mult = {"万元": "万", "亿元": "亿", "万": "万"}.get(unit, "")
        kind, scale = ("rate", Decimal("0.01")) if unit in ("%", "％") else ("money", _MULT[mult])
        for nm in re.finditer(r"\d+(?:\.\d+)?", lm.group(0)):
            end = lm.end() if lm.start() + nm.end() == lm.end("last") else lm.start() + nm.end()
            add(lm.start() + nm.start(), end, kind, Decimal(nm.group(0)) * scale)
        for i in range(lm.start(), lm.end()):
            taken[i] = True
    for pm in _PERCENT_WORDS.finditer(masked):
        raw = pm.group("p")
        if "点" in raw:
            whole, frac = raw.split("点")
            base = _number(whole)
            value = None if base is None else base + Decimal("0." + frac)
        else:
            value = _number(raw)
        add(pm.start(), pm.end(), "rate", None if value is None else value / 100)
        for i in range(pm.start(), pm.end()):
            taken[i] = True

    pos = 0
    while (m := _NUMBER.search(masked, pos)) is not None:
        if any(taken[m.start():m.end()]):
            pos = m.start() + 1
            continue
        before = masked[m.start() - 1] if m.start() > 0 else ""
        a, am, au = m.group("a"), m.group("am"), m.group("au") or ""
        b, bm, bu = m.group("b"), m.group("bm") or "", m.group("bu") or ""
        a_end = m.end("au") if au else m.end("am")
        if b is not None and not (am or au) and (bm or bu):
            # a range with one unit: 1-3万, 5-20万元 -> both ends take the unit
            inherited = bm or (b[-1] if not b[0].isdigit() and b[-1] in "万萬亿億" else "")
            first = _one(masked, m.start(), a_end, a, inherited, bu, before)
            second = _one(masked, m.start("b"), m.end(), b, bm, bu, m.group("sep"))
            if first is not None:
                add(m.start(), a_end, *first)
            if second is not None:
                add(m.start("b"), m.end(), *second)
            pos = m.end()
            continue
        one = _one(masked, m.start(), a_end, a, am, au, before)
        if one is not None:
            add(m.start(), a_end, *one)
        pos = max(a_end, m.start() + 1)

    return tuple(Number(kind, value, s[start:end], where[start], where[end - 1] + 1)
                 for start, end, kind, value in sorted(found, key=lambda f: f[0]))


def _one(s: str, start: int, end: int, digits: str, mult: str, unit: str,
         before: str) -> tuple[str, Decimal] | None:
    """Kind and value of one number, or None when it is not a number of interest."""
    after = s[end] if end < len(s) else ""
    arabic = digits[0].isdigit()
    if arabic:
        if _LATIN.match(before or " ") or _LATIN.match(after or " "):
            return None  # 5G, B2B, SaaS2
        if before == "." or (not unit and not mult and after in (".", "．", "、")):
            return None  # list markers 1. 2、 and decimals split by masks
    else:
        if not unit and mult not in ("万", "萬", "亿", "億") and digits[-1] not in "万萬亿億":
            return None  # 一是, 三、 — Chinese numerals only count with a unit
        if digits == "一" and before in _ONE_WORDS:
            return None
        if digits in ("两", "兩") and unit in ("级", "級"):
            return None  # 市、县两级: two tiers of government
    value = _number(digits)
    if value is None:
        return None
    value *= _MULT[mult]
    if unit in ("%", "％"):
        return ("rate", value / 100)
    if unit in _MONEY_UNITS or (not unit and (mult in ("万", "萬", "亿", "億") or
                                      (not arabic and digits[-1] in "万萬亿億"))):
        return ("money", value)
    return (UNIT_KINDS.get(unit, "num"), value)


_ZH_DATE = "[〇零一二三四五六七八九]"
_DATES = re.compile(
    r"(?P<y>\d{4})\s*(?:年\s*(?P<m>\d{1,2})\s*月\s*(?P<d>\d{1,2})\s*[日号號]"
    r"|[-./](?P<m2>\d{1,2})[-./](?P<d2>\d{1,2})(?!\d))")
_ZH_DATES = re.compile(rf"(?P<y>{_ZH_DATE}{{4}})年(?P<m>[一二三四五六七八九十]{{1,2}})月"
                       rf"(?P<d>[一二三四五六七八九十]{{1,3}})[日号號]")
_YEARS = re.compile(r"(?<!\d)(?P<y>\d{4})\s*(?:[-—–~～至到]\s*(?P<y2>\d{4})\s*)?年")
_ZH_YEARS = re.compile(rf"(?P<y>{_ZH_DATE}{{4}})年")


@functools.lru_cache(maxsize=4096)
def scan_dates(text: str) -> frozenset[tuple[str, Decimal]]:
    """The dates and years a text states, as keys: ("date", day ordinal) for 2026年3月31日,
    2026-03-31, 二〇二六年三月三十一日; ("year", 2024) for 2024年, 2023-2025年 (both ends) and
    the year of every date. Not numbers (scan masks them): a rule's date or year must be one
    of these (PC311)."""
    import datetime as dt

    out: set[tuple[str, Decimal]] = set()
    flat = "".join(text.split())
    for rx in (_DATES, _ZH_DATES):
        for m in rx.finditer(flat):
            y, mo, d = m.group("y"), m.group("m") or m.groupdict().get("m2"), m.group("d") or m.groupdict().get("d2")
            vals = [_number(x) for x in (y, mo, d) if x]
            if len(vals) != 3 or any(v is None for v in vals):
                continue
            try:
                day = dt.date(*(int(v) for v in vals if v is not None))
            except ValueError:
                continue
            out.add(("date", Decimal(day.toordinal())))
            out.add(("year", Decimal(day.year)))
    for rx in (_YEARS, _ZH_YEARS):
        for m in rx.finditer(flat):
            for g in ("y", "y2"):
                raw = m.groupdict().get(g)
                v = _number(raw) if raw else None
                if v is not None:
                    out.add(("year", v))
    return frozenset(out)


def normalise(text: str) -> str:
    return _WS.sub("", text)
