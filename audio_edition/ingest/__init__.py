"""Readers: a path, URL or text in, an ``Article`` out; ``load_article`` picks the reader.

Each reader turns its form into the same ``Article``; the rest of the pipeline never sees the
original form. The form comes from ``input_format`` when given, else the file extension, else a
look at the content.
"""

from __future__ import annotations

import re
import sys
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING

from ..config import MAX_INPUT_BYTES
from ..errors import InputError
from ..models import Article
from .decode import decode_text

if TYPE_CHECKING:
    from .fetch import FetchedPage

Reader = Callable[[str, "str | Path"], Article]


def _text_reader(text: str, source: str | Path) -> Article:
    from .text import parse_text

    return parse_text(text, source)


def _html_reader(text: str, source: str | Path) -> Article:
    from .html import parse_html  # trafilatura and lxml load only for HTML

    return parse_html(text, source)


def _markdown_reader(text: str, source: str | Path) -> Article:
    from .markdown import parse_markdown

    return parse_markdown(text, source)


READERS: dict[str, Reader] = {
    "text": _text_reader,
    "html": _html_reader,
    "markdown": _markdown_reader,
}
"""Input format name -> reader taking (decoded text, source) and returning an Article."""

EXTENSIONS = {
    ".txt": "text", ".text": "text",
    ".html": "html", ".htm": "html", ".xhtml": "html",
    ".md": "markdown", ".markdown": "markdown", ".mdown": "markdown", ".mkd": "markdown",
}  # fmt: skip
"""File extension -> input format."""

FORMATS = tuple(READERS)

_HTML_START = re.compile(r"^\s*(?:<!doctype\s+html|<html|<head|<body|<article|<meta|<!--)", re.I)
_MARKDOWN_HINTS = re.compile(r"^(?:---\s*$|\+\+\+\s*$|#{1,6}\s+\S)", re.MULTILINE)
_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?([\w:.-]+)""", re.IGNORECASE)


def sniff_format(text: str) -> str:
    """Guess the form of ``text``: HTML, Markdown or plain text."""
    if _HTML_START.match(text) or re.search(r"<(?:p|div|h1|article)[\s>]", text[:4000], re.I):
        return "html"
    head = text.lstrip()[:4000]
    if head.startswith(("---\n", "+++\n", "---\r\n", "+++\r\n")) or _MARKDOWN_HINTS.match(head):
        return "markdown"
    return "text"


def load_article(
    source: str | Path, *, input_format: str | None = None, max_bytes: int = MAX_INPUT_BYTES
) -> Article:
    """Read and parse the article at ``source``: a path, an http(s) URL, or ``-`` for stdin.

    Files larger than ``max_bytes`` are refused with a clear message, not read into memory.
    """
    if input_format is not None and input_format not in READERS:
        known = ", ".join(FORMATS)
        raise InputError(f"unknown input format {input_format!r} (known: {known})", source)
    if isinstance(source, str) and re.match(r"^[a-z][a-z0-9+.-]*://", source, re.I):
        return _load_url(source, input_format)
    data, subject = read_source(source, max_bytes)
    suffix = Path(subject).suffix.lower() if subject != "<stdin>" else ""
    chosen = input_format or EXTENSIONS.get(suffix)
    text = decode_text(data, subject, declared=_declared_charset(data))
    article = READERS[chosen or sniff_format(text)](text, subject)
    if str(source) != "-":
        article = replace(article, source_path=Path(source))
    return article


def _load_url(url: str, input_format: str | None) -> Article:
    from .fetch import fetch_url

    return article_from_page(fetch_url(url), input_format)


def article_from_page(page: FetchedPage, input_format: str | None = None) -> Article:
    """The article of a fetched web page (HTML, or plain text when served as such)."""
    url = page.url
    text = decode_text(page.data, url, declared=page.charset or _declared_charset(page.data))
    chosen = input_format or {"text/plain": "text"}.get(page.content_type, "html")
    article = READERS[chosen](text, url)
    return replace(article, source_url=article.source_url or page.final_url)


def _declared_charset(data: bytes) -> str | None:
    """The charset an HTML page declares in a <meta> tag, if any."""
    match = _META_CHARSET.search(data[:4096])
    return match.group(1).decode("ascii", "ignore") if match else None


def read_source(source: str | Path, max_bytes: int = MAX_INPUT_BYTES) -> tuple[bytes, str]:
    """The bytes of a file (or of stdin for ``-``) and the name to use for it in messages."""
    if str(source) == "-":
        data = sys.stdin.buffer.read(max_bytes + 1)
        if len(data) > max_bytes:
            raise InputError(_too_large(None, max_bytes), "<stdin>")
        return data, "<stdin>"
    path = Path(source)
    try:
        size = path.stat().st_size
        if size > max_bytes and path.is_file():
            raise InputError(_too_large(size, max_bytes), path)
        return path.read_bytes(), str(path)
    except FileNotFoundError as exc:
        raise InputError("no such file", path) from exc
    except IsADirectoryError as exc:
        raise InputError("is a folder, not an article file", path) from exc
    except PermissionError as exc:
        raise InputError("permission denied", path) from exc
    except OSError as exc:
        raise InputError(f"cannot read: {exc.strerror or exc}", path) from exc


def _too_large(size: int | None, limit: int) -> str:
    what = f"the file is {_human_size(size)}," if size is not None else "the input is"
    return (
        f"{what} larger than the {_human_size(limit)} limit for an article; "
        "use --max-input-size to allow more"
    )


def _human_size(size: int) -> str:
    if size >= 1_000_000:
        return f"{size / 1e6:.1f} MB".replace(".0 MB", " MB")
    if size >= 1_000:
        return f"{size / 1e3:.1f} kB".replace(".0 kB", " kB")
    return f"{size} bytes"


__all__ = [
    "EXTENSIONS",
    "FORMATS",
    "READERS",
    "article_from_page",
    "load_article",
    "read_source",
    "sniff_format",
]
