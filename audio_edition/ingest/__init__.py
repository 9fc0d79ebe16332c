"""Readers for every input form; ``load_article`` picks one.

Each reader turns its form into the same ``Article``; the rest of the pipeline never sees the
original form.
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path

from ..errors import InputError
from ..models import Article
from .decode import decode_text
from .text import parse_text

Reader = Callable[[str, "str | Path"], Article]

READERS: dict[str, Reader] = {"text": parse_text}
"""Input format name -> reader taking (decoded text, source) and returning an Article."""

EXTENSIONS = {".txt": "text", ".text": "text", "": "text"}
"""File extension -> input format."""

# Forms a later reader will handle; refused clearly rather than read as plain text.
_NOT_YET = {".html": "HTML", ".htm": "HTML", ".md": "Markdown", ".markdown": "Markdown"}


def load_article(source: str | Path, *, input_format: str | None = None) -> Article:
    """Read and parse the article at ``source`` (a path, or ``-`` for stdin)."""
    data, subject = _read(source)
    suffix = Path(subject).suffix.lower() if subject != "<stdin>" else ""
    chosen = input_format or EXTENSIONS.get(suffix)
    if chosen is None and suffix in _NOT_YET:
        raise InputError(
            f"{_NOT_YET[suffix]} input is not supported yet; paste the article into a .txt file",
            subject,
        )
    if chosen is None:
        chosen = "text"
    reader = READERS.get(chosen)
    if reader is None:
        known = ", ".join(sorted(READERS))
        raise InputError(f"unknown input format {chosen!r} (known: {known})", subject)
    article = reader(decode_text(data, subject), subject)
    if str(source) != "-":
        article = replace(article, source_path=Path(source))
    return article


def _read(source: str | Path) -> tuple[bytes, str]:
    if str(source) == "-":
        return sys.stdin.buffer.read(), "<stdin>"
    path = Path(source)
    try:
        return path.read_bytes(), str(path)
    except FileNotFoundError as exc:
        raise InputError("no such file", path) from exc
    except IsADirectoryError as exc:
        raise InputError("is a folder, not an article file", path) from exc
    except PermissionError as exc:
        raise InputError("permission denied", path) from exc
    except OSError as exc:
        raise InputError(f"cannot read: {exc.strerror or exc}", path) from exc


__all__ = ["EXTENSIONS", "READERS", "load_article", "parse_text"]
