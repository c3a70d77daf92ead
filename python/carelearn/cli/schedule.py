"""``carelearn schedule`` and ``carelearn holidays``: a programme expanded, and
the Danish public holidays of a year.

``carelearn schedule PROGRAMME.json`` loads a ``"programme/1"`` document,
expands it on its work calendar and prints the occurrences (or, with
``--ics``, writes them as iCalendar), the conflicts, and the planned hours per
unit and month; ``--csv`` prints the same three tables as CSV, separated by
an empty line. ``carelearn holidays YEAR`` prints the Danish holidays.

Exit codes: 0 success (conflicts are information, not a failure); 2 a bad
argument, or a programme that does not load or expand, with a message on
standard error that names the file, and for a load error its line, column
and JSON Pointer.
"""

from __future__ import annotations

import argparse
import csv
import datetime
import sys
from collections.abc import Callable, Sequence

import numpy as np

from .. import _core
from .._builtin import builtin_catalog
from .._errors import Error
from .._schedule import Conflict, Occurrences, Programme, conflicts_of, occurrences_of
from .._time import zone
from ._common import LAST_YEAR, UsageError, day, lang, print_columns, print_table, year

__all__ = ["add_parsers"]

_WEEKDAYS = {
    _core.Lang.EN: ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"),
    _core.Lang.DA: ("man", "tir", "ons", "tor", "fre", "lør", "søn"),
}

# The words of the text output, by language.
_WORDS = {
    _core.Lang.EN: {
        "occurrences": "Occurrences",
        "from": "from",
        "to": "up to",
        "date": "date",
        "day": "day",
        "start": "start",
        "end": "end",
        "unit": "unit",
        "title": "title",
        "people": "people",
        "none": "none",
        "conflicts": "Conflicts",
        "double-booked": "double-booked",
        "seminar-day": "on a seminar day",
        "and": "and",
        "hours": "Planned hours per unit and month",
        "month": "month",
        "sessions": "sessions",
        "hours_column": "hours",
        "person_hours": "person-hours",
        "wrote": "wrote",
        "events": "events",
        "holiday": "holiday",
    },
    _core.Lang.DA: {
        "occurrences": "Forekomster",
        "from": "fra",
        "to": "til",
        "date": "dato",
        "day": "dag",
        "start": "start",
        "end": "slut",
        "unit": "enhed",
        "title": "titel",
        "people": "personer",
        "none": "ingen",
        "conflicts": "Konflikter",
        "double-booked": "dobbeltbooket",
        "seminar-day": "på en seminardag",
        "and": "og",
        "hours": "Planlagte timer pr. enhed og måned",
        "month": "måned",
        "sessions": "gange",
        "hours_column": "timer",
        "person_hours": "persontimer",
        "wrote": "skrev",
        "events": "begivenheder",
        "holiday": "helligdag",
    },
}


def add_parsers(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Adds ``schedule`` and ``holidays`` to ``commands``."""
    schedule = commands.add_parser(
        "schedule",
        help="expand a programme: occurrences, conflicts, planned hours, iCalendar",
        description="Expand a programme document on its work calendar and print its "
        "occurrences (or write them as iCalendar with --ics), its conflicts and the "
        "planned hours per unit and month. The window defaults to the year from the "
        "programme's first start.",
    )
    schedule.add_argument("programme", metavar="PROGRAMME.json")
    schedule.add_argument(
        "--from",
        dest="start",
        type=day,
        default=None,
        metavar="DATE",
        help="first day, e.g. 2021-09-01 (default: the programme's first start)",
    )
    schedule.add_argument(
        "--to",
        dest="end",
        type=day,
        default=None,
        metavar="DATE",
        help="the day after the last, e.g. 2022-07-01 (default: a year after --from)",
    )
    schedule.add_argument(
        "--ics", default=None, metavar="FILE", help="write iCalendar to FILE instead"
    )
    schedule.add_argument(
        "--expanded",
        action="store_true",
        help="with --ics: one event per occurrence in the window, not one per series",
    )
    schedule.add_argument("--lang", type=lang, default=_core.Lang.EN, help="da or en")
    schedule.add_argument("--csv", action="store_true", help="print the three tables as CSV")
    schedule.set_defaults(handler=_schedule)

    holidays = commands.add_parser(
        "holidays",
        help="list the Danish public holidays of a year",
        description="List the Danish public holidays of YEAR: date, weekday, id and name.",
    )
    holidays.add_argument("year", type=year, metavar="YEAR")
    holidays.add_argument("--lang", type=lang, default=_core.Lang.EN, help="da or en")
    holidays.add_argument(
        "--common-days-off",
        action="store_true",
        help="also grundlovsdag, juleaftensdag and nytårsaftensdag",
    )
    holidays.set_defaults(handler=_holidays)


class _Names:
    """Titles and unit names in one language, for the output."""

    def __init__(self, programme: Programme, lang: _core.Lang) -> None:
        catalog = builtin_catalog()
        self.titles: dict[str, str] = {}
        for entry in programme.entries:
            title = entry.title.get(lang) if entry.title else ""
            if not title:
                found = catalog.find(entry.format)
                title = found.title.get(lang) if found is not None else entry.format.id
            self.titles[entry.id] = title
        self.units = {u.id: (u.name.get(lang) if u.name else "") or u.id for u in programme.units}

    def title(self, entry: str) -> str:
        return self.titles.get(entry, entry)

    def unit(self, unit: str) -> str:
        return self.units.get(unit, unit)


def _window(programme: Programme, args: argparse.Namespace) -> tuple[datetime.date, datetime.date]:
    start: datetime.date | None = args.start
    if start is None:
        starts = [e.recurrence.start.date() for e in programme.entries]
        start = min(starts) if starts else datetime.date.today()
    end: datetime.date | None = args.end
    if end is None:
        if start.year >= LAST_YEAR:
            raise UsageError(
                f"{args.programme}: the programme starts in {start.year}; give --to "
                f"(carelearn plans up to the end of {LAST_YEAR})"
            )
        try:
            end = start.replace(year=start.year + 1)
        except ValueError:  # 29 February
            end = start.replace(year=start.year + 1, day=28)
    if end <= start:
        raise UsageError(f"--to {end} is not after --from {start}")
    return start, end


def _hours(value: float) -> str:
    return f"{value:g}"


def _offset(minutes: int) -> str:
    sign = "-" if minutes < 0 else "+"
    hours, rest = divmod(abs(minutes), 60)
    return f"{sign}{hours:02}:{rest:02}"


class _Times:
    """The occurrences' start and end on the clock of the programme's zone, as
    numpy arrays, from the columns: no Python object per occurrence."""

    def __init__(self, programme: Programme, occurrences: Occurrences) -> None:
        c = occurrences.columns
        zones = {e.recurrence.zone for e in programme.entries}
        if len(zones) <= 1:
            # The entries' own clock is the programme's: the columns have it.
            self.local_start = c["local_start"]
            self.local_end = c["local_end"]
        else:
            tz = zone(occurrences.zone)
            self.local_start = np.array(
                [o.start.astimezone(tz).replace(tzinfo=None) for o in occurrences],
                dtype="datetime64[m]",
            )
            self.local_end = np.array(
                [o.end.astimezone(tz).replace(tzinfo=None) for o in occurrences],
                dtype="datetime64[m]",
            )
        minute = np.timedelta64(1, "m")
        self.start_offset = (self.local_start - c["start"].astype("datetime64[m]")) // minute
        self.end_offset = (self.local_end - c["end"].astype("datetime64[m]")) // minute

    @staticmethod
    def iso(local: np.ndarray, offsets: np.ndarray) -> list[str]:
        """``2021-09-02T13:00:00+02:00``, as datetime.isoformat writes an aware time."""
        text = np.datetime_as_string(local.astype("datetime64[s]"), unit="s").tolist()
        distinct, inverse = np.unique(offsets, return_inverse=True)
        suffixes = np.array([_offset(int(m)) for m in distinct], dtype=object)
        return [t + z for t, z in zip(text, suffixes.take(inverse).tolist(), strict=True)]


def _print_text(
    programme: Programme,
    window: tuple[datetime.date, datetime.date],
    occurrences: Occurrences | None,
    conflicts: list[Conflict],
    loads: Sequence[_core.UnitMonthLoad],
    lang: _core.Lang,
) -> None:
    words = _WORDS[lang]
    names = _Names(programme, lang)
    out = sys.stdout
    if occurrences is not None:
        print(
            f"{words['occurrences']} {words['from']} {window[0]} {words['to']} {window[1]} "
            f"({programme.zone})",
            file=out,
        )
        if len(occurrences):
            c = occurrences.columns
            times = _Times(programme, occurrences)
            start_day = times.local_start.astype("datetime64[D]")
            end_day = times.local_end.astype("datetime64[D]")
            end_date = np.datetime_as_string(end_day, unit="D").astype(object)
            end_time = _clock(times.local_end)
            header = [words[k] for k in ("date", "day", "start", "end", "unit", "title", "people")]
            columns = [
                np.datetime_as_string(start_day, unit="D").astype(object),
                np.array(_WEEKDAYS[lang], dtype=object).take((start_day.astype("int64") + 3) % 7),
                _clock(times.local_start),
                np.where(start_day == end_day, end_time, end_date + " " + end_time),
                _names_of(names.unit, c["units"]).take(c["unit"]),
                _names_of(names.title, c["entries"]).take(c["entry"]),
                c["expected_people"].astype(str).astype(object),
            ]
            print_columns(header, columns, out)
        else:
            print(words["none"], file=out)
        print(file=out)
    print(words["conflicts"], file=out)
    for conflict in conflicts:
        kind = words[_core.conflict_kind_name(conflict.kind)]
        first, second = conflict.first, conflict.second
        print(
            f"{first.start:%Y-%m-%d}  {names.unit(conflict.unit)}: {kind}: "
            f"{names.title(first.entry)} {first.start:%H:%M}–{first.end:%H:%M} {words['and']} "
            f"{names.title(second.entry)} {second.start:%H:%M}–{second.end:%H:%M}",
            file=out,
        )
    if not conflicts:
        print(words["none"], file=out)
    print(file=out)
    print(words["hours"], file=out)
    if loads:
        header = [words[k] for k in ("unit", "month", "sessions", "hours_column", "person_hours")]
        rows = [
            [
                names.unit(load.unit),
                f"{load.month:%Y-%m}",
                str(load.sessions),
                _hours(load.hours),
                _hours(load.person_hours),
            ]
            for load in loads
        ]
        print_table(header, rows, out)
    else:
        print(words["none"], file=out)


_CLOCK = np.array([f"{m // 60:02}:{m % 60:02}" for m in range(24 * 60)], dtype=object)


def _clock(local: np.ndarray) -> np.ndarray:
    """``HH:MM`` of each local time (a day is 1,440 whole minutes)."""
    return _CLOCK.take(local.astype("int64") % (24 * 60))


def _csv_fields(values: Sequence[str]) -> np.ndarray:
    """``values`` as CSV fields, quoted as csv.writer quotes them (when they
    hold a comma, a quote or a line break)."""
    quoted = [
        '"' + v.replace('"', '""') + '"' if any(ch in v for ch in ',"\r\n') else v
        for v in values
    ]
    return np.array(quoted, dtype=object)


def _names_of(name: Callable[[str], str], ids: Sequence[str]) -> np.ndarray:
    return np.array([name(i) for i in ids], dtype=object)


def _print_csv(
    programme: Programme,
    occurrences: Occurrences | None,
    conflicts: list[Conflict],
    loads: Sequence[_core.UnitMonthLoad],
    lang: _core.Lang,
) -> None:
    names = _Names(programme, lang)
    writer = csv.writer(sys.stdout, lineterminator="\n")
    if occurrences is not None:
        writer.writerow(["entry", "unit", "format", "title", "start", "end", "expected_people"])
        if len(occurrences):
            # Column by column: each id and title is quoted once, then every
            # line is joined from the columns, with no Python object per row.
            c = occurrences.columns
            times = _Times(programme, occurrences)
            fields = [
                _csv_fields(c["entries"]).take(c["entry"]).tolist(),
                _csv_fields(c["units"]).take(c["unit"]).tolist(),
                _csv_fields(c["formats"]).take(c["entry"]).tolist(),
                _csv_fields([names.title(e) for e in c["entries"]]).take(c["entry"]).tolist(),
                _Times.iso(times.local_start, times.start_offset),
                _Times.iso(times.local_end, times.end_offset),
                c["expected_people"].astype(str).tolist(),
            ]
            sys.stdout.write("\n".join(map(",".join, zip(*fields, strict=True))))
            sys.stdout.write("\n")
        sys.stdout.write("\n")
    writer.writerow(["unit", "kind", "first_entry", "first_start", "second_entry", "second_start"])
    for conflict in conflicts:
        writer.writerow(
            [
                conflict.unit,
                _core.conflict_kind_name(conflict.kind),
                conflict.first.entry,
                conflict.first.start.isoformat(),
                conflict.second.entry,
                conflict.second.start.isoformat(),
            ]
        )
    sys.stdout.write("\n")
    writer.writerow(["unit", "month", "sessions", "hours", "person_hours"])
    units: dict[str, str] = {}
    for load in loads:
        month = load.month
        unit = units.get(load.unit)
        if unit is None:
            unit = units[load.unit] = str(_csv_fields([load.unit])[0])
        sys.stdout.write(
            f"{unit},{month.year:04}-{month.month:02},{load.sessions},"
            f"{load.hours:g},{load.person_hours:g}\n"
        )


def _schedule(args: argparse.Namespace) -> int:
    path: str = args.programme
    if args.expanded and args.ics is None:
        raise UsageError("--expanded applies to --ics: give the file to write")
    try:
        programme = Programme.load(path)
    except Error as error:
        raise UsageError(str(error)) from None  # names path:line:column: pointer
    window = _window(programme, args)
    try:
        schedule = programme.schedule(*window)
        occurrences = occurrences_of(schedule, programme.zone)
        conflicts = conflicts_of(schedule, occurrences)
        loads = _core.planned_hours_per_unit(schedule)
        text = None
        if args.ics is not None:
            text = programme.to_ics(
                args.ics, expanded=args.expanded, start=window[0], end=window[1], lang=args.lang
            )
    except Error as error:
        raise UsageError(f"{path}: {error}") from None
    except OSError as error:
        raise UsageError(f"{args.ics}: cannot write: {error.strerror}") from None
    shown: Occurrences | None = occurrences
    if text is not None:
        events = text.count("BEGIN:VEVENT")
        words = _WORDS[args.lang]
        print(f"{words['wrote']} {events} {words['events']}: {args.ics}", file=sys.stderr)
        shown = None
    if args.csv:
        _print_csv(programme, shown, conflicts, loads, args.lang)
    else:
        _print_text(programme, window, shown, conflicts, loads, args.lang)
    return 0


def _holidays(args: argparse.Namespace) -> int:
    lang: _core.Lang = args.lang
    rows = [
        [
            h.day.isoformat(),
            _WEEKDAYS[lang][h.day.weekday()],
            _core.holiday_id(h.kind),
            _core.holiday_name(h.kind).get(lang),
        ]
        for h in _core.danish_holidays(args.year, args.common_days_off)
    ]
    header = ["date", "day", "id", "name"] if lang == _core.Lang.EN else ["dato", "dag", "id", "navn"]
    print_table(header, rows, sys.stdout)
    return 0
