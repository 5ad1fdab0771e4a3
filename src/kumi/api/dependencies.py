"""What routers are handed: the open workspace and the settings."""

from __future__ import annotations

from typing import Annotated

from fastapi import Depends, Request

from kumi.api.settings import ApiSettings
from kumi.storage.workspace import Workspace


def _workspace(request: Request) -> Workspace:
    workspace: Workspace = request.app.state.workspace
    return workspace


def _settings(request: Request) -> ApiSettings:
    settings: ApiSettings = request.app.state.settings
    return settings


WorkspaceDep = Annotated[Workspace, Depends(_workspace)]
SettingsDep = Annotated[ApiSettings, Depends(_settings)]
