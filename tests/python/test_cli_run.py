"""`carelearn run` and `carelearn sessions`, run as a user would: in a
subprocess, the facilitator's commands scripted on standard input, on a fake
clock so that nothing sleeps."""

from __future__ import annotations

import datetime
import json
import os
import pathlib
import re
import subprocess
import sys

import pytest

import carelearn

KEY = bytes(range(32))
STUDY_KEY = bytes(range(64, 96))

MEETING_SCRIPT = """\
# A systematic learning meeting, as the facilitator types it.
case difficult-conversation --citizen 0101901234
wait 5
next
question biggest-challenge
question do-differently
wait 9m
next
lp Ask the relative first.
lp --confidential --author bo Mrs Jensen at Skovvej 3 needs a call.
wait 90s
next
wait 1
pass
note --kind reflection "We wait too long to call."
wait 1:30
next
action Fixed call with relatives --owner leader --due 2026-04-01
action "Update the checklist" --owner anna
wait 4
finish
"""


def carelearn_cli(
    *args: str, stdin: str = "", cwd: pathlib.Path | None = None
) -> subprocess.CompletedProcess[str]:
    env = dict(os.environ)
    env.pop("CARELEARN_CLOCK", None)
    return subprocess.run(
        [sys.executable, "-m", "carelearn", *args],
        input=stdin,
        check=False,
        capture_output=True,
        text=True,
        encoding="utf-8",
        timeout=120,
        cwd=cwd,
        env=env,
    )


@pytest.fixture()
def key_file(tmp_path: pathlib.Path) -> pathlib.Path:
    """The organisation's key, as hex, readable by its owner only."""
    path = tmp_path / "org.key"
    path.write_text(KEY.hex() + "\n", encoding="ascii")
    path.chmod(0o600)
    return path


@pytest.fixture()
def study_key_file(tmp_path: pathlib.Path) -> pathlib.Path:
    """The evaluation's own key, as raw bytes."""
    path = tmp_path / "study.key"
    path.write_bytes(STUDY_KEY)
    path.chmod(0o600)
    return path


def run_meeting(
    store: pathlib.Path,
    key_file: pathlib.Path,
    script: str = MEETING_SCRIPT,
    *extra: str,
    format: str = "systematic-learning-meeting",
) -> subprocess.CompletedProcess[str]:
    return carelearn_cli(
        "run",
        format,
        "--store",
        str(store),
        "--unit",
        "home-care-north",
        "--participant",
        "anna:facilitator:nurse:day",
        "-p",
        "bo:case-presenter",
        "-p",
        "carl:colleague:social-and-health-assistant:evening",
        "--key-file",
        str(key_file),
        "--clock",
        "fake",
        "--start",
        "2026-03-04T14:00",
        *extra,
        stdin=script,
    )


def test_a_scripted_meeting_is_run_and_saved(
    tmp_path: pathlib.Path, key_file: pathlib.Path
) -> None:
    store = tmp_path / "learning.db"
    result = run_meeting(store, key_file)
    assert result.returncode == 0, result.stderr
    assert result.stderr == ""
    out = result.stdout.splitlines()
    session_id = out[-1]
    assert len(session_id) == 32
    assert out[-2] == f"Saved to {store} as session:"
    assert "Finished. Learning points: 2, actions: 2, notes: 1." in out
    # The agenda, step by step, with its questions and the time left.
    assert out[0] == "Systematic learning meeting for home-care-north"
    assert any(
        line.startswith("Step 2 of 5: Colleagues ask learning questions (10 min")
        for line in out
    )
    assert "    [biggest-challenge] What was the biggest challenge?" in out
    assert "Time left: 5:00 in this step, 30:00 in the meeting" in out
    assert (
        "Time left: 1:00 in this step, 16:00 in the meeting" in out
    )  # after 9 of 10 min
    # "anna" is a first name: the runner never shows it back, only its mask.
    assert any(
        re.fullmatch(r"Round: masked-[0-9a-f]{24} has the word \(1:00 left\); then bo, carl", line)
        for line in out
    )
    assert not any("anna" in line for line in out)
    assert "Round: carl has the word (1:00 left)" in out  # bo passed on by `pass`

    pseudonymiser = carelearn.Pseudonymiser(KEY)
    with carelearn.Store(store, read_only=True) as db:
        session = db.get(session_id)
    assert session.unit == "home-care-north"
    assert session.planned_start.isoformat() == "2026-03-04T13:00:00+00:00"
    assert [p.id for p in session.participants] == [
        pseudonymiser.staff("anna"),
        pseudonymiser.staff("bo"),
        pseudonymiser.staff("carl"),
    ]
    assert session.participants[2].shift is carelearn.Shift.EVENING
    assert session.presented_case == carelearn.Case(
        "difficult-conversation", pseudonymiser.citizen("0101901234")
    )
    assert [p.question_id for p in session.prompts] == [
        "biggest-challenge",
        "do-differently",
    ]
    assert [lp.text for lp in session.learning_points] == [
        "Ask the relative first.",
        "Mrs Jensen at Skovvej 3 needs a call.",
    ]
    assert session.learning_points[1].confidential
    assert session.learning_points[1].author == pseudonymiser.staff("bo")
    assert session.notes[0].kind is carelearn.NoteKind.REFLECTION
    assert [(a.owner, a.due) for a in session.actions] == [
        ("leader", datetime.date(2026, 4, 1)),
        (pseudonymiser.staff("anna"), None),
    ]
    assert session.actual_end is not None and session.actual_start is not None
    assert (session.actual_end - session.actual_start).total_seconds() == 22 * 60
    # No direct identifier reached the store.
    data = store.read_bytes() + pathlib.Path(f"{store}-wal").read_bytes()
    for direct in (b"anna", b"carl", b"0101901234", KEY.hex().encode()):
        assert direct not in data


def test_a_session_with_error_findings_is_saved_with_exit_code_1(
    tmp_path: pathlib.Path, key_file: pathlib.Path
) -> None:
    store = tmp_path / "learning.db"
    script = "next\nnext\nlp One thing we learnt.\nlp Another.\nfinish\n"
    result = carelearn_cli(
        "run",
        "learning-visit",
        "--store",
        str(store),
        "-p",
        "anna:learning-agent",
        "-p",
        "bo:host-colleague",
        "--key-file",
        str(key_file),
        "--clock",
        "fake",
        stdin=script,
    )
    assert result.returncode == 1, result.stderr
    assert (
        "  ! error too-few-learning-points at learning_points: "
        "learning points: exactly 3 asked for, 2 recorded"
    ) in result.stdout
    session_id = result.stdout.splitlines()[-1]
    with carelearn.Store(store) as db:
        assert len(db.get(session_id).learning_points) == 2


def test_a_fourth_learning_point_is_refused_not_a_crash(
    tmp_path: pathlib.Path, key_file: pathlib.Path
) -> None:
    script = "next\nnext\nlp One.\nlp Two.\nlp Three.\nlp Four.\nfinish\n"
    result = carelearn_cli(
        "run",
        "learning-visit",
        "--store",
        str(tmp_path / "x.db"),
        "-p",
        "anna:learning-agent",
        "-p",
        "bo:host-colleague",
        "--key-file",
        str(key_file),
        "--clock",
        "fake",
        "--lang",
        "da",
        stdin=script,
    )
    assert result.returncode == 0, result.stderr
    assert "Ikke noteret:" in result.stdout
    assert "too-many-learning-points" in result.stdout
    assert "Afsluttet. Læringspointer: 3, handlinger: 0, noter: 0." in result.stdout


def test_a_cancelled_session_is_saved(
    tmp_path: pathlib.Path, key_file: pathlib.Path
) -> None:
    store = tmp_path / "learning.db"
    result = run_meeting(
        store, key_file, "wait 3\ncancel workload An emergency call.\n"
    )
    assert result.returncode == 0, result.stderr
    assert "Cancelled (workload)." in result.stdout
    with carelearn.Store(store) as db:
        (session,) = db.sessions()
    assert session.cancellation == carelearn.Cancellation(
        carelearn.CancelReason.WORKLOAD, "An emergency call."
    )


def test_actions_feedback_and_a_cancellation_can_be_marked_confidential(
    tmp_path: pathlib.Path, key_file: pathlib.Path
) -> None:
    store = tmp_path / "learning.db"
    script = (
        "next\nnext\nnext\nnext\n"  # to the joint reflection
        "action --confidential Skift låsen hos 010203-1234 --owner leader\n"
        "action En tjekliste\n"
        "feedback --confidential carl 2 Borgeren 010203-1234 fyldte for meget\n"
        "feedback bo 5 Godt\n"
        "cancel --confidential workload Akut hos 010203-1234\n"
    )
    result = run_meeting(store, key_file, script, "--keep-misfits")
    assert "Cancelled (workload)." in result.stdout, result.stderr
    with carelearn.Store(store) as db:
        (session,) = db.sessions()
    assert [(a.text, a.owner, a.confidential) for a in session.actions] == [
        ("Skift låsen hos 010203-1234", "leader", True),
        ("En tjekliste", "", False),
    ]
    assert [(f.rating, f.comment, f.confidential) for f in session.feedback] == [
        (2, "Borgeren 010203-1234 fyldte for meget", True),
        (5, "Godt", False),
    ]
    assert session.cancellation == carelearn.Cancellation(
        carelearn.CancelReason.WORKLOAD, "Akut hos 010203-1234", confidential=True
    )
    # The export leaves the three texts out unless asked for by name.
    exported = carelearn_cli("sessions", "export", "--store", str(store), "-")
    assert exported.returncode == 0, exported.stderr
    assert "010203" not in exported.stdout and "låsen" not in exported.stdout
    assert "En tjekliste" in exported.stdout
    full = carelearn_cli(
        "sessions", "export", "--store", str(store), "-", "--include-confidential"
    )
    assert "Skift låsen hos 010203-1234" in full.stdout
    assert "Borgeren 010203-1234 fyldte for meget" in full.stdout
    assert "Akut hos 010203-1234" in full.stdout


@pytest.mark.parametrize(
    ("script", "message"),
    [
        (
            "next\nfly away\n",
            '<stdin>:2: unknown command "fly"; type help for the commands',
        ),
        ("finish\n", None),  # a sanity case: this one succeeds
        (
            "next\nnext\nnext\nnext\nnext\n",
            '<stdin>:5: Next: "joint-reflection" is the last step',
        ),
        ("lp\n", "<stdin>:1: RecordLearningPoint: the text is empty"),
        (
            "action x --due tomorrow\n",
            '<stdin>:1: action --due: "tomorrow" is not a date',
        ),
        ("action x --colour red\n", '<stdin>:1: action: unknown option "--colour"'),
        ("wait soon\n", '<stdin>:1: wait: "soon" is not a duration'),
        ("feedback dora 4\n", "<stdin>:1: feedback: PARTICIPANT"),
        (
            "next\n",
            "<stdin>: the input ended before finish or cancel; nothing was saved",
        ),
        ('lp "unbalanced\n', "<stdin>:1: No closing quotation"),
        (
            "wait 99999999999999h\n",
            '<stdin>:1: wait: "99999999999999h" is longer than a clock can move',
        ),
        ("wait 2000000000d\n", '<stdin>:1: wait: "2000000000d" is not a duration'),
        (
            "wait 9000000000\n",
            '<stdin>:1: wait: "9000000000" moves the clock past the year 9999',
        ),
        ("feedback anna 2147483648\n", "<stdin>:1: feedback: 2147483648 is not a rating"),
    ],
)
def test_a_bad_line_ends_a_scripted_run_with_exit_code_2(
    tmp_path: pathlib.Path, key_file: pathlib.Path, script: str, message: str | None
) -> None:
    store = tmp_path / "learning.db"
    result = run_meeting(store, key_file, script)
    if message is None:
        assert result.returncode in (0, 1), result.stderr
        return
    assert result.returncode == 2, result.stdout
    assert len(result.stderr.splitlines()) == 1, result.stderr
    assert result.stderr.rstrip().endswith("nothing was saved")
    first = result.stderr.splitlines()[0]
    if message == "<stdin>:1: feedback: PARTICIPANT":
        # dora is not a participant: the runner says so, naming the call.
        assert first.startswith("carelearn run: <stdin>:1: RecordFeedback: ")
    else:
        assert first.startswith(f"carelearn run: {message}"), result.stderr
    with carelearn.Store(store) as db:
        assert db.count() == 0  # nothing was saved


def test_ids_that_are_not_pseudonyms_need_the_key(tmp_path: pathlib.Path) -> None:
    result = carelearn_cli(
        "run",
        "systematic-learning-meeting",
        "--store",
        str(tmp_path / "x.db"),
        "-p",
        "anna:facilitator",
        stdin="finish\n",
    )
    assert result.returncode == 2
    assert result.stderr == (
        'carelearn run: --participant anna:facilitator: "anna" is not a pseudonym (24 hex '
        "digits); give --key-file to pseudonymise ids with the organisation's key\n"
    )
    pseudonym = "0123456789abcdef01234567"
    ok = carelearn_cli(
        "run",
        "systematic-learning-meeting",
        "--store",
        str(tmp_path / "x.db"),
        "-p",
        f"{pseudonym}:facilitator",
        "--clock",
        "fake",
        stdin="finish\n",
    )
    assert ok.returncode == 1, ok.stderr  # saved, but too few learning points
    with carelearn.Store(tmp_path / "x.db") as db:
        assert db.sessions()[0].participants[0].id == pseudonym


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (
            ["no-such-format"],
            'unknown format "no-such-format"; the built-in formats are: ',
        ),
        (
            ["systematic-learning-meeting", "-p", "anna"],
            '--participant anna: "anna" is not ID:ROLE',
        ),
        (
            ["systematic-learning-meeting", "-p", "anna:colleague::late"],
            'unknown shift "late"',
        ),
        (["systematic-learning-meeting"], "give the people present with --participant"),
        (
            ["competence-module", "-p", "anna:teacher"],
            'format "competence-module" has no steps',
        ),
    ],
)
def test_bad_arguments_exit_with_code_2(
    tmp_path: pathlib.Path, key_file: pathlib.Path, args: list[str], message: str
) -> None:
    result = carelearn_cli(
        "run",
        *args,
        "--store",
        str(tmp_path / "x.db"),
        "--key-file",
        str(key_file),
        stdin="finish\n",
    )
    assert result.returncode == 2
    assert result.stderr.startswith("carelearn run: ")
    assert message in result.stderr


def test_wait_needs_the_fake_clock(
    tmp_path: pathlib.Path, key_file: pathlib.Path
) -> None:
    result = carelearn_cli(
        "run",
        "systematic-learning-meeting",
        "--store",
        str(tmp_path / "x.db"),
        "-p",
        "anna:facilitator",
        "--key-file",
        str(key_file),
        stdin="wait 5\n",
    )
    assert result.returncode == 2
    assert "wait works with --clock fake" in result.stderr


def test_a_readable_key_file_is_warned_about(
    tmp_path: pathlib.Path, key_file: pathlib.Path
) -> None:
    key_file.chmod(0o644)
    result = run_meeting(tmp_path / "x.db", key_file, "cancel holiday\n")
    assert result.returncode == 0
    assert "can be read by others (mode 644)" in result.stderr


def test_the_clock_can_be_chosen_by_environment(
    tmp_path: pathlib.Path, key_file: pathlib.Path
) -> None:
    env = dict(os.environ, CARELEARN_CLOCK="fake")
    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "carelearn",
            "run",
            "systematic-learning-meeting",
            "--store",
            str(tmp_path / "x.db"),
            "-p",
            "anna:facilitator",
            "--key-file",
            str(key_file),
            "--start",
            "2026-03-04T14:00",
        ],
        input="wait 3\ntime\ncancel other\n",
        capture_output=True,
        text=True,
        check=False,
        env=env,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr
    assert "Time left: 2:00 in this step, 27:00 in the meeting" in result.stdout


def test_help_lists_the_commands(
    tmp_path: pathlib.Path, key_file: pathlib.Path
) -> None:
    result = run_meeting(tmp_path / "x.db", key_file, "help\ncancel other\n")
    assert "  lp [--confidential] [--author ID] TEXT" in result.stdout
    assert (
        "  action TEXT [--owner ROLE_OR_ID] [--due YYYY-MM-DD] [--id ID] [--confidential]"
        in result.stdout
    )
    assert "  feedback [--confidential] ID RATING [COMMENT]" in result.stdout
    assert "  cancel [--confidential] REASON [NOTE]" in result.stdout
    assert "  next " in result.stdout


# ------------------------------------------------------------------ sessions


@pytest.fixture()
def filled(tmp_path: pathlib.Path, key_file: pathlib.Path) -> pathlib.Path:
    """A store with one held meeting and one cancelled one."""
    store = tmp_path / "learning.db"
    assert run_meeting(store, key_file).returncode == 0
    cancelled = carelearn_cli(
        "run",
        "systematic-learning-meeting",
        "--store",
        str(store),
        "--unit",
        "nursing-home-east",
        "-p",
        "dora:facilitator",
        "--key-file",
        str(key_file),
        "--clock",
        "fake",
        "--start",
        "2026-03-11T14:00",
        stdin="cancel staffing\n",
    )
    assert cancelled.returncode == 0, cancelled.stderr
    return store


def test_sessions_lists_what_a_query_selects(filled: pathlib.Path) -> None:
    result = carelearn_cli("sessions", "list", "--store", str(filled))
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    assert lines[0].split() == [
        "id",
        "planned",
        "unit",
        "format",
        "status",
        "participants",
        "learning_points",
        "actions",
    ]
    assert len(lines) == 3
    assert lines[1].split()[1:] == [
        "2026-03-04",
        "14:00",
        "home-care-north",
        "systematic-learning-meeting",
        "v1",
        "held",
        "3",
        "2",
        "2",
    ]
    assert lines[2].split()[6] == "cancelled"
    one = carelearn_cli(
        "sessions", "list", "--store", str(filled), "--unit", "nursing-home-east"
    )
    assert len(one.stdout.splitlines()) == 2
    dates = carelearn_cli(
        "sessions",
        "list",
        "--store",
        str(filled),
        "--from",
        "2026-03-05",
        "--to",
        "2026-04-01",
    )
    assert [line.split()[3] for line in dates.stdout.splitlines()[1:]] == [
        "nursing-home-east"
    ]
    held = carelearn_cli(
        "sessions",
        "list",
        "--store",
        str(filled),
        "--status",
        "held",
        "--action-status",
        "open",
    )
    assert len(held.stdout.splitlines()) == 2


def test_sessions_check_exits_1_on_an_error(
    filled: pathlib.Path, tmp_path: pathlib.Path
) -> None:
    ok = carelearn_cli("sessions", "list", "--store", str(filled), "--check")
    assert ok.returncode == 0, ok.stdout
    with carelearn.Store(filled) as db:
        session = db.sessions(status="held")[0]
        session.id = "s-empty"
        session.learning_points = []
        db.put(session)
    bad = carelearn_cli("sessions", "list", "--store", str(filled), "--check")
    assert bad.returncode == 1
    assert "s-empty: error too-few-learning-points at learning_points" in bad.stdout


def test_the_export_leaves_confidential_text_out_unless_asked(
    filled: pathlib.Path, tmp_path: pathlib.Path
) -> None:
    out = tmp_path / "out.jsonl"
    result = carelearn_cli("sessions", "export", "--store", str(filled), str(out))
    assert result.returncode == 0, result.stderr
    assert result.stderr == f"exported 2 sessions to {out}\n"
    text = out.read_text(encoding="utf-8")
    assert "Skovvej" not in text and "Ask the relative first." in text
    full = carelearn_cli(
        "sessions",
        "export",
        "--store",
        str(filled),
        str(out),
        "--include-confidential",
    )
    assert full.returncode == 0
    assert "Skovvej" in out.read_text(encoding="utf-8")
    assert [s.unit for s in carelearn.read_sessions(out)] == [
        "home-care-north",
        "nursing-home-east",
    ]


def test_the_evaluator_export_has_no_direct_identifiers(
    filled: pathlib.Path, tmp_path: pathlib.Path, study_key_file: pathlib.Path
) -> None:
    out = tmp_path / "study.jsonl"
    result = carelearn_cli(
        "sessions",
        "export",
        "--store",
        str(filled),
        str(out),
        "--evaluator",
        "--key-file",
        str(study_key_file),
    )
    assert result.returncode == 0, result.stderr
    text = out.read_text(encoding="utf-8")
    org = carelearn.Pseudonymiser(KEY)
    with carelearn.Store(filled) as db:
        stored_ids = [s.id for s in db.sessions()]
    for secret in (
        "Ask the relative",
        "Skovvej",
        "We wait",
        "Fixed call",
        "Update the checklist",
        org.staff("anna"),
        org.staff("bo"),
        org.citizen("0101901234"),
        *stored_ids,
    ):
        assert secret not in text, secret
    lines = [json.loads(line) for line in text.splitlines()]
    assert lines[0]["redaction"] == "evaluator"
    assert lines[0]["case"] == {"category": "difficult-conversation"}
    participant = lines[0]["participants"][0]
    assert participant["role"] == "facilitator" and len(participant["id"]) == 24
    # The same key gives the same export again.
    again = tmp_path / "again.jsonl"
    carelearn_cli(
        "sessions",
        "export",
        "--store",
        str(filled),
        str(again),
        "--evaluator",
        "--key-file",
        str(study_key_file),
    )
    assert again.read_text(encoding="utf-8") == text
    # To standard output, the same lines; the manifest goes where --manifest says.
    manifest = tmp_path / "stdout.manifest.json"
    streamed = carelearn_cli(
        "sessions",
        "export",
        "--store",
        str(filled),
        "-",
        "--evaluator",
        "--key-file",
        str(study_key_file),
        "--manifest",
        str(manifest),
    )
    assert streamed.returncode == 0, streamed.stderr
    assert streamed.stdout == text
    assert streamed.stderr == "exported 2 sessions to standard output\n"
    described = json.loads(manifest.read_text(encoding="utf-8"))
    assert described["redaction"] == "evaluator" and described["sessions"] == 2
    fingerprint = carelearn.Pseudonymiser(STUDY_KEY).fingerprint()
    assert described["pseudonymisation"]["key_fingerprint"] == fingerprint
    assert manifest.stat().st_mode & 0o777 == 0o600
    assert manifest.read_text(encoding="utf-8") == pathlib.Path(
        str(out) + ".manifest.json"
    ).read_text(encoding="utf-8")


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["export", "x.jsonl", "--evaluator"], "--evaluator needs --key-file"),
        (
            [
                "export",
                "x.jsonl",
                "--evaluator",
                "--include-confidential",
                "--key-file",
                "k",
            ],
            "--include-confidential cannot be combined with --evaluator",
        ),
        (["list", "--include-confidential"], "unrecognized arguments: --include-confidential"),
        (["export", "x.jsonl", "--key-file", "k"], "--key-file is the evaluation's key"),
        (
            ["export", "-", "--evaluator", "--key-file", "k"],
            "--evaluator to standard output needs --manifest FILE",
        ),
        (
            ["export", "x.jsonl", "--manifest", "m.json"],
            "--manifest is for an export to standard output; x.jsonl gets its manifest beside it",
        ),
        (["list", "--from", "March"], 'argument --from: "March" is not a date'),
        (["import", "nowhere.jsonl"], "nowhere.jsonl: no such file"),
        (["import", "x.jsonl", "--on-conflict", "merge"], "invalid choice: 'merge'"),
    ],
)
def test_sessions_refuses_bad_arguments(
    filled: pathlib.Path, args: list[str], message: str
) -> None:
    result = carelearn_cli("sessions", args[0], "--store", str(filled), *args[1:])
    assert result.returncode == 2
    assert message in result.stderr
    assert len(result.stderr.splitlines()) == 1, result.stderr


def test_sessions_needs_an_existing_store(tmp_path: pathlib.Path) -> None:
    missing = tmp_path / "nowhere.db"
    result = carelearn_cli("sessions", "list", "--store", str(missing))
    assert result.returncode == 2
    assert result.stderr == f"carelearn sessions list: --store {missing}: no such file\n"
    assert not missing.exists()


def test_sessions_import_is_all_or_nothing(filled: pathlib.Path, tmp_path: pathlib.Path) -> None:
    archive = tmp_path / "archive.jsonl"
    exported = carelearn_cli(
        "sessions", "export", "--store", str(filled), str(archive), "--include-confidential"
    )
    assert exported.returncode == 0, exported.stderr
    lines = archive.read_text(encoding="utf-8").splitlines()
    assert len(lines) == 2
    copy = tmp_path / "copy.db"
    # A third line that does not load: nothing of the file is kept, and the
    # message names the line and the column.
    broken = tmp_path / "broken.jsonl"
    broken.write_text("\n".join([*lines, '{"carelearn": "session/1", "id": '] ) + "\n", "utf-8")
    result = carelearn_cli("sessions", "import", "--store", str(copy), str(broken))
    assert result.returncode == 2
    located = rf"carelearn sessions import: {re.escape(str(broken))}:3:34: /id: "
    assert re.match(located, result.stderr)
    assert result.stderr.endswith("; nothing was imported\n")
    assert len(result.stderr.splitlines()) == 1
    with carelearn.Store(copy) as db:
        assert db.count() == 0
    # The whole file goes in; a second time, the ids clash unless skipped.
    result = carelearn_cli("sessions", "import", "--store", str(copy), str(archive))
    assert result.returncode == 0, result.stderr
    # The confidential learning point names "Mrs Jensen": the linter warns of
    # it by field, never quoting it (the store keeps confidential text).
    *warnings, done = result.stderr.splitlines()
    assert done == f"imported 2 sessions into {copy}"
    assert warnings == [
        f"{archive}:1: warning identifier-in-text at learning_points[1].text: looks like a "
        "name; describe the situation, not the person, or mark the text confidential"
    ]
    assert "Jensen" not in result.stderr
    again = carelearn_cli("sessions", "import", "--store", str(copy), str(archive))
    assert again.returncode == 2
    assert "already" in again.stderr and "nothing was imported" in again.stderr
    skip = carelearn_cli(
        "sessions", "import", "--store", str(copy), "-", "--on-conflict", "skip",
        stdin=archive.read_text(encoding="utf-8"),
    )
    assert skip.returncode == 0, skip.stderr
    assert skip.stderr.splitlines()[-1] == (
        f"imported 0 sessions into {copy} (2 already there, skipped)"
    )
    with carelearn.Store(copy) as db, carelearn.Store(filled) as original:
        assert db.sessions() == original.sessions()


def test_typed_at_a_terminal_a_bad_command_is_reported_and_the_run_goes_on(
    tmp_path: pathlib.Path, key_file: pathlib.Path
) -> None:
    import pty

    leader, follower = pty.openpty()
    store = tmp_path / "learning.db"
    env = dict(os.environ)
    env.pop("CARELEARN_CLOCK", None)
    with subprocess.Popen(
        [
            sys.executable,
            "-m",
            "carelearn",
            "run",
            "systematic-learning-meeting",
            "--store",
            str(store),
            "-p",
            "anna:facilitator",
            "--key-file",
            str(key_file),
            "--clock",
            "fake",
        ],
        stdin=follower,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env=env,
    ) as process:
        os.close(follower)
        os.write(leader, b"fly away\nnext\nnext\nlp Learnt at the terminal.\nfinish\n")
        out, err = process.communicate(timeout=120)
    os.close(leader)
    assert 'carelearn run: input:1: unknown command "fly"' in err
    assert process.returncode == 0, err
    with carelearn.Store(store) as db:
        (session,) = db.sessions()
    assert [p.text for p in session.learning_points] == ["Learnt at the terminal."]
    assert out.splitlines()[-1] == session.id


def test_a_format_from_a_file_is_kept_with_the_session(
    tmp_path: pathlib.Path, key_file: pathlib.Path
) -> None:
    huddle = carelearn.Catalog.builtin()["systematic-learning-meeting"]
    huddle.id = "evening-learning-meeting"
    path = tmp_path / "evening.json"
    huddle.save(path)
    store = tmp_path / "learning.db"
    result = run_meeting(store, key_file, "cancel holiday\n", format=str(path))
    assert result.returncode == 0, result.stderr
    with carelearn.Store(store) as db:
        assert db.get_format("evening-learning-meeting").json == huddle.to_json()
        assert db.sessions()[0].format_id == "evening-learning-meeting"
    huddle.duration = carelearn.TimeBudget.fixed(25)  # other text, same version
    huddle.save(path)
    clash = run_meeting(store, key_file, "cancel holiday\n", format=str(path))
    assert clash.returncode == 2
    assert clash.stderr.startswith(f"carelearn run: {path}: ")
    assert "raise the version" in clash.stderr or "already" in clash.stderr


def test_a_session_the_store_cannot_take_is_kept_in_a_file(
    tmp_path: pathlib.Path, key_file: pathlib.Path
) -> None:
    import sqlite3

    store = tmp_path / "learning.db"
    with carelearn.Store(store):
        pass
    lock = sqlite3.connect(store, isolation_level=None)
    lock.execute("BEGIN IMMEDIATE")  # another writer holds the store
    try:
        result = run_meeting(store, key_file, "cancel staffing\n")
    finally:
        lock.execute("ROLLBACK")
        lock.close()
    assert result.returncode == 2
    kept = list(tmp_path.glob("learning.db.*.unsaved.jsonl"))
    assert len(kept) == 1
    assert f"the session is kept in {kept[0]}" in result.stderr
    assert os.stat(kept[0]).st_mode & 0o777 == 0o600
    (session,) = carelearn.read_sessions(kept[0])
    assert session.status() is carelearn.SessionStatus.CANCELLED
