"""``python -m audio_edition.cli``: the same as the ``audio-edition`` command."""

from . import main

main()
