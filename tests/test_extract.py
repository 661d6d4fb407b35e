"""End-to-end coding of short articles written for these tests: exact fields and evidence."""

import pytest

import marsad

PUBLISHED = "2019-03-07"


def _one(text, **kw):
    events = marsad.extract(text, **kw)
    assert len(events) == 1, [e.to_dict() for e in events]
    return events[0]


def _evidence(e, field):
    return [x.text for x in e.evidence if x.field == field]


def test_extract_ied_victims_are_the_target_and_deaths_exclude_wounded():
    e = _one(
        "قتل ثلاثة جنود عراقيين وأصيب خمسة آخرون أمس في هجوم بعبوة ناسفة في مدينة الرمادي.",
        published=PUBLISHED,
    )
    assert (e.event_type, e.sub_event_type) == ("Explosions/Remote violence", "Remote explosive/landmine/IED")
    assert (e.actor1, e.actor2) == ("Unidentified Armed Group (Iraq)", "Military Forces of Iraq (2018-2020)")
    assert (e.inter1, e.inter2) == ("Political militia", "State forces")
    assert e.fatalities == 3 and _evidence(e, "fatalities") == ["ثلاثة جنود عراقيين"]
    assert e.event_date == "2019-03-06" and e.time_precision == 1 and _evidence(e, "event_date") == ["أمس"]
    assert (e.location, e.country, e.iso, e.geo_precision) == ("Ramadi", "Iraq", 368, 1)
    assert _evidence(e, "location") == ["الرمادي"]


def test_extract_air_strike_on_civilians_names_the_air_force_by_nationality():
    text = "قُتل خمسة مدنيين، أمس، في غارة جوية شنتها طائرات حربية روسية على بلدة خان شيخون في ريف إدلب."
    e = _one(text, published=PUBLISHED)
    assert e.sub_event_type == "Air/drone strike"
    assert (e.actor1, e.actor2) == ("Military Forces of Russia (2000-)", "Civilians (Syria)")
    assert e.civilian_targeting == "Civilian targeting"
    assert e.fatalities == 5
    assert e.location == "Khan Shaykhun" and e.admin1 == "Idlib"
    assert _evidence(e, "actor1") == ["طائرات حربية روسية"]
    for x in e.evidence:
        assert text[x.start : x.end] == x.text


def test_extract_force_against_protesters_is_one_protest_event():
    text = (
        "تظاهر آلاف السودانيين في الخرطوم أمس للمطالبة بتسليم السلطة إلى المدنيين، وأطلقت قوات الدعم "
        "السريع النار على المتظاهرين ما أدى إلى مقتل ثلاثة منهم."
    )
    e = _one(text, published=PUBLISHED)
    assert (e.event_type, e.sub_event_type) == ("Protests", "Excessive force against protesters")
    assert e.disorder_type == "Demonstrations"
    assert e.actor1 == "Protesters (Sudan)"
    assert e.actor2.startswith("Military Forces of Sudan") and "Rapid Support Forces" in e.actor2
    assert e.fatalities == 3 and e.location == "Khartoum"


def test_extract_two_mentions_of_one_event_fuse_and_the_speaker_is_not_an_actor():
    text = (
        "قتل ثلاثة جنود عراقيين أمس في هجوم بعبوة ناسفة في مدينة الرمادي. وقالت الشرطة إن الانفجار "
        "الذي استهدف الدورية في الرمادي أمس أدى إلى مقتل ثلاثة جنود."
    )
    e = _one(text, published=PUBLISHED)
    assert e.fatalities == 3
    assert e.actor1 == "Unidentified Armed Group (Iraq)"
    assert _evidence(e, "location") == ["الرمادي", "الرمادي"]
    assert e.attribution == "الشرطة"


def test_extract_place_from_the_sentence_before_is_coded_less_precisely():
    e = _one(
        "تشهد مدينة الرمادي توترا أمنيا منذ أسابيع. وقتل ثلاثة جنود عراقيين أمس في هجوم بعبوة ناسفة.",
        published=PUBLISHED,
    )
    assert (e.location, e.geo_precision) == ("Ramadi", 2)


def test_extract_event_without_place_is_kept_with_lower_confidence():
    placed = _one("قتل ثلاثة جنود عراقيين أمس في هجوم بعبوة ناسفة في مدينة الرمادي.", published=PUBLISHED)
    unplaced = _one("قتل ثلاثة جنود عراقيين أمس في هجوم بعبوة ناسفة.", published=PUBLISHED)
    assert unplaced.location is None and unplaced.latitude is None and unplaced.geo_precision is None
    assert unplaced.country == "Iraq"  # from the Iraqi soldiers
    assert unplaced.confidence < placed.confidence


def test_extract_event_without_any_date_is_flagged_not_dropped():
    e = _one("قتل ثلاثة جنود عراقيين في هجوم بعبوة ناسفة في مدينة الرمادي.")
    assert e.tags == "date unknown" and e.time_precision == 3
    assert e.to_dict()["event_date"]  # the record stays valid for ACLED tools


def test_extract_event_ids_are_stable_across_runs():
    text = "قتل ثلاثة جنود عراقيين أمس في هجوم بعبوة ناسفة في مدينة الرمادي."
    assert _one(text, published=PUBLISHED).event_id == _one(text, published=PUBLISHED).event_id


def test_extract_notes_summarise_the_fields_in_english():
    e = _one("قتل ثلاثة جنود عراقيين أمس في هجوم بعبوة ناسفة في مدينة الرمادي.", published=PUBLISHED)
    assert e.notes == (
        "On 2019-03-06, Unidentified Armed Group (Iraq) used an explosive device against "
        "Military Forces of Iraq (2018-2020) in Ramadi (Al-Anbar, Iraq). 3 fatalities reported."
    )


@pytest.mark.parametrize(
    "text",
    [
        "هددت جماعة الحوثي بقصف منشآت نفطية سعودية إذا استمر الحصار.",
        "وصل مئات النازحين إلى مخيم الهول هربا من القصف.",
        "fbpx\nاظهر المزيد\nمقالات ذات صلة\nزر الذهاب إلى الأعلى",
    ],
)
def test_extract_no_event_from_threats_displacement_or_furniture(text):
    assert marsad.extract(text, published=PUBLISHED) == []


def test_extract_toll_of_an_air_strike_is_not_a_separate_killing():
    text = (
        "قصفت طائرات التحالف الدولي مواقع تابعة لتنظيم داعش في قرية سرجومة جنوب غربي كركوك أمس، "
        "مما أسفر عن مقتل 15 من عناصره."
    )
    e = _one(text, published=PUBLISHED)
    assert e.sub_event_type == "Air/drone strike"
    assert (e.actor1, e.actor2) == ("Global Coalition Against Daesh", "Islamic State (Iraq)")
    assert e.fatalities == 15


def test_extract_unknown_village_west_of_a_city_is_coded_near_the_city():
    # The gazetteer's only "العامرية" is in Algeria; "غربي بغداد" anchors it in Iraq instead.
    e = _one(
        "قتل ثلاثة عناصر من الصحوة والجيش وأصيب ستة آخرون في منطقة العامرية غربي بغداد أمس.",
        published=PUBLISHED,
    )
    assert (e.location, e.country, e.geo_precision) == ("Baghdad", "Iraq", 2)
    # Soldiers among the dead: the army is the target, and an attack on soldiers is a battle.
    assert (e.event_type, e.actor2) == ("Battles", "Military Forces of Iraq (2018-2020)")


@pytest.mark.parametrize(
    "text",
    [
        "بدأت مسيرة القائد صعودا مع تعيينه حاكما لدمشق عام 1063م بعد معارك طاحنة.",
        "قتل 12 جنديا في هجوم على ثكنة عسكرية عام 2015 في المدينة.",
    ],
)
def test_extract_sentence_placed_in_an_earlier_year_is_history(text):
    assert marsad.extract(text, published=PUBLISHED) == []


def test_extract_past_year_after_the_event_qualifies_something_else():
    text = "اعتصم آلاف المتظاهرين أمس أمام مقر الحكومة في بيروت ضد القانون الذي أقر عام 2017."
    assert [e.sub_event_type for e in marsad.extract(text, published=PUBLISHED)] == ["Peaceful protest"]


def test_extract_security_forces_killing_a_gunman_is_a_battle_and_arrests_default_to_police():
    text = (
        "وقالت وزارة الداخلية في بيان إن قوات الأمن قتلت مسلحا واعتقلت 13 آخرين في عملية استباقية "
        "في مدينة بنزرت أمس."
    )
    e = _one(text, published=PUBLISHED)
    assert (e.event_type, e.actor1, e.actor2) == (
        "Battles",
        "Police Forces of Tunisia",
        "Unidentified Armed Group (Tunisia)",
    )
    assert e.fatalities == 1
    arrest = _one(
        "وأوضح البيان أن إدارة مكافحة الإرهاب ألقت القبض على 13 عنصرا في مدينة بنزرت أمس.",
        published=PUBLISHED,
    )
    assert (arrest.sub_event_type, arrest.actor1, arrest.actor2) == (
        "Arrests",
        "Police Forces of Tunisia",
        "Civilians (Tunisia)",
    )


def test_extract_speaker_of_anha_is_the_subject_and_victims_group_follows_the_count():
    e = _one(
        "أكدت مصادر في الجيش اليمني بمحافظة مأرب أنها قتلت 17 من عناصر ميليشيا الحوثي أمس.",
        published=PUBLISHED,
    )
    assert e.actor1.startswith("Military Forces of Yemen (2012-)")
    assert e.actor2 == "Military Forces of Yemen (2014-) Houthi"
    assert (e.event_type, e.fatalities) == ("Battles", 17)


def test_extract_attack_verb_with_aircraft_subject_is_an_air_strike():
    e = _one(
        "واستهدف طيران التحالف تجمعات الميليشيات الحوثية في مدينة صعدة أمس، مما أدى إلى مقتل 29 منهم.",
        published=PUBLISHED,
    )
    assert (e.sub_event_type, e.actor1) == ("Air/drone strike", "Military Forces of Saudi Arabia (2015-)")


def test_library_clean_and_geoparse_return_contract_records():
    rec = marsad.clean(
        "fbpx\nقصفت طائرات حربية بلدة هجين أمس.\nاظهر المزيد", doc_id="p1", published="2018-09-15"
    )
    assert rec == {
        "id": "p1",
        "title": None,
        "published": "2018-09-15",
        "text": "قصفت طائرات حربية بلدة هجين أمس.",
        "language": "ar",
    }
    places = [p.to_dict() for p in marsad.geoparse("اشتباكات عنيفة في بلدة هجين بريف دير الزور الشرقي")]
    assert [(p["text"], p["country"]) for p in places] == [("هجين", "SY"), ("دير الزور", "SY")]


def test_extract_the_organisation_is_the_one_named_before():
    text = (
        "بدأت قوات التحالف هجوما على تنظيم داعش في دير الزور. "
        "وقصفت المدفعية يوم الاثنين الماضي مواقع التنظيم في بلدة هجين."
    )
    events = marsad.extract(text, published="2018-09-15")
    shelling = [e for e in events if e.sub_event_type == "Shelling/artillery/missile attack"]
    assert [e.actor2 for e in shelling] == ["Islamic State (Syria)"]
    assert [x.text for x in shelling[0].evidence if x.field == "actor2"] == ["التنظيم"]


def test_extract_areas_under_control_are_not_takeovers():
    text = "لم يطل القصف الشعفة، كما جرى في بقية البلدات الخاضعة لسيطرة تنظيم داعش شرق الفرات."
    assert [e.sub_event_type for e in marsad.extract(text, published="2018-09-15")] == []


def test_extract_toll_in_the_next_sentence_belongs_to_the_attack():
    text = (
        "انفجرت سيارة مفخخة بعد ظهر أمس قرب مسجد في صنعاء، وأعلن تنظيم داعش مسؤوليته عن العملية. "
        "وقال مصدر طبي: إن أربعة أشخاص قتلوا وأصيب أربعة آخرون في الاعتداء."
    )
    e = _one(text, published=PUBLISHED)
    assert (e.sub_event_type, e.actor1, e.location, e.fatalities) == (
        "Remote explosive/landmine/IED",
        "Islamic State (Yemen)",
        "Sanaa",
        4,
    )
    assert [x.text for x in e.evidence if x.field == "fatalities"] == ["أربعة أشخاص"]


def test_extract_means_of_a_recalled_death_is_background():
    assert (
        marsad.extract(
            "واتت المداهمات بعد مقتل 32 شخصا في تفجير انتحاري الاثنين في بلدة حدودية.", published=PUBLISHED
        )
        == []
    )


def test_extract_speaker_army_kills_fighters_in_its_own_country():
    text = "وصرح الجيش التشادي اليوم، أنه قتل 100 مسلح على الأقل في عملية عسكرية في جزر بحيرة تشاد."
    e = _one(text, published=PUBLISHED)
    assert (e.event_type, e.actor1, e.actor2, e.country, e.fatalities) == (
        "Battles", "Military Forces of Chad", "Unidentified Armed Group (Chad)", "Chad", 100)


SHELLING = "Shelling/artillery/missile attack"


@pytest.mark.parametrize(
    ("text", "actor2", "place", "location"),
    [
        # Only wounded: an event all the same, with no fatalities; the wounded civilians are the target.
        (
            "أصيب ثلاثة مدنيين بجروح في قصف مدفعي على بلدة كفرنبل في ريف إدلب.",
            "Civilians (Syria)",
            "كفرنبل",
            "Kafranbel",
        ),
        ("أصيب ثلاثة مدنيين في قصف على مدينة إدلب.", "Civilians (Syria)", "إدلب", "Idlib"),
        # Only damage: nobody named as the target.
        ("تضررت منازل في قصف على بلدة كفرنبل.", "", "كفرنبل", "Kafranbel"),
    ],
)
def test_extract_shelling_that_only_wounds_or_damages_is_an_event(text, actor2, place, location):
    e = _one(text, published=PUBLISHED)
    assert (e.event_type, e.sub_event_type) == ("Explosions/Remote violence", SHELLING)
    assert (e.actor1, e.actor2) == ("Unidentified Armed Group (Syria)", actor2)
    assert e.fatalities == 0 and _evidence(e, "fatalities") == []
    assert (e.location, e.country, e.geo_precision) == (location, "Syria", 1)
    assert _evidence(e, "location") == [place]
    assert _evidence(e, "event")[0].startswith("قصف")


def test_extract_shelling_verb_names_the_force_and_no_target():
    e = _one("قصفت قوات النظام بلدة كفرنبل بالمدفعية.", published=PUBLISHED)
    assert (e.event_type, e.sub_event_type) == ("Explosions/Remote violence", SHELLING)
    # A town shelled with no victims named: ACLED leaves the target empty.
    assert (e.actor1, e.inter1) == ("Military Forces of Syria (2000-2024)", "State forces")
    assert (e.actor2, e.inter2) == ("", "")
    assert e.fatalities == 0 and e.civilian_targeting == ""
    assert (e.location, e.geo_precision) == ("Kafranbel", 1)
    assert [(x.field, x.start, x.end, x.text) for x in e.evidence] == [
        ("event", 0, 4, "قصفت"),
        ("location", 22, 28, "كفرنبل"),
        ("actor1", 5, 16, "قوات النظام"),
    ]


def test_extract_wounded_coordinated_after_the_dead_are_not_fatalities():
    e = _one("وقال مصدر طبي إن 11 شخصا قتلوا و32 أصيبوا في قصف على مدينة إدلب.", published=PUBLISHED)
    assert e.sub_event_type == "Shelling/artillery/missile attack"
    assert e.fatalities == 11 and _evidence(e, "fatalities") == ["11 شخصا"]
    assert e.attribution == "مصدر طبي"



@pytest.mark.parametrize("text,actor1,actor2", [
    ("هاجم متظاهرون غاضبون مقر الحزب الحاكم في مدينة حمص.", "Rioters (Syria)", ""),
    ("هاجم محتجون غاضبون مقر المحافظة في مدينة البصرة.", "Rioters (Iraq)", ""),
])
def test_extract_demonstrators_who_attack_riot(text, actor1, actor2):
    e = _one(text, published=PUBLISHED)
    assert (e.event_type, e.sub_event_type) == ("Riots", "Violent demonstration")
    assert e.disorder_type == "Political violence; Demonstrations"
    assert (e.actor1, e.inter1, e.actor2) == (actor1, "Rioters", actor2)
    assert e.fatalities == 0


def test_extract_demonstrators_attack_without_place_stay_riot():
    e = _one("هاجم متظاهرون غاضبون مقر الحزب الحاكم في المدينة.", published=PUBLISHED)
    assert (e.event_type, e.sub_event_type, e.actor1, e.inter1) == (
        "Riots", "Violent demonstration", "Rioters", "Rioters")


@pytest.mark.parametrize("text,event_type,sub,actor1", [
    # Armed sides on both ends are still a battle.
    ("هاجم مسلحون مجهولون حاجزا للجيش في مدينة درعا.", "Battles", "Armed clash",
     "Unidentified Armed Group (Syria)"),
    # A peaceful protest is not re-typed.
    ("تظاهر مئات في مدينة البصرة احتجاجا على انقطاع الكهرباء.", "Protests", "Peaceful protest",
     "Protesters (Iraq)"),
])
def test_extract_crowd_rule_leaves_other_events(text, event_type, sub, actor1):
    e = _one(text, published=PUBLISHED)
    assert (e.event_type, e.sub_event_type, e.actor1) == (event_type, sub, actor1)


@pytest.mark.parametrize("text,fatalities,evidence", [
    ("قتلت امرأة وطفلها إثر قصف مدفعي على بلدة كفرنبل.", 2, ["امرأة وطفلها"]),
    ("قتل رجل وزوجته وثلاثة من أطفالهما في غارة جوية على بلدة سراقب.", 5,
     ["رجل وزوجته وثلاثة من أطفالهما"]),
    ("قتل عشرة بينهم امرأة وطفلها في قصف على بلدة كفرنبل.", 10, ["عشرة"]),
])
def test_extract_joined_victims_are_counted(text, fatalities, evidence):
    e = _one(text, published=PUBLISHED)
    assert e.fatalities == fatalities and _evidence(e, "fatalities") == evidence


def test_extract_the_army_named_before_is_the_army_meant():
    # "الجيش" after "الجيش الإسرائيلي" in a strike on Lebanon is Israel's army, not Lebanon's.
    text = (
        "قال الجيش الإسرائيلي إنه استهدف مواقع في جنوب لبنان. "
        "وقصف الجيش بلدة الخيام بالمدفعية أمس."
    )
    events = marsad.extract(text, published="2024-09-20")
    shelling = [e for e in events if e.sub_event_type == "Shelling/artillery/missile attack"]
    assert [e.actor1 for e in shelling] == ["Military Forces of Israel (2022-)"]
    assert _evidence(shelling[0], "actor1") == ["الجيش"]


def test_extract_gunmen_are_the_group_named_before():
    text = (
        "سيطرت هيئة تحرير الشام على بلدة سراقب أمس. "
        "وقصف المسلحون مواقع قوات النظام في بلدة سراقب."
    )
    events = marsad.extract(text, published="2019-03-07")
    shelling = [e for e in events if e.sub_event_type == "Shelling/artillery/missile attack"]
    assert [(e.actor1, e.actor2) for e in shelling] == [
        ("HTS: Hayat Tahrir al Sham", "Military Forces of Syria (2000-2024)")]
    assert _evidence(shelling[0], "actor1") == ["المسلحون"]


@pytest.mark.parametrize("text, actor1, sub", [
    # A militia fighting for the recognised government regains what it takes, as the army does.
    ("سيطرت المقاومة الشعبية اليوم على مدينة الضالع بعد معارك مع الحوثيين.",
     "Popular Resistance (Yemen)", "Government regains territory"),
    ("استعاد الجيش السوري السيطرة على مدينة معرة النعمان من الفصائل.",
     "Military Forces of Syria (2000-2024)", "Government regains territory"),
    # The forces of a rival authority and foreign forces overtake.
    ("سيطر الحوثيون اليوم على مدينة عدن بعد معارك عنيفة.",
     "Military Forces of Yemen (2014-) Houthi", "Non-state actor overtakes territory"),
    ("سيطرت القوات التركية اليوم على مدينة تل أبيض السورية.",
     "Military Forces of Turkey (2002-)", "Non-state actor overtakes territory"),
])
def test_extract_takeover_by_the_government_side(text, actor1, sub):
    e = _one(text, published="2015-08-01")
    assert (e.event_type, e.sub_event_type, e.actor1) == ("Battles", sub, actor1)


def test_extract_unnamed_bomber_is_the_group_that_claimed_the_attack():
    text = ("انفجرت سيارة مفخخة في سوق شعبي بمدينة بعقوبة أمس، ما أسفر عن مقتل خمسة مدنيين. "
            "وتبنى تنظيم داعش الهجوم في بيان نشره على الإنترنت.")
    e = _one(text, published="2016-05-10")
    assert e.sub_event_type == "Remote explosive/landmine/IED"
    assert (e.actor1, e.actor2) == ("Islamic State (Iraq)", "Civilians (Iraq)")
    assert "تنظيم داعش" in _evidence(e, "actor1")


@pytest.mark.parametrize("text", [
    # Nobody claimed it; a group named otherwise claims nothing.
    "انفجرت سيارة مفخخة في سوق شعبي بمدينة بعقوبة أمس، ما أسفر عن مقتل خمسة مدنيين. "
    "ولم تعلن أي جهة مسؤوليتها عن الهجوم.",
    "انفجرت سيارة مفخخة في سوق شعبي بمدينة بعقوبة أمس، ما أسفر عن مقتل خمسة مدنيين. "
    "ونفى تنظيم داعش مسؤوليته عن الهجوم.",
])
def test_extract_unclaimed_bombing_keeps_an_unidentified_initiator(text):
    e = _one(text, published="2016-05-10")
    assert (e.actor1, e.actor2) == ("Unidentified Armed Group (Iraq)", "Civilians (Iraq)")


@pytest.mark.parametrize("text, actor1, actor2", [
    # An air strike no mention names is the air force's that flies over the place.
    ("قتل خمسة مدنيين اليوم في غارة جوية على بلدة النبطية في جنوب لبنان.",
     "Military Forces of Israel (2022-)", "Civilians (Lebanon)"),
    ("قتل سبعة مواطنين جراء قصف جوي استهدف مسجدا في حي شمبات بالخرطوم بحري يوم الجمعة.",
     "Military Forces of Sudan (2019-)", "Civilians (Sudan)"),
    # A named air force keeps its name; a drone stays unnamed, armed groups fly them too.
    ("شنت طائرات حربية روسية غارة جوية على بلدة في ريف إدلب اليوم.", "Military Forces of Russia (2000-)", ""),
    ("استهدفت طائرة مسيرة موقعا قرب مدينة زاخو في شمال العراق اليوم.", "Unidentified Armed Group (Iraq)", ""),
])
def test_extract_unnamed_air_strike_is_the_air_power_of_the_place(text, actor1, actor2):
    e = _one(text, published="2024-09-20")
    assert e.sub_event_type == "Air/drone strike"
    assert (e.actor1, e.actor2) == (actor1, actor2)
    assert e.interaction == ("State forces-Civilians" if actor2 else f"{e.inter1} only")


@pytest.mark.parametrize("text, actor1, actor2, evidence1", [
    # "من قبل X" after the victims names who acted, not whose the victims were.
    ("اعتقل خمسة شبان من قبل قوات الأمن في مدينة درعا اليوم.",
     "Police Forces of Syria (2000-2024)", "Civilians (Syria)", ["قوات الأمن"]),
    ("قتل ثلاثة عناصر من الجيش من قبل مسلحين مجهولين في درعا اليوم.",
     "Unidentified Armed Group (Syria)", "Military Forces of Syria (2000-2024)", ["مسلحين مجهولين"]),
    # "من" with no قبل still names the victims' group.
    ("قتل ثلاثة عناصر من الجيش في هجوم شنه مسلحون مجهولون في درعا اليوم.",
     "Unidentified Armed Group (Syria)", "Military Forces of Syria (2000-2024)", ["مسلحون مجهولون"]),
])
def test_extract_agent_after_the_victims_with_min_qibal(text, actor1, actor2, evidence1):
    e = _one(text, published="2019-03-07")
    assert (e.actor1, e.actor2) == (actor1, actor2)
    assert _evidence(e, "actor1") == evidence1


@pytest.mark.parametrize("text, actor2", [
    # People a bomb or a strike killed or wounded, no side named, are civilians.
    ("قتل عشرة أشخاص اليوم في غارة جوية إسرائيلية على بلدة في جنوب لبنان.", "Civilians (Lebanon)"),
    ("أصيب ثلاثة أشخاص بجروح إثر انفجار عبوة ناسفة في مدينة الصنمين بريف درعا.", "Civilians (Syria)"),
    # A named side stays; no victims, or only the bomber, name nobody.
    ("قتل جنديان سوريان في انفجار عبوة ناسفة في مدينة الصنمين بريف درعا.",
     "Military Forces of Syria (2000-2024)"),
    ("انفجرت عبوة ناسفة في مدينة الصنمين بريف درعا دون وقوع إصابات.", ""),
    ("قتل انتحاري فجر نفسه قرب حاجز في مدينة الصنمين بريف درعا.", ""),
])
def test_extract_unnamed_victims_of_remote_violence_are_civilians(text, actor2):
    e = _one(text, published="2023-09-29")
    assert e.event_type == "Explosions/Remote violence"
    assert e.actor2 == actor2


@pytest.mark.parametrize("text,location", [
    # A dateline says where the report was filed: an event with no place of its own gets none from it ...
    ("مقتل ثلاثة جنود في شرق ليبيا\nبنغازي - وكالات:\nقتل ثلاثة جنود ليبيين أمس في هجوم بعبوة ناسفة.", None),
    ("بغداد: «الشرق الأوسط»\nقتل ثلاثة جنود عراقيين أمس في هجوم بعبوة ناسفة.", None),
    # ... and one that names its place keeps it; a city named at the head of a line without a dash or
    # a date is no dateline.
    ("بنغازي - وكالات:\nقتل ثلاثة جنود ليبيين أمس في هجوم بعبوة ناسفة في أجدابيا.", "Ajdabiya"),
    ("تشهد بنغازي توترا أمنيا.\nقتل ثلاثة جنود ليبيين أمس في هجوم بعبوة ناسفة.", "Benghazi"),
])
def test_extract_dateline_is_no_event_place(text, location):
    assert _one(text, published=PUBLISHED).location == location
