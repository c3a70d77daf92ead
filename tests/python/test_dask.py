"""carelearn.dask.read_sessions on a distributed.LocalCluster of 2 worker
processes: 20 files of a simulated municipality read as Dask DataFrames, one
partition per file, whose computed tables equal the single-process
read_tables of the same lines exactly; bad lines skipped and listed; the
meta known without reading.
"""

from __future__ import annotations

import datetime
import pathlib
from collections.abc import Iterator

import numpy as np
import pandas as pd
import pytest
from distributed import Client, LocalCluster, wait

import carelearn
import carelearn.dask
import carelearn.metrics

FILES = 20


@pytest.fixture(scope="module")
def client() -> Iterator[Client]:
    """A LocalCluster of 2 worker processes, one thread each."""
    with LocalCluster(
        n_workers=2,
        threads_per_worker=1,
        processes=True,
        dashboard_address=None,
        worker_dashboard_address=None,
    ) as cluster, Client(cluster) as c:
        yield c


@pytest.fixture(scope="module")
def exports(tmp_path_factory: pytest.TempPathFactory) -> tuple[pathlib.Path, list[pathlib.Path]]:
    """A simulated year of 4 units as one JSON Lines file, and the same lines
    cut into 20 files (export-00.jsonl ... export-19.jsonl)."""
    root = tmp_path_factory.mktemp("exports")
    summary = carelearn.simulate(root / "set", units=6, years=1, seed=3, format="jsonl")
    whole = pathlib.Path(summary.sessions_file)
    lines = whole.read_text(encoding="utf-8").splitlines(keepends=True)
    assert len(lines) > 400
    size = -(-len(lines) // FILES)
    parts = []
    for i in range(FILES):
        part = root / f"export-{i:02}.jsonl"
        part.write_text("".join(lines[i * size : (i + 1) * size]), encoding="utf-8")
        parts.append(part)
    return whole, parts


def assert_equal_tables(computed: dict[str, pd.DataFrame], tables: carelearn.SessionTables) -> None:
    for name in carelearn.SessionTables.TABLE_NAMES:
        pd.testing.assert_frame_equal(computed[name], tables.table(name).to_pandas(), check_index_type="equiv")


def test_two_workers_read_what_one_process_reads(
    client: Client, exports: tuple[pathlib.Path, list[pathlib.Path]]
) -> None:
    whole, parts = exports
    tables = carelearn.dask.read_sessions(str(parts[0].parent / "export-*.jsonl"), free_text=True)
    assert tables.files == [str(p) for p in parts]
    assert tables.sessions.npartitions == FILES
    computed = tables.compute()
    assert_equal_tables(computed, carelearn.read_tables(whole, free_text=True, threads=1))
    assert computed["skipped"].empty
    # Persisted, the partitions are spread over both worker processes.
    persisted = tables.persist()
    futures = client.futures_of(persisted.sessions)
    wait(futures)
    holders = client.who_has(futures)
    assert len({w for workers in holders.values() for w in workers}) == 2
    pd.testing.assert_frame_equal(
        persisted.sessions.compute(), computed["sessions"], check_index_type="equiv"
    )


def test_the_meta_is_known_before_reading(exports: tuple[pathlib.Path, list[pathlib.Path]]) -> None:
    whole, parts = exports
    tables = carelearn.dask.read_sessions(parts, free_text=True)
    local = carelearn.read_tables(whole, free_text=True)
    for name in carelearn.SessionTables.TABLE_NAMES:
        meta = tables.table(name).dtypes
        frame = local.table(name).to_pandas().dtypes
        assert list(meta.index) == list(frame.index), name
        for column, dtype in frame.items():
            if isinstance(dtype, pd.CategoricalDtype):
                known = tables.table(name)[column].cat.known
                closed = len(local.table(name).categories(column)) > 0 and column in (
                    "status", "cancel_reason", "shift", "kind"
                )
                assert known == closed, (name, column)
            else:
                assert meta[column] == dtype, (name, column)
    assert list(tables.sessions.status.cat.categories) == ["held", "cancelled"]
    assert str(tables.steps.dtypes["start"]) == "datetime64[us, UTC]"
    assert str(tables.participants.dtypes["session"]) == "int32"


def test_a_measure_computed_by_partitions_equals_pandas(
    client: Client, exports: tuple[pathlib.Path, list[pathlib.Path]]
) -> None:
    whole, parts = exports
    tables = carelearn.dask.read_sessions(parts)
    steps = tables.steps.merge(
        tables.sessions[["unit"]], left_on="session", right_index=True, how="left"
    )
    total = steps.groupby("unit", observed=True)["minutes"].sum().compute()
    local = carelearn.read_tables(whole)
    expected = (
        local.steps.join(local.sessions[["unit"]], on="session")
        .groupby("unit", observed=True)["minutes"]
        .sum()
    )
    # The same sums; the categories' order of a group-by differs, so by name.
    assert len(expected) == 7
    assert total.rename(index=str).sort_index().to_dict() == pytest.approx(
        expected.rename(index=str).sort_index().to_dict()
    )


def test_bad_lines_are_skipped_and_listed(
    client: Client, exports: tuple[pathlib.Path, list[pathlib.Path]], tmp_path: pathlib.Path
) -> None:
    _, parts = exports
    damaged = []
    for i, part in enumerate(parts[:3]):
        lines = part.read_text(encoding="utf-8").splitlines(keepends=True)
        if i == 1:
            lines.insert(2, '{"carelearn": "session/1", "id": 7}\n')
        copy = tmp_path / part.name
        copy.write_text("".join(lines), encoding="utf-8")
        damaged.append(copy)
    tables = carelearn.dask.read_sessions(damaged, on_error="skip")
    computed = tables.compute()
    skipped = computed["skipped"]
    assert skipped["source"].tolist() == [str(damaged[1])]
    assert skipped["line"].tolist() == [3]
    assert skipped["message"].tolist() == [
        f'{damaged[1]}:3:1: (root): missing required key "format"'
    ]
    joined = tmp_path / "joined.jsonl"
    joined.write_text("".join(p.read_text(encoding="utf-8") for p in parts[:3]), encoding="utf-8")
    assert_equal_tables(computed, carelearn.read_tables(joined))
    strict = carelearn.dask.read_sessions(damaged)
    with pytest.raises(carelearn.FormatError, match=r"export-01.jsonl:3:"):
        strict.sessions.compute()


def test_arguments_are_checked_before_anything_is_read(tmp_path: pathlib.Path) -> None:
    with pytest.raises(carelearn.NotFoundError, match="no file matches"):
        carelearn.dask.read_sessions(str(tmp_path / "*.jsonl"))
    with pytest.raises(carelearn.NotFoundError, match="nothing.jsonl: no such file"):
        carelearn.dask.read_sessions(tmp_path / "nothing.jsonl")
    with pytest.raises(TypeError, match="paths must be a path, a glob pattern"):
        carelearn.dask.read_sessions(3)
    (tmp_path / "a.jsonl").write_text("", encoding="utf-8")
    with pytest.raises(ValueError, match='on_error: unknown value "ignore"'):
        carelearn.dask.read_sessions(tmp_path / "a.jsonl", on_error="ignore")  # type: ignore[arg-type]
    with pytest.raises(ValueError, match="confidential_text=True needs free_text=True"):
        carelearn.dask.read_sessions(tmp_path / "a.jsonl", confidential_text=True)


@pytest.mark.parametrize("name", carelearn.dask.MEASURES)
def test_every_measure_on_dask_equals_one_machine(
    client: Client, exports: tuple[pathlib.Path, list[pathlib.Path]], name: str
) -> None:
    whole, parts = exports
    args: tuple[object, ...] = ()
    if name == "cadence":
        args = (carelearn.load_programme(whole.parent / "programme.json"),)
    if name in ("reach", "dose"):
        args = (carelearn.metrics.read_roster(whole.parent / "roster.csv"),)
    expected = getattr(carelearn.metrics, name)(carelearn.read_tables(whole), *args)
    assert len(expected) >= 3
    for partitions in (None, 3):
        got = carelearn.dask.measure(name, parts, *args, partitions=partitions)
        pd.testing.assert_frame_equal(got, expected)
        assert got.attrs == expected.attrs


def test_a_measure_with_its_options_and_bad_names(
    client: Client, exports: tuple[pathlib.Path, list[pathlib.Path]]
) -> None:
    whole, parts = exports
    expected = carelearn.metrics.outcomes(
        carelearn.read_tables(whole), period="quarter", small_cells="off"
    )
    got = carelearn.dask.measure("outcomes", parts, period="quarter", small_cells="off")
    pd.testing.assert_frame_equal(got, expected)
    with pytest.raises(ValueError, match="name: 'plan_link' is not a measure computed on Dask"):
        carelearn.dask.measure("plan_link", parts)
    with pytest.raises(ValueError, match="partitions: 0 is not a whole number of 1 or more"):
        carelearn.dask.measure("outcomes", parts, partitions=0)


# --- Measures that count people across units: reach, dose, learning circles ---------------


@pytest.fixture(scope="module")
def roster(exports: tuple[pathlib.Path, list[pathlib.Path]]) -> carelearn.metrics.Roster:
    """The simulated roster, checked to hold what makes these measures hard
    to split: people who move unit, and people in another unit's session."""
    whole, _ = exports
    roster = carelearn.metrics.read_roster(whole.parent / "roster.csv")
    members = roster.to_frame()
    units_per_person = members.groupby("person")["unit"].nunique()
    assert (units_per_person > 1).sum() >= 3  # movers
    tables = carelearn.read_tables(whole)
    host = tables.sessions["unit"].astype(str).to_numpy()
    participants = tables.participants.assign(unit_host=host[tables.participants["session"].to_numpy()])
    guests = participants["unit"].astype(str) != participants["unit_host"].astype(str)
    assert guests.sum() >= 20  # people in another unit's session
    return roster


# Each case: the measure, its arguments after the tables, and its keywords.
ACROSS_UNITS: list[tuple[str, tuple[object, ...], dict[str, object]]] = [
    ("reach", (), {}),
    ("reach", (), {"by": ("unit", "profession", "shift"), "period": "quarter", "min_sessions": 3}),
    ("reach", (), {"start": "2026-02-01", "end": "2026-05-01", "small_cells": "flag", "threshold": 8}),
    ("reach", (), {"small_cells": "off"}),
    ("dose", (), {}),
    ("dose", ("programme",), {"period": "quarter"}),
    ("dose", ("programme",), {"start": "2026-03-01", "end": "2026-09-01", "small_cells": "off"}),
    ("circles", (), {}),
    ("circles", (), {"period": "quarter", "municipality": {"north": "a", "south": "b"}}),
    ("circles", (), {"small_cells": "off"}),
    ("circles", (), {"small_cells": "flag", "threshold": 40}),
    ("circle_matrix", (), {}),
    ("circle_matrix", (), {"period": "quarter", "small_cells": "flag", "threshold": 3}),
]


@pytest.mark.parametrize(("name", "extra", "options"), ACROSS_UNITS)
def test_measures_across_units_on_dask_equal_one_machine(
    client: Client,
    exports: tuple[pathlib.Path, list[pathlib.Path]],
    roster: carelearn.metrics.Roster,
    name: str,
    extra: tuple[object, ...],
    options: dict[str, object],
) -> None:
    whole, parts = exports
    args: list[object] = []
    if name in ("reach", "dose"):
        args.append(roster)
    if "programme" in extra:
        args.append(carelearn.load_programme(whole.parent / "programme.json"))
    if name == "circles" and "municipality" in options:
        units = sorted(carelearn.read_tables(whole).sessions["unit"].astype(str).unique())
        options = dict(options, municipality={u: ("a" if i % 2 else "b") for i, u in enumerate(units)})
    expected = getattr(carelearn.metrics, name)(carelearn.read_tables(whole), *args, **options)
    assert len(expected) >= 3
    for partitions in (None, 3):
        got = carelearn.dask.measure(name, parts, *args, partitions=partitions, **options)
        pd.testing.assert_frame_equal(got, expected)
        assert got.attrs == expected.attrs


def test_small_cells_are_suppressed_after_the_buckets_are_combined(
    client: Client, exports: tuple[pathlib.Path, list[pathlib.Path]], roster: carelearn.metrics.Roster
) -> None:
    whole, parts = exports
    # Split 4 ways, most groups have fewer than 5 people in a bucket; whole, not.
    expected = carelearn.metrics.reach(carelearn.read_tables(whole), roster, threshold=5)
    got = carelearn.dask.measure("reach", parts, roster, partitions=4, threshold=5)
    pd.testing.assert_frame_equal(got, expected)
    assert not expected["suppressed"].all()
    assert (expected["staff"].fillna(0) >= 5).any()
    by_bucket = [
        carelearn.metrics.reach(
            carelearn.dask._person_tables([str(p) for p in parts], b, 4, "raise"),
            carelearn.dask._roster_shares(roster, 4)[b].roster(),
            small_cells="off",
        )
        for b in range(4)
    ]
    # Every bucket's staff counts are smaller than the whole's, and add up to them.
    assert max(int(f["staff"].max()) for f in by_bucket) < int(expected["staff"].max())
    total = pd.concat(by_bucket).groupby(["unit", "period"])["staff"].sum()
    whole_off = carelearn.metrics.reach(carelearn.read_tables(whole), roster, small_cells="off")
    assert total.to_dict() == whole_off.set_index(["unit", "period"])["staff"].to_dict()


def test_a_rosters_shares_are_sent_to_the_workers_ahead_of_the_graph(
    client: Client, roster: carelearn.metrics.Roster, monkeypatch: pytest.MonkeyPatch
) -> None:
    from distributed import Future

    shares = carelearn.dask._roster_shares(roster, 3)
    sent = carelearn.dask._scattered(shares)
    # With a client, each share is a future the tasks take; the graph holds its key only.
    assert len(sent) == 3 and all(isinstance(f, Future) for f in sent)
    for share, future in zip(shares, sent, strict=True):
        assert future.result().columns == share.columns
    # On another scheduler, or without a client, nothing travels ahead.
    import dask

    with dask.config.set(scheduler="synchronous"):
        assert carelearn.dask._scattered(shares) is shares
    monkeypatch.setattr(carelearn.dask, "_client", lambda: None)
    assert carelearn.dask._scattered(shares) is shares


def test_person_buckets_keep_every_session_and_split_the_people(
    exports: tuple[pathlib.Path, list[pathlib.Path]],
) -> None:
    whole, parts = exports
    local = carelearn.read_tables(whole)
    paths = [str(p) for p in parts]
    buckets = [carelearn.dask._person_tables(paths, b, 3, "raise") for b in range(3)]
    # Every session, with what reach, dose and circles read of it; the steps
    # of the sessions that started and have no end (whose minutes dose sums).
    kept = ["unit", "planned_start", "actual_start", "actual_end", "status"]
    open_ended = local.sessions["actual_start"].notna() & local.sessions["actual_end"].isna()
    summed = local.steps[open_ended.to_numpy()[local.steps["session"].to_numpy()]]
    assert len(summed) < len(local.steps)  # none here: every session that began has an end
    people = []
    for tables in buckets:
        pd.testing.assert_frame_equal(tables.sessions[kept], local.sessions[kept])
        assert tables.sessions["id"].isna().all() and tables.sessions["format_id"].isna().all()
        pd.testing.assert_frame_equal(
            tables.steps[["session", "minutes"]].reset_index(drop=True),
            summed[["session", "minutes"]].reset_index(drop=True),
        )
        assert all(len(tables.table(name)) == 0 for name in TABLES_NOT_READ)
        people.append(set(tables.participants["person"].astype(str)))
    assert all(people)
    assert not (people[0] & people[1]) and not (people[0] & people[2]) and not (people[1] & people[2])
    assert sum(len(t.participants) for t in buckets) == len(local.participants)
    assert set().union(*people) == set(local.participants["person"].astype(str))


TABLES_NOT_READ = ("prompts", "learning_points", "actions", "action_changes", "feedback", "notes")


@pytest.mark.parametrize("name", ["reach", "dose", "circles"])
def test_the_person_split_reads_each_file_once(
    exports: tuple[pathlib.Path, list[pathlib.Path]],
    roster: carelearn.metrics.Roster,
    name: str,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    import dask

    whole, parts = exports
    files = [str(p) for p in parts]
    # The graph: one split task per file, whatever the number of buckets, and
    # each bucket's task depends on one piece of each file.
    for buckets in (1, 3, 7):
        pieces = carelearn.dask._person_pieces(files, buckets, "raise")
        graph = dict(dask.delayed(pieces).__dask_graph__())
        splits = [k for k in graph if str(k).startswith("carelearn-person-split-")]
        assert len(splits) == len(files)
        assert len({str(k) for k in splits}) == len(files)
        assert len(pieces) == buckets and all(len(p) == len(files) for p in pieces)
    # Run: the split is called once per file (counted in this process, on
    # the synchronous scheduler), and the result is the one machine's.
    calls: list[str] = []
    split = carelearn.dask._split_by_person

    def counted(path: str, buckets: int, on_error: str) -> tuple[object, ...]:
        calls.append(path)
        return split(path, buckets, on_error)

    monkeypatch.setattr(carelearn.dask, "_split_by_person", counted)
    args = (roster,) if name != "circles" else ()
    with dask.config.set(scheduler="synchronous"):
        got = carelearn.dask.measure(name, parts, *args, partitions=4)
    assert sorted(calls) == sorted(files)
    expected = getattr(carelearn.metrics, name)(carelearn.read_tables(whole), *args)
    pd.testing.assert_frame_equal(got, expected)


def test_dose_of_sessions_without_an_end_sums_their_steps_on_dask(
    client: Client,
    exports: tuple[pathlib.Path, list[pathlib.Path]],
    roster: carelearn.metrics.Roster,
    tmp_path: pathlib.Path,
) -> None:
    import json

    _, parts = exports
    # Every third session that began loses its end: dose takes its minutes
    # from its steps, which the person pieces keep for such sessions only.
    copies = []
    dropped = 0
    for part in parts[:8]:
        lines = []
        for i, line in enumerate(part.read_text(encoding="utf-8").splitlines()):
            record = json.loads(line)
            if i % 3 == 0 and "actual_end" in record and record.get("steps"):
                del record["actual_end"]
                dropped += 1
            lines.append(json.dumps(record, ensure_ascii=False) + "\n")
        copy = tmp_path / part.name
        copy.write_text("".join(lines), encoding="utf-8")
        copies.append(copy)
    assert dropped >= 20
    joined = tmp_path / "joined.jsonl"
    joined.write_text("".join(c.read_text(encoding="utf-8") for c in copies), encoding="utf-8")
    local = carelearn.read_tables(joined)
    assert local.sessions["actual_end"].isna().sum() >= dropped
    expected = carelearn.metrics.dose(local, roster)
    got = carelearn.dask.measure("dose", copies, roster, partitions=3)
    pd.testing.assert_frame_equal(got, expected)
    pieces = carelearn.dask._person_tables([str(c) for c in copies], 1, 3, "raise")
    assert 0 < len(pieces.steps) < len(local.steps)


def test_the_person_pieces_pickle_small(exports: tuple[pathlib.Path, list[pathlib.Path]]) -> None:
    import pickle

    _, parts = exports
    path = str(parts[0])
    whole = carelearn.read_tables(path)
    pieces = carelearn.dask._split_by_person(path, 3, "raise")
    back = [pickle.loads(pickle.dumps(p)) for p in pieces]
    assert back == list(pieces)
    assert sum(len(p.table("participants")) for p in back) == len(whole.participants)
    # Each piece is a fraction of the file's tables: every session's few
    # columns, a third of the people, no text, no other tables.
    size = len(pickle.dumps(whole))
    assert all(len(pickle.dumps(p)) * 4 < size for p in pieces)


def test_the_split_by_unit_is_numpy_over_the_bytes(tmp_path: pathlib.Path) -> None:
    one = _session("s-1", "egely").to_json_line()
    two = _session("s-2", "bistrup").to_json_line()
    three = _session("s-3", "egely").to_json_line()
    # Blank and whitespace lines, a CRLF line, a bad line, no line end at the end.
    text = f"\n{one}\r\n \t\n{{\"carelearn\": 1}}\n{two}\n\n{three}"
    path = tmp_path / "mixed.jsonl"
    path.write_bytes(text.encode("utf-8"))
    pieces = carelearn.dask._split_by_unit(str(path), 2, "skip")
    # CRC-32 puts "egely" in bucket 0 and "bistrup" in bucket 1 (worked out once).
    assert [carelearn.dask._bucket(u, 2) for u in ("egely", "bistrup")] == [0, 1]
    expected = [f"{one}\r\n{three}\n", f"{two}\n"]
    assert [p.decode("utf-8") for p in pieces] == expected
    empty = tmp_path / "empty.jsonl"
    empty.write_bytes(b"")
    assert carelearn.dask._split_by_unit(str(empty), 2, "raise") == (b"", b"")


def test_gather_lines_joins_byte_ranges_in_order() -> None:
    from carelearn import _core

    data = np.frombuffer(b"aa\nbbb\ncccc\n", dtype=np.uint8)
    starts = np.array([7, 0, 3], dtype=np.int64)
    ends = np.array([12, 3, 7], dtype=np.int64)
    assert _core.gather_lines(data, starts, ends) == b"cccc\naa\nbbb\n"
    assert _core.gather_lines(data, starts[:1], ends[:1]) == b"cccc\n"
    assert _core.gather_lines(data, starts[:0], ends[:0]) == b""
    with pytest.raises(ValueError, match=r"line 1 runs from 0 to 13, not within the 12 bytes"):
        _core.gather_lines(data, np.array([0, 0]), np.array([3, 13]))
    with pytest.raises(ValueError, match=r"line 0 runs from 5 to 4"):
        _core.gather_lines(data, np.array([5]), np.array([4]))
    with pytest.raises(ValueError, match=r"2 starts for 1 ends"):
        _core.gather_lines(data, np.array([0, 1]), np.array([1]))
    with pytest.raises(TypeError):
        _core.gather_lines(np.zeros(3, dtype=np.int64), np.array([0]), np.array([1]))
    with pytest.raises(ValueError, match=r"one-dimensional"):
        _core.gather_lines(np.zeros((2, 2), dtype=np.uint8), np.array([0]), np.array([1]))


def test_a_unit_bucket_is_sent_only_its_pieces(
    exports: tuple[pathlib.Path, list[pathlib.Path]],
) -> None:
    import dask

    _, parts = exports
    files = [str(p) for p in parts]
    for buckets in (1, 3):
        measured = carelearn.dask._unit_parts("outcomes", files, buckets, "raise", (), {})
        graph = dict(dask.delayed(measured).__dask_graph__())
        splits = [k for k in graph if str(k).startswith("carelearn-unit-split-")]
        assert len(splits) == len(files)
        # Each bucket's task takes one piece of each file, not the files' whole splits.
        for task in measured:
            pieces = [d for d in task.dask.dependencies[task.key] if "getitem" in str(d)]
            assert len(pieces) == len(files)


def _session(id_: str, unit: str) -> carelearn.Session:
    return carelearn.Session(
        id=id_,
        format_id="systematic-learning-meeting",
        format_version=1,
        unit=unit,
        planned_start=datetime.datetime(2026, 3, 4, 14, 0, tzinfo=datetime.timezone.utc),
    )


def test_options_the_dask_path_cannot_send_raise(
    client: Client, exports: tuple[pathlib.Path, list[pathlib.Path]], roster: carelearn.metrics.Roster
) -> None:
    whole, parts = exports
    programme = carelearn.load_programme(whole.parent / "programme.json")
    schedule = programme.schedule("2026-01-01", "2027-01-01")
    with pytest.raises(ValueError, match="programme: only a Programme"):
        carelearn.dask.measure("dose", parts, roster, schedule)
    # The measure's own checks, before anything is read.
    with pytest.raises(ValueError, match='by: reach is always per unit; include "unit"'):
        carelearn.dask.measure("reach", parts, roster, by=("shift",))
    with pytest.raises(TypeError, match="reach: missing a required argument: 'roster'"):
        carelearn.dask.measure("reach", parts)
    with pytest.raises(ValueError, match='small_cells: unknown value "hide"'):
        carelearn.dask.measure("circles", parts, small_cells="hide")


def test_bad_lines_skipped_in_every_person_bucket_alike(
    client: Client,
    exports: tuple[pathlib.Path, list[pathlib.Path]],
    roster: carelearn.metrics.Roster,
    tmp_path: pathlib.Path,
) -> None:
    _, parts = exports
    damaged = []
    for i, part in enumerate(parts[:6]):
        lines = part.read_text(encoding="utf-8").splitlines(keepends=True)
        if i == 2:
            lines.insert(1, '{"carelearn": "session/1", "id": 7}\n')
            lines.insert(4, "   \n")
        copy = tmp_path / part.name
        copy.write_text("".join(lines), encoding="utf-8")
        damaged.append(copy)
    joined = tmp_path / "joined.jsonl"
    joined.write_text("".join(p.read_text(encoding="utf-8") for p in damaged), encoding="utf-8")
    local = carelearn.read_tables(joined, on_error="skip")
    assert len(local.skipped) == 1
    for name in ("reach", "circles"):
        args = (roster,) if name == "reach" else ()
        expected = getattr(carelearn.metrics, name)(local, *args)
        got = carelearn.dask.measure(name, damaged, *args, on_error="skip", partitions=2)
        pd.testing.assert_frame_equal(got, expected)
    with pytest.raises(carelearn.FormatError, match=r"export-02.jsonl:2:"):
        carelearn.dask.measure("reach", damaged, roster)
