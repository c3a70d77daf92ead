"""carelearn.xapi against a real Learning Record Store: Ralph (ralph-malph) with
its file-system backend, started on a free loopback port for this module.

carelearn posts the statements of held sessions, reads them back through the
LRS's GET /xAPI/statements and finds them equal; posting again stores nothing
new; an interrupted export resumes from its cursor; Ralph's own statement
models validate every statement. Retries and time-outs are tested against a
small stub server, since a healthy LRS never fails on cue.
"""

from __future__ import annotations

import dataclasses
import datetime
import http.server
import json
import os
import pathlib
import secrets
import socket
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from typing import Any

import bcrypt
import pytest

import carelearn
from carelearn import xapi
from carelearn import (
    Action,
    ActionStatus,
    Case,
    LearningPoint,
    Note,
    Participant,
    PromptUse,
    Session,
    StatusChange,
    StepTiming,
)

UTC = datetime.timezone.utc
HOME = "https://pseudonyms.example-kommune.dk"


def at(day: int, hour: int, minute: int, second: int = 0) -> datetime.datetime:
    return datetime.datetime(2026, 3, day, hour, minute, second, tzinfo=UTC)


def meeting(session_id: str, day: int) -> Session:
    """A systematic learning meeting held on 2026-03-<day>, 14:02 to 14:33."""
    steps = [
        ("case", (14, 2), (14, 7)),
        ("learning-questions", (14, 7), (14, 17)),
        ("case-learning", (14, 17), (14, 19)),
        ("round", (14, 19), (14, 22)),
        ("joint-reflection", (14, 22), (14, 33)),
    ]
    return Session(
        id=session_id,
        format_id="systematic-learning-meeting",
        unit="home-care-north",
        planned_start=at(day, 14, 0),
        actual_start=at(day, 14, 2),
        actual_end=at(day, 14, 33),
        participants=[
            Participant("p-fac", "facilitator", "home-care-north"),
            Participant("p-pre", "case-presenter", "home-care-north"),
            Participant("p-col", "colleague", "home-care-south"),
        ],
        steps=[
            StepTiming(step_id=s, start=at(day, *a), end=at(day, *b)) for s, a, b in steps
        ],
        prompts=[
            PromptUse("learning-questions", "biggest-challenge"),
            PromptUse("learning-questions", "do-differently"),
        ],
        presented_case=Case("fall", "c0ffee" * 4),
        learning_points=[
            LearningPoint("Check the shoes first.", step_id="case-learning"),
            LearningPoint("Fru Hansen fell.", step_id="round", confidential=True),
        ],
        actions=[
            Action(
                "A fall round every morning.",
                id="a1",
                step_id="joint-reflection",
                owner="leader",
                history=[StatusChange(ActionStatus.OPEN, at(day, 14, 30))],
            )
        ],
        notes=[Note("Skovvej 3.", step_id="round", confidential=True)],
    )


# --- The LRS ------------------------------------------------------------------------------


@dataclasses.dataclass
class Lrs:
    """A running Ralph LRS."""

    endpoint: str
    credentials: pathlib.Path
    data: pathlib.Path

    def stored_lines(self) -> int:
        """How many statements Ralph's file-system backend has written."""
        return sum(
            len(p.read_text(encoding="utf-8").splitlines()) for p in self.data.rglob("*.jsonl")
        )


# Runs Ralph's API with uvicorn, as `ralph runserver -b fs` does. Ralph's
# file-system LRS backend writes each POST with its default mode "create",
# which refuses to write to its statements file once the file exists, so
# every POST after the first would fail with 500; appending, a mode the
# backend has, is what an LRS needs.
SERVE = """
import sys
from ralph.backends.data.base import BaseOperationType
from ralph.backends.lrs.fs import FSLRSBackend
FSLRSBackend.default_operation_type = BaseOperationType.APPEND
import uvicorn
uvicorn.run("ralph.api:app", host="127.0.0.1", port=int(sys.argv[1]), log_level="warning")
"""


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@pytest.fixture(scope="module")
def lrs(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Lrs]:
    """Ralph's LRS with its file-system backend, on a free port of 127.0.0.1,
    in a temporary folder; stopped after the module's tests."""
    root = tmp_path_factory.mktemp("ralph")
    password = secrets.token_urlsafe(18)
    (root / "auth.json").write_text(
        json.dumps(
            [
                {
                    "agent": {
                        "account": {"homePage": "https://carelearn.dk/tests", "name": "writer"}
                    },
                    "scopes": ["all"],
                    "hash": bcrypt.hashpw(password.encode(), bcrypt.gensalt(4)).decode(),
                    "username": "carelearn",
                }
            ]
        ),
        encoding="utf-8",
    )
    credentials = root / "credentials.json"
    credentials.write_text(
        json.dumps({"username": "carelearn", "password": password}), encoding="utf-8"
    )
    credentials.chmod(0o600)
    data = root / "data"
    data.mkdir()
    port = free_port()
    env = {
        **os.environ,
        "RALPH_APP_DIR": str(root / "app"),
        "RALPH_AUTH_FILE": str(root / "auth.json"),
        "RALPH_RUNSERVER_AUTH_BACKENDS": "basic",
        "RALPH_RUNSERVER_BACKEND": "fs",
        "RALPH_BACKENDS__LRS__FS__DEFAULT_DIRECTORY_PATH": str(data),
        "RALPH_BACKENDS__DATA__FS__DEFAULT_DIRECTORY_PATH": str(data),
    }
    log = (root / "ralph.log").open("wb")
    server = subprocess.Popen(
        [sys.executable, "-c", SERVE, str(port)],
        cwd=root,
        env=env,
        stdout=log,
        stderr=subprocess.STDOUT,
    )
    try:
        deadline = time.monotonic() + 90
        while True:
            if server.poll() is not None:
                pytest.fail(
                    "Ralph stopped while starting:\n"
                    + (root / "ralph.log").read_text(encoding="utf-8", errors="replace")
                )
            try:
                with urllib.request.urlopen(
                    f"http://127.0.0.1:{port}/__heartbeat__", timeout=2
                ) as r:
                    if r.status == 200:
                        break
            except (urllib.error.URLError, ConnectionError, TimeoutError):
                pass
            if time.monotonic() > deadline:
                pytest.fail("Ralph did not answer on its heartbeat within 90 s")
            time.sleep(0.2)
        yield Lrs(f"http://127.0.0.1:{port}/xAPI/", credentials, data)
    finally:
        server.terminate()
        try:
            server.wait(timeout=15)
        except subprocess.TimeoutExpired:
            server.kill()
            server.wait()
        log.close()


# --- Ralph's models -----------------------------------------------------------------------


def test_ralphs_models_validate_every_statement() -> None:
    from ralph.exceptions import UnknownEventException
    from ralph.models.selector import ModelSelector
    from ralph.models.xapi.base.statements import BaseXapiStatement

    sessions = [meeting("s-models", 4)]
    statements = xapi.statements(sessions, home_page=HOME, include_text=True)
    assert len(statements) == 13
    selector = ModelSelector(module="ralph.models.xapi")
    specific = 0
    for statement in statements:
        BaseXapiStatement.model_validate(statement)
        try:
            models = selector.get_models(statement)
        except UnknownEventException:
            continue  # no Ralph profile model for carelearn's verbs: the base model holds
        for model in models:
            model.model_validate(statement)
            specific += 1
    # ADL's "completed", "attended" and "asked" alone match none of Ralph's profile models.
    assert specific == 0


def test_statements_never_carry_names_citizens_or_confidential_text() -> None:
    text = json.dumps(xapi.statements(meeting("s-x", 4), home_page=HOME, include_text=True))
    for secret in ("c0ffee", "Fru Hansen", "Skovvej", "mbox", "Check the shoes"):
        assert secret not in text
    assert "A fall round every morning." in text
    assert "A fall round" not in json.dumps(xapi.statements(meeting("s-x", 4), home_page=HOME))


def test_statements_errors() -> None:
    with pytest.raises(carelearn.FormatError, match="home_page: expected an absolute http"):
        xapi.statements(meeting("s-x", 4), home_page="p-fac")
    with pytest.raises(TypeError, match="sessions: expected Session values"):
        xapi.statements(["s-x"], home_page=HOME)  # type: ignore[list-item]
    assert xapi.registration("s-1") == "aba0caf6-fe3c-55dc-8639-e8aa6d11ded2"


# --- Against Ralph ------------------------------------------------------------------------


def by_id(statements: list[dict[str, Any]]) -> dict[str, dict[str, Any]]:
    return {s["id"]: s for s in statements}


def test_post_then_read_back_equal_and_post_again_stores_nothing(lrs: Lrs) -> None:
    sessions = [meeting(f"s-{day}", day) for day in (4, 18, 25)]
    sent = xapi.statements(sessions, home_page=HOME, include_text=True)
    assert len(sent) == 39
    before = lrs.stored_lines()

    result = xapi.post(sent, lrs.endpoint, auth=lrs.credentials, batch_size=10)
    assert result == xapi.PostResult(posted=39, stored=39, resumed_from=0)
    assert lrs.stored_lines() == before + 39

    for session in sessions:
        registration = xapi.registration(session.id)
        held = by_id(
            xapi.get_statements(lrs.endpoint, auth=lrs.credentials, registration=registration)
        )
        mine = by_id([s for s in sent if s["context"]["registration"] == registration])
        assert held.keys() == mine.keys()
        for sid, statement in mine.items():
            assert xapi.equivalent(held[sid], statement), (held[sid], statement)
            assert held[sid]["authority"]["account"]["name"] == "writer"

    again = xapi.post(sent, lrs.endpoint, auth=lrs.credentials, batch_size=10)
    assert again == xapi.PostResult(posted=39, stored=0, resumed_from=0)
    assert lrs.stored_lines() == before + 39


class Interrupted(Exception):
    """The export's process 'died' here."""


def test_an_interrupted_post_resumes_from_its_cursor(lrs: Lrs, tmp_path: pathlib.Path) -> None:
    sent = xapi.statements(
        [meeting(f"s-resume-{day}", day) for day in (5, 12)], home_page=HOME
    )
    assert len(sent) == 26
    cursor = tmp_path / "export.cursor"
    before = lrs.stored_lines()
    posts: list[int] = []

    def dies_after_the_first_batch(request: urllib.request.Request, timeout: float) -> Any:
        if request.get_method() == "POST":
            if posts:
                raise Interrupted()
            posts.append(len(json.loads(request.data or b"[]")))  # type: ignore[arg-type]
        return urllib.request.urlopen(request, timeout=timeout)

    with pytest.raises(Interrupted):
        xapi.post(
            sent,
            lrs.endpoint,
            auth=lrs.credentials,
            batch_size=8,
            cursor_path=cursor,
            opener=dies_after_the_first_batch,
        )
    assert posts == [8]
    saved = json.loads(cursor.read_text(encoding="utf-8"))
    assert saved["done"] == 8 and saved["total"] == 26
    assert lrs.stored_lines() == before + 8

    counted: list[int] = []

    def counting(request: urllib.request.Request, timeout: float) -> Any:
        if request.get_method() == "POST":
            counted.append(len(json.loads(request.data or b"[]")))  # type: ignore[arg-type]
        return urllib.request.urlopen(request, timeout=timeout)

    result = xapi.post(
        sent,
        lrs.endpoint,
        auth=lrs.credentials,
        batch_size=8,
        cursor_path=cursor,
        opener=counting,
    )
    assert result == xapi.PostResult(posted=18, stored=18, resumed_from=8)
    assert counted == [8, 8, 2]  # nothing sent twice
    assert lrs.stored_lines() == before + 26  # nothing lost, nothing duplicated
    assert json.loads(cursor.read_text(encoding="utf-8"))["done"] == 26
    # Done: a third run sends nothing.
    assert xapi.post(sent, lrs.endpoint, auth=lrs.credentials, cursor_path=cursor).posted == 0

    # A cursor of another export is refused rather than misapplied.
    with pytest.raises(xapi.CursorError, match="an export of other statements"):
        xapi.post(sent[:5], lrs.endpoint, auth=lrs.credentials, cursor_path=cursor)


def test_a_different_statement_under_a_known_id_is_a_conflict(lrs: Lrs) -> None:
    sent = xapi.statements(meeting("s-conflict", 6), home_page=HOME)
    xapi.post(sent[:1], lrs.endpoint, auth=lrs.credentials)
    changed = json.loads(json.dumps(sent[0]))
    changed["context"]["extensions"]["https://carelearn.dk/xapi/extensions/role"] = "leader"
    with pytest.raises(xapi.ConflictError, match=f"a different statement with the id {sent[0]['id']}") as e:
        xapi.post([changed, *sent[1:3]], lrs.endpoint, auth=lrs.credentials)
    assert e.value.status == 409


def test_credentials(lrs: Lrs, tmp_path: pathlib.Path) -> None:
    sent = xapi.statements(meeting("s-auth", 7), home_page=HOME)
    wrong = tmp_path / "wrong.json"
    wrong.write_text(json.dumps({"username": "carelearn", "password": "nope"}), encoding="utf-8")
    with pytest.raises(xapi.LrsError, match="refused the credentials") as e:
        xapi.post(sent, lrs.endpoint, auth=wrong)
    assert e.value.status == 401
    with pytest.raises(carelearn.NotFoundError, match="credentials file does not exist"):
        xapi.post(sent, lrs.endpoint, auth=tmp_path / "missing.json")
    bad = tmp_path / "bad.json"
    bad.write_text('{"username": "x", "pass', encoding="utf-8")
    with pytest.raises(carelearn.FormatError, match="bad.json:1:.*not JSON"):
        xapi.post(sent, lrs.endpoint, auth=bad)
    shape = tmp_path / "shape.json"
    shape.write_text('{"user": "x", "password": "secret-value"}', encoding="utf-8")
    with pytest.raises(carelearn.FormatError) as caught:
        xapi.post(sent, lrs.endpoint, auth=shape)
    assert "secret-value" not in str(caught.value)


# --- Retries, against a stub ----------------------------------------------------------------


class Stub(http.server.BaseHTTPRequestHandler):
    """Answers POST /xAPI/statements from a script of (status, delay) pairs."""

    script: list[tuple[int, float]] = []
    seen: list[str] = []

    def do_POST(self) -> None:  # noqa: N802 (the http.server name)
        length = int(self.headers.get("Content-Length", "0"))
        body = json.loads(self.rfile.read(length))
        type(self).seen.append(self.headers.get("X-Experience-API-Version", ""))
        status, delay = type(self).script.pop(0) if type(self).script else (200, 0.0)
        time.sleep(delay)
        payload = json.dumps([s["id"] for s in body]).encode() if status == 200 else b"{}"
        try:
            self.send_response(status)
            self.send_header("Content-Type", "application/json")
            self.send_header("Content-Length", str(len(payload)))
            self.end_headers()
            self.wfile.write(payload)
        except (BrokenPipeError, ConnectionResetError):
            pass  # the client gave up waiting

    def log_message(self, format: str, *args: Any) -> None:  # noqa: A002
        pass


@pytest.fixture()
def stub(tmp_path: pathlib.Path) -> Iterator[tuple[str, pathlib.Path]]:
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Stub)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    credentials = tmp_path / "credentials.json"
    credentials.write_text(json.dumps({"token": "t0ken"}), encoding="utf-8")
    Stub.seen = []
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/xAPI", credentials
    finally:
        server.shutdown()
        server.server_close()
        thread.join()


def test_5xx_and_time_outs_are_retried_with_backoff(stub: tuple[str, pathlib.Path]) -> None:
    endpoint, credentials = stub
    sent = xapi.statements(meeting("s-retry", 8), home_page=HOME)[:3]
    Stub.script = [(503, 0.0), (502, 0.0), (200, 1.5), (200, 0.0)]
    started = time.monotonic()
    result = xapi.post(
        sent, endpoint, auth=credentials, retries=4, backoff=0.05, timeout=0.5
    )
    assert result == xapi.PostResult(posted=3, stored=3, resumed_from=0)
    # 503, 502, a time-out, then stored: four requests, waiting 0.05 + 0.1 + 0.2 s between.
    assert Stub.seen == ["1.0.3"] * 4
    assert time.monotonic() - started >= 0.35

    Stub.seen = []
    Stub.script = [(500, 0.0)] * 3
    with pytest.raises(xapi.LrsError, match="gave up after 3 attempts; last: 500") as e:
        xapi.post(sent, endpoint, auth=credentials, retries=2, backoff=0.01)
    assert e.value.status == 500
    assert len(Stub.seen) == 3

    Stub.script = [(400, 0.0)]
    with pytest.raises(xapi.LrsError, match="the LRS answered 400") as e:
        xapi.post(sent, endpoint, auth=credentials, retries=3, backoff=0.01)
    assert e.value.status == 400


def test_post_arguments(stub: tuple[str, pathlib.Path]) -> None:
    endpoint, credentials = stub
    with pytest.raises(ValueError, match="batch_size: expected 1 or more"):
        xapi.post([], endpoint, auth=credentials, batch_size=0)
    with pytest.raises(ValueError, match=r"statements\[0\]: a statement needs an id"):
        xapi.post([{"verb": {}}], endpoint, auth=credentials)
    with pytest.raises(ValueError, match="endpoint: expected an http"):
        xapi.post([], "ftp://x", auth=credentials)
    assert xapi.post([], endpoint, auth=credentials) == xapi.PostResult(0, 0, 0)
