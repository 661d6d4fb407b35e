"""Reading the "category<TAB>form|form|...<TAB>flags" word lists of events/data (cues, clause openers)."""

from __future__ import annotations

from importlib import resources
from typing import Any

from ..text import Entry


def form_entries(name: str, data: Any) -> list[Entry]:
    """Matcher entries for data file `name`, one per form, labelled with its category and carrying
    `data`. Flags: nosuf (refuse suffixed forms), noprefix (refuse proclitics)."""
    entries = []
    text = resources.files("marsad.events").joinpath(f"data/{name}").read_text(encoding="utf-8")
    for line in text.splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        cols = line.split("\t")
        flags = set(cols[2].split(",")) if len(cols) > 2 and cols[2] else set()
        for form in cols[1].split("|"):
            entries.append(Entry.of(form, cols[0], data, suffix="nosuf" not in flags,
                                    prefix="noprefix" not in flags))
    return entries
