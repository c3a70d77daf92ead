"""Held sessions: the :class:`Session` record with its ``"session/1"`` JSON
form, the live :class:`Runner` with an injectable clock, pseudonyms, redacted
exports, JSON Lines files and a pandas table of sessions.

Times: the fields of a session are aware :class:`datetime.datetime` values
(read back in UTC). Where this module takes a time as an argument
(``Runner(planned_start=...)``, ``FakeClock(start)``, the queries of
:class:`Store`), it also takes a naive datetime or an ISO 8601 string as the
wall-clock time in Europe/Copenhagen, where Danish municipalities hold their
meetings, and a :class:`datetime.date` as that day's midnight there.

Example::

    clock = carelearn.FakeClock("2026-03-04T14:00")
    runner = carelearn.Runner(meeting, unit="home-care-north", clock=clock)
    runner.start([carelearn.Participant("3f9a...", "facilitator"), ...])
    clock.advance(minutes=5)
    runner.next()
    runner.record_learning_point("Ask the relative first.")
    session = runner.finish()
    session.to_dict()["learning_points"]
"""

from __future__ import annotations

import datetime
import json
import os
from collections.abc import Iterable, Iterator, Mapping
from typing import TYPE_CHECKING, Any, Self

from . import _core
from ._arguments import identifier_policy, text, whole_number
from ._builtin import builtin_catalog
from ._documents import PathLike, dict_text, path_of, text_of
from ._errors import Error, FormatError, NotFoundError
from ._time import UTC, InstantLike, day, duration, instant

if TYPE_CHECKING:
    import pandas

__all__ = [
    "FakeClock",
    "Pseudonymiser",
    "Runner",
    "Session",
    "check_session",
    "export_options",
    "parse_session_line",
    "read_sessions",
    "redact",
    "sessions_to_frame",
    "write_sessions",
]


def export_options(
    *,
    include_confidential: bool = False,
    evaluator: bool = False,
    pseudonymiser: _core.Pseudonymiser | None = None,
) -> _core.ExportOptions:
    """The :class:`ExportOptions` for these keywords.

    The default leaves the text of confidential items out;
    ``include_confidential`` asks for it (the organisation's own archive);
    ``evaluator`` leaves out all free text and every direct identifier and,
    with ``pseudonymiser`` (the evaluation's own key), re-pseudonymises the ids.
    Raises ValueError for a pseudonymiser without ``evaluator``, for
    ``evaluator`` without one (an export labelled for evaluators must not carry
    the organisation's own pseudonyms), and for ``include_confidential`` with
    ``evaluator``: evaluators never get confidential text.
    """
    if evaluator and include_confidential:
        raise ValueError(
            "include_confidential cannot be combined with evaluator: "
            "evaluators never get confidential text"
        )
    if evaluator and pseudonymiser is None:
        raise ValueError(
            "evaluator needs pseudonymiser: the evaluation's own key, so that the "
            "export cannot be joined back to the organisation's records by id"
        )
    if pseudonymiser is not None and not evaluator:
        raise ValueError(
            "a pseudonymiser re-pseudonymises an evaluator's export: give evaluator=True"
        )
    return _core.ExportOptions(
        include_confidential=include_confidential,
        evaluator=evaluator,
        evaluator_pseudonymiser=pseudonymiser,
    )


class Session(_core.Session):
    """One held or cancelled occurrence of a format.

    Who took part (pseudonymous ``participants`` with their roles), when each
    step really started and ended (``steps``), the questions used
    (``prompts``), the ``presented_case``, the ``learning_points``, the
    ``actions`` with their dated status ``history``, ``feedback`` and
    ``notes``. ``status()`` is ``SessionStatus.CANCELLED`` when
    ``cancellation`` is set.

    A value: keyword constructor, ``==`` on every field, ``copy``, pickling.
    :meth:`to_dict` / :meth:`from_dict` are the canonical ``"session/1"`` JSON
    (docs/sessions.md); the text of confidential items is left out unless
    asked for.

    Example::

        session = carelearn.Session(
            id="s-1", format_id="systematic-learning-meeting", unit="home-care-north",
            planned_start=datetime.datetime(2026, 3, 4, 13, 0, tzinfo=datetime.timezone.utc),
            cancellation=carelearn.Cancellation(carelearn.CancelReason.STAFFING),
        )
        session.status()                    # SessionStatus.CANCELLED
        session.to_dict()["status"]         # 'cancelled'
    """

    def to_json_line(
        self,
        *,
        include_confidential: bool = False,
        evaluator: bool = False,
        pseudonymiser: _core.Pseudonymiser | None = None,
    ) -> str:
        """The ``"session/1"`` JSON line (no newline), redacted as the keywords
        say (see :class:`ExportOptions`): confidential text left out by default."""
        options = export_options(
            include_confidential=include_confidential,
            evaluator=evaluator,
            pseudonymiser=pseudonymiser,
        )
        return _core.to_json_line(self, options)

    def to_dict(
        self,
        *,
        include_confidential: bool = False,
        evaluator: bool = False,
        pseudonymiser: _core.Pseudonymiser | None = None,
    ) -> dict[str, Any]:
        """The canonical ``"session/1"`` JSON as a dict: ``json.loads(self.to_json_line(...))``.

        ``Session.from_dict(s.to_dict(include_confidential=True)) == s``.
        """
        result: dict[str, Any] = json.loads(
            self.to_json_line(
                include_confidential=include_confidential,
                evaluator=evaluator,
                pseudonymiser=pseudonymiser,
            )
        )
        return result

    @classmethod
    def from_json_line(cls, line: str | bytes) -> Self:
        """Reads one ``"session/1"`` line (a str, or UTF-8 bytes).

        Raises :class:`FormatError` (its message and ``path`` name the JSON
        Pointer of the place; for bytes that are not UTF-8, the offset) or
        :class:`VersionError` for another kind or a newer version. The session
        is not validated (see :meth:`validate`).
        """
        session, _ = _core.parse_session_line(text_of(line, "<line>", "line"))
        return cls(session)

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> Self:
        """The session whose ``"session/1"`` JSON is ``data``, read by the C++
        reader; raises as :meth:`from_json_line`."""
        return cls.from_json_line(dict_text(data))

    def validate(self) -> None:
        """Checks what a stored session must keep (ids present and unique, a held
        session has a start, times do not run backwards, ratings 1–5); raises
        :class:`FormatError` naming the session and the place."""
        _core.validate_session(self)

    def check(
        self,
        format: _core.Format | None = None,
        *,
        catalog: _core.Catalog | None = None,
        day: _core.WorkingDay | None = None,
    ) -> list[_core.Diagnostic]:
        """Holds the session up against ``format`` (None: its format in
        ``catalog``, by default the built-in one); see :func:`check_session`.

        Raises :class:`NotFoundError` when ``format`` is None and the catalog
        does not have the session's format and version.
        """
        return check_session(self, format, catalog=catalog, day=day)

    def __repr__(self) -> str:
        """A summary that quotes no free text and masks ids that look like
        identifiers: ``<session "s-1" of systematic-learning-meeting v1 ...>``.
        Read the fields (or :meth:`to_dict`) for the rest."""
        return f"<{_core.summarize_session(self)}>"

    def __str__(self) -> str:
        """As :meth:`__repr__`, without the angle brackets."""
        return _core.summarize_session(self)

    def __reduce__(self) -> tuple[Any, tuple[str]]:
        """Pickles the session as its default export: confidential text left
        out, identifiers the linter finds masked (:func:`redact`). A pickle is
        a copy that leaves the process; to keep everything, pickle
        ``session.to_json_line(include_confidential=True)`` -- by name."""
        return (
            type(self).from_json_line,
            (self.to_json_line(),),
        )


def _sessions_in(sessions: Iterable[_core.Session]) -> Iterator[_core.Session]:
    """``sessions``, each checked to be a Session; TypeError names the argument."""
    if not isinstance(sessions, Iterable) or isinstance(sessions, (str, bytes)):
        raise TypeError(f"sessions must be Session values, not {type(sessions).__name__}")
    for index, session in enumerate(sessions):
        if not isinstance(session, _core.Session):
            raise TypeError(f"sessions[{index}] must be a Session, not {type(session).__name__}")
        yield session


def _session(value: _core.Session) -> Session:
    return value if isinstance(value, Session) else Session(value)


def parse_session_line(line: str | bytes) -> tuple[Session, _core.Redaction]:
    """Reads one ``"session/1"`` line; returns the session and what the line
    left out (its ``"redaction"``). Raises as :meth:`Session.from_json_line`."""
    session, redaction = _core.parse_session_line(text_of(line, "<line>", "line"))
    return Session(session), redaction


def redact(
    session: _core.Session,
    *,
    include_confidential: bool = False,
    evaluator: bool = False,
    pseudonymiser: _core.Pseudonymiser | None = None,
) -> Session:
    """``session`` with what an export leaves out removed (see
    :class:`ExportOptions`): items are never dropped, only their text, so
    counts stay true."""
    options = export_options(
        include_confidential=include_confidential,
        evaluator=evaluator,
        pseudonymiser=pseudonymiser,
    )
    return Session(_core.redact(session, options))


def check_session(
    session: _core.Session,
    format: _core.Format | None = None,
    *,
    catalog: _core.Catalog | None = None,
    day: _core.WorkingDay | None = None,
) -> list[_core.Diagnostic]:
    """Checks ``session`` against ``format`` and returns what it finds, errors first.

    ``format`` None looks the session's format and version up in ``catalog``
    (None: the built-in catalog), which also resolves the question sets steps
    draw on. Codes such as ``"missing-facilitator"``,
    ``"too-few-learning-points"``, ``"step-overrun"``: see docs/sessions.md.
    Never raises for anything in the session; raises :class:`NotFoundError`
    when the format cannot be found.

    Example::

        for d in carelearn.check_session(session):
            print(d)    # error too-few-learning-points at learning_points: ...
    """
    if not isinstance(session, _core.Session):
        raise TypeError(f"session must be a Session, not {type(session).__name__}")
    if catalog is not None and not isinstance(catalog, _core.Catalog):
        raise TypeError(f"catalog must be a Catalog or None, not {type(catalog).__name__}")
    resolver = builtin_catalog() if catalog is None else catalog
    if format is None:
        format = resolver.find(session.format_id, session.format_version)
        if format is None:
            raise NotFoundError(
                f'session "{session.id}": format "{session.format_id}" version '
                f"{session.format_version} is not in the catalog"
            )
    return _core.check_session(
        session,
        format,
        catalog=resolver,
        day=_core.WorkingDay() if day is None else day,
    )


class FakeClock(_core.FakeClock):
    """A clock that stands still until it is told to move, so that tests of a
    30-minute meeting never sleep.

    ``start`` is any :data:`InstantLike` (default: 1970-01-01 UTC).

    Example::

        clock = carelearn.FakeClock("2026-03-04T14:00")   # Copenhagen time
        runner = carelearn.Runner(meeting, clock=clock)
        clock.advance(minutes=5)
    """

    def __init__(self, start: InstantLike | None = None) -> None:
        """A clock that reads ``start`` until it is moved."""
        super().__init__(
            datetime.datetime(1970, 1, 1, tzinfo=UTC) if start is None else instant(start, "start")
        )

    def advance(
        self,
        delta: datetime.timedelta | None = None,
        *,
        minutes: float = 0,
        seconds: float = 0,
    ) -> None:
        """Moves the clock by ``delta`` plus ``minutes`` and ``seconds`` (negative
        to test a clock that jumps back).

        Raises ValueError naming the arguments when the clock would leave the
        years 1 to 9999, which is all a datetime can show.
        """
        total = duration(delta, minutes=minutes, seconds=seconds)
        now = self.now()
        try:
            now + total
        except OverflowError:
            given = [
                name
                for name, value in (("delta", delta), ("minutes", minutes), ("seconds", seconds))
                if value
            ]
            raise ValueError(
                f"{' and '.join(given) or 'delta'}: moving the clock by {total} from "
                f"{now:%Y-%m-%d %H:%M} UTC leaves the years 1 to 9999"
            ) from None
        super().advance(total)

    def set(self, time: InstantLike) -> None:
        """Sets the clock to ``time``."""
        super().set(instant(time, "time"))

    def __repr__(self) -> str:
        return f"FakeClock({self.now()!r})"


class Pseudonymiser(_core.Pseudonymiser):
    """Makes keyed pseudonyms with HMAC-SHA256 under the organisation's secret key.

    The same key and identifier always give the same pseudonym (24 hex
    digits), so a person can be followed across sessions without being
    named; another key gives unrelated pseudonyms. Domains keep kinds apart:
    :meth:`citizen` and :meth:`staff`. Keys shorter than 16 bytes are refused.

    The key is held in C++ memory, wiped when the object goes, and cannot be
    read back or pickled. The store never sees it. Keep the key file in the
    organisation's secret store, never beside the database (docs/privacy.md).

    Example::

        key = carelearn.Pseudonymiser.from_file("/run/secrets/carelearn.key")
        key.staff("E12345")          # '5d0c1f9e7a2b44c18e03d6aa' (depends on the key)
    """

    @classmethod
    def from_file(cls, path: PathLike) -> Self:
        """The pseudonymiser keyed by the key file at ``path``.

        The file holds the key as hex digits (``openssl rand -hex 32 > key``;
        whitespace around them is ignored) or as raw bytes
        (``head -c 32 /dev/urandom > key``). Raises :class:`NotFoundError`
        when it cannot be read and :class:`FormatError` when the key is
        shorter than 16 bytes.
        """
        name = path_of(path)
        try:
            with open(name, "rb") as f:
                data = f.read()
        except OSError as error:
            raise NotFoundError(
                f"{name}: cannot read the key: {error.strerror}"
            ) from None
        text = data.strip()
        key = data
        if text and len(text) % 2 == 0:
            try:
                key = bytes.fromhex(text.decode("ascii"))
            except (UnicodeDecodeError, ValueError):
                key = data
        try:
            return cls(key)
        except FormatError as error:
            raise FormatError(f"{name}: {error.message}") from None

    def citizen(self, identifier: str) -> str:
        """The pseudonym of a citizen's identifier (e.g. a CPR number without dashes)."""
        return self.pseudonym(_core.Pseudonymiser.CITIZEN, identifier)

    def staff(self, identifier: str) -> str:
        """The pseudonym of a staff member's identifier (e.g. an employee number)."""
        return self.pseudonym(_core.Pseudonymiser.STAFF, identifier)


class Runner(_core.Runner):
    """Steps through a format live and produces a :class:`Session`.

    ``start`` with the people present, ``next`` from step to step, read the
    time left (:meth:`time_left_in_step`, :meth:`time_left_in_session`) and
    who has the word in a round (:meth:`round`), record learning points,
    actions, feedback, notes and the questions used, and ``finish``.

    What does not fit the format is a :class:`Diagnostic` with a stable code,
    never an exception: a fourth learning point where the format asks for
    exactly three is not recorded, and the result says
    ``"too-many-learning-points"``. A call in the wrong state (``next`` after
    ``finish``) raises :class:`StateError` and changes nothing.

    ``clock`` is where the time is read: None for the real clock, a
    :class:`FakeClock` in tests. ``catalog`` (None: the built-in one)
    resolves the question sets whose ids :meth:`record_prompt_used` checks.

    Example::

        clock = carelearn.FakeClock("2026-03-04T14:00")
        runner = carelearn.Runner(meeting, unit="home-care-north", clock=clock)
        runner.start(participants)
        runner.time_left_in_step()          # datetime.timedelta(seconds=300)
        clock.advance(minutes=5)
        runner.next()
        session = runner.finish()
    """

    def __init__(
        self,
        format: _core.Format,
        *,
        unit: str = "",
        session_id: str = "",
        planned_start: InstantLike | None = None,
        clock: _core.Clock | None = None,
        catalog: _core.Catalog | None = None,
        misfit: _core.MisfitPolicy = _core.MisfitPolicy.REJECT,
        day: _core.WorkingDay | None = None,
        identifiers: _core.IdentifierPolicy | str = "warn",
    ) -> None:
        """A runner for ``format`` (copied); raises :class:`FormatError` when it has no steps.

        ``session_id`` empty gives a new random id; ``planned_start`` None is
        the time :meth:`start` is called; ``misfit`` says whether an output
        that does not fit the format is rejected (the default) or kept with a
        warning; ``identifiers`` what happens when the identifier linter finds
        a CPR number, an e-mail address, a phone number or a name in what is
        recorded: ``"warn"`` (an ``"identifier-in-id"`` or
        ``"identifier-in-text"`` warning) or ``"refuse"`` (:class:`FormatError`,
        nothing recorded).
        """

        super().__init__(
            format,
            session_id=session_id,
            unit=unit,
            planned_start=None
            if planned_start is None
            else instant(planned_start, "planned_start"),
            clock=clock,
            catalog=builtin_catalog() if catalog is None else catalog,
            misfit=misfit,
            day=_core.WorkingDay() if day is None else day,
            identifiers=identifier_policy(identifiers),
        )

    def start(
        self, participants: Iterable[_core.Participant]
    ) -> list[_core.Diagnostic]:
        """Starts with ``participants`` (in the order they sit) and enters the first step.

        Returns the role and capacity findings (``"missing-facilitator"`` is an
        error); the session starts anyway. Raises :class:`StateError` when
        started or finished already, :class:`FormatError` for no participants
        or an empty or repeated id.
        """
        if not isinstance(participants, Iterable) or isinstance(participants, (str, bytes)):
            raise TypeError(
                f"participants must be Participant values, not {type(participants).__name__}"
            )
        return super().start(list(participants))

    def record_learning_point(
        self,
        point: _core.LearningPoint | str,
        *,
        author: str = "",
        confidential: bool = False,
    ) -> _core.RecordResult:
        """Records a learning point (a :class:`LearningPoint` or its text) in the current step.

        Findings in the result: ``"output-not-produced-here"``,
        ``"too-many-learning-points"``. Raises :class:`FormatError` for an
        empty text or an author who is not a participant.
        """
        if isinstance(point, str):
            point = _core.LearningPoint(
                text(point, "point"), author=text(author, "author"), confidential=confidential
            )
        return super().record_learning_point(point)

    def record_action(
        self,
        action: _core.Action | str,
        *,
        owner: str = "",
        due: datetime.date | str | None = None,
        id: str = "",
        confidential: bool = False,
    ) -> _core.RecordResult:
        """Records a proposed organisational action (an :class:`Action` or its text).

        ``owner`` is a role ("leader") or a participant's pseudonym, ``due`` a
        date (or "YYYY-MM-DD"); the runner gives it an id ("a1", ...) when
        ``id`` is empty and its first status, open, now. ``confidential``
        leaves the text out of exports unless asked for. Raises
        :class:`AlreadyExistsError` for an id in use.
        """
        if isinstance(action, str):
            action = _core.Action(
                text(action, "action"),
                id=text(id, "id"),
                owner=text(owner, "owner"),
                due=None if due is None else day(due, "due"),
                confidential=confidential,
            )
        return super().record_action(action)

    def record_feedback(
        self,
        feedback: _core.Feedback | str,
        rating: int | None = None,
        comment: str = "",
        *,
        confidential: bool = False,
    ) -> _core.RecordResult:
        """Records feedback: a :class:`Feedback`, or a participant's pseudonym,
        a ``rating`` from 1 to 5 and a ``comment``; ``confidential`` leaves
        the comment out of exports unless asked for.

        Raises :class:`FormatError` for a rating outside 1–5 or someone who is
        not a participant; :class:`AlreadyExistsError` for a second feedback
        from the same participant.
        """
        if isinstance(feedback, str):
            if rating is None:
                raise TypeError("record_feedback: give a rating from 1 to 5")
            feedback = _core.Feedback(
                text(feedback, "feedback"),
                whole_number(rating, "rating"),
                text(comment, "comment"),
                confidential=confidential,
            )
        return super().record_feedback(feedback)

    def record_note(
        self,
        note: _core.Note | str,
        *,
        kind: _core.NoteKind = _core.NoteKind.NOTE,
        confidential: bool = False,
    ) -> _core.RecordResult:
        """Records a note (a :class:`Note` or its text) in the current step.

        A plain note fits any step; a reflection or documentation must be
        produced by the step (``"output-not-produced-here"`` otherwise).
        """
        if isinstance(note, str):
            note = _core.Note(text(note, "note"), kind=kind, confidential=confidential)
        return super().record_note(note)

    def set_case(self, case: _core.Case | str, *, citizen: str = "") -> None:
        """Records the case: a :class:`Case`, or its category and the citizen's pseudonym."""
        if isinstance(case, str):
            case = _core.Case(text(case, "case"), text(citizen, "citizen"))
        super().set_case(case)

    def finish(self) -> Session:
        """Ends the session and returns it; :attr:`diagnostics` then holds the
        rejected outputs and the final :func:`check_session`. Raises
        :class:`StateError` unless running."""
        return Session(super().finish())

    def cancel(
        self,
        reason: _core.Cancellation | _core.CancelReason | str,
        note: str = "",
        *,
        confidential: bool = False,
    ) -> Session:
        """Calls the session off, before it starts or part-way, and returns it.

        ``reason`` is a :class:`Cancellation`, a :class:`CancelReason` or its
        name (``"staffing"``, ``"workload"``, ``"no-facilitator"``,
        ``"holiday"``, ``"other"``); ``confidential`` leaves ``note`` out of
        exports unless asked for. Raises :class:`StateError` when finished
        already, ValueError for an unknown reason.
        """
        if not isinstance(reason, (str, _core.CancelReason, _core.Cancellation)):
            raise TypeError(
                "reason must be a Cancellation, a CancelReason or its name, "
                f"not {type(reason).__name__}"
            )
        if isinstance(reason, str):
            parsed = _core.parse_cancel_reason(text(reason, "reason"))
            if parsed is None:
                raise ValueError(
                    f'unknown cancel reason "{reason}"; expected staffing, workload, '
                    "no-facilitator, holiday or other"
                )
            reason = parsed
        if isinstance(reason, _core.CancelReason):
            reason = _core.Cancellation(reason, text(note, "note"), confidential=confidential)
        return Session(super().cancel(reason))

    @property
    def session(self) -> Session:
        """A copy of the session as recorded so far."""
        return Session(super().session)

    def __repr__(self) -> str:
        step = self.current_step
        where = f", step={step.id!r}" if step is not None else ""
        session_id = super().session.id
        return (
            f"<Runner of {self.format.id!r} for session {session_id!r}: "
            f"{self.state.name.lower()}{where}>"
        )


def read_sessions(path: PathLike, *, validate: bool = True) -> list[Session]:
    """Reads the ``"session/1"`` JSON Lines file at ``path``; blank lines are skipped.

    The file is read a chunk at a time by the library's one JSON Lines reader,
    the one :meth:`Store.import_sessions` uses. Each session is checked with
    :meth:`Session.validate` unless ``validate`` is False. Errors name the
    file and the line first: :class:`FormatError` for a line that does not
    read, ``"<path>:<line>:<column>: /participants/0/shift: expected one of
    ..."``, or does not validate, ``"<path>:<line>: session ..."``;
    :class:`LimitError` for a line beyond the reader's limits;
    :class:`VersionError` for another kind or a newer version;
    :class:`NotFoundError` when the file cannot be read.

    Example::

        sessions = carelearn.read_sessions("export.jsonl")
        frame = carelearn.sessions_to_frame(sessions)
    """
    return [_session(s) for s in _core.read_sessions(path_of(path), validate=validate)]


def write_sessions(
    path: PathLike,
    sessions: Iterable[_core.Session],
    *,
    include_confidential: bool = False,
    evaluator: bool = False,
    pseudonymiser: _core.Pseudonymiser | None = None,
) -> int:
    """Writes ``sessions`` to ``path`` as ``"session/1"`` JSON Lines, one per
    line, redacted as the keywords say (see :class:`ExportOptions`:
    confidential text left out by default); returns how many were written.

    The file is created, or replaced, readable and writable by its owner
    only: it holds personal data. An evaluator's export gets its manifest
    beside it, ``<path>.manifest.json`` (:func:`carelearn.privacy.export_manifest`).
    Raises :class:`FormatError` for a session that does not validate.
    """
    options = export_options(
        include_confidential=include_confidential,
        evaluator=evaluator,
        pseudonymiser=pseudonymiser,
    )
    name = path_of(path)
    count = _core.write_sessions(name, list(_sessions_in(sessions)), options)
    if evaluator:
        write_manifest(name, _core.export_manifest_json(options, count))
    return count


def write_manifest(path: str, manifest: str) -> None:
    """Writes ``manifest`` to ``<path>.manifest.json``, readable by its owner only."""
    write_manifest_to(path + ".manifest.json", manifest)


def write_manifest_to(target: str, manifest: str) -> None:
    """Writes ``manifest`` to the file ``target`` (created, or replaced),
    readable and writable by its owner only; :class:`NotFoundError` naming
    ``target`` when it cannot be created."""
    try:
        fd = os.open(target, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    except OSError as error:
        raise NotFoundError(f"{target}: cannot create: {error.strerror}") from None
    os.fchmod(fd, 0o600)
    with os.fdopen(fd, "w", encoding="utf-8") as out:
        out.write(manifest)


def sessions_to_frame(
    sessions: Iterable[_core.Session], *, tz: str | datetime.tzinfo = "UTC"
) -> pandas.DataFrame:
    """``sessions`` as a pandas table, one row per session.

    Columns: ``id``, ``unit``, ``format``, ``format_version``,
    ``planned_start``, ``actual_start``, ``actual_end`` (aware timestamps in
    ``tz``; NaT when absent), ``status`` (``"held"`` or ``"cancelled"``), and
    the counts ``participants``, ``learning_points``, ``actions``. Needs
    pandas (``pip install carelearn[pandas]``).

    Built from the column tables of :func:`tables_from_sessions`, whose
    ``sessions`` frame has every column of a session, and every other part of
    the sessions as tables of their own.

    Example::

        frame = carelearn.sessions_to_frame(store.sessions(unit="home-care-north"))
        frame.groupby("format")["learning_points"].mean()
    """
    from ._frames import require_pandas
    from ._tables import tables_from_sessions

    require_pandas()
    import numpy as np
    import pandas as pd

    table = tables_from_sessions(sessions).table("sessions")

    def strings(name: str) -> np.ndarray:
        # Python str per row, as this frame has always had; "" where missing.
        if table.column_kind(name) == "string":
            objects = table.string_objects(name)
            objects[objects == None] = ""  # noqa: E711 (element-wise)
            return objects
        choices = np.array([*table.categories(name), ""], dtype=object)
        values: np.ndarray = choices[table.array(name)]  # code -1 takes the "" at the end
        return values

    def times(name: str) -> pd.Series:
        utc = pd.Series(table.array(name), copy=False).dt.tz_localize("UTC")
        return utc.astype("datetime64[ns, UTC]").dt.tz_convert(tz)

    def count(name: str) -> np.ndarray:
        return table.array(name).astype("int64")

    frame = pd.DataFrame(
        {
            "id": strings("id"),
            "unit": strings("unit"),
            "format": strings("format_id"),
            "format_version": count("format_version"),
            "planned_start": times("planned_start"),
            "actual_start": times("actual_start"),
            "actual_end": times("actual_end"),
            "status": strings("status"),
            "participants": count("participant_count"),
            "learning_points": count("learning_point_count"),
            "actions": count("action_count"),
        },
        copy=False,
    )
    # Python str objects, as this frame has always had (pandas 3 infers "str").
    return frame.astype({name: object for name in ("id", "unit", "format", "status")})

