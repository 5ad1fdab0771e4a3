"""How step workers ask the kernel for memory.

NumPy advises the kernel to back arrays of 4 MB and more with transparent huge pages
(``madvise(MADV_HUGEPAGE)``) where the system leaves that choice to programs. A worker
allocates its outputs in fresh memory on every run (the value cache keeps earlier ones),
and on machines whose free memory is fragmented, such as virtual machines with a full page
cache, each fresh huge page stalls on compaction: measured on a 2-core VM, writing 200 MB
of new arrays took 0.12 to 0.40 s with huge pages and 0.08 to 0.11 s without. Workers therefore
use ordinary pages unless ``NUMPY_MADVISE_HUGEPAGE`` says otherwise (NumPy's own switch,
read when NumPy is imported; ``1`` turns huge pages back on).
"""

from __future__ import annotations

import importlib
import os
from typing import Any

HUGEPAGE_VARIABLE = "NUMPY_MADVISE_HUGEPAGE"


def use_ordinary_pages() -> bool:
    """Stop NumPy advising huge pages in this process, unless ``NUMPY_MADVISE_HUGEPAGE``
    is set (then NumPy applied it at import). Returns whether huge pages are now advised."""
    setting = os.environ.get(HUGEPAGE_VARIABLE)
    if setting is not None:
        return _advised()
    setter = getattr(_multiarray(), "_set_madvise_hugepage", None)
    if setter is not None:  # absent outside Linux builds' usual API: nothing to change
        setter(False)
    return _advised()


def _advised() -> bool:
    getter = getattr(_multiarray(), "_get_madvise_hugepage", None)
    return bool(getter()) if getter is not None else False


def _multiarray() -> Any:
    """NumPy's array core, where its huge page switch lives (``numpy.core`` before 2.0)."""
    for name in ("numpy._core.multiarray", "numpy.core.multiarray"):
        try:
            return importlib.import_module(name)
        except ImportError:
            continue
    return None
