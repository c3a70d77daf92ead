"""The store from Python: a context manager, the round trip of sessions,
queries, action status changes, JSON Lines import and export with redaction,
the integrity check, and errors as carelearn.Error subclasses."""

from __future__ import annotations

import datetime
import io
import json
import os
import pathlib
import sqlite3
import subprocess
import sys

import pytest

import carelearn
from carelearn import (
    Action,
    ActionStatus,
    AlreadyExistsError,
    CancelReason,
    Cancellation,
    FormatError,
    LearningPoint,
    Note,
    NotFoundError,
    Participant,
    Pseudonymiser,
    Session,
    StateError,
    StatusChange,
    Store,
    StoreError,
    VersionError,
)

UTC = datetime.UTC
ORG_KEY = bytes(range(100, 132))
STUDY_KEY = bytes(range(200, 232))


def session(
    id: str,
    *,
    unit: str = "home-care-north",
    format_id: str = "systematic-learning-meeting",
    day: int = 4,
    status: ActionStatus = ActionStatus.OPEN,
    cancelled: bool = False,
) -> Session:
    """A held (or cancelled) session of `unit` on `day` March 2026 at 14:00 Copenhagen."""
    start = datetime.datetime(2026, 3, day, 13, 0, tzinfo=UTC)
    org = Pseudonymiser(ORG_KEY)
    s = Session(id=id, format_id=format_id, unit=unit, planned_start=start)
    if cancelled:
        s.cancellation = Cancellation(CancelReason.STAFFING, "Two ill.")
        return s
    s.actual_start = start
    s.actual_end = start + datetime.timedelta(minutes=31)
    s.participants = [
        Participant(org.staff("E100"), "facilitator", unit, "nurse"),
        Participant(org.staff("E200"), "case-presenter", unit),
    ]
    s.learning_points = [
        LearningPoint("Ask the relative first.", step_id="case-learning"),
        LearningPoint(
            "Mrs Jensen at Skovvej 3.", step_id="case-learning", confidential=True
        ),
    ]
    history = [StatusChange(ActionStatus.OPEN, start + datetime.timedelta(minutes=30))]
    if status is not ActionStatus.OPEN:
        history.append(StatusChange(status, start + datetime.timedelta(days=2)))
    s.actions = [
        Action(
            "Fixed call with relatives.",
            id="a1",
            step_id="joint-reflection",
            owner="leader",
            due=datetime.date(2026, 4, 1),
            history=history,
        )
    ]
    s.notes = [Note("The presenter was upset.", step_id="round", confidential=True)]
    return s


@pytest.fixture()
def db(tmp_path: pathlib.Path) -> pathlib.Path:
    """A store file with five sessions in two units and two formats."""
    path = tmp_path / "learning.db"
    with Store(path) as store:
        store.put(session("s-1", day=2))
        store.put(session("s-2", day=4, status=ActionStatus.DONE))
        store.put(session("s-3", day=9, unit="nursing-home-east"))
        store.put(session("s-4", day=16, cancelled=True))
        store.put(session("s-5", day=23, format_id="learning-visit"))
    return path


def ids(sessions: list[Session]) -> list[str]:
    return [s.id for s in sessions]


def test_a_session_comes_back_as_it_went_in(tmp_path: pathlib.Path) -> None:
    s = session("s-1")
    path = tmp_path / "learning.db"
    with Store(path) as store:
        store.put(s)
        back = store.get("s-1")
        assert isinstance(back, Session)
        assert back == s
        assert store.info().schema_version == Store.SCHEMA_VERSION == 4
        assert store.info().journal_mode == "wal"
        store.check()
    assert os.stat(path).st_mode & 0o777 == 0o600
    with Store(path, read_only=True) as again:
        assert again.get("s-1") == s  # durable across connections


def test_the_store_is_a_context_manager_that_closes(tmp_path: pathlib.Path) -> None:
    with Store(tmp_path / "x.db") as store:
        assert not store.closed
        assert repr(store) == f"<Store {str(tmp_path / 'x.db')!r}>"
    assert store.closed
    assert repr(store).endswith("(closed)>")
    with pytest.raises(StateError, match=r"x\.db: the store is closed$"):
        store.sessions()
    store.close()  # twice is fine


def test_queries_by_unit_format_dates_and_status(db: pathlib.Path) -> None:
    with Store(db) as store:
        assert ids(store.sessions()) == ["s-1", "s-2", "s-3", "s-4", "s-5"]
        assert ids(store.sessions(unit="nursing-home-east")) == ["s-3"]
        assert ids(store.sessions(format="learning-visit")) == ["s-5"]
        meeting = carelearn.Catalog.builtin()["systematic-learning-meeting"]
        assert ids(store.sessions(format=meeting)) == ["s-1", "s-2", "s-3", "s-4"]
        assert (
            ids(store.sessions(format=carelearn.FormatRef("learning-visit", 2))) == []
        )
        # Dates are Copenhagen days; the end is exclusive.
        march = store.sessions(
            start=datetime.date(2026, 3, 4), end=datetime.date(2026, 3, 16)
        )
        assert ids(march) == ["s-2", "s-3"]
        assert ids(store.sessions(start="2026-03-16T14:00")) == ["s-4", "s-5"]
        assert ids(store.sessions(start="2026-03-16T14:01")) == ["s-5"]
        aware = datetime.datetime(2026, 3, 9, 13, 0, tzinfo=UTC)
        assert ids(store.sessions(end=aware)) == ["s-1", "s-2"]
        assert ids(store.sessions(status="cancelled")) == ["s-4"]
        assert ids(store.sessions(status=carelearn.SessionStatus.HELD, limit=2)) == [
            "s-1",
            "s-2",
        ]
        assert ids(store.sessions(action_status="done")) == ["s-2"]
        assert ids(
            store.sessions(action_status=ActionStatus.OPEN, unit="home-care-north")
        ) == [
            "s-1",
            "s-5",
        ]
        assert store.count() == 5
        assert store.count(unit="home-care-north", status="held") == 3
        query = carelearn.SessionQuery(unit="home-care-north", limit=1)
        assert ids(store.sessions(query)) == ["s-1"]
        assert store.count(query) == 4
        with pytest.raises(TypeError, match="a SessionQuery or query keywords, not both"):
            store.sessions(query, unit="home-care-north")


def test_bad_query_arguments_say_what_is_wrong(db: pathlib.Path) -> None:
    with Store(db) as store:
        with pytest.raises(ValueError, match='status: unknown value "maybe"'):
            store.sessions(status="maybe")
        with pytest.raises(ValueError, match='action_status: unknown value "finished"'):
            store.sessions(action_status="finished")
        with pytest.raises(ValueError, match='start: "March" is not a date and time'):
            store.sessions(start="March")
        with pytest.raises(TypeError, match="format must be"):
            store.sessions(format=7)  # type: ignore[arg-type]


def test_action_status_changes_are_kept_and_queried(db: pathlib.Path) -> None:
    with Store(db) as store:
        when = datetime.datetime(2026, 3, 10, 9, 0, tzinfo=UTC)
        store.set_action_status("s-1", "a1", "in-progress", when)
        with pytest.raises(StateError, match="in-progress"):
            store.set_action_status("s-1", "a1", ActionStatus.IN_PROGRESS, when)
        with pytest.raises(FormatError):
            store.set_action_status(
                "s-1", "a1", "done", when - datetime.timedelta(days=1)
            )
        with pytest.raises(NotFoundError):
            store.set_action_status("s-1", "a9", "done")
        store.set_action_status("s-1", "a1", "done")  # now
        history = store.get("s-1").actions[0].history
        assert [c.status for c in history] == [
            ActionStatus.OPEN,
            ActionStatus.IN_PROGRESS,
            ActionStatus.DONE,
        ]
        assert history[1].at == when
        assert ids(store.sessions(action_status="done")) == ["s-1", "s-2"]
        done = store.actions(status="done")
        assert [(r.session_id, r.action.id) for r in done] == [
            ("s-1", "a1"),
            ("s-2", "a1"),
        ]
        assert [r.session_id for r in store.actions(unit="nursing-home-east")] == [
            "s-3"
        ]
        assert store.actions(due_before=datetime.date(2026, 4, 1)) == []
        assert len(store.actions(due_before=datetime.date(2026, 4, 2))) == 4


def test_json_lines_round_trip_through_files(
    db: pathlib.Path, tmp_path: pathlib.Path
) -> None:
    archive = tmp_path / "archive.jsonl"
    with Store(db) as store:
        assert store.export_sessions(archive, include_confidential=True) == 5
        originals = store.sessions()
    assert os.stat(archive).st_mode & 0o777 == 0o600
    assert carelearn.read_sessions(archive) == originals
    with Store(tmp_path / "copy.db") as copy:
        result = copy.import_sessions(archive)
        assert (result.imported, result.skipped) == (5, 0)
        assert copy.sessions() == originals
        with pytest.raises(AlreadyExistsError, match=f"^{archive}:1: "):
            copy.import_sessions(archive)
        assert copy.import_sessions(archive, on_conflict="skip").skipped == 5
        assert copy.import_sessions(archive, on_conflict="replace").imported == 5
        with pytest.raises(ValueError, match='on_conflict: unknown value "merge"'):
            copy.import_sessions(archive, on_conflict="merge")


def test_an_export_leaves_confidential_text_out_unless_asked(
    db: pathlib.Path, tmp_path: pathlib.Path
) -> None:
    out = tmp_path / "out.jsonl"
    with Store(db) as store:
        assert store.export_sessions(out, unit="home-care-north") == 4
        text = out.read_text(encoding="utf-8")
        assert "Skovvej" not in text and "upset" not in text
        assert "Ask the relative first." in text
        assert all(
            json.loads(line)["redaction"] == "confidential"
            for line in text.splitlines()
        )
        # The store keeps the text: it is the organisation's record.
        assert store.get("s-1").learning_points[1].text == "Mrs Jensen at Skovvej 3."
        store.export_sessions(out, include_confidential=True)
        assert "Skovvej" in out.read_text(encoding="utf-8")
        text = io.StringIO()
        assert store.export_sessions(text, include_confidential=True) == 5
        assert "Skovvej" in text.getvalue()
    # A redacted export cannot silently replace the full record.
    store_path = tmp_path / "other.db"
    with Store(store_path) as other:
        store_export = tmp_path / "redacted.jsonl"
        with Store(db) as store:
            store.export_sessions(store_export)
        with pytest.raises(FormatError, match=f"^{store_export}:1: .*redact"):
            other.import_sessions(store_export)
        assert other.import_sessions(store_export, allow_redacted=True).imported == 5


def test_the_evaluator_export_has_no_direct_identifiers(
    db: pathlib.Path, tmp_path: pathlib.Path
) -> None:
    out = tmp_path / "study.jsonl"
    study = Pseudonymiser(STUDY_KEY)
    org = Pseudonymiser(ORG_KEY)
    with Store(db) as store:
        assert store.export_sessions(out, evaluator=True, pseudonymiser=study) == 5
    text = out.read_text(encoding="utf-8")
    for secret in (
        "Ask the relative",
        "Skovvej",
        "upset",
        "Fixed call",
        "Two ill",
        org.staff("E100"),
        org.staff("E200"),
        '"s-1"',
    ):
        assert secret not in text, secret
    lines = [json.loads(line) for line in text.splitlines()]
    assert {line["redaction"] for line in lines} == {"evaluator"}
    assert lines[0]["participants"][0]["role"] == "facilitator"
    assert lines[0]["actions"][0]["owner"] == "leader"
    # The same study key gives the same pseudonyms again; another key others.
    again = tmp_path / "again.jsonl"
    other = tmp_path / "other.jsonl"
    with Store(db) as store:
        store.export_sessions(
            again, evaluator=True, pseudonymiser=Pseudonymiser(STUDY_KEY)
        )
        store.export_sessions(
            other, evaluator=True, pseudonymiser=Pseudonymiser(ORG_KEY)
        )
    assert again.read_text(encoding="utf-8") == text
    assert (
        json.loads(other.read_text(encoding="utf-8").splitlines()[0])["id"]
        != lines[0]["id"]
    )


def test_the_key_never_reaches_the_file(db: pathlib.Path) -> None:
    data = b"".join(
        pathlib.Path(f"{db}{suffix}").read_bytes()
        for suffix in ("", "-wal", "-shm")
        if pathlib.Path(f"{db}{suffix}").exists()
    )
    assert ORG_KEY not in data and ORG_KEY.hex().encode() not in data
    assert b"E100" not in data
    assert Pseudonymiser(ORG_KEY).staff("E100").encode() in data


def test_a_session_that_does_not_validate_is_refused(tmp_path: pathlib.Path) -> None:
    bad = session("s-1")
    bad.actual_start = None
    with Store(tmp_path / "x.db") as store:
        with pytest.raises(FormatError, match='session "s-1": actual_start'):
            store.put(bad)
        assert store.count() == 0


def test_opening_errors_name_the_file(tmp_path: pathlib.Path) -> None:
    missing = tmp_path / "nowhere.db"
    with pytest.raises(NotFoundError, match=f"^{missing}: "):
        Store(missing, create=False)
    assert not missing.exists()
    other = tmp_path / "other.db"
    sqlite3.connect(other).execute("CREATE TABLE t (x)").connection.commit()
    with pytest.raises(VersionError, match="another application"):
        Store(other)
    junk = tmp_path / "junk.db"
    junk.write_text("not a database " * 100, encoding="utf-8")
    with pytest.raises(StoreError, match="not a database"):
        Store(junk)


def test_a_read_only_store_refuses_writes(db: pathlib.Path) -> None:
    with Store(db, read_only=True) as store:
        assert store.count() == 5
        with pytest.raises(StoreError):
            store.put(session("s-9"))


def test_deleting_a_session_removes_it(db: pathlib.Path) -> None:
    with Store(db) as store:
        store.delete("s-1")
        assert store.count() == 4
        with pytest.raises(NotFoundError):
            store.get("s-1")
        with pytest.raises(NotFoundError):
            store.delete("s-1")


def test_user_formats_are_kept_byte_for_byte(tmp_path: pathlib.Path) -> None:
    fmt = carelearn.Catalog.builtin()["systematic-learning-meeting"]
    fmt.id = "evening-meeting"
    with Store(tmp_path / "x.db") as store:
        store.put_format(fmt)
        stored = store.get_format("evening-meeting")
        assert stored.json == fmt.to_json()
        assert carelearn.Format.from_json(stored.json) == fmt
        assert [f.id for f in store.formats()] == ["evening-meeting"]
        fmt.duration = carelearn.TimeBudget.fixed(25)
        with pytest.raises(AlreadyExistsError):
            store.put_format(fmt)


def test_sessions_from_the_store_make_a_frame(db: pathlib.Path) -> None:
    import pandas  # noqa: F401 (a test dependency: its absence fails)
    with Store(db) as store:
        frame = carelearn.sessions_to_frame(store.sessions())
    assert list(frame["id"]) == ["s-1", "s-2", "s-3", "s-4", "s-5"]
    assert frame.groupby("unit")["learning_points"].sum().to_dict() == {
        "home-care-north": 6,
        "nursing-home-east": 2,
    }


def test_a_carelearn_file_without_tables_is_a_store_error(tmp_path: pathlib.Path) -> None:
    path = tmp_path / "marked.db"
    connection = sqlite3.connect(path)
    connection.execute(f"PRAGMA application_id = {Store.APPLICATION_ID}")
    connection.execute(f"PRAGMA user_version = {Store.SCHEMA_VERSION}")
    connection.commit()
    connection.close()
    with pytest.raises(StoreError, match=r"no such table"):
        with Store(path) as store:
            store.count()


FULL_DISK = """\
import datetime, resource, signal, sys
import carelearn

signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
store = carelearn.Store(sys.argv[1])
resource.setrlimit(resource.RLIMIT_FSIZE, (256 * 1024, 256 * 1024))
start = datetime.datetime(2026, 3, 4, 13, 0, tzinfo=datetime.UTC)
try:
    for i in range(10_000):
        store.put(carelearn.Session(
            id=f"s-{i}", format_id="systematic-learning-meeting", planned_start=start,
            cancellation=carelearn.Cancellation(carelearn.CancelReason.OTHER, "x" * 4000)))
except carelearn.StoreError as error:
    print("StoreError:", error)
except BaseException as error:
    print(type(error).__name__ + ":", error)
"""


def test_a_full_disk_is_a_store_error(tmp_path: pathlib.Path) -> None:
    # A file size limit stands in for a full disk: the write fails half-way.
    result = subprocess.run(
        [sys.executable, "-c", FULL_DISK, str(tmp_path / "full.db")],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert result.stdout.startswith("StoreError: "), result.stdout + result.stderr
    assert str(tmp_path / "full.db") in result.stdout
