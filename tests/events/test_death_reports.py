"""A death reported with the strike it came from is that strike ("قتل ثلاثة مدنيين إثر قصف", "لقي
ثلاثة مدنيين حتفهم جراء قصف"), and an attack on a military post that wounds or kills is an event
("أصيب جندي في هجوم على حاجز للجيش"); talk of deaths and attacks that reports none is not.

The sentences are written for these tests."""

import pytest

import marsad
from marsad.events import triggers as T
from marsad.text import analyse

SHELLING = ("Explosions/Remote violence", "Shelling/artillery/missile attack")
AIR = ("Explosions/Remote violence", "Air/drone strike")
IED = ("Explosions/Remote violence", "Remote explosive/landmine/IED")
CLASH = ("Battles", "Armed clash")
VAC = ("Violence against civilians", "Attack")
UAG_SY, CIV_SY = "Unidentified Armed Group (Syria)", "Civilians (Syria)"
# An air strike attributed to nobody: the air force of its place (_air_power_for_unnamed_strikes).
SY_AIR = "Military Forces of Syria (2000-2024)"
UAG_EG, ARMY_EG = "Unidentified Armed Group (Egypt)", "Military Forces of Egypt (2014-)"
UAG_IQ = "Unidentified Armed Group (Iraq)"


def _events(text):
    return [(e.event_type, e.sub_event_type, e.actor1, e.actor2, e.location, e.fatalities)
            for e in marsad.extract(text, published="2019-03-07")]


def _scanned(text):
    v = analyse("t", text)
    return [(v.original(t.start, t.end), t.kind, t.reasons) for s in v.sentences for t in T.scan(v, s)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # A killing verb or noun before a word of cause: the cause is the strike being reported.
        ("قتل ثلاثة مدنيين إثر قصف مدفعي على بلدة كفرنبل.", (*SHELLING, UAG_SY, CIV_SY, "Kafranbel", 3)),
        ("قتل ثلاثة مدنيين بسبب قصف مدفعي على بلدة كفرنبل.", (*SHELLING, UAG_SY, CIV_SY, "Kafranbel", 3)),
        ("مقتل خمسة مدنيين بسبب قصف صاروخي على مدينة حلب.", (*SHELLING, UAG_SY, CIV_SY, "Aleppo", 5)),
        ("قتل أربعة أطفال إثر سقوط قذيفة هاون على حي في دمشق.", (*SHELLING, UAG_SY, CIV_SY, "Damascus", 4)),
        ("قتل طفلان جراء غارة جوية على مدينة إدلب.", (*AIR, SY_AIR, CIV_SY, "Idlib", 2)),
        # "لقي ... حتفه": the subject stands between the verb and its noun.
        ("لقي ثلاثة مدنيين حتفهم جراء قصف مدفعي على بلدة كفرنبل.",
         (*SHELLING, UAG_SY, CIV_SY, "Kafranbel", 3)),
        ("لقي ثلاثة مدنيين مصرعهم جراء قصف مدفعي على بلدة كفرنبل.",
         (*SHELLING, UAG_SY, CIV_SY, "Kafranbel", 3)),
        ("لقيت امرأة حتفها جراء غارة جوية على مدينة سراقب.", (*AIR, SY_AIR, CIV_SY, "Saraqib", 1)),
        ("لقي جنديان حتفهما في انفجار عبوة ناسفة بمدينة الموصل.",
         (*IED, UAG_IQ, "Military Forces of Iraq (2018-2020)", "Mosul", 2)),
        # An attack on a military post, with wounded or dead soldiers: a battle.
        ("أصيب جندي في هجوم على حاجز للجيش في مدينة العريش.", (*CLASH, UAG_EG, ARMY_EG, "Arish", 0)),
        ("قتل جنديان إثر هجوم على دورية للجيش قرب مدينة العريش.", (*CLASH, UAG_EG, ARMY_EG, "Arish", 2)),
        ("قتل جندي في هجوم على موقع عسكري قرب مدينة درعا.",
         (*CLASH, UAG_SY, "Military Forces of Syria (2000-2024)", "Dar'a", 1)),
        ("جرح شرطيان في هجوم على نقطة تفتيش في مدينة بعقوبة.",
         (*CLASH, UAG_IQ, "Police Forces of Iraq (2018-2020)", "Baqubah", 0)),
        # An attack word whose victims are civilians is violence against civilians, not a battle.
        ("قتل ثلاثة مدنيين في هجوم مسلح على بلدة كفرنبل.", (*VAC, UAG_SY, CIV_SY, "Kafranbel", 3)),
        ("أصيب ثلاثة مدنيين في هجوم مسلح على قرية في ريف إدلب.", (*VAC, UAG_SY, CIV_SY, "Idlib", 0)),
        ("هاجم مسلحون قرية في ريف إدلب وقتلوا ثلاثة مدنيين.", (*VAC, UAG_SY, CIV_SY, "Idlib", 3)),
    ],
)
def test_extract_death_by_strike_and_attack_on_post(text, expected):
    assert _events(text) == [expected]


@pytest.mark.parametrize(
    "text",
    [
        # Deaths that are not reported as an event of their own.
        "قال الرجل إن بعض جيرانه قتلوا جراء القصف.",
        "يتحدث التقرير عن عمليات خطف وقتل وزرع عبوات ناسفة في المدينة.",
        "نزح آلاف السكان بسبب القصف على بلدتهم.",
        "مات الشيخ حتف أنفه في منزله بمدينة حماة.",
        # Attacks in words, threatened, denied, planned or long past.
        "شن الوزير هجوما على الحكومة بسبب الأزمة.",
        "تعرض الوزير لهجوم حاد من النواب بسبب الموازنة.",
        "هدد التنظيم بشن هجوم على حواجز الجيش في العريش.",
        "نفى الجيش وقوع هجوم على حاجز في مدينة العريش.",
        "يخطط المسلحون لهجوم على دورية للشرطة في مدينة بعقوبة.",
        "أصيب جندي في هجوم على حاجز للجيش عام 2015.",
        # Wounded in an attack with no target named: too little to tell it from talk.
        "أصيب جندي في هجوم.",
    ],
)
def test_extract_death_and_attack_talk_is_no_event(text):
    assert _events(text) == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "قتل ثلاثة مدنيين إثر قصف مدفعي.",
            [("قتل", "killing", ("count", "lead", "co_trigger")),
             ("قصف مدفعي", "shelling", ("harm", "noun", "means", "co_trigger"))],
        ),
        (
            "لقي ثلاثة مدنيين حتفهم جراء قصف مدفعي.",
            [("حتفهم", "killing", ("harm", "noun", "harmed_by", "co_trigger")),
             ("قصف مدفعي", "shelling", ("harm", "outcome", "noun", "co_trigger"))],
        ),
        # The death word in a list of crimes reports nothing, so neither does it report the means.
        (
            "عمليات خطف وقتل وزرع عبوات ناسفة.",
            [("خطف", "kidnapping", ("generic", "noun", "co_trigger")),
             ("قتل", "killing", ()),
             ("عبوات ناسفة", "ied", ("noun", "plural", "co_trigger"))],
        ),
        (
            "أصيب جندي في هجوم على حاجز للجيش.",
            [("هجوم", "attack", ("harm", "outcome", "noun", "harmed_by", "target"))],
        ),
        # A target past a comma is not the attack's.
        (
            "أصيب جندي في هجوم، وقال إن الحواجز مغلقة.",
            [("هجوم", "attack", ("harm", "outcome", "noun"))],
        ),
    ],
)
def test_triggers_death_reports_its_means(text, expected):
    assert _scanned(text) == expected


def test_triggers_death_idiom_noun_in_lexicon():
    entries = {e.words: e.data for e in T.lexicon()}
    lex = entries[("حتف",)]
    assert (lex.kind, lex.aspect, lex.weight, lex.passive) == ("killing", "noun", 0.35, True)
