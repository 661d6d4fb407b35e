"""Date mentions resolved against the publication date, and the date governing a sentence."""

from __future__ import annotations

import datetime as dt
from importlib import resources

import pytest

from marsad.events.dates import event_date_for, find_dates
from marsad.text import analyse, normalize_word

SAT = dt.date(2018, 9, 15)  # a Saturday


def _dates(text: str, published: dt.date | None = SAT) -> list[tuple[str, str, int, str]]:
    v = analyse("t", text)
    return [(v.original(d.start, d.end), d.date.isoformat(), d.precision, d.kind)
            for d in find_dates(v, published)]


@pytest.mark.parametrize("text, expected", [
    ("وبدأ الهجوم يوم الاثنين الماضي", [("يوم الاثنين الماضي", "2018-09-10", 1, "weekday")]),
    ("أعلنت الوحدات يوم الخميس الماضي", [("يوم الخميس الماضي", "2018-09-13", 1, "weekday")]),
    ("قتل يوم الخميس جندي", [("يوم الخميس", "2018-09-13", 1, "weekday")]),
    ("مساء الجمعة الفائتة", [("مساء الجمعة الفائتة", "2018-09-14", 1, "weekday")]),
    ("يوم السبت", [("يوم السبت", "2018-09-15", 1, "weekday")]),
    ("السبت الماضي", [("السبت الماضي", "2018-09-08", 1, "weekday")]),
    ("ويوم أمس، ذكرت مصادر", [("يوم أمس", "2018-09-14", 1, "relative")]),
    ("صباح أمس", [("صباح أمس", "2018-09-14", 1, "relative")]),
    ("ليلة أمس", [("ليلة أمس", "2018-09-14", 1, "relative")]),
    ("فجر اليوم", [("فجر اليوم", "2018-09-15", 1, "relative")]),
    ("الليلة الماضية", [("الليلة الماضية", "2018-09-14", 1, "relative")]),
    ("أول أمس", [("أول أمس", "2018-09-13", 1, "relative")]),
    ("أمس الأول", [("أمس الأول", "2018-09-13", 1, "relative")]),
    ("بالأمس", [("الأمس", "2018-09-14", 1, "relative")]),
    ("في اليومين الماضيين", [("اليومين الماضيين", "2018-09-13", 2, "relative")]),
    ("منذ عدة أيام", [("منذ عدة أيام", "2018-09-12", 2, "relative")]),
    ("الأسبوع الماضي", [("الأسبوع الماضي", "2018-09-08", 2, "relative")]),
    ("منذ ثلاثة أيام", [("منذ ثلاثة أيام", "2018-09-12", 1, "relative")]),
    ("قبل 2 أسابيع", [("قبل 2 أسابيع", "2018-09-01", 2, "relative")]),
    ("أنشئت الشهر الماضي", [("الشهر الماضي", "2018-08-15", 3, "relative")]),
    ("في مطلع الشهر الماضي", [("مطلع الشهر الماضي", "2018-08-01", 3, "relative")]),
    ("أواخر الشهر الماضي", [("أواخر الشهر الماضي", "2018-08-31", 3, "relative")]),
    ("في الخامس من الشهر الجاري", [("الخامس من الشهر الجاري", "2018-09-05", 1, "explicit")]),
    ("في 15 أيلول/سبتمبر 2018", [("15 أيلول/سبتمبر 2018", "2018-09-15", 1, "explicit")]),
    ("في 3 تشرين الأول (أكتوبر) 2016", [("3 تشرين الأول (أكتوبر) 2016", "2016-10-03", 1, "explicit")]),
    ("في الخامس عشر من سبتمبر", [("الخامس عشر من سبتمبر", "2018-09-15", 1, "explicit")]),
    ("في الحادي والعشرين من شباط", [("الحادي والعشرين من شباط", "2018-02-21", 1, "explicit")]),
    ("في 20 ديسمبر", [("20 ديسمبر", "2017-12-20", 1, "explicit")]),
    ("في 12 جانفي 2016", [("12 جانفي 2016", "2016-01-12", 1, "explicit")]),
    ("في 5 ماي", [("5 ماي", "2018-05-05", 1, "explicit")]),
    ("في 9 أوت", [("9 أوت", "2018-08-09", 1, "explicit")]),
    ("في 2 آب الماضي", [("2 آب الماضي", "2018-08-02", 1, "explicit")]),
    ("في يونيه 2017", [("يونيه 2017", "2017-06-15", 3, "explicit")]),
    ("في شهر مارس", [("شهر مارس", "2018-03-15", 3, "explicit")]),
    ("في نهاية أيار", [("نهاية أيار", "2018-05-31", 3, "explicit")]),
    ("في نوفمبر", [("نوفمبر", "2017-11-15", 3, "explicit")]),
    ("في الشهر التاسع من عام 2017", [("الشهر التاسع من عام 2017", "2017-09-15", 3, "explicit")]),
    ("وقع في 15/9/2018 هجوم", [("15/9/2018", "2018-09-15", 1, "numeric")]),
    ("في 2018-09-12", [("2018-09-12", "2018-09-12", 1, "numeric")]),
    ("في 10 محرم 1440 هـ", [("10 محرم 1440 هـ", "2018-09-20", 1, "hijri")]),
    ("في 1 رمضان", [("1 رمضان", "2018-05-16", 1, "hijri")]),
    ("في 5 ذو القعدة", [("5 ذو القعدة", "2018-07-18", 1, "hijri")]),
    ("يوم الجمعة 14 سبتمبر", [("14 سبتمبر", "2018-09-14", 1, "explicit")]),
])
def test_dates_resolved(text, expected):
    assert _dates(text) == expected


@pytest.mark.parametrize("text", [
    "الخميس المقبل", "في سبتمبر المقبل", "قال إن أب الشهيد", "مارس الضغط على الحكومة", "وصل أيمن رمضان",
    "في اليوم التالي", "اثنين من الجنود", "أحد عشر جنديا", "سنة 2015", "صفر",
])
def test_dates_not_dates(text):
    assert _dates(text) == []


def test_dates_without_publication_keep_explicit_dates_only():
    assert _dates("أمس في 15 سبتمبر 2018 وفي 20 ديسمبر", None) == [
        ("15 سبتمبر 2018", "2018-09-15", 1, "explicit")]


def test_dates_event_date_for_seed_like_document():
    text = ("بدأ الهجوم يوم الاثنين الماضي بقصف جوي. وتقدمت القوات في البلدة.\n"
            "وتواصلت المعارك في الريف.\n"
            "ويوم أمس قتل 5 عناصر.")
    v = analyse("t", text)
    ds = find_dates(v, SAT)
    got = [event_date_for(v, s, ds, SAT)[:2] for s in v.sentences]
    assert got == [(dt.date(2018, 9, 10), 1), (dt.date(2018, 9, 10), 1), (dt.date(2018, 9, 10), 2),
                   (dt.date(2018, 9, 14), 1)]
    assert event_date_for(v, v.sentences[1], ds, SAT)[2] is ds[0]


def test_dates_event_date_for_falls_back_to_publication():
    v = analyse("t", "قتل جندي في الهجوم")
    assert event_date_for(v, v.sentences[0], [], SAT) == (SAT, 2, None)
    assert event_date_for(v, v.sentences[0], [], None) == (None, None, None)


def _rows(name: str) -> list[list[str]]:
    text = resources.files("marsad.events").joinpath(f"data/{name}").read_text("utf-8")
    return [ln.split("\t") for ln in text.splitlines() if ln and not ln.startswith("#")][1:]


def test_dates_months_file_valid():
    rows = _rows("months.tsv")
    names = [r[0] for r in rows]
    assert len(names) == len(set(names))
    for name, month, cal, flags in rows:
        assert name == normalize_word(name)
        assert 1 <= int(month) <= 12
        assert cal in ("gregorian", "hijri")
        assert flags in ("-", "strict")
    for cal in ("gregorian", "hijri"):
        assert {int(r[1]) for r in rows if r[2] == cal} == set(range(1, 13))


def test_dates_relative_file_valid():
    rows = _rows("relative_dates.tsv")
    phrases = [r[0] for r in rows]
    assert len(phrases) == len(set(phrases))
    for phrase, unit, value, prec in rows:
        assert phrase == normalize_word(phrase)
        assert unit in ("day", "month", "week", "weekday", "daypart", "past", "future", "edge", "filler",
                        "blocker", "neighbour_day", "pluperfect", "dateline_cue", "preposition",
                        "period", "complementizer", "relative", "resumption")
        if unit in ("day", "month", "week"):
            assert prec in ("1", "2", "3") and int(value) <= 0
        if unit == "weekday":
            assert 0 <= int(value) <= 6
        if unit == "edge":
            assert value in ("start", "mid", "end")
        if unit == "daypart":
            assert value in ("-", "0", "1")
        if unit == "neighbour_day":
            assert value in ("-1", "1")


@pytest.mark.parametrize("text, expected", [
    # Written on Friday, published on Saturday: the weekday says the day.
    ("قتل ثلاثة مدنيين اليوم الجمعة", [("اليوم الجمعة", "2018-09-14", 1, "relative")]),
    ("قتل ثلاثة مدنيين اليوم (الجمعة)", [("اليوم (الجمعة", "2018-09-14", 1, "relative")]),
    ("قتل ثلاثة مدنيين مساء اليوم الخميس", [("مساء اليوم الخميس", "2018-09-13", 1, "relative")]),
    # The weekday of publication, or no weekday: the publication date.
    ("قتل ثلاثة مدنيين اليوم السبت", [("اليوم السبت", "2018-09-15", 1, "relative")]),
    ("قتل ثلاثة مدنيين اليوم في حلب", [("اليوم", "2018-09-15", 1, "relative")]),
    # "أمس" with its weekday is one mention; they agree here.
    ("قتل ثلاثة مدنيين أمس الجمعة", [("أمس الجمعة", "2018-09-14", 1, "relative")]),
])
def test_today_with_a_weekday_is_that_weekday(text, expected):
    assert _dates(text) == expected
