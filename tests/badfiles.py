"""A catalogue of hostile article files (and three good ones), written into a folder at test time.

Nothing here is committed as a file: the 50 MB article, the PNG header and the cp1252
bytes are all produced by `build_catalogue(folder)`. `catalogue()` gives the same
entries without writing anything, so tests can be parametrised over them.

    entries = build_catalogue(tmp_path)
    [e.name for e in entries if e.outcome == ERROR]  # ['binary_png.txt', 'empty.txt', ...]
"""

from __future__ import annotations

import html
import json
import re
from dataclasses import dataclass, field
from pathlib import Path

ARTICLES = Path(__file__).resolve().parent / "articles"
MB = 1024 * 1024
BIG_BYTES = 50 * MB

GOOD = "good"  # loaded, no problem reported
WARNING = "warning"  # loaded, with one problem row (and one stderr line) per reason
ERROR = "error"  # not loaded: one problem row (and one stderr line) saying why
# A repeat of an article already read: reported and skipped by the command and the loader.
DUPLICATE = "duplicate"

PNG_HEADER = (
    b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x01\x00\x00\x00\x01\x00\x08\x06\x00\x00\x00"
)
_NOT_UTF8 = r"not valid UTF-8 \(byte \d+\); decoded as cp1252"


@dataclass(frozen=True)
class Entry:
    """One file of the catalogue and what should become of it.

    `reasons` holds one pattern (a regular expression, case ignored) per stderr line of
    `python -m lib.extract` and per row of the loader's `problems`; a duplicate's reason
    is the loader's only. `text` is what a usable file decodes to and `twin_sidecar` the
    sidecar a clean copy would carry: written as UTF-8 in a folder of their own, they give
    the facts this file must give ("nothing lost").
    """

    name: str
    outcome: str
    reasons: tuple[str, ...] = ()
    data: bytes = field(default=b"", repr=False)
    sidecar: bytes | None = field(default=None, repr=False)  # written beside the file
    text: str | None = field(default=None, repr=False)
    twin_sidecar: str | None = field(default=None, repr=False)
    big: bool = False  # written as BIG_BYTES of repeated text instead of `data`

    @property
    def article(self) -> str:
        return self.name.removesuffix(".txt")

    @property
    def loaded(self) -> bool:
        return self.outcome in (GOOD, WARNING)


def source_text(stem: str) -> str:
    """A test article as decoded text (UTF-8, newlines as "\\n")."""
    return (ARTICLES / f"{stem}.txt").read_text(encoding="utf-8-sig").replace("\r\n", "\n")


def source_sidecar(stem: str) -> str | None:
    path = ARTICLES / f"{stem}.meta.json"
    return path.read_text(encoding="utf-8") if path.is_file() else None


def mix_line_endings(text: str) -> bytes:
    """The text with its line breaks written as \\n, \\r and \\r\\n in turn.

    In that order a lone \\r is never followed by \\n, which would read as one \\r\\n break.
    """
    endings = ("\n", "\r", "\r\n")
    lines = text.split("\n")
    out = [line + endings[i % 3] for i, line in enumerate(lines[:-1])]
    return ("".join(out) + lines[-1]).encode("utf-8")


def html_page(text: str) -> str:
    """An article as a whole web page: head, style, scripts, navigation, footer; paragraphs in <p>.

    The style, script and navigation hold numbers, places and a quote that must not become facts.
    """
    paragraphs = [p.strip() for p in re.split(r"\n\s*\n", text) if p.strip()]
    title, body = paragraphs[0], paragraphs[1:]
    ps = "\n".join(f"      <p>{html.escape(p, quote=False)}</p>" for p in body)
    return f"""<!DOCTYPE html>
<html lang="en">
<head>
  <meta charset="utf-8">
  <title>{html.escape(title)} | Example News</title>
  <style>
    body {{ font-family: Georgia, serif; margin: 0 auto; max-width: 720px; }}
    .nav li {{ display: inline; padding: 0 12px; }} /* 999 people died in Calais */
  </style>
  <script>
    window.dataLayer = window.dataLayer || [];
    var stats = {{"deaths": 999, "place": "Dunkirk", "said": "\\"We will win,\\" the minister said"}};
    function track(e) {{ dataLayer.push({{event: e, count: 4242}}); }}
  </script>
  <script async src="https://ads.example.com/tag.js"></script>
</head>
<body>
  <nav class="nav">
    <ul>
      <li><a href="/">Home</a></li>
      <li><a href="/world">World</a></li>
      <li><a href="/dover">Dover</a></li>
      <li><a href="/calais">Calais</a></li>
    </ul>
  </nav>
  <main>
    <article>
      <h1>{html.escape(title)}</h1>
{ps}
    </article>
  </main>
  <footer><p>&copy; 2022 Example News Ltd. All rights reserved.</p></footer>
</body>
</html>
"""


def write_big(path: Path, size: int = BIG_BYTES) -> None:
    """A real-looking text file of `size` bytes, written 1 MB at a time (never held whole)."""
    paragraph = source_text("000_7c27d60d4c13592b").encode("utf-8") + b"\n\n"
    block = (paragraph * (MB // len(paragraph) + 1))[:MB]
    with path.open("wb") as out:
        for _ in range(size // MB):
            out.write(block)
        out.write(block[: size % MB])


def _copied(stem: str) -> Entry:
    meta = source_sidecar(stem)
    return Entry(
        f"{stem}.txt",
        GOOD,
        data=(ARTICLES / f"{stem}.txt").read_bytes(),
        sidecar=meta.encode() if meta else None,
        text=source_text(stem),
        twin_sidecar=meta,
    )


def _utf8(name: str, outcome: str, text: str, *reasons: str, sidecar: str | None = None) -> Entry:
    """An article written as UTF-8; a `sidecar` here is a broken one that the twin goes without."""
    return Entry(
        name,
        outcome,
        reasons,
        data=text.encode(),
        sidecar=sidecar.encode() if sidecar is not None else None,
        text=text,
    )


def catalogue() -> list[Entry]:
    """Every file of the catalogue, sorted by name, without writing anything."""
    sky = source_text("302_sky_live_update")
    cut = sky.index("\n\n", len(sky) // 2)
    aljazeera = source_text("301_aljazeera")
    live = source_text("104_live_blog")
    live_meta = source_sidecar("104_live_blog")
    court = source_text("306_evening_standard_court")
    page = html_page(source_text("204_reuters_wire"))
    entries = [
        # Three good articles, copied as they are (with their sidecar where they have one).
        _copied("101_wire_ap_dateline"),
        _copied("102_tabloid"),
        _copied("103_broadsheet"),
        # Files that cannot be used at all.
        Entry("empty.txt", ERROR, (r"^empty file \(0 bytes\)$",)),
        Entry(
            "whitespace_only.txt",
            ERROR,
            (r"^no text: .*only whitespace$",),
            data=b"  \n\t\r\n \r\n\n   ",
        ),
        Entry("binary_png.txt", ERROR, (r"^binary file",), data=PNG_HEADER + bytes(range(256)) * 8),
        Entry("nul_bytes_many.txt", ERROR, (r"^binary file: contains NUL bytes",), data=sky.encode().replace(b" ", b"\x00")),
        Entry(
            "too_large_50mb.txt",
            ERROR,
            (r"^too large: [\d,]+ bytes, over the 5,242,880-byte limit$",),
            big=True,
        ),
        # Files repaired, each with the warning that says so.
        Entry(
            "nul_bytes.txt",
            WARNING,
            (r"^3 NUL byte\(s\) \(first at byte \d+\) read as spaces$",),
            data=sky[:cut].encode() + b"\x00\x00\x00" + sky[cut:].encode(),
            text=sky[:cut] + "   " + sky[cut:],
        ),
        Entry(
            "utf16.txt",
            WARNING,
            (r"^UTF-16 text; decoded as UTF-16$",),
            data=source_text("305_independent_explainer").encode("utf-16"),
            text=source_text("305_independent_explainer"),
        ),
        # In cp1252, é ’ “ ” are the single bytes E9 92 93 94, none of them valid UTF-8.
        Entry("cp1252.txt", WARNING, (_NOT_UTF8,), data=aljazeera.encode("cp1252"), text=aljazeera),
        Entry("latin1.txt", WARNING, (_NOT_UTF8,), data=sky.encode("latin-1"), text=sky),
        _utf8(
            "html_page.txt",
            WARNING,
            page,
            r"^looks like an HTML page saved as text; tags were ignored$",
        ),
        _utf8(
            "sidecar_not_json.txt",
            WARNING,
            source_text("201_ngo_report"),
            r"^sidecar is not valid JSON \(.+\); ignored$",
            sidecar="{'published': 2022-08-10, title: oops",
        ),
        _utf8(
            "sidecar_bad_date.txt",
            WARNING,
            source_text("202_gov_statement"),
            r"^sidecar published date '25/11/2021' is not YYYY-MM-DD; inferred from the text instead$",
            sidecar=json.dumps({"published": "25/11/2021"}),
        ),
        _utf8(
            "sidecar_future_date.txt",
            WARNING,
            source_text("304_daily_mail"),
            r"^sidecar published date 2999-01-01 is in the future; inferred from the text instead$",
            sidecar=json.dumps({"published": "2999-01-01"}),
        ),
        # Good files in awkward clothes: mixed line endings, a name with spaces and accents.
        Entry(
            "mixed_line_endings.txt",
            GOOD,
            data=mix_line_endings(live),
            sidecar=live_meta.encode() if live_meta else None,
            text=live,
            twin_sidecar=live_meta,
        ),
        _utf8("Réfugiés à Calais 2021.txt", GOOD, source_text("203_translated_french")),
        # The same article twice: the command and the loader keep the first and report the second.
        _utf8("duplicate_1.txt", GOOD, court),
        _utf8(
            "duplicate_2.txt",
            DUPLICATE,
            court,
            r"^same content as 'duplicate_1'; skipped so nothing is counted twice$",
        ),
    ]
    return sorted(entries, key=lambda e: e.name)


def build_catalogue(folder: Path, *, big_bytes: int = BIG_BYTES) -> list[Entry]:
    """Write every catalogue file (and the sidecars) into `folder`; return the entries."""
    folder.mkdir(parents=True, exist_ok=True)
    entries = catalogue()
    for entry in entries:
        if entry.big:
            write_big(folder / entry.name, big_bytes)
        else:
            (folder / entry.name).write_bytes(entry.data)
        if entry.sidecar is not None:
            (folder / f"{entry.article}.meta.json").write_bytes(entry.sidecar)
    return entries
