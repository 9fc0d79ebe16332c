"""Voice presets: one TOML file per voice in ``voices/``.

Presets are read from the folder shipped with the package, then ``./voices``, then a folder the
user names; a later folder overrides a voice of the same name.
"""

from __future__ import annotations

import re
import sys
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..errors import ConfigError

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover - exercised on Python 3.10 only
    import tomli as tomllib

_REQUIRED = ("engine", "language")


@dataclass(frozen=True)
class VoicePreset:
    """A named voice: which engine speaks, in which language, with which parameters."""

    name: str
    """Name used on the command line (the file name without ``.toml``)."""

    engine: str
    """Engine name, a key of ``tts.ENGINES``."""

    language: str
    """BCP 47 language tag, e.g. ``en-US``."""

    display_name: str
    """Human-readable name."""

    model: str | None
    """Engine model: a path, or ``package:<module>`` for a model bundled in a Python package."""

    parameters: dict[str, Any] = field(default_factory=dict)
    """Engine parameters (e.g. Piper's ``length_scale``)."""

    path: Path | None = None
    """The preset file."""


def preset_dirs(extra: Path | None = None) -> list[Path]:
    """Folders searched for presets, lowest priority first."""
    package_dir = Path(__file__).resolve().parent.parent
    dirs = [package_dir / "voices", package_dir.parent / "voices", Path.cwd() / "voices"]
    if extra is not None:
        dirs.append(extra)
    unique: list[Path] = []
    for folder in dirs:
        if folder.is_dir() and folder.resolve() not in [d.resolve() for d in unique]:
            unique.append(folder)
    return unique


def load_presets(extra: Path | None = None) -> dict[str, VoicePreset]:
    """Every preset found, by name."""
    presets: dict[str, VoicePreset] = {}
    for folder in preset_dirs(extra):
        for path in sorted(folder.glob("*.toml")):
            preset = read_preset(path)
            presets[preset.name] = preset
    return presets


def write_piper_preset(model: Path, folder: Path, name: str | None = None) -> Path:
    """Write a preset for a Piper model on disk (``.onnx`` with its ``.onnx.json`` beside it)."""
    import json

    from ..files import write_text

    config = Path(f"{model}.json")
    if model.suffix != ".onnx" or not model.is_file():
        raise ConfigError("not a Piper model: give the path of a .onnx file", model)
    try:
        details = json.loads(config.read_text(encoding="utf-8"))
        language = str(details.get("language", {}).get("code") or details["espeak"]["voice"])
    except (OSError, ValueError, KeyError, TypeError, AttributeError) as exc:
        raise ConfigError(f"missing or unreadable voice config {config.name}", model) from exc
    name = name or re.sub(r"[^a-z0-9]+", "-", model.stem.lower()).strip("-")
    language = language.replace("_", "-")
    dataset = details.get("dataset") or model.stem
    preset = folder / f"{name}.toml"
    text = (
        f"# Piper voice from {model.name}, added with `audio-edition voices add`.\n"
        f"display_name = {json.dumps(f'{dataset} ({language}, Piper)')}\n"
        f'engine = "piper"\n'
        f"language = {json.dumps(language)}\n"
        f"model = {json.dumps(str(model.resolve()))}\n\n"
        "[parameters]\nlength_scale = 1.0\n"
    )
    write_text(preset, text)
    return preset


def read_preset(path: Path) -> VoicePreset:
    """Read one preset file; errors name the file and the field."""
    try:
        with path.open("rb") as handle:
            table = tomllib.load(handle)
    except (OSError, tomllib.TOMLDecodeError) as exc:
        raise ConfigError(f"cannot read voice preset: {exc}", path) from exc
    for key in _REQUIRED:
        if not isinstance(table.get(key), str) or not table[key]:
            raise ConfigError(f"field '{key}' is missing or not a string", path)
    parameters = table.get("parameters", {})
    if not isinstance(parameters, dict):
        raise ConfigError("field 'parameters' must be a table", path)
    model = table.get("model")
    if model is not None and not isinstance(model, str):
        raise ConfigError("field 'model' must be a string", path)
    if model and not model.startswith("package:"):
        model = str((path.parent / Path(model).expanduser()).resolve())
    name = path.stem
    return VoicePreset(
        name=name,
        engine=table["engine"],
        language=table["language"],
        display_name=str(table.get("display_name", name)),
        model=model,
        parameters=parameters,
        path=path,
    )
