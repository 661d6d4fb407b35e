"""Scraper-mangled quotation marks (`;` for a quote) against genuine `;` separators."""

from __future__ import annotations

import pytest

from marsad.documents.quotes import quote_fixes
from marsad.text import analyse


@pytest.mark.parametrize("text, fixes", [
    # a pair around an agency name, closing mark before an Arabic comma
    ("وبحسب وكالة ;رويترز;، فإن القصف استمر", [12, 19]),
    # a pair around a militia name inside the sentence
    ("أعلنت جماعة ;سرايا الدفاع; مسؤوليتها عن الهجوم", [12, 25]),
    # an unpaired opening mark: the quotation runs to the end of the line
    ("وأكد المتحدث أن ;المعركة انتهت تقريبا", [16]),
    # at the start of a line
    (";الجيش الحر; يسيطر على التلة", [0, 11]),
    # after an opening bracket, closing before a full stop
    ("قال (;مصدر أمني;).", [5, 15]),
    # a Latin name
    ("نقلت ;Reuters; عن مصدر", [5, 13]),
    # two pairs in one sentence, the second opened after a glued conjunction
    ("بين ;قسد; و;داعش;", [4, 8, 11, 16]),
    # after a preposition written with tatweel
    ("استهدف نقاطا لـ;قسد; في محيط البلدة", [15, 19]),
    # an opening mark left open does not pair with a separator in the next sentence
    ("قال إن ;الوضع صعب.\nقتل خمسة; وأصيب عشرة", [7]),
])
def test_quotes_fixes_found(text, fixes):
    assert quote_fixes(text) == fixes
    assert all(text[i] == ";" for i in fixes)


@pytest.mark.parametrize("text", [
    "قتل خمسة أشخاص; وأصيب عشرة آخرون",  # a real separator: glued before, space after
    "الأولى; الثانية; الثالثة",
    "سعر الصرف 1500;2000 ليرة",
    "كلمة;كلمة",  # glued on both sides: unknown, left alone
    "نهاية الجملة ;",  # nothing after it to quote
    "لا فواصل منقوطة هنا",
    "",
])
def test_quotes_separators_left_alone(text):
    assert quote_fixes(text) == []


def test_quotes_fixes_read_as_quotes_by_analyse():
    text = "ووفق وكالة ;رويترز;، فإن القصف استمر"
    view = analyse("q", text, quote_fixes=quote_fixes(text))
    assert view.norm == 'ووفق وكاله "رويترز"، فان القصف استمر'
    assert view.text == text
