"""Build the text-extraction evaluation set: news pages shaped like real ones, each with its gold body text.

    python scripts/build_web_extract_set.py ../shared/corpus/voa/voa_dev.jsonl \
        src/eventwire/eval/data/web_extract.jsonl

Each page wraps one Voice of America story (public domain; credit: Voice of America (voanews.com)) in one of
six page templates written for this set: a CMS blog page with a comment thread, a portal page without an
<article> element, a page with figures and in-body "related" boxes, an old table layout that separates
paragraphs with <br>, a page behind a cookie consent overlay, and an AMP-style page. Around the story sit
navigation, breadcrumbs, share buttons, newsletter forms, "most read" lists, related links, reader comments,
author boxes and footers, all in full sentences so that a careless extractor is caught. The metadata sits
where real sites put it (og:title, article:published_time, JSON-LD datePublished, <time datetime>,
meta name=date, rel=canonical, <html lang>), a different mix per template.

Gold per page: the story's paragraphs (the text split at sentence ends into paragraphs of two or three
sentences), title, publication date, author, language and canonical URL.
"""

from __future__ import annotations

import hashlib
import html
import json
import re
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

CREDIT = "Voice of America (voanews.com)"
N_PAGES = 18
_SENT = re.compile(r"(?<=[.!?])[\"”’]?\s+(?=[A-Z\"“‘(])")

COMMENTS = [
    (
        "Marcus T.",
        "I have been following this story for weeks and this is the clearest summary so far. "
        "Still, I wonder why nobody in government is willing to say what happens next.",
    ),
    (
        "Aisha_K",
        "The real question is who pays for all of this in the end. Ordinary families always carry "
        "the burden while officials give speeches and fly home.",
    ),
    (
        "oldreader42",
        "Great reporting as always. Please keep covering the region after the cameras leave, "
        "because that is when the hard part begins for the people who live there.",
    ),
    (
        "J. Ramirez",
        "I disagree with the framing of this article. There were warnings months ago and the "
        "international community simply ignored them until it was too late.",
    ),
]
RELATED = [
    "Talks stall as delegations leave the capital without a deal",
    "Analysts warn of a long winter for displaced families in the north",
    "Parliament votes to extend emergency powers for another six months",
    "Aid groups say funding cuts are already closing clinics across the region",
    "Opposition leader returns from exile and promises nationwide rallies",
    "Election commission postpones the vote, citing security concerns",
]
MOST_READ = [
    "Five things to know about the new trade agreement",
    "Why food prices keep rising even as harvests improve",
    "Inside the race to rebuild the country's power grid",
    "Drought pushes herders into conflict over shrinking pastures",
    "What the central bank decision means for your savings",
]
NAV = ["Home", "World", "Africa", "Americas", "Asia", "Europe", "Middle East", "Politics", "Economy", "Video"]


def paragraphs(text: str) -> list[str]:
    sentences = [s.strip() for s in _SENT.split(text) if s.strip()]
    paras: list[str] = []
    i = 0
    while i < len(sentences):
        size = 2 if (i // 2) % 2 == 0 else 3
        paras.append(" ".join(sentences[i : i + size]))
        i += size
    return paras


def e(text: str) -> str:
    return html.escape(text, quote=True)


def nav(cls: str = "site-nav") -> str:
    items = "".join(f'<li><a href="/{n.lower().replace(" ", "-")}">{e(n)}</a></li>' for n in NAV)
    return f'<nav class="{cls}" aria-label="Main"><ul>{items}</ul></nav>'


def related(n: int, start: int = 0) -> str:
    items = "".join(
        f'<li><a href="/a/story-{start + i}.html">{e(RELATED[(start + i) % len(RELATED)])}</a></li>'
        for i in range(n)
    )
    return f'<section class="related"><h2>Related Stories</h2><ul>{items}</ul></section>'


def most_read() -> str:
    items = "".join(f'<li><a href="/a/popular-{i}.html">{e(t)}</a></li>' for i, t in enumerate(MOST_READ))
    return f'<aside class="most-read"><h3>Most Read</h3><ol>{items}</ol></aside>'


def comments(n: int) -> str:
    out = []
    for i, (who, text) in enumerate(COMMENTS[:n]):
        out.append(
            f'<li class="comment" id="comment-{i}"><div class="comment-author">{e(who)}</div>'
            f'<div class="comment-date">2 days ago</div><p>{e(text)}</p>'
            f'<a class="reply" href="#reply-{i}">Reply</a></li>'
        )
    return (
        f'<section id="comments" class="comments"><h2>{n} Comments</h2><ol class="comment-list">'
        + "".join(out)
        + '</ol><form class="comment-form"><label>Leave a comment</label><textarea></textarea>'
        "<button>Post comment</button></form></section>"
    )


COOKIE = (
    '<div class="cookie-banner" role="dialog"><p>We use cookies and similar technologies to improve your '
    "experience, measure our audience and show you relevant content. By continuing to browse this site you "
    "agree to our use of cookies as described in our privacy policy.</p><button>Accept all</button>"
    "<button>Manage preferences</button></div>"
)
NEWSLETTER = (
    '<div class="newsletter"><h3>Get the morning briefing</h3><p>Sign up for our free newsletter and receive '
    "the most important stories of the day in your inbox every morning before breakfast.</p>"
    '<form><input type="email" placeholder="Your email address"><button>Subscribe</button></form></div>'
)
SHARE = (
    '<div class="share"><span>Share this story</span><a href="#">Facebook</a><a href="#">X</a>'
    '<a href="#">WhatsApp</a><a href="#">Email</a><a href="#">Print</a></div>'
)


def footer() -> str:
    return (
        '<footer class="site-footer"><div class="footer-links"><a href="/about">About us</a>'
        '<a href="/contact">Contact</a><a href="/terms">Terms of use</a><a href="/privacy">Privacy policy</a>'
        '<a href="/careers">Careers</a></div><p>The Daily Ledger is an independent news organisation. '
        "All material on this site is provided for information only and may not be reproduced without "
        "permission from the publisher.</p><p>Copyright 2025 The Daily Ledger. All rights reserved.</p>"
        "</footer>"
    )


def jsonld(s: dict[str, Any], with_date: bool = True, with_author: bool = True) -> str:
    obj: dict[str, Any] = {
        "@context": "https://schema.org",
        "@type": "NewsArticle",
        "headline": s["title"],
        "mainEntityOfPage": s["canonical"],
        "publisher": {"@type": "Organization", "name": "The Daily Ledger"},
    }
    if with_date:
        obj["datePublished"] = s["iso"]
        obj["dateModified"] = s["iso"]
    if with_author:
        obj["author"] = [{"@type": "Person", "name": s["author"]}]
    return f'<script type="application/ld+json">{json.dumps(obj)}</script>'


def body_p(paras: list[str]) -> str:
    return "".join(f"<p>{e(p)}</p>" for p in paras)


def t_blog(s: dict[str, Any]) -> str:
    """CMS blog page: <article>, <time datetime>, og:title, article:published_time, comments, related."""
    return f"""<!DOCTYPE html>
<html lang="en-US"><head><meta charset="utf-8"><title>{e(s["title"])} | The Daily Ledger</title>
<meta property="og:title" content="{e(s["title"])}">
<meta property="og:type" content="article">
<meta property="article:published_time" content="{s["iso"]}">
<meta name="author" content="{e(s["author"])}">
<link rel="canonical" href="{s["canonical"]}">
<link rel="stylesheet" href="/wp-content/themes/ledger/style.css">
<script>window.dataLayer = window.dataLayer || []; dataLayer.push({{"event": "pageview"}});</script>
</head><body class="single-post">{COOKIE}
<header class="site-header"><a class="logo" href="/">The Daily Ledger</a>{nav()}
<form class="search"><input type="search" placeholder="Search"></form></header>
<div class="breadcrumbs"><a href="/">Home</a> &rsaquo; <a href="/world">World</a> &rsaquo;
<a href="/world/{s["section_slug"]}">{e(s["section"])}</a></div>
<main id="content"><article class="post">
<header class="entry-header"><h1 class="entry-title">{e(s["title"])}</h1>
<div class="entry-meta">By <a rel="author" href="/author/x">{e(s["author"])}</a>
<time class="entry-date" datetime="{s["iso"]}">{s["human_date"]}</time></div></header>
{SHARE}
<div class="entry-content">{body_p(s["paras"])}</div>
<footer class="entry-footer"><span class="tags">Tags: {e(s["keywords"])}</span></footer>
</article>
{related(4)}
{comments(4)}
</main>
<aside class="sidebar">{most_read()}{NEWSLETTER}</aside>
{footer()}</body></html>"""


def t_portal(s: dict[str, Any]) -> str:
    """Portal page, div soup, no <article>: JSON-LD only, ads, sidebar, newsletter, long footer."""
    paras = s["paras"]
    mid = max(1, len(paras) // 2)
    return f"""<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8">
<title>{e(s["title"])} - Ledger World News</title>
<meta name="description" content="{e(s["paras"][0][:150])}">
<meta name="twitter:card" content="summary_large_image">
<link rel="canonical" href="{s["canonical"]}">
{jsonld(s)}
</head><body>
<div id="top-bar"><a href="/subscribe">Subscribe</a> <a href="/login">Sign in</a></div>
<div id="masthead"><div class="brand">Ledger World News</div>{nav("menu")}</div>
<div class="container"><div class="col-main">
<div class="headline-block"><h1>{e(s["title"])}</h1>
<div class="byline">{e(s["author"])} &middot; {s["human_date"]}</div></div>
<div class="story-body">{body_p(paras[:mid])}
<div class="ad-slot" id="ad-mid"><span>Advertisement</span><iframe src="about:blank"></iframe></div>
{body_p(paras[mid:])}</div>
<div class="story-tags"><a href="/tag/a">{e(s["section"])}</a></div>
{related(5, 1)}
</div><div class="col-side">{most_read()}<div class="ad-slot"><span>Advertisement</span></div>
{NEWSLETTER}</div></div>
{footer()}
</body></html>"""


def t_figures(s: dict[str, Any]) -> str:
    """Modern page: <main><article>, a figure with caption, an in-body related box, a pull quote aside."""
    paras = s["paras"]
    cut = min(2, len(paras))
    return f"""<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width">
<title>{e(s["title"])}</title>
<meta property="og:title" content="{e(s["title"])}">
<meta property="og:url" content="{s["canonical"]}">
<meta property="og:site_name" content="The Daily Ledger">
{jsonld(s, with_author=False)}
</head><body>
<a class="skip" href="#main">Skip to main content</a>
<header>{nav()}</header>
<main id="main"><article>
<h1>{e(s["title"])}</h1>
<p class="byline">By <span class="author">{e(s["author"])}</span></p>
<figure class="lead-image"><img src="/img/lead.jpg" alt="A street scene">
<figcaption>People walk past a damaged building in the city centre. (Photo: Ledger staff)</figcaption>
</figure>
{body_p(paras[:cut])}
<aside class="inline-related"><h4>Read more</h4><ul>
<li><a href="/a/story-9.html">{e(RELATED[2])}</a></li><li><a href="/a/story-8.html">{e(RELATED[3])}</a></li>
</ul></aside>
{body_p(paras[cut:])}
</article>
{related(3, 2)}
</main>
<footer><p>Follow us on social media for the latest updates from around the world.</p>
<p>&copy; 2025 The Daily Ledger</p></footer>
</body></html>"""


def t_table(s: dict[str, Any]) -> str:
    """Old table layout, <br><br> between paragraphs, meta name=date only, no canonical link."""
    body = "<br><br>\n".join(e(p) for p in s["paras"])
    links = "<br>".join(f'<a href="/old/{i}.htm">{e(t)}</a>' for i, t in enumerate(RELATED))
    return f"""<html><head><meta http-equiv="Content-Type" content="text/html; charset=utf-8">
<meta http-equiv="content-language" content="en">
<meta name="date" content="{s["date"]}">
<title>{e(s["title"])}</title></head>
<body bgcolor="#ffffff"><table width="100%" border="0"><tr><td colspan="2">
<font size="5"><b>THE LEDGER ONLINE</b></font><br>
<a href="/">Front page</a> | <a href="/world">World</a> |
<a href="/archive">Archive</a> | <a href="/contact">Contact</a>
</td></tr><tr><td width="180" valign="top"><b>Other headlines</b><br>{links}</td>
<td valign="top"><font size="4"><b>{e(s["title"])}</b></font><br>
<i>by {e(s["author"])}</i><br><br>
<font face="Arial">{body}</font>
<br><br><hr><small>Send this story to a friend | Printer-friendly version</small>
</td></tr><tr><td colspan="2"><small>Copyright The Ledger Online. Reproduction in whole or in part without
written permission is prohibited.</small></td></tr></table></body></html>"""


def t_consent(s: dict[str, Any]) -> str:
    """A cookie consent overlay before the page, <time datetime> only, comments and an author box."""
    return f"""<!DOCTYPE html>
<html lang="en-GB"><head><meta charset="utf-8"><title>{e(s["title"])}</title>
<meta property="og:title" content="{e(s["title"])}">
<link rel="canonical" href="{s["canonical"]}">
</head><body>
<div id="consent-overlay" class="modal"><div class="modal-box"><h2>Your privacy matters to us</h2>
<p>We and our 143 partners store and access information on your device, such as cookies, and process
personal data such as unique identifiers for personalised advertising and content, audience research and
services development.</p><p>You can change your choices at any time by clicking the privacy settings link at
the bottom of every page.</p><button>I agree</button><button>More options</button></div></div>
<header>{nav()}</header>
<div class="page"><div class="article-wrapper">
<h1 class="article-title">{e(s["title"])}</h1>
<div class="meta"><span class="by">{e(s["author"])}</span>
<time datetime="{s["date"]}T{s["time"]}Z" pubdate>{s["human_date"]}</time></div>
<div class="article-text">{body_p(s["paras"])}</div>
<div class="author-box"><h4>About the author</h4><p>{e(s["author"])} has reported on international affairs
for more than a decade and has covered conflicts, elections and humanitarian crises on four continents.</p>
</div>{SHARE}</div>
{comments(3)}
{related(4, 3)}</div>
{footer()}</body></html>"""


def t_amp(s: dict[str, Any]) -> str:
    """AMP-style page: custom elements, JSON-LD and article:published_time, a "recommended" carousel."""
    cards = "".join(
        f'<div class="card"><a href="/amp/{i}.html"><h3>{e(t)}</h3><p>{e(t)} and what it means for the '
        "region in the coming months.</p></a></div>"
        for i, t in enumerate(MOST_READ[:4])
    )
    return f"""<!doctype html>
<html amp lang="en"><head><meta charset="utf-8">
<title>{e(s["title"])}</title>
<link rel="canonical" href="{s["canonical"]}">
<meta property="article:published_time" content="{s["iso"]}">
<meta property="og:title" content="{e(s["title"])}">
{jsonld(s)}
<style amp-custom>body{{font-family:sans-serif}}</style>
</head><body>
<amp-sidebar id="sidebar" layout="nodisplay">{nav("amp-nav")}</amp-sidebar>
<header class="amp-header"><button on="tap:sidebar.toggle">Menu</button><span>The Daily Ledger</span></header>
<article class="amp-article">
<h1>{e(s["title"])}</h1>
<div class="amp-byline">{e(s["author"])}, {s["human_date"]}</div>
<amp-img src="/img/a.jpg" width="600" height="400" layout="responsive" alt="photo"></amp-img>
<div class="amp-body">{body_p(s["paras"])}</div>
</article>
<section class="recommended"><h2>Recommended for you</h2>{cards}</section>
{NEWSLETTER}
<footer class="amp-footer"><p>You are viewing the accelerated mobile version of this page.
View the full site for more stories, video and interactive features.</p></footer>
</body></html>"""


TEMPLATES: list[tuple[str, Callable[[dict[str, Any]], str]]] = [
    ("blog", t_blog),
    ("portal", t_portal),
    ("figures", t_figures),
    ("table", t_table),
    ("consent", t_consent),
    ("amp", t_amp),
]
LANGS = {"blog": "en-US", "portal": "en", "figures": "en", "table": "en", "consent": "en-GB", "amp": "en"}


def pick(stories: list[dict[str, Any]], n: int) -> list[dict[str, Any]]:
    """n stories of 150-900 words, chosen by a hash of their id (stable whatever the file order)."""
    ok = [s for s in stories if 150 <= len(s["text"].split()) <= 900]
    ok.sort(key=lambda s: hashlib.sha256(s["id"].encode()).hexdigest())
    return ok[:n]


def build(stories: list[dict[str, Any]]) -> list[dict[str, Any]]:
    import datetime as dt

    out = []
    for i, story in enumerate(pick(stories, N_PAGES)):
        name, template = TEMPLATES[i % len(TEMPLATES)]
        date, time_ = story["published"].rstrip("Z").split(" ")
        day = dt.date.fromisoformat(date)
        slug = story["url"].rstrip("/").rsplit("/", 1)[-1]
        s = {
            "title": story["title"],
            "author": story["author"],
            "section": story["section"],
            "section_slug": story["section"].lower().replace(" ", "-"),
            "keywords": story["keywords"],
            "date": date,
            "time": time_,
            "iso": f"{date}T{time_}+00:00",
            "human_date": f"{day.strftime('%B')} {day.day}, {day.year}",
            "canonical": f"https://news.example.org/world/{slug}",
            "paras": paragraphs(story["text"]),
        }
        page = template(s)
        out.append(
            {
                "id": f"{name}-{story['id']}",
                "template": name,
                "url": f"https://news.example.org/world/{slug}?utm_source=feed",
                "html": page,
                "text": "\n\n".join(s["paras"]),
                "title": s["title"],
                "published": date,
                "author": s["author"],
                "lang": LANGS[name],
                "canonical_url": s["canonical"] if name != "table" else None,
                "source_url": story["url"],
                "credit": CREDIT,
            }
        )
    return out


def main() -> None:
    src, dst = Path(sys.argv[1]), Path(sys.argv[2])
    stories = [json.loads(line) for line in src.read_text(encoding="utf-8").splitlines() if line.strip()]
    pages = build(stories)
    with dst.open("w", encoding="utf-8") as fh:
        for p in pages:
            fh.write(json.dumps(p, ensure_ascii=False) + "\n")
    print(f"{dst}: {len(pages)} pages")


if __name__ == "__main__":
    main()
