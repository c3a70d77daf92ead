"""The JSON Schemas in schema/ accept every carelearn document in the
repository and reject documents the C++ loader rejects.

Runs from the repository root with pytest; needs only the `jsonschema`
package, not carelearn itself.
"""

from __future__ import annotations

import copy
import json
from pathlib import Path

import jsonschema
import pytest

ROOT = Path(__file__).resolve().parents[2]
SCHEMA_DIR = ROOT / "schema"
KINDS = {
    "format/1": "format-1.schema.json",
    "variant/1": "variant-1.schema.json",
    "question-set/1": "question-set-1.schema.json",
    "programme/1": "programme-1.schema.json",
}


def _validator(kind: str) -> jsonschema.Draft202012Validator:
    schema = json.loads((SCHEMA_DIR / KINDS[kind]).read_text(encoding="utf-8"))
    jsonschema.Draft202012Validator.check_schema(schema)
    return jsonschema.Draft202012Validator(schema)


def _documents() -> list[Path]:
    paths = sorted((ROOT / "catalog").glob("*.json"))
    paths += sorted((ROOT / "examples" / "formats").glob("*.json"))
    paths += sorted((ROOT / "examples" / "programmes").glob("*.json"))
    paths += sorted((ROOT / "tests" / "cpp" / "io" / "testdata").glob("*.json"))
    return paths


def _errors(document: dict) -> list[str]:
    validator = _validator(document["carelearn"])
    return [f"{'/'.join(map(str, e.absolute_path))}: {e.message}" for e in validator.iter_errors(document)]


@pytest.mark.parametrize("kind", sorted(KINDS))
def test_schema_is_valid_draft_2020_12(kind: str) -> None:
    _validator(kind)


def test_there_are_documents_to_check() -> None:
    assert any(p.parent.name == "catalog" for p in _documents())


@pytest.mark.parametrize("path", _documents(), ids=lambda p: str(p.relative_to(ROOT)))
def test_document_matches_its_schema(path: Path) -> None:
    document = json.loads(path.read_text(encoding="utf-8"))
    assert document.get("carelearn") in KINDS, f"{path}: unknown kind {document.get('carelearn')!r}"
    assert _errors(document) == []


MINIMAL_FORMAT = {
    "carelearn": "format/1",
    "id": "huddle",
    "version": 1,
    "title": {"da": "Tavlemøde"},
    "purpose": {"en": "A short daily check-in."},
    "steps": [
        {
            "id": "round",
            "title": {"en": "Round"},
            "budget": {"kind": "per-participant", "minutes": 1, "about": True},
            "participation": "round",
        }
    ],
    "extensions": {"anything": [1, {"goes": None}]},
}


def _with(change: dict, base: dict = MINIMAL_FORMAT) -> dict:
    """A deep copy of `base` with the dotted-path keys of `change` set (None deletes)."""
    document = copy.deepcopy(base)
    for dotted, value in change.items():
        target = document
        *parents, last = dotted.split(".")
        for key in parents:
            target = target[int(key)] if isinstance(target, list) else target[key]
        if value is None:
            del target[last]
        else:
            target[last] = value
    return document


def test_minimal_format_is_valid() -> None:
    assert _errors(MINIMAL_FORMAT) == []


@pytest.mark.parametrize(
    "change",
    [
        {"titel": {"da": "x"}},  # unknown key
        {"title": None},  # missing required key
        {"version": "1"},  # wrong type
        {"version": 0},  # below the minimum
        {"title": {}},  # a text needs a language
        {"title": {"da": ""}},  # ... that is not empty
        {"title": {"de": "Titel"}},  # unknown language
        {"setting": {"place": "ofsite"}},  # unknown enum name
        {"steps.0.budjet": {"kind": "open"}},  # unknown key in a step
        {"steps.0.budget": {"kind": "fixed", "minutes": 5, "hours": 1}},  # two units
        {"steps.0.budget": {"kind": "fixed", "minutes": [1, 2]}},  # fixed is one amount
        {"steps.0.budget": {"kind": "range", "minutes": [1, 2, 3]}},  # a range is two
        {"steps.0.budget": {"kind": "open", "minutes": 5}},  # open has no amount
        {"steps.0.budget": {"kind": "fixed", "minutes": 5, "skip": 1}},  # skip: per-participant only
        {"steps.0.budget": {"kind": "fixed", "minutes": -1}},  # negative amount
        {"steps.0.budget": {"kind": "range"}},  # missing amount
        {"extensions": []},  # extensions are an object
    ],
    ids=lambda change: ",".join(change),
)
def test_invalid_format_is_rejected(change: dict) -> None:
    assert _errors(_with(change)) != []


def test_invalid_variant_change_is_rejected() -> None:
    variant = {
        "carelearn": "variant/1",
        "id": "evening",
        "version": 1,
        "extends": {"id": "huddle", "version": 1},
        "changes": [{"op": "remove", "target": "round"}],
    }
    assert _errors(variant) == []
    assert _errors(_with({"changes": [{"op": "remove", "target": "round", "step": {}}]}, variant))
    assert _errors(_with({"changes": [{"op": "rename", "target": "round"}]}, variant))
    assert _errors(_with({"changes": [{"op": "set-budget", "target": "round"}]}, variant))
    assert _errors(_with({"extends": None}, variant))


def test_invalid_question_set_is_rejected() -> None:
    question_set = {
        "carelearn": "question-set/1",
        "id": "why",
        "version": 1,
        "title": {"en": "Why"},
        "prompts": [{"id": "why", "text": {"en": "Why?"}}],
    }
    assert _errors(question_set) == []
    assert _errors(_with({"prompts": []}, question_set))
    assert _errors(_with({"prompts": [{"id": "why"}]}, question_set))
    wrong_kind = _with({"carelearn": "format/1"}, question_set)
    assert list(_validator("question-set/1").iter_errors(wrong_kind)) != []


MINIMAL_PROGRAMME = {
    "carelearn": "programme/1",
    "id": "p",
    "calendar": {"closures": [{"first": "2026-07-06", "last": "2026-07-31"}]},
    "units": [{"id": "hoersholm"}, {"id": "egely", "parent": "hoersholm"}],
    "entries": [
        {
            "id": "meeting",
            "format": {"id": "systematic-learning-meeting"},
            "units": ["hoersholm"],
            "recurrence": {
                "start": "2026-03-04T14:00",
                "duration": "PT30M",
                "rule": "FREQ=WEEKLY;INTERVAL=2",
            },
        }
    ],
}


def test_there_are_example_programmes_to_check() -> None:
    assert any(p.parent.name == "programmes" for p in _documents())


def test_minimal_programme_is_valid() -> None:
    assert _errors(MINIMAL_PROGRAMME) == []
    structured = _with(
        {"entries.0.recurrence.rule": {"frequency": "monthly", "by_day": ["1WE", "-1fr"]}},
        MINIMAL_PROGRAMME,
    )
    assert _errors(structured) == []


@pytest.mark.parametrize(
    "change",
    [
        {"titel": {"da": "x"}},  # unknown key
        {"id": None},  # missing required key
        {"time_zone": "../etc/passwd"},  # not an IANA name
        {"on_closed_day": "move"},  # unknown policy
        {"calendar.holidays": "danish-common"},  # unknown holiday set
        {"calendar.closures.0.last": "31 July"},  # not a date
        {"units.1.parnt": "hoersholm"},  # unknown key in a unit
        {"entries.0.units": []},  # an entry names at least one unit
        {"entries.0.hosting": "jointly"},  # unknown hosting
        {"entries.0.recurrence.start": "2026-03-04 14:00"},  # not a local time
        {"entries.0.recurrence.duration": "P1D"},  # not an exact duration
        {"entries.0.recurrence.duration": "PT"},  # no amount
        {"entries.0.recurrence.rule": 2},  # neither text nor object
        {"entries.0.recurrence.rule": {"frequency": "fortnightly"}},
        {"entries.0.recurrence.rule": {"frequency": "monthly", "by_day": ["6WE"]}},
        {"entries.0.recurrence.rule": {"frequency": "monthly", "by_month_day": [0]}},
        {"entries.0.recurrence.rule": {"frequency": "weekly", "count": 2, "until": "2026-12-31"}},
        {"entries.0.roles": [{"role": "colleague", "people": -1}]},
        {"entries.0.recurrence": None},  # missing required key
    ],
    ids=lambda change: ",".join(change),
)
def test_invalid_programme_is_rejected(change: dict) -> None:
    assert _errors(_with(change, MINIMAL_PROGRAMME)) != []
