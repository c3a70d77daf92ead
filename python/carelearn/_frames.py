"""pandas tables of carelearn values. pandas is optional: install it with
``pip install carelearn[pandas]``."""

from __future__ import annotations

from typing import TYPE_CHECKING

from . import _core

if TYPE_CHECKING:
    import pandas

__all__ = ["agenda_frame", "require_pandas"]


def require_pandas() -> None:
    """Raises ImportError, saying how to install pandas, when it is missing."""
    try:
        import pandas  # noqa: F401
    except ImportError as error:
        raise ImportError(
            "carelearn's tables need pandas, which is not installed: "
            "pip install carelearn[pandas]"
        ) from error


_AGENDA_COLUMNS = [
    "number",
    "depth",
    "step_id",
    "title",
    "lead",
    "participation",
    "start",
    "end",
    "min_minutes",
    "max_minutes",
    "turns",
    "produces",
]


def _rows(
    items: tuple[_core.AgendaItem, ...], lang: _core.Lang, prefix: str, depth: int
) -> list[dict[str, object]]:
    rows: list[dict[str, object]] = []
    for index, item in enumerate(items, start=1):
        number = f"{prefix}{index}"
        rows.append(
            {
                "number": number,
                "depth": depth,
                "step_id": item.step_id,
                "title": item.title.get(lang),
                "lead": item.lead,
                "participation": _core.participation_name(item.participation),
                "start": item.start,
                "end": item.end,
                "min_minutes": item.minutes.min,
                "max_minutes": item.minutes.max,
                "turns": item.turns,
                "produces": ", ".join(_core.output_kind_name(k) for k in item.produces),
            }
        )
        rows.extend(_rows(item.children, lang, f"{number}.", depth + 1))
    return rows


def agenda_frame(agenda: _core.Agenda, lang: _core.Lang) -> pandas.DataFrame:
    """``agenda`` as a table, one row per step (see ``Agenda.to_frame``)."""
    require_pandas()
    import pandas as pd

    frame = pd.DataFrame(_rows(agenda.items, lang, "", 0), columns=_AGENDA_COLUMNS)
    return frame.astype(
        {
            "depth": "int64",
            "start": "datetime64[ns]",
            "end": "datetime64[ns]",
            "min_minutes": "float64",
            "max_minutes": "float64",
            "turns": "int64",
        }
    )
