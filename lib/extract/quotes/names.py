"""Who a sentence names, outside quotes: people (with their role), speaking bodies and titles.

There is no NER model: a name is a run of capitalised words, told apart from places and
bodies by the word lists of `lib.extract.resources` and the gazetteer. `Names` reads one
article once, lazily: its full names ("Boris Johnson") so that a surname ("Johnson")
resolves to them, and each sentence's mentions when first asked.
"""

from __future__ import annotations

import bisect
import re
import unicodedata
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from functools import lru_cache

from lib.extract.gazetteer import load_gazetteer
from lib.extract.patterns import words_pattern
from lib.extract.quotes.marks import Span
from lib.extract.resources import (
    FIRST_NAME_GENDERS,
    FUNCTION_WORDS,
    HONORIFICS,
    NOT_NAMES,
    ORGANISATIONS,
    PARTICLES,
    PLACES,
    POSTNOMINALS,
    REPORTING_VERBS,
    TITLE_NOUNS,
    TITLE_WORDS,
)
from lib.extract.text import Document


def cased(words: Iterable[str]) -> set[str]:
    """Each word as written, in lower case and capitalised: "the prefecture", "The prefecture"."""
    return {form for w in words for form in (w, w.lower(), w[:1].upper() + w[1:])}


def fold(text: str) -> str:
    """Accents off, case folded, one space: "Élysée  Palace" -> "elysee palace"."""
    text = unicodedata.normalize("NFKD", text.replace("’", "'"))
    return " ".join("".join(c for c in text if not unicodedata.combining(c)).casefold().split())


# Word patterns start with the character before the word instead of `\b`, so that `re` can
# skip ahead to candidate positions; group "w" is the word. `Speakers.find` runs them.
WORD_START = r"[\s\"“‘«(\[—–/-]"
ORG_CANONICAL = {
    fold(alias): name for name, aliases in ORGANISATIONS.items() for alias in aliases
}
_ACRONYMS = {a for aliases in ORGANISATIONS.values() for a in aliases if a.isupper() or a == "MoD"}
ORG_WORDS = words_pattern(any_space=True, words=
    _ACRONYMS | cased(a for v in ORGANISATIONS.values() for a in v if a not in _ACRONYMS)
)
VERB_WORDS = words_pattern(any_space=True, words=cased(["according to"]) | set(REPORTING_VERBS))
PRONOUN_WORDS = words_pattern(any_space=True, words=cased(["he", "she", "they", "it"]))
# "One survivor told investigators", "another witness said" open a title like "a" does
DETERMINERS = cased(["the", "a", "an", "his", "her", "its", "their", "one", "another"]) | {
    "Britain's",
    "Britain’s",
    "France's",
    "France’s",
}
# The words between a determiner and its title noun; never a reporting verb: in "the home
# secretary told MPs" the title ends at "secretary".
FILLER = (
    r"(?:(?!(?:the|a|an|and|or|but|of|to|for|by|in|on|at|with|from|who|that|which|"
    rf"{VERB_WORDS})\b)[\w'’.-]+\s+)"
)
# "the French interior minister", "a Home Office spokesperson", "Britain's home secretary"
_TITLE_WORDS = rf"{words_pattern(any_space=True, words=DETERMINERS)}\s+{FILLER}{{0,4}}?{words_pattern(any_space=True, words=cased(TITLE_NOUNS))}s?"
ORG = re.compile(rf"{WORD_START}(?P<w>{ORG_WORDS})(?![\w-])")
VERB = re.compile(rf"{WORD_START}(?P<w>{VERB_WORDS})\b")
_TITLE = re.compile(rf"{WORD_START}(?P<w>{_TITLE_WORDS})\b")
TITLE_NOUN_SET = frozenset(n.lower() for n in TITLE_NOUNS)
_NOT_IN_TITLES = frozenset("the a an and with to of by as said".split())
# A run of capitalised words, "Mr." and name particles included: "Jean-Marc Delacroix", "Mr. Sunak".
# Possessive quantifiers (*+) keep `re` from backtracking into every capitalised word.
_NAME_TOKEN = r"[A-ZÀ-ÖØ-Þ][\w'’-]*+(?:(?<=Mr)\.|(?<=Mrs)\.|(?<=Ms)\.|(?<=Dr)\.)?"
_PARTICLE = f"(?:{words_pattern(any_space=True, words=PARTICLES)})"
# One space between the words: blanked page furniture leaves wide gaps between unrelated words.
_CAP_RUN = re.compile(rf"{_NAME_TOKEN}(?:[ \t\xa0](?:{_PARTICLE}[ \t\xa0]){{0,2}}{_NAME_TOKEN})*")
# Two words or more: "Boris Johnson", "Mr Sunak", "Prime Minister Johnson".
_NAME_RUN = re.compile(rf"{_NAME_TOKEN}(?:[ \t\xa0](?:{_PARTICLE}[ \t\xa0]){{0,2}}{_NAME_TOKEN})+")
_WORD = re.compile(r"\S+")
_PLAIN_WORD = re.compile(r"[\w'’-]+")
_APPOSITIVE_START = re.compile(r",\s+(?:an?|the|who|whose)\s")
_APPOSITIVE_END = re.compile(r"[^,.;:\"“”]{0,60}(?=[,.;:]|$)")


@dataclass(slots=True)
class Mention:
    """Someone or something a sentence names outside quotes, who could be a speaker."""

    start: int
    end: int
    kind: str  # person, organisation, pronoun, title
    name: str  # "Boris Johnson", "Home Office", "he", "French interior minister"
    role: str | None = None
    strong: bool = True  # False for a lone capitalised word only its place makes a name
    definite: bool = True  # "the minister" stands for someone known; "a spokesman" does not


@dataclass(frozen=True, slots=True)
class Speaker:
    name: str | None
    role: str | None
    kind: str  # person, organisation, unknown
    basis: str | None = None  # how they were found: the vocabulary is in the package docstring


@lru_cache(maxsize=8192)
def is_place(name: str) -> bool:
    if name in PLACES:
        return True
    try:
        entry = load_gazetteer().lookup(name)
    except (OSError, ValueError):  # no gazetteer file, or a broken one: the small list must do
        return False
    return entry is not None and not getattr(entry, "needs_context", False)


@lru_cache(maxsize=1024)
def org_name(alias: str) -> str:
    """The canonical name of a speaking body: "the Élysée" -> "Elysee Palace"."""
    return ORG_CANONICAL.get(fold(alias), alias)


def is_title_word(word: str) -> bool:
    return word in TITLE_WORDS or (
        "-" in word and any(part in TITLE_WORDS for part in word.split("-"))
    )


def strip_possessive(word: str) -> str:
    return word[:-2] if word.endswith(("'s", "’s")) else word.rstrip("'’")


class Names:
    """Who the article names where, worked out once and lazily: full names, surnames, roles, each sentence's mentions."""

    def __init__(self, doc: Document, spans: list[Span]) -> None:
        self.doc = doc
        self.clean = doc.clean
        # so that a word pattern sees a character before the first word
        self.padded = " " + doc.clean
        self.sentences = doc.sentences
        self.sentence_starts = [s.start for s in doc.sentences]
        self.opens = [s.open_at for s in spans]
        self.closes = [s.close_at for s in spans]
        self._runs: dict[int, Mention | None] = {}  # capitalised runs read so far, by offset
        self._sentence_names: dict[int, list[Mention]] = {}
        self._framed: dict[str, bool] = {}  # lone words framed as a name somewhere, by word
        self.names = self._scan_full_names()
        self.surnames: dict[str, list[Mention]] = {}
        self.roles: dict[str, str] = {}
        for m in self.names:
            if m.kind == "person" and " " in m.name:
                self.surnames.setdefault(m.name.split()[-1].casefold(), []).append(m)
        for m in self.names:
            full = self.full_name(m)
            if full and m.role and full not in self.roles:
                self.roles[full] = m.role

    def quoted(self, offset: int) -> bool:
        k = bisect.bisect_right(self.opens, offset) - 1
        return k >= 0 and offset <= self.closes[k]

    def sentence_index(self, offset: int) -> int | None:
        k = bisect.bisect_right(self.sentence_starts, offset) - 1
        if k >= 0 and self.sentences[k].start <= offset < self.sentences[k].end:
            return k
        return None

    # -- names across the whole article

    def _scan_full_names(self) -> list[Mention]:
        """The people the article names with two words or more ("Boris Johnson", "Mr Sunak",
        "Prime Minister Johnson"), outside quotes, in order: for surnames and roles."""
        names = []
        for m in _NAME_RUN.finditer(self.clean):
            mention = self._read_run(m.start(), m.end())
            if mention is not None:
                names.append(mention)
        return names

    def sentence_names(self, i: int) -> list[Mention]:
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

    def _read_run(self, start: int, end: int) -> Mention | None:
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
                mention = self._read_word(start, end, strip_possessive(text))
        self._runs[start] = mention
        return mention

    def _read_word(self, start: int, end: int, word: str) -> Mention | None:
        """One capitalised word: a surname, perhaps ("Johnson", "skipper Wallis", "Adam, a 16-year-old")."""
        if (
            word in NOT_NAMES
            or word in PLACES
            or word in TITLE_WORDS
            or word.rstrip(".") in HONORIFICS
        ):
            return None
        if word.rstrip("s").isupper() or (word.endswith("ing") and self.clean.startswith(",", end)):
            # "AFP", "MPs", a transcript's "Q:"; "Prosecuting, Edward Lyle KC told the jury"
            return None
        role, first = self._title_before(start)
        if role is None:
            role = self._appositive_after(end)
        if role is None and is_place(word):
            return None
        # a given name is a name wherever it stands ("Osman later told me")
        strong = role is not None or word in FIRST_NAME_GENDERS or self._named_single(start, end)
        return Mention(first, end, "person", word, role, strong)

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

    def _classify(self, start: int, end: int) -> Mention | None:
        """A run of capitalised words -> a person with a role, a bare title, or nothing.

        "British Prime Minister Boris Johnson" -> Boris Johnson, role "British Prime Minister";
        "Mr Sunak" -> Sunak; "Home Secretary" -> a title; "Elysee Palace", "Calais" -> None.
        """
        words = self.clean[start:end].split()  # one separator between words, see _CAP_RUN
        while len(words) > 1 and words[-1] in POSTNOMINALS:  # "Priti Patel MP", "Edward Lyle KC"
            words.pop()
        last = strip_possessive(words[-1])
        if last in NOT_NAMES or last in PLACES or (last.isupper() and len(last) > 1):
            return None  # "Middle East", "The Elysee Palace", "Britain's PA": no name ends so

        def offset(k: int) -> int:
            return start + sum(len(w) + 1 for w in words[:k])

        i = 0
        while i < len(words) and words[i] in FUNCTION_WORDS:
            i += 1  # "The", "But", "Meanwhile" open sentences, not names
        j = len(words)
        while j > i and not is_title_word(words[j - 1]):
            j -= 1  # the role runs to the last title word: "British Prime Minister | Boris Johnson"
        role = " ".join(words[i:j]) or None
        k = j
        while k < len(words) and words[k].rstrip(".") in HONORIFICS:
            k += 1
        honorific = k > j
        name_words = words[k:]
        while len(name_words) > 1 and strip_possessive(name_words[0]) != name_words[0]:
            # "France's Macron", "Albania's Edi Rama": the country is not part of the name
            name_words.pop(0)
            k += 1
        if not name_words:
            # a bare title: "Home Secretary: 'no let-up'" in a headline
            return Mention(offset(i), end, "title", role) if role else None
        name_words[-1] = last
        if sum(w not in PARTICLES for w in name_words) > 3:
            return None  # a title-case headline, not a name ("Ursula von der Leyen" is three words)
        for w in name_words[:-1]:
            if w in NOT_NAMES or w in PLACES or (w.isupper() and len(w) > 1):
                return None
        name = " ".join(name_words)
        first = offset(i if role or honorific else k)
        if role is None:
            role, first = self._title_before(first)
        if role is None:
            role = self._appositive_after(end)
        known = bool(role or honorific)
        if not known and is_place(name):
            return None
        strong = known or len(name_words) > 1 or self._named_single(start, end)
        return Mention(first, end, "person", name, role, strong)

    def _named_single(self, start: int, end: int) -> bool:
        """A lone capitalised word inside a sentence reads as a name when a comma, a reporting
        verb or "as"/"named" frames it: "gave his name only as Yonas, described", "Adam, a 16-year-old"."""
        if start == 0 or self.sentence_index(start - 1) is None:
            # the first word of a sentence is capitalised anyway, unless an appositive or a
            # reporting verb follows: "Ahmed, a 24-year-old from Sudan, said", "Patel said"
            return bool(_APPOSITIVE_START.match(self.clean, end) or VERB.match(self.clean, end))
        if self.clean[end : end + 1] == "," or VERB.match(self.clean, end):
            return True
        return self.clean[max(0, start - 7) : start].split()[-1:] in (["as"], ["named"], ["called"])

    def _title_before(self, start: int) -> tuple[str | None, int]:
        """A lower-case title just before a name: "skipper Dean Wallis", "French counterpart Gerald Darmanin"."""
        clean = self.clean
        if start < 2 or clean[start - 1] != " ":
            return None, start
        k = clean.rfind(" ", max(0, start - 30), start - 1)
        if clean[k + 1 : start - 1].lower() not in TITLE_NOUN_SET or clean[k + 1].isupper():
            return None, start
        window = clean[max(0, start - 50) : start]
        cut = window.rfind("\n") + 1  # never the words of the line before
        window = " " * cut + window[cut:]
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

    def full_name(self, m: Mention) -> str | None:
        """ "Johnson" -> "Boris Johnson" when the article gives the full name (earlier, else later)."""
        if m.kind != "person":
            return None
        if " " in m.name:
            return m.name
        candidates = self.surnames.get(m.name.casefold())
        if not candidates:
            return m.name if m.strong or self._framed_elsewhere(m.name) else None
        k = bisect.bisect_left(candidates, m.start, key=lambda c: c.start)
        return candidates[k - 1 if k else 0].name

    def _framed_elsewhere(self, word: str) -> bool:
        """A lone word the article frames as a name somewhere ("Hamid, 23, said") names that
        person wherever else it stands as one ("Hamid shakes his head")."""
        known = self._framed.get(word)
        if known is None:
            known = False
            for hit in re.finditer(rf"(?<![\w'’-]){re.escape(word)}\b", self.clean):
                mention = self._read_run(hit.start(), hit.end())
                if mention is not None and mention.name == word and mention.strong:
                    known = True
                    break
            self._framed[word] = known
        return known

    def named(self, m: Mention) -> bool:
        """Whether a mention names someone: any body or title, a person known by name."""
        return m.kind != "person" or self.full_name(m) is not None
