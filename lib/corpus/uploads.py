"""Articles a reader adds for their session (uploads): what is kept, what is refused and why, and the problems table."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import date

import pandas as pd

from lib.corpus.frames import Corpus
from lib.corpus.links import load_saved_page
from lib.corpus.load import load_upload
from lib.schema import COLUMNS, FACT_TABLES


@dataclass(frozen=True)
class UploadOutcome:
    """The session's uploads after a submission, a message per file, and the files refused (as problem rows)."""

    uploads: dict[str, Corpus]
    messages: list[tuple[str, str]]  # (level, text): level "error" or "success"
    rejected: list[dict[str, str]] = field(default_factory=list)


def add_uploads(
    uploads: Mapping[str, Corpus],
    files: Iterable[tuple[str, bytes]],
    *,
    loaded: Iterable[str],
    published: date | None = None,
) -> UploadOutcome:
    """Load each (name, bytes) as an article for this session, beside `uploads` (article -> corpus).

    Args:
        uploads: the session's earlier uploads; an upload of the same name replaces one.
        files: the files submitted, in order.
        loaded: the articles already loaded from the folder; an upload may not take a name of theirs.
        published: the publication day the reader gave, if any (else inferred from each text).

    A file that cannot be read, or whose name is taken, is refused with a message naming
    it and the reason, and a problem row; the others are still added.
    """
    kept = dict(uploads)
    taken = set(loaded)
    messages: list[tuple[str, str]] = []
    rejected: list[dict[str, str]] = []
    for name, data in files:
        # a page saved from a browser goes through the same main-text reading as a link
        saved_page = name.lower().endswith((".html", ".htm"))
        corpus = (load_saved_page if saved_page else load_upload)(name, data, published=published)
        errors = corpus.problems[corpus.problems["severity"] == "error"]
        if len(errors) or corpus.articles.empty:
            reason = "; ".join(errors["reason"].astype(str)) or "no article could be read from it"
            messages.append(("error", f"Could not use {name}: {reason}"))
            rejected.append(
                {"article": name, "path": f"upload:{name}", "reason": reason, "severity": "error"}
            )
            continue
        article = str(corpus.articles["article"].iloc[0])
        if article in taken and article not in kept:
            messages.append(
                ("error", f"Could not use {name}: an article named {article} is already loaded")
            )
            continue
        kept[article] = corpus
        facts = sum(len(corpus.table(table)) for table in FACT_TABLES)
        messages.append(("success", f"Added {name} for this session: {facts} facts found."))
    if not messages:
        messages.append(("error", "No file chosen: pick a .txt article or a saved .html page first."))
    return UploadOutcome(kept, messages, rejected)


def problem_rows(problems: pd.DataFrame, rejected: Iterable[Mapping[str, str]]) -> pd.DataFrame:
    """The problems table: the corpus's own problems, then the uploads this session refused."""
    refused = pd.DataFrame(list(rejected), columns=list(COLUMNS["problems"]))
    if refused.empty:
        return problems.reset_index(drop=True)
    return pd.concat([problems, refused.astype(problems.dtypes.to_dict())], ignore_index=True)
