"""Surface blocks: the parse tree made into plain data, before fields are given meaning."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from ..diagnostics import Span
from ..model.nodes import Expr, FactType


@dataclass(frozen=True)
class Field:
    kind: str  # the grammar alias without "f_": article, quote, cond, amount, ...
    args: tuple[Any, ...]  # shape fixed by the grammar alias; see transform.py
    span: Span


@dataclass(frozen=True)
class Block:
    keyword: str  # 政策, 资格, 排除, 补助, 累计上限, 拨付, 名额, 预算, 程序, 测试
    name: str
    fields: tuple[Field, ...]
    span: Span
    name_span: Span


@dataclass(frozen=True)
class FactSurface:
    name: str
    type: FactType | None
    label: str | None
    default: Expr | None
    required: bool
    span: Span


@dataclass(frozen=True)
class FactsBlock:
    facts: tuple[FactSurface, ...]
    span: Span


@dataclass(frozen=True)
class DefineBlock:
    name: str
    label: str
    expr: Expr
    span: Span


@dataclass(frozen=True)
class Text:
    value: str
    span: Span


TopLevel = Block | FactsBlock | DefineBlock
