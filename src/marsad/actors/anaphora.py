"""Definite nouns that refer back to an actor named before: "التنظيم", "الحركة", "المسلحون",
"الجيش", "القوات" (data/anaphors.tsv).

An anaphor takes the actor of its kind that the last few sentences name, when they name only one
(two groups, or the armies of two states, leave it ambiguous: it keeps its own reading); a group
anaphor with a head word ("التنظيم") otherwise takes the last actor named with that word
("تنظيم داعش"), however far back. `Antecedents` holds what each sentence read so far named.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from functools import lru_cache

from marsad.text import Sentence, TextView, candidate_map, normalize_word

from .lexicon import read_tsv
from .naming import actor_inter
from .recognize import ActorMention

WINDOW = 3  # sentences back an antecedent may be named in
_GROUP_INTERS = frozenset({"Rebel group", "Political militia", "Identity militia"})
_FORCE_INTERS = frozenset({"State forces", "External/Other forces"})
_HEAD_REACH = 12  # characters before a mention where its head word ("تنظيم") may stand


@dataclass(frozen=True, slots=True)
class Seen:
    """An actor a sentence named, as an antecedent."""

    actor_id: str
    kind: str  # the mention's kind: "named", "state", "generic"
    start: int  # normalised offset
    context: str  # the mention's text with the words just before it


Antecedents = dict[int, list[Seen]]  # sentence index → the actors it names, left to right


@dataclass(frozen=True, slots=True)
class Anaphor:
    refers: str  # "group", "army", "forces"; "epithet" for words that follow one
    head: str  # normalised head word of a group's name, "" when none


@lru_cache(maxsize=1)
def anaphors() -> dict[str, Anaphor]:
    return {normalize_word(r["word"]): Anaphor(r["refers"], normalize_word(r["head"]) if r["head"] else "")
            for _, r in read_tsv("anaphors.tsv")}


@lru_cache(maxsize=1)
def anaphor_stems() -> tuple[str, ...]:
    """The anaphors without their article, for a substring test of a sentence ("جيش" in "للجيش")."""
    words = [w for w, a in anaphors().items() if a.refers != "epithet"]  # epithets only follow one
    return tuple(sorted({w[2:] if w.startswith("ال") else w for w in words}))


@lru_cache(maxsize=1)
def anaphor_heads() -> tuple[str, ...]:
    """The head words groups are named with ("تنظيم", "حركة"): what an anaphor may find past the window."""
    return tuple(sorted({a.head for a in anaphors().values() if a.head}))


def remember(view: TextView, sentence: Sentence, mentions: list[ActorMention],
             antecedents: Antecedents) -> None:
    """Note the actors `sentence` names."""
    antecedents[sentence.index] = [
        Seen(m.actor_id, m.kind, m.start, view.norm[max(0, m.start - _HEAD_REACH):m.end]) for m in mentions]


def _fits(seen: Seen, refers: str) -> bool:
    """`seen` is an actor an anaphor of kind `refers` may stand for."""
    if refers == "group":  # unidentified gunmen named before count too: they make "المسلحون" ambiguous
        named_group = seen.kind == "named" and actor_inter(seen.actor_id) in _GROUP_INTERS
        return named_group or seen.actor_id == "unidentified"
    if seen.kind != "named":
        return False
    inter = actor_inter(seen.actor_id)
    if refers == "army":
        return inter == "State forces" and not seen.actor_id.startswith("police")
    return inter in _FORCE_INTERS


def antecedent(anaphor: Anaphor, index: int, start: int, antecedents: Antecedents) -> str | None:
    """The actor id the anaphor at normalised offset `start` of sentence `index` refers to: the
    last one named with its head word in the window ("تنظيم داعش" ... "التنظيم"), else the only
    actor of its kind the window names, else the last one named with its head word before."""
    def before(i: int) -> list[Seen]:
        return [s for s in antecedents.get(i, []) if i < index or s.start < start]

    window = [s for back in range(WINDOW + 1) for s in reversed(before(index - back))]  # latest first
    headed = [s for s in window if anaphor.head and s.kind == "named" and anaphor.head in s.context]
    if headed:
        return headed[0].actor_id
    ids = {s.actor_id for s in window if _fits(s, anaphor.refers)}
    if len(ids) == 1 and "unidentified" not in ids:
        return ids.pop()
    if anaphor.head:
        for i in sorted((i for i in antecedents if i < index - WINDOW), reverse=True):
            named = [s for s in before(i) if s.kind == "named" and anaphor.head in s.context]
            if named:
                return named[-1].actor_id
    return None


_NISBA = ("ي", "يه", "يين", "يون")  # endings of a nisba adjective ("الإسلامية", "الشعبي")


def _described(view: TextView, toks: list, k: int, anaphor: Anaphor, words: dict[str, Anaphor],
               starts: set[int]) -> bool:
    """Token `k`, an anaphor, names something else: forces followed by a definite word of their
    phrase ("القوات المساندة له"), a group word by a nisba adjective ("الحركة الإسلامية"), and
    any anaphor by "من" and the name it stands for ("المسلحين من قوات الحرس")."""
    if k + 1 >= len(toks) or view.norm[toks[k].end:toks[k + 1].start].strip():
        return False
    nxt = toks[k + 1]
    if nxt.text == "من":
        return nxt.index + 1 in starts
    if not nxt.text.startswith("ال") or words.get(nxt.text, Anaphor("", "")).refers == "epithet":
        return False
    return anaphor.refers != "group" or nxt.text.endswith(_NISBA)


def _replaceable(m: ActorMention) -> bool:
    """A mention an anaphor's antecedent may take the place of: a generic reading of the same
    word ("المسلحين" unidentified gunmen, "الجيش" the army of the event's country)."""
    return m.kind != "named" and m.last - m.first == 1


def resolve_anaphora(view: TextView, sentence: Sentence, mentions: list[ActorMention],
                     antecedents: Antecedents) -> list[ActorMention]:
    """`mentions` of `sentence` with its anaphors read as the actors they refer to, then noted
    in `antecedents` for the sentences after it."""
    words = anaphors()
    remember(view, sentence, mentions, antecedents)  # the actors named before an anaphor in its sentence
    out = list(mentions)
    by_token = {m.first: m for m in mentions if m.last - m.first == 1}
    toks = view.tokens_of(sentence)
    starts = {m.first for m in mentions}
    for k, tok in enumerate(toks):
        readings = candidate_map(tok.text).items()
        found = next(((form, c) for form, c in readings if form in words and not c.suffix), None)
        if found is None:
            continue
        form, cand = found
        if words[form].refers == "epithet" or _described(view, toks, k, words[form], words, starts):
            continue
        own = by_token.get(tok.index)
        covered = any(m.first <= tok.index < m.last for m in mentions)
        if covered and (own is None or not _replaceable(own)):
            continue
        start = tok.start + cand.cut
        actor_id = antecedent(words[form], sentence.index, start, antecedents)
        if actor_id is None:
            continue
        if own is not None:
            out[out.index(own)] = replace(own, actor_id=actor_id, kind="named")
        else:
            out.append(ActorMention(start, tok.end, actor_id, "named", tok.index, tok.index + 1, cand.prefix))
    out.sort(key=lambda m: m.start)
    remember(view, sentence, out, antecedents)
    return out
