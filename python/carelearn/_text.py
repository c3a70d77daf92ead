"""Languages as arguments, and short descriptions for tables and the command line."""

from __future__ import annotations

from typing import TypeAlias

from . import _core
from ._arguments import clipped

__all__ = ["LangLike", "describe_cadence", "to_lang"]

LangLike: TypeAlias = "_core.Lang | str"
"""A language: :class:`Lang` or its ISO 639-1 code, ``"da"`` or ``"en"``."""


def to_lang(lang: LangLike) -> _core.Lang:
    """``lang`` as a :class:`Lang`; raises ValueError for an unknown code."""
    if isinstance(lang, _core.Lang):
        return lang
    if not isinstance(lang, str):
        raise TypeError(f'lang must be a Lang or "da" or "en", not {type(lang).__name__}')
    parsed = _core.parse_lang(lang) if lang.isascii() else None
    if parsed is None:
        raise ValueError(f'lang: unknown language "{clipped(lang, 20)}"; expected "da" or "en"')
    return parsed


def describe_cadence(cadence: _core.Cadence, lang: LangLike = "en") -> str:
    """``cadence`` in words: ``"every 2 weeks"``, ``"every month, 8 times"``;
    in Danish ``"hver 2. uge"``, ``"hver måned, 8 gange"``."""
    if not isinstance(cadence, _core.Cadence):
        raise TypeError(f"cadence must be a Cadence, not {type(cadence).__name__}")
    return _core.describe_cadence(cadence, to_lang(lang))
