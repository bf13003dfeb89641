"""Quotes: the words in quotation marks in an article, who said them, in what role and when.

The steps, one module each:

- `marks`: finding quoted words (`find_quoted_spans`), quotes continued over paragraphs joined;
- `names`: who the article names where (people, bodies, titles), with no NER model;
- `clauses`: the mentions and reporting verbs around a quote, and whose verb it is;
- `speakers`: the attribution rules, in order, and who a pronoun or title stands for;
- `continuity`: a quote standing alone carries on the previous speaker; headlines borrow.
"""

from __future__ import annotations

from lib.extract.quotes.continuity import borrow_speakers
from lib.extract.quotes.marks import STRAIGHT_SINGLE, Span, find_quoted_spans, trim_quote
from lib.extract.quotes.names import Speaker
from lib.extract.quotes.speakers import Speakers
from lib.extract.text import Document
from lib.schema import Quote


def extract_quotes(doc: Document) -> list[Quote]:
    """Every quotation in the article, with its speaker, the speaker's role and the day it was said.

    The evidence (`start`, `end`) is the quoted words without their marks; for a quote
    continued over paragraphs it runs from the first word to the last and `text` joins
    the parts. Unclosed quotation marks end at their paragraph and add one warning to
    `doc.warnings`.

        >>> from lib.extract.text import build_document
        >>> doc = build_document('"We are ready," Johnson said.', article="a")
        >>> [(q.speaker, q.text) for q in extract_quotes(doc)]
        [('Johnson', 'We are ready')]
    """
    spans = find_quoted_spans(doc)
    if not spans:
        return []
    reader = Speakers(doc, spans)
    clean = doc.clean
    quotes: list[Quote] = []
    previous: tuple[Span, Speaker] | None = None
    for span in spans:
        parts = [
            trim_quote(clean, a, b, last=n == len(span.parts) - 1) for n, (a, b) in enumerate(span.parts)
        ]
        parts = [(a, b) for a, b in parts if b > a]
        if not parts:
            continue
        text = " ".join(" ".join(clean[a:b].split()) for a, b in parts)
        if not any(c.isalnum() for c in text) or doc.sentence_at(parts[0][0]) is None:
            continue
        if span.family == STRAIGHT_SINGLE and len(text.split()) < 2:
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
    return borrow_speakers(quotes)
