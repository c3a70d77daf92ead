"""Load the systematic learning meeting from Python: carelearn's strict loader
against what a Python user would otherwise write, json.loads followed by a JSON
Schema check with the jsonschema package (which, unlike carelearn, gives no
line and column and builds no model).

Run:  python bench/compare_python.py [ROUNDS]
"""

from __future__ import annotations

import json
import pathlib
import sys
import timeit

import jsonschema

import carelearn

ROOT = pathlib.Path(__file__).resolve().parent.parent


def main(rounds: int = 2000) -> None:
    """Time each way of loading the document and print microseconds per load."""
    text = (ROOT / "catalog" / "systematic-learning-meeting.json").read_text(encoding="utf-8")
    schema = json.loads((ROOT / "schema" / "format-1.schema.json").read_text(encoding="utf-8"))
    validator = jsonschema.Draft202012Validator(schema)

    def with_jsonschema() -> None:
        validator.validate(json.loads(text))

    cases = {
        "carelearn.loads (strict, located errors, model)": lambda: carelearn.loads(text),
        "json.loads + jsonschema (validated dict)": with_jsonschema,
        "json.loads only (no checks)": lambda: json.loads(text),
    }
    print(f"{len(text)} bytes, best of 5 × {rounds} rounds")
    for name, fn in cases.items():
        best = min(timeit.repeat(fn, number=rounds, repeat=5)) / rounds
        print(f"  {name:<50} {best * 1e6:9.1f} µs")


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 2000)
