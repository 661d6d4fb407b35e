"""Demonstrations that real articles report: which constructions assert a protest or a riot, and which
only tell more about one already reported (or report none at all)."""

import pytest

import marsad

PUBLISHED = "2019-03-07"


def _typed(text: str) -> list[tuple[str, str, str]]:
    return [(e.event_type, e.sub_event_type, e.actor1) for e in marsad.extract(text, published=PUBLISHED)]


@pytest.mark.parametrize("text, expected", [
    # Protesters new to the text (indefinite or counted) who burn, storm or stone: a riot of its own,
    # its demonstrators named rioters (ACLED).
    ("أحرق محتجون غاضبون مبنى البلدية في مدينة البصرة مساء أمس.",
     [("Riots", "Violent demonstration", "Rioters (Iraq)")]),
    ("اقتحم متظاهرون مقر البرلمان في طبرق أمس.",
     [("Riots", "Violent demonstration", "Rioters (Libya)")]),
    ("رشق مئات المحتجين مركز الشرطة بالحجارة في الناصرية أمس.",
     [("Riots", "Violent demonstration", "Rioters (Iraq)")]),
    ("وأضرمت مجموعات من المتظاهرين النار في مبنى المحافظة بالبصرة أمس.",
     [("Riots", "Violent demonstration", "Rioters (Iraq)")]),
    # The police dispersing a crowd of protesters: a protest with intervention.
    ("فرقت الشرطة مئات المتظاهرين بالغاز المسيل للدموع في ساحة التحرير ببغداد أمس.",
     [("Protests", "Protest with intervention", "Protesters (Iraq)")]),
])
def test_protesters_acting_assert_a_demonstration(text, expected):
    assert _typed(text) == expected


@pytest.mark.parametrize("text", [
    # "The protesters" acting tell more of a protest an earlier sentence reported: no event of its own.
    "وأحرق المتظاهرون الأعلام في ساحة التحرير ببغداد.",
    "وكان المحتجون قد رشقوا قوات الأمن بالحجارة في الناصرية.",
    # A burning with no protesters is no demonstration.
    "أحرق مجهولون سيارة في حي الكرادة ببغداد أمس.",
])
def test_protest_details_and_other_burnings_are_no_demonstration(text):
    assert [t for t in _typed(text) if t[0] in ("Protests", "Riots")] == []


def test_protesters_after_an_attack_verb_attack_in_the_nominative_only():
    # "متظاهرون" (nominative) is the subject of the storming; "المتظاهرين" the object of the police.
    assert _typed("هاجم متظاهرون مركزا للشرطة في الناصرية أمس.") == [
        ("Riots", "Violent demonstration", "Rioters (Iraq)")]
    assert _typed("هاجمت قوات الأمن المتظاهرين في الناصرية أمس.") == [
        ("Protests", "Protest with intervention", "Protesters (Iraq)")]


@pytest.mark.parametrize("text, expected", [
    # Blocking roads, and burning tyres to block them, is a peaceful protest (ACLED), even by "the
    # protesters" (the act itself is the report), whatever the verb's order or its masdar.
    ("أغلق المتظاهرون الطريق الساحلي في طرابلس أمس.",
     [("Protests", "Peaceful protest", "Protesters (Libya)")]),
    ("وأضرم المحتجون النار في إطارات السيارات وسط بيروت أمس.",
     [("Protests", "Peaceful protest", "Protesters (Lebanon)")]),
    ("أقدم المعتصمون أمس على إغلاق الطرقات في أم درمان.",
     [("Protests", "Peaceful protest", "Protesters (Sudan)")]),
])
def test_road_blocking_and_burning_tyres_are_a_peaceful_protest(text, expected):
    assert _typed(text) == expected


@pytest.mark.parametrize("text", [
    # An authority closing a road or a crossing, or an army cutting one, is no protest.
    "أغلقت السلطات المعبر الحدودي مع الأردن أمس.",
    "أعلن الجيش التركي أمس قطع طريق يربط بين مدينتي تل أبيض ورأس العين.",
    "وأقدمت المجموعات المسلحة على قطع طريق دمشق السويداء أمس.",
    # Purpose: a plan to block roads, not a blocking.
    "وزعت المعارضة أنصارها فرقا لإقفال الطرق بالإطارات المشتعلة في بيروت.",
])
def test_closures_and_aims_are_no_protest(text):
    assert [t for t in _typed(text) if t[0] in ("Protests", "Riots")] == []


@pytest.mark.parametrize("text, expected", [
    # A crowd counted after a verb of gathering or chanting is the protest's subject.
    ("تجمع أكثر من ألف شخص أمام مقر الحكومة في الخرطوم أمس.",
     [("Protests", "Peaceful protest", "Protesters (Sudan)")]),
    ("ردد أكثر من ألف شخص هتافات ضد الحكومة أمام المسجد الكبير في كراتشي أمس.",
     [("Protests", "Peaceful protest", "Protesters (Pakistan)")]),
    # A count after a verb of motion is no crowd of protesters.
    ("وتوجه 44 نائبا إلى مقر البرلمان في وسط بيروت أمس.", []),
])
def test_a_counted_crowd_makes_a_protest_of_a_verb_of_gathering_only(text, expected):
    assert _typed(text) == expected


@pytest.mark.parametrize("text, expected", [
    # The intervention types the protest a sentence asserts, however it is named (the tear gas fired
    # to disperse, the dispersal itself), and the force is actor2.
    ("أطلقت قوات الأمن الغاز المسيل للدموع لتفريق محتجين اعتصموا في مدينة تطاوين أمس.",
     [("Protests", "Protest with intervention", "Protesters (Tunisia)", "Police Forces of Tunisia")]),
    ("فضت القوات الأمنية في البصرة مساء أمس تظاهرات احتشدت وسط المدينة.",
     [("Protests", "Protest with intervention", "Protesters (Iraq)", "Police Forces of Iraq (2018-2020)")]),
])
def test_an_intervention_types_the_protest_it_stands_beside(text, expected):
    assert [(e.event_type, e.sub_event_type, e.actor1, e.actor2)
            for e in marsad.extract(text, published=PUBLISHED)] == expected


def test_a_dispersal_denied_leaves_the_protest_peaceful():
    events = marsad.extract("تظاهر مئات الطلاب أمام وزارة التربية في بغداد أمس ولم تحاول الشرطة تفريقهم.",
                            published=PUBLISHED)
    assert [(e.event_type, e.sub_event_type) for e in events] == [("Protests", "Peaceful protest")]


@pytest.mark.parametrize("text", [
    # "مسيرة" is also a drone: spelt with a shadda, or next to a drone's words.
    "استهدفت مسيّرة سيارة على طريق المطار في القامشلي أمس.",
    "أسقطت الدفاعات الجوية مسيرة مفخخة فوق المدينة أمس.",
    "شنت القوات أمس هجوما بطائرتين مسيرتين على مواقع في ريف حلب.",
    "وبثت قناة المسيرة أمس لقطات من صنعاء.",
])
def test_a_drone_is_no_march(text):
    assert [t for t in _typed(text) if t[0] in ("Protests", "Riots")] == []


def test_a_march_is_a_protest():
    assert _typed("خرجت مسيرة حاشدة في وسط مدينة تطاوين أمس.") == [
        ("Protests", "Peaceful protest", "Protesters (Tunisia)")]


@pytest.mark.parametrize("text", [
    # The road-blocking verb with its subject between it and the road.
    "وقطع المحتجون بشكل جزئي الطرق في السويداء اليوم الأحد.",
    # A human chain, a hunger strike, a tent camp.
    "شكل المحتجون سلسلة بشرية على الطريق الساحلي في صيدا أمس.",
    "بدأ المعتقلون إضرابا عن الطعام في سجن عوفر أمس.",
    "نصب المعتصمون خيام الاعتصام أمام مقر الحكومة في بيروت أمس.",
])
def test_more_protest_constructions(text):
    assert [t[:2] for t in _typed(text)] == [("Protests", "Peaceful protest")]


@pytest.mark.parametrize("text", [
    "قطعت الحكومة الكهرباء عن مدينة صيدا أمس.",  # cutting power: no protesters
    "دعت النقابة إلى إضراب عام في بيروت يوم الأحد.",  # a call to strike
    "تحدث الوزير بشكل مطول عن المظاهرات في بيروت.",  # بشكل is no light verb
])
def test_no_protest_without_protesters_or_report(text):
    assert [t for t in _typed(text) if t[0] in ("Protests", "Riots")] == []


@pytest.mark.parametrize("text, expected", [
    # Protesters who loot or set fire (a masdar headline too) riot.
    ("ونهب محتجون غاضبون محطات الوقود في باماكو أمس.",
     [("Riots", "Violent demonstration", "Rioters (Mali)")]),
    ("إضرام متظاهرين عراقيين النيران في القنصلية الإيرانية في مدينة النجف اليوم الأربعاء.",
     [("Riots", "Violent demonstration", "Rioters (Iraq)")]),
    # Armed men who loot: looting, a strategic development.
    ("نهب مسلحون المنازل في قرية قرب الموصل أمس.",
     [("Strategic developments", "Looting/property destruction", "Unidentified Armed Group (Iraq)")]),
])
def test_looting_and_arson_by_protesters_is_a_riot(text, expected):
    assert _typed(text) == expected


def test_plunder_as_a_masdar_names_no_looting():
    assert _typed("وقال الوزير إن نهب المال العام في العراق مستمر منذ سنوات.") == []


@pytest.mark.parametrize("text, expected", [
    # Force whose object is a gathering: the protest was there, and the force types it.
    ("فرقت الشرطة باستخدام الغاز المسيل للدموع مظاهرة نظمها حزب البعث في الخرطوم أمس.",
     ("Protests", "Protest with intervention")),
    ("وقتل شاب برصاص قناصة أطلقوا النار على مسيرة سلمية في شارع هايل بصنعاء أمس.",
     ("Protests", "Excessive force against protesters")),
    ("فرقت قوات الاحتلال بقنابل الغاز المسيل للدموع اعتصاما للمزارعين شرق خان يونس أمس.",
     ("Protests", "Protest with intervention")),
])
def test_force_on_a_gathering_asserts_the_protest(text, expected):
    assert [t[:2] for t in _typed(text)] == [expected]


def test_force_during_a_protest_is_not_force_on_it():
    # Gunmen shot a policeman during the demonstrations: no force used on the protest.
    events = _typed("قتل عنصر أمن برصاص مسلحين خلال المظاهرات في اللاذقية أمس.")
    assert [t for t in events if t[0] in ("Protests", "Riots")] == []


def test_joining_a_protest_reports_it():
    # The verb of joining heads the clause; the protest is named after في, however far.
    # (one event for each town listed)
    assert {t[:2] for t in _typed("شارك أهالي مدن أرمناز ودركوش وسلقين شمال غرب إدلب في المظاهرات "
                                  "عقب صلاة التراويح أمس السبت.")} == {("Protests", "Peaceful protest")}
    # A conference about protests is no protest.
    assert _typed("شارك الوزير أمس في مؤتمر حول المظاهرات في إدلب.") == []
