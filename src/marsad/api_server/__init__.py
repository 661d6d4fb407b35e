"""The HTTP service: a read-only JSON API over the store (events, documents, stats, exports) and the
offline dashboard, served by `marsad serve` (see `commands.py`, `main.create_app`)."""

from .main import create_app
from .settings import Settings, load_settings

__all__ = ["Settings", "create_app", "load_settings"]
