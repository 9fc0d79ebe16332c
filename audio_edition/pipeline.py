"""Orchestration only: article -> script -> clips -> programme -> MP3 + transcripts + manifest.

No click and no printing here; progress is reported through a callback.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import re
import unicodedata
import wave
from collections.abc import Callable, Mapping
from dataclasses import asdict, dataclass, replace
from pathlib import Path
from typing import TYPE_CHECKING, Any

from . import __version__
from .config import Settings
from .cover import CoverImage, choose_cover
from .errors import ConfigError, InputError
from .files import replacing, write_text
from .ingest import load_article, read_source
from .ingest.decode import decode_text
from .lexicon import Lexicon, load_lexicon
from .models import Article, Chapter, Cue, Edition, Script
from .script import Cast, script_lines, speak_lines, spoken_text, write_script
from .transcript import parse_vtt, to_chapters_json, to_srt, to_vtt

if TYPE_CHECKING:
    import numpy as np

    from .tts import Engine, EngineSet

MANIFEST_FORMAT = 1
_MAX_SLUG_CHARS = 60

Progress = Callable[[int, int], None]
"""Called with (segments done, segments in all) as synthesis advances."""


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
    # Engine and tagging modules load only when a build runs, so `parse` starts fast.
    from .tags import episode_frames, write_tags
    from .tts import ClipCache, EngineSet, Synthesizer, default_cache_dir

    settings = settings or Settings()
    article = (
        source if isinstance(source, Article) else load_article(source, input_format=input_format)
    )
    cover = choose_cover(settings.cover, article)  # a bad cover fails before any synthesis
    engines = engines or EngineSet(settings.voices_dir)
    if engine is not None:
        engines = EngineSet(settings.voices_dir, {settings.voice: engine})
    cast = Cast(settings.voice, settings.cast)
    voices = {voice: engines[voice] for voice in cast.voices}  # unknown voices fail here
    script = write_script(
        article,
        settings.style,
        cast,
        settings_lexicon(settings),
        phoneme_voices={name for name, voice in voices.items() if voice.accepts_phonemes},
    )
    music = _music_files(settings)
    script = _make_room_for_music(script, settings)
    paths = _EditionPaths(settings.output_dir, edition_stem(article))
    fingerprint = _fingerprint(article, script, voices, settings, cover, music)
    current = _current_edition(paths, fingerprint, article)
    if current is not None:
        return current
    from .assemble import assemble  # NumPy and SciPy: not needed when the output is current

    cache = ClipCache(settings.cache_dir or default_cache_dir()) if settings.use_cache else None
    synthesizers = {name: Synthesizer(voice, cache) for name, voice in voices.items()}
    clips = []
    total = len(script.segments)
    for done, segment in enumerate(script.segments, 1):
        clips.append(synthesizers[segment.voice].clip(segment.spoken_text))
        if on_progress:
            on_progress(done, total)
    programme = assemble(script, clips)
    samples = _with_music(
        programme.samples, programme.sample_rate, script, programme.cues, settings
    )

    frames = episode_frames(article, programme.chapters, f"audio-edition {__version__}", cover)
    with replacing(paths.mp3) as temp_mp3:
        loudness = _encode_to_standard(samples, programme.sample_rate, settings, temp_mp3)
        write_tags(temp_mp3, frames, settings.id3_version)
    write_text(paths.vtt, to_vtt(programme.cues))
    write_text(paths.srt, to_srt(programme.cues))
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
    )
    manifest = manifest_dict(edition, settings, voices, fingerprint, loudness, cover)
    # The manifest goes last: it marks the edition complete.
    write_text(paths.manifest, json.dumps(manifest, indent=2, ensure_ascii=False) + "\n")
    return edition


# Music under the intro plays alone this long before the first word.
INTRO_MUSIC_LEAD_MS = 3000
# Music under the outro plays on this long after the last word.
OUTRO_MUSIC_TAIL_MS = 5000
# Outro music starts this long before the outro's first word.
OUTRO_MUSIC_EARLY_MS = 1000
# The section sting sits this far into the pause before a heading, and leaves as much after it.
STING_MARGIN_MS = 300


def _music_files(settings: Settings) -> dict[str, str]:
    """Hashes of the music files in use (they shape the output), by their role."""
    files = {
        "intro": settings.intro_music,
        "outro": settings.outro_music,
        "sting": settings.section_sting,
    }
    hashes = {}
    for role, path in files.items():
        if path is None:
            continue
        try:
            hashes[role] = hashlib.sha256(path.read_bytes()).hexdigest()
        except OSError as exc:
            raise InputError(f"cannot read music file: {exc.strerror or exc}", path) from exc
    return hashes


def _make_room_for_music(script: Script, settings: Settings) -> Script:
    """Longer silences where music plays alone: before the first word, after the last, and
    around each section sting."""
    from .encode import probe_duration_ms

    lead_in = script.lead_in_ms
    if settings.intro_music:
        lead_in = max(lead_in, INTRO_MUSIC_LEAD_MS)
    segments = list(script.segments)
    if settings.outro_music and segments:
        last = segments[-1]
        segments[-1] = replace(last, pause_after_ms=max(last.pause_after_ms, OUTRO_MUSIC_TAIL_MS))
    if settings.section_sting:
        sting_ms = probe_duration_ms(settings.section_sting)
        needed = sting_ms + 2 * STING_MARGIN_MS
        for index, segment in enumerate(segments[1:], 1):
            if segment.kind == "heading" and segments[index - 1].kind != "heading":
                before = segments[index - 1]
                segments[index - 1] = replace(
                    before, pause_after_ms=max(before.pause_after_ms, needed)
                )
    return replace(script, segments=tuple(segments), lead_in_ms=lead_in)


def _with_music(
    samples: np.ndarray, rate: int, script: Script, cues: tuple[Cue, ...], settings: Settings
) -> np.ndarray:
    """The programme with intro and outro music and section stings mixed under the speech."""
    if not (settings.intro_music or settings.outro_music or settings.section_sting):
        return samples
    from .music import MusicCue, load_music, mix_music

    placed: list[MusicCue] = []
    spoken = list(zip(script.segments, cues, strict=True))
    if settings.intro_music:
        opening = [cue for segment, cue in spoken if segment.kind in ("intro", "headline")]
        end_ms = (opening[-1].end_ms if opening else INTRO_MUSIC_LEAD_MS) + INTRO_MUSIC_LEAD_MS
        placed.append(MusicCue(load_music(settings.intro_music, rate), 0, end_ms))
    if settings.outro_music:
        closing = [cue for segment, cue in spoken if segment.kind == "outro"] or [cues[-1]]
        start_ms = max(0, closing[0].start_ms - OUTRO_MUSIC_EARLY_MS)
        placed.append(MusicCue(load_music(settings.outro_music, rate), start_ms))
    if settings.section_sting:
        sting = load_music(settings.section_sting, rate)
        for index, (segment, cue) in enumerate(spoken[1:], 1):
            if segment.kind == "heading" and spoken[index - 1][0].kind != "heading":
                start_ms = spoken[index - 1][1].end_ms + STING_MARGIN_MS
                placed.append(MusicCue(sting, start_ms, cue.start_ms - STING_MARGIN_MS // 2))
    speech_spans = [(cue.start_ms, cue.end_ms) for cue in cues]
    return mix_music(samples, rate, placed, speech_spans)


def settings_lexicon(settings: Settings) -> Lexicon:
    """The built-in lexicon with the settings' lexicon file, if any, merged over it."""
    return load_lexicon([settings.lexicon] if settings.lexicon else [])


def spoken_lines(
    source: str | Path,
    settings: Settings | None = None,
    *,
    plain: bool = False,
    input_format: str | None = None,
    engine: Engine | None = None,
) -> list[str]:
    """What the voice would read for ``source`` (a path or ``-``), without synthesizing.

    An article gives one ``kind<TAB>spoken text`` line per segment and an empty line between
    paragraphs; ``plain`` prose gives each input line's spoken form (empty lines stay empty).
    """
    from .tts import engine_for

    settings = settings or Settings()
    engine = engine or engine_for(settings.voice, settings.voices_dir)  # no model loading
    lexicon = settings_lexicon(settings)
    if plain:
        data, subject = read_source(source)
        lines = decode_text(data, subject).splitlines()
        return speak_lines(lines, lexicon, phonemes=engine.accepts_phonemes)
    article = load_article(source, input_format=input_format)
    phoneme_voices = {settings.voice} if engine.accepts_phonemes else set()
    script = write_script(
        article, settings.style, settings.voice, lexicon, phoneme_voices=phoneme_voices
    )
    return list(script_lines(script))


@dataclass(frozen=True)
class Utterance:
    """A phrase said by ``say`` and written to a file."""

    path: Path
    """The WAV or MP3 file written."""

    spoken_text: str
    """What the engine read: normalized, with the lexicon's names."""

    duration_ms: int
    """Length of the speech, in milliseconds."""


SAY_FORMATS = (".wav", ".mp3")
"""File suffixes ``say`` writes."""


def say(
    text: str, output: Path, settings: Settings | None = None, *, engine: Engine | None = None
) -> Utterance:
    """Speak ``text`` (normalized, with the lexicon) with the settings' voice into ``output``:
    16-bit WAV at the voice's rate, or MP3 at the settings' rate and bitrate. No clip cache."""
    from .tts import Synthesizer, engine_for

    settings = settings or Settings()
    if output.suffix.lower() not in SAY_FORMATS:
        raise ConfigError(f"output must end in {' or '.join(SAY_FORMATS)}", output)
    engine = engine or engine_for(settings.voice, settings.voices_dir)
    spoken = spoken_text(text, settings_lexicon(settings), phonemes=engine.accepts_phonemes)
    if not spoken:
        raise InputError("nothing to say: the text is empty once normalized", repr(text))
    clip = Synthesizer(engine, None).clip(spoken)
    if output.suffix.lower() == ".wav":
        write_wav(output, clip.samples, clip.sample_rate)
    else:
        from .dsp import resample
        from .encode import encode_mp3

        with replacing(output) as temp:
            encode_mp3(
                resample(clip.samples, clip.sample_rate, settings.sample_rate),
                settings.sample_rate,
                settings.bitrate_kbps,
                temp,
            )
    return Utterance(output, spoken, clip.duration_ms)


def write_wav(path: Path, samples: np.ndarray, sample_rate: int) -> None:
    """Write mono float samples as a 16-bit PCM WAV file, atomically."""
    from .tts.cache import to_pcm16

    with replacing(path) as temp, wave.open(str(temp), "wb") as out:
        out.setnchannels(1)
        out.setsampwidth(2)
        out.setframerate(sample_rate)
        out.writeframes(to_pcm16(samples))


# How close to the loudness target the encoded file must come before a second encode is tried.
_LOUDNESS_TOLERANCE_LU = 0.3
# MP3 coding of speech at podcast bitrates lowers measured loudness by about this much (measured
# at 48-128 kb/s); aiming above the target by as much usually makes the first encode the last.
_EXPECTED_CODEC_LOSS_LU = 0.4


def _encode_to_standard(
    samples: np.ndarray, rate: int, settings: Settings, mp3_path: Path
) -> dict[str, float]:
    """Set loudness and true peak, encode, and check both on the decoded MP3.

    MP3 coding changes both a little (at 64 kb/s about -0.4 LU and +1 dB of peak), so the
    file is measured after encoding and, when it misses, encoded once more with the error
    corrected. Loudness is set at the voice's rate, then resampled: the true peak belongs to the
    band-limited signal, which resampling keeps.
    """
    from .dsp import resample
    from .encode import decode_audio, encode_mp3
    from .loudness import integrated_loudness, normalize_loudness, true_peak_db

    target, ceiling = settings.target_lufs, settings.max_true_peak_db
    aim, limit = target + _EXPECTED_CODEC_LOSS_LU, ceiling
    for _attempt in range(2):
        mastered = normalize_loudness(samples, rate, aim, limit)
        encode_mp3(
            resample(mastered, rate, settings.sample_rate),
            settings.sample_rate,
            settings.bitrate_kbps,
            mp3_path,
        )
        decoded, _ = decode_audio(mp3_path, rate)
        measured, peak = integrated_loudness(decoded, rate), true_peak_db(decoded)
        if abs(measured - target) <= _LOUDNESS_TOLERANCE_LU and peak <= ceiling:
            break
        aim += target - measured
        limit -= max(0.0, peak - ceiling + 0.1)
    return {"integrated_lufs": round(measured, 2), "true_peak_dbtp": round(peak, 2)}


class _EditionPaths:
    def __init__(self, folder: Path, stem: str) -> None:
        self.mp3 = folder / f"{stem}.mp3"
        self.vtt = folder / f"{stem}.vtt"
        self.srt = folder / f"{stem}.srt"
        self.manifest = folder / f"{stem}.json"
        self.chapters = folder / f"{stem}.chapters.json"


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
    slug = slugify(title) or "article"
    if article.published is None:
        return slug
    day = (
        article.published.date()
        if isinstance(article.published, dt.datetime)
        else article.published
    )
    return f"{day.isoformat()}-{slug}"


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
            "image": None if (article.image or "").startswith("data:") else article.image,
            "tags": list(article.tags),
        },
        "files": {
            "mp3": edition.mp3_path.name,
            "vtt": edition.vtt_path.name,
            "srt": edition.srt_path.name,
            "chapters": f"{edition.mp3_path.stem}.chapters.json",
        },
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


def _current_edition(paths: _EditionPaths, fingerprint: str, article: Article) -> Edition | None:
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
        or not (paths.vtt.is_file() and paths.srt.is_file() and paths.chapters.is_file())
    ):
        return None
    try:
        chapters = tuple(Chapter(**chapter) for chapter in manifest["chapters"])
        cues = tuple(parse_vtt(paths.vtt.read_text(encoding="utf-8")))
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
        )
    except (KeyError, TypeError, ValueError):
        return None
