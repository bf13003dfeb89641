"""Place extraction: every mention of a gazetteer place in the sentences of an article, in one regex pass.

The gazetteer's regex finds candidate names; the rules below drop the ones news text uses
for something else. What is deliberately *not* a rule, because the data already handles it:

- adjectives ("French", "British", "English", "Belgian") are not aliases of any place;
- "English Channel" is one alias, read whole, so it never also yields England;
- "Britain's PA news agency" names the United Kingdom: a possessive ends a name;
- organisations named after a place still name it: "Port of Dover", "Dover Harbour Board",
  "Calais prefecture", "Kent Police" all place the story there;
- "Elysee Palace", "Home Office", "Border Force" are not in the gazetteer at all.

A name that is not a common word is not checked for being a surname ("Kent" in "Kent Police"
is kept); only `needs_context` names ("Jordan", "Chad") are, see `_in_context`.
"""

from __future__ import annotations

import re

from lib.extract.gazetteer import Entry, Gazetteer, load_gazetteer
from lib.extract.text import Document
from lib.schema import Place

# Names used for something other than the place, by what follows them (case-insensitive):
# "Channel 4 News", "Channel 5", "Channel Tunnel" (the rail tunnel is infrastructure, not the
# sea the boats cross: it is left out rather than mapped to the Channel or to Coquelles),
# "Paris Saint-Germain"/"Paris SG" (the football club), "Paris Match" (a magazine),
# "Nord Stream" (a pipeline), "Boulogne-Billancourt" (a Paris suburb, not Boulogne-sur-Mer).
_NOT_THE_PLACE_AFTER: dict[str, re.Pattern[str]] = {
    "English Channel": re.compile(r"\s*(?:4|5|four|five|tunnel|newsasia|news\s+asia)\b", re.I),
    "Paris": re.compile(
        r"[\s-]*(?:saint|st\.?)[\s-]*germain\b|\s+(?:sg|match|hilton|jackson)\b", re.I
    ),
    "Nord": re.compile(r"\s+stream\b", re.I),
    "Boulogne-sur-Mer": re.compile(r"-billancourt\b", re.I),
}
# ... and by what precedes them: a television channel ("Discovery Channel", "Sky Channel"),
# the asylum barge moored at Portland ("the Bibby Stockholm").
_NOT_THE_PLACE_BEFORE: dict[str, re.Pattern[str]] = {
    "English Channel": re.compile(
        r"\b(?:discovery|history|disney|weather|sky|travel|food|science|cartoon|comedy|sports?|youtube|telegram|whatsapp)\s+$",
        re.I,
    ),
    "Stockholm": re.compile(r"\bBibby\s+$", re.I),
}
# Another place or a person whose name holds the place: "New England", "New Jersey",
# "New South Wales"; a peer or bishop, "the Duke of Sussex", "the Prince of Wales",
# "the Archbishop of Canterbury", "the Bishop of Dover".
_SOMETHING_ELSE_BEFORE = re.compile(
    r"(?:\b(?:New|NEW)\s+(?:South\s+|SOUTH\s+)?"
    r"|\b(?:Duke|Duchess|Prince|Princess|Earl|Countess|Marquess|Marchioness|Viscount|Baroness|Baron"
    r"|Archbishop|Bishop)\s+of\s+)$"
)
# A name that is also a common word or a first name ("Deal", "Chad", "Jordan", "Nice")
# counts only after a locative preposition: "landed in Deal", "migrants from Chad",
# "off the Nord coast".
_LOCATIVE_BEFORE = re.compile(
    r"\b(?:at|in|from|to|near|off|of|towards?|into|via|outside|around|across|through|between)\s+(?:the\s+)?$",
    re.I,
)
# ... or before a comma and the country or region it is in: "Deal, Kent", "Nice, France".
_COMMA_AFTER = re.compile(r",\s*")
# ... or when it continues a list of places: "from Iran, Iraq and Chad", "Gravelines (Nord)".
_LIST_GAP = re.compile(r"\s*(?:,|\(|/|&|\band\b|\bor\b)\s*(?:and\s+|or\s+)?")
# ... but never as a first name: "Jordan Henderson", "Chad Johnson", even "to Georgia Tech".
_CAPITALISED_WORD_AFTER = re.compile(r"\s+[A-Z][a-z]")
_LOOKBEHIND = 40  # characters of left context the rules above need
# A word that is an acronym only in mixed case: "LET US IN" is not the United States.
_WORDS_WHEN_SHOUTED = frozenset({"US"})
_SEPARATOR_IN = re.compile(r"[\s\-]")


def extract_places(doc: Document, *, gazetteer: Gazetteer | None = None) -> list[Place]:
    """Every mention of a gazetteer place in the article's sentences, in text order.

    Headline, caption, dateline, body and "Read more" sentences alike; each Place carries its
    section. Offsets are into `doc.text`; `mention` is the words as written ("Dunkerque").

        >>> [p.name for p in extract_places(build_document("They left from Dunkerque.", article="a"))]
        ['Dunkirk']
    """
    gazetteer = gazetteer or load_gazetteer()
    clean = doc.clean
    places: list[Place] = []
    previous_end = -1  # end of the last place kept, for lists of places ("Iran, Iraq and Chad")
    for match in gazetteer.pattern.finditer(clean):
        start, end = match.span()
        sentence = doc.sentence_at(start)
        if sentence is None or end > sentence.end:
            continue  # noise, or a name broken across two sentences
        entry = gazetteer.resolve(match.group())
        if entry is None:
            continue
        after_place = previous_end if previous_end >= sentence.start else None
        if not _names_the_place(entry, match, clean, sentence.start, after_place, gazetteer):
            continue
        previous_end = end
        places.append(
            Place(
                **doc.provenance(start, end),
                name=entry.name,
                lat=entry.lat,
                lon=entry.lon,
                country=entry.country,
                place_kind=entry.kind,
                mention=doc.text[start:end],
            )
        )
    return places


def _names_the_place(
    entry: Entry,
    match: re.Match[str],
    text: str,
    sentence_start: int,
    previous_end: int | None,
    gazetteer: Gazetteer,
) -> bool:
    """Whether a matched name stands for the place here (the rules at the top of the module).

    `previous_end` is where the last place kept in the same sentence ended, if any.
    """
    surface, (start, end) = match.group(), match.span()
    before = text[max(sentence_start, start - _LOOKBEHIND) : start]
    after = _NOT_THE_PLACE_AFTER.get(entry.name)
    if after is not None and after.match(text, end):
        return False
    precedes = _NOT_THE_PLACE_BEFORE.get(entry.name)
    if precedes is not None and precedes.search(before):
        return False
    if _SOMETHING_ELSE_BEFORE.search(before):
        return False
    if surface in _WORDS_WHEN_SHOUTED and _shouting(before, text, end):
        return False
    # Only a one-word name is ambiguous: "Camber Sands" and "Washington, D.C." are not.
    if entry.needs_context and not _SEPARATOR_IN.search(surface):
        in_list = previous_end is not None and bool(_LIST_GAP.fullmatch(text, previous_end, start))
        return _in_context(before, text, end, gazetteer, in_list)
    return True


def _in_context(before: str, text: str, end: int, gazetteer: Gazetteer, in_list: bool) -> bool:
    """A `needs_context` name: after a preposition, in a list of places, or before ", Country"."""
    if _CAPITALISED_WORD_AFTER.match(text, end):
        return False
    if in_list or _LOCATIVE_BEFORE.search(before):
        return True
    comma = _COMMA_AFTER.match(text, end)
    if comma is None:
        return False
    nxt = gazetteer.pattern.match(text, comma.end())
    where = gazetteer.resolve(nxt.group()) if nxt else None
    return where is not None and where.kind in ("country", "region")


def _shouting(before: str, text: str, end: int) -> bool:
    """No lower-case letter in the words around: an all-caps headline or slogan."""
    around = before[-20:] + text[end : end + 20]
    return not any(c.islower() for c in around) and sum(c.isalpha() for c in around) >= 4
