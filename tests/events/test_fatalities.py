"""Casualty mentions and event fatalities (ACLED's conservative rules)."""

from __future__ import annotations

from importlib import resources

import pytest

from marsad.events.fatalities import KINDS, FatalityMention, find_fatalities, total_fatalities
from marsad.text import analyse, normalize_word


def _mentions(text: str) -> tuple[list[tuple[str, int, str]], list[FatalityMention]]:
    v = analyse("t", text)
    found = [m for s in v.sentences for m in find_fatalities(v, s)]
    return [(v.original(m.start, m.end), m.count, m.kind) for m in found], found


@pytest.mark.parametrize("text, expected", [
    ("قالت مصادر إن أكثر من 20 عنصراً من «الوحدات» قتلوا في كمين", [("أكثر من 20 عنصراً", 20, "killed")]),
    ("مقتل 5 مدنيين بقصف مدفعي", [("5 مدنيين", 5, "killed")]),
    ("سقط قتيلان في الانفجار", [("قتيلان", 2, "killed")]),
    ("لقي ثلاثة جنود مصرعهم قرب الحدود", [("ثلاثة جنود", 3, "killed")]),
    ("أسفر الهجوم عن سقوط 7 قتلى و12 جريحا", [("7 قتلى", 7, "killed"), ("12 جريحا", 12, "wounded")]),
    ("أدى الانفجار إلى مقتل وإصابة 10 أشخاص", [("10 أشخاص", 3, "killed")]),
    ("نقل عشرات القتلى والجرحى إلى المستشفى", [("عشرات القتلى والجرحى", 3, "killed")]),
    ("سقوط 20 شخصا بين قتيل وجريح", [("20 شخصا بين قتيل وجريح", 3, "killed")]),
    ("مقتل 3 جنود و2 مدنيين", [("3 جنود", 3, "killed"), ("2 مدنيين", 2, "killed")]),
    ("مقتل جندي وإصابة 3 آخرين", [("جندي", 1, "killed"), ("3 آخرين", 3, "wounded")]),
    ("قتلت القوات 4 مسلحين في الاشتباك", [("4 مسلحين", 4, "killed")]),
    ("استشهد شرطي في الهجوم", [("شرطي", 1, "killed")]),
    ("أودى الحريق بحياة أربعة أطفال", [("أربعة أطفال", 4, "killed")]),
    ("ارتفع عدد القتلى إلى 25", [("القتلى إلى 25", 25, "killed")]),
    ("قتل جنديين عند الحاجز", [("جنديين", 2, "killed")]),
    ("عثر على جثث في الوادي", [("جثث", 3, "killed")]),
    ("مقتل مدنيين في غارة", [("مدنيين", 3, "killed")]),
    ("مقتل الجنود الثلاثة", [("الجنود الثلاثة", 3, "killed")]),
    ("وأشار إلى مقتل أحد الجنود", [("أحد الجنود", 1, "killed")]),
    ("وأشار إلى مقتل أحد الحراس", [("أحد", 1, "killed")]),
    ("قتل 3 أشخاص آخرين", [("3 أشخاص آخرين", 3, "killed")]),
    ("فجر انتحاري نفسه في السوق", [("فجر انتحاري نفسه", 1, "killed")]),
    ("أصيب 4 جنود بجروح", [("4 جنود", 4, "wounded")]),
    ("اعتقلت الشرطة 12 شخصا", [("12 شخصا", 12, "arrested")]),
    ("اختطف مسلحون ثلاثة صحفيين", [("ثلاثة صحفيين", 3, "other")]),
    ("سقط 5 ضحايا في الحادث", [("5 ضحايا", 5, "other")]),
    ("فقدان 6 أشخاص بعد الغارة", [("6 أشخاص", 6, "missing")]),
    # Regression: a verb with its own victims ("مصرعهم") is not "killed and wounded" counted together.
    ("لقي ثلاثة جنود مصرعهم وأصيب سبعة آخرون", [("ثلاثة جنود", 3, "killed"), ("سبعة آخرون", 7, "wounded")]),
])
def test_fatalities_mentions(text, expected):
    assert _mentions(text)[0] == expected


@pytest.mark.parametrize("text", [
    "قرابة 3 آلاف عنصر يتحصنون في البلدة",
    "يعيش في الجيب قرابة 50 ألف مدني",
    "وصل المئات من النازحين إلى المخيم",
    "بلغت حصيلة القتلى منذ بداية الحرب 500 ألف",
    "قتل خلال العام أكثر من ألف شخص",
    "لم يسفر الانفجار عن سقوط قتلى",
    "انفجرت العبوة دون وقوع إصابات",
    "بلغت الخسائر 5 ملايين دولار",
    "قضى 10 سنوات في السجن",
    "وفي عام 2014 سيطر التنظيم على المدينة",
    "يبلغ من العمر 35 عاما",
    "وصلت 20 شاحنة محملة بالمساعدات",
    "قال مصدر عسكري إن القصف مستمر",
    "تسببت الحرب منذ 2011 بمقتل أكثر من 200 ألف شخص",
    "قتل في الإبادة نحو 800 ألف شخص",
])
def test_fatalities_none(text):
    assert _mentions(text)[0] == []


@pytest.mark.parametrize("text, total", [
    ("قتل 5 أشخاص. وقال مصدر إن خمسة أشخاص قتلوا", 5),
    ("وقتل 5 وقتل خمسة أشخاص", 5),
    ("مقتل 3 جنود و2 مدنيين", 5),
    ("قتل 5 أشخاص بينهم 3 أطفال", 5),
    ("قتل 7 أشخاص. وقالت مصادر أخرى إن 9 أشخاص قتلوا", 7),
    ("قتل 4 جنود. وقتل 3 أشخاص آخرين في الهجوم", 7),
    ("فجر انتحاري نفسه ما أدى إلى مقتل 6 أشخاص", 7),
    ("مقتل 5 مدنيين. وسقط قتلى في القصف", 5),
    ("أصيب 12 شخصا", 0),
    ("سقوط 7 قتلى و12 جريحا", 7),
])
def test_fatalities_total(text, total):
    assert total_fatalities(_mentions(text)[1])[0] == total


def test_fatalities_total_evidence():
    labels, found = _mentions("مقتل 3 جنود و2 مدنيين")
    count, evidence = total_fatalities(found)
    # Victims joined by و are evidenced together: the span covers both figures.
    assert count == 5 and (evidence.start, evidence.end) == (found[0].start, found[1].end)
    assert total_fatalities([]) == (0, None)


def test_fatalities_offsets_are_normalised_and_map_back():
    text = "وقُتِل ٥ مدنيين"
    v = analyse("t", text)
    (m,) = find_fatalities(v, v.sentences[0])
    assert (m.start, m.end, m.count) == (5, 13, 5)
    assert v.original(m.start, m.end) == "٥ مدنيين"


def test_fatalities_data_file_valid():
    text = resources.files("marsad.events").joinpath("data/casualty_words.tsv").read_text("utf-8")
    rows = [ln.split("\t") for ln in text.splitlines() if ln and not ln.startswith("#")][1:]
    phrases = [r[0] for r in rows]
    assert len(phrases) == len(set(phrases))
    roles = {"casualty", "person", "kin", "trigger", "trigger_pre", "negation", "period", "measure",
             "blocker", "self_verb", "self", "company", "subset", "toll", "toll_verb", "toll_to",
             "name_head", "days", "superlative"}
    groups = {"-", "generic", "civilian", "military", "police", "militant", "bomber", "others", "long"}
    for phrase, role, kind, group, number in rows:
        assert phrase == normalize_word(phrase)
        assert role in roles
        assert kind in set(KINDS) | {"victim", "fell", "-"}
        assert kind != "fell" or role in ("trigger", "trigger_pre")
        assert group in groups
        assert number in ("1", "2", "2c", "pl", "pl-fig", "-") or role == "days" and number.isdigit()
        assert (role in ("casualty", "person", "kin", "days")) == (number != "-")
        assert (role in ("casualty", "trigger", "trigger_pre", "self_verb", "self")) == (kind != "-")


@pytest.mark.parametrize("text,total,spans", [
    ("قتلت امرأة وطفلها", 2, ["امراه", "طفلها"]),
    ("قتل رجل وزوجته وثلاثة من أطفالهما", 5, ["رجل", "زوجته", "ثلاثه من اطفالهما"]),
    ("قتل جنديان وضابط", 3, ["جنديان", "ضابط"]),
    ("قتل جندي وضابط", 2, ["جندي", "ضابط"]),
    ("قتل مدني وأصيب اثنان", 1, ["مدني"]),
    ("قتل عشرة بينهم امرأة وطفلها", 10, ["عشره"]),
    ("قتلت سيدة وطفلاها", 3, ["سيده", "طفلاها"]),
    ("قتل شاب وشقيقه وابن عمه", 2, ["شاب", "شقيقه"]),
    ("لقي مواطن وابنته مصرعهما", 2, ["مواطن", "ابنته"]),
    ("قتل 4 أشخاص و4 مدنيين", 8, ["4 اشخاص", "4 مدنيين"]),
    ("قتل رجل وأب", 1, ["رجل"]),
    ("قتل رجل، وزوجته في المستشفى", 1, ["رجل"]),
])
def test_fatalities_joined_victims_add_up(text, total, spans):
    v = analyse("t", text)
    found = [m for s in v.sentences for m in find_fatalities(v, s)]
    killed = [m for m in found if m.kind == "killed" and not m.subset]  # "بينهم امرأة": some of the ten
    assert [v.norm[m.start:m.end] for m in killed] == spans
    assert total_fatalities(found)[0] == total
