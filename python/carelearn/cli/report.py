"""``carelearn report``: the evaluation report of a store or a JSON Lines file,
one self-contained HTML file (docs/report.md).

On a terminal each stage of a long load is shown on standard error with the
time since the start; the report's path and headline figures go to standard
output.
"""

from __future__ import annotations

import argparse
import datetime
import sys

from .. import report as _report
from ._common import UsageError, day

__all__ = ["add_parsers"]


def _lang(value: str) -> str:
    if value not in ("da", "en"):
        raise argparse.ArgumentTypeError(f'unknown language "{value}"; expected da or en')
    return value


def _threshold(value: str) -> int:
    try:
        number = int(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f'"{value[:40]}" is not a whole number') from None
    if not 1 <= number <= 1000:
        raise argparse.ArgumentTypeError(f"{number} is not from 1 to 1000")
    return number


def add_parsers(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Adds ``report``."""
    parser = commands.add_parser(
        "report",
        help="write the evaluation report (HTML) of a store or a JSON Lines file",
        description="Write the evaluation report of the sessions in STORE_OR_FILE (a store, "
        "a session/1 JSON Lines file, or a directory carelearn simulate wrote) as one "
        "self-contained HTML file: headline figures, figures, tables per unit and format "
        "with small cells withheld, methods and provenance. It holds no direct identifier "
        "and no free text. programme.json and roster.csv beside the source are used when "
        "--programme and --roster are not given.",
    )
    parser.add_argument(
        "store", metavar="STORE_OR_FILE", help="a store, a JSON Lines file or a directory"
    )
    parser.add_argument("--out", required=True, help="the HTML file to write")
    parser.add_argument("--programme", help="the programme/1 file adherence is measured against")
    parser.add_argument("--roster", help="the roster (CSV or roster/1 JSON) reach is measured against")
    parser.add_argument(
        "--from",
        dest="start",
        type=day,
        help="the period's first day, YYYY-MM-DD (default: the months the sessions span)",
    )
    parser.add_argument(
        "--to", dest="end", type=day, help="the day after the period, YYYY-MM-DD"
    )
    parser.add_argument(
        "--lang", type=_lang, default="da", help="da (the default) or en"
    )
    parser.add_argument("--title", help="the report's title")
    parser.add_argument(
        "--threshold",
        type=_threshold,
        default=5,
        help="the smallest number of people shown (default 5)",
    )
    parser.set_defaults(handler=_run)


def _run(args: argparse.Namespace) -> int:
    start: datetime.date | None = args.start
    end: datetime.date | None = args.end
    if (start is None) != (end is None):
        raise UsageError("give --from and --to together", command="carelearn report")
    if start is not None and end is not None and end <= start:
        raise UsageError(f"--to {end} is not after --from {start}", command="carelearn report")
    written = _report.write(
        args.store,
        args.out,
        programme=args.programme,
        roster=args.roster,
        start=start,
        end=end,
        lang=args.lang,
        title=args.title,
        threshold=args.threshold,
        progress=_report.terminal_progress(sys.stderr),
    )
    print(args.out)
    for headline in written.headline.values():
        print(f"  {headline.label}: {headline.shown} ({headline.against})")
    return 0
