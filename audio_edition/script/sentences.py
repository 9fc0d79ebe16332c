"""Text -> sentences: split where a sentence ends, not at an abbreviation, and keep each piece
short enough for the engine to read in one breath."""

from __future__ import annotations

import re

from .speech_tables import (
    ABBREVIATIONS,
    AP_STATES,
    MONTH_ABBREVIATIONS,
    NEVER_FINAL,
    SENTENCE_OPENERS,
)

# A sentence may end at . ! ? or … (optionally followed by a closing quote or bracket), before
# a space and something that can start a sentence; ``_ends_sentence`` decides.
_SENTENCE_BREAK = re.compile(r"(?<=[.!?…])[\"”’')\]]*\s+(?=[\"“‘'(\[]*[A-Z0-9])")
_INITIAL = re.compile(r"(?:^|\s)[A-Z]\.$")
# Abbreviations whose period may also close the sentence: they close it before a word that
# opens sentences ("in the U.S. The economy"), not before a name or a zone ("5 p.m. ET").
MAY_CLOSE_SENTENCE = (
    frozenset(ABBREVIATIONS) - NEVER_FINAL | frozenset(AP_STATES) | {"a.m.", "p.m."}
)
# Longest utterance handed to the engine in one piece; longer sentences are split at commas.
MAX_UTTERANCE_CHARS = 400


def keeps_full_stop(match: re.Match[str]) -> str:
    """ "." when ``match`` swallowed the full stop that ends its sentence ("... at 9 a.m.")."""
    rest = match.string[match.end() :]
    # Sentences are normalized one by one: only the period at the very end closes one.
    ends_sentence = not rest.strip(" \"”’')]")
    return "." if match[0].endswith(".") and ends_sentence else ""


def split_sentences(text: str) -> list[str]:
    """Split a paragraph into sentences where they end, not at abbreviations: "Dr. Smith",
    "on Sept. 12", "No. 4", "J. R. R. Tolkien" and "5 p.m. Tuesday" stay whole."""
    pieces: list[str] = []
    start = 0
    for match in _SENTENCE_BREAK.finditer(text):
        before = text[start : match.start()]
        if not _ends_sentence(before, text[match.end() :]):
            continue
        pieces.append((before.rstrip() + match[0].strip()).strip())
        start = match.end()
    pieces.append(text[start:].strip())
    return [piece for sentence in pieces if sentence for piece in _bounded(sentence)]


def _ends_sentence(before: str, after: str) -> bool:
    """Whether the period (or other mark) closing ``before`` ends its sentence."""
    words = before.split()
    last = words[-1].lstrip("\"“‘'([") if words else ""
    following = after.split(maxsplit=1)[0].lstrip("\"“‘'([") if after.strip() else ""
    next_is_number = following[:1].isdigit()
    if last in ("No.", "Nos.") or last in MONTH_ABBREVIATIONS:
        return not next_is_number
    if last in NEVER_FINAL or _INITIAL.search(before):
        return False
    if last in MAY_CLOSE_SENTENCE:
        return following.rstrip(",.;:") in SENTENCE_OPENERS
    return True


def _bounded(sentence: str, limit: int = MAX_UTTERANCE_CHARS) -> list[str]:
    """Split an over-long sentence at semicolons, commas, then spaces, then anywhere."""
    if len(sentence) <= limit:
        return [sentence]
    for separator in ("; ", ", ", " "):
        parts = sentence.split(separator)
        if len(parts) > 1:
            return _pack(parts, separator, limit)
    return [sentence[i : i + limit] for i in range(0, len(sentence), limit)]


def _pack(parts: list[str], separator: str, limit: int) -> list[str]:
    chunks: list[str] = []
    current = ""
    for part in parts:
        joined = current + separator + part if current else part
        if len(joined) <= limit:
            current = joined
            continue
        if current:
            chunks.append(current + separator.strip())
        current = part
    if current:
        chunks.append(current)
    return [piece for chunk in chunks for piece in _bounded(chunk.strip(), limit)]


__all__ = ["MAX_UTTERANCE_CHARS", "keeps_full_stop", "split_sentences"]
