"""mkdocs hook: generate reference/vocabulary.md, the shared vocabulary, from compiler/vocabulary.py.

For every fact of the shared vocabulary the page gives its name, type, Chinese label and meaning,
and which seed policies read it, with the articles whose rules read it (``queries.articles_by_fact``
on the model of each policy in policies/, parsed without the solver). It also lists the funding
sources and, per seed policy, the facts the policy declares for itself. The page depends only on
the repository's files, so it is the same on every build.

This file lives in docs/ only so that mkdocs.yml can name it; ``exclude_docs`` keeps it out of
the site.
"""

from __future__ import annotations

from pathlib import Path

from compiler.model import nodes as n
from compiler.model.queries import articles_by_fact
from compiler.pipeline import parse_source
from compiler.vocabulary import FACTS, FUNDING_SOURCES, MEANINGS, type_text

PAGE = "reference/vocabulary.md"
ROOT = Path(__file__).resolve().parents[2]
CITY_FACTS = ("city_type", "region")


def seed_policies(root: Path = ROOT) -> list[n.Policy]:
    out = []
    for path in sorted((root / "policies").glob("*.policy")):
        policy, _ = parse_source(path.read_text(encoding="utf-8-sig"), path.name)
        if policy is not None:
            out.append(policy)
    return out


def _cell(text: str) -> str:
    return text.replace("|", "\\|").replace("\n", " ")


def _readers(name: str, policies: list[n.Policy], uses: dict[str, dict[str, list[str]]]) -> str:
    parts = []
    for p in policies:
        arts = uses[p.id].get(name)
        if arts:
            parts.append(f"`{p.id}`（{'、'.join(arts)}）")
        elif p.fact(name) is not None:
            parts.append(f"`{p.id}`（已声明，规则未读取）")
    return "；".join(parts) or "—"


def build_page(root: Path = ROOT) -> str:
    policies = seed_policies(root)
    uses = {p.id: articles_by_fact(p, beneficiary=True) for p in policies}
    out = [
        "# 共享词汇表",
        "",
        "所有政策从同一套**事实**读取申请人信息，因此同一份申请人资料（一个 JSON 对象）可以用于每一个政策、"
        "在城市之间比较，表单也只需填写一次。下表的名称是固定的：政策需要其中某个概念时，"
        "必须使用这里的名称、含义和单位；政策可以在 `事实` 块中声明自己的事实（带中文标签），但不能改名。",
        "",
        "本页在构建文档时由 `compiler/vocabulary.py` 生成；“读取它的政策”一栏列出 `policies/` 中"
        "各政策里读取该事实的规则所在条款（`对象` 计为读取 `applicant_type`）。",
        "",
        "金额以元为单位；JSON 中可以写数字或十进制字符串，计算一律用精确的十进制数。未知的字段名是错误，不会被忽略。",
        "",
    ]
    groups = (
        ("企业等申报主体的事实", [f for f in FACTS if f not in CITY_FACTS]),
        ("城市的事实（全国通知的申报主体）", list(CITY_FACTS)),
    )
    for title, names in groups:
        out += [f"## {title}", "", "| 名称 | 类型 | 中文 | 含义 | 读取它的政策 |", "|---|---|---|---|---|"]
        for name in names:
            ftype, label = FACTS[name]
            out.append(f"| `{name}` | {_cell(type_text(ftype))} | {_cell(label)} | "
                       f"{_cell(MEANINGS.get(name, ''))} | {_readers(name, policies, uses)} |")
        out.append("")
    out += ["## 出资方", "", "`资金` 中使用的出资方名称：", "", "| 名称 | 中文 |", "|---|---|"]
    out += [f"| `{k}` | {v} |" for k, v in FUNDING_SOURCES.items()]
    out += ["", "政策只点名出资方而未规定分担比例时（`资金 未明确 [...]`），金额记在 `unspecified` 下，"
            "并列出候选出资方，绝不按猜测拆分。", ""]
    out += ["## 各政策自己声明的事实", ""]
    for p in policies:
        own = [f for f in p.facts if not f.vocabulary]
        if not own:
            continue
        out += [f"### `{p.id}` {p.header.title}", "", "| 名称 | 类型 | 中文 | 读取它的条款 |", "|---|---|---|---|"]
        for f in own:
            arts = "、".join(uses[p.id].get(f.name, [])) or "—"
            out.append(f"| `{f.name}` | {_cell(type_text(f.type))} | {_cell(f.label)} | {arts} |")
        out.append("")
    return "\n".join(out).rstrip() + "\n"


def on_files(files: object, *, config: object) -> object:
    from mkdocs.exceptions import Abort
    from mkdocs.structure.files import File, Files

    assert isinstance(files, Files)
    if files.get_file_from_path(PAGE) is not None:
        raise Abort(f"docs/{PAGE} 由 docs/_hooks/vocabulary_page.py 生成，请删除手写的同名文件。")
    files.append(File.generated(config, PAGE, content=build_page()))  # type: ignore[arg-type]
    return files
