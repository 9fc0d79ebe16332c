"""Numbers as a newsreader says them: cardinals, ordinals, years, decimals and digit strings, and
the rules that read dates, times, money, measures, ranges, fractions and numbers that are names.

Each rule is a ``str -> str`` function; ``normalize.RULES`` orders them among the others.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from num2words import num2words

from .speech_tables import (
    CURRENCIES,
    DOTTED_UNITS,
    LETTER_NAMES,
    MONTHS,
    NUMBER_NAMES,
    REGNAL_NAMES,
    ROMAN_CARDINAL_CONTEXT,
    SCALE_WORDS,
    TIME_ZONES,
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


_MONTH = "|".join(sorted(MONTHS, key=len, reverse=True))
MONTH_NAMES = tuple(dict.fromkeys(MONTHS.values()))
"""January ... December, in order."""
_ISO_DATE = re.compile(r"\b(\d{4})-(\d{2})-(\d{2})\b")
_MONTH_DAY_YEAR = re.compile(
    rf"\b({_MONTH})\.?\s*(\d{{1,2}})(?:st|nd|rd|th)?\b(?:(,?\s*|\s*-\s*)(\d{{4}})\b)?(?![:.]\d)"
)
_NUMERIC_DATE = re.compile(r"(?<![\d/.])(\d{1,2})/(\d{1,2})/(\d{4}|\d{2})(?![\d/])")
_DAY_MONTH_YEAR = re.compile(
    rf"\b(\d{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?({_MONTH})\b\.?(?:,?\s+(\d{{4}})\b)?"
)


def read_dates(text: str) -> str:
    """Dates as a reader says them: "February sixth, twenty twenty-five", "the sixth of
    February"; "Feb.06", "Feb. 6" and "2025-02-06" included."""

    def iso(match: re.Match[str]) -> str:
        month = int(match[2])
        if not 1 <= month <= 12 or not 1 <= int(match[3]) <= 31:
            return match[0]
        return f"{MONTH_NAMES[month - 1]} {ordinal(match[3])}, {year(match[1])}"

    def month_first(match: re.Match[str]) -> str:
        day = int(match[2])
        if not 1 <= day <= 31:
            return match[0]
        spoken = f"{MONTHS[match[1]]} {ordinal(day)}"
        return f"{spoken}, {year(match[4])}" if match[4] else spoken

    def day_first(match: re.Match[str]) -> str:
        day = int(match[1])
        if not 1 <= day <= 31:
            return match[0]
        spoken = f"the {ordinal(day)} of {MONTHS[match[2]]}"
        return f"{spoken}, {year(match[3])}" if match[3] else spoken

    def numeric(match: re.Match[str]) -> str:
        # US order (AP style); a first number above 12 can only be a day.
        first, second, year_digits = int(match[1]), int(match[2]), match[3]
        month, day = (second, first) if first > 12 else (first, second)
        if not (1 <= month <= 12 and 1 <= day <= 31):
            return match[0]
        full_year = int(year_digits) + (2000 if len(year_digits) == 2 else 0)
        return f"{MONTH_NAMES[month - 1]} {ordinal(day)}, {year(full_year)}"

    text = _ISO_DATE.sub(iso, text)
    text = _NUMERIC_DATE.sub(numeric, text)
    text = _MONTH_DAY_YEAR.sub(month_first, text)
    return _DAY_MONTH_YEAR.sub(day_first, text)


_ZONE = "|".join(sorted(TIME_ZONES, key=len, reverse=True))
_CLOCK = re.compile(
    rf"\b([01]?\d|2[0-3])[:.]([0-5]\d)(?:\s*([ap])\.?\s?m\b\.?)?(?:\s+({_ZONE})\b)?", re.IGNORECASE
)
_HOUR_AMPM = re.compile(rf"\b(1[0-2]|[1-9])\s*([ap])\.?\s?m\b\.?(?:\s+({_ZONE})\b)?", re.IGNORECASE)


def read_times(text: str) -> str:
    """Clock times: "10:20 AM CET" -> "ten twenty A M Central European Time", "9:00" ->
    "nine o'clock", "10:05" -> "ten oh five"; "24/7" -> "twenty-four seven"."""

    def clock(match: re.Match[str]) -> str:
        hour, minute = int(match[1]), int(match[2])
        if match[0][len(match[1])] == "." and not match[3]:
            return match[0]  # "3.50" is a decimal number, not a time
        if minute == 0:
            spoken = f"{cardinal(hour)}" + ("" if match[3] else " o'clock")
        elif minute < 10:
            spoken = f"{cardinal(hour)} oh {cardinal(minute)}"
        else:
            spoken = f"{cardinal(hour)} {cardinal(minute)}"
        return _closed(_with_meridiem_and_zone(spoken, match[3], match[4]), match)

    def hour_only(match: re.Match[str]) -> str:
        return _with_meridiem_and_zone(cardinal(match[1]), match[2], match[3]) + keeps_full_stop(
            match
        )

    text = _CLOCK.sub(clock, text)
    return _HOUR_AMPM.sub(hour_only, text)


def keeps_full_stop(match: re.Match[str]) -> str:
    """ "." when ``match`` swallowed the full stop that ends its sentence ("... at 9 a.m.")."""
    rest = match.string[match.end() :]
    # Sentences are normalized one by one: only the period at the very end closes one.
    ends_sentence = not rest.strip(" \"”’')]")
    return "." if match[0].endswith(".") and ends_sentence else ""


def _closed(spoken: str, match: re.Match[str]) -> str:
    """``spoken`` with the full stop ``match`` swallowed, unless it already ends in one."""
    return spoken if spoken.endswith(".") else spoken + keeps_full_stop(match)


def _with_meridiem_and_zone(spoken: str, meridiem: str | None, zone: str | None) -> str:
    if meridiem:
        spoken += f" {spelled(meridiem + 'm').lower()}"  # "a.m", read as letters
    if zone:
        spoken += f" {TIME_ZONES[zone.upper() if zone.upper() in TIME_ZONES else zone]}"
    return spoken


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


def read_decades(text: str) -> str:
    """ "the 1990s" -> "the nineteen nineties", "'90s" -> "nineties"."""

    def full(match: re.Match[str]) -> str:
        spoken = year(match[1])
        return re.sub(r"y$", "ies", spoken) if spoken.endswith("y") else spoken + "s"

    def short(match: re.Match[str]) -> str:
        return cardinal(match[1]).replace("y", "ies")

    text = re.sub(r"\b(1[0-9][0-9]0|20[0-9]0)'?s\b", full, text)
    return re.sub(r"(?<!\w)['’]?([2-9]0)s\b", short, text)


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


def read_years(text: str) -> str:
    """A four-digit number 1100-2099 in running text is a year: "twenty nineteen"; so is one
    after "mid-", "pre-" or "post-" ("mid-2026": "mid twenty twenty-six")."""
    text = re.sub(
        r"\b(mid|pre|post|early|late)-(1[0-9]\d\d|20\d\d)\b(?![,.]\d)",
        lambda m: f"{m[1]} {year(m[2])}",
        text,
        flags=re.IGNORECASE,
    )
    return re.sub(
        r"(?<![\d,.$€£¥-])\b(1[0-9]\d\d|20\d\d)\b(?![,.]\d|\s?%)",
        lambda m: cardinal(m[1]) if m[1] == "1000" else year(m[1]),
        text,
    )


def read_numbers(text: str) -> str:
    """ "40,000" -> "forty thousand", "3.5" -> "three point five", "-5" -> "minus five"."""

    def spoken(match: re.Match[str]) -> str:
        sign = "minus " if match[1] else ""
        return sign + decimal(match[2])

    return re.sub(rf"(?<![\w.,])(-|−)?({NUMBER})(?!\w|[.,]\d)", spoken, text)
