"""Article text as it really arrives: decoding, web-page noise, sections and sentences with exact offsets.

Offsets are never shifted. Cleaning does not delete characters: it writes a copy of the
text of the same length (`Document.clean`) in which noise (HTML tags, "Download", bylines,
a repeated caption) is blanked with spaces. Extractors search `clean` and report offsets
that are valid in `text`, so `text[start:end]` is always the evidence.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field
from datetime import date
from typing import Any

DEFAULT_MAX_BYTES = 5 * 1024 * 1024


class ArticleError(ValueError):
    """An article that cannot be used at all; the message says why."""


@dataclass(frozen=True, slots=True)
class Sentence:
    start: int
    end: int
    section: str  # body, headline, caption, dateline, read_more
    paragraph: int


@dataclass(slots=True)
class Document:
    """One article, decoded and split, ready for the extractors."""

    article: str
    text: str
    clean: str
    sentences: list[Sentence]
    paragraphs: list[Sentence]
    title: str | None = None
    outlet: str | None = None
    url: str | None = None
    published: date | None = None
    reference_date: date | None = None
    reference_source: str | None = None
    meta_lines: list[tuple[int, int, str]] = field(default_factory=list)  # (start, end, kind)
    warnings: list[str] = field(default_factory=list)
    cache: dict[str, Any] = field(default_factory=dict)
    _starts: list[int] = field(default_factory=list)

    def sentence_at(self, offset: int) -> Sentence | None:
        """The sentence holding `offset`, or None when it falls in noise or between sentences."""
        i = bisect.bisect_right(self._starts, offset) - 1
        if i >= 0 and self.sentences[i].start <= offset < self.sentences[i].end:
            return self.sentences[i]
        return None

    def sentence_text(self, sentence: Sentence) -> str:
        """The sentence as shown to people: noise blanked, whitespace folded."""
        return " ".join(self.clean[sentence.start : sentence.end].split())

    def provenance(self, start: int, end: int) -> dict[str, Any]:
        """The provenance fields of a fact whose evidence is text[start:end].

        The sentence spans every sentence the evidence touches (a quote may run over two).
        """
        first = self.sentence_at(start) or self._nearest(start)
        last = self.sentence_at(max(start, end - 1)) or first
        s_start, s_end = min(first.start, start), max(last.end, end)
        # folded once per span: many facts share a sentence, and one endless "sentence"
        # holding thousands of quotes would otherwise cost the square of its length
        folded = self.cache.setdefault("folded", {})
        sentence = folded.get((s_start, s_end))
        if sentence is None:
            sentence = folded[(s_start, s_end)] = " ".join(self.clean[s_start:s_end].split())
        return {
            "article": self.article,
            "start": start,
            "end": end,
            "sentence": sentence,
            "sentence_start": s_start,
            "sentence_end": s_end,
            "section": first.section,
        }

    def _nearest(self, offset: int) -> Sentence:
        i = max(0, bisect.bisect_right(self._starts, offset) - 1)
        if self.sentences:
            return self.sentences[i]
        return Sentence(offset, offset, "body", 0)


# --- decoding ---------------------------------------------------------------------------


_CONTROL = re.compile(r"[\x00-\x08\x0e-\x1f]")


def decode(data: bytes) -> tuple[str, str, list[str]]:
    """Bytes -> (text, encoding, warnings); newlines normalised to "\\n", BOM dropped.

    Raises ArticleError for empty, whitespace-only and binary input. Text that is not
    UTF-8 is decoded as cp1252 (a superset of Latin-1 for printable text) and says so.
    """
    warnings: list[str] = []
    if not data:
        raise ArticleError("empty file (0 bytes)")
    if data[:2] in (b"\xff\xfe", b"\xfe\xff"):
        try:
            text = data.decode("utf-16").replace("\r\n", "\n").replace("\r", "\n")
        except UnicodeDecodeError as e:
            raise ArticleError(f"starts with a UTF-16 byte-order mark but is not UTF-16 ({e.reason})") from e
        if not text.strip():
            raise ArticleError("no text: the file holds only whitespace")
        return text, "utf-16", ["UTF-16 text; decoded as UTF-16"]
    nuls = data.count(0)
    if nuls:
        # A few stray NUL bytes in text (a bad copy, a broken editor) are read as spaces,
        # keeping every offset; many of them, or early ones, mean a binary file.
        if nuls > max(3, len(data) // 1000) or data.find(0) < 64:
            raise ArticleError(f"binary file: contains NUL bytes (first at byte {data.index(0)})")
        first = data.index(0)
        data = data.replace(b"\x00", b" ")
        warnings.append(f"{nuls} NUL byte(s) (first at byte {first}) read as spaces")
    encoding = "utf-8"
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as e:
        try:
            text = data.decode("cp1252")
            encoding = "cp1252"
        except UnicodeDecodeError:
            text = data.decode("latin-1")
            encoding = "latin-1"
        warnings.append(f"not valid UTF-8 (byte {e.start}); decoded as {encoding}")
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    if not text.strip():
        raise ArticleError("no text: the file holds only whitespace")
    controls = len(_CONTROL.findall(text, 0, 4096))
    if controls > 0.05 * min(len(text), 4096):
        raise ArticleError(f"binary file: {controls} control characters in the first 4 KB")
    return text, encoding, warnings


# --- noise, sections and sentences --------------------------------------------------------

# HTML left in pasted text: comments, the doctype, whole <head>, <script>, <style>, <nav>
# and <noscript> blocks (none is article text), and every other tag on its own.
_TAG = re.compile(
    r"<!--.*?-->|<![A-Za-z][^>]{0,200}>|<(head|script|style|nav|noscript|template)\b[^>]*>.*?</\1\s*>|</?[A-Za-z][^<>]{0,500}?>",
    re.S | re.I,
)
_ENTITY = re.compile(r"&(?:[a-z]{2,8}|#\d{2,6}|#x[0-9a-f]{2,5});", re.I)
_HTML_PAGE = re.compile(r"<!doctype html|<html[\s>]|<body[\s>]|<head[\s>]", re.I)

# Whole lines that are page furniture, not article text.
_NOISE_LINE = re.compile(
    r"""^\s*(?:
        download | search\s+trends | play\s+video | watch(?:\s+video)? | advertisement | advert
        | share(?:\s+this(?:\s+article)?|\s+on\s+\w+)? | save | comments?(?:\s*\(\d+\))? | most\s+read
        | related(?:\s+topics|\s+articles|\s+stories)? | more\s+on\s+this\s+story | listen(?:\s+to\s+this\s+article)?
        | skip\s+to\s+(?:main\s+)?content | key\s+events | show\s+key\s+events\s+only | sign\s+up.* | subscribe.*
        | follow\s+us.* | copyright.* | ©.* | image\s+source\s*,?.* | getty\s+images | reuters | afp | pa\s+media
        | updated\s*(?::|\d).* | (?:first\s+)?published\s*:?\s*(?:on\s+)?\d.* | published\s*:?\s*\w+\s+\d.*
        | last\s+updated.* | \d+\s*(?:min|minute)s?\s+read | media\s+caption.* | toggle.* | close | menu
        | list\s+(?:\d+\s+)?of\s+\d+(?:\s+items?)? | end\s+of\s+list | share\s+or\s+comment\s+on\s+this\s+article:?
        | view\s+comments | \d+\s+(?:shares|comments) | (?:published|part)\s+(?:by|of)\s+.{3,80}(?:ltd|limited|group|plc)\.?
        | \(with\s+input\s+from[^)]*\) | reporting\s+by\b.* | editing\s+by\b.* | writing\s+by\b.*
        | (?:additional\s+reporting|\w+(?:\s+\w+)?\s+writers?)\b.*\bcontributed\b.* | \w+\s+contributed\s+to\s+this\s+report\.?
        | by\s+[A-Z][\w'’.-]+(?:\s+[A-Z][\w'’.-]+){0,3}(?:\s*(?:,|and|&)\s*[A-Z][\w'’.-]+(?:\s+[A-Z][\w'’.-]+){0,3})*(?:\s*[,|/-]\s*.{0,40})?
        | \d{1,2}[.:]\d{2}\s*(?:am|pm|bst|gmt|cet)?(?:\s+(?:bst|gmt|cet))? | \d+\s*(?:h|hr|hrs|hours?|m|mins?|minutes?|d|days?)\s+ago
    )\s*$""",
    re.I | re.X,
)
_PUBLISHED_LINE = re.compile(
    r"""^\s*(?:(?:first\s+)?(?:published|updated|last\s+updated|last\s+modified|modified|posted|issued)\b
        # a report's own date line, numbered or not: "9 Dated: 12/03/2025", "Date of report: 14 May 2024"
        | (?:\d{1,2}\.?\s+)?(?:dated|date\s+of\s+(?:this\s+)?(?:report|publication|issue))\s*:
        # a time stamp alone on its line: "Wed 24 Nov 2021 21.54 GMT", "November 24, 2021 at 3:04 p.m. EST"
        | (?:(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*\.?,?\s+)?
          (?:\d{1,2}(?:st|nd|rd|th)?\s+[A-Za-z]{3,9}\.?,?\s+\d{4}|[A-Za-z]{3,9}\.?\s+\d{1,2},?\s+\d{4})
          (?:\s*(?:,|at|\||•|-|–)?\s*\d{1,2}[.:]\d{2}\s*(?:[ap]\.?m\.?)?\s*(?:GMT|BST|CET|CEST|UTC|ET|EST|EDT|PT|[A-Z]{2,4})?(?:,\s*UK)?)?\s*$)""",
    re.I | re.X,
)
_READ_MORE = re.compile(
    r"^\s*(?:read\s+more|read\s+also|also\s+read|see\s+also|related|more\s+from|recommended|watch)\s*[:|-]\s*(.*)$",
    re.I,
)
# A heading over links to other articles: the lines under it are other articles' headlines.
_OTHER_ARTICLES = re.compile(
    r"""^\s*(?:read\s+more|read\s+also|also\s+read|see\s+also|more\s+on\s+this\s+(?:story|topic)|more\s+stories
        |related(?:\s+(?:articles|stories|content|coverage|links|topics))?|recommended(?:\s+for\s+you)?
        |latest(?:\s+(?:headlines|news|stories))?|most\s+(?:read|popular|viewed|shared|watched)(?:\s+(?:news|stories|articles|today))?
        |top\s+(?:stories|news|picks)|trending(?:\s+(?:now|stories|news))?|keep\s+reading|further\s+reading|more\s+news|must\s+reads?
        |don'?t\s+miss|explore\s+more|sponsored(?:\s+content)?|promoted(?:\s+stories)?|partner\s+content|from\s+around\s+the\s+web|more\s+(?:top\s+)?stories|other\s+stories|related\s+news
        |you\s+may\s+(?:also\s+)?(?:like|be\s+interested\s+in)|more\s+from\s+.{1,40}|read\s+more\s+(?:from|on|about)\s+.{1,60}
        |editor'?s\s+picks|what\s+to\s+read\s+next|in\s+other\s+news)\s*:?\s*$""",
    re.I | re.X,
)
_MENU_RUN = 3  # this many short lines in a row, with no blank line between, are a menu
_CAPTION_START = re.compile(r"^\s*(?:image\s+caption|caption|photo|picture|pictured|above|top|left|right|main\s+image)\s*[,:]\s*", re.I)
_CREDIT = re.compile(
    r"""(?:\s/\s?[A-Z][A-Za-z]{1,15}(?:\s?/\s?[A-Z][\w ]{1,20})?\s*$     # ... /CFP, / Reuters
        | \((?:AP|AFP|Reuters|PA)\s+Photo[^)]*\)\s*$                      # (AP Photo/Michel Spingler)
        | (?:Photo|Picture|Image|Credit)s?\s*:\s*[^.]{2,60}$              # Photo: AFP
        | \b(?:Getty\s+Images|PA\s+(?:Media|Wire)|AFP\s+via\s+Getty\s+Images|Shutterstock)\s*\)?\s*$)""",
    re.X,
)
# Wire datelines at the head of the first paragraph: "CALAIS, France (AP) —", "London —",
# "LONDON, Nov 25 (Reuters) -", "PARIS (AFP) -".
_DATELINE = re.compile(
    r"""^\s*(?:[A-Z][A-Za-z'’.-]+(?:[ -][A-Z][A-Za-z'’.-]+){0,3})
        (?:,\s*[A-Z][A-Za-z.]+(?:\s[A-Z][A-Za-z.]+)?)?
        (?:,?\s*(?:[A-Z][a-z]{2,8}\.?\s+\d{1,2}|\d{1,2}\s+[A-Z][a-z]{2,8}\.?))?
        \s*(?:\((?:AP|AFP|Reuters|PA|dpa|ANSA|Xinhua|UPI|CNN|BBC)\)\s*)?
        \s*[—–-]{1,2}\s+""",
    re.X,
)
_ABBREVIATIONS = frozenset(
    """mr mrs ms dr st prof rev gen col lt capt sgt cpl maj brig gov sen rep jr sr inc ltd co corp
    no nos vs approx est dept univ fig p pp ca cf al etc jan feb mar apr jun jul aug sep sept oct nov dec
    mon tue tues wed thu thur thurs fri sat sun u.k u.s u.n e.g i.e a.m p.m""".split()
)
_LAST_WORD = re.compile(r"([A-Za-z.]+)$")
_SENTENCE_END = re.compile(r"[.!?…]+[\"'”’)\]]*(?=\s+[\"'“‘(\[]?[A-Z0-9À-Ý])|[.!?…]+[\"'”’)\]]*\s*$")


def blank(text: str, spans: list[tuple[int, int]]) -> str:
    """Replace the given spans with spaces (newlines kept), preserving length."""
    if not spans:
        return text
    chars = list(text)
    for a, b in spans:
        for i in range(a, b):
            if chars[i] != "\n":
                chars[i] = " "
    return "".join(chars)


def looks_like_html_page(text: str) -> bool:
    return bool(_HTML_PAGE.search(text[:5000]))


def _split_sentences(clean: str, start: int, end: int) -> list[tuple[int, int]]:
    """Sentence spans of clean[start:end], stripped of surrounding blanks."""
    spans: list[tuple[int, int]] = []
    cursor = start
    for m in _SENTENCE_END.finditer(clean, start, end):
        cut = m.end()
        before = clean[max(cursor, m.start() - 24) : m.start()]  # the word before the stop
        word = _LAST_WORD.search(before)
        if word and m.group().startswith("."):
            token = word.group(1).lower().rstrip(".")
            # "Mr. Smith", "Nov. 24", "U.K. officials", initials "J. Smith": not an end
            if token in _ABBREVIATIONS or len(token) == 1 or re.fullmatch(r"(?:[a-z]\.)+[a-z]", token):
                nxt = clean[cut : cut + 30].lstrip()
                # an abbreviation can still end a sentence ("...in the U.K. The minister")
                if not re.match(r"(?:The|A|An|He|She|It|They|We|But|In|On)\b", nxt) or token not in {"u.k", "u.s", "u.n", "etc"}:
                    continue
        spans.append((cursor, cut))
        cursor = cut
    if cursor < end:
        spans.append((cursor, end))
    out = []
    for a, b in spans:
        chunk = clean[a:b]
        lead = len(chunk) - len(chunk.lstrip())
        trail = len(chunk) - len(chunk.rstrip())
        if b - trail > a + lead:
            out.append((a + lead, b - trail))
    return out


def build_document(text: str, *, article: str) -> Document:
    """Mark noise, find title, outlet, captions, datelines and "Read more" headlines; split sentences."""
    noise: list[tuple[int, int]] = [(m.start(), m.end()) for m in _TAG.finditer(text)]
    noise += [(m.start(), m.end()) for m in _ENTITY.finditer(text)]
    clean = blank(text, noise)
    noise = []
    warnings: list[str] = []
    lines: list[tuple[int, int]] = []
    pos = 0
    for line in clean.split("\n"):
        lines.append((pos, pos + len(line)))
        pos += len(line) + 1

    menu = _menu_lines(clean, lines)
    other_articles = _other_article_lines(clean, lines)
    paragraphs: list[Sentence] = []
    meta_lines: list[tuple[int, int, str]] = []
    seen: set[str] = set()
    title: str | None = None
    outlet: str | None = None
    body_started = False
    for index, (a, b) in enumerate(lines):
        line = clean[a:b]
        stripped = line.strip()
        if not stripped:
            continue
        key = " ".join(stripped.split()).lower()
        if index in other_articles:
            # a headline under "Read more from Sky News:" or "RELATED ARTICLES"
            paragraphs.append(Sentence(a + len(line) - len(line.lstrip()), b, "read_more", len(paragraphs)))
            continue
        if _PUBLISHED_LINE.match(stripped) and len(stripped) < 120:
            meta_lines.append((a, b, "published"))
            noise.append((a, b))
            continue
        if _NOISE_LINE.match(stripped) or index in menu:
            noise.append((a, b))  # page furniture; navigation, tags and footer links
            continue
        rm = _READ_MORE.match(stripped)
        if rm:
            rest = rm.group(1).strip()
            if rest:  # "Read more: <headline>" on one line; a bare heading is handled above
                paragraphs.append(Sentence(a + line.index(rest), b, "read_more", len(paragraphs)))
            noise.append((a, a + (line.index(rest) if rest else len(line))))
            continue
        if key in seen and len(key) > 15:
            noise.append((a, b))  # a repeated photo caption or pasted duplicate: keep it once
            continue
        seen.add(key)
        cap = _CAPTION_START.match(line)
        if cap or _CREDIT.search(stripped[-120:]):  # credits end the line
            if cap:
                noise.append((a, a + cap.end()))
            paragraphs.append(Sentence(a + (cap.end() if cap else 0), b, "caption", len(paragraphs)))
            continue
        terminal = stripped[-1] in ".!?\"”’:;)"
        if not body_started and title is None and not terminal and len(stripped) < 200:
            title = " ".join(stripped.split())
            paragraphs.append(Sentence(a, b, "headline", len(paragraphs)))
            continue
        if (
            not body_started
            and title is not None
            and outlet is None
            and not terminal
            and len(stripped.split()) <= 4
            and not re.search(r"\d", stripped)
        ):
            outlet = stripped
            meta_lines.append((a, b, "outlet"))
            noise.append((a, b))
            continue
        if not body_started and not terminal and len(stripped.split()) <= 12 and paragraphs:
            # a standfirst or sub-heading before the body reads like a headline
            paragraphs.append(Sentence(a, b, "headline", len(paragraphs)))
            continue
        dl = _DATELINE.match(line) if not body_started or len(paragraphs) < 3 else None
        body_started = True
        if dl and dl.end() < len(line) and _is_dateline(dl.group()):
            paragraphs.append(Sentence(a, a + dl.end(), "dateline", len(paragraphs)))
            paragraphs.append(Sentence(a + dl.end(), b, "body", len(paragraphs)))
            continue
        paragraphs.append(Sentence(a, b, "body", len(paragraphs)))

    clean = blank(clean, noise)
    sentences: list[Sentence] = []
    for i, para in enumerate(paragraphs):
        if para.section in ("dateline", "headline", "read_more"):
            spans = [(para.start, para.end)] if para.section == "dateline" else _split_sentences(clean, para.start, para.end)
        else:
            spans = _split_sentences(clean, para.start, para.end)
        for s, e in spans:
            if para.section == "dateline":
                e = para.start + len(clean[para.start : para.end].rstrip(" —–-"))
                s = para.start + (len(clean[para.start : para.end]) - len(clean[para.start : para.end].lstrip()))
            if e > s:
                sentences.append(Sentence(s, e, para.section, i))
    if looks_like_html_page(text):
        warnings.append("looks like an HTML page saved as text; tags were ignored")
    doc = Document(
        article=article,
        text=text,
        clean=clean,
        sentences=sentences,
        paragraphs=paragraphs,
        title=title,
        outlet=outlet,
        meta_lines=meta_lines,
        warnings=warnings,
    )
    doc._starts = [s.start for s in sentences]
    return doc


def _is_short(line: str) -> bool:
    """A menu item, tag or link: a few words, no sentence punctuation at the end."""
    stripped = line.strip()
    if "\t" in stripped or re.search(r"\d[\d,.]*[*†]?$", stripped):
        return False  # a table row ("2018: 299", "2019    50*    1,843"), not a link
    return bool(stripped) and len(stripped) <= 40 and len(stripped.split()) <= 5 and stripped[-1] not in ".!?\"”’:;,"


def _menu_lines(clean: str, lines: list[tuple[int, int]]) -> set[int]:
    """Indexes of lines in runs of short lines with no blank line between: menus and footers."""
    found: set[int] = set()
    run: list[int] = []
    for i, (a, b) in enumerate([*lines, (0, 0)]):
        if i < len(lines) and _is_short(clean[a:b]) and not _CREDIT.search(clean[a:b].strip()):
            run.append(i)
            continue
        if len(run) >= _MENU_RUN:
            found.update(run)
        run = []
    return found


def _other_article_lines(clean: str, lines: list[tuple[int, int]]) -> set[int]:
    """Indexes of the headlines listed under a "Read more" or "Related articles" heading.

    The block runs from the first line after the heading (blank lines skipped) to the next
    blank line; a line that reads like body copy (a long sentence) ends it early.
    """
    found: set[int] = set()
    i = 0
    while i < len(lines):
        a, b = lines[i]
        if not _OTHER_ARTICLES.match(clean[a:b]):
            i += 1
            continue
        j = i + 1
        while j < len(lines) and not clean[lines[j][0] : lines[j][1]].strip():
            j += 1
        while j < len(lines):
            line = clean[lines[j][0] : lines[j][1]].strip()
            if not line or (len(line.split()) > 25 and line[-1] in ".!?\"”"):
                break
            found.add(j)
            j += 1
        found.discard(i)
        i = j
    return found


def _is_dateline(head: str) -> bool:
    """A dateline names a place in capitals or sits before a dash: "CALAIS, France (AP) —", "London —"."""
    words = head.strip(" —–-").split(",")[0].split()
    if not words or len(words) > 4:
        return False
    caps = all(w.isupper() or not w[0].isalpha() for w in words)
    return caps or bool(re.search(r"[—–]|\s--?\s*$", head))
