"""`GET /api/articles/{article_id}`: an article's text and the offsets of its events."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Path

from eventwire.serve.deps import CursorDep, DbDep
from eventwire.serve.errors import ApiError
from eventwire.serve.events_sql import get_article
from eventwire.serve.schemas import ERROR_RESPONSES, ArticleOut

router = APIRouter(prefix="/api", tags=["articles"])


@router.get("/articles/{article_id}", response_model=ArticleOut, responses=ERROR_RESPONSES)
def article(db: DbDep, cur: CursorDep, article_id: Annotated[str, Path(max_length=200)]) -> dict[str, Any]:
    """The article as stored, with the evidence offsets of each of its events."""
    found = get_article(cur, article_id, db.stories)
    if found is None:
        raise ApiError(404, f"no article {article_id!r}", param="article_id")
    return found
