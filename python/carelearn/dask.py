"""The session tables of many JSON Lines files as Dask DataFrames, for a
national evaluation that one machine should not hold.

:func:`read_sessions` makes one partition per file: a task per file reads it
with carelearn's C++ reader (:func:`carelearn.read_tables`, on the worker,
with the GIL released), and each of the nine tables (and the table of skipped
lines) takes its partition from that one read, so computing several tables
together reads each file once. The dtypes are known before anything is read
(the meta is the tables of no sessions), so Dask never reads a file to guess
them.

The result is the single-machine result: the files are taken in sorted order,
as if concatenated; each partition's row numbers (the index, a child table's
``session``, ``action_changes.action``) are offset by the rows of the files
before it, so that ``compute()`` gives frames equal to
``carelearn.read_tables`` of the concatenated files, categories included (a
closed vocabulary's categories are known to Dask; an open one's, such as
``unit``, come from the data and are unknown until computed).

It runs wherever Dask runs: in this process, on a ``distributed.LocalCluster``,
or unchanged on a cluster (docs/scale.md), with only the carelearn wheel on the
workers, which must see the files at the same paths.

Example::

    from distributed import Client
    import carelearn.dask

    client = Client(n_workers=2, threads_per_worker=1)
    tables = carelearn.dask.read_sessions("exports/*.jsonl", on_error="skip")
    steps = tables.steps.merge(tables.sessions[["unit"]], left_on="session", right_index=True)
    steps.groupby("unit", observed=True)["minutes"].mean().compute()
    tables.skipped.compute()        # source, line, message of each bad line
"""

from __future__ import annotations

import dataclasses
import glob
import os
from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING, Any

from . import _core
from ._errors import NotFoundError
from ._columns import TABLE_NAMES
from ._columns import require as _require
from ._tables import OnErrorLike, _options, read_tables, tables_from_text

if TYPE_CHECKING:
    import pandas

__all__ = ["MEASURES", "DaskTables", "PathsLike", "measure", "read_sessions"]

PathsLike = "str | os.PathLike[str] | Sequence[str | os.PathLike[str]]"
"""A glob pattern or a path, or a sequence of them."""

# The columns that hold row numbers, by table: offset by the rows of the files before.
_ROW_REFERENCES: dict[str, tuple[tuple[str, str], ...]] = {
    name: (("session", "sessions"),) for name in TABLE_NAMES if name != "sessions"
}
_ROW_REFERENCES["action_changes"] = (("session", "sessions"), ("action", "actions"))


def _dask() -> Any:
    _require("dask.dataframe", "dask")
    import dask

    return dask


@dataclasses.dataclass(frozen=True)
class _Options:
    """What every worker reads with (picklable: sent with each task)."""

    free_text: bool
    confidential_text: bool
    on_error: OnErrorLike
    threads: int


def _read_file(path: str, options: _Options) -> dict[str, pandas.DataFrame]:
    """One file's tables and skipped lines, as frames (on a worker)."""
    tables = read_tables(
        path,
        free_text=options.free_text,
        confidential_text=options.confidential_text,
        on_error=options.on_error,
        threads=options.threads,
    )
    frames = {t.name: t.to_pandas() for t in tables}
    frames["skipped"] = tables.skipped
    return frames


def _counts(frames: dict[str, pandas.DataFrame]) -> dict[str, int]:
    return {name: len(frame) for name, frame in frames.items()}


def _next_offsets(offsets: dict[str, int], counts: dict[str, int]) -> dict[str, int]:
    return {name: offsets.get(name, 0) + n for name, n in counts.items()}


def _partition(
    frames: dict[str, pandas.DataFrame], offsets: dict[str, int], name: str
) -> pandas.DataFrame:
    """Table ``name`` of one file, its index and row numbers offset by the
    rows of the files before it."""
    import pandas as pd

    frame = frames[name]
    start = offsets.get(name, 0)
    columns = {}
    for column, table in _ROW_REFERENCES.get(name, ()):
        shift = offsets.get(table, 0)
        if shift:
            values = frame[column].to_numpy()
            shifted = values.astype("int64") + shift
            if shifted.size and shifted.max() > 2**31 - 1:
                raise OverflowError(
                    f"{name}.{column}: more than 2**31 rows in {table}; "
                    "the tables number rows in int32"
                )
            columns[column] = shifted.astype(values.dtype)
    if columns or start:
        frame = frame.assign(**columns) if columns else frame.copy(deep=False)
        frame.index = pd.RangeIndex(start, start + len(frame))
    return frame


def _meta(options: _Options) -> dict[str, pandas.DataFrame]:
    """The frames of no sessions: every column with its dtype. An open
    dictionary column's categories are marked unknown; a closed
    vocabulary's are known (they are the same in every partition)."""
    clear_known_categories = _require("dask.dataframe.utils", "dask").clear_known_categories
    empty = tables_from_text(
        "", free_text=options.free_text, confidential_text=options.confidential_text
    )
    meta: dict[str, pandas.DataFrame] = {}
    for table in empty:
        frame = table.to_pandas()
        open_columns = [
            c
            for c in table.column_names
            if table.column_kind(c) == "dictionary" and not table.categories(c)
        ]
        meta[table.name] = clear_known_categories(frame, cols=open_columns) if open_columns else frame
    meta["skipped"] = empty.skipped
    return meta


def _files(paths: Any) -> list[str]:
    if isinstance(paths, (str, os.PathLike)):
        patterns = [os.fspath(paths)]
    elif isinstance(paths, Iterable) and not isinstance(paths, (bytes, bytearray)):
        patterns = []
        for p in paths:
            if not isinstance(p, (str, os.PathLike)):
                raise TypeError(f"paths: {type(p).__name__} is not a path or a glob pattern")
            patterns.append(os.fspath(p))
    else:
        raise TypeError(
            f"paths must be a path, a glob pattern or a sequence of them, not {type(paths).__name__}"
        )
    files: list[str] = []
    for pattern in patterns:
        if glob.has_magic(pattern):
            found = sorted(glob.glob(pattern, recursive=True))
            if not found:
                raise NotFoundError(f"{pattern}: no file matches")
            files.extend(f for f in found if os.path.isfile(f))
        elif os.path.isfile(pattern):
            files.append(pattern)
        else:
            raise NotFoundError(f"{pattern}: no such file")
    if not files:
        raise NotFoundError("paths: no files to read")
    return files


class DaskTables:
    """The session tables of many files as Dask DataFrames, one partition per
    file; made by :func:`read_sessions`.

    The attributes ``sessions``, ``participants``, ``steps``, ``prompts``,
    ``learning_points``, ``actions``, ``action_changes``, ``feedback`` and
    ``notes`` are the tables, with the columns and dtypes of
    :class:`carelearn.SessionTables`' frames; ``skipped`` is the lines a
    read with ``on_error="skip"`` left out (``source``, ``line``,
    ``message``). :meth:`compute` computes them together, reading each file
    once; :meth:`persist` keeps them in the cluster's memory.
    """

    def __init__(self, frames: dict[str, Any], files: list[str]) -> None:
        """The Dask DataFrames by name, read from ``files``."""
        self._frames = frames
        self.files = files
        """The files read, in order: partition ``i`` of every table is ``files[i]``."""

    def table(self, name: str) -> Any:
        """The Dask DataFrame ``name`` (a table name, or ``"skipped"``)."""
        try:
            return self._frames[name]
        except KeyError:
            raise ValueError(
                f"table: unknown table {name!r}; the tables are {', '.join(self._frames)}"
            ) from None

    def __repr__(self) -> str:
        return f"<DaskTables of {len(self.files)} files: {', '.join(self._frames)}>"

    @property
    def sessions(self) -> Any:
        """One row per session; the index is its row number."""
        return self._frames["sessions"]

    @property
    def participants(self) -> Any:
        """One row per participant of a session."""
        return self._frames["participants"]

    @property
    def steps(self) -> Any:
        """One row per held step."""
        return self._frames["steps"]

    @property
    def prompts(self) -> Any:
        """One row per question used."""
        return self._frames["prompts"]

    @property
    def learning_points(self) -> Any:
        """One row per learning point."""
        return self._frames["learning_points"]

    @property
    def actions(self) -> Any:
        """One row per proposed action; the index is its row number."""
        return self._frames["actions"]

    @property
    def action_changes(self) -> Any:
        """One row per dated status change of an action."""
        return self._frames["action_changes"]

    @property
    def feedback(self) -> Any:
        """One row per feedback entry."""
        return self._frames["feedback"]

    @property
    def notes(self) -> Any:
        """One row per note, reflection or piece of documentation."""
        return self._frames["notes"]

    @property
    def skipped(self) -> Any:
        """The lines left out: ``source``, ``line`` (1-based), ``message``."""
        return self._frames["skipped"]

    def compute(self, **kwargs: Any) -> dict[str, pandas.DataFrame]:
        """Every table (and ``skipped``) as a pandas frame, by name, computed
        together so that each file is read once; ``kwargs`` go to ``dask.compute``."""
        dask = _dask()
        names = list(self._frames)
        results = dask.compute(*(self._frames[n] for n in names), **kwargs)
        return dict(zip(names, results, strict=True))

    def persist(self, **kwargs: Any) -> DaskTables:
        """The tables persisted (in a cluster's memory, or computed here),
        each file read once; ``kwargs`` go to ``dask.persist``."""
        dask = _dask()
        names = list(self._frames)
        results = dask.persist(*(self._frames[n] for n in names), **kwargs)
        return DaskTables(dict(zip(names, results, strict=True)), self.files)


def read_sessions(
    paths: Any,
    *,
    free_text: bool = False,
    confidential_text: bool = False,
    on_error: OnErrorLike = "raise",
    threads: int = 1,
) -> DaskTables:
    """The session tables of the ``"session/1"`` JSON Lines files ``paths``
    (a path or a glob pattern such as ``"exports/**/*.jsonl"``, or a sequence
    of them) as Dask DataFrames, one partition per file, the files in sorted
    order (a sequence: in its order, each pattern's matches sorted).

    Each file is read by one task with carelearn's C++ reader on ``threads``
    threads (1: a worker's one core; Dask runs the files in parallel).
    ``free_text``, ``confidential_text`` and ``on_error`` are as for
    :func:`carelearn.read_tables`; with ``on_error="skip"`` a bad line is left
    out and listed in ``skipped`` rather than failing the whole job, and with
    ``"raise"`` the first bad line of a file fails the computation with its
    located :class:`~carelearn.FormatError`.

    Nothing is read here: the files are listed and the graph built. Raises
    :class:`~carelearn.NotFoundError` for a path that is not there or a
    pattern that matches nothing, TypeError and ValueError for bad arguments,
    ImportError naming ``pip install carelearn[dask]`` without Dask.

    Example::

        tables = carelearn.dask.read_sessions(["2025/*.jsonl", "2026/*.jsonl"])
        tables.sessions.groupby("unit", observed=True).size().compute()
    """
    dask = _dask()
    import dask.dataframe as dd

    _options(  # the same checks as read_tables, before anything is sent anywhere
        free_text=free_text,
        confidential_text=confidential_text,
        threads=threads,
        on_error=on_error,
    )
    options = _Options(free_text, confidential_text, on_error, threads)
    files = _files(paths)
    meta = _meta(options)
    read = dask.delayed(_read_file, pure=True)
    count = dask.delayed(_counts, pure=True)
    advance = dask.delayed(_next_offsets, pure=True)
    part = dask.delayed(_partition, pure=True)
    parts: dict[str, list[Any]] = {name: [] for name in meta}
    offsets: Any = {}
    for path in files:
        frames = read(os.path.abspath(path), options, dask_key_name=f"carelearn-read-{_token(path, options)}")
        for name in meta:
            parts[name].append(part(frames, offsets, name))
        offsets = advance(offsets, count(frames))
    result = {
        name: dd.from_delayed(parts[name], meta=meta[name], verify_meta=False)
        for name in meta
    }
    return DaskTables(result, files)


def _token(path: str, options: _Options) -> str:
    from dask.base import tokenize

    try:
        stamp = os.stat(path)
        version: tuple[int, int] = (stamp.st_mtime_ns, stamp.st_size)
    except OSError:
        version = (0, 0)
    return str(tokenize(os.path.abspath(path), version, options, _core.__version__))


# --- Measures -----------------------------------------------------------------------------

MEASURES: tuple[str, ...] = ("cadence", "fidelity", "step_fidelity", "outcomes", "responsiveness")
"""The measures of :mod:`carelearn.metrics` that :func:`measure` computes on
Dask: those whose every row is of one unit's own sessions, so that a
partition holding all of a unit's sessions computes that unit's rows
exactly. (Reach, dose and the learning circles count people across units:
a person of one unit in another unit's session; they are not among them.)"""


def _bucket(unit: str | None, buckets: int) -> int:
    """The shuffle bucket of a unit: stable across processes and runs (CRC-32,
    not Python's salted hash)."""
    import zlib

    return zlib.crc32((unit or "").encode("utf-8")) % buckets


def _split_by_unit(path: str, buckets: int, on_error: OnErrorLike) -> list[bytes]:
    """The lines of one file, sorted into ``buckets`` by their session's unit
    (on a worker). A line's session is found by reading the file with the C++
    reader: its session rows are the lines that are neither blank nor skipped,
    in order."""
    tables = read_tables(path, on_error=on_error, threads=1)
    units = tables.table("sessions").column("unit")
    skipped = set(tables.skipped_columns()[1])
    parts: list[list[bytes]] = [[] for _ in range(buckets)]
    row = 0
    with open(path, "rb") as f:
        for number, line in enumerate(f, start=1):
            if not line.strip() or number in skipped:
                continue
            unit = units[row]
            parts[_bucket(None if unit != unit else str(unit), buckets)].append(
                line if line.endswith(b"\n") else line + b"\n"
            )
            row += 1
    if row != len(units):  # pragma: no cover - the reader and this count agree
        raise RuntimeError(f"{path}: {row} lines for {len(units)} sessions")
    return [b"".join(p) for p in parts]


def _measure_bucket(
    name: str,
    pieces: list[list[bytes]],
    bucket: int,
    buckets: int,
    args: tuple[Any, ...],
    kwargs: dict[str, Any],
) -> pandas.DataFrame:
    """One bucket's rows of measure ``name``: its units' sessions from every
    file, in file order, measured by the C++ code (on a worker)."""
    from . import metrics

    text = b"".join(piece[bucket] for piece in pieces).decode("utf-8")
    tables = tables_from_text(text, source=f"<units of bucket {bucket}>")
    frame: pandas.DataFrame = getattr(metrics, name)(tables, *args, **kwargs)
    # A unit with no sessions here (planned in a programme) belongs to its own bucket.
    mine = [_bucket(u, buckets) == bucket for u in frame["unit"].astype(str)]
    kept: pandas.DataFrame = frame[mine] if len(frame) else frame
    return kept


def measure(
    name: str,
    paths: Any,
    *args: Any,
    partitions: int | None = None,
    on_error: OnErrorLike = "raise",
    **kwargs: Any,
) -> pandas.DataFrame:
    """The measure ``name`` of :mod:`carelearn.metrics` (one of
    :data:`MEASURES`) over the session files ``paths``, computed on Dask:
    equal, row for row, to ``carelearn.metrics.<name>(read_tables(...), ...)``
    on the files concatenated.

    Each file is read on a worker and its lines shuffled by their session's
    unit into ``partitions`` buckets (None: as many as files); each bucket,
    holding every session of its units, is measured by the same C++ code as
    on one machine, and the buckets' rows are put in the single-machine order.
    The per-unit counts of distinct people (participants, raters) are exact
    because no unit is split. ``args`` and ``kwargs`` go to the measure (a
    programme for ``cadence`` as a :class:`~carelearn.Programme`, which
    pickles to the workers); ``on_error="skip"`` leaves bad lines out.

    Raises ValueError for a measure that is not in :data:`MEASURES`, as
    :func:`read_sessions` for the paths, and when computed what the measure
    raises.

    Example::

        outcomes = carelearn.dask.measure("outcomes", "exports/*.jsonl", period="quarter")
    """
    dask = _dask()
    if name not in MEASURES:
        raise ValueError(
            f"name: {name!r} is not a measure computed on Dask; those are {', '.join(MEASURES)}"
        )
    _options(free_text=False, confidential_text=False, threads=1, on_error=on_error)
    files = _files(paths)
    if partitions is None:
        partitions = len(files)
    if isinstance(partitions, bool) or not isinstance(partitions, int) or partitions < 1:
        raise ValueError(f"partitions: {partitions!r} is not a whole number of 1 or more")
    split = dask.delayed(_split_by_unit, pure=True)
    pieces = [split(os.path.abspath(path), partitions, on_error) for path in files]
    run = dask.delayed(_measure_bucket, pure=True)
    parts = [run(name, pieces, b, partitions, args, kwargs) for b in range(partitions)]
    frames = dask.compute(*parts)
    return _combine(list(frames))


def _combine(frames: list[pandas.DataFrame]) -> pandas.DataFrame:
    """The buckets' rows in the measure's order. Every measure sorts its rows
    by unit first, and a bucket holds whole units in that order already, so a
    stable sort by unit (byte order, as the C++ code sorts) puts them as one
    machine does."""
    import pandas as pd

    attrs = dict(frames[0].attrs)
    whole = pd.concat(frames, ignore_index=True)
    if len(whole):
        keys = whole["unit"].astype(str).map(lambda u: u.encode("utf-8"))
        order = sorted(range(len(whole)), key=keys.__getitem__)
        whole = whole.take(order).reset_index(drop=True)
    whole.attrs = attrs
    return whole
