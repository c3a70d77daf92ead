"""schema/session-1.schema.json accepts every "session/1" document the library
writes (plainly, without confidential text and for evaluators, from
Session.to_dict, to_json_line and write_sessions) and rejects broken ones."""

from __future__ import annotations

import copy
import datetime
import json
import pathlib

import jsonschema
import pytest

import carelearn
from carelearn import (
    Action,
    ActionStatus,
    CancelReason,
    Cancellation,
    Case,
    Feedback,
    LearningPoint,
    Note,
    NoteKind,
    Participant,
    PromptUse,
    Pseudonymiser,
    Session,
    Shift,
    StatusChange,
    StepTiming,
)

ROOT = pathlib.Path(__file__).resolve().parents[2]
SCHEMA_PATH = ROOT / "schema" / "session-1.schema.json"
UTC = datetime.UTC
ORG_KEY = bytes(range(32))
STUDY_KEY = bytes(range(1, 33))
FACILITATOR = "a1" * 12
PRESENTER = "b2" * 12
COLLEAGUE = "c3" * 12


def at(day: int, hour: int, minute: int, second: float = 0) -> datetime.datetime:
    whole = int(second)
    micro = round((second - whole) * 1_000_000)
    return datetime.datetime(2026, 3, day, hour, minute, whole, micro, tzinfo=UTC)


@pytest.fixture(scope="module")
def validator() -> jsonschema.Draft202012Validator:
    schema = json.loads(SCHEMA_PATH.read_text(encoding="utf-8"))
    jsonschema.Draft202012Validator.check_schema(schema)
    return jsonschema.Draft202012Validator(schema)


def errors(validator: jsonschema.Draft202012Validator, document: object) -> list[str]:
    return [
        f"/{'/'.join(map(str, e.absolute_path))}: {e.message}"
        for e in validator.iter_errors(document)
    ]


# ------------------------------------------------------------------ sessions


def held_meeting() -> Session:
    """A systematic learning meeting with every part filled in."""
    return Session(
        id="9b1f0c2e5d7a4c3b8e1f0a2d4c6b8e0f",
        format_id="systematic-learning-meeting",
        format_version=1,
        unit="home-care-north",
        planned_start=at(4, 13, 0),
        actual_start=at(4, 13, 2),
        actual_end=at(4, 13, 31, 30.125),
        participants=[
            Participant(
                FACILITATOR, "facilitator", "home-care-north", "nurse", Shift.DAY
            ),
            Participant(
                PRESENTER, "case-presenter", profession="social-and-health-assistant"
            ),
            Participant(COLLEAGUE, "colleague", "home-care-south", shift=Shift.EVENING),
        ],
        steps=[
            StepTiming(step_id="case", start=at(4, 13, 2), end=at(4, 13, 8)),
            StepTiming(
                step_id="learning-questions", start=at(4, 13, 8), end=at(4, 13, 18)
            ),
            StepTiming(step_id="case-learning", start=at(4, 13, 18), end=at(4, 13, 20)),
            StepTiming(step_id="round", start=at(4, 13, 20), end=at(4, 13, 23, 0.5)),
            StepTiming(
                step_id="joint-reflection",
                start=at(4, 13, 23, 0.5),
                end=at(4, 13, 31, 30.125),
            ),
        ],
        prompts=[
            PromptUse("learning-questions", "biggest-challenge"),
            PromptUse("learning-questions", "what-surprised"),
        ],
        presented_case=Case("difficult-conversation", "d4" * 12),
        learning_points=[
            LearningPoint(
                "Ask the relative first.", step_id="case-learning", author=COLLEAGUE
            ),
            LearningPoint(
                "Mrs Jensen.",
                step_id="case-learning",
                author=PRESENTER,
                confidential=True,
            ),
            LearningPoint("Call before the visit.", step_id="round"),
        ],
        actions=[
            Action(
                "Fixed call with relatives",
                id="a1",
                step_id="joint-reflection",
                owner="leader",
                due=datetime.date(2026, 4, 1),
                history=[
                    StatusChange(ActionStatus.OPEN, at(4, 13, 30)),
                    StatusChange(ActionStatus.IN_PROGRESS, at(10, 9, 0)),
                    StatusChange(ActionStatus.DONE, at(30, 9, 30, 0.25)),
                ],
            ),
            Action(
                "Check the key box at Skovvej 3",
                id="a2",
                step_id="joint-reflection",
                owner=FACILITATOR,
                history=[
                    StatusChange(ActionStatus.OPEN, at(4, 13, 30)),
                    StatusChange(ActionStatus.DROPPED, at(12, 8, 0)),
                ],
                confidential=True,
            ),
        ],
        feedback=[
            Feedback(
                COLLEAGUE, 4, "Good to hear the others.", step_id="joint-reflection"
            ),
            Feedback(
                PRESENTER, 5, "Mrs Jensen's case hit home.", step_id="joint-reflection",
                confidential=True,
            ),
        ],
        notes=[
            Note(
                "Relatives know more than we think.",
                kind=NoteKind.REFLECTION,
                step_id="joint-reflection",
            ),
            Note("Skovvej 3, door code 1234.", step_id="case", confidential=True),
            Note(
                "Shared with the leader.",
                kind=NoteKind.DOCUMENTATION,
                step_id="joint-reflection",
            ),
        ],
    )


def cancelled_meeting() -> Session:
    return Session(
        id="s-cancelled",
        format_id="systematic-learning-meeting",
        unit="home-care-north",
        planned_start=at(11, 13, 0),
        cancellation=Cancellation(CancelReason.NO_FACILITATOR, "Anna is ill."),
    )


def cancelled_confidentially() -> Session:
    return Session(
        id="s-cancelled-c",
        format_id="systematic-learning-meeting",
        unit="home-care-north",
        planned_start=at(18, 13, 0),
        cancellation=Cancellation(CancelReason.OTHER, "Mrs Jensen died.", confidential=True),
    )


def cancelled_midway() -> Session:
    s = Session(held_meeting())
    s.id = "s-stopped"
    s.actual_end = at(4, 13, 9)
    s.steps = s.steps[:2]
    s.learning_points = ()
    s.actions = ()
    s.feedback = ()
    s.notes = ()
    s.cancellation = Cancellation(CancelReason.WORKLOAD)
    return s


def learning_visit() -> Session:
    return Session(
        id="v-1",
        format_id="learning-visit",
        unit="nursing-home-east",
        planned_start=at(4, 8, 0),
        actual_start=at(4, 8, 5),
        actual_end=at(4, 15, 40),
        participants=[
            Participant(
                "e5" * 12, "learning-agent", "nursing-home-east", "nurse", Shift.NIGHT
            ),
            Participant("f6" * 12, "host-colleague", "home-care-north"),
        ],
        steps=[
            StepTiming(step_id="check-in", start=at(4, 8, 5), end=at(4, 8, 30)),
            StepTiming(step_id="shadowing", start=at(4, 8, 30), end=at(4, 14, 30)),
            StepTiming(
                step_id="learning-meeting", start=at(4, 14, 30), end=at(4, 15, 40)
            ),
        ],
        learning_points=[
            LearningPoint(f"Point {n}.", step_id="learning-meeting") for n in (1, 2, 3)
        ],
        actions=[
            Action(
                "Fast pårørendesamtale.",
                id="a1",
                step_id="learning-meeting",
                owner="leader",
                due=datetime.date(2026, 4, 1),
                history=[StatusChange(ActionStatus.OPEN, at(4, 15, 30))],
            )
        ],
        notes=[
            Note(
                "Sæt tid af til pårørende.",
                kind=NoteKind.DOCUMENTATION,
                step_id="shadowing",
            )
        ],
    )


def minimal() -> Session:
    """Only what a stored session must have; everything optional empty."""
    return Session(
        id="s-min",
        format_id="huddle",
        planned_start=at(4, 9, 0),
        actual_start=at(4, 9, 0),
    )


SESSIONS = {
    "held-meeting": held_meeting,
    "cancelled-beforehand": cancelled_meeting,
    "cancelled-confidentially": cancelled_confidentially,
    "cancelled-midway": cancelled_midway,
    "learning-visit": learning_visit,
    "minimal": minimal,
}

EXPORTS = {
    "plain": {"include_confidential": True},
    "redacted": {},
    "evaluator": {"evaluator": True, "pseudonymiser": Pseudonymiser(ORG_KEY)},
    "evaluator-rekeyed": {"evaluator": True, "pseudonymiser": Pseudonymiser(STUDY_KEY)},
}


def test_the_sessions_are_valid_sessions() -> None:
    for make in SESSIONS.values():
        make().validate()


@pytest.mark.parametrize("export", sorted(EXPORTS))
@pytest.mark.parametrize("name", sorted(SESSIONS))
def test_what_the_library_writes_matches_the_schema(
    validator: jsonschema.Draft202012Validator, name: str, export: str
) -> None:
    session = SESSIONS[name]()
    options = EXPORTS[export]
    line = session.to_json_line(**options)
    document = json.loads(line)
    assert document["carelearn"] == "session/1"
    assert errors(validator, document) == []
    assert session.to_dict(**options) == document
    # What the schema accepts here the library reads back.
    assert Session.from_json_line(line).id == document["id"]


def test_the_written_redaction_is_the_one_asked_for(
    validator: jsonschema.Draft202012Validator,
) -> None:
    s = held_meeting()
    plain = s.to_dict(include_confidential=True)
    redacted = s.to_dict()
    evaluator = s.to_dict(evaluator=True, pseudonymiser=Pseudonymiser(STUDY_KEY))
    assert (plain["redaction"], redacted["redaction"], evaluator["redaction"]) == (
        "none",
        "confidential",
        "evaluator",
    )
    assert plain["learning_points"][1]["text"] == "Mrs Jensen."
    assert "text" not in redacted["learning_points"][1]
    assert "text" not in redacted["notes"][1]
    assert redacted["learning_points"][0]["text"] == "Ask the relative first."
    assert plain["actions"][1]["text"] == "Check the key box at Skovvej 3"
    assert plain["feedback"][1]["comment"] == "Mrs Jensen's case hit home."
    assert "text" not in redacted["actions"][1] and redacted["actions"][1]["confidential"]
    assert "comment" not in redacted["feedback"][1] and redacted["feedback"][1]["confidential"]
    assert redacted["actions"][0]["text"] == "Fixed call with relatives"
    assert redacted["feedback"][0]["comment"] == "Good to hear the others."
    assert all("text" not in p for p in evaluator["learning_points"])
    assert all("text" not in a for a in evaluator["actions"])
    assert all("comment" not in f for f in evaluator["feedback"])
    assert evaluator["case"] == {"category": "difficult-conversation"}
    assert evaluator["id"] != s.id
    for document in (plain, redacted, evaluator):
        assert errors(validator, document) == []
    cancelled = cancelled_meeting()
    # "Anna" is a name the identifier linter knows: masked unless asked for by name.
    assert cancelled.to_dict()["cancellation"] == {
        "reason": "no-facilitator",
        "note": "[name] is ill.",
        "confidential": False,
    }
    assert cancelled.to_dict(include_confidential=True)["cancellation"]["note"] == "Anna is ill."
    study = Pseudonymiser(STUDY_KEY)
    assert cancelled.to_dict(evaluator=True, pseudonymiser=study)["cancellation"] == {
        "reason": "no-facilitator",
        "confidential": False,
    }
    secret = cancelled_confidentially()
    assert secret.to_dict()["cancellation"] == {"reason": "other", "confidential": True}
    assert secret.to_dict(include_confidential=True)["cancellation"] == {
        "reason": "other",
        "note": "Mrs Jensen died.",
        "confidential": True,
    }


def test_the_documented_line_matches_the_schema(
    validator: jsonschema.Draft202012Validator,
) -> None:
    text = (ROOT / "docs" / "sessions.md").read_text(encoding="utf-8")
    lines = [
        line
        for line in text.splitlines()
        if line.startswith('{"carelearn":"session/1"')
    ]
    assert len(lines) == 1
    assert errors(validator, json.loads(lines[0])) == []


@pytest.mark.parametrize("export", sorted(EXPORTS))
def test_json_lines_files_match_the_schema(
    validator: jsonschema.Draft202012Validator, tmp_path: pathlib.Path, export: str
) -> None:
    sessions = [make() for make in SESSIONS.values()]
    path = tmp_path / "sessions.jsonl"
    assert carelearn.write_sessions(path, sessions, **EXPORTS[export]) == len(sessions)
    lines = path.read_text(encoding="utf-8").splitlines()
    assert len(lines) == len(sessions)
    for line in lines:
        assert errors(validator, json.loads(line)) == []


# ------------------------------------------------------------------ rejected


def broken(change) -> dict:
    document = held_meeting().to_dict(include_confidential=True)
    change(document)
    return document


def _set(path: tuple, value: object):
    def change(document: dict) -> None:
        target = document
        for key in path[:-1]:
            target = target[key]
        target[path[-1]] = value

    return change


def _delete(path: tuple):
    def change(document: dict) -> None:
        target = document
        for key in path[:-1]:
            target = target[key]
        del target[path[-1]]

    return change


BROKEN = {
    "unknown top-level key": (_set(("colour",), "blue"), "/"),
    "unknown participant key": (
        _set(("participants", 0, "name"), "Anna"),
        "/participants/0",
    ),
    "unknown history key": (
        _set(("actions", 0, "history", 0, "by"), "x"),
        "/actions/0/history/0",
    ),
    "another kind": (_set(("carelearn",), "session/2"), "/carelearn"),
    "a format document": (_set(("carelearn",), "format/1"), "/carelearn"),
    "version as a string": (_set(("format", "version"), "1"), "/format/version"),
    "version 0": (_set(("format", "version"), 0), "/format/version"),
    "rating as a string": (_set(("feedback", 0, "rating"), "4"), "/feedback/0/rating"),
    "rating 6": (_set(("feedback", 0, "rating"), 6), "/feedback/0/rating"),
    "rating 0": (_set(("feedback", 0, "rating"), 0), "/feedback/0/rating"),
    "confidential as a string": (
        _set(("learning_points", 0, "confidential"), "false"),
        "/learning_points/0/confidential",
    ),
    "action confidential as a string": (
        _set(("actions", 0, "confidential"), "false"),
        "/actions/0/confidential",
    ),
    "feedback confidential as a number": (
        _set(("feedback", 0, "confidential"), 0),
        "/feedback/0/confidential",
    ),
    "action without its flag": (_delete(("actions", 0, "confidential")), "/actions/0"),
    "participants as an object": (_set(("participants",), {}), "/participants"),
    "bad action status": (
        _set(("actions", 0, "history", 1, "status"), "in_progress"),
        "/actions/0/history/1/status",
    ),
    "bad session status": (_set(("status",), "postponed"), "/status"),
    "bad shift": (_set(("participants", 0, "shift"), "late"), "/participants/0/shift"),
    "unspecified shift": (
        _set(("participants", 0, "shift"), "unspecified"),
        "/participants/0/shift",
    ),
    "bad note kind": (_set(("notes", 0, "kind"), "memo"), "/notes/0/kind"),
    "bad redaction": (_set(("redaction",), "partial"), "/redaction"),
    "time with an offset": (
        _set(("planned_start",), "2026-03-04T14:00:00+01:00"),
        "/planned_start",
    ),
    "time without seconds": (
        _set(("actual_start",), "2026-03-04T13:02Z"),
        "/actual_start",
    ),
    "due with a time": (
        _set(("actions", 0, "due"), "2026-04-01T00:00:00Z"),
        "/actions/0/due",
    ),
    "empty unit": (_set(("unit",), ""), "/unit"),
    "missing status": (_delete(("status",)), "/"),
    "missing history": (_delete(("actions", 0, "history")), "/actions/0"),
    "held with a cancellation": (_set(("cancellation",), {"reason": "holiday"}), "/"),
}


@pytest.mark.parametrize("case", sorted(BROKEN))
def test_broken_documents_are_rejected(
    validator: jsonschema.Draft202012Validator, case: str
) -> None:
    change, where = BROKEN[case]
    document = broken(change)
    found = errors(validator, document)
    assert found, f"{case}: accepted"
    assert any(e.startswith((where + ":", where + "/")) for e in found), found


def test_the_library_rejects_what_the_schema_rejects_for_its_own_reasons() -> None:
    for case in (
        "unknown top-level key",
        "bad action status",
        "rating as a string",
        "bad shift",
    ):
        change, _ = BROKEN[case]
        with pytest.raises(carelearn.FormatError):
            Session.from_dict(broken(change))


def test_redaction_rules_are_enforced(
    validator: jsonschema.Draft202012Validator,
) -> None:
    plain = held_meeting().to_dict(include_confidential=True)
    assert errors(validator, plain) == []
    # Confidential text in a line that claims to leave it out.
    leaked = copy.deepcopy(plain)
    leaked["redaction"] = "confidential"
    found = errors(validator, leaked)
    assert any(e.startswith("/learning_points/1") for e in found)
    assert any(e.startswith("/actions/1") for e in found)
    assert any(e.startswith("/feedback/1") for e in found)
    assert not any(e.startswith(("/actions/0", "/feedback/0")) for e in found)
    # A confidential cancellation note in a line that claims to leave it out.
    off = cancelled_confidentially().to_dict(include_confidential=True)
    assert errors(validator, off) == []
    off["redaction"] = "confidential"
    assert any(e.startswith("/cancellation") for e in errors(validator, off))
    # Free text in an evaluator line.
    evaluator = held_meeting().to_dict(evaluator=True, pseudonymiser=Pseudonymiser(STUDY_KEY))
    assert errors(validator, evaluator) == []
    with_text = copy.deepcopy(evaluator)
    with_text["actions"][0]["text"] = "Fixed call with relatives"
    assert errors(validator, with_text) != []
    with_citizen = copy.deepcopy(evaluator)
    with_citizen["case"]["citizen"] = "d4" * 12
    assert errors(validator, with_citizen) != []
    # A cancelled session without its cancellation.
    cancelled = cancelled_meeting().to_dict()
    assert errors(validator, cancelled) == []
    del cancelled["cancellation"]
    assert errors(validator, cancelled) != []
    cancelled["cancellation"] = {"reason": "bored"}
    assert any(
        e.startswith("/cancellation/reason") for e in errors(validator, cancelled)
    )
