"""The three kinds of carelearn document, with their JSON forms.

:class:`Format`, :class:`Variant` and :class:`QuestionSet` are the C++ model
types with what a Python user expects on top, from one base,
:class:`Document`: a dict form that *is* the canonical JSON (``to_dict`` /
``from_dict``), ``save`` / ``load`` for files, and pickling through that JSON.
Reading always goes through the C++ loader, so a misspelt key raises the same
:class:`~carelearn.FormatError`, with the same JSON Pointer, whether it came
from a file, a string or a dict.
"""

from __future__ import annotations

import json
import os
from collections.abc import Iterator, Mapping
from typing import TYPE_CHECKING, Any, Self, TypeAlias

from . import _core
from ._agenda import Agenda, plan_agenda, validate
from ._arguments import text
from ._errors import FormatError, NotFoundError

if TYPE_CHECKING:
    from ._time import StartLike

__all__ = [
    "Document",
    "Format",
    "PathLike",
    "QuestionSet",
    "Variant",
    "adopt",
    "apply_variant",
    "dict_text",
    "load",
    "loads",
    "parse_options",
    "path_of",
    "text_of",
    "write_text",
]

PathLike: TypeAlias = str | os.PathLike[str]
"""A file's path: a str or a :class:`pathlib.Path`."""


def path_of(value: object, name: str = "path") -> str:
    """``value`` as a file's path: a str or an :class:`os.PathLike` of one.

    Raises TypeError naming ``name`` for anything else (bytes too: carelearn's
    messages name files as text).
    """
    if isinstance(value, (str, os.PathLike)):
        path = os.fspath(value)
        if isinstance(path, str):
            return text(path, name)
    raise TypeError(f"{name} must be a path (a str or os.PathLike), not {type(value).__name__}")


def parse_options(
    source_name: str, options: _core.ParseOptions | None = None
) -> _core.ParseOptions:
    """``options`` (default: the default limits) naming the source
    ``source_name`` unless it names one already."""
    if options is None:
        return _core.ParseOptions(source_name=source_name)
    if not isinstance(options, _core.ParseOptions):
        raise TypeError(f"options must be a ParseOptions, not {type(options).__name__}")
    if options.source_name:
        return options
    named = _core.ParseOptions(options)
    named.source_name = source_name
    return named


def dict_text(data: Mapping[str, Any], name: str = "data") -> str:
    """``data`` as indented JSON text, so that the line and column of an error
    in it point somewhere useful. Raises TypeError naming ``name`` when
    ``data`` is not a mapping or holds what JSON cannot."""
    if not isinstance(data, Mapping):
        raise TypeError(f"{name} must be a dict, not {type(data).__name__}")
    try:
        return json.dumps(data, ensure_ascii=False, indent=2, allow_nan=False)
    except (TypeError, ValueError) as error:
        raise TypeError(f"{name} cannot be written as JSON: {error}") from None


def text_of(given: str | bytes, source_name: str, name: str = "text") -> str:
    """JSON text given as a str, or as bytes that must be UTF-8.

    Raises :class:`FormatError` naming the source and the offset of the first
    byte that is not UTF-8, TypeError naming ``name`` for another type, and
    ValueError naming it for a str that cannot be UTF-8 (a lone surrogate).
    """
    if isinstance(given, str):
        return text(given, name)
    if isinstance(given, (bytes, bytearray, memoryview)):
        data = bytes(given)
        try:
            return data.decode("utf-8")
        except UnicodeDecodeError as error:
            raise FormatError(
                f"{source_name}: not UTF-8 text: {error.reason} at byte {error.start}"
            ) from None
    raise TypeError(f"{name} must be a str or UTF-8 bytes, not {type(given).__name__}")


def write_text(path: PathLike, content: str, *, newline: str = "\n") -> None:
    """Writes ``content`` to ``path`` as UTF-8; raises :class:`NotFoundError`
    naming the file when it cannot be written."""
    name = path_of(path)
    try:
        with open(name, "w", encoding="utf-8", newline=newline) as out:
            out.write(content)
    except OSError as error:
        raise NotFoundError(f"{name}: cannot write: {error.strerror or error}") from None


def _json_of(value: object) -> str:
    if isinstance(value, _core.Format):
        return _core.to_json(value)
    if isinstance(value, _core.Variant):
        return _core.to_json(value)
    if isinstance(value, _core.QuestionSet):
        return _core.to_json(value)
    raise TypeError(f"not a carelearn document: {type(value).__name__}")


class Document:
    """What the three kinds of document share: the canonical JSON text
    (:meth:`to_json`), its dict form (:meth:`to_dict`, :meth:`from_dict`),
    files (:meth:`load`, :meth:`save`), and pickling through the JSON.

    ``isinstance(x, carelearn.Document)`` is true of a :class:`Format`, a
    :class:`Variant` and a :class:`QuestionSet`;
    :func:`carelearn.load` returns the kind its file names.
    """

    KIND: str = ""
    """The kind and version a document of this class names, e.g. ``"format/1"``."""

    @classmethod
    def _parse(cls, text: str, options: _core.ParseOptions) -> Self:
        raise TypeError(
            "a Document is read as its kind: Format, Variant or QuestionSet "
            "(carelearn.loads reads any kind)"
        )

    @classmethod
    def _read(cls, path: str, options: _core.ParseOptions) -> Self:
        raise TypeError(
            "a Document is read as its kind: Format, Variant or QuestionSet "
            "(carelearn.load reads any kind)"
        )

    def to_json(self) -> str:
        """The canonical JSON text, ending in a newline (stable key order, so
        save, load and save again is byte for byte the same)."""
        return _json_of(self)

    def to_dict(self) -> dict[str, Any]:
        """The canonical JSON form as a dict: ``json.loads(self.to_json())``."""
        result: dict[str, Any] = json.loads(self.to_json())
        return result

    @classmethod
    def from_json(cls, text: str | bytes, *, source_name: str = "<json>") -> Self:
        """Parses a document of this kind from JSON text (a str, or UTF-8 bytes).

        Raises :class:`FormatError` (with ``path``, ``line`` and ``column``),
        :class:`LimitError`, or :class:`VersionError` for a document of
        another kind or a newer version.
        """
        return cls._parse(text_of(text, source_name), parse_options(source_name))

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> Self:
        """The document whose JSON form is ``data``, read by the C++ loader.

        ``data`` must name its kind: ``{"carelearn": "format/1", "id": ...}``.
        Raises as :meth:`from_json`; the error's ``path`` points into ``data``.
        """
        return cls.from_json(dict_text(data), source_name="<dict>")

    @classmethod
    def load(cls, path: PathLike, *, options: _core.ParseOptions | None = None) -> Self:
        """Reads the document at ``path``.

        Raises :class:`NotFoundError` when it cannot be read, else as :meth:`from_json`.
        """
        name = path_of(path)
        return cls._read(name, parse_options(name, options))

    def save(self, path: PathLike) -> None:
        """Writes the canonical JSON to ``path`` (UTF-8); :meth:`load` reads it back equal."""
        write_text(path, self.to_json())

    def __reduce__(self) -> tuple[Any, tuple[str]]:
        return (type(self).from_json, (self.to_json(),))


class Format(Document, _core.Format):
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

    KIND = "format/1"

    @classmethod
    def _parse(cls, text: str, options: _core.ParseOptions) -> Self:
        return cls(_core.parse_format(text, options))

    @classmethod
    def _read(cls, path: str, options: _core.ParseOptions) -> Self:
        return cls(_core.load_format(path, options))

    def __iter__(self) -> Iterator[_core.Step]:
        """The steps, in order."""
        return iter(self.steps)

    def validate(
        self,
        *,
        participants: int | None = None,
        roles_present: Mapping[str, int] | None = None,
        catalog: _core.Catalog | None = None,
        day: _core.WorkingDay | None = None,
    ) -> list[_core.Diagnostic]:
        """Checks the format; see :func:`carelearn.validate`."""
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
        catalog: _core.Catalog | None = None,
        day: _core.WorkingDay | None = None,
    ) -> Agenda:
        """Plans the format for ``participants`` people; see :func:`carelearn.plan_agenda`."""
        return plan_agenda(self, participants, start, catalog=catalog, day=day)


class Variant(Document, _core.Variant):
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

    KIND = "variant/1"

    @classmethod
    def _parse(cls, text: str, options: _core.ParseOptions) -> Self:
        return cls(_core.parse_variant(text, options))

    @classmethod
    def _read(cls, path: str, options: _core.ParseOptions) -> Self:
        return cls(_core.load_variant(path, options))


class QuestionSet(Document, _core.QuestionSet):
    """A reusable, versioned list of prompts, such as the 8 learning questions.

    Iterating over it gives its prompts, in the order they are asked.
    """

    KIND = "question-set/1"

    @classmethod
    def _parse(cls, text: str, options: _core.ParseOptions) -> Self:
        return cls(_core.parse_question_set(text, options))

    @classmethod
    def _read(cls, path: str, options: _core.ParseOptions) -> Self:
        return cls(_core.load_question_set(path, options))

    def __iter__(self) -> Iterator[_core.Prompt]:
        """The prompts, in order."""
        return iter(self.prompts)


def adopt(document: _core.Format | _core.Variant | _core.QuestionSet) -> Document:
    """The carelearn document class for a value of :mod:`carelearn._core`."""
    if isinstance(document, Document):
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
    name = path_of(path)
    return adopt(_core.load_document(name, parse_options(name, options)))


def loads(
    text: str | bytes,
    *,
    source_name: str = "<json>",
    options: _core.ParseOptions | None = None,
) -> Document:
    """Parses a document of any kind from JSON text (a str, or UTF-8 bytes);
    raises as :func:`load`, and :class:`FormatError` for bytes that are not UTF-8.

    ``source_name`` is what error messages call the text.
    """
    return adopt(
        _core.parse_document(text_of(text, source_name), parse_options(source_name, options))
    )


def apply_variant(base: _core.Format, variant: _core.Variant) -> Format:
    """Applies ``variant`` to ``base`` and returns the derived :class:`Format`.

    The result has the variant's id and version, the base's fields where the
    variant leaves them unset, and ``lineage`` ending in the base.
    Raises :class:`FormatError` when ``base`` is not the format the variant
    extends, or a change does not fit the base's steps.
    """
    return Format(_core.apply_variant(base, variant))
