"""VSO with an indefinite accusative object: the actor after an active verb is its subject, the
accusative noun the victim ("قتل مسلح مجهول متظاهرا"). Sentences written for these tests."""

import pytest

import marsad


@pytest.mark.parametrize(
    "text, actor1, actor2, event_type, sub_event_type, fatalities",
    [
        ("قتل مسلح مجهول متظاهرا في ساحة التحرير ببغداد.", "Unidentified Armed Group (Iraq)",
         "Protesters (Iraq)", "Violence against civilians", "Attack", 1),
        ("قتل متظاهر برصاص مسلحين مجهولين في بغداد.", "Unidentified Armed Group (Iraq)",
         "Protesters (Iraq)", "Violence against civilians", "Attack", 1),
        ("قتل مسلح مجهول متظاهرين اثنين في البصرة.", "Unidentified Armed Group (Iraq)",
         "Protesters (Iraq)", "Violence against civilians", "Attack", 2),
        ("قتل مسلحون مجهولون صحفيا في الموصل.", "Unidentified Armed Group (Iraq)",
         "Civilians (Iraq)", "Violence against civilians", "Attack", 1),
        ("قتل مسلحان مدنيا قرب كربلاء.", "Unidentified Armed Group (Iraq)",
         "Civilians (Iraq)", "Violence against civilians", "Attack", 1),
        ("قتلت قوات الأمن متظاهرين اثنين في بغداد.", "Protesters (Iraq)",
         "Police Forces of Iraq (2018-2020)", "Protests", "Excessive force against protesters", 2),
    ],
)
def test_extract_object_is_victim(text, actor1, actor2, event_type, sub_event_type, fatalities):
    (e,) = marsad.extract(text, published="2019-03-07")
    assert (e.actor1, e.actor2, e.event_type, e.sub_event_type, e.fatalities) == (
        actor1, actor2, event_type, sub_event_type, fatalities)


@pytest.mark.parametrize(
    "text, victim",
    [
        ("قتل مسلح مجهول متظاهرا في بغداد.", "متظاهرا"),
        ("قتل مسلح مجهول متظاهرين اثنين في بغداد.", "متظاهرين اثنين"),
        ("قتل مسلحون مجهولون صحفيا في الموصل.", "صحفيا"),
    ],
)
def test_extract_object_victim_evidence(text, victim):
    (e,) = marsad.extract(text, published="2019-03-07")
    assert [x.text for x in e.evidence if x.field == "fatalities"] == [victim]


LEAD = "ارتفعت أسعار الوقود في العراق بشكل كبير. وقالت الحكومة إن الدعم سيستمر. "


@pytest.mark.parametrize("lead", ["", LEAD])
def test_extract_object_is_victim_in_any_sentence(lead):
    # Token indices are global ids: the rule must hold in a later sentence as in the first.
    (e,) = marsad.extract(lead + "قتل مسلح مجهول متظاهرين اثنين في البصرة أمس.", published="2019-03-07")
    assert (e.actor1, e.actor2, e.event_type, e.fatalities, e.event_date) == (
        "Unidentified Armed Group (Iraq)", "Protesters (Iraq)", "Violence against civilians", 2, "2019-03-06")
    assert [ev.text for ev in e.evidence if ev.field == "fatalities"] == ["متظاهرين اثنين"]
