"""The command line: ``carelearn catalog``, ``agenda``, ``validate``,
``schedule``, ``holidays``, ``run``, ``sessions list|export|import``,
``export``, ``simulate`` and ``report``.

One module per group of subcommands: :mod:`.formats` (catalog, agenda,
validate), :mod:`.schedule` (schedule, holidays), :mod:`.run`,
:mod:`.sessions`, :mod:`.export`, :mod:`.simulate` and :mod:`.report`; what
they share is in ``_common``.

Data goes to standard output, messages to standard error. A mistake of the
user's -- a bad argument, a file that does not load, a format that is not
there -- is one line on standard error naming the cause, never a traceback.
Exit codes: 0 success (an overrun in an agenda or a conflict in a programme is
information, not a failure); 1 findings, such as ``validate`` finding an
error; 2 a mistake.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence

from .. import _core
from .._errors import Error
from . import export, formats, report, run, schedule, sessions, simulate
from ._common import Handler, Parser, UsageError

__all__ = ["commands", "main", "parser"]

_GROUPS = (formats, schedule, run, sessions, export, simulate, report)


def parser() -> argparse.ArgumentParser:
    """The parser of the whole command line."""
    top = Parser(
        prog="carelearn",
        description="Learning formats of Danish municipal health and social care.",
    )
    top.add_argument("--version", action="version", version=f"carelearn {_core.__version__}")
    subcommands = top.add_subparsers(
        dest="command", required=True, metavar="COMMAND", parser_class=Parser
    )
    for group in _GROUPS:
        group.add_parsers(subcommands)
    return top


def commands() -> dict[str, argparse.ArgumentParser]:
    """Every subcommand that runs, by its words (``"agenda"``, ``"sessions
    import"``), with its parser: what ``carelearn --help`` lists, walked down."""
    found: dict[str, argparse.ArgumentParser] = {}

    def walk(prefix: str, current: argparse.ArgumentParser) -> None:
        subparsers = [
            action
            for action in current._actions  # noqa: SLF001 - argparse keeps them here
            if isinstance(action, argparse._SubParsersAction)  # noqa: SLF001
        ]
        if not subparsers:
            found[prefix.strip()] = current
            return
        for name, child in subparsers[0].choices.items():
            walk(f"{prefix} {name}", child)

    walk("", parser())
    return found


def main(argv: Sequence[str] | None = None) -> int:
    """Runs the command line with ``argv`` (default: ``sys.argv[1:]``); returns the exit code."""
    # A file name that is not UTF-8 reaches Python as lone surrogates; shown
    # escaped rather than failing the output.
    for stream in (sys.stdout, sys.stderr):
        reconfigure = getattr(stream, "reconfigure", None)
        if reconfigure is not None:
            reconfigure(errors="backslashreplace")
    top = parser()
    words = list(sys.argv[1:] if argv is None else argv)
    command = "carelearn"
    try:
        args = top.parse_args(words)
        command = f"carelearn {args.command}"
        if getattr(args, "action", None):
            command += f" {args.action}"
        handler: Handler = args.handler
        return handler(args)
    except UsageError as error:
        print(f"{error.command or command}: {error}", file=sys.stderr)
        return 2
    except Error as error:
        print(f"{command}: {error}", file=sys.stderr)
        return 2
    except BrokenPipeError:
        # Output piped into e.g. `head`, which stopped reading: not an error.
        sys.stderr.close()
        return 0
    except (ValueError, OSError) as error:
        # A mistake Python found in what was given (a number or a date out of
        # range, a file that cannot be written): said in one line, too.
        reason = error.strerror if isinstance(error, OSError) and error.strerror else error
        where = f"{error.filename}: " if isinstance(error, OSError) and error.filename else ""
        print(f"{command}: {where}{reason}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        print(f"{command}: interrupted", file=sys.stderr)
        return 130
