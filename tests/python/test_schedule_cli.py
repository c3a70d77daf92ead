"""``carelearn schedule`` and ``carelearn holidays``, run as a user would: in a subprocess."""

from __future__ import annotations

import csv
import io
import json
import pathlib
import subprocess
import sys

EXAMPLES = pathlib.Path(__file__).resolve().parents[2] / "examples" / "programmes"
MODULE = EXAMPLES / "competence-module.json"
NETWORK = EXAMPLES / "cross-municipal-network.json"


def run(*args: str, exit_code: int = 0) -> subprocess.CompletedProcess[str]:
    result = subprocess.run(
        [sys.executable, "-m", "carelearn", *args],
        check=False,
        capture_output=True,
        text=True,
        encoding="utf-8",
        timeout=120,
    )
    assert result.returncode == exit_code, result.stderr
    return result


def sections(text: str) -> list[list[str]]:
    """The output's sections: lists of lines separated by an empty line."""
    return [block.splitlines() for block in text.strip("\n").split("\n\n")]


def test_schedule_prints_occurrences_conflicts_and_hours() -> None:
    out = run("schedule", str(MODULE), "--from", "2018-09-01", "--to", "2019-02-01").stdout
    occurrences, conflicts, hours = sections(out)
    assert occurrences[0] == "Occurrences from 2018-09-01 up to 2019-02-01 (Europe/Copenhagen)"
    assert occurrences[1].split() == ["date", "day", "start", "end", "unit", "title", "people"]
    teaching = [line for line in occurrences[2:] if "Teaching day" in line]
    assert len(teaching) == 8
    assert teaching[0].split()[:4] == ["2018-09-05", "Wed", "09:00", "15:00"]
    assert teaching[-1].startswith("2019-01-09  Wed  09:00  15:00  Center for Netværk")
    assert teaching[-1].split()[-1] == "21"
    assert len(occurrences[2:]) == 8 + 19  # and one reading slot in each open week
    assert conflicts == ["Conflicts", "none"]
    assert hours[0] == "Planned hours per unit and month"
    assert hours[1].split() == ["unit", "month", "sessions", "hours", "person-hours"]
    september = hours[2].split()
    assert september == ["Center", "for", "Netværk", "2018-09", "6", "20", "420"]


def test_schedule_in_danish() -> None:
    out = run("schedule", str(MODULE), "--lang", "da").stdout
    # The default window: a year from the programme's first start.
    assert out.startswith("Forekomster fra 2018-09-03 til 2019-09-03 (Europe/Copenhagen)\n")
    assert "2018-09-05  ons  09:00  15:00  Center for Netværk  Undervisningsdag" in out
    assert "\nKonflikter\ningen\n" in out
    assert "Planlagte timer pr. enhed og måned" in out


def test_schedule_reports_the_seminar_day_conflicts() -> None:
    out = run("schedule", str(NETWORK), "--from", "2021-09-01", "--to", "2022-07-01").stdout
    conflicts = sections(out)[1]
    assert conflicts[0] == "Conflicts"
    assert len(conflicts) == 1 + 10
    assert conflicts[1] == (
        "2021-10-26  Egely care centre: on a seminar day: Learning seminar 09:00–15:00 and "
        "Systematic learning meeting 14:00–14:30"
    )


def test_schedule_as_csv() -> None:
    out = run(
        "schedule", str(NETWORK), "--from", "2021-09-01", "--to", "2022-07-01", "--csv"
    ).stdout
    blocks = out.strip("\n").split("\n\n")
    assert len(blocks) == 3
    occurrences = list(csv.DictReader(io.StringIO(blocks[0])))
    conflicts = list(csv.DictReader(io.StringIO(blocks[1])))
    hours = list(csv.DictReader(io.StringIO(blocks[2])))
    seminars = [row for row in occurrences if row["entry"] == "seminars"]
    assert [row["start"] for row in seminars] == [
        "2021-10-26T09:00:00+02:00",
        "2022-03-22T09:00:00+01:00",
        "2022-05-17T09:00:00+02:00",
    ]
    assert seminars[0]["expected_people"] == "100"
    assert seminars[0]["title"] == "Learning seminar"
    assert len(conflicts) == 10
    assert {row["kind"] for row in conflicts} == {"seminar-day"}
    assert conflicts[0]["first_entry"] == "seminars"
    egely = [row for row in hours if row["unit"] == "egely"]
    assert [row["month"] for row in egely][:2] == ["2021-09", "2021-10"]


def test_schedule_writes_icalendar(tmp_path: pathlib.Path) -> None:
    ics = tmp_path / "module.ics"
    result = run("schedule", str(MODULE), "--ics", str(ics))
    text = ics.read_bytes().decode("utf-8")
    assert text.startswith("BEGIN:VCALENDAR\r\n")
    assert "RRULE:FREQ=WEEKLY;INTERVAL=2;COUNT=10\r\n" in text
    assert result.stderr == f"wrote 2 events: {ics}\n"
    # The occurrences are not printed; the conflicts and hours still are.
    assert result.stdout.startswith("Conflicts\nnone\n")
    expanded = tmp_path / "expanded.ics"
    result = run(
        "schedule", str(MODULE), "--from", "2018-09-01", "--to", "2019-02-01",
        "--ics", str(expanded), "--expanded",
    )
    assert expanded.read_bytes().count(b"BEGIN:VEVENT") == 27
    assert result.stderr == f"wrote 27 events: {expanded}\n"


def test_schedule_errors_name_the_file_line_column_and_pointer(tmp_path: pathlib.Path) -> None:
    document = json.loads(MODULE.read_text(encoding="utf-8"))
    document["entries"][1]["recurrence"]["rrule"] = document["entries"][1]["recurrence"].pop(
        "rule"
    )
    path = tmp_path / "plan.json"
    path.write_text(json.dumps(document, indent=2, ensure_ascii=False), encoding="utf-8")
    result = run("schedule", str(path), exit_code=2)
    assert result.stdout == ""
    line = next(
        number for number, text in enumerate(path.read_text().splitlines(), 1) if '"rrule"' in text
    )
    assert result.stderr == (
        f"carelearn schedule: {path}:{line}:9: /entries/1/recurrence/rrule: "
        'unknown key "rrule"; did you mean "rule"?\n'
    )
    missing = run("schedule", str(tmp_path / "missing.json"), exit_code=2)
    assert "missing.json: cannot read: No such file or directory" in missing.stderr
    bad_dates = run("schedule", str(MODULE), "--from", "2019-01-01", "--to", "2018-01-01",
                    exit_code=2)
    assert bad_dates.stderr == "carelearn schedule: --to 2018-01-01 is not after --from 2019-01-01\n"
    assert "is not a date" in run("schedule", str(MODULE), "--from", "1 May", exit_code=2).stderr
    lonely = run("schedule", str(MODULE), "--expanded", exit_code=2)
    assert "--expanded applies to --ics" in lonely.stderr


def test_schedule_reports_an_expansion_error_with_the_file(tmp_path: pathlib.Path) -> None:
    document = json.loads(MODULE.read_text(encoding="utf-8"))
    document["entries"][0]["recurrence"]["moves"] = [
        {"original": "2018-09-06T09:00", "start": "2018-09-07T09:00"}
    ]
    path = tmp_path / "moved.json"
    path.write_text(json.dumps(document, ensure_ascii=False), encoding="utf-8")
    result = run("schedule", str(path), exit_code=2)
    assert result.stderr.startswith(f"carelearn schedule: {path}: entries[0] \"sessions\": ")
    assert "2018-09-06T09:00" in result.stderr


def test_holidays() -> None:
    lines = run("holidays", "2023").stdout.splitlines()
    assert lines[0].split() == ["date", "day", "id", "name"]
    assert len(lines) == 1 + 11
    assert "2023-05-05  Fri  great-prayer-day  Great Prayer Day" in lines
    danish = run("holidays", "2026", "--lang", "da", "--common-days-off").stdout.splitlines()
    assert len(danish) == 1 + 13
    assert "2026-04-06  man  easter-monday     2. påskedag" in danish
    assert any(line.startswith("2026-12-24  tor  christmas-eve") for line in danish)
    assert "1583 to 9999" in run("holidays", "1200", exit_code=2).stderr
    assert "is not a year" in run("holidays", "next", exit_code=2).stderr


def test_schedule_in_a_fixed_offset_zone(tmp_path: pathlib.Path) -> None:
    document = json.loads(MODULE.read_text(encoding="utf-8"))
    for entry in document["entries"]:
        entry["recurrence"]["time_zone"] = "Fixed/UTC+01:00:00"
    path = tmp_path / "fixed.json"
    path.write_text(json.dumps(document, ensure_ascii=False), encoding="utf-8")
    result = run("schedule", str(path), "--from", "2018-09-01", "--to", "2018-09-10", "--csv")
    rows = list(csv.reader(io.StringIO(sections(result.stdout)[0][1] + "\n")))
    assert rows[0][4:6] == ["2018-09-03T08:00:00+01:00", "2018-09-03T10:00:00+01:00"]
    text = run("schedule", str(path), "--from", "2018-09-01", "--to", "2018-09-10").stdout
    assert "(Fixed/UTC+01:00:00)" in text.splitlines()[0]


def test_a_programme_in_the_year_9999_needs_an_end(tmp_path: pathlib.Path) -> None:
    document = json.loads(MODULE.read_text(encoding="utf-8"))
    for entry in document["entries"]:
        entry["recurrence"]["start"] = "9999-12-31T09:00"
        entry["recurrence"].pop("rule", None)
    path = tmp_path / "late.json"
    path.write_text(json.dumps(document, ensure_ascii=False), encoding="utf-8")
    result = run("schedule", str(path), exit_code=2)
    assert result.stderr == (
        f"carelearn schedule: {path}: the programme starts in 9999; give --to "
        "(carelearn plans up to the end of 9999)\n"
    )
    assert run("schedule", str(path), "--to", "10000-01-01", exit_code=2).stderr.count("\n") == 1
