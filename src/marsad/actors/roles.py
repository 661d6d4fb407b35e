"""Who did what to whom: actor1, actor2 and their associates from Arabic syntax.

Each mention in the trigger's clause is first given a role from the words right before it
(data/role_cues.tsv): "من قبل X" / "برصاص X" / "كمين لـ X" mark an agent, "ضد X" / "مواقع X" /
"قتلى لـ X" / "مقتل عناصر من X" a target, "بالتنسيق مع X" an associate, "بين X و Y" both sides,
"مع X" the other side of a clash; a mention joined by و to the one before shares its role.
Unmarked mentions are then placed by word order: in the active voice the subject is the nearest
mention before the trigger (SVO) or, failing one, the first after it (VSO), the object the next
one after it; in the passive (or with a victim noun such as "مقتل") the nearest is the target.
Event types add their conventions: protesters are actor1 of a protest, civilians actor2 of
violence against civilians.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache

from marsad.text import Entry, Match, Matcher, Sentence, TextView

from .lexicon import read_tsv
from .naming import actor_inter
from .recognize import ActorMention

NONE = ""
# Not from the data: a mention after the preposition ل with no cue ("حالة استنفار لقوات قسد") is no
# verb's subject (a subject takes no preposition); it may still be the target.
OBLIQUE = "oblique"
AGENT, TARGET, OBJECT, ASSOC, ASSOC_OF = "agent", "target", "object", "assoc", "assoc_of"
BETWEEN, SECOND, OPPONENT, FILLER, COUNT, BLOCK, BARRIER = (
    "between", "second", "opponent", "filler", "count", "block", "barrier")
ROLES = frozenset({AGENT, TARGET, OBJECT, ASSOC, ASSOC_OF, BETWEEN, OPPONENT, FILLER, COUNT, BLOCK, BARRIER})
_MAX_FILLERS = 5
_OWNER_GAP = 1  # words between an actor and "التابع لـ" that attaches another to it ("... الأفغاني التابع")
# Sentence-internal punctuation that ends a clause.
_CLAUSE_PUNCT = re.compile("[;؛]")


@dataclass
class Roles:
    actor1: ActorMention | None = None
    actor2: ActorMention | None = None
    assoc_actor_1: list[ActorMention] = field(default_factory=list)
    assoc_actor_2: list[ActorMention] = field(default_factory=list)


@lru_cache(maxsize=1)
def _cue_matchers() -> tuple[Matcher, Matcher]:
    """(cues read before a mention, clause barriers)."""
    cues, barriers = [], []
    for _, r in read_tsv("role_cues.tsv"):
        words = r["cue"].split()
        # Inflections are read through for content words (نقاطا، هجوما، قتلاه), not particles.
        e = Entry.of(r["cue"], r["role"], suffix=len(words[-1]) >= 3 and r["role"] not in (BLOCK, BARRIER))
        (barriers if r["role"] == BARRIER else cues).append(e)
    return Matcher(cues), Matcher(barriers)


def cue_matcher() -> Matcher:
    return _cue_matchers()[0]


def barrier_matcher() -> Matcher:
    return _cue_matchers()[1]


class _CuesBefore:
    """The cue ending at a token, looked up on demand: only the few tokens left of each mention
    are ever asked about, so the whole sentence is not matched."""

    _LONGEST = 3  # words in the longest cue

    def __init__(self, toks: list, lo: int) -> None:
        self.toks, self.lo, self.memo = toks, lo, {}

    def ending_at(self, i: int) -> Match | None:
        if i not in self.memo:
            found = None
            for j in range(max(self.lo, i - self._LONGEST + 1), i + 1):
                found = next((m for m in cue_matcher().match_at(self.toks, j) if m.last - 1 == i), None)
                if found is not None:
                    break
            self.memo[i] = found
        return self.memo[i]


def _possessive(prefix: str) -> bool:
    """The mention carries the preposition ل ("لقسد", "وللحرس")."""
    if prefix.endswith("ال"):
        prefix = prefix[:-2]
    return "ل" in prefix


@dataclass
class _Marked:
    mention: ActorMention
    role: str
    cue: Match | None = None
    owner: ActorMention | None = None  # for assoc_of: the mention it is attached to
    joined: bool = False  # role shared with the mention before it through و


def _classify(m: ActorMention, lo_token: int, base: int, cues: _CuesBefore,
              mention_end: dict[int, _Marked]) -> _Marked:
    """The role of `m` from the words before it. Token indices are global; cue matches carry
    indices local to the sentence, which starts at global index `base`."""
    if m.hint == AGENT:  # "غارة جوية تركية": the strike noun before it makes it the agent
        return _Marked(m, AGENT)
    tokens = cues.toks
    poss = _possessive(m.prefix)
    conj = m.prefix.startswith("و")
    i, skipped = m.first - 1, 0
    while i >= lo_token:
        tok = tokens[i - base]
        if tok.text == "ل":  # "لـ" written apart: "نقاطا لـ"قسد""
            poss, i = True, i - 1
            continue
        if tok.text == "و":
            conj, i = True, i - 1
            continue
        if i in mention_end:
            prev = mention_end[i]
            if conj and prev.role not in (BLOCK, ASSOC_OF):
                return _Marked(m, SECOND if prev.role == BETWEEN else prev.role, prev.cue, joined=True)
            return _Marked(m, NONE)
        cue = cues.ending_at(i - base)
        if cue is None:
            return _Marked(m, OBLIQUE if poss else NONE)
        if cue.label in (FILLER, COUNT) and not poss and skipped < _MAX_FILLERS:
            skipped += 1
            conj = conj or cue.prefix.startswith("و")
            i = cue.first + base - 1
            continue
        if cue.label in (FILLER, COUNT):
            return _Marked(m, NONE)
        if cue.label == AGENT and _counted(tokens, cue.first, cues):
            return _Marked(m, NONE)
        if poss and cue.label not in (AGENT, TARGET, ASSOC_OF):
            return _Marked(m, NONE)
        return _Marked(m, cue.label, cue)
    return _Marked(m, NONE)


def _counted(tokens: list, first: int, cues: _CuesBefore) -> bool:
    """The cue starting at local token `first` is counted ("بأربع غارات", "بـ3 غارات"): an indefinite
    noun, in construct with no name after it."""
    if first == 0:
        return False
    before = cues.ending_at(first - 1)
    return tokens[first - 1].text.isdigit() or (before is not None and before.label == COUNT)


def _clause(view: TextView, sentence: Sentence, toks: list, t_start: int, t_end: int) -> tuple[int, int]:
    """Normalised bounds of the clause around the trigger."""
    lo, hi = sentence.start, sentence.end
    cuts = [c.start for c in barrier_matcher().find(toks)]
    cuts += [p.start() for p in _CLAUSE_PUNCT.finditer(view.norm, sentence.start, sentence.end)]
    for c in cuts:
        if c < t_start:
            lo = max(lo, c)
        elif c >= t_end:
            hi = min(hi, c)
    return lo, hi


def _distance(m: ActorMention, t_start: int, t_end: int) -> int:
    return t_start - m.end if m.end <= t_start else m.start - t_end


def assign_roles(view: TextView, sentence: Sentence, trigger_start: int, trigger_end: int,
                 mentions: list[ActorMention], passive: bool = False, event_type: str = "") -> Roles:
    """actor1, actor2 and associates of the event whose trigger spans
    [trigger_start, trigger_end) (normalised offsets) among `mentions` of `sentence`
    (from `find_actors`). `passive`: the trigger is a passive verb or a victim noun
    ("قُتل", "مقتل"), so an unmarked mention is its target. `event_type`: ACLED event type."""
    toks = view.tokens_of(sentence)
    if not toks or not mentions:
        return Roles()
    lo, hi = _clause(view, sentence, toks, trigger_start, trigger_end)
    base = toks[0].index
    lo_token = next((t.index for t in toks if t.start >= lo), toks[-1].index + 1)
    cues = _CuesBefore(toks, lo_token - base)
    in_clause = sorted((m for m in mentions if lo <= m.start and m.end <= hi
                        and (m.end <= trigger_start or m.start >= trigger_end)), key=lambda m: m.start)
    marked: list[_Marked] = []
    mention_end: dict[int, _Marked] = {}
    # "قصف مدفعي لقوات النظام": ل right after the event noun (and an adjective) marks its agent.
    after_trigger = next((t.index for t in toks if t.start >= trigger_end), toks[-1].index + 1)
    for m in in_clause:
        mk = _classify(m, lo_token, base, cues, mention_end)
        if mk.role == OBLIQUE and 0 <= m.first - after_trigger <= 1:
            mk.role = NONE
        if mk.role == ASSOC_OF and mk.cue is not None:
            owners = [x.mention for x in marked if x.mention.end <= mk.cue.start]
            mk.owner = owners[-1] if owners else None
            if mk.owner is None or mk.cue.first + base - mk.owner.last > _OWNER_GAP:
                # "مواقع لـ«مجلس منبج العسكري» التابع لـ«قسد»": what it is attached to is no actor
                # of the sentence; read by its place like any other mention.
                mk.role, mk.owner = NONE, None
        marked.append(mk)
        mention_end[m.last - 1] = mk
    return _resolve(marked, trigger_start, trigger_end, passive, event_type)


_ONE_SIDED = frozenset({"Strategic developments", "Violence against civilians"})


def _near(items: list[_Marked], t_start: int, t_end: int) -> list[ActorMention]:
    return [x.mention for x in sorted(items, key=lambda x: _distance(x.mention, t_start, t_end))]


def _resolve(marked: list[_Marked], t_start: int, t_end: int, passive: bool, event_type: str) -> Roles:
    marked = [x for x in marked if x.role != BLOCK]
    if event_type in _ONE_SIDED:
        # "مع X" is the other side of a fight or a clash with a crowd, not of a one-sided act: an arrest
        # or a killing "بتهمة التعامل مع التحالف" names no party by it.
        marked = [x for x in marked if x.role != OPPONENT]
    by_role: dict[str, list[_Marked]] = {}
    for x in marked:
        by_role.setdefault(x.role, []).append(x)
    unmarked = by_role.get(NONE, []) + by_role.get(OBLIQUE, [])
    oblique = {id(x.mention) for x in by_role.get(OBLIQUE, [])}
    # "استهدف تنظيم داعش نقاطا لقسد", "استهدف الجيش حزب الله": with no other agent and another
    # target or a mention after it, the mention after the targeting verb is its subject (VSO).
    for x in by_role.pop(OBJECT, []):
        others = [y for y in marked if y is not x]
        # Civilians before the trigger are its victims, never its agent (ACLED).
        has_agent = any(y.role == AGENT or (y.role == NONE and y.mention.end <= t_start
                                            and _inter(y.mention) != "Civilians") for y in others)
        has_object = any(y.role == TARGET or (y.role == NONE and y.mention.start >= x.mention.end)
                         for y in others)
        x.role = AGENT if has_object and not has_agent else TARGET
        by_role.setdefault(x.role, []).append(x)

    agents = _near(by_role.get(AGENT, []), t_start, t_end)
    targets = _near(by_role.get(TARGET, []), t_start, t_end)
    a1 = agents[0] if agents else None
    a2 = targets[0] if targets else None
    sides_a, sides_b = by_role.get(BETWEEN, []), by_role.get(SECOND, [])
    if sides_a and sides_b:
        a1 = a1 or sides_a[0].mention
        a2 = a2 or sides_b[0].mention
    opponents = _near(by_role.get(OPPONENT, []), t_start, t_end)
    if opponents:
        if a2 is None:
            a2 = opponents[0]
        elif a1 is None:  # "مقتل عناصر من X باشتباكات مع Y": X and Y are the two sides
            a1, a2 = a2, opponents[0]

    used = {id(m) for m in (a1, a2) if m is not None}
    free = [x.mention for x in unmarked if id(x.mention) not in used]
    before = sorted((m for m in free if m.end <= t_start), key=lambda m: -m.end)
    after = [m for m in free if m.start >= t_end]
    if passive:
        order = _near([x for x in unmarked if id(x.mention) not in used], t_start, t_end)
        if a2 is None and order:
            a2 = order.pop(0)
        if a1 is None and order:
            a1 = order.pop(0)
    else:
        order = before[:1] + after + before[1:]
        subjects = [m for m in order if id(m) not in oblique]
        if a1 is None and subjects:
            a1 = subjects[0]
            order.remove(a1)
        if a2 is None and order:
            a2 = order.pop(0)

    roles = Roles(a1, a2)
    _by_event_type(roles, marked, event_type)
    crowd_event = event_type in ("Protests", "Riots")
    if roles.actor1 is not None and not crowd_event and _inter(roles.actor1) == "Civilians":
        # ACLED: civilians never initiate political violence. Read first by word order, they are its
        # victims; the other side is its initiator ("استشهد طفلان بانفجار لغم زرعته ميليشيا الحوثي")
        # unless a cue made it the target ("أصيب ثلاثة مدنيين في هجوم على حاجز للجيش"): then the
        # initiator is left unnamed.
        target = next((x.role for x in marked if x.mention is roles.actor2), NONE) == TARGET
        other = roles.actor2
        if other is None or (not target and _inter(other) != "Civilians"):
            roles.actor1, roles.actor2 = other, roles.actor1
        else:
            roles.actor1 = None
    if roles.actor1 and roles.actor2 and roles.actor1.actor_id == roles.actor2.actor_id:
        roles.actor2 = None
    _associates(roles, marked)
    return roles


def _inter(m: ActorMention) -> str:
    return actor_inter(m.actor_id)


def _by_event_type(roles: Roles, marked: list[_Marked], event_type: str) -> None:
    if event_type in ("Protests", "Riots"):
        crowd = [x.mention for x in marked if _inter(x.mention) in ("Protesters", "Rioters")]
        police = [x.mention for x in marked
                  if _inter(x.mention) == "State forces" and x.role not in (TARGET, OBJECT)]
        roles.actor1 = crowd[0] if crowd else None
        roles.actor2 = police[0] if police else None
        # Parties and groups marching are associates of the protesters.
        roles.assoc_actor_1 = [x.mention for x in marked if x.mention is not roles.actor1
                               and x.mention is not roles.actor2 and x.role != TARGET
                               and _inter(x.mention) not in ("State forces", "Civilians")]
    elif event_type == "Violence against civilians":
        a1, a2 = roles.actor1, roles.actor2
        if a1 is not None and _inter(a1) == "Civilians" and (a2 is None or _inter(a2) != "Civilians"):
            roles.actor1, roles.actor2 = a2, a1
        if roles.actor2 is None or _inter(roles.actor2) != "Civilians":
            victims = [x.mention for x in marked if _inter(x.mention) == "Civilians"
                       and x.mention is not roles.actor1]
            if victims:
                roles.actor2 = victims[0]


def _add(lst: list[ActorMention], m: ActorMention, roles: Roles) -> None:
    taken = {x.actor_id for x in lst} | {x.actor_id for x in (roles.actor1, roles.actor2) if x}
    if m.actor_id not in taken:
        lst.append(m)


def _associates(roles: Roles, marked: list[_Marked]) -> None:
    a1, a2 = roles.actor1, roles.actor2
    assoc1, assoc2 = list(roles.assoc_actor_1), list(roles.assoc_actor_2)
    roles.assoc_actor_1, roles.assoc_actor_2 = [], []
    for m in assoc1:
        _add(roles.assoc_actor_1, m, roles)
    for m in assoc2:
        _add(roles.assoc_actor_2, m, roles)
    for x in marked:
        m = x.mention
        if m is a1 or m is a2:
            continue
        if x.role == ASSOC and a1 is not None:
            _add(roles.assoc_actor_1, m, roles)
        elif x.role == ASSOC_OF and x.owner is not None:
            if a1 is not None and x.owner.actor_id == a1.actor_id:
                _add(roles.assoc_actor_1, m, roles)
            elif a2 is not None and x.owner.actor_id == a2.actor_id:
                _add(roles.assoc_actor_2, m, roles)
        # Another agent or target is on the same side only when joined to it by و
        # ("من قبل قسد والتحالف"); elsewhere in the sentence it belongs to another event.
        elif x.role == AGENT and x.joined and a1 is not None:
            _add(roles.assoc_actor_1, m, roles)
        elif x.role == TARGET and x.joined and a2 is not None:
            _add(roles.assoc_actor_2, m, roles)
