"""The quick-start notebook runs from top to bottom without an error."""

from __future__ import annotations

import pathlib

import pytest

NOTEBOOK = (
    pathlib.Path(__file__).resolve().parents[2]
    / "examples"
    / "notebooks"
    / "quickstart.ipynb"
)


def test_the_notebook_is_stored_without_outputs() -> None:
    nbformat = pytest.importorskip("nbformat")
    notebook = nbformat.read(NOTEBOOK, as_version=4)
    for cell in notebook.cells:
        if cell.cell_type == "code":
            assert cell.outputs == [] and cell.execution_count is None


def test_the_notebook_runs() -> None:
    try:
        import nbclient
        import nbformat
    except ImportError:
        pytest.fail(
            "the notebook test needs nbclient, nbformat and ipykernel: pip install carelearn[test]"
        )
    notebook = nbformat.read(NOTEBOOK, as_version=4)
    client = nbclient.NotebookClient(
        notebook,
        timeout=300,
        kernel_name="python3",
        resources={"metadata": {"path": str(NOTEBOOK.parent)}},
    )
    client.execute()  # raises CellExecutionError on the first cell that fails
    outputs = "".join(
        output.get("text", "") + str(output.get("data", {}).get("text/plain", ""))
        for cell in notebook.cells
        if cell.cell_type == "code"
        for output in cell.outputs
    )
    assert "Dagsorden: Systematisk læringsmøde" in outputs
    assert "budget-overrun" in outputs
    assert "steps[joint-reflection]" in outputs
    assert "/steps/0/budjet" in outputs
    errors = [
        output
        for cell in notebook.cells
        if cell.cell_type == "code"
        for output in cell.outputs
        if output.output_type == "error" or output.get("name") == "stderr"
    ]
    assert errors == []
