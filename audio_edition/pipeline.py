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
from collections.abc import Callable
from dataclasses import asdict, dataclass
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
from .models import Article, Chapter, Edition, Script
from .script import script_lines, speak_lines, spoken_text, write_script
from .transcript import parse_vtt, to_srt, to_vtt

if TYPE_CHECKING:
    import numpy as np

    from .tts import Engine

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
    input_format: str | None = None,
) -> Edition:
    """Build the audio edition of ``source``: a path, an http(s) URL, ``-`` for stdin, or an
    Article. ``input_format`` forces how the source is read (text, html, markdown).

    ``engine`` overrides the engine of ``settings.voice`` (used to count or observe synthesis).
    """
    # Engine and tagging modules load only when a build runs, so `parse` starts fast.
    from .tags import episode_frames, write_tags
    from .tts import ClipCache, Synthesizer, default_cache_dir, engine_for

    settings = settings or Settings()
    article = (
        source if isinstance(source, Article) else load_article(source, input_format=input_format)
    )
    cover = choose_cover(settings.cover, article)  # a bad cover fails before any synthesis
    engine = engine or engine_for(settings.voice, settings.voices_dir)
    lexicon = settings_lexicon(settings)
    script = write_script(
        article, settings.style, settings.voice, lexicon, accepts_phonemes=engine.accepts_phonemes
    )
    paths = _EditionPaths(settings.output_dir, edition_stem(article))
    fingerprint = _fingerprint(article, script, engine, settings, cover)
    current = _current_edition(paths, fingerprint, article)
    if current is not None:
        return current
    from .assemble import assemble  # NumPy and SciPy: not needed when the output is current

    cache = ClipCache(settings.cache_dir or default_cache_dir()) if settings.use_cache else None
    synthesizer = Synthesizer(engine, cache)
    clips = []
    total = len(script.segments)
    for done, segment in enumerate(script.segments, 1):
        clips.append(synthesizer.clip(segment.spoken_text))
        if on_progress:
            on_progress(done, total)
    programme = assemble(script, clips)

    frames = episode_frames(article, programme.chapters, f"audio-edition {__version__}", cover)
    with replacing(paths.mp3) as temp_mp3:
        loudness = _encode_to_standard(programme.samples, programme.sample_rate, settings, temp_mp3)
        write_tags(temp_mp3, frames, settings.id3_version)
    write_text(paths.vtt, to_vtt(programme.cues))
    write_text(paths.srt, to_srt(programme.cues))
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
        clips_synthesized=synthesizer.engine_calls,
    )
    manifest = manifest_dict(edition, settings, engine, fingerprint, loudness, cover)
    # The manifest goes last: it marks the edition complete.
    write_text(paths.manifest, json.dumps(manifest, indent=2, ensure_ascii=False) + "\n")
    return edition


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
    script = write_script(
        article, settings.style, settings.voice, lexicon, accepts_phonemes=engine.accepts_phonemes
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
        from .assemble import resample
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
    from .assemble import resample
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
    article: Article, script: Script, engine: Engine, settings: Settings, cover: CoverImage | None
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
        "engine": engine.identity(),
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
    engine: Engine,
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
        },
        "duration_ms": edition.duration_ms,
        "size_bytes": edition.size_bytes,
        "chapters": [asdict(chapter) for chapter in edition.chapters],
        "cue_count": len(edition.cues),
        "voice": {"name": edition.voice, **engine.identity()},
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
        or not (paths.vtt.is_file() and paths.srt.is_file())
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
