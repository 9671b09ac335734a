"""Paragraph analysis with the dependency parse only where something reads it.

A paragraph gets spaCy's full pipeline, in spaCy's order and over the whole paragraph, so that its
sentences, tags, parse and entities are exactly what spaCy's full pipeline gives it, unless nothing
downstream could read its analysis:
- no word that can be an event trigger (`nlp.triggers`): the coder cannot read an event from it;
- no named entity other than numbers, dates and times: actor memory (names, aliases and pronoun
  antecedents, `actors.resolve`) reads the parse around people, organisations and places, so a
  caption naming "Kenyan Foreign Minister Joseph Mwangi" must be parsed for a later "Mwangi met ..."
  to be coded;
- no capitalised word after the first: the geoparser looks for place names among them.
Such a paragraph is given the entity recogniser alone (it has its own embedding layer in the English
pipelines) and punctuation-based sentence boundaries; it adds no event, actor or place either way.

The attribute ruler runs as `FastAttributeRuler` (same rules, same results) where its patterns allow.
Pipelines of another layout (a recogniser that listens to a shared embedding layer, extra components)
are run whole, as spaCy runs them.
"""

from __future__ import annotations

from collections.abc import Callable, Collection, Sequence
from dataclasses import dataclass, field

from spacy.language import Language
from spacy.pipeline import Sentencizer
from spacy.tokens import Doc

from eventwire.nlp.attribute_rules import FastAttributeRuler
from eventwire.nlp.lemmas import FastLemmatizer
from eventwire.nlp.triggers import TriggerForms, trigger_forms

# The layout selective analysis is worked out for: spaCy's English CNN pipelines.
STANDARD_LAYOUT = ("tok2vec", "tagger", "parser", "attribute_ruler", "lemmatizer", "ner")
LIGHT_COMPONENTS = ("ner",)
# Entity labels that name nothing actor memory or the geoparser reads.
UNNAMED_LABELS = frozenset({"DATE", "TIME", "CARDINAL", "ORDINAL", "MONEY", "PERCENT", "QUANTITY"})


@dataclass
class AnalysisStats:
    """Counts since the analyzer was made: paragraphs and tokens, and how many of them were parsed."""

    docs: int = 0
    tokens: int = 0
    parsed_docs: int = 0
    parsed_tokens: int = 0
    seconds: dict[str, float] = field(default_factory=dict)


class Analyzer:
    """Turns paragraph texts into spaCy Docs; `selective` parses only paragraphs that can hold an event."""

    def __init__(
        self,
        nlp: Language,
        trigger_lemmas: Collection[str],
        trigger_words: Collection[str] = (),
        selective: bool = True,
    ) -> None:
        self.nlp = nlp
        self.stats = AnalysisStats()
        self.selective = selective and _has_standard_layout(nlp)
        self.forms: TriggerForms = trigger_forms(nlp, trigger_lemmas, trigger_words)
        ruler = nlp.get_pipe("attribute_ruler") if "attribute_ruler" in nlp.pipe_names else None
        self._fast_ruler = (
            FastAttributeRuler(ruler) if ruler is not None and FastAttributeRuler.supports(ruler) else None
        )
        lemmatizer = nlp.get_pipe("lemmatizer") if "lemmatizer" in nlp.pipe_names else None
        self._fast_lemmatizer = (
            FastLemmatizer(lemmatizer)
            if lemmatizer is not None and FastLemmatizer.supports(lemmatizer)
            else None
        )
        self._sentencizer = Sentencizer()
        self.clock: Callable[[], float] | None = None  # set to time.perf_counter to time each component

    def can_hold_event(self, doc: Doc) -> bool:
        """A word of the paragraph may be an event trigger."""
        forms = self.forms
        return any(t.lower_ in forms for t in doc)

    @staticmethod
    def names_something(doc: Doc) -> bool:
        """The recogniser found a name in the paragraph, or a capitalised word may be a place name."""
        return any(e.label_ not in UNNAMED_LABELS for e in doc.ents) or _capitalised(doc)

    def analyse(self, texts: Sequence[str], batch_size: int = 256) -> list[Doc]:
        """The Docs of `texts`, in order."""
        docs = [self.nlp.make_doc(t) for t in texts]
        self.stats.docs += len(docs)
        self.stats.tokens += sum(len(d) for d in docs)
        if not self.selective:
            self._run(docs, [n for n in self.nlp.pipe_names], batch_size)
            self.stats.parsed_docs += len(docs)
            self.stats.parsed_tokens += sum(len(d) for d in docs)
            return docs
        # A paragraph with a candidate trigger or a capitalised word after the first is analysed in full;
        # the others are first given the recogniser alone, and analysed in full if it finds a name.
        full_ids = {id(d) for d in docs if self.can_hold_event(d) or _capitalised(d)}
        rest = [d for d in docs if id(d) not in full_ids]
        self._run(rest, list(LIGHT_COMPONENTS), batch_size)
        named = [d for d in rest if self.names_something(d)]
        for d in named:
            d.set_ents([], default="missing")  # recognised again after the parse, as spaCy's pipeline does
        full_ids.update(id(d) for d in named)
        full = [d for d in docs if id(d) in full_ids]
        light = [d for d in rest if id(d) not in full_ids]
        self.stats.parsed_docs += len(full)
        self.stats.parsed_tokens += sum(len(d) for d in full)
        self._run(full, list(self.nlp.pipe_names), batch_size)
        self._run(light, ["sentencizer"], batch_size)
        return docs

    def _run(self, docs: list[Doc], names: list[str], batch_size: int) -> None:
        if not docs:
            return
        for name in names:
            start = self.clock() if self.clock else 0.0
            if name == "sentencizer":
                docs = list(self._sentencizer.pipe(docs, batch_size=batch_size))
            elif name == "attribute_ruler" and self._fast_ruler is not None:
                docs = [self._fast_ruler(d) for d in docs]
            elif name == "lemmatizer" and self._fast_lemmatizer is not None:
                docs = [self._fast_lemmatizer(d) for d in docs]
            else:
                proc = self.nlp.get_pipe(name)
                pipe = getattr(proc, "pipe", None)
                docs = list(pipe(docs, batch_size=batch_size)) if pipe else [proc(d) for d in docs]
            if self.clock:
                self.stats.seconds[name] = self.stats.seconds.get(name, 0.0) + self.clock() - start


def _capitalised(doc: Doc) -> bool:
    """A capitalised word after the first: a name, or a place name the geoparser may take."""
    return any(t.is_title or t.is_upper for t in doc[1:])


def _has_standard_layout(nlp: Language) -> bool:
    """The English CNN layout, with a recogniser that does not listen to the shared embedding layer."""
    if tuple(nlp.pipe_names) != STANDARD_LAYOUT:
        return False
    ner = nlp.get_pipe("ner")
    model = getattr(ner, "model", None)
    if model is None:
        return False
    return not any("listener" in node.name for node in model.walk())
