"""What the subcommands share: the argument parser that reports a mistake in
one line, the converters of argument values, tables, and reading a format or
a key file named on the command line.

Every converter raises :class:`argparse.ArgumentTypeError` with one line
naming the cause; :class:`UsageError` is a mistake found later (exit code 2).
"""

from __future__ import annotations

import argparse
import datetime
import os
import stat
import sys
from collections.abc import Callable, Sequence
from typing import Any, NoReturn, TextIO

from .. import _core
from .._agenda import MAX_PARTICIPANTS
from .._arguments import clipped
from .._catalog import Catalog
from .._documents import Format, QuestionSet, Variant, apply_variant, load
from .._errors import Error
from .._record import Pseudonymiser
from .._time import instant, local_time

__all__ = [
    "FIRST_YEAR",
    "LAST_YEAR",
    "Handler",
    "Parser",
    "UsageError",
    "count",
    "day",
    "format_named",
    "key_file",
    "lang",
    "print_columns",
    "print_table",
    "start",
    "when",
    "year",
]

FIRST_YEAR = 1583
"""The first year carelearn plans in (the Gregorian calendar in Denmark)."""

LAST_YEAR = 9999
"""The last year carelearn plans in."""

Handler = Callable[[argparse.Namespace], int]
"""A subcommand: takes the parsed arguments, returns the exit code."""


class UsageError(Exception):
    """A user's mistake: a bad argument, a file that does not load, a format
    that is not there. Reported in one line on stderr, exit code 2."""

    def __init__(self, message: str, *, command: str = "") -> None:
        """The mistake ``message``, found by ``command`` (``"carelearn agenda"``)."""
        super().__init__(message)
        self.command = command


class Parser(argparse.ArgumentParser):
    """An ArgumentParser that reports a bad argument as a :class:`UsageError`
    (one line, exit code 2) rather than printing its usage."""

    def error(self, message: str) -> NoReturn:
        """Raises :class:`UsageError` with ``message`` and where to find help."""
        raise UsageError(f"{message} (see {self.prog} --help)", command=self.prog)




def lang(value: str) -> _core.Lang:
    """``--lang``: ``da`` or ``en``."""
    parsed = _core.parse_lang(value)
    if parsed is None:
        raise argparse.ArgumentTypeError(f'unknown language "{clipped(value)}"; expected da or en')
    return parsed


def count(value: str) -> int:
    """``--participants``: a whole number of people from 1 to 1,000,000."""
    try:
        n = int(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f'"{clipped(value)}" is not a whole number') from None
    if n < 1:
        raise argparse.ArgumentTypeError(f"{n} is not a positive number of participants")
    if n > MAX_PARTICIPANTS:
        raise argparse.ArgumentTypeError(
            f"{clipped(value)} participants are more than the {MAX_PARTICIPANTS:,} carelearn plans for"
        )
    return n


def day(value: str) -> datetime.date:
    """A date such as ``2026-03-04``, in the years carelearn plans in."""
    try:
        parsed = datetime.date.fromisoformat(value)
    except ValueError:
        raise argparse.ArgumentTypeError(
            f'"{clipped(value)}" is not a date such as 2026-03-04'
        ) from None
    if not FIRST_YEAR <= parsed.year <= LAST_YEAR:
        raise argparse.ArgumentTypeError(
            f"{value}: carelearn plans in the years {FIRST_YEAR} to {LAST_YEAR}"
        )
    return parsed


def year(value: str) -> int:
    """A year such as ``2026``, in the years carelearn plans in."""
    try:
        n = int(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f'"{clipped(value)}" is not a year such as 2026') from None
    if not FIRST_YEAR <= n <= LAST_YEAR:
        raise argparse.ArgumentTypeError(
            f"{clipped(value)}: the holidays are computed for the years {FIRST_YEAR} to {LAST_YEAR}"
        )
    return n


def when(value: str) -> datetime.datetime:
    """An instant: ``2026-03-04`` (midnight) or ``2026-03-04T14:00``, Copenhagen
    time unless it names an offset."""
    try:
        return instant(value, "time")
    except ValueError:
        raise argparse.ArgumentTypeError(
            f'"{clipped(value)}" is not a date or a date and time such as 2026-03-04 or '
            "2026-03-04T14:00 (Copenhagen time unless it names an offset)"
        ) from None


def start(value: str) -> datetime.datetime:
    """A wall-clock start such as ``2026-03-04T14:00`` (an offset is converted
    to Copenhagen time)."""
    try:
        parsed = local_time(value, "start")
    except ValueError:
        raise argparse.ArgumentTypeError(
            f'"{clipped(value)}" is not a date and time such as 2026-03-04T14:00'
        ) from None
    if not FIRST_YEAR <= parsed.year <= LAST_YEAR:
        raise argparse.ArgumentTypeError(
            f"{value}: carelearn plans in the years {FIRST_YEAR} to {LAST_YEAR}"
        )
    return parsed


def print_table(header: Sequence[str], rows: Sequence[Sequence[str]], out: TextIO) -> None:
    """``rows`` under ``header`` in columns two spaces apart, left-aligned."""
    widths = [len(h) for h in header]
    for row in rows:
        widths = [max(w, len(cell)) for w, cell in zip(widths, row, strict=True)]
    for line in [header, *rows]:
        print(
            "  ".join(cell.ljust(w) for cell, w in zip(line, widths, strict=True)).rstrip(),
            file=out,
        )


def print_columns(header: Sequence[str], columns: Sequence[Any], out: TextIO) -> None:
    """As :func:`print_table`, for a table given as columns (numpy arrays of
    str objects, one per column): a table of many rows is laid out column by
    column, not cell by cell."""
    import numpy as np

    widths = [
        max(len(h), max(map(len, column.tolist()), default=0))
        for h, column in zip(header, columns, strict=True)
    ]
    lines: Any = None
    headings: list[str] = []
    for index, (h, column, width) in enumerate(zip(header, columns, widths, strict=True)):
        last = index == len(header) - 1
        cells = (
            column.astype(object)
            if last
            else np.char.ljust(column.astype(str), width).astype(object)
        )
        headings.append(h if last else h.ljust(width))
        lines = cells if lines is None else lines + "  " + cells
    print("  ".join(headings).rstrip(), file=out)
    out.write("\n".join(line.rstrip() for line in lines.tolist()))
    out.write("\n")


def format_named(name: str, catalog: Catalog) -> tuple[Format, bool]:
    """The format ``name`` names -- a built-in id, or a format or variant file
    (a variant is resolved against ``catalog``) -- and whether it came from a
    file. Raises :class:`UsageError` naming the cause."""
    if os.path.exists(name) or name.endswith(".json"):
        try:
            document = load(name)
        except Error as error:
            raise UsageError(str(error)) from None  # names path:line:column: pointer
        if isinstance(document, QuestionSet):
            raise UsageError(f'{name}: "{document.id}" is a question set, not a format')
        if isinstance(document, Variant):
            base = catalog.find(document.extends)
            if base is None:
                ref = document.extends
                version = f" version {ref.version}" if ref.version is not None else ""
                raise UsageError(
                    f'{name}: variant "{document.id}" extends "{ref.id}"{version}, '
                    "which is not in the built-in catalog"
                )
            try:
                return apply_variant(base, document), True
            except Error as error:
                raise UsageError(f"{name}: {error}") from None
        assert isinstance(document, Format)
        return document, True
    found = catalog.find(name)
    if found is None:
        known = ", ".join(f.id for f in catalog)
        raise UsageError(
            f'unknown format "{clipped(name)}"; the built-in formats are: {known}'
        )
    return found, False


def key_file(path: str | None, command: str) -> Pseudonymiser | None:
    """The pseudonymiser keyed by the key file at ``path`` (None: none),
    warning on stderr when others can read the file."""
    if path is None:
        return None
    try:
        mode = os.stat(path).st_mode
    except (OSError, ValueError) as error:
        reason = error.strerror if isinstance(error, OSError) else str(error)
        raise UsageError(f"--key-file {clipped(path)}: cannot read: {reason}") from None
    if mode & (stat.S_IRWXG | stat.S_IRWXO):
        print(
            f"carelearn {command}: warning: the key file {path} can be read by others "
            f"(mode {stat.S_IMODE(mode):o}); keep it readable by its owner only (chmod 600)",
            file=sys.stderr,
        )
    try:
        return Pseudonymiser.from_file(path)
    except Error as error:
        raise UsageError(f"--key-file {error}") from None
