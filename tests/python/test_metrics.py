"""carelearn.metrics: each measure on a small hand-built municipality whose
answers are worked out by hand below (not by the code under test); a
property test against a plain pandas reimplementation on random data, with
records in any order; and bad arguments named.

The fixture (all times Europe/Copenhagen; summer time starts Sunday
2026-03-29, so the week of 26 March to 2 April is a DST week; Maundy
Thursday is 2026-04-02, a Danish holiday):

- the programme plans the systematic learning meeting (30 minutes, every
  other week in the catalog) for unit ``a-north`` every Thursday at 14:00
  from 5 March until 10 April: 5, 12, 19, 26 March and 9 April; 2 April is
  skipped for Maundy Thursday. Unit ``b-south`` has no programme.
- sessions (``a-north`` unless said):
  S1 5 Mar held 14:00-14:30, p1 (facilitator), p2, p3;
  S2 12 Mar cancelled beforehand for staffing (p6 listed, never sat);
  19 Mar nothing recorded;
  S3 26 Mar held 14:00-14:40, p1, p3 and p4 of b-south (a visit);
  S4 9 Apr held 14:00-14:30 (after the change to summer time), p1, p3;
  S5 15 Apr held 14:00-14:20, unplanned, p1;
  S6 ``b-south`` 10 Mar held 14:00-14:45, p4, p5;
  S7 ``b-south`` 14 Apr held 14:00-14:30, p2 (who moved there), p4, p5.
- the roster: p1 a-north nurse day; p2 a-north nurse day until 31 March,
  then b-south from 1 April; p3 a-north assistant evening; p4 b-south nurse
  day; p5 b-south assistant night; p6 a-north assistant day (never reached).
"""

from __future__ import annotations

import datetime
import inspect
import math
import random
import re
from typing import Any
from zoneinfo import ZoneInfo

import numpy as np
import pandas as pd
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import carelearn
import carelearn.metrics as cm
from carelearn import (
    Action,
    ActionStatus,
    CancelReason,
    Cancellation,
    Feedback,
    LearningPoint,
    Participant,
    PromptUse,
    Session,
    Shift,
    StatusChange,
    StepTiming,
)

CPH = ZoneInfo("Europe/Copenhagen")
MEETING = "systematic-learning-meeting"


def at(month: int, day: int, hour: int = 14, minute: int = 0) -> datetime.datetime:
    return datetime.datetime(2026, month, day, hour, minute, tzinfo=CPH)


def steps(month: int, day: int, plan: list[tuple[str, int]]) -> list[StepTiming]:
    """Consecutive steps from 14:00, each (step id, minutes)."""
    out = []
    clock = at(month, day)
    for step_id, minutes in plan:
        end = clock + datetime.timedelta(minutes=minutes)
        out.append(StepTiming(step_id=step_id, start=clock, end=end))
        clock = end
    return out


def held(
    sid: str,
    unit: str,
    month: int,
    day: int,
    minutes: int,
    people: list[Participant],
    **kw: Any,
) -> Session:
    return Session(
        id=sid,
        format_id=MEETING,
        unit=unit,
        planned_start=at(month, day),
        actual_start=at(month, day),
        actual_end=at(month, day) + datetime.timedelta(minutes=minutes),
        participants=people,
        **kw,
    )


def p(person: str, role: str, unit: str, shift: Shift = Shift.DAY) -> Participant:
    return Participant(person, role, unit, "", shift)


def fixture_sessions() -> list[Session]:
    s1 = held(
        "S1",
        "a-north",
        3,
        5,
        30,
        [
            p("p1", "facilitator", "a-north"),
            p("p2", "case-presenter", "a-north"),
            p("p3", "colleague", "a-north", Shift.EVENING),
        ],
        steps=steps(
            3,
            5,
            [("case", 5), ("learning-questions", 10), ("case-learning", 2), ("round", 3),
             ("joint-reflection", 7)],
        ),
        prompts=[
            PromptUse("learning-questions", "roles"),
            PromptUse("learning-questions", "relationships"),
            PromptUse("learning-questions", "do-differently"),
        ],
        learning_points=[LearningPoint("Ask first.", step_id="joint-reflection"),
                         LearningPoint("Write it down.", step_id="joint-reflection")],
        actions=[
            Action(
                "Rails",
                id="a1",
                history=[
                    StatusChange(ActionStatus.OPEN, at(3, 5, 14, 25)),
                    StatusChange(ActionStatus.IN_PROGRESS, at(3, 10)),
                    StatusChange(ActionStatus.DONE, at(3, 20, 14, 25)),
                ],
            ),
            Action(
                "Checklist",
                id="a2",
                due=datetime.date(2026, 3, 31),
                history=[StatusChange(ActionStatus.OPEN, at(3, 5, 14, 25))],
            ),
            Action(
                "Rota",
                id="a3",
                history=[
                    StatusChange(ActionStatus.OPEN, at(3, 5, 14, 25)),
                    StatusChange(ActionStatus.DROPPED, at(3, 15, 14, 25)),
                ],
            ),
        ],
        feedback=[Feedback("p1", 5), Feedback("p2", 4), Feedback("p3", 4)],
    )
    s2 = Session(
        id="S2",
        format_id=MEETING,
        unit="a-north",
        planned_start=at(3, 12),
        cancellation=Cancellation(CancelReason.STAFFING, "sick"),
        participants=[p("p6", "colleague", "a-north")],
    )
    s3 = held(
        "S3",
        "a-north",
        3,
        26,
        40,
        [
            p("p1", "colleague", "a-north"),
            p("p3", "case-presenter", "a-north", Shift.EVENING),
            p("p4", "colleague", "b-south"),
        ],
        # case-learning skipped, the round moved before the learning questions
        steps=steps(
            3, 26, [("case", 6), ("round", 3), ("learning-questions", 10), ("joint-reflection", 5)]
        ),
        prompts=[PromptUse("learning-questions", "roles"), PromptUse("round", "not-offered")],
        learning_points=[LearningPoint("Call the GP.", step_id="joint-reflection")],
        actions=[
            Action(
                "Phone list",
                id="a1",
                history=[
                    # across the change to summer time: 7 days less an hour
                    StatusChange(ActionStatus.OPEN, at(3, 26, 14, 35)),
                    StatusChange(ActionStatus.DONE, at(4, 2, 14, 35)),
                ],
            )
        ],
        feedback=[Feedback("p1", 3), Feedback("p3", 4), Feedback("p4", 5)],
    )
    s4 = held(
        "S4", "a-north", 4, 9, 30,
        [p("p1", "facilitator", "a-north"), p("p3", "colleague", "a-north", Shift.EVENING)],
    )
    s5 = held("S5", "a-north", 4, 15, 20, [p("p1", "facilitator", "a-north")])
    s6 = held(
        "S6", "b-south", 3, 10, 45,
        [p("p4", "facilitator", "b-south"), p("p5", "colleague", "b-south", Shift.UNSPECIFIED)],
    )
    s7 = held(
        "S7", "b-south", 4, 14, 30,
        [
            p("p2", "facilitator", "b-south"),
            p("p4", "colleague", "b-south"),
            p("p5", "colleague", "b-south", Shift.UNSPECIFIED),
        ],
    )
    sessions = [s1, s2, s3, s4, s5, s6, s7]
    for s in sessions:
        s.validate()
    return sessions


PROGRAMME = {
    "carelearn": "programme/1",
    "id": "fixture",
    "title": {"da": "Fixture", "en": "Fixture"},
    "units": [{"id": "a-north", "name": {"da": "Nord", "en": "North"}}],
    "entries": [
        {
            "id": "meetings",
            "format": {"id": MEETING, "version": 1},
            "units": ["a-north"],
            "recurrence": {
                "start": "2026-03-05T14:00",
                "duration": "PT30M",
                "rule": "FREQ=WEEKLY;BYDAY=TH;UNTIL=20260410",
            },
        }
    ],
}

ROSTER_CSV = """person,unit,profession,shift,from,to
p1,a-north,nurse,day,2026-01-01,
p2,a-north,nurse,day,2026-01-01,2026-03-31
p2,b-south,nurse,day,2026-04-01,
p3,a-north,assistant,evening,2026-01-01,
p4,b-south,nurse,day,2026-01-01,
p5,b-south,assistant,night,2026-01-01,
p6,a-north,assistant,day,2026-01-01,
"""


@pytest.fixture(scope="module")
def tables() -> carelearn.SessionTables:
    return carelearn.tables_from_sessions(fixture_sessions())


@pytest.fixture(scope="module")
def programme() -> carelearn.Programme:
    return carelearn.Programme.from_dict(PROGRAMME)


@pytest.fixture(scope="module")
def roster(tmp_path_factory: pytest.TempPathFactory) -> cm.Roster:
    path = tmp_path_factory.mktemp("roster") / "roster.csv"
    path.write_text(ROSTER_CSV, encoding="utf-8")
    return cm.read_roster(path)


def row(frame: pd.DataFrame, **keys: Any) -> pd.Series:
    """The one row of `frame` whose columns have the values `keys`."""
    mask = np.ones(len(frame), dtype=bool)
    for name, value in keys.items():
        mask &= (frame[name] == value).to_numpy()
    assert mask.sum() == 1, (keys, frame[list(keys)])
    return frame[mask].iloc[0]


def nan(x: Any) -> bool:
    return isinstance(x, float) and math.isnan(x)


# ------------------------------------------------------------------ cadence


def test_the_plan_links_each_occurrence_to_what_became_of_it(
    tables: carelearn.SessionTables, programme: carelearn.Programme
) -> None:
    link = cm.plan_link(tables, programme)
    # Maundy Thursday (2 April) is skipped: five occurrences.
    assert [t.strftime("%m-%d %H:%M") for t in link["start"]] == [
        "03-05 14:00", "03-12 14:00", "03-19 14:00", "03-26 14:00", "04-09 14:00"
    ]
    assert list(link["outcome"]) == ["held", "cancelled", "not-recorded", "held", "held"]
    # the rows of S1, S2, S3, S4 in tables.sessions
    ids = tables.sessions["id"]
    assert [ids.iloc[s] if s >= 0 else None for s in link["session"]] == [
        "S1", "S2", None, "S3", "S4"
    ]


def test_cadence_per_unit_and_month(
    tables: carelearn.SessionTables, programme: carelearn.Programme
) -> None:
    c = cm.cadence(tables, programme)
    assert list(zip(c["unit"], c["period"])) == [
        ("a-north", "2026-03"), ("a-north", "2026-04"), ("b-south", "2026-03"), ("b-south", "2026-04")
    ]
    march = row(c, unit="a-north", period="2026-03")
    assert march["period_start"] == pd.Timestamp("2026-03-01")
    assert (march["planned"], march["held"], march["cancelled"], march["not_recorded"]) == (4, 2, 1, 1)
    assert (march["cancelled_staffing"], march["cancelled_workload"]) == (1, 0)
    assert march["unplanned_held"] == 0
    assert march["adherence"] == 0.5
    # held 5 March, then 26 March: one interval of 21 days against every other week (14)
    assert (march["longest_gap_days"], march["intervals"], march["interval_median_days"]) == (21, 1, 21)
    assert (march["cadence_days"], march["interval_mad_days"]) == (14, 7)
    # halves: 1-15 March (5 held, 12 cancelled) and 16-31 March (19 not recorded, 26 held)
    assert (march["adherence_first_half"], march["adherence_second_half"]) == (0.5, 0.5)
    assert march["maintenance"] == 0
    april = row(c, unit="a-north", period="2026-04")
    assert (april["planned"], april["held"], april["unplanned_held"]) == (1, 1, 1)
    assert april["adherence"] == 1.0
    # 26 March -> 9 April across the DST week is 14 calendar days; 9 -> 15 April is 6;
    # their deviations from 14 are 0 and 8, whose median is 4
    assert (april["longest_gap_days"], april["intervals"]) == (14, 2)
    assert (april["interval_median_days"], april["interval_mad_days"]) == (10, 4)
    assert april["adherence_first_half"] == 1.0 and nan(april["adherence_second_half"])
    south = row(c, unit="b-south", period="2026-04")
    # no programme: unplanned only, adherence undefined; 10 March -> 14 April
    assert (south["planned"], south["unplanned_held"], south["longest_gap_days"]) == (0, 1, 35)
    assert nan(south["adherence"])
    assert not c["suppressed"].any()  # sessions, not people: nothing to withhold
    assert c.attrs["measure"] == "cadence" and c.attrs["roles"]["planned"] == "value"


def test_cadence_by_quarter_and_without_a_programme(
    tables: carelearn.SessionTables, programme: carelearn.Programme
) -> None:
    q = cm.cadence(tables, programme, period="quarter")
    north = q[q["unit"] == "a-north"]
    assert list(north["period"]) == ["2026-Q1", "2026-Q2"]
    assert list(north["planned"]) == [4, 1]
    none = cm.cadence(tables)
    assert none["planned"].sum() == 0
    assert none["unplanned_held"].sum() == 6 and none["unplanned_cancelled"].sum() == 1


def test_a_linking_window_of_days_links_a_moved_meeting(
    tables: carelearn.SessionTables, programme: carelearn.Programme
) -> None:
    # S5 (15 April) is 6 days after the 9 April occurrence, which S4 holds already:
    # nearest first, so it stays unplanned even within 7 days
    link = cm.plan_link(tables, programme, window="within", tolerance=datetime.timedelta(days=7))
    assert list(link["outcome"]) == ["held", "cancelled", "not-recorded", "held", "held"]


# ------------------------------------------------------------------ reach and dose


def test_reach_counts_a_person_who_moved_in_the_unit_of_the_day(
    tables: carelearn.SessionTables, roster: cm.Roster
) -> None:
    r = cm.reach(tables, roster, small_cells="off")
    got = {
        (u, per): (s, rc, k, n)
        for u, per, s, rc, k, n in zip(
            r["unit"], r["period"], r["staff"], r["reached"], r["reached_k"], r["never_reached"]
        )
    }
    assert got == {
        # March: p1, p2, p3, p6 on the roster; p1 and p3 twice, p2 once; p6 only in a
        # cancelled session
        ("a-north", "2026-03"): (4, 3, 2, 1),
        # p4 (twice: S3 visiting a-north, S6) and p5
        ("b-south", "2026-03"): (2, 2, 1, 0),
        # April: p2 has left a-north
        ("a-north", "2026-04"): (3, 2, 1, 1),
        ("b-south", "2026-04"): (3, 3, 0, 0),
    }
    assert row(r, unit="a-north", period="2026-03")["reached_share"] == 0.75
    assert r["off_roster"].sum() == 0
    assert not r["suppressed"].any()


def test_reach_is_withheld_below_five_people_by_default(
    tables: carelearn.SessionTables, roster: cm.Roster
) -> None:
    r = cm.reach(tables, roster)
    assert r["suppressed"].all()
    assert r["staff"].isna().all() and r["reached_share"].isna().all()
    assert str(r["staff"].dtype) == "Int64"
    flagged = cm.reach(tables, roster, small_cells="flag")
    assert flagged["suppressed"].all() and list(flagged["staff"]) == [4, 3, 2, 3]
    # with a threshold of 3 every people count of the row counts: a-north's March has
    # reached_k 2 and never_reached 1, April reached 2; b-south's March staff 2; only
    # b-south's April (3, 3, 0, 0: zero is not small) is shown
    small = cm.reach(tables, roster, threshold=3)
    assert list(small["suppressed"]) == [True, True, True, False]
    assert list(small["staff"].astype(object).fillna(-1)) == [-1, -1, -1, 3]


def test_reach_by_profession_and_shift(tables: carelearn.SessionTables, roster: cm.Roster) -> None:
    r = cm.reach(tables, roster, by=("unit", "profession"), small_cells="off")
    march = r[(r["unit"] == "a-north") & (r["period"] == "2026-03")]
    # nurses p1, p2 both reached; assistants p3 reached, p6 not
    assert dict(zip(march["profession"], zip(march["staff"], march["reached"]))) == {
        "assistant": (2, 1),
        "nurse": (2, 2),
    }
    s = cm.reach(tables, roster, by=("unit", "shift"), small_cells="off")
    south = s[(s["unit"] == "b-south") & (s["period"] == "2026-04")]
    assert dict(zip(south["shift"], south["staff"])) == {"day": 2, "night": 1}


def test_dose_in_hours_per_person(
    tables: carelearn.SessionTables, roster: cm.Roster, programme: carelearn.Programme
) -> None:
    d = cm.dose(tables, roster, programme, small_cells="off")
    march = row(d, unit="a-north", period="2026-03")
    # p1 30 + 40, p2 30, p3 30 + 40, p6 0 minutes
    assert (march["staff"], march["attendees"]) == (4, 3)
    assert march["hours"] == pytest.approx(170 / 60)
    assert march["hours_per_person_mean"] == pytest.approx(170 / 60 / 4)
    assert march["hours_per_person_median"] == pytest.approx(50 / 60)  # (30 + 70) / 2
    # four 30-minute meetings planned in March
    assert march["planned_hours_per_person"] == pytest.approx(2.0)
    assert march["dose_ratio"] == pytest.approx(170 / 60 / 4 / 2.0)
    april = row(d, unit="a-north", period="2026-04")
    # p1 30 + 20, p3 30, p6 0; one meeting planned (2 April skipped)
    assert april["hours"] == pytest.approx(80 / 60)
    assert april["hours_per_person_median"] == pytest.approx(0.5)
    assert april["planned_hours_per_person"] == pytest.approx(0.5)
    south = row(d, unit="b-south", period="2026-03")
    # p4's visit to a-north (40) counts for b-south, with S6 (45); p5 45
    assert south["hours"] == pytest.approx(130 / 60)
    assert south["hours_per_person_median"] == pytest.approx(65 / 60)
    assert nan(south["dose_ratio"])
    without = cm.dose(tables, roster, small_cells="off")
    assert without["planned_hours_per_person"].isna().all()


# ------------------------------------------------------------------ fidelity


def test_step_budgets_give_the_overrun_in_minutes(tables: carelearn.SessionTables) -> None:
    b = cm.step_budgets(tables, small_cells="off")
    assert len(b) == len(tables.steps)
    s1 = b[b["session"] == int(np.flatnonzero(tables.sessions["id"] == "S1")[0])]
    # case 5 of 5; learning questions 10 of 10; case learning 2 of 1-2; joint reflection 7 of 5
    assert list(s1["minutes"]) == [5, 10, 2, 3, 7]
    assert list(s1["format_position"]) == [0, 1, 2, 3, 4]
    assert list(s1["budget_max"].iloc[[0, 1, 2, 4]]) == [5, 10, 2, 5]
    assert list(s1["overrun_minutes"].iloc[[0, 1, 2, 4]]) == [0, 0, 0, 2]
    assert list(s1["over"]) == [False, False, False, False, True]


def test_session_fidelity(tables: carelearn.SessionTables) -> None:
    f = cm.session_fidelity(tables)
    f = f.assign(id=tables.sessions["id"].iloc[f["session"]].to_numpy()).set_index("id")
    assert "S2" not in f.index  # cancelled: not held
    s1, s3 = f.loc["S1"], f.loc["S3"]
    assert (s1["steps_in_format"], s1["steps_held"], s1["steps_skipped"]) == (5, 5, 0)
    assert (s3["steps_held"], s3["steps_skipped"], s3["steps_reordered"]) == (4, 1, 1)
    assert (s1["steps_over"], s1["overrun_minutes"]) == (1, 2.0)
    assert (s3["steps_over"], s3["overrun_minutes"]) == (1, 1.0)  # the case took 6 of 5
    # the eight learning questions; S3's "not-offered" does not count
    assert (s1["questions_offered"], s1["questions_used"], s3["questions_used"]) == (8, 3, 1)
    assert (s1["outputs_declared"], s1["outputs_met"]) == (2, 2)
    assert s1["facilitator_present"] and not s3["facilitator_present"]


def test_fidelity_per_unit_and_month(tables: carelearn.SessionTables) -> None:
    f = cm.fidelity(tables)
    march = row(f, unit="a-north", period="2026-03")
    assert march["sessions"] == 2
    assert march["steps_held_share"] == pytest.approx((5 / 5 + 4 / 5) / 2)
    assert (march["all_steps_share"], march["reordered_share"]) == (0.5, 0.5)
    assert march["overrun_rate"] == pytest.approx(2 / 9)  # 2 of 9 held steps over
    assert march["overrun_minutes_mean"] == pytest.approx(1.5)
    assert march["questions_share"] == pytest.approx((3 / 8 + 1 / 8) / 2)
    assert march["learning_points_mean"] == pytest.approx(1.5)
    assert (march["outputs_met_share"], march["facilitator_share"]) == (1.0, 0.5)


def test_step_fidelity_per_step(tables: carelearn.SessionTables) -> None:
    s = cm.step_fidelity(tables)
    march = s[(s["unit"] == "a-north") & (s["period"] == "2026-03")]
    assert list(march["step"]) == [
        "case", "learning-questions", "case-learning", "round", "joint-reflection"
    ]
    assert list(march["held"]) == [2, 2, 1, 2, 2]
    assert list(march["minutes_mean"]) == [5.5, 10, 2, 3, 6]
    assert list(march["overrun_rate"]) == [0.5, 0, 0, 0, 0.5]


# ------------------------------------------------------------------ outcomes


def test_outcomes_funnel_as_of_a_date(tables: carelearn.SessionTables) -> None:
    o = cm.outcomes(tables, as_of=datetime.date(2026, 4, 30))
    march = row(o, unit="a-north", period="2026-03")
    assert (march["sessions"], march["learning_points"]) == (2, 3)
    assert march["learning_points_per_session"] == 1.5
    assert (march["actions"], march["started"]) == (4, 2)
    assert (march["open"], march["in_progress"], march["done"], march["dropped"]) == (1, 0, 2, 1)
    assert march["done_rate"] == 0.5
    # 15 days, and 7 days less the hour summer time took
    assert march["median_days_to_done"] == pytest.approx((15 + (7 - 1 / 24)) / 2)
    assert march["overdue"] == 1  # a2, due 31 March, still open


def test_outcomes_accept_an_aware_as_of(tables: carelearn.SessionTables) -> None:
    # noon on 15 March in UTC+1 = 11:00 UTC: a1 in progress, a3 not yet dropped,
    # S3 (26 March) planned after it and left out
    as_of = datetime.datetime(2026, 3, 15, 12, 0, tzinfo=datetime.timezone(datetime.timedelta(hours=1)))
    o = cm.outcomes(tables, as_of=as_of)
    march = row(o, unit="a-north", period="2026-03")
    assert (march["sessions"], march["actions"], march["started"]) == (1, 3, 1)
    assert (march["open"], march["in_progress"], march["done"], march["dropped"]) == (2, 1, 0, 0)
    assert march["overdue"] == 0
    assert nan(march["median_days_to_done"])
    assert o.equals(cm.outcomes(tables, as_of="2026-03-15T11:00Z"))


# ------------------------------------------------------------------ responsiveness


def test_responsiveness_distribution_mean_and_interval(tables: carelearn.SessionTables) -> None:
    r = cm.responsiveness(tables, small_cells="off")
    march = row(r, unit="a-north", period="2026-03")
    ratings = [5, 4, 4, 3, 4, 5]
    assert (march["raters"], march["ratings"]) == (4, 6)  # p1, p2, p3, p4
    assert [march[f"rating_{k}"] for k in range(1, 6)] == [0, 0, 1, 3, 2]
    mean = 25 / 6
    sd = math.sqrt(sum((x - mean) ** 2 for x in ratings) / 5)
    half = 2.570582 * sd / math.sqrt(6)  # Student's t, 5 degrees of freedom, 97.5 %
    assert march["mean"] == pytest.approx(mean)
    assert march["sd"] == pytest.approx(sd)
    assert (march["ci_low"], march["ci_high"]) == (
        pytest.approx(mean - half, abs=1e-5), pytest.approx(mean + half, abs=1e-5)
    )
    withheld = row(cm.responsiveness(tables), unit="a-north", period="2026-03")
    assert withheld["suppressed"] and pd.isna(withheld["raters"]) and nan(withheld["mean"])


# ------------------------------------------------------------------ learning circles


def test_circles_cross_units_shifts_and_municipalities(tables: carelearn.SessionTables) -> None:
    c = cm.circles(tables, small_cells="off")
    assert list(c["period"]) == ["2026-03", "2026-04"]
    march, april = c.iloc[0], c.iloc[1]
    # S1 3 + S3 3 + S6 2 participations; p4 visiting a-north crosses unit and municipality
    assert (march["sessions"], march["people"], march["participations"]) == (3, 5, 8)
    assert (march["cross_unit"], march["cross_unit_share"]) == (1, 0.125)
    assert (march["cross_municipality"], march["mixed_unit_sessions"]) == (1, 1)
    # p5's shift unknown; in S6 p4 has nobody of another known shift
    assert (march["shift_known"], march["cross_shift"]) == (7, 6)
    assert nan(march["cross_unit_change"])
    assert (april["participations"], april["cross_unit"]) == (6, 0)
    assert april["cross_unit_change"] == -0.125
    assert (april["shift_known"], april["cross_shift"]) == (5, 2)
    same = cm.circles(tables, small_cells="off", municipality={"a-north": "x", "b-south": "x"})
    assert same["cross_municipality"].sum() == 0


def test_circle_matrix(tables: carelearn.SessionTables) -> None:
    m = cm.circle_matrix(tables, small_cells="off")
    got = {
        (per, a, b): (n, k, s)
        for per, a, b, n, k, s in zip(
            m["period"], m["participant_unit"], m["host_unit"], m["people"],
            m["participations"], m["sessions"]
        )
    }
    assert got == {
        ("2026-03", "a-north", "a-north"): (3, 5, 2),
        ("2026-03", "b-south", "a-north"): (1, 1, 1),
        ("2026-03", "b-south", "b-south"): (2, 2, 1),
        ("2026-04", "a-north", "a-north"): (2, 3, 2),
        ("2026-04", "b-south", "b-south"): (3, 3, 1),
    }
    assert cm.circle_matrix(tables)["suppressed"].all()


# ------------------------------------------------------------------ rosters


def test_rosters_from_csv_json_and_frames(tmp_path: Any, roster: cm.Roster) -> None:
    frame = roster.to_frame()
    assert list(frame.columns) == ["person", "unit", "profession", "shift", "from", "to"]
    assert len(frame) == 7 and frame["to"].isna().sum() == 6
    assert cm.Roster.from_frame(frame) == roster
    path = tmp_path / "roster.json"
    path.write_text(
        '{"carelearn": "roster/1", "members": [{"person": "p1", "unit": "a-north", '
        '"from": "2026-01-01"}]}',
        encoding="utf-8",
    )
    assert len(cm.read_roster(path)) == 1
    bad = tmp_path / "bad.csv"
    bad.write_text("person,unit,from\np1,a-north,2026-13-01\n", encoding="utf-8")
    with pytest.raises(carelearn.FormatError, match=r"bad\.csv:2:.*2026-13-01"):
        cm.read_roster(bad)
    with pytest.raises(carelearn.NotFoundError):
        cm.read_roster(tmp_path / "missing.csv")
    overlap = frame.iloc[[0, 0]]
    with pytest.raises(carelearn.FormatError, match="overlap"):
        cm.Roster.from_frame(overlap)
    with pytest.raises(ValueError, match='no column "from"'):
        cm.Roster.from_frame(frame.drop(columns="from"))


def test_a_roster_path_or_frame_serves_as_the_roster(
    tables: carelearn.SessionTables, roster: cm.Roster, tmp_path: Any
) -> None:
    path = tmp_path / "r.csv"
    path.write_text(ROSTER_CSV, encoding="utf-8")
    expected = cm.reach(tables, roster, small_cells="off")
    pd.testing.assert_frame_equal(cm.reach(tables, path, small_cells="off"), expected)
    pd.testing.assert_frame_equal(cm.reach(tables, roster.to_frame(), small_cells="off"), expected)


# ------------------------------------------------------------------ bad arguments


def test_bad_arguments_are_named(
    tables: carelearn.SessionTables, roster: cm.Roster, programme: carelearn.Programme
) -> None:
    with pytest.raises(TypeError, match="tables must be SessionTables"):
        cm.circles(tables.sessions)  # type: ignore[arg-type]
    with pytest.raises(ValueError, match='period: unknown value "week"'):
        cm.cadence(tables, programme, period="week")  # type: ignore[arg-type]
    with pytest.raises(ValueError, match="small_cells"):
        cm.reach(tables, roster, small_cells="hide")  # type: ignore[arg-type]
    with pytest.raises(ValueError, match="threshold: 0"):
        cm.reach(tables, roster, threshold=0)
    with pytest.raises(TypeError, match="threshold"):
        cm.reach(tables, roster, threshold=2.5)  # type: ignore[arg-type]
    with pytest.raises(ValueError, match="by: unknown value"):
        cm.reach(tables, roster, by=("unit", "ward"))
    with pytest.raises(ValueError, match='include "unit"'):
        cm.reach(tables, roster, by=("profession",))
    with pytest.raises(TypeError, match="roster must be"):
        cm.reach(tables, 42)  # type: ignore[arg-type]
    with pytest.raises(ValueError, match="start, end: give both"):
        cm.dose(tables, roster, start="2026-03-01")
    with pytest.raises(ValueError, match="end: 2026-03-01 is not after start"):
        cm.dose(tables, roster, start="2026-03-01", end="2026-03-01")
    with pytest.raises(TypeError, match="programme must be"):
        cm.cadence(tables, "programme.json")  # type: ignore[arg-type]
    with pytest.raises(ValueError, match="confidence"):
        cm.responsiveness(tables, confidence=1.5)
    with pytest.raises(TypeError, match="as_of"):
        cm.outcomes(tables, as_of=3)  # type: ignore[arg-type]
    with pytest.raises(ValueError, match="min_sessions"):
        cm.reach(tables, roster, min_sessions=0)
    with pytest.raises(TypeError, match="municipality"):
        cm.circles(tables, municipality=["a"])  # type: ignore[arg-type]


def test_days_bound_reach_to_the_periods_asked_for(
    tables: carelearn.SessionTables, roster: cm.Roster
) -> None:
    r = cm.reach(tables, roster, start="2026-01-01", end="2026-05-01", small_cells="off")
    north = r[r["unit"] == "a-north"]
    assert list(north["period"]) == ["2026-01", "2026-02", "2026-03", "2026-04"]
    # January: on the roster, nobody reached yet
    assert (north["staff"].iloc[0], north["reached"].iloc[0]) == (4, 0)


def test_plan_agenda_takes_an_aware_start() -> None:
    meeting = carelearn.Catalog.builtin()[MEETING]
    aware = carelearn.plan_agenda(meeting, 4, at(4, 9))
    naive = carelearn.plan_agenda(meeting, 4, datetime.datetime(2026, 4, 9, 14, 0))
    assert aware.start == naive.start == datetime.datetime(2026, 4, 9, 14, 0)


# ------------------------------------------------------------------ property test

UNITS = ["a-north", "a-south", "b-east"]
PEOPLE = [f"p{i}" for i in range(8)]


@st.composite
def session_sets(draw: st.DrawFn) -> list[Session]:
    n = draw(st.integers(min_value=0, max_value=14))
    out = []
    for i in range(n):
        day = draw(st.integers(min_value=0, max_value=120))
        start = datetime.datetime(2026, 2, 1, 14, 0, tzinfo=CPH) + datetime.timedelta(days=day)
        start = start.astimezone(CPH).replace(hour=14)  # 14:00 local, summer or not
        people = draw(st.lists(st.sampled_from(PEOPLE), unique=True, max_size=5))
        units = [draw(st.sampled_from(UNITS)) for _ in people]
        ratings = [draw(st.integers(min_value=1, max_value=5)) for _ in people]
        rated = [draw(st.booleans()) for _ in people]
        cancelled = draw(st.integers(min_value=0, max_value=5)) == 0
        common: dict[str, Any] = dict(
            id=f"s{i:02d}",
            format_id=MEETING,
            unit=draw(st.sampled_from(UNITS)),
            planned_start=start,
            participants=[Participant(x, "colleague", u) for x, u in zip(people, units)],
        )
        if cancelled:
            out.append(Session(**common, cancellation=Cancellation(CancelReason.WORKLOAD)))
        else:
            out.append(
                Session(
                    **common,
                    actual_start=start,
                    actual_end=start + datetime.timedelta(minutes=30),
                    feedback=[Feedback(x, r) for x, r, y in zip(people, ratings, rated) if y],
                )
            )
    return out


def pandas_matrix(sessions: list[Session]) -> pd.DataFrame:
    """The circle matrix, written out in pandas from the Session values."""
    rows = [
        {
            "period": s.planned_start.astimezone(CPH).strftime("%Y-%m"),
            "participant_unit": x.unit,
            "host_unit": s.unit,
            "person": x.id,
            "session": s.id,
        }
        for s in sessions
        if s.actual_start is not None
        for x in s.participants
    ]
    columns = ["period", "participant_unit", "host_unit", "people", "participations", "sessions"]
    if not rows:
        return pd.DataFrame(columns=columns)
    frame = pd.DataFrame(rows)
    grouped = frame.groupby(["period", "participant_unit", "host_unit"]).agg(
        people=("person", "nunique"), participations=("person", "size"), sessions=("session", "nunique")
    )
    return grouped.reset_index()[columns]


def pandas_ratings(sessions: list[Session]) -> pd.DataFrame:
    """Responsiveness counts and means, written out in pandas."""
    rows = [
        {
            "unit": s.unit,
            "period": s.planned_start.astimezone(CPH).strftime("%Y-%m"),
            "person": f.participant,
            "rating": f.rating,
        }
        for s in sessions
        for f in s.feedback
    ]
    columns = ["unit", "period", "raters", "ratings", "mean"]
    if not rows:
        return pd.DataFrame(columns=columns)
    grouped = pd.DataFrame(rows).groupby(["unit", "period"]).agg(
        raters=("person", "nunique"), ratings=("rating", "size"), mean=("rating", "mean")
    )
    return grouped.reset_index()[columns]


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(session_sets(), st.randoms(use_true_random=False))
def test_a_pandas_reimplementation_agrees_in_any_record_order(
    sessions: list[Session], rng: random.Random
) -> None:
    tables = carelearn.tables_from_sessions(sessions)
    shuffled = list(sessions)
    rng.shuffle(shuffled)
    again = carelearn.tables_from_sessions(shuffled)

    matrix = cm.circle_matrix(tables, small_cells="off")
    expected = pandas_matrix(sessions)
    got = matrix[list(expected.columns)].astype({"people": "int64"})
    assert got.to_dict("records") == expected.astype(
        {"people": "int64", "participations": "int64", "sessions": "int64"}
    ).to_dict("records")
    pd.testing.assert_frame_equal(cm.circle_matrix(again, small_cells="off"), matrix)

    ratings = cm.responsiveness(tables, small_cells="off")
    want = pandas_ratings(sessions)
    assert list(zip(ratings["unit"], ratings["period"])) == list(zip(want["unit"], want["period"]))
    assert list(ratings["raters"]) == list(want["raters"])
    assert list(ratings["ratings"]) == list(want["ratings"])
    np.testing.assert_allclose(ratings["mean"].to_numpy(float), want["mean"].to_numpy(float))
    pd.testing.assert_frame_equal(cm.responsiveness(again, small_cells="off"), ratings)

    for measure in (cm.circles, cm.outcomes, cm.fidelity):
        pd.testing.assert_frame_equal(measure(again), measure(tables))


# ------------------------------------------------------------------ hostile arguments


def _hostile_calls() -> list[tuple[str, str]]:
    import carelearn.plot as cp

    calls = []
    for module in (cm, cp):
        for name in module.__all__:
            function = getattr(module, name)
            if inspect.isfunction(function):
                for parameter in inspect.signature(function).parameters:
                    calls.append((f"{module.__name__}.{name}", parameter))
    return calls


@pytest.mark.parametrize(("function", "parameter"), _hostile_calls())
def test_every_measure_and_figure_refuses_hostile_arguments_by_name(
    function: str,
    parameter: str,
    tables: carelearn.SessionTables,
    programme: carelearn.Programme,
    roster: cm.Roster,
    tmp_path: Any,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """As tests/python/test_hostile.py does for the top-level names: each
    hostile value in each parameter, the others sound, may only succeed,
    raise a carelearn.Error, or a TypeError or ValueError naming it."""
    import importlib

    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt
    from test_hostile import HOSTILE

    monkeypatch.chdir(tmp_path)
    module_name, _, name = function.rpartition(".")
    f = getattr(importlib.import_module(module_name), name)
    sound: dict[str, Any] = {"tables": tables, "programme": programme, "roster": roster,
                             "path": "roster.csv", "frame": roster.to_frame()}
    if name == "action_funnel":
        sound["data"] = cm.outcomes(tables)
    elif module_name == "carelearn.plot":
        sound["data"] = tables
    signature = inspect.signature(f)
    required = {
        p: sound[p]
        for p, spec in signature.parameters.items()
        if (spec.default is inspect.Parameter.empty or p in ("roster", "programme"))
        and p != parameter
        and p in sound
    }
    for value in HOSTILE:
        try:
            f(**required, **{parameter: value})
        except carelearn.Error:
            pass
        except (TypeError, ValueError) as error:
            assert re.search(rf"(?<!\w){re.escape(parameter)}(?!\w)", str(error)), (
                f"{function}({parameter}={value!r:.40}): {type(error).__name__} names no "
                f"argument: {str(error)[:300]}"
            )
        finally:
            plt.close("all")
