"""The extractor: article text -> facts with provenance (FACTS.md), and the `python -m lib.extract` command.

Standard library only (tests/test_architecture.py holds it to that), so the command
runs anywhere Python does. The steps, in the order `pipeline.EXTRACTORS` runs them:

- `text`: decoding, page furniture, sections and sentences with exact offsets;
- `dates`: the reference date and every date the article refers to; `undated` pins the
  reference date of an article that prints none (with the Home Office daily series);
- `figures`: counts of people, with metric, qualifier and group; `dating` gives each its
  period with `periods` (the span of time a count is about; a look-back is dated by the IOM
  incidents);
- `series`: the two files of data/reference/ the extractor reads;
- `tables` (within `figures`): counts in tables and "2018: 299" lists;
- `places`: place names resolved through `gazetteer` (data/gazetteer.csv);
- `quotes`: quoted words and who said them (a package of its own steps);
- `claims`: comparisons and milestones;
- `patterns`, `resources`: the regex helpers and the word lists they all share.
"""

from __future__ import annotations

from pathlib import Path

_PACKAGE = Path(__file__).resolve().parent
_SCHEMA = _PACKAGE.parent / "schema.py"


def extractor_files() -> list[Path]:
    """The files whose content decides what the extractor outputs: its code, `lib/schema.py` and the data it reads."""
    from lib.extract.gazetteer import DEFAULT_PATH  # the gazetteer says where its data lives
    from lib.extract.series import DATA_FILES  # so does the official record it dates articles with

    code = sorted(_PACKAGE.rglob("*.py"))
    return [*code, _SCHEMA, DEFAULT_PATH, *DATA_FILES]
