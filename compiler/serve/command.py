"""The ``policyc serve`` command (imports FastAPI and uvicorn only when run)."""

from __future__ import annotations

import sys

import click

from ..resources import SEED_POLICIES


@click.command()
@click.argument("policies", nargs=-1)
@click.option("--host", default="127.0.0.1", show_default=True, help="监听地址。")
@click.option("--port", default=8000, show_default=True, type=click.IntRange(0, 65535), help="端口。")
def serve(policies: tuple[str, ...], host: str, port: int) -> None:
    """以 HTTP JSON API 提供补贴计算（OpenAPI 描述见 /docs 与 /openapi.json）。"""
    try:
        import uvicorn

        from .app import PolicyService, create_app
    except ImportError as err:
        click.echo(f"policyc serve 需要 api 扩展：pip install 'policyc[api]'（缺少 {err.name}）", err=True)
        sys.exit(2)
    from ..backends import BackendError

    try:
        service = PolicyService.load(list(policies) or list(SEED_POLICIES))
    except BackendError as err:
        click.echo(str(err), err=True)
        sys.exit(1)
    uvicorn.run(create_app(service), host=host, port=port, log_level="info")
