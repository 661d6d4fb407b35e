"""Arabic test articles written for these tests: templated reports of events, with fillers, so
that every article differs from every other except the copies made on purpose."""

from __future__ import annotations

import random

PLACES = ["إدلب", "حلب", "الموصل", "صنعاء", "تعز", "درعا", "الرقة", "كركوك", "بنغازي", "الحديدة", "حمص",
          "دير الزور", "سرت", "مأرب", "الأنبار", "حماة"]
NUMBERS = ["ثلاثة", "أربعة", "خمسة", "ستة", "سبعة", "ثمانية", "تسعة", "عشرة", "12", "15", "20", "23"]
DAYS = ["أمس", "اليوم", "يوم الخميس", "يوم الأحد الماضي", "مساء الاثنين", "فجر الجمعة"]

EVENTS = [
    "قتل {n} مدنيين وأصيب آخرون في غارة جوية استهدفت سوقا شعبيا في مدينة {p} {d}.",
    "اندلعت اشتباكات عنيفة بين قوات الجيش ومسلحين في ريف {p} {d}، أسفرت عن مقتل {n} جنود.",
    "انفجرت عبوة ناسفة بدورية للشرطة في مدينة {p} {d}، ما أدى إلى إصابة {n} من عناصرها.",
    "اعتقلت قوات الأمن {n} أشخاص خلال حملة مداهمات في مدينة {p} {d}.",
    "تظاهر مئات السكان في مدينة {p} {d} احتجاجا على انقطاع الكهرباء والماء.",
    "سقطت قذائف هاون على أحياء سكنية في مدينة {p} {d}، ما أسفر عن مقتل {n} أشخاص.",
]
CONTEXT = [
    "وقال شهود عيان إن سيارات الإسعاف هرعت إلى المكان ونقلت المصابين إلى المستشفيات القريبة.",
    "ولم تتبن أي جهة المسؤولية عن الهجوم حتى ساعة إعداد هذا التقرير.",
    "وأكد مصدر محلي أن الأوضاع الإنسانية في المنطقة تزداد سوءا مع اقتراب فصل الشتاء.",
    "وتشهد المنطقة منذ أشهر توترا أمنيا متصاعدا بين الأطراف المتنازعة على السيطرة.",
    "ودعت منظمات حقوقية إلى فتح تحقيق مستقل في ملابسات ما جرى ومحاسبة المسؤولين.",
    "وأعلنت السلطات المحلية حظر التجول في عدد من الأحياء حتى إشعار آخر.",
    "وتحدثت تقارير عن نزوح عشرات العائلات من القرى المجاورة خوفا من تجدد القتال.",
    "وأشار مراسلنا إلى أن حركة السير توقفت بشكل شبه كامل على الطريق الرئيسي.",
    "وفي سياق متصل، عقد مجلس المحافظة اجتماعا طارئا لبحث تداعيات الأحداث.",
    "من جهته، قال المتحدث باسم وزارة الداخلية إن التحقيقات جارية لكشف الفاعلين.",
]
BYLINES = ["{p} - وكالات:", "{p} - مراسلنا:", "خاص:", "متابعات:"]


def article(rng: random.Random) -> str:
    """One report: two events in one place and four context sentences, in a random order."""
    place = rng.choice(PLACES)
    sentences = [t.format(n=rng.choice(NUMBERS), p=place, d=rng.choice(DAYS)) for t in rng.sample(EVENTS, 2)]
    sentences += rng.sample(CONTEXT, 4)
    rng.shuffle(sentences)
    return " ".join(sentences)


def copy_of(text: str, rng: random.Random, trim: bool) -> str:
    """A syndicated copy: a byline added in front, and the last sentence dropped (`trim`) or a
    source line added at the end."""
    byline = rng.choice(BYLINES).format(p=rng.choice(PLACES))
    if trim:
        return f"{byline} {text.rsplit('. ', 1)[0]}."
    return f"{byline} {text}\nالمصدر: وكالات الأنباء"


def corpus(n: int, seed: int = 7, copies: int = 0) -> list[dict]:
    """`n` distinct articles as contract JSONL records, then `copies` copies of earlier ones placed
    after their originals. Returns the records in order; copies have ids "copy-..."."""
    rng = random.Random(seed)
    records = [{"id": f"a{i:03d}", "text": article(rng), "published": f"2019-0{1 + i % 9}-1{i % 10}"}
               for i in range(n)]
    for j, i in enumerate(rng.sample(range(n), copies)):
        at = next(k for k, r in enumerate(records) if r["id"] == f"a{i:03d}")
        original = records[at]
        text = copy_of(original["text"], rng, trim=j % 2 == 1)
        records.insert(rng.randrange(at + 1, len(records) + 1),
                       {"id": f"copy-{j:02d}-of-{original['id']}", "text": text,
                        "published": original["published"]})
    return records
