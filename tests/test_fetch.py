"""Fetching a pasted link: every refusal and every success, against the local site on 127.0.0.1 only.

An autouse guard replaces DNS with a fake resolver (unknown names fail) and lets sockets
connect to loopback addresses only, so no test can reach anything else even by mistake.
"""

from __future__ import annotations

import socket
import ssl
import subprocess
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from pathlib import Path
from shutil import which
from typing import Any

import pytest
from local_site import (
    FIGURES_SENTENCE,
    NEWS_PAGE,
    LocalSite,
    local_site_fixture,
    start_local_site,
)

import lib.corpus.fetch as fetch
from lib.corpus.fetch import KINDS, FetchError, blocked_reason, fetch_page

local_site = local_site_fixture()

NEWS = "/news/channel-crossing.html"


@dataclass
class Network:
    """What the code under test tried to do with the network."""

    names: dict[str, list[str] | Callable[[], list[str]]] = field(default_factory=dict)
    looked_up: list[str] = field(default_factory=list)
    connected: list[str] = field(default_factory=list)

    def resolve(self, host: str, *addresses: str) -> None:
        self.names[host] = list(addresses)


@pytest.fixture(autouse=True)
def network(monkeypatch: pytest.MonkeyPatch) -> Network:
    net = Network()
    real_connect = socket.socket.connect

    def fake_getaddrinfo(host: str, port: int, *args: Any, **kwargs: Any) -> list[tuple[Any, ...]]:
        net.looked_up.append(host)
        if host not in net.names:
            raise socket.gaierror(socket.EAI_NONAME, "Name or service not known")
        answer = net.names[host]
        addresses = answer() if callable(answer) else answer
        return [
            (socket.AF_INET6, socket.SOCK_STREAM, 6, "", (a, port, 0, 0))
            if ":" in a
            else (socket.AF_INET, socket.SOCK_STREAM, 6, "", (a, port))
            for a in addresses
        ]

    def guarded_connect(sock: socket.socket, address: Any) -> None:
        host = address[0] if isinstance(address, tuple) else str(address)
        net.connected.append(host)
        if host not in ("127.0.0.1", "::1"):
            raise AssertionError(f"a test tried to connect to {host}")
        real_connect(sock, address)

    monkeypatch.setattr(socket, "getaddrinfo", fake_getaddrinfo)
    monkeypatch.setattr(socket.socket, "connect", guarded_connect)
    monkeypatch.delenv("ALLOW_LOCAL_FETCH", raising=False)
    return net


def failure(url: str, **options: Any) -> FetchError:
    options.setdefault("allow_local", True)
    with pytest.raises(FetchError) as caught:
        fetch_page(url, **options)
    error = caught.value
    assert error.kind in KINDS
    assert "\n" not in error.message and str(error) == error.message
    return error


def test_fetches_a_news_page(local_site: LocalSite) -> None:
    page = fetch_page(local_site.url(NEWS), allow_local=True)
    assert page.status == 200
    assert page.content_type == "text/html" and page.charset == "utf-8" and page.kind == "html"
    assert page.body == NEWS_PAGE.encode()
    assert FIGURES_SENTENCE.encode() in page.body
    assert page.requested_url == page.final_url == local_site.url(NEWS)
    assert page.redirects == ()
    assert page.fetched_at.tzinfo == UTC
    assert datetime.now(UTC) - page.fetched_at < timedelta(seconds=30)


def test_sends_a_browser_like_user_agent_naming_the_app(local_site: LocalSite) -> None:
    fetch_page(local_site.url("/news/channel-crossing.html?ua=1"), allow_local=True)
    headers = next(r.headers for r in local_site.requests if r.path.endswith("?ua=1"))
    assert headers["User-Agent"].startswith("Mozilla/5.0")
    assert "ChannelCrossingsDashboard/1.0 (+news research)" in headers["User-Agent"]
    assert headers["Accept"].startswith("text/html")
    assert "gzip" in headers["Accept-Encoding"]


@pytest.mark.parametrize("path", ["/redirect-ok", "/redirect-relative"])
def test_follows_redirects_to_the_article(local_site: LocalSite, path: str) -> None:
    page = fetch_page(local_site.url(path), allow_local=True)
    assert page.requested_url == local_site.url(path)
    assert page.final_url == local_site.url(NEWS)
    assert page.redirects == (local_site.url(NEWS),)
    assert page.body == NEWS_PAGE.encode()


def test_decompresses_a_gzip_page(local_site: LocalSite) -> None:
    page = fetch_page(local_site.url("/gzip.html"), allow_local=True)
    assert page.body == NEWS_PAGE.encode()


def test_accepts_a_plain_text_page(local_site: LocalSite) -> None:
    page = fetch_page(local_site.url("/plain.txt"), allow_local=True)
    assert page.content_type == "text/plain" and page.kind == "text"
    assert FIGURES_SENTENCE.encode() in page.body


def test_passes_on_the_charset_of_the_header(local_site: LocalSite) -> None:
    page = fetch_page(local_site.url("/latin1.html"), allow_local=True)
    assert page.charset == "iso-8859-1"
    assert "Gérald".encode("latin-1") in page.body


def test_a_page_without_content_type_is_accepted_only_if_it_looks_like_html(
    local_site: LocalSite,
) -> None:
    local_site.add_page("/untyped.html", NEWS_PAGE, content_type=None)
    local_site.add_page("/untyped.bin", b"\x89PNG\r\n\x1a\n" + bytes(200), content_type=None)
    assert fetch_page(local_site.url("/untyped.html"), allow_local=True).content_type == "text/html"
    assert failure(local_site.url("/untyped.bin")).kind == "not_html"


def test_not_found(local_site: LocalSite) -> None:
    error = failure(local_site.url("/missing"))
    assert error.kind == "not_found"
    assert (
        error.message == f"The page at {local_site.url('/missing')} could not be found (HTTP 404)."
    )


@pytest.mark.parametrize(("path", "status"), [("/error", 500), ("/forbidden", 403)])
def test_http_errors(local_site: LocalSite, path: str, status: int) -> None:
    error = failure(local_site.url(path))
    assert error.kind == "http_error"
    assert f"(HTTP {status})" in error.message and local_site.url(path) in error.message


@pytest.mark.parametrize("path", ["/slow.html", "/trickle.html", "/slow-headers.html"])
def test_timeout_is_an_overall_deadline(local_site: LocalSite, path: str) -> None:
    # The trickles send a little every 0.2 s (body or headers): a per-read timeout would never fire.
    started = time.monotonic()
    error = failure(local_site.url(path), timeout=1)
    elapsed = time.monotonic() - started
    assert error.kind == "timeout"
    assert error.message == f"{local_site.url(path)} took more than 1 second to answer."
    assert elapsed < 2.5


@pytest.mark.parametrize("path", ["/huge.html", "/huge-stream.html", "/gzip-bomb.html"])
def test_too_large(local_site: LocalSite, path: str) -> None:
    started = time.monotonic()
    error = failure(local_site.url(path))
    assert error.kind == "too_large"
    assert error.message == f"{local_site.url(path)} is larger than 5 MB."
    assert time.monotonic() - started < 5


def test_too_large_with_a_small_limit(local_site: LocalSite) -> None:
    error = failure(local_site.url(NEWS), max_bytes=1_000)
    assert error.kind == "too_large" and error.message.endswith("is larger than 1 KB.")
    assert fetch_page(
        local_site.url(NEWS), allow_local=True, max_bytes=len(NEWS_PAGE.encode())
    ).body


@pytest.mark.parametrize(("path", "what"), [
    ("/report.pdf", "is a PDF (application/pdf), not a web page: paste the link of an article page."),
    ("/photo.png", "is an image (image/png), not a web page: paste the link of an article page."),
])  # fmt: skip
def test_not_html(local_site: LocalSite, path: str, what: str) -> None:
    error = failure(local_site.url(path))
    assert error.kind == "not_html"
    assert error.message == f"{local_site.url(path)} {what}"


@pytest.mark.parametrize(("path", "address", "reason"), [
    ("/redirect-private", "10.0.0.5", "a private network address"),
    ("/redirect-metadata", "169.254.169.254", "the cloud metadata address"),
])  # fmt: skip
def test_redirects_to_internal_addresses_are_refused_before_connecting(
    local_site: LocalSite, network: Network, path: str, address: str, reason: str
) -> None:
    error = failure(local_site.url(path))
    assert error.kind == "blocked_address"
    assert f"is on {reason} ({address}): links must point to public web pages." in error.message
    assert local_site.url(path) in error.message
    assert address not in network.connected


def test_redirect_loop(local_site: LocalSite) -> None:
    assert failure(local_site.url("/redirect-loop")).kind == "too_many_redirects"


def test_redirect_chain_longer_than_the_limit(local_site: LocalSite) -> None:
    for hop in range(7):
        local_site.add_page(
            f"/hop/{hop}",
            b"",
            status=302,
            content_type=None,
            headers={"Location": f"/hop/{hop + 1}"},
        )
    local_site.add_page("/hop/7", NEWS_PAGE)
    error = failure(local_site.url("/hop/0"), max_redirects=5)
    assert error.kind == "too_many_redirects" and "more than 5 times" in error.message
    page = fetch_page(local_site.url("/hop/0"), allow_local=True, max_redirects=7)
    assert page.final_url == local_site.url("/hop/7") and len(page.redirects) == 7


def test_redirect_to_another_scheme_is_a_bad_url(local_site: LocalSite) -> None:
    error = failure(local_site.url("/redirect-ftp"))
    assert error.kind == "bad_url" and "ftp://127.0.0.1/file.html" in error.message


def test_redirect_without_location(local_site: LocalSite) -> None:
    local_site.add_page("/nowhere", b"", status=302)
    assert failure(local_site.url("/nowhere")).kind == "http_error"


def test_connection_refused_is_unreachable(network: Network) -> None:
    with socket.socket() as probe:  # a port that was free a moment ago and has no listener
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    error = failure(f"http://127.0.0.1:{port}/")
    assert error.kind == "unreachable" and "refused the connection" in error.message


def test_unknown_site_is_unreachable(network: Network) -> None:
    error = failure("https://no-such-site.example.test/story")
    assert error.kind == "unreachable" and "could not be found" in error.message
    assert network.looked_up == ["no-such-site.example.test"] and network.connected == []


def test_broken_answers_become_fetch_errors(local_site: LocalSite) -> None:
    def not_http(handler: Any) -> None:
        handler.wfile.write(b"SSH-2.0-OpenSSH_9.2\r\n\r\n")

    def cut_short(handler: Any) -> None:
        handler.send_response(200)
        handler.send_header("Content-Type", "text/html")
        handler.send_header("Content-Length", "100000")
        handler.end_headers()
        handler.wfile.write(b"<html><body><p>The first lines")

    local_site.add_route("/not-http", not_http)
    local_site.add_route("/cut-short", cut_short)
    local_site.add_page(
        "/brotli.html", b"\x0b\x02\x80hello\x03", headers={"Content-Encoding": "br"}
    )
    local_site.add_page(
        "/bad-gzip.html", b"\x1f\x8b\x08\x00garbage" * 10, headers={"Content-Encoding": "gzip"}
    )
    assert failure(local_site.url("/not-http")).kind == "http_error"
    assert failure(local_site.url("/cut-short")).kind == "unreachable"
    assert failure(local_site.url("/brotli.html")).kind == "http_error"
    assert failure(local_site.url("/bad-gzip.html")).kind == "http_error"


def test_a_host_name_is_fetched_from_the_checked_address_with_its_own_host_header(
    local_site: LocalSite, network: Network
) -> None:
    network.resolve("news.example.test", "127.0.0.1")
    url = f"http://news.example.test:{local_site.port}{NEWS}?host=1"
    page = fetch_page(url, allow_local=True)
    assert page.final_url == url
    headers = next(r.headers for r in local_site.requests if r.path.endswith("?host=1"))
    assert headers["Host"] == f"news.example.test:{local_site.port}"


def test_dns_rebinding_after_the_check_cannot_win(local_site: LocalSite, network: Network) -> None:
    # The first answer passes the check; every later answer points inside the network.
    answers = iter([["127.0.0.1"]])
    network.names["rebind.example.test"] = lambda: next(answers, ["10.0.0.5"])
    page = fetch_page(f"http://rebind.example.test:{local_site.port}{NEWS}", allow_local=True)
    assert page.body == NEWS_PAGE.encode()
    assert network.looked_up == ["rebind.example.test"]
    assert network.connected == ["127.0.0.1"]


BLOCKED = [
    ("10.1.2.3", "a private network address"),
    ("172.16.5.4", "a private network address"),
    ("172.31.255.1", "a private network address"),
    ("192.168.1.1", "a private network address"),
    ("127.0.0.1", "this server's own address (loopback)"),
    ("127.8.9.10", "this server's own address (loopback)"),
    ("::1", "this server's own address (loopback)"),
    ("fe80::1", "a link-local address"),
    ("169.254.1.1", "a link-local address"),
    ("169.254.169.254", "the cloud metadata address"),
    ("100.64.0.1", "a shared (carrier-grade NAT) address"),
    ("100.127.255.254", "a shared (carrier-grade NAT) address"),
    ("::ffff:10.0.0.1", "a private network address"),
    ("::ffff:127.0.0.1", "this server's own address (loopback)"),
    ("::ffff:169.254.169.254", "the cloud metadata address"),
    ("2002:a00:1::1", "a private network address"),  # 6to4 wrapping 10.0.0.1
    ("0.0.0.0", "an unspecified address"),
    ("::", "an unspecified address"),
    ("224.0.0.1", "a multicast address"),
    ("ff02::1", "a multicast address"),
    ("fd00::1", "a private network address"),
    ("fc00::1", "a private network address"),
    ("240.0.0.1", "a reserved address"),
    ("255.255.255.255", "a reserved address"),
    ("192.0.2.10", "a reserved address"),  # documentation range
    ("198.18.0.1", "a reserved address"),  # benchmarking range
]


@pytest.mark.parametrize(("address", "reason"), BLOCKED)
def test_blocked_reason(address: str, reason: str) -> None:
    assert blocked_reason(address) == reason


@pytest.mark.parametrize(
    "address", ["93.184.215.14", "8.8.8.8", "151.101.0.81", "2606:4700:4700::1111", "2a04:4e42::81"]
)
def test_public_addresses_are_allowed(address: str) -> None:
    assert blocked_reason(address) is None
    assert blocked_reason(address, allow_local=True) is None


def test_allow_local_allows_loopback_only() -> None:
    for address in ("127.0.0.1", "127.0.0.53", "::1"):
        assert blocked_reason(address, allow_local=True) is None
    for address, _ in BLOCKED:
        if address not in ("127.0.0.1", "127.8.9.10", "::1", "::ffff:127.0.0.1"):
            assert blocked_reason(address, allow_local=True) is not None, address


@pytest.mark.parametrize(("address", "reason"), BLOCKED)
def test_a_host_name_resolving_to_an_internal_address_is_refused(
    network: Network, address: str, reason: str
) -> None:
    network.resolve("news.example.test", address)
    error = failure("https://news.example.test/world/story", allow_local=False)
    assert error.kind == "blocked_address"
    assert error.message == (
        f"https://news.example.test/world/story is on {reason} ({address}): "
        "links must point to public web pages."
    )
    assert network.connected == []


def test_one_private_address_among_public_ones_is_enough_to_refuse(network: Network) -> None:
    network.resolve("mixed.example.test", "93.184.215.14", "10.0.0.5")
    error = failure("http://mixed.example.test/", allow_local=False)
    assert error.kind == "blocked_address" and "(10.0.0.5)" in error.message
    assert network.connected == []


@pytest.mark.parametrize(
    "url",
    [
        "http://10.0.0.5/x",
        "http://[::1]/",
        "http://[::ffff:10.0.0.1]/",
        "http://169.254.169.254/latest/meta-data/",
        "http://0.0.0.0/",
        "http://127.0.0.1/",
    ],
)
def test_ip_literals_are_checked_without_dns(network: Network, url: str) -> None:
    assert failure(url, allow_local=False).kind == "blocked_address"
    assert network.looked_up == [] and network.connected == []


def test_allow_local_false_refuses_loopback_whatever_the_environment(
    local_site: LocalSite, network: Network, monkeypatch: pytest.MonkeyPatch
) -> None:
    network.resolve("localhost", "127.0.0.1", "::1")
    for _ in range(2):
        for url in ("http://127.0.0.1/news.html", "http://localhost/news.html", "http://[::1]/"):
            assert failure(url, allow_local=False).kind == "blocked_address"
        # The local site's own port is not a web port: refused even before the address check.
        assert failure(local_site.url(NEWS), allow_local=False).kind == "bad_url"
        monkeypatch.setenv("ALLOW_LOCAL_FETCH", "1")
    assert network.connected == []


def test_the_environment_variable_allows_loopback_only(
    local_site: LocalSite, network: Network, monkeypatch: pytest.MonkeyPatch
) -> None:
    assert failure("http://127.0.0.1/news.html", allow_local=None).kind == "blocked_address"
    assert failure(local_site.url(NEWS), allow_local=None).kind == "bad_url"
    monkeypatch.setenv("ALLOW_LOCAL_FETCH", "0")
    assert failure("http://127.0.0.1/news.html", allow_local=None).kind == "blocked_address"
    monkeypatch.setenv("ALLOW_LOCAL_FETCH", "1")
    assert fetch_page(local_site.url(NEWS)).status == 200
    assert failure(local_site.url("/redirect-private"), allow_local=None).kind == "blocked_address"
    network.resolve("intranet.example.test", "192.168.0.10")
    assert failure("http://intranet.example.test/", allow_local=None).kind == "blocked_address"
    assert set(network.connected) == {"127.0.0.1"}


@pytest.mark.parametrize("url", [
    "ftp://example.com/story.html",
    "file:///etc/passwd",
    "javascript:alert(1)",
    "data:text/html,<b>hello</b>",
    "gopher://example.com/",
    "http://user:pass@example.com/story",
    "https://user@example.com/story",
    "https://:secret@example.com/story",
    "http://example.com:22/",
    "https://example.com:8080/story",
    "http://example.com:99999/",
    "http://example.com:port/",
    "http://",
    "https:///path-only",
    "",
    "   ",
    "www.example.com/story",
    "http://exa mple.com/",
    "http://example.com/\nHost: evil",
    "http://[::1/",
    "http://example..com/",
    "https://" + "a" * 5000 + ".com/",
])  # fmt: skip
def test_bad_urls_are_refused_before_any_network_use(network: Network, url: str) -> None:
    error = failure(url, allow_local=False)
    assert error.kind == "bad_url", error.message
    assert error.message.startswith("The link ") and "cannot be used: " in error.message
    assert network.looked_up == [] and network.connected == []


def test_the_usual_web_ports_are_accepted(network: Network) -> None:
    for url in ("http://news.example.test:80/a", "https://news.example.test:443/a"):
        network.resolve("news.example.test", "10.0.0.1")
        assert failure(url, allow_local=False).kind == "blocked_address"  # past the URL checks


def test_non_ascii_links_are_encoded(local_site: LocalSite, network: Network) -> None:
    local_site.add_page("/monde/travers%C3%A9e%20de%20la%20Manche.html", NEWS_PAGE)
    page = fetch_page(local_site.url("/monde/traversée de la Manche.html"), allow_local=True)
    assert page.final_url == local_site.url("/monde/travers%C3%A9e%20de%20la%20Manche.html")
    network.resolve("xn--actualits-i4a.example.test", "10.0.0.1")
    assert failure("https://actualités.example.test/", allow_local=False).kind == "blocked_address"
    assert network.looked_up == ["xn--actualits-i4a.example.test"]


def test_long_urls_are_shortened_in_messages(network: Network) -> None:
    url = "http://10.0.0.5/" + "story-" * 60
    error = failure(url, allow_local=False)
    assert error.kind == "blocked_address"
    assert url not in error.message and url[:90] in error.message and "…" in error.message
    assert len(error.message) < 200


def test_every_kind_is_documented() -> None:
    assert set(KINDS) == {
        "bad_url",
        "blocked_address",
        "not_found",
        "http_error",
        "timeout",
        "too_large",
        "not_html",
        "unreachable",
        "too_many_redirects",
    }


@pytest.fixture(scope="module")
def certificate(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    """A self-signed certificate for news.example.test, made with the openssl command."""
    if which("openssl") is None:
        pytest.skip("the openssl command is needed to make a test certificate")
    folder = tmp_path_factory.mktemp("tls")
    cert, key = folder / "cert.pem", folder / "key.pem"
    subprocess.run(
        ["openssl", "req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1",
         "-nodes", "-keyout", str(key), "-out", str(cert), "-days", "2",
         "-subj", "/CN=news.example.test", "-addext", "subjectAltName=DNS:news.example.test"],
        check=True, capture_output=True, timeout=60,
    )  # fmt: skip
    return cert, key


@pytest.fixture(scope="module")
def tls_site(certificate: tuple[Path, Path]) -> Iterator[tuple[LocalSite, list[str | None]]]:
    cert, key = certificate
    context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    context.load_cert_chain(cert, key)
    names: list[str | None] = []
    context.sni_callback = lambda _sock, name, _context: names.append(name)
    site = start_local_site(tls=context)
    yield site, names
    site.stop()


def test_https_checks_the_certificate_against_the_host_name_not_the_ip(
    tls_site: tuple[LocalSite, list[str | None]],
    certificate: tuple[Path, Path],
    network: Network,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    site, names = tls_site
    trusted = ssl.create_default_context(cafile=str(certificate[0]))
    monkeypatch.setattr(fetch, "_ssl_context", lambda: trusted)
    network.resolve("news.example.test", "127.0.0.1")
    network.resolve("other.example.test", "127.0.0.1")

    page = fetch_page(f"https://news.example.test:{site.port}{NEWS}", allow_local=True)
    assert page.body == NEWS_PAGE.encode()
    # SNI carried the name although the socket went to 127.0.0.1.
    assert "news.example.test" in names
    assert set(network.connected) == {"127.0.0.1"}

    error = failure(f"https://other.example.test:{site.port}{NEWS}")
    assert error.kind == "unreachable" and "certificate" in error.message


def test_https_refuses_an_untrusted_certificate(
    tls_site: tuple[LocalSite, list[str | None]], network: Network
) -> None:
    site, _ = tls_site
    network.resolve("news.example.test", "127.0.0.1")
    error = failure(f"https://news.example.test:{site.port}{NEWS}")
    assert error.kind == "unreachable" and "certificate" in error.message
