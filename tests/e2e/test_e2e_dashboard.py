"""The dashboard in headless Chromium, by real clicks: load, filter, open an event, see the evidence
highlighted and labelled, switch language; article text never runs as script.

Waits use locators, not page.wait_for_function: the page's Content-Security-Policy forbids eval."""

from playwright.sync_api import expect


def _rows(page):
    return page.locator("#events-body tr").evaluate_all("rows => rows.map(r => r.dataset.eventId)")


def test_e2e_dashboard_loads_map_timeline_and_table(page, shot):
    assert page.locator("#map path.country").count() > 150
    assert page.locator("#map #admin1 path").count() > 20
    assert page.locator("#events-layer circle").count() == 8  # the unplaced event has no dot
    assert page.locator("#timeline rect.bar").count() > 0
    assert _rows(page) == ["XSS1", "YEM1", "IRQ2", "IRQ1", "LBY2", "LBY1", "SYR2", "SYR1", "UNPLACED"]
    assert page.locator("#summary").text_content() == "9 events"
    shot(page, "dashboard-en")


def test_e2e_dashboard_filters_by_country_and_type(page):
    page.select_option("[data-testid=filter-country]", "Libya")
    page.click("[data-testid=apply]")
    expect(page.locator("#events-body tr")).to_have_count(2)
    assert _rows(page) == ["LBY2", "LBY1"]
    assert page.locator("#events-layer circle").count() == 2
    page.select_option("[data-testid=filter-event-type]", "Strategic developments")
    page.click("[data-testid=apply]")
    expect(page.locator("#events-body tr")).to_have_count(1)
    assert _rows(page) == ["LBY1"]
    assert "country=Libya" in page.get_attribute("#export-csv", "href")


def test_e2e_dashboard_free_text_filter_in_arabic(page):
    page.fill("[data-testid=filter-q]", "ناسفة")
    page.click("[data-testid=apply]")
    expect(page.locator("#events-body tr")).to_have_count(1)
    assert _rows(page) == ["IRQ2"]


def test_e2e_event_view_highlights_evidence(page, shot):
    page.click("#events-body tr[data-event-id=YEM1]")
    view = page.locator("[data-testid=event-view]")
    view.wait_for(state="visible")
    text = view.locator(".doc-text")
    assert text.get_attribute("dir") == "rtl"
    marks = text.locator("mark").evaluate_all(
        "ms => ms.map(m => [m.dataset.field, m.firstChild.textContent,"
        " m.querySelector('.ev-label').textContent])"
    )
    assert marks == [
        ["event", "هاجم", "event"],
        ["actor1", "مسلحون حوثيون", "actor"],
        ["actor2", "للقوات الحكومية", "actor"],
        ["location", "مأرب", "place"],
        ["fatalities", "اثنا عشر جندياً", "fatalities"],
    ]
    shot(page, "event-view-en")
    page.click("[data-testid=event-close]")
    view.wait_for(state="hidden")


def test_e2e_event_opens_from_the_map(page):
    page.click("#events-layer circle[data-event-id=SYR2]", force=True)
    page.locator("[data-testid=event-view]").wait_for(state="visible")
    assert (
        page.locator("#ev-fields dd[data-field=actor1]").text_content() == "Military Forces of Syria (2000-)"
    )
    assert (
        page.locator(".doc-text mark[data-field=event]").first.evaluate("m => m.firstChild.textContent")
        == "اشتباكات"
    )


def test_e2e_switch_to_arabic_and_back(page, shot):
    page.click("[data-testid=lang-toggle]")
    expect(page.locator("html")).to_have_attribute("dir", "rtl")
    assert page.locator("html").get_attribute("lang") == "ar"
    assert page.locator("[data-testid=apply]").text_content() == "تطبيق"
    assert page.locator("#summary").text_content() == "٩ حدثاً"
    assert (
        page.locator("#events-body tr[data-event-id=YEM1] td[data-field=event_type]").text_content()
        == "معارك"
    )
    shot(page, "dashboard-ar")
    page.click("#events-body tr[data-event-id=SYR1]")
    page.locator("[data-testid=event-view]").wait_for(state="visible")
    labels = page.locator(".doc-text .ev-label").all_text_contents()
    assert labels == ["قتلى", "تاريخ", "حدث", "مكان"]  # "مدنيين" (actor2) overlaps the toll: kept once
    shot(page, "event-view-ar")
    page.click("[data-testid=event-close]")
    page.click("[data-testid=lang-toggle]")
    expect(page.locator("html")).to_have_attribute("dir", "ltr")
    assert page.locator("[data-testid=apply]").text_content() == "Apply"


def test_e2e_article_text_never_runs_as_script(page, shot):
    page.click("#events-body tr[data-event-id=XSS1]")
    page.locator("[data-testid=event-view]").wait_for(state="visible")
    page.wait_for_timeout(300)  # time for an injected onerror to fire, were it ever parsed
    assert page.evaluate("window.__xss") is None
    assert page.locator(".doc-text script, .doc-text img, #ev-fields b").count() == 0
    text = page.locator(".doc-text").text_content()
    assert "<script>window.__xss = 1</script>" in text and 'onerror="window.__xss = 2"' in text
    assert page.locator("#ev-fields dd[data-field=notes]").text_content() == "<b>Drones</b> hit a village."
    shot(page, "event-view-xss")
