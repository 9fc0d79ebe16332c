"""Article -> Script: the utterances to speak, their pauses and their chapters."""

from __future__ import annotations

import re
from collections.abc import Collection, Iterable, Iterator
from dataclasses import dataclass, replace

from ..config import ReadingStyle
from ..errors import ConfigError
from ..ingest.dates import spoken_date
from ..models import Article, ChapterMark, Script, Segment, SegmentKind, join_names
from .lexicon import Lexicon
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


# Which role reads each kind of segment.
ROLE_OF_KIND: dict[SegmentKind, str] = {
    "headline": "headline", "byline": "byline", "lede": "body", "heading": "heading",
    "paragraph": "body", "quote": "quote", "intro": "intro", "outro": "outro",
}  # fmt: skip


@dataclass(frozen=True)
class Cast:
    """Who reads what: a voice for each role, the main voice for the rest."""

    voice: str
    """The main voice: reads every role the cast does not name."""

    roles: tuple[tuple[str, str], ...] = ()
    """(role, voice) pairs, e.g. (("headline", "google-uk"),)."""

    def voice_for(self, kind: SegmentKind) -> str:
        return dict(self.roles).get(ROLE_OF_KIND[kind], self.voice)

    @property
    def voices(self) -> tuple[str, ...]:
        """Every voice of the cast, the main voice first."""
        return tuple(dict.fromkeys([self.voice, *(voice for _, voice in self.roles)]))


def is_quotation(paragraph: str) -> bool:
    """A paragraph that is one quotation from its first character to its last."""
    text = paragraph.strip()
    return (
        len(text) > 2
        and text[0] in QUOTE_OPENERS
        and text.rstrip(".,!?;:").endswith(tuple(QUOTE_CLOSERS))
        and not any(closer in text[1:-2] for closer in ("”", "»"))
    )


QUOTE_OPENERS = '“"«‘'
QUOTE_CLOSERS = ("”", '"', "»", "’")


def intro_text(template: str | None, article: Article) -> str | None:
    """A spoken intro or outro from ``template``: {headline}, {authors}, {publication},
    {date}. A sentence whose field the article lacks is left out, rather than read half-empty."""
    if not template:
        return None
    fields = {
        "headline": article.headline,
        "authors": join_names(article.authors),
        "publication": article.publication or "",
        "date": spoken_date(article.published) if article.published else "",
    }
    kept = []
    for sentence in split_sentences(template):
        names = re.findall(r"{(\w+)}", sentence)
        if any(name not in fields for name in names):
            raise ConfigError(f"unknown field in intro/outro template: {sentence!r}", "template")
        if all(fields[name] for name in names):
            kept.append(sentence.format(**fields))
    return " ".join(kept) or None


def write_script(
    article: Article,
    style: ReadingStyle,
    cast: Cast | str,
    lexicon: Lexicon | None = None,
    *,
    phoneme_voices: Collection[str] = (),
) -> Script:
    """Turn ``article`` into segments read by the ``cast`` (or one voice), paced by ``style``.

    Spoken texts are normalized, then ``lexicon`` says the names it knows: as phonemes for the
    voices in ``phoneme_voices`` (engines that read IPA), else as respellings. Display texts
    stay as written.
    """
    cast = Cast(cast) if isinstance(cast, str) else cast
    builder = _ScriptBuilder(cast, style, lexicon, frozenset(phoneme_voices))
    chapters = [ChapterMark(article.headline)]
    intro = intro_text(style.intro, article)
    if intro:
        builder.add("intro", intro, 0, style.after_headline_ms)
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
            kind: SegmentKind = "quote" if is_quotation(paragraph) else "paragraph"
            builder.add(kind, paragraph, len(chapters) - 1, style.between_paragraphs_ms)
    outro = intro_text(style.outro, article)
    if outro:
        builder.pause_before(style.before_heading_ms)
        builder.add("outro", outro, len(chapters) - 1, style.tail_ms)
    builder.pause_before(style.tail_ms)
    return Script(tuple(builder.segments), tuple(chapters), lead_in_ms=style.lead_in_ms)


class _ScriptBuilder:
    """Collects segments; the pause after the last segment can change until the next is added."""

    def __init__(
        self,
        cast: Cast,
        style: ReadingStyle,
        lexicon: Lexicon | None,
        phoneme_voices: frozenset[str],
    ) -> None:
        self.cast = cast
        self.style = style
        self.lexicon = lexicon
        self.phoneme_voices = phoneme_voices
        self.segments: list[Segment] = []
        self._paragraph = -1

    def add(self, kind: SegmentKind, text: str, chapter: int, pause_ms: int) -> None:
        """Add one block (split into sentences), then ``pause_ms`` of silence."""
        self._paragraph += 1
        voice = self.cast.voice_for(kind)
        phonemes = voice in self.phoneme_voices
        spoken = [
            (
                sentence,
                spoken_sentence(sentence, self.lexicon, phonemes=phonemes, urls=self.style.urls),
            )
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
                    voice=voice,
                    pause_after_ms=pause_ms if last else self.style.between_sentences_ms,
                    chapter=chapter,
                    paragraph=self._paragraph,
                )
            )

    def pause_before(self, pause_ms: int) -> None:
        """Set the silence before whatever comes next (e.g. a longer pause before a heading)."""
        if self.segments:
            self.segments[-1] = replace(self.segments[-1], pause_after_ms=pause_ms)


def spoken_sentence(
    sentence: str, lexicon: Lexicon | None, *, phonemes: bool, urls: str = "read"
) -> str:
    """One sentence as the engine reads it: normalized, then with the lexicon's names."""
    words = normalize(sentence, urls=urls)
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
