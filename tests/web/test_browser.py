"""The timeline page in headless Chromium, over a running server and the real pipeline.

Needs Debian's ``chromium`` and ``chromium-driver`` (``make browser`` installs them); skipped
with a message where they are missing.  The test leaves a screenshot and prints its path.
"""

from __future__ import annotations

import shutil
import socket
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
import uvicorn

from storyline import ingest
from storyline.store import Store
from storyline.web.app import create_app
from storyline.web.config import DeskConfig

EXAMPLES = Path(__file__).resolve().parents[2] / "examples"
CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
CHROMEDRIVER = shutil.which("chromedriver")

pytestmark = pytest.mark.skipif(
    not (CHROMIUM and CHROMEDRIVER),
    reason="browser test needs chromium and chromedriver (Debian: apt-get install chromium chromium-driver, "
    "or `make browser`)",
)

NEW_ARTICLE = "The canal authority and the owner will meet in Cairo on 12 August 2021 to sign a final <b>agreement</b>."


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port: int = sock.getsockname()[1]
        return port


@pytest.fixture(scope="module")
def desk_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """A server on a free loopback port over a store filled from ``examples/``."""
    if not EXAMPLES.is_dir():
        pytest.skip(f"examples missing: {EXAMPLES}")
    db = tmp_path_factory.mktemp("desk") / "story.db"
    report = Store(db).ingest(ingest.read_inputs([EXAMPLES]))
    assert report.added
    port = free_port()
    server = uvicorn.Server(
        uvicorn.Config(create_app(DeskConfig(db)), host="127.0.0.1", port=port, log_level="warning")
    )
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 20
    while not server.started:
        assert time.monotonic() < deadline, "server did not start"
        time.sleep(0.05)
    yield f"http://127.0.0.1:{port}"
    server.should_exit = True
    thread.join(timeout=10)


@pytest.fixture(scope="module")
def browser(tmp_path_factory: pytest.TempPathFactory) -> Iterator[object]:
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    options = webdriver.ChromeOptions()
    options.binary_location = str(CHROMIUM)
    for flag in (
        "--headless=new",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-dev-shm-usage",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--window-size=1200,1600",
        f"--user-data-dir={tmp_path_factory.mktemp('chromium-profile')}",
    ):
        options.add_argument(flag)
    driver = webdriver.Chrome(service=Service(executable_path=str(CHROMEDRIVER)), options=options)
    driver.set_page_load_timeout(30)
    yield driver
    driver.quit()


def test_a_journalist_browses_filters_expands_and_adds_an_article(
    desk_url: str, browser: object, tmp_path_factory: pytest.TempPathFactory
) -> None:
    from selenium.webdriver.common.by import By
    from selenium.webdriver.remote.webdriver import WebDriver
    from selenium.webdriver.support.ui import WebDriverWait

    assert isinstance(browser, WebDriver)
    driver = browser
    wait = WebDriverWait(driver, 20)

    def events() -> list[object]:
        return list(driver.find_elements(By.CSS_SELECTOR, "#timeline .event"))

    def visible_text() -> str:
        return str(driver.find_element(By.ID, "timeline").text)

    driver.get(desk_url + "/")
    wait.until(lambda _: len(events()) > 0)
    everything = visible_text()
    count = len(events())

    # Precision is drawn honestly: a day is a point, anything coarser a band, never a day.
    for event in driver.find_elements(By.CSS_SELECTOR, "#timeline .event.precision-day"):
        assert event.find_elements(By.CSS_SELECTOR, ".marker.point")
    coarse = driver.find_elements(By.CSS_SELECTOR, "#timeline .event.precision-month, #timeline .event.precision-year")
    assert coarse, "the examples have month- or year-only events"
    for event in coarse:
        assert event.find_elements(By.CSS_SELECTOR, ".marker.span")
        date = event.find_element(By.CSS_SELECTOR, ".date").text
        assert not any(char.isdigit() for char in date.split()[0]) or len(date.split()) == 1, date
    # A year is filed under a heading of its own, not under its first month.
    for event in driver.find_elements(By.CSS_SELECTOR, "#timeline .event.precision-year"):
        heading = event.find_element(By.XPATH, "preceding-sibling::li[contains(@class, 'month')][1]")
        year = event.find_element(By.CSS_SELECTOR, ".date").get_attribute("datetime")
        assert heading.text.strip() == year, (heading.text, year)

    # Filter by the most frequent participant: fewer events, each naming it.
    chip = wait.until(lambda _: driver.find_elements(By.CSS_SELECTOR, "#chips .chip"))[0]
    key = chip.get_attribute("data-key")
    chip.click()
    wait.until(lambda _: driver.find_element(By.CSS_SELECTOR, "#chips .chip.active"))
    wait.until(lambda _: visible_text() != everything)
    filtered = events()
    assert 0 < len(filtered) < count
    for event in filtered:  # by its key: "Egypt" and "Ägypten" are one participant
        keys = [p.get_attribute("data-key") for p in event.find_elements(By.CSS_SELECTOR, ".participant")]
        assert key in keys

    # Expand events: their cited sentences, the time expression highlighted, a link to the article.
    for first in filtered:  # (a source dated only by its article has no time expression to mark)
        first.find_element(By.CSS_SELECTOR, "button.expand").click()
        wait.until(lambda _, event=first: event.find_elements(By.CSS_SELECTOR, ".source .sentence"))
        assert first.find_elements(By.CSS_SELECTOR, ".source a.article")
        if first.find_elements(By.CSS_SELECTOR, ".source mark.timex"):
            break
    marks = first.find_elements(By.CSS_SELECTOR, ".source mark.timex")
    assert marks and all(mark.text.strip() for mark in marks)

    # Rename it in the page.
    title = first.find_element(By.CSS_SELECTOR, ".rename-input")
    title.clear()
    title.send_keys("Renamed at the desk")
    first.find_element(By.CSS_SELECTOR, "button.rename").click()
    wait.until(lambda _: "Renamed at the desk" in visible_text())

    # Back to everything; add an article through the form and see the timeline change.
    driver.find_element(By.CSS_SELECTOR, "#chips .chip.active").click()
    wait.until(lambda _: len(events()) == count)
    everything = visible_text()
    driver.find_element(By.ID, "add-title").send_keys("Canal talks")
    driver.find_element(By.ID, "add-date").send_keys("2021-07-30")
    driver.find_element(By.ID, "add-text").send_keys(NEW_ARTICLE)
    driver.find_element(By.ID, "add-submit").click()
    wait.until(lambda _: "1 added" in driver.find_element(By.ID, "add-result").text)
    wait.until(lambda _: visible_text() != everything)
    assert "12 August 2021" in visible_text()

    # Article text is shown as text, never interpreted as markup.
    (added,) = [event for event in events() if "12 August 2021" in event.text]
    added.find_element(By.CSS_SELECTOR, "button.expand").click()
    sentence = wait.until(lambda _: added.find_elements(By.CSS_SELECTOR, ".source .sentence"))[0]
    assert "<b>agreement</b>" in sentence.text
    assert not driver.find_elements(By.CSS_SELECTOR, "#timeline b")

    # Nothing was requested from anywhere but this server.
    origins = driver.execute_script("return performance.getEntriesByType('resource').map(e => new URL(e.name).origin)")
    assert set(origins) <= {desk_url}

    top = events()[1]  # shown opened in the screenshot
    top.find_element(By.CSS_SELECTOR, "button.expand").click()
    wait.until(lambda _: top.find_elements(By.CSS_SELECTOR, ".source .sentence"))
    driver.execute_script("window.scrollTo(0, 0)")
    shots = tmp_path_factory.mktemp("screenshots")
    shot = shots / "timeline.png"
    driver.save_screenshot(str(shot))
    print(f"screenshot: {shot}")
    assert shot.stat().st_size > 10_000
