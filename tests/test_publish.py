"""Charts readers keep (`lib.show.publish`): text inside the figure, sized for a phone, shared as JSON, exported by the browser."""

from __future__ import annotations

import json

import plotly.graph_objects as go
import pytest

from lib.show.plotly_ready import prepare_plotly
from lib.show.publish import (
    IMAGE_WIDTH_PX,
    LEGEND_ROW_PX,
    SUBTITLE_CHARS,
    TITLE_CHARS,
    chart_config,
    chart_text,
    finish,
    freeze,
    image_options,
    source_lines,
    thaw,
    wrap,
)


def _chart(traces: int = 3) -> go.Figure:
    fig = go.Figure([go.Bar(name=f"series {i}", x=[1, 2], y=[i, i + 1]) for i in range(traces)])
    return finish(
        fig,
        title="Small-boat arrivals per year, and much more said here",
        subtitle="People detected arriving in the UK by small boat. Hatched: provisional, may be revised",
        source="Source: Home Office, Irregular migration to the UK (small boat arrivals); IOM",
        height_px=500,
        legend_title="Counted by",
    )


@pytest.mark.parametrize(
    ("text", "width", "expected"),
    [
        ("short", 36, "short"),
        ("Deaths on the route, by year and by who counted", 20, "Deaths on the route,<br>by year and by who<br>counted"),
        ("kept<br>breaks", 36, "kept<br>breaks"),
        ("Boulogne-sur-Mer stays whole", 10, "Boulogne-sur-Mer<br>stays<br>whole"),
    ],
)
def test_wrap_breaks_between_words_only(text: str, width: int, expected: str) -> None:
    assert wrap(text, width) == expected


def test_a_finished_chart_carries_its_title_units_and_source_and_fits_a_phone() -> None:
    layout = _chart().to_dict()["layout"]
    for line in layout["title"]["text"].split("<br>"):
        assert len(line) <= TITLE_CHARS
    for line in layout["title"]["subtitle"]["text"].split("<br>"):
        assert len(line) <= SUBTITLE_CHARS
    (source,) = [a for a in layout["annotations"] if a.get("name") == "source"]
    assert source["text"].startswith("Source: Home Office") and "<br>IOM" in source["text"]
    assert source["yshift"] == -layout["margin"]["b"] + 4  # at the very bottom, in the margin
    legend = layout["legend"]
    assert legend["orientation"] == "h" and legend["title"]["text"] == "Counted by"
    assert legend["entrywidth"] == 0.5  # short names ("series 1"): two a row on a phone
    # the legend sits above the source line, both inside the bottom margin
    assert 0 < legend["y"] * layout["height"] <= layout["margin"]["b"]
    assert layout["margin"]["t"] >= 24 + 22 * 2 + 17 * 2  # two title and two subtitle lines


def test_more_legend_entries_take_more_room_and_a_kept_slot_changes_nothing_when_filled() -> None:
    assert _chart(5).layout.margin.b > _chart(2).layout.margin.b
    kept = finish(go.Figure([go.Bar(x=[1], y=[1])]), title="t", subtitle="s", source="Source: x",
                  height_px=400, reserve=("Article figures",))  # fmt: skip
    kept.add_trace(go.Scatter(x=[1], y=[1], name="Article figures"))
    assert kept.layout.margin.b == finish(
        go.Figure([go.Bar(x=[1], y=[1]), go.Scatter(x=[1], y=[1])]), title="t", subtitle="s",
        source="Source: x", height_px=400,
    ).layout.margin.b  # fmt: skip


def test_long_legend_names_go_one_a_row_and_take_the_room_they_need() -> None:
    def legend_of(name: str):
        named = go.Figure([go.Bar(name=f"{name} {i}", x=[1], y=[1]) for i in range(4)])
        return finish(named, title="t", subtitle="s", source="Source: x", height_px=500).layout

    short, long = legend_of("series"), legend_of("French anti-smuggling office")
    assert (short.legend.entrywidth, long.legend.entrywidth) == (0.5, 1.0)
    assert long.margin.b - short.margin.b == 2 * LEGEND_ROW_PX  # four rows, not two
    reserved = finish(go.Figure([go.Bar(name="Final", x=[1], y=[1])]), title="t", subtitle="s",
                      source="Source: x", height_px=500, reserve=("Figures in the articles",))  # fmt: skip
    assert reserved.layout.legend.entrywidth == 1.0  # the name still to come counts too


def test_no_colour_is_set_for_the_background_or_the_text() -> None:
    layout = _chart().to_dict()["layout"]
    assert "paper_bgcolor" not in layout and "plot_bgcolor" not in layout
    assert "color" not in layout.get("font", {}) and "color" not in layout["title"].get("font", {})


def test_freeze_and_thaw_give_each_run_its_own_equal_figure() -> None:
    chart = _chart()
    spec = freeze(chart)
    first, second = thaw(spec), thaw(spec)
    assert first is not second
    assert json.loads(first.to_json()) == json.loads(chart.to_json()) == json.loads(second.to_json())
    first.update_layout(title="changed")  # a run's own copy: the shared JSON is untouched
    assert thaw(spec).layout.title.text == chart.layout.title.text


def test_the_text_alternative_is_title_subtitle_and_source() -> None:
    text = chart_text(_chart())
    assert text.startswith("Small-boat arrivals per year") and "<br>" not in text
    assert "Hatched: provisional" in text and text.endswith("(small boat arrivals) IOM")
    assert chart_text(json.loads(freeze(_chart()))) == text  # the same from the shared JSON


def test_image_options_and_config() -> None:
    png = image_options("channel-arrivals-per-year_all", "png", 500)
    assert png == {"format": "png", "filename": "channel-arrivals-per-year_all",
                   "width": IMAGE_WIDTH_PX, "height": 500, "scale": 2}  # fmt: skip
    assert image_options("x", "svg", None)["scale"] == 1 and image_options("x", "svg", None)["height"] == 450
    with pytest.raises(ValueError, match="accepted: png, svg"):
        image_options("x", "jpeg", 500)  # type: ignore[arg-type]
    plain = chart_config("x", "svg", 400)
    assert plain["displayModeBar"] is True and "select2d" in plain["modeBarButtonsToRemove"]
    assert "select2d" not in chart_config("x", "png", 400, selectable=True)["modeBarButtonsToRemove"]


def test_long_sources_wrap_one_source_a_line() -> None:
    assert source_lines("Source: a; b") == "Source: a<br>b"
    assert all(len(line) <= 64 for line in source_lines("Source: " + "word " * 40).split("<br>"))


def test_prepare_plotly_is_once_per_process_and_keeps_plotly_working() -> None:
    from plotly.validator_cache import ValidatorCache

    prepare_plotly()
    wrapped = ValidatorCache.get_validator
    prepare_plotly()
    assert ValidatorCache.get_validator is wrapped and hasattr(wrapped, "__wrapped__")
    bar = go.Bar(x=[1], y=[1], marker={"pattern": {"shape": "/"}})
    assert bar.marker.pattern.shape == "/"
    with pytest.raises(ValueError, match="pattern"):
        go.Scatter(x=[1], y=[1], marker={"pattern": {"shape": "/"}})  # still validated
