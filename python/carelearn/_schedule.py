"""Cadence, calendars and programmes: when learning formats happen.

:class:`Programme` composes formats over time for the units of an
organisation (municipality, area, care centre) and keeps the
:class:`WorkCalendar` it is planned on; it loads and saves the
``"programme/1"`` JSON document, expands to :class:`Occurrences` (columns
built in C++; ``.to_frame()`` gives a pandas table, indexing an
:class:`Occurrence`), finds :class:`Conflict`\\ s,
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
import operator
from collections.abc import Iterable, Iterator, Mapping, Sequence
from typing import TYPE_CHECKING, Any, Literal, Self, overload

from . import _core
from ._builtin import builtin_catalog
from ._documents import PathLike, dict_text, parse_options, path_of, text_of, write_text
from ._errors import LimitError
from ._text import LangLike, to_lang
from ._time import DateLike, instant, zone

if TYPE_CHECKING:
    import pandas

__all__ = [
    "Conflict",
    "Occurrence",
    "Occurrences",
    "Programme",
    "conflicts_of",
    "load_programme",
    "occurrences_of",
]

_COPENHAGEN = "Europe/Copenhagen"


def _window(start: DateLike, end: DateLike, zone_name: str) -> _core.TimeWindow:
    tz = zone(zone_name)
    return _core.TimeWindow(
        None if start is None else instant(start, "start", tz=tz),
        None if end is None else instant(end, "end", tz=tz),
    )


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
_EPOCH = datetime.datetime(1970, 1, 1, tzinfo=datetime.UTC)
_LOCAL_EPOCH = datetime.datetime(1970, 1, 1)


def _columns_of(items: Iterable[Occurrence]) -> dict[str, Any]:
    """What ``_core.schedule_columns`` gives, for Occurrence values made in Python."""
    import numpy as np

    entries: dict[tuple[str, str], int] = {}
    units: dict[str, int] = {}
    if not isinstance(items, Iterable):
        raise TypeError(f"items must be Occurrence values, not {type(items).__name__}")
    rows = list(items)
    for o in rows:
        if not isinstance(o, Occurrence):
            raise TypeError(f"items must hold Occurrence values, not {type(o).__name__}")
        entries.setdefault((o.entry, o.format), len(entries))
        units.setdefault(o.unit, len(units))

    def micros(t: datetime.datetime) -> int:
        return (t - _EPOCH) // datetime.timedelta(microseconds=1)

    def minutes(t: datetime.datetime) -> int:
        return (t.replace(tzinfo=None) - _LOCAL_EPOCH) // datetime.timedelta(minutes=1)

    return {
        "entry": np.array([entries[(o.entry, o.format)] for o in rows], dtype=np.int32),
        "unit": np.array([units[o.unit] for o in rows], dtype=np.int32),
        "start": np.array([micros(o.start) for o in rows], dtype=np.int64).view("datetime64[us]"),
        "end": np.array([micros(o.end) for o in rows], dtype=np.int64).view("datetime64[us]"),
        "local_start": np.array([minutes(o.start) for o in rows], dtype=np.int64).view(
            "datetime64[m]"
        ),
        "local_end": np.array([minutes(o.end) for o in rows], dtype=np.int64).view(
            "datetime64[m]"
        ),
        "original": np.array([minutes(o.original) for o in rows], dtype=np.int64).view(
            "datetime64[m]"
        ),
        "expected_people": np.array([o.expected_people for o in rows], dtype=np.int32),
        "entries": [e for e, _ in entries],
        "formats": [f for _, f in entries],
        "units": list(units),
    }


class Occurrences(Sequence[Occurrence]):
    """The occurrences of an expansion, sorted by start, then unit, then entry.

    They are held as columns that the C++ library fills in one pass --
    :attr:`columns`, numpy arrays -- so that a schedule of hundreds of
    thousands of occurrences costs no Python object each: :meth:`to_frame`
    builds a pandas table from the arrays. Indexing and iterating give
    :class:`Occurrence` values, made when they are asked for; ``==`` compares
    them with any sequence of occurrences.

    Example::

        occurrences = programme.expand("2026-01-01", "2031-01-01")
        len(occurrences)                     # 419971
        occurrences.to_frame().groupby("format").size()
        occurrences[0].start                 # an aware datetime
    """

    zone: str
    """The name of the zone whose clock the times are shown on."""

    def __init__(self, items: Iterable[Occurrence] = (), *, zone: str = _COPENHAGEN) -> None:
        """The occurrences ``items`` (Occurrence values), shown in ``zone``.

        :meth:`Programme.expand` makes them from the C++ columns instead.
        """
        self.zone = zone
        self._columns = _columns_of(items)

    @classmethod
    def from_schedule(cls, schedule: _core.Schedule, zone: str = _COPENHAGEN) -> Self:
        """The occurrences of the C++ ``schedule``, as the columns it gives, shown in ``zone``."""
        occurrences = cls.__new__(cls)
        occurrences.zone = zone
        occurrences._columns = _core.schedule_columns(schedule)
        return occurrences

    @property
    def columns(self) -> dict[str, Any]:
        """The columns, numpy arrays of one value per occurrence (not copies):
        ``entry`` and ``unit`` (int32 indexes into the lists ``entries`` and
        ``units``; ``formats`` holds each entry's format), ``start`` and ``end``
        (``datetime64[us]``, UTC), ``local_start``, ``local_end`` and
        ``original`` (``datetime64[m]`` on the entry's clock) and
        ``expected_people`` (int32)."""
        return self._columns

    def __len__(self) -> int:
        """The number of occurrences."""
        return len(self._columns["entry"])

    @overload
    def __getitem__(self, index: int) -> Occurrence: ...

    @overload
    def __getitem__(self, index: slice) -> Occurrences: ...

    def __getitem__(self, index: int | slice) -> Occurrence | Occurrences:
        """The occurrence at ``index`` (made now), or the occurrences of a slice."""
        if isinstance(index, slice):
            part = type(self).__new__(type(self))
            part.zone = self.zone
            part._columns = {
                key: value if isinstance(value, list) else value[index]
                for key, value in self._columns.items()
            }
            return part
        try:
            position = operator.index(index)
        except TypeError:
            raise TypeError(
                f"index must be an int or a slice, not {type(index).__name__}"
            ) from None
        size = len(self)
        if not -size <= position < size:
            raise IndexError(f"index {position} is out of range for {size} occurrences")
        return self._occurrence(position % size)

    def __iter__(self) -> Iterator[Occurrence]:
        """Every occurrence, as an :class:`Occurrence` made when it is reached."""
        c = self._columns
        tz = zone(self.zone)
        entries, units, formats = c["entries"], c["units"], c["formats"]
        rows = zip(
            c["entry"].tolist(),
            c["unit"].tolist(),
            c["start"].astype("int64").tolist(),
            c["end"].astype("int64").tolist(),
            c["original"].astype("int64").tolist(),
            c["expected_people"].tolist(),
            strict=True,
        )
        micro = datetime.timedelta(microseconds=1)
        minute = datetime.timedelta(minutes=1)
        for i, (entry, unit, start, end, original, people) in enumerate(rows):
            try:
                yield Occurrence(
                    entries[entry],
                    units[unit],
                    formats[entry],
                    (_EPOCH + start * micro).astimezone(tz),
                    (_EPOCH + end * micro).astimezone(tz),
                    _LOCAL_EPOCH + original * minute,
                    people,
                )
            except OverflowError:
                self._occurrence(i)  # raises the LimitError that says which

    def _occurrence(self, i: int) -> Occurrence:
        try:
            return self._make(i)
        except OverflowError:
            raise LimitError(
                f"occurrence {i}: its times {self._columns['start'][i]} to "
                f"{self._columns['end'][i]} (UTC) are outside the years 1-9999 that "
                "datetime.datetime can hold; the columns hold them"
            ) from None

    def _make(self, i: int) -> Occurrence:
        c = self._columns
        tz = zone(self.zone)
        entry = int(c["entry"][i])
        micro = datetime.timedelta(microseconds=1)
        return Occurrence(
            entry=c["entries"][entry],
            unit=c["units"][int(c["unit"][i])],
            format=c["formats"][entry],
            start=(_EPOCH + int(c["start"][i].astype("int64")) * micro).astimezone(tz),
            end=(_EPOCH + int(c["end"][i].astype("int64")) * micro).astimezone(tz),
            original=_LOCAL_EPOCH
            + datetime.timedelta(minutes=int(c["original"][i].astype("int64"))),
            expected_people=int(c["expected_people"][i]),
        )

    def __eq__(self, other: object) -> bool:
        """True when ``other`` is a sequence of the same occurrences, in order."""
        if isinstance(other, Occurrences):
            return self.zone == other.zone and list(self) == list(other)
        if isinstance(other, Sequence) and not isinstance(other, (str, bytes)):
            return list(self) == list(other)
        return NotImplemented

    __hash__ = None  # type: ignore[assignment]

    def __repr__(self) -> str:
        return f"<Occurrences: {len(self)} on the clock of {self.zone}>"

    def to_frame(self) -> pandas.DataFrame:
        """The occurrences as a pandas table, one row each, built from the columns.

        Columns: ``entry``, ``unit``, ``format`` (str), ``start``, ``end``
        (``datetime64[us, Europe/Copenhagen]``, or the programme's zone: to
        the microsecond, which holds the years up to 9999 that carelearn
        plans in) and ``expected_people`` (int64). Needs pandas
        (``pip install carelearn[pandas]``).
        """
        from ._frames import require_pandas

        require_pandas()
        import numpy as np
        import pandas as pd

        c = self._columns
        tz = zone(self.zone)
        entries = np.asarray(c["entries"], dtype=object)
        formats = np.asarray(c["formats"], dtype=object)
        units = np.asarray(c["units"], dtype=object)

        def times(values: Any) -> pandas.Series:
            return pd.Series(values, dtype="datetime64[us]").dt.tz_localize("UTC").dt.tz_convert(tz)

        return pd.DataFrame(
            {
                "entry": pd.Series(entries.take(c["entry"]), dtype="object"),
                "unit": pd.Series(units.take(c["unit"]), dtype="object"),
                "format": pd.Series(formats.take(c["entry"]), dtype="object"),
                "start": times(c["start"]),
                "end": times(c["end"]),
                "expected_people": pd.Series(c["expected_people"], dtype="int64"),
            },
            columns=_FRAME_COLUMNS,
        )


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


def occurrences_of(schedule: _core.Schedule, zone_name: str) -> Occurrences:
    """The occurrences of ``schedule``, times in ``zone_name``, as columns."""
    return Occurrences.from_schedule(schedule, zone_name)


def conflicts_of(schedule: _core.Schedule, occurrences: Occurrences) -> list[Conflict]:
    """The collisions in ``schedule`` (``find_conflicts``) as :class:`Conflict`
    values, their occurrences taken from ``occurrences`` (the schedule's own)."""
    return [
        Conflict(
            kind=c.kind,
            unit=c.unit,
            first=occurrences[c.first],
            second=occurrences[c.second],
        )
        for c in _core.find_conflicts(schedule)
    ]


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
    def from_json(cls, text: str | bytes, *, source_name: str = "<json>") -> Self:
        """Parses a ``"programme/1"`` document (a str, or UTF-8 bytes).

        Raises :class:`FormatError` (with ``path``, ``line`` and ``column``)
        for a malformed document, an RRULE that does not parse, a bad time,
        duration or time zone, or a reference to a unit that is not there;
        :class:`LimitError` or :class:`VersionError` as the other loaders.
        """
        options = parse_options(source_name)
        return cls._from_document(_core.parse_programme(text_of(text, source_name), options))

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> Self:
        """The programme whose JSON form is ``data``, read by the C++ loader.

        ``data`` must name its kind: ``{"carelearn": "programme/1", ...}``.
        """
        return cls.from_json(dict_text(data), source_name="<dict>")

    @classmethod
    def load(cls, path: PathLike, *, options: _core.ParseOptions | None = None) -> Self:
        """Reads the ``"programme/1"`` file at ``path``.

        Raises :class:`NotFoundError` when it cannot be read, else as
        :meth:`from_json`; messages name the file, line, column and JSON Pointer.
        """
        name = path_of(path)
        return cls._from_document(_core.load_programme(name, parse_options(name, options)))

    def save(self, path: PathLike) -> None:
        """Writes the canonical JSON to ``path`` (UTF-8); :meth:`load` reads it back equal."""
        write_text(path, self.to_json())

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
        text = _core.Programme.__repr__(self)
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
        return Occurrences.from_schedule(self.schedule(start, end), self.zone)

    def conflicts(self, start: DateLike = None, end: DateLike = None) -> list[Conflict]:
        """The collisions in [start, end), by unit and then by start: two
        occurrences a unit holds or attends that overlap, or any occurrence on
        the day of a whole-day one (a seminar). Flexible entries never collide."""
        schedule = self.schedule(start, end)
        return conflicts_of(schedule, Occurrences.from_schedule(schedule, self.zone))

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
        catalog: _core.Catalog | None = None,
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
        options = _core.IcsOptions(
            lang=to_lang(lang),
            layout=_core.IcsLayout.EXPANDED if expanded else _core.IcsLayout.SERIES,
            stamp=None if stamp is None else instant(stamp, "stamp"),
            catalog=builtin_catalog() if catalog is None else catalog,
        )
        text = _core.export_icalendar(self, self.window(start, end), self.calendar, options)
        if path is not None:
            write_text(path, text, newline="")
        return text


def load_programme(path: PathLike, *, options: _core.ParseOptions | None = None) -> Programme:
    """Reads the ``"programme/1"`` file at ``path``; see :meth:`Programme.load`."""
    return Programme.load(path, options=options)
