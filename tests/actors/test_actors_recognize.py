"""Actor mentions found in sentences: which actor, what kind, and the exact span."""

from __future__ import annotations

import pytest

from marsad.actors import find_actors
from marsad.text import analyse


def _mentions(text: str) -> list[tuple[int, int, str, str, str]]:
    v = analyse("t", text)
    out = []
    for s in v.sentences:
        for m in find_actors(v, s):
            start, end = v.span(m.start, m.end)
            out.append((start, end, text[start:end], m.actor_id, m.kind))
    return out


def _expect(text: str, *items: tuple[str, str, str]) -> list[tuple[int, int, str, str, str]]:
    """Spans of the expected mentions, located left to right in `text`."""
    out, pos = [], 0
    for surface, actor_id, kind in items:
        start = text.index(surface, pos)
        out.append((start, start + len(surface), surface, actor_id, kind))
        pos = start + len(surface)
    return out


@pytest.mark.parametrize("text, items", [
    # Islamic State and its spellings; the leading word belongs to the name.
    ("قتل عناصر تنظيم داعش في الهجوم", [("تنظيم داعش", "islamic_state", "named")]),
    ("وأعلن تنظيم الدولة الإسلامية مسؤوليته", [("تنظيم الدولة الإسلامية", "islamic_state", "named")]),
    ("اعتقلت الشرطة داعشيا", [("الشرطة", "police", "state")]),
    ("هاجم الدواعش القرية", [("الدواعش", "islamic_state", "named")]),
    ("تبنت ولاية نينوى التفجير", [("ولاية نينوى", "islamic_state", "named")]),
    ('استهدف تنظيم "داعش" الحاجز', [('تنظيم "داعش"', "islamic_state", "named")]),
    ("وقال تنظيم «داعش» إنه", [("تنظيم «داعش»", "islamic_state", "named")]),
    # Syria
    ("دخلت قوات التحالف الدولي المدينة", [("قوات التحالف الدولي", "global_coalition", "named")]),
    ("هاجمت ميليشيا قسد القرية", [("ميليشيا قسد", "sdf", "named")]),
    ("وسيطرت قوات سوريا الديمقراطية على البلدة", [("قوات سوريا الديمقراطية", "sdf", "named")]),
    ("قوات سورية الديمقراطية تتقدم", [("قوات سورية الديمقراطية", "sdf", "named")]),
    ("قتل جنديان من الجيش السوري الحر", [("الجيش السوري الحر", "syrian_rebels", "named")]),
    ("قصف الجيش السوري المدينة", [("الجيش السوري", "military_sy", "named")]),
    ("تقدمت قوات النظام في ريف حماة", [("قوات النظام", "assad_forces", "named")]),
    ("أعلنت هيئة تحرير الشام السيطرة", [("هيئة تحرير الشام", "hts", "named")]),
    ("هاجمت جبهة النصرة المطار", [("جبهة النصرة", "hts", "named")]),
    ("سيطرت وحدات حماية الشعب الكردية على التلة", [("وحدات حماية الشعب الكردية", "ypg", "named")]),
    ("انسحبت فصائل الجيش الوطني السوري", [("فصائل الجيش الوطني السوري", "sna", "named")]),
    ("قتل عنصر من قوات الدفاع الوطني", [("قوات الدفاع الوطني", "ndf", "named")]),
    ("قتل عناصر لواء فاطميون التابع للحرس الثوري الإيراني",
     [("لواء فاطميون", "fatemiyoun", "named"), ("للحرس الثوري الإيراني", "irgc", "named")]),
    ("وصل مقاتلو لواء زينبيون", [("لواء زينبيون", "zainabiyoun", "named")]),
    ("بالتنسيق مع الميليشيات الشيعية", [("الميليشيات الشيعية", "shia_militia", "named")]),
    ("وانتشر الأمن العام في الساحل", [("الأمن العام", "police", "state")]),
    # Iraq
    ("شارك الحشد الشعبي في المعركة", [("الحشد الشعبي", "pmf", "named")]),
    ("نفذت كتائب حزب الله هجوما", [("كتائب حزب الله", "kataib_hezbollah", "named")]),
    ("اتهمت عصائب أهل الحق", [("عصائب أهل الحق", "asaib", "named")]),
    ("تقدمت قوات البيشمركة", [("قوات البيشمركة", "peshmerga", "named")]),
    ("قصفت قوات البشمركة الكردية المواقع", [("قوات البشمركة الكردية", "peshmerga", "named")]),
    ("اعتقلت الشرطة العراقية خمسة أشخاص", [("الشرطة العراقية", "police_iq", "named")]),
    ("قصفت المدفعية التركية مواقع حزب العمال الكردستاني",
     [("المدفعية التركية", "military_tr", "named"), ("حزب العمال الكردستاني", "pkk", "named")]),
    # Yemen
    ("اشتبك الحوثيون مع قوات الشرعية في تعز",
     [("الحوثيون", "houthis", "named"), ("قوات الشرعية", "military_ye", "named")]),
    ("قتل ثلاثة من الحوثيين", [("الحوثيين", "houthis", "named")]),
    ("هاجمت الميليشيات الحوثية المدينة", [("الميليشيات الحوثية", "houthis", "named")]),
    ("قالت جماعة أنصار الله", [("جماعة أنصار الله", "houthis", "named")]),
    ("قصف طيران التحالف العربي صنعاء", [("طيران التحالف العربي", "saudi_coalition", "named")]),
    ("شنت مقاتلات التحالف غارات", [("مقاتلات التحالف", "coalition", "named")]),
    ("أعلنت مليشيات الانتقالي سيطرتها على المعسكر", [("مليشيات الانتقالي", "stc", "named")]),
    ("سيطرت قوات المجلس الانتقالي الجنوبي على عدن",
     [("قوات المجلس الانتقالي الجنوبي", "stc", "named")]),
    ("قتل قيادي في تنظيم القاعدة في جزيرة العرب وتنظيم القاعدة",
     [("تنظيم القاعدة في جزيرة العرب", "aqap", "named"), ("تنظيم القاعدة", "al_qaeda", "named")]),
    # Libya, Sudan, Lebanon
    ("اشتبكت قوات الجيش الوطني مع قوات حفتر",
     [("قوات الجيش الوطني", "national_army", "named"), ("قوات حفتر", "lna", "named")]),
    ("تقدمت قوات حكومة الوفاق", [("قوات حكومة الوفاق", "military_ly", "named")]),
    ("انتشرت قوات الدعم السريع في الخرطوم", [("قوات الدعم السريع", "rsf", "named")]),
    ("قصف الجيش السوداني المدينة", [("الجيش السوداني", "military_sd", "named")]),
    ("قال حزب الله إن مقاتليه قصفوا", [("حزب الله", "hezbollah", "named")]),
    ("والجيش اللبناني", [("الجيش اللبناني", "military_lb", "named")]),
    ("انتقدت القوات اللبنانية الحكومة", [("القوات اللبنانية", "lebanese_forces", "named")]),
    # Israel and Palestine
    ("أطلق الجيش الإسرائيلي النار", [("الجيش الإسرائيلي", "military_il", "named")]),
    ("وقصفت طائرات إسرائيلية موقعا", [("طائرات إسرائيلية", "military_il", "named")]),
    ("استهدف الاحتلال منزلا في غزة", [("الاحتلال", "military_il", "named")]),
    ("هاجم مستوطنون منازل الفلسطينيين", [("مستوطنون", "settlers", "named")]),
    ("أعلنت كتائب القسام وسرايا القدس",
     [("كتائب القسام", "qassam", "named"), ("سرايا القدس", "quds_brigades", "named")]),
    ("قتل عناصر من حماس", [("حماس", "hamas", "named")]),
    ("وقالت حركة حماس", [("حركة حماس", "hamas", "named")]),
    # Egypt, Somalia, external forces
    ("قتل خمسة من عناصر ولاية سيناء", [("ولاية سيناء", "is_sinai", "named")]),
    ("داهمت القوات المسلحة المصرية", [("القوات المسلحة المصرية", "military_eg", "named")]),
    ("هاجمت حركة الشباب قاعدة لأميصوم",
     [("حركة الشباب", "al_shabaab", "named"), ("أميصوم", "amisom", "named")]),
    ("القوات التركية والقوات الأمريكية",
     [("القوات التركية", "military_tr", "named"), ("القوات الأمريكية", "military_us", "named")]),
    ("انتشرت قوات تركية", [("قوات تركية", "military_tr", "named")]),
    ("قصف الطيران الروسي مواقع المعارضة", [("الطيران الروسي", "military_ru", "named")]),
    ("شارك المارينز في المعارك", [("المارينز", "military_us", "named")]),
    # A strike noun with a nationality adjective: the adjective is the actor, the noun the event.
    ("قتل ثلاثة في غارة إسرائيلية على سيارة", [("إسرائيلية", "military_il", "named")]),
    ("وتواصل القصف التركي على القرى", [("التركي", "military_tr", "named")]),
    ("أسفرت ضربات جوية أمريكية عن مقتل", [("أمريكية", "military_us", "named")]),
    ("استهدفتها المسيرة التركية قرب الحدود", [("التركية", "military_tr", "named")]),
    ("ندد بالعدوان الأميركي على المدينة", [("الأميركي", "military_us", "named")]),
    ("قصفت مدفعية سعودية قرى حدودية", [("مدفعية سعودية", "military_sa", "named")]),
    ("توغلت دبابات إسرائيلية في البلدة", [("دبابات إسرائيلية", "military_il", "named")]),
    # Generic actors
    ("أطلق مسلحون مجهولون النار على مواطنين",
     [("مسلحون مجهولون", "unidentified", "generic"), ("مواطنين", "civilians", "generic")]),
    ("فرقت قوات الأمن المتظاهرين",
     [("قوات الأمن", "police", "state"), ("المتظاهرين", "protesters", "generic")]),
    ("أصيب مدنيان في القصف", [("مدنيان", "civilians", "generic")]),
    ("قتل طفلان وامرأة", [("طفلان", "civilians", "generic"), ("امرأة", "civilians", "generic")]),
    ("اعتدى مشاغبون على المحلات", [("مشاغبون", "rioters", "generic")]),
    ("وفرق المحتجين الغاضبين", [("المحتجين الغاضبين", "rioters", "generic")]),
    ("هاجمت جماعة مسلحة القرية", [("جماعة مسلحة", "unidentified", "generic")]),
    ("وقصف الجيش المدينة", [("الجيش", "military", "state")]),
    ("وتقدمت القوات الحكومية", [("القوات الحكومية", "military", "state")]),
])
def test_recognize_aliases_with_spans(text: str, items: list[tuple[str, str, str]]) -> None:
    assert _mentions(text) == _expect(text, *items)


@pytest.mark.parametrize("text", [
    "سقط قتلى بالهجوم المسلح على الحاجز",  # "المسلح" is an adjective here
    "وجدت الحماس لدى الشباب بحماس كبير",  # enthusiasm, not Hamas
    "تقدمت القوات",  # "القوات" alone names nobody
    "قالت القيادة العامة للقوات المسلحة السعودية",  # no longer a Haftar alias; the head is a unit's
    "عقد مؤتمر صحفي في القاعدة الجوية",
    "قتل خمسة في غارة جوية على السوق",  # a strike noun alone names nobody
    "أدان الهجوم الإرهابي على الكنيسة",  # an adjective that is no nationality
    "خرجت مسيرة حاشدة في المدينة",  # a march, no adjective of a state
    "دخلوا البلدة دون أية مقاومة تذكر",  # resistance as a common noun
    "نشر مقطع فيديو مصور للهجوم",  # an adjective, not a photographer
])
def test_recognize_common_words_are_not_actors(text: str) -> None:
    assert [m for m in _mentions(text) if m[3] not in ("military", "military_sa")] == []


@pytest.mark.parametrize("text, items", [
    # A numbered unit is the army of the event's country, its text kept as the mention.
    ("قصفت الكتيبة 45 مواقع المسلحين", [("الكتيبة 45", "military", "state"),
                                        ("المسلحين", "unidentified", "generic")]),
    ("وانتشر اللواء 105 في المدينة", [("اللواء 105", "military", "state")]),
    ("تقدمت الفرقة الخامسة نحو التلة", [("الفرقة الخامسة", "military", "state")]),
    ("ودخلت الفرقة الرابعة البلدة", [("الفرقة الرابعة", "assad_forces", "named")]),  # the dictionary's
    # A local armed group: its head and the construct chain that names it.
    ("هاجم لواء شهداء بدر الحاجز", [("لواء شهداء بدر", "unit:لواء شهداء بدر", "named")]),
    ("سيطر جيش الفتح على المدينة", [("جيش الفتح", "unit:جيش الفتح", "named")]),
    ("وقصفت قوات دفاع حلب الحي", [("قوات دفاع حلب", "unit:قوات دفاع حلب", "named")]),
    ("قتل عنصران من كتيبة الفاروق في", [("كتيبة الفاروق", "unit:كتيبه الفاروق", "named")]),
    ("أعلنت «حركة الصابرين» مسؤوليتها", [("حركة الصابرين", "unit:حركه الصابرين", "named")]),
    ("هاجمت كتائب المعارضة المطار", [("كتائب المعارضة", "syrian_rebels", "named")]),
])
def test_recognize_armed_units_outside_the_dictionary(text: str, items: list[tuple[str, str, str]]) -> None:
    assert _mentions(text) == _expect(text, *items)


@pytest.mark.parametrize("text", [
    "اشتبك فصيل مسلح مع الحرس",  # an adjective, no name
    "وقال اللواء خليفة حفتر",  # a general's rank before a person, no number
    "عادت حركة السير في المدينة",  # a common word, its name not quoted
    "انتشرت القوات العسكرية في الساحة",  # definite head: forces described
    "اقتحموا السرايا الحكومي",  # the government building
    "نشر قوات فصل بين الطرفين",  # one word after قوات is a description
    "قالت إن قوات صالح أطلقوا النار",  # a plural verb ends the name: one word left
    "انتشرت قوات شبه عسكرية في المدينة",  # paramilitary forces, described
    "اقتحموا سرايا مدينة حلبا",  # a place noun starts no unit's name
    'وقال إن "الحركة شنت هجوما ضد قاعدة عسكرية في المدينة"',  # a quoted statement
])
def test_recognize_unit_heads_without_a_name_are_not_actors(text: str) -> None:
    assert [m for m in _mentions(text) if m[3].startswith("unit:") or m[3] == "military"] == []


@pytest.mark.parametrize("text, items", [
    # Warplanes stand alone: the air power of the event's country (naming resolves whose).
    ("شن الطيران الحربي غارات على البلدة", [("الطيران الحربي", "air_power", "state")]),
    ("وقصفت طائرات حربية أحياء المدينة", [("طائرات حربية", "air_power", "state")]),
    ("ألقت المروحيات براميل متفجرة", [("المروحيات", "air_power", "state")]),
    ("قصفت طائرات حربية روسية المدينة", [("طائرات حربية روسية", "military_ru", "named")]),
    ("وشن الطيران الحربي الإسرائيلي غارة", [("الطيران الحربي الإسرائيلي", "military_il", "named")]),
    # A generic word inside an organisation's name is not read alone.
    ("قتل عناصر من حزب العمال الكردستاني", [("حزب العمال الكردستاني", "pkk", "named")]),
    ("قتل ثلاثة عمال في القصف", [("عمال", "civilians", "generic")]),
    ("قتل مراسل ومسعفان في الغارة", [("مراسل", "civilians", "generic")]),
    ("أصيب تلاميذ في سقوط قذيفة على المدرسة", [("تلاميذ", "civilians", "generic")]),
    ("أصيب الطلاب في الساحة", [("الطلاب", "civilians", "generic")]),
])
def test_recognize_air_power_and_organisation_names(text: str, items: list[tuple[str, str, str]]) -> None:
    assert _mentions(text) == _expect(text, *items)


@pytest.mark.parametrize("text", [
    "اشتبك مسلحون من حزب العمال مع",
    "اعتصم أعضاء نقابة الصحفيين أمام المبنى",
    "طالب اتحاد الطلاب بالإفراج عن",
    "أقلعت طائرات مسيرة من القاعدة",  # drones alone: whose is not known
    "توقفت حركة الطيران في المطار",
])
def test_recognize_no_generic_actor_inside_an_organisation_or_bare_drones(text: str) -> None:
    assert [m for m in _mentions(text) if m[3] in ("civilians", "air_power", "military")] == []


@pytest.mark.parametrize("text, items", [
    # Forces named with a word between the head and the nationality, ministries by nationality.
    ("سيطرت قوات عسكرية تركية على القرى", [("قوات عسكرية تركية", "military_tr", "named")]),
    ("أعلنت وزارة الدفاع التركية السيطرة", [("وزارة الدفاع التركية", "military_tr", "named")]),
    ("وقالت وزارة الداخلية العراقية", [("وزارة الداخلية العراقية", "police_iq", "named")]),
    # Soldiers, officers and policemen by nationality, in the dual and the accusative too.
    ("قتل جنديان تركيان في الهجوم", [("جنديان تركيان", "military_tr", "named")]),
    ("قتل المسلحون جنديا إسرائيليا", [("المسلحون", "unidentified", "generic"),
                                     ("جنديا إسرائيليا", "military_il", "named")]),
    ("قتل أربعة عسكريين مصريين بينهم ضابط", [("عسكريين مصريين", "military_eg", "named")]),
    ("أصيب شرطيان عراقيان", [("شرطيان عراقيان", "police_iq", "named")]),
    # Security units without a country are the police of the event's country.
    ("قامت وحدات أمنية بمداهمة المنزل", [("وحدات أمنية", "police", "state")]),
    ("رشقوا عناصر القوى الأمنية بالحجارة", [("عناصر القوى الأمنية", "police", "state")]),
    # "The enemy" is Israel in Lebanon and Palestine (naming resolves it by the event's country).
    ("قصفت مدفعية العدو الأحراج المحيطة بالبلدة", [("مدفعية العدو", "enemy", "named")]),
    ("العدو الإسرائيلي أطلق قذائف على البلدة", [("العدو الإسرائيلي", "military_il", "named")]),
    ("شنت طائرات العدوان غارات على صعدة", [("طائرات العدوان", "saudi_coalition", "named")]),
    # "The resistance": Yemen's popular resistance, Hezbollah, Iraq's factions, by the event's country;
    # Sudan's resistance committees are civilians.
    ("هاجم مسلحو المقاومة الشعبية تجمعا للحوثيين",
     [("مسلحو المقاومة", "popular_resistance", "named"), ("للحوثيين", "houthis", "named")]),
    ("سيطرت المقاومة على التلة", [("المقاومة", "resistance", "named")]),
    ("اعتقلت الشرطة أعضاء في لجان المقاومة", [("الشرطة", "police", "state"),
                                             ("لجان المقاومة", "civilians", "generic")]),
    # Tribes, rebels, putschists, jihadists and the gendarmerie.
    # The gunmen named after "من" are that group, not unidentified ones.
    ("اندلعت مواجهات بين فصائل محلية ومسلحين من عشائر البدو", [("عشائر البدو", "tribes", "named")]),
    ("هاجم مسلحون من تنظيم داعش القرية", [("تنظيم داعش", "islamic_state", "named")]),
    ("هاجم مسلحون القرية من جهة الشرق", [("مسلحون", "unidentified", "generic")]),
    ("وقصفت الفصائل مواقع العشائر", [("العشائر", "tribes", "named")]),
    ("هاجم المتمردون الحوثيون المدينة", [("المتمردون", "rebels", "named"), ("الحوثيون", "houthis", "named")]),
    ("تصدت القوات لهجوم الانقلابيين", [("الانقلابيين", "rebels", "named")]),
    ("شنت غارات على مواقع الجهاديين", [("الجهاديين", "unidentified", "generic")]),
    ("فرقت قوات الدرك المحتجين", [("قوات الدرك", "police", "state"), ("المحتجين", "protesters", "generic")]),
    # Defectors from the army: its mutiny.
    ("اندلعت اشتباكات بين الجيش والمنشقين", [("الجيش", "military", "state"),
                                            ("المنشقين", "defectors", "named")]),
    # Communal militias named by their sect or people.
    ("هاجمت الفصائل الدرزية مواقع العشائر", [("الفصائل الدرزية", "druze_militia", "named"),
                                           ("العشائر", "tribes", "named")]),
    ("اشتبك مسلحون دروز مع قوات الأمن", [("مسلحون دروز", "druze_militia", "named"),
                                       ("قوات الأمن", "police", "state")]),
    ("هاجمت ميليشيات علوية حاجزا", [("ميليشيات علوية", "alawite_militia", "named")]),
    ("قتل مسلحون أكراد في الاشتباك", [("مسلحون أكراد", "kurdish_militia", "named")]),
    ("تعرضت إحدى دوريات الأمن لإطلاق نار", [("دوريات الأمن", "police", "state")]),
])
def test_recognize_forces_by_ministry_security_units_and_the_enemy(text: str,
                                                                   items: list[tuple[str, str, str]]) -> None:
    assert _mentions(text) == _expect(text, *items)


def test_recognize_keeps_article_drops_other_proclitics() -> None:
    # An article merged into ل stays with it: the span is the word as written less و ف ب.
    text = "وبالحوثيين ولقسد وللفاطميين"
    assert [m[2] for m in _mentions(text)] == ["الحوثيين", "قسد", "للفاطميين"]


def test_recognize_mentions_carry_token_indices_and_prefix() -> None:
    v = analyse("t", "هاجم تنظيم داعش نقاطا لقسد")
    ms = find_actors(v, v.sentences[0])
    assert [(m.first, m.last, m.prefix) for m in ms] == [(1, 3, ""), (4, 5, "ل")]


@pytest.mark.parametrize("text, items", [
    # "الأمن" alone is the country's security forces right after a means of force.
    ("قتل ثلاثة مدنيين برصاص الأمن في المدينة",
     [("مدنيين", "civilians", "generic"), ("الأمن", "police", "state")]),
    ("أصيب متظاهر بنيران الأمن قرب الساحة",
     [("متظاهر", "protesters", "generic"), ("الأمن", "police", "state")]),
    ("اعتقل شاب على حاجز للأمن", [("للأمن", "police", "state")]),
    # With a nationality it is that country's police, whatever stands before it.
    ("قتل شاب برصاص الأمن السوري", [("الأمن السوري", "police_sy", "named")]),
])
def test_recognize_security_after_a_means_of_force(text: str, items: list[tuple[str, str, str]]) -> None:
    assert _mentions(text) == _expect(text, *items)


@pytest.mark.parametrize("text", [
    "دعا مجلس الأمن إلى وقف القتال",
    "أكد الوزير أن الأمن مستتب في المدينة",
    "قتل مدني برصاص الجيش والأمن في البلدة",  # after و: "الأمن" may be the abstract noun, left unread
])
def test_recognize_security_alone_is_no_actor(text: str) -> None:
    assert [m for m in _mentions(text) if m[2].endswith("الأمن")] == []
