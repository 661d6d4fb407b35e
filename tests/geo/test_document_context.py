"""Generic words, head nouns and the document's country as a prior (the installed gazetteer)."""

from __future__ import annotations

import pytest

import marsad


def _places(text: str) -> list[tuple[str, str | None]]:
    return [(m.text, m.place.country if m.place else None) for m in marsad.geoparse(text)]


@pytest.mark.parametrize("text,expected", [
    # A definite place noun is the noun on its own, not the head of the name after it.
    ("وأفادت مصادر للجزيرة بأن قتلى سقطوا في حمص", [("حمص", "SY")]),
    ("وقالت المصادر للجزيرة إن الاشتباكات توقفت", []),
    # "وسط" is the middle of a place, not a place noun: the city centre names no town.
    ("تجمع المحتجون وسط المدينة", []),
    ("تجمع المحتجون في وسط دمشق", [("دمشق", "SY")]),
    # Ordinary words that GeoNames lists somewhere are not places on their own ...
    ("أطلقت الشرطة القنابل المسيلة للدموع على المحتجين", []),
    ("أصدرت المحكمة حكما بالسجن على المتهمين", []),
    ("قصفت الطائرات الأحياء الشرقية والغربية من المدينة", []),
    ("نقل الجرحى إلى مستشفى ناصر", []),
    ("هاجم مسلحون القرى الحدودية", []),
    # ... but after a true head noun they are.
    ("وصل الوفد إلى ولاية المسيلة", [("ولاية المسيلة", "DZ")]),
])
def test_generic_words_need_a_head_noun(text, expected):
    assert _places(text) == expected


@pytest.mark.parametrize("text,expected", [
    # A head word of a compound name after a place noun starts a name the gazetteer lacks.
    ("قتل جندي في قرية تل الوردة", [("تل الوردة", None)]),
    ("اقتحمت القوات قرية عين الزرقاء", [("عين الزرقاء", None)]),
    # A known compound is read as known.
    ("سيطروا على بلدة عين العرب", [("عين العرب", "SY")]),
    ("دخلوا بلدة دير حافر شرق حلب", [("دير حافر", "SY"), ("حلب", "SY")]),
])
def test_compound_name_after_place_noun(text, expected):
    assert _places(text) == expected


@pytest.mark.parametrize("text,name,country", [
    # A name listed with its place noun ("مدينة زنجبار" for Zanzibar) competes with the
    # namesakes of the name alone; the document's other places choose.
    ("حاصرت القوات مدينة زنجبار عاصمة محافظة أبين", "مدينة زنجبار", "YE"),
    ("وصل السياح إلى مدينة زنجبار في تنزانيا", "مدينة زنجبار", "TZ"),
])
def test_name_with_its_place_noun_meets_namesakes(text, name, country):
    m = next(m for m in marsad.geoparse(text) if m.text == name)
    assert m.place.country == country


def _in_context(text: str):
    from marsad.geo import find_places_in_context
    from marsad.text import analyse

    places, doc = find_places_in_context(analyse("t", text))
    return [(m.text, m.place.country if m.place else None) for m in places], doc


@pytest.mark.parametrize("text,country", [
    # Countries named (two votes each), nationality adjectives and places with no namesake abroad.
    ("قصفت قوات النظام السوري بلدات في ريف دير الزور وقال ناشطون سوريون إن القصف مستمر", "SY"),
    ("اندلعت اشتباكات في محافظة أبين اليمنية بين القوات اليمنية والحوثيين", "YE"),
    ("تظاهر الآلاف في العراق احتجاجا على الفساد في البصرة والناصرية", "IQ"),
    # Too little evidence, or evidence split between countries: no document country.
    ("تظاهر المئات في دمشق", None),
    ("غارات على مواقع في اليمن والعراق وسوريا", None),
    ("قتل مدني في حلب في سوريا وقال مسؤولون في الأردن إن قذيفة سقطت على الرمثا", None),
    # Half as much evidence again is enough: Syria named with two of its cities against Jordan.
    ("قتل مدنيان في حلب وإدلب في سوريا وقال مسؤولون في الأردن إن قذيفة سقطت على الرمثا", "SY"),
    # "سوريا" is the country's name; "تركية" after an indefinite noun the adjective.
    ("قصفت طائرات روسية مواقع في سوريا وسقطت قذائف على حلب", "SY"),
])
def test_document_country(text, country):
    assert _in_context(text)[1].country == country


def test_document_admin1_needs_two_unambiguous_places():
    text = "قصفت الطائرات السورية مدينة إدلب وبلدة سراقب في محافظة إدلب شمال سوريا"
    assert _in_context(text)[1].admin1 == "Idlib"
    assert _in_context("قصفت الطائرات السورية مدينة حلب وبلدة سراقب في سوريا")[1].admin1 is None


@pytest.mark.parametrize("text,expected", [
    # A village the gazetteer lacks, named like a district abroad, is left unresolved in a
    # document about another country ...
    ("قصفت قوات النظام السوري بلدات في ريف دير الزور. وقال ناشطون سوريون إن الطائرات استهدفت قرية "
     "الجفرة وقتلت ثلاثة مدنيين.", [("دير الزور", "SY"), ("الجفرة", None)]),
    ("قتل مدنيان في قصف على حلب وإدلب. وقال ناشطون سوريون إن القصف طال قرية ابيلا.",
     [("حلب", "SY"), ("إدلب", "SY"), ("ابيلا", None)]),
    # ... but read as that district where the document is about its country,
    ("اندلعت اشتباكات في منطقة الجفرة جنوب ليبيا بين قوات ليبية متنافسة",
     [("الجفرة", "LY"), ("ليبيا", "LY"), ("ليبية", "LY")]),
    # ... or where the document names the foreign place's country or qualifies the place.
    ("قتل مدنيان في قصف على حلب وإدلب. وقال ناشطون سوريون إن القصف طال قرية الشعيرات. وسقطت قذيفة "
     "على بلدة الرمثا الأردنية.", [("حلب", "SY"), ("إدلب", "SY"), ("الشعيرات", "SY"), ("الرمثا", "JO")]),
    # The document's country picks among namesakes: Zinjibar (Yemen), not Zanzibar.
    ("اشتباكات بين قوات يمنية والحوثيين في محافظة أبين اليمنية. وتواصل القتال في زنجبار.",
     [("أبين", "YE"), ("زنجبار", "YE")]),
])
def test_document_country_is_the_prior(text, expected):
    assert _in_context(text)[0] == expected


def test_event_country_from_document_context():
    # The event sentence names no place: the country comes from the document's evidence.
    events = marsad.extract("قالت وزارة الداخلية العراقية إن الاحتجاجات عمت البصرة والناصرية. "
                            "وقتل ثلاثة محتجين برصاص قوات الأمن أمس.", published="2019-10-05")
    assert events and {e.to_dict()["country"] for e in events} == {"Iraq"}


@pytest.mark.parametrize("text,expected", [
    # A namesake abroad of a place the text locates in another country is no reading of it: the
    # place that locates it gives the coordinates, coarser (2 near a town, 3 in a province).
    ("مواجهات عنيفة في بيت جن بريف دمشق بين القوات والمسلحين",
     [("بيت جن", "Damascus Countryside", 3), ("ريف دمشق", "Damascus Countryside", 3)]),
    ("سيطرت القوات على قرية الزهيرات شرقي دير الزور",
     [("الزهيرات", "Deir ez-Zor", 2), ("دير الزور", "Deir ez-Zor", 2)]),
    ("سيطرت القوات على قرية الزهيرات في محافظة إدلب",
     [("الزهيرات", "Idlib", 3), ("محافظة إدلب", "Idlib", 3)]),
    # An adjective says the place is abroad; a known place keeps its own reading.
    ("تظاهر المئات في بلدة الرمثا الأردنية قرب درعا", [("الرمثا", "Ar Ramthā", 1), ("درعا", "Dar'a", 2)]),
    ("قصف على هجين بريف دير الزور الشرقي", [("هجين", "Hajīn", 1), ("دير الزور", "Deir ez-Zor", 2)]),
])
def test_unknown_or_foreign_place_takes_the_place_that_locates_it(text, expected):
    assert [(m.text, m.place.name, m.geo_precision) for m in marsad.geoparse(text)] == expected


@pytest.mark.parametrize("text,expected", [
    # A list is no chain of places inside places: each country stays itself.
    ("يحذر الخبراء من منخفض سيضرب لبنان، مصر، العراق، سوريا", [("لبنان", "LB"), ("مصر", "EG"),
                                                               ("العراق", "IQ"), ("سوريا", "SY")]),
    ("وصلت المساعدات إلى محافظة إدلب، سراقب", [("محافظة إدلب", "SY"), ("سراقب", "SY")]),
])
def test_bigger_place_is_not_located_by_the_next(text, expected):
    assert _places(text) == expected


@pytest.mark.parametrize("text,expected,country", [
    # Far from the document's country, only a great city or a capital is read abroad; a quarter or
    # area never is, nor a small place ("الشدادي" is a surname in a Yemeni report).
    ("قتل ثلاثة مدنيين بقصف الحوثيين على مدينة تعز اليمنية. واستمرت المعارك في منطقة بوسان في "
     "محافظة تعز.", [("تعز", "YE"), ("بوسان", "YE"), ("محافظة تعز", "YE")], "YE"),
    ("قتل ثلاثة مدنيين بقصف الحوثيين على مدينة تعز اليمنية. وقال القائد عبد الرب الشدادي إن قواته "
     "تقدمت في مأرب.", [("تعز", "YE"), ("الشدادي", None), ("مأرب", "YE")], "YE"),
    # Across a nearby border a town of some size is read: a Turkish drone over Qamishli. "تركية"
    # after a noun is the adjective, one piece of evidence, not the country named.
    ("قتل شخصان إثر استهداف مسيرة تركية لسيارة في ريف القامشلي. وأصيب آخران إثر استهداف طائرة "
     "مسيرة تركية لسيارة قرب القامشلي.",
     [("تركية", "TR"), ("القامشلي", "SY"), ("تركية", "TR"), ("القامشلي", "SY")], None),
])
def test_foreign_namesakes_by_distance(text, expected, country):
    places, doc = _in_context(text)
    assert (places, doc.country) == (expected, country)


@pytest.mark.parametrize("text,expected", [
    # The comparative ك is not read before a name ("كرم" is not ك + Rome, "كمينا" not Minna).
    ("اشتباكات في كرم الطراب بحلب", [("حلب", "SY")]),
    ("نفذت المقاومة كمينا استهدف دورية في تعز", [("تعز", "YE")]),
    # Ordinary words: "لايزال" (still), "سلمية" (peaceful) without a preposition, "مفرق" (a junction).
    ("قال إن الوضع لايزال غامضا في الصومال", [("الصومال", "SO")]),
    ("خرجت مظاهرات سلمية في المدن اليمنية", []),
    ("استهدفت مسيرة سيارة قرب مفرق القرية", []),
    ("قصفت القوات مدينة سلمية في ريف حماة", [("سلمية", "SY"), ("حماة", "SY")]),
])
def test_ordinary_words_and_clitics(text, expected):
    assert _places(text) == expected


@pytest.mark.parametrize("text,expected", [
    # A division next door is read abroad: it is well known there ...
    ("قتل ثلاثة مدنيين بقصف الحوثيين على مدينة تعز في اليمن. ووصلت الأمطار إلى ظفار.",
     [("تعز", "YE"), ("اليمن", "YE"), ("ظفار", "OM")]),
    # ... a small place far away is not ("الشدادي" in Yemen is a surname, Shaddadi is in Syria).
    ("قتل ثلاثة مدنيين بقصف الحوثيين على مدينة تعز في اليمن. وقال القائد الشدادي إن قواته تقدمت.",
     [("تعز", "YE"), ("اليمن", "YE"), ("الشدادي", None)]),
    # Ordinary words that GeoNames lists abroad: "رياض" (a square's name), "العنصر" (the member).
    ("تجمع المحتجون في ساحة رياض الصلح وسط بيروت", [("بيروت", "LB")]),
    ("قتل العنصر في الاشتباكات", []),
])
def test_neighbouring_divisions_and_words(text, expected):
    assert _in_context(text)[0] == expected


def test_document_country_wins_by_a_margin_not_alone():
    # A report from south Lebanon names Israel too: Lebanon still has half as much evidence again.
    text = ("قصف الجيش الإسرائيلي بلدات في جنوب لبنان، وقال إنه رد على قذائف أطلقت من لبنان نحو مزارع "
            "شبعا. واستهدف القصف بلدة كفرشوبا في قضاء حاصبيا. وقالت إسرائيل إنها سترد.")
    assert _in_context(text)[1].country == "LB"


def test_country_name_is_the_country_in_any_document():
    # The United States is the document's country; "إيران" is still Iran, not Iraan, Texas.
    text = ("أكثر الدول إصابات: الولايات المتحدة الأمريكية وروسيا والبرازيل والهند وإيران. وسجلت "
            "الولايات المتحدة أعلى عدد.")
    places, doc = _in_context(text)
    assert doc.country == "US"
    assert places == [("الولايات المتحدة الأمريكية", "US"), ("روسيا", "RU"), ("البرازيل", "BR"),
                      ("الهند", "IN"), ("إيران", "IR"), ("الولايات المتحدة", "US")]


@pytest.mark.parametrize("text,expected", [
    # "محافظ X" (the governor of X) names the province, not a town that shares its name ...
    ("وقال معاون محافظ صلاح الدين إن القصف مستمر", [("صلاح الدين", "Salah Al-Din", "admin1", 3)]),
    ("التقى محافظ البصرة بالمحتجين", [("البصرة", "Basra", "admin1", 3)]),
    ("وقال محافظ البنك المركزي إن الأسعار مستقرة", []),
    # ... and a district whose coordinates are only approximate is placed at its seat town.
    ("تفقد محافظ حفر الباطن آثار السيول", [("حفر الباطن", "Hafar Al-Batin", "populated_place", 2)]),
    ("اشتباكات في مديرية المخا غرب تعز", [("المخا", "Mocha", "populated_place", 2),
                                        ("تعز", "Taiz", "populated_place", 2)]),
])
def test_governor_and_district_seat(text, expected):
    found = [(m.text, m.place.name, m.place.feature, m.geo_precision) for m in marsad.geoparse(text)]
    assert found == expected


@pytest.mark.parametrize("text,country", [
    # A well-known place the article names again in another sentence is one more piece of evidence ...
    ("قصفت الطائرات مدينة حلب أمس. وقال ناشطون سوريون إن القصف على حلب مستمر", "SY"),
    # ... not when it is named once only.
    ("قصفت الطائرات مدينة حلب أمس وقال ناشطون سوريون إن القصف مستمر", None),
])
def test_place_named_again_is_more_evidence(text, country):
    assert _in_context(text)[1].country == country


@pytest.mark.parametrize("text,expected", [
    # A name with namesakes in several countries counts for the one the adjectives name, and is
    # read there: Tripoli is Libyan or Lebanese as the article's people are.
    ("تظاهر المئات في طرابلس. وأطلقت الميليشيات الليبية النار على المتظاهرين الليبيين",
     ("LY", [("طرابلس", "LY")])),
    ("تظاهر المئات في طرابلس. وأطلقت القوى الأمنية اللبنانية القنابل على المحتجين اللبنانيين",
     ("LB", [("طرابلس", "LB")])),
    ("تظاهر المئات في طرابلس. وأطلقت القوى الأمنية القنابل على المحتجين", (None, [("طرابلس", "LY")])),
])
def test_adjectives_choose_among_namesakes_abroad(text, expected):
    places, doc = _in_context(text)
    assert (doc.country, places) == expected


@pytest.mark.parametrize("text,expected", [
    # A place noun that is itself a name somewhere ("مدينة", "بلدة", "حي") heads the unknown name after it ...
    ("قصفت قوات الدعم السريع مدينة الدلنج", [("الدلنج", None)]),
    ("اقتحمت القوات بلدة الزعفرانة فجرا", [("الزعفرانة", None)]),
    ("تظاهر المئات في حي الصفا", [("الصفا", None)]),
    # ... and a known name after it stays known; an adjective after a definite noun is no name.
    ("قصفت الطائرات مدينة حلب", [("حلب", "SY")]),
    ("دخل المسلحون المدينة القديمة", []),
    ("سيطروا على مدينة صغيرة", []),
])
def test_place_noun_that_is_a_name_heads_an_unknown_name(text, expected):
    assert _places(text) == expected
