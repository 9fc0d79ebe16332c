"""Find publication dates in the shapes news sites print them.

``find_date`` looks for one date (and a time and zone next to it, when given) inside a line and
returns it with its span, so a caller can tell a date line from a sentence that mentions a date.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass

from ..models import Published
from .spelling import spelled_british

MONTHS = {
    "jan": 1, "feb": 2, "mar": 3, "apr": 4, "may": 5, "jun": 6,
    "jul": 7, "aug": 8, "sep": 9, "oct": 10, "nov": 11, "dec": 12,
}  # fmt: skip

_MONTH = (
    r"(?P<month>jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?"
    r"|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\b\.?"
)
_DAY = r"(?P<day>[0-3]?\d)(?:st|nd|rd|th)?"
_YEAR = r"(?P<year>(?:1[89]|2[01])\d\d)"

# "Feb.06 - 2025", "February 6, 2025", "Feb 6 2025", "Oct - 09 - 2024"
_MONTH_FIRST = re.compile(
    rf"\b{_MONTH}\s*(?:[-–]\s*)?{_DAY}\b\s*(?:,|-|–|/)?\s*{_YEAR}\b", re.IGNORECASE
)
# "6 Feb 2025", "6th of February, 2025", "06-Feb-2025"
_DAY_FIRST = re.compile(
    rf"\b{_DAY}(?:\s+(?:of\s+)?|[-/]){_MONTH}\s*[,/-]?\s*{_YEAR}\b", re.IGNORECASE
)
# "11/19/2019" or "11/19/19" (US month first; day first when the first number cannot be a
# month), "19.11.2019" and "25-09-2021" (day first, as Europe and India write it; with dots or
# dashes, two digits could be a version number or a score)
_NUMERIC = re.compile(
    r"(?<![\d/.-])(?P<first>[0-3]?\d)(?P<sep>[/.-])(?P<second>[0-3]?\d)(?P=sep)"
    r"(?P<year>(?:19|20)\d\d\b|(?<=/)\d\d(?![\d/.]))"
)
# "Nov 19, 6:55 AM": a day and a time without the year, as pages print this year's dates.
_CLOCK_AFTER_DAY = r",?\s*(?:at\s+)?[0-2]?\d[:.][0-5]\d\s*(?:[ap]\.?m\b\.?)?"
_YEARLESS = re.compile(rf"\b{_MONTH}\s*{_DAY}\b{_CLOCK_AFTER_DAY}", re.I)
# "March 4" or "Nov. 19, 6:55 AM" with no year after it.
_MONTH_DAY = re.compile(
    rf"\b{_MONTH}\s*{_DAY}\b(?!\s*[,/–-]?\s*(?:1[89]|2[01])\d\d\b)(?:{_CLOCK_AFTER_DAY})?",
    re.IGNORECASE,
)
# "2025-02-06", "2025-02-06T10:20:00+01:00", "2025/02/06"
_ISO = re.compile(
    r"\b(?P<year>(?:1[89]|2[01])\d\d)(?P<sep>[-/])(?P<month>[01]\d)(?P=sep)(?P<day>[0-3]\d)"
    r"(?:[T ](?P<hour>[0-2]\d):(?P<minute>[0-5]\d)(?::(?P<second>[0-5]\d))?(?:\.\d+)?"
    r"\s*(?P<offset>Z|[+-][0-2]\d:?[0-5]\d)?)?(?![\d:])"
)
_TIME = re.compile(
    r"\b(?P<hour>[0-2]?\d)[:.](?P<minute>[0-5]\d)(?::[0-5]\d)?"
    r"(?:\s*(?P<ampm>[ap])\.?\s?m\b\.?)?"
    r"(?:\s*(?P<open>[\[(])?(?P<zone>[A-Z]{2,5}\b(?:[+-]\d{1,2})?)(?(open)[\])]))?",
    re.IGNORECASE,
)

# Offsets in hours for fixed abbreviations; names for zones whose offset depends on the season.
ZONE_OFFSETS: dict[str, float] = {
    "UTC": 0, "GMT": 0, "Z": 0, "WET": 0, "WEST": 1, "BST": 1, "CET": 1, "CEST": 2,
    "EET": 2, "EEST": 3, "MSK": 3, "IST": 5.5, "SGT": 8, "HKT": 8, "JST": 9, "KST": 9,
    "AEST": 10, "AEDT": 11, "NZST": 12, "NZDT": 13, "EST": -5, "EDT": -4, "CST": -6,
    "CDT": -5, "MST": -7, "MDT": -6, "PST": -8, "PDT": -7, "AKST": -9, "AKDT": -8,
    "HST": -10, "HDT": -9, "WAT": 1, "CAT": 2, "EAT": 3, "PKT": 5, "ICT": 7, "WIB": 7,
    "PHT": 8, "AWST": 8, "ACST": 9.5, "ACDT": 10.5,
}  # fmt: skip
SEASONAL_ZONES = {
    "ET": "America/New_York",
    "CT": "America/Chicago",
    "MT": "America/Denver",
    "PT": "America/Los_Angeles",
}

# How far (in characters) a time may sit from the date it belongs to.
_TIME_REACH = 25
# What may stand between a date and the time after it: "Nov 19, 2019 at 8:59 pm".
_DATE_TO_TIME_GAP = re.compile(r"[\s,|·•–—-]*(?:at\s*)?")
# What may stand between a time and the date after it: "11:26 pm EST, Tuesday, November 19".
_TIME_TO_DATE_GAP = re.compile(
    r"^[\s,|·•–—-]*(?:(?:on\s+)?(?:mon|tues?|wed(?:nes)?|thu(?:rs)?|fri|sat(?:ur)?|sun)"
    r"(?:day)?\.?[\s,|·•–—-]*)?$",
    re.IGNORECASE,
)
_WEEKDAY = r"(?:mon|tues?|wed(?:nes)?|thu(?:rs)?|fri|sat(?:ur)?|sun)(?:day)?\b\.?,?"
WEEKDAYS = frozenset({"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"})
# How far before a date its weekday starts: "on Wednesday, " is 15 characters.
_WEEKDAY_REACH = 20
_LEADING_WEEKDAY = re.compile(rf"\b(?:on\s+(?:{_WEEKDAY}\s*)?|{_WEEKDAY}\s*)$", re.IGNORECASE)
# Words that may stand beside a date on a date line: "Published: Tuesday, Nov. 19 at 8 p.m. ET".
DATE_LINE_WORDS = frozenset(
    {
        "published", "posted", "updated", "last", "first", "modified", "on", "at", "date",
        "mon", "tue", "tues", "wed", "thu", "thurs", "fri", "sat", "sun", "am", "pm", "a.m", "p.m",
        "press", "news", "media", "release",  # "Press release | 3 March 2025"
    }
    | WEEKDAYS
)  # fmt: skip
# Labels that say which of a page's dates a date is.
_UPDATED_LABEL = re.compile(r"\b(?:updated|last updated|modified|edited)\b", re.IGNORECASE)
_PUBLISHED_LABEL = re.compile(r"\b(?:published|posted|first published)\b", re.IGNORECASE)


@dataclass(frozen=True)
class DateMatch:
    """A date found in a line."""

    value: Published
    """The date, or an aware datetime when a time (and zone) was given."""

    start: int
    """Where the matched text starts in the line."""

    end: int
    """Where the matched text ends in the line (exclusive)."""


def find_date(line: str, start: int = 0) -> DateMatch | None:
    """The first publication-style date in ``line`` (from ``start``), with the time next to it
    when there is one."""
    found = []
    iso = _ISO.search(line, start)
    if iso:
        value = _from_iso(iso)
        if value is not None:
            found.append(DateMatch(value, iso.start(), iso.end()))
    for pattern in (_MONTH_FIRST, _DAY_FIRST, _NUMERIC):
        for match in pattern.finditer(line, start):
            day = _day(match)
            if day is not None:
                dated = _with_time(line, day, match.start(), match.end())
                if pattern is _NUMERIC and (
                    _DAY_FIRST_PAGE.get() or _east_of_the_americas(dated.value)
                ):
                    dated = _with_time(line, _day(match, day_first=True) or day, *match.span())
                found.append(dated)
                break
    first = min(found, key=lambda match: match.start, default=None)
    if first is None:
        return None
    # The weekday printed before the date is part of it: "By Jane Doe Tue, 19 Nov 2019".
    weekday = _LEADING_WEEKDAY.search(line, max(0, first.start - _WEEKDAY_REACH), first.start)
    return DateMatch(first.value, weekday.start(), first.end) if weekday else first


def blank_out(line: str, spans: list[tuple[int, int]], filler: str = " ") -> str:
    """``line`` with each (start, end) span replaced by ``filler``, to read what is around
    its dates."""
    for start, end in sorted(spans, reverse=True):
        line = f"{line[:start]}{filler}{line[end:]}"
    return line


def days_without_year(line: str) -> list[tuple[int, int]]:
    """Spans of a month and day printed without a year ("March 4", "Nov. 19, 6:55 AM"): they
    end a byline ("By Jane Doe March 4"), though the day they name cannot be known."""
    return [match.span() for match in _MONTH_DAY.finditer(line)]


# "3 hours ago", "Updated 2 hrs ago", "5m", "Yesterday", "Today at 06:30": a stamp of the
# page's age, which marks the date line though it names no day that can be known.
AGO = r"(?:an?|\d+)\s*(?:secs?|seconds?|mins?|minutes?|hrs?|hours?|days?|wks?|weeks?|[smhdw])\s+ago"
"""The age of a page in words: "3 hours ago", "2h ago", "a day ago"."""
RELATIVE_STAMP = re.compile(
    r"^(?:(?:published|posted|updated|last updated)\s*:?\s*)?"
    rf"(?:{AGO}"
    r"|\d+\s*[smhdw]|just now"
    rf"|(?:yesterday|today)(?:{_CLOCK_AFTER_DAY})?)\W*$",
    re.IGNORECASE,
)


# "10:57 p.m. ET", "14:02 UTC": a time of day alone, as a live blog stamps its entries.
_CLOCK_ALONE = re.compile(
    r"^(?:(?:last\s+)?updated(?:\s+at)?:?\s*)?"  # a live blog's "Updated at 11.52pm"
    r"[0-2]?\d[:.][0-5]\d\s*(?:[ap]\.?\s?m\b\.?)?\s*(?:\(?[A-Z]{2,4}\)?)?$",
    re.IGNORECASE,
)


def is_stamp(line: str) -> bool:
    """A line that is only a day without its year ("Nov 19"), the page's age ("2 hours ago")
    or a time of day ("10:57 p.m. ET"): where the date line goes, or a live blog's stamp over
    an entry, though it names no day that can be known."""
    text = line.strip()
    yearless = sum(end - start for start, end in days_without_year(text))
    return (
        RELATIVE_STAMP.match(text) is not None
        or _CLOCK_ALONE.match(text) is not None
        or (yearless > 0 and yearless >= len(text) - 2)
    )


def yearless_dates(line: str) -> list[tuple[int, int]]:
    """Spans of dates printed without a year but with a time ("Updated Nov 19, 6:55 AM"): they
    mark a date line, though the day they name cannot be known."""
    return [match.span() for match in _YEARLESS.finditer(line)]


@dataclass(frozen=True)
class LabelledDate:
    """A date in a line with what the page says it is."""

    match: DateMatch
    kind: str
    """``published``, ``updated`` or ``plain`` (no label before it)."""


def find_dates(line: str) -> list[LabelledDate]:
    """Every date in ``line``, each with the label before it: "Updated Nov 19, 2019 6:55 AM;
    Posted Nov 19, 2019 6:51 AM" gives an updated and a published date."""
    dates: list[LabelledDate] = []
    position = 0
    while (match := find_date(line, position)) is not None:
        before = line[position : match.start]
        labels = [
            (label.start(), kind)
            for kind, pattern in (("updated", _UPDATED_LABEL), ("published", _PUBLISHED_LABEL))
            for label in pattern.finditer(before)
        ]
        kind = max(labels)[1] if labels else "plain"
        dates.append(LabelledDate(match, kind))
        position = match.end
    return dates


# Whether the page being read writes its numeric dates day first (``numeric_dates_day_first``).
_DAY_FIRST_PAGE: ContextVar[bool] = ContextVar("day_first_page", default=False)


@contextmanager
def numeric_dates_day_first(day_first: bool) -> Iterator[None]:
    """Read numeric dates without a time zone day first ("04/03/2024" is the 4th of March)
    while the block runs, as the page being read writes them."""
    token = _DAY_FIRST_PAGE.set(day_first)
    try:
        yield
    finally:
        _DAY_FIRST_PAGE.reset(token)


def writes_day_first(text: str) -> bool:
    """Whether a page writes numeric dates day first: as its dates that can be read only one
    way do ("25/03/2024"), or else as its spelling says (see ``spelling``)."""
    day_first = month_first = 0
    for match in _NUMERIC.finditer(text):
        first, second = int(match["first"]), int(match["second"])
        day_first += first > 12 >= second
        month_first += second > 12 >= first
    if day_first or month_first:
        return day_first > month_first
    return spelled_british(text)


def _east_of_the_americas(value: Published) -> bool:
    """Whether a time's zone is at or east of Greenwich ("20:15 GMT+7", "16:20 BST"), where
    numeric dates are written day first; the Americas' zones are west of it."""
    offset = value.utcoffset() if isinstance(value, dt.datetime) else None
    return offset is not None and offset >= dt.timedelta(0)


def _day(match: re.Match[str], *, day_first: bool = False) -> dt.date | None:
    """The calendar day of a month-name or numeric match, None when there is no such day;
    ``day_first`` reads "04/03/2024" as the 4th of March, as the time's zone says."""
    try:
        if "month" in match.groupdict():
            return dt.date(
                int(match["year"]), MONTHS[match["month"][:3].lower()], int(match["day"])
            )
    except ValueError:
        return None
    first, second = int(match["first"]), int(match["second"])
    year = int(match["year"]) if len(match["year"]) == 4 else 2000 + int(match["year"])
    # Europe writes the day first ("19.11.2019"), the US the month; the other reading when the
    # first is no date ("19/11/2019", "11.19.2019").
    us_reading, european_reading = (first, second), (second, first)
    readings = (
        (european_reading, us_reading)
        if match["sep"] in ".-" or day_first
        else (us_reading, european_reading)
    )
    for month, day in readings:
        try:
            return dt.date(year, month, day)
        except ValueError:
            continue
    return None


def _from_iso(match: re.Match[str]) -> Published | None:
    try:
        day = dt.date(int(match["year"]), int(match["month"]), int(match["day"]))
        if match["hour"] is None:
            return day
        moment = dt.datetime(
            day.year, day.month, day.day, int(match["hour"]), int(match["minute"]),
            int(match["second"] or 0),
        )  # fmt: skip
    except ValueError:
        return None
    offset = match["offset"]
    if not offset:
        return moment
    if offset == "Z":
        return moment.replace(tzinfo=dt.timezone.utc)
    digits = offset[1:].replace(":", "")
    zone = _fixed_offset(offset[0], int(digits[:2]), int(digits[2:]))
    # A stamp whose offset no clock on Earth shows is not a timestamp.
    return moment.replace(tzinfo=zone) if zone else None


# Clocks run from UTC-12 to UTC+14; anything further is a typo or not a time at all.
_EARLIEST_OFFSET, _LATEST_OFFSET = dt.timedelta(hours=-12), dt.timedelta(hours=14)


def _fixed_offset(sign: str, hours: int, minutes: int = 0) -> dt.tzinfo | None:
    """The zone ``sign hours:minutes`` from UTC, None when no place keeps that offset."""
    if minutes >= 60:
        return None
    offset = (-1 if sign == "-" else 1) * dt.timedelta(hours=hours, minutes=minutes)
    if not _EARLIEST_OFFSET <= offset <= _LATEST_OFFSET:
        return None
    return dt.timezone(offset)


def _with_time(line: str, day: dt.date, start: int, end: int) -> DateMatch:
    """Attach a time found just after (or just before) the date."""
    after = _TIME.search(line, end, min(len(line), end + _TIME_REACH))
    if after is not None and not _DATE_TO_TIME_GAP.fullmatch(line[end : after.start()]):
        after = None
    before = None
    if after is None:
        before_start = max(0, start - _TIME_REACH)
        before = next(
            (
                m
                for m in _TIME.finditer(line, before_start, start)
                if _TIME_TO_DATE_GAP.match(line[m.end() : start])
            ),
            None,
        )
    match = after or before
    if match is None:
        return DateMatch(day, start, end)
    moment = _time_on(day, match)
    if moment is None:
        return DateMatch(day, start, end)
    return DateMatch(moment, min(start, match.start()), max(end, match.end()))


def _time_on(day: dt.date, match: re.Match[str]) -> dt.datetime | None:
    hour, minute = int(match["hour"]), int(match["minute"])
    ampm = (match["ampm"] or "").lower()
    if ampm:
        if not 1 <= hour <= 12:
            return None
        hour = hour % 12 + (12 if ampm == "p" else 0)
    if hour > 23:
        return None
    moment = dt.datetime(day.year, day.month, day.day, hour, minute)
    zone = (match["zone"] or "").upper()
    tz = _zone(zone, moment)
    return moment.replace(tzinfo=tz) if tz else moment


def _zone(abbreviation: str, moment: dt.datetime) -> dt.tzinfo | None:
    if abbreviation in ZONE_OFFSETS:
        return dt.timezone(dt.timedelta(hours=ZONE_OFFSETS[abbreviation]))
    shifted = re.fullmatch(r"(?:UTC|GMT)([+-])(\d{1,2})", abbreviation)
    if shifted:
        return _fixed_offset(shifted[1], int(shifted[2]))
    if abbreviation in SEASONAL_ZONES:
        try:
            from zoneinfo import ZoneInfo

            return ZoneInfo(SEASONAL_ZONES[abbreviation])
        except (ImportError, KeyError, OSError):
            return None
    return None


def spoken_date(value: Published) -> str:
    """A date as a reader says it in a byline: "February 6, 2025"."""
    day = calendar_day(value)
    return f"{day:%B} {day.day}, {day.year}"


def calendar_day(value: Published) -> dt.date:
    """The day of a date, or of a moment (on its own clock)."""
    return value.date() if isinstance(value, dt.datetime) else value
