"""Publishing: a folder of built editions in; a podcast feed (feed.xml), a listening page
(index.html) and show artwork out. ``sources`` reads the site feeds that ``sync`` follows."""

from __future__ import annotations

import json
import shutil
from dataclasses import dataclass
from pathlib import Path

from ..edition.transcript import to_chapters_json
from ..errors import InputError
from ..files import replacing
from .artwork import write_artwork
from .feed import FEED_FILE, SHOW_COVER, Episode, ShowSettings, build_feed, load_episodes, load_show
from .page import build_page

PAGE_FILE = "index.html"


@dataclass(frozen=True)
class Publication:
    """What ``publish`` wrote."""

    feed_path: Path
    """The RSS feed."""

    page_path: Path
    """The listening page."""

    episodes: int
    """How many episodes the feed lists."""


def publish(folder: Path, show: ShowSettings) -> Publication:
    """Write ``feed.xml`` and ``index.html`` for the editions in ``folder``."""
    if not folder.is_dir():
        raise InputError("no such folder", folder)
    episodes = load_episodes(folder)
    for episode in episodes:
        _complete(episode, show)
    local_image = _show_image(folder, show)
    feed_image = show.image if _is_url(show.image) else f"{show.base_url}{local_image}"
    listed = episodes[: show.limit] if show.limit else episodes
    feed = build_feed(listed, show, str(feed_image))
    page = build_page(listed, show, local_image or "")
    _write_if_changed(folder / FEED_FILE, feed)
    _write_if_changed(folder / PAGE_FILE, page.encode("utf-8"))
    return Publication(folder / FEED_FILE, folder / PAGE_FILE, len(listed))


def _complete(episode: Episode, show: ShowSettings) -> None:
    """Files an older build may lack: the JSON chapters, and the covers the feed names."""
    from ..edition.tags import embedded_cover

    chapters_path = episode.folder / f"{episode.stem}.chapters.json"
    if not chapters_path.is_file():
        from ..models import Chapter

        chapters = [Chapter(**c) for c in episode.manifest.get("chapters") or []]
        data = to_chapters_json(chapters, episode.article["headline"])
        _write_if_changed(
            chapters_path, (json.dumps(data, indent=2, ensure_ascii=False) + "\n").encode()
        )
        episode.manifest["files"]["chapters"] = chapters_path.name
    has_embedded_cover = bool(episode.manifest.get("settings", {}).get("cover"))
    if episode.cover is None:
        # Reading an MP3's tag costs milliseconds; only those the manifest says have a cover.
        embedded = embedded_cover(episode.mp3) if has_embedded_cover else None
        if embedded is not None:
            suffix = ".png" if embedded.mime == "image/png" else ".jpg"
            _write_if_changed(episode.folder / f"{episode.stem}.cover{suffix}", embedded.data)
        elif show.episode_covers:
            write_artwork(
                episode.folder / f"{episode.stem}.cover.png",
                episode.article["headline"],
                show.title,
            )


def _show_image(folder: Path, show: ShowSettings) -> str | None:
    """The show artwork's file name in ``folder`` (copied there, or drawn when there is none)."""
    if _is_url(show.image):
        return None
    if show.image:
        source = Path(show.image)
        source = source if source.is_absolute() or source.exists() else folder / source
        if not source.is_file():
            raise InputError("show image not found", show.image)
        if source.resolve().parent != folder.resolve():
            shutil.copyfile(source, folder / source.name)
        return source.name
    write_artwork(folder / SHOW_COVER, str(show.title), "audio-edition")
    return SHOW_COVER


def _is_url(value: str | None) -> bool:
    return bool(value) and str(value).startswith(("http://", "https://"))


def _write_if_changed(path: Path, data: bytes) -> None:
    """Atomic write, skipped when the file already holds exactly ``data``."""
    if path.is_file() and path.read_bytes() == data:
        return
    with replacing(path) as temp:
        temp.write_bytes(data)


__all__ = ["Publication", "ShowSettings", "load_show", "publish"]
