"""carelearn's formats and question sets as FHIR R4 resources.

A format becomes a ``PlanDefinition``, a question set a ``Questionnaire``, a
variant the PlanDefinition of the format it derives (its lineage as
``relatedArtifact`` of type ``derived-from``). A PlanDefinition carelearn wrote
reads back to an equal format; one written elsewhere reads as far as it maps,
and what does not map is a :class:`~carelearn.FormatError` that names its place.
docs/fhir.md gives the mapping element by element and the canonical URLs
(``https://carelearn.dk/fhir/PlanDefinition/<id>``: a naming scheme, not a server).

Example::

    from carelearn import Catalog, fhir

    catalog = Catalog.builtin()
    plan = fhir.to_plan_definition(catalog["systematic-learning-meeting"])
    plan["title"]                      # 'Systematisk læringsmøde'
    fhir.from_plan_definition(plan) == catalog["systematic-learning-meeting"]   # True
    fhir.to_questionnaire(catalog.find_question_set("learning-questions"))["item"][0]["linkId"]
    # 'biggest-challenge'
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from typing import Any, TypeAlias

from . import _core
from ._documents import Format

__all__ = [
    "PublicationStatus",
    "ResourceLike",
    "StatusLike",
    "from_plan_definition",
    "plan_definition_canonical",
    "plan_definition_url",
    "questionnaire_url",
    "read_plan_definition",
    "to_plan_definition",
    "to_questionnaire",
]

PublicationStatus = _core.PublicationStatus
"""A resource's publication status: DRAFT, ACTIVE, RETIRED or UNKNOWN."""

StatusLike: TypeAlias = "_core.PublicationStatus | str"
"""A publication status, or its R4 code ("draft", "active", "retired", "unknown")."""

ResourceLike: TypeAlias = "Mapping[str, Any] | str"
"""A FHIR resource as a dict, or as its JSON text."""

plan_definition_url = _core.plan_definition_url
plan_definition_canonical = _core.plan_definition_canonical
questionnaire_url = _core.questionnaire_url


def _status(status: StatusLike) -> _core.PublicationStatus:
    if isinstance(status, _core.PublicationStatus):
        return status
    if isinstance(status, str):
        parsed = _core.parse_publication_status(status)
        if parsed is None:
            raise ValueError(
                f"status: {status!r} is not an R4 publication status; expected "
                '"draft", "active", "retired" or "unknown"'
            )
        return parsed
    raise TypeError(
        f"status: expected a PublicationStatus or its code, not {type(status).__name__}"
    )


def to_plan_definition(
    format: _core.Format | _core.Variant,
    *,
    status: StatusLike = "active",
    catalog: _core.Catalog | None = None,
) -> dict[str, Any]:
    """The FHIR R4 PlanDefinition of ``format``, as a dict.

    ``format`` may be a :class:`~carelearn.Variant`: then its base is looked
    up in ``catalog`` (None: the built-in one) and the derived format is
    written with its lineage. For a format, ``catalog`` resolves a step that is
    a whole format, whose steps are written as nested actions.

    Raises :class:`~carelearn.NotFoundError` when a variant's base is not in
    the catalog, ``ValueError``/``TypeError`` for a bad ``status``.
    """
    code = _status(status)
    if isinstance(format, _core.Variant):
        base = catalog if catalog is not None else _core.Catalog.builtin()
        text = _core.variant_to_plan_definition(format, base, code)
    elif isinstance(format, _core.Format):
        text = _core.to_plan_definition(format, code, catalog)
    else:
        raise TypeError(
            f"format: expected a Format or a Variant, not {type(format).__name__}"
        )
    result: dict[str, Any] = json.loads(text)
    return result


def to_questionnaire(
    question_set: _core.QuestionSet, *, status: StatusLike = "active"
) -> dict[str, Any]:
    """The FHIR R4 Questionnaire of ``question_set``, as a dict: an item of
    type ``display`` per prompt, whose ``linkId`` is the prompt's id."""
    if not isinstance(question_set, _core.QuestionSet):
        raise TypeError(
            f"question_set: expected a QuestionSet, not {type(question_set).__name__}"
        )
    result: dict[str, Any] = json.loads(
        _core.to_questionnaire(question_set, _status(status))
    )
    return result


def _text(resource: ResourceLike, source_name: str | None) -> tuple[str, str]:
    if isinstance(resource, str):
        return resource, source_name or "<json>"
    if isinstance(resource, Mapping):
        # Indented, so that an error's line and column point somewhere useful.
        return json.dumps(resource, ensure_ascii=False, indent=2), source_name or "<dict>"
    raise TypeError(
        f"resource: expected a dict or JSON text, not {type(resource).__name__}"
    )


def from_plan_definition(
    resource: ResourceLike, *, source_name: str | None = None
) -> Format:
    """Reads a FHIR R4 PlanDefinition (a dict or JSON text) as a :class:`~carelearn.Format`.

    Raises :class:`~carelearn.FormatError`, with ``path``, ``line`` and
    ``column``, for malformed input and for an element a format has no place
    for (a trigger, a goal, a modifier extension, ...); see
    :func:`read_plan_definition` to leave those out instead.
    """
    text, name = _text(resource, source_name)
    return Format(_core.parse_plan_definition(text, _core.ParseOptions(source_name=name)))


def read_plan_definition(
    resource: ResourceLike, *, source_name: str | None = None
) -> tuple[Format, list[str]]:
    """Reads a PlanDefinition as far as it maps: the format, and a located
    message for each element left out because a format has no place for it.

    Example::

        format, skipped = fhir.read_plan_definition(plan_from_elsewhere)
        skipped   # ['<dict>:40:7: /action/0/trigger: unsupported: ...']
    """
    text, name = _text(resource, source_name)
    format, skipped = _core.read_plan_definition(
        text, _core.ParseOptions(source_name=name)
    )
    return Format(format), list(skipped)
