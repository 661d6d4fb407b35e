"""Who did it to whom, from the Arabic syntax of a report: the initiator and target of each trigger, the
victims a casualty count names, the subject of a verb after "أنه/أنها", the accusative object of a VSO
sentence ("قتل مسلح مجهول متظاهرا"), and the grouping of a sentence's triggers into events by initiator.

Plain functions over the sentence's view, its triggers, actor mentions and casualty mentions; the
extractor (extract.py) calls them per sentence. Actor recognition and the role cues themselves are
`actors.recognize` and `actors.roles`.
"""

from __future__ import annotations

import re
from dataclasses import replace

from ..actors import assign_roles
from ..text import Sentence, TextView
from .acled_types import DEMONSTRATION_TYPES
from .fatalities import casualty_words
from .numbers import find_numbers
from .triggers import Trigger

_VICTIM_REACH = 16  # characters after "N عناصر من" within which the victims' group is named
# Triggers that report a toll rather than an act of their own ("مقتل", "قتلى", "لقي مصرعه").
OUTCOME_KINDS = frozenset({"killing"})


# Case endings of an indefinite accusative object: tanween alef ("متظاهرا", "صحفيا") and the
# oblique plural or dual ("متظاهرين"); a subject carries neither ("مسلح", "مسلحون").
_ACCUSATIVE_ENDINGS = ("ا", "ين")
_FIGURE_WORDS = 4  # words a figure after the object may take ("ثلاثة وعشرين")


def _accusative(word: str) -> bool:
    return len(word) > 3 and word.endswith(_ACCUSATIVE_ENDINGS) and not word.endswith(("اا", "ها", "نا"))


def subjects_not_victims(view: TextView, triggers: list[Trigger], mentions: list, casualties: list) -> list:
    """Unvocalised "قتل مسلح متظاهرا" reads as "a gunman was killed" to a casualty counter; with an
    indefinite accusative actor or person noun right after it, the actor after an active verb is its
    subject (VSO) and the accusative word its object, the victim. Such a subject's casualty is
    dropped and, when nothing counts the object, the object is counted instead (see _object_count)."""
    if not casualties or not mentions:
        return casualties
    ordered = sorted(mentions, key=lambda m: m.start)
    out = list(casualties)
    for t in triggers:
        if t.passive or t.aspect == "noun":
            continue
        subject = next((m for m in ordered if m.start >= t.end), None)
        if subject is None or subject.prefix or view.norm[t.end:subject.start].strip():
            continue
        # Token indices are global ids (`TextView.token`), not positions in a list.
        head = _token_at(view, subject.last)
        if head is None or _accusative(view.token(subject.last - 1).text):
            continue
        obj = next((m for m in ordered if m.start == head.start and not m.prefix), None)
        group = "generic" if obj is not None else _person_group(head.text)
        if view.norm[subject.end:head.start].strip() or not _accusative(head.text) or group is None:
            continue
        agent = [c for c in out if c.start < subject.end and subject.start < c.end]
        obj_end = obj.end if obj is not None else head.end
        if not agent or any(c.start < obj_end and head.start < c.end for c in out):
            continue
        out = [c for c in out if c not in agent]
        count, end = _object_count(view, head.index, obj_end)
        if count:
            out.append(replace(agent[0], start=head.start, end=end, count=count, vague=False, group=group))
    return sorted(out, key=lambda c: c.start)


def _person_group(word: str) -> str | None:
    """The casualty group of an indefinite accusative person noun ("صحفيا", "جنديين"), else None."""
    words = casualty_words()
    for form in (word, word[:-1], word[:-2]):
        w = words.get(form)
        if w is not None and w.role == "person":
            return w.group if w.group != "-" else "generic"
    return None


def _object_count(view: TextView, last: int, end: int) -> tuple[int, int]:
    """(How many people the accusative object ending at token `last` names, end offset of the
    evidence): a figure right after it ("متظاهرين اثنين"), else 1 for a singular (tanween alef),
    else 0: a plural of unknown size is left uncounted rather than guessed."""
    window = (_token_at(view, i) for i in range(last + 1, last + 1 + _FIGURE_WORDS))
    following = [t for t in window if t is not None]
    after = find_numbers(following, view.norm)
    if after and after[0].first == 0 and not after[0].vague:
        return after[0].value, after[0].end
    return (1 if view.token(last).text.endswith("ا") else 0), end


def _token_at(view: TextView, index: int):
    """The token with global id INDEX, or None past its sentence's end."""
    try:
        return view.token(index)
    except IndexError:
        return None


def victim_spans(view: TextView, casualties: list, mentions: list) -> list[tuple[int, int]]:
    """Spans of the people a sentence counts as killed, wounded or arrested, each stretched over a
    following "من X و Y" ("ثلاثة عناصر من الصحوة والجيش": the army lost men, it did not kill)."""
    spans = []
    ordered = sorted(mentions, key=lambda m: m.start)
    for f in casualties:
        end = f.end
        adjacent = next((m for m in ordered if end < m.start <= end + 2), None)
        if adjacent is not None:  # "17 من عناصر ميليشيا الحوثي": the group named right after
            end = adjacent.end
        elif view.norm.startswith(" من ", end) and not view.norm.startswith(" من قبل ", end):
            # "خمسة شبان من قبل قوات الأمن": who acted, not whose the victims were.
            # "من" + the first actor within a couple of words, then any actors joined to it by و.
            first = next((m for m in ordered if end < m.start <= end + _VICTIM_REACH), None)
            if first is not None:
                end = first.end
                for m in ordered:
                    if m.start > end and view.norm[end : m.start].strip(' "') in ("و", ""):
                        end = m.end
        spans.append((f.start, end))
    return spans


def _roles(view: TextView, sentence: Sentence, t: Trigger, mentions: list, victims: list[tuple[int, int]]):
    """Initiator and target of trigger `t`. Unvocalised "قتل ثلاثة جنود" reads both ways; an actor
    named inside a casualty count ("ثلاثة جنود عراقيين" killed, wounded, arrested) is the target."""
    roles = assign_roles(view, sentence, t.start, t.end, mentions, t.passive, t.event_type)

    def victim(m) -> bool:
        return m is not None and any(a < m.end and m.start < b for a, b in victims)

    if victim(roles.actor1):
        other = roles.actor2 if not victim(roles.actor2) else None
        roles = replace(
            roles,
            actor1=other,
            actor2=roles.actor1,
            assoc_actor_1=roles.assoc_actor_2,
            assoc_actor_2=roles.assoc_actor_1,
        )
    return roles


def group_roles(
    view: TextView,
    sentence: Sentence,
    main: Trigger,
    group: list[Trigger],
    mentions: list,
    victims: list[tuple[int, int]],
    speakers: list,
):
    """Roles of an event reported by several triggers ("قُتل ... في غارة جوية شنتها طائرات"): the
    main trigger's, with a side it leaves open taken from the other triggers. A trigger that is itself
    an actor's name ("طائرات حربية روسية") says nothing about who did what."""

    def inside_actor(t: Trigger) -> bool:
        return any(m.start <= t.start and t.end <= m.end for m in mentions)

    ordered = [main] + [t for t in group if t is not main]
    ordered = [t for t in ordered if not inside_actor(t)] or [main]
    candidates = [_roles(view, sentence, t, mentions, victims) for t in ordered]
    roles = candidates[0]
    for other in candidates[1:]:
        if roles.actor1 is None and other.actor1 is not None and other.actor1 != roles.actor2:
            roles = replace(roles, actor1=other.actor1, assoc_actor_1=other.assoc_actor_1)
        if roles.actor2 is None and other.actor2 is not None and other.actor2 != roles.actor1:
            roles = replace(roles, actor2=other.actor2, assoc_actor_2=other.assoc_actor_2)
    if roles.actor1 is None:
        speaker = _speaker_subject(view, sentence, ordered, speakers, victims)
        if speaker is not None and speaker != roles.actor2:
            roles = replace(roles, actor1=speaker)
    return roles


# "أنه" / "أنها" / "إنهم" ...: a complementiser whose pronoun stands for the speaker.
_COMPLEMENT_PRONOUN = re.compile(r"(?:^|\s)[وب]?ان(?:ه|ها|هم|هما)\s*[،,]?\s*$")


def _speaker_subject(
    view: TextView,
    sentence: Sentence,
    triggers: list[Trigger],
    speakers: list,
    victims: list[tuple[int, int]],
):
    """ "وصرح الجيش اليوم أنه قتل 100 مسلح", "أكدت مصادر في المقاومة أنها قتلت 17": a verb right
    after "أنه/أنها" takes as subject the actor who speaks, named before the complementiser."""
    for t in triggers:
        head = view.norm[max(sentence.start, t.start - 12) : t.start]
        m = _COMPLEMENT_PRONOUN.search(head)
        if m is None:
            continue
        cut = t.start - len(head) + m.start()
        before = [
            x for x in speakers if x.end <= cut and not any(a < x.end and x.start < b for a, b in victims)
        ]
        if before:
            return max(before, key=lambda x: x.end)
    return None


def group_triggers(
    view: TextView,
    sentence: Sentence,
    triggers: list[Trigger],
    mentions: list,
    victims: list[tuple[int, int]],
) -> list[list[Trigger]]:
    """Triggers of one sentence as events: one per distinct initiator (an air strike by the coalition
    and shelling by the SDF in one sentence are two events); triggers with no initiator of their own
    join the event nearest before them."""
    groups: list[tuple[str | None, list[Trigger]]] = []
    ordered = sorted(triggers, key=lambda t: t.start)
    outcomes = [t for t in ordered if t.kind in OUTCOME_KINDS]
    if any(t.kind not in OUTCOME_KINDS and t.event_type not in DEMONSTRATION_TYPES for t in ordered):
        # "قصفت طائرات التحالف مواقع التنظيم مما أسفر عن مقتل 15": the deaths are the strike's toll,
        # not a killing of their own; they join the nearest event, whoever the syntax makes their agent.
        ordered = [t for t in ordered if t.kind not in OUTCOME_KINDS]
    else:
        outcomes = []
    for t in ordered:
        roles = _roles(view, sentence, t, mentions, victims)
        a1 = roles.actor1.actor_id if roles.actor1 is not None else None
        for key, members in groups:
            if a1 is None or key is None or key == a1:
                if _compatible(members[0], t):
                    members.append(t)
                    if key is None and a1 is not None:
                        groups[groups.index((key, members))] = (a1, members)
                    break
        else:
            groups.append((a1, [t]))
    for t in outcomes:
        violent = [m for _, m in groups if m[0].event_type not in DEMONSTRATION_TYPES]
        min(violent, key=lambda m: min(abs(t.start - x.start) for x in m)).append(t)
    return [members for _, members in groups]


def _compatible(a: Trigger, b: Trigger) -> bool:
    """Protests and armed violence reported in one sentence are different events."""
    demo = {"Protests", "Riots"}
    return (a.event_type in demo) == (b.event_type in demo)
