"""Plain conflict reports that detection must find, and talk about violence it must not.

These are written in the style of the wire reports Marsad reads; each one is a kind of sentence
an analyst codes every day, so a precision rule that silences one of them is a regression."""

import pytest

from marsad.events.triggers import choose, detect
from marsad.text import analyse


def _detected(text):
    v = analyse("t", text)
    found = [t for s in v.sentences for t in detect(v, s)]
    return choose(found).sub_event_type if found else None


@pytest.mark.parametrize(
    ("text", "sub_event_type"),
    [
        ("قصفت طائرات التحالف مواقع تنظيم داعش في بلدة هجين شرق دير الزور أمس.", "Air/drone strike"),
        (
            "أغارت طائرة مسيرة أمريكية على سيارة تقل عناصر من تنظيم القاعدة في محافظة مأرب.",
            "Air/drone strike",
        ),
        ("اختطف مسلحون مجهولون صحفيا ليبيا في طرابلس مساء الاثنين.", "Abduction/forced disappearance"),
        (
            "سيطرت قوات سوريا الديمقراطية على بلدة الباغوز بعد معارك عنيفة مع تنظيم داعش.",
            "Non-state actor overtakes territory",
        ),
        (
            "استعاد الجيش السوري السيطرة على مدينة خان شيخون بعد اشتباكات مع هيئة تحرير الشام.",
            "Non-state actor overtakes territory",
        ),
        ("أعلن الجيش الليبي إسقاط طائرة مسيرة تركية قرب مدينة ترهونة.", "Disrupted weapons use"),
        (
            "وقعت الحكومة اليمنية والمجلس الانتقالي الجنوبي اتفاقا في الرياض لإنهاء القتال في عدن.",
            "Agreement",
        ),
        ("اعتقلت قوات الأمن المصرية عشرة أشخاص في العريش يوم الثلاثاء.", "Arrests"),
        ("انفجرت سيارة مفخخة يقودها انتحاري عند حاجز للجيش في مدينة العريش.", "Suicide bomb"),
        ("قُتل خمسة مدنيين أمس في غارة جوية على بلدة خان شيخون.", "Air/drone strike"),
        ("تظاهر آلاف السودانيين في الخرطوم أمس للمطالبة بتسليم السلطة إلى المدنيين.", "Peaceful protest"),
        ("اندلعت اشتباكات عنيفة بين الجيش اليمني ومسلحي الحوثي في مديرية نهم فجر اليوم.", "Armed clash"),
        ("سقطت قذائف هاون على حي المزة في دمشق صباح اليوم.", "Shelling/artillery/missile attack"),
        ("انفجرت عبوة ناسفة بدورية للشرطة في مدينة الرمادي.", "Remote explosive/landmine/IED"),
    ],
)
def test_detect_reports_found(text, sub_event_type):
    # Territory sub-types are settled later from the actor (state or not): detection says "taken".
    assert _detected(text) == sub_event_type


@pytest.mark.parametrize(
    "text",
    [
        "هددت جماعة الحوثي بقصف منشآت نفطية سعودية إذا استمر الحصار.",
        "نفى الجيش العراقي أن يكون قد قصف مواقع مدنية في الموصل.",
        "هل ستشن إسرائيل هجوما على غزة؟",
        "وصل مئات النازحين إلى مخيم الهول هربا من القصف.",
        "يتحصن نحو ثلاثة آلاف عنصر من التنظيم في المنطقة.",
        "دعا الأمين العام إلى وقف القتال فورا في اليمن.",
    ],
)
def test_detect_talk_is_not_an_event(text):
    assert _detected(text) is None


def test_detect_artillery_beside_an_air_strike_stays_shelling():
    # An aircraft word elsewhere in the sentence belongs to another event; "قصف مدفعي" names its weapon.
    text = ("بدأ الهجوم الاثنين بتكثيف القصف الجوي من قبل طائرات التحالف، بالتزامن مع قصف مدفعي من قبل "
            "قوات سوريا الديمقراطية على مواقع التنظيم.")
    v = analyse("t", text)
    subs = {t.sub_event_type for s in v.sentences for t in detect(v, s)}
    assert {"Air/drone strike", "Shelling/artillery/missile attack"} <= subs


@pytest.mark.parametrize(
    "text",
    [
        # A figurative attack or explosion: criticism, a decision that "sets off" protests.
        "هاجم وزير الخارجية المعارضة بشدة في مؤتمر صحافي أمس.",
        "فجر قرار رفع أسعار الوقود احتجاجات واسعة في البلاد.",
        # "قد" + imperfect is "may", a long-period total is not one event.
        "قد يؤدي القصف إلى مقتل المزيد من المدنيين.",
        "قتل 76 صحافيا منذ الغزو الأمريكي للعراق.",
        "قتل أكثر من 6500 شخص في المدينة وحدها.",
        # The recalled attack and its toll hang on a background noun ("بسبب هجوم ...").
        "غادر المصطافون البلدة صباح أمس بسبب هجوم انتحاري استهدف مبنى خفر السواحل مخلفا ستة قتلى.",
    ],
)
def test_detect_background_and_figurative_are_not_events(text):
    assert _detected(text) is None


def test_detect_recent_since_is_not_a_long_period():
    assert _detected("قتل ثلاثة جنود منذ ساعات في هجوم على حاجز للجيش قرب مدينة العريش.") is not None


def test_detect_deaths_in_a_disaster_are_not_violence():
    assert _detected("قتلت امرأتان وطفل عندما انهار منزلهم بسبب الزلزال في بلدة قريبة أمس.") is None
    assert _detected("لقي خمسة أشخاص مصرعهم غرقا في السيول التي اجتاحت المدينة.") is None


def test_detect_nouns_no_verb_reports_are_talk():
    # Violence named only by nouns that nothing reports, with no date or toll: commentary.
    assert _detected("على العراقيين الاستعداد لخيارهم، بانتظار سيارة مفخخة يقودها انتحاري.") is None
    # The same nouns heading a dated report are an event.
    assert _detected("انفجار سيارة مفخخة في سوق شعبي ببغداد صباح اليوم.") == "Remote explosive/landmine/IED"
