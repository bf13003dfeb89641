"""Quotes: the words in quotation marks in an article, who said them, in what role and when.

The steps, one module each:

- `marks`: finding quoted words (`find_quoted_spans`), quotes continued over paragraphs joined;
- `names`: who the article names where (people, bodies, titles), with no NER model;
- `clauses`: the mentions and reporting verbs around a quote, and whose verb it is;
- `referents`: who a pronoun or a title stands for, only when one person fits;
- `speakers`: the attribution rules, in order;
- `continuity`: a quote standing alone carries on the quote before; headlines borrow.

Each quote with a speaker says how it was found, in `speaker_basis`:

- "named after": named after the quote: '"...," Johnson said', '"...," according to the RNLI',
  '"..." It was Mr Macron who chose the words.', '"..." So said Jane Doe.';
- "named before": the subject of a reporting verb before it: 'Patel said: "..."';
- "subject": the subject of the sentence, or of the sentence before a quote standing alone:
  'The president was asked whether ... "This is not a question of money."';
- "continuation": carries on the quote before: '"...," Johnson said.' then '"We begin next week."';
- "pronoun": "he", "she" resolved to the one person that fits: '"...," she said';
- "title": "the minister", "the judge" resolved to the person holding it;
- "organisation": a body, or its spokesperson: 'a Home Office spokesperson said', '"...," the NCA said';
- "description": no name, but who they are: '"...," one survivor told investigators';
- "headline": a headline quoting words the body gives a speaker.

None when there is no speaker: where only a weak basis exists ("he" after two men, "the
minister" with two ministers in view), no name is better than a wrong one.
"""

from __future__ import annotations

from lib.extract.quotes.continuity import borrow_speakers
from lib.extract.quotes.marks import STRAIGHT_SINGLE, find_quoted_spans, trim_quote
from lib.extract.quotes.speakers import Speakers
from lib.extract.text import Document
from lib.schema import Quote

# How a speaker was found: the values of `Quote.speaker_basis` (None when there is no speaker).
SPEAKER_BASES = frozenset(
    [
        "named after",
        "named before",
        "subject",
        "continuation",
        "pronoun",
        "title",
        "organisation",
        "description",
        "headline",
    ]
)


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
        speaker, window = reader.attribute(span)
        named = speaker is not None and speaker.name is not None
        quotes.append(
            Quote(
                **doc.provenance(parts[0][0], parts[-1][1]),
                speaker=speaker.name if speaker else None,
                text=text,
                date=reader.date_of(window) if named else None,
                role=speaker.role if speaker else None,
                speaker_kind=speaker.kind if speaker else "unknown",
                speaker_basis=speaker.basis if speaker and named else None,
            )
        )
    return borrow_speakers(quotes)
