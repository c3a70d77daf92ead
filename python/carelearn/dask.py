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
from ._tables import OnErrorLike, SessionTables, _options, read_tables, tables_from_text

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

MEASURES: tuple[str, ...] = (
    "cadence",
    "fidelity",
    "step_fidelity",
    "outcomes",
    "responsiveness",
    "circle_matrix",
    "circles",
    "reach",
    "dose",
)
"""The measures of :mod:`carelearn.metrics` that :func:`measure` computes on
Dask, each equal to the single-machine result (docs/scale.md says how):

- split by unit (a bucket holds every session of its units, and each row is
  of one unit's own sessions, so a bucket's rows are exact as they are):
  ``cadence``, ``fidelity``, ``step_fidelity``, ``outcomes``,
  ``responsiveness``, and ``circle_matrix`` (a row is of the sessions one
  host unit held);
- split by person (a bucket holds every session, but only the participants
  and roster members whose pseudonym falls in it, so that counts of
  distinct people add up across buckets; shares, means and medians are
  recomputed from the sums, and small cells are suppressed once, after):
  ``reach`` and ``dose``;
- both: ``circles`` (its ``people`` by person; the participations, and the
  sessions that mix units and shifts, by unit)."""

_BY_UNIT = ("cadence", "fidelity", "step_fidelity", "outcomes", "responsiveness", "circle_matrix")

# The column that names the unit a row belongs to, for the measures split by unit.
_OWNER = {"circle_matrix": "host_unit"}

# A line is blank when it holds only these bytes (absl::ascii_isspace, as the C++ reader).
_WHITESPACE = (9, 10, 11, 12, 13, 32)


def _bucket(unit: str | None, buckets: int) -> int:
    """The shuffle bucket of a unit: stable across processes and runs (CRC-32,
    not Python's salted hash)."""
    import zlib

    return zlib.crc32((unit or "").encode("utf-8")) % buckets


def _unit_buckets(units: Sequence[str], buckets: int) -> Any:
    """The bucket of each of the distinct ``units`` (a dictionary, not the
    records), as a numpy array."""
    import numpy as np

    return np.fromiter((_bucket(u, buckets) for u in units), dtype=np.int64, count=len(units))


def _person_buckets(people: Any, buckets: int) -> Any:
    """The bucket of each of the pseudonyms ``people`` (distinct values: a
    dictionary or a roster's people), vectorised: pandas' fixed-key SipHash of
    the UTF-8 text, the same in every process and run."""
    import numpy as np
    import pandas as pd

    values = np.asarray(people, dtype=object)
    if not len(values):
        return np.zeros(0, dtype=np.int64)
    hashes = pd.util.hash_array(values, categorize=False)
    return (hashes % np.uint64(buckets)).astype(np.int64)


def _lines(path: str) -> tuple[Any, Any, Any]:
    """The bytes of one file (ending with a line end) and the start and end
    (past its ``\\n``) of each of its lines, found with numpy."""
    import numpy as np

    buf = np.fromfile(path, dtype=np.uint8)
    if len(buf) and buf[-1] != 10:
        buf = np.append(buf, np.uint8(10))
    ends = np.flatnonzero(buf == 10) + 1
    starts = np.concatenate(([0], ends))[:-1].astype(np.int64)
    return buf, starts, ends


def _split_by_unit(path: str, buckets: int, on_error: OnErrorLike) -> tuple[bytes, ...]:
    """The lines of one file, sorted into ``buckets`` by their session's unit
    (on a worker), with no Python work per line and nothing the size of the
    file but the file: the file is read by the C++ reader, whose session rows
    are the lines that are neither blank nor skipped, in order; numpy finds
    the lines, the blank ones (only whitespace, as the reader sees them) and
    each line's bucket, and :func:`carelearn._core.gather_lines` copies each
    bucket's lines out of the file's bytes."""
    import numpy as np

    tables = read_tables(path, on_error=on_error, threads=1)
    sessions = tables.table("sessions")
    codes = np.asarray(sessions.array("unit"), dtype=np.int64)
    # The bucket of each unit code; a missing unit (-1) takes the last, "".
    of_code = np.append(_unit_buckets(sessions.categories("unit"), buckets), _bucket(None, buckets))
    buf, starts, ends = _lines(path)
    if not len(starts):
        return tuple(b"" for _ in range(buckets))
    text = ~np.isin(buf, np.array(_WHITESPACE, dtype=np.uint8))
    blank = ~np.logical_or.reduceat(text, starts)
    del text
    numbers = np.arange(1, len(starts) + 1, dtype=np.int64)
    skipped = np.asarray(tables.skipped_columns()[1], dtype=np.int64)
    session_line = ~blank & ~np.isin(numbers, skipped)
    if int(session_line.sum()) != len(codes):  # pragma: no cover - the reader and numpy agree
        raise RuntimeError(f"{path}: {int(session_line.sum())} lines for {len(codes)} sessions")
    line_bucket = of_code[codes]
    order = np.argsort(line_bucket, kind="stable")
    line_starts = starts[session_line][order]
    line_ends = ends[session_line][order]
    cuts = np.searchsorted(line_bucket[order], np.arange(buckets + 1), side="left")
    return tuple(
        _core.gather_lines(buf, line_starts[cuts[b] : cuts[b + 1]], line_ends[cuts[b] : cuts[b + 1]])
        for b in range(buckets)
    )


def _measure_bucket(
    name: str,
    pieces: list[bytes],
    bucket: int,
    buckets: int,
    args: tuple[Any, ...],
    kwargs: dict[str, Any],
) -> pandas.DataFrame:
    """One bucket's rows of measure ``name``: its units' sessions from every
    file (``pieces``, in file order), measured by the C++ code (on a worker)."""
    import numpy as np

    from . import metrics

    text = b"".join(pieces).decode("utf-8")
    tables = tables_from_text(text, source=f"<units of bucket {bucket}>")
    frame: pandas.DataFrame = getattr(metrics, name)(tables, *args, **kwargs)
    owner = _OWNER.get(name, "unit")
    if owner not in frame.columns or not len(frame):
        return frame
    # A unit with no sessions here (planned in a programme) belongs to its own bucket.
    units, codes = np.unique(frame[owner].astype(str).to_numpy(dtype=object), return_inverse=True)
    mine = _unit_buckets(list(units), buckets)[codes] == bucket
    kept: pandas.DataFrame = frame[mine]
    return kept


def _split_by_person(path: str, buckets: int, on_error: OnErrorLike) -> tuple[Any, ...]:
    """The tables of one file split into ``buckets`` by person (on a worker):
    the file is read once by the C++ reader, and each bucket's piece is
    :func:`carelearn._core.person_measure_tables` of it, with the participants
    whose pseudonym falls in the bucket (one without a pseudonym: bucket 0)
    and, of the rest, only what reach, dose and circles read (every session's
    unit, times and status, the steps of sessions that started and did not
    end; no ids, no free text). The pieces pickle compactly
    (``carelearn/analysis/serialize_tables.hpp``) when Dask sends them to the
    bucket's worker."""
    import numpy as np

    tables = read_tables(path, on_error=on_error, threads=1)
    participants = tables.table("participants")
    codes = np.asarray(participants.array("person"), dtype=np.int64)
    of_code = np.append(_person_buckets(participants.categories("person"), buckets), 0)
    home = of_code[codes]
    return tuple(
        _core.person_measure_tables(tables, (home == b).astype(np.uint8)) for b in range(buckets)
    )


def _join_pieces(pieces: Sequence[Any]) -> SessionTables:
    """One person bucket's tables: its pieces of every file joined in file
    order (on the bucket's worker)."""
    return SessionTables(_core.concatenate_tables(list(pieces)))


def _person_tables(
    paths: list[str], bucket: int, buckets: int, on_error: OnErrorLike
) -> SessionTables:
    """The tables person bucket ``bucket`` of ``buckets`` measures, made in this
    process as the workers make them: each of ``paths`` split by person, and
    the bucket's pieces joined in order."""
    return _join_pieces([_split_by_person(path, buckets, on_error)[bucket] for path in paths])


def _split_pieces(
    split_file: Any, kind: str, files: list[str], buckets: int, on_error: OnErrorLike
) -> list[list[Any]]:
    """For each bucket, its pieces of every file, as Dask Delayed: one task
    per file (key ``carelearn-<kind>-split-...``) calls ``split_file(path,
    buckets, on_error)``, which reads it once and splits it into ``buckets``
    pieces, each a key of its own, so that a bucket's task is sent its pieces
    and no others."""
    dask = _dask()
    split = dask.delayed(split_file, pure=True, nout=buckets)
    options = _Options(False, False, on_error, 1)
    per_file = [
        split(
            path,
            buckets,
            on_error,
            dask_key_name=f"carelearn-{kind}-split-{_token(path, options)}-{buckets}",
        )
        for path in files
    ]
    return [[pieces[b] for pieces in per_file] for b in range(buckets)]


def _person_pieces(files: list[str], buckets: int, on_error: OnErrorLike) -> list[list[Any]]:
    """For each person bucket, its pieces of every file (see
    :func:`_split_pieces`; each file split by :func:`_split_by_person`)."""
    return _split_pieces(_split_by_person, "person", files, buckets, on_error)


def _roster_of(columns: dict[str, list[Any]]) -> _core.Roster:
    """A roster of the memberships given as columns."""
    return _core.roster_from_columns(
        person=columns["person"],
        unit=columns["unit"],
        profession=columns["profession"],
        shift=columns["shift"],
        from_=columns["from"],
        to=columns["to"],
    )


@dataclasses.dataclass(frozen=True)
class _RosterShare:
    """The roster members of one person bucket, as columns (picklable), with
    each membership's person's number in the whole roster (the order in
    which the C++ code sums people)."""

    columns: dict[str, list[Any]]
    rank: list[int]

    def roster(self) -> _core.Roster:
        """The bucket's memberships as a roster, in the whole roster's order."""
        return _roster_of(self.columns)

    def per_person(self) -> tuple[_core.Roster, dict[str, tuple[int, str]]]:
        """The bucket's memberships with each person alone in a unit of their
        own (one per person and unit, named ``"<rank>/<i>"``, ``i`` numbering
        the pairs in order of first appearance), and what each such unit
        stands for: (person's rank, unit). Measured by dose, such a unit's
        row is that one person's hours."""
        import numpy as np
        import pandas as pd

        pairs = pd.MultiIndex.from_arrays([self.rank, self.columns["unit"]])
        codes, distinct = pd.factorize(pairs)
        names = np.asarray([f"{rank}/{i}" for i, (rank, _) in enumerate(distinct)], dtype=object)
        roster = _roster_of(dict(self.columns, unit=names[codes].tolist()))
        return roster, {str(n): (int(r), str(u)) for n, (r, u) in zip(names, distinct, strict=True)}


def _roster_shares(roster: _core.Roster, buckets: int) -> list[_RosterShare]:
    """The roster split by person into ``buckets`` (every membership of a
    person in the same bucket), keeping the roster's order."""
    import numpy as np
    import pandas as pd

    columns = {k: np.asarray(v, dtype=object) for k, v in roster.columns().items()}
    ranks, people = pd.factorize(columns["person"])
    home = _person_buckets(people, buckets)[ranks] if len(ranks) else np.zeros(0, dtype=np.int64)
    shares = []
    for b in range(buckets):
        rows = np.flatnonzero(home == b)
        shares.append(
            _RosterShare({k: v[rows].tolist() for k, v in columns.items()}, ranks[rows].tolist())
        )
    return shares


def _reach_bucket(
    pieces: list[Any], share: _RosterShare, kwargs: dict[str, Any]
) -> pandas.DataFrame:
    """One person bucket's reach, without small-cell suppression (on a worker)."""
    from . import metrics

    tables = _join_pieces(pieces)
    return metrics.reach(tables, share.roster(), **kwargs, small_cells="off")


def _dose_bucket(
    pieces: list[Any], share: _RosterShare, programme: Any, kwargs: dict[str, Any]
) -> tuple[pandas.DataFrame, pandas.DataFrame]:
    """One person bucket's dose (without small-cell suppression), and each of
    its people's hours per unit and period: the dose of the same sessions
    with each person alone in a unit (on a worker)."""
    from . import metrics

    tables = _join_pieces(pieces)
    whole = metrics.dose(tables, share.roster(), programme, **kwargs, small_cells="off")
    alone, meaning = share.per_person()
    people = metrics.dose(tables, alone, None, **kwargs, small_cells="off")
    people = people[["unit", "period_start", "attendees", "hours"]].copy()
    people["rank"] = [meaning[u][0] for u in people["unit"]]
    people["unit"] = [meaning[u][1] for u in people["unit"]]
    return whole, people


def _circles_people_bucket(pieces: list[Any], kwargs: dict[str, Any]) -> pandas.DataFrame:
    """One person bucket's circles, for its ``people`` (on a worker)."""
    from . import metrics

    tables = _join_pieces(pieces)
    return metrics.circles(tables, **kwargs, small_cells="off")


def _raw_columns(frame: pandas.DataFrame, roles: dict[str, str]) -> list[tuple[str, str, Any]]:
    """A measure's frame back in the C++ form ``(name, role, values)`` that
    :func:`carelearn.metrics` builds frames from: keys as lists of str,
    ``period_start`` as days since 1970, people as int64 with -1 withheld,
    flags as uint8."""
    import numpy as np

    out: list[tuple[str, str, Any]] = []
    for name, role in roles.items():
        column = frame[name]
        values: Any
        if name == "period_start":
            values = column.to_numpy(dtype="datetime64[s]").astype(np.int64) // 86400
        elif role == "key" or column.dtype == object or str(column.dtype) in ("str", "string"):
            values = [str(v) for v in column.tolist()]
        elif role == "flag":
            values = column.to_numpy(dtype=np.uint8)
        elif role in ("people", "people-cell"):
            values = column.to_numpy(dtype=np.int64, na_value=-1)
        else:
            values = column.to_numpy()
        out.append((name, role, values))
    return out


def _finish(
    name: str,
    frame: pandas.DataFrame,
    roles: dict[str, str],
    period: str | None,
    small_cells: str,
    threshold: int,
) -> pandas.DataFrame:
    """The combined rows of ``name`` with small cells treated once, by the C++
    ``SuppressColumns`` as on one machine, as :mod:`carelearn.metrics` frames them."""
    from . import metrics

    columns = _raw_columns(frame.reset_index(drop=True), roles)
    columns = _core.suppress_columns(columns, small_cells=small_cells, threshold=threshold)
    small = {"small_cells": small_cells, "threshold": threshold}
    return metrics._frame(name, columns, period=period, small=small)


def _share(a: Any, b: Any) -> Any:
    """``a / b``, NaN where ``b`` is 0 (``detail::Share``)."""
    import numpy as np

    a = np.asarray(a, dtype=np.float64)
    b = np.asarray(b, dtype=np.float64)
    with np.errstate(divide="ignore", invalid="ignore"):
        return np.where(b == 0, np.nan, a / np.where(b == 0, 1.0, b))


def _sum_by(frames: list[pandas.DataFrame], keys: list[str], counts: list[str]) -> pandas.DataFrame:
    """The rows of ``frames`` with the same ``keys`` as one, ``counts`` summed."""
    import numpy as np
    import pandas as pd

    whole = pd.concat(frames, ignore_index=True)
    whole = whole.astype({c: np.int64 for c in counts})
    summed = whole.groupby(keys, sort=False, observed=True, dropna=False)[counts].sum()
    return summed.reset_index()


_SHIFT_ORDER = {"": -1, "unspecified": 0, "day": 1, "evening": 2, "night": 3}


def _combine_reach(frames: list[pandas.DataFrame]) -> pandas.DataFrame:
    """Reach of the person buckets as one: the people counted in each bucket
    are its own, so the counts add up; the shares are the sums' (rows
    ordered by unit, profession, shift, period, as the C++ code orders them)."""
    counts = ["staff", "reached", "reached_k", "never_reached", "off_roster"]
    keys = ["unit", "profession", "shift", "period", "period_start"]
    rows = _sum_by(frames, keys, counts)
    rows = rows.sort_values(
        ["unit", "profession", "shift", "period_start"],
        key=lambda c: c.map(_SHIFT_ORDER) if c.name == "shift" else c,
        kind="stable",
    )
    rows["reached_share"] = _share(rows["reached"], rows["staff"])
    rows["reached_k_share"] = _share(rows["reached_k"], rows["staff"])
    rows["suppressed"] = False
    return rows


def _combine_dose(
    wholes: list[pandas.DataFrame], people: list[pandas.DataFrame]
) -> pandas.DataFrame:
    """Dose of the person buckets as one. Staff and attendees add up; the
    hours are each person's (identical in every bucket: the same sessions),
    summed per row in the order of the people on the roster as the C++ code
    sums them, so the total is the same to the last bit; the median is over
    the staff's hours, zeros included; the plan is the unit's (the same in
    every bucket)."""
    import numpy as np
    import pandas as pd

    keys = ["unit", "period", "period_start"]
    rows = _sum_by(wholes, keys, ["staff", "attendees"])
    plan = pd.concat(wholes, ignore_index=True).drop_duplicates(["unit", "period_start"])
    rows = rows.merge(
        plan[["unit", "period_start", "planned_hours_per_person"]],
        on=["unit", "period_start"],
        how="left",
    )
    rows = rows.sort_values(["unit", "period_start"], kind="stable").reset_index(drop=True)
    each = pd.concat(people, ignore_index=True).sort_values(
        ["unit", "period_start", "rank"], kind="stable"
    )
    total = np.zeros(len(rows))
    median = np.full(len(rows), np.nan)
    where = {k: i for i, k in enumerate(zip(rows["unit"], rows["period_start"], strict=True))}
    for (unit, start), group in each.groupby(["unit", "period_start"], sort=False):
        i = where[(unit, start)]
        hours = group["hours"].to_numpy(dtype=np.float64)
        attended = hours[group["attendees"].to_numpy(dtype=np.int64) > 0]
        # Added one by one in the roster's order, as MeasureDose adds them.
        total[i] = np.cumsum(np.concatenate(([0.0], attended)))[-1]
        median[i] = _median(hours)
    staff = rows["staff"].to_numpy(dtype=np.int64)
    rows["hours"] = total
    rows["hours_per_person_mean"] = _share(total, staff)
    rows["hours_per_person_median"] = median
    planned = rows["planned_hours_per_person"].to_numpy(dtype=np.float64)
    mean = rows["hours_per_person_mean"].to_numpy(dtype=np.float64)
    with np.errstate(divide="ignore", invalid="ignore"):
        rows["dose_ratio"] = np.where(planned > 0, mean / np.where(planned > 0, planned, 1.0), np.nan)
    rows["suppressed"] = False
    return rows


def _median(values: Any) -> float:
    """The median as ``detail::Median`` takes it: the middle value, or the
    mean of the two middle values, ``(lower + upper) / 2``; NaN for none."""
    import numpy as np

    if not len(values):
        return float("nan")
    ordered = np.sort(np.asarray(values, dtype=np.float64))
    mid = len(ordered) // 2
    if len(ordered) % 2 == 1:
        return float(ordered[mid])
    return float((ordered[mid - 1] + ordered[mid]) / 2)


def _combine_circles(
    by_unit: list[pandas.DataFrame], by_person: list[pandas.DataFrame]
) -> pandas.DataFrame:
    """Circles of both splits as one: the participations and sessions add up
    over the unit buckets (each session is whole in one), the distinct people
    over the person buckets (each person is in one); the shares are the
    sums', and each change is against the period before."""
    counts = [
        "sessions",
        "participations",
        "cross_unit",
        "shift_known",
        "cross_shift",
        "cross_municipality",
        "mixed_unit_sessions",
    ]
    keys = ["period", "period_start"]
    rows = _sum_by(by_unit, keys, counts)
    people = _sum_by(by_person, keys, ["people"])
    rows = rows.merge(people, on=keys, how="outer").fillna({"people": 0})
    rows = rows.sort_values("period_start", kind="stable").reset_index(drop=True)
    share = _share(rows["cross_unit"], rows["participations"])
    rows["cross_unit_share"] = share
    change = share.copy()
    change[1:] = share[1:] - share[:-1]
    if len(change):
        change[0] = float("nan")
    rows["cross_unit_change"] = change
    rows["cross_shift_share"] = _share(rows["cross_shift"], rows["shift_known"])
    rows["cross_municipality_share"] = _share(rows["cross_municipality"], rows["participations"])
    rows["suppressed"] = False
    return rows


def _sort_by_unit(name: str, frames: list[pandas.DataFrame]) -> pandas.DataFrame:
    """The unit buckets' rows in the measure's order. Every measure split by
    unit but the matrix sorts its rows by unit first, and a bucket holds whole
    units in that order already, so a stable sort by unit (code point order,
    which is the byte order of UTF-8 the C++ code sorts by) puts them as one
    machine does; the matrix sorts by period, participant unit, host unit."""
    import pandas as pd

    attrs = dict(frames[0].attrs)
    whole = pd.concat(frames, ignore_index=True)
    if len(whole):
        matrix = name == "circle_matrix"
        keys = ["period_start", "participant_unit", "host_unit"] if matrix else ["unit"]
        order = whole[keys].astype({k: str for k in keys if k != "period_start"})
        whole = whole.loc[order.sort_values(keys, kind="stable").index].reset_index(drop=True)
    whole.attrs = attrs
    return whole


def _client() -> Any:
    """The current distributed client, or None without one."""
    import importlib

    try:
        distributed: Any = importlib.import_module("distributed")
        return distributed.default_client()
    except (ImportError, ValueError):
        return None


def _workers() -> int:
    """The number of workers of the current distributed client (1 without one)."""
    client = _client()
    return 1 if client is None else max(1, len(client.scheduler_info()["workers"]))


def _scattered(values: list[Any]) -> list[Any]:
    """``values`` sent to the workers of the current distributed client ahead
    of the graph (as futures that the tasks take), so that a large roster's
    shares do not travel inside the graph; ``values`` themselves when the
    graph will not run on that client (no client, or another scheduler in
    ``dask.config``), where nothing travels."""
    import importlib

    client = _client()
    base: Any = importlib.import_module("dask.base")
    if client is None or base.get_scheduler() != client.get:
        return values
    return list(client.scatter(values, hash=False))


def _bound(name: str, args: tuple[Any, ...], kwargs: dict[str, Any]) -> dict[str, Any]:
    """The measure's arguments by name (after ``tables``), checked as the
    single-machine function checks them: it is run on no sessions."""
    import inspect

    from . import metrics

    function = getattr(metrics, name)
    try:
        bound = inspect.signature(function).bind(None, *args, **kwargs)
    except TypeError as error:
        raise TypeError(f"{name}: {error}") from None
    function(tables_from_text(""), *args, **kwargs)
    arguments = dict(bound.arguments)
    arguments.pop(next(iter(inspect.signature(function).parameters)))
    return arguments


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
    equal, row for row and bit for bit, to
    ``carelearn.metrics.<name>(read_tables(...), ...)`` on the files
    concatenated.

    Split by unit (cadence, fidelity, step_fidelity, outcomes,
    responsiveness, circle_matrix): each file is read on a worker and its
    lines shuffled by their session's unit into ``partitions`` buckets (None:
    as many as files); each bucket, holding every session of its units, is
    measured by the same C++ code as on one machine, and the buckets' rows
    are put in the single-machine order.

    Split by person (reach, dose, and the people of circles) into
    ``partitions`` buckets (None: one per worker of the current client):
    each file is read once, by one task, and split into one piece per
    bucket, holding the participants whose pseudonym falls in the bucket
    and, of the rest, only what these measures read (every session's unit,
    times and status, the steps of sessions that started and did not end;
    no ids, no free text, no other tables); each bucket joins its pieces of
    every file in file order with its roster members, and measures them
    without small-cell suppression. A bucket so holds every session but
    only its share of the people: about 90 bytes a session plus 28 bytes a
    participant of its own (docs/scale.md). The counts of people are summed,
    the shares, means and medians recomputed from the sums, and small cells
    suppressed once, by the same C++ code as on one machine. docs/scale.md
    says why each stays exact.

    ``args`` and ``kwargs`` go to the measure (a roster, a programme as a
    :class:`~carelearn.Programme`, which pickles to the workers, and the
    options); ``on_error="skip"`` leaves bad lines out.

    Raises ValueError for a measure that is not in :data:`MEASURES` and for
    an option the Dask path cannot send (a :class:`~carelearn.Schedule` for
    ``programme``: give the Programme and ``start``, ``end``), TypeError and
    ValueError as the measure raises them for its arguments (checked here,
    before anything is read), as :func:`read_sessions` for the paths, and
    when computed what the measure raises.

    Example::

        outcomes = carelearn.dask.measure("outcomes", "exports/*.jsonl", period="quarter")
        reach = carelearn.dask.measure("reach", "exports/*.jsonl", "roster.csv", by=("unit", "shift"))
    """
    dask = _dask()
    if name not in MEASURES:
        raise ValueError(
            f"name: {name!r} is not a measure computed on Dask; those are {', '.join(MEASURES)}"
        )
    _options(free_text=False, confidential_text=False, threads=1, on_error=on_error)
    files = [os.path.abspath(f) for f in _files(paths)]
    if partitions is not None and (
        isinstance(partitions, bool) or not isinstance(partitions, int) or partitions < 1
    ):
        raise ValueError(f"partitions: {partitions!r} is not a whole number of 1 or more")
    arguments = _bound(name, args, kwargs)
    if name in _BY_UNIT:
        parts = _unit_parts(name, files, partitions or len(files), on_error, args, kwargs)
        frames = dask.compute(*parts)
        return _sort_by_unit(name, list(frames))
    buckets = partitions or _workers()
    small_cells = arguments.pop("small_cells", "suppress")
    threshold = arguments.pop("threshold", 5)
    period = arguments.get("period", "month")
    if name == "reach":
        from . import metrics

        roster = metrics._roster(arguments.pop("roster"))
        shares = _scattered(_roster_shares(roster, buckets))
        pieces = _person_pieces(files, buckets, on_error)
        run = dask.delayed(_reach_bucket, pure=True)
        parts = [run(pieces[b], shares[b], arguments) for b in range(buckets)]
        frames = dask.compute(*parts)
        rows = _combine_reach(list(frames))
        return _finish(name, rows, frames[0].attrs["roles"], period, small_cells, threshold)
    if name == "dose":
        from . import metrics
        from ._schedule import Programme

        roster = metrics._roster(arguments.pop("roster"))
        programme = arguments.pop("programme", None)
        if programme is not None and not isinstance(programme, Programme):
            raise ValueError(
                "programme: only a Programme (or None) is sent to the workers on Dask; "
                f"give the Programme and start, end rather than a {type(programme).__name__}"
            )
        shares = _scattered(_roster_shares(roster, buckets))
        pieces = _person_pieces(files, buckets, on_error)
        run = dask.delayed(_dose_bucket, pure=True, nout=2)
        results = dask.compute(
            *(run(pieces[b], shares[b], programme, arguments) for b in range(buckets))
        )
        rows = _combine_dose([r[0] for r in results], [r[1] for r in results])
        return _finish(name, rows, results[0][0].attrs["roles"], period, small_cells, threshold)
    # circles: the people by person, everything else by unit.
    off = dict(kwargs, small_cells="off")
    off.pop("threshold", None)
    by_unit = _unit_parts(name, files, partitions or len(files), on_error, args, off)
    pieces = _person_pieces(files, buckets, on_error)
    run = dask.delayed(_circles_people_bucket, pure=True)
    by_person = [run(pieces[b], arguments) for b in range(buckets)]
    # Both splits in one computation, so that their tasks run side by side.
    computed = dask.compute(*by_unit, *by_person)
    units, people = list(computed[: len(by_unit)]), list(computed[len(by_unit) :])
    rows = _combine_circles(units, people)
    return _finish(name, rows, people[0].attrs["roles"], period, small_cells, threshold)


def _unit_parts(
    name: str,
    files: list[str],
    buckets: int,
    on_error: OnErrorLike,
    args: tuple[Any, ...],
    kwargs: dict[str, Any],
) -> list[Any]:
    """Each unit bucket's rows of ``name``, as Dask Delayed: every file split
    by unit (:func:`_split_pieces` with :func:`_split_by_unit`), then each
    bucket measured."""
    dask = _dask()
    pieces = _split_pieces(_split_by_unit, "unit", files, buckets, on_error)
    run = dask.delayed(_measure_bucket, pure=True)
    return [run(name, pieces[b], b, buckets, args, kwargs) for b in range(buckets)]
