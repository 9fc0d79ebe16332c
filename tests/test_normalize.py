"""Display text -> spoken text, and sentence splitting, as input/output tables."""

from __future__ import annotations

import pytest

from audio_edition.normalize import MAX_UTTERANCE_CHARS, normalize, split_sentences


@pytest.mark.parametrize(
    ("written", "spoken"),
    [
        ("Dr. Sole met Gen. Hart.", "Doctor Sole met General Hart."),
        ("It cost $1.5bn in total.", "It cost 1.5 billion dollars in total."),
        ("A fund of €310,000 paid half.", "A fund of 310,000 euros paid half."),
        (
            "Sold in 1993 and back by 2023.",
            "Sold in nineteen ninety-three and back by twenty twenty-three.",
        ),
        ("From 2020-2024 it grew.", "From twenty twenty to twenty twenty-four it grew."),
        ("Russia—nearly 40,000 troops", "Russia, nearly 40,000 troops"),
        ("He said “yes” (twice).", "He said yes, twice."),
        ("Rock & roll at 5%", "Rock and roll at 5 percent"),
        ("A claim[1] and another[2].", "A claim and another."),
        ("Pyongyang’s forces", "Pyongyang's forces"),
        ("Published February 6, 2025.", "Published February sixth, twenty twenty-five."),
        ("On Feb. 21st the lamp turned.", "On February twenty-first the lamp turned."),
        ("In May 2024 it rained.", "In May twenty twenty-four it rained."),
    ],
)
def test_normalize(written: str, spoken: str) -> None:
    assert normalize(written) == spoken


@pytest.mark.parametrize(
    ("paragraph", "sentences"),
    [
        ("One. Two? Three!", ["One.", "Two?", "Three!"]),
        ("Dr. Sole spoke. Then Mr. Brekke spoke.", ["Dr. Sole spoke.", "Then Mr. Brekke spoke."]),
        ("J. R. R. Tolkien wrote it. It sold.", ["J. R. R. Tolkien wrote it.", "It sold."]),
        (
            "It was “effectively destroyed.” The rest left.",
            ["It was “effectively destroyed.”", "The rest left."],
        ),
        ("Prices rose 3.5 percent. Wages did not.", ["Prices rose 3.5 percent.", "Wages did not."]),
        ("The U.S. Army said so. Others agreed.", ["The U.S. Army said so.", "Others agreed."]),
    ],
)
def test_split_sentences(paragraph: str, sentences: list[str]) -> None:
    assert split_sentences(paragraph) == sentences


def test_overlong_sentences_are_split_below_the_limit_without_losing_words() -> None:
    sentence = ", ".join(f"clause number {i} of a very long list" for i in range(400)) + "."
    pieces = split_sentences(sentence)
    assert len(pieces) > 1 and all(len(piece) <= MAX_UTTERANCE_CHARS for piece in pieces)
    assert " ".join(pieces).split() == sentence.split()
    unbroken = "x" * 20_000
    assert all(len(piece) <= MAX_UTTERANCE_CHARS for piece in split_sentences(unbroken))
    assert "".join(split_sentences(unbroken)) == unbroken
