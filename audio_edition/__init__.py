"""audio-edition: turn written articles into podcast-quality audio editions.

>>> from audio_edition import build
>>> edition = build("article.txt")            # doctest: +SKIP
>>> edition.mp3_path, edition.duration_ms     # doctest: +SKIP
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from .config import ReadingStyle, Settings, load_settings
from .errors import AudioEditionError, ConfigError, EncodeError, EngineError, InputError
from .models import Article, Chapter, Cue, Edition, Section
from .version import __version__

if TYPE_CHECKING:
    from .ingest import load_article
    from .orchestration.pipeline import build
    from .orchestration.sync import sync


def __getattr__(name: str) -> Any:
    # The readers and the pipeline (ftfy, num2words...) load on first use, so that
    # `audio-edition --help` and other light commands start fast.
    if name == "build":
        from .orchestration.pipeline import build

        return build
    if name == "load_article":
        from .ingest import load_article

        return load_article
    if name == "sync":
        from .orchestration.sync import sync

        return sync
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


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
    "sync",
]
