"""Held sessions into column tables: carelearn.read_tables against the other
ways a Python evaluator gets the same tables, in one run, with peak memory.

Generates N realistic sessions (about 3 KB of JSON each: ten participants,
five steps, prompts, learning points, actions with status histories,
feedback, notes) as "session/1" JSON Lines, then loads them, each way in a
fresh subprocess so that its peak resident memory (ru_maxrss) is its own:

  carelearn, 1 and 2 threads     read_tables -> all nine tables as pandas
                                 frames, or as pyarrow tables; and 2 threads
                                 with the free text
  carelearn from a store         read_tables(store) -> pandas (optional)
  DuckDB read_json, 2 threads    -> sessions, participants, steps, actions as
                                 Arrow tables, or as pandas frames
  polars read_ndjson             -> the same four tables
  pandas read_json               -> the same four tables
  json.loads + DataFrame         -> the same four tables
  today's path                   read_sessions -> sessions_to_frame (the
                                 sessions table alone), with the per-row frame
                                 sessions_to_frame was before the tables
  reading the bytes              the file read in 8 MiB blocks (the floor)

The slow ways run on the first 10% of the sessions (--sample) and their time
is scaled up to N, as the table says. Seconds are wall-clock inside the
subprocess, from the call to the finished tables (imports excluded); MB/s is
of JSON input; peak RSS includes the interpreter and its imports.

Run:  python bench/tables_compare.py [N] [--sample FRACTION] [--dir DIR]
      [--store] [--only "NAME;..."]
"""

from __future__ import annotations

import argparse
import json
import os
import pathlib
import random
import resource
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from typing import Any

# ------------------------------------------------------------------ generating


def template_sessions(count: int, seed: int = 12) -> list[str]:
    """`count` distinct realistic sessions as JSON lines, written by carelearn."""
    import datetime

    import carelearn

    rng = random.Random(seed)
    utc = datetime.UTC
    units = [f"home-care-{d}" for d in ("north", "south", "east", "west")] + [
        f"plejecenter-{n}" for n in ("åbo", "solgården", "engly", "birkely", "søhus")
    ]
    roles = ["colleague"] * 6 + ["learning-agent", "leader", "host-colleague"]
    professions = ["nurse", "social-and-health-assistant", "social-and-health-helper",
                   "therapist", "pedagogue", ""]
    steps = ["welcome", "case", "round", "learning-points", "actions"]
    questions = [f"learning-question-{i}" for i in range(1, 9)]
    texts = [
        "Spørg de pårørende, før vi ændrer borgerens faste rutiner om morgenen.",
        "Dobbelttjek medicinlisten ved udskrivelse fra hospitalet samme dag.",
        "Aftal hvem der ringer til egen læge, når borgeren ikke spiser.",
        "Brug faldrisikovurderingen ved hver ny borger i hjemmeplejen.",
        "Skriv observationer i journalen inden vagtskifte, ikke efter.",
    ]
    people = [f"{rng.getrandbits(64):016x}" for _ in range(4000)]
    lines = []
    for n in range(count):
        start = datetime.datetime(2025, 1, 6, 13, 0, tzinfo=utc) + datetime.timedelta(
            days=rng.randrange(700), minutes=rng.choice([0, 30, 60, 90])
        )
        unit = rng.choice(units)
        who = rng.sample(people, rng.randrange(8, 13))
        participants = [carelearn.Participant(who[0], "facilitator", unit, "nurse",
                                              carelearn.Shift.DAY),
                        carelearn.Participant(who[1], "case-presenter", unit,
                                              rng.choice(professions), carelearn.Shift.DAY)]
        participants += [
            carelearn.Participant(p, rng.choice(roles), rng.choice([unit, unit, rng.choice(units)]),
                                  rng.choice(professions), rng.choice(list(carelearn.Shift)))
            for p in who[2:]
        ]
        if rng.random() < 0.08:
            lines.append(carelearn.Session(
                id=f"s-{n:012d}", format_id="systematic-learning-meeting", unit=unit,
                planned_start=start, participants=participants,
                cancellation=carelearn.Cancellation(rng.choice(list(carelearn.CancelReason)),
                                                    "for få på vagt"),
            ).to_json_line(include_confidential=True))
            continue
        clock = start + datetime.timedelta(minutes=rng.randrange(0, 6))
        actual = clock
        timings = []
        for step in steps:
            length = datetime.timedelta(minutes=rng.randrange(3, 12), seconds=rng.randrange(60))
            timings.append(carelearn.StepTiming(step_id=step, start=clock, end=clock + length))
            clock += length
        actions = []
        for a in range(rng.randrange(1, 4)):
            at = clock
            history = [carelearn.StatusChange(carelearn.ActionStatus.OPEN, at)]
            for status in (carelearn.ActionStatus.IN_PROGRESS, carelearn.ActionStatus.DONE):
                if rng.random() < 0.6:
                    at += datetime.timedelta(days=rng.randrange(1, 30))
                    history.append(carelearn.StatusChange(status, at))
            actions.append(carelearn.Action(
                rng.choice(texts), id=f"a{a + 1}", step_id="actions",
                owner=rng.choice(["leader", who[0]]),
                due=(start + datetime.timedelta(days=30)).date(), history=history))
        lines.append(carelearn.Session(
            id=f"s-{n:012d}",
            format_id="systematic-learning-meeting",
            format_version=1,
            unit=unit,
            planned_start=start,
            actual_start=actual,
            actual_end=clock,
            participants=participants,
            steps=timings,
            prompts=[carelearn.PromptUse("round", q) for q in rng.sample(questions, 5)],
            presented_case=carelearn.Case(rng.choice(["fall", "medication", "nutrition"]),
                                          f"c-{rng.getrandbits(32):08x}"),
            learning_points=[
                carelearn.LearningPoint(rng.choice(texts), step_id="learning-points",
                                        author=rng.choice(who))
                for _ in range(3)
            ],
            actions=actions,
            feedback=[carelearn.Feedback(p, rng.randrange(3, 6), rng.choice(["", "Godt møde"]),
                                         step_id="learning-points") for p in who[:6]],
            notes=[carelearn.Note("Næste gang: tag sagen om ernæring op igen.",
                                  kind=carelearn.NoteKind.REFLECTION, step_id="round")],
        ).to_json_line(include_confidential=True))
    return lines


def generate(path: pathlib.Path, n: int, templates: list[str]) -> None:
    """Writes `n` sessions to `path`: the templates in turn, each with a new id."""
    with open(path, "w", encoding="utf-8", newline="\n") as out:
        block: list[str] = []
        for i in range(n):
            line = templates[i % len(templates)]
            # Every template's id is "s-" and 12 digits; give each line its own.
            block.append(line.replace(line[line.index('"s-'):line.index('"s-') + 15],
                                      f'"s-{i:012d}', 1))
            if len(block) == 10000:
                out.write("\n".join(block) + "\n")
                block = []
        if block:
            out.write("\n".join(block) + "\n")


# ------------------------------------------------------------------ the ways


def carelearn_pandas(path: str, threads: int, free_text: bool = False) -> int:
    import carelearn

    tables = carelearn.read_tables(path, threads=threads, free_text=free_text)
    frames = tables.to_pandas()
    return len(frames["sessions"])


def carelearn_arrow(path: str, threads: int) -> int:
    import carelearn

    tables = carelearn.read_tables(path, threads=threads)
    arrow = tables.to_arrow()
    return arrow["sessions"].num_rows


def carelearn_store(path: str, threads: int) -> int:
    import carelearn

    with carelearn.Store(path, read_only=True) as store:
        tables = carelearn.read_tables(store, threads=threads)
        frames = tables.to_pandas()
    return len(frames["sessions"])


DUCKDB_QUERIES = {
    "sessions": "select session, id, unit, format.id as format_id, "
    "format.version as format_version, planned_start, actual_start, actual_end, status from raw",
    "participants": "select session, unnest(participants, recursive := true) from raw",
    "steps": "select session, unnest(steps, recursive := true) from raw",
    "actions": "select session, unnest(actions, recursive := true) from raw",
}


def _duckdb(path: str, fetch: Callable[[Any], Any]) -> int:
    import duckdb

    con = duckdb.connect()
    con.execute("set threads = 2")
    con.execute(
        "create temp table raw as select row_number() over () - 1 as session, * "
        f"from read_json('{path}', format = 'newline_delimited', maximum_object_size = 1000000)"
    )
    tables = {name: fetch(con.sql(query)) for name, query in DUCKDB_QUERIES.items()}
    return len(tables["sessions"])


def duckdb_arrow(path: str) -> int:
    return _duckdb(path, lambda relation: relation.fetch_arrow_table())


def duckdb_pandas(path: str) -> int:
    return _duckdb(path, lambda relation: relation.df())


def polars_ndjson(path: str) -> int:
    import polars as pl

    raw = pl.read_ndjson(path).with_row_index("session")
    tables = {
        "sessions": raw.select(
            "session", "id", "unit",
            pl.col("format").struct.field("id").alias("format_id"),
            pl.col("format").struct.field("version").alias("format_version"),
            "planned_start", "actual_start", "actual_end", "status"),
    }
    for name in ("participants", "steps", "actions"):
        tables[name] = raw.select("session", name).explode(name).unnest(name)
    return tables["sessions"].height


def pandas_read_json(path: str) -> int:
    import pandas as pd

    raw = pd.read_json(path, lines=True, dtype=False)
    raw["session"] = range(len(raw))
    formats = pd.DataFrame(raw["format"].tolist(), index=raw.index)
    sessions = raw[["session", "id", "unit", "planned_start", "actual_start", "actual_end",
                    "status"]].copy()
    sessions["format_id"] = formats["id"]
    sessions["format_version"] = formats["version"]
    tables = {"sessions": sessions}
    for name in ("participants", "steps", "actions"):
        tables[name] = pd.json_normalize(
            raw[["session", name]].to_dict("records"), record_path=name, meta="session",
            errors="ignore", max_level=0)
    return len(tables["sessions"])


def json_loads_frames(path: str) -> int:
    import pandas as pd

    sessions: list[dict[str, Any]] = []
    children: dict[str, list[dict[str, Any]]] = {"participants": [], "steps": [], "actions": []}
    with open(path, encoding="utf-8") as f:
        for i, line in enumerate(f):
            record = json.loads(line)
            for name, rows in children.items():
                for item in record.pop(name, ()):
                    item["session"] = i
                    rows.append(item)
            record["session"] = i
            sessions.append(record)
    tables = {"sessions": pd.DataFrame(sessions)}
    tables.update({name: pd.DataFrame(rows) for name, rows in children.items()})
    return len(tables["sessions"])


def today_path(path: str) -> int:
    import carelearn

    return len(carelearn.sessions_to_frame(carelearn.read_sessions(path)))


def today_path_per_row_frame(path: str) -> int:
    """read_sessions, then the frame as sessions_to_frame built it before the
    tables: one Python step per session and column."""
    import pandas as pd

    import carelearn

    columns: dict[str, list[Any]] = {name: [] for name in (
        "id", "unit", "format", "format_version", "planned_start", "actual_start",
        "actual_end", "status", "participants", "learning_points", "actions")}
    for s in carelearn.read_sessions(path):
        columns["id"].append(s.id)
        columns["unit"].append(s.unit)
        columns["format"].append(s.format_id)
        columns["format_version"].append(s.format_version)
        columns["planned_start"].append(s.planned_start)
        columns["actual_start"].append(s.actual_start)
        columns["actual_end"].append(s.actual_end)
        columns["status"].append(carelearn._core.session_status_name(s.status()))
        columns["participants"].append(len(s.participants))
        columns["learning_points"].append(len(s.learning_points))
        columns["actions"].append(len(s.actions))
    frame = pd.DataFrame(columns)
    for name in ("planned_start", "actual_start", "actual_end"):
        frame[name] = pd.to_datetime(frame[name], utc=True).astype("datetime64[ns, UTC]")
    return len(frame)


def read_bytes(path: str) -> int:
    total = 0
    with open(path, "rb", buffering=0) as f:
        while block := f.read(8 << 20):
            total += len(block)
    return total


# name: (function, keyword arguments, runs on the sample, input kind)
WAYS: dict[str, tuple[Callable[..., int], dict[str, Any], bool, str]] = {
    "read the bytes (8 MiB blocks)": (read_bytes, {}, False, "jsonl"),
    "carelearn 1 thread -> pandas": (carelearn_pandas, {"threads": 1}, False, "jsonl"),
    "carelearn 2 threads -> pandas": (carelearn_pandas, {"threads": 2}, False, "jsonl"),
    "carelearn 1 thread -> Arrow": (carelearn_arrow, {"threads": 1}, False, "jsonl"),
    "carelearn 2 threads -> Arrow": (carelearn_arrow, {"threads": 2}, False, "jsonl"),
    "carelearn 2 threads, free text -> pandas": (
        carelearn_pandas, {"threads": 2, "free_text": True}, False, "jsonl"),
    "carelearn store, 2 threads -> pandas": (carelearn_store, {"threads": 2}, False, "store"),
    "DuckDB read_json 2 threads -> Arrow (4 tables)": (duckdb_arrow, {}, False, "jsonl"),
    "DuckDB read_json 2 threads -> pandas (4 tables)": (duckdb_pandas, {}, False, "jsonl"),
    "polars read_ndjson (4 tables)": (polars_ndjson, {}, True, "jsonl"),
    "pandas read_json (4 tables)": (pandas_read_json, {}, True, "jsonl"),
    "json.loads + DataFrame (4 tables)": (json_loads_frames, {}, True, "jsonl"),
    "today: read_sessions -> sessions_to_frame": (today_path, {}, True, "jsonl"),
    "before: read_sessions -> per-row frame": (today_path_per_row_frame, {}, True, "jsonl"),
}


def run_one(name: str, path: str, warm_up: str) -> None:
    """In the subprocess: run way `name` on `path`, print seconds and peak RSS as JSON.

    Imports and first-call set-up are not timed: the way runs once on
    `warm_up` (a few sessions) first."""
    function, kwargs, _, kind = WAYS[name]
    if kind == "jsonl":
        function(warm_up, **kwargs)
    else:
        carelearn_pandas(warm_up, threads=1)
    start = time.perf_counter()
    result = function(path, **kwargs)
    seconds = time.perf_counter() - start
    peak_kib = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    print(json.dumps({"seconds": seconds, "result": result, "peak_mib": peak_kib / 1024}))


# ------------------------------------------------------------------ the run


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("n", nargs="?", type=int, default=200_000, help="sessions (200000)")
    parser.add_argument("--sample", type=float, default=0.1,
                        help="the share of the sessions the slow ways read (0.1)")
    parser.add_argument("--dir", type=pathlib.Path, default=None,
                        help="where the files go (a temporary directory)")
    parser.add_argument("--store", action="store_true",
                        help="also import the sessions into a store and read the tables from it")
    parser.add_argument("--only", default="",
                        help="the ways to run, by name, separated by ';' (all)")
    parser.add_argument("--run", default=None, help=argparse.SUPPRESS)
    parser.add_argument("--path", default=None, help=argparse.SUPPRESS)
    parser.add_argument("--warm-up", default=None, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.run is not None:
        run_one(args.run, args.path, args.warm_up)
        return

    workdir = args.dir or pathlib.Path(tempfile.mkdtemp(prefix="carelearn-tables-"))
    workdir.mkdir(parents=True, exist_ok=True)
    full = workdir / f"sessions-{args.n}.jsonl"
    n_sample = max(1, int(args.n * args.sample))
    sample = workdir / f"sessions-{args.n}-sample-{n_sample}.jsonl"
    warm_up = workdir / "warm-up.jsonl"
    if not full.exists() or not sample.exists() or not warm_up.exists():
        started = time.perf_counter()
        templates = template_sessions(2000)
        generate(full, args.n, templates)
        generate(sample, n_sample, templates)
        generate(warm_up, 20, templates)
        print(f"generated in {time.perf_counter() - started:.0f} s")
    size = full.stat().st_size
    sample_size = sample.stat().st_size
    print(f"{args.n:,} sessions, {size / 1e6:,.0f} MB ({size / args.n:,.0f} bytes each) in {full}")
    print(f"slow ways: the first {n_sample:,} sessions ({sample_size / 1e6:,.0f} MB), "
          f"time scaled by {args.n / n_sample:g}")

    store_path = workdir / f"sessions-{args.n}.db"
    selected = [w for w in WAYS if not args.only or w in args.only.split(";")]
    if not args.store:
        selected = [w for w in selected if WAYS[w][3] != "store"]
    elif not store_path.exists():
        import carelearn

        started = time.perf_counter()
        with carelearn.Store(store_path) as store:
            store.import_sessions(full, bulk=True)
        print(f"imported into {store_path} in {time.perf_counter() - started:.0f} s")

    results: dict[str, dict[str, Any]] = {}
    for name in selected:
        _, _, slow, kind = WAYS[name]
        path = store_path if kind == "store" else sample if slow else full
        done = subprocess.run(
            [sys.executable, __file__, "--run", name, "--path", str(path),
             "--warm-up", str(warm_up)],
            capture_output=True, text=True, check=False,
        )
        if done.returncode != 0:
            print(f"{name}: failed\n{done.stderr[-2000:]}", file=sys.stderr)
            continue
        result = json.loads(done.stdout.strip().splitlines()[-1])
        scale = args.n / n_sample if slow else 1.0
        result["scaled_seconds"] = result["seconds"] * scale
        result["scale"] = scale
        results[name] = result
        print(f"  {name}: {result['scaled_seconds']:.2f} s", file=sys.stderr)

    base = results.get("carelearn 2 threads -> pandas")
    header = (f"{'way':<48} {'seconds':>9} {'MB/s':>8} {'sessions/s':>11} {'peak RSS':>9}  "
              f"{'x carelearn 2t pandas':>21}")
    print()
    print(header)
    print("-" * len(header))
    for name, r in results.items():
        seconds = r["scaled_seconds"]
        mark = f" (x{r['scale']:g})" if r["scale"] != 1 else ""
        ratio = f"{seconds / base['scaled_seconds']:.1f}" if base else "-"
        print(f"{name + mark:<48} {seconds:>9.2f} {size / seconds / 1e6:>8,.0f} "
              f"{args.n / seconds:>11,.0f} {r['peak_mib']:>7,.0f} MB  {ratio:>21}")
    print("(xN): ran on the sample, its time multiplied by N; its peak RSS is the sample run's.")

    def ratio(a: str, b: str) -> str:
        if a in results and b in results:
            return f"{results[a]['scaled_seconds'] / results[b]['scaled_seconds']:.1f}x"
        return "-"
    print()
    print("goals (issue 12):")
    ours = "carelearn 2 threads -> pandas"
    goals = [
        ("2 threads over 1 thread (pandas)", "carelearn 1 thread -> pandas", ours, ">= 1.7x"),
        ("over DuckDB -> Arrow, 2 threads", "DuckDB read_json 2 threads -> Arrow (4 tables)",
         "carelearn 2 threads -> Arrow", ">= 4x"),
        ("over DuckDB -> pandas", "DuckDB read_json 2 threads -> pandas (4 tables)", ours,
         ">= 10x"),
        ("over today's path", "today: read_sessions -> sessions_to_frame", ours, ">= 30x"),
        ("over the path before the tables", "before: read_sessions -> per-row frame", ours, ""),
    ]
    for label, slower, faster, goal in goals:
        print(f"  {label + ':':<34} {ratio(slower, faster):>7} {goal}")


if __name__ == "__main__":
    main()
