"""Display text -> spoken text, and text -> sentences.

The rules are small ``str -> str`` functions applied in order (``RULES``); each says why it
exists. Big rule sets live in tables. Only the spoken text changes: transcripts, tags and the
feed keep the text as written.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from num2words import num2words

# Abbreviations that end in a period without ending the sentence, with how they are said.
ABBREVIATIONS = {
    "Mr.": "Mister", "Mrs.": "Missus", "Ms.": "Miz", "Dr.": "Doctor", "Prof.": "Professor",
    "Gen.": "General", "Lt.": "Lieutenant", "Col.": "Colonel", "Maj.": "Major",
    "Capt.": "Captain", "Sgt.": "Sergeant", "Adm.": "Admiral", "Gov.": "Governor",
    "Sen.": "Senator", "Rep.": "Representative", "Rev.": "Reverend", "Jr.": "Junior",
    "Sr.": "Senior", "Inc.": "Incorporated", "Corp.": "Corporation", "Ltd.": "Limited",
    "Co.": "Company", "vs.": "versus", "approx.": "approximately", "etc.": "et cetera",
    "e.g.": "for example", "i.e.": "that is", "No.": "number", "St.": "Saint",
    "Jan.": "January", "Feb.": "February", "Mar.": "March", "Apr.": "April",
    "Jun.": "June", "Jul.": "July", "Aug.": "August", "Sep.": "September",
    "Sept.": "September", "Oct.": "October", "Nov.": "November", "Dec.": "December",
    "U.S.": "U S", "U.K.": "U K", "U.N.": "U N", "E.U.": "E U", "D.C.": "D C",
}  # fmt: skip

CURRENCIES = {"$": "dollars", "€": "euros", "£": "pounds", "¥": "yen"}
SCALES = {"k": "thousand", "m": "million", "bn": "billion", "b": "billion", "tn": "trillion"}
SYMBOLS = {"&": " and ", "%": " percent", "+": " plus ", "°": " degrees", "§": " section "}

_ABBREVIATION = re.compile(
    r"(?<![\w.])("
    + "|".join(re.escape(a) for a in sorted(ABBREVIATIONS, key=len, reverse=True))
    + r")"
)
_MONEY = re.compile(
    r"(?P<symbol>[$€£¥])\s?(?P<amount>\d[\d,]*(?:\.\d+)?)"
    r"(?:\s?(?P<scale>thousand|million|billion|trillion|bn|tn|k|m|b)\b)?",
    re.IGNORECASE,
)
_MONTH_DAY = re.compile(
    r"\b(?P<month>January|February|March|April|May|June|July|August|September|October"
    r"|November|December)\s+(?P<day>[1-9]|[12]\d|3[01])(?:st|nd|rd|th)?\b(?![.:]\d)"
)
_YEAR = re.compile(r"(?<![\d,.$€£¥])\b(?P<year>1[1-9]\d\d|20\d\d)\b(?!\s*(?:%|percent|[,.]\d))")
_RANGE = re.compile(r"\b(\d+)\s*[–—-]\s*(\d+)\b")


def strip_footnote_markers(text: str) -> str:
    """Footnote and citation markers like [1] or [citation needed] are never read."""
    return re.sub(r"\[(?:\d+|[a-z ]+needed)\]", "", text)


def expand_abbreviations(text: str) -> str:
    """Titles and abbreviations: "Dr." is "Doctor", and its period must not end a sentence."""
    return _ABBREVIATION.sub(lambda m: ABBREVIATIONS[m.group(1)], text)


def read_money(text: str) -> str:
    """ "$1.5bn" is "1.5 billion dollars": the currency is said after the amount."""

    def spoken(match: re.Match[str]) -> str:
        scale = (match["scale"] or "").lower()
        scale_word = SCALES.get(scale, scale)
        noun = CURRENCIES[match["symbol"]]
        return " ".join(part for part in (match["amount"], scale_word, noun) if part)

    return _MONEY.sub(spoken, text)


def read_ranges(text: str) -> str:
    """ "2020-2024" and "10–15" are ranges: "2020 to 2024"."""
    return _RANGE.sub(r"\1 to \2", text)


def read_day_ordinals(text: str) -> str:
    """ "February 6" is said "February sixth"."""
    return _MONTH_DAY.sub(
        lambda m: f"{m['month']} {num2words(int(m['day']), lang='en', to='ordinal')}", text
    )


def read_years(text: str) -> str:
    """ "2019" in running text is a year: "twenty nineteen", not "two thousand nineteen"."""
    return _YEAR.sub(lambda m: num2words(int(m["year"]), lang="en", to="year"), text)


def read_symbols(text: str) -> str:
    """Symbols the engine skips or misreads become words."""
    for symbol, word in SYMBOLS.items():
        text = text.replace(symbol, word)
    return text


def dashes_to_pauses(text: str) -> str:
    """Em and en dashes between words are pauses, not silence-free run-ons."""
    return re.sub(r"\s*[—–]\s*|\s+-\s+", ", ", text)


def drop_quotes(text: str) -> str:
    """Quotation marks and brackets are not read; apostrophes inside words stay."""
    text = re.sub(r"(?<=\w)[’`](?=\w)", "'", text)
    text = re.sub(r"[\"“”„«»‘’`]|(?<!\w)'|'(?!\w)", "", text)
    return re.sub(r"[()\[\]{}]", ", ", text)


def tidy_spacing(text: str) -> str:
    """Collapse the spaces and doubled commas earlier rules may leave."""
    text = re.sub(r"\s+", " ", text)
    text = re.sub(r"\s+([,.;:!?])", r"\1", text)
    text = re.sub(r",(\s*,)+", ",", text)
    text = re.sub(r"^[,\s]+|[,\s]+$", "", text)
    return re.sub(r",([.!?])", r"\1", text)


RULES: tuple[Callable[[str], str], ...] = (
    strip_footnote_markers,
    expand_abbreviations,
    read_money,
    read_ranges,
    read_day_ordinals,
    read_years,
    read_symbols,
    dashes_to_pauses,
    drop_quotes,
    tidy_spacing,
)
"""Normalization rules, applied in this order."""


def normalize(text: str) -> str:
    """Display text -> the text the engine should read."""
    for rule in RULES:
        text = rule(text)
    return text


# A sentence ends at . ! ? or … (optionally followed by a closing quote or bracket), before a
# space and something that can start a sentence.
_SENTENCE_BREAK = re.compile(r"(?<=[.!?…])[\"”’')\]]*\s+(?=[\"“‘'(\[]*[A-Z0-9])")
_INITIAL = re.compile(r"(?:^|\s)[A-Z]\.$")
# Longest utterance handed to the engine in one piece; longer sentences are split at commas.
MAX_UTTERANCE_CHARS = 400


def split_sentences(text: str) -> list[str]:
    """Split a paragraph into sentences, keeping "Dr. Smith" and "J. R. R. Tolkien" whole."""
    pieces: list[str] = []
    start = 0
    for match in _SENTENCE_BREAK.finditer(text):
        candidate = text[start : match.start()].rstrip() + text[match.start() : match.end()].strip()
        before = text[start : match.start()]
        last_word = before.split()[-1] if before.split() else ""
        if (last_word in ABBREVIATIONS and last_word not in ("etc.",)) or _INITIAL.search(before):
            continue
        pieces.append(candidate.strip())
        start = match.end()
    pieces.append(text[start:].strip())
    return [piece for sentence in pieces if sentence for piece in _bounded(sentence)]


def _bounded(sentence: str, limit: int = MAX_UTTERANCE_CHARS) -> list[str]:
    """Split an over-long sentence at commas, then at spaces, then anywhere, below ``limit``."""
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
