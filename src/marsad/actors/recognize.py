"""Recognising actor mentions in a sentence with the clitic-aware lexicon matcher.

Aliases come from actors.tsv; names of state forces by nationality ("الجيش السوري",
"القوات التركية", "طائرات إسرائيلية") are generated from the state heads and the countries'
nationality adjectives. The longest alias wins ("عناصر تنظيم داعش" → "تنظيم داعش",
"قوات التحالف الدولي" over "التحالف").
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from functools import lru_cache

from marsad.text import Entry, Matcher, Sentence, TextView, normalize_word

from .lexicon import lexicon, read_tsv

STATE_IDS = frozenset({"military", "police"})  # generic state mentions: country from context
GENERIC_IDS = frozenset({"civilians", "protesters", "rioters", "unidentified"})


@dataclass(frozen=True, slots=True)
class ActorMention:
    """An actor named in the text. Offsets are into the normalised text (`view.span()` maps
    them back); the span covers the name with its article, without other proclitics
    ("والقوات التركية" → "القوات التركية").
    kind: "named" (a specific actor), "state" (generic state forces: "الجيش", "قوات الأمن",
    whose country comes from the event) or "generic" (civilians, protesters, rioters,
    unidentified armed men)."""

    start: int
    end: int
    actor_id: str
    kind: str
    first: int = field(default=-1, compare=False)  # global token index of its first token
    last: int = field(default=-1, compare=False)  # one past its last token
    prefix: str = field(default="", compare=False)  # proclitics of its first token ("و", "لل")


def _kind(actor_id: str) -> str:
    if actor_id in STATE_IDS:
        return "state"
    return "generic" if actor_id in GENERIC_IDS else "named"


def _adjective_forms(adjective: str, definite: bool) -> tuple[str, str]:
    base = ("ال" + adjective) if definite else adjective
    return base, base + "ة"


def _state_aliases() -> Iterator[tuple[str, str]]:
    """(alias, actor id) for "<head> <nationality>" in both genders."""
    lex = lexicon()
    heads = [(a.text, "military") for a in lex.actors["military"].aliases]
    heads += [(a.text, "police") for a in lex.actors["police"].aliases]
    heads += [(r["head"], r["kind"]) for _, r in read_tsv("state_heads.tsv")]
    for head, kind in heads:
        definite = head.split()[-1].startswith("ال")
        for country in lex.countries.values():
            for adjective in country.adjectives:
                for form in _adjective_forms(adjective, definite):
                    yield f"{head} {form}", f"{kind}_{country.iso2.lower()}"


@lru_cache(maxsize=1)
def actor_entries() -> tuple[Entry, ...]:
    """Every alias as a matcher entry with data (actor id, kind); written aliases take
    precedence over generated ones."""
    entries: dict[tuple[str, ...], Entry] = {}
    for actor in lexicon().actors.values():
        for alias in actor.aliases:
            e = Entry.of(alias.text, actor.id, (actor.id, _kind(actor.id)), suffix=alias.suffix)
            entries.setdefault(e.words, e)
    for alias, actor_id in _state_aliases():
        words = tuple(normalize_word(alias).split())
        if words not in entries:
            entries[words] = Entry(words, actor_id, (actor_id, _kind(actor_id)), suffix=False)
    return tuple(entries.values())


@lru_cache(maxsize=1)
def actor_matcher() -> Matcher:
    return Matcher(list(actor_entries()))


def find_actors(view: TextView, sentence: Sentence) -> list[ActorMention]:
    """Actor mentions of one sentence, left to right, not overlapping."""
    norm = view.norm
    toks = view.tokens_of(sentence)
    out = []
    for m in actor_matcher().find(toks):
        actor_id, kind = m.entry.data
        start, end = m.start, m.end
        # Keep the article in the span: "والجيش" → "الجيش", not "جيش".
        if m.prefix and norm.startswith("ال", start - 2) and start - 2 >= toks[m.first].start:
            start -= 2
        # A name opened by a quotation mark keeps its closing one: تنظيم "داعش".
        if norm.count('"', start, end) % 2 == 1 and norm.startswith('"', end):
            end += 1
        out.append(ActorMention(start, end, actor_id, kind, toks[m.first].index,
                                toks[m.last - 1].index + 1, m.prefix))
    return out
