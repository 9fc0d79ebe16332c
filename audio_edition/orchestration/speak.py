"""Speech without an edition: what the voice will say (``normalize``) and a phrase to a file
(``say``, ``voices preview``)."""

from __future__ import annotations

import wave
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from ..config import Settings
from ..errors import ConfigError, InputError
from ..files import replacing
from ..ingest import load_article, read_source
from ..ingest.decode import decode_text
from ..script.lexicon import Lexicon, load_lexicon
from ..script.writer import script_lines, speak_lines, spoken_text, write_script

if TYPE_CHECKING:
    import numpy as np

    from ..tts import Engine


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
    from ..tts import engine_for

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
    from ..tts import Synthesizer, engine_for

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
        from ..programme.dsp import resample
        from ..programme.encode import encode_mp3

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
    from ..media import to_pcm16

    with replacing(path) as temp, wave.open(str(temp), "wb") as out:
        out.setnchannels(1)
        out.setsampwidth(2)
        out.setframerate(sample_rate)
        out.writeframes(to_pcm16(samples))
