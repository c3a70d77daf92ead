"""Expand the programme of bench/schedule_bench.cpp from Python: carelearn's
``Programme.expand`` (columns built in C++) and ``carelearn schedule --csv``,
against python-dateutil's ``rrule`` on the same three rules, holidays and
closures.

The workload is BM_ExpandSharedSeries's: 1,000 care units (a municipality,
10 areas of 100 units), 3 formats each -- the biweekly systematic learning
meeting, a monthly meeting on the first Thursday, two hours of reading a week
-- over 2026-2030, on the Danish holidays, a summer closure each year and a
day off of its own for one unit in ten: 419,971 occurrences.

Run:  python bench/schedule_python.py [ROUNDS]
"""

from __future__ import annotations

import datetime
import pathlib
import subprocess
import sys
import tempfile
import time
import zoneinfo
from collections.abc import Callable

import carelearn

AREAS = 10
UNITS_PER_AREA = 100
UNITS = AREAS * UNITS_PER_AREA
FIRST = datetime.date(2026, 1, 1)
END = datetime.date(2031, 1, 1)
ZONE = zoneinfo.ZoneInfo("Europe/Copenhagen")

# (id, first local start, duration, RRULE, flexible): schedule_bench.cpp's Formats(0).
FORMATS = [
    (
        "systematic-learning-meeting",
        datetime.datetime(2026, 1, 5, 9, 0),
        datetime.timedelta(minutes=30),
        "FREQ=WEEKLY;INTERVAL=2",
        False,
    ),
    (
        "learning-network-meeting",
        datetime.datetime(2026, 1, 1, 13, 0),
        datetime.timedelta(hours=2),
        "FREQ=MONTHLY;BYDAY=1TH",
        False,
    ),
    (
        "competence-module-reading",
        datetime.datetime(2026, 1, 7, 8, 0),
        datetime.timedelta(hours=2),
        "FREQ=WEEKLY",
        True,
    ),
]


def unit_id(i: int) -> str:
    return f"unit-{i}"


def programme() -> carelearn.Programme:
    """schedule_bench.cpp's SharedProgramme() on its Calendar()."""
    units = [carelearn.OrgUnit("municipality", carelearn.Text("Kommunen", "The municipality"))]
    units += [carelearn.OrgUnit(f"area-{a}", parent="municipality") for a in range(AREAS)]
    units += [
        carelearn.OrgUnit(unit_id(i), parent=f"area-{i // UNITS_PER_AREA}") for i in range(UNITS)
    ]
    entries = [
        carelearn.ProgrammeEntry(
            id=format_id,
            format=carelearn.FormatRef(format_id, 1),
            units=["municipality"],
            recurrence=carelearn.Recurrence(
                start=start, duration=duration, rule=carelearn.parse_rrule(rule)
            ),
            roles=[carelearn.ExpectedRole("facilitator", 1), carelearn.ExpectedRole("colleague", 7)],
            flexible=flexible,
        )
        for format_id, start, duration, rule, flexible in FORMATS
    ]
    return carelearn.Programme(
        id="bench-shared", units=units, entries=entries, calendar=calendar()
    )


def closures() -> list[carelearn.Closure]:
    summer = [
        carelearn.Closure(
            first=datetime.date(year, 7, 6),
            last=datetime.date(year, 7, 24),
            reason=carelearn.Text("Sommerferie", "Summer"),
        )
        for year in range(2026, 2031)
    ]
    own = [
        carelearn.Closure(
            first=datetime.date(2027, 3, 1 + i % 28),
            last=datetime.date(2027, 3, 1 + i % 28),
            reason=carelearn.Text("Temadag", "Theme day"),
            unit=unit_id(i),
        )
        for i in range(0, UNITS, 10)
    ]
    return summer + own


def calendar() -> carelearn.WorkCalendar:
    return carelearn.WorkCalendar(closures=closures())


def with_dateutil() -> list[tuple[str, str, datetime.datetime, datetime.datetime]]:
    """The same occurrences with python-dateutil: each rule expanded once, then
    every unit's copy with its closed days left out, as aware datetimes."""
    from dateutil import rrule

    closed: set[datetime.date] = set()
    for year in range(FIRST.year, END.year):
        closed.update(h.day for h in carelearn.danish_holidays(year))
    own: dict[str, set[datetime.date]] = {}
    for c in closures():
        days = {c.first + datetime.timedelta(days=n) for n in range((c.last - c.first).days + 1)}
        if c.unit:
            own.setdefault(c.unit, set()).update(days)
        else:
            closed.update(days)
    end = datetime.datetime.combine(END, datetime.time())
    rows: list[tuple[str, str, datetime.datetime, datetime.datetime]] = []
    for format_id, start, duration, rule, _ in FORMATS:
        starts = [
            s.replace(tzinfo=ZONE)
            for s in rrule.rrulestr(rule, dtstart=start)
            .between(start, end, inc=True)
            if s.date() not in closed
        ]
        for i in range(UNITS):
            unit = unit_id(i)
            off = own.get(unit, set())
            rows.extend((unit, format_id, s, s + duration) for s in starts if s.date() not in off)
    rows.sort(key=lambda row: (row[2], row[0]))
    return rows


def best(fn: Callable[[], object], rounds: int) -> tuple[float, object]:
    result: object = None
    times = []
    for _ in range(rounds):
        began = time.perf_counter()
        result = fn()
        times.append(time.perf_counter() - began)
    return min(times), result


def main(rounds: int = 3) -> None:
    """Time each way and print seconds (best of ``rounds``)."""
    shared = programme()
    print(f"best of {rounds} rounds; {UNITS} units x {len(FORMATS)} formats, {FIRST} to {END}")

    seconds, occurrences = best(lambda: shared.expand(FIRST, END), rounds)
    count = len(occurrences)  # type: ignore[arg-type]
    print(f"  {'carelearn Programme.expand (columns)':<46} {seconds:8.3f} s  {count} occurrences")
    seconds, _ = best(lambda: shared.expand(FIRST, END).to_frame(), rounds)
    print(f"  {'carelearn Programme.expand().to_frame()':<46} {seconds:8.3f} s")
    seconds, _ = best(lambda: list(shared.expand(FIRST, END)), rounds)
    print(f"  {'carelearn list(Programme.expand()): objects':<46} {seconds:8.3f} s")
    seconds, rows = best(with_dateutil, rounds)
    print(f"  {'dateutil rrule, a tuple per occurrence':<46} {seconds:8.3f} s  {len(rows)} occurrences")  # type: ignore[arg-type]

    import pandas as pd

    def dateutil_frame() -> object:
        data = with_dateutil()
        return pd.DataFrame(data, columns=["unit", "format", "start", "end"])

    seconds, _ = best(dateutil_frame, rounds)
    print(f"  {'dateutil rrule + pandas.DataFrame':<46} {seconds:8.3f} s")

    with tempfile.TemporaryDirectory() as scratch:
        path = pathlib.Path(scratch) / "bench-shared.json"
        shared.save(path)
        command = [
            sys.executable, "-m", "carelearn", "schedule", str(path),
            "--from", str(FIRST), "--to", str(END), "--csv",
        ]

        def cli() -> object:
            return subprocess.run(command, check=True, capture_output=True).stdout

        seconds, out = best(cli, rounds)
        lines = out.count(b"\n")  # type: ignore[attr-defined]
        print(f"  {'carelearn schedule --csv (whole process)':<46} {seconds:8.3f} s  {lines} lines")


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 3)
