"""``carelearn run``: a session run in the terminal and saved to the store.

``carelearn run FORMAT --store FILE`` shows the agenda step by step with the
time left, shows each step's questions, and reads the facilitator's commands
one per line from standard input, so that it can be typed or scripted::

    lp Ask the relative first.
    action Fixed call with relatives --owner leader --due 2026-04-01
    next
    finish

Typed at a terminal, a command that fails is reported and the session goes
on; read from a file or a pipe, it ends the run with exit code 2 and nothing
is saved. At the end the session is saved to the store and its id is the
last line printed.

People are named by pseudonyms: with ``--key-file`` the ids given are
pseudonymised with the organisation's key (HMAC-SHA256; the key is never
stored); without it, they must be pseudonyms already (24 hex digits).

Exit codes: 0 success; 1 a session with error findings (it is saved); 2 bad
input: a bad argument, a file that cannot be read, a command that fails.
"""

from __future__ import annotations

import argparse
import dataclasses
import datetime
import os
import re
import shlex
import sys
from collections.abc import Callable, Iterator
from typing import TextIO

from .. import _core
from .._arguments import clipped
from .._catalog import Catalog
from .._documents import Format
from .._errors import Error
from .._record import FakeClock, Pseudonymiser, Runner, Session, write_sessions
from .._store import Store
from .._time import COPENHAGEN, day
from ._common import UsageError, format_named, key_file, lang, when

__all__ = ["add_parsers"]

_PSEUDONYM = re.compile(r"[0-9a-f]{24}")
_CITIZEN_ROLES = frozenset({"citizen", "relative"})

# The words of the running display, (Danish, English).
_WORDS: dict[str, tuple[str, str]] = {
    "step": ("Trin {n} af {total}", "Step {n} of {total}"),
    "led": ("ledes af {role}", "led by {role}"),
    "questions": ("Spørgsmål:", "Questions:"),
    "left": (
        "Tid tilbage: {step} i trinnet, {session} i mødet",
        "Time left: {step} in this step, {session} in the meeting",
    ),
    "over": ("{t} over", "over by {t}"),
    "unknown": ("ukendt", "not known"),
    "round": (
        "Runde: ordet er hos {who} ({t} tilbage); derefter {rest}",
        "Round: {who} has the word ({t} left); then {rest}",
    ),
    "round-last": (
        "Runde: ordet er hos {who} ({t} tilbage)",
        "Round: {who} has the word ({t} left)",
    ),
    "round-done": ("Runde: alle har haft ordet", "Round: everyone has spoken"),
    "recorded": ("Noteret.", "Recorded."),
    "not-recorded": ("Ikke noteret:", "Not recorded:"),
    "finished": (
        "Afsluttet. Læringspointer: {lp}, handlinger: {actions}, noter: {notes}.",
        "Finished. Learning points: {lp}, actions: {actions}, notes: {notes}.",
    ),
    "cancelled": ("Aflyst ({reason}).", "Cancelled ({reason})."),
    "saved": ("Gemt i {store} som session:", "Saved to {store} as session:"),
    "session": ("{title} for {unit}", "{title} for {unit}"),
}

_HELP = """\
Commands, one per line:
  next                          end this step and go to the next
  finish                        end the session and save it
  cancel [--confidential] REASON [NOTE]
                                call it off (staffing, workload, no-facilitator,
                                holiday, other) and save it
  lp [--confidential] [--author ID] TEXT
                                record a learning point
  action TEXT [--owner ROLE_OR_ID] [--due YYYY-MM-DD] [--id ID] [--confidential]
                                record a proposed organisational action
  note [--kind note|reflection|documentation] [--confidential] TEXT
                                record a note, reflection or documentation
  question QUESTION_ID          record that a question was used
  case CATEGORY [--citizen ID]  record the case the session learns from
  feedback [--confidential] ID RATING [COMMENT]
                                record a participant's feedback (rating 1-5)
  join ID:ROLE[:PROFESSION[:SHIFT]]
                                add someone who arrives late
  pass                          in a round: give the word to the next person
  time                          show the time left
  wait DURATION                 with --clock fake: let time pass (5, 5m, 90s, 1:30)
  agenda                        show the agenda again
  help                          show this list
--confidential leaves the text out of every export unless it is asked for.
"""


def _say(lang: _core.Lang, key: str, **values: object) -> str:
    da, en = _WORDS[key]
    return (da if lang == _core.Lang.DA else en).format(**values)


def add_parsers(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Adds ``run`` to ``commands``."""
    run = commands.add_parser(
        "run",
        help="run a session in the terminal and save it",
        description="Run a session of FORMAT in the terminal: the agenda step by step "
        "with the time left, the questions, and the facilitator's commands read from "
        "standard input, one per line (type help). The session is saved to the store "
        "and its id printed last. Exit code 1 when the saved session has error "
        "findings (such as too few learning points), 2 for bad input.",
    )
    run.add_argument("format", metavar="FORMAT_ID_OR_FILE")
    run.add_argument("--store", required=True, metavar="FILE", help="the SQLite store")
    run.add_argument("--unit", default="", help="the unit that holds the session")
    run.add_argument(
        "--participant",
        "-p",
        action="append",
        default=[],
        metavar="ID:ROLE[:PROFESSION[:SHIFT]]",
        help="someone present, in the order they sit (repeat the option)",
    )
    run.add_argument(
        "--key-file",
        metavar="FILE",
        help="the organisation's pseudonym key (hex or raw bytes); without it, ids "
        "must be pseudonyms already",
    )
    run.add_argument(
        "--lang", type=lang, default=_core.Lang.EN, help="da or en"
    )
    run.add_argument(
        "--start",
        type=when,
        default=None,
        metavar="WHEN",
        help="the planned start, e.g. 2026-03-04T14:00 (Copenhagen time; default: now)",
    )
    run.add_argument(
        "--clock",
        choices=("system", "fake"),
        default=os.environ.get("CARELEARN_CLOCK", "system"),
        help="system: the real time; fake: stands at --start and moves only with "
        "`wait` (for tests and rehearsals; default: $CARELEARN_CLOCK or system)",
    )
    run.add_argument(
        "--session-id", default="", metavar="ID", help="default: a random id"
    )
    run.add_argument(
        "--keep-misfits",
        action="store_true",
        help="record an output that does not fit the format, with a warning, "
        "instead of refusing it",
    )
    run.set_defaults(handler=_run)

@dataclasses.dataclass
class _People:
    """Turns the ids people are given by into pseudonyms."""

    key: Pseudonymiser | None
    known: dict[str, str] = dataclasses.field(default_factory=dict)

    def pseudonym(self, given: str, *, citizen: bool = False, where: str) -> str:
        if given in self.known:
            return self.known[given]
        if not given:
            raise UsageError(f"{where}: the id is empty")
        if self.key is None:
            if not _PSEUDONYM.fullmatch(given):
                raise UsageError(
                    f'{where}: "{given}" is not a pseudonym (24 hex digits); give '
                    "--key-file to pseudonymise ids with the organisation's key"
                )
            return given
        return self.key.citizen(given) if citizen else self.key.staff(given)

    def name(self, pseudonym: str) -> str:
        """The id ``pseudonym`` was given as on this command line, or the
        pseudonym; masked when it looks like a direct identifier (a name, a
        CPR number), which is never shown back."""
        for given, known in self.known.items():
            if known == pseudonym:
                return _core.masked_id(given)
        return _core.masked_id(pseudonym)

    def participant(self, spec: str, unit: str, where: str) -> _core.Participant:
        parts = spec.split(":")
        if len(parts) < 2 or len(parts) > 4 or not parts[0] or not parts[1]:
            raise UsageError(
                f'{where}: "{spec}" is not ID:ROLE, ID:ROLE:PROFESSION or '
                "ID:ROLE:PROFESSION:SHIFT"
            )
        given, role = parts[0], parts[1]
        profession = parts[2] if len(parts) > 2 else ""
        shift = _core.Shift.UNSPECIFIED
        if len(parts) > 3 and parts[3]:
            parsed = _core.parse_shift(parts[3])
            if parsed is None:
                raise UsageError(
                    f'{where}: unknown shift "{parts[3]}"; expected day, evening or night'
                )
            shift = parsed
        pseudonym = self.pseudonym(given, citizen=role in _CITIZEN_ROLES, where=where)
        self.known[given] = pseudonym
        return _core.Participant(pseudonym, role, unit, profession, shift)


def _clock_text(delta: datetime.timedelta) -> str:
    seconds = int(abs(delta.total_seconds()))
    hours, rest = divmod(seconds, 3600)
    minutes, secs = divmod(rest, 60)
    return f"{hours}:{minutes:02}:{secs:02}" if hours else f"{minutes}:{secs:02}"


def _left(delta: datetime.timedelta | None, lang: _core.Lang) -> str:
    if delta is None:
        return _say(lang, "unknown")
    if delta < datetime.timedelta(0):
        return _say(lang, "over", t=_clock_text(delta))
    return _clock_text(delta)


def _duration(text: str) -> datetime.timedelta:
    """``5`` or ``5m`` minutes, ``90s`` seconds, ``1h`` an hour, ``1:30`` minutes:seconds."""
    shown = clipped(text)
    try:
        match = re.fullmatch(r"(\d+(?:\.\d+)?)([smh]?)", text)
        if match:
            amount = float(match.group(1))
            unit = match.group(2) or "m"
            names = {"s": "seconds", "m": "minutes", "h": "hours"}
            return datetime.timedelta(**{names[unit]: amount})
        match = re.fullmatch(r"(\d+):([0-5]\d)", text)
        if match:
            return datetime.timedelta(minutes=int(match.group(1)), seconds=int(match.group(2)))
    except (OverflowError, ValueError):
        raise UsageError(
            f'wait: "{shown}" is longer than a clock can move (999,999,999 days)'
        ) from None
    raise UsageError(f'wait: "{shown}" is not a duration such as 5, 5m, 90s, 1h or 1:30')


def _options(
    tokens: list[str], flags: dict[str, bool], command: str
) -> tuple[dict[str, str], list[str]]:
    """Splits ``tokens`` into ``--flag value`` options (``flags`` maps a flag to
    whether it takes a value) and the remaining words."""
    found: dict[str, str] = {}
    words: list[str] = []
    i = 0
    while i < len(tokens):
        token = tokens[i]
        if token == "--":
            words.extend(tokens[i + 1 :])
            break
        if token.startswith("--") and len(token) > 2:
            name, _, inline = token[2:].partition("=")
            if name not in flags:
                known = ", ".join(f"--{f}" for f in flags) or "none"
                raise UsageError(
                    f'{command}: unknown option "--{name}"; its options: {known}'
                )
            if flags[name]:
                if inline:
                    found[name] = inline
                elif i + 1 < len(tokens):
                    i += 1
                    found[name] = tokens[i]
                else:
                    raise UsageError(f"{command}: --{name} needs a value")
            else:
                found[name] = "yes"
        else:
            words.append(token)
        i += 1
    return found, words


# ------------------------------------------------------------------ run


@dataclasses.dataclass
class _Meeting:
    """A session being run from the terminal."""

    runner: Runner
    fmt: Format
    catalog: Catalog
    people: _People
    clock: FakeClock | None
    lang: _core.Lang
    out: TextIO
    unit: str
    ended: Session | None = None

    def print(self, text: str = "") -> None:
        print(text, file=self.out)

    def findings(
        self, diagnostics: list[_core.Diagnostic] | tuple[_core.Diagnostic, ...]
    ) -> None:
        for d in diagnostics:
            self.print(f"  ! {_core.format_diagnostic(d, self.lang)}")

    def role_name(self, role_id: str) -> str:
        for role in self.fmt.defined_roles:
            if role.id == role_id:
                return role.name.get(self.lang)
        builtin = _core.find_builtin_role(role_id)
        return builtin.name.get(self.lang) if builtin is not None else role_id

    def prompts(self, step: _core.Step) -> list[_core.Prompt]:
        prompts = list(step.prompts)
        for set_id in step.question_sets:
            found = self.catalog.find_question_set(set_id)
            if found is not None:
                prompts.extend(found.prompts)
        return prompts

    def show_step(self) -> None:
        step = self.runner.current_step
        if step is None:
            return
        total = len(self.fmt.steps)
        budget = _core.describe_budget(step.budget)
        lead = (
            f", {_say(self.lang, 'led', role=self.role_name(step.lead))}"
            if step.lead
            else ""
        )
        self.print()
        self.print(
            f"{_say(self.lang, 'step', n=self.runner.step_index + 1, total=total)}: "
            f"{step.title.get(self.lang)} ({budget}{lead})"
        )
        purpose = step.purpose.get(self.lang)
        if purpose:
            self.print(f"  {purpose}")
        prompts = self.prompts(step)
        if prompts:
            self.print(f"  {_say(self.lang, 'questions')}")
            for prompt in prompts:
                self.print(f"    [{prompt.id}] {prompt.text.get(self.lang)}")
        self.show_time()

    def show_time(self) -> None:
        self.print(
            _say(
                self.lang,
                "left",
                step=_left(self.runner.time_left_in_step(), self.lang),
                session=_left(self.runner.time_left_in_session(), self.lang),
            )
        )
        turn = self.runner.round()
        if turn is None:
            return
        if turn.done():
            self.print(_say(self.lang, "round-done"))
            return
        who = self.people.name(turn.order[turn.speaker])
        rest = ", ".join(self.people.name(p) for p in turn.order[turn.speaker + 1 :])
        key = "round" if rest else "round-last"
        self.print(
            _say(self.lang, key, who=who, t=_left(turn.time_left, self.lang), rest=rest)
        )

    def show_agenda(self) -> None:
        self.print(f"{self.fmt.title.get(self.lang)}:")
        current = (
            self.runner.step_index
            if self.runner.state == _core.RunnerState.RUNNING
            else -1
        )
        for index, step in enumerate(self.fmt.steps):
            mark = ">" if index == current else " "
            self.print(
                f" {mark} {index + 1}. {step.title.get(self.lang)} "
                f"({_core.describe_budget(step.budget)})"
            )

    def result(self, result: _core.RecordResult) -> None:
        if result.recorded:
            self.print(_say(self.lang, "recorded"))
        else:
            self.print(_say(self.lang, "not-recorded"))
        self.findings(result.diagnostics)

    # -- the commands; each raises UsageError or carelearn.Error on a bad line

    def do_help(self, words: list[str]) -> None:
        self.out.write(_HELP)

    def do_agenda(self, words: list[str]) -> None:
        self.show_agenda()

    def do_time(self, words: list[str]) -> None:
        self.show_time()

    def do_next(self, words: list[str]) -> None:
        _no_words("next", words)
        self.runner.next()
        self.show_step()

    def do_finish(self, words: list[str]) -> None:
        _no_words("finish", words)
        self.ended = self.runner.finish()

    def do_cancel(self, words: list[str]) -> None:
        options, words = _options(words, {"confidential": False}, "cancel")
        if not words:
            raise UsageError(
                "cancel: give a reason: staffing, workload, no-facilitator, holiday or other"
            )
        reason = _core.parse_cancel_reason(words[0])
        if reason is None:
            raise UsageError(
                f'cancel: unknown reason "{words[0]}"; expected staffing, workload, '
                "no-facilitator, holiday or other"
            )
        self.ended = self.runner.cancel(
            reason, " ".join(words[1:]), confidential="confidential" in options
        )

    def do_lp(self, words: list[str]) -> None:
        options, text = _options(words, {"confidential": False, "author": True}, "lp")
        author = ""
        if "author" in options:
            author = self.people.pseudonym(options["author"], where="lp --author")
        self.result(
            self.runner.record_learning_point(
                " ".join(text), author=author, confidential="confidential" in options
            )
        )

    def do_action(self, words: list[str]) -> None:
        options, text = _options(
            words, {"owner": True, "due": True, "id": True, "confidential": False}, "action"
        )
        owner = options.get("owner", "")
        if owner and not self.is_role(owner):
            owner = self.people.pseudonym(owner, where="action --owner")
        due: datetime.date | None = None
        if "due" in options:
            try:
                due = day(options["due"], "action --due")
            except ValueError as error:
                raise UsageError(str(error)) from None
        self.result(
            self.runner.record_action(
                " ".join(text),
                owner=owner,
                due=due,
                id=options.get("id", ""),
                confidential="confidential" in options,
            )
        )

    def is_role(self, role_id: str) -> bool:
        return _core.find_builtin_role(role_id) is not None or any(
            r.id == role_id for r in self.fmt.defined_roles
        )

    def do_note(self, words: list[str]) -> None:
        options, text = _options(words, {"kind": True, "confidential": False}, "note")
        kind = _core.NoteKind.NOTE
        if "kind" in options:
            parsed = _core.parse_note_kind(options["kind"])
            if parsed is None:
                raise UsageError(
                    f'note --kind: unknown kind "{options["kind"]}"; expected note, '
                    "reflection or documentation"
                )
            kind = parsed
        self.result(
            self.runner.record_note(
                " ".join(text), kind=kind, confidential="confidential" in options
            )
        )

    def do_question(self, words: list[str]) -> None:
        if len(words) != 1:
            raise UsageError(
                "question: give one question id, e.g. question biggest-challenge"
            )
        self.result(self.runner.record_prompt_used(words[0]))

    def do_case(self, words: list[str]) -> None:
        options, category = _options(words, {"citizen": True}, "case")
        if len(category) != 1:
            raise UsageError("case: give one category, e.g. case difficult-conversation")
        citizen = ""
        if "citizen" in options:
            citizen = self.people.pseudonym(
                options["citizen"], citizen=True, where="case --citizen"
            )
        self.runner.set_case(category[0], citizen=citizen)
        self.print(_say(self.lang, "recorded"))

    def do_feedback(self, words: list[str]) -> None:
        options, words = _options(words, {"confidential": False}, "feedback")
        if len(words) < 2:
            raise UsageError(
                "feedback: give a participant's id and a rating from 1 to 5"
            )
        shown = clipped(words[1])
        try:
            rating = int(words[1])
        except ValueError:
            raise UsageError(f'feedback: "{shown}" is not a rating from 1 to 5') from None
        if not 1 <= rating <= 5:
            raise UsageError(f"feedback: {shown} is not a rating from 1 to 5")
        participant = self.people.pseudonym(words[0], where="feedback")
        self.result(
            self.runner.record_feedback(
                participant,
                rating,
                " ".join(words[2:]),
                confidential="confidential" in options,
            )
        )

    def do_join(self, words: list[str]) -> None:
        if len(words) != 1:
            raise UsageError("join: give ID:ROLE[:PROFESSION[:SHIFT]]")
        participant = self.people.participant(words[0], self.unit, "join")
        self.findings(self.runner.add_participant(participant))
        self.print(_say(self.lang, "recorded"))

    def do_pass(self, words: list[str]) -> None:
        _no_words("pass", words)
        self.runner.pass_the_word()
        self.show_time()

    def do_wait(self, words: list[str]) -> None:
        if self.clock is None:
            raise UsageError(
                "wait: the clock is the system clock; wait works with --clock fake"
            )
        if len(words) != 1:
            raise UsageError("wait: give a duration such as 5, 5m, 90s or 1:30")
        delta = _duration(words[0])
        try:
            self.clock.advance(delta)
        except ValueError:
            shown = clipped(words[0])
            raise UsageError(f'wait: "{shown}" moves the clock past the year 9999') from None
        self.show_time()


def _no_words(command: str, words: list[str]) -> None:
    if words:
        raise UsageError(f'{command}: takes no arguments; found "{" ".join(words)}"')


def _commands(meeting: _Meeting) -> dict[str, Callable[[list[str]], None]]:
    return {
        "help": meeting.do_help,
        "?": meeting.do_help,
        "agenda": meeting.do_agenda,
        "time": meeting.do_time,
        "next": meeting.do_next,
        "finish": meeting.do_finish,
        "cancel": meeting.do_cancel,
        "lp": meeting.do_lp,
        "action": meeting.do_action,
        "note": meeting.do_note,
        "question": meeting.do_question,
        "case": meeting.do_case,
        "feedback": meeting.do_feedback,
        "join": meeting.do_join,
        "pass": meeting.do_pass,
        "wait": meeting.do_wait,
    }


def _lines(interactive: bool) -> Iterator[str]:
    if interactive:
        while True:
            try:
                yield input("> ")
            except EOFError:
                return
    else:
        source = getattr(sys.stdin, "buffer", None)
        if source is None:
            for line in sys.stdin:
                yield line.rstrip("\r\n")
            return
        for number, raw in enumerate(source, start=1):
            try:
                yield raw.decode("utf-8").rstrip("\r\n")
            except UnicodeDecodeError as error:
                raise UsageError(
                    f"<stdin>:{number}: not UTF-8 text: {error.reason} at byte "
                    f"{error.start + 1}; nothing was saved"
                ) from None


def _run(args: argparse.Namespace) -> int:
    lang: _core.Lang = args.lang
    catalog = Catalog.builtin()
    fmt, from_file = format_named(args.format, catalog)
    key = key_file(args.key_file, "run")
    people = _People(key)
    if not args.participant:
        raise UsageError(
            "give the people present with --participant ID:ROLE (at least one)"
        )
    participants = [
        people.participant(spec, args.unit, f"--participant {spec}")
        for spec in args.participant
    ]
    start: datetime.datetime | None = args.start
    clock: FakeClock | None = None
    if args.clock == "fake":
        now = datetime.datetime.now(COPENHAGEN).replace(second=0, microsecond=0)
        clock = FakeClock(start if start is not None else now)
    try:
        store = Store(args.store)
    except Error as error:
        raise UsageError(f"--store {error}") from None
    except ValueError as error:
        raise UsageError(f"--store: {error}") from None
    with store:
        if from_file:
            # Kept before the meeting, so that a clash is known before anyone types.
            try:
                store.put_format(fmt)
            except Error as error:
                raise UsageError(f"{args.format}: {error}") from None
        try:
            runner = Runner(
                fmt,
                unit=args.unit,
                session_id=args.session_id,
                planned_start=start,
                clock=clock,
                catalog=catalog,
                misfit=_core.MisfitPolicy.KEEP
                if args.keep_misfits
                else _core.MisfitPolicy.REJECT,
            )
        except Error as error:
            raise UsageError(f"{args.format}: {error}") from None
        meeting = _Meeting(
            runner, fmt, catalog, people, clock, lang, sys.stdout, args.unit
        )
        unit = args.unit or "-"
        meeting.print(_say(lang, "session", title=fmt.title.get(lang), unit=unit))
        meeting.show_agenda()
        meeting.findings(runner.start(participants))
        meeting.show_step()
        interactive = sys.stdin.isatty()
        commands = _commands(meeting)
        number = 0
        lines = _lines(interactive)
        while meeting.ended is None:
            try:
                line = next(lines)
            except StopIteration:
                break
            except KeyboardInterrupt:
                print(
                    "\n(type finish to end and save, or cancel REASON)", file=sys.stderr
                )
                continue
            number += 1
            text = line.strip()
            if not text or text.startswith("#"):
                continue
            try:
                try:
                    tokens = shlex.split(text)
                except ValueError as error:
                    raise UsageError(f"{error}") from None
                command = commands.get(tokens[0])
                if command is None:
                    raise UsageError(
                        f'unknown command "{tokens[0]}"; type help for the commands'
                    )
                command(tokens[1:])
            except (UsageError, Error, ValueError) as error:
                if not interactive:
                    print(
                        f"carelearn run: <stdin>:{number}: {error}; nothing was saved",
                        file=sys.stderr,
                    )
                    return 2
                print(f"carelearn run: input:{number}: {error}", file=sys.stderr)
        if meeting.ended is None:
            if not interactive:
                print(
                    "carelearn run: <stdin>: the input ended before finish or cancel; "
                    "nothing was saved",
                    file=sys.stderr,
                )
                return 2
            meeting.print()
            meeting.ended = runner.finish()
        session = meeting.ended
        if (
            session.status() == _core.SessionStatus.CANCELLED
            and session.cancellation is not None
        ):
            reason = _core.cancel_reason_name(session.cancellation.reason)
            meeting.print(_say(lang, "cancelled", reason=reason))
        else:
            meeting.print(
                _say(
                    lang,
                    "finished",
                    lp=len(session.learning_points),
                    actions=len(session.actions),
                    notes=len(session.notes),
                )
            )
        found = session.check(fmt, catalog=catalog)
        meeting.findings(found)
        try:
            store.put(session)
        except Error as error:
            # Nothing typed in the meeting is lost: the session goes to a file
            # beside the store (readable by its owner only) to import later.
            kept = f"{args.store}.{_core.masked_id(session.id)}.unsaved.jsonl"
            write_sessions(kept, [session], include_confidential=True)
            print(
                f"carelearn run: {args.store}: {error}; the session is kept in {kept} "
                f"(import it with carelearn sessions import --store {args.store} {kept})",
                file=sys.stderr,
            )
            return 2
        meeting.print(_say(lang, "saved", store=args.store))
        meeting.print(_core.masked_id(session.id))
        return 1 if _core.has_errors(found) else 0


