"""Package discovery, the one thing pyproject.toml cannot say on its own.

Every package under ``audio_edition/`` is found, so a new subpackage cannot be left out of the
wheel; ``audio_edition.voices`` is added by name because its presets live in the top-level
``voices/`` folder (mapped in ``[tool.setuptools.package-dir]``).
"""

from setuptools import find_packages, setup

setup(
    packages=[*find_packages(include=["audio_edition", "audio_edition.*"]), "audio_edition.voices"]
)
