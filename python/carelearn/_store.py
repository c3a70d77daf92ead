"""The store: held sessions, the status history of their actions and a
municipality's own formats, kept durably in one SQLite file.

:class:`Store` wraps the C++ store and gives each operation one name:
``put``, ``get``, ``delete``, ``sessions``, ``count``, ``actions``,
``set_action_status``, ``put_format``, ``get_format``, ``formats``,
``import_sessions``, ``export_sessions``, ``check`` and ``info``.

Example::

    with carelearn.Store("learning.db") as store:
        store.put(session)              # [] or the identifier linter's warnings
        spring = store.sessions(unit="home-care-north", start=datetime.date(2026, 3, 1),
                                end=datetime.date(2026, 7, 1))
        store.set_action_status(session.id, "a1", "done")
        store.export_sessions("for-evaluators.jsonl", evaluator=True, pseudonymiser=study_key)
"""

from __future__ import annotations

import datetime
import os
from types import TracebackType
from typing import IO, ClassVar, Self

from . import _core
from ._arguments import clipped, identifier_policy, text, whole_number
from ._documents import PathLike, path_of, text_of
from ._query import FormatLike, optional_str, session_query, to_action_status
from ._record import Session, export_options, write_manifest_to
from ._time import InstantLike, day, instant

__all__ = ["FormatLike", "Store", "session_query"]

def _conflict(value: _core.ConflictPolicy | str) -> _core.ConflictPolicy:
    if isinstance(value, _core.ConflictPolicy):
        return value
    if not isinstance(value, str):
        raise TypeError(
            f"on_conflict must be a ConflictPolicy or its name, not {type(value).__name__}"
        )
    policy = _core.parse_conflict_policy(value)
    if policy is None:
        names = ", ".join(_core.conflict_policy_name(p) for p in _core.ConflictPolicy)
        raise ValueError(f'on_conflict: unknown value "{clipped(value)}"; expected one of {names}')
    return policy


def _readable(source: object) -> bool:
    return callable(getattr(source, "read", None))


def _writable(destination: object) -> bool:
    return callable(getattr(destination, "write", None))


class Store:
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
    :class:`StoreError` for a damaged, busy or read-only store, a full disk,
    or any other failure of the database or the file under it.

    Example::

        with carelearn.Store("learning.db") as store:
            store.put(session)
            store.sessions(unit="home-care-north", format="systematic-learning-meeting")
    """

    SCHEMA_VERSION: ClassVar[int] = _core.Store.SCHEMA_VERSION
    """The schema version this library writes (``PRAGMA user_version``)."""

    APPLICATION_ID: ClassVar[int] = _core.Store.APPLICATION_ID
    """What marks a SQLite file as a carelearn store (``PRAGMA application_id``)."""

    def __init__(
        self,
        path: PathLike,
        *,
        create: bool = True,
        read_only: bool = False,
        busy_timeout: datetime.timedelta = datetime.timedelta(seconds=5),
        identifiers: _core.IdentifierPolicy | str = "warn",
    ) -> None:
        """Opens the store at ``path`` (or ``":memory:"``).

        ``identifiers`` says what :meth:`put` and :meth:`import_sessions` do
        when the identifier linter finds a CPR number, an e-mail address, a
        phone number or a name in a session: ``"warn"`` (they return the
        findings) or ``"refuse"`` (:class:`FormatError`, nothing stored).

        Raises :class:`NotFoundError` when the file does not exist and
        ``create`` is False, :class:`VersionError` for another application's
        database or a newer schema, :class:`StoreError` for a file that is not
        a database or is damaged, or locked past ``busy_timeout``.
        """
        self._store = _core.Store(
            path_of(path, "path"),
            create_if_missing=create,
            read_only=read_only,
            busy_timeout=busy_timeout,
            identifiers=identifier_policy(identifiers),
        )

    @property
    def path(self) -> str:
        """The path the store was opened with."""
        return self._store.path

    @property
    def closed(self) -> bool:
        """True once closed."""
        return self._store.closed

    def close(self) -> None:
        """Closes the store; later calls raise :class:`StateError`. Closing twice does nothing."""
        self._store.close()

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

    # --- Sessions --------------------------------------------------------------------------

    def put(self, session: _core.Session) -> list[_core.Diagnostic]:
        """Stores ``session``, replacing one with the same id, in one
        transaction, and returns what the identifier linter found in it
        (``"identifier-in-id"``, ``"identifier-in-text"`` warnings).

        Raises :class:`FormatError` (naming the session and the place) when it
        does not validate, or when the store refuses identifiers and the
        linter finds one.
        """
        return self._store.put_session(session)

    def get(self, id: str) -> Session:
        """The session ``id`` with its actions' whole history; :class:`NotFoundError` if none."""
        return Session(self._store.get_session(id))

    def delete(self, id: str) -> None:
        """Removes the session ``id`` with its actions (an erasure request): the
        rows are overwritten and the write-ahead log emptied. Raises
        :class:`NotFoundError` when there is none."""
        self._store.delete_session(id)

    def sessions(
        self,
        query: _core.SessionQuery | None = None,
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
        """The sessions that match every keyword given (or the
        :class:`SessionQuery` ``query``), ordered by planned start, then id.

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
        chosen = session_query(
            query,
            unit=unit,
            format=format,
            version=version,
            start=start,
            end=end,
            status=status,
            action_status=action_status,
            limit=limit,
        )
        return [Session(s) for s in self._store.find_sessions(chosen)]

    def count(
        self,
        query: _core.SessionQuery | None = None,
        *,
        unit: str | None = None,
        format: FormatLike | None = None,
        version: int | None = None,
        start: InstantLike | None = None,
        end: InstantLike | None = None,
        status: _core.SessionStatus | str | None = None,
        action_status: _core.ActionStatus | str | None = None,
    ) -> int:
        """How many sessions :meth:`sessions` would give for the same arguments
        (a query's limit is ignored)."""
        chosen = session_query(
            query,
            unit=unit,
            format=format,
            version=version,
            start=start,
            end=end,
            status=status,
            action_status=action_status,
        )
        return self._store.count_sessions(chosen)

    # --- Actions ---------------------------------------------------------------------------

    def actions(
        self,
        query: _core.ActionQuery | None = None,
        *,
        session: str | None = None,
        unit: str | None = None,
        format: str | None = None,
        status: _core.ActionStatus | str | None = None,
        due_before: datetime.date | str | None = None,
    ) -> list[_core.ActionRecord]:
        """The actions that match every keyword given (or the
        :class:`ActionQuery` ``query``), each with its session's id, unit,
        format and planned start, ordered by the session's planned start, then
        the order they were proposed in.

        ``status`` is the current status (``"open"``, ``"in-progress"``, ...);
        ``due_before`` selects actions with a due date before that day.
        """
        keywords = (session, unit, format, status, due_before)
        if query is not None:
            if not isinstance(query, _core.ActionQuery):
                raise TypeError(f"query must be an ActionQuery, not {type(query).__name__}")
            if any(k is not None for k in keywords):
                raise TypeError("give an ActionQuery or query keywords, not both")
            return self._store.find_actions(query)
        return self._store.find_actions(
            _core.ActionQuery(
                session_id=optional_str(session, "session"),
                unit=optional_str(unit, "unit"),
                format_id=optional_str(format, "format"),
                status=to_action_status(status, "status"),
                due_before=None if due_before is None else day(due_before, "due_before"),
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
        parsed = to_action_status(status, "status")
        if parsed is None:
            raise TypeError("status must be an ActionStatus or its name, not None")
        when = datetime.datetime.now(datetime.UTC) if at is None else instant(at, "at")
        self._store.update_action_status(session_id, action_id, parsed, when)

    # --- Formats ---------------------------------------------------------------------------

    def put_format(self, format: _core.Format) -> None:
        """Keeps a user format's canonical JSON under its id and version, byte
        for byte, so that sessions of it can be checked later.

        Raises :class:`AlreadyExistsError` when that id and version hold
        another format (raise the version).
        """
        if not isinstance(format, _core.Format):
            raise TypeError(f"format must be a Format, not {type(format).__name__}")
        self._store.put_format(format)

    def get_format(self, id: str, version: int | None = None) -> _core.StoredFormat:
        """The stored format ``id`` at ``version`` (None: the newest);
        :class:`NotFoundError` when there is none."""
        return self._store.get_format(
            id, None if version is None else whole_number(version, "version")
        )

    def formats(self) -> list[_core.StoredFormat]:
        """Every stored format, ordered by id and version."""
        return self._store.list_formats()

    # --- JSON Lines ------------------------------------------------------------------------

    def import_sessions(
        self,
        source: PathLike | IO[str] | IO[bytes],
        *,
        on_conflict: _core.ConflictPolicy | str = "fail",
        allow_redacted: bool = False,
        bulk: bool = False,
    ) -> _core.ImportResult:
        """Imports ``"session/1"`` JSON Lines, from the file at the path
        ``source`` or from an open text or binary file (``sys.stdin``), in one
        transaction: all of it, or on an error nothing.

        ``on_conflict`` says what to do with a session already stored:
        ``"fail"`` (:class:`AlreadyExistsError`), ``"skip"`` or ``"replace"``.
        A line that left text out (an export) is refused unless
        ``allow_redacted``, so that an export cannot silently replace the full
        record. ``bulk`` trades the per-commit fsync for speed. Errors name
        ``"<source>:<line>: "`` first.
        """
        policy = _conflict(on_conflict)
        if _readable(source):
            name = str(getattr(source, "name", "<input>"))
            options = _core.ImportOptions(
                bulk=bulk, on_conflict=policy, allow_redacted=allow_redacted, source_name=name
            )
            data = source.read()  # type: ignore[union-attr]
            return self._store.import_json_lines_text(text_of(data, name, "source"), options)
        path = path_of(source, "source")
        options = _core.ImportOptions(
            bulk=bulk, on_conflict=policy, allow_redacted=allow_redacted, source_name=path
        )
        return self._store.import_json_lines(path, options)

    def export_sessions(
        self,
        destination: PathLike | IO[str],
        query: _core.SessionQuery | None = None,
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
        manifest: PathLike | None = None,
    ) -> int:
        """Writes the sessions the query keywords (or ``query``) select, as
        :meth:`sessions`, as JSON Lines to ``destination`` -- a new file at
        that path (mode 0600: it holds personal data), or an open text file
        such as ``sys.stdout`` -- and returns how many.

        Confidential text is left out unless ``include_confidential``;
        ``evaluator`` leaves out all free text and every direct identifier and
        re-pseudonymises the ids under ``pseudonymiser`` (the evaluation's own
        key, required) so that the export cannot be joined back to the store;
        written to a path, its manifest goes beside it
        (``<path>.manifest.json``); written to an open file, the manifest
        goes to the path ``manifest``, which an evaluator's export then needs
        (any other export to an open file gets one there when it is given).
        Every export but ``include_confidential`` masks what the identifier
        linter finds (docs/privacy.md).

        Raises ValueError naming ``manifest`` when an evaluator's export to an
        open file has none, or when one is given for an export to a path
        (whose manifest goes beside it).
        """
        options = export_options(
            include_confidential=include_confidential,
            evaluator=evaluator,
            pseudonymiser=pseudonymiser,
        )
        chosen = session_query(
            query,
            unit=unit,
            format=format,
            version=version,
            start=start,
            end=end,
            status=status,
            action_status=action_status,
        )
        if _writable(destination):
            target = None if manifest is None else path_of(manifest, "manifest")
            if evaluator and target is None:
                raise ValueError(
                    "manifest: an evaluator's export to an open file needs a path for its "
                    "manifest (what was removed and the key's fingerprint)"
                )
            text = self._store.export_json_lines_text(chosen, options)
            count = text.count("\n")
            if target is not None:
                write_manifest_to(target, _core.export_manifest_json(options, count))
            destination.write(text)  # type: ignore[union-attr]
            return count
        if manifest is not None:
            raise ValueError(
                "manifest: an export to a path gets its manifest beside it "
                "(<path>.manifest.json); give manifest only with an open file"
            )
        return self._store.export_json_lines(path_of(destination, "destination"), chosen, options)

    # --- The file --------------------------------------------------------------------------

    def check(self) -> None:
        """Runs SQLite's integrity and foreign key checks; raises
        :class:`StoreError` with SQLite's findings when the file is damaged."""
        self._store.check_integrity()

    def info(self) -> _core.StoreInfo:
        """The schema version, journal mode and synchronous setting in force."""
        return self._store.info()
