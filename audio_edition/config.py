"""Settings in one place: defaults -> ``audio-edition.toml`` -> CLI flags, in that order."""

from __future__ import annotations

import dataclasses
import sys
from dataclasses import dataclass, field, fields, replace
from pathlib import Path
from typing import Any, TypeVar

from .errors import ConfigError

MAX_INPUT_BYTES = 10_000_000
"""Largest article file read unless the caller allows more: ten times a long book chapter."""

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover - exercised on Python 3.10 only
    import tomli as tomllib

CONFIG_FILE = "audio-edition.toml"
DEFAULT_VOICE = "joe"


@dataclass(frozen=True)
class ReadingStyle:
    """How the article is paced. Pauses are silences after a part, in milliseconds."""

    lead_in_ms: int = 300
    """Silence before the first word."""

    after_headline_ms: int = 1000
    """Pause after the headline."""

    after_byline_ms: int = 900
    """Pause after the byline and date."""

    after_lede_ms: int = 1000
    """Pause after the lede."""

    before_heading_ms: int = 1200
    """Pause before a section heading (replaces the paragraph pause)."""

    after_heading_ms: int = 700
    """Pause after a section heading."""

    between_paragraphs_ms: int = 700
    """Pause between paragraphs."""

    between_sentences_ms: int = 300
    """Pause between sentences of a paragraph."""

    tail_ms: int = 1500
    """Silence after the last word."""

    read_byline: bool = True
    """Read "By ... Published ..." after the headline."""

    urls: str = "read"
    """Web addresses in the text: "read" says the site ("example dot com"), "drop" says "a link"."""

    intro: str | None = None
    """Spoken intro template, e.g. "This is the audio edition of {publication}. {headline},
    by {authors}." Fields: headline, authors, publication, date."""

    outro: str | None = None
    """Spoken outro template, e.g. "You've been listening to {headline}, from {publication}."."""


@dataclass(frozen=True)
class Settings:
    """Everything a build needs besides the article."""

    output_dir: Path = Path("output")
    """Folder the MP3 and its companions are written to."""

    voice: str = DEFAULT_VOICE
    """Name of the voice preset that reads the article."""

    voices_dir: Path | None = None
    """Extra folder of voice presets."""

    cover: Path | None = None
    """Cover image embedded in the MP3."""

    cast: tuple[tuple[str, str], ...] = ()
    """(role, voice) pairs giving roles their own voice; see ``script.ROLES``."""

    intro_music: Path | None = None
    """Music under the start: alone for a moment, then ducked under the first words."""

    outro_music: Path | None = None
    """Music under the end: starts under the last words and plays out after them."""

    section_sting: Path | None = None
    """A short sound played in the pause before each section heading."""

    max_input_bytes: int = MAX_INPUT_BYTES
    """Largest article file read; larger ones are refused with a clear message."""

    lexicon: Path | None = None
    """Pronunciation lexicon (TOML) merged over the built-in one; None means the built-in only."""

    cache_dir: Path | None = None
    """Clip cache folder; None means the user cache directory."""

    use_cache: bool = True
    """Reuse and store synthesized clips."""

    bitrate_kbps: int = 64
    """MP3 constant bitrate, in kilobits per second."""

    sample_rate: int = 44100
    """MP3 sample rate, in hertz."""

    target_lufs: float = -16.0
    """Integrated loudness of the result, in LUFS (ITU-R BS.1770)."""

    max_true_peak_db: float = -1.0
    """Highest true peak of the result, in dBTP."""

    id3_version: int = 3
    """ID3v2 minor version of the tags: 3 (widest support) or 4."""

    style: ReadingStyle = field(default_factory=ReadingStyle)
    """Pauses and reading options."""


_SETTINGS_KEYS = {f.name for f in fields(Settings)} - {"style"}
_STYLE_KEYS = {f.name for f in fields(ReadingStyle)}
_PATH_KEYS = {
    "output_dir", "voices_dir", "cover", "cache_dir", "lexicon", "intro_music", "outro_music",
    "section_sting",
}  # fmt: skip
CAST_ROLES = ("headline", "byline", "heading", "body", "quote", "intro", "outro")
"""Parts of an edition that a cast can give their own voice."""


def load_settings(config_path: Path | None = None, **overrides: Any) -> Settings:
    """Defaults, then the config file (``./audio-edition.toml`` unless given), then overrides.

    Overrides whose value is None are ignored, so CLI flags that were not given change nothing.
    Keys of ``ReadingStyle`` may be given as overrides too.
    """
    path = config_path or Path(CONFIG_FILE)
    table = read_toml(path) if config_path or path.exists() else {}
    build_table = dict(table.get("build", {}))
    style_table = dict(table.get("style", {}))
    cast_table = table.get("cast", {})
    if not isinstance(cast_table, dict) or not all(isinstance(v, str) for v in cast_table.values()):
        raise ConfigError("[cast] must map roles to voice names", path)
    _check_roles(cast_table, path)
    if cast_table:
        build_table["cast"] = tuple(sorted(cast_table.items()))
    unknown = (set(table) - {"build", "style", "feed", "cast"}) | (
        set(build_table) - _SETTINGS_KEYS
    )
    unknown |= set(style_table) - _STYLE_KEYS
    if unknown:
        raise ConfigError(f"unknown setting(s): {', '.join(sorted(unknown))}", path)
    given = {k: v for k, v in overrides.items() if v is not None and v != ()}
    if "cast" in given:  # roles given as flags replace the file's for those roles only
        given["cast"] = tuple(
            sorted({**dict(build_table.get("cast", ())), **dict(given["cast"])}.items())
        )
        _check_roles(dict(given["cast"]), "--voice")
    style_values = {**style_table, **{k: v for k, v in given.items() if k in _STYLE_KEYS}}
    build_values = {**build_table, **{k: v for k, v in given.items() if k in _SETTINGS_KEYS}}
    stray = set(given) - _STYLE_KEYS - _SETTINGS_KEYS
    if stray:
        raise TypeError(f"unknown override(s): {', '.join(sorted(stray))}")
    for key in _PATH_KEYS & set(build_values):
        build_values[key] = Path(build_values[key]).expanduser()
    try:
        style = _checked(ReadingStyle(**style_values), path)
        return _checked(replace(Settings(), **build_values, style=style), path)
    except TypeError as exc:  # pragma: no cover - unknown keys are caught above
        raise ConfigError(str(exc), path) from exc


def _check_roles(cast: dict[str, str], subject: str | Path) -> None:
    unknown = set(cast) - set(CAST_ROLES)
    if unknown:
        roles = ", ".join(CAST_ROLES)
        raise ConfigError(
            f"unknown cast role(s): {', '.join(sorted(unknown))} (roles: {roles})", subject
        )


def read_toml(path: Path) -> dict[str, Any]:
    try:
        with path.open("rb") as handle:
            table: dict[str, Any] = tomllib.load(handle)
            return table
    except FileNotFoundError as exc:
        raise ConfigError("no such file", path) from exc
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(f"invalid TOML: {exc}", path) from exc


_Checked = TypeVar("_Checked", Settings, ReadingStyle)


def _checked(value: _Checked, path: Path) -> _Checked:
    """Check every field's type and range against its declared default."""
    for f in dataclasses.fields(value):
        current = getattr(value, f.name)
        if f.name.endswith("_ms") and (not isinstance(current, int) or current < 0):
            raise ConfigError(f"{f.name} must be a whole number of milliseconds >= 0", path)
    if isinstance(value, ReadingStyle) and value.urls not in ("read", "drop"):
        raise ConfigError('urls must be "read" or "drop"', path)
    if isinstance(value, Settings):
        if value.bitrate_kbps not in (
            32,
            40,
            48,
            56,
            64,
            80,
            96,
            112,
            128,
            160,
            192,
            224,
            256,
            320,
        ):
            raise ConfigError(f"bitrate {value.bitrate_kbps} kb/s is not an MP3 bitrate", path)
        if value.sample_rate not in (22050, 24000, 32000, 44100, 48000):
            raise ConfigError(f"sample rate {value.sample_rate} Hz is not supported for MP3", path)
        if value.id3_version not in (3, 4):
            raise ConfigError("id3_version must be 3 or 4", path)
    return value
