"""Language identification: Arabic against the languages Marsad must not code."""

from __future__ import annotations

import json
import re
from importlib.resources import files

import pytest
from lingua import IsoCode639_1

from marsad.documents.language import detect_language, parse_language_data, sample_of
from marsad.text import normalize_word


@pytest.mark.parametrize("text, lang", [
    ("قتل ثلاثة مدنيين وأصيب خمسة آخرون في قصف مدفعي استهدف بلدة على أطراف المدينة.", "ar"),
    ("قالت قوات البيشمركة إن مقاتليها صدوا هجوما قرب المدينة، وقال قائد في الپيشمرگة إن الاشتباكات "
     "التي بدأت منذ الفجر استمرت ساعات في المنطقة التي شهدت معارك عنيفة خلال الشهر الماضي، "
     "وأضاف أن القوات لم تتراجع عن مواقعها وأنها ما زالت تسيطر على الطريق الذي يربط القرى.", "ar"),
    ("قال المتحدث باسم التحالف (coalition spokesman) إن الغارات استهدفت مواقع قرب الحدود.", "ar"),
    ("fbpx\nقتل جندي وأصيب آخران في هجوم على حاجز للجيش شمال المدينة.", "ar"),
    ("نیروهای امنیتی روز گذشته در جنوب شرق کشور با گروهی مسلح درگیر شدند و چند نفر کشته شدند.", "fa"),
    ("نيروهاي امنيتي روز گذشته در جنوب شرق كشور با گروهي مسلح درگير شدند و چند نفر كشته شدند "
     "و اين خبر را تاييد كرد.", "fa"),
    ("سیکیورٹی فورسز نے شمالی علاقے میں ایک کارروائی کے دوران پانچ شدت پسندوں کو ہلاک کر دیا ہے۔", "ur"),
    ("هێزەکانی پێشمەرگە لە نزیک شارەکە هێرشێکی چەکدارانیان تێکشکاند و چەند کەسێک کوژران.", "ku"),
    ("Three civilians were killed and five wounded when shells hit a village near the city.", "en"),
    ("Trois civils ont été tués et cinq blessés lorsque des obus ont frappé un village.", "fr"),
    ("Şehrin yakınındaki bir köye top mermisi isabet etmesi sonucu üç sivil hayatını kaybetti.", "tr"),
    ("שלושה אזרחים נהרגו וחמישה נפצעו כאשר פגזים פגעו בכפר בפאתי העיר.", "he"),
    ("Трое мирных жителей погибли и пятеро ранены в результате обстрела деревни.", "ru"),
    ("وفاة 7 وإصابة 11 في #سيول https://t.co/AbCdEf12 https://t.co/XyZ987", "ar"),
    ("RT @someone_news: #عاجل انفجار قرب الميناء", "ar"),
    ("12345 -- 2018/09/15 !!", None),
    ("https://example.com/news/2019", None),
    ("", None),
])
def test_language_detect(text, lang):
    assert detect_language(text) == lang


def test_language_sample_takes_start_and_middle():
    text = "أ" * 5000 + "ب" * 5000
    sample = sample_of(text, 1200)
    assert sample == "أ" * 600 + "\n" + "ب" * 600
    assert sample_of("قصير", 1200) == "قصير"


def test_language_long_english_with_arabic_headline():
    text = "عاجل\n" + "The army said its forces repelled an attack on a checkpoint overnight. " * 40
    assert detect_language(text) == "en"


def test_language_data_file_valid():
    raw = json.loads(files("marsad.documents").joinpath("data/language.json").read_text(encoding="utf-8"))
    data = parse_language_data(raw)
    iso = re.compile("[a-z]{2}")
    markers = raw["script_markers"]
    letters = "".join(markers.values())
    assert len(letters) == len(set(letters))  # each marker letter belongs to one language
    for lang, chars in markers.items():
        assert iso.fullmatch(lang)
        # none of them is a letter of Arabic (U+0621..U+064A)
        assert all(not "\u0621" <= c <= "\u064a" for c in chars), lang
    for lang, words in raw["function_words"].items():
        assert iso.fullmatch(lang)
        assert len(words) == len(set(words)) >= 10
        assert all(normalize_word(w) == w and " " not in w for w in words), lang
    assert not data.function_words["ar"] & data.function_words["fa"]
    for script, langs in raw["lingua"].items():
        assert all(iso.fullmatch(x) for x in langs) and len(langs) == len(set(langs)) >= 2, script
        assert all(hasattr(IsoCode639_1, x.upper()) for x in langs), script  # lingua knows them
    assert all(iso.fullmatch(x) for x in raw["script_languages"].values())
