"""Sessions as Python values: keyword constructors, reprs, ==, copies, pickling,
the canonical "session/1" JSON as dicts and JSON Lines files, redaction,
pseudonyms and the pandas table."""

from __future__ import annotations

import copy
import datetime
import json
import os
import pathlib
import pickle
import sys
from typing import Any

import pytest

import carelearn
from carelearn import (
    Action,
    ActionStatus,
    CancelReason,
    Cancellation,
    Case,
    Feedback,
    FormatError,
    LearningPoint,
    Note,
    NoteKind,
    NotFoundError,
    Participant,
    PromptUse,
    Pseudonymiser,
    Redaction,
    Session,
    SessionStatus,
    Shift,
    StatusChange,
    StepTiming,
    VersionError,
)

UTC = datetime.UTC
NAMESPACE = {name: getattr(carelearn, name) for name in carelearn.__all__}
NAMESPACE["datetime"] = datetime

KEY = bytes(range(32))
OTHER_KEY = bytes(range(1, 33))


def at(day: int, hour: int, minute: int, second: float = 0) -> datetime.datetime:
    whole = int(second)
    micro = round((second - whole) * 1_000_000)
    return datetime.datetime(2026, 3, day, hour, minute, whole, micro, tzinfo=UTC)


def documented_session() -> Session:
    """The session of the line docs/sessions.md shows."""
    return Session(
        id="s-9",
        format_id="learning-visit",
        unit="nursing-home-east",
        planned_start=at(4, 14, 0),
        actual_start=at(4, 14, 5),
        actual_end=at(4, 20, 5),
        participants=[Participant("p-a", "learning-agent", shift=Shift.NIGHT)],
        steps=[
            StepTiming(step_id="learning-meeting", start=at(4, 19, 0), end=at(4, 20, 5))
        ],
        learning_points=[
            LearningPoint("Sæt tid af til pårørende.", step_id="learning-meeting"),
            LearningPoint("Fru Hansen.", step_id="learning-meeting", confidential=True),
        ],
        actions=[
            Action(
                "Fast pårørendesamtale.",
                id="a1",
                step_id="learning-meeting",
                owner="leader",
                due=datetime.date(2026, 4, 1),
                history=[
                    StatusChange(ActionStatus.OPEN, at(4, 20, 0)),
                    StatusChange(ActionStatus.DONE, at(30, 9, 30, 0.25)),
                ],
            )
        ],
    )


DOCUMENTED_LINE = (
    '{"carelearn":"session/1","id":"s-9","format":{"id":"learning-visit","version":1},'
    '"unit":"nursing-home-east","planned_start":"2026-03-04T14:00:00Z",'
    '"actual_start":"2026-03-04T14:05:00Z","actual_end":"2026-03-04T20:05:00Z",'
    '"status":"held","redaction":"confidential",'
    '"participants":[{"id":"p-a","role":"learning-agent","shift":"night"}],'
    '"steps":[{"step":"learning-meeting","start":"2026-03-04T19:00:00Z",'
    '"end":"2026-03-04T20:05:00Z"}],"prompts":[],'
    '"learning_points":[{"step":"learning-meeting","text":"Sæt tid af til pårørende.",'
    '"confidential":false},{"step":"learning-meeting","confidential":true}],'
    '"actions":[{"id":"a1","step":"learning-meeting","text":"Fast pårørendesamtale.",'
    '"owner":"leader","due":"2026-04-01","history":[{"status":"open",'
    '"at":"2026-03-04T20:00:00Z"},{"status":"done","at":"2026-03-30T09:30:00.25Z"}],'
    '"confidential":false}],"feedback":[],"notes":[]}'
)


def full_session() -> Session:
    """A session with every part filled in."""
    s = documented_session()
    s.id = "s-full"
    s.participants = [
        Participant("p-a", "learning-agent", "nursing-home-east", "nurse", Shift.NIGHT),
        Participant(
            "p-b", "host-colleague", "home-care-north", "social-and-health-assistant"
        ),
    ]
    s.prompts = [PromptUse("learning-meeting", "what-surprised")]
    s.presented_case = Case("difficult-conversation", "c0ffee" * 4)
    s.feedback = [Feedback("p-b", 4, "Good day.", step_id="learning-meeting")]
    s.notes = [
        Note(
            "Talk to the leader.", kind=NoteKind.REFLECTION, step_id="learning-meeting"
        ),
        Note("Skovvej 3.", step_id="learning-meeting", confidential=True),
    ]
    s.learning_points = [
        *s.learning_points,
        LearningPoint("Ask first.", step_id="learning-meeting", author="p-b"),
    ]
    return s


# ------------------------------------------------------------------ values


def test_a_session_is_built_with_keywords_and_shows_a_summary() -> None:
    s = Session(
        id="s-1", format_id="systematic-learning-meeting", planned_start=at(4, 13, 0)
    )
    # Not the constructor call: a session's repr would show its confidential text.
    assert repr(s) == (
        '<session "s-1" of systematic-learning-meeting v1, held, planned 2026-03-04 13:00 UTC: '
        "0 participants, 0 learning points, 0 actions, 0 feedback, 0 notes>"
    )
    assert s.status() is SessionStatus.HELD
    assert s.participants == ()
    assert s.actual_start is None and s.cancellation is None


@pytest.mark.parametrize(
    "value",
    [
        Participant("p-a", "facilitator", "home-care-north", "nurse", Shift.DAY),
        LearningPoint(
            "Ask first.", step_id="case-learning", author="p-a", confidential=True
        ),
        Action("New checklist", id="a1", owner="leader", due=datetime.date(2026, 4, 1)),
        StatusChange(ActionStatus.IN_PROGRESS, at(5, 9, 0)),
        Feedback("p-a", 5, "Useful."),
        Note("Remember the relatives.", kind=NoteKind.DOCUMENTATION),
        Cancellation(CancelReason.NO_FACILITATOR, "Sick."),
        Case("fall", "ab" * 12),
        PromptUse("learning-questions", "biggest-challenge"),
        StepTiming(step_id="case", start=at(4, 13, 0), end=at(4, 13, 5)),
    ],
    ids=lambda v: type(v).__name__,
)
def test_values_round_trip_through_repr_copy_and_pickle(value: object) -> None:
    assert eval(repr(value), NAMESPACE) == value
    assert copy.copy(value) == value
    assert copy.deepcopy(value) == value
    assert pickle.loads(pickle.dumps(value)) == value


@pytest.mark.parametrize("make", [documented_session, full_session])
def test_sessions_copy_whole_and_pickle_as_their_default_export(make: Any) -> None:
    value = make()
    assert copy.copy(value) == value
    assert copy.deepcopy(value) == value
    # A pickle leaves the process: confidential text stays behind.
    assert pickle.loads(pickle.dumps(value)) == carelearn.redact(value)


def test_list_fields_read_as_tuples_and_are_replaced_whole() -> None:
    s = documented_session()
    assert isinstance(s.learning_points, tuple)
    points = list(s.learning_points)
    points.append(LearningPoint("Third."))
    s.learning_points = points
    assert len(s.learning_points) == 3
    action = s.actions[0]
    assert action.current_status() is ActionStatus.DONE
    assert Action("x").current_status() is ActionStatus.OPEN
    assert s.find_action("a1") == action
    assert s.find_action("a9") is None
    assert s.find_participant("p-a") == s.participants[0]


def test_times_are_aware_and_come_back_in_utc() -> None:
    copenhagen = carelearn._time.COPENHAGEN
    s = Session(planned_start=datetime.datetime(2026, 3, 4, 14, 0, tzinfo=copenhagen))
    assert s.planned_start == at(4, 13, 0)
    assert s.planned_start.tzinfo is UTC
    s.actual_start = datetime.datetime(2026, 3, 4, 13, 0, 0, 1, tzinfo=UTC)
    assert s.actual_start.microsecond == 1
    summer = datetime.datetime(2026, 7, 1, 14, 0, tzinfo=copenhagen)
    s.planned_start = summer
    assert s.planned_start.hour == 12


def test_a_naive_datetime_is_refused_with_a_reason() -> None:
    with pytest.raises(ValueError, match="a naive datetime names no instant"):
        Session(planned_start=datetime.datetime(2026, 3, 4, 14, 0))
    with pytest.raises(TypeError):
        Action(
            "x", due=datetime.datetime(2026, 4, 1, tzinfo=UTC)
        )  # a date, not a datetime


def test_the_status_follows_the_cancellation() -> None:
    s = Session(
        id="s-1", format_id="f", cancellation=Cancellation(CancelReason.STAFFING)
    )
    assert s.status() is SessionStatus.CANCELLED
    assert s.to_dict()["status"] == "cancelled"
    assert s.to_dict()["cancellation"] == {"reason": "staffing", "confidential": False}


# ------------------------------------------------------------------ JSON


def test_to_json_line_is_the_documented_line() -> None:
    s = documented_session()
    assert s.to_json_line() == DOCUMENTED_LINE
    assert s.to_dict() == json.loads(DOCUMENTED_LINE)


def test_from_dict_reads_the_canonical_json_back() -> None:
    s = full_session()
    data = s.to_dict(include_confidential=True)
    assert data["redaction"] == "none"
    assert Session.from_dict(data) == s
    assert Session.from_json_line(s.to_json_line(include_confidential=True)) == s
    back, redaction = carelearn.parse_session_line(DOCUMENTED_LINE)
    assert redaction is Redaction.CONFIDENTIAL
    assert back.learning_points[1].text == "" and back.learning_points[1].confidential


def test_the_clock_keeps_its_nanoseconds_through_json_and_pickle() -> None:
    line = DOCUMENTED_LINE.replace("14:00:00Z", "14:00:00.000000001Z", 1)
    s = Session.from_json_line(line)
    again = pickle.loads(pickle.dumps(s))
    assert again == s
    assert again.to_json_line() == line


def test_a_bad_line_names_the_place() -> None:
    data = documented_session().to_dict()
    data["participants"][0]["shift"] = "late"
    with pytest.raises(FormatError) as caught:
        Session.from_dict(data)
    assert str(caught.value).endswith(
        '/participants/0/shift: expected one of "unspecified", "day", "evening", "night", '
        'found the string "late"'
    )
    assert caught.value.path == "/participants/0/shift"
    data = documented_session().to_dict()
    data["colour"] = "blue"
    with pytest.raises(FormatError, match='unknown key "colour"'):
        Session.from_dict(data)
    with pytest.raises(FormatError):
        Session.from_json_line("{not json")


def test_another_kind_or_a_newer_version_is_a_version_error() -> None:
    with pytest.raises(VersionError, match="session/2"):
        Session.from_json_line(DOCUMENTED_LINE.replace('"session/1"', '"session/2"'))


def test_validate_names_the_session_and_the_place() -> None:
    s = documented_session()
    s.feedback = [Feedback("p-a", 7)]
    with pytest.raises(
        FormatError, match=r'session "s-9": feedback\[0\]\.rating: 7 is not from 1 to 5'
    ):
        s.validate()
    with pytest.raises(FormatError, match=r"session \"s-9\""):
        carelearn.validate_session(s)


def test_new_session_ids_are_random_hex() -> None:
    a, b = carelearn.new_session_id(), carelearn.new_session_id()
    assert a != b and len(a) == 32 and int(a, 16) >= 0


# ------------------------------------------------------------------ redaction


def test_confidential_text_is_left_out_unless_asked_for() -> None:
    s = full_session()
    default = s.to_json_line()
    assert "Fru Hansen" not in default and "Skovvej" not in default
    assert "Sæt tid af" in default
    assert json.loads(default)["redaction"] == "confidential"
    assert len(json.loads(default)["learning_points"]) == 3  # counts stay true
    everything = s.to_json_line(include_confidential=True)
    assert "Fru Hansen" in everything and "Skovvej" in everything
    redacted = carelearn.redact(s)
    assert redacted.notes[1].text == "" and redacted.notes[0].text


def test_the_evaluator_export_has_no_free_text_and_no_direct_identifiers() -> None:
    s = full_session()
    study = Pseudonymiser(OTHER_KEY)
    line = s.to_json_line(evaluator=True, pseudonymiser=study)
    data = json.loads(line)
    assert data["redaction"] == "evaluator"
    for text in (
        "Sæt tid",
        "Fru Hansen",
        "Fast pårørende",
        "Good day",
        "Talk to",
        "Skovvej",
    ):
        assert text not in line
    for identifier in ("p-a", "p-b", "s-full", "c0ffee"):
        assert identifier not in line
    assert data["case"] == {"category": "difficult-conversation"}
    assert data["actions"][0]["owner"] == "leader"
    assert data["feedback"][0]["rating"] == 4
    assert [p["role"] for p in data["participants"]] == [
        "learning-agent",
        "host-colleague",
    ]
    # The same study key gives the same ids again; another key other ids.
    assert s.to_json_line(evaluator=True, pseudonymiser=study) == line
    other = s.to_json_line(evaluator=True, pseudonymiser=Pseudonymiser(KEY))
    assert json.loads(other)["id"] != data["id"]


def test_evaluators_never_get_confidential_text() -> None:
    with pytest.raises(ValueError, match="evaluators never get confidential text"):
        full_session().to_json_line(evaluator=True, include_confidential=True)
    with pytest.raises(ValueError, match="give evaluator=True"):
        full_session().to_json_line(pseudonymiser=Pseudonymiser(KEY))


# ------------------------------------------------------------------ pseudonyms


def test_the_same_key_gives_the_same_pseudonym_and_another_key_another() -> None:
    p = Pseudonymiser(KEY)
    again = Pseudonymiser(bytes(KEY))
    other = Pseudonymiser(OTHER_KEY)
    staff = p.staff("E12345")
    assert len(staff) == 24 and int(staff, 16) >= 0
    assert again.staff("E12345") == staff
    assert other.staff("E12345") != staff
    assert p.citizen("E12345") != staff  # domains keep kinds apart
    assert p.pseudonym(Pseudonymiser.STAFF, "E12345") == staff
    assert len(p.mac(b"message")) == 32


def test_a_short_key_is_refused_and_the_key_is_never_shown() -> None:
    with pytest.raises(FormatError, match="16"):
        Pseudonymiser(b"short")
    p = Pseudonymiser(KEY)
    assert repr(p) == "Pseudonymiser(<key>)"
    assert KEY.hex() not in repr(
        carelearn.ExportOptions(evaluator=True, evaluator_pseudonymiser=p)
    )
    with pytest.raises(TypeError):
        pickle.dumps(p)


def test_a_key_file_holds_hex_or_raw_bytes(tmp_path: pathlib.Path) -> None:
    hex_file = tmp_path / "hex.key"
    hex_file.write_text(KEY.hex() + "\n", encoding="ascii")
    raw_file = tmp_path / "raw.key"
    raw_file.write_bytes(KEY)
    expected = Pseudonymiser(KEY).staff("E1")
    assert Pseudonymiser.from_file(hex_file).staff("E1") == expected
    assert Pseudonymiser.from_file(raw_file).staff("E1") == expected
    short = tmp_path / "short.key"
    short.write_text("abcd", encoding="ascii")
    with pytest.raises(FormatError, match=f"^{short}: "):
        Pseudonymiser.from_file(short)
    with pytest.raises(NotFoundError, match="cannot read the key"):
        Pseudonymiser.from_file(tmp_path / "nowhere.key")


# ------------------------------------------------------------------ JSON Lines files


def test_json_lines_files_round_trip(tmp_path: pathlib.Path) -> None:
    sessions = [full_session(), documented_session()]
    path = tmp_path / "sessions.jsonl"
    assert carelearn.write_sessions(path, sessions, include_confidential=True) == 2
    assert os.stat(path).st_mode & 0o777 == 0o600
    text = path.read_text(encoding="utf-8")
    assert text.count("\n") == 2 and text.endswith("}\n")
    assert carelearn.read_sessions(path) == sessions
    carelearn.write_sessions(path, sessions)
    back = carelearn.read_sessions(path)
    assert back[0].learning_points[1].text == ""  # left out by default


def test_reading_names_the_file_and_the_line(tmp_path: pathlib.Path) -> None:
    path = tmp_path / "bad.jsonl"
    good = documented_session().to_json_line()
    path.write_text(
        good + "\n\n" + good.replace('"night"', '"late"') + "\n", encoding="utf-8"
    )
    with pytest.raises(FormatError) as caught:
        carelearn.read_sessions(path)
    assert str(caught.value) == (
        f'{path}:3:325: /participants/0/shift: expected one of "unspecified", "day", '
        '"evening", "night", found the string "late"'
    )
    assert caught.value.line == 3
    assert caught.value.column == 325
    invalid = documented_session()
    invalid.participants = [*invalid.participants, *invalid.participants]
    path.write_text(invalid.to_json_line() + "\n", encoding="utf-8")
    with pytest.raises(
        FormatError, match=f'^{path}:1: session "s-9": participants\\[1\\]'
    ):
        carelearn.read_sessions(path)
    assert len(carelearn.read_sessions(path, validate=False)[0].participants) == 2
    with pytest.raises(NotFoundError, match="cannot read"):
        carelearn.read_sessions(tmp_path / "nowhere.jsonl")


# ------------------------------------------------------------------ pandas


def test_sessions_to_frame_has_one_row_per_session() -> None:
    import pandas as pd
    cancelled = Session(
        id="s-0",
        format_id="systematic-learning-meeting",
        unit="home-care-north",
        planned_start=at(2, 13, 0),
        cancellation=Cancellation(CancelReason.HOLIDAY),
    )
    frame = carelearn.sessions_to_frame([full_session(), cancelled])
    assert list(frame.columns) == [
        "id",
        "unit",
        "format",
        "format_version",
        "planned_start",
        "actual_start",
        "actual_end",
        "status",
        "participants",
        "learning_points",
        "actions",
    ]
    assert list(frame["status"]) == ["held", "cancelled"]
    assert list(frame["participants"]) == [2, 0]
    assert list(frame["learning_points"]) == [3, 0]
    assert list(frame["actions"]) == [1, 0]
    assert str(frame["planned_start"].dtype) == "datetime64[ns, UTC]"
    assert frame["planned_start"][0] == pd.Timestamp("2026-03-04T14:00Z")
    assert pd.isna(frame["actual_start"][1])
    local = carelearn.sessions_to_frame([full_session()], tz="Europe/Copenhagen")
    assert local["planned_start"][0].hour == 15
    empty = carelearn.sessions_to_frame([])
    assert len(empty) == 0 and list(empty.columns) == list(frame.columns)


def test_sessions_to_frame_says_how_to_get_pandas(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setitem(sys.modules, "pandas", None)
    with pytest.raises(ImportError, match=r"pip install carelearn\[pandas\]"):
        carelearn.sessions_to_frame([documented_session()])
