"""Claims of responsibility: the armed group an article says claimed its attacks.

"تبنى تنظيم داعش الهجوم", "أعلنت حركة الشباب مسؤوليتها عن التفجير" (data/claims.tsv): the named
non-state armed group nearest the claim word, within its sentence, is the claimant. An article
whose claims name one group only gives that group to its attacks whose initiator the text leaves
unnamed (an unnamed bomber, "مسلحون مجهولون"), as ACLED codes a claimed attack. Negated, denied or
blamed claims ("لم يتبن أي فصيل", "نفت الحركة مسؤوليتها") name nobody, and two claimants none.
"""

from __future__ import annotations

from functools import lru_cache

from marsad.text import Entry, Matcher, TextView, candidate_map, normalize_word

from .lexicon import read_tsv
from .naming import actor_inter
from .recognize import ActorMention, find_actors

_CLAIMANT_INTERS = frozenset({"Rebel group", "Political militia", "Identity militia"})
_REACH = 10  # tokens between a claim word and its claimant
_BLOCK_REACH = 4  # tokens before a claim word where a negation, denial or blame word undoes it


@lru_cache(maxsize=1)
def _table() -> dict[str, frozenset[str]]:
    out: dict[str, set[str]] = {}
    for _, r in read_tsv("claims.tsv"):
        out.setdefault(r["role"], set()).update(w.strip() for w in r["words"].split("|") if w.strip())
    return {role: frozenset(words) for role, words in out.items()}


@lru_cache(maxsize=1)
def _cues() -> Matcher:
    table = _table()
    return Matcher([Entry.of(w, role, suffix=False) for role in ("cue", "cue_after") for w in table[role]])


@lru_cache(maxsize=1)
def _blocks() -> frozenset[str]:
    return frozenset(normalize_word(w) for w in _table()["block"])


@lru_cache(maxsize=1)
def claimable_kinds() -> frozenset[str]:
    """Trigger kinds of the attacks a claim may name the initiator of."""
    return _table()["kind"]


def _blocked(toks: list, first: int) -> bool:
    blocks = _blocks()
    before = toks[max(0, first - _BLOCK_REACH):first]
    return any(form in blocks and not cand.suffix
               for t in before for form, cand in candidate_map(t.text).items())


def find_claimant(view: TextView) -> ActorMention | None:
    """The one group the article's claims of responsibility name, or None."""
    cues = _cues()
    if not cues.may_match(view.norm):
        return None
    found: dict[str, ActorMention] = {}
    for sentence in view.sentences:
        if not cues.may_match(view.sentence_text(sentence)):
            continue
        toks = view.tokens_of(sentence)
        claims = [m for m in cues.find(toks) if not _blocked(toks, m.first)]
        if not claims:
            continue
        base = toks[0].index
        groups = [m for m in find_actors(view, sentence)
                  if m.kind == "named" and actor_inter(m.actor_id) in _CLAIMANT_INTERS]
        for claim in claims:
            near = [(min(abs(m.first - base - claim.first), abs(m.last - 1 - base - claim.first)), m)
                    for m in groups]
            # A responsibility noun's claimant is the subject before it ("أعلنت الحركة مسؤوليتها عن").
            near = [x for x in near if x[0] <= _REACH
                    and (claim.entry.label != "cue_after" or x[1].last - base <= claim.first)]
            if near:
                m = min(near, key=lambda x: x[0])[1]
                found.setdefault(m.actor_id, m)
    return next(iter(found.values())) if len(found) == 1 else None
