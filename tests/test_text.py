"""Decoding, web-page noise, sections and sentence offsets."""

import pytest

from lib.extract.text import ArticleError, build_document, decode


@pytest.mark.parametrize(
    ("data", "text", "encoding"),
    [
        (b"Four died.", "Four died.", "utf-8"),
        (b"\xef\xbb\xbfFour died.", "Four died.", "utf-8"),  # BOM dropped
        (b"Four died.\r\nTwo survived.\r\n", "Four died.\nTwo survived.\n", "utf-8"),
        (b"Four died.\rTwo survived.", "Four died.\nTwo survived.", "utf-8"),
        ("Préfecture said “four”".encode("cp1252"), "Préfecture said “four”", "cp1252"),
        ("Équihen-Plage".encode("latin-1"), "Équihen-Plage", "cp1252"),
        ("Four died off Calais.\r\n".encode("utf-16"), "Four died off Calais.\n", "utf-16"),
        (b"A" * 100 + b"\x00" + b"B" * 100, "A" * 100 + " " + "B" * 100, "utf-8"),  # a stray NUL: a space
    ],
)
def test_decode(data: bytes, text: str, encoding: str) -> None:
    decoded, used, warnings = decode(data)
    assert (decoded, used) == (text, encoding)
    assert bool(warnings) == (encoding != "utf-8" or "\x00" in data.decode("latin-1"))


@pytest.mark.parametrize(
    ("data", "reason"),
    [(b"", "empty"), (b"   \n\t\n", "whitespace"), (b"PK\x03\x04\x00\x00binary", "NUL"),
     (bytes(range(1, 32)) * 200, "control characters")],
)
def test_decode_refuses(data: bytes, reason: str) -> None:
    with pytest.raises(ArticleError, match=reason):
        decode(data)


SEED_LIKE = """Download
UK asks France to take back Channel-crossing migrants
CGTN
Police patrol the coastline of Wimereux, France, November 25, 2021. /CFP

Police patrol the coastline of Wimereux, France, November 25, 2021. /CFP

Mr. Johnson wrote to Mr Macron on Thursday. He said the U.K. would act. About 1.2 million people live there.

Read more:

France and Britain trade blame over tragedy that saw 27 migrants die

Published: 09:15, 13 December 2022
By Jane Smith, Home Affairs Correspondent
Search Trends"""


def sections(text: str) -> list[tuple[str, str]]:
    doc = build_document(text, article="t")
    return [(s.section, doc.sentence_text(s)) for s in doc.sentences]


def test_noise_captions_read_more_and_sentences() -> None:
    doc = build_document(SEED_LIKE, article="t")
    assert doc.title == "UK asks France to take back Channel-crossing migrants"
    assert doc.outlet == "CGTN"
    assert sections(SEED_LIKE) == [
        ("headline", "UK asks France to take back Channel-crossing migrants"),
        ("caption", "Police patrol the coastline of Wimereux, France, November 25, 2021. /CFP"),
        ("body", "Mr. Johnson wrote to Mr Macron on Thursday."),
        ("body", "He said the U.K. would act."),
        ("body", "About 1.2 million people live there."),
        ("read_more", "France and Britain trade blame over tragedy that saw 27 migrants die"),
    ]
    assert [kind for _, _, kind in doc.meta_lines] == ["outlet", "published"]


@pytest.mark.parametrize(
    ("first_paragraph", "dateline"),
    [
        ("CALAIS, France (AP) — Four migrants died on Friday.", "CALAIS, France (AP)"),
        ("LONDON, Nov 25 (Reuters) - Four migrants died.", "LONDON, Nov 25 (Reuters)"),
        ("London — Four migrants died on Friday.", "London"),
    ],
)
def test_wire_datelines(first_paragraph: str, dateline: str) -> None:
    found = sections("Migrants die in Channel\n\n" + first_paragraph)
    assert found[1] == ("dateline", dateline)
    assert found[2][0] == "body"


def test_html_tags_are_blanked_but_offsets_kept() -> None:
    text = 'Headline here\n\n<p>Four <span class="x">people</span> died off Dover.</p>'
    doc = build_document(text, article="t")
    assert len(doc.clean) == len(text)
    assert [doc.sentence_text(s) for s in doc.sentences][-1] == "Four people died off Dover."
    start = doc.clean.index("people")
    assert text[start : start + 6] == "people"


def test_provenance_spans_the_sentences_a_quote_touches() -> None:
    text = 'Title line\n\n"We are ready. We start Monday," Johnson said. Then he left.'
    doc = build_document(text, article="t")
    start, end = text.index("We are"), text.index(' Johnson') - 2
    p = doc.provenance(start, end)
    assert p["sentence"].startswith('"We are ready. We start Monday,"')
    assert text[p["sentence_start"] : p["sentence_end"]].endswith("Johnson said.")


@pytest.mark.parametrize(
    ("line", "kind"),
    [
        ("9 Dated: 12/03/2025", "published"),  # a report's own date line, numbered
        ("Date of report: 14 May 2024", "published"),
        ("Date: 14 January 2024", None),  # a line of a list of incidents is not the article's date
        ("Date | People | Boats", None),  # nor is a table's header
    ],
)
def test_date_lines_are_the_articles_own(line: str, kind: str | None) -> None:
    doc = build_document(f"Report\n\nFour men died.\n\n{line}\n", article="t")
    assert [k for _, _, k in doc.meta_lines if k == "published"] == ([kind] if kind else [])


def test_rows_of_a_table_are_not_a_menu() -> None:
    text = "Year by year\n\n2018: 299\n2019: 1,843\n2020: 8,466\n\nHome\nNews\nSport\n"
    doc = build_document(text, article="t")
    read = {doc.sentence_text(s) for s in doc.sentences}
    assert {"2018: 299", "2019: 1,843", "2020: 8,466"} <= read
    assert not {"Home", "News", "Sport"} & read  # a run of short links still is

