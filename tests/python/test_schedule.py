"""The Python API of cadence, calendars and programmes: rules, holidays, work
calendars, series, programmes with their JSON documents, occurrences, frames,
conflicts, planned hours and iCalendar export."""

from __future__ import annotations

import copy
import datetime
import json
import pathlib
import pickle
import zoneinfo

import pytest

import carelearn
from carelearn import _core

CPH = zoneinfo.ZoneInfo("Europe/Copenhagen")
EXAMPLES = pathlib.Path(__file__).resolve().parents[2] / "examples" / "programmes"
MODULE = EXAMPLES / "competence-module.json"
NETWORK = EXAMPLES / "cross-municipal-network.json"


def dt(*args: int) -> datetime.datetime:
    return datetime.datetime(*args)  # type: ignore[arg-type]


# ---------------------------------------------------------------- rules


def test_rrule_parses_and_writes_canonical_text() -> None:
    rule = carelearn.parse_rrule("byday=we;interval=2;freq=weekly")
    assert str(rule) == "FREQ=WEEKLY;INTERVAL=2;BYDAY=WE"
    assert rule.frequency == carelearn.Frequency.WEEKLY
    assert rule.interval == 2
    assert rule.by_day == (carelearn.WeekdayNum(0, carelearn.Weekday.WEDNESDAY),)
    assert repr(rule) == "RRule.parse('FREQ=WEEKLY;INTERVAL=2;BYDAY=WE')"
    assert eval(repr(rule), {"RRule": carelearn.RRule}) == rule
    assert carelearn.RRule.parse(str(rule)) == rule


def test_rrule_from_its_parts() -> None:
    rule = carelearn.RRule(
        frequency=carelearn.Frequency.MONTHLY,
        by_day=[carelearn.WeekdayNum(-1, carelearn.Weekday.FRIDAY)],
        until=carelearn.RRuleUntil(
            kind=carelearn.RRuleUntil.Kind.DATE, value=dt(2026, 12, 31)
        ),
    )
    assert str(rule) == "FREQ=MONTHLY;BYDAY=-1FR;UNTIL=20261231"
    assert str(rule.by_day[0]) == "-1FR"
    assert rule.until is not None and rule.until.value == dt(2026, 12, 31, 0, 0)
    rule.validate()
    assert pickle.loads(pickle.dumps(rule)) == rule
    assert copy.copy(rule) == rule


@pytest.mark.parametrize(
    ("text", "message"),
    [
        (
            "FREQ=FORTNIGHTLY",
            'RRULE part "FREQ=FORTNIGHTLY": unknown frequency; expected DAILY, WEEKLY or MONTHLY',
        ),
        (
            "FREQ=WEEKLY;BYDAY=1WE",
            'RRULE part "BYDAY=1WE": a weekday with an ordinal ("1WE") needs FREQ=MONTHLY; '
            "this rule is FREQ=WEEKLY",
        ),
        ("INTERVAL=2", 'RRULE "INTERVAL=2": FREQ is required (DAILY, WEEKLY or MONTHLY)'),
    ],
)
def test_a_bad_rrule_raises_format_error_with_the_part(text: str, message: str) -> None:
    with pytest.raises(carelearn.FormatError) as caught:
        carelearn.parse_rrule(text)
    assert str(caught.value) == message
    assert isinstance(caught.value, ValueError)


# ---------------------------------------------------------------- holidays and calendars


def test_danish_holidays() -> None:
    holidays = carelearn.danish_holidays(2026)
    assert len(holidays) == 10
    assert holidays[4] == carelearn.Holiday(
        day=datetime.date(2026, 4, 6), kind=carelearn.HolidayKind.EASTER_MONDAY
    )
    assert carelearn.holiday_name(holidays[4].kind).da == "2. påskedag"
    assert carelearn.holiday_id(holidays[4].kind) == "easter-monday"
    # Store bededag was a holiday up to and including 2023.
    kinds_2023 = [h.kind for h in carelearn.danish_holidays(2023)]
    assert carelearn.HolidayKind.GREAT_PRAYER_DAY in kinds_2023
    assert carelearn.HolidayKind.GREAT_PRAYER_DAY not in [
        h.kind for h in carelearn.danish_holidays(2024)
    ]
    assert len(carelearn.danish_holidays(2023, common_days_off=True)) == 14
    assert carelearn.easter_sunday(2025) == datetime.date(2025, 4, 20)
    assert carelearn.danish_holiday_on(datetime.date(2026, 12, 24)) is None
    assert (
        carelearn.danish_holiday_on(datetime.date(2026, 12, 24), common_days_off=True)
        == carelearn.HolidayKind.CHRISTMAS_EVE
    )


def test_work_calendar() -> None:
    summer = carelearn.Closure(
        first=datetime.date(2026, 7, 6),
        last=datetime.date(2026, 7, 31),
        reason=carelearn.Text(da="Sommerferie", en="Summer holidays"),
    )
    calendar = carelearn.WorkCalendar(closures=[summer])
    assert calendar.danish_holidays and not calendar.common_days_off
    assert calendar.closures == (summer,)
    assert calendar.is_closed(datetime.date(2026, 7, 10))
    assert not calendar.is_working_day(datetime.date(2026, 4, 6))  # 2. påskedag
    assert calendar.next_working_day(datetime.date(2026, 4, 1)) == datetime.date(2026, 4, 7)
    assert calendar.next_working_day(datetime.date(2026, 7, 3)) == datetime.date(2026, 8, 3)
    assert calendar.holiday_on(datetime.date(2026, 4, 3)) == carelearn.HolidayKind.GOOD_FRIDAY
    assert calendar.longest_closure() == 26
    # A value: repr reads like the call that builds it, and pickles.
    rebuilt = eval(
        repr(calendar),
        {"WorkCalendar": carelearn.WorkCalendar, "Closure": carelearn.Closure,
         "Text": carelearn.Text, "datetime": datetime},
    )
    assert rebuilt == calendar
    assert pickle.loads(pickle.dumps(calendar)) == calendar
    assert copy.deepcopy(calendar) == calendar
    assert carelearn.WorkCalendar.without_holidays().is_working_day(datetime.date(2026, 4, 6))
    with pytest.raises(carelearn.FormatError, match="before"):
        calendar.add_closure(
            carelearn.Closure(first=datetime.date(2026, 9, 2), last=datetime.date(2026, 9, 1))
        )
    with pytest.raises(ValueError, match="common_days_off needs danish_holidays"):
        carelearn.WorkCalendar(danish_holidays=False, common_days_off=True)


# ---------------------------------------------------------------- series


def test_a_series_keeps_its_clock_time_across_summer_time() -> None:
    meetings = carelearn.Recurrence(
        start=dt(2026, 3, 18, 14, 0),
        duration=datetime.timedelta(minutes=30),
        rule=carelearn.parse_rrule("FREQ=WEEKLY;COUNT=3"),
    )
    assert meetings.zone == "Europe/Copenhagen"
    found = carelearn.expand_recurrence(meetings)
    assert [o.local_start for o in found] == [
        dt(2026, 3, 18, 14, 0),
        dt(2026, 3, 25, 14, 0),
        dt(2026, 4, 1, 14, 0),
    ]
    utc = datetime.timezone.utc
    assert found[0].start == datetime.datetime(2026, 3, 18, 13, 0, tzinfo=utc)
    assert found[2].start == datetime.datetime(2026, 4, 1, 12, 0, tzinfo=utc)  # now UTC+2
    window = carelearn.TimeWindow.days(datetime.date(2026, 3, 20), datetime.date(2026, 4, 1))
    assert [o.local_start for o in carelearn.expand_recurrence(meetings, window)] == [
        dt(2026, 3, 25, 14, 0)
    ]
    assert carelearn.TimeWindow().from_ is None
    with pytest.raises(ValueError, match='unknown time zone "Europe/Copenhagn"'):
        carelearn.Recurrence(zone="Europe/Copenhagn")


def test_an_endless_series_needs_a_window_that_ends() -> None:
    endless = carelearn.Recurrence(
        start=dt(2026, 1, 7, 14, 0), rule=carelearn.parse_rrule("FREQ=WEEKLY")
    )
    with pytest.raises(carelearn.FormatError, match="neither COUNT nor UNTIL"):
        carelearn.expand_recurrence(endless)


# ---------------------------------------------------------------- programmes


def test_the_competence_module_gives_eight_sessions_september_to_january() -> None:
    programme = carelearn.Programme.load(MODULE)
    assert programme.id == "gentofte-2018"
    assert len(programme.calendar.closures) == 2
    occurrences = programme.expand("2018-08-01", "2019-03-01")
    sessions = [o for o in occurrences if o.entry == "sessions"]
    assert [o.start.date() for o in sessions] == [
        datetime.date(2018, 9, 5),
        datetime.date(2018, 9, 19),
        datetime.date(2018, 10, 3),
        datetime.date(2018, 10, 31),
        datetime.date(2018, 11, 14),
        datetime.date(2018, 11, 28),
        datetime.date(2018, 12, 12),
        datetime.date(2019, 1, 9),
    ]
    assert all(o.format == "competence-module-session" for o in sessions)
    assert all(o.expected_people == 21 for o in sessions)
    assert sessions[0].start == datetime.datetime(2018, 9, 5, 9, 0, tzinfo=CPH)
    assert sessions[0].duration == datetime.timedelta(hours=6)
    reading = [o for o in occurrences if o.entry == "reading"]
    assert {o.duration for o in reading} == {datetime.timedelta(hours=2)}
    weeks = [o.start.isocalendar()[:2] for o in reading]
    assert len(weeks) == len(set(weeks)) == 22 - 3  # one slot a week; 3 weeks closed
    assert occurrences == sorted(occurrences, key=lambda o: o.start)
    assert programme.conflicts("2018-08-01", "2019-03-01") == []


def test_the_network_has_three_seminars_and_a_seminar_day_conflict_per_unit() -> None:
    programme = carelearn.load_programme(NETWORK)
    occurrences = programme.expand(datetime.date(2021, 9, 1), datetime.date(2022, 7, 1))
    seminars = [o for o in occurrences if o.entry == "seminars"]
    assert [(o.start.year, o.start.month) for o in seminars] == [
        (2021, 10),
        (2022, 3),
        (2022, 5),
    ]
    assert all(o.unit == "north-zealand" for o in seminars)  # joint: the host
    assert seminars[0].expected_people == 100
    network = [o for o in occurrences if o.entry == "network-meeting"]
    assert len(network) == 10
    assert all(o.start.weekday() == 3 and o.start.day <= 7 for o in network)
    conflicts = programme.conflicts("2021-09-01", "2022-07-01")
    assert len(conflicts) == 10
    assert {c.kind for c in conflicts} == {carelearn.ConflictKind.SEMINAR_DAY}
    assert conflicts[0].unit == "egely"
    assert conflicts[0].first.entry == "seminars"
    assert conflicts[0].second.start == datetime.datetime(2021, 10, 26, 14, 0, tzinfo=CPH)


def test_to_frame_gives_tz_aware_columns() -> None:
    programme = carelearn.Programme.load(MODULE)
    frame = programme.expand("2018-09-01", "2019-02-01").to_frame()
    assert list(frame.columns) == ["entry", "unit", "format", "start", "end", "expected_people"]
    assert str(frame["start"].dtype) == "datetime64[us, Europe/Copenhagen]"
    assert str(frame["end"].dtype) == "datetime64[us, Europe/Copenhagen]"
    sessions = frame[frame["format"] == "competence-module-session"]
    assert len(sessions) == 8
    assert sessions["start"].iloc[-1].isoformat() == "2019-01-09T09:00:00+01:00"
    assert (frame["expected_people"] == 21).all()
    # Two hours of reading a week.
    reading = frame[frame["entry"] == "reading"]
    per_week = (reading["end"] - reading["start"]).groupby(
        reading["start"].dt.isocalendar().week
    ).sum()
    assert (per_week == datetime.timedelta(hours=2)).all()
    empty = carelearn.Occurrences().to_frame()
    assert list(empty.columns) == list(frame.columns) and len(empty) == 0
    assert str(empty["start"].dtype) == "datetime64[us, Europe/Copenhagen]"


def test_planned_hours_per_unit_and_month() -> None:
    programme = carelearn.Programme.load(MODULE)
    loads = programme.planned_hours("2018-09-01", "2019-02-01")
    assert all(isinstance(load, carelearn.UnitMonthLoad) for load in loads)
    september = loads[0]
    assert september.unit == "center-for-netvaerk"
    assert september.month == datetime.date(2018, 9, 1)
    # Four Mondays of reading (2 h) and two teaching days (6 h).
    assert (september.sessions, september.hours) == (6, 20.0)
    assert september.person_hours == 20.0 * 21
    assert programme.planned_hours("2018-09-01", "2019-02-01", per="person") == []
    with pytest.raises(ValueError, match="per must be"):
        programme.planned_hours(per="team")  # type: ignore[call-overload]


def test_a_programme_round_trips_through_its_json(tmp_path: pathlib.Path) -> None:
    for path in (MODULE, NETWORK):
        programme = carelearn.Programme.load(path)
        assert programme.to_json() == path.read_text(encoding="utf-8")
        assert carelearn.Programme.from_dict(programme.to_dict()) == programme
        saved = tmp_path / path.name
        programme.save(saved)
        assert saved.read_bytes() == path.read_bytes()
        assert carelearn.Programme.load(saved) == programme
        assert pickle.loads(pickle.dumps(programme)) == programme
        assert copy.deepcopy(programme) == programme
        assert carelearn.Programme(programme) == programme


def test_a_programme_built_in_python() -> None:
    meeting = carelearn.ProgrammeEntry(
        id="learning-meeting",
        format=carelearn.FormatRef("systematic-learning-meeting", 1),
        units=["hoersholm"],
        recurrence=carelearn.Recurrence(
            start=dt(2026, 3, 4, 14, 0),
            duration=datetime.timedelta(minutes=30),
            rule=carelearn.parse_rrule("FREQ=WEEKLY;INTERVAL=2"),
            exdates=[dt(2026, 3, 18, 14, 0)],
        ),
        roles=[carelearn.ExpectedRole("facilitator", 1), carelearn.ExpectedRole("colleague", 7)],
    )
    programme = carelearn.Programme(
        id="hoersholm-2026",
        units=[
            carelearn.OrgUnit("hoersholm", carelearn.Text(da="Hørsholm Kommune")),
            carelearn.OrgUnit("egely", carelearn.Text(da="Plejecenter Egely"), "hoersholm"),
            carelearn.OrgUnit("sophielund", carelearn.Text(da="Sophielund"), "hoersholm"),
        ],
        entries=[meeting],
        calendar=carelearn.WorkCalendar(common_days_off=True),
    )
    programme.validate()
    assert meeting.expected_people() == 8
    occurrences = programme.expand("2026-03-01", "2026-04-01")
    # 18 March is an EXDATE: only 4 March is held in March, by both care centres.
    assert [(o.start.day, o.unit) for o in occurrences] == [(4, "egely"), (4, "sophielund")]
    document = json.loads(programme.to_json())
    assert document["calendar"] == {"holidays": "danish-and-common-days-off"}
    assert carelearn.Programme.from_json(programme.to_json()) == programme
    # repr reads like the call that builds the programme, calendar included.
    namespace = {name: getattr(carelearn, name) for name in carelearn.__all__}
    namespace["datetime"] = datetime
    assert eval(repr(programme), namespace) == programme
    other = carelearn.Programme(programme, calendar=carelearn.WorkCalendar())
    assert other != programme


def test_validate_names_the_place() -> None:
    programme = carelearn.Programme(
        id="p",
        units=[carelearn.OrgUnit("hoersholm")],
        entries=[
            carelearn.ProgrammeEntry(
                id="network-meeting",
                format=carelearn.FormatRef("learning-network-meeting"),
                units=["hoersholm", "allerod"],
            )
        ],
    )
    with pytest.raises(carelearn.FormatError) as caught:
        programme.validate()
    assert str(caught.value) == (
        'entries[0] "network-meeting": unit "allerod" is not a unit of the programme'
    )
    with pytest.raises(carelearn.FormatError, match="allerod"):
        programme.expand("2026-01-01", "2026-02-01")


def test_load_errors_name_the_file_line_column_and_pointer(tmp_path: pathlib.Path) -> None:
    document = json.loads(MODULE.read_text(encoding="utf-8"))
    document["entries"][0]["recurrence"]["rule"] = "FREQ=FORTNIGHTLY"
    path = tmp_path / "plan.json"
    path.write_text(json.dumps(document, indent=2, ensure_ascii=False), encoding="utf-8")
    with pytest.raises(carelearn.FormatError) as caught:
        carelearn.Programme.load(path)
    error = caught.value
    assert error.path == "/entries/0/recurrence/rule"
    assert error.line is not None and error.line > 1
    assert str(error) == (
        f"{path}:{error.line}:{error.column}: /entries/0/recurrence/rule: "
        'RRULE part "FREQ=FORTNIGHTLY": unknown frequency; expected DAILY, WEEKLY or MONTHLY'
    )
    with pytest.raises(carelearn.NotFoundError):
        carelearn.Programme.load(tmp_path / "missing.json")
    document = json.loads(MODULE.read_text(encoding="utf-8"))
    document["entries"][1]["flexibel"] = True
    with pytest.raises(carelearn.FormatError, match='did you mean "flexible"'):
        carelearn.Programme.from_dict(document)
    with pytest.raises(carelearn.VersionError):
        carelearn.Programme.from_json('{"carelearn": "format/1", "id": "x"}')


def test_to_ics_writes_an_rfc5545_document(tmp_path: pathlib.Path) -> None:
    programme = carelearn.Programme.load(MODULE)
    stamp = datetime.datetime(2026, 1, 1, tzinfo=datetime.timezone.utc)
    path = tmp_path / "module.ics"
    text = programme.to_ics(path, stamp=stamp, lang="en")
    assert path.read_bytes() == text.encode("utf-8")
    assert text.startswith("BEGIN:VCALENDAR\r\n") and text.endswith("END:VCALENDAR\r\n")
    assert "RRULE:FREQ=WEEKLY;INTERVAL=2;COUNT=10\r\n" in text  # 8 held, 2 skipped
    assert "DTSTAMP:20260101T000000Z\r\n" in text
    assert "SUMMARY:Teaching day of the diploma module – Center for Netværk" in text.replace(
        "\r\n ", ""
    )
    expanded = programme.to_ics(expanded=True, start="2018-09-01", end="2019-02-01", stamp=stamp)
    assert expanded.count("BEGIN:VEVENT") == len(programme.expand("2018-09-01", "2019-02-01"))
    # The same programme and stamp give the same bytes: UIDs are stable.
    assert programme.to_ics(stamp=stamp, lang="en") == text


def test_the_programme_example_prints_what_the_guide_says(tmp_path: pathlib.Path) -> None:
    import subprocess
    import sys

    example = EXAMPLES.parents[0] / "python" / "plan_a_programme.py"
    result = subprocess.run(
        [sys.executable, str(example), str(tmp_path)],
        check=False,
        capture_output=True,
        text=True,
        encoding="utf-8",
        timeout=120,
    )
    assert result.returncode == 0, result.stderr
    assert result.stderr == ""
    assert result.stdout.splitlines() == [
        "8 teaching days: 2018-09-05 to 2019-01-09",
        "reading: 38 h in 19 weeks",
        "10 conflicts, first: egely on 2021-10-26, seminars and learning-meeting",
        "egely in October 2021: 4 sessions, 9 h",
        "wrote network.ics",
    ]
    assert (tmp_path / "network.ics").read_bytes().startswith(b"BEGIN:VCALENDAR\r\n")


# ---------------------------------------------------------------- columns


def test_expand_gives_columns_built_in_cpp() -> None:
    import numpy

    programme = carelearn.Programme.load(MODULE)
    occurrences = programme.expand("2018-09-01", "2019-02-01")
    columns = occurrences.columns
    # 8 teaching days and 19 weeks of reading (the example's figures).
    assert len(occurrences) == len(columns["entry"]) == 8 + 19
    assert columns["start"].dtype == numpy.dtype("datetime64[us]")
    assert columns["local_start"].dtype == numpy.dtype("datetime64[m]")
    assert columns["entries"] == ["sessions", "reading"]
    assert columns["formats"][0] == "competence-module-session"
    first = int(numpy.flatnonzero(columns["entry"] == 0)[0])
    # 5 September 2018, 09:00 in Copenhagen is 07:00 UTC.
    assert str(columns["start"][first]) == "2018-09-05T07:00:00.000000"
    assert str(columns["local_start"][first]) == "2018-09-05T09:00"
    assert occurrences[first].start == datetime.datetime(2018, 9, 5, 9, 0, tzinfo=CPH)
    listed = list(occurrences)
    assert occurrences[-1] == listed[-1]
    assert occurrences[2:5] == listed[2:5]
    assert occurrences == listed
    again = carelearn.Occurrences(listed)
    assert again == occurrences
    assert again.to_frame().equals(occurrences.to_frame())
    with pytest.raises(IndexError, match="index 27 is out of range for 27 occurrences"):
        occurrences[27]
    assert repr(occurrences) == "<Occurrences: 27 on the clock of Europe/Copenhagen>"


def test_a_fixed_offset_zone_expands() -> None:
    programme = carelearn.Programme(
        id="p",
        units=[carelearn.OrgUnit("u")],
        entries=[
            carelearn.ProgrammeEntry(
                id="e",
                units=["u"],
                format=carelearn.FormatRef("systematic-learning-meeting"),
                recurrence=carelearn.Recurrence(
                    start=dt(2026, 3, 4, 14, 0),
                    duration=datetime.timedelta(hours=1),
                    rule=carelearn.parse_rrule("FREQ=WEEKLY;COUNT=2"),
                    zone="Fixed/UTC+01:00:00",
                ),
            )
        ],
    )
    occurrences = programme.expand()
    assert [o.start.isoformat() for o in occurrences] == [
        "2026-03-04T14:00:00+01:00",
        "2026-03-11T14:00:00+01:00",
    ]
    frame = occurrences.to_frame()
    assert str(frame["end"].iloc[1]) == "2026-03-11 15:00:00+01:00"
    assert carelearn.Programme.from_json(programme.to_json()).expand() == occurrences
