"""An edition's names and its manifest: where its files go (``EditionPaths``, named from the
date and headline), the manifest written last to mark it complete, and reading a finished
edition back when nothing has changed."""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import re
import unicodedata
from collections.abc import Mapping
from dataclasses import asdict
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ..config import Settings
from ..models import Article, Chapter, Edition
from ..version import __version__
from .transcript import parse_json_transcript, parse_vtt

if TYPE_CHECKING:
    from ..tts import Engine
    from .cover import CoverImage

MANIFEST_FORMAT = 1
_MAX_SLUG_CHARS = 60


class EditionPaths:
    """The files of one edition: ``<stem>.mp3`` and its companions in ``folder``."""

    def __init__(self, folder: Path, stem: str) -> None:
        self.mp3 = folder / f"{stem}.mp3"
        self.vtt = folder / f"{stem}.vtt"
        self.srt = folder / f"{stem}.srt"
        self.manifest = folder / f"{stem}.json"
        self.chapters = folder / f"{stem}.chapters.json"
        self.transcript = folder / f"{stem}.transcript.json"


def slugify(text: str, limit: int = _MAX_SLUG_CHARS) -> str:
    """ASCII, lowercase, hyphen-separated, at most ``limit`` characters, cut at a word."""
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")
    slug = re.sub(r"[^a-z0-9]+", "-", ascii_text.lower()).strip("-")
    if len(slug) > limit:
        slug = slug[: limit + 1].rsplit("-", 1)[0] if "-" in slug[:limit] else slug[:limit]
    return slug


def edition_stem(article: Article) -> str:
    """File name stem: date and the headline's main clause, e.g. ``2025-02-06-ukraine-strikes``."""
    title = article.headline
    main_clause = re.split(r"\s*[:|—–]\s+|\s+-\s+", title, maxsplit=1)[0]
    if len(main_clause.split()) >= 3:
        title = main_clause
    # A headline with no Latin letters gives no slug: a short hash keeps such files apart.
    slug = slugify(title) or f"article-{hashlib.sha256(article.headline.encode()).hexdigest()[:8]}"
    if article.published is None:
        return slug
    day = (
        article.published.date()
        if isinstance(article.published, dt.datetime)
        else article.published
    )
    return f"{day.isoformat()}-{slug}"


def manifest_dict(
    edition: Edition,
    settings: Settings,
    voices: Mapping[str, Engine],
    fingerprint: str,
    loudness: dict[str, float],
    cover: CoverImage | None,
) -> dict[str, Any]:
    """The episode manifest: what the feed and later tools read."""
    article = edition.article
    return {
        "format": MANIFEST_FORMAT,
        "generator": f"audio-edition {__version__}",
        "built_at": dt.datetime.now(dt.timezone.utc).replace(microsecond=0).isoformat(),
        "fingerprint": fingerprint,
        "article": {
            **article.to_dict(),
            "source_url": article.source_url,
            "source_id": article.source_id,
            "image": None if (article.image or "").startswith("data:") else article.image,
            "tags": list(article.tags),
        },
        "files": {
            "mp3": edition.mp3_path.name,
            "vtt": edition.vtt_path.name,
            "srt": edition.srt_path.name,
            "chapters": f"{edition.mp3_path.stem}.chapters.json",
            "transcript": edition.transcript_path.name if edition.transcript_path else None,
        },
        # "words": every word timed by the voice; "sentences": some parts only by sentence
        # (an engine without word timings, such as gTTS).
        "word_timings": "words" if edition.word_timings else "sentences",
        "duration_ms": edition.duration_ms,
        "size_bytes": edition.size_bytes,
        "chapters": [asdict(chapter) for chapter in edition.chapters],
        "cue_count": len(edition.cues),
        "voice": {"name": edition.voice, **voices[edition.voice].identity()},
        "cast": {role: voice for role, voice in settings.cast},
        "loudness": loudness,
        "settings": {
            "bitrate_kbps": settings.bitrate_kbps,
            "sample_rate": settings.sample_rate,
            "target_lufs": settings.target_lufs,
            "max_true_peak_db": settings.max_true_peak_db,
            "id3_version": settings.id3_version,
            "cover": cover.origin if cover else None,
            "style": asdict(settings.style),
        },
    }


def current_edition(paths: EditionPaths, fingerprint: str, article: Article) -> Edition | None:
    """The edition already on disk, when it was built from exactly the same inputs."""
    try:
        manifest = json.loads(paths.manifest.read_text(encoding="utf-8"))
        size = paths.mp3.stat().st_size
    except (OSError, ValueError):
        return None
    if (
        not isinstance(manifest, dict)
        or manifest.get("fingerprint") != fingerprint
        or manifest.get("size_bytes") != size
        or not all(
            path.is_file() for path in (paths.vtt, paths.srt, paths.chapters, paths.transcript)
        )
    ):
        return None
    try:
        chapters = tuple(Chapter(**chapter) for chapter in manifest["chapters"])
        cues = tuple(parse_vtt(paths.vtt.read_text(encoding="utf-8")))
        words = parse_json_transcript(json.loads(paths.transcript.read_text(encoding="utf-8")))
        return Edition(
            article=article,
            mp3_path=paths.mp3,
            vtt_path=paths.vtt,
            srt_path=paths.srt,
            manifest_path=paths.manifest,
            duration_ms=int(manifest["duration_ms"]),
            size_bytes=size,
            chapters=chapters,
            cues=cues,
            voice=str(manifest["voice"]["name"]),
            clips_synthesized=0,
            up_to_date=True,
            transcript_path=paths.transcript,
            words=tuple(words),
            word_timings=manifest.get("word_timings") == "words",
        )
    except (KeyError, TypeError, ValueError):
        return None
