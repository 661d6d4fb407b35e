"""Throughput and memory of `marsad extract` end to end (start-up included), on generated articles.

    .venv/bin/python benchmarks/extract_speed.py [--articles 2000] [--jobs 0]

The articles are built from templates written for this benchmark (conflict reports mixed with
ordinary news sentences, about 15 sentences each), so it runs anywhere without the shared data.
It prints sentences/s, articles/s and the peak resident memory of the command (its largest process).
"""

from __future__ import annotations

import argparse
import json
import random
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPORTS = [
    "قتل {n} جنود وأصيب آخرون أمس في هجوم بعبوة ناسفة استهدف دورية للجيش في مدينة {city}.",
    "شنت طائرات حربية غارات على مواقع لتنظيم داعش قرب بلدة {city} فجر اليوم.",
    "اندلعت اشتباكات عنيفة بين القوات الحكومية ومسلحين في ريف {city} يوم الخميس الماضي.",
    "تظاهر مئات المواطنين في {city} أمس للمطالبة بتحسين الخدمات.",
    "اعتقلت قوات الأمن {n} أشخاص في {city} بتهمة الانتماء إلى جماعة مسلحة.",
]
FILLER = [
    "وقال المتحدث باسم الحكومة إن الوزارة ستواصل العمل على تحسين الأوضاع الاقتصادية في البلاد.",
    "وارتفعت أسعار المواد الغذائية في الأسواق المحلية خلال الأسبوع الماضي بنسبة ملحوظة.",
    "وأعلنت الجامعة عن افتتاح قسم جديد للدراسات العليا في العام الدراسي المقبل.",
    "ودعا الأمين العام الأطراف كافة إلى ضبط النفس والعودة إلى طاولة الحوار.",
    "وتشهد المنطقة موجة حر شديدة مع توقعات بارتفاع درجات الحرارة خلال الأيام المقبلة.",
    "وناقش المجلس خطة التنمية الخمسية ومشاريع البنية التحتية في المحافظات.",
]
CITIES = ["الرمادي", "إدلب", "تعز", "بنغازي", "الموصل", "درعا", "مأرب", "سرت", "حلب", "كركوك"]


def articles(n: int, seed: int = 7) -> list[dict]:
    rnd = random.Random(seed)
    out = []
    for i in range(n):
        sents = [rnd.choice(FILLER) for _ in range(12)]
        for _ in range(rnd.randint(0, 3)):
            sents.insert(
                rnd.randrange(len(sents) + 1),
                rnd.choice(REPORTS).format(n=rnd.randint(2, 9), city=rnd.choice(CITIES)),
            )
        out.append({"id": f"bench-{i}", "text": " ".join(sents), "published": "2019-03-07"})
    return out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--articles", type=int, default=2000)
    ap.add_argument("--jobs", type=int, default=0)
    a = ap.parse_args()
    docs = articles(a.articles)
    sentences = sum(d["text"].count(".") for d in docs)
    marsad = Path(sys.executable).with_name("marsad")
    with tempfile.TemporaryDirectory() as td:
        inp = Path(td) / "in.jsonl"
        inp.write_text("".join(json.dumps(d, ensure_ascii=False) + "\n" for d in docs), encoding="utf-8")
        t = time.perf_counter()
        subprocess.run(
            [str(marsad), "extract", str(inp), "-o", str(Path(td) / "out.jsonl"), "-j", str(a.jobs)],
            check=True,
        )
        dt = time.perf_counter() - t
        events = sum(1 for _ in (Path(td) / "out.jsonl").open(encoding="utf-8"))
    peak_mb = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    print(
        f"{a.articles} articles, {sentences} sentences, {events} events in {dt:.2f} s: "
        f"{sentences / dt:.0f} sentences/s, {a.articles / dt:.1f} articles/s, peak RSS {peak_mb:.0f} MB"
    )


if __name__ == "__main__":
    main()
