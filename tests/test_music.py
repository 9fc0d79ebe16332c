"""Music under speech: ducked well below the voice, faded in and out, never cut off hard."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest

from audio_edition import InputError
from audio_edition.programme.music import MusicBed, MusicCue, load_music, mix_music

from .conftest import tone_file

RATE = 22050


def db(samples: np.ndarray) -> float:
    return float(20 * np.log10(np.sqrt(np.mean(np.square(samples))) + 1e-12))


def tone(seconds: float, frequency: float = 220.0, level: float = 0.2) -> np.ndarray:
    t = np.arange(int(seconds * RATE)) / RATE
    return (level * np.sin(2 * np.pi * frequency * t)).astype(np.float32)


def test_music_is_ducked_at_least_15_db_under_speech() -> None:
    speech = np.zeros(10 * RATE, dtype=np.float32)
    speech[3 * RATE : 7 * RATE] = tone(4, 180, 0.3)  # "speech" from 3 s to 7 s
    music = tone(10, 440, 0.2)
    mixed = mix_music(speech, RATE, [MusicCue(music, 0)], [(3000, 7000)])
    music_part = mixed - speech
    during = slice(int(3.5 * RATE), int(6.5 * RATE))
    assert db(speech[during]) - db(music_part[during]) >= 15.0
    before = slice(int(1.0 * RATE), int(2.0 * RATE))
    assert db(music_part[before]) > db(music_part[during]) + 15.0  # full level where no one speaks


def test_music_fades_in_and_out_and_stops_at_its_end() -> None:
    speech = np.zeros(6 * RATE, dtype=np.float32)
    mixed = mix_music(speech, RATE, [MusicCue(tone(10), 1000, end_ms=4000)], [])
    assert np.all(mixed[:RATE] == 0)  # nothing before the cue
    assert abs(mixed[RATE]) < 0.01  # starts from silence
    assert np.max(np.abs(mixed[int(2 * RATE) : int(3 * RATE)])) > 0.15
    assert np.all(mixed[4 * RATE + 1 :] == 0)  # nothing after its end
    assert abs(mixed[4 * RATE - 1]) < 0.01  # faded out, not cut off


def test_music_mixed_chunk_by_chunk_equals_the_whole_mix() -> None:
    speech = np.zeros(12 * RATE, dtype=np.float32)
    speech[2 * RATE : 5 * RATE] = tone(3, 180, 0.3)
    speech[8 * RATE : 9 * RATE] = tone(1, 180, 0.3)
    cues = [MusicCue(tone(4, 440), 0, end_ms=3500), MusicCue(tone(6, 330), 6000)]
    spans = [(2000, 5000), (8000, 9000)]
    whole = mix_music(speech, RATE, cues, spans)
    bed = MusicBed(RATE, speech.size, cues, spans)
    step = 4097  # chunk edges fall inside fades, speech and music starts
    pieces = [bed.apply(speech[i : i + step], i) for i in range(0, speech.size, step)]
    assert np.array_equal(np.concatenate(pieces), whole)
    assert np.max(np.abs(whole - speech)) > 0.1  # the music is really there


def test_load_music_decodes_any_format_and_refuses_non_audio(tmp_path: Path) -> None:
    wav = tmp_path / "music.mp3"
    tone_file(wav, 330, 2)
    samples = load_music(wav, RATE)
    assert abs(samples.size / RATE - 2.0) < 0.1
    assert 0.1 < float(np.max(np.abs(samples))) < 0.3  # set to the music level, not full scale
    text = tmp_path / "notes.mp3"
    text.write_text("not music")
    with pytest.raises(InputError, match="not an audio file"):
        load_music(text, RATE)
    with pytest.raises(InputError, match="no such music file"):
        load_music(tmp_path / "missing.mp3", RATE)
