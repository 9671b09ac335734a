"""Stories in the DuckDB file: story of each article, story rows, merged events and their raw events.

Reads and writes on an `EventStore`'s connection. `write` stores one batch of story work in one
transaction; every insert is keyed, so writing the same batch twice changes nothing.
"""

from __future__ import annotations

import datetime as dt
import json
from collections import Counter
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, replace
from typing import Any

import pyarrow as pa

from eventwire.dedup.merge import MergedEvent, from_state, state_of
from eventwire.models import Article, CodedArticle, Event, Mention, Segment
from eventwire.store.bulk import insert_new, stored_keys, upsert
from eventwire.store.duck import EventFilter, EventStore
from eventwire.store.rows import date_of


@dataclass(frozen=True)
class StoredAssignment:
    """One article's story, as stored: what rebuilding the story index needs."""

    article_id: str
    story_id: str
    features: Counter[str]
    published: str | None


@dataclass(frozen=True)
class StoryRow:
    story_id: str
    title: str | None
    first_seen: str | None
    last_seen: str | None
    num_articles: int
    num_sources: int
    num_events: int
    num_merged_events: int
    top_terms: list[str]

    def to_dict(self) -> dict[str, Any]:
        return dict(self.__dict__)


@dataclass(frozen=True)
class NewAssignment:
    article_id: str
    story_id: str
    similarity: float
    opened: bool
    features: Counter[str]


class StoryStore:
    def __init__(self, store: EventStore) -> None:
        self.store = store

    @property
    def con(self) -> Any:
        """The store's connection, opened again when the store released it between batches."""
        return self.store.con

    def has_tables(self) -> bool:
        row = self.con.execute(
            "SELECT count(*) FROM information_schema.tables WHERE table_name = 'story_articles'"
        ).fetchone()
        return bool(row and row[0])

    # --- reading what the index and the merger need -------------------------------------------------

    def assignments(self) -> Iterator[StoredAssignment]:
        """Every stored assignment in the order it was made."""
        cur = self.con.execute(
            "SELECT s.article_id, s.story_id, s.features, CAST(a.published AS VARCHAR) FROM story_articles s "
            "LEFT JOIN articles a ON a.article_id = s.article_id ORDER BY s.seq"
        )
        while rows := cur.fetchmany(10_000):
            for article_id, story_id, features, published in rows:
                yield StoredAssignment(article_id, story_id, Counter(json.loads(features or "{}")), published)

    def assigned(self, article_ids: Sequence[str]) -> set[str]:
        return stored_keys(self.con, "story_articles", "article_id", article_ids)

    def unassigned(self, limit: int) -> list[CodedArticle]:
        """Stored articles without a story yet (stored before stories existed, or a run stopped between
        the article and the story writes), oldest first, with their events and time mentions."""
        rows = self.con.execute(
            "SELECT article_id, text, CAST(published AS VARCHAR), source, title, segments FROM articles "
            "WHERE article_id NOT IN (SELECT article_id FROM story_articles) "
            "ORDER BY ingested_at, article_id LIMIT ?",
            [limit],
        ).fetchall()
        out = []
        for article_id, text, published, source, title, segments in rows:
            segs = [Segment(**s) for s in json.loads(segments or "[]")]
            art = Article(article_id, text, published, source, title=title, segments=segs)
            events = [
                Event.from_dict(json.loads(r[0]))
                for r in self.con.execute(
                    "SELECT event_json FROM events WHERE article_id = ? ORDER BY evidence_start, event_id",
                    [article_id],
                ).fetchall()
            ]
            mentions = [
                Mention("time", s, e, t or "", json.loads(v or "{}"))
                for s, e, t, v in self.con.execute(
                    "SELECT start_char, end_char, text, value FROM mentions "
                    "WHERE article_id = ? AND kind = 'time' ORDER BY start_char",
                    [article_id],
                ).fetchall()
            ]
            out.append(CodedArticle(art, events, mentions))
        return out

    def merged_for(self, story_ids: Sequence[str]) -> dict[str, list[MergedEvent]]:
        """The merged events of these stories, in the order they were made."""
        out: dict[str, list[MergedEvent]] = {s: [] for s in story_ids}
        if not story_ids:
            return out
        rows = self.con.execute(
            "SELECT merged_json, state FROM merged_events WHERE list_contains(?, story_id) ORDER BY rowid",
            [list(story_ids)],
        ).fetchall()
        for merged_json, state in rows:
            m = from_state(json.loads(merged_json), json.loads(state or "{}"))
            out[m.story_id].append(m)
        return out

    # --- writing --------------------------------------------------------------------------------------

    def write(
        self,
        assignments: Sequence[NewAssignment],
        merged: Sequence[MergedEvent],
        members: Sequence[tuple[str, str, str, str]],
        top_terms: dict[str, list[str]],
    ) -> None:
        """Store new assignments, the merged events they changed and the new links
        (event_id, merged_id, story_id, article_id), then refresh their stories' rows."""
        if not assignments and not merged:
            return
        now = dt.datetime.now(dt.UTC).replace(tzinfo=None)
        self.con.execute("BEGIN TRANSACTION")
        try:
            ((seq,),) = self.con.execute("SELECT coalesce(max(seq), 0) FROM story_articles").fetchall()
            assigned = [
                [a.article_id, a.story_id, seq + i + 1, a.similarity, a.opened, json.dumps(a.features), now]
                for i, a in enumerate(assignments)
            ]
            insert_new(self.con, "story_articles", "article_id", assigned)
            upsert(self.con, "merged_events", "merged_id", [_merged_row(m) for m in merged])
            member_rows = [list(r) for r in members]
            insert_new(self.con, "merged_event_members", "event_id", member_rows)
            stories = sorted({a.story_id for a in assignments} | {m.story_id for m in merged})
            self._refresh(stories, top_terms, now)
            self.con.execute("COMMIT")
        except BaseException:
            self.con.execute("ROLLBACK")
            raise

    def _refresh(self, story_ids: list[str], top_terms: dict[str, list[str]], now: dt.datetime) -> None:
        if not story_ids:
            return
        self.con.execute(
            """
            INSERT OR REPLACE INTO stories
            SELECT s.story_id,
                   arg_min(coalesce(a.title, left(a.text, 120)), s.seq),
                   min(a.published), max(a.published),
                   count(*),
                   count(DISTINCT coalesce(nullif(lower(trim(a.source)), ''), 'article:' || a.article_id)),
                   sum(coalesce(a.n_events, 0)),
                   (SELECT count(*) FROM merged_events m WHERE m.story_id = s.story_id),
                   NULL, ?
            FROM story_articles s JOIN articles a ON a.article_id = s.article_id
            WHERE list_contains(?, s.story_id)
            GROUP BY s.story_id
            """,
            [now, story_ids],
        )
        terms = pa.table(
            {
                "story_id": pa.array(story_ids, pa.string()),
                "top_terms": pa.array([top_terms.get(s, []) for s in story_ids], pa.list_(pa.string())),
            }
        )
        self.con.register("_eventwire_terms", terms)
        try:
            self.con.execute(
                "UPDATE stories SET top_terms = t.top_terms FROM _eventwire_terms t "
                "WHERE stories.story_id = t.story_id"
            )
        finally:
            self.con.unregister("_eventwire_terms")

    # --- reading for people ---------------------------------------------------------------------------

    def stories(self, limit: int | None = None, min_articles: int = 1) -> list[StoryRow]:
        sql = (
            "SELECT story_id, title, CAST(first_seen AS VARCHAR), CAST(last_seen AS VARCHAR), num_articles, "
            "num_sources, num_events, num_merged_events, top_terms FROM stories WHERE num_articles >= ? "
            "ORDER BY num_articles DESC, first_seen NULLS LAST, story_id"
        )
        params: list[Any] = [min_articles]
        if limit is not None:
            sql += " LIMIT ?"
            params.append(int(limit))
        rows = self.con.execute(sql, params).fetchall()
        return [
            StoryRow(
                story_id=r[0],
                title=r[1],
                first_seen=r[2],
                last_seen=r[3],
                num_articles=int(r[4]),
                num_sources=int(r[5]),
                num_events=int(r[6] or 0),
                num_merged_events=int(r[7] or 0),
                top_terms=list(r[8] or []),
            )
            for r in rows
        ]

    def story_of(self, article_id: str) -> str | None:
        row = self.con.execute(
            "SELECT story_id FROM story_articles WHERE article_id = ?", [article_id]
        ).fetchone()
        return row[0] if row else None

    def merged_events(
        self, flt: EventFilter | None = None, story_id: str | None = None, limit: int | None = None
    ) -> list[dict[str, Any]]:
        """Merged events as JSON objects (`MergedEvent.to_dict`), each with its evidence list.

        `flt` filters as for raw events; its `article_id` keeps the merged events with a mention there."""
        flt = flt or EventFilter()
        article_id = flt.article_id
        where, args = replace(flt, article_id=None).where()
        extra: list[str] = []
        if story_id:
            extra.append("story_id = ?")
            args.append(story_id)
        if article_id:
            extra.append("merged_id IN (SELECT merged_id FROM merged_event_members WHERE article_id = ?)")
            args.append(article_id)
        if extra:
            where = (where + " AND " if where else " WHERE ") + " AND ".join(extra)
        order = "event_date NULLS LAST, story_id, merged_id"
        sql = f"SELECT merged_json FROM merged_events{where} ORDER BY {order}"
        if limit is not None:
            sql += " LIMIT ?"
            args.append(int(limit))
        found = [json.loads(r[0]) for r in self.con.execute(sql, args).fetchall()]
        if not found:
            return found
        evidence: dict[str, list[dict[str, Any]]] = {}
        for merged_id, event_id, article_id, source, published, text, start, end in self.con.execute(
            "SELECT merged_id, event_id, article_id, source, CAST(published AS VARCHAR), evidence_text, "
            "evidence_start, evidence_end FROM merged_event_evidence WHERE list_contains(?, merged_id) "
            "ORDER BY published NULLS LAST, article_id, evidence_start",
            [[d["merged_id"] for d in found]],
        ).fetchall():
            evidence.setdefault(merged_id, []).append(
                {
                    "event_id": event_id,
                    "article_id": article_id,
                    "source": source,
                    "published": published,
                    "text": text,
                    "start": start,
                    "end": end,
                }
            )
        for d in found:
            d["evidence"] = evidence.get(d["merged_id"], [])
        return found


def _merged_row(m: MergedEvent) -> list[Any]:
    d = m.to_dict()
    loc = m.location
    return [
        m.merged_id,
        m.story_id,
        m.type,
        m.mode,
        m.modality,
        json.dumps(d["actors"]),
        json.dumps(d["recipients"]),
        sorted(m.actor_parties.countries),
        sorted(m.recipient_parties.countries),
        m.date,
        m.date_precision,
        date_of(m.date),
        json.dumps(d["location"]) if loc else None,
        loc.name if loc else None,
        m.num_mentions,
        m.num_articles,
        m.num_sources,
        date_of(m.first_seen),
        date_of(m.last_seen),
        m.confidence,
        json.dumps(d),
        json.dumps(state_of(m)),
    ]
