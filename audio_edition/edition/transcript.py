"""Timed transcripts (WebVTT and SRT, one cue per sentence; Podcasting 2.0 JSON, one segment
per word) and Podcasting 2.0 chapters."""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Any

from ..models import Chapter, Cue, TimedWord


def _timestamp(ms: int, separator: str) -> str:
    hours, rest = divmod(ms, 3_600_000)
    minutes, rest = divmod(rest, 60_000)
    seconds, millis = divmod(rest, 1000)
    return f"{hours:02d}:{minutes:02d}:{seconds:02d}{separator}{millis:03d}"


def _one_line(text: str) -> str:
    # A blank line or "-->" inside a cue would end or corrupt it.
    return " ".join(text.replace("-->", "->").split())


def to_vtt(cues: Sequence[Cue]) -> str:
    """A WebVTT document."""
    blocks = ["WEBVTT"]
    for number, cue in enumerate(cues, 1):
        start, end = _timestamp(cue.start_ms, "."), _timestamp(cue.end_ms, ".")
        blocks.append(f"{number}\n{start} --> {end}\n{_one_line(cue.text)}")
    return "\n\n".join(blocks) + "\n"


def to_srt(cues: Sequence[Cue]) -> str:
    """An SRT document."""
    blocks = []
    for number, cue in enumerate(cues, 1):
        start, end = _timestamp(cue.start_ms, ","), _timestamp(cue.end_ms, ",")
        blocks.append(f"{number}\n{start} --> {end}\n{_one_line(cue.text)}")
    return "\n\n".join(blocks) + "\n"


_VTT_TIMING = re.compile(r"^(\d+):(\d\d):(\d\d)\.(\d{3}) --> (\d+):(\d\d):(\d\d)\.(\d{3})$")


def parse_vtt(document: str) -> list[Cue]:
    """Cues of a WebVTT document written by ``to_vtt`` (one text line per cue)."""
    cues = []
    lines = document.splitlines()
    for index, line in enumerate(lines[:-1]):
        match = _VTT_TIMING.match(line)
        if match:
            h1, m1, s1, ms1, h2, m2, s2, ms2 = (int(group) for group in match.groups())
            start = ((h1 * 60 + m1) * 60 + s1) * 1000 + ms1
            end = ((h2 * 60 + m2) * 60 + s2) * 1000 + ms2
            cues.append(Cue(start, end, lines[index + 1]))
    return cues


CHAPTERS_VERSION = "1.2.0"
"""Version of the Podcasting 2.0 JSON chapters format written."""


def to_chapters_json(chapters: Sequence[Chapter], title: str) -> dict[str, Any]:
    """Chapters in the Podcasting 2.0 JSON format (``application/json+chapters``)."""
    return {
        "version": CHAPTERS_VERSION,
        "title": title,
        "chapters": [
            {"startTime": c.start_ms / 1000, "endTime": c.end_ms / 1000, "title": c.title}
            for c in chapters
        ],
    }


TRANSCRIPT_VERSION = "1.0.0"
"""Version of the Podcasting 2.0 JSON transcript format written."""


def to_json_transcript(words: Sequence[TimedWord]) -> dict[str, Any]:
    """The Podcasting 2.0 JSON transcript (``application/json``): a segment per word."""
    return {
        "version": TRANSCRIPT_VERSION,
        "segments": [
            {
                "speaker": word.speaker,
                "startTime": word.start_ms / 1000,
                "endTime": word.end_ms / 1000,
                "body": word.text,
            }
            for word in words
        ],
    }


def parse_json_transcript(document: dict[str, Any]) -> list[TimedWord]:
    """The words of a transcript written by ``to_json_transcript``."""
    return [
        TimedWord(
            round(float(s["startTime"]) * 1000),
            round(float(s["endTime"]) * 1000),
            str(s["body"]),
            str(s.get("speaker", "")),
        )
        for s in document.get("segments", [])
    ]
