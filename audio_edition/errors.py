"""One exception family. Every error knows what it is about (usually a file) and says so."""

from __future__ import annotations

from pathlib import Path


class AudioEditionError(Exception):
    """Base of every error audio-edition raises on purpose.

    The CLI prints ``str(error)`` as one line: ``"{subject}: {message}"`` plus a probable cause
    when one can be guessed.
    """

    def __init__(
        self, message: str, subject: str | Path | None = None, *, cause: str | None = None
    ) -> None:
        self.message = message
        self.subject = str(subject) if subject is not None else None
        self.cause = cause
        super().__init__(self.__str__())

    @property
    def reason(self) -> str:
        """The message and its probable cause, without the subject."""
        return f"{self.message}. Probable cause: {self.cause}" if self.cause else self.message

    def __str__(self) -> str:
        return f"{self.subject}: {self.reason}" if self.subject else self.reason


class InputError(AudioEditionError):
    """The article given cannot be read or holds no article."""


class ConfigError(AudioEditionError):
    """A settings file, flag or voice preset is invalid."""


class EngineError(AudioEditionError):
    """A speech engine failed to load or to synthesize."""


class EncodeError(AudioEditionError):
    """ffmpeg failed to encode or decode audio."""
