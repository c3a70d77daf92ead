"""The three kinds of carelearn document, with their JSON forms.

:class:`Format`, :class:`Variant` and :class:`QuestionSet` are the C++ model
types with what a Python user expects on top: a dict form that *is* the
canonical JSON (``to_dict`` / ``from_dict``), ``save`` / ``load`` for files,
and pickling through that JSON. Reading always goes through the C++ loader,
so a misspelt key raises the same :class:`~carelearn.FormatError`, with the
same JSON Pointer, whether it came from a file, a string or a dict.
"""

from __future__ import annotations

import json
import os
from collections.abc import Iterator, Mapping
from typing import TYPE_CHECKING, Any, Self, TypeAlias

from . import _core

if TYPE_CHECKING:
    from ._agenda import Agenda, StartLike
    from ._catalog import Catalog

__all__ = [
    "Document",
    "Format",
    "QuestionSet",
    "Variant",
    "adopt",
    "apply_variant",
    "load",
    "loads",
]

PathLike: TypeAlias = str | os.PathLike[str]


def _options(
    source_name: str, options: _core.ParseOptions | None = None
) -> _core.ParseOptions:
    if options is None:
        return _core.ParseOptions(source_name=source_name)
    if options.source_name:
        return options
    named = _core.ParseOptions(options)
    named.source_name = source_name
    return named


def _dict_text(data: Mapping[str, Any]) -> str:
    # Indented, so that the line and column of an error point somewhere useful.
    return json.dumps(data, ensure_ascii=False, indent=2)


def _write(path: PathLike, text: str) -> None:
    with open(path, "w", encoding="utf-8", newline="\n") as out:
        out.write(text)


class Format(_core.Format):
    """A learning format: a protocol of steps with roles, time, cadence and outputs.

    Build one with keyword arguments (every field has a default), from a dict
    in the JSON form (:meth:`from_dict`), or get one from a :class:`Catalog`.
    It is a value: ``==`` compares every field, ``copy.copy`` copies it, and
    list fields read as tuples (assign a new list to change one).

    Iterating over a format gives its steps, in order.

    Example::

        meeting = carelearn.Catalog.builtin()["systematic-learning-meeting"]
        [step.id for step in meeting]
        # ['case', 'learning-questions', 'case-learning', 'round', 'joint-reflection']
        meeting.to_dict()["duration"]   # {'kind': 'fixed', 'minutes': 30}
    """

    def __iter__(self) -> Iterator[_core.Step]:
        """The steps, in order."""
        return iter(self.steps)

    def to_json(self) -> str:
        """The canonical JSON text, ending in a newline (stable key order)."""
        return _core.to_json(self)

    def to_dict(self) -> dict[str, Any]:
        """The canonical JSON form as a dict: ``json.loads(self.to_json())``."""
        result: dict[str, Any] = json.loads(self.to_json())
        return result

    @classmethod
    def from_json(cls, text: str, *, source_name: str = "<json>") -> Self:
        """Parses a ``"format/1"`` document.

        Raises :class:`FormatError` (with ``path``, ``line`` and ``column``),
        :class:`LimitError` or :class:`VersionError`.
        """
        return cls(_core.parse_format(text, _options(source_name)))

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> Self:
        """The format whose JSON form is ``data``, read by the C++ loader.

        ``data`` must name its kind: ``{"carelearn": "format/1", "id": ...}``.
        Raises as :meth:`from_json`; the error's ``path`` points into ``data``.
        """
        return cls.from_json(_dict_text(data), source_name="<dict>")

    @classmethod
    def load(cls, path: PathLike) -> Self:
        """Reads the ``"format/1"`` file at ``path``.

        Raises :class:`NotFoundError` when it cannot be read, else as :meth:`from_json`.
        """
        return cls(_core.load_format(os.fspath(path), _options(os.fspath(path))))

    def save(self, path: PathLike) -> None:
        """Writes the canonical JSON to ``path`` (UTF-8); ``load`` reads it back equal."""
        _write(path, self.to_json())

    def validate(
        self,
        *,
        participants: int | None = None,
        roles_present: Mapping[str, int] | None = None,
        catalog: Catalog | None = None,
        day: _core.WorkingDay | None = None,
    ) -> list[_core.Diagnostic]:
        """Checks the format; see :func:`carelearn.validate`."""
        from ._agenda import validate

        return validate(
            self,
            participants=participants,
            roles_present=roles_present,
            catalog=catalog,
            day=day,
        )

    def plan(
        self,
        participants: int,
        start: StartLike = None,
        *,
        catalog: Catalog | None = None,
        day: _core.WorkingDay | None = None,
    ) -> Agenda:
        """Plans the format for ``participants`` people; see :func:`carelearn.plan_agenda`."""
        from ._agenda import plan_agenda

        return plan_agenda(self, participants, start, catalog=catalog, day=day)

    def __reduce__(self) -> tuple[Any, tuple[str]]:
        return (type(self).from_json, (self.to_json(),))


class Variant(_core.Variant):
    """A format derived from a base format (``extends``) by a list of changes.

    Fields left None keep the base's value; ``changes`` edit the base's steps
    (:class:`StepChange`). :func:`apply_variant` or
    :meth:`Catalog.add_variant` turn it into a :class:`Format`.

    Example::

        evening = carelearn.Variant(
            id="evening-learning-meeting",
            extends=carelearn.FormatRef("systematic-learning-meeting", 1),
            duration=carelearn.TimeBudget.fixed(20),
            changes=[carelearn.StepChange.remove("joint-reflection")],
        )
    """

    def to_json(self) -> str:
        """The canonical JSON text, ending in a newline."""
        return _core.to_json(self)

    def to_dict(self) -> dict[str, Any]:
        """The canonical JSON form as a dict."""
        result: dict[str, Any] = json.loads(self.to_json())
        return result

    @classmethod
    def from_json(cls, text: str, *, source_name: str = "<json>") -> Self:
        """Parses a ``"variant/1"`` document; raises as :meth:`Format.from_json`."""
        return cls(_core.parse_variant(text, _options(source_name)))

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> Self:
        """The variant whose JSON form is ``data``, read by the C++ loader."""
        return cls.from_json(_dict_text(data), source_name="<dict>")

    @classmethod
    def load(cls, path: PathLike) -> Self:
        """Reads the ``"variant/1"`` file at ``path``."""
        return cls(_core.load_variant(os.fspath(path), _options(os.fspath(path))))

    def save(self, path: PathLike) -> None:
        """Writes the canonical JSON to ``path`` (UTF-8)."""
        _write(path, self.to_json())

    def __reduce__(self) -> tuple[Any, tuple[str]]:
        return (type(self).from_json, (self.to_json(),))


class QuestionSet(_core.QuestionSet):
    """A reusable, versioned list of prompts, such as the 8 learning questions.

    Iterating over it gives its prompts, in the order they are asked.
    """

    def __iter__(self) -> Iterator[_core.Prompt]:
        """The prompts, in order."""
        return iter(self.prompts)

    def to_json(self) -> str:
        """The canonical JSON text, ending in a newline."""
        return _core.to_json(self)

    def to_dict(self) -> dict[str, Any]:
        """The canonical JSON form as a dict."""
        result: dict[str, Any] = json.loads(self.to_json())
        return result

    @classmethod
    def from_json(cls, text: str, *, source_name: str = "<json>") -> Self:
        """Parses a ``"question-set/1"`` document; raises as :meth:`Format.from_json`."""
        return cls(_core.parse_question_set(text, _options(source_name)))

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> Self:
        """The question set whose JSON form is ``data``, read by the C++ loader."""
        return cls.from_json(_dict_text(data), source_name="<dict>")

    @classmethod
    def load(cls, path: PathLike) -> Self:
        """Reads the ``"question-set/1"`` file at ``path``."""
        return cls(_core.load_question_set(os.fspath(path), _options(os.fspath(path))))

    def save(self, path: PathLike) -> None:
        """Writes the canonical JSON to ``path`` (UTF-8)."""
        _write(path, self.to_json())

    def __reduce__(self) -> tuple[Any, tuple[str]]:
        return (type(self).from_json, (self.to_json(),))


Document: TypeAlias = Format | Variant | QuestionSet
"""Any carelearn document."""


def adopt(document: _core.Format | _core.Variant | _core.QuestionSet) -> Document:
    """The carelearn document class for a value of :mod:`carelearn._core`."""
    if isinstance(document, (Format, Variant, QuestionSet)):
        return document
    if isinstance(document, _core.Format):
        return Format(document)
    if isinstance(document, _core.Variant):
        return Variant(document)
    return QuestionSet(document)


def load(path: PathLike, *, options: _core.ParseOptions | None = None) -> Document:
    """Reads the document at ``path``, of whichever kind its ``"carelearn"`` key names.

    ``options`` sets the loader's limits (:class:`ParseOptions`); errors name
    the file unless ``options.source_name`` says otherwise.

    Raises :class:`NotFoundError` when the file cannot be read,
    :class:`FormatError` (with ``path``, ``line``, ``column``),
    :class:`LimitError` or :class:`VersionError` when it does not load.

    Example::

        doc = carelearn.load("huddle.json")
        if isinstance(doc, carelearn.Format):
            print(doc.title.en)
    """
    return adopt(
        _core.load_document(os.fspath(path), _options(os.fspath(path), options))
    )


def loads(
    text: str, *, source_name: str = "<json>", options: _core.ParseOptions | None = None
) -> Document:
    """Parses a document of any kind from JSON text; raises as :func:`load`.

    ``source_name`` is what error messages call the text.
    """
    return adopt(_core.parse_document(text, _options(source_name, options)))


def apply_variant(base: _core.Format, variant: _core.Variant) -> Format:
    """Applies ``variant`` to ``base`` and returns the derived :class:`Format`.

    The result has the variant's id and version, the base's fields where the
    variant leaves them unset, and ``lineage`` ending in the base.
    Raises :class:`FormatError` when ``base`` is not the format the variant
    extends, or a change does not fit the base's steps.
    """
    return Format(_core.apply_variant(base, variant))
