"""Finding quoted words: every span in quotation marks, quotes continued over paragraphs joined, unclosed ones cut short.

Straight and curly double quotes, British single quotes and guillemets; an apostrophe
inside a word (people's, don't) is never a quotation mark.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass

from lib.extract.text import Document

_MAX_UNBALANCED_CHARS = 400  # an unclosed quote stops at its paragraph end, or here
_MAX_QUOTE_CHARS = 4000  # a quote continued over paragraphs stops growing here
_MAX_CONTINUED_PARAGRAPHS = 8

DOUBLE, SINGLE, STRAIGHT_SINGLE, GUILLEMET = "double", "single", "straight single", "guillemet"
# A quotation mark, but not an apostrophe inside a word (people's, don’t).
_MARK = re.compile("[\"“”„«»‘’'](?!(?<=\\w['’])\\w)")
_REOPENERS = {DOUBLE: '"“”„', SINGLE: "‘'", STRAIGHT_SINGLE: "'‘", GUILLEMET: "«"}
_NEW_OPENERS = {DOUBLE: '"“', SINGLE: "‘", STRAIGHT_SINGLE: "", GUILLEMET: "«"}
_BEFORE_OPEN = frozenset(" \t\n\xa0([{—–-/:;\"“‘'«")  # what may stand before an opening mark
_AFTER_CLOSE = frozenset(" \t\n\xa0.,;:!?)]}—–-…\"”’'»")  # what may follow a closing mark
_STRAIGHT_CLOSER = re.compile(r"(?<=\S)['’](?!\w)")


@dataclass(slots=True)
class Span:
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
        return GUILLEMET
    if ch in '“„"' or (ch == "”" and after.isalnum()):
        return DOUBLE
    if ch == "‘" and not after.isspace() and not after.isdigit():  # not ‘90s
        return SINGLE
    if ch == "'" and after.isalpha():  # not '90s; confirmed by a closing mark in find_quoted_spans
        return STRAIGHT_SINGLE
    return None


def _closes(family: str, ch: str, before: str, after: str) -> bool:
    if family == GUILLEMET:
        return ch == "»"
    if family == DOUBLE:
        if ch == "”":
            return True
        if ch == '"':
            return not before.isspace() or after in _AFTER_CLOSE
        # “ typed for ” by mistake closes only where a closing mark would stand
        return ch == "“" and not before.isspace() and after in _AFTER_CLOSE
    # a single quote closes at the end of a word, never inside one (people's, don't, couldn’t)
    return ch in "’'" and not before.isspace() and not after.isalnum()


class _Closers:
    """Where a single quote could close in one paragraph, found when first asked."""

    def __init__(self, clean: str, start: int, end: int) -> None:
        self.clean, self.start, self.end = clean, start, end
        self.found: list[int] | None = None

    def after(self, offset: int) -> bool:
        if self.found is None:
            self.found = [
                m.start() for m in _STRAIGHT_CLOSER.finditer(self.clean, self.start, self.end)
            ]
        return bisect.bisect_right(self.found, offset) < len(self.found)


def find_quoted_spans(doc: Document) -> list[Span]:
    """Every quoted span of the article, paragraph by paragraph; unclosed quotes are cut short."""
    clean, paragraphs = doc.clean, doc.paragraphs
    spans: list[Span] = []
    carry: tuple[int, Span] | None = None  # a quote left open, and the paragraph that reopens it
    for k, para in enumerate(paragraphs):
        a, b = para.start, para.end
        span: Span | None = None
        possessive: int | None = None  # a closing mark taken for a possessive: "the boats' engines"
        closers = _Closers(clean, a, b)  # where a single quote could close
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
                if family == STRAIGHT_SINGLE and not closers.after(i + 1):
                    continue  # an apostrophe: 'em, 'til
                if family:
                    span, possessive = Span([(i + 1, i + 1)], i, i, family), None
                continue
            if _closes(span.family, ch, before, after):
                nxt = clean[i + 2] if i + 2 < b else ""
                plural = before == "s" and after == " " and nxt.islower() and span.family != DOUBLE
                if plural and closers.after(i):
                    possessive = i  # the smugglers’ boats: a possessive, the quote closes later
                    continue
                span.parts[-1] = (span.parts[-1][0], i)
                span.close_at = i
                spans.append(span)
                span = None
            elif possessive is not None and ch in "‘'" and _opens(ch, before, after) == span.family:
                # "the 'stop the boats' pledge is branded 'a national humiliation'": that was a closing mark
                span.parts[-1] = (span.parts[-1][0], possessive)
                span.close_at = possessive
                spans.append(span)
                span, possessive = Span([(i + 1, i + 1)], i, i, span.family), None
            elif ch in _NEW_OPENERS[span.family] and _opens(ch, before, after) == span.family:
                # a new opening mark while one is open: the earlier quote was never closed
                _warn_unbalanced(doc, span.open_at)
                spans.append(_cut(clean, span, i))
                span = Span([(i + 1, i + 1)], i, i, span.family)
        if span is None:
            continue
        target = _continuation(doc, k, span)
        if target is not None:
            span.parts[-1] = (span.parts[-1][0], b)
            carry = (target, span)
        elif span.family != STRAIGHT_SINGLE:
            _warn_unbalanced(doc, span.open_at)
            spans.append(_cut(clean, span, b))
    spans.sort(key=lambda s: s.open_at)
    return spans


def _continuation(doc: Document, k: int, span: Span) -> int | None:
    """The paragraph that carries on a quote left open in paragraph k: it opens with a quote mark.

    Photo captions and "Read more" lines between the two are skipped.
    """
    if (
        len(span.parts) >= _MAX_CONTINUED_PARAGRAPHS
        or doc.paragraphs[k].end - span.open_at > _MAX_QUOTE_CHARS
    ):
        return None
    section = doc.paragraphs[k].section
    for j in range(k + 1, min(k + 4, len(doc.paragraphs))):
        para = doc.paragraphs[j]
        if para.section == section:
            first = doc.clean[para.start : para.end].lstrip()[:1]
            return j if first and first in _REOPENERS[span.family] else None
    return None


def _cut(clean: str, span: Span, end: int) -> Span:
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


def trim_quote(clean: str, start: int, end: int, *, last: bool) -> tuple[int, int]:
    """Inner text without surrounding blanks, nor the comma or full stop before a closing mark."""
    while start < end and clean[start].isspace():
        start += 1
    while end > start and clean[end - 1].isspace():
        end -= 1
    if (
        last
        and end > start
        and (clean[end - 1] in ",;:" or (clean[end - 1] == "." and clean[end - 2 : end] != ".."))
    ):
        end -= 1
        while end > start and clean[end - 1].isspace():
            end -= 1
    return start, end
