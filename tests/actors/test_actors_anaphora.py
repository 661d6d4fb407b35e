"""Definite nouns that refer back to an actor named before ("التنظيم", "المسلحون", "الجيش")."""

from __future__ import annotations

import pytest

from marsad.actors import find_actors
from marsad.actors.anaphora import Antecedents, resolve_anaphora
from marsad.text import analyse


def _last_sentence(text: str) -> list[tuple[str, str]]:
    """(surface, actor id) of the mentions of the text's last sentence, anaphors resolved."""
    v = analyse("t", text)
    antecedents: Antecedents = {}
    out: list = []
    for s in v.sentences:
        out = resolve_anaphora(v, s, find_actors(v, s), antecedents)
    return [(v.original(m.start, m.end), m.actor_id) for m in out]


@pytest.mark.parametrize("text, expected", [
    # A group word takes the group named with it, however far back, and the only one nearby.
    ("هاجم تنظيم داعش قرية في ريف الرقة. وقتل التنظيم خمسة مدنيين.",
     [("التنظيم", "islamic_state"), ("مدنيين", "civilians")]),
    ("أعلنت حماس مسؤوليتها عن الهجوم. وقالت الحركة في بيان إن مقاتليها عادوا.",
     [("الحركة", "hamas")]),
    ("سيطرت هيئة تحرير الشام على البلدة. وقصف المسلحون مواقع قوات النظام.",
     [("المسلحون", "hts"), ("قوات النظام", "assad_forces")]),
    ("اقتحمت حركة الشباب القاعدة. وقال شاهد إن المهاجمين أحرقوا المباني.",
     [("المهاجمين", "al_shabaab")]),
    # A state's army named before is the one "الجيش" means, whatever the country of the place.
    ("قال الجيش الإسرائيلي إنه قصف مواقع في جنوب لبنان. وأضاف الجيش أن الغارات مستمرة.",
     [("الجيش", "military_il")]),
    ("انتشرت القوات التركية في القرية. وقصفت القوات بالمدفعية الطريق.", [("القوات", "military_tr")]),
    ("قصفت طائرات حربية إسرائيلية مواقع في ريف دمشق. واستهدفت الطائرات بأربع غارات الفرقة الأولى.",
     [("الطائرات", "military_il"), ("الفرقة الأولى", "military")]),
    # An epithet or a relative clause keeps the reference.
    ("تبنى تنظيم داعش التفجير. وهدد التنظيم الإرهابي بهجمات أخرى.", [("التنظيم", "islamic_state")]),
])
def test_anaphora_refers_back(text: str, expected: list[tuple[str, str]]) -> None:
    assert _last_sentence(text) == expected


@pytest.mark.parametrize("text, expected", [
    # Two groups nearby and no head word: ambiguous, the gunmen stay unidentified.
    ("اشتبكت هيئة تحرير الشام مع قسد. وقتل المسلحون ثلاثة مدنيين.",
     [("المسلحون", "unidentified"), ("مدنيين", "civilians")]),
    # Unidentified gunmen named before are the gunmen meant.
    ("هاجم مسلحون مجهولون نقطة لقسد. وفر المسلحون إلى البادية.", [("المسلحون", "unidentified")]),
    # The armies of two states: "الجيش" keeps its own reading (the army of the event's country).
    ("اشتبك الجيش اللبناني مع الجيش الإسرائيلي. وقال الجيش إن جنديا أصيب.", [("الجيش", "military")]),
    # Other forces, another name, the gunmen of a named force.
    ("دخل الجيش السوداني البلدة. وانسحبت القوات المساندة له.", []),
    ("هاجم تنظيم داعش الحاجز. وقالت الحركة الإسلامية إنها تدين الهجوم.", []),
    ("سيطرت هيئة تحرير الشام على البلدة. وقتل خمسة من المسلحين من قوات النظام.",
     [("قوات النظام", "assad_forces")]),  # the gunmen are the forces named after "من"
    # Nothing named before: nothing to refer to.
    ("وقال التنظيم إنه نفذ الهجوم.", []),
    # Too far back without a head word.
    ("هاجمت حماس موقعا. ثم جاء الليل. وانتهى اليوم. وعاد الهدوء. وقالت الحركة إنها انسحبت.", []),
])
def test_anaphora_left_alone_when_ambiguous_or_another_name(text: str,
                                                           expected: list[tuple[str, str]]) -> None:
    assert _last_sentence(text) == expected
