"""Validation contexts and agenda options build with and without a catalog."""

from __future__ import annotations

import carelearn
from carelearn import _core


def test_agenda_options_default_to_no_catalog() -> None:
    assert _core.AgendaOptions().catalog is None
    assert _core.AgendaOptions(catalog=None).catalog is None
    assert repr(_core.AgendaOptions()) == "AgendaOptions()"


def test_agenda_options_keep_a_given_catalog() -> None:
    catalog = carelearn.Catalog.builtin()
    options = _core.AgendaOptions(catalog=catalog, day=carelearn.WorkingDay(minutes=480))
    assert options.catalog is not None
    assert options.day.minutes == 480


def test_validation_context_repr_with_and_without_catalog() -> None:
    assert repr(carelearn.ValidationContext()) == "ValidationContext()"
    with_catalog = carelearn.ValidationContext(catalog=carelearn.Catalog.builtin(), participants=12)
    assert with_catalog.participants == 12
    assert repr(with_catalog).startswith("ValidationContext(catalog=<Catalog of 12 formats")
    found = _core.validate(carelearn.Catalog.builtin()["systematic-learning-meeting"], with_catalog)
    assert [d.code for d in found if d.severity is carelearn.Severity.ERROR] == ["budget-overrun"]
