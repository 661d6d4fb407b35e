"""FastAPI dependencies: the settings, the store's engine (one per app) and the write token."""

from __future__ import annotations

import hmac
from typing import Annotated

from fastapi import Depends, HTTPException, Request, status
from fastapi.security import HTTPAuthorizationCredentials, HTTPBearer
from sqlalchemy import Engine

from .settings import Settings

_bearer = HTTPBearer(auto_error=False, description="The API token of the service's configuration.")


def get_settings(request: Request) -> Settings:
    return request.app.state.settings


def get_engine(request: Request) -> Engine:
    return request.app.state.engine


EngineDep = Annotated[Engine, Depends(get_engine)]
SettingsDep = Annotated[Settings, Depends(get_settings)]


def require_token(
    credentials: Annotated[HTTPAuthorizationCredentials | None, Depends(_bearer)], settings: SettingsDep
) -> None:
    """Refuse (401) unless `Authorization: Bearer TOKEN` carries the configured token. Checked before the
    body is read, so a refused request writes nothing."""
    expected = settings.api_token
    given = credentials.credentials if credentials else ""
    # compare_digest: the time taken does not tell how much of a guessed token was right.
    if not expected or not hmac.compare_digest(given.encode(), expected.encode()):
        raise HTTPException(
            status.HTTP_401_UNAUTHORIZED,
            "a valid API token is required"
            if expected
            else "writes are disabled: no API token is configured",
            headers={"WWW-Authenticate": "Bearer"},
        )
