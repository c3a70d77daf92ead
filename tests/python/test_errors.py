"""Errors of the C++ library arrive as carelearn.Error subclasses, with the same text."""

from __future__ import annotations

import datetime
import json
import math
import pathlib
import pickle

import pytest

import carelearn
from carelearn import (
    AlreadyExistsError,
    Error,
    Format,
    FormatError,
    LimitError,
    NotFoundError,
    VersionError,
)


def test_the_error_classes() -> None:
    assert issubclass(FormatError, Error) and issubclass(FormatError, ValueError)
    assert issubclass(NotFoundError, Error) and issubclass(NotFoundError, LookupError)
    for cls in (LimitError, VersionError, AlreadyExistsError):
        assert issubclass(cls, Error)
    assert issubclass(Error, Exception)


def test_a_misspelt_key_names_its_path_line_and_column(meeting: Format) -> None:
    data = meeting.to_dict()
    data["steps"][1]["budjet"] = data["steps"][1].pop("budget")
    with pytest.raises(FormatError) as caught:
        Format.from_dict(data)
    error = caught.value
    assert error.path == "/steps/1/budjet"
    assert error.line is not None and error.line > 1
    assert error.column is not None and error.column > 1
    text = json.dumps(data, ensure_ascii=False, indent=2)
    assert text.splitlines()[error.line - 1][error.column - 1 :].startswith('"budjet"')
    assert str(error) == (
        f'<dict>:{error.line}:{error.column}: /steps/1/budjet: unknown key "budjet"; '
        'did you mean "budget"?'
    )


def test_a_file_error_names_the_file(tmp_path: pathlib.Path, meeting: Format) -> None:
    path = tmp_path / "broken.json"
    path.write_text(
        meeting.to_json().replace('"minutes": 30', '"minutes": "30"'), "utf-8"
    )
    with pytest.raises(FormatError) as caught:
        carelearn.load(path)
    assert caught.value.path == "/duration/minutes"
    assert str(caught.value).startswith(
        f"{path}:{caught.value.line}:{caught.value.column}: "
    )
    assert str(caught.value).endswith('found the string "30"')


def test_a_truncated_document_is_a_format_error(meeting: Format) -> None:
    with pytest.raises(FormatError, match="truncated"):
        Format.from_json(meeting.to_json()[:200])


def test_a_newer_schema_is_a_version_error(meeting: Format) -> None:
    with pytest.raises(VersionError) as caught:
        Format.from_json(meeting.to_json().replace('"format/1"', '"format/2"'))
    assert caught.value.path == "/carelearn"
    assert "format/2" in str(caught.value)


def test_a_document_of_another_kind_is_a_version_error(meeting: Format) -> None:
    with pytest.raises(VersionError, match='expected a "variant/1" document'):
        carelearn.Variant.from_json(meeting.to_json())


def test_passing_a_limit_is_a_limit_error(meeting: Format) -> None:
    with pytest.raises(LimitError, match="max_depth") as caught:
        carelearn.loads(meeting.to_json(), options=carelearn.ParseOptions(max_depth=2))
    assert caught.value.path


def test_a_missing_file_is_not_found(tmp_path: pathlib.Path) -> None:
    with pytest.raises(NotFoundError, match="cannot read") as caught:
        carelearn.load(tmp_path / "nowhere.json")
    assert caught.value.path is None


def test_adding_twice_already_exists(meeting: Format) -> None:
    catalog = carelearn.Catalog()
    catalog.add(meeting)
    with pytest.raises(AlreadyExistsError, match="already in the catalog"):
        catalog.add(meeting)


def test_a_variant_of_a_missing_base_is_not_found() -> None:
    variant = carelearn.Variant(id="mine", extends=carelearn.FormatRef("nowhere", 1))
    with pytest.raises(NotFoundError, match='extends "nowhere" version 1'):
        carelearn.Catalog().add_variant(variant)


def test_a_change_to_a_missing_step_is_a_format_error(meeting: Format) -> None:
    variant = carelearn.Variant(
        id="mine",
        extends=carelearn.FormatRef("systematic-learning-meeting", 1),
        changes=[carelearn.StepChange.remove("no-such-step")],
    )
    with pytest.raises(FormatError, match=r'changes\[0\].*"no-such-step"'):
        carelearn.apply_variant(meeting, variant)


def test_planning_for_nobody_is_a_format_error(meeting: Format) -> None:
    with pytest.raises(FormatError, match="participants must be at least 1"):
        carelearn.plan_agenda(meeting, 0, "2026-03-04T14:00")


def test_a_bad_start_is_a_value_error(meeting: Format) -> None:
    with pytest.raises(ValueError, match="is not a date and time"):
        carelearn.plan_agenda(meeting, 5, "tomorrow")


def test_errors_pickle_with_their_location(meeting: Format) -> None:
    data = meeting.to_dict()
    data["titel"] = data.pop("title")
    with pytest.raises(FormatError) as caught:
        Format.from_dict(data)
    again = pickle.loads(pickle.dumps(caught.value))
    assert type(again) is FormatError
    assert (again.path, again.line, again.column) == (
        caught.value.path,
        caught.value.line,
        caught.value.column,
    )
    assert str(again) == str(caught.value)


def test_bytes_that_are_not_utf8_are_a_format_error_naming_the_byte() -> None:
    with pytest.raises(FormatError, match=r"^<json>: not UTF-8 text: invalid start byte at byte 1$"):
        carelearn.loads(b"{\xff}")
    with pytest.raises(FormatError, match=r"^mine\.json: not UTF-8 text"):
        carelearn.Format.from_json(b"\xc3", source_name="mine.json")
    with pytest.raises(TypeError, match=r"^text must be a str or UTF-8 bytes, not int$"):
        carelearn.loads(5)  # type: ignore[arg-type]


def test_a_refused_argument_is_named() -> None:
    with pytest.raises(ValueError, match=r"^Feedback\(\): rating: 2147483648 is out of range"):
        carelearn.Feedback("p", 2**31)
    with pytest.raises(TypeError, match=r"^Text\(\): da must be str, not int$"):
        carelearn.Text(da=5)  # type: ignore[arg-type]
    with pytest.raises(TypeError, match=r"^Step\(\): prompts\[1\] must be Prompt, not str$"):
        carelearn.Step(prompts=[carelearn.Prompt("a"), "b"])  # type: ignore[list-item]
    with pytest.raises(ValueError, match=r'^Text\.get\(\): lang: unknown language "sv"'):
        carelearn.Text("x").get("sv")
    with pytest.raises(ValueError, match=r"^StatusChange\(\): at: a naive datetime names no instant"):
        carelearn.StatusChange(at=datetime.datetime(2026, 3, 4, 14, 0))
    with pytest.raises(ValueError, match=r"^Recurrence\(\): start: a local time is a naive datetime"):
        carelearn.Recurrence(start=datetime.datetime(2026, 3, 4, 14, 0, tzinfo=datetime.UTC))
    with pytest.raises(ValueError, match=r"^TimeBudget\.range\(\): hi: inf is not a finite number$"):
        carelearn.TimeBudget.range(1, math.inf)
    with pytest.raises(ValueError, match=r"^participants: 1000001 is more than 1000000$"):
        carelearn.validate(carelearn.Format(), participants=1_000_001)


def test_a_time_python_cannot_hold_is_a_limit_error() -> None:
    programme = carelearn.Programme(
        units=[carelearn.OrgUnit("u")],
        entries=[
            carelearn.ProgrammeEntry(
                id="e",
                units=["u"],
                recurrence=carelearn.Recurrence(
                    start=datetime.datetime(9999, 12, 31, 23, 0),
                    duration=datetime.timedelta(hours=2),
                ),
            )
        ],
    )
    occurrences = programme.expand()
    assert len(occurrences) == 1
    with pytest.raises(LimitError, match="outside the years 1-9999"):
        programme.schedule().occurrences[0].end
    # The columns hold what datetime cannot: the end in the year 10000.
    assert str(occurrences.columns["end"][0]) == "10000-01-01T00:00:00.000000"
    with pytest.raises(LimitError, match=r"^occurrence 0: its times .* are outside the years"):
        occurrences[0]
