"""Sphinx configuration of carelearn's documentation site (tools/build_docs.sh).

The site is the Markdown guides of docs/ (MyST), the Python API from the
installed package's docstrings (autodoc), the C++ API from Doxygen (its HTML
copied in under cpp/), the examples, the quick-start notebook executed with its
outputs (MyST-NB), and the changelog. Pages that list files (the examples, the
notebooks, the Python modules) are generated at every build into _generated/,
so a new example, notebook or submodule is on the site without editing here.
"""

from __future__ import annotations

import importlib
import os
import pathlib
import pkgutil
import re
import shutil
from typing import Any

import carelearn

DOCS = pathlib.Path(__file__).resolve().parent
REPO = DOCS.parent
GENERATED = DOCS / "_generated"
DOXYGEN_HTML = pathlib.Path(os.environ.get("CARELEARN_DOXYGEN_HTML", REPO / "build/docs/html"))

project = "carelearn"
author = "The carelearn authors"
copyright = "the carelearn authors, Apache License 2.0"
release = carelearn.__version__
version = release

extensions = [
    "myst_nb",  # Markdown (MyST) and notebooks
    "sphinx.ext.autodoc",
]
source_suffix = {".md": "myst-nb", ".ipynb": "myst-nb"}
root_doc = "index"
exclude_patterns = ["_build", "mainpage.md", "**/.ipynb_checkpoints"]
html_theme = "furo"
html_title = "carelearn"
html_static_path: list[str] = []

# Anchors for the headings the guides link to (`[x](metrics.md#reach)`).
myst_heading_anchors = 4
myst_enable_extensions = ["colon_fence", "deflist"]

# The notebooks run at every build, so the outputs shown are today's.
nb_execution_mode = "force"
nb_execution_timeout = 300
nb_execution_raise_on_error = True
nb_execution_show_tb = True

# A public class often extends its _core class: its methods are documented
# with it, as one class.
autodoc_default_options = {
    "members": True,
    "undoc-members": True,
    "inherited-members": "object,tuple,list,dict,str,int,float,Exception,Sequence,Mapping",
    "show-inheritance": False,
}
autodoc_member_order = "bysource"
autodoc_typehints = "signature"
autodoc_inherit_docstrings = True

# Warnings are errors (-W) and every reference must resolve (-n), but for the
# names of other projects: their inventories are on the web, which the build
# does not read (nothing is downloaded at build time).
nitpicky = True
nitpick_ignore_regex = [
    (r"py:.*", r"(numpy|pandas|pyarrow|polars|duckdb|argparse|datetime|os|pathlib|io|typing|collections\.abc|enum|types)(\..*)?"),
    (r"py:.*", r"(np|pd|pa)\..*"),
    (r"py:.*", r"(Any|Callable|Iterator|Iterable|Mapping|Sequence|TextIO|Self|Literal|Optional|Union)"),
    (r"py:.*", r"(NDArray|SupportsInt|SupportsFloat|SupportsIndex|PathLike|TypeAlias)"),
    (r"py:.*", r"(str|int|float|bool|bytes|object|list|dict|tuple|set|None|type|callable|Exception|ValueError|TypeError|RuntimeError|OSError|KeyError)"),
    # The private extension module, which the public classes wrap or extend,
    # and the type aliases of the signatures (documented as data, not classes).
    (r"py:.*", r"(carelearn\.)?_core\..*"),
    (r"py:class", r"True|False"),
    (r"py:(class|data)", r"(carelearn\.)?\w+Like"),
    # pybind11's own helper types in the extension's signatures.
    (r"py:.*", r"(pybind11_builtins|pybind11_object|capsule|typing_extensions)(\..*)?"),
    # matplotlib's and Dask's types in the signatures of carelearn.plot and carelearn.dask.
    (r"py:.*", r"(matplotlib|dask|distributed)(\..*)?"),
    (r"py:class", r"Axes|Figure"),
    # carelearn's private modules and classes, which the signatures may name.
    (r"py:.*", r"carelearn(\.\w+)*\._\w+(\..*)?"),
]


def _write_if_changed(path: pathlib.Path, text: str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    if not path.exists() or path.read_text(encoding="utf-8") != text:
        path.write_text(text, encoding="utf-8")


def _first_docstring_line(path: pathlib.Path) -> str:
    match = re.match(r'\s*(?:"""|//)\s*(.+)', path.read_text(encoding="utf-8"))
    return match.group(1).strip().rstrip('"') if match else ""


def _generate_examples() -> None:
    """One page per language of examples, each file shown whole."""
    lines = [
        "# Examples",
        "",
        "Every example here is run by the test suite: the Python ones by",
        "`tests/python/test_examples.py`, the C++ ones by ctest, which checks each",
        "against the output beside it (`.expected`).",
        "",
    ]
    for title, folder, pattern, language in [
        ("Python", "examples/python", "*.py", "python"),
        ("C++", "examples/cpp", "*.cpp", "cpp"),
    ]:
        lines += [f"## {title}", ""]
        for path in sorted((REPO / folder).glob(pattern)):
            lines += [f"### {path.name}", ""]
            summary = _first_docstring_line(path)
            if summary:
                lines += [summary, ""]
            lines += [
                f"```{{literalinclude}} ../../{folder}/{path.name}",
                f":language: {language}",
                "```",
                "",
            ]
            expected = path.with_suffix(".expected")
            if expected.exists():
                lines += [
                    "Its output:",
                    "",
                    f"```{{literalinclude}} ../../{folder}/{expected.name}",
                    ":language: text",
                    "```",
                    "",
                ]
    _write_if_changed(GENERATED / "examples.md", "\n".join(lines))


def _generate_notebooks() -> None:
    """The notebooks of examples/notebooks, copied in to be executed."""
    target = GENERATED / "notebooks"
    target.mkdir(parents=True, exist_ok=True)
    for path in sorted((REPO / "examples/notebooks").glob("*.ipynb")):
        shutil.copyfile(path, target / path.name)


def _generate_python_api() -> None:
    """The package and each public submodule, documented from docstrings."""
    modules = ["carelearn"] + sorted(
        m.name
        for m in pkgutil.walk_packages(carelearn.__path__, "carelearn.")
        if not any(part.startswith("_") for part in m.name.split("."))
    )
    lines = [
        "# Python API",
        "",
        "The Python package `carelearn`, from its docstrings; `docs/python.md`",
        "([the guide](../python.md)) shows it at work.",
        "",
    ]
    for module in modules:
        # A name a submodule shares with the package is documented once, in the package.
        shared = sorted(
            name
            for name in getattr(importlib.import_module(module), "__all__", [])
            if module != "carelearn"
            and getattr(importlib.import_module(module), name) is getattr(carelearn, name, None)
        )
        lines += [f"## `{module}`", "", "```{eval-rst}", f".. automodule:: {module}"]
        if shared:
            lines.append(f"   :exclude-members: {', '.join(shared)}")
        lines += ["```", ""]
    _write_if_changed(GENERATED / "python-api.md", "\n".join(lines))


def _generate(app: Any) -> None:
    _generate_examples()
    _generate_notebooks()
    _generate_python_api()
    if not (DOXYGEN_HTML / "index.html").exists():
        raise RuntimeError(
            f"no Doxygen HTML at {DOXYGEN_HTML}: run `doxygen docs/Doxyfile` first "
            "(tools/build_docs.sh does)"
        )


def _copy_doxygen(app: Any, exception: Exception | None) -> None:
    """The C++ reference, under cpp/ of the site."""
    if exception is None and app.builder.format == "html":
        target = pathlib.Path(app.outdir) / "cpp"
        shutil.rmtree(target, ignore_errors=True)
        shutil.copytree(DOXYGEN_HTML, target)


def setup(app: Any) -> dict[str, Any]:
    app.connect("builder-inited", _generate)
    app.connect("build-finished", _copy_doxygen)
    return {"parallel_read_safe": True}
