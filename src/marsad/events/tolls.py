"""Tolls told apart from their event: a sentence that only counts deaths, or that names the attack
("وأسفر الهجوم عن مقتل ..."), gives the attack before it its toll instead of being an event of its own;
a figure beats a vague toll of the same event; a day's total after several attacks is no one attack's.
"""

from __future__ import annotations

from ..text import Sentence, TextView
from .acled_types import DEMONSTRATION_TYPES
from .draft import Draft
from .fatalities import FatalityMention, find_fatalities, toll_reference, total_fatalities
from .fuse import is_generic_actor
from .roles import OUTCOME_KINDS

_TOLL_REACH = 2  # sentences after an attack within which a bare death toll is that attack's toll
# ... and within which a sentence that names the attack ("الهجوم") gives its toll, no other event between
_REFERRED_REACH = 4


def attach_tolls(drafts: list[Draft], view: TextView) -> list[Draft]:
    """ "انفجرت سيارة مفخخة قرب مسجد ... وقال مصدر طبي إن أربعة أشخاص قتلوا في الاعتداء": a sentence
    that only counts deaths, right after an attack on the same day and place (or a more precise place
    in it), gives that attack's toll; it is not a killing of its own. So does a sentence with no event
    of its own that names the attack ("وأسفر الهجوم عن سقوط قتلى"). See `_reconcile` for the figure."""
    r = _Readings(view)
    out: list[Draft] = []
    tolls: set[int] = set()  # sentences read as tolls of an earlier attack
    for d in drafts:
        host = out[-1] if out else None
        if (
            host is not None
            and all(t.kind in OUTCOME_KINDS for t in d.triggers)
            and _may_host(host)
            and 0 < d.sentence.index - host.sentence.index <= _TOLL_REACH
            and d.fields.get("event_date") == host.fields.get("event_date")
            and (d.fields.get("location") in (None, host.fields.get("location")) or _finer_place(d, host))
        ):
            if d.fields.get("location") not in (None, host.fields.get("location")):
                _take_place(host, d)
            if not _day_total(view, d.sentence, host, out):
                _add_toll(host, r, _toll(d, r), _bombers(r, d.sentence))
            host.evidence.extend(e for e in d.evidence if e.field in ("event", "fatalities", "attribution"))
            tolls.add(d.sentence.index)
            continue
        out.append(d)
    _referred_tolls(out, r, {d.sentence.index for d in drafts} - tolls, tolls)
    _figures_over_vague(out, r)
    return out


class _Readings:
    """The casualty mentions of the article's sentences, read once for the toll rules."""

    def __init__(self, view: TextView) -> None:
        self.view = view
        self._read: dict[int, list[FatalityMention]] = {}

    def of(self, sentence: Sentence) -> list[FatalityMention]:
        if sentence.index not in self._read:
            self._read[sentence.index] = find_fatalities(self.view, sentence)
        return self._read[sentence.index]


def _figures_over_vague(drafts: list[Draft], r: _Readings) -> None:
    """Mentions of one event (fused later, keeping the lowest toll): a figure the article gives
    ("قتل 10 مدنيين") is the toll, not a vague one told elsewhere ("سقوط قتلى" = 3)."""
    counted = [d for d in drafts if d.fields.get("fatalities")]
    pairs = [(d, [e for e in counted if _same_event(d, e)]) for d in counted]
    for d, others in pairs:
        if not others or not _toll(d, r)[1]:
            continue
        figures = [n for n, vague in (_toll(e, r) for e in others) if not vague]
        if figures:
            _set_toll(d, (min(figures), False))


def _same_event(a: Draft, b: Draft) -> bool:
    """What `fuse.same_event` will say of the two drafts' records: same type, day, place, sides."""
    fa, fb = a.fields, b.fields
    if a is b or a.trigger.event_type != b.trigger.event_type or fa.get("event_date") != fb.get("event_date"):
        return False
    if None not in (fa.get("location"), fb.get("location")) and fa.get("location") != fb.get("location"):
        return False
    sides = (((fa.get(k) or ""), (fb.get(k) or "")) for k in ("actor1", "actor2"))
    return all(is_generic_actor(x) or is_generic_actor(y) or x == y for x, y in sides)


def _may_host(d: Draft) -> bool:
    """An attack whose toll a later sentence may give: not a bare death report, not a protest."""
    return d.trigger.kind not in OUTCOME_KINDS and d.trigger.event_type not in DEMONSTRATION_TYPES


def _referred_tolls(drafts: list[Draft], r: _Readings, told: set[int], used: set[int]) -> None:
    """A sentence with no event of its own, within reach after an attack and before any other event,
    that names it ("وأسفر الهجوم عن ...", "وبلغت حصيلة ...") gives its toll, to the attack told last."""
    view = r.view
    last = {d.sentence.index: d for d in drafts}  # a sentence with several events: the nearest one
    for host in last.values():
        if not _may_host(host):
            continue
        first = host.sentence.index + 1
        for i in range(first, min(len(view.sentences), first + _REFERRED_REACH)):
            if i in told:
                break  # another event is told: what follows is its own
            if i in used:
                continue  # a toll already given to an attack
            sentence = view.sentences[i]
            if toll_reference(view, sentence) is None or _day_total(view, sentence, host, drafts):
                continue
            count, mention = total_fatalities(f for f in r.of(sentence) if f.kind == "killed")
            if mention is None or not count:
                continue
            _add_toll(host, r, (count, mention.vague), _bombers(r, sentence))
            host.cite(view, "fatalities", mention.start, mention.end)
            used.add(i)


def _toll(d: Draft, r: _Readings) -> tuple[int, bool]:
    """A draft's toll, and whether it is vague ("قتلى وجرحى" = 3), read back from its evidence."""
    count = int(d.fields.get("fatalities") or 0)
    if not count or "toll_vague" in d.signals:
        return count, bool(d.signals.get("toll_vague"))
    spans = {(e.start, e.end) for e in d.evidence if e.field == "fatalities"}
    return count, any(m.vague and r.view.span(m.start, m.end) in spans for m in r.of(d.sentence))


def _add_toll(host: Draft, r: _Readings, toll: tuple[int, bool], bombers: int) -> None:
    """The attack's toll with one told after it. A suicide bomber counts once, on top of the victims
    ("فجر انتحاري نفسه ... وبلغت حصيلة الهجوم 13 قتيلا" = 14): reports of the victims leave him out."""
    count, vague = _toll(host, r)
    bomber = max(bombers, _bombers(r, host.sentence) if count else 0)
    victims = _reconcile((max(0, count - bomber), vague), (max(0, toll[0] - bombers), toll[1]))
    _set_toll(host, (victims[0] + bomber, victims[1]))


def _bombers(r: _Readings, sentence: Sentence) -> int:
    return sum(f.count for f in r.of(sentence) if f.kind == "killed" and f.group == "bomber")


def _reconcile(host: tuple[int, bool], toll: tuple[int, bool]) -> tuple[int, bool]:
    """ACLED: a figure the article gives for the event beats a vague one ("سقوط قتلى" = 3); between
    figures of the same kind the lowest wins; an unknown toll takes the other."""
    known = [t for t in (host, toll) if t[0]]
    exact = [t for t in known if not t[1]]
    return min(exact or known or [(0, False)])


def _set_toll(d: Draft, toll: tuple[int, bool]) -> None:
    d.fields["fatalities"], d.signals["toll_vague"] = toll


def _day_total(view: TextView, sentence: Sentence, host: Draft, drafts: list[Draft]) -> bool:
    """A toll ("ارتفعت حصيلة القتلى اليوم إلى 40") after the article has told other attacks that day
    sums them: it is no one event's toll."""
    if toll_reference(view, sentence) != "total":
        return False
    day = host.fields.get("event_date")
    return any(d is not host and _may_host(d) and d.fields.get("event_date") == day
               and d.sentence.index < sentence.index for d in drafts)


def _finer_place(d: Draft, host: Draft) -> bool:
    """The toll names a place more precise than the attack's and inside it ("انفجرت سيارة مفخخة في
    محافظة إدلب ... وقتل خمسة في بلدة كفرنبل"): the same attack, better located."""
    h, t = host.fields.get("geo_precision"), d.fields.get("geo_precision")
    inside = host.fields.get("admin1") in (None, d.fields.get("admin1"))
    return (d.place_in_sentence and h is not None and t is not None and t < h and inside
            and d.fields.get("country") == host.fields.get("country"))


def _take_place(host: Draft, d: Draft) -> None:
    for key in ("location", "latitude", "longitude", "admin1", "admin2", "admin3", "geo_precision"):
        host.fields[key] = d.fields.get(key)
    host.place, host.place_in_sentence = d.place, d.place_in_sentence
    host.evidence = [e for e in host.evidence if e.field != "location"]
    host.evidence.extend(e for e in d.evidence if e.field == "location")
