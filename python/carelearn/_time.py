"""Times as arguments: the one place that turns what a caller gives into what
the C++ library takes.

carelearn works with two kinds of time:

* an **instant** (a session's planned start, a store query's bounds, a fake
  clock, a programme's window): an aware :class:`datetime.datetime` is the
  instant it names (whatever its zone; the library keeps UTC); a naive
  datetime or an ISO 8601 string without an offset is wall-clock time in the
  zone that applies (Europe/Copenhagen, where Danish municipalities hold their
  meetings, or a programme's own zone); a :class:`datetime.date` or
  ``"YYYY-MM-DD"`` is that day's midnight there;
* a **local time** (when an agenda starts): a naive datetime or an ISO 8601
  string is the wall-clock time itself; an aware datetime is converted to the
  zone's wall clock.

Every function raises TypeError naming the argument for a value that is no
time at all, and ValueError naming it for text that is not ISO 8601 or a time
that datetime cannot hold.
"""

from __future__ import annotations

import datetime
import functools
import math
import re
import zoneinfo
from typing import TypeAlias

from ._arguments import clipped
from ._errors import FormatError

__all__ = [
    "COPENHAGEN",
    "DateLike",
    "InstantLike",
    "StartLike",
    "UTC",
    "day",
    "duration",
    "instant",
    "local_time",
    "next_quarter_hour",
    "zone",
]

UTC = datetime.UTC
"""Coordinated Universal Time."""

COPENHAGEN = zoneinfo.ZoneInfo("Europe/Copenhagen")
"""The time zone in which a naive datetime or a date given to carelearn is read."""

InstantLike: TypeAlias = "datetime.datetime | datetime.date | str"
"""A point in time as an argument: an aware datetime; a naive datetime or an
ISO 8601 string, read as wall-clock time in Europe/Copenhagen (or the
programme's zone); or a date, its midnight there."""

DateLike: TypeAlias = "datetime.date | datetime.datetime | str | None"
"""A bound of a window: a date or ``"YYYY-MM-DD"`` (local midnight), a naive
datetime or ``"YYYY-MM-DDTHH:MM"`` (a local time), an aware datetime (an
instant), or None (unbounded)."""

StartLike: TypeAlias = "datetime.datetime | str | None"
"""When an agenda starts: a naive datetime or an ISO 8601 string such as
``"2026-03-04T14:00"`` (the wall-clock time where the meeting is held), an
aware datetime (converted to Copenhagen time), or None for the next quarter
hour from now."""

_FIXED = re.compile(r"Fixed/UTC([+-])(\d\d):(\d\d):(\d\d)")


@functools.cache
def zone(name: str) -> datetime.tzinfo:
    """The time zone a programme or an entry names: an IANA name such as
    ``"Europe/Copenhagen"``, or a fixed offset in the form the C++ library
    writes, ``"Fixed/UTC+01:00:00"``.

    Raises :class:`FormatError` naming the zone when Python's zone database
    does not have it.
    """
    if name in ("UTC", "Etc/UTC"):
        return UTC
    fixed = _FIXED.fullmatch(name)
    if fixed:
        sign, hours, minutes, seconds = fixed.groups()
        offset = datetime.timedelta(hours=int(hours), minutes=int(minutes), seconds=int(seconds))
        if offset >= datetime.timedelta(hours=24):
            raise FormatError(f'time zone "{name}": an offset is less than 24 hours')
        return datetime.timezone(-offset if sign == "-" else offset, name)
    try:
        return zoneinfo.ZoneInfo(name)
    except (zoneinfo.ZoneInfoNotFoundError, ValueError) as error:
        raise FormatError(
            f'time zone "{name}": not in Python\'s time zone database ({error})'
        ) from None


def _parsed(value: str, name: str) -> datetime.datetime:
    try:
        return datetime.datetime.fromisoformat(value)
    except ValueError:
        raise ValueError(
            f'{name}: "{clipped(value)}" is not a date and time such as 2026-03-04T14:00 '
            "or a date such as 2026-03-04"
        ) from None


def instant(
    value: InstantLike, name: str = "time", *, tz: datetime.tzinfo = COPENHAGEN
) -> datetime.datetime:
    """``value`` as an aware datetime in UTC (see :data:`InstantLike`); local
    values are read in ``tz``.

    Raises TypeError naming ``name`` for a value that is not a time, and
    ValueError naming it for a string that is not ISO 8601 or a local time
    whose instant datetime cannot hold (before year 1 or after 9999 in UTC).
    """
    if isinstance(value, str):
        value = _parsed(value, name)
    if isinstance(value, datetime.datetime):
        aware = value if value.utcoffset() is not None else value.replace(tzinfo=tz)
    elif isinstance(value, datetime.date):
        aware = datetime.datetime(value.year, value.month, value.day, tzinfo=tz)
    else:
        raise TypeError(
            f"{name} must be a datetime, a date or an ISO 8601 string, "
            f"not {type(value).__name__}"
        )
    try:
        return aware.astimezone(UTC)
    except OverflowError:
        raise ValueError(
            f"{name}: {value} is outside the years 1 to 9999 in UTC"
        ) from None


def local_time(
    value: datetime.datetime | str, name: str = "start", *, tz: datetime.tzinfo = COPENHAGEN
) -> datetime.datetime:
    """``value`` as a naive wall-clock time, to the minute: a naive datetime or
    an ISO 8601 string as it is, an aware datetime converted to ``tz``.

    Raises TypeError naming ``name`` for a value that is not a datetime or a
    string, ValueError for a string that is not ISO 8601.
    """
    if isinstance(value, str):
        value = _parsed(value, name)
    if not isinstance(value, datetime.datetime):
        raise TypeError(
            f"{name} must be a datetime.datetime or an ISO 8601 string, not {type(value).__name__}"
        )
    if value.utcoffset() is not None:
        try:
            value = value.astimezone(tz).replace(tzinfo=None)
        except OverflowError:
            raise ValueError(f"{name}: {value} is outside the years 1 to 9999") from None
    return value.replace(second=0, microsecond=0, tzinfo=None)


def next_quarter_hour(tz: datetime.tzinfo = COPENHAGEN) -> datetime.datetime:
    """The next quarter hour from now on the wall clock of ``tz`` (naive)."""
    now = datetime.datetime.now(tz).replace(second=0, microsecond=0, tzinfo=None)
    return now + datetime.timedelta(minutes=-now.minute % 15)


def day(value: datetime.date | str, name: str = "day") -> datetime.date:
    """``value`` as a :class:`datetime.date`: a date, or ``"YYYY-MM-DD"``.

    Raises TypeError naming ``name`` for anything else (a datetime too: a day
    has no time), ValueError for a string that is not such a date.
    """
    if isinstance(value, str):
        try:
            return datetime.date.fromisoformat(value)
        except ValueError:
            raise ValueError(f'{name}: "{clipped(value)}" is not a date such as 2026-04-01') from None
    if isinstance(value, datetime.datetime) or not isinstance(value, datetime.date):
        raise TypeError(
            f'{name} must be a datetime.date or a string such as "2026-04-01", '
            f"not {type(value).__name__}"
        )
    return value


def duration(
    delta: datetime.timedelta | None = None,
    *,
    minutes: float = 0,
    seconds: float = 0,
    name: str = "delta",
) -> datetime.timedelta:
    """``delta`` plus ``minutes`` and ``seconds`` as one timedelta.

    Raises TypeError naming the argument that is not a timedelta or a number,
    ValueError naming the one that is not finite or makes a duration longer
    than a timedelta holds (999,999,999 days).
    """
    total = datetime.timedelta(0)
    if delta is not None:
        if not isinstance(delta, datetime.timedelta):
            raise TypeError(f"{name} must be a datetime.timedelta, not {type(delta).__name__}")
        total = delta
    for unit, amount in (("minutes", minutes), ("seconds", seconds)):
        if isinstance(amount, bool) or not isinstance(amount, (int, float)):
            raise TypeError(f"{unit} must be a number, not {type(amount).__name__}")
        try:
            if not math.isfinite(amount):
                raise ValueError(f"{unit}: {amount} is not a finite number")
            total += datetime.timedelta(**{unit: amount})
        except OverflowError:
            raise ValueError(
                f"{unit}: {amount} is longer than a duration can be (999,999,999 days)"
            ) from None
    return total
