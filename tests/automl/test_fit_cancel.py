"""``kumi.automl.fit(cancel=...)``: a set event stops the job with RunCanceledError."""

from __future__ import annotations

import threading
import time

import pytest
from sklearn.datasets import load_breast_cancer

from kumi.automl import fit
from kumi.core.errors import RunCanceledError


def test_a_canceled_fit_stops_before_searching() -> None:
    frame = load_breast_cancer(as_frame=True).frame.head(120)
    cancel = threading.Event()
    cancel.set()
    phases: list[str] = []
    started = time.monotonic()
    with pytest.raises(RunCanceledError) as raised:
        fit(frame, "target", time_budget_s=60, n_jobs=1, cancel=cancel,
            on_progress=lambda event: phases.append(event["phase"]))  # fmt: skip
    assert time.monotonic() - started < 10
    assert raised.value.details == {"trials": 0}
    assert phases == ["featurizing"]
