"""The store: held sessions, the status history of their actions and a
municipality's own formats, kept durably in one SQLite file.

Example::

    with carelearn.Store("learning.db") as store:
        store.put(session)
        spring = store.sessions(unit="home-care-north", start=datetime.date(2026, 3, 1),
                                end=datetime.date(2026, 7, 1))
        store.set_action_status(session.id, "a1", "done")
        store.export_sessions("for-evaluators.jsonl", evaluator=True, pseudonymiser=study_key)
"""

from __future__ import annotations

import datetime
import enum
import os
from collections.abc import Callable
from types import TracebackType
from typing import Self, TypeAlias, TypeVar

from . import _core, _values
from ._record import InstantLike, PathLike, Session, export_options, instant

__all__ = ["FormatLike", "Store", "session_query"]

E = TypeVar("E", bound=enum.Enum)

FormatLike: TypeAlias = "str | _core.Format | _core.FormatRef"
"""A format in a query: its id, a Format or a FormatRef (whose version, when
given, is also matched)."""


def _enum(
    value: E | str | None,
    cls: type[E],
    parse: Callable[[str], E | None],
    name: str,
    choices: str,
) -> E | None:
    """``value`` as a member of the enum ``cls``: the member, its name, or None."""
    if value is None or isinstance(value, cls):
        return value
    if isinstance(value, str):
        parsed = parse(value)
        if parsed is None:
            raise ValueError(f'{name}: unknown value "{value}"; expected {choices}')
        return parsed
    raise TypeError(
        f"{name} must be a {cls.__name__} or its name, not {type(value).__name__}"
    )


def _session_status(
    value: _core.SessionStatus | str | None,
) -> _core.SessionStatus | None:
    return _enum(
        value,
        _core.SessionStatus,
        _core.parse_session_status,
        "status",
        "held or cancelled",
    )


def _action_status(
    value: _core.ActionStatus | str | None, name: str = "action_status"
) -> _core.ActionStatus | None:
    return _enum(
        value,
        _core.ActionStatus,
        _core.parse_action_status,
        name,
        "open, in-progress, done or dropped",
    )


def _conflict(value: _core.ConflictPolicy | str) -> _core.ConflictPolicy:
    if isinstance(value, _core.ConflictPolicy):
        return value
    policy = _core.parse_conflict_policy(value)
    if policy is None:
        names = ", ".join(_core.conflict_policy_name(p) for p in _core.ConflictPolicy)
        raise ValueError(f'on_conflict: unknown value "{value}"; expected one of {names}')
    return policy


def session_query(
    *,
    unit: str | None = None,
    format: FormatLike | None = None,
    version: int | None = None,
    start: InstantLike | None = None,
    end: InstantLike | None = None,
    status: _core.SessionStatus | str | None = None,
    action_status: _core.ActionStatus | str | None = None,
    limit: int = 0,
) -> _core.SessionQuery:
    """The :class:`SessionQuery` for these keywords (see :meth:`Store.sessions`)."""
    format_id: str | None = None
    if isinstance(format, str):
        format_id = format
    elif isinstance(format, (_core.Format, _core.FormatRef)):
        format_id = format.id
        version = format.version if version is None else version
    elif format is not None:
        raise TypeError(
            f"format must be an id, a Format or a FormatRef, not {type(format).__name__}"
        )
    if limit < 0:
        raise ValueError(f"limit: {limit} is negative; 0 means no limit")
    return _core.SessionQuery(
        unit=unit,
        format_id=format_id,
        format_version=version,
        start=None if start is None else instant(start, "start"),
        end=None if end is None else instant(end, "end"),
        status=_session_status(status),
        action_status=_action_status(action_status),
        limit=limit,
    )


class Store(_core.Store):
    """Sessions, action histories and user formats in one SQLite file.

    ``Store(path)`` opens the file, creating it (readable by its owner only)
    unless ``create`` is False, and migrating an older schema. Use it as a
    context manager, or call :meth:`close`.

    Every write is one transaction with ``synchronous=FULL`` in WAL mode:
    when :meth:`put` returns, the session survives a crash. The store holds
    pseudonyms, never the key that made them; it keeps confidential text
    (it is the organisation's record) and every export leaves it out unless
    asked. Open one Store per thread.

    Errors: :class:`FormatError` for a session that does not validate,
    :class:`NotFoundError` for what is not there, :class:`StateError` for a
    call on a closed store or an action set to the status it has,
    :class:`VersionError` for another application's file or a newer schema,
    :class:`StoreError` for a damaged, busy or read-only store.

    Example::

        with carelearn.Store("learning.db") as store:
            store.put(session)
            store.sessions(unit="home-care-north", format="systematic-learning-meeting")
    """

    def __init__(
        self,
        path: PathLike,
        *,
        create: bool = True,
        read_only: bool = False,
        busy_timeout: datetime.timedelta = datetime.timedelta(seconds=5),
    ) -> None:
        """Opens the store at ``path`` (or ``":memory:"``)."""
        super().__init__(
            os.fspath(path),
            create_if_missing=create,
            read_only=read_only,
            busy_timeout=busy_timeout,
        )

    def __enter__(self) -> Self:
        """The store itself."""
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        """Closes the store."""
        self.close()

    def __repr__(self) -> str:
        state = " (closed)" if self.closed else ""
        return f"<Store {self.path!r}{state}>"

    def put(self, session: _core.Session) -> None:
        """Stores ``session``, replacing one with the same id, in one transaction.

        Raises :class:`FormatError` (naming the session and the place) when it
        does not validate.
        """
        self.put_session(session)

    def get(self, id: str) -> Session:
        """The session ``id`` with its actions' whole history; :class:`NotFoundError` if none."""
        return self.get_session(id)

    def get_session(self, id: str) -> Session:
        """The session ``id``; as :meth:`get`."""
        return Session(super().get_session(id))

    def find_sessions(  # type: ignore[override]
        self, query: _core.SessionQuery | None = None
    ) -> list[Session]:
        """The sessions ``query`` selects, ordered by planned start, then id."""
        return [
            Session(s)
            for s in super().find_sessions(
                _core.SessionQuery() if query is None else query
            )
        ]

    def sessions(
        self,
        *,
        unit: str | None = None,
        format: FormatLike | None = None,
        version: int | None = None,
        start: InstantLike | None = None,
        end: InstantLike | None = None,
        status: _core.SessionStatus | str | None = None,
        action_status: _core.ActionStatus | str | None = None,
        limit: int = 0,
    ) -> list[Session]:
        """The sessions that match every keyword given, ordered by planned start, then id.

        ``format`` is an id, a Format or a FormatRef; ``start`` and ``end``
        bound the planned start (at or after ``start``, before ``end``): aware
        datetimes, or dates and naive datetimes in Europe/Copenhagen time;
        ``status`` is ``"held"`` or ``"cancelled"``; ``action_status`` selects
        sessions with at least one action whose current status it is;
        ``limit`` 0 means no limit. One snapshot is read.

        Example::

            store.sessions(unit="home-care-north", start=datetime.date(2026, 3, 1),
                           end=datetime.date(2026, 4, 1), action_status="open")
        """
        return self.find_sessions(
            session_query(
                unit=unit,
                format=format,
                version=version,
                start=start,
                end=end,
                status=status,
                action_status=action_status,
                limit=limit,
            )
        )

    def count(
        self,
        *,
        unit: str | None = None,
        format: FormatLike | None = None,
        version: int | None = None,
        start: InstantLike | None = None,
        end: InstantLike | None = None,
        status: _core.SessionStatus | str | None = None,
        action_status: _core.ActionStatus | str | None = None,
    ) -> int:
        """How many sessions :meth:`sessions` would give for the same keywords."""
        return self.count_sessions(
            session_query(
                unit=unit,
                format=format,
                version=version,
                start=start,
                end=end,
                status=status,
                action_status=action_status,
            )
        )

    def actions(
        self,
        *,
        session: str | None = None,
        unit: str | None = None,
        format: str | None = None,
        status: _core.ActionStatus | str | None = None,
        due_before: datetime.date | None = None,
    ) -> list[_core.ActionRecord]:
        """The actions that match every keyword given, each with its session's
        id, unit, format and planned start, ordered by the session's planned
        start, then the order they were proposed in.

        ``status`` is the current status (``"open"``, ``"in-progress"``, ...);
        ``due_before`` selects actions with a due date before that day.
        """
        return self.find_actions(
            _core.ActionQuery(
                session_id=session,
                unit=unit,
                format_id=format,
                status=_action_status(status, "status"),
                due_before=due_before,
            )
        )

    def set_action_status(
        self,
        session_id: str,
        action_id: str,
        status: _core.ActionStatus | str,
        at: InstantLike | None = None,
    ) -> None:
        """Records that action ``action_id`` of session ``session_id`` changed to
        ``status`` at ``at`` (None: now).

        Raises :class:`NotFoundError` for an unknown session or action,
        :class:`StateError` when the action has that status already,
        :class:`FormatError` when ``at`` is before its last change.
        """
        parsed = _action_status(status, "status")
        assert parsed is not None
        when = datetime.datetime.now(datetime.UTC) if at is None else instant(at, "at")
        self.update_action_status(session_id, action_id, parsed, when)

    def import_sessions(
        self,
        path: PathLike,
        *,
        on_conflict: _core.ConflictPolicy | str = "fail",
        allow_redacted: bool = False,
        bulk: bool = False,
    ) -> _core.ImportResult:
        """Imports the ``"session/1"`` JSON Lines file at ``path`` in one
        transaction: all of it, or on an error nothing.

        ``on_conflict`` says what to do with a session already stored:
        ``"fail"`` (:class:`AlreadyExistsError`), ``"skip"`` or ``"replace"``.
        A line that left text out (an export) is refused unless
        ``allow_redacted``, so that an export cannot silently replace the full
        record. ``bulk`` trades the per-commit fsync for speed. Errors name
        ``"<path>:<line>: "`` first.
        """
        options = _core.ImportOptions(
            bulk=bulk,
            on_conflict=_conflict(on_conflict),
            allow_redacted=allow_redacted,
            source_name=os.fspath(path),
        )
        return self.import_json_lines(os.fspath(path), options)

    def export_sessions(
        self,
        path: PathLike,
        *,
        include_confidential: bool = False,
        evaluator: bool = False,
        pseudonymiser: _core.Pseudonymiser | None = None,
        unit: str | None = None,
        format: FormatLike | None = None,
        version: int | None = None,
        start: InstantLike | None = None,
        end: InstantLike | None = None,
        status: _core.SessionStatus | str | None = None,
        action_status: _core.ActionStatus | str | None = None,
    ) -> int:
        """Writes the sessions the query keywords select (as :meth:`sessions`)
        to the new file ``path`` (mode 0600) as JSON Lines; returns how many.

        Confidential text is left out unless ``include_confidential``;
        ``evaluator`` leaves out all free text and every direct identifier and,
        with ``pseudonymiser`` (the evaluation's own key), re-pseudonymises the
        ids so that the export cannot be joined back to the store.
        """
        options = export_options(
            include_confidential=include_confidential,
            evaluator=evaluator,
            pseudonymiser=pseudonymiser,
        )
        query = session_query(
            unit=unit,
            format=format,
            version=version,
            start=start,
            end=end,
            status=status,
            action_status=action_status,
        )
        return self.export_json_lines(os.fspath(path), query, options)

    def check(self) -> None:
        """Runs SQLite's integrity and foreign key checks; raises
        :class:`StoreError` with SQLite's findings when the file is damaged."""
        self.check_integrity()


_values.install_values(
    (
        _core.SessionQuery,
        _core.ActionQuery,
        _core.ActionRecord,
        _core.StoredFormat,
        _core.ImportOptions,
        _core.ImportResult,
        _core.StoreInfo,
    )
)
