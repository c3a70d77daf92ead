"""Nothing identifying leaves carelearn unless a caller asks for it by name.

A careless app plants names, CPR numbers, e-mail addresses and phone numbers
in every field it could use. Every export, frame, listing, display and
message carelearn offers is then searched for them: none may hold one unless
the caller asked for it by name (``include_confidential=True``,
``identifiers=True``). The identifier linter finds each planted identifier.

A careful app marks what is sensitive confidential: learning points, notes,
and (privacy issue, point 4) action texts, feedback comments and cancellation
notes. Their text, planted with a CPR number and with words no linter would
flag, leaves carelearn only when asked for by name
(``include_confidential=True``, ``confidential_text=True``).
"""

from __future__ import annotations

import datetime
import io
import json
import pathlib
import pickle
import subprocess
import sys

import pytest

import carelearn
from carelearn import privacy
from carelearn import (
    Action,
    Cancellation,
    CancelReason,
    Case,
    Feedback,
    LearningPoint,
    Note,
    Participant,
    PromptUse,
    Session,
    StatusChange,
    StepTiming,
)

UTC = datetime.timezone.utc

# What a careless app typed, and the forms it may come back in.
NAMES = ["Mette Hansen", "Jens Jensen", "fru Kjærgaard"]
CPRS = ["120345-1234", "0101901234"]
EMAILS = ["mette.hansen@aarhus.dk", "jens.jensen@mail.dk"]
PHONES = ["21 43 65 87", "+45 87654321"]
CONFIDENTIAL_CPR = "010203-1234"
"""A CPR number typed into confidential text only."""
# Confidential words no identifier linter would flag: only the flag keeps them in.
SECRETS = ["nøglen under måtten", "hemmelig kommentar", "hemmelig aflysning"]
NEEDLES = [
    "Mette",
    "Hansen",
    "Jensen",
    "Kjærgaard",
    "120345",
    "1203451234",
    "0101901234",
    "mette.hansen",
    "jens.jensen",
    "21 43 65 87",
    "21436587",
    "87654321",
    "010203",
    *SECRETS,
]


def at(minute: int) -> datetime.datetime:
    return datetime.datetime(2026, 3, 4, 14, minute, tzinfo=UTC)


def careless_sessions() -> list[Session]:
    """Two sessions of the systematic learning meeting with identifiers in
    every id, label and free text a careless app could fill."""
    held = Session(
        id="0101901234",
        format_id="systematic-learning-meeting",
        unit="Hjemmeplejen Nord, tlf. 21 43 65 87",
        planned_start=at(0),
        actual_start=at(2),
        actual_end=at(31),
    )
    held.participants = [
        Participant("Mette Hansen", "facilitator", "home-care-north", "nurse +45 87654321"),
        Participant("jens.jensen@mail.dk", "case-presenter", "Jens Jensen's team", "nurse"),
        Participant("120345-1234", "colleague", "home-care-north", "social-and-health-assistant"),
    ]
    held.steps = [
        StepTiming(step_id="case", start=at(2), end=at(7)),
        StepTiming(step_id="learning-questions", start=at(7), end=at(17)),
        StepTiming(step_id="case-learning", start=at(17), end=at(19)),
        StepTiming(step_id="round", start=at(19), end=at(26)),
        StepTiming(step_id="joint-reflection", start=at(26), end=at(31)),
    ]
    held.prompts = [PromptUse("learning-questions", "biggest-challenge")]
    held.presented_case = Case("fall, fru Kjærgaard", "120345-1234")
    held.learning_points = [
        LearningPoint(
            "Mette Hansen spurgte datteren (tlf. 21 43 65 87) først.",
            step_id="case-learning",
            author="Mette Hansen",
        ),
        LearningPoint("CPR 0101901234 stod på tavlen.", step_id="case-learning"),
        LearningPoint(
            "Skriv til mette.hansen@aarhus.dk", step_id="case-learning", confidential=True
        ),
    ]
    held.actions = [
        Action(
            "Jens Jensen ringer til +45 87654321",
            id="a1",
            step_id="joint-reflection",
            owner="Jens Jensen",
            history=[StatusChange(carelearn.ActionStatus.OPEN, at(28))],
        ),
        Action(
            "En tjekliste",
            id="mette.hansen@aarhus.dk",
            step_id="joint-reflection",
            owner="Mette Hansen",
            history=[StatusChange(carelearn.ActionStatus.OPEN, at(29))],
        ),
        Action(
            f"Borgeren {CONFIDENTIAL_CPR} har nøglen under måtten",
            id="a3",
            step_id="joint-reflection",
            owner="leader",
            history=[StatusChange(carelearn.ActionStatus.OPEN, at(30))],
            confidential=True,
        ),
    ]
    held.feedback = [
        Feedback("Mette Hansen", 4, "Ring mig på 21 43 65 87", step_id="joint-reflection"),
        Feedback(
            "jens.jensen@mail.dk",
            2,
            f"En hemmelig kommentar om {CONFIDENTIAL_CPR}",
            step_id="joint-reflection",
            confidential=True,
        ),
    ]
    held.notes = [
        Note("fru Kjærgaard, CPR 120345-1234", step_id="round"),
        Note("jens.jensen@mail.dk ved mere", step_id="case", confidential=True),
    ]
    cancelled = Session(
        id="Jens Jensen",
        format_id="systematic-learning-meeting",
        unit="home-care-north",
        planned_start=at(40),
        cancellation=Cancellation(
            CancelReason.OTHER,
            f"Mette Hansen er syg, ring 21 43 65 87; hemmelig aflysning: {CONFIDENTIAL_CPR}",
            confidential=True,
        ),
    )
    for s in (held, cancelled):
        s.validate()
    return [held, cancelled]


def leaked(text: str) -> list[str]:
    """The planted identifiers ``text`` still holds."""
    return [needle for needle in NEEDLES if needle in text]


def frames_text(tables: carelearn.SessionTables) -> str:
    return "\n".join(frame.to_csv() for frame in tables.to_pandas().values())


@pytest.fixture()
def store(tmp_path: pathlib.Path) -> carelearn.Store:
    s = carelearn.Store(tmp_path / "learning.db")
    for session in careless_sessions():
        s.put(session)
    return s


@pytest.fixture()
def study_key() -> carelearn.Pseudonymiser:
    return carelearn.Pseudonymiser(b"the evaluation's own key, 2026!!")


def test_the_linter_finds_every_planted_identifier() -> None:
    for text, kind in [
        *[(n, "name") for n in NAMES],
        *[(c, "cpr-number") for c in CPRS],
        *[(e, "email") for e in EMAILS],
        *[(p, "phone-number") for p in PHONES],
    ]:
        found = privacy.find_identifiers(f"Se: {text}.")
        assert [privacy.identifier_kind_name(m.kind) for m in found] == [kind], text
    held, cancelled = careless_sessions()
    paths = [d.path for d in privacy.lint_session(held)]
    assert paths == [
        "id",
        "unit",
        "participants[0].id",
        "participants[0].profession",
        "participants[1].id",
        "participants[1].unit",
        "participants[2].id",
        "case.category",
        "case.citizen",
        "learning_points[0].text",
        "learning_points[0].author",
        "learning_points[1].text",
        "learning_points[2].text",
        "actions[0].text",
        "actions[0].owner",
        "actions[1].id",
        "actions[1].owner",
        "actions[2].text",
        "feedback[0].participant",
        "feedback[0].comment",
        "feedback[1].participant",
        "feedback[1].comment",
        "notes[0].text",
        "notes[1].text",
    ]
    assert [d.path for d in privacy.lint_session(cancelled)] == ["id", "cancellation.note"]
    for d in privacy.lint_session(held):
        assert d.severity is carelearn.Severity.WARNING
        assert not leaked(str(d)), str(d)


def test_no_export_frame_or_listing_holds_them_unless_asked_by_name(
    store: carelearn.Store,
    study_key: carelearn.Pseudonymiser,
    tmp_path: pathlib.Path,
) -> None:
    sessions = store.sessions()
    outputs: dict[str, str] = {}
    # Exports: the default, the evaluator's (with its key), to a file and a stream.
    store.export_sessions(tmp_path / "default.jsonl")
    outputs["export"] = (tmp_path / "default.jsonl").read_text()
    store.export_sessions(tmp_path / "study.jsonl", evaluator=True, pseudonymiser=study_key)
    outputs["evaluator export"] = (tmp_path / "study.jsonl").read_text()
    outputs["manifest"] = (tmp_path / "study.jsonl.manifest.json").read_text()
    stream = io.StringIO()
    store.export_sessions(
        stream, evaluator=True, pseudonymiser=study_key, manifest=tmp_path / "stream.json"
    )
    outputs["evaluator export to a stream"] = stream.getvalue()
    outputs["its manifest"] = (tmp_path / "stream.json").read_text()
    stream = io.StringIO()
    store.export_sessions(stream)
    outputs["export to a stream"] = stream.getvalue()
    carelearn.write_sessions(tmp_path / "written.jsonl", sessions)
    outputs["write_sessions"] = (tmp_path / "written.jsonl").read_text()
    for s in sessions:
        outputs[f"to_json_line {s.status()}"] = s.to_json_line()
        outputs[f"to_dict {s.status()}"] = json.dumps(s.to_dict(), ensure_ascii=False)
        outputs[f"redact {s.status()}"] = carelearn.redact(s).to_json_line(
            include_confidential=True
        )
        outputs[f"repr {s.status()}"] = repr(s)
        outputs[f"str {s.status()}"] = str(s)
        outputs[f"pickle {s.status()}"] = pickle.dumps(s).decode("latin-1")
        outputs[f"core repr {s.status()}"] = repr(carelearn._core.Session(s))
    # Frames and tables with their default options.
    outputs["sessions_to_frame"] = carelearn.sessions_to_frame(sessions).to_csv()
    outputs["tables_from_sessions"] = frames_text(carelearn.tables_from_sessions(sessions))
    outputs["read_tables file"] = frames_text(carelearn.read_tables(tmp_path / "written.jsonl"))
    outputs["read_tables store"] = frames_text(carelearn.read_tables(store))
    outputs["read_tables free text"] = frames_text(
        carelearn.read_tables(tmp_path / "written.jsonl", free_text=True)
    )
    # Parquet, written uncompressed so that every string is in the files' bytes.
    parquet = carelearn.read_tables(tmp_path / "written.jsonl", free_text=True).to_parquet(
        tmp_path / "parquet", compression="none"
    )
    outputs["parquet files"] = "\n".join(
        f.read_bytes().decode("utf-8", "replace")
        for f in sorted(pathlib.Path(parquet).rglob("*.parquet"))
    )
    back = carelearn.read_parquet(parquet)
    outputs["read_parquet"] = "\n".join(
        getattr(back, name).to_csv() for name in back.names
    )
    # xAPI statements, with the wording of actions too.
    outputs["xapi"] = json.dumps(
        carelearn.xapi.statements(
            sessions, home_page="https://care.example.dk", include_text=True
        ),
        ensure_ascii=False,
    )
    for name, text in outputs.items():
        assert not leaked(text), f"{name}: {leaked(text)}"
    # Asked for by name, the record comes back as it was written.
    full = sessions[0].to_json_line(include_confidential=True)
    assert "Mette Hansen" in full and "0101901234" in full
    kept = carelearn.tables_from_sessions(sessions, identifiers=True).sessions
    assert "0101901234" in set(kept["id"])
    # ... and so do the confidential action, feedback comment and cancellation note.
    store.export_sessions(tmp_path / "everything.jsonl", include_confidential=True)
    everything = (tmp_path / "everything.jsonl").read_text()
    for secret in [
        f"Borgeren {CONFIDENTIAL_CPR} har nøglen under måtten",
        f"En hemmelig kommentar om {CONFIDENTIAL_CPR}",
        f"hemmelig aflysning: {CONFIDENTIAL_CPR}",
    ]:
        assert secret in everything, secret
    named = frames_text(
        carelearn.read_tables(
            store, free_text=True, confidential_text=True, identifiers=True
        )
    )
    assert CONFIDENTIAL_CPR in named and all(s in named for s in SECRETS)


def test_the_command_line_lists_and_exports_none_of_them(
    store: carelearn.Store, tmp_path: pathlib.Path
) -> None:
    store.close()
    db = str(tmp_path / "learning.db")

    def run(*args: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            [sys.executable, "-m", "carelearn", *args],
            capture_output=True,
            text=True,
            check=False,
        )

    for args in (
        ("sessions", "list", "--store", db),
        ("sessions", "list", "--store", db, "--check"),
        ("sessions", "export", "--store", db, "-"),
    ):
        done = run(*args)
        assert not leaked(done.stdout + done.stderr), (args, leaked(done.stdout + done.stderr))
    # The export (to standard output) did write both sessions.
    exported = run("sessions", "export", "--store", db, "-")
    assert exported.returncode == 0, exported.stderr
    assert exported.stdout.count('"carelearn":"session/1"') == 2
    # The exports to other systems, with free text: xAPI with the actions'
    # wording, Parquet with the free text that is not confidential.
    xapi = tmp_path / "statements.json"
    done = run("export", db, "--to", "xapi", "--home-page", "https://care.example.dk",
               "--include-text", "--out", str(xapi))
    assert done.returncode == 0, done.stderr
    assert not leaked(xapi.read_text() + done.stdout + done.stderr)
    parquet = tmp_path / "parquet"
    done = run("export", db, "--to", "parquet", "--out", str(parquet), "--free-text")
    assert done.returncode == 0, done.stderr
    back = carelearn.read_parquet(parquet)
    assert not leaked("\n".join(getattr(back, name).to_csv() for name in back.names))
    assert list(back.actions["confidential"]) == [False, False, True]
    assert list(back.actions["text"].isna()) == [False, False, True]
    # carelearn validate lints session files: warnings, errors with --strict.
    carelearn.write_sessions(tmp_path / "archive.jsonl", careless_sessions(),
                             include_confidential=True)
    lenient = run("validate", str(tmp_path / "archive.jsonl"))
    assert "warning identifier-in-id at participants[0].id: looks like a name" in lenient.stdout
    assert not leaked(lenient.stdout + lenient.stderr)
    strict = run("validate", "--strict", str(tmp_path / "archive.jsonl"))
    assert strict.returncode == 1
    assert "error identifier-in-text at notes[0].text" in strict.stdout


def test_error_messages_do_not_quote_them(tmp_path: pathlib.Path) -> None:
    held, _ = careless_sessions()
    held.participants = [*held.participants, Participant("Mette Hansen", "colleague")]
    with pytest.raises(carelearn.FormatError) as caught:
        held.validate()
    assert not leaked(str(caught.value)), str(caught.value)
    with carelearn.Store(":memory:") as store:
        with pytest.raises(carelearn.NotFoundError) as missing:
            store.get("Mette Hansen")
        assert not leaked(str(missing.value))
    meeting = carelearn.Catalog.builtin().find("systematic-learning-meeting")
    assert meeting is not None
    runner = carelearn.Runner(meeting, clock=carelearn.FakeClock(at(0)))
    runner.start([Participant("Mette Hansen", "facilitator"), Participant("p-2", "colleague")])
    with pytest.raises(carelearn.FormatError) as twice:
        runner.add_participant(Participant("Mette Hansen", "colleague"))
    assert not leaked(str(twice.value))


# --- Fix 1: an export labelled for evaluators needs the evaluation's key ------------------


def test_an_evaluator_export_without_a_key_is_refused(
    store: carelearn.Store, tmp_path: pathlib.Path
) -> None:
    with pytest.raises(ValueError, match="evaluator needs pseudonymiser"):
        store.export_sessions(tmp_path / "x.jsonl", evaluator=True)
    with pytest.raises(ValueError, match="evaluator needs pseudonymiser"):
        carelearn.write_sessions(tmp_path / "y.jsonl", store.sessions(), evaluator=True)
    assert not (tmp_path / "x.jsonl").exists()


# --- Fix 2: units and professions in evaluator exports --------------------------------------


def test_evaluators_get_no_identifier_in_a_unit_or_a_profession(
    store: carelearn.Store, study_key: carelearn.Pseudonymiser
) -> None:
    held = store.get("0101901234")
    line = json.loads(held.to_json_line(evaluator=True, pseudonymiser=study_key))
    assert line["unit"] == study_key.pseudonym("unit", "Hjemmeplejen Nord, tlf. 21 43 65 87")
    assert [p.get("profession", "") for p in line["participants"]] == [
        "",
        "nurse",
        "social-and-health-assistant",
    ]


# --- Fix 3: repr, str and pickle -------------------------------------------------------------


def test_repr_str_and_pickle_show_no_confidential_text() -> None:
    held, _ = careless_sessions()
    held.id = "s-1"
    assert repr(held) == (
        '<session "s-1" of systematic-learning-meeting v1 at '
        f'{carelearn._core.masked_id("Hjemmeplejen Nord, tlf. 21 43 65 87")}, held, planned '
        "2026-03-04 14:00 UTC: 3 participants, 3 learning points, 3 actions, 2 feedback, "
        "2 notes>"
    )
    assert str(held) == repr(held)[1:-1]
    copy = pickle.loads(pickle.dumps(held))
    assert copy.learning_points[2].text == ""  # confidential: left out
    assert copy.learning_points[2].confidential
    assert (copy.actions[2].text, copy.actions[2].confidential) == ("", True)
    assert (copy.feedback[1].comment, copy.feedback[1].confidential) == ("", True)
    assert (copy.feedback[1].rating, copy.actions[2].owner) == (2, "leader")
    _, cancelled = careless_sessions()
    off = pickle.loads(pickle.dumps(cancelled))
    assert (off.cancellation.note, off.cancellation.confidential) == ("", True)
    for value in (held, cancelled):
        for shown in (repr(value), str(value), pickle.dumps(value).decode("latin-1")):
            assert not leaked(shown), leaked(shown)
    assert copy.participants[0].id == carelearn._core.masked_id("Mette Hansen")


# --- The manifest -----------------------------------------------------------------------------


def test_an_evaluator_export_has_a_manifest_with_the_keys_fingerprint(
    store: carelearn.Store, study_key: carelearn.Pseudonymiser, tmp_path: pathlib.Path
) -> None:
    store.export_sessions(tmp_path / "study.jsonl", evaluator=True, pseudonymiser=study_key)
    manifest = json.loads((tmp_path / "study.jsonl.manifest.json").read_text())
    assert manifest["kind"] == "export-manifest/1"
    assert manifest["redaction"] == "evaluator"
    assert manifest["sessions"] == 2
    assert manifest["pseudonymisation"]["key_fingerprint"] == study_key.fingerprint()
    assert manifest["pseudonymisation"]["method"] == "HMAC-SHA256"
    assert (tmp_path / "study.jsonl.manifest.json").stat().st_mode & 0o777 == 0o600
    assert privacy.export_manifest(sessions=2, evaluator=True, pseudonymiser=study_key) == manifest


def test_an_evaluator_export_to_a_stream_has_its_manifest_where_the_caller_says(
    store: carelearn.Store, study_key: carelearn.Pseudonymiser, tmp_path: pathlib.Path
) -> None:
    # Without a place for the manifest, nothing is written.
    stream = io.StringIO()
    with pytest.raises(ValueError, match="^manifest: an evaluator's export to an open file"):
        store.export_sessions(stream, evaluator=True, pseudonymiser=study_key)
    assert stream.getvalue() == ""
    # With one, the lines go to the stream and the manifest to its path, 0600.
    target = tmp_path / "delivery.manifest.json"
    count = store.export_sessions(
        stream, evaluator=True, pseudonymiser=study_key, manifest=target
    )
    assert count == 2
    assert len(stream.getvalue().splitlines()) == 2
    manifest = json.loads(target.read_text())
    assert manifest["sessions"] == 2
    assert manifest["redaction"] == "evaluator"
    assert manifest["pseudonymisation"]["key_fingerprint"] == study_key.fingerprint()
    assert target.stat().st_mode & 0o777 == 0o600
    # The same manifest as beside a file export of the same sessions.
    store.export_sessions(tmp_path / "study.jsonl", evaluator=True, pseudonymiser=study_key)
    assert target.read_text() == (tmp_path / "study.jsonl.manifest.json").read_text()
    # Any other export to a stream gets one when asked: its redaction, no key.
    plain = tmp_path / "plain.manifest.json"
    store.export_sessions(io.StringIO(), manifest=plain)
    described = json.loads(plain.read_text())
    assert described["redaction"] == "confidential"
    assert described["pseudonymisation"] is None
    # A file export's manifest goes beside it; a second place is refused.
    with pytest.raises(ValueError, match="^manifest: an export to a path gets its manifest"):
        store.export_sessions(
            tmp_path / "x.jsonl", evaluator=True, pseudonymiser=study_key, manifest=plain
        )
    assert not (tmp_path / "x.jsonl").exists()
    # A manifest that cannot be created: a carelearn error naming it, and no lines.
    nowhere = tmp_path / "missing" / "m.json"
    stream = io.StringIO()
    with pytest.raises(carelearn.NotFoundError, match=f"^{nowhere}: cannot create: "):
        store.export_sessions(stream, evaluator=True, pseudonymiser=study_key, manifest=nowhere)
    assert stream.getvalue() == ""


# --- The linter at the store's door and in the runner ---------------------------------------


def test_the_store_warns_by_default_and_refuses_when_strict(tmp_path: pathlib.Path) -> None:
    held, _ = careless_sessions()
    with carelearn.Store(":memory:") as lenient:
        found = lenient.put(held)
        assert [d.code for d in found][:2] == ["identifier-in-id", "identifier-in-id"]
    with carelearn.Store(":memory:", identifiers="refuse") as strict:
        with pytest.raises(carelearn.FormatError, match=r'identifier policy "refuse"'):
            strict.put(held)
        assert strict.count() == 0
        carelearn.write_sessions(tmp_path / "in.jsonl", [held], include_confidential=True)
        with pytest.raises(carelearn.FormatError, match=r"in\.jsonl:1: session"):
            strict.import_sessions(tmp_path / "in.jsonl")
    with carelearn.Store(":memory:") as lenient:
        result = lenient.import_sessions(tmp_path / "in.jsonl")
        assert result.imported == 1
        assert result.findings[0].line == 1
        assert result.findings[0].diagnostic.path == "id"


def test_the_runner_refuses_when_strict() -> None:
    meeting = carelearn.Catalog.builtin().find("systematic-learning-meeting")
    assert meeting is not None
    runner = carelearn.Runner(
        meeting, clock=carelearn.FakeClock(at(0)), identifiers="refuse"
    )
    with pytest.raises(carelearn.FormatError, match=r"participants\[0\]\.id: looks like a name"):
        runner.start([Participant("Mette Hansen", "facilitator")])
    with pytest.raises(ValueError, match="identifiers: unknown value"):
        carelearn.Runner(meeting, identifiers="loud")
