"""The published site in a real browser: headless Debian Chromium on a local server.

Screenshots of the home page and the 昆明 guide are saved in tests/artifacts/ (not committed).
Chromium and chromedriver come from Debian's packages (``make test`` installs them when
missing and it may); without them the test is skipped locally and fails under CI.
"""

from __future__ import annotations

import functools
import http.server
import os
import shutil
import subprocess
import sys
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest

from conftest import ROOT

ARTIFACTS = ROOT / "tests" / "artifacts"
CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
CHROMEDRIVER = shutil.which("chromedriver") or "/usr/bin/chromedriver"
GUIDES = {"national": "关于开展中小企业数字化转型城市试点工作的通知",
          "nanchang": "南昌市中小企业数字化转型城市试点工作专项资金管理办法",
          "changchun": "长春市中小企业数字化转型专项资金使用管理办法",
          "kunming": "昆明市中小企业数字化转型专项资金管理办法",
          "xianning": "咸宁市中小企业数字化转型专项资金管理办法"}


def _browser_available() -> bool:
    return Path(CHROMIUM).exists() and Path(CHROMEDRIVER).exists()


if not _browser_available():
    if os.environ.get("CI"):
        pytest.fail("chromium/chromedriver missing under CI: `make test` should have installed "
                    "Debian's chromium and chromium-driver", pytrace=False)
    pytest.skip("Debian chromium and chromium-driver are not installed", allow_module_level=True)

from selenium import webdriver  # noqa: E402 - only with a browser present
from selenium.webdriver.chrome.service import Service  # noqa: E402
from selenium.webdriver.common.by import By  # noqa: E402
from selenium.webdriver.support import expected_conditions as ec  # noqa: E402
from selenium.webdriver.support.ui import WebDriverWait  # noqa: E402


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("site")
    proc = subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "-q", "-d", str(out)],
                          cwd=ROOT, capture_output=True, text=True, check=False)
    assert proc.returncode == 0, proc.stdout + proc.stderr
    return out


@pytest.fixture(scope="module")
def server(site: Path) -> Iterator[str]:
    class Quiet(http.server.SimpleHTTPRequestHandler):
        def log_message(self, format: str, *args: object) -> None:
            pass

    handler = functools.partial(Quiet, directory=str(site))
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}"
    httpd.shutdown()


@pytest.fixture(scope="module")
def browser(tmp_path_factory: pytest.TempPathFactory) -> Iterator[webdriver.Chrome]:
    opts = webdriver.ChromeOptions()
    opts.binary_location = CHROMIUM
    for arg in ("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-quic", "--no-first-run", "--disable-background-networking",
                "--disable-component-update", "--disable-sync", "--window-size=1280,1600",
                f"--user-data-dir={tmp_path_factory.mktemp('chrome')}"):
        opts.add_argument(arg)
    driver = webdriver.Chrome(service=Service(CHROMEDRIVER), options=opts)
    driver.set_page_load_timeout(30)
    yield driver
    driver.quit()


def _shot(driver: webdriver.Chrome, name: str) -> None:
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    driver.save_screenshot(str(ARTIFACTS / name))


def test_home_page(browser: webdriver.Chrome, server: str) -> None:
    browser.get(server + "/")
    assert "policyc" in browser.title
    _shot(browser, "home.png")


def test_kunming_guide_renders_its_computed_amounts(browser: webdriver.Chrome, server: str) -> None:
    browser.get(server + "/guides/kunming.html")
    body = browser.find_element(By.TAG_NAME, "body").text
    assert GUIDES["kunming"] in body
    # 第七条第（一）项 「不超过……50%」: 0..500,000 for a level-4 enterprise; with the 小灯塔
    # 200,000, 第十条 gives a total of 200,000..600,000
    assert "本项金额：0.00 元 至 500,000.00 元" in body
    assert "全部补助合计（经全部上限后）：200,000.00 元 至 600,000.00 元" in body
    badge = browser.find_element(By.CSS_SELECTOR, ".policyc-validity").text
    assert badge and badge != "请以有效期为准"  # filled in by validity.js from today's date
    _shot(browser, "kunming-guide.png")


def test_navigation_reaches_every_policy(browser: webdriver.Chrome, server: str) -> None:
    browser.get(server + "/guides/index.html")
    links = {a.get_attribute("href") or "" for a in browser.find_elements(By.CSS_SELECTOR, "a")}
    for pid, title in GUIDES.items():
        href = next((h for h in links if h.endswith(f"/guides/{pid}.html")), None)
        assert href, f"no navigation link to the {pid} guide"
        browser.get(href)
        assert title in browser.find_element(By.TAG_NAME, "h1").text


def test_search_for_a_chinese_term_finds_the_kunming_guide(browser: webdriver.Chrome, server: str) -> None:
    browser.get(server + "/")
    box = WebDriverWait(browser, 10).until(
        ec.element_to_be_clickable((By.CSS_SELECTOR, "input.md-search__input")))
    box.click()
    box.send_keys("小灯塔")
    WebDriverWait(browser, 20).until(
        lambda d: d.find_elements(By.CSS_SELECTOR, ".md-search-result__item"))
    hrefs = [a.get_attribute("href") or ""
             for a in browser.find_elements(By.CSS_SELECTOR, ".md-search-result__item a")]
    assert any("/guides/kunming.html" in h for h in hrefs), hrefs
    _shot(browser, "search-xiaodengta.png")
