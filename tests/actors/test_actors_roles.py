"""actor1 / actor2 / associates from Arabic syntax around a trigger."""

from __future__ import annotations

import pytest

from marsad.actors import assign_roles, find_actors
from marsad.text import analyse, normalize_word


def _roles(text: str, trigger: str, passive: bool = False, event_type: str = "") -> tuple:
    v = analyse("t", text)
    s = v.sentences[0]
    t = normalize_word(trigger)
    start = v.norm.index(t)
    r = assign_roles(v, s, start, start + len(t), find_actors(v, s), passive, event_type)

    def surface(m):
        return v.original(m.start, m.end) if m else None

    return (surface(r.actor1), surface(r.actor2), [surface(m) for m in r.assoc_actor_1],
            [surface(m) for m in r.assoc_actor_2])


@pytest.mark.parametrize("text, trigger, passive, event_type, expected", [
    # Active voice: SVO and VSO.
    ("قسد تستهدف الجيش السوري", "تستهدف", False, "", ("قسد", "الجيش السوري", [], [])),
    ("قصف الجيش التركي مواقع لحزب العمال الكردستاني", "قصف", False, "",
     ("الجيش التركي", "حزب العمال الكردستاني", [], [])),
    ("أعدم تنظيم داعش خمسة مدنيين في الرقة", "أعدم", False, "Violence against civilians",
     ("تنظيم داعش", "مدنيين", [], [])),
    ("اعتقلت قوات الأمن عشرة متظاهرين في بغداد", "اعتقلت", False, "",
     ("قوات الأمن", "متظاهرين", [], [])),
    ("شن الحوثيون هجوما على مواقع القوات الحكومية في تعز", "هجوما", False, "",
     ("الحوثيون", "القوات الحكومية", [], [])),
    # Passive and agent markers.
    ("قتل خمسة مدنيين برصاص مسلحين مجهولين في درعا", "قتل", True, "Violence against civilians",
     ("مسلحين مجهولين", "مدنيين", [], [])),
    ("قتل جندي من الجيش العراقي على يد عناصر داعش", "قتل", True, "",
     ("داعش", "الجيش العراقي", [], [])),
    ("قصفت مواقع المعارضة من قبل الطيران الروسي", "قصفت", True, "",
     ("الطيران الروسي", None, [], [])),
    ("قتل ثلاثة جنود من الجيش العراقي في هجوم شنه مسلحو داعش", "قتل", True, "",
     ("داعش", "الجيش العراقي", [], [])),
    # استهدف: object is the target unless the verb has no other subject.
    ("استهدف تنظيم داعش نقاطا لقسد", "استهدف", False, "", ("تنظيم داعش", "قسد", [], [])),
    ("استهدفت طائرات التحالف مواقع داعش", "استهدفت", False, "", ("طائرات التحالف", "داعش", [], [])),
    ("استهدف الجيش اللبناني حزب الله", "استهدف", False, "", ("الجيش اللبناني", "حزب الله", [], [])),
    # بين X و Y
    ("اندلعت اشتباكات عنيفة بين قوات النظام وفصائل المعارضة في ريف حماة", "اشتباكات", False, "Battles",
     ("قوات النظام", "فصائل المعارضة", [], [])),
    ("اشتباكات بين الحوثيين والمقاومة الشعبية", "اشتباكات", False, "Battles",
     ("الحوثيين", "المقاومة الشعبية", [], [])),
    # لـ: possession after an action noun (initiator) or a target noun (victim).
    ("قتل أكثر من 20 عنصرا من قسد في كمين لتنظيم داعش", "كمين", False, "Battles",
     ("تنظيم داعش", "قسد", [], [])),
    ("قتلى لقسد وللفاطميين", "قتلى", True, "", (None, "قسد", [], ["للفاطميين"])),
    ("قصف مدفعي لقوات النظام على مواقع جبهة النصرة", "قصف", False, "",
     ("قوات النظام", "جبهة النصرة", [], [])),
    # ضد
    ("بدأت قوات التحالف الدولي بشن هجوم ضد تنظيم داعش بالتنسيق مع ميليشيا قسد والميليشيات الشيعية",
     "هجوم", False, "Battles",
     ("قوات التحالف الدولي", "تنظيم داعش", ["ميليشيا قسد", "الميليشيات الشيعية"], [])),
    # مقتل عناصر من X ... مع Y
    ("مقتل عدد من عناصر لواء فاطميون التابع للحرس الثوري الإيراني باشتباكات مع تنظيم داعش",
     "اشتباكات", False, "Battles",
     ("لواء فاطميون", "تنظيم داعش", ["للحرس الثوري الإيراني"], [])),
    ("مقتل عناصر من الحشد الشعبي بهجوم لداعش", "هجوم", False, "", ("داعش", "الحشد الشعبي", [], [])),
    # Associates.
    ("هاجمت قوات سوريا الديمقراطية البلدة بدعم من التحالف الدولي", "هاجمت", False, "",
     ("قوات سوريا الديمقراطية", None, ["التحالف الدولي"], [])),
    ("سيطرت قسد على البلدة بمشاركة قوات فرنسية", "سيطرت", False, "",
     ("قسد", None, ["قوات فرنسية"], [])),
    ("قصفت القوات التركية مواقع قسد والوحدات الكردية", "قصفت", False, "",
     ("القوات التركية", "قسد", [], ["الوحدات الكردية"])),
    # Clauses: another event after a barrier is not this one's.
    ("قصف من قبل طائرات التحالف بالتزامن مع قصف من قبل قسد", "قصف", False, "",
     ("طائرات التحالف", None, [], [])),
    ("قتل مدنيان في غارة للطيران الروسي، فيما قصفت فصائل المعارضة مواقع النظام السوري", "غارة",
     False, "Explosions/Remote violence", ("للطيران الروسي", "مدنيان", [], [])),  # "لل" keeps its article
    # A source or a place is not a party.
    ("قال المتحدث باسم قسد إن طائرات التحالف قصفت مواقع داعش", "قصفت", False, "",
     ("طائرات التحالف", "داعش", [], [])),
    # Protests: protesters first, the police that intervene second.
    ("تظاهر مئات المحتجين أمام البرلمان وفرقت الشرطة المتظاهرين", "تظاهر", False, "Protests",
     ("المحتجين", "الشرطة", [], [])),
    ("تظاهر أنصار حزب الله ضد إسرائيل", "تظاهر", False, "Protests", (None, None, ["حزب الله"], [])),
    ("اعتدى مشاغبون على المحلات", "اعتدى", False, "Riots", ("مشاغبون", None, [], [])),
    # Violence against civilians: civilians are the target even as grammatical subject.
    ("مدنيون قتلهم مسلحون مجهولون", "قتلهم", False, "Violence against civilians",
     ("مسلحون مجهولون", "مدنيون", [], [])),
    # The same actor on both sides is one actor.
    ("قصف داعش مواقع داعش", "قصف", False, "", ("داعش", None, [], [])),
])
def test_roles_from_syntax(text: str, trigger: str, passive: bool, event_type: str, expected: tuple) -> None:
    assert _roles(text, trigger, passive, event_type) == expected


def test_roles_without_mentions_are_empty() -> None:
    v = analyse("t", "قصف عنيف على المدينة")
    r = assign_roles(v, v.sentences[0], 0, 3, [], False, "")
    assert (r.actor1, r.actor2, r.assoc_actor_1, r.assoc_actor_2) == (None, None, [], [])


@pytest.mark.parametrize("text, trigger, passive, event_type, expected", [
    # Civilians read first by word order are the victims: the other side is the initiator...
    ("استشهد طفلان بانفجار لغم زرعته ميليشيا الحوثي", "بانفجار", False, "Explosions/Remote violence",
     ("ميليشيا الحوثي", "طفلان", [], [])),
    ("قتل مدنيون في قصف شنه الجيش", "قصف", False, "Explosions/Remote violence",
     ("الجيش", "مدنيون", [], [])),
    # ... unless a cue made it the target: then the initiator is not named.
    ("أصيب ثلاثة مدنيين في هجوم على حاجز للجيش", "هجوم", False, "Battles", (None, "للجيش", [], [])),
    ("قتل مدنيان في هجوم على مقر لقسد", "هجوم", False, "Battles", (None, "قسد", [], [])),
    # Alone, they are the target.
    ("أصيب مدنيان في قصف على البلدة", "قصف", False, "Explosions/Remote violence", (None, "مدنيان", [], [])),
    # Crowds still lead protests and riots.
    ("تظاهر المواطنون أمام مقر الحكومة", "تظاهر", False, "Protests", (None, None, [], [])),
])
def test_roles_civilians_never_initiate_violence(text: str, trigger: str, passive: bool, event_type: str,
                                                 expected: tuple) -> None:
    assert _roles(text, trigger, passive, event_type) == expected


@pytest.mark.parametrize("text, trigger, passive, event_type, expected", [
    # A nationality after a strike noun is its agent, whatever the word order around it.
    ("قتل ثلاثة من مسلحي قسد جراء غارة جوية تركية على سيارتهم", "غارة", False, "",
     ("تركية", "قسد", [], [])),
    ("وتواصل القصف الروسي على ريف إدلب", "القصف", False, "", ("الروسي", None, [], [])),
    # A name after the preposition ل with no cue is no subject ...
    ("وقع انفجار عنيف وسط حالة استنفار لقوات قسد", "انفجار", False, "", (None, "قوات قسد", [], [])),
    # ... except right after the event noun, where ل marks its agent.
    ("قصف مدفعي لقوات النظام على البلدة", "قصف", False, "", ("قوات النظام", None, [], [])),
    ("هجوم انتحاري لداعش على الحاجز", "هجوم", False, "", ("داعش", None, [], [])),
])
def test_roles_strike_adjective_and_oblique_mentions(text: str, trigger: str, passive: bool, event_type: str,
                                                     expected: tuple) -> None:
    assert _roles(text, trigger, passive, event_type) == expected


@pytest.mark.parametrize("text, trigger, passive, event_type, expected", [
    # "التابع لـ X" attaches X to the actor right before it ...
    ("هاجم لواء فاطميون التابع للحرس الثوري مواقع داعش", "هاجم", False, "",
     ("لواء فاطميون", "داعش", ["للحرس الثوري"], [])),  # "للحرس": the span keeps its article
    # ... but what it attaches X to here is no actor: X is read by its place (the target).
    ('استهدف الجيش الوطني مواقع لـ"مجلس منبج العسكري" التابع لـ"قسد"', "استهدف", False, "",
     ("الجيش الوطني", "قسد", [], [])),
])
def test_roles_attached_actor_needs_its_owner_next_to_it(text: str, trigger: str, passive: bool,
                                                         event_type: str, expected: tuple) -> None:
    assert _roles(text, trigger, passive, event_type) == expected


@pytest.mark.parametrize("text, trigger, passive, event_type, expected", [
    # A counted strike noun is indefinite: the name after it is the verb's object, not its agent.
    ("استهدفت قوات النظام بأربع غارات مواقع قسد", "غارات", False, "", ("قوات النظام", "قسد", [], [])),
    ("قصفت الطائرات التركية بـ3 غارات مواقع قسد", "غارات", False, "", ("الطائرات التركية", "قسد", [], [])),
    # Not counted, the strike noun's genitive is its agent.
    ("قتل مدنيان في غارات الطيران الروسي", "غارات", False, "", ("الطيران الروسي", "مدنيان", [], [])),
])
def test_roles_counted_strike_noun_has_no_agent_after_it(text: str, trigger: str, passive: bool,
                                                         event_type: str, expected: tuple) -> None:
    assert _roles(text, trigger, passive, event_type) == expected


def test_roles_participation_of_a_force_is_no_oblique() -> None:
    # "مشاركة لـ X": X takes part; the cue keeps it a party, unlike a bare "ل" with no cue.
    assert _roles("سجلت مشاركة لقوات المارينز في معارك هجين", "معارك") == ("قوات المارينز", None, [], [])


@pytest.mark.parametrize("text, trigger, expected", [
    # "استهداف X" is the targeting by X when the civilians named before it are its victims ...
    ("وكان قتيلان وعدة جرحى من المدنيين سقطوا جراء استهداف قوات الأسد قرية المكرمية", "استهداف",
     ("قوات الأسد", "المدنيين", [], [])),
    # ... and of X when an agent is named.
    ("أعلن الجيش استهداف مواقع داعش", "استهداف", ("الجيش", "داعش", [], [])),
    ("نفذ داعش هجوما أسفر عن استهداف الجيش", "استهداف", ("داعش", "الجيش", [], [])),
])
def test_roles_targeting_masdar_reads_its_genitive_by_the_other_parties(text: str, trigger: str,
                                                                         expected: tuple) -> None:
    assert _roles(text, trigger) == expected


@pytest.mark.parametrize("text, trigger, passive, event_type, expected", [
    # "مع X" names no party of a one-sided act: the charge, not a side.
    ("اعتقل تنظيم داعش أربعة مدنيين بتهمة التعامل مع التحالف الدولي", "اعتقل", False,
     "Strategic developments", ("تنظيم داعش", "مدنيين", [], [])),
    ("أعدم تنظيم داعش شابا بتهمة التواصل مع قسد", "أعدم", False, "Violence against civilians",
     ("تنظيم داعش", None, [], [])),
    # It is the other side of a fight and of a clash with a crowd.
    ("قتل ثلاثة عناصر من الجيش في اشتباكات مع تنظيم داعش", "اشتباكات", False, "Battles",
     ("الجيش", "تنظيم داعش", [], [])),
    ("رشق المتظاهرون الحجارة في مواجهات مع الشرطة", "مواجهات", False, "Riots",
     ("المتظاهرون", "الشرطة", [], [])),
])
def test_roles_with_is_a_side_of_fights_only(text: str, trigger: str, passive: bool, event_type: str,
                                            expected: tuple) -> None:
    assert _roles(text, trigger, passive, event_type) == expected


@pytest.mark.parametrize("text, trigger, passive, event_type, expected", [
    # A force's headquarters is a place or a target, not the force acting: "مقر قيادة X" reads through
    # قيادة to مقر.
    ("فرقت قوات الأمن المعتصمين أمام مقر قيادة الجيش", "فرقت", False, "Protests",
     ("المعتصمين", "قوات الأمن", [], [])),
    ("هاجم مسلحون مقر قيادة الشرطة في المدينة", "هاجم", False, "Battles", ("مسلحون", "الشرطة", [], [])),
    ("اعتصم المتظاهرون أمام مقر قيادة الجيش", "اعتصم", False, "Protests", ("المتظاهرون", None, [], [])),
])
def test_roles_headquarters_of_a_force(text: str, trigger: str, passive: bool, event_type: str,
                                       expected: tuple) -> None:
    assert _roles(text, trigger, passive, event_type) == expected
