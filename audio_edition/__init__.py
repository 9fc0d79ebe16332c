"""audio-edition: turn written articles into podcast-quality audio editions.

>>> from audio_edition import build
>>> edition = build("article.txt")            # doctest: +SKIP
>>> edition.mp3_path, edition.duration_ms     # doctest: +SKIP
"""

from __future__ import annotations

from importlib.metadata import PackageNotFoundError, version

try:
    __version__ = version("audio-edition")
except PackageNotFoundError:  # pragma: no cover - running from a source tree
    __version__ = "0.0.0+source"

from .config import ReadingStyle, Settings, load_settings
from .errors import AudioEditionError, ConfigError, EncodeError, EngineError, InputError
from .ingest import load_article
from .models import Article, Chapter, Cue, Edition, Section
from .pipeline import build

__all__ = [
    "Article",
    "AudioEditionError",
    "Chapter",
    "ConfigError",
    "Cue",
    "Edition",
    "EncodeError",
    "EngineError",
    "InputError",
    "ReadingStyle",
    "Section",
    "Settings",
    "__version__",
    "build",
    "load_article",
    "load_settings",
]
