"""carelearn.dask.read_sessions on a distributed.LocalCluster of 2 worker
processes: 20 files of a simulated municipality read as Dask DataFrames, one
partition per file, whose computed tables equal the single-process
read_tables of the same lines exactly; bad lines skipped and listed; the
meta known without reading.
"""

from __future__ import annotations

import pathlib
from collections.abc import Iterator

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
    with pytest.raises(ValueError, match="name: 'reach' is not a measure computed on Dask"):
        carelearn.dask.measure("reach", parts)
    with pytest.raises(ValueError, match="partitions: 0 is not a whole number of 1 or more"):
        carelearn.dask.measure("outcomes", parts, partitions=0)
