"""Documentation is generated from the code and every public entry point is documented."""

import importlib.util
import inspect
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


def _generator():
    spec = importlib.util.spec_from_file_location(
        "generate_reference", ROOT / "docs" / "generate_reference.py"
    )
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


def test_docs_reference_is_up_to_date():
    gen = _generator()
    assert (ROOT / "docs" / "reference.md").read_text(encoding="utf-8") == gen.render(), (
        "docs/reference.md is stale: run .venv/bin/python docs/generate_reference.py"
    )


@pytest.mark.parametrize("path", _generator().LIBRARY)
def test_docs_every_library_entry_point_has_a_docstring(path):
    obj = _generator()._object(path)
    assert inspect.getdoc(obj) and len(inspect.getdoc(obj)) > 20
