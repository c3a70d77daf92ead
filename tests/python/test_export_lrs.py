"""``carelearn export STORE --to xapi --lrs URL`` against a real Ralph LRS (the
fixture of test_xapi.py, started on a loopback port for this module): the
statements read back equal, a second run stores nothing new, the cursor
resumes an interrupted export, and a refusal is one line with exit code 2.
"""

from __future__ import annotations

import hashlib
import json
import pathlib

import pytest

import carelearn
import carelearn.cli
from carelearn import xapi
from test_xapi import HOME, Lrs, by_id, lrs, meeting  # noqa: F401 - lrs is the fixture

__all__ = ["lrs"]


@pytest.fixture()
def store(tmp_path: pathlib.Path) -> pathlib.Path:
    path = tmp_path / "learning.db"
    with carelearn.Store(path) as db:
        for day in (3, 10, 17):
            db.put(meeting(f"s-cli-{day}", day))
    return path


def export(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str]:
    code = carelearn.cli.main(["export", *argv])
    return code, capsys.readouterr().err


def test_posted_statements_read_back_equal_and_again_store_nothing(
    lrs: Lrs, store: pathlib.Path, tmp_path: pathlib.Path, capsys: pytest.CaptureFixture[str]
) -> None:
    argv = [
        str(store), "--to", "xapi", "--home-page", HOME, "--lrs", lrs.endpoint,
        "--credentials", str(lrs.credentials), "--batch-size", "7",
    ]
    before = lrs.stored_lines()
    code, err = export(capsys, *argv)
    assert code == 0, err
    assert err == f"posted 39 statements of 3 sessions to {lrs.endpoint}: 39 new\n"
    assert lrs.stored_lines() == before + 39
    with carelearn.Store(store, read_only=True) as db:
        sent = xapi.statements(db.sessions(), home_page=HOME)
    for day in (3, 10, 17):
        registration = xapi.registration(f"s-cli-{day}")
        held = by_id(xapi.get_statements(lrs.endpoint, auth=lrs.credentials, registration=registration))
        mine = by_id([s for s in sent if s["context"]["registration"] == registration])
        assert held.keys() == mine.keys()
        assert all(xapi.equivalent(held[k], mine[k]) for k in mine)
    code, err = export(capsys, *argv)
    assert code == 0
    assert err == f"posted 39 statements of 3 sessions to {lrs.endpoint}: 0 new\n"
    assert lrs.stored_lines() == before + 39


def test_a_cursor_resumes_and_a_refusal_is_one_line(
    lrs: Lrs, store: pathlib.Path, tmp_path: pathlib.Path, capsys: pytest.CaptureFixture[str]
) -> None:
    cursor = tmp_path / "export.cursor"
    other = tmp_path / "other.db"
    with carelearn.Store(other) as db:
        for day in (5, 12, 19):
            db.put(meeting(f"s-cli-resume-{day}", day))
        sent = xapi.statements(db.sessions(), home_page=HOME)
    # An export that stopped after 20 statements, as its cursor says.
    cursor.write_text(
        json.dumps(
            {
                "carelearn": "xapi-cursor/1",
                "endpoint": lrs.endpoint,
                "fingerprint": hashlib.sha256("\n".join(s["id"] for s in sent).encode()).hexdigest(),
                "total": len(sent),
                "done": 20,
            }
        ),
        encoding="utf-8",
    )
    before = lrs.stored_lines()
    code, err = export(
        capsys, str(other), "--to", "xapi", "--home-page", HOME,
        "--lrs", lrs.endpoint, "--credentials", str(lrs.credentials), "--cursor", str(cursor),
    )
    assert code == 0, err
    assert err == (
        f"posted 19 statements of 3 sessions to {lrs.endpoint}: 19 new, "
        "resuming after the 20 the cursor had\n"
    )
    assert lrs.stored_lines() == before + 19
    assert json.loads(cursor.read_text(encoding="utf-8"))["done"] == 39

    wrong = tmp_path / "wrong.json"
    wrong.write_text(json.dumps({"username": "carelearn", "password": "nope"}), encoding="utf-8")
    wrong.chmod(0o600)
    code, err = export(
        capsys, str(store), "--to", "xapi", "--home-page", HOME, "--lrs", lrs.endpoint,
        "--credentials", str(wrong),
    )
    assert code == 2
    assert len(err.splitlines()) == 1
    assert err.startswith(
        f"carelearn export: POST {lrs.endpoint}statements: the LRS refused the credentials (401)"
    )
    wrong.chmod(0o644)
    code, err = export(
        capsys, str(store), "--to", "xapi", "--home-page", HOME, "--lrs", lrs.endpoint,
        "--credentials", str(wrong),
    )
    warning, refusal = err.splitlines()
    assert warning.startswith(f"carelearn export: warning: the credentials file {wrong} can be read by others")
    assert refusal.startswith("carelearn export: POST ")
