"""The Python API: code text or files without the CLI. The pipeline is loaded once and reused."""

from __future__ import annotations

import functools
from collections.abc import Iterable, Iterator

from eventwire.config import Settings
from eventwire.ingest.formats import article_from_json
from eventwire.ingest.readers import read_inputs
from eventwire.models import Article, CodedArticle, Event, Reject
from eventwire.pipeline import Pipeline


@functools.lru_cache(maxsize=1)
def default_pipeline() -> Pipeline:
    return Pipeline()


def code_text(
    text: str,
    *,
    published: str | None = None,
    title: str | None = None,
    source: str | None = None,
    pipeline: Pipeline | None = None,
) -> list[Event]:
    """Events of one article given as text; `published` (YYYY-MM-DD) anchors its dates."""
    article = article_from_json({"text": text, "published": published, "title": title, "source": source})
    return (pipeline or default_pipeline()).code_article(article).events


def code_paths(
    paths: Iterable[str], settings: Settings | None = None, pipeline: Pipeline | None = None
) -> Iterator[CodedArticle | Reject]:
    """Code every article under `paths` (files, folders, JSON lines); rejects come back as `Reject`."""
    settings = settings or Settings()
    pipe = pipeline or default_pipeline()
    for item in read_inputs(list(paths), settings):
        if isinstance(item, Article):
            yield pipe.code_article(item)
        else:
            yield item
