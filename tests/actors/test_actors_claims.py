"""Claims of responsibility: the one group an article says claimed its attacks."""

from __future__ import annotations

import pytest

from marsad.actors.claims import find_claimant
from marsad.text import analyse


def _claimant(text: str) -> tuple[str, str] | None:
    v = analyse("t", text)
    m = find_claimant(v)
    if m is None:
        return None
    start, end = v.span(m.start, m.end)
    return text[start:end], m.actor_id


@pytest.mark.parametrize("text, claimant", [
    # The claim verb with its subject after it, before it, or in a relative clause.
    ("انفجرت سيارة مفخخة في السوق. وتبنى تنظيم داعش الهجوم في بيان.", ("تنظيم داعش", "islamic_state")),
    ("قتل جنديان في كمين، في هجوم تبناه تنظيم داعش لاحقا.", ("تنظيم داعش", "islamic_state")),
    ("وقالت المصادر إن جبهة النصرة التي تبنت الهجوم تسيطر على البلدة.", ("جبهة النصرة", "hts")),
    # A responsibility noun with a pronoun: its subject stands before it.
    ("وأعلنت حركة الشباب مسؤوليتها عن التفجير.", ("حركة الشباب", "al_shabaab")),
    ("وسارعت حركة الشباب المتطرفة إلى إعلان مسؤوليتها عن الهجوم.", ("حركة الشباب", "al_shabaab")),
    # Two claims of the same group are one claimant.
    ("تبنى تنظيم داعش التفجير الأول. كما تبنى تنظيم داعش هجوما آخر.", ("تنظيم داعش", "islamic_state")),
])
def test_claims_name_the_claimant(text: str, claimant: tuple[str, str]) -> None:
    assert _claimant(text) == claimant


@pytest.mark.parametrize("text", [
    "انفجرت عبوة ناسفة في السوق. ولم تعلن أي جهة مسؤوليتها عن الهجوم.",  # nobody claimed it
    "ونفت حركة الشباب مسؤوليتها عن التفجير.",  # a denial
    "وحملت الحكومة تنظيم داعش مسؤوليته عن التفجير.",  # blame, not a claim
    "تتحمل الحكومة المسؤولية عن تدهور الأمن في حمص.",  # the bare noun is duty
    "تبنى تنظيم داعش الهجوم، فيما تبنت حركة الشباب تفجيرا آخر.",  # two claimants: none
    "تبنى البرلمان قانونا جديدا لمكافحة الإرهاب.",  # no armed group claims
    "أعلن الجيش مسؤوليته عن الغارة.",  # state forces are not coded by claims
])
def test_claims_without_a_single_group_name_nobody(text: str) -> None:
    assert _claimant(text) is None
