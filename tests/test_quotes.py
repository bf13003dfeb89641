"""Quotes: which words are quoted, who said them, in what role and when.

Each table reads like the facts it expects: `(text, [(speaker, quoted words), ...])`.
"""

from __future__ import annotations

import importlib.util
import json
from collections.abc import Callable
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from lib.extract.dates import infer_reference_date
from lib.extract.quotes import SPEAKER_BASES, extract_quotes
from lib.extract.quotes import speakers as speakers_module
from lib.extract.text import Document, build_document
from lib.schema import Event, Quote

HERE = Path(__file__).resolve().parent
SEED = "000_7c27d60d4c13592b"

_spec = importlib.util.spec_from_file_location("score", HERE / "eval" / "score.py")
assert _spec and _spec.loader
score = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(score)


def read(text: str) -> tuple[Document, list[Quote]]:
    doc = build_document(text, article="test")
    return doc, extract_quotes(doc)


def said(text: str) -> list[tuple[str | None, str]]:
    """(speaker, quoted words) for each quote of the text, in order."""
    return [(q.speaker, q.text) for q in read(text)[1]]


def check(text: str, expected: list[tuple[str | None, str]]) -> None:
    assert said(text) == expected


def said_how(text: str) -> list[tuple[str | None, str, str | None]]:
    """(speaker, quoted words, how the speaker was found) for each quote of the text, in order."""
    return [(q.speaker, q.text, q.speaker_basis) for q in read(text)[1]]


Said = list[tuple[str | None, str, str | None]]


# --- quotation marks ----------------------------------------------------------------------

MARKS = [
    ('"We are ready," Johnson said.', [("Johnson", "We are ready")]),
    ("“We are ready,” Johnson said.", [("Johnson", "We are ready")]),
    ("‘We are ready,’ Johnson said.", [("Johnson", "We are ready")]),
    ("'We are ready,' Johnson said.", [("Johnson", "We are ready")]),
    ("« Nous sommes prêts », said Macron.", [("Macron", "Nous sommes prêts")]),
    ('Johnson said: "We are ready."', [("Johnson", "We are ready")]),
    (
        "Johnson said: “We are ready. We have the boats.”",
        [("Johnson", "We are ready. We have the boats")],
    ),
    # a quote inside a quote belongs to it
    ("\"He told me 'run' and I ran,\" Yonas said.", [("Yonas", "He told me 'run' and I ran")]),
    ("‘They shouted “go” at us,’ Yonas said.", [("Yonas", "They shouted “go” at us")]),
]


@pytest.mark.parametrize(("text", "expected"), MARKS)
def test_quotation_marks(text: str, expected: list[tuple[str | None, str]]) -> None:
    check(text, expected)


APOSTROPHES = [
    ("The migrants' boats left in the '90s and the '00s.", []),
    ("People's lives matter, Johnson's letter said.", []),
    ("Rock 'n' roll is not a quote, nor is 'tis.", []),
    ("He is 5'10\" tall and 6' wide.", []),
    (
        "‘We couldn’t hold on to the women’s hands,’ Yonas said.",
        [("Yonas", "We couldn’t hold on to the women’s hands")],
    ),
    (
        "‘They took the migrants’ phones and left,’ Yonas said.",
        [("Yonas", "They took the migrants’ phones and left")],
    ),
    (
        "'They took the migrants' phones and left,' Yonas said.",
        [("Yonas", "They took the migrants' phones and left")],
    ),
]


@pytest.mark.parametrize(("text", "expected"), APOSTROPHES)
def test_apostrophes_are_not_quotes(text: str, expected: list[tuple[str | None, str]]) -> None:
    check(text, expected)


SCARE_QUOTES = [
    # a one-word quote is still a quote (the gold marks them optional)
    ('Macron vowed the Channel would not become a "cemetery".', [("Macron", "cemetery")]),
    ("The dinghy was 'ripped apart' in the Channel.", [(None, "ripped apart")]),
]


@pytest.mark.parametrize(("text", "expected"), SCARE_QUOTES)
def test_scare_quotes_are_kept(text: str, expected: list[tuple[str | None, str]]) -> None:
    check(text, expected)


# --- speakers -------------------------------------------------------------------------------

SPEAKER_AFTER = [
    ('"We are ready," said Johnson.', [("Johnson", "We are ready")]),
    ('"We are ready," Priti Patel told AFP.', [("Priti Patel", "We are ready")]),
    ('"We are ready," Priti Patel told reporters in Dover.', [("Priti Patel", "We are ready")]),
    ('"We are ready," Johnson also said on Thursday.', [("Johnson", "We are ready")]),
    ('"We are ready" — Johnson said.', [("Johnson", "We are ready")]),
    (
        'The route is "extremely dangerous", according to the RNLI.',
        [("RNLI", "extremely dangerous")],
    ),
    ('"Are we ready?" Johnson asked.', [("Johnson", "Are we ready?")]),
    (
        '"We still do not know," Karwan Ahmed, whose cousin drowned, told Reuters.',
        [("Karwan Ahmed", "We still do not know")],
    ),
]


@pytest.mark.parametrize(("text", "expected"), SPEAKER_AFTER)
def test_speaker_after_the_quote(text: str, expected: list[tuple[str | None, str]]) -> None:
    check(text, expected)


SPEAKER_BEFORE = [
    ('Patel said: "We are ready."', [("Patel", "We are ready")]),
    ('Patel said that "we are ready".', [("Patel", "we are ready")]),
    ('Patel added: "We are ready."', [("Patel", "We are ready")]),
    ('Patel warned "the crossings must stop".', [("Patel", "the crossings must stop")]),
    (
        'Marine Lecomte, of the French charity Utopia 56, said: "Open safe routes."',
        [("Marine Lecomte", "Open safe routes")],
    ),
    ('In a statement, Patel told MPs: "We are ready."', [("Patel", "We are ready")]),
    # the attribution closes the paragraph before the quote
    ('Home Secretary Priti Patel said:\n\n"We are ready."', [("Priti Patel", "We are ready")]),
    # a headline
    (
        "Macron: 'France will not let the Channel become a cemetery'\n\nBy a reporter",
        [("Macron", "France will not let the Channel become a cemetery")],
    ),
]


@pytest.mark.parametrize(("text", "expected"), SPEAKER_BEFORE)
def test_speaker_before_the_quote(text: str, expected: list[tuple[str | None, str]]) -> None:
    check(text, expected)


PARTIAL_QUOTES = [
    # the subject of the nearest reporting verb before the quote
    (
        'The Elysee Palace said Macron told Johnson that France and the UK have a "shared responsibility".',
        [("Macron", "shared responsibility")],
    ),
    # a participle has no subject of its own: the sentence subject speaks
    (
        'Macron, after vowing France would not allow the Channel to become a "cemetery," spoke to Johnson.',
        [("Macron", "cemetery")],
    ),
    # "and said" shares the subject of the verb before it
    (
        'Home Secretary Yvette Cooper described the deaths as "horrendous" and said the gangs were "exploiting people".',
        [("Yvette Cooper", "horrendous"), ("Yvette Cooper", "exploiting people")],
    ),
    (
        '"France is a transit country," Macron said in Croatia, saying that for migrants "it is already too late."',
        [("Macron", "France is a transit country"), ("Macron", "it is already too late")],
    ),
    # the speaker's words also appear later: a reporting verb after the quote
    (
        'Taking back migrants "would reduce the crossings", Johnson said in a letter.',
        [("Johnson", "would reduce the crossings")],
    ),
]


@pytest.mark.parametrize(("text", "expected"), PARTIAL_QUOTES)
def test_partial_quotes_in_reported_speech(
    text: str, expected: list[tuple[str | None, str]]
) -> None:
    check(text, expected)


RESOLVED = [
    # a pronoun stands for the first person named in the latest sentence that names one
    (
        "British Prime Minister Boris Johnson wrote to French President Emmanuel Macron on Thursday. "
        'Taking back migrants "would reduce the crossings", he said in a letter sent to Macron.',
        [("Boris Johnson", "would reduce the crossings")],
    ),
    (
        'Priti Patel visited Dover on Friday. "It will work," she said.',
        [("Priti Patel", "It will work")],
    ),
    (
        'Priti Patel met Darmanin. Boats left. "It will work," she said.',
        [("Priti Patel", "It will work")],
    ),
    (
        'The Home Office said it was ready. "We have the boats," it said.',
        [("Home Office", "We have the boats")],
    ),
    # a surname is the full name given earlier (or later, in a headline)
    (
        'Boris Johnson wrote to Macron. "We are ready," Johnson said.',
        [("Boris Johnson", "We are ready")],
    ),
    (
        'Rishi Sunak visited Dover. "We will stop the boats," Mr Sunak said.',
        [("Rishi Sunak", "We will stop the boats")],
    ),
    # a title is its latest holder, or the person in the news
    (
        'Gerald Darmanin, the French interior minister, visited Calais. "We are ready," the minister said.',
        [("Gerald Darmanin", "We are ready")],
    ),
    (
        'The prefect of Pas-de-Calais, Jacques Billant, visited the beach. "The boat was overloaded," the prefect said.',
        [("Jacques Billant", "The boat was overloaded")],
    ),
    (
        'Max Blain, the prime minister\'s spokesman, met reporters. "We are ready," the spokesman said.',
        [("Max Blain", "We are ready")],
    ),
    # a title given to no one describes the speaker, and names no one
    (
        'Dean Wallis was first on the scene. "It was pitch black," the skipper said.',
        [("skipper", "It was pitch black")],
    ),
    # a quote alone in its paragraph carries on the speaker before it
    (
        '"We are ready," Johnson said.\n\n"We will begin next week."',
        [("Johnson", "We are ready"), ("Johnson", "We will begin next week")],
    ),
    (
        '"We are ready," Johnson said. "We will begin next week."',
        [("Johnson", "We are ready"), ("Johnson", "We will begin next week")],
    ),
    # a headline quoting the body takes the body's speaker
    (
        '"Behind every number there is a name": 78 died\n\n'
        '"Behind every number there is a name, and a family," said Hélène Marchetti.',
        [
            ("Hélène Marchetti", "Behind every number there is a name"),
            ("Hélène Marchetti", "Behind every number there is a name, and a family"),
        ],
    ),
    ('"We are ready," Ursula von der Leyen said.', [("Ursula von der Leyen", "We are ready")]),
    # nobody to attribute to; "he" with no one named before stays unknown, not the object
    ('"We are ready."', [(None, "We are ready")]),
    ('"We are ready," he said.', [(None, "We are ready")]),
    ('Asked about Priti Patel, he said: "No comment."', [(None, "No comment")]),
    ('French officials said the boat was "overloaded".', [(None, "overloaded")]),
    # "they" stands for a body its subject could be, not one named after a preposition
    (
        'They were intercepted by Border Force. Later they wrote: "We are in England."',
        [(None, "We are in England")],
    ),
    (
        'Border Force intercepted the boat. They said: "All were brought ashore."',
        [("Border Force", "All were brought ashore")],
    ),
    (
        'A voice note came from the Border Force centre in Dover. "I am in England," it said.',
        [(None, "I am in England")],
    ),
    # given names tell "he" from "she" when the article does not
    (
        'Helen Marchant met Laurent Vasseur in Calais. "France is not a border guard," he said.',
        [("Laurent Vasseur", "France is not a border guard")],
    ),
    (
        'Ali Rezaei slept. Manon Girard walked the beach at dawn. "I keep thinking about the battery," she said.',
        [("Manon Girard", "I keep thinking about the battery")],
    ),
    # a lone given name is a person wherever it stands; a word framed as a name once is one later
    (
        'His dinghy carried 48 people, Osman later told me. "Nobody spoke the whole way," he said.',
        [("Osman", "Nobody spoke the whole way")],
    ),
    (
        'Dawitt, a 23-year-old from Eritrea, slept in the dunes.\n\nDawitt shakes his head. "The sea is only water," he says.',
        [("Dawitt", "The sea is only water")],
    ),
    # two ministers: "her counterpart" is the other one; "the British minister" the British one
    (
        'British Home Secretary Helen Marchant met French Interior Minister Laurent Vasseur.\n\n'
        'Marchant said the money was working.\n\nHer counterpart shook his head. "That is not what was agreed."\n\n'
        'The British minister smiled. "We will see in April," she said.',
        [("Laurent Vasseur", "That is not what was agreed"), ("Helen Marchant", "We will see in April")],
    ),
    # "he" four paragraphs after the only name: someone the text does not say
    (
        'Pierre Lemaire runs the patrols.\n\nThe camp grew.\n\nThe tents went.\n\nThe rain came.\n\n'
        '"Nobody spoke the whole way," he said.',
        [(None, "Nobody spoke the whole way")],
    ),
]


@pytest.mark.parametrize(("text", "expected"), RESOLVED)
def test_pronouns_surnames_and_titles_resolve(
    text: str, expected: list[tuple[str | None, str]]
) -> None:
    check(text, expected)


ORGANISATIONS = [
    ('A Home Office spokesperson said: "We are working with France."', "Home Office"),
    ('"We are working with France," a Home Office spokesman said.', "Home Office"),
    ('"Two people are missing," the maritime prefecture said.', "Maritime Prefecture"),
    ('"Two people are missing," the prefecture said.', "Prefecture"),
    ('"He could not be revived," the Pas-de-Calais prefecture said.', "Pas-de-Calais Prefecture"),
    ('"He could not be revived," the French prefecture said.', "Prefecture"),
    ('Downing Street said the plan was "working".', "Downing Street"),
    ('The Élysée said France would "never" accept this.', "Elysee Palace"),
    ('The Elysee Palace said France would "never" accept this.', "Elysee Palace"),
    ('France\'s interior ministry said: "Ten smugglers were arrested."', "Interior Ministry"),
    ('"Every death is a tragedy," said a spokesperson for the UNHCR.', "UNHCR"),
    ('The UN refugee agency said the deaths were "avoidable".', "UNHCR"),
    ('The IOM said: "At least 205 people have died."', "IOM"),
    ('"Our crews launched twice," the RNLI said.', "RNLI"),
    ('Border Force said: "All were brought ashore."', "Border Force"),
    ('"Open safe routes," Utopia 56 said in a statement.', "Utopia 56"),
    ('Care4Calais said the camps were "inhumane".', "Care4Calais"),
    ('The Refugee Council said: "People need protection."', "Refugee Council"),
    ('A spokesperson for HM Coastguard said: "A search was launched."', "HM Coastguard"),
]


@pytest.mark.parametrize(("text", "speaker"), ORGANISATIONS)
def test_organisations_speak(text: str, speaker: str) -> None:
    (quote,) = read(text)[1]
    assert (quote.speaker, quote.speaker_kind) == (speaker, "organisation")


ROLES = [
    (
        'British Prime Minister Boris Johnson said: "We are ready."',
        "Boris Johnson",
        "British Prime Minister",
    ),
    ('Home Secretary Priti Patel said: "We are ready."', "Priti Patel", "Home Secretary"),
    (
        'Gerald Darmanin, the French interior minister, said: "We are ready."',
        "Gerald Darmanin",
        "French interior minister",
    ),
    ('"We are ready," said Priti Patel, the home secretary.', "Priti Patel", "home secretary"),
    ('"We are ready," said skipper Dean Wallis, 52.', "Dean Wallis", "skipper"),
    (
        'Speaking in Dover, the immigration minister, Robert Jenrick, said: "We are ready."',
        "Robert Jenrick",
        "immigration minister",
    ),
    (
        'French sea minister Hervé Berville spoke to reporters. "We are ready," he said.',
        "Hervé Berville",
        "French sea minister",
    ),
    (
        'Boris Johnson wrote to Macron. "We are ready," the prime minister said.',
        "Boris Johnson",
        None,
    ),
    ('"We are ready," a government source said.', "government source", "government source"),
]


@pytest.mark.parametrize(("text", "speaker", "role"), ROLES)
def test_roles_from_titles_and_appositives(
    text: str, speaker: str | None, role: str | None
) -> None:
    (quote,) = read(text)[1]
    kind = "person" if speaker else "unknown"
    assert (quote.speaker, quote.role, quote.speaker_kind) == (speaker, role, kind)


# --- how each speaker was found (speaker_basis) ----------------------------------------------
# Each table reads (text, [(speaker, quoted words, basis), ...]); None where no speaker may be given.

BASES = [
    ('"We are ready," Johnson said.', [("Johnson", "We are ready", "named after")]),
    ('Patel said: "We are ready."', [("Patel", "We are ready", "named before")]),
    # the sentence before a quote standing alone is about the speaker
    (
        "Emmanuel Macron was asked whether France was being paid. “This is not a question of money.”",
        [("Emmanuel Macron", "This is not a question of money", "subject")],
    ),
    # the sentence subject, with no verb of its own for the quote
    (
        'Macron, after vowing France would not allow the Channel to become a "cemetery," spoke to Johnson.',
        [("Macron", "cemetery", "subject")],
    ),
    (
        '"We are ready," Johnson said.\n\n"We will begin next week."',
        [
            ("Johnson", "We are ready", "named after"),
            ("Johnson", "We will begin next week", "continuation"),
        ],
    ),
    (
        'Priti Patel visited Dover on Friday. "It will work," she said.',
        [("Priti Patel", "It will work", "pronoun")],
    ),
    (
        'Gerald Darmanin, the French interior minister, visited Calais. "We are ready," the minister said.',
        [("Gerald Darmanin", "We are ready", "title")],
    ),
    (
        'A Home Office spokesperson said: "We are working with France."',
        [("Home Office", "We are working with France", "organisation")],
    ),
    (
        'One survivor told investigators: "The water came in very fast."',
        [("survivor", "The water came in very fast", "description")],
    ),
    (
        '"Behind every number there is a name": 78 died\n\n'
        '"Behind every number there is a name, and a family," said Hélène Marchetti.',
        [
            ("Hélène Marchetti", "Behind every number there is a name", "headline"),
            (
                "Hélène Marchetti",
                "Behind every number there is a name, and a family",
                "named after",
            ),
        ],
    ),
    ('"We are ready."', [(None, "We are ready", None)]),
]


@pytest.mark.parametrize(("text", "expected"), BASES)
def test_each_speaker_says_how_it_was_found(text: str, expected: Said) -> None:
    assert said_how(text) == expected


TWO_LEADERS = [
    # a press conference: each leader keeps their own words
    (
        "“This is a new chapter,” Mr Sunak said.\n\n“Today is a moment of reunion.” It was Mr Macron who chose the words.",
        [
            ("Sunak", "This is a new chapter", "named after"),
            ("Macron", "Today is a moment of reunion", "named after"),
        ],
    ),
    (
        "French President Emmanuel Macron met Prime Minister Rishi Sunak at the Elysee. "
        "The president was asked whether France was being paid. “This is not a question of money.”",
        [("Emmanuel Macron", "This is not a question of money", "title")],
    ),
    # "she" after a man and a woman is the woman
    (
        'Mr Darmanin met Ms Braverman in Paris. "We are ready," she said.',
        [("Braverman", "We are ready", "pronoun")],
    ),
    # of two people, the one who spoke or wrote is the one "he" carries on
    (
        'Boris Johnson wrote to Emmanuel Macron on Thursday. "We are ready," he said.',
        [("Boris Johnson", "We are ready", "pronoun")],
    ),
    (
        'Speaking to Nick Ferrari on LBC, shadow minister Tom Brierley said: "This is embarrassing."\n\n'
        'He added: "They have lost control."',
        [
            ("Tom Brierley", "This is embarrassing", "named before"),
            ("Tom Brierley", "They have lost control", "pronoun"),
        ],
    ),
    # no speaker: "he" after two men, neither of them speaking
    (
        'Rishi Sunak and Emmanuel Macron met in Paris.\n\n"We will work together," he said.',
        [(None, "We will work together", None)],
    ),
    (
        'Mr Sunak met Mr Macron in Paris. "We will work together," he said.',
        [(None, "We will work together", None)],
    ),
    # nor a standalone quote after a sentence naming two people
    (
        "Rishi Sunak met Emmanuel Macron in Paris. “We will work together.”",
        [(None, "We will work together", None)],
    ),
    # "the home secretary" is not the shadow home secretary
    (
        'Shadow home secretary Yvette Cooper criticised the plan. "We are ready," the home secretary said.',
        [("home secretary", "We are ready", "description")],
    ),
]


@pytest.mark.parametrize(("text", "expected"), TWO_LEADERS)
def test_two_leaders_keep_their_own_words(text: str, expected: Said) -> None:
    assert said_how(text) == expected


COUNTRIES = [
    ('"We are ready," France\'s Macron said.', [("Macron", "We are ready", "named after")]),
    ('Albania\'s Edi Rama said: "We are ready."', [("Edi Rama", "We are ready", "named before")]),
    (
        'Rishi Sunak thanked Jordan, saying: "We will work together."',
        [("Rishi Sunak", "We will work together", "subject")],
    ),
    # a country after the verb is never the speaker; with no one else, no speaker
    (
        'Sunak thanked Jordan, saying: "We will work together."',
        [(None, "We will work together", None)],
    ),
    (
        'Priti Patel said Albania, Iraq and Eritrea were "safe countries".',
        [("Priti Patel", "safe countries", "named before")],
    ),
]


@pytest.mark.parametrize(("text", "expected"), COUNTRIES)
def test_a_country_between_speaker_and_quote_is_not_the_speaker(text: str, expected: Said) -> None:
    assert said_how(text) == expected


PARAGRAPHS = [
    (
        'Priti Patel told reporters:\n\n"We will stop the boats."',
        [("Priti Patel", "We will stop the boats", "named before")],
    ),
    # the paragraph before introduces the speaker
    (
        'Priti Patel told reporters in Dover on Friday.\n\n"We will stop the boats."',
        [("Priti Patel", "We will stop the boats", "subject")],
    ),
    (
        '"It was pitch black," said Ray Dunmore, who had been working overnight.\n\n"Some had no shoes."',
        [
            ("Ray Dunmore", "It was pitch black", "named after"),
            ("Ray Dunmore", "Some had no shoes", "continuation"),
        ],
    ),
    # no speaker: other people named in between, or the quote before had none
    (
        '"We are ready," Boris Johnson said. Emmanuel Macron and Olaf Scholz arrived later. "We will begin."',
        [("Boris Johnson", "We are ready", "named after"), (None, "We will begin", None)],
    ),
    (
        '"We are ready," Boris Johnson said.\n\nThe boats left Calais.\n\nLater, Olaf Scholz spoke.\n\n"We begin."',
        [("Boris Johnson", "We are ready", "named after"), (None, "We begin", None)],
    ),
    (
        '"It was terrible."\n\n"We saw them drown."',
        [(None, "It was terrible", None), (None, "We saw them drown", None)],
    ),
    # a live blog's quoted heading carries nothing on: it borrows the entry's speaker
    (
        '"We must act," Suella Braverman said.\n\n'
        "'We pulled them out one by one'\n\n"
        "The skipper of the trawler has described the scene.\n\n"
        '"It was pitch black. We pulled them out one by one," said Ray Dunmore.',
        [
            ("Suella Braverman", "We must act", "named after"),
            ("Ray Dunmore", "We pulled them out one by one", "headline"),
            ("Ray Dunmore", "It was pitch black. We pulled them out one by one", "named after"),
        ],
    ),
]


@pytest.mark.parametrize(("text", "expected"), PARAGRAPHS)
def test_a_quote_standing_alone_takes_the_speaker_of_the_lines_before(
    text: str, expected: Said
) -> None:
    assert said_how(text) == expected


INSTITUTIONS = [
    (
        '"Two people are missing," the maritime prefecture said.',
        [("Maritime Prefecture", "Two people are missing", "organisation")],
    ),
    (
        'The NCA said in a statement: "This network has been dismantled."',
        [("National Crime Agency", "This network has been dismantled", "organisation")],
    ),
    # "the spokesperson" is the body's, not the last person named
    (
        'Mike Tapp said the scenes were shocking. A Home Office spokesperson said: "We are working with France."\n\n'
        'The spokesperson added: "More than 24,000 people have been removed."',
        [
            ("Home Office", "We are working with France", "organisation"),
            ("Home Office", "More than 24,000 people have been removed", "organisation"),
        ],
    ),
    (
        'Gérald Darmanin flew to Calais. A spokesperson for the maritime prefecture told AFP the boat had been "ripped apart".\n\n'
        "“The rescue is still going on,” the spokesperson said.",
        [
            ("Maritime Prefecture", "ripped apart", "organisation"),
            ("Maritime Prefecture", "The rescue is still going on", "organisation"),
        ],
    ),
    (
        'The pledge was branded "a national humiliation" by the Refugee Council.',
        [("Refugee Council", "a national humiliation", "organisation")],
    ),
]


@pytest.mark.parametrize(("text", "expected"), INSTITUTIONS)
def test_institutions_speak(text: str, expected: Said) -> None:
    assert said_how(text) == expected


NEXT_SENTENCE = [
    (
        '"The search continues." That was the verdict of Jane Doe, the charity\'s director.',
        [("Jane Doe", "The search continues", "named after")],
    ),
    (
        '"The search continues." So said Jane Doe.',
        [("Jane Doe", "The search continues", "named after")],
    ),
    (
        'Home Secretary Suella Braverman visited Paris. "These numbers are not acceptable." '
        "It was the home secretary's answer.",
        [("Suella Braverman", "These numbers are not acceptable", "title")],
    ),
    ('"Are we ready?" Johnson asked.', [("Johnson", "Are we ready?", "named after")]),
    # not a speaker: "It was a bold claim", "It was Macron's decision"
    ('"We will win." It was a bold claim.', [(None, "We will win", None)]),
    (
        '"We will win." It was Emmanuel Macron\'s decision to go.',
        [(None, "We will win", None)],
    ),
]


@pytest.mark.parametrize(("text", "expected"), NEXT_SENTENCE)
def test_a_speaker_named_in_the_sentence_after(text: str, expected: Said) -> None:
    assert said_how(text) == expected


NEWS_LANGUAGE = [
    # British tabloids' single quotes
    ("'We will stop the boats', Sunak said.", [("Sunak", "We will stop the boats", "named after")]),
    ("Sunak said the plan would 'stop the boats'.", [("Sunak", "stop the boats", "named before")]),
    # headlines speak in the present tense
    (
        "Sunak vows to 'stop the boats' after record day\n\nBy a reporter\n\nRishi Sunak visited Dover.",
        [("Rishi Sunak", "stop the boats", "named before")],
    ),
    (
        'Jane Doe, 34, from Dover, told the Guardian: "I see them every day."',
        [("Jane Doe", "I see them every day", "named before")],
    ),
    # a possessive right before a slogan; not the owner of the subject
    (
        'The deaths renewed scrutiny of the British government\'s pledge to "stop the boats".',
        [("UK government", "stop the boats", "organisation")],
    ),
    ('Priti Patel\'s critics called the plan "cruel".', [(None, "cruel", None)]),
    (
        'The Home Office\'s response was "inadequate", campaigners said.',
        [(None, "inadequate", None)],
    ),
    (
        "The figures are a blow to Rishi Sunak's 'stop the boats' pledge.",
        [("Rishi Sunak", "stop the boats", "named before")],
    ),
    (
        "Sunak: 'We will stop the boats'\n\nBy a reporter\n\nRishi Sunak visited Dover.",
        [("Rishi Sunak", "We will stop the boats", "named before")],
    ),
    (
        'The route is "extremely dangerous", according to Jane Doe.',
        [("Jane Doe", "extremely dangerous", "named after")],
    ),
    (
        '"We are ready," Johnson said. "We have the boats," he added.',
        [("Johnson", "We are ready", "named after"), ("Johnson", "We have the boats", "pronoun")],
    ),
    (
        'Priti Patel visited Dover. "It will work," she told the BBC.',
        [("Priti Patel", "It will work", "pronoun")],
    ),
    # the passive: the agent speaks
    (
        'The words "we will not give up" were said by Jane Doe.',
        [("Jane Doe", "we will not give up", "named after")],
    ),
    # Hansard-style lines; a transcript's Q and A name no one
    (
        'Rishi Sunak (Conservative): "We will stop the boats."',
        [("Rishi Sunak", "We will stop the boats", "named before")],
    ),
    (
        'Q: "Will it work?"\nA: "It will work."',
        [(None, "Will it work?", None), (None, "It will work", None)],
    ),
    # descriptions of people with no name, where they speak; a scare quote has no speaker
    (
        '"For hours nobody came," one of the passengers told us later.',
        [("passengers", "For hours nobody came", "description")],
    ),
    (
        '"This is a tragedy," a spokesperson for Sunak told reporters.',
        [("spokesperson for Sunak", "This is a tragedy", "description")],
    ),
    (
        "A dozen migrants drowned when their dinghy was 'ripped apart' off the coast.",
        [(None, "ripped apart", None)],
    ),
    (
        'Judge Owen Carrick jailed the men. "It is a matter of chance," the judge said.',
        [("Owen Carrick", "It is a matter of chance", "title")],
    ),
    (
        'The mayor of Calais, Natacha Bouchart, said the town was "exhausted".',
        [("Natacha Bouchart", "exhausted", "named before")],
    ),
    ('"We are ready," he said.', [(None, "We are ready", None)]),
    # "they" is a body, never one person: "the survivors said they ..."
    (
        'The RNLI said its crews launched twice. "We were out all night," they said.',
        [("RNLI", "We were out all night", "organisation")],
    ),
    (
        'Jane Doe met the survivors. "We were lucky," they said.',
        [(None, "We were lucky", None)],
    ),
]


@pytest.mark.parametrize(("text", "expected"), NEWS_LANGUAGE)
def test_news_language_of_attribution(text: str, expected: Said) -> None:
    assert said_how(text) == expected


# --- paragraphs, unbalanced marks, evidence -----------------------------------------------


def test_a_quote_continued_over_paragraphs_is_one_quote() -> None:
    text = 'Patel said: "We are ready. We have the boats.\n\n"We will begin next week," she added.'
    doc, found = read(text)
    assert [(q.speaker, q.text) for q in found] == [
        ("Patel", "We are ready. We have the boats. We will begin next week")
    ]
    (quote,) = found
    assert (
        doc.text[quote.start : quote.end]
        == 'We are ready. We have the boats.\n\n"We will begin next week'
    )
    assert quote.sentence.startswith("Patel said") and quote.sentence.endswith("she added.")
    assert not doc.warnings


def test_a_caption_between_the_paragraphs_does_not_break_the_quote() -> None:
    text = 'Patel said: "We are ready.\n\nPatel in Dover, November 25, 2021. /CFP\n\n"We begin next week."'
    assert said(text) == [("Patel", "We are ready. We begin next week")]


def test_an_unclosed_quote_stops_at_its_paragraph_and_warns_once() -> None:
    text = (
        'Johnson said: "We are ready to begin patrols.\n\n'
        "The rest of the article goes on about boats.\n\n"
        'Patel said: "Another unclosed quote.\n\n'
        "Boats left.\n\n"
        '"A closed one," Darmanin said.'
    )
    doc, found = read(text)
    assert [(q.speaker, q.text) for q in found] == [
        ("Johnson", "We are ready to begin patrols"),
        ("Patel", "Another unclosed quote"),
        ("Darmanin", "A closed one"),
    ]
    assert doc.warnings == [f"unbalanced quotation marks at offset {text.index(chr(34))}"]


def test_a_new_opening_mark_ends_an_unclosed_quote() -> None:
    doc, found = read('Johnson said: "We are ready. Patel said: "We are too."')
    assert [q.text for q in found] == ["We are ready. Patel said", "We are too"]
    assert len(doc.warnings) == 1


def test_an_unclosed_quote_in_a_long_paragraph_is_capped() -> None:
    doc, found = read('Johnson said: "' + "we are ready and " * 200 + "done.")
    (quote,) = found
    assert len(quote.text) <= 400
    assert doc.warnings and doc.warnings[0].startswith("unbalanced quotation marks at offset ")


@pytest.mark.timeout(60)
def test_an_endless_sentence_of_quotes_is_read_in_linear_time() -> None:
    # each of these took from 25 s to a minute when the work grew with the square of the length
    text = '"We are ready," Boris Johnson said, ' * 3000 + "‘a " * 20000 + "the 'a " * 20000
    doc, found = read(text)
    assert len(found) == 3000 + 20000
    assert found[0].speaker == "Boris Johnson" and found[2999].speaker == "Boris Johnson"
    assert len(doc.warnings) == 1


def test_a_stray_closing_mark_is_ignored() -> None:
    assert said("The boats” left. Patel said: “We are ready.”") == [("Patel", "We are ready")]


# --- dates ----------------------------------------------------------------------------------


def fake_events(phrase: str, day: str) -> Callable[[Document], list[Event]]:
    """Stand-in for lib.extract.dates.extract_events: one event wherever `phrase` occurs."""

    def extract_events(doc: Document) -> list[Event]:
        events, at = [], doc.text.lower().find(phrase.lower())
        while at >= 0:
            events.append(
                Event(
                    **doc.provenance(at, at + len(phrase)), date=day, precision="day", phrase=phrase
                )
            )
            at = doc.text.lower().find(phrase.lower(), at + 1)
        return events

    return extract_events


DATES = [
    (
        'Boris Johnson wrote. Taking migrants back "would reduce crossings", he said in a letter on Thursday.',
        "2021-11-25",
    ),
    ('"We are ready," Johnson said on Thursday.', "2021-11-25"),
    ('Johnson said on Thursday: "We are ready."', "2021-11-25"),
    ('On Thursday, Johnson said: "We are ready."', "2021-11-25"),
    # the date is in the quote, in another clause, or about something else
    ('"We will meet on Thursday," Johnson said.', None),
    ('"We are ready," Johnson said, adding that they would meet on Thursday.', None),
    ('Johnson will travel on Thursday to meet Macron, with what he called "a plan".', None),
]


@pytest.mark.parametrize(("text", "day"), DATES)
def test_a_quote_takes_the_date_of_its_attribution(
    monkeypatch: pytest.MonkeyPatch, text: str, day: str | None
) -> None:
    monkeypatch.setattr(speakers_module, "extract_events", fake_events("on Thursday", "2021-11-25"))
    quote = read(text)[1][-1]
    assert quote.date == day


def test_a_quote_with_no_date_in_its_attribution_has_none(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(speakers_module, "extract_events", fake_events("on Friday", "2021-11-26"))
    (quote,) = read('"We are ready," Johnson said on Thursday.')[1]
    assert quote.date is None


# --- the seed article ----------------------------------------------------------------------


def seed_gold() -> dict:
    """The seed's gold annotations (tests/gold/, or beside the article as the brief first had it)."""
    path = next(
        p
        for p in (HERE / "gold" / f"{SEED}.json", HERE / "articles" / f"{SEED}.json")
        if p.exists()
    )
    return json.loads(path.read_text(encoding="utf-8"))


SEED_GOLD = seed_gold()


@pytest.fixture(scope="module")
def seed() -> tuple[Document, list[Quote]]:
    doc = build_document(
        (HERE / "articles" / f"{SEED}.txt").read_text(encoding="utf-8"), article=SEED
    )
    return doc, extract_quotes(doc)


@pytest.mark.parametrize("wanted", SEED_GOLD["quotes"], ids=lambda g: g["text"][:40])
def test_seed_gold_quotes_are_found_with_their_speaker(
    seed: tuple[Document, list[Quote]], wanted: dict
) -> None:
    # optional gold quotes (one-word scare quotes, partial quotes) are found too
    hits = [q for q in seed[1] if score.quote_match(wanted["text"], q.text)]
    assert hits, f"not found: {wanted['text']!r}"
    keys = [score.norm(k) for k in wanted["speaker_keys"]]
    assert any(k in score.norm(hits[0].speaker or "") for k in keys), (
        hits[0].speaker,
        wanted["speaker"],
    )


def test_seed_quotes_are_all_in_the_gold(seed: tuple[Document, list[Quote]]) -> None:
    found = seed[1]
    stray = [
        q.text
        for q in found
        if not any(score.quote_match(g["text"], q.text) for g in SEED_GOLD["quotes"])
    ]
    assert stray == []
    assert len(found) == len(SEED_GOLD["quotes"])


def test_seed_roles_and_kinds(seed: tuple[Document, list[Quote]]) -> None:
    doc, found = seed
    assert {(q.speaker, q.role, q.speaker_kind) for q in found} == {
        ("Boris Johnson", "British Prime Minister", "person"),
        ("Priti Patel", "Home Secretary", "person"),
        ("Emmanuel Macron", "French President", "person"),
    }
    assert not doc.warnings


def test_seed_letter_is_dated_by_lib_dates() -> None:
    doc = build_document(
        (HERE / "articles" / f"{SEED}.txt").read_text(encoding="utf-8"), article=SEED
    )
    doc.reference_date, doc.reference_source = infer_reference_date(doc)
    letter = next(q for q in extract_quotes(doc) if q.text.startswith("would significantly"))
    assert letter.date == "2021-11-25"  # "he said in a letter sent to Macron on Thursday evening"


# --- properties ----------------------------------------------------------------------------

FRAGMENTS = [
    '"', "“", "”", "‘", "’", "'", "«", "»", " ", " ", " ", "\n", "\n\n", ",", ".", ":", "?", "—",
    "We are ready", "said", "told AFP", "according to", "Johnson", "Boris Johnson", "he", "she", "it",
    "the minister", "Home Office", "people's", "'90s", "migrants'", "Calais", "Mr", "The", "a", "boats",
]  # fmt: skip


@settings(max_examples=300, deadline=None)
@given(
    st.lists(st.sampled_from(FRAGMENTS), min_size=1, max_size=60).map("".join)
    | st.text(max_size=300)
)
def test_quotes_never_raise_and_point_at_their_words(text: str) -> None:
    doc = build_document(text, article="prop")
    for q in extract_quotes(doc):
        assert 0 <= q.start < q.end <= len(text)
        assert q.sentence_start <= q.start and q.end <= q.sentence_end
        assert q.speaker_kind in ("person", "organisation", "unknown")
        assert (q.speaker is None) == (q.speaker_kind == "unknown")
        assert (q.speaker is None) == (q.speaker_basis is None)
        assert q.speaker_basis is None or q.speaker_basis in SPEAKER_BASES
        evidence = doc.text[q.start : q.end]
        if "\n" not in evidence and evidence == doc.clean[q.start : q.end]:
            assert " ".join(evidence.split()) == q.text
    assert sum(w.startswith("unbalanced quotation marks") for w in doc.warnings) <= 1
