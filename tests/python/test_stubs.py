"""The committed stubs of carelearn._core are what pybind11-stubgen makes of the module."""

from __future__ import annotations

import importlib.util
import pathlib
import subprocess
import sys

import pytest

COMMITTED = (
    pathlib.Path(__file__).resolve().parents[2] / "python" / "carelearn" / "_core.pyi"
)

REGENERATE = (
    "python -m pybind11_stubgen carelearn._core -o python "
    "(from the repository's root, with carelearn installed)"
)


def test_the_committed_stubs_match_the_module(tmp_path: pathlib.Path) -> None:
    if importlib.util.find_spec("pybind11_stubgen") is None:
        pytest.fail(
            "pybind11-stubgen is not installed, so the stubs cannot be checked: "
            "pip install pybind11-stubgen (or pip install carelearn[test])"
        )
    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "pybind11_stubgen",
            "carelearn._core",
            "-o",
            str(tmp_path),
        ],
        check=False,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert result.returncode == 0, result.stderr
    assert "ERROR" not in result.stderr, result.stderr
    generated = (tmp_path / "carelearn" / "_core.pyi").read_text(encoding="utf-8")
    committed = COMMITTED.read_text(encoding="utf-8")
    assert generated == committed, (
        f"python/carelearn/_core.pyi is out of date; regenerate: {REGENERATE}"
    )
