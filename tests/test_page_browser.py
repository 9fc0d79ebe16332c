"""The listening page in a real headless browser (Debian's chromium, driven by selenium)."""

from __future__ import annotations

import json
import shutil
import threading
import time
from collections.abc import Iterator

import pytest

from audio_edition import Settings, build
from audio_edition.publish import ShowSettings, publish
from audio_edition.publish.serve import make_server
from audio_edition.tts import Engine

from .conftest import FIXTURES

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
CHROMEDRIVER = shutil.which("chromedriver")


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory, piper: Engine) -> Iterator[str]:
    if not (CHROMIUM and CHROMEDRIVER):
        pytest.skip(
            "chromium and chromedriver are not installed (.ci/run installs them with apt-get)"
        )
    root = tmp_path_factory.mktemp("site")
    settings = Settings(output_dir=root / "out", cache_dir=root / "cache")
    build(FIXTURES / "short-article.txt", settings, engine=piper)
    build(FIXTURES.parent.parent / "examples" / "night-train.md", settings, engine=piper)
    publish(
        root / "out", ShowSettings(title="Harbour Reports", base_url="https://example.com/audio/")
    )
    server = make_server(root / "out", 0)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{server.server_port}/"
    server.shutdown()
    server.server_close()


@pytest.fixture(scope="module")
def browser(site: str, tmp_path_factory: pytest.TempPathFactory) -> Iterator[object]:
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    options = webdriver.ChromeOptions()
    options.binary_location = str(CHROMIUM)
    for flag in ("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync",
                 "--autoplay-policy=no-user-gesture-required", "--mute-audio",
                 f"--user-data-dir={tmp_path_factory.mktemp('chromium-profile')}"):  # fmt: skip
        options.add_argument(flag)
    options.set_capability("goog:loggingPrefs", {"browser": "ALL", "performance": "ALL"})
    driver = webdriver.Chrome(service=Service(str(CHROMEDRIVER)), options=options)
    driver.get(site)
    yield driver
    driver.quit()


def requested_urls(driver: object) -> list[str]:
    urls = []
    for entry in driver.get_log("performance"):  # type: ignore[attr-defined]
        message = json.loads(entry["message"])["message"]
        if message["method"] == "Network.requestWillBeSent":
            urls.append(message["params"]["request"]["url"])
    return urls


def test_page_loads_without_errors_or_outside_requests(browser: object, site: str) -> None:
    errors = [e for e in browser.get_log("browser") if e["level"] == "SEVERE"]  # type: ignore[attr-defined]
    assert errors == [], errors
    network = [url for url in requested_urls(browser) if url.startswith(("http:", "https:", "ws"))]
    assert network and all(url.startswith(site) for url in network), network


def test_page_lists_the_episodes(browser: object) -> None:
    from selenium.webdriver.common.by import By

    titles = [h.text for h in browser.find_elements(By.CSS_SELECTOR, "article.episode h2")]  # type: ignore[attr-defined]
    assert titles == [
        "The Night Train Returns to the Northern Line",
        "Rain Garden Opens on Mill Street",
    ]


def _wait_for(driver: object, script: str, timeout: float = 10.0) -> object:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        value = driver.execute_script(script)  # type: ignore[attr-defined]
        if value:
            return value
        time.sleep(0.1)
    raise AssertionError(f"timed out waiting for: {script}")


def test_clicking_a_chapter_seeks_and_the_cue_follows(browser: object) -> None:
    from selenium.webdriver.common.by import By

    episode = browser.find_elements(By.CSS_SELECTOR, "article.episode")[0]  # type: ignore[attr-defined]
    _wait_for(browser, "return document.querySelector('article.episode audio').readyState >= 1")
    chapter = episode.find_elements(By.CSS_SELECTOR, ".chapters button")[1]
    start = float(chapter.get_attribute("data-start"))
    chapter.click()
    now = _wait_for(
        browser,
        "var a = document.querySelector('article.episode audio');"
        f"return Math.abs(a.currentTime - {start}) < 0.6 ? a.currentTime || 0.001 : 0;",
    )
    assert abs(float(now) - start) < 0.6  # type: ignore[arg-type]
    episode.find_element(By.CSS_SELECTOR, "details:nth-of-type(2) summary").click()
    current = _wait_for(
        browser,
        "var b = document.querySelector('article.episode .transcript button.current');"
        "var a = document.querySelector('article.episode audio');"
        "return b ? [parseFloat(b.dataset.start), parseFloat(b.dataset.end), a.currentTime] : null;",
    )
    cue_start, cue_end, time_now = current  # type: ignore[misc]
    assert cue_start <= time_now + 0.3 and time_now < cue_end + 0.3
    # The page follows the reader word by word: the highlight is one word, and moves on.
    word = _wait_for(
        browser,
        "var b = document.querySelector('article.episode .transcript button.current');"
        "return b ? [b.textContent, parseFloat(b.dataset.start)] : null;",
    )
    text, first_start = word  # type: ignore[misc]
    assert " " not in text.strip()
    later = _wait_for(
        browser,
        "var b = document.querySelector('article.episode .transcript button.current');"
        f"return b && parseFloat(b.dataset.start) > {first_start} ? b.textContent : null;",
    )
    assert later and " " not in str(later).strip()
    # Clicking a word of the transcript seeks there.
    sentence = episode.find_elements(By.CSS_SELECTOR, ".transcript button")[2]
    target = float(sentence.get_attribute("data-start"))
    sentence.click()
    _wait_for(
        browser,
        f"return Math.abs(document.querySelector('article.episode audio').currentTime - {target}) < 0.6;",
    )
