"""Held sessions as column tables, for evaluators: from a JSON Lines file, a
store or Session values into pandas, Arrow, polars and DuckDB without copies.

:func:`read_tables` reads every part of a set of sessions into nine tables
(``sessions``, ``participants``, ``steps``, ``prompts``, ``learning_points``,
``actions``, ``action_changes``, ``feedback``, ``notes``); each child table
names its session by the session's row number in ``sessions`` (the
``session`` column), which is the ``sessions`` frame's index. The C++ reader
parses on several threads with the GIL released and never builds a Python
object per record.

The columns stay in the C++ tables' memory. A pandas frame's numeric and
timestamp columns are read-only numpy views of it, its dictionary-encoded
string columns are ``Categorical`` s built from the C++ codes, and an Arrow
consumer (pyarrow, polars, DuckDB) reads the same buffers through the Arrow
PyCapsule protocol of :meth:`SessionTables.table`. Frames are read-only where
they view the tables: ``frame.copy()`` gives one to write into.

Example::

    tables = carelearn.read_tables("export.jsonl", threads=2)
    steps = tables.steps.join(tables.sessions[["unit"]], on="session")
    steps.groupby(["unit", "step"], observed=True)["minutes"].median()

    import polars as pl
    participants = pl.DataFrame(tables.table("participants"))
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Iterator, Mapping, Sequence
from typing import TYPE_CHECKING, Any, Literal, Protocol, TypeAlias

from . import _core
from ._columns import NULL_DAY as _NULL_DAY
from ._columns import NULL_TIMESTAMP as _NULL_TIMESTAMP
from ._columns import TABLE_NAMES
from ._columns import categorical as _categorical
from ._columns import days as _days
from ._columns import numpy_module as _numpy
from ._columns import optional_pyarrow as _optional_pyarrow
from ._columns import pandas_module as _pandas
from ._columns import read_stream as _read_stream
from ._columns import require as _require
from ._columns import require_pyarrow
from ._columns import string_dtype as _string_dtype
from ._columns import utc_times as _utc_times
from ._query import session_query

if TYPE_CHECKING:
    import numpy
    import pandas

__all__ = [
    "TABLE_NAMES",
    "OnErrorLike",
    "SessionTables",
    "Table",
    "read_tables",
    "require_pyarrow",
    "tables_from_sessions",
    "tables_from_text",
]

OnErrorLike: TypeAlias = Literal["raise", "skip"]
"""What a reader does with a bad line: ``"raise"`` its located error, or
``"skip"`` it and list it in :attr:`SessionTables.skipped`."""

class Table(_core.Table):
    """One of the session tables, viewed in the C++ tables' memory.

    ``len(table)`` is its number of rows and ``column_names`` its columns.
    :meth:`to_pandas` and :meth:`to_arrow` build frames over the same buffers;
    the Arrow PyCapsule protocol (``__arrow_c_stream__`` and
    ``__arrow_c_schema__``, as a ``pyarrow.Table`` has them) lets any Arrow
    consumer take the table without a copy: ``pyarrow.table(t)``,
    ``polars.DataFrame(t)``, or DuckDB's
    ``duckdb.sql("select ... from t")`` with ``t`` a local variable. The raw
    columns are there too: :meth:`array` (a read-only numpy view),
    :meth:`categories`, :meth:`string_buffers`.

    Arrow types: dictionary-encoded strings are ``dictionary<int32, utf8>``,
    times ``timestamp[us, tz=UTC]``, due days ``date32``, free text and ids
    ``large_utf8``, flags ``bool``, counts and row numbers ``int32``.

    Example::

        steps = tables.table("steps").select(["session", "step", "minutes"])
        pyarrow.table(steps).group_by("step").aggregate([("minutes", "mean")])
    """

    def __repr__(self) -> str:
        return (
            f"<Table {self.name}: {self.num_rows} rows, "
            f"columns {', '.join(self.column_names)}>"
        )

    def select(self, columns: Sequence[str]) -> Table:
        """The table with only ``columns``, in that order (still a view).
        Raises ValueError naming the table's columns for an unknown one."""
        if isinstance(columns, str | bytes) or not isinstance(columns, Iterable):
            raise TypeError(
                f"columns must be a sequence of column names, not {type(columns).__name__}"
            )
        return Table(super().select(list(columns)))

    def column(self, name: str) -> Any:
        """The column ``name`` as pandas holds it in :meth:`to_pandas`: a
        read-only numpy array viewing the C++ column (numbers, flags), an aware
        UTC ``DatetimeArray`` over it (times, NaT when missing), a
        ``Categorical`` from the C++ codes (repeated strings), ``datetime64[s]``
        midnights (``due``), or a string array (free text and ids: pyarrow's
        buffers when pyarrow is there, else a copy as Python str).

        Raises ValueError for an unknown column.
        """
        pd = _pandas()
        kind = self.column_kind(name)
        if kind == "timestamp":
            return _utc_times(pd, self.array(name))
        if kind == "day":
            return _days(_numpy(), self.array(name))
        if kind == "dictionary":
            return _categorical(pd, self.array(name), self.categories(name))
        if kind == "string":
            return self._strings(pd, name)
        return self.array(name)

    def _strings(self, pd: Any, name: str) -> Any:
        pa = _optional_pyarrow()
        if pa is None:
            return self.string_objects(name)
        array = _read_stream(pa, super().select([name])).column(0).chunk(0)
        dtype = _string_dtype()
        if dtype is object:
            return pd.arrays.ArrowStringArray(array)
        return pd.arrays.ArrowStringArray(array, dtype=dtype)

    def to_pandas(self) -> pandas.DataFrame:
        """The table as a pandas DataFrame over the C++ columns (see
        :meth:`column`), indexed 0..n-1. Needs pandas (``pip install
        carelearn[pandas]``); free-text columns view Arrow buffers when pyarrow
        is installed."""
        pd = _pandas()
        columns = {name: self.column(name) for name in self.column_names}
        frame: pandas.DataFrame = pd.DataFrame(
            columns, index=pd.RangeIndex(self.num_rows), copy=False
        )
        return frame

    def to_arrow(self) -> Any:
        """The table as a ``pyarrow.Table`` of one record batch over the C++
        columns. Needs pyarrow (``pip install carelearn[arrow]``)."""
        return _read_stream(require_pyarrow(), self)


class SessionTables(_core.SessionTables):
    """Every part of a set of sessions as column tables; made by
    :func:`read_tables`, :func:`tables_from_text` and :func:`tables_from_sessions`.

    The tables as pandas DataFrames, each built anew over the same buffers at
    each access:

    - ``sessions``: ``id``, ``unit``, ``format_id``, ``format_version``,
      ``planned_start``, ``actual_start``, ``actual_end``, ``status``,
      ``cancel_reason``, ``cancel_confidential``, [``cancel_note``],
      ``case_category``, ``citizen`` and the counts ``participant_count``,
      ``step_count``, ``prompt_count``,
      ``learning_point_count``, ``action_count``, ``feedback_count``,
      ``note_count``;
    - ``participants``: ``session``, ``position``, ``person``, ``role``,
      ``unit``, ``profession``, ``shift``;
    - ``steps``: ``session``, ``position``, ``step``, ``start``, ``end``, ``minutes``;
    - ``prompts``: ``session``, ``step``, ``question``;
    - ``learning_points``: ``session``, ``position``, ``step``, ``author``,
      ``confidential``, [``text``];
    - ``actions``: ``session``, ``position``, ``action``, ``step``, ``owner``,
      ``due``, ``status``, ``proposed_at``, ``started_at``, ``done_at``,
      ``dropped_at``, ``confidential``, [``text``];
    - ``action_changes``: ``session``, ``action`` (the row in ``actions``),
      ``position``, ``status``, ``at``;
    - ``feedback``: ``session``, ``step``, ``participant``, ``rating``, ``confidential``,
      [``comment``];
    - ``notes``: ``session``, ``step``, ``kind``, ``confidential``, [``text``].

    Columns in brackets are free text, there only when read with
    ``free_text=True``; the text of confidential items (learning points,
    actions, feedback comments, notes, cancellation notes whose flag,
    ``confidential`` or ``cancel_confidential``, is true) is missing from them
    unless read with ``confidential_text=True`` too. Times are aware UTC
    timestamps (µs), NaT when missing; repeated strings are categoricals (a
    missing value, or an empty string, is NaN); ``due`` is a day at midnight.
    Codes of the closed vocabularies are stable: ``status`` held/cancelled,
    ``cancel_reason`` staffing/workload/no-facilitator/holiday/other,
    ``shift`` unspecified/day/evening/night, action ``status``
    open/in-progress/done/dropped, note ``kind`` note/reflection/documentation.

    ``skipped`` lists the lines a forgiving read left out.

    The tables pickle (to send them to another process, as
    :mod:`carelearn.dask` does) in a compact binary form of every column
    (``carelearn/analysis/serialize_tables.hpp``), with the
    ``free_text`` and ``confidential_text`` they were read with; unpickled,
    they are equal to the original. A pickle holds what the tables hold and
    no more: free text only when they were read with ``free_text=True``, and
    the text of confidential items only with ``confidential_text=True`` too;
    the pseudonyms and other columns as they are. Guard it as the tables. A
    damaged pickle raises ValueError naming what is wrong.

    Example::

        tables = carelearn.read_tables("export.jsonl")
        tables.sessions.groupby("unit", observed=True)["participant_count"].mean()
        pyarrow.table(tables.table("actions"))
    """

    def table(self, name: str) -> Table:
        """The table ``name`` (one of :attr:`TABLE_NAMES`) as a :class:`Table`
        view, which Arrow consumers take without a copy. Raises ValueError for
        an unknown name."""
        return Table(super().table(name))

    def __iter__(self) -> Iterator[Table]:
        """The tables, in :attr:`TABLE_NAMES` order."""
        return (self.table(name) for name in TABLE_NAMES)

    def __len__(self) -> int:
        """The number of sessions."""
        return len(super().table("sessions"))

    def __repr__(self) -> str:
        sizes = ", ".join(f"{t.name}={t.num_rows}" for t in self)
        return f"<SessionTables {sizes}>"

    @property
    def sessions(self) -> pandas.DataFrame:
        """One row per session (see the class's description)."""
        return self.table("sessions").to_pandas()

    @property
    def participants(self) -> pandas.DataFrame:
        """One row per participant of a session."""
        return self.table("participants").to_pandas()

    @property
    def steps(self) -> pandas.DataFrame:
        """One row per held step, with its start, end and minutes."""
        return self.table("steps").to_pandas()

    @property
    def prompts(self) -> pandas.DataFrame:
        """One row per question used."""
        return self.table("prompts").to_pandas()

    @property
    def learning_points(self) -> pandas.DataFrame:
        """One row per learning point."""
        return self.table("learning_points").to_pandas()

    @property
    def actions(self) -> pandas.DataFrame:
        """One row per proposed organisational action, with its current status
        and the first time it reached each status."""
        return self.table("actions").to_pandas()

    @property
    def action_changes(self) -> pandas.DataFrame:
        """One row per dated status change of an action."""
        return self.table("action_changes").to_pandas()

    @property
    def feedback(self) -> pandas.DataFrame:
        """One row per feedback entry."""
        return self.table("feedback").to_pandas()

    @property
    def notes(self) -> pandas.DataFrame:
        """One row per note, reflection or piece of documentation."""
        return self.table("notes").to_pandas()

    @property
    def skipped(self) -> pandas.DataFrame:
        """The lines a read with ``on_error="skip"`` left out: ``source``,
        ``line`` (1-based) and ``message`` (the located error a strict read
        would have raised)."""
        pd = _pandas()
        sources, lines, messages = self.skipped_columns()
        frame: pandas.DataFrame = pd.DataFrame(
            {
                "source": pd.Series(sources, dtype=_string_dtype()),
                "line": pd.Series(lines, dtype="int64"),
                "message": pd.Series(messages, dtype=_string_dtype()),
            }
        )
        return frame

    def to_pandas(self) -> dict[str, pandas.DataFrame]:
        """Every table as a pandas DataFrame, by name."""
        return {t.name: t.to_pandas() for t in self}

    def to_arrow(self) -> dict[str, Any]:
        """Every table as a ``pyarrow.Table`` over the C++ columns, by name.
        Needs pyarrow (``pip install carelearn[arrow]``)."""
        return {t.name: t.to_arrow() for t in self}

    def to_parquet(
        self,
        path: str | os.PathLike[str],
        *,
        partition_by: Literal["year"] | None = None,
        overwrite: bool = False,
        compression: str = "zstd",
    ) -> str:
        """Writes the tables as Parquet into the folder ``path`` (created,
        readable by its owner only) and returns its path: one file per table,
        ``<name>.parquet``, or with ``partition_by="year"`` a dataset folder
        per table partitioned by the year of each session's planned start in
        Copenhagen, ``<name>/year=2026/part-0.parquet``. The Arrow types are
        kept (dictionary-encoded strings, UTC timestamps); the ``sessions``
        file adds the row number ``session`` and the ``actions`` file
        ``action_row``, which the other tables refer to. :func:`read_parquet`
        reads it back; pyarrow, polars and DuckDB read the files as they are.

        The tables are written into a new folder beside ``path`` and renamed
        into place, so no reader sees half of them. A ``path`` that exists and
        is not empty is an :class:`AlreadyExistsError` unless ``overwrite``,
        which replaces a folder of carelearn's tables (and nothing else).
        Needs pyarrow (``pip install carelearn[parquet]``).

        Example::

            tables.to_parquet("region-parquet", partition_by="year")
        """
        from ._parquet import write_parquet

        return write_parquet(
            self, path, partition_by=partition_by, overwrite=overwrite, compression=compression
        )


def _options(
    *,
    free_text: bool,
    confidential_text: bool,
    threads: int | None,
    on_error: OnErrorLike,
    limits: _core.TableLimits | None = None,
    identifiers: bool = False,
) -> _core.TableOptions:
    if confidential_text and not free_text:
        raise ValueError(
            "confidential_text=True needs free_text=True: confidential text is free "
            "text, and is read only with the rest of it"
        )
    if threads is None:
        threads = 0
    elif isinstance(threads, bool) or not isinstance(threads, int):
        raise TypeError(f"threads must be an int or None, not {type(threads).__name__}")
    elif threads < 1:
        raise ValueError(f"threads: {threads} is not 1 or more (None: one per core)")
    policies = {"raise": _core.OnError.FAIL, "skip": _core.OnError.SKIP}
    if on_error not in policies:
        raise ValueError(f'on_error: unknown value "{on_error}"; expected "raise" or "skip"')
    return _core.TableOptions(
        free_text=free_text,
        confidential_text=confidential_text,
        threads=threads,
        on_error=policies[on_error],
        limits=_core.TableLimits() if limits is None else limits,
        identifiers=identifiers,
    )


class _WrapsStore(Protocol):
    """What :class:`carelearn.Store` is to :func:`read_tables`: a wrapper of the bound store."""

    _store: _core.Store


def read_tables(
    source: str | os.PathLike[str] | _core.Store | _WrapsStore,
    *,
    free_text: bool = False,
    confidential_text: bool = False,
    threads: int | None = None,
    on_error: OnErrorLike = "raise",
    query: _core.SessionQuery | Mapping[str, Any] | None = None,
    limits: _core.TableLimits | None = None,
    identifiers: bool = False,
) -> SessionTables:
    """Reads held sessions into column tables: a ``"session/1"`` JSON Lines
    file (streamed in chunks, parsed on ``threads`` threads, None: one per
    core) or the sessions ``query`` selects from a :class:`Store` (a
    :class:`SessionQuery`, or the keywords of :meth:`Store.sessions` as a
    dict; None: all), in the store's order.

    Free text (learning points, actions, feedback comments, notes,
    cancellation notes) is read only with ``free_text=True``, and the text of
    confidential items only with ``confidential_text=True`` as well: without
    them no such text is in any frame or Arrow table. Ids, units,
    professions and categories in which the identifier linter finds a CPR
    number, an e-mail address, a phone number or a name are masked
    (``"masked-..."``), as are such finds in the text read, unless
    ``identifiers=True`` asks for them as written (docs/privacy.md).

    ``on_error="raise"`` stops at the first bad line with a
    :class:`FormatError` (or :class:`VersionError`, :class:`LimitError`)
    whose message leads with ``"<path>:<line>:<column>: <JSON pointer>: "``
    and whose ``path``, ``line`` and ``column`` locate it; ``"skip"`` leaves
    bad lines out and lists them in :attr:`SessionTables.skipped`.
    ``limits`` (a :class:`TableLimits`) bounds a line's size, strings, depth
    and arrays; passing one is a :class:`LimitError` for that line. Raises
    :class:`NotFoundError` when the file cannot be read, :class:`StoreError`
    for a damaged or busy store, ValueError for options that do not go together.
    The result is the same for any number of threads, row order included.

    Example::

        tables = carelearn.read_tables("region.jsonl", threads=2, on_error="skip")
        tables.skipped                      # source, line, message
        with carelearn.Store("learning.db") as store:
            spring = carelearn.read_tables(store, query={"start": "2026-03-01"})
    """
    options = _options(
        free_text=free_text,
        confidential_text=confidential_text,
        threads=threads,
        on_error=on_error,
        limits=limits,
        identifiers=identifiers,
    )
    # carelearn.Store wraps the C++ store (as ``_store``); it is recognised by
    # that rather than imported, since the store's module imports this one's.
    store = source if isinstance(source, _core.Store) else getattr(source, "_store", None)
    if isinstance(store, _core.Store):
        if not isinstance(query, _core.SessionQuery):
            query = session_query(**(query or {}))
        return SessionTables(_core.read_tables_from_store(store, query, options))
    if query is not None:
        raise ValueError("query selects sessions from a Store; a file is read whole")
    if not isinstance(source, (str, os.PathLike)):
        raise TypeError(
            f"source must be a path or a carelearn.Store, not {type(source).__name__}"
        )
    path = os.fspath(source)
    if not isinstance(path, str):
        raise TypeError(f"source must be a path or a carelearn.Store, not {type(source).__name__}")
    try:
        path.encode("utf-8")
    except UnicodeEncodeError:
        raise ValueError(
            "source: the path holds bytes that are not UTF-8 (a lone surrogate); "
            "carelearn opens UTF-8 paths only: rename the file"
        ) from None
    return SessionTables(_core.read_tables(path, options))


def tables_from_text(
    text: str,
    *,
    source: str = "<text>",
    free_text: bool = False,
    confidential_text: bool = False,
    threads: int | None = None,
    on_error: OnErrorLike = "raise",
    limits: _core.TableLimits | None = None,
    identifiers: bool = False,
) -> SessionTables:
    """Reads ``"session/1"`` JSON Lines held in memory into column tables;
    ``source`` names the text in errors. Otherwise as :func:`read_tables`."""
    options = _options(
        free_text=free_text,
        confidential_text=confidential_text,
        threads=threads,
        on_error=on_error,
        limits=limits,
        identifiers=identifiers,
    )
    return SessionTables(_core.read_tables_from_text(text, source, options))


def tables_from_sessions(
    sessions: Iterable[_core.Session],
    *,
    free_text: bool = False,
    confidential_text: bool = False,
    identifiers: bool = False,
) -> SessionTables:
    """The column tables of ``sessions`` (Session values), in their order.

    Free text, confidential text and identifiers as :func:`read_tables` says.

    Example::

        tables = carelearn.tables_from_sessions(store.sessions(unit="home-care-north"))
    """
    options = _options(
        free_text=free_text,
        confidential_text=confidential_text,
        threads=1,
        on_error="raise",
        identifiers=identifiers,
    )
    if isinstance(sessions, str | bytes) or not isinstance(sessions, Iterable):
        raise TypeError(
            f"sessions must be an iterable of Session values, not {type(sessions).__name__}"
        )
    values = list(sessions)
    for i, session in enumerate(values):
        if not isinstance(session, _core.Session):
            raise TypeError(f"sessions[{i}] must be a Session, not {type(session).__name__}")
    return SessionTables(_core.tables_from_sessions(values, options))

