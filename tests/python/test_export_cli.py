"""``carelearn export SOURCE --to fhir|xapi|parquet|ics``: each target written
and read back by the library's (or an independent) reader, and every mistake
one line on stderr with exit code 2.

Posting to an LRS is tested against a real Ralph LRS in test_export_lrs.py.
"""

from __future__ import annotations

import json
import pathlib
import stat
import subprocess
import sys

import icalendar
import pandas as pd
import pytest
from fhir.resources.R4B.plandefinition import PlanDefinition
from fhir.resources.R4B.questionnaire import Questionnaire

import carelearn
import carelearn.cli
from carelearn import fhir, xapi
from test_xapi import HOME, meeting

REPO = pathlib.Path(__file__).resolve().parents[2]


def cli(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    """Runs the command line in this process: exit code, stdout, stderr."""
    code = carelearn.cli.main(["export", *argv])
    out, err = capsys.readouterr()
    return code, out, err


def mistake(capsys: pytest.CaptureFixture[str], *argv: str) -> str:
    """The one line a mistake gives, after checking the exit code is 2."""
    code, out, err = cli(capsys, *argv)
    assert code == 2, (argv, out, err)
    lines = err.splitlines()
    assert len(lines) == 1 and lines[0].startswith("carelearn export: "), err
    return lines[0].removeprefix("carelearn export: ")


@pytest.fixture()
def sessions() -> list[carelearn.Session]:
    return [meeting(f"s-{day}", day) for day in (4, 18)]


@pytest.fixture()
def store(tmp_path: pathlib.Path, sessions: list[carelearn.Session]) -> pathlib.Path:
    path = tmp_path / "learning.db"
    with carelearn.Store(path) as db:
        for s in sessions:
            db.put(s)
    return path


@pytest.fixture()
def jsonl(tmp_path: pathlib.Path, sessions: list[carelearn.Session]) -> pathlib.Path:
    path = tmp_path / "sessions.jsonl"
    carelearn.write_sessions(path, sessions)
    return path


# --- fhir ---------------------------------------------------------------------------------


def test_fhir_a_builtin_format(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = cli(capsys, "systematic-learning-meeting", "--to", "fhir")
    assert code == 0
    plan = json.loads(out)
    catalog = carelearn.Catalog.builtin()
    assert plan == fhir.to_plan_definition(catalog["systematic-learning-meeting"])
    PlanDefinition.model_validate(plan)  # the independent reader takes it
    assert fhir.from_plan_definition(plan) == catalog["systematic-learning-meeting"]
    assert err == (
        "wrote the PlanDefinition https://carelearn.dk/fhir/PlanDefinition/"
        "systematic-learning-meeting to standard output\n"
    )


def test_fhir_a_question_set_and_files(
    capsys: pytest.CaptureFixture[str], tmp_path: pathlib.Path
) -> None:
    out = tmp_path / "q.json"
    code, _, _ = cli(capsys, "learning-questions", "--to", "fhir", "--out", str(out), "--status", "draft")
    assert code == 0
    questionnaire = json.loads(out.read_text(encoding="utf-8"))
    Questionnaire.model_validate(questionnaire)
    assert questionnaire["status"] == "draft"
    assert questionnaire["item"][0]["linkId"] == "biggest-challenge"
    # A format file, and a variant file written with its lineage.
    catalog = carelearn.Catalog.builtin()
    code, text, _ = cli(capsys, str(REPO / "catalog" / "learning-visit.json"), "--to", "fhir")
    assert code == 0 and json.loads(text) == fhir.to_plan_definition(catalog["learning-visit"])
    variant = carelearn.Variant(
        id="short-meeting",
        extends=carelearn.FormatRef("systematic-learning-meeting"),
        title=carelearn.Text("Kort læringsmøde", "Short learning meeting"),
    )
    variant.save(tmp_path / "variant.json")
    code, text, _ = cli(capsys, str(tmp_path / "variant.json"), "--to", "fhir")
    assert code == 0
    plan = json.loads(text)
    assert plan["title"] == "Kort læringsmøde"
    assert "derived-from" in [a["type"] for a in plan["relatedArtifact"]]


def test_fhir_mistakes(capsys: pytest.CaptureFixture[str], store: pathlib.Path) -> None:
    assert mistake(capsys, "no-such-format", "--to", "fhir").startswith(
        'unknown format or question set "no-such-format"; the built-in formats are: '
    )
    assert mistake(capsys, str(store), "--to", "fhir") == (
        f"{store}: is a store of sessions; --to fhir exports a format or a question set"
    )
    programme = REPO / "examples" / "programmes" / "competence-module.json"
    assert mistake(capsys, str(programme), "--to", "fhir") == (
        f'{programme}:2:16: /carelearn: expected a "format/1", "variant/1" or "question-set/1" '
        'document, found "programme/1"'
    )
    assert mistake(capsys, "nowhere.json", "--to", "fhir") == "nowhere.json: no such file"
    assert mistake(capsys, "systematic-learning-meeting", "--to", "fhir", "--lrs", "https://x.example/") == (
        "--lrs applies to --to xapi, not --to fhir"
    )
    assert mistake(capsys, "systematic-learning-meeting", "--to", "pdf").startswith(
        "argument --to: invalid choice: 'pdf'"
    )


# --- xapi to a file -----------------------------------------------------------------------


@pytest.mark.parametrize("source", ["store", "jsonl"])
def test_xapi_to_a_file(
    capsys: pytest.CaptureFixture[str],
    tmp_path: pathlib.Path,
    sessions: list[carelearn.Session],
    source: str,
    request: pytest.FixtureRequest,
) -> None:
    path = request.getfixturevalue(source)
    out = tmp_path / "statements.json"
    code, _, err = cli(
        capsys, str(path), "--to", "xapi", "--home-page", HOME, "--out", str(out), "--include-text"
    )
    assert code == 0, err
    assert err == f"wrote 26 statements of 2 sessions to {out}\n"
    assert stat.S_IMODE(out.stat().st_mode) == 0o600
    written = json.loads(out.read_text(encoding="utf-8"))
    assert written == xapi.statements(sessions, home_page=HOME, include_text=True)
    # Never a file that is there already.
    assert mistake(capsys, str(path), "--to", "xapi", "--home-page", HOME, "--out", str(out)).endswith(
        "statements.json: exists; choose a new file"
    )


def test_xapi_mistakes(
    capsys: pytest.CaptureFixture[str], store: pathlib.Path, tmp_path: pathlib.Path
) -> None:
    assert mistake(capsys, str(store), "--to", "xapi").startswith(
        "--to xapi needs --home-page IRI: the system whose pseudonyms"
    )
    assert mistake(capsys, str(store), "--to", "xapi", "--home-page", "p-1", "--out", "-") == (
        "XapiOptions::home_page: expected an absolute http(s) IRI naming the system of the "
        'pseudonyms, found "p-1"'
    )
    assert mistake(
        capsys, str(store), "--to", "xapi", "--home-page", HOME, "--lrs", "https://lrs.example/xAPI/"
    ).startswith("--lrs needs --credentials FILE")
    assert mistake(capsys, str(store), "--to", "xapi", "--home-page", HOME, "--cursor", "c") == (
        "--cursor applies to posting: give --lrs URL"
    )
    assert mistake(capsys, str(store), "--to", "xapi", "--home-page", HOME, "--lrs", "ftp://x") == (
        'argument --lrs: "ftp://x" is not an http(s) URL such as https://lrs.example/xAPI/ '
        "(see carelearn export --help)"
    )
    bad = tmp_path / "bad.jsonl"
    bad.write_text('{"carelearn": "session/1", "id": 3}\n', encoding="utf-8")
    assert mistake(capsys, str(bad), "--to", "xapi", "--home-page", HOME).startswith(
        f"{bad}:1:"
    )
    document = REPO / "catalog" / "learning-visit.json"
    assert mistake(capsys, str(document), "--to", "xapi", "--home-page", HOME) == (
        f"{document}: is a JSON document, not JSON Lines; --to xapi exports the sessions "
        "of a store or a session/1 JSON Lines file"
    )


# --- parquet ------------------------------------------------------------------------------


@pytest.mark.parametrize("source", ["store", "jsonl"])
@pytest.mark.parametrize("partition", [[], ["--partition-by", "year"]])
def test_parquet(
    capsys: pytest.CaptureFixture[str],
    tmp_path: pathlib.Path,
    source: str,
    partition: list[str],
    request: pytest.FixtureRequest,
) -> None:
    path = request.getfixturevalue(source)
    out = tmp_path / "tables"
    code, _, err = cli(capsys, str(path), "--to", "parquet", "--out", str(out), "--free-text", *partition)
    assert code == 0, err
    layout = "partitioned by year" if partition else "one file per table"
    assert err == f"wrote the tables of 2 sessions to {out} ({layout})\n"
    back = carelearn.read_parquet(out)
    tables = (
        carelearn.read_tables(carelearn.Store(path, read_only=True), free_text=True)
        if source == "store"
        else carelearn.read_tables(path, free_text=True)
    )
    for name in carelearn.SessionTables.TABLE_NAMES:
        pd.testing.assert_frame_equal(back.frame(name), tables.table(name).to_pandas())
    # Only the text that is not confidential: "Fru Hansen fell." is.
    assert back.learning_points["text"].tolist()[:2] == ["Check the shoes first.", None] or (
        back.learning_points["text"].isna().tolist()[:2] == [False, True]
    )
    assert mistake(capsys, str(path), "--to", "parquet", "--out", str(out)).startswith(
        f"{out}: the folder is not empty"
    )


def test_parquet_skips_bad_lines_when_asked(
    capsys: pytest.CaptureFixture[str], tmp_path: pathlib.Path, jsonl: pathlib.Path
) -> None:
    lines = jsonl.read_text(encoding="utf-8").splitlines()
    bad = tmp_path / "bad.jsonl"
    bad.write_text("\n".join([lines[0], "{not json", lines[1]]) + "\n", encoding="utf-8")
    message = mistake(capsys, str(bad), "--to", "parquet", "--out", str(tmp_path / "a"))
    assert message.startswith(f"{bad}:2:2: ")
    assert not (tmp_path / "a").exists()
    code, _, err = cli(
        capsys, str(bad), "--to", "parquet", "--out", str(tmp_path / "b"), "--on-error", "skip"
    )
    assert code == 0
    warning, done = err.splitlines()
    assert warning.startswith(f"carelearn export: warning: skipped 1 bad lines; the first: {bad}:2:2: ")
    assert done == f"wrote the tables of 2 sessions to {tmp_path / 'b'} (one file per table)"
    assert len(carelearn.read_parquet(tmp_path / "b")) == 2


def test_parquet_mistakes(
    capsys: pytest.CaptureFixture[str], store: pathlib.Path, tmp_path: pathlib.Path
) -> None:
    assert mistake(capsys, str(store), "--to", "parquet") == (
        "--to parquet needs --out FOLDER: the tables are files in a folder"
    )
    assert mistake(
        capsys, str(store), "--to", "parquet", "--out", str(tmp_path / "t"), "--confidential-text"
    ) == "--confidential-text needs --free-text: confidential text is free text"
    assert mistake(
        capsys, str(store), "--to", "parquet", "--out", str(tmp_path / "t"), "--on-error", "skip"
    ) == "--on-error applies to a JSON Lines file; a store has no bad lines"
    assert mistake(capsys, str(tmp_path), "--to", "parquet", "--out", "t") == (
        f"{tmp_path}: is a folder, not a file"
    )
    assert mistake(capsys, "-", "--to", "parquet", "--out", "t") == (
        "SOURCE: export reads a file, not standard input"
    )
    assert mistake(capsys, str(store), "--to", "parquet", "--out", str(tmp_path / "no" / "t")) == (
        f"{tmp_path / 'no'}: no such folder to write the Parquet tables in"
    )


# --- ics ----------------------------------------------------------------------------------


def _without_stamps(text: str) -> list[str]:
    return [line for line in text.split("\r\n") if not line.startswith("DTSTAMP:")]


def test_ics_a_programme(capsys: pytest.CaptureFixture[str], tmp_path: pathlib.Path) -> None:
    path = REPO / "examples" / "programmes" / "competence-module.json"
    out = tmp_path / "module.ics"
    code, _, err = cli(
        capsys, str(path), "--to", "ics", "--out", str(out), "--from", "2021-09-01",
        "--until", "2022-07-01", "--expanded", "--lang", "en",
    )
    assert code == 0, err
    text = out.read_bytes().decode("utf-8")
    programme = carelearn.Programme.load(path)
    expected = programme.to_ics(expanded=True, start="2021-09-01", end="2022-07-01", lang="en")
    assert _without_stamps(text) == _without_stamps(expected)
    events = icalendar.Calendar.from_ical(text).walk("VEVENT")
    assert err == f"wrote {len(events)} events to {out}\n"
    assert len(events) == len(programme.expand("2021-09-01", "2022-07-01"))
    # To standard output, in Danish, one event per series, the window by default.
    code, stdout, _ = cli(capsys, str(path), "--to", "ics")
    assert code == 0 and stdout.startswith("BEGIN:VCALENDAR\r\n")


def test_ics_mistakes(capsys: pytest.CaptureFixture[str], store: pathlib.Path) -> None:
    assert mistake(capsys, str(store), "--to", "ics") == (
        f"{store}: is a store of sessions; --to ics exports a programme"
    )
    path = REPO / "examples" / "programmes" / "competence-module.json"
    assert mistake(capsys, str(path), "--to", "ics", "--from", "2022-01-01", "--until", "2021-01-01") == (
        "--to 2021-01-01 is not after --from 2022-01-01"
    )
    document = REPO / "catalog" / "learning-visit.json"
    assert mistake(capsys, str(document), "--to", "ics").startswith(f"{document}:")
    assert mistake(capsys, str(path), "--to", "fhir", "--expanded") == (
        "--expanded applies to --to ics, not --to fhir"
    )


def test_export_runs_as_a_command(tmp_path: pathlib.Path) -> None:
    result = subprocess.run(
        [sys.executable, "-m", "carelearn", "export", "learning-questions", "--to", "fhir"],
        check=False,
        capture_output=True,
        text=True,
        encoding="utf-8",
        timeout=120,
    )
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout)["resourceType"] == "Questionnaire"
    assert "export" in carelearn.cli.commands()
