"""The article-level entry point: recognise and resolve every toponym of an article at once."""

from __future__ import annotations

import re
from collections.abc import Sequence
from urllib.parse import urlparse

from spacy.tokens import Doc

from eventwire.geo.gazetteer import Gazetteer, load_gazetteer
from eventwire.geo.records import ResolvedToponym, Toponym
from eventwire.geo.resolve import Resolver, lookup
from eventwire.geo.sources import ADMIN1, COUNTRY
from eventwire.geo.text import normalize
from eventwire.geo.toponyms import Recognizer

# Generic top-level domains say nothing about where a source is.
_GENERIC_TLDS = frozenset(
    {".com", ".org", ".net", ".info", ".biz", ".io", ".co", ".tv", ".me", ".news", ".edu", ".gov"}
)
# What follows a dateline place: "MOSCOW (AP) —", "CAIRO -", "PLEASANTON, Calif.--( )--".
_DATELINE_TAIL = re.compile(r"^\s*(\([^)]{0,40}\))?\s*[-—–:]")
_DATELINE_CHARS = 80


class Geoparser:
    """Finds and resolves the places of an article.

    >>> geo = Geoparser.load()
    >>> places = geo.parse(docs, offsets, source="https://www.example.co.uk/news/1")
    """

    def __init__(self, gazetteer: Gazetteer) -> None:
        self.gazetteer = gazetteer
        self.recognizer = Recognizer(gazetteer)
        self.resolver = Resolver(gazetteer)

    @classmethod
    def load(cls) -> Geoparser:
        return cls(load_gazetteer())

    def parse(
        self, docs: Sequence[Doc], offsets: Sequence[int] | None = None, source: str | None = None
    ) -> list[ResolvedToponym]:
        """All toponyms of an article's paragraphs, resolved together.

        docs: the article's paragraphs (or one Doc for the whole text), in order.
        offsets: character offset of each Doc in the article (default: all 0).
        source: where the article comes from, to favour its home country: a URL or domain (its
            country-code top-level domain counts), an ISO country code, or a country or division name.
        """
        offsets = list(offsets) if offsets is not None else [0] * len(docs)
        persons = {
            normalize(tok.text)
            for doc in docs
            for ent in doc.ents
            if ent.label_ == "PERSON" and len(ent) > 1
            for tok in ent
        }
        toponyms: list[Toponym] = []
        for i, (doc, off) in enumerate(zip(docs, offsets, strict=True)):
            toponyms.extend(self.recognizer.recognise(doc, i, off, persons))
        dateline = self._dateline(docs, toponyms)
        rows = self.resolver.resolve(toponyms, home=self.home_country(source), dateline=dateline)
        gaz = self.gazetteer
        return [
            ResolvedToponym(t, gaz.place(r) if r is not None else None, dateline=i in dateline)
            for i, (t, r) in enumerate(zip(toponyms, rows, strict=True))
        ]

    def home_country(self, source: str | None) -> str | None:
        """ISO alpha-2 of the source's home country, when the source string says it."""
        if not source:
            return None
        gaz = self.gazetteer
        s = source.strip()
        if "." in s and " " not in s:
            host = urlparse(s if "//" in s else "//" + s).hostname or ""
            tld = "." + host.rsplit(".", 1)[-1] if "." in host else ""
            if tld and tld not in _GENERIC_TLDS:
                cc = gaz.tld.get(tld)
                return "GB" if cc == "GB" or tld == ".uk" else cc
            return None
        if len(s) in (2, 3) and s.isupper():
            for cc in gaz.countries:
                if s in (cc, gaz.iso3.get(cc)):
                    return cc
        for c in lookup(gaz, normalize(s)):
            if c.main_name and int(gaz.feature[c.row]) in (COUNTRY, ADMIN1):
                return gaz.country_of(c.row)
        return None

    @staticmethod
    def _dateline(docs: Sequence[Doc], toponyms: Sequence[Toponym]) -> list[int]:
        """Toponyms of a dateline at the top of the article: upper-case or followed by a dash."""
        if not docs:
            return []
        out: list[int] = []
        first = next((i for i, d in enumerate(docs) if d.text.strip()), None)
        if first is None:
            return []
        doc = docs[first]
        head = [
            i for i, t in enumerate(toponyms) if t.doc_index == first and t.span.start_char < _DATELINE_CHARS
        ]
        if not head:
            return []
        lead = doc.text[: toponyms[head[0]].span.start_char]
        if lead.strip(" \n\t\"'(") and not re.fullmatch(r"\s*[A-Z .,'-]*\s*", lead):
            return []  # prose before the place: not a dateline
        last_end = toponyms[head[0]].span.end_char
        chain = [head[0]]
        for i in head[1:]:
            between = doc.text[last_end : toponyms[i].span.start_char]
            if between.strip() not in (",", ""):
                break
            chain.append(i)
            last_end = toponyms[i].span.end_char
        first_text = toponyms[chain[0]].span.text
        if (first_text.isupper() and len(first_text) > 2) or _DATELINE_TAIL.match(doc.text[last_end:]):
            out = chain
        return out
