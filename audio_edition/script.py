"""Article -> Script: the utterances to speak, their pauses and their chapters."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import replace

from .config import ReadingStyle
from .ingest.dates import spoken_date
from .lexicon import Lexicon
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


def write_script(
    article: Article,
    style: ReadingStyle,
    voice: str,
    lexicon: Lexicon | None = None,
    *,
    accepts_phonemes: bool = False,
) -> Script:
    """Turn ``article`` into segments read by ``voice``, paced by ``style``.

    Spoken texts are normalized, then ``lexicon`` says the names it knows, as phonemes when the
    voice's engine ``accepts_phonemes``, else as respellings. Display texts stay as written.
    """
    builder = _ScriptBuilder(voice, style, lexicon, accepts_phonemes)
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

    def __init__(
        self, voice: str, style: ReadingStyle, lexicon: Lexicon | None, phonemes: bool
    ) -> None:
        self.voice = voice
        self.style = style
        self.lexicon = lexicon
        self.phonemes = phonemes
        self.segments: list[Segment] = []
        self._paragraph = -1

    def add(self, kind: SegmentKind, text: str, chapter: int, pause_ms: int) -> None:
        """Add one block (split into sentences), then ``pause_ms`` of silence."""
        self._paragraph += 1
        spoken = [
            (sentence, spoken_sentence(sentence, self.lexicon, phonemes=self.phonemes))
            for sentence in split_sentences(text)
        ]
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


def spoken_sentence(sentence: str, lexicon: Lexicon | None, *, phonemes: bool) -> str:
    """One sentence as the engine reads it: normalized, then with the lexicon's names."""
    words = normalize(sentence)
    return lexicon.apply(words, phonemes=phonemes) if lexicon is not None and words else words


def spoken_text(text: str, lexicon: Lexicon | None, *, phonemes: bool) -> str:
    """Any text (several sentences, a phrase) as the engine reads it, sentence by sentence."""
    sentences = (spoken_sentence(s, lexicon, phonemes=phonemes) for s in split_sentences(text))
    return " ".join(sentence for sentence in sentences if sentence)


def speak_lines(lines: Iterable[str], lexicon: Lexicon | None, *, phonemes: bool) -> list[str]:
    """Plain prose, line by line, as spoken; an empty line stays empty."""
    return [spoken_text(line, lexicon, phonemes=phonemes) if line.strip() else "" for line in lines]


def script_lines(script: Script) -> Iterator[str]:
    """The script as ``kind<TAB>spoken text`` lines, with an empty line between paragraphs."""
    paragraph = None
    for segment in script.segments:
        if paragraph is not None and segment.paragraph != paragraph:
            yield ""
        paragraph = segment.paragraph
        yield f"{segment.kind}\t{segment.spoken_text}"
