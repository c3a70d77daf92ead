"""The evaluation report: one self-contained HTML file an evaluator hands on,
in Danish (the default) or English, from a store or a JSON Lines file of
held sessions (docs/report.md).

The report shows the headline figures (adherence, reach, overrun rate,
action follow-through) with what each is measured against, the figures of
:mod:`carelearn.plot` with captions and alt text, tables per unit and format
with small cells withheld, the methods (the definitions of docs/metrics.md)
and the data's provenance. Every number comes from :mod:`carelearn.metrics`:
the report computes no measure of its own, it only adds up the counts the
measures give.

No direct identifier and no free text reaches it: the sessions are read
without free text, people appear only as counts, and counts of fewer than
``threshold`` people (5) are withheld with what derives from them.

Example::

    import carelearn.report

    report = carelearn.report.write("year", "report.html", lang="en")
    report.headline["adherence"].value      # 0.816
    report.figures["cadence"]               # a matplotlib Figure, shown inline
"""

from __future__ import annotations

import base64
import dataclasses
import datetime
import io
import math
import os
import pathlib
import re
import sys
import tempfile
import textwrap
import time
from collections.abc import Callable, Mapping
from typing import TYPE_CHECKING, Any, Literal, TextIO, TypeAlias, cast

from .. import _core, metrics, plot
from .._catalog import Catalog
from .._errors import NotFoundError
from .._schedule import Programme, load_programme
from .._store import Store
from .._tables import SessionTables, read_tables
from .._time import day as _day
from . import _methods
from ._words import LANGS, METHOD_SECTIONS, PROFESSIONS, word

if TYPE_CHECKING:
    import pandas
    from matplotlib.figure import Figure

__all__ = ["Headline", "Lang", "Report", "build", "terminal_progress", "write"]

Lang: TypeAlias = Literal["da", "en"]
"""The report's language: ``"da"`` (Danish, the default) or ``"en"``."""

PathLike: TypeAlias = str | os.PathLike[str]

_COPENHAGEN = "Europe/Copenhagen"
_MEETING = "systematic-learning-meeting"
_CADENCE_UNITS = 10
_WITHHELD = "*"
_UNDEFINED = "–"


@dataclasses.dataclass(frozen=True)
class Headline:
    """One headline figure: ``value = numerator / denominator`` (NaN when not
    measured), and the sentence saying what it is measured against."""

    key: str
    """``"adherence"``, ``"reach"``, ``"overrun"`` or ``"follow_through"``."""
    label: str
    """Its name in the report's language."""
    value: float
    """The share, from 0 to 1; NaN when not measured."""
    numerator: int
    """What was counted (held meetings, staff reached, ...)."""
    denominator: int
    """What it is measured against (planned meetings, staff on the roster, ...)."""
    against: str
    """The sentence, in the report's language."""
    shown: str
    """The value as the report shows it (``"81,6 %"`` in Danish)."""


Headline.__init__.__doc__ = "A headline figure from its fields; :func:`build` makes them."


@dataclasses.dataclass
class Report:
    """A built report: its HTML, and what it was made of, for a notebook."""

    html: str
    """The whole self-contained HTML document."""
    lang: Lang
    """Its language."""
    title: str
    """Its title (the HTML's ``<title>``)."""
    first: datetime.date | None
    """The period's first day (None: no sessions, no period given)."""
    last: datetime.date | None
    """The period's last day, inclusive."""
    headline: dict[str, Headline]
    """The headline figures, by key."""
    frames: dict[str, pandas.DataFrame]
    """The frames of :mod:`carelearn.metrics` the report shows, by name
    (``"cadence"``, ``"cadence_month"``, ``"reach"``, ``"reach_profession"``,
    ``"step_fidelity"``, ``"fidelity"``, ``"outcomes"``, ``"responsiveness"``,
    ``"circle_matrix"``, ``"circles"``); those not measured are missing."""
    figures: dict[str, Figure]
    """The figures, by name (``"cadence"``, ``"steps"``, ``"reach"``,
    ``"funnel"``, ``"circles"``): matplotlib Figures, shown inline in a
    notebook; those without data are missing."""

    def save(self, path: PathLike) -> pathlib.Path:
        """Writes the HTML to ``path`` (UTF-8) and returns the path."""
        target = pathlib.Path(os.fspath(path))
        target.write_text(self.html, encoding="utf-8")
        return target

    def _repr_html_(self) -> str:
        return self.html


Report.__init__.__doc__ = "A report from its fields; :func:`build` makes them."


# ------------------------------------------------------------------ numbers


def _int(value: float | int, lang: str) -> str:
    text = f"{int(value):,}"
    return text.replace(",", ".") if lang == "da" else text


def _share(value: float, lang: str, digits: int = 0) -> str:
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return _UNDEFINED
    text = f"{100 * value:.{digits}f}"
    if lang == "da":
        text = text.replace(".", ",")
    return f"{text} %"


def _decimal(value: float, lang: str, digits: int = 1) -> str:
    text = f"{value:.{digits}f}"
    return text.replace(".", ",") if lang == "da" else text


def _day_text(value: datetime.date, lang: str) -> str:
    if lang == "da":
        return f"{value.day}.{value.month}.{value.year}"
    return value.isoformat()


# ------------------------------------------------------------------ sources


@dataclasses.dataclass
class _Source:
    tables: SessionTables
    name: str
    kind: str
    directory: pathlib.Path | None


def _is_sqlite(path: pathlib.Path) -> bool:
    try:
        with open(path, "rb") as f:
            return f.read(16) == b"SQLite format 3\x00"
    except OSError:
        return False


def _resolve(source: object) -> tuple[pathlib.Path | Store, pathlib.Path | None]:
    """The file or store to read, and the directory to look for a programme
    and a roster in."""
    if isinstance(source, Store):
        return source, None
    if not isinstance(source, str | os.PathLike):
        raise TypeError(f"source must be a path or a carelearn.Store, not {type(source).__name__}")
    path = pathlib.Path(os.fspath(source))
    if path.is_dir():
        for name in ("sessions.db", "sessions.jsonl"):
            if (path / name).is_file():
                return path / name, path
        raise NotFoundError(f"{path}: no sessions.db or sessions.jsonl in this directory")
    if not path.is_file():
        raise NotFoundError(f"{path}: no such file or directory")
    return path, path.parent


def _local_midnight(value: datetime.date) -> datetime.datetime:
    import zoneinfo

    return datetime.datetime.combine(value, datetime.time(), zoneinfo.ZoneInfo(_COPENHAGEN))


def _read_store(store: Store, query: Mapping[str, Any] | None) -> SessionTables:
    """The sessions ``query`` selects from ``store``: read_tables takes the
    wrapper, though its annotation names only the C++ store inside."""
    return read_tables(cast("_core.Store", store), query=query)


def _load(
    source: object, first: datetime.date | None, stop: datetime.date | None
) -> _Source:
    target, directory = _resolve(source)
    query = None
    if first is not None and stop is not None:
        query = {"start": _local_midnight(first), "end": _local_midnight(stop)}
    if isinstance(target, Store):
        return _Source(_read_store(target, query), "store", "store", None)
    if _is_sqlite(target):
        with Store(target, create=False, read_only=True) as store:
            tables = _read_store(store, query)
        return _Source(tables, target.name, "store", directory)
    if query is None:
        return _Source(read_tables(target, on_error="skip"), target.name, "jsonl", directory)
    # A period of a JSON Lines file: its sessions go through a store of their
    # own, whose query selects the period (the import is all or nothing).
    with tempfile.TemporaryDirectory(prefix="carelearn-report-") as scratch:
        with Store(pathlib.Path(scratch) / "sessions.db") as store:
            # An export without its confidential text is as good: no text is read.
            store.import_sessions(target, bulk=True, allow_redacted=True)
            tables = _read_store(store, query)
    return _Source(tables, target.name, "jsonl", directory)


def _beside(value: object, directory: pathlib.Path | None, name: str) -> object:
    if value is None and directory is not None and (directory / name).is_file():
        return directory / name
    return value


def _programme(value: object) -> tuple[Programme | None, str]:
    if value is None:
        return None, ""
    if isinstance(value, Programme):
        return value, value.id
    if isinstance(value, _core.Programme):
        return Programme(value), value.id
    if not isinstance(value, str | os.PathLike):
        raise TypeError(
            f"programme must be a path, a Programme or None, not {type(value).__name__}"
        )
    return load_programme(value), pathlib.Path(os.fspath(value)).name


def _roster(value: object) -> tuple[metrics.Roster | None, str]:
    if value is None:
        return None, ""
    if isinstance(value, metrics.Roster):
        return value, ""
    if isinstance(value, _core.Roster):
        return metrics.Roster(value), ""
    if not isinstance(value, str | os.PathLike):
        raise TypeError(f"roster must be a path, a Roster or None, not {type(value).__name__}")
    return metrics.read_roster(value), pathlib.Path(os.fspath(value)).name


def _date(value: object, name: str) -> datetime.date | None:
    if value is None:
        return None
    if isinstance(value, datetime.datetime):
        raise TypeError(f'{name} must be a datetime.date or "YYYY-MM-DD", not datetime')
    if not isinstance(value, datetime.date | str):
        raise TypeError(f'{name} must be a datetime.date or "YYYY-MM-DD", not {type(value).__name__}')
    return _day(value, name)


def _data_period(tables: SessionTables) -> tuple[datetime.date, datetime.date] | None:
    """[first of the first month, first of the month after the last) of the
    sessions' planned starts in Copenhagen; None without sessions."""
    starts = tables.table("sessions").column("planned_start")
    if len(starts) == 0:
        return None
    import pandas as pd

    local = pd.Series(starts).dropna().dt.tz_convert(_COPENHAGEN)
    if local.empty:
        return None
    lo, hi = local.min(), local.max()
    first = datetime.date(lo.year, lo.month, 1)
    stop = datetime.date(hi.year + (hi.month == 12), hi.month % 12 + 1, 1)
    return first, stop


# ------------------------------------------------------------------ figures


def _new_figure(
    width: float = 7.5,
    height: float = 4.2,
    *,
    left: float = 0.8,
    bottom: float = 0.7,
    right: float = 0.2,
    top: float = 0.45,
) -> Figure:
    """A figure with fixed margins in inches: a layout engine would lay every
    tick label out once more, which doubles the time a figure takes."""
    from matplotlib.figure import Figure

    figure = Figure(figsize=(width, height))
    figure.subplots_adjust(
        left=left / width,
        bottom=bottom / height,
        right=1 - right / width,
        top=1 - top / height,
    )
    return figure


def _png(figure: Figure) -> str:
    buffer = io.BytesIO()
    figure.savefig(buffer, format="png", dpi=96)
    return base64.b64encode(buffer.getvalue()).decode("ascii")


def _sum(frame: pandas.DataFrame, column: str) -> int:
    return int(frame[column].dropna().sum()) if column in frame else 0


@dataclasses.dataclass
class _Figure:
    key: str
    title: str
    caption: str
    alt: str
    png: str


def _cadence_figure(
    month: pandas.DataFrame, year: pandas.DataFrame, lang: str
) -> tuple[Figure, str, str] | None:
    per = year.groupby("unit", observed=True)[["planned", "held"]].sum()
    per = per[per["planned"] > 0]
    if per.empty:
        return None
    adherence = (per["held"] / per["planned"]).sort_values(kind="stable")
    units = list(adherence.index[:_CADENCE_UNITS])
    figure = _new_figure()
    ax = plot.cadence(month, units=sorted(units), ax=figure.subplots())
    ax.set_title(word("fig_cadence", lang))
    ax.set_xlabel(word("ax_period", lang))
    ax.set_ylabel(word("ax_adherence", lang))
    shown = (
        word("fig_cadence_all", lang)
        if len(units) == len(adherence)
        else word("fig_cadence_some", lang, n=len(units))
    )
    chosen = adherence[units]
    alt = word(
        "fig_cadence_alt",
        lang,
        n=len(units),
        lo=_share(float(chosen.min()), lang),
        hi=_share(float(chosen.max()), lang),
    )
    return figure, word("fig_cadence_caption", lang, shown=shown), alt


def _step_titles(lang: str) -> dict[str, str]:
    try:
        meeting = Catalog.builtin()[_MEETING]
    except Exception:  # noqa: BLE001 - a label is a nicety
        return {}
    return {s.id: (s.title.da if lang == "da" else s.title.en) or s.id for s in meeting.steps}


def _steps_figure(frame: pandas.DataFrame, lang: str) -> tuple[Figure, str, str] | None:
    rows = frame[(frame["format"] == _MEETING) & (frame["held"] > 0)]
    if rows.empty:
        return None
    figure = _new_figure(8.5, 5.0, bottom=1.4)
    ax = plot.step_minutes(frame, format=_MEETING, ax=figure.subplots())
    titles = _step_titles(lang)
    labels = [t.get_text() for t in ax.get_xticklabels()]
    ax.set_xticks(
        ax.get_xticks(),
        [textwrap.fill(titles.get(x, x), 20) for x in labels],
        rotation=0,
        ha="center",
        fontsize="small",
    )
    ax.set_title(word("fig_steps", lang))
    ax.set_xlabel(word("ax_step", lang))
    ax.set_ylabel(word("ax_minutes", lang))
    names = {
        "minutes held (mean)": word("ax_minutes_held", lang),
        "budget minimum": word("ax_budget_min", lang),
        "budget maximum": word("ax_budget_max", lang),
    }
    handles, old = ax.get_legend_handles_labels()
    ax.legend(handles, [names.get(x, x) for x in old], fontsize="small")
    weighted = rows.assign(
        m=rows["minutes_mean"] * rows["held"], b=rows["budget_max_mean"] * rows["held"]
    ).groupby("step", observed=True)[["m", "b", "held"]].sum()
    minutes = (weighted["m"] / weighted["held"]).astype(float)
    budget = (weighted["b"] / weighted["held"]).astype(float)
    worst = str((minutes - budget).idxmax())
    alt = word(
        "fig_steps_alt",
        lang,
        n=len(weighted),
        worst=titles.get(worst, worst),
        minutes=_decimal(float(minutes[worst]), lang),
        budget=_decimal(float(budget[worst]), lang),
    )
    return figure, word("fig_steps_caption", lang), alt


def _reach_figure(
    frame: pandas.DataFrame, lang: str, threshold: int
) -> tuple[Figure, str, str] | None:
    if frame.empty:
        return None
    latest = frame.loc[frame["period_start"] == frame["period_start"].max(), "period"].iloc[0]
    rows = frame[frame["period"] == latest].dropna(subset=["staff", "reached"])
    if rows.empty:
        return None
    figure = _new_figure(7.5, 3.6, left=2.6)
    ax = plot.reach_by_profession(frame, period=str(latest), ax=figure.subplots())
    labels = [t.get_text() for t in ax.get_yticklabels()]
    ax.set_yticks(ax.get_yticks(), [PROFESSIONS.get(x, {}).get(lang, x) for x in labels])
    ax.set_title(f"{word('fig_reach', lang)}, {latest}")
    ax.set_xlabel(word("ax_reached_share", lang))
    ax.set_ylabel(word("ax_profession", lang))
    per = rows.groupby("profession", observed=True)[["staff", "reached"]].sum()
    share = per["reached"] / per["staff"]
    alt = word(
        "fig_reach_alt",
        lang,
        n=len(per),
        lo=_share(float(share.min()), lang),
        hi=_share(float(share.max()), lang),
    )
    return figure, word("fig_reach_caption", lang, period=latest, threshold=threshold), alt


def _funnel_figure(
    frame: pandas.DataFrame, lang: str, as_of: str
) -> tuple[Figure, str, str] | None:
    if _sum(frame, "actions") == 0:
        return None
    figure = _new_figure(6.5, 3.8)
    ax = plot.action_funnel(frame, ax=figure.subplots())
    keys = ("ax_proposed", "ax_started", "ax_done", "ax_dropped")
    ax.set_xticks(ax.get_xticks(), [word(k, lang) for k in keys])
    ax.set_title(word("fig_funnel", lang))
    ax.set_xlabel(word("ax_status", lang))
    ax.set_ylabel(word("ax_actions", lang))
    counts = {c: _int(_sum(frame, c), lang) for c in ("actions", "started", "done", "dropped")}
    alt = word(
        "fig_funnel_alt",
        lang,
        proposed=counts["actions"],
        started=counts["started"],
        done=counts["done"],
        dropped=counts["dropped"],
    )
    return figure, word("fig_funnel_caption", lang, as_of=as_of), alt


def _circles_figure(
    frame: pandas.DataFrame, shares: pandas.DataFrame, lang: str, threshold: int
) -> tuple[Figure, str, str] | None:
    if frame.empty:
        return None
    units = sorted(set(frame["participant_unit"]) | set(frame["host_unit"]))
    side = min(4.5 + 0.16 * len(units), 16.0)
    labels = max(len(u) for u in units) * 0.075 + 0.3
    figure = _new_figure(side + labels + 1.5, side + labels, left=labels + 0.5, bottom=labels + 0.4, right=0.3)
    ax = plot.circle_matrix(frame, ax=figure.subplots())
    ax.set_title(word("fig_circles", lang))
    ax.set_xlabel(word("ax_host", lang))
    ax.set_ylabel(word("ax_participant", lang))
    size = "x-small" if len(units) > 20 else "small"
    ax.tick_params(labelsize=size)
    for other in figure.axes:
        if other is not ax:
            other.set_ylabel(word("ax_participations", lang))
    participations = _sum(shares, "participations")
    cross = _sum(shares, "cross_unit")
    share = cross / participations if participations else math.nan
    alt = word("fig_circles_alt", lang, n=len(units), share=_share(share, lang))
    return figure, word("fig_circles_caption", lang, threshold=threshold), alt


# ------------------------------------------------------------------ tables


def _cell(value: Any, suppressed: bool, kind: str, lang: str) -> str:
    import pandas as pd

    missing = value is None or value is pd.NA or (isinstance(value, float) and math.isnan(value))
    if missing:
        return _WITHHELD if suppressed else _UNDEFINED
    if kind == "int":
        return _int(value, lang)
    if kind == "share":
        return _share(float(value), lang)
    if kind == "mean":
        return _decimal(float(value), lang)
    return str(value)


def _format_table(
    frames: Mapping[str, pandas.DataFrame], lang: str
) -> tuple[list[str], list[list[str]]]:
    """Per unit × format × period: cadence, fidelity, outcomes, responsiveness."""
    import pandas as pd

    keys = ["unit", "format", "period"]
    parts: list[tuple[str, list[tuple[str, str, str]]]] = [
        (
            "cadence",
            [
                ("planned", "col_planned", "int"),
                ("held", "col_held", "int"),
                ("cancelled", "col_cancelled", "int"),
                ("adherence", "col_adherence", "share"),
            ],
        ),
        ("fidelity", [("overrun_rate", "col_overrun", "share")]),
        (
            "outcomes",
            [
                ("learning_points", "col_learning_points", "int"),
                ("actions", "col_actions", "int"),
                ("done_rate", "col_done_rate", "share"),
            ],
        ),
        ("responsiveness", [("raters", "col_raters", "int"), ("mean", "col_rating", "mean")]),
    ]
    merged: pandas.DataFrame | None = None
    columns: list[tuple[str, str, str]] = []
    for name, wanted in parts:
        frame = frames.get(name)
        if frame is None:
            continue
        picked = frame[keys + [c for c, _, _ in wanted] + ["suppressed"]].rename(
            columns={c: f"{name}.{c}" for c, _, _ in wanted} | {"suppressed": f"{name}.suppressed"}
        )
        columns += [(f"{name}.{c}", label, kind) for c, label, kind in wanted]
        merged = picked if merged is None else merged.merge(picked, on=keys, how="outer")
    if merged is None or merged.empty:
        return [], []
    merged = merged.sort_values(keys, kind="stable")
    head = [word("col_unit", lang), word("col_format", lang), word("col_period", lang)]
    head += [word(label, lang) for _, label, _ in columns]
    rows: list[list[str]] = []
    for record in merged.to_dict("records"):
        row = [str(record["unit"]), str(record["format"]), str(record["period"])]
        for column, _, kind in columns:
            flag = record.get(f"{column.split('.')[0]}.suppressed")
            row.append(_cell(record[column], bool(flag) and flag is not pd.NA, kind, lang))
        rows.append(row)
    return head, rows


def _unit_table(frame: pandas.DataFrame | None, lang: str) -> tuple[list[str], list[list[str]]]:
    if frame is None or frame.empty:
        return [], []
    head = [
        word("col_unit", lang),
        word("col_period", lang),
        word("col_staff", lang),
        word("col_reached", lang),
        word("col_reached_share", lang),
        word("col_reached_k", lang),
    ]
    rows = []
    # Units with no staff on the roster (a partner municipality's) have nothing to show.
    shown = frame[frame["suppressed"] | (frame["staff"].fillna(0) > 0)]
    for record in shown.sort_values(["unit", "period"], kind="stable").to_dict("records"):
        hidden = bool(record["suppressed"])
        rows.append(
            [
                str(record["unit"]),
                str(record["period"]),
                _cell(record["staff"], hidden, "int", lang),
                _cell(record["reached"], hidden, "int", lang),
                _cell(record["reached_share"], hidden, "share", lang),
                _cell(record["reached_k"], hidden, "int", lang),
            ]
        )
    return head, rows


# ------------------------------------------------------------------ provenance

_QUOTED = re.compile(r'"(?:[^"\\]|\\.)*"|\'(?:[^\'\\]|\\.)*\'')
_LONG_NUMBER = re.compile(r"\d[\d-]{5,}")
_EMAIL = re.compile(r"\S+@\S+")


def _why(message: str, source: str) -> str:
    """A skipped line's cause without what the line held: the file's path is
    dropped, quoted values and long numbers are blanked, so no name, CPR
    number or other text of the record reaches the report."""
    text = message
    prefix = re.match(r"^.*?:\d+:\d+: ", text)
    if prefix:
        text = text[prefix.end() :]
    text = _QUOTED.sub("“…”", text)
    text = _EMAIL.sub("…", text)
    text = _LONG_NUMBER.sub("…", text)
    return text[:200]


# ------------------------------------------------------------------ building


def _check_lang(lang: object) -> Lang:
    if not isinstance(lang, str):
        raise TypeError(f"lang must be a str, not {type(lang).__name__}")
    if lang not in LANGS:
        raise ValueError(f'lang: unknown value "{lang}"; expected "da" or "en"')
    return lang  # type: ignore[return-value]


def _stage(progress: Callable[[str], object] | None, text: str) -> None:
    if progress is not None:
        progress(text)


def build(
    source: PathLike | Store,
    *,
    programme: PathLike | Programme | None = None,
    roster: PathLike | metrics.Roster | None = None,
    start: datetime.date | str | None = None,
    end: datetime.date | str | None = None,
    lang: Lang = "da",
    title: str | None = None,
    threshold: int = 5,
    progress: Callable[[str], object] | None = None,
) -> Report:
    """Builds the evaluation report of the sessions in ``source``: a store (a
    :class:`~carelearn.Store` or the path of its file), a ``session/1`` JSON
    Lines file, or a directory :func:`carelearn.simulate` wrote (its
    ``sessions.db`` or ``sessions.jsonl``).

    ``programme`` (a ``programme/1`` file or a :class:`~carelearn.Programme`)
    is what adherence is measured against, ``roster`` (a CSV or ``roster/1``
    file, or a :class:`carelearn.Roster`) what reach is; None takes
    ``programme.json`` and ``roster.csv`` beside the source when they are
    there, and without them those figures say they are not measured.
    [``start``, ``end``) is the period (days in Copenhagen; None for both:
    the whole months the sessions' planned starts span); actions are read as
    of ``end``. ``threshold`` is the smallest number of people shown.
    ``progress(text)`` is told each stage.

    Raises :class:`~carelearn.NotFoundError` for a source that is not there,
    :class:`~carelearn.FormatError` (and the other :class:`~carelearn.Error`
    s) for one that does not load, TypeError or ValueError naming a bad
    argument.

    Example::

        report = carelearn.report.build("year", lang="en")
        report.headline["reach"].against    # '942 of the 1,087 staff on the roster took part at least once'
    """
    lang = _check_lang(lang)
    if title is not None and not isinstance(title, str):
        raise TypeError(f"title must be a str or None, not {type(title).__name__}")
    if isinstance(threshold, bool) or not isinstance(threshold, int):
        raise TypeError(f"threshold must be a whole number, not {type(threshold).__name__}")
    if not 1 <= threshold <= 1000:
        raise ValueError(f"threshold: {threshold} is not from 1 to 1000")
    if progress is not None and not callable(progress):
        raise TypeError(f"progress must be callable, not {type(progress).__name__}")
    first = _date(start, "start")
    stop = _date(end, "end")
    if (first is None) != (stop is None):
        raise ValueError("start, end: give both or neither (None: the months the sessions span)")
    if first is not None and stop is not None and stop <= first:
        raise ValueError(f"end: {stop} is not after start, {first}")

    _stage(progress, "reading the sessions")
    loaded = _load(source, first, stop)
    tables = loaded.tables
    _stage(progress, f"read {len(tables):,} sessions")
    programme_value, programme_name = _programme(
        _beside(programme, loaded.directory, "programme.json")
    )
    roster_value, roster_name = _roster(_beside(roster, loaded.directory, "roster.csv"))
    if first is None:
        spanned = _data_period(tables)
        if spanned is not None:
            first, stop = spanned
    last = None if stop is None else stop - datetime.timedelta(days=1)

    small: dict[str, Any] = {"threshold": threshold}
    frames: dict[str, pandas.DataFrame] = {}
    window: dict[str, Any] = {"start": first, "end": stop}
    plan = programme_value if first is not None else None
    _stage(progress, "measuring cadence")
    year_window = window if plan is not None else {}
    frames["cadence"] = metrics.cadence(tables, plan, period="year", **year_window, **small)
    if plan is not None:
        frames["cadence_month"] = metrics.cadence(tables, plan, period="month", **window, **small)
    if roster_value is not None and first is not None:
        _stage(progress, "measuring reach")
        frames["reach"] = metrics.reach(tables, roster_value, period="year", **window, **small)
        frames["reach_profession"] = metrics.reach(
            tables, roster_value, by=("unit", "profession"), period="year", **window, **small
        )
    _stage(progress, "measuring fidelity")
    frames["fidelity"] = metrics.fidelity(tables, period="year", **small)
    frames["step_fidelity"] = metrics.step_fidelity(tables, period="year", **small)
    _stage(progress, "measuring outcomes")
    as_of = None if stop is None else _local_midnight(stop)
    frames["outcomes"] = metrics.outcomes(tables, period="year", as_of=as_of, **small)
    frames["responsiveness"] = metrics.responsiveness(tables, period="year", **small)
    _stage(progress, "measuring learning circles")
    frames["circle_matrix"] = metrics.circle_matrix(
        tables, period="year", municipality=programme_value, **small
    )
    frames["circles"] = metrics.circles(
        tables, period="year", municipality=programme_value, **small
    )

    as_of_text = _day_text(stop, lang) if stop is not None else ""
    headline = _headline(frames, lang, as_of_text, plan is not None, roster_value is not None)

    _stage(progress, "drawing the figures")
    drawn: dict[str, tuple[Figure, str, str] | None] = {
        "cadence": None
        if plan is None
        else _cadence_figure(frames["cadence_month"], frames["cadence"], lang),
        "steps": _steps_figure(frames["step_fidelity"], lang),
        "reach": None
        if "reach_profession" not in frames
        else _reach_figure(frames["reach_profession"], lang, threshold),
        "funnel": _funnel_figure(frames["outcomes"], lang, as_of_text),
        "circles": _circles_figure(frames["circle_matrix"], frames["circles"], lang, threshold),
    }
    titles = {
        "cadence": "fig_cadence",
        "steps": "fig_steps",
        "reach": "fig_reach",
        "funnel": "fig_funnel",
        "circles": "fig_circles",
    }
    figures: dict[str, Figure] = {}
    shown: list[_Figure | dict[str, str]] = []
    for key, made in drawn.items():
        if made is None:
            shown.append({"key": key, "title": word(titles[key], lang)})
            continue
        figure, caption, alt = made
        figures[key] = figure
        shown.append(_Figure(key, word(titles[key], lang), caption, alt, _png(figure)))

    _stage(progress, "writing the report")
    title = title or word("title", lang)
    html = _render(
        lang=lang,
        title=title,
        source=loaded,
        tables=tables,
        first=first,
        last=last,
        headline=headline,
        figures=shown,
        frames=frames,
        threshold=threshold,
        programme=(programme_name, programme_value),
        roster=(roster_name, roster_value),
    )
    return Report(
        html=html,
        lang=lang,
        title=title,
        first=first,
        last=last,
        headline=headline,
        frames=frames,
        figures=figures,
    )


def _ratio(key: str, lang: str, numerator: int, denominator: int, against: str) -> Headline:
    value = numerator / denominator if denominator else math.nan
    shown = _share(value, lang, 1) if denominator else word("not_measured", lang)
    return Headline(key, word(key, lang), value, numerator, denominator, against, shown)


def _headline(
    frames: Mapping[str, pandas.DataFrame],
    lang: str,
    as_of: str,
    planned: bool,
    rostered: bool,
) -> dict[str, Headline]:
    out: dict[str, Headline] = {}
    cadence = frames["cadence"]
    if planned:
        held, total = _sum(cadence, "held"), _sum(cadence, "planned")
        out["adherence"] = _ratio(
            "adherence",
            lang,
            held,
            total,
            word("adherence_against", lang, num=_int(held, lang), den=_int(total, lang)),
        )
    else:
        out["adherence"] = _ratio("adherence", lang, 0, 0, word("no_programme", lang))
    if rostered and "reach" in frames:
        rows = frames["reach"].dropna(subset=["staff", "reached"])
        reached, staff = _sum(rows, "reached"), _sum(rows, "staff")
        out["reach"] = _ratio(
            "reach",
            lang,
            reached,
            staff,
            word("reach_against", lang, num=_int(reached, lang), den=_int(staff, lang)),
        )
    else:
        out["reach"] = _ratio("reach", lang, 0, 0, word("no_roster", lang))
    steps = frames["step_fidelity"]
    steps = steps[(steps["held"] > 0) & steps["overrun_rate"].notna()]
    held_steps = _sum(steps, "held")
    over = int(round(float((steps["overrun_rate"] * steps["held"]).sum()))) if held_steps else 0
    out["overrun"] = _ratio(
        "overrun",
        lang,
        over,
        held_steps,
        word("overrun_against", lang, num=_int(over, lang), den=_int(held_steps, lang)),
    )
    outcomes = frames["outcomes"]
    done, actions = _sum(outcomes, "done"), _sum(outcomes, "actions")
    out["follow_through"] = _ratio(
        "follow_through",
        lang,
        done,
        actions,
        word(
            "follow_through_against",
            lang,
            num=_int(done, lang),
            den=_int(actions, lang),
            as_of=as_of,
        ),
    )
    return out


def _render(
    *,
    lang: Lang,
    title: str,
    source: _Source,
    tables: SessionTables,
    first: datetime.date | None,
    last: datetime.date | None,
    headline: Mapping[str, Headline],
    figures: list[_Figure | dict[str, str]],
    frames: Mapping[str, pandas.DataFrame],
    threshold: int,
    programme: tuple[str, Programme | None],
    roster: tuple[str, metrics.Roster | None],
) -> str:
    import jinja2
    import markupsafe

    environment = jinja2.Environment(
        loader=jinja2.PackageLoader("carelearn.report", "templates"),
        autoescape=True,
        undefined=jinja2.StrictUndefined,
        keep_trailing_newline=True,
    )
    css = (pathlib.Path(__file__).with_name("templates") / "report.css").read_text("utf-8")
    methods = _methods.load()
    sections = [
        {
            "title": heading[lang],
            "paragraphs": [markupsafe.Markup(_methods.inline_html(methods[k][lang])) for k in keys],
        }
        for _, heading, keys in METHOD_SECTIONS
    ]
    statuses = tables.table("sessions").column("status")
    import pandas as pd

    counts = pd.Series(statuses).value_counts()
    cadence = frames["cadence"]
    unplanned = _sum(cadence, "unplanned_held") + _sum(cadence, "unplanned_cancelled")
    records = [
        ("count_sessions", len(tables)),
        ("count_held", int(counts.get("held", 0))),
        ("count_cancelled", int(counts.get("cancelled", 0))),
        ("count_participants", tables.table("participants").num_rows),
        ("count_steps", tables.table("steps").num_rows),
        ("count_learning_points", tables.table("learning_points").num_rows),
        ("count_actions", tables.table("actions").num_rows),
        ("count_feedback", tables.table("feedback").num_rows),
    ]
    if programme[1] is not None:
        records.append(("count_unplanned", unplanned))
    skipped = tables.skipped
    skipped_rows = [
        (int(line), _why(str(message), source.name))
        for line, message in zip(skipped["line"], skipped["message"], strict=True)
    ]
    period_text = (
        word("period_value", lang, first=_day_text(first, lang), last=_day_text(last, lang))
        if first is not None and last is not None
        else _UNDEFINED
    )
    if programme[1] is not None:
        planned = _sum(cadence, "planned")
        programme_text = word(
            "programme_value",
            lang,
            file=programme[0] or programme[1].id,
            id=programme[1].id,
            planned=_int(planned, lang),
        )
    else:
        programme_text = word("none_given", lang)
    roster_text = (
        word("roster_value", lang, file=roster[0] or "Roster", memberships=_int(len(roster[1]), lang))
        if roster[1] is not None
        else word("none_given", lang)
    )
    format_head, format_rows = _format_table(frames, lang)
    unit_head, unit_rows = _unit_table(frames.get("reach"), lang)
    from .. import __version__

    template = environment.get_template("report.html.j2")
    return template.render(
        lang=lang,
        w=lambda key, **fields: word(key, lang, **fields),
        title=title,
        css=markupsafe.Markup(css),
        subtitle=word(
            "subtitle",
            lang,
            source=source.name,
            first=_day_text(first, lang) if first else _UNDEFINED,
            last=_day_text(last, lang) if last else _UNDEFINED,
        ),
        privacy=word("privacy", lang, threshold=threshold, mark=_WITHHELD),
        headline=[
            {
                "label": h.label,
                "value": h.shown,
                "against": h.against,
            }
            for h in headline.values()
        ],
        figures=figures,
        format_head=format_head,
        format_rows=format_rows,
        unit_head=unit_head,
        unit_rows=unit_rows,
        withheld_note=word("withheld_note", lang, mark=_WITHHELD, threshold=threshold),
        methods=sections,
        version=__version__,
        source_name=source.name,
        source_kind=word("source_store" if source.kind == "store" else "source_jsonl", lang),
        period_text=period_text,
        programme_text=programme_text,
        roster_text=roster_text,
        records=[(word(k, lang), _int(v, lang)) for k, v in records],
        skipped_rows=skipped_rows[:50],
        skipped_more=max(0, len(skipped_rows) - 50),
        skipped_total=_int(len(skipped_rows), lang),
    )


def write(
    source: PathLike | Store,
    out: PathLike,
    *,
    programme: PathLike | Programme | None = None,
    roster: PathLike | metrics.Roster | None = None,
    start: datetime.date | str | None = None,
    end: datetime.date | str | None = None,
    lang: Lang = "da",
    title: str | None = None,
    threshold: int = 5,
    progress: Callable[[str], object] | None = None,
) -> Report:
    """Builds the report of ``source`` as :func:`build` does and writes its
    HTML to ``out``; returns the :class:`Report`.

    Raises as :func:`build`, and :class:`~carelearn.NotFoundError` when
    ``out`` cannot be written.

    Example::

        carelearn.report.write("year/sessions.db", "rapport.html")             # Danish
        carelearn.report.write("year", "report.html", lang="en", start="2026-01-01",
                               end="2026-07-01")
    """
    if not isinstance(out, str | os.PathLike):
        raise TypeError(f"out must be a path, not {type(out).__name__}")
    report = build(
        source,
        programme=programme,
        roster=roster,
        start=start,
        end=end,
        lang=lang,
        title=title,
        threshold=threshold,
        progress=progress,
    )
    try:
        report.save(out)
    except OSError as error:
        raise NotFoundError(f"{os.fspath(out)}: cannot write the report: {error.strerror}") from error
    return report


def terminal_progress(stream: TextIO | None = None) -> Callable[[str], None] | None:
    """A ``progress`` for :func:`build` that prints each stage with the time
    since the start to ``stream`` (standard error), or None when it is not a
    terminal."""
    target = sys.stderr if stream is None else stream
    if not target.isatty():
        return None
    began = time.monotonic()

    def show(text: str) -> None:
        target.write(f"report: {text} ({time.monotonic() - began:.1f} s)\n")
        target.flush()

    return show
