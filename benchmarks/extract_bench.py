"""Extraction speed and memory: articles per second, single process, on 500 and 5,000 generated articles.

    python -m benchmarks.extract_bench            # 500 and 5,000
    python -m benchmarks.extract_bench 500 2000   # other sizes

Prints, per size: articles/s and KB/s for the extractor alone (bytes -> facts), the
loader without cache (files -> DataFrames), the loader with a warm cache, the peak
Python memory (tracemalloc) of the extractor run, and the time ratio between sizes
(linear growth means the ratio of times equals the ratio of sizes).
"""

from __future__ import annotations

import gc
import resource
import sys
import tempfile
import time
import tracemalloc
from pathlib import Path

from benchmarks.corpus import generate_corpus, generate_texts
from lib.corpus.load import load_corpus
from lib.extract.pipeline import process_bytes


def bench_extractor(n: int) -> tuple[float, float, float, int]:
    items = [(name, text.encode(), sidecar.encode() if sidecar else None) for name, text, sidecar in generate_texts(n)]
    total_bytes = sum(len(b) for _, b, _ in items)
    gc.collect()
    process_bytes(items[0][1], article="warm-up")  # compile the patterns and load the gazetteer first
    start, cpu = time.perf_counter(), time.process_time()
    facts = 0
    for name, data, sidecar in items:
        facts += len(process_bytes(data, article=name, sidecar=sidecar).facts)
    seconds = time.perf_counter() - start
    cpu = time.process_time() - cpu
    tracemalloc.start()
    for name, data, sidecar in items[: min(n, 500)]:
        process_bytes(data, article=name, sidecar=sidecar)
    peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    return seconds, cpu, total_bytes / 1024 / seconds, peak / 1024 / 1024, facts


def bench_loader(n: int) -> tuple[float, float]:
    with tempfile.TemporaryDirectory() as tmp:
        folder = generate_corpus(n, Path(tmp) / "articles")
        cache = Path(tmp) / "cache"
        start = time.perf_counter()
        load_corpus(folder, cache_dir=None)
        cold = time.perf_counter() - start
        load_corpus(folder, cache_dir=cache)
        start = time.perf_counter()
        load_corpus(folder, cache_dir=cache)
        warm = time.perf_counter() - start
    return cold, warm


def main(sizes: list[int]) -> None:
    print(f"{'articles':>9} {'extract s':>10} {'art/s':>8} {'art/CPU-s':>10} {'KB/s':>8} {'facts':>8} "
          f"{'peak MB*':>9} {'load s':>8} {'load art/s':>10} {'cached s':>9}")  # fmt: skip
    times = {}
    for n in sizes:
        seconds, cpu, kbs, peak, facts = bench_extractor(n)
        cold, warm = bench_loader(n)
        times[n] = seconds
        print(f"{n:>9} {seconds:>10.2f} {n / seconds:>8.0f} {n / cpu:>10.0f} {kbs:>8.0f} {facts:>8} {peak:>9.1f} "
              f"{cold:>8.2f} {n / cold:>10.0f} {warm:>9.2f}")  # fmt: skip
    print("art/s: wall clock; art/CPU-s: per second of this process's CPU time (steadier on a busy machine)")
    print("* peak Python allocation while extracting (tracemalloc), at most 500 articles kept alive at once")
    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"peak resident memory of the whole benchmark process: {rss:.0f} MB")
    if len(sizes) > 1:
        a, b = sizes[0], sizes[-1]
        print(f"growth: {b / a:.1f}x the articles took {times[b] / times[a]:.2f}x the time (1.0 per 1.0 is linear)")


if __name__ == "__main__":
    main([int(a) for a in sys.argv[1:]] or [500, 5000])
