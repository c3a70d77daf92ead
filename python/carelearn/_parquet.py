"""The session tables as Parquet files, and back.

:meth:`SessionTables.to_parquet` writes the nine tables of
:func:`~carelearn.read_tables` into a folder, one Parquet file per table
(``sessions.parquet``, ``participants.parquet``, ...), or with
``partition_by="year"`` one dataset folder per table, partitioned Hive-style by
the year of each session's planned start in Copenhagen
(``sessions/year=2026/part-0.parquet``), so that a reader of one year opens
only that year's files. :func:`read_parquet` reads either layout back into a
:class:`ParquetTables`, whose pandas frames equal those the tables gave.

The Arrow types are kept: repeated strings stay dictionary-encoded
(``dictionary<int32, utf8>``), times ``timestamp[us, tz=UTC]``, due days
``date32``, free text ``large_utf8``; pyarrow, polars, DuckDB and Spark read
the files as they are. Each file stands alone: the ``sessions`` file has the
session's row number as a ``session`` column, which every other table's
``session`` column refers to, and the ``actions`` file has the action's row
number as ``action_row``, which ``action_changes.action`` refers to, so one
year's files join without the others.

Example::

    tables = carelearn.read_tables("region.jsonl", threads=2)
    tables.to_parquet("region-parquet", partition_by="year")

    back = carelearn.read_parquet("region-parquet", years=[2026])
    back.steps.join(back.sessions[["unit"]], on="session")
    duckdb.sql("select unit, count(*) from 'region-parquet/sessions/*/*.parquet' group by unit")
"""

from __future__ import annotations

import functools
import os
import shutil
import tempfile
from collections.abc import Iterable, Iterator, Sequence
from typing import TYPE_CHECKING, Any, Literal, TypeAlias

from . import _core
from ._arguments import clipped
from ._errors import AlreadyExistsError, FormatError, NotFoundError
from ._columns import NULL_DAY as _NULL_DAY
from ._columns import TABLE_NAMES
from ._columns import categorical as _categorical
from ._columns import days as _days
from ._columns import numpy_module as _numpy
from ._columns import pandas_module as _pandas
from ._columns import read_stream as _read_stream
from ._columns import require as _require
from ._columns import string_dtype as _string_dtype
from ._columns import utc_times as _utc_times

if TYPE_CHECKING:
    import pandas

__all__ = [
    "ROW_COLUMNS",
    "ParquetTables",
    "PartitionLike",
    "read_parquet",
    "write_parquet",
]

PartitionLike: TypeAlias = Literal["year"] | None
"""How :meth:`SessionTables.to_parquet` lays the files out: ``None``, one file
per table; ``"year"``, a dataset folder per table partitioned by year."""

ROW_COLUMNS: dict[str, str] = {"sessions": "session", "actions": "action_row"}
"""The row-number columns the Parquet files add, by table: a session's row
(what the other tables' ``session`` refers to) and an action's row (what
``action_changes.action`` refers to)."""

_ZONE = "Europe/Copenhagen"
_FORMAT = "carelearn.format"
_FORMAT_VALUE = "session-tables/1"
_TABLE = "carelearn.table"


def require_parquet() -> Any:
    """The ``pyarrow.parquet`` module; raises ImportError saying
    ``pip install carelearn[parquet]`` when pyarrow is missing."""
    _require("pyarrow", "parquet")
    return _require("pyarrow.parquet", "parquet")


@functools.cache
def _empty() -> _core.SessionTables:
    """Tables of no sessions, with every column: what the schemas and the
    closed vocabularies (the categories a column has with no data) come from."""
    options = _core.TableOptions(free_text=True, confidential_text=True, threads=1)
    return _core.read_tables_from_text("", "<empty>", options)


def _vocabulary(table: str, column: str) -> list[str] | None:
    """The whole vocabulary of a closed dictionary column (session status,
    cancel reason, shift, action status, note kind), in code order; None for
    an open one, whose categories come in order of first appearance."""
    categories = list(_empty().table(table).categories(column))
    return categories or None


def _schema(pa: Any, name: str, found: Any | None = None) -> Any:
    """The Arrow schema of table ``name`` as the files hold it: the tables'
    own, with the row-number column first where the table has one; the
    free-text columns only where the ``found`` schema has them (tables read
    without free text have none)."""
    schema = _read_stream(pa, _empty().table(name)).schema
    if found is not None:
        for text in _free_text_columns(name):
            if found.get_field_index(text) < 0:
                schema = schema.remove(schema.get_field_index(text))
    row = ROW_COLUMNS.get(name)
    if row is not None:
        schema = schema.insert(0, pa.field(row, pa.int32(), nullable=False))
    return schema


@functools.cache
def _free_text_columns(name: str) -> tuple[str, ...]:
    """The columns of table ``name`` that only a read with free text has."""
    plain = _core.read_tables_from_text("", "<empty>", _core.TableOptions(threads=1))
    kept = set(plain.table(name).column_names)
    return tuple(c for c in _empty().table(name).column_names if c not in kept)


def _with_rows(pa: Any, name: str, table: Any) -> Any:
    row = ROW_COLUMNS.get(name)
    if row is None:
        return table
    rows = pa.array(_numpy().arange(table.num_rows, dtype="int32"))
    return table.add_column(0, pa.field(row, pa.int32(), nullable=False), rows)


def _metadata(name: str) -> dict[bytes, bytes]:
    return {
        _FORMAT.encode(): _FORMAT_VALUE.encode(),
        _TABLE.encode(): name.encode(),
        b"carelearn.version": _core.__version__.encode(),
    }


def _session_years(pa: Any, sessions: Any) -> Any:
    """The year, in Copenhagen, of each session's planned start (int32)."""
    pc = _require("pyarrow.compute", "parquet")

    local = sessions.column("planned_start").cast(pa.timestamp("us", tz=_ZONE))
    return pc.year(local).cast(pa.int32())


def _partition_name(year: int | None) -> str:
    return "year=__HIVE_DEFAULT_PARTITION__" if year is None else f"year={year}"


def _check_target(path: str, overwrite: bool) -> None:
    if not os.path.lexists(path):
        return
    if not os.path.isdir(path) or os.path.islink(path):
        raise AlreadyExistsError(f"{path}: exists and is not a folder; Parquet tables go in a folder")
    entries = set(os.listdir(path))
    if not entries:
        return
    ours = {f"{n}.parquet" for n in TABLE_NAMES} | set(TABLE_NAMES)
    if not overwrite:
        raise AlreadyExistsError(
            f"{path}: the folder is not empty; choose a new one, or pass overwrite=True "
            "to replace tables carelearn wrote there"
        )
    strangers = sorted(entries - ours)
    if strangers:
        raise AlreadyExistsError(
            f"{path}: holds {strangers[0]!r}, which carelearn did not write; "
            "overwrite=True replaces only a folder of carelearn's tables"
        )


def write_parquet(
    tables: Iterable[Any],
    path: str | os.PathLike[str],
    *,
    partition_by: PartitionLike = None,
    overwrite: bool = False,
    compression: str = "zstd",
) -> str:
    """Writes ``tables`` as Parquet into the folder ``path``; see
    :meth:`SessionTables.to_parquet`. Returns the folder's path."""
    pa = _require("pyarrow", "parquet")
    pq = require_parquet()
    if partition_by not in (None, "year"):
        raise ValueError(f'partition_by: unknown value {partition_by!r}; expected None or "year"')
    if not isinstance(path, (str, os.PathLike)):
        raise TypeError(f"path must be a path, not {type(path).__name__}")
    if not isinstance(overwrite, bool):
        raise TypeError(f"overwrite must be a bool, not {type(overwrite).__name__}")
    if compression not in ("zstd", "snappy", "gzip", "lz4", "brotli", "none"):
        raise ValueError(
            f"compression: unknown codec {compression!r}; expected zstd, snappy, gzip, "
            "lz4, brotli or none"
        )
    if not os.fspath(path):
        raise ValueError("path: empty; give the folder to write the tables in")
    target = os.path.abspath(os.fspath(path))
    try:
        _check_target(target, overwrite)
        parent = os.path.dirname(target)
        if not os.path.isdir(parent):
            raise NotFoundError(f"{parent}: no such folder to write the Parquet tables in")
        return _write(pa, pq, tables, target, partition_by, compression)
    except (OSError, UnicodeError) as error:
        reason = error.strerror if isinstance(error, OSError) and error.strerror else str(error)
        raise NotFoundError(f"{clipped(target, 200)}: cannot write the Parquet tables: {reason}") from None


def _write(
    pa: Any, pq: Any, tables: Iterable[Any], target: str, partition_by: PartitionLike, compression: str
) -> str:
    parent = os.path.dirname(target)
    # Written into a private folder beside the target, then renamed into
    # place: a reader never sees half the tables, and the folder (like every
    # carelearn export of records) is readable by its owner only.
    scratch = tempfile.mkdtemp(prefix=f".{os.path.basename(target)}.", dir=parent)
    try:
        arrow = {t.name: _with_rows(pa, t.name, t.to_arrow()) for t in tables}
        years = None
        if partition_by == "year":
            sessions = arrow["sessions"]
            years = _session_years(pa, sessions)
        for name, table in arrow.items():
            table = table.replace_schema_metadata(_metadata(name))
            if years is None:
                pq.write_table(
                    table, os.path.join(scratch, f"{name}.parquet"), compression=compression
                )
            else:
                _write_years(pa, pq, scratch, name, table, years, compression)
        if os.path.lexists(target):
            shutil.rmtree(target)  # empty, or carelearn's tables (_check_target)
        os.rename(scratch, target)
    except BaseException:
        shutil.rmtree(scratch, ignore_errors=True)
        raise
    return target


def _write_years(
    pa: Any, pq: Any, folder: str, name: str, table: Any, years: Any, compression: str
) -> None:
    """One table's rows into ``folder/name/year=YYYY/part-0.parquet``, each
    year's rows in their order."""
    pc = _require("pyarrow.compute", "parquet")

    root = os.path.join(folder, name)
    os.mkdir(root)
    # The schema on its own, as Spark and Dask write it: what a reader of a
    # table without rows (no year has any) goes by. Readers of the data skip it.
    pq.write_metadata(table.schema, os.path.join(root, "_common_metadata"))
    of_row = years if name == "sessions" else pc.take(years, table.column("session"))
    for year in pc.unique(of_row).to_pylist():
        mask = pc.is_null(of_row) if year is None else pc.equal(of_row, year)
        part = os.path.join(root, _partition_name(year))
        os.mkdir(part)
        pq.write_table(
            table.filter(pc.fill_null(mask, False)),
            os.path.join(part, "part-0.parquet"),
            compression=compression,
        )


# --- Reading ------------------------------------------------------------------------------


class ParquetTables:
    """The session tables read back from Parquet by :func:`read_parquet`.

    :meth:`table` gives each as the ``pyarrow.Table`` the files hold (which
    polars, DuckDB and every Arrow consumer take as it is); the properties
    ``sessions``, ``participants``, ... give pandas frames with the dtypes
    :class:`SessionTables` gives. A frame's index is the row number the
    tables had: ``sessions`` is indexed by ``session`` and ``actions`` by
    ``action_row``, so ``steps.join(sessions[["unit"]], on="session")`` joins
    as it does on the tables, for every year or for one. Read whole, the
    frames equal the frames of the tables that were written.

    Example::

        back = carelearn.read_parquet("region-parquet")
        back.sessions.groupby("unit", observed=True).size()
        polars.DataFrame(back.table("steps"))
    """

    def __init__(self, tables: dict[str, Any], path: str) -> None:
        """The Arrow ``tables`` read from ``path``, by name."""
        self._tables = tables
        self.path = path
        """The folder they were read from."""

    @property
    def names(self) -> list[str]:
        """The names of the tables read, in the order of the session tables (sessions, participants, steps, ...)."""
        return list(self._tables)

    def table(self, name: str) -> Any:
        """The table ``name`` as a ``pyarrow.Table``. Raises ValueError for a
        table that is not one of the tables or was not read."""
        if not isinstance(name, str):
            raise TypeError(f"name must be a table's name, not {type(name).__name__}")
        try:
            return self._tables[name]
        except KeyError:
            raise ValueError(
                f"name: {name!r} is not a table read; the tables read are "
                f"{', '.join(self._tables)}"
            ) from None

    def __iter__(self) -> Iterator[Any]:
        """The Arrow tables, in the order of the session tables (sessions, participants, steps, ...)."""
        return iter(self._tables.values())

    def __len__(self) -> int:
        """The number of sessions (0 when ``sessions`` was not read)."""
        sessions = self._tables.get("sessions")
        return 0 if sessions is None else int(sessions.num_rows)

    def __repr__(self) -> str:
        sizes = ", ".join(f"{n}={t.num_rows}" for n, t in self._tables.items())
        return f"<ParquetTables {sizes} from {self.path!r}>"

    def frame(self, name: str) -> pandas.DataFrame:
        """The table ``name`` as a pandas frame, typed as :class:`SessionTables`
        types it (categoricals, aware UTC times, ``due`` at midnight) and
        indexed by its row number for ``sessions`` and ``actions``."""
        return _frame(self.table(name), ROW_COLUMNS.get(name))

    @property
    def sessions(self) -> pandas.DataFrame:
        """One row per session, indexed by its row number ``session``."""
        return self.frame("sessions")

    @property
    def participants(self) -> pandas.DataFrame:
        """One row per participant of a session."""
        return self.frame("participants")

    @property
    def steps(self) -> pandas.DataFrame:
        """One row per held step."""
        return self.frame("steps")

    @property
    def prompts(self) -> pandas.DataFrame:
        """One row per question used."""
        return self.frame("prompts")

    @property
    def learning_points(self) -> pandas.DataFrame:
        """One row per learning point."""
        return self.frame("learning_points")

    @property
    def actions(self) -> pandas.DataFrame:
        """One row per proposed action, indexed by its row number ``action_row``."""
        return self.frame("actions")

    @property
    def action_changes(self) -> pandas.DataFrame:
        """One row per dated status change of an action."""
        return self.frame("action_changes")

    @property
    def feedback(self) -> pandas.DataFrame:
        """One row per feedback entry."""
        return self.frame("feedback")

    @property
    def notes(self) -> pandas.DataFrame:
        """One row per note, reflection or piece of documentation."""
        return self.frame("notes")

    def to_arrow(self) -> dict[str, Any]:
        """Every table read as a ``pyarrow.Table``, by name."""
        return dict(self._tables)

    def to_pandas(self) -> dict[str, pandas.DataFrame]:
        """Every table read as a pandas frame (see :meth:`frame`), by name."""
        return {name: self.frame(name) for name in self._tables}


def _frame(table: Any, index: str | None) -> pandas.DataFrame:
    """``table`` (as :func:`read_parquet` leaves it: one chunk per column) as
    the frame :meth:`SessionTables.table(...).to_pandas` would give."""
    pa = _require("pyarrow", "parquet")
    pc = _require("pyarrow.compute", "parquet")

    pd = _pandas()
    np = _numpy()
    columns: dict[str, Any] = {}
    for field, column in zip(table.schema, table.columns, strict=True):
        array = column.combine_chunks() if column.num_chunks != 1 else column.chunk(0)
        kind = field.type
        if field.name == index:
            continue
        if pa.types.is_dictionary(kind):
            codes = pc.fill_null(array.indices, -1).to_numpy(zero_copy_only=False)
            columns[field.name] = _categorical(
                pd, codes.astype("int32", copy=False), array.dictionary.to_pylist()
            )
        elif pa.types.is_timestamp(kind):
            values = array.cast(pa.timestamp("us")).to_numpy(zero_copy_only=False)
            columns[field.name] = _utc_times(pd, values.astype("datetime64[us]", copy=False))
        elif pa.types.is_date32(kind):
            days = pc.fill_null(array.cast(pa.int32()), _NULL_DAY).to_numpy(zero_copy_only=False)
            columns[field.name] = _days(np, days)
        elif pa.types.is_large_string(kind) or pa.types.is_string(kind):
            dtype = _string_dtype()
            columns[field.name] = (
                pd.arrays.ArrowStringArray(array)
                if dtype is object
                else pd.arrays.ArrowStringArray(array, dtype=dtype)
            )
        else:
            columns[field.name] = array.to_numpy(zero_copy_only=False)
    if index is None:
        labels: Any = pd.RangeIndex(table.num_rows)
    else:
        rows = table.column(index).to_numpy()
        n = len(rows)
        labels = (
            pd.RangeIndex(n)
            if n == 0 or (rows[0] == 0 and rows[-1] == n - 1 and bool((np.diff(rows) == 1).all()))
            else pd.Index(rows.astype("int64"))
        )
    frame: pandas.DataFrame = pd.DataFrame(columns, index=labels, copy=False)
    return frame


def _layout(folder: str, names: Sequence[str]) -> dict[str, str]:
    """Where each table is: ``<name>.parquet`` or the dataset folder ``<name>``."""
    found: dict[str, str] = {}
    for name in names:
        single = os.path.join(folder, f"{name}.parquet")
        dataset = os.path.join(folder, name)
        if os.path.isfile(single):
            found[name] = single
        elif os.path.isdir(dataset):
            found[name] = dataset
        else:
            raise NotFoundError(
                f"{folder}: holds neither {name}.parquet nor a {name}/ dataset folder; "
                "is it a folder SessionTables.to_parquet wrote?"
            )
    return found


def _reencode(pa: Any, name: str, table: Any) -> Any:
    """``table`` with one chunk per column and each dictionary column encoded
    as the tables encode it: a closed vocabulary whole, in code order; an open
    one in order of first appearance in row order (Parquet keeps a dictionary
    per row group and file, and a partitioned read brings several)."""
    pc = _require("pyarrow.compute", "parquet")

    columns = []
    for field, column in zip(table.schema, table.columns, strict=True):
        array = column.combine_chunks() if column.num_chunks != 1 else column.chunk(0)
        if pa.types.is_dictionary(field.type):
            values = array.dictionary_decode() if len(array) else array.dictionary.slice(0, 0)
            vocabulary = _vocabulary(name, field.name)
            if vocabulary is None:
                encoded = pc.dictionary_encode(values)
                if encoded.type != field.type:
                    encoded = encoded.cast(field.type)
                array = encoded
            else:
                dictionary = pa.array(vocabulary, type=field.type.value_type)
                codes = pc.index_in(values, value_set=dictionary).cast(field.type.index_type)
                array = pa.DictionaryArray.from_arrays(codes, dictionary)
        columns.append(array)
    return pa.Table.from_arrays(columns, schema=table.schema)


def _in_row_order(pa: Any, name: str, table: Any) -> Any:
    """``table`` in the order the tables had: by session (stably, so a
    session's rows keep their order) when the parts came year by year."""
    pc = _require("pyarrow.compute", "parquet")

    key = ROW_COLUMNS.get(name, "session")
    rows = table.column(key).to_numpy()
    np = _numpy()
    if len(rows) < 2 or bool((np.diff(rows) >= 0).all()):
        return table
    return table.take(pc.sort_indices(table, sort_keys=[(key, "ascending")]))


def _read_one(
    pa: Any, name: str, where: str, years: Sequence[int] | None, sessions_years: Any
) -> Any:
    """The table ``name`` from ``where`` (a file or a dataset folder), checked
    against the schema carelearn writes."""
    ds = _require("pyarrow.dataset", "parquet")

    try:
        if os.path.isdir(where):
            partitioning = ds.partitioning(pa.schema([("year", pa.int32())]), flavor="hive")
            dataset = ds.dataset(where, format="parquet", partitioning=partitioning)
            if not dataset.files:
                # A table without rows in any year: its columns as written.
                expected = _schema(pa, name, _written_schema(pa, where))
                table = expected.empty_table()
            else:
                expected = _schema(pa, name, dataset.schema)
                _check_schema(pa, where, dataset.schema, expected, partitioned=True)
                scan_filter = None if years is None else ds.field("year").isin(list(years))
                table = dataset.to_table(filter=scan_filter).drop_columns(["year"])
        else:
            pq = require_parquet()

            table = pq.read_table(where)
            expected = _schema(pa, name, table.schema)
            _check_schema(pa, where, table.schema, expected, partitioned=False)
            if years is not None:
                table = _select_years(pa, name, table, years, sessions_years)
    except (OSError, pa.ArrowException) as error:
        raise FormatError(f"{where}: cannot be read as Parquet: {error}") from None
    table = table.select(expected.names).cast(expected)
    return _reencode(pa, name, _in_row_order(pa, name, table))


def _written_schema(pa: Any, where: str) -> Any:
    """The schema a dataset folder's ``_common_metadata`` holds (what a table
    without rows was written with), or an empty one."""
    pq = require_parquet()

    common = os.path.join(where, "_common_metadata")
    return pq.read_schema(common) if os.path.isfile(common) else pa.schema([])


def _select_years(pa: Any, name: str, table: Any, years: Sequence[int], sessions: Any) -> Any:
    """The rows of one-file ``table`` whose session is of one of ``years``."""
    pc = _require("pyarrow.compute", "parquet")

    of_session = _session_years(pa, sessions)
    wanted = pc.fill_null(pc.is_in(of_session, value_set=pa.array(list(years), pa.int32())), False)
    if name == "sessions":
        return table.filter(wanted)
    rows = sessions.column("session")
    keep = pc.take(wanted, pc.index_in(table.column("session"), value_set=rows))
    return table.filter(pc.fill_null(keep, False))


def _check_schema(pa: Any, where: str, schema: Any, expected: Any, *, partitioned: bool) -> None:
    for field in expected:
        index = schema.get_field_index(field.name)
        if index < 0:
            raise FormatError(
                f"{where}: has no column {field.name!r}; is it a table SessionTables.to_parquet wrote?"
            )
        found = schema.field(index).type
        if not _same_type(pa, found, field.type):
            raise FormatError(
                f"{where}: the column {field.name!r} is {found}, not {field.type}"
            )
    if partitioned and schema.get_field_index("year") < 0:
        raise FormatError(f"{where}: the dataset folder is not partitioned by year=")


def _same_type(pa: Any, found: Any, expected: Any) -> bool:
    if found == expected:
        return True
    # Another writer may have left a dictionary plain, or strings not large.
    if pa.types.is_dictionary(expected):
        return _same_type(pa, found, expected.value_type) or (
            pa.types.is_dictionary(found) and _same_type(pa, found.value_type, expected.value_type)
        )
    if pa.types.is_large_string(expected) or pa.types.is_string(expected):
        return bool(pa.types.is_string(found) or pa.types.is_large_string(found))
    return False


def read_parquet(
    path: str | os.PathLike[str],
    *,
    tables: Iterable[str] | None = None,
    years: Iterable[int] | None = None,
) -> ParquetTables:
    """Reads the session tables :meth:`SessionTables.to_parquet` wrote into
    the folder ``path``, in either layout.

    ``tables`` names the tables to read (None: all nine); ``years`` keeps the
    sessions planned in those years (Copenhagen time) and their rows in the
    other tables: a partitioned folder then opens only those years' files.
    The rows come back in the order they were written, and the dictionary
    columns encoded as the tables encode them, so that a whole read gives
    frames equal to the written tables' frames.

    Raises :class:`NotFoundError` when the folder or a table is not there,
    :class:`FormatError` naming the file for one that is not Parquet or not
    a table carelearn wrote (a column missing or of another type), ValueError
    and TypeError for bad arguments, ImportError naming
    ``pip install carelearn[parquet]`` without pyarrow.

    Example::

        spring = carelearn.read_parquet("region-parquet", tables=["sessions", "steps"],
                                        years=[2026])
        spring.steps.groupby("step", observed=True)["minutes"].median()
    """
    pa = _require("pyarrow", "parquet")
    require_parquet()
    if not isinstance(path, (str, os.PathLike)):
        raise TypeError(f"path must be a path, not {type(path).__name__}")
    folder = os.fspath(path)
    if not os.path.isdir(folder):
        raise NotFoundError(f"{folder}: no such folder of Parquet tables")
    names = _names(tables)
    wanted_years = _years(years)
    where = _layout(folder, names if wanted_years is None else sorted({*names, "sessions"}))
    sessions = None
    if wanted_years is not None and not os.path.isdir(where["sessions"]):
        # One file per table: a year is found through the sessions' planned start.
        pq = require_parquet()

        try:
            sessions = pq.read_table(where["sessions"], columns=["session", "planned_start"])
        except (OSError, pa.ArrowException) as error:
            raise FormatError(f"{where['sessions']}: cannot be read as Parquet: {error}") from None
    read = {name: _read_one(pa, name, where[name], wanted_years, sessions) for name in names}
    return ParquetTables(read, folder)


def _names(tables: Iterable[str] | None) -> list[str]:
    if tables is None:
        return list(TABLE_NAMES)
    if isinstance(tables, str):
        raise TypeError("tables must be a sequence of table names, not one str")
    asked = list(tables)
    for name in asked:
        if name not in TABLE_NAMES:
            raise ValueError(
                f"tables: unknown table {name!r}; the tables are {', '.join(TABLE_NAMES)}"
            )
    return [name for name in TABLE_NAMES if name in asked]


def _years(years: Iterable[int] | None) -> list[int] | None:
    if years is None:
        return None
    if isinstance(years, (str, bytes)):
        raise TypeError("years must be a sequence of years, not a str")
    found = []
    for year in years:
        if isinstance(year, bool) or not isinstance(year, int):
            raise TypeError(f"years: {year!r} is not a year such as 2026")
        if not 1 <= year <= 9999:
            raise ValueError(f"years: {year} is not a year from 1 to 9999")
        found.append(year)
    return found
