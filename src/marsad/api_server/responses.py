"""JSON responses serialised with orjson (dates, non-ASCII text) without a validation pass: records are
built from rows of known types, and listing them is the service's hot path."""

from __future__ import annotations

from typing import Any

import orjson
from fastapi.responses import JSONResponse


class FastJSON(JSONResponse):
    media_type = "application/json"

    def render(self, content: Any) -> bytes:
        return orjson.dumps(content)
