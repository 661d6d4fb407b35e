"""Violence typed by who is on each side: state force against protesters is a protest event, never a
battle; a territory word inside a place name ("ساحة التحرير") takes no territory."""

import pytest

import marsad

PUBLISHED = "2019-03-07"
POLICE = "Police Forces of Iraq (2018-2020)"
ARMY = "Military Forces of Iraq (2018-2020)"
PROTESTERS = "Protesters (Iraq)"
GUNMEN = "Unidentified Armed Group (Iraq)"


@pytest.mark.parametrize("text, expected", [
    # Lethal force: excessive force, the protesters as actor1, the force as actor2, the toll kept.
    ("قتل ثلاثة متظاهرين برصاص قوات الأمن في ساحة التحرير ببغداد.",
     ("Protests", "Excessive force against protesters", PROTESTERS, POLICE, 3)),
    ("قتلت الشرطة خمسة محتجين في البصرة أمس.",
     ("Protests", "Excessive force against protesters", PROTESTERS, POLICE, 5)),
    ("أطلقت قوات الأمن النار على المتظاهرين في ساحة التحرير ببغداد وقتلت اثنين منهم.",
     ("Protests", "Excessive force against protesters", PROTESTERS, POLICE, 2)),
    # Force with no death and no lethal means: protest with intervention.
    ("هاجمت قوات الأمن المتظاهرين في ساحة التحرير ببغداد.",
     ("Protests", "Protest with intervention", PROTESTERS, POLICE, 0)),
    ("هاجم الجيش العراقي المحتجين في الناصرية.",
     ("Protests", "Protest with intervention", PROTESTERS, ARMY, 0)),
    # Negatives: a real clash between the army and an armed group stays a battle.
    ("اشتبك الجيش العراقي مع مسلحي داعش في الموصل وقتل عشرة منهم.",
     ("Battles", "Armed clash", ARMY, "Islamic State (Iraq)", 10)),
    ("اقتحم الجيش العراقي قرية في الموصل واشتبك مع مسلحي داعش.",
     ("Battles", "Armed clash", ARMY, "Islamic State (Iraq)", 0)),
    # A protester shot by unidentified gunmen: not the state's force on a protest; violence against
    # an unarmed person (ACLED-CODING.md: attacks by armed actors on unarmed people).
    ("قتل متظاهر برصاص مسلحين مجهولين في الناصرية.",
     ("Violence against civilians", "Attack", GUNMEN, PROTESTERS, 1)),
    # Territory really taken stays a takeover, even of a square.
    ("سيطرت قوات الأمن على ساحة التحرير في بغداد بعد معارك مع مسلحين.",
     ("Battles", "Government regains territory", POLICE, GUNMEN, 0)),
])
def test_force_against_protesters_typed_by_sides(text, expected):
    events = marsad.extract(text, published=PUBLISHED)
    assert len(events) == 1, [e.to_dict() for e in events]
    e = events[0]
    assert (e.event_type, e.sub_event_type, e.actor1, e.actor2, e.fatalities) == expected


def test_force_against_protesters_evidence_follows_the_swapped_sides():
    e = marsad.extract("هاجمت قوات الأمن المتظاهرين في ساحة التحرير ببغداد.", published=PUBLISHED)[0]
    assert [x.text for x in e.evidence if x.field == "actor1"] == ["المتظاهرين"]
    assert [x.text for x in e.evidence if x.field == "actor2"] == ["قوات الأمن"]
    assert (e.inter1, e.inter2, e.disorder_type) == ("Protesters", "State forces", "Demonstrations")


@pytest.mark.parametrize("text", [
    "قتل ثلاثة متظاهرين في ساحة التحرير ببغداد.",
    "قتل جندي في هجوم قرب ميدان التحرير في الموصل.",
    "أصيب شرطيان في انفجار عبوة ناسفة في شارع التحرير ببغداد.",
])
def test_force_against_protesters_no_territory_from_a_place_name(text):
    subs = {e.sub_event_type for e in marsad.extract(text, published=PUBLISHED)}
    assert subs and not subs & {"Government regains territory", "Non-state actor overtakes territory"}, subs
