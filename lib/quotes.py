"""Quotes: the words in quotation marks in an article, who said them, in what role and when.

`extract_quotes(doc)` finds quoted words in `doc.clean`: straight and curly double quotes,
British single quotes, guillemets, and a quote continued over paragraphs (the first left
open, the next reopened) as one quote. Each quote is attributed by rules of newsroom
English, tried in this order:

1. the speaker right after it: '"...," Johnson said', '"...," said Johnson',
   '"...," according to the RNLI';
2. the subject of the nearest reporting verb before it in its sentence: 'Patel said: "..."',
   'Macron told Johnson that France has a "shared responsibility"';
3. a reporting verb later in the sentence: 'Taking back migrants "would ..." behind the
   trafficking, he said';
4. a quote standing alone continues the previous quote's speaker;
5. the sentence subject: 'Macron, after vowing ... a "cemetery," spoke ...'.

Pronouns and titles ("he", "the minister") resolve to the most salient earlier person and
surnames to the full name given earlier ("Johnson" -> "Boris Johnson"). There is no NER
model: a name is a run of capitalised words, told apart from places and bodies by the
word lists below.
"""

from __future__ import annotations

import bisect
import importlib
import itertools
import re
import unicodedata
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, replace
from functools import lru_cache
from typing import Any, NamedTuple

from lib.schema import Quote
from lib.text import Document


def _optional(module: str, name: str) -> Callable[..., Any] | None:
    """A function from a neighbouring module that may not exist yet (they are written in parallel)."""
    try:
        return getattr(importlib.import_module(module), name)
    except (ImportError, AttributeError):
        return None


# lib.dates dates a quote ("said on Thursday"); lib.gazetteer tells places from people.
_EXTRACT_EVENTS = _optional("lib.dates", "extract_events")
_LOAD_GAZETTEER = _optional("lib.gazetteer", "load_gazetteer")

# --- vocabulary ------------------------------------------------------------------------------


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


REPORTING_VERBS = (
    "said", "says", "say", "told", "tells", "added", "adds", "adding", "saying", "telling",
    "warned", "warns", "warning", "insisted", "insists", "insisting", "explained", "explains",
    "explaining", "stated", "claimed", "claiming", "declared", "announced", "argued", "argues",
    "arguing", "wrote", "writes", "writing", "tweeted", "posted", "urged", "urging", "vowed",
    "vowing", "promised", "pledged", "pledging", "noted", "noting", "stressed", "stressing",
    "admitted", "acknowledged", "asked", "replied", "responded", "commented", "confirmed",
    "denied", "described", "describing", "called", "calling", "criticised", "criticized",
    "accused", "accusing", "condemned", "suggested", "continued", "concluded", "recalled",
    "lamented", "predicted", "demanded", "branded", "labelled", "dubbed", "hailed",
    "welcomed", "cautioned", "reiterated", "sighed", "sighs", "according to",
)  # fmt: skip
# Capitalised words that end a title in a name: "British Prime Minister | Boris Johnson".
TITLE_WORDS = _words(
    """Minister Ministers President Secretary Chancellor Mayor Prefect Premier Leader Commissioner
    Director Chief Deputy Spokesman Spokeswoman Spokesperson Ambassador Senator MP MEP Governor
    Judge Prosecutor Captain Commander Officer Admiral Inspector Superintendent Constable Chairman
    Chairwoman Chair Founder Coordinator CEO King Queen Prince Princess Pope Bishop Archbishop
    Councillor Sheriff Attorney General Correspondent Skipper"""
)
HONORIFICS = _words(
    "Mr Mrs Ms Miss Mx Dr Prof Professor Sir Dame Lord Lady Baroness Rev Mme Rt Hon"
)
POSTNOMINALS = _words("MP MEP QC KC OBE MBE CBE")
PARTICLES = _words("de du des la le van von der den da di al el bin ben ibn dos")
# Lower-case titles: "the minister", "a Home Office spokesperson", "skipper Dean Wallis".
TITLE_NOUNS = (
    "minister", "secretary", "president", "spokesman", "spokeswoman", "spokesperson", "prefect",
    "mayor", "official", "officer", "director", "head", "chief", "leader", "founder", "co-founder",
    "coordinator", "commissioner", "chancellor", "ambassador", "MP", "deputy", "senator",
    "prosecutor", "captain", "commander", "volunteer", "campaigner", "activist", "lawyer",
    "chairman", "chairwoman", "counterpart", "governor", "premier", "inspector", "manager",
    "researcher", "professor", "envoy", "adviser", "advisor", "source", "witness", "survivor",
    "fisherman", "skipper", "member", "nurse", "doctor", "worker", "charity", "agency", "ministry",
    "organisation", "organization", "association", "NGO",
)  # fmt: skip
# Titles of office: with "the" they stand for the person in the news ("the minister said").
OFFICE_NOUNS = _words(
    "minister secretary president spokesman spokeswoman spokesperson prefect mayor chancellor "
    "premier commissioner governor ambassador leader envoy"
)
SPOKES_NOUNS = _words("spokesperson spokesman spokeswoman spokespeople spokesmen")
BODY_NOUNS = _words("charity agency ministry organisation organization association ngo")
# Speaking bodies: canonical name -> the ways articles write it.
ORGANISATIONS: dict[str, tuple[str, ...]] = {
    "Home Office": ("Home Office",),
    "Downing Street": ("Downing Street", "No 10", "No. 10", "Number 10"),
    "Elysee Palace": ("Elysee Palace", "Élysée Palace", "Elysée Palace", "Elysee", "Élysée", "Elysée"),
    "Interior Ministry": ("Interior Ministry", "Ministry of the Interior", "Ministry of Interior", "Beauvau"),
    "Maritime Prefecture": ("maritime prefecture", "préfecture maritime", "prefecture maritime", "Premar"),
    "Prefecture": ("prefecture", "préfecture"),
    "UNHCR": ("UNHCR", "UN refugee agency", "United Nations refugee agency", "UN High Commissioner for Refugees",
              "United Nations High Commissioner for Refugees"),
    "IOM": ("IOM", "International Organization for Migration", "International Organisation for Migration",
            "UN migration agency"),
    "RNLI": ("RNLI", "Royal National Lifeboat Institution"),
    "Border Force": ("Border Force",),
    "Utopia 56": ("Utopia 56", "Utopia56"),
    "Care4Calais": ("Care4Calais", "Care 4 Calais"),
    "Refugee Council": ("Refugee Council",),
    "Refugee Action": ("Refugee Action",),
    "Channel Rescue": ("Channel Rescue",),
    "Safe Passage": ("Safe Passage",),
    "Save the Children": ("Save the Children",),
    "Médecins Sans Frontières": ("Médecins Sans Frontières", "Medecins Sans Frontieres", "MSF",
                                 "Doctors Without Borders"),
    "Amnesty International": ("Amnesty International",),
    "Human Rights Watch": ("Human Rights Watch",),
    "Frontex": ("Frontex",),
    "Europol": ("Europol",),
    "European Commission": ("European Commission",),
    "National Crime Agency": ("National Crime Agency", "NCA"),
    "HM Coastguard": ("HM Coastguard", "Maritime and Coastguard Agency", "coastguard"),
    "CROSS Gris-Nez": ("CROSS Gris-Nez", "CROSS Gris Nez"),
    "Ministry of Defence": ("Ministry of Defence", "MoD"),
    "UK government": ("UK government", "British government"),
    "French government": ("French government",),
    "Kent Police": ("Kent Police",),
    "French police": ("French police", "French border police"),
    "Police": ("police",),
    "Prosecutor's office": ("prosecutor's office", "prosecutor’s office", "prosecutors"),
}  # fmt: skip
# Capitalised words that open sentences, not names: "The Elysee Palace", "Meanwhile Johnson".
FUNCTION_WORDS = _words(
    """The A An And But Or So Yet In On At By For From Of To With After Before When While As If
    Since Although Though Meanwhile However Earlier Later Last Next This That These Those It He She
    They We I You His Her Its Their Our My Your There Here Then Now Today Yesterday Tonight Also Some
    Many Most More Several Both All Each Every No Not Only Even Despite During Under Over Among Between
    Without Within Against Following Including Unlike Like Amid Why What Who How Where Which Whoever
    One Two Three Four Five Six Seven Eight Nine Ten Another Other Others Such Asked Speaking
    Thanks Please Read Share Updated Published Photo Image Video Watch Advertisement Instead Elsewhere
    Separately Overall Still Again Indeed Finally Currently Recently Previously Nevertheless Otherwise
    Ultimately Initially Altogether Hundreds Thousands Dozens Around About Nearly Almost"""
)
# Capitalised words that are never part of a person's name.
NOT_NAMES = FUNCTION_WORDS | _words(
    """January February March April May June July August September October November December
    Monday Tuesday Wednesday Thursday Friday Saturday Sunday Christmas Easter
    French British English Scottish Welsh Irish German Belgian Dutch Italian Spanish European
    American Afghan Iraqi Iranian Kurdish Syrian Sudanese Eritrean Albanian Vietnamese Egyptian
    Somali Ethiopian Yemeni Libyan Turkish Chinese Indian Pakistani African Asian
    Channel Sea Ocean Strait Coast Beach Port Harbour Street Road Square Palace Office Ministry
    Council Force Agency Union Police Guard Coastguard Party Government House Commons Lords
    Parliament Court Prefecture News Times Post Press Airport Station Centre Center Hospital
    University Institute Foundation Trust Association Navy Army Department Committee Commission
    Republic Kingdom States Nations North South East West Northern Southern Eastern Western Central
    Middle Upper Lower Great New Royal National International Labour Conservative Tory Tories
    Democrats Liberal Green Greens Reform Brexit Covid Twitter Facebook Instagram TikTok Telegram
    Officials Authorities Migrants Charities Volunteers Rescuers Witnesses Residents Sources Critics
    Campaigners Ministers Observers Experts Analysts Prosecutors Investigators Survivors Officers
    Home Interior Foreign Justice Defence Border Security Immigration Rwanda Bill Act"""
)
# A few places, so that names are told apart from them without the gazetteer.
PLACES = _words(
    """France Britain England UK Scotland Wales Ireland Europe Africa Asia America Calais Dunkirk
    Dunkerque Dover Boulogne Boulogne-sur-Mer Wimereux Gravelines Sangatte Paris London Kent Folkestone
    Ramsgate Deal Dungeness Lille Brussels Belgium Germany Italy Spain Greece Turkey Libya Croatia
    Afghanistan Iraq Iran Syria Sudan Eritrea Albania Vietnam Rwanda Manche Pas-de-Calais Nord
    Grande-Synthe Loon-Plage Équihen-Plage Touquet Cherbourg Manston Westminster Whitehall"""
)

_MAX_UNBALANCED_CHARS = 400  # an unclosed quote stops at its paragraph end, or here
_MAX_QUOTE_CHARS = 4000  # a quote continued over paragraphs stops growing here
_MAX_CONTINUED_PARAGRAPHS = 8
_SALIENCE_LOOKBACK = 12  # sentences searched back for the person a pronoun stands for
# Bounds that keep the work per quote constant on pathological input (a 5 MB "sentence"):
_WINDOW = 1000  # characters of a quote's sentence read each side of it
_MAX_GAP = 120  # characters between a subject and its verb
_MAX_LOOKS = 20  # earlier verbs or mentions tried
_MAX_BORROWS = 50  # unattributed quotes matched against the attributed ones

# --- patterns -------------------------------------------------------------------------------


def _trie(words: Iterable[str]) -> str:
    """The words as one regex shaped like a trie ("sa(?:id|ys?)"), which `re` tries far faster
    than a flat list of alternatives; a space inside a word matches any run of spaces."""
    root: dict[str, dict] = {}
    for word in words:
        node = root
        for ch in word:
            node = node.setdefault(ch, {})
        node[""] = {}

    def emit(node: dict[str, dict]) -> str:
        branches = [
            (r"\s+" if ch == " " else re.escape(ch)) + emit(child)
            for ch, child in sorted(node.items())
            if ch
        ]
        if not branches:
            return ""
        body = branches[0] if len(branches) == 1 else f"(?:{'|'.join(branches)})"
        return f"(?:{body})?" if "" in node else body

    return emit(root)


def _cased(words: Iterable[str]) -> set[str]:
    """Each word as written, in lower case and capitalised: "the prefecture", "The prefecture"."""
    return {form for w in words for form in (w, w.lower(), w[:1].upper() + w[1:])}


def _fold(text: str) -> str:
    """Accents off, case folded, one space: "Élysée  Palace" -> "elysee palace"."""
    text = unicodedata.normalize("NFKD", text.replace("’", "'"))
    return " ".join("".join(c for c in text if not unicodedata.combining(c)).casefold().split())


# Word patterns start with the character before the word instead of `\b`, so that `re` can
# skip ahead to candidate positions; group "w" is the word. `_Reader.find` runs them.
_B = r"[\s\"“‘«(\[—–/-]"
_ORG_CANONICAL = {
    _fold(alias): name for name, aliases in ORGANISATIONS.items() for alias in aliases
}
_ACRONYMS = {a for aliases in ORGANISATIONS.values() for a in aliases if a.isupper() or a == "MoD"}
_ORG_WORDS = _trie(
    _ACRONYMS | _cased(a for v in ORGANISATIONS.values() for a in v if a not in _ACRONYMS)
)
_VERB_WORDS = _trie(_cased(["according to"]) | set(REPORTING_VERBS))
_PRONOUN_WORDS = _trie(_cased(["he", "she", "they", "it"]))
_DETERMINERS = _cased(["the", "a", "an", "his", "her", "its", "their"]) | {
    "Britain's",
    "Britain’s",
    "France's",
    "France’s",
}
_FILLER = (
    r"(?:(?!(?:the|a|an|and|or|but|of|to|for|by|in|on|at|with|from|who|that|which)\b)[\w'’.-]+\s+)"
)
# "the French interior minister", "a Home Office spokesperson", "Britain's home secretary"
_TITLE_WORDS = rf"{_trie(_DETERMINERS)}\s+{_FILLER}{{0,4}}?{_trie(_cased(TITLE_NOUNS))}s?"
_ORG = re.compile(rf"{_B}(?P<w>{_ORG_WORDS})(?![\w-])")
_VERB = re.compile(rf"{_B}(?P<w>{_VERB_WORDS})\b")
_TITLE = re.compile(rf"{_B}(?P<w>{_TITLE_WORDS})\b")
# All four in one pass over a sentence. A title is found by its noun, rarer than "the", and
# its determiner looked for just before (_TITLE_HEAD); a body inside a title afterwards.
_SPEAKER_WORDS = re.compile(
    rf"{_B}(?:(?P<organisation>{_ORG_WORDS})(?![\w-])|(?P<title>{_trie(_cased(TITLE_NOUNS))}s?)\b"
    rf"|(?P<verb>{_VERB_WORDS})\b|(?P<pronoun>{_PRONOUN_WORDS})\b)"
)
_TITLE_HEAD = re.compile(rf"(?<![\w'’-])(?:{_trie(_DETERMINERS)})\s+{_FILLER}{{0,4}}\Z")
_PARTICIPLES = frozenset(v for v in REPORTING_VERBS if v.endswith("ing"))
_TITLE_NOUN_SET = frozenset(n.lower() for n in TITLE_NOUNS)
_NOT_IN_TITLES = _words("the a an and with to of by as said")
# A run of capitalised words, "Mr." and name particles included: "Jean-Marc Delacroix", "Mr. Sunak".
# Possessive quantifiers (*+) keep `re` from backtracking into every capitalised word.
_NAME_TOKEN = r"[A-ZÀ-ÖØ-Þ][\w'’-]*+(?:(?<=Mr)\.|(?<=Mrs)\.|(?<=Ms)\.|(?<=Dr)\.)?"
_PARTICLE = f"(?:{_trie(PARTICLES)})"
# One space between the words: blanked page furniture leaves wide gaps between unrelated words.
_CAP_RUN = re.compile(rf"{_NAME_TOKEN}(?:[ \t\xa0](?:{_PARTICLE}[ \t\xa0]){{0,2}}{_NAME_TOKEN})*")
# Two words or more: "Boris Johnson", "Mr Sunak", "Prime Minister Johnson".
_NAME_RUN = re.compile(rf"{_NAME_TOKEN}(?:[ \t\xa0](?:{_PARTICLE}[ \t\xa0]){{0,2}}{_NAME_TOKEN})+")
_WORD = re.compile(r"\S+")
_PLAIN_WORD = re.compile(r"[\w'’-]+")
_WEEKDAY = r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)"
# Between a subject and its verb: "Johnson also said", "Macron on Thursday told",
# "Marine Lecomte, of the French charity Utopia 56, said", "Darmanin, who ..., said".
_SUBJECT_GAP = re.compile(
    r"(?:\s*,\s*[^,\"“”«»‘’]{1,80}?,\s*|\s*,?\s*)"
    rf"(?:(?:also|later|then|previously|earlier|further|again|once|who|has|had|have|would|will|"
    rf"could|may|might|already|since|just|today|yesterday|\w+ly|on\s+{_WEEKDAY}|last\s+\w+),?\s+)*"
)
_ANY_WORD = re.compile(r"\w")
_COMMA = re.compile(r",\s*")
_PASSIVE = re.compile(r"\b(?:is|are|was|were|been|being|be)\s+$")
_APPOSITIVE_START = re.compile(r",\s+(?:an?|the|who|whose)\s")
_COMMA_GAP = re.compile(r"\s*,?\s*")
_CLAUSE_END = re.compile(r"[,;]")
_PUNCT_LEAD = re.compile(r"[\s,;:—–-]*")  # between a closing mark and "said Johnson"
_LEAD = re.compile(r"[\s,;:—–-]*(?:[Tt]he\s+)?")  # between a closing mark and "the prefecture said"
_AFTER_VERB = re.compile(r"\s*(?:the\s+)?")  # between "said" and "Johnson"
_FOR_BODY = re.compile(
    r"\s*,?\s+(?:(?:for|from|at|of|with)\s+)?(?:the\s+|Britain['’]s\s+|France['’]s\s+)?"
)
_APPOSITIVE_END = re.compile(r"[^,.;:\"“”]{0,60}(?=[,.;:]|$)")

_DOUBLE, _SINGLE, _STRAIGHT_SINGLE, _GUILLEMET = "double", "single", "straight single", "guillemet"
# A quotation mark, but not an apostrophe inside a word (people's, don’t).
_MARK = re.compile("[\"“”„«»‘’'](?!(?<=\\w['’])\\w)")
_REOPENERS = {_DOUBLE: '"“”„', _SINGLE: "‘'", _STRAIGHT_SINGLE: "'‘", _GUILLEMET: "«"}
_NEW_OPENERS = {_DOUBLE: '"“', _SINGLE: "‘", _STRAIGHT_SINGLE: "", _GUILLEMET: "«"}
_BEFORE_OPEN = frozenset(" \t\n\xa0([{—–-/:;\"“‘'«")  # what may stand before an opening mark
_AFTER_CLOSE = frozenset(" \t\n\xa0.,;:!?)]}—–-…\"”’'»")  # what may follow a closing mark
_STRAIGHT_CLOSER = re.compile(r"(?<=\S)['’](?!\w)")


# --- finding quoted words -----------------------------------------------------------------


@dataclass(slots=True)
class _Span:
    """Quoted words: the inner text in each paragraph it runs over, and the marks around it."""

    parts: list[tuple[int, int]]
    open_at: int  # the opening mark
    close_at: int  # the closing mark, or the paragraph end when the quote never closes
    family: str
    closed: bool = True


def _opens(ch: str, before: str, after: str) -> str | None:
    """The family of quote `ch` opens here, or None: '"We', '“We', '‘We', '« Nous', "'We"."""
    if before not in _BEFORE_OPEN:
        return None  # inside a word: 5'10", people's
    if ch == "«":
        return _GUILLEMET
    if ch in '“„"' or (ch == "”" and after.isalnum()):
        return _DOUBLE
    if ch == "‘" and not after.isspace() and not after.isdigit():  # not ‘90s
        return _SINGLE
    if ch == "'" and after.isalpha():  # not '90s; confirmed by a closing mark in _scan
        return _STRAIGHT_SINGLE
    return None


def _closes(family: str, ch: str, before: str, after: str) -> bool:
    if family == _GUILLEMET:
        return ch == "»"
    if family == _DOUBLE:
        if ch == "”":
            return True
        if ch == '"':
            return not before.isspace() or after in _AFTER_CLOSE
        # “ typed for ” by mistake closes only where a closing mark would stand
        return ch == "“" and not before.isspace() and after in _AFTER_CLOSE
    # a single quote closes at the end of a word, never inside one (people's, don't, couldn’t)
    return ch in "’'" and not before.isspace() and not after.isalnum()


class _Closers:
    """Where a single quote could close in one paragraph, found when first asked."""

    def __init__(self, clean: str, start: int, end: int) -> None:
        self.clean, self.start, self.end = clean, start, end
        self.found: list[int] | None = None

    def after(self, offset: int) -> bool:
        if self.found is None:
            self.found = [
                m.start() for m in _STRAIGHT_CLOSER.finditer(self.clean, self.start, self.end)
            ]
        return bisect.bisect_right(self.found, offset) < len(self.found)


def _scan(doc: Document) -> list[_Span]:
    """Every quoted span of the article, paragraph by paragraph; unclosed quotes are cut short."""
    clean, paragraphs = doc.clean, doc.paragraphs
    spans: list[_Span] = []
    carry: tuple[int, _Span] | None = None  # a quote left open, and the paragraph that reopens it
    for k, para in enumerate(paragraphs):
        a, b = para.start, para.end
        span: _Span | None = None
        possessive: int | None = None  # a closing mark taken for a possessive: "the boats' engines"
        closers = _Closers(clean, a, b)  # where a single quote could close
        pos = a
        if carry is not None and carry[0] == k:
            span, carry = carry[1], None
            pos = a + len(clean[a:b]) - len(clean[a:b].lstrip()) + 1  # past the reopening mark
            span.parts.append((pos, pos))
        for m in _MARK.finditer(clean, pos, b):
            i = m.start()
            ch = clean[i]
            before = clean[i - 1] if i > a else " "
            after = clean[i + 1] if i + 1 < b else " "
            if span is None:
                family = _opens(ch, before, after)
                if family == _STRAIGHT_SINGLE and not closers.after(i + 1):
                    continue  # an apostrophe: 'em, 'til
                if family:
                    span, possessive = _Span([(i + 1, i + 1)], i, i, family), None
                continue
            if _closes(span.family, ch, before, after):
                nxt = clean[i + 2] if i + 2 < b else ""
                plural = before == "s" and after == " " and nxt.islower() and span.family != _DOUBLE
                if plural and closers.after(i):
                    possessive = i  # the smugglers’ boats: a possessive, the quote closes later
                    continue
                span.parts[-1] = (span.parts[-1][0], i)
                span.close_at = i
                spans.append(span)
                span = None
            elif possessive is not None and ch in "‘'" and _opens(ch, before, after) == span.family:
                # "the 'stop the boats' pledge is branded 'a national humiliation'": that was a closing mark
                span.parts[-1] = (span.parts[-1][0], possessive)
                span.close_at = possessive
                spans.append(span)
                span, possessive = _Span([(i + 1, i + 1)], i, i, span.family), None
            elif ch in _NEW_OPENERS[span.family] and _opens(ch, before, after) == span.family:
                # a new opening mark while one is open: the earlier quote was never closed
                _warn_unbalanced(doc, span.open_at)
                spans.append(_cut(clean, span, i))
                span = _Span([(i + 1, i + 1)], i, i, span.family)
        if span is None:
            continue
        target = _continuation(doc, k, span)
        if target is not None:
            span.parts[-1] = (span.parts[-1][0], b)
            carry = (target, span)
        elif span.family != _STRAIGHT_SINGLE:
            _warn_unbalanced(doc, span.open_at)
            spans.append(_cut(clean, span, b))
    spans.sort(key=lambda s: s.open_at)
    return spans


def _continuation(doc: Document, k: int, span: _Span) -> int | None:
    """The paragraph that carries on a quote left open in paragraph k: it opens with a quote mark.

    Photo captions and "Read more" lines between the two are skipped.
    """
    if (
        len(span.parts) >= _MAX_CONTINUED_PARAGRAPHS
        or doc.paragraphs[k].end - span.open_at > _MAX_QUOTE_CHARS
    ):
        return None
    section = doc.paragraphs[k].section
    for j in range(k + 1, min(k + 4, len(doc.paragraphs))):
        para = doc.paragraphs[j]
        if para.section == section:
            first = doc.clean[para.start : para.end].lstrip()[:1]
            return j if first and first in _REOPENERS[span.family] else None
    return None


def _cut(clean: str, span: _Span, end: int) -> _Span:
    """An unclosed quote ends at `end`, or at a word boundary within the length cap."""
    start = span.parts[-1][0]
    if end - start > _MAX_UNBALANCED_CHARS:
        cap = start + _MAX_UNBALANCED_CHARS
        space = clean.rfind(" ", start, cap)
        end = space if space > start else cap
    span.parts[-1] = (start, end)
    span.close_at = end
    span.closed = False
    return span


def _ends_with(text: str, start: int, end: int, suffix: str) -> bool:
    """Whether text[start:end], trailing blanks aside, ends with `suffix` (without copying it)."""
    while end > start and text[end - 1].isspace():
        end -= 1
    return text.startswith(suffix, max(start, end - len(suffix)), end)


def _warn_unbalanced(doc: Document, offset: int) -> None:
    if not any(w.startswith("unbalanced quotation marks") for w in doc.warnings):
        doc.warnings.append(f"unbalanced quotation marks at offset {offset}")


def _trim(clean: str, start: int, end: int, *, last: bool) -> tuple[int, int]:
    """Inner text without surrounding blanks, nor the comma or full stop before a closing mark."""
    while start < end and clean[start].isspace():
        start += 1
    while end > start and clean[end - 1].isspace():
        end -= 1
    if (
        last
        and end > start
        and (clean[end - 1] in ",;:" or (clean[end - 1] == "." and clean[end - 2 : end] != ".."))
    ):
        end -= 1
        while end > start and clean[end - 1].isspace():
            end -= 1
    return start, end


# --- who is named where -------------------------------------------------------------------


@dataclass(slots=True)
class _Mention:
    """Someone or something a sentence names outside quotes, who could be a speaker."""

    start: int
    end: int
    kind: str  # person, organisation, pronoun, title
    name: str  # "Boris Johnson", "Home Office", "he", "French interior minister"
    role: str | None = None
    strong: bool = True  # False for a lone capitalised word only its place makes a name
    definite: bool = True  # "the minister" stands for someone known; "a spokesman" does not


@dataclass(frozen=True, slots=True)
class _Speaker:
    name: str | None
    role: str | None
    kind: str  # person, organisation, unknown


_Verb = tuple[int, int, str]  # start, end, the verb ("according" for "according to")
_Attribution = tuple[_Speaker | None, tuple[int, int] | None]  # who, and the clause that says so


class _Region(NamedTuple):
    """The stretch of sentence i the rules read (all of it, unless it is very long)."""

    i: int
    start: int
    end: int


class _Facts(NamedTuple):
    """What a region says outside quotes, in text order, with the offsets to bisect."""

    mentions: list[_Mention]
    verbs: list[_Verb]
    mention_starts: list[int]
    verb_starts: list[int]


@lru_cache(maxsize=8192)
def _is_place(name: str) -> bool:
    if name in PLACES:
        return True
    if _LOAD_GAZETTEER is None:
        return False
    try:
        entry = _LOAD_GAZETTEER().lookup(name)
    except (OSError, ValueError):  # no gazetteer file, or a broken one: the small list must do
        return False
    return entry is not None and not getattr(entry, "needs_context", False)


@lru_cache(maxsize=1024)
def _org_name(alias: str) -> str:
    """The canonical name of a speaking body: "the Élysée" -> "Elysee Palace"."""
    return _ORG_CANONICAL.get(_fold(alias), alias)


def _is_title_word(word: str) -> bool:
    return word in TITLE_WORDS or (
        "-" in word and any(part in TITLE_WORDS for part in word.split("-"))
    )


def _strip_possessive(word: str) -> str:
    return word[:-2] if word.endswith(("'s", "’s")) else word.rstrip("'’")


class _Reader:
    """What the attribution rules need to know about one article, worked out once and lazily."""

    def __init__(self, doc: Document, spans: list[_Span]) -> None:
        self.doc = doc
        self.clean = doc.clean
        # so that a word pattern sees a character before the first word
        self.padded = " " + doc.clean
        self.sentences = doc.sentences
        self.sentence_starts = [s.start for s in doc.sentences]
        self.opens = [s.open_at for s in spans]
        self.closes = [s.close_at for s in spans]
        self._facts: dict[tuple[int, int], _Facts] = {}
        self._holders: dict[str, list[tuple[int, str]]] = {}
        self._runs: dict[int, _Mention | None] = {}  # capitalised runs read so far, by offset
        self._sentence_names: dict[int, list[_Mention]] = {}
        self._events: list[Any] | None = None
        self.names = self._scan_full_names()
        self.surnames: dict[str, list[_Mention]] = {}
        self.roles: dict[str, str] = {}
        for m in self.names:
            if m.kind == "person" and " " in m.name:
                self.surnames.setdefault(m.name.split()[-1].casefold(), []).append(m)
        for m in self.names:
            full = self.full_name(m)
            if full and m.role and full not in self.roles:
                self.roles[full] = m.role

    # -- where things are

    def quoted(self, offset: int) -> bool:
        k = bisect.bisect_right(self.opens, offset) - 1
        return k >= 0 and offset <= self.closes[k]

    def sentence_index(self, offset: int) -> int | None:
        k = bisect.bisect_right(self.sentence_starts, offset) - 1
        if k >= 0 and self.sentences[k].start <= offset < self.sentences[k].end:
            return k
        return None

    # -- names across the whole article

    def _scan_full_names(self) -> list[_Mention]:
        """The people the article names with two words or more ("Boris Johnson", "Mr Sunak",
        "Prime Minister Johnson"), outside quotes, in order: for surnames and roles."""
        names = []
        for m in _NAME_RUN.finditer(self.clean):
            mention = self._read_run(m.start(), m.end())
            if mention is not None:
                names.append(mention)
        return names

    def sentence_names(self, i: int) -> list[_Mention]:
        """The people (and candidate surnames) sentence i names outside quotes, in order."""
        cached = self._sentence_names.get(i)
        if cached is not None:
            return cached
        s = self.sentences[i]
        names = []
        for m in _CAP_RUN.finditer(self.clean, s.start, s.end):
            mention = self._read_run(m.start(), m.end())
            if mention is not None:
                names.append(mention)
        self._sentence_names[i] = names
        return names

    def _read_run(self, start: int, end: int) -> _Mention | None:
        """A capitalised run, read once: longer runs by `_classify`, one word here."""
        if start in self._runs:
            return self._runs[start]
        clean = self.clean
        mention = None
        inside_word = start and (clean[start - 1].isalnum() or clean[start - 1] in "'’-")
        if not inside_word and not self.quoted(start):
            text = clean[start:end]
            if " " in text or "\t" in text or "\xa0" in text:
                mention = self._classify(start, end)
            else:
                mention = self._read_word(start, end, _strip_possessive(text))
        self._runs[start] = mention
        return mention

    def _read_word(self, start: int, end: int, word: str) -> _Mention | None:
        """One capitalised word: a surname, perhaps ("Johnson", "skipper Wallis", "Adam, a 16-year-old")."""
        if (
            word in NOT_NAMES
            or word in PLACES
            or word in TITLE_WORDS
            or word.rstrip(".") in HONORIFICS
        ):
            return None
        if (word.isupper() and len(word) > 1) or (
            word.endswith("ing") and self.clean.startswith(",", end)
        ):
            return None  # "AFP"; "Prosecuting, Edward Lyle KC told the jury"
        role, first = self._title_before(start)
        if role is None:
            role = self._appositive_after(end)
        if role is None and _is_place(word):
            return None
        strong = role is not None or self._named_single(start, end)
        return _Mention(first, end, "person", word, role, strong)

    def outside_quotes(
        self, pattern: re.Pattern[str], start: int, end: int
    ) -> Iterator[re.Match[str]]:
        """Matches of a word pattern in clean[start:end] outside quotes (offsets into `padded`)."""
        k = bisect.bisect_right(self.closes, start)  # the quotes that end after `start`
        while start < end:
            stop = end
            if k < len(self.opens) and self.opens[k] < end:
                stop = max(start, self.opens[k])
            yield from pattern.finditer(self.padded, start, stop + 1)
            if stop == end:
                return
            start = self.closes[k] + 1
            k += 1

    def find(self, pattern: re.Pattern[str], start: int, end: int) -> list[tuple[int, int, str]]:
        """(start, end, word) of each match of a word pattern in clean[start:end], outside quotes."""
        found = []
        for m in pattern.finditer(self.padded, start, end + 1):
            a, b = m.span("w")
            if not self.quoted(a - 1):
                found.append((a - 1, b - 1, m.group("w")))
        return found

    def _classify(self, start: int, end: int) -> _Mention | None:
        """A run of capitalised words -> a person with a role, a bare title, or nothing.

        "British Prime Minister Boris Johnson" -> Boris Johnson, role "British Prime Minister";
        "Mr Sunak" -> Sunak; "Home Secretary" -> a title; "Elysee Palace", "Calais" -> None.
        """
        words = self.clean[start:end].split()  # one separator between words, see _CAP_RUN
        while len(words) > 1 and words[-1] in POSTNOMINALS:  # "Priti Patel MP", "Edward Lyle KC"
            words.pop()
        last = _strip_possessive(words[-1])
        if last in NOT_NAMES or last in PLACES or (last.isupper() and len(last) > 1):
            return None  # "Middle East", "The Elysee Palace", "Britain's PA": no name ends so

        def offset(k: int) -> int:
            return start + sum(len(w) + 1 for w in words[:k])

        i = 0
        while i < len(words) and words[i] in FUNCTION_WORDS:
            i += 1  # "The", "But", "Meanwhile" open sentences, not names
        j = len(words)
        while j > i and not _is_title_word(words[j - 1]):
            j -= 1  # the role runs to the last title word: "British Prime Minister | Boris Johnson"
        role = " ".join(words[i:j]) or None
        k = j
        while k < len(words) and words[k].rstrip(".") in HONORIFICS:
            k += 1
        honorific = k > j
        name_words = words[k:]
        if not name_words:
            # a bare title: "Home Secretary: 'no let-up'" in a headline
            return _Mention(offset(i), end, "title", role) if role else None
        name_words[-1] = last
        if sum(w not in PARTICLES for w in name_words) > 3:
            return None  # a title-case headline, not a name ("Ursula von der Leyen" is three words)
        for w in name_words[:-1]:
            if w in NOT_NAMES or w in PLACES or (w.isupper() and len(w) > 1):
                return None
        name = " ".join(name_words)
        first = offset(i if role or honorific else j)
        if role is None:
            role, first = self._title_before(first)
        if role is None:
            role = self._appositive_after(end)
        known = bool(role or honorific)
        if not known and _is_place(name):
            return None
        strong = known or len(name_words) > 1 or self._named_single(start, end)
        return _Mention(first, end, "person", name, role, strong)

    def _named_single(self, start: int, end: int) -> bool:
        """A lone capitalised word inside a sentence reads as a name when a comma, a reporting
        verb or "as"/"named" frames it: "gave his name only as Yonas, described", "Adam, a 16-year-old"."""
        if start == 0 or self.sentence_index(start - 1) is None:
            # the first word of a sentence is capitalised anyway, unless an appositive or a
            # reporting verb follows: "Ahmed, a 24-year-old from Sudan, said", "Patel said"
            return bool(_APPOSITIVE_START.match(self.clean, end) or _VERB.match(self.clean, end))
        if self.clean[end : end + 1] == "," or _VERB.match(self.clean, end):
            return True
        return self.clean[max(0, start - 7) : start].split()[-1:] in (["as"], ["named"], ["called"])

    def _title_before(self, start: int) -> tuple[str | None, int]:
        """A lower-case title just before a name: "skipper Dean Wallis", "French counterpart Gerald Darmanin"."""
        clean = self.clean
        if start < 2 or clean[start - 1] != " ":
            return None, start
        k = clean.rfind(" ", max(0, start - 30), start - 1)
        if clean[k + 1 : start - 1].lower() not in _TITLE_NOUN_SET or clean[k + 1].isupper():
            return None, start
        window = clean[max(0, start - 50) : start]
        words = list(_WORD.finditer(window))
        k = len(words) - 1
        while k > 0 and len(words) - k < 3 and _PLAIN_WORD.fullmatch(words[k - 1].group()):
            if words[k - 1].group().lower() in _NOT_IN_TITLES:
                break
            k -= 1
        role = " ".join(w.group() for w in words[k:])
        return role, start - len(window) + words[k].start()

    def _appositive_after(self, end: int) -> str | None:
        """ "Gerald Darmanin, the French interior minister," -> "French interior minister"."""
        if not self.clean.startswith(", ", end):
            return None
        t = _TITLE.match(self.clean, end + 1)
        if t is None:
            return None
        rest = _APPOSITIVE_END.match(self.clean, t.end())
        if rest is None:
            return None
        words = self.clean[t.start("w") : rest.end()].split()
        return " ".join(words[1:]) if len(words) > 1 else None

    def full_name(self, m: _Mention) -> str | None:
        """ "Johnson" -> "Boris Johnson" when the article gives the full name (earlier, else later)."""
        if m.kind != "person":
            return None
        if " " in m.name:
            return m.name
        candidates = self.surnames.get(m.name.casefold())
        if not candidates:
            return m.name if m.strong else None
        k = bisect.bisect_left(candidates, m.start, key=lambda c: c.start)
        return candidates[k - 1 if k else 0].name

    def named(self, m: _Mention) -> bool:
        """Whether a mention names someone: any body or title, a person known by name."""
        return m.kind != "person" or self.full_name(m) is not None

    # -- one sentence at a time

    def region(self, i: int, span: _Span | None = None, *, at: int | None = None) -> _Region:
        """Sentence i as the rules read it: all of it, unless it is very long; then the stretch
        around a quote (or an offset), snapped to a grid of `_WINDOW` characters so that quotes
        close together share it, and an endless sentence costs no more than its length."""
        s = self.sentences[i]
        if span is not None:
            lo, hi = span.open_at, span.close_at
        else:
            lo = hi = s.end if at is None else at
        lo, hi = lo - lo % _WINDOW - _WINDOW, hi - hi % _WINDOW + 2 * _WINDOW
        return _Region(i, max(s.start, lo), min(s.end, hi))

    def facts(self, r: _Region) -> _Facts:
        """The mentions and reporting verbs of a region outside quotes, each in text order."""
        cached = self._facts.get((r.start, r.end))
        if cached is not None:
            return cached
        all_names = self.sentence_names(r.i)
        starts = [n.start for n in all_names]
        names = [
            _Mention(n.start, n.end, n.kind, n.name, n.role, n.strong, n.definite)
            for n in all_names[
                bisect.bisect_left(starts, r.start) : bisect.bisect_left(starts, r.end)
            ]
        ]
        orgs, titles, verbs, pronouns = [], [], [], []
        for m in self.outside_quotes(_SPEAKER_WORDS, r.start, r.end):
            kind = m.lastgroup or ""
            a, b = m.span(kind)
            a, b, word = a - 1, b - 1, m.group(kind)
            if kind == "organisation":
                orgs.append(_Mention(a, b, kind, _org_name(word)))
            elif kind == "title":
                window = max(r.start, a - 60)
                head = _TITLE_HEAD.search(self.clean, window, a)
                if head is None:
                    continue  # "minister" without "the", "a", "his" before it
                a = head.start()
                words = self.clean[a:b].split()
                noun = words[-1].lower()
                body = (noun if noun in _TITLE_NOUN_SET else noun.rstrip("s")) in BODY_NOUNS
                definite = words[0].lower() not in ("a", "an")
                kind = "body" if body else "title"
                titles.append(_Mention(a, b, kind, " ".join(words[1:]), definite=definite))
                for x, y, inner in self.find(_ORG, a, b):  # "a Home Office spokesperson"
                    orgs.append(_Mention(x, y, "organisation", _org_name(inner)))
            elif kind == "verb":
                verbs.append((a, b, "according" if " " in word else word))
            else:
                pronouns.append(_Mention(a, b, kind, word.lower()))
        # "Border Force Maritime Commander Richard Fenwick": the body is part of a person's title
        orgs = [
            o
            for o in orgs
            if not any(
                n.role and n.start <= o.start and o.end <= n.end - len(n.name) for n in names
            )
        ]
        names = [n for n in names if not any(o.start < n.end and n.start < o.end for o in orgs)]
        mentions = self._merge(orgs, titles, names)
        taken = [(m.start, m.end) for m in mentions]
        mentions += [p for p in pronouns if not any(x <= p.start < y for x, y in taken)]
        mentions.sort(key=lambda x: x.start)
        facts = _Facts(mentions, verbs, [m.start for m in mentions], [v[0] for v in verbs])
        self._facts[(r.start, r.end)] = facts
        return facts

    def _merge(
        self, orgs: list[_Mention], titles: list[_Mention], names: list[_Mention]
    ) -> list[_Mention]:
        """Join titles to what they qualify: "a Home Office spokesperson" speaks for the Home Office,
        "the immigration minister, Robert Jenrick," and "Gerald Darmanin, the French interior
        minister," are people with a role."""
        clean = self.clean
        kept = []
        for t in titles:
            inside = next((o for o in orgs if t.start <= o.start and o.end <= t.end), None)
            after = _FOR_BODY.match(clean, t.end)
            following = next((o for o in orgs if after and o.start == after.end()), None)
            body = inside or following
            if body is not None:  # "a Home Office spokesperson", "a spokesman for the prefecture"
                body.start, body.end = min(body.start, t.start), max(body.end, t.end)
                continue
            # "the immigration minister, Robert Jenrick", "the British Prime Minister Boris Johnson"
            over = next((n for n in names if n.start < t.end and t.start < n.end), None)
            at = _COMMA_GAP.match(clean, t.end).end()  # type: ignore[union-attr]
            person = over or next((n for n in names if n.start == at), None)
            if person is not None and t.kind == "title":
                person.start, person.role = min(person.start, t.start), person.role or t.name
                person.strong = True
                continue
            # "Gerald Darmanin, the French interior minister,"
            before = next((n for n in names if _COMMA.fullmatch(clean, n.end, t.start)), None)
            if before is not None and t.kind == "title" and t.definite:
                before.end, before.role = t.end, before.role or t.name
                continue
            kept.append(t)
        return orgs + kept + names

    # -- attribution

    def attribute(self, span: _Span, previous: tuple[_Span, _Speaker] | None) -> _Attribution:
        """The speaker of a quote, and the attribution clause that names them (where a date may sit)."""
        s1 = self.sentence_index(span.parts[0][0])
        if s1 is None:
            s1 = self.sentence_index(span.open_at)
        s2 = self.sentence_index(span.close_at if span.closed else span.parts[-1][1] - 1)
        if s1 is None or s2 is None:
            return None, None
        clean = self.clean
        r1, r2 = self.region(s1, span), self.region(s2, span)
        head = (r1.start, span.open_at)
        tail_end = r2.end
        k = bisect.bisect_right(self.opens, span.close_at)
        if k < len(self.opens) and self.opens[k] < tail_end:
            tail_end = self.opens[k]
        tail = (span.close_at + 1, tail_end) if span.closed else (span.close_at, span.close_at)
        unnamed: _Speaker | None = None  # someone in the speaker's place we cannot name

        def named(m: _Mention, i: int) -> _Speaker | None:
            """The speaker a mention stands for; "he" with no one named before, or "a government
            source", is kept aside: another rule may name them, but no guess may replace them."""
            nonlocal unnamed
            who = self.resolve(m, i)
            if who is None or who.name is None:
                unnamed = unnamed or who or _Speaker(None, None, "unknown")
                return None
            return who

        # 1. '"...," Johnson said', '"...," said the minister', '"...," according to the RNLI'
        m = self.immediate(r2, *tail)
        if m is not None and (who := named(m, s2)):
            return who, self.tail_clause(r2, m, *tail)
        # 2. 'Patel said: "..."', 'Macron told Johnson that France has a "shared responsibility"'
        rh = r1
        if not _ANY_WORD.search(clean, *head) and s1 > 0:
            # 'Home Secretary Priti Patel said:' ending the paragraph before
            prev = self.sentences[s1 - 1]
            if prev.section == self.sentences[s1].section and _ends_with(
                clean, prev.start, prev.end, ":"
            ):
                rh = self.region(s1 - 1)
                head = (rh.start, rh.end)
        m = self.before(rh, *head)
        if m is not None and (who := named(m, rh.i)):
            first = next(iter(self.facts(rh).mentions), None)
            return who, (head[0] if first is m else m.start, head[1])
        # 1b. '"Are we ready?" Johnson asked.', split into two sentences at the question mark
        if not _ANY_WORD.search(clean, *tail) and s2 + 1 < len(self.sentences):
            nxt = self.region(s2 + 1)
            if self.sentences[s2 + 1].paragraph == self.sentences[s2].paragraph and not self.quoted(
                nxt.start
            ):
                k = bisect.bisect_left(self.opens, nxt.start)
                end = min(nxt.end, self.opens[k]) if k < len(self.opens) else nxt.end
                m = self.immediate(nxt, nxt.start, end)
                if m is not None and (who := named(m, s2 + 1)):
                    return who, self.tail_clause(nxt, m, nxt.start, end)
        # 3. 'Taking back migrants "would ..." behind the trafficking, he said in a letter'
        verb = self.first_verb(r2, *tail)
        if verb is not None:
            m = self.subject(r2, verb, floor=tail[0])
            if m is not None and (who := named(m, s2)):
                return who, self.tail_clause(r2, m, *tail)
        # 4. a quote standing alone carries on the previous quote
        alone = not _ANY_WORD.search(clean, r1.start, span.open_at) and not _ANY_WORD.search(
            clean, *tail
        )
        if alone and previous is not None:
            prev_span, prev_speaker = previous
            before = self.sentence_index(prev_span.close_at)
            if (
                before is not None
                and self.sentences[s1].paragraph - self.sentences[before].paragraph <= 1
            ):
                return prev_speaker, None
        # 5. the sentence subject: 'Macron, after vowing ... a "cemetery," spoke'
        if unnamed is not None:
            return unnamed, None
        early = itertools.islice(self.facts(r1).mentions, _MAX_LOOKS)
        first = next((m for m in early if m.end <= span.open_at and self.named(m)), None)
        return (named(first, s1) if first else None) or unnamed, None

    def first_verb(self, r: _Region, start: int, end: int) -> _Verb | None:
        f = self.facts(r)
        k = bisect.bisect_left(f.verb_starts, start)
        return f.verbs[k] if k < len(f.verbs) and f.verbs[k][0] < end else None

    def tail_clause(self, r: _Region, m: _Mention, start: int, end: int) -> tuple[int, int]:
        """The attribution after a quote, up to the end of its clause: 'he said in a letter on
        Thursday evening', not ', adding that they would meet on Monday'."""
        verb = self.first_verb(r, start, end)
        anchor = max(m.end, verb[1] if verb else start)
        comma = _CLAUSE_END.search(self.clean, anchor, end)
        return start, comma.start() if comma else end

    def immediate(self, r: _Region, start: int, end: int) -> _Mention | None:
        """The speaker named right at `start`: "said Johnson", "Johnson said", "according to X"."""
        verb = self.first_verb(r, start, end)
        if verb is None:
            return None
        if verb[0] == _PUNCT_LEAD.match(self.clean, start, end).end():  # type: ignore[union-attr]
            return self.object_of(r, verb)
        at = _LEAD.match(self.clean, start, end).end()  # type: ignore[union-attr]
        f = self.facts(r)
        k = bisect.bisect_left(f.mention_starts, start)
        m = f.mentions[k] if k < len(f.mentions) and f.mentions[k].start <= at else None
        if m is None or m.end > verb[0] or verb[2] in _PARTICIPLES or verb[2] == "according":
            return None
        if verb[0] - m.end > _MAX_GAP:
            return None
        return m if _SUBJECT_GAP.fullmatch(self.clean, m.end, verb[0]) else None

    def object_of(self, r: _Region, verb: _Verb) -> _Mention | None:
        """The speaker after an inverted verb: "said Priti Patel", "according to the RNLI"."""
        gap = _AFTER_VERB.match(self.clean, verb[1])
        at = gap.end() if gap else verb[1]
        f = self.facts(r)
        k = bisect.bisect_right(f.mention_starts, verb[1])
        return f.mentions[k] if k < len(f.mentions) and f.mentions[k].start <= at else None

    def before(self, r: _Region, start: int, end: int) -> _Mention | None:
        """The speaker of a quote opening at `end` from the words before it in region r."""
        f = self.facts(r)
        k = bisect.bisect_left(f.verb_starts, end) - 1
        while k >= 0 and f.verbs[k][1] > end:
            k -= 1
        if k >= 0 and f.verbs[k][0] >= start:
            return self.subject(r, f.verbs[k], floor=r.start)
        # a headline's 'Macron: "..."'
        stop = end
        while stop > start and self.clean[stop - 1].isspace():
            stop -= 1
        if stop > start and self.clean[stop - 1] == ":":
            k = bisect.bisect_left(f.mention_starts, stop) - 1
            if k >= 0 and not self.clean[f.mentions[k].end : stop - 1].strip():
                return f.mentions[k]
        return None

    def subject(self, r: _Region, verb: _Verb, *, floor: int) -> _Mention | None:
        """Who did the saying: the subject before the verb, the one after an inverted verb,
        or for "adding", "and added" the subject of an earlier verb, else the sentence subject."""
        if verb[2] == "according":
            return self.object_of(r, verb)
        if _PASSIVE.search(self.clean, max(0, verb[0] - 8), verb[0]):
            return (
                None  # "the pledge is branded 'a national humiliation' by ...": no subject speaks
            )
        if verb[2] not in _PARTICIPLES:
            direct = self.direct_subject(r, verb, floor)
            if direct is not None:
                return direct
            inverted = self.object_of(r, verb)
            if inverted is not None and _PUNCT_LEAD.fullmatch(self.clean, floor, verb[0]):
                return inverted
        f = self.facts(r)
        k = bisect.bisect_left(f.verb_starts, verb[0])
        for v in reversed(f.verbs[max(0, k - _MAX_LOOKS) : k]):
            if v[2] not in _PARTICIPLES and v[2] != "according":
                direct = self.direct_subject(r, v, r.start)
                if direct is not None:
                    return direct
        # the sentence subject; a reporting verb vouches for a lone word before a comma: "Macron, after vowing"
        early = itertools.islice(f.mentions, _MAX_LOOKS)
        return next(
            (
                m
                for m in early
                if m.end <= verb[0] and (self.named(m) or self.clean.startswith(",", m.end))
            ),
            None,
        )

    def direct_subject(self, r: _Region, verb: _Verb, floor: int) -> _Mention | None:
        """The outermost mention whose gap to the verb is only adverbs or a comma aside:
        "Marine Lecomte, of the French charity Utopia 56, said" -> Marine Lecomte."""
        f = self.facts(r)
        best = None
        for k in range(bisect.bisect_left(f.mention_starts, verb[0]) - 1, -1, -1):
            m = f.mentions[k]
            if m.end > verb[0]:
                continue
            if m.start < floor or verb[0] - m.end > _MAX_GAP:
                break
            if _SUBJECT_GAP.fullmatch(self.clean, m.end, verb[0]):
                best = m
        return best

    # -- who a mention stands for

    def resolve(self, m: _Mention, i: int) -> _Speaker | None:
        if m.kind == "organisation":
            return _Speaker(self.specific(m), None, "organisation")
        if m.kind == "person":
            full = self.full_name(m) or m.name
            return _Speaker(full, m.role or self.roles.get(full), "person")
        if m.kind == "pronoun":
            if m.name in ("it", "they"):
                body = self.salient_body(i, m.start)
                if body is not None or m.name == "it":
                    return body
            return self.salient_person(i)
        if m.kind == "body":  # "the charity said"
            return self.salient_body(i, m.start)
        return self.title_holder(m, i)

    def specific(self, m: _Mention) -> str:
        """ "the prefecture" after "the maritime prefecture" is the Maritime Prefecture."""
        if (
            m.name == "Prefecture"
            and "maritime" in self.clean[max(0, m.start - 600) : m.start].lower()
        ):
            return "Maritime Prefecture"
        return m.name

    def salient_person(self, i: int) -> _Speaker | None:
        """The first person named in the most recent earlier body sentence that names one."""
        for j in range(i - 1, max(-1, i - _SALIENCE_LOOKBACK), -1):
            s = self.sentences[j]
            if s.section not in ("body", "dateline"):
                continue
            for m in self.sentence_names(j):
                full = self.full_name(m)
                if full:
                    return _Speaker(full, self.roles.get(full), "person")
        return None

    def salient_body(self, i: int, before: int) -> _Speaker | None:
        """The organisation "it" or "the charity" stands for: named earlier in the sentence or just before."""
        mentions = self.facts(self.region(i, at=before)).mentions
        k = bisect.bisect_left(mentions, before + 1, key=lambda m: m.end)
        body = next((m for m in reversed(mentions[:k]) if m.kind == "organisation"), None)
        if body is not None:
            return _Speaker(body.name, None, "organisation")
        for j in range(i - 1, max(-1, i - 3), -1):
            body = next(
                (m for m in self.facts(self.region(j)).mentions if m.kind == "organisation"), None
            )
            if body is not None:
                return _Speaker(body.name, None, "organisation")
        return None

    def title_holder(self, m: _Mention, i: int) -> _Speaker:
        """ "the minister" -> the latest person given that title (the first one after, for a
        headline's "Home Secretary:"), else for an office the most salient person; "a
        spokesperson" speaks for the body in the news; else unknown."""
        title = " ".join(w for w in m.name.lower().split() if w not in ("french", "british", "uk"))
        noun = title.split()[-1] if title else ""
        if m.definite:
            holders = self._holders.get(title)
            if holders is None:
                holders = []
                for n in self.names:
                    full = self.full_name(n)
                    role = n.role or self.roles.get(full or "")
                    if full and role and title in role.lower():
                        holders.append((n.start, full))
                self._holders[title] = holders
            if holders:
                k = bisect.bisect_left(holders, (m.start, ""))
                holder = holders[k - 1 if k else 0][1]
                return _Speaker(holder, self.roles.get(holder), "person")
            if noun.rstrip("s") in OFFICE_NOUNS:
                salient = self.salient_person(i)
                if salient is not None:
                    return salient
        if noun in SPOKES_NOUNS:  # '"...," a spokesperson said'
            body = self.salient_body(i, m.start)
            if body is not None:
                return body
        return _Speaker(None, m.name, "unknown")

    def date_of(self, window: tuple[int, int] | None) -> str | None:
        """The day of a date phrase in the attribution ("said on Thursday"), outside any quote."""
        if window is None or _EXTRACT_EVENTS is None:
            return None
        if self._events is None:
            self._events = sorted(
                (e for e in _EXTRACT_EVENTS(self.doc) if e.precision == "day"),
                key=lambda e: e.start,
            )
        k = bisect.bisect_left(self._events, window[0], key=lambda e: e.start)
        for e in itertools.islice(self._events, k, None):
            if e.start >= window[1]:
                break
            if e.end <= window[1] and not self.quoted(e.start):
                return str(e.date)
        return None


# --- the extractor --------------------------------------------------------------------------


def extract_quotes(doc: Document) -> list[Quote]:
    """Every quotation in the article, with its speaker, the speaker's role and the day it was said.

    The evidence (`start`, `end`) is the quoted words without their marks; for a quote
    continued over paragraphs it runs from the first word to the last and `text` joins
    the parts. Unclosed quotation marks end at their paragraph and add one warning to
    `doc.warnings`.

        >>> from lib.text import build_document
        >>> doc = build_document('"We are ready," Johnson said.', article="a")
        >>> [(q.speaker, q.text) for q in extract_quotes(doc)]
        [('Johnson', 'We are ready')]
    """
    spans = _scan(doc)
    if not spans:
        return []
    reader = _Reader(doc, spans)
    clean = doc.clean
    quotes: list[Quote] = []
    previous: tuple[_Span, _Speaker] | None = None
    for span in spans:
        parts = [
            _trim(clean, a, b, last=n == len(span.parts) - 1) for n, (a, b) in enumerate(span.parts)
        ]
        parts = [(a, b) for a, b in parts if b > a]
        if not parts:
            continue
        text = " ".join(" ".join(clean[a:b].split()) for a, b in parts)
        if not any(c.isalnum() for c in text) or doc.sentence_at(parts[0][0]) is None:
            continue
        if span.family == _STRAIGHT_SINGLE and len(text.split()) < 2:
            continue  # 'n', 'plan': a lone word in straight single quotes is too often not a quote
        speaker, window = reader.attribute(span, previous)
        if speaker is not None and speaker.name is not None:
            previous = (span, speaker)
        quotes.append(
            Quote(
                **doc.provenance(parts[0][0], parts[-1][1]),
                speaker=speaker.name if speaker else None,
                text=text,
                date=reader.date_of(window) if speaker and speaker.name else None,
                role=speaker.role if speaker else None,
                speaker_kind=speaker.kind if speaker else "unknown",
            )
        )
    return _borrow_speakers(quotes)


def _borrow_speakers(quotes: list[Quote]) -> list[Quote]:
    """A headline quoting words said later in the body takes the body's speaker:
    '"Behind every number there is a name": ...' ... '"Behind every number ...," said Marchetti'."""
    if all(q.speaker for q in quotes):
        return quotes
    said = [(" ".join(q.text.casefold().split()), q) for q in quotes if q.speaker]
    out, tries = [], 0
    for q in quotes:
        if q.speaker is None and len(q.text.split()) >= 3 and tries < _MAX_BORROWS:
            tries += 1
            words = " ".join(q.text.casefold().split())
            source = next((s for t, s in said if words in t and s is not q), None)
            if source is not None:
                q = replace(
                    q, speaker=source.speaker, role=source.role, speaker_kind=source.speaker_kind
                )
        out.append(q)
    return out
