"""Load held sessions as column tables and ask an evaluator's questions of
them: with pandas, and with DuckDB reading the same memory through Arrow.

Run:  python examples/python/evaluate_sessions.py
"""

from __future__ import annotations

import datetime
import pathlib
import tempfile

import duckdb

import carelearn

UTC = datetime.UTC


def held(number: int, unit: str, day: int, minutes: list[int], people: int) -> carelearn.Session:
    """A held learning meeting whose steps took `minutes`."""
    start = datetime.datetime(2026, 3, day, 13, 0, tzinfo=UTC)
    steps, clock = [], start
    for step, length in zip(["case", "round", "learning-points"], minutes, strict=True):
        end = clock + datetime.timedelta(minutes=length)
        steps.append(carelearn.StepTiming(step_id=step, start=clock, end=end))
        clock = end
    return carelearn.Session(
        id=f"s-{number}",
        format_id="systematic-learning-meeting",
        unit=unit,
        planned_start=start,
        actual_start=start,
        actual_end=clock,
        participants=[
            carelearn.Participant(f"p{unit[-1]}{i}", "colleague", unit) for i in range(people)
        ],
        steps=steps,
        learning_points=[carelearn.LearningPoint("Call the relative first.", step_id="case")],
    )


def main() -> None:
    sessions = [
        held(1, "home-care-north", 4, [5, 12, 6], 8),
        held(2, "home-care-north", 18, [6, 10, 5], 6),
        held(3, "home-care-south", 5, [4, 14, 7], 10),
        carelearn.Session(
            id="s-4",
            format_id="systematic-learning-meeting",
            unit="home-care-south",
            planned_start=datetime.datetime(2026, 3, 19, 13, 0, tzinfo=UTC),
            cancellation=carelearn.Cancellation(carelearn.CancelReason.STAFFING),
        ),
    ]
    with tempfile.TemporaryDirectory() as folder:
        path = pathlib.Path(folder) / "sessions.jsonl"
        carelearn.write_sessions(path, sessions)

        # Every part of every session, as typed columns; no free text asked for.
        tables = carelearn.read_tables(path, threads=2)
    print(tables)

    # pandas: one frame per table; child rows name their session's row.
    frame = tables.sessions
    held_share = (frame["status"] == "held").groupby(frame["unit"], observed=True).mean()
    for unit, share in held_share.items():
        print(f"{unit}: {share:.0%} held")
    steps = tables.steps.join(frame[["unit"]], on="session")
    print(steps.groupby("step", observed=True)["minutes"].median().to_string())

    # DuckDB scans the same columns through the Arrow PyCapsule protocol.
    participants = tables.table("participants")
    rows = duckdb.execute(
        "select unit, count(distinct person) as people from participants "
        "group by unit order by unit"
    ).fetchall()
    print(rows)


if __name__ == "__main__":
    main()
