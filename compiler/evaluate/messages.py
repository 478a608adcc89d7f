"""The Chinese texts every calculator prints: validation messages and trace lines, as templates.

A template's ``{name}`` placeholders are filled in one pass by :func:`fill` (the value inserted is
never scanned again, so policy strings containing braces are safe). The reference runtime and
evaluator (:mod:`compiler.evaluate`) write their messages and trace lines from these tables;
each calculator backend carries both tables from the lowered form (:mod:`compiler.lowered`), and
``tests/test_lowered.py`` checks that the templates, filled as a calculator fills them,
reproduce the reference runtime's texts exactly.
"""

from __future__ import annotations

import re
from collections.abc import Mapping

# Profile validation (compiler.evaluate.runtime.validate / check_value / parse_json_profile).
# ``{got}`` is the value shown as the runtime's ``_show`` does: a string in “” (its first 40
# characters and its length when longer), null, a number as written, else the JSON type's
# Python name (list, dict).
MESSAGES: dict[str, str] = {
    "not_object": "申请人信息必须是一个 JSON 对象（键为事实名称）",
    "key_not_text": "字段名必须是字符串",
    "unknown": "未知字段“{key}”：不在共享词汇中，本政策也未声明{hint}",
    "unknown_hint": "；是否想写“{close}”？",
    "required": "缺少必填字段“{name}”（{label}）",
    "shown_text": "“{text}”",
    "shown_long": "“{head}…”（共 {n} 个字符）",
    "bool": "应为 true 或 false，收到 {got}",
    "money_bool": "应为金额（元），收到布尔值",
    "money_not_finite": "金额必须是有限的数（不接受 NaN 或无穷大）",
    "money_text": "{got}不是金额：请写成非负的十进制数（半角数字，整数部分至多 15 位），例如 \"12000.50\"",
    "rate_text": "{got}不是比例：请写成十进制数（半角数字，至多 8 位小数），例如 \"0.075\" 表示 7.5%",
    "money_type": "应为金额（元），收到 {got}",
    "money_negative": "金额不能为负数（收到 {value}）",
    "money_limit": "金额过大（须小于 {limit} 元）",
    "money_fen": "金额最多两位小数（到分），收到 {value}",
    "money_too_large": "金额过大（收到 {value}）",
    "rate_bool": "应为比例，收到布尔值",
    "rate_type": "应为比例，收到 {got}",
    "rate_not_finite": "比例必须是有限的数（不接受 NaN 或无穷大）",
    "rate_digits": "比例最多 8 位小数，收到 {value}",
    "rate_range": "比例应在 {low} 到 {high} 之间，收到 {value}",
    "date": "应为日期（YYYY-MM-DD，如 \"2026-03-31\"），收到 {got}",
    "date_invalid": "日期“{value}”不存在：请核对月份和日期",
    "date_range": "日期应在 {low} 年至 {high} 年之间，收到“{value}”",
    "int_type": "应为整数，收到 {got}",
    "int_not_finite": "应为整数（不接受 NaN 或无穷大）",
    "int_fraction": "应为整数，收到 {value}",
    "int_below": "取值 {value} 小于下限 {low}",
    "int_above": "取值 {value} 超出范围 {low}..{high}",
    "enum": "应为以下之一：{values}；收到 {got}",
    "text": "应为文本，收到 {got}",
    "text_too_long": "文本过长（{n} 个字符，至多 {max} 个）",
    "on": "日期“{on}”无效：应为 YYYY-MM-DD",
    # refused while parsing a profile's JSON text (where a calculator parses it)
    "number_too_long": "数字过长（{n} 个字符，至多 {max} 个）",
    "number_out_of_range": "数值超出范围（{text}）",
    "constant": "不接受 {name}：须是有限的数",
    "profile_too_large": "申请人信息过大（{n} 个字符，至多 {max} 个）",
    "too_deep": "JSON 嵌套过深（至多 {max} 层）",
    "not_json": "不是合法的 JSON：第 {line} 行第 {col} 列，{msg}",
    "duplicate": "字段重复出现",
}
# 参数 (policy parameters) and 约束 (constraints between facts): see runtime.check_parameters.
MESSAGES.update({
    "param_missing": "缺少参数“{name}”（{label}）：原文未公布其数值，计算时须提供",
    "param_unknown": "未知参数“{name}”：本政策没有声明该参数",
    "param_rate": "{got}不是比例：请写成 -1 到 1 之间的十进制数（至多 6 位小数），例如 \"0.065\"",
    "parameters_not_object": "参数必须是一个 JSON 对象（键为参数名称）",
})

# Trace lines and result notes (compiler.evaluate.runtime). Numbers are shown by the rule of
# ``runtime.num``: an integral value with two decimals (5.00), any other value without trailing
# zeros (0.5, 166666.665); an interval as “lo 至 hi”.
TRACE: dict[str, str] = {
    "heading": "{article}「{title}」适用",
    "heading_cond": "{article}「{title}」适用：{cond}",
    "tier": "分档：适用第 {n} 档（当 {cond}）",
    "tier_otherwise": "分档：适用“否则”档",
    "tier_none": "分档：没有适用的档次，按 0 计",
    "cap": "“{shown}”：{base} 超过上限 {limit}，取 {out}",
    "negative": "计算结果为负数，按 0 计",
    "amount": "金额：{shown} = {amount}",
    "amount_where": "金额：{shown} = {amount}（{where}）",
    "where_part": "{name} = {value}",
    "where_sep": "，",
    "undetermined": "金额：{shown}：原文未规定具体金额（未定）",
    "cross_cap_cut": "{article} 累计上限 {limit}（{shown}）：本项削减 {cut}，实付 {after}",
    "cross_cap_most": "{article} 累计上限 {limit}：本项至多 {most}",
    "before_start": "{on} 早于本政策的适用起始日 {start}",
    "after_end": "{on} 晚于本政策的有效期截止日 {end}",
    "events": "有效期以事件为界（{events}），日期未定，视为有效",
    "requirement_failed": "不满足资格条件（{article}）：{shown}",
    "excluded": "属于排除情形（{article}）：{shown}",
    "undetermined_value": "未定",
    "unlisted": "{label}“{value}”不在{articles}列举的范围内；计算时按不符合处理",
    "unlisted_open": "{label}“{value}”不在{articles}列举的范围内；"
                     "原文列举以“等”结尾，是否属于由主管部门认定，计算时按不符合处理",
    "range": "{lo} 至 {hi}",
}
TRACE.update({
    "parameter": "按参数 {label}（{name}）= {value} 计算（{source}）",
    "parameter_stated": "原文{article}规定",
    "parameter_given": "计算时提供",
})

_PLACEHOLDER = re.compile(r"\{(\w+)\}")


def fill(template: str, values: Mapping[str, object]) -> str:
    """``template`` with each ``{name}`` replaced by ``str(values[name])``, in one pass."""
    return _PLACEHOLDER.sub(lambda m: str(values[m.group(1)]), template)
