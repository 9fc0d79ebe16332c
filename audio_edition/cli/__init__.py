"""The ``audio-edition`` command: options -> settings -> library call; errors -> one line.

A thin layer over the library, one module per group of commands: ``build_commands``,
``inspect_commands`` (parse, normalize, say, voices, cache) and ``publish_commands`` (feed,
sync, serve), sharing the decorators of ``options``. Status and progress go to stderr;
results (outlines, JSON) to stdout.
"""

from __future__ import annotations

import logging
import sys

import click

from ..version import __version__
from .build_commands import build
from .inspect_commands import cache, normalize, parse, say, voices
from .publish_commands import feed, serve, sync


class _OneLineFormatter(logging.Formatter):
    """ "audio-edition: warning: ...", in the same shape as our error lines."""

    def format(self, record: logging.LogRecord) -> str:
        return f"audio-edition: {record.levelname.lower()}: {record.getMessage()}"


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="audio-edition")
@click.option("--debug", is_flag=True, help="Show full tracebacks on errors.")
def main(debug: bool) -> None:
    """Turn written articles into podcast-quality audio editions.

    \b
    Example:
      audio-edition parse article.txt
      audio-edition build article.txt -o output
      audio-edition say "Talks in Kyiv resumed."
    """
    # Warnings from the library (a damaged cache entry, a text the voice cannot read) go to
    # stderr as one line each; --debug shows the library's debug log too.
    handler = logging.StreamHandler(sys.stderr)
    handler.setFormatter(_OneLineFormatter())
    library = logging.getLogger("audio_edition")
    library.handlers[:] = [handler]
    library.setLevel(logging.DEBUG if debug else logging.WARNING)
    library.propagate = False


for command in (parse, normalize, say, build, voices, cache, feed, sync, serve):
    main.add_command(command)

__all__ = ["main"]
