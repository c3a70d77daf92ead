"""The catalog of formats and question sets, with lookup by id and a table view."""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from . import _core
from ._documents import Format, QuestionSet, text_of
from ._errors import NotFoundError
from ._text import LangLike, describe_cadence, to_lang

if TYPE_CHECKING:
    import pandas

__all__ = ["Catalog", "catalog_row"]


class Catalog(_core.Catalog):
    """A set of formats and question sets, keyed by id and version.

    ``Catalog()`` is empty; :meth:`builtin` holds the formats of the source
    texts. A catalog holds values: adding a format copies it, and what you
    get back are copies. Look a format up with ``catalog["learning-visit"]``
    (the newest version; :class:`NotFoundError` when absent) or
    :meth:`find`; iterate to get every format.

    Example::

        catalog = carelearn.Catalog.builtin()
        "learning-seminar" in catalog               # True
        catalog.to_frame()[["id", "duration"]]      # a pandas table
    """

    @classmethod
    def builtin(cls) -> Catalog:
        """A copy of the built-in catalog: the source texts' formats and question sets."""
        return cls(_core.Catalog.builtin())

    def find(  # type: ignore[override]
        self, id: str | _core.FormatRef, version: int | None = None
    ) -> Format | None:
        """The format ``id`` at ``version`` (None: the newest), or None.

        ``id`` may also be a :class:`FormatRef`, whose version is then used.
        """
        if isinstance(id, _core.FormatRef):
            found = _core.Catalog.find(self, id)
        else:
            found = _core.Catalog.find(self, id, version)
        return None if found is None else Format(found)

    def find_question_set(  # type: ignore[override]
        self, id: str, version: int | None = None
    ) -> QuestionSet | None:
        """The question set ``id`` at ``version`` (None: the newest), or None."""
        found = _core.Catalog.find_question_set(self, id, version)
        return None if found is None else QuestionSet(found)

    def formats(self) -> list[Format]:  # type: ignore[override]
        """Every format, ordered by id and then version."""
        return [Format(f) for f in _core.Catalog.formats(self)]

    def question_sets(self) -> list[QuestionSet]:  # type: ignore[override]
        """Every question set, ordered by id and then version."""
        return [QuestionSet(s) for s in _core.Catalog.question_sets(self)]

    def add_document(self, text: str | bytes, *, source_name: str = "<json>") -> None:
        """Adds the JSON document ``text`` (a str, or UTF-8 bytes) of any kind; a
        variant is resolved here.

        Raises the loader's errors and those of :meth:`add` and :meth:`add_variant`.
        """
        _core.add_to_catalog(
            self, text_of(text, source_name), _core.ParseOptions(source_name=source_name)
        )

    def __getitem__(self, id: str) -> Format:
        """The newest version of the format ``id``; raises :class:`NotFoundError`."""
        found = self.find(id)
        if found is None:
            raise NotFoundError(f'catalog: no format "{id}"')
        return found

    def __contains__(self, id: object) -> bool:
        """True when the catalog has a format ``id`` (a str or a FormatRef)."""
        if isinstance(id, (str, _core.FormatRef)):
            return self.find(id) is not None
        return False

    def __iter__(self) -> Iterator[Format]:
        """Every format, ordered by id and then version."""
        return iter(self.formats())

    def __repr__(self) -> str:
        ids = ", ".join(f"{f.id} v{f.version}" for f in _core.Catalog.formats(self))
        sets = len(_core.Catalog.question_sets(self))
        return f"<Catalog of {len(self)} formats ({ids}) and {sets} question sets>"

    def __copy__(self) -> Catalog:
        return type(self)(self)

    def __deepcopy__(self, memo: dict[int, object]) -> Catalog:
        return type(self)(self)

    def __reduce__(self) -> tuple[object, tuple[list[str], list[str]]]:
        return (
            _catalog_from_json,
            (
                [_core.to_json(f) for f in _core.Catalog.formats(self)],
                [_core.to_json(s) for s in _core.Catalog.question_sets(self)],
            ),
        )

    def to_frame(self, lang: LangLike = "en") -> pandas.DataFrame:
        """The formats as a pandas table, one row per format.

        Columns: ``id``, ``version``, ``title``, ``duration``, ``cadence``,
        ``steps``, ``min_participants``, ``max_participants``, ``place``,
        ``standing``, ``extends``; texts in ``lang``. Needs pandas
        (``pip install carelearn[pandas]``).
        """
        from ._frames import require_pandas

        require_pandas()
        import pandas as pd

        rows = [catalog_row(f, lang) for f in _core.Catalog.formats(self)]
        columns = [
            "id",
            "version",
            "title",
            "duration",
            "cadence",
            "steps",
            "min_participants",
            "max_participants",
            "place",
            "standing",
            "extends",
        ]
        frame = pd.DataFrame(rows, columns=columns)
        frame = frame.astype(
            {"version": "int64", "steps": "int64", "min_participants": "int64"}
        )
        frame["max_participants"] = frame["max_participants"].astype("Int64")
        return frame


def catalog_row(f: _core.Format, lang: LangLike = "en") -> dict[str, object]:
    """One format's summary: what ``Catalog.to_frame`` and ``carelearn catalog`` show."""
    language = to_lang(lang)
    return {
        "id": f.id,
        "version": f.version,
        "title": f.title.get(language),
        "duration": _core.describe_budget(f.duration) if f.duration is not None else "",
        "cadence": describe_cadence(f.cadence, language)
        if f.cadence is not None
        else "",
        "steps": len(f.steps),
        "min_participants": f.capacity.min,
        "max_participants": f.capacity.max,
        "place": _core.place_name(f.setting.place),
        "standing": f.setting.standing,
        "extends": f.lineage[-1].id if f.lineage else "",
    }


def _catalog_from_json(formats: list[str], question_sets: list[str]) -> Catalog:
    catalog = Catalog()
    for text in question_sets:
        catalog.add(_core.parse_question_set(text))
    for text in formats:
        catalog.add(_core.parse_format(text))
    return catalog
