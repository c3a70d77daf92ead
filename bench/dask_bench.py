"""carelearn.dask on a LocalCluster: 1 worker process against 2, on N simulated
sessions cut into F JSON Lines files.

For each cluster size it reads every file's tables (one task per file, the C++
reader on the worker's one thread) and counts their rows (the read alone), then
reads them again and reduces them on the workers -- sessions
per unit, median step minutes per step, the participants counted -- then
computes the measures (--measures; by default outcomes, shuffled by unit;
circle_matrix, by host unit; reach and dose, split by person against the
simulated roster; circles, both); it reports the wall time of each, and each
worker's peak resident memory (getrusage on the worker). The single-process
read_tables of the whole file, and each measure on it, are the baseline.

Run:  python bench/dask_bench.py [--sessions 200000] [--files 20] [--workers 1,2]
                                 [--measures outcomes,reach,dose,circles,circle_matrix] [--dir DIR]
                                 [--keep DIR] [--no-reduce]
"""

from __future__ import annotations

import argparse
import math
import pathlib
import resource
import tempfile
import time

import dask
from distributed import Client, LocalCluster

import carelearn
import carelearn.dask
import carelearn.metrics


def peak_mib() -> float:
    """This process's peak resident memory in MiB (Linux reports KiB)."""
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def make_files(folder: pathlib.Path, sessions: int, files: int) -> tuple[pathlib.Path, list[pathlib.Path]]:
    """About ``sessions`` simulated sessions (about 126 a unit a year), one
    file, and the same lines cut into ``files`` files."""
    years = 2
    units = max(1, math.ceil(sessions / 126 / years))
    summary = carelearn.simulate(folder / "set", units=units, years=years, seed=1, format="jsonl")
    whole = pathlib.Path(summary.sessions_file)
    with whole.open("rb") as f:
        lines = f.readlines()
    size = -(-len(lines) // files)
    parts = []
    for i in range(files):
        part = folder / f"export-{i:02}.jsonl"
        part.write_bytes(b"".join(lines[i * size : (i + 1) * size]))
        parts.append(part)
    return whole, parts


def measure_args(folder: pathlib.Path, name: str) -> tuple[object, ...]:
    """The arguments after the tables that measure ``name`` takes here."""
    if name in ("reach", "dose"):
        return (carelearn.metrics.read_roster(folder / "set" / "roster.csv"),)
    if name == "cadence":
        return (carelearn.load_programme(folder / "set" / "programme.json"),)
    return ()


def run(parts: list[pathlib.Path], workers: int, measures: list[str], reduce: bool) -> dict[str, float]:
    with LocalCluster(
        n_workers=workers,
        threads_per_worker=1,
        processes=True,
        memory_limit=None,
        dashboard_address=None,
    ) as cluster, Client(cluster) as client:
        client.run(lambda: None)  # the workers are up
        # Dask's P2P shuffle goes through Arrow, which cannot unify the
        # partitions' categoricals once pandas has narrowed their codes to int8
        # (docs/scale.md); the task-based shuffle can. Set before the graph is built.
        with dask.config.set({"dataframe.shuffle.method": "tasks"}):
            # The read alone: every file read once into all its tables
            # (the tables' lengths share each file's one read task).
            start = time.perf_counter()
            tables = carelearn.dask.read_sessions(parts)
            lengths = [
                tables.table(name).map_partitions(len).sum()
                for name in ("sessions", "participants", "steps", "actions")
            ]
            dask.compute(*lengths)
            read_only = time.perf_counter() - start
            read = math.nan
            if reduce:
                start = time.perf_counter()
                tables = carelearn.dask.read_sessions(parts)
                sessions = tables.sessions.groupby("unit", observed=True).size()
                minutes = tables.steps.groupby("step", observed=True)["minutes"].median()
                people = tables.participants["person"].nunique()
                dask.compute(sessions, minutes, people)
                read = time.perf_counter() - start
        result = {"read only": read_only, "read": read}
        for name in measures:
            args = measure_args(parts[0].parent, name)
            start = time.perf_counter()
            carelearn.dask.measure(name, parts, *args)
            result[name] = time.perf_counter() - start
        peaks = client.run(peak_mib)
    result["peak"] = max(peaks.values())
    return result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sessions", type=int, default=200_000)
    parser.add_argument("--files", type=int, default=20)
    parser.add_argument("--workers", default="1,2")
    parser.add_argument(
        "--measures",
        default="outcomes,circle_matrix,reach,dose,circles",
        help="the measures of carelearn.dask.MEASURES to time, comma-separated",
    )
    parser.add_argument("--dir", default=None, help="where the files go (default: a temporary folder)")
    parser.add_argument(
        "--no-reduce", action="store_true", help="time the read and the measures, not the reduce"
    )
    parser.add_argument(
        "--keep",
        default=None,
        help="a folder to make the files in and keep, or to take them from when an earlier "
        "run with the same --sessions and --files made them there",
    )
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(dir=args.dir) as tmp:
        folder = pathlib.Path(args.keep or tmp)
        made_for = folder / "made-for.txt"
        wanted = f"{args.sessions} {args.files}\n"
        start = time.perf_counter()
        if args.keep and made_for.exists() and made_for.read_text() == wanted:
            whole = folder / "set" / "sessions.jsonl"
            parts = sorted(folder.glob("export-*.jsonl"))
        else:
            folder.mkdir(parents=True, exist_ok=True)
            whole, parts = make_files(folder, args.sessions, args.files)
            made_for.write_text(wanted)
        made = time.perf_counter() - start
        size = whole.stat().st_size
        start = time.perf_counter()
        tables = carelearn.read_tables(whole, threads=1)
        single = time.perf_counter() - start
        print(
            f"{len(tables):,} sessions ({size / 1e6:,.0f} MB) in {args.files} files, "
            f"made in {made:.1f} s; read_tables in one process, 1 thread: {single:.2f} s"
        )
        measures = [m for m in args.measures.split(",") if m]
        for name in measures:
            start = time.perf_counter()
            getattr(carelearn.metrics, name)(tables, *measure_args(folder, name))
            print(f"  {name} in one process: {time.perf_counter() - start:.2f} s")
        del tables
        for workers in (int(w) for w in args.workers.split(",")):
            result = run(parts, workers, measures, not args.no_reduce)
            timed = ", ".join(f"{name} {result[name]:.2f} s" for name in measures)
            print(
                f"{workers} worker(s): read {result['read only']:.2f} s, "
                + ("" if math.isnan(result["read"]) else f"read + reduce {result['read']:.2f} s, ")
                + f"{timed}, "
                f"peak per worker {result['peak']:,.0f} MiB"
            )


if __name__ == "__main__":
    main()
