"""Clause segmentation, the shared scanner and the modality data (marsad.events.clauses, scanner,
modality), on short sentences written for these tests."""

import pytest

from marsad.events import clauses as C
from marsad.events import modality as M
from marsad.events import triggers as T
from marsad.events.scanner import Scanner, longest
from marsad.text import Matcher, analyse, normalize_word


def _clauses(text):
    v = analyse("t", text)
    tokens = v.tokens_of(v.sentences[0])
    _, cl = T._context(tokens, v.norm)
    return tokens, cl


@pytest.mark.parametrize("text, expected", [
    # word: clause kind of each token
    ("قتل الجندي الذي اغتيل امس", ["main", "main", "relative", "relative", "relative"]),
    ("وصلت الشرطة عندما تجمع الناس، ثم انسحبت",
     ["main", "main", "temporal", "temporal", "temporal", "main", "main"]),
    ("قال مصدر ان مسلحين خطفوا صحفيا", ["main", "main", "complement", "complement", "complement",
                                         "complement"]),
    ("انفجرت عبوة (ناسفة) في السوق", ["main", "main", "paren", "main", "main"]),
    ("الامر الذي ادى الى مقتل", ["main", "main", "main", "main", "main"]),
    ("وشارك مئات، في مسيرة", ["main", "main", "main", "main"]),
])
def test_modality_clauses_kinds(text, expected):
    tokens, cl = _clauses(text)
    assert cl.kind == expected


@pytest.mark.parametrize("text, heads", [
    ("وقد تظاهر الطلاب امس", [1, 1, 1, 1]),  # "وقد" is skipped: the verb heads the clause
    ("قال مصدر ان مسلحين خطفوا", [0, 0, 3, 3, 3]),  # the head after "ان" is the preposed subject
    ("مقتل ثلاثة: اغتيال النائب", [0, 0, 2, 2]),
])
def test_modality_clauses_heads(text, heads):
    _, cl = _clauses(text)
    assert cl.head == heads


@pytest.mark.parametrize("text, subordinate", [
    ("تجمع المتظاهرون امام المبنى", False),
    ("وصلت الشرطة بعد ان تجمع المتظاهرون", True),
    ("اختطف مسلحون صحفيا كي يطلبوا فدية", False),
])
def test_modality_clauses_trigger_subordinate(text, subordinate):
    v = analyse("t", text)
    first = [t for s in v.sentences for t in T.scan(v, s)][0]
    assert ("subordinate" in first.reasons) == subordinate


@pytest.mark.parametrize("text", [
    "وقتل خمسة في انفجار سيارة مفخخة امس قرب السوق",
    "اطلقوا النار على المحتجين وتبادل الطرفان اطلاق النار",
    "قال إن القوات استعادت السيطرة على البلدة",
])
def test_modality_scanner_matches_matcher(text):
    v = analyse("t", text)
    tokens = v.tokens
    entries = T.lexicon()
    assert longest(Scanner(entries).scan(tokens)) == Matcher(entries).find(tokens)


@pytest.mark.parametrize("text, categories", [
    ("لم يقتل احد", ["negation"]),
    ("الذي نفذه", ["light_verb"]),  # clause openers are not cues
    ("اعلنت مصادر مقتل", ["report", "death"]),
    ("اعلن الجيش مقتل", ["report", "boundary", "death"]),
    # The death idiom's verb and noun, the subject between them, then a word of cause.
    ("لقي ثلاثة مدنيين حتفهم إثر قصف", ["death", "number", "death", "cause"]),
    ("هجوم على حاجز للجيش", ["against", "target"]),  # against: the object of force (a gathering's)
    ("في ساحة التحرير", ["name_head"]),
])
def test_modality_cues_found(text, categories):
    v = analyse("t", text)
    cues, _ = T._context(v.tokens, v.norm)
    assert sorted(c.category for c in cues if c.category not in ("prep", "anchor", "outcome")) == sorted(
        categories)


def test_modality_data_clauses_valid():
    seen = set()
    for e in C.opener_entries():
        assert e.label in C.KINDS
        form = " ".join(e.words)
        assert form and normalize_word(form) == form
        assert form not in seen, form
        seen.add(form)
    assert {e.label for e in C.opener_entries()} == C.KINDS


def test_modality_effects_cover_categories():
    # Every reason assess() may give has an effect, and every cue category is known.
    assert {"subordinate", "head", "lead", "predicate", "announced"} <= set(M.EFFECTS)
    assert {e.label for e in M.cue_entries()} <= M.CATEGORIES
