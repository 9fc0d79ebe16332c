"""Display text -> spoken text.

News is dense exactly where speech engines read badly: numbers, dates, money, units,
abbreviations and acronyms. The rules below turn display text into what a careful human reader
would say. Each rule is a small ``str -> str`` function with a docstring saying why it exists;
they run in the order of ``RULES``, and the vocabulary they use lives in the tables of
``speech_tables``. Only the spoken text changes: transcripts, tags and the feed keep the text as
written. Rules are English; another language adds its own tables and rule tuple.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from .datetimes import read_dates, read_decades, read_times, read_years
from .numbers import (
    cardinal,
    ordinal,
    read_amount_ranges,
    read_digit_strings,
    read_fractions,
    read_model_numbers,
    read_money,
    read_number_names,
    read_number_signs,
    read_numbers,
    read_ordinals,
    read_percentages,
    read_ranges,
    read_records,
    read_roman_numerals,
    read_units,
    spelled,
    year,
)
from .sentences import MAX_UTTERANCE_CHARS, MAY_CLOSE_SENTENCE, keeps_full_stop, split_sentences
from .speech_tables import (
    ABBREVIATIONS,
    AP_STATES,
    EMOJI,
    PARTIES,
    SPELLED_ACRONYMS,
    SYMBOL_WORDS,
    WORD_ACRONYMS,
)

_URL = re.compile(
    r"\b(?:https?://|www\.)[^\s<>\"']*[^\s<>\"'.,;:!?)]|\b[a-z0-9-]+(?:\.[a-z0-9-]+)*\.(?:com|org|net|gov|edu|io|co|uk|de|eu|info|news)\b(?:/[^\s<>\"']*)?",
    re.IGNORECASE,
)
_EMAIL = re.compile(r"\b([\w.+-]+)@([\w-]+(?:\.[\w-]+)+)\b")


def strip_footnote_markers(text: str) -> str:
    """Citation and footnote markers ("[1]", "[citation needed]") are never read."""
    return re.sub(r"\[(?:\d+|[a-z]|[a-z ]+needed)\]", "", text)


def drop_emoji(text: str) -> str:
    """Emoji and pictographs have no place in a reading; they are dropped."""
    return EMOJI.sub("", text)


def read_emails(text: str) -> str:
    """ "jo@example.com" is said "jo at example dot com"."""
    return _EMAIL.sub(lambda m: f"{m[1]} at {m[2].replace('.', ' dot ')}", text)


# The links an embedded social post carries for its picture or video, and its short links:
# they stand for what the page shows, and nobody would read them out.
_MEDIA_LINK = re.compile(r"\s*\b(?:https?://)?(?:pic\.twitter\.com|t\.co)/\w+", re.IGNORECASE)


def drop_media_links(text: str) -> str:
    """A post's picture link ("pic.twitter.com/Qx7Rb2") or short link ("t.co/...") is silent."""
    return _MEDIA_LINK.sub("", text)


def read_urls(text: str) -> str:
    """A web address is said as its site: "https://www.example.com/a/b" -> "example dot com"."""

    def site(match: re.Match[str]) -> str:
        address = re.sub(r"^(?:https?://)?(?:www\.)?", "", match[0], flags=re.IGNORECASE)
        host = re.split(r"[/?#]", address, maxsplit=1)[0].rstrip(".")
        return host.replace(".", " dot ")

    return _URL.sub(site, text)


def drop_urls(text: str) -> str:
    """The alternative to ``read_urls``: web addresses are said as "a link"."""
    return _URL.sub("a link", text)


def drop_emails(text: str) -> str:
    """The alternative to ``read_emails``: an address is said as "an email address"."""
    return _EMAIL.sub("an email address", text)


# Nouns a capital letter names a kind of: "Plan A", "Class A shares", "grade A", "Vitamin A".
_LETTER_LABEL = re.compile(
    r"\b((?:plan|class|grade|type|group|division|section|vitamin|option|category|level|tier"
    r"|phase|part|exhibit|terminal|gate|building|row|lot|zone|block|series|schedule|form|pool"
    r"|league|hall|wing|ward|unit|concourse|pier|track) )A\b(?![’'-]\w)",
    re.IGNORECASE,
)


def read_letter_labels(text: str) -> str:
    """ "Plan A" is "Plan eh": a lone "A" after such a noun is the letter, which the voice would
    otherwise read as the article ("plan uh")."""
    return _LETTER_LABEL.sub(r"\1eh", text)


# Overtime as sports copy writes it: "in OT", "the first play of OT", "(OT)", "2OT".
_OVERTIME = re.compile(r"(\b(?i:in|of|into|double|triple) |\()OT\b")
_NUMBERED_OVERTIME = re.compile(r"\b([2-4])OT\b")
_OVERTIMES = {"2": "double", "3": "triple", "4": "quadruple"}


def read_overtime(text: str) -> str:
    """ "won in OT" is "won in overtime", "2OT" "double overtime"; other "OT"s (occupational
    therapy, the Old Testament) are left to the acronym rule."""
    text = _NUMBERED_OVERTIME.sub(lambda m: f"{_OVERTIMES[m[1]]} overtime", text)
    return _OVERTIME.sub(r"\1overtime", text)


# A word in capitals, hyphens and apostrophes inside it ("TIP-INS", "DON'T").
_CAPITALS_WORD = re.compile(r"\b[A-Z][A-Z'’-]*[A-Z]\b|\b[A-Z]\b")
_CAPITALS_GAP = re.compile(r"[\s,;:&'’\"“”‘()—–-]*")
# An unknown word in capitals this long is a word set for emphasis, not initials.
_MIN_EMPHASIS_LETTERS = 5
# This many words in capitals in a row are a line set in capitals, not initialisms.
_MIN_SHOUTED_WORDS = 3


def read_capitals_as_words(text: str) -> str:
    """Text set in capitals, as a headline, a crosshead or a byline may be ("SHORTAGE OF
    DRIVERS", "BY JANE DOE"): its words are read as words, not spelled ("O F"), but for the
    initialisms and acronyms it names ("NHS STAFF STRANDED"). A whole text in capitals counts
    from two words ("UP NEXT") or one long one ("TIP-INS"); inside other text, from three."""
    words = list(_CAPITALS_WORD.finditer(text))
    runs: list[list[re.Match[str]]] = []
    for word in words:
        if runs and _CAPITALS_GAP.fullmatch(text[runs[-1][-1].end() : word.start()]):
            runs[-1].append(word)
        else:
            runs.append([word])
    letters = sum(ch.isalpha() for ch in text)
    for run in reversed(runs):
        whole = sum(sum(ch.isalpha() for ch in w[0]) for w in run) == letters
        shouted = len(run) >= _MIN_SHOUTED_WORDS or (
            whole and (len(run) >= 2 or letters >= _MIN_EMPHASIS_LETTERS)
        )
        if not shouted:
            continue
        for word in reversed(run):
            spoken = "-".join(map(_shouted_as_word, word[0].split("-")))  # "US-UK"
            text = text[: word.start()] + spoken + text[word.end() :]
    return text


def _shouted_as_word(word: str) -> str:
    key = word.rstrip("'’")
    return word if key in SPELLED_ACRONYMS or key in WORD_ACRONYMS else word.lower()


def read_acronyms(text: str) -> str:
    """Acronyms: "FBI" -> "F B I" (letter by letter), "NATO" stays a word; an unknown
    capitalized word of five or more letters is emphasis ("SURRENDER") and read as a word."""

    def spoken(match: re.Match[str]) -> str:
        word, plural = match[1], match[2] or ""
        if word in WORD_ACRONYMS:
            return WORD_ACRONYMS[word] + plural
        if (
            word in SPELLED_ACRONYMS
            or len(word) < _MIN_EMPHASIS_LETTERS
            or not re.search(r"[AEIOUY]", word)
        ):
            return spelled(word) + ("'s" if plural else "")
        return word.lower() + plural

    return re.sub(r"\b([A-Z]{2,})(s)?\b", spoken, text)


_STREET = (
    r"(?:St|Ave|Blvd|Rd|Dr|Ln|Ct|Pl|Pkwy|Hwy|Street|Avenue|Boulevard|Road|Drive|Lane|Court"
    r"|Place|Way|Terrace|Parkway|Highway)\b"
)
_STREET_NAME = rf"(?:[A-Z][a-z]+\.? |\d+(?:st|nd|rd|th) ){{1,3}}{_STREET}"
_STATE = "|".join(re.escape(state) for state in sorted(AP_STATES, key=len, reverse=True))
_DIRECTIONS = {"N": "North", "S": "South", "E": "East", "W": "West"}


def read_places(text: str) -> str:
    """AP-style places: "Portland, Ore." -> "Portland, Oregon"; "Sen. Reyes, D-Ohio," ->
    "Democrat of Ohio"; "214 Water St." -> "two fourteen Water St."; "the 1400 block" ->
    "the fourteen hundred block"; "N. Grant St." -> "North Grant St."."""

    def party(match: re.Match[str]) -> str:
        place = match[2]
        return f"{match[0][0]} {PARTIES[match[1]]} of {AP_STATES.get(place, place)}"

    text = re.sub(rf"[,(] ?([DRI])-({_STATE}|[A-Z][a-z]+(?: [A-Z][a-z]+)?)(?=[,)])", party, text)
    text = re.sub(
        rf"(?<=[a-z], )({_STATE})(?=[\s,.;:)-]|$)",
        lambda m: AP_STATES[m[1]] + keeps_full_stop(m),
        text,
    )
    text = re.sub(rf"\b([NSEW])\. (?={_STREET_NAME})", lambda m: _DIRECTIONS[m[1]] + " ", text)
    # House numbers and blocks are read in pairs, as years are: "sixteen hundred".
    text = re.sub(
        rf"\b([1-9]\d{{2,3}})(?= (?:block\b|(?:North |South |East |West )?{_STREET_NAME}))",
        lambda m: year(m[1]),
        text,
    )
    return text


def expand_abbreviations(text: str) -> str:
    """Titles and abbreviations: "Dr." is "Doctor", and its period must not end a sentence.
    "St." is "Saint" before a name and "Street" after one."""
    text = re.sub(
        r"\b([A-Z][a-z]+|\d+(?:st|nd|rd|th)?) St\.(?!\s?[A-Z][a-z])",
        lambda m: f"{m[1]} Street" + keeps_full_stop(m),
        text,
    )
    text = re.sub(r"\b([A-Z][a-z]+) v\. (?=[A-Z])", r"\1 versus ", text)  # "Roe v. Wade"

    def spoken(match: re.Match[str]) -> str:
        full_stop = keeps_full_stop(match) if match[1] in MAY_CLOSE_SENTENCE else ""
        return ABBREVIATIONS[match[1]] + full_stop

    return _ABBREVIATION.sub(spoken, text)


_ABBREVIATION = re.compile(
    r"(?<![\w.])("
    + "|".join(re.escape(a) for a in sorted(ABBREVIATIONS, key=len, reverse=True))
    + r")(?!\w)"
)


def read_symbols(text: str) -> str:
    """Symbols the engine skips or misreads become words: "&" "and", "+" "plus", "=" "equals"."""
    for symbol, word in SYMBOL_WORDS.items():
        text = text.replace(symbol, f" {word} ")
    text = re.sub(r"\band/or\b", "and or", text)
    return re.sub(r"(?<=[A-Za-z])/(?=[A-Za-z])", " or ", text)


def punctuation_as_pauses(text: str) -> str:
    """Dashes, parentheses and ellipses are pauses, not silence-free run-ons; quotation marks
    and brackets are not read; apostrophes inside words stay."""
    text = re.sub(r"\s*(?:\.\.\.|…)\s*(?=[.!?]|$)", ".", text)
    text = re.sub(r"\s*(?:\.\.\.|…)\s*", ", ", text)
    text = re.sub(r"\s*[—–]\s*|\s+-\s+", ", ", text)
    text = re.sub(r"(?<=\w)[’`](?=\w)", "'", text)
    text = re.sub(r"[\"“”„«»‘’`]|(?<!\w)'|'(?!\w)", "", text)
    return re.sub(r"\s*[()\[\]{}]\s*", ", ", text)


def drop_stray_symbols(text: str) -> str:
    """Anything left that is neither a word nor punctuation a voice pauses at is dropped."""
    return re.sub(r"[^\w\s.,;:!?'-]", " ", text)


def tidy_spacing(text: str) -> str:
    """Collapse the spaces and doubled commas earlier rules may leave."""
    text = re.sub(r"\s+", " ", text)
    text = re.sub(r"\s+([,.;:!?])", r"\1", text)
    text = re.sub(r"([,;:])(?:\s*[,;:])+", r"\1", text)
    text = re.sub(r"^[,;:\s]+|[,;:\s]+$", "", text)
    return re.sub(r"[,;:]([.!?])", r"\1", text)


Rule = Callable[[str], str]

RULES: tuple[Rule, ...] = (
    strip_footnote_markers,
    drop_emoji,
    read_emails,
    drop_media_links,
    read_urls,
    read_records,
    read_number_names,
    read_amount_ranges,
    read_dates,
    read_times,
    read_number_signs,
    read_places,
    expand_abbreviations,
    read_money,
    read_percentages,
    read_units,
    read_decades,
    read_ordinals,
    read_roman_numerals,
    read_fractions,
    read_digit_strings,
    read_ranges,
    read_model_numbers,
    read_years,
    read_numbers,
    read_letter_labels,
    read_overtime,
    read_capitals_as_words,
    read_acronyms,
    read_symbols,
    punctuation_as_pauses,
    drop_stray_symbols,
    tidy_spacing,
)
"""English normalization rules, applied in this order."""


def normalize(text: str, *, urls: str = "read") -> str:
    """Display text -> the text the engine should read.

    ``urls`` is "read" (say the site: "example dot com") or "drop" (say "a link").
    """
    swaps: dict[Rule, Rule] = (
        {read_urls: drop_urls, read_emails: drop_emails} if urls == "drop" else {}
    )
    for rule in RULES:
        text = swaps.get(rule, rule)(text)
    return text


__all__ = [
    "MAX_UTTERANCE_CHARS",
    "RULES",
    "cardinal",
    "normalize",
    "ordinal",
    "split_sentences",
    "year",
]
