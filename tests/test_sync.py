"""`sync`: a site's article feed in, a podcast feed out, against a local web server.

Every build synthesizes real speech with the bundled voice; the resulting podcast feed is read
back with feedparser and podcastparser after every step.
"""

from __future__ import annotations

import datetime as dt
import fcntl
import io
import json
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from email.utils import format_datetime
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any, ClassVar

import feedparser
import podcastparser
import pytest

from audio_edition import Settings
from audio_edition.orchestration.sync import LOCK_FILE, SyncBusy, sync

BASE_URL = "https://gazette.example/audio/"
WHEN = dt.datetime(2025, 6, 3, 7, 30, tzinfo=dt.timezone(dt.timedelta(hours=2)))

# Our own short articles: two or three sentences each, so the real voice is quick.
STORIES = {
    "ferry": (
        "Night Ferry Returns to the Island",
        "The night ferry to the island returned on Monday after two winters away. "
        "It carried forty passengers and a van of bread.",
    ),
    "bakery": (
        "Harbour Bakery Opens at Dawn",
        "The bakery on the quay now opens at five in the morning for the fishing crews.",
    ),
    "lighthouse": (
        "Keepers Move Back Into the Lighthouse",
        "Two keepers moved into the lighthouse on the point this week, the first in thirty years.",
    ),
}


class _Site(BaseHTTPRequestHandler):
    """Serves ``routes``: path -> (content type, body, delay in seconds, status), with ETags."""

    routes: ClassVar[dict[str, tuple[str, bytes, float, int]]] = {}
    requests: ClassVar[list[tuple[str, dict[str, str]]]] = []

    def log_message(self, format: str, *args: Any) -> None:
        pass

    def do_GET(self) -> None:
        self.requests.append((self.path, dict(self.headers)))
        content_type, body, delay, status = self.routes.get(
            self.path, ("text/plain", b"not found", 0.0, 404)
        )
        time.sleep(delay)
        etag = f'"{hash(body) & 0xFFFFFFFF:x}"'
        if status == 200 and self.headers.get("If-None-Match") == etag:
            self.send_response(304)
            self.send_header("ETag", etag)
            self.end_headers()
            return
        self.send_response(status)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(body)))
        self.send_header("ETag", etag)
        self.end_headers()
        self.wfile.write(body)


@pytest.fixture
def site() -> Iterator[str]:
    server = ThreadingHTTPServer(("127.0.0.1", 0), _Site)
    _Site.routes, _Site.requests = {}, []
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_port}"
    server.shutdown()


@pytest.fixture(scope="module")
def cache(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("clip-cache")


def _serve(path: str, body: str | bytes, content_type: str = "text/html; charset=utf-8", *,
           delay: float = 0.0, status: int = 200) -> None:  # fmt: skip
    data = body.encode("utf-8") if isinstance(body, str) else body
    _Site.routes[path] = (content_type, data, delay, status)


def _paragraphs(text: str) -> str:
    """A paragraph per sentence."""
    sentences = [s.strip().rstrip(".") for s in text.split(". ") if s.strip()]
    return "".join(f"<p>{sentence}.</p>" for sentence in sentences)


def rss(site: str, names: list[str], *, full: bool, edited: dict[str, str] | None = None) -> str:
    items = []
    for number, name in enumerate(names):
        title, text = STORIES[name]
        text = (edited or {}).get(name, text)
        content = f"<content:encoded><![CDATA[{_paragraphs(text)}]]></content:encoded>"
        items.append(
            f"<item><title>{title}</title><link>{site}/news/{name}</link>"
            f'<guid isPermaLink="false">gazette-{name}</guid><dc:creator>Ada Lind</dc:creator>'
            f"<pubDate>{format_datetime(WHEN + dt.timedelta(days=number))}</pubDate>"
            f"<description>{title}.</description>{content if full else ''}</item>"
        )
    return (
        '<?xml version="1.0" encoding="utf-8"?><rss version="2.0" '
        'xmlns:content="http://purl.org/rss/1.0/modules/content/" '
        'xmlns:dc="http://purl.org/dc/elements/1.1/"><channel><title>Harbour Gazette</title>'
        "<link>https://gazette.example/</link><description>News from the harbour.</description>"
        f"<language>en-gb</language>{''.join(items)}</channel></rss>"
    )


def article_page(name: str) -> str:
    title, text = STORIES[name]
    return (
        f"<!doctype html><html lang='en'><head><meta charset='utf-8'><title>{title}</title>"
        f"</head><body><article><h1>{title}</h1>{_paragraphs(text)}</article></body></html>"
    )


def check_podcast(folder: Path, titles: set[str]) -> list[Any]:
    """The podcast feed parses with both parsers and lists exactly ``titles``."""
    xml = (folder / "feed.xml").read_bytes()
    parsed = feedparser.parse(xml)
    assert not parsed.bozo, parsed.get("bozo_exception")
    assert {entry.title for entry in parsed.entries} == titles
    podcast = podcastparser.parse(f"{BASE_URL}feed.xml", io.BytesIO(xml))
    assert {episode["title"] for episode in podcast["episodes"]} == titles
    for episode in podcast["episodes"]:
        assert episode["enclosures"][0]["url"].startswith(BASE_URL)
    return list(parsed.entries)


def run(site: str, folder: Path, cache: Path, **options: Any) -> Any:
    settings = Settings(output_dir=folder, cache_dir=cache)
    return sync(
        f"{site}/feed.xml",
        settings,
        show_overrides={"base_url": BASE_URL},
        fetch_timeout_s=2,
        **options,
    )


def test_a_feed_with_full_content_becomes_a_podcast_and_a_rerun_builds_nothing(
    site: str, tmp_path: Path, cache: Path
) -> None:
    _serve("/feed.xml", rss(site, ["ferry", "bakery"], full=True), "application/rss+xml")
    report = run(site, tmp_path, cache)
    assert (len(report.new), report.unchanged, report.failed) == (2, 0, [])
    entries = check_podcast(tmp_path, {STORIES["ferry"][0], STORIES["bakery"][0]})
    # The episode's date is the article's, its author the feed's, its show the feed's title.
    ferry = next(e for e in entries if e.title == STORIES["ferry"][0])
    assert ferry.published == "Tue, 03 Jun 2025 07:30:00 +0200"
    parsed = feedparser.parse((tmp_path / "feed.xml").read_bytes())
    assert parsed.feed.title == "Harbour Gazette (audio)"
    assert parsed.feed.language == "en"
    manifest = json.loads(report.new[0].manifest_path.read_text(encoding="utf-8"))
    assert manifest["article"]["source_id"].startswith("gazette-")
    assert manifest["article"]["authors"] == ["Ada Lind"]
    # No page was fetched: the feed carried the articles.
    assert [path for path, _ in _Site.requests] == ["/feed.xml"]

    _Site.requests.clear()
    before = {p.name: p.stat().st_mtime_ns for p in tmp_path.glob("*.mp3")}
    again = run(site, tmp_path, cache)
    assert (again.new, again.updated, again.unchanged, again.failed) == ([], [], 2, [])
    assert again.feed_not_modified
    # The feed was asked for conditionally, and answered 304.
    assert [path for path, _ in _Site.requests] == ["/feed.xml"]
    assert "If-None-Match" in _Site.requests[0][1]
    assert {p.name: p.stat().st_mtime_ns for p in tmp_path.glob("*.mp3")} == before
    check_podcast(tmp_path, {STORIES["ferry"][0], STORIES["bakery"][0]})


def test_links_only_entries_fetch_their_pages_and_are_kept_in_step(
    site: str, tmp_path: Path, cache: Path
) -> None:
    for name in ("ferry", "bakery"):
        _serve(f"/news/{name}", article_page(name))
    # No dates on the entries: only the pages' ETags tell what changed.
    feed = (
        rss(site, ["ferry", "bakery"], full=False)
        .replace("<pubDate>", "<x>")
        .replace("</pubDate>", "</x>")
    )
    _serve("/feed.xml", feed, "application/rss+xml")
    report = run(site, tmp_path, cache)
    assert len(report.new) == 2 and not report.failed
    check_podcast(tmp_path, {STORIES["ferry"][0], STORIES["bakery"][0]})

    # An edited article is rebuilt; the other page answers 304 to a conditional request.
    _Site.requests.clear()
    edited = STORIES["bakery"][1].replace("five", "six")
    _serve("/news/bakery", article_page("bakery").replace(STORIES["bakery"][1], edited))
    again = run(site, tmp_path, cache)
    assert [e.article.headline for e in again.updated] == [STORIES["bakery"][0]]
    assert (again.new, again.unchanged, again.failed) == ([], 1, [])
    ferry_request = next(h for p, h in _Site.requests if p == "/news/ferry")
    assert "If-None-Match" in ferry_request
    transcript = again.updated[0].vtt_path.read_text(encoding="utf-8")
    assert "six in the morning" in transcript
    check_podcast(tmp_path, {STORIES["ferry"][0], STORIES["bakery"][0]})


def test_an_entry_whose_feed_date_has_not_changed_is_not_fetched_again(
    site: str, tmp_path: Path, cache: Path
) -> None:
    def atom(updated: str) -> str:
        return (
            '<?xml version="1.0" encoding="utf-8"?><feed xmlns="http://www.w3.org/2005/Atom">'
            f"<title>Harbour Gazette</title><id>urn:gazette</id><updated>{updated}</updated>"
            f"<entry><title>{STORIES['ferry'][0]}</title><id>urn:gazette:ferry</id>"
            f'<link href="{site}/news/ferry"/><updated>{updated}</updated></entry></feed>'
        )

    _serve("/news/ferry", article_page("ferry"))
    _serve("/feed.xml", atom("2025-06-03T07:30:00Z"), "application/atom+xml")
    assert len(run(site, tmp_path, cache).new) == 1
    _serve("/feed.xml", atom("2025-06-03T07:30:00Z") + " ", "application/atom+xml")  # new ETag
    _Site.requests.clear()
    assert run(site, tmp_path, cache).unchanged == 1
    assert [path for path, _ in _Site.requests] == ["/feed.xml"]
    _serve("/feed.xml", atom("2025-06-05T09:00:00Z"), "application/atom+xml")
    _Site.requests.clear()
    assert run(site, tmp_path, cache).unchanged == 1  # fetched again; the page is the same
    assert [path for path, _ in _Site.requests] == ["/feed.xml", "/news/ferry"]


def test_a_broken_entry_fails_alone_and_the_others_are_published(
    site: str, tmp_path: Path, cache: Path
) -> None:
    _serve("/feed.xml", rss(site, ["ferry", "bakery", "lighthouse"], full=False))
    _serve("/news/ferry", article_page("ferry"))
    _serve("/news/bakery", b"oops", "text/html", status=500)
    _serve("/news/lighthouse", b"\x89PNG\r\n", "image/png")
    report = run(site, tmp_path, cache)
    assert [e.article.headline for e in report.new] == [STORIES["ferry"][0]]
    failed = {failure.url: failure.reason for failure in report.failed}
    assert set(failed) == {f"{site}/news/bakery", f"{site}/news/lighthouse"}
    assert "HTTP 500" in failed[f"{site}/news/bakery"]
    assert "image/png" in failed[f"{site}/news/lighthouse"]
    check_podcast(tmp_path, {STORIES["ferry"][0]})

    # Mended, the failed entries are built on the next run; the built one is left alone.
    _serve("/news/bakery", article_page("bakery"))
    _serve("/news/lighthouse", article_page("lighthouse"))
    again = run(site, tmp_path, cache)
    assert len(again.new) == 2 and again.unchanged == 1 and not again.failed
    check_podcast(tmp_path, {title for title, _ in STORIES.values()})


def test_a_changed_page_that_cannot_be_read_keeps_its_edition_and_is_tried_again(
    site: str, tmp_path: Path, cache: Path
) -> None:
    _serve("/feed.xml", rss(site, ["ferry"], full=False))
    _serve("/news/ferry", article_page("ferry"))
    first = run(site, tmp_path, cache)
    _serve("/news/ferry", "<!doctype html><html><body></body></html>")
    broken = run(site, tmp_path, cache)
    assert [f.url for f in broken.failed] == [f"{site}/news/ferry"]
    check_podcast(tmp_path, {STORIES["ferry"][0]})  # the edition built before stays
    assert first.new[0].mp3_path.is_file()
    _serve("/news/ferry", article_page("ferry").replace("forty", "fifty"))
    mended = run(site, tmp_path, cache)
    assert len(mended.updated) == 1 and not mended.failed
    assert "fifty passengers" in mended.updated[0].vtt_path.read_text(encoding="utf-8")


def test_a_page_that_times_out_is_one_failure(site: str, tmp_path: Path, cache: Path) -> None:
    _serve("/feed.xml", rss(site, ["ferry", "bakery"], full=False))
    _serve("/news/ferry", article_page("ferry"))
    _serve("/news/bakery", article_page("bakery"), delay=4)
    report = run(site, tmp_path, cache)
    assert len(report.new) == 1
    assert [f.url for f in report.failed] == [f"{site}/news/bakery"]
    assert "2 s" in report.failed[0].reason or "time" in report.failed[0].reason


def test_added_and_removed_entries_and_prune(site: str, tmp_path: Path, cache: Path) -> None:
    _serve("/feed.xml", rss(site, ["ferry", "bakery"], full=True))
    run(site, tmp_path, cache)
    # The ferry story leaves the site's feed, a new one arrives.
    _serve("/feed.xml", rss(site, ["bakery", "lighthouse"], full=True))
    report = run(site, tmp_path, cache)
    assert [e.article.headline for e in report.new] == [STORIES["lighthouse"][0]]
    # Listeners may have the old episode: it stays unless pruned.
    check_podcast(tmp_path, {title for title, _ in STORIES.values()})
    pruned = run(site, tmp_path, cache, prune=True)
    assert pruned.removed == 1
    check_podcast(tmp_path, {STORIES["bakery"][0], STORIES["lighthouse"][0]})
    assert not list(tmp_path.glob("*night-ferry*"))


def test_limit_bounds_a_first_run_to_the_newest_entries(
    site: str, tmp_path: Path, cache: Path
) -> None:
    _serve("/feed.xml", rss(site, ["ferry", "bakery", "lighthouse"], full=True))
    report = run(site, tmp_path, cache, limit=1)
    # The lighthouse story is the newest (the feed dates them a day apart).
    assert [e.article.headline for e in report.new] == [STORIES["lighthouse"][0]]
    since = run(site, tmp_path, cache, since=dt.date(2025, 6, 4))
    assert [e.article.headline for e in since.new] == [STORIES["bakery"][0]]


def test_atom_and_json_feeds_are_read(site: str, tmp_path: Path, cache: Path) -> None:
    title, text = STORIES["ferry"]
    atom = (
        '<?xml version="1.0" encoding="utf-8"?><feed xmlns="http://www.w3.org/2005/Atom">'
        "<title>Harbour Gazette</title><id>urn:gazette</id><updated>2025-06-03T07:30:00+02:00"
        f"</updated><entry><title>{title}</title><id>urn:gazette:ferry</id>"
        f'<link href="{site}/news/ferry"/><author><name>Ada Lind</name></author>'
        "<published>2025-06-03T07:30:00+02:00</published><updated>2025-06-03T07:30:00+02:00"
        f'</updated><content type="html">{_paragraphs(text).replace("<", "&lt;")}</content>'
        "</entry></feed>"
    )
    _serve("/feed.xml", atom, "application/atom+xml")
    report = run(site, tmp_path / "atom", cache)
    assert [e.article.authors for e in report.new] == [("Ada Lind",)]
    check_podcast(tmp_path / "atom", {title})

    title, text = STORIES["bakery"]
    document = {
        "version": "https://jsonfeed.org/version/1.1",
        "title": "Harbour Gazette",
        "items": [
            {
                "id": "bakery",
                "url": f"{site}/news/bakery",
                "title": title,
                "content_html": _paragraphs(text),
                "date_published": "2025-06-04T06:00:00+02:00",
                "authors": [{"name": "Ole Berg"}],
            }
        ],
    }
    _serve("/feed.xml", json.dumps(document), "application/feed+json")
    report = run(site, tmp_path / "json", cache)
    assert [e.article.authors for e in report.new] == [("Ole Berg",)]
    check_podcast(tmp_path / "json", {title})


def test_a_second_sync_on_the_same_folder_stops_with_a_clear_message(
    site: str, tmp_path: Path, cache: Path
) -> None:
    _serve("/feed.xml", rss(site, ["ferry"], full=True))
    with (tmp_path / LOCK_FILE).open("a+") as held:
        fcntl.flock(held, fcntl.LOCK_EX | fcntl.LOCK_NB)
        with pytest.raises(SyncBusy, match="another sync is running"):
            run(site, tmp_path, cache)
    assert not list(tmp_path.glob("*.mp3"))
    assert len(run(site, tmp_path, cache).new) == 1  # the lock went with its holder


def test_the_command_prints_one_line_per_failure_and_exits_1(
    site: str, tmp_path: Path, cache: Path
) -> None:
    _serve("/feed.xml", rss(site, ["ferry", "bakery"], full=False))
    _serve("/news/ferry", article_page("ferry"))
    _serve("/news/bakery", b"gone", "text/html", status=500)
    command = [str(Path(sys.executable).parent / "audio-edition"), "sync", f"{site}/feed.xml", "-o",
               str(tmp_path), "--base-url", BASE_URL, "--cache-dir", str(cache)]  # fmt: skip
    result = subprocess.run(command, capture_output=True, text=True, timeout=300)
    assert result.returncode == 1
    errors = [line for line in result.stderr.splitlines() if "error" in line]
    assert errors == [
        f"audio-edition: error: {site}/news/bakery: cannot fetch URL: HTTP 500 Internal Server "
        "Error. Probable cause: the site has a problem; try again later"
    ]
    assert result.stderr.strip().endswith("sync: 1 new, 0 updated, 0 unchanged, 1 failed")
    assert "Traceback" not in result.stderr
    check_podcast(tmp_path, {STORIES["ferry"][0]})
    quiet = subprocess.run([*command, "--quiet"], capture_output=True, text=True, timeout=300)
    assert quiet.returncode == 1
    assert quiet.stderr.count("\n") == 1  # cron hears only the failure
