"""The session tables as Parquet: SessionTables.to_parquet and read_parquet.

Written one file per table and partitioned by year, read back equal (frames,
Arrow types and dictionary codes), read by polars and DuckDB from the same
files, one year read alone, and the mistakes named.
"""

from __future__ import annotations

import datetime
import os
import pathlib
import stat
from typing import Any

import duckdb
import pandas as pd
import polars as pl
import pyarrow as pa
import pyarrow.parquet as pq
import pytest

import carelearn
from carelearn import (
    Action,
    ActionStatus,
    CancelReason,
    Cancellation,
    LearningPoint,
    Participant,
    Session,
    StatusChange,
    StepTiming,
)
from carelearn._parquet import ROW_COLUMNS

UTC = datetime.UTC
TABLES = carelearn.SessionTables.TABLE_NAMES


@pytest.fixture(scope="module")
def simulated(tmp_path_factory: pytest.TempPathFactory) -> pathlib.Path:
    """Two years of 3 simulated units as JSON Lines."""
    folder = tmp_path_factory.mktemp("simulated")
    summary = carelearn.simulate(folder / "set", units=3, years=2, seed=7, format="jsonl")
    return pathlib.Path(summary.sessions_file)


@pytest.fixture(scope="module")
def tables(simulated: pathlib.Path) -> carelearn.SessionTables:
    return carelearn.read_tables(simulated, free_text=True, threads=2)


def held(number: int, planned: datetime.datetime, unit: str, minutes: int) -> Session:
    """A held meeting of two participants, one step of ``minutes`` and an action."""
    end = planned + datetime.timedelta(minutes=minutes)
    return Session(
        id=f"s-{number}",
        format_id="systematic-learning-meeting",
        unit=unit,
        planned_start=planned,
        actual_start=planned,
        actual_end=end,
        participants=[
            Participant(f"p-{unit}-1", "facilitator", unit),
            Participant(f"p-{unit}-2", "colleague", unit),
        ],
        steps=[StepTiming(step_id="case", start=planned, end=end)],
        learning_points=[LearningPoint(f"point {number}", step_id="case")],
        actions=[
            Action(
                f"action {number}",
                id=f"a{number}",
                owner="leader",
                history=[
                    StatusChange(ActionStatus.OPEN, end),
                    StatusChange(ActionStatus.DONE, end + datetime.timedelta(days=3)),
                ],
            )
        ],
    )


def new_year_sessions() -> list[Session]:
    """Four sessions whose years in Copenhagen are 2025, 2026, 2026 and 2025:
    the second is planned at 23:30 UTC on New Year's Eve, 00:30 in Copenhagen."""
    return [
        held(1, datetime.datetime(2025, 6, 2, 12, 0, tzinfo=UTC), "north", 30),
        held(2, datetime.datetime(2025, 12, 31, 23, 30, tzinfo=UTC), "south", 20),
        held(3, datetime.datetime(2026, 3, 4, 13, 0, tzinfo=UTC), "north", 25),
        Session(
            id="s-4",
            format_id="systematic-learning-meeting",
            unit="south",
            planned_start=datetime.datetime(2025, 9, 1, 12, 0, tzinfo=UTC),
            cancellation=Cancellation(CancelReason.STAFFING),
        ),
    ]


def assert_same_tables(back: carelearn.ParquetTables, tables: carelearn.SessionTables) -> None:
    """Every table equal: the frames, and the Arrow tables to the dictionary codes."""
    for name in TABLES:
        pd.testing.assert_frame_equal(back.frame(name), tables.table(name).to_pandas())
        arrow = back.table(name)
        row = ROW_COLUMNS.get(name)
        if row is not None:
            assert arrow.column(row).to_pylist() == list(range(arrow.num_rows))
            arrow = arrow.drop_columns([row])
        assert arrow.schema == tables.table(name).to_arrow().schema, name
        assert arrow.equals(tables.table(name).to_arrow()), name


# --- Round trips --------------------------------------------------------------------------


def test_one_file_per_table_reads_back_equal(
    tables: carelearn.SessionTables, tmp_path: pathlib.Path
) -> None:
    assert len(tables) > 300 and len(tables.table("actions")) > 0
    folder = tables.to_parquet(tmp_path / "out")
    assert folder == str(tmp_path / "out")
    assert sorted(os.listdir(folder)) == sorted(f"{n}.parquet" for n in TABLES)
    back = carelearn.read_parquet(folder)
    assert len(back) == len(tables)
    assert back.names == list(TABLES)
    assert_same_tables(back, tables)
    assert "ParquetTables sessions=" in repr(back)


def test_partitioned_by_year_reads_back_equal(
    tables: carelearn.SessionTables, tmp_path: pathlib.Path
) -> None:
    folder = pathlib.Path(tables.to_parquet(tmp_path / "out", partition_by="year"))
    assert sorted(os.listdir(folder)) == sorted(TABLES)
    # The schema alone in _common_metadata (as Spark and Dask write it), then the years.
    assert sorted(os.listdir(folder / "sessions")) == ["_common_metadata", "year=2026", "year=2027"]
    assert os.listdir(folder / "sessions" / "year=2026") == ["part-0.parquet"]
    assert_same_tables(carelearn.read_parquet(folder), tables)


def test_the_year_is_the_planned_start_in_copenhagen(tmp_path: pathlib.Path) -> None:
    tables = carelearn.tables_from_sessions(new_year_sessions(), free_text=True)
    folder = pathlib.Path(tables.to_parquet(tmp_path / "out", partition_by="year"))
    ids = {
        year: pq.read_table(folder / "sessions" / f"year={year}").column("id").to_pylist()
        for year in (2025, 2026)
    }
    # s-2, planned at 2025-12-31T23:30Z, is 00:30 on New Year's Day in Copenhagen.
    assert ids == {2025: ["s-1", "s-4"], 2026: ["s-2", "s-3"]}
    # A child row goes with its session: s-2 and s-3 have 2 participants each.
    participants = pq.read_table(folder / "participants" / "year=2026")
    assert participants.column("session").to_pylist() == [1, 1, 2, 2]
    assert participants.column("person").to_pylist() == [
        "p-south-1",
        "p-south-2",
        "p-north-1",
        "p-north-2",
    ]
    changes = pq.read_table(folder / "action_changes" / "year=2025")
    assert changes.column("action").to_pylist() == [0, 0]  # s-1's action, row 0
    assert_same_tables(carelearn.read_parquet(folder), tables)


@pytest.mark.parametrize("partition_by", [None, "year"])
def test_one_year_alone(tmp_path: pathlib.Path, partition_by: Any) -> None:
    tables = carelearn.tables_from_sessions(new_year_sessions(), free_text=True)
    folder = tables.to_parquet(tmp_path / "out", partition_by=partition_by)
    back = carelearn.read_parquet(folder, years=[2026])
    sessions = back.sessions
    assert sessions["id"].tolist() == ["s-2", "s-3"]
    assert sessions.index.tolist() == [1, 2]  # their rows in the whole tables
    expected = tables.sessions.loc[[1, 2]]
    assert (sessions["unit"].astype(str) == expected["unit"].astype(str)).all()
    steps = back.steps.join(sessions[["unit"]], on="session")
    assert steps["unit"].astype(str).tolist() == ["south", "north"]
    assert steps["minutes"].tolist() == [20.0, 25.0]
    # The actions keep their row numbers, which action_changes refers to.
    assert back.actions.index.tolist() == [1, 2]
    ids = back.actions["action"].rename("action_id")
    changes = back.action_changes.merge(ids, left_on="action", right_index=True)
    assert changes["action_id"].astype(str).tolist() == ["a2", "a2", "a3", "a3"]
    assert back.feedback.empty
    # A year with no sessions: empty tables with their columns.
    none = carelearn.read_parquet(folder, years=[1999], tables=["sessions", "steps"])
    assert none.names == ["sessions", "steps"]
    assert len(none) == 0 and none.steps.empty
    assert list(none.steps.columns) == list(tables.steps.columns)


@pytest.mark.parametrize("partition_by", [None, "year"])
def test_empty_tables_round_trip(tmp_path: pathlib.Path, partition_by: Any) -> None:
    tables = carelearn.tables_from_text("", free_text=True)
    folder = tables.to_parquet(tmp_path / "out", partition_by=partition_by)
    assert_same_tables(carelearn.read_parquet(folder), tables)


def test_a_subset_of_the_tables(tables: carelearn.SessionTables, tmp_path: pathlib.Path) -> None:
    folder = tables.to_parquet(tmp_path / "out")
    back = carelearn.read_parquet(folder, tables=["steps", "sessions"])
    assert back.names == ["sessions", "steps"]
    pd.testing.assert_frame_equal(back.steps, tables.steps)
    with pytest.raises(ValueError, match="name: 'notes' is not a table read; the tables read are sessions, steps"):
        back.table("notes")


# --- The types, as the files hold them and as others read them -----------------------------


def test_the_files_keep_the_types(tables: carelearn.SessionTables, tmp_path: pathlib.Path) -> None:
    folder = pathlib.Path(tables.to_parquet(tmp_path / "out"))
    schema = pq.read_schema(folder / "sessions.parquet")
    assert schema.field("session").type == pa.int32()
    assert schema.field("unit").type == pa.dictionary(pa.int32(), pa.utf8())
    assert schema.field("planned_start").type == pa.timestamp("us", tz="UTC")
    assert schema.metadata[b"carelearn.table"] == b"sessions"
    assert pq.read_schema(folder / "actions.parquet").field("due").type == pa.date32()
    assert pq.read_schema(folder / "actions.parquet").field("text").type == pa.large_utf8()
    # In Parquet's own terms: an instant in UTC to the microsecond, strings
    # dictionary-encoded.
    parquet = pq.ParquetFile(folder / "sessions.parquet")
    column = parquet.schema.column(parquet.schema.names.index("planned_start"))
    assert str(column.logical_type) == "Timestamp(isAdjustedToUTC=true, timeUnit=microseconds, is_from_converted_type=false, force_set_converted_type=false)"
    unit = parquet.metadata.row_group(0).column(parquet.schema.names.index("unit"))
    assert "RLE_DICTIONARY" in unit.encodings


def test_polars_reads_the_same_files(tables: carelearn.SessionTables, tmp_path: pathlib.Path) -> None:
    folder = pathlib.Path(tables.to_parquet(tmp_path / "out"))
    steps = pl.read_parquet(folder / "steps.parquet")
    assert steps.schema["start"] == pl.Datetime("us", "UTC")
    assert steps.schema["step"] == pl.Categorical
    assert steps.equals(pl.DataFrame(tables.table("steps")))
    sessions = pl.read_parquet(folder / "sessions.parquet").drop("session")
    assert sessions.equals(pl.DataFrame(tables.table("sessions")))
    # Partitioned: polars finds the years in the paths.
    parted = pathlib.Path(tables.to_parquet(tmp_path / "parted", partition_by="year"))
    per_year = (
        pl.scan_parquet(parted / "sessions" / "**" / "*.parquet", hive_partitioning=True)
        .group_by("year")
        .agg(pl.len())
        .sort("year")
        .collect()
    )
    local = tables.sessions["planned_start"].dt.tz_convert("Europe/Copenhagen").dt.year
    expected = local.value_counts().sort_index()
    assert per_year["year"].to_list() == expected.index.tolist()
    assert per_year["len"].to_list() == expected.tolist()


def test_duckdb_reads_the_same_files(tables: carelearn.SessionTables, tmp_path: pathlib.Path) -> None:
    folder = pathlib.Path(tables.to_parquet(tmp_path / "out", partition_by="year"))
    con = duckdb.connect()
    kinds = dict(
        con.execute(
            "select column_name, column_type from (describe select * from read_parquet(?, "
            "hive_partitioning = true))",
            [str(folder / "steps" / "*" / "*.parquet")],
        ).fetchall()
    )
    assert kinds["start"] == "TIMESTAMP WITH TIME ZONE"
    assert kinds["minutes"] == "DOUBLE"
    assert kinds["year"] == "BIGINT"
    # The files join on their own: steps to their sessions' units.
    rows = con.execute(
        "select s.unit, count(*), sum(st.minutes) "
        "from read_parquet(?) st join read_parquet(?) s using (session) "
        "group by s.unit order by s.unit",
        [str(folder / "steps" / "*" / "*.parquet"), str(folder / "sessions" / "*" / "*.parquet")],
    ).fetchall()
    steps = tables.steps.join(tables.sessions[["unit"]], on="session")
    expected = steps.groupby("unit", observed=True)["minutes"].agg(["count", "sum"]).sort_index()
    assert [r[0] for r in rows] == [str(u) for u in expected.index]
    assert [r[1] for r in rows] == expected["count"].tolist()
    assert [r[2] for r in rows] == pytest.approx(expected["sum"].tolist())


# --- Mistakes -----------------------------------------------------------------------------


def test_the_folder_is_new_and_owner_only(
    tables: carelearn.SessionTables, tmp_path: pathlib.Path
) -> None:
    folder = pathlib.Path(tables.to_parquet(tmp_path / "out"))
    assert stat.S_IMODE(folder.stat().st_mode) == 0o700
    with pytest.raises(carelearn.AlreadyExistsError, match="out: the folder is not empty"):
        tables.to_parquet(folder)
    # overwrite replaces a folder of carelearn's tables, in either layout.
    tables.to_parquet(folder, overwrite=True, partition_by="year")
    assert sorted(os.listdir(folder)) == sorted(TABLES)
    (folder / "notes.txt").write_text("mine", encoding="utf-8")
    with pytest.raises(carelearn.AlreadyExistsError, match="holds 'notes.txt', which carelearn"):
        tables.to_parquet(folder, overwrite=True)
    (tmp_path / "empty").mkdir()
    tables.to_parquet(tmp_path / "empty")  # an empty folder is fine
    (tmp_path / "file").write_text("x", encoding="utf-8")
    with pytest.raises(carelearn.AlreadyExistsError, match="file: exists and is not a folder"):
        tables.to_parquet(tmp_path / "file")
    with pytest.raises(carelearn.NotFoundError, match="no such folder to write"):
        tables.to_parquet(tmp_path / "missing" / "out")
    assert not [p for p in os.listdir(tmp_path) if p.startswith(".")]  # no scratch left


def test_bad_arguments_are_named(tables: carelearn.SessionTables, tmp_path: pathlib.Path) -> None:
    with pytest.raises(ValueError, match="partition_by: unknown value 'month'"):
        tables.to_parquet(tmp_path / "out", partition_by="month")  # type: ignore[arg-type]
    with pytest.raises(ValueError, match="compression: unknown codec 'zip'"):
        tables.to_parquet(tmp_path / "out", compression="zip")
    with pytest.raises(TypeError, match="path must be a path, not int"):
        tables.to_parquet(3)  # type: ignore[arg-type]
    folder = tables.to_parquet(tmp_path / "out")
    with pytest.raises(TypeError, match="years must be a sequence of years, not a str"):
        carelearn.read_parquet(folder, years="2026")  # type: ignore[arg-type]
    with pytest.raises(ValueError, match="years: 0 is not a year from 1 to 9999"):
        carelearn.read_parquet(folder, years=[0])
    with pytest.raises(ValueError, match="tables: unknown table 'step'; the tables are sessions"):
        carelearn.read_parquet(folder, tables=["step"])
    with pytest.raises(TypeError, match="tables must be a sequence of table names"):
        carelearn.read_parquet(folder, tables="steps")


def test_what_is_not_carelearns_parquet_is_named(
    tables: carelearn.SessionTables, tmp_path: pathlib.Path
) -> None:
    with pytest.raises(carelearn.NotFoundError, match="nowhere: no such folder of Parquet tables"):
        carelearn.read_parquet(tmp_path / "nowhere")
    folder = pathlib.Path(tables.to_parquet(tmp_path / "out"))
    (folder / "notes.parquet").unlink()
    with pytest.raises(carelearn.NotFoundError, match="holds neither notes.parquet nor a notes/"):
        carelearn.read_parquet(folder)
    (folder / "steps.parquet").write_bytes(b"PAR1 not really")
    with pytest.raises(carelearn.FormatError, match=r"steps.parquet: cannot be read as Parquet: "):
        carelearn.read_parquet(folder, tables=["steps"])
    pq.write_table(pa.table({"session": pa.array([0], pa.int32())}), folder / "steps.parquet")
    with pytest.raises(carelearn.FormatError, match="steps.parquet: has no column 'position'"):
        carelearn.read_parquet(folder, tables=["steps"])
    wrong = tables.table("steps").to_arrow().set_column(
        5, "minutes", pa.array(["x"] * len(tables.table("steps")))
    )
    pq.write_table(wrong, folder / "steps.parquet")
    with pytest.raises(
        carelearn.FormatError, match="steps.parquet: the column 'minutes' is string, not double"
    ):
        carelearn.read_parquet(folder, tables=["steps"])
