"""carelearn's iCalendar export read back by independent libraries.

The .ics files of the example programmes and of a programme that exercises
the awkward cases (an endless rule, summer time beginning and ending under a
meeting, a start that does not exist on the local clock, RDATE, EXDATE, moved
occurrences, starts moved to the next working day, held sessions counted),
each in series and in expanded layout over several years, are parsed by the
`icalendar` package and expanded by `recurring-ical-events`; that must give
exactly the occurrences carelearn's `Programme.expand` gives: the same
entries, units, and start and end instants.
"""

from __future__ import annotations

import datetime
import pathlib
import zoneinfo

import pytest

import carelearn

import icalendar
import recurring_ical_events

CPH = zoneinfo.ZoneInfo("Europe/Copenhagen")
UTC = datetime.timezone.utc
EXAMPLES = pathlib.Path(__file__).resolve().parents[2] / "examples" / "programmes"
STAMP = datetime.datetime(2026, 1, 1, tzinfo=UTC)

Key = tuple[str, str, datetime.datetime, datetime.datetime]


def awkward_programme() -> carelearn.Programme:
    """A programme of the cases calendar programs get wrong."""
    units = [
        carelearn.OrgUnit("hoersholm", carelearn.Text(da="Hørsholm Kommune")),
        carelearn.OrgUnit("egely", carelearn.Text(da="Plejecenter Egely"), "hoersholm"),
        carelearn.OrgUnit("sophielund", carelearn.Text(da="Sophielund"), "hoersholm"),
    ]

    def entry(
        id: str,
        rule: str | None,
        start: datetime.datetime,
        minutes: int,
        *,
        units: list[str] | None = None,
        rdates: list[datetime.datetime] | None = None,
        exdates: list[datetime.datetime] | None = None,
        moves: list[carelearn.MovedOccurrence] | None = None,
        hosting: carelearn.Hosting = carelearn.Hosting.EACH_UNIT,
        on_closed_day: carelearn.ClosedDayPolicy | None = None,
        count_held_sessions: bool = False,
        occupies_day: bool = False,
    ) -> carelearn.ProgrammeEntry:
        return carelearn.ProgrammeEntry(
            id=id,
            format=carelearn.FormatRef("systematic-learning-meeting", 1),
            units=units or ["hoersholm"],
            hosting=hosting,
            recurrence=carelearn.Recurrence(
                start=start,
                duration=datetime.timedelta(minutes=minutes),
                rule=None if rule is None else carelearn.parse_rrule(rule),
                rdates=rdates or [],
                exdates=exdates or [],
                moves=moves or [],
            ),
            on_closed_day=on_closed_day,
            count_held_sessions=count_held_sessions,
            occupies_day=occupies_day,
        )

    entries = [
        # Every other Wednesday for ever, with an extra date, a left-out date
        # and a moved one; holidays skipped.
        entry(
            "biweekly",
            "FREQ=WEEKLY;INTERVAL=2;BYDAY=WE",
            datetime.datetime(2025, 1, 8, 14, 0),
            30,
            rdates=[datetime.datetime(2025, 6, 5, 10, 0)],
            exdates=[datetime.datetime(2025, 3, 5, 14, 0)],
            moves=[
                carelearn.MovedOccurrence(
                    original=datetime.datetime(2025, 4, 30, 14, 0),
                    start=datetime.datetime(2025, 5, 2, 9, 0),
                    duration=datetime.timedelta(minutes=45),
                )
            ],
        ),
        # Sundays at 01:30 for two hours: the clock changes under the meeting.
        entry("night-shift", "FREQ=WEEKLY;BYDAY=SU;UNTIL=20281231", datetime.datetime(2025, 1, 5, 1, 30), 120),
        # 02:30 on the last Sunday of March does not exist on the local clock.
        entry("gap", "FREQ=MONTHLY;BYDAY=-1SU;COUNT=30", datetime.datetime(2025, 1, 26, 2, 30), 60),
        # The first Monday of the month, moved past holidays to the next working day.
        entry(
            "first-monday",
            "FREQ=MONTHLY;BYDAY=1MO",
            datetime.datetime(2025, 1, 6, 9, 0),
            60,
            units=["egely"],
            on_closed_day=carelearn.ClosedDayPolicy.MOVE_TO_NEXT_WORKING_DAY,
        ),
        # Eight sessions held: skipped ones are made up at the end.
        entry(
            "module",
            "FREQ=WEEKLY;INTERVAL=1;BYDAY=TH;COUNT=8",
            datetime.datetime(2025, 3, 27, 13, 0),
            180,
            count_held_sessions=True,
        ),
        # Three explicit dates, jointly.
        entry(
            "seminars",
            None,
            datetime.datetime(2025, 10, 28, 9, 0),
            360,
            rdates=[datetime.datetime(2026, 3, 24, 9, 0), datetime.datetime(2027, 5, 11, 9, 0)],
            hosting=carelearn.Hosting.JOINT,
            occupies_day=True,
        ),
        # The last day of each month, 31 March 2026 at 23:30 across midnight.
        entry("month-end", "FREQ=MONTHLY;BYMONTHDAY=-1", datetime.datetime(2025, 1, 31, 23, 30), 90),
    ]
    closures = [
        carelearn.Closure(first=datetime.date(2025, 7, 7), last=datetime.date(2025, 8, 1)),
        carelearn.Closure(
            first=datetime.date(2025, 12, 22), last=datetime.date(2026, 1, 2), unit="egely"
        ),
    ]
    return carelearn.Programme(
        id="awkward",
        units=units,
        entries=entries,
        calendar=carelearn.WorkCalendar(common_days_off=True, closures=closures),
    )


def carelearn_events(
    programme: carelearn.Programme, start: datetime.datetime, end: datetime.datetime
) -> list[Key]:
    """(entry, unit, start, end) of each occurrence carelearn gives, sorted."""
    return sorted(
        (o.entry, o.unit, o.start.astimezone(UTC), o.end.astimezone(UTC))
        for o in programme.expand(start, end)
    )


def ics_events(text: str, start: datetime.datetime, end: datetime.datetime) -> list[Key]:
    """(entry, unit, start, end) of each event the libraries read from `text`
    that starts in [start, end), sorted; times as the libraries give them."""
    calendar = icalendar.Calendar.from_ical(text)
    # A day's margin: recurring-ical-events returns the events that overlap
    # the span; carelearn gives those that start in it.
    events = recurring_ical_events.of(calendar).between(
        start - datetime.timedelta(days=1), end + datetime.timedelta(days=1)
    )
    found: list[Key] = []
    for event in events:
        begins = event["DTSTART"].dt
        assert isinstance(begins, datetime.datetime) and begins.tzinfo is not None
        ends = event["DTEND"].dt if "DTEND" in event else begins + event["DURATION"].dt
        if not start <= begins < end:
            continue
        found.append(
            (str(event["X-CARELEARN-ENTRY"]), str(event["X-CARELEARN-UNIT"]), begins, ends)
        )
    return sorted(found, key=lambda e: (e[0], e[1], e[2].astimezone(UTC)))


CASES = [
    pytest.param(
        lambda: carelearn.Programme.load(EXAMPLES / "competence-module.json"),
        datetime.datetime(2018, 1, 1, tzinfo=CPH),
        datetime.datetime(2020, 1, 1, tzinfo=CPH),
        id="competence-module",
    ),
    pytest.param(
        lambda: carelearn.Programme.load(EXAMPLES / "cross-municipal-network.json"),
        datetime.datetime(2021, 1, 1, tzinfo=CPH),
        datetime.datetime(2023, 1, 1, tzinfo=CPH),
        id="cross-municipal-network",
    ),
    pytest.param(
        awkward_programme,
        datetime.datetime(2025, 1, 1, tzinfo=CPH),
        datetime.datetime(2028, 1, 1, tzinfo=CPH),
        id="awkward",
    ),
]


@pytest.mark.parametrize("expanded", [False, True], ids=["series", "expanded"])
@pytest.mark.parametrize(("make", "start", "end"), CASES)
def test_calendar_libraries_read_the_occurrences_carelearn_gives(
    make: object, start: datetime.datetime, end: datetime.datetime, expanded: bool,
    tmp_path: pathlib.Path,
) -> None:
    programme = make()  # type: ignore[operator]
    assert isinstance(programme, carelearn.Programme)
    path = tmp_path / "programme.ics"
    programme.to_ics(path, expanded=expanded, start=start, end=end, stamp=STAMP)
    text = path.read_bytes().decode("utf-8")
    expected = carelearn_events(programme, start, end)
    assert len(expected) > 0
    found = ics_events(text, start, end)
    # The same occurrences: entry, unit and start instant, exactly.
    assert [(e, u, s.astimezone(UTC)) for e, u, s, _ in found] == [
        (e, u, s) for e, u, s, _ in expected
    ]
    spanning = 0
    for (_, _, begins, ends), (_, _, want_start, want_end) in zip(found, expected, strict=True):
        # A start written at a local time that does not exist (02:30 on the day
        # summer time begins; RFC 5545 3.3.5 reads it as 03:30) has no event of
        # its own: the series' instant is right. Python's clock arithmetic
        # starts from the nonexistent 02:30, as for a span over the change.
        nonexistent = (
            begins.astimezone(UTC).astimezone(begins.tzinfo).replace(tzinfo=None)
            != begins.replace(tzinfo=None)
        )
        if (
            not nonexistent
            and want_start.astimezone(CPH).utcoffset() == want_end.astimezone(CPH).utcoffset()
        ):
            assert ends.astimezone(UTC) == want_end
        else:
            # Carelearn's times are exact (RFC 5545 3.3.6: PT2H is two hours):
            # a two-hour meeting from 01:30 on the day summer time begins ends
            # at 04:30. recurring-ical-events recomputes an end as the start
            # plus the event's length, and Python's aware datetime arithmetic
            # measures and adds that length on the local clock, so for an
            # occurrence that spans a change of UTC offset it may give 03:30.
            # Exactly that difference is allowed here, and only here; the
            # expanded file itself holds the exact ends (checked below).
            spanning += 1
            wall_clock = begins + (want_end - want_start)
            assert ends.astimezone(UTC) in (want_end, wall_clock.astimezone(UTC))
    assert (spanning > 0) == (programme.id == "awkward")
    if expanded:
        # Read by the icalendar package alone, every event is exactly an occurrence.
        calendar = icalendar.Calendar.from_ical(text)
        raw = sorted(
            (
                str(event["X-CARELEARN-ENTRY"]),
                str(event["X-CARELEARN-UNIT"]),
                event["DTSTART"].dt.astimezone(UTC),
                event["DTEND"].dt.astimezone(UTC),
            )
            for event in calendar.walk("VEVENT")
        )
        assert raw == expected


def test_the_awkward_programme_does_cross_summer_time() -> None:
    programme = awkward_programme()
    occurrences = programme.expand("2025-01-01", "2028-01-01")
    offsets = {o.start.utcoffset() for o in occurrences}
    assert offsets == {datetime.timedelta(hours=1), datetime.timedelta(hours=2)}
    # The meeting at 01:30 on 30 March 2025 ends at 04:30 by the new clock.
    night = next(
        o for o in occurrences if o.entry == "night-shift" and o.start.date() == datetime.date(2025, 3, 30)
    )
    assert night.end == datetime.datetime(2025, 3, 30, 4, 30, tzinfo=CPH)
    # 02:30 on 30 March 2025 is read as 03:30 summer time.
    gap = next(o for o in occurrences if o.entry == "gap" and o.start.month == 3)
    assert gap.start == datetime.datetime(2025, 3, 30, 3, 30, tzinfo=CPH)
    assert any(o.moved for o in occurrences if o.entry == "first-monday")
    module = [o for o in occurrences if o.entry == "module"]
    assert len(module) == 2 * 8  # each care centre holds eight
