import pytest

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
