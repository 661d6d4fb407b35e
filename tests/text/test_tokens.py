import pytest

import marsad
from marsad.text import candidate_map, candidates, normalize, tokenize


@pytest.mark.parametrize(
    ("word", "form", "prefix", "suffix"),
    [
        ("وقتل", "قتل", "و", ""),
        ("بالقصف", "قصف", "بال", ""),
        ("بالقصف", "القصف", "ب", ""),
        ("للجيش", "جيش", "لل", ""),
        ("للجيش", "الجيش", "ل", ""),
        ("فسيطرت", "سيطر", "ف", "ت"),
        ("والمتظاهرين", "متظاهر", "وال", "ين"),
        ("مقاتليه", "مقاتل", "", "يه"),
        ("قتلوا", "قتل", "", "وا"),
    ],
)
def test_candidates_strip_clitics(word, form, prefix, suffix):
    c = candidate_map(word)[form]
    assert (c.prefix, c.suffix) == (prefix, suffix)


def test_candidates_bare_word_first_and_min_stem():
    cands = candidates("وله")
    assert cands[0].form == "وله"
    assert all(len(c.form) >= 2 for c in cands)


def test_tokenize_splits_hashtags_and_numbers():
    nt = normalize("#حفر_الباطن 3,000 عنصر")
    assert [t.text for t in tokenize(nt)] == ["حفر", "الباطن", "3,000", "عنصر"]


@pytest.mark.parametrize(
    ("word", "form", "prefix", "cut"),
    [
        ("بالقاء", "القاء", "ب", 1),  # the written article stays inside the span
        ("والجيش", "الجيش", "و", 1),
        ("وبالقصف", "القصف", "وب", 2),
        ("بالقاء", "قاء", "بال", 3),  # the reading without the article starts after it
        ("للجيش", "الجيش", "ل", 2),  # an article merged into ل: the span starts after لل
    ],
)
def test_candidate_cut_is_where_the_form_starts_in_the_word(word, form, prefix, cut):
    c = candidate_map(word)[form]
    assert (c.prefix, c.cut) == (prefix, cut)


def test_evidence_of_a_phrase_with_a_written_article_keeps_its_letters():
    (e,) = marsad.extract("قامت الشرطة بإلقاء القبض على ثلاثة مطلوبين في بغداد أمس.", published="2021-03-10")
    assert [x.text for x in e.evidence if x.field == "event"] == ["إلقاء القبض"]
