"""What a studio server is configured with."""

from __future__ import annotations

from pathlib import Path

from pydantic import BaseModel, Field

DEFAULT_MAX_UPLOAD_BYTES = 512 << 20
STATIC_DIR = Path(__file__).parent / "static"
"""Where the page's built assets are installed (``frontend/`` builds into it)."""


class ApiSettings(BaseModel):
    """Settings of :func:`kumi.api.create_app`."""

    workspace: Path = Field(Path("kumi-workspace"), description="Workspace folder.")
    max_upload_bytes: int = Field(
        DEFAULT_MAX_UPLOAD_BYTES, gt=0, description="Largest dataset file accepted by upload."
    )
    static_dir: Path = Field(STATIC_DIR, description="The page's built assets.")
    track: bool = Field(True, description="Track runs in MLflow.")
    scheduler_interval_s: float = Field(
        5.0, gt=0, description="How often the scheduler looks for due schedules (seconds)."
    )
    first_run: bool = Field(
        False,
        description="In a workspace made at start-up, run the sample pipeline once (a finished "
        "run to look at in the page).",
    )
