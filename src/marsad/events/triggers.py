"""Event detection and typing: the events a sentence reports, typed by the ACLED taxonomy.

`detect(view, sentence)` finds trigger words (data/triggers.tsv, expanded from verb and noun rows
into inflected forms and matched clitic-aware), types each through data/kinds.tsv, and scores it:
the row's weight, moved by the verb's aspect and by modality cues (modality.py), plus support from
a time anchor, a casualty outcome or a second trigger in the sentence. A trigger of violence that
stands in a report construction (constructions.py: "شن هجوما", "اندلعت اشتباكات", "تعرض لقصف",
"مقتل جندي إثر انفجار عبوة") is raised to the construction's floor, less what its cues say against
it. Triggers scoring below `MIN_CONFIDENCE` are not reports of an event and are dropped. The masdars
of the augmented verbs of violence are derived from their patterns (patterns.py).

`choose(triggers)` applies ACLED's precedence when one event is reported with several tactics; it,
the kinds' table and `retype` live in acled_types.py, with the decisions that retype an event once
its sides are known.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

from ..text import Entry, Match, Matcher, Sentence, TextView, Token
from ..text.tokens import PRONOUN_SUFFIXES
from . import clauses, constructions, modality, patterns
from .acled_types import DEMONSTRATION_TYPES, has_context_rows, in_context, kinds, unasserted_demonstration
from .acled_types import choose as choose  # re-exported: acled_types owns the kinds and precedence
from .acled_types import retype as retype
from .acled_types import territory_subtype as territory_subtype
from .scanner import Scanner, longest

MIN_CONFIDENCE = 0.5
DERIVED_MASDAR_EFFECT = 0.15  # a masdar derived from a verb row weighs this much less than the verb
MIN_DERIVED_WEIGHT = 0.05
BACKER_MIN = 0.3  # a trigger this confident on its own backs the others in its sentence
UNREPORTED_EFFECT = -0.15
UNREPORTED_EXEMPT = frozenset({"light_verb", "announced", "passive_aux", "harm", "head", "count", "anchor"})
CO_TRIGGER_SUPPORT = 0.1  # a second, strong trigger of violence in the sentence
PROTEST_RETYPE_WINDOW = 4  # "قتلت قوات الأمن ثلاثة متظاهرين": protesters this close after the trigger
PARTICIPANT_SUPPORT = 0.3  # "تجمع مئات المتظاهرين", "أحرق المحتجون": protesters act next to the verb
PARTICIPANT_WINDOW = 3
# "منذ ساعات", "منذ الصباح": a recent moment, not the start of a long period.
SHORT_PERIODS = frozenset({"ساعات", "ساعه", "ساعتين", "دقايق", "ايام", "يومين", "يوم", "الصباح", "صباح",
                           "فجر", "مساء", "ليل", "امس", "اسبوع", "ليله", "قليل", "لحظات", "بدء", "بدايه",
                           "عده", "بضعه", "بضع"})
TODAY = "اليوم"  # "في وقت سابق اليوم": earlier today
# A death word reports the strike it resulted from when its own trigger has support beyond the bare
# word (a count, heading its clause: "قتل ثلاثة", "مقتل ثلاثة مدنيين إثر قصف").
DEATH_REPORTED_MIN = 0.45
ACCIDENT_KINDS = frozenset({"killing"})  # a bare death; an attack verb still reports an attack
ACCIDENT_EFFECT = -0.45
MASS_TOTAL = 1000
THOUSANDS = frozenset({"الف", "الاف", "الفا", "مليون", "ملايين"})
COUNT_LOOKAHEAD = 3
MASS_TOTAL_EFFECT = -0.25
FIGURATIVE_KINDS = frozenset({"attack", "explosion", "shelling", "airstrike"})
FIGURATIVE_WINDOW = 5  # "هاجم الوزير المعارضة بشدة": criticism this close after the verb
FIGURATIVE_EFFECT = -0.4
# "أصيب جندي في هجوم على حاجز للجيش": a military target right after an attack word makes it a
# physical attack (criticism, plans and threats have other targets or their own cues).
TARGET_KINDS = frozenset({"attack"})
TARGET_WINDOW = 4  # "هجوم مسلح على حاجز", "هجوم شنه مسلحون على دورية"
TARGET_SUPPORT = 0.1
DEPENDENT_NOUN_WINDOW = 4  # "بعد مقتل 32 شخصا في تفجير انتحاري": the means of a recalled death
ASYNDETIC_WINDOW = 2  # "هجوم انتحاري استهدف": a verb this close after an indefinite noun qualifies it
BACKGROUND_REASONS = frozenset({"reference", "subordinate"})
AIR_WINDOW = 4  # "قصفت طائرات التحالف": an aircraft word this close makes shelling an air strike
AIR_SUBJECT_WINDOW = 2  # "استهدف طيران التحالف": the aircraft right after an attack verb
# Air words that qualify something else ("قاعدة العند الجوية") rather than name an aircraft.
AIR_ADJECTIVES = frozenset({"جوي", "جويه", "الجويه", "الجوي", "حربيه", "الحربيه"})
DEMO_LIGHT_VERB_SUPPORT = 0.15
DEMO_ADJUNCT_EFFECT = -0.3  # a demonstration noun that no verb reports ("خلال التظاهرة")
DEMO_PURPOSE_EFFECT = -0.3  # a demonstration masdar after purpose ل ("فرقا لإقفال الطرق")
PURPOSE_PREFIXES = frozenset({"ل", "ول", "فل", "لل", "ولل", "فلل"})
# Beside an asserted protest, an intervention named in any way types it ("أطلقت الشرطة الغاز المسيل
# للدموع لتفريق محتجين اعتصموا"), unless it is denied, planned, threatened or asked about.
UNASSERTED = frozenset(modality.CLAUSE_EFFECT)
# Kinds that assert a demonstration; the other demonstration kinds only type one (see detect()).
ASSERTING = frozenset({"protest", "mob_violence"})
# Kinds that assert one when protesters are their subject or object ("رشق محتجون الشرطة بالحجارة",
# "أحرق محتجون القنصلية", "فرقت الشرطة مئات المتظاهرين"): the crowd acting, or dispersed, was there.
ASSERTING_WITH_PARTICIPANTS = frozenset({"riot", "protest_intervention"})
# ... when the protesters are new to the text: indefinite ("أحرق محتجون") or counted ("مئات المحتجين",
# "مجموعات من المتظاهرين"). "وأحرق المتظاهرون الأعلام" tells more of a protest reported before it.
DEFINITE_PREFIXES = ("ال", "بال", "لل", "كال")
CROWD_CUES = frozenset({"number", "crowd"})
CROWD_WINDOW = 2  # "مئات المحتجين", "عشرات من المتظاهرين"
SHADDA = "\u0651"  # a doubled consonant, written over it: "مسيّرة" (a drone), not "مسيرة" (a march)
NOMINATIVE_PLURAL = "ون"  # "متظاهرون" right after an attack verb is its subject, "متظاهرين" its object
NEW_PARTICIPANT_BEFORE = 3  # "محتجون غاضبون أحرقوا": the subject this close before the verb
TYRES_WINDOW = 4  # "أضرم المحتجون النار في إطارات": tyres this close after a burning verb
# Support for violence, not for protest: people hurt in a demonstration do not make it one.
DEMO_IGNORED = frozenset({"outcome", "result", "count", "announced", "harm"})
# A verb of violence is weighted for the main clause already (the subordinate ones lose confidence).
VIOLENCE_IGNORED = frozenset({"predicate"})
DEFUSE_WINDOW = 5  # "فكك خبراء المتفجرات عبوة": a defusing or finding verb this close before
DEFUSE_SUPPORT = 0.2  # the defusing verb is what the sentence reports
DESTRUCTION_KINDS = frozenset({"looting", "arson", "destruction"})  # by protesters: a violent demonstration
# Force whose object is a gathering: "فرقت القوات الأمنية مساء الخميس (13 أكتوبر) مسيرة".
GATHERING_WINDOW = 12
JOIN_SUPPORT = 0.3  # as a light verb gives a noun: its own support, and no noun penalty
JOIN_REACH = 14  # "شارك أهالي مدن أرمناز ودركوش وسلقين وبلدة حفسرجة شمال غرب إدلب في المظاهرات"
GOVERNED_BY = frozenset({"prep", "reference", "cause", "generic", "amid"})  # "خلال المظاهرات": not the object
UNOPPOSED_WINDOW = 12  # "سيطر رتل من القوات الخاصة على مبنى المحافظة في وسط كركوك دون أي اشتباك"
COMPANION_MIN = 0.3  # a tactic this confident types an event that another trigger reports
PLURAL_EFFECT = -0.1  # "التفجيرات", "هجمات": plurals mostly sum up or generalise
PLURAL_SUFFIXES = frozenset({"ات", "ين", "ون"})
# Endings that make a "needsuf" verb unambiguous ("فجروا", "فجرت"; not "فجرا", also "at dawn").
VERB_SUFFIXES = frozenset({"ت", "وا", "تا", "وه", "ها", "هم", "تها", "ته", "وها"})

# Cue categories of the word right before a perfect form that make it a masdar.
NOUN_GOVERNORS = frozenset({"prep", "reference", "cause", "generic", "trial"})

# Event types that count as political violence against people, and as demonstrations.
VIOLENT_TYPES = frozenset({"Battles", "Explosions/Remote violence", "Violence against civilians"})
DEMO_TYPES = DEMONSTRATION_TYPES

# Kinds that type an event only when reported themselves, never as a weaker companion.
REPORT_ONLY_KINDS = frozenset({"territory_taken"})
# "ساحة التحرير", "شارع الجمهورية": a definite word right after one of these heads is part of a name.
NAME_PREFIXES = frozenset({"ال"})



@dataclass(frozen=True, slots=True)
class Trigger:
    """One reported event's trigger. Offsets are normalised (map with `view.span`)."""

    start: int
    end: int
    event_type: str
    sub_event_type: str
    kind: str  # finer than the sub-type: "airstrike", "ambush", "car_bomb", "territory_taken", ...
    confidence: float
    passive: bool = False  # passive verb, or masdar whose agent follows ("من قبل", "على يد")
    aspect: str = "noun"  # "perfect", "imperfect", "future" or "noun"
    reasons: tuple[str, ...] = ()  # modality cues and support that moved the confidence
    base: str = ""  # the lexicon's kind before retyping by context ("killing" for "excessive_force")


@dataclass(frozen=True, slots=True)
class Lexeme:
    """What a trigger entry stands for (the `data` of its matcher Entry)."""

    kind: str
    weight: float
    aspect: str
    passive: bool = False
    weak: bool = False
    needsuf: bool = False  # only inflected forms: bare "فجر" is mostly "dawn"
    plural: bool = False  # a plural noun: often a generic or long-period mention
    intrans: bool = False  # takes no object: a pronoun suffix makes it the masdar ("في أماكن تجمعهم")
    masdar: float | None = None  # weight of a perfect form read as its masdar ("القصف"), if not `weight`
    crowd: bool = False  # a crowd counted after it is its subject: "تجمع مئات", "هتف أكثر من ألف شخص"
    drone: bool = False  # a march spelt as a drone (مسيرة / مسيّرة): see _drone()


def _rows(name: str) -> Iterable[list[str]]:
    text = resources.files("marsad.events").joinpath(f"data/{name}").read_text(encoding="utf-8")
    for line in text.splitlines():
        if line.strip() and not line.startswith("#"):
            yield line.split("\t")


# Subject-person endings of a conjugated verb that opens a multi-word trigger (the matcher takes
# suffixes only on an entry's last word): perfect he/she/they/dual, imperfect plural/dual.
_PERFECT_ENDINGS = ("", "ت", "وا", "ا", "تا")
_IMPERFECT_PREFIXES = {"ي": "imperfect", "ت": "imperfect", "ن": "imperfect",
                       "سي": "future", "ست": "future", "سن": "future"}


def _perfect_forms(verb: str) -> list[str]:
    out = [verb + e for e in _PERFECT_ENDINGS]
    if verb.endswith("ي"):  # defective: ألقى → ألقت ألقوا
        out += [verb[:-1] + "ت", verb[:-1] + "وا"]
    return out


def expand_verb(form: str, multiword: bool) -> list[tuple[str, str]]:
    """Surface forms of one verb form of a V row, with their aspect. `form` is a perfect (3ms) or
    an imperfect (3ms, starting with ي); a multi-word form has its first word conjugated."""
    first, _, rest = form.partition(" ")
    rest = " " + rest if rest else ""
    out: list[tuple[str, str]] = []
    if first.startswith("ي") and len(first) > 2:
        stem = first[1:]
        for pre, aspect in _IMPERFECT_PREFIXES.items():
            words = [pre + stem]
            if multiword:
                words += [pre + stem + "ون", pre + stem + "ان"]
                if stem.endswith("ي"):
                    words.append(pre + stem[:-1] + "ون")
            out += [(w + rest, aspect) for w in words]
    else:
        words = _perfect_forms(first) if multiword else [first]
        out += [(w + rest, "perfect") for w in words]
    return out


def _noun_forms(form: str) -> list[str]:
    out = [form]
    if " " not in form and form.endswith("ه") and len(form) > 3:
        out += [form[:-1] + "ات", form[:-1] + "ت"]  # غارة → غارات, غارت(ين)
    return out


@lru_cache(maxsize=1)
def lexicon() -> list[Entry]:
    """Every trigger entry expanded from data/triggers.tsv (first spelling of a form wins)."""
    entries: dict[str, Entry] = {}
    for pos, kind, forms, weight, *rest in _rows("triggers.tsv"):
        flags = set(rest[0].split(",")) if rest and rest[0] else set()
        masdar = float(rest[1]) if len(rest) > 1 and rest[1] else None
        for form in forms.split("|"):
            if pos == "V":
                expanded = expand_verb(form, " " in form)
            else:
                expanded = [(f, "noun") for f in _noun_forms(form)]
            for surface, aspect in expanded:
                plural = aspect == "noun" and ("pl" in flags or surface.split()[0].endswith("ات"))
                lex = Lexeme(kind, float(weight), aspect, "passive" in flags, "weak" in flags,
                             "needsuf" in flags and aspect == "perfect", plural, "intrans" in flags,
                             masdar if aspect == "perfect" else None, "crowd" in flags, "drone" in flags)
                entries.setdefault(surface, Entry.of(surface, kind, lex, suffix="nosuf" not in flags))
    for surface, lex in _derived_masdars():
        entries.setdefault(surface, Entry.of(surface, lex.kind, lex))
    return list(entries.values())


def _derived_masdars() -> list[tuple[str, Lexeme]]:
    """The masdars of the augmented verbs of violence (patterns.masdar: اقتحم → اقتحام, هاجم →
    مهاجمة), for those the rows do not list; a masdar names an act more often than it reports one."""
    out = []
    for pos, kind, forms, weight, *rest in _rows("triggers.tsv"):
        if pos != "V" or kinds()[kind].event_type not in VIOLENT_TYPES:
            continue
        flags = set(rest[0].split(",")) if rest and rest[0] else set()
        for form in forms.split("|"):
            if " " not in form and not form.startswith("ي") and (noun := patterns.masdar(form)):
                w = round(max(MIN_DERIVED_WEIGHT, float(weight) - DERIVED_MASDAR_EFFECT), 3)
                out.append((noun, Lexeme(kind, w, "noun", weak="weak" in flags)))
    return out


def _near(cues: Sequence[modality.Cue], category: str, first: int, last: int, window: int) -> bool:
    """A cue of `category` within `window` tokens of [first, last), not overlapping it."""
    return any(c.category == category and (0 <= first - c.last < window or 0 <= c.first - last < window)
               for c in cues)


@dataclass(frozen=True, slots=True)
class Around:
    """What a trigger's context is read from: the sentence's cues and tokens, the trigger's tokens
    [first, last), the clause breaks and the reasons its confidence moved for."""

    cues: Sequence[modality.Cue]
    first: int
    last: int
    tokens: Sequence[Token] | None = None
    breaks: Sequence[bool] = ()
    reasons: Sequence[str] = ()


# The contexts of data/context_kinds.tsv (which kinds they retype, and to what, is acled_types'
# table): what each looks for around the trigger.
CONTEXTS: dict[str, Callable[[Around], bool]] = {
    # Protesters storming a building, attacking the police.
    "protesters_attack": lambda a: a.tokens is not None and _protesters_attack(a.cues, a.tokens, a.last),
    # "أضرم المحتجون النار في إطارات السيارات", "أحرقوا الإطارات": the burning verb, tyres after it.
    "tyres_burnt": lambda a: any(c.category == "burn" and c.first == a.first for c in a.cues) and any(
        c.category == "tyres" and 0 <= c.first - a.last < TYRES_WINDOW for c in a.cues),
    # "قتل متظاهرين", "أطلقت النار على المحتجين": protesters right after the trigger.
    "protesters_after": lambda a: any(
        c.category == "participant" and a.last <= c.first < a.last + PROTEST_RETYPE_WINDOW for c in a.cues),
    # "نهب محتجون محطات الوقود", "إضرام متظاهرين النار في القنصلية": protesters next to it.
    "protesters_near": lambda a: _near(a.cues, "participant", a.first, a.last, PARTICIPANT_WINDOW),
    "unopposed": lambda a: any(c.category == "unopposed" and 0 <= c.first - a.last < UNOPPOSED_WINDOW
                               for c in a.cues),
    # "فكك خبراء المتفجرات عبوة ناسفة", "العثور على سيارة مفخخة": a defusing or finding verb before.
    "defused": lambda a: any(c.category == "defuse" and 0 <= a.first - c.last < DEFUSE_WINDOW
                             for c in a.cues),
    # "قصفت الطائرات", "صواريخ أطلقتها مروحية"; but "قصف مدفعي" says itself what it is, and an
    # aircraft elsewhere in the sentence ("القصف الجوي ... بالتزامن مع قصف مدفعي") is another event.
    "aircraft_near": lambda a: a.last - a.first == 1 and _near(a.cues, "air", a.first, a.last, AIR_WINDOW),
    # "استهدف طيران التحالف", "هاجمت طائرات مسيرة": aircraft as the subject.
    "aircraft_subject": lambda a: a.tokens is not None and any(
        c.category == "air" and 0 <= c.first - a.last < AIR_SUBJECT_WINDOW
        and a.tokens[c.first].text not in AIR_ADJECTIVES for c in a.cues),
    "on_gathering": lambda a: _on_gathering(a.cues, a.breaks, a.last),
    # "قام طيران التحالف باستهداف مواقع": the report construction found aircraft as its subject.
    "air_subject": lambda a: constructions.AIR_SUBJECT in a.reasons,
}


def _in_context(stage: str, kind: str, around: Around) -> str | None:
    if not has_context_rows(stage, kind):  # most kinds have no row at a stage
        return None
    return in_context(stage, kind, lambda name: CONTEXTS[name](around))


def _retype(kind: str, cues: Sequence[modality.Cue], first: int, last: int,
            tokens: Sequence[Token] | None = None) -> str:
    """Refine a kind from the words around it: who was targeted, what delivered it."""
    return _in_context("means", kind, Around(cues, first, last, tokens)) or kind


def _on_gathering(cues: Sequence[modality.Cue], breaks: Sequence[bool], last: int) -> bool:
    """A gathering (a march, a demonstration, a sit-in) as the object of the trigger, in its clause:
    after "على" or "تجاه", or with no preposition before it ("فرقت القوات مسيرة"); not a gathering
    the force happened during ("برصاص مسلحين خلال المظاهرات")."""
    for c in cues:
        if c.category != "gathering" or not 0 <= c.first - last < GATHERING_WINDOW or any(
                breaks[last:c.first + 1]):
            continue
        before = {b.category for b in cues if b.last == c.first}
        if "against" in before or not before & GOVERNED_BY:
            return True
    return False


def _joined(cues: Sequence[modality.Cue], breaks: Sequence[bool], first: int) -> bool:
    """A verb of joining earlier in the clause, and a preposition right before the noun."""
    return any(c.category == "prep" and c.last == first for c in cues) and any(
        c.category == "join" and 0 <= first - c.last < JOIN_REACH and not any(breaks[c.last:first + 1])
        for c in cues)


def _protesters_attack(cues: Sequence[modality.Cue], tokens: Sequence[Token], last: int) -> bool:
    """Protesters in the nominative right after an attack verb are its subject: "اقتحم متظاهرون
    المبنى", "هاجم المحتجون مركز الشرطة" (against "هاجمت الشرطة المتظاهرين")."""
    return any(c.category == "participant" and c.first == last
               and tokens[c.first].text.endswith(NOMINATIVE_PLURAL) for c in cues)


def _drone(view: TextView, m: Match, cues: Sequence[modality.Cue]) -> bool:
    """ "مسيرة" is a drone when spelt with a shadda (مسيّرة) or next to a drone's words: "طائرتين
    مسيرتين", "استهداف مسيرة تركية", "مسيرة مفخخة", "قناة المسيرة" (a television channel)."""
    if SHADDA in view.original(m.start, m.end):
        return True
    return any(c.category == "drone" and (c.last == m.first or c.first == m.last) for c in cues)


def _in_name(m: Match, cues: Sequence[modality.Cue]) -> bool:
    """A definite word right after a square, street or building ("ساحة التحرير", "مستشفى الثورة")
    names the place; it reports nothing."""
    return m.prefix in NAME_PREFIXES and m.first == m.last - 1 and any(
        c.category == "name_head" and c.last == m.first for c in cues)


def _aspect(lex: Lexeme, m: Match, cues: Sequence[modality.Cue]) -> str:
    """A perfect form with a preposition or the article ("بالقتل", "القصف"), or right after a
    preposition ("على قتل المدنيين"), is a masdar (the two are spelt alike)."""
    if lex.intrans and m.suffix in PRONOUN_SUFFIXES:
        return "noun"
    if lex.aspect != "perfect":
        return lex.aspect
    if m.prefix.endswith(("ال", "لل")) or m.prefix[-1:] in ("ب", "ل", "ك"):
        return "noun"
    if any(c.last == m.first and c.category in NOUN_GOVERNORS for c in cues):
        return "noun"  # "على قتل", "عمليات خطف", "قضية خطف"
    return lex.aspect


def _plural(lex: Lexeme, suffix: str) -> bool:
    return lex.plural or (lex.aspect != "imperfect" and suffix in PLURAL_SUFFIXES)


def _verb_reading(m: Match, tokens: Sequence[Token], cues: Sequence[modality.Cue]) -> bool:
    """Whether a "needsuf" form ("فجر": detonated / dawn) reads as the verb: inflected as one, or
    bare with no article, no preposition before it and no time word after it ("فجر أمس")."""
    if m.suffix in VERB_SUFFIXES:
        return True
    if m.suffix or m.prefix not in ("", "و", "ف"):
        return False
    return not any((c.category == "prep" and c.last == m.first)
                   or (c.category in ("anchor", "time_next") and c.first == m.last) for c in cues)


@lru_cache(maxsize=1)
def trigger_scanner() -> Scanner:
    return Scanner(lexicon())


@lru_cache(maxsize=1)
def trigger_gate() -> Matcher:
    """The trigger lexicon for its C-speed substring pre-check (`Matcher.may_match`): most sentences
    of the news name no trigger and are ruled out before any token is looked at."""
    return Matcher(lexicon())


@lru_cache(maxsize=1)
def context_scanner() -> Scanner:
    """Modality cues and clause openers, scanned only in sentences that have a trigger."""
    return Scanner([*modality.cue_entries(), *clauses.opener_entries()])


def _context(tokens: Sequence[Token], norm: str) -> tuple[list[modality.Cue], clauses.Clauses]:
    cues: list[modality.Cue] = []
    openers: dict[int, tuple[str, int]] = {}
    covered = 0  # openers inside a longer one ("الذي" in "الأمر الذي") do not count
    for e, first, last in context_scanner().spans(tokens):
        if e.data is clauses.CLAUSE:
            if first >= covered:
                openers[first] = (e.label, last)  # the longest one at a position comes first
                covered = last
        elif e.label != "earlier":
            cues.append(modality.Cue(e.label, first, last))
        elif first > 0 and not _short_period_after(tokens, last):
            # "قتل في وقت سابق": recalled; but "وفي وقت سابق، ..." opening a sentence is the news
            # writer's "earlier" (the same day's events)
            cues.append(modality.Cue("history", first, last))
    cues.extend(_pattern_cues(tokens))
    return _ago(tokens, cues), clauses.segment(tokens, norm, openers)


AGO_WINDOW = 3  # "قبل نحو أربع سنوات": the period this close after "قبل"


def _ago(tokens: Sequence[Token], cues: list[modality.Cue]) -> list[modality.Cue]:
    """ "قبل" with a period after it means "ago", not "before" an event: with a long period ("قبل نحو
    أربع سنوات") it dates the sentence to history; with a short one ("قبل ساعات لهجوم") the act is
    this news. Either way it governs no noun as a reference word."""
    out = list(cues)
    for i, t in enumerate(tokens):
        if t.text not in ("قبل", "وقبل"):
            continue
        ahead = range(i + 1, min(len(tokens), i + 1 + AGO_WINDOW))
        long = [c for c in cues if c.category == "long_period" and c.first in ahead]
        if long:
            out.append(modality.Cue("history", i, long[0].last))
        if long or any(tokens[k].text in SHORT_PERIODS for k in ahead):
            out = [c for c in out if not (c.category == "reference" and c.first == i)]
    return out


def _short_period_after(tokens: Sequence[Token], i: int) -> bool:
    """A short, recent period at token i, after an optional "من": "في وقت سابق (من) اليوم / يوم أمس"."""
    if i < len(tokens) and tokens[i].text == "من":
        i += 1
    return i < len(tokens) and (tokens[i].text in SHORT_PERIODS or tokens[i].text == TODAY)


def _pattern_cues(tokens: Sequence[Token]) -> list[modality.Cue]:
    """Cues a word list cannot express, read from a word and the one after it:
    "قد" + imperfect ("قد يلوح") is "may" (modal), while "قد" + perfect ("قد قتل") asserts;
    "منذ" + an event or a year ("منذ الغزو") opens a long period (statistic), while "منذ ساعات" does not."""
    out = []
    for i in range(len(tokens) - 1):
        word, nxt = tokens[i].text, tokens[i + 1].text
        if word in ("قد", "وقد", "فقد") and nxt.startswith("ي") and len(nxt) >= 4:
            out.append(modality.Cue("modal", i, i + 1))
        elif word in ("منذ", "ومنذ") and nxt not in SHORT_PERIODS:
            out.append(modality.Cue("statistic", i, i + 2))
    return out


def _participants(cues: Sequence[modality.Cue], cl: clauses.Clauses, first: int, last: int) -> bool:
    """Protesters are the subject of a demonstration verb: right after it ("تجمع مئات المتظاهرين"),
    or before it outside a subordinate clause ("المتظاهرون ... ورددوا هتافات", "مليون متظاهر خرجوا")."""
    for c in cues:
        if c.category != "participant":
            continue
        if last <= c.first < last + PARTICIPANT_WINDOW and cl.start[c.first] == cl.start[first]:
            return True
        if c.last <= first and not cl.subordinate(c.first) and not cl.subordinate(first):
            return True
    return False


def _new_participants(cues: Sequence[modality.Cue], tokens: Sequence[Token], breaks: Sequence[bool],
                      first: int, last: int) -> bool:
    """Protesters new to the text are the trigger's subject or object: indefinite ("أحرق محتجون",
    "محتجون غاضبون أحرقوا") or counted ("أحرق مئات المحتجين", "أضرمت مجموعات من المتظاهرين"), right
    after the trigger (only a count between) or just before it in the same clause."""
    counted = [c for c in cues if c.category in CROWD_CUES]
    for p in cues:
        if p.category != "participant":
            continue
        if p.first >= last:
            between = range(last, p.first)
            if p.first - last >= PARTICIPANT_WINDOW or not all(
                    any(c.first <= i < c.last for c in counted) or tokens[i].text == "من" for i in between):
                continue
        elif not (0 <= first - p.last < NEW_PARTICIPANT_BEFORE and not any(breaks[p.last:first + 1])):
            continue
        word = tokens[p.first].text
        if word[:1] in ("و", "ف") and not word.startswith(DEFINITE_PREFIXES):
            word = word[1:]
        if not word.startswith(DEFINITE_PREFIXES):
            return True
        if any(0 <= p.first - c.last < CROWD_WINDOW for c in counted):
            return True
    return False


def _crowd(cues: Sequence[modality.Cue], tokens: Sequence[Token], last: int) -> bool:
    """A crowd follows a demonstration verb: "تجمع مئات", "تظاهر حوالي خمسة آلاف شخص"."""
    if any(t.text[0].isdigit() for t in tokens[last:last + PARTICIPANT_WINDOW]):
        return True
    return any(c.category == "number" and last <= c.first < last + PARTICIPANT_WINDOW for c in cues)


def scan(view: TextView, sentence: Sentence) -> list[Trigger]:
    """Every trigger in the sentence with its confidence, including those below the threshold."""
    if not trigger_gate().may_match(view.norm[sentence.start:sentence.end]):
        return []
    tokens = view.tokens_of(sentence)
    if not tokens:
        return []
    matches = longest(trigger_scanner().scan(tokens))
    if not matches:
        return []
    cues, cl = _context(tokens, view.norm)
    matches = [m for m in matches if not m.entry.data.needsuf or _verb_reading(m, tokens, cues)]
    matches = [m for m in matches if not _in_name(m, cues)]
    matches = [m for m in matches if not m.entry.data.drone or not _drone(view, m, cues)]
    breaks = cl.breaks
    question = modality.is_question(view.norm[sentence.start:sentence.end], tokens)
    table = kinds()
    # First pass: each trigger on its own (weight, aspect, modality, clause, number).
    scored = _first_pass(matches, tokens, cues, cl, question)
    # A death word reports the means of that death ("قتل ثلاثة مدنيين إثر قصف") only when the death
    # is itself reported: not "عمليات اختطاف وقتل وتوزيع عبوات ناسفة", "أن بعضا منهم قتلوا جراء القصف".
    unreported_deaths = {c for c in cues if c.category == "death" and any(
        m.first < c.last and c.first < m.last and round(conf, 3) < DEATH_REPORTED_MIN
        for m, _, _, _, conf, _ in scored)}
    if unreported_deaths:
        cues = [c for c in cues if c not in unreported_deaths]
        scored = _first_pass(matches, tokens, cues, cl, question)
    # A trigger that depends on a backgrounded mention ("بسبب هجوم انتحاري استهدف مبنى مخلفا ستة
    # قتلى": the verb and the toll describe the recalled attack) is no more a report than its head.
    scored = _inherit_background(scored, cl)
    # Second pass: a trigger is more likely a report when another, independent one backs it.
    backers = [m for m, lex, _, _, conf, reasons in scored
               if (not lex.weak or "passive_aux" in reasons) and conf >= BACKER_MIN
               and table[lex.kind].event_type in VIOLENT_TYPES | DEMO_TYPES]
    # Nouns alone, none reported by a verb or heading the sentence ("بانتظار سيارة مفخخة يقودها
    # انتحاري"): the sentence talks about violence rather than reporting an act of it.
    unreported = not any(c.category == "defuse" for c in cues) and all(
        aspect == "noun" and not (UNREPORTED_EXEMPT | constructions.names()) & set(reasons)
        for _, _, aspect, _, _, reasons in scored)
    out: list[Trigger] = []
    for m, lex, aspect, passive, conf, reasons in scored:
        if unreported:
            conf += UNREPORTED_EFFECT
            reasons = [*reasons, "unreported"]
        group = _group(table[lex.kind].event_type)
        if any(b is not m and _group(table[b.entry.data.kind].event_type) == group for b in backers):
            conf += CO_TRIGGER_SUPPORT
            reasons.append("co_trigger")
        if lex.kind in ACCIDENT_KINDS and any(c.category == "accident" for c in cues):
            conf += ACCIDENT_EFFECT  # "قتلت امرأتان عندما انهار منزلهم": a death, not a killing
            reasons.append("accident")
        if table[lex.kind].event_type in VIOLENT_TYPES and (
                _mass_total(tokens, m.last) or ("harm" in reasons and _harmed_total(tokens, cues, m.first))):
            conf += MASS_TOTAL_EFFECT
            reasons.append("mass_total")
        if lex.kind in FIGURATIVE_KINDS and _figurative(m, aspect, cues, breaks):
            conf += FIGURATIVE_EFFECT
            reasons.append("figurative")
        if lex.kind in TARGET_KINDS and _military_target(m, cues, breaks):
            conf += TARGET_SUPPORT
            reasons.append("target")
        # The words around it retype the kind (acled_types' data/context_kinds.tsv, stage by stage).
        around = Around(cues, m.first, m.last, tokens, breaks, reasons)
        kind = table[_in_context("means", lex.kind, around) or lex.kind]
        if (on_gathering := _in_context("gathering", kind.name, around)) is not None:
            kind = table[on_gathering]
            reasons.append("on_gathering")  # "أطلقوا النار على مسيرة سلمية": the march was there
        kind = table[_in_context("construction", kind.name, around) or kind.name]
        if kind.name == "riot" and (
                (lex.kind == "attack" and _protesters_attack(cues, tokens, m.last))
                or (lex.kind in DESTRUCTION_KINDS and any(
                    c.category == "participant" and c.first == m.last for c in cues))):
            # "اقتحم متظاهرون مقر البرلمان", "نهب محتجون محطات الوقود": a riot of its own
            conf += PARTICIPANT_SUPPORT
            reasons.append("participant")
            if _new_participants(cues, tokens, breaks, m.first, m.last):
                reasons.append("new_participants")
        if kind.name == "disrupted" and lex.kind != "disrupted":
            conf += DEFUSE_SUPPORT
            reasons.append("defuse")
        out.append(Trigger(m.start, m.end, kind.event_type, kind.sub_event_type, kind.name,
                           round(max(0.0, min(1.0, conf)), 3), lex.passive or passive, aspect,
                           tuple(reasons), lex.kind))
    return out


def _first_pass(matches: Sequence[Match], tokens: Sequence[Token], cues: Sequence[modality.Cue],
                cl: clauses.Clauses, question: bool) -> list:
    """Each trigger scored on its own: weight, aspect, modality, clause, plural, participants."""
    table = kinds()
    breaks = cl.breaks
    scored = []
    # The report constructions of violence each trigger stands in (constructions.py).
    licensed = constructions.licences(matches, [_aspect(m.entry.data, m, cues) for m in matches],
                                      [table[m.entry.data.kind].event_type in VIOLENT_TYPES for m in matches],
                                      tokens, cues, cl)
    for i, m in enumerate(matches):
        lex: Lexeme = m.entry.data
        aspect = _aspect(lex, m, cues)
        demo = table[lex.kind].event_type in DEMO_TYPES
        a = modality.assess(tokens, cues, breaks, m.first, m.last, aspect, question, cl,
                            DEMO_IGNORED if demo else VIOLENCE_IGNORED)
        weight = lex.masdar if aspect == "noun" and lex.masdar is not None else lex.weight
        conf, reasons = weight + a.delta, list(a.reasons)
        if aspect == "noun" and _plural(lex, m.suffix) and "light_verb" not in reasons:
            conf += PLURAL_EFFECT
            reasons.append("plural")
        if demo:
            if aspect == "noun" and "light_verb" not in reasons and _joined(cues, breaks, m.first):
                conf += JOIN_SUPPORT  # "شارك أهالي المدن الثلاث في المظاهرات": a verb reports it
                reasons.append("joined")
            if aspect == "noun" and not {"head", "light_verb", "passive_aux", "joined"} & set(reasons):
                conf += DEMO_ADJUNCT_EFFECT  # "خلال التظاهرة", "لتفريق المتظاهرين": named, not reported
                reasons.append("adjunct")
            if aspect == "noun" and m.prefix in PURPOSE_PREFIXES:
                conf += DEMO_PURPOSE_EFFECT  # "لإقفال الطرق", "لتفريق المتظاهرين": an aim, not an act
                reasons.append("purpose")
            elif "light_verb" in reasons:
                conf += DEMO_LIGHT_VERB_SUPPORT  # "اندلعت مظاهرات", "نظموا اعتصاما": a verb reports it
                reasons.append("demo_light_verb")
            if _participants(cues, cl, m.first, m.last) or (
                    aspect != "noun" and lex.crowd and _crowd(cues, tokens, m.last)):
                conf += PARTICIPANT_SUPPORT
                reasons.append("participant")
                if _new_participants(cues, tokens, breaks, m.first, m.last):
                    reasons.append("new_participants")
        elif table[lex.kind].event_type in VIOLENT_TYPES and (
                licence := licensed.get(i) or constructions.reason_licence(reasons, lex.weight)):
            conf, reasons = constructions.asserted(licence, lex.kind, (m.first, m.last), conf, reasons,
                                                   tokens, cues, cl, question)
        scored.append((m, lex, aspect, a.passive, conf, reasons))
    return scored


def _harmed_total(tokens: Sequence[Token], cues: Sequence[modality.Cue], first: int) -> bool:
    """ "أصيب أكثر من عشرة آلاف مدني في القصف": the count of a harm verb that reports the trigger
    stands between the two, not after the trigger."""
    start = max((c.last for c in cues if c.category in modality.HARM_CUES and c.last <= first), default=first)
    return any(_mass_total(tokens, i) for i in range(start, first))


def _figurative(m: Match, aspect: str, cues: Sequence[modality.Cue], breaks: Sequence[bool]) -> bool:
    """A verb followed closely by criticism ("هاجم الوزير المعارضة بشدة", "قصفه بالانتقادات"), or a
    verb or noun whose very next word makes it talk ("قصف إعلامي", "قصف جبهته")."""
    for c in cues:
        if c.category == "figurative_next" and c.first == m.last and not breaks[c.first]:
            return True
        if (c.category == "figurative" and aspect != "noun" and 0 <= c.first - m.last < FIGURATIVE_WINDOW
                and not any(breaks[m.last:c.first + 1])):
            return True
    return False


def _military_target(m: Match, cues: Sequence[modality.Cue], breaks: Sequence[bool]) -> bool:
    """A military or security target named right after an attack word, in the same clause."""
    return any(c.category == "target" and 0 <= c.first - m.last < TARGET_WINDOW
               and not any(breaks[m.last:c.first + 1]) for c in cues)


def _mass_total(tokens: Sequence[Token], last: int) -> bool:
    """A toll of thousands right after the trigger ("قتل 6500 مسلم") is a war's total, not one event's."""
    for tok in tokens[last:last + COUNT_LOOKAHEAD]:
        t = tok.text.replace(",", "")
        if (t.isdigit() and int(t) >= MASS_TOTAL) or t in THOUSANDS:
            return True
    return False


def _inherit_background(scored: list, cl: clauses.Clauses) -> list:
    """Cap the confidence of a dependent trigger at that of the backgrounded trigger it hangs on:
    a verb right after it (an asyndetic relative clause after an indefinite noun) or an outcome
    ("مخلفا"، "أسفر عن") later in the same clause."""
    heads = [(m, conf) for m, _, _, _, conf, reasons in scored
             if BACKGROUND_REASONS & set(reasons)]
    if not heads:
        return scored
    out = []
    for m, lex, aspect, passive, conf, reasons in scored:
        for h, h_conf in heads:
            if h is m or m.first < h.last or h_conf >= conf:
                continue
            same_clause = not any(cl.breaks[h.last:m.first + 1]) and cl.start[m.first] == cl.start[h.first]
            dependent = (m.first - h.last <= ASYNDETIC_WINDOW if aspect != "noun" else
                         m.first - h.last <= DEPENDENT_NOUN_WINDOW) or "result" in reasons
            if same_clause and dependent:
                conf, reasons = h_conf, [*reasons, "inherits_background"]
                break
        out.append((m, lex, aspect, passive, conf, reasons))
    return out


def _group(event_type: str) -> str:
    return "violent" if event_type in VIOLENT_TYPES else "demo" if event_type in DEMO_TYPES else event_type


def detect(view: TextView, sentence: Sentence, min_confidence: float = MIN_CONFIDENCE) -> list[Trigger]:
    """The events `sentence` reports: its triggers whose confidence reaches `min_confidence`, with
    their companions: weaker triggers of the same kind of violence (or of demonstration) that only
    type the reported event ("فجر انتحاري سيارة مفخخة": the bomber and the car bomb make the
    explosion a suicide bomb in `choose`).

    A demonstration event needs the demonstration itself asserted: a trigger of an ASSERTING kind
    (protesters demonstrated, marched, held a sit-in, blocked a road; a mob attacked). Police
    dispersing protesters, tear gas, clashes with the police or lethal force against protesters type
    that event (Protest with intervention, Violent demonstration, Excessive force) but do not make
    one alone; force against protesters with no asserted protest stays the violence it is (a killing
    of civilians), and an intervention or a riot act with no asserted protest is not coded."""
    found = scan(view, sentence)
    if not found:
        return found
    demo = any(_asserts_demonstration(t) for t in found if t.confidence >= min_confidence)
    if not demo:
        found = [u for t in found if (u := unasserted_demonstration(t)) is not None]
    groups = {_group(t.event_type) for t in found if t.confidence >= min_confidence}
    # A place taken is a report of its own: a weak territory word never retypes another event by
    # precedence ("قتل متظاهرون ... في ساحة التحرير" is no government regaining territory).
    return [t for t in found if t.confidence >= min_confidence
            or (t.confidence >= COMPANION_MIN and _group(t.event_type) in groups
                and t.kind not in REPORT_ONLY_KINDS)
            or (demo and t.kind == "protest_intervention" and not UNASSERTED & set(t.reasons))]


def _asserts_demonstration(t: Trigger) -> bool:
    """A protest or mob trigger, a riot or intervention by or on protesters new to the text, or force
    used on a gathering ("فرقت القوات مسيرة", "أطلقوا النار على مسيرة سلمية")."""
    return (t.kind in ASSERTING or "on_gathering" in t.reasons
            or (t.kind in ASSERTING_WITH_PARTICIPANTS and "new_participants" in t.reasons))
