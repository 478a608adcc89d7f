"""Which field may stand in which block, and each field's keyword: the model reports a misplaced
field with it (PC101), and the parser's hints for a mistyped keyword offer only the fields the
block being written can hold (the grammar has one rule for every block's fields)."""

from __future__ import annotations

FIELD_ZH = {
    "article": "条款", "quote": "原文", "title": "标题", "note": "说明", "docno": "文号",
    "issuers": "发布机关", "issued": "发布日期", "level": "层级", "region": "地区",
    "parent": "上级", "source": "来源", "valid": "有效期", "retro": "追溯",
    "beneficiary": "对象", "category": "类别", "cond": "条件", "amount": "金额",
    "funding": "资金", "applies": "适用", "limit": "上限", "stage": "阶段", "at_most": "至多",
    "at_least": "至少", "use": "用途", "step": "步骤", "date": "日期", "input": "输入",
    "expect": "期望", "suppress": "忽略", "option": "读法", "adopt": "采用", "reading": "采用",
}
FIELD_ZH["params"] = "参数"
_CITE = {"article", "quote", "note", "suppress"}
ALLOWED: dict[str, set[str]] = {
    "政策": {"title", "docno", "issuers", "issued", "level", "region", "parent", "source",
           "valid", "retro", "note", "suppress"},
    "资格": _CITE | {"cond"},
    "排除": _CITE | {"cond"},
    "补助": _CITE | {"title", "beneficiary", "category", "cond", "amount", "funding"},
    "累计上限": _CITE | {"applies", "limit"},
    "拨付": _CITE | {"applies", "stage"},
    "名额": _CITE | {"applies", "at_most", "at_least"},
    "预算": _CITE | {"applies", "use"},
    "程序": _CITE | {"step"},
    "测试": {"note", "date", "input", "expect", "reading", "params"},
    "解读": _CITE | {"option", "adopt"},
}
