"""Event detection and typing (marsad.events.triggers) on short sentences written for these tests."""

import pytest

from marsad.events import triggers as T
from marsad.events.modality import CATEGORIES
from marsad.text import analyse, normalize_word

ACLED = {
    "Battles": {"Government regains territory", "Non-state actor overtakes territory", "Armed clash"},
    "Protests": {"Excessive force against protesters", "Protest with intervention", "Peaceful protest"},
    "Riots": {"Violent demonstration", "Mob violence"},
    "Explosions/Remote violence": {"Chemical weapon", "Air/drone strike", "Suicide bomb",
                                   "Shelling/artillery/missile attack", "Remote explosive/landmine/IED",
                                   "Grenade"},
    "Violence against civilians": {"Sexual violence", "Attack", "Abduction/forced disappearance"},
    "Strategic developments": {"Agreement", "Arrests", "Change to group/activity", "Disrupted weapons use",
                               "Headquarters or base established", "Looting/property destruction",
                               "Non-violent transfer of territory", "Other"},
}


def _found(text):
    v = analyse("t", text)
    return v, [t for s in v.sentences for t in T.detect(v, s)]


@pytest.mark.parametrize("text, kind, sub_event_type, span", [
    ("قُتل خمسة جنود أمس في كمين نصبه مسلحون قرب البلدة.", "ambush", "Armed clash", "كمين"),
    ("اشتبكت قوات الجيش مع مسلحين في ريف المدينة يوم الخميس.", "clash", "Armed clash", "اشتبكت"),
    ("شنت طائرات حربية غارات جوية على مواقع التنظيم فجر اليوم.", "airstrike", "Air/drone strike",
     "غارات جوية"),
    ("سقطت قذائف هاون على حي سكني مما أدى إلى مقتل طفلين.", "shelling",
     "Shelling/artillery/missile attack", "قذائف هاون"),
    ("انفجرت عبوة ناسفة بدورية للشرطة صباح أمس.", "ied", "Remote explosive/landmine/IED", "عبوة ناسفة"),
    ("فجر انتحاري سيارة مفخخة عند حاجز للجيش وقتل عشرة أشخاص.", "suicide_attack", "Suicide bomb", "انتحاري"),
    ("اغتيل قاض بارز برصاص مجهولين أمام منزله مساء الثلاثاء.", "assassination", "Attack", "اغتيل"),
    ("اختطف مسلحون صحفيا أجنبيا على الطريق الدولي أمس.", "kidnapping", "Abduction/forced disappearance",
     "اختطف"),
    ("تظاهر آلاف الطلاب أمس أمام مقر الحكومة.", "protest", "Peaceful protest", "تظاهر"),
    ("فرقت الشرطة مظاهرة نظمها الطلاب أمام الجامعة أمس.", "protest_intervention", "Protest with intervention",
     "فرقت الشرطة"),
    # Tyres burnt to block a road: a protest's act, as ACLED codes it (a building burnt is a riot).
    ("أحرق المحتجون الإطارات وقطعوا الطريق الرئيسي.", "protest", "Peaceful protest", "قطعوا الطريق"),
    ("أحرق المحتجون مبنى البلدية وقطعوا الطريق الرئيسي.", "riot", "Violent demonstration", "أحرق"),
    ("اعتقلت قوات الأمن عشرين شخصا في حملة دهم.", "arrest", "Arrests", "اعتقلت"),
    ("قامت الطائرات بقصف مواقع المسلحين ليلا.", "airstrike", "Air/drone strike", "قصف"),
    ("تعرضت دورية للجيش لهجوم بقذائف صاروخية أمس.", "shelling", "Shelling/artillery/missile attack",
     "قذائف صاروخية"),
    ("فكك خبراء المتفجرات عبوة ناسفة قرب السوق.", "disrupted", "Disrupted weapons use", "عبوة ناسفة"),
    ("تظاهر المئات وسط العاصمة أمس، وقتلت قوات الأمن ثلاثة متظاهرين.", "excessive_force",
     "Excessive force against protesters", "قتلت"),
    ("اعتصم عشرات العمال أمام مقر الشركة صباح اليوم.", "protest", "Peaceful protest", "اعتصم"),
    ("واندلعت مظاهرات غاضبة في المدينة بعد صلاة الجمعة.", "protest", "Peaceful protest", "مظاهرات"),
    ("أقدم متظاهرون غاضبون أمس على قطع الطريق السريع.", "protest", "Peaceful protest", "قطع الطريق"),
])
def test_triggers_detect_reported_event(text, kind, sub_event_type, span):
    v, found = _found(text)
    chosen = T.choose(found)
    assert (chosen.kind, chosen.sub_event_type, v.original(chosen.start, chosen.end)) == (
        kind, sub_event_type, span)
    assert chosen.event_type in ACLED and chosen.sub_event_type in ACLED[chosen.event_type]


@pytest.mark.parametrize("text", [
    "هدد التنظيم بتنفيذ هجمات جديدة على المدينة.",  # threat
    "نفى الجيش أنه قصف القرية.",  # denial
    "يخطط التنظيم لاغتيال عدد من القادة.",  # plan
    "إذا هاجمت القوات المدينة فسيقاتل السكان.",  # condition
    "هل قتل الجيش المدنيين في القرية؟",  # question
    "دعا الوزير إلى وقف القصف على المدن.",  # call
    "لم يقتل أحد في الحادث.",  # negation
    "بدأت محاكمة المتهمين باغتيال الوزير.",  # trial
    "أحيا السكان الذكرى العاشرة لمجزرة القرية.",  # anniversary
    "ندد البيان بالإرهاب والعنف بكل أشكاله.",  # condemnation of violence in general
    "سوف تقصف الطائرات مواقع المسلحين.",  # future
    "قال إن الجيش يقتل المدنيين كل يوم.",  # imperfect: a habit, not an event
    "حكم على المتهم بالإعدام بعد إدانته بالقتل.",  # sentence
    "تراجعت عمليات الخطف في العاصمة خلال العام الماضي.",  # statistic
    "ظهر الوزير فجر اليوم في مؤتمر صحفي.",  # فجر is dawn
    "وصل إلى العاصمة الوزير الذي اغتيل شقيقه قبل عام.",  # a relative clause recalls
    "عاد الهدوء إلى المدينة بعد هجوم انتحاري قتل فيه عشرة أشخاص.",  # "قتل فيه": a relative clause
    "فرقت الشرطة المتظاهرين بالغاز المسيل للدموع.",  # dispersal: no protest asserted
    "وأحرق المحتجون أعلاما أمام السفارة.",  # a riot act: no protest asserted
    "وطالب المتظاهرون خلال المسيرة بإقالة الوزير.",  # the march is named, not reported
    "وصلت الشرطة عندما تجمع المتظاهرون أمام المبنى.",  # a temporal clause
    "وانتهى الاعتصام في أماكن تجمعهم دون حوادث.",  # تجمعهم: the masdar of an intransitive verb
])
def test_triggers_detect_nothing_reported(text):
    assert _found(text)[1] == []


def test_triggers_detect_offsets_map_to_original():
    v, found = _found("وقُتِلَ ثلاثةٌ في انفجارِ سيارةٍ مفخخةٍ أمس.")
    spans = sorted((t.kind, v.original(t.start, t.end)) for t in found)
    assert spans == [("car_bomb", "مفخخةٍ"), ("explosion", "انفجارِ"), ("killing", "قُتِلَ")]


@pytest.mark.parametrize("text, passive", [
    ("اغتيل مسؤول محلي أمس في المدينة.", True),
    ("اختطف صحفي أمس على يد مسلحين مجهولين.", True),
    ("اختطف مسلحون صحفيا أمس في المدينة.", False),
])
def test_triggers_detect_passive(text, passive):
    assert [t.passive for t in _found(text)[1]] == [passive]


def test_triggers_choose_precedence():
    v, found = _found("قصفت المدفعية البلدة وشنت الطائرات غارة جوية على أطرافها أمس.")
    assert T.choose(found).kind == "airstrike"
    v, found = _found("سيطر المسلحون أمس على البلدة بعد اشتباكات مع الجيش.")
    assert T.choose(found).kind == "territory_taken"
    with pytest.raises(ValueError):
        T.choose([])


@pytest.mark.parametrize("is_state, sub", [
    (True, "Government regains territory"), (False, "Non-state actor overtakes territory")])
def test_triggers_territory_subtype(is_state, sub):
    assert T.territory_subtype(is_state) == sub


def test_triggers_retype_changes_type_and_subtype():
    _, found = _found("اشتبكت قوات الجيش مع مسلحين أمس.")
    t = T.retype(found[0], "killing")
    assert (t.kind, t.event_type, t.sub_event_type) == ("killing", "Violence against civilians", "Attack")


@pytest.mark.parametrize("form, multiword, expected", [
    ("قتل", False, [("قتل", "perfect")]),
    ("يقتل", False, [("يقتل", "imperfect"), ("تقتل", "imperfect"), ("نقتل", "imperfect"),
                     ("سيقتل", "future"), ("ستقتل", "future"), ("سنقتل", "future")]),
    ("اطلق النار", True, [("اطلق النار", "perfect"), ("اطلقت النار", "perfect"),
                           ("اطلقوا النار", "perfect"), ("اطلقا النار", "perfect"),
                           ("اطلقتا النار", "perfect")]),
])
def test_triggers_expand_verb(form, multiword, expected):
    assert T.expand_verb(form, multiword) == expected


def _data_rows(name):
    return list(T._rows(name))


def test_triggers_data_kinds_valid():
    kinds = T.kinds()
    assert all(k.sub_event_type in ACLED[k.event_type] for k in kinds.values())
    assert len({k.rank for k in kinds.values()}) == len(kinds)
    covered = {(k.event_type, k.sub_event_type) for k in kinds.values()}
    missing = {(t, s) for t, subs in ACLED.items() for s in subs} - covered
    # The state sub-type comes from territory_subtype(); "Other" is never a trigger's own type.
    assert missing == {("Battles", "Government regains territory"), ("Strategic developments", "Other")}


def test_triggers_data_lexicon_valid():
    kinds = T.kinds()
    seen = set()
    used = set()
    for pos, kind, forms, weight, *rest in _data_rows("triggers.tsv"):
        assert pos in ("V", "N") and kind in kinds and 0 <= float(weight) <= 1
        assert set(filter(None, (rest[0] if rest else "").split(","))) <= {
            "weak", "passive", "nosuf", "needsuf", "pl", "intrans", "crowd", "drone"}
        assert len(rest) <= 2
        if len(rest) == 2:  # the masdar weight: only a verb row has a masdar reading
            assert pos == "V" and 0 <= float(rest[1]) <= 1
        used.add(kind)
        for form in forms.split("|"):
            assert form and normalize_word(form) == form, form
            assert form not in seen, form
            seen.add(form)
    assert set(kinds) - used == {"excessive_force"}  # only by retyping a killing aimed at protesters


def test_triggers_data_cues_valid():
    seen = set()
    for cat, forms, *_ in _data_rows("cues.tsv"):
        assert cat in CATEGORIES
        for form in forms.split("|"):
            assert form and normalize_word(form) == form, form
            assert (cat, form) not in seen, form
            seen.add((cat, form))


@pytest.mark.parametrize("text, kind", [
    ("قتلت قوات الأمن ثلاثة متظاهرين وسط العاصمة أمس.", "killing"),  # no protest asserted
    ("تظاهر المئات أمس وقتلت قوات الأمن ثلاثة متظاهرين.", "excessive_force"),
])
def test_triggers_detect_force_against_protesters(text, kind):
    v, found = _found(text)
    assert T.choose(found).kind == kind
