"""The loan applications table the scoring tests train and score: numbers and text with
gaps, a boolean, a date, a small integer and a yes/no target."""

from __future__ import annotations

import numpy as np
import pandas as pd


def loans(rows: int = 300, seed: int = 3) -> pd.DataFrame:
    """``rows`` applications; the same ``seed`` gives the same table."""
    rng = np.random.default_rng(seed)
    income = rng.normal(50, 15, rows)
    grade = rng.choice(["A", "B", "C"], rows)
    opened = pd.Timestamp("2020-01-01") + pd.to_timedelta(rng.integers(0, 900, rows), unit="D")
    owner = rng.random(rows) < 0.4
    risk = income / 10 - (grade == "C") * 2 + owner + rng.normal(0, 1, rows)
    frame = pd.DataFrame(
        {
            "income": income,
            "grade": grade,
            "opened": opened,
            "owner": owner,
            "stores": rng.integers(0, 4, rows),
        }
    )
    frame.loc[::17, "income"] = np.nan
    frame.loc[::23, "grade"] = None
    frame["approved"] = np.where(risk > np.median(risk), "yes", "no")
    return frame
