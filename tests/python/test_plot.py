"""carelearn.plot: each figure draws what its frame says — the artists'
count and heights checked against small frames worked out by hand — on
the Agg backend, on a given Axes or a new one, with title and labels."""

from __future__ import annotations

import matplotlib

matplotlib.use("Agg")

import math  # noqa: E402
from collections.abc import Iterator  # noqa: E402

import matplotlib.pyplot as plt  # noqa: E402
import numpy as np  # noqa: E402
import pandas as pd  # noqa: E402
import pytest  # noqa: E402
from matplotlib.collections import LineCollection  # noqa: E402

import carelearn  # noqa: E402
import carelearn.metrics as cm  # noqa: E402
import carelearn.plot as cp  # noqa: E402

from test_metrics import fixture_sessions  # noqa: E402


@pytest.fixture(autouse=True)
def close_figures() -> Iterator[None]:
    yield
    plt.close("all")


def days(*labels: str) -> list[pd.Timestamp]:
    return [pd.Timestamp(label) for label in labels]


def test_cadence_draws_a_line_per_unit() -> None:
    frame = pd.DataFrame(
        {
            "unit": ["a", "a", "a", "b", "b"],
            "format": ["m", "v", "m", "m", "m"],
            "period_start": days("2026-03-01", "2026-03-01", "2026-04-01", "2026-03-01", "2026-04-01"),
            "planned": [2, 2, 2, 0, 4],
            "held": [2, 1, 1, 1, 1],
        }
    )
    _, given = plt.subplots()
    ax = cp.cadence(frame, ax=given)
    assert ax is given
    lines = ax.get_lines()
    assert [line.get_label() for line in lines] == ["a", "b"]
    # a: March (2 + 1) / (2 + 2), April 1 / 2; b: March nothing planned (a gap), April 1 / 4
    assert list(lines[0].get_ydata()) == [0.75, 0.5]
    b = lines[1].get_ydata()
    assert math.isnan(b[0]) and b[1] == 0.25
    assert ax.get_title() == "Cadence: planned meetings held"
    assert ax.get_ylabel() == "adherence (held / planned)"
    only = cp.cadence(frame, units=["b"])
    assert [line.get_label() for line in only.get_lines()] == ["b"]
    with pytest.raises(ValueError, match='units: "c"'):
        cp.cadence(frame, units=["c"])


def test_step_minutes_draws_a_bar_per_step_against_the_budget() -> None:
    frame = pd.DataFrame(
        {
            "format": ["m", "m", "m", "m", "other"],
            "step": ["case", "round", "case", "round", "x"],
            "position": [0, 1, 0, 1, 0],
            "held": [1, 2, 3, 0, 5],
            "minutes_mean": [4.0, 12.0, 8.0, math.nan, 1.0],
            "budget_min_mean": [5.0, 10.0, 5.0, math.nan, 1.0],
            "budget_max_mean": [5.0, 14.0, 5.0, math.nan, 1.0],
        }
    )
    ax = cp.step_minutes(frame, format="m")
    bars = ax.patches
    # case: (4 * 1 + 8 * 3) / 4 = 7; round: 12 (the row held 0 times does not count)
    assert [bar.get_height() for bar in bars] == [7.0, 12.0]
    assert [t.get_text() for t in ax.get_xticklabels()] == ["case", "round"]
    budgets = [c for c in ax.collections if isinstance(c, LineCollection)]
    assert len(budgets) == 2
    assert [seg[0][1] for seg in budgets[1].get_segments()] == [5.0, 14.0]  # the maxima
    assert ax.get_title() == "Step minutes against budget: m"
    with pytest.raises(ValueError, match='no held step of "n"'):
        cp.step_minutes(frame, format="n")


def test_the_action_funnel_sums_the_rows() -> None:
    frame = pd.DataFrame(
        {"actions": [4, 6], "started": [2, 3], "done": [2, 1], "dropped": [1, 0]}
    )
    ax = cp.action_funnel(frame)
    assert [bar.get_height() for bar in ax.patches] == [10, 5, 3, 1]
    assert [t.get_text() for t in ax.get_xticklabels()] == ["proposed", "started", "done", "dropped"]
    assert ax.get_ylabel() == "actions"


def test_reach_by_profession_in_the_latest_period_skipping_withheld_cells() -> None:
    frame = pd.DataFrame(
        {
            "unit": ["a", "a", "b", "b", "a"],
            "profession": ["nurse", "assistant", "nurse", "assistant", "nurse"],
            "period": ["2026-Q2", "2026-Q2", "2026-Q2", "2026-Q2", "2026-Q1"],
            "period_start": days("2026-04-01", "2026-04-01", "2026-04-01", "2026-04-01", "2026-01-01"),
            "staff": pd.array([10, 6, 5, None, 8], dtype="Int64"),
            "reached": pd.array([5, 3, 5, None, 8], dtype="Int64"),
        }
    )
    ax = cp.reach_by_profession(frame)
    widths = {t.get_text(): bar.get_width() for t, bar in zip(ax.get_yticklabels(), ax.patches)}
    # Q2: nurses (5 + 5) / (10 + 5); assistants 3 / 6 (b's cell withheld)
    assert widths == pytest.approx({"assistant": 0.5, "nurse": 10 / 15})
    assert ax.get_title() == "Staff reached by profession, 2026-Q2"
    q1 = cp.reach_by_profession(frame, period="2026-Q1")
    assert [bar.get_width() for bar in q1.patches] == [1.0]
    with pytest.raises(ValueError, match='period: "2025-Q4"'):
        cp.reach_by_profession(frame, period="2025-Q4")


def test_the_circle_matrix_is_participant_by_host() -> None:
    frame = pd.DataFrame(
        {
            "period": ["2026-03", "2026-03", "2026-04", "2026-04"],
            "period_start": days("2026-03-01", "2026-03-01", "2026-04-01", "2026-04-01"),
            "participant_unit": ["a", "b", "a", "b"],
            "host_unit": ["a", "a", "a", "b"],
            "people": pd.array([3, None, 2, 3], dtype="Int64"),
            "participations": [5, 1, 3, 3],
        }
    )
    ax = cp.circle_matrix(frame)
    image = ax.get_images()[0].get_array()
    # summed over the months; nobody of a in b's sessions
    np.testing.assert_array_equal(np.ma.filled(image, -1), [[8, -1], [1, 3]])
    assert [t.get_text() for t in ax.get_yticklabels()] == ["a", "b"]
    people = cp.circle_matrix(frame, value="people", period="2026-03")
    cells = np.ma.filled(people.get_images()[0].get_array(), -1)
    assert cells[0, 0] == 3 and cells[1, 0] == -1  # withheld: blank
    assert people.get_title() == "Learning circles: people, 2026-03"


def test_figures_from_the_tables_themselves() -> None:
    tables = carelearn.tables_from_sessions(fixture_sessions())
    ax = cp.action_funnel(tables)
    assert [bar.get_height() for bar in ax.patches] == [4, 2, 2, 1]
    ax = cp.step_minutes(tables)
    assert [bar.get_height() for bar in ax.patches] == [5.5, 10, 2, 3, 6]
    assert len(cp.cadence(tables).get_lines()) == 2  # no programme: adherence is a gap


def test_bad_arguments_are_named() -> None:
    with pytest.raises(TypeError, match="data must be a DataFrame"):
        cp.action_funnel([1, 2])  # type: ignore[arg-type]
    with pytest.raises(ValueError, match="no column started"):
        cp.action_funnel(pd.DataFrame({"actions": [1], "done": [1], "dropped": [0]}))
    with pytest.raises(TypeError, match="ax must be"):
        cp.action_funnel(
            pd.DataFrame({"actions": [1], "started": [1], "done": [1], "dropped": [0]}),
            ax="left",  # type: ignore[arg-type]
        )
    with pytest.raises(ValueError, match="not split by profession"):
        cp.reach_by_profession(
            pd.DataFrame(
                {"profession": [""], "period": ["2026-03"], "period_start": days("2026-03-01"),
                 "staff": [5], "reached": [5]}
            )
        )
    tables = carelearn.tables_from_sessions(fixture_sessions())
    with pytest.raises(ValueError, match="roster"):
        cp.reach_by_profession(tables)
    assert cm.Roster is not None
