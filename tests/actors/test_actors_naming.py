"""ACLED names by event date and country, actor types, interaction codes."""

from __future__ import annotations

import datetime as dt

import pytest

from marsad.actors import (
    actor_associates,
    actor_country,
    actor_inter,
    actor_name,
    civilian_targeting,
    government_side,
    interaction,
    resolve_actor,
)

D = dt.date


@pytest.mark.parametrize("actor_id, day, country, name", [
    # Syria's army changes name on the day the Assad government fell.
    ("military", D(2024, 12, 7), "SY", "Military Forces of Syria (2000-2024)"),
    ("military", D(2024, 12, 8), "SY", "Military Forces of Syria (2024-)"),
    ("military_sy", D(2018, 9, 14), None, "Military Forces of Syria (2000-2024)"),
    ("military_sy", None, None, "Military Forces of Syria (2024-)"),
    ("assad_forces", D(2025, 3, 7), "SY", "Military Forces of Syria (2000-2024)"),
    ("police", D(2025, 3, 7), "SY", "Police Forces of Syria (2024-)"),
    ("police", D(2023, 1, 1), "IQ", "Police Forces of Iraq (2022-)"),
    ("military", D(2016, 10, 17), "IQ", "Military Forces of Iraq (2014-2018)"),
    ("military_iq", D(2022, 10, 26), None, "Military Forces of Iraq (2020-2022)"),
    ("military_iq", D(2022, 10, 27), None, "Military Forces of Iraq (2022-)"),
    ("military", D(2015, 7, 1), "EG", "Military Forces of Egypt (2014-)"),
    ("military", D(2013, 8, 14), "EG", "Military Forces of Egypt (2013-2014)"),
    ("military_us", D(2018, 9, 14), "SY", "Military Forces of the United States (2017-2021)"),
    ("military_us", D(2025, 3, 1), "YE", "Military Forces of the United States (2025-)"),
    ("military_fr", D(2018, 9, 13), "SY", "Military Forces of France (2017-)"),
    ("military_ae", D(2019, 1, 1), "YE", "Military Forces of the United Arab Emirates (2004-2022)"),
    ("military_il", D(2023, 10, 7), "PS", "Military Forces of Israel (2022-)"),
    ("military_so", D(2020, 1, 1), None, "Military Forces of Somalia (2017-2022)"),
    ("military_lb", D(2020, 1, 1), None, "Military Forces of Lebanon"),  # no periods known
    ("military", None, None, "Military Forces"),  # no country to resolve it
    # Units of state forces take the state's dated name.
    ("irgc", D(2018, 9, 14), "SY", "Military Forces of Iran (1989-) Islamic Revolutionary Guard Corps"),
    ("iraq_cts", D(2017, 7, 1), None, "Military Forces of Iraq (2014-2018) Counter Terrorism Service"),
    ("rsf", D(2020, 6, 1), "SD", "Military Forces of Sudan (2019-) Rapid Support Forces"),
    ("rsf", D(2023, 6, 1), "SD", "Rapid Support Forces"),
    ("hts", D(2015, 5, 1), "SY", "Jabhat al Nusra"),
    ("hts", D(2016, 10, 1), "SY", "Jabhat Fateh al Sham"),
    ("hts", D(2019, 1, 1), "SY", "HTS: Hayat Tahrir al Sham"),
    ("amisom", D(2023, 1, 1), "SO", "ATMIS: African Union Transition Mission in Somalia"),
    ("military_ly", D(2019, 4, 4), "LY",
     "Military Forces of Libya (2016-2021) Government of National Accord"),
    # Country brackets from the event's country.
    ("islamic_state", D(2018, 9, 14), "SY", "Islamic State (Syria)"),
    ("islamic_state", None, "IQ", "Islamic State (Iraq)"),
    ("islamic_state", None, None, "Islamic State"),
    ("civilians", None, "SY", "Civilians (Syria)"),
    ("unidentified", None, "LY", "Unidentified Armed Group (Libya)"),
    ("protesters", None, "EG", "Protesters (Egypt)"),
    ("rioters", None, "LB", "Rioters (Lebanon)"),
    # Context-dependent mentions.
    ("coalition", D(2016, 1, 1), "YE", "Military Forces of Saudi Arabia (2015-)"),
    ("coalition", D(2018, 9, 13), "SY", "Global Coalition Against Daesh"),
    ("coalition", None, None, "Global Coalition Against Daesh"),
    ("national_army", None, "LY", "Military Forces of Libya (2014-) Haftar Faction"),
    ("national_army", None, "SY", "SNA: Syrian National Army"),
    ("al_qaeda", None, "YE", "AQAP: Al Qaeda in the Arabian Peninsula"),
    ("al_qaeda", None, "SY", "Al Qaeda"),
    # Fixed names.
    ("houthis", D(2016, 1, 1), "YE", "Military Forces of Yemen (2014-) Houthi"),
    ("sdf", D(2018, 9, 13), "SY", "QSD: Syrian Democratic Forces"),
    ("ndf", None, "SY", "QDW: National Defense Forces"),
    ("fatemiyoun", None, "SY", "Liwa Fatemiyoun"),
    ("syrian_rebels", None, "SY", "Opposition Rebels (Syria)"),
])
def test_naming_actor_name_by_date_and_country(actor_id: str, day: dt.date | None, country: str | None,
                                               name: str) -> None:
    assert actor_name(actor_id, day, country) == name


@pytest.mark.parametrize("actor_id, country, day, inter", [
    ("military", "SY", None, "State forces"),
    ("military_tr", "TR", None, "State forces"),
    ("military_tr", "SY", None, "External/Other forces"),  # state forces abroad
    ("military_il", "PS", None, "External/Other forces"),
    ("irgc", "SY", None, "External/Other forces"),
    ("houthis", "YE", None, "State forces"),
    ("global_coalition", "IQ", None, "External/Other forces"),
    ("coalition", "YE", None, "External/Other forces"),
    ("rsf", "SD", D(2020, 1, 1), "State forces"),
    ("rsf", "SD", D(2024, 1, 1), "Rebel group"),
    ("islamic_state", "SY", None, "Rebel group"),
    ("sdf", "SY", None, "Rebel group"),
    ("hezbollah", "LB", None, "Political militia"),
    ("settlers", "PS", None, "Identity militia"),
    ("unidentified", "SY", None, "Political militia"),
    ("civilians", "SY", None, "Civilians"),
    ("protesters", "IQ", None, "Protesters"),
    ("rioters", "IQ", None, "Rioters"),
])
def test_naming_actor_inter(actor_id: str, country: str, day: dt.date | None, inter: str) -> None:
    assert actor_inter(actor_id, country, day) == inter


@pytest.mark.parametrize("actor_id, country, resolved, actor_country_", [
    ("military", "SY", "military_sy", "SY"),
    ("police", "iq", "police_iq", "IQ"),
    ("military", None, "military", None),
    ("coalition", "YE", "saudi_coalition", "SA"),
    ("coalition", "IQ", "global_coalition", "IQ"),
    ("national_army", "YE", "military_ye", "YE"),
    ("civilians", "LY", "civilians", "LY"),
    ("sdf", "IQ", "sdf", "SY"),
])
def test_naming_resolve_actor_and_country(actor_id: str, country: str | None, resolved: str,
                                          actor_country_: str | None) -> None:
    assert resolve_actor(actor_id, country) == resolved
    assert actor_country(actor_id, country) == actor_country_


@pytest.mark.parametrize("actor_id, assoc", [
    ("fatemiyoun", ("irgc",)),
    ("qassam", ("hamas",)),
    ("sdf", ()),
])
def test_naming_default_associates(actor_id: str, assoc: tuple[str, ...]) -> None:
    assert actor_associates(actor_id) == assoc


@pytest.mark.parametrize("inter1, inter2, expected", [
    ("Rebel group", "State forces", "State forces-Rebel group"),
    ("State forces", "Rebel group", "State forces-Rebel group"),
    ("State forces", "Civilians", "State forces-Civilians"),
    ("External/Other forces", "Rebel group", "Rebel group-External/Other forces"),
    ("Protesters", "State forces", "State forces-Protesters"),
    ("Rioters", "Civilians", "Rioters-Civilians"),
    ("Political militia", "Civilians", "Political militia-Civilians"),
    ("Rebel group", "Rebel group", "Rebel group-Rebel group"),
    ("Identity militia", "Political militia", "Political militia-Identity militia"),
    ("Protesters", None, "Protesters only"),
    ("State forces", "", "State forces only"),
])
def test_naming_interaction_orders_as_acled(inter1: str, inter2: str | None, expected: str) -> None:
    assert interaction(inter1, inter2) == expected


@pytest.mark.parametrize("inter2, expected", [
    ("Civilians", "Civilian targeting"),
    ("State forces", ""),
    ("Protesters", ""),
    (None, ""),
])
def test_naming_civilian_targeting(inter2: str | None, expected: str) -> None:
    assert civilian_targeting(inter2) == expected


@pytest.mark.parametrize("text, name", [
    ("لواء شهداء بدر", "Lwa Shhda Bdr"),
    ("جيش الفتح", "Jysh al-Fth"),
    ("قوات دفاع حلب", "Qwat Dfaa Hlb"),
    ("كتيبه الفاروق", "Ktyba al-Farwq"),
])
def test_naming_armed_group_outside_the_dictionary_is_named_by_its_text(text: str, name: str) -> None:
    unit = "unit:" + text
    assert actor_name(unit, D(2015, 8, 1), "SY") == name
    assert resolve_actor(unit, "SY") == unit
    assert actor_inter(unit, "SY") == "Political militia"
    assert actor_country(unit, "SY") == "SY"
    assert actor_country(unit) is None
    assert actor_associates(unit, "SY") == ()


@pytest.mark.parametrize("country, day, name", [
    ("SY", D(2015, 8, 6), "Military Forces of Syria (2000-2024)"),
    ("PS", D(2014, 7, 10), "Military Forces of Israel (2009-2021)"),
    ("LB", D(2024, 9, 20), "Military Forces of Israel (2022-)"),
    ("YE", D(2016, 1, 5), "Military Forces of Saudi Arabia (2015-)"),
    ("IQ", D(2016, 10, 17), "Military Forces of Iraq (2014-2018)"),
    (None, D(2016, 10, 17), "Military Forces"),
])
def test_naming_warplanes_belong_to_the_air_power_of_the_place(country: str | None, day: dt.date,
                                                               name: str) -> None:
    assert actor_name("air_power", day, country) == name


@pytest.mark.parametrize("country, name", [
    ("LB", "Military Forces of Israel (2022-)"),
    ("PS", "Military Forces of Israel (2022-)"),
    ("YE", "Unidentified Armed Group (Yemen)"),
])
def test_naming_the_enemy_is_israel_in_lebanon_and_palestine(country: str, name: str) -> None:
    assert actor_name("enemy", D(2023, 10, 29), country) == name


@pytest.mark.parametrize("country, name", [
    ("YE", "Popular Resistance (Yemen)"),
    ("LB", "Hezbollah"),
    ("IQ", "Islamic Resistance in Iraq"),
    ("PS", "Unidentified Armed Group (Palestine)"),
])
def test_naming_the_resistance_by_country(country: str, name: str) -> None:
    assert actor_name("resistance", D(2015, 8, 7), country) == name


@pytest.mark.parametrize("actor_id, country, name", [
    ("rebels", "YE", "Military Forces of Yemen (2014-) Houthi"),
    ("rebels", "SY", "Opposition Rebels (Syria)"),
    ("rebels", "SD", "Unidentified Armed Group (Sudan)"),
    ("tribes", "SY", "Tribal Militia (Syria)"),
    ("tribes", "IQ", "Sunni Tribal Mobilization Forces (Iraq)"),
])
def test_naming_rebels_and_tribes_by_country(actor_id: str, country: str, name: str) -> None:
    assert actor_name(actor_id, D(2016, 5, 1), country) == name


@pytest.mark.parametrize("actor_id, country, name", [
    ("druze_militia", "SY", "Druze Militia (Syria)"),
    ("arab_militia", "SD", "Arab Ethnic Militia (Sudan)"),
    ("kurdish_militia", "IQ", "Kurdish Ethnic Militia (Iraq)"),
    ("kurdish_militia", "SY", "YPG: People's Protection Units"),
])
def test_naming_communal_militias(actor_id: str, country: str, name: str) -> None:
    assert actor_name(actor_id, D(2025, 7, 15), country) == name


def test_naming_defectors_are_the_mutiny_of_the_army_of_the_place() -> None:
    assert actor_name("defectors", D(2012, 1, 8), "SY") == "Mutiny of Military Forces of Syria (2000-2024)"
    assert actor_name("defectors", D(2016, 7, 16), "TR") == "Mutiny of Military Forces of Turkey (2002-)"
    assert actor_inter("defectors", "SY") == "Rebel group"


@pytest.mark.parametrize("actor_id, country, government", [
    # The state's own forces, the generic army resolved to them, and the militias fighting for it.
    ("military", "SY", True),
    ("police", "IQ", True),
    ("popular_resistance", "YE", True),
    ("pmf", "IQ", True),
    ("ndf", "SY", True),
    # Foreign forces, a rival authority's forces, rebels, jihadists and the unnamed are not.
    ("military_tr", "SY", False),
    ("saudi_coalition", "YE", False),
    ("houthis", "YE", False),
    ("popular_resistance", "SY", False),
    ("syrian_rebels", "SY", False),
    ("unidentified", "YE", False),
    ("military", None, False),
])
def test_naming_government_side(actor_id: str, country: str | None, government: bool) -> None:
    assert government_side(actor_id, country) is government
