"""Shared fixtures for the Python tests."""

from __future__ import annotations

import pathlib

import pytest

import carelearn

REPO = pathlib.Path(__file__).resolve().parents[2]
"""The repository's root directory."""


@pytest.fixture(scope="session")
def repo() -> pathlib.Path:
    """The repository's root directory."""
    return REPO


@pytest.fixture()
def catalog() -> carelearn.Catalog:
    """A fresh copy of the built-in catalog."""
    return carelearn.Catalog.builtin()


@pytest.fixture()
def meeting(catalog: carelearn.Catalog) -> carelearn.Format:
    """The systematic learning meeting."""
    return catalog["systematic-learning-meeting"]
