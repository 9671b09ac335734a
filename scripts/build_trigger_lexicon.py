"""Generate the breadth of the event trigger lexicon from the CAMEO verb dictionaries and VerbNet.

Usage (from the repository root)::

    python scripts/build_trigger_lexicon.py [--shared ../shared] [--out OUT] [--stats]

OUT defaults to ``src/eventwire/events/data/generated_lexicon.json``; ``--stats`` also prints what was
read and dropped, by reason.

Inputs, all under ``SHARED/reference``:

* ``phoenix/CAMEO.2.0.txt`` and ``phoenix/CAMEO.verbpatterns.150430.txt``: the PETRARCH CAMEO verb
  dictionaries (MIT, Open Event Data Alliance; format in ``phoenix/dictionaries-format.rst``);
* ``plover/CAMEO2PLOVER-2021.txt``: CAMEO code -> PLOVER type, mode, context;
* ``plover/PLOVER_MANUAL.tex``: the modes of each type (its ``\\caption{TYPE modes}`` tables);
* ``verbnet/verbnet3.zip``: VerbNet 3.x class files, used only through :data:`VERBNET_CLASSES`.

The output (deterministic, sorted, one lemma per line) is
``{"notice": {...}, "verbs": {lemma: [sense, ...]}, "nouns": {lemma: [sense, ...]}}`` where a sense is
``{"type", "mode", "context", "prt", "prep", "obj", "cameo", "sources"}``.

How the CAMEO files are read
----------------------------
* A verb block starts at ``--- NAME [CODE] ---``; its code is the default of every verb line in it that
  has no ``[CODE]`` of its own. ``[---]`` is the null code: the bare verb is no event.
* A verb line is a base form, optionally ``{irregular forms}`` and ``[code]``. ``_`` joins the words of
  a multi-word verb and ``+`` marks its verb word (``+BLOW_UP`` -> ``blow up``, ``WIRE_+TAP`` ->
  ``wire tap``, ``RE_+ARREST`` -> ``rearrest``). The irregular forms of every block feed the lemmatiser.
  A line that is itself inflected (``BURNT``, ``RALLIED``, ``DETERRING``) is reduced to its base when a
  known base (a verb line, an irregular form's base, or a VerbNet member) fits; a literal phrase with
  a conjunction (``+KILLED_AND``, ``+ATTACKED_AND_STABBED {}``) or a copula (``+IS_DETERMINED``) is dropped.
* A pattern ``- ... * ... [CODE] # VERB <coder date>`` belongs to the verbs named in its comment (the
  files record there the verb each pattern was written for; ``# PAID`` -> ``pay``) when they are verb
  lines of either file, otherwise to every verb of its block.
* Codes: ``[a:b]`` is a pair of events (actor->recipient, recipient->actor); the first is kept. A
  pattern with only the reverse event (``[:173]``) is dropped, since the reversed roles cannot be
  represented; ``!`` is ignored; codes that are not three or four digits (``[12]``) are dropped.
* A code is looked up in the CAMEO-to-PLOVER table, then its three-digit parent. Codes absent from
  the table (01x statements) or ``---`` produce nothing. The table's mode column holds a
  context word for 175 (``pro_autocracy``): such values move to ``context``.
* The table follows an older draft of the PLOVER manual; explicit tables bring it in line with the
  manual: :data:`APPEAL_ROWS` adds 02x appeals as REQUEST, :data:`MODE_FIXES` renames or drops the
  modes the manual no longer has, :data:`RESIGNATION_FIX` makes 0831 resignations RETREAT ``resign``
  (:data:`NOT_RESIGNATION_OBJECTS`, :data:`VERB_LINE_CODES`). Every mode of the table and of the
  output is checked against the manual's mode tables; the build fails on a mode the manual lacks.
  Verbs that ask questions (:data:`QUESTION_VERBS`) get no 02x sense from their block's default.
* Pattern syntax: ``$`` ``+`` ``%`` ``^`` are actor slots and are skipped. After ``*`` an optional
  particle (:data:`PARTICLES`) becomes ``prt``; a preposition, bare (TABARI style) or alone in
  parentheses (``(AGAINST)``), becomes ``prep``; one object word, ``{WORD}`` or ``&SYNSET`` becomes
  ``obj`` (singular, lower case; a synset gives its one-word members); a preposition may follow the
  object (``- * OUTPOST IN +``).

Filters (each drops what the lexicon's sense shape cannot state, or what would fire wrongly)
-------------------------------------------------------------------------------------------
1. Patterns with words before ``*`` other than actor slots (subject nouns ``&MILITARY *``, adverbs,
   TABARI contexts ``SAID + MUST *``), with ``*`` glued to a word (``TO_*``), with more than the
   particle/preposition/object described above, with a prepositional phrase that has a noun
   (``(IN COURT)``, ``(ON TRIAL)``: the lexicon has no prepositional-object field, and keeping only
   the preposition would over-generalise ``appear in``), or with a modified object (``{MOCK ATTACK}``,
   ``DIPLOMATIC_RELATIONS``: reducing it to its head can change the type, ``stage mock attack`` is
   military cooperation, ``stage attack`` an assault).
2. Object words that are no nouns (:class:`ObjectFilter`): closed-class words, adverbs, the
   adjectives and verbs the files put in object slots, inflected verbs, TABARI stems; objects of the
   older TABARI-style file also need evidence of being nouns. Synsets give their one-word members.
3. Reporting and saying verbs (:data:`REPORTING_VERBS`) and auxiliaries and very generic verbs
   (:data:`GENERIC_VERBS`, which also lists CAMEO block synonyms that are generic in news English:
   ``best``, ``master``, ``match``, ``suffer``...) lose their unconstrained senses; constrained ones
   stay (``give`` + ``aid``).
4. Verbs whose verb word is shorter than three letters are dropped altogether.
5. A verb that is unconstrained under three or more PLOVER types keeps only its constrained senses.
6. Patterns coded ``[---]`` (explicitly "no event") are not represented: the shape has no negative
   sense (``--stats`` prints how many there are).
7. A sense covered by a less constrained sense of the same type, mode, context and particle (``kill``
   + ``in`` beside bare ``kill``; ``launch`` + ``pipeline`` + ``to`` beside ``launch`` + ``pipeline``)
   adds nothing and is folded into it (its sources are kept).

Senses of a lemma that differ only in their objects are merged, the objects united; ``cameo`` is then
the most general of their codes.

Nouns
-----
(a) Light-verb objects: the object word of a pattern whose verb is a light verb (:data:`LIGHT_VERBS`,
    ``launch`` + ``attack``, ``hold`` + ``talks``) takes the pattern's type, mode and context. A noun
    is kept for a type when at least two different light verbs give it that type, when it is not a
    member of an entity synset (:data:`ENTITY_SYNSETS`: weapons, troops, money, places...) nor in
    :data:`NOT_EVENT_NOUNS`.
(b) Nominalisations are not generated: WordNet's derivational links are not part of the shared
    material (Debian's ``wordnet-base`` would have to be installed on every machine that rebuilds),
    and suffix rules alone map ``settlement``, ``government``, ``movement`` to the wrong events.

VerbNet
-------
:data:`VERBNET_CLASSES` maps selected classes (or subclasses) to a PLOVER type, mode and context, with
the members to take. A VerbNet sense that repeats an unconstrained CAMEO sense of the same type only
adds its source to it. VerbNet senses then pass the same verb filters.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import zipfile
from bisect import bisect_left
from collections import Counter, defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any
from xml.etree import ElementTree

REPO = Path(__file__).resolve().parent.parent
DEFAULT_SHARED = REPO.parent / "shared"
DEFAULT_OUT = REPO / "src" / "eventwire" / "events" / "data" / "generated_lexicon.json"
GENERATED_BY = "scripts/build_trigger_lexicon.py"

CAMEO_FILES = {
    "cameo-2.0": "reference/phoenix/CAMEO.2.0.txt",
    "cameo-patterns": "reference/phoenix/CAMEO.verbpatterns.150430.txt",
}
PLOVER_TABLE = "reference/plover/CAMEO2PLOVER-2021.txt"
PLOVER_MANUAL = "reference/plover/PLOVER_MANUAL.tex"
VERBNET_ZIP = "reference/verbnet/verbnet3.zip"
VERBNET_LICENSE = "reference/verbnet/LICENSE"

PLOVER_TYPES = (
    "AGREE",
    "CONSULT",
    "SUPPORT",
    "CONCEDE",
    "COOPERATE",
    "AID",
    "RETREAT",
    "REQUEST",
    "ACCUSE",
    "REJECT",
    "THREATEN",
    "PROTEST",
    "SANCTION",
    "MOBILIZE",
    "COERCE",
    "ASSAULT",
)


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


#: Particles that may follow the verb in a pattern (``put down``, ``set off``, ``pull out``).
PARTICLES = _words("up down out off away back forward aside together apart")
#: Prepositions that may follow the verb or its object in a pattern.
PREPOSITIONS = _words(
    "against with on to for into from at in over about upon onto toward towards through across "
    "after by under between among amid amidst within without behind before near of as alongside "
    "inside outside around along beyond despite via like unlike throughout beneath beside besides "
    "past per until since"
)
#: Closed-class words that are never an object head.
NON_OBJECTS = _words(
    "a an the it its itself himself herself themselves themselve them him her us me they he she we "
    "you this that these those there here what which who whom whose how why where when if unless "
    "while because whether though although and or but nor so than then thus otherwise not no none "
    "now again also still yet very all only just even ahead each both either neither every first "
    "second one other another same such more most less least much many few several some any "
    "would should could will shall may might must can cannot whatever something anything nothing "
    "everything someone anyone everyone"
)
#: Adjectives and participles that the dictionaries put in object slots (``SET * ABLAZE``).
ADJECTIVES = _words(
    "ablaze afire bitter dangerous deep defiant diplomatic financial free guilty happy hardline "
    "harsh hopeful humanitarian illegitimate impatient impossible innocent isolated joint "
    "legitimate little massive medical neutral optimistic pessimistic ready resentful responsible "
    "short silent skeptical sceptical sorry special tense troubling uncertain unjust unjustified "
    "unlikely unreliable untrue urgent willing worried concerned convinced committed confined "
    "deadlocked opposed kidnapped injured closed rocked positive farcical economic unacceptable "
    "unfair lawless odd provocative crazy loyal lame lesser sad tentative unfriendly unilateral "
    "divisive difficult good close closer exempt economic military political anti-government "
    "forward backward lethal"
)
#: Verbs that the files put in object slots (``- * MEET``, ``- * WITHDRAW``, ``- $ * EXPECTS``).
VERBS_IN_OBJECT_SLOTS = _words(
    "agree allow arm assert assist bolster deport intervene investigate join kidnap negotiate "
    "initiate meet withdraw refrain expect include fail remain occupy protect suspend recognize "
    "recognise demonstrate disarm host mount hold shut face lead pull push need leave clean try "
    "posit been had has have is was were be do did does"
)
NOT_OBJECTS = NON_OBJECTS | ADJECTIVES | VERBS_IN_OBJECT_SLOTS | PREPOSITIONS | PARTICLES
#: Reporting and saying verbs: no unconstrained sense.
REPORTING_VERBS = _words(
    "say tell state announce report add note comment describe express claim insist explain write "
    "mention remark declare reply respond stress emphasize emphasise reiterate assert argue suggest "
    "indicate acknowledge confirm quote cite inform brief disclose reveal recount narrate relate "
    "convey communicate articulate clarify elaborate specify detail depict portray characterize "
    "characterise predict forecast believe think hope expect estimate speak talk discuss signal "
    "publicize publicise broadcast televise voice utter proclaim pronounce observe admit confess "
    "divulge profess affirm reassert aver avow vouch certify swear verbalise verbalize promulgate "
    "notify apprise apprize acquaint"
)
#: Auxiliaries and very generic verbs: no unconstrained sense.
GENERIC_VERBS = _words(
    "be have do make take get give go come put set see hold keep run show let bring want need seem "
    "look use find become begin start continue try call work move turn leave stay carry reach "
    "open close pass face lead play stand follow place base post pose position station situate "
    "stage format arrange consider act allow provide include offer send receive remain change "
    "alter amend modify revise switch appear deal seek plan prepare decide choose expect "
    "fill clear relax tease undo handle manage serve better head steer control direct issue buy pay "
    "found establish conduct weigh render stock best master match pit ring circle suffer die spoil "
    "mar tear crack break blow rip engage dominate overshadow overtake overcome surmount affect "
    "impact influence understand reckon value prefer mean intend determine ready train groom aim "
    "strive endeavor endeavour arrive depart approach hear learn reason muse ponder meditate mull "
    "ruminate speculate contemplate reconsider journey insert innovate elicit flock cluster "
    "conglomerate constellate converge excogitate check scan skim comb sweep dig study research "
    "explore examine cry weep wail grieve mourn despair lament"
)
#: Light (support) verbs: the event is the object noun's (``launch an attack``, ``hold talks``). Verbs
#: that add meaning of their own (``offer talks``, ``suspend talks``, ``sign a treaty``) are not here.
LIGHT_VERBS = _words(
    "launch hold stage conduct mount wage make give take have level lodge file impose deliver "
    "provide declare organize organise unleash commit perpetrate host convene open begin start "
    "resume continue issue"
) | frozenset({"carry out"})
#: Synsets that name entities (weapons, forces, money, places, people), not events.
ENTITY_SYNSETS = _words(
    "&AIRCRAFT &CAR &CURRENCY &DEFENSE &EVIDENCE &FOOD &HOSTAGE &INFORMATION &LEADER &MILITARY "
    "&NEGOTIATOR &OPPOSITION &PEOPLE &PKO &PROGRAM &REFUGEE &SECURITY &STRONGHOLD &SUSPECT &TOWN "
    "&WEAPON &WMD &DETENTION &ASYLUM &SOLUTION"
)
#: Object nouns that are participants, goods, documents or relations rather than events.
NOT_EVENT_NOUNS = _words(
    "regulation flight export import trade control mission trip initiative tie relation analysis "
    "research examination search evacuation shell operation police troop force forces army arm "
    "weapon supply supplies money fund food medicine equipment "
    "letter message plan proposal program programme statement report document text list record "
    "country government border territory region area city town people prisoner hostage diplomat "
    "ambassador envoy delegation official leader minister president team group party forum "
    "presence role position stand line step measure action way effort"
)
#: Irregular forms the dictionaries use as verb lines without listing them as forms of their base.
EXTRA_IRREGULAR = {
    "burnt": "burn",
    "lost": "lose",
    "losing": "lose",
    "forgiven": "forgive",
    "forgave": "forgive",
}
#: Plural nouns that the suffix rules get wrong, and nouns that only look plural.
NOUN_IRREGULAR = {
    "men": "man",
    "women": "woman",
    "children": "child",
    "people": "people",
    "police": "police",
    "crises": "crisis",
    "analyses": "analysis",
    "theses": "thesis",
    "news": "news",
    "headquarters": "headquarters",
    "series": "series",
    "species": "species",
    "arms": "arms",
    "talks": "talks",
    "hostilities": "hostilities",
    "knives": "knife",
    "lives": "life",
    "wives": "wife",
    "thieves": "thief",
    "gas": "gas",
    "teargas": "teargas",
    "christmas": "christmas",
    "bias": "bias",
}


@dataclass(frozen=True)
class VerbNetClass:
    """Members of one VerbNet class (with its subclasses) mapped to one PLOVER type."""

    class_id: str
    members: frozenset[str]
    type: str
    mode: str | None
    context: tuple[str, ...]
    reason: str


def _vn(class_id: str, members: str, etype: str, mode: str | None, context: str, reason: str) -> VerbNetClass:
    return VerbNetClass(class_id, _words(members), etype, mode, tuple(context.split()), reason)


#: The VerbNet classes taken, each restricted to the members whose news sense is the political event.
#: Members are written as in VerbNet (``_`` or ``-`` join multi-word verbs).
VERBNET_CLASSES: tuple[VerbNetClass, ...] = (
    _vn(
        "murder-42.1",
        "annihilate assassinate butcher exterminate kill lynch massacre murder slaughter slay",
        "ASSAULT",
        None,
        "",
        "killing people; dispatch, eliminate, execute, liquidate, off are left out (other senses)",
    ),
    _vn(
        "poison-42.2",
        "behead crucify decapitate disembowel garrotte impale knife poison shoot stab stone strangle "
        "throttle",
        "ASSAULT",
        None,
        "",
        "killing or wounding by a weapon or means; drown, hang, gas, fry, smother are left out",
    ),
    _vn(
        "pelt-17.2",
        "bombard shell",
        "ASSAULT",
        "heavy-weapons",
        "military",
        "artillery fire (CAMEO 194)",
    ),
    _vn(
        "spank-18.3",
        "bludgeon cudgel flog horsewhip pummel truncheon",
        "ASSAULT",
        "beat",
        "",
        "beating people with blows or a weapon (CAMEO 182)",
    ),
    _vn(
        "destroy-44",
        "demolish desecrate destroy raze",
        "ASSAULT",
        "destroy",
        "",
        "deliberate destruction of property (CAMEO 1712); damage, ruin, devastate also fit storms",
    ),
    _vn(
        "steal-10.5",
        "abduct carjack kidnap",
        "ASSAULT",
        "abduct",
        "",
        "taking people (CAMEO 181)",
    ),
    _vn("obtain-13.5.2", "hijack", "ASSAULT", "abduct", "", "hijacking (CAMEO 181)"),
    _vn(
        "steal-10.5",
        "commandeer confiscate plunder seize",
        "COERCE",
        "seize",
        "",
        "seizing property (CAMEO 171/1711)",
    ),
    _vn("steal-10.5", "annex", "COERCE", "seize", "military", "taking territory (CAMEO 192)"),
    _vn("concealment-16", "impound", "COERCE", "seize", "", "official seizure of property (CAMEO 1711)"),
    _vn(
        "banish-10.2",
        "banish deport exile expel extradite",
        "COERCE",
        "deport",
        "legal",
        "expelling people from a country (CAMEO 174); evacuate, recall, remove are left out",
    ),
    _vn(
        "confine-92",
        "detain imprison incarcerate jail",
        "COERCE",
        "arrest",
        "legal",
        "detention (CAMEO 173); charge, commit, send, hospitalize are left out",
    ),
    _vn(
        "forbid-64.4-1",
        "ban prohibit",
        "COERCE",
        "restrict",
        "",
        "official bans (CAMEO 172); bar, block, prevent, stop are too general",
    ),
    _vn(
        "free-80-1",
        "free release",
        "RETREAT",
        "release",
        "legal",
        "releasing captives (CAMEO 0841); absolve, acquit, clear are legal findings",
    ),
    _vn(
        "withdraw-82",
        "pull_out retreat withdraw",
        "RETREAT",
        "withdraw",
        "military",
        "withdrawing from an area (CAMEO 087); retire, back off are left out",
    ),
    _vn(
        "resign-10.11",
        "abdicate resign step_down",
        "RETREAT",
        "resign",
        "",
        "official resignation (PLOVER RETREAT mode resign; CAMEO 0831)",
    ),
    _vn(
        "acquiesce-95.1",
        "accede acquiesce capitulate give_in",
        "CONCEDE",
        None,
        "",
        "giving in to a demand (CAMEO 080); yield, bow, defer have other senses",
    ),
    _vn(
        "battle-36.4",
        "battle clash combat fight skirmish",
        "ASSAULT",
        None,
        "military",
        "armed fighting (CAMEO 190); argue, compete, debate, quarrel and the like are left out",
    ),
    _vn(
        "meet-36.3-1",
        "consult meet",
        "CONSULT",
        None,
        "",
        "meeting (CAMEO 040); play, remonstrate, reunite are left out",
    ),
    _vn("meet-36.3-1", "visit", "CONSULT", "visit", "", "visiting (CAMEO 042)"),
    _vn(
        "correspond-36.1.1",
        "confer negotiate",
        "CONSULT",
        None,
        "diplomatic",
        "negotiating (CAMEO 046); the class's other members are not meetings",
    ),
    _vn("settle-36.1.2", "renegotiate", "CONSULT", None, "diplomatic", "negotiating (CAMEO 046)"),
    _vn(
        "cooperate-73.1-1",
        "collaborate cooperate",
        "COOPERATE",
        None,
        "",
        "working together (CAMEO 060); join is too general",
    ),
    _vn(
        "judgment-33.1",
        "berate blame castigate censure chastise chide condemn criticize decry defame denigrate "
        "denounce deprecate lambaste malign rebuke reproach reprove revile slander stigmatize upbraid "
        "vilify",
        "ACCUSE",
        "disapprove",
        "",
        "the blame half of the class (CAMEO 111); attack, assail, assault, abuse have physical senses",
    ),
    _vn(
        "judgment-33.1",
        "acclaim applaud commend compliment congratulate extol hail laud praise",
        "SUPPORT",
        None,
        "diplomatic",
        "the praise half of the class (CAMEO 051); thank, welcome, greet, salute are too general",
    ),
    _vn("judgment-33.1", "forgive", "SUPPORT", None, "diplomatic", "forgiving (CAMEO 056)"),
    _vn(
        "reject-77.2",
        "rebuff refuse reject turn-down",
        "REJECT",
        None,
        "",
        "rejecting (CAMEO 120); decline, dismiss have other senses",
    ),
    _vn(
        "investigate-35.4",
        "investigate",
        "ACCUSE",
        "investigate",
        "",
        "investigating (CAMEO 090); raid, monitor, inspect, survey are other events",
    ),
    _vn("interrogate-37.1.3", "interrogate", "ACCUSE", "investigate", "", "questioning (CAMEO 090)"),
    _vn("search-35.2", "probe", "ACCUSE", "investigate", "", "probing (CAMEO 090)"),
    _vn(
        "complain-37.8",
        "complain",
        "ACCUSE",
        "allege",
        "diplomatic",
        "official complaint (CAMEO 114); moan, grumble and the like are not official",
    ),
    _vn(
        "help-72.1-1-1",
        "aid assist",
        "AID",
        None,
        "",
        "helping (CAMEO 070); help, abet are too general",
    ),
    _vn("contribute-13.2-1-1", "donate", "AID", None, "", "donating (CAMEO 070)"),
    _vn("promise-37.13", "promise", "AGREE", None, "", "promising (CAMEO 030)"),
    _vn("begin-55.1", "pledge", "AGREE", None, "", "pledging (CAMEO 030)"),
    _vn("allow-64.1", "endorse", "SUPPORT", None, "diplomatic", "endorsing (CAMEO 051)"),
    _vn("other_cos-45.4", "mobilize", "MOBILIZE", "troops", "military", "mobilising forces (CAMEO 154)"),
    _vn("other_cos-45.4", "detonate", "ASSAULT", "explosives", "", "setting off explosives (CAMEO 183)"),
    _vn("conspire-71", "protest", "PROTEST", None, "", "protesting (CAMEO 140)"),
)


# ---- lemmatisation ------------------------------------------------------------------------------


class Lemmatiser:
    """Base forms of verbs and singulars of nouns, from the dictionaries' own forms."""

    def __init__(self) -> None:
        self.irregular: dict[str, str] = {}  # inflected form -> base, from the ``{...}`` lists
        self.bases: set[str] = set()  # known base forms: verb lines and VerbNet members
        self.verbnet: set[str] = set()  # VerbNet members, which win over the irregular forms

    def add_forms(self, base: str, forms: Iterable[str]) -> None:
        self.bases.add(base)
        for form in forms:
            if form != base:
                self.irregular.setdefault(form, base)

    def verb(self, word: str) -> str:
        """``struck`` -> ``strike``, ``rallied`` -> ``rally``; a known base stays (``wound``, ``fell``)."""
        word = word.lower()
        if word in EXTRA_IRREGULAR:
            return EXTRA_IRREGULAR[word]
        if word in self.verbnet:
            return word
        if word in self.irregular:
            return self.irregular[word]
        if word in self.bases:
            return word
        for cand in self._verb_candidates(word):
            if cand in self.bases:
                return cand
        return word

    def is_verb_form(self, word: str) -> bool:
        """An inflected form (past, participle, third person) of a known verb."""
        word = word.lower()
        if word in self.verbnet or (word in self.bases and word not in self.irregular):
            return False
        return word in self.irregular or word in EXTRA_IRREGULAR or self.verb(word) != word

    @staticmethod
    def _verb_candidates(word: str) -> Iterator[str]:
        if word.endswith("ied") or word.endswith("ies"):
            yield word[:-3] + "y"
        for suffix in ("ing", "ed"):
            if word.endswith(suffix) and len(word) > len(suffix) + 2:
                stem = word[: -len(suffix)]
                yield stem
                yield stem + "e"
                if len(stem) > 2 and stem[-1] == stem[-2]:
                    yield stem[:-1]
        if word.endswith("es"):
            yield word[:-2]
        if word.endswith("s") and not word.endswith("ss"):
            yield word[:-1]

    @staticmethod
    def noun(word: str) -> str:
        word = word.lower()
        if word in NOUN_IRREGULAR:
            return NOUN_IRREGULAR[word]
        if len(word) > 4 and word.endswith("ies"):
            return word[:-3] + "y"
        if word.endswith(("sses", "shes", "ches", "xes", "zzes")):
            return word[:-2]
        if word.endswith(("ss", "us", "is", "ous")) or len(word) <= 3:
            return word
        if word.endswith("s"):
            return word[:-1]
        return word


# ---- the CAMEO -> PLOVER table ------------------------------------------------------------------


@dataclass(frozen=True)
class Plover:
    type: str
    mode: str | None
    context: tuple[str, ...]


def _row(etype: str, mode: str | None, context: str = "") -> Plover:
    return Plover(etype, mode, tuple(sorted(context.split())))


# CAMEO2PLOVER-2021.txt was written for draft 0.8 of the PLOVER manual (September 2021); the manual in
# ``reference/plover/PLOVER_MANUAL.tex`` is newer. The tables below bring the table in line with it.
# Each row that changes a value states the value it replaces, so that a changed table stops the build
# (see :func:`plover_table`) instead of being patched silently.

#: CAMEO 02x APPEAL (``appeal``, ``ask``, ``urge``, ``call on``, ``plead``...) is missing from the table,
#: so the appeals of the dictionaries produced nothing. The manual's REQUEST is "all requests, demands,
#: and orders", and 02x parallels 10x DEMAND subcode for subcode (021 ~ 101 ... 028 ~ 108). Modes are
#: the manual's REQUEST modes: ``assist`` "any form of exchange, relations, or assistance" (021-023),
#: ``change`` "changes in policy, government, or institutions" (024), ``yield`` "release of prisoners,
#: ending sanctions, easing curfews and boycotts, ceasefires" (025), ``meet`` "meetings and
#: negotiations" (026-028, as 106-108); 020, the unspecified appeal, has none. Contexts are those of the
#: matching 03x intent row (0211 ~ 0311, 0241 ~ 0341...), except for 021 and 023: 031 and 033 give
#: ``diplomatic`` to material cooperation and aid, which it is not; these two have none, like 101/103.
APPEAL_ROWS: dict[str, Plover] = {
    "020": _row("REQUEST", None),  # Make an appeal or request
    "021": _row("REQUEST", "assist"),  # Appeal for material cooperation (031: diplomatic)
    "0211": _row("REQUEST", "assist", "economic"),  # ... economic cooperation
    "0212": _row("REQUEST", "assist", "military"),  # ... military cooperation
    "0213": _row("REQUEST", "assist", "legal"),  # ... judicial cooperation
    "0214": _row("REQUEST", "assist", "intelligence"),  # ... intelligence cooperation
    "022": _row("REQUEST", "assist", "diplomatic"),  # Appeal for diplomatic cooperation, policy support
    "023": _row("REQUEST", "assist"),  # Appeal for aid (033: diplomatic)
    "0231": _row("REQUEST", "assist", "economic"),  # ... economic aid
    "0232": _row("REQUEST", "assist", "military"),  # ... military aid
    "0233": _row("REQUEST", "assist", "humanitarian"),  # ... humanitarian aid
    "0234": _row("REQUEST", "assist", "peacekeeping"),  # ... military protection or peacekeeping
    "024": _row("REQUEST", "change", "political_institutions"),  # Appeal for political reform
    "0241": _row("REQUEST", "change", "political_institutions"),  # ... change in leadership
    "0242": _row("REQUEST", "change", "executive"),  # ... policy change
    "0243": _row("REQUEST", "change", "rights_freedoms"),  # ... rights
    "0244": _row("REQUEST", "change", "political_institutions"),  # ... change in institutions, regime
    "025": _row("REQUEST", "yield"),  # Appeal to yield
    "0251": _row("REQUEST", "yield", "rights_freedoms"),  # ... easing of administrative sanctions
    "0252": _row("REQUEST", "yield"),  # ... easing of popular dissent
    "0253": _row("REQUEST", "yield", "rights_freedoms"),  # ... release of persons or property
    "0254": _row("REQUEST", "yield", "economic"),  # ... easing of economic sanctions, boycott, embargo
    "0255": _row("REQUEST", "yield", "diplomatic"),  # ... allow international involvement
    "0256": _row("REQUEST", "yield", "military"),  # ... de-escalation of military engagement
    "026": _row("REQUEST", "meet", "diplomatic"),  # Appeal to others to meet or negotiate
    "027": _row("REQUEST", "meet", "diplomatic"),  # Appeal to others to settle dispute
    "028": _row("REQUEST", "meet", "diplomatic"),  # Appeal to others to engage in or accept mediation
}
#: The ASK block of the verb-pattern file gives its default 020 to verbs that ask questions, not for
#: something (``wonder whether``, ``interview``, ``grill``); a question is no REQUEST, so these verb
#: lines give no 02x sense (their patterns, which name what is asked for, still do).
QUESTION_VERBS = _words("enquire inquire wonder query question grill interrogate interview")

#: Modes of the table that the manual has renamed or dropped: code -> (the table's mode, the mode now).
MODE_FIXES: dict[str, tuple[str | None, str | None]] = {
    # 1712 "Destroy property": ASSAULT has no "seize" (a COERCE mode: "execute search, confiscate
    # property, raid"); ASSAULT "destroy" is "intentional destruction of property".
    "1712": ("seize", "destroy"),
    # 183 "Conduct suicide, car, or other non-military bombing" is any bombing, and "suicide-attack" is
    # only "individual and vehicular suicide attacks"; "explosives" is "any explosive not incorporated
    # in a heavy weapon: mines, IEDs, car bombs". Of the subcodes only 1831 (suicide bombing) keeps
    # "suicide-attack"; 1832 (vehicular) and 1833 (roadside) are "explosives" in the table already, and
    # 1834 (location bombing), not in the table, falls back to 183.
    "183": ("suicide-attack", "explosives"),
    # 185/186 (attempted) assassination: the manual has no "assassinate"; "targeted" is "targeted
    # killings, including (successful and attempted) assassinations and executions".
    "185": ("assassinate", "targeted"),
    "186": ("assassinate", "targeted"),
    # 200/202 mass violence, mass killings: "massacre" is commented out of the manual; "targeted" also
    # covers "deliberate mass killings of defenseless actors".
    "200": ("massacre", "targeted"),
    "202": ("massacre", "targeted"),
    # 0842 "Return, release property": RETREAT "return" is commented out of the manual, and no other
    # RETREAT mode (withdraw, release of captives, disarm, ceasefire, access, resign) is a return.
    "0842": ("return", None),
    # Modes that the manual does not list for the type at all: null.
    "085": ("ease", None),  # RETREAT; the table itself notes that "ease" is no longer a mode
    "132": ("ban", None),  # THREATEN
    "1321": ("political", None),  # THREATEN
    "1322": ("ban", None),  # THREATEN
    "1722": ("ban", None),  # COERCE
    "201": ("cleansing", None),  # ASSAULT; "cleansing" is commented out of the manual
    "203": ("cleansing", None),  # ASSAULT
}

#: 0831 "Accede to demands for change in leadership" is, in the dictionaries, resignations (RESIGN,
#: QUIT POST, STEP DOWN, SUBMIT RESIGNATION). The manual codes them RETREAT "resign" ("official
#: resignation"; "RETREAT also covers resignations of government officials"), as the VerbNet row for
#: resign-10.11 does, so that ``resign`` has one sense. The table's row is the first, the new the second.
RESIGNATION_CODE = "0831"
RESIGNATION_FIX = (
    _row("CONCEDE", None, "political_institutions"),
    _row("RETREAT", "resign", "political_institutions"),
)
#: The 0831 patterns whose object is one of these are concessions of elections or of a release (CALL
#: ELECTION, HOLD POLLS, NEGOTIATE RELEASE), not resignations: they keep the table's CONCEDE row.
NOT_RESIGNATION_OBJECTS = _words("election poll release")
#: Verb lines whose own code is not the one their sense needs: (lemma, code as written) -> code.
#: CAMEO.2.0's ``RESIGN [083]`` (accede to demands for political reform) is the resignation of 0831,
#: as every RESIGN pattern of both files that is a resignation is coded.
VERB_LINE_CODES = {("resign", "083"): RESIGNATION_CODE}


def read_plover_table(path: Path) -> dict[str, Plover]:
    """``code: TYPE, mode, context # description`` lines; later duplicates of a code are ignored."""
    rows: dict[str, tuple[str, str, str]] = {}
    for raw in path.read_text(encoding="utf-8").splitlines():
        line = raw.split("#", 1)[0].strip()
        m = re.match(r"^(\d{3,4}):\s*(.*)$", line)
        if not m:
            continue  # two-digit headings, blank lines, the end marker
        parts = [p.strip() for p in m.group(2).split(",")]
        parts += [""] * (3 - len(parts))
        rows.setdefault(m.group(1), (parts[0], parts[1], parts[2]))
    contexts = {c.strip() for _, _, ctx in rows.values() for c in ctx.split(";") if c.strip()}
    table: dict[str, Plover] = {}
    for code, (etype, mode, ctx) in rows.items():
        if etype not in PLOVER_TYPES:
            raise ValueError(f"{path}: unknown PLOVER type {etype!r} for {code}")
        context = [c.strip() for c in ctx.split(";") if c.strip()]
        if mode in contexts:  # a context written in the mode column (175)
            context.append(mode)
            mode = ""
        table[code] = Plover(etype, mode or None, tuple(sorted(set(context))))
    return table


def read_manual_modes(path: Path) -> dict[str, frozenset[str]]:
    """The modes the manual lists per type: first column of its ``\\caption{TYPE modes}`` tabulars.

    Commented-out rows (``%return & Return property``) are no modes, continuation rows have an empty
    first cell. Types without a mode table (AGREE, SUPPORT, CONCEDE, COOPERATE, AID) have no modes.
    """
    text = path.read_text(encoding="utf-8")
    modes: dict[str, frozenset[str]] = dict.fromkeys(PLOVER_TYPES, frozenset())
    for m in re.finditer(r"^\\caption\{(?:\\plcat\{)?([A-Z]+)\}? modes", text, re.MULTILINE):
        etype = m.group(1)
        if etype not in PLOVER_TYPES or modes[etype]:
            raise ValueError(f"{path}: unexpected or repeated mode table {etype!r}")
        start = text.index("\\begin{tabular}", m.end())
        names = set()
        for line in text[start : text.index("\\end{tabular}", start)].splitlines()[1:]:
            line = line.strip()
            if line.startswith("%") or "&" not in line:
                continue
            name = line.split("&", 1)[0].strip()
            if name and name != "Name":
                if not re.fullmatch(r"[a-z][a-z-]*", name):
                    raise ValueError(f"{path}: unexpected {etype} mode {name!r}")
                names.add(name)
        if not names:
            raise ValueError(f"{path}: no modes in the {etype} mode table")
        modes[etype] = frozenset(names)
    return modes


def check_mode(etype: str, mode: str | None, modes: dict[str, frozenset[str]], where: str) -> None:
    if mode is not None and mode not in modes[etype]:
        allowed = ", ".join(sorted(modes[etype])) or "none"
        raise ValueError(f"{where}: {etype} has no mode {mode!r} in the PLOVER manual (modes: {allowed})")


def plover_table(shared: Path, modes: dict[str, frozenset[str]]) -> dict[str, Plover]:
    """The table with :data:`APPEAL_ROWS`, :data:`MODE_FIXES` and :data:`RESIGNATION_FIX` applied; every
    mode checked against the manual."""
    table = read_plover_table(shared / PLOVER_TABLE)
    for code, row in APPEAL_ROWS.items():
        if code in table:
            raise ValueError(f"{PLOVER_TABLE} now has {code}: review APPEAL_ROWS")
        table[code] = row
    for code, (old, new) in MODE_FIXES.items():
        if code not in table or table[code].mode != old:
            raise ValueError(f"{PLOVER_TABLE} {code} no longer has mode {old!r}: review MODE_FIXES")
        table[code] = replace(table[code], mode=new)
    if table.get(RESIGNATION_CODE) != RESIGNATION_FIX[0]:
        raise ValueError(f"{PLOVER_TABLE} {RESIGNATION_CODE} has changed: review RESIGNATION_FIX")
    table[RESIGNATION_CODE] = RESIGNATION_FIX[1]
    for code, row in sorted(table.items()):
        check_mode(row.type, row.mode, modes, f"{PLOVER_TABLE} {code}")
    return table


def plover_for(code: str, table: dict[str, Plover]) -> Plover | None:
    if code in table:
        return table[code]
    if len(code) == 4 and code[:3] in table:
        return table[code[:3]]
    return None


# ---- the CAMEO verb dictionaries ----------------------------------------------------------------


@dataclass
class VerbLine:
    entry: str  # as written, without forms and code: ``+BLOW_UP``
    forms: list[str] | None  # the ``{...}`` forms; [] for ``{}`` (a literal phrase), None without braces
    code: str | None  # own code, or None (the block's)


@dataclass
class Pattern:
    pre: list[str]  # tokens before ``*``
    post: list[str]  # tokens after ``*``
    code: str
    named: list[str]  # verbs named in the comment, as written
    glued: bool  # ``*`` is part of a word (``TO_*``)


@dataclass
class Block:
    code: str
    verbs: list[VerbLine]
    patterns: list[Pattern]


@dataclass
class CameoDictionary:
    synsets: dict[str, list[str]]  # "&NAME" -> phrases (lower case, words joined by spaces)
    blocks: list[Block]
    non_noun_synsets: set[str]  # labels written with a final ``_``: "sets that do not involve nouns"


_CODE = re.compile(r"\[([^\]]*)\]")
_TOKEN = re.compile(r"\{[^}]*\}|\([^)]*\)|[^\s{}()]+")


def _verb_entry(text: str) -> VerbLine:
    """``WORD {FORMS} [CODE]``."""
    code = None
    m = _CODE.search(text)
    if m:
        code = m.group(1).strip()
        text = text[: m.start()] + text[m.end() :]
    forms: list[str] | None = None
    m = re.search(r"\{([^}]*)\}", text)
    if m:
        forms = m.group(1).split()
        text = text[: m.start()] + text[m.end() :]
    return VerbLine(text.strip(), forms, code)


def read_cameo(path: Path) -> CameoDictionary:
    """The synsets and verb blocks of a PETRARCH verb dictionary (transformations are skipped)."""
    synsets: dict[str, list[str]] = {}
    non_noun: set[str] = set()
    blocks: list[Block] = []
    synset: str | None = None
    in_verbs = False
    for raw in path.read_text(encoding="latin-1").splitlines():
        if raw.startswith("####### VERB PATTERNS"):
            in_verbs = True
            continue
        if raw.startswith("######## TRANSFORMATIONS"):
            break
        text, _, comment = raw.partition("#")
        text = text.strip()
        if not text:
            continue
        if not in_verbs:
            if text.startswith("&"):
                label = text.split()[0]
                synset = label.rstrip("_")
                synsets[synset] = []
                if label.endswith("_"):
                    non_noun.add(synset)
            elif text.startswith("+") and synset:
                synsets[synset].append(text[1:].split()[0].strip("_").replace("_", " ").lower())
            continue
        if text.startswith("---"):
            m = _CODE.search(text)
            blocks.append(Block(m.group(1).strip() if m else "---", [], []))
        elif not blocks or text.startswith("~"):
            continue
        elif text.startswith("-"):
            codes = list(_CODE.finditer(text))
            if not codes:
                continue
            tokens = _TOKEN.findall(text[1 : codes[-1].start()])
            glued = "*" not in tokens
            star = 0 if glued else tokens.index("*")
            blocks[-1].patterns.append(
                Pattern(
                    tokens[:star],
                    tokens[star + 1 :],
                    codes[-1].group(1).strip(),
                    _comment_verbs(comment),
                    glued,
                )
            )
        else:
            blocks[-1].verbs.append(_verb_entry(text))
    return CameoDictionary(synsets, blocks, non_noun)


def _comment_verbs(comment: str) -> list[str]:
    """The verbs named in a pattern comment: ``FIGHT <HUX 2/16/96>  , CLASH <BK 02 Jul 2007>``."""
    comment = re.sub(r"<[^>]*>|\([^)]*\)", " ", comment)
    names = []
    for chunk in comment.split(","):
        words = chunk.split()
        if words and re.fullmatch(r"[A-Z][A-Z_+-]*", words[0]):
            names.append(words[0])
    return names


def _entry_words(entry: str) -> tuple[list[str], int] | None:
    """Lower-case words of a verb entry and the index of its verb word (the ``+``-marked one)."""
    parts = entry.split("_")
    idx = next((i for i, w in enumerate(parts) if w.startswith("+") or w.endswith("+")), 0)
    words = [w.strip("+").lower() for w in parts]
    if not words or not all(re.fullmatch(r"[a-z][a-z'-]*", w) for w in words):
        return None
    return words, idx


def verb_lemma(entry: str, lem: Lemmatiser) -> str | None:
    """``+CORDONED_OFF`` -> ``cordon off``; ``RE_+ARREST`` -> ``rearrest``; None for what is no verb."""
    parsed = _entry_words(entry)
    if parsed is None:
        return None
    words, idx = parsed
    if any(w in {"and", "or", "is", "are", "was", "were", "been", "be"} for w in words[1:]):
        return None
    words[idx] = lem.verb(words[idx])
    if idx == 1 and words[0] == "re":
        words = [words[0] + words[1], *words[2:]]
    return " ".join(words)


def _code(raw: str) -> str | None:
    """The actor->recipient code of a pattern or verb line; None for no event or an unusable code."""
    first = raw.split(":", 1)[0].replace("!", "").strip()
    return first if re.fullmatch(r"\d{3,4}", first) else None


# ---- objects ------------------------------------------------------------------------------------

MARKERS = frozenset({"$", "+", "%", "^"})
_WORD = re.compile(r"[A-Za-z][A-Za-z'-]*")
#: Endings of nouns that are not verbs (``abduction``, ``deployment``, ``hostility``).
NOUN_SUFFIX = re.compile(r"(tion|sion|ment|ance|ence|ity|ism|ure|ship|ness|ade|cy|ogy|ery|ist|eer)$")


class ObjectFilter:
    """Which words in an object slot are nouns.

    Evidence that a word is a noun comes from the dictionaries themselves: members of noun synsets,
    heads of ``{...}`` phrases, words written in the plural after the verb (``ATTACKS``), nouns of
    parenthesised prepositional phrases other than ``(TO ...)`` infinitives, and noun endings. No
    object: closed-class words, adjectives and verbs that the files put in object slots
    (:data:`ADJECTIVES`, :data:`VERBS_IN_OBJECT_SLOTS`), adverbs in ``-ly``, inflected verbs (``WENT``,
    ``KILLED``, ``NEGOTIATING``) and TABARI stems (``NEGOTIAT``: a prefix, two letters or more shorter,
    of a word in the files, that is no known word). The newer PETRARCH file writes nouns after the
    verb by definition; the older TABARI-style file must show evidence for each object.
    """

    def __init__(self, dictionaries: Iterable[CameoDictionary], lem: Lemmatiser) -> None:
        self.lem = lem
        self.strong: set[str] = set()  # noun synset members, heads of ``{...}`` phrases
        self.weak: set[str] = set()  # plurals after the verb, nouns of prepositional phrases
        vocab: set[str] = set(lem.bases)
        for d in dictionaries:
            for name, phrases in d.synsets.items():
                for phrase in phrases:
                    vocab.update(phrase.split())
                    if name not in d.non_noun_synsets:
                        self.strong.add(lem.noun(phrase.split()[-1]))
            for block in d.blocks:
                for pat in block.patterns:
                    for tok in pat.pre + pat.post:
                        words = [w.lower() for w in _WORD.findall(tok)]
                        vocab.update(words)
                        if tok.startswith("{") and len(words) > 1:
                            self.strong.add(lem.noun(words[-1]))
                        elif (
                            tok.startswith("(")
                            and len(words) > 1
                            and words[0] != "to"
                            and not words[-1].endswith("ing")
                        ):
                            self.weak.add(lem.noun(words[-1]))
                    for tok in pat.post:
                        if (
                            _WORD.fullmatch(tok)
                            and tok.upper().endswith("S")
                            and lem.noun(tok) != tok.lower()
                        ):
                            self.weak.add(lem.noun(tok))
        self.vocab = sorted(vocab)

    def _is_stem(self, word: str) -> bool:
        i = bisect_left(self.vocab, word)
        while i < len(self.vocab) and self.vocab[i].startswith(word):
            if len(self.vocab[i]) >= len(word) + 2:
                return True
            i += 1
        return False

    def noun(self, raw: str, strict: bool) -> str | None:
        """The singular of an object word, or None when it is no noun."""
        low = raw.lower()
        word = self.lem.noun(low)
        if not _WORD.fullmatch(low) or {low, word} & NOT_OBJECTS:
            return None
        if word in self.strong:
            return word
        if word.endswith("ly") or low.endswith("ing") or self.lem.is_verb_form(low):
            return None
        verb = word in self.lem.bases
        if not verb and len(word) >= 4 and self._is_stem(word):
            return None
        if (NOUN_SUFFIX.search(word) and not verb) or word in self.weak or not strict:
            return word
        return None


# ---- senses ------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Sense:
    type: str
    mode: str | None
    context: tuple[str, ...]
    prt: str | None = None
    prep: str | None = None
    obj: frozenset[str] | None = None

    @property
    def constrained(self) -> bool:
        return self.prt is not None or self.prep is not None or self.obj is not None

    @property
    def bare(self) -> Sense:
        return Sense(self.type, self.mode, self.context)


class SenseTable:
    """Senses per lemma, each with its CAMEO codes and its sources."""

    def __init__(self) -> None:
        self.codes: dict[str, dict[Sense, set[str]]] = defaultdict(dict)
        self.sources: dict[str, dict[Sense, set[str]]] = defaultdict(dict)

    def add(self, lemma: str, sense: Sense, code: str | None, source: str) -> None:
        codes = self.codes[lemma].setdefault(sense, set())
        if code:
            codes.add(code)
        self.sources[lemma].setdefault(sense, set()).add(source)

    def drop(self, lemma: str, sense: Sense) -> None:
        del self.codes[lemma][sense]
        del self.sources[lemma][sense]
        if not self.codes[lemma]:
            del self.codes[lemma]
            del self.sources[lemma]

    def lemmas(self) -> list[str]:
        return sorted(self.codes)

    def senses(self, lemma: str) -> list[Sense]:
        return sorted(self.codes.get(lemma, {}), key=repr)


class Stats(Counter[str]):
    def __call__(self, key: str) -> None:
        self[key] += 1


@dataclass
class Slots:
    """What a pattern says after the verb."""

    prt: str | None = None
    prep: str | None = None
    obj: frozenset[str] | None = None
    synset: str | None = None


def _paren_prep(tok: str) -> str | None:
    """``(AGAINST)`` -> ``against``; None for a parenthesised phrase with a noun."""
    inner = tok[1:-1].split()
    if len(inner) == 1 and inner[0].lower() in PREPOSITIONS | PARTICLES:
        return inner[0].lower()
    return None


def parse_slots(
    post: list[str], cameo: CameoDictionary, objects: ObjectFilter, strict: bool, stats: Stats
) -> Slots | None:
    """Particle, preposition and object after ``*``; None when the pattern says more than that."""
    toks = [t for t in post if t not in MARKERS]
    synsets, non_noun = cameo.synsets, cameo.non_noun_synsets
    out = Slots()

    def bare(i: int) -> str | None:
        return toks[i].lower() if i < len(toks) and _WORD.fullmatch(toks[i]) else None

    def prep_at(i: int) -> str | None:
        if i >= len(toks):
            return None
        if toks[i].startswith("("):
            return _paren_prep(toks[i])
        w = bare(i)
        return w if w in PREPOSITIONS else None

    i = 0
    if (w := bare(0)) in PARTICLES and w is not None:
        out.prt, i = w, 1
    if i < len(toks) and (p := prep_at(i)):
        out.prep, i = p, i + 1
        if i < len(toks):
            stats("dropped: prepositional object")
            return None
        return out
    if i == len(toks):
        return out
    tok = toks[i]
    if tok.startswith("("):
        stats("dropped: prepositional object")
        return None
    if tok.startswith("&"):
        name = tok.rstrip("_")
        if name not in synsets:
            stats("dropped: unknown synset")
            return None
        words = sorted({w for p in synsets[name] if " " not in p and (w := objects.noun(p, strict=False))})
        if not words or name in non_noun:
            stats("dropped: synset that is not a noun set")
            return None
        out.obj, out.synset = frozenset(words), name
    else:
        inner = tok[1:-1].split() if tok.startswith("{") else [tok]
        if len(inner) != 1 or "_" in inner[0] or "&" in inner[0]:
            stats("dropped: modified object")
            return None
        noun = objects.noun(inner[0], strict)
        if noun is None:
            stats("dropped: object word is no noun")
            return None
        out.obj = frozenset({noun})
    i += 1
    if i < len(toks) and (p := prep_at(i)):
        out.prep, i = p, i + 1
    if i < len(toks):
        stats("dropped: longer pattern")
        return None
    return out


# ---- building ----------------------------------------------------------------------------------


def read_verbnet(path: Path) -> dict[str, list[str]]:
    """Class or subclass id -> its members with those of its subclasses (VerbNet spelling)."""
    out: dict[str, list[str]] = {}

    def walk(el: ElementTree.Element) -> list[str]:
        members_el = el.find("MEMBERS")
        members = [m.get("name", "") for m in members_el] if members_el is not None else []
        for sub in el.find("SUBCLASSES") or []:
            members += walk(sub)
        out[el.get("ID", "")] = sorted(set(members))
        return members

    with zipfile.ZipFile(path) as z:
        for name in sorted(z.namelist()):
            if name.endswith(".xml"):
                walk(ElementTree.fromstring(z.read(name)))
    return out


def make_lemmatiser(dictionaries: Iterable[CameoDictionary], vn_members: dict[str, list[str]]) -> Lemmatiser:
    """Known bases: VerbNet members and verb lines that are not inflected; irregular forms from ``{}``."""
    lem = Lemmatiser()
    for members in vn_members.values():
        lem.verbnet.update(m.replace("_", " ").replace("-", " ").split()[0].lower() for m in members)
    lem.bases |= lem.verbnet
    lines = [v for d in dictionaries for block in d.blocks for v in block.verbs]
    for v in lines:
        parsed = _entry_words(v.entry)
        if parsed is None or v.forms == []:
            continue
        words, idx = parsed
        if v.forms:
            forms = [p[0][p[1]] for f in v.forms if (p := _entry_words(f)) and p[1] < len(p[0])]
            lem.add_forms(words[idx], forms)
        elif not re.search(r"(ed|ing)$", words[idx]):
            lem.bases.add(words[idx])
    return lem


def build(shared: Path) -> tuple[dict[str, Any], Stats]:
    modes = read_manual_modes(shared / PLOVER_MANUAL)
    table = plover_table(shared, modes)
    vn_members = read_verbnet(shared / VERBNET_ZIP)
    dictionaries = {source: read_cameo(shared / rel) for source, rel in CAMEO_FILES.items()}
    lem = make_lemmatiser(dictionaries.values(), vn_members)
    objects = ObjectFilter(dictionaries.values(), lem)
    stats = Stats()
    verbs = SenseTable()
    light: dict[tuple[str, Sense], set[str]] = defaultdict(set)  # (noun, sense) -> light verbs
    light_codes: dict[tuple[str, Sense], set[str]] = defaultdict(set)
    light_sources: dict[tuple[str, Sense], set[str]] = defaultdict(set)
    known = {
        lemma
        for d in dictionaries.values()
        for block in d.blocks
        for v in block.verbs
        if (lemma := verb_lemma(v.entry, lem))
    }
    for source, cameo in dictionaries.items():
        for block in cameo.blocks:
            lemmas: list[str] = []
            for v in block.verbs:
                lemma = verb_lemma(v.entry, lem)
                if lemma is None:
                    stats("dropped: verb line that is no verb")
                    continue
                lemmas.append(lemma)
                code = _code(v.code if v.code is not None else block.code)
                if code is None:
                    continue
                code = VERB_LINE_CODES.get((lemma, code), code)
                if lemma in QUESTION_VERBS and code in APPEAL_ROWS:
                    stats("dropped: 02x default of a verb that asks a question")
                    continue
                plover = plover_for(code, table)
                if plover is None:
                    stats("dropped: verb default without PLOVER type")
                    continue
                verbs.add(lemma, Sense(plover.type, plover.mode, plover.context), code, source)
            for pat in block.patterns:
                stats(f"patterns read ({source})")
                named = {n for n in (verb_lemma(x, lem) for x in pat.named) if n in known}
                targets = sorted(named or set(lemmas))
                code = _code(pat.code)
                plover = plover_for(code, table) if code else None
                if pat.code.strip() == "---":
                    stats("dropped: pattern coded no-event [---]")
                elif code is None:
                    stats("dropped: reverse-only or unusable code")
                elif plover is None:
                    stats("dropped: pattern code without PLOVER type")
                elif pat.glued or any(t not in MARKERS for t in pat.pre):
                    stats("dropped: words before the verb")
                elif slots := parse_slots(pat.post, cameo, objects, source == "cameo-patterns", stats):
                    stats(f"patterns kept ({source})")
                    if code == RESIGNATION_CODE and slots.obj and slots.obj <= NOT_RESIGNATION_OBJECTS:
                        plover = RESIGNATION_FIX[0]
                    sense = Sense(plover.type, plover.mode, plover.context, slots.prt, slots.prep, slots.obj)
                    for lemma in targets:
                        verbs.add(lemma, sense, code, source)
                        verb = lemma if slots.prt is None else f"{lemma} {slots.prt}"
                        if (
                            slots.obj
                            and slots.prep is None
                            and slots.synset not in ENTITY_SYNSETS
                            and (lemma in LIGHT_VERBS or verb in LIGHT_VERBS)
                        ):
                            for noun in slots.obj:
                                key = (noun, sense.bare)
                                light[key].add(verb)
                                light_codes[key].add(code)
                                light_sources[key].add(source)
    add_verbnet(verbs, vn_members, stats)
    filter_verbs(verbs, stats)
    nouns = SenseTable()
    verbs_by_type: dict[tuple[str, str], set[str]] = defaultdict(set)
    for (noun, sense), vs in light.items():
        verbs_by_type[(noun, sense.type)] |= vs
    for noun, sense in sorted(light, key=lambda key: (key[0], repr(key[1]))):
        if noun in NOT_EVENT_NOUNS or len(verbs_by_type[(noun, sense.type)]) < 2:
            continue
        for code in light_codes[(noun, sense)]:
            for source in light_sources[(noun, sense)]:
                nouns.add(noun, sense, code, source)
    notice = {
        "cameo": cameo_notice(shared),
        "verbnet": (shared / VERBNET_LICENSE).read_text(encoding="utf-8").strip(),
        "generated_by": GENERATED_BY,
    }
    data: dict[str, Any] = {"notice": notice, "verbs": export(verbs), "nouns": export(nouns)}
    for section in ("verbs", "nouns"):
        for lemma, rows in data[section].items():
            for row in rows:
                check_mode(row["type"], row["mode"], modes, f"{section} {lemma!r}")
    return data, stats


def add_verbnet(verbs: SenseTable, vn_members: dict[str, list[str]], stats: Stats) -> None:
    """The senses of :data:`VERBNET_CLASSES`; one that CAMEO already has only adds its source."""
    for row in VERBNET_CLASSES:
        if row.class_id not in vn_members:
            raise ValueError(f"VerbNet has no class {row.class_id}")
        missing = row.members - set(vn_members[row.class_id])
        if missing:
            raise ValueError(f"VerbNet class {row.class_id} has no members {sorted(missing)}")
        source = f"verbnet:{row.class_id}"
        for member in sorted(row.members):
            lemma = member.replace("_", " ").replace("-", " ").lower()
            same = [s for s in verbs.senses(lemma) if s.type == row.type and not s.constrained]
            for s in same:
                verbs.sources[lemma][s].add(source)
            if same:
                stats("verbnet: sense CAMEO has too")
            else:
                verbs.add(lemma, Sense(row.type, row.mode, row.context), None, source)
                stats("verbnet: new sense")


def filter_verbs(verbs: SenseTable, stats: Stats) -> None:
    """Filters 3-5 and 7 of the module docstring."""
    for lemma in verbs.lemmas():
        senses = verbs.senses(lemma)
        if len(lemma.split()[0]) < 3:
            for s in senses:
                verbs.drop(lemma, s)
            stats("filter: verb shorter than three letters")
            continue
        free = [s for s in senses if not s.constrained]
        if lemma in REPORTING_VERBS or lemma in GENERIC_VERBS:
            reason = "filter: unconstrained sense of a reporting or generic verb"
        elif len({s.type for s in free}) >= 3:
            reason = "filter: unconstrained sense of a verb with >= 3 such types"
        else:
            reason = ""
        if reason:
            for s in free:
                verbs.drop(lemma, s)
                stats(reason)
        # A sense that a less constrained sense of the same reading already covers adds nothing.
        senses = verbs.senses(lemma)
        for s in senses:
            wider = [t for t in senses if t != s and t in verbs.codes[lemma] and _covers(t, s)]
            if wider:
                verbs.sources[lemma][wider[0]] |= verbs.sources[lemma][s]
                verbs.drop(lemma, s)
                stats("pruned: sense covered by a less constrained one")


def _covers(wide: Sense, narrow: Sense) -> bool:
    """``wide`` has the reading of ``narrow`` and a subset of its constraints (the particle included)."""
    return (
        (wide.type, wide.mode, wide.context, wide.prt)
        == (narrow.type, narrow.mode, narrow.context, narrow.prt)
        and (wide.prep is None or wide.prep == narrow.prep)
        and (wide.obj is None or (narrow.obj is not None and narrow.obj <= wide.obj))
    )


def export(table: SenseTable) -> dict[str, list[dict[str, Any]]]:
    """Senses per lemma; senses that differ only in their object words are merged (objects united)."""
    out: dict[str, list[dict[str, Any]]] = {}
    for lemma in table.lemmas():
        merged: dict[tuple[Any, ...], dict[str, Any]] = {}
        for sense in table.senses(lemma):
            key = (sense.type, sense.mode, sense.context, sense.prt, sense.prep, sense.obj is None)
            entry = merged.setdefault(
                key,
                {
                    "type": sense.type,
                    "mode": sense.mode,
                    "context": list(sense.context),
                    "prt": sense.prt,
                    "prep": sense.prep,
                    "obj": None if sense.obj is None else set(),
                    "codes": set(),
                    "sources": set(),
                },
            )
            if sense.obj is not None:
                entry["obj"] |= sense.obj
            entry["codes"] |= table.codes[lemma][sense]
            entry["sources"] |= table.sources[lemma][sense]
        rows = []
        for entry in merged.values():
            codes = sorted(entry.pop("codes"), key=lambda c: (len(c), c))
            entry["cameo"] = codes[0] if codes else None
            entry["obj"] = None if entry["obj"] is None else sorted(entry["obj"])
            entry["sources"] = sorted(entry["sources"])
            rows.append(entry)
        rows.sort(key=lambda e: json.dumps(e, sort_keys=True))
        rows.sort(key=lambda e: e["obj"] is not None or e["prt"] is not None or e["prep"] is not None)
        out[lemma] = rows
    return out


def cameo_notice(shared: Path) -> str:
    """The MIT notice as it stands in the dictionaries' headers, with the files it covers."""
    lines = (shared / CAMEO_FILES["cameo-2.0"]).read_text(encoding="latin-1").splitlines()
    start = next(i for i, line in enumerate(lines) if "The MIT License" in line)
    notice = []
    for line in lines[start:]:
        if not line.startswith("#") or "LAST UPDATE" in line:
            break
        notice.append(line[1:].strip())
    files = " and ".join(Path(p).name for p in CAMEO_FILES.values())
    body = "\n".join(notice).strip()
    return f"Derived from the CAMEO verb dictionaries {files} (PETRARCH format).\n\n{body}"


def dumps(data: dict[str, Any]) -> str:
    """Sorted JSON with one lemma per line."""
    out = ["{", f'"notice": {json.dumps(data["notice"], sort_keys=True, ensure_ascii=False)},']
    for section, last in (("nouns", False), ("verbs", True)):
        out.append(f'"{section}": {{')
        out.append(
            ",\n".join(
                f"{json.dumps(k, ensure_ascii=False)}: {json.dumps(v, sort_keys=True, ensure_ascii=False)}"
                for k, v in sorted(data[section].items())
            )
        )
        out.append("}" if last else "},")
    out.append("}")
    return "\n".join(out) + "\n"


def summary(data: dict[str, Any]) -> str:
    """One line: verbs, senses, nouns, and verb senses by source."""
    senses = [s for rows in data["verbs"].values() for s in rows]
    by_source = Counter(src.split(":")[0] for s in senses for src in s["sources"])
    sources = ", ".join(f"{k} {v}" for k, v in sorted(by_source.items()))
    noun_senses = sum(len(rows) for rows in data["nouns"].values())
    return (
        f"{len(data['verbs'])} verbs, {len(senses)} verb senses, {len(data['nouns'])} nouns "
        f"({noun_senses} senses); verb senses by source: {sources}"
    )


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description="Generate the trigger lexicon from CAMEO and VerbNet.")
    ap.add_argument("--shared", type=Path, default=DEFAULT_SHARED, help="the shared folder (../shared)")
    ap.add_argument("--out", type=Path, default=DEFAULT_OUT, help="the JSON file to write")
    ap.add_argument("--stats", action="store_true", help="also print what was read and dropped")
    args = ap.parse_args(argv)
    data, stats = build(args.shared)
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(dumps(data), encoding="utf-8")
    if args.stats:
        for key, n in sorted(stats.items()):
            print(f"  {key}: {n}", file=sys.stderr)
    print(summary(data))
    return 0


if __name__ == "__main__":
    sys.exit(main())
