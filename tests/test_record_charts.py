"""The record's charts, tested as data: periods chosen by span, points after summing, no-data shading, labels that never overlap on a phone, sources inside the figure."""

from __future__ import annotations

import dataclasses
import json
from datetime import date

import pandas as pd
import plotly.graph_objects as go
import pytest

from lib.record.load import Record, load_record
from lib.record.series import shown_span
from lib.show.palette import OKABE_ITO
from lib.show.publish import freeze, thaw
from lib.show.record import (
    ARTICLE_TRACE,
    INCIDENT_COLOURS,
    NARROW_PX,
    PAST_YEAR_COLOUR,
    article_trace,
    by_year_chart,
    choose_granularity,
    record_timeline,
)
from lib.show.tables import record_summary

TODAY = date(2026, 11, 30)
HOME_OFFICE = "Home Office, small boat arrivals (provisional)"
IOM = "IOM Missing Migrants Project (minimum counts)"
ROW_TWO = ("x2", "y3")  # the incidents row: its axes in the figure


@pytest.fixture(scope="module")
def record() -> Record:
    return load_record(today=TODAY)


@pytest.fixture(scope="module")
def nine_years(record) -> dict:
    return record_timeline(record).to_dict()


def _traces(figure: dict) -> dict[str, dict]:
    return {t["name"]: t for t in figure["data"]}


def _annotations(figure: dict, name: str) -> list[dict]:
    return [a for a in figure["layout"].get("annotations", []) if a.get("name") == name]


def _incident_points(figure: dict) -> int:
    return sum(len(t["x"]) for t in figure["data"] if t["name"].endswith("(IOM)"))


def _bar_points(figure: dict) -> int:
    return sum(len(t["x"]) for t in figure["data"] if t["type"] == "bar")


@pytest.mark.parametrize(
    ("first", "last", "period"),
    [
        ("2024-06-01", "2024-06-30", "day"),
        ("2024-06-01", "2024-09-28", "day"),  # 120 days
        ("2024-06-01", "2024-09-29", "week"),  # 121 days
        ("2022-01-01", "2024-12-31", "week"),  # three years
        ("2021-01-01", "2024-12-31", "month"),  # four
        ("2018-01-01", "2026-08-20", "month"),
    ],
)
def test_granularity_follows_the_span(first, last, period):
    assert choose_granularity(first, last) == period


def test_nine_years_are_sent_as_months_not_days(nine_years):
    layout = nine_years["layout"]
    assert layout["meta"]["granularity"] == "month"
    # 2018-01 to 2026-08: 8 years of 12 months and 8 months of 2026, the last one partial
    assert _bar_points(nine_years) == 8 * 12 + 8
    traces = _traces(nine_years)
    assert len(traces["People (partial)"]["x"]) == 1
    # the README's incidents per year, 2018 to 2026: 11 + 11 + 7 + 16 + 13 + 14 + 37 + 28 + 5
    assert _incident_points(nine_years) == 142
    assert layout["yaxis"]["title"]["text"] == "People per month"
    assert "Monthly totals" in layout["title"]["subtitle"]["text"]


def test_traces_and_axis_titles(nine_years):
    traces = _traces(nine_years)
    assert list(traces) == [
        "People", "People (partial)", "At sea (IOM)", "Vehicle (IOM)", "Other (IOM)",
    ]  # fmt: skip
    layout = nine_years["layout"]
    assert layout["yaxis3"]["title"]["text"] == "Dead and missing per incident"
    assert layout["xaxis2"]["title"]["text"] == "Date"
    assert layout["xaxis"]["type"] == "date"
    assert all((t.get("xaxis"), t.get("yaxis")) == ROW_TWO for n, t in traces.items() if "IOM" in n)


def test_bars_add_up_to_the_window(record):
    figure = record_timeline(record, "2026-01-01", "2026-08-20", boats=True).to_dict()
    bars = [t for t in figure["data"] if t["type"] == "bar"]
    assert sum(sum(t["y"]) for t in bars) == 15897  # the README: 2026 to 20 Aug
    boats = _traces(figure)["Boats"]
    assert sum(boats["y"]) == 234 and boats["yaxis"] == "y2"
    assert figure["layout"]["yaxis2"]["title"]["text"] == "Boats per week"


@pytest.mark.parametrize(
    ("first", "last", "by", "bars"),
    [
        ("2024-06-01", "2024-06-30", "auto", 30),
        ("2024-01-01", "2024-12-31", "week", 53),  # 1 Jan 2024 a Monday: 52 weeks and 30-31 Dec
        ("2024-01-01", "2024-12-31", "month", 12),
        ("2022-09-03", "2022-09-03", "auto", 1),
    ],
)
def test_point_counts_per_period(record, first, last, by, bars):
    figure = record_timeline(record, first, last, by=by).to_dict()
    assert _bar_points(figure) == bars


def test_a_day_view_draws_each_day(record):
    figure = record_timeline(record, "2022-09-01", "2022-09-05").to_dict()
    people = _traces(figure)["People"]
    assert people["y"][2] == 1305  # 3 Sep 2022
    assert "1,305 people in 27 boats" in people["hovertext"][2]


def test_no_data_is_shaded_not_drawn_as_zero(record):
    figure = record_timeline(record, "2017-06-01", "2026-12-31").to_dict()
    shapes = figure["layout"]["shapes"]
    spans = [
        (
            pd.Timestamp(s["x0"]).date().isoformat(),
            pd.Timestamp(s["x1"]).date().isoformat(),
            s["yref"],
        )
        for s in shapes
    ]
    assert ("2017-06-01", "2018-01-01", "y domain") in spans  # before the Home Office series
    assert ("2026-08-21", "2027-01-01", "y domain") in spans  # after its last day
    assert ("2026-05-07", "2027-01-01", "y3 domain") in spans  # after IOM's data was taken
    words = {a["text"] for a in figure["layout"]["annotations"]}
    assert {"no arrivals data", "no IOM data"} <= words
    # the months outside the series have no bar at all
    xs = [pd.Timestamp(x) for t in figure["data"] if t["type"] == "bar" for x in t["x"]]
    assert min(xs) >= pd.Timestamp("2018-01-01") and max(xs) <= pd.Timestamp("2026-08-21")


def test_the_source_line_is_inside_the_figure(nine_years, record):
    (source,) = _annotations(nine_years, "source")
    text = source["text"].replace("<br>", " ")
    assert HOME_OFFICE in text and IOM in text and source["xref"] == "paper"
    (alone,) = _annotations(record_timeline(record, incidents=False).to_dict(), "source")
    assert HOME_OFFICE in alone["text"].replace("<br>", " ") and "IOM" not in alone["text"]


def test_the_deadliest_incidents_are_labelled(nine_years):
    labels = _annotations(nine_years, "deadliest")
    assert 1 <= len(labels) <= 5
    texts = " ".join(a["text"] for a in labels)
    assert "39 · 23 Oct 2019" in texts  # the lorry in Grays, Essex
    assert "Calais<br>27 · 24 Nov 2021" in texts
    assert all((a["xref"], a["yref"]) == ROW_TWO for a in labels)


@pytest.mark.parametrize(
    ("first", "last", "boats"),
    [
        ("2018-01-01", "2026-08-20", False),
        ("2018-01-01", "2026-08-20", True),
        ("2024-01-01", "2024-12-31", True),
        ("2024-06-01", "2024-10-31", False),
        ("2021-11-01", "2021-12-31", False),
    ],
)
def test_labels_never_overlap_on_a_phone(record, first, last, boats):
    figure = record_timeline(record, first, last, boats=boats).to_dict()
    layout = figure["layout"]
    plot_px = NARROW_PX - layout["margin"]["l"] - layout["margin"]["r"]
    start, end = pd.Timestamp(first), pd.Timestamp(last) + pd.Timedelta(days=1)
    boxes = []
    for a in _annotations(figure, "deadliest"):
        centre = (pd.Timestamp(a["ax"]) - start) / (end - start) * plot_px
        half = max(len(line) for line in a["text"].split("<br>")) * 5.8 / 2  # 10 px text
        assert centre - half >= -1 and centre + half <= plot_px + 1, a["text"]  # inside the plot
        boxes.append((a["ay"], centre - half, centre + half, a["text"]))
    for i, (level, lo, hi, text) in enumerate(boxes):
        for other_level, other_lo, other_hi, other in boxes[i + 1 :]:
            if level == other_level:
                assert hi <= other_lo or other_hi <= lo, (text, other)


def test_kinds_filter_the_incidents(record):
    figure = record_timeline(record, "2024-01-01", "2024-12-31", kinds=["at sea"]).to_dict()
    traces = _traces(figure)
    assert len(traces["Vehicle (IOM)"]["x"]) == 0 and len(traces["Other (IOM)"]["x"]) == 0
    assert len(traces["At sea (IOM)"]["x"]) > 0


def test_circle_area_follows_the_toll(nine_years):
    sea = _traces(nine_years)["At sea (IOM)"]
    assert sea["marker"]["sizemode"] == "area"
    assert list(sea["marker"]["size"]) == list(sea["y"])  # area ∝ dead + missing
    assert sea["marker"]["color"] == INCIDENT_COLOURS["at sea"]


def test_incident_hover_is_escaped(record):
    incidents = record.incidents.copy()
    incidents["location"] = incidents["location"].astype(object)
    incidents.loc[incidents["date"] == pd.Timestamp("2021-11-24"), "location"] = (
        "<script>x</script> off Calais"
    )
    hostile = dataclasses.replace(record, incidents=incidents)
    figure = record_timeline(hostile, "2021-11-01", "2021-11-30").to_dict()
    hovers = " ".join(h for t in figure["data"] if "IOM" in t["name"] for h in t["hovertext"])
    assert "<script>" not in hovers and "&lt;script&gt;" in hovers
    assert "27 dead, 0 missing (at sea)" in hovers


def test_article_figures_are_one_marker_trace_added_last(record):
    figures = pd.DataFrame({
        "x": [pd.Timestamp("2022-09-03"), pd.Timestamp("2021-11-11")],
        "y": [1305, 1185],
        "label": ["<b>record</b> day", "record"],
        "hover": ["a &lt;b&gt; 1,305", "1,185"],
    })  # fmt: skip
    figure = record_timeline(record, "2021-01-01", "2022-12-31", article_figures=figures).to_dict()
    last = figure["data"][-1]
    assert last["name"] == ARTICLE_TRACE and last["mode"] == "markers"
    assert list(last["y"]) == [1305, 1185]
    assert list(last["hovertext"]) == ["a &lt;b&gt; 1,305", "1,185"]  # as passed: escaped already
    assert list(last["text"]) == ["&lt;b&gt;record&lt;/b&gt; day", "record"]
    assert [t["name"] for t in figure["data"]].count(ARTICLE_TRACE) == 1
    empty = record_timeline(record, "2021-01-01", "2022-12-31", article_figures=figures.iloc[0:0])
    assert ARTICLE_TRACE not in _traces(empty.to_dict())
    # the chart without them, thawed from its JSON, plus their trace, is the chart with them
    copy = thaw(freeze(empty))
    copy.add_trace(article_trace(figures))
    assert json.loads(copy.to_json()) == json.loads(freeze(record_timeline(
        record, "2021-01-01", "2022-12-31", article_figures=figures
    )))  # fmt: skip


def test_colours_are_okabe_ito(nine_years, record):
    palette = set(OKABE_ITO.values())
    for figure in (nine_years, record_timeline(record, boats=True).to_dict()):
        for trace in figure["data"]:
            for part in ("marker", "line"):
                colour = trace.get(part, {}).get("color")
                if isinstance(colour, str):
                    assert colour in palette, (trace["name"], colour)


def test_a_window_the_wrong_way_round_is_refused(record):
    with pytest.raises(ValueError, match="after last"):
        record_timeline(record, "2024-02-01", "2024-01-01")


def test_timeline_serialises(nine_years, record):
    assert isinstance(record_timeline(record), go.Figure)
    record_timeline(record).to_json()


# --- by year --------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def by_year(record) -> dict:
    return by_year_chart(record).to_dict()


def test_by_year_has_one_line_per_year_ending_at_its_total(by_year):
    traces = {t["hovertemplate"].split("<extra>")[1].split("<")[0]: t for t in by_year["data"]}
    assert sorted(traces) == [str(y) for y in range(2018, 2027)]
    # the yearly sums of the daily series (arrivals_by_year.csv `people_in_daily_series`)
    ends = {year: trace["y"][-1] for year, trace in traces.items()}
    assert ends == {"2018": 299, "2019": 1843, "2020": 8462, "2021": 28526, "2022": 45755,
                    "2023": 29437, "2024": 36816, "2025": 41472, "2026": 15897}  # fmt: skip
    assert traces["2024"]["x"][-1] == 366 and traces["2026"]["x"][-1] == 232  # 20 Aug: day 232
    assert all(t["x"][0] == 1 for t in traces.values())


def test_by_year_highlights_the_year_not_over(by_year):
    lit = [t for t in by_year["data"] if t["line"]["color"] != PAST_YEAR_COLOUR]
    assert [t["name"] for t in lit] == ["2026 (to 20 Aug 2026)"]
    assert lit[0]["line"]["width"] > by_year["data"][0]["line"]["width"]
    assert by_year["data"][-1]["name"].startswith("2026")  # drawn last, on top
    assert by_year["layout"]["meta"]["highlight"] == [2026]


def test_by_year_axes_labels_and_hover(by_year):
    layout = by_year["layout"]
    assert layout["xaxis"]["ticktext"][0] == "Jan" and layout["xaxis"]["tickvals"][0] == 1
    assert layout["xaxis"]["title"]["text"] == "Day of the year"
    assert "cumulative" in layout["yaxis"]["title"]["text"]
    years = _annotations(by_year, "year")
    assert sorted(a["text"].replace("<b>", "").replace("</b>", "") for a in years) == [
        str(y) for y in range(2018, 2027)
    ]
    (source,) = _annotations(by_year, "source")
    assert HOME_OFFICE in source["text"].replace("<br>", " ")
    trace = by_year["data"][0]
    assert (
        "%{customdata[0]}" in trace["hovertemplate"] and "since 1 January" in trace["hovertemplate"]
    )
    assert trace["customdata"][0] == ["1 Jan " + trace["hovertemplate"].split("<extra>")[1][:4]]


def test_by_year_year_labels_do_not_overlap(by_year):
    layout = by_year["layout"]
    plot_px = layout["height"] - layout["margin"]["t"] - layout["margin"]["b"]
    top = layout["yaxis"]["range"][1]
    heights = sorted(
        a["y"] / top * plot_px + a.get("yshift", 0) for a in _annotations(by_year, "year")
    )
    assert all(b - a >= 12 for a, b in zip(heights, heights[1:], strict=False))


def test_by_year_points_are_thinned_unless_asked(record, by_year):
    assert sum(len(t["x"]) for t in by_year["data"]) < 3154 / 6
    every_day = by_year_chart(record, every_days=1).to_dict()
    assert sum(len(t["x"]) for t in every_day["data"]) == 3154


def test_by_year_for_chosen_years(record):
    figure = by_year_chart(record, years=[2021, 2022], highlight=[2022]).to_dict()
    assert len(figure["data"]) == 2
    assert (
        figure["data"][-1]["name"] == "2022"
        and figure["data"][-1]["line"]["color"] != PAST_YEAR_COLOUR
    )
    with pytest.raises(ValueError, match="none in the series"):
        by_year_chart(record, years=[2010])


@pytest.mark.parametrize(("first", "last"), [(date(2030, 1, 1), None), (None, date(2017, 12, 31))])
def test_dates_wholly_outside_the_record_show_their_day_as_no_data(record, first, last) -> None:
    day = first or last
    assert shown_span(record, first, last) == (pd.Timestamp(day), pd.Timestamp(day))
    figure = record_timeline(record, first, last)
    assert [t.name for t in figure.data if t.type == "bar" and len(t.y) and sum(t.y)] == []
    assert "no arrivals data" in json.dumps(figure.to_plotly_json(), default=str)
    summary = record_summary(record, first, last)
    assert "has no data for" in summary.arrivals_text and "2026" in summary.arrivals_text
