"""A cast of voices from two engines, spoken intros and outros, and music, built for real.

The Piper voice speaks for real; Google's side answers from a recorded response.
"""

from __future__ import annotations

import json
import socket
from pathlib import Path

import numpy as np
import pytest
import responses
from mutagen.id3 import ID3
from mutagen.mp3 import MP3

from audio_edition import Article, AudioEditionError, ReadingStyle, Section, Settings, build
from audio_edition.media import decode_audio
from audio_edition.script.writer import Cast, intro_text, is_quotation, write_script
from audio_edition.tts import Engine

from .conftest import ENDPOINT, FIXTURES, batchexecute_body, ebur128, tone_file

ARTICLE = FIXTURES / "short-article.txt"


@responses.activate
def test_a_cast_of_two_engines_makes_one_file_with_aligned_chapters(
    tmp_path: Path, google_mp3: bytes, piper: Engine
) -> None:
    responses.post(ENDPOINT, body=batchexecute_body(google_mp3))
    settings = Settings(
        output_dir=tmp_path / "out",
        cache_dir=tmp_path / "cache",
        cast=(("headline", "google-uk"), ("heading", "google-uk")),
    )
    edition = build(ARTICLE, settings, engine=piper)
    assert len(responses.calls) == 2  # the headline and the one heading, nothing else
    info = MP3(edition.mp3_path).info
    assert info.sample_rate == 44100 and info.channels == 1
    tags = ID3(edition.mp3_path)
    chapters = [tags[f"CHAP:{e}"] for e in tags.getall("CTOC")[0].child_element_ids]
    heading_cue = next(c for c in edition.cues if c.text == "Neighbours Take Over")
    assert abs(chapters[1].start_time - heading_cue.start_ms) <= 50
    # The heading is Google's recording: as long as it, not as long as Piper's reading.
    google_seconds = len(decode_audio_bytes_len(google_mp3)) / 24000
    assert abs((heading_cue.end_ms - heading_cue.start_ms) / 1000 - google_seconds) < 0.4
    integrated, peak = ebur128(edition.mp3_path)
    assert -17 <= integrated <= -15 and peak <= -1.0
    manifest = json.loads(edition.manifest_path.read_text())
    assert manifest["cast"] == {"headline": "google-uk", "heading": "google-uk"}
    # Google gives no word timings: its parts are one transcript segment each, over their
    # sentence, and the manifest says the timings are by sentence; Piper's parts are words.
    assert manifest["word_timings"] == "sentences"
    assert edition.transcript_path is not None
    segments = json.loads(edition.transcript_path.read_text())["segments"]
    assert segments[0]["body"] == "Rain Garden Opens on Mill Street"
    assert segments[0]["speaker"] == "headline"
    heading = next(s for s in segments if s["body"] == "Neighbours Take Over")
    assert heading["startTime"] == heading_cue.start_ms / 1000
    assert any(s["body"] == "By" and s["speaker"] == "narrator" for s in segments)


def decode_audio_bytes_len(mp3: bytes) -> np.ndarray:
    from audio_edition.media import decode_audio_bytes

    samples, _ = decode_audio_bytes(mp3, 24000, subject="test")
    from audio_edition.tts import trim_silence

    return trim_silence(samples, 24000)


def test_offline_google_voice_stops_the_build_and_keeps_what_was_made(
    tmp_path: Path, piper: Engine, monkeypatch: pytest.MonkeyPatch
) -> None:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        closed = probe.getsockname()[1]
    for variable in ("https_proxy", "HTTPS_PROXY"):
        monkeypatch.setenv(variable, f"http://127.0.0.1:{closed}")
    settings = Settings(
        output_dir=tmp_path / "out", cache_dir=tmp_path / "cache", cast=(("heading", "google-uk"),)
    )
    with pytest.raises(AudioEditionError) as caught:
        build(ARTICLE, settings, engine=piper)
    assert str(caught.value).startswith(
        "voice google-uk needs internet access (Google Translate TTS)"
    )
    assert list((tmp_path / "cache" / "clips").rglob("*.wav"))  # the clips before it are kept
    assert not (tmp_path / "out").exists() or not list((tmp_path / "out").glob("*.mp3"))


def test_cast_roles_pick_voices_by_part() -> None:
    article = Article(
        headline="Harbour Lights",
        authors=("Ana Ruiz",),
        lede="The lamp turned again.",
        sections=(Section("A Lens", ("“We counted every coin. All of them.”", "It was found.")),),
    )
    cast = Cast("joe", (("headline", "google-uk"), ("quote", "google-us")))
    script = write_script(article, ReadingStyle(), cast)
    voice_of = {segment.display_text: segment.voice for segment in script.segments}
    assert voice_of["Harbour Lights"] == "google-uk"
    assert voice_of["The lamp turned again."] == "joe"
    assert voice_of["A Lens"] == "joe"
    assert voice_of["It was found."] == "joe"
    assert voice_of["“We counted every coin."] == "google-us"
    assert voice_of["All of them.”"] == "google-us"


@pytest.mark.parametrize(
    ("paragraph", "quotation"),
    [
        ("“We counted every coin,” said the treasurer.", False),
        ("“We counted every coin. Some came with drawings.”", True),
        ('"Short and sweet."', True),
        ("He said “yes” and left.", False),
    ],
)
def test_quotations_are_whole_quoted_paragraphs(paragraph: str, quotation: bool) -> None:
    assert is_quotation(paragraph) is quotation


def test_intro_and_outro_templates_leave_out_what_the_article_lacks() -> None:
    article = Article(
        headline="Harbour Lights", authors=("Ana Ruiz", "Bo Li"), publication="The Fjord Courier"
    )
    template = "This is the audio edition of {publication}. {headline}, by {authors}."
    assert (
        intro_text(template, article)
        == "This is the audio edition of The Fjord Courier. Harbour Lights, by Ana Ruiz and Bo Li."
    )
    bare = Article(headline="Harbour Lights")
    assert intro_text(template, bare) is None
    assert (
        intro_text("You've been listening to {headline}. Published {date}.", bare)
        == "You've been listening to Harbour Lights."
    )
    style = ReadingStyle(intro=template, outro="You've been listening to {headline}.")
    script = write_script(article, style, "joe")
    assert script.segments[0].kind == "intro" and script.segments[-1].kind == "outro"
    assert script.segments[-1].spoken_text == "You've been listening to Harbour Lights."


def test_intro_music_plays_before_the_first_word_and_under_it(
    tmp_path: Path, piper: Engine
) -> None:
    music = tmp_path / "intro.mp3"
    tone_file(music, 262, 8)
    settings = Settings(
        output_dir=tmp_path / "out", cache_dir=tmp_path / "cache", intro_music=music
    )
    edition = build(ARTICLE, settings, engine=piper)
    first = edition.cues[0]
    assert first.start_ms >= 3000  # room for the music alone
    samples, rate = decode_audio(edition.mp3_path, 22050)
    alone = samples[int(1.0 * rate) : int(2.5 * rate)]
    assert float(np.sqrt(np.mean(alone**2))) > 0.02  # music, where the plain build is silent
    integrated, peak = ebur128(edition.mp3_path)
    assert -17 <= integrated <= -15 and peak <= -1.0
    with pytest.raises(AudioEditionError, match="cannot read music file"):
        build(
            ARTICLE,
            Settings(output_dir=tmp_path / "o2", intro_music=tmp_path / "none.mp3"),
            engine=piper,
        )
