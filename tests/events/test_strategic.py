"""Strategic developments and abductions that real articles report: arrests in their idioms and
masdars, an armed group's detentions as abductions, and the talk about arrests that reports none."""

import pytest

import marsad

PUBLISHED = "2019-03-07"
POLICE = "Police Forces of Iraq (2018-2020)"


def _coded(text: str) -> list[tuple[str, str, str, str]]:
    return [(e.event_type, e.sub_event_type, e.actor1, e.actor2)
            for e in marsad.extract(text, published=PUBLISHED)]


@pytest.mark.parametrize("text", [
    # The idiom split by an adverb: ألقى ... القبض.
    "ألقت الشرطة، مساء أمس، القبض على ثلاثة مطلوبين في حي الكرادة ببغداد.",
    # A masdar an auxiliary or a light verb reports.
    "وتم اعتقال الناشط في حي الكرادة ببغداد أمس.",
    "وتحدث شهود عن قيام قوات الأمن بحملة مداهمات في حي الكرادة ببغداد أمس.",
    "اعتقلت قوات الأمن عشرين شخصا في الموصل أمس.",
])
def test_arrests_reported(text):
    assert _coded(text) == [("Strategic developments", "Arrests", POLICE, "Civilians (Iraq)")]


@pytest.mark.parametrize("text", [
    "أصدرت النيابة العامة مذكرة اعتقال بحق الوزير السابق في بغداد أمس.",  # a warrant
    "نفى الجيش اعتقال أي صحفي في الموصل أمس.",  # a denial
    "أصدرت النيابة أمرا بإلقاء القبض على الوزير في بغداد أمس.",  # an order
])
def test_talk_of_arrests_reports_none(text):
    assert _coded(text) == []


@pytest.mark.parametrize("text", [
    "اعتقل تنظيم داعش أربعة مدنيين في بلدة الشحيل بريف دير الزور أمس.",
    "قال ناشطون إن تنظيم الدولة اعتقل، أمس، أربعة مدنيين في بلدة الشحيل بريف دير الزور.",
])
def test_an_armed_groups_detentions_are_abductions(text):
    assert _coded(text) == [("Violence against civilians", "Abduction/forced disappearance",
                             "Islamic State (Syria)", "Civilians (Syria)")]


def test_a_group_named_after_the_arrest_is_not_its_author():
    # The prosecution arrested him; Hamas is what he is accused of funding (no abduction by Hamas).
    events = _coded("وكانت نيابة أمن الدولة قد اعتقلت الرجل في القاهرة أمس ووجهت له اتهامات بتمويل حماس.")
    assert [e[:2] for e in events] == [("Strategic developments", "Arrests")]


@pytest.mark.parametrize("text, expected", [
    # A place taken with no fight is a non-violent transfer of territory, not a battle.
    ("سيطرت قوات الجيش على مبنى المحافظة في وسط كركوك دون أي اشتباك أمس.",
     ("Strategic developments", "Non-violent transfer of territory")),
    # A ceasefire announced.
    ("أعلن قائد الفصيل أمس عن وقف فوري لإطلاق النار في طوزخورماتو.",
     ("Strategic developments", "Agreement")),
    # A demolition reported by its verb.
    ("هدمت الجرافات الإسرائيلية منزلا في بلدة نعلين غرب رام الله.",
     ("Strategic developments", "Looting/property destruction")),
    # A car bomb destroyed before it went off is a weapon's use disrupted.
    ("تمكنت قوات البيشمركة من تدمير خمس عجلات مفخخة تعود لتنظيم داعش في سنجار.",
     ("Strategic developments", "Disrupted weapons use")),
])
def test_strategic_developments_reported(text, expected):
    assert [e[:2] for e in _coded(text)] == [expected]


def test_a_place_taken_in_a_fight_stays_a_battle():
    events = _coded("سيطرت قوات الجيش على مبنى المحافظة في وسط كركوك بعد اشتباكات عنيفة أمس.")
    assert [e[0] for e in events] == ["Battles"]


def test_an_earlier_event_is_recalled_unless_earlier_today():
    # "في وقت سابق": an earlier event the sentence recalls, no report of its own.
    assert _coded("ورفضت الحكومة طلب اللجنة زيارة المنطقة حيث قتل في وقت سابق أربعة أشخاص في صدام "
                  "بين الشرطة ومتظاهرين.") == []
    # ... but "earlier yesterday" is as recent as the report.
    events = marsad.extract("وقالت الشرطة إن مسلحين خطفوا أربعة مهندسين في الموصل في وقت سابق من يوم أمس.",
                            published=PUBLISHED)
    assert [[x.text for x in e.evidence if x.field == "event" and x.text == "خطفوا"] for e in events] == [
        ["خطفوا"]]


def test_earlier_opening_a_sentence_is_the_same_days_news():
    assert [e[:2] for e in _coded("وفي وقت سابق، اعتقلت قوات الأمن عشرين شخصا في الموصل.")] == [
        ("Strategic developments", "Arrests")]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # "نتج عن" (resulted in) reports the act after it, as "أسفر عن" does.
        ("باشرت قوات الأمن عمليات أمنية في عدد من المناطق نتج عنها القبض على 88 متورطا أمس.", ["Arrests"]),
        ("شنت الشرطة حملة دهم نتج عنها اعتقال خمسة شبان في المدينة أمس.", ["Arrests"]),
        # A feared result reports nothing.
        ("يخشى الأهالي أن تنتج عن الأزمة حملة اعتقالات واسعة.", []),
    ],
)
def test_a_result_verb_reports_the_act_after_it(text, expected):
    assert [e.sub_event_type for e in marsad.extract(text, published="2021-03-10")] == expected
