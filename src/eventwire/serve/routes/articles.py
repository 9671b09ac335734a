"""`GET /api/articles/{article_id}`: an article's text and the offsets of its events."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Path

from eventwire.serve.deps import CursorDep, DbDep
from eventwire.serve.errors import ApiError
from eventwire.serve.events_sql import get_article
from eventwire.serve.schemas import ERROR_RESPONSES, ArticleOut
from eventwire.store.article_ids import AmbiguousArticleId, ArticleNotFound, resolve_article_id

router = APIRouter(prefix="/api", tags=["articles"])


@router.get("/articles/{article_id}", response_model=ArticleOut, responses=ERROR_RESPONSES)
def article(
    db: DbDep,
    cur: CursorDep,
    article_id: Annotated[
        str,
        Path(
            max_length=200,
            description="The article id, a unique start of it, or the source's own id (`id` of JSON input).",
        ),
    ],
) -> dict[str, Any]:
    """The article as shown (without the wire header lines), with the evidence offsets of its events.
    The id is resolved as `eventwire show` resolves it."""
    try:
        found_id = resolve_article_id(cur, article_id)
    except ArticleNotFound as exc:
        raise ApiError(404, str(exc), param="article_id") from None
    except AmbiguousArticleId as exc:
        raise ApiError(400, str(exc), param="article_id") from None
    found = get_article(cur, found_id, db.stories)
    if found is None:
        raise ApiError(404, f"no article {article_id!r}", param="article_id")
    return found
