"""Which sessions a query selects: :func:`session_query` makes the C++
``SessionQuery`` from the keywords of :meth:`Store.sessions`, for the store
and for :func:`read_tables` from a store alike (a module of its own, so that
neither imports the other)."""

from __future__ import annotations

import enum
from collections.abc import Callable
from typing import TypeAlias, TypeVar

from . import _core
from ._arguments import clipped, text, whole_number
from ._time import InstantLike, instant

__all__ = ["FormatLike", "optional_str", "session_query", "to_action_status"]

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
        parsed = parse(text(value, name))
        if parsed is None:
            raise ValueError(f'{name}: unknown value "{clipped(value)}"; expected {choices}')
        return parsed
    raise TypeError(f"{name} must be a {cls.__name__} or its name, not {type(value).__name__}")


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


def to_action_status(
    value: _core.ActionStatus | str | None, name: str = "action_status"
) -> _core.ActionStatus | None:
    """``value`` as an ActionStatus: the member, its name, or None."""
    return _enum(
        value,
        _core.ActionStatus,
        _core.parse_action_status,
        name,
        "open, in-progress, done or dropped",
    )


def optional_str(value: object, name: str) -> str | None:
    """``value`` as text, or None; TypeError naming ``name`` for anything else."""
    return None if value is None else text(value, name)


def session_query(
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
) -> _core.SessionQuery:
    """The :class:`SessionQuery` for these keywords (see :meth:`Store.sessions`),
    or ``query`` itself when one is given (then no keyword may be)."""
    keywords = (unit, format, version, start, end, status, action_status)
    if query is not None:
        if not isinstance(query, _core.SessionQuery):
            raise TypeError(f"query must be a SessionQuery, not {type(query).__name__}")
        if any(k is not None for k in keywords) or limit:
            raise TypeError("give a SessionQuery or query keywords, not both")
        return query
    format_id: str | None = None
    if isinstance(format, str):
        format_id = text(format, "format")
    elif isinstance(format, (_core.Format, _core.FormatRef)):
        format_id = format.id
        version = format.version if version is None else version
    elif format is not None:
        raise TypeError(
            f"format must be an id, a Format or a FormatRef, not {type(format).__name__}"
        )
    return _core.SessionQuery(
        unit=optional_str(unit, "unit"),
        format_id=format_id,
        format_version=None if version is None else whole_number(version, "version"),
        start=None if start is None else instant(start, "start"),
        end=None if end is None else instant(end, "end"),
        status=_session_status(status),
        action_status=to_action_status(action_status),
        limit=whole_number(limit, "limit", minimum=0),
    )
