"""The reference figures in data/reference/: the real files load, and every kind of bad row is refused clearly."""

from __future__ import annotations

import shutil
from datetime import date
from pathlib import Path

import pytest
from conftest import rewrite_csv, set_cell

from lib.record.reference import DEFAULT_FOLDER, ReferenceError, counting_body, load_reference

TODAY = date(2026, 11, 30)


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    """A copy of the real reference folder, to spoil one file at a time."""
    target = tmp_path / "reference"
    shutil.copytree(DEFAULT_FOLDER, target)
    return target





def _append(**cells: str):
    def edit(rows: list[list[str]]) -> list[list[str]]:
        template = dict(zip(rows[0], rows[1], strict=True))
        template.update(cells)
        return [*rows, [template[c] for c in rows[0]]]

    return edit


def _drop_column(column: str):
    def edit(rows: list[list[str]]) -> list[list[str]]:
        i = rows[0].index(column)
        return [row[:i] + row[i + 1 :] for row in rows]

    return edit


# --- the real files ----------------------------------------------------------------------


def test_real_files_load_with_types():
    reference = load_reference(today=TODAY)
    years = reference.arrivals_by_year.set_index("year")
    assert years.loc[2020, "people"] == 8466
    assert years.loc[2021, "people"] == 28526
    assert years.loc[2025, "status"] == "provisional"
    assert str(reference.arrivals_by_year["people"].dtype) == "int64"
    assert str(reference.deaths_by_year["missing"].dtype) == "Int64"
    assert str(reference.arrivals_by_month["month_start"].dtype) == "datetime64[ns]"


def test_monthly_2021_sums_to_the_published_total():
    months = load_reference(today=TODAY).arrivals_by_month
    assert months.loc[months["year"] == 2021, "people"].sum() == 28526
    # the 2022 daily series sums 19 short of the published 45,774 (see the README)
    assert months.loc[months["year"] == 2022, "people"].sum() == 45755


def test_every_row_keeps_its_source():
    reference = load_reference(today=TODAY)
    for table in (
        reference.arrivals_by_year,
        reference.arrivals_by_month,
        reference.deaths_by_year,
        reference.sinking_reports,
    ):
        assert table["source_url"].str.match(r"https?://").all()


def test_deaths_keep_one_row_per_counting_body():
    deaths = load_reference(today=TODAY).deaths_by_year
    bodies_2021 = set(deaths.loc[deaths["year"] == 2021, "body"])
    assert {"UK Home Office", "French maritime prefecture"} <= bodies_2021
    partial = deaths[deaths["partial"]]
    assert list(zip(partial["year"], partial["body"], strict=True)) == [(2024, "UK Home Office")]


def test_sinking_reports_keep_the_revision_in_order():
    reports = load_reference(today=TODAY).sinking_reports
    assert reports["dead"].tolist()[:2] == [31, 27]
    assert (reports["dead"].iloc[-1], reports["missing"].iloc[-1]) == (27, 4)


@pytest.mark.parametrize(
    ("source_org", "body"),
    [
        ("IOM Missing Migrants Project (via Mer et Marine)", "IOM Missing Migrants Project"),
        (
            "Prefecture maritime Manche et mer du Nord (via franceinfo)",
            "French maritime prefecture",
        ),
        ("UK Home Office (written parliamentary answer)", "UK Home Office"),
        ("Charities (via The Mirror)", "Charities"),
        ("Utopia 56 (NGO)", "Utopia 56 (NGO)"),
    ],
)
def test_counting_body(source_org, body):
    assert counting_body(source_org) == body


def test_the_repository_data_does_not_point_at_shared():
    for path in DEFAULT_FOLDER.iterdir():
        assert "../shared" not in path.read_text(encoding="utf-8")


# --- bad rows: file, line, column, found, accepted ---------------------------------------------


@pytest.mark.parametrize(
    ("name", "edit", "expected"),
    [
        pytest.param(
            "arrivals_by_year.csv", set_cell("people", "2020", "8466x"),
            ["arrivals_by_year.csv", "line 4", "'people'", "'8466x'", "non-negative whole number"], id="bad-type",
        ),
        pytest.param(
            "arrivals_by_year.csv", _append(year="2021"),
            ["arrivals_by_year.csv", "line 10", "'year'", "2021", "first on line 5", "one row per year"], id="duplicate-key",
        ),
        pytest.param(
            "deaths_by_year.csv", _append(),
            ["deaths_by_year.csv", "line 21", "'year', 'source_org'", "first on line 2"], id="duplicate-compound-key",
        ),
        pytest.param(
            "arrivals_by_year.csv", _append(year="2017"),
            ["line 10", "'year'", "'2017'", "a year from 2018 to 2026"], id="year-before-2018",
        ),
        pytest.param(
            "deaths_by_year.csv", set_cell("year", "2020", "2031"),
            ["deaths_by_year.csv", "line 3", "'2031'", "2018 to 2026"], id="year-in-the-future",
        ),
        pytest.param(
            "arrivals_by_year.csv", set_cell("status", "2025", "estimated"),
            ["line 9", "'status'", "'estimated'", "final or provisional"], id="bad-status",
        ),
        pytest.param(
            "deaths_by_year.csv", set_cell("dead", "2019", "-3"),
            ["deaths_by_year.csv", "line 2", "'dead'", "'-3'", "non-negative"], id="negative-count",
        ),
        pytest.param(
            "sinking_2021_11_24_reports.csv", set_cell("missing", "2023-11", "-4"),
            ["sinking_2021_11_24_reports.csv", "line 6", "'missing'", "'-4'"], id="negative-optional-count",
        ),
        pytest.param(
            "arrivals_by_month.csv", set_cell("month", "2021-05", "2021-13"),
            ["arrivals_by_month.csv", "line 42", "'month'", "'2021-13'", "YYYY-MM"], id="bad-month",
        ),
        pytest.param(
            "arrivals_by_month.csv", _drop_column("status"),
            ["arrivals_by_month.csv", "line 1", "missing ['status']", "accepted"], id="missing-column",
        ),
        pytest.param(
            "arrivals_by_year.csv", set_cell("source_url", "2019", ""),
            ["line 3", "'source_url'", "every row keeps its source"], id="no-source",
        ),
        pytest.param(
            "deaths_by_year.csv", set_cell("confidence", "2019", "sure"),
            ["line 2", "'confidence'", "'sure'", "low, medium"], id="bad-confidence",
        ),
        pytest.param(
            "deaths_by_year.csv", set_cell("as_of", "2019", "2024-02-30"),
            ["line 2", "'as_of'", "'2024-02-30'", "YYYY-MM-DD"], id="impossible-date",
        ),
        pytest.param(
            "arrivals_by_year.csv", lambda rows: [*rows[:3], rows[3][:4], *rows[4:]],
            ["line 4", "found 4 fields", "accepted: 6"], id="short-row",
        ),
    ],
)  # fmt: skip
def test_bad_row_is_refused_with_file_line_column_found_accepted(folder, name, edit, expected):
    rewrite_csv(folder / name, edit)
    with pytest.raises(ReferenceError) as error:
        load_reference(folder, today=TODAY)
    for words in expected:
        assert words in str(error.value)


def test_missing_file(folder):
    (folder / "deaths_by_year.csv").unlink()
    with pytest.raises(ReferenceError, match="deaths_by_year.csv: file not found"):
        load_reference(folder, today=TODAY)


def test_blank_lines_are_skipped(folder):
    path = folder / "arrivals_by_year.csv"
    path.write_text(path.read_text(encoding="utf-8") + "\n\n", encoding="utf-8")
    assert len(load_reference(folder, today=TODAY).arrivals_by_year) == 8


def test_current_year_bounds_the_range(folder):
    rewrite_csv(folder / "arrivals_by_year.csv", set_cell("year", "2025", "2025"))
    with pytest.raises(ReferenceError, match="a year from 2018 to 2024"):
        load_reference(folder, today=date(2024, 6, 1))
