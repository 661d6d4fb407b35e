"""MinHash signatures and near-duplicate detection over articles written for these tests."""

from __future__ import annotations

import itertools

import pytest

from marsad.batch.dedup import (
    DEFAULT_THRESHOLD,
    NUM_PERM,
    Deduplicator,
    DocKey,
    Duplicate,
    find_duplicates,
    signature,
    similarity,
)

from .corpus import corpus

RECORDS = corpus(60, seed=11, copies=12)
SIGS = {r["id"]: signature(r["text"]) for r in RECORDS}


def _original(doc_id: str) -> str | None:
    return doc_id.rsplit("-of-", 1)[1] if doc_id.startswith("copy-") else None


def test_dedup_signature_is_stable_and_sized():
    text = RECORDS[0]["text"]
    assert signature(text) == signature(text) == SIGS[RECORDS[0]["id"]]
    assert len(signature(text)) == 4 * NUM_PERM


@pytest.mark.parametrize("a, b, expected", [
    ("قتل خمسة مدنيين في غارة جوية على إدلب", "قُتل خمسة مدنيين في غارة جوية على إدلب", 1.0),  # diacritics
    ("قتل خمسة مدنيين في غارة جوية على إدلب", "قتل خمسة مدنيين في غارة جوية على ادلب", 1.0),  # hamza
    ("قصف", "قصف", 1.0),  # shorter than a shingle
    ("قتل خمسة مدنيين في غارة جوية على إدلب", "تظاهر مئات الطلاب أمام مبنى الجامعة في عمان", 0.0),
])
def test_dedup_similarity_of_normalised_texts(a, b, expected):
    assert similarity(signature(a), signature(b)) == expected


@pytest.mark.parametrize("copy", [r["id"] for r in RECORDS if _original(r["id"])])
def test_dedup_copies_are_similar_to_their_original(copy):
    assert similarity(SIGS[copy], SIGS[_original(copy)]) >= DEFAULT_THRESHOLD


def test_dedup_distinct_articles_are_not_similar():
    distinct = [r["id"] for r in RECORDS if not _original(r["id"])]
    worst = max(similarity(SIGS[a], SIGS[b]) for a, b in itertools.combinations(distinct, 2))
    assert worst < DEFAULT_THRESHOLD - 0.1


def test_dedup_finds_every_copy_and_nothing_else():
    keys = [(DocKey(r["id"], 0, i), SIGS[r["id"]]) for i, r in enumerate(RECORDS)]
    found = {d.doc.doc_id: (d.of.doc_id, d.reason) for d in find_duplicates(keys)}
    assert found == {r["id"]: (_original(r["id"]), "near-duplicate") for r in RECORDS if _original(r["id"])}


def test_dedup_first_of_a_group_is_the_representative():
    text = RECORDS[0]["text"]
    keys = [(DocKey(name, shard, row), signature(t)) for name, shard, row, t in [
        ("late-copy", 0, 0, "متابعات: " + text), ("first", 1, 0, text), ("third", 1, 1, "خاص: " + text)]]
    assert [(d.doc.doc_id, d.of.doc_id) for d in find_duplicates(keys)] == [
        ("first", "late-copy"), ("third", "late-copy")]


@pytest.mark.parametrize("near", [True, False])
def test_dedup_repeated_ids_are_duplicates(near):
    sig_a, sig_b = SIGS["a000"], SIGS["a001"]
    keys = [(DocKey("x", 0, 0, "f.jsonl:1"), sig_a), (DocKey("x", 2, 5, "g.jsonl:6"), sig_b)]
    assert list(find_duplicates(keys, near=near)) == [
        Duplicate(DocKey("x", 2, 5, "g.jsonl:6"), DocKey("x", 0, 0), 1.0, "same id")]


def test_dedup_off_keeps_near_copies():
    keys = [(DocKey(r["id"], 0, i), SIGS[r["id"]]) for i, r in enumerate(RECORDS)]
    assert list(find_duplicates(keys, near=False)) == []


@pytest.mark.parametrize("window, found", [(1, []), (2, [("copy", "a000")]), (100, [("copy", "a000")])])
def test_dedup_window_bounds_how_far_back_copies_are_found(window, found):
    keys = [(DocKey(name, 0, row), SIGS[src]) for row, (name, src) in
            enumerate([("a000", "a000"), ("a001", "a001"), ("copy", "a000")])]
    dedup = Deduplicator(window=window)
    assert [(d.doc.doc_id, d.of.doc_id) for k, s in keys if (d := dedup.check(k, s))] == found
    assert len(dedup.reps) == min(window, 2 if found else 3)
