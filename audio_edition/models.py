"""Data shared by every stage of the pipeline: frozen dataclasses, no I/O.

Times are integer milliseconds (``*_ms``) everywhere above the sample level.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal

if TYPE_CHECKING:  # NumPy loads only with the audio stages, so `parse` and `--help` start fast
    import numpy as np

Published = dt.datetime | dt.date
"""A publication moment: a timezone-aware datetime when the time is known, else a date."""


@dataclass(frozen=True)
class Section:
    """A run of paragraphs, optionally under a heading."""

    heading: str | None
    """The subheading as written, or None for an untitled run (e.g. the opening section)."""

    paragraphs: tuple[str, ...]
    """Paragraph texts as displayed, in reading order; none under a part title whose
    subheadings follow (see ``sections_to_read``)."""


def sections_to_read(headed: Iterable[tuple[Section, int]]) -> tuple[Section, ...]:
    """The sections with something to read, from sections paired with their heading's level
    (1 for a top heading, 0 when untitled). A heading with no paragraphs of its own is kept when
    the next section kept is a deeper heading, since it is a part title over its subheadings and
    a listener should hear both; any other empty heading (at the end, or over a heading of its
    own level) heads nothing and is dropped."""
    kept: list[Section] = []
    next_level: int | None = None
    for section, level in reversed(list(headed)):
        over_subheading = next_level is not None and next_level > level
        if section.paragraphs or (section.heading and over_subheading):
            kept.append(section)
            next_level = level
    return tuple(reversed(kept))


@dataclass(frozen=True)
class Article:
    """The structure of one article, as every input form is parsed into."""

    headline: str
    """The article's title."""

    authors: tuple[str, ...] = ()
    """Author names, without "By" or roles."""

    published: Published | None = None
    """When the article was published, as precisely as the source says."""

    publication: str | None = None
    """The site or publication name, when known."""

    lede: str | None = None
    """The opening standfirst paragraph, read right after the byline."""

    language: str = "en"
    """BCP 47 language code of the text."""

    sections: tuple[Section, ...] = ()
    """Body sections in reading order."""

    source_url: str | None = None
    """Where the article lives online, when known."""

    source_id: str | None = None
    """The article's identity where it was listed: a feed entry's guid or id (``sync``)."""

    source_path: Path | None = None
    """The file the article was read from, when it came from a file."""

    image: str | None = None
    """The lead image: a URL, a ``data:`` URI or a path relative to the source file."""

    tags: tuple[str, ...] = ()
    """Keywords or categories given by the source (front matter, page metadata)."""

    def to_dict(self) -> dict[str, Any]:
        """The article model as printed by ``audio-edition parse --json``."""
        return {
            "headline": self.headline,
            "authors": list(self.authors),
            "published": self.published.isoformat() if self.published else None,
            "publication": self.publication,
            "lede": self.lede,
            "language": self.language,
            "sections": [
                {"heading": s.heading, "paragraphs": list(s.paragraphs)} for s in self.sections
            ],
        }

    @property
    def full_text(self) -> str:
        """The article as plain text, for the lyrics tag and the manifest."""
        parts = [self.headline]
        if self.authors:
            parts.append("By " + join_names(self.authors))
        if self.lede:
            parts.append(self.lede)
        for section in self.sections:
            if section.heading:
                parts.append(section.heading)
            parts.extend(section.paragraphs)
        return "\n\n".join(parts)


def join_names(names: tuple[str, ...] | list[str]) -> str:
    """Join names as a reader says them: "A", "A and B", "A, B and C"."""
    if len(names) <= 1:
        return "".join(names)
    return ", ".join(names[:-1]) + " and " + names[-1]


SegmentKind = Literal[
    "intro", "headline", "byline", "lede", "heading", "paragraph", "quote", "outro"
]


@dataclass(frozen=True)
class Segment:
    """One utterance of the spoken script: a sentence, a heading, the byline..."""

    kind: SegmentKind
    """Which part of the article this utterance reads."""

    display_text: str
    """The text as written, for the transcript."""

    spoken_text: str
    """The text as the engine should say it (normalized for speech)."""

    voice: str
    """Name of the voice preset that reads it."""

    pause_after_ms: int
    """Silence after this segment, in milliseconds."""

    chapter: int
    """Index of the chapter this segment belongs to."""

    paragraph: int
    """Index of the paragraph (block) this segment belongs to, counted over the whole script."""


@dataclass(frozen=True)
class ChapterMark:
    """A chapter as the script defines it, before any timing is known."""

    title: str
    """Title shown by podcast apps."""


@dataclass(frozen=True)
class Script:
    """An article turned into utterances, in reading order."""

    segments: tuple[Segment, ...]
    """Every utterance in reading order."""

    chapters: tuple[ChapterMark, ...]
    """Chapter titles; ``Segment.chapter`` indexes into this."""

    lead_in_ms: int = 0
    """Silence before the first segment, in milliseconds."""


@dataclass(frozen=True, eq=False)
class Clip:
    """Synthesized audio for one segment."""

    samples: np.ndarray = field(repr=False)
    """Mono float32 samples in [-1, 1]."""

    sample_rate: int
    """Samples per second."""

    cached: bool
    """True when the clip came from the cache rather than the engine."""

    word_spans: tuple[tuple[int, int], ...] | None = None
    """(start, end) sample of each spoken word of its text (``tts.alignment.spoken_words``),
    when the engine tells where its words are; None when it does not."""

    @property
    def duration_ms(self) -> int:
        return len(self.samples) * 1000 // self.sample_rate


@dataclass(frozen=True)
class Chapter:
    """A timed chapter of the finished audio."""

    title: str
    """Title shown by podcast apps."""

    start_ms: int
    """Start time, in milliseconds."""

    end_ms: int
    """End time (exclusive), in milliseconds."""


@dataclass(frozen=True)
class Cue:
    """A timed transcript cue: one sentence and when it is heard."""

    start_ms: int
    """When the sentence starts, in milliseconds."""

    end_ms: int
    """When the sentence ends, in milliseconds."""

    text: str
    """The sentence as written."""


@dataclass(frozen=True, slots=True)  # an edition holds one per word: no __dict__ each
class TimedWord:
    """One word of the transcript, as the article prints it, and when it is heard."""

    start_ms: int
    end_ms: int
    text: str
    speaker: str
    """Who reads it: "narrator", or the part a voice of its own reads ("quote", ...)."""


@dataclass(frozen=True)
class Edition:
    """A built audio edition of one article: what ``build`` returns."""

    article: Article
    """The article that was read."""

    mp3_path: Path
    """The MP3 file."""

    vtt_path: Path
    """The WebVTT transcript."""

    srt_path: Path
    """The SRT transcript."""

    manifest_path: Path
    """The JSON manifest describing the edition."""

    duration_ms: int
    """Length of the audio, in milliseconds."""

    size_bytes: int
    """Size of the MP3 file, in bytes."""

    chapters: tuple[Chapter, ...]
    """Timed chapters."""

    cues: tuple[Cue, ...]
    """Timed transcript cues, one per sentence."""

    voice: str
    """Name of the voice preset used for the body."""

    clips_synthesized: int
    """How many clips the engine had to synthesize (0 when everything came from the cache)."""

    up_to_date: bool = False
    """True when the existing output already matched and nothing was rebuilt."""

    transcript_path: Path | None = None
    """The word-timed JSON transcript (Podcasting 2.0)."""

    words: tuple[TimedWord, ...] = ()
    """Every word as printed with its time; a segment its voice did not time is one entry."""

    word_timings: bool = False
    """True when every word is timed by the voice (not only sentence by sentence)."""
