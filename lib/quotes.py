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
import re
import unicodedata
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, replace
from functools import cache
from typing import Any

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
    "welcomed", "cautioned", "reiterated", "sighed", "sighs", "told", "according to",
)  # fmt: skip
# Capitalised words that end a title in a name: "British Prime Minister | Boris Johnson".
TITLE_WORDS = _words(
    """Minister Ministers President Secretary Chancellor Mayor Prefect Premier Leader Commissioner
    Director Chief Deputy Spokesman Spokeswoman Spokesperson Ambassador Senator MP MEP Governor
    Judge Prosecutor Captain Commander Officer Admiral Inspector Superintendent Constable Chairman
    Chairwoman Chair Founder Coordinator CEO King Queen Prince Princess Pope Bishop Archbishop
    Councillor Sheriff Attorney General Correspondent Skipper"""
)
HONORIFICS = _words("Mr Mrs Ms Miss Mx Dr Prof Professor Sir Dame Lord Lady Baroness Rev Mme Rt Hon")
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
    Thanks Please Read Share Updated Published Photo Image Video Watch Advertisement"""
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
        branches = [(r"\s+" if ch == " " else re.escape(ch)) + emit(child) for ch, child in sorted(node.items()) if ch]
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
_ORG_CANONICAL = {_fold(alias): name for name, aliases in ORGANISATIONS.items() for alias in aliases}
_ACRONYMS = {a for aliases in ORGANISATIONS.values() for a in aliases if a.isupper() or a == "MoD"}
_ORG_WORDS = _trie(_ACRONYMS | _cased(a for v in ORGANISATIONS.values() for a in v if a not in _ACRONYMS))
_VERB_WORDS = _trie(_cased(["according to"]) | set(REPORTING_VERBS))
_PRONOUN_WORDS = _trie(_cased(["he", "she", "they", "it"]))
_DETERMINERS = _cased(["the", "a", "an", "his", "her", "its", "their"]) | {"Britain's", "Britain’s", "France's", "France’s"}
_FILLER = r"(?:(?!(?:the|a|an|and|or|but|of|to|for|by|in|on|at|with|from|who|that|which)\b)[\w'’.-]+\s+)"
# "the French interior minister", "a Home Office spokesperson", "Britain's home secretary"
_TITLE_WORDS = rf"{_trie(_DETERMINERS)}\s+{_FILLER}{{0,4}}?{_trie(_cased(TITLE_NOUNS))}s?"
_ORG = re.compile(rf"{_B}(?P<w>{_ORG_WORDS})(?![\w-])")
_VERB = re.compile(rf"{_B}(?P<w>{_VERB_WORDS})\b")
_TITLE = re.compile(rf"{_B}(?P<w>{_TITLE_WORDS})\b")
# All four in one pass over a sentence; a body inside a title is looked for afterwards.
_SPEAKER_WORDS = re.compile(
    rf"{_B}(?:(?P<organisation>{_ORG_WORDS})(?![\w-])|(?P<title>{_TITLE_WORDS})\b"
    rf"|(?P<verb>{_VERB_WORDS})\b|(?P<pronoun>{_PRONOUN_WORDS})\b)"
)
_PARTICIPLES = frozenset(v for v in REPORTING_VERBS if v.endswith("ing"))
_TITLE_NOUN_SET = frozenset(n.lower() for n in TITLE_NOUNS)
# A run of capitalised words, "Mr." and name particles included: "Jean-Marc Delacroix", "Mr. Sunak".
# Possessive quantifiers (*+) keep `re` from backtracking into every capitalised word.
_NAME_TOKEN = r"[A-ZÀ-ÖØ-Þ][\w'’-]*+(?:(?<=Mr)\.|(?<=Mrs)\.|(?<=Ms)\.|(?<=Dr)\.)?"
_PARTICLE = f"(?:{_trie(PARTICLES)})"
# One space between the words: blanked page furniture leaves wide gaps between unrelated words.
_CAP_RUN = re.compile(rf"{_NAME_TOKEN}(?:[ \t\xa0](?:{_PARTICLE}[ \t\xa0])?{_NAME_TOKEN})*")
_NAME_RUN = re.compile(rf"{_NAME_TOKEN}(?:[ \t\xa0](?:{_PARTICLE}[ \t\xa0])?{_NAME_TOKEN})+")  # two words or more
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
_CLAUSE_END = re.compile(r"[,;]")
_PUNCT_LEAD = re.compile(r"[\s,;:—–-]*")  # between a closing mark and "said Johnson"
_LEAD = re.compile(r"[\s,;:—–-]*(?:[Tt]he\s+)?")  # between a closing mark and "the prefecture said"
_AFTER_VERB = re.compile(r"\s*(?:the\s+)?")  # between "said" and "Johnson"
_FOR_BODY = re.compile(r"\s*,?\s+(?:(?:for|from|at|of|with)\s+)?(?:the\s+|Britain['’]s\s+|France['’]s\s+)?")
_APPOSITIVE_END = re.compile(r"[^,.;:\"“”]{0,60}(?=[,.;:]|$)")

_DOUBLE, _SINGLE, _STRAIGHT_SINGLE, _GUILLEMET = "double", "single", "straight single", "guillemet"
_MARK = re.compile("[\"“”„«»‘’']")
_REOPENERS = {_DOUBLE: "\"“”„", _SINGLE: "‘'", _STRAIGHT_SINGLE: "'‘", _GUILLEMET: "«"}
_NEW_OPENERS = {_DOUBLE: "\"“", _SINGLE: "‘", _STRAIGHT_SINGLE: "", _GUILLEMET: "«"}
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
    if ch in "“„\"" or (ch == "”" and after.isalnum()):
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


def _scan(doc: Document) -> list[_Span]:
    """Every quoted span of the article, paragraph by paragraph; unclosed quotes are cut short."""
    clean, paragraphs = doc.clean, doc.paragraphs
    spans: list[_Span] = []
    carry: tuple[int, _Span] | None = None  # a quote left open, and the paragraph that reopens it
    for k, para in enumerate(paragraphs):
        a, b = para.start, para.end
        span: _Span | None = None
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
                if family == _STRAIGHT_SINGLE and not _STRAIGHT_CLOSER.search(clean, i + 2, b):
                    continue  # an apostrophe: 'em, 'til
                if family:
                    span = _Span([(i + 1, i + 1)], i, i, family)
                continue
            if _closes(span.family, ch, before, after):
                nxt = clean[i + 2] if i + 2 < b else ""
                possessive = before == "s" and after == " " and nxt.islower() and span.family != _DOUBLE
                if possessive and _STRAIGHT_CLOSER.search(clean, i + 1, b):
                    continue  # the smugglers’ boats: a possessive, the quote closes later
                span.parts[-1] = (span.parts[-1][0], i)
                span.close_at = i
                spans.append(span)
                span = None
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
    if len(span.parts) >= _MAX_CONTINUED_PARAGRAPHS or doc.paragraphs[k].end - span.open_at > _MAX_QUOTE_CHARS:
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


def _warn_unbalanced(doc: Document, offset: int) -> None:
    if not any(w.startswith("unbalanced quotation marks") for w in doc.warnings):
        doc.warnings.append(f"unbalanced quotation marks at offset {offset}")


def _trim(clean: str, start: int, end: int, *, last: bool) -> tuple[int, int]:
    """Inner text without surrounding blanks, nor the comma or full stop before a closing mark."""
    while start < end and clean[start].isspace():
        start += 1
    while end > start and clean[end - 1].isspace():
        end -= 1
    if last and end > start and (clean[end - 1] in ",;:" or (clean[end - 1] == "." and clean[end - 2 : end] != "..")):
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


@cache
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


def _is_title_word(word: str) -> bool:
    return word in TITLE_WORDS or ("-" in word and any(part in TITLE_WORDS for part in word.split("-")))


def _strip_possessive(word: str) -> str:
    return word[:-2] if word.endswith(("'s", "’s")) else word.rstrip("'’")


class _Reader:
    """What the attribution rules need to know about one article, worked out once and lazily."""

    def __init__(self, doc: Document, spans: list[_Span]) -> None:
        self.doc = doc
        self.clean = doc.clean
        self.padded = " " + doc.clean  # so that a word pattern sees a character before the first word
        self.sentences = doc.sentences
        self.sentence_starts = [s.start for s in doc.sentences]
        self.opens = [s.open_at for s in spans]
        self.closes = [s.close_at for s in spans]
        self._facts: dict[int, tuple[list[_Mention], list[tuple[int, int, str]]]] = {}
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
        """A capitalised run read once: one word is decided quickly, longer runs by `_classify`."""
        if start in self._runs:
            return self._runs[start]
        clean = self.clean
        mention = None
        if not (start and (clean[start - 1].isalnum() or clean[start - 1] in "'’-")) and not self.quoted(start):
            word = clean[start:end]
            if " " in word or "\t" in word:
                mention = self._classify(start, end)
            else:
                word = _strip_possessive(word)
                common = word in NOT_NAMES or word in PLACES or word in TITLE_WORDS or word.rstrip(".") in HONORIFICS
                if not common and not (word.isupper() and len(word) > 1):
                    mention = self._classify(start, end)
        self._runs[start] = mention
        return mention

    def outside_quotes(self, pattern: re.Pattern[str], start: int, end: int) -> Iterator[re.Match[str]]:
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
        while len(words) > 1 and words[-1] in POSTNOMINALS:  # "Priti Patel MP"
            end -= len(words.pop()) + 1
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
        if len(name_words) > 3:
            return None
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
            return False  # the first word of a sentence is capitalised anyway
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
            if words[k - 1].group().lower() in ("the", "a", "an", "and", "with", "to", "of", "by", "as", "said"):
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
        earlier = [c for c in candidates if c.start < m.start]
        return (earlier[-1] if earlier else candidates[0]).name

    def named(self, m: _Mention) -> bool:
        """Whether a mention names someone: any body or title, a person known by name."""
        return m.kind != "person" or self.full_name(m) is not None

    # -- one sentence at a time

    def facts(self, i: int) -> tuple[list[_Mention], list[tuple[int, int, str]]]:
        """The mentions and reporting verbs of sentence i outside quotes, each in text order."""
        cached = self._facts.get(i)
        if cached is not None:
            return cached
        s = self.sentences[i]
        names = [replace(n) for n in self.sentence_names(i)]
        orgs, titles, verbs, pronouns = [], [], [], []
        for m in self.outside_quotes(_SPEAKER_WORDS, s.start, s.end):
            kind = m.lastgroup or ""
            a, b = m.span(kind)
            a, b, word = a - 1, b - 1, m.group(kind)
            if kind == "organisation":
                orgs.append(_Mention(a, b, kind, _ORG_CANONICAL.get(_fold(word), word)))
            elif kind == "title":
                words = word.split()
                noun = words[-1].lower()
                body = (noun if noun in _TITLE_NOUN_SET else noun.rstrip("s")) in BODY_NOUNS
                definite = words[0].lower() not in ("a", "an")
                titles.append(_Mention(a, b, "body" if body else "title", " ".join(words[1:]), definite=definite))
                for x, y, inner in self.find(_ORG, a, b):  # "a Home Office spokesperson"
                    orgs.append(_Mention(x, y, "organisation", _ORG_CANONICAL.get(_fold(inner), inner)))
            elif kind == "verb":
                verbs.append((a, b, "according" if " " in word else word))
            else:
                pronouns.append(_Mention(a, b, kind, word.lower()))
        # "Border Force Maritime Commander Richard Fenwick": the body is part of a person's title
        orgs = [o for o in orgs if not any(n.kind == "person" and n.start <= o.start and o.end <= n.end for n in names)]
        names = [n for n in names if not any(o.start < n.end and n.start < o.end for o in orgs)]
        mentions = self._merge(orgs, titles, names)
        taken = [(m.start, m.end) for m in mentions]
        mentions += [p for p in pronouns if not any(x <= p.start < y for x, y in taken)]
        mentions.sort(key=lambda x: x.start)
        self._facts[i] = (mentions, verbs)
        return mentions, verbs

    def _merge(self, orgs: list[_Mention], titles: list[_Mention], names: list[_Mention]) -> list[_Mention]:
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
            over = next((n for n in names if n.start < t.end and t.start < n.end), None)
            gap = re.match(r"\s*,?\s*", clean[t.end : t.end + 4])
            named = next((n for n in names if gap and n.start == t.end + gap.end()), None)
            person = over or named
            if person is not None and t.kind == "title":  # "the immigration minister, Robert Jenrick"
                person.start, person.role, person.strong = min(person.start, t.start), person.role or t.name, True
                continue
            before = next((n for n in names if re.fullmatch(r",\s*", clean[n.end : t.start])), None)
            if before is not None and t.kind == "title" and t.definite:  # "Gerald Darmanin, the minister,"
                before.end, before.role = t.end, before.role or t.name
                continue
            kept.append(t)
        return orgs + kept + names

    # -- attribution

    def attribute(self, span: _Span, previous: tuple[_Span, _Speaker] | None) -> tuple[_Speaker | None, tuple[int, int] | None]:
        """The speaker of a quote, and the attribution clause that names them (where a date may sit)."""
        s1 = self.sentence_index(span.parts[0][0])
        if s1 is None:
            s1 = self.sentence_index(span.open_at)
        s2 = self.sentence_index(span.close_at if span.closed else span.parts[-1][1] - 1)
        if s1 is None or s2 is None:
            return None, None
        clean = self.clean
        head = (self.sentences[s1].start, span.open_at)
        tail_end = self.sentences[s2].end
        k = bisect.bisect_right(self.opens, span.close_at)
        if k < len(self.opens) and self.opens[k] < tail_end:
            tail_end = self.opens[k]
        tail = (span.close_at + 1, tail_end) if span.closed else (span.close_at, span.close_at)
        fallback: _Speaker | None = None

        def named(m: _Mention | None, i: int) -> _Speaker | None:
            """The speaker a mention stands for, if it names one; "a spokesman" is kept as a last resort."""
            nonlocal fallback
            who = self.resolve(m, i) if m is not None else None
            if who is not None and who.name is None:
                fallback = fallback or who
                return None
            return who

        # 1. '"...," Johnson said', '"...," said the minister', '"...," according to the RNLI'
        m = self.immediate(s2, *tail)
        who = named(m, s2)
        if who and m:
            return who, self.tail_clause(s2, m, *tail)
        # 2. 'Patel said: "..."', 'Macron told Johnson that France has a "shared responsibility"'
        head_sentence = s1
        if not _ANY_WORD.search(clean, *head) and s1 > 0:
            prev = self.sentences[s1 - 1]  # 'Home Secretary Priti Patel said:' ending the paragraph before
            if clean[prev.start : prev.end].rstrip().endswith(":") and prev.section == self.sentences[s1].section:
                head_sentence, head = s1 - 1, (prev.start, prev.end)
        m = self.before(head_sentence, *head)
        who = named(m, head_sentence)
        if who and m:
            first = next(iter(self.facts(head_sentence)[0]), None)
            return who, (head[0] if first is m else m.start, head[1])
        # 1b. '"Are we ready?" Johnson asked.', split into two sentences at the question mark
        if not _ANY_WORD.search(clean, *tail) and s2 + 1 < len(self.sentences):
            nxt = self.sentences[s2 + 1]
            if nxt.paragraph == self.sentences[s2].paragraph and not self.quoted(nxt.start):
                k = bisect.bisect_left(self.opens, nxt.start)
                end = min(nxt.end, self.opens[k]) if k < len(self.opens) else nxt.end
                m = self.immediate(s2 + 1, nxt.start, end)
                who = named(m, s2 + 1)
                if who and m:
                    return who, self.tail_clause(s2 + 1, m, nxt.start, end)
        # 3. 'Taking back migrants "would ..." behind the trafficking, he said in a letter'
        later = [v for v in self.facts(s2)[1] if tail[0] <= v[0] < tail[1]]
        if later:
            m = self.subject(s2, later[0], floor=tail[0])
            who = named(m, s2)
            if who and m:
                return who, self.tail_clause(s2, m, *tail)
        # 4. a quote standing alone carries on the previous quote
        alone = not _ANY_WORD.search(clean, self.sentences[s1].start, span.open_at) and not _ANY_WORD.search(clean, *tail)
        if alone and previous is not None:
            prev_span, prev_speaker = previous
            before = self.sentence_index(prev_span.close_at)
            if before is not None and self.sentences[s1].paragraph - self.sentences[before].paragraph <= 1:
                return prev_speaker, None
        # 5. the sentence subject: 'Macron, after vowing ... a "cemetery," spoke'
        first = next((m for m in self.facts(s1)[0] if m.end <= span.open_at and self.named(m)), None)
        return (named(first, s1) or fallback), None

    def tail_clause(self, i: int, m: _Mention, start: int, end: int) -> tuple[int, int]:
        """The attribution after a quote, up to the end of its clause: 'he said in a letter on
        Thursday evening', not ', adding that they would meet on Monday'."""
        verb = next((v for v in self.facts(i)[1] if start <= v[0] < end), None)
        anchor = max(m.end, verb[1] if verb else start)
        comma = _CLAUSE_END.search(self.clean, anchor, end)
        return start, comma.start() if comma else end

    def immediate(self, i: int, start: int, end: int) -> _Mention | None:
        """The speaker named right at `start`: "said Johnson", "Johnson said", "according to X"."""
        mentions, verbs = self.facts(i)
        verb = next((v for v in verbs if start <= v[0] < end), None)
        if verb is None:
            return None
        if verb[0] == _PUNCT_LEAD.match(self.clean, start, end).end():  # type: ignore[union-attr]
            return self.object_of(mentions, verb)
        at = _LEAD.match(self.clean, start, end).end()  # type: ignore[union-attr]
        m = next((m for m in mentions if start <= m.start <= at), None)
        if m is None or m.end > verb[0] or verb[2] in _PARTICIPLES or verb[2] == "according":
            return None
        return m if _SUBJECT_GAP.fullmatch(self.clean, m.end, verb[0]) else None

    def object_of(self, mentions: list[_Mention], verb: tuple[int, int, str]) -> _Mention | None:
        """The speaker after an inverted verb: "said Priti Patel", "according to the RNLI"."""
        gap = _AFTER_VERB.match(self.clean, verb[1])
        at = gap.end() if gap else verb[1]
        return next((m for m in mentions if verb[1] < m.start <= at), None)

    def before(self, i: int, start: int, end: int) -> _Mention | None:
        """The speaker of a quote opening at `end` from the words before it in sentence i."""
        mentions, verbs = self.facts(i)
        earlier = [v for v in verbs if start <= v[0] and v[1] <= end]
        if earlier:
            return self.subject(i, earlier[-1], floor=self.sentences[i].start)
        # a headline's 'Macron: "..."'
        colon = self.clean[start:end].rstrip()
        if colon.endswith(":"):
            stop = start + len(colon) - 1
            return next((m for m in reversed(mentions) if m.end <= stop and not self.clean[m.end : stop].strip()), None)
        return None

    def subject(self, i: int, verb: tuple[int, int, str], *, floor: int) -> _Mention | None:
        """Who did the saying: the subject before the verb, the one after an inverted verb,
        or for "adding", "and added" the subject of an earlier verb, else the sentence subject."""
        mentions, verbs = self.facts(i)
        if verb[2] == "according":
            return self.object_of(mentions, verb)
        if verb[2] not in _PARTICIPLES:
            direct = self.direct_subject(mentions, verb, floor)
            if direct is not None:
                return direct
            inverted = self.object_of(mentions, verb)
            if inverted is not None and re.fullmatch(r"[\s,;:—–-]*", self.clean[floor : verb[0]]):
                return inverted
        for v in reversed([v for v in verbs if v[1] <= verb[0]]):
            if v[2] not in _PARTICIPLES and v[2] != "according":
                direct = self.direct_subject(mentions, v, self.sentences[i].start)
                if direct is not None:
                    return direct
        return next((m for m in mentions if m.end <= verb[0] and self.named(m)), None)

    def direct_subject(self, mentions: list[_Mention], verb: tuple[int, int, str], floor: int) -> _Mention | None:
        """The outermost mention whose gap to the verb is only adverbs or a comma aside:
        "Marine Lecomte, of the French charity Utopia 56, said" -> Marine Lecomte."""
        best = None
        for m in reversed(mentions):
            if m.end > verb[0]:
                continue
            if m.start < floor or verb[0] - m.end > 100:
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
        if m.name == "Prefecture" and self.clean.lower().find("maritime", max(0, m.start - 600), m.start) >= 0:
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
        mentions = [m for m in self.facts(i)[0] if m.kind == "organisation" and m.end <= before]
        if mentions:
            return _Speaker(mentions[-1].name, None, "organisation")
        for j in range(i - 1, max(-1, i - 3), -1):
            body = next((m for m in self.facts(j)[0] if m.kind == "organisation"), None)
            if body is not None:
                return _Speaker(body.name, None, "organisation")
        return None

    def title_holder(self, m: _Mention, i: int) -> _Speaker:
        """ "the minister" -> the latest person given that title, else (for an office) the most
        salient person; "a spokesman" stays unknown."""
        title = " ".join(w for w in m.name.lower().split() if w not in ("french", "british", "uk"))
        if m.definite:
            holder = None
            for n in self.names:  # the latest holder before, else the first after ("Home Secretary:" in a headline)
                full = self.full_name(n)
                role = n.role or self.roles.get(full or "")
                if full and role and title in role.lower():
                    holder = full
                    if n.start >= m.start:
                        break
            if holder is not None:
                return _Speaker(holder, self.roles.get(holder), "person")
            if title.split()[-1:] and title.split()[-1].rstrip("s") in OFFICE_NOUNS:
                salient = self.salient_person(i)
                if salient is not None:
                    return salient
        return _Speaker(None, m.name, "unknown")

    def date_of(self, window: tuple[int, int] | None) -> str | None:
        """The day of a date phrase in the attribution ("said on Thursday"), outside any quote."""
        if window is None or _EXTRACT_EVENTS is None:
            return None
        if self._events is None:
            self._events = [e for e in _EXTRACT_EVENTS(self.doc) if e.precision == "day"]
        for e in self._events:
            if window[0] <= e.start and e.end <= window[1] and not self.quoted(e.start):
                return str(e.date)
        return None


# --- the extractor --------------------------------------------------------------------------


def extract_quotes(doc: Document) -> list[Quote]:
    """Every quotation in the article, with its speaker, the speaker's role and the day it was said.

    The evidence (`start`, `end`) is the quoted words without their marks; for a quote
    continued over paragraphs it runs from the first word to the last and `text` joins
    the parts. Unclosed quotation marks end at their paragraph and add one warning to
    `doc.warnings`.

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
        parts = [_trim(clean, a, b, last=n == len(span.parts) - 1) for n, (a, b) in enumerate(span.parts)]
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
    out = []
    for q in quotes:
        if q.speaker is None and len(q.text.split()) >= 3:
            words = " ".join(q.text.casefold().split())
            source = next((s for t, s in said if words in t and s is not q), None)
            if source is not None:
                q = replace(q, speaker=source.speaker, role=source.role, speaker_kind=source.speaker_kind)
        out.append(q)
    return out
