"""The official-context charts, tested as data: traces, points, axis titles, markers and colours."""

from __future__ import annotations

import json
from datetime import date

import pandas as pd
import plotly.graph_objects as go
import pytest

from lib.record.reference import load_reference
from lib.schema import COLUMNS
from lib.show.official import (
    ARTICLE_TRACE,
    MARKER_COLUMNS,
    arrivals_by_year_chart,
    article_points,
    chart_markers,
    deaths_by_year_chart,
    marked_figures,
    monthly_arrivals_chart,
    status_label,
)
from lib.show.palette import OKABE_ITO
from lib.show.timeline import build_timeline, timeline_points


@pytest.fixture(scope="module")
def reference():
    return load_reference(today=date(2026, 11, 30))


def _figures(*rows: dict) -> pd.DataFrame:
    base = {
        "article": "seed", "kind": "figure", "start": 0, "end": 5, "evidence": "more than 25,700",
        "sentence": "s", "sentence_start": 0, "sentence_end": 1, "section": "body", "own": True,
        "fact_date": "2021-11-25", "metric": "crossings", "value": 25700, "qualifier": "more_than",
        "group": None, "period": "2021",
    }  # fmt: skip
    frame = pd.DataFrame.from_records(
        [{**base, **row} for row in rows], columns=list(COLUMNS["figures"])
    )
    frame["fact_date"] = pd.to_datetime(frame["fact_date"]).astype("datetime64[ns]")
    return frame.astype({k: v for k, v in COLUMNS["figures"].items() if k != "fact_date"})


def _traces(fig: go.Figure) -> dict[str, dict]:
    return {t["name"]: t for t in fig.to_dict()["data"]}


def _colours(fig: go.Figure) -> set[str]:
    found = set()
    for trace in fig.to_dict()["data"]:
        for part in ("marker", "line"):
            colour = trace.get(part, {}).get("color")
            if isinstance(colour, str):
                found.add(colour)
    return found


def test_yearly_arrivals_marks_provisional_years(reference):
    fig = arrivals_by_year_chart(reference.arrivals_by_year)
    traces = _traces(fig)
    assert list(traces) == ["Final", "Provisional"]
    final, provisional = traces["Final"], traces["Provisional"]
    assert list(final["x"]) == list(range(2018, 2025))
    assert list(provisional["x"]) == [2025] and list(provisional["y"]) == [41472]
    assert provisional["marker"]["pattern"]["shape"] == "/"
    assert provisional["marker"]["opacity"] < final["marker"]["opacity"]
    assert "provisional" in provisional["text"][0]
    layout = fig.to_dict()["layout"]
    assert layout["xaxis"]["title"]["text"] == "Year"
    assert layout["yaxis"]["title"]["text"] == "People detected arriving"


def test_yearly_arrivals_places_article_figures(reference):
    figures = _figures(
        {}, {"value": 17, "metric": "deaths", "period": "2021"}, {"period": None}, {"group": "men"}
    )
    traces = _traces(arrivals_by_year_chart(reference.arrivals_by_year, figures))
    markers = traces[ARTICLE_TRACE]
    assert markers["mode"] == "markers"
    assert (list(markers["x"]), list(markers["y"])) == ([2021], [25700])
    assert "more than 25,700" in markers["hovertext"][0]


def test_read_more_figures_are_not_placed(reference):
    fig = arrivals_by_year_chart(reference.arrivals_by_year, _figures({"own": False}))
    assert ARTICLE_TRACE not in _traces(fig)


def test_monthly_line(reference):
    fig = monthly_arrivals_chart(
        reference.arrivals_by_month, _figures({"period": "2022-08", "value": 8631})
    )
    traces = _traces(fig)
    line = traces["Home Office, per month (provisional)"]  # the daily series' sums: all provisional
    assert len(line["x"]) == 103 and line["mode"] == "lines+markers"  # 2018-01 to 2026-07
    assert pd.Timestamp(traces[ARTICLE_TRACE]["x"][0]) == pd.Timestamp("2022-08-01")
    assert fig.to_dict()["layout"]["yaxis"]["title"]["text"] == "People detected arriving per month"
    assert fig.to_dict()["layout"]["xaxis"]["title"]["text"] == "Month"


def test_cumulative_monthly_places_year_to_date_figures_on_their_day(reference):
    fig = monthly_arrivals_chart(reference.arrivals_by_month, _figures({}), cumulative=True)
    traces = _traces(fig)
    assert [n for n in traces if n != ARTICLE_TRACE] == [
        f"{year} (provisional)" for year in range(2018, 2027)
    ]
    assert list(traces["2021 (provisional)"]["y"])[-1] == 28526
    assert list(traces["2021 (provisional)"]["y"])[9:11] == [19785, 26756]
    assert "(%{customdata[0]})" in traces["2021 (provisional)"]["hovertemplate"]
    marker = traces[ARTICLE_TRACE]
    assert pd.Timestamp(marker["x"][0]) == pd.Timestamp("2021-11-25") and list(marker["y"]) == [
        25700
    ]
    assert "cumulative" in fig.to_dict()["layout"]["yaxis"]["title"]["text"]


def test_deaths_grouped_by_counting_body(reference):
    deaths = reference.deaths_by_year
    fig = deaths_by_year_chart(
        deaths, _figures({"metric": "deaths", "value": 34, "period": "2021", "qualifier": "exact"})
    )
    layout = fig.to_dict()["layout"]
    traces = _traces(fig)
    bodies = [n for n in traces if n != ARTICLE_TRACE]
    assert sorted(bodies) == sorted(deaths["body"].unique())
    assert layout["barmode"] == "group"
    assert "minimums" in layout["title"]["subtitle"]["text"]
    assert layout["legend"]["title"]["text"] == "Counted by"
    assert layout["yaxis"]["title"]["text"] == "Deaths (minimum counts)"
    home_office = traces["UK Home Office"]
    assert list(home_office["x"]) == [2020, 2021, 2022, 2023, 2024]
    assert list(home_office["marker"]["pattern"]["shape"]) == [
        "",
        "",
        "",
        "",
        "x",
    ]  # 2024 is a partial year
    assert (list(traces[ARTICLE_TRACE]["x"]), list(traces[ARTICLE_TRACE]["y"])) == ([2021], [34])


def test_every_colour_is_okabe_ito(reference):
    palette = set(OKABE_ITO.values())
    charts = [
        arrivals_by_year_chart(reference.arrivals_by_year, _figures({})),
        monthly_arrivals_chart(reference.arrivals_by_month),
        monthly_arrivals_chart(reference.arrivals_by_month, cumulative=True),
        deaths_by_year_chart(reference.deaths_by_year),
    ]
    for fig in charts:
        assert _colours(fig) <= palette
        fig.to_json()  # serialisable as it is


def test_no_figures_means_no_marker_trace(reference):
    empty = _figures({}).iloc[0:0]
    for fig in (
        arrivals_by_year_chart(reference.arrivals_by_year, empty),
        deaths_by_year_chart(reference.deaths_by_year, None),
    ):
        assert ARTICLE_TRACE not in _traces(fig)


def test_marker_hover_is_escaped_and_the_markers_read_back(reference):
    figures = _figures({"evidence": "<b>more</b> than 25,700", "article": "a<1>"})
    fig = arrivals_by_year_chart(reference.arrivals_by_year, figures)
    hover = _traces(fig)[ARTICLE_TRACE]["hovertext"][0]
    assert "<b>more" not in hover and "&lt;b&gt;more&lt;/b&gt;" in hover and "a&lt;1&gt;" in hover
    markers = chart_markers(fig)
    assert tuple(markers.columns) == MARKER_COLUMNS
    assert markers.to_dict("records") == [
        {"article": "a<1>", "figure": "more than 25,700 crossings, 2021",
         "evidence": "<b>more</b> than 25,700", "x": 2021, "y": 25700, "reports": 1}
    ]  # fmt: skip
    assert chart_markers(deaths_by_year_chart(reference.deaths_by_year, figures)).empty


def test_figures_alike_share_one_marker(reference):
    figures = _figures(
        {"article": "a1"}, {"article": "a2"}, {"article": "a3", "value": 28000},
        {"article": "a4", "fact_date": "2021-11-26"},
    )  # fmt: skip
    yearly = chart_markers(arrivals_by_year_chart(reference.arrivals_by_year, figures))
    assert yearly[["article", "y", "reports"]].values.tolist() == [
        ["a1", 25700, 3],
        ["a3", 28000, 1],
    ]
    hover = _traces(arrivals_by_year_chart(reference.arrivals_by_year, figures))[ARTICLE_TRACE]
    assert "and 2 more report(s) of it" in hover["hovertext"][0]
    # on the cumulative chart a figure sits on the day it was reported: a4 has its own marker
    cumulative = monthly_arrivals_chart(reference.arrivals_by_month, figures, cumulative=True)
    by_day = chart_markers(cumulative)
    assert by_day[["article", "reports"]].values.tolist() == [["a1", 2], ["a3", 1], ["a4", 1]]
    assert [pd.Timestamp(x).date().isoformat() for x in by_day["x"]] == [
        "2021-11-25", "2021-11-25", "2021-11-26",
    ]  # fmt: skip


def test_a_chart_with_figures_is_the_chart_and_their_trace(reference):
    figures = _figures({}, {"period": "2022-08", "value": 8631},
                       {"metric": "deaths", "value": 34, "period": "2021", "qualifier": "exact"})  # fmt: skip
    for chart, build in [
        ("yearly", lambda f: arrivals_by_year_chart(reference.arrivals_by_year, f)),
        ("monthly", lambda f: monthly_arrivals_chart(reference.arrivals_by_month, f)),
        ("cumulative", lambda f: monthly_arrivals_chart(reference.arrivals_by_month, f, cumulative=True)),
        ("deaths", lambda f: deaths_by_year_chart(reference.deaths_by_year, f)),
    ]:  # fmt: skip
        copy = go.Figure(build(None))
        copy.add_trace(article_points(figures, chart))
        assert json.loads(copy.to_json()) == json.loads(build(figures).to_json()), chart
    assert article_points(figures.iloc[0:0], "yearly") is None


@pytest.mark.parametrize("chart", ["yearly", "monthly", "cumulative", "deaths"])
def test_marking_picked_rows_is_marking_those_figures(chart):
    figures = _figures(
        {"article": "a1"}, {"article": "a2", "own": False}, {"article": "a3", "value": 28000},
        {"article": "a4", "period": "2022-08", "value": 8631}, {"article": "a5", "group": "men"},
        {"article": "a6", "metric": "deaths", "value": 34, "period": "2021"},
        {"article": "a7", "fact_date": "2021-11-26"},
    )  # fmt: skip
    marked = marked_figures(figures, chart)
    assert set(marked["row"]) <= set(range(len(figures)))
    for rows in ([0, 2, 3, 5, 6], [2, 6], [1, 4], []):
        picked = marked[marked["row"].isin(rows)]
        alone = article_points(figures.iloc[rows], chart)
        from_marked = article_points(None, chart, marked=picked)
        if alone is None:
            assert from_marked is None
        else:
            assert json.loads(from_marked.to_json()) == json.loads(alone.to_json())


def test_figures_reported_on_many_days_are_placed_by_week(reference):
    days = pd.date_range("2021-01-04", periods=600, freq="D")  # 600 days from a Monday
    figures = _figures(*({"article": f"a{i}", "fact_date": day} for i, day in enumerate(days)))
    by_day = chart_markers(
        monthly_arrivals_chart(reference.arrivals_by_month, figures.head(500), cumulative=True)
    )
    assert len(by_day) == 500  # up to 500, each day its own
    by_week = chart_markers(
        monthly_arrivals_chart(reference.arrivals_by_month, figures, cumulative=True)
    )
    # beyond, a marker a week (600 days from a Monday: 85 weeks and 5 days), on its Monday
    assert len(by_week) == 86 and by_week["reports"].tolist() == [7] * 85 + [5]
    assert {pd.Timestamp(x).day_of_week for x in by_week["x"]} == {0}
    hover = _traces(monthly_arrivals_chart(reference.arrivals_by_month, figures, cumulative=True))
    assert "reported in the week of 2021-01-04" in hover[ARTICLE_TRACE]["hovertext"][0]


@pytest.mark.parametrize(
    ("statuses", "words"),
    [
        (["final", "final"], "final"),
        (["provisional"], "provisional"),
        (["provisional", "final"], "final and provisional"),
        ([], "status unknown"),
    ],
)
def test_status_label(statuses, words):
    assert status_label(pd.Series(statuses, dtype="string")) == words


def _timeline() -> go.Figure:
    events = _figures({}).assign(kind="event")  # any table with the provenance columns
    points = timeline_points({"events": events})
    return build_timeline(points)
