"""Rosters: the pseudonymous staff of each unit, with profession, shift and
the days each person belonged there (people move). A roster is the
denominator of reach and dose (:mod:`carelearn.metrics`); it is read from
CSV or a ``roster/1`` JSON document (docs/metrics.md, "Rosters"), or built
from a pandas frame.

Example::

    roster = carelearn.read_roster("roster.csv")
    roster.to_frame().groupby("unit").person.nunique()
"""

from __future__ import annotations

import datetime
import os
from typing import TYPE_CHECKING, Literal, TypeAlias

from . import _core
from ._frames import require_pandas
from ._time import day

if TYPE_CHECKING:
    import pandas

__all__ = ["Roster", "RosterLike", "read_roster"]


class Roster(_core.Roster):
    """The pseudonymous staff of the units: one membership per row (person,
    unit, profession, shift, from, to), the denominator of :func:`carelearn.metrics.reach` and
    :func:`carelearn.metrics.dose`. A person who moved unit has two memberships, one after the
    other. Read one with :func:`read_roster`, or build one from a frame with
    :meth:`from_frame`.

    Example::

        roster = carelearn.metrics.read_roster("roster.csv")
        roster.to_frame().groupby("unit").person.nunique()
    """

    @classmethod
    def from_frame(cls, frame: pandas.DataFrame) -> Roster:
        """A roster from a frame with the columns ``person``, ``unit``,
        ``from`` and optionally ``profession``, ``shift`` (``"day"``,
        ``"evening"``, ``"night"``, ``"unspecified"`` or empty) and ``to``
        (the last day, inclusive; missing while it lasts). Dates are
        :class:`datetime.date` s, pandas timestamps or ``"YYYY-MM-DD"``.

        Raises TypeError when ``frame`` is not a DataFrame, ValueError naming
        a missing column, a bad date or an unknown shift, and
        :class:`~carelearn.FormatError` for memberships that do not fit
        together (an empty person, ``to`` before ``from``, an overlap).
        """
        require_pandas()
        import pandas as pd

        if not isinstance(frame, pd.DataFrame):
            raise TypeError(f"frame must be a pandas DataFrame, not {type(frame).__name__}")
        for column in ("person", "unit", "from"):
            if column not in frame.columns:
                raise ValueError(f'frame: no column "{column}" (a roster needs person, unit, from)')
        n = len(frame)

        def strings(name: str) -> list[str]:
            if name not in frame.columns:
                return [""] * n
            return ["" if pd.isna(v) else str(v) for v in frame[name].tolist()]

        def days(name: str, optional: bool) -> list[datetime.date | None]:
            if name not in frame.columns:
                return [None] * n
            out: list[datetime.date | None] = []
            for i, v in enumerate(frame[name].tolist()):
                if v is None or (not isinstance(v, str) and pd.isna(v)):
                    if not optional:
                        raise ValueError(f"{name}[{i}]: missing; every membership has a first day")
                    out.append(None)
                elif isinstance(v, pd.Timestamp | datetime.datetime):
                    out.append(v.date())
                else:
                    out.append(day(v, f"{name}[{i}]"))
            return out

        core = _core.roster_from_columns(
            strings("person"),
            strings("unit"),
            strings("profession"),
            strings("shift"),
            days("from", False),  # type: ignore[arg-type]
            days("to", True),
        )
        return cls(core)

    def to_frame(self) -> pandas.DataFrame:
        """The memberships as a frame: person, unit, profession, shift (its
        name), from and to (``datetime64``; ``NaT`` while it lasts)."""
        require_pandas()
        import pandas as pd

        columns = self.columns()
        frame = pd.DataFrame(
            {
                "person": columns["person"],
                "unit": columns["unit"],
                "profession": columns["profession"],
                "shift": columns["shift"],
                "from": pd.to_datetime(pd.Series(columns["from"], dtype=object)),
                "to": pd.to_datetime(pd.Series(columns["to"], dtype=object)),
            }
        )
        return frame

    def __repr__(self) -> str:
        return f"<Roster: {len(self)} memberships>"


RosterLike: TypeAlias = "Roster | _core.Roster | str | os.PathLike[str] | pandas.DataFrame"
"""A roster, a path to a roster file (CSV or ``roster/1`` JSON) or a frame
for :meth:`Roster.from_frame`."""


def read_roster(path: str | os.PathLike[str], *, format: Literal["csv", "json"] | None = None) -> Roster:
    """Reads the roster at ``path``: CSV (``person,unit,profession,shift,from,to``,
    as :func:`carelearn.simulate` writes ``roster.csv``) or a ``roster/1``
    JSON document; ``format`` None decides by the suffix (``.json`` is JSON,
    anything else CSV).

    Raises :class:`~carelearn.NotFoundError` when the file cannot be read,
    :class:`~carelearn.FormatError` naming ``<path>:<line>:<column>`` and the
    cause, TypeError or ValueError naming a bad argument.

    Example::

        roster = carelearn.metrics.read_roster("roster.csv")
        len(roster)     # memberships
    """
    if not isinstance(path, str | os.PathLike):
        raise TypeError(f"path must be a path, not {type(path).__name__}")
    name = os.fspath(path)
    if format is None:
        format = "json" if name.lower().endswith(".json") else "csv"
    if format == "csv":
        return Roster(_core.load_roster_csv(name))
    if format == "json":
        return Roster(_core.load_roster_json(name))
    raise ValueError(f'format: unknown value "{format}"; expected "csv", "json" or None')
