"""The English `notes` sentence and the `confidence` of an event, both derived from its fields."""

from __future__ import annotations

from .model import Event

# What the event's evidence adds to the trigger's own confidence. Explicit, complete, attributed
# reports score higher; an event with no place or no date of its own scores lower.
_WEIGHTS = {
    "actor1": 0.08,
    "actor2": 0.04,
    "place": 0.08,
    "place_in_sentence": 0.04,
    "date": 0.05,
    "attribution": 0.05,
}
_NO_PLACE = 0.12


def confidence_of(trigger_confidence: float, signals: dict[str, bool]) -> float:
    c = 0.75 * trigger_confidence
    c += sum(w for k, w in _WEIGHTS.items() if signals.get(k))
    if not signals.get("place"):
        c -= _NO_PLACE
    if signals.get("date_unknown"):
        c -= _NO_PLACE
    return round(max(0.05, min(0.99, c)), 2)


# Sub-type -> (verb phrase, whether actor2 follows it).
_VERBS: dict[str, tuple[str, bool]] = {
    "Armed clash": ("clashed with", True),
    "Government regains territory": ("regained territory from", True),
    "Non-state actor overtakes territory": ("took territory from", True),
    "Air/drone strike": ("carried out an air/drone strike on", True),
    "Shelling/artillery/missile attack": ("shelled", True),
    "Remote explosive/landmine/IED": ("used an explosive device against", True),
    "Suicide bomb": ("carried out a suicide/car bombing against", True),
    "Grenade": ("threw a grenade at", True),
    "Chemical weapon": ("used a chemical weapon against", True),
    "Attack": ("attacked", True),
    "Abduction/forced disappearance": ("abducted", True),
    "Sexual violence": ("committed sexual violence against", True),
    "Peaceful protest": ("protested", False),
    "Protest with intervention": ("protested and were met by", True),
    "Excessive force against protesters": ("protested and met excessive force from", True),
    "Violent demonstration": ("rioted", False),
    "Mob violence": ("engaged in mob violence against", True),
    "Arrests": ("arrested", True),
    "Agreement": ("reached an agreement with", True),
    "Headquarters or base established": ("established a base", False),
    "Looting/property destruction": ("looted or destroyed property of", True),
    "Disrupted weapons use": ("disrupted weapons use by", True),
    "Change to group/activity": ("changed group or activity", False),
    "Non-violent transfer of territory": ("transferred territory to", True),
    "Other": ("was involved in a strategic development with", True),
}


def notes_for(ev: Event) -> str:
    """One English sentence from the coded fields, e.g. "On 2018-09-14, Islamic State (Syria) clashed
    with QSD: Syrian Democratic Forces near Hajin (Deir ez Zor, Syria). 20 fatalities reported."."""
    verb, takes_object = _VERBS.get(ev.sub_event_type, ("was involved in an event with", True))
    parts = [
        f"On {ev.event_date}," if ev.event_date else "On an unknown date,",
        ev.actor1 or "an unidentified actor",
        verb,
    ]
    if takes_object:
        parts.append(ev.actor2 or "unidentified targets")
    where = ev.location or ev.admin1
    if where:
        area = ", ".join(x for x in (ev.admin1 if ev.admin1 != where else None, ev.country) if x)
        parts.append(
            ("near " if (ev.geo_precision or 1) >= 2 else "in ") + where + (f" ({area})" if area else "")
        )
    elif ev.country:
        parts.append(f"in {ev.country}")
    text = " ".join(parts) + "."
    if ev.fatalities:
        text += f" {ev.fatalities} fatalit{'y' if ev.fatalities == 1 else 'ies'} reported."
    if ev.attribution:
        text += " Attributed in the text to a named source."
    return text
