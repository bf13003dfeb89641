"""Reading the clauses around a quote: the mentions and reporting verbs of a sentence, and who is the subject of a verb.

`Clauses` adds to `Names` what the attribution rules ask of one sentence at a time:
"said Johnson" (the speaker right after a quote), "Patel said:" (the subject of the
verb before it), "Marine Lecomte, of the French charity Utopia 56, said" (a subject
with an appositive), "a Home Office spokesperson" (a title that speaks for a body).
"""

from __future__ import annotations

import bisect
import itertools
import re
from typing import NamedTuple

from lib.extract.patterns import words_pattern
from lib.extract.quotes.marks import Span
from lib.extract.quotes.names import (
    DETERMINERS,
    FILLER,
    ORG,
    ORG_WORDS,
    PRONOUN_WORDS,
    TITLE_NOUN_SET,
    VERB_WORDS,
    WORD_START,
    Mention,
    Names,
    cased,
    org_name,
)
from lib.extract.resources import BODY_NOUNS, REPORTING_VERBS, SPEECH_NOUNS, TITLE_NOUNS
from lib.extract.text import Document

# Bounds that keep the work per quote constant on pathological input (a 5 MB "sentence"):
WINDOW = 1000  # characters of a quote's sentence read each side of it
_MAX_GAP = 120  # characters between a subject and its verb
MAX_LOOKS = 20  # earlier verbs or mentions tried

# All four in one pass over a sentence. A title is found by its noun, rarer than "the", and
# its determiner looked for just before (_TITLE_HEAD); a body inside a title afterwards.
_SPEAKER_WORDS = re.compile(
    rf"{WORD_START}(?:(?P<organisation>{ORG_WORDS})(?![\w-])|(?P<title>{words_pattern(any_space=True, words=cased(TITLE_NOUNS))}s?)\b"
    rf"|(?P<verb>{VERB_WORDS})\b|(?P<pronoun>{PRONOUN_WORDS})\b)"
)
_TITLE_HEAD = re.compile(rf"(?<![\w'’-])(?:{words_pattern(any_space=True, words=DETERMINERS)})\s+{FILLER}{{0,4}}\Z")
PARTICIPLES = frozenset(v for v in REPORTING_VERBS if v.endswith("ing"))
_WEEKDAY = r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)"
# Between a subject and its verb: "Johnson also said", "Macron on Thursday told",
# "Marine Lecomte, of the French charity Utopia 56, said", "Darmanin, who ..., said".
_SUBJECT_GAP = re.compile(
    # "One dog walker at Littlestone, who ..., said", "The skipper of the Arcturus told"
    r"(?:\s+(?:at|from|in|of|on|near|for|with)\s+[^,;:\"“”«»‘’]{1,40}?)?"
    r"(?:\s*,\s*(?:[^,\"“”«»‘’]{1,80}?,\s*){1,2}|\s*,?\s*)"  # "Jane Doe, 34, from Dover, told"
    rf"(?:(?:also|later|then|previously|earlier|further|again|once|who|has|had|have|would|will|"
    rf"could|may|might|already|since|just|today|yesterday|\w+ly|on\s+{_WEEKDAY}|last\s+\w+),?\s+)*"
)
_COMMA = re.compile(r",\s*")
_PASSIVE = re.compile(r"\b(?:is|are|was|were|been|being|be)\s+$")
_COMMA_GAP = re.compile(r"\s*,?\s*")
_CLAUSE_END = re.compile(r"[,;]")
_PUNCT_LEAD = re.compile(r"[\s,;:—–-]*")  # between a closing mark and "said Johnson"
_LEAD = re.compile(r"[\s,;:—–-]*(?:[Tt]he\s+)?")  # between a closing mark and "the prefecture said"
_AFTER_VERB = re.compile(r"\s*(?:the\s+)?")  # between "said" and "Johnson"
_NAME_COLON = re.compile(r"\s*(?:\([^()]{1,60}\))?\s*")  # between a name and its colon
# What may open a sentence before its subject: "But", "On Friday,", "In London,", "A" (before
# "Ministry of Defence spokesperson")
SUBJECT_LEAD = re.compile(
    r"[\s\"“‘«(,—–-]*(?:[^,;:\"“”‘’«»]{0,50},\s*)?(?:(?:[Tt]he|an?|An?)\s+)?"
)
ANY_WORD = re.compile(r"\w")
# "'s flagship ", "'s pledge to " before a quote: one word at most, and no verb ("'s response
# was 'inadequate'")
_OWNER_GAP = re.compile(
    r"(?P<s>['’]s)?\s+(?:(?!(?:is|was|are|were|has|had|have|be|been)\s)[a-z-]+\s+)?(?:to\s+)?"
)
_OF_PLACE = re.compile(r"\s+(?:of|for|in|at)\s+[^,;:\"“”«»‘’]{1,40}?(?P<place>)\s*,\s*")
# the agent of a passive: "it was said by the minister"
_BY = re.compile(r"(?<![\w'’-])by\s+(?P<the>the\s+)?")
_BY_BEFORE = re.compile(r"(?<![\w'’-])by\s+\Z")
_WORDS_BEFORE_BY = 3  # words (outside quotes) between a passive verb and its "by"
_WORD_RUN = re.compile(r"\w+")
# A sentence right after a quote that names who said it (the mention follows the match):
# "It was Mr Macron who chose the words", "That was the verdict of Jane Doe", "So said Jane Doe",
# "It was the home secretary's answer".
_SPEECH = words_pattern(any_space=True, words=cased(SPEECH_NOUNS))
_NAMED_NEXT = re.compile(
    r"[\s\"“‘«]*(?:(?:It|That|This|Such|These|Those)\s+(?:was|were|is|are|had\s+been|has\s+been)\s+"
    rf"(?P<of>(?:the|a|an|her|his|their)\s+(?:[\w-]+\s+)?(?:{_SPEECH})\s+(?:of|from|given\s+by)\s+)?"
    r"|(?P<so>(?:So|Thus)\s+(?:said|says|spoke|wrote)\s+))"
)
# after "It was X" (no "the verdict of"), what makes X the speaker: "who chose the words", "'s answer"
_CLEFT_END = re.compile(
    rf"\s*(?:,[^,.;]{{0,80}},\s*)?(?:who|whose)\b|['’]s?\s+(?:[\w-]+\s+)?(?:{_SPEECH})\b"
)
_FOR_BODY = re.compile(
    r"\s*,?\s+(?:(?:for|from|at|of|with)\s+)?(?:the\s+|Britain['’]s\s+|France['’]s\s+)?"
)


Verb = tuple[int, int, str]  # start, end, the verb ("according" for "according to")


class Region(NamedTuple):
    """The stretch of sentence i the rules read (all of it, unless it is very long)."""

    i: int
    start: int
    end: int


class ClauseFacts(NamedTuple):
    """What a region says outside quotes, in text order, with the offsets to bisect."""

    mentions: list[Mention]
    verbs: list[Verb]
    mention_starts: list[int]
    verb_starts: list[int]


class Clauses(Names):
    """What the attribution rules read of one sentence (or the stretch of it around a quote) at a time."""

    def __init__(self, doc: Document, spans: list[Span]) -> None:
        super().__init__(doc, spans)
        self._facts: dict[tuple[int, int], ClauseFacts] = {}

    def region(self, i: int, span: Span | None = None, *, at: int | None = None) -> Region:
        """Sentence i as the rules read it: all of it, unless it is very long; then the stretch
        around a quote (or an offset), snapped to a grid of `WINDOW` characters so that quotes
        close together share it, and an endless sentence costs no more than its length."""
        s = self.sentences[i]
        if span is not None:
            lo, hi = span.open_at, span.close_at
        else:
            lo = hi = s.end if at is None else at
        lo, hi = lo - lo % WINDOW - WINDOW, hi - hi % WINDOW + 2 * WINDOW
        return Region(i, max(s.start, lo), min(s.end, hi))

    def facts(self, r: Region) -> ClauseFacts:
        """The mentions and reporting verbs of a region outside quotes, each in text order."""
        cached = self._facts.get((r.start, r.end))
        if cached is not None:
            return cached
        all_names = self.sentence_names(r.i)
        starts = [n.start for n in all_names]
        names = [
            Mention(n.start, n.end, n.kind, n.name, n.role, n.strong, n.definite)
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
                orgs.append(Mention(a, b, kind, org_name(word)))
            elif kind == "title":
                window = max(r.start, a - 60)
                head = _TITLE_HEAD.search(self.clean, window, a)
                if head is None:
                    continue  # "minister" without "the", "a", "his" before it
                a = head.start()
                words = self.clean[a:b].split()
                noun = words[-1].lower()
                body = (noun if noun in TITLE_NOUN_SET else noun.rstrip("s")) in BODY_NOUNS
                definite = words[0].lower() not in ("a", "an")
                kind = "body" if body else "title"
                titles.append(Mention(a, b, kind, " ".join(words[1:]), definite=definite))
                for x, y, inner in self.find(ORG, a, b):  # "a Home Office spokesperson"
                    orgs.append(Mention(x, y, "organisation", org_name(inner)))
            elif kind == "verb":
                verbs.append((a, b, "according" if " " in word else word))
            else:
                pronouns.append(Mention(a, b, kind, word.lower()))
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
        facts = ClauseFacts(mentions, verbs, [m.start for m in mentions], [v[0] for v in verbs])
        self._facts[(r.start, r.end)] = facts
        return facts

    def _merge(
        self, orgs: list[Mention], titles: list[Mention], names: list[Mention]
    ) -> list[Mention]:
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
            over = next(
                (n for n in names if n.kind == "person" and n.start < t.end and t.start < n.end),
                None,
            )
            at = _COMMA_GAP.match(clean, t.end).end()  # type: ignore[union-attr]
            person = over or next((n for n in names if n.kind == "person" and n.start == at), None)
            of = _OF_PLACE.match(clean, t.end) if person is None and t.kind == "title" else None
            if of is not None:  # "The prefect of Pas-de-Calais, Jacques Billant,"
                at = of.end()
                person = next((n for n in names if n.kind == "person" and n.start == at), None)
                if person is not None:
                    t.name = f"{t.name} {' '.join(clean[t.end : of.end('place')].split())}"
            if person is not None and t.kind == "title":
                person.start, person.role = min(person.start, t.start), person.role or t.name
                person.strong = True
                # "The Home Secretary, Yvette Cooper,": the title read as a capitalised run goes too
                names = [
                    n for n in names if n.kind != "title" or n.end <= t.start or t.end <= n.start
                ]
                continue
            # "Gerald Darmanin, the French interior minister,"
            before = next((n for n in names if _COMMA.fullmatch(clean, n.end, t.start)), None)
            if before is not None and t.kind == "title" and t.definite:
                before.end, before.role = t.end, before.role or t.name
                continue
            kept.append(t)
        return orgs + kept + names

    def first_verb(self, r: Region, start: int, end: int) -> Verb | None:
        f = self.facts(r)
        k = bisect.bisect_left(f.verb_starts, start)
        return f.verbs[k] if k < len(f.verbs) and f.verbs[k][0] < end else None

    def tail_clause(self, r: Region, m: Mention, start: int, end: int) -> tuple[int, int]:
        """The attribution after a quote, up to the end of its clause: 'he said in a letter on
        Thursday evening', not ', adding that they would meet on Monday'."""
        verb = self.first_verb(r, start, end)
        anchor = max(m.end, verb[1] if verb else start)
        comma = _CLAUSE_END.search(self.clean, anchor, end)
        return start, comma.start() if comma else end

    def immediate(self, r: Region, start: int, end: int) -> Mention | None:
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
        if m is None or m.end > verb[0] or verb[2] in PARTICIPLES or verb[2] == "according":
            return None
        if verb[0] - m.end > _MAX_GAP:
            return None
        return m if _SUBJECT_GAP.fullmatch(self.clean, m.end, verb[0]) else None

    def object_of(self, r: Region, verb: Verb) -> Mention | None:
        """The speaker after an inverted verb: "said Priti Patel", "according to the RNLI"."""
        gap = _AFTER_VERB.match(self.clean, verb[1])
        at = gap.end() if gap else verb[1]
        f = self.facts(r)
        k = bisect.bisect_right(f.mention_starts, verb[1])
        return f.mentions[k] if k < len(f.mentions) and f.mentions[k].start <= at else None

    def before(self, r: Region, start: int, end: int) -> Mention | None:
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
            # a Hansard-style 'Rishi Sunak (Conservative): "..."' too
            k = bisect.bisect_left(f.mention_starts, stop) - 1
            if k >= 0 and _NAME_COLON.fullmatch(self.clean, f.mentions[k].end, stop - 1):
                return f.mentions[k]
        return None

    def subject(self, r: Region, verb: Verb, *, floor: int) -> Mention | None:
        """Who did the saying: the subject before the verb, the one after an inverted verb,
        or for "adding", "and added" the subject of an earlier verb, else the sentence subject."""
        if verb[2] == "according":
            return self.object_of(r, verb)
        if _PASSIVE.search(self.clean, max(0, verb[0] - 8), verb[0]):
            # "the pledge is branded 'a national humiliation' by Labour", '"...," it was said by
            # the minister': the agent after "by" speaks; without one, no one does
            return self.agent(r, verb)
        if verb[2] not in PARTICIPLES:
            direct = self.direct_subject(r, verb, floor)
            if direct is not None:
                return direct
            inverted = self.object_of(r, verb)
            if inverted is not None and _PUNCT_LEAD.fullmatch(self.clean, floor, verb[0]):
                return inverted
        f = self.facts(r)
        k = bisect.bisect_left(f.verb_starts, verb[0])
        for v in reversed(f.verbs[max(0, k - MAX_LOOKS) : k]):
            if v[2] not in PARTICIPLES and v[2] != "according":
                direct = self.direct_subject(r, v, r.start)
                if direct is not None:
                    return direct
        # the sentence subject; a reporting verb vouches for a lone word before a comma: "Macron,
        # after vowing". Only the first mention, opening the sentence: not "Jordan" in "Sunak
        # thanked Jordan, saying"
        first = self.opening_mention(r)
        if first is None or first.end > verb[0]:
            return None
        return first if self.named(first) or self.clean.startswith(",", first.end) else None

    def opening_mention(self, r: Region) -> Mention | None:
        """The first mention of a sentence when only a short opening comes before it: "Macron, ...",
        "On Friday, Ms Patel ...", not "Asked about Priti Patel, ..." nor "Sunak thanked Jordan"."""
        f = self.facts(r)
        if not f.mentions:
            return None
        first, start = f.mentions[0], r.start
        k = bisect.bisect_right(self.opens, start - 1)
        if (
            k < len(self.opens)
            and self.closes[k] < first.start
            and not ANY_WORD.search(self.clean, start, self.opens[k])
        ):
            # a sentence opening with a quote: '"...," the prefecture, which ..., said'
            start = self.closes[k] + 1
        if self.possessive(first) or not SUBJECT_LEAD.fullmatch(self.clean, start, first.start):
            return None  # "Priti Patel's critics called the plan 'cruel'": not her words
        return first

    def agent(self, r: Region, verb: Verb) -> Mention | None:
        """The mention right after the "by" of a passive reporting verb, a few words on at most:
        "were said by Jane Doe", "branded 'a national humiliation' by the Refugee Council"."""
        for m in self.outside_quotes(_BY, verb[1], min(r.end, verb[1] + 300)):
            by = m.start() - 1  # offsets of `outside_quotes` are into `padded`
            words = self.outside_quotes(_WORD_RUN, verb[1], by)
            if sum(1 for _ in itertools.islice(words, _WORDS_BEFORE_BY + 1)) > _WORDS_BEFORE_BY:
                return None
            # "by the Refugee Council": the body's name; "by the minister": a title with its "the"
            return self.mention_at(r, m.start("the") - 1) or self.mention_at(r, m.end() - 1)
        return None

    def speaks(self, r: Region, m: Mention) -> bool:
        """Whether mention m is right by a reporting verb (or a colon) as its speaker: "a passenger
        said", "said one survivor", "one of the passengers told", "by a witness", "Sunak:"."""
        f = self.facts(r)
        k = bisect.bisect_left(f.verb_starts, m.end)
        if (
            k < len(f.verbs)
            and (v := f.verbs[k])[0] - m.end <= _MAX_GAP
            and v[2] not in PARTICIPLES
            and _SUBJECT_GAP.fullmatch(self.clean, m.end, v[0])
        ):
            return True
        if k > 0 and _AFTER_VERB.fullmatch(self.clean, f.verbs[k - 1][1], m.start):
            return True
        # 'Sunak: "..."', 'Rishi Sunak (Conservative): "..."'
        colon = _NAME_COLON.match(self.clean, m.end)
        if colon is not None and self.clean.startswith(":", colon.end()):
            return True
        return _BY_BEFORE.search(self.clean, max(0, m.start - 8), m.start) is not None

    def owner(self, r: Region, open_at: int) -> Mention | None:
        """Whose words a quote is when a possessive stands right before it: 'Rishi Sunak's "stop
        the boats" pledge', 'the government's pledge to "stop the boats"'."""
        f = self.facts(r)
        k = bisect.bisect_left(f.mention_starts, open_at) - 1
        if k < 0:
            return None
        m = f.mentions[k]
        gap = _OWNER_GAP.fullmatch(self.clean, m.end, open_at)
        if m.kind == "pronoun" or gap is None:
            return None
        # the possessive is in the mention ("Rishi Sunak's") or just after it ("Home Office's")
        possessive = gap.group("s") or self.clean[max(m.start, m.end - 2) : m.end] in ("'s", "’s")
        return m if possessive else None

    def mention_at(self, r: Region, at: int) -> Mention | None:
        """The mention of region r that starts at `at` ("by the minister" -> the minister)."""
        f = self.facts(r)
        k = bisect.bisect_left(f.mention_starts, at)
        return f.mentions[k] if k < len(f.mentions) and f.mentions[k].start == at else None

    def named_next(self, r: Region) -> Mention | None:
        """The speaker a sentence right after a quote names in its first words: "It was Mr Macron
        who chose the words", "That was the verdict of Jane Doe", "So said Jane Doe"."""
        m = _NAMED_NEXT.match(self.clean, r.start, r.end)
        if m is None:
            return None
        found = self.mention_at(r, m.end())
        if found is None or found.kind == "pronoun":
            return None  # "It was a tragedy", "That was it"
        if m.group("of") or m.group("so") or _CLEFT_END.match(self.clean, found.end, r.end):
            return found
        return None  # "It was Macron's decision to ...": not a quote's speaker

    def direct_subject(self, r: Region, verb: Verb, floor: int) -> Mention | None:
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
            if _SUBJECT_GAP.fullmatch(self.clean, m.end, verb[0]) and not self.possessive(m):
                best = m
        return best

    def possessive(self, m: Mention) -> bool:
        """ "Priti Patel's critics", "the Home Office's response": the mention is not the subject."""
        clean = self.clean
        return clean[max(m.start, m.end - 2) : m.end] in ("'s", "’s") or clean.startswith(
            ("'s ", "’s "), m.end
        )
