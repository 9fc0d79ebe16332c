"""Orchestration only: article -> script -> clips -> programme -> MP3 + transcripts + manifest.

No click and no printing here; progress is reported through a callback.
"""

from __future__ import annotations

import hashlib
import json
import logging
import unicodedata
from collections.abc import Callable, Iterator, Mapping
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from ..config import Settings
from ..edition.cover import CoverImage, choose_cover
from ..edition.manifest import EditionPaths, current_edition, edition_stem, manifest_dict
from ..edition.transcript import (
    to_chapters_json,
    to_json_transcript,
    to_srt,
    to_vtt,
)
from ..edition.words import edition_words
from ..errors import AudioEditionError
from ..files import remove_stale_temporaries, replacing, write_text
from ..ingest import load_article
from ..models import Article, Edition, Script
from ..script.writer import Cast, write_script
from ..version import __version__
from .speak import settings_lexicon

if TYPE_CHECKING:
    import numpy as np

    from ..programme.assemble import Assembler, Programme
    from ..programme.music import MusicBed
    from ..tts import Engine, EngineSet, Synthesizer

log = logging.getLogger(__name__)


Progress = Callable[[int, int], None]
"""Called with (segments done, segments in all) as synthesis advances."""


@dataclass
class EditionPlan:
    """Everything a build decides before synthesis: what will be said, by which voices, into
    which files, and the fingerprint that tells whether those files are already current."""

    article: Article
    settings: Settings
    script: Script
    voices: dict[str, Engine]
    cover: CoverImage | None
    music: dict[str, str]
    paths: EditionPaths
    fingerprint: str

    def current(self) -> Edition | None:
        """The edition on disk, when it was built from exactly these inputs."""
        return current_edition(self.paths, self.fingerprint, self.article)


def plan_edition(
    source: str | Path | Article,
    settings: Settings | None = None,
    *,
    engines: EngineSet | None = None,
    input_format: str | None = None,
) -> EditionPlan:
    """Read ``source`` and plan its edition, without synthesizing anything (models are not
    loaded): bad input, a bad cover or an unknown voice fail here."""
    from ..programme.music import make_room_for_music, music_fingerprint
    from ..tts import EngineSet

    settings = settings or Settings()
    article = (
        source
        if isinstance(source, Article)
        else load_article(source, input_format=input_format, max_bytes=settings.max_input_bytes)
    )
    cover = choose_cover(settings.cover, article)  # a bad cover fails before any synthesis
    engines = engines or EngineSet(settings.voices_dir)
    _warn_if_unreadable(article, settings.voice, engines)
    cast = Cast(settings.voice, settings.cast)
    voices = {voice: engines[voice] for voice in cast.voices}  # unknown voices fail here
    script = write_script(
        article,
        settings.style,
        cast,
        settings_lexicon(settings),
        phoneme_voices={name for name, voice in voices.items() if voice.accepts_phonemes},
    )
    music = music_fingerprint(settings)
    script = make_room_for_music(script, settings)
    paths = EditionPaths(settings.output_dir, edition_stem(article))
    fingerprint = _fingerprint(article, script, voices, settings, cover, music)
    return EditionPlan(article, settings, script, voices, cover, music, paths, fingerprint)


def build(
    source: str | Path | Article,
    settings: Settings | None = None,
    *,
    on_progress: Progress | None = None,
    engine: Engine | None = None,
    engines: EngineSet | None = None,
    input_format: str | None = None,
) -> Edition:
    """Build the audio edition of ``source``: a path, an http(s) URL, ``-`` for stdin, or an
    Article. ``input_format`` forces how the source is read (text, html, markdown).

    ``engines`` holds the engines of a run (so a batch loads each voice once); ``engine``
    overrides the engine of ``settings.voice`` (used to count or observe synthesis).
    """
    from ..tts import EngineSet

    settings = settings or Settings()
    if engine is not None:
        engines = EngineSet(settings.voices_dir, {settings.voice: engine})
    plan = plan_edition(source, settings, engines=engines, input_format=input_format)
    if settings.output_dir.is_dir():
        remove_stale_temporaries(settings.output_dir)
    return plan.current() or synthesize_edition(plan, on_progress)


def synthesize_edition(plan: EditionPlan, on_progress: Progress | None = None) -> Edition:
    """Speak the plan's script and write its files: MP3, transcripts, chapters, manifest."""
    # Engine and tagging modules load only when a build runs, so `parse` starts fast.
    from ..edition.tags import episode_frames, write_tags
    from ..programme.encode import encode_to_standard
    from ..programme.music import music_bed
    from ..tts import ClipCache, Synthesizer, default_cache_dir

    article, settings, script, voices = plan.article, plan.settings, plan.script, plan.voices
    cover, music, paths, fingerprint = plan.cover, plan.music, plan.paths, plan.fingerprint
    from ..programme.assemble import (
        Assembler,  # NumPy and soxr: not needed when the output is current
    )
    from ..programme.loudness import LoudnessMeter

    cache = ClipCache(settings.cache_dir or default_cache_dir()) if settings.use_cache else None
    synthesizers = {name: Synthesizer(voice, cache) for name, voice in voices.items()}
    # One rate for the programme: the highest of the cast's voices (the others are resampled).
    rate = max(voice.sample_rate for voice in voices.values())
    # Without music the programme is measured as it is assembled, while synthesis goes on.
    meter = None if music else LoudnessMeter(rate)
    assembler = Assembler(
        script, rate, folder=_output_folder(settings), listener=meter.add if meter else None
    )
    with _speak(script, synthesizers, assembler, on_progress) as programme:
        bed = music_bed(rate, programme.length, script, programme.cues, settings)
        audio = programme.chunks if bed is None else _mixed(programme, bed)
        if meter is None:
            meter = LoudnessMeter(rate)
            for chunk in audio():
                meter.add(chunk)
        frames = episode_frames(article, programme.chapters, f"audio-edition {__version__}", cover)
        with replacing(paths.mp3) as temp_mp3:
            loudness = encode_to_standard(
                audio,
                meter.finish(),
                temp_mp3,
                target_lufs=settings.target_lufs,
                max_true_peak_db=settings.max_true_peak_db,
                sample_rate=settings.sample_rate,
                bitrate_kbps=settings.bitrate_kbps,
                subject=paths.mp3,
            )
            write_tags(temp_mp3, frames, settings.id3_version)
    write_text(paths.vtt, to_vtt(programme.cues))
    write_text(paths.srt, to_srt(programme.cues))
    words, word_timings = edition_words(
        script.segments, programme.word_times, programme.cues, settings.voice
    )
    transcript = json.dumps(to_json_transcript(words), indent=1, ensure_ascii=False)
    write_text(paths.transcript, transcript + "\n")
    chapters_json = to_chapters_json(programme.chapters, article.headline)
    write_text(paths.chapters, json.dumps(chapters_json, indent=2, ensure_ascii=False) + "\n")
    edition = Edition(
        article=article,
        mp3_path=paths.mp3,
        vtt_path=paths.vtt,
        srt_path=paths.srt,
        manifest_path=paths.manifest,
        duration_ms=programme.duration_ms,
        size_bytes=paths.mp3.stat().st_size,
        chapters=programme.chapters,
        cues=programme.cues,
        voice=settings.voice,
        clips_synthesized=sum(s.engine_calls for s in synthesizers.values()),
        transcript_path=paths.transcript,
        words=words,
        word_timings=word_timings,
    )
    manifest = manifest_dict(edition, settings, voices, fingerprint, loudness, cover)
    # The manifest goes last: it marks the edition complete.
    write_text(paths.manifest, json.dumps(manifest, indent=2, ensure_ascii=False) + "\n")
    return edition


def _speak(
    script: Script,
    synthesizers: Mapping[str, Synthesizer],
    assembler: Assembler,
    on_progress: Progress | None,
) -> Programme:
    """Synthesize the script's segments (as many at once as every voice allows) and assemble
    them in order into the programme."""
    from ..tts import clips_in_order

    requests = [(synthesizers[segment.voice], segment.spoken_text) for segment in script.segments]
    workers = min(synthesizer.engine.concurrency for synthesizer in synthesizers.values())
    try:
        for done, clip in enumerate(clips_in_order(requests, workers), 1):
            assembler.add(clip)
            if on_progress:
                on_progress(done, len(requests))
    except BaseException:
        assembler.abandon()
        raise
    return assembler.finish()


def _output_folder(settings: Settings) -> Path:
    """The output folder, created if need be."""
    try:
        settings.output_dir.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise AudioEditionError(
            f"cannot create the output folder: {exc.strerror or exc}", settings.output_dir
        ) from exc
    return settings.output_dir


def _mixed(programme: Programme, bed: MusicBed) -> Callable[[], Iterator[np.ndarray]]:
    """A source of the programme's chunks with the music mixed in."""

    def chunks() -> Iterator[np.ndarray]:
        start = 0
        for chunk in programme.chunks():
            yield bed.apply(chunk, start)
            start += chunk.size

    return chunks


# Below this share of Latin letters, an English voice cannot read the article.
_MIN_LATIN_SHARE = 0.5


def _warn_if_unreadable(article: Article, voice: str, engines: EngineSet) -> None:
    """Warn when the main voice reads English but the article is in another script."""
    text = article.full_text
    letters = [ch for ch in text if ch.isalpha()]
    if not letters:
        return
    latin = sum(1 for ch in letters if unicodedata.name(ch, "").startswith("LATIN"))
    preset_language = getattr(getattr(engines[voice], "preset", None), "language", "en")
    if latin / len(letters) < _MIN_LATIN_SHARE and str(preset_language).startswith("en"):
        log.warning(
            "%s: most of the text is not in the Latin alphabet, and the voice %s reads English;"
            " choose a voice for the article's language with --voice",
            article.source_path or article.headline[:40],
            voice,
        )


def _fingerprint(
    article: Article,
    script: Script,
    voices: Mapping[str, Engine],
    settings: Settings,
    cover: CoverImage | None,
    music: dict[str, str],
) -> str:
    """A hash of everything that shapes the output files."""
    cover_hash = hashlib.sha256(cover.data).hexdigest() if cover else None
    payload = {
        "version": __version__,
        "article": article.to_dict(),
        "source_url": article.source_url,
        "segments": [asdict(segment) for segment in script.segments],
        "chapters": [mark.title for mark in script.chapters],
        "lead_in_ms": script.lead_in_ms,
        "engines": {name: engine.identity() for name, engine in sorted(voices.items())},
        "music": music,
        "audio": [
            settings.bitrate_kbps,
            settings.sample_rate,
            settings.target_lufs,
            settings.max_true_peak_db,
            settings.id3_version,
        ],
        "cover": cover_hash,
    }
    encoded = json.dumps(payload, sort_keys=True, ensure_ascii=False, default=str)
    return hashlib.sha256(encoded.encode("utf-8")).hexdigest()
