"""Shelling reported with any verb form and any outcome (killed, wounded, damage, none) is an event;
shelling that is threatened, denied, planned, asked about, summed up or meant figuratively is not.

The sentences are written for these tests in the style of Syrian and Yemeni field reports."""

import pytest

from marsad.events import triggers as T
from marsad.events.fatalities import find_fatalities
from marsad.text import analyse

SHELLING = "Shelling/artillery/missile attack"


def _detected(text):
    v = analyse("t", text)
    found = [t for s in v.sentences for t in T.detect(v, s)]
    return T.choose(found).sub_event_type if found else None


def _scanned(text):
    v = analyse("t", text)
    found = [t for s in v.sentences for t in T.scan(v, s)]
    return [(v.original(t.start, t.end), t.kind, t.aspect, t.reasons) for t in found]


@pytest.mark.parametrize(
    ("text", "sub_event_type"),
    [
        # The verb, in any person or voice, with no casualty at all.
        ("قصفت قوات النظام بلدة كفرنبل بالمدفعية.", SHELLING),
        ("قصف الجيش قرية تل حمام بقذائف الهاون.", SHELLING),
        ("وقصفت الفصائل المعارضة مواقع للجيش قرب مدينة حماة.", SHELLING),
        ("قصفوا الحي بالصواريخ قبل انسحابهم منه.", SHELLING),
        ("قُصفت بلدة كفرنبل بالمدفعية الثقيلة.", SHELLING),
        ("قالت مصادر محلية إن الحوثيين قصفوا أحياء سكنية في مدينة تعز.", SHELLING),
        ("واصلت قوات النظام قصف بلدة اللطامنة.", SHELLING),
        ("قصفت الطائرات الحربية مدينة سراقب.", "Air/drone strike"),
        # A masdar reported by a verb.
        ("تعرضت بلدة كفرنبل لقصف مدفعي عنيف.", SHELLING),
        ("استهدف قصف صاروخي مدينة إدلب.", SHELLING),
        # Only wounded, dead by another verb, or only damage.
        ("أصيب ثلاثة مدنيين بجروح في قصف مدفعي على بلدة كفرنبل.", SHELLING),
        ("أصيب ثلاثة مدنيين في قصف على مدينة إدلب.", SHELLING),
        ("أصيبت امرأتان جراء قصف لقوات النظام على بلدة التمانعة.", SHELLING),
        ("أصيب أربعة مدنيين إثر قصف صاروخي على مدينة إدلب.", SHELLING),
        ("جرح طفلان في قصف على حي الزهور.", SHELLING),
        ("استشهد ثلاثة مدنيين في قصف على بلدة كفرنبل.", SHELLING),
        ("تضررت منازل في قصف على بلدة كفرنبل.", SHELLING),
        ("قتل ثلاثة مدنيين في قصف مدفعي على بلدة كفرنبل.", SHELLING),
        ("أصيب جنديان في انفجار عبوة ناسفة بمدينة الموصل أمس.", "Remote explosive/landmine/IED"),
        ("أصيب شاب بشظايا قذيفة هاون سقطت على حي القابون.", SHELLING),
    ],
)
def test_detect_shelling_reported_in_any_form(text, sub_event_type):
    assert _detected(text) == sub_event_type


@pytest.mark.parametrize(
    "text",
    [
        # Threats, denials, plans, calls, questions, the future and habits.
        "هددت قوات النظام بقصف بلدة كفرنبل إذا لم ينسحب المسلحون.",
        "نفى الجيش أن يكون قد قصف بلدة كفرنبل.",
        "نفت وزارة الدفاع قصف بلدة كفرنبل.",
        "تخطط القوات لقصف مواقع المسلحين في إدلب.",
        "دعت الأمم المتحدة إلى وقف قصف المدن السورية.",
        "هل قصفت الطائرات بلدة كفرنبل؟",
        "سيقصف الجيش مواقع المتمردين.",
        "قد تقصف الطائرات البلدة غدا.",
        "يقصف الجيش البلدة كل يوم.",
        "الجيش الذي قصف البلدة انسحب منها.",
        "يتحتم على القوات التركيز على تجمعات المسلحين وقصفها قبل دخول المدينة.",
        # Hospitals, totals and old wounds: no attack reported.
        "نقل ثلاثة مصابين إلى مستشفى إدلب لتلقي العلاج.",
        "أصيب أكثر من عشرة آلاف مدني في القصف منذ بداية الحرب.",
        "أصيب 12000 مدني في القصف على المدينة.",
        "وصل عدد المصابين جراء القصف خلال العام الماضي إلى 500 شخص.",
        "يعاني الطفل من إصابة قديمة أصيب بها في قصف قبل عامين.",
        "أصيب ثلاثة أشخاص في حادث سير على طريق إدلب.",
        "أصيب الوزير بفيروس كورونا.",
        "نزح الأهالي بسبب القصف على بلدتهم.",
        # Figurative shelling.
        "شنت القناة قصفا إعلاميا على الحكومة.",
        "تعرضت الحكومة لقصف إعلامي عنيف من المعارضة.",
        "قصف النائب جبهته في البرلمان.",
        "قصفت الممثلة زميلها على الهواء.",
        "قصفت المعارضة الحكومة بالانتقادات.",
    ],
)
def test_detect_shelling_talk_is_not_an_event(text):
    assert _detected(text) is None


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "أصيب ثلاثة مدنيين في قصف على مدينة إدلب.",
            [("قصف", "shelling", "noun", ("harm", "outcome", "noun", "harmed_by"))],
        ),
        (
            "أصيب أربعة مدنيين إثر قصف صاروخي على مدينة إدلب.",
            [("قصف صاروخي", "shelling", "noun", ("harm", "outcome", "noun"))],
        ),
        (
            "تضررت منازل في غارة على بلدة كفرنبل.",
            [("غارة", "airstrike", "noun", ("harm", "outcome", "noun"))],
        ),
        # Without a verb of harm, "بسبب" names a known event.
        (
            "نزح الأهالي بسبب القصف على بلدتهم.",
            [("قصف", "shelling", "noun", ("reference", "noun", "unreported"))],
        ),
        # A comma ends the verb's reach: the attacks are what the speaker condemns.
        (
            "أصيب 32 شخصا بجروح، مدينا الهجمات على المدنيين.",
            [("هجمات", "attack", "noun", ("outcome", "noun", "plural", "unreported"))],
        ),
    ],
)
def test_modality_harm_verb_reports_the_means(text, expected):
    assert _scanned(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("قصفت قوات النظام البلدة.", [("قصفت", "shelling", "perfect", ("lead",))]),
        ("شنت القناة قصفا إعلاميا على الحكومة.", [("قصفا", "shelling", "perfect", ("figurative",))]),
        ("تعرضت الحكومة لقصف إعلامي.",
         [("قصف", "shelling", "noun", ("passive_aux", "noun", "undergo", "figurative"))]),
        ("قصف النائب جبهته.", [("قصف", "shelling", "perfect", ("lead", "figurative"))]),
        # The front named further on is a place or an armed group, not a forehead.
        ("قصفت جبهة النصرة مواقع الجيش.", [("قصفت", "shelling", "perfect", ("lead",))]),
        ("قصفت الطائرات المكتب الإعلامي للفصيل.", [("قصفت", "airstrike", "perfect", ("lead",))]),
    ],
)
def test_triggers_figurative_shelling(text, expected):
    assert _scanned(text) == expected


def test_triggers_shelling_verb_outweighs_its_masdar():
    entries = {e.words: e.data for e in T.lexicon()}
    verb = entries[("قصف",)]
    assert (verb.kind, verb.aspect, verb.weight, verb.masdar) == ("shelling", "perfect", 0.5, 0.35)
    assert entries[("يقصف",)].masdar is None  # an imperfect is never read as the masdar


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("إن 11 شخصا قتلوا و32 أصيبوا في القصف.", [("11 شخصا", 11, "killed"), ("32", 32, "wounded")]),
        ("إن 11 شخصا قتلوا وثلاثة أصيبوا في القصف.", [("11 شخصا", 11, "killed"), ("ثلاثة", 3, "wounded")]),
        (
            "إن 11 شخصا قتلوا و32 آخرين أصيبوا في القصف.",
            [("11 شخصا", 11, "killed"), ("32 آخرين", 32, "wounded")],
        ),
        # No verb of its own: the figure shares the fate of the one before.
        ("قتل 3 جنود و2 مدنيين في القصف.", [("3 جنود", 3, "killed"), ("2 مدنيين", 2, "killed")]),
        ("قتل 11 شخصا وأصيب 32 في القصف.", [("11 شخصا", 11, "killed"), ("32", 32, "wounded")]),
    ],
)
def test_fatalities_coordinated_figure_takes_its_own_verb(text, expected):
    v = analyse("t", text)
    found = [f for s in v.sentences for f in find_fatalities(v, s)]
    assert [(v.original(f.start, f.end), f.count, f.kind) for f in found] == expected
