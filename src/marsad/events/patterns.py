"""Derived forms of an Arabic verb from its pattern (وزن), on unvocalised normalised spelling.

Lexicon rows give a verb in the 3rd person masculine singular perfect. The augmented forms (II-X) are
told apart by their spelling alone, and each has one imperfect and one masdar pattern, so the forms a
report uses need not be listed by hand:

    form  perfect   imperfect  masdar     example
    IV    أفعل       يفعل        إفعال       أطلق  يطلق  إطلاق
    III   فاعل       يفاعل       مفاعلة      هاجم  يهاجم  مهاجمة
    V/VI  تفعّل/تفاعل  يتفعّل/يتفاعل  تفعّل/تفاعل  تجدد  يتجدد  تجدد
    VII   انفعل      ينفعل       انفعال      انفجر  ينفجر  انفجار
    VIII  افتعل      يفتعل       افتعال      اقتحم  يقتحم  اقتحام   (hollow: اغتال → اغتيال)
    X     استفعل     يستفعل      استفعال     استهدف  يستهدف  استهداف

A form I verb (فعل) gives neither: its imperfect vowel and its masdar are not in its spelling (قتل
يقتل قتل، وقع يقع وقوع); nor does a form II one, spelt like form I without its shadda (فجر: "dawn"
or "detonated"). Defective verbs (ending in ي) are left to be listed.
"""

from __future__ import annotations

MIN_AUGMENTED = 4  # letters of the shortest augmented perfect (أفعل، فاعل)
# Letters that follow the ت of form VIII after assimilation: اصطدم (ت → ط), ازدحم (ت → د).
_FORM_VIII_T = frozenset("تطد")


def form(perfect: str) -> str | None:
    """The augmented form (Roman numeral) of a 3ms perfect, or None for form I/II, quadriliterals
    and spellings that fit no pattern. Forms V and VI share their derivations and are both "V"."""
    n = len(perfect)
    if n < MIN_AUGMENTED or perfect.endswith("ي"):
        return None
    if perfect.startswith("است") and n == 6:
        return "X"
    if perfect.startswith("ان") and n == 5:
        return "VII"
    if perfect.startswith("ا") and n == 5 and perfect[2] in _FORM_VIII_T:
        return "VIII"
    if perfect.startswith("ت") and (n == 4 or (n == 5 and perfect[2] == "ا")):
        return "V"
    if perfect.startswith("ا") and n == 4:
        return "IV"
    if perfect[1] == "ا" and n == 4:
        return "III"
    return None


def _hollow(perfect: str) -> bool:
    """A middle weak radical shows as the alif before the last letter (اغتال، استعاد، أغار)."""
    return perfect[-2] == "ا"


def imperfect(perfect: str) -> str | None:
    """The 3ms imperfect (يـ) of an augmented verb; None where the pattern does not say it."""
    f = form(perfect)
    if f in ("V", "III"):
        return "ي" + perfect
    if f in ("IV", "X") and _hollow(perfect):  # أغار → يغير، استعاد → يستعيد
        return "ي" + perfect[1:-2] + "ي" + perfect[-1]
    if f in ("IV", "VII", "VIII", "X"):
        return "ي" + perfect[1:]
    return None


def masdar(perfect: str) -> str | None:
    """The masdar of an augmented verb (normalised: ة written ه); None where the pattern does not
    say it."""
    f = form(perfect)
    if f == "V":
        return perfect
    if f == "III":
        return "م" + perfect + "ه"
    if f in ("IV", "X") and _hollow(perfect):  # أغار → إغارة، استعاد → استعادة
        return perfect + "ه"
    if f in ("VII", "VIII") and _hollow(perfect):  # اغتال → اغتيال
        return perfect[:-2] + "يا" + perfect[-1]
    if f in ("IV", "VII", "VIII", "X"):
        return perfect[:-1] + "ا" + perfect[-1]
    return None
