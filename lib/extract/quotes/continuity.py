"""Quotes across paragraphs: a quote standing alone carries on the previous quote's speaker, and a headline borrows the body's."""

from __future__ import annotations

from dataclasses import replace

from lib.extract.quotes.marks import Span
from lib.extract.quotes.names import Names, Speaker
from lib.schema import Quote

_MAX_BORROWS = 50  # unattributed quotes matched against the attributed ones


def continued_speaker(
    names: Names, sentence: int, previous: tuple[Span, Speaker] | None
) -> Speaker | None:
    """The previous quote's speaker, for a quote standing alone in `sentence` (no words around it),
    when the previous quote ended in the same paragraph or the one before: a paragraph that
    opens '"We will not give up," ...' after 'Macron said: "..."'."""
    if previous is None:
        return None
    prev_span, prev_speaker = previous
    before = names.sentence_index(prev_span.close_at)
    if before is None or names.sentences[sentence].paragraph - names.sentences[before].paragraph > 1:
        return None
    return prev_speaker


def borrow_speakers(quotes: list[Quote]) -> list[Quote]:
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
