"""The notebooks (the quick start, the evaluator's) run from top to bottom
without an error, and say what they are meant to."""

from __future__ import annotations

import pathlib
from typing import Any

import pytest

NOTEBOOKS = pathlib.Path(__file__).resolve().parents[2] / "examples" / "notebooks"
NOTEBOOK = NOTEBOOKS / "quickstart.ipynb"
EVALUATE = NOTEBOOKS / "evaluate.ipynb"


@pytest.mark.parametrize("path", [NOTEBOOK, EVALUATE], ids=lambda p: p.name)
def test_the_notebook_is_stored_without_outputs(path: pathlib.Path) -> None:
    import nbformat
    notebook = nbformat.read(path, as_version=4)
    for cell in notebook.cells:
        if cell.cell_type == "code":
            assert cell.outputs == [] and cell.execution_count is None


def execute(path: pathlib.Path) -> tuple[Any, str]:
    """Runs the notebook at `path`; returns it and its text outputs."""
    try:
        import nbclient
        import nbformat
    except ImportError:
        pytest.fail(
            "the notebook test needs nbclient, nbformat and ipykernel: pip install carelearn[test]"
        )
    notebook = nbformat.read(path, as_version=4)
    client = nbclient.NotebookClient(
        notebook,
        timeout=300,
        kernel_name="python3",
        resources={"metadata": {"path": str(path.parent)}},
    )
    client.execute()  # raises CellExecutionError on the first cell that fails
    outputs = "".join(
        output.get("text", "") + str(output.get("data", {}).get("text/plain", ""))
        for cell in notebook.cells
        if cell.cell_type == "code"
        for output in cell.outputs
    )
    return notebook, outputs


def errors_of(notebook: Any) -> list[Any]:
    """The error outputs and the writes to standard error."""
    return [
        output
        for cell in notebook.cells
        if cell.cell_type == "code"
        for output in cell.outputs
        if output.output_type == "error" or output.get("name") == "stderr"
    ]


def test_the_notebook_runs() -> None:
    notebook, outputs = execute(NOTEBOOK)
    assert "Dagsorden: Systematisk læringsmøde" in outputs
    assert "budget-overrun" in outputs
    assert "steps[joint-reflection]" in outputs
    assert "/steps/0/budjet" in outputs
    assert errors_of(notebook) == []


def test_the_evaluator_notebook_answers_the_seven_questions() -> None:
    notebook, outputs = execute(EVALUATE)
    assert errors_of(notebook) == []
    assert "1517 sessions (1243 held, 274 cancelled)" in outputs
    for column in (
        "adherence",  # 1. the fixed interval
        "reached_share",  # 2. who was reached
        "overrun_rate",  # 3. steps and times
        "hours_per_person_mean",  # 4. dose
        "done_rate",  # 5. actions
        "ci_low",  # 6. ratings
        "cross_unit_share",  # 7. learning circles
    ):
        assert column in outputs, column
    figures = [
        output
        for cell in notebook.cells
        if cell.cell_type == "code"
        for output in cell.outputs
        if "image/png" in output.get("data", {})
    ]
    assert len(figures) == 5
