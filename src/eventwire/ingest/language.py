"""Is a text English? A word-profile check, fast enough for every article and right on headlines.

Every word the check can judge is one of four kinds:
- an English function word (`the`, `of`, `after`, ...);
- a word of another language: one of its function words (`le`, `der`, `los`, `della`, `yang`, `ve`,
  ...) or a word spelt with letters English does not use (`arrêté`, `negociações`, `gözaltına`);
- an English word: in the English vocabulary (WordNet's nouns, verbs, adjectives and adverbs, see
  `scripts/build_english_words.py`), also when inflected (`fired`, `protesters`, `re-elected`);
- unknown.
The text is English when at least half the words judged are English (`MIN_ENGLISH`) and they outnumber
the other languages' words by `MARGIN` of the words judged. Names are not judged in text written in
ordinary case: a capitalised word that does not start a sentence (`Merkel meets Macron in Berlin`) is a
name in any language, and so are the particles inside names (`von der Leyen`). In headlines set in
capitals or title case every word is judged, since names cannot be told from the rest there.
Text with no word to judge (names only) is accepted: there is nothing in it to say it is not English.
Text mostly in another script (Cyrillic, Arabic, CJK, ...) is not English.

Only the first `MAX_WORDS` words are read: the check runs on every article and a page of text decides.
Measured with `eventwire eval language FILE` (see the README).
"""

from __future__ import annotations

import gzip
import re
import unicodedata
from collections import Counter
from dataclasses import dataclass
from functools import cache
from importlib import resources

MARGIN = 0.3
MIN_ENGLISH = 0.5
MAX_WORDS = 400

ENGLISH_FUNCTION_WORDS = frozenset(
    """
    a about above across after against ago all along also although am among an and another any are
    around as at be because been before being below between both but by can could did do does down
    during each either every few for from had has have he her here hers him his how she however i if in
    into is it its itself just last least less many may me might more most much must my neither never
    new next no nor not now of off on once one only onto or other our out over own per since so some
    such than that the their them then there these they this those though through to too toward
    towards two under until up upon us very via was we were what when where whether which while who
    whom whose why will with within without would yet you your
    says said say told amid despite
    """.split()
)

# The most frequent function words of other languages, less the common English words among them ("son",
# "door", "men", "no", "do", "of", "over"; German "die" stays): each list only needs to say a text is
# not English and which language it likely is.
FOREIGN_FUNCTION_WORDS: dict[str, frozenset[str]] = {
    lang: frozenset(words.split())
    for lang, words in {
        "French": """
            le la les des du une est et au aux sur dans pour qui que avec ses ces cette sont ont été
            mais leur leurs selon contre après entre vers chez lors dont il elle ils nous vous ne se sa
            ce cet où très aussi encore déjà ans lundi mardi mercredi jeudi vendredi samedi dimanche
            semaine deux trois être fait
        """,
        "German": """
            der die das den dem des ein eine einen einem einer und ist sind nicht mit von zu zum zur
            auf für bei nach aus über auch sich wird werden wurde wurden haben im vom beim noch nur
            gegen dass oder aber wie es er sie wir ihr ihre sein seine neue neuen neues jahre jahren
            uhr mehr schon heute gestern
        """,
        "Spanish": """
            el la los las del al y que en por para una uno unos unas es son fue han ha se su sus lo
            como más pero sobre entre tras desde hasta contra muy ya este esta estos hoy ayer años
            dos tres según
        """,
        "Italian": """
            il la le lo gli della delle dei degli del dello nel nella nei nelle sul sulla sui alla alle ai
            agli dal dalla di da che è per con non una uno sono ha hanno anche più dopo tra fra tre
            anni oggi ieri suo sua loro questo questa ma si ci ne
        """,
        "Portuguese": """
            os um uma uns umas da dos das na nos nas em ao aos à às pelo pela pelos pelas com para
            por que não é são foi foram mais seu sua seus suas ele ela eles elas como sobre entre
            após até contra sem também já hoje ontem anos dois três
        """,
        "Dutch": """
            de het een van en op te dat die voor met zijn niet aan om ook als bij maar naar nog wel
            werd worden wordt uit tegen heeft hebben zich hij zij ze wij deze dit tot jaar twee drie
            vandaag gisteren
        """,
        "Indonesian": """
            yang dan di ke dari ini itu dengan untuk pada tidak akan dalam oleh juga sudah telah
            bahwa ada atau karena saat para kepada tahun dua tiga mereka dia ia kami kita bisa harus
            lebih setelah sebagai hari menjadi secara masih antara
        """,
        "Turkish": """
            ve bir bu da de ile için olarak olan daha çok gibi sonra kadar ama değil ne ki her mi mı
            şu yılında yıl iki üç yeni tarafından ise veya göre etti oldu
        """,
        "Swedish": """
            och att det som är på för med av till den har inte ett var sig vid från efter också ska
            skulle blev hade eller
        """,
        "Polish": """
            w z na się nie to że jest po za od przez dla jak oraz ale co jego jej ich przy został
            została zostały roku lat dwa trzy który która które już także
        """,
        "Czech": """
            v se na je že s z do to jako ale pro po jsou byl byla bylo který která které tři roku let
            podle také už od za
        """,
        "Romanian": """
            și în la de cu pe din care că al ale lui unui unei este sunt au fost pentru nu mai după
            spre fără despre anul doi trei ani
        """,
        "Tagalog": "ang ng sa mga na ay si ni kay para hindi ito siya sila niya nila kanyang noong dahil",
        "Swahili": "na ya wa za la kwa ni katika hiyo huo kuwa watu kwamba alisema amesema",
    }.items()
}
_FOREIGN_ANY = frozenset().union(*FOREIGN_FUNCTION_WORDS.values()) - ENGLISH_FUNCTION_WORDS

# Letters English does not spell its own words with, and the languages that do.
_LETTER_LANGUAGES = {
    "ß": "German",
    "ä": "German",
    "ö": "German",
    "ü": "German",
    "ñ": "Spanish",
    "ã": "Portuguese",
    "õ": "Portuguese",
    "ç": "French",
    "é": "French",
    "è": "French",
    "ê": "French",
    "à": "French",
    "â": "French",
    "î": "French",
    "ô": "French",
    "û": "French",
    "ë": "French",
    "ï": "French",
    "ò": "Italian",
    "ì": "Italian",
    "ù": "Italian",
    "á": "Spanish",
    "í": "Spanish",
    "ó": "Spanish",
    "ú": "Spanish",
    "ı": "Turkish",
    "ş": "Turkish",
    "ğ": "Turkish",
    "ł": "Polish",
    "ą": "Polish",
    "ę": "Polish",
    "ś": "Polish",
    "ż": "Polish",
    "ź": "Polish",
    "ć": "Polish",
    "ń": "Polish",
    "ă": "Romanian",
    "ș": "Romanian",
    "ț": "Romanian",
    "č": "Czech",
    "ř": "Czech",
    "ě": "Czech",
    "ů": "Czech",
    "š": "Czech",
    "ž": "Czech",
    "ý": "Czech",
    "å": "Swedish",
    "ø": "Danish or Norwegian",
    "æ": "Danish or Norwegian",
    "đ": "Vietnamese",
    "ơ": "Vietnamese",
    "ư": "Vietnamese",
}
# Elided articles and prepositions glued to the next word (French l'Élysée, Italian dell'anno).
_ITALIAN_ELISIONS = ("dell'", "all'", "nell'", "sull'", "dall'", "un'")
_ELISIONS = ("l'", "d'", "qu'", "j'", "n'", "s'", "c'", *_ITALIAN_ELISIONS)
# What `_read_word` returns for an English word.
ENGLISH: tuple[str, ...] = ("English",)
# English suffixes a vocabulary word may carry: (suffix, what replaces it).
_INFLECTIONS = (
    ("ies", "y"),
    ("ied", "y"),
    ("es", ""),
    ("s", ""),
    ("ed", ""),
    ("ed", "e"),
    ("ing", ""),
    ("ing", "e"),
    ("ers", ""),
    ("ers", "e"),
    ("er", ""),
    ("er", "e"),
    ("ly", ""),
)
_URL = re.compile(r"(?:https?://|www\.)\S+|\S+@\S+\.\w+", re.IGNORECASE)
# Words, not parts of tokens with digits ("76ers", "G7").
_WORD = re.compile(r"(?<!\w)[^\W\d_]+(?:['’-][^\W\d_]+)*(?!\w)")
_SENTENCE_END = re.compile(r"[.!?:;|\n][\s\"'“‘(]*$")
# Case endings Turkish glues to a name after an apostrophe (Ankara'da, Brüksel'e).
_TURKISH_SUFFIXES = frozenset(
    """da de ta te dan den tan ten a e ya ye ı i u ü yı yi nın nin nun nün ın in un ün la le yla yle
    daki deki""".split()
)
_CONTRACTIONS = frozenset(["s", "t", "re", "ve", "ll", "d", "m"])
# Lower-case words inside names of many languages.
_PARTICLES = frozenset(
    "de del della di da das do dos du des la le las los van von der den ten ter zu bin ibn al el y".split()
)


@dataclass(frozen=True)
class LanguageVerdict:
    """What the check read: how many words it judged and what share of them was of which kind."""

    english: bool
    judged: int
    english_share: float
    foreign_share: float
    other_script: str | None = None
    likely: str | None = None

    def reason(self) -> str:
        """A one-line reason for a rejection."""
        if self.other_script:
            return f"written in {self.other_script} script; eventwire codes English text"
        other = self.likely or "another language"
        return (
            f"{self.english_share:.0%} of {self.judged} words read are English, {self.foreign_share:.0%} "
            f"{other}; eventwire codes English text"
        )


@cache
def english_vocabulary() -> frozenset[str]:
    raw = resources.files("eventwire.ingest").joinpath("data", "english_words.txt.gz").read_bytes()
    return frozenset(gzip.decompress(raw).decode("ascii").split())


def strip_addresses(text: str) -> str:
    """The text without web and mail addresses (`http://...`, `www...`, `name@host.org`)."""
    return _URL.sub(" ", text)


def judge(text: str) -> LanguageVerdict:
    """Read the start of `text` and say whether it is English (see the module's docstring)."""
    text = strip_addresses(text)
    script = _other_script(text)
    if script:
        return LanguageVerdict(False, 0, 0.0, 1.0, other_script=script)
    words = _judged_words(text)
    if not words:
        return LanguageVerdict(True, 0, 0.0, 0.0)
    vocab = english_vocabulary()
    english = 0
    n_foreign = 0
    votes: Counter[str] = Counter()
    for w in words:
        read = _read_word(w, vocab)
        if read is None:
            continue
        if read is ENGLISH:
            english += 1
        else:
            n_foreign += 1
            votes.update(read)
    n = len(words)
    en_share, fo_share = english / n, n_foreign / n
    english_text = en_share >= MIN_ENGLISH and en_share - fo_share >= MARGIN
    return LanguageVerdict(english_text, n, en_share, fo_share, likely=_likely(votes))


def _likely(votes: Counter[str]) -> str | None:
    """The language most foreign words belong to; two tied are both named, more are none."""
    if not votes:
        return None
    top = max(votes.values())
    best = sorted(lang for lang, c in votes.items() if c == top)
    return " or ".join(best) if len(best) <= 2 else None


def _read_word(w: str, vocab: frozenset[str]) -> tuple[str, ...] | None:
    """`ENGLISH` for an English word, the languages a foreign word may be of (possibly none known), or
    None for a word the check does not know."""
    if w in ENGLISH_FUNCTION_WORDS:
        return ENGLISH
    if w in _FOREIGN_ANY:
        return tuple(lang for lang, ws in FOREIGN_FUNCTION_WORDS.items() if w in ws)
    if w.startswith(_ELISIONS):
        return ("Italian",) if w.startswith(_ITALIAN_ELISIONS) else ("French",)
    letters = {c for c in w if not c.isascii()}
    if letters:
        return tuple(sorted({_LETTER_LANGUAGES[c] for c in letters if c in _LETTER_LANGUAGES}))
    if _english_word(w, vocab):
        return ENGLISH
    if "'" in w:
        # English possessives and contractions (Brazil's, don't); other apostrophes are a suffix glued
        # to a name, as in Turkish (Ankara'da).
        base, _, tail = w.partition("'")
        if tail in _CONTRACTIONS or (not tail and _english_word(base, vocab)):
            return ENGLISH
        if tail in _TURKISH_SUFFIXES:
            return ("Turkish",)
    return None


def _english_word(w: str, vocab: frozenset[str]) -> bool:
    if w in vocab:
        return True
    if "-" in w:
        parts = [p for p in w.split("-") if p]
        return bool(parts) and all(
            p in ENGLISH_FUNCTION_WORDS or _english_word(p, vocab) or len(p) <= 2 for p in parts
        )
    for suffix, repl in _INFLECTIONS:
        if w.endswith(suffix) and len(w) > len(suffix) + 1:
            stem = w[: -len(suffix)] + repl
            if len(stem) >= 3 and stem in vocab:
                return True
            doubled = repl == "" and suffix in ("ed", "ing", "er", "ers") and stem[-1:] == stem[-2:-1]
            if doubled and stem[:-1] in vocab:  # a doubled consonant: stopped, planning
                return True
    return False


def _judged_words(text: str) -> list[str]:
    """Lower-cased words to judge, names left out where the text's case shows them."""
    found = [(m.group(0).replace("’", "'"), m.start()) for m in _WORD.finditer(text)][:MAX_WORDS]
    if not found:
        return []
    lower_initial = sum(w[0].islower() for w, _ in found)
    if lower_initial / len(found) < 0.3:
        return [w.lower() for w, _ in found]  # capitals or title case: names cannot be told
    name = [False] * len(found)
    for i, (w, start) in enumerate(found):
        if not w[0].isupper():
            continue
        opens = start == 0 or bool(_SENTENCE_END.search(text[max(0, start - 3) : start]))
        # A capital inside a sentence starts a name; so does one that opens a sentence and is followed
        # by another capital ("Kim Jong Un visits", "La Paz protests"). An acronym is a name.
        name[i] = not opens or (len(w) > 1 and w.isupper()) or _next_capital(found, i)
    for i, (w, _) in enumerate(found):
        # Particles inside names: Ursula von der Leyen, Lula da Silva, Mohammed bin Salman.
        if not name[i] and w.lower() in _PARTICLES and i > 0 and name[i - 1]:
            j = i
            while j < len(found) and found[j][0].lower() in _PARTICLES and not name[j]:
                j += 1
            if j < len(found) and name[j]:
                for k in range(i, j):
                    name[k] = True
    return [w.lower() for (w, _), is_name in zip(found, name, strict=True) if not is_name]


def _next_capital(found: list[tuple[str, int]], i: int) -> bool:
    if i + 1 >= len(found):
        return False
    nxt = found[i + 1][0]
    return nxt[0].isupper() or (nxt.lower() in _PARTICLES and _next_capital(found, i + 1))


def _other_script(text: str) -> str | None:
    """The name of the script most letters are written in, when that is not Latin."""
    sample = text[:4000]
    latin = sum(c.isascii() and c.isalpha() for c in sample)
    scripts: Counter[str] = Counter()
    for c in sample:
        if not c.isascii() and c.isalpha():
            name = unicodedata.name(c, "")
            scripts[name.split(" ")[0] if name else "?"] += 1
    scripts["LATIN"] += latin
    total = sum(scripts.values())
    if not total or scripts["LATIN"] / total >= 0.5:
        return None
    script = max((s for s in scripts if s != "LATIN"), key=lambda s: scripts[s])
    return {"CJK": "Chinese or Japanese (CJK)"}.get(script, script.title())
