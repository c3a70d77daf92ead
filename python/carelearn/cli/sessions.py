"""``carelearn sessions list``, ``export`` and ``import``: the sessions kept in
a store.

``list`` prints the stored sessions a query selects (and with ``--check``
holds each up against its format); ``export`` writes them as ``"session/1"``
JSON Lines (confidential text left out unless asked; for evaluators without
free text or direct identifiers); ``import`` reads JSON Lines into the store
in one transaction: all of it, or on an error nothing.

Exit codes: 0 success; 1 ``list --check`` found an error; 2 bad input: a bad
argument, a store or a file that cannot be read, a line that does not load.
"""

from __future__ import annotations

import argparse
import os
import sys

from .. import _core
from .._catalog import Catalog
from .._documents import Format
from .._errors import Error
from .._record import Session
from .._store import Store
from .._time import COPENHAGEN
from ._common import UsageError, key_file, lang, print_table, when

__all__ = ["add_parsers"]

_COLUMNS = (
    "id",
    "planned",
    "unit",
    "format",
    "status",
    "participants",
    "learning_points",
    "actions",
)


def add_parsers(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Adds ``sessions`` with its subcommands ``list``, ``export`` and ``import``."""
    sessions = commands.add_parser(
        "sessions",
        help="list, check, export and import stored sessions",
        description="The sessions kept in a store: list (and check) what a query "
        "selects, export it as JSON Lines, or import JSON Lines.",
    )
    actions = sessions.add_subparsers(dest="action", required=True, metavar="ACTION")

    listing = actions.add_parser(
        "list",
        help="list the sessions a query selects",
        description="List the stored sessions a query selects, one per line; with --check "
        "hold each up against its format (exit code 1 on an error).",
    )
    _store_argument(listing)
    _query_arguments(listing)
    listing.add_argument(
        "--check",
        action="store_true",
        help="check each session against its format; exit code 1 on an error",
    )
    listing.add_argument("--lang", type=lang, default=_core.Lang.EN, help="da or en")
    listing.set_defaults(handler=_list)

    export = actions.add_parser(
        "export",
        help="write the sessions a query selects as JSON Lines",
        description="Write the stored sessions a query selects to OUT (a new file, readable "
        "by its owner only; - for standard output) as session/1 JSON Lines. Confidential "
        "text is left out unless --include-confidential; --evaluator leaves out all free "
        "text and direct identifiers and re-pseudonymises the ids with the evaluation's "
        "--key-file.",
    )
    _store_argument(export)
    export.add_argument("out", metavar="OUT", help="the file to write; - for standard output")
    _query_arguments(export)
    export.add_argument(
        "--include-confidential",
        action="store_true",
        help="include the text of confidential items",
    )
    export.add_argument(
        "--evaluator",
        action="store_true",
        help="no free text, no direct identifiers (needs --key-file)",
    )
    export.add_argument(
        "--key-file", metavar="FILE", help="with --evaluator: the evaluation's own key"
    )
    export.add_argument(
        "--manifest",
        metavar="FILE",
        help="with OUT -: where the export's manifest goes (needed with --evaluator); "
        "a file export gets OUT.manifest.json beside it",
    )
    export.set_defaults(handler=_export)

    imports = actions.add_parser(
        "import",
        help="read JSON Lines into the store, all or nothing",
        description="Read the session/1 JSON Lines of IN (- for standard input) into the "
        "store (created when missing) in one transaction: all of it, or on an error "
        "nothing, with the error naming the line.",
    )
    _store_argument(imports)
    imports.add_argument("input", metavar="IN", help="the file to read; - for standard input")
    imports.add_argument(
        "--on-conflict",
        choices=("fail", "skip", "replace"),
        default="fail",
        help="a session already stored: stop (fail, the default), keep it (skip) or "
        "replace it",
    )
    imports.add_argument(
        "--allow-redacted",
        action="store_true",
        help="accept lines an export redacted (their text is then gone from the store)",
    )
    imports.add_argument(
        "--bulk",
        action="store_true",
        help="faster, with one fsync at the end: for data that can be loaded again",
    )
    imports.set_defaults(handler=_import)


def _store_argument(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--store", required=True, metavar="FILE", help="the SQLite store")


def _query_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--unit", default=None, help="held by this unit")
    parser.add_argument("--format", default=None, metavar="ID", help="of this format")
    parser.add_argument(
        "--from",
        dest="start",
        type=when,
        default=None,
        metavar="WHEN",
        help="planned to start at or after, e.g. 2026-03-01 (Copenhagen time)",
    )
    parser.add_argument(
        "--to",
        dest="end",
        type=when,
        default=None,
        metavar="WHEN",
        help="planned to start before, e.g. 2026-04-01",
    )
    parser.add_argument("--status", choices=("held", "cancelled"), default=None)
    parser.add_argument(
        "--action-status",
        choices=("open", "in-progress", "done", "dropped"),
        default=None,
        help="with at least one action whose status is this",
    )


def _query(args: argparse.Namespace) -> dict[str, object]:
    return {
        "unit": args.unit,
        "format": args.format,
        "start": args.start,
        "end": args.end,
        "status": args.status,
        "action_status": args.action_status,
    }


def _open(path: str, *, read_only: bool) -> Store:
    """The existing store at ``path``."""
    if not os.path.exists(path):
        raise UsageError(f"--store {path}: no such file")
    try:
        return Store(path, create=False, read_only=read_only)
    except Error as error:
        raise UsageError(f"--store {error}") from None


def _stored_catalog(store: Store) -> Catalog:
    """The built-in catalog with the formats kept in ``store``."""
    catalog = Catalog.builtin()
    for stored in store.formats():
        if catalog.find(stored.id, stored.version) is None:
            catalog.add(Format.from_json(stored.json, source_name=f"{store.path}:{stored.id}"))
    return catalog


def _label(value: str) -> str:
    """A unit as a listing shows it: masked when the identifier linter finds something in it."""
    return _core.masked_id(value) if _core.find_identifiers(value) else value


def _row(s: Session) -> list[str]:
    # Ids and units are masked where they look like direct identifiers: a
    # listing is read over shoulders and pasted into tickets.
    return [
        _core.masked_id(s.id),
        s.planned_start.astimezone(COPENHAGEN).strftime("%Y-%m-%d %H:%M"),
        _label(s.unit) or "-",
        f"{s.format_id} v{s.format_version}",
        _core.session_status_name(s.status()),
        str(len(s.participants)),
        str(len(s.learning_points)),
        str(len(s.actions)),
    ]


def _list(args: argparse.Namespace) -> int:
    with _open(args.store, read_only=True) as store:
        found = store.sessions(**_query(args))  # type: ignore[arg-type]
        print_table(_COLUMNS, [_row(s) for s in found], sys.stdout)
        if not args.check:
            return 0
        failed = False
        catalog = _stored_catalog(store)
        for s in found:
            try:
                diagnostics = s.check(catalog=catalog)
            except Error as error:
                print(f"{_core.masked_id(s.id)}: {error}")
                failed = True
                continue
            for d in diagnostics:
                print(f"{_core.masked_id(s.id)}: {_core.format_diagnostic(d, args.lang)}")
            failed = failed or _core.has_errors(diagnostics)
        return 1 if failed else 0


def _export(args: argparse.Namespace) -> int:
    if args.evaluator and args.include_confidential:
        raise UsageError(
            "--include-confidential cannot be combined with --evaluator: "
            "evaluators never get confidential text"
        )
    if args.evaluator and args.key_file is None:
        raise UsageError(
            "--evaluator needs --key-file: the evaluation's own key, so that the "
            "export cannot be joined back to the store by id"
        )
    if args.key_file is not None and not args.evaluator:
        raise UsageError("--key-file is the evaluation's key: give it with --evaluator")
    if args.out == "-" and args.evaluator and args.manifest is None:
        raise UsageError(
            "--evaluator to standard output needs --manifest FILE: the export's manifest "
            "(what was removed and the key's fingerprint) goes there"
        )
    if args.out != "-" and args.manifest is not None:
        raise UsageError(
            f"--manifest is for an export to standard output; {args.out} gets its "
            f"manifest beside it"
        )
    key = key_file(args.key_file, "sessions export")
    with _open(args.store, read_only=True) as store:
        try:
            count = store.export_sessions(
                sys.stdout if args.out == "-" else args.out,
                include_confidential=args.include_confidential,
                evaluator=args.evaluator,
                pseudonymiser=key,
                manifest=args.manifest,
                **_query(args),  # type: ignore[arg-type]
            )
        except Error as error:
            raise UsageError(str(error)) from None
    where = "standard output" if args.out == "-" else args.out
    print(f"exported {count} sessions to {where}", file=sys.stderr)
    return 0


def _import(args: argparse.Namespace) -> int:
    if args.input != "-" and not os.path.isfile(args.input):
        raise UsageError(f"{args.input}: no such file")
    try:
        store = Store(args.store)
    except Error as error:
        raise UsageError(f"--store {error}") from None
    with store:
        try:
            result = store.import_sessions(
                sys.stdin.buffer if args.input == "-" else args.input,
                on_conflict=args.on_conflict,
                allow_redacted=args.allow_redacted,
                bulk=args.bulk,
            )
        except Error as error:
            raise UsageError(f"{error}; nothing was imported") from None
    for finding in result.findings:
        # The identifier linter's warnings: the field and the kind, never the value.
        print(
            f"{args.input}:{finding.line}: "
            f"{_core.format_diagnostic(finding.diagnostic, _core.Lang.EN)}",
            file=sys.stderr,
        )
    skipped = f" ({result.skipped} already there, skipped)" if result.skipped else ""
    print(f"imported {result.imported} sessions into {args.store}{skipped}", file=sys.stderr)
    return 0
