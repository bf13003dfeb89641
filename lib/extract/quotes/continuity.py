"""Quotes across sentences and paragraphs: a quote standing alone carries on the quote before it or takes the subject of the sentence before; a headline borrows the body's speaker."""

from __future__ import annotations

import re
from dataclasses import replace

from lib.extract.quotes.marks import Span
from lib.extract.quotes.names import Speaker
from lib.extract.quotes.referents import Referents, Said
from lib.schema import Quote

_MAX_BORROWS = 50  # unattributed quotes matched against the attributed ones
# A headline borrows only words enough to be one quote: a three-word slogan ("stop the boats")
# turns up inside other people's quotes too
_MIN_BORROWED_WORDS = 5
_MAX_HEADING_WORDS = 15
_ENDS_SENTENCE = re.compile(r"[.!?…,;:]\s*$")


def is_heading(reader: Referents, span: Span) -> bool:
    """A quote that is a whole paragraph of a few words with no full stop is a heading, not
    speech carried on: a live blog's "‘We pulled them out one by one’" over the entry that
    quotes it."""
    if len(span.parts) > 1 or not span.closed:
        return False
    a, b = span.parts[0]
    inner = reader.clean[a:b]
    if _ENDS_SENTENCE.search(inner) or len(inner.split()) > _MAX_HEADING_WORDS:
        return False
    i = reader.sentence_index(a)
    if i is None:
        return False
    para = reader.doc.paragraphs[reader.sentences[i].paragraph]
    clean = reader.clean
    return (
        not clean[para.start : span.open_at].strip()
        and not clean[span.close_at + 1 : para.end].strip()
    )


def standalone_speaker(reader: Referents, span: Span, s1: int) -> Speaker | None:
    """The speaker of a quote with no words of its own around it, from the sentences before.

    - the quote before ends in the sentence before: it carries on ("continuation"):
      '"We are ready," Johnson said.' then '"We begin next week."';
    - else the sentence before, in the same paragraph, is about someone ("subject"):
      'The president was asked whether ... “This is not a question of money.”';
    - else the paragraph before ends 'Patel told reporters in Dover on Friday.' ("subject");
    - else, when nothing in between names anyone, the quote before in this paragraph or the
      one before carries on.
    Anyone else named in between, an unclear subject, or a quote before with no speaker: no one.
    """
    sentences = reader.sentences
    here = sentences[s1]
    j = s1 - 1
    if here.section not in ("body", "dateline") or j < 0 or is_heading(reader, span):
        return None
    before = sentences[j]
    if here.paragraph - before.paragraph > 1:
        return None
    last = reader.last
    if last is not None and last.sentence >= j:
        return _carried(last)
    people = {c.speaker.name for c in reader.named_in(j)}
    said = reader.sentence_subject(reader.region(j))
    if said is not None and (before.paragraph == here.paragraph or said[1]):
        subject, speaking = said
        who = reader.resolve(subject, j, "subject")
        if who is not None and who.name is not None and (speaking or people <= {who.name}):
            return who
        return None
    if people or last is None:
        return None
    if here.paragraph - sentences[last.sentence].paragraph > 1:
        return None
    if any(reader.named_in(k) for k in range(last.sentence + 1, j)):
        return None
    return _carried(last)


def _carried(last: Said) -> Speaker | None:
    if last.speaker is None:
        return None  # a quote carrying on one with no speaker has none either
    return replace(last.speaker, basis="continuation")


def borrow_speakers(quotes: list[Quote]) -> list[Quote]:
    """A headline quoting words said later in the body takes the body's speaker:
    '"Behind every number there is a name": ...' ... '"Behind every number ...," said Marchetti'."""
    if all(q.speaker for q in quotes):
        return quotes
    said = [(" ".join(q.text.casefold().split()), q) for q in quotes if q.speaker]
    out, tries = [], 0
    for q in quotes:
        if (
            q.speaker is None
            and len(q.text.split()) >= _MIN_BORROWED_WORDS
            and tries < _MAX_BORROWS
        ):
            tries += 1
            words = " ".join(q.text.casefold().split())
            sources = {s.speaker: s for t, s in said if words in t and s is not q}
            if len(sources) == 1:  # the body gives these words to one speaker only
                (source,) = sources.values()
                q = replace(
                    q,
                    speaker=source.speaker,
                    role=source.role,
                    speaker_kind=source.speaker_kind,
                    speaker_basis="headline",
                )
        out.append(q)
    return out
