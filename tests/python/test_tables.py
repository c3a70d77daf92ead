"""Session tables: frames and Arrow tables that say what the Session values
say, field by field, from every source; columns handed over without copies;
pyarrow, polars and DuckDB reading the Arrow PyCapsules; forgiving reads;
confidential text kept out unless asked for by name."""

from __future__ import annotations

import datetime
import gc
import math
import pathlib
import random
import sys
from collections.abc import Callable, Iterator
from typing import Any

import duckdb
import numpy as np
import pandas as pd
import polars as pl
import pyarrow as pa
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
    Session,
    Shift,
    StatusChange,
    StepTiming,
)

UTC = datetime.UTC
CPR = "010203-1234"
"""A CPR-like number, planted in confidential text only."""

TABLES = carelearn.SessionTables.TABLE_NAMES

# ------------------------------------------------------------------ sessions

UNITS = ["home-care-north", "home-care-south", "plejecenter-åbo", "natholdet 🌙"]
ROLES = ["facilitator", "case-presenter", "colleague", "leader", "learning-agent"]
PROFESSIONS = ["nurse", "social-and-health-assistant", "therapist", "sygeplejerske", ""]
STEPS = ["welcome", "case", "round", "learning-points", "actions", "close"]
QUESTIONS = ["q1", "q2", "q3", "q4", "q5", "q6", "q7", "q8"]
CATEGORIES = ["fall", "difficult-conversation", "medication", "hygiejne"]
TEXTS = ["Ask the relative first.", "Spørg de pårørende først.", "Dobbelttjek 💊", "a\\b \"c\""]


def random_session(rng: random.Random, number: int) -> Session:
    """A valid session with every part, drawn from `rng`."""
    start = datetime.datetime(2026, 1, 5, 13, 0, tzinfo=UTC) + datetime.timedelta(
        days=rng.randrange(300), minutes=rng.randrange(0, 600, 15)
    )
    people = [f"p{rng.randrange(60):02d}" for _ in range(rng.randrange(0, 11))]
    people = list(dict.fromkeys(people))  # unique pseudonyms, in order
    participants = [
        Participant(
            person,
            rng.choice(ROLES),
            rng.choice(UNITS + [""]),
            rng.choice(PROFESSIONS),
            rng.choice(list(Shift)),
        )
        for person in people
    ]
    case = (
        Case(rng.choice(CATEGORIES), rng.choice(["", f"c{rng.randrange(9)}"]))
        if rng.random() < 0.5
        else None
    )
    cancelled = rng.random() < 0.15
    common: dict[str, Any] = dict(
        id=f"s-{number:04d}-{rng.randrange(10**6):06d}",
        format_id=rng.choice(["systematic-learning-meeting", "learning-visit"]),
        format_version=rng.randrange(1, 3),
        unit=rng.choice(UNITS),
        planned_start=start,
        participants=participants,
        presented_case=case,
    )
    if cancelled and rng.random() < 0.5:
        # Called off beforehand: nothing was held.
        return Session(
            **common,
            cancellation=Cancellation(rng.choice(list(CancelReason)), rng.choice(["", "syg"])),
        )
    actual = start + datetime.timedelta(minutes=rng.randrange(0, 10))
    clock = actual
    steps = []
    for step in rng.sample(STEPS, rng.randrange(0, 6)):
        length = datetime.timedelta(minutes=rng.randrange(0, 15), seconds=rng.randrange(60))
        steps.append(StepTiming(step_id=step, start=clock, end=clock + length))
        clock += length
    prompts = [
        PromptUse(rng.choice(STEPS), rng.choice(QUESTIONS)) for _ in range(rng.randrange(0, 6))
    ]
    learning_points = [
        LearningPoint(
            rng.choice(TEXTS + [""]),
            step_id=rng.choice(STEPS + [""]),
            author=rng.choice(people + [""]),
        )
        for _ in range(rng.randrange(0, 4))
    ]
    actions = []
    for a in range(rng.randrange(0, 4)):
        history = []
        at = actual + datetime.timedelta(minutes=20)
        for status in rng.sample(list(ActionStatus), rng.randrange(0, 4)):
            history.append(StatusChange(status, at))
            at += datetime.timedelta(days=rng.randrange(0, 20), seconds=rng.randrange(100))
        actions.append(
            Action(
                rng.choice(TEXTS),
                id=f"a{a + 1}",
                step_id=rng.choice(STEPS),
                owner=rng.choice(["leader", ""] + people),
                due=rng.choice([None, datetime.date(2026, 6, rng.randrange(1, 31))]),
                history=history,
            )
        )
    feedback = [
        Feedback(person, rng.randrange(1, 6), rng.choice(["", "Godt møde", "🙂"]), step_id="close")
        for person in rng.sample(people, rng.randrange(0, len(people) + 1))
    ]
    notes = [
        Note(rng.choice(TEXTS), kind=rng.choice(list(NoteKind)), step_id=rng.choice(STEPS))
        for _ in range(rng.randrange(0, 3))
    ]
    planted = rng.random() < 0.3
    if planted:
        # CPR in every kind of text that can be marked confidential.
        learning_points.append(
            LearningPoint(f"Borger {CPR} faldt", step_id="case", confidential=True)
        )
        notes.append(Note(f"CPR {CPR}", kind=NoteKind.DOCUMENTATION, confidential=True))
        actions.append(
            Action(f"Ring til {CPR}", id=f"a{len(actions) + 1}", step_id="actions",
                   confidential=True)
        )
        if feedback:
            feedback[0].comment = f"Om {CPR}"
            feedback[0].confidential = True
    return Session(
        **common,
        actual_start=actual,
        actual_end=None if cancelled else clock + datetime.timedelta(minutes=1),
        cancellation=(
            Cancellation(
                CancelReason.WORKLOAD,
                f"akut, {CPR}" if planted else "akut",
                confidential=planted,
            )
            if cancelled
            else None
        ),
        steps=steps,
        prompts=prompts,
        learning_points=learning_points,
        actions=actions,
        feedback=feedback,
        notes=notes,
    )


def random_sessions(seed: int, n: int = 40) -> list[Session]:
    """`n` valid sessions drawn with `seed`; every session is validated."""
    rng = random.Random(seed)
    sessions = [random_session(rng, i) for i in range(n)]
    for s in sessions:
        s.validate()
    return sessions


def planted_session() -> Session:
    """A session whose confidential learning point, note, action and feedback
    comment hold `CPR`."""
    start = datetime.datetime(2026, 3, 4, 13, 0, tzinfo=UTC)
    return Session(
        id="s-planted",
        format_id="systematic-learning-meeting",
        unit="home-care-north",
        planned_start=start,
        actual_start=start,
        actual_end=start + datetime.timedelta(minutes=30),
        participants=[Participant("p1", "facilitator", "home-care-north", "nurse")],
        learning_points=[
            LearningPoint("Ask first.", step_id="case", author="p1"),
            LearningPoint(f"Citizen {CPR} fell", step_id="case", confidential=True),
        ],
        notes=[Note(f"cpr {CPR}", kind=NoteKind.DOCUMENTATION, confidential=True)],
        actions=[
            Action("Check the rails.", id="a1", step_id="actions"),
            Action(f"Call {CPR} first", id="a2", step_id="actions", confidential=True),
        ],
        feedback=[
            Feedback("p1", 5, f"Good, {CPR} thanked us", step_id="case", confidential=True)
        ],
    )


def planted_cancellation() -> Session:
    """A session called off with `CPR` in its confidential note."""
    start = datetime.datetime(2026, 3, 11, 13, 0, tzinfo=UTC)
    return Session(
        id="s-planted-off",
        format_id="systematic-learning-meeting",
        unit="home-care-north",
        planned_start=start,
        cancellation=Cancellation(CancelReason.OTHER, f"{CPR} died", confidential=True),
    )


# ------------------------------------------------------------------ expected rows


def _opt(value: str) -> str | None:
    """An empty string is a missing value in the tables."""
    return value or None


def _text(value: str, confidential: bool, free_text: bool, confidential_text: bool) -> Any:
    if confidential and not confidential_text:
        return None
    return _opt(value)


def expected_tables(
    sessions: list[Session], *, free_text: bool = True, confidential_text: bool = True
) -> dict[str, list[dict[str, Any]]]:
    """The rows of every table, worked out from the Session values."""
    out: dict[str, list[dict[str, Any]]] = {name: [] for name in TABLES}

    def text(value: str, confidential: bool = False) -> dict[str, Any]:
        if not free_text:
            return {}
        return {"text": _text(value, confidential, free_text, confidential_text)}

    for i, s in enumerate(sessions):
        row: dict[str, Any] = {
            "id": s.id,
            "unit": _opt(s.unit),
            "format_id": s.format_id,
            "format_version": s.format_version,
            "planned_start": s.planned_start,
            "actual_start": s.actual_start,
            "actual_end": s.actual_end,
            "status": "cancelled" if s.cancellation else "held",
            "cancel_reason": (
                carelearn._core.cancel_reason_name(s.cancellation.reason) if s.cancellation else None
            ),
        }
        row["cancel_confidential"] = s.cancellation.confidential if s.cancellation else False
        if free_text:
            row["cancel_note"] = (
                _text(s.cancellation.note, s.cancellation.confidential, free_text, confidential_text)
                if s.cancellation
                else None
            )
        row.update(
            case_category=_opt(s.presented_case.category) if s.presented_case else None,
            citizen=_opt(s.presented_case.citizen) if s.presented_case else None,
            participant_count=len(s.participants),
            step_count=len(s.steps),
            prompt_count=len(s.prompts),
            learning_point_count=len(s.learning_points),
            action_count=len(s.actions),
            feedback_count=len(s.feedback),
            note_count=len(s.notes),
        )
        out["sessions"].append(row)
        for position, p in enumerate(s.participants):
            out["participants"].append(
                {
                    "session": i,
                    "position": position,
                    "person": p.id,
                    "role": p.role,
                    "unit": _opt(p.unit),
                    "profession": _opt(p.profession),
                    "shift": carelearn._core.shift_name(p.shift),
                }
            )
        for position, t in enumerate(s.steps):
            out["steps"].append(
                {
                    "session": i,
                    "position": position,
                    "step": t.step_id,
                    "start": t.start,
                    "end": t.end,
                    "minutes": (t.end - t.start).total_seconds() / 60,
                }
            )
        for u in s.prompts:
            out["prompts"].append({"session": i, "step": _opt(u.step_id), "question": u.question_id})
        for position, lp in enumerate(s.learning_points):
            out["learning_points"].append(
                {
                    "session": i,
                    "position": position,
                    "step": _opt(lp.step_id),
                    "author": _opt(lp.author),
                    "confidential": lp.confidential,
                    **text(lp.text, lp.confidential),
                }
            )
        for position, a in enumerate(s.actions):
            first: dict[ActionStatus, datetime.datetime] = {}
            for change_position, change in enumerate(a.history):
                first.setdefault(change.status, change.at)
                out["action_changes"].append(
                    {
                        "session": i,
                        "action": len(out["actions"]),  # the row this action gets
                        "position": change_position,
                        "status": carelearn._core.action_status_name(change.status),
                        "at": change.at,
                    }
                )
            out["actions"].append(
                {
                    "session": i,
                    "position": position,
                    "action": a.id,
                    "step": _opt(a.step_id),
                    "owner": _opt(a.owner),
                    "due": a.due,
                    "status": carelearn._core.action_status_name(a.current_status()),
                    "proposed_at": a.history[0].at if a.history else None,
                    "started_at": first.get(ActionStatus.IN_PROGRESS),
                    "done_at": first.get(ActionStatus.DONE),
                    "dropped_at": first.get(ActionStatus.DROPPED),
                    "confidential": a.confidential,
                    **text(a.text, a.confidential),
                }
            )
        for f in s.feedback:
            row = {
                "session": i,
                "step": _opt(f.step_id),
                "participant": f.participant,
                "rating": f.rating,
                "confidential": f.confidential,
            }
            if free_text:
                row["comment"] = _text(f.comment, f.confidential, free_text, confidential_text)
            out["feedback"].append(row)
        for n in s.notes:
            out["notes"].append(
                {
                    "session": i,
                    "step": _opt(n.step_id),
                    "kind": carelearn._core.note_kind_name(n.kind),
                    "confidential": n.confidential,
                    **text(n.text, n.confidential),
                }
            )
    return out


# ------------------------------------------------------------------ normalising


def plain(value: Any) -> Any:
    """A cell as a plain Python value: None for every kind of missing value,
    aware datetimes in UTC, dates for days, ints, floats, bools and strs."""
    if value is None or value is pd.NaT:
        return None
    if isinstance(value, float) and math.isnan(value):
        return None
    if isinstance(value, pd.Timestamp):
        value = value.to_pydatetime()
    if isinstance(value, datetime.datetime):
        if value.tzinfo is None:  # a day at midnight
            assert value.time() == datetime.time(0), value
            return value.date()
        return value.astimezone(UTC)
    if isinstance(value, (np.bool_, bool)):
        return bool(value)
    if isinstance(value, np.integer):
        return int(value)
    if isinstance(value, np.floating):
        return float(value)
    if value is pd.NA:
        return None
    return value


def frame_rows(frame: pd.DataFrame) -> list[dict[str, Any]]:
    """The rows of `frame` as dicts of plain values."""
    columns = {name: [plain(v) for v in frame[name].astype(object)] for name in frame.columns}
    return [{name: columns[name][i] for name in frame.columns} for i in range(len(frame))]


def arrow_rows(table: pa.Table) -> list[dict[str, Any]]:
    """The rows of the pyarrow `table` as dicts of plain values."""
    return [{k: plain(v) for k, v in row.items()} for row in table.to_pylist()]


def assert_rows_equal(actual: list[dict[str, Any]], expected: list[dict[str, Any]], name: str) -> None:
    assert len(actual) == len(expected), name
    for i, (a, e) in enumerate(zip(actual, expected, strict=True)):
        assert list(a) == list(e), f"{name}: columns"
        for key in e:
            if isinstance(e[key], float):
                assert a[key] == pytest.approx(e[key]), f"{name}[{i}].{key}"
            else:
                assert a[key] == e[key], f"{name}[{i}].{key}: {a[key]!r} != {e[key]!r}"


# ------------------------------------------------------------------ sources


def _from_file(tmp_path: pathlib.Path, sessions: list[Session], **kw: Any) -> carelearn.SessionTables:
    path = tmp_path / "sessions.jsonl"
    carelearn.write_sessions(path, sessions, include_confidential=True)
    return carelearn.read_tables(path, **kw)


def _from_text(tmp_path: pathlib.Path, sessions: list[Session], **kw: Any) -> carelearn.SessionTables:
    text = "".join(s.to_json_line(include_confidential=True) + "\n" for s in sessions)
    return carelearn.tables_from_text(text, source="memory", **kw)


def _from_store(tmp_path: pathlib.Path, sessions: list[Session], **kw: Any) -> carelearn.SessionTables:
    with carelearn.Store(tmp_path / "learning.db") as store:
        for s in sessions:
            store.put(s)
        return carelearn.read_tables(store, **kw)


def _from_sessions(tmp_path: pathlib.Path, sessions: list[Session], **kw: Any) -> carelearn.SessionTables:
    kw.pop("threads")
    return carelearn.tables_from_sessions(sessions, **kw)


SOURCES: dict[str, Callable[..., carelearn.SessionTables]] = {
    "file": _from_file,
    "text": _from_text,
    "store": _from_store,
    "sessions": _from_sessions,
}


def in_store_order(sessions: list[Session]) -> list[Session]:
    return sorted(sessions, key=lambda s: (s.planned_start, s.id))


@pytest.mark.parametrize("threads", [1, 2])
@pytest.mark.parametrize("source", list(SOURCES))
@pytest.mark.parametrize("seed", [1, 2, 3])
def test_frames_say_what_the_sessions_say(
    tmp_path: pathlib.Path, source: str, threads: int, seed: int
) -> None:
    sessions = random_sessions(seed)
    tables = SOURCES[source](
        tmp_path,
        sessions,
        threads=threads,
        free_text=True,
        confidential_text=True,
        identifiers=True,
    )
    if source == "store":
        sessions = in_store_order(sessions)
    expected = expected_tables(sessions)
    for name in TABLES:
        assert_rows_equal(frame_rows(getattr(tables, name)), expected[name], name)
        assert_rows_equal(arrow_rows(tables.table(name).to_arrow()), expected[name], name)
    assert len(tables) == len(sessions)
    assert tables.skipped.empty


def test_one_and_two_threads_give_the_same_tables(tmp_path: pathlib.Path) -> None:
    sessions = random_sessions(7, 300)
    path = tmp_path / "s.jsonl"
    carelearn.write_sessions(path, sessions)
    # Small chunks, so that two threads really split the file.
    options = carelearn.TableOptions(threads=1, chunk_bytes=4096)
    one = carelearn.SessionTables(carelearn._core.read_tables(str(path), options))
    options.threads = 2
    two = carelearn.SessionTables(carelearn._core.read_tables(str(path), options))
    assert one == two
    assert one == carelearn.read_tables(path, threads=2)
    assert one == carelearn.tables_from_sessions(carelearn.read_sessions(path))


def test_the_dtypes_are_typed_columns() -> None:
    tables = carelearn.tables_from_sessions(random_sessions(4), free_text=True)
    sessions = tables.sessions
    assert str(sessions["planned_start"].dtype) == "datetime64[us, UTC]"
    assert isinstance(sessions["unit"].dtype, pd.CategoricalDtype)
    assert list(sessions["status"].cat.categories) == ["held", "cancelled"]
    assert list(sessions["cancel_reason"].cat.categories) == [
        "staffing",
        "workload",
        "no-facilitator",
        "holiday",
        "other",
    ]
    assert list(tables.participants["shift"].cat.categories) == [
        "unspecified",
        "day",
        "evening",
        "night",
    ]
    assert list(tables.actions["status"].cat.categories) == [
        "open",
        "in-progress",
        "done",
        "dropped",
    ]
    assert list(tables.notes["kind"].cat.categories) == ["note", "reflection", "documentation"]
    assert sessions["format_version"].dtype == np.int32
    assert tables.steps["minutes"].dtype == np.float64
    assert tables.feedback["rating"].dtype == np.int8
    assert tables.learning_points["confidential"].dtype == np.bool_
    assert tables.actions["confidential"].dtype == np.bool_
    assert tables.feedback["confidential"].dtype == np.bool_
    assert sessions["cancel_confidential"].dtype == np.bool_
    assert str(tables.actions["due"].dtype) == "datetime64[s]"
    assert pd.api.types.is_string_dtype(sessions["id"].dtype)
    assert list(sessions.index) == list(range(len(sessions)))


def kinds(frame: pd.DataFrame) -> list[str]:
    """The dtypes of `frame`, with "category" for any categorical."""
    return [
        "category" if isinstance(d, pd.CategoricalDtype) else str(d) for d in frame.dtypes
    ]


def test_an_empty_input_gives_empty_tables_with_their_columns(tmp_path: pathlib.Path) -> None:
    path = tmp_path / "empty.jsonl"
    path.write_text("", encoding="utf-8")
    tables = carelearn.read_tables(path)
    full = carelearn.tables_from_sessions(random_sessions(5, 3))
    for name in TABLES:
        frame = getattr(tables, name)
        assert frame.empty
        assert list(frame.columns) == list(getattr(full, name).columns)
        assert kinds(frame) == kinds(getattr(full, name))
        assert pa.table(tables.table(name)).num_rows == 0
    assert len(tables) == 0


def test_lines_end_in_crlf_or_nothing_and_hold_unicode(tmp_path: pathlib.Path) -> None:
    sessions = random_sessions(11, 3)
    lines = [s.to_json_line(include_confidential=True) for s in sessions]
    path = tmp_path / "crlf.jsonl"
    path.write_bytes(("\r\n".join(lines)).encode("utf-8"))  # no line end at the end
    tables = carelearn.read_tables(
        path, free_text=True, confidential_text=True, identifiers=True
    )
    expected = expected_tables(sessions)
    for name in TABLES:
        assert_rows_equal(frame_rows(getattr(tables, name)), expected[name], name)
    units = set(tables.participants["unit"].dropna()) | set(tables.sessions["unit"].dropna())
    assert units & {"plejecenter-åbo", "natholdet 🌙"}


# ------------------------------------------------------------------ zero copy


def test_frames_view_the_cpp_columns() -> None:
    tables = carelearn.tables_from_sessions(random_sessions(8), free_text=True)
    steps = tables.table("steps")
    minutes = steps.array("minutes")
    # The array views C++ memory: its base is the capsule that holds the tables.
    assert not minutes.flags.owndata and not minutes.flags.writeable
    assert type(minutes.base).__name__ == "PyCapsule"
    first, second = tables.steps, tables.steps
    for name in ("session", "minutes"):
        assert np.shares_memory(first[name].to_numpy(), second[name].to_numpy())
        assert np.shares_memory(first[name].to_numpy(), steps.array(name))
    start = first["start"].array
    assert np.shares_memory(start._ndarray, steps.array("start"))
    assert np.shares_memory(start._ndarray, second["start"].array._ndarray)
    assert start._ndarray.dtype == np.dtype("datetime64[us]")
    # Codes: pandas narrows codes to int8/int16 below 32,768 categories, a
    # copy; above it they are the C++ codes themselves (see the next test).


def test_many_categories_keep_the_cpp_codes() -> None:
    start = datetime.datetime(2026, 3, 4, 13, 0, tzinfo=UTC)
    sessions = [
        Session(id=f"s{i}", format_id="f", unit=f"unit-{i}", planned_start=start, actual_start=start)
        for i in range(33_000)
    ]
    tables = carelearn.tables_from_sessions(sessions)
    codes = tables.table("sessions").array("unit")
    unit = tables.sessions["unit"]
    assert unit.cat.codes.dtype == np.int32
    assert np.shares_memory(unit.array.codes, codes)
    assert unit[32_999] == "unit-32999"


def test_arrow_buffers_are_the_numpy_buffers() -> None:
    tables = carelearn.tables_from_sessions(random_sessions(9), free_text=True)
    steps = tables.table("steps")
    batch = pa.RecordBatchReader.from_stream(steps).read_next_batch()
    for name in ("session", "position", "minutes", "start", "end"):
        assert batch.column(name).buffers()[1].address == steps.array(name).ctypes.data, name
    # Dictionary indices are the C++ codes.
    step = batch.column("step")
    assert step.indices.buffers()[1].address == steps.array("step").ctypes.data
    # Strings: offsets and bytes.
    sessions = tables.table("sessions")
    offsets, data, valid = sessions.string_buffers("id")
    ids = pa.RecordBatchReader.from_stream(sessions).read_next_batch().column("id")
    assert ids.type == pa.large_string()
    assert ids.buffers()[1].address == offsets.ctypes.data
    assert ids.buffers()[2].address == data.ctypes.data
    # The pandas string column is a view of the same bytes.
    pandas_ids = tables.sessions["id"].array._pa_array.chunk(0)
    assert pandas_ids.buffers()[2].address == data.ctypes.data
    # Every stream is a new view of the same memory.
    again = pa.RecordBatchReader.from_stream(steps).read_next_batch()
    assert again.column("minutes").buffers()[1].address == steps.array("minutes").ctypes.data


def test_polars_takes_numeric_columns_without_a_copy() -> None:
    tables = carelearn.tables_from_sessions(random_sessions(10))
    steps = tables.table("steps")
    frame = pl.DataFrame(steps)
    address = frame["minutes"].to_arrow().buffers()[1].address
    assert address == steps.array("minutes").ctypes.data


def test_columns_outlive_the_tables_object() -> None:
    tables = carelearn.tables_from_sessions(random_sessions(12), free_text=True)
    expected = tables.steps["minutes"].tolist()
    minutes = tables.table("steps").array("minutes")
    stream = tables.table("steps").__arrow_c_stream__()
    frame = tables.steps
    del tables
    gc.collect()
    assert minutes.tolist() == expected
    assert frame["minutes"].tolist() == expected
    reader = pa.RecordBatchReader._import_from_c_capsule(stream)
    assert reader.read_all().column("minutes").to_pylist() == expected


def test_frames_are_read_only_views_and_copies_are_writable() -> None:
    tables = carelearn.tables_from_sessions(random_sessions(13))
    steps = tables.steps
    before = float(tables.table("steps").array("minutes")[0])
    assert before != -1.0
    with pytest.raises(ValueError, match="read-only"):
        steps.loc[0, "minutes"] = -1.0
    copy = steps.copy()
    copy.loc[0, "minutes"] = -1.0
    assert copy.loc[0, "minutes"] == -1.0
    # Nothing wrote into the C++ column.
    assert tables.table("steps").array("minutes")[0] == before
    assert tables.steps.loc[0, "minutes"] == before


# ------------------------------------------------------------------ other readers


def _duckdb_rows(arrow_table: carelearn.Table) -> list[dict[str, Any]]:
    # DuckDB finds the local variable `arrow_table` and scans its Arrow stream.
    relation = duckdb.sql("select * from arrow_table")
    names = relation.columns
    return [{n: plain(v) for n, v in zip(names, row, strict=True)} for row in relation.fetchall()]


@pytest.mark.parametrize("name", TABLES)
def test_pyarrow_polars_and_duckdb_agree_with_pandas(name: str) -> None:
    tables = carelearn.tables_from_sessions(random_sessions(14), free_text=True)
    table = tables.table(name)
    expected = frame_rows(getattr(tables, name))
    assert expected, name  # each table has rows for this seed
    reader = pa.RecordBatchReader.from_stream(table)
    from_stream = reader.read_all()
    from_stream.validate(full=True)
    assert_rows_equal(arrow_rows(from_stream), expected, f"pyarrow {name}")
    assert_rows_equal(arrow_rows(pa.table(table)), expected, f"pyarrow.table {name}")
    polars = pl.DataFrame(table)
    assert_rows_equal(
        [{k: plain(v) for k, v in row.items()} for row in polars.iter_rows(named=True)],
        expected,
        f"polars {name}",
    )
    from_arrow = pl.from_arrow(pa.table(table))
    assert isinstance(from_arrow, pl.DataFrame)
    assert_rows_equal(arrow_rows(from_arrow.to_arrow()), expected, f"polars.from_arrow {name}")
    assert_rows_equal(_duckdb_rows(table), expected, f"duckdb {name}")


def test_the_arrow_schema_names_the_types() -> None:
    tables = carelearn.tables_from_sessions(random_sessions(15), free_text=True)
    schema = pa.schema(tables.table("actions"))
    assert schema.field("session").type == pa.int32()
    assert not schema.field("session").nullable
    assert schema.field("status").type == pa.dictionary(pa.int32(), pa.utf8())
    assert schema.field("due").type == pa.date32()
    assert schema.field("proposed_at").type == pa.timestamp("us", tz="UTC")
    assert schema.field("text").type == pa.large_utf8()
    assert pa.schema(tables.table("notes")).field("confidential").type == pa.bool_()
    assert schema.field("confidential").type == pa.bool_()
    assert not schema.field("confidential").nullable
    assert pa.schema(tables.table("feedback")).field("confidential").type == pa.bool_()
    assert pa.schema(tables.table("sessions")).field("cancel_confidential").type == pa.bool_()
    assert pa.schema(tables.table("feedback")).field("rating").type == pa.int8()


def test_select_keeps_the_named_columns_in_order() -> None:
    tables = carelearn.tables_from_sessions(random_sessions(16))
    steps = tables.table("steps").select(["minutes", "session"])
    assert steps.column_names == ["minutes", "session"]
    assert pa.table(steps).column_names == ["minutes", "session"]
    with pytest.raises(ValueError, match='"nope" is not a column of the steps table; its columns are session, position'):
        tables.table("steps").select(["nope"])
    with pytest.raises(ValueError, match='"nope" is not a table; the tables are sessions, participants'):
        tables.table("nope")


# ------------------------------------------------------------------ bad lines


def _lines_with_bad_ones(tmp_path: pathlib.Path) -> tuple[pathlib.Path, list[Session]]:
    sessions = random_sessions(17, 4)
    lines = [s.to_json_line() for s in sessions]
    lines.insert(1, '{"carelearn": "session/1", "id": ')  # line 2: cut short
    lines.insert(3, "")  # line 4: blank, skipped silently
    bad = sessions[2].to_dict()
    bad["participants"] = [{"id": "p1", "role": "facilitator", "shift": "morning"}]
    import json

    lines.insert(5, json.dumps(bad))  # line 6: an unknown shift
    path = tmp_path / "mixed.jsonl"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path, sessions


def test_a_bad_line_is_a_located_format_error(tmp_path: pathlib.Path) -> None:
    path, _ = _lines_with_bad_ones(tmp_path)
    with pytest.raises(FormatError) as caught:
        carelearn.read_tables(path, threads=2)
    error = caught.value
    assert error.message.startswith(f"{path}:2:")
    assert error.line == 2
    assert error.column is not None and error.column > 1


def test_skip_keeps_going_and_lists_the_skipped_lines(tmp_path: pathlib.Path) -> None:
    path, sessions = _lines_with_bad_ones(tmp_path)
    tables = carelearn.read_tables(path, on_error="skip", threads=2)
    assert list(tables.sessions["id"]) == [s.id for s in sessions]
    skipped = tables.skipped
    assert list(skipped.columns) == ["source", "line", "message"]
    assert list(skipped["line"]) == [2, 6]
    assert list(skipped["source"]) == [str(path)] * 2
    assert skipped["message"][0].startswith(f"{path}:2:")
    assert "/participants/0/shift" in skipped["message"][1]
    assert "morning" in skipped["message"][1]


def test_a_file_of_only_bad_lines(tmp_path: pathlib.Path) -> None:
    path = tmp_path / "bad.jsonl"
    path.write_text("nope\n[]\n", encoding="utf-8")
    tables = carelearn.read_tables(path, on_error="skip")
    assert len(tables) == 0
    assert list(tables.skipped["line"]) == [1, 2]


# ------------------------------------------------------------------ privacy


def _every_text(tables: carelearn.SessionTables) -> Iterator[bytes]:
    """Every byte every frame and Arrow table holds, as text and as buffers."""
    for name in TABLES:
        yield getattr(tables, name).to_csv().encode("utf-8")
        table = tables.table(name).to_arrow()
        for column in table.columns:
            for chunk in column.chunks:
                arrays = [chunk]
                if isinstance(chunk, pa.DictionaryArray):
                    arrays.append(chunk.dictionary)
                for array in arrays:
                    for buffer in array.buffers():
                        if buffer is not None:
                            yield buffer.to_pybytes()


@pytest.mark.parametrize("source", list(SOURCES))
def test_confidential_text_is_absent_unless_asked_for_by_name(
    tmp_path: pathlib.Path, source: str
) -> None:
    sessions = random_sessions(18, 20) + [planted_session(), planted_cancellation()]
    read = SOURCES[source]
    for free_text in (False, True):
        (tmp_path / f"{free_text}").mkdir()
        tables = read(tmp_path / f"{free_text}", sessions, threads=2, free_text=free_text)
        assert not tables.confidential_text
        for blob in _every_text(tables):
            assert CPR.encode() not in blob
        assert ("Ask first." in set(tables.learning_points.get("text", []))) == free_text
    (tmp_path / "asked").mkdir()
    asked = read(tmp_path / "asked", sessions, threads=2, free_text=True, confidential_text=True)
    # Confidential text asked for, but not the identifiers in it: the CPR number is masked.
    assert not any(CPR.encode() in blob for blob in _every_text(asked))
    assert "Citizen [cpr-number] fell" in set(asked.learning_points["text"])
    assert "Call [cpr-number] first" in set(asked.actions["text"])
    assert "Good, [cpr-number] thanked us" in set(asked.feedback["comment"])
    assert "[cpr-number] died" in set(asked.sessions["cancel_note"])
    (tmp_path / "identifiers").mkdir()
    named = read(
        tmp_path / "identifiers",
        sessions,
        threads=2,
        free_text=True,
        confidential_text=True,
        identifiers=True,
    )
    assert any(CPR.encode() in blob for blob in _every_text(named))
    assert f"Citizen {CPR} fell" in set(named.learning_points["text"])
    assert f"Call {CPR} first" in set(named.actions["text"])
    assert f"Good, {CPR} thanked us" in set(named.feedback["comment"])
    assert f"{CPR} died" in set(named.sessions["cancel_note"])
    # Without confidential text, the rows are there with their flag and no text.
    (tmp_path / "open").mkdir()
    open_ = read(tmp_path / "open", [planted_session(), planted_cancellation()], threads=2,
                 free_text=True)
    assert list(open_.actions["confidential"]) == [False, True]
    assert list(open_.actions["text"].isna()) == [False, True]
    assert list(open_.feedback["confidential"]) == [True]
    assert list(open_.feedback["comment"].isna()) == [True]
    assert list(open_.sessions["cancel_confidential"]) == [False, True]
    assert list(open_.sessions["cancel_note"].isna()) == [True, True]


def test_without_free_text_there_are_no_text_columns() -> None:
    tables = carelearn.tables_from_sessions([planted_session()])
    assert "text" not in tables.learning_points.columns
    assert "comment" not in tables.feedback.columns
    assert "cancel_note" not in tables.sessions.columns
    assert not tables.free_text


# ------------------------------------------------------------------ arguments


def test_bad_arguments_raise_naming_them(tmp_path: pathlib.Path) -> None:
    with pytest.raises(ValueError, match="confidential_text=True needs free_text=True"):
        carelearn.read_tables(tmp_path / "x.jsonl", confidential_text=True)
    with pytest.raises(ValueError, match="threads: 0 is not 1 or more"):
        carelearn.read_tables(tmp_path / "x.jsonl", threads=0)
    with pytest.raises(ValueError, match='on_error: unknown value "ignore"'):
        carelearn.read_tables(tmp_path / "x.jsonl", on_error="ignore")  # type: ignore[arg-type]
    with pytest.raises(ValueError, match="query selects sessions from a Store"):
        carelearn.read_tables(tmp_path / "x.jsonl", query={"unit": "u"})
    with pytest.raises(TypeError, match="source must be a path or a carelearn.Store"):
        carelearn.read_tables(42)  # type: ignore[arg-type]
    with pytest.raises(NotFoundError, match="x.jsonl"):
        carelearn.read_tables(tmp_path / "x.jsonl")


def test_a_store_query_selects_the_sessions(tmp_path: pathlib.Path) -> None:
    sessions = random_sessions(19, 30)
    with carelearn.Store(tmp_path / "l.db") as store:
        for s in sessions:
            store.put(s)
        north = carelearn.read_tables(store, query={"unit": "home-care-north"})
        assert list(north.sessions["id"]) == [s.id for s in store.sessions(unit="home-care-north")]
        assert len(north) > 0
        query = carelearn.SessionQuery(unit="home-care-south", limit=2)
        assert list(carelearn.read_tables(store, query=query).sessions["id"]) == [
            s.id for s in store.sessions(query)
        ]
        assert store.count() == len(sessions)  # usable again after the read


def test_missing_extras_are_named(monkeypatch: pytest.MonkeyPatch) -> None:
    tables = carelearn.tables_from_sessions(random_sessions(20, 2))
    monkeypatch.setitem(sys.modules, "pyarrow", None)
    with pytest.raises(ImportError, match=r"pip install carelearn\[arrow\]"):
        tables.to_arrow()
    monkeypatch.setitem(sys.modules, "pandas", None)
    with pytest.raises(ImportError, match=r"pip install carelearn\[pandas\]"):
        tables.sessions  # noqa: B018


def test_strings_are_python_objects_without_pyarrow(monkeypatch: pytest.MonkeyPatch) -> None:
    tables = carelearn.tables_from_sessions([planted_session()], free_text=True)
    monkeypatch.setitem(sys.modules, "pyarrow", None)
    sessions = tables.sessions
    assert list(sessions["id"]) == ["s-planted"]
    assert list(tables.learning_points["text"])[0] == "Ask first."


def test_sessions_to_frame_keeps_its_columns_over_the_tables() -> None:
    sessions = random_sessions(21, 10)
    frame = carelearn.sessions_to_frame(sessions)
    assert list(frame["id"]) == [s.id for s in sessions]
    assert list(frame["participants"]) == [len(s.participants) for s in sessions]
    assert list(frame["status"]) == ["cancelled" if s.cancellation else "held" for s in sessions]
    assert frame["unit"].dtype == object and frame["format_version"].dtype == np.int64
    assert [plain(t) for t in frame["actual_start"]] == [s.actual_start for s in sessions]


def test_repr_names_the_tables_and_their_sizes() -> None:
    tables = carelearn.tables_from_sessions([planted_session()])
    assert repr(tables) == (
        "<SessionTables sessions=1, participants=1, steps=0, prompts=0, learning_points=2, "
        "actions=2, action_changes=0, feedback=1, notes=1>"
    )
    assert repr(tables.table("prompts")) == "<Table prompts: 0 rows, columns session, step, question>"


# ------------------------------------------------------------------ pickling


@pytest.mark.parametrize(
    ("free_text", "confidential_text"), [(False, False), (True, False), (True, True)]
)
def test_tables_pickle_to_equal_frames(
    tmp_path: pathlib.Path, free_text: bool, confidential_text: bool
) -> None:
    import pickle

    sessions = random_sessions(5, 30) + [planted_session(), planted_cancellation()]
    path = tmp_path / "sessions.jsonl"
    carelearn.write_sessions(path, sessions, include_confidential=True)
    with path.open("a", encoding="utf-8") as f:
        f.write('{"carelearn": "session/1", "id": 7}\n\n')
    tables = carelearn.read_tables(
        path, free_text=free_text, confidential_text=confidential_text, on_error="skip"
    )
    for protocol in (2, pickle.HIGHEST_PROTOCOL):
        back = pickle.loads(pickle.dumps(tables, protocol=protocol))
        assert type(back) is carelearn.SessionTables
        assert back == tables
        assert (back.free_text, back.confidential_text) == (free_text, confidential_text)
        for name in TABLES:
            pd.testing.assert_frame_equal(back.table(name).to_pandas(), tables.table(name).to_pandas())
        pd.testing.assert_frame_equal(back.skipped, tables.skipped)
        assert len(back.skipped) == 1
    # The core handle pickles alike.
    core = carelearn._core.SessionTables(tables)
    assert pickle.loads(pickle.dumps(core)) == tables


def test_a_pickle_holds_no_more_text_than_was_read(tmp_path: pathlib.Path) -> None:
    import pickle

    path = tmp_path / "sessions.jsonl"
    carelearn.write_sessions(path, [planted_session()], include_confidential=True)
    plain_tables = carelearn.read_tables(path)
    text_tables = carelearn.read_tables(path, free_text=True)
    every = carelearn.read_tables(path, free_text=True, confidential_text=True)
    confidential = [
        t for t, c in zip(every.learning_points["text"], every.learning_points["confidential"]) if c
    ]
    public = [
        t for t, c in zip(every.learning_points["text"], every.learning_points["confidential"]) if not c
    ]
    assert confidential and public
    # Each text is in the pickle of the tables that read it, and in no other.
    for text in confidential:
        assert text.encode() in pickle.dumps(every)
        assert text.encode() not in pickle.dumps(text_tables)
        assert text.encode() not in pickle.dumps(plain_tables)
    for text in public:
        assert text.encode() in pickle.dumps(text_tables)
        assert text.encode() not in pickle.dumps(plain_tables)


def test_a_damaged_pickle_is_a_value_error() -> None:
    import pickle

    tables = carelearn.tables_from_sessions([planted_session()], free_text=True)
    blob, free_text, confidential_text = tables.__getstate__()
    assert blob[:12] == b"CLTABLES\x01\x00\x00\x00"
    assert (free_text, confidential_text) == (True, False)
    fresh = carelearn.SessionTables.__new__(carelearn.SessionTables)
    with pytest.raises(ValueError, match="^session tables: notes.text: the bytes end too soon$"):
        fresh.__setstate__((blob[:-3], True, False))
    with pytest.raises(ValueError, match=r"session tables: version 9, where this carelearn reads version 1"):
        carelearn.SessionTables.__new__(carelearn.SessionTables).__setstate__(
            (blob[:8] + b"\x09" + blob[9:], True, False)
        )
    # The options must say what the bytes hold.
    with pytest.raises(ValueError, match="^state: sessions.cancel_note is filled where free_text is False$"):
        carelearn.SessionTables.__new__(carelearn.SessionTables).__setstate__((blob, False, False))
    with pytest.raises(ValueError, match="state: confidential_text without free_text"):
        carelearn.SessionTables.__new__(carelearn.SessionTables).__setstate__((blob, False, True))
    every = carelearn.tables_from_sessions(
        [planted_session()], free_text=True, confidential_text=True
    )
    with pytest.raises(ValueError, match="holds confidential text where confidential_text is False"):
        carelearn.SessionTables.__new__(carelearn.SessionTables).__setstate__(
            (every.__getstate__()[0], True, False)
        )
    assert pickle.loads(pickle.dumps(every)) == every
