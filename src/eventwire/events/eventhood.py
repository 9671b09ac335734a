"""Whether what a trigger found is an act of one party on another at all.

A trigger with a doer can still tell no political event: an outbreak "kills" people, officials
"investigate cases" of a disease, a reporter "requests comment", tourists "visit" a country, an analyst
"warns" that a policy may fail. Each test here answers a class of such phrasings; `not_an_act` gives
the reason, or None when the event stands.
"""

from __future__ import annotations

from spacy.tokens import Token

from eventwire.events import lexicon as lx
from eventwire.events.lexicon import words
from eventwire.events.syntax import children, direct_object, lemma, prep_objects, subject
from eventwire.models import Entity

# What is not a party: diseases and what carries them, disasters, accidents.
NON_PARTIES = words(
    "outbreak virus viruses disease diseases epidemic pandemic flu influenza strain strains cholera ebola "
    "measles mpox infection infections illness illnesses case cases bacteria bacterium pathogen germ "
    "storm storms earthquake quake flood floods flooding floodwater floodwaters hurricane cyclone typhoon "
    "tornado tsunami wildfire wildfires bushfire bushfires blaze blazes lightning snow snowfall "
    "rain rains downpour hail wind winds heat cold frost drought famine landslide landslides mudslide "
    "avalanche accident crash collision derailment heatwave eruption volcano contamination symptom symptoms "
    "shark sharks crocodile crocodiles snake snakes bear bears elephant elephants wolf wolves"
)
# Doers that are no party though they may be an act's object ("opened fire on protesters").
_DISASTER_DOERS = NON_PARTIES | words("fire fires")
# Animals and things whose harm or restriction is no political act.
NON_HUMAN = words(
    "animal animals bird birds poultry chicken chickens duck ducks hog hogs pig pigs cattle cow cows "
    "sheep goat goats horse horses dog dogs cat cats fish swan swans geese goose turkey turkeys mosquito "
    "mosquitoes livestock herd herds flock flocks bat bats monkey monkeys feed feeds meat egg eggs tree "
    "trees crop crops virus bacteria weed weeds rat rats"
)
# Who kills in a road accident: "a drunk driver killed two pedestrians", "a bus hit a crowd".
_ROAD_AGENTS = words("driver motorist car truck lorry bus train vehicle crash collision")
# Subjects that measure something: "the number of refugees declined", "prices rose".
QUANTITIES = words(
    "number numbers population figure figures rate rates price prices level levels share total amount "
    "percentage proportion count index output production growth inflation value volume"
)
# Verbs that mean "decrease" when they take no object or complement ("the population declined").
_DECREASE_VERBS = words("decline drop fall")
# What a journalist asks for and is refused: "requests for comment", "declined to comment".
_PRESS_OBJECTS = words("comment comments interview interviews response responses")
# People who comment on events without acting in them (the guidelines: analysts act for nobody).
COMMENTATORS = words(
    "analyst analysts expert experts observer observers researcher researchers professor professors "
    "scholar scholars economist economists commentator commentators academic academics pundit pundits "
    "historian historians strategist strategists"
)
# Sectors of parties whose visits are private travel, not consultations.
_PRIVATE_SECTORS = frozenset({"CVL", "UNK", "REF", "EDU", "BUS", "MED", "HLH", "REL", "UAF", "CRM"})
_VERBAL = lx.VERBAL_TYPES | {lx.CONSULT}


def not_an_act(
    tok: Token, etype: str, actor_toks: list[Token], actors: list[Entity], recipients: list[Entity]
) -> str | None:
    """Why the trigger tells no political act, or None."""
    participants = _participants(tok, actor_toks)
    if any(lemma(t) in NON_PARTIES and not t.ent_type_ for t in participants):
        return "a disease or disaster takes part"
    doers = participants[:1] + [c for c in tok.children if c.dep_ == "nsubj" and c not in participants]
    if any(_names_a_disaster(t) for t in doers):
        return "a disaster is the doer"
    # Those it is done to: objects, and the subject of a passive ("the cow was destroyed").
    done_to = participants[1:] + [c for c in tok.children if c.dep_ == "nsubjpass"]
    if etype in (lx.ASSAULT, lx.COERCE, lx.AID) and any(lemma(t) in NON_HUMAN for t in done_to):
        return "done to animals or goods"
    if etype == lx.ASSAULT and any(lemma(t) in _ROAD_AGENTS for t in actor_toks):
        return "a road accident, not an attack"
    if any(lemma(t) in QUANTITIES for t in actor_toks):
        return "a quantity, not a party, is the subject"
    if lemma(tok) in _DECREASE_VERBS and not children(tok, "dobj", "xcomp", "ccomp", "nsubjpass"):
        return "a decrease, not a refusal"
    if etype == lx.THREATEN and any(lemma(o) in NON_PARTIES for o in prep_objects(tok, "about")):
        return "a warning about a disease or disaster, not a threat"
    if etype in (lx.REQUEST, lx.REJECT, lx.ACCUSE) and _press(tok):
        return "a journalist's request for comment"
    if etype == lx.CONSULT and _private(actors, recipients):
        return "private travel"
    if etype in _VERBAL and any(commentator(t) for t in actor_toks):
        return "a commentator's opinion"
    return None


def _participants(tok: Token, actor_toks: list[Token]) -> list[Token]:
    """The doer first, then what the act is done to: the object and the nominal's "of" phrase."""
    out = list(actor_toks)
    if not out:
        s = subject(tok)
        if s is not None:
            out.append(s)
    obj = direct_object(tok)
    if obj is not None:
        out.append(obj)
        out.extend(prep_objects(obj, "of"))

    out.extend(prep_objects(tok, "of"))
    return out


def _names_a_disaster(doer: Token) -> bool:
    """A doer whose own words name a disaster or an animal: "Cyclone Freddy", "a magnitude 6.8
    earthquake" (however the parser hung it), "a fire at a chemical plant"."""
    words_ = [doer, *(c for c in doer.children if c.dep_ in ("compound", "amod", "nmod", "appos", "nummod"))]
    words_ += [g for c in doer.children if c.dep_ in ("nummod", "appos") for g in c.children]
    return any(lemma(t) in _DISASTER_DOERS and t.pos_ in ("NOUN", "PROPN") for t in words_)


def _press(tok: Token) -> bool:
    heads = [tok, *children(tok, "xcomp"), *children(tok, "dobj")]
    for h in heads:
        if lemma(h) in _PRESS_OBJECTS:
            return True
        obj = direct_object(h)
        if obj is not None and lemma(obj) in _PRESS_OBJECTS:
            return True
        if any(lemma(o) in _PRESS_OBJECTS for o in prep_objects(h, "for")):
            return True
    return False


def _private(actors: list[Entity], recipients: list[Entity]) -> bool:
    """Nobody on either side acts for a state or an organisation: tourists, residents, patients."""
    people = [p for e in actors for p in e.flat()]
    parties = [p for e in recipients for p in e.flat() if p.sector]
    # A doer the text only describes ("hundreds of inmates") acts for no one we know of.
    acting = [p for p in people if p.name or p.country or p.sector]
    if not people or any(p.sector not in _PRIVATE_SECTORS for p in acting):
        return False  # someone acts for a state or an organisation, or we do not know who they are
    return not any(p.sector not in _PRIVATE_SECTORS for p in parties)


def commentator(tok: Token) -> bool:
    """A commentator: an analyst, an expert, a professor (or one described as such)."""
    heads = [tok, *children(tok, "appos")]
    return any(lemma(h) in COMMENTATORS for h in heads)
