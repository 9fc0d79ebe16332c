"""The one place mutagen writes ID3: episode tags, cover and chapters."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from pathlib import Path

from mutagen.id3 import (
    APIC,
    CHAP,
    COMM,
    CTOC,
    ID3,
    TALB,
    TCON,
    TDRC,
    TENC,
    TIT2,
    TLAN,
    TPE1,
    TPE2,
    USLT,
    WOAS,
    CTOCFlags,
    Frame,
    PictureType,
)

from ..models import Article, Chapter
from .cover import CoverImage

# ISO 639-2 codes for the TLAN frame and the language of COMM/USLT.
LANGUAGES = {"en": "eng", "de": "deu", "fr": "fra", "es": "spa", "it": "ita", "nl": "nld",
             "pt": "por", "da": "dan", "sv": "swe", "no": "nor", "fi": "fin", "pl": "pol",
             "uk": "ukr", "ru": "rus"}  # fmt: skip


def _clean(text: str) -> str:
    """ID3 text without control characters (they break some players)."""
    return "".join(ch for ch in text if ch >= " " or ch in "\n\t")


def episode_frames(
    article: Article, chapters: Sequence[Chapter], encoder: str, cover: CoverImage | None
) -> list[Frame]:
    """Every frame of the episode's tag."""
    language = LANGUAGES.get(article.language.split("-")[0].lower(), "und")
    frames: list[Frame] = [
        TIT2(encoding=3, text=_clean(article.headline)),
        TCON(encoding=3, text="Podcast"),
        TLAN(encoding=3, text=language),
        TENC(encoding=3, text=encoder),
        USLT(encoding=3, lang=language, desc="", text=_clean(article.full_text)),
    ]
    if article.authors:
        authors = [_clean(a) for a in article.authors]
        frames += [TPE1(encoding=3, text=authors), TPE2(encoding=3, text=authors)]
    if article.published:
        frames.append(TDRC(encoding=3, text=_id3_time(article.published)))
    if article.publication:
        frames.append(TALB(encoding=3, text=_clean(article.publication)))
    if article.lede:
        frames.append(COMM(encoding=3, lang=language, desc="", text=_clean(article.lede)))
    if article.source_url:
        frames.append(WOAS(url=article.source_url))
    if cover is not None:
        frames.append(cover_frame(cover))
    frames += chapter_frames(chapters)
    return frames


def _id3_time(published: dt.date | dt.datetime) -> str:
    # ID3 timestamps carry no zone: give the local time as published, to the minute.
    if isinstance(published, dt.datetime):
        return published.strftime("%Y-%m-%dT%H:%M")
    return published.isoformat()


def chapter_frames(chapters: Sequence[Chapter]) -> list[Frame]:
    """One CHAP per chapter under a single top-level, ordered CTOC."""
    ids = [f"chp{index}" for index in range(len(chapters))]
    frames: list[Frame] = [
        CTOC(
            element_id="toc",
            flags=CTOCFlags.TOP_LEVEL | CTOCFlags.ORDERED,
            child_element_ids=ids,
            sub_frames=[TIT2(encoding=3, text="Chapters")],
        )
    ]
    for element_id, chapter in zip(ids, chapters, strict=True):
        frames.append(
            CHAP(
                element_id=element_id,
                start_time=chapter.start_ms,
                end_time=chapter.end_ms,
                start_offset=0xFFFFFFFF,
                end_offset=0xFFFFFFFF,
                sub_frames=[TIT2(encoding=3, text=_clean(chapter.title))],
            )
        )
    return frames


def cover_frame(cover: CoverImage) -> APIC:
    """The front cover picture."""
    return APIC(
        encoding=3, mime=cover.mime, type=PictureType.COVER_FRONT, desc="Cover", data=cover.data
    )


class _ChapterOrderedID3(ID3):
    """An ID3 tag that stores frames in a fixed order, chapters in time order.

    mutagen sorts frames by size, which scatters CHAP frames; readers that list chapters as
    stored (ffmpeg among them) then show them shuffled. This relies on mutagen's internal
    ``_write`` hook and ``save_frame``; the chapter-order test catches any change there.
    """

    def _write(self, config: object) -> bytearray:
        from mutagen.id3._tags import save_frame

        def position(frame: Frame) -> tuple[int, int]:
            if frame.FrameID == "CHAP":
                return (2, int(getattr(frame, "start_time", 0)))
            rank = {"TIT2": 0, "CTOC": 1, "USLT": 3, "APIC": 4}.get(frame.FrameID, 0)
            return (rank, 0)

        frames = sorted(self.values(), key=position)
        return bytearray().join(save_frame(frame, config=config) for frame in frames)


def embedded_cover(path: Path) -> CoverImage | None:
    """The front cover picture embedded in an MP3, if any."""
    from mutagen.id3 import ID3NoHeaderError

    try:
        pictures = ID3(path).getall("APIC")
    except (ID3NoHeaderError, OSError):
        return None
    for picture in pictures:
        if picture.mime in ("image/png", "image/jpeg"):
            return CoverImage(picture.data, picture.mime, path.name)
    return None


def write_tags(path: Path, frames: Sequence[Frame], id3_version: int = 3) -> None:
    """Replace the MP3's tag with ``frames``, and check it reads back."""
    tag = _ChapterOrderedID3()
    for frame in frames:
        tag.add(frame)
    if id3_version == 3:
        tag.update_to_v23()  # e.g. TDRC becomes TYER + TDAT + TIME; mutagen leaves this to us
    tag.save(path, v2_version=id3_version, v1=0)
    _check_tags(path, frames)


def _check_tags(path: Path, frames: Sequence[Frame]) -> None:
    """The written tag must read back with its title and every chapter, or nothing is kept."""
    from mutagen import MutagenError

    from ..errors import EncodeError

    try:
        written = ID3(path)
    except (MutagenError, OSError) as exc:
        raise EncodeError(f"the tags written cannot be read back: {exc}", path) from exc
    wanted = sum(1 for frame in frames if frame.FrameID == "CHAP")
    title = next((str(frame) for frame in frames if frame.FrameID == "TIT2"), None)
    if len(written.getall("CHAP")) != wanted or str(written.get("TIT2")) != title:
        raise EncodeError("the tags written do not read back as written", path)
