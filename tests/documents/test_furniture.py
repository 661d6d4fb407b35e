"""Page furniture: which lines are masked, with exact offsets, on pages written for these tests."""

from __future__ import annotations

from importlib.resources import files

import pytest

from marsad.documents.furniture import (
    MATCH_KINDS,
    furniture_follow,
    furniture_spans,
    iter_lines,
    load_rules,
    parse_rules,
    remove_spans,
    strip_furniture,
)
from marsad.text import normalize_word

# A scraped page with the structure of a real one: a tracking token, the headline, the article,
# a byline and the site's name, then "show more", related articles and "back to top".
PAGE = (
    "fbpx\n"
    "\n"
    "غارات على مواقع للتنظيم شرق النهر\n"
    "\n"
    "شنت طائرات التحالف غارات على مواقع للتنظيم في محيط البلدة يوم الأحد الماضي.\n"
    "ووفق وكالة ;رويترز;، فإن الغارات دمرت مستودعا للذخيرة.\n"
    "وكالات\n"
    "شبكة الرصد الإخبارية\n"
    "اظهر المزيد\n"
    "\n"
    "مقالات ذات صلة\n"
    "\n"
    "مقتل خمسة عناصر في كمين قرب الحدود\n"
    "انفجار سيارة مفخخة وسط المدينة\n"
    "زر الذهاب إلى الأعلى\n"
)


def test_furniture_spans_seed_like_page_exact_offsets():
    spans = furniture_spans(PAGE)
    assert spans == [(0, 4), (172, 178), (200, 211), (213, 227), (229, 263), (264, 294), (295, 315)]
    assert [PAGE[s:e] for s, e in spans] == [
        "fbpx", "وكالات", "اظهر المزيد", "مقالات ذات صلة",
        "مقتل خمسة عناصر في كمين قرب الحدود", "انفجار سيارة مفخخة وسط المدينة", "زر الذهاب إلى الأعلى",
    ]


def test_furniture_remove_spans_keeps_article_lines():
    kept = remove_spans(PAGE, furniture_spans(PAGE)).strip()
    assert kept == (
        "غارات على مواقع للتنظيم شرق النهر\n\n"
        "شنت طائرات التحالف غارات على مواقع للتنظيم في محيط البلدة يوم الأحد الماضي.\n"
        "ووفق وكالة ;رويترز;، فإن الغارات دمرت مستودعا للذخيرة.\n"
        "شبكة الرصد الإخبارية\n\n\n"
    ).strip()


def test_furniture_strip_reaches_fixed_point():
    stripped = strip_furniture(PAGE)
    assert furniture_spans(stripped) == []
    assert strip_furniture(stripped) == stripped


@pytest.mark.parametrize("line, follow", [
    ("fbpx", 0),
    ("FBPX", 0),
    ("اظهر المزيد", 0),
    ("أظهر المزيد »", 0),
    ("مقالات ذات صلة", 10),
    ("أخبار ذات صلة:", 10),
    ("زر الذهاب إلى الأعلى", 0),
    ("اقرأ أيضاً", 1),
    ("اقرأ أيضا: مقتل ثلاثة مدنيين بقصف على ريف حلب", 0),
    ("شارك", 0),
    ("مشاركة", 0),
    ("شارك على فيسبوك", 0),
    ("فيسبوك تويتر واتساب", 0),
    ("Facebook Twitter WhatsApp Telegram", 0),
    ("تابعونا على تويتر وفيسبوك", 0),
    ("اشترك في النشرة البريدية لتصلك آخر الأخبار", 0),
    ("سجل بريدك الإلكتروني ليصلك كل جديد", 0),
    ("نستخدم ملفات تعريف الارتباط لتحسين تجربتك على الموقع", 0),
    ("جميع الحقوق محفوظة © 2024", 0),
    ("وكالات", 0),
    ("(وكالات)", 0),
    ("المصدر: وكالات", 0),
    ("https://example.com/news/2019/05/article-12", 0),
    ("www.example.com", 0),
    ("#سوريا #درعا #قصف", 0),
    ("الوسوم: سوريا درعا قصف", 0),
    ("الرئيسية » أخبار » سوريا", 0),
    ("آخر تحديث: 12 مايو 2019", 0),
    ("أضف تعليقاً", 0),
])
def test_furniture_follow_recognises_furniture_lines(line, follow):
    assert furniture_follow(line) == follow


@pytest.mark.parametrize("line", [
    "شارك الآلاف في مظاهرة وسط العاصمة احتجاجا على غلاء الأسعار.",
    "وكالات الإغاثة تحذر من نقص الغذاء في المخيمات",
    "قتل جندي في هجوم على نقطة تفتيش.",
    "المزيد من القتلى سقطوا في الغارة الثانية على السوق بحسب شهود عيان",
    "تويتر يعلق حساب المتحدث باسم الجماعة المسلحة",
    "وقال المتحدث إن القوات تقدمت نحو الرئيسية وسط اشتباكات.",
    "زار الوزير موقع الانفجار; وتعهد بمحاسبة المسؤولين",
    "--",
    "",
    "   ",
])
def test_furniture_follow_leaves_article_lines(line):
    assert furniture_follow(line) is None


def test_furniture_related_list_stops_at_prose():
    text = ("أخبار ذات صلة\n"
            "مقتل جندي في هجوم قرب الحدود\n"
            "وأعلنت وزارة الدفاع في بيان أن قواتها صدت هجوما على موقعها الحدودي.\n")
    spans = furniture_spans(text)
    assert [text[s:e] for s, e in spans] == ["أخبار ذات صلة", "مقتل جندي في هجوم قرب الحدود"]
    assert spans == [(0, 13), (14, 42)]


def test_furniture_read_also_masks_one_headline():
    text = "اقرأ أيضا\nمقتل جندي في هجوم قرب الحدود\nانفجار عبوة في السوق\n"
    assert [text[s:e] for s, e in furniture_spans(text)] == ["اقرأ أيضا", "مقتل جندي في هجوم قرب الحدود"]


def test_furniture_spans_crlf_and_indentation():
    text = "قتل جندي في هجوم.\r\n   شارك   \r\nوكالات"
    spans = furniture_spans(text)
    assert spans == [(22, 26), (31, 37)]
    assert [text[s:e] for s, e in spans] == ["شارك", "وكالات"]
    assert remove_spans(text, spans) == "قتل جندي في هجوم.\r\n"


@pytest.mark.parametrize("text, lines", [
    ("", [(0, 0)]),
    ("أ\nب", [(0, 1), (2, 3)]),
    ("أ\r\nب\n", [(0, 1), (3, 4), (5, 5)]),
])
def test_furniture_iter_lines_offsets(text, lines):
    assert iter_lines(text) == lines


def test_furniture_data_file_valid():
    raw = files("marsad.documents").joinpath("data/furniture.tsv").read_text(encoding="utf-8")
    rules = parse_rules(raw)
    assert len(rules) == len(load_rules()) > 100
    keys = set()
    for rule in rules:
        phrase = " ".join(rule.words)
        assert normalize_word(phrase) == phrase, phrase
        assert rule.match in MATCH_KINDS
        assert (phrase, rule.match) not in keys, phrase
        keys.add((phrase, rule.match))
        assert 0 <= rule.follow <= 20
        if rule.match == "line":
            assert rule.max_words == 0
        else:
            assert len(rule.words) <= rule.max_words <= 30
