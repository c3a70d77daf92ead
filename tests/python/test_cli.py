"""The command line, run as a user would: in a subprocess."""

from __future__ import annotations

import json
import pathlib
import shutil
import subprocess
import sys

import pytest

import carelearn


def run(*args: str, check_exit: int | None = 0) -> subprocess.CompletedProcess[str]:
    result = subprocess.run(
        [sys.executable, "-m", "carelearn", *args],
        check=False,
        capture_output=True,
        text=True,
        encoding="utf-8",
        timeout=120,
    )
    if check_exit is not None:
        assert result.returncode == check_exit, result.stderr
    return result


def test_the_console_script_is_installed() -> None:
    script = shutil.which("carelearn")
    assert script is not None
    result = subprocess.run(
        [script, "--version"], check=False, capture_output=True, text=True, timeout=60
    )
    assert result.returncode == 0
    assert result.stdout.strip() == f"carelearn {carelearn.__version__}"


def test_version() -> None:
    assert run("--version").stdout == f"carelearn {carelearn.__version__}\n"


def test_catalog_lists_the_builtin_formats() -> None:
    result = run("catalog")
    lines = result.stdout.splitlines()
    assert lines[0].split() == [
        "id",
        "version",
        "title",
        "duration",
        "cadence",
        "steps",
    ]
    meeting = next(
        line for line in lines if line.startswith("systematic-learning-meeting ")
    )
    assert "Systematic learning meeting" in meeting
    assert "30 min" in meeting and "every 2 weeks" in meeting
    assert meeting.split()[-1] == "5"
    assert len(lines) == 1 + len(carelearn.Catalog.builtin())
    assert result.stderr == ""


def test_catalog_as_json_in_danish() -> None:
    rows = json.loads(run("catalog", "--lang", "da", "--json").stdout)
    by_id = {row["id"]: row for row in rows}
    assert by_id["systematic-learning-meeting"] == {
        "id": "systematic-learning-meeting",
        "version": 1,
        "title": "Systematisk læringsmøde",
        "duration": "30 min",
        "cadence": "hver 2. uge",
        "steps": 5,
    }
    assert by_id["learning-visit"]["duration"] == "½–1 day"


def test_agenda_shows_the_overrun_and_exits_zero() -> None:
    result = run(
        "agenda",
        "systematic-learning-meeting",
        "--participants",
        "12",
        "--start",
        "2026-03-04T14:00",
        "--lang",
        "en",
    )
    out = result.stdout
    assert out.startswith("Agenda: Systematic learning meeting\n")
    assert "Participants: 12" in out
    assert "14:29–14:34" in out
    assert "Total: 33–34 min" in out
    assert "Overrun: 3–4 min" in out
    assert "budget-overrun" in out
    assert "at most 8 participants" in out


def test_agenda_in_danish_markdown() -> None:
    out = run(
        "agenda",
        "systematic-learning-meeting",
        "-n",
        "8",
        "--start",
        "2026-03-04T14:00",
        "--lang",
        "da",
        "--markdown",
    ).stdout
    assert out.startswith("# Dagsorden: Systematisk læringsmøde")
    assert "**Deltagere:** 8" in out


def test_agenda_of_a_file(tmp_path: pathlib.Path, meeting: carelearn.Format) -> None:
    mine = carelearn.Format(meeting)
    mine.id = "my-meeting"
    mine.title = carelearn.Text(da="Mit møde", en="My meeting")
    path = tmp_path / "mine.json"
    mine.save(path)
    out = run("agenda", str(path), "-n", "4", "--start", "2026-03-04T09:00").stdout
    assert out.startswith("Agenda: My meeting\n")


def test_agenda_of_a_variant_file(tmp_path: pathlib.Path) -> None:
    variant = carelearn.Variant(
        id="evening-learning-meeting",
        extends=carelearn.FormatRef("systematic-learning-meeting", 1),
        title=carelearn.Text(da="Aftenmøde", en="Evening meeting"),
        duration=carelearn.TimeBudget.fixed(20),
        changes=[carelearn.StepChange.remove("joint-reflection")],
    )
    path = tmp_path / "evening.json"
    variant.save(path)
    out = run("agenda", str(path), "-n", "4", "--start", "2026-03-04T19:00").stdout
    assert out.startswith("Agenda: Evening meeting\n")
    assert "Joint reflection" not in out


def test_agenda_of_an_unknown_format_exits_two() -> None:
    result = run("agenda", "no-such-format", "-n", "4", check_exit=2)
    assert result.stdout == ""
    assert 'unknown format "no-such-format"' in result.stderr
    assert "systematic-learning-meeting" in result.stderr


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["-n", "0"], "0 is not a positive number of participants"),
        (["-n", "many"], '"many" is not a whole number'),
        (["-n", "3", "--start", "tomorrow"], "is not a date and time"),
        (["-n", "3", "--lang", "sv"], 'unknown language "sv"'),
        ([], "--participants"),
    ],
)
def test_agenda_bad_arguments_exit_two(args: list[str], message: str) -> None:
    result = run("agenda", "systematic-learning-meeting", *args, check_exit=2)
    assert message in result.stderr
    assert result.stdout == ""


def test_agenda_of_a_broken_file_exits_two(tmp_path: pathlib.Path) -> None:
    path = tmp_path / "broken.json"
    path.write_text('{"carelearn": "format/1", "id": ', encoding="utf-8")
    result = run("agenda", str(path), "-n", "3", check_exit=2)
    assert f"{path}:1:" in result.stderr


def test_validate_good_files_exit_zero(
    tmp_path: pathlib.Path, repo: pathlib.Path
) -> None:
    result = run("validate", str(repo / "catalog" / "systematic-learning-meeting.json"))
    lines = result.stdout.splitlines()
    assert any(" info fits-at-most at duration: " in line for line in lines)
    assert all(line.startswith(str(repo / "catalog")) for line in lines)


def test_validate_reports_each_finding_and_exits_one(
    tmp_path: pathlib.Path, repo: pathlib.Path, meeting: carelearn.Format
) -> None:
    good = repo / "catalog" / "systematic-learning-meeting.json"
    broken = tmp_path / "broken.json"
    data = meeting.to_dict()
    data["steps"][1]["budjet"] = data["steps"][1].pop("budget")
    broken.write_text(json.dumps(data, indent=2), encoding="utf-8")
    result = run("validate", str(good), str(broken), check_exit=1)
    out = result.stdout
    assert f"{good}: info fits-at-most at duration: " in out
    assert f"{broken}:" in out
    broken_line = next(
        line for line in out.splitlines() if line.startswith(str(broken))
    )
    assert "/steps/1/budjet: unknown key" in broken_line
    assert broken_line.split(":")[1].isdigit() and broken_line.split(":")[2].isdigit()


def test_validate_with_participants_finds_the_overrun(repo: pathlib.Path) -> None:
    good = repo / "catalog" / "systematic-learning-meeting.json"
    result = run(
        "validate", str(good), "--participants", "12", "--lang", "da", check_exit=1
    )
    assert (
        f"{good}: error budget-overrun at duration: trinene tager 33–34 min"
        in result.stdout
    )


def test_validate_a_missing_file_exits_one(tmp_path: pathlib.Path) -> None:
    result = run("validate", str(tmp_path / "nowhere.json"), check_exit=1)
    assert "cannot read" in result.stdout


def test_without_a_command_exits_two() -> None:
    result = run(check_exit=2)
    assert result.stderr == (
        "carelearn: the following arguments are required: COMMAND (see carelearn --help)\n"
    )


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (
            ["agenda", "systematic-learning-meeting", "--participants", "1" * 30],
            f"argument --participants/-n: {'1' * 30} participants are more than the 1,000,000",
        ),
        (
            ["validate", "catalog/systematic-learning-meeting.json", "-n", "2147483648"],
            "argument --participants/-n: 2147483648 participants are more than",
        ),
        (["agenda", "systematic-learning-meeting", "-n", "3", "--start", "0001-01-01T00:00"],
         "carelearn plans in the years 1583 to 9999"),
        (["holidays", "99999999999999999999"], "the holidays are computed for the years"),
        (["schedule", "nowhere.json"], "nowhere.json: cannot read"),
    ],
)
def test_a_mistake_is_one_line_never_a_traceback(
    args: list[str], message: str, repo: pathlib.Path
) -> None:
    result = subprocess.run(
        [sys.executable, "-m", "carelearn", *args],
        check=False,
        capture_output=True,
        text=True,
        encoding="utf-8",
        timeout=120,
        cwd=repo,
    )
    assert result.returncode == 2, result.stderr
    assert result.stdout == ""
    assert len(result.stderr.splitlines()) == 1, result.stderr
    assert message in result.stderr
