"""The trigger lexicon: which words, in which constructions, express which PLOVER event.

Written from the PLOVER manual's category definitions and the CAMEO-to-PLOVER table
(`reference/plover/`), for the common phrasings of news English. A sense may require a direct object
head, a particle or a preposition; the most specific sense that fits wins.

Verbs are keyed by lemma. Nouns are event nominals ("talks", "an attack on"), coded when the text gives
them a participant: a possessive or demonym ("Russia's attack", "US threats"), a "by" agent, or the
subject of a light verb ("held talks", "launched strikes", "staged a protest").
"""

from __future__ import annotations

from dataclasses import dataclass

AGREE, CONSULT, SUPPORT, CONCEDE = "AGREE", "CONSULT", "SUPPORT", "CONCEDE"
COOPERATE, AID, RETREAT = "COOPERATE", "AID", "RETREAT"
REQUEST, ACCUSE, REJECT, THREATEN = "REQUEST", "ACCUSE", "REJECT", "THREATEN"
PROTEST, SANCTION, MOBILIZE, COERCE, ASSAULT = "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT"

EVENT_TYPES = (
    AGREE,
    CONSULT,
    SUPPORT,
    CONCEDE,
    COOPERATE,
    AID,
    RETREAT,
    REQUEST,
    ACCUSE,
    REJECT,
    THREATEN,
    PROTEST,
    SANCTION,
    MOBILIZE,
    COERCE,
    ASSAULT,
)
QUAD_CLASS = {
    AGREE: "verbal_cooperation",
    CONSULT: "verbal_cooperation",
    SUPPORT: "verbal_cooperation",
    CONCEDE: "verbal_cooperation",
    COOPERATE: "material_cooperation",
    AID: "material_cooperation",
    RETREAT: "material_cooperation",
    REQUEST: "verbal_conflict",
    ACCUSE: "verbal_conflict",
    REJECT: "verbal_conflict",
    THREATEN: "verbal_conflict",
    PROTEST: "material_conflict",
    SANCTION: "material_conflict",
    MOBILIZE: "material_conflict",
    COERCE: "material_conflict",
    ASSAULT: "material_conflict",
}
# Types whose complement clause is the content of a statement, not a separate happening:
# "threatened to attack", "agreed to meet", "accused X of killing", "demanded the release of".
VERBAL_TYPES = frozenset({AGREE, SUPPORT, CONCEDE, REQUEST, ACCUSE, REJECT, THREATEN})
COOPERATIVE_TYPES = frozenset({CONSULT, SUPPORT, COOPERATE, AID})


@dataclass(frozen=True)
class Sense:
    type: str
    mode: str | None = None
    context: tuple[str, ...] = ()
    obj: frozenset[str] | None = None  # the direct object's head lemma must be one of these
    prep: str | None = None  # a child preposition that must be present ("call for", "call on")
    prt: str | None = None  # a particle that must be present ("step down", "pull out")
    # Where the recipient is read from, in order: "dobj", "dative", a preposition name, "xcomp_subj".
    recipient: tuple[str, ...] = ("dobj", "dative", "with", "to", "against", "on")
    # A noun object that names the event's content and makes it a light-verb construction.
    light: bool = False
    # Fires only when the verb has no direct object ("protesters rallied", not "rallied support").
    no_object: bool = False
    # A direct object, when there is one, must name a party ("released ten prisoners", not "a report").
    party_object: bool = False
    # The object is the event noun and the verb says how it was made: "offered support" is SUPPORT.
    weight: float = 0.8
    # Where the sense comes from: "hand" (this file), "generated" (CAMEO/VerbNet) or "learned".
    source: str = "hand"

    @property
    def specificity(self) -> int:
        return (self.obj is not None) + (self.prep is not None) + (self.prt is not None) * 2


def words(*texts: str) -> frozenset[str]:
    """A word set written as space-separated strings."""
    return frozenset(w for t in texts for w in t.split())


_s = words


# Object nouns that several senses share.
TALK_NOUNS = _s(
    "talk talks meeting meetings negotiation negotiations discussion discussions consultation "
    "consultations summit conference dialogue session round"
)
TIES = _s(
    "tie ties relation relations relationship fellowship friendship partnership cooperation "
    "alliance bond bonds contact contacts dialogue understanding"
)
AID_NOUNS = _s(
    "aid assistance help relief supply supplies loan loans grant grants credit credits money "
    "fund funds funding donation donations weapon weapons arm arms ammunition equipment food "
    "medicine medicines vaccine vaccines shelter asylum troops support backing"
)
MATERIAL_AID = AID_NOUNS - _s("support backing") | _s(
    "dollar dollars euro euros pound pounds yen million millions billion billions goods tent tents blanket "
    "blankets fuel grain wheat rice equipment"
)
DEAL_NOUNS = _s(
    "agreement agreements deal deals accord accords pact pacts treaty treaties protocol "
    "memorandum contract contracts charter declaration communique"
)
PRISONER_NOUNS = _s(
    "prisoner prisoners hostage hostages detainee detainees captive captives soldier "
    "soldiers activist activists journalist journalists dissident dissidents sailor "
    "sailors fisherman fishermen inmate inmates"
)
SANCTION_NOUNS = _s("sanction sanctions embargo embargoes boycott tariff tariffs levy levies duty duties")
RESTRICTION_NOUNS = _s("restriction restrictions ban bans curb curbs limit limits control controls")
FORCE_NOUNS = _s(
    "troop troops force forces soldier soldiers army military unit units battalion "
    "battalions division brigade warship warships ship ships tank tanks jet jets aircraft "
    "missile missiles police reinforcements personnel peacekeeper peacekeepers"
)
ATTACK_NOUNS = _s(
    "attack attacks assault offensive strike strikes airstrike airstrikes raid raids "
    "bombing bombings invasion incursion war fire barrage "
    "ambush shelling"
)
PROTEST_NOUNS = _s(
    "protest protests demonstration demonstrations rally rallies march marches strike "
    "strikes sit-in walkout boycott riot riots vigil"
)
INVESTIGATION_NOUNS = _s("investigation investigations probe inquiry inquiries review audit")
ACCUSATION_NOUNS = _s(
    "accusation accusations allegation allegations charge charges criticism complaint complaints lawsuit suit"
)
THREAT_NOUNS = _s("threat threats ultimatum warning warnings")
DEMAND_NOUNS = _s("demand demands call calls appeal appeals request requests")
STATUS_NOUNS = _s("curfew emergency law")


VERBS: dict[str, tuple[Sense, ...]] = {}
NOUNS: dict[str, tuple[Sense, ...]] = {}


def _verb(lemmas: str, *senses: Sense) -> None:
    for lemma in lemmas.split():
        lemma = lemma.replace("_", " ")
        VERBS[lemma] = VERBS.get(lemma, ()) + senses


def _noun(lemmas: str, *senses: Sense) -> None:
    for lemma in lemmas.split():
        NOUNS[lemma.replace("_", " ")] = NOUNS.get(lemma, ()) + senses


# ---- AGREE: agree to, offer, promise, commit to cooperate -----------------------------------------
_verb("agree", Sense(AGREE, context=("diplomatic",)))
_verb("promise pledge vow commit", Sense(AGREE, weight=0.7))
_verb(
    "offer",
    Sense(SUPPORT, obj=_s("support backing solidarity condolence condolences"), recipient=("to", "dative")),
    Sense(AGREE, weight=0.7),
)
_verb("propose", Sense(AGREE, weight=0.6))
_verb(
    "accept",
    Sense(AGREE, obj=DEAL_NOUNS | _s("offer proposal plan invitation terms mediation formula proposals")),
    Sense(
        AID,
        mode=None,
        obj=_s("refugee refugees migrant migrants asylum-seekers seekers"),
        context=("asylum",),
    ),
)
_verb("reach conclude", Sense(AGREE, obj=DEAL_NOUNS | _s("consensus compromise settlement understanding")))
_verb("sign ink", Sense(SUPPORT, obj=DEAL_NOUNS, context=("diplomatic",), recipient=("with",)))
_verb("ratify endorse", Sense(SUPPORT, obj=DEAL_NOUNS), Sense(SUPPORT, weight=0.7))
_verb("invite", Sense(AGREE, mode=None, context=("diplomatic",), recipient=("dobj",)))
_verb("mediate broker", Sense(CONSULT, mode="third-party", context=("diplomatic",)))

# ---- CONSULT: meetings, talks, visits, calls ------------------------------------------------------
_verb("meet", Sense(CONSULT, recipient=("dobj", "with")))
_verb("visit", Sense(CONSULT, mode="visit", recipient=("dobj",)))
_verb("host", Sense(CONSULT, mode="visit", recipient=("dobj",)), Sense(CONSULT, obj=TALK_NOUNS))
_verb(
    "receive",
    Sense(
        CONSULT,
        obj=_s("delegation envoy minister president visitor visitors counterpart"),
        recipient=("dobj",),
    ),
    Sense(
        RETREAT,
        mode="access",
        obj=_s("observer observers inspector inspectors monitor monitors mission"),
        recipient=("from",),
    ),
)
_verb("discuss", Sense(CONSULT, recipient=("with",), weight=0.75))
_verb("negotiate", Sense(CONSULT, context=("diplomatic",), recipient=("with",)))
_verb("consult confer", Sense(CONSULT, recipient=("dobj", "with")))
_verb("talk", Sense(CONSULT, prep="with", recipient=("with",), weight=0.6))
_verb("consent acquiesce", Sense(AGREE, recipient=("to",), weight=0.7))
_verb("telephone phone", Sense(CONSULT, mode="phone", recipient=("dobj",)))
_verb(
    "call",
    Sense(REQUEST, prep="for", recipient=("on",)),
    Sense(REQUEST, prep="on", recipient=("on",)),
    Sense(REJECT, prt="off", mode="meet"),
    Sense(CONCEDE, prt="off", obj=PROTEST_NOUNS),
)
_verb(
    "hold",
    Sense(
        COERCE,
        mode="arrest",
        obj=PRISONER_NOUNS
        | _s("refugee refugees civilian civilians people villager villagers worker workers tourist tourists"),
        recipient=("dobj",),
        weight=0.6,
    ),
    Sense(CONSULT, obj=TALK_NOUNS, light=True, recipient=("with",)),
    Sense(PROTEST, obj=PROTEST_NOUNS, light=True),
    Sense(MOBILIZE, obj=_s("exercise exercises drill drills maneuver maneuvers manoeuvres"), light=True),
)
_verb("attend", Sense(CONSULT, obj=TALK_NOUNS, weight=0.6))
_verb("travel fly", Sense(CONSULT, mode="visit", prep="to", recipient=("to",), weight=0.6))

# ---- SUPPORT: praise, back, endorse, improve ties -------------------------------------------------
_verb("support back", Sense(SUPPORT, recipient=("dobj",)))
_verb("side", Sense(SUPPORT, prep="with", recipient=("with",)))
_verb("relent retract", Sense(CONCEDE, weight=0.6))
_verb("back", Sense(CONCEDE, prt="down", weight=0.6))
_verb("give", Sense(CONCEDE, prt="in", weight=0.6))
_verb(
    "praise commend hail laud applaud welcome congratulate thank salute", Sense(SUPPORT, recipient=("dobj",))
)
_verb(
    "deepen strengthen improve expand boost bolster enhance restore normalize normalise upgrade cement forge",
    Sense(SUPPORT, obj=TIES, context=("diplomatic",), recipient=("with", "between")),
)
_verb("establish resume", Sense(SUPPORT, obj=TIES, context=("diplomatic",), recipient=("with",)))
_verb(
    "recognize recognise",
    Sense(SUPPORT, obj=_s("independence government state sovereignty"), context=("diplomatic",)),
)
_verb(
    "express voice reiterate reaffirm pledge",
    Sense(SUPPORT, obj=_s("support solidarity backing confidence"), recipient=("for", "to", "with")),
)
_verb("defend", Sense(SUPPORT, weight=0.6))

# ---- CONCEDE: verbal concessions ------------------------------------------------------------------
_verb("apologize apologise", Sense(SUPPORT, recipient=("to",)))
_verb("pardon", Sense(CONCEDE, context=("legal",)))
_verb("concede yield", Sense(CONCEDE))
_verb("acquit", Sense(CONCEDE, context=("legal",)))
_verb("declare announce", Sense(CONCEDE, obj=_s("ceasefire truce amnesty"), mode="ceasefire"))
_verb(
    "grant",
    Sense(CONCEDE, obj=_s("amnesty pardon autonomy independence concession concessions")),
    Sense(AID, obj=_s("asylum"), context=("asylum",)),
    Sense(AID, obj=MATERIAL_AID, recipient=("dative", "to")),
)
_verb(
    "drop abandon",
    Sense(
        CONCEDE,
        obj=_s("demand demands claim claims charge charges opposition objection objections plan plans"),
    ),
)

# ---- COOPERATE: mutual material cooperation -------------------------------------------------------
_verb("cooperate collaborate", Sense(COOPERATE, recipient=("with",)))
_verb("coordinate partner", Sense(COOPERATE, prep="with", recipient=("with",), weight=0.6))
_verb("contribute", Sense(AID, obj=MATERIAL_AID, recipient=("to",), weight=0.6))
_verb(
    "hand",
    Sense(RETREAT, mode="release", prt="over", obj=PRISONER_NOUNS, recipient=("to",)),
    Sense(
        RETREAT,
        mode="withdraw",
        prt="over",
        obj=_s("territory control town city region weapons arms"),
        recipient=("to",),
    ),
)
_verb(
    "return",
    Sense(RETREAT, mode="release", obj=PRISONER_NOUNS | _s("remains bodies"), recipient=("to",)),
    Sense(
        RETREAT,
        mode="withdraw",
        obj=_s("territory land lands property island islands town"),
        recipient=("to",),
    ),
)
_verb(
    "share exchange",
    Sense(
        COOPERATE,
        obj=_s("intelligence information evidence data technology expertise prisoner prisoners"),
        recipient=("with",),
    ),
)
_verb("extradite", Sense(COOPERATE, context=("legal",), recipient=("to",)))
_verb("trade", Sense(COOPERATE, recipient=("with",), context=("economic",), weight=0.6))

# ---- AID: material aid to the recipient -----------------------------------------------------------
_verb(
    "provide give send deliver donate supply ship airlift transfer allocate",
    Sense(AID, obj=MATERIAL_AID, recipient=("dative", "to", "for")),
)
_verb("donate", Sense(AID, recipient=("dative", "to", "for")))
_verb("supply arm", Sense(AID, recipient=("dative", "to", "dobj"), weight=0.7))
_verb("aid assist", Sense(AID, recipient=("dobj",), weight=0.7))
_verb("rescue", Sense(AID, weight=0.6))
_verb(
    "lend loan fund finance",
    Sense(AID, recipient=("dative", "to", "dobj"), context=("economic",), weight=0.7),
)
_verb("swear sworn swore", Sense(AGREE, weight=0.6))
_verb("prepare", Sense(MOBILIZE, mode="troops", obj=FORCE_NOUNS))
_verb(
    "forgive", Sense(AID, obj=_s("debt debts loan loans"), context=("economic",)), Sense(SUPPORT, weight=0.6)
)

# ---- RETREAT: material de-escalation --------------------------------------------------------------
_verb(
    "withdraw",
    Sense(RETREAT, mode="withdraw", obj=FORCE_NOUNS, recipient=("from",)),
    Sense(SANCTION, mode="withdraw", prep="from", recipient=("from",)),
    Sense(
        SANCTION,
        mode="withdraw",
        obj=_s("ambassador envoy diplomats aid support funding recognition"),
        recipient=("from",),
    ),
    Sense(RETREAT, mode="withdraw", weight=0.6),
)
_verb(
    "pull",
    Sense(RETREAT, mode="withdraw", prt="out", recipient=("of", "from")),
    Sense(RETREAT, mode="withdraw", prt="back"),
)
_verb("retreat", Sense(RETREAT, mode="withdraw", recipient=("from",)))
_verb(
    "evacuate",
    Sense(
        AID,
        obj=_s(
            "people residents civilians villagers citizens nationals tourists workers families "
            "thousands hundreds children patients"
        ),
        recipient=("dobj",),
        context=("human_security",),
    ),
    Sense(RETREAT, mode="withdraw", obj=FORCE_NOUNS | _s("embassy staff diplomats base bases")),
    Sense(RETREAT, mode="withdraw", no_object=True, recipient=("from",)),
)
_verb(
    "release free",
    Sense(RETREAT, mode="release", obj=PRISONER_NOUNS, recipient=("dobj", "to")),
    Sense(RETREAT, mode="release", weight=0.6, party_object=True),
)
_verb("repatriate", Sense(RETREAT, mode="release"))
_verb("resign quit", Sense(RETREAT, mode="resign"))
_verb("step", Sense(RETREAT, mode="resign", prt="down"))
_verb("disarm demobilize demobilise surrender", Sense(RETREAT, mode="disarm"))
# Easing sanctions is a material retreat; easing curfews, bans and emergency rule a concession (the
# PLOVER gold records code the latter CONCEDE, as the manual's "removing curfews").
_verb(
    "lift ease end relax suspend scrap remove",
    Sense(RETREAT, obj=SANCTION_NOUNS, recipient=("on", "against")),
    Sense(CONCEDE, obj=RESTRICTION_NOUNS | STATUS_NOUNS | _s("measures measure rule"), recipient=("on",)),
)
_verb(
    "shorten cancel repeal revoke rescind",
    Sense(CONCEDE, obj=RESTRICTION_NOUNS | STATUS_NOUNS | _s("measures measure rule sentence sentences")),
)
_verb(
    "allow permit admit",
    Sense(
        RETREAT,
        mode="access",
        obj=_s(
            "inspector inspectors observer observers "
            "monitor monitors peacekeeper peacekeepers aid "
            "access convoy convoys worker workers"
        ),
    ),
)
_verb("observe respect", Sense(RETREAT, mode="ceasefire", obj=_s("ceasefire truce")))

# ---- REQUEST: requests, demands, orders -----------------------------------------------------------
_verb(
    "demand urge request implore beg exhort",
    Sense(REQUEST, recipient=("dobj", "ccomp_subj", "of", "from", "to", "on")),
)
_verb("ask", Sense(REQUEST, recipient=("dobj", "of")))
_verb("appeal", Sense(REQUEST, recipient=("to",)))
_verb("press pressure", Sense(REQUEST, recipient=("dobj",), weight=0.6))
_verb("push lobby", Sense(REQUEST, prep="for", recipient=("dobj", "for"), weight=0.6))
_verb(
    "seek",
    Sense(
        REQUEST,
        obj=MATERIAL_AID
        | _s(
            "help support release talks meeting ceasefire extradition return withdrawal clarification refuge "
            "investigation investigations inquiry probe explanation apology justice accountability"
        ),
        recipient=("from",),
        weight=0.7,
    ),
)
_verb("order", Sense(REQUEST, recipient=("dobj",), weight=0.6))
_verb("force compel", Sense(COERCE, mode="restrict", recipient=("dobj",), weight=0.6))

# ---- ACCUSE: disapprove, allege, investigate ------------------------------------------------------
_verb("accuse blame charge indict", Sense(ACCUSE, mode="allege", recipient=("dobj",)))
_verb("allege", Sense(ACCUSE, mode="allege"))
_verb("sue", Sense(ACCUSE, mode="allege", context=("legal",), recipient=("dobj",)))
_verb(
    "criticize criticise condemn denounce decry deplore censure rebuke slam lambast blast assail "
    "castigate chastise scold reproach fault",
    Sense(ACCUSE, mode="disapprove", recipient=("dobj",)),
)
_verb("complain", Sense(ACCUSE, mode="disapprove", recipient=("about", "over", "against", "to")))
_verb("investigate probe examine", Sense(ACCUSE, mode="investigate", recipient=("dobj",), weight=0.7))
_verb(
    "summon",
    Sense(ACCUSE, mode="disapprove", obj=_s("ambassador envoy diplomat charge"), recipient=("dobj",)),
)
_verb("object", Sense(ACCUSE, mode="disapprove", prep="to", recipient=("to",)))
_verb("oppose", Sense(REJECT, recipient=("dobj", "to"), weight=0.6))
_verb("renege", Sense(REJECT, recipient=("on",)))

# ---- REJECT: rejections and refusals --------------------------------------------------------------
_verb(
    "reject refuse decline rebuff spurn dismiss repudiate veto deny",
    Sense(REJECT, recipient=("poss", "dobj")),
)
_verb("turn", Sense(REJECT, prt="down"))
_verb("rule", Sense(REJECT, prt="out"))
_verb(
    "block thwart",
    Sense(
        REJECT,
        obj=_s(
            "resolution resolutions bill bills deal deals measure measures proposal "
            "proposals plan plans agreement accession membership bid"
        ),
        recipient=("poss", "dobj"),
    ),
)
_verb("walk", Sense(REJECT, mode="meet", prt="out", recipient=("of",), weight=0.6))
_verb("cancel postpone", Sense(REJECT, obj=TALK_NOUNS | _s("visit trip"), mode="meet"))
_verb("defy", Sense(REJECT, mode="yield", recipient=("dobj",)))
_verb("boycott", Sense(PROTEST, mode="boycott", recipient=("dobj",)))

# ---- THREATEN -------------------------------------------------------------------------------------
_verb("threaten", Sense(THREATEN, recipient=("dobj", "with", "xcomp_obj", "ccomp_subj")))
_verb("warn", Sense(THREATEN, recipient=("dobj", "ccomp_subj", "against")))
_verb("issue deliver", Sense(THREATEN, obj=_s("ultimatum threat threats warning"), light=True))
# A protest lodged, filed or delivered is a diplomatic complaint (ACCUSE), not a street protest.
_verb(
    "lodge file issue deliver register send",
    Sense(
        ACCUSE,
        mode="disapprove",
        obj=_s("protest protests complaint complaints"),
        light=True,
        recipient=("with", "to"),
    ),
)

# ---- PROTEST --------------------------------------------------------------------------------------
_verb("protest", Sense(PROTEST, mode="demo", recipient=("against", "outside", "at")))
_verb(
    "demonstrate rally", Sense(PROTEST, mode="demo", no_object=True, recipient=("against", "outside", "at"))
)
_verb("rally", Sense(SUPPORT, obj=_s("support backing"), recipient=("behind", "for")))
_verb(
    "plead",
    Sense(REQUEST, prep="for", recipient=("with", "to")),
    Sense(REQUEST, prep="with", recipient=("with",)),
)
_verb("insist", Sense(REQUEST, prep="on", recipient=("ccomp_subj",), weight=0.5))
_verb("march", Sense(PROTEST, mode="demo", recipient=("on", "against"), weight=0.6))
# Crowd-control weapons used on people: "used tear gas to disperse", "used water cannon on protesters".
_verb(
    "use deploy",
    Sense(
        ASSAULT,
        mode="crowd-control",
        obj=_s("gas teargas cannon cannons bullet bullets grenade grenades baton batons"),
        recipient=("on", "against"),
    ),
)
_verb("disperse", Sense(COERCE, mode="restrict", recipient=("dobj",), party_object=True))
# Silencing the press: "suspended the broadcasts of two French outlets", "blocked the website".
_verb(
    "suspend ban block shut close censor",
    Sense(
        COERCE,
        mode="censor",
        obj=_s(
            "broadcast broadcasts publication publications newspaper newspapers website websites channel "
            "channels station stations outlet outlets broadcaster broadcasters"
        ),
        recipient=("dobj", "of"),
    ),
)
_verb("riot", Sense(PROTEST, mode="riot"))
_verb("strike", Sense(PROTEST, mode="strike", prep="for", weight=0.5))
_verb("picket", Sense(PROTEST, mode="demo"))
_verb(
    "block blockade barricade",
    Sense(
        PROTEST,
        mode="obstruct",
        obj=_s(
            "road roads highway highways street streets entrance access bridge bridges traffic transport "
            "route routes railway railways border crossing port"
        ),
    ),
)
_verb("stage organize organise lead", Sense(PROTEST, obj=PROTEST_NOUNS, light=True))
_verb("shun boycott", Sense(PROTEST, mode="strike", obj=_s("work classes class jobs")))
_verb("blockade", Sense(PROTEST, mode="obstruct", recipient=("dobj",), weight=0.6))

# ---- SANCTION -------------------------------------------------------------------------------------
_verb("sanction embargo", Sense(SANCTION, mode="discontinue", recipient=("dobj",)))
_verb(
    "impose slap",
    Sense(SANCTION, mode="discontinue", obj=SANCTION_NOUNS, recipient=("on", "against")),
    Sense(COERCE, mode="curfew", obj=_s("curfew")),
    Sense(COERCE, mode="martial-law", obj=_s("law emergency")),
    Sense(COERCE, mode="restrict", obj=RESTRICTION_NOUNS, recipient=("on",)),
)
_verb(
    "expel",
    Sense(
        SANCTION,
        mode="expel",
        obj=_s(
            "ambassador ambassadors diplomat diplomats envoy envoys attache attaches inspector inspectors "
            "monitor monitors observer observers peacekeeper peacekeepers"
        ),
        recipient=("dobj",),
    ),
    Sense(COERCE, mode="deport", recipient=("dobj",)),
)
_verb("recall", Sense(SANCTION, mode="withdraw", obj=_s("ambassador envoy diplomats")))
_verb(
    "sever cut break downgrade freeze",
    Sense(SANCTION, mode="discontinue", obj=TIES | _s("aid assistance funding asset assets")),
)
_verb(
    "suspend halt stop",
    Sense(
        SANCTION,
        mode="discontinue",
        obj=TIES
        | TALK_NOUNS
        | MATERIAL_AID
        | _s("cooperation trade import imports export exports membership flight flights program programme"),
    ),
)
_verb("convict sentence", Sense(SANCTION, mode="convict", context=("legal",), recipient=("dobj",)))

# ---- MOBILIZE -------------------------------------------------------------------------------------
_verb(
    "mobilize mobilise deploy mass station amass",
    Sense(
        MOBILIZE,
        mode="troops",
        obj=FORCE_NOUNS | _s("reservist reservists reserves weapons"),
        recipient=("to", "near", "against"),
    ),
    Sense(MOBILIZE, mode="troops", no_object=True, recipient=("to", "near", "against")),
)
_verb("send dispatch move", Sense(MOBILIZE, mode="troops", obj=FORCE_NOUNS, recipient=("to", "against")))
_verb("reinforce", Sense(MOBILIZE, mode="troops"))
_verb("call", Sense(MOBILIZE, mode="troops", prt="up", obj=FORCE_NOUNS | _s("reservist reservists reserves")))
_verb(
    "strengthen boost bolster increase expand beef",
    Sense(MOBILIZE, mode="troops", obj=FORCE_NOUNS | _s("presence deployment patrols garrison")),
)
_verb(
    "conduct carry",
    Sense(MOBILIZE, obj=_s("exercise exercises drill drills maneuver maneuvers manoeuvres"), light=True),
)
_verb(
    "test test-fire launch fire",
    Sense(MOBILIZE, mode="weapons", obj=_s("missile missiles rocket rockets weapon weapons bomb")),
)

# Raising a punitive measure is imposing it: "doubled the tariff on", "expanded sanctions against",
# "hiked duties on"; delaying or exempting one eases it.
_verb(
    "double triple raise increase boost hike expand extend tighten add widen broaden escalate",
    Sense(SANCTION, mode="discontinue", obj=SANCTION_NOUNS, recipient=("on", "against")),
)
_verb(
    "delay postpone pause exempt waive cut lower reduce drop",
    Sense(CONCEDE, obj=SANCTION_NOUNS, recipient=("on", "against")),
)

# Sending people who help is aid: "sent a team of surgeons", "dispatched volunteers", "deployed medics".
_verb(
    "send dispatch deploy fly",
    Sense(
        AID,
        obj=_s(
            "doctor doctors surgeon surgeons medic medics nurse nurses paramedic paramedics volunteer "
            "volunteers rescuer rescuers firefighter firefighters aid-worker aid-workers epidemiologist "
            "epidemiologists"
        ),
        recipient=("to",),
    ),
)

# ---- COERCE ---------------------------------------------------------------------------------------
# Cyber attacks: "hackers defaced 3,000 websites", "hacked the ministry's servers".
_verb("hack deface", Sense(COERCE, mode="cyber", context=("cyber",), recipient=("dobj",)))
_noun(
    "cyberattack cyberattacks cyber-attack cyber-attacks hacking",
    Sense(COERCE, mode="cyber", context=("cyber",)),
)
_verb("arrest detain jail imprison apprehend intern", Sense(COERCE, mode="arrest", recipient=("dobj",)))
_verb("seize confiscate impound", Sense(COERCE, mode="seize", recipient=("dobj", "from")))
_verb("raid", Sense(COERCE, mode="seize", recipient=("dobj",), weight=0.6))
_verb("deport", Sense(COERCE, mode="deport", recipient=("dobj",)))
_verb(
    "ban outlaw prohibit bar",
    Sense(COERCE, mode="restrict", recipient=("dobj",), weight=0.7),
    Sense(
        SANCTION,
        mode="discontinue",
        obj=MATERIAL_AID | _s("trade import imports export exports flight flights investment investments"),
        recipient=("to", "from"),
    ),
)
_verb("censor", Sense(COERCE, mode="censor", recipient=("dobj",)))
_verb("crack", Sense(COERCE, mode="restrict", prt="down", recipient=("on",)))
_verb("evict", Sense(COERCE, mode="deport", recipient=("dobj",)))
_verb(
    "shut close",
    Sense(
        COERCE,
        mode="censor",
        obj=_s(
            "newspaper newspapers paper station stations website websites channel "
            "channels outlet outlets broadcaster magazine"
        ),
    ),
    Sense(SANCTION, mode="withdraw", obj=_s("embassy embassies consulate consulates mission")),
    Sense(COERCE, mode="restrict", obj=_s("border borders crossing crossings airspace")),
)
_verb("occupy annex", Sense(COERCE, mode="seize", context=("territory",), recipient=("dobj",)))
_verb("hack", Sense(COERCE, mode="cyber", context=("cyber",), recipient=("dobj", "into")))
_verb("deface", Sense(COERCE, mode="cyber", context=("cyber",), recipient=("dobj",)))
_verb("reimpose", Sense(COERCE, mode="restrict", recipient=("on", "in")))
_verb("restrict", Sense(COERCE, mode="restrict", recipient=("dobj",), weight=0.6))

# ---- ASSAULT --------------------------------------------------------------------------------------
_verb("attack assault strike hit target", Sense(ASSAULT, recipient=("dobj", "on")))
_verb(
    "kill murder slay slaughter massacre execute behead", Sense(ASSAULT, mode="targeted", recipient=("dobj",))
)
_verb("assassinate", Sense(ASSAULT, mode="targeted", recipient=("dobj",)))
_verb("shoot gun", Sense(ASSAULT, mode="firearms", recipient=("dobj", "at")))
_verb(
    "fire",
    Sense(ASSAULT, mode="firearms", prep="on", recipient=("on", "at")),
    Sense(ASSAULT, mode="firearms", prep="at", recipient=("at",)),
    Sense(
        ASSAULT,
        mode="heavy-weapons",
        obj=_s("missile missiles rocket rockets shell shells mortar mortars"),
        recipient=("at", "on", "into"),
    ),
)
_verb("bomb shell bombard blast", Sense(ASSAULT, mode="explosives", recipient=("dobj",)))
# Weapons fired at a target are an attack, not a deployment: "fired missiles at a ship", "fired rockets
# into Israel", "fired tear gas at protesters" (crowd-control weapons).
_verb(
    "fire launch lob hurl",
    *(
        Sense(
            ASSAULT,
            mode="heavy-weapons",
            obj=_s("missile missiles rocket rockets shell shells mortar mortars"),
            prep=p,
        )
        for p in ("at", "into", "toward", "towards")
    ),
    *(
        Sense(
            ASSAULT,
            mode="crowd-control",
            obj=_s("gas teargas bullet bullets cannon cannons canister canisters grenade grenades pellets"),
            prep=p,
            recipient=(p,),
        )
        for p in ("at", "into", "toward", "towards")
    ),
    Sense(ASSAULT, mode="crowd-control", obj=_s("gas teargas"), recipient=("at", "on", "into")),
    Sense(ASSAULT, mode="explosives", obj=_s("grenade grenades bomb bombs"), recipient=("at", "into", "on")),
)
# Suicide attacks: "blew himself up", "blew themselves up".
_verb(
    "blow",
    Sense(ASSAULT, mode="suicide-attack", prt="up", obj=_s("himself herself themselves")),
)
# Hostage taking: "took 100 passengers hostage", "are holding 200 hostages". It comes before the verbs'
# other senses with an object (holding prisoners is detention): the first of equally specific senses wins.
for _lemma in ("take", "hold", "seize"):
    VERBS[_lemma] = (
        Sense(ASSAULT, mode="abduct", obj=_s("hostage hostages captive captives")),
        *VERBS.get(_lemma, ()),
    )
_verb("invade", Sense(ASSAULT, context=("military", "territory"), recipient=("dobj",)))
_verb("ambush", Sense(ASSAULT, recipient=("dobj",)))
_verb("abduct kidnap hijack", Sense(ASSAULT, mode="abduct", recipient=("dobj",)))
_verb("lynch", Sense(ASSAULT, mode="targeted", recipient=("dobj",)))
_verb("gun", Sense(ASSAULT, mode="firearms", prt="down", recipient=("dobj",)))
_verb("torture", Sense(ASSAULT, mode="torture", recipient=("dobj",)))
_verb("rape", Sense(ASSAULT, mode="sexual", recipient=("dobj",)))
_verb("beat", Sense(ASSAULT, mode="beat", recipient=("dobj",), weight=0.6))
_verb("stab", Sense(ASSAULT, mode="primitive", recipient=("dobj",)))
_verb("clash fight battle", Sense(ASSAULT, recipient=("with", "against", "dobj")))
_verb("wound injure", Sense(ASSAULT, recipient=("dobj",), weight=0.6))
# Destroying property is coded COERCE 'destroy', as the PLOVER gold records do; violence against people
# stays ASSAULT.
_verb("burn torch", Sense(COERCE, mode="destroy", recipient=("dobj",), weight=0.6))
_verb("destroy demolish raze bulldoze", Sense(COERCE, mode="destroy", recipient=("dobj",), weight=0.6))
_verb("blow", Sense(COERCE, mode="destroy", prt="up", recipient=("dobj",)))
_verb(
    "launch carry mount wage",
    Sense(ASSAULT, obj=ATTACK_NOUNS, light=True, recipient=("on", "against")),
    Sense(ACCUSE, mode="investigate", obj=INVESTIGATION_NOUNS, light=True, recipient=("into",)),
    Sense(CONSULT, obj=TALK_NOUNS, light=True, recipient=("with",)),
    Sense(PROTEST, obj=PROTEST_NOUNS, light=True),
)
_verb(
    "open",
    Sense(ASSAULT, mode="firearms", obj=_s("fire"), recipient=("on",)),
    Sense(ACCUSE, mode="investigate", obj=INVESTIGATION_NOUNS, light=True, recipient=("into",)),
    Sense(CONSULT, obj=TALK_NOUNS, light=True, recipient=("with",)),
)
_verb("set", Sense(COERCE, mode="destroy", obj=_s("fire"), recipient=("to",)))

# ---- light verbs: the object noun names the event -------------------------------------------------
# (their own senses above cover the specific objects; these make "X made/took/had Y" read the noun)
LIGHT_VERBS = _s(
    "hold make take have give pay conduct carry launch stage mount wage begin start resume open "
    "level lodge file issue express voice extend deliver impose announce order step intensify "
    "continue hold join lead organize organise renew reopen undertake accept"
)
# Verbs under which an event noun is only the topic, never a happening of its own.
TOPIC_VERBS = _s(
    "say tell report announce cite call describe discuss consider plan prepare propose expect fear deny raise"
)

# ---- adjectives: stances that are acts -------------------------------------------------------------
ADJECTIVES: dict[str, Sense] = {
    "opposed": Sense(REJECT, recipient=("to",)),
    "ready": Sense(AGREE, recipient=("xcomp_obj", "to"), weight=0.6),
    "willing": Sense(AGREE, recipient=("xcomp_obj", "to"), weight=0.6),
    "prepared": Sense(AGREE, recipient=("xcomp_obj", "to"), weight=0.6),
    "unwilling": Sense(REJECT, recipient=("xcomp_obj",), weight=0.6),
    "critical": Sense(ACCUSE, mode="disapprove", recipient=("of",), weight=0.6),
    "supportive": Sense(SUPPORT, recipient=("of",), weight=0.6),
}

# ---- nouns ----------------------------------------------------------------------------------------
_noun(
    "talks negotiation negotiations consultation consultations meeting summit discussion discussions",
    Sense(CONSULT, recipient=("with", "between")),
)
_noun("visit trip tour", Sense(CONSULT, mode="visit", recipient=("to",)))
_noun("talk", Sense(CONSULT, recipient=("with", "between"), weight=0.6))
_noun("mediation", Sense(CONSULT, mode="third-party", context=("diplomatic",), recipient=("between",)))
_noun("welcome reception", Sense(CONSULT, mode="visit", recipient=("to",), weight=0.6))
_noun("agreement deal accord pact treaty", Sense(AGREE, recipient=("with", "between"), weight=0.6))
_noun("cooperation", Sense(COOPERATE, recipient=("with", "between"), weight=0.6))
_noun("support backing endorsement", Sense(SUPPORT, recipient=("for", "to")))
_noun("aid assistance donation donations", Sense(AID, recipient=("to", "for")))
_noun("blockade blockades", Sense(COERCE, mode="restrict", recipient=("on", "of", "in")))
_noun(
    "attack attacks assault offensive airstrike airstrikes air_strike bombing bombings shelling raid raids "
    "invasion incursion ambush massacre killing killings assassination",
    Sense(ASSAULT, recipient=("on", "against", "in")),
)
_noun("strike strikes", Sense(ASSAULT, recipient=("on", "against")))
_noun("clash clashes fighting", Sense(ASSAULT, recipient=("with", "between")))
_noun(
    "protest protests demonstration demonstrations rally rallies riot riots march",
    Sense(PROTEST, mode="demo", recipient=("against",)),
)
_noun("boycott", Sense(PROTEST, mode="boycott", recipient=("of",)))
_noun("sanctions embargo", Sense(SANCTION, mode="discontinue", recipient=("on", "against")))
_noun("arrest arrests detention crackdown", Sense(COERCE, mode="arrest", recipient=("of", "on")))
_noun("curfew", Sense(COERCE, mode="curfew"))
_noun("threat threats ultimatum", Sense(THREATEN, recipient=("to", "against")))
_noun("warning warnings", Sense(THREATEN, recipient=("to",), weight=0.5))
_noun("demand demands appeal request", Sense(REQUEST, recipient=("to", "on")))
_noun(
    "accusation accusations allegation allegations criticism condemnation lawsuit",
    Sense(ACCUSE, mode="disapprove", recipient=("against", "of")),
)
_noun("investigation probe inquiry", Sense(ACCUSE, mode="investigate", recipient=("into",)))
_noun("rejection refusal veto", Sense(REJECT, recipient=("of",)))
_noun("withdrawal pullout", Sense(RETREAT, mode="withdraw", recipient=("from",)))
_noun("release", Sense(RETREAT, mode="release"))
_noun("resignation", Sense(RETREAT, mode="resign"))
_noun("ceasefire truce", Sense(CONCEDE, mode="ceasefire"))
_noun("apology pardon amnesty concession concessions", Sense(CONCEDE))
_noun("deployment mobilization mobilisation buildup", Sense(MOBILIZE, mode="troops"))
_noun("patrol patrols", Sense(MOBILIZE, mode="police", weight=0.5))
_noun("alert", Sense(MOBILIZE, mode="troops", weight=0.5))
_noun("exercise exercises drill drills", Sense(MOBILIZE, mode="troops", weight=0.5))


# ---- The generated lexicon: lemmas it gets wrong ---------------------------------------------------
# `events/senses.py` reads the generated lexicon (CAMEO and VerbNet) for every lemma this file does not
# list. A lemma listed here is never read from it; each entry says why.
GENERATED_EXCLUDED: dict[str, str] = {
    "risk": "to risk something is to expose oneself to danger, not to threaten anyone (CAMEO: THREATEN)",
    "look": "looking (at, to, like) is seeing or seeming; CAMEO's requests need a particle it lacks here",
    "require": "to require is to need, not to ask anyone for anything",
    **{
        v: "theft and looting are crimes against property, not acts of one party on another (CAMEO: seize)"
        for v in _s("steal rob burgle shoplift embezzle loot ransack pillage plunder")
    },
}
# (kind, lemma) pairs excluded for one part of speech only: ("nouns", "charge") keeps the verb.
GENERATED_EXCLUDED_BY_KIND: dict[tuple[str, str], str] = {
    **{
        ("nouns", n): "another word that only looks like the verb's nominalisation"
        for n in _s("billion stallion canal final piquance phonation audition battlement mining residence")
    },
    **{
        ("nouns", n): "names a state, a quality or a thing, not an act"
        for n in _s(
            "difference competence tension pressure failure application corruption contamination "
            "infestation inhabitation probation legislation settlement retirement interference "
            "moderation taxation examination implication impedance requirement commitment enforcement "
            "protection prevention apprehension exposure enclosure compensation abortion conviction "
            "annoyance irritation vexation botheration discomfiture disconcertion arousal agitation "
            "disappointment disheartenment discouragement humiliation degradation debasement "
            "defilement desolation devastation ruination impairment vitiation retardation inhibition "
            "hinderance detachment disconnection yielding receding bowing supporting helping trading "
            "swearing pulling pushing searching asking bidding final"
        )
    },
}
