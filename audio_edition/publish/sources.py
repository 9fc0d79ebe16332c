"""A site's article feed (RSS, Atom or JSON Feed) -> ``SourceFeed``: its entries and show facts.

RSS and Atom are read by feedparser, which copes with the many dialects and mistakes of real
feeds; JSON Feed, which feedparser does not read, by the few lines below.
"""

from __future__ import annotations

import calendar
import contextlib
import datetime as dt
import email.utils
import json
from dataclasses import dataclass
from typing import Any

from ..errors import InputError

FEED_TYPES = (
    "application/rss+xml", "application/atom+xml", "application/rdf+xml", "application/xml",
    "text/xml", "application/feed+json", "application/json", "text/plain", "text/html",
)  # fmt: skip
"""Media types a feed is served as (some servers call it HTML or plain text)."""


@dataclass(frozen=True)
class FeedEntry:
    """One article listed by the feed."""

    identity: str
    """What the feed calls the entry: its guid or id, else its link."""

    title: str
    link: str | None = None
    authors: tuple[str, ...] = ()
    published: dt.datetime | None = None
    updated: dt.datetime | None = None
    """When the feed says the entry last changed (None when it does not say)."""

    content_html: str | None = None
    """The whole article, when the feed carries it (``content:encoded``, Atom ``content``)."""

    summary_html: str | None = None
    """The teaser (``description``, ``summary``), read when there is no content and no link."""


@dataclass(frozen=True)
class SourceFeed:
    """The feed's own facts (defaults for the podcast) and its entries."""

    title: str | None
    description: str | None
    link: str | None
    image: str | None
    language: str | None
    entries: tuple[FeedEntry, ...]


def read_feed(data: bytes, subject: str) -> SourceFeed:
    """Parse an RSS, Atom or JSON feed; a document that is none of these is an InputError."""
    if data.lstrip()[:1] in (b"{", b"["):
        return _json_feed(data, subject)
    import feedparser

    parsed = feedparser.parse(data)
    channel = parsed.get("feed", {})
    if not parsed.get("version") and not parsed.get("entries"):
        reason = str(parsed.get("bozo_exception") or "no RSS, Atom or JSON Feed found")
        raise InputError(f"not a feed: {reason.splitlines()[0]}", subject)
    entries = tuple(entry for item in parsed.get("entries", []) if (entry := _entry(item)))
    image = channel.get("image", {})
    return SourceFeed(
        title=_text(channel.get("title")),
        description=_text(channel.get("subtitle") or channel.get("description")),
        link=_text(channel.get("link")),
        image=_text(image.get("href") or image.get("url")) if isinstance(image, dict) else None,
        language=_text(channel.get("language")),
        entries=entries,
    )


def _entry(item: Any) -> FeedEntry | None:
    title = _text(item.get("title"))
    link = _text(item.get("link"))
    identity = _text(item.get("id")) or link
    if not identity or not (title or link):
        return None
    contents = [
        c.get("value", "")
        for c in item.get("content", [])
        if "html" in str(c.get("type", "text/html")) and c.get("value", "").strip()
    ]
    authors = tuple(
        name
        for a in item.get("authors", [])
        if isinstance(a, dict) and (name := _text(a.get("name")))
    ) or tuple(filter(None, [_text(item.get("author"))]))
    return FeedEntry(
        identity=identity,
        title=title or link or identity,
        link=link,
        authors=authors,
        published=_moment(item.get("published"), item.get("published_parsed")),
        # Read past feedparser's mapping of a missing "updated" to "published".
        updated=_moment(dict.get(item, "updated"), dict.get(item, "updated_parsed")),
        content_html=max(contents, key=len) if contents else None,
        summary_html=_html(item.get("summary")),
    )


def _json_feed(data: bytes, subject: str) -> SourceFeed:
    try:
        document = json.loads(data)
    except ValueError as exc:
        raise InputError(f"not a feed: invalid JSON ({exc})", subject) from exc
    if not isinstance(document, dict) or "jsonfeed.org" not in str(document.get("version", "")):
        raise InputError("not a feed: JSON without a JSON Feed version", subject)
    entries = []
    for item in document.get("items") or []:
        if not isinstance(item, dict):
            continue
        link = _text(item.get("url"))
        identity = _text(item.get("id")) or link
        if not identity:
            continue
        people = item.get("authors") or ([item["author"]] if item.get("author") else [])
        entries.append(
            FeedEntry(
                identity=identity,
                title=_text(item.get("title")) or link or identity,
                link=link,
                authors=tuple(
                    name for p in people if isinstance(p, dict) and (name := _text(p.get("name")))
                ),
                published=_iso(item.get("date_published")),
                updated=_iso(item.get("date_modified")),
                content_html=_html(item.get("content_html")),
                summary_html=_html(item.get("summary") or item.get("content_text")),
            )
        )
    return SourceFeed(
        title=_text(document.get("title")),
        description=_text(document.get("description")),
        link=_text(document.get("home_page_url")),
        image=_text(document.get("icon")),
        language=_text(document.get("language")),
        entries=tuple(entries),
    )


def _text(value: Any) -> str | None:
    text = " ".join(str(value).split()) if value else ""
    return text or None


def _html(value: Any) -> str | None:
    return str(value).strip() or None if value else None


def _moment(raw: Any, parsed: Any) -> dt.datetime | None:
    """The entry's date with the offset the feed gave (RFC 822 in RSS, ISO 8601 in Atom), else
    feedparser's reading of it, which is in UTC."""
    if raw:
        with contextlib.suppress(TypeError, ValueError, IndexError):
            return email.utils.parsedate_to_datetime(str(raw))
        if (moment := _iso(raw)) is not None:
            return moment
    if not parsed:
        return None
    return dt.datetime.fromtimestamp(calendar.timegm(parsed), dt.timezone.utc)


def _iso(value: Any) -> dt.datetime | None:
    try:
        moment = dt.datetime.fromisoformat(str(value).replace("Z", "+00:00"))
    except ValueError:
        return None
    return moment if moment.tzinfo else moment.replace(tzinfo=dt.timezone.utc)


__all__ = ["FEED_TYPES", "FeedEntry", "SourceFeed", "read_feed"]
