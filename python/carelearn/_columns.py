"""The column conversions the session tables and their Parquet files share:
optional modules named by their extra, C++ columns to pandas arrays (aware
UTC times, days, categoricals, strings) and an Arrow stream to a pyarrow Table.
"""

from __future__ import annotations

import functools
import importlib
from typing import TYPE_CHECKING, Any

from . import _core

if TYPE_CHECKING:
    import numpy

__all__ = [
    "NULL_DAY",
    "NULL_TIMESTAMP",
    "TABLE_NAMES",
    "categorical",
    "days",
    "numpy_module",
    "optional_pyarrow",
    "pandas_module",
    "read_stream",
    "require",
    "require_pyarrow",
    "string_dtype",
    "utc_times",
]

TABLE_NAMES: tuple[str, ...] = tuple(_core.SessionTables.TABLE_NAMES)
"""The names of the tables, in the order :class:`SessionTables` has them."""

NULL_DAY = -(2**31)
NULL_TIMESTAMP = -(2**63)


def require(module: str, extra: str) -> Any:
    """The module ``module``; ImportError naming ``pip install carelearn[extra]`` without it."""
    try:
        return importlib.import_module(module)
    except ImportError as error:
        raise ImportError(
            f"carelearn's tables need {module}, which is not installed: "
            f"pip install carelearn[{extra}]"
        ) from error


def require_pyarrow() -> Any:
    """The ``pyarrow`` module; raises ImportError saying
    ``pip install carelearn[arrow]`` when it is missing."""
    return require("pyarrow", "arrow")


def pandas_module() -> Any:
    """The ``pandas`` module; ImportError naming ``carelearn[pandas]`` without it."""
    return require("pandas", "pandas")


def numpy_module() -> Any:
    """The ``numpy`` module; ImportError naming ``carelearn[pandas]`` without it."""
    return require("numpy", "pandas")


def optional_pyarrow() -> Any:
    """The ``pyarrow`` module, or None when it is not installed."""
    try:
        return importlib.import_module("pyarrow")
    except ImportError:
        return None


def utc_times(pd: Any, values: numpy.ndarray) -> Any:
    """The datetime64[us] array ``values`` (NaT where missing) as an aware
    UTC pandas array over the same memory."""
    dtype = pd.DatetimeTZDtype(unit="us", tz="UTC")
    simple_new = getattr(pd.arrays.DatetimeArray, "_simple_new", None)
    if simple_new is not None:
        # The constructor pandas itself uses for a view with a time zone: the
        # values are UTC already, so nothing is converted (tz_localize copies).
        return simple_new(values, dtype=dtype)
    return pd.Series(values, copy=False).dt.tz_localize("UTC").array


def days(np: Any, values: numpy.ndarray) -> numpy.ndarray:
    """int32 days since 1970 (``NULL_DAY`` missing) as datetime64[s] midnights
    (NaT missing): the one column that is converted, since numpy's datetimes
    are 64-bit."""
    seconds = values.astype("int64") * 86400
    seconds[values == NULL_DAY] = NULL_TIMESTAMP
    result: numpy.ndarray = seconds.view("datetime64[s]")
    return result


def categorical(pd: Any, codes: numpy.ndarray, categories: list[str]) -> Any:
    """A pandas Categorical of the int32 ``codes`` (-1 missing) into ``categories``.

    pandas keeps codes in the smallest integer type that holds them, so it
    narrows the C++ codes (to int8 below 128 categories, int16 below 32,768)
    unless there are more; the codes are valid by construction and not
    checked again."""
    dtype = pd.CategoricalDtype(pd.Index(categories, dtype=string_dtype()), ordered=False)
    try:
        return pd.Categorical.from_codes(codes, dtype=dtype, validate=False)
    except TypeError:  # pandas < 2.1 has no `validate`
        return pd.Categorical.from_codes(codes, dtype=dtype)


def read_stream(pa: Any, table: _core.Table) -> Any:
    """The ``pyarrow.Table`` of ``table``'s Arrow stream (its one record batch)."""
    from_stream = getattr(pa.RecordBatchReader, "from_stream", None)
    if from_stream is not None:
        return from_stream(table).read_all()
    # pyarrow 14 imports a stream capsule only by this name.
    return pa.RecordBatchReader._import_from_c_capsule(table.__arrow_c_stream__()).read_all()


@functools.cache
def string_dtype() -> Any:
    """pandas' default string dtype (``str`` from pandas 3 on), or object."""
    dtype = pandas_module().Series(["x"]).dtype
    return object if dtype == object else dtype


