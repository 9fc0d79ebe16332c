"""fetch_url against a real local HTTP server: pages, redirects, limits, timeouts, failures."""

from __future__ import annotations

import gzip
import shutil
import socket
import ssl
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

import pytest

from audio_edition import __version__
from audio_edition.errors import InputError
from audio_edition.ingest.fetch import (
    MAX_REDIRECTS,
    FetchedPage,
    fetch_url,
    is_url,
    parse_content_type,
)

PAGE = "<!doctype html><html><head><title>Café</title></head><body><p>Bonjour, café crème.</p></body></html>".encode()
PNG = b"\x89PNG\r\n\x1a\n" + b"\x00" * 64
BIG = b"<p>" + b"x" * 1997  # 2,000 bytes
LIMIT = 1000


class Handler(BaseHTTPRequestHandler):
    """One route per behaviour under test; see ``do_GET``."""

    protocol_version = "HTTP/1.1"
    server: LocalServer

    def log_message(self, format: str, *args: Any) -> None:  # keep pytest output clean
        pass

    def do_GET(self) -> None:
        self.server.requests[self.path] = dict(self.headers)
        path, _, _query = self.path.partition("?")
        parts = path.strip("/").split("/")
        route = getattr(self, "route_" + parts[0].replace("-", "_"), None)
        if route is None:
            self.send_body(404, "text/html", b"<p>not here</p>")
        else:
            route(*parts[1:])

    # helpers

    def send_body(self, status: int, content_type: str | None, body: bytes, **headers: str) -> None:
        self.send_response(status)
        if content_type is not None:
            self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(body)))
        for name, value in headers.items():
            self.send_header(name.replace("_", "-"), value)
        self.end_headers()
        self.wfile.write(body)

    def redirect(self, location: str, status: int = 302, **headers: str) -> None:
        self.send_body(status, "text/html", b"<p>moved</p>", Location=location, **headers)

    def trickle(self, n_bytes: int, every_s: float) -> None:
        """Send the body one byte at a time until done or the client hangs up."""
        try:
            for _ in range(n_bytes):
                if self.server.stop.wait(every_s):
                    return
                self.wfile.write(b"x")
                self.wfile.flush()
        except OSError:
            return

    # routes

    def route_page(self) -> None:
        self.send_body(200, "text/html; charset=UTF-8", PAGE)

    def route_typed(self, kind: str) -> None:
        content_type = {
            "xhtml": "application/xhtml+xml",
            "plain": "text/plain",
            "quoted": 'Text/HTML; Charset="ISO-8859-1"',
        }[kind]
        self.send_body(200, content_type, b"<p>hello</p>")

    def route_countdown(self, n: str) -> None:
        left = int(n)
        if left == 0:
            self.route_page()
        elif left % 2:  # alternate absolute and relative Locations, and redirect kinds
            self.redirect(f"http://127.0.0.1:{self.server.server_port}/countdown/{left - 1}", 301)
        else:
            self.redirect(f"../countdown/{left - 1}", 307)

    def route_loop(self, which: str) -> None:
        self.redirect("/loop/b" if which == "a" else "/loop/a")

    def route_cookie_check(self) -> None:
        if "seen=1" in self.headers.get("Cookie", ""):
            self.route_page()
        else:
            self.redirect("/cookie-check", Set_Cookie="seen=1; Path=/")

    def route_to_nowhere(self) -> None:
        self.redirect("http://bad..host/page")

    def route_to_file(self) -> None:
        self.redirect("file:///etc/passwd")

    def route_slow_redirect(self) -> None:
        self.send_response(302)
        self.send_header("Location", "/page")
        self.send_header("Content-Length", "100")
        self.end_headers()
        self.trickle(100, 0.5)

    def route_status(self, code: str) -> None:
        self.send_body(int(code), "text/html", b"<h1>error</h1>")

    def route_image(self) -> None:
        self.send_body(200, "image/png", PNG)

    def route_untyped(self) -> None:
        self.send_body(200, None, b"<p>what am I?</p>")

    def route_big(self, framing: str) -> None:
        self.send_response(200)
        self.send_header("Content-Type", "text/html")
        if framing == "length":
            self.send_header("Content-Length", str(len(BIG)))
            self.end_headers()
            self.wfile.write(BIG)
        elif framing == "chunked":
            self.send_header("Transfer-Encoding", "chunked")
            self.end_headers()
            for start in range(0, len(BIG), 100):
                piece = BIG[start : start + 100]
                self.wfile.write(b"%x\r\n%s\r\n" % (len(piece), piece))
            self.wfile.write(b"0\r\n\r\n")
        else:  # the body ends when the connection closes
            self.send_header("Connection", "close")
            self.end_headers()
            self.wfile.write(BIG)
            self.close_connection = True

    def route_gzip(self, size: str) -> None:
        body = PAGE if size == "small" else b"<p>" + b" " * 50_000 + b"</p>"
        self.send_body(
            200, "text/html; charset=utf-8", gzip.compress(body), Content_Encoding="gzip"
        )

    def route_truncated(self) -> None:
        self.send_response(200)
        self.send_header("Content-Type", "text/html")
        self.send_header("Content-Length", "1000")
        self.end_headers()
        self.wfile.write(b"<p>" + b"x" * 97)
        self.close_connection = True

    def route_slow_loris(self) -> None:
        self.send_response(200)
        self.send_header("Content-Type", "text/html")
        self.send_header("Content-Length", "100")
        self.end_headers()
        self.trickle(100, 0.5)

    def route_stall(self) -> None:
        self.send_response(200)
        self.send_header("Content-Type", "text/html")
        self.send_header("Content-Length", "100")
        self.end_headers()
        self.trickle(3, 0.3)  # a good start, then silence
        self.server.stop.wait(10)


class LocalServer(ThreadingHTTPServer):
    """The stdlib server plus what the tests look at: headers received, a stop signal."""

    daemon_threads = True

    def __init__(self) -> None:
        super().__init__(("127.0.0.1", 0), Handler)
        self.requests: dict[str, dict[str, str]] = {}
        self.stop = threading.Event()

    def handle_error(self, request: Any, client_address: Any) -> None:
        if not isinstance(sys.exc_info()[1], ConnectionError):  # the client hung up: expected
            super().handle_error(request, client_address)

    def url(self, path: str) -> str:
        return f"http://127.0.0.1:{self.server_port}{path}"


@pytest.fixture(autouse=True)
def no_proxy(monkeypatch: pytest.MonkeyPatch) -> None:
    """Talk to 127.0.0.1 directly even where a proxy is configured."""
    for name in ("HTTP_PROXY", "HTTPS_PROXY", "ALL_PROXY", "NO_PROXY"):
        monkeypatch.delenv(name, raising=False)
        monkeypatch.delenv(name.lower(), raising=False)


@pytest.fixture(scope="module")
def server() -> Iterator[LocalServer]:
    httpd = LocalServer()
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield httpd
    httpd.stop.set()
    httpd.shutdown()
    httpd.server_close()


@pytest.fixture
def silent_server() -> Iterator[str]:
    """A port that accepts connections (the kernel completes them) and never answers."""
    with socket.socket() as listener:
        listener.bind(("127.0.0.1", 0))
        listener.listen(8)
        yield f"http://127.0.0.1:{listener.getsockname()[1]}/page"


@pytest.fixture
def self_signed_server(tmp_path: Path) -> Iterator[str]:
    """An HTTPS server whose certificate nobody vouches for."""
    if shutil.which("openssl") is None:
        pytest.skip("openssl is needed to make a test certificate")
    cert, key = tmp_path / "cert.pem", tmp_path / "key.pem"
    subprocess.run(
        ["openssl", "req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1",
         "-nodes", "-days", "1", "-subj", "/CN=127.0.0.1", "-keyout", str(key), "-out", str(cert)],
        check=True, capture_output=True,
    )  # fmt: skip
    context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    context.load_cert_chain(cert, key)
    httpd = LocalServer()
    httpd.socket = context.wrap_socket(httpd.socket, server_side=True)
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    yield f"https://127.0.0.1:{httpd.server_port}/page"
    httpd.shutdown()
    httpd.server_close()


@pytest.fixture
def closed_port() -> str:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    return f"http://127.0.0.1:{port}/page"


def fetch_error(url: str, **limits: Any) -> InputError:
    with pytest.raises(InputError) as caught:
        fetch_url(url, **limits)
    error = caught.value
    assert error.message.startswith("cannot fetch URL: ")
    assert error.subject == url
    assert "\n" not in str(error) and "Traceback" not in str(error)
    return error


# --- URLs --------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("source", "expected"),
    [
        ("http://example.com/a", True),
        ("https://example.com", True),
        ("HTTPS://Example.com/x?y=1", True),
        ("ftp://example.com/file", False),
        ("file:///etc/passwd", False),
        ("http://", False),
        ("http:/example.com", False),
        ("example.com/article", False),
        ("article.txt", False),
        ("C:\\news\\article.txt", False),
        ("-", False),
        ("http://[::1", False),
    ],
)
def test_is_url(source: str, expected: bool) -> None:
    assert is_url(source) is expected


@pytest.mark.parametrize(
    "url", ["file:///etc/passwd", "ftp://example.com/article.html", "data:text/html,<p>hi</p>"]
)
def test_only_http_and_https_are_fetched(url: str) -> None:
    error = fetch_error(url)
    assert error.message == "cannot fetch URL: only http and https are supported"


@pytest.mark.parametrize(
    ("header", "expected"),
    [
        ("text/html", ("text/html", None)),
        ("text/html; charset=UTF-8", ("text/html", "utf-8")),
        ('Text/HTML ; Charset="ISO-8859-1"', ("text/html", "iso-8859-1")),
        ("text/plain; format=flowed; charset=windows-1252", ("text/plain", "windows-1252")),
        ("", ("", None)),
    ],
)
def test_parse_content_type(header: str, expected: tuple[str, str | None]) -> None:
    assert parse_content_type(header) == expected


@pytest.mark.parametrize(
    "url", ["http://bad..host/page", "http://exa mple.com/", "http://127.0.0.1:99999/"]
)
def test_malformed_urls_are_refused_clearly(url: str) -> None:
    assert fetch_error(url).message == "cannot fetch URL: not a valid URL"


# --- pages -------------------------------------------------------------------------------------


def test_fetches_a_page(server: LocalServer) -> None:
    url = server.url("/page?from=test")
    page = fetch_url(url)
    assert page == FetchedPage(
        url=url, final_url=url, content_type="text/html", charset="utf-8", data=PAGE
    )
    received = server.requests["/page?from=test"]
    assert received["User-Agent"].startswith(f"audio-edition/{__version__} ")
    assert "text/html" in received["Accept"]


@pytest.mark.parametrize(
    ("kind", "content_type", "charset"),
    [
        ("xhtml", "application/xhtml+xml", None),
        ("plain", "text/plain", None),
        ("quoted", "text/html", "iso-8859-1"),
    ],
)
def test_accepts_every_page_type(
    server: LocalServer, kind: str, content_type: str, charset: str | None
) -> None:
    page = fetch_url(server.url(f"/typed/{kind}"))
    assert (page.content_type, page.charset, page.data) == (content_type, charset, b"<p>hello</p>")


def test_fetches_a_picture_when_asked_for_one(server: LocalServer) -> None:
    page = fetch_url(server.url("/image?cover"), accept=("image/jpeg", "image/png"))
    assert (page.content_type, page.data) == ("image/png", PNG)
    assert server.requests["/image?cover"]["Accept"] == "image/jpeg,image/png"


def test_a_page_is_not_a_picture(server: LocalServer) -> None:
    error = fetch_error(server.url("/page"), accept=("image/jpeg", "image/png"))
    assert error.message == "cannot fetch URL: not image/jpeg or image/png (content type text/html)"


def test_compressed_page_arrives_decompressed(server: LocalServer) -> None:
    assert fetch_url(server.url("/gzip/small")).data == PAGE


# --- redirects ---------------------------------------------------------------------------------


def test_follows_a_redirect_chain_to_the_page(server: LocalServer) -> None:
    url = server.url("/countdown/3")
    page = fetch_url(url)
    assert page.url == url
    assert page.final_url == server.url("/countdown/0")
    assert page.data == PAGE


def test_follows_exactly_max_redirects(server: LocalServer) -> None:
    assert fetch_url(server.url(f"/countdown/{MAX_REDIRECTS}")).data == PAGE


def test_too_many_redirects(server: LocalServer) -> None:
    error = fetch_error(server.url(f"/countdown/{MAX_REDIRECTS + 1}"))
    assert error.message == f"cannot fetch URL: more than {MAX_REDIRECTS} redirects"


def test_redirect_loop(server: LocalServer) -> None:
    error = fetch_error(server.url("/loop/a"))
    assert error.message == f"cannot fetch URL: redirect loop at {server.url('/loop/a')}"


def test_cookie_check_redirect_to_the_same_page_is_not_a_loop(server: LocalServer) -> None:
    assert fetch_url(server.url("/cookie-check")).data == PAGE


def test_redirect_to_a_file_url_is_refused(server: LocalServer) -> None:
    error = fetch_error(server.url("/to-file"))
    assert (
        error.message
        == "cannot fetch URL: redirected to file:///etc/passwd, but only http and https are supported"
    )


def test_redirect_to_a_malformed_url(server: LocalServer) -> None:
    assert fetch_error(server.url("/to-nowhere")).message == "cannot fetch URL: not a valid URL"


def test_a_redirect_body_is_not_waited_for(server: LocalServer) -> None:
    started = time.monotonic()
    assert fetch_url(server.url("/slow-redirect"), timeout_s=5).data == PAGE
    assert time.monotonic() - started < 2


# --- refusals ----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("code", "message", "cause"),
    [
        (
            404,
            "cannot fetch URL: HTTP 404 Not Found",
            "the address is mistyped, or the page was removed",
        ),
        (
            500,
            "cannot fetch URL: HTTP 500 Internal Server Error",
            "the site has a problem; try again later",
        ),
        (418, "cannot fetch URL: HTTP 418 I'm a Teapot", None),
    ],
)
def test_http_errors(server: LocalServer, code: int, message: str, cause: str | None) -> None:
    error = fetch_error(server.url(f"/status/{code}"))
    assert (error.message, error.cause) == (message, cause)


def test_an_image_is_not_a_web_page(server: LocalServer) -> None:
    error = fetch_error(server.url("/image"))
    assert error.message == "cannot fetch URL: not a web page (content type image/png)"


def test_a_response_without_content_type_is_refused(server: LocalServer) -> None:
    error = fetch_error(server.url("/untyped"))
    assert error.message == "cannot fetch URL: not a web page (no content type given)"


def test_oversized_page_with_honest_length_is_refused_before_download(server: LocalServer) -> None:
    error = fetch_error(server.url("/big/length"), max_bytes=LIMIT)
    assert (
        error.message
        == "cannot fetch URL: the page is 2,000 bytes, more than the limit of 1,000 bytes"
    )


@pytest.mark.parametrize("framing", ["chunked", "close"])
def test_oversized_page_without_length_is_cut_off(server: LocalServer, framing: str) -> None:
    error = fetch_error(server.url(f"/big/{framing}"), max_bytes=LIMIT)
    assert error.message == "cannot fetch URL: the page is larger than the limit of 1,000 bytes"


@pytest.mark.parametrize("framing", ["length", "chunked", "close"])
def test_a_page_just_under_the_limit_is_fine(server: LocalServer, framing: str) -> None:
    assert fetch_url(server.url(f"/big/{framing}"), max_bytes=len(BIG)).data == BIG


def test_size_limit_counts_decompressed_bytes(server: LocalServer) -> None:
    error = fetch_error(server.url("/gzip/bomb"), max_bytes=10_000)
    assert error.message == "cannot fetch URL: the page is larger than the limit of 10,000 bytes"


def test_a_page_cut_short_is_an_error(server: LocalServer) -> None:
    error = fetch_error(server.url("/truncated"))
    assert error.message == "cannot fetch URL: the connection broke during the download"


# --- time limits and network failures ----------------------------------------------------------


def test_slow_loris_is_stopped_at_the_deadline(server: LocalServer) -> None:
    started = time.monotonic()
    error = fetch_error(server.url("/slow-loris"), timeout_s=1.5)
    elapsed = time.monotonic() - started
    assert error.message == "cannot fetch URL: no complete answer within 1.5 s"
    assert error.cause == "no internet access, or the site is down"
    assert 1.4 < elapsed < 3


def test_a_body_that_stalls_is_stopped_at_the_deadline(server: LocalServer) -> None:
    started = time.monotonic()
    error = fetch_error(server.url("/stall"), timeout_s=1.5)
    assert error.message == "cannot fetch URL: no complete answer within 1.5 s"
    assert time.monotonic() - started < 2.1


def test_a_server_that_never_answers_times_out(silent_server: str) -> None:
    started = time.monotonic()
    error = fetch_error(silent_server, timeout_s=1.0)
    assert error.message == "cannot fetch URL: no complete answer within 1 s"
    assert error.cause == "no internet access, or the site is down"
    assert time.monotonic() - started < 1.8


def test_connection_refused(closed_port: str) -> None:
    error = fetch_error(closed_port)
    assert error.message == "cannot fetch URL: connection refused"
    assert (
        str(error)
        == f"{closed_port}: cannot fetch URL: connection refused. Probable cause: no internet access, or the site is down"
    )


def test_unknown_host(monkeypatch: pytest.MonkeyPatch) -> None:
    def no_dns(*args: Any, **kwargs: Any) -> Any:
        raise socket.gaierror(socket.EAI_NONAME, "Name or service not known")

    monkeypatch.setattr(socket, "getaddrinfo", no_dns)  # offline and instant, whatever the resolver
    error = fetch_error("https://no-such-host.invalid/story")
    assert error.message == "cannot fetch URL: host no-such-host.invalid not found"
    assert error.cause == "no internet access, or the site is down"


def test_an_untrusted_certificate_is_refused(self_signed_server: str) -> None:
    error = fetch_error(self_signed_server, timeout_s=5)
    assert error.message.startswith("cannot fetch URL: insecure site (self")
    assert error.message.endswith("signed certificate)")
    assert (
        error.cause
        == "the site's certificate is invalid or expired, or this computer's clock is wrong"
    )
