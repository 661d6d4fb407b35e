"""From a document to coded events: the stage that joins triggers, actors, places, dates and deaths.

For each sentence that reports an event (`triggers.detect`), the triggers are grouped into events
(one per distinct initiator, `roles.group_triggers`), and each event takes its actors from the
sentence's syntax (`roles.py`), its place from the sentence (else the nearest preceding sentence that
names one; one event per listed place, `segment.py`), its date from `dates.event_date_for`, and its
fatalities from the sentence. Mentions of one event across the article are then fused
(`fuse.fuse_events`). Every filled field carries its evidence span.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import re
from dataclasses import replace
from functools import cached_property

from ..actors import (
    actor_country,
    actor_inter,
    actor_name,
    civilian_targeting,
    find_actors,
    find_attribution,
    government_side,
    interaction,
)
from ..actors.anaphora import WINDOW as ANAPHORA_WINDOW
from ..actors.anaphora import Antecedents, anaphor_heads, anaphor_stems, remember, resolve_anaphora
from ..actors.claims import claimable_kinds, find_claimant
from ..documents import Document, source_name
from ..geo import country_info, find_places, find_places_in_context, load_gazetteer
from ..text import Matcher, Sentence, TextView, analyse
from .acled_types import DEMONSTRATION_TYPES, choose, decide, final_type, lethal_force
from .dates import event_date_for, find_dates
from .draft import Draft
from .fatalities import find_fatalities, total_fatalities
from .fuse import fuse_events
from .model import Event, Evidence
from .notes import confidence_of, notes_for
from .placing import (
    around,
    by_sentence,
    dominant_country,
    one_per_place,
    place_for,
    set_place,
)
from .roles import group_roles, group_triggers, subjects_not_victims, victim_spans
from .taxonomy import disorder_type
from .tolls import attach_tolls
from .triggers import Trigger, detect, lexicon


class Extractor:
    """Holds the loaded lexicons and gazetteer; `extract(doc)` codes one document."""

    @cached_property
    def gazetteer(self):
        return load_gazetteer()

    @cached_property
    def trigger_gate(self) -> Matcher:
        """The trigger lexicon, used only for its substring pre-check (`Matcher.may_match`)."""
        return Matcher(lexicon())

    def warm_up(self) -> None:
        """Load every resource now (before forking workers, so they share it)."""
        view = analyse("warm-up", "قتل 3 مدنيين في غارة لطائرات التحالف على بلدة هجين شرق دير الزور أمس.")
        find_places(view, self.gazetteer)
        find_dates(view, dt.date(2018, 9, 15))
        self.trigger_gate.may_match(view.norm)
        for s in view.sentences:
            detect(view, s)
            find_actors(view, s)
            find_fatalities(view, s)
            find_attribution(view, s)

    def extract(self, doc: Document) -> list[Event]:
        view = analyse(doc.id, doc.text, doc.mask, doc.quote_fixes)
        return self.extract_view(doc, view)

    def extract_view(self, doc: Document, view: TextView) -> list[Event]:
        # Most sentences of most articles name no trigger at all: rule them out at C speed first.
        gate = self.trigger_gate
        if not gate.may_match(view.norm):
            return []
        triggered = [
            (s, ts)
            for s in view.sentences
            if gate.may_match(view.sentence_text(s)) and (ts := detect(view, s))
        ]
        if not triggered:
            return []
        places, about = find_places_in_context(around(view, triggered), self.gazetteer, view)
        # A dateline ("بنغازي - وكالات") says where the report was filed, not where its events were.
        places_by_sentence = by_sentence(view, [p for p in places if not p.dateline])
        doc_country = about.country or dominant_country(places)  # the evidence first, then the count
        dates = find_dates(view, doc.published)
        drafts: list[Draft] = []
        antecedents: Antecedents = {}  # sentence index -> the actors it names, for "التنظيم", "الجيش" ...
        unread: set[int] = set()  # history sentences passed over: they name no antecedent
        for sentence, triggers in triggered:
            if _may_refer_back(view, sentence):
                _track_antecedents(view, sentence.index, antecedents, unread)
            if _dated_by_past_year(view, sentence, triggers, dates, doc.published):
                unread.add(sentence.index)
                continue
            attribution = find_attribution(view, sentence)
            mentions = speakers = _resolve_anaphora(view, sentence, find_actors(view, sentence), antecedents)
            if attribution is not None:
                # "وقالت الشرطة إن ...": the police speak here; they are the source, not an actor.
                mentions = [m for m in mentions if m.end <= attribution[0] or m.start >= attribution[1]]
            casualties = subjects_not_victims(view, triggers, mentions, find_fatalities(view, sentence))
            victims = victim_spans(view, casualties, mentions)
            groups = group_triggers(view, sentence, triggers, mentions, victims)
            deaths = [f for f in casualties if f.kind == "killed"]
            shares = _allocate(deaths, groups)
            coded = [
                self._code(
                    doc,
                    view,
                    sentence,
                    group,
                    mentions,
                    places_by_sentence,
                    dates,
                    doc_country,
                    share,
                    victims,
                    attribution,
                    [c for c in casualties if c in share or c.kind != "killed"],
                    speakers,
                    len(groups) > 1,
                )
                for group, share in zip(groups, shares, strict=True)
            ]
            for d in _fold_into_protests(coded):
                drafts.extend(one_per_place(d, view, places_by_sentence))
        _claimed_attacks(drafts, view)
        coded = attach_tolls(drafts, view)
        events = fuse_events([self._finish(d, view) for d in coded])
        _air_power_for_unnamed_strikes(coded, events)
        for e in events:
            e.notes = notes_for(e)
        return events

    # ------------------------------------------------------------------ one event
    def _code(
        self,
        doc: Document,
        view: TextView,
        sentence: Sentence,
        group: list[Trigger],
        mentions: list,
        places_by_sentence: dict[int, list],
        dates: list,
        doc_country: str | None,
        deaths: list,
        victims: list[tuple[int, int]],
        attribution: tuple[int, int, str] | None,
        casualties: list,
        speakers: list,
        several: bool = False,
    ) -> Draft:
        main = choose(group)
        d = Draft(doc, sentence, main, group)
        for t in group:
            d.cite(view, "event", t.start, t.end)

        # Where: the sentence's most specific place, else one named shortly before; of a sentence
        # reporting several events, the place that follows each event's own trigger.
        near = view.span(group[0].start, group[-1].end) if several else None
        place, from_context = place_for(sentence, places_by_sentence, near)
        # A country the sentence itself names ("في شرق أوكرانيا") beats the article's main country
        # and a place carried over from an earlier sentence in another country.
        named = [
            p.place.country
            for p in places_by_sentence.get(sentence.index, [])
            if p.place is not None and p.place.feature == "country"
        ]
        if place is not None and from_context and named and place.place.country not in named:
            place = None
        country = named[0] if named else doc_country
        if place is not None:
            country = place.place.country or country
            set_place(d, place, from_context)
        if country is None:
            # No place named: a state force named in the sentence tells the country.
            country = next((c for m in speakers if (c := actor_country(m.actor_id))), None)
        if country:
            info = country_info(country)
            if info is not None:
                d.fields.update(country=info.name, iso=info.iso, region=info.region, iso2=info.iso2)

        # When.
        date, precision, date_mention = event_date_for(view, sentence, dates, doc.published, main.start)
        if date is not None:
            d.fields.update(event_date=date.isoformat(), time_precision=precision)
            if date_mention is not None:
                d.cite(view, "event_date", date_mention.start, date_mention.end)
                d.signals["date"] = True

        # Who.
        roles = group_roles(view, sentence, main, group, mentions, victims, speakers)
        self._actors(d, view, roles, date, country, casualties)

        # How many killed (the deaths of the sentence that belong to this event, see _allocate).
        count, mention = total_fatalities(deaths)
        d.fields["fatalities"] = count
        d.deaths = list(deaths)
        if mention is not None and count:
            d.cite(view, "fatalities", mention.start, mention.end)
        _type_by_sides(d)  # needs both sides and the toll

        if attribution is not None:
            a_start, a_end, name = attribution
            d.fields["attribution"] = name
            d.cite(view, "attribution", a_start, a_end)
            d.signals["attribution"] = True
        return d

    def _actors(
        self, d: Draft, view: TextView, roles, date: dt.date | None, country: str | None, casualties: list
    ) -> None:
        t = d.trigger
        for slot, mention in (("actor1", roles.actor1), ("actor2", roles.actor2)):
            if mention is None:
                continue
            d.fields[slot] = actor_name(mention.actor_id, date, country)
            d.fields["inter1" if slot == "actor1" else "inter2"] = actor_inter(mention.actor_id)
            d.cite(view, slot, mention.start, mention.end)
            d.signals[slot] = True
        # Whether the initiator fights for the country's government decides a takeover's sub-type.
        d.fields["government1"] = roles.actor1 is not None and government_side(roles.actor1.actor_id, country)
        for slot, assoc in (("assoc_actor_1", roles.assoc_actor_1), ("assoc_actor_2", roles.assoc_actor_2)):
            if assoc:
                names = [actor_name(m.actor_id, date, country) for m in assoc]
                d.fields[slot] = "; ".join(dict.fromkeys(names))
                for m in assoc:
                    d.cite(view, slot, m.start, m.end)
        # ACLED always names an initiator; the text's silence is coded with ACLED's generic actors.
        if "actor1" not in d.fields:
            # Arrests are made by the state: its police, unless the text names another force.
            gid = (
                "police"
                if t.sub_event_type == "Arrests" and country
                else generic_actor(t.event_type, "actor1", country)
            )
            if gid:
                d.fields["actor1"] = actor_name(gid, date, country)
                d.fields["inter1"] = actor_inter(gid)
        if "actor2" not in d.fields:
            # Who the dead, wounded or arrested were, when no actor names them ("قتلت مسلحا",
            # "مقتل ثلاثة جنود"); else ACLED's default target (civilians for arrests and attacks).
            by_group = [_VICTIM_GROUPS[c.group] for c in casualties if c.group in _VICTIM_GROUPS]
            if by_group and country:
                gid = by_group[0]
            elif t.sub_event_type == "Arrests" and country:
                gid = "civilians"
            elif t.event_type == "Explosions/Remote violence" and country and any(
                    c.group == "generic" and c.kind in _HARMED for c in casualties):
                # People a bomb or a shell killed or wounded, no side named ("قتل عشرة أشخاص في الغارة",
                # "سقوط قتلى"): ACLED codes them civilians, as it does most such victims.
                gid = "civilians"
            else:
                gid = generic_actor(t.event_type, "actor2", country)
            if gid:
                d.fields["actor2"] = actor_name(gid, date, country)
                d.fields["inter2"] = actor_inter(gid)
        # Who acted retypes some events (acled_types, stage "initiator"): rioters fight no battle
        # ("هاجم متظاهرون غاضبون مقر الحزب"; only crowds named as rioters: plain "متظاهرون" as a
        # battle's initiator cost OEDA precision), a riot's demonstrators are rioters, an armed
        # group's arrests are abductions when it is named as the subject (before the verb or right
        # after it: "اعتقل تنظيم الدولة أربعة مدنيين", not "اعتقلت النيابة فلانا ووجهت له تهمة
        # تمويل حماس").
        subject = roles.actor1 is not None and roles.actor1.start < t.end + _DETAINER_REACH
        decision = decide("initiator", (t.kind, t.event_type, t.sub_event_type), d.fields.get("inter1"),
                          d.fields.get("inter2"), subject=subject)
        if decision is not None:
            if decision.sub_event_type is not None:
                d.sub_event_type = decision.sub_event_type
            if decision.rioters:
                d.fields["actor1"] = actor_name("rioters", date, country)
                d.fields["inter1"] = actor_inter("rioters")

    def _finish(self, d: Draft, view: TextView) -> Event:
        t = d.trigger
        f = d.fields
        # The sub-type coding decided, a takeover's by who took it, then the target's decision:
        # killing soldiers is an armed clash, "هجوم مسلح على قرية" violence against civilians.
        event_type, sub = final_type(t.kind, t.event_type, t.sub_event_type, d.sub_event_type,
                                     f.get("inter1"), f.get("inter2"), bool(f.get("government1")))
        published = d.doc.published
        event_date, precision, tags = f.get("event_date"), f.get("time_precision"), ""
        if event_date is None:
            # Neither the text nor the document dates it: code the processing day, flagged, so the
            # record stays valid and an analyst can find it (tags) instead of losing the event.
            event_date, precision, tags = dt.date.today().isoformat(), 3, "date unknown"
            d.signals["date_unknown"] = True
        ev = Event(
            event_id="",
            event_date=event_date,
            time_precision=precision,
            tags=tags,
            disorder_type=disorder_type(event_type, sub),
            event_type=event_type,
            sub_event_type=sub,
            actor1=f.get("actor1", ""),
            actor2=f.get("actor2", ""),
            assoc_actor_1=f.get("assoc_actor_1", ""),
            assoc_actor_2=f.get("assoc_actor_2", ""),
            inter1=f.get("inter1", ""),
            inter2=f.get("inter2", ""),
            iso=f.get("iso"),
            region=f.get("region"),
            country=f.get("country"),
            admin1=f.get("admin1"),
            admin2=f.get("admin2"),
            admin3=f.get("admin3"),
            location=f.get("location"),
            latitude=f.get("latitude"),
            longitude=f.get("longitude"),
            geo_precision=f.get("geo_precision"),
            source=source_name(d.doc),
            fatalities=int(f.get("fatalities") or 0),
            timestamp=_timestamp(published),
            doc_ids=[d.doc.id],
            attribution=f.get("attribution"),
            evidence=d.evidence,
        )
        if ev.actor2 and ev.actor2 == ev.actor1:
            # "انتحاريان ... وفجرا نفسيهما" read twice as the same force: an actor is not its own target.
            ev.actor2, ev.inter2 = "", ""
        ev.interaction = interaction(ev.inter1, ev.inter2)
        ev.civilian_targeting = civilian_targeting(ev.inter2)
        ev.confidence = confidence_of(t.confidence, d.signals)
        ev.notes = notes_for(ev)
        ev.event_id = _event_id(d.doc.id, d.sentence.start, t, ev, f.get("iso2"), d.split_at)
        return ev


# ACLED's generic actors, by event type, for a side the text does not name.
_GENERIC_ACTOR1 = {
    "Protests": "protesters",
    "Riots": "rioters",
    "Battles": "unidentified",
    "Explosions/Remote violence": "unidentified",
    "Violence against civilians": "unidentified",
}
_GENERIC_ACTOR2 = {"Violence against civilians": "civilians"}


def generic_actor(event_type: str, slot: str, country: str | None) -> str | None:
    """The generic actor id for an unnamed side (needs a country to be named, ACLED-style)."""
    if country is None:
        return None
    return (_GENERIC_ACTOR1 if slot == "actor1" else _GENERIC_ACTOR2).get(event_type)


def _allocate(deaths: list, groups: list[list[Trigger]]) -> list[list]:
    """Each death mention of a sentence goes to the one event whose trigger is nearest to it, so a
    sentence reporting two events never counts the same dead twice."""
    shares: list[list] = [[] for _ in groups]
    for f in deaths:
        best = min(
            range(len(groups)),
            key=lambda i: min(
                abs(f.start - t.start) if f.start >= t.start else abs(t.start - f.end) for t in groups[i]
            ),
        )
        shares[best].append(f)
    return shares


# Casualty groups (events/data/casualty_words.tsv) and the generic actor they stand for.
_VICTIM_GROUPS = {
    "militant": "unidentified",
    "military": "military",
    "police": "police",
    "civilian": "civilians",
}
_HARMED = frozenset({"killed", "wounded"})
_DETAINER_REACH = 20  # characters after an arrest word its subject may start ("اعتقل، أمس، تنظيم الدولة")


_SIDE_FIELDS = (("actor1", "actor2"), ("inter1", "inter2"), ("assoc_actor_1", "assoc_actor_2"))


def _type_by_sides(d: Draft) -> None:
    """Type a violent event by who is on each side (ACLED): a battle needs two organised armed sides.
    State forces using force on protesters code the protest ("Excessive force against protesters"
    when it kills or the force is lethal, else "Protest with intervention"), with the protesters as
    actor1 and the force as actor2; on rioters, a violent demonstration by the rioters; an armed
    actor fighting unarmed civilians is violence against civilians. Force by anyone but the state
    ("مسلحون مجهولون") is left as the violence it is."""
    # The decisions are acled_types' stage "sides". Clashes with anyone armed or with protesters
    # ("مصادمات بين الشرطة ومتظاهرين") stay as coded: OEDA reads clashes with the police as no
    # protest report (retyping them cost PROTEST F1 0.706 -> 0.667).
    t, f = d.trigger, d.fields
    lethal = lethal_force([k for x in d.triggers for k in (x.kind, x.base)], int(f.get("fatalities") or 0))
    decision = decide("sides", (t.kind, t.event_type, t.sub_event_type), f.get("inter1", ""),
                      f.get("inter2", ""), lethal=lethal)
    if decision is None or decision.sub_event_type is None:
        return
    d.sub_event_type = decision.sub_event_type
    if decision.swap:
        _swap_sides(d)


def _swap_sides(d: Draft) -> None:
    """The target becomes actor1 (the demonstrators an ACLED protest event is about), evidence too."""
    f = d.fields
    for a, b in _SIDE_FIELDS:
        f[a], f[b] = f.get(b, ""), f.get(a, "")
    d.signals["actor1"], d.signals["actor2"] = d.signals.get("actor2", False), d.signals.get("actor1", False)
    relabel = {"actor1": "actor2", "actor2": "actor1", "assoc_actor_1": "assoc_actor_2",
               "assoc_actor_2": "assoc_actor_1"}
    d.evidence = [replace(e, field=relabel.get(e.field, e.field)) for e in d.evidence]


def _fold_into_protests(drafts: list[Draft]) -> list[Draft]:
    """Force used against the protesters a sentence reports is part of that protest event (ACLED:
    "Protest with intervention", or "Excessive force against protesters" when it kills or is
    lethal), with the intervening force as actor2; it is not a separate attack on civilians."""
    protests = [d for d in drafts if d.trigger.event_type == "Protests"]
    if not protests:
        return drafts
    out: list[Draft] = []
    for d in drafts:
        target = d.fields.get("actor2", "")
        if d.trigger.event_type in DEMONSTRATION_TYPES or not target.startswith("Protesters ("):
            out.append(d)
            continue
        p = protests[0]
        if "actor1" in d.fields and not p.signals.get("actor2"):
            p.fields["actor2"], p.fields["inter2"] = d.fields["actor1"], d.fields.get("inter1", "")
            p.signals["actor2"] = True
            assoc = [
                a for a in p.fields.get("assoc_actor_1", "").split("; ") if a and a != p.fields["actor2"]
            ]
            p.fields["assoc_actor_1"] = "; ".join(assoc)
        p.fields["fatalities"] = int(p.fields.get("fatalities") or 0) + int(d.fields.get("fatalities") or 0)
        # Lethal: it killed, or was violence rather than arrests (acled_types, stage "fold").
        lethal = p.fields["fatalities"] > 0 or d.trigger.event_type != "Strategic developments"
        decision = decide("fold", (), p.fields.get("inter1"), p.fields.get("inter2"), lethal=lethal)
        if decision is not None:
            p.sub_event_type = decision.sub_event_type
        relabel = {"actor1": "actor2", "actor2": "actor1"}
        p.evidence.extend(
            Evidence(relabel.get(e.field, e.field), e.doc_id, e.start, e.end, e.text)
            for e in d.evidence
            if e.field not in ("location", "event_date", "attribution")
        )
    return out


_RELATIVE = re.compile(r"\b(?:الذي|التي|الذين|اللذين|اللتين)\b")
_HISTORY_YEARS = 10  # a year this far back anywhere in the sentence makes it history
_YEAR = re.compile(r"(?:عام|سنه|العام|لعام|بعام)\s+([12]\d{3})\b|\b([12]\d{3})\s*(?:م|ه|هـ)\b")


def _dated_by_past_year(
    view: TextView, sentence: Sentence, triggers: list[Trigger], dates: list, published: dt.date | None
) -> bool:
    """A sentence placed only in an earlier year ("حاكما لدمشق عام 1063م بعد معارك طاحنة") recalls
    history; ACLED codes no event vaguer than a month, so none is coded from it. A year in a relative
    clause after the event ("... القانون الذي أقر عام 2017") dates something else, unless long past."""
    if published is None or any(m.sentence_index == sentence.index for m in dates):
        return False
    for m in _YEAR.finditer(view.norm, sentence.start, sentence.end):
        year = int(m.group(1) or m.group(2))
        if year >= published.year:
            continue
        before = [t.end for t in triggers if t.end <= m.start()]
        # A relative clause between the event and the year: the year dates that clause's noun.
        qualifies_other = bool(before) and _RELATIVE.search(view.norm, max(before), m.start()) is not None
        if year < published.year - _HISTORY_YEARS or not qualifies_other:
            return True
    return False


def _resolve_anaphora(view: TextView, sentence: Sentence, mentions: list, antecedents: Antecedents) -> list:
    """Mentions of `sentence` with "التنظيم", "الحركة", "المسلحون", "الجيش", "القوات" ... read as the
    actor they refer back to ("هجوم ضد تنظيم داعش ... على مواقع التنظيم"; actors.anaphora).
    `antecedents` carries what earlier sentences named."""
    return resolve_anaphora(view, sentence, mentions, antecedents)


def _claimed_attacks(drafts: list[Draft], view: TextView) -> None:
    """Attacks whose initiator the text leaves unnamed (an unnamed bomber, "مسلحون مجهولون") are the
    group's that the article's claims name ("تبنى تنظيم داعش الهجوم"; actors.claims), ACLED's
    coding of a claimed attack."""
    if not drafts:
        return
    claimant = find_claimant(view)
    if claimant is None:
        return
    kinds = claimable_kinds()
    for d in drafts:
        f = d.fields
        if d.trigger.kind not in kinds or not str(f.get("actor1", "")).startswith(_UNNAMED_ARMED):
            continue
        day = dt.date.fromisoformat(f["event_date"]) if f.get("event_date") else None
        name = actor_name(claimant.actor_id, day, f.get("iso2"))
        if name == f.get("actor2"):
            continue
        f["actor1"], f["inter1"] = name, actor_inter(claimant.actor_id)
        d.cite(view, "actor1", claimant.start, claimant.end)


_UNNAMED_ARMED = "Unidentified Armed Group"


def _air_power_for_unnamed_strikes(drafts: list[Draft], events: list[Event]) -> None:
    """An air strike is flown by an air force, not an armed group: one that no mention of it names,
    once fused with the others, is the air force's that flies over the place (actors.tsv air_power:
    Israel's over Gaza and Lebanon, the Saudi-led coalition's over Yemen, else the state's own). Drones
    stay unnamed, armed groups fly them too."""
    strikes: dict[int, str] = {}  # start of an air-strike trigger's evidence -> the event's country
    others: set[int] = set()  # starts of drone triggers
    for d in drafts:
        starts = [ev.start for ev in d.evidence if ev.field == "event"]
        if any(t.kind == "drone_strike" for t in d.triggers):  # "استهدفت طائرة مسيرة"
            others.update(starts)
        elif d.trigger.kind == "airstrike" and d.fields.get("iso2"):
            strikes.update(dict.fromkeys(starts, d.fields["iso2"]))
    for e in events:
        if e.sub_event_type != "Air/drone strike" or not e.actor1.startswith(_UNNAMED_ARMED):
            continue
        starts = {ev.start for ev in e.evidence if ev.field == "event"}
        countries = {strikes[s] for s in starts if s in strikes}
        if len(countries) != 1 or starts & others:
            continue
        country = countries.pop()
        day = dt.date.fromisoformat(e.event_date) if e.event_date else None
        name = actor_name("air_power", day, country)
        if name == e.actor2:
            continue
        e.actor1, e.inter1 = name, actor_inter("air_power")
        e.interaction = interaction(e.inter1, e.inter2)


def _may_refer_back(view: TextView, sentence: Sentence) -> bool:
    """Whether the sentence holds a word that may be an anaphor ("التنظيم", "للجيش"): only then are
    the sentences before it read for antecedents (most sentences of most articles hold none)."""
    text = view.sentence_text(sentence)
    return any(stem in text for stem in anaphor_stems())


def _track_antecedents(view: TextView, upto: int, antecedents: Antecedents, unread: set[int]) -> None:
    """Read the actors of the sentences before `upto` that an anaphor there may refer to (see
    actors.anaphora.antecedent): every sentence of the window, and before it only those that name a
    group's head word ("تنظيم", "حركة"), once each."""
    heads = anaphor_heads()
    for s in view.sentences[:upto]:
        if s.index in antecedents or s.index in unread:
            continue
        if s.index >= upto - ANAPHORA_WINDOW or any(h in view.sentence_text(s) for h in heads):
            remember(view, s, find_actors(view, s), antecedents)


def _timestamp(published: dt.date | None) -> int | None:
    if published is None:
        return None
    return int(dt.datetime(published.year, published.month, published.day, tzinfo=dt.UTC).timestamp())


def _event_id(
    doc_id: str, sentence_start: int, t: Trigger, ev: Event, iso2: str | None, split_at: int | None = None
) -> str:
    """Stable across runs (document, position, sub-type, and the place of a report split by place),
    prefixed like ACLED's ids with the country."""
    iso = iso2 or "XX"
    key = f"{doc_id}\x1f{sentence_start}\x1f{t.start}\x1f{ev.sub_event_type}"
    if split_at is not None:
        key += f"\x1f{split_at}"
    h = hashlib.sha1(key.encode()).hexdigest()
    return f"{iso}-{h[:12]}"
