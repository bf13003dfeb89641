"""A local news site on 127.0.0.1 for the link-fetching tests: pages, errors, slow, huge and redirecting answers.

    site = start_local_site()           # or the `local_site` fixture made by local_site_fixture()
    site.url("/news/channel-crossing.html")  # 'http://127.0.0.1:PORT/news/channel-crossing.html'
    site.add_page("/mine.html", "<html>...</html>")
    site.stop()

Every page is written here in Python; big bodies are generated in chunks while they are
sent, so the 20 MB pages never sit in memory. The server only ever listens on loopback.
"""

from __future__ import annotations

import contextlib
import gzip
import ssl
import threading
import zlib
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Literal

import pytest

HTML = "text/html; charset=utf-8"
CHUNK = 64 * 1024
HUGE_BYTES = 20 * 1024 * 1024
SLOW_SECONDS = 4.0  # longer than the tests' timeout=1, short enough not to stall a run

NEWS_TITLE = "At least 27 people die as migrant boat sinks in the Channel"
FIGURES_SENTENCE = (
    "At least 27 people died on Wednesday when their inflatable boat sank in the Channel "
    "off Calais, in the deadliest crossing since records began."
)
# Text of the page chrome that must never reach the extracted article.
NOISE_MARKERS = (
    "We use cookies",
    "Manage preferences",
    "Related stories",
    "Sign up to our morning newsletter",
    "All rights reserved",
    "Share on Facebook",
    "Weather Puzzles Podcasts",
    "TRACKER-SECRET-4711",
    "alert(1)",
    "Fishermen's festival returns to Boulogne",
)

ARTICLE_PARAGRAPHS = [
    "CALAIS, France — " + FIGURES_SENTENCE,
    "French officials said the dead included <b onmouseover=alert(1)>seventeen men</b>, seven "
    "women, one of them pregnant, and three minors. Two survivors, an Iraqi and a Somali man, "
    "were taken to hospital in Calais suffering from severe hypothermia. A search by French and "
    "British lifeboats, helicopters and a patrol vessel went on through the night.",
    "The alarm was raised shortly after 2pm by a fishing boat that spotted bodies floating in the "
    "water about six nautical miles from the coast. Rescuers said the dinghy, of the kind sold "
    "online for a few hundred euros, had been almost completely deflated when they reached it.",
    '"It was a shock to see so many people in the water," said Charles Devos, a volunteer with '
    'the lifeboat service in Calais. "We pulled out bodies one after the other. Some of them '
    'were children."',
    "Interior Minister Gérald Darmanin said four suspected smugglers had been arrested overnight, "
    "one of them driving a car with German number plates. He said the gangs charged between "
    "3,000 and 7,000 euros for a place in a boat and showed no regard for the lives of the "
    "people they packed on board.",
    '"France will not let the Channel become a cemetery," President Emmanuel Macron said in a '
    "statement, calling for an emergency meeting of European ministers responsible for "
    "migration.",
    "In London, Prime Minister Boris Johnson said he was shocked, appalled and deeply saddened "
    "by the loss of life. He urged France to accept joint patrols on its beaches and said the "
    'disaster showed that the crossings were "dangerous, in many cases lethal".',
    "More than 25,700 people have crossed the Channel in small boats so far this year, three "
    "times the total for the whole of 2020, according to figures compiled from Home Office "
    "data. On a single day earlier this month, 1,185 people reached the English coast.",
    "Aid groups working in the camps around Calais and Dunkirk said the tragedy had been "
    'foreseeable. "Closing the safe routes has pushed people onto ever more dangerous boats," '
    "said a spokesperson for Utopia 56, a charity that distributes food and tents near the "
    "coast. The group counted around 1,500 people living rough around Dunkirk this week.",
    "The regional prosecutor in Lille has opened an investigation into manslaughter and "
    "organised people smuggling. Investigators are trying to establish where the boat was "
    "launched and whether its engine failed before it began to take on water.",
    "Maritime authorities said they had rescued 106 people from other boats in difficulty on "
    "the same day, and that the number of crossings usually falls as the weather turns in "
    "winter. This year, they said, the smugglers had kept sending boats even in rough seas.",
    "The mayor of Calais, Natacha Bouchart, said the town was in mourning and called on the "
    "British government to take its share of responsibility for the people who gather on the "
    "French coast hoping to reach the United Kingdom.",
]


def news_page(
    paragraphs: list[str] | None = None,
    *,
    title: str = NEWS_TITLE,
    published: str = "2021-11-25T09:30:00Z",
    canonical: str = "https://www.example-news.test/world/channel-crossing",
) -> str:
    """A full news page: the article wrapped in the chrome a real site puts around it."""
    body = "\n".join(f"      <p>{p}</p>" for p in (paragraphs or ARTICLE_PARAGRAPHS))
    return f"""<!DOCTYPE html>
<html lang="en">
<head>
  <meta charset="utf-8">
  <title>{title} | Example News</title>
  <meta name="description" content="A dinghy carrying migrants to Britain sank off Calais.">
  <meta name="author" content="Jane Reporter">
  <meta property="og:site_name" content="Example News">
  <meta property="og:title" content="{title}">
  <meta property="og:type" content="article">
  <meta property="article:published_time" content="{published}">
  <link rel="canonical" href="{canonical}">
  <link rel="stylesheet" href="/static/site.css">
  <script>window.analytics = {{id: "TRACKER-SECRET-4711"}}; document.write("TRACKER-SECRET-4711");</script>
</head>
<body>
  <div id="cookie-banner" class="cookie-consent">
    <p>We use cookies to give you the best experience on our site and to show you relevant adverts.</p>
    <button>Accept all cookies</button> <button>Manage preferences</button>
  </div>
  <header class="site-header">
    <a class="logo" href="/">Example News</a>
    <nav class="main-nav">
      <ul>
        <li><a href="/">Home</a></li><li><a href="/world">World</a></li>
        <li><a href="/uk">UK</a></li><li><a href="/business">Business</a></li>
        <li><a href="/weather">Weather Puzzles Podcasts</a></li>
      </ul>
    </nav>
  </header>
  <main>
    <article class="story">
      <h1>{title}</h1>
      <p class="byline">By <a href="/authors/jane">Jane Reporter</a>, in Calais</p>
      <time datetime="{published}">25 November 2021</time>
      <div class="share-buttons">
        <a href="#">Share on Facebook</a> <a href="#">Share on Twitter</a> <a href="#">Copy link</a>
      </div>
{body}
      <aside class="newsletter-box">
        <h3>Sign up to our morning newsletter</h3>
        <p>The stories you need to know, in your inbox every morning.</p>
        <form><input type="email" placeholder="Your email"><button>Sign up</button></form>
      </aside>
    </article>
    <section class="related-stories">
      <h2>Related stories</h2>
      <ul>
        <li><a href="/uk/boulogne-festival">Fishermen's festival returns to Boulogne</a></li>
        <li><a href="/world/ferry-strike">Ferry strike ends after three days</a></li>
        <li><a href="/uk/dover-weather">Storm warning for Dover this weekend</a></li>
      </ul>
    </section>
  </main>
  <footer class="site-footer">
    <p>© 2021 Example News Ltd. All rights reserved.</p>
    <a href="/privacy">Privacy policy</a> <a href="/terms">Terms of use</a>
  </footer>
  <script>console.log("TRACKER-SECRET-4711");</script>
</body>
</html>
"""


NEWS_PAGE = news_page()

PAYWALL_PAGE = """<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>Inside the smugglers' camps | The Daily Example</title>
<meta property="og:site_name" content="The Daily Example"></head>
<body>
<header><nav><a href="/">Home</a> <a href="/news">News</a></nav></header>
<article>
  <h1>Inside the smugglers' camps</h1>
  <p>Our reporter spent a week on the dunes near Dunkirk with the men who sell places in the boats.</p>
  <p>What she found was a business worth millions.</p>
  <div class="paywall"><p>Subscribe to continue reading</p><a href="/subscribe">Subscribe now</a></div>
</article>
<footer>© The Daily Example</footer>
</body></html>
"""

MISMATCH_PARAGRAPHS = [
    "Published 3 September 2024",
    "DOVER — Border Force officers brought 382 people ashore on Tuesday after a day of calm "
    "weather, the highest daily figure recorded so far this year, the Home Office said.",
    "Officials said eight boats were intercepted in the morning alone, carrying an average of "
    "more than forty people each, a number that has grown steadily as smugglers buy larger and "
    "flimsier dinghies to keep their profits up.",
    '"The boats are more crowded than ever and the risks to life are rising," a spokesperson for '
    "the Refugee Council said. The charity called for safe and legal routes so that people would "
    "not have to risk their lives at sea.",
    "French police said they had stopped several other attempts to launch boats from beaches near "
    "Gravelines and Wimereux on Tuesday morning, and that one group had turned back after their "
    "engine failed a few hundred metres from the shore.",
    "The total number of people crossing in small boats this year now stands at more than "
    "21,000, according to government figures, slightly above the number recorded at the same "
    "point last year.",
]
MISMATCH_PAGE = news_page(
    MISMATCH_PARAGRAPHS,
    title="Hundreds cross the Channel on calm Tuesday",
    published="2023-08-12T07:00:00+01:00",
    canonical="https://www.example-news.test/uk/calm-tuesday",
).replace("25 November 2021", "")

PLAIN_TEXT = (
    "\n\n".join([NEWS_TITLE, *ARTICLE_PARAGRAPHS]).replace(
        "<b onmouseover=alert(1)>seventeen men</b>", "seventeen men"
    )
    + "\n"
)


class _Server(ThreadingHTTPServer):
    daemon_threads = True
    block_on_close = False  # stop() must not wait for a handler still sleeping in /slow.html

    def handle_error(self, request: object, client_address: object) -> None:
        # A client that hangs up in the middle of a 20 MB page is what the tests do on purpose.
        return


@dataclass
class Request:
    path: str
    headers: dict[str, str]


Route = Callable[["_Handler"], None]


@dataclass
class LocalSite:
    """A running local site: `url(path)` for links, `add_page`/`add_route` for a test's own pages."""

    server: _Server
    thread: threading.Thread
    routes: dict[str, Route] = field(default_factory=dict)
    requests: list[Request] = field(default_factory=list)
    stopping: threading.Event = field(default_factory=threading.Event)

    @property
    def port(self) -> int:
        return int(self.server.server_address[1])

    scheme: str = "http"

    @property
    def origin(self) -> str:
        return f"{self.scheme}://127.0.0.1:{self.port}"

    def url(self, path: str) -> str:
        return self.origin + path

    def add_route(self, path: str, route: Route) -> str:
        """Serve `path` with a function of the request handler; returns the page's URL."""
        self.routes[path] = route
        return self.url(path)

    def add_page(
        self,
        path: str,
        body: str | bytes,
        *,
        status: int = 200,
        content_type: str | None = HTML,
        headers: dict[str, str] | None = None,
    ) -> str:
        """Serve fixed bytes at `path`; returns the page's URL."""
        data = body.encode("utf-8") if isinstance(body, str) else body
        extra = dict(headers or {})

        def route(handler: _Handler) -> None:
            handler.send_bytes(data, status=status, content_type=content_type, headers=extra)

        return self.add_route(path, route)

    def stop(self) -> None:
        self.stopping.set()
        self.server.shutdown()
        self.server.server_close()
        self.thread.join(timeout=5)


class _Handler(BaseHTTPRequestHandler):
    site: LocalSite  # set on the per-site subclass
    server_version = "LocalNews/1.0"

    def log_message(self, format: str, *args: object) -> None:
        return  # keep pytest output clean

    def do_GET(self) -> None:
        path = self.path.split("?", 1)[0]
        self.site.requests.append(Request(self.path, {k: v for k, v in self.headers.items()}))
        route = self.site.routes.get(path)
        if route is None:
            self.send_bytes(b"<html><body><h1>Not found</h1></body></html>", status=404)
            return
        # The client may stop reading on purpose: the size and time limits make it hang up.
        with contextlib.suppress(BrokenPipeError, ConnectionResetError, ConnectionAbortedError):
            route(self)

    def send_bytes(
        self,
        data: bytes,
        *,
        status: int = 200,
        content_type: str | None = HTML,
        headers: dict[str, str] | None = None,
    ) -> None:
        self.send_response(status)
        if content_type:
            self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(data)))
        for name, value in (headers or {}).items():
            self.send_header(name, value)
        self.end_headers()
        self.wfile.write(data)

    def redirect(self, location: str, status: int = 302) -> None:
        self.send_bytes(b"", status=status, content_type=None, headers={"Location": location})

    def stream(
        self,
        chunks: Iterator[bytes],
        *,
        content_type: str = HTML,
        length: int | None = None,
        headers: dict[str, str] | None = None,
    ) -> None:
        self.send_response(200)
        self.send_header("Content-Type", content_type)
        if length is not None:
            self.send_header("Content-Length", str(length))
        for name, value in (headers or {}).items():
            self.send_header(name, value)
        self.end_headers()
        for chunk in chunks:
            if self.site.stopping.is_set():
                return
            self.wfile.write(chunk)


def huge_chunks(total: int = HUGE_BYTES) -> Iterator[bytes]:
    """`total` bytes of HTML, 64 KB at a time."""
    head = b"<!DOCTYPE html><html><body>"
    yield head
    line = b"<p>" + b"Crossing figures. " * 50 + b"</p>\n"
    block = line * (CHUNK // len(line))
    sent = len(head)
    while sent < total:
        piece = block[: total - sent]
        sent += len(piece)
        yield piece


_bomb: list[bytes] = []


def gzip_bomb() -> bytes:
    """About 20 KB of gzip that inflates to 20 MB of HTML (built once, compressed chunk by chunk)."""
    if not _bomb:
        packer = zlib.compressobj(9, zlib.DEFLATED, 31)
        parts = [packer.compress(chunk) for chunk in huge_chunks()]
        parts.append(packer.flush())
        _bomb.append(b"".join(parts))
    return _bomb[0]


def _slow(handler: _Handler) -> None:
    handler.site.stopping.wait(SLOW_SECONDS)
    handler.send_bytes(NEWS_PAGE.encode())


def _trickle(handler: _Handler) -> None:
    # Each piece arrives well within a per-read timeout; only an overall deadline stops it.
    def pieces() -> Iterator[bytes]:
        yield b"<!DOCTYPE html><html><body>"
        for _ in range(40):
            if handler.site.stopping.wait(0.2):
                return
            yield b"<p>still coming</p>\n"

    handler.stream(pieces())


def _slow_headers(handler: _Handler) -> None:
    # A slowloris answer: the headers themselves never end, one byte at a time.
    handler.wfile.write(b"HTTP/1.0 200 OK\r\nContent-Type: text/html\r\nX-Padding: ")
    for _ in range(int(SLOW_SECONDS / 0.2)):
        if handler.site.stopping.wait(0.2):
            return
        handler.wfile.write(b"x")


def _huge_with_length(handler: _Handler) -> None:
    handler.stream(huge_chunks(), length=HUGE_BYTES)


def _huge_without_length(handler: _Handler) -> None:
    handler.stream(huge_chunks())  # HTTP/1.0: the body ends when the connection closes


def _gzip_news(handler: _Handler) -> None:
    handler.send_bytes(gzip.compress(NEWS_PAGE.encode()), headers={"Content-Encoding": "gzip"})


def _gzip_bomb(handler: _Handler) -> None:
    handler.send_bytes(gzip_bomb(), headers={"Content-Encoding": "gzip"})


def _redirect_to(location: str, status: int = 302) -> Route:
    def route(handler: _Handler) -> None:
        target = location.replace("{origin}", handler.site.origin)
        handler.redirect(target, status)

    return route


def _install_pages(site: LocalSite) -> None:
    site.add_page("/news/channel-crossing.html", NEWS_PAGE)
    site.add_page("/paywall.html", PAYWALL_PAGE)
    site.add_page("/missing", b"<html><body>Gone</body></html>", status=404)
    site.add_page("/error", b"<html><body>Internal error</body></html>", status=500)
    site.add_page("/forbidden", b"<html><body>Forbidden</body></html>", status=403)
    site.add_route("/slow.html", _slow)
    site.add_route("/trickle.html", _trickle)
    site.add_route("/slow-headers.html", _slow_headers)
    site.add_route("/huge.html", _huge_with_length)
    site.add_route("/huge-stream.html", _huge_without_length)
    site.add_route("/gzip-bomb.html", _gzip_bomb)
    site.add_page(
        "/report.pdf",
        b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n1 0 obj << >> endobj\n%%EOF\n",
        content_type="application/pdf",
    )
    site.add_page("/photo.png", b"\x89PNG\r\n\x1a\n" + b"\x00" * 64, content_type="image/png")
    site.add_route("/redirect-private", _redirect_to("http://10.0.0.5/x"))
    site.add_route("/redirect-metadata", _redirect_to("http://169.254.169.254/latest/meta-data/"))
    site.add_route("/redirect-loop", _redirect_to("/redirect-loop"))
    site.add_route("/redirect-ok", _redirect_to("{origin}/news/channel-crossing.html", 301))
    site.add_route("/redirect-relative", _redirect_to("news/channel-crossing.html", 302))
    site.add_route("/redirect-ftp", _redirect_to("ftp://127.0.0.1/file.html"))
    site.add_page("/date-mismatch.html", MISMATCH_PAGE)
    site.add_route("/gzip.html", _gzip_news)
    site.add_page("/plain.txt", PLAIN_TEXT, content_type="text/plain; charset=utf-8")
    site.add_page(
        "/latin1.html",
        NEWS_PAGE.replace('<meta charset="utf-8">', "").encode("latin-1", "replace"),
        content_type="text/html; charset=ISO-8859-1",
    )


def start_local_site(tls: ssl.SSLContext | None = None) -> LocalSite:
    """Start the site on 127.0.0.1 on a free port, serving in a daemon thread (HTTPS with a `tls` context)."""
    handler = type("SiteHandler", (_Handler,), {})
    server = _Server(("127.0.0.1", 0), handler)
    if tls is not None:
        server.socket = tls.wrap_socket(server.socket, server_side=True)
    thread = threading.Thread(target=server.serve_forever, name="local-site", daemon=True)
    site = LocalSite(server=server, thread=thread, scheme="https" if tls else "http")
    handler.site = site
    _install_pages(site)
    thread.start()
    return site


def local_site_fixture(
    scope: Literal["session", "package", "module", "class", "function"] = "module",
) -> Callable[[], Iterator[LocalSite]]:
    """Make a `local_site` fixture for a test module: `local_site = local_site_fixture()`."""

    @pytest.fixture(scope=scope)
    def local_site() -> Iterator[LocalSite]:
        site = start_local_site()
        try:
            yield site
        finally:
            site.stop()

    return local_site
