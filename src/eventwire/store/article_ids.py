"""The ids a user may give for an article, as the CLI (`eventwire show`) and the API (`/api/articles/`)
both accept them: the article id, a unique start of it, or the source's own id (the `id` field of JSON
input, kept as `source_id`)."""

from __future__ import annotations

from itertools import pairwise

import duckdb

from eventwire.errors import UsageError

# Tables print the article id cut to this many characters, or more where that is not unique.
SHORT_ID = 8
_SHOWN = 3  # candidates named in an ambiguity message


class ArticleNotFound(UsageError):
    """No article has this id, id start or source id."""


class AmbiguousArticleId(UsageError):
    """The id starts several article ids, or is the source id of several articles."""


def resolve_article_id(con: duckdb.DuckDBPyConnection, ident: str) -> str:
    """The article id `ident` stands for: the id itself, the article whose source id it is, or the one
    article id it starts."""
    ident = ident.strip()
    if not ident:
        raise ArticleNotFound(_not_found(ident))
    if con.execute("SELECT 1 FROM articles WHERE article_id = ?", [ident]).fetchone():
        return ident
    by_source = _ids(con, "json_extract_string(extra, '$.source_id') = ?", ident)
    if len(by_source) == 1:
        return by_source[0]
    if by_source:
        raise AmbiguousArticleId(
            f"{ident!r} is the source id of {len(by_source)} articles ({_listed(by_source)});"
            " give the article id instead"
        )
    by_prefix = _ids(con, "starts_with(article_id, ?)", ident.lower())
    if len(by_prefix) == 1:
        return by_prefix[0]
    if by_prefix:
        raise AmbiguousArticleId(
            f"{ident!r} starts {len(by_prefix)} article ids ({_listed(by_prefix)}); give more of the id"
        )
    raise ArticleNotFound(_not_found(ident))


def short_id_length(con: duckdb.DuckDBPyConnection, minimum: int = SHORT_ID) -> int:
    """How many leading characters tell every stored article id apart (at least `minimum`)."""
    ids = sorted(r[0] for r in con.execute("SELECT article_id FROM articles").fetchall())
    longest = minimum
    for a, b in pairwise(ids):
        shared = next((i for i, (x, y) in enumerate(zip(a, b, strict=False)) if x != y), min(len(a), len(b)))
        longest = max(longest, shared + 1)
    return longest


def _ids(con: duckdb.DuckDBPyConnection, condition: str, value: str) -> list[str]:
    rows = con.execute(f"SELECT article_id FROM articles WHERE {condition} ORDER BY article_id", [value])
    return [r[0] for r in rows.fetchall()]


def _listed(ids: list[str]) -> str:
    return ", ".join(ids[:_SHOWN]) + (", ..." if len(ids) > _SHOWN else "")


def _not_found(ident: str) -> str:
    return (
        f"no article {ident!r}; give an article id, a unique start of one (the `article` column of"
        " `eventwire events`), or the source's own id (the `id` field of JSON input)"
    )
