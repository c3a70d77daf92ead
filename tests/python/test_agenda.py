"""Agendas: planning, rendering in Danish and English, and tables."""

from __future__ import annotations

import datetime
import zoneinfo
import sys

import pytest

import carelearn

START = datetime.datetime(2026, 3, 4, 14, 0)


def test_str_is_the_english_agenda(meeting: carelearn.Format) -> None:
    agenda = carelearn.plan_agenda(meeting, 12, START)
    text = str(agenda)
    assert (
        text
        == agenda.render()
        == agenda.render("en")
        == agenda.render(carelearn.Lang.EN)
    )
    assert text.startswith("Agenda: Systematic learning meeting\n")
    assert "14:17–14:29" in text
    assert "Overrun: 3–4 min" in text
    assert "budget-overrun" in text


def test_render_in_danish_and_markdown(meeting: carelearn.Format) -> None:
    agenda = carelearn.plan_agenda(meeting, 12, START)
    danish = agenda.render(lang="da")
    assert danish.startswith("Dagsorden: Systematisk læringsmøde\n")
    assert "Overskridelse: 3–4 min" in danish
    markdown = agenda.render(lang="da", markdown=True)
    assert markdown.startswith("# Dagsorden: Systematisk læringsmøde")
    assert markdown == carelearn._core.render_markdown(agenda, carelearn.Lang.DA)
    assert agenda._repr_markdown_() == agenda.render(markdown=True)
    with pytest.raises(ValueError, match="unknown language"):
        agenda.render(lang="de")


def test_items_have_clock_times(meeting: carelearn.Format) -> None:
    agenda = meeting.plan(12, "2026-03-04T14:00")
    assert [item.step_id for item in agenda] == [step.id for step in meeting]
    first, round_ = agenda.items[0], agenda.items[3]
    assert (first.start, first.end) == (START, START + datetime.timedelta(minutes=5))
    assert round_.turns == 12
    assert round_.minutes_each == carelearn.MinuteRange(1, 1)
    assert round_.participation is carelearn.Participation.ROUND
    question_step = agenda.items[1]
    assert (
        len(question_step.prompts) == 8
    )  # the learning questions, resolved through the catalog


def test_without_a_catalog_question_sets_stay_unresolved(
    meeting: carelearn.Format,
) -> None:
    agenda = carelearn.plan_agenda(meeting, 5, START, catalog=carelearn.Catalog())
    assert agenda.items[1].prompts == ()


def test_a_step_that_is_a_format_has_children(catalog: carelearn.Catalog) -> None:
    visit = catalog["learning-visit"]
    agenda = carelearn.plan_agenda(visit, 2, datetime.datetime(2026, 3, 4, 8, 0))
    parents = [item for item in agenda.items if item.children]
    assert len(parents) == 1
    assert [c.step_id for c in parents[0].children] == [
        s.id for s in catalog["learning-visit-meeting"]
    ]


def test_start_defaults_to_the_next_quarter_hour_in_copenhagen(
    meeting: carelearn.Format,
) -> None:
    copenhagen = zoneinfo.ZoneInfo("Europe/Copenhagen")
    before = datetime.datetime.now(copenhagen).replace(tzinfo=None)
    agenda = carelearn.plan_agenda(meeting, 4)
    assert agenda.start.minute % 15 == 0
    assert before - datetime.timedelta(minutes=1) <= agenda.start
    assert agenda.start <= before + datetime.timedelta(minutes=15)


def test_an_aware_start_is_read_on_the_copenhagen_clock(meeting: carelearn.Format) -> None:
    # 13:00 UTC on 4 March 2026 is 14:00 in Copenhagen (winter time).
    aware = datetime.datetime(2026, 3, 4, 13, 0, tzinfo=datetime.UTC)
    assert carelearn.plan_agenda(meeting, 4, aware).start == START
    summer = datetime.datetime(2026, 7, 1, 12, 0, tzinfo=datetime.UTC)
    assert carelearn.plan_agenda(meeting, 4, summer).start == datetime.datetime(2026, 7, 1, 14, 0)
    with pytest.raises(TypeError, match="^start must be a datetime.datetime or an ISO 8601"):
        carelearn.plan_agenda(meeting, 4, datetime.date(2026, 3, 4))  # type: ignore[arg-type]


def test_validate_with_roles_present(meeting: carelearn.Format) -> None:
    found = carelearn.validate(meeting, participants=6, roles_present={"colleague": 5})
    missing = [d for d in found if d.code == "missing-role"]
    assert {d.path for d in missing} == {"roles[0]", "roles[1]"}
    assert all(d.severity is carelearn.Severity.ERROR for d in missing)
    assert str(missing[0]).startswith("error missing-role at roles[0]: ")
    assert carelearn.format_diagnostic(missing[0], "da").startswith(
        "error missing-role at roles[0]: "
    )
    assert missing[0].message("da") != missing[0].message("en")


def test_agenda_frame(meeting: carelearn.Format) -> None:
    import pandas as pd
    frame = carelearn.plan_agenda(meeting, 12, START).to_frame()
    assert list(frame["step_id"]) == [s.id for s in meeting]
    assert list(frame["number"]) == ["1", "2", "3", "4", "5"]
    assert frame.loc[3, "turns"] == 12
    assert frame.loc[3, "max_minutes"] == 12.0
    assert frame["start"].iloc[0] == pd.Timestamp("2026-03-04 14:00")
    assert frame["end"].iloc[-1] == pd.Timestamp("2026-03-04 14:34")
    assert str(frame["start"].dtype) == "datetime64[ns]"
    assert frame["max_minutes"].sum() == 34.0
    danish = carelearn.plan_agenda(meeting, 12, START).to_frame(lang="da")
    assert danish.loc[3, "title"].startswith("Runde")


def test_agenda_frame_flattens_sub_formats(catalog: carelearn.Catalog) -> None:
    import pandas  # noqa: F401 (a test dependency: its absence fails)
    agenda = carelearn.plan_agenda(catalog["learning-visit"], 2, START)
    frame = agenda.to_frame()
    nested = frame[frame["depth"] == 1]
    assert list(nested["number"]) == ["3.1", "3.2", "3.3"]


def test_catalog_frame(catalog: carelearn.Catalog) -> None:
    import pandas  # noqa: F401 (a test dependency: its absence fails)
    frame = catalog.to_frame()
    assert list(frame.columns)[:6] == [
        "id",
        "version",
        "title",
        "duration",
        "cadence",
        "steps",
    ]
    assert len(frame) == len(catalog)
    row = frame.set_index("id").loc["systematic-learning-meeting"]
    assert row["duration"] == "30 min"
    assert row["cadence"] == "every 2 weeks"
    assert row["steps"] == 5
    assert bool(row["standing"]) is True
    seminar = frame.set_index("id").loc["learning-seminar"]
    assert seminar["max_participants"] == 100
    assert frame.set_index("id").loc["systematic-learning-meeting", "title"] == (
        "Systematic learning meeting"
    )
    assert catalog.to_frame("da").set_index("id").loc[
        "systematic-learning-meeting", "title"
    ] == ("Systematisk læringsmøde")


def test_frames_without_pandas_say_how_to_install_it(
    monkeypatch: pytest.MonkeyPatch,
    catalog: carelearn.Catalog,
    meeting: carelearn.Format,
) -> None:
    monkeypatch.setitem(sys.modules, "pandas", None)
    with pytest.raises(ImportError, match=r"pip install carelearn\[pandas\]"):
        catalog.to_frame()
    with pytest.raises(ImportError, match=r"pip install carelearn\[pandas\]"):
        carelearn.plan_agenda(meeting, 3, START).to_frame()
