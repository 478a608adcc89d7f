"""The documentation site: mkdocs.yml, the guides hook (docs/_hooks/policyc.py), Chinese search."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from html import unescape
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
def site(built_site: Path) -> Path:
    return built_site


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


def test_the_calculator_bundle_is_refused_when_older_than_its_sources(tmp_path: Path) -> None:
    """web/build.mjs writes the digest of what it bundled (web/dist/inputs.sha256); the hook computes
    the same from the files as they are and refuses a bundle built from other ones (a stale bundle
    showed the calculator of before, silently)."""
    import importlib.util

    spec = importlib.util.spec_from_file_location("policyc_docs_hook", ROOT / "docs" / "_hooks" / "policyc.py")
    assert spec is not None and spec.loader is not None
    hook = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(hook)  # the mkdocs hook module
    # the site this test run uses was built by `make web` from the files as they are
    assert (ROOT / "web" / "dist" / "inputs.sha256").read_text("utf-8").strip() == hook.calculator_inputs_digest(ROOT)
    # any change to a bundled file changes the digest: a copy of the sources, one byte more
    for rel in ("web/build.mjs", "web/package-lock.json", "web/src/words.js",
                "generated/javascript/kunming.js", "generated/jsonschema/kunming.input.schema.json"):
        (tmp_path / rel).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / rel).write_bytes((ROOT / rel).read_bytes())
    before = hook.calculator_inputs_digest(tmp_path)
    with (tmp_path / "web/src/words.js").open("a", encoding="utf-8") as f:
        f.write("\n")
    assert hook.calculator_inputs_digest(tmp_path) != before
    # and the hook refuses the bundle with a message that says what to do
    import types

    from mkdocs.config import load_config
    from mkdocs.exceptions import Abort

    class Added(list):  # type: ignore[type-arg]  # what on_files needs of mkdocs' Files
        def get_file_from_path(self, uri: str) -> None:
            return None

    config = load_config(str(ROOT / "mkdocs.yml"))
    real, digest = hook.File, hook.calculator_inputs_digest
    try:
        hook.File = types.SimpleNamespace(generated=lambda *a, **k: a[1])  # the uri, not a mkdocs File
        assert "js/policyc-calculator.js" in hook.on_files(Added(), config=config)
        hook.calculator_inputs_digest = lambda root: "0" * 64
        with pytest.raises(Abort, match="make web"):
            hook.on_files(Added(), config=config)
    finally:
        hook.File = real
        hook.calculator_inputs_digest = digest


# An English identifier (reform_subsidy, national, enterprise), interval syntax, an operator or a
# checker code: none may reach a page written for applicants.
FORBIDDEN = re.compile(r"[A-Za-z][A-Za-z0-9_]*[A-Za-z0-9]|\.\.|>=|<=|==|!=|PC\d{3}")


def applicant_text(page: Path) -> str:
    """The visible text of a page's article (not the theme's chrome, scripts or anchors)."""
    html = page.read_text(encoding="utf-8")
    m = re.search(r'<article class="md-content__inner[^"]*">(.*?)</article>', html, re.S)
    assert m, page
    body = re.sub(r"<(script|style)\b.*?</\1>", "", m.group(1), flags=re.S)
    body = re.sub(r'<a [^>]*class="headerlink".*?</a>', "", body, flags=re.S)
    return unescape(re.sub(r"<[^>]+>", " ", body))


def chrome_text(page: Path) -> str:
    """The visible text around a page's article: the header, the navigation, the footer."""
    html = page.read_text(encoding="utf-8").split("<body", 1)[1].split(">", 1)[1]
    body = re.sub(r'<article class="md-content__inner[^"]*">.*?</article>', "", html, flags=re.S)
    body = re.sub(r"<(script|style|svg)\b.*?</\1>", "", body, flags=re.S)
    return unescape(re.sub(r"<[^>]+>", " ", body))


def test_applicant_pages_have_no_identifiers_operators_or_checker_codes(site: Path) -> None:
    pages = sorted((site / "guides").glob("*.html"))
    assert {p.stem for p in pages} >= {*SEEDS, "compare", "calculator", "index"}
    for page in pages:
        # the article and what surrounds it (the navigation, the footer)
        found = sorted(set(FORBIDDEN.findall(applicant_text(page) + " " + chrome_text(page))))
        assert not found, (page.name, found[:20])
    assert "首页" in chrome_text(site / "index.html")  # the scan sees the navigation
    # the home page is led by the applicant; the part before the drafters' section is theirs
    home = applicant_text(site / "index.html").split("政策起草人员")[0] + " " + chrome_text(site / "index.html")
    assert not FORBIDDEN.findall(home), FORBIDDEN.findall(home)
    # the scan does see what it must refuse: the drafters' review pages carry checker codes
    assert FORBIDDEN.search(applicant_text(site / "guides" / "review" / "kunming.html"))


def test_the_home_page_is_led_by_the_applicant(site: Path) -> None:
    html = (site / "index.html").read_text(encoding="utf-8")
    assert "<title>数字化转型补贴：申请指南与计算器</title>" in html
    text = applicant_text(site / "index.html")
    assert text.index("我能拿多少") < text.index("政策起草人员")


def test_search_for_how_much_can_i_get_finds_the_calculator(site: Path) -> None:
    index = json.loads((site / "search" / "search_index.json").read_text(encoding="utf-8"))
    hits = {doc["location"].split("#")[0] for doc in index["docs"]
            if all(w in (doc["title"] + doc["text"]).split("\u200b") for w in ("多少", "补贴"))}
    assert "guides/calculator.html" in hits, sorted(hits)[:10]
