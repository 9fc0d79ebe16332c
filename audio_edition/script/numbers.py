"""Numbers as a newsreader says them: cardinals, ordinals, years, decimals and digit strings, and
the rules that read dates, times, money, measures, ranges, fractions and numbers that are names.

Each rule is a ``str -> str`` function; ``normalize.RULES`` orders them among the others.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from num2words import num2words

from .sentences import keeps_full_stop
from .speech_tables import (
    CURRENCIES,
    DOTTED_UNITS,
    LETTER_NAMES,
    NUMBER_NAMES,
    REGNAL_NAMES,
    ROMAN_CARDINAL_CONTEXT,
    SCALE_WORDS,
    UNITS,
    WORD_ACRONYMS,
)

# --- number words -----------------------------------------------------------------------------


def cardinal(number: int | float | str) -> str:
    """ "1300" -> "one thousand three hundred" (num2words, without its commas). "310000" is
    "three hundred ten thousand": "three hundred and ten thousand" is heard as 300 and 10,000."""
    value: int | float = float(number) if "." in str(number) else int(str(number))
    words = str(num2words(value, lang="en")).replace(",", "")
    return _AND_BEFORE_SCALE.sub("", words)


_AND_BEFORE_SCALE = re.compile(
    r"(?<=hundred )and (?=[a-z -]*\b(?:thousand|million|billion|trillion)\b)"
)


def ordinal(number: int | str) -> str:
    """ "21" -> "twenty-first"."""
    return str(num2words(int(number), lang="en", to="ordinal")).replace(",", "")


def year(number: int | str) -> str:
    """ "1999" -> "nineteen ninety-nine", "2025" -> "twenty twenty-five"."""
    return str(num2words(int(number), lang="en", to="year")).replace(",", "")


def decimal(text: str) -> str:
    """ "3.50" -> "three point five zero": digits after the point are read one by one."""
    whole, _, fraction = text.replace(",", "").partition(".")
    words = cardinal(whole or "0")
    if fraction:
        words += " point " + " ".join(cardinal(digit) for digit in fraction)
    return words


def digits(text: str) -> str:
    """ "0142" -> "zero one four two"."""
    return " ".join(cardinal(digit) for digit in text if digit.isdigit())


def spelled(letters: str) -> str:
    """Letters to be read one by one, as "F.B.I": with the dots the voice reads each as a
    letter in one stressed group (spaced out, a lone "A" is read as the article, "uh"); without
    the last dot it does not take the group for the end of a sentence."""
    return ".".join(LETTER_NAMES.get(ch, ch) for ch in letters.upper())


# --- rules ------------------------------------------------------------------------------------

NUMBER = r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?"


_CURRENCY = "".join(re.escape(symbol) for symbol in CURRENCIES)
_MONEY = re.compile(
    rf"(?P<symbol>[{_CURRENCY}])\s?(?P<amount>{NUMBER})"
    r"(?:\s?(?P<scale>thousand|million|billion|trillion|bn|tn|k|m|b)\b)?",
    re.IGNORECASE,
)


def read_money(text: str) -> str:
    """ "$1.5bn" -> "one point five billion dollars", "$5.99" -> "five dollars and ninety-nine
    cents": the currency is said after the amount, in the singular for one."""

    def spoken(match: re.Match[str]) -> str:
        singular, plural, cents = CURRENCIES[match["symbol"]]
        amount = match["amount"].replace(",", "")
        scale = SCALE_WORDS.get((match["scale"] or "").lower())
        if scale:
            return f"{decimal(amount)} {scale} {plural}"
        whole, _, fraction = amount.partition(".")
        words = f"{cardinal(whole)} {singular if whole == '1' else plural}"
        if fraction and len(fraction) == 2 and cents and int(fraction):
            words += f" and {cardinal(int(fraction))} {cents if fraction != '01' else cents[:-1]}"
        elif fraction and int(fraction):
            words = f"{decimal(amount)} {plural}"
        return words

    return _MONEY.sub(spoken, text)


def read_percentages(text: str) -> str:
    """ "5%" -> "five percent"; "3.2 percent" gets its number read by ``read_numbers``."""
    return re.sub(rf"({NUMBER})\s?%", lambda m: f"{decimal(m[1])} percent", text)


_UNIT = "|".join(re.escape(unit) for unit in sorted(UNITS, key=len, reverse=True))
_MEASURE = re.compile(rf"(?<![\w.])(-?)({NUMBER})\s?({_UNIT})(?![\w²³])")


def read_units(text: str) -> str:
    """Measurements: "5km" -> "five kilometers", "12 km/h", "30°C", "100 m²", "1 kg"."""

    def spoken(match: re.Match[str]) -> str:
        singular, plural = UNITS[match[3]]
        amount = match[2].replace(",", "")
        sign = "minus " if match[1] else ""
        return f"{sign}{decimal(amount)} {singular if amount == '1' else plural}"

    def dotted(match: re.Match[str]) -> str:
        singular, plural = DOTTED_UNITS[match[3]]
        amount = match[2].replace(",", "")
        low = f"{decimal(match[1].replace(',', ''))} to " if match[1] else ""
        unit = singular if amount == "1" and not low else plural
        return f"{low}{decimal(amount)} {unit}" + keeps_full_stop(match)

    def compound(match: re.Match[str]) -> str:
        singular, _ = UNITS.get(match[2]) or DOTTED_UNITS[match[2]]
        return f"{decimal(match[1])}-{singular.replace(' ', '-')}"

    text = _COMPOUND_MEASURE.sub(compound, text)  # "a 30-mph zone": "a thirty-mile-per-hour"
    text = _DOTTED_MEASURE.sub(dotted, text)  # AP style: "4.5 in.", "9 ft.", "6 hrs."
    return _MEASURE.sub(spoken, text)


_DOTTED_UNIT = "|".join(sorted(DOTTED_UNITS, key=len, reverse=True))
_DOTTED_MEASURE = re.compile(
    rf"(?<![\w.])(?:({NUMBER}) ?[-–] ?)?({NUMBER}) ?({_DOTTED_UNIT})(?:\.|\b(?<!in)(?!\.\w))"
)
_COMPOUND_MEASURE = re.compile(rf"(?<![\w.])({NUMBER})-({_UNIT}|hr|min)(?![\w-])")


NUMBER_NAME = re.compile(
    r"(?<![\w/-])(" + "|".join(re.escape(name) for name in NUMBER_NAMES) + r")(?![\w/-])"
)


def read_number_names(text: str) -> str:
    """Numbers that are names, not amounts or dates: "24/7", "9/11", "50-50"."""
    return NUMBER_NAME.sub(lambda m: NUMBER_NAMES[m[1]], text)


# A team's record in brackets after its name: "Lincoln (11-1)", "the Hawks (9-3-1)".
_RECORD = re.compile(r"\b([A-Z][\w.'’-]*) \((\d{1,2})-(\d{1,2})(?:-(\d{1,2}))?(?=[,)])")


def read_records(text: str) -> str:
    """ "Lincoln (11-1)" is "Lincoln, eleven and one": wins and losses are read with "and", not
    "to" as a score or a range is."""

    def spoken(match: re.Match[str]) -> str:
        counts = [cardinal(n) for n in match.groups()[1:] if n is not None]
        record = (
            " and ".join(counts)
            if len(counts) == 2
            else f"{counts[0]}, {counts[1]} and {counts[2]}"
        )
        return f"{match[1]} ({record}"

    return _RECORD.sub(spoken, text)


# A dash between two amounts of the same kind is "to": "9 a.m.-5 p.m.", "5%-10%", "$5-$10".
_AMOUNT_RANGE = re.compile(
    r"(\d%|\d\s?(?:[ap]\.m\.|[ap]m\b|[AP]M\b)|\d(?:\s(?:million|billion|trillion))?)"
    r"\s?[-–]\s?(?=(?:\d+(?:[.:]\d+)?\s?(?:%|[ap]\.?m\b|[AP]M\b)|noon\b|midnight\b|[$€£]\d))"
)


def read_amount_ranges(text: str) -> str:
    """ "9 a.m.-5 p.m." -> "9 a.m. to 5 p.m.", "5%-10%" -> "5% to 10%", "$5-$10"."""
    return _AMOUNT_RANGE.sub(lambda m: f"{m[1]} {_range_word(text, m.start())} ", text)


def read_ranges(text: str) -> str:
    """ "2020-2024" -> "2020 to 2024", "10–15 people" -> "10 to 15 people"."""
    return re.sub(
        r"(?<![\d.,-])(\d+)\s?[–—-]\s?(\d+)(?![\d-])",
        lambda m: f"{m[1]} {_range_word(text, m.start())} {m[2]}",
        text,
    )


# "between 10 and 15", "from 10 to 15": the word the dash stands for follows the one before.
_BETWEEN = re.compile(r"\bbetween\s+[$€£]?$", re.IGNORECASE)


def _range_word(text: str, start: int) -> str:
    return "and" if _BETWEEN.search(text[max(0, start - 12) : start]) else "to"


def read_ordinals(text: str) -> str:
    """ "1st", "21st", "the 3rd brigade" -> "first", "twenty-first", "the third brigade"."""
    return re.sub(
        r"\b(\d{1,3}(?:,\d{3})+|\d+)(?:st|nd|rd|th)\b",
        lambda m: ordinal(m[1].replace(",", "")),
        text,
    )


_ROMAN_VALUES = {"I": 1, "V": 5, "X": 10, "L": 50, "C": 100}
_ROMAN = re.compile(
    r"\b([A-Z][a-z]+(?: [A-Z][a-z]+)?) ((?:XC|XL|L?X{0,3})(?:IX|IV|V?I{0,3}))\b(?!['’-]\w)"
)


def roman_value(numeral: str) -> int:
    """ "XIV" -> 14."""
    total = 0
    for index, letter in enumerate(numeral):
        value = _ROMAN_VALUES[letter]
        following = _ROMAN_VALUES[numeral[index + 1]] if index + 1 < len(numeral) else 0
        total += -value if value < following else value
    return total


def read_roman_numerals(text: str) -> str:
    """ "World War II" -> "World War Two", "Charles III" -> "Charles the Third", "Super Bowl
    LIX" -> "Super Bowl fifty-nine". A lone "I" is read only after a monarch's or pope's name,
    so the pronoun is never misread."""

    def spoken(match: re.Match[str]) -> str:
        name, numeral = match[1], match[2]
        if not numeral:
            return match[0]
        last_word = name.split()[-1]
        if last_word in ROMAN_CARDINAL_CONTEXT:
            return f"{name} {cardinal(roman_value(numeral)).capitalize()}"
        if last_word in REGNAL_NAMES and (len(numeral) > 1 or numeral in ("I", "V")):
            return f"{name} the {ordinal(roman_value(numeral)).capitalize()}"
        return match[0]

    return _ROMAN.sub(spoken, text)


def read_model_numbers(text: str) -> str:
    """Names with numbers: "F-16s" -> "F sixteens", "Su-34" -> "S U thirty-four",
    "COVID-19" -> "covid nineteen", "G7" -> "G seven"."""

    def spoken(match: re.Match[str]) -> str:
        letters, number, plural = match[1], match[2], match[3] or ""
        name = WORD_ACRONYMS.get(letters.upper()) if letters.isupper() else None
        if name is None and ((letters.isupper() and len(letters) <= 4) or len(letters) <= 2):
            name = spelled(letters)
        name = name or letters
        words = cardinal(number)
        if plural:
            words = words[:-1] + "ies" if words.endswith("y") else words + "s"
        return f"{name} {words}"

    return re.sub(r"\b([A-Za-z]{1,5})-?(\d{1,3})(s)?\b(?![.,]\d)", _model_guard(spoken), text)


def _model_guard(spoken: Callable[[re.Match[str]], str]) -> Callable[[re.Match[str]], str]:
    """Only letter groups that are names of things (capitals, or a known acronym) are models."""

    def guarded(match: re.Match[str]) -> str:
        letters = match[1]
        if letters[0].islower() or (letters.istitle() and len(letters) > 2 and "-" not in match[0]):
            return match[0]
        return spoken(match)

    return guarded


def read_number_signs(text: str) -> str:
    """ "#1" -> "number one", "No. 10" -> "number ten", "§ 5" -> "section five"."""
    text = re.sub(r"(?<!\w)#\s?(\d+)", lambda m: f"number {cardinal(m[1])}", text)
    text = re.sub(r"\bNo\.\s?(\d+)", lambda m: f"number {cardinal(m[1])}", text)
    text = re.sub(r"\b(N)os\.\s?(?=\d)|\bnos\.\s?(?=\d)", lambda m: f"{m[1] or 'n'}umbers ", text)
    return re.sub(r"§\s?(\d+)", lambda m: f"section {cardinal(m[1])}", text)


def read_fractions(text: str) -> str:
    """ "1/2" -> "one half", "3/4" -> "three quarters", "2/3" -> "two thirds", and mixed
    numbers: "2 1/2" -> "two and a half"."""

    def mixed(match: re.Match[str]) -> str:
        fraction = _fraction(int(match[2]), int(match[3]))
        if fraction is None:
            return match[0]
        return f"{cardinal(match[1])} and {re.sub(r'^one ', 'a ', fraction)}"

    text = re.sub(r"(?<![\d/.,])(\d+) (\d{1,2})/(\d{1,2})(?![\d/])", mixed, text)
    return re.sub(
        r"(?<![\d/])(\d{1,2})/(\d{1,2})(?![\d/])",
        lambda m: _fraction(int(m[1]), int(m[2])) or m[0],
        text,
    )


def _fraction(numerator: int, denominator: int) -> str | None:
    # Fractions in news copy have small denominators; "9/11" or "24/7" are names, not parts.
    if denominator not in (2, 3, 4, 5, 6, 8, 10, 16):
        return None
    if denominator == 2:
        name = "half" if numerator == 1 else "halves"
    elif denominator == 4:
        name = "quarter" if numerator == 1 else "quarters"
    else:
        name = ordinal(denominator) + ("" if numerator == 1 else "s")
    return f"{cardinal(numerator)} {name}"


_PHONE = re.compile(
    r"(?<![\w.])(?:(\+\d{1,3}[\s.-]?)?(?:\(\d{2,4}\)\s?)?\d{2,4}(?:[\s.-]\d{2,4}){2,3}|\d{3}-\d{4})(?![\w-]|\.\d)"
)


def read_digit_strings(text: str) -> str:
    """Phone numbers and long codes are read digit by digit, in their groups."""

    def grouped(match: re.Match[str]) -> str:
        groups = re.findall(r"\+?\d+", match[0])
        spoken = [("plus " if g.startswith("+") else "") + digits(g) for g in groups]
        return ", ".join(spoken)

    # Toll-free numbers: "1-800-555-0199" is "one eight hundred, five five five, ...".
    text = re.sub(
        r"(?<![\w-])1-(8\d\d)-(?=\d{3}-\d{4}\b)",
        lambda m: "one eight hundred, " if m[1] == "800" else f"one {digits(m[1])}, ",
        text,
    )
    text = _PHONE.sub(grouped, text)
    return re.sub(r"(?<![\d,.])\d{6,}(?![\d,.])", lambda m: digits(m[0]), text)


def read_numbers(text: str) -> str:
    """ "40,000" -> "forty thousand", "3.5" -> "three point five", "-5" -> "minus five"."""

    def spoken(match: re.Match[str]) -> str:
        sign = "minus " if match[1] else ""
        return sign + decimal(match[2])

    return re.sub(rf"(?<![\w.,])(-|−)?({NUMBER})(?!\w|[.,]\d)", spoken, text)
