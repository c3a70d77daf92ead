"""``carelearn catalog``, ``carelearn agenda`` and ``carelearn validate``: the
built-in formats, a format planned as an agenda, and format files checked.

Exit codes: 0 success (an overrun in an agenda is information, not a
failure); 1 ``validate`` found an error; 2 a bad argument, an unknown format
or a file that does not load where one was required.
"""

from __future__ import annotations

import argparse
import json
import sys

from .. import _core
from .._agenda import plan_agenda, validate
from .._catalog import Catalog, catalog_row
from .._documents import QuestionSet, Variant, load
from .._errors import Error
from ._common import UsageError, count, format_named, lang, print_table, start

__all__ = ["add_parsers"]

_CATALOG_COLUMNS = ("id", "version", "title", "duration", "cadence", "steps")


def add_parsers(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Adds ``catalog``, ``agenda`` and ``validate`` to ``commands``."""
    catalog = commands.add_parser(
        "catalog",
        help="list the built-in formats",
        description="List the built-in formats: id, version, title, duration, cadence, steps.",
    )
    catalog.add_argument("--lang", type=lang, default=_core.Lang.EN, help="da or en")
    catalog.add_argument("--json", action="store_true", help="print JSON instead of a table")
    catalog.set_defaults(handler=_catalog)

    agenda = commands.add_parser(
        "agenda",
        help="plan a format and print its agenda",
        description="Plan a format for a number of people and print its agenda, then what "
        "validation found (an overrun is information: the exit code is still 0).",
    )
    agenda.add_argument("format", metavar="FORMAT_ID_OR_FILE")
    agenda.add_argument("--participants", "-n", type=count, required=True, metavar="N")
    agenda.add_argument(
        "--start",
        type=start,
        default=None,
        metavar="WHEN",
        help="start, e.g. 2026-03-04T14:00 (default: the next quarter hour)",
    )
    agenda.add_argument("--lang", type=lang, default=_core.Lang.EN, help="da or en")
    agenda.add_argument("--markdown", action="store_true", help="print Markdown")
    agenda.set_defaults(handler=_agenda)

    check = commands.add_parser(
        "validate",
        help="check format and variant files, and session JSON Lines files",
        description="Check each file and print what is found, one finding per line. "
        "A .jsonl file is read as held sessions: each is validated, checked against its "
        "format and read by the identifier linter, whose findings (a name, a CPR number, "
        "an e-mail address or a phone number in an id or a text) are warnings. "
        "Exit code 1 when any file has an error or does not load, or, with --strict, "
        "when the identifier linter finds anything.",
    )
    check.add_argument("files", nargs="+", metavar="FILE")
    check.add_argument(
        "--strict",
        action="store_true",
        help="the identifier linter's findings in sessions are errors",
    )
    check.add_argument("--participants", "-n", type=count, default=None, metavar="N")
    check.add_argument("--lang", type=lang, default=_core.Lang.EN, help="da or en")
    check.set_defaults(handler=_validate)


def _catalog(args: argparse.Namespace) -> int:
    rows = [catalog_row(f, args.lang) for f in Catalog.builtin()]
    if args.json:
        data = [{c: row[c] for c in _CATALOG_COLUMNS} for row in rows]
        print(json.dumps(data, ensure_ascii=False, indent=2))
    else:
        print_table(
            _CATALOG_COLUMNS, [[str(row[c]) for c in _CATALOG_COLUMNS] for row in rows], sys.stdout
        )
    return 0


def _agenda(args: argparse.Namespace) -> int:
    catalog = Catalog.builtin()
    fmt, _ = format_named(args.format, catalog)
    try:
        agenda = plan_agenda(fmt, args.participants, args.start, catalog=catalog)
    except Error as error:
        raise UsageError(str(error)) from None
    sys.stdout.write(agenda.render(args.lang, markdown=args.markdown))
    return 0


def _validate(args: argparse.Namespace) -> int:
    catalog = Catalog.builtin()
    failed = False
    for path in args.files:
        if path.endswith(".jsonl"):
            failed = _validate_sessions(path, catalog, args) or failed
            continue
        try:
            document = load(path)
            if isinstance(document, QuestionSet):
                print(f"{path}: ok (question set)")
                continue
            fmt = format_named(path, catalog)[0] if isinstance(document, Variant) else document
        except Error as error:
            # The loader's message already starts with "path:line:column: pointer: ".
            print(str(error))
            failed = True
            continue
        except UsageError as error:
            print(error if str(error).startswith(f"{path}:") else f"{path}: {error}")
            failed = True
            continue
        assert isinstance(fmt, _core.Format)
        found = validate(fmt, participants=args.participants, catalog=catalog)
        if not found:
            print(f"{path}: ok")
        for d in found:
            print(f"{path}: {_core.format_diagnostic(d, args.lang)}")
        failed = failed or _core.has_errors(found)
    return 1 if failed else 0


def _validate_sessions(path: str, catalog: Catalog, args: argparse.Namespace) -> bool:
    """Validates the sessions of the JSON Lines file ``path``; True when it failed."""
    from .._record import read_sessions

    try:
        sessions = read_sessions(path)
    except Error as error:
        print(str(error))
        return True
    failed = False
    found_any = False
    for number, session in enumerate(sessions, start=1):
        where = f"{path}: session {number} (\"{_core.masked_id(session.id)}\")"
        found: list[_core.Diagnostic] = list(_core.lint_session(session))
        if args.strict:
            for d in found:
                d.severity = _core.Severity.ERROR
        try:
            found += session.check(catalog=catalog)
        except Error as error:
            print(f"{where}: {error}")
        for d in found:
            found_any = True
            print(f"{where}: {_core.format_diagnostic(d, args.lang)}")
        failed = failed or _core.has_errors(found)
    if not found_any:
        print(f"{path}: ok ({len(sessions)} sessions)")
    return failed
