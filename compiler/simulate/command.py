"""The ``policyc population`` and ``policyc simulate`` commands (placeholder until written)."""

from __future__ import annotations

import click


@click.command()
def population() -> None:
    """生成合成申请人总体。"""


@click.command()
def simulate() -> None:
    """模拟预算。"""
