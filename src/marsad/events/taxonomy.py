"""ACLED's event taxonomy: the six types, their sub-types in precedence order, and disorder types."""

from __future__ import annotations

# Sub-types of each type in ACLED precedence order (the first listed wins when several apply).
SUB_EVENT_TYPES: dict[str, tuple[str, ...]] = {
    "Battles": ("Government regains territory", "Non-state actor overtakes territory", "Armed clash"),
    "Protests": ("Excessive force against protesters", "Protest with intervention", "Peaceful protest"),
    "Riots": ("Violent demonstration", "Mob violence"),
    "Explosions/Remote violence": ("Chemical weapon", "Air/drone strike", "Suicide bomb",
                                   "Shelling/artillery/missile attack", "Remote explosive/landmine/IED",
                                   "Grenade"),
    "Violence against civilians": ("Sexual violence", "Attack", "Abduction/forced disappearance"),
    "Strategic developments": ("Agreement", "Arrests", "Change to group/activity", "Disrupted weapons use",
                               "Headquarters or base established", "Looting/property destruction",
                               "Non-violent transfer of territory", "Other"),
}
EVENT_TYPE_OF = {sub: et for et, subs in SUB_EVENT_TYPES.items() for sub in subs}
STATE_FORCES = "State forces"


def disorder_type(event_type: str, sub_event_type: str) -> str:
    if event_type == "Protests":
        return "Demonstrations"
    if event_type == "Riots":
        # Mob violence is political violence; a violent demonstration is both.
        return "Political violence; Demonstrations" if sub_event_type == "Violent demonstration" \
            else "Political violence"
    if event_type == "Strategic developments":
        return "Strategic developments"
    return "Political violence"


def precedence(sub_event_type: str) -> int:
    """Rank of a sub-type within its type (lower wins)."""
    et = EVENT_TYPE_OF.get(sub_event_type)
    return SUB_EVENT_TYPES[et].index(sub_event_type) if et else 99
