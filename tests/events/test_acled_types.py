"""The typing table (events/acled_types.py, data/acled_types.tsv): each decision on kinds and inter codes."""

from dataclasses import replace

import pytest

from marsad.events import acled_types as A
from marsad.events import triggers as T
from marsad.events.taxonomy import EVENT_TYPE_OF
from marsad.events.triggers import Trigger
from marsad.text import analyse


def _decided(stage, facts, inter1, inter2, **kw):
    d = A.decide(stage, facts, inter1, inter2, **kw)
    return None if d is None else (d.sub_event_type, d.swap, d.rioters)


@pytest.mark.parametrize("facts, inter1, subject, expected", [
    # Rioters fight no battle: their attack is a violent demonstration.
    (("attack", "Battles", "Armed clash"), "Rioters", True, ("Violent demonstration", False, True)),
    # ... but a place they took is still a takeover.
    (("territory_taken", "Battles", "Non-state actor overtakes territory"), "Rioters", True, None),
    # A riot's demonstrators are coded as rioters; the type stays.
    (("riot", "Riots", "Violent demonstration"), "Protesters", True, (None, False, True)),
    # An armed group's arrests, named as their subject, are abductions; a state's stay arrests.
    (("arrest", "Strategic developments", "Arrests"), "Rebel group", True,
     ("Abduction/forced disappearance", False, False)),
    (("arrest", "Strategic developments", "Arrests"), "Political militia", False, None),
    (("arrest", "Strategic developments", "Arrests"), "State forces", True, None),
])
def test_acled_types_initiator(facts, inter1, subject, expected):
    assert _decided("initiator", facts, inter1, "Civilians", subject=subject) == expected


@pytest.mark.parametrize("facts, inter2, lethal, expected", [
    # State force on protesters: excessive force when lethal, else an intervention; protesters first.
    (("shooting", "Violence against civilians", "Attack"), "Protesters", True,
     ("Excessive force against protesters", True, False)),
    (("attack", "Battles", "Armed clash"), "Protesters", False, ("Protest with intervention", True, False)),
    # On rioters: their violent demonstration.
    (("attack", "Battles", "Armed clash"), "Rioters", False, ("Violent demonstration", True, False)),
    # On civilians: violence against civilians, even after a clash word.
    (("attack", "Battles", "Armed clash"), "Civilians", False, ("Attack", False, False)),
    (("clash", "Battles", "Armed clash"), "Civilians", False, ("Attack", False, False)),
    # A clash with protesters or an armed side is kept as coded.
    (("clash", "Battles", "Armed clash"), "Protesters", True, (None, False, False)),
    (("clash", "Battles", "Armed clash"), "Rebel group", False, (None, False, False)),
    # Not force (an air strike, an arrest): no decision.
    (("airstrike", "Explosions/Remote violence", "Air/drone strike"), "Civilians", True, None),
    (("arrest", "Strategic developments", "Arrests"), "Protesters", False, None),
])
def test_acled_types_sides_of_state_force(facts, inter2, lethal, expected):
    assert _decided("sides", facts, "State forces", inter2, lethal=lethal) == expected


@pytest.mark.parametrize("inter1", ["Rebel group", "Unidentified armed group", ""])
def test_acled_types_sides_only_state_force(inter1):
    facts = ("shooting", "Violence against civilians", "Attack")
    assert _decided("sides", facts, inter1, "Protesters") is None


@pytest.mark.parametrize("lethal, sub", [
    (True, "Excessive force against protesters"), (False, "Protest with intervention")])
def test_acled_types_fold(lethal, sub):
    assert _decided("fold", (), "Protesters", "State forces", lethal=lethal) == (sub, False, False)


@pytest.mark.parametrize("kind, event_type, sub, coded, inter1, inter2, gov, expected", [
    # Violence against civilians on an armed side is an armed clash.
    ("killing", "Violence against civilians", "Attack", None, "Rebel group", "State forces", False,
     ("Battles", "Armed clash")),
    ("killing", "Violence against civilians", "Attack", None, "", "Rebel group", False,
     ("Battles", "Armed clash")),
    # ... on civilians it stays.
    ("killing", "Violence against civilians", "Attack", None, "Rebel group", "Civilians", False,
     ("Violence against civilians", "Attack")),
    # An armed side's attack word on civilians is violence against civilians; an unnamed one's is not.
    ("attack", "Battles", "Armed clash", None, "Identity militia", "Civilians", False,
     ("Violence against civilians", "Attack")),
    ("attack", "Battles", "Armed clash", None, "", "Civilians", False, ("Battles", "Armed clash")),
    ("clash", "Battles", "Armed clash", None, "Rebel group", "Civilians", False, ("Battles", "Armed clash")),
    # A takeover by the government's side is regained, by others overtaken.
    ("territory_taken", "Battles", "Non-state actor overtakes territory", None, "State forces", "Rebel group",
     True, ("Battles", "Government regains territory")),
    ("territory_taken", "Battles", "Non-state actor overtakes territory", None, "Rebel group", "State forces",
     False, ("Battles", "Non-state actor overtakes territory")),
    # The sub-type coding decided brings its type.
    ("shooting", "Violence against civilians", "Attack", "Excessive force against protesters", "Protesters",
     "State forces", False, ("Protests", "Excessive force against protesters")),
    ("arrest", "Strategic developments", "Arrests", "Abduction/forced disappearance", "Rebel group",
     "Civilians", False, ("Violence against civilians", "Abduction/forced disappearance")),
])
def test_acled_types_final_type(kind, event_type, sub, coded, inter1, inter2, gov, expected):
    assert A.final_type(kind, event_type, sub, coded, inter1, inter2, gov) == expected


@pytest.mark.parametrize("kinds_used, fatalities, lethal", [
    (["shooting"], 0, True), (["protest_intervention", "killing"], 0, True), (["attack"], 2, True),
    (["attack", "protest_intervention"], 0, False), ([], 0, False)])
def test_acled_types_lethal_force(kinds_used, fatalities, lethal):
    assert A.lethal_force(kinds_used, fatalities) is lethal


def _trigger(kind, confidence=0.8, start=0):
    k = A.kinds()[kind]
    return Trigger(start, start + 3, k.event_type, k.sub_event_type, kind, confidence)


def test_acled_types_choose_and_retype():
    # A suicide bomb beats the explosion it was, an air strike the shelling; ties: more confident, first.
    assert A.choose([_trigger("explosion"), _trigger("suicide_attack", 0.6, 10)]).kind == "suicide_attack"
    assert A.choose([_trigger("shelling"), _trigger("airstrike", 0.5, 9)]).kind == "airstrike"
    assert A.choose([_trigger("clash", 0.6), _trigger("clash", 0.9, 5)]).start == 5
    t = A.retype(_trigger("attack"), "excessive_force")
    assert (t.kind, t.event_type, t.sub_event_type) == (
        "excessive_force", "Protests", "Excessive force against protesters")


def test_acled_types_table_valid():
    subs = set(EVENT_TYPE_OF) | {None}
    stages = {"initiator", "sides", "fold", "final"}
    for rule in A.rules():
        assert rule.stage in stages and rule.sub in subs and rule.lethal_sub in subs
        assert rule.then <= {"swap", "rioters", "subject"}
        for inter in (rule.inter1, rule.inter2):
            name = inter.removeprefix("!")
            assert name == "*" or not name.startswith("@") or name[1:] in A.groups()
    assert A.groups()["lethal"] <= set(A.kinds())


@pytest.mark.parametrize("stage, kind, contexts, new", [
    # The first row of the kind whose context holds decides, in the table's order.
    ("means", "attack", {"protesters_attack", "protesters_after"}, "riot"),
    ("means", "attack", {"protesters_after"}, "excessive_force"),
    ("means", "attack", {"aircraft_subject"}, "airstrike"),
    ("means", "clash", {"protesters_near"}, "riot"),
    ("means", "riot", {"tyres_burnt"}, "protest"),
    ("means", "territory_taken", {"unopposed"}, "transfer"),
    ("means", "missile", {"defused", "aircraft_near"}, "disrupted"),
    ("means", "missile", {"aircraft_near"}, "airstrike"),
    # A context that retypes other kinds only.
    ("means", "clash", {"aircraft_near", "unopposed", "protesters_after"}, None),
    ("means", "killing", set(), None),
    ("gathering", "shooting", {"on_gathering"}, "excessive_force"),
    ("gathering", "protest_intervention", {"on_gathering"}, "protest_intervention"),
    ("gathering", "clash", {"on_gathering"}, None),
    ("construction", "shelling", {"air_subject"}, "airstrike"),
    ("construction", "kidnapping", {"air_subject"}, None),
])
def test_acled_types_in_context(stage, kind, contexts, new):
    assert A.in_context(stage, kind, contexts.__contains__) == new


def test_acled_types_in_context_reads_only_the_kinds_rows():
    asked = []
    A.in_context("means", "territory_taken", lambda c: asked.append(c) or False)
    assert asked == ["unopposed"]


def _retyped(text, base):
    """The kind the first trigger of the lexicon's kind `base` was retyped to by its context."""
    v = analyse("t", text)
    return next(t.kind for s in v.sentences for t in T.scan(v, s) if t.base == base)


@pytest.mark.parametrize("text, base, kind", [
    # Aircraft with shelling make an air strike; artillery leaves it shelling.
    ("قصفت الطائرات الحربية البلدة فجر أمس.", "shelling", "airstrike"),
    ("قصفت المدفعية البلدة فجر أمس.", "shelling", "shelling"),
    # A defused bomb is a disrupted weapons use; one that went off stays a bomb.
    ("فكك خبراء المتفجرات عبوة ناسفة قرب السوق صباح أمس.", "ied", "disrupted"),
    ("انفجرت عبوة ناسفة قرب السوق صباح أمس.", "ied", "ied"),
    # A place taken unopposed is a transfer; after clashes, a takeover.
    ("سيطرت قوات الأمن على مبنى البلدية دون أي اشتباك أمس.", "territory_taken", "transfer"),
    ("سيطرت قوات الأمن على مبنى البلدية أمس بعد اشتباكات عنيفة.", "territory_taken", "territory_taken"),
    # Protesters: killing them is excessive force, their clash or looting a riot, burning tyres a protest.
    ("قتل الجنود خمسة متظاهرين أمس.", "killing", "excessive_force"),
    ("قتلت قوات الأمن ثلاثة مسلحين أمس وسط المدينة.", "killing", "killing"),
    ("اشتبك محتجون مع الشرطة أمس في وسط المدينة.", "clash", "riot"),
    ("اشتبك مسلحون مع الشرطة أمس في وسط المدينة.", "clash", "clash"),
    ("نهب محتجون غاضبون المحلات التجارية أمس في وسط المدينة.", "looting", "riot"),
    ("نهب مسلحون المحلات التجارية أمس في وسط المدينة.", "looting", "looting"),
    ("أحرق المحتجون الإطارات أمس في الشارع الرئيسي.", "riot", "protest"),
    ("أحرق المحتجون مقر الحزب أمس.", "riot", "riot"),
    # Force on a march: excessive force; on a checkpoint, an attack.
    ("هاجمت قوات الأمن مسيرة سلمية أمس في العاصمة.", "attack", "excessive_force"),
    ("هاجمت قوات الأمن حاجزا للمسلحين أمس في العاصمة.", "attack", "attack"),
    # Aircraft as the subject: an air strike; the army's targeting stays an attack.
    ("قام طيران التحالف باستهداف مواقع المسلحين أمس.", "attack", "airstrike"),
    ("قام الجيش باستهداف مواقع المسلحين أمس.", "attack", "attack"),
    ("استهدف طيران التحالف مواقع المسلحين أمس.", "attack", "airstrike"),
    ("استهدف الجيش مواقع المسلحين أمس.", "attack", "attack"),
])
def test_acled_types_context_in_sentences(text, base, kind):
    assert _retyped(text, base) == kind


def test_acled_types_context_table_valid():
    for stage, row_kinds, context, new in A.context_rules():
        assert stage in {"means", "gathering", "construction"}
        assert row_kinds <= set(A.kinds()) and new in A.kinds() and context in T.CONTEXTS
    assert {c for *_, c, _ in A.context_rules()} == set(T.CONTEXTS)


@pytest.mark.parametrize("kind, base, expected", [
    # Force the context made excessive force is the killing it is when no protest is asserted.
    ("excessive_force", "killing", ("killing", "Violence against civilians")),
    ("riot", "attack", ("attack", "Battles")),
    # A demonstration word asserts no demonstration here: no event.
    ("protest_intervention", "protest_intervention", None),
    ("riot", "riot", None),
    # Anything else is kept.
    ("airstrike", "shelling", ("airstrike", "Explosions/Remote violence")),
])
def test_acled_types_unasserted_demonstration(kind, base, expected):
    t = A.unasserted_demonstration(replace(_trigger(kind), base=base))
    assert (None if t is None else (t.kind, t.event_type)) == expected
