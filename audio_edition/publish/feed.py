"""A podcast feed of the built editions: RSS 2.0 with the iTunes and Podcasting 2.0 namespaces.

The feed is written with lxml rather than feedgen: feedgen knows nothing of the Podcasting 2.0
namespace (transcripts, JSON chapters) and stamps every file with the time it was made, while
an unchanged folder must give a byte-identical feed.
"""

from __future__ import annotations

import datetime as dt
import email.utils
import json
import uuid
from collections.abc import Sequence
from dataclasses import dataclass, fields, replace
from pathlib import Path
from typing import Any
from urllib.parse import quote

from ..config import CONFIG_FILE, read_toml
from ..errors import ConfigError
from ..models import join_names

ITUNES = "http://www.itunes.com/dtds/podcast-1.0.dtd"
# The Podcasting 2.0 namespace under its original URI: the spec asks apps to accept it as well
# as the newer https://podcastindex.org/namespace/1.0, and gPodder knows only this one.
PODCAST = "https://github.com/Podcastindex-org/podcast-namespace/blob/main/docs/1.0.md"
PSC = "http://podlove.org/simple-chapters"
ATOM = "http://www.w3.org/2005/Atom"
CONTENT = "http://purl.org/rss/1.0/modules/content/"
NAMESPACES = {"itunes": ITUNES, "podcast": PODCAST, "psc": PSC, "atom": ATOM, "content": CONTENT}
# guids are UUIDs in this namespace, made from what identifies the article, never from where
# the folder is hosted: moving the show keeps every episode's identity.
GUID_NAMESPACE = uuid.UUID("6f1d0cbe-4e6c-4ad2-9d16-2b1f6f0a7c11")
FEED_FILE = "feed.xml"
SHOW_COVER = "cover.png"
TRANSCRIPT_TYPES = {
    "transcript": "application/json",
    "vtt": "text/vtt",
    "srt": "application/x-subrip",
}


@dataclass(frozen=True)
class ShowSettings:
    """The podcast as a whole: from ``[feed]`` in ``audio-edition.toml``, then flags."""

    title: str | None = None
    """Show title (required)."""

    base_url: str | None = None
    """Where the output folder will be hosted, e.g. ``https://example.com/audio/`` (required)."""

    description: str = "Audio editions of our articles."
    """Show description."""

    author: str | None = None
    """Show author (defaults to the owner's name)."""

    owner_name: str | None = None
    """iTunes owner name."""

    owner_email: str | None = None
    """iTunes owner email (directories use it to verify ownership)."""

    language: str = "en"
    """Language of the show."""

    category: str = "News"
    """iTunes category."""

    subcategory: str | None = None
    """iTunes subcategory, e.g. "Daily News"."""

    explicit: bool = False
    """Whether the show is marked explicit."""

    image: str | None = None
    """Show artwork: a URL, or a file in the output folder; generated when absent."""

    limit: int | None = None
    """Most episodes in the feed (newest first); None for all."""

    episode_covers: bool = False
    """Generate a cover for each episode from its headline."""


_SHOW_KEYS = {f.name for f in fields(ShowSettings)}
REQUIRED = ("title", "base_url")


def load_show(
    config_path: Path | None = None, *, defaults: dict[str, Any] | None = None, **overrides: Any
) -> ShowSettings:
    """``defaults``, then ``[feed]`` of the config file, then overrides (None values ignored);
    checks requirements."""
    path = config_path or Path(CONFIG_FILE)
    table = read_toml(path) if config_path or path.exists() else {}
    feed = table.get("feed", {})
    if not isinstance(feed, dict):
        raise ConfigError("[feed] must be a table", path)
    unknown = set(feed) - _SHOW_KEYS
    if unknown:
        raise ConfigError(f"unknown [feed] setting(s): {', '.join(sorted(unknown))}", path)
    values = {**(defaults or {}), **feed, **{k: v for k, v in overrides.items() if v is not None}}
    show = replace(ShowSettings(), **values)
    missing = [name for name in REQUIRED if not getattr(show, name)]
    if missing:
        raise ConfigError(
            f"the feed needs {' and '.join(missing)}: set them under [feed] in {CONFIG_FILE} "
            "or give --title / --base-url",
            path,
        )
    base = str(show.base_url)
    return replace(show, base_url=base if base.endswith("/") else base + "/")


@dataclass(frozen=True)
class Episode:
    """One built edition, as its manifest and files describe it."""

    manifest: dict[str, Any]
    """The manifest written by the build."""

    folder: Path
    """The output folder holding its files."""

    @property
    def article(self) -> dict[str, Any]:
        return dict(self.manifest["article"])

    @property
    def mp3(self) -> Path:
        return self.folder / str(self.manifest["files"]["mp3"])

    @property
    def stem(self) -> str:
        return self.mp3.stem

    @property
    def published(self) -> dt.datetime:
        """Publication time (a date alone is midnight UTC); undated editions sort by build."""
        value = self.article.get("published") or self.manifest.get("built_at")
        moment = dt.datetime.fromisoformat(str(value).replace("Z", "+00:00"))
        return moment if moment.tzinfo else moment.replace(tzinfo=dt.timezone.utc)

    @property
    def guid(self) -> str:
        # A feed entry's own id, else the page's address: stable when the headline changes.
        identity = self.article.get("source_id") or self.article.get("source_url") or self.stem
        return f"urn:uuid:{uuid.uuid5(GUID_NAMESPACE, identity)}"

    @property
    def cover(self) -> Path | None:
        """The episode's own cover image beside the MP3, when there is one."""
        candidates = (
            self.folder / f"{self.stem}.cover.png",
            self.folder / f"{self.stem}.cover.jpg",
        )
        return next((path for path in candidates if path.is_file()), None)

    def file(self, kind: str) -> Path | None:
        name = self.manifest["files"].get(kind)
        return self.folder / str(name) if name and (self.folder / str(name)).is_file() else None


def load_episodes(folder: Path) -> list[Episode]:
    """Every complete edition in ``folder`` (a manifest whose MP3 exists), newest first."""
    episodes = []
    for path in sorted(folder.glob("*.json")):
        if path.name.endswith(".chapters.json"):
            continue
        try:
            manifest = json.loads(path.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            continue
        if not isinstance(manifest, dict) or "files" not in manifest or "article" not in manifest:
            continue
        episode = Episode(manifest, folder)
        if episode.mp3.is_file():
            episodes.append(episode)
    return sorted(episodes, key=lambda e: (e.published, e.stem), reverse=True)


def _url(show: ShowSettings, path: Path | str) -> str:
    name = path.name if isinstance(path, Path) else path
    return f"{show.base_url}{quote(name)}"


def _duration(ms: int) -> str:
    seconds = round(ms / 1000)
    return f"{seconds // 3600:02d}:{seconds % 3600 // 60:02d}:{seconds % 60:02d}"


def _npt(ms: int) -> str:
    """Normal play time for Podlove Simple Chapters: HH:MM:SS.mmm."""
    return (
        f"{ms // 3600000:02d}:{ms % 3600000 // 60000:02d}:{ms % 60000 // 1000:02d}.{ms % 1000:03d}"
    )


def _clean(text: str) -> str:
    """Text XML 1.0 can hold: no control characters."""
    return "".join(
        ch for ch in text if ch in "\t\n\r" or (ord(ch) >= 0x20 and ch not in "\ufffe\uffff")
    )


def episode_description(article: dict[str, Any]) -> str:
    """The lede, then the list of sections."""
    parts = [article.get("lede") or article["headline"]]
    headings = [s["heading"] for s in article.get("sections", []) if s.get("heading")]
    if headings:
        parts.append("In this episode: " + "; ".join(headings) + ".")
    return "\n\n".join(parts)


def _element(parent: Any, tag: str, text: str | None = None, **attributes: str) -> Any:
    """A child element; "itunes:image" style names take their namespace from NAMESPACES."""
    from lxml import etree

    prefix, _, local = tag.rpartition(":")
    name = f"{{{NAMESPACES[prefix]}}}{local}" if prefix else tag
    element = etree.SubElement(
        parent, name, {k.rstrip("_"): _clean(v) for k, v in attributes.items()}
    )
    if text is not None:
        element.text = _clean(text)
    return element


def build_feed(episodes: Sequence[Episode], show: ShowSettings, show_image: str) -> bytes:
    """The RSS document, as UTF-8 bytes (deterministic for the same inputs)."""
    from lxml import etree

    rss = etree.Element("rss", nsmap=NAMESPACES, version="2.0")
    channel = _element(rss, "channel")
    _element(channel, "title", show.title)
    _element(channel, "link", show.base_url)
    _element(channel, "description", show.description)
    _element(channel, "language", show.language)
    _element(channel, "generator", "audio-edition")
    _element(
        channel, "atom:link", href=_url(show, FEED_FILE), rel="self", type_="application/rss+xml"
    )
    _element(channel, "itunes:author", show.author or show.owner_name or show.title)
    _element(channel, "itunes:summary", show.description)
    _element(channel, "itunes:type", "episodic")
    _element(channel, "itunes:explicit", "true" if show.explicit else "false")
    _element(channel, "itunes:image", href=show_image)
    image = _element(channel, "image")
    _element(image, "url", show_image)
    _element(image, "title", show.title)
    _element(image, "link", show.base_url)
    category = _element(channel, "itunes:category", text_=show.category)
    if show.subcategory:
        _element(category, "itunes:category", text_=show.subcategory)
    if show.owner_name or show.owner_email:
        owner = _element(channel, "itunes:owner")
        if show.owner_name:
            _element(owner, "itunes:name", show.owner_name)
        if show.owner_email:
            _element(owner, "itunes:email", show.owner_email)
    for episode in episodes[: show.limit] if show.limit else episodes:
        _item(channel, episode, show)
    return bytes(etree.tostring(rss, xml_declaration=True, encoding="UTF-8", pretty_print=True))


def _item(channel: Any, episode: Episode, show: ShowSettings) -> None:
    article = episode.article
    item = _element(channel, "item")
    _element(item, "title", article["headline"])
    description = episode_description(article)
    _element(item, "description", description)
    _element(item, "itunes:summary", description)
    if article.get("source_url"):
        _element(item, "link", article["source_url"])
    _element(item, "guid", episode.guid, isPermaLink="false")
    _element(item, "pubDate", email.utils.format_datetime(episode.published))
    size = str(episode.mp3.stat().st_size)
    _element(item, "enclosure", url=_url(show, episode.mp3), length=size, type_="audio/mpeg")
    _element(item, "itunes:duration", _duration(int(episode.manifest["duration_ms"])))
    if article.get("authors"):
        _element(item, "itunes:author", join_names(article["authors"]))
    _element(item, "itunes:episodeType", "full")
    _element(item, "itunes:explicit", "true" if show.explicit else "false")
    cover = episode.cover
    if cover:
        _element(item, "itunes:image", href=_url(show, cover))
    language = str(article.get("language") or "en")
    for kind, mime in TRANSCRIPT_TYPES.items():
        path = episode.file(kind)
        if path:
            _element(
                item, "podcast:transcript", url=_url(show, path), type_=mime, language=language
            )
    chapters_file = episode.file("chapters")
    if chapters_file:
        _element(
            item,
            "podcast:chapters",
            url=_url(show, chapters_file),
            type_="application/json+chapters",
        )
    chapters = episode.manifest.get("chapters") or []
    if chapters:
        psc = _element(item, "psc:chapters", version="1.2")
        for chapter in chapters:
            _element(
                psc, "psc:chapter", start=_npt(int(chapter["start_ms"])), title=chapter["title"]
            )
