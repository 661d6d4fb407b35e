"""The date of an event: parts of the night, weekdays with clitics, the current week, datelines,
the clause of the trigger, background dates and undated leads (ACLED time rules)."""

from __future__ import annotations

import datetime as dt

import pytest

from marsad.events.dates import event_date_for, find_dates
from marsad.text import analyse

SAT = dt.date(2018, 9, 15)  # a Saturday
SUN = dt.date(2018, 9, 16)
TUE = dt.date(2018, 9, 18)
FRI = dt.date(2018, 9, 14)


def _dates(text: str, published: dt.date | None = SAT) -> list[tuple[str, str, int, str]]:
    v = analyse("t", text)
    return [(v.original(d.start, d.end), d.date.isoformat(), d.precision, d.kind)
            for d in find_dates(v, published)]


def _date_at(text: str, word: str, published: dt.date | None = SAT, sentence: int | None = None,
             nth: int = 0) -> tuple[str | None, int | None, str | None]:
    """(date, precision, evidence) of the event whose trigger is the nth `word` of `text`."""
    v = analyse("t", text)
    ds = find_dates(v, published)
    at = -1
    for _ in range(nth + 1):
        at = v.norm.index(word, at + 1)
    s = v.sentence_at(at) if sentence is None else v.sentences[sentence]
    date, precision, mention = event_date_for(v, s, ds, published, at)
    return (date.isoformat() if date else None, precision,
            v.original(mention.start, mention.end) if mention else None)


@pytest.mark.parametrize("text, published, expected", [
    # After the midnight that closes a day: the next day.
    ("دخلت الدبابات بعد منتصف ليل السبت إلى الأحياء", SUN,
     [("بعد منتصف ليل السبت", "2018-09-16", 1, "weekday")]),
    ("اقتحمت القوات البلدة بعد منتصف ليلة الخميس", SAT,
     [("بعد منتصف ليلة الخميس", "2018-09-14", 1, "weekday")]),
    ("اندلعت اشتباكات بعد منتصف ليل أمس", SAT, [("بعد منتصف ليل أمس", "2018-09-15", 1, "relative")]),
    # Never after publication: the story was written before it.
    ("دخلت الدبابات بعد منتصف ليل السبت", SAT, [("بعد منتصف ليل السبت", "2018-09-15", 1, "weekday")]),
    # Before midnight, or at it: the day named.
    ("قصفت الطائرات البلدة قبل منتصف ليل الجمعة", SAT,
     [("قبل منتصف ليل الجمعة", "2018-09-14", 1, "weekday")]),
    ("قصفت الطائرات البلدة منتصف ليلة الخميس", SAT, [("منتصف ليلة الخميس", "2018-09-13", 1, "weekday")]),
    ("دارت اشتباكات منتصف ليل أمس الأول", SAT, [("منتصف ليل أمس الأول", "2018-09-13", 1, "relative")]),
    # The night between two days: the first, unless after its midnight.
    ("قصف الطيران المدينة ليل الخميس الجمعة", SAT, [("ليل الخميس الجمعة", "2018-09-13", 1, "weekday")]),
    ("قصف الطيران المدينة ليلة الجمعة السبت", SAT, [("ليلة الجمعة السبت", "2018-09-14", 1, "weekday")]),
    ("قصف الطيران المدينة بعد منتصف ليل الخميس الجمعة", SAT,
     [("بعد منتصف ليل الخميس الجمعة", "2018-09-14", 1, "weekday")]),
    # Two weekdays that are not one night are two dates.
    ("بين الاثنين والخميس", SAT,
     [("الاثنين", "2018-09-10", 1, "weekday"), ("الخميس", "2018-09-13", 1, "weekday")]),
])
def test_parts_of_the_night(text, published, expected):
    assert _dates(text, published) == expected


@pytest.mark.parametrize("text, published, expected", [
    # Published after midnight: the weekday says which day "أمس" was.
    ("سيطر المتظاهرون مساء أمس الجمعة على مبنى الإذاعة", SUN,
     [("مساء أمس الجمعة", "2018-09-14", 1, "relative")]),
    ("قتل جنديان أمس (الخميس) في كمين", SAT, [("أمس (الخميس", "2018-09-13", 1, "relative")]),
    ("أصيب ثلاثة أمس السبت", SUN, [("أمس السبت", "2018-09-15", 1, "relative")]),
])
def test_yesterday_with_its_weekday(text, published, expected):
    assert _dates(text, published) == expected


@pytest.mark.parametrize("text, expected", [
    # The conjunction and the preposition stay out of the span, the article stays in.
    ("والسبت قصفت المدفعية المستشفى", [("السبت", "2018-09-15", 1, "weekday")]),
    ("وفي الخميس قتل جندي", [("الخميس", "2018-09-13", 1, "weekday")]),
    ("والأربعاء الماضي اعتقلت الشرطة ناشطين", [("الأربعاء الماضي", "2018-09-12", 1, "weekday")]),
    ("فالجمعة شهدت مظاهرات", [("الجمعة", "2018-09-14", 1, "weekday")]),
])
def test_weekdays_with_clitics(text, expected):
    assert _dates(text) == expected


@pytest.mark.parametrize("text, published, expected", [
    # Weeks begin on Saturday; the middle of the days so far, an odd day to the first.
    ("قتل عشرة هذا الأسبوع", SAT, [("هذا الأسبوع", "2018-09-15", 2, "relative")]),
    ("قتل عشرة هذا الأسبوع", SUN, [("هذا الأسبوع", "2018-09-15", 2, "relative")]),
    ("تظاهر الآلاف في الأسبوع الجاري", TUE, [("الأسبوع الجاري", "2018-09-16", 2, "relative")]),
    ("في وقت سابق من الأسبوع الحالي", FRI, [("الأسبوع الحالي", "2018-09-11", 2, "relative")]),
])
def test_this_week(text, published, expected):
    assert _dates(text, published) == expected


@pytest.mark.parametrize("text, expected", [
    ("اندلعت اشتباكات أواخر شهر كانون الأول من العام الماضي",
     [("أواخر شهر كانون الأول", "2017-12-31", 3, "explicit")]),
    ("في مطلع شهر آذار", [("مطلع شهر آذار", "2018-03-01", 3, "explicit")]),
    ("في شهر أيار", [("شهر أيار", "2018-05-15", 3, "explicit")]),
    ("أواخر الشهر الماضي", [("أواخر الشهر الماضي", "2018-08-31", 3, "relative")]),
])
def test_edge_of_a_named_month(text, expected):
    assert _dates(text) == expected


@pytest.mark.parametrize("text, expected", [
    ("أغلق المحتجون الطريق في منطقة سوق الجمعة", []),
    ("انفجرت عبوة في سوق الخميس الشعبي", []),
    ("انفجرت عبوة في السوق يوم الخميس", [("يوم الخميس", "2018-09-13", 1, "weekday")]),
])
def test_market_named_after_a_day(text, expected):
    assert _dates(text) == expected


@pytest.mark.parametrize("text, published, expected", [
    # The stamp of the page: a dateline; the story was written that day.
    ("بغداد، العراق 14 سبتمبر 2018 (وكالات)\nقتل اليوم جنديان في هجوم.", SAT,
     [("14 سبتمبر 2018", "2018-09-14", 1, "dateline"), ("اليوم", "2018-09-14", 1, "relative")]),
    ("نشر في: السبت 15 سبتمبر 2018 - 10:30 ص\nقتل أمس جنديان.", SAT,
     [("15 سبتمبر 2018", "2018-09-15", 1, "dateline"), ("أمس", "2018-09-14", 1, "relative")]),
    ("الجمعة 2018/09/14\nقتل أمس جنديان.", SAT,
     [("الجمعة", "2018-09-14", 1, "dateline"), ("2018/09/14", "2018-09-14", 1, "dateline"),
      ("أمس", "2018-09-13", 1, "relative")]),
    # Without a publication date the dateline is the day.
    ("دمشق 12 أيلول 2018\nقتل أمس جنديان.", None,
     [("12 أيلول 2018", "2018-09-12", 1, "dateline"), ("أمس", "2018-09-11", 1, "relative")]),
    # A stamp far from publication (the day the page was saved) counts nothing.
    ("الجمعة 26 أبريل 2024 4:15 م\nقتل أمس جنديان.", SAT,
     [("26 أبريل 2024", "2024-04-26", 1, "dateline"), ("أمس", "2018-09-14", 1, "relative")]),
    # Without its year: one of the last days before publication.
    ("الخميس، 13 أيلول،\nقتل أمس جنديان.", SAT,
     [("13 أيلول", "2018-09-13", 1, "dateline"), ("أمس", "2018-09-12", 1, "relative")]),
    ("2 أيلول\nقتل أمس جنديان.", SAT,
     [("2 أيلول", "2018-09-02", 1, "explicit"), ("أمس", "2018-09-14", 1, "relative")]),
    # A date after a preposition, after "يوم" or deep in a sentence is the sentence's.
    ("في 14 سبتمبر 2018 قتل جنديان.", SAT, [("14 سبتمبر 2018", "2018-09-14", 1, "explicit")]),
    ("يوم 12 سبتمبر 2018 قتل جنديان.", SAT, [("12 سبتمبر 2018", "2018-09-12", 1, "explicit")]),
    ("قتل جنديان في هجوم على حاجز للجيش 12 سبتمبر 2018.", SAT,
     [("12 سبتمبر 2018", "2018-09-12", 1, "explicit")]),
])
def test_datelines(text, published, expected):
    assert _dates(text, published) == expected


def test_a_dateline_dates_no_event():
    text = "15 سبتمبر 2018\nقتل جنديان في هجوم على حاجز."
    assert _date_at(text, "هجوم") == ("2018-09-15", 2, None)
    text = "السبت 15 سبتمبر 2018\nشهدت المدينة مظاهرات.\nوقتل متظاهر أمس الجمعة برصاص الأمن."
    assert _date_at(text, "مظاهرات") == ("2018-09-14", 2, "أمس الجمعة")


@pytest.mark.parametrize("word, nth, expected", [
    # Each event of the sentence takes the day of its own clause.
    ("غاره", 0, ("2018-09-13", 1, "يوم الخميس")),
    ("قصفت", 0, ("2018-09-15", 1, "السبت")),
])
def test_the_day_of_the_trigger_clause(word, nth, expected):
    text = "قتل مدنيان في غارة يوم الخميس على القرية، والسبت قصفت المدفعية البلدة."
    assert _date_at(text, word, nth=nth) == expected


def test_a_said_clause_has_its_own_day():
    text = "أعلنت الشرطة مساء السبت أن مسلحين هاجموا حاجزا أمنيا يوم الخميس في المدينة."
    assert _date_at(text, "هاجموا") == ("2018-09-13", 1, "يوم الخميس")
    # With no day of its own, it takes the day of the saying.
    text = "قال ناشطون أمس إن الطائرات قصفت البلدة، والخميس نزحت مئات العائلات."
    assert _date_at(text, "قصفت") == ("2018-09-14", 1, "أمس")


def test_one_date_in_the_sentence_dates_every_event():
    text = "قصفت الطائرات البلدة، وقتل أمس ثلاثة في هجوم."
    assert _date_at(text, "قصفت") == ("2018-09-14", 1, "أمس")


@pytest.mark.parametrize("text, word, expected", [
    # "غداة X": X was the day before; "عشية X": the day after.
    ("قتل ثلاثة مدنيين يوم الخميس في غارة، غداة مقتل جندي في انفجار عبوة.", "انفجار",
     ("2018-09-12", 1, "يوم الخميس")),
    ("قتل ثلاثة مدنيين يوم الخميس في غارة، غداة مقتل جندي في انفجار عبوة.", "غاره",
     ("2018-09-13", 1, "يوم الخميس")),
    ("تظاهر الآلاف يوم الخميس عشية اقتحام القوات للمخيم.", "اقتحام", ("2018-09-14", 1, "يوم الخميس")),
    # A day of its own after "غداة" is the event's.
    ("وقع الهجوم غداة الاتفاق، وقتل يوم الخميس جنديان.", "قتل", ("2018-09-13", 1, "يوم الخميس")),
])
def test_the_day_before_and_after(text, word, expected):
    assert _date_at(text, word) == expected


def test_a_pluperfect_sentence_is_before_the_running_date():
    text = ("أوقفت الشرطة عشرة أشخاص يوم الخميس الماضي.\n"
            "وقال المتحدث مساء اليوم السبت إن الموقوفين أغلقوا طرقا. "
            "وكانت قوات الأمن قد فرقت المحتجين بالقوة.")
    assert _date_at(text, "فرقت") == ("2018-09-13", 2, "يوم الخميس الماضي")
    # Not opening with "وكان": the running date.
    text = text.replace("وكانت قوات الأمن قد فرقت", "وفرقت قوات الأمن")
    assert _date_at(text, "فرقت") == ("2018-09-15", 1, "مساء اليوم السبت")


def test_an_undated_paragraph_goes_back_to_the_day_of_the_lead():
    text = ("قتل جندي أمس في هجوم على حاجز.\n"
            "وقال مسؤول إن الطائرات قصفت القرية مساء الخميس.\n"
            "وفي مدينة أخرى، اعتقلت الشرطة عشرة أشخاص.")
    assert _date_at(text, "اعتقلت") == ("2018-09-14", 2, "أمس")
    # In the same paragraph the running date goes on.
    text = text.replace("الخميس.\n", "الخميس. ")
    assert _date_at(text, "اعتقلت") == ("2018-09-13", 1, "مساء الخميس")
    # A lead date over a week old is no news's day.
    text = ("قتل جندي في 3 سبتمبر 2018 في هجوم على حاجز.\n"
            "وقصفت الطائرات القرية مساء الخميس.\n"
            "وفي مدينة أخرى، اعتقلت الشرطة عشرة أشخاص.")
    assert _date_at(text, "اعتقلت") == ("2018-09-13", 2, "مساء الخميس")


@pytest.mark.parametrize("text, word, expected", [
    # An old date carries on in its paragraph only.
    ("وفي 3 مارس 2017 قتل خمسة في هجوم مماثل. وأصيب عشرة آخرون.", "اصيب", ("2017-03-03", 1, "3 مارس 2017")),
    ("وفي 3 مارس 2017 قتل خمسة في هجوم مماثل.\nوقصفت الطائرات البلدة.", "قصفت", ("2018-09-15", 2, None)),
    # So does a month ("الشهر الماضي").
    ("وكانت اشتباكات اندلعت الشهر الماضي.\nوقتل جندي في هجوم.", "هجوم", ("2018-09-15", 2, None)),
    # A recent day carries on to the next paragraphs, less precise.
    ("قتل جندي أمس في هجوم.\nوقصفت الطائرات البلدة.", "قصفت", ("2018-09-14", 2, "أمس")),
])
def test_background_dates_stay_in_their_paragraph(text, word, expected):
    assert _date_at(text, word) == expected


@pytest.mark.parametrize("text, word, expected", [
    # An undated lead takes the day of the report that follows it.
    ("شهدت مدن عدة مظاهرات ضد الحكومة.\nوخرج الآلاف أمس الجمعة في العاصمة.", "مظاهرات",
     ("2018-09-14", 2, "أمس الجمعة")),
    # Not from a background sentence, nor an old date, nor one too far on.
    ("قتل جنديان في هجوم.\nوكان الجيش أعلن أمس مقتل ثلاثة.", "هجوم", ("2018-09-15", 2, None)),
    ("قتل جنديان في هجوم.\nوفي 3 مارس 2017 قتل خمسة في هجوم مماثل.", "هجوم", ("2018-09-15", 2, None)),
    ("قتل جنديان في هجوم. وأصيب ثلاثة. ونقلوا إلى المستشفى. وأغلقت الطرق.\nوقتل مدني أمس.", "هجوم",
     ("2018-09-15", 2, None)),
])
def test_an_undated_lead(text, word, expected):
    assert _date_at(text, word, sentence=0) == expected


def test_what_wakan_recalls_stays_in_its_paragraph():
    text = ("قصفت الطائرات البلدة أمس.\n"
            "وكانت القوات قد سيطرت يوم الخميس على قرية مجاورة.\n"
            "وفي محافظة أخرى، هاجم مسلحون حاجزا للجيش.")
    assert _date_at(text, "سيطرت") == ("2018-09-13", 1, "يوم الخميس")
    assert _date_at(text, "هاجم") == ("2018-09-14", 2, "أمس")
    # In its own paragraph it goes on.
    text = text.replace("مجاورة.\n", "مجاورة. ")
    assert _date_at(text, "هاجم") == ("2018-09-13", 1, "يوم الخميس")


def test_a_later_clause_opening_with_its_date_does_not_date_what_precedes():
    text = "قتل جندي أمس في هجوم.\nوقصفت الطائرات البلدة، والخميس اعتقلت الشرطة ناشطين."
    assert _date_at(text, "قصفت") == ("2018-09-14", 2, "أمس")
    assert _date_at(text, "اعتقلت") == ("2018-09-13", 1, "الخميس")
    # Without the conjunction the date is the clause's own.
    text = "قتل جندي أمس في هجوم.\nوقصفت الطائرات البلدة الخميس."
    assert _date_at(text, "قصفت") == ("2018-09-13", 1, "الخميس")


@pytest.mark.parametrize("text, expected", [
    # A named date after "منذ" or "حتى" bounds a period.
    ("يسيطر التنظيم على المدينة منذ حزيران (يونيو) 2014.",
     [("حزيران (يونيو) 2014", "2014-06-15", 3, "period")]),
    ("يعتقل الناشط منذ 15 مارس 2011", [("15 مارس 2011", "2011-03-15", 1, "period")]),
    ("تستمر الهدنة حتى نهاية أيار", [("نهاية أيار", "2018-05-31", 3, "period")]),
    # Not a weekday ("منذ الخميس": the days since), nor a date with "في".
    ("تتواصل الاشتباكات منذ الخميس", [("الخميس", "2018-09-13", 1, "weekday")]),
    ("في حزيران 2014 سيطر التنظيم على المدينة", [("حزيران 2014", "2014-06-15", 3, "explicit")]),
])
def test_dates_bounding_a_period(text, expected):
    assert _dates(text) == expected


def test_a_period_dates_no_event():
    text = ("قتل جندي أمس في هجوم.\n"
            "وأكدت مصادر أن التنظيم يسيطر على المنطقة منذ حزيران 2014، وقتل ثلاثة في تفجير سيارة مفخخة.")
    assert _date_at(text, "تفجير") == ("2018-09-14", 2, "أمس")


@pytest.mark.parametrize("text, word, expected", [
    # A date in a relative clause on another noun dates that noun, not the event.
    ("قتل جندي أمس في هجوم.\nوتجمع المئات أمام منزل الشاب الذي قتل قبل يومين خلال مظاهرة 12 سبتمبر.", "تجمع",
     ("2018-09-14", 2, "أمس")),
    # On the event's own noun it is the event's day.
    ("قتل جندي أمس في هجوم.\nوأدت الاشتباكات التي شهدتها المدينة الخميس إلى مقتل ستة.", "اشتباكات",
     ("2018-09-13", 1, "الخميس")),
    # "قد" takes up the main clause again: its date is the event's.
    ("قتل جندي أمس في هجوم.\nوكان انتحاري من التنظيم الذي أعلن دولته قد فجر سيارته ليلة 4 تموز الماضي.",
     "انتحاري", ("2018-07-04", 1, "4 تموز الماضي")),
])
def test_a_relative_clause_keeps_its_date(text, word, expected):
    assert _date_at(text, word) == expected


def test_a_period_of_an_earlier_paragraph_still_frames_an_undated_one():
    text = ("قتل جندي أمس في هجوم على حاجز.\n"
            "وشنت القوات الأسبوع الماضي هجوما لطرد المسلحين من الريف.\n"
            "وقال سكان إن صاروخا أصاب شاحنة تقل مدنيين.")
    assert _date_at(text, "اصاب") == ("2018-09-08", 2, "الأسبوع الماضي")
