"""The feed and the listening page, read back by real podcast parsers and a strict XML parser."""

from __future__ import annotations

import json
import shutil
import threading
import urllib.request
from collections.abc import Iterator
from pathlib import Path
from urllib.error import HTTPError

import feedparser
import podcastparser
import pytest
from lxml import etree
from mutagen.mp3 import MP3

from audio_edition import ConfigError, Settings, build
from audio_edition.publish import ShowSettings, load_show, publish
from audio_edition.publish.feed import PODCAST
from audio_edition.publish.serve import make_server
from audio_edition.tts import Engine

from .conftest import FIXTURES

BASE = "https://example.com/audio/"
SPECIAL = """Café & Bar <Opens> on “Quay” Street — Кафе

By Zoë Brandt

September 3, 2025

The café on the quay reopened on Friday with its old menu, a new roof and a sign in Cyrillic.

Its owner said the roof took two winters and three builders to finish.
"""


@pytest.fixture(scope="module")
def folder(tmp_path_factory: pytest.TempPathFactory, piper: Engine) -> Path:
    """Two built editions, one with a headline full of characters XML must escape."""
    root = tmp_path_factory.mktemp("publish")
    special = root / "special.txt"
    special.write_text(SPECIAL, encoding="utf-8")
    settings = Settings(output_dir=root / "out", cache_dir=root / "cache")
    build(FIXTURES / "short-article.txt", settings, engine=piper)
    build(special, settings, engine=piper)
    return root / "out"


@pytest.fixture(scope="module")
def show() -> ShowSettings:
    return ShowSettings(
        title="Harbour & Rail <Reports>", base_url=BASE, owner_email="desk@example.com"
    )


@pytest.fixture(scope="module")
def feed_path(folder: Path, show: ShowSettings) -> Path:
    return publish(folder, show).feed_path


def test_feed_is_well_formed_under_a_strict_parser(feed_path: Path) -> None:
    tree = etree.fromstring(
        feed_path.read_bytes(), etree.XMLParser(recover=False, resolve_entities=False)
    )
    assert tree.tag == "rss" and tree.get("version") == "2.0"
    assert tree.find("channel/title").text == "Harbour & Rail <Reports>"


def test_feedparser_reads_episodes_newest_first(feed_path: Path, folder: Path) -> None:
    parsed = feedparser.parse(feed_path.read_bytes())
    assert not parsed.bozo, parsed.get("bozo_exception")
    titles = [entry.title for entry in parsed.entries]
    assert titles == [
        "Café & Bar <Opens> on “Quay” Street — Кафе",
        "Rain Garden Opens on Mill Street",
    ]
    for entry in parsed.entries:
        enclosure = entry.enclosures[0]
        mp3 = folder / Path(enclosure.href).name
        assert enclosure.href.startswith(BASE) and enclosure.type == "audio/mpeg"
        assert int(enclosure.length) == mp3.stat().st_size
        hours, minutes, seconds = (int(x) for x in entry.itunes_duration.split(":"))
        assert abs(hours * 3600 + minutes * 60 + seconds - MP3(mp3).info.length) <= 1
    assert parsed.entries[1].author == "Ada Lind"
    assert parsed.entries[1].published_parsed[:3] == (2025, 6, 3)


def test_podcastparser_sees_chapters_and_transcripts(feed_path: Path) -> None:
    parsed = podcastparser.parse(BASE + "feed.xml", feed_path.open("rb"))
    assert parsed["title"] == "Harbour & Rail <Reports>"
    assert parsed["cover_url"] == BASE + "cover.png"
    garden = next(e for e in parsed["episodes"] if e["title"].startswith("Rain Garden"))
    assert [c["title"] for c in garden["chapters"]] == [
        "Rain Garden Opens on Mill Street",
        "Neighbours Take Over",
    ]
    assert garden["chapters"][1]["start"] > 0
    assert garden["transcript_url"].startswith(BASE) and garden["transcript_url"].endswith(
        (".transcript.json", ".vtt", ".srt")
    )
    assert (
        garden["chapters_json_url"]
        == BASE + "2025-06-03-rain-garden-opens-on-mill-street.chapters.json"
    )
    assert garden["total_time"] > 20


def test_the_feed_lists_the_word_timed_transcript_first(feed_path: Path) -> None:
    root = etree.fromstring(feed_path.read_bytes(), etree.XMLParser(resolve_entities=False))
    item = root.find("channel/item")
    assert item is not None
    transcripts = item.findall(f"{{{PODCAST}}}transcript")
    assert [t.get("type") for t in transcripts] == [
        "application/json", "text/vtt", "application/x-subrip"
    ]  # fmt: skip
    assert str(transcripts[0].get("url")).endswith(".transcript.json")


def test_chapters_json_has_the_podcasting_2_shape(folder: Path) -> None:
    data = json.loads(
        (folder / "2025-06-03-rain-garden-opens-on-mill-street.chapters.json").read_text()
    )
    assert data["version"] == "1.2.0" and isinstance(data["chapters"], list)
    starts = [c["startTime"] for c in data["chapters"]]
    assert starts == sorted(starts) and starts[0] == 0
    for chapter in data["chapters"]:
        assert set(chapter) <= {"startTime", "endTime", "title", "img", "url", "toc", "location"}
        assert isinstance(chapter["startTime"], (int, float)) and isinstance(chapter["title"], str)


def test_guids_are_stable_and_rebuilds_are_identical(
    folder: Path, show: ShowSettings, feed_path: Path
) -> None:
    first = feed_path.read_bytes()
    mtime = feed_path.stat().st_mtime_ns
    publish(folder, show)
    assert feed_path.read_bytes() == first and feed_path.stat().st_mtime_ns == mtime
    moved = publish(folder, ShowSettings(title=show.title, base_url="https://cdn.example.org/x/"))
    guids = [e.id for e in feedparser.parse(moved.feed_path.read_bytes()).entries]
    assert guids == [e.id for e in feedparser.parse(first).entries]  # hosting elsewhere keeps them
    publish(folder, show)


def test_show_artwork_is_drawn_when_there_is_none(folder: Path, feed_path: Path) -> None:
    from PIL import Image

    with Image.open(folder / "cover.png") as image:
        assert image.size == (1400, 1400) and image.format == "PNG"


def test_limit_keeps_the_newest(folder: Path, tmp_path: Path) -> None:
    copy = tmp_path / "copy"
    shutil.copytree(folder, copy)
    publication = publish(copy, ShowSettings(title="T", base_url=BASE, limit=1))
    entries = feedparser.parse(publication.feed_path.read_bytes()).entries
    assert [e.title for e in entries] == ["Café & Bar <Opens> on “Quay” Street — Кафе"]


def test_missing_feed_settings_are_listed(tmp_path: Path) -> None:
    config = tmp_path / "audio-edition.toml"
    config.write_text('[feed]\ndescription = "x"\n')
    with pytest.raises(ConfigError, match="the feed needs title and base_url"):
        load_show(config)
    assert load_show(config, title="T", base_url="https://e.com/a").base_url == "https://e.com/a/"


def test_page_is_self_contained(folder: Path, feed_path: Path) -> None:
    html = (folder / "index.html").read_text(encoding="utf-8")
    assert "Café &amp; Bar &lt;Opens&gt;" in html
    for outside in ("http://", "https://", "//fonts", "cdn"):
        assert outside not in html.replace('href="https://example.com', "").replace(BASE, ""), (
            outside
        )
    assert html.count("<audio controls") == 2 and 'href="feed.xml"' in html


@pytest.fixture
def server(folder: Path) -> Iterator[str]:
    httpd = make_server(folder, 0)
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{httpd.server_port}/"
    httpd.shutdown()
    httpd.server_close()


def test_serve_answers_ranges_with_the_right_bytes(server: str, folder: Path) -> None:
    name = "2025-06-03-rain-garden-opens-on-mill-street.mp3"
    data = (folder / name).read_bytes()
    request = urllib.request.Request(server + name, headers={"Range": "bytes=100-199"})
    with urllib.request.urlopen(request) as response:
        assert response.status == 206
        assert response.headers["Content-Range"] == f"bytes 100-199/{len(data)}"
        assert response.headers["Content-Type"] == "audio/mpeg"
        assert response.read() == data[100:200]
    request = urllib.request.Request(server + name, headers={"Range": "bytes=-50"})
    with urllib.request.urlopen(request) as response:
        assert response.status == 206 and response.read() == data[-50:]
    for bad in ("bytes=999999999-", "bytes=50-10", "items=1-2"):
        with pytest.raises(HTTPError) as caught:
            urllib.request.urlopen(urllib.request.Request(server + name, headers={"Range": bad}))
        assert caught.value.code == 416, bad
    with urllib.request.urlopen(server + name) as response:
        assert response.status == 200 and response.headers["Accept-Ranges"] == "bytes"
    with urllib.request.urlopen(server + name.replace(".mp3", ".vtt")) as response:
        assert response.headers["Content-Type"].startswith("text/vtt")


@pytest.mark.parametrize(
    "path",
    ["../../../../etc/passwd", "%2e%2e/%2e%2e/%2e%2e/etc/passwd", "..%2f..%2f..%2fetc%2fpasswd"],
)
def test_serve_never_leaves_its_folder(server: str, path: str) -> None:
    import http.client
    from urllib.parse import urlsplit

    parts = urlsplit(server)
    connection = http.client.HTTPConnection(parts.hostname, parts.port, timeout=10)
    connection.request("GET", "/" + path)  # sent as written, not normalized by a client
    response = connection.getresponse()
    assert response.status == 404 and b"root:" not in response.read()
    connection.close()


def test_feed_command_lists_missing_settings_in_one_line(folder: Path, tmp_path: Path) -> None:
    import subprocess
    import sys

    result = subprocess.run(
        [sys.executable, "-m", "audio_edition.cli", "feed", str(folder)],
        capture_output=True, text=True, cwd=tmp_path,
    )  # fmt: skip
    assert result.returncode == 1
    assert result.stderr.strip().splitlines() == [
        "audio-edition: error: audio-edition.toml: the feed needs title and base_url: set them "
        "under [feed] in audio-edition.toml or give --title / --base-url"
    ]


def test_a_cover_embedded_by_the_build_becomes_the_episode_image(
    tmp_path: Path, piper: Engine
) -> None:
    from .conftest import tiny_png

    cover = tmp_path / "cover.png"
    cover.write_bytes(tiny_png())
    settings = Settings(output_dir=tmp_path / "out", cache_dir=tmp_path / "cache", cover=cover)
    edition = build(FIXTURES / "short-article.txt", settings, engine=piper)
    publish(tmp_path / "out", ShowSettings(title="T", base_url=BASE))
    parsed = podcastparser.parse(BASE + "feed.xml", (tmp_path / "out" / "feed.xml").open("rb"))
    image = f"{BASE}{edition.mp3_path.stem}.cover.png"
    assert parsed["episodes"][0]["episode_art_url"] == image
    assert (tmp_path / "out" / f"{edition.mp3_path.stem}.cover.png").read_bytes() == tiny_png()


def test_serve_refuses_symlinks_that_point_outside(folder: Path, tmp_path: Path) -> None:
    secret = tmp_path / "secret.txt"
    secret.write_text("not for the web")
    link = folder / "leak.txt"
    link.symlink_to(secret)
    httpd = make_server(folder, 0)
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    try:
        with pytest.raises(HTTPError) as caught:
            urllib.request.urlopen(f"http://127.0.0.1:{httpd.server_port}/leak.txt")
        assert caught.value.code == 404
    finally:
        httpd.shutdown()
        httpd.server_close()
        link.unlink()


def test_serve_handles_many_clients_and_ones_that_hang_up(server: str, folder: Path) -> None:
    import socket
    from concurrent.futures import ThreadPoolExecutor
    from urllib.parse import urlsplit

    name = "2025-06-03-rain-garden-opens-on-mill-street.mp3"
    data = (folder / name).read_bytes()
    host, port = urlsplit(server).hostname, urlsplit(server).port
    for _ in range(20):  # clients that ask for the whole file and hang up at once
        with socket.create_connection((host, port)) as client:
            client.sendall(f"GET /{name} HTTP/1.1\r\nHost: x\r\n\r\n".encode())

    def fetch(index: int) -> bool:
        start = (index * 997) % (len(data) - 100)
        request = urllib.request.Request(
            server + name, headers={"Range": f"bytes={start}-{start + 99}"}
        )
        with urllib.request.urlopen(request, timeout=30) as response:
            return bool(response.read() == data[start : start + 100])

    with ThreadPoolExecutor(max_workers=50) as pool:
        assert all(pool.map(fetch, range(200)))
