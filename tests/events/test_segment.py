"""Event segmentation: a report that lists several places is one event in each, its toll divided
(ACLED codes one event per location); a place inside another, or the two ends of a line, are not a list.

The sentences are written for these tests."""

from dataclasses import dataclass

import pytest

import marsad
from marsad.datafiles import DataFileError, parse_table
from marsad.events.segment import joins, listed_places, shares

PUBLISHED = "2021-03-10"
SHELLING = "Shelling/artillery/missile attack"


@pytest.mark.parametrize(
    ("gap", "expected"),
    [
        (" و", True),  # "حمص وحماة": the conjunction is a proclitic of the next name
        ("، و", True),
        ("، ", True),
        (" وفي ", True),
        ("، وعلى ", True),
        (" و«", True),
        (" و#", True),
        (" وقرية ", True),
        (" أو ", True),
        (" في ", False),  # "دوما في ريف دمشق": inside, not beside
        (" ", False),
        (" بريف ", False),
        (" شرقي ", False),
        (" إلى ", False),
        (" ومنها ", False),
        (" وقتل ثلاثة في ", False),
    ],
)
def test_joins_only_coordinating_gaps(gap, expected):
    assert joins(gap) is expected


def test_shares_divide_a_toll_like_acled_divides_a_total_over_days():
    assert shares(7, 2) == [4, 3]
    assert shares(26, 3) == [9, 9, 8]
    assert shares(0, 3) == [0, 0, 0]
    assert shares(5, 1) == [5]


@dataclass(frozen=True)
class _M:
    start: int
    end: int
    qualifier: str | None = None


def _mentions(text, *names, qualified=()):
    out, pos = [], 0
    for n in names:
        s = text.index(n, pos)
        out.append(_M(s, s + len(n), "ريف" if n in qualified else None))
        pos = s + len(n)
    return out


def test_listed_places_skips_a_place_that_qualifies_a_member():
    text = "قصفت الطائرات بلدة هجين بريف دير الزور وبلدة الشعفة"
    hajin, dez, shaafa = _mentions(text, "هجين", "دير الزور", "الشعفة", qualified=("دير الزور",))
    assert listed_places(text, hajin, [hajin, dez, shaafa], lambda m: True) == [hajin, shaafa]


def test_listed_places_between_two_places_is_one_line():
    text = "اشتباكات على الطريق بين حلب وإدلب"
    aleppo, idlib = _mentions(text, "حلب", "إدلب")
    assert listed_places(text, aleppo, [aleppo, idlib], lambda m: True) == [aleppo]


def test_listed_places_drops_unusable_members_but_keeps_the_chosen_one():
    text = "في حمص وحماة ودرعا"
    homs, hama, daraa = _mentions(text, "حمص", "حماة", "درعا")
    assert listed_places(text, hama, [homs, hama, daraa], lambda m: m is not daraa) == [homs, hama]


def _coded(text):
    return [(e.sub_event_type, e.location, e.fatalities) for e in marsad.extract(text, published=PUBLISHED)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "قتل خمسة مدنيين برصاص قوات الأمن في حمص وحماة أمس.",
            [("Attack", "Homs", 3), ("Attack", "Hamah", 2)],
        ),
        (
            "شنت طائرات التحالف غارات على الرقة ودير الزور أمس، ما أسفر عن مقتل سبعة مسلحين.",
            [("Air/drone strike", "Ar Raqqah", 4), ("Air/drone strike", "Deir ez-Zor", 3)],
        ),
        (
            "خرجت مظاهرات في حمص وفي حماة، وفي درعا يوم الجمعة.",
            [
                ("Peaceful protest", "Homs", 0),
                ("Peaceful protest", "Hamah", 0),
                ("Peaceful protest", "Dar'a", 0),
            ],
        ),
        # Not lists: a governorate around a town, a town inside a region, the ends of a road.
        ("قصفت قوات النظام بلدة هجين بريف دير الزور أمس.", [(SHELLING, "Hajin", 0)]),
        ("قتل مدنيان في قصف على دوما في ريف دمشق أمس.", [(SHELLING, "Duma", 2)]),
        (
            "اندلعت اشتباكات بين قوات النظام والمعارضة على الطريق بين حلب وإدلب أمس.",
            [("Armed clash", "Aleppo", 0)],
        ),
    ],
)
def test_extract_one_event_per_listed_place(text, expected):
    assert _coded(text) == expected


def test_extract_split_events_have_distinct_ids_and_their_own_place_evidence():
    events = marsad.extract("قتل خمسة مدنيين برصاص قوات الأمن في حمص وحماة أمس.", published=PUBLISHED)
    assert len({e.event_id for e in events}) == 2
    assert [[x.text for x in e.evidence if x.field == "location"] for e in events] == [["حمص"], ["حماة"]]
    assert all([x.text for x in e.evidence if x.field == "event"] == ["برصاص", "قتل"] for e in events)


def test_data_file_reader_requires_its_header_and_names_the_bad_line():
    rows = parse_table("# comment\nword\trole\tnote\nو\tconjunction\n\nفي\tpreposition\tx\n", "t.tsv",
                       ("word", "role", "note?"))
    assert rows == [{"word": "و", "role": "conjunction", "note": ""},
                    {"word": "في", "role": "preposition", "note": "x"}]
    with pytest.raises(DataFileError, match=r"t\.tsv:1: header"):
        parse_table("word\n", "t.tsv", ("word", "role"))
    with pytest.raises(DataFileError, match=r"t\.tsv:3: 1 cells"):
        parse_table("word\trole\nو\tconjunction\nفي\n", "t.tsv", ("word", "role"))
    with pytest.raises(DataFileError, match="no header"):
        parse_table("# only a comment\n", "t.tsv", ("word", "role"))


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "اندلعت اشتباكات بين الجيش وداعش في الموصل، فيما قصفت طائرات التحالف مواقع التنظيم في الرقة أمس.",
            [("Armed clash", "Mosul", 0), ("Air/drone strike", "Ar Raqqah", 0)],
        ),
        (
            "قصفت طائرات التحالف مواقع داعش في الرقة، بينما اشتبك الجيش مع عناصر التنظيم في الموصل أمس.",
            [("Air/drone strike", "Ar Raqqah", 0), ("Armed clash", "Mosul", 0)],
        ),
    ],
)
def test_extract_each_event_of_a_sentence_takes_the_place_after_its_own_trigger(text, expected):
    assert _coded(text) == expected


def _placed(text):
    return [(e.location, e.latitude, e.geo_precision, e.fatalities,
             [x.text for x in e.evidence if x.field == "location"])
            for e in marsad.extract(text, published=PUBLISHED)]


MANBIJ = 36.52815


def test_extract_a_list_of_villages_the_gazetteer_lacks_is_one_event_each_near_its_town():
    assert _placed("قصف الجيش الوطني قرى قرط صغير، والصيادة، والدندنية شمال منبج أمس.") == [
        ("Qrt Sghyr", MANBIJ, 2, 0, ["قرط صغير"]),
        ("al-Syada", MANBIJ, 2, 0, ["الصيادة"]),
        ("al-Dndnya", MANBIJ, 2, 0, ["الدندنية"]),
    ]


def test_extract_a_village_the_gazetteer_lacks_listed_with_a_known_town_keeps_its_own_event():
    events = _placed("قتل خمسة مدنيين في قصف على بلدتي كفرحلب ومارع في ريف حلب أمس.")
    assert [(loc, prec, toll, ev) for loc, _, prec, toll, ev in events] == [
        ("Kfrhlb", 2, 3, ["كفرحلب"]),
        ("Mari", 1, 2, ["مارع"]),
    ]


def test_extract_one_unknown_village_is_coded_at_the_town_it_lies_near():
    assert _placed("قتل خمسة مدنيين في قصف على قرية كفرحلب غرب حلب أمس.") == [
        ("Aleppo", 36.20124, 2, 5, ["كفرحلب"]),
    ]


@pytest.mark.parametrize(
    ("gap", "expected"),
    [
        (" وعشرة جرحى ب", True),  # "ثلاثة قتلى وعشرة جرحى بقرية X"
        (" في ", True),
        (" في مدينة ", True),
        ("، وخمسة ب", True),
        (" برصاص الأمن في ", False),  # an agent between: the toll is the whole report's
        (" وأصيب آخرون في ", False),  # a clause of its own
    ],
)
def test_locates_toll_only_across_locative_words(gap, expected):
    from marsad.events.segment import locates_toll

    assert locates_toll(gap) is expected


def test_extract_tolls_given_place_by_place_are_one_event_each_with_its_own_toll():
    text = ("شن الطيران الحربي غارات على ريف إدلب، مخلفا ثلاثة قتلى وعشرة جرحى بمدينة كفرنبل، وخمسة قتلى "
            "بمدينة أريحا، إضافة لقتيلين بمدينة سراقب أمس.")
    events = marsad.extract(text, published=PUBLISHED)
    assert [(e.location, e.fatalities, [x.text for x in e.evidence if x.field == "fatalities"])
            for e in events] == [
        ("Kafranbel", 3, ["ثلاثة قتلى"]),
        ("Ariha", 5, ["خمسة قتلى"]),
        ("Saraqib", 2, ["قتيلين"]),
    ]


def test_extract_a_toll_with_its_agent_before_a_list_is_divided_over_the_list():
    assert _coded("قتل ستة مدنيين برصاص قوات الأمن في حمص وحماة أمس.") == [
        ("Attack", "Homs", 3),
        ("Attack", "Hamah", 3),
    ]


def test_extract_listed_villages_in_a_province_are_each_an_event_at_region_precision():
    events = marsad.extract("سيطر الجيش على منطقتي كازقيل وأم دم حاج أحمد بولاية شمال كردفان أمس.",
                            published=PUBLISHED)
    assert [(e.sub_event_type, e.location, e.country, e.geo_precision) for e in events] == [
        ("Government regains territory", "Kazqyl", "Sudan", 3),
        ("Government regains territory", "Am Dm Haj Ahmd", "Sudan", 3),
    ]
