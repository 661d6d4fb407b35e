from marsad.text import Entry, Matcher, analyse


def _find(text, entries):
    v = analyse("t", text)
    out = []
    for s in v.sentences:
        for m in Matcher(entries).find(v.tokens_of(s)):
            a, b = v.span(m.start, m.end)
            out.append((m.label, text[a:b], m.prefix, m.suffix))
    return out


def test_matcher_multiword_longest_wins_with_proclitic():
    entries = [Entry.of("قوات", "forces"), Entry.of("قوات سوريا الديمقراطية", "SDF")]
    assert _find("اشتبكت وقوات سوريا الديمقراطية", entries) == [("SDF", "قوات سوريا الديمقراطية", "و", "")]


def test_matcher_offsets_exclude_proclitic_and_survive_diacritics():
    assert _find("وقُتِلَ عشرون بالقصفِ", [Entry.of("قتل", "kill"), Entry.of("قصف", "shell")]) == [
        ("kill", "قُتِلَ", "و", ""),
        ("shell", "قصفِ", "بال", ""),
    ]


def test_matcher_suffix_refused_when_entry_forbids_it():
    entries = [Entry.of("حرب", "war", suffix=False)]
    assert _find("حربي", entries) == []
    assert _find("الحرب", entries) == [("war", "حرب", "ال", "")]


def test_matcher_does_not_cross_sentences():
    assert _find("قوات سوريا. الديمقراطية", [Entry.of("قوات سوريا الديمقراطية", "SDF")]) == []


def test_matcher_masked_furniture_is_invisible():
    text = "fbpx\nقصف الطيران البلدة\nزر الذهاب إلى الأعلى"
    v = analyse("t", text, mask=[(0, 4)])
    assert [v.original(s.start, s.end) for s in v.sentences] == ["قصف الطيران البلدة", "زر الذهاب إلى الأعلى"]


def test_matcher_may_match_is_a_necessary_condition():
    m = Matcher([Entry.of("الجيش", "army"), Entry.of("قصف", "shell")])
    for text in ("للجيش", "وقصفت المدفعية", "بالقصف"):
        assert m.may_match(text)
        assert m.find(analyse("t", text).tokens)
    assert not m.may_match("عاد الهدوء إلى المدينة")
