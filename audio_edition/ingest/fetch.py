"""Fetch a web page for the HTML reader: http(s) only, bounded in time, size and redirects.

``fetch_url`` returns the raw body and what the server said about it; decoding and parsing are
the readers' job. Every failure is an ``InputError`` whose message starts with
``"cannot fetch URL: "`` and fits on one line.

Limits, all enforced while the page streams in:

- a wall-clock deadline of ``timeout_s`` for the whole fetch, redirects included, checked between
  reads and applied to every socket wait, so a server trickling one byte a second cannot hold us;
- at most ``max_bytes`` of (decompressed) body, refused early when Content-Length says more;
- at most ``MAX_REDIRECTS`` redirects, each to http or https, and no loops.

``requests`` is imported on the first fetch, not with this module: it costs about 0.1 s, and
``is_url`` must stay cheap for the command line.
"""

from __future__ import annotations

import contextlib
import socket
import ssl
import time
from collections.abc import Iterator
from dataclasses import dataclass
from http import HTTPStatus
from typing import TYPE_CHECKING, Any
from urllib.parse import urljoin, urlsplit

from ..errors import InputError
from ..version import __version__

if TYPE_CHECKING:
    import requests

DEFAULT_TIMEOUT_S = 20.0
"""Wall-clock limit for a whole fetch (connect, redirects, download), in seconds."""

DEFAULT_MAX_BYTES = 10 * 1024 * 1024
"""Largest body accepted, in bytes after decompression."""

MAX_REDIRECTS = 5
"""Redirects followed before giving up."""

USER_AGENT = f"audio-edition/{__version__} (+https://pypi.org/project/audio-edition/)"
"""Names the tool and its version, so site owners can see who is reading."""

ACCEPT = "text/html,application/xhtml+xml,text/plain;q=0.9,*/*;q=0.5"
"""The Accept header: web pages first, plain text next."""

PAGE_TYPES = ("text/html", "application/xhtml+xml", "text/plain")
"""Content types a reader can turn into an article."""

NETWORK_CAUSE = "no internet access, or the site is down"
"""Probable cause given for connection failures and timeouts."""

TLS_CAUSE = "the site's certificate is invalid or expired, or this computer's clock is wrong"
"""Probable cause given when the secure connection cannot be set up."""

HTTP_CAUSES = {
    401: "the page needs a login",
    403: "the page needs a login, or the site refuses automated readers",
    404: "the address is mistyped, or the page was removed",
    410: "the page was removed",
    429: "the site limits how often it may be read; try again later",
}
"""HTTP status -> probable cause; 5xx statuses share ``SERVER_ERROR_CAUSE``."""

SERVER_ERROR_CAUSE = "the site has a problem; try again later"
"""Probable cause given for HTTP 5xx answers."""

_REDIRECT_STATUSES = (301, 302, 303, 307, 308)
_CHUNK_BYTES = 64 * 1024
_MB = 1024 * 1024


@dataclass(frozen=True)
class FetchedPage:
    """A web page as the server sent it: body bytes plus what the headers said about them."""

    url: str
    """The URL asked for, as given."""

    final_url: str
    """The URL the page was read from, after redirects."""

    content_type: str
    """Media type without parameters, lower case, e.g. ``"text/html"``."""

    charset: str | None
    """Character set named by the Content-Type header (lower case), or None when not given."""

    data: bytes
    """The body, with any Content-Encoding (gzip...) undone."""

    etag: str | None = None
    """The ``ETag`` header, to send back as ``If-None-Match`` next time."""

    last_modified: str | None = None
    """The ``Last-Modified`` header, to send back as ``If-Modified-Since`` next time."""

    not_modified: bool = False
    """True when the server answered 304 to a conditional request: ``data`` is empty and the
    copy the caller holds is current."""


@dataclass(frozen=True)
class Validators:
    """What a server said about a page last time, for a conditional request."""

    etag: str | None = None
    last_modified: str | None = None

    def headers(self) -> dict[str, str]:
        sent = {"If-None-Match": self.etag, "If-Modified-Since": self.last_modified}
        return {name: value for name, value in sent.items() if value}


def is_url(source: str) -> bool:
    """True when ``source`` is an http:// or https:// URL with a host (any other text is a path)."""
    try:
        parts = urlsplit(source)
    except ValueError:
        return False
    return parts.scheme.lower() in ("http", "https") and bool(parts.netloc)


def fetch_url(
    url: str,
    *,
    timeout_s: float = DEFAULT_TIMEOUT_S,
    max_bytes: int = DEFAULT_MAX_BYTES,
    accept: tuple[str, ...] = PAGE_TYPES,
    validators: Validators | None = None,
) -> FetchedPage:
    """Download the web page at ``url``, following up to ``MAX_REDIRECTS`` redirects.

    ``accept`` lists the media types wanted (lower case); pass e.g. ``("image/jpeg",
    "image/png")`` to fetch a picture under the same limits. With ``validators`` the request
    is conditional: a 304 answer gives a page with ``not_modified`` set and no data.

    Raises ``InputError`` for a URL that is not http(s), a network failure or timeout, an HTTP
    error status, a redirect problem, a body over ``max_bytes``, or a type not in ``accept``.
    """
    if timeout_s <= 0 or max_bytes <= 0:
        raise ValueError("timeout_s and max_bytes must be positive")
    _check_scheme(url, url)
    deadline = time.monotonic() + timeout_s
    seen = {url}
    current = url
    with _new_session() as session:
        for _ in range(MAX_REDIRECTS + 1):
            response = _get(session, url, current, deadline, timeout_s, accept, validators)
            with response:
                if response.status_code == 304 and validators is not None:
                    return FetchedPage(url, current, "", None, b"", *_validators_of(response), True)
                target = _redirect_target(response, current)
                if target is None:
                    return _page(response, url, deadline, timeout_s, max_bytes, accept)
                _check_scheme(target, url, redirected=True)
                if target in seen and "set-cookie" not in response.headers:
                    # Revisiting after a cookie was set is a site's cookie check, not a loop.
                    raise InputError(f"cannot fetch URL: redirect loop at {target}", url)
                seen.add(target)
                current = target
    raise InputError(f"cannot fetch URL: more than {MAX_REDIRECTS} redirects", url)


def parse_content_type(header: str) -> tuple[str, str | None]:
    """``'text/html; charset="UTF-8"'`` -> ``("text/html", "utf-8")``."""
    media_type, _, params = header.partition(";")
    charset = None
    for param in params.split(";"):
        name, _, value = param.partition("=")
        if name.strip().lower() == "charset":
            charset = value.strip().strip("\"'").strip().lower() or None
    return media_type.strip().lower(), charset


def _check_scheme(target: str, url: str, *, redirected: bool = False) -> None:
    """Refuse anything but http(s) with a host; ``url`` (the one asked for) is the subject."""
    try:
        parts = urlsplit(target)
    except ValueError as exc:
        raise InputError("cannot fetch URL: not a valid URL", url) from exc
    if parts.scheme.lower() not in ("http", "https"):
        where = f"redirected to {target}, but " if redirected else ""
        raise InputError(f"cannot fetch URL: {where}only http and https are supported", url)
    if not parts.hostname:
        raise InputError("cannot fetch URL: no host name in the URL", url)


def _new_session() -> requests.Session:
    """A session that leaves redirects to ``fetch_url``.

    Even with ``allow_redirects=False``, requests reads a redirect's whole body (with no size or
    time limit) to prepare ``Response.next``; with no redirect target it never does.
    """
    import requests

    class ManualRedirectSession(requests.Session):
        def get_redirect_target(self, resp: requests.Response) -> str | None:
            return None

    return ManualRedirectSession()


def _get(
    session: requests.Session,
    url: str,
    current: str,
    deadline: float,
    timeout_s: float,
    accept: tuple[str, ...],
    validators: Validators | None = None,
) -> requests.Response:
    """Send the GET for ``current``; headers are in, the body is still unread."""
    import requests
    import urllib3

    remaining = _remaining(deadline, url, timeout_s)
    accept_header = ACCEPT if accept == PAGE_TYPES else ",".join(accept)
    conditional = validators.headers() if validators else {}
    try:
        return session.get(
            current,
            headers={"User-Agent": USER_AGENT, "Accept": accept_header, **conditional},
            timeout=(remaining, remaining),
            stream=True,
            allow_redirects=False,
        )
    except (requests.exceptions.RequestException, urllib3.exceptions.HTTPError) as exc:
        raise _network_error(exc, url, current, timeout_s) from exc


def _redirect_target(response: requests.Response, current: str) -> str | None:
    """The absolute URL a redirect points to, or None when ``response`` is not a redirect."""
    location = response.headers.get("location")
    if response.status_code not in _REDIRECT_STATUSES or not location:
        return None
    # http.client decodes headers as latin-1; servers send UTF-8 in practice.
    with contextlib.suppress(UnicodeError):
        location = location.encode("latin-1").decode("utf-8")
    return urljoin(current, location.strip())


def _page(
    response: requests.Response,
    url: str,
    deadline: float,
    timeout_s: float,
    max_bytes: int,
    accept: tuple[str, ...],
) -> FetchedPage:
    """Check a final (non-redirect) response and download its body."""
    if not 200 <= response.status_code < 300:
        raise _http_error(response, url)
    content_type, charset = parse_content_type(response.headers.get("content-type", ""))
    if content_type not in accept:
        shown = f"content type {content_type}" if content_type else "no content type given"
        wanted = "a web page" if accept == PAGE_TYPES else " or ".join(accept)
        raise InputError(f"cannot fetch URL: not {wanted} ({shown})", url)
    declared = _content_length(response)
    if declared is not None and declared > max_bytes:
        raise InputError(
            f"cannot fetch URL: the page is {_size(declared)}, "
            f"more than the limit of {_size(max_bytes)}",
            url,
        )
    data = _read_body(response, url, deadline, timeout_s, max_bytes)
    return FetchedPage(url, response.url, content_type, charset, data, *_validators_of(response))


def _validators_of(response: requests.Response) -> tuple[str | None, str | None]:
    return response.headers.get("etag"), response.headers.get("last-modified")


def _http_error(response: requests.Response, url: str) -> InputError:
    status = response.status_code
    try:
        reason = HTTPStatus(status).phrase
    except ValueError:
        reason = (response.reason or "").strip()
    cause = HTTP_CAUSES.get(status) or (SERVER_ERROR_CAUSE if status >= 500 else None)
    return InputError(f"cannot fetch URL: HTTP {status} {reason}".rstrip(), url, cause=cause)


def _content_length(response: requests.Response) -> int | None:
    try:
        return int(response.headers["content-length"])
    except (KeyError, ValueError):
        return None


def _read_body(
    response: requests.Response, url: str, deadline: float, timeout_s: float, max_bytes: int
) -> bytes:
    """Stream the body, stopping at the deadline or as soon as it exceeds ``max_bytes``.

    ``iter_content(n)`` blocks until n bytes arrive, so a trickle would never reach a clock
    check between chunks; ``read1`` returns whatever one socket read brings.
    """
    import urllib3

    raw: Any = response.raw
    chunks: list[bytes] = []
    size = 0
    try:
        while True:
            _limit_socket_wait(raw, _remaining(deadline, url, timeout_s))
            chunk: bytes = raw.read1(_CHUNK_BYTES, decode_content=True)
            if not chunk:
                return b"".join(chunks)
            size += len(chunk)
            if size > max_bytes:
                raise InputError(
                    f"cannot fetch URL: the page is larger than the limit of {_size(max_bytes)}",
                    url,
                )
            chunks.append(chunk)
    except urllib3.exceptions.HTTPError as exc:
        raise _network_error(exc, url, response.url, timeout_s) from exc


def _limit_socket_wait(raw: Any, seconds: float) -> None:
    """Make the next socket read give up at the deadline (best effort; requests set it once)."""
    sock = getattr(getattr(raw, "connection", None), "sock", None)
    if isinstance(sock, socket.socket):
        sock.settimeout(seconds)


def _remaining(deadline: float, url: str, timeout_s: float) -> float:
    remaining = deadline - time.monotonic()
    if remaining <= 0:
        raise _timed_out(url, timeout_s)
    return remaining


def _timed_out(url: str, timeout_s: float) -> InputError:
    return InputError(
        f"cannot fetch URL: no complete answer within {timeout_s:g} s", url, cause=NETWORK_CAUSE
    )


def _network_error(exc: BaseException, url: str, current: str, timeout_s: float) -> InputError:
    """One line for a failed connection or download, from the innermost error that explains it."""
    import requests
    import urllib3

    chain = list(_causes(exc))

    def found(*kinds: type[BaseException]) -> BaseException | None:
        return next((error for error in chain if isinstance(error, kinds)), None)

    # Not urllib3's TimeoutError: its NewConnectionError (refused, DNS) derives from it.
    if found(requests.exceptions.Timeout, urllib3.exceptions.ReadTimeoutError, TimeoutError):
        return _timed_out(url, timeout_s)
    if found(
        requests.exceptions.InvalidURL,
        requests.exceptions.InvalidSchema,
        urllib3.exceptions.LocationValueError,
    ):
        return InputError("cannot fetch URL: not a valid URL", url)
    verify = found(ssl.SSLCertVerificationError)
    if isinstance(verify, ssl.SSLCertVerificationError):
        detail = verify.verify_message or "certificate not trusted"
        return InputError(f"cannot fetch URL: insecure site ({detail})", url, cause=TLS_CAUSE)
    if found(ssl.SSLError, requests.exceptions.SSLError, urllib3.exceptions.SSLError):
        return InputError("cannot fetch URL: secure connection failed", url, cause=TLS_CAUSE)
    if found(requests.exceptions.ProxyError, urllib3.exceptions.ProxyError):
        return InputError(
            "cannot fetch URL: the proxy failed",
            url,
            cause="the HTTP_PROXY / HTTPS_PROXY settings are wrong, or the proxy is down",
        )
    if found(socket.gaierror, urllib3.exceptions.NameResolutionError):
        host = urlsplit(current).hostname or current
        return InputError(f"cannot fetch URL: host {host} not found", url, cause=NETWORK_CAUSE)
    if found(ConnectionRefusedError):
        return InputError("cannot fetch URL: connection refused", url, cause=NETWORK_CAUSE)
    if found(urllib3.exceptions.DecodeError, requests.exceptions.ContentDecodingError):
        return InputError("cannot fetch URL: the page's compression is broken", url)
    if found(urllib3.exceptions.ProtocolError, requests.exceptions.ChunkedEncodingError):
        return InputError(
            "cannot fetch URL: the connection broke during the download", url, cause=NETWORK_CAUSE
        )
    return InputError(f"cannot fetch URL: {_short_reason(chain)}", url, cause=NETWORK_CAUSE)


def _causes(exc: BaseException) -> Iterator[BaseException]:
    """``exc`` and every error behind it: causes, contexts, and urllib3's wrapped ``reason``."""
    pending = [exc]
    seen: set[int] = set()
    while pending:
        error = pending.pop(0)
        if id(error) in seen:
            continue
        seen.add(id(error))
        yield error
        for inner in (error.__cause__, error.__context__, getattr(error, "reason", None)):
            if isinstance(inner, BaseException):
                pending.append(inner)
        pending.extend(arg for arg in error.args if isinstance(arg, BaseException))


def _short_reason(chain: list[BaseException]) -> str:
    """The operating system's words for the innermost socket error, else a generic phrase."""
    for error in reversed(chain):
        if isinstance(error, OSError) and error.strerror:
            return f"connection failed ({error.strerror.lower()})"
    return "connection failed"


def _size(n_bytes: int) -> str:
    if n_bytes < _MB:
        return f"{n_bytes:,} bytes"
    return f"{n_bytes / _MB:.1f} MB"


__all__ = [
    "DEFAULT_MAX_BYTES",
    "DEFAULT_TIMEOUT_S",
    "MAX_REDIRECTS",
    "USER_AGENT",
    "FetchedPage",
    "fetch_url",
    "is_url",
    "parse_content_type",
]
