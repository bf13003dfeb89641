"""Lookup words shared by the extractors: months, weekdays, number words, metric and group vocabularies."""

from __future__ import annotations

MONTHS: dict[str, int] = {
    "january": 1, "jan": 1, "february": 2, "feb": 2, "march": 3, "mar": 3, "april": 4, "apr": 4,
    "may": 5, "june": 6, "jun": 6, "july": 7, "jul": 7, "august": 8, "aug": 8,
    "september": 9, "sept": 9, "sep": 9, "october": 10, "oct": 10, "november": 11, "nov": 11,
    "december": 12, "dec": 12,
}  # fmt: skip

WEEKDAYS: dict[str, int] = {
    "monday": 0, "tuesday": 1, "wednesday": 2, "thursday": 3, "friday": 4, "saturday": 5, "sunday": 6,
}  # fmt: skip

UNITS: dict[str, int] = {
    "zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
    "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14,
    "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19,
}  # fmt: skip
TENS: dict[str, int] = {
    "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70,
    "eighty": 80, "ninety": 90,
}  # fmt: skip
SCALES: dict[str, int] = {"hundred": 100, "thousand": 1000, "million": 1_000_000}
# Words that stand for a number of people ("a dozen migrants", "a score of").
COLLECTIVES: dict[str, int] = {"a dozen": 12, "dozen": 12, "a couple of": 2, "a pair of": 2, "a score of": 20}

# Qualifiers before a number, longest first in use. Each maps to a FACTS.md qualifier.
QUALIFIERS: dict[str, str] = {
    "at least": "at_least", "a minimum of": "at_least", "no fewer than": "at_least",
    "no less than": "at_least", "as many as": "up_to", "up to": "up_to", "at most": "up_to",
    "a maximum of": "up_to", "more than": "more_than", "over": "more_than", "in excess of": "more_than",
    "upwards of": "more_than", "above": "more_than", "fewer than": "fewer_than", "less than": "fewer_than",
    "under": "fewer_than", "nearly": "about", "almost": "about", "about": "about", "around": "about",
    "roughly": "about", "approximately": "about", "some": "about", "an estimated": "about",
    "estimated": "about", "close to": "about", "just under": "fewer_than", "just over": "more_than",
    "well over": "more_than", "at the very least": "at_least", "a total of": "exact",
    "past": "more_than", "passed": "more_than", "topped": "more_than", "exceeded": "more_than",
    "surpassed": "more_than", "beyond": "more_than",
}  # fmt: skip

# The language of each metric. A figure takes the metric whose words sit nearest to it
# in its clause. Stems are matched at word starts ("drown" -> drowned, drowning).
METRIC_WORDS: dict[str, tuple[str, ...]] = {
    "deaths": (
        "died", "die", "dies", "dying", "dead", "death", "deaths", "killed", "killing", "kill",
        "drowned", "drowning", "drown", "bodies", "body", "lost their lives", "lost his life",
        "lost her life", "perished", "fatalities", "fatality", "victims", "toll", "lives were lost",
        "were found dead", "lifeless", "succumbed", "deceased", "casualties",
    ),
    "missing": ("missing", "unaccounted for", "never been found", "not been found", "never found", "still being searched for", "disappeared", "feared dead", "presumed dead", "lost at sea"),
    "rescued": (
        "rescued", "rescue", "rescuing", "ashore", "survivors", "survivor", "survived", "saved", "brought ashore",
        "pulled from the water", "plucked from", "pulled", "picked up", "brought to safety", "recovered alive",
        "hospitalised", "hospitalized", "taken to hospital", "treated", "evacuated",
    ),
    "crossings": (
        "crossed", "cross", "crossing", "crossings", "arrived", "arrival", "arrivals", "arriving",
        "made the journey", "made the crossing", "made the cross-channel journey", "reached",
        "landed", "came ashore", "detected", "intercepted", "brought to dover", "brought into dover",
        "made it to", "have made", "has made", "journey",
    ),
    "on_board": (
        "on board", "onboard", "aboard", "carrying", "carried", "carry", "carries", "crammed", "packed", "passengers",
        "were in the boat", "in the dinghy", "crowded", "squeezed",
    ),
}

# Who a count is of. Group None is a total ("people", "migrants").
GROUP_NOUNS: dict[str, str | None] = {
    "people": None, "persons": None, "person": None, "migrants": None, "migrant": None,
    "refugees": None, "asylum seekers": None, "asylum-seekers": None, "individuals": None,
    "passengers": None, "others": None, "adults": None, "exiles": None, "victims": None,
    "survivors": None, "bodies": None, "dead": None, "lives": None, "occupants": None,
    "men": "men", "man": "men", "women": "women", "woman": "women", "children": "children",
    "child": "children", "kids": "children", "babies": "children", "baby": "children",
    "infants": "children", "toddlers": "children", "boys": "children", "girls": "children",
    "minors": "minors", "minor": "minors", "teenagers": "minors", "teenager": "minors",
    "teens": "minors", "unaccompanied minors": "minors", "young people": "minors",
    "pregnant woman": "women", "pregnant women": "women",
}  # fmt: skip
