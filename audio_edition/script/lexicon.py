"""Pronunciation lexicon: names the voice gets wrong, and how to say them.

A lexicon maps a word or phrase as written ("Kyiv", "Xi Jinping") to a respelling a reader can
follow ("KEE-iv": hyphenated syllables, capitals for stress) and/or IPA phonemes in the espeak
style Piper uses ("kˈiːɪv"). It is applied to the spoken text after ``normalize()``, so
transcripts and tags keep the names as written. The built-in ``lexicon.toml`` comes first; a
user's file is merged over it (a later entry of the same key wins).

File format::

    [words]
    "Zelensky" = "zeh-LEN-skee"                          # respelling only
    "Kyiv" = { phonemes = "kˈiːɪv", respelling = "KEE-iv" }
    "NATO" = { respelling = "nay-toe", match_case = true }
"""

from __future__ import annotations

import re
import sys
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..errors import ConfigError

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover - exercised on Python 3.10 only
    import tomli as tomllib

BUILTIN_LEXICON = Path(__file__).with_name("lexicon.toml")
"""The lexicon shipped with the package: news names the bundled voice says wrongly."""

_TABLE_KEYS = frozenset({"phonemes", "respelling", "match_case"})
_ENTRY_GROUP = "entry"  # the pattern's group for entry i is named "entry{i}"
_POSSESSIVE = r"['’][sS]"
# Punctuation right after a name goes inside its phoneme block: Piper drops punctuation (and the
# space after it) that directly follows a ``[[ ]]`` block, which would run two words together.
_TRAILING_PUNCTUATION = r"[,.;:!?]"
_RESPELLING = re.compile(r"^[^\W\d_]+(?:['’-][^\W\d_]+)*(?: [^\W\d_]+(?:['’-][^\W\d_]+)*)*$")

# Respelling syllables spell vowels the way a reader (not a speech engine) takes them: the "h"
# of "uh", "eh" and "ih" only says "short vowel". Joined into one word, an engine reads "zehlen"
# as "zay-len" and "duhnee" as "doo-nee", so the "h" goes: "zeh-LEN-skee" -> "zelenskee".
SYLLABLE_ENDINGS: tuple[tuple[str, str], ...] = (("uh", "a"), ("eh", "e"), ("ih", "i"))
"""(ending, replacement) for syllables of a respelling joined into one word."""

# The sound of a possessive "'s" after the last phoneme of a name (espeak's symbols).
_SIBILANTS = frozenset("szʃʒ")
_VOICELESS = frozenset("ptkfθ")
_PHONEME_MARKS = "ˈˌːˑ "


@dataclass(frozen=True)
class Entry:
    """How to say one word or phrase."""

    key: str
    """The word or phrase as written, e.g. ``Kyiv`` or ``Xi Jinping``."""

    respelling: str | None = None
    """Readable respelling: hyphenated syllables, capitals for stress, e.g. ``KEE-iv``."""

    phonemes: str | None = None
    """IPA in espeak's style (stress ˈ ˌ, length ː), e.g. ``kˈiːɪv``; read by Piper."""

    match_case: bool = False
    """Match the key's exact case only (``NATO`` but not ``Nato``)."""


@dataclass(frozen=True)
class Lexicon:
    """Entries matched as whole words; a longer phrase wins over a word inside it."""

    entries: tuple[Entry, ...] = ()
    """Entries in the order they were read; a later entry of the same key replaced an earlier."""

    _pattern: re.Pattern[str] | None = field(init=False, repr=False, compare=False, default=None)
    """One regular expression over all keys, longest first (built once, here)."""

    def __post_init__(self) -> None:
        object.__setattr__(self, "_pattern", _compile(self.entries))

    def __len__(self) -> int:
        return len(self.entries)

    def get(self, key: str) -> Entry | None:
        """The entry of ``key`` exactly as written, if any."""
        return next((entry for entry in self.entries if entry.key == key), None)

    def merged(self, other: Lexicon) -> Lexicon:
        """This lexicon with ``other``'s entries added; ``other`` wins on the same key."""
        by_key = {entry.key: entry for entry in self.entries}
        for entry in other.entries:
            by_key.pop(entry.key, None)
            by_key[entry.key] = entry
        return Lexicon(tuple(by_key.values()))

    def apply(self, text: str, *, phonemes: bool) -> str:
        """``text`` with every entry's key replaced by how to say it.

        With ``phonemes`` (the engine reads Piper's inline ``[[ ]]`` phonemes) an entry with
        phonemes becomes a phoneme block, with a possessive "'s" said inside it; otherwise the
        respelling, made readable (``zeh-LEN-skee`` -> ``zelenskee``), replaces the key and a
        possessive keeps its "'s". Entries with neither form for the mode leave the word as is.
        """
        if self._pattern is None:
            return text
        entries = self.entries

        def replace(match: re.Match[str]) -> str:
            index = next(
                int(group[len(_ENTRY_GROUP) :])
                for group, value in match.groupdict().items()
                if value is not None and group.startswith(_ENTRY_GROUP)
            )
            entry = entries[index]
            possessive = match["possessive"] or ""
            punctuation = match["punctuation"] or ""
            if phonemes and entry.phonemes:
                said = entry.phonemes + (possessive_phonemes(entry.phonemes) if possessive else "")
                return f"[[ {said}{punctuation} ]]"
            if entry.respelling:
                return readable_respelling(entry.respelling) + possessive + punctuation
            return match.group(0)

        composed = unicodedata.normalize("NFC", text)  # keys are composed: "Sánchez" is one "á"
        said = self._pattern.sub(replace, composed)
        return text if said == composed else said  # no name, no change: cached clips stay valid


def readable_respelling(respelling: str) -> str:
    """A respelling as one lowercase word per word, for engines that read ordinary spelling.

    Capitals (stress) cannot be read aloud, and hyphens make engines stress every syllable or
    read "iv" as a Roman numeral, so syllables are joined: ``KEE-iv`` -> ``keeiv``,
    ``zeh-LEN-skee`` -> ``zelenskee`` (see ``SYLLABLE_ENDINGS``).
    """
    words = []
    for word in respelling.split():
        syllables = [syllable.lower() for syllable in word.split("-")]
        if len(syllables) > 1:
            syllables = [_plain_syllable(syllable) for syllable in syllables]
        words.append("".join(syllables))
    return " ".join(words)


def _plain_syllable(syllable: str) -> str:
    for ending, replacement in SYLLABLE_ENDINGS:
        if syllable.endswith(ending):
            return syllable[: -len(ending)] + replacement
    return syllable


def possessive_phonemes(phonemes: str) -> str:
    """The phonemes of "'s" after a name: ᵻz after a hiss (Merz's), s after p t k f θ, else z."""
    last = phonemes.rstrip(_PHONEME_MARKS)[-1:]
    if last in _SIBILANTS:
        return "ᵻz"
    return "s" if last in _VOICELESS else "z"


def _compile(entries: tuple[Entry, ...]) -> re.Pattern[str] | None:
    """One alternation of all keys, longest first; for equal lengths the later entry first."""
    if not entries:
        return None
    order = sorted(range(len(entries)), key=lambda i: (-len(entries[i].key), -i))
    alternatives = "|".join(f"(?P<{_ENTRY_GROUP}{i}>{_key_pattern(entries[i])})" for i in order)
    return re.compile(
        rf"(?<!\w)(?:{alternatives})(?P<possessive>{_POSSESSIVE})?(?!\w)"
        rf"(?P<punctuation>{_TRAILING_PUNCTUATION})?"
    )


def _key_pattern(entry: Entry) -> str:
    """The key as a pattern: exact with ``match_case``; else a capital initial must stay a
    capital (``Nice`` the city is not ``nice``) and the rest matches in any case (``KYIV``)."""
    parts = []
    for word in entry.key.split():
        if entry.match_case:
            parts.append(re.escape(word))
        elif word[0].isupper():
            rest = f"(?i:{re.escape(word[1:])})" if len(word) > 1 else ""
            parts.append(re.escape(word[0]) + rest)
        else:
            parts.append(f"(?i:{re.escape(word)})")
    return r"\s+".join(parts)


def load_lexicon(paths: Iterable[Path] = (), *, builtin: bool = True) -> Lexicon:
    """The built-in lexicon (unless ``builtin`` is False), then each file of ``paths`` over it."""
    lexicon = read_lexicon(BUILTIN_LEXICON) if builtin else Lexicon()
    for path in paths:
        lexicon = lexicon.merged(read_lexicon(path))
    return lexicon


def read_lexicon(path: Path) -> Lexicon:
    """Read one lexicon file; errors name the file and the entry."""
    try:
        with path.open("rb") as handle:
            table = tomllib.load(handle)
    except FileNotFoundError as exc:
        raise ConfigError("no such lexicon file", path) from exc
    except OSError as exc:
        raise ConfigError(f"cannot read lexicon: {exc.strerror or exc}", path) from exc
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(f"invalid TOML: {exc}", path) from exc
    unknown = set(table) - {"words"}
    if unknown:
        raise ConfigError(
            f"unknown table(s): {', '.join(sorted(unknown))} (expected [words])", path
        )
    words = table.get("words", {})
    if not isinstance(words, dict):
        raise ConfigError("'words' must be a table", path)
    return Lexicon(tuple(parse_entry(key, value, path) for key, value in words.items()))


def parse_entry(key: str, value: Any, path: Path | str) -> Entry:
    """One ``[words]`` entry: a respelling string, or a table of phonemes/respelling/match_case."""

    def fail(message: str) -> ConfigError:
        return ConfigError(f"entry {key!r}: {message}", path)

    name = " ".join(unicodedata.normalize("NFC", key).split())
    if not name:
        raise fail("the word is empty")
    if isinstance(value, str):
        value = {"respelling": value}
    if not isinstance(value, dict):
        raise fail(f"must be a respelling string or a table, not {type(value).__name__}")
    unknown = set(value) - _TABLE_KEYS
    if unknown:
        known = ", ".join(sorted(_TABLE_KEYS))
        raise fail(f"unknown key(s): {', '.join(sorted(unknown))} (known: {known})")
    respelling, phonemes = value.get("respelling"), value.get("phonemes")
    match_case = value.get("match_case", False)
    if respelling is None and phonemes is None:
        raise fail("needs a respelling or phonemes")
    if respelling is not None and (
        not isinstance(respelling, str) or not _RESPELLING.match(respelling.strip())
    ):
        raise fail("respelling must be letters in hyphenated syllables, e.g. 'KEE-iv'")
    if phonemes is not None and (
        not isinstance(phonemes, str) or not phonemes.strip() or "[" in phonemes or "]" in phonemes
    ):
        raise fail("phonemes must be a non-empty IPA string without brackets, e.g. 'kˈiːɪv'")
    if not isinstance(match_case, bool):
        raise fail("match_case must be true or false")
    return Entry(
        key=name,
        respelling=respelling.strip() if respelling else None,
        phonemes=" ".join(phonemes.split()) if phonemes else None,
        match_case=match_case,
    )


__all__ = [
    "BUILTIN_LEXICON",
    "Entry",
    "Lexicon",
    "load_lexicon",
    "parse_entry",
    "possessive_phonemes",
    "read_lexicon",
    "readable_respelling",
]
