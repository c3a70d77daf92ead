"""The command line's scheduling commands: ``carelearn schedule`` and ``carelearn holidays``.

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
from typing import TextIO

from . import _core
from ._catalog import builtin_catalog
from ._errors import Error
from ._schedule import Conflict, Occurrence, Programme, conflicts_of, occurrences_of

__all__ = ["COMMANDS", "add_parsers"]

_FIRST_YEAR = 1583
_LAST_YEAR = 9999

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


class _CommandError(Exception):
    """A failure to report on standard error with exit code 2."""


def _lang(value: str) -> _core.Lang:
    lang = _core.parse_lang(value)
    if lang is None:
        raise argparse.ArgumentTypeError(f'unknown language "{value}"; expected "da" or "en"')
    return lang


def _date(value: str) -> datetime.date:
    try:
        day = datetime.date.fromisoformat(value)
    except ValueError:
        raise argparse.ArgumentTypeError(
            f'"{value}" is not a date such as 2026-03-04'
        ) from None
    if not _FIRST_YEAR <= day.year <= _LAST_YEAR:
        raise argparse.ArgumentTypeError(
            f"{value}: carelearn plans in the years {_FIRST_YEAR} to {_LAST_YEAR}"
        )
    return day


def _year(value: str) -> int:
    try:
        year = int(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f'"{value}" is not a year such as 2026') from None
    if not _FIRST_YEAR <= year <= _LAST_YEAR:
        raise argparse.ArgumentTypeError(
            f"{year}: the holidays are computed for the years {_FIRST_YEAR} to {_LAST_YEAR}"
        )
    return year


def add_parsers(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Adds the ``schedule`` and ``holidays`` subcommands to ``commands``."""
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
        type=_date,
        default=None,
        metavar="DATE",
        help="first day, e.g. 2021-09-01 (default: the programme's first start)",
    )
    schedule.add_argument(
        "--to",
        dest="end",
        type=_date,
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
    schedule.add_argument("--lang", type=_lang, default=_core.Lang.EN, help="da or en")
    schedule.add_argument(
        "--csv", action="store_true", help="print the three tables as CSV"
    )

    holidays = commands.add_parser(
        "holidays",
        help="list the Danish public holidays of a year",
        description="List the Danish public holidays of YEAR: date, weekday, id and name.",
    )
    holidays.add_argument("year", type=_year, metavar="YEAR")
    holidays.add_argument("--lang", type=_lang, default=_core.Lang.EN, help="da or en")
    holidays.add_argument(
        "--common-days-off",
        action="store_true",
        help="also grundlovsdag, juleaftensdag and nytårsaftensdag",
    )


def _table(header: Sequence[str], rows: Sequence[Sequence[str]], out: TextIO) -> None:
    widths = [len(h) for h in header]
    for row in rows:
        widths = [max(w, len(cell)) for w, cell in zip(widths, row, strict=True)]
    for line in [header, *rows]:
        print(
            "  ".join(cell.ljust(w) for cell, w in zip(line, widths, strict=True)).rstrip(),
            file=out,
        )


class _Names:
    """Titles and unit names in one language, for the output."""

    def __init__(self, programme: Programme, lang: _core.Lang) -> None:
        self._lang = lang
        catalog = builtin_catalog()
        self._titles: dict[str, str] = {}
        for entry in programme.entries:
            title = entry.title.get(lang) if entry.title else ""
            if not title:
                found = catalog.find(entry.format)
                title = found.title.get(lang) if found is not None else entry.format.id
            self._titles[entry.id] = title
        self._units = {u.id: (u.name.get(lang) if u.name else "") or u.id for u in programme.units}

    def title(self, entry: str) -> str:
        return self._titles.get(entry, entry)

    def unit(self, unit: str) -> str:
        return self._units.get(unit, unit)


def _window(programme: Programme, args: argparse.Namespace) -> tuple[datetime.date, datetime.date]:
    start: datetime.date | None = args.start
    if start is None:
        starts = [e.recurrence.start.date() for e in programme.entries]
        start = min(starts) if starts else datetime.date.today()
    end: datetime.date | None = args.end
    if end is None:
        try:
            end = start.replace(year=start.year + 1)
        except ValueError:  # 29 February
            end = start.replace(year=start.year + 1, day=28)
    if end <= start:
        raise _CommandError(f"--to {end} is not after --from {start}")
    return start, end


def _occurrence_row(o: Occurrence, names: _Names, lang: _core.Lang) -> list[str]:
    return [
        o.start.strftime("%Y-%m-%d"),
        _WEEKDAYS[lang][o.start.weekday()],
        o.start.strftime("%H:%M"),
        o.end.strftime("%H:%M") if o.end.date() == o.start.date() else o.end.strftime("%Y-%m-%d %H:%M"),
        names.unit(o.unit),
        names.title(o.entry),
        str(o.expected_people),
    ]


def _conflict_text(c: Conflict, names: _Names, lang: _core.Lang) -> str:
    words = _WORDS[lang]
    kind = words[_core.conflict_kind_name(c.kind)]

    def one(o: Occurrence) -> str:
        return f"{names.title(o.entry)} {o.start:%H:%M}–{o.end:%H:%M}"

    return (
        f"{c.first.start:%Y-%m-%d}  {names.unit(c.unit)}: {kind}: "
        f"{one(c.first)} {words['and']} {one(c.second)}"
    )


def _hours(value: float) -> str:
    return f"{value:g}"


def _print_text(
    programme: Programme,
    window: tuple[datetime.date, datetime.date],
    occurrences: list[Occurrence] | None,
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
        if occurrences:
            header = [
                words[k] for k in ("date", "day", "start", "end", "unit", "title", "people")
            ]
            _table(header, [_occurrence_row(o, names, lang) for o in occurrences], out)
        else:
            print(words["none"], file=out)
        print(file=out)
    print(words["conflicts"], file=out)
    if conflicts:
        for c in conflicts:
            print(_conflict_text(c, names, lang), file=out)
    else:
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
        _table(header, rows, out)
    else:
        print(words["none"], file=out)


def _print_csv(
    programme: Programme,
    occurrences: list[Occurrence] | None,
    conflicts: list[Conflict],
    loads: Sequence[_core.UnitMonthLoad],
    lang: _core.Lang,
) -> None:
    names = _Names(programme, lang)
    writer = csv.writer(sys.stdout, lineterminator="\n")
    if occurrences is not None:
        writer.writerow(
            ["entry", "unit", "format", "title", "start", "end", "expected_people"]
        )
        for o in occurrences:
            writer.writerow(
                [
                    o.entry,
                    o.unit,
                    o.format,
                    names.title(o.entry),
                    o.start.isoformat(),
                    o.end.isoformat(),
                    o.expected_people,
                ]
            )
        sys.stdout.write("\n")
    writer.writerow(
        ["unit", "kind", "first_entry", "first_start", "second_entry", "second_start"]
    )
    for c in conflicts:
        writer.writerow(
            [
                c.unit,
                _core.conflict_kind_name(c.kind),
                c.first.entry,
                c.first.start.isoformat(),
                c.second.entry,
                c.second.start.isoformat(),
            ]
        )
    sys.stdout.write("\n")
    writer.writerow(["unit", "month", "sessions", "hours", "person_hours"])
    for load in loads:
        writer.writerow(
            [load.unit, f"{load.month:%Y-%m}", load.sessions, _hours(load.hours), _hours(load.person_hours)]
        )


def _schedule(args: argparse.Namespace) -> int:
    path: str = args.programme
    if args.expanded and args.ics is None:
        raise _CommandError("--expanded applies to --ics: give the file to write")
    try:
        programme = Programme.load(path)
    except Error as error:
        # The loader's message starts with "path:line:column: pointer: ".
        raise _CommandError(str(error)) from None
    window = _window(programme, args)
    try:
        schedule = programme.schedule(*window)
        occurrences = occurrences_of(schedule, programme.zone)
        conflicts = conflicts_of(schedule, programme.zone)
        loads = _core.planned_hours_per_unit(schedule)
        text = None
        if args.ics is not None:
            text = programme.to_ics(
                args.ics, expanded=args.expanded, start=window[0], end=window[1], lang=args.lang
            )
    except Error as error:
        raise _CommandError(f"{path}: {error}") from None
    except OSError as error:
        raise _CommandError(f"{args.ics}: cannot write: {error.strerror}") from None
    shown: list[Occurrence] | None = occurrences
    if text is not None:
        events = text.count("BEGIN:VEVENT")
        print(
            f"{_WORDS[args.lang]['wrote']} {events} {_WORDS[args.lang]['events']}: {args.ics}",
            file=sys.stderr,
        )
        shown = None
    if args.csv:
        _print_csv(programme, shown, conflicts, loads, args.lang)
    else:
        _print_text(programme, window, shown, conflicts, loads, args.lang)
    return 0


def _holidays(args: argparse.Namespace) -> int:
    lang: _core.Lang = args.lang
    rows = []
    for h in _core.danish_holidays(args.year, args.common_days_off):
        rows.append(
            [
                h.day.isoformat(),
                _WEEKDAYS[lang][h.day.weekday()],
                _core.holiday_id(h.kind),
                _core.holiday_name(h.kind).get(lang),
            ]
        )
    header = ["date", "day", "id", "name"] if lang == _core.Lang.EN else ["dato", "dag", "id", "navn"]
    _table(header, rows, sys.stdout)
    return 0


def _reporting(
    command: Callable[[argparse.Namespace], int], name: str
) -> Callable[[argparse.Namespace], int]:
    def run(args: argparse.Namespace) -> int:
        try:
            return command(args)
        except _CommandError as error:
            print(f"carelearn {name}: {error}", file=sys.stderr)
            return 2

    return run


COMMANDS: dict[str, Callable[[argparse.Namespace], int]] = {
    "schedule": _reporting(_schedule, "schedule"),
    "holidays": _reporting(_holidays, "holidays"),
}
"""The subcommands this module adds, by name: each takes the parsed
arguments and returns the exit code."""
