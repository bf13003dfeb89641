"""Every page through Streamlit's AppTest: renders, honours each sidebar filter, reads the URL, survives bad links.

The hand-made corpus of `conftest.make_corpus()` stands in for the loader so each
expectation is known exactly; the last tests run the real loader on seeds/. What AppTest
cannot see (the map, chart clicks, downloads, the browser URL) is left to the browser tests.
"""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pandas as pd
import pytest
import streamlit as st
from conftest import make_corpus
from streamlit.testing.v1 import AppTest

import lib.corpus.load as load
from lib.schema import FACT_TABLES

ROOT = Path(__file__).resolve().parent.parent
APP = str(ROOT / "app.py")
PAGES = {
    "pages/overview.py": "Channel crossings in the news",
    "pages/map.py": "Map of places named",
    "pages/timeline.py": "Timeline",
    "pages/quotes.py": "Quotes",
    "pages/figures.py": "Figures",
    "pages/sources.py": "Sources",
}
TIMEOUT = 60


def _clear_caches() -> None:
    st.cache_data.clear()
    st.cache_resource.clear()  # the corpus and the tables worked out once per corpus


@pytest.fixture
def fake_corpus(monkeypatch):
    """The app loads `make_corpus()` whatever the folder; caches cleared around each test."""
    _clear_caches()
    monkeypatch.setattr(load, "load_corpus", lambda folder, **_: make_corpus())
    yield
    _clear_caches()


def _app(page: str | None = None, **params: str | list[str]) -> AppTest:
    """The app opened on `page` with URL parameters, as a copied link opens it (first run there)."""
    at = AppTest.from_file(APP, default_timeout=TIMEOUT)
    for name, value in params.items():
        at.query_params[name] = value
    if page:  # before the first run AppTest finds the page by file name, which is its url_path
        at.switch_page(page)
    at.run()
    assert not at.exception, [e.value for e in at.exception]
    return at


def _export_caption(at: AppTest) -> str:
    return next(c.value for c in at.main.caption if "facts chosen by the filters" in c.value)


def _html(at: AppTest) -> str:
    return "\n".join(h.proto.body for h in at.get("html"))


def _quote_speakers(at: AppTest) -> list[str]:
    speakers = []
    for body in (h.proto.body for h in at.get("html")):
        if 'class="quote-card"' in body:
            speakers.append(body.split('class="quote-speaker"><b>')[1].split("</b>")[0])
    return speakers


def _metric(at: AppTest, label: str) -> str:
    return next(m.value for m in at.metric if m.label == label)


def _chart(at: AppTest, key: str) -> dict:
    """The plotly figure (as a dict) of the chart with widget key `key`."""
    for chart in at.get("plotly_chart"):
        if chart.proto.id.endswith(f"-{key}"):
            return json.loads(chart.proto.spec)
    raise AssertionError(f"no chart with key {key!r}")


def _trace_names(at: AppTest, key: str) -> list[str]:
    return [t.get("name") for t in _chart(at, key)["data"]]


def _claims(at: AppTest) -> pd.DataFrame:
    """The claims table (key `claims_table`): AppTest shows no dataframe keys, so found by its columns."""
    return next(d.value for d in at.dataframe if {"status", "arithmetic"} <= set(d.value.columns))


def _captions(at: AppTest) -> str:
    return "\n".join(c.value.replace("\\", "") for c in at.main.caption)


@pytest.mark.usefixtures("fake_corpus")
@pytest.mark.parametrize(("page", "title"), PAGES.items())
def test_every_page_renders(page, title):
    at = _app(page)
    assert at.title[0].value == title
    assert not at.warning
    sidebar = {
        w.key
        for widgets in (at.sidebar.date_input, at.sidebar.multiselect, at.sidebar.button)
        for w in widgets
    }
    assert sidebar == {"from", "to", "article", "place", "speaker", "clear_filters", "sidebar_link_submit"}
    assert at.sidebar.text_input(key="sidebar_link").value == ""  # add an article by its link
    keys = {b.key for b in at.get("download_button")}
    assert keys == {"export_csv", "export_json"}


@pytest.mark.usefixtures("fake_corpus")
def test_overview_headline_figures_with_their_sentences():
    at = _app()
    assert _metric(at, "Deaths reported") == "at least 27"
    assert _metric(at, "People crossing") == "more than 25,700"
    assert _metric(at, "Articles") == "2"
    assert _metric(at, "Date span") == "6 days"
    assert "2021-11-24 → 2021-11-29" in [c.value for c in at.main.caption]
    html = _html(at)
    assert "At least 27</mark> people died" in html
    assert "UK asks France to take back migrants" in html
    assert any("minimums as reported" in i.value for i in at.info)
    # each headline says what period it is about, in words
    assert "<b>24 Nov 2021</b> · one day" in html
    assert "<b>2021 to 29 Nov</b> · a year so far" in html


@pytest.mark.usefixtures("fake_corpus")
def test_overview_puts_the_record_for_the_dates_first():
    at = _app()
    at.date_input(key="from").set_value(date(2021, 11, 24)).run()
    at.date_input(key="to").set_value(date(2021, 11, 24)).run()
    record = _metric(at, "People crossing (Home Office)")
    deaths = _metric(at, "Dead and missing (IOM)")
    assert record.replace(",", "").isdigit() and int(deaths) >= 27  # the 24 Nov 2021 sinking
    captions = _captions(at)
    assert "from 24 Nov 2021 to 24 Nov 2021" in captions and "IOM Missing Migrants Project" in captions
    assert _metric(at, "Deaths reported") == "at least 27"  # the articles, beside it
    at.date_input(key="from").set_value(date(2010, 1, 1)).run()
    at.date_input(key="to").set_value(date(2010, 12, 31)).run()
    assert _metric(at, "People crossing (Home Office)") == "no data"  # not zero
    assert "has no data for 1 Jan 2010 to 31 Dec 2010" in _captions(at)


@pytest.mark.usefixtures("fake_corpus")
def test_date_filter_changes_the_overview():
    at = _app()
    at.date_input(key="from").set_value(date(2021, 11, 26)).run()
    assert _metric(at, "Deaths reported") == "—"  # the sinking of the 24th is not in these dates
    assert _metric(at, "People crossing") == "more than 25,700"
    assert _metric(at, "Articles") == "1"
    # 2021's total so far (to 29 Nov) is about these days too, and says so
    at.date_input(key="to").set_value(date(2021, 11, 28)).run()
    assert _metric(at, "People crossing") == "more than 25,700"
    assert "<b>2021 to 29 Nov</b> · a year so far" in _html(at)
    at.date_input(key="from").set_value(date(2021, 11, 24)).run()
    at.date_input(key="to").set_value(date(2021, 11, 24)).run()
    assert _metric(at, "Deaths reported") == "at least 27"  # the day of the sinking


@pytest.mark.usefixtures("fake_corpus")
def test_article_filter_changes_sources_and_export_count():
    at = _app("pages/sources.py")
    assert _export_caption(at).startswith("16 facts")
    at.multiselect(key="article").set_value(["a2"]).run()
    assert _export_caption(at).startswith("5 facts")
    assert "Crossings reach a record" in _html(at)  # the sidebar names the chosen article
    assert at.selectbox(key="reader_article").value == "a2"


@pytest.mark.usefixtures("fake_corpus")
def test_place_filter_changes_the_map_table():
    at = _app("pages/map.py")
    assert list(at.dataframe[0].value["name"]) == ["Calais", "Dunkirk", "France", "Wimereux"]
    at.multiselect(key="place").set_value(["Calais"]).run()
    table = at.dataframe[0].value
    assert list(table["name"]) == ["Calais"] and bool(table["deaths"].iloc[0])


@pytest.mark.usefixtures("fake_corpus")
def test_speaker_filter_changes_the_quotes():
    at = _app("pages/quotes.py")
    assert _quote_speakers(at) == ["Boris Johnson", "Emmanuel Macron"]
    at.multiselect(key="speaker").set_value(["Emmanuel Macron"]).run()
    assert _quote_speakers(at) == ["Emmanuel Macron"]


@pytest.mark.usefixtures("fake_corpus")
def test_quote_search_by_words():
    at = _app("pages/quotes.py")
    at.text_input(key="search").set_value("patrols").run()
    assert _quote_speakers(at) == ["Boris Johnson"]
    at.text_input(key="search").set_value("nothing like this").run()
    assert _quote_speakers(at) == []


@pytest.mark.usefixtures("fake_corpus")
def test_a_shared_link_reopens_the_quote_search():
    at = _app("pages/quotes.py", search="patrols")
    assert at.text_input(key="search").value == "patrols"
    assert _quote_speakers(at) == ["Boris Johnson"]


@pytest.mark.usefixtures("fake_corpus")
def test_an_empty_view_says_which_filter_emptied_it():
    at = _app(**{"from": "2030-01-01"})
    assert any("filter keeps none on its own" in i.value for i in at.info), [i.value for i in at.info]
    at = _app()
    assert not any("filter" in i.value for i in at.info)


@pytest.mark.usefixtures("fake_corpus")
def test_quote_panels_escape_article_text():
    at = _app("pages/quotes.py")
    cards = [h for h in (x.proto.body for x in at.get("html")) if "quote-card" in h]
    assert len(cards) == 2 and all("<b>bold" not in c for c in cards)


@pytest.mark.usefixtures("fake_corpus")
def test_a_shared_link_shows_the_facts_picked_on_the_timeline():
    event = make_corpus().events.iloc[0]
    picked = f"{event['article']}@{int(event['start'])}-{int(event['end'])}"
    at = _app("pages/timeline.py", fact=picked)
    html = _html(at)
    assert 'class="timeline-source"' in html and str(event["evidence"]) in html
    at = _app("pages/timeline.py", fact="a1@999999-1000000")
    assert any("not in the current selection" in c.value for c in at.caption)
    assert 'class="timeline-source"' not in _html(_app("pages/timeline.py"))


@pytest.mark.usefixtures("fake_corpus")
def test_timeline_table_follows_the_date_filter():
    at = _app("pages/timeline.py")
    assert len(at.dataframe[0].value) == 16
    at.date_input(key="from").set_value(date(2021, 11, 29)).run()
    assert len(at.dataframe[0].value) == 5


@pytest.mark.usefixtures("fake_corpus")
def test_figures_page_checks_the_breakdown():
    at = _app("pages/figures.py")
    assert any("17 + 7 + 3 = 27" in m.value and "adds up" in m.value for m in at.markdown)
    assert "Official context" in [s.value for s in at.subheader]
    at.multiselect(key="article").set_value(["a2"]).run()
    assert not any("17 + 7 + 3" in m.value for m in at.markdown)


@pytest.mark.usefixtures("fake_corpus")
def test_figures_page_shows_the_official_series_with_the_article_figures():
    at = _app("pages/figures.py")
    yearly = {t["name"]: t for t in _chart(at, "official_yearly")["data"]}
    assert {"Final", "Provisional", "Article figures"} <= set(yearly)
    assert "provisional" in yearly["Provisional"]["text"][0]
    assert (yearly["Article figures"]["x"], yearly["Article figures"]["y"]) == ([2021], [25700])
    assert "2021 (provisional)" in _trace_names(at, "official_monthly")
    deaths = _chart(at, "official_deaths")
    assert "minimums" in deaths["layout"]["title"]["subtitle"]["text"]
    assert "UK Home Office" in _trace_names(at, "official_deaths")
    captions = _captions(at)
    assert "41,472 in 2025 (provisional)" in captions  # the text beneath the yearly chart
    assert "All counts are minimums, and each body counts something different" in captions
    assert "French maritime prefecture: French SAR zone" in captions
    assert (
        "more than 25,700 crossings, 2021 (“More than 25,700”, Crossings reach a record)"
        in captions
    )
    assert (
        "No article figure in the selection fits this chart." in captions
    )  # deaths: no yearly toll


@pytest.mark.usefixtures("fake_corpus")
def test_claims_table_checks_every_own_figure_and_claim():
    at = _app("pages/figures.py")
    claims = _claims(at).set_index("evidence")
    assert list(claims.columns[:2]) == ["status", "checked"]
    assert len(claims) == 6  # the "Read more" headline's figure is left out
    assert set(claims["status"]) == {"consistent"}
    ratio = claims.loc["three times the total for 2020"]
    assert ratio["checked"] == "claim" and ratio["article"] == "Crossings reach a record"
    assert "3 × 8,466 (all of 2020, final) = 25,398" in ratio["arithmetic"]
    assert "guernseypress.com" in ratio["source"]
    assert "6 checked: 6 consistent, 0 inconsistent, 0 cannot be checked." in [
        m.value for m in at.markdown
    ]
    assert any("**cannot be checked**" in m.value for m in at.markdown)  # the legend
    differ = next(m.value for m in at.markdown if m.value.startswith("- Deaths"))
    assert "minimum" in differ and "revised to 27" in differ


@pytest.mark.usefixtures("fake_corpus")
def test_read_more_toggle_adds_the_headline_figure():
    at = _app("pages/figures.py")
    at.toggle(key="claims_read_more").set_value(True).run()
    claims = _claims(at)
    assert len(claims) == 7
    assert claims["note"].str.contains("from a 'Read more' headline").sum() == 1


@pytest.mark.usefixtures("fake_corpus")
@pytest.mark.parametrize(
    ("widget", "value", "evidence"),
    [
        ("article", ["a1"], {"At least 27", "Seventeen men", "seven women", "three minors"}),
        ("from", date(2021, 11, 26), {"More than 25,700", "three times the total for 2020"}),
        ("place", ["Calais"], {"At least 27", "Seventeen men", "seven women", "three minors"}),
        ("speaker", ["Emmanuel Macron"], set()),
    ],
)
def test_filters_apply_to_the_claims_and_the_markers(widget, value, evidence):
    at = _app("pages/figures.py")
    element = at.date_input(key=widget) if widget == "from" else at.multiselect(key=widget)
    element.set_value(value).run()
    assert not at.exception
    assert set(_claims(at)["evidence"]) == evidence
    marked = "Article figures" in _trace_names(at, "official_yearly")
    assert marked == ("More than 25,700" in evidence)
    if not evidence:
        assert "No article figure or claim to check in the current selection." in [
            m.value for m in at.markdown
        ]


@pytest.mark.usefixtures("fake_corpus")
def test_monthly_chart_per_month_or_cumulative():
    at = _app("pages/figures.py")
    assert at.radio(key="official_monthly_view").value == "Cumulative since 1 January"
    at.radio(key="official_monthly_view").set_value("Per month").run()
    names = _trace_names(at, "official_monthly")
    assert names == ["Home Office, per month (provisional)"]  # a figure for a whole year has no month


@pytest.mark.usefixtures("fake_corpus")
def test_timeline_shows_the_record_for_the_dates_and_the_articles_beneath():
    at = _app("pages/timeline.py")
    record = _chart(at, "record_chart")
    assert record["layout"]["meta"]["granularity"] == "month"  # 2018 to 2026: monthly bars
    assert record["layout"]["meta"]["first"] == "2018-01-01"
    names = [t.get("name") for t in record["data"]]
    assert "People" in names
    captions = _captions(at)
    assert "people crossed in" in captions and "Home Office daily series" in captions
    assert "IOM Missing Migrants Project" in captions
    assert set(_trace_names(at, "timeline_chart")) == {"figure", "event", "place", "quote", "claim"}
    # the date filter drives the record too: the week of the sinking, day by day
    at.date_input(key="from").set_value(date(2021, 11, 20)).run()
    at.date_input(key="to").set_value(date(2021, 11, 27)).run()
    record = _chart(at, "record_chart")
    assert record["layout"]["meta"]["granularity"] == "day"
    assert record["layout"]["meta"]["first"] == "2021-11-20"
    assert "from 20 Nov 2021 to 27 Nov 2021" in _captions(at)
    assert len(at.dataframe[0].value) > 0  # the articles' facts of those days


@pytest.mark.parametrize("dates", [{"from": "2030-01-01"}, {"to": "2017-12-31"}])
def test_timeline_with_dates_wholly_outside_the_record_says_so(dates):
    at = _app("pages/timeline.py", **dates)  # no exception: the open end is not the record's own
    day = next(iter(dates.values()))
    assert _chart(at, "record_chart")["layout"]["meta"]["first"] == day
    assert "The Home Office daily series has no data for" in _captions(at)


@pytest.mark.usefixtures("fake_corpus")
def test_timeline_record_by_year_and_by_chosen_bars():
    at = _app("pages/timeline.py")
    at.segmented_control(key="record_by").set_value("week").run()
    assert _chart(at, "record_chart")["layout"]["meta"]["granularity"] == "week"
    at.segmented_control(key="record_view").set_value("By year").run()
    lines = [t for t in _chart(at, "record_chart")["data"] if t.get("mode", "").startswith("lines")]
    assert len(lines) >= 9  # each year from 2018, added up from 1 January
    assert not at.exception


@pytest.mark.usefixtures("fake_corpus")
def test_sources_reader_highlights_and_escapes():
    at = _app("pages/sources.py")
    at.selectbox(key="reader_article").set_value("a2").run()
    html = _html(at)
    assert "&#58;red&#91;alert&#93; &#36;5 &lt;b&gt;bold&lt;/b&gt;" in html
    assert 'data-kind="figure"' in html
    at.pills(key="reader_kinds").set_value(["place"]).run()
    reader = next(h for h in (x.proto.body for x in at.get("html")) if "article-reader" in h)
    assert 'data-kind="figure"' not in reader and 'data-kind="place"' in reader
    assert "not UTF-8 text" in at.dataframe[-1].value["reason"].tolist()


# A corpus too large to show whole: pages, counts per day, and tables cut short.


def _cloned_corpus(n: int) -> load.Corpus:
    """The fixture with article a1 copied n times (a1_000, a1_001, ...), each with its facts."""
    corpus = make_corpus()
    parts: dict[str, list[pd.DataFrame]] = {
        name: [corpus.table(name)] for name in ("articles", *FACT_TABLES)
    }
    texts = dict(corpus.texts)
    for i in range(n):
        article = f"a1_{i:03d}"
        for name, frames in parts.items():
            rows = corpus.table(name)
            rows = rows[rows["article"] == "a1"].copy()
            rows["article"] = article
            if name == "articles":
                rows["title"] = f"Copy {i} of the first article"
            frames.append(rows)
        texts[article] = texts["a1"]
    tables = {name: pd.concat(frames, ignore_index=True) for name, frames in parts.items()}
    return load.Corpus(problems=corpus.problems, texts=texts, **tables)





@pytest.fixture
def large_corpus(monkeypatch):
    """401 + 1 articles: 402 quotes, 2,006 figures (1,605 own), 401 breakdowns, 4,416 dated facts."""
    _clear_caches()
    large = _cloned_corpus(400)
    monkeypatch.setattr(load, "load_corpus", lambda folder, **_: large)
    yield
    _clear_caches()


def _cards(at: AppTest) -> int:
    return sum('class="quote-card"' in h.proto.body for h in at.get("html"))


def _showing(at: AppTest) -> list[str]:
    return [c.value for c in at.main.caption if c.value.startswith("Showing")]


@pytest.mark.usefixtures("large_corpus")
def test_quotes_come_50_a_page():
    at = _app("pages/quotes.py")
    assert at.main.markdown[0].value.startswith("402 quote(s) from 2 speaker(s).")
    assert _cards(at) == 50 and _showing(at) == ["Showing 1–50 of 402 quotes."]
    at.number_input(key="quote_page").set_value(9).run()
    assert _cards(at) == 2 and _showing(at) == ["Showing 401–402 of 402 quotes."]
    # a new search starts again at the first page, and searches every quote, not one page
    at.text_input(key="search").set_value("already late").run()
    assert _cards(at) == 1 and _showing(at) == [] and _quote_speakers(at) == ["Emmanuel Macron"]
    assert not at.number_input  # one page
    at.text_input(key="search").set_value("patrols").run()
    assert at.number_input(key="quote_page").value == 1
    assert _showing(at) == ["Showing 1–50 of 401 quotes."]


@pytest.mark.usefixtures("fake_corpus")
def test_a_page_of_quotes_needs_no_page_number():
    at = _app("pages/quotes.py")
    assert not at.number_input and _showing(at) == []


@pytest.mark.usefixtures("large_corpus")
def test_many_dated_facts_are_counted_per_kind_and_day():
    at = _app("pages/timeline.py")
    assert not at.exception
    assert "4416 dated facts" in at.main.markdown[0].value
    assert "each dot counts the facts of one kind in one day" in _captions(at)
    dots = [t for t in _chart(at, "timeline_chart")["data"] if t.get("type") != "bar"]
    # each kind on its days instead of 4,416 dots: figures on three (the sinking's day, the
    # "Read more" headline's report day, the last day of 2021's total so far), the claim on one
    assert sum(len(t["x"]) for t in dots) == 10
    assert any(h.startswith("<b>1,604 place fact(s)</b>") for t in dots for h in t["hovertext"])
    assert len(at.dataframe[0].value) == 2000
    assert "Showing the first 2,000 of 4,416 dated facts." in _captions(at)


@pytest.mark.usefixtures("large_corpus")
def test_large_tables_are_cut_short_and_breakdowns_come_10_a_page():
    at = _app("pages/figures.py")
    assert not at.exception
    breakdowns = next(m.value for m in at.markdown if "breakdowns checked" in m.value)
    assert breakdowns == "401 breakdowns checked: 401 adds up."
    assert _showing(at)[0] == "Showing 1–10 of 401 breakdowns."
    panels = [k for k in (c.key for c in at.get("flex_container")) if k and k.startswith("check_")]
    assert panels == [f"check_{n}" for n in range(10)]
    at.number_input(key="checks_page").set_value(41).run()
    panels = [k for k in (c.key for c in at.get("flex_container")) if k and k.startswith("check_")]
    assert panels == ["check_400"]
    assert "Showing the first 2,000 of 2,006 figures." in _captions(at)
    assert max(len(d.value) for d in at.dataframe) == 2000
    assert any(m.value.startswith("1606 checked") for m in at.markdown)  # all, not 2,000


# URL parameters: set before the first run, as a copied link would.


@pytest.mark.usefixtures("fake_corpus")
@pytest.mark.parametrize(
    ("params", "speakers"),
    [
        ({"speaker": "Emmanuel Macron"}, ["Emmanuel Macron"]),
        ({"speaker": ["Boris Johnson", "Emmanuel Macron"]}, ["Boris Johnson", "Emmanuel Macron"]),
        ({"article": "a1"}, ["Boris Johnson"]),
        ({"from": "2021-11-26"}, ["Emmanuel Macron"]),
        ({"to": "2021-11-25"}, ["Boris Johnson"]),
        ({"place": "Wimereux"}, ["Boris Johnson"]),
    ],
)
def test_url_selects_the_facts(params, speakers):
    at = _app("pages/quotes.py", **params)
    assert _quote_speakers(at) == speakers
    assert not at.warning


@pytest.mark.usefixtures("fake_corpus")
def test_url_sets_the_widgets_on_any_page():
    at = _app("pages/map.py", **{"from": "2021-11-25", "to": "2021-11-25", "place": "Calais"})
    assert at.date_input(key="from").value == date(2021, 11, 25)
    assert at.date_input(key="to").value == date(2021, 11, 25)
    assert at.multiselect(key="place").value == ["Calais"]
    assert list(at.dataframe[0].value["name"]) == ["Calais"]


@pytest.mark.usefixtures("fake_corpus")
@pytest.mark.parametrize(
    ("params", "words"),
    [
        ({"from": "not-a-date"}, "from='not-a-date' is not a date"),
        ({"to": "2021-02-30"}, "to='2021-02-30' is not a date"),
        ({"speaker": "Nobody"}, "Unknown speaker 'Nobody'"),
        ({"place": ":red[Atlantis]"}, "Unknown place"),
        ({"article": "zz"}, "Unknown article 'zz'"),
    ],
)
def test_bad_url_values_warn_and_fall_back(params, words):
    at = _app("pages/quotes.py", **params)
    assert len(at.warning) == 1
    notice = at.warning[0].value.replace("\\", "")
    assert words in notice
    assert _quote_speakers(at) == ["Boris Johnson", "Emmanuel Macron"]  # the default view


@pytest.mark.usefixtures("fake_corpus")
def test_a_bad_value_does_not_spoil_the_good_ones():
    at = _app("pages/quotes.py", speaker=["Nobody", "Emmanuel Macron"], **{"from": "soon"})
    assert _quote_speakers(at) == ["Emmanuel Macron"]
    assert at.warning[0].value.count("\n- ") == 2


@pytest.mark.usefixtures("fake_corpus")
def test_from_after_to_is_swapped_with_a_notice():
    at = _app("pages/quotes.py", **{"from": "2021-11-29", "to": "2021-11-25"})
    assert "is after To" in at.warning[0].value
    assert _quote_speakers(at) == ["Boris Johnson", "Emmanuel Macron"]


@pytest.mark.usefixtures("fake_corpus")
def test_clear_filters_resets_every_filter():
    at = _app("pages/quotes.py", speaker="Emmanuel Macron", **{"from": "2021-11-26"})
    at.button(key="clear_filters").click().run()
    assert at.multiselect(key="speaker").value == []
    assert at.date_input(key="from").value is None
    assert _quote_speakers(at) == ["Boris Johnson", "Emmanuel Macron"]


@pytest.mark.usefixtures("fake_corpus")
def test_filters_survive_a_page_switch():
    at = _app("pages/quotes.py")
    at.multiselect(key="speaker").set_value(["Boris Johnson"]).run()
    at.switch_page("pages/map.py").run()
    assert at.multiselect(key="speaker").value == ["Boris Johnson"]
    assert list(at.dataframe[0].value["name"]) == ["Wimereux"]


# The real loader on seeds/ and uploads.


@pytest.fixture
def seeds(monkeypatch, tmp_path):
    monkeypatch.setenv("ARTICLES_DIR", str(ROOT / "seeds"))
    monkeypatch.setenv("FACTS_CACHE_DIR", str(tmp_path / "cache"))
    _clear_caches()
    yield
    _clear_caches()


@pytest.mark.usefixtures("seeds")
@pytest.mark.parametrize("page", PAGES)
def test_every_page_renders_on_the_seeds(page):
    at = _app(page)
    assert at.title[0].value == PAGES[page]


@pytest.mark.usefixtures("seeds")
def test_seed_overview_and_url():
    at = _app()
    assert _metric(at, "Deaths reported") == "at least 27"
    assert "<b>24 Nov 2021</b> · one day" in _html(at)  # Wednesday's sinking, not the letter's Thursday
    at = _app("pages/quotes.py", speaker="Boris Johnson")
    assert set(_quote_speakers(at)) == {"Boris Johnson"}


@pytest.mark.usefixtures("seeds")
def test_seed_claims_are_checked_against_the_official_figures():
    at = _app("pages/figures.py")
    claims = _claims(at).set_index("evidence")
    assert claims.loc["three times the total for the whole of 2020", "status"] == "consistent"
    assert claims.loc["More than 25,700 people", "status"] == "consistent"
    assert set(claims["status"]) <= {"consistent", "inconsistent", "cannot be checked"}
    assert "Article figures" in _trace_names(at, "official_yearly")


@pytest.mark.usefixtures("seeds")
def test_a_missing_folder_is_a_problem_not_a_crash(monkeypatch, tmp_path):
    monkeypatch.setenv("ARTICLES_DIR", str(tmp_path / "nowhere"))
    at = _app("pages/sources.py")
    assert "article folder not found" in at.dataframe[-1].value["reason"].tolist()


@pytest.mark.usefixtures("seeds")
@pytest.mark.parametrize(
    ("name", "data", "words"),
    [
        ("empty.txt", b"", "Could not use empty.txt"),
        ("binary.txt", b"\x00\x01\x02\xff" * 50, "Could not use binary.txt"),
    ],
)
def test_upload_refused_names_the_file_and_reason(name, data, words):
    at = _app("pages/sources.py")
    at.file_uploader(key="upload_files").set_value((name, data, "text/plain"))
    at.button(key="upload_submit").click().run()
    assert not at.exception
    errors = [e.value.replace("\\", "") for e in at.error]
    assert any(words in e and ":" in e for e in errors), errors


@pytest.mark.usefixtures("seeds")
def test_upload_adds_an_article_for_the_session():
    text = (ROOT / "seeds" / "000_7c27d60d4c13592b.txt").read_bytes().replace(b"27", b"31")
    at = _app("pages/sources.py")
    before = len(at.dataframe[0].value)
    at.file_uploader(key="upload_files").set_value(("my_article.txt", text, "text/plain"))
    at.date_input(key="upload_published").set_value(date(2021, 11, 26))
    at.button(key="upload_submit").click().run()
    assert not at.exception and not at.error, [e.value for e in at.error]
    assert any("Added my_article.txt" in s.value.replace("\\", "") for s in at.success)
    assert len(at.dataframe[0].value) == before + 1
    assert "my_article" in at.multiselect(key="article").options
    at.switch_page("pages/overview.py").run()
    assert _metric(at, "Articles") == str(before + 1)
