"""The Piper engine: neural speech from an ONNX voice model, fully offline."""

from __future__ import annotations

import importlib
import importlib.metadata
import importlib.util
import json
import os
from functools import cached_property
from pathlib import Path
from typing import Any

import numpy as np

from ..errors import ConfigError, EngineError
from .voices import VoicePreset

# Cores this process may give to ONNX Runtime (default: all it may run on). Parallel batch
# builds set it in each worker, so that threads times processes stays within the cores.
CORES_VARIABLE = "AUDIO_EDITION_CORES"
# At most this many sentences are synthesized at once. Each call holds its own working memory
# (about 15 MB per second of its speech), so more calls cost memory; past this, each call gets
# more threads instead.
MAX_CONCURRENT_CALLS = 4

# Parameters a preset may set, with Piper's SynthesisConfig field they map to.
PARAMETERS = {
    "length_scale": "length_scale",
    "noise_scale": "noise_scale",
    "noise_w": "noise_w_scale",
    "speaker_id": "speaker_id",
}


def available_cores() -> int:
    """Cores this process may use for synthesis (see ``CORES_VARIABLE``)."""
    given = os.environ.get(CORES_VARIABLE, "")
    if given.isdigit() and int(given) > 0:
        return int(given)
    affinity = getattr(os, "sched_getaffinity", None)
    return len(affinity(0)) if affinity else os.cpu_count() or 1


class PiperEngine:
    """Synthesizes with one Piper voice; the model is loaded once, on first use.

    Several sentences may be synthesized at once from different threads (ONNX Runtime's
    sessions allow concurrent runs, and Piper guards its phonemizer with a lock). On 2 cores,
    two calls of one thread each make speech 10 to 25% faster than one call of two threads
    (benchmarks/RESULTS.md): a single call leaves a core idle in its sequential stretches.
    """

    offline = True
    accepts_phonemes = True
    """Piper speaks ``[[ ... ]]`` in the text as the IPA phonemes inside, not as words."""

    def __init__(self, preset: VoicePreset) -> None:
        unknown = set(preset.parameters) - set(PARAMETERS)
        if unknown:
            raise ConfigError(
                f"unknown Piper parameter(s): {', '.join(sorted(unknown))}", preset.path
            )
        self.preset = preset
        self.model_path, self.config_path = _model_files(preset)
        # Alignments need the onnx package to patch the model; load() finds out for sure.
        self.timed = importlib.util.find_spec("onnx") is not None
        """True when the model reports how long each phoneme lasts (word timings)."""
        self._voice: Any = None
        self._syn_config: Any = None
        cores = available_cores()
        self.concurrency = min(cores, MAX_CONCURRENT_CALLS)
        """How many ``synthesize`` calls may usefully run at once."""
        self._threads_per_call = max(1, cores // self.concurrency)

    @property
    def ready(self) -> bool:
        """True when the model files are present."""
        return self.model_path.is_file() and self.config_path.is_file()

    @cached_property
    def sample_rate(self) -> int:
        with self.config_path.open(encoding="utf-8") as handle:
            return int(json.load(handle)["audio"]["sample_rate"])

    def identity(self) -> dict[str, Any]:
        """Everything that changes the sound, for the cache key (no model loading needed)."""
        stat = self.model_path.stat()
        return {
            "engine": "piper",
            "engine_version": importlib.metadata.version("piper-tts"),
            "model": self.model_path.name,
            "model_bytes": stat.st_size,
            "model_package": _package_version(self.preset.model),
            "parameters": dict(sorted(self.preset.parameters.items())),
        }

    def load(self) -> None:
        """Load the ONNX model (about a second); later calls do nothing."""
        if self._voice is not None:
            return
        if not self.ready:
            raise EngineError(
                f"Piper model not found: {self.model_path}", self.preset.path or self.preset.name
            )
        import onnxruntime
        from piper import PiperConfig, PiperVoice, SynthesisConfig

        options = onnxruntime.SessionOptions()
        options.intra_op_num_threads = self._threads_per_call
        # Memory patterns plan buffers for one input shape; every sentence has its own, so
        # they only add memory (measured: 70 MB less peak on the sample, no slower).
        options.enable_mem_pattern = False
        try:
            with self.config_path.open(encoding="utf-8") as handle:
                config = PiperConfig.from_dict(json.load(handle))
            model, self.timed = _model_with_alignments(self.model_path)
            session = onnxruntime.InferenceSession(
                model, sess_options=options, providers=["CPUExecutionProvider"]
            )
            self._voice = PiperVoice(session=session, config=config)
        except Exception as exc:  # onnxruntime raises its own family
            raise EngineError(f"cannot load Piper model: {exc}", self.model_path) from exc
        self._syn_config = SynthesisConfig(
            **{PARAMETERS[key]: value for key, value in self.preset.parameters.items()}
        )

    def phonemize(self, text: str) -> list[str]:
        """The phonemes Piper speaks for ``text``, one string per sentence (``[[ ]]`` blocks
        included as given): what a lexicon entry must change."""
        self.load()
        return ["".join(sentence) for sentence in self._voice.phonemize(text)]

    def synthesize(self, text: str) -> np.ndarray:
        """Speech for ``text`` as mono float32 samples at ``sample_rate``."""
        return _joined(self._chunks(text, timed=False))

    def synthesize_timed(self, text: str) -> tuple[np.ndarray, list[tuple[int, int]] | None]:
        """Speech for ``text``, and the (start, end) sample of each of its spoken words (see
        ``alignment.spoken_words``); None for the words when the model gives no alignments."""
        from .alignment import spoken_phonemes, spoken_words, word_spans

        chunks = self._chunks(text, timed=True)
        aligned = [c.phoneme_alignments for c in chunks]
        if not self.timed or any(a is None for a in aligned):
            return _joined(chunks), None
        spoken = spoken_phonemes(
            [([a.phoneme for a in al], [a.num_samples for a in al]) for al in aligned if al]
        )
        return _joined(chunks), word_spans(spoken_words(text), spoken, self._word_phonemes)

    def _chunks(self, text: str, *, timed: bool) -> list[Any]:
        """Piper's audio chunks (one per sentence it finds), with alignments when asked."""
        self.load()
        wanted = timed and self.timed
        return list(
            self._voice.synthesize(text, syn_config=self._syn_config, include_alignments=wanted)
        )

    def _word_phonemes(self, word: str) -> str:
        """One word's phonemes, said alone (for matching with the sentence's)."""
        return "".join("".join(sentence) for sentence in self._voice.phonemize(word))


def _joined(chunks: list[Any]) -> np.ndarray:
    if not chunks:
        return np.zeros(0, dtype=np.float32)
    return np.concatenate([c.audio_float_array for c in chunks]).astype(np.float32, copy=False)


def _model_with_alignments(path: Path) -> tuple[str | bytes, bool]:
    """The model, patched in memory to report each phoneme's samples (piper's own patch,
    which needs the onnx package); the path itself when it cannot be patched."""
    try:
        import onnx
        from piper.patch_voice_with_alignment import add_alignment_output
    except ImportError:
        return str(path), False
    model = onnx.load(str(path))
    try:
        add_alignment_output(model)
    except ValueError:  # already patched, or a model without the tensor
        return str(path), len(model.graph.output) > 1
    return model.SerializeToString(), True


def _model_files(preset: VoicePreset) -> tuple[Path, Path]:
    if not preset.model:
        raise ConfigError("field 'model' is required for a Piper voice", preset.path)
    if preset.model.startswith("package:"):
        module_name = preset.model.removeprefix("package:")
        try:
            module = importlib.import_module(module_name)
        except ImportError as exc:
            raise EngineError(
                f"voice package {module_name!r} is not installed",
                preset.path or preset.name,
                cause=f"pip install {module_name.replace('_', '-')}",
            ) from exc
        return Path(module.model_path()), Path(module.config_path())
    model = Path(preset.model)
    return model, Path(f"{model}.json")


def _package_version(model: str | None) -> str | None:
    if not model or not model.startswith("package:"):
        return None
    distribution = model.removeprefix("package:").replace("_", "-")
    try:
        return importlib.metadata.version(distribution)
    except importlib.metadata.PackageNotFoundError:
        return None
