"""Who said each quote: the attribution rules of newsroom English, tried in order.

1. the speaker right after it: '"...," Johnson said', '"...," said Johnson',
   '"...," according to the RNLI', '"...," it was said by the minister';
2. the subject of the nearest reporting verb before it in its sentence: 'Patel said: "..."',
   'Macron told Johnson that France has a "shared responsibility"', or ending the paragraph
   before ('Home Secretary Priti Patel said:'), or a possessive right before it ('Rishi
   Sunak's "stop the boats" pledge');
3. the next sentence of the paragraph names them: '"Are we ready?" Johnson asked.',
   '"..." It was Mr Macron who chose the words.', '"..." That was the verdict of Jane Doe.';
4. a reporting verb later in the sentence: 'Taking back migrants "would ..." behind the
   trafficking, he said';
5. a quote standing alone carries on the quote before it, or takes the subject of the sentence
   before (`continuity`);
6. the sentence subject: 'Macron, after vowing ... a "cemetery," spoke ...'.

Pronouns and titles ("he", "the minister") resolve in `referents`, only when one person fits;
surnames to the full name given earlier ("Johnson" -> "Boris Johnson").
"""

from __future__ import annotations

import bisect
import itertools
import re

from lib.extract.dates import extract_events
from lib.extract.quotes.continuity import standalone_speaker
from lib.extract.quotes.marks import Span
from lib.extract.quotes.names import Mention, Speaker
from lib.extract.quotes.referents import Referents, Said
from lib.extract.text import Document
from lib.schema import Event

ANY_WORD = re.compile(r"\w")
Attribution = tuple[Speaker | None, tuple[int, int] | None]  # who, and the clause that says so


class Speakers(Referents):
    """The attribution rules over one article: `attribute` each quote in turn, `date_of` its attribution clause."""

    def __init__(self, doc: Document, spans: list[Span]) -> None:
        super().__init__(doc, spans)
        self._events: list[Event] | None = None

    def attribute(self, span: Span) -> Attribution:
        """The speaker of a quote (with how they were found), and the attribution clause that
        names them (where a date may sit). Quotes are attributed in text order."""
        s1 = self.sentence_index(span.parts[0][0])
        if s1 is None:
            s1 = self.sentence_index(span.open_at)
        s2 = self.sentence_index(span.close_at if span.closed else span.parts[-1][1] - 1)
        if s1 is None or s2 is None:
            return None, None
        who, window, alone = self._attribute(span, s1, s2)
        speaker = who if who is not None and who.name is not None else None
        if speaker is not None:
            clause = self.sentence_index(window[0]) if window else None
            for i in {s1, s2} | ({clause} if clause is not None else set()):
                self.said.setdefault(i, []).append(speaker)
        if alone or speaker is not None:
            # a quote with no speaker in a sentence of its own stops the one before carrying on
            self.last = Said(s2, speaker)
        return who, window

    def _attribute(
        self, span: Span, s1: int, s2: int
    ) -> tuple[Speaker | None, tuple[int, int] | None, bool]:
        clean = self.clean
        r1, r2 = self.region(s1, span), self.region(s2, span)
        head = (r1.start, span.open_at)
        tail_end = r2.end
        k = bisect.bisect_right(self.opens, span.close_at)
        if k < len(self.opens) and self.opens[k] < tail_end:
            tail_end = self.opens[k]
        tail = (span.close_at + 1, tail_end) if span.closed else (span.close_at, span.close_at)
        unnamed: Speaker | None = None  # someone in the speaker's place we cannot name

        def named(m: Mention, i: int, basis: str, *, speaking: bool = False) -> Speaker | None:
            """The speaker a mention stands for; "he" with no one clear before, or "it" with no
            body, is kept aside: another rule may name them, but no guess may replace them.
            A description ("a passenger") speaks only right by its reporting verb: not "A dozen
            migrants drowned when their dinghy was 'ripped apart'"."""
            nonlocal unnamed
            who = self.resolve(m, i, basis)
            if (
                who is not None
                and who.basis == "description"
                and not speaking
                and not self.speaks(self.region(i, at=m.start), m)
            ):
                who = Speaker(None, who.role, "unknown")
            if who is None or who.name is None:
                unnamed = unnamed or who or Speaker(None, None, "unknown")
                return None
            return who

        # 1. '"...," Johnson said', '"...," said the minister', '"...," according to the RNLI'
        m = self.immediate(r2, *tail)
        if m is not None and (who := named(m, s2, "named after")):
            return who, self.tail_clause(r2, m, *tail), False
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
        # the subject of the verb before the quote, or the sentence's when the verb has none of
        # its own ('Macron, after vowing ... a "cemetery,"')
        basis = "named before" if m is not None and self.speaks(rh, m) else "subject"
        if m is not None and (who := named(m, rh.i, basis)):
            first = next(iter(self.facts(rh).mentions), None)
            return who, (head[0] if first is m else m.start, head[1]), False
        # 2b. a possessive right before it: 'Rishi Sunak's "stop the boats" pledge'
        m = self.owner(r1, span.open_at)
        if m is not None and (who := named(m, s1, "named before", speaking=True)):
            return who, None, False
        # 3. the next sentence of the paragraph: '"Are we ready?" Johnson asked.',
        # '"..." It was Mr Macron who chose the words.', '"..." So said Jane Doe.'
        if not ANY_WORD.search(clean, *tail) and s2 + 1 < len(self.sentences):
            nxt = self.region(s2 + 1)
            if self.sentences[s2 + 1].paragraph == self.sentences[s2].paragraph and not self.quoted(
                nxt.start
            ):
                k = bisect.bisect_left(self.opens, nxt.start)
                end = min(nxt.end, self.opens[k]) if k < len(self.opens) else nxt.end
                m = self.immediate(nxt, nxt.start, end)
                cleft = self.named_next(nxt) if m is None else None
                m = m or cleft
                if m is not None and (who := named(m, s2 + 1, "named after", speaking=bool(cleft))):
                    return who, self.tail_clause(nxt, m, nxt.start, end), False
        # 4. 'Taking back migrants "would ..." behind the trafficking, he said in a letter'
        verb = self.first_verb(r2, *tail)
        if verb is not None:
            m = self.subject(r2, verb, floor=tail[0])
            basis = "named after" if m is not None and m.start >= tail[0] else "subject"
            if m is not None and basis == "subject" and self.speaks(r2, m):
                basis = "named before"
            if m is not None and (who := named(m, s2, basis)):
                return who, self.tail_clause(r2, m, *tail), False
        # 5. a quote standing alone carries on the quote before, or the sentence before's subject
        alone = not ANY_WORD.search(clean, r1.start, span.open_at) and not ANY_WORD.search(
            clean, *tail
        )
        if alone:
            return standalone_speaker(self, span, s1), None, True
        # 6. the sentence subject: 'Macron, after vowing ... a "cemetery," spoke'
        if unnamed is not None:
            return unnamed, None, False
        first = self.opening_mention(r1)
        if first is None or first.end > span.open_at or not self.named(first):
            return unnamed, None, False
        return named(first, s1, "subject") or unnamed, None, False

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
