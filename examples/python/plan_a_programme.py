"""Load two programmes, expand them on their work calendars, and see when the
sessions are, what collides, and how many hours go to learning.

Run:  python examples/python/plan_a_programme.py [DIRECTORY]
"""

from __future__ import annotations

import pathlib
import sys
import tempfile

import carelearn

PROGRAMMES = pathlib.Path(__file__).resolve().parents[1] / "programmes"


def main(directory: pathlib.Path) -> None:
    # The diploma module: 8 teaching days every other Wednesday, 2 h of reading a week.
    module = carelearn.Programme.load(PROGRAMMES / "competence-module.json")
    occurrences = module.expand("2018-09-01", "2019-02-01")
    days = [o for o in occurrences if o.entry == "sessions"]
    print(f"{len(days)} teaching days: {days[0].start:%Y-%m-%d} to {days[-1].start:%Y-%m-%d}")

    # As a pandas table, start and end in Europe/Copenhagen.
    frame = occurrences.to_frame()
    reading = frame[frame["entry"] == "reading"]
    hours = (reading["end"] - reading["start"]).dt.total_seconds() / 3600
    print(f"reading: {hours.sum():g} h in {len(reading)} weeks")

    # The network: each unit's learning meeting falls on the first seminar's day.
    network = carelearn.Programme.load(PROGRAMMES / "cross-municipal-network.json")
    conflicts = network.conflicts("2021-09-01", "2022-07-01")
    first = conflicts[0]
    print(
        f"{len(conflicts)} conflicts, first: {first.unit} on {first.first.start:%Y-%m-%d}, "
        f"{first.first.entry} and {first.second.entry}"
    )

    # Planned hours per unit and month, and the calendar file.
    egely = [h for h in network.planned_hours("2021-10-01", "2021-11-01") if h.unit == "egely"]
    print(f"egely in October 2021: {egely[0].sessions} sessions, {egely[0].hours:g} h")
    network.to_ics(directory / "network.ics")
    print("wrote network.ics")


if __name__ == "__main__":
    if len(sys.argv) > 1:
        main(pathlib.Path(sys.argv[1]))
    else:
        with tempfile.TemporaryDirectory() as scratch:
            main(pathlib.Path(scratch))
