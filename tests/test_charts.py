"""lib/charts.py: chart builders read back as data (fig.to_dict(), deck.to_json())."""

from __future__ import annotations

import json
from datetime import date

import pandas as pd
import plotly.graph_objects as go
import pytest
from conftest import make_corpus

from lib.corpus.filters import FilterState, pick_rows, select_rows, take_rows
from lib.show.html import hover_sentences
from lib.show.labels import describe_fact, describe_facts
from lib.show.maps import (
    CARTO_LIGHT,
    COAST_VIEW,
    build_map,
    death_sentences,
    map_legend_html,
    place_summary,
)
from lib.show.palette import DEATH_COLOUR, KIND_COLOURS, OKABE_ITO, PLACE_COLOUR, hex_to_rgb
from lib.show.parts import build_breakdown_chart
from lib.show.publish import finish
from lib.show.timeline import (
    bin_points,
    build_timeline,
    build_timeline_bins,
    dated_facts,
    facts_in_bins,
    lay_out_points,
    points_from_selection,
    timeline_points,
    with_text,
)

TABLES = ("figures", "events", "places", "quotes", "claims")


def _points(corpus=None):
    corpus = corpus or make_corpus()
    titles = dict(zip(corpus.articles["article"], corpus.articles["title"], strict=True))
    return timeline_points({n: getattr(corpus, n) for n in TABLES}, titles)


@pytest.mark.parametrize(
    ("row", "words"),
    [
        ({"kind": "figure", "metric": "deaths", "value": 27, "qualifier": "at_least"}, "deaths: at least 27"),
        ({"kind": "figure", "metric": "deaths", "value": 17, "qualifier": "exact", "group": "men"}, "deaths: 17 (men)"),
        ({"kind": "figure", "metric": "crossings", "value": 25700, "qualifier": "more_than", "period": "2021"},
         "crossings: more than 25,700, all of 2021"),
        ({"kind": "event", "date": pd.Timestamp("2021-11-24"), "phrase": "on Wednesday"}, "date: 2021-11-24 (on Wednesday)"),
        ({"kind": "place", "name": "Calais"}, "place: Calais"),
        ({"kind": "quote", "speaker": None}, "quote: unknown speaker"),
        ({"kind": "quote", "speaker": pd.NA}, "quote: unknown speaker"),
        ({"kind": "claim", "claim_type": "ratio", "subject": "crossings", "compared_with": "2020"},
         "claim (ratio): crossings vs 2020"),
    ],
)  # fmt: skip
def test_describe_fact(row, words):
    assert describe_fact(row) == words


def test_palette_is_okabe_ito_and_one_colour_per_kind():
    assert set(KIND_COLOURS.values()) <= set(OKABE_ITO.values())
    assert len(set(KIND_COLOURS.values())) == len(KIND_COLOURS)
    assert DEATH_COLOUR not in KIND_COLOURS.values()
    assert hex_to_rgb("#D55E00") == [213, 94, 0, 255]


def test_place_summary_counts_mentions_and_marks_deaths():
    corpus = make_corpus()
    summary = place_summary(corpus.places, corpus.figures).set_index("name")
    assert summary.loc["Calais", "mentions"] == 2
    assert bool(summary.loc["Calais", "deaths"]) is True
    assert summary.loc["Calais", "death_figures"] == [
        "deaths: at least 27, 24 Nov 2021", "deaths: 17 (men), 24 Nov 2021",
        "deaths: 7 (women), 24 Nov 2021", "deaths: 3 (minors), 24 Nov 2021",
    ]  # fmt: skip
    assert bool(summary.loc["Wimereux", "deaths"]) is False
    # France is named only in the "Read more" headline, beside "27 migrants die": another article's
    assert bool(summary.loc["France", "deaths"]) is False
    assert list(summary.index[:1]) == ["Calais"]


def test_place_tooltips_are_plain_text_shown_as_text():
    corpus = make_corpus()
    places = corpus.places.copy()
    places["sentence"] = places["sentence"].astype(object)
    places.loc[0, "sentence"] = '<img src=x onerror="alert(1)"> off Calais'
    summary = place_summary(places, corpus.figures).set_index("name")
    tooltip = summary.loc["Calais", "tooltip"]
    assert tooltip.split("\n")[:3] == [
        "Calais",
        "named 2× in 1 article(s)",
        "Deaths reported here: deaths: at least 27, 24 Nov 2021; deaths: 17 (men), 24 Nov 2021; "
        "deaths: 7 (women), 24 Nov 2021; deaths: 3 (minors), 24 Nov 2021",
    ]
    assert '“<img src=x onerror="alert(1)"> off Calais”' in tooltip  # literal text...
    deck = build_map(place_summary(places, corpus.figures))
    # ...because the Deck shows it as text (innerText), never as HTML
    assert deck._tooltip == {**deck._tooltip, "text": "{tooltip}"} and "html" not in deck._tooltip


def test_map_layers_view_and_basemap():
    corpus = make_corpus()
    deck = build_map(place_summary(corpus.places, corpus.figures), view=COAST_VIEW)
    spec = json.loads(deck.to_json())
    # land and coastline drawn from the shipped file (the map reads without tiles), then the places
    assert [layer["@@type"] for layer in spec["layers"]] == [
        "PolygonLayer",
        "PathLayer",
        "ScatterplotLayer",
        "TextLayer",
    ]
    view = spec["initialViewState"]
    assert (view["latitude"], view["longitude"], view["zoom"]) == (50.85, 1.75, 9.3)
    assert spec["mapStyle"] == CARTO_LIGHT and spec["mapProvider"] == "carto"
    dots = spec["layers"][2]["data"]
    assert len(dots) == 4
    colours = {d["name"]: d["colour"] for d in dots}
    assert colours["Calais"] == hex_to_rgb(DEATH_COLOUR, 200)
    assert colours["Wimereux"] == hex_to_rgb(PLACE_COLOUR, 200)
    radius = {d["name"]: d["radius"] for d in dots}
    assert radius["Calais"] > radius["Wimereux"]
    assert [d["label"] for d in spec["layers"][3]["data"]] == [d["name"] for d in dots]
    assert deck._tooltip["text"] == "{tooltip}"  # pydeck keeps no public getter


def test_the_first_view_frames_calais_to_boulogne_with_wimereux():
    # Web Mercator: at zoom z a 1280-px wide view spans 1280 / (256 * 2**z) * 360 degrees of longitude
    span = 1280 / (256 * 2**9.3) * 360
    for lon in (1.8587, 1.6110, 1.6139):  # Calais, Wimereux, Boulogne-sur-Mer
        assert abs(lon - 1.75) < span / 2


def test_empty_map_still_builds():
    empty = make_corpus().places.iloc[0:0]
    deck = build_map(place_summary(empty, make_corpus().figures))
    assert json.loads(deck.to_json())["layers"][2]["data"] == []


def test_timeline_points_every_dated_fact_on_kind_lanes():
    points = _points()
    assert len(points) == 16
    assert set(points["kind"]) == set(KIND_COLOURS)
    lanes = points.groupby("kind")["y"].agg(["min", "max"])
    assert lanes.loc["figure", "max"] < lanes.loc["event", "min"]
    # same kind, same day: spread apart, none hidden behind another, and near its day
    same_day = points[(points["kind"] == "figure") & (points["fact_date"] == "2021-11-25")]
    assert same_day["y"].nunique() == len(same_day)
    assert ((points["x"] - points["fact_date"]).abs() <= pd.Timedelta(hours=8)).all()


def test_no_dated_facts_still_gives_date_columns():
    points = timeline_points({"figures": make_corpus().figures.iloc[0:0]})
    assert points.empty
    assert points["fact_date"].dt.date.tolist() == [] and points["x"].dtype.kind == "M"


def test_many_facts_of_one_day_pack_into_a_grid():
    places = pd.concat([make_corpus().places] * 10, ignore_index=True)
    places["fact_date"] = pd.Timestamp("2021-11-25")
    points = timeline_points({"places": places})
    assert len(points) == 50
    assert len(set(zip(points["x"], points["y"], strict=True))) == 50
    assert points["y"].between(2 - 0.4, 2 + 0.4).all()


def test_timeline_figure_one_trace_per_kind_with_escaped_hover():
    corpus = make_corpus()
    figure = build_timeline(_points(corpus)).to_dict()
    traces = {t["name"]: t for t in figure["data"]}
    assert set(traces) == set(KIND_COLOURS)
    for kind, trace in traces.items():
        assert trace["marker"]["color"] == KIND_COLOURS[kind]
    assert sum(len(t["x"]) for t in figure["data"]) == 16
    assert figure["layout"]["xaxis"]["type"] == "date"
    assert figure["layout"]["xaxis"]["title"]["text"] == "Date the fact is about"
    hovers = " ".join(h for t in figure["data"] for h in t["hovertext"])
    assert "&lt;b&gt;bold&lt;/b&gt;" not in hovers  # that sentence has no dated fact
    assert "<b>bold</b>" not in hovers


def test_timeline_hover_escapes_sentence_html():
    corpus = make_corpus()
    events = corpus.events.copy()
    events["sentence"] = events["sentence"].astype(object)
    events.loc[0, "sentence"] = "<script>x</script> on Wednesday"
    points = timeline_points({"events": events})
    hovers = " ".join(h for t in build_timeline(points).to_dict()["data"] for h in t["hovertext"])
    assert "<script>" not in hovers and "&lt;script&gt;" in hovers


def test_selection_maps_back_to_points():
    points = _points()
    selection = {"points": [{"customdata": 3}, {"customdata": [5]}, {"customdata": 3}, {"x": 1}]}
    assert list(points_from_selection(selection, points).index) == [3, 5]
    assert points_from_selection(None, points).empty
    assert points_from_selection({"points": [{"customdata": 999}]}, points).empty


def test_custom_data_is_the_row_number():
    points = _points()
    figure = build_timeline(points)
    for trace in figure.data:
        for row, x in zip(trace.customdata, trace.x, strict=True):
            assert points.loc[row, "x"] == pd.Timestamp(x)


def test_breakdown_chart_bars():
    parts = pd.DataFrame({"group": ["men", "women", "minors"], "value": [17, 7, 3]})
    figure = build_breakdown_chart(parts, title="deaths <by> group").to_dict()
    bar = figure["data"][0]
    assert list(bar["x"]) == [17, 7, 3] and list(bar["y"]) == ["men", "women", "minors"]
    assert figure["layout"]["title"]["text"] == "deaths &lt;by&gt; group"


def test_breakdown_chart_built_unvalidated_is_valid_and_finished_like_any_chart():
    parts = pd.DataFrame({"group": ["men", "women", "minors"], "value": [17, 7, 3]})
    built = build_breakdown_chart(parts, title="Deaths by group", subtitle="24 Nov 2021", source="Source: a")
    validated = go.Figure(built.to_dict())  # raises on any property plotly does not know
    assert json.loads(validated.to_json()) == json.loads(built.to_json())
    finished = finish(
        go.Figure(go.Bar(x=[17, 7, 3], y=["men", "women", "minors"], showlegend=False)),
        title="Deaths by group", subtitle="24 Nov 2021", source="Source: a", height_px=200 + 36 * 3,
    )  # fmt: skip
    for key in ("title", "height", "margin", "annotations", "showlegend"):
        assert validated.layout[key] == finished.layout[key], key


def test_legend_names_both_colours():
    legend = map_legend_html()
    assert DEATH_COLOUR in legend and PLACE_COLOUR in legend and "deaths" in legend


@pytest.mark.parametrize("table", TABLES)
def test_describe_facts_is_describe_fact_of_each_row(table):
    facts = getattr(make_corpus(), table)
    facts = pd.concat([facts, facts.iloc[::-1]], ignore_index=True)  # repeated facts, too
    labels = describe_facts(facts)
    assert labels.tolist() == [describe_fact(r) for r in facts.to_dict("records")]
    assert labels.index.equals(facts.index)


def test_death_sentences_group_the_labels_by_sentence():
    deaths = death_sentences(make_corpus().figures)
    assert deaths.to_dict("records") == [
        {"article": "a1", "sentence_start": 37, "deaths": ["deaths: at least 27, 24 Nov 2021"]},
        {"article": "a1", "sentence_start": 107, "deaths": [
            "deaths: 17 (men), 24 Nov 2021", "deaths: 7 (women), 24 Nov 2021", "deaths: 3 (minors), 24 Nov 2021"]},
    ]  # fmt: skip


def test_dated_facts_are_the_points_without_their_words():
    corpus = make_corpus()
    tables = {n: getattr(corpus, n) for n in TABLES}
    facts = dated_facts(tables)
    assert list(facts.columns) == [
        "kind", "fact_date", "label", "article", "start", "end", "own", "table", "row", "planned",
    ]  # fmt: skip
    titles = dict(zip(corpus.articles["article"], corpus.articles["title"], strict=True))
    points = lay_out_points(with_text(facts, tables, titles))
    pd.testing.assert_frame_equal(points[list(_points(corpus).columns)], _points(corpus))
    # each fact knows its row: the evidence read back from there is the fact's
    for fact in with_text(facts, tables).to_dict("records"):
        assert tables[fact["table"]].iloc[fact["row"]]["evidence"] == fact["evidence"]


@pytest.mark.parametrize(
    "state", [FilterState(places=("Calais",)), FilterState(date_from=date(2021, 11, 26))]
)
def test_a_selections_points_are_picked_from_the_corpus_facts(state):
    corpus = make_corpus()
    tables = {n: getattr(corpus, n) for n in TABLES}
    rows = select_rows(corpus, state)
    picked = lay_out_points(with_text(pick_rows(dated_facts(tables), rows), tables))
    selected = take_rows(corpus, rows)
    direct = timeline_points({n: getattr(selected, n) for n in TABLES})
    pd.testing.assert_frame_equal(picked[list(direct.columns)], direct)


def _spread_places(days: int, per_day: int) -> pd.DataFrame:
    """The fixture's places copied `per_day` times on each of `days` days from Monday 2021-11-01."""
    places = make_corpus().places
    copies = []
    for day in range(days):
        for n in range(per_day):
            copy = places.iloc[[n % len(places)]].copy()
            copy["fact_date"] = pd.Timestamp("2021-11-01") + pd.Timedelta(days=day)
            copy["own"] = n > 0  # the first of each day comes from a "Read more" headline
            copies.append(copy)
    return pd.concat(copies, ignore_index=True)


@pytest.mark.parametrize(
    ("days", "at_most", "period", "bins"),
    [(10, 100, "day", 10), (28, 10, "week", 4), (61, 5, "month", 2), (61, 1, "month", 2)],
)
def test_bins_take_the_shortest_period_that_fits(days, at_most, period, bins):
    tables = {"places": _spread_places(days, per_day=3)}
    binned = bin_points(dated_facts(tables), at_most=at_most)
    assert len(binned) == bins and set(binned["period"]) == {period}
    assert binned["count"].sum() == 3 * days
    assert (binned["own"] < binned["count"]).all()  # the "Read more" copies are counted apart
    first = binned.iloc[0]
    assert first["first_day"] == pd.Timestamp("2021-11-01")
    span = {"day": 0, "week": 6, "month": 29}[period]
    assert first["last_day"] == pd.Timestamp("2021-11-01") + pd.Timedelta(days=span)


def test_facts_in_bins_are_those_of_their_kind_and_period():
    facts = dated_facts({"places": _spread_places(14, per_day=2)})
    weeks = bin_points(facts, at_most=2)
    second = facts_in_bins(facts, weeks.iloc[[1]])
    assert len(second) == 14 and set(second["fact_date"].dt.day) == set(range(8, 15))
    assert facts_in_bins(facts, weeks.iloc[0:0]).empty


def test_binned_timeline_one_dot_per_kind_and_period():
    tables = {"places": _spread_places(3, per_day=4)}
    binned = with_text(bin_points(dated_facts(tables), at_most=100), tables, {"a1": "<i>A1</i>"})
    binned.loc[0, "sentence"] = "<script>x</script> " + "word " * 100
    figure = build_timeline_bins(binned).to_dict()
    (trace,) = figure["data"]
    assert trace["name"] == "place" and list(trace["customdata"]) == [0, 1, 2]
    assert list(trace["marker"]["symbol"]) == [0, 0, 0]  # each day holds own facts
    hover = trace["hovertext"][0]
    assert hover.startswith("<b>4 place fact(s)</b> · 2021-11-01<br>e.g. place: ")
    assert (
        "&lt;i&gt;A1&lt;/i&gt;" in hover and "&lt;script&gt;" in hover and "<script>" not in hover
    )
    assert figure["layout"]["xaxis"]["title"]["text"] == "Date the fact is about"


@pytest.mark.parametrize(
    ("sentence", "lines"),
    [
        ("short", ["short"]),
        ("a <b> & 'c'", ["a &lt;b&gt; &amp; &#x27;c&#x27;"]),
        ("word " * 20, ["word " * 13 + "word", "word " * 5 + "word"]),
        ("W" * 150, ["W" * 70, "W" * 70, "W" * 10]),
    ],
)
def test_hover_sentences_are_wrapped_and_escaped(sentence, lines):
    assert hover_sentences(pd.Series([sentence])).iloc[0] == "<br>".join(
        line.rstrip() for line in lines
    )


def test_long_hover_sentences_are_cut():
    (hover,) = hover_sentences(pd.Series(["word " * 200])).tolist()
    lines = hover.split("<br>")
    assert hover.endswith("word\u00a0…") and len(hover.replace("<br>", " ")) < 300
    assert all(len(line) <= 70 for line in lines)


def test_point_symbols_are_plotlys_circle_and_open_circle():
    figure = build_timeline(_points()).to_dict()
    symbols = {s for t in figure["data"] for s in t["marker"]["symbol"]}
    assert symbols == {0, 100}  # the "Read more" headline's facts are open circles
    points = _points()
    points.loc[points["kind"] == "event", "planned"] = True  # dates after the article's: plans
    figure = build_timeline(points).to_dict()
    events = next(t for t in figure["data"] if t["name"] == "event")
    assert set(events["marker"]["symbol"]) == {102}  # open diamonds


def _validated_equal(figure: go.Figure) -> None:
    """A chart built from dicts without validation is what plotly validates it to, property for property."""
    validated = go.Figure(figure.to_dict())  # raises on any property plotly does not know
    assert json.loads(validated.to_json()) == json.loads(figure.to_json())


def test_timeline_charts_built_unvalidated_are_valid():
    tables = {t: getattr(make_corpus(), t) for t in TABLES}
    _validated_equal(build_timeline(_points()))
    _validated_equal(build_timeline_bins(with_text(bin_points(dated_facts(tables), at_most=3), tables, {})))
    empty = build_timeline(_points().iloc[0:0])
    _validated_equal(empty)
    assert empty.layout.title.text and not empty.data
