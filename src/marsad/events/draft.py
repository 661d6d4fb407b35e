"""An event being coded: its fields and the evidence collected for them, before it becomes an `Event`."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from ..documents import Document
from ..text import Sentence, TextView
from .model import Evidence
from .triggers import Trigger


@dataclass
class Draft:
    """An event being coded: its fields, and the evidence collected for them."""

    doc: Document
    sentence: Sentence
    trigger: Trigger
    triggers: list[Trigger]
    fields: dict[str, Any] = field(default_factory=dict)
    evidence: list[Evidence] = field(default_factory=list)
    signals: dict[str, bool] = field(default_factory=dict)
    sub_event_type: str | None = None  # set when coding decides the sub-type beyond the trigger's
    place: Any = None  # the PlaceMention the event is placed at
    place_in_sentence: bool = False
    split_at: int | None = None  # offset of its own place, when one report was split by place
    deaths: list = field(default_factory=list)  # the death mentions its toll was counted from

    def cite(self, view: TextView, name: str, start: int, end: int) -> None:
        a, b = view.span(start, end)
        self.evidence.append(Evidence(name, self.doc.id, a, b, view.text[a:b]))

    def cite_original(self, name: str, start: int, end: int) -> None:
        self.evidence.append(Evidence(name, self.doc.id, start, end, self.doc.text[start:end]))
