"""Word timings: from Piper's phoneme alignments to the words as the article prints them."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from audio_edition import Article, Section, Settings, build
from audio_edition.edition.words import printed_word_times
from audio_edition.script.lexicon import load_lexicon
from audio_edition.script.normalize import normalize
from audio_edition.tts import Engine
from audio_edition.tts.alignment import spoken_words

# (printed, spoken, printed words with the spoken words whose time they carry)
MAPPINGS = [
    ("Nearly 40,000 troops.", "Nearly forty thousand troops.",
     [("Nearly", [0]), ("40,000", [1, 2]), ("troops.", [3])]),
    ("It cost $2.3 billion, they said.", "It cost two point three billion dollars, they said.",
     [("It", [0]), ("cost", [1]), ("$2.3", [2, 3, 4]), ("billion,", [5, 6]), ("they", [7]),
      ("said.", [8])]),
    ("The U.S. Army left.", "The U.S Army left.",
     [("The", [0]), ("U.S.", [1]), ("Army", [2]), ("left.", [3])]),
    ("KYIV, Ukraine (AP) — Talks resumed.", "Kyiv, Ukraine, Talks resumed.",
     [("KYIV,", [0]), ("Ukraine", [1]), ("(AP) — Talks", [2]), ("resumed.", [3])]),
    ("Talks in Qatar resumed.", "Talks in [[ kˈʌtɑːɹ ]] resumed.",
     [("Talks", [0]), ("in", [1]), ("Qatar", [2]), ("resumed.", [3])]),
    ("On Sept. 12 at 5 p.m.", "On September twelfth at five p.m.",
     [("On", [0]), ("Sept.", [1]), ("12", [2]), ("at", [3]), ("5", [4]), ("p.m.", [5])]),
]  # fmt: skip


@pytest.mark.parametrize(("printed", "spoken", "expected"), MAPPINGS)
def test_printed_words_carry_the_time_of_their_spoken_words(
    printed: str, spoken: str, expected: list[tuple[str, list[int]]]
) -> None:
    words = spoken_words(spoken)
    times = [(100 * i, 100 * i + 80) for i in range(len(words))]
    got = printed_word_times(printed, spoken, times)
    want = [(times[own[0]][0], times[own[-1]][1], text) for text, own in expected]
    assert got == want


def _voice(piper: Engine) -> object:
    piper.load()  # type: ignore[attr-defined]
    assert piper.timed, "piper-tts[alignment] (onnx) is installed with the project"  # type: ignore[attr-defined]
    return piper


HARD = (
    "Nearly 40,000 troops of the U.S. Army arrived on Sept. 12, 2025, at 5 p.m., said Gov. "
    "Maria Delgado, and the $2.3 billion plan for Qatar's 1,300 sq km of desert was signed."
)


def test_the_voice_places_every_spoken_word_in_order_within_its_speech(piper: Engine) -> None:
    voice = _voice(piper)
    spoken = load_lexicon().apply(normalize(HARD), phonemes=True)
    audio, spans = voice.synthesize_timed(spoken)  # type: ignore[attr-defined]
    words = spoken_words(spoken)
    assert spans is not None and len(spans) == len(words)
    assert all(a < b for a, b in spans), "every word takes time"
    assert all(spans[i][1] <= spans[i + 1][0] for i in range(len(spans) - 1)), "in order"
    assert spans[-1][1] <= len(audio)
    # Long words last longer than short ones: "thousand" (two syllables) against "of".
    length = {w: b - a for w, (a, b) in zip(words, spans, strict=True)}
    assert length["thousand"] > length["of"]
    # The speech is covered: no gap between words is longer than a pause at a comma.
    rate = voice.sample_rate  # type: ignore[attr-defined]
    gaps = [spans[i + 1][0] - spans[i][1] for i in range(len(spans) - 1)]
    assert max(gaps) < 0.6 * rate


def test_a_build_writes_a_word_timed_transcript_that_a_warm_rebuild_keeps(
    tmp_path: Path, piper: Engine
) -> None:
    _voice(piper)
    article = Article(headline="Desert Plan Signed", sections=(Section(None, (HARD,)),))
    cache = tmp_path / "cache"
    edition = build(article, Settings(output_dir=tmp_path / "a", cache_dir=cache), engine=piper)
    assert edition.word_timings and edition.transcript_path is not None
    document = json.loads(edition.transcript_path.read_text(encoding="utf-8"))
    assert document["version"] == "1.0.0"
    segments = document["segments"]
    # One segment per printed word, as printed, in order, each inside its sentence's cue.
    bodies = [s["body"] for s in segments]
    assert bodies == ["Desert", "Plan", "Signed", *HARD.split()]
    assert "40,000" in bodies and "$2.3" in bodies and "Qatar's" in bodies
    assert all(s["speaker"] == "narrator" for s in segments)
    starts = [s["startTime"] for s in segments]
    assert starts == sorted(starts)
    sentence = edition.cues[-1]
    for s in segments[3:]:
        assert sentence.start_ms / 1000 - 0.01 <= s["startTime"] < s["endTime"]
        assert s["endTime"] <= sentence.end_ms / 1000 + 0.01
    manifest = json.loads(edition.manifest_path.read_text(encoding="utf-8"))
    assert manifest["word_timings"] == "words"
    assert manifest["files"]["transcript"] == edition.transcript_path.name

    # From the cache, in another folder: nothing synthesized, the same word times.
    warm = build(article, Settings(output_dir=tmp_path / "b", cache_dir=cache), engine=piper)
    assert warm.clips_synthesized == 0
    assert warm.transcript_path is not None
    assert json.loads(warm.transcript_path.read_text(encoding="utf-8")) == document
    # Up to date: the words are read back with the edition.
    again = build(article, Settings(output_dir=tmp_path / "b", cache_dir=cache), engine=piper)
    assert again.up_to_date and again.words == warm.words
