"""Does a trigger report an event that happened? Cue words, their scope, and the verb's aspect.

News is full of conflict words that report nothing: threats, denials, plans, conditions, questions,
calls, condemnations, trials, anniversaries, long-period totals, and masdars that only name a known
event ("بعد اغتيال ..."). Each cue word (data/cues.tsv) has a category; a category acts over a
scope relative to the trigger:

- clause cues (negation, modal, plan, threat, condition, call, condemn, trial, question) act when
  they come before the trigger in the same clause, within `CLAUSE_WINDOW` tokens;
- governor cues (reference, generic) act on a noun trigger they immediately precede; cause cues
  ("بسبب", "إثر") act as reference unless a verb of harm reports the noun ("أصيب ثلاثة إثر قصف");
- verb cues before a noun trigger report it: light verbs ("نفذ هجوما"), verbs of announcing ("أعلن
  مقتل"), verbs of harm ("أصيب ثلاثة مدنيين في قصف", "تضررت منازل جراء القصف") and words of a
  violent death ("قتل ثلاثة مدنيين إثر قصف", "لقي ثلاثة مدنيين حتفهم جراء قصف"), which report it as
  harm does, past a word of cause too;
- sentence cues (statistic, history) and support cues (anchor, outcome) act anywhere in the sentence.

`assess()` turns them into a confidence adjustment and the list of categories that applied, so
that a caller can explain why a trigger was kept or dropped.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache

from ..text import Entry, Matcher, Token
from .clauses import Clauses
from .forms import form_entries

# Confidence added when a category applies; negative = evidence that nothing happened.
CLAUSE_EFFECT = {
    "negation": -0.45, "modal": -0.3, "plan": -0.45, "threat": -0.4, "condition": -0.45,
    "call": -0.3, "future": -0.45, "condemn": -0.2, "trial": -0.3, "question": -0.45,
}
GOVERNOR_EFFECT = {"reference": -0.35, "generic": -0.3, "demonstrative": -0.35}
# Tokens allowed between a governor and its noun: "بعد ساعتين من الاختطاف", "عمليات القتل".
# A demonstrative before the noun points back to an event already told ("هذا الهجوم", "هذا ثاني
# هجوم"); as a pronoun further off ("وقال هذا المسؤول إن ... هجوم") it governs nothing.
GOVERNOR_WINDOW = {"reference": 3, "generic": 1, "demonstrative": 1}
CAUSE_WINDOW = GOVERNOR_WINDOW["reference"]  # "بسبب" / "إثر" govern a noun as reference words do
SENTENCE_EFFECT = {"statistic": -0.15, "history": -0.15, "anchor": 0.1, "outcome": 0.1, "result": 0.1}
LIGHT_VERB_EFFECT = 0.15  # "قامت دبابة بقصف", "نفذ هجوما", "وقع انفجار": a verb reports the masdar
LIGHT_VERB_WINDOW = 3
LIGHT_VERB_REACH = 8  # a light verb heading the clause reaches its object past the subject and adverbs
COUNT_EFFECT = 0.1  # "قتل 20", "مقتل ثلاثة": a count of victims right after the trigger
COUNT_WINDOW = 3
# Aspect of the trigger: an imperfect or future verb describes habits, threats, plans.
ASPECT_EFFECT = {"imperfect": -0.3, "future": -0.45, "noun": -0.15}
SUBORDINATE_EFFECT = -0.35  # "الذي قتلته الشرطة", "عندما فرقت الشرطة": recalled, not reported
PREDICATE_EFFECT = 0.1  # a verb heading a main or reported clause, in VSO or SVO order
PREDICATE_REACH = 3  # tokens a verb may stand after its clause's head (a preposed subject)
HEAD_EFFECT = 0.1  # a noun heading a main clause is its predicate: "مقتل ثلاثة في انفجار"
PASSIVE_AUX_EFFECT = 0.1  # "تعرضت لهجوم", "تم اغتيال": the masdar happened to someone
# "أصيب ثلاثة مدنيين في قصف", "تضررت منازل جراء القصف": a verb of harm reports the means named after
# it as a light verb does; ACLED codes an attack that only wounds or damages.
HARM_EFFECT = 0.1  # less than a light verb: the harm verb counts as an outcome too
EFFECTS = {**CLAUSE_EFFECT, **GOVERNOR_EFFECT, **SENTENCE_EFFECT, "subordinate": SUBORDINATE_EFFECT,
           "head": HEAD_EFFECT, "announced": LIGHT_VERB_EFFECT, "predicate": PREDICATE_EFFECT,
           "lead": PREDICATE_EFFECT,
           "passive_aux": PASSIVE_AUX_EFFECT, "light_verb": LIGHT_VERB_EFFECT, "count": COUNT_EFFECT,
           "harm": HARM_EFFECT}
REPORTED_NOUN_EFFECT = 0.0
# Reasons that a verb reports a noun trigger ("نفذ هجوما", "تعرض لهجوم", "أعلن مقتل", "أصيب في قصف").
REPORTING = frozenset({"light_verb", "announced", "passive_aux", "harm"})
CLAUSE_WINDOW = 7  # tokens before the trigger that a clause cue may stand
PAST_AUX_WINDOW = 4  # "كانوا يطلقون النار": a past auxiliary this close makes an imperfect past
AGENT_WINDOW = 6  # "من قبل" / "على يد" this close after a trigger makes it passive
# Characters between two tokens that end a clause (scope of clause cues does not cross them).
CLAUSE_PUNCT = frozenset('،,;؛:."!?؟')
# The reason a verb cue before a noun trigger gives it.
_LIGHT_REASON = {"light_verb": "light_verb", "report": "announced", "harm": "harm", "death": "harm"}
# Cue categories that report the means of the harm named after them ("أصيب ... في قصف", "قتل ... إثر قصف").
HARM_CUES = frozenset({"harm", "death"})
CUE = "cue"  # the `data` of a cue Entry, telling cues apart from the other entries of a shared scanner

CATEGORIES = frozenset(CLAUSE_EFFECT) | frozenset(GOVERNOR_EFFECT) | frozenset(SENTENCE_EFFECT) | {
    "past_aux", "participant", "air", "agent", "passive_aux", "boundary", "prep", "light_verb", "report",
    "resumptive", "number", "defuse", "figurative", "figurative_next", "accident", "harm", "cause", "death",
    "target", "name_head", "crowd", "tyres", "burn", "drone", "unopposed", "earlier", "gathering", "against",
    "amid", "join", "time_next",
    "long_period"}


@dataclass(frozen=True, slots=True)
class Cue:
    category: str
    first: int  # token positions in the sentence's token list, [first, last)
    last: int


@lru_cache(maxsize=1)
def cue_entries() -> list[Entry]:
    """The cue lexicon (data/cues.tsv), one Entry per form labelled with its category."""
    return form_entries("cues.tsv", CUE)


@lru_cache(maxsize=1)
def cue_matcher() -> Matcher:
    return Matcher(cue_entries())


def find_cues(tokens: Sequence[Token]) -> list[Cue]:
    """Every cue in a sentence's tokens (overlapping, so a word can be two cues)."""
    return [Cue(m.label, m.first, m.last) for m in cue_matcher().find(tokens, overlapping=True)]


def clause_breaks(tokens: Sequence[Token], norm: str) -> list[bool]:
    """`breaks[i]` is True when a clause boundary lies between token i-1 and token i."""
    out = [False] * len(tokens)
    for i in range(1, len(tokens)):
        gap = norm[tokens[i - 1].end:tokens[i].start]
        out[i] = any(c in CLAUSE_PUNCT for c in gap)
    return out


@dataclass(frozen=True, slots=True)
class Assessment:
    delta: float
    reasons: tuple[str, ...]
    passive: bool


def assess(tokens: Sequence[Token], cues: Sequence[Cue], breaks: Sequence[bool], first: int, last: int,
           aspect: str, question: bool, cl: Clauses, ignore: frozenset[str] = frozenset()) -> Assessment:
    """Confidence adjustment for a trigger spanning tokens [first, last) of a sentence, whose clauses
    are `cl` (clauses.segment). Categories in `ignore` do not apply (support that suits violence but
    not a demonstration: casualties make a protest a clash, not more of a protest)."""
    delta = 0.0
    reasons: list[str] = []
    # The clause start: the nearest punctuation or boundary word before the trigger.
    lo = max(0, first - CLAUSE_WINDOW)
    for i in range(first, lo, -1):
        if breaks[i]:
            lo = i
            break
    for c in cues:
        if c.category == "boundary" and lo <= c.first < first:
            lo = max(lo, c.last)
    past_aux = passive = caused = False
    applied: set[str] = set()
    for c in cues:
        cat = c.category
        if c.first < last and c.last > first:
            continue  # the trigger itself ("وقف" in "وقف إطلاق النار")
        before = c.last <= first
        if cat in CLAUSE_EFFECT and before and c.first >= lo:
            applied.add(cat)
        elif (cat in GOVERNOR_EFFECT and aspect == "noun" and before
              and first - c.last <= GOVERNOR_WINDOW[cat]):
            applied.add(cat)
        elif cat == "cause" and aspect == "noun" and before and first - c.last <= CAUSE_WINDOW:
            caused = True
        elif cat in SENTENCE_EFFECT:
            applied.add(cat)
        elif cat == "past_aux" and before and first - c.last < PAST_AUX_WINDOW:
            past_aux = True
        elif cat == "agent" and not before and c.first - last < AGENT_WINDOW:
            passive = True
        elif cat == "passive_aux" and before and first - c.last < LIGHT_VERB_WINDOW:
            passive = True
            if aspect == "noun":
                applied.add("passive_aux")
        elif cat in _LIGHT_REASON and aspect == "noun" and before and (
                first - c.last < LIGHT_VERB_WINDOW
                or (c.first == cl.head[first] and first - c.last < LIGHT_VERB_REACH)) and (
                cat not in HARM_CUES or not any(breaks[c.last:first + 1])):  # "أصيبوا بجروح، مدينا الهجمات"
            # "نفذ هجوما", "أقدم متظاهرون أمس على قطع الطريق"; "أعلنت مصادر مقتل ستة أشخاص";
            # "أصيب ثلاثة مدنيين بجروح في قصف مدفعي", "لقي ثلاثة مدنيين حتفهم إثر قصف"
            applied.add(_LIGHT_REASON[cat])
        elif cat == "number" and not before and c.first - last < COUNT_WINDOW:
            applied.add("count")
    if caused and "harm" not in applied:
        applied.add("reference")  # "بسبب الهجوم": a known event, unless harm is reported by it
    if cl.subordinate(first) or (aspect != "noun" and any(
            c.category == "resumptive" and c.first == last for c in cues)):
        applied.add("subordinate")
    elif cl.kind[first] == "paren":
        pass
    elif aspect == "noun":
        if cl.head[first] == first and not tokens[last - 1].text.endswith("ا"):
            applied.add("head")  # a headline or nominal clause: "مقتل ثلاثة"; not "احتجاجا على"
    elif first == cl.head[first]:
        applied.add("lead")  # the verb opens its clause (VSO): "اختطف مسلحون صحفيا ..."
    elif 0 < first - cl.head[first] <= PREDICATE_REACH:
        applied.add("predicate")  # after a preposed subject: "ان مسلحين خطفوا ...", "مليون متظاهر خرجوا"
    if question:
        applied.add("question")
    if any(t.text[0].isdigit() for t in tokens[last:last + COUNT_WINDOW]):
        applied.add("count")
    for cat in sorted(applied - ignore):
        delta += EFFECTS[cat]
        reasons.append(cat)
    if aspect in ASPECT_EFFECT and not (aspect == "imperfect" and past_aux):
        # A masdar that a verb reports ("نفذ هجوما", "تعرض لهجوم") is less in doubt than a bare one.
        delta += REPORTED_NOUN_EFFECT if aspect == "noun" and applied & REPORTING else ASPECT_EFFECT[aspect]
        reasons.append(aspect)
    return Assessment(delta, tuple(reasons), passive)


def is_question(norm_sentence: str, tokens: Sequence[Token]) -> bool:
    """A sentence that asks: ends with a question mark or opens with هل."""
    s = norm_sentence.rstrip(' "\')')
    return s.endswith(("?", "؟")) or bool(tokens and tokens[0].text in ("هل", "وهل", "فهل"))
