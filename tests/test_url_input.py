"""Articles given as URLs, end to end against a local web server (no internet needed)."""

from __future__ import annotations

import socket
import subprocess
import sys
import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any, ClassVar

import pytest

from audio_edition import load_article
from audio_edition.edition.cover import choose_cover

from .conftest import FIXTURES, tiny_png

PAGE = (FIXTURES / "html" / "blog-meta.html").read_text(encoding="utf-8")


class _Site(BaseHTTPRequestHandler):
    pages: ClassVar[dict[str, tuple[str, bytes]]] = {}

    def log_message(self, format: str, *args: Any) -> None:
        pass

    def do_GET(self) -> None:
        content_type, body = self.pages.get(self.path, ("text/plain", b"not found"))
        self.send_response(200 if self.path in self.pages else 404)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)


@pytest.fixture(scope="module")
def site() -> Iterator[str]:
    server = ThreadingHTTPServer(("127.0.0.1", 0), _Site)
    base = f"http://127.0.0.1:{server.server_port}"
    with_remote_image = PAGE.replace(
        '<meta property="og:image" content="data:image/png;base64,',
        f'<meta property="og:image" content="{base}/lead.png"><meta name="x" content="',
    )
    _Site.pages = {
        "/orchard": ("text/html; charset=utf-8", with_remote_image.encode("utf-8")),
        "/lead.png": ("image/png", tiny_png()),
        "/notes.txt": ("text/plain; charset=utf-8", (FIXTURES / "short-article.txt").read_bytes()),
    }
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield base
    server.shutdown()


def test_a_url_is_fetched_and_read_as_html(site: str) -> None:
    article = load_article(f"{site}/orchard")
    assert article.headline == "Why Our Orchard Switched to Old Apple Varieties"
    assert article.authors == ("Helga Brandt",)
    assert article.source_url == f"{site}/orchard"  # no canonical link: the address fetched
    assert article.source_path is None


def test_the_lead_image_of_a_web_article_becomes_the_cover(site: str) -> None:
    cover = choose_cover(None, load_article(f"{site}/orchard"))
    assert cover is not None and cover.data == tiny_png() and cover.origin == f"{site}/lead.png"


def test_a_plain_text_url_is_read_as_pasted_text(site: str) -> None:
    article = load_article(f"{site}/notes.txt")
    assert article.headline == "Rain Garden Opens on Mill Street"


def _closed_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


@pytest.mark.parametrize(
    ("url", "message"),
    [
        (f"http://127.0.0.1:{_closed_port()}/story", "cannot fetch URL: "),
        ("ftp://example.com/story", "cannot fetch URL: only http and https are supported"),
        ("file:///etc/passwd", "cannot fetch URL: only http and https are supported"),
    ],
)
def test_unreachable_or_unsupported_urls_fail_in_one_line(url: str, message: str) -> None:
    result = subprocess.run(
        [sys.executable, "-m", "audio_edition.cli", "parse", url], capture_output=True, text=True
    )
    assert result.returncode == 1
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith(f"audio-edition: error: {url}: {message}")
