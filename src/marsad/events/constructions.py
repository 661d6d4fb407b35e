"""Report constructions: the Arabic constructions that assert that an act of violence happened.

A trigger's weight (data/triggers.tsv) is a prior for the bare word; phrasings its weight was not fitted
to fall under the threshold. News reports violence in a few constructions, each a row of
data/constructions.tsv with its arguments:

- a verb before its event noun: a light verb ("شن التنظيم هجوما", "نفذ مسلحون عملية", "قام الطيران
  بقصف"), a verb of occurrence ("اندلعت اشتباكات", "تدور معارك"), of launching ("ألقت المروحيات براميل
  متفجرة", "أطلق المسلحون قذائف"), of striking with a means ("استهدف الجيش بقذائف المدفعية ..."), or of
  undergoing, whose subject is the target ("تعرضت القاعدة لهجوم");
- the noun first and its verb after it ("الاشتباكات اندلعت", "المواجهات تجددت");
- an event heading its clause that names its means or cause next: casualty-first reports ("مقتل جندي
  إثر انفجار عبوة", "استشهاد ستة أشخاص بغارة جوية") and headline masdars ("استهداف رتل بعبوة ناسفة");
- a noun that modality.py found reported by a verb of harm ("أصيب ثلاثة مدنيين في قصف").

A trigger in one of them is a report unless a cue says otherwise: its confidence is raised to the
row's floor plus the negative effects (modality.EFFECTS) of the cues on the trigger and on the
construction's own verb, so negation, threats, plans, conditions, questions and backgrounding clauses
still keep it under the threshold ("لم تندلع اشتباكات", "هدد بشن هجوم", "الذي تعرض لهجوم").
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace
from functools import lru_cache

from ..datafiles import read_table
from ..text import Entry, Match, Token
from ..text.tokens import PRONOUN_SUFFIXES
from . import modality, patterns
from .clauses import Clauses
from .scanner import Scanner

# Proclitics that make a perfect verb form a noun ("القصف", "بالقصف"): not the construction's verb.
_NOUN_PREFIXES = ("ال", "ب", "ل", "ك")
# Object pronouns on a verb ("نفذه", "شنوها"); "نا" is as often the subject ("نفذنا").
_OBJECT_PRONOUNS = tuple(p for p in PRONOUN_SUFFIXES if p != "نا")
# Proclitics a conjunction adds before the link ("وبقصف", "فلهجوم").
_CONJUNCTIONS = ("و", "ف")
# Reasons of a trigger that are no evidence against it when its construction explains them: a cause
# word links the reported death to its means ("مقتل جندي إثر انفجار عبوة"), not to a known event.
_CAUSE_LINKS = frozenset({"جراء", "اثر", "بسبب", "نتيجه"})
# Kinds whose words are as often verbal as physical ("شن الوزير هجوما على الحكومة", "تعرض لهجوم حاد"):
# a verb asserts them only with a physical sign: a toll ("أسفر عن"), or a military target (cues.tsv
# target) in the construction or right after the noun ("شن هجوما على حاجز", "تعرضت دورية لهجوم").
PHYSICAL_KINDS = frozenset({"attack"})
PHYSICAL_REASONS = frozenset({"result"})
# With a verb that reports the attack, casualties in the sentence are its toll ("سقط قتلى في هجوم شنه
# مسلحون"); a bare harm verb is not enough ("أصيب جندي في هجوم": wounded in words, as often).
VERB_PHYSICAL_REASONS = frozenset({"outcome"})
TARGET_WINDOW = 4
# An aircraft as the subject between a construction's verb and its noun ("قام طيران التحالف باستهداف
# مواقع", "ألقت المروحيات قنابل"): the reason `asserted` adds; the kinds it retypes as an air strike are
# rows of data/context_kinds.tsv. Air words that qualify something else ("القاعدة الجوية") are no subject.
AIR_SUBJECT = "air_subject"
AIR_ADJECTIVES = frozenset({"جوي", "جويه", "الجويه", "الجوي", "حربيه", "الحربيه"})
# Reasons of a noun governed by a word that points to a known event: a relative clause on it recalls
# that event ("بسبب الألغام التي زرعها التنظيم", "هذا الهجوم الذي نفذته").
GOVERNED = frozenset(modality.GOVERNOR_EFFECT)
# Kinds whose trigger is a projectile or a bomb, which falls ("سقطت قذائف هاون على الحي").
WEAPON_KINDS = frozenset({"shelling", "missile", "airstrike", "explosion", "ied", "car_bomb", "grenade"})


@dataclass(frozen=True, slots=True)
class Construction:
    name: str
    shape: str  # "before", "after", "means" or "reason"
    words: tuple[str, ...]  # the verbs (before/after), link words (means) or modality reasons (reason)
    reach: int
    floor: float
    link: str  # proclitic the event noun carries ("ل", "ب"), or ""
    min_weight: float
    noprep: bool  # no preposition may stand between the verb and the noun
    physical: bool  # PHYSICAL_KINDS need a physical sign (PHYSICAL_SIGNS) to be asserted
    pron: bool  # the verb carries the pronoun of the noun it follows ("هجوم شنه مسلحون")
    rel: bool  # the verb may open a relative clause right after the noun ("الهجوم الذي نفذته طالبان")
    weapon: bool  # the noun is of WEAPON_KINDS ("سقطت قذائف", not "سقط الجندي")


@dataclass(frozen=True, slots=True)
class Licence:
    """Why a trigger is asserted: the construction, and its verb (whose modality counts too)."""

    name: str
    floor: float
    verb: tuple[int, int] | None = None  # token span of the construction's verb
    verb_excused: frozenset[str] = frozenset()  # reasons of the verb that do not count against it
    excused: frozenset[str] = frozenset()  # trigger reasons the construction accounts for
    physical: bool = False  # a PHYSICAL_KINDS trigger needs a physical sign
    fallback: Licence | None = None  # another construction the trigger stands in


def _verb_forms(word: str) -> list[tuple[str, bool]]:
    """(form, takes suffixes) for a row's verb: a perfect, with "+imp" also its imperfects (ي/ت, the
    3rd persons of a news report); a word written as an imperfect ("يدور") gets its ت form; one
    written with "=" is that form alone, with no suffix."""
    if word.endswith("="):
        return [(word[:-1], False)]
    base = word.removesuffix("+imp")
    if base.startswith("ي"):
        return [(base, True), ("ت" + base[1:], True)]
    out = [(base, True)]
    if base.endswith("ي"):
        # Defective: ألقى → ألقت ألقوا ألقتا, رمى → رمت رموا; spelt out whole, since with a suffix
        # they read other words ("القوا" + ت is "القوات").
        out += [(base[:-1] + e, False) for e in ("ت", "وا", "تا")]
    if word.endswith("+imp") and (imp := patterns.imperfect(base)):
        out += [(imp, True), ("ت" + imp[1:], True)]
    return out


@lru_cache(maxsize=1)
def constructions() -> list[Construction]:
    out = []
    columns = ("name", "shape", "words", "reach", "floor", "link", "min_weight", "flags?")
    for r in read_table("marsad.events", "data/constructions.tsv", columns):
        fl = set(r["flags"].split(","))
        link = "" if r["link"] == "-" else r["link"]
        out.append(Construction(r["name"], r["shape"], tuple(r["words"].split("|")), int(r["reach"]),
                                float(r["floor"]), link, float(r["min_weight"]), "noprep" in fl,
                                "physical" in fl, "pron" in fl, "rel" in fl, "weapon" in fl))
    return out


@lru_cache(maxsize=1)
def verb_scanner() -> Scanner:
    """The verbs of the before/after rows, one entry per form, carrying their row."""
    entries = []
    for c in constructions():
        if c.shape not in ("before", "after"):
            continue
        for word in c.words:
            entries += [Entry.of(form, c.name, c, suffix=suffix) for form, suffix in _verb_forms(word)]
    return Scanner(entries)


def _link_prefix(m: Match) -> str:
    pre = m.prefix
    if pre[:1] in _CONJUNCTIONS:
        pre = pre[1:]
    return pre


def _same_clause(cl: Clauses, a: int, b: int) -> bool:
    """Tokens a < b in one clause with no punctuation between them."""
    return cl.start[a] == cl.start[b] and not any(cl.breaks[a + 1:b + 1])


def _past_adverb(cl: Clauses, cues: Sequence[modality.Cue], tokens: Sequence[Token], a: int, b: int) -> bool:
    """Tokens a < b in one clause, or split only by a time adverb set off by commas ("شنت الطائرات،
    مساء أمس، غارات"): every token between the first and the last comma is a time word or a number."""
    if _same_clause(cl, a, b):
        return True
    cut = [k for k in range(a + 1, b + 1) if cl.breaks[k]]
    if len(cut) != 2 or cl.subordinate(b):
        return False
    times = {k for c in cues if c.category == "anchor" for k in range(c.first, c.last)}
    return all(k in times or tokens[k].text[:1].isdigit() for k in range(cut[0], cut[1]))


def licences(matches: Sequence[Match], aspects: Sequence[str], violent: Sequence[bool],
             tokens: Sequence[Token], cues: Sequence[modality.Cue], cl: Clauses) -> dict[int, Licence]:
    """The construction each trigger of violence stands in (by its index in `matches`), if any."""
    out: dict[int, Licence] = {}
    cands = [i for i, m in enumerate(matches) if violent[i]]
    if not cands:
        return out
    for v in verb_scanner().scan(tokens):
        if v.prefix.endswith(_NOUN_PREFIXES):
            continue
        c: Construction = v.entry.data
        # A verb reports one event noun: after it, its object, the weightiest trigger in reach ("شنت
        # طائرات حربية غارات جوية": the raids, not the aircraft); before it, the nearest, whose pronoun
        # it carries or whose predicate it is ("بانفجار لغم زرعه المسلحون": the mine).
        reached = [i for i in cands
                   if i not in out and _reaches(c, v, matches[i], aspects[i], matches, tokens, cues, cl)]
        if not reached:
            continue
        if c.shape == "before":
            i = max(reached, key=lambda k: (matches[k].entry.data.weight, -abs(matches[k].first - v.first)))
        else:
            i = max(reached, key=lambda k: matches[k].first)
        # A relative clause on the noun tells who carried it out; it backgrounds nothing.
        out[i] = Licence(c.name, c.floor, (v.first, v.last), physical=c.physical,
                         verb_excused=frozenset({"subordinate"}) if c.rel else frozenset())
    # Twice: a means may name its own means ("أصيب اثنان، إثر استهداف مدخل الساحة بقذيفة").
    for _ in range(2):
        for c in constructions():
            if c.shape == "means":
                _means(c, matches, aspects, cands, tokens, cues, cl, out)
    return out


def _reaches(c: Construction, v: Match, m: Match, aspect: str, matches: Sequence[Match],
             tokens: Sequence[Token], cues: Sequence[modality.Cue], cl: Clauses) -> bool:
    """Whether verb `v` of construction `c` reports the event noun `m`."""
    if aspect != "noun" or m.entry.data.weight < c.min_weight:
        return False
    if c.shape == "before":
        ok = (v.last <= m.first and m.first - v.last < c.reach
              and _past_adverb(cl, cues, tokens, v.first, m.first))
    else:
        ok = m.last <= v.first and v.first - m.last < c.reach and (
            _same_clause(cl, m.first, v.first)
            or (c.rel and cl.kind[v.first] == "relative" and cl.start[v.first] == m.last
                and not cl.breaks[m.last]))
    if not ok or (c.link and not _link_prefix(m).startswith(c.link)):
        return False
    if c.pron and not (v.suffix and v.suffix.endswith(PRONOUN_SUFFIXES)):
        return False
    # A verb before its noun with an object pronoun has its object ("نفذه طفل يقود دراجة ملغومة").
    if c.shape == "before" and v.suffix.endswith(_OBJECT_PRONOUNS):
        return False
    if c.weapon and m.entry.data.kind not in WEAPON_KINDS:
        return False
    # "قصفت قوات النظام البلدة بالمدفعية": a verb that is itself a trigger of the noun's kind says it all.
    if any(t.first == v.first and t.entry.data.kind == m.entry.data.kind for t in matches):
        return False
    lo, hi = min(v.last, m.last), max(v.first, m.first)
    return not (c.noprep and any(p.category == "prep" and lo <= p.first < hi for p in cues))


def _means(c: Construction, matches: Sequence[Match], aspects: Sequence[str], cands: Sequence[int],
           tokens: Sequence[Token], cues: Sequence[modality.Cue], cl: Clauses,
           out: dict[int, Licence]) -> None:
    """An event heading its clause and its means or cause linked right after it: both asserted. The
    head may be a word of harm that is no trigger ("أصيب ثلاثة أشخاص بجروح، مساء الجمعة، إثر انفجار
    عبوة"); a word of cause reaches its means past commas, in clauses that background nothing."""
    heads: list[tuple[int | None, int, int, str]] = []  # (trigger index, None for a word of harm; span; kind)
    for i in cands:
        head = matches[i]
        # The head opens its clause, or another construction asserts it ("تعرضت القاعدة لهجوم بالصواريخ").
        if (head.entry.data.weight >= c.min_weight and not cl.subordinate(head.first)
                and (i in out or cl.head[head.first] == head.first)):
            heads.append((i, head.first, head.last, head.entry.data.kind))
    heads += [(None, q.first, q.last, "") for q in cues if q.category in modality.HARM_CUES
              and cl.head[q.first] == q.first and not cl.subordinate(q.first)]
    links = frozenset(c.words)
    for i, first, last, kind in heads:
        for j in cands:
            means = matches[j]
            if (means.first < last or means.first - last > 2 * c.reach or means.entry.data.kind == kind
                    or means.entry.data.weight < c.min_weight):
                continue
            word = tokens[means.first - 1].text if means.first > last else ""
            if i is None and _same_clause(cl, first, means.first):
                continue  # modality.py reads a verb of harm in its clause (the "harmed_by" row)
            if _same_clause(cl, first, means.first) and means.first - last <= c.reach:
                if _link_prefix(means).startswith("ب") and "ب" in links:
                    # The means of a means shares its link: "إثر استهداف الساحة بقذيفة" (the cause word
                    # governs both, and reports both).
                    chained = i is not None and i in out and out[i].name == c.name
                    excused = out[i].excused if chained else frozenset()
                elif word in links:
                    excused = frozenset({"reference"}) if word in _CAUSE_LINKS else frozenset()
                else:
                    continue
            elif word in _CAUSE_LINKS and word in links and not any(
                    cl.subordinate(k) for k in range(last, means.first)):
                excused = frozenset({"reference"})
            else:
                continue
            # The means of a reported death needs no other sign of being physical: it stands in when
            # a verb's construction lacks one.
            pairs = [(j, Licence(c.name, c.floor, excused=excused, physical=i is None))]
            if i is not None:
                pairs.append((i, Licence(c.name, c.floor)))
            for k, lic in pairs:
                if k not in out:
                    out[k] = lic
                elif out[k].name != c.name:
                    out[k] = replace(out[k], fallback=lic)
            break


def reason_licence(reasons: Sequence[str], weight: float) -> Licence | None:
    """A "reason" row whose modality reason the trigger has ("harm": a verb of harm reports it)."""
    for c in constructions():
        if c.shape == "reason" and weight >= c.min_weight and any(r in c.words for r in reasons):
            return Licence(c.name, c.floor, physical=c.physical)
    return None


@lru_cache(maxsize=1)
def names() -> frozenset[str]:
    """The reasons `asserted` gives: a trigger asserted by a construction is reported."""
    return frozenset(c.name for c in constructions())


def _physical(licence: Licence, first: int, last: int, reasons: Sequence[str], tokens: Sequence[Token],
              cues: Sequence[modality.Cue], cl: Clauses) -> bool:
    """A physical sign for the trigger at tokens [first, last): a toll, casualties named beside the
    construction's verb, an aircraft as its subject, or a military target from that verb to a few
    words after the trigger, in its clause."""
    if PHYSICAL_REASONS & set(reasons) or (licence.verb and VERB_PHYSICAL_REASONS & set(reasons)):
        return True
    if _air_subject(licence, first, tokens, cues):
        return True
    start, end = (min(first, licence.verb[0]), max(last, licence.verb[1])) if licence.verb else (first, last)
    return any(c.category == "target" and start <= c.first < end + TARGET_WINDOW
               and not any(cl.breaks[min(first, c.first) + 1:max(first, c.first) + 1]) for c in cues)


def asserted(licence: Licence, kind: str, span: tuple[int, int], conf: float, reasons: list[str],
             tokens: Sequence[Token], cues: Sequence[modality.Cue], cl: Clauses,
             question: bool) -> tuple[float, list[str]]:
    """The confidence of a trigger of `kind` at tokens `span` standing in `licence`'s construction:
    at least its floor plus the negative effects of the cues on the trigger and on the construction's
    verb."""
    while (licence.physical and kind in PHYSICAL_KINDS
           and not _physical(licence, *span, reasons, tokens, cues, cl)):
        if licence.fallback is None:
            return conf, reasons
        licence = licence.fallback
    against = {r for r in reasons if modality.EFFECTS.get(r, 0.0) < 0} - licence.excused
    if licence.verb_excused and against & GOVERNED:
        return conf, reasons  # a relative clause on a noun that names a known event tells no report
    if licence.verb is not None:
        first, last = licence.verb
        verb = modality.assess(tokens, cues, cl.breaks, first, last, "perfect", question, cl)
        against |= {r for r in verb.reasons if modality.EFFECTS.get(r, 0.0) < 0} - licence.verb_excused
    floor = licence.floor + sum(modality.EFFECTS[r] for r in against)
    if floor <= conf:
        return conf, reasons
    out = [*reasons, licence.name]
    if _air_subject(licence, span[0], tokens, cues):
        out.append(AIR_SUBJECT)
    return floor, out


def _air_subject(licence: Licence, first: int, tokens: Sequence[Token], cues: Sequence[modality.Cue]) -> bool:
    """An aircraft between the construction's verb and its noun at `first`: the verb's subject."""
    return licence.verb is not None and licence.verb[1] <= first and any(
        c.category == "air" and licence.verb[1] <= c.first < first
        and tokens[c.first].text not in AIR_ADJECTIVES for c in cues)
