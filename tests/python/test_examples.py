"""The Python examples run, and print what the documentation says they print."""

from __future__ import annotations

import pathlib
import subprocess
import sys

EXAMPLES = pathlib.Path(__file__).resolve().parents[2] / "examples" / "python"


def run(name: str, *args: str) -> str:
    result = subprocess.run(
        [sys.executable, str(EXAMPLES / name), *args],
        check=False,
        capture_output=True,
        text=True,
        encoding="utf-8",
        timeout=120,
    )
    assert result.returncode == 0, result.stderr
    assert result.stderr == ""
    return result.stdout


def test_plan_meeting() -> None:
    out = run("plan_meeting.py")
    assert out.startswith("Systematic learning meeting: room for 8–9 participants\n")
    assert "Agenda: Systematic learning meeting" in out
    assert "14:17–14:29" in out
    assert "Overrun: 3–4 min" in out
    assert out.rstrip().endswith(
        "budget-overrun: the steps take 33–34 min for 12 participants; "
        "30 min are planned (3–4 min over)"
    )


def test_plan_meeting_in_danish_for_eight() -> None:
    out = run("plan_meeting.py", "8", "da")
    assert out.startswith("Systematisk læringsmøde: room for 8–9 participants\n")
    assert "Dagsorden: Systematisk læringsmøde" in out
    assert "budget-overrun" not in out


def test_custom_format(tmp_path: pathlib.Path) -> None:
    out = run("custom_format.py", str(tmp_path))
    lines = out.splitlines()
    assert lines[0] == "morning-huddle: 2 steps, 15 min"
    assert "saved and reloaded morning-huddle.json" in lines
    assert (tmp_path / "morning-huddle.json").is_file()
    assert "weekend-huddle extends morning-huddle" in lines
    assert "  duration: 15 min -> 10 min" in lines
    assert "  steps[overview].budget: 5 min -> 3–5 min" in lines
    assert any(
        line.startswith("  steps[learnt-yesterday]: ") and line.endswith("-> -")
        for line in lines
    )


def test_record_a_meeting() -> None:
    assert run("record_a_meeting.py").splitlines() == [
        "In the round, 0:03:00 for three people",
        "Held: 2 learning points, 1 action",
        "Found 1 session in March with an open action",
        "Exported for evaluators: redaction 'evaluator'",
        "  roles: ['facilitator', 'case-presenter', 'colleague']",
        "  learning point texts: [None, None]",
        "  action status: done",
    ]


def test_simulate_a_year() -> None:
    # The figures docs/python.md shows, from the default seed.
    assert run("simulate_a_year.py").splitlines() == [
        "1517 sessions: 1243 held, 274 cancelled",
        "cancelled for: holiday 108, no_facilitator 2, staffing 82, workload 82",
        "home-care-north held 19 of 26 learning meetings; actions: "
        "done 2, dropped 2, in_progress 5, open 2",
        "roster: 652 people, 46 moved unit",
    ]


def test_measure_a_year() -> None:
    # The figures docs/python.md shows, from the default seed.
    assert run("measure_a_year.py").splitlines() == [
        "1. learning meetings held: 244 of 312 planned",
        "2. staff reached: 535 of 616",
        "3. meetings with every step: 244 of 244",
        "4. learning hours per person: median of the units 10.4",
        "5. actions: 169 proposed, 59 done, 72 overdue",
        "6. learning-seminar: rated 3.97 of 5 (95 % interval 3.84-4.09) by 151 people",
        "7. participations in another unit's session: 7.0%",
    ]


def test_the_python_guide_shows_the_examples_as_they_are() -> None:
    guide = (EXAMPLES.parents[1] / "docs" / "python.md").read_text(encoding="utf-8")
    for example in sorted(EXAMPLES.glob("*.py")):
        code = example.read_text(encoding="utf-8")
        assert f"```python\n{code}```" in guide, (
            f"docs/python.md does not show {example.name}"
        )


def test_evaluate_sessions() -> None:
    assert run("evaluate_sessions.py").splitlines() == [
        "<SessionTables sessions=4, participants=24, steps=9, prompts=0, learning_points=3, "
        "actions=0, action_changes=0, feedback=0, notes=0>",
        "home-care-north: 100% held",
        "home-care-south: 50% held",
        "step",
        "case                5.0",
        "round              12.0",
        "learning-points     6.0",
        "[('home-care-north', 8), ('home-care-south', 10)]",
    ]
