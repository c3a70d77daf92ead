"""The evaluation report of about N simulated sessions: the time to write it,
in stages (the load, each measure, the figures, the HTML), against the goal of
20 s for 100,000 sessions.

Simulates ``--units`` units for ``--years`` years (80 units for ten years are
about 100,000 sessions; 800 units for ten years about 1,000,000) into a store
under ``--dir`` (kept, so a second run only reports), then writes the report
in Danish, timing each stage as the report announces it.

Run:  python bench/report_bench.py [--units 80] [--years 10] [--dir build/bench/report]
      [--format store|jsonl]
"""

from __future__ import annotations

import argparse
import pathlib
import time

import carelearn
import carelearn.report


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--units", type=int, default=80)
    parser.add_argument("--years", type=int, default=10)
    parser.add_argument("--dir", default="build/bench/report")
    parser.add_argument("--format", choices=("store", "jsonl"), default="store")
    args = parser.parse_args()
    directory = pathlib.Path(args.dir) / f"{args.units}x{args.years}-{args.format}"
    name = "sessions.db" if args.format == "store" else "sessions.jsonl"
    began = time.perf_counter()
    if not (directory / name).is_file():
        summary = carelearn.simulate(
            directory, units=args.units, years=args.years, format=args.format, overwrite=True
        )
        print(f"simulated {summary.sessions:,} sessions in {time.perf_counter() - began:.1f} s")
    stages: list[tuple[str, float]] = []
    start = time.perf_counter()

    def progress(text: str) -> None:
        stages.append((text, time.perf_counter() - start))

    out = directory / "report.html"
    report = carelearn.report.write(directory, out, lang="da", progress=progress)
    total = time.perf_counter() - start
    previous = 0.0
    for (text, at), (_, after) in zip(stages, [*stages[1:], ("end", total)], strict=True):
        print(f"  {after - at:6.2f} s  {text}")
        previous = after
    sessions = report.headline["adherence"].denominator or 0
    size = out.stat().st_size / 1e6
    print(
        f"report of {sessions:,} planned sessions ({args.units} units x {args.years} years, "
        f"{args.format}): {total:.1f} s wall, {size:.1f} MB of HTML -> {out}"
    )
    del previous


if __name__ == "__main__":
    main()
