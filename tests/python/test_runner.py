"""The live runner from Python: a fake clock that never sleeps, the time
left, rounds, outputs that do not fit the format as diagnostics, and calls
in the wrong state as StateError."""

from __future__ import annotations

import datetime
import gc

import pytest

import carelearn
from carelearn import (
    AlreadyExistsError,
    CancelReason,
    Catalog,
    FakeClock,
    Format,
    FormatError,
    MisfitPolicy,
    NoteKind,
    Participant,
    Runner,
    RunnerState,
    SessionStatus,
    StateError,
)

UTC = datetime.UTC
START = datetime.datetime(2026, 3, 4, 13, 0, tzinfo=UTC)  # 14:00 in Copenhagen

FACILITATOR = "a" * 24
PRESENTER = "b" * 24
COLLEAGUE = "c" * 24


def group() -> list[Participant]:
    return [
        Participant(FACILITATOR, "facilitator", "home-care-north", "nurse"),
        Participant(PRESENTER, "case-presenter", "home-care-north"),
        Participant(COLLEAGUE, "colleague", "home-care-north"),
    ]


def minutes(n: float) -> datetime.timedelta:
    return datetime.timedelta(minutes=n)


@pytest.fixture()
def clock() -> FakeClock:
    """A fake clock at 14:02 Copenhagen time, two minutes after the planned start."""
    return FakeClock(START + minutes(2))


@pytest.fixture()
def runner(meeting: Format, clock: FakeClock) -> Runner:
    """The systematic learning meeting, planned for 14:00, not started."""
    return Runner(
        meeting,
        session_id="s-1",
        unit="home-care-north",
        planned_start=START,
        clock=clock,
    )


def test_a_meeting_runs_on_a_fake_clock(runner: Runner, clock: FakeClock) -> None:
    assert runner.state is RunnerState.READY
    assert runner.start(group()) == []
    assert runner.state is RunnerState.RUNNING
    assert runner.current_step is not None and runner.current_step.id == "case"
    assert runner.time_left_in_step() == minutes(5)
    assert runner.time_left_in_session() == minutes(30)
    clock.advance(minutes=6)
    assert runner.time_left_in_step() == minutes(-1)  # over, not an exception
    runner.next()
    assert runner.step_index == 1
    assert runner.record_prompt_used("biggest-challenge").recorded
    clock.advance(minutes=10)
    runner.next()
    result = runner.record_learning_point("Ask the relative first.")
    assert result.recorded and result.diagnostics == ()
    runner.record_learning_point("Mrs Jensen.", author=PRESENTER, confidential=True)
    clock.advance(minutes=2)
    runner.next()
    turn = runner.round()
    assert turn is not None
    assert turn.order == (FACILITATOR, PRESENTER, COLLEAGUE)
    assert turn.speaker == 0 and turn.time_left == minutes(1)
    clock.advance(seconds=30)
    runner.pass_the_word()
    turn = runner.round()
    assert turn is not None and turn.speaker == 1
    runner.record_note("Relatives know more than we think.", kind=NoteKind.REFLECTION)
    clock.advance(minutes=3)
    runner.next()
    assert runner.round() is None
    runner.record_action("Fixed call with relatives", owner="leader", due="2026-04-01")
    clock.advance(minutes=4)
    session = runner.finish()
    assert isinstance(session, carelearn.Session)
    assert runner.state is RunnerState.FINISHED
    assert session.id == "s-1" and session.unit == "home-care-north"
    assert session.planned_start == START
    assert session.actual_start == START + minutes(2)
    assert session.actual_end == START + minutes(2 + 6 + 10 + 2 + 3.5 + 4)
    assert [t.step_id for t in session.steps] == [s.id for s in runner.format.steps]
    assert session.steps[0].end - session.steps[0].start == minutes(6)
    assert [p.question_id for p in session.prompts] == ["biggest-challenge"]
    assert [p.step_id for p in session.learning_points] == ["case-learning"] * 2
    action = session.actions[0]
    assert (action.id, action.owner, action.due) == (
        "a1",
        "leader",
        datetime.date(2026, 4, 1),
    )
    assert action.history[0].at == START + minutes(2 + 6 + 10 + 2 + 3.5)
    assert session.status() is SessionStatus.HELD
    assert [
        d.code for d in runner.diagnostics if d.severity is carelearn.Severity.ERROR
    ] == []
    assert runner.session == session


def test_outputs_that_do_not_fit_are_diagnostics_not_exceptions(runner: Runner) -> None:
    runner.start(group())
    result = runner.record_learning_point("Too early.")
    assert not result.recorded
    assert [d.code for d in result.diagnostics] == ["output-not-produced-here"]
    assert result.diagnostics[0].severity is carelearn.Severity.ERROR
    assert runner.session.learning_points == ()
    unknown = runner.record_prompt_used("no-such-question")
    assert [d.code for d in unknown.diagnostics] == ["unknown-prompt"]


def test_a_misfit_can_be_kept_with_a_warning(meeting: Format, clock: FakeClock) -> None:
    runner = Runner(meeting, clock=clock, misfit=MisfitPolicy.KEEP)
    runner.start(group())
    result = runner.record_learning_point("Early, but kept.")
    assert result.recorded
    assert result.diagnostics[0].severity is carelearn.Severity.WARNING


def test_a_learning_visit_takes_exactly_three_learning_points(catalog: Catalog) -> None:
    clock = FakeClock("2026-03-04T08:00")
    visit = catalog["learning-visit"]
    people = [
        Participant(FACILITATOR, "learning-agent"),
        Participant(PRESENTER, "host-colleague"),
    ]
    runner = Runner(visit, session_id="v-1", clock=clock)
    runner.start(people)
    runner.next()
    runner.next()
    for n in range(3):
        assert runner.record_learning_point(f"Point {n}.").recorded
    fourth = runner.record_learning_point("A fourth point.")
    assert not fourth.recorded
    assert [d.code for d in fourth.diagnostics] == ["too-many-learning-points"]
    assert fourth.diagnostics[0].message() == (
        "learning points: exactly 3 asked for, and 3 are recorded already"
    )
    session = runner.finish()
    assert len(session.learning_points) == 3
    assert not carelearn.has_errors(session.check())

    short = Runner(visit, session_id="v-2", clock=clock)
    short.start(people)
    short.next()
    short.next()
    short.record_learning_point("Only one.")
    ended = short.finish()  # a diagnostic, not a crash
    assert [
        d.code for d in short.diagnostics if d.severity is carelearn.Severity.ERROR
    ] == ["too-few-learning-points"]
    assert str(ended.check()[0]) == (
        "error too-few-learning-points at learning_points: "
        "learning points: exactly 3 asked for, 1 recorded"
    )


def test_a_missing_facilitator_is_reported_and_the_session_starts(
    runner: Runner,
) -> None:
    found = runner.start([Participant(PRESENTER, "case-presenter")])
    codes = [d.code for d in found]
    assert codes[0] == "missing-facilitator"
    assert found[0].severity is carelearn.Severity.ERROR
    assert runner.state is RunnerState.RUNNING


def test_calls_in_the_wrong_state_raise_state_error_and_change_nothing(
    runner: Runner,
) -> None:
    with pytest.raises(StateError, match='^Next: session "s-1" has not started$'):
        runner.next()
    with pytest.raises(
        StateError, match='^RecordLearningPoint: session "s-1" has not started$'
    ):
        runner.record_learning_point("Before the start.")
    runner.start(group())
    with pytest.raises(StateError, match='^Start: session "s-1" has already started$'):
        runner.start(group())
    with pytest.raises(StateError, match="PassTheWord"):
        runner.pass_the_word()  # not a round
    for _ in range(4):
        runner.next()
    with pytest.raises(
        StateError, match='^Next: "joint-reflection" is the last step; call Finish$'
    ):
        runner.next()
    session = runner.finish()
    with pytest.raises(StateError, match='^Next: session "s-1" is finished$') as caught:
        runner.next()
    assert isinstance(caught.value, carelearn.Error)
    with pytest.raises(StateError, match="is finished"):
        runner.finish()
    with pytest.raises(StateError, match="is finished"):
        runner.cancel("other")
    assert runner.session == session


def test_bad_arguments_raise_with_the_cause(runner: Runner) -> None:
    with pytest.raises(FormatError, match="Start: no participants"):
        runner.start([])
    runner.start(group())
    with pytest.raises(FormatError, match="the text is empty"):
        runner.record_note("")
    with pytest.raises(FormatError, match="not a participant"):
        runner.record_learning_point("x", author="d" * 24)
    for _ in range(4):
        runner.next()
    runner.record_action("One", id="a1")
    with pytest.raises(AlreadyExistsError, match='"a1"'):
        runner.record_action("Two", id="a1")
    with pytest.raises(FormatError, match="rating"):
        runner.record_feedback(COLLEAGUE, 6)
    with pytest.raises(ValueError, match="is not a date"):
        runner.record_action("Three", due="soon")
    with pytest.raises(ValueError, match='unknown cancel reason "bored"'):
        runner.cancel("bored")


def test_a_cancelled_session_keeps_what_was_recorded(
    runner: Runner, clock: FakeClock
) -> None:
    runner.start(group())
    runner.set_case("difficult-conversation", citizen="e" * 24)
    clock.advance(minutes=3)
    session = runner.cancel(CancelReason.WORKLOAD, "An emergency.")
    assert session.status() is SessionStatus.CANCELLED
    assert session.cancellation == carelearn.Cancellation(
        CancelReason.WORKLOAD, "An emergency."
    )
    assert session.presented_case == carelearn.Case("difficult-conversation", "e" * 24)
    assert session.actual_end == START + minutes(5)
    before = Runner(runner.format, clock=clock)
    called_off = before.cancel("holiday")
    assert called_off.actual_start is None


def test_actions_feedback_and_cancellations_can_be_confidential(
    catalog: Catalog, clock: FakeClock
) -> None:
    seminar = Runner(catalog["learning-seminar"], session_id="s-sem", clock=clock)
    seminar.start(
        [Participant(FACILITATOR, "leader"), Participant(COLLEAGUE, "colleague")]
    )
    while seminar.current_step is not None and seminar.current_step.id != "feedback":
        seminar.next()
    assert seminar.record_feedback(
        COLLEAGUE, 2, "Borgeren 010203-1234 fyldte for meget.", confidential=True
    ).recorded
    assert seminar.record_feedback(FACILITATOR, 5, "Godt.").recorded
    held = seminar.finish()
    assert [(f.rating, f.confidential) for f in held.feedback] == [(2, True), (5, False)]
    assert held.feedback[0].comment == "Borgeren 010203-1234 fyldte for meget."
    # Left out of the default export, kept when asked for by name.
    assert "010203" not in held.to_json_line()
    assert held.to_dict()["feedback"][0] == {
        "step": "feedback",
        "participant": COLLEAGUE,
        "rating": 2,
        "confidential": True,
    }
    assert "010203-1234" in held.to_json_line(include_confidential=True)

    meeting = Runner(catalog["systematic-learning-meeting"], session_id="s-m", clock=clock)
    meeting.start(group())
    while meeting.current_step is not None and meeting.current_step.id != "joint-reflection":
        meeting.next()
    assert meeting.record_action("Skift låsen hos 010203-1234.", confidential=True).recorded
    assert meeting.record_action("En tjekliste.").recorded
    called_off = meeting.cancel("workload", "Akut hos 010203-1234.", confidential=True)
    assert [(a.id, a.confidential) for a in called_off.actions] == [("a1", True), ("a2", False)]
    assert called_off.cancellation == carelearn.Cancellation(
        CancelReason.WORKLOAD, "Akut hos 010203-1234.", confidential=True
    )
    line = called_off.to_dict()
    assert line["cancellation"] == {"reason": "workload", "confidential": True}
    assert "text" not in line["actions"][0]
    assert line["actions"][1]["text"] == "En tjekliste."
    assert "010203" not in called_off.to_json_line()


def test_a_late_arrival_is_added_with_the_findings_that_change(runner: Runner) -> None:
    runner.start(group())
    found = runner.add_participant(Participant("d" * 24, "facilitator"))
    assert [d.code for d in found] == ["too-many-of-role"]
    assert len(runner.session.participants) == 4


def test_the_runner_keeps_its_clock_and_catalog_alive(meeting: Format) -> None:
    clock = FakeClock(START)
    runner = Runner(meeting, clock=clock, catalog=Catalog.builtin())
    del clock
    gc.collect()
    runner.start(group())
    assert runner.time_left_in_step() == minutes(5)
    runner.next()
    assert runner.record_prompt_used("biggest-challenge").diagnostics == ()


def test_without_a_clock_the_runner_reads_the_real_time(meeting: Format) -> None:
    runner = Runner(meeting)
    before = datetime.datetime.now(UTC)
    runner.start(group())
    session = runner.session
    assert session.actual_start is not None
    assert before - minutes(1) <= session.actual_start <= datetime.datetime.now(UTC)
    assert session.planned_start == session.actual_start
    left = runner.time_left_in_step()
    assert left is not None and minutes(4) < left <= minutes(5)
    assert len(session.id) == 32
    assert isinstance(carelearn.Clock.system(), carelearn.SystemClock)


def test_the_fake_clock_moves_only_when_told() -> None:
    clock = FakeClock("2026-03-04T14:00")
    assert clock.now() == START
    assert repr(clock) == (
        "FakeClock(datetime.datetime(2026, 3, 4, 13, 0, tzinfo=datetime.timezone.utc))"
    )
    clock.advance(datetime.timedelta(seconds=90))
    clock.advance(minutes=1, seconds=-30)
    assert clock.now() == START + minutes(2)
    clock.set(datetime.date(2026, 3, 5))
    assert clock.now() == datetime.datetime(2026, 3, 4, 23, 0, tzinfo=UTC)
    assert FakeClock().now() == datetime.datetime(1970, 1, 1, tzinfo=UTC)


def test_a_format_without_steps_cannot_be_run(catalog: Catalog) -> None:
    with pytest.raises(
        FormatError, match='format "competence-module" has no steps to run'
    ):
        Runner(catalog["competence-module"])


def test_the_runner_reads_like_what_it_is(runner: Runner) -> None:
    assert (
        repr(runner)
        == "<Runner of 'systematic-learning-meeting' for session 's-1': ready>"
    )
    runner.start(group())
    assert repr(runner).endswith(": running, step='case'>")
