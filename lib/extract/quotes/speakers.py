"""Who said each quote: the attribution rules of newsroom English, tried in order, and who a mention stands for.

1. the speaker right after it: '"...," Johnson said', '"...," said Johnson',
   '"...," according to the RNLI';
2. the subject of the nearest reporting verb before it in its sentence: 'Patel said: "..."',
   'Macron told Johnson that France has a "shared responsibility"';
3. a reporting verb later in the sentence: 'Taking back migrants "would ..." behind the
   trafficking, he said';
4. a quote standing alone continues the previous quote's speaker (`continuity`);
5. the sentence subject: 'Macron, after vowing ... a "cemetery," spoke ...'.

Pronouns and titles ("he", "the minister") resolve to the most salient earlier person and
surnames to the full name given earlier ("Johnson" -> "Boris Johnson").
"""

from __future__ import annotations

import bisect
import itertools
import re

from lib.extract.dates import extract_events
from lib.extract.quotes.clauses import MAX_LOOKS, Clauses
from lib.extract.quotes.continuity import continued_speaker
from lib.extract.quotes.marks import Span
from lib.extract.quotes.names import Mention, Speaker
from lib.extract.resources import OFFICE_NOUNS, SPOKES_NOUNS
from lib.extract.text import Document
from lib.schema import Event

_SALIENCE_LOOKBACK = 12  # sentences searched back for the person a pronoun stands for
ANY_WORD = re.compile(r"\w")
Attribution = tuple[Speaker | None, tuple[int, int] | None]  # who, and the clause that says so


class Speakers(Clauses):
    """The attribution rules over one article: `attribute` a quote, `date_of` its attribution clause."""

    def __init__(self, doc: Document, spans: list[Span]) -> None:
        super().__init__(doc, spans)
        self._holders: dict[str, list[tuple[int, str]]] = {}
        self._events: list[Event] | None = None

    def attribute(self, span: Span, previous: tuple[Span, Speaker] | None) -> Attribution:
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
        unnamed: Speaker | None = None  # someone in the speaker's place we cannot name

        def named(m: Mention, i: int) -> Speaker | None:
            """The speaker a mention stands for; "he" with no one named before, or "a government
            source", is kept aside: another rule may name them, but no guess may replace them."""
            nonlocal unnamed
            who = self.resolve(m, i)
            if who is None or who.name is None:
                unnamed = unnamed or who or Speaker(None, None, "unknown")
                return None
            return who

        # 1. '"...," Johnson said', '"...," said the minister', '"...," according to the RNLI'
        m = self.immediate(r2, *tail)
        if m is not None and (who := named(m, s2)):
            return who, self.tail_clause(r2, m, *tail)
        # 2. 'Patel said: "..."', 'Macron told Johnson that France has a "shared responsibility"'
        rh = r1
        if not ANY_WORD.search(clean, *head) and s1 > 0:
            # 'Home Secretary Priti Patel said:' ending the paragraph before
            prev = self.sentences[s1 - 1]
            if prev.section == self.sentences[s1].section and ends_with(
                clean, prev.start, prev.end, ":"
            ):
                rh = self.region(s1 - 1)
                head = (rh.start, rh.end)
        m = self.before(rh, *head)
        if m is not None and (who := named(m, rh.i)):
            first = next(iter(self.facts(rh).mentions), None)
            return who, (head[0] if first is m else m.start, head[1])
        # 1b. '"Are we ready?" Johnson asked.', split into two sentences at the question mark
        if not ANY_WORD.search(clean, *tail) and s2 + 1 < len(self.sentences):
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
        alone = not ANY_WORD.search(clean, r1.start, span.open_at) and not ANY_WORD.search(
            clean, *tail
        )
        if alone and (carried := continued_speaker(self, s1, previous)) is not None:
            return carried, None
        # 5. the sentence subject: 'Macron, after vowing ... a "cemetery," spoke'
        if unnamed is not None:
            return unnamed, None
        early = itertools.islice(self.facts(r1).mentions, MAX_LOOKS)
        first = next((m for m in early if m.end <= span.open_at and self.named(m)), None)
        return (named(first, s1) if first else None) or unnamed, None

    def resolve(self, m: Mention, i: int) -> Speaker | None:
        if m.kind == "organisation":
            return Speaker(self.specific(m), None, "organisation")
        if m.kind == "person":
            full = self.full_name(m) or m.name
            return Speaker(full, m.role or self.roles.get(full), "person")
        if m.kind == "pronoun":
            if m.name in ("it", "they"):
                body = self.salient_body(i, m.start)
                if body is not None or m.name == "it":
                    return body
            return self.salient_person(i)
        if m.kind == "body":  # "the charity said"
            return self.salient_body(i, m.start)
        return self.title_holder(m, i)

    def specific(self, m: Mention) -> str:
        """ "the prefecture" after "the maritime prefecture" is the Maritime Prefecture."""
        if (
            m.name == "Prefecture"
            and "maritime" in self.clean[max(0, m.start - 600) : m.start].lower()
        ):
            return "Maritime Prefecture"
        return m.name

    def salient_person(self, i: int) -> Speaker | None:
        """The first person named in the most recent earlier body sentence that names one."""
        for j in range(i - 1, max(-1, i - _SALIENCE_LOOKBACK), -1):
            s = self.sentences[j]
            if s.section not in ("body", "dateline"):
                continue
            for m in self.sentence_names(j):
                full = self.full_name(m)
                if full:
                    return Speaker(full, self.roles.get(full), "person")
        return None

    def salient_body(self, i: int, before: int) -> Speaker | None:
        """The organisation "it" or "the charity" stands for: named earlier in the sentence or just before."""
        mentions = self.facts(self.region(i, at=before)).mentions
        k = bisect.bisect_left(mentions, before + 1, key=lambda m: m.end)
        body = next((m for m in reversed(mentions[:k]) if m.kind == "organisation"), None)
        if body is not None:
            return Speaker(body.name, None, "organisation")
        for j in range(i - 1, max(-1, i - 3), -1):
            body = next(
                (m for m in self.facts(self.region(j)).mentions if m.kind == "organisation"), None
            )
            if body is not None:
                return Speaker(body.name, None, "organisation")
        return None

    def title_holder(self, m: Mention, i: int) -> Speaker:
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
                return Speaker(holder, self.roles.get(holder), "person")
            if noun.rstrip("s") in OFFICE_NOUNS:
                salient = self.salient_person(i)
                if salient is not None:
                    return salient
        if noun in SPOKES_NOUNS:  # '"...," a spokesperson said'
            body = self.salient_body(i, m.start)
            if body is not None:
                return body
        return Speaker(None, m.name, "unknown")

    def date_of(self, window: tuple[int, int] | None) -> str | None:
        """The day of a date phrase in the attribution ("said on Thursday"), outside any quote."""
        if window is None:
            return None
        if self._events is None:
            self._events = sorted(
                (e for e in extract_events(self.doc) if e.precision == "day"),
                key=lambda e: e.start,
            )
        k = bisect.bisect_left(self._events, window[0], key=lambda e: e.start)
        for e in itertools.islice(self._events, k, None):
            if e.start >= window[1]:
                break
            if e.end <= window[1] and not self.quoted(e.start):
                return str(e.date)
        return None


def ends_with(text: str, start: int, end: int, suffix: str) -> bool:
    """Whether text[start:end], trailing blanks aside, ends with `suffix` (without copying it)."""
    while end > start and text[end - 1].isspace():
        end -= 1
    return text.startswith(suffix, max(start, end - len(suffix)), end)
