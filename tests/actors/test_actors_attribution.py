"""Who the article says reported an event: the source's name as written, with its span."""

from __future__ import annotations

import pytest

from marsad.actors import find_attribution
from marsad.text import analyse


def _attribution(text: str) -> tuple[int, int, str] | None:
    v = analyse("t", text)
    found = find_attribution(v, v.sentences[0])
    if found is None:
        return None
    start, end = v.span(found[0], found[1])
    assert text[start:end] == found[2]
    return start, end, found[2]


@pytest.mark.parametrize("text, source", [
    ('ووفق وكالة "فرانس برس"، فإن قرابة 3 آلاف عنصر يتحصنون في المنطقة', 'وكالة "فرانس برس"'),
    ("ووفق وكالة «فرانس برس» فإن العدد ارتفع", "وكالة «فرانس برس»"),
    ("بحسب المرصد السوري لحقوق الإنسان، قتل 5 مدنيين", "المرصد السوري لحقوق الإنسان"),
    ("قال مصدر أمني إن الهجوم أسفر عن مقتل جنديين", "مصدر أمني"),
    ("ذكرت مصادر إعلامية أن أكثر من 20 عنصرا قتلوا", "مصادر إعلامية"),
    ("أفادت وكالة رويترز بمقتل ثلاثة أشخاص", "وكالة رويترز"),
    ("أكدت شبكات إخبارية مقتل عدد من العناصر", "شبكات إخبارية"),
    ("وقالت الشرطة إن المسلحين فروا", "الشرطة"),
    ("وفقا لوكالة الأنباء العراقية فإن الانفجار وقع صباحا", "وكالة الأنباء العراقية"),
    ("حسبما ذكرت وكالة الأناضول، قتل شخصان", "وكالة الأناضول"),
    ("وقال مسؤول محلي لوكالة فرانس برس إن القصف استمر", "مسؤول محلي"),
    ('وقال مسؤول لـ"رويترز" إن القصف استمر', "مسؤول"),
    ("نقلا عن شهود عيان، فإن القصف استهدف السوق", "شهود عيان"),
    ("وحسب ما أفادت مصادر طبية فإن عدد القتلى ارتفع", "مصادر طبية"),
    ("وذكرت رويترز أن الغارات استمرت", "رويترز"),
    ("وبحسب صفحة انتهاكات الميليشيات في سوريا على فيسبوك، وصل القتلى", "صفحة انتهاكات الميليشيات"),
    ("وقالت الوزارة في بيان إن قواتها صدت الهجوم", "الوزارة"),
    ("وفقا لما أعلنه المتحدث العسكري للجيش", "المتحدث العسكري"),
])
def test_attribution_source_and_span(text: str, source: str) -> None:
    start = text.index(source)
    assert _attribution(text) == (start, start + len(source), source)


@pytest.mark.parametrize("text", [
    "أعلنت قسد سيطرتها على البلدة",  # a claim by a party, not a reporting source
    "قتل عشرة أشخاص في القصف",
    "قال إن الهجوم فشل",
    "بحسب، الهجوم فشل",
])
def test_attribution_absent(text: str) -> None:
    assert _attribution(text) is None
