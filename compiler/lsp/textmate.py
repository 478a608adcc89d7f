"""The TextMate grammar of the policy language (editors/vscode/syntaxes/policy.tmLanguage.json).

Generated from grammar/policy.lark: every keyword is a literal of the Lark grammar, grouped by the
terminal it belongs to, and the numbers, dates, articles, codes and names use the Lark terminals'
own regular expressions. ``python -m compiler.lsp.textmate`` rewrites the file; a test fails when
the committed file differs from what the grammar gives.
"""

from __future__ import annotations

import json
import re
import sys
from pathlib import Path

from lark.lexer import PatternRE

from ..syntax.parser import lark_parser
from .analysis import grammar_keywords

SCOPE = "source.policy"
OUTPUT = Path("editors/vscode/syntaxes/policy.tmLanguage.json")

# Keyword classes by the grammar's terminal names (the same classes as compiler/lexer.py's).
_DECLARATIONS = {"_KW_POLICY", "_KW_FACTS", "_KW_DEFINE", "_KW_TEST", "SECTION_KW"}
_CONSTANTS = {"LEVEL", "BOOL", "_KW_UNDETERMINED", "_KW_REMAINDER", "_KW_ALL", "_KW_NONE", "_KW_ETC"}
_OPERATORS = {"_KW_OR", "_KW_AND", "_KW_NOT", "_KW_IN", "_KW_CAP", "_KW_UPTO", "_KW_TO", "_KW_AT_MOST",
              "_KW_AT_LEAST", "_KW_NOT_LESS"}
_LITERALS = (  # terminal -> scope, in the order the grammar's priorities give
    ("DATE", "constant.other.date.policy"),
    ("MONEY", "constant.numeric.money.policy"),
    ("PERCENT", "constant.numeric.percent.policy"),
    ("COUNT", "constant.numeric.count.policy"),
    ("CODE", "constant.other.diagnostic-code.policy"),
    ("NUMBER", "constant.numeric.policy"),
    ("ARTICLE", "entity.name.section.article.policy"),
)


def _terminal_regex(name: str) -> str:
    """A Lark terminal's regex for Oniguruma: \\uXXXX escapes written as the characters."""
    for term in lark_parser().terminals:
        if term.name == name and isinstance(term.pattern, PatternRE):
            return re.sub(r"\\u([0-9a-fA-F]{4})", lambda m: chr(int(m.group(1), 16)), term.pattern.value)
    raise KeyError(name)


def _alternation(words: set[str], others: set[str] | frozenset[str] = frozenset()) -> str:
    """Longest first, as the grammar's lexer takes them (至多 before 至); a word that begins a longer
    keyword of another class does not match inside it (排除 is not taken from 排除项, 否 not from 否则)."""
    def one(w: str) -> str:
        rests = sorted(o[len(w):] for o in others if o != w and o.startswith(w))
        return re.escape(w) + (f"(?!{'|'.join(map(re.escape, rests))})" if rests else "")
    return "(?:" + "|".join(one(w) for w in sorted(words, key=lambda w: (-len(w), w))) + ")"


def _article_regex(keywords: set[str]) -> str:
    """ARTICLE without the unnumbered part names that are also keywords (标题, 文号): the grammar's
    contextual lexer takes them as a label only after 条款/依据, which a TextMate rule cannot see,
    so they keep the keyword scope everywhere."""
    pattern = _terminal_regex("ARTICLE")
    m = re.search(r"\|\(((?:[^()|]+\|)+[^()]+)\)\(\?!", pattern)
    if m is None:
        return pattern
    names = [w for w in m.group(1).split("|") if w not in keywords]
    return pattern[:m.start(1)] + "|".join(names) + pattern[m.end(1):]


def textmate_grammar() -> dict[str, object]:
    classes: dict[str, set[str]] = {"declaration": set(), "type": set(), "constant": set(), "operator": set(),
                                    "keyword": set()}
    for term, words in grammar_keywords().items():
        if term in _DECLARATIONS:
            key = "declaration"
        elif term.startswith("_KW_T_"):
            key = "type"
        elif term in _CONSTANTS:
            key = "constant"
        elif term in _OPERATORS:
            key = "operator"
        else:
            key = "keyword"
        classes[key].update(words)
    name = _terminal_regex("NAME")
    every = set().union(*classes.values())
    patterns: list[dict[str, object]] = [
        {"include": "#comment"},
        {"include": "#quote"},
        {"include": "#string"},
        {"match": f"({_alternation(classes['declaration'], every)})\\s+({name})",
         "captures": {"1": {"name": "storage.type.block.policy"}, "2": {"name": "entity.name.type.policy"}}},
    ]
    patterns += [{"match": _article_regex(every) if term == "ARTICLE" else _terminal_regex(term), "name": scope}
                 for term, scope in _LITERALS]
    patterns += [
        {"match": _alternation(classes["declaration"], every), "name": "storage.type.block.policy"},
        {"match": _alternation(classes["type"], every), "name": "support.type.policy"},
        {"match": _alternation(classes["operator"], every), "name": "keyword.operator.word.policy"},
        {"match": _alternation(classes["constant"], every), "name": "constant.language.policy"},
        {"match": _alternation(classes["keyword"], every), "name": "keyword.other.policy"},
        {"match": name, "name": "variable.other.policy"},
        {"match": "==|!=|>=|<=|[><≥≤≠×*+\\-=]", "name": "keyword.operator.policy"},
        {"match": "[＝，；：（）｛｝【】［］％＋－＊“”＂＞＜！．＃。、]", "name": "invalid.illegal.fullwidth.policy"},
    ]
    return {
        "$schema": "https://raw.githubusercontent.com/martinring/tmlanguage/master/tmlanguage.json",
        "name": "Policy",
        "scopeName": SCOPE,
        "comment": "Generated from grammar/policy.lark by `python -m compiler.lsp.textmate`; do not edit.",
        "patterns": patterns,
        "repository": {
            "comment": {"match": "#.*$", "name": "comment.line.number-sign.policy"},
            "quote": {"begin": "「", "end": "」", "name": "string.quoted.other.article.policy"},
            "string": {"begin": '"', "end": '"|$', "name": "string.quoted.double.policy",
                       "patterns": [{"match": "\\\\(?:u[0-9A-Fa-f]{4}|.)",
                                     "name": "constant.character.escape.policy"}]},
        },
    }


def render() -> str:
    return json.dumps(textmate_grammar(), ensure_ascii=False, indent=2) + "\n"


def main(argv: list[str] | None = None) -> int:
    out = Path((argv if argv is not None else sys.argv[1:])[0]) if (argv or sys.argv[1:]) else OUTPUT
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(render(), encoding="utf-8")
    return 0


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
