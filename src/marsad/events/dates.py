"""Dates in Arabic news, resolved against the publication date, with ACLED time precision.

`find_dates(view, published)` finds:

- relative days: "اليوم", "الليلة", "أمس", "أول أمس", with a part of the day before them
  ("صباح أمس", "ويوم أمس") — precision 1; with their weekday ("اليوم الجمعة", "أمس (السبت)")
  the weekday says the day (a story published after midnight);
- weekdays: "يوم الخميس" is the last Thursday on or before publication (news convention: a story
  published on Saturday says "الخميس" for the Thursday just gone); "الخميس الماضي" the last one
  strictly before it; "الخميس المقبل" is in the future and not an event date — precision 1;
  "بعد منتصف ليل السبت" is Sunday (never after publication), "ليل الخميس الجمعة" Thursday, and
  after midnight Friday; "سوق الجمعة" is a place;
- "هذا الأسبوع": the middle of the week's days so far (weeks begin on Saturday) — precision 2;
- "الأسبوع الماضي" (publication - 7), "منذ أيام" (publication - 3) — precision 2, the middle of the
  period; "في اليومين الماضيين" is precision 2 coded on the EARLIER of the two days (ACLED gives an
  odd remainder to the first day; with two days there is no middle);
- "الشهر الماضي" / "الشهر الجاري" — precision 3 on the 15th, or on the 1st / last day after
  "بداية/مطلع/أوائل" / "نهاية/أواخر"; "الخامس من الشهر الماضي" is an exact day;
- explicit dates in every month-name system ("15 أيلول/سبتمبر 2018", "الخامس عشر من سبتمبر",
  "15 جوان", "الشهر التاسع"), numeric ("15/9/2018", "2018-09-15") and Hijri ("15 محرم 1440 هـ",
  converted with `hijridate`). A missing year is the one that puts the date on or before
  publication. A month with no day is precision 3.

A dateline (a date at the top of the page: "بغداد 19 ابريل 2022 (شينخوا)", "نشر في: الأحد 12
يوليه 2020") is kind "dateline": it dates no event, and a few days before publication it is the
day "اليوم" and "أمس" count from. A named date after "منذ" / "حتى" is kind "period": it bounds a
period and dates no event. Without a publication date (and no dateline), relative expressions and
year-less dates are not resolved.

`event_date_for()` picks the date governing an event: the date of its trigger's clause, else the
one the news carries forward (background dates staying in their paragraph, an undated paragraph
going back to the lead's day), else the day of the report an undated lead announces, else the
news's day. Words live in `data/months.tsv` and `data/relative_dates.tsv`; offsets are normalised.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from functools import lru_cache
from importlib import resources

from hijridate import Gregorian, Hijri

from marsad.text import Entry, Match, Matcher, Sentence, TextView, Token, candidates

from .numbers import lookup, parse_number

# d/m/y or y/m/d with / - . separators; a single regex per document, not per token.
_NUMERIC = re.compile(r"(?<![\d/.-])(?:(\d{1,2})([/.-])(\d{1,2})\2(\d{4})|(\d{4})([/.-])(\d{1,2})\6(\d{1,2}))"
                      r"(?![\d/.-]|,\d)")
_HAS_SEPARATED_DIGITS = re.compile(r"\d[/.-]\d")
_HAS_YEAR = re.compile(r"\d{4}")
_NEW_CLAUSE = re.compile(r"[،,]\s*و(?!\s*\d)")
_GREGORIAN_YEARS = range(1900, 2101)
_HIJRI_YEARS = range(1343, 1501)  # what hijridate converts (Umm al-Qura)
_HIJRI_MARKS = frozenset({"ه", "هـ", "هجري", "هجريه", "للهجره"})
_AGO = frozenset({"منذ", "قبل"})
_DAY_UNITS = {"يوم": 1, "ايام": 1, "اسبوع": 7, "اسابيع": 7}
# Units of relative_dates.tsv that are words around dates, not dates (see `cue_matcher`).
_CUES = frozenset({"neighbour_day", "pluperfect", "dateline_cue", "preposition", "period", "complementizer",
                   "relative", "resumption"})
_WEEK_START = 5  # Saturday (Monday = 0): the Arab working week follows the Friday
_DATELINE_REACH = 4  # a dateline stands in the first sentences of a page
_STAMP_REACH = 12  # sentences: a page stamp ("نشر في") may stand below the page's menus
_DATELINE_WORDS = 3  # and has at most a place, a weekday or "نشر في" before it
_DATELINE_AGE = 3  # days: a dateline this much before publication is the day the story was written
_RECENT = 30  # days: an older date is background, carried no further than its paragraph
_LEAD_REACH = 5  # sentences: the lead that gives the news's day
_LOOKAHEAD = 3  # sentences: an undated lead takes the date of the report that follows it


@dataclass(frozen=True, slots=True)
class DateMention:
    start: int  # normalised offsets
    end: int
    date: dt.date
    precision: int  # ACLED time precision: 1 day, 2 week / few days, 3 month
    sentence_index: int
    kind: str  # relative, weekday, explicit, numeric, hijri


@dataclass(frozen=True, slots=True)
class DateWord:
    phrase: str
    unit: str  # month, hijri_month, or a unit of relative_dates.tsv
    value: str
    precision: int
    strict: bool = False


@lru_cache(maxsize=4)
def _table(name: str) -> tuple[tuple[str, ...], ...]:
    text = resources.files("marsad.events").joinpath(f"data/{name}").read_text("utf-8")
    lines = [ln for ln in text.splitlines() if ln and not ln.startswith("#")]
    return tuple(tuple(ln.split("\t")) for ln in lines[1:])


@lru_cache(maxsize=1)
def month_names() -> dict[str, tuple[int, str, bool]]:
    """Normalised month name -> (month number, calendar, strict)."""
    return {name: (int(month), cal, flags == "strict") for name, month, cal, flags in _table("months.tsv")}


@lru_cache(maxsize=1)
def relative_words() -> dict[str, tuple[str, str, str]]:
    """Normalised phrase -> (unit, value, precision)."""
    return {p: (unit, value, prec) for p, unit, value, prec in _table("relative_dates.tsv")}


@lru_cache(maxsize=1)
def date_matcher() -> Matcher:
    entries = []
    for name, (month, cal, strict) in month_names().items():
        unit = "hijri_month" if cal == "hijri" else "month_name"
        entries.append(Entry(tuple(name.split()), unit, DateWord(name, unit, str(month), 0, strict),
                             suffix=False))
    return Matcher(entries + _relative_entries(lambda unit: unit not in _CUES))


@lru_cache(maxsize=1)
def cue_matcher() -> Matcher:
    """The words around dates that are no dates ("غداة", "وكانت", "نشر", "في", "منذ"): kept out of
    the date matcher, whose every sentence they would slow."""
    return Matcher(_relative_entries(lambda unit: unit in _CUES))


def _relative_entries(keep: Callable[[str], bool]) -> list[Entry]:
    out = []
    for phrase, (unit, value, prec) in relative_words().items():
        if keep(unit):
            precision = int(prec) if prec.isdigit() else 0
            out.append(Entry(tuple(phrase.split()), unit, DateWord(phrase, unit, value, precision),
                             suffix=False))
    return out


class _Context:
    """One sentence's tokens and date-word matches."""

    def __init__(self, view: TextView, sentence: Sentence) -> None:
        self.view = view
        self.toks: list[Token] = view.tokens_of(sentence)
        self.matches = date_matcher().find(self.toks)
        self.at: dict[int, Match] = {m.first: m for m in self.matches}
        self.ends: dict[int, Match] = {m.last: m for m in self.matches}
        self.used: set[int] = set()
        self.index = sentence.index

    def label_at(self, k: int) -> str:
        m = self.at.get(k)
        return m.label if m is not None else ""

    def text(self, k: int) -> str:
        return self.toks[k].text if 0 <= k < len(self.toks) else ""


@lru_cache(maxsize=1)
def _key_heads() -> frozenset[str]:
    """First words that can anchor a date (most sentences have none); parts of the day, edges,
    "عام" and the like only matter next to one of these."""
    keys = {"month_name", "hijri_month", "day", "month", "weekday"}
    heads = {e.words[0] for e in date_matcher().entries if e.label in keys}
    return frozenset(heads | _AGO | {"شهر"})


@lru_cache(maxsize=200_000)
def _is_key(word: str) -> bool:
    heads = _key_heads()
    return any(c.form in heads for c in candidates(word))


def find_dates(view: TextView, published: dt.date | None) -> list[DateMention]:
    """Date mentions of the whole document, in text order. A dateline (a date at the top of the
    page, after at most a place, a weekday or "نشر في") is kind "dateline": it stamps the page and
    dates no event; when it is a few days before publication (or there is no publication date) it
    is the day the story was written, and "اليوم", "أمس" and the weekdays count from it."""
    out = _find_dates(view, published)
    lines = _datelines(view, out, published)
    anchor = _anchor([out[i] for i in sorted(lines)], published)
    if anchor != published:
        out = _find_dates(view, anchor)
        lines = _datelines(view, out, published)
    return [replace(d, kind="dateline") if i in lines
            else replace(d, kind="period") if _bounds_period(view, d) else d for i, d in enumerate(out)]


def _bounds_period(view: TextView, d: DateMention) -> bool:
    """A named date after "منذ" or "حتى" starts or ends a period ("يسيطر على المدينة منذ حزيران
    2014"): kind "period", the day of no event."""
    if d.kind not in ("explicit", "numeric", "hijri"):
        return False
    toks = [t for t in view.tokens_of(view.sentences[d.sentence_index]) if t.end <= d.start]
    if not toks:
        return False
    k = len(toks) - 1
    if cue_matcher().match_at(toks, k) == [] and k > 0:
        k -= 1  # "منذ مطلع 2016", "منذ عام 2011"
    return any(m.label == "period" for m in cue_matcher().match_at(toks, k))


def _anchor(lines: Sequence[DateMention], published: dt.date | None) -> dt.date | None:
    """The day the story was written: a dateline a few days before publication, else publication."""
    for d in lines:
        if published is None or published - dt.timedelta(days=_DATELINE_AGE) <= d.date <= published:
            return d.date
    return published


def _datelines(view: TextView, mentions: Sequence[DateMention], published: dt.date | None) -> set[int]:
    """Indices of the mentions that are datelines (see `find_dates`): a full date with its year, or
    without it ("الأربعاء، 29 تموز،") one of the last days before publication."""
    out: set[int] = set()
    for i, d in enumerate(mentions):
        k = d.sentence_index  # sentences are numbered in order, furniture left out
        if d.kind not in ("explicit", "numeric") or k >= _STAMP_REACH or d.precision != 1:
            continue
        recent = published is not None and published - dt.timedelta(days=_DATELINE_AGE) <= d.date <= published
        if not (recent or _HAS_YEAR.search(view.norm, d.start, d.end)):
            continue
        toks = view.tokens_of(view.sentences[k])
        before = [t for t in toks if t.end <= d.start]
        near = before[-_DATELINE_WORDS:]
        labels = {m.label for m in cue_matcher().find(near) + date_matcher().find(near)}
        # A page stamp ("نشر في: ...", "آخر تحديث: ...") may stand lower, below the page's menus; a
        # bare date only at the start of the first sentences; a date after a preposition or "يوم"
        # belongs to its sentence.
        if "dateline_cue" in labels or (k < _DATELINE_REACH and len(before) <= _DATELINE_WORDS
                                         and not labels & {"preposition", "period", "daypart"}):
            # with the weekday before it ("الثلاثاء 2014/02/04")
            out.update(j for j, e in enumerate(mentions)
                       if e.sentence_index == d.sentence_index and e.end <= d.start)
            out.add(i)
    return out


def _find_dates(view: TextView, published: dt.date | None) -> list[DateMention]:
    out: list[DateMention] = []
    for sentence in view.sentences:
        out.extend(_numeric(view, sentence, published))
        if not any(_is_key(t.text) for t in view.tokens_of(sentence)):
            continue
        ctx = _Context(view, sentence)
        for m in ctx.matches:
            if m.first in ctx.used:
                continue
            found = _interpret(ctx, m, published)
            if found is not None:
                out.append(found)
        out.extend(_ago(ctx, published))
    out.sort(key=lambda d: d.start)
    return _dedupe(out)


def _dedupe(mentions: list[DateMention]) -> list[DateMention]:
    out: list[DateMention] = []
    for d in mentions:
        if out and d.start < out[-1].end:
            if d.end - d.start > out[-1].end - out[-1].start:
                out[-1] = d
            continue
        out.append(d)
    return out


def _interpret(ctx: _Context, m: Match, pub: dt.date | None) -> DateMention | None:
    if m.label == "day":
        return _relative_day(ctx, m, pub)
    if m.label == "month":
        return _relative_month(ctx, m, pub)
    if m.label == "weekday":
        return _weekday(ctx, m, pub)
    if m.label == "week":
        return _this_week(ctx, m, pub)
    if m.label in ("month_name", "hijri_month"):
        return _month_name(ctx, m, pub)
    if m.label == "filler" and ctx.toks[m.first].text.endswith("شهر"):
        return _ordinal_month(ctx, m, pub)
    return None


def _lead(ctx: _Context, first: int) -> tuple[int, int]:
    """(start token, days to add) after absorbing a part of the day before `first` ("صباح أمس",
    "يوم الخميس"); the midnight that closes a day is already the next one ("بعد منتصف ليل السبت")."""
    prev = ctx.ends.get(first)
    if prev is not None and prev.label == "daypart":
        ctx.used.update(range(prev.first, prev.last))
        value = prev.entry.data.value
        return prev.first, int(value) if value.isdigit() else 0
    return first, 0


def _mention(ctx: _Context, first: int, last: int, date: dt.date, precision: int, kind: str) -> DateMention:
    ctx.used.update(range(first, last))
    start = ctx.toks[first].start
    m = ctx.at.get(first)
    if m is not None and m.first == first:
        # Conjunctions and prepositions ("وأمس", "والسبت") stay out of the span, the article stays in.
        start = m.start - (2 if m.prefix.endswith("ال") else 1 if m.prefix.endswith("لل") else 0)
        tok = ctx.toks[first]
        if m.entry.words[0].startswith("ال") and tok.text[len(m.prefix):].startswith("ال"):
            start = tok.start + len(m.prefix)  # "والسبت": the written article, after the conjunction
    return DateMention(start, ctx.toks[last - 1].end, date, precision, ctx.index, kind)


def _relative_day(ctx: _Context, m: Match, pub: dt.date | None) -> DateMention | None:
    if pub is None:
        return None
    w: DateWord = m.entry.data
    first, shift = _lead(ctx, m.first)
    named = ctx.at.get(m.last)
    day = min(pub + dt.timedelta(days=int(w.value) + shift), pub)  # no midnight after publication
    if w.precision == 1 and named is not None and named.label == "weekday":
        # "اليوم الجمعة", "أمس (الأحد)": the story was written on the day it names; published after
        # midnight or the next morning, the weekday says the day, not the publication date.
        back = (day.weekday() - int(named.entry.data.value)) % 7
        return _mention(ctx, first, named.last, day - dt.timedelta(days=back), 1, "relative")
    return _mention(ctx, first, m.last, day, w.precision, "relative")


def _this_week(ctx: _Context, m: Match, pub: dt.date | None) -> DateMention | None:
    """"هذا الأسبوع": precision 2 on the middle of the week's days so far (an odd one to the first)."""
    if pub is None:
        return None
    elapsed = (pub.weekday() - _WEEK_START) % 7  # days of the week before publication day
    return _mention(ctx, m.first, m.last, pub - dt.timedelta(days=elapsed - elapsed // 2), 2, "relative")


def _shift_month(year: int, month: int, delta: int) -> tuple[int, int]:
    k = year * 12 + (month - 1) + delta
    return k // 12, k % 12 + 1


def _month_date(year: int, month: int, edge: str) -> dt.date:
    if edge == "start":
        return dt.date(year, month, 1)
    if edge == "end":
        return dt.date(year, month, calendar.monthrange(year, month)[1])
    return dt.date(year, month, 15)


def _edge_before(ctx: _Context, first: int) -> tuple[str, int]:
    prev = ctx.ends.get(first)
    if prev is not None and prev.label == "edge":
        return prev.entry.data.value, prev.first
    return "mid", first


def _relative_month(ctx: _Context, m: Match, pub: dt.date | None) -> DateMention | None:
    if pub is None:
        return None
    w: DateWord = m.entry.data
    year, month = _shift_month(pub.year, pub.month, int(w.value))
    day = _day_before(ctx, m.first)
    if day is not None:
        value, first = day
        if value <= calendar.monthrange(year, month)[1]:
            return _mention(ctx, first, m.last, dt.date(year, month, value), 1, "explicit")
    edge, first = _edge_before(ctx, m.first)
    return _mention(ctx, first, m.last, _month_date(year, month, edge), 3, "relative")


def _weekday(ctx: _Context, m: Match, pub: dt.date | None) -> DateMention | None:
    if pub is None:
        return None
    last = m.last
    nxt = ctx.at.get(last)
    strictly_before = False
    if nxt is not None and nxt.label == "future":
        ctx.used.update(range(m.first, nxt.last))
        return None
    if nxt is not None and nxt.label == "past":
        strictly_before, last = True, nxt.last
    if _day_before(ctx, last + 1) is not None or ctx.label_at(last) in ("month_name", "hijri_month"):
        return None  # "الخميس 13 سبتمبر": the explicit date that follows says it
    weekday, nights = int(m.entry.data.value), 0
    if nxt is not None and nxt.label == "weekday" and int(nxt.entry.data.value) == (weekday + 1) % 7:
        # "ليل الخميس الجمعة": the night between; the first day unless after its midnight. The
        # later day is the one on or before publication.
        weekday, nights, last = (weekday + 1) % 7, 1, nxt.last
    back = (pub.weekday() - weekday) % 7
    if back == 0 and strictly_before:
        back = 7
    first, shift = _lead(ctx, m.first)
    date = min(pub - dt.timedelta(days=back + nights - shift), pub)  # no midnight after publication
    return _mention(ctx, first, last, date, 1, "weekday")


def _ordinal_at(ctx: _Context, i: int) -> tuple[int, int] | None:
    """(value, end token) of an ordinal day: "الخامس", "الخامس عشر", "الحادي والعشرين", "العشرين"."""
    hit = lookup(ctx.text(i))
    if hit is None:
        return None
    w, _prefix = hit
    if w.kind == "tens" and w.value <= 30:
        return w.value, i + 1
    if w.kind != "ordinal":
        return None
    value, j = w.value, i + 1
    nxt = lookup(ctx.text(j))
    if nxt is not None and nxt[0].word in ("عشر", "عشره") and value < 10:
        return value + 10, j + 1
    if nxt is not None and nxt[0].kind == "tens" and nxt[1].startswith("و") and nxt[0].value <= 30:
        return value + nxt[0].value, j + 1
    return value, j


def _day_before(ctx: _Context, first: int) -> tuple[int, int] | None:
    """A day number ending just before token `first` (or before "من" there): (day, start token)."""
    ends = [first]
    if ctx.text(first - 1) == "من":
        ends.append(first - 1)
    for start in range(max(0, first - 4), first):
        for end in ends:
            got = _day_at(ctx, start)
            if got is not None and got[1] == end and 1 <= got[0] <= 31:
                return got[0], start
    return None


def _day_at(ctx: _Context, i: int) -> tuple[int, int] | None:
    t = ctx.text(i)
    if t.isdigit() and len(t) <= 2:
        return int(t), i + 1
    got = _ordinal_at(ctx, i)
    if got is not None:
        return got
    n = parse_number(ctx.toks, i)
    if n is not None and not n.vague:
        return n.value, n.last
    return None


def _year_after(ctx: _Context, j: int, hijri: bool) -> tuple[int, int] | None:
    """(year, end token) after a month name: "2018", "عام 2018", "من عام 2018", "1440 هـ"."""
    k = j
    if ctx.text(k) == "من":
        k += 1
    if ctx.label_at(k) == "filler":
        k = ctx.at[k].last
    t = ctx.text(k)
    if not t.isdigit():
        return None
    year = int(t)
    years = _HIJRI_YEARS if hijri else _GREGORIAN_YEARS
    if year not in years:
        return None
    k += 1
    if ctx.text(k) in _HIJRI_MARKS or (not hijri and ctx.text(k) == "م"):
        k += 1
    return year, k


def _month_name(ctx: _Context, m: Match, pub: dt.date | None) -> DateMention | None:
    w: DateWord = m.entry.data
    month, hijri = int(w.value), m.label == "hijri_month"
    last = m.last
    # "أيلول/سبتمبر", "أيلول (سبتمبر)": the same month in a second system.
    alt = ctx.at.get(last)
    if alt is not None and alt.label == "month_name" and alt.entry.data.value == w.value and not hijri:
        last = alt.last
    day = _day_before(ctx, m.first)
    year = _year_after(ctx, last, hijri)
    prev = ctx.ends.get(m.first)
    after = ctx.at.get(year[1] if year else last)
    marker = after.label if after is not None else ""
    if marker == "future":
        return None
    if w.strict and day is None and year is None and alt is None and marker != "past" and not (
            prev is not None and prev.label == "filler"):
        return None
    if hijri and day is None and year is None:
        return None
    first = day[1] if day is not None else m.first
    if year is not None:
        last = year[1]
    elif marker == "past" and after is not None:
        last = after.last
    if day is None:
        edge, first = _edge_before(ctx, first)
        if prev is not None and prev.label == "filler" and first == m.first:
            edge, first = _edge_before(ctx, prev.first)  # "أواخر شهر كانون الأول"
    return _resolve(ctx, first, last, month, day[0] if day else None, year[0] if year else None,
                    hijri, edge if day is None else "", pub)


def _resolve(ctx: _Context, first: int, last: int, month: int, day: int | None, year: int | None,
             hijri: bool, edge: str, pub: dt.date | None) -> DateMention | None:
    explicit = year is not None
    if year is None:
        if pub is None:
            return None
        year = _hijri_year(pub) if hijri else pub.year
    date = _make_date(year, month, day, hijri, edge)
    if date is None:
        return None
    if not explicit and pub is not None:
        # The year that puts the date (for a bare month: its first day) on or before publication.
        begins = date if day is not None else _make_date(year, month, None, hijri, "start")
        if begins is not None and begins > pub:
            date = _make_date(year - 1, month, day, hijri, edge)
            if date is None:
                return None
    return _mention(ctx, first, last, date, 1 if day else 3, "hijri" if hijri else "explicit")


def _hijri_year(pub: dt.date) -> int:
    try:
        return Gregorian(pub.year, pub.month, pub.day).to_hijri().year
    except (ValueError, OverflowError):
        return _HIJRI_YEARS.start


def _make_date(year: int, month: int, day: int | None, hijri: bool, edge: str) -> dt.date | None:
    try:
        if hijri:
            if day is None:
                day = {"start": 1, "end": Hijri(year, month, 1).month_length()}.get(edge, 15)
            g = Hijri(year, month, day).to_gregorian()
            return dt.date(g.year, g.month, g.day)
        if day is None:
            return _month_date(year, month, edge)
        return dt.date(year, month, day)
    except (ValueError, OverflowError):
        return None


def _ordinal_month(ctx: _Context, m: Match, pub: dt.date | None) -> DateMention | None:
    """"الشهر التاسع": month nine; "الخامس عشر من الشهر التاسع": a day of it."""
    got = _ordinal_at(ctx, m.last)
    if got is None or not 1 <= got[0] <= 12 or not ctx.text(m.first).startswith(("ال", "وال", "بال")):
        return None
    month, last = got
    day = _day_before(ctx, m.first)
    year = _year_after(ctx, last, False)
    first = day[1] if day else m.first
    if year is not None:
        last = year[1]
    return _resolve(ctx, first, last, month, day[0] if day else None, year[0] if year else None,
                    False, "mid", pub)


def _ago(ctx: _Context, pub: dt.date | None) -> list[DateMention]:
    """"منذ ثلاثة أيام" / "قبل 3 أسابيع": a count of days or weeks before publication."""
    out: list[DateMention] = []
    if pub is None:
        return out
    for k, t in enumerate(ctx.toks[:-2]):
        if t.text not in _AGO or k in ctx.used:
            continue
        n = parse_number(ctx.toks, k + 1)
        if n is None or n.vague or n.last >= len(ctx.toks):
            continue
        unit = _DAY_UNITS.get(ctx.toks[n.last].text)
        if unit is None or n.value * unit > 60:
            continue
        days = n.value * unit
        precision = 1 if unit == 1 else 2
        out.append(_mention(ctx, k, n.last + 1, pub - dt.timedelta(days=days), precision, "relative"))
    return out


def _numeric(view: TextView, sentence: Sentence, pub: dt.date | None) -> list[DateMention]:
    out: list[DateMention] = []
    if not _HAS_SEPARATED_DIGITS.search(view.norm, sentence.start, sentence.end):
        return out
    for m in _NUMERIC.finditer(view.norm, sentence.start, sentence.end):
        if m.group(1):
            day, month, year = int(m.group(1)), int(m.group(3)), int(m.group(4))
        else:
            year, month, day = int(m.group(5)), int(m.group(7)), int(m.group(8))
        hijri = year in _HIJRI_YEARS and year not in _GREGORIAN_YEARS
        if not hijri and year not in _GREGORIAN_YEARS:
            continue
        date = _make_date(year, month, day, hijri, "")
        if date is not None:
            kind = "hijri" if hijri else "numeric"
            out.append(DateMention(m.start(), m.end(), date, 1, sentence.index, kind))
    return out


def paragraph_of(view: TextView) -> list[int]:
    """Paragraph number of each sentence: a line break between two sentences starts a new one."""
    out: list[int] = []
    para = 0
    for i, s in enumerate(view.sentences):
        if i and "\n" in view.norm[view.sentences[i - 1].end:s.start]:
            para += 1
        out.append(para)
    return out


def event_date_for(view: TextView, sentence: Sentence, mentions: Sequence[DateMention],
                   published: dt.date | None, at: int | None = None,
                   ) -> tuple[dt.date | None, int | None, DateMention | None]:
    """The date governing the event of `sentence` whose trigger starts at `at` (normalised offset):
    (date, precision, evidence mention). Datelines date no event; the day the story was written
    (the dateline a few days before publication, else publication) stands for "the news's day".

    1. A date in the sentence: the most precise, the first of equals; when the sentence gives
       several days, the one of the trigger's clause: the nearest, where a date opening a clause
       ("والسبت قصفت", "وفي الخميس") dates only what follows it (with none before the trigger,
       the sentence is undated for it).
    2. Else the nearest date before it in the document: news carries a date forward until a new
       one is given. Inside the same paragraph it keeps its precision; from an earlier paragraph
       it becomes precision 2 at most (the event is near that day, not surely on it), and it is
       the news's day, the one the lead gives, when there is one. A background date (a month, one
       older than `_RECENT` days, one a "وكان" sentence recalls) is carried no further than its
       paragraph. A sentence opening with "وكان" tells of something before the running date: the
       date before.
    3. Else (a lead with no date) the day of the report within the next sentences, precision 2.
    4. Else the news's day at precision 2: a report with no date tells of the last few days.
       Without any: (None, None, None).
    After "غداة" the event is the day before the date found ("غداة استشهاد شاب"), after "عشية"
    the day after.
    """
    anchor = _anchor([d for d in mentions if d.kind == "dateline"], published)
    usable = [d for d in mentions if d.kind not in ("dateline", "period")]
    found = _own_date(view, sentence, usable, at) or _carried(view, sentence, usable, anchor)
    if found is None:
        found = _ahead(view, sentence, usable, anchor)
    if found is None:
        return (anchor, 2, None) if anchor is not None else (None, None, None)
    date, precision, mention = found
    return date + dt.timedelta(days=_neighbour_shift(view, sentence, usable, at)), precision, mention


_Found = tuple[dt.date, int, DateMention]


@lru_cache(maxsize=1)
def _neighbour_gate() -> re.Pattern[str]:
    """The words of unit neighbour_day ("غداة", "عشية"), to skip sentences without them at once."""
    words = [p for p, (unit, _value, _prec) in relative_words().items() if unit == "neighbour_day"]
    return re.compile("|".join(map(re.escape, words)))


def _own_date(view: TextView, sentence: Sentence, mentions: Sequence[DateMention],
              at: int | None) -> _Found | None:
    own = [d for d in mentions if d.sentence_index == sentence.index]
    if at is not None:
        # "قصفت الطائرات البلدة، والسبت قتل ...": a date opening a later clause is not this event's,
        # nor one in a relative clause on another noun ("تجمع الآلاف أمام منزل الشاب الذي قتل أمس").
        own = [d for d in own
               if d.start < at or not (_opens_clause(view, d) or _in_relative(view, sentence, at, d))]
    if not own:
        return None
    best = min(d.precision for d in own)
    own = [d for d in own if d.precision == best]
    if at is None or len({d.date for d in own}) == 1:
        d = own[0]
    else:
        d = _clause_date(view, sentence, own, at)
    return d.date, d.precision, d


def _clause_date(view: TextView, sentence: Sentence, own: list[DateMention], at: int) -> DateMention:
    """Of several days in a sentence, the one of the trigger's clause, the nearest; clauses end at
    a complementizer ("أعلنت الشرطة السبت أن مسلحين هاجموا الحاجز الخميس") and begin at a date
    with the conjunction ("والسبت قصفت"). A clause with no day takes the one of the clause it is
    part of, before it ("قال ناشطون أمس إن الطائرات قصفت البلدة")."""
    words = complementizers()
    cuts = [t.start for t in view.tokens_of(sentence) if t.text in words]
    cuts += [d.start for d in own if _opens_clause(view, d)]
    lo = max((c for c in cuts if c <= at), default=sentence.start)
    hi = min((c for c in cuts if c > at), default=sentence.end)
    inside = [d for d in own if lo <= d.start < hi]
    if inside:
        return min(inside, key=lambda d: (at - d.end if d.end <= at else d.start - at, d.start))
    before = [d for d in own if d.end <= at]
    return max(before, key=lambda d: d.start) if before else own[0]


@lru_cache(maxsize=1)
def complementizers() -> frozenset[str]:
    """Complementizers as written ("أن", "بأن", "إنه"), normalised: the ends of a said clause."""
    return frozenset(p for p, (unit, _value, _prec) in relative_words().items() if unit == "complementizer")


def _in_relative(view: TextView, sentence: Sentence, at: int, d: DateMention) -> bool:
    """A relative pronoun between the trigger and the date, not right after the trigger's word
    ("الاشتباكات التي شهدتها طرابلس الاثنين" is the clashes' day), its clause not left again."""
    toks = view.tokens_of(sentence)
    words = relative_pronouns()
    after = [t for t in toks if t.end > at and t.start < d.start]  # the trigger's word first
    marks = [t.text in words for t in after[2:]]
    if not any(marks):
        return False
    # "وكان انتحاري ... الذي شكله ... قد فجر سيارته ليلة 4 تموز": قد takes up the main clause again.
    rest = after[2:][len(marks) - marks[::-1].index(True):]
    return not any(t.text in resumptions() for t in rest)


@lru_cache(maxsize=1)
def relative_pronouns() -> frozenset[str]:
    """Relative pronouns as written, normalised ("الذي", "التي", "الذين")."""
    return frozenset(p for p, (unit, _value, _prec) in relative_words().items() if unit == "relative")


@lru_cache(maxsize=1)
def resumptions() -> frozenset[str]:
    """Words that take up the main clause after a relative one ("قد" of "كان ... قد فجر")."""
    return frozenset(p for p, (unit, _value, _prec) in relative_words().items() if unit == "resumption")


def _opens_clause(view: TextView, d: DateMention) -> bool:
    """A date written with the conjunction ("والسبت", "وأمس") or after "وفي" starts a clause."""
    norm = view.norm
    k = d.start
    while k > 0 and not norm[k - 1].isspace():
        k -= 1
    if k < d.start:
        return norm[k] == "و"
    prev = norm[:k].rstrip().rsplit(maxsplit=1)
    return bool(prev) and prev[-1].startswith("و") and len(prev[-1]) <= 3


def _carried(view: TextView, sentence: Sentence, mentions: Sequence[DateMention],
             anchor: dt.date | None) -> _Found | None:
    paras = paragraph_of(view)
    para = paras[sentence.index]

    def carries(d: DateMention) -> bool:
        if d.sentence_index >= sentence.index:
            return False
        if paras[d.sentence_index] == para:
            return True
        # Background (a month, an old date, what "وكان" recalls) stays in its paragraph.
        recent = d.precision < 3 and (anchor is None or d.date >= anchor - dt.timedelta(days=_RECENT))
        return recent and not _opens_with(view, view.sentences[d.sentence_index], "pluperfect")

    earlier = [d for d in mentions if carries(d)]
    if not earlier:
        return None
    near = max(earlier, key=lambda d: (d.sentence_index, -d.precision, d.start))
    if _opens_with(view, sentence, "pluperfect"):
        before = [d for d in earlier if d.date < near.date]
        if before:
            near = max(before, key=lambda d: (d.sentence_index, -d.precision, d.start))
    new_paragraph = paras[near.sentence_index] != para
    if new_paragraph and near.precision == 1 and not _opens_with(view, sentence, "pluperfect"):
        # An undated paragraph goes back to the news's own day, the one its lead gives, from
        # another day; a period ("الأسبوع الماضي") may still frame it.
        near = _lead_date(view, earlier, anchor) or near
    precision = near.precision
    if paras[near.sentence_index] != para:
        precision = max(precision, 2)
    return near.date, precision, near


def _lead_date(view: TextView, mentions: Sequence[DateMention], anchor: dt.date | None) -> DateMention | None:
    """The day of the news: the first recent day (within a week) the first sentences give, not in
    one opening with "وكان"."""
    if anchor is None:
        return None
    for d in mentions:
        if (d.precision == 1 and anchor - dt.timedelta(days=7) <= d.date <= anchor
                and d.sentence_index < _LEAD_REACH
                and not _opens_with(view, view.sentences[d.sentence_index], "pluperfect")):
            return d
    return None


def _ahead(view: TextView, sentence: Sentence, mentions: Sequence[DateMention],
           anchor: dt.date | None) -> _Found | None:
    """An undated lead ("شهدت مدن مظاهرات ...") followed by the report that dates it ("... أمس")."""
    if anchor is None or any(d.sentence_index < sentence.index for d in mentions):
        return None
    for d in mentions:
        if (sentence.index < d.sentence_index <= sentence.index + _LOOKAHEAD and d.precision == 1
                and anchor - dt.timedelta(days=7) <= d.date <= anchor
                and not _opens_with(view, view.sentences[d.sentence_index], "pluperfect")):
            return d.date, 2, d  # "وكان ... أعلن أمس": background, not the report's day
    return None


def _opens_with(view: TextView, sentence: Sentence, label: str) -> bool:
    toks = view.tokens_of(sentence)
    return bool(toks) and any(m.label == label for m in cue_matcher().match_at(toks, 0))


def _neighbour_shift(view: TextView, sentence: Sentence, mentions: Sequence[DateMention],
                     at: int | None) -> int:
    """-1 when the trigger follows "غداة" (with no date between), +1 after "عشية"; else 0."""
    if at is None or not _neighbour_gate().search(view.norm, sentence.start, at):
        return 0
    toks = [t for t in view.tokens_of(sentence) if t.end <= at]
    shift, where = 0, -1
    for m in cue_matcher().find(toks):
        if m.label == "neighbour_day":
            shift, where = int(m.entry.data.value), m.end
    if shift and any(where <= d.start < at for d in mentions if d.sentence_index == sentence.index):
        return 0
    if shift and _NEW_CLAUSE.search(view.norm, where, at):
        return 0  # "غداة الاتفاق، وقتل جنديان": a clause of its own ("، و6 آخرين" goes on the list)
    return shift
