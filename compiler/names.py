"""Policy ids become file names in every output (``<id>.py``, ``<id>.md``, ``<id>.input.schema.json``,
a page ``guides/<id>/`` of the site…), so an id may not be a name the outputs already use, nor a
name some file system or importer treats specially, nor another policy's id.
"""

from __future__ import annotations

import keyword
import re

GENERATED_NAMES = frozenset({
    # names the built-in backends and the documentation site generate beside the policies
    "compare", "index", "__init__", "__main__", "runtime", "vocabulary", "search", "assets",
    "sitemap", "404", "guides",
})
WINDOWS_DEVICES = frozenset({"con", "prn", "aux", "nul", *(f"com{i}" for i in range(10)),
                             *(f"lpt{i}" for i in range(10))})


def reserved(policy_id: str) -> str | None:
    """Why ``policy_id`` cannot be used (Chinese), or None when it can."""
    low = policy_id.lower()
    if low in GENERATED_NAMES:
        return f"“{policy_id}”是生成输出中已有的文件名（对比页、索引、Python 包等）"
    if re.fullmatch(r"__\w*__", policy_id):
        return f"“{policy_id}”是 Python 的特殊名称"
    if keyword.iskeyword(policy_id) or keyword.issoftkeyword(policy_id):
        return f"“{policy_id}”是 Python 关键字，生成的模块无法导入"
    if low in WINDOWS_DEVICES:
        return f"“{policy_id}”在 Windows 上是设备名，不能作文件名"
    return None
