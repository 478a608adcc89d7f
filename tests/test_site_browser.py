"""The published site in a real browser: headless Debian Chromium on a local server and file://.

A person fills the 昆明 calculator; the page's calculator agrees with the reference evaluator on
200 random profiles per policy; the pages work from file:// with the network off; JSON Forms
renders the same input schema. Screenshots of the home page and the 昆明 guide (desktop and a
390-px phone) are saved in tests/artifacts/ (not committed).
Chromium and chromedriver come from Debian's packages (``make test`` installs them when
missing and it may); without them the test is skipped locally and fails under CI.
"""

from __future__ import annotations

import datetime as dt
import functools
import http.server
import json
import os
import shutil
import threading
import time
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import quote

import pytest

from compiler.evaluate.evaluator import Evaluator
from compiler.evaluate.runtime import ProfileError
from compiler.pipeline import Loaded
from conftest import ROOT, SEEDS

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
from selenium.webdriver.support.ui import Select, WebDriverWait  # noqa: E402
from test_docs_site import FORBIDDEN  # noqa: E402

from test_python_backend import boundary_profiles  # noqa: E402


@pytest.fixture(scope="module")
def site(built_site: Path) -> Path:
    return built_site


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


def _wide(driver: webdriver.Chrome) -> None:
    driver.set_window_size(1280, 1600)


def _phone(driver: webdriver.Chrome) -> None:
    driver.set_window_size(390, 844)


def test_home_page_is_led_by_the_applicant_on_a_phone(browser: webdriver.Chrome, server: str) -> None:
    _wide(browser)
    browser.get(server + "/")
    assert browser.title.startswith("数字化转型补贴：申请指南与计算器")
    _shot(browser, "home.png")
    _phone(browser)
    browser.get(server + "/")
    # the way to the calculator is on the first phone screen, above the fold
    button = browser.find_element(By.LINK_TEXT, "算一算：我能拿多少补贴")
    top = browser.execute_script("return arguments[0].getBoundingClientRect().bottom", button)
    assert 0 < top <= 844, top
    _shot(browser, "home-phone.png")
    _wide(browser)


def test_kunming_guide_renders_its_computed_amounts(browser: webdriver.Chrome, server: str) -> None:
    browser.get(server + "/guides/kunming.html")
    body = browser.find_element(By.TAG_NAME, "body").text
    assert GUIDES["kunming"] in body
    # 第七条第（一）项 0 to 500,000 for a level-4 enterprise (不超过: a ceiling); with 小灯塔's
    # 200,000 the total is at most 600,000 (第十条)
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


def _search(driver: webdriver.Chrome, server: str, words: str) -> list[str]:
    """Type ``words`` into the home page's search box: the addresses of the results, in order."""
    driver.get(server + "/")
    box = WebDriverWait(driver, 10).until(
        ec.element_to_be_clickable((By.CSS_SELECTOR, "input.md-search__input")))
    box.click()
    box.send_keys(words)
    WebDriverWait(driver, 20).until(
        lambda d: d.find_elements(By.CSS_SELECTOR, ".md-search-result__item"))
    return [a.get_attribute("href") or ""
            for a in driver.find_elements(By.CSS_SELECTOR, ".md-search-result__item a")]


def test_search_for_a_chinese_term_finds_the_kunming_guide(browser: webdriver.Chrome, server: str) -> None:
    hrefs = _search(browser, server, "小灯塔")
    assert any("/guides/kunming.html" in h for h in hrefs), hrefs
    _shot(browser, "search-xiaodengta.png")


def test_search_for_how_much_can_i_get_finds_the_calculator(browser: webdriver.Chrome, server: str) -> None:
    hrefs = _search(browser, server, "我能拿多少补贴")
    assert any("/guides/calculator.html" in h for h in hrefs[:3]), hrefs


# -- the calculator on the 昆明 guide, filled as a person would ------------------------------

def _answer(driver: webdriver.Chrome, root: str = ".policyc-calculator") -> dict[str, object]:
    total = driver.find_element(By.CSS_SELECTOR, f"{root} .policyc-answer__total strong")
    rows = driver.find_elements(By.CSS_SELECTOR, f"{root} .policyc-answer__items > li")
    return {"total": total.text,
            "rows": {r.get_attribute("data-article"): r.text for r in rows}}


# The acceptance case of policies/kunming.policy (四级小灯塔企业) as the page's answers.
FOUR_LIGHTHOUSE = {"applicant_type": "enterprise", "is_sme": True, "in_pilot_scope": True,
                   "acceptance_passed": True, "digital_level": 4, "spend_software_cloud": "1200000",
                   "lighthouse": True}
# 第七条第（一）项 0 to 500,000 (不超过, level 4) and 小灯塔's 200,000, within 第十条's 600,000
FOUR_LIGHTHOUSE_TOTAL = "200,000.00 元 至 600,000.00 元"


def _answers_url(page: str, on: str, profile: dict[str, object]) -> str:
    """The shareable address of a page with the answers filled in."""
    return page + "#answers=" + quote(json.dumps({"on": on, "data": profile}, ensure_ascii=False))


def _rendered_forbidden(driver: webdriver.Chrome, root: str) -> list[str]:
    """What the scan of the applicant pages (test_docs_site) refuses, in the text the calculator
    renders at run time under ``root``: the form, the answer and the folded 计算过程."""
    text = driver.execute_script(
        "return Array.from(document.querySelectorAll(arguments[0])).map(e => e.textContent).join(' ')", root)
    assert "合计可得" in text, text[:200]
    return sorted(set(FORBIDDEN.findall(text)))


def _wait_total(driver: webdriver.Chrome, text: str, root: str = ".policyc-calculator") -> None:
    WebDriverWait(driver, 10).until(lambda d: any(
        e.text == text for e in d.find_elements(By.CSS_SELECTOR, f"{root} .policyc-answer__total strong")))


def test_a_person_fills_the_kunming_calculator(browser: webdriver.Chrome, server: str) -> None:
    """The acceptance case of policies/kunming.policy (四级小灯塔企业), typed into the form:
    第七条第（一）项 不超过 50% × 1,200,000, capped at 500,000 for level 4 — read as a ceiling,
    0 to 500,000; 第七条第（二）项 200,000 for a 小灯塔; 第十条 keeps the total within
    50% × 1,200,000 = 600,000: 小灯塔's 200,000 first, at most 400,000 left for the reform."""
    total = FOUR_LIGHTHOUSE_TOTAL
    _wide(browser)
    browser.get(server + "/guides/kunming.html")
    form = WebDriverWait(browser, 10).until(
        ec.presence_of_element_located((By.CSS_SELECTOR, ".policyc-calculator form")))
    browser.find_element(By.CSS_SELECTOR, ".policyc-calculator__date input").send_keys("")
    browser.execute_script("""const i = arguments[0]; const set = Object.getOwnPropertyDescriptor(
        HTMLInputElement.prototype, 'value').set; set.call(i, '2025-08-01');
        i.dispatchEvent(new Event('input', {bubbles: true}));""",
                           browser.find_element(By.CSS_SELECTOR, ".policyc-calculator__date input"))
    Select(form.find_element(By.ID, "root_applicant_type")).select_by_visible_text("企业")
    for label in ("中小企业", "纳入试点改造范围", "改造项目验收合格"):
        form.find_element(By.XPATH, f".//label[contains(., '{label}')]//input[@type='checkbox']").click()
    Select(form.find_element(By.ID, "root_digital_level")).select_by_visible_text("四级")
    form.find_element(By.ID, "root_spend_software_cloud").send_keys("1,200,000")
    form.find_element(By.XPATH, ".//label[contains(., '小灯塔')]//input[@type='checkbox']").click()
    _wait_total(browser, total)
    # scrolling back up shows the theme's 「回到页面顶部」 button under the header: it must not cover
    # the total of the answer, which stays in view beside the form
    browser.execute_script("""const r = arguments[0].getBoundingClientRect();
        window.scrollTo(0, window.scrollY + r.top + r.height / 2);""", form)
    time.sleep(0.3)  # the theme reads the direction from two scroll events apart
    browser.execute_script("window.scrollBy(0, -200)")
    top = WebDriverWait(browser, 5).until(lambda d: d.find_element(By.CSS_SELECTOR, ".md-top:not([hidden])"))
    WebDriverWait(browser, 5).until(lambda d: not d.execute_script("""
        const a = arguments[0].getBoundingClientRect(), b = arguments[1].getBoundingClientRect();
        return a.top < b.bottom && b.top < a.bottom && a.left < b.right && b.left < a.right;""",
        top, d.find_element(By.CSS_SELECTOR, ".policyc-calculator .policyc-answer__total")))
    rows = _answer(browser)["rows"]
    assert isinstance(rows, dict)
    assert set(rows) == {"第七条第（一）项", "第七条第（二）项"}  # no consulting spend: no 第（五）项
    # the item amounts as policyc calc reports them, and what 第十条 leaves of the reform subsidy
    assert "0.00 元 至 500,000.00 元" in rows["第七条第（一）项"]
    assert "经第十条累计上限后实付 0.00 元 至 400,000.00 元" in rows["第七条第（一）项"]
    assert "200,000.00 元" in rows["第七条第（二）项"]
    # 第七条第（三）、（四）项 are read two ways, but this applicant claims neither: one plain line
    same = browser.find_element(By.CSS_SELECTOR, ".policyc-calculator [data-readings-same]")
    assert "各种理解下的金额相同" in same.text
    # no identifier, interval syntax or operator in the form, the answer or its 计算过程
    assert not _rendered_forbidden(browser, ".policyc-calculator")
    _shot(browser, "kunming-calculator.png")
    # the address now holds the answers: opening it again shows the same answer
    link = browser.current_url
    assert "#answers=" in link
    browser.get(server + "/")
    browser.get(link)
    _wait_total(browser, total)
    # only service providers see the evaluation agency's field, only enterprises the level
    Select(browser.find_element(By.ID, "root_applicant_type")).select_by_visible_text("数字化服务商")
    WebDriverWait(browser, 5).until(lambda d: d.find_elements(By.ID, "root_evaluation_agency"))
    assert not browser.find_elements(By.ID, "root_digital_level")
    # a mistyped amount gets a Chinese message and no number
    Select(browser.find_element(By.ID, "root_applicant_type")).select_by_visible_text("企业")
    money = WebDriverWait(browser, 5).until(lambda d: d.find_element(By.ID, "root_spend_data_equipment"))
    money.send_keys("12.345")
    WebDriverWait(browser, 5).until(lambda d: "最多两位小数" in d.find_element(
        By.CSS_SELECTOR, ".policyc-calculator form").text)


def test_an_item_without_an_amount_says_what_the_total_counts_for_it(browser: webdriver.Chrome, server: str) -> None:
    """昆明, a level-2 SME: 第七条第（一）项 「不超过改造投入的 50%」 of 200,000 + 100,000 → 0 to 150,000
    (level 2: at most 200,000); 第七条第（五）项 (100,000 of consulting) has no amount in the text
    (未定); 第十条 caps the total at 50% × 400,000 = 200,000, and the 50,000 the reform subsidy
    leaves goes to the item without an amount. The total 0 to 200,000 is more than the items'
    amounts shown: the row of 第（五）项 says what the total counts for it."""
    profile = {"applicant_type": "enterprise", "is_sme": True, "in_pilot_scope": True, "acceptance_passed": True,
               "digital_level": 2, "spend_software_cloud": "200000", "spend_data_equipment": "100000",
               "spend_consulting": "100000"}
    _wide(browser)
    # an empty form: nothing applies, so nothing is said of the readings either
    browser.get(_answers_url(server + "/guides/kunming.html", "2025-08-01", {"applicant_type": "enterprise"}))
    _wait_total(browser, "0.00 元")
    assert not browser.find_elements(By.CSS_SELECTOR, ".policyc-calculator .policyc-answer__readings")
    browser.get(_answers_url(server + "/guides/kunming.html", "2025-08-01", profile))
    _wait_total(browser, "0.00 元 至 200,000.00 元")
    rows = _answer(browser)["rows"]
    assert isinstance(rows, dict)
    assert "0.00 元 至 150,000.00 元" in rows["第七条第（一）项"] and "实付" not in rows["第七条第（一）项"]
    assert "未定（原文未规定金额）" in rows["第七条第（五）项"]
    assert "合计按第十条累计上限的余额计本项 0.00 元 至 50,000.00 元" in rows["第七条第（五）项"]
    # 长春 第七条第（三）项 「每个……不超过 5万元」 × 8 products: 0 to 400,000, 中央 100% (第七条): who
    # pays is the split of the highest amount, and the row says so (it read 「出资：中央财政 400,000.00 元」
    # beside 0 to 400,000)
    provider = {"applicant_type": "service_provider", "registered_in_city": True, "independent_legal_person": True,
                "good_tax_and_credit": True, "awarded_products": 8}
    browser.get(_answers_url(server + "/guides/changchun.html", "2025-08-01", provider))
    _wait_total(browser, "0.00 元 至 400,000.00 元")
    rows = _answer(browser)["rows"]
    assert isinstance(rows, dict)
    assert "出资（按最高额计）：中央财政 400,000.00 元" in rows["第七条第（三）项"]


# 昆明 第七条第（三）、（四）项 both open with 「鼓励试点细分行业…」: an SME outside the pilot industries
# with both titles (the policy's own tests of 解读 encouraged_industry)
OTHER_INDUSTRY = {"applicant_type": "enterprise", "industry": "汽车制造", "is_sme": True,
                  "digital_workshop_title": True, "chain_transformation_award": True, "spend_consulting": "800000"}


def test_the_kunming_calculator_shows_each_reading(browser: webdriver.Chrome, server: str) -> None:
    """Where the text allows two readings the page gives each one's amount and the range.

    Reading limited (adopted): 「鼓励试点细分行业中小企业打造数字化车间、智能工厂」 limits both awards to
    第六条's five pilot industries; 汽车制造 is not one → neither applies, total 0.00.
    Reading any_industry: the award sentences (「给予企业不超过 100 万元的奖励」, 「给予不超过 100 万元的奖励」)
    name no industry → 第（三）项 0 to 1,000,000 and 第（四）项 0 to 1,000,000; 第十条 caps the total at
    50% × 800,000 = 400,000, handed out in order: 第（三）项 keeps at most 400,000, 第（四）项 0.
    The page's total spans both readings: 0.00 to 400,000.00."""
    _wide(browser)
    browser.get(_answers_url(server + "/guides/kunming.html", "2025-08-01", OTHER_INDUSTRY))
    _wait_total(browser, "0.00 元 至 400,000.00 元")
    block = browser.find_element(By.CSS_SELECTOR, ".policyc-calculator [data-reading-block]")
    assert "「鼓励试点细分行业中小企业打造数字化车间、智能工厂。」" in block.text
    readings = {li.get_attribute("data-reading"): li for li in block.find_elements(By.CSS_SELECTOR, "li")}
    assert list(readings) == ["limited", "any_industry"]
    limited, anyone = readings["limited"], readings["any_industry"]
    assert (limited.get_attribute("data-total-min"), limited.get_attribute("data-total-max")) == ("0.00", "0.00")
    assert "合计可得 0.00 元" in limited.text
    assert "第七条第（三）项「数字化车间/智能工厂奖励」、第七条第（四）项「“链式”转型企业奖励」不适用" in limited.text
    assert (anyone.get_attribute("data-total-min"), anyone.get_attribute("data-total-max")) == ("0.00", "400000.00")
    assert "合计可得 0.00 元 至 400,000.00 元" in anyone.text
    assert "第七条第（三）项「数字化车间/智能工厂奖励」为 0.00 元 至 1,000,000.00 元" in anyone.text
    # and what 第十条 leaves each under that reading (the reading's cuts): the items shown add up
    # to its total (they read 1,000,000 and 1,000,000 beside a total of 400,000, without a word)
    assert ("「数字化车间/智能工厂奖励」为 0.00 元 至 1,000,000.00 元，经第十条累计上限后实付 0.00 元 至 400,000.00 元"
            in anyone.text)
    assert "「“链式”转型企业奖励」为 0.00 元 至 1,000,000.00 元，经第十条累计上限后实付 0.00 元。" in anyone.text
    rows = _answer(browser)["rows"]
    assert isinstance(rows, dict)
    # each item spans the readings (not applicable = 0 under limited); 第十条 from the result's cuts
    assert "0.00 元 至 1,000,000.00 元" in rows["第七条第（三）项"]
    assert "经第十条累计上限后实付 0.00 元 至 400,000.00 元" in rows["第七条第（三）项"]
    assert "经第十条累计上限后实付 0.00 元" in rows["第七条第（四）项"]
    assert "原文有不同理解" in rows["第七条第（四）项"]
    assert not _rendered_forbidden(browser, ".policyc-calculator")
    browser.execute_script("arguments[0].scrollIntoView()", block)
    _shot(browser, "kunming-readings.png")


def test_kunming_screenshots_desktop_and_phone(browser: webdriver.Chrome, server: str) -> None:
    url = _answers_url(server + "/guides/kunming.html", "2025-08-01", FOUR_LIGHTHOUSE)
    _wide(browser)
    browser.get(url)
    _wait_total(browser, FOUR_LIGHTHOUSE_TOTAL)
    browser.execute_script("window.scrollTo(0, 0)")
    _shot(browser, "kunming-desktop.png")
    _phone(browser)
    browser.get(url)
    _wait_total(browser, FOUR_LIGHTHOUSE_TOTAL)
    browser.execute_script("window.scrollTo(0, 0)")
    _shot(browser, "kunming-phone.png")
    browser.execute_script("document.querySelector('.policyc-calculator').scrollIntoView()")
    _shot(browser, "kunming-phone-calculator.png")
    _wide(browser)


# -- the page's calculator against the reference evaluator --------------------------------

def _jsonable(profile: dict[str, object]) -> dict[str, object]:
    return {k: str(v) if not isinstance(v, bool | int | str) else v for k, v in profile.items()}


@pytest.mark.parametrize("name", SEEDS)
def test_the_page_computes_what_policyc_calc_computes(
    browser: webdriver.Chrome, server: str, seeds: dict[str, Loaded], name: str
) -> None:
    policy = seeds[name].policy
    assert policy is not None
    if name == SEEDS[0]:
        browser.get(server + f"/guides/{name}.html")
    cases = [(_jsonable(prof), on.isoformat()) for prof, on in boundary_profiles(policy, 200, seed=23)]
    got = browser.execute_script("""
        return arguments[1].map(([profile, on]) => {
          try { return JSON.stringify(window.policyc.calculate(arguments[0], profile, on)); }
          catch (e) { return null; }
        });""", name, cases)
    ev = Evaluator(policy)
    for (profile, on), page in zip(cases, got, strict=True):
        try:
            want = ev.calculate(profile, dt.date.fromisoformat(on)).to_dict()
        except ProfileError:
            assert page is None, (profile, on)
            continue
        assert page is not None, (profile, on)
        assert json.loads(page) == want, (profile, on)


def test_the_cross_policy_page_shows_every_policy_with_its_validity(browser: webdriver.Chrome, server: str) -> None:
    browser.get(_answers_url(server + "/guides/calculator.html", "2026-03-01", FOUR_LIGHTHOUSE))
    WebDriverWait(browser, 10).until(lambda d: len(d.find_elements(By.CSS_SELECTOR, ".policyc-compare__column")) == 5)
    cols = {c.get_attribute("data-policy"): c
            for c in browser.find_elements(By.CSS_SELECTOR, ".policyc-compare__column")}
    # 南昌's 办法 expired on 2025-12-31 (第二十条); 昆明's runs to 2026-12-31 (第二十六条)
    assert "该日不在有效期内" in cols["nanchang"].find_element(By.CSS_SELECTOR, ".policyc-compare__state").text
    assert cols["kunming"].find_element(By.CSS_SELECTOR, ".policyc-compare__state").text.split("：")[1] == "在有效期内"
    assert cols["kunming"].find_element(By.CSS_SELECTOR, ".policyc-answer__total strong").text \
        == FOUR_LIGHTHOUSE_TOTAL
    # every policy's answer and 计算过程 in an applicant's words
    assert not _rendered_forbidden(browser, ".policyc-compare-calculator")
    # the form names no articles here: each hint is a sentence, never one opening on 「。」
    hints = [e.text for e in browser.find_elements(By.CSS_SELECTOR, ".policyc-compare-calculator .field-description")]
    assert any(h.startswith("原文列举：汽车零部件配件制造") for h in hints), hints
    assert not [h for h in hints if h.startswith(("。", "，", "；"))], hints


# -- offline: file:// with the network off --------------------------------------------------

def test_the_pages_work_from_file_with_the_network_off(browser: webdriver.Chrome, site: Path) -> None:
    browser.execute_cdp_cmd("Network.enable", {})
    browser.execute_cdp_cmd("Network.emulateNetworkConditions", {
        "offline": True, "latency": 0, "downloadThroughput": 0, "uploadThroughput": 0})
    try:
        profile = {"applicant_type": "enterprise", "is_sme": True, "in_pilot_scope": True,
                   "acceptance_passed": True, "digital_level": 2, "spend_software_cloud": "200000",
                   "spend_data_equipment": "100000"}
        browser.get(_answers_url((site / "guides" / "kunming.html").as_uri(), "2025-08-01", profile))
        # 第七条第（一）项: 不超过 50% × (200,000 + 100,000) = 150,000 < 二级 cap 200,000 — read as a
        # ceiling, 0 to 150,000; 第十条 (50% × 300,000) does not cut
        _wait_total(browser, "0.00 元 至 150,000.00 元")
        urls = browser.execute_script("""return Array.from(document.querySelectorAll(
            'script[src], link[href], img[src], iframe[src]')).map(e => e.src || e.href)""")
        assert urls and all(u.startswith("file://") for u in urls), [u for u in urls if not u.startswith("file://")]
    finally:
        browser.execute_cdp_cmd("Network.emulateNetworkConditions", {
            "offline": False, "latency": 0, "downloadThroughput": -1, "uploadThroughput": -1})


# -- a second form library: JSON Forms renders the same schema -------------------------------

def test_json_forms_renders_the_same_input_schema(browser: webdriver.Chrome) -> None:
    page = ROOT / "web" / "jsonforms-check.html"
    browser.get(page.as_uri() + "?policy=kunming")
    select = WebDriverWait(browser, 10).until(
        lambda d: d.find_element(By.ID, "#/properties/applicant_type-input"))
    labels = [o.get_attribute("label") or o.text for o in select.find_elements(By.TAG_NAME, "option")]
    assert "企业" in labels and "数字化服务商" in labels and "enterprise" not in labels
    body = browser.find_element(By.TAG_NAME, "body").text
    assert "改造后数字化水平等级" in body and "软件、云服务支出" in body
    money = browser.find_element(By.ID, "#/properties/spend_software_cloud-input")
    assert money.get_attribute("type") == "text"  # one type: a decimal string, not an "option 1" menu
    money.send_keys("12.345")
    WebDriverWait(browser, 5).until(lambda d: "/spend_software_cloud pattern" in d.find_element(By.ID, "state").text)
    money.clear()
    money.send_keys("1200000")
    WebDriverWait(browser, 5).until(lambda d: '"errors":[]' in d.find_element(By.ID, "state").text)
    # the field for service providers only appears for them (the schema's if/then)
    assert "受委托开展评测验收服务的评测机构" not in browser.find_element(By.TAG_NAME, "body").text
    Select(select).select_by_value("service_provider")
    WebDriverWait(browser, 5).until(
        lambda d: "受委托开展评测验收服务的评测机构" in d.find_element(By.TAG_NAME, "body").text)
