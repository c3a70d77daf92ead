"""The facts of the source texts, as the Python API shows them."""

from __future__ import annotations

import datetime

import pytest

import carelearn
from carelearn import OutputKind, Participation, Period, Severity

START = datetime.datetime(2026, 3, 4, 14, 0)


def test_systematic_learning_meeting_takes_thirty_minutes_in_five_steps(
    meeting: carelearn.Format,
) -> None:
    assert meeting.duration == carelearn.TimeBudget.fixed(30)
    assert [step.id for step in meeting] == [
        "case",
        "learning-questions",
        "case-learning",
        "round",
        "joint-reflection",
    ]
    assert meeting.setting.standing is True
    assert meeting.cadence == carelearn.Cadence(interval=2, unit=Period.WEEK)
    assert carelearn.describe_cadence(meeting.cadence) == "every 2 weeks"
    assert carelearn.describe_cadence(meeting.cadence, "da") == "hver 2. uge"


def test_the_round_gives_about_a_minute_to_each(meeting: carelearn.Format) -> None:
    round_ = meeting.find_step("round")
    assert round_ is not None
    assert round_.participation is Participation.ROUND
    assert round_.budget == carelearn.TimeBudget.per_participant(1, 1, about=True)
    assert round_.budget.evaluate(12) == carelearn.MinuteRange(12, 12)
    assert carelearn.describe_budget(round_.budget) == "ca. 1 min each"


def test_the_learning_questions_are_eight(catalog: carelearn.Catalog) -> None:
    questions = catalog.find_question_set("learning-questions")
    assert questions is not None
    assert len(questions.prompts) == 8
    assert len({p.id for p in questions}) == 8
    assert questions.prompts[0].text.get("en") == "What was the biggest challenge?"
    meeting = catalog["systematic-learning-meeting"]
    step = meeting.find_step("learning-questions")
    assert step is not None and step.question_sets == ("learning-questions",)


def test_at_most_eight_fit_at_the_longest_and_nine_at_the_shortest(
    meeting: carelearn.Format,
) -> None:
    assert carelearn.max_participants_that_fit(meeting, longest=True) == 8
    assert carelearn.max_participants_that_fit(meeting, longest=False) == 9
    fits = [d for d in carelearn.validate(meeting) if d.code == "fits-at-most"]
    assert len(fits) == 1 and fits[0].severity is Severity.INFO
    assert "8" in fits[0].message() and "9" in fits[0].message()


def test_twelve_participants_overrun_by_three_to_four_minutes(
    meeting: carelearn.Format,
) -> None:
    agenda = carelearn.plan_agenda(meeting, 12, START)
    assert agenda.total == carelearn.MinuteRange(33, 34)
    assert agenda.planned == carelearn.MinuteRange(30, 30)
    assert agenda.slack == carelearn.MinuteRange(-4, -3)
    assert agenda.items[3].turns == 12
    assert agenda.end == datetime.datetime(2026, 3, 4, 14, 34)
    overrun = [d for d in agenda.diagnostics if d.code == "budget-overrun"]
    assert len(overrun) == 1
    assert overrun[0].severity is Severity.ERROR
    assert overrun[0].path == "duration"
    assert "33–34 min" in overrun[0].message("en")
    assert "3–4 min" in overrun[0].message("en")
    assert agenda.has_errors()


def test_eight_participants_fit(meeting: carelearn.Format) -> None:
    agenda = carelearn.plan_agenda(meeting, 8, START)
    assert agenda.total == carelearn.MinuteRange(29, 30)
    assert not agenda.has_errors()
    assert "budget-overrun" not in {
        d.code for d in carelearn.validate(meeting, participants=8)
    }


def test_learning_visit_takes_half_a_day_to_a_day_and_gives_three_learning_points(
    catalog: carelearn.Catalog,
) -> None:
    visit = catalog["learning-visit"]
    assert visit.duration == carelearn.TimeBudget.range(0.5, 1, carelearn.TimeUnit.DAY)
    assert carelearn.describe_budget(visit.duration) == "½–1 day"
    assert visit.duration.evaluate(2) == carelearn.MinuteRange(222, 444)
    learning_points = [o for o in visit.outputs if o.kind is OutputKind.LEARNING_POINT]
    assert len(learning_points) == 1
    assert (learning_points[0].min, learning_points[0].max) == (3, 3)


def test_learning_seminar_takes_at_most_a_hundred(catalog: carelearn.Catalog) -> None:
    seminar = catalog["learning-seminar"]
    assert seminar.capacity.max == 100
    assert "capacity-exceeded" not in {
        d.code for d in carelearn.validate(seminar, participants=100)
    }
    found = carelearn.validate(seminar, participants=101)
    exceeded = [d for d in found if d.code == "capacity-exceeded"]
    assert len(exceeded) == 1
    assert exceeded[0].severity is Severity.ERROR
    assert exceeded[0].path == "capacity"
    assert carelearn.has_errors(found)


def test_competence_module_has_eight_sessions(catalog: carelearn.Catalog) -> None:
    module = catalog["competence-module"]
    sessions = [
        c for c in module.components if c.format.id == "competence-module-session"
    ]
    assert len(sessions) == 1
    assert sessions[0].cadence is not None
    assert sessions[0].cadence.count == 8
    assert "competence-module-session" in catalog


@pytest.mark.parametrize("lang", ["da", "en"])
def test_every_builtin_format_validates_without_errors(
    catalog: carelearn.Catalog, lang: str
) -> None:
    for fmt in catalog:
        errors = [d for d in fmt.validate() if d.severity is Severity.ERROR]
        assert errors == [], (fmt.id, [d.message(lang) for d in errors])
