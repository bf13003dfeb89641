"""The `python -m lib.extract FILE...` command: articles in, JSON Lines of facts out (FACTS.md).

Usage:
    python -m lib.extract seeds/*.txt > facts.jsonl

One `article` line per file, then its facts. A file that cannot be used, or that needed
repair (not UTF-8, a bad sidecar, no date at all), or that repeats an article already
printed, gets one line on stderr naming the file and the reason; the other files are
still printed, and the exit status is 1.
Facts from a "Read more:" headline belong to another article and are left out unless
`--with-read-more` is given (they then carry "section": "read_more").
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Sequence
from pathlib import Path

from lib.extract.pipeline import RepeatedArticles, max_bytes_from_env, process_file
from lib.schema import OWN_SECTIONS


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m lib.extract", description=__doc__.splitlines()[0])
    parser.add_argument("files", nargs="+", type=Path, metavar="FILE", help="article .txt files")
    parser.add_argument(
        "--max-bytes",
        type=int,
        default=None,
        help="size limit per article (default: $ARTICLE_MAX_BYTES or 5 MB)",
    )
    parser.add_argument("--with-read-more", action="store_true", help="also print facts from 'Read more:' headlines")
    args = parser.parse_args(argv)
    limit = args.max_bytes or max_bytes_from_env()

    status = 0
    out = sys.stdout
    repeats = RepeatedArticles()
    for path in args.files:
        result = process_file(path, max_bytes=limit)
        if result.error:
            print(f"{path}: {result.error}", file=sys.stderr)
            status = 1
            continue
        repeat = repeats.repeat_of(result)
        if repeat:
            print(f"{path}: {repeat}", file=sys.stderr)
            status = 1
            continue
        for warning in result.warnings:
            print(f"{path}: {warning}", file=sys.stderr)
            status = 1
        out.write(json.dumps(result.info.to_record(), ensure_ascii=False) + "\n")
        for fact in result.facts:
            if fact.section in OWN_SECTIONS or args.with_read_more:
                out.write(json.dumps(fact.to_record(), ensure_ascii=False) + "\n")
    out.flush()
    return status


if __name__ == "__main__":
    sys.exit(main())
