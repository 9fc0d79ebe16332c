"""Article -> Script: the utterances to speak, their pauses and their chapters."""

from __future__ import annotations

from dataclasses import replace

from .config import ReadingStyle
from .ingest.dates import spoken_date
from .models import Article, ChapterMark, Script, Segment, SegmentKind, join_names
from .normalize import normalize, split_sentences

# Words of a paragraph used to title an untitled section's chapter.
_UNTITLED_CHAPTER_WORDS = 6


def byline_text(article: Article) -> str | None:
    """ "By Camilla Jessen. Published February 6, 2025.", from the parsed data, never raw text."""
    parts = []
    if article.authors:
        parts.append(f"By {join_names(article.authors)}.")
    if article.published:
        parts.append(f"Published {spoken_date(article.published)}.")
    return " ".join(parts) or None


def write_script(article: Article, style: ReadingStyle, voice: str) -> Script:
    """Turn ``article`` into segments read by ``voice``, paced by ``style``."""
    builder = _ScriptBuilder(voice, style)
    chapters = [ChapterMark(article.headline)]
    builder.add("headline", article.headline, 0, style.after_headline_ms)
    byline = byline_text(article) if style.read_byline else None
    if byline:
        builder.add("byline", byline, 0, style.after_byline_ms)
    if article.lede:
        builder.add("lede", article.lede, 0, style.after_lede_ms)
    for position, section in enumerate(article.sections):
        if section.heading:
            chapters.append(ChapterMark(section.heading))
            builder.pause_before(style.before_heading_ms)
            builder.add("heading", section.heading, len(chapters) - 1, style.after_heading_ms)
        elif position > 0:
            # An untitled section after the opening one still gets its own chapter.
            first_words = section.paragraphs[0].split()[:_UNTITLED_CHAPTER_WORDS]
            chapters.append(ChapterMark(" ".join(first_words).rstrip(",.;:") + "…"))
            builder.pause_before(style.before_heading_ms)
        for paragraph in section.paragraphs:
            builder.add("paragraph", paragraph, len(chapters) - 1, style.between_paragraphs_ms)
    builder.pause_before(style.tail_ms)
    return Script(tuple(builder.segments), tuple(chapters), lead_in_ms=style.lead_in_ms)


class _ScriptBuilder:
    """Collects segments; the pause after the last segment can change until the next is added."""

    def __init__(self, voice: str, style: ReadingStyle) -> None:
        self.voice = voice
        self.style = style
        self.segments: list[Segment] = []
        self._paragraph = -1

    def add(self, kind: SegmentKind, text: str, chapter: int, pause_ms: int) -> None:
        """Add one block (split into sentences), then ``pause_ms`` of silence."""
        self._paragraph += 1
        spoken = [(sentence, normalize(sentence)) for sentence in split_sentences(text)]
        spoken = [(sentence, words) for sentence, words in spoken if words]
        for index, (sentence, words) in enumerate(spoken):
            last = index == len(spoken) - 1
            self.segments.append(
                Segment(
                    kind=kind,
                    display_text=sentence,
                    spoken_text=words,
                    voice=self.voice,
                    pause_after_ms=pause_ms if last else self.style.between_sentences_ms,
                    chapter=chapter,
                    paragraph=self._paragraph,
                )
            )

    def pause_before(self, pause_ms: int) -> None:
        """Set the silence before whatever comes next (e.g. a longer pause before a heading)."""
        if self.segments:
            self.segments[-1] = replace(self.segments[-1], pause_after_ms=pause_ms)
