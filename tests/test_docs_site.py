"""The documentation site: mkdocs.yml, the guides hook (docs/_hooks/policyc.py), Chinese search."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import ROOT, SEEDS

pytest.importorskip("mkdocs")


def mkdocs_build(site_dir: Path, **env: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", str(site_dir)],
        cwd=ROOT, capture_output=True, text=True, check=False,
        env={**os.environ, "NO_MKDOCS_2_WARNING": "1", **env},
    )


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("site")
    proc = mkdocs_build(out)
    assert proc.returncode == 0, proc.stdout + proc.stderr
    assert "WARNING" not in proc.stderr, proc.stderr
    return out


def test_every_generated_guide_is_published_under_guides(site: Path) -> None:
    for name in (*SEEDS, "compare"):
        assert (site / "guides" / f"{name}.html").is_file(), name
    assert (site / "guides" / "index.html").is_file()
    assert not (site / "_hooks").exists()


def test_the_search_index_segments_chinese_words(site: Path) -> None:
    index = json.loads((site / "search" / "search_index.json").read_text(encoding="utf-8"))
    assert index["config"]["lang"] == ["zh"]
    assert "\\u200b" in index["config"]["separator"]
    words = {
        word
        for doc in index["docs"] if doc["location"].startswith("guides/kunming.html")
        for word in (doc["title"] + "\u200b" + doc["text"]).split("\u200b")
    }
    assert "小灯塔" in words


def test_the_site_needs_nothing_from_the_network(site: Path) -> None:
    for page in site.rglob("*.html"):
        html = page.read_text(encoding="utf-8")
        for host in ("fonts.googleapis.com", "fonts.gstatic.com", "unpkg.com"):
            assert host not in html, (page, host)
    # the offline plugin inlines the index so that search works from file://
    assert (site / "search" / "search_index.js").is_file()
    assert 'src="../js/validity.js"' in (site / "guides" / "kunming.html").read_text(encoding="utf-8")


def test_the_build_fails_clearly_without_the_generated_guides(tmp_path: Path) -> None:
    proc = mkdocs_build(tmp_path / "site", POLICYC_GUIDES_DIR=str(tmp_path / "missing"))
    assert proc.returncode != 0
    assert "policyc build" in proc.stdout + proc.stderr
