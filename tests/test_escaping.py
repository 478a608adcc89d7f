"""Every string slot of the language × every backend: a hostile string stays inert.

The slots are derived from the model's dataclasses (compiler/model/nodes.py): every field whose
type can hold a ``str`` is either INJECTED below (a policy puts a hostile payload in it) or
listed in NOT_FREE_TEXT with the grammar terminal that restricts it. A new field that is in
neither fails ``test_every_string_field_is_classified``. The backends are discovered through
the ``policyc.backends`` entry points, so a backend added later (JavaScript, SQL…) is checked
by the same tests; a file type without an inertness check below fails
``test_every_output_file_type_has_a_check``.

One policy carries every payload at once (each payload tagged with its field), so the whole
table costs one check and one render. For each (field, backend) the test asserts that the
field's payload really reached the model field, and that each output file of the backend is
inert: generated Python compiles and imports without running the payload, JSON parses and
holds the payload only as string data, and the Markdown rendered to HTML (with the site's
Markdown extensions) has no tag or attribute that the payload wrote.
"""

from __future__ import annotations

import builtins
import dataclasses
import functools
import importlib.util
import json
import shutil
import subprocess
import sys
import types
import typing
from html.parser import HTMLParser
from pathlib import Path

import markdown
import pytest
from hostile import literal as lit
from hostile import write_policy

from compiler.backends import CheckedModel, CheckedPolicy, discover
from compiler.build import render_all
from compiler.model import nodes as n
from compiler.model.readings import resolve
from compiler.pipeline import load


def payload(tag: str) -> str:
    """Breaks out of Python strings/docstrings/comments, JSON, Markdown, HTML, JS and SQL."""
    return (f'{tag}"\'\\\t<script>alert("{tag}")</script><img src=x onerror=alert("{tag}")>'
            f'--><!-- """\'\'\' ); __import__("builtins").__dict__.setdefault("PWNED_{tag}", 1) #'
            f' `${{{tag}}}` */ -- ; DROP TABLE t; | *_[x](javascript:alert("{tag}")) {{#{tag} .c}}'
            f' !!! danger "{tag}" \\x09 \\u2028 {{{{ {tag} }}}} {{% raw %}}\n# {tag} heading\n> {tag}')


def file_payload(tag: str) -> str:
    """A payload that can be a file name in the policy's folder (no /, no control characters)."""
    return f"{tag}--><img src=x onerror=alert({tag})><!--'\";$(x)`{{{{x}}}}"


def quote(text: str) -> str:
    """A 「…」 quote of ``text`` (which the source file also contains)."""
    return text.replace("「", "").replace("」", "")


FIELD = tuple[str, str]  # (dataclass name, field name)

# Slots that hold free text, each with the tag of its payload.
INJECTED: dict[FIELD, str] = {
    ("Header", "title"): "QA", ("Header", "docno"): "QB", ("Header", "issuers"): "QC",
    ("Header", "region"): "QD", ("Header", "source"): "QE", ("Citation", "quote"): "QF",
    ("Bound", "event"): "QG", ("Suppression", "reason"): "QH", ("FactType", "values"): "QI",
    ("FactDecl", "label"): "QJ", ("FactDecl", "default"): "QK", ("Definition", "label"): "QL",
    ("Item", "title"): "QM", ("Item", "note"): "QN", ("Stage", "name"): "QO",
    ("Quota", "note"): "QP", ("Use", "name"): "QQ", ("Step", "name"): "QR",
    ("Step", "description"): "QS", ("InputValue", "value"): "QT", ("TestCase", "name"): "QU",
    ("TestCase", "note"): "QV", ("StrLit", "value"): "QW", ("Expectation", "target"): "QO",
    ("Policy", "file"): "QX",
    # the language's 说明 of every block, several 文号 and quotes, readings (解读)
    ("Header", "note"): "RA", ("Header", "docnos"): "RB", ("Requirement", "note"): "RC",
    ("Exclusion", "note"): "RD", ("CrossCap", "note"): "RE", ("PaymentSchedule", "note"): "RF",
    ("Budget", "note"): "RG", ("Procedure", "note"): "RH", ("Reading", "note"): "RI",
    ("ReadingOption", "label"): "RJ", ("Citation", "passages"): "QF",
    ("Parameter", "label"): "RK",  # 参数: its label is in every calculator's error and trace
}
# Slots whose text the grammar restricts to a terminal that cannot carry markup or quotes.
NOT_FREE_TEXT: dict[FIELD, str] = {
    **{(c, "text"): "MONEY/PERCENT/NUMBER/COUNT token" for c in
       ("MoneyLit", "RateLit", "NumberLit", "CountLit")},
    ("CountLit", "unit"): "COUNT unit (家, 个, 项…)",
    ("Ref", "name"): "NAME", ("Arith", "op"): "operator", ("Logic", "op"): "operator",
    ("Compare", "op"): "CMP_OP",
    ("Citation", "article"): "ARTICLE, restricted by PC010 (test_edge_text.py)",
    ("Suppression", "code"): "CODE", ("Header", "id"): "NAME, reserved ids PC108",
    ("Header", "level"): "LEVEL", ("Header", "parent"): "NAME", ("FactType", "kind"): "type keyword",
    ("FactDecl", "name"): "NAME", ("Definition", "name"): "NAME", ("Requirement", "id"): "NAME",
    ("Exclusion", "id"): "NAME", ("Funding", "shares"): "NAME", ("Funding", "payers"): "NAME",
    ("Item", "id"): "NAME", ("Item", "beneficiary"): "NAME", ("Item", "category"): "NAME",
    ("Scope", "kind"): "keyword", ("Scope", "items"): "NAME", ("Scope", "beneficiary"): "NAME",
    ("CrossCap", "id"): "NAME", ("PaymentSchedule", "id"): "NAME", ("Quota", "id"): "NAME",
    ("Budget", "id"): "NAME", ("Procedure", "id"): "NAME", ("Use", "bound"): "keyword",
    ("InputValue", "name"): "NAME", ("Expectation", "kind"): "keyword",
    ("Expectation", "value"): "ARTICLE labels (排除项 [...]) or expressions",
    ("Header", "source_kind"): "keyword (摘要, 节选, 转载)", ("Reading", "id"): "NAME",
    ("Reading", "adopted"): "NAME", ("ReadingOption", "name"): "NAME", ("ReadingCase", "name"): "NAME",
    ("Readings", "block"): "NAME", ("TestCase", "readings"): "NAME (采用 <解读> <读法>)",
    ("Parameter", "name"): "NAME", ("Parameter", "value_kind"): "keyword (money, rate, int)",
    ("DateLit", "text"): "DATE token", ("Step", "deadline_fact"): "NAME (截止 D 按 <事实>)",
}


def _holds_text(hint: object) -> bool:
    """Whether a type hint can hold a str (str, str | None, tuple[str, ...], object…)."""
    if hint is str or hint is object:
        return True
    return any(_holds_text(a) for a in typing.get_args(hint))


def string_fields() -> set[FIELD]:
    found: set[FIELD] = set()
    for name, cls in vars(n).items():
        if not (isinstance(cls, type) and dataclasses.is_dataclass(cls)) or cls.__module__ != n.__name__:
            continue
        hints = typing.get_type_hints(cls, vars(n))
        for f in dataclasses.fields(cls):
            if _holds_text(hints[f.name]):
                found.add((name, f.name))
    return found


def test_every_string_field_is_classified() -> None:
    fields = string_fields()
    assert fields - set(INJECTED) - set(NOT_FREE_TEXT) == set(), "classify the new string fields"
    assert set(INJECTED) | set(NOT_FREE_TEXT) <= fields, "classified fields that no longer exist"


def P(field: FIELD) -> str:
    return payload(INJECTED[field])


def hostile_policy() -> tuple[str, str, str]:
    """(policy file name, policy text, source text) with every payload in its slot."""
    q = ("对试点企业按投入的 50% 给予奖励，最高 20 万元；名额至多 10 家；先拨付 70%；"
         "至多 20% 用于服务；公示 5 个工作日。" + quote(P(("Citation", "quote"))))
    source = "第一条 " + q + "\n"
    text = f"""政策 evil {{
  标题 {lit(P(("Header", "title")))}
  文号 {lit(P(("Header", "docno")))}, {lit(P(("Header", "docnos")))}
  说明 {lit(P(("Header", "note")))}
  发布机关 {lit(P(("Header", "issuers")))}, "某局"
  层级 市级
  地区 {lit(P(("Header", "region")))}
  来源 {lit(file_payload(INJECTED[("Header", "source")]) + ".txt")}
  有效期 自 2024-01-01 至 事件 {lit(P(("Bound", "event")))}
}}

事实 {{
  applicant_type 必填
  in_pilot_scope
  spend_software_cloud
  kind: 枚举 [{lit(P(("FactType", "values")))} "种类", "b" "乙"] "种类"
  remark: 文本 {lit(P(("FactDecl", "label")))} 默认 {lit(P(("FactDecl", "default")))}
}}

定义 base {lit(P(("Definition", "label")))} = spend_software_cloud

参数 unit: 货币 {lit(P(("Parameter", "label")))} 未公布

约束 spend_software_cloud >= unit

资格 req {{
  条款 第一条
  原文 「{q}」 「第一条」
  条件 in_pilot_scope
  说明 {lit(P(("Requirement", "note")))}
}}

排除 ex {{
  条款 第一条
  原文 「{q}」
  条件 spend_software_cloud > 20万元
  说明 {lit(P(("Exclusion", "note")))}
}}

解读 amb {{
  条款 第一条
  原文 「{q}」
  读法 half {lit(P(("ReadingOption", "label")))}
  读法 more "另一读法"
  采用 half
  说明 {lit(P(("Reading", "note")))}
}}

定义 share = 解读 amb {{
  读法 half 则 50% × base
  读法 more 则 60% × base
}}

补助 award {{
  条款 第一条
  标题 {lit(P(("Item", "title")))}
  对象 enterprise
  原文 「{q}」
  条件 in_pilot_scope 且 remark == {lit(P(("StrLit", "value")))} 且 kind == "b"
  金额 share 封顶 20万元
  资金 city 100%
  说明 {lit(P(("Item", "note")))}
  忽略 PC311 {lit(P(("Suppression", "reason")))}
}}

拨付 pay {{
  条款 第一条
  原文 「{q}」
  适用 全部
  阶段 {lit(P(("Stage", "name")))} 至多 70%
  阶段 "验收后" 余额
  说明 {lit(P(("PaymentSchedule", "note")))}
}}

累计上限 total_cap {{
  条款 第一条
  原文 「{q}」
  适用 全部
  上限 20万元
  说明 {lit(P(("CrossCap", "note")))}
}}

名额 quota {{
  条款 第一条
  原文 「{q}」
  说明 {lit(P(("Quota", "note")))}
  至多 10家
}}

预算 budget {{
  条款 第一条
  原文 「{q}」
  用途 {lit(P(("Use", "name")))} 至多 20%
  说明 {lit(P(("Budget", "note")))}
}}

程序 steps {{
  条款 第一条
  原文 「{q}」
  步骤 {lit(P(("Step", "name")))} {lit(P(("Step", "description")))} 不少于 5个工作日
  说明 {lit(P(("Procedure", "note")))}
}}

测试 {lit(P(("TestCase", "name")))} {{
  说明 {lit(P(("TestCase", "note")))}
  日期 2025-01-01
  输入 {{ applicant_type: "enterprise", in_pilot_scope: 真, spend_software_cloud: 100000,
         kind: "b", remark: {lit(P(("InputValue", "value")))} }}
  期望 项目 award 50000元
  期望 付款 {lit(P(("Stage", "name")))} 0元 至 35000元
}}
"""
    name = file_payload(INJECTED[("Policy", "file")]) + ".policy"
    return name, text, source


def _values(obj: object) -> typing.Iterator[object]:
    """Every value reachable from a model node (dataclasses, tuples)."""
    stack = [obj]
    while stack:
        x = stack.pop()
        yield x
        if dataclasses.is_dataclass(x) and not isinstance(x, type):
            stack.extend(getattr(x, f.name) for f in dataclasses.fields(x))
        elif isinstance(x, tuple):
            stack.extend(x)


@functools.cache
def rendered() -> tuple[n.Policy, dict[str, str]]:
    import tempfile

    tmp = Path(tempfile.mkdtemp(prefix="policyc-escaping-"))
    name, text, source = hostile_policy()
    path = write_policy(tmp, text, name=name, source=source)
    (tmp / "src.txt").rename(tmp / (file_payload(INJECTED[("Header", "source")]) + ".txt"))
    loaded = load(path)
    assert loaded.ok and loaded.policy is not None, [(d.code, str(d.span), d.message)
                                                     for d in loaded.errors]
    cp = CheckedPolicy(loaded.policy, f"policies/{name}", tuple(loaded.diagnostics),
                       tuple(loaded.suppressed))
    backends = discover()
    files = render_all(CheckedModel((cp,)), {k: b for k, b in backends.items() if k != "sql"})
    # the SQL backend refuses readings (one reading per row): it renders the adopted reading
    adopted = dataclasses.replace(resolve(loaded.policy), readings=())
    files.update(render_all(CheckedModel((dataclasses.replace(cp, policy=adopted),)), {"sql": backends["sql"]}))
    shutil.rmtree(tmp, ignore_errors=True)
    return loaded.policy, files


@pytest.mark.parametrize("field", sorted(INJECTED), ids=lambda f: ".".join(f))
def test_the_payload_reaches_its_field(field: FIELD) -> None:
    """The table is honest: each payload really is the value of the field it stands for."""
    policy, _ = rendered()
    cls, attr = field
    want = file_payload(INJECTED[field]) if field in {("Header", "source"), ("Policy", "file")} \
        else P(field)
    values = [getattr(x, attr) for x in _values(policy) if type(x).__name__ == cls]
    flat = [s for v in values for s in _strings(v)]
    assert any(want in s for s in flat), (field, flat[:3])


def _strings(v: object) -> list[str]:
    if isinstance(v, str):
        return [v]
    if isinstance(v, tuple):
        return [s for x in v for s in _strings(x)]
    return []


# ------------------------------------------------------------------ inertness per file type
EXTENSIONS = ["admonition", "attr_list", "md_in_html", "tables", "toc", "pymdownx.details",
              "pymdownx.superfences", "pymdownx.inlinehilite"]  # the site's (mkdocs.yml)
ALLOWED_TAGS = {"h1", "h2", "h3", "h4", "p", "a", "ul", "ol", "li", "strong", "em", "code", "pre",
                "table", "thead", "tbody", "tr", "th", "td", "div", "span", "details", "summary",
                "blockquote", "br", "hr"}


class _Tags(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, list[tuple[str, str | None]]]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, attrs))

    def handle_comment(self, data: str) -> None:
        self.tags.append(("!--", [("text", data)]))


@functools.cache
def _html_tags(text: str) -> list[tuple[str, list[tuple[str, str | None]]]]:
    parser = _Tags()
    parser.feed(markdown.markdown(text, extensions=EXTENSIONS))
    return parser.tags


def check_markdown(rel: str, text: str, tags: list[str]) -> None:
    for tag, attrs in _html_tags(text):
        if tag == "!--":
            # a comment ends at the first -->: markup inside it would mean a payload got in
            assert not set(attrs[0][1] or "") & set("<>"), f"{rel}: markup in a comment"
            continue
        assert tag in ALLOWED_TAGS, f"{rel}: live <{tag}> {attrs}"
        for name, value in attrs:
            assert not name.startswith("on"), f"{rel}: live attribute {name}"
            assert not (value or "").lower().lstrip().startswith("javascript:"), f"{rel}: {value}"
            assert not any(t in name or t == (value or "") for t in tags), f"{rel}: attribute {name}"


def check_python(rel: str, text: str, tags: list[str]) -> None:
    _run_python(rel, text)
    assert not [k for k in vars(builtins) if k.startswith("PWNED_")], f"{rel}: payload ran"


@functools.cache
def _run_python(rel: str, text: str) -> None:
    """Compile and import the module once (the payloads of every field are in it)."""
    code = compile(text, rel, "exec")
    if rel.endswith("__init__.py"):
        return
    spec = importlib.util.spec_from_loader(f"policyc_escaping_{abs(hash(rel))}", loader=None)
    assert spec is not None
    module = types.ModuleType(spec.name)
    sys.modules[spec.name] = module  # dataclasses look their module up
    try:
        exec(code, module.__dict__)
    finally:
        del sys.modules[spec.name]


def check_json(rel: str, text: str, tags: list[str]) -> None:
    json.loads(text)


def check_javascript(rel: str, text: str, tags: list[str]) -> None:
    node = shutil.which("node")
    if node is None:
        pytest.skip("node is not installed")
    res = subprocess.run([node, "--check", "--input-type=module"], input=text, text=True,
                         capture_output=True, check=False)
    assert res.returncode == 0, res.stderr
    assert "PWNED_" not in _outside_strings_js(text), f"{rel}: payload outside a string"


def _outside_strings_js(text: str) -> str:
    import re

    return re.sub(r'"(?:[^"\\\n]|\\.)*"|\'(?:[^\'\\\n]|\\.)*\'|`(?:[^`\\]|\\.)*`|//[^\n]*|/\*.*?\*/',
                  "", text, flags=re.S)


def check_typescript(rel: str, text: str, tags: list[str]) -> None:
    """Type declarations: every policy string stays inside a string literal or a one-line comment."""
    outside = _outside_strings_js(text)
    assert "PWNED_" not in outside, f"{rel}: payload outside a string or comment"
    for line in text.splitlines():
        assert not line.lstrip().startswith(("/**", "//")) or line.count("*/") <= 1, f"{rel}: comment closed early"


def check_sql(rel: str, text: str, tags: list[str]) -> None:
    sqlglot = pytest.importorskip("sqlglot")
    import re

    # <policy>.<dialect>.sql: parsed in its dialect (Spark quotes names with backticks and escapes
    # quotes with a backslash); the Spark file is the same tree as the DuckDB one, so only the
    # DuckDB file is parsed back (a large query takes seconds to parse).
    dialect = rel.rsplit(".", 2)[-2] if rel.count(".") >= 2 else None
    if dialect != "spark":
        sqlglot.parse(text, read=dialect if dialect in ("duckdb",) else None)
    string = r"'(?:[^'\\]|\\.)*'" if dialect == "spark" else r"'(?:[^']|'')*'"
    outside = re.sub(string + r"|--[^\n]*|/\*.*?\*/", "", text, flags=re.S)
    assert "DROP TABLE" not in outside.upper(), f"{rel}: payload outside a string"


CHECKS: dict[str, typing.Callable[[str, str, list[str]], None]] = {
    ".md": check_markdown, ".py": check_python, ".json": check_json, ".js": check_javascript,
    ".mjs": check_javascript, ".ts": check_typescript, ".sql": check_sql, ".html": check_markdown,
}
BACKENDS = sorted(discover())


def _suffix(rel: str) -> str:
    return Path(rel).suffix


def test_every_output_file_type_has_a_check() -> None:
    _, files = rendered()
    assert {_suffix(r) for r in files} <= set(CHECKS), "add an inertness check for the new file type"


@pytest.mark.parametrize("backend", BACKENDS)
@pytest.mark.parametrize("field", sorted(INJECTED), ids=lambda f: ".".join(f))
def test_hostile_strings_are_inert(field: FIELD, backend: str) -> None:
    _, files = rendered()
    mine = {r: t for r, t in files.items() if r.startswith(f"{backend}/")}
    assert mine, f"backend {backend} produced nothing"
    tag = INJECTED[field]
    for rel, text in sorted(mine.items()):
        CHECKS[_suffix(rel)](rel, text, [tag])


def test_the_header_comment_cannot_be_closed_by_a_file_name() -> None:
    _, files = rendered()
    guide = next(t for r, t in files.items() if r.startswith("markdown/") and "compare" not in r)
    first = guide.splitlines()[0]
    assert first.startswith("<!--") and first.endswith("-->") and first.count("-->") == 1
