"""Word timings as the article prints its words: "40,000" carries the span of "forty thousand".

Normalization changes the words: "$2.3 billion" is five spoken words, "U.S." one, a lexicon
name a block of phonemes. The printed and spoken words of a sentence are aligned on the words
they share (compared as bare lowercase letters); each run of printed words between two shared
ones takes the time of the spoken words between them, shared out in order. A printed word that
is not spoken ("(AP)", a footnote mark) joins the word after it.
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Sequence

from ..models import Cue, Segment, TimedWord
from ..tts.alignment import spoken_words

_LETTERS = re.compile(r"[^\w]+")


def printed_word_times(
    display_text: str, spoken_text: str, spoken_times: Sequence[tuple[int, int]]
) -> list[tuple[int, int, str]]:
    """(start, end, printed word) for the words of ``display_text``, from the times of the
    words of ``spoken_text`` (one (start, end) per ``spoken_words(spoken_text)``)."""
    printed = display_text.split()
    spoken = spoken_words(spoken_text)
    if not printed or not spoken or len(spoken) != len(spoken_times):
        return []
    matcher = difflib.SequenceMatcher(
        None, [_key(w) for w in printed], [_key(w) for w in spoken], autojunk=False
    )
    owners: list[list[int]] = [[] for _ in printed]  # spoken word indexes of each printed word
    for tag, p0, p1, s0, s1 in matcher.get_opcodes():
        if tag == "equal":
            for offset in range(p1 - p0):
                owners[p0 + offset].append(s0 + offset)
        elif p1 > p0 and s1 > s0:
            _share(owners, range(p0, p1), list(range(s0, s1)))
        elif s1 > s0:  # spoken words with no printed word ("dollars" after "$2.3 billion")
            _attach(owners, p0, list(range(s0, s1)))
    return _merged(printed, owners, spoken_times)


def _key(word: str) -> str:
    return _LETTERS.sub("", word.casefold())


def _share(owners: list[list[int]], printed: range, spoken: list[int]) -> None:
    """Share ``spoken`` words out over ``printed`` words in order, each at least one when
    there are enough."""
    count = len(printed)
    for rank, index in enumerate(printed):
        lo = rank * len(spoken) // count
        hi = (rank + 1) * len(spoken) // count
        owners[index].extend(spoken[lo:hi])


def _attach(owners: list[list[int]], at: int, spoken: list[int]) -> None:
    """Spoken words between two printed ones go to the printed word before them."""
    target = at - 1 if at > 0 else at
    owners[min(target, len(owners) - 1)].extend(spoken)


def _merged(
    printed: list[str], owners: list[list[int]], times: Sequence[tuple[int, int]]
) -> list[tuple[int, int, str]]:
    words: list[tuple[int, int, str]] = []
    carried: list[str] = []  # printed words not spoken, shown with the next spoken one
    for text, own in zip(printed, owners, strict=True):
        if not own:
            carried.append(text)
            continue
        start = min(times[i][0] for i in own)
        end = max(times[i][1] for i in own)
        words.append((start, end, " ".join([*carried, text])))
        carried = []
    if carried and words:
        start, end, text = words[-1]
        words[-1] = (start, end, " ".join([text, *carried]))
    return words


def edition_words(
    segments: Sequence[Segment],
    word_times: Sequence[tuple[tuple[int, int], ...] | None],
    cues: Sequence[Cue],
    main_voice: str,
) -> tuple[tuple[TimedWord, ...], bool]:
    """The transcript's words for the whole edition, and whether every segment had word
    timings (a segment without them is one entry, its sentence, over its cue)."""
    words: list[TimedWord] = []
    complete = True
    for segment, times, cue in zip(segments, word_times, cues, strict=True):
        speaker = "narrator" if segment.voice == main_voice else segment.kind
        timed = printed_word_times(segment.display_text, segment.spoken_text, times or ())
        if not timed:
            complete = complete and not segment.display_text.split()
            if segment.display_text.strip():
                words.append(TimedWord(cue.start_ms, cue.end_ms, segment.display_text, speaker))
            continue
        words.extend(TimedWord(start, end, text, speaker) for start, end, text in timed)
    return tuple(words), complete


__all__ = ["edition_words", "printed_word_times"]
