"""The evaluator's measures, computed in C++ over session tables and
returned as pandas DataFrames: cadence, reach, dose, fidelity, outcomes,
responsiveness and learning circles (docs/metrics.md defines every column,
its formula and the framework it comes from).

Every function takes the :class:`~carelearn.SessionTables` of
:func:`carelearn.read_tables` (the C++ code reads the columns in place, with
the GIL released; no Python object is made per record) and returns a small
frame whose rows are sorted as docs/metrics.md says. Rosters, the staff lists
reach and dose divide by, come from :func:`carelearn.read_roster`.

Small cells: counts of people from 1 to ``threshold - 1`` (default 5) are
withheld by default, with what derives from them (a share, a mean), before a
figure leaves the organisation; the row's ``suppressed`` column says so.
``small_cells="flag"`` keeps the values and only sets the flag (for a unit's
own eyes), ``small_cells="off"`` does neither. A withheld count is ``<NA>``
(the people columns are pandas ``Int64``), a withheld share ``NaN``.

Each frame's ``attrs`` hold ``"measure"`` (its name), ``"roles"`` (each
column's role: key, people, people-cell, derived, value or flag),
``"period"``, ``"small_cells"`` and ``"threshold"``.

Example::

    import carelearn, carelearn.metrics as cm

    tables = carelearn.read_tables("sessions.jsonl")
    programme = carelearn.load_programme("programme.json")
    roster = cm.read_roster("roster.csv")
    cm.cadence(tables, programme, period="quarter")[["unit", "period", "adherence"]]
    cm.reach(tables, roster, by=("unit", "profession"))
"""

from __future__ import annotations

import datetime
import os
from collections.abc import Callable, Mapping, Sequence
from typing import TYPE_CHECKING, Any, Literal, TypeAlias

from . import _core
from ._frames import require_pandas
from ._roster import Roster, RosterLike, read_roster
from ._schedule import Occurrences, Programme
from ._tables import SessionTables
from ._time import DateLike, InstantLike, day, instant

if TYPE_CHECKING:
    import pandas

__all__ = [
    "Period",
    "Roster",
    "RosterLike",
    "SmallCells",
    "cadence",
    "circle_matrix",
    "circles",
    "dose",
    "fidelity",
    "outcomes",
    "plan_link",
    "reach",
    "read_roster",
    "responsiveness",
    "session_fidelity",
    "step_budgets",
    "step_fidelity",
]

Period: TypeAlias = Literal["month", "quarter", "year"]
"""The calendar periods rows are grouped by, in Europe/Copenhagen:
``"month"`` ("2026-03"), ``"quarter"`` ("2026-Q1") or ``"year"`` ("2026")."""

SmallCells: TypeAlias = Literal["suppress", "flag", "off"]
"""What is done with small cells: withhold them (the default), only flag
them, or neither."""

_PERIODS = ("month", "quarter", "year")
_SMALL_CELLS = ("suppress", "flag", "off")
_MAX_THRESHOLD = 1_000_000_000


# ------------------------------------------------------------------ arguments


def _tables(tables: object) -> SessionTables | _core.SessionTables:
    if not isinstance(tables, _core.SessionTables):
        raise TypeError(
            "tables must be SessionTables (from carelearn.read_tables), "
            f"not {type(tables).__name__}"
        )
    return tables


def _roster(roster: object) -> _core.Roster:
    if isinstance(roster, _core.Roster):
        return roster
    if isinstance(roster, str | os.PathLike):
        path = os.fspath(roster)
        if not isinstance(path, str):
            raise TypeError(f"roster must be a str path, not {type(path).__name__}")
        try:
            path.encode("utf-8")
        except UnicodeEncodeError:
            raise ValueError(
                "roster: the path is not encodable as UTF-8 (a lone surrogate)"
            ) from None
        return read_roster(path)
    require_pandas()
    import pandas as pd

    if isinstance(roster, pd.DataFrame):
        return Roster.from_frame(roster)
    raise TypeError(
        "roster must be a Roster, a path to a roster file or a DataFrame, "
        f"not {type(roster).__name__}"
    )


def _choice(name: str, value: object, allowed: Sequence[str]) -> str:
    if not isinstance(value, str):
        raise TypeError(f"{name} must be a str, not {type(value).__name__}")
    if value not in allowed:
        expected = ", ".join(f'"{a}"' for a in allowed)
        raise ValueError(f'{name}: unknown value "{value}"; expected one of {expected}')
    return value


def _small(small_cells: object, threshold: object) -> dict[str, Any]:
    mode = _choice("small_cells", small_cells, _SMALL_CELLS)
    if isinstance(threshold, bool) or not isinstance(threshold, int):
        raise TypeError(f"threshold must be a whole number, not {type(threshold).__name__}")
    if threshold < 1:
        raise ValueError(f"threshold: {threshold} is below 1")
    if threshold > _MAX_THRESHOLD:
        raise ValueError(f"threshold: {threshold} is more than {_MAX_THRESHOLD:,} people")
    return {"small_cells": mode, "threshold": threshold}


def _schedule(
    programme: object, start: DateLike, end: DateLike
) -> _core.Schedule:
    if isinstance(programme, _core.Schedule):
        if start is not None or end is not None:
            raise ValueError("start, end: a Schedule is expanded already; give a Programme instead")
        return programme
    if isinstance(programme, Programme):
        return programme.schedule(start, end)
    raise TypeError(
        f"programme must be a Programme or a Schedule, not {type(programme).__name__}"
    )


def _day_bounds(
    start: DateLike, end: DateLike
) -> tuple[datetime.date | None, datetime.date | None]:
    """[start, end) as the inclusive days (first, last) the C++ code takes."""

    def as_day(value: DateLike, name: str) -> datetime.date | None:
        if value is None:
            return None
        if isinstance(value, datetime.datetime):
            raise TypeError(f"{name} must be a datetime.date or \"YYYY-MM-DD\", not datetime")
        return day(value, name)

    first = as_day(start, "start")
    stop = as_day(end, "end")
    if (first is None) != (stop is None):
        raise ValueError("start, end: give both or neither (None: the days sessions took place)")
    if first is None or stop is None:
        return None, None
    if stop <= first:
        raise ValueError(f"end: {stop} is not after start, {first}")
    return first, stop - datetime.timedelta(days=1)


# ------------------------------------------------------------------ frames



def _frame(
    measure: str,
    columns: list[tuple[str, str, Any]],
    *,
    period: str | None,
    small: Mapping[str, Any],
) -> pandas.DataFrame:
    """The DataFrame of a C++ result's columns: keys as str, ``period_start``
    as a date (``datetime64[s]``), people counts as ``Int64`` with ``<NA>``
    where withheld, flags as bool; nothing per record is done in Python."""
    require_pandas()
    import numpy as np
    import pandas as pd

    data: dict[str, Any] = {}
    roles: dict[str, str] = {}
    for name, role, values in columns:
        roles[name] = role
        if isinstance(values, list):
            data[name] = pd.array(values, dtype="str") if values else pd.array([], dtype="str")
        elif name == "period_start":
            data[name] = (values.astype("int64") * 86400).astype("datetime64[s]")
        elif role == "flag" or values.dtype == np.uint8:
            data[name] = values.astype(bool)
        elif role in ("people", "people-cell"):
            data[name] = pd.arrays.IntegerArray(values.astype(np.int64), values < 0)
        else:
            data[name] = values
    frame = pd.DataFrame(data)
    frame.attrs = {
        "measure": measure,
        "roles": roles,
        "period": period,
        "small_cells": small["small_cells"],
        "threshold": small["threshold"],
    }
    return frame


def _run(
    measure: str,
    call: Callable[..., list[tuple[str, str, Any]]],
    *args: Any,
    period: str | None,
    small: Mapping[str, Any],
    **kwargs: Any,
) -> pandas.DataFrame:
    require_pandas()
    if period is not None:
        kwargs["period"] = period
    columns = call(*args, **kwargs, **small)
    return _frame(measure, columns, period=period, small=small)


# ------------------------------------------------------------------ measures


def plan_link(
    tables: SessionTables,
    programme: Programme | _core.Schedule,
    *,
    start: DateLike = None,
    end: DateLike = None,
    window: Literal["same-day", "within"] = "same-day",
    tolerance: datetime.timedelta = datetime.timedelta(0),
) -> pandas.DataFrame:
    """The planned occurrences of ``programme`` in [start, end) linked to the
    sessions of ``tables`` (docs/metrics.md, "Plan and record"): one row per
    occurrence, in the schedule's order (by start, unit, entry).

    Columns: ``unit`` (the host), ``format``, ``start`` (in Copenhagen), ``outcome``
    (``"held"``, ``"cancelled"`` or ``"not-recorded"``) and ``session`` (the
    linked session's row in ``tables.sessions``, or -1). ``window`` is
    ``"same-day"`` (the same local day in Copenhagen) or ``"within"`` (no more
    than ``tolerance`` apart).
    """
    require_pandas()
    import numpy as np
    import pandas as pd

    t = _tables(tables)
    _choice("window", window, ("same-day", "within"))
    if not isinstance(tolerance, datetime.timedelta):
        raise TypeError(f"tolerance must be a datetime.timedelta, not {type(tolerance).__name__}")
    schedule = _schedule(programme, start, end)
    session, outcome, _ = _core.link_sessions(t, schedule, window=window, tolerance=tolerance)
    occurrences = Occurrences.from_schedule(schedule).to_frame()
    names = ["held", "cancelled", "not-recorded"]
    return pd.DataFrame(
        {
            "unit": occurrences["unit"].astype("str"),
            "format": occurrences["format"].astype("str"),
            "start": occurrences["start"],
            "outcome": pd.Categorical.from_codes(outcome.astype(np.int8), categories=pd.Index(names)),
            "session": session,
        }
    )


def cadence(
    tables: SessionTables,
    programme: Programme | _core.Schedule | None = None,
    *,
    start: DateLike = None,
    end: DateLike = None,
    period: Period = "month",
    window: Literal["same-day", "within"] = "same-day",
    tolerance: datetime.timedelta = datetime.timedelta(0),
    catalog: _core.Catalog | None = None,
    small_cells: SmallCells = "suppress",
    threshold: int = 5,
) -> pandas.DataFrame:
    """Did the units keep the fixed interval? Per unit × format × period:
    occurrences planned by ``programme`` (expanded in [start, end): dates are
    local midnight in the programme's zone; None leaves an end open), held,
    cancelled (by reason) and not recorded, adherence, gaps, regularity and
    maintenance. ``programme`` None: no plan, every session is unplanned.
    ``window`` and ``tolerance`` say how sessions are linked to occurrences
    (see :func:`plan_link`); ``catalog`` gives the formats' cadences (None:
    the built-in catalog).

    Columns (docs/metrics.md, "Cadence"): unit, format, period, period_start,
    planned, held, cancelled, cancelled_staffing, cancelled_workload,
    cancelled_no_facilitator, cancelled_holiday, cancelled_other,
    not_recorded, unplanned_held, unplanned_cancelled, adherence,
    longest_gap_days, intervals, interval_median_days, interval_mad_days,
    cadence_days, adherence_first_half, adherence_second_half, maintenance,
    suppressed. Counts are of sessions, so nothing is withheld.

    Example::

        c = carelearn.metrics.cadence(tables, programme, period="quarter")
        c.groupby("unit")[["planned", "held"]].sum()
    """
    t = _tables(tables)
    small = _small(small_cells, threshold)
    _choice("period", period, _PERIODS)
    if programme is None:
        if start is not None or end is not None:
            raise ValueError("start, end: there is no programme to expand")
        schedule = _core.Schedule()
    else:
        schedule = _schedule(programme, start, end)
    return _run(
        "cadence",
        _core.measure_cadence,
        t,
        schedule,
        period=period,
        small=small,
        window=_choice("window", window, ("same-day", "within")),
        tolerance=tolerance,
        catalog=catalog,
    )


_BY = ("unit", "profession", "shift")


def reach(
    tables: SessionTables,
    roster: RosterLike,
    *,
    by: Sequence[str] = ("unit",),
    period: Period = "month",
    min_sessions: int = 2,
    start: DateLike = None,
    end: DateLike = None,
    small_cells: SmallCells = "suppress",
    threshold: int = 5,
) -> pandas.DataFrame:
    """Who was reached? Of the people on ``roster`` in each unit (split
    further by ``"profession"`` and/or ``"shift"`` when ``by`` names them)
    and period: how many took part in a session, in at least
    ``min_sessions``, and how many never (a count, never who). A person who
    moved unit counts in the unit they belonged to on the session's day.
    [start, end) are the days covered (dates; None for both: the days
    sessions took place).

    Columns (docs/metrics.md, "Reach"): unit, profession, shift (``""`` when
    not split), period, period_start, staff, reached, reached_share,
    reached_k, reached_k_share, never_reached, off_roster, suppressed.
    ``staff`` and the counts of people are withheld for groups of fewer than
    ``threshold`` people.

    Example::

        carelearn.metrics.reach(tables, "roster.csv", by=("unit", "profession"))
    """
    t = _tables(tables)
    r = _roster(roster)
    small = _small(small_cells, threshold)
    _choice("period", period, _PERIODS)
    if isinstance(by, str) or not isinstance(by, Sequence):
        raise TypeError(f"by must be a tuple of column names, not {type(by).__name__}")
    for name in by:
        _choice("by", name, _BY)
    if "unit" not in by:
        raise ValueError('by: reach is always per unit; include "unit"')
    if isinstance(min_sessions, bool) or not isinstance(min_sessions, int):
        raise TypeError(f"min_sessions must be a whole number, not {type(min_sessions).__name__}")
    if min_sessions < 1:
        raise ValueError(f"min_sessions: {min_sessions} is below 1")
    first, last = _day_bounds(start, end)
    return _run(
        "reach",
        _core.measure_reach,
        t,
        r,
        period=period,
        small=small,
        by_profession="profession" in by,
        by_shift="shift" in by,
        min_sessions=min_sessions,
        first=first,
        last=last,
    )


def dose(
    tables: SessionTables,
    roster: RosterLike,
    programme: Programme | _core.Schedule | None = None,
    *,
    start: DateLike = None,
    end: DateLike = None,
    period: Period = "month",
    small_cells: SmallCells = "suppress",
    threshold: int = 5,
) -> pandas.DataFrame:
    """How much learning did each person get? Learning hours per person per
    unit and period (each session's minutes for each person who took part,
    averaged over the roster's staff, who count 0 when they took none),
    against the hours ``programme`` planned for the unit (None: NaN).
    [start, end) are the days covered (dates; None for both: the days
    sessions took place); the programme is expanded over the same days.

    Columns (docs/metrics.md, "Dose"): unit, period, period_start, staff,
    attendees, hours, hours_per_person_mean, hours_per_person_median,
    planned_hours_per_person, dose_ratio, suppressed.

    Example::

        carelearn.metrics.dose(tables, roster, programme, period="quarter")
    """
    t = _tables(tables)
    r = _roster(roster)
    small = _small(small_cells, threshold)
    _choice("period", period, _PERIODS)
    first, last = _day_bounds(start, end)
    schedule = None if programme is None else _schedule(programme, start, end)
    return _run(
        "dose",
        _core.measure_dose,
        t,
        r,
        schedule,
        period=period,
        small=small,
        first=first,
        last=last,
    )


def _fidelity_table(
    measure: str,
    call: Callable[..., list[tuple[str, str, Any]]],
    tables: SessionTables,
    catalog: _core.Catalog | None,
    period: Period | None,
    small_cells: SmallCells,
    threshold: int,
) -> pandas.DataFrame:
    t = _tables(tables)
    small = _small(small_cells, threshold)
    if period is not None:
        _choice("period", period, _PERIODS)
    if catalog is not None and not isinstance(catalog, _core.Catalog):
        raise TypeError(f"catalog must be a Catalog or None, not {type(catalog).__name__}")
    return _run(measure, call, t, period=period, small=small, catalog=catalog)


def fidelity(
    tables: SessionTables,
    *,
    period: Period = "month",
    catalog: _core.Catalog | None = None,
    small_cells: SmallCells = "suppress",
    threshold: int = 5,
) -> pandas.DataFrame:
    """Were the steps and times kept? Per unit × format × period, over the
    held sessions of formats ``catalog`` has (None: the built-in catalog).

    Columns (docs/metrics.md, "Fidelity"): unit, format, period,
    period_start, sessions, steps_held_share, all_steps_share,
    reordered_share, overrun_rate, overrun_minutes_mean,
    questions_used_mean, questions_share, learning_points_mean,
    outputs_met_share, facilitator_share, suppressed.
    """
    return _fidelity_table(
        "fidelity", _core.measure_fidelity, tables, catalog, period, small_cells, threshold
    )


def session_fidelity(
    tables: SessionTables,
    *,
    catalog: _core.Catalog | None = None,
    small_cells: SmallCells = "suppress",
    threshold: int = 5,
) -> pandas.DataFrame:
    """Fidelity of each held session, one row per held session in session
    row order (``session`` is the row in ``tables.sessions``).

    Columns: session, format_known, people, steps_in_format, steps_held,
    steps_skipped, steps_unknown, steps_reordered, steps_over,
    overrun_minutes, minutes, budget_max, questions_offered,
    questions_used, learning_points, outputs_declared, outputs_met,
    facilitator_required, facilitator_present, suppressed.
    """
    return _fidelity_table(
        "session_fidelity",
        _core.measure_session_fidelity,
        tables,
        catalog,
        None,
        small_cells,
        threshold,
    )


def step_budgets(
    tables: SessionTables,
    *,
    catalog: _core.Catalog | None = None,
    small_cells: SmallCells = "suppress",
    threshold: int = 5,
) -> pandas.DataFrame:
    """Each held step against its budget for the people present, one row per
    row of ``tables.steps`` (the same order).

    Columns: session, format_position (-1 when the format lacks the step),
    people, minutes, budget_min, budget_max, overrun_minutes, over, under,
    suppressed.
    """
    return _fidelity_table(
        "step_budgets", _core.step_budgets, tables, catalog, None, small_cells, threshold
    )


def step_fidelity(
    tables: SessionTables,
    *,
    period: Period = "month",
    catalog: _core.Catalog | None = None,
    small_cells: SmallCells = "suppress",
    threshold: int = 5,
) -> pandas.DataFrame:
    """Step minutes against budget per unit × format × period × step (the
    figure :func:`carelearn.plot.step_minutes` draws).

    Columns: unit, format, period, period_start, step, position, sessions,
    held, minutes_mean, minutes_median, budget_min_mean, budget_max_mean,
    overrun_rate, overrun_minutes_mean, suppressed.
    """
    return _fidelity_table(
        "step_fidelity",
        _core.measure_step_fidelity,
        tables,
        catalog,
        period,
        small_cells,
        threshold,
    )


def outcomes(
    tables: SessionTables,
    *,
    period: Period = "month",
    as_of: InstantLike | None = None,
    small_cells: SmallCells = "suppress",
    threshold: int = 5,
) -> pandas.DataFrame:
    """Did the learning turn into actions? Per unit × format × period of the
    held sessions: learning points, and the actions' funnel (proposed →
    started → done or dropped) with statuses read at ``as_of`` (an aware or
    naive datetime, read in Copenhagen, a date (its local midnight) or an
    ISO 8601 string; None: everything recorded, nothing overdue).

    Columns (docs/metrics.md, "Outcomes"): unit, format, period,
    period_start, sessions, learning_points, learning_points_per_session,
    actions, started, open, in_progress, done, dropped, done_rate,
    median_days_to_done, overdue, suppressed.
    """
    t = _tables(tables)
    small = _small(small_cells, threshold)
    _choice("period", period, _PERIODS)
    at = None if as_of is None else instant(as_of, "as_of")
    return _run("outcomes", _core.measure_outcomes, t, period=period, small=small, as_of=at)


def responsiveness(
    tables: SessionTables,
    *,
    period: Period = "month",
    confidence: float = 0.95,
    small_cells: SmallCells = "suppress",
    threshold: int = 5,
) -> pandas.DataFrame:
    """How did participants rate the sessions? Feedback ratings (1 … 5) per
    unit × format × period: raters, the distribution, the mean with its
    Student's t interval at ``confidence``.

    Columns (docs/metrics.md, "Responsiveness"): unit, format, period,
    period_start, raters, ratings, rating_1 … rating_5, mean, sd, ci_low,
    ci_high, suppressed. With fewer than ``threshold`` raters the row's
    figures are withheld; a small rating count is withheld with the next
    smallest so it cannot be recovered.
    """
    t = _tables(tables)
    small = _small(small_cells, threshold)
    _choice("period", period, _PERIODS)
    if isinstance(confidence, bool) or not isinstance(confidence, int | float):
        raise TypeError(f"confidence must be a number, not {type(confidence).__name__}")
    try:
        level = float(confidence)
    except OverflowError:
        raise ValueError("confidence: a number too large; give one between 0 and 1") from None
    return _run(
        "responsiveness",
        _core.measure_responsiveness,
        t,
        period=period,
        small=small,
        confidence=level,
    )


def _municipality(value: object) -> dict[str, str]:
    if value is None:
        return {}
    if isinstance(value, _core.Programme):
        return dict(_core.municipalities_of(value))
    if isinstance(value, Mapping):
        out: dict[str, str] = {}
        for k, v in value.items():
            if not isinstance(k, str) or not isinstance(v, str):
                raise TypeError("municipality must map unit ids (str) to municipalities (str)")
            out[k] = v
        return out
    raise TypeError(
        f"municipality must be a Programme, a mapping or None, not {type(value).__name__}"
    )


def circle_matrix(
    tables: SessionTables,
    *,
    period: Period = "month",
    municipality: Programme | Mapping[str, str] | None = None,
    small_cells: SmallCells = "suppress",
    threshold: int = 5,
) -> pandas.DataFrame:
    """Who learnt with whom? The unit × unit matrix as a long frame: per
    period, participant unit (A) and host unit (B), the distinct people of A
    in B's sessions; only pairs with participation.

    Columns (docs/metrics.md, "Learning circles"): period, period_start,
    participant_unit, host_unit, people, participations, sessions,
    suppressed. ``frame.pivot_table(index="participant_unit",
    columns="host_unit", values="people", aggfunc="sum")`` is the matrix.
    """
    t = _tables(tables)
    small = _small(small_cells, threshold)
    _choice("period", period, _PERIODS)
    return _run(
        "circle_matrix",
        _core.measure_circle_matrix,
        t,
        period=period,
        small=small,
        municipality=_municipality(municipality),
    )


def circles(
    tables: SessionTables,
    *,
    period: Period = "month",
    municipality: Programme | Mapping[str, str] | None = None,
    small_cells: SmallCells = "suppress",
    threshold: int = 5,
) -> pandas.DataFrame:
    """Did learning cross units, shifts and municipalities? Per period: the
    participations, and the share that crossed units (a session held by
    another unit than the person's), shifts and municipalities, with the
    change of the cross-unit share from the period before. ``municipality``
    maps unit ids to municipalities (a Programme: each unit's top ancestor;
    a unit not mapped belongs to its id up to the first ``-``).

    Columns (docs/metrics.md, "Learning circles"): period, period_start,
    sessions, people, participations, cross_unit, cross_unit_share,
    cross_unit_change, shift_known, cross_shift, cross_shift_share,
    cross_municipality, cross_municipality_share, mixed_unit_sessions,
    suppressed.
    """
    t = _tables(tables)
    small = _small(small_cells, threshold)
    _choice("period", period, _PERIODS)
    return _run(
        "circles",
        _core.measure_circles,
        t,
        period=period,
        small=small,
        municipality=_municipality(municipality),
    )
