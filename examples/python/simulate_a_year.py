"""Simulate a synthetic municipality's year and look at what it made.

Run:  python examples/python/simulate_a_year.py [DIRECTORY]
"""

from __future__ import annotations

import collections
import csv
import sys
import tempfile

import carelearn


def main(directory: str) -> None:
    summary = carelearn.simulate(directory, units=12, years=1, seed=1, format="jsonl")
    print(f"{summary.sessions} sessions: {summary.held} held, {summary.cancelled} cancelled")

    # Why the cancelled ones were called off.
    sessions = carelearn.read_sessions(summary.sessions_file)
    reasons = collections.Counter(
        s.cancellation.reason.name.lower() for s in sessions if s.cancellation is not None
    )
    print("cancelled for:", ", ".join(f"{r} {n}" for r, n in sorted(reasons.items())))

    # The learning meetings of one unit, and their actions' fate at the year's end.
    meetings = [
        s
        for s in sessions
        if s.unit == "home-care-north" and s.format_id == "systematic-learning-meeting"
    ]
    held = sum(s.cancellation is None for s in meetings)
    actions = collections.Counter(
        a.current_status().name.lower() for s in meetings for a in s.actions
    )
    print(
        f"home-care-north held {held} of {len(meetings)} learning meetings; actions:",
        ", ".join(f"{k} {n}" for k, n in sorted(actions.items())),
    )

    # Who was on the staff: one row per membership period.
    with open(summary.roster_file, encoding="utf-8", newline="") as f:
        roster = list(csv.DictReader(f))
    moved = collections.Counter(row["person"] for row in roster)
    print(f"roster: {summary.people} people, {sum(n > 1 for n in moved.values())} moved unit")


if __name__ == "__main__":
    if len(sys.argv) > 1:
        main(sys.argv[1])
    else:
        with tempfile.TemporaryDirectory() as tmp:
            main(tmp + "/year")
