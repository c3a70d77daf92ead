"""The built-in catalog, shared, as the default wherever a catalog resolves
references; below every other module of the package, so that none of them
imports another for it."""

from __future__ import annotations

import functools

from . import _core

__all__ = ["builtin_catalog"]


@functools.cache
def builtin_catalog() -> _core.Catalog:
    """The built-in catalog, shared; used as the default where a catalog is needed.

    Do not change it: use :meth:`carelearn.Catalog.builtin` for a copy of your own.
    """
    return _core.Catalog.builtin()
