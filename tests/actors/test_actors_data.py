"""The actor data files: every entry normalisable, unique, with valid codes and date ranges."""

from __future__ import annotations

import re

import pytest

from marsad.actors.lexicon import ANY_COUNTRY, INTER_TYPES, lexicon, read_tsv, sorted_periods
from marsad.actors.roles import ROLES
from marsad.text import normalize_word

# Arabic letters (no tatweel, no diacritics, no presentation forms) separated by single spaces.
ARABIC_PHRASE = re.compile(r"^[\u0621-\u063a\u0641-\u064a]+( [\u0621-\u063a\u0641-\u064a]+)*$")
ID = re.compile(r"^[a-z][a-z0-9_]*$")


def _phrases(name: str, column: str) -> list[tuple[int, str]]:
    return [(n, r[column]) for n, r in read_tsv(name)]


def test_data_aliases_are_arabic_normalisable_and_unique() -> None:
    seen: dict[str, str] = {}
    for actor in lexicon().actors.values():
        for alias in actor.aliases:
            assert ARABIC_PHRASE.match(alias.text), (actor.id, alias.text)
            norm = normalize_word(alias.text)
            assert norm not in seen, f"{alias.text!r} of {actor.id} already names {seen.get(norm)}"
            seen[norm] = actor.id
    assert len(seen) > 600


def test_data_actor_fields_are_valid() -> None:
    lex = lexicon()
    for actor in lex.actors.values():
        assert ID.match(actor.id), actor.id
        assert actor.inter in INTER_TYPES, (actor.id, actor.inter)
        assert actor.country == ANY_COUNTRY or actor.country in lex.countries, (actor.id, actor.country)
        for ref in re.findall(r"\{([a-z0-9_]+)\}", actor.name):
            assert ref == "country" or ref in lex.actors, (actor.id, ref)
        if "{country}" in actor.name:
            assert actor.country == ANY_COUNTRY, actor.id
        assert actor.name or actor.periods or actor.resolve, f"{actor.id} has no name"
        for other in actor.assoc:
            assert other in lex.actors, (actor.id, other)


def test_data_resolve_rules_are_valid() -> None:
    lex = lexicon()
    for actor in lex.actors.values():
        for where, target in actor.resolve:
            assert where == ANY_COUNTRY or where in lex.countries, (actor.id, where)
            if "{cc}" in target:
                assert where == ANY_COUNTRY, actor.id
                assert all(target.replace("{cc}", cc.lower()) in lex.actors for cc in lex.countries)
            else:
                assert target in lex.actors, (actor.id, target)


def test_data_periods_are_ordered_and_do_not_overlap() -> None:
    lex = lexicon()
    dated = [a for a in lex.actors.values() if a.periods]
    assert len(dated) > 30
    for actor in dated:
        ps = sorted_periods(actor)
        for p in ps:
            assert p.name, actor.id
            assert p.start is not None, actor.id
            assert p.end is None or p.start < p.end, (actor.id, p)
            assert p.inter is None or p.inter in INTER_TYPES, (actor.id, p)
        for a, b in zip(ps, ps[1:], strict=False):
            assert a.end is not None and a.end <= b.start, (actor.id, a, b)


def test_data_countries_are_iso2_with_arabic_adjectives() -> None:
    rows = list(read_tsv("countries.tsv"))
    codes = [r["iso2"] for _, r in rows]
    assert len(codes) == len(set(codes))
    adjectives: set[str] = set()
    for _, r in rows:
        assert re.fullmatch("[A-Z]{2}", r["iso2"]), r
        assert r["name"] and r["state_name"], r
        for adj in filter(None, r["adjectives"].split("|")):
            assert ARABIC_PHRASE.match(adj), adj
            assert normalize_word(adj) not in adjectives, adj
            adjectives.add(normalize_word(adj))
    for _, r in read_tsv("governments.tsv"):
        assert r["iso2"] in codes, r


@pytest.mark.parametrize("name, column, kinds_column, kinds", [
    ("role_cues.tsv", "cue", "role", ROLES),
    ("attribution.tsv", "cue", "kind", {"prep", "verb", "head", "agency", "stop"}),
    ("state_heads.tsv", "head", "kind", {"military", "police", "air_power"}),
])
def test_data_cue_files_are_normalisable_unique_and_typed(name: str, column: str, kinds_column: str,
                                                           kinds: set[str]) -> None:
    seen: set[str] = set()
    for n, r in read_tsv(name):
        phrase = r[column]
        assert ARABIC_PHRASE.match(phrase), (name, n, phrase)
        assert r[kinds_column] in kinds, (name, n, r[kinds_column])
        norm = normalize_word(phrase)
        assert norm not in seen, (name, n, phrase)
        seen.add(norm)


def test_data_leading_words_are_arabic_and_unique() -> None:
    words = [r for _, r in _phrases("leading_words.tsv", "word")]
    assert all(ARABIC_PHRASE.match(w) for w in words)
    assert len({normalize_word(w) for w in words}) == len(words)


@pytest.mark.parametrize("name, column", [
    ("strike_nouns.tsv", "noun"),
    ("organisation_heads.tsv", "word"),
])
def test_data_word_lists_are_arabic_and_unique(name: str, column: str) -> None:
    words = [r for _, r in _phrases(name, column)]
    assert words and all(ARABIC_PHRASE.match(w) for w in words), name
    assert len({normalize_word(w) for w in words}) == len(words), name


def test_data_unit_words_are_arabic_typed_and_unique_per_role() -> None:
    rows = [(r["word"], r["role"]) for _, r in read_tsv("unit_words.tsv")]
    assert all(ARABIC_PHRASE.match(w) for w, _ in rows)
    assert {role for _, role in rows} == {"numbered", "named", "long", "quoted", "ordinal", "not_name"}
    assert len({(normalize_word(w), role) for w, role in rows}) == len(rows)


def test_data_romanize_covers_the_normalised_letters() -> None:
    letters = {r["letter"] for _, r in read_tsv("romanize.tsv")}
    assert set("ابتثجحخدذرزسشصضطظعغفقكلمنهوي") <= letters


def test_data_state_heads_do_not_repeat_aliases() -> None:
    aliases = {normalize_word(a.text) for actor in lexicon().actors.values() for a in actor.aliases}
    heads = {normalize_word(r) for _, r in _phrases("state_heads.tsv", "head")}
    assert not heads & aliases
