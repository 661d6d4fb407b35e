"""Near-duplicate detection on texts written for these tests."""

import pytest

from marsad.store.dedup import near_duplicates, sample, shingles, similarity

STORY = (
    "قُتل سبعة مدنيين بينهم طفلان، أمس الخميس، في غارة جوية شنتها طائرات حربية على سوق شعبي في مدينة "
    "كفرنبل جنوبي إدلب. وقال الدفاع المدني إن فرقه انتشلت الضحايا من تحت الأنقاض ونقلت الجرحى إلى "
    "مستشفيات قريبة. وأضاف أن الغارة دمرت عدداً من المحال التجارية وألحقت أضراراً بالمنازل المجاورة."
)
OTHER = (
    "أعلنت وزارة الداخلية اعتقال خلية مؤلفة من أربعة أشخاص كانت تخطط لتفجير سيارة مفخخة في العاصمة، "
    "وقالت في بيان إن عناصر الأمن ضبطوا كمية من المتفجرات والأسلحة في مخبأ بضاحية المدينة الشرقية."
)


@pytest.mark.parametrize("a, b", [
    ("قتل خمسة مدنيين في غارة على البلدة", "قُتِلَ خمسةُ مدنيين في غارةٍ على البلدة"),  # diacritics
    # hamza, shadda, ta marbuta
    ("أعلن الجيش إسقاط طائرة مسيّرة فوق المدينة", "اعلن الجيش اسقاط طائرة مسيرة فوق المدينه"),
    ("قتل خمسة مدنيين، في غارة «جوية» على البلدة!", "قتل خمسة مدنيين في غارة جوية على البلدة"),  # punctuation
])
def test_dedup_shingles_ignore_spelling_variants(a, b):
    assert shingles(a) == shingles(b)


@pytest.mark.parametrize("text, n", [
    ("", 0),
    ("غارة", 1),
    ("قتل خمسة مدنيين في غارة", 1),  # five words or fewer: one shingle
    ("قتل خمسة مدنيين في غارة جوية", 2),
    ("قتل خمسة مدنيين في غارة جوية على البلدة", 4),
])
def test_dedup_shingles_count(text, n):
    assert len(shingles(text)) == n


def test_dedup_sample_is_consistent_and_never_empty():
    h = shingles(STORY)
    picked = sample(h)
    assert picked == sorted(picked) and set(picked) <= h and picked
    assert sample(frozenset({9})) == [9]  # nothing divisible by 8: the smallest hash stands in
    assert sample(frozenset()) == []


@pytest.mark.parametrize("a, b, expected", [
    (frozenset({1, 2, 3, 4}), frozenset({1, 2, 3, 4}), (1.0, 1.0)),
    (frozenset({1, 2, 3, 4}), frozenset({3, 4, 5, 6}), (2 / 6, 0.5)),
    (frozenset({1, 2}), frozenset({1, 2, 3, 4}), (0.5, 1.0)),
    (frozenset(), frozenset({1}), (0.0, 0.0)),
])
def test_dedup_similarity_values(a, b, expected):
    s = similarity(a, b)
    assert (s.jaccard, s.containment) == pytest.approx(expected)


@pytest.mark.parametrize("a, b, expected", [
    (STORY, STORY, True),
    (STORY, "إدلب (وكالات) - " + STORY, True),  # a site's dateline added
    (STORY, STORY + " وتشهد المنطقة تصعيداً عسكرياً منذ أسابيع.", True),  # a sentence added
    (STORY, STORY.rsplit(".", 2)[0] + ".", True),  # the last sentence cut: contained in the original
    (STORY, OTHER, False),
    (STORY, "قُتل سبعة مدنيين بينهم طفلان، أمس الخميس، في غارة جوية", False),  # a short quote is no copy
])
def test_dedup_near_duplicates_cases(a, b, expected):
    assert near_duplicates(shingles(a), shingles(b)) is expected
