"""Arabic news pages, RSS, Atom and sitemaps written for the watch tests (no text from any data set)."""

from __future__ import annotations

import datetime as dt
from email.utils import format_datetime
from xml.sax.saxutils import escape

TOWNS = ["حلب", "إدلب", "درعا", "دير الزور", "الموصل", "كركوك", "تعز", "الحديدة", "بنغازي", "سرت", "الرقة",
         "حماة", "الحسكة", "مأرب", "الأنبار", "سامراء"]
NUMBERS = ["ثلاثة", "أربعة", "خمسة", "ستة", "سبعة", "ثمانية"]
EVENTS = [
    "قُتل {n} مدنيين وأصيب آخرون بجروح في قصف مدفعي استهدف أحياء سكنية في مدينة {town} صباح أمس.",
    "اندلعت اشتباكات عنيفة بين القوات الحكومية ومسلحين في محيط مدينة {town} أمس، ما أسفر عن مقتل {n} عناصر.",
    "تظاهر مئات من أهالي مدينة {town} أمس احتجاجاً على تردي الأوضاع المعيشية وانقطاع المياه.",
    "انفجرت سيارة مفخخة قرب سوق شعبي في مدينة {town} أمس، ما أدى إلى سقوط {n} قتلى.",
]
FILLER = ("وقال مصدر محلي إن فرق الدفاع المدني هرعت إلى المكان ونقلت المصابين إلى المستشفى الوطني، "
          "فيما فرضت الأجهزة الأمنية طوقاً حول المنطقة وبدأت التحقيق في ملابسات الحادثة.")
TITLES = ["قصف على {town}", "اشتباكات قرب {town}", "احتجاجات في {town}", "انفجار في {town}"]


def article(i: int) -> tuple[str, str]:
    """(title, HTML page) of article I; every article's text is distinct."""
    town, n = TOWNS[i % len(TOWNS)], NUMBERS[i % len(NUMBERS)]
    title = TITLES[i % len(TITLES)].format(town=town)
    lead = EVENTS[i % len(EVENTS)].format(n=n, town=town)
    html = f"""<!DOCTYPE html>
<html lang="ar" dir="rtl"><head><meta charset="utf-8"><title>{title} | أخبار المرصد</title>
<meta property="article:published_time" content="2024-03-{1 + i % 28:02d}T09:30:00+03:00"></head>
<body><header><nav><a href="/">الرئيسية</a> | <a href="/syria">سوريا</a> |
<a href="/iraq">العراق</a></nav></header>
<main><article><h1>{title}</h1>
<p>{lead}</p>
<p>{FILLER}</p>
<p>وأضاف المصدر أن الوضع في المدينة بقي متوتراً حتى ساعات المساء، وأن السكان التزموا منازلهم خشية تجدد
الاشتباكات، في حين دعت منظمات إنسانية إلى حماية المدنيين وتأمين ممرات آمنة لإيصال المساعدات.</p>
<p>وهذا هو التقرير رقم {i} في سلسلة تقارير مراسلنا الميداني عن الأوضاع في المنطقة.</p>
</article></main>
<footer><p>جميع الحقوق محفوظة</p></footer></body></html>"""
    return title, html


ENGLISH_PAGE = """<!DOCTYPE html><html lang="en"><head><title>Weather</title></head><body><article>
<h1>Weather report</h1><p>The weather will be sunny across the region tomorrow with light winds from the
north and temperatures a little above the seasonal average, forecasters said on Monday evening.</p>
<p>Rain is expected to return at the weekend, bringing cooler air to the coast and the mountains.</p>
</article></body></html>"""


def rss(title: str, items: list[tuple[str, str, dt.datetime]]) -> str:
    body = "".join(f"<item><title>{escape(t)}</title><link>{escape(u)}</link>"
                   f'<guid isPermaLink="true">{escape(u)}</guid>'
                   f"<pubDate>{format_datetime(d)}</pubDate></item>"
                   for u, t, d in items)
    return ('<?xml version="1.0" encoding="UTF-8"?><rss version="2.0">'
            f"<channel><title>{escape(title)}</title>"
            f"<link>http://127.0.0.1/</link><description>آخر الأخبار</description>{body}</channel></rss>")


def atom(title: str, entries: list[tuple[str, str, dt.datetime]]) -> str:
    body = "".join(f'<entry><title>{escape(t)}</title><link rel="alternate" href="{escape(u)}"/>'
                   f"<id>{escape(u)}</id><updated>{d.isoformat()}</updated></entry>" for u, t, d in entries)
    return (f'<?xml version="1.0" encoding="utf-8"?><feed xmlns="http://www.w3.org/2005/Atom">'
            f"<title>{escape(title)}</title>{body}</feed>")


def urlset(urls: list[tuple[str, str, dt.date]]) -> str:
    body = "".join(f"<url><loc>{escape(u)}</loc><news:news><news:title>{escape(t)}</news:title>"
                   f"<news:publication_date>{d.isoformat()}</news:publication_date></news:news></url>"
                   for u, t, d in urls)
    return ('<?xml version="1.0" encoding="UTF-8"?>'
            '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" '
            f'xmlns:news="http://www.google.com/schemas/sitemap-news/0.9">{body}</urlset>')


def sitemapindex(locs: list[str]) -> str:
    body = "".join(f"<sitemap><loc>{escape(u)}</loc></sitemap>" for u in locs)
    return ('<?xml version="1.0" encoding="UTF-8"?>'
            f'<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">{body}</sitemapindex>')
