"""Actors: the dictionary (data/*.tsv), recognition in text, ACLED names and types, roles in an
event, interaction codes, and attribution of reports to their sources."""

from .attribution import find_attribution
from .lexicon import INTER_TYPES, Actor, Country, Lexicon, Period, lexicon
from .naming import (
    actor_associates,
    actor_country,
    actor_inter,
    actor_name,
    civilian_targeting,
    government_side,
    interaction,
    resolve_actor,
)
from .recognize import ActorMention, find_actors
from .roles import Roles, assign_roles

__all__ = [
    "INTER_TYPES", "Actor", "ActorMention", "Country", "Lexicon", "Period", "Roles",
    "actor_associates", "actor_country", "actor_inter", "actor_name", "assign_roles",
    "civilian_targeting", "find_actors", "find_attribution", "government_side", "interaction", "lexicon",
    "resolve_actor",
]
