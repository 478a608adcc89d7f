"""A deterministic SVG chart of a simulation report, built by hand (no plotting library, no fonts
embedded, no timestamps): the same report always gives the same bytes, so the documentation site
can commit it and the build can check it. Text is escaped with :func:`xml.sax.saxutils.escape`.
"""

from __future__ import annotations

from decimal import ROUND_DOWN, Decimal
from typing import Any
from xml.sax.saxutils import escape, quoteattr

COLORS = {"central": "#c0392b", "province": "#d68910", "city": "#2874a6", "county": "#239b56",
          "unspecified": "#7f8c8d"}
SOURCE_NAMES = {"central": "中央", "province": "省级", "city": "市级", "county": "县级", "unspecified": "未明确"}
WIDTH = 860
LABEL_W = 330
BAR_W = 400


def yuan_cn(x: Decimal | str) -> str:
    """20 万元, 1.5 亿元 — the way people write amounts (truncated, never rounded up)."""
    d = Decimal(x)
    for unit, name in ((Decimal(100_000_000), "亿元"), (Decimal(10_000), "万元")):
        if d >= unit:
            v = (d / unit).quantize(Decimal("0.01"), rounding=ROUND_DOWN).normalize()
            return f"{v:f} {name}"
    return f"{d.quantize(Decimal('0.01'), rounding=ROUND_DOWN).normalize():f} 元"


def _text(x: float, y: float, s: str, size: int = 12, anchor: str = "start", weight: str = "normal") -> str:
    return (f'<text x="{x:.1f}" y="{y:.1f}" font-size="{size}" text-anchor="{anchor}" '
            f'font-weight="{weight}">{escape(s)}</text>')


def _rect(x: float, y: float, w: float, h: float, fill: str, title: str) -> str:
    return (f'<rect x="{x:.1f}" y="{y:.1f}" width="{max(w, 0):.1f}" height="{h:.1f}" fill={quoteattr(fill)}>'
            f"<title>{escape(title)}</title></rect>")


def render(report: dict[str, Any]) -> str:
    parts: list[str] = []
    y = 30.0
    parts.append(_text(10, y, f"{report['profiles']:,} 个合成申请人 · 计算日期 {report['as_of']}", 15, weight="bold"))
    y += 16
    for p in report["policies"]:
        y += 44
        parts.append(_text(10, y, f"{p['title']}（{p['policy']}）", 14, weight="bold"))
        y += 18
        unbounded = p["total"]["unbounded"]
        summary = f"符合条件 {p['eligible']:,} 个，应付合计至多 {yuan_cn(p['total']['max'])}"
        parts.append(_text(10, y, summary + (f"（另有 {unbounded:,} 个金额未定）" if unbounded else ""), 12))
        items = [i for i in p["items"] if i["applicants"]]
        top = max([Decimal(i["paid_max"]) for i in items] + [Decimal(1)])
        for it in items:
            y += 22
            label = f"{it['article']} {it['title']}"
            parts.append(_text(LABEL_W - 8, y + 11, label if len(label) <= 26 else label[:25] + "…", 11, "end"))
            w = float(Decimal(it["paid_max"]) / top) * BAR_W
            parts.append(_rect(LABEL_W, y, w, 14, "#2874a6", f"{label}：{yuan_cn(it['paid_max'])}"))
            note = f"{yuan_cn(it['paid_max'])} · {it['applicants']:,} 个" + (
                f"（{it['undetermined']:,} 个金额未定）" if it["undetermined"] else "")
            parts.append(_text(LABEL_W + w + 6, y + 11, note, 11))
        funding = {k: Decimal(v) for k, v in p["funding"].items()}
        whole = sum(funding.values(), Decimal(0))
        if whole > 0:
            y += 26
            parts.append(_text(LABEL_W - 8, y + 11, "出资方", 11, "end"))
            x = float(LABEL_W)
            for src, v in funding.items():
                w = float(v / whole) * BAR_W
                parts.append(_rect(x, y, w, 14, COLORS[src], f"{SOURCE_NAMES[src]}：{yuan_cn(v)}"))
                x += w
            legend = "，".join(f"{SOURCE_NAMES[s]} {yuan_cn(v)}" for s, v in funding.items())
            parts.append(_text(LABEL_W + BAR_W + 6, y + 11, legend, 11))
        for q in p["quotas"]:
            if q.get("limit") is not None and q.get("bound") == "at_most":
                y += 20
                parts.append(_text(LABEL_W - 8, y + 11, f"名额（{q['article']}）", 11, "end"))
                used = min(q["applicants"], q["limit"])
                w = BAR_W * (used / q["applicants"] if q["applicants"] else 0)
                parts.append(_rect(LABEL_W, y, BAR_W, 14, "#e5e8e8", "申请者"))
                parts.append(_rect(LABEL_W, y, w, 14, "#239b56", "名额内"))
                parts.append(_text(LABEL_W + BAR_W + 6, y + 11,
                                   f"{q['applicants']:,} 个申请，前 {q['limit']:,} 个获支持", 11))
        b = p.get("budget")
        if b:
            y += 20
            parts.append(_text(LABEL_W - 8, y + 11, f"预算 {yuan_cn(b['amount'])}", 11, "end"))
            demand = Decimal(b["demand"]) or Decimal(1)
            w = float(Decimal(b["used"]) / demand) * BAR_W
            parts.append(_rect(LABEL_W, y, BAR_W, 14, "#e5e8e8", "需求"))
            parts.append(_rect(LABEL_W, y, w, 14, "#d68910", "预算内"))
            parts.append(_text(LABEL_W + BAR_W + 6, y + 11,
                               f"够前 {b['funded']:,} 个（共 {b['applicants_paid']:,} 个）", 11))
    height = int(y + 24)
    return (f'<svg xmlns="http://www.w3.org/2000/svg" width="{WIDTH + 300}" height="{height}" '
            f'viewBox="0 0 {WIDTH + 300} {height}" font-family="sans-serif" role="img">\n'
            f'<rect width="100%" height="100%" fill="#ffffff"/>\n' + "\n".join(parts) + "\n</svg>\n")
