"""Serialisation of events and place mentions (JSONL, CSV, GeoJSON)."""

from .writers import FORMATS, write_events, write_jsonl

__all__ = ["FORMATS", "write_events", "write_jsonl"]
