"""Dates, times, years and decades as a newsreader says them: "Feb. 28, 2025" is "February
twenty-eighth, twenty twenty-five", "9:30 a.m. ET" "nine thirty a.m Eastern time", "the 1990s"
"the nineteen nineties". Each rule is a ``str -> str`` function; ``normalize.RULES`` orders them.
"""

from __future__ import annotations

import re

from .numbers import cardinal, ordinal, spelled, year
from .sentences import keeps_full_stop
from .speech_tables import MONTHS, TIME_ZONES

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


def _closed(spoken: str, match: re.Match[str]) -> str:
    """``spoken`` with the full stop ``match`` swallowed, unless it already ends in one."""
    return spoken if spoken.endswith(".") else spoken + keeps_full_stop(match)


def _with_meridiem_and_zone(spoken: str, meridiem: str | None, zone: str | None) -> str:
    if meridiem:
        spoken += f" {spelled(meridiem + 'm').lower()}"  # "a.m", read as letters
    if zone:
        spoken += f" {TIME_ZONES[zone.upper() if zone.upper() in TIME_ZONES else zone]}"
    return spoken


def read_decades(text: str) -> str:
    """ "the 1990s" -> "the nineteen nineties", "'90s" -> "nineties"."""

    def full(match: re.Match[str]) -> str:
        spoken = year(match[1])
        return re.sub(r"y$", "ies", spoken) if spoken.endswith("y") else spoken + "s"

    def short(match: re.Match[str]) -> str:
        return cardinal(match[1]).replace("y", "ies")

    text = re.sub(r"\b(1[0-9][0-9]0|20[0-9]0)'?s\b", full, text)
    return re.sub(r"(?<!\w)['’]?([2-9]0)s\b", short, text)


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
