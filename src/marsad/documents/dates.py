"""The `published` field: an ISO 8601 date or datetime (contract: `2018-09-15`,
`2018-09-15T08:30:00+03:00`)."""

from __future__ import annotations

import datetime as dt


def parse_published(value: object) -> tuple[dt.date, dt.datetime | None]:
    """(date, datetime or None) of an ISO 8601 date / datetime string; ValueError otherwise.
    The date is the one written (local to the publisher), not converted to UTC."""
    if isinstance(value, dt.datetime):
        return value.date(), value
    if isinstance(value, dt.date):
        return value, None
    if not isinstance(value, str):
        raise ValueError(f"unparsable published {value!r}: expected an ISO 8601 date string")
    s = value.strip()
    try:
        if len(s) <= 10:
            return dt.date.fromisoformat(s), None
        moment = dt.datetime.fromisoformat(s)
    except ValueError:
        raise ValueError(f"unparsable published {value!r}: expected an ISO 8601 date "
                         "such as 2018-09-15 or 2018-09-15T08:30:00+03:00") from None
    return moment.date(), moment


def format_published(date: dt.date | None, moment: dt.datetime | None = None) -> str | None:
    """ISO text of a document's publication date (the datetime when one was given)."""
    if moment is not None:
        return moment.isoformat()
    return None if date is None else date.isoformat()
