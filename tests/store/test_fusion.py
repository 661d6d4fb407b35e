"""Cross-document fusion rules, on coded events built here (no database)."""

import pytest

from marsad.events.model import Event
from marsad.store.fusion import (
    Member,
    actors_compatible,
    dates_compatible,
    distance_km,
    independent_groups,
    match_score,
    place_score,
    reconcile,
    reconcile_fatalities,
)

SAF = "Military Forces of Syria (2000-2024)"
HTS = "HTS: Hayat Tahrir al Sham"
IS = "Islamic State (Syria)"
UAG = "Unidentified Armed Group (Syria)"
CIV = "Civilians (Syria)"
SARAQIB = dict(location="Saraqib", latitude=35.86447, longitude=36.80591, geo_precision=1, admin1="Idlib",
               country="Syria")
SARAQIB_NEAR = dict(SARAQIB, geo_precision=2)
JISR = dict(location="Jisr ash Shughur", latitude=35.81418, longitude=36.31983, geo_precision=2,
            admin1="Idlib", country="Syria")
IDLIB = dict(location="Idlib", latitude=35.9306, longitude=36.6339, geo_precision=3, admin1="Idlib",
             country="Syria")


def ev(event_id="e", date="2019-03-07", tp=1, et="Battles", sub="Armed clash", a1=SAF, a2="", place=None,
       fatalities=0, confidence=0.6, **kw):
    return Event(event_id=event_id, event_date=date, time_precision=tp, disorder_type="Political violence",
                 event_type=et, sub_event_type=sub, actor1=a1, actor2=a2, fatalities=fatalities,
                 confidence=confidence, **(place if place is not None else SARAQIB), **kw)


def member(e, pk, cluster=None, source="", doc_id=None):
    return Member(e, pk, doc_id or f"d{pk}", cluster or pk, source)


@pytest.mark.parametrize("d1, tp1, d2, tp2, expected", [
    ("2019-03-07", 1, "2019-03-07", 1, True),
    ("2019-03-07", 1, "2019-03-08", 1, False),  # exact days that differ
    ("2019-03-07", 1, "2019-03-12", 2, True),  # one known to the week
    ("2019-03-07", 2, "2019-03-15", 2, False),  # eight days apart
    ("2019-03-01", 3, "2019-03-28", 1, True),  # one known to the month
    (None, None, "2019-03-07", 1, False),
    (None, None, None, None, True),
])
def test_fusion_dates_compatible_within_precision(d1, tp1, d2, tp2, expected):
    assert dates_compatible(ev(date=d1, tp=tp1), ev(date=d2, tp=tp2)) is expected


@pytest.mark.parametrize("a, b, expected", [
    ((SAF, ""), (SAF, HTS), True),  # one report names fewer actors
    ((SAF, HTS), (HTS, SAF), True),  # the same sides the other way round
    ((UAG, SAF), (HTS, SAF), True),  # unidentified gunmen fit a named group
    ((SAF, HTS), (SAF, IS), False),  # two different named perpetrators
    ((UAG, CIV), (IS, CIV), True),
    ((HTS, ""), (IS, ""), False),
])
def test_fusion_actors_compatible(a, b, expected):
    assert actors_compatible(ev(a1=a[0], a2=a[1]), ev(a1=b[0], a2=b[1])) is expected


def test_fusion_distance_km_between_towns():
    assert distance_km(35.86447, 36.80591, 35.81418, 36.31983) == pytest.approx(44.1, abs=0.5)
    assert distance_km(35.0, 36.0, 35.0, 36.0) == 0.0


@pytest.mark.parametrize("a, b, expected", [
    (SARAQIB, SARAQIB_NEAR, 0.0),  # the same town, "in" and "near"
    (SARAQIB, dict(SARAQIB, latitude=35.90, location="Tell"), pytest.approx(3.9, abs=0.1)),  # 4 km away
    (SARAQIB, JISR, None),  # two towns 44 km apart in one governorate
    (SARAQIB, IDLIB, 50.0),  # only the governorate known: same admin1
    (IDLIB, dict(IDLIB, admin1="Hama", location="Hama"), None),
    (dict(SARAQIB, admin2="Idlib"), dict(IDLIB, admin2="Ariha"), None),  # admin2 known and different
    (SARAQIB, dict(SARAQIB, country="Turkey"), None),
])
def test_fusion_place_score(a, b, expected):
    assert place_score(ev(place=a), ev(place=b)) == expected


@pytest.mark.parametrize("event, report, expected", [
    (ev(a2=HTS), ev(a1=UAG, a2=SAF, place=SARAQIB_NEAR), (0.0, 0, -1)),  # SAF in common
    (ev(a2=HTS), ev(a2=HTS, et="Violence against civilians"), None),  # another type
    (ev(a2=HTS), ev(a2=HTS, place=JISR), None),  # another town
    (ev(a2=HTS), ev(a2=IS), None),  # another perpetrator
    (ev(a2=HTS), ev(a2=HTS, place={}), (100.0, 0, -2)),  # unplaced, but the named actors agree
    (ev(a1=UAG, a2=CIV), ev(a1=UAG, a2=CIV, place={}), None),  # unplaced and nothing named
    (ev(a2=HTS, date="2019-03-05", tp=2), ev(a2=HTS), (0.0, 2, -2)),
])
def test_fusion_match_score(event, report, expected):
    assert match_score(event, report) == expected


@pytest.mark.parametrize("figures, expected", [
    ([[5], [5], [7]], 5),  # two sources agree
    ([[7], [7], [5]], 7),  # two sources agree on the higher figure: more reliable than one
    ([[7], [5], [9]], 5),  # no agreement: the lowest
    ([[0], [4]], 4),  # a report without a figure does not count
    ([[0], [0]], 0),
    ([[7, 9], [5]], 5),  # one source's lowest figure, then the lowest across sources
])
def test_fusion_reconcile_fatalities(figures, expected):
    groups = [[member(ev(fatalities=f), i * 10 + j) for j, f in enumerate(fs)]
              for i, fs in enumerate(figures)]
    assert reconcile_fatalities(groups) == expected


def test_fusion_independent_groups_join_copies_and_publishers():
    ms = [member(ev(), 1, cluster=1, source="alpha"), member(ev(), 2, cluster=1, source="beta"),
          member(ev(), 3, cluster=3, source="beta"), member(ev(), 4, cluster=4, source="gamma"),
          member(ev(), 5, cluster=5, source="")]
    groups = independent_groups(ms)
    assert sorted(sorted(m.document_pk for m in g) for g in groups) == [[1, 2, 3], [4], [5]]


def test_fusion_reconcile_takes_acled_choices():
    ms = [
        member(ev("r1", a1=UAG, a2=SAF, place=IDLIB, fatalities=7, confidence=0.6, tp=2), 1, source="alpha"),
        member(ev("r2", a1=HTS, a2=SAF, place=SARAQIB_NEAR, fatalities=5, confidence=0.5,
                  sub="Non-state actor overtakes territory"), 2, source="beta"),
        member(ev("r3", a1=HTS, a2=SAF, place=SARAQIB, fatalities=5, confidence=0.7,
                  attribution="المرصد السوري"), 3, source="gamma"),
        member(ev("r4", a1=HTS, a2=SAF, place=SARAQIB, fatalities=7, confidence=0.9, date="2019-03-08"), 4,
               cluster=1, source="delta"),  # a copy of r1's article
    ]
    fused, n_sources = reconcile(ms)
    assert n_sources == 3
    assert (fused.actor1, fused.actor2) == (HTS, SAF)
    assert fused.sub_event_type == "Non-state actor overtakes territory"  # ACLED precedence
    assert (fused.location, fused.geo_precision) == ("Saraqib", 1)  # the most precise
    assert (fused.event_date, fused.time_precision) == ("2019-03-07", 1)  # supported by all three sources
    assert fused.fatalities == 5  # two independent sources say 5; r1 and its copy say 7 as one source
    assert fused.doc_ids == ["d1", "d2", "d3", "d4"]
    assert fused.source == "alpha; beta; gamma; delta"
    assert fused.attribution == "المرصد السوري"
    # noisy-or of each source's best: 1 - (1 - 0.9) * (1 - 0.5) * (1 - 0.7)
    assert fused.confidence == 0.98
    assert fused.notes.startswith("On 2019-03-07, HTS: Hayat Tahrir al Sham")


def test_fusion_confidence_rises_with_independent_sources():
    one, _ = reconcile([member(ev(confidence=0.6), 1, source="a")])
    two, _ = reconcile([member(ev(confidence=0.6), 1, source="a"), member(ev(confidence=0.6), 2, source="b")])
    copy, _ = reconcile([member(ev(confidence=0.6), 1, source="a"),
                         member(ev(confidence=0.6), 2, cluster=1, source="b")])
    assert (one.confidence, two.confidence, copy.confidence) == (0.6, 0.84, 0.6)
