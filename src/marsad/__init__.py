"""Marsad (مرصد): Arabic news in, ACLED-compatible conflict events out, every field with its evidence.

    >>> import marsad
    >>> events = marsad.extract(text, published="2018-09-15")
    >>> places = marsad.geoparse(text)

See `marsad.api` for the library surface and `marsad --help` for the command line.
"""

from __future__ import annotations

from typing import Any

__version__ = "0.1.0"

# Loaded on first use, so that `import marsad.text` stays light and the command line starts fast.
_LAZY = {
    "Pipeline": "marsad.api",
    "clean": "marsad.api",
    "extract": "marsad.api",
    "extract_documents": "marsad.api",
    "iter_documents": "marsad.api",
    "geoparse": "marsad.geo",
}

__all__ = [*_LAZY, "__version__"]


def __getattr__(name: str) -> Any:
    if name in _LAZY:
        import importlib

        return getattr(importlib.import_module(_LAZY[name]), name)
    raise AttributeError(f"module 'marsad' has no attribute {name!r}")
