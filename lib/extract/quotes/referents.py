"""Who a pronoun, a title or an unnamed body stands for: the people and bodies named before it, or no one when that is not clear.

A wrong name is worse than none, so a referent is given only when one person fits: "she"
after a sentence naming one woman and one man, "the minister" after the only person
with no other office; not "he" after "Sunak and Macron met" (two men, neither speaking).
"""

from __future__ import annotations

import bisect
import re
from typing import NamedTuple

from lib.extract.quotes.clauses import Clauses, Region
from lib.extract.quotes.marks import Span
from lib.extract.quotes.names import Mention, Speaker, strip_possessive
from lib.extract.resources import (
    FIRST_NAME_GENDERS,
    GENDERED_NOUNS,
    HONORIFIC_GENDERS,
    NOT_NAMES,
    OFFICE_NOUNS,
    ROLE_QUALIFIERS,
    SPOKES_NOUNS,
)
from lib.extract.text import Document

LOOKBACK = 12  # sentences searched back for the person a pronoun or a title stands for
PRONOUN_PARAGRAPHS = 2  # and paragraphs: "he" stands for someone named in this one or the two before
_AFTER_PREPOSITION = re.compile(r"\b(?:by|to|from|with|for|at|into|on|against)\s+(?:the\s+)?$", re.IGNORECASE)
_DEPARTEMENT_BEFORE = re.compile(r"\b(?:the|la)\s+([A-Z][\w'’]*(?:-[\w'’]+)*)\s+$")  # "the Pas-de-Calais "
_POSSESSOR = re.compile(r"\b(her|his|[A-Z][\w-]+['’]s)\s+(?:\w+\s+)?counterparts?$", re.IGNORECASE)
_BODY_LOOKBACK = 3  # sentences searched back for the body "it" or "the charity" stands for
_NATIONALITIES = frozenset(["french", "british", "uk", "the"])
# "Mr Sunak", "Sir Keir Starmer": the surname is the last capitalised word
_HONORIFIC_NAME = re.compile(
    rf"\b(?P<h>{'|'.join(sorted(HONORIFIC_GENDERS, key=len, reverse=True))})\.?[ \t\xa0]+"
    r"(?P<n>[A-Z][\w'’-]*+(?:[ \t\xa0]+[A-Z][\w'’-]*+){0,2})"
)
# What a description may add after its noun: "a spokesperson for Sunak", "the skipper of the
# Arcturus", "one dog walker at Littlestone"
_DESCRIBED_BY = re.compile(
    r"[ \t\xa0]+(?:for|of|at|from|in|on)[ \t\xa0]+(?:the[ \t\xa0]+)?"
    r"[A-Z][\w'’-]*+(?:[ \t\xa0]+[A-Z][\w'’-]*+){0,3}"
)
_COORDINATED = re.compile(r"\s*(?:,\s*)?(?:and|or|&)\s+")


class Said(NamedTuple):
    """The quote before: the sentence it ends in, and its speaker (None when it has none)."""

    sentence: int
    speaker: Speaker | None


class Candidate(NamedTuple):
    """A person a sentence names, and whether they speak there (the subject of a reporting verb)."""

    speaker: Speaker
    speaking: bool


def title_of(role: str) -> str:
    """A title without nationality: "the French interior minister" -> "interior minister"."""
    return " ".join(w for w in role.lower().split() if w not in _NATIONALITIES)


def holds(role: str, title: str) -> bool:
    """Whether someone with `role` holds `title`: "Home Secretary" holds "home secretary";
    "shadow home secretary" and "former prime minister" do not."""
    role = title_of(role)
    at = role.find(title)
    return at >= 0 and not any(w in ROLE_QUALIFIERS for w in role[:at].split())


class Referents(Clauses):
    """The article's people and bodies, for what "he", "she", "it", "the minister" and "the charity" stand for."""

    def __init__(self, doc: Document, spans: list[Span]) -> None:
        super().__init__(doc, spans)
        # who the quotes read so far gave words to, by sentence
        self.said: dict[int, list[Speaker]] = {}
        self._holders: dict[str, list[tuple[int, str]]] = {}
        self._named_in: dict[int, list[Candidate]] = {}
        self._genders: dict[str, str] | None = None
        self.last: Said | None = None  # the quote before, for one standing alone after it

    def resolve(self, m: Mention, i: int, basis: str) -> Speaker | None:
        """The speaker mention m of sentence i stands for; `basis` says how a name was found there."""
        if m.kind == "organisation":
            return Speaker(self.specific(m), None, "organisation", "organisation")
        if m.kind == "person":
            full = self.full_name(m) or m.name
            return Speaker(full, m.role or self.roles.get(full), "person", basis)
        if m.kind == "pronoun":
            if m.name in ("it", "they"):
                # a body; "they" for one person is rare in news copy, for a group common
                # ("the survivors said they ..."), so it names no person; nor is either a
                # body named only after a preposition ("intercepted by Border Force ... they
                # wrote", "a voice note from the Border Force centre ... it said")
                return self.salient_body(i, m.start, as_subject=True)
            return self.antecedent(i, m.name, before=m.start)
        if m.kind == "body":  # "the charity said"
            return self.salient_body(i, m.start)
        return self.title_holder(m, i)

    def specific(self, m: Mention) -> str:
        """ "the Pas-de-Calais prefecture" is that département's; "the prefecture" after "the
        maritime prefecture" is the Maritime Prefecture."""
        if m.name != "Prefecture":
            return m.name
        of = _DEPARTEMENT_BEFORE.search(self.clean, max(0, m.start - 40), m.start)
        if of and of.group(1) not in NOT_NAMES:  # not "the French prefecture"
            return f"{of.group(1)} Prefecture"
        if "maritime" in self.clean[max(0, m.start - 600) : m.start].lower():
            return "Maritime Prefecture"
        return m.name

    # -- people

    def gender(self, name: str | None) -> str | None:
        """ "m" or "f" when the article tells ("Mr Sunak", "Ms Braverman", "the charity's
        spokeswoman"), else when the given name does ("Helen Marchant", `FIRST_NAME_GENDERS`),
        else None."""
        if not name:
            return None
        if self._genders is None:
            genders: dict[str, str] = {}

            def note(surname: str, gender: str) -> None:
                key = surname.casefold()  # told both ways (two people, one surname): unknown
                genders[key] = gender if genders.get(key, gender) == gender else "?"

            for h in _HONORIFIC_NAME.finditer(self.clean):
                note(strip_possessive(h.group("n").split()[-1]), HONORIFIC_GENDERS[h.group("h")])
            for full, role in self.roles.items():
                for word in role.lower().split():
                    if gender := GENDERED_NOUNS.get(strip_possessive(word), ""):
                        note(full.split()[-1], gender)
            self._genders = genders
        found = self._genders.get(name.split()[-1].casefold())
        if found is None:
            found = FIRST_NAME_GENDERS.get(name.split()[0])
        return found if found in ("m", "f") else None

    def named_in(self, j: int, *, before: int | None = None) -> list[Candidate]:
        """The people sentence j names (or gave words to), the part before `before` only when given."""
        found = [Candidate(s, True) for s in self.said.get(j, ()) if s.kind == "person"]
        if before is not None:
            said = self.sentence_subject(self.region(j, at=before))
            subject = said[0] if said else None
            if subject is None or subject.end > before or subject.kind != "person":
                return found  # only the subject of the words before counts: not "Asked about X, he"
            full = self.full_name(subject)
            return found + (
                [Candidate(Speaker(full, self.roles.get(full), "person"), True)] if full else []
            )
        cached = self._named_in.get(j)
        if cached is None:
            r = self.region(j)
            f = self.facts(r)
            speaking = set()
            for verb in f.verbs:
                subject = self.direct_subject(r, verb, r.start)
                if subject is not None:
                    speaking.add(subject.start)
            cached = []
            for m in f.mentions:
                who: Speaker | None = None
                if m.kind == "person":
                    full = self.full_name(m)
                    who = Speaker(full, m.role or self.roles.get(full), "person") if full else None
                elif m.kind == "title" and m.definite:
                    who = self.holder(m, title_of(m.name))
                if who is not None:
                    cached.append(Candidate(who, m.start in speaking))
            self._named_in[j] = cached
        return found + cached

    def one_of(self, candidates: list[Candidate]) -> Speaker | None:
        """The one person among candidates, or the one speaking among them; None when unclear."""
        names = {c.speaker.name for c in candidates}
        if len(names) > 1:
            names = {c.speaker.name for c in candidates if c.speaking}
        if len(names) != 1:
            return None
        (name,) = names
        return next(c.speaker for c in candidates if c.speaker.name == name)

    def antecedent(self, i: int, pronoun: str, *, before: int) -> Speaker | None:
        """The person "he" or "she" in sentence i stands for: the one person of that gender (or of
        none known) in the latest sentence naming any, or the one speaking there; else no one.

        'Ms Braverman met Mr Darmanin. "...," she said' -> Braverman; 'Sunak and Macron met.
        "...," he said' -> None; 'Johnson wrote to Macron. "...," he said' -> Johnson (he wrote).
        """
        want = {"he": "m", "she": "f"}.get(pronoun)
        for j in range(i, max(-1, i - LOOKBACK), -1):
            if self.sentences[i].paragraph - self.sentences[j].paragraph > PRONOUN_PARAGRAPHS:
                return None  # a "he" this far from any name is someone the text does not say
            if self.sentences[j].section not in ("body", "dateline"):
                continue
            found = self.named_in(j, before=before) if j == i else self.named_in(j)
            if want is not None:
                found = [c for c in found if self.gender(c.speaker.name) in (None, want)]
            if found:
                who = self.one_of(found)
                return Speaker(who.name, who.role, "person", "pronoun") if who else None
        return None

    def sentence_subject(self, r: Region) -> tuple[Mention, bool] | None:
        """Who a sentence is about, and whether they speak in it: the subject of its first
        reporting verb, else its first mention when nothing but a short opening comes before
        and no "and" joins another to it ("The president was asked whether ...", "On Friday,
        Ms Patel visited Dover"; not "Sunak and Macron met")."""
        f = self.facts(r)
        for verb in f.verbs[:2]:
            subject = self.direct_subject(r, verb, r.start)
            if subject is not None:
                return subject, True
        first = self.opening_mention(r)
        if first is None:
            return None
        joined = _COORDINATED.match(self.clean, first.end)
        if joined and any(m.start == joined.end() for m in f.mentions[1:3]):
            return None
        return first, False

    # -- titles

    def holder(self, m: Mention, title: str) -> Speaker | None:
        """The person the article gives `title` to: the latest before m, else the first after it
        in a headline, or the only one the article gives it to."""
        holders = self._holders.get(title)
        if holders is None:
            holders = []
            for n in self.names:
                full = self.full_name(n)
                role = n.role or self.roles.get(full or "")
                if full and role and holds(role, title):
                    holders.append((n.start, full))
            self._holders[title] = holders
        nation = next((w for w in m.name.lower().split() if w in _NATIONALITIES), None)
        if nation is not None:  # "the British minister": of the holders, the British one
            holders = [h for h in holders if nation in (self.roles.get(h[1]) or "").lower().split()]
            if not holders:
                return self.national(nation, m.start)
        k = bisect.bisect_left(holders, (m.start, ""))
        if k == 0 and holders:
            # a headline's "Home Secretary:" before the body names her; in the body, only when
            # the article gives the title to no one else
            at = self.sentence_index(m.start)
            headline = at is not None and self.sentences[at].section == "headline"
            if headline or len({h[1] for h in holders}) == 1:
                k = 1
        if k == 0:
            return None
        name = holders[k - 1][1]
        return Speaker(name, self.roles.get(name), "person", "title")

    def national(self, nation: str, before: int) -> Speaker | None:
        """The one person named before `before` whose role has that nationality ("British Home
        Secretary Helen Marchant" for "the British minister"); None when there are more or none."""
        found = {
            full
            for n in self.names
            if n.start < before
            and (full := self.full_name(n))
            and nation in (n.role or self.roles.get(full) or "").lower().split()
        }
        if len(found) != 1:
            return None
        (name,) = found
        return Speaker(name, self.roles.get(name), "person", "title")

    def counterpart(self, m: Mention, i: int) -> Speaker | None:
        """ "her counterpart" / "Marchant's counterpart": of the two people named last, the one
        who is not hers (known to be of the other gender, or not so named); None unless exactly
        one is left."""
        owner = _POSSESSOR.search(self.clean, max(0, m.start - 40), m.end)
        if owner is None:
            return None
        people: list[Speaker] = []  # the two people named last
        for j in range(i - 1, max(-1, i - LOOKBACK), -1):
            for c in self.named_in(j):
                if c.speaker.kind == "person" and c.speaker.name not in {p.name for p in people}:
                    people.append(c.speaker)
            if len(people) >= 2:
                break
        word = owner.group(1).lower()
        if word in ("her", "his"):
            want = "f" if word == "her" else "m"
            others = [p for p in people if self.gender(p.name) not in (want, None)]  # known, other
        else:
            surname = strip_possessive(owner.group(1))
            others = [p for p in people if p.name and p.name.split()[-1] != surname]
        if len(others) != 1:
            return None
        return Speaker(others[0].name, others[0].role, "person", "title")

    def title_holder(self, m: Mention, i: int) -> Speaker:
        """ "the minister" -> the person the article gave that title, else (for an office) the one
        person in the latest sentences whose known role is not another office; "a spokesperson"
        speaks for the body in the news; else the title itself describes the speaker
        ("a government source", "the skipper")."""
        title = title_of(m.name)
        noun = title.split()[-1] if title else ""
        if m.definite:
            who = self.holder(m, title)
            if who is not None:
                return who
        if noun == "counterpart":  # "her counterpart shook his head"
            who = self.counterpart(m, i)
            if who is not None:
                return who
        if noun in SPOKES_NOUNS:  # '"...," a spokesperson said'
            body = self.salient_body(i, m.start)
            if body is not None:
                return body
        elif m.definite and noun.rstrip("s") in OFFICE_NOUNS:
            who = self.office_holder(i, title)
            if who is not None:
                return who
        described = _DESCRIBED_BY.match(self.clean, m.end)  # "the skipper of the Arcturus"
        name = m.name + described.group() if described else m.name
        return Speaker(" ".join(name.split()), m.name, "person", "description")

    def office_holder(self, i: int, title: str) -> Speaker | None:
        """ "the prime minister" with no one given that title: the one person (or the one speaking)
        in the latest sentence, in this paragraph or the one before, naming people whose role is
        not another office."""
        for j in range(i - 1, max(-1, i - LOOKBACK), -1):
            if self.sentences[i].paragraph - self.sentences[j].paragraph > 1:
                return None
            if self.sentences[j].section not in ("body", "dateline"):
                continue
            found = [
                c for c in self.named_in(j) if not c.speaker.role or holds(c.speaker.role, title)
            ]
            if found:
                # one given the title outright first: "the home secretary, Suella Braverman,"
                holding = [c for c in found if c.speaker.role]
                who = self.one_of(holding or found)
                return Speaker(who.name, who.role, "person", "title") if who else None
        return None

    # -- bodies

    def salient_body(self, i: int, before: int, *, as_subject: bool = False) -> Speaker | None:
        """The organisation "it" or "the charity" stands for: named earlier in the sentence or just before.

        `as_subject` (for "it" and "they") passes over a body named after a preposition:
        "They were intercepted by Border Force ... they wrote" is the people, not Border Force.
        """

        def fits(m: Mention) -> bool:
            if m.kind != "organisation":
                return False
            return not as_subject or not _AFTER_PREPOSITION.search(self.clean, max(0, m.start - 12), m.start)

        mentions = self.facts(self.region(i, at=before)).mentions
        k = bisect.bisect_left(mentions, before + 1, key=lambda m: m.end)
        body = next((m for m in reversed(mentions[:k]) if fits(m)), None)
        if body is not None:
            return Speaker(body.name, None, "organisation", "organisation")
        for j in range(i - 1, max(-1, i - _BODY_LOOKBACK), -1):
            body = next((m for m in self.facts(self.region(j)).mentions if fits(m)), None)
            if body is not None:
                return Speaker(body.name, None, "organisation", "organisation")
        return None
