"""The installed version: for ``--version``, crash reports, the web user agent and the MP3's
encoder tag."""

from importlib.metadata import PackageNotFoundError, version

try:
    __version__ = version("audio-edition")
except PackageNotFoundError:  # pragma: no cover - running from a source tree
    __version__ = "0.0.0+source"
