"""Death tolls as ACLED codes them: figures given, approximations, number morphology, vague plurals."""

from __future__ import annotations

import pytest

import marsad
from marsad.events.fatalities import find_fatalities, total_fatalities
from marsad.events.numbers import find_numbers
from marsad.text import analyse


def _read(text: str) -> tuple[int, list[tuple[str, int, str, bool]]]:
    v = analyse("t", text)
    found = [m for s in v.sentences for m in find_fatalities(v, s)]
    return total_fatalities(found)[0], [(v.original(m.start, m.end), m.count, m.kind, m.vague) for m in found]


def _total(text: str) -> int:
    return _read(text)[0]


# "ما لا يقل عن 5" is "at least 5", not a negation; "أكثر من 10" is 10. An approximation is a figure the
# text gives: it is not vague, so it is not dropped for an exact figure of another group.
@pytest.mark.parametrize("text, expected", [
    ("قتل ما لا يقل عن 5 أشخاص في القصف", [("ما لا يقل عن 5 أشخاص", 5, "killed", False)]),
    ("قتل مالا يقل عن 11 مسلحا في الكمين", [("مالا يقل عن 11 مسلحا", 11, "killed", False)]),
    ("لقي لا يقل عن سبعة جنود مصرعهم", [("لا يقل عن سبعة جنود", 7, "killed", False)]),
    ("أسفر الهجوم عن مقتل أكثر من 10 مدنيين", [("أكثر من 10 مدنيين", 10, "killed", False)]),
    ("قتل نحو عشرين شخصا في الانفجار", [("نحو عشرين شخصا", 20, "killed", False)]),
    ("مقتل عدة أشخاص في الغارة", [("عدة أشخاص", 3, "killed", True)]),
])
def test_approximations_are_figures(text, expected):
    assert _read(text)[1] == expected


def test_approximate_figure_beats_a_vague_plural_and_adds_to_another_group():
    assert _total("قتل قادة في الغارة. وأفادت القناة بمقتل أكثر من 38 عنصرا في الغارة") == 38
    assert _total("مقتل أكثر من 12 شخصا بينهم جندي") == 12


def test_approximation_is_flagged_on_the_number():
    v = analyse("t", "قتل أكثر من 20 شخصا وعشرات آخرون")
    nums = find_numbers(v.tokens_of(v.sentences[0]), v.norm)
    assert [(n.value, n.vague, n.approx) for n in nums] == [(20, True, True), (10, True, False)]


@pytest.mark.parametrize("text, total", [
    ("مقتل عنصري أمن في هجوم على حاجز", 2),  # dual in construct: its genitive follows, no ن
    ("استشهد جنديي الحراسة عند المدخل", 2),
    ("قتل ضابطي الشرطة في الكمين", 2),
    ("مقتل جنديين عند الحاجز", 2),
    ("استشهد طفلين في القصف", 2),
    ("مقتل إثنا عشر شخصا في الغارة", 12),  # hamza spelling
    ("قتل اثني عشر جنديا", 12),
    ("قتل خمسة وعشرون مدنيا في القصف", 25),
    ("مقتل ١٢ شخصا في الانفجار", 12),  # Hindi digits
    ("مقتل شخص في إطلاق نار", 1),
    ("مقتل قيادي واثنين من مرافقيه في غارة", 3),
    ("قتل ضابط وثلاثة من حراسه", 4),
])
def test_number_morphology(text, total):
    assert _total(text) == total


@pytest.mark.parametrize("text", [
    "شن المتطرفون هجوم عنصري على المسجد",  # "عنصري" as an adjective: no victims
    "أدان قتل العنصري للمصلين",  # with the article, never a dual in construct
    "قتل 3 أشخاص",
])
def test_construct_dual_needs_its_genitive(text):
    assert _total(text) in (0, 3)
    assert all(count != 2 for _s, count, _k, _v in _read(text)[1])


@pytest.mark.parametrize("text, total", [
    ("سقط قتيلان وجرحى في الانفجار", 2),  # the dead are counted: a dual
    ("سقط قتيل وجرحى في الانفجار", 1),
    ("قتلى وجرحى في غارة على البلدة", 3),  # plural, no figure: several
    ("جرحى وقتلى في قصف على السوق", 3),
    ("سقوط 40 شخصا بين قتيل و جريح", 3),  # و written apart
    ("مقتل وإصابة 6 مجندين في تفجير", 3),
])
def test_killed_and_wounded_together(text, total):
    assert _total(text) == total


@pytest.mark.parametrize("text, total", [
    ("سقط 13 مسلحا على الأقل جراء غارات على مواقعهم", 13),  # people who fall are killed
    ("سقوط ثمانية على الأقل في المدينة برصاص الأمن", 8),
    ("سقوط مدنيين في القصف على البلدة", 3),
    ("أسفر القصف عن سقوط ضحايا بين المدنيين", 0),  # casualties: ACLED codes 0
    ("سقطت 3 قذائف على الحي", 0),
    ("فيما سقط الصاروخان الآخران داخل الحدود", 0),  # what fell is the rockets
    ("لم يسفر الهجوم عن سقوط قتلى", 0),
])
def test_people_who_fall(text, total):
    assert _total(text) == total


@pytest.mark.parametrize("text, total", [
    ("أكد قيادي أن أكثر من 60 مسلحا حوثيا لقوا مصرعهم في المواجهات", 60),  # adjective after the noun
    ("لقي 41 متمردا حوثيا مصرعهم في الغارات", 41),
    ("قتل 5 جنود آخرين في الاشتباك", 5),
])
def test_adjectives_after_the_victims(text, total):
    assert _total(text) == total


@pytest.mark.parametrize("text, total", [
    ("قال إن 460 مريضا قتلوا الثلاثاء 28 تشرين الأول في المستشفى", 460),
    ("قتل مدني يوم 15 مارس في القرية", 1),  # a day of the month is no toll
    ("قتلوا في 3 كانون الثاني", 0),
])
def test_day_of_month_is_no_count(text, total):
    assert _total(text) == total


@pytest.mark.parametrize("text, total", [
    ("فجّر الانتحاري حزامه الناسف داخل المقهى", 1),
    ("فجرت انتحارية سترتها الناسفة قرب الحاجز", 1),
    ("فجر الانتحاري نفسه وسط المصلين", 1),
    ("عثرت الشرطة على حزامه الناسف قبل أن يفجره", 0),
])
def test_suicide_bomber_counts(text, total):
    assert _total(text) == total


@pytest.mark.parametrize("text, total", [
    # A long period in a later clause dates something else: the death is counted.
    ("استشهد شخص وأصيب آخر، صباح الأربعاء، في غارة على سيارة، في خرق للهدنة السارية منذ نوفمبر", 1),
    ("قتل جنديان، في أعنف هجوم منذ بداية العام", 2),
    # A period that opens the sentence, or sits in the figure's clause, makes it a total.
    ("ومنذ بداية العام، قتل 500 شخص في المحافظة", 0),
    ("قتل 500 شخص منذ 2011 في المحافظة", 0),
    ("قتل خلال العام أكثر من ألف شخص", 0),
    # A total's mark counts every figure of the sentence, in any clause; a superlative's is no total.
    ("ارتفع عدد القتلى في البلاد إلى 1916 قتيلا، بينما أصيب 4186 آخرون، وذلك منذ بدء النزاع", 0),
    ("قتل جنديان في أعنف هجوم منذ بداية العام", 2),
])
def test_long_period_scope(text, total):
    assert _total(text) == total


@pytest.mark.parametrize("text, total", [
    ("غارة إسرائيلية تقتل 10 مدنيين جنوب البلاد", 10),  # headlines tell it in the present
    ("انفجار يقتل خمسة أشخاص في السوق", 5),
    ("غارة تودي بحياة 3 أطفال", 3),
])
def test_present_tense_kills(text, total):
    assert _total(text) == total


def _events(text: str) -> list[tuple[str, int, list[str]]]:
    return [(e.sub_event_type, e.fatalities, [x.text for x in e.evidence if x.field == "fatalities"])
            for e in marsad.extract(text, published="2019-03-07")]


_STRIKE = "شنت طائرات حربية غارة على بلدة كفرنبل في ريف إدلب صباح اليوم. "


@pytest.mark.parametrize("text, expected", [
    # A sentence with no event of its own that names the attack gives its toll, vague or not.
    (_STRIKE + "وذكرت مصادر محلية أن الغارة أسفرت عن سقوط قتلى وجرحى.",
     [("Air/drone strike", 3, ["قتلى وجرحى"])]),
    (_STRIKE + "وذكرت مصادر محلية أن الغارة أسفرت عن سقوط سبعة قتلى.",
     [("Air/drone strike", 7, ["سبعة قتلى"])]),
    # A figure given for the event beats a vague plural told first.
    ("سقط قتلى وجرحى في غارة جوية على بلدة كفرنبل في ريف إدلب صباح اليوم. "
     "وقال الدفاع المدني إن سبعة مدنيين قتلوا في الغارة.",
     [("Air/drone strike", 7, ["قتلى وجرحى", "سبعة مدنيين"])]),
    # A day's total after several attacks is no one attack's toll.
    (_STRIKE + "وفي سياق آخر، قصفت المدفعية بلدة معرة النعمان. وارتفعت حصيلة القتلى اليوم إلى 40.",
     [("Air/drone strike", 0, []), ("Shelling/artillery/missile attack", 0, [])]),
    # Deaths the day before the attack are another event's.
    (_STRIKE + "ويأتي هذا الهجوم غداة مقتل خمسة مدنيين في قصف على البلدة.",
     [("Air/drone strike", 0, [])]),
    # No reference to the attack: the deaths are not given to it.
    (_STRIKE + "وقال ناشطون إن خمسة مدنيين قضوا جوعا في المخيمات.",
     [("Air/drone strike", 0, [])]),
])
def test_extract_toll_told_after_the_attack(text, expected):
    assert _events(text) == expected


def test_extract_suicide_bomber_counts_on_top_of_a_later_toll():
    text = "فجر انتحاري نفسه في سوق مدينة الرمادي صباح اليوم. وقالت مصادر طبية إن حصيلة الهجوم بلغت 13 قتيلا."
    assert _events(text) == [("Suicide bomb", 14, ["فجر انتحاري نفسه", "13 قتيلا"])]


def test_extract_toll_with_a_finer_place_locates_the_attack():
    text = "انفجرت سيارة مفخخة في محافظة إدلب صباح اليوم. وقُتل خمسة مدنيين، بينهم طفل، في بلدة كفرنبل."
    events = marsad.extract(text, published="2019-03-07")
    assert [(e.sub_event_type, e.location, e.fatalities) for e in events] == [
        ("Remote explosive/landmine/IED", "Kafranbel", 5)]
    # The same toll in another province is another event.
    text = "انفجرت سيارة مفخخة في محافظة إدلب صباح اليوم. وقُتل خمسة مدنيين، بينهم طفل، في مدينة حمص."
    assert len(marsad.extract(text, published="2019-03-07")) == 2


@pytest.mark.parametrize("text, total", [
    # "Others" and companions presuppose a victim the text names: one more.
    ("قتل القيادي أبو عمر الشامي وقياديان آخران في المواجهات", 3),
    ("اغتيل المحامي سامر يوسف وثلاثة آخرون في الهجوم", 4),
    ("قتل سامر يوسف واثنان آخران", 3),
    ("وذكرت المصادر أن مسؤول المكتب قتل برفقة ثلاثة عناصر بقصف جوي", 4),
    # A counted victim first: the others are added to it, nothing presupposed.
    ("قتل جندي وثلاثة آخرون في الكمين", 4),
    ("اغتيل القيادي في الحركة سامر يوسف وثلاثة آخرون في غارة", 4),
    # Others with their own verb, or wounded, or no killing: no one more.
    ("وقتل ثلاثة آخرون في انفجار ثان", 3),
    ("قتل 5 جنود وأصيب 3 آخرون", 5),
    ("لم يقتل سامر يوسف وثلاثة آخرون", 0),
    ("وصل سامر يوسف وثلاثة آخرون إلى المدينة", 0),
])
def test_named_victim_with_others(text, total):
    assert _total(text) == total


@pytest.mark.parametrize("text, total", [
    # What a toll of the dead rises to, however far from it.
    ("ارتفعت حصيلة القتلى جراء القصف على مركز الإيواء في المدينة، إلى 68 شخصا، وفق الدفاع المدني", 68),
    ("ارتفع عدد القتلى في الهجوم الذي استهدف السوق إلى 12، بحسب مصادر طبية", 12),
    ("ارتفع عدد القتلى إلى 25", 25),
    # The wounded's toll, or a figure of something else after "إلى", is no death.
    ("ارتفعت حصيلة الجرحى في الهجوم إلى 12", 0),
    ("ارتفعت حصيلة القتلى، ونقل الجرحى إلى 3 مستشفيات", 0),
])
def test_toll_rises_to_a_figure(text, total):
    assert _total(text) == total


@pytest.mark.parametrize("text, total, subsets", [
    # Victims after "بينهم"/"منهم" are some of those counted before: their fate, never a verb's after them.
    ("استشهد 5 أشخاص بينهم 4 أطفال وجرح آخرون في القصف", 5, [("4 أطفال", "killed")]),
    ("أكدت المصادر أن 4 مدنيين قتل منهم 3 نساء في القصف", 4, [("3 نساء", "killed")]),
    ("أصيب 5 أشخاص بينهم طفلان وقتل 3", 3, [("طفلان", "wounded")]),
    ("قتل عشرة، بينهم امرأة وطفلها، في الغارة", 10, [("امرأة", "killed"), ("طفلها", "killed")]),
    # A vague whole: the figure of some of them is the least there are.
    ("واستشهد أفراد من عائلة واحدة منهم 6 أطفال، فيما جرح آخرون", 6, [("6 أطفال", "killed")]),
])
def test_subset_of_the_victims(text, total, subsets):
    v = analyse("t", text)
    found = [m for s in v.sentences for m in find_fatalities(v, s)]
    assert total_fatalities(found)[0] == total
    assert [(v.original(m.start, m.end), m.kind) for m in found if m.subset] == subsets


@pytest.mark.parametrize("text, total", [
    ("حمل المتظاهرون صور الشهداء في المسيرة", 0),  # the dead spoken of, not counted
    ("ونشر الموقع أسماء القتلى", 0),
    ("ونقلت سيارات الإسعاف القتلى والجرحى من المكان", 3),  # killed and wounded: several dead
    ("سقط القتلى في القصف", 3),
    ("سقط قتلى في القصف", 3),
])
def test_definite_dead_without_a_figure(text, total):
    assert _total(text) == total


def test_nationals_are_victims():
    assert _total("وقد استشهد جراء هذه الغارة 9 فلسطينيين منهم 6 أطفال") == 9
    assert _total("قتل جنديان إسرائيليان في الهجوم") == 2
    assert _total("وصل 300 سوري إلى المخيم") == 0


@pytest.mark.parametrize("text, total", [
    # A toll of the dead and what it comes to, with بلغ before or between.
    ("ليبلغ عدد القتلى في صفوف القوات، مساء أمس، ما يقارب 24 عنصرا، عدا الجرحى", 24),
    ("وقد بلغت حصيلة القتلى في المدينة خلال المعارك التي دارت أمس، 14 شخصا", 14),
    ("وبلغ عدد الجرحى في المدينة، حسب المستشفى، 14 شخصا", 0),
])
def test_toll_comes_to_a_figure(text, total):
    assert _total(text) == total


@pytest.mark.parametrize("text, total", [
    # A vague quantity of killed and wounded together: several dead; a figure: half, 3 at most.
    ("أسفرت الغارات عن سقوط عدد من القتلى والجرحى في صفوف المدنيين", 3),
    ("نجم عن التفجير مقتل وجرح عدد من عناصر القوات", 3),
    ("أدى الانفجار إلى مقتل وإصابة 4 أشخاص", 2),
    ("أدى الانفجار إلى مقتل وإصابة 10 أشخاص", 3),
    ("أسفر القصف عن مقتل وإصابة مدنيين", 3),  # a plural: several
    ("أسفر القصف عن مقتل وإصابة شخصين", 1),
])
def test_killed_and_wounded_vague_quantity(text, total):
    assert _total(text) == total


@pytest.mark.parametrize("text, total", [
    ("سقطت الطائرة المسيرة عند الساعة 10:50 صباحا قرب القرية", 0),  # a clock time
    ("سقطت قذيفة عند الساعة 10 قرب القرية", 0),  # the number of the hour named
    ("قتل 3 أشخاص عند الساعة 10 صباحا", 3),
    ("وردا على إعدام المصريين الأقباط شنت الطائرات غارات", 0),  # a people named, not victims counted
    ("قتل 3 مصريين في الهجوم", 3),
    ("مقتل فلسطيني برصاص الجنود", 1),
])
def test_numbers_and_nationals_that_are_no_toll(text, total):
    assert _total(text) == total


@pytest.mark.parametrize("text, total", [
    ("ضرب الزلزال جنوب تركيا والشمال السوري، حيث قتل ثلاثة من المسلحين", 3),  # an adjective, no victim
    ("أعلن الجيش اللبناني مقتل جندي", 1),
    ("مقتل الطفل في القصف", 1),
])
def test_definite_nisba_after_a_noun_is_an_adjective(text, total):
    assert _total(text) == total


@pytest.mark.parametrize("text, total", [
    # A list of victims continued after a comma: the same fate, other victims, who add up.
    ("وقتل خمسة عناصر من الجبهة ومقاتلون موالون لها، وستة مقاتلين من الفصائل المؤيدة للفرقة", 11),
    ("قتل 5 جنود في الهجوم، و3 مدنيين في القصف", 8),
    ("قتل 5 جنود، و3 مدنيين.", 8),
    # A clause of its own after the comma.
    ("قتل 5 جنود، و3 مدنيين أصيبوا", 5),
    ("قتل 5 جنود، و3 آلاف عنصر يتحصنون في البلدة", 5),
    ("قتل 5 جنود وأصيب 3، و4 مدنيين من البلدة", 5),
])
def test_victims_listed_across_a_comma(text, total):
    assert _total(text) == total


@pytest.mark.parametrize("text, total", [
    ("وأفادت القناة أن قياديين من جماعة الحوثي قتلا", 0),  # the group's name is no victim
    ("قتلت جماعة الحوثي مدنيا في القرية", 1),
    ("مقتل 3 من عناصر تنظيم الدولة", 3),
])
def test_group_name_is_no_victim(text, total):
    assert _total(text) == total


@pytest.mark.parametrize("text, total", [
    # A killing verb with its victims before it is no "killed and wounded" with the next verb.
    ("وأشارت مصادر إلى أن سبعة متظاهرين على الأقل قتلوا وأصيب عشرات آخرون بجروح", 7),
    ("قتل وجرح 35 مدنيا في القصف", 3),
    ("أكدت مصادر عسكرية أن جنديين ماليين قتلا وأصيب أربعة في كمين", 2),
])
def test_killed_then_wounded_verbs(text, total):
    assert _total(text) == total


@pytest.mark.parametrize("text, total", [
    ("أدت المعارك إلى سقوط عدد من المواقع بيد المعارضة", 0),  # things fall, not people
    ("سقطت 3 مدن بيد التنظيم", 0),
    ("سقوط ثمانية على الأقل في المدينة برصاص الأمن", 8),
    ("سقط 5 في القصف", 5),
])
def test_what_falls(text, total):
    assert _total(text) == total


@pytest.mark.parametrize("text, total", [
    ("وأعلن الجيش أن المواقع هدف عسكري مشروع", 0),  # a nisba qualifying the noun before it
    ("قال مصدر طبي إن القصف أصاب موقعا مدني الطابع", 0),
    ("مقتل عسكري في هجوم على الحاجز", 1),
    ("قتل أمس عسكري في انفجار", 1),
    ("أطلق قناص النار على مدني فقتله", 1),
])
def test_nisba_adjective_is_no_victim(text, total):
    assert _total(text) == total


@pytest.mark.parametrize("text, total", [
    # A victim's own people with him (مع + a relative or guard with his pronoun) add up; "مع" before
    # others is the other side.
    ("أعلنت الحركة مسؤوليتها عن قتل نائب صومالي مع حارسيه في العاصمة", 3),
    ("قتل رجل مع زوجته وأطفاله في القصف", 5),
    ("قتل جندي في اشتباكات مع مسلحين", 1),
    ("مقتل جندي مع مسلحين قرب الحدود", 1),
    # Titles as victims.
    ("مقتل وزير الداخلية في انفجار", 1),
    ("قال مسؤول إن 5 أشخاص قتلوا", 5),
])
def test_victims_with_their_own_people(text, total):
    assert _total(text) == total


@pytest.mark.parametrize("text, total", [
    # ACLED: a total over several days is divided across them, the remainder to the first day.
    ("أكد قيادي أن أكثر من 60 مسلحا لقوا مصرعهم خلال يومين فقط من المواجهات", 30),
    ("قتل 61 شخصا خلال يومين في المدينة", 31),
    ("قتل 70 شخصا خلال الأسبوع الماضي في المدينة", 10),
    ("قتل 9 أشخاص خلال ثلاثة أيام من القصف", 3),
    # A period in another clause is not the deaths'.
    ("قتل 5 أشخاص، بعد هدوء ساد خلال يومين", 5),
])
def test_total_over_days_is_divided(text, total):
    assert _total(text) == total


@pytest.mark.parametrize("text, total", [
    ("مقتل 57 مدنيا في قصف نسب للحوثيين وقتل 57 مدنيا على الأقل", 57),  # a preposition's object
    ("وقتل بالرصاص مدني في المدينة", 1),
    ("قالت الشرطة إن أربعة مهاجمين قتلوا وأصيب أربعة من رجال الأمن", 4),
])
def test_prepositions_and_attackers(text, total):
    assert _total(text) == total


@pytest.mark.parametrize("text, total", [
    # A killing verb with its own victims after it: the noun before it is the agent.
    ("هاجم المهاجمون الحاجز فقتلوا جنديين", 2),
    ("أطلق المسلحون النار فقتلوا 5 أشخاص", 5),
    # No object after it: the noun before it is the victim.
    ("وقال إن المهاجمين قتلوا جميعا", 3),
    ("إن 11 شخصا قتلوا و32 أصيبوا", 11),
])
def test_agent_before_a_verb_with_its_object(text, total):
    assert _total(text) == total


@pytest.mark.parametrize("text, total", [
    # A total over months or half a year counts no event.
    ("وقالت المنظمة إن أكثر من 3600 شخص لاقوا حتفهم خلال أربعة أشهر من الحرب", 0),
    ("أفادت الأمم المتحدة عن سقوط 1592 قتيلا و3329 جريحا خلال النصف الأول من العام", 0),
    ("قتل 5 أشخاص خلال 24 ساعة في المدينة", 5),
    # Whose the victims counted are, after من, is no victim, and no stop before their verb.
    ("أن 13 عنصرا من الحوثيين وقوات صالح قتلوا في اشتباكات متفرقة", 13),
    ("قتل 3 جنود من الجيش في الهجوم", 3),
])
def test_months_totals_and_genitive_victims(text, total):
    assert _total(text) == total


@pytest.mark.parametrize("text, total", [
    # "لايقل" written as one word is still "at least"; an aside about the victims does not cut their verb.
    ("أعلن مسؤول حكومي أن ما لايقل عن 25 شخصا، معظمهم من المدنيين، قتلوا في انفجار", 25),
    ("قتل 10 أشخاص، غالبيتهم من الأطفال، في القصف", 10),
    ("قتل 33 شخصا غالبيتهم من المدنيين في هجوم انتحاري", 33),
    # Months in "في الأشهر ..." are a period's total.
    ("وتقول البعثة إن قرابة ألف شخص قتلوا في الأشهر الأربعة الأولى من العام", 0),
])
def test_asides_and_month_totals(text, total):
    assert _total(text) == total


@pytest.mark.parametrize("text, total", [
    # Killed and wounded together after a definite noun and its definite adjective.
    ("وسقط العشرات من المسلحين الحوثيين بين قتيل وجريح في المواجهات", 3),
    # A figure after a preposition counts things, not victims.
    ("قتل الرجل بعشرات الطلقات", 1),
    ("سقط قتلى بالعشرات في القصف", 3),
])
def test_mixed_after_adjectives_and_prepositional_figures(text, total):
    assert _total(text) == total


@pytest.mark.parametrize("text, total", [
    ("قصفت الطائرات موقعا تابعا لكتائب الشهيد عز الدين القسام", 0),  # a group's name
    ("أفاد المرصد بمقتل 51 عنصرا خلال الـ 48 ساعة", 26),  # two days: the first day's share
    ("أسفرت الهجمات عن مقتل أكثر من 570 شخصا منذ تولي الرئيس منصبه", 0),  # a period's total
])
def test_names_hours_and_terms(text, total):
    assert _total(text) == total


@pytest.mark.parametrize("text, total", [
    # "لقي ... مصرعهم" opens at لقي: the figure after it is counted, however far مصرعهم is.
    ('لقي 28 شخصا من عناصر تنظيم " داعش " الإرهابي مصرعهم في حوادث أمنية', 28),
    ("لقي المشروع ترحيبا من المواطنين", 0),
    ("لقي ثلاثة جنود مصرعهم وأصيب سبعة آخرون", 3),
    ("قتل أمس الجندي في الهجوم", 1),
])
def test_laqiya_frame_and_definite_nisba(text, total):
    assert _total(text) == total


@pytest.mark.parametrize("text, total", [
    # Coordinated figures share the verb after them; a casualty noun after a verb is its predicate.
    ("وقال السكان إن 25 حوثيا وعشرة من رجال المقاومة سقطوا قتلى", 35),
    ("وقال السكان إن المسلحين سقطوا قتلى", 3),
    # Months after منذ make a period's total.
    ("وسقط في الغارات والقتال المستمر منذ أربعة أشهر أكثر من 3500 قتيل", 0),
])
def test_shared_verb_and_months_since(text, total):
    assert _total(text) == total
