"""The public API: what carelearn exports, and that every public name explains itself."""

from __future__ import annotations

import enum
import inspect

import pytest

import carelearn
from carelearn import _core


def test_all_is_exported_and_sorted() -> None:
    assert carelearn.__all__ == sorted(carelearn.__all__)
    for name in carelearn.__all__:
        assert hasattr(carelearn, name), name
    assert carelearn.__version__ == _core.__version__
    assert carelearn.__version__.count(".") == 2


def test_every_bound_type_and_function_is_reachable_from_the_package() -> None:
    public = {
        getattr(carelearn, name) for name in carelearn.__all__ if name != "__version__"
    }
    for name, value in vars(_core).items():
        if name.startswith("_") or not (inspect.isclass(value) or callable(value)):
            continue
        if inspect.isclass(value):
            assert value in public or any(
                inspect.isclass(p) and issubclass(p, value) for p in public
            ), name


def _public_members(cls: type) -> list[tuple[str, object]]:
    members = []
    for klass in cls.__mro__:
        if (
            klass is object
            or klass.__module__ not in {"carelearn._core"}
            and not (klass.__module__.startswith("carelearn"))
        ):
            continue
        for name, member in vars(klass).items():
            if name.startswith("_") and name not in {
                "__init__",
                "__iter__",
                "__getitem__",
            }:
                continue
            members.append((f"{klass.__name__}.{name}", member))
    return members


@pytest.mark.parametrize(
    "name", [n for n in carelearn.__all__ if n not in {"__version__"}]
)
def test_every_public_name_has_a_docstring(name: str) -> None:
    value = getattr(carelearn, name)
    if name in {"Document", "LangLike"}:  # type aliases, documented in the module
        return
    assert (value.__doc__ or "").strip(), name
    if inspect.isclass(value) and not issubclass(value, enum.Enum):
        for member_name, member in _public_members(value):
            doc = getattr(member, "__doc__", None)
            if isinstance(member, (staticmethod, classmethod)):
                doc = member.__func__.__doc__
            assert (doc or "").strip(), member_name


def test_help_explains_a_format() -> None:
    text = pydoc_text(carelearn.Format)
    assert "A learning format" in text
    assert "to_dict" in text and "canonical JSON" in text
    assert "find_step" in text


def pydoc_text(obj: object) -> str:
    import pydoc

    return pydoc.render_doc(obj, renderer=pydoc.plaintext)
