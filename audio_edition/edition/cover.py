"""The episode's cover picture: the user's ``--cover``, else the article's own lead image.

A lead image is used when it is embedded in the page (a ``data:`` URI), a file beside the
article, or on the web when the article itself came from the web. Reading a local file never
touches the network.
"""

from __future__ import annotations

import base64
import binascii
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import unquote, urlsplit

from ..errors import AudioEditionError, InputError
from ..models import Article

COVER_TYPES = {b"\x89PNG\r\n\x1a\n": "image/png", b"\xff\xd8\xff": "image/jpeg"}
# A lead image larger than this is not worth embedding in every copy of the MP3.
MAX_LEAD_IMAGE_BYTES = 5 * 1024 * 1024


@dataclass(frozen=True, eq=False)
class CoverImage:
    """A picture to embed as the episode's front cover."""

    data: bytes
    """The image file's bytes."""

    mime: str
    """``image/jpeg`` or ``image/png``: the types every podcast app shows."""

    origin: str
    """Where it came from (a path or URL), for the manifest."""


def image_type(data: bytes) -> str | None:
    """The MIME type of JPEG or PNG data, from its first bytes; None for anything else."""
    return next((mime for magic, mime in COVER_TYPES.items() if data.startswith(magic)), None)


def read_cover(path: Path) -> CoverImage:
    """The user's cover file; a clear error when it is unreadable or not JPEG/PNG."""
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise InputError(f"cannot read cover image: {exc.strerror or exc}", path) from exc
    mime = image_type(data)
    if mime is None:
        raise InputError("cover must be a JPEG or PNG image", path)
    return CoverImage(data, mime, str(path))


def choose_cover(user_cover: Path | None, article: Article) -> CoverImage | None:
    """``user_cover`` when given, else the article's usable lead image, else None."""
    if user_cover is not None:
        return read_cover(user_cover)
    try:
        return lead_image(article)
    except AudioEditionError:
        return None  # a missing lead image is no reason to fail a build


def lead_image(article: Article) -> CoverImage | None:
    """The article's lead image when it is embedded, local, or the article came from the web."""
    image = (article.image or "").strip()
    if not image:
        return None
    if image.startswith("data:"):
        data = _data_uri(image)
    elif urlsplit(image).scheme in ("http", "https"):
        came_from_web = article.source_path is None and article.source_url is not None
        if not came_from_web:
            return None
        from ..ingest.fetch import fetch_url

        data = fetch_url(
            image, max_bytes=MAX_LEAD_IMAGE_BYTES, accept=tuple(COVER_TYPES.values())
        ).data
    elif article.source_path is not None and not urlsplit(image).scheme:
        folder = article.source_path.parent.resolve()
        path = (folder / unquote(image)).resolve()
        # Only a picture inside the article's own folder: an article cannot make the tool
        # read (and publish) some other file on the machine.
        if not path.is_relative_to(folder) or not path.is_file():
            return None
        if path.stat().st_size > MAX_LEAD_IMAGE_BYTES:
            return None
        data = path.read_bytes()
    else:
        return None
    mime = image_type(data)
    return (
        CoverImage(data, mime, image if not image.startswith("data:") else "data: URI")
        if mime
        else None
    )


def _data_uri(uri: str) -> bytes:
    header, _, payload = uri.partition(",")
    if ";base64" not in header:
        return unquote(payload).encode("latin-1", "ignore")
    try:
        return base64.b64decode(payload, validate=False)
    except (binascii.Error, ValueError):
        return b""
