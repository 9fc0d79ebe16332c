"""Where each spoken word is in a clip, from the voice's own phoneme alignments.

Piper reports how many samples each phoneme lasts. Its phonemizer's words are not the words of
the spoken text: espeak runs "of the" together ("ʌvðə") and splits others, so a mapping by
count drifts. Instead each spoken word is phonemized alone, and its phonemes are aligned,
character by character, with the phonemes the voice actually spoke; a word's span runs from
its first matched phoneme's start to its last one's end.
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass

# Lexicon phonemes ("[[ kˈiːɪv ]]") are one spoken word however many words they hold.
_SPOKEN_WORD = re.compile(r"\[\[.*?\]\]|\S+")
# Marks that carry no sound of their own: stress, length, word gaps, punctuation.
_SILENT = re.compile(r"[ˈˌːˑ\s.,;:!?¡¿\"“”'’()\-–—…]")


def spoken_words(spoken_text: str) -> list[str]:
    """The words of a spoken text, as the timings count them."""
    return _SPOKEN_WORD.findall(spoken_text)


@dataclass(frozen=True)
class SpokenPhonemes:
    """The phonemes a voice spoke, each with its span in samples."""

    phonemes: tuple[str, ...]
    starts: tuple[int, ...]
    ends: tuple[int, ...]


def spoken_phonemes(chunks: Sequence[tuple[Sequence[str], Sequence[int]]]) -> SpokenPhonemes:
    """From (phonemes, samples per phoneme) of each chunk the voice made, in order. The
    samples list may hold the sentence's start and end markers too: they take time but are no
    phoneme of a word."""
    phonemes: list[str] = []
    starts: list[int] = []
    ends: list[int] = []
    position = 0
    for symbols, samples in chunks:
        for symbol, count in zip(symbols, samples, strict=True):
            if symbol not in ("^", "$", "_"):
                phonemes.append(symbol)
                starts.append(position)
                ends.append(position + int(count))
            position += int(count)
    return SpokenPhonemes(tuple(phonemes), tuple(starts), tuple(ends))


def word_spans(
    words: Sequence[str],
    spoken: SpokenPhonemes,
    phonemize: Callable[[str], str],
) -> list[tuple[int, int]] | None:
    """(start, end) in samples of each of ``words`` in the speech ``spoken`` was made from,
    or None when the two cannot be matched (too little in common to trust)."""
    if not words:
        return []
    # The phonemes of each word alone, with the index of the word each one belongs to.
    own: list[str] = []
    owner: list[int] = []
    for index, word in enumerate(words):
        for symbol in phonemize(word):
            if not _SILENT.fullmatch(symbol):
                own.append(symbol)
                owner.append(index)
    heard = [i for i, symbol in enumerate(spoken.phonemes) if not _SILENT.fullmatch(symbol)]
    heard_symbols = [spoken.phonemes[i] for i in heard]
    matcher = difflib.SequenceMatcher(None, own, heard_symbols, autojunk=False)
    first: list[int | None] = [None] * len(words)
    last: list[int | None] = [None] * len(words)
    matched = 0
    for block in matcher.get_matching_blocks():
        for offset in range(block.size):
            word_index = owner[block.a + offset]
            phoneme = heard[block.b + offset]
            matched += 1
            if first[word_index] is None:
                first[word_index] = phoneme
            last[word_index] = phoneme
    if not own or matched < 0.5 * len(own):
        return None
    return _filled(first, last, spoken)


def _filled(
    first: list[int | None], last: list[int | None], spoken: SpokenPhonemes
) -> list[tuple[int, int]]:
    """Spans of the matched words; a word with no matched phoneme takes the gap between its
    neighbours, and every word starts where the previous one ended at the earliest."""
    total = spoken.ends[-1] if spoken.ends else 0
    spans: list[tuple[int, int]] = []
    for index, (head, tail) in enumerate(zip(first, last, strict=True)):
        previous_end = spans[-1][1] if spans else 0
        if head is None or tail is None:
            following = next((f for f in first[index + 1 :] if f is not None), None)
            end = spoken.starts[following] if following is not None else total
            spans.append((previous_end, max(previous_end, end)))
            continue
        start = max(previous_end, spoken.starts[head])
        spans.append((start, max(start, spoken.ends[tail])))
    return spans


__all__ = ["SpokenPhonemes", "spoken_phonemes", "spoken_words", "word_spans"]
