"""Counts of people in news copy: "at least 27 died", "Seventeen men, seven women and three minors"."""

from __future__ import annotations

import re
from dataclasses import replace

from lib.extract.dating import dated_figures
from lib.extract.patterns import trie_pattern, words_pattern
from lib.extract.resources import (
    BRITISH_SIDE,
    COLLECTIVES,
    FRENCH_SIDE,
    GROUP_NOUNS,
    LANDING_WORDS,
    METRIC_WORDS,
    QUALIFIERS,
    SCALES,
    TENS,
    UNITS,
)
from lib.extract.tables import table_figures
from lib.extract.text import Document, Sentence
from lib.schema import Figure

_UNIT_WORDS = "|".join(sorted((w for w in UNITS if w != "zero"), key=len, reverse=True))
_TEN_WORDS = "|".join(TENS)
_WORD_NUMBER = (
    rf"(?:(?:{_TEN_WORDS})(?:[- ](?:{_UNIT_WORDS}))?|{_UNIT_WORDS}|a\s+dozen|a\s+couple\s+of|a\s+score\s+of)"
    rf"(?:\s+(?:hundred|thousand)(?:\s+(?:and\s+)?(?:(?:{_TEN_WORDS})(?:[- ](?:{_UNIT_WORDS}))?|{_UNIT_WORDS}))?)?"
)
_DIGIT_NUMBER = r"\d{1,3}(?:,\d{3})+(?![\d,]*\d)|\d+(?:\.\d+)?(?:\s*(?:million|m)\b)?"
# "three men and a woman": "a" counts one person, only inside such a list (see below)
_ONE_PERSON = r"an?(?=\s+(?:pregnant\s+)?(?:man|woman|child|girl|boy|baby|teenager|minor)\b)"
_NUMBER = rf"(?:{_DIGIT_NUMBER}|{_WORD_NUMBER}|{_ONE_PERSON})"
_QUALIFIER = "|".join(sorted(map(re.escape, QUALIFIERS), key=len, reverse=True)).replace(r"\ ", r"\s+")
_GROUP = "|".join(sorted(map(re.escape, GROUP_NOUNS), key=len, reverse=True)).replace(r"\ ", r"\s+")
_METRIC_NOUN = r"dead|deaths|fatalities|bodies|survivors|arrivals|crossings|casualties|passengers|victims|missing"
# Words that may stand between a number and its noun: "27 more migrants", "17 Afghan men".
_MODIFIER = (
    r"(?:more|other|further|additional|adult|young|unaccompanied|vulnerable|suspected|male|female|teenage|"
    r"small|new|asylum|undocumented|irregular|[A-Z][a-z]+(?:i|n|an|ese|ish|ian|ean)|pregnant|of\s+the|of\s+them|of\s+whom)"
)

_CANDIDATE = re.compile(
    rf"(?P<qual>\b(?:{_QUALIFIER})\s+)?(?P<between>\bbetween\s+)?\b(?P<num>{_NUMBER})"
    rf"(?:\s*(?P<sep>-|–|\bto\b|\bor\b|\band\b)\s*(?P<num2>{_NUMBER}))?"
    # "More than 2,000 of those who arrived were unaccompanied minors"
    rf"(?P<tail>(?:\s+of\s+(?:those|them|whom|the\s+\w+)(?:\s+who\s+\w+(?:\s+\w+)?)?\s+(?:were|was|are)(?:\s+all|\s+also)?)?"
    rf"(?:\s+{_MODIFIER}){{0,2}}\s+(?P<noun>{_GROUP}|{_METRIC_NOUN})\b)?",
    re.I,
)
# Every candidate starts with a qualifier's first word, "between", a number word or a
# digit: trying the pattern only there is equivalent to a full scan, and much faster.
_NUMBER_WORDS = words_pattern([w for w in UNITS if w != "zero"] + list(TENS))
_STARTER = re.compile(
    rf"""(?=[A-Za-z0-9])\b(?:
        (?:{words_pattern(QUALIFIERS)}|between)\s+(?=\d|(?:{_NUMBER_WORDS}|a\s)) # "more than 25,700", "between 40"
        | (?:{_NUMBER_WORDS})(?![a-z])                                          # "Seventeen"
        | an?\s+(?=(?:pregnant\s+)?(?:man|woman|child|girl|boy|baby|teenager|minor|dozen|couple|score)\b)
        | \d)""",
    re.I | re.X,
)


def _next_candidate(text: str, pos: int) -> re.Match[str] | None:
    for starter in _STARTER.finditer(text, pos):
        m = _CANDIDATE.match(text, starter.start())
        if m:
            return m
    return None


# Not counts of people: money, percentages, distances, times, ages, boat lengths, years.
_BEFORE_NOT_COUNT = re.compile(
    r"(?:[£$€]\s*|\b(?:aged|age|ages|channel|article|section|page|no\.|number|covid-|route|a|the\s+year|in|since|of|until|by|from|to)\s+)$",
    re.I,
)
_AFTER_NOT_COUNT = re.compile(
    r"""^(?:\s*(?:%|per\s*cent|percent|pc\b|bn\b|billion|pounds|euros|dollars|£|km\b|kilomet|miles?\b|metres?|meters?|m\b|ft\b|feet|foot|nautical|knots|hours?|hrs?\b|minutes?|mins?\b|seconds?|days?|weeks?|months?|years?|decades?|
       am\b|pm\b|a\.m|p\.m|bst|gmt|cet|o'clock|[:.]\d{2}|st\b|nd\b|rd\b|th\b|times\b|-fold|fold\b|degrees|°|kg|tonnes|
       boats?\b|small\s+boats|dinghies|dinghy|vessels?|inflatables?|lorries|trucks|cars|buses|police|officers|gendarmes|ships?|helicopters?|planes?|aircraft|patrols?|countries|nationalities|arrests|smugglers|traffickers|suspects|charges?)
       |\s*-\s*(?:year|metre|meter|foot|feet|ft|m\b|mile|km|hour|day|week|month|strong|page|point)
       |\s*(?:more|fewer|less)\s+(?:people\s+|migrants\s+)?than\b
       |\s+of\s+(?:them|the\s+\w+|those)\s+(?:were|was)\s+(?!killed|rescued|missing|dead|saved)
       |\s*(?:january|february|march|april|may|june|july|august|september|october|november|december|jan|feb|mar|apr|jun|jul|aug|sept?|oct|nov|dec)\b)""",
    re.I | re.X,
)
_MONTH_BEFORE = re.compile(
    r"\b(?:january|february|march|april|may|june|july|august|september|october|november|december|jan|feb|mar|apr|jun|jul|aug|sept?|oct|nov|dec)\.?\s+$",
    re.I,
)
_DIFFERENCE_BEFORE = re.compile(r"\b(?:(?<!picked\s)(?<!made\s)up|down|rise|increase|drop|fall|decrease|by|an\s+extra)\s+(?:of\s+)?$", re.I)
_YEAR = re.compile(r"^(?:19|20)\d{2}$")
# Where a clause ends: the metric of a number does not reach across these.
_STRONG_BREAK = re.compile(r"[;:()\[\]]|\s[–—]\s|\s--?\s")
_CLAUSE_BREAK = re.compile(r"[;:()\[\]]|\s[–—]\s|\s--?\s|\b(?:but|while|whereas|although|though|because|as|when)\b"
    r"|\b(?:after|before|since)\b(?!\s+(?:\d|the\s+\w+\s+of\s+\d))", re.I)


# Every metric word in one trie pattern; the metric of a match is looked up by its words.
# Landing words ("picked up", "brought ashore") are "landed" until the sentence says which
# side of the Channel (`_landing_side`).
_METRIC_OF: dict[str, str] = {word: metric for metric, words in METRIC_WORDS.items() for word in words}
_METRIC_OF.update({word: "landed" for word in LANDING_WORDS})
METRIC_PATTERN = re.compile(
    r"\b(?:" + trie_pattern([r"\s+" if c == " " else re.escape(c) for c in w] for w in _METRIC_OF) + r")\b",
    re.I,
)


def metric_of(match: re.Match[str]) -> str:
    """The metric a METRIC_PATTERN match speaks of: "drowned" -> deaths, "on board" -> on_board.

    A landing word ("brought ashore") reads as an arrival here; `extract_figures` reads its side.
    """
    metric = _word_metric(match)
    return "crossings" if metric == "landed" else metric


def _word_metric(match: re.Match[str]) -> str:
    return _METRIC_OF[" ".join(match.group().lower().split())]


# Metric words that do not count the people beside them: "attempting the crossing" (an
# attempt, not a crossing), "ran crossings" (a smuggler's trade), "went back to" (only people
# brought back were rescued), "believed to have been on board remain missing" (the state is
# the verb after).
_NOT_CROSSED_BEFORE = re.compile(
    r"\b(?:attempt\w*|try|tries|tried|trying|bid|r[au]n|runs|running|organi[sz]\w*|arrang\w*|facilitat\w*|coordinat\w*|plann\w*)"
    r"\s+(?:to\s+|the\s+|a\s+|these\s+|their\s+)?$",
    re.I,
)
_OF_PEOPLE = re.compile(r"\s+of\s+(?!the\b|a\b|an\b)", re.I)
_BROUGHT_BEFORE = re.compile(r"\b(?:brought|bringing|taken|took|towed|towing|escorted|escorting)\b(?![^.;]*\b(?:sent|deported|removed)\b)", re.I)
_BEEN_BEFORE = re.compile(r"\b(?:been|who\s+were|who\s+was)\s+$", re.I)


def _metric_words(text: str, start: int, end: int) -> list[tuple[re.Match[str], str]]:
    """The metric words between start and end that count the people near them, with their metric."""
    found = []
    for m in METRIC_PATTERN.finditer(text, start, end):
        metric = _word_metric(m)
        before = text[max(0, m.start() - 30) : m.start()]
        if metric == "crossings" and _NOT_CROSSED_BEFORE.search(before) and not _OF_PEOPLE.match(text, m.end()):
            continue  # but "organised the crossings of more than 600 people": they crossed
        if metric == "rescued" and m.group().lower().startswith("back") and not _BROUGHT_BEFORE.search(text, max(0, m.start() - 40), m.start()):
            continue  # "brought 58 people back to Boulogne", not "went back to" nor "sent back to"
        found.append((m, metric))
    return found


# "14 of the dead were minors", "All six victims were Afghan men"
_GROUP_AFTER = re.compile(
    rf"\s+(?:were|was|are)\s+(?:all\s+|also\s+)?(?:(?-i:[A-Z][a-z]+)\s+|(?:young|adult|unaccompanied|teenage)\s+){{0,2}}({_GROUP})\b",
    re.I,
)
_PREVENTED = re.compile(r"\s+(?:\w+\s+){0,3}?from\s+(?:making|crossing|reaching|attempting|leaving|setting|trying)\b", re.I)
# Sentences about other migration statistics: their counts are not Channel crossings.
_OTHER_TOPIC = re.compile(
    r"\b(?:net\s+migration|long-term|visas?|asylum\s+(?:claims|applications)|applications|backlog|hotels?|deport\w*|removed|returns?\s+agreement|students)\b",
    re.I,
)
_DIED_AFTER_ALL = re.compile(
    r"\b(?:could\s+not\s+be\s+(?:revived|saved|resuscitated)|did\s+not\s+survive|later\s+died|died\s+later|pronounced\s+dead|died\s+in\s+hospital)\b",
    re.I,
)
# A bare number that is the subject of a verb: "58 refused help", "the 28,526 who made the journey".
_BARE_SUBJECT = re.compile(
    r"^\s+(?:more\s+|others?\s+|of\s+them\s+|in\s+all\s+)?(?:,\s*)?(?:were|was|are|is|have|has|had|who|would|could|will|\w{3,}ed)\b", re.I
)
# A bare number closing its phrase: "to at least 37.", "a record 45,774 in 2022", "to more than 22,600 – ".
_BARE_END = re.compile(r"^\s*(?:[.,;:)]|$|\s[–—-]{1,2}\s|\s+(?:in|on|at|by|this|last|so|since|during|according|from|for)\b)", re.I)
# Words that chain a figure to its noun: "the figure for 2022 was", "the previous high for 2025 of".
_CHAIN = r"(?:\s+(?:for|of|in|this|that|the|last|year|day|month|so|far|(?:19|20)\d\d)){0,4}"
# A count that takes the metric of the one before it: "In 2020, the figure was 8,466", "The number
# soared to 8,466", "to a record 45,774 last year", "The figures take the total for 2022 so far to
# more than 22,600".
_REFERS_BACK = re.compile(
    rf"\b(?:(?:the\s+)?(?:figure|total|number|tally|count|high|record|peak|level|low){_CHAIN}\s+(?:was|is|stood\s+at|stands\s+at|reached|rose\s+to|of|at)"
    r"|(?:the\s+)?(?:figure|total|number|tally|count)s?\s+(?:\w+\s+){0,2}?(?:rose|soared|climbed|jumped|grew|increased|fell|dropped|reached)\s+to"
    r"|(?:figure|total|number|tally|count)s?\s+(?:\w+\s+){0,2}?(?:peaked|stood|stands)\s+(?:in\s+(?:19|20)\d\d\s+)?at"
    r"|(?:take|takes|took|taking|bring|brings|brought|bringing)\s+(?:the\s+)?(?:total|number|tally|figure)(?:\s+[\w']+){0,5}?\s+to"
    r"|\bto\s+(?:a|another)\s+(?:new\s+)?record)\s+$",
    re.I,
)
# Counts that need no noun because the metric word is right beside them:
# "27 died", "27 were rescued", "killing 27", "carrying 34", "a death toll of 27".
_ADJACENT_AFTER = re.compile(
    r"^\s*(?:[–—-]\s*)?(?:people\s+|others\s+|more\s+|of\s+them\s+|in\s+all\s+)?(?:,\s*)?(?:(?:have|has|had|were|was|are|is)\s+(?:been\s+|now\s+|also\s+|reportedly\s+|feared\s+)?)?"
    r"(?:died|dead|drowned|perished|killed|missing|rescued|saved|survived|crossed|arrived|landed|on\s+board|aboard|brought\s+ashore"
    r"|made\s+(?:the|their)\s+(?:journey|crossing)|lost\s+their\s+lives|unaccounted|injured|hurt)\b",
    re.I,
)
_ADJACENT_BEFORE = re.compile(
    r"\b(?:killing|killed|kill|drowning|rescued|rescuing|saved|saving|carrying|carried"
    r"|toll\s+(?:now\s+)?(?:rose|rising|climbed|stands|stood|reached|of|at|to)(?:\s+(?:to|at))?|"
    rf"toll\s+has\s+(?:risen|climbed|reached)(?:\s+to)?|(?:figure|total|number|tally|toll|count|high|record|peak|level){_CHAIN}\s+(?:was|is|stood\s+at|stands\s+at|reached|rose\s+to|of|at)"
    r"|bodies\s+of|deaths\s+of|(?:claim\w*|took|taken|cost|costing|lost|losing)\s+(?:the\s+)?lives\s+of|loss\s+of|total\s+of|tally\s+of|figure\s+of|numbers?\s+of|count\s+of"
    r"|picked\s+up|brought\s+ashore|intercepted|evacuated"
    # "bringing to 39 the number of survivors", "The number soared to 8,466", "to a record 45,774"
    r"|(?:bring|brings|bringing|brought|take|takes|taking|took)\s+to"
    r"|(?:figure|total|number|tally|count)s?\s+(?:\w+\s+){0,2}?(?:rose|soared|climbed|jumped|grew|increased|fell|dropped|reached)\s+to"
    r"|(?:figure|total|number|tally|count)s?\s+(?:\w+\s+){0,2}?(?:peaked|stood|stands)\s+(?:in\s+(?:19|20)\d\d\s+)?at"
    r"|(?:take|takes|took|taking|bring|brings|brought|bringing)\s+(?:the\s+)?(?:total|number|tally|figure)(?:\s+[\w']+){0,5}?\s+to"
    r"|to\s+(?:a|another)\s+(?:new\s+)?record)\s+$",
    re.I,
)


def parse_number(words: str) -> int | None:
    """Digits or number words -> int: "25,700" -> 25700, "twenty-seven" -> 27, "1.2 million" -> 1200000."""
    w = " ".join(words.lower().replace("-", " ").split())
    if not w:
        return None
    if w[0].isdigit():
        million = re.search(r"(million|m)$", w)
        num = re.sub(r"\s*(million|m)$", "", w).replace(",", "")
        try:
            value = float(num)
        except ValueError:
            return None
        if million:
            return int(round(value * 1_000_000))
        return int(value) if value.is_integer() else None
    for phrase, n in COLLECTIVES.items():
        if w == phrase:
            return n
    total = current = 0
    for token in w.split():
        if token == "and":
            continue
        if token in UNITS:
            current += UNITS[token]
        elif token in TENS:
            current += TENS[token]
        elif token in SCALES:
            current = max(current, 1) * SCALES[token]
            if SCALES[token] >= 1000:
                total += current
                current = 0
        else:
            return None
    return total + current


def _nearest_metric(doc: Document, start: int, end: int, s_start: int, s_end: int) -> str | None:
    """The metric whose words sit nearest the count in its clause (right first: "27 ... died")."""
    text = doc.clean
    right_limit = s_end
    brk = _CLAUSE_BREAK.search(text, end, s_end)
    if brk:
        right_limit = brk.start()
        opening = re.search(r"\s[–—-]\s(?!.*\s[–—-]\s)", text[max(s_start, start - 80) : start])
        if opening and re.match(r"\s[–—-]\s", brk.group()):
            # "five people – three men, a woman and a girl – were crushed to death"
            after = _CLAUSE_BREAK.search(text, brk.end(), s_end)
            right_limit = after.start() if after else s_end
    right = _metric_words(text, end, right_limit)
    if right and right[0][0].start() - end <= 160:
        first, metric = right[0]
        if metric == "on_board" and _BEEN_BEFORE.search(text, max(0, first.start() - 20), first.start()):
            # "four people believed to have been on board remain missing": the state comes after
            later = [mt for _, mt in right[1:] if mt in ("deaths", "missing", "rescued")]
            metric = later[0] if later else metric
        return metric
    left_limit = s_start
    for b in _CLAUSE_BREAK.finditer(text, s_start, start):
        left_limit = b.end()
    left = _metric_words(text, max(left_limit, start - 120), start)
    return left[-1][1] if left else None


def extract_figures(doc: Document) -> list[Figure]:
    """Every count of people, with its metric, qualifier, group and period.

    A count's metric comes from its noun ("27 dead"), the words beside it ("killing 27",
    "27 drowned"), the count it is a part of or set beside ("ten of them women", "compared
    with 12 in 2023"), else the nearest metric words of its clause; landing words ("picked
    up", "brought ashore") are an arrival or a rescue by the side of the Channel. Tables
    and lists are read by `lib.extract.tables`, periods by `lib.extract.dating`.
    """
    figures: list[Figure] = []
    part_of: dict[int, int] = {}  # where a part of a count stands -> where its whole stands
    text = doc.clean
    pos = 0
    while (m := _next_candidate(text, pos)) is not None:
        pos = m.end()
        if m.group("num2") and (
            _YEAR.match(m.group("num"))
            or (m.group("sep").lower() == "and" and not m.group("between"))
        ):
            # "in 2020 and 1,843 in 2019", "17 men and 3 women": not a range; read on from the second number
            pos = m.start("sep")
            if _YEAR.match(m.group("num")):
                continue
            m = _CANDIDATE.match(text, m.start(), m.end("num"))
            if m is None:
                continue
        start = m.start("qual") if m.group("qual") else m.start("num")
        sentence = doc.sentence_at(m.start("num"))
        if sentence is None:
            continue
        raw = m.group("num")
        if raw.lower() in ("a", "an"):
            if m.group("num2") or not m.group("noun"):
                continue
            previous_end = figures[-1].end if figures else -1
            joined = 0 <= m.start() - previous_end <= 30 and re.fullmatch(
                r"[\s,]*(?:and|as\s+well\s+as)?\s*", text[previous_end : m.start()]
            )
            if not joined and not _ADJACENT_AFTER.match(text[m.end() : m.end() + 60]):
                continue
        value = 1 if raw.lower() in ("a", "an") else parse_number(raw)
        if value is None or value <= 0:
            continue
        if _YEAR.match(raw) and not m.group("noun"):
            continue  # "in 2018", "2021" is a year, not a count
        after = text[m.end("num2") if m.group("num2") else m.end("num") : m.end("num") + 40]
        before = text[max(sentence.start, m.start("num") - 18) : m.start("num")]
        noun = m.group("noun")
        if _not_a_count(text, m, sentence.start, after):
            continue
        if not noun:
            if _AFTER_NOT_COUNT.match(after) or _MONTH_BEFORE.search(before):
                continue
            if (
                _BEFORE_NOT_COUNT.search(before)
                and not m.group("qual")
                and "," not in raw
                and not _ADJACENT_BEFORE.search(before)
            ):
                continue
        elif _MONTH_BEFORE.search(before) or _HYPHEN_UNIT.match(after):
            continue
        if _MORE_THAN.match(after) or _DIFFERENCE_BEFORE.search(before):
            continue  # "10,000 more than last year" is a difference
        if raw.lower() == "one" and not noun:
            continue  # "one of the", "no one": a pronoun, not a count
        qualifier = QUALIFIERS.get(" ".join((m.group("qual") or "").lower().split()), "exact")
        if m.group("num2"):
            low = parse_number(m.group("num2"))
            if low is not None and m.group("sep") and m.group("sep").lower() != "and" and not m.group("between") and low <= value:
                continue  # "24-25 November", "2-1": not a range of people
            qualifier = "at_least"  # "between 40 and 50", "three or four": the lower value
        end = m.end()
        s_start, s_end = sentence.start, sentence.end
        head = text[max(s_start, start - 40) : start]
        tail = text[m.end() : min(s_end, m.end() + 60)]
        earlier = _in_sentence_before(figures, s_start)  # this sentence's counts before it
        group = None
        metric = None
        if noun:
            n = " ".join(noun.lower().split())
            group = GROUP_NOUNS.get(n)
            metric = _NOUN_METRICS.get(n)
            if _STILL_MISSING.match(tail):
                metric = "missing"
            who = _GROUP_AFTER.match(text, m.end())
            if group is None and who:
                group = GROUP_NOUNS.get(" ".join(who.group(1).lower().split()))  # "14 of the dead were minors"
            if metric is None and earlier and _OF_THEM.search(text, m.end("num"), m.start("noun")):
                metric = earlier[-1].metric  # "Twelve people died, ten of them women": a part of the twelve
                part_of[start] = earlier[-1].start
            if _PREVENTED.match(text, m.end()):
                metric = "prevented"  # "stopped 10,000 people from making the journey": not crossings
        else:
            adjacent_after = _ADJACENT_AFTER.match(tail)
            part = _BARE_GROUP.match(tail)
            compared = earlier and _COMPARED_WITH.search(head) and _BARE_END.match(tail)
            elliptical = earlier and (_ELLIPSIS_AFTER.match(tail) or _INCLUDING_BEFORE.search(head))
            bare_ok = (
                adjacent_after
                or part
                or compared
                or elliptical
                or _ADJACENT_BEFORE.search(head)
                or _BARE_SUBJECT.match(tail)
                or ((m.group("qual") or "," in raw) and _BARE_END.match(tail))
            )
            if not bare_ok:
                continue
            end = m.end("num2") if m.group("num2") else m.end("num")
            if part:
                # "Ten of the dead were women, and six were children": a part of the count before it
                group = GROUP_NOUNS.get(" ".join(part.group(1).lower().split()))
                end = m.end() + part.end()
                before_it = _count_before(doc, figures, start)
                metric = before_it.metric if before_it else None
                if before_it:
                    part_of[start] = before_it.start
            elif (compared or elliptical) and not adjacent_after:
                # "compared with 12 in the whole of 2023", "picked up 21 more", "in August alone, 342 did",
                # "including 1,200 in the past week": the count it is set beside or is part of
                metric = earlier[-1].metric
            elif adjacent_after:
                word = adjacent_after.group().lower()
                if "missing" in word or "unaccounted" in word:
                    metric = "missing"
        if metric is None:
            metric = _aside_metric(text, s_start, start)
        if metric is None:
            before_verb = _ADJACENT_BEFORE.search(head)
            if before_verb:
                words = _metric_words(before_verb.group(), 0, len(before_verb.group()))
                metric = words[0][1] if words else None
                verb = before_verb.group().lower()
                if metric is None and "carr" in verb:
                    metric = "on_board"
                if metric is None and re.search(r"toll|bodies|deaths|lives|loss", verb):
                    metric = "deaths"
        if metric is None and m.group("tail"):
            # "14 of the dead were minors", "2,000 of those who arrived were minors"
            in_tail = _metric_words(m.group("tail"), 0, len(m.group("tail")))
            metric = in_tail[0][1] if in_tail else None
        if metric is None:
            metric = _nearest_metric(doc, start, end, s_start, s_end)
            if metric and _OTHER_TOPIC.search(text, s_start, s_end):
                continue
        if metric is None and group is not None:
            # "the group was made up of 34 men, three women and three children": the parts of the
            # count before them ("Forty migrants ... were picked up"), when their clause names none;
            # after a comma or "and", only as the next of a list of parts in the same sentence
            before_it = _count_before(doc, figures, start) if _OPENS_PARTS.search(head) else None
            if before_it is None and _NEXT_IN_LIST.search(head) and earlier and earlier[-1].group is not None:
                before_it = earlier[-1]
            if before_it:
                metric = before_it.metric
                part_of[start] = part_of.get(before_it.start, before_it.start)
        if metric is None and figures and _REFERS_BACK.search(head):
            # "In 2020, the figure was 8,466", "The previous high was 686": the metric of the count before it
            previous = figures[-1]
            if start - previous.end < 600:
                metric = previous.metric
        if metric is None:
            continue
        if metric == "landed":
            metric = _landing_side(doc, sentence)
        if metric == "on_board" and _CROSSINGS_CARRYING.search(text, max(s_start, start - 120), start):
            metric = "crossings"  # "organised 11 crossings ..., carrying more than 350 people": they crossed
        if metric == "rescued" and _DIED_AFTER_ALL.search(text, s_start, s_end):
            metric = "deaths"  # "One man, pulled from the water, could not be revived"
        if _OR_MORE.match(text, end, end + 10):
            qualifier = "at_least" if "more" in text[end : end + 10].lower() else "about"
        figures.append(
            Figure(
                **doc.provenance(start, end),
                metric=metric,
                value=value,
                qualifier=qualifier,
                group=group,
            )
        )
    tables = table_figures(doc, default_metric=_main_metric(figures)) if _TABLE_HINT.search(text) else []
    if tables:
        # a row's counts are the table's, read by column, not by the sentence rules
        rows = [(t.sentence_start, t.sentence_end) for t in tables]
        figures = [f for f in figures if not any(a <= f.start < b for a, b in rows)]
        figures = sorted(figures + tables, key=lambda f: f.start)
    return _whole_tolls(doc, dated_figures(doc, figures, part_of))


# Where a table or a "2018: 299" list may stand: a tab, a pipe between cells, wide spaces, a year and a colon.
_TABLE_HINT = re.compile(r"\t|\s\|\s|\S {2,}\d|^(?:19|20)\d\d\s*(?:\([^)\n]*\))?\s*:", re.M)


def _main_metric(figures: list[Figure]) -> str | None:
    """The metric most of the article's counts are of, for a table column of "People"."""
    counts: dict[str, int] = {}
    for f in figures:
        counts[f.metric] = counts.get(f.metric, 0) + 1
    return max(counts, key=lambda k: counts[k]) if counts else None



_NOUN_METRICS = {
    "dead": "deaths", "deaths": "deaths", "fatalities": "deaths", "bodies": "deaths", "casualties": "deaths",
    "victims": "deaths", "survivors": "rescued", "arrivals": "crossings", "missing": "missing",
    "passengers": "on_board",
}  # fmt: skip
# A bare count that is a part of the count before it: "six were children", "of whom 1,162 were
# unaccompanied minors", "ten of them women".
_BARE_GROUP = re.compile(
    rf"\s*(?:of\s+(?:them|whom)\s+(?:(?:were|was|are)\s+(?:all\s+|also\s+)?)?|(?:were|was|are)\s+(?:all\s+|also\s+)?)"
    rf"(?:(?-i:[A-Z][a-z]+)\s+|(?:young|adult|unaccompanied|teenage|small|pregnant)\s+){{0,2}}({_GROUP})\b",
    re.I,
)
# A bare count set beside the one before it: "compared with 12 in the whole of 2023", "up from 49".
_COMPARED_WITH = re.compile(r"\b(?:compared\s+(?:with|to)|up\s+from|down\s+from|against|versus|than)\s+(?:just\s+|only\s+)?$", re.I)
# An ellipsis of the count before it: "a cutter picked up 21 more", "in August alone, 342 did".
_ELLIPSIS_AFTER = re.compile(r"\s+more\b(?!\s+than)|\s+did\b|\s+(?:had|have)\s*[.,;]", re.I)
_INCLUDING_BEFORE = re.compile(r"\b(?:including|among\s+them|of\s+whom|of\s+them)\s+$", re.I)
# A group count after words that open a list of parts ("made up of 34 men, three women"), or
# the next in such a list.
_OPENS_PARTS = re.compile(
    r"(?:\b(?:made\s+up\s+of|comprising|comprised(?:\s+of)?|consisting\s+of|consisted\s+of|including|among\s+them)|:)\s*$",
    re.I,
)
_NEXT_IN_LIST = re.compile(r"(?:,|\band)\s*$", re.I)
# "The dead -- three men, one woman and the girl -- were crushed": the aside's subject says what it counts.
_ASIDE_SUBJECT = re.compile(
    r"\b(?:the|those)\s+(dead|victims|survivors|missing|rescued|injured)\s*(?:--|[–—:]|\s-)\s*[^.;–—]*$", re.I
)
_ASIDE_METRICS = {"dead": "deaths", "victims": "deaths", "survivors": "rescued", "rescued": "rescued", "missing": "missing"}


def _aside_metric(text: str, s_start: int, start: int) -> str | None:
    found = _ASIDE_SUBJECT.search(text, s_start, start)
    return _ASIDE_METRICS.get(found.group(1).lower()) if found else None


def _in_sentence_before(figures: list[Figure], s_start: int) -> list[Figure]:
    earlier = []
    for f in reversed(figures):  # in text order: the sentence's counts are the last ones
        if f.start < s_start:
            break
        earlier.append(f)
    return earlier[::-1]


def _count_before(doc: Document, figures: list[Figure], start: int) -> Figure | None:
    """The count just before `start`, when close: in its paragraph, or a few lines up (a part follows its whole)."""
    if not figures:
        return None
    previous = figures[-1]
    here, there = doc.sentence_at(start), doc.sentence_at(previous.start)
    if here is None or there is None or start - previous.end > (500 if here.paragraph == there.paragraph else 400):
        return None
    return previous


# Counts that are not of people whatever noun follows: "11 crossings" (journeys), "one of the
# passengers" (a person), "1 in 3 attempted crossings" (a share), "a dinghy designed for fewer
# than 20" (a capacity), "two children aged five and eight" (ages).
_CAPACITY_BEFORE = re.compile(
    r"\b(?:designed|built|made|meant|intended|rated|certified)\s+(?:to\s+(?:carry|hold|take)\s+|for\s+)(?:no\s+more\s+than\s+|up\s+to\s+)?$", re.I
)
_AGES_BEFORE = re.compile(r"\b(?:aged|ages)\s+(?:between\s+|from\s+)?(?:[\w-]+,?\s+){0,3}?(?:and|or|to|between)?\s*$", re.I)


_HOSPITAL_AFTER = re.compile(
    r"\s+(?:of\s+them\s+)?(?:(?:were|was|had\s+been|have\s+been)\s+(?:\w+\s+)?(?:taken|rushed|airlifted|flown|admitted)\s+to\s+(?:a\s+|the\s+)?hospital"
    r"|(?:were|was)\s+(?:hospitali[sz]ed|treated\s+(?:in|at|for)))",
    re.I,
)


_HYPHEN_UNIT = re.compile(r"\s*-\s*(?:year|metre|meter|foot|m\b)", re.I)
_MORE_THAN = re.compile(r"\s*(?:more|fewer|less)\s+(?:\w+\s+)?than\b", re.I)
_STILL_MISSING = re.compile(r"\s+(?:who\s+)?(?:were|was|are|have\s+been)\s+(?:still\s+)?missing", re.I)
_OF_THEM = re.compile(r"\bof\s+(?:them|whom)\b", re.I)
_CROSSINGS_CARRYING = re.compile(r"\b(?:crossings|journeys|trips)\b[^.;]{0,80}\bcarr\w*\s+$", re.I)
_OR_MORE = re.compile(r"\s+or\s+(?:more|so)\b", re.I)
_SECTION_NUMBER = re.compile(r"\d\.$")
_SECTION_NUMBER_AFTER = re.compile(r"\.\d")
_ONE_OF = re.compile(r"\s+of\s+(?:the|them|those|us|whom)\b", re.I)
_SHARE_AFTER = re.compile(r"\s+in\s+(?:\d{1,2}|two|three|four|five|six|seven|eight|nine|ten)\b(?![\d,])", re.I)


def _not_a_count(text: str, m: re.Match[str], s_start: int, after: str) -> bool:
    noun = (m.group("noun") or "").lower()
    if noun in ("crossings", "crossing"):
        return True
    if _SECTION_NUMBER.search(text, max(0, m.start("num") - 2), m.start("num")) or _SECTION_NUMBER_AFTER.match(text, m.end("num")):
        return True  # a numbered paragraph: "1.1.2 The survivors estimated"
    if noun not in _NOUN_METRICS and _HOSPITAL_AFTER.match(text, m.end("num")):
        return True  # "where four were taken to hospital": some of the rescued, not a count of its own
    if m.group("num").lower() == "one" and _ONE_OF.match(text, m.end("num")):
        return True
    if _SHARE_AFTER.match(after):
        return True  # "1 in 3 attempted crossings": a share
    start = m.start("qual") if m.group("qual") else m.start("num")
    if _CAPACITY_BEFORE.search(text, max(s_start, start - 40), start):
        return True
    return bool(_AGES_BEFORE.search(text, max(s_start, m.start("num") - 40), m.start("num")))


def _side_pattern(names: tuple[str, ...]) -> re.Pattern[str]:
    forms = {n for name in names for n in (name, name[0].upper() + name[1:])}
    return re.compile(r"(?<![\w-])(?:" + words_pattern(forms, any_space=True) + r")(?![\w-])")


_LANDED_IN_BRITAIN = _side_pattern(BRITISH_SIDE)
_FRENCH = _side_pattern(FRENCH_SIDE)
_BRITAIN = re.compile(r"(?<![\w-])(?:UK|U\.K\.|Britain|England|Home\s+Office)(?![\w-])")
_TAKEN_BACK = re.compile(r"\b(?:brought|taken|towed|escorted)\s+(?:\w+\s+){0,3}?back\b|\bback\s+to\s+(?:shore|port|the\s+coast)\b", re.I)


def _landing_side(doc: Document, sentence: Sentence) -> str:
    """Whether people landed ("picked up", "brought ashore") crossed or were rescued, by the side
    of the Channel the sentence (else its paragraph) names, most telling first: taken back is a
    rescue ("brought back to France"); a British shore or crew an arrival ("brought ashore at
    Dover", "picked up by Border Force"); a French shore or crew a rescue ("picked up off
    Gravelines", "French rescuers"); Britain itself an arrival ("brought to the UK", "Home Office
    figures show"); a landing no side is named for, an arrival."""
    text = doc.clean
    para = doc.paragraphs[sentence.paragraph]
    for a, b in ((sentence.start, sentence.end), (para.start, para.end)):
        if _TAKEN_BACK.search(text, a, b):
            return "rescued"
        if _LANDED_IN_BRITAIN.search(text, a, b):
            return "crossings"
        if _FRENCH.search(text, a, b):
            return "rescued"
        if _BRITAIN.search(text, a, b):
            return "crossings"
    return "crossings"


def _whole_tolls(doc: Document, figures: list[Figure]) -> list[Figure]:
    """A toll given only by who died ("Six men died", "the deaths of four men") is the toll: its
    group is dropped when no other count of the same dead (an ungrouped one, or a bigger one of
    the same day) stands beside it, and it is not one of a list ("three men, one woman and the
    girl")."""
    out = []
    for f in figures:
        if f.metric in ("deaths", "missing") and f.group in ("men", "women") and f.period_start and f.period_start == f.period_end:
            same_day = [g for g in figures if g is not f and g.metric == f.metric and g.period_start == f.period_start]
            whole = any(g.group is None and g.value >= f.value for g in same_day)
            listed = any(g.group is not None and g.group != f.group and abs(g.start - f.start) < 80 for g in same_day)
            part = _INCLUDING_BEFORE.search(doc.clean, max(0, f.start - 20), f.start)
            if not whole and not listed and not part:
                f = replace(f, group=None)
        out.append(f)
    return out


