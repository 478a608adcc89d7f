"""A Pygments lexer for the policy language, for the documentation site and editors.

Registered under the entry-point group ``pygments.lexers`` (see ``pyproject.toml``), so that
``pygments.lexers.get_lexer_by_name("policy")`` — and with it Markdown fences tagged
``policy`` in the mkdocs site — find it once policyc is installed. Pygments is not a runtime
dependency of policyc: this module is only imported by Pygments itself (and the tests).

The token rules follow the terminals of ``grammar/policy.lark``; a test lexes every seed
policy and requires that no ``Token.Error`` is produced. Only standard Pygments token types
are used, so that every Pygments style (and mkdocs-material's) colours them:

- ``# 注释`` — ``Comment.Single`` (c1); ``「原文」`` — ``String.Doc`` (sd);
  ``"字符串"`` — ``String.Double`` (s2), escapes ``String.Escape`` (se)
- block keywords ``政策 事实 定义 资格 排除 补助 累计上限 拨付 名额 预算 程序 测试`` —
  ``Keyword.Declaration`` (kd); the name a block declares — ``Name.Class`` (nc), or
  ``Name.Function`` (nf) after ``定义``
- field keywords ``条款 原文 金额 资金 期望`` … — ``Keyword`` (k); fact types ``布尔 整数`` … —
  ``Keyword.Type`` (kt); ``真 假 是 否 未定 余额 全部 无 等`` and the levels — ``Keyword.Constant`` (kc)
- ``且 或 非 属于 封顶 不超过 至 至多 至少 不少于`` — ``Operator.Word`` (ow);
  ``× * + - == != >= <= ≥ ≤ ≠`` — ``Operator`` (o); ``{ } [ ] ( ) , : ..`` — ``Punctuation`` (p)
- money ``20万元`` ``1.5亿元`` — ``Number.Float`` (mf); percentages ``50%`` — ``Number`` (m);
  counts ``200家`` ``5个工作日`` and integers — ``Number.Integer`` (mi); decimals — ``Number.Float``
- dates ``2024-05-12`` — ``Literal.Date`` (ld); articles ``第七条第（一）项`` ``四、（二）`` —
  ``Name.Label`` (nl); codes ``PC310`` — ``Name.Constant`` (no); identifiers — ``Name`` (n)
- ``……`` (elided text in the documentation) — ``Comment.Special`` (cs); anything else, such as a
  full-width ``＝`` — ``Error`` (err)
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator

from pygments.lexer import RegexLexer
from pygments.token import (
    Comment,
    Error,
    Keyword,
    Literal,
    Name,
    Number,
    Operator,
    Punctuation,
    String,
    Text,
    _TokenType,
)

__all__ = ["PolicyLexer"]

# Block keywords (grammar: SECTION_KW, _KW_POLICY, _KW_FACTS, _KW_DEFINE, _KW_TEST).
BLOCK_KEYWORDS: tuple[str, ...] = ("政策", "事实", "定义", "资格", "排除", "补助", "累计上限", "拨付", "名额", "预算",
                  "程序", "测试", "解读")
# Blocks of the shape `KW NAME { … }` (and `定义 NAME`): the name is highlighted with them.
NAMED_BLOCKS: tuple[str, ...] = ("政策", "资格", "排除", "补助", "累计上限", "拨付", "名额", "预算", "程序", "解读")

# Field and structural keywords (grammar: the _KW_* terminals not listed elsewhere).
FIELD_KEYWORDS = (
    "默认", "必填", "条款", "原文", "标题", "说明", "文号", "发布机关", "发布日期", "层级", "地区", "上级",
    "来源", "有效期", "追溯", "自", "事件", "依据", "对象", "类别", "条件", "金额", "资金", "未明确", "适用",
    "上限", "阶段", "用途", "步骤", "日期", "输入", "期望", "忽略", "总额", "项目", "付款", "排除项", "有效",
    "分档", "当", "则", "否则", "读法", "采用",
)
TYPE_KEYWORDS = ("布尔", "整数", "货币", "比例", "文本", "枚举")
# Literal-like keywords: booleans (BOOL), levels (LEVEL), 未定, 余额, 全部, 无, 等.
CONSTANT_KEYWORDS: tuple[str, ...] = (
    "真", "假", "是", "否", "国家级", "省级", "市级", "县级", "未定", "余额", "全部", "无",
    "等", "未规定", "摘要", "节选", "转载")
# Keywords that act as operators in expressions and bounds.
OPERATOR_WORDS = ("或", "且", "非", "属于", "封顶", "不超过", "至", "至多", "至少", "不少于")

# 参数 (a policy parameter: named like a block) and 约束 (a constraint between facts); 未公布.
BLOCK_KEYWORDS = (*BLOCK_KEYWORDS, "参数", "约束")
NAMED_BLOCKS = (*NAMED_BLOCKS, "参数")
CONSTANT_KEYWORDS = (*CONSTANT_KEYWORDS, "未公布")

_KIND: dict[str, _TokenType] = {
    **{w: Keyword for w in FIELD_KEYWORDS},
    **{w: Keyword.Type for w in TYPE_KEYWORDS},
    **{w: Keyword.Constant for w in CONSTANT_KEYWORDS},
    **{w: Operator.Word for w in OPERATOR_WORDS},
    # dates, deadlines and years: 年份 (a type), 步骤 … 截止 D 按 fact, 按期 fact
    "年份": Keyword.Type, "截止": Keyword, "按期": Operator.Word, "按": Operator.Word,
    **{w: Keyword.Declaration for w in BLOCK_KEYWORDS},
}


def _alternation(words: tuple[str, ...] | list[str]) -> str:
    """Longest first, as the grammar's lexer does (排除项 before 排除, 至多 before 至)."""
    return "|".join(re.escape(w) for w in sorted(words, key=lambda w: (-len(w), w)))


_KEYWORD_RE = _alternation(list(_KIND))
_WS = r"[ \t\r\n\u3000\ufeff]"


def _keyword(lexer: RegexLexer, match: re.Match[str]) -> Iterator[tuple[int, _TokenType, str]]:
    word = match.group(0)
    yield match.start(), _KIND[word], word


def _number(lexer: RegexLexer, match: re.Match[str]) -> Iterator[tuple[int, _TokenType, str]]:
    text = match.group(0)
    yield match.start(), Number.Float if "." in text else Number.Integer, text


def _declaration(name_token: _TokenType) -> Callable[[RegexLexer, re.Match[str]],
                                                    Iterator[tuple[int, _TokenType, str]]]:
    """`补助 reform_subsidy`: the keyword, the whitespace and the name the block declares."""

    def callback(lexer: RegexLexer, match: re.Match[str]) -> Iterator[tuple[int, _TokenType, str]]:
        yield match.start(1), Keyword.Declaration, match.group(1)
        yield match.start(2), Text.Whitespace, match.group(2)
        yield match.start(3), name_token, match.group(3)

    return callback


class PolicyLexer(RegexLexer):
    """Lexer for policyc's policy language (``*.policy``)."""

    name = "policyc"
    aliases = ["policy", "policyc"]  # noqa: RUF012 - the Pygments lexer protocol
    filenames = ["*.policy"]  # noqa: RUF012
    mimetypes = ["text/x-policyc"]  # noqa: RUF012
    flags = re.MULTILINE

    tokens = {  # noqa: RUF012
        "root": [
            (_WS + "+", Text.Whitespace),
            (r"#[^\n]*", Comment.Single),
            (r"「[^」「]*」", String.Doc),
            (r'"', String.Double, "string"),
            (r"\d{4}-\d{2}-\d{2}", Literal.Date),
            (r"\d+(?:\.\d+)?[ \u3000]*(?:万元|亿元|元)", Number.Float),
            (r"\d+(?:\.\d+)?%", Number),
            (r"\d+[ \u3000]*(?:个工作日|工作日|家|户|个|项)", Number.Integer),
            (r"PC\d{3}", Name.Constant),
            (r"\d+(?:\.\d+)?", _number),
            (r"(?:第[〇零一二三四五六七八九十百0-9]+[条條章]|[一二三四五六七八九十]+、)"
             r"[^\s\u3000\"「」{}\[\],]*", Name.Label),
            # unnumbered parts of the source after 条款 / 依据: 导语, 落款, 附件1 (标题 and 文号 are
            # also field keywords, so they stay keywords here)
            (r"(?:导语|落款|通知标题|附件[〇零一二三四五六七八九十0-9]*)(?![^\s\u3000\"「」{}\[\],])",
             Name.Label),
            # `补助 reform_subsidy`, `定义 reform_spend`: the name a block declares.
            (r"(" + _alternation(NAMED_BLOCKS) + r")(" + _WS + r"+)([A-Za-z_][A-Za-z0-9_]*)",
             _declaration(Name.Class)),
            (r"(定义)(" + _WS + r"+)([A-Za-z_][A-Za-z0-9_]*)",
             _declaration(Name.Function)),
            (_KEYWORD_RE, _keyword),
            (r"[A-Za-z_][A-Za-z0-9_]*", Name),
            (r"==|!=|>=|<=|[><≥≤≠×*+\-=]", Operator),
            (r"\.\.|[{}\[\](),:]", Punctuation),
            # The documentation writes `……` for elided text (`原文 「……」`, `金额 ……`).
            (r"…+", Comment.Special),
        ],
        "string": [
            (r'\\u[0-9A-Fa-f]{4}|\\[^\n]', String.Escape),
            (r'[^"\\\n]+', String.Double),
            (r'"', String.Double, "#pop"),
            (r"\n", Error, "#pop"),  # strings are single-line: an unterminated string
            (r"\\", Error),
        ],
    }
