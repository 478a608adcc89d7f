"""mkdocs hook: publish the applicant guides that `policyc build` renders into generated/markdown/.

The guides are generated files (committed, checked by `policyc build --check`); they are not
copied into docs/. Every file of the guides directory is added to the site under `guides/`,
next to the hand-written docs/guides/index.md. The directory is `generated/markdown` relative
to mkdocs.yml, or the one named by the environment variable POLICYC_GUIDES_DIR.

This file lives in docs/ only so that mkdocs.yml can name it; `exclude_docs` keeps it out of
the site.
"""

from __future__ import annotations

import hashlib
import logging
import os
from pathlib import Path
from typing import Any

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import Abort
from mkdocs.structure.files import File, Files

log = logging.getLogger("mkdocs.hooks.policyc")

DEFAULT_DIR = "generated/markdown"
PREFIX = "guides"
# The calculator on the guide pages: built by `make web` (web/build.mjs, esbuild) from the npm
# packages in web/package-lock.json and the generated schemas and calculators.
CALCULATOR = "web/dist/policyc-calculator.js"
CALCULATOR_URI = "js/policyc-calculator.js"


def calculator_inputs_digest(root: Path) -> str:
    """The digest web/build.mjs writes to web/dist/inputs.sha256: each input's path from ``root``
    and the SHA-256 of its bytes, in path order (its sources, its npm lock file, the generated
    schemas and calculators it bundles)."""
    web, gen = root / "web", root / "generated"
    paths = [web / "build.mjs", web / "package-lock.json",
             *(p for d in (web / "src", gen / "jsonschema", gen / "javascript") if d.is_dir() for p in d.rglob("*"))]
    digest = hashlib.sha256()
    for rel in sorted(p.relative_to(root).as_posix() for p in paths if p.is_file()):
        digest.update(f"{rel}\0{hashlib.sha256((root / rel).read_bytes()).hexdigest()}\n".encode())
    return digest.hexdigest()


def guides_dir(config: MkDocsConfig) -> Path:
    root = Path(config.config_file_path).resolve().parent
    return (root / os.environ.get("POLICYC_GUIDES_DIR", DEFAULT_DIR)).resolve()


def on_files(files: Files, *, config: MkDocsConfig) -> Files:
    src = guides_dir(config)
    if not src.is_dir():
        raise Abort(
            f"找不到申请指南目录 {src}：请先运行 policyc build（或 make build）生成 generated/markdown/。"
            f"\nThe applicant guides are missing ({src}): run `policyc build` first."
        )
    added = 0
    for path in sorted(p for p in src.rglob("*") if p.is_file()):
        rel = path.relative_to(src).as_posix()
        if any(part.startswith(".") or part == "__pycache__" for part in rel.split("/")):
            continue
        uri = f"{PREFIX}/{rel}"
        if files.get_file_from_path(uri) is not None:
            raise Abort(f"docs/{uri} 与生成的申请指南 {path} 重名：请删除其中之一。")
        files.append(File.generated(config, uri, abs_src_path=str(path)))
        added += 1
    if not added:
        raise Abort(f"申请指南目录 {src} 是空的：请先运行 policyc build。")
    script = Path(config.config_file_path).resolve().parent / CALCULATOR
    if not script.is_file():
        raise Abort(f"找不到在线计算器 {script}：请先运行 make web。"
                    f"\nThe site's calculator is missing ({script}): run `make web` first.")
    root = Path(config.config_file_path).resolve().parent
    stamp = script.parent / "inputs.sha256"
    built = stamp.read_text(encoding="utf-8").strip() if stamp.is_file() else ""
    if built != calculator_inputs_digest(root):
        raise Abort(f"在线计算器 {script} 不是由当前的 web/src 和 generated/ 构建的：请先运行 make web。"
                    f"\nThe site's calculator ({script}) was built from other sources than web/src and "
                    "generated/ as they are now: run `make web` first.")
    files.append(File.generated(config, CALCULATOR_URI, abs_src_path=str(script)))
    log.debug("policyc: added %d guide files from %s", added, src)
    return files


def on_serve(server: Any, *, config: MkDocsConfig, builder: Any) -> Any:
    """`mkdocs serve` rebuilds when `policyc build` rewrites the guides."""
    src = guides_dir(config)
    if src.is_dir():
        server.watch(str(src))
    return server
