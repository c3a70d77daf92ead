"""The figures an evaluator puts in a report, drawn with matplotlib from the
frames of :mod:`carelearn.metrics`: cadence per unit over time, step minutes
against budget, the action funnel, reach by profession and the
learning-circle matrix.

Each function takes the measure's frame (or the session tables, and then
computes the measure with its defaults), draws on ``ax`` (None: a new
figure's axes), sets the title and the axis labels, and returns the Axes so
that it can be restyled. Withheld cells (small-cell suppression) are left
out of sums and shown as gaps. Needs matplotlib
(``pip install carelearn[plot]``).

Example::

    import carelearn.metrics as cm, carelearn.plot as cp

    ax = cp.cadence(cm.cadence(tables, programme))
    ax.figure.savefig("cadence.png")
"""

from __future__ import annotations

import importlib
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from . import metrics
from ._tables import SessionTables

if TYPE_CHECKING:
    import pandas
    from matplotlib.axes import Axes

__all__ = ["action_funnel", "cadence", "circle_matrix", "reach_by_profession", "step_minutes"]


def _pyplot() -> Any:
    try:
        return importlib.import_module("matplotlib.pyplot")
    except ImportError as error:
        raise ImportError(
            "carelearn's figures need matplotlib, which is not installed: "
            "pip install carelearn[plot]"
        ) from error


def _axes(ax: Axes | None) -> Axes:
    if ax is None:
        _, ax = _pyplot().subplots()
        return ax
    from matplotlib.axes import Axes as AxesType

    if not isinstance(ax, AxesType):
        raise TypeError(f"ax must be matplotlib Axes or None, not {type(ax).__name__}")
    return ax


def _frame(name: str, value: object, columns: Sequence[str]) -> pandas.DataFrame:
    import pandas as pd

    if not isinstance(value, pd.DataFrame):
        raise TypeError(
            f"{name} must be a DataFrame of carelearn.metrics or SessionTables, "
            f"not {type(value).__name__}"
        )
    missing = [c for c in columns if c not in value.columns]
    if missing:
        raise ValueError(f"{name}: the frame has no column {', '.join(missing)}")
    return value


def _text(name: str, value: object) -> str:
    if not isinstance(value, str):
        raise TypeError(f"{name} must be a str, not {type(value).__name__}")
    try:
        value.encode("utf-8")
    except UnicodeEncodeError:
        raise ValueError(f"{name}: not encodable as UTF-8 (a lone surrogate)") from None
    return value


def _period(frame: pandas.DataFrame, period: str | None) -> tuple[pandas.DataFrame, str]:
    """The rows of one period: ``period``, or the latest in the frame."""
    if period is not None:
        _text("period", period)
    if frame.empty:
        return frame, ""
    if period is None:
        latest = frame["period_start"].max()
        chosen = frame.loc[frame["period_start"] == latest, "period"].iloc[0]
    else:
        if period not in set(frame["period"]):
            raise ValueError(f'period: "{period}" is not a period of the frame')
        chosen = period
    return frame[frame["period"] == chosen], str(chosen)


def cadence(
    data: pandas.DataFrame | SessionTables,
    programme: Any = None,
    *,
    units: Sequence[str] | None = None,
    ax: Axes | None = None,
) -> Axes:
    """Cadence per unit over time: one line per unit, adherence (held /
    planned, over the unit's formats) against the period's first day. ``data``
    is the frame of :func:`carelearn.metrics.cadence` or SessionTables (then
    measured against ``programme``); ``units`` picks and orders the units
    (None: all, sorted). Periods without a planned occurrence are gaps.

    Example::

        ax = carelearn.plot.cadence(c, units=["home-care-north"])
    """
    if isinstance(data, SessionTables):
        data = metrics.cadence(data, programme)
    frame = _frame("data", data, ("unit", "period_start", "planned", "held"))
    ax = _axes(ax)
    per = frame.groupby(["unit", "period_start"], observed=True)[["planned", "held"]].sum()
    if units is None:
        chosen = sorted(per.index.get_level_values("unit").unique())
    else:
        if isinstance(units, str) or not isinstance(units, Sequence):
            raise TypeError(f"units must be a sequence of unit ids, not {type(units).__name__}")
        chosen = [_text("units", unit) for unit in units]
    for unit in chosen:
        if unit not in per.index.get_level_values("unit"):
            raise ValueError(f'units: "{unit}" has no row in the frame')
        rows = per.xs(unit, level="unit")
        adherence = rows["held"] / rows["planned"].where(rows["planned"] > 0)
        ax.plot(rows.index, adherence.to_numpy(dtype=float), marker="o", label=unit)
    ax.set_title("Cadence: planned meetings held")
    ax.set_xlabel("period")
    ax.set_ylabel("adherence (held / planned)")
    ax.set_ylim(0, 1.05)
    if chosen:
        ax.legend(fontsize="small")
    return ax


def step_minutes(
    data: pandas.DataFrame | SessionTables,
    *,
    format: str = "systematic-learning-meeting",
    ax: Axes | None = None,
) -> Axes:
    """Step minutes against budget for one format: a bar per step (in the
    format's order) of the mean minutes when held, over every unit and
    period (weighted by how often each held it), and the budget's mean
    minimum and maximum for the people present as black ticks. ``data`` is
    the frame of :func:`carelearn.metrics.step_fidelity` or SessionTables.

    Example::

        carelearn.plot.step_minutes(carelearn.metrics.step_fidelity(tables))
    """
    _text("format", format)
    if isinstance(data, SessionTables):
        data = metrics.step_fidelity(data)
    frame = _frame(
        "data",
        data,
        ("format", "step", "position", "held", "minutes_mean", "budget_min_mean", "budget_max_mean"),
    )
    rows = frame[(frame["format"] == format) & (frame["held"] > 0)].copy()
    if rows.empty:
        raise ValueError(f'format: no held step of "{format}" in the frame')
    for column in ("minutes_mean", "budget_min_mean", "budget_max_mean"):
        rows[column] = rows[column] * rows["held"]
    steps = rows.groupby(["position", "step"], observed=True)[
        ["held", "minutes_mean", "budget_min_mean", "budget_max_mean"]
    ].sum()
    for column in ("minutes_mean", "budget_min_mean", "budget_max_mean"):
        steps[column] = steps[column] / steps["held"]
    ax = _axes(ax)
    x = list(range(len(steps)))
    labels = [step for _, step in steps.index]
    ax.bar(x, steps["minutes_mean"].to_numpy(), color="tab:blue", label="minutes held (mean)")
    ax.hlines(steps["budget_min_mean"].to_numpy(), [i - 0.4 for i in x], [i + 0.4 for i in x],
              colors="black", linestyles="dotted", label="budget minimum")
    ax.hlines(steps["budget_max_mean"].to_numpy(), [i - 0.4 for i in x], [i + 0.4 for i in x],
              colors="black", label="budget maximum")
    ax.set_xticks(x, labels, rotation=30, ha="right")
    ax.set_title(f"Step minutes against budget: {format}")
    ax.set_xlabel("step")
    ax.set_ylabel("minutes")
    ax.legend(fontsize="small")
    return ax


_FUNNEL = (("actions", "proposed"), ("started", "started"), ("done", "done"), ("dropped", "dropped"))


def action_funnel(
    data: pandas.DataFrame | SessionTables,
    *,
    ax: Axes | None = None,
) -> Axes:
    """The action funnel: bars of the actions proposed, started, done and
    dropped, summed over the rows of the frame of
    :func:`carelearn.metrics.outcomes` (or of SessionTables, measured with
    its defaults). Filter the frame first to draw one unit or period.

    Example::

        o = carelearn.metrics.outcomes(tables, as_of="2027-01-01")
        carelearn.plot.action_funnel(o[o.unit == "home-care-north"])
    """
    if isinstance(data, SessionTables):
        data = metrics.outcomes(data)
    frame = _frame("data", data, [column for column, _ in _FUNNEL])
    ax = _axes(ax)
    heights = [int(frame[column].sum()) for column, _ in _FUNNEL]
    ax.bar([label for _, label in _FUNNEL], heights, color=["tab:gray", "tab:blue", "tab:green", "tab:red"])
    ax.set_title("Follow-through of proposed actions")
    ax.set_xlabel("status")
    ax.set_ylabel("actions")
    return ax


def reach_by_profession(
    data: pandas.DataFrame | SessionTables,
    roster: Any = None,
    *,
    period: str | None = None,
    ax: Axes | None = None,
) -> Axes:
    """Reach by profession in one period (``period``, e.g. ``"2026-Q4"``;
    None: the latest in the frame): a horizontal bar per profession of the
    share of its staff reached, summed over the units whose cells are not
    withheld. ``data`` is the frame of :func:`carelearn.metrics.reach` with
    ``by`` naming ``"profession"``, or SessionTables (then measured against
    ``roster`` by quarter).

    Example::

        r = carelearn.metrics.reach(tables, roster, by=("unit", "profession"), period="quarter")
        carelearn.plot.reach_by_profession(r)
    """
    if isinstance(data, SessionTables):
        if roster is None:
            raise ValueError("roster: reach needs a roster when data is SessionTables")
        data = metrics.reach(data, roster, by=("unit", "profession"), period="quarter")
    frame = _frame("data", data, ("profession", "period", "period_start", "staff", "reached"))
    if (frame["profession"] == "").all() and not frame.empty:
        raise ValueError('data: the frame is not split by profession (by=("unit", "profession"))')
    rows, label = _period(frame, period)
    rows = rows.dropna(subset=["staff", "reached"])
    per = rows.groupby("profession", observed=True)[["staff", "reached"]].sum().sort_index()
    share = (per["reached"] / per["staff"]).astype(float)
    ax = _axes(ax)
    ax.barh(list(per.index), share.to_numpy(), color="tab:blue")
    ax.set_xlim(0, 1)
    ax.set_title(f"Staff reached by profession, {label}")
    ax.set_xlabel("share of staff reached")
    ax.set_ylabel("profession")
    return ax


def circle_matrix(
    data: pandas.DataFrame | SessionTables,
    *,
    value: str = "participations",
    period: str | None = None,
    ax: Axes | None = None,
) -> Axes:
    """The learning-circle matrix: participant unit (rows) × host unit
    (columns), coloured by ``value`` (``"participations"``, summed over the
    periods; ``"people"`` or ``"sessions"`` need one ``period``, since
    distinct people do not add up over periods). Withheld cells are blank.
    ``data`` is the frame of :func:`carelearn.metrics.circle_matrix` or
    SessionTables.

    Example::

        carelearn.plot.circle_matrix(carelearn.metrics.circle_matrix(tables, period="year"))
    """
    if _text("value", value) not in ("participations", "people", "sessions"):
        raise ValueError(
            f'value: unknown column "{value}"; expected participations, people or sessions'
        )
    if isinstance(data, SessionTables):
        data = metrics.circle_matrix(data)
    frame = _frame("data", data, ("period", "period_start", "participant_unit", "host_unit", value))
    title = "Learning circles: participations"
    if period is not None or value != "participations":
        frame, label = _period(frame, period)
        title = f"Learning circles: {value}, {label}"
    units = sorted(set(frame["participant_unit"]) | set(frame["host_unit"]))
    matrix = (
        frame.astype({value: "Float64"})
        .groupby(["participant_unit", "host_unit"], observed=True)[value]
        .sum(min_count=1)  # a withheld cell stays blank
        .unstack()
        .reindex(index=units, columns=units)
        .astype(float)
    )
    ax = _axes(ax)
    image = ax.imshow(matrix.to_numpy(), cmap="Blues")
    ax.figure.colorbar(image, ax=ax, label=value)
    ax.set_xticks(range(len(units)), units, rotation=45, ha="right")
    ax.set_yticks(range(len(units)), units)
    ax.set_title(title)
    ax.set_xlabel("host unit (whose session)")
    ax.set_ylabel("participant unit (whose staff)")
    return ax
