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
            assert (
                value in public
                or value in WRAPPED
                or any(inspect.isclass(p) and issubclass(p, value) for p in public)
            ), name


WRAPPED = {_core.Store: carelearn.Store}
"""Bound classes that a public class wraps rather than subclasses, so that each
operation has one name."""


def test_a_wrapped_class_shows_one_name_per_operation() -> None:
    store = carelearn.Store(":memory:")
    names = {n for n in dir(store) if not n.startswith("_")}
    for doubled in ("put_session", "find_sessions", "count_sessions", "get_session",
                    "delete_session", "list_formats", "import_json_lines",
                    "export_json_lines", "check_integrity"):
        assert doubled not in names
    assert {"put", "get", "delete", "sessions", "count", "actions", "formats"} <= names


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


def test_the_package_modules_import_each_other_without_a_circle() -> None:
    import ast
    import pathlib

    root = pathlib.Path(carelearn.__file__).resolve().parent
    graph: dict[str, set[str]] = {}
    for path in root.rglob("*.py"):
        module = ".".join(path.relative_to(root).with_suffix("").parts)
        module = module.removesuffix(".__init__").removesuffix("__init__") or "carelearn"
        package = module.rpartition(".")[0] if path.name != "__init__.py" else module
        imports: set[str] = set()
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.ImportFrom) and node.level:
                base = package.split(".") if package and package != "carelearn" else []
                base = base[: len(base) - (node.level - 1)] if node.level > 1 else base
                target = ".".join([*base, node.module] if node.module else base)
                names = [target] if node.module else [
                    ".".join([*base, alias.name]) for alias in node.names
                ]
                imports.update(n for n in names if n)
        graph[module] = imports

    def visit(module: str, path: list[str]) -> None:
        assert module not in path, " -> ".join([*path, module])
        for target in sorted(graph.get(module, ())):
            if target in graph and target != "_core":
                visit(target, [*path, module])

    for module in graph:
        if module != "carelearn":
            visit(module, [])
    assert "_documents" in graph and "_agenda" in graph["_documents"]
    assert "_catalog" not in graph["_agenda"]
