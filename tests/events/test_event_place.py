"""Where an event is coded: a region of several countries is no event location (ACLED codes places
inside one country). The sentences are written for these tests."""

import pytest

import marsad


@pytest.mark.parametrize(
    ("text", "location", "country"),
    [
        ("قصفت طائرات مجهولة قافلة للمسلحين في الشرق الأوسط أمس.", None, None),
        ("قصفت طائرات مجهولة قافلة للمسلحين في أفريقيا أمس.", None, None),
        ("قصفت طائرات مجهولة قافلة للمسلحين في جبل الزاوية أمس.", "Jabal al-Zawiya", "Syria"),
    ],
)
def test_extract_region_of_several_countries_is_no_event_location(text, location, country):
    (e,) = marsad.extract(text, published="2021-03-10")
    assert (e.sub_event_type, e.location, e.country) == ("Air/drone strike", location, country)
