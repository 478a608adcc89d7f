"""Policy expressions in plain Chinese words, and Markdown-safe text.

``amount_words(50% × reform_spend 封顶 20万元)`` → “按改造投入的 50% 计算，最高 20 万元”.
Every string that comes from a policy goes through :func:`md` (or :func:`cell` in tables)
before it reaches a guide, so no title or quote can inject Markdown or HTML.
"""

from __future__ import annotations

import re
from decimal import Decimal

from compiler.model import nodes as n

_INLINE = re.compile(r"([\\`*_{}\[\]|~$^])")  # emphasis, code, links, attr_list, tables
_BLOCK = re.compile(r"(?m)^([ \t\u3000]*)([#>+\-=!:?])")  # headings, quotes, lists, admonitions
_ORDERED = re.compile(r"(?m)^([ \t\u3000]*\d+)([.)])")


def md(text: str) -> str:
    """Text safe anywhere in Markdown: HTML escaped; what could start Markdown syntax escaped."""
    text = text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    text = _INLINE.sub(r"\\\1", text)
    text = _BLOCK.sub(r"\1\\\2", text)
    text = _ORDERED.sub(r"\1\\\2", text)
    return re.sub(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u2028\u2029]", " ", text)


def cell(text: str) -> str:
    """Text safe inside a table cell or a heading: one line."""
    return md(text).replace("\n", " ")


def adm_title(text: str) -> str:
    """Text safe inside an admonition's quoted title (``!!! quote "…"``): one line, no quote."""
    return cell(text).replace('"', "&quot;")


def yuan(x: Decimal | None) -> str:
    """600000 → “600,000.00 元”; None → “未定”."""
    if x is None or not x.is_finite():
        return "未定"
    return f"{x:,.2f} 元"


def span(lo: Decimal | None, hi: Decimal | None) -> str:
    if lo is None and hi is None:
        return "未定（原文未规定金额）"
    if lo == hi:
        return yuan(lo)
    if hi is None:
        return f"{yuan(lo)} 起（上限未定）"
    return f"{yuan(lo)} 至 {yuan(hi)}"


def _short(x: Decimal) -> str:
    """1.50 → “1.5”, 20.0 → “20” (no exponent)."""
    return f"{x.normalize():f}"


def money_words(v: Decimal) -> str:
    """An amount as people write it: 200000 → “20 万元”, 150000000 → “1.5 亿元”, 3500 → “3,500 元”."""
    if v >= 100_000_000 and (v / 100_000_000) == (v / 100_000_000).quantize(Decimal("0.01")):
        return f"{_short(v / 100_000_000)} 亿元"
    if v >= 10_000 and (v / 10_000) == (v / 10_000).quantize(Decimal("0.1")):
        return f"{_short(v / 10_000)} 万元"
    text = f"{v:,.2f}"
    return (text[:-3] if text.endswith(".00") else text) + " 元"


_COMPARE_WORDS = {">=": "不低于", "<=": "不高于", "==": "等于", "!=": "不等于", ">": "高于", "<": "低于"}
_TWO_DECIMALS = re.compile(r"(?<![\d,.])(-?\d+\.\d{2})(?![\d%])(\s*元)?")
_RANGE = re.compile(r"(\d[\d,]*(?:\.\d+)?(?:\s*元)?)\s*\.\.\s*(\d)")
_OPS = re.compile(r"\s*(>=|<=|==|!=)\s*|\s+([<>])\s+")
_RATE_TIMES = re.compile(r"(\d+(?:\.\d+)?%)\s*×\s*(\([^()]+\)|[^\s，。；：（）“”()]+)")


def parameter_value_words(x: n.Parameter) -> str:
    """A stated 参数's value in words: “3000 元”, “6.5%”, “10”."""
    assert x.value is not None
    if x.type.kind == "money":
        return money_words(x.value)
    if x.type.kind == "rate":
        return f"{(x.value * 100).normalize():f}%"
    return f"{x.value.normalize():f}"


_DATE_WORDS = {"<=": "不晚于", "<": "早于", ">=": "不早于", ">": "晚于", "==": "为", "!=": "不为"}
_FLIP = {"<=": ">=", "<": ">", ">=": "<=", ">": "<", "==": "==", "!=": "!="}
_DATE_CMP = re.compile(r"\s*(>=|<=|==|!=|>|<)\s*(\d{4}-\d{2}-\d{2})")
_ON_TIME = re.compile(r"按期\s+([A-Za-z_][A-Za-z0-9_]*)")


def date_words(iso: str) -> str:
    """2026-03-31 → “2026 年 3 月 31 日”."""
    y, m, d = iso.split("-")
    return f" {int(y)} 年 {int(m)} 月 {int(d)} 日"


def ratio_words(value: object) -> str:
    """A ratio as people write it: 0.075 → “7.5%”, -0.1 → “-10%”."""
    return f"{(Decimal(str(value)) * 100).normalize():f}%"


class Words:
    """Renders expressions with the labels of facts and definitions."""

    def __init__(self, policy: n.Policy) -> None:
        self.labels = {f.name: f.label for f in policy.facts}
        self.labels.update({d.name: d.label or d.name for d in policy.definitions})
        # 参数: “全市平均增长率（由主管部门公布）”, “每台补助标准（3000 元）”
        self.labels.update({x.name: x.label + ("（由主管部门公布）" if x.value is None else
                                               f"（{parameter_value_words(x)}）") for x in policy.parameters})
        self.enum_labels = {f.name: dict(f.type.values) for f in policy.facts}
        self.value_labels = {v: label for f in policy.facts for v, label in f.type.values}
        self.readings = {r.id: {o.name: o.label for o in r.options} for r in policy.readings}
        # a definition that is a 解读 is an amount whose readings the applicant should see
        self.read_defs = {d.name: d.expr for d in policy.definitions if isinstance(d.expr, n.Readings)}
        self.policy = policy
        self.years = {f.name for f in policy.facts  # 年份: a year, said as one
                      if f.type.kind == "int" and (f.type.low, f.type.high) == (1900, 2199)}

    def label(self, name: str) -> str:
        return self.labels.get(name, name)

    def plain(self, trace_line: str) -> str:
        """A calculation trace line for applicants: labels instead of names, words instead of
        operators, “600,000.00 元” instead of “600000.00”, “至” instead of “..”; a date compared
        as 不晚于 2026 年 3 月 31 日."""
        trace_line = _ON_TIME.sub(lambda m: self._on_time_text(m.group(1)), trace_line)
        trace_line = _DATE_CMP.sub(lambda m: f"{_DATE_WORDS[m.group(1)]}{date_words(m.group(2))}", trace_line)
        s = self.readable(trace_line).replace("〔", "").replace("〕", "")
        s = re.sub(r'"([A-Za-z_][A-Za-z0-9_]*)"', lambda m: f"“{self.value_labels.get(m.group(1), m.group(1))}”", s)
        s = _RATE_TIMES.sub(lambda m: f"{m.group(2).strip('()')}的 {m.group(1)}", s)
        s = re.sub(r"\(([^()]*的 \d+(?:\.\d+)?%)\)", r"\1", s)
        s = s.replace(" × ", " 乘以 ").replace("×", "乘以")
        s = _OPS.sub(lambda m: _COMPARE_WORDS[m.group(1) or m.group(2)], s)
        s = _RANGE.sub(lambda m: f"{m.group(1)} 至 {m.group(2)}", s)
        s = _TWO_DECIMALS.sub(lambda m: yuan(Decimal(m.group(1))), s)
        s = re.sub(r"\s*属于\s*\[([^\]]*)\]", lambda m: "属于" + "、".join(
            v.strip() for v in m.group(1).split(",")), s)
        s = s.replace(" = ", " 为 ").replace("封顶", "，最高")
        return re.sub(r"[ \t]+，", "，", s)

    def readable(self, trace_line: str) -> str:
        """A calculation trace line with fact and definition names replaced by their labels."""
        if not self.labels:
            return trace_line
        names = sorted(self.labels, key=len, reverse=True)
        pattern = re.compile(r"(?<![A-Za-z0-9_])(" + "|".join(map(re.escape, names)) + r")(?![A-Za-z0-9_])")
        return pattern.sub(lambda m: f"〔{self.labels[m.group(1)]}〕", trace_line)

    def _on_time_text(self, name: str) -> str:
        found = self.policy.deadline(name)
        if found is None or found[1].deadline is None:
            return name
        return f"{name}不晚于{date_words(found[1].deadline.isoformat())}（“{found[1].name}”的截止日期）"

    def amount(self, e: n.Expr) -> str:
        w = self.amount
        if isinstance(e, n.DateLit):
            return date_words(e.text)
        if isinstance(e, n.MoneyLit):
            return money_words(e.value)
        if isinstance(e, n.RateLit):
            return f"{(e.value * 100).normalize():f}%"
        if isinstance(e, n.NumberLit | n.CountLit):
            return e.text
        if isinstance(e, n.StrLit):
            return f"“{e.value}”"
        if isinstance(e, n.BoolLit):
            return "是" if e.value else "否"
        if isinstance(e, n.Ref):
            return w(self.read_defs[e.name]) if e.name in self.read_defs else self.label(e.name)
        if isinstance(e, n.RangeLit):
            return f"{money_words(e.low.value)} 至 {money_words(e.high.value)}"
        if isinstance(e, n.UpTo):
            op = e.operand
            if isinstance(op, n.Arith) and op.op == "×" and isinstance(op.left, n.RateLit):
                # 「不超过改造投入的 50%」, as the texts write it (not 「不超过 按改造投入的 50% 计算」)
                return f"不超过{self._group(op.right)}的 {w(op.left)}"
            return f"不超过 {w(op)}"
        if isinstance(e, n.Undetermined):
            return "原文未规定具体金额"
        if isinstance(e, n.Cap):
            return f"{w(e.base)}，最高 {w(e.limit)}"
        if isinstance(e, n.Arith):
            if e.op == "×" and isinstance(e.left, n.RateLit):
                return f"按{self._group(e.right)}的 {w(e.left)} 计算"
            if e.op == "×" and isinstance(e.left, n.UpTo):
                # 「按获奖励的产品和服务数量计，每个不超过 5 万元」
                return f"按{self._group(e.right)}计，每个{w(e.left)}"
            sign = {"+": "加", "-": "减", "×": "乘以"}[e.op]
            return f"{self._group(e.left)} {sign} {self._group(e.right)}"
        if isinstance(e, n.Readings):
            labels = self.readings.get(e.block, {})
            # 「」 around the reading: its label may quote the text itself (“定额”指……)
            parts = [f"按「{labels.get(c.name, c.name)}」理解：{w(c.amount)}" for c in e.cases]
            return "原文有不同理解——" + "；".join(parts)
        if isinstance(e, n.Tiers):
            parts = [f"{self.cond(t.cond)}：{w(t.amount)}" for t in e.tiers]
            if e.otherwise is not None:
                parts.append(f"其他情形：{w(e.otherwise)}")
            return "；".join(parts)
        return self.cond(e)

    def limit(self, e: n.Expr) -> str:
        """A cap as a noun phrase: “数字化转型投入的 50%”, “50 万元”."""
        if isinstance(e, n.Arith) and e.op == "×" and isinstance(e.left, n.RateLit):
            return f"{self._group(e.right)}的 {self.amount(e.left)}"
        return self.amount(e)

    def _group(self, e: n.Expr) -> str:
        if isinstance(e, n.Arith) and e.op == "+":
            return "（" + self._group(e.left) + "与" + self._group(e.right) + "之和）"
        return self.amount(e)

    def only_for(self, e: n.Expr) -> tuple[str, n.Expr] | None:
        """A condition written ``applicant_type != "enterprise" 或 X`` binds only enterprises: the
        applicant type's label (“企业”) and X; None for any other condition."""
        if (isinstance(e, n.Logic) and e.op == "或" and isinstance(e.left, n.Compare) and e.left.op == "!="
                and isinstance(e.left.left, n.Ref) and e.left.left.name == "applicant_type"
                and isinstance(e.left.right, n.StrLit)):
            value = e.left.right.value
            return self.enum_labels.get("applicant_type", {}).get(value, value), e.right
        return None

    def cond(self, e: n.Expr) -> str:
        if isinstance(e, n.Ref):
            return self.label(e.name)
        if isinstance(e, n.BoolLit):
            return "是" if e.value else "否"
        if isinstance(e, n.Logic):
            only = self.only_for(e)
            if only is not None:  # applicant_type != "enterprise" 或 X  →  “企业须满足：X”
                return f"{only[0]}须满足：{self.cond(only[1])}"
            joiner = "，且" if e.op == "且" else "，或"
            return self.cond(e.left) + joiner + self.cond(e.right)
        if isinstance(e, n.Not):
            return f"并非“{self.cond(e.operand)}”"
        if isinstance(e, n.OnTime):
            return self._on_time_text(e.fact).replace(e.fact, self.label(e.fact), 1)
        if isinstance(e, n.Compare) and (isinstance(e.left, n.DateLit) or isinstance(e.right, n.DateLit)):
            left, right, op = e.left, e.right, e.op
            if isinstance(left, n.DateLit):  # 2026-03-31 >= x reads as x <= 2026-03-31
                left, right, op = right, left, _FLIP[op]
            return f"{self.amount(left)}{_DATE_WORDS[op]}{self.amount(right)}"
        return self._compare(e)

    def _compare(self, e: n.Expr) -> str:
        if isinstance(e, n.Compare):
            if isinstance(e.left, n.StrLit) and isinstance(e.right, n.Ref) and e.op in ("==", "!="):
                e = n.Compare(e.op, e.right, e.left, e.span)  # "x" == kind reads as kind == "x"
            left = self.amount(e.left) if not isinstance(e.left, n.Ref) else self.label(e.left.name)
            right = e.right
            if isinstance(right, n.StrLit) and isinstance(e.left, n.Ref):
                value = self.enum_labels.get(e.left.name, {}).get(right.value, right.value)
                return f"{left}{'为' if e.op == '==' else '不为'}“{value}”"
            if isinstance(e.left, n.Ref) and e.left.name in self.years and isinstance(right, n.NumberLit):
                years = {"==": "为", "!=": "不为", ">=": "不早于", "<=": "不晚于", ">": "晚于", "<": "早于"}
                return f"{left}{years[e.op]} {right.text} 年"  # 完成年份为 2024 年
            ops = {"==": "等于", "!=": "不等于", ">=": "不低于", "<=": "不高于", ">": "高于", "<": "低于"}
            return f"{left}{ops[e.op]} {self.amount(right)}"
        if isinstance(e, n.Member):
            names = (self.enum_labels.get(e.operand.name, {}) if isinstance(e.operand, n.Ref) else {})
            values = "、".join(names.get(v.value, v.value) for v in e.values) + ("等" if e.open else "")
            return f"{self.amount(e.operand)}属于：{values}"
        return self.amount(e)
