"""Casualty figures in a sentence, and the fatalities of one event, by ACLED's conservative rules.

A figure becomes a mention only when the text says what happened to the people it counts:

- a noun that says it ("7 قتلى", "12 جريحا", "قتيلان", "جثث"), or
- a person noun ("5 مدنيين", "جنديين", "عنصري أمن", "16 فلسطينيا") or a bare figure ("مقتل 5") with
  a trigger before it in the same clause ("مقتل", "قتلت القوات", "تقتل", "إصابة", "سقط") or, failing
  that, after it ("... من قسد قتلوا", "لقي ثلاثة جنود مصرعهم"); person nouns after the victim noun
  are its adjectives ("60 مسلحا حوثيا"). A figure joined by و to a previous one inherits its trigger
  ("مقتل 3 جنود و2 مدنيين"), unless a verb of its own follows it ("11 شخصا قتلوا و32 أصيبوا");
  some of the victims ("بينهم 4 أطفال", "منهم") take the fate of the whole, never a verb after them;
- what a toll of the dead rises or comes to, however far ("ارتفعت حصيلة القتلى جراء القصف ...، إلى
  68 شخصا", "ليبلغ عدد القتلى ... ما يقارب 24").

So fighters present ("3 آلاف عنصر يتحصنون"), civilians in a pocket ("50 ألف مدني"), displaced
people, money, years, ages, days of the month ("28 تشرين الأول"), clock times, the number of a
thing named ("الساعة 10") and figures after a preposition ("بعشرات الطلقات") never count, nor do
the dead spoken of without a figure ("صور الشهداء"), a people named ("إعدام المصريين"), a nisba
qualifying a noun ("الشمال السوري", "هدف عسكري"), a group's name ("جماعة الحوثي"), a preposition's
object ("نسب للحوثيين") or the agent of a verb whose own victims follow it ("أطلق المسلحون النار
فقتلوا 5"). Figures are coded as ACLED codes them:

- an approximation is the figure given ("أكثر من 10" = 10, "ما لا يقل عن 5" = 5), not vague;
- no figure: a singular noun is 1 ("مقتل جندي"), a dual 2, a plural 3 ("several": "مقتل مدنيين");
- killed and wounded counted together ("مقتل وإصابة 10", "20 بين قتيل وجريح"): the dead are at
  most half, and ACLED's "a few" = 3 at most: min(3, max(1, N // 2)); a vague quantity ("عدد من
  القتلى والجرحى", "عشرات القتلى والجرحى") or none ("قتلى وجرحى", "مقتل وإصابة مدنيين") says the
  dead were several: 3; a counted noun keeps its count ("قتيلان وجرحى" = 2); a killing verb with
  its victims before it is no such pair ("سبعة متظاهرين قتلوا وأصيب عشرات");
- "ضحايا" (victims) counts as dead only when a killing trigger says so ("سقوط ضحايا" is 0);
- a suicide bomber ("فجر ... نفسه", "فجر حزامه الناسف") is one death;
- victims joined by و to counted ones are other people, and add up: "قتلت امرأة وطفلها" = 2,
  "قتل رجل وزوجته وثلاثة من أطفالهما" = 5 (relatives with a pronoun count only in such a chain);
  "others" and companions presuppose a victim named but not counted: "قتل فلان وقياديان آخران" = 3,
  "قتل برفقة ثلاثة عناصر" = 4; a victim's own people with مع add up ("نائب مع حارسيه" = 3); a list
  continued after a comma adds up ("قتل خمسة عناصر من الجبهة، وستة مقاتلين من الفصائل" = 11);
  some of the victims ("قتل عشرة بينهم امرأة وطفلها", "معظمهم من المدنيين") add nothing;
- a long period ("منذ بداية الحرب", "خلال العام", "منذ 2011") that opens the sentence or sits in
  the figure's clause makes it a total: nothing; a total over a few days ("خلال يومين") is divided
  across them, the remainder to the first day (60 = 30); figures over MAX_EVENT_COUNT (war totals)
  are dropped.

Lexicon: `data/casualty_words.tsv`; `toll_reference` reads `data/toll_references.tsv` for the
sentences that give an attack's toll after it (`tolls.attach_tolls`). Offsets are normalised;
`TextView.span()` maps them back.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from functools import lru_cache
from importlib import resources

from marsad.datafiles import read_table
from marsad.text import Entry, Match, Matcher, Sentence, TextView, Token, candidates

from .dates import month_names
from .numbers import NumberMatch, find_numbers, lookup

KINDS = ("killed", "wounded", "missing", "arrested", "other")
# Punctuation that closes a clause: a trigger is not looked for across it.
_CLAUSE_BREAKS = frozenset("،,;؛:")
# Endings after which a noun takes no accusative alif ("عنصراً" -> "عنصرا", but not "جثةً").
_NO_TANWIN_ALIF = ("ه", "ء", "ين", "ون", "ات", "ان", "ا")
_WINDOW = 5
# Figures this large are war or period totals ("قتل فيها 800 ألف شخص"), never one event's.
MAX_EVENT_COUNT = 10_000
_TRIGGERS = ("trigger", "trigger_pre")


@dataclass(frozen=True, slots=True)
class FatalityMention:
    start: int  # normalised offsets of the figure and the victim noun
    end: int
    count: int
    kind: str  # one of KINDS
    vague: bool = False  # coded from a vague or approximate figure
    group: str = "generic"  # victim category: civilian, military, police, militant, bomber, others, generic
    sentence_index: int = -1
    joined: bool = False  # joined by و to the mention before it: other victims, who add up
    subset: bool = False  # some of the victims counted before it ("بينهم 3 أطفال"): adds nothing


@dataclass(frozen=True, slots=True)
class CasualtyWord:
    phrase: str
    role: str  # casualty, person, kin, trigger, negation, period, measure, blocker, self_verb, self
    kind: str  # killed, wounded, missing, arrested, other, victim, or "-"
    group: str
    number: str  # "1", "2", "pl" or "-"


@dataclass(frozen=True, slots=True)
class _Trigger:
    kind: str
    mixed: bool = False
    noun: Match | None = None  # a definite casualty noun read as the trigger ("عدد القتلى إلى 25")
    adjacent: bool = False  # right before the victims ("سقوط مدنيين"), nothing between them
    listed: bool = False  # the fate of victims listed before, across a comma: other victims, who add up


@lru_cache(maxsize=1)
def casualty_words() -> dict[str, CasualtyWord]:
    text = resources.files("marsad.events").joinpath("data/casualty_words.tsv").read_text("utf-8")
    out: dict[str, CasualtyWord] = {}
    for line in text.splitlines():
        if not line or line.startswith("#") or line.startswith("phrase\t"):
            continue
        phrase, role, kind, group, number = line.split("\t")
        out[phrase] = CasualtyWord(phrase, role, kind, group, number)
    return out


@lru_cache(maxsize=1)
def casualty_matcher() -> Matcher:
    entries: list[Entry] = []
    for phrase, w in casualty_words().items():
        if w.role == "kin":
            continue  # looked up only after a victim and و (see _joined)
        inflects = w.role in _TRIGGERS + ("self_verb", "toll_verb")
        entries.append(Entry(tuple(phrase.split()), w.role, w, suffix=inflects))
        if (w.role in ("casualty", "person") and " " not in phrase and not phrase.endswith(_NO_TANWIN_ALIF)
                and w.number != "2c"):
            entries.append(Entry((phrase + "ا",), w.role, w, suffix=False))
    return Matcher(entries)


@lru_cache(maxsize=1)
def _key_heads() -> frozenset[str]:
    """First words of entries that can start a mention by themselves (most sentences have none)."""
    return frozenset(p.split()[0] for p, w in casualty_words().items()
                     if w.role in ("casualty", "self_verb") + _TRIGGERS)


@lru_cache(maxsize=200_000)
def _is_key(word: str) -> bool:
    heads = _key_heads()
    return any(c.form in heads for c in candidates(word))


class _Sentence:
    """One sentence's tokens with their lexicon matches, and the mentions found so far."""

    def __init__(self, view: TextView, sentence: Sentence) -> None:
        self.norm = view.norm
        self.toks: list[Token] = view.tokens_of(sentence)
        self.matches = casualty_matcher().find(self.toks)
        self.cover: list[Match | None] = [None] * len(self.toks)
        self.at: dict[int, Match] = {}
        for m in self.matches:
            self.at[m.first] = m
            for k in range(m.first, m.last):
                self.cover[k] = m
        self.owner: list[str | None] = [None] * len(self.toks)  # kind of the mention owning a token
        self.agents: set[int] = set()  # first tokens of nouns read as the agent of a trigger
        self.index = sentence.index

    def breaks(self, k: int) -> bool:
        """True when a clause break separates token k from token k + 1."""
        gap = self.norm[self.toks[k].end:self.toks[k + 1].start]
        return any(c in _CLAUSE_BREAKS for c in gap)

    def word(self, k: int, *roles: str) -> Match | None:
        m = self.at.get(k)
        return m if m is not None and m.label in roles else None

    def negated(self, k: int, window: int = 4) -> bool:
        for j in range(max(0, k - window), k):
            m = self.cover[j]
            if m is not None and m.label == "negation" and not any(self.breaks(x) for x in range(j, k)):
                return True
        return False

    def trigger_before(self, pos: int, window: int = _WINDOW) -> _Trigger | None:
        k, stop = pos, max(-1, pos - 1 - window)
        while k - 1 > stop:
            k -= 1
            if self.breaks(k):
                return None
            if self.owner[k] is not None:
                # Joined to a previous figure by و: the same fate ("مقتل 3 جنود و2 مدنيين").
                between = [t.text for t in self.toks[k + 1:pos]]
                joined = "و" in between or self.toks[pos].text.startswith("و")
                if joined and all(t == "و" for t in between):
                    return _Trigger(self.owner[k])
                return None
            m = self.cover[k]
            if m is None:
                continue
            w: CasualtyWord = m.entry.data
            if m.label in _TRIGGERS:
                if self.negated(m.first):
                    return None
                return _Trigger(w.kind, self._mixed_triggers(m), adjacent=m.last == pos)
            if m.label == "casualty" and "ال" in m.prefix and w.kind in KINDS:
                return _Trigger(w.kind, noun=m)  # "ارتفع عدد القتلى إلى 20"
            before = self.cover[m.first - 1] if m.first > 0 else None
            if m.label == "person" and before is not None and before.label in _TRIGGERS and w.number == "pl":
                # "اختطف مسلحون ثلاثة صحفيين": the noun right after the verb is its agent.
                self.agents.add(m.first)
                continue
            if m.label == "measure" and "ال" in m.prefix:
                continue  # "استشهد جراء هذه الغارة 9": a definite noun is no measure of the figure
            if m.label == "person" and m.first and self.word(m.first - 1, "name_head") is not None:
                stop = max(-1, stop - 2)  # "قتلت جماعة الحوثي مدنيا": the agent's name, no distance
                continue
            if m.label in ("person", "casualty", "measure"):
                return None
        return None

    def _mixed_triggers(self, m: Match) -> bool:
        """"مقتل وإصابة" / "إصابة ومقتل": deaths and injuries counted together."""
        kinds = {m.entry.data.kind}
        if m.prefix.startswith("و") and m.first > 0:
            prev = self.cover[m.first - 1]
            # "مصرعهم وأصيب سبعة": a pronoun on the first word means it already has its own victims;
            # so do victims right before it: "سبعة متظاهرين قتلوا وأصيب عشرات".
            own = prev is not None and any(
                not self.breaks(j) and (self.owner[j] is not None or self.cover[j] is not None
                                        and self.cover[j].label in ("person", "casualty")
                                        or lookup(self.toks[j].text) is not None
                                        or self.toks[j].text.isdigit())
                for j in range(max(0, prev.first - 3), prev.first))
            if prev is not None and prev.label in _TRIGGERS and not _has_pronoun(prev) and not own:
                kinds.add(prev.entry.data.kind)
        nxt = self.at.get(m.last)
        if nxt is not None and nxt.label in _TRIGGERS and nxt.prefix.startswith("و"):
            kinds.add(nxt.entry.data.kind)
        return {"killed", "wounded"} <= kinds

    def trigger_after(self, pos: int, numbers: set[int], window: int = _WINDOW) -> _Trigger | None:
        k, stop = pos - 1, min(len(self.toks), pos + window)
        while k + 1 < stop:
            k += 1
            if k > 0 and self.breaks(k - 1) and (k > pos or self.word(k, "subset") is not None):
                aside = self._aside(k)  # "25 شخصا، معظمهم من المدنيين، قتلوا": past the aside
                if aside < 0 or aside >= len(self.toks):
                    return None
                k, stop = aside, min(len(self.toks), aside + window)
            if k in numbers and self.toks[k].text.startswith("و"):
                stop = min(len(self.toks), stop + 3)  # "25 حوثيا وعشرة من رجال المقاومة سقطوا قتلى"
                continue
            if k in numbers or self.owner[k] is not None:
                return None
            m = self.cover[k]
            if m is None:
                continue
            if m.label == "trigger":  # a verb: "... من قسد قتلوا", "لقي ثلاثة جنود مصرعهم"
                if self._has_object(m.last):
                    return None  # "المسلحون النار فقتلوا 5 أشخاص": the verb's own victims follow it
                return _Trigger(m.entry.data.kind)
            if m.label == "person" and k > pos and self.toks[k - 1].text == "من":
                continue  # "13 عنصرا من الحوثيين وقوات صالح قتلوا": whose the victims are
            if m.label in ("person", "casualty", "trigger_pre"):
                return None
        return None

    def _aside(self, k: int) -> int:
        """Past an aside about the victims that opens at token k ("، معظمهم من المدنيين،"): the
        token after its closing comma, else -1."""
        if self.word(k, "subset") is None:
            return -1
        end = next((j for j in range(k, min(len(self.toks) - 1, k + _WINDOW + 3)) if self.breaks(j)), -1)
        return end + 1 if end >= 0 else -1

    def _and_casualty(self, k: int) -> Match | None:
        """The casualty noun joined by و at token k: "وجرحى", or "و جرحى" written apart."""
        m = self.word(k, "casualty")
        if m is not None and m.prefix.startswith("و"):
            return m
        if k + 1 < len(self.toks) and self.toks[k].text == "و":
            m = self.word(k + 1, "casualty")
            return m if m is not None and not m.prefix.startswith("و") else None
        return None

    def _has_object(self, k: int) -> bool:
        """Victims right after a verb, not joined by و: its object, so the noun before is its agent."""
        if k >= len(self.toks) or self.breaks(k - 1) or self.toks[k].text.startswith("و"):
            return False
        m = self.at.get(k)
        word = self.toks[k].text
        # A casualty noun after it is its predicate ("سقطوا قتلى"), not its object.
        victim = m is not None and m.label == "person"
        return victim or word[0].isdigit() or lookup(word) is not None

    def mixed_tail(self, k: int, kind: str) -> int:
        """Token index past "وجرحى" / "بين قتيل وجريح" when it follows position k, else -1."""
        m = self._and_casualty(k)
        if m is not None and {kind, m.entry.data.kind} == {"killed", "wounded"}:
            return m.last
        if k < len(self.toks) and self.toks[k].text == "بين":
            a = self.word(k + 1, "casualty")
            b = self._and_casualty(a.last) if a is not None else None
            kinds = {a.entry.data.kind, b.entry.data.kind} if a is not None and b is not None else set()
            if b is not None and kinds == {"killed", "wounded"}:
                return b.last
        return -1

    def own(self, first: int, last: int, kind: str) -> None:
        for k in range(first, last):
            self.owner[k] = kind


def _has_pronoun(m: Match) -> bool:
    return m.suffix.endswith(("هم", "هما", "هن", "ه", "ها"))


def _start(m: Match) -> int:
    """Start of a match with its article ("القتلى"), without conjunctions and prepositions."""
    return m.start - (2 if m.prefix.endswith("ال") else 0)


# What a noun without a figure counts: singular, dual, dual in construct ("عنصري أمن"); else plural.
_COUNTS = {"1": 1, "2": 2, "2c": 2}


def _mixed_count(n: int) -> int:
    return min(3, max(1, n // 2))


def find_fatalities(view: TextView, sentence: Sentence) -> list[FatalityMention]:
    """Casualty mentions in `sentence`, in text order. See the module docstring for the rules."""
    if not any(_is_key(t.text) for t in view.tokens_of(sentence)):
        return []
    s = _Sentence(view, sentence)
    if not s.matches:
        return []
    periods = _periods(s)
    days = [(m.first, int(m.entry.data.number)) for m in s.matches if m.label == "days"]
    numbers = find_numbers(s.toks, view.norm)
    out: list[FatalityMention] = []
    starts = {n.first for n in numbers}
    # Figures of some of the victims ("بينهم 4 أطفال") are read last, once the whole, a noun or a
    # figure, is read; their nouns wait for them.
    subsets = [n for n in numbers if n.first and s.word(n.first - 1, "subset") is not None]
    waiting = {n.last for n in subsets} | {n.last + 1 for n in subsets}
    for n in numbers:
        mention = _figure(s, n, starts) if n not in subsets else None
        if mention is not None and mention.count <= MAX_EVENT_COUNT:
            out.append(mention)
    for m in s.matches:
        if (m.label in ("person", "casualty") and s.owner[m.first] is None and m.first not in s.agents
                and m.first not in waiting):
            mention = _bare_noun(s, m)
            if mention is not None:
                out.append(mention)
        elif m.label == "self":
            mention = _bomber(s, m)
            if mention is not None:
                out.append(mention)
    for n in subsets:
        mention = _figure(s, n, starts)
        if mention is not None and mention.count <= MAX_EVENT_COUNT:
            out.append(mention)
    out.sort(key=lambda x: x.start)
    found = _named_with_others(s, numbers, _joined(s, numbers, out))
    if days:
        # A total over days: the first day's share ("60 خلال يومين" = 30), the remainder to it.
        k, n = days[0]
        found = [replace(m, count=-(-m.count // n)) if _in_scope(s, [k], m) else m for m in found]
    return [m for m in found if not _in_scope(s, periods, m)] if periods else found


_PRONOUNS = ("ه", "ها", "هم", "هما", "هن")
# A dual in construct before a pronoun ("طفليها", "ابناه"): the case ending stays before it.
_DUAL_PRONOUNS = frozenset(e + p for e in ("ي", "ا") for p in _PRONOUNS)


@lru_cache(maxsize=1)
def _victim_nouns() -> dict[str, CasualtyWord]:
    return {p: w for p, w in casualty_words().items() if w.role in ("person", "kin") and " " not in p}


@lru_cache(maxsize=50_000)
def _victim_noun(word: str, conj: bool, pronoun: bool = False) -> tuple[int, str] | None:
    """(count, group) when `word` names victims by itself: a person noun ("مدنيين"), or a person or
    relative with a pronoun ("طفلها", "زوجته", "ابنيه" = 2). `conj`: the word must start with و;
    `pronoun`: it must carry a pronoun ("حارسيه")."""
    table = _victim_nouns()
    for c in candidates(word):
        if c.prefix not in (("و", "وال") if conj else ("", "ال")) or pronoun and not c.suffix:
            continue
        w = table.get(c.form)
        if w is None and c.form.endswith("ت") and c.suffix in _PRONOUNS:
            w = table.get(c.form[:-1] + "ه")  # "زوجته": the feminine ة is written ت before a pronoun
        if w is None or (w.role == "kin" and not c.suffix):
            continue  # a bare "أب"/"أم" is too often the same person or another word
        if c.suffix in _PRONOUNS or (not c.suffix and w.role == "person"):
            count = _COUNTS.get(w.number, 3)
        elif c.suffix in _DUAL_PRONOUNS and w.number == "1":
            count = 2
        else:
            continue
        return count, w.group if w.group != "-" else "generic"
    return None


def _joined(s: _Sentence, numbers: list[NumberMatch], found: list[FatalityMention]) -> list[FatalityMention]:
    """Mark and add the victims joined by و after each mention: "امرأة وطفلها", "جنديان وضابط",
    "رجل وزوجته وثلاثة من أطفالهما", or by مع to the mention's own people: "نائب مع حارسيه". They are
    other people, so `total_fatalities` adds them up."""
    if not found:
        return found
    toks = s.toks
    after = {t.end: k + 1 for k, t in enumerate(toks)}
    at_start = {m.start: i for i, m in enumerate(found)}
    figures = {n.first: n for n in numbers}
    out = list(found)
    for m in found:
        k = after.get(m.end)
        if k is not None and k < len(toks) and not s.breaks(k - 1) and s.owner[k] is None:
            k = _adjectives(s, k, m.group)[0]  # "نائب صومالي مع حارسيه"
        while k is not None and k < len(toks) and not s.breaks(k - 1):
            company = toks[k].text == "مع"  # "قتل نائب مع حارسيه": his own people, never "مع مسلحين"
            conj = toks[k].text not in ("و", "مع")
            if not conj:
                if k + 1 >= len(toks) or s.breaks(k):
                    break
                k += 1
            elif not toks[k].text.startswith("و"):
                break
            if s.owner[k] is not None:
                # Already a mention (it inherited the trigger through و): mark it as other victims.
                i = next((i for st, i in at_start.items() if toks[k].start <= st < toks[k].end), None)
                if i is None or out[i].kind != m.kind:
                    break
                out[i] = replace(out[i], joined=True, subset=out[i].subset or m.subset)
                k = after.get(out[i].end)
                continue
            n = figures.get(k) if not company else None
            if company:
                noun = _victim_noun(toks[k].text, False, pronoun=True)
                if noun is None:
                    break
                count, vague, start, end = noun[0], noun[0] == 3, toks[k].start, k + 1
            elif n is not None:
                j = n.last + 1 if n.last < len(toks) and toks[n.last].text == "من" else n.last
                noun = _victim_noun(toks[j].text, False) if j < len(toks) else None
                if noun is None or n.value > MAX_EVENT_COUNT:
                    break
                count, vague, start, end = n.value, n.vague and not n.approx, n.start, j + 1
            else:
                noun = _victim_noun(toks[k].text, conj)
                if noun is None:
                    break
                count, vague, start, end = noun[0], noun[0] == 3, toks[k].start + (1 if conj else 0), k + 1
            s.own(k, end, m.kind)
            out.append(FatalityMention(start, toks[end - 1].end, count, m.kind, vague, noun[1], s.index,
                                       joined=True, subset=m.subset))
            k = end
    out.sort(key=lambda x: x.start)
    return out


def _named_with_others(s: _Sentence, numbers: list[NumberMatch],
                       found: list[FatalityMention]) -> list[FatalityMention]:
    """Victims counted as "others" or companions of one the text names but does not count ("قتل أبو
    فلان وقياديان آخران", "اغتيل فلان وثلاثة آخرون", "قتل برفقة ثلاثة عناصر"): the named one is a
    victim too, so one more, unless a counted victim comes before them."""
    out = list(found)
    ends = {n.last: n for n in numbers}
    for m in s.matches:
        w: CasualtyWord = m.entry.data
        if m.label != "person" or w.group != "others" or m.prefix or s.owner[m.first] is not None:
            continue
        head = _head_before(s, ends, m.first)
        if head is None or not _conjoined(s, head[0]) or _killed_before(s, head[0]) is None:
            continue
        first, count, vague = head
        s.own(first, m.last, "killed")
        start = s.toks[first].start + (1 if s.toks[first].text.startswith("و") else 0)
        out.append(FatalityMention(start, m.end, count, "killed", vague, "others", s.index))
    out.sort(key=lambda x: x.start)
    starts = {t.start: k for k, t in enumerate(s.toks)}
    for f in list(out):
        k = starts.get(f.start, starts.get(f.start - 1))
        if f.kind != "killed" or k is None or any(g.kind == "killed" and g.start < f.start for g in out):
            continue
        company = k > 0 and s.word(k - 1, "company") is not None
        if company or (f.group == "others" and _conjoined(s, k) and _killed_before(s, k) is False):
            if company:
                out[out.index(f)] = replace(f, group="others")
            out.append(FatalityMention(f.start, f.end, 1, "killed", False, "generic", s.index))
    out.sort(key=lambda x: x.start)
    return out


def _head_before(s: _Sentence, ends: dict[int, NumberMatch], k: int) -> tuple[int, int, bool] | None:
    """(first token, count, vague) of the victims "آخرين" at token k qualifies: a figure ("وثلاثة
    آخرون"), a noun ("وقياديان آخران"), or both ("وثلاثة عناصر آخرين")."""
    noun = s.cover[k - 1] if k else None
    if noun is not None and noun.label == "person" and noun.last == k and s.owner[noun.first] is None:
        n = ends.get(noun.first)
        if n is not None:
            return n.first, n.value, n.vague and not n.approx
        w: CasualtyWord = noun.entry.data
        return noun.first, _COUNTS.get(w.number, 3), w.number == "pl"
    n = ends.get(k)
    if n is not None and s.owner[n.first] is None:
        return n.first, n.value, n.vague and not n.approx
    return None


def _conjoined(s: _Sentence, k: int) -> bool:
    """Token k opens a conjunct: "وثلاثة", or "و ثلاثة" written apart."""
    return s.toks[k].text.startswith("و") or (k > 0 and s.toks[k - 1].text == "و")


def _killed_before(s: _Sentence, k: int, window: int = 10) -> bool | None:
    """Whether a killing trigger governs the conjunct at token k, across the name of the first
    victim: True when counted victims of it come first ("قتل جندي وثلاثة آخرون"), False when only a
    name does ("قتل فلان وثلاثة آخرون"), None when no killing is told in the clause."""
    counted = False
    for j in range(k - 1, max(-1, k - 1 - window), -1):
        if s.breaks(j):
            return None
        if s.owner[j] is not None:
            if s.owner[j] != "killed":
                return None
            counted = True
            continue
        m = s.cover[j]
        if m is not None and m.label in _TRIGGERS:
            if m.entry.data.kind != "killed" or s.negated(m.first):
                return None
            return counted
    return None


_SUPERLATIVE_REACH = 3  # tokens between a superlative and the period it measures: "أعنف هجوم منذ"


def _periods(s: _Sentence) -> list[int]:
    """Token indices where a long period starts: "منذ 2011", "منذ مارس" (which count the deaths of
    their clause only, see `_in_scope`), or a period of the lexicon ("منذ بداية الحرب", "خلال العام"),
    a total's mark that counts every death of the sentence (index 0: "قتيلا، وذلك منذ بدء النزاع"),
    unless a superlative measures it ("قتل جنديان في أعنف هجوم منذ بداية العام")."""
    out = []
    for m in s.matches:
        if m.label == "period" and not any(
                s.word(j, "superlative") for j in range(max(0, m.first - _SUPERLATIVE_REACH), m.first)):
            out.append(0)
    for k, t in enumerate(s.toks[:-1]):
        nxt = s.toks[k + 1].text
        year = nxt.isdigit() and 1900 <= int(nxt) <= 2100
        if t.text in ("منذ", "ومنذ") and (year or nxt in _month_heads()):
            out.append(k)
        elif t.text in ("خلال", "وخلال", "منذ", "ومنذ") and any(
                (m := s.at.get(j)) is not None and m.label == "measure" and m.entry.data.group == "long"
                for j in range(k + 1, min(len(s.toks), k + 4))):
            out.append(0)  # "خلال أربعة أشهر من الحرب": a total over months, of every figure
    return out


def _in_scope(s: _Sentence, periods: list[int], m: FatalityMention) -> bool:
    """Whether a period counts the deaths of `m`: it opens the sentence before them ("منذ بداية
    العام، قتل 500"), or follows them in their clause ("قتل 500 منذ بداية الحرب"). A period in a later
    clause dates something else ("استشهد شخص، في خرق للهدنة السارية منذ نوفمبر")."""
    k = next((i for i, t in enumerate(s.toks) if t.end > m.start), len(s.toks) - 1)
    return any(p <= k or not any(s.breaks(x) for x in range(k, p)) for p in periods)


@lru_cache(maxsize=1)
def _month_heads() -> frozenset[str]:
    """First words of month names ("تشرين" of "تشرين الأول"): a figure before one is a date."""
    return frozenset(name.split()[0] for name in month_names())


def _figure(s: _Sentence, n: NumberMatch, starts: set[int]) -> FatalityMention | None:
    toks = s.toks
    j = n.last
    jn = j + 1 if j < len(toks) and toks[j].text == "من" else j
    noun = s.word(jn, "person", "casualty")
    first = n.first
    if noun is None:
        if j < len(toks) and s.cover[j] is not None and s.cover[j].label == "measure":
            return None
        if j < len(toks) and toks[j].text in _month_heads():
            return None  # "قتلوا الثلاثاء 28 تشرين الأول": a day of the month
        before = s.cover[n.first - 1] if n.first else None
        if before is not None and before.label == "measure" and "ال" in before.prefix:
            return None  # "الساعة 10", "الغارة 3": the number of the thing named, no count
        if s.norm[n.end:n.end + 1] == ":":
            return None  # "10:50": a time
        hit = lookup(toks[n.first].text)
        if hit is not None and hit[1].lstrip("و").startswith(("ب", "ل", "ك")):
            return None  # "بعشرات الطلقات", "بثلاث قذائف": a preposition's figure counts no victims
        if not n.vague and 1900 <= n.value <= 2100 and toks[n.first].text.isdigit():
            return None  # a year
        if n.value <= 2 and not toks[n.first].text[0].isdigit() and n.first and s.cover[n.first - 1] is None:
            return None  # "من عائلة واحدة": one and two follow their noun as adjectives
        before = s.cover[n.first - 1] if n.first > 0 else None
        if (before is not None and before.label == "person" and not toks[n.first].text[0].isdigit()
                and s.owner[before.first] is None and not toks[n.first].text.startswith("و")):
            noun, first = before, before.first  # "الجنود الثلاثة", "جندي واحد"
    w: CasualtyWord | None = noun.entry.data if noun is not None else None
    end = max(noun.last, n.last) if noun is not None else n.last
    group = w.group if w is not None and w.group != "-" else "generic"
    if w is not None and w.role == "person":
        end, group = _adjectives(s, end, group, noun is not None and noun.prefix == "ال")
    kind: str | None = None
    mixed = listed = False
    whole = _subset_of(s, first)
    if whole:
        kind = whole  # "قتل 5 أشخاص بينهم 3 أطفال وأصيب آخرون": the children are among the dead
    elif w is not None and w.role == "casualty" and w.kind in KINDS:
        kind = w.kind
    else:
        t = s.trigger_before(first)
        if t is None and noun is not None and whole is None:
            t = s.trigger_after(end, starts - {n.first}) or _listed(s, first, end)
        elif t is not None and _after_verb_and(s, first):
            # "11 شخصا قتلوا و32 أصيبوا": a figure coordinated after the last clause's verb is the
            # subject of its own verb when one follows it.
            t = s.trigger_after(end, starts - {n.first}) or t
        if t is not None:
            kind, mixed, listed = t.kind, t.mixed, t.listed
            if t.noun is not None and noun is None:
                first = t.noun.first
        if kind == "fell" and noun is None and not _phrase_ends(s, end):
            kind = None  # "سقوط عدد من المواقع", "سقطت 3 مدن": things fall, not people
        elif kind == "fell":
            # "سقط 13 مسلحا": people who fall in an attack are killed; "سقوط ضحايا" are casualties.
            kind = "other" if w is not None and w.kind == "victim" else "killed"
        if w is not None and w.kind == "victim" and kind != "killed":
            kind = "other" if kind is None else kind
    if kind is None and noun is not None and s.mixed_tail(end, "killed") > 0:
        kind = "killed"  # "سقوط 20 شخصا بين قتيل وجريح"
    # "إلى 25." or "إلى 68 شخصا", but not "إلى 3 مستشفيات"
    alone = noun is None and (n.last == len(toks) or s.breaks(n.last - 1))
    if kind is None and (alone or w is not None and w.role == "person") and _risen_toll(s, n.first):
        kind = "killed"  # "ارتفعت حصيلة القتلى جراء القصف على المركز، إلى 68 شخصا"
    if kind is None:
        return None
    if noun is not None and not mixed:
        tail = s.mixed_tail(end, kind)
        if tail > 0:
            mixed, end = True, tail
    others = s.word(end, "person")
    if noun is not None and others is not None and others.entry.data.group == "others":
        group, end = "others", others.last  # "3 أشخاص آخرين": more victims, not the same ones
    count, vague = n.value, n.vague and not n.approx  # "أكثر من 20" is a figure given: 20
    if mixed:
        # "مقتل وإصابة 10" = 3 at most; "مقتل وجرح عدد من العناصر": several dead, 3
        kind, count, vague = "killed", 3 if n.vague and not n.approx else _mixed_count(n.value), True
    s.own(first, end, kind)
    lead = noun if noun is not None else s.at.get(first)  # the victim noun, or "القتلى" in "القتلى إلى 25"
    start = min(n.start, _start(lead)) if lead is not None else n.start
    return FatalityMention(start, toks[end - 1].end, count, kind, vague, group, s.index, joined=listed,
                           subset=bool(whole))


_SUBSET_REACH = 8  # tokens back from "بينهم" to the victims it takes some of


def _subset_of(s: _Sentence, first: int) -> str | None:
    """After "بينهم"/"منهم": the kind of the victims counted before, of whom these are some ("قتل 10
    أشخاص، بينهم 4 أطفال"); "" when none are counted ("استشهد 9 فلسطينيين منهم 6 أطفال" with the
    9 unread: the children are read by their trigger, never by a verb after them); None otherwise."""
    if first > 1 and s.toks[first - 1].text == "من":
        first -= 1  # "معظمهم من المدنيين"
    if first == 0 or s.word(first - 1, "subset") is None:
        return None
    for j in range(first - 2, max(-1, first - 2 - _SUBSET_REACH), -1):
        if s.owner[j] is not None:
            return s.owner[j]
    return ""


_LIST_REACH = 10  # tokens back from a listed figure to the victims listed before it


def _phrase_ends(s: _Sentence, end: int) -> bool:
    """The noun phrase before token `end` ends there: at a clause break, or before a preposition
    ("سقوط ثمانية على الأقل في حمص"), not before a noun of its own ("سقوط عدد من المواقع")."""
    if end >= len(s.toks) or s.breaks(end - 1):
        return True
    nxt = s.toks[end].text
    return nxt in ("من", "في", "علي", "الي") or nxt.startswith("ب")


def _listed(s: _Sentence, first: int, end: int) -> _Trigger | None:
    """A figure with its noun that continues, after a comma, a list of victims ("قتل خمسة عناصر من
    الجبهة ومقاتلون موالون لها، وستة مقاتلين من الفصائل"): theirs is the same fate. Its noun ends
    the clause or takes a preposition; anything else is a clause of its own ("و3 آلاف عنصر يتحصنون")."""
    if not _conjoined(s, first) or not _phrase_ends(s, end):
        return None
    k = first - 1 if s.toks[first].text.startswith("و") else first - 2
    if k < 0 or not s.breaks(k):
        return None
    for j in range(k, max(-1, k - _LIST_REACH), -1):
        if s.owner[j] is not None:
            return _Trigger(s.owner[j], listed=True)
        m = s.cover[j]
        if m is not None and m.label in _TRIGGERS:
            return None  # a clause of its own: "قتل 5 وأصيب 3، و4 آخرون ..."
    return None


def _adjectives(s: _Sentence, end: int, group: str, definite: bool = False) -> tuple[int, str]:
    """Past the person nouns that follow a victim noun as its adjectives ("60 مسلحا حوثيا", "من
    المسلحين الحوثيين": the article agrees), with the group they name when the noun names none. One
    joined by و, or "آخرين", is other victims."""
    while (adj := s.word(end, "person")) is not None and adj.prefix == ("ال" if definite else ""):
        w: CasualtyWord = adj.entry.data
        if w.group == "others":
            break
        if group == "generic" and w.group != "-":
            group = w.group
        end = adj.last
    return end, group


_TOLL_REACH = 30  # tokens between "حصيلة القتلى" and the figure it comes to


def _risen_toll(s: _Sentence, k: int) -> bool:
    """The figure at token k is what a toll of the dead rises or comes to, however far the toll
    noun is, across clauses: right after "إلى" ("ارتفعت حصيلة القتلى جراء القصف على مركز الإيواء،
    إلى 68 شخصا"), or after "بلغ" ("ليبلغ عدد القتلى في صفوفهم، مساء أمس، ما يقارب 24 عنصرا")."""
    to = k > 0 and s.word(k - 1, "toll_to") is not None
    for j in range(k - 1, max(0, k - 1 - _TOLL_REACH), -1):
        m = s.at.get(j)
        if m is None:
            continue
        if m.label == "toll_verb":
            to = True
        elif m.label == "casualty" and "ال" in m.prefix and m.entry.data.kind == "killed":
            verb = to or j > 1 and s.word(j - 2, "toll_verb") is not None  # "ليبلغ عدد القتلى ... 24"
            return verb and s.word(j - 1, "toll") is not None
        elif m.label == "casualty":
            return False  # a toll of others comes between: "حصيلة القتلى 5 والجرحى إلى 20"
    return False


def _after_verb_and(s: _Sentence, first: int) -> bool:
    """The figure at `first` opens a clause joined by و to a casualty verb: "قتلوا و32", "قتلوا وثلاثة"."""
    if first > 1 and s.toks[first - 1].text == "و":
        before = s.cover[first - 2]
    elif first > 0 and s.toks[first].text.startswith("و"):
        before = s.cover[first - 1]
    else:
        return False
    return before is not None and before.label == "trigger"


def _bare_noun(s: _Sentence, m: Match) -> FatalityMention | None:
    """A noun with no figure: "مقتل جندي" (1), "قتيلان" (2), "مقتل مدنيين" / "قتلى" (3, vague)."""
    w: CasualtyWord = m.entry.data
    if w.number == "2c" and ("ال" in m.prefix or m.last >= len(s.toks)):
        return None  # a dual in construct has its genitive after it, never the article ("العنصري")
    if w.number == "pl-fig":
        return None  # "إعدام المصريين": a people named, not victims counted
    if w.role == "person" and "ال" in m.prefix and m.first and s.cover[m.first - 1] is None \
            and s.toks[m.first - 1].text.startswith(("ال", "وال")):
        return None  # "الشمال السوري", "الجيش اللبناني": an adjective of the noun before
    if m.first and s.word(m.first - 1, "name_head") is not None and (w.role == "person" or "ال" in m.prefix):
        return None  # "جماعة الحوثي", "كتائب الشهيد عز الدين القسام": a group's name
    if _nisba_adjective(s, m):
        return None  # "هدف عسكري", "مصدر أمني": an adjective of the noun before
    if w.role == "person" and m.prefix.lstrip("و").startswith(("ب", "ل", "ك")):
        return None  # "قصف نسب للحوثيين وقتل 57": a preposition's object is no victim
    if m.first > 1 and s.toks[m.first - 1].text == "من" and s.owner[m.first - 2] is not None:
        return None  # "13 عنصرا من الحوثيين": whose the victims counted are
    if w.role == "casualty" and m.first and s.toks[m.first - 1].text == "بين" and s._and_casualty(m.last):
        return None  # "بين قتيل وجريح": how the victims counted before are split, no count
    kind: str | None = None
    mixed = False
    whole = _subset_of(s, m.first)
    if whole:
        kind = whole  # "أصيب 5 أشخاص بينهم طفلان وقتل 3": the children are among the wounded
    elif w.role == "casualty" and w.kind in KINDS:
        if s.negated(m.first, window=5):
            return None  # "دون سقوط قتلى", "لم يسفر الانفجار عن سقوط قتلى"
        if (w.number == "pl" and "ال" in m.prefix and s.mixed_tail(m.last, w.kind) < 0
                and s.trigger_before(m.first, window=2) is None):
            return None  # "صور الشهداء", "أسماء القتلى": the dead spoken of, not counted
        kind = w.kind
    else:
        t = s.trigger_before(m.first, window=2)
        if t is None and whole is None:
            t = s.trigger_after(m.last, set(), window=3)
        if t is not None and t.kind == "fell" and not t.adjacent:
            t = None  # "سقط الصاروخان الآخران": what fell is the noun between, not the people
        if t is not None:
            kind, mixed = t.kind, t.mixed
        if kind == "fell":
            kind = "other" if w.kind == "victim" else "killed"  # "سقوط مدنيين", but "سقوط ضحايا"
        if w.kind == "victim" and kind != "killed":
            kind = "other" if kind is None else kind
    if kind is None:
        return None
    end = m.last
    count = _COUNTS.get(w.number, 3)
    vague = w.number == "pl"
    tail = s.mixed_tail(end, kind) if not mixed else -1
    if tail > 0:
        # "قتلى وجرحى": the dead are several; "قتيلان وجرحى": the dead are counted, two;
        # "جرحى وقتلى": the noun counts the wounded, the dead are several.
        if kind != "killed":
            count, vague = 3, True
        kind, end = "killed", tail
    elif mixed:
        # "مقتل وإصابة مدنيين": several dead, as a vague quantity is (3); two or one: one at least
        kind, count, vague = "killed", 3 if w.number == "pl" else 1, True
    s.own(m.first, end, kind)
    group = w.group if w.group != "-" else "generic"
    return FatalityMention(_start(m), s.toks[end - 1].end, count, kind, vague, group, s.index,
                           subset=bool(whole))


def _nisba_adjective(s: _Sentence, m: Match) -> bool:
    """A singular nisba ("عسكري", "سوري") right after a word the lexicon does not know, and not after
    a preposition or a conjunction, qualifies that word: "هدف عسكري مشروع", "الجيش العربي السوري"."""
    w: CasualtyWord = m.entry.data
    if w.role != "person" or w.number != "1" or not w.phrase.endswith("ي") or m.prefix not in ("", "ال") \
            or not m.first:
        return False
    before = s.toks[m.first - 1].text
    # After a prepositional phrase ("بالرصاص") or a conjunction a noun phrase may start: no adjective.
    return (s.cover[m.first - 1] is None and not s.breaks(m.first - 1)
            and not before.startswith(("و", "ب", "ل", "ك", "ف"))
            and before not in ("علي", "من", "في", "الي", "امس"))


def _bomber(s: _Sentence, m: Match) -> FatalityMention | None:
    """"فجر الانتحاري نفسه", "فجرت نفسها": the bomber dies."""
    for k in range(m.first - 1, max(-1, m.first - 4), -1):
        v = s.cover[k]
        if v is not None and v.label == "self_verb" and not s.negated(v.first):
            s.own(v.first, m.last, "killed")
            return FatalityMention(v.start, m.end, 1, "killed", False, "bomber", s.index)
    return None


def total_fatalities(mentions: Iterable[FatalityMention]) -> tuple[int, FatalityMention | None]:
    """Fatalities of one event from its mentions, and the mention that best evidences them.

    ACLED counts the same deaths once and keeps the lowest figure when reports conflict:
    - different figures for one victim group within a sentence add up (the same figure twice is
      the same deaths: "قتل 5 ... وقتل خمسة أشخاص" = 5); across sentences the lowest wins;
    - distinct groups add up ("مقتل 3 جنود و2 مدنيين" = 5); a generic figure ("أشخاص", a bare
      number) is the same deaths as the groups, so the total is the larger of the two
      ("قتل 5 أشخاص بينهم 3 أطفال" = 5); "آخرين" (others) and a suicide bomber add to both;
    - a vague figure is dropped when an exact one covers the same group.
    """
    killed = _chains(_wholes([m for m in mentions if m.kind == "killed" and m.count > 0]))
    if not killed:
        return 0, None
    exact_groups = {m.group for m in killed if not m.vague}
    kept = [m for m in killed if not m.vague or not (
        m.group in exact_groups or "generic" in exact_groups or (m.group == "generic" and exact_groups))]
    by_group: dict[str, dict[int, set[int]]] = {}
    for m in kept:
        by_group.setdefault(m.group, {}).setdefault(m.sentence_index, set()).add(m.count)
    lowest = {g: min(sum(counts) for counts in v.values()) for g, v in by_group.items()}
    additive = ("others", "bomber")  # "3 آخرين", and a bomber is rarely among "6 أشخاص"
    specific = sum(v for g, v in lowest.items() if g not in ("generic",) + additive)
    total = max(specific, lowest.get("generic", 0)) + sum(lowest.get(g, 0) for g in additive)
    evidence = max(kept, key=lambda m: (m.count, -m.start))
    return total, evidence


def _wholes(killed: list[FatalityMention]) -> list[FatalityMention]:
    """Some of the victims ("بينهم 3 أطفال") add nothing to the victims they are some of, who are
    at least as many: "عشرات بينهم 12 طفلا" = 12, "عدد من القتلى منهم قيادي" = 3."""
    out: list[FatalityMention] = []
    for m in sorted(killed, key=lambda x: (x.sentence_index, x.start)):
        whole = next((i for i in range(len(out) - 1, -1, -1) if not out[i].subset
                      and out[i].sentence_index == m.sentence_index), None) if m.subset else None
        if whole is None:
            out.append(m)
        elif out[whole].vague and m.count > out[whole].count:
            out[whole] = replace(out[whole], count=m.count, vague=m.vague)
    return out


def _chains(killed: list[FatalityMention]) -> list[FatalityMention]:
    """Victims joined by و ("امرأة وطفلها") as one mention of all of them: they add up, even when
    their figures are the same or one of them is generic."""
    out: list[FatalityMention] = []
    for m in sorted(killed, key=lambda x: (x.sentence_index, x.start)):
        p = out[-1] if out else None
        if m.joined and p is not None and p.sentence_index == m.sentence_index and p.end <= m.start:
            group = p.group if p.group == m.group else "generic"
            out[-1] = replace(p, end=m.end, count=p.count + m.count, vague=p.vague or m.vague, group=group)
        else:
            out.append(m)
    return out


@lru_cache(maxsize=1)
def _reference_matcher() -> Matcher:
    rows = read_table("marsad.events", "data/toll_references.tsv", ("word", "kind"))
    return Matcher([Entry(tuple(r["word"].split()), r["kind"], suffix=False) for r in rows])


def toll_reference(view: TextView, sentence: Sentence) -> str | None:
    """How a sentence names an event told before it: "event" for a definite attack noun ("وأسفر الهجوم
    عن مقتل 5", "ضحايا الغارة"), "total" for a toll ("وبلغت حصيلة القتلى 7"), else None. An indefinite
    attack noun ("في هجوم آخر") tells another event, and deaths the day before or after it ("غداة
    استشهاد شاب") are another event's."""
    matcher = _reference_matcher()
    if not matcher.may_match(view.sentence_text(sentence)):
        return None
    found = matcher.find(view.tokens_of(sentence))
    kinds = {m.label for m in found if m.label != "event" or "ال" in m.prefix}
    if "apart" in kinds:
        return None
    return "event" if "event" in kinds else "total" if kinds else None


def fatalities_in(view: TextView, sentences: Sequence[Sentence]) -> list[FatalityMention]:
    """Mentions of every sentence given, in order."""
    out: list[FatalityMention] = []
    for sentence in sentences:
        out.extend(find_fatalities(view, sentence))
    return out
