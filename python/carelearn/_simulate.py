"""Simulated data: a synthetic municipality's years of learning, for
evaluators, teaching and benchmarks (docs/simulate.md says what the figures
are made of).

:func:`simulate` writes a data set into a directory: the sessions (a store,
``sessions.db``, or JSON Lines, ``sessions.jsonl``), the staff roster
(``roster.csv``) and the programme (``programme.json``). Every session is
held or cancelled through the real runner; the same options and seed give
the same bytes.

Example::

    summary = carelearn.simulate("year", units=12, years=1, seed=1)
    print(summary)                      # 1517 sessions (1243 held, 274 cancelled) ...
    with carelearn.Store(summary.sessions_file) as store:
        store.sessions(unit="home-care-north")

The command's logic is here too: :func:`run_simulate` runs it on a list of
arguments, and :func:`add_parser` with :data:`COMMANDS` wires it into the
``carelearn`` command.
"""

from __future__ import annotations

import argparse
import dataclasses
import math
import os
import pathlib
import sys
import time
from collections.abc import Callable, Mapping, Sequence
from typing import Literal, TextIO, TypeAlias

from . import _core
from ._errors import Error

__all__ = [
    "COMMANDS",
    "SimulationRates",
    "SimulationSummary",
    "add_parser",
    "run_simulate",
    "simulate",
]

SimulationRates = _core.SimulationRates
"""The probabilities of the simulation's events (cancellations, moves,
leavers, ...); ``SimulationRates(staffing=0.1)`` changes one and keeps the
model's other defaults."""

PathLike: TypeAlias = str | os.PathLike[str]
OutputFormat: TypeAlias = Literal["store", "jsonl"]

_OUTPUTS = ("jsonl", "store")
_RATE_NAMES = (
    "staffing",
    "workload",
    "no_facilitator",
    "holiday",
    "cut_short",
    "moves",
    "leavers",
)


@dataclasses.dataclass(frozen=True)
class SimulationSummary:
    """What :func:`simulate` made, and where it put it."""

    directory: pathlib.Path
    """The data set's directory."""
    sessions_file: pathlib.Path
    """``sessions.db`` (a store) or ``sessions.jsonl``."""
    roster_file: pathlib.Path
    """``roster.csv``: ``person,unit,profession,shift,from,to``."""
    programme_file: pathlib.Path
    """``programme.json``, a ``programme/1`` document."""
    format: OutputFormat
    """How the sessions are stored: ``"store"`` or ``"jsonl"``."""
    municipality_id: str
    """The municipality's id: the programme's top unit."""
    sessions: int
    """Sessions made, one per planned occurrence."""
    held: int
    """Sessions held (perhaps cut short)."""
    cancelled: int
    """Sessions cancelled."""
    participants: int
    """Participations, summed over the sessions."""
    learning_points: int
    """Learning points recorded."""
    actions: int
    """Organisational actions proposed."""
    feedback: int
    """Feedback given."""
    people: int
    """Distinct people on the roster."""
    units: int
    """Units that hold sessions."""

    def __str__(self) -> str:
        return (
            f"{self.sessions} sessions ({self.held} held, {self.cancelled} cancelled) "
            f"of {self.units} units in {self.municipality_id} (synthetic data)\n"
            f"  sessions:  {self.sessions_file}\n"
            f"  roster:    {self.roster_file} ({self.people} people)\n"
            f"  programme: {self.programme_file}"
        )


SimulationSummary.__init__.__doc__ = (
    "A summary from its fields; :func:`simulate` makes them."
)


def _whole(name: str, value: object, lo: int, hi: int) -> int:
    if isinstance(value, bool) or not isinstance(value, int):
        raise TypeError(f"{name} must be a whole number, not {type(value).__name__}")
    if not lo <= value <= hi:
        raise ValueError(f"{name}: {value} is not from {lo} to {hi}")
    return value


def _rates(value: object) -> _core.SimulationRates:
    if value is None:
        return _core.SimulationRates()
    if isinstance(value, _core.SimulationRates):
        return value
    if not isinstance(value, Mapping):
        raise TypeError(
            "rates must be a SimulationRates or a mapping of rate names to "
            f"probabilities, not {type(value).__name__}"
        )
    rates = _core.SimulationRates()
    for name, rate in value.items():
        if name not in _RATE_NAMES:
            raise ValueError(
                f'rates: unknown rate "{name}"; expected one of {", ".join(_RATE_NAMES)}'
            )
        if isinstance(rate, bool) or not isinstance(rate, int | float):
            raise TypeError(
                f"rates[{name!r}] must be a number, not {type(rate).__name__}"
            )
        if not 0 <= rate <= 1 or math.isnan(rate):
            raise ValueError(f"rates[{name!r}]: {rate} is not a probability from 0 to 1")
        setattr(rates, name, float(rate))
    return rates


def simulate(
    out: PathLike,
    *,
    units: int = 12,
    years: int = 1,
    start_year: int = 2026,
    seed: int = 1,
    municipality: str = "Syntetisk Kommune",
    format: OutputFormat = "store",
    rates: _core.SimulationRates | Mapping[str, float] | None = None,
    overwrite: bool = False,
    progress: Callable[[int, int], object] | None = None,
) -> SimulationSummary:
    """Simulates ``years`` years of ``units`` units of a synthetic municipality
    into the directory ``out`` (created when missing) and returns what it made.

    The directory gets the sessions (``format="store"``: a store,
    ``sessions.db``; ``"jsonl"``: JSON Lines, ``sessions.jsonl``), the roster
    ``roster.csv`` and the programme ``programme.json``. The same options and
    ``seed`` give the same bytes. ``rates`` changes the model's probabilities
    (a :class:`SimulationRates` or a mapping such as ``{"staffing": 0.1}``);
    docs/simulate.md gives the model and its defaults.

    ``progress(done, total)`` is called every 1,000 sessions and at the end;
    an exception it raises stops the simulation and is raised here, as is
    Ctrl-C. The work runs in C++ without the GIL, so other Python threads go on.

    Raises :class:`AlreadyExistsError` when ``out`` holds a data set already
    and ``overwrite`` is False; TypeError or ValueError naming the argument
    for a bad one; :class:`FormatError` for rates that together exceed 1;
    :class:`NotFoundError` when a file cannot be written.

    Example::

        summary = carelearn.simulate("benchmark", units=1000, years=10, format="jsonl")
        summary.sessions        # about 1.25 million
    """
    if not isinstance(out, str | os.PathLike):
        raise TypeError(f"out must be a path, not {type(out).__name__}")
    if format not in _OUTPUTS:
        raise ValueError(f'format: unknown value "{format}"; expected "store" or "jsonl"')
    if not isinstance(municipality, str):
        raise TypeError(f"municipality must be a str, not {type(municipality).__name__}")
    if progress is not None and not callable(progress):
        raise TypeError(f"progress must be callable, not {type(progress).__name__}")
    units = _whole("units", units, 1, 100_000)
    years = _whole("years", years, 1, 50)
    start_year = _whole("start_year", start_year, 1900, 9000)
    seed = _whole("seed", seed, 0, 2**64 - 1)
    name = os.fspath(out)
    if not isinstance(name, str):
        raise TypeError(f"out must be a str path, not {type(name).__name__}")
    try:
        name.encode("utf-8")
    except UnicodeEncodeError:
        raise ValueError("out: the path is not encodable as UTF-8 (a lone surrogate)") from None
    directory = pathlib.Path(name)
    report: Callable[[int, int], None] | None = None
    if progress is not None:
        call = progress

        def report(done: int, total: int) -> None:
            call(done, total)

    written = _core.write_simulation(
        directory,
        units=units,
        years=years,
        start_year=start_year,
        seed=seed,
        municipality=municipality,
        rates=_rates(rates),
        json_lines=format == "jsonl",
        overwrite=bool(overwrite),
        progress=report,
    )
    counts = written["counts"]
    return SimulationSummary(
        directory=directory,
        sessions_file=pathlib.Path(written["sessions_file"]),
        roster_file=pathlib.Path(written["roster_file"]),
        programme_file=pathlib.Path(written["programme_file"]),
        format=format,
        municipality_id=str(written["municipality_id"]),
        sessions=int(counts["sessions"]),
        held=int(counts["held"]),
        cancelled=int(counts["cancelled"]),
        participants=int(counts["participants"]),
        learning_points=int(counts["learning_points"]),
        actions=int(counts["actions"]),
        feedback=int(counts["feedback"]),
        people=int(counts["people"]),
        units=int(counts["units"]),
    )


class _ProgressBar:
    """A progress bar on a terminal (redrawn at most ten times a second), or a
    line at every tenth of the way when the stream is not a terminal."""

    def __init__(self, stream: TextIO) -> None:
        self._stream = stream
        self._tty = stream.isatty()
        self._start = time.monotonic()
        self._drawn = 0.0
        self._tenths = 0

    def __call__(self, done: int, total: int) -> None:
        now = time.monotonic()
        share = done / total if total else 1.0
        if self._tty:
            if now - self._drawn < 0.1 and done < total:
                return
            self._drawn = now
            width = 30
            filled = int(share * width)
            elapsed = now - self._start
            rate = done / elapsed if elapsed > 0 else 0.0
            left = (total - done) / rate if rate > 0 else 0.0
            self._stream.write(
                f"\rsimulating [{'#' * filled}{'.' * (width - filled)}] {share:4.0%} "
                f"{done:,}/{total:,} sessions, {rate:,.0f}/s, "
                f"{int(left) // 60}:{int(left) % 60:02d} left "
            )
            if done >= total:
                self._stream.write("\n")
        else:
            tenths = int(share * 10)
            if tenths > self._tenths or done >= total:
                self._tenths = tenths
                self._stream.write(f"simulating: {done:,}/{total:,} sessions\n")
        self._stream.flush()


def _add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("out", metavar="OUT", help="the directory to write the data set to")
    parser.add_argument("--units", type=int, default=12, help="units (default 12)")
    parser.add_argument("--years", type=int, default=1, help="calendar years (default 1)")
    parser.add_argument(
        "--start-year", type=int, default=2026, help="the first year (default 2026)"
    )
    parser.add_argument("--seed", type=int, default=1, help="the random seed (default 1)")
    parser.add_argument(
        "--municipality",
        default="Syntetisk Kommune",
        help='the municipality\'s name (default "Syntetisk Kommune")',
    )
    parser.add_argument(
        "--format",
        choices=_OUTPUTS,
        default="store",
        help="store (sessions.db, the default) or jsonl (sessions.jsonl)",
    )
    parser.add_argument(
        "--overwrite", action="store_true", help="replace a data set in OUT"
    )
    parser.add_argument(
        "--quiet", action="store_true", help="no progress on standard error"
    )


_DESCRIPTION = (
    "Simulate a synthetic municipality's years of learning formats: the units, the staff "
    "roster, the programme and every session, held or cancelled through the real runner. "
    "Writes OUT/sessions.db (or sessions.jsonl), OUT/roster.csv and OUT/programme.json; "
    "docs/simulate.md describes the model. The same options and seed give the same files."
)


def _run(args: argparse.Namespace) -> int:
    try:
        summary = simulate(
            args.out,
            units=args.units,
            years=args.years,
            start_year=args.start_year,
            seed=args.seed,
            municipality=args.municipality,
            format=args.format,
            overwrite=args.overwrite,
            progress=None if args.quiet else _ProgressBar(sys.stderr),
        )
    except (Error, TypeError, ValueError) as error:
        print(f"carelearn simulate: {error}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        print("\ncarelearn simulate: stopped", file=sys.stderr)
        return 130
    print(summary)
    return 0


def add_parser(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Adds the ``simulate`` subcommand to ``commands`` (the ``carelearn`` command's
    subparsers); :data:`COMMANDS` runs it."""
    parser = commands.add_parser(
        "simulate",
        help="simulate a synthetic municipality's sessions, roster and programme",
        description=_DESCRIPTION,
    )
    _add_arguments(parser)


COMMANDS: dict[str, Callable[[argparse.Namespace], int]] = {"simulate": _run}
"""The subcommand :func:`add_parser` adds, by name: it takes the parsed
arguments and returns the exit code."""


def run_simulate(argv: Sequence[str] | None = None) -> int:
    """Runs ``carelearn simulate`` with ``argv`` (default: ``sys.argv[1:]``) and
    returns the exit code: 0 done, 2 a bad argument or a data set in the way,
    130 stopped with Ctrl-C. The summary goes to standard output, the progress
    bar to standard error.

    Example::

        run_simulate(["year", "--units", "12", "--format", "jsonl", "--overwrite"])
    """
    parser = argparse.ArgumentParser(prog="carelearn simulate", description=_DESCRIPTION)
    _add_arguments(parser)
    return _run(parser.parse_args(argv))
