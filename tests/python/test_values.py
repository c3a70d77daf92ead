"""The model types behave as Python values: constructors, repr, ==, copy, pickle, dicts."""

from __future__ import annotations

import copy
import datetime
import json
import pathlib
import pickle

import pytest

import carelearn
from carelearn import (
    Cadence,
    Format,
    FormatRef,
    OutputKind,
    Participation,
    Prompt,
    Step,
    StepChange,
    Text,
    TimeBudget,
    TimeUnit,
)

NAMESPACE = {name: getattr(carelearn, name) for name in carelearn.__all__}
NAMESPACE["datetime"] = datetime


def round_trip_by_repr(value: object) -> object:
    return eval(repr(value), NAMESPACE)


def test_text_reads_like_its_constructor() -> None:
    text = Text(da="Runde", en="Round")
    assert repr(text) == "Text(da='Runde', en='Round')"
    assert Text("Runde", "Round") == text
    assert text.get("da") == "Runde"
    assert text.get(carelearn.Lang.EN) == "Round"
    assert Text(da="Kun dansk").get("en") == "Kun dansk"
    assert not Text() and text
    with pytest.raises(ValueError, match='unknown language "sv"'):
        text.get("sv")


@pytest.mark.parametrize(
    ("budget", "expected"),
    [
        (TimeBudget.fixed(5), "TimeBudget.fixed(5)"),
        (TimeBudget.range(1, 2), "TimeBudget.range(1, 2)"),
        (
            TimeBudget.range(0.5, 1, TimeUnit.DAY),
            "TimeBudget.range(0.5, 1, TimeUnit.DAY)",
        ),
        (
            TimeBudget.per_participant(1, 1, about=True),
            "TimeBudget.per_participant(1, 1, about=True)",
        ),
        (
            TimeBudget.per_participant(1, 2).skipping(1),
            "TimeBudget.per_participant(1, 2).skipping(1)",
        ),
        (TimeBudget.open(), "TimeBudget.open()"),
        (
            TimeBudget.fixed(2, TimeUnit.HOUR).as_about(),
            "TimeBudget.fixed(2, TimeUnit.HOUR, about=True)",
        ),
    ],
)
def test_time_budget_reads_like_its_named_constructor(
    budget: TimeBudget, expected: str
) -> None:
    assert repr(budget) == expected
    assert round_trip_by_repr(budget) == budget


def test_time_budget_evaluates_for_a_count() -> None:
    assert TimeBudget.per_participant(1, 2).evaluate(12) == carelearn.MinuteRange(
        12, 24
    )
    assert TimeBudget.per_participant(1, 1).skipping(1).evaluate(12).max == 11
    visit = TimeBudget.range(0.5, 1, TimeUnit.DAY)
    assert visit.evaluate(2, carelearn.WorkingDay(480)) == carelearn.MinuteRange(
        240, 480
    )
    assert TimeBudget.open().evaluate(5) == carelearn.MinuteRange(0, 0)
    assert TimeBudget.per_participant(1, 1).depends_on_participants()
    assert not TimeBudget.fixed(5).depends_on_participants()


def test_minute_ranges_add() -> None:
    total = carelearn.MinuteRange(5, 5) + carelearn.MinuteRange(1, 2)
    assert total == carelearn.MinuteRange(6, 7)
    assert repr(total) == "MinuteRange(min=6, max=7)"


def test_step_repr_round_trips_through_eval() -> None:
    step = Step(
        id="round",
        title=Text(da="Runde", en="Round"),
        budget=TimeBudget.per_participant(1, 1, about=True),
        lead="facilitator",
        participation=Participation.ROUND,
        prompts=[Prompt("what", Text(en="What did you learn?"))],
        produces=[OutputKind.REFLECTION],
        format=FormatRef("learning-visit-meeting", 1),
    )
    assert repr(step).startswith(
        "Step(id='round', title=Text(da='Runde', en='Round'), "
    )
    assert "participation=Participation.ROUND" in repr(step)
    assert round_trip_by_repr(step) == step
    assert repr(Step()) == "Step()"


def test_every_builtin_format_round_trips_through_its_repr(
    catalog: carelearn.Catalog,
) -> None:
    for fmt in catalog:
        again = round_trip_by_repr(fmt)
        assert isinstance(again, Format)
        assert again == fmt, fmt.id


def test_equality_compares_every_field(meeting: Format) -> None:
    other = Format(meeting)
    assert other == meeting
    assert (other != meeting) is False
    other.title.en = "Changed"
    assert other != meeting
    assert meeting.title.en == "Systematic learning meeting"
    assert Text(en="x") != "x"
    with pytest.raises(TypeError):
        hash(meeting)


def test_list_fields_are_tuples_of_copies(meeting: Format) -> None:
    assert isinstance(meeting.steps, tuple)
    step = meeting.steps[0]
    step.title = Text(en="Not in the format")
    assert meeting.steps[0].title.en != "Not in the format"
    edited = Format(meeting)
    edited.steps = [s for s in edited.steps if s.id != "joint-reflection"]
    assert len(edited.steps) == 4 and len(meeting.steps) == 5


@pytest.mark.parametrize(
    "value",
    [
        Text(da="a", en="b"),
        TimeBudget.per_participant(1, 2, TimeUnit.HOUR, about=True).skipping(2),
        Cadence(interval=3, unit=carelearn.Period.MONTH, count=3),
        StepChange.set_budget("round", TimeBudget.fixed(8)),
        carelearn.Diagnostic(
            severity=carelearn.Severity.WARNING, code="c", path="p", text=Text(en="m")
        ),
        carelearn.RoleRequirement("facilitator", 1, 1),
    ],
)
def test_small_values_pickle_and_copy(value: object) -> None:
    assert pickle.loads(pickle.dumps(value)) == value
    assert copy.copy(value) == value
    assert copy.deepcopy(value) == value
    assert copy.copy(value) is not value


def test_formats_pickle_and_copy_as_formats(meeting: Format) -> None:
    for again in (
        pickle.loads(pickle.dumps(meeting)),
        copy.copy(meeting),
        copy.deepcopy(meeting),
    ):
        assert type(again) is Format
        assert again == meeting


def test_catalog_pickles_and_copies(catalog: carelearn.Catalog) -> None:
    again = pickle.loads(pickle.dumps(catalog))
    assert isinstance(again, carelearn.Catalog)
    assert [f.id for f in again] == [f.id for f in catalog]
    assert again.formats() == catalog.formats()
    assert again.question_sets() == catalog.question_sets()
    assert len(copy.copy(catalog)) == len(catalog)


def test_agenda_pickles(meeting: Format) -> None:
    agenda = carelearn.plan_agenda(meeting, 6, "2026-03-04T14:00")
    again = pickle.loads(pickle.dumps(agenda))
    assert type(again) is carelearn.Agenda
    assert str(again) == str(agenda)
    assert again.start == datetime.datetime(2026, 3, 4, 14, 0)


def test_to_dict_is_the_catalog_files_json(
    repo: pathlib.Path, catalog: carelearn.Catalog
) -> None:
    for path in sorted((repo / "catalog").glob("*.json")):
        text = path.read_text(encoding="utf-8")
        data = json.loads(text)
        document = carelearn.loads(text)
        assert document.to_dict() == data, path.name
        if isinstance(document, Format):
            assert document.to_json() == text, path.name
            assert Format.from_dict(data) == document
            assert catalog.find(document.id, document.version) == document


def test_from_dict_and_to_dict_round_trip_a_written_format() -> None:
    data = {
        "carelearn": "format/1",
        "id": "huddle",
        "version": 1,
        "title": {"da": "Tavlemøde", "en": "Huddle"},
        "purpose": {"da": "Dagens overblik.", "en": "The day at a glance."},
        "duration": {"kind": "fixed", "minutes": 10},
        "steps": [
            {
                "id": "round",
                "title": {"da": "Runde", "en": "Round"},
                "budget": {"kind": "per-participant", "minutes": 1},
                "participation": "round",
            }
        ],
    }
    huddle = Format.from_dict(data)
    assert huddle.id == "huddle"
    assert huddle.steps[0].budget == TimeBudget.per_participant(1, 1)
    assert Format.from_dict(huddle.to_dict()) == huddle
    assert huddle.to_dict()["steps"][0]["id"] == "round"


def test_save_and_load(tmp_path: pathlib.Path, meeting: Format) -> None:
    path = tmp_path / "meeting.json"
    meeting.save(path)
    assert Format.load(path) == meeting
    loaded = carelearn.load(str(path))
    assert isinstance(loaded, Format) and loaded == meeting
    assert path.read_text(encoding="utf-8") == meeting.to_json()


def test_keyword_constructors_fill_every_field() -> None:
    fmt = Format(
        id="huddle",
        title=Text(en="Huddle"),
        duration=TimeBudget.fixed(10),
        cadence=Cadence(interval=1, unit=carelearn.Period.DAY),
        steps=[Step(id="a", budget=TimeBudget.fixed(10))],
    )
    assert fmt.version == 1
    assert fmt.capacity == carelearn.Capacity(min=1)
    assert [s.id for s in fmt] == ["a"]
    assert fmt.find_step("a") == fmt.steps[0]
    assert fmt.find_step("b") is None
    with pytest.raises(TypeError):
        Format("huddle")  # type: ignore[call-overload]


def test_variant_derives_and_diffs(meeting: Format, catalog: carelearn.Catalog) -> None:
    evening = carelearn.Variant(
        id="evening-learning-meeting",
        extends=FormatRef("systematic-learning-meeting", 1),
        duration=TimeBudget.fixed(20),
        changes=[StepChange.remove("joint-reflection")],
    )
    derived = carelearn.apply_variant(meeting, evening)
    assert isinstance(derived, Format)
    assert derived.id == "evening-learning-meeting"
    assert [s.id for s in derived][-1] == "round"
    assert derived.lineage == (FormatRef("systematic-learning-meeting", 1),)
    changes = {(d.path, d.kind) for d in carelearn.diff(meeting, derived)}
    assert ("duration", carelearn.Difference.Kind.CHANGED) in changes
    assert ("steps[joint-reflection]", carelearn.Difference.Kind.REMOVED) in changes
    assert carelearn.Variant.from_dict(evening.to_dict()) == evening
    assert pickle.loads(pickle.dumps(evening)) == evening
    catalog.add_variant(evening)
    assert catalog["evening-learning-meeting"] == derived


def test_catalog_lookup(catalog: carelearn.Catalog) -> None:
    assert len(catalog) == len(catalog.formats()) >= 10
    assert "learning-visit" in catalog
    assert FormatRef("learning-visit", 1) in catalog
    assert "no-such-format" not in catalog
    assert catalog.find("learning-visit", 99) is None
    assert catalog.find(FormatRef("learning-visit")) == catalog["learning-visit"]
    with pytest.raises(carelearn.NotFoundError) as caught:
        catalog["no-such-format"]
    assert isinstance(caught.value, LookupError)
    assert repr(carelearn.Catalog()) == "<Catalog of 0 formats () and 0 question sets>"


def test_builtin_roles() -> None:
    ids = [r.id for r in carelearn.builtin_roles()]
    assert "facilitator" in ids and "learning-agent" in ids
    role = carelearn.find_builtin_role("learning-agent")
    assert role is not None and role.name.get("da")
    assert carelearn.find_builtin_role("nobody") is None


def test_enums_are_python_enums() -> None:
    assert [p.name for p in carelearn.Period] == ["DAY", "WEEK", "MONTH", "YEAR"]
    assert carelearn.TimeBudget.Kind.__qualname__ == "TimeBudget.Kind"
    assert pickle.loads(pickle.dumps(TimeBudget.Kind.RANGE)) is TimeBudget.Kind.RANGE
    assert carelearn._core.participation_name(Participation.ROUND) == "round"
    assert carelearn._core.parse_place("off-site") is carelearn.Place.OFF_SITE
