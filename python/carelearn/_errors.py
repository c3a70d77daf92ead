"""The exceptions carelearn raises.

Every error of the C++ library reaches Python as a subclass of :class:`Error`,
chosen by the error's kind, with the library's message as its text. Errors
from the JSON loaders also say where the problem lies: ``path`` (a JSON
Pointer such as ``/steps/1/budjet``), ``line`` and ``column``.
"""

from __future__ import annotations

__all__ = [
    "AlreadyExistsError",
    "Error",
    "FormatError",
    "LimitError",
    "NotFoundError",
    "StateError",
    "StoreError",
    "VersionError",
]


class Error(Exception):
    """The base of every carelearn error.

    ``str(error)`` is the library's message, which names the place and the
    cause. For an error raised while loading a document, ``path`` is the JSON
    Pointer of the offending value (``""`` for the whole document) and
    ``line`` and ``column`` are 1-based (0 when unknown); otherwise all three
    are None.
    """

    path: str | None
    line: int | None
    column: int | None

    def __init__(
        self,
        message: str,
        *,
        path: str | None = None,
        line: int | None = None,
        column: int | None = None,
    ) -> None:
        """An error with the library's ``message`` and, from a loader, its location."""
        super().__init__(message)
        self.path = path
        self.line = line
        self.column = column

    @property
    def message(self) -> str:
        """The library's message."""
        return str(self.args[0]) if self.args else ""

    def __reduce__(self) -> tuple[object, ...]:
        return (
            _rebuild_error,
            (type(self), self.message, self.path, self.line, self.column),
        )


def _rebuild_error(
    cls: type[Error],
    message: str,
    path: str | None,
    line: int | None,
    column: int | None,
) -> Error:
    return cls(message, path=path, line=line, column=column)


class FormatError(Error, ValueError):
    """A document or value is malformed: a syntax error, an unknown or missing
    key, a value of the wrong type, or a change that does not fit its base.

    ``path``, ``line`` and ``column`` locate the problem in a loaded document.
    """


class NotFoundError(Error, LookupError):
    """Something named is not there: a file that cannot be read, a format
    missing from a catalog, the base a variant extends."""


class LimitError(Error):
    """A document passes a limit of :class:`ParseOptions` (nesting depth,
    document size or string length), or a session line one of the JSON Lines
    reader's limits (line length, string length, participants, steps,
    actions, ...)."""


class VersionError(Error):
    """A document of another kind, or of a newer schema version than this
    library reads."""


class AlreadyExistsError(Error):
    """Something with that id is there already: a format or question set in a
    catalog, an action id or a participant's feedback in a session, a session
    in a store (an import under ``ConflictPolicy.FAIL``)."""


class StateError(Error):
    """A call that the object's state does not allow, such as
    :meth:`Runner.next` after :meth:`Runner.finish`, :meth:`Runner.start`
    twice, recording before the start, an action set to the status it has
    already, or any call on a closed :class:`Store`. Nothing was changed."""


class StoreError(Error):
    """The store cannot do what was asked: its file is not a database or is
    damaged, another writer held the lock past the busy timeout, or it was
    opened read-only."""
