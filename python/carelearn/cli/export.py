"""``carelearn export SOURCE --to fhir|xapi|parquet|ics``: carelearn's data in
the formats other systems read.

- ``--to fhir``: a format (a built-in id, or a format or variant file) as a
  FHIR R4 PlanDefinition, a question set (a built-in id or a file) as a
  Questionnaire; JSON to ``--out`` or standard output.
- ``--to xapi``: the sessions of a store or a ``"session/1"`` JSON Lines file
  as xAPI 1.0.3 statements, into a file (a JSON array) or posted to a
  Learning Record Store (``--lrs URL --credentials FILE``) in batches, with
  retries and a resumable ``--cursor``.
- ``--to parquet``: the sessions of a store or a JSON Lines file as the nine
  session tables, one Parquet file each in the folder ``--out``, or
  partitioned by year.
- ``--to ics``: a programme as an iCalendar file.

Exit codes: 0 success; 2 a bad argument, a source that does not load or is of
the wrong kind for ``--to``, an output that exists or cannot be written, an
LRS that refuses; one line on standard error naming the cause.
"""

from __future__ import annotations

import argparse
import datetime
import json
import os
import stat
import sys
from typing import Any, TextIO

from .. import _core, fhir, xapi
from .._arguments import clipped
from .._catalog import Catalog
from .._documents import Format, QuestionSet, Variant, load
from .._errors import Error
from .._record import read_sessions
from .._schedule import Programme
from .._store import Store
from .._tables import read_tables
from ._common import UsageError, day, lang
from .sessions import _stored_catalog

__all__ = ["TARGETS", "add_parsers"]

TARGETS = ("fhir", "xapi", "parquet", "ics")
"""What ``--to`` takes."""

_SQLITE = b"SQLite format 3\x00"

# Which options belong to which target: an option given for another is a mistake.
_OPTIONS: dict[str, tuple[str, ...]] = {
    "status": ("fhir",),
    "home_page": ("xapi",),
    "include_text": ("xapi",),
    "lrs": ("xapi",),
    "credentials": ("xapi",),
    "cursor": ("xapi",),
    "batch_size": ("xapi",),
    "retries": ("xapi",),
    "timeout": ("xapi",),
    "partition_by": ("parquet",),
    "free_text": ("parquet",),
    "confidential_text": ("parquet",),
    "on_error": ("parquet",),
    "overwrite": ("parquet",),
    "start": ("ics",),
    "end": ("ics",),
    "expanded": ("ics",),
    "lang": ("ics",),
}


def _positive(value: str) -> int:
    try:
        n = int(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f'"{clipped(value)}" is not a whole number') from None
    if not 1 <= n <= 100_000:
        raise argparse.ArgumentTypeError(f"{clipped(value)} is not from 1 to 100000")
    return n


def _retries(value: str) -> int:
    try:
        n = int(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f'"{clipped(value)}" is not a whole number') from None
    if not 0 <= n <= 20:
        raise argparse.ArgumentTypeError(f"{clipped(value)} is not from 0 to 20")
    return n


def _seconds(value: str) -> float:
    try:
        n = float(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f'"{clipped(value)}" is not a number of seconds') from None
    if not 0.1 <= n <= 3600:  # also refuses nan
        raise argparse.ArgumentTypeError(f"{clipped(value)} is not from 0.1 to 3600 seconds")
    return n


def _url(value: str) -> str:
    if not value.startswith(("http://", "https://")) or len(value) < 10 or " " in value:
        raise argparse.ArgumentTypeError(
            f'"{clipped(value)}" is not an http(s) URL such as https://lrs.example/xAPI/'
        )
    return value


def add_parsers(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Adds ``export`` to ``commands``."""
    export = commands.add_parser(
        "export",
        help="export a format, sessions or a programme as FHIR, xAPI, Parquet or iCalendar",
        description="Export SOURCE for another system: --to fhir a format or question set "
        "(a built-in id or a file) as a FHIR R4 PlanDefinition or Questionnaire; --to xapi "
        "the sessions of a store or a session/1 JSON Lines file as xAPI 1.0.3 statements, "
        "into a file or posted to a Learning Record Store; --to parquet the same sessions as "
        "the session tables in Parquet; --to ics a programme as iCalendar.",
    )
    export.add_argument(
        "source",
        metavar="SOURCE",
        help="a built-in format or question-set id, or a format, variant, question-set, "
        "programme, store or JSON Lines file",
    )
    export.add_argument("--to", required=True, choices=TARGETS, help="what to export as")
    export.add_argument(
        "--out",
        metavar="PATH",
        default=None,
        help="the file to write (- or none: standard output; for xapi a new file); "
        "for parquet the folder, required",
    )
    fhir_options = export.add_argument_group("--to fhir")
    fhir_options.add_argument(
        "--status",
        choices=("draft", "active", "retired", "unknown"),
        default=None,
        help="the resource's publication status (default: active)",
    )
    x = export.add_argument_group("--to xapi")
    x.add_argument(
        "--home-page",
        metavar="IRI",
        default=None,
        help="the IRI of the system whose pseudonyms the participants' ids are (required)",
    )
    x.add_argument(
        "--include-text", action="store_true", help="include the wording of proposed actions"
    )
    x.add_argument("--lrs", type=_url, metavar="URL", default=None, help="post to this LRS's xAPI base")
    x.add_argument(
        "--credentials",
        metavar="FILE",
        default=None,
        help='with --lrs: a JSON file {"username": ..., "password": ...} or {"token": ...}',
    )
    x.add_argument(
        "--cursor",
        metavar="FILE",
        default=None,
        help="with --lrs: where the progress is kept, so that an interrupted export resumes",
    )
    x.add_argument("--batch-size", type=_positive, default=None, metavar="N", help="default 100")
    x.add_argument("--retries", type=_retries, default=None, metavar="N", help="default 5")
    x.add_argument("--timeout", type=_seconds, default=None, metavar="SECONDS", help="default 30")
    p = export.add_argument_group("--to parquet")
    p.add_argument(
        "--partition-by",
        choices=("year",),
        default=None,
        help="a dataset folder per table, partitioned by the year of the planned start",
    )
    p.add_argument("--free-text", action="store_true", help="include free text")
    p.add_argument(
        "--confidential-text",
        action="store_true",
        help="with --free-text: include the text of confidential items too",
    )
    p.add_argument(
        "--on-error",
        choices=("raise", "skip"),
        default=None,
        help="a bad line in a JSON Lines file: stop (raise, the default) or skip it",
    )
    p.add_argument(
        "--overwrite", action="store_true", help="replace a folder of carelearn's tables"
    )
    i = export.add_argument_group("--to ics")
    i.add_argument(
        "--from",
        dest="start",
        type=day,
        default=None,
        metavar="DATE",
        help="first day (default: the programme's first start)",
    )
    i.add_argument(
        "--until",
        dest="end",
        type=day,
        default=None,
        metavar="DATE",
        help="the day after the last (default: a year after --from)",
    )
    i.add_argument(
        "--expanded", action="store_true", help="one event per occurrence, not one per series"
    )
    i.add_argument("--lang", type=lang, default=None, help="da or en (default: da)")
    export.set_defaults(handler=_export)


def _check_options(args: argparse.Namespace) -> None:
    defaults = {"include_text": False, "free_text": False, "confidential_text": False,
                "overwrite": False, "expanded": False}
    for option, targets in _OPTIONS.items():
        value = getattr(args, option)
        if value is None or value is defaults.get(option):
            continue
        if args.to not in targets:
            flag = {"start": "from", "end": "until"}.get(option, option).replace("_", "-")
            raise UsageError(f"--{flag} applies to --to {targets[0]}, not --to {args.to}")


def _is_store(path: str) -> bool:
    try:
        with open(path, "rb") as f:
            return f.read(len(_SQLITE)) == _SQLITE
    except OSError:
        return False


def _existing(path: str) -> str:
    if path == "-":
        raise UsageError("SOURCE: export reads a file, not standard input")
    if not os.path.exists(path):
        raise UsageError(f"{clipped(path, 200)}: no such file")
    if os.path.isdir(path):
        raise UsageError(f"{path}: is a folder, not a file")
    return path


def _open_store(path: str) -> Store:
    try:
        return Store(path, create=False, read_only=True)
    except Error as error:
        raise UsageError(str(error)) from None


def _export(args: argparse.Namespace) -> int:
    _check_options(args)
    handler = {"fhir": _fhir, "xapi": _xapi, "parquet": _parquet, "ics": _ics}[args.to]
    try:
        return handler(args)
    except Error as error:
        # One line, whatever the cause brought (an LRS's answer may hold line breaks).
        raise UsageError(" ".join(str(error).split())) from None


# --- fhir ---------------------------------------------------------------------------------


def _fhir_resource(name: str, status: str) -> tuple[dict[str, Any], str]:
    """The resource of the format or question set ``name`` names, and what it is."""
    catalog = Catalog.builtin()
    if os.path.exists(name) or name.endswith(".json"):
        _existing(name)
        if _is_store(name):
            raise UsageError(
                f"{name}: is a store of sessions; --to fhir exports a format or a question set"
            )
        document = load(name)
        if isinstance(document, QuestionSet):
            return fhir.to_questionnaire(document, status=status), "Questionnaire"
        if isinstance(document, (Format, Variant)):
            return fhir.to_plan_definition(document, status=status, catalog=catalog), "PlanDefinition"
        kind = type(document).__name__.lower()
        raise UsageError(
            f"{name}: is a {kind}; --to fhir exports a format, a variant or a question set"
        )
    found = catalog.find(name)
    if found is not None:
        return fhir.to_plan_definition(found, status=status, catalog=catalog), "PlanDefinition"
    questions = catalog.find_question_set(name)
    if questions is not None:
        return fhir.to_questionnaire(questions, status=status), "Questionnaire"
    formats = ", ".join(f.id for f in catalog)
    sets = ", ".join(q.id for q in catalog.question_sets())
    raise UsageError(
        f'unknown format or question set "{clipped(name)}"; the built-in formats are: '
        f"{formats}; the question sets: {sets}"
    )


def _fhir(args: argparse.Namespace) -> int:
    resource, kind = _fhir_resource(args.source, args.status or "active")
    text = json.dumps(resource, ensure_ascii=False, indent=2) + "\n"
    where = _write_text(args.out, text, private=False)
    print(f"wrote the {kind} {resource.get('url', '')} to {where}", file=sys.stderr)
    return 0


# --- output -------------------------------------------------------------------------------


def _write_text(out: str | None, text: str, *, private: bool, newline: str | None = None) -> str:
    """Writes ``text`` to ``out`` (None or -: standard output); a private file
    must be new and is made readable by its owner only."""
    if out is None or out == "-":
        sys.stdout.write(text)
        sys.stdout.flush()
        return "standard output"
    if private:
        try:
            fd = os.open(out, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        except FileExistsError:
            raise UsageError(f"--out {out}: exists; choose a new file") from None
        stream: TextIO = os.fdopen(fd, "w", encoding="utf-8", newline=newline)
    else:
        stream = open(out, "w", encoding="utf-8", newline=newline)  # noqa: SIM115
    with stream:
        stream.write(text)
    return out


# --- sessions: xapi and parquet -----------------------------------------------------------


def _sessions(path: str) -> tuple[list[_core.Session], Catalog]:
    """The sessions of the store or JSON Lines file at ``path``, and the
    catalog that names their formats."""
    _existing(path)
    if _is_store(path):
        with _open_store(path) as store:
            return list(store.sessions()), _stored_catalog(store)
    _not_a_document(path, "xapi")
    return list(read_sessions(path)), Catalog.builtin()


def _not_a_document(path: str, target: str) -> None:
    """Refuses an indented JSON document (a format, a programme) given where
    sessions belong: its first line is a lone ``{``, never a whole record."""
    try:
        with open(path, "rb") as f:
            first = f.readline(4096).strip()
    except OSError:
        return  # the reader says why it cannot be read
    if first == b"{":
        raise UsageError(
            f"{path}: is a JSON document, not JSON Lines; --to {target} exports the "
            "sessions of a store or a session/1 JSON Lines file"
        )


def _credentials_warning(path: str) -> None:
    try:
        mode = os.stat(path).st_mode
    except OSError:
        return  # the post says why it cannot be read
    if mode & (stat.S_IRWXG | stat.S_IRWXO):
        print(
            f"carelearn export: warning: the credentials file {path} can be read by others "
            f"(mode {stat.S_IMODE(mode):o}); keep it readable by its owner only (chmod 600)",
            file=sys.stderr,
        )


def _xapi(args: argparse.Namespace) -> int:
    if args.home_page is None:
        raise UsageError(
            "--to xapi needs --home-page IRI: the system whose pseudonyms the participants' "
            "ids are, e.g. https://pseudonyms.example-kommune.dk"
        )
    if args.lrs is None:
        for option in ("credentials", "cursor", "batch_size", "retries", "timeout"):
            if getattr(args, option) is not None:
                raise UsageError(f"--{option.replace('_', '-')} applies to posting: give --lrs URL")
    elif args.credentials is None:
        raise UsageError(
            "--lrs needs --credentials FILE: the LRS's user, never given on the command line"
        )
    elif args.out is not None:
        raise UsageError("give --out FILE or --lrs URL, not both")
    sessions, catalog = _sessions(args.source)
    statements = xapi.statements(
        sessions, home_page=args.home_page, include_text=args.include_text, catalog=catalog
    )
    if args.lrs is None:
        lines = ",\n".join(json.dumps(s, ensure_ascii=False) for s in statements)
        where = _write_text(args.out, f"[\n{lines}\n]\n" if statements else "[]\n", private=True)
        print(
            f"wrote {len(statements)} statements of {len(sessions)} sessions to {where}",
            file=sys.stderr,
        )
        return 0
    _credentials_warning(args.credentials)
    result = xapi.post(
        statements,
        args.lrs,
        auth=args.credentials,
        batch_size=args.batch_size or 100,
        retries=5 if args.retries is None else args.retries,
        timeout=args.timeout or 30.0,
        cursor_path=args.cursor,
    )
    resumed = (
        f", resuming after the {result.resumed_from} the cursor had" if result.resumed_from else ""
    )
    print(
        f"posted {result.posted} statements of {len(sessions)} sessions to {args.lrs}: "
        f"{result.stored} new{resumed}",
        file=sys.stderr,
    )
    return 0


def _parquet(args: argparse.Namespace) -> int:
    if args.out is None or args.out == "-":
        raise UsageError("--to parquet needs --out FOLDER: the tables are files in a folder")
    if args.confidential_text and not args.free_text:
        raise UsageError("--confidential-text needs --free-text: confidential text is free text")
    source = _existing(args.source)
    options: dict[str, Any] = {
        "free_text": args.free_text,
        "confidential_text": args.confidential_text,
        "on_error": args.on_error or "raise",
    }
    if _is_store(source):
        if args.on_error is not None:
            raise UsageError("--on-error applies to a JSON Lines file; a store has no bad lines")
        with _open_store(source) as store:
            tables = read_tables(store._store, **options)  # noqa: SLF001 - the C++ store it wraps
    else:
        _not_a_document(source, "parquet")
        tables = read_tables(source, **options)
    folder = tables.to_parquet(
        args.out, partition_by=args.partition_by, overwrite=args.overwrite
    )
    skipped = tables.skipped_columns()
    if skipped[0]:
        print(
            f"carelearn export: warning: skipped {len(skipped[0])} bad lines; the first: "
            f"{' '.join(skipped[2][0].split())}",
            file=sys.stderr,
        )
    layout = "partitioned by year" if args.partition_by else "one file per table"
    print(
        f"wrote the tables of {len(tables)} sessions to {folder} ({layout})", file=sys.stderr
    )
    return 0


# --- ics ----------------------------------------------------------------------------------


def _window(programme: Programme, args: argparse.Namespace) -> tuple[datetime.date, datetime.date]:
    from .schedule import _window as window

    return window(programme, argparse.Namespace(start=args.start, end=args.end, programme=args.source))


def _ics(args: argparse.Namespace) -> int:
    source = _existing(args.source)
    if _is_store(source):
        raise UsageError(f"{source}: is a store of sessions; --to ics exports a programme")
    programme = Programme.load(source)
    start, end = _window(programme, args)
    text = programme.to_ics(
        expanded=args.expanded, start=start, end=end, lang=args.lang or _core.Lang.DA
    )
    where = _write_text(args.out, text, private=False, newline="")
    print(f"wrote {text.count('BEGIN:VEVENT')} events to {where}", file=sys.stderr)
    return 0
