"""carelearn.fhir: the PlanDefinition of every built-in format and the
Questionnaire of every question set, parsed by an independent reader (the R4B
models of fhir.resources); round trips; errors."""

from __future__ import annotations

import json
import pathlib

import pytest
from fhir.resources.R4B.plandefinition import PlanDefinition
from fhir.resources.R4B.questionnaire import Questionnaire

import carelearn
from carelearn import fhir

BUILTIN = carelearn.Catalog.builtin()


@pytest.mark.parametrize("format", BUILTIN.formats(), ids=lambda f: f.id)
def test_every_builtin_format_parses_as_an_r4b_plan_definition(
    format: carelearn.Format,
) -> None:
    resource = fhir.to_plan_definition(format)
    parsed = PlanDefinition.model_validate(resource)
    assert parsed.url == f"https://carelearn.dk/fhir/PlanDefinition/{format.id}"
    assert parsed.version == str(format.version)
    assert parsed.status == "active"
    assert parsed.title == format.title.da
    assert len(parsed.action or []) == len(format.steps) + len(format.components)
    # What the independent reader read is what carelearn reads back.
    assert fhir.from_plan_definition(resource) == format
    # ... also from the independent reader's own JSON.
    assert fhir.from_plan_definition(parsed.model_dump_json(exclude_none=True)) == format


@pytest.mark.parametrize("question_set", BUILTIN.question_sets(), ids=lambda s: s.id)
def test_every_question_set_parses_as_an_r4b_questionnaire(
    question_set: carelearn.QuestionSet,
) -> None:
    resource = fhir.to_questionnaire(question_set)
    parsed = Questionnaire.model_validate(resource)
    assert parsed.url == f"https://carelearn.dk/fhir/Questionnaire/{question_set.id}"
    assert [item.linkId for item in parsed.item or []] == [
        p.id for p in question_set.prompts
    ]
    assert [item.text for item in parsed.item or []] == [
        p.text.da for p in question_set.prompts
    ]


def test_the_learning_visit_nests_the_joint_meeting() -> None:
    plan = fhir.to_plan_definition(BUILTIN["learning-visit"])
    meeting = plan["action"][2]
    assert meeting["definitionCanonical"] == (
        "https://carelearn.dk/fhir/PlanDefinition/learning-visit-meeting|1"
    )
    assert [a["id"] for a in meeting["action"]] == [
        "learning-meeting." + s.id for s in BUILTIN["learning-visit-meeting"].steps
    ]
    PlanDefinition.model_validate(plan)


def test_a_variant_carries_its_lineage(repo: pathlib.Path) -> None:
    variant = carelearn.Variant.load(
        repo / "tests" / "cpp" / "io" / "testdata" / "evening-learning-meeting.json"
    )
    plan = fhir.to_plan_definition(variant, status=fhir.PublicationStatus.DRAFT)
    PlanDefinition.model_validate(plan)
    assert plan["status"] == "draft"
    assert plan["relatedArtifact"][-1] == {
        "type": "derived-from",
        "resource": "https://carelearn.dk/fhir/PlanDefinition/systematic-learning-meeting|1",
    }
    derived = fhir.from_plan_definition(plan)
    assert derived == carelearn.apply_variant(BUILTIN["systematic-learning-meeting"], variant)


def test_status_codes() -> None:
    meeting = BUILTIN["systematic-learning-meeting"]
    for code in ("draft", "active", "retired", "unknown"):
        assert fhir.to_plan_definition(meeting, status=code)["status"] == code
    with pytest.raises(ValueError, match="status: 'bogus' is not an R4 publication status"):
        fhir.to_plan_definition(meeting, status="bogus")


def test_a_foreign_plan_definition_reads_as_far_as_it_maps() -> None:
    foreign = {
        "resourceType": "PlanDefinition",
        "id": "huddle",
        "status": "draft",
        "title": "Tavlemøde",
        "publisher": "Example Kommune",
        "action": [
            {
                "title": "Status",
                "timingDuration": {"value": 5, "code": "min", "system": "http://unitsofmeasure.org"},
                "trigger": [{"type": "named-event", "name": "shift-start"}],
            }
        ],
    }
    PlanDefinition.model_validate(foreign)
    with pytest.raises(carelearn.FormatError) as caught:
        fhir.from_plan_definition(foreign)
    assert caught.value.path == "/action/0/trigger"
    assert str(caught.value).startswith("<dict>:")
    assert "unsupported: \"trigger\" of an action" in str(caught.value)

    format, skipped = fhir.read_plan_definition(foreign)
    assert format.id == "huddle"
    assert format.title.da == "Tavlemøde"
    assert [s.budget for s in format.steps] == [carelearn.TimeBudget.fixed(5)]
    assert len(skipped) == 1 and "/action/0/trigger" in skipped[0]


def test_json_text_and_errors() -> None:
    text = json.dumps(fhir.to_plan_definition(BUILTIN["learning-seminar"]))
    assert fhir.from_plan_definition(text, source_name="seminar.json") == BUILTIN[
        "learning-seminar"
    ]
    with pytest.raises(carelearn.FormatError, match=r"^plan.json:1:1: \(root\): missing"):
        fhir.from_plan_definition('{"status": "active"}', source_name="plan.json")
    with pytest.raises(TypeError, match="resource: expected a dict or JSON text"):
        fhir.from_plan_definition(42)  # type: ignore[arg-type]
    with pytest.raises(TypeError, match="format: expected a Format or a Variant"):
        fhir.to_plan_definition("learning-visit")  # type: ignore[arg-type]


def test_urls() -> None:
    assert fhir.plan_definition_url("møde 2") == (
        "https://carelearn.dk/fhir/PlanDefinition/m%C3%B8de%202"
    )
    assert fhir.plan_definition_canonical(carelearn.FormatRef("learning-visit", 1)) == (
        "https://carelearn.dk/fhir/PlanDefinition/learning-visit|1"
    )
    assert fhir.questionnaire_url("learning-questions") == (
        "https://carelearn.dk/fhir/Questionnaire/learning-questions"
    )
