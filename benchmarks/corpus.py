"""A generated corpus for benchmarks: N articles built from the test articles' paragraphs.

Each generated article keeps a real article's head (title, captions, first paragraphs)
and takes further paragraphs from the others, with numbers nudged, so the extractor
sees real news language at scale and no two articles are identical.

    python -m benchmarks.corpus 5000 /tmp/corpus5000
"""

from __future__ import annotations

import random
import re
import sys
from pathlib import Path

ARTICLES = Path(__file__).resolve().parent.parent / "tests" / "articles"


def _paragraphs(text: str) -> list[str]:
    return [p for p in re.split(r"\n\s*\n", text) if p.strip()]


def generate_texts(n: int, *, seed: int = 0) -> list[tuple[str, str, str | None]]:
    """n (name, text, sidecar JSON or None) triples, deterministic for a seed."""
    rng = random.Random(seed)
    sources = sorted(ARTICLES.glob("*.txt"))
    texts = [p.read_text(encoding="utf-8-sig").replace("\r\n", "\n") for p in sources]
    pool = [para for t in texts for para in _paragraphs(t)[3:]]
    out = []
    for i in range(n):
        k = i % len(texts)
        head = _paragraphs(texts[k])
        body = head[:6] + rng.sample(pool, k=min(len(pool), rng.randint(3, 10)))
        text = "\n\n".join(body)
        text = re.sub(r"\b(\d{2,3})\b(?= (?:people|migrants))", lambda m: str(int(m.group(1)) + rng.randint(0, 9)), text)
        year = rng.choice([2021, 2022, 2023, 2024])
        day = rng.randint(1, 28)
        month = rng.randint(1, 12)
        sidecar = f'{{"published": "{year}-{month:02d}-{day:02d}", "outlet": "Generated {k}"}}' if i % 2 else None
        out.append((f"gen_{i:05d}_{sources[k].stem}", text, sidecar))
    return out


def generate_corpus(n: int, folder: Path, *, seed: int = 0) -> Path:
    """Write n generated articles (and sidecars for half of them) into folder."""
    folder.mkdir(parents=True, exist_ok=True)
    for name, text, sidecar in generate_texts(n, seed=seed):
        (folder / f"{name}.txt").write_text(text, encoding="utf-8")
        if sidecar:
            (folder / f"{name}.meta.json").write_text(sidecar, encoding="utf-8")
    return folder


if __name__ == "__main__":
    generate_corpus(int(sys.argv[1]), Path(sys.argv[2]))
