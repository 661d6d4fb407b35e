"""Finding place names in a `TextView`: clitic-aware dictionary lookup plus the words around them.

Each token is read through `candidate_map()` (so "بالقاهرة", "وريف", "لمحافظة" are looked through)
and the gazetteer is probed with the longest run of words starting there. A found name is kept
or dropped, and later resolved, using its context: a place noun before it ("مدينة", "محافظة"),
a direction or nearness word ("شرق", "ريف", "قرب", "... الشرقي"), a locative preposition, or an
organisation noun that makes it part of a name ("جامعة دمشق"). An open place noun followed by a
word the gazetteer lacks ("قرية X") yields an unresolved mention.

Constructions that say a name is something else: a title before it makes it a person's
("الشيخ صلاح الدين", data/person_titles.tsv), a source word before a quoted name a newspaper or
channel ("لـ«الرياض»", data/source_words.tsv), a word of time before "المغرب" the sunset prayer
(data/time_names.tsv), a nationality adjective is no town ("قيادي سوري"). A country and its capital
of one name ("تونس", "الجزائر") are the capital with "العاصمة" next to them or as the dateline, and
"العاصمة" with a nationality adjective, or bare in a document about one country, is that capital
(data/capitals.tsv). A dateline ("بنغازي - وكالات") is marked: it is where the report was filed.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache

from ..datafiles import read_table
from ..text import TextView, Token, candidate_map
from .countries import focus_countries
from .gazetteer import Gazetteer
from .lexicon import ambiguous_names, context_words, name_key

# Adjectives of direction written after the name: "ريف دير الزور الشرقي".
_AFTER_DIRECTIONS = {"الشرقي", "الغربي", "الشمالي", "الجنوبي", "الشرقيه", "الغربيه", "الشماليه", "الجنوبيه"}
# Words that follow an open place noun without being a name ("قرية صغيرة", "مدينة واحدة").
_NOT_NAMES = {"صغيره", "كبيره", "جديده", "قديمه", "واحده", "اخري", "اخرى", "نائيه", "مجاوره", "قريبه",
              "بعيده", "حدوديه", "سكنيه", "عسكريه", "صناعيه", "ساحليه", "مهمه", "استراتيجيه", "محاصره",
              "كامله", "باكملها", "بكاملها", "عربيه", "سوريه", "عراقيه", "يمنيه", "ليبيه", "المدينه",
              "في", "من", "الى", "علي", "عن", "مع", "التي", "الذي", "او", "و", "ثم", "كل", "بعض", "هذه",
              "تلك", "ذات", "نفسها", "رقم", "قرب", "بين", "حيث", "خلال", "منذ", "يوم", "امس", "اليوم"}
# First words that start a two-word name ("تل", "عين", "كفر" ...) when reading an unknown name.
_COMPOUND_HEADS = {"تل", "عين", "ابو", "ام", "دير", "كفر", "بيت", "راس", "بني", "بئر", "بير", "خربه", "جسر",
                   "خان", "سيدي", "بنت", "برج", "مرج", "سوق", "قصر", "عرب", "البو", "ال", "الشيخ", "شيخ"}
MAX_CONTEXT_BACK = 2
# Context kinds that are place nouns heading a name ("قرية X", "محافظة X", "مخيم X").
_PLACE_NOUN_KINDS = frozenset({"town", "admin", "area", "site", "water"})


@dataclass(frozen=True, slots=True)
class RawMention:
    """A recognised name before resolution. Offsets are normalised; `key` is the gazetteer key."""

    start: int
    end: int
    key: str
    ids: tuple[int, ...]
    noun: str | None = None  # kind of place noun before it: town, admin, area, site, water
    qualifier: str | None = None  # direction / nearness word ("شرق", "ريف", "قرب", "الشرقي")
    qualifier_kind: str | None = None  # direction or near
    sentence: int = 0
    dateline: bool = False  # the document's dateline: where the report was filed


def _may_start(word: str, index: dict) -> bool:
    """Cheap test before the clitic analysis: an unsuffixed reading of `word` is the word less a
    few proclitic letters, or that with "ال" for "لل" ("للعراق" -> "العراق")."""
    for j in range(min(5, len(word) - 1)):
        rest = word[j:]
        if rest in index or (j and "ال" + rest in index):
            return True
    return False


@lru_cache(maxsize=100_000)
def _word_context(word: str) -> tuple[str, str, bool] | None:
    """(kind, bare word, open) when the word is a context word, read through its proclitics
    ("بمدينة" -> town); None otherwise."""
    ctx = context_words()
    if not _may_start(word, ctx):
        return None
    for form, c in candidate_map(word).items():
        if c.suffix:
            continue
        # A place noun heads a name only in the construct state, which is indefinite: "للجزيرة بأن"
        # and "المدينة القديمة" are the noun used on its own ("العاصمة" is listed with its article).
        definite = c.prefix.endswith(("ال", "لل")) and not form.startswith("ال")
        for cw in ctx.get(form, ()):
            if len(cw.words) == 1 and not (definite and cw.kind in _PLACE_NOUN_KINDS):
                return cw.kind, form, cw.open
    return None


def _context_kind(tok: Token) -> tuple[str, str] | None:
    found = _word_context(tok.text)
    return (found[0], found[1]) if found else None


def _head_noun_kind(word: str) -> str | None:
    """The kind of a bare place noun ("مدينه" -> town), None for any other word."""
    ctx = context_words().get(word, ())
    return next((cw.kind for cw in ctx if len(cw.words) == 1 and cw.kind in _PLACE_NOUN_KINDS), None)


def _open_noun(tok: Token) -> str | None:
    found = _word_context(tok.text)
    return found[0] if found and found[2] else None


@lru_cache(maxsize=200_000)
def _name_forms(word: str) -> tuple[tuple[str, int, str], ...]:
    """(form, cut, prefix) readings of a token that a place name may take, fewest proclitics first.
    No suffixes ("مصري" is not "مصر"), and no article taken off a name that has none ("السوري" is
    not "سوري"). `cut` keeps the article inside the span ("بالعراق" -> "العراق")."""
    out = []
    for form, c in candidate_map(word).items():
        if c.suffix or (c.prefix.endswith(("ال", "لل")) and not form.startswith("ال")):
            continue
        if "ك" in c.prefix:
            continue  # "كرم", "كمينا": the comparative ك before a place name is rare, its misreadings common
        out.append((form, c.cut, c.prefix))
    out.sort(key=lambda x: x[1])
    return tuple(out)


def _longest_name(tokens: Sequence[Token], i: int, gaz: Gazetteer) -> tuple[int, int, str, str] | None:
    """(n_words, cut, key, prefix) of the longest gazetteer name starting at token i."""
    readings = gaz.word_cache.get(tokens[i].text)
    if readings is None:
        first = gaz.first
        readings = ()
        if _may_start(tokens[i].text, first):
            readings = tuple((f, c, p, first[f]) for f, c, p in _name_forms(tokens[i].text) if f in first)
        gaz.word_cache[tokens[i].text] = readings
    if not readings:
        return None
    best = None
    n = len(tokens)
    names = gaz.names
    for form, cut, prefix, maxn in readings:
        for k in range(min(maxn, n - i), 0, -1):
            if best is not None and k <= best[0]:
                break
            key = form if k == 1 else form + " " + " ".join(t.text for t in tokens[i + 1:i + k])
            if key in names:
                best = (k, cut, key, prefix)
                break
    return best


def _need(gaz: Gazetteer, ids: tuple[int, ...], key: str) -> str | None:
    """What a name needs before it to be read as a place when it is not a known common word:
    nothing for countries, divisions, curated places and towns; `context` (a place noun, direction
    or preposition) for villages of the focus countries; `noun` for small places elsewhere and for
    very short names."""
    focus = focus_countries()
    short = len(key) <= 3
    need = "noun"
    for n in ids:
        p = gaz.place(n)
        if p.feature in ("country", "admin1", "region", "water", "site") or p.id.startswith("marsad:"):
            return None
        if p.capital or p.population >= (1_000_000 if short else 200_000):
            return None
        if p.country in focus and not short:
            if p.population >= 1000 or p.feature != "populated_place":
                return None
            need = "context"
    return need


def find_raw(view: TextView, gaz: Gazetteer) -> list[RawMention]:
    """Recognised place names of every sentence, left to right, longest match first."""
    ambiguous = ambiguous_names()
    nouns = context_words()
    out: list[RawMention] = []
    for s in view.sentences:
        toks = view.tokens_of(s)
        i = 0
        last_end = -1  # token index after the last accepted mention: "حلب وإدلب" coordinates places
        listed: dict[int, str] = {}  # known names of a list opened by a plural place noun: their noun
        covered: set[int] = set()
        skip = gaz.skip_words
        while i < len(toks):
            text = toks[i].text
            if text in skip:  # fast path: most words neither start a name nor are a place noun
                i += 1
                continue
            if i in covered:  # a word of a listed name the gazetteer lacks
                i += 1
                continue
            unknowns, known = _listed_names(view.norm, toks, i, gaz) if _list_noun_of(text) else ([], {})
            for first, last, u in unknowns:
                out.append(u.mention(s.index))
                covered.update(range(first, last))
            listed.update(known)
            capital = _capital_by_adjective(toks, i, gaz) if "عاصمه" in text else None
            if capital is not None:
                out.append(RawMention(capital.start, capital.end, capital.key, capital.ids, "town",
                                      capital.qualifier, capital.qualifier_kind, s.index))
                i = last_end = i + 2
                continue
            found = _longest_name(toks, i, gaz)
            if found is None and not gaz.word_cache.get(text) and _word_context(text) is None:
                skip.add(text)
                i += 1
                continue
            if found is None:
                unknown = _unknown_after_noun(toks, i, gaz)
                if unknown is not None:
                    j, raw = unknown
                    out.append(raw.mention(s.index))
                    i = last_end = j
                    continue
                i += 1
                continue
            k, cut, key, prefix = found
            if key in nouns:  # "بلدة", "جامعة": context words are never names themselves
                # "مدينة الدلنج", "بلدة X": a place noun that is also a name somewhere still heads
                # the unknown name after it.
                unknown = _unknown_after_noun(toks, i, gaz) if k == 1 else None
                if unknown is not None:
                    j, raw = unknown
                    out.append(raw.mention(s.index))
                    i = last_end = j
                    continue
                i += 1
                continue
            if k == 1 and key in _COMPOUND_HEADS and i > 0:
                # "قرية تل X", "بلدة عين X": after a place noun the head word starts a name the
                # gazetteer lacks, not the namesake of the head word alone ("تل" is Till, Palestine).
                unknown = _unknown_after_noun(toks, i - 1, gaz, head_known=True)
                if unknown is not None and unknown[0] == i + 2:
                    j, raw = unknown
                    out.append(raw.mention(s.index))
                    i = last_end = j
                    continue
            start, end = toks[i].start + cut, toks[i + k - 1].end
            noun, qual, qual_kind, org, prep = _before(toks, i)
            if noun is None:
                noun = listed.get(i)  # "مدينتي الباب واعزاز": the plural noun heads every name of its list
            if prefix and prefix[-1:] in ("ب", "ل") or prefix.endswith(("بال", "لل")):
                prep = True
            if (last_end == i and prefix.startswith("و")) or (last_end == i - 1 and toks[i - 1].text == "و"):
                prep = True  # "حلب وإدلب", "#دير_الزور و#الرقة": a place joined to the one before
            if qual is None and i + k < len(toks) and toks[i + k].text in _AFTER_DIRECTIONS:
                qual, qual_kind = toks[i + k].text, "direction"
            ids = gaz.lookup(key)
            head, _, rest = key.partition(" ")
            head_kind = _head_noun_kind(head) if rest and noun is None else None
            if head_kind is not None and rest in gaz.names:
                # "مدينة زنجبار" is listed for Zanzibar only: the noun inside the name heads the
                # name after it, whose namesakes (Zinjibar, Yemen) compete as well.
                ids = tuple(dict.fromkeys(ids + gaz.lookup(rest)))
                noun = head_kind
            dateline = start < _DATELINE_SPAN and _dateline(view.norm, start, end)
            if noun is None and (dateline or _capital_word_after(toks, i + k)) and _capital_homograph(
                    ids, gaz):
                noun = "town"  # "تونس العاصمة", the dateline "الجزائر - ": the capital, not its country
            if i > 0 and key in _time_names() and _bare_forms(toks[i - 1].text) & _time_names()[key]:
                i += k  # "عند المغرب", "بعد صلاة المغرب": the time of day
                continue
            need = ambiguous[key] if key in ambiguous else _need(gaz, ids, key)
            if need is None and k == 1 and _adjective_not_country(key, ids, gaz):
                need = "noun"  # "قيادي سوري" is Syrian, not Surrey; "مدينة الهندية" is a town
            # An ordinary word is a name only after a true head noun ("قرية", "محافظة", "حي"), not
            # after a noun that names something else ("مستشفى ناصر", "منطقة الرأس").
            headed = noun in ("town", "admin") or (i > 0 and _open_noun(toks[i - 1]) is not None)
            ok = not org and need != "never" and (
                need is None or (need == "noun" and headed)
                or (need == "context" and (noun is not None or prep or qual is not None)))
            if ok:
                out.append(RawMention(start, end, key, ids, noun, qual, qual_kind, s.index, dateline))
                last_end = i + k
            i += k
    out.sort(key=lambda r: r.start)  # a list's unknown names are found ahead of its known ones
    if '"' in view.norm:
        sources = _quoted_sources(view.norm)
        out = [r for r in out if not any(a <= r.start < b for a, b in sources)]
    return out


@lru_cache(maxsize=1)
def _source_words() -> frozenset[str]:
    return frozenset(r["word"] for r in read_table("marsad.geo", "data/source_words.tsv", ("word", "why")))


_QUOTED_MAX = 40  # characters a quoted source name may take


def _quoted_sources(norm: str) -> list[tuple[int, int]]:
    """Spans of the quoted names that a source word introduces ("وقال لـ«الرياض»", "بحسب «عكاظ»"):
    a newspaper or a channel named like a place is no place (normalised text, quotes made plain).
    Quotes are paired in order, and only they are visited: most documents have few."""
    words = _source_words()
    out = []
    opening = norm.find('"')
    while opening != -1:
        closing = norm.find('"', opening + 1)
        if closing == -1:
            break
        end = opening - 1 if opening > 0 and norm[opening - 1] == " " else opening  # "لـ «X»" or "لـ«X»"
        word = norm[max(norm.rfind(" ", 0, end), norm.rfind("\n", 0, end)) + 1:end]
        if word in words and closing - opening <= _QUOTED_MAX and "\n" not in norm[opening:closing]:
            out.append((opening + 1, closing))
        opening = norm.find('"', closing + 1)
    return out


_CAPITAL_WORD = "العاصمه"
_DATELINE_MARKS = frozenset("-–—:(")


def _capital_word_after(toks: Sequence[Token], j: int) -> bool:
    """Whether the word at j is "العاصمة" in apposition ("تونس العاصمة", "الكويت العاصمة")."""
    return j < len(toks) and toks[j].text == _CAPITAL_WORD


_DATELINE_SPAN = 400  # characters from the top of a document where its dateline may stand


def _dateline(norm: str, start: int, end: int) -> bool:
    """Whether the name at start..end is the document's dateline: first on its line, near the top,
    with a dash, a colon, an agency in brackets or the date after it ("بنغازي - وكالات",
    "الجزائر - أ ف ب", "تونس 17 إبريل", "بيروت: «الشرق الأوسط»")."""
    before = norm[:start].rstrip(" \t")
    rest = norm[end:end + 3].lstrip()
    return (not before or before.endswith("\n")) and bool(rest) and (
        rest[0] in _DATELINE_MARKS or rest[0].isdigit())


def _capital_homograph(ids: tuple[int, ...], gaz: Gazetteer) -> bool:
    """Whether a name is both a country and its capital ("تونس", "الجزائر", "الكويت", "جيبوتي")."""
    places = [gaz.place(n) for n in ids]
    countries = {p.country for p in places if p.feature == "country"}
    return any(p.capital and p.country in countries for p in places)


@lru_cache(maxsize=4)
def _capitals(gaz: Gazetteer) -> dict[str, tuple[str, int]]:
    """ISO2 -> (key, record number) of the country's capital (data/capitals.tsv) in the gazetteer."""
    out = {}
    for row in read_table("marsad.geo", "data/capitals.tsv", ("iso2", "capital")):
        key = name_key(row["capital"])
        for n in gaz.lookup(key or ""):
            p = gaz.place(n)
            if p.country == row["iso2"] and (p.capital or p.id.startswith("marsad:")):
                out[row["iso2"]] = (key, n)
                break
    return out


@dataclass(frozen=True, slots=True)
class _Capital:
    start: int
    end: int
    key: str
    ids: tuple[int, ...]
    qualifier: str | None
    qualifier_kind: str | None


def _capital_by_adjective(toks: Sequence[Token], i: int, gaz: Gazetteer) -> _Capital | None:
    """"العاصمة الجزائرية", "شمال العاصمة اليمنية": the capital named by its country's adjective, when
    no name follows ("العاصمة اليمنية صنعاء" names it)."""
    from ..actors.recognize import nationality_adjectives  # the actors' knowledge of nationalities

    if i + 1 >= len(toks):
        return None
    reading = next(((cut, form) for form, cut, _ in _name_forms(toks[i].text) if form == _CAPITAL_WORD), None)
    adjective = toks[i + 1].text
    if reading is None or not adjective.endswith("يه"):
        return None  # the adjective agrees with the feminine noun
    capital = _capitals(gaz).get(nationality_adjectives().get((adjective, True), ""))
    if capital is None or (i + 2 < len(toks) and _longest_name(toks, i + 2, gaz) is not None):
        return None
    _, qual, qual_kind, _, _ = _before(toks, i)
    return _Capital(toks[i].start + reading[0], toks[i + 1].end, capital[0], (capital[1],), qual, qual_kind)


def bare_capitals(view: TextView, gaz: Gazetteer, iso2: str, raws: Sequence[RawMention]) -> list[RawMention]:
    """"في العاصمة", "شرقي العاصمة": the capital of the document's country (ISO2) named by the bare
    noun, with no name or adjective after it ("العاصمة المؤقتة عدن", "العاصمة بغداد" are left to the
    names), as mentions of that capital. RAWS: the mentions found already, which it may not overlap."""
    capital = _capitals(gaz).get(iso2)
    if capital is None or _CAPITAL_WORD not in view.norm:
        return []
    taken = [(r.start, r.end) for r in raws]
    out = []
    for s in view.sentences:
        toks = view.tokens_of(s)
        for i, tok in enumerate(toks):
            if _CAPITAL_WORD not in tok.text or any(a < tok.end and tok.start < b for a, b in taken):
                continue
            cut = next((c for form, c, _ in _name_forms(tok.text) if form == _CAPITAL_WORD), None)
            if cut is None or (i + 1 < len(toks) and (toks[i + 1].text.startswith("ال")
                                                       or _longest_name(toks, i + 1, gaz) is not None)):
                continue
            _, qual, qual_kind, _, _ = _before(toks, i)
            out.append(RawMention(tok.start + cut, tok.end, capital[0], (capital[1],), "town", qual,
                                  qual_kind, s.index))
    return out


def _adjective_not_country(key: str, ids: tuple[int, ...], gaz: Gazetteer) -> bool:
    """Whether a name is spelled like a nationality adjective ("سوري", "روسي", "الهندية") and names no
    country ("سوريا", "كينيا", "السعودية" are names)."""
    return key in _adjective_words() and not any(gaz.place(n).feature == "country" for n in ids)


@lru_cache(maxsize=1)
def _adjective_words() -> frozenset[str]:
    from ..actors.recognize import nationality_adjectives  # the actors' knowledge of nationalities

    return frozenset(word for word, _ in nationality_adjectives())


@lru_cache(maxsize=1)
def _time_names() -> dict[str, frozenset[str]]:
    rows = read_table("marsad.geo", "data/time_names.tsv", ("name", "before"))
    return {r["name"]: frozenset(r["before"].split("|")) for r in rows}


@lru_cache(maxsize=10_000)
def _bare_forms(word: str) -> frozenset[str]:
    """A word's unsuffixed readings less its proclitics ("وبعد" -> بعد)."""
    return frozenset(form for form, c in candidate_map(word).items() if not c.suffix)


@lru_cache(maxsize=1)
def _list_nouns() -> dict[str, str]:
    rows = read_table("marsad.geo", "data/list_nouns.tsv", ("word", "kind"))
    return {r["word"]: r["kind"] for r in rows}


_LIST_MAX = 12  # names one list may hold
_COMPOUND_MAX = 4  # words of a name that starts with a compound head ("أم دم حاج أحمد")
_LIST_COMMAS = ("،", ",")


@lru_cache(maxsize=100_000)
def _list_noun_of(word: str) -> str | None:
    """The kind of a plural or dual place noun that opens a list ("قرى", "بلدتي"), read through its
    proclitics ("في قرى", "وبلدات")."""
    nouns = _list_nouns()
    return next((nouns[f] for f, c in candidate_map(word).items() if not c.suffix and f in nouns), None)


@lru_cache(maxsize=1)
def _list_stop_words() -> frozenset[str]:
    return frozenset(r["word"] for r in read_table("marsad.geo", "data/list_stop_words.tsv", ("word", "why")))


def _name_word(tok: Token, word: str) -> bool:
    """Whether `word` (a token's text less a joining و) can be an unknown place name of a list."""
    return (len(word) >= 3 and word.isalpha() and word not in _NOT_NAMES and word not in _list_stop_words()
            and tok.text not in _list_stop_words() and _context_kind(tok) is None
            and not (not word.startswith("ال") and word.endswith("يه") and len(word) > 4))


def _list_goes_on(norm: str, toks: Sequence[Token], end: int) -> bool:
    """Whether a list member ending before token `end` is followed by a joint or by what closes a list:
    punctuation, the next member's و, a place noun, a direction or preposition, a time word."""
    if end >= len(toks):
        return True
    nxt = toks[end]
    return (bool(norm[toks[end - 1].end:nxt.start].strip()) or nxt.text.startswith("و")
            or nxt.text in _NOT_NAMES or _context_kind(nxt) is not None)


def _listed_names(norm: str, toks: Sequence[Token], i: int,
                  gaz: Gazetteer) -> tuple[list[tuple[int, int, _Unknown]], dict[int, str]]:
    """The names of a list opened by a plural or dual place noun at token i ("قرى قرط صغير، والصيادة،
    والدندنية", "مدينتي الباب واعزاز"): those the gazetteer lacks, as (first token, end token, unknown
    name), and the token indices of those it knows (left to the main loop, headed by the noun's
    kind). Nothing unless the list holds two names or more."""
    kind = _list_noun_of(toks[i].text)
    if kind is None:
        return [], {}
    members: list[tuple[int, int, _Unknown] | int] = []
    j = i + 1
    while j < len(toks) and len(members) < _LIST_MAX:
        tok, word, start = toks[j], toks[j].text, toks[j].start
        if members:
            gap = norm[toks[j - 1].end:tok.start]
            if word == "و" and j + 1 < len(toks):
                j += 1
                tok, word, start = toks[j], toks[j].text, toks[j].start
            elif word.startswith("و") and len(word) > 2:
                word, start = word[1:], start + 1
            elif not any(c in gap for c in _LIST_COMMAS):
                break
        known = _longest_name(toks, j, gaz)
        if known is not None and known[2] not in context_words() and not (
                known[0] == 1 and known[2] in _COMPOUND_HEADS):  # "وتل دبس": a head, not Till
            members.append(j)
            j += known[0]
            continue
        end = j + 1
        nxt = toks[end] if end < len(toks) else None
        if word in _COMPOUND_HEADS and nxt is not None and nxt.text.isalpha() and _context_kind(nxt) is None:
            # "تل دبس", "أم دم حاج أحمد": the head and its name up to the next joint, whatever the
            # gazetteer knows of the words
            end += 1
            while end < len(toks) and end - j < _COMPOUND_MAX and not _list_goes_on(norm, toks, end):
                end += 1
        elif not _name_word(tok, word):
            break
        elif (not members and nxt is not None and not nxt.text.startswith("و") and _name_word(nxt, nxt.text)
                and not any(c in norm[tok.end:nxt.start] for c in _LIST_COMMAS)
                and _longest_name(toks, end, gaz) is None):
            end += 1  # the first name may take two words ("قرى قرط صغير، و...") up to the next joint
        if not _list_goes_on(norm, toks, end):
            break  # "، وفرضت حظر التجوال": a clause that goes on is no name of the list
        key = " ".join([word, *(t.text for t in toks[j + 1:end])])
        members.append((j, end, _Unknown(start, toks[end - 1].end, key, kind, None, None)))
        j = end
    if len(members) < 2:
        return [], {}
    return [m for m in members if isinstance(m, tuple)], {m: kind for m in members if isinstance(m, int)}


@lru_cache(maxsize=1)
def _person_titles() -> frozenset[str]:
    return frozenset(r["word"] for r in read_table("marsad.geo", "data/person_titles.tsv", ("word", "why")))


@lru_cache(maxsize=50_000)
def _person_title(word: str) -> bool:
    """Whether a token is a title or person noun ("الشيخ", "والعقيد"), read through its proclitics."""
    titles = _person_titles()
    return any(not c.suffix and form in titles for form, c in candidate_map(word).items())


def _before(toks: Sequence[Token], i: int) -> tuple[str | None, str | None, str | None, bool, bool]:
    """(place-noun kind, qualifier word, qualifier kind, organisation noun?, preposition?) from the
    words just before token i: "في ريف مدينة X", "شرق X", "جامعة X"."""
    noun = qual = qual_kind = None
    org = prep = False
    if i > 0 and _person_title(toks[i - 1].text):
        return noun, qual, qual_kind, True, prep  # "الشيخ صلاح الدين": a person's name
    for back in range(1, MAX_CONTEXT_BACK + 1):
        if i - back < 0:
            break
        ck = _context_kind(toks[i - back])
        if ck is None:
            break
        kind, word = ck
        if kind == "org":
            org = back == 1
            break
        if kind == "prep":
            prep = True
            break
        if kind in ("direction", "near"):
            if qual is None:
                qual, qual_kind = word, kind
        elif noun is None and back == 1:
            noun = kind
    return noun, qual, qual_kind, org, prep


@dataclass(frozen=True, slots=True)
class _Unknown:
    start: int
    end: int
    key: str
    noun: str
    qualifier: str | None
    qualifier_kind: str | None

    def mention(self, sentence: int) -> RawMention:
        """The raw mention of a name the gazetteer lacks (no ids: resolved only by its neighbours)."""
        return RawMention(self.start, self.end, self.key, (), self.noun, self.qualifier, self.qualifier_kind,
                          sentence)


def _unknown_after_noun(toks: Sequence[Token], i: int, gaz: Gazetteer,
                        head_known: bool = False) -> tuple[int, _Unknown] | None:
    """An open place noun at token i followed by a word the gazetteer lacks: "قرية X" -> X.
    HEAD_KNOWN: the word after the noun is a known name that heads a longer one ("قرية تل X")."""
    if i + 1 >= len(toks):
        return None
    noun_tok = toks[i]
    kind = _open_noun(noun_tok)
    if kind is None:
        return None
    if "ال" in noun_tok.text[:4]:
        return None  # "المدينة القديمة": a definite noun is followed by an adjective, not a name
    nxt = toks[i + 1]
    w = nxt.text
    if (w in _NOT_NAMES or not w.isalpha() or (len(w) < 3 and not head_known)
            or _context_kind(nxt) is not None
            or (not w.startswith("ال") and w.endswith("يه") and len(w) > 4)):
        return None
    if not head_known and _longest_name(toks, i + 1, gaz) is not None:
        return None  # a known name: the main loop takes it at the next token
    end_idx = i + 2
    if w in _COMPOUND_HEADS and i + 2 < len(toks) and toks[i + 2].text not in _NOT_NAMES and (
            not head_known or (toks[i + 2].text.isalpha() and _context_kind(toks[i + 2]) is None)):
        end_idx = i + 3
    _, qual, qual_kind, org, _ = _before(toks, i)
    if org:
        return None
    key = " ".join(t.text for t in toks[i + 1:end_idx])
    return end_idx, _Unknown(nxt.start, toks[end_idx - 1].end, key, kind, qual, qual_kind)
