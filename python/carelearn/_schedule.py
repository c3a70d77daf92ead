"""Cadence, calendars and programmes: when learning formats happen.

:class:`Programme` composes formats over time for the units of an
organisation (municipality, area, care centre) and keeps the
:class:`WorkCalendar` it is planned on; it loads and saves the
``"programme/1"`` JSON document, expands to a list of :class:`Occurrence`
values (``.to_frame()`` gives a pandas table), finds :class:`Conflict`\\ s,
sums the planned hours per unit and month, and exports iCalendar.

Times: an occurrence's ``start`` and ``end`` are aware datetimes in the
entry's time zone (Europe/Copenhagen unless the programme says otherwise).
Where a window is given (``start``/``end`` arguments), a
:class:`datetime.date` or ``"YYYY-MM-DD"`` is local midnight in the
programme's zone, a naive datetime a local time there, an aware datetime the
instant it names.

Example::

    programme = carelearn.Programme.load("examples/programmes/competence-module.json")
    sessions = [o for o in programme.expand("2018-09-01", "2019-02-01")
                if o.entry == "sessions"]
    len(sessions), sessions[-1].start.date()     # (8, datetime.date(2019, 1, 9))
    programme.to_ics("module.ics")
"""

from __future__ import annotations

import dataclasses
import datetime
import json
import os
import zoneinfo
from collections.abc import Iterable, Mapping
from typing import TYPE_CHECKING, Any, Literal, Self, TypeAlias, overload

from . import _core, _values
from ._text import LangLike, to_lang

if TYPE_CHECKING:
    import pandas

    from ._catalog import Catalog

__all__ = [
    "Conflict",
    "DateLike",
    "Occurrence",
    "Occurrences",
    "Programme",
    "conflicts_of",
    "install",
    "load_programme",
    "occurrences_of",
]

PathLike: TypeAlias = str | os.PathLike[str]

DateLike: TypeAlias = "datetime.date | datetime.datetime | str | None"
"""A bound of a window: a date or ``"YYYY-MM-DD"`` (local midnight), a naive
datetime or ``"YYYY-MM-DDTHH:MM"`` (a local time), an aware datetime (an
instant), or None (unbounded)."""

_COPENHAGEN = "Europe/Copenhagen"


def _zone(name: str) -> zoneinfo.ZoneInfo:
    return zoneinfo.ZoneInfo(name)


def _bound(value: DateLike, zone: str, name: str) -> datetime.datetime | None:
    """``value`` as an aware datetime, local values read in ``zone``."""
    if value is None:
        return None
    if isinstance(value, str):
        try:
            parsed: datetime.date = (
                datetime.datetime.fromisoformat(value)
                if "T" in value or " " in value
                else datetime.date.fromisoformat(value)
            )
        except ValueError:
            raise ValueError(
                f'{name}: "{value}" is not a date such as 2026-03-04 or a date and time '
                "such as 2026-03-04T14:00"
            ) from None
        value = parsed
    if isinstance(value, datetime.datetime):
        if value.tzinfo is None or value.utcoffset() is None:
            return value.replace(tzinfo=_zone(zone))
        return value
    if isinstance(value, datetime.date):
        return datetime.datetime(value.year, value.month, value.day, tzinfo=_zone(zone))
    raise TypeError(
        f"{name} must be a date, a datetime or an ISO 8601 string, not {type(value).__name__}"
    )


def _window(start: DateLike, end: DateLike, zone: str) -> _core.TimeWindow:
    return _core.TimeWindow(_bound(start, zone, "start"), _bound(end, zone, "end"))


@dataclasses.dataclass(frozen=True)
class Occurrence:
    """One occurrence of a programme's entry for one unit.

    ``start`` and ``end`` are aware datetimes in the entry's time zone;
    ``original`` is the naive local start the series gave it, which differs
    from ``start`` when the occurrence was moved (by a move, or to the next
    working day). For a joint entry, ``unit`` is the host.
    """

    entry: str
    """The id of the programme entry."""
    unit: str
    """The id of the unit that holds it (for a joint entry: the host)."""
    format: str
    """The id of the format held."""
    start: datetime.datetime
    """When it starts, aware, in the entry's zone."""
    end: datetime.datetime
    """When it ends, aware, in the entry's zone."""
    original: datetime.datetime
    """The naive local start the series gave it."""
    expected_people: int = 0
    """The number of people expected (the entry's people or roles)."""

    @property
    def moved(self) -> bool:
        """True when the occurrence is not where the series put it."""
        return self.start.replace(tzinfo=None) != self.original

    @property
    def duration(self) -> datetime.timedelta:
        """How long it lasts."""
        return self.end - self.start


Occurrence.__init__.__doc__ = "An occurrence from its fields, all given by name or in order."

_FRAME_COLUMNS = ["entry", "unit", "format", "start", "end", "expected_people"]


class Occurrences(list[Occurrence]):
    """A list of :class:`Occurrence` values, sorted by start, then unit, then
    entry, with :meth:`to_frame`."""

    zone: str
    """The IANA name of the zone the frame's times are shown in."""

    def __init__(self, items: Iterable[Occurrence] = (), *, zone: str = _COPENHAGEN) -> None:
        """The occurrences ``items``, shown in ``zone`` by :meth:`to_frame`."""
        super().__init__(items)
        self.zone = zone

    def to_frame(self) -> pandas.DataFrame:
        """The occurrences as a pandas table, one row each.

        Columns: ``entry``, ``unit``, ``format``, ``start``, ``end`` (tz-aware,
        ``datetime64[ns, Europe/Copenhagen]`` unless the programme's zone is
        another) and ``expected_people``. Needs pandas (``pip install carelearn[pandas]``).
        """
        from ._frames import require_pandas

        require_pandas()
        import pandas as pd

        zone = _zone(self.zone)
        frame = pd.DataFrame(
            {
                "entry": pd.Series([o.entry for o in self], dtype="object"),
                "unit": pd.Series([o.unit for o in self], dtype="object"),
                "format": pd.Series([o.format for o in self], dtype="object"),
                "start": pd.Series(
                    [o.start.astimezone(zone) for o in self],
                    dtype=pd.DatetimeTZDtype("ns", self.zone),
                ),
                "end": pd.Series(
                    [o.end.astimezone(zone) for o in self],
                    dtype=pd.DatetimeTZDtype("ns", self.zone),
                ),
                "expected_people": pd.Series(
                    [o.expected_people for o in self], dtype="int64"
                ),
            },
            columns=_FRAME_COLUMNS,
        )
        return frame


@dataclasses.dataclass(frozen=True)
class Conflict:
    """Two occurrences that collide for one unit.

    ``kind`` is ``ConflictKind.DOUBLE_BOOKED`` when they overlap in time, or
    ``ConflictKind.SEMINAR_DAY`` when one of them takes the whole day (a
    seminar the unit attends) and the other is on the same day. ``first``
    starts first.
    """

    kind: _core.ConflictKind
    """What kind of collision."""
    unit: str
    """The id of the unit concerned."""
    first: Occurrence
    """The occurrence that starts first."""
    second: Occurrence
    """The other."""


Conflict.__init__.__doc__ = "A conflict of ``kind`` for ``unit`` between two occurrences."


def _occurrence(schedule: _core.Schedule, o: _core.ScheduledOccurrence, zone: str) -> Occurrence:
    tz = _zone(zone)
    return Occurrence(
        entry=schedule.entry_id(o),
        unit=schedule.unit_id(o),
        format=schedule.format_id(o),
        start=o.start.astimezone(tz),
        end=o.end.astimezone(tz),
        original=o.original,
        expected_people=o.expected_people,
    )


def occurrences_of(schedule: _core.Schedule, zone: str) -> Occurrences:
    """The occurrences of ``schedule`` as :class:`Occurrence` values, times in ``zone``."""
    return Occurrences((_occurrence(schedule, o, zone) for o in schedule.occurrences), zone=zone)


def conflicts_of(schedule: _core.Schedule, zone: str) -> list[Conflict]:
    """The collisions in ``schedule`` (``find_conflicts``) as :class:`Conflict` values."""
    return [
        Conflict(
            kind=c.kind,
            unit=c.unit,
            first=_occurrence(schedule, schedule.occurrences[c.first], zone),
            second=_occurrence(schedule, schedule.occurrences[c.second], zone),
        )
        for c in _core.find_conflicts(schedule)
    ]


def _calendar_reduce(self: object) -> tuple[Any, tuple[Any, ...]]:
    assert isinstance(self, _core.WorkCalendar)
    return (
        _rebuild_calendar,
        (self.danish_holidays, self.common_days_off, list(self.closures)),
    )


def _rebuild_calendar(
    danish_holidays: bool, common_days_off: bool, closures: list[_core.Closure]
) -> _core.WorkCalendar:
    return _core.WorkCalendar(
        danish_holidays=danish_holidays, common_days_off=common_days_off, closures=closures
    )


def _schedule_repr(self: object) -> str:
    assert isinstance(self, _core.Schedule)
    schedule = self
    return (
        f"Schedule(programme_id={schedule.programme_id!r}, units=<{len(schedule.units)}>, "
        f"entries=<{len(schedule.entries)}>, occurrences=<{len(schedule.occurrences)}>)"
    )


def _rrule_repr(self: object) -> str:
    assert isinstance(self, _core.RRule)
    return f"RRule.parse({str(self)!r})"


class Programme(_core.Programme):
    """A composition over time of learning formats for the units of an
    organisation, with the :class:`WorkCalendar` it is planned on.

    Build one with keyword arguments (``id``, ``title``, ``units``,
    ``entries``, ``on_closed_day``, ``calendar``), load a ``"programme/1"``
    document (:meth:`load`, :meth:`from_json`, :meth:`from_dict`), or copy
    one: ``Programme(other)``. It is a value: ``==`` compares every field and
    the calendar.

    Example::

        programme = carelearn.Programme.load("examples/programmes/cross-municipal-network.json")
        occurrences = programme.expand("2021-09-01", "2022-07-01")
        occurrences.to_frame().groupby("format").size()
        for conflict in programme.conflicts("2021-09-01", "2022-07-01"):
            print(conflict.unit, conflict.kind, conflict.first.start)
    """

    calendar: _core.WorkCalendar
    """The work calendar the programme is planned on: holidays and closures."""

    def __init__(
        self,
        other: _core.Programme | None = None,
        *,
        calendar: _core.WorkCalendar | None = None,
        **fields: Any,
    ) -> None:
        """A programme from its fields (keyword arguments), or a copy of ``other``.

        ``calendar`` defaults to the copied programme's calendar, else to the
        Danish holidays with no closures.
        """
        if other is not None:
            if fields:
                raise TypeError("Programme(other) takes no other fields than calendar")
            super().__init__(other)
            if calendar is None and isinstance(other, Programme):
                calendar = other.calendar
        else:
            super().__init__(**fields)
        self.calendar = _core.WorkCalendar(calendar) if calendar is not None else _core.WorkCalendar()

    # --- JSON --------------------------------------------------------------------

    @classmethod
    def _from_document(cls, document: _core.ProgrammeDocument) -> Self:
        return cls(document.programme, calendar=document.calendar)

    def to_json(self) -> str:
        """The canonical ``"programme/1"`` JSON text, ending in a newline."""
        return _core.to_json(self, self.calendar)

    def to_dict(self) -> dict[str, Any]:
        """The canonical JSON form as a dict: ``json.loads(self.to_json())``."""
        result: dict[str, Any] = json.loads(self.to_json())
        return result

    @classmethod
    def from_json(cls, text: str, *, source_name: str = "<json>") -> Self:
        """Parses a ``"programme/1"`` document.

        Raises :class:`FormatError` (with ``path``, ``line`` and ``column``)
        for a malformed document, an RRULE that does not parse, a bad time,
        duration or time zone, or a reference to a unit that is not there;
        :class:`LimitError` or :class:`VersionError` as the other loaders.
        """
        options = _core.ParseOptions(source_name=source_name)
        return cls._from_document(_core.parse_programme(text, options))

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> Self:
        """The programme whose JSON form is ``data``, read by the C++ loader.

        ``data`` must name its kind: ``{"carelearn": "programme/1", ...}``.
        """
        return cls.from_json(json.dumps(data, ensure_ascii=False, indent=2), source_name="<dict>")

    @classmethod
    def load(cls, path: PathLike, *, options: _core.ParseOptions | None = None) -> Self:
        """Reads the ``"programme/1"`` file at ``path``.

        Raises :class:`NotFoundError` when it cannot be read, else as
        :meth:`from_json`; messages name the file, line, column and JSON Pointer.
        """
        name = os.fspath(path)
        opts = _core.ParseOptions(options) if options is not None else _core.ParseOptions()
        if not opts.source_name:
            opts.source_name = name
        return cls._from_document(_core.load_programme(name, opts))

    def save(self, path: PathLike) -> None:
        """Writes the canonical JSON to ``path`` (UTF-8); :meth:`load` reads it back equal."""
        with open(path, "w", encoding="utf-8", newline="\n") as out:
            out.write(self.to_json())

    # --- Value behaviour ---------------------------------------------------------------

    def __eq__(self, other: object) -> bool:
        """True when every field and the calendar are equal."""
        if not isinstance(other, _core.Programme):
            return NotImplemented
        other_calendar = (
            other.calendar if isinstance(other, Programme) else _core.WorkCalendar()
        )
        return bool(_core.Programme.__eq__(self, other)) and self.calendar == other_calendar

    def __ne__(self, other: object) -> bool:
        """True when any field or the calendar differs."""
        equal = self.__eq__(other)
        return equal if equal is NotImplemented else not equal

    __hash__ = None

    def __repr__(self) -> str:
        """``Programme(id=..., ..., calendar=WorkCalendar(...))``, defaults left out."""
        text = _values.constructor_repr(self)
        if self.calendar != _core.WorkCalendar():
            inner = text[text.index("(") + 1 : -1]
            calendar = f"calendar={self.calendar!r}"
            text = f"Programme({inner + ', ' if inner else ''}{calendar})"
        return text

    def __copy__(self) -> Self:
        return type(self)(self)

    def __deepcopy__(self, memo: dict[int, object]) -> Self:
        return type(self)(self)

    def __reduce__(self) -> tuple[Any, tuple[str]]:
        return (type(self).from_json, (self.to_json(),))

    # --- Planning ----------------------------------------------------------------------

    @property
    def zone(self) -> str:
        """The IANA name of the entries' time zone when they share one, else Europe/Copenhagen."""
        zones = {e.recurrence.zone for e in self.entries}
        return zones.pop() if len(zones) == 1 else _COPENHAGEN

    def validate(self) -> None:
        """Raises :class:`FormatError` when the programme is not well formed, naming the place."""
        _core.validate_programme(self)

    def window(self, start: DateLike = None, end: DateLike = None) -> _core.TimeWindow:
        """The :class:`TimeWindow` from ``start`` up to ``end``, local values read in :attr:`zone`."""
        return _window(start, end, self.zone)

    def schedule(self, start: DateLike = None, end: DateLike = None) -> _core.Schedule:
        """The programme expanded in [start, end) on its calendar, as the C++
        ``Schedule``: units, entries and occurrences by index.

        Raises :class:`FormatError` for a programme that is not well formed,
        or an entry that cannot be expanded (a rule without an end when
        ``end`` is None), naming the entry.
        """
        return _core.expand_programme(self, self.window(start, end), self.calendar)

    def expand(self, start: DateLike = None, end: DateLike = None) -> Occurrences:
        """Every occurrence that starts in [start, end), on the programme's
        calendar, sorted by start, then unit, then entry.

        A date (or ``"YYYY-MM-DD"``) is local midnight in the programme's zone;
        None leaves that end open (an entry whose rule has no end then raises
        :class:`FormatError`).

        Example::

            occurrences = programme.expand("2018-09-01", "2019-02-01")
            occurrences.to_frame().head()
        """
        return occurrences_of(self.schedule(start, end), self.zone)

    def conflicts(self, start: DateLike = None, end: DateLike = None) -> list[Conflict]:
        """The collisions in [start, end), by unit and then by start: two
        occurrences a unit holds or attends that overlap, or any occurrence on
        the day of a whole-day one (a seminar). Flexible entries never collide."""
        return conflicts_of(self.schedule(start, end), self.zone)

    @overload
    def planned_hours(
        self, start: DateLike = None, end: DateLike = None, *, per: Literal["unit"] = "unit"
    ) -> list[_core.UnitMonthLoad]: ...

    @overload
    def planned_hours(
        self, start: DateLike = None, end: DateLike = None, *, per: Literal["person"]
    ) -> list[_core.PersonMonthLoad]: ...

    def planned_hours(
        self, start: DateLike = None, end: DateLike = None, *, per: str = "unit"
    ) -> list[_core.UnitMonthLoad] | list[_core.PersonMonthLoad]:
        """The planned learning time per month in [start, end): per ``"unit"``
        (sessions, hours and person-hours of the occurrences a unit holds or
        attends, flexible time included) or per ``"person"`` (for entries that
        name their people). Raises ValueError for another ``per``."""
        schedule = self.schedule(start, end)
        if per == "unit":
            return _core.planned_hours_per_unit(schedule)
        if per == "person":
            return _core.planned_hours_per_person(schedule)
        raise ValueError(f'per must be "unit" or "person", not {per!r}')

    def to_ics(
        self,
        path: PathLike | None = None,
        *,
        expanded: bool = False,
        start: DateLike = None,
        end: DateLike = None,
        lang: LangLike = "da",
        stamp: datetime.datetime | None = None,
        catalog: Catalog | None = None,
    ) -> str:
        """The programme as an RFC 5545 iCalendar document; written to
        ``path`` (bytes as they are, CRLF line ends) when one is given.

        By default each series is one VEVENT with its RRULE, RDATEs, EXDATEs
        (the starts skipped for a closed day among them) and a VEVENT with a
        RECURRENCE-ID for each moved occurrence; with ``expanded`` every
        occurrence in [start, end) is a VEVENT of its own. A rule without an
        end is written up to ``end`` (then required). ``lang`` is the language
        of the summaries; ``catalog`` (None: the built-in catalog) gives
        titles and descriptions; ``stamp`` (an aware datetime) fixes DTSTAMP.
        """
        from ._catalog import builtin_catalog

        options = _core.IcsOptions(
            lang=to_lang(lang),
            layout=_core.IcsLayout.EXPANDED if expanded else _core.IcsLayout.SERIES,
            stamp=stamp,
            catalog=builtin_catalog() if catalog is None else catalog,
        )
        text = _core.export_icalendar(self, self.window(start, end), self.calendar, options)
        if path is not None:
            with open(path, "w", encoding="utf-8", newline="") as out:
                out.write(text)
        return text


def load_programme(path: PathLike, *, options: _core.ParseOptions | None = None) -> Programme:
    """Reads the ``"programme/1"`` file at ``path``; see :meth:`Programme.load`."""
    return Programme.load(path, options=options)


# The schedule's value types: constructor-like reprs, copy and pickling.
_VALUE_TYPES: tuple[type, ...] = (
    _core.WeekdayNum,
    _core.RRuleUntil,
    _core.MovedOccurrence,
    _core.Recurrence,
    _core.TimeWindow,
    _core.SeriesOccurrence,
    _core.Holiday,
    _core.Closure,
    _core.CalendarRules,
    _core.CalendarExpansion,
    _core.OrgUnit,
    _core.ExpectedRole,
    _core.ProgrammeEntry,
    _core.ScheduledEntry,
    _core.ScheduledOccurrence,
    _core.ScheduledConflict,
    _core.UnitMonthLoad,
    _core.PersonMonthLoad,
    _core.ProgrammeDocument,
)


def install() -> None:
    """Gives the schedule types of :mod:`carelearn._core` their value behaviour."""
    _core.RRuleUntil.Kind.__qualname__ = "RRuleUntil.Kind"
    _values.install_values(_VALUE_TYPES)
    _values.install_values([_core.RRule, _core.WorkCalendar, _core.Schedule])
    _core.RRule.__repr__ = _rrule_repr  # type: ignore[method-assign]
    _core.WorkCalendar.__reduce__ = _calendar_reduce  # type: ignore[method-assign]
    _core.Schedule.__repr__ = _schedule_repr  # type: ignore[method-assign]
