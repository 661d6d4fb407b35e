"""Recognising actor mentions in a sentence with the clitic-aware lexicon matcher.

Aliases come from actors.tsv; state forces named by nationality ("الجيش السوري",
"القوات التركية", "طائرات إسرائيلية") are a state head (aliases of `military` / `police`,
state_heads.tsv) followed by a nationality adjective of countries.tsv. The longest alias wins
("عناصر تنظيم داعش" → "تنظيم داعش", "قوات التحالف الدولي" over "التحالف").
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache

from marsad.text import Candidate, Entry, Match, Matcher, Sentence, TextView, candidate_map, normalize_word

from .lexicon import UNIT_PREFIX, lexicon, read_tsv

HEAD_KINDS = frozenset({"military", "police"})  # state heads that need a nationality after them
# Generic state mentions, their country from context: the army, the police, and the heads that stand
# alone (state_heads.tsv: warplanes), whose resolve rules in actors.tsv say whose they are.
STATE_IDS = frozenset({"military", "police", "air_power"})
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
    # The role its own words give it: "agent" for the nationality after a strike noun ("غارة
    # إسرائيلية": the strike is Israel's, whatever the word order around it).
    hint: str = field(default="", compare=False)


def _kind(actor_id: str) -> str:
    if actor_id in STATE_IDS:
        return "state"
    return "generic" if actor_id in GENERIC_IDS else "named"


@lru_cache(maxsize=1)
def nationality_adjectives() -> dict[tuple[str, bool], str]:
    """(normalised adjective, definite) → ISO2, both genders: ("السوريه", True) → "SY"."""
    out: dict[tuple[str, bool], str] = {}
    for country in lexicon().countries.values():
        for adjective in country.adjectives:
            for definite in (True, False):
                base = normalize_word(("ال" if definite else "") + adjective)
                # Masculine, feminine, the sound plurals, the dual and the accusative: "جنود عراقيين",
                # "القوات العراقية", "جنديان تركيان", "جنديا إسرائيليا".
                for ending in ("", "ه", "ين", "ون", "ان", "ا"):
                    out.setdefault((base + ending, definite), country.iso2)
    return out


# Proclitics a strict alias ("!حماس") may carry.
_STRICT_PREFIXES = frozenset({"", "و", "ف", "ل", "ول", "فل"})


@lru_cache(maxsize=1)
def actor_entries() -> tuple[Entry, ...]:
    """Every alias as a matcher entry, with data (actor id, kind, head, strict): `head` is None
    for a name, else (definite, may stand alone) for a state head ("الجيش", "القوات"). The
    nationality adjective after a head is read by `find_actors`, far cheaper than listing every
    "<head> <adjective>" pair."""
    entries: dict[tuple[str, ...], Entry] = {}
    lex = lexicon()
    for actor in lex.actors.values():
        for alias in actor.aliases:
            head = None
            if actor.id in STATE_IDS:
                head = (alias.text.split()[-1].startswith("ال"), True)
            e = Entry.of(alias.text, actor.id, (actor.id, _kind(actor.id), head, alias.strict, None),
                         suffix=alias.suffix)
            entries.setdefault(e.words, e)
    for _, r in read_tsv("state_heads.tsv"):
        alone = r["kind"] not in HEAD_KINDS  # warplanes: a state's forces even unqualified
        head = (r["head"].split()[-1].startswith("ال"), alone)
        e = Entry.of(r["head"], r["kind"], (r["kind"], "state", head, False, None), suffix=False)
        entries.setdefault(e.words, e)
    for _, r in read_tsv("bare_names.tsv"):
        # A state head of the same spelling ("الأمن السوري") keeps its reading with an adjective.
        after = frozenset(normalize_word(w) for w in r["after"].split("|") if w.strip())
        e = Entry.of(r["name"], r["id"], (r["id"], _kind(r["id"]), None, False, after), suffix=False)
        if (known := entries.get(e.words)) is not None:
            e = Entry.of(r["name"], known.data[0], known.data[:4] + (after,), suffix=False)
        entries[e.words] = e
    for _, r in read_tsv("strike_nouns.tsv"):
        head = (r["noun"].split()[-1].startswith("ال"), False)
        e = Entry.of(r["noun"], "military", ("military", "strike", head, False, None), suffix=False)
        entries.setdefault(e.words, e)
    return tuple(entries.values())


@lru_cache(maxsize=1)
def actor_matcher() -> Matcher:
    return Matcher(list(actor_entries()))


def _article_added(prefix: str, first_word: str) -> bool:
    """The word carries an article its alias lacks ("المسلح" for "مسلح")."""
    return (prefix.endswith("ال") or prefix.endswith("لل")) and not first_word.startswith("ال")


@lru_cache(maxsize=1)
def leading_words() -> frozenset[str]:
    return frozenset(normalize_word(r["word"]) for _, r in read_tsv("leading_words.tsv"))


@lru_cache(maxsize=1)
def organisation_heads() -> frozenset[str]:
    return frozenset(normalize_word(r["word"]) for _, r in read_tsv("organisation_heads.tsv"))


def _in_organisation_name(toks: list, m: Match) -> bool:
    """A generic actor word that is the genitive of an organisation's name ("حزب العمال",
    "نقابة الصحفيين"): the organisation is meant, not the people the word names."""
    if m.entry.data[1] != "generic" or m.first == 0:
        return False
    heads = organisation_heads()
    before = candidate_map(toks[m.first - 1].text)
    return any(form in heads and not cand.suffix for form, cand in before.items())


def _after_allowed(toks: list, m: Match) -> bool:
    """A bare name (bare_names.tsv) stands right after one of its words: "برصاص الأمن", not "مجلس الأمن"."""
    after = m.entry.data[4]
    if after is None:
        return True
    if m.first == 0 or m.prefix not in ("", "ل"):  # "برصاص الأمن", "حاجز للأمن"; not "والأمن"
        return False
    before = candidate_map(toks[m.first - 1].text)
    return any(form in after and not cand.suffix for form, cand in before.items())


def _allowed(m: Match) -> bool:
    strict = m.entry.data[3]
    return not _article_added(m.prefix, m.entry.words[0]) and not (
        strict and m.prefix not in _STRICT_PREFIXES)


def _best_matches(matches: list[Match]) -> list[Match]:
    """At each start, the longest match the alias allows (`matches` are longest first per start)."""
    out: list[Match] = []
    for m in matches:
        if (not out or out[-1].first != m.first) and _allowed(m):
            out.append(m)
    return out


def find_actors(view: TextView, sentence: Sentence) -> list[ActorMention]:
    """Actor mentions of one sentence, left to right, not overlapping."""
    norm = view.norm
    toks = view.tokens_of(sentence)
    adjectives = nationality_adjectives()
    leading = leading_words()
    # A bare name that is no state head needs its word before it; a state head's is read below.
    found = [m for m in actor_matcher().find(toks, overlapping=True)
             if m.entry.data[2] is not None or _after_allowed(toks, m)]
    best = [m for m in _best_matches(found) if not _in_organisation_name(toks, m)]
    starts = {m.first: m for m in best}
    out: list[ActorMention] = []
    upto = 0  # local index of the first token not yet covered by a mention
    for m in best:
        if m.first < upto:
            continue
        # "تنظيم القاعدة في جزيرة العرب": a longer name after a leading word wins over
        # "تنظيم القاعدة"; the leading word joins it below.
        following = starts.get(m.first + 1)
        if m.entry.words[0] in leading and following is not None and following.last > m.last:
            continue
        actor_id, kind, head = m.entry.data[:3]
        first, start, end, last, prefix = m.first, m.start, m.end, m.last, m.prefix
        hint = ""
        if head is not None:
            definite, alone = head
            cc = adjectives.get((toks[last].text, definite)) if last < len(toks) else None
            # "قوات سورية الديمقراطية" is a name, not "Syrian forces".
            following = starts.get(last)
            if cc is not None and (following is None or following.last - following.first < 2):
                if kind == "strike":  # "غارة إسرائيلية": the adjective names the actor, the noun is the event
                    first, start, prefix, hint = last, toks[last].start, "", "agent"
                base = actor_id if actor_id in HEAD_KINDS else "military"
                actor_id, kind, end, last = f"{base}_{cc.lower()}", "named", toks[last].end, last + 1
            elif not alone and not (m.entry.data[4] is not None and _after_allowed(toks, m)):
                continue  # "القوات" alone names nobody; "الأمن" only after a means of force (bare_names.tsv)
        # "قوات الحشد الشعبي", "ميليشيا قسد": the word before the name is part of it.
        if first > upto:
            lead = _leading(toks[first - 1].text, leading)
            if lead is not None:
                first -= 1
                start, prefix = toks[first].start + lead.cut, lead.prefix
        # Keep the article in the span: "والجيش" → "الجيش", not "جيش"; an article merged into ل stays
        # with it ("للجيش", not "جيش"), so the span is the word as written less و ف ب.
        if prefix and norm.startswith("ال", start - 2) and start - 2 >= toks[first].start:
            start -= 2
        elif prefix.endswith("ل") and norm.startswith("لل", start - 2) and start - 2 >= toks[first].start:
            start -= 2
        # A name opened by a quotation mark keeps its closing one: تنظيم "داعش".
        if norm.count('"', start, end) % 2 == 1 and norm.startswith('"', end):
            end += 1
        out.append(ActorMention(start, end, actor_id, kind, toks[first].index, toks[last - 1].index + 1,
                                prefix, hint))
        upto = last
    base = toks[0].index if toks else 0
    covered = {j - base for m in out for j in range(m.first, m.last)}
    units = find_units(view, toks, covered)
    if units:
        out = sorted(out + units, key=lambda m: m.start)
    return _drop_partitive_gunmen(toks, base, out)


def _drop_partitive_gunmen(toks: list, base: int, mentions: list[ActorMention]) -> list[ActorMention]:
    """"مسلحين من عشائر البدو", "مسلحون من تنظيم داعش": the gunmen are the group named after
    "من"; their generic mention would add an unidentified side."""
    firsts = {m.first for m in mentions}
    out = []
    for m in mentions:
        k = m.last - base  # local index of the token after the mention
        if (m.actor_id == "unidentified" and k + 1 < len(toks) and toks[k].text == "من"
                and m.last + 1 in firsts):
            continue
        out.append(m)
    return out


@lru_cache(maxsize=1)
def unit_words() -> dict[str, frozenset[str]]:
    """Normalised word → its roles in unit_words.tsv ("numbered", "named", "quoted", "ordinal",
    "not_name")."""
    out: dict[str, set[str]] = {}
    for _, r in read_tsv("unit_words.tsv"):
        out.setdefault(normalize_word(r["word"]), set()).add(r["role"])
    return {w: frozenset(roles) for w, roles in out.items()}


_QUOTE = '"'
_MAX_NAME_WORDS = 2  # an unquoted name: a construct chain of at most two words after its head
_MAX_QUOTED = 40  # characters of a quoted name
_MAX_QUOTED_WORDS = 4  # a longer quotation is a statement, not a name


_HEAD_ROLES = frozenset({"numbered", "named", "quoted"})


@lru_cache(maxsize=100_000)
def _head(word: str) -> Candidate | None:
    """The reading of `word` as a unit head, its proclitics stripped ("وللواء" → "لواء"); cached per
    word, as every word of a sentence with actors is asked."""
    words = unit_words()
    for form, cand in candidate_map(word).items():
        if not cand.suffix and form in words and words[form] & _HEAD_ROLES:
            return cand
    return None


def _name_word(text: str, words: dict[str, frozenset[str]], first: bool) -> bool:
    """`text` may be a word of a unit's name: no particle or adjective, no figure, no new item
    joined by و; the first word no nisba adjective either ("فصيل محلي", "كتائب سورية")."""
    if text.isdigit() or text.startswith("و") or text.endswith("وا") or any(
            "not_name" in words.get(form, frozenset()) for form in candidate_map(text)):
        return False  # a figure, a new item, a plural verb ("قوات صالح أطلقوا"), a particle or adjective
    return not (first and not text.startswith("ال") and text.endswith(("ي", "يه")))


def find_units(view: TextView, toks: list, covered: set[int]) -> list[ActorMention]:
    """Armed units the dictionary does not know, named by their own words in the tokens not
    `covered` by a known actor: "الكتيبة 45" / "الفرقة الرابعة" (a numbered unit: the army of the
    event's country, id "military") and "لواء شهداء بدر" / «حركة ...» (a local armed group: id
    `UNIT_PREFIX` + its normalised text, a militia named after it, see naming.py)."""
    words = unit_words()
    norm = view.norm
    out: list[ActorMention] = []
    i = 0
    while i < len(toks):
        head = None if i in covered else _head(toks[i].text)
        if head is None:
            i += 1
            continue
        roles = words[head.form]
        start = toks[i].start + head.cut
        if head.prefix.endswith("ال") or head.prefix.endswith("لل"):
            start -= 2  # "واللواء 105": keep the article, as for named actors
        nxt = toks[i + 1] if i + 1 < len(toks) and i + 1 not in covered else None
        gap = norm[toks[i].end:nxt.start] if nxt is not None else ""
        if nxt is not None and "numbered" in roles and not gap.strip() and (
                nxt.text.isdigit() or "ordinal" in words.get(nxt.text, frozenset())):
            out.append(ActorMention(start, nxt.end, "military", "state", toks[i].index, nxt.index + 1,
                                    head.prefix))
            i += 2
            continue
        # A name's head is a construct noun, never definite: "القوات العسكرية" is forces described.
        if nxt is None or not roles & {"named", "quoted"} or _article_added(head.prefix, head.form):
            i += 1
            continue
        last = i
        opened = norm[toks[i - 1].end if i else 0:toks[i].start].strip().endswith(_QUOTE)
        if gap.strip() == _QUOTE or (opened and not gap.strip()):
            # «حركة الصابرين», حركة «الصابرين»: the name runs to the closing quotation mark.
            close = norm.find(_QUOTE, nxt.start, nxt.start + _MAX_QUOTED)
            inside = [j for j in range(i + 1, len(toks)) if close != -1 and toks[j].end <= close]
            if 0 < len(inside) <= _MAX_QUOTED_WORDS and all(
                    j not in covered and _name_word(toks[j].text, words, False) for j in inside):
                last = inside[-1]
        elif "named" in roles and not gap.strip():
            j = i + 1
            while (j < len(toks) and j not in covered and j - i <= _MAX_NAME_WORDS
                   and not norm[toks[j - 1].end:toks[j].start].strip()
                   and _name_word(toks[j].text, words, j == i + 1)):
                last = j
                if toks[j].text.startswith("ال"):  # a definite genitive ends the construct chain
                    break
                j += 1
        if last == i or ("long" in roles and last - i < 2 and not opened and gap.strip() != _QUOTE):
            i += 1  # "قوات فصل": a bare head of one word is a description, "قوات دفاع حلب" a name
            continue
        name = " ".join(norm[toks[j].start:toks[j].end].strip(_QUOTE) for j in range(i, last + 1))
        name = name[head.cut:]
        end = toks[last].end
        if norm.startswith(_QUOTE, end) and norm.count(_QUOTE, start, end) % 2 == 1:
            end += 1
        out.append(ActorMention(start, end, UNIT_PREFIX + name, "named", toks[i].index, toks[last].index + 1,
                                head.prefix))
        i = last + 1
    return out


def _leading(word: str, leading: frozenset[str]) -> Candidate | None:
    for form, cand in candidate_map(word).items():
        if form in leading and not cand.suffix:
            return cand
    return None
