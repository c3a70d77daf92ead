"""The command line: ``carelearn catalog``, ``agenda``, ``validate``, ``schedule``,
``holidays``, ``run`` and ``sessions``.

Data goes to standard output, messages to standard error. Exit codes:
0 success (an overrun in an agenda is information, not a failure);
1 ``validate`` found an error; 2 a bad argument, an unknown format or a file
that does not load where one was required.
"""

from __future__ import annotations

import argparse
import datetime
import json
import os
import sys
from collections.abc import Sequence
from typing import TextIO

from . import _cli_schedule, _cli_sessions, _core
from ._agenda import plan_agenda, validate
from ._catalog import Catalog, catalog_row
from ._documents import Format, QuestionSet, Variant, load
from ._errors import Error

__all__ = ["main"]

_CATALOG_COLUMNS = ("id", "version", "title", "duration", "cadence", "steps")


class _UsageError(Exception):
    """A bad argument: reported on stderr with exit code 2."""


def _lang_argument(value: str) -> _core.Lang:
    lang = _core.parse_lang(value)
    if lang is None:
        raise argparse.ArgumentTypeError(
            f'unknown language "{value}"; expected "da" or "en"'
        )
    return lang


def _positive(value: str) -> int:
    try:
        n = int(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f'"{value}" is not a whole number') from None
    if n < 1:
        raise argparse.ArgumentTypeError(
            f"{n} is not a positive number of participants"
        )
    return n


def _start_argument(value: str) -> datetime.datetime:
    try:
        start = datetime.datetime.fromisoformat(value)
    except ValueError:
        raise argparse.ArgumentTypeError(
            f'"{value}" is not a date and time such as 2026-03-04T14:00'
        ) from None
    if start.tzinfo is not None:
        raise argparse.ArgumentTypeError(
            "give the local wall-clock time, without a time zone"
        )
    return start


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="carelearn",
        description="Learning formats of Danish municipal health and social care.",
    )
    parser.add_argument(
        "--version", action="version", version=f"carelearn {_core.__version__}"
    )
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    catalog = commands.add_parser(
        "catalog",
        help="list the built-in formats",
        description="List the built-in formats: id, version, title, duration, cadence, steps.",
    )
    catalog.add_argument(
        "--lang", type=_lang_argument, default=_core.Lang.EN, help="da or en"
    )
    catalog.add_argument(
        "--json", action="store_true", help="print JSON instead of a table"
    )

    agenda = commands.add_parser(
        "agenda",
        help="plan a format and print its agenda",
        description="Plan a format for a number of people and print its agenda, then what "
        "validation found (an overrun is information: the exit code is still 0).",
    )
    agenda.add_argument("format", metavar="FORMAT_ID_OR_FILE")
    agenda.add_argument(
        "--participants", "-n", type=_positive, required=True, metavar="N"
    )
    agenda.add_argument(
        "--start",
        type=_start_argument,
        default=None,
        metavar="WHEN",
        help="start, e.g. 2026-03-04T14:00 (default: the next quarter hour)",
    )
    agenda.add_argument(
        "--lang", type=_lang_argument, default=_core.Lang.EN, help="da or en"
    )
    agenda.add_argument("--markdown", action="store_true", help="print Markdown")

    check = commands.add_parser(
        "validate",
        help="check format and variant files",
        description="Check each file and print what is found, one finding per line. "
        "Exit code 1 when any file has an error or does not load.",
    )
    check.add_argument("files", nargs="+", metavar="FILE")
    check.add_argument(
        "--participants", "-n", type=_positive, default=None, metavar="N"
    )
    check.add_argument(
        "--lang", type=_lang_argument, default=_core.Lang.EN, help="da or en"
    )
    _cli_schedule.add_parsers(commands)
    _cli_sessions.add_commands(commands)
    return parser


def _print_table(rows: list[dict[str, object]], out: TextIO) -> None:
    cells = [[str(row[c]) for c in _CATALOG_COLUMNS] for row in rows]
    widths = [len(c) for c in _CATALOG_COLUMNS]
    for line in cells:
        widths = [max(w, len(cell)) for w, cell in zip(widths, line, strict=True)]
    print(
        "  ".join(
            c.ljust(w) for c, w in zip(_CATALOG_COLUMNS, widths, strict=True)
        ).rstrip(),
        file=out,
    )
    for line in cells:
        print(
            "  ".join(c.ljust(w) for c, w in zip(line, widths, strict=True)).rstrip(),
            file=out,
        )


def _catalog(args: argparse.Namespace) -> int:
    rows = [catalog_row(f, args.lang) for f in Catalog.builtin()]
    if args.json:
        data = [{c: row[c] for c in _CATALOG_COLUMNS} for row in rows]
        print(json.dumps(data, ensure_ascii=False, indent=2))
    else:
        _print_table(rows, sys.stdout)
    return 0


def _resolve(document: Format | Variant | QuestionSet, catalog: Catalog) -> Format:
    if isinstance(document, Format):
        return document
    if isinstance(document, Variant):
        from ._documents import apply_variant

        base = catalog.find(document.extends)
        if base is None:
            ref = document.extends
            version = f" version {ref.version}" if ref.version is not None else ""
            raise _UsageError(
                f'variant "{document.id}" extends "{ref.id}"{version}, '
                "which is not in the built-in catalog"
            )
        return apply_variant(base, document)
    raise _UsageError(f'"{document.id}" is a question set, not a format')


def _agenda(args: argparse.Namespace) -> int:
    catalog = Catalog.builtin()
    name: str = args.format
    if os.path.exists(name) or name.endswith(".json"):
        try:
            fmt = _resolve(load(name), catalog)
        except Error as error:
            raise _UsageError(str(error)) from None
    else:
        found = catalog.find(name)
        if found is None:
            known = ", ".join(f.id for f in catalog)
            raise _UsageError(
                f'unknown format "{name}"; the built-in formats are: {known}'
            )
        fmt = found
    try:
        agenda = plan_agenda(fmt, args.participants, args.start, catalog=catalog)
    except Error as error:
        raise _UsageError(str(error)) from None
    sys.stdout.write(agenda.render(args.lang, markdown=args.markdown))
    return 0


def _validate(args: argparse.Namespace) -> int:
    catalog = Catalog.builtin()
    failed = False
    for path in args.files:
        try:
            document = load(path)
            if isinstance(document, QuestionSet):
                print(f"{path}: ok (question set)")
                continue
            fmt = (
                _resolve(document, catalog)
                if isinstance(document, Variant)
                else document
            )
        except Error as error:
            # The loader's message already starts with "path:line:column: pointer: ".
            print(str(error))
            failed = True
            continue
        except _UsageError as error:
            print(f"{path}: {error}")
            failed = True
            continue
        found = validate(fmt, participants=args.participants, catalog=catalog)
        if not found:
            print(f"{path}: ok")
        for d in found:
            print(f"{path}: {_core.format_diagnostic(d, args.lang)}")
        failed = failed or _core.has_errors(found)
    return 1 if failed else 0


def main(argv: Sequence[str] | None = None) -> int:
    """Runs the command line with ``argv`` (default: ``sys.argv[1:]``); returns the exit code."""
    parser = _parser()
    args = parser.parse_args(argv)
    commands = {"catalog": _catalog, "agenda": _agenda, "validate": _validate}
    commands.update(_cli_schedule.COMMANDS)
    commands.update(_cli_sessions.COMMANDS)
    try:
        return commands[args.command](args)
    except _UsageError as error:
        print(f"carelearn {args.command}: {error}", file=sys.stderr)
        return 2
    except BrokenPipeError:
        # Output piped into e.g. `head`, which stopped reading: not an error.
        sys.stderr.close()
        return 0
