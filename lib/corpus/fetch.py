"""Fetch the web page behind a link a user pasted, refusing anything but a public http(s) page of reasonable size and speed."""

from __future__ import annotations

import codecs
import contextlib
import functools
import http.client
import ipaddress
import os
import re
import socket
import ssl
import threading
import time
import zlib
from dataclasses import dataclass
from datetime import UTC, datetime
from urllib.parse import quote, urljoin, urlsplit

USER_AGENT = "Mozilla/5.0 (X11; Linux x86_64) ChannelCrossingsDashboard/1.0 (+news research)"
REQUEST_HEADERS = {
    "User-Agent": USER_AGENT,
    "Accept": "text/html,application/xhtml+xml;q=0.9,text/plain;q=0.8,*/*;q=0.1",
    "Accept-Language": "en-GB,en;q=0.9,fr;q=0.8",
    "Accept-Encoding": "gzip, deflate",
    "Connection": "close",
}
CHUNK_BYTES = 64 * 1024
MAX_URL_LENGTH = 4096
WEB_PORTS = (80, 443)
PAGE_TYPES = {"text/html": "html", "application/xhtml+xml": "html", "text/plain": "text"}
REDIRECT_STATUSES = (301, 302, 303, 307, 308)
KINDS = ("bad_url", "blocked_address", "not_found", "http_error", "timeout", "too_large",
         "not_html", "unreachable", "too_many_redirects")  # fmt: skip

_CONTROL = re.compile(r"[\x00-\x1f\x7f]")
_HOST_CHARS = re.compile(r"[a-z0-9_.-]+")
_SHARED = ipaddress.ip_network("100.64.0.0/10")
_METADATA = ipaddress.ip_address("169.254.169.254")
_PRIVATE = tuple(ipaddress.ip_network(n) for n in
                 ("10.0.0.0/8", "172.16.0.0/12", "192.168.0.0/16", "fc00::/7"))  # fmt: skip
_FILE_KINDS = (("application/pdf", "a PDF"), ("image/", "an image"), ("video/", "a video"),
               ("audio/", "a sound file"), ("application/msword", "a Word document"),
               ("application/vnd.openxmlformats-officedocument.wordprocessingml", "a Word document"),
               ("application/vnd.ms-excel", "a spreadsheet"),
               ("application/vnd.openxmlformats-officedocument.spreadsheetml", "a spreadsheet"),
               ("application/json", "JSON data"), ("application/zip", "a zip archive"),
               ("text/css", "a style sheet"), ("application/javascript", "a script"),
               ("text/javascript", "a script"), ("application/xml", "XML data"),
               ("text/xml", "XML data"), ("application/rss+xml", "a news feed"),
               ("application/atom+xml", "a news feed"))  # fmt: skip


class FetchError(Exception):
    """A link that could not be fetched; `.kind` is one of KINDS, `.message` one plain-English line."""

    def __init__(self, kind: str, message: str, url: str | None = None) -> None:
        super().__init__(message)
        self.kind = kind
        self.message = message
        self.url = url


@dataclass(frozen=True)
class FetchedPage:
    """The raw answer for a link: bytes as sent (decompressed), with where and when they came from."""

    requested_url: str
    final_url: str
    status: int
    content_type: str  # "text/html", "application/xhtml+xml" or "text/plain"
    charset: str | None
    body: bytes
    fetched_at: datetime  # UTC
    # Every address a redirect led to, in order; the last one is final_url.
    redirects: tuple[str, ...] = ()

    @property
    def kind(self) -> str:
        """The kind of page: "html" for a web page, "text" for a plain-text one."""
        return PAGE_TYPES.get(self.content_type, "html")


@dataclass(frozen=True)
class _Target:
    url: str  # normalised: ASCII host, percent-encoded path, no fragment
    scheme: str
    host: str  # lower case, IDNA-encoded, IPv6 without brackets
    port: int
    path: str  # path and query, as sent in the request line


class _BadUrl(Exception):
    """Why a URL was refused (completed into a FetchError by the caller, who knows the context)."""


def fetch_page(
    url: str,
    *,
    timeout: float = 10.0,
    max_bytes: int = 5_000_000,
    allow_local: bool | None = None,
    max_redirects: int = 5,
) -> FetchedPage:
    """GET `url` and its redirects within `timeout` seconds overall, checking every hop; raise FetchError."""
    if allow_local is None:
        allow_local = os.environ.get("ALLOW_LOCAL_FETCH") == "1"
    requested = url.strip() if isinstance(url, str) else repr(url)
    deadline = time.monotonic() + timeout
    try:
        target = _parse_url(url if isinstance(url, str) else "", allow_local=allow_local)
    except _BadUrl as reason:
        raise FetchError(
            "bad_url", f"The link {_shorten(requested)} cannot be used: {reason}.", requested
        ) from None

    redirects: list[str] = []
    seen = {target.url}
    while True:
        name = _name(target.url, requested, redirects)
        status, headers, body = _get(
            target,
            name,
            deadline=deadline,
            timeout=timeout,
            max_bytes=max_bytes,
            allow_local=allow_local,
        )
        if status not in REDIRECT_STATUSES:
            break
        location = headers.get("Location")
        if not location:
            raise FetchError(
                "http_error",
                f"The site at {name} answered with a redirect (HTTP {status}) "
                "but gave no new address.",
                target.url,
            )
        next_url = urljoin(target.url, location.strip())
        try:
            target = _parse_url(next_url, allow_local=allow_local)
        except _BadUrl as reason:
            raise FetchError(
                "bad_url",
                f"{name} redirects to {_shorten(next_url)}, which cannot be used: {reason}.",
                next_url,
            ) from None
        redirects.append(target.url)
        if target.url in seen:
            raise FetchError(
                "too_many_redirects", f"{_shorten(requested)} redirects in a loop.", requested
            )
        if len(redirects) > max_redirects:
            raise FetchError(
                "too_many_redirects",
                f"{_shorten(requested)} redirects more than {max_redirects} times.",
                requested,
            )
        seen.add(target.url)

    content_type, charset = _content_type(headers)
    if content_type is None and _looks_like_html(body):
        content_type = "text/html"  # the server said nothing, but the bytes are plainly a page
    if content_type not in PAGE_TYPES:
        raise FetchError("not_html", _not_html_message(name, content_type), target.url)
    return FetchedPage(
        requested_url=requested,
        final_url=target.url,
        status=status,
        content_type=content_type,
        charset=charset,
        body=body,
        fetched_at=datetime.now(UTC),
        redirects=tuple(redirects),
    )


def blocked_reason(address: str, *, allow_local: bool = False) -> str | None:
    """Why a resolved IP address must not be contacted ("a private network address", ...), or None if public."""
    try:
        ip = ipaddress.ip_address(address.split("%", 1)[0])
    except ValueError:
        return "an address that could not be understood"
    if ip.version == 6:
        # An IPv6 address that carries an IPv4 one is judged by the IPv4 address it reaches.
        embedded = ip.ipv4_mapped or ip.sixtofour
        if embedded is not None:
            return blocked_reason(str(embedded), allow_local=allow_local)
    if ip.is_loopback:
        return None if allow_local else "this server's own address (loopback)"
    if ip.is_unspecified:
        return "an unspecified address"
    if ip == _METADATA:
        return "the cloud metadata address"
    if ip.is_link_local:
        return "a link-local address"
    if ip.is_multicast:
        return "a multicast address"
    if ip in _SHARED:
        return "a shared (carrier-grade NAT) address"
    if any(ip in network for network in _PRIVATE if network.version == ip.version):
        return "a private network address"
    if ip.is_private or ip.is_reserved or not ip.is_global:
        return "a reserved address"
    return None


def _parse_url(url: str, *, allow_local: bool) -> _Target:
    text = url.strip()
    if not text:
        raise _BadUrl("it is empty")
    if len(text) > MAX_URL_LENGTH:
        raise _BadUrl(f"it is longer than {MAX_URL_LENGTH} characters")
    if _CONTROL.search(text):
        raise _BadUrl("it contains control characters")
    try:
        parts = urlsplit(text)
        port = parts.port
    except ValueError:
        raise _BadUrl("it is not a well-formed web address") from None
    scheme = parts.scheme.lower()
    if scheme not in ("http", "https"):
        raise _BadUrl("only links starting with http:// or https:// can be fetched")
    if "@" in parts.netloc:
        raise _BadUrl("links with a user name or password are not accepted")
    host = (parts.hostname or "").rstrip(".")
    if not host:
        raise _BadUrl("it has no site name")
    if port is not None and port not in WEB_PORTS and not allow_local:
        raise _BadUrl(f"port {port} is not a web port (only 80 and 443 are accepted)")
    host = _ascii_host(host)
    path = quote(parts.path or "/", safe="/%:@!$&'()*+,;=-._~")
    query = quote(parts.query, safe="/?%:@!$&'()*+,;=-._~")
    request_path = path + ("?" + query if query else "")
    netloc = f"[{host}]" if ":" in host else host
    if port is not None:
        netloc += f":{port}"
    return _Target(
        url=f"{scheme}://{netloc}{request_path}",
        scheme=scheme,
        host=host,
        port=port if port is not None else (443 if scheme == "https" else 80),
        path=request_path,
    )


def _ascii_host(host: str) -> str:
    if ":" in host:
        try:
            return str(ipaddress.IPv6Address(host))
        except ValueError:
            raise _BadUrl("its IPv6 address is malformed") from None
    try:
        encoded = host.encode("idna").decode("ascii").lower()
    except UnicodeError:
        raise _BadUrl("its site name is not a valid domain name") from None
    if not _HOST_CHARS.fullmatch(encoded) or ".." in encoded:
        raise _BadUrl("its site name is not a valid domain name")
    return encoded


def _get(
    target: _Target,
    name: str,
    *,
    deadline: float,
    timeout: float,
    max_bytes: int,
    allow_local: bool,
) -> tuple[int, http.client.HTTPMessage, bytes]:
    """One GET without following redirects: status, headers and the (size-capped) body of a 2xx answer."""
    addresses = _resolve(target, name, deadline=deadline, timeout=timeout)
    for address in addresses:
        reason = blocked_reason(address, allow_local=allow_local)
        if reason:
            raise FetchError(
                "blocked_address",
                f"{name} is on {reason} ({address}): links must point to public web pages.",
                target.url,
            )

    connection_class: type[_Connection] = (
        _PinnedHTTPSConnection if target.scheme == "https" else _PinnedHTTPConnection
    )
    connection = connection_class(
        target.host,
        target.port,
        addresses=addresses,
        timeout=_remaining(deadline, name, timeout, target.url),
    )
    watchdog = _Watchdog(connection, deadline)
    response: http.client.HTTPResponse | None = None
    try:
        connection.putrequest("GET", target.path, skip_accept_encoding=True)
        for header, value in REQUEST_HEADERS.items():
            connection.putheader(header, value)
        connection.endheaders()
        response = connection.getresponse()
        status = response.status
        if status in REDIRECT_STATUSES:
            return status, response.headers, b""
        if status in (404, 410):
            raise FetchError(
                "not_found", f"The page at {name} could not be found (HTTP {status}).", target.url
            )
        if status >= 400 or status < 200:
            raise FetchError("http_error", _http_error_message(name, status), target.url)
        content_type, _ = _content_type(response.headers)
        if content_type is not None and content_type not in PAGE_TYPES:
            raise FetchError("not_html", _not_html_message(name, content_type), target.url)
        if response.length is not None and response.length > max_bytes:
            raise FetchError("too_large", _too_large_message(name, max_bytes), target.url)
        body = _read_body(
            response,
            connection,
            name,
            target.url,
            deadline=deadline,
            timeout=timeout,
            max_bytes=max_bytes,
        )
        if watchdog.fired:
            raise FetchError("timeout", _timeout_message(name, timeout), target.url)
        return status, response.headers, body
    except FetchError as error:
        if watchdog.fired and error.kind != "timeout":
            raise FetchError("timeout", _timeout_message(name, timeout), target.url) from None
        raise
    except (OSError, http.client.HTTPException, ValueError, zlib.error, EOFError) as error:
        if watchdog.fired or isinstance(error, TimeoutError):
            raise FetchError("timeout", _timeout_message(name, timeout), target.url) from None
        raise _network_error(error, name, target) from None
    finally:
        watchdog.cancel()
        if response is not None:
            response.close()  # with "Connection: close" the response, not the connection, owns the socket
        connection.close()


def _resolve(target: _Target, name: str, *, deadline: float, timeout: float) -> list[str]:
    """The host's addresses (the literal itself for an IP), looked up with the overall deadline."""
    try:
        return [str(ipaddress.ip_address(target.host))]
    except ValueError:
        pass
    infos: list[tuple[object, ...]] = []
    errors: list[BaseException] = []

    def look_up() -> None:
        try:
            infos.extend(socket.getaddrinfo(target.host, target.port, type=socket.SOCK_STREAM))
        except Exception as error:  # handed to the waiting thread, which maps it to a FetchError
            errors.append(error)

    # getaddrinfo has no timeout of its own: wait for it in a thread no longer than the deadline.
    worker = threading.Thread(target=look_up, name="fetch-dns", daemon=True)
    worker.start()
    worker.join(_remaining(deadline, name, timeout, target.url))
    if worker.is_alive():
        raise FetchError("timeout", _timeout_message(name, timeout), target.url)
    if errors and isinstance(errors[0], OSError | UnicodeError):
        raise FetchError(
            "unreachable",
            f"The site {target.host} in {name} could not be found: check the link for typos.",
            target.url,
        )
    if errors:
        raise FetchError(
            "unreachable",
            f"The site {target.host} in {name} could not be looked up "
            f"({type(errors[0]).__name__}).",
            target.url,
        )
    addresses: list[str] = []
    for family, _type, _proto, _canonical, sockaddr in infos:
        address = str(sockaddr[0])  # type: ignore[index]
        if family in (socket.AF_INET, socket.AF_INET6) and address not in addresses:
            addresses.append(address)
    if not addresses:
        raise FetchError(
            "unreachable", f"The site {target.host} in {name} has no internet address.", target.url
        )
    return addresses


def _open_socket(addresses: list[str], port: int, timeout: float | None) -> socket.socket:
    """Connect to the first of the already checked addresses that answers (never resolving again)."""
    last_error: OSError = OSError("no address to connect to")
    for address in addresses:
        family = socket.AF_INET6 if ":" in address else socket.AF_INET
        sock = socket.socket(family, socket.SOCK_STREAM)
        try:
            sock.settimeout(timeout)
            sock.connect((address, port))
            return sock
        except OSError as error:
            sock.close()
            last_error = error
    raise last_error


class _PinnedHTTPConnection(http.client.HTTPConnection):
    """HTTP to the validated IP addresses: a DNS answer that changes after the check is never used."""

    def __init__(self, host: str, port: int, *, addresses: list[str], timeout: float) -> None:
        super().__init__(host, port, timeout=timeout)
        self.addresses = addresses
        # http.client drops `sock` once a closing response owns it; the watchdog still needs it.
        self.live_sock: socket.socket | None = None

    def connect(self) -> None:
        self.sock = self.live_sock = _open_socket(self.addresses, self.port, self.timeout)


class _PinnedHTTPSConnection(http.client.HTTPSConnection):
    """HTTPS to the validated IP addresses, with SNI and certificate checked against the host name."""

    def __init__(self, host: str, port: int, *, addresses: list[str], timeout: float) -> None:
        self.tls_context = _ssl_context()
        super().__init__(host, port, timeout=timeout, context=self.tls_context)
        self.addresses = addresses
        self.live_sock: socket.socket | None = None

    def connect(self) -> None:
        raw = _open_socket(self.addresses, self.port, self.timeout)
        self.sock = self.live_sock = raw  # visible to the watchdog during the handshake
        tls = self.tls_context.wrap_socket(
            raw, server_hostname=self.host, do_handshake_on_connect=False
        )
        self.sock = self.live_sock = tls
        tls.do_handshake()


_Connection = _PinnedHTTPConnection | _PinnedHTTPSConnection


@functools.cache
def _ssl_context() -> ssl.SSLContext:
    """The default context: system CAs, certificate and host-name checks on (built once, it is slow)."""
    return ssl.create_default_context()


class _Watchdog:
    """Cuts the connection when the overall deadline passes, whatever the socket is waiting for."""

    def __init__(self, connection: _Connection, deadline: float) -> None:
        self.connection = connection
        self.fired = False
        self.timer = threading.Timer(max(0.0, deadline - time.monotonic()), self.fire)
        self.timer.daemon = True
        self.timer.start()

    def fire(self) -> None:
        self.fired = True
        sock = self.connection.live_sock
        if sock is not None:
            # The plain-socket method, so an SSL socket's state is not touched from this thread.
            with contextlib.suppress(OSError):
                socket.socket.shutdown(sock, socket.SHUT_RDWR)

    def cancel(self) -> None:
        self.timer.cancel()


def _read_body(
    response: http.client.HTTPResponse,
    connection: _Connection,
    name: str,
    url: str,
    *,
    deadline: float,
    timeout: float,
    max_bytes: int,
) -> bytes:
    """Read 64 KB at a time, stopping as soon as the raw or the decompressed size passes max_bytes."""
    encoding = (response.headers.get("Content-Encoding") or "identity").strip().lower()
    if encoding in ("gzip", "x-gzip", "deflate"):
        inflater = zlib.decompressobj(32 + zlib.MAX_WBITS)  # accepts a gzip or a zlib header
    elif encoding in ("identity", ""):
        inflater = None
    else:
        raise FetchError(
            "http_error",
            f"The site at {name} sent the page compressed as {encoding!r}, which cannot be read.",
            url,
        )
    expected = response.length  # from Content-Length; None when chunked or closed-delimited
    body = bytearray()
    received = 0
    while True:
        remaining = _remaining(deadline, name, timeout, url)
        if connection.live_sock is not None:
            connection.live_sock.settimeout(remaining)
        chunk = response.read1(CHUNK_BYTES)
        if not chunk:
            break
        received += len(chunk)
        if received > max_bytes:
            raise FetchError("too_large", _too_large_message(name, max_bytes), url)
        if inflater is None:
            body += chunk
        else:
            # Never inflate more than one byte past the cap: a small gzip can expand a thousandfold.
            body += inflater.decompress(chunk, max_bytes + 1 - len(body))
        if len(body) > max_bytes:
            raise FetchError("too_large", _too_large_message(name, max_bytes), url)
    if expected is not None and received < expected:
        # read1() reports an early close as a plain end of data: a cut page must not pass as whole.
        raise http.client.IncompleteRead(bytes(body), expected - received)
    if inflater is not None:
        body += inflater.flush()
        if len(body) > max_bytes:
            raise FetchError("too_large", _too_large_message(name, max_bytes), url)
    return bytes(body)


def _remaining(deadline: float, name: str, timeout: float, url: str) -> float:
    remaining = deadline - time.monotonic()
    if remaining <= 0:
        raise FetchError("timeout", _timeout_message(name, timeout), url)
    return remaining


def _content_type(headers: http.client.HTTPMessage) -> tuple[str | None, str | None]:
    """The media type (lower case, or None if absent) and a charset Python knows (or None)."""
    raw = headers.get("Content-Type")
    if not raw:
        return None, None
    media_type = raw.split(";", 1)[0].strip().lower() or None
    charset = headers.get_content_charset()
    if charset:
        try:
            codecs.lookup(charset)
        except LookupError:
            charset = None
    return media_type, charset


def _looks_like_html(body: bytes) -> bool:
    start = body[:1024].lstrip(b"\xef\xbb\xbf \t\r\n").lower()
    return start.startswith((b"<!doctype html", b"<html")) or b"<html" in start


def _network_error(error: BaseException, name: str, target: _Target) -> FetchError:
    if isinstance(error, ssl.SSLCertVerificationError):
        detail = error.verify_message or "certificate not trusted"
        return FetchError(
            "unreachable",
            f"{name} could not be reached securely: its security "
            f"certificate is not valid ({detail}).",
            target.url,
        )
    if isinstance(error, ssl.SSLError):
        return FetchError(
            "unreachable",
            f"{name} could not be reached securely (TLS error: "
            f"{error.reason or type(error).__name__}).",
            target.url,
        )
    if isinstance(error, ConnectionRefusedError):
        return FetchError(
            "unreachable",
            f"{name} could not be reached: the site refused the connection.",
            target.url,
        )
    if isinstance(
        error, http.client.IncompleteRead | http.client.RemoteDisconnected | ConnectionError
    ):
        return FetchError(
            "unreachable",
            f"{name} could not be reached: the connection was closed before the page arrived.",
            target.url,
        )
    if isinstance(error, http.client.HTTPException):
        return FetchError(
            "http_error",
            f"The site at {name} sent an answer that is not valid HTTP ({type(error).__name__}).",
            target.url,
        )
    if isinstance(error, zlib.error):
        return FetchError(
            "http_error", f"The site at {name} sent a damaged compressed page.", target.url
        )
    if isinstance(error, OSError):
        detail = error.strerror or type(error).__name__
        return FetchError("unreachable", f"{name} could not be reached ({detail}).", target.url)
    return FetchError(
        "unreachable", f"{name} could not be fetched ({type(error).__name__}).", target.url
    )


def _http_error_message(name: str, status: int) -> str:
    if status in (401, 403):
        return (
            f"The site at {name} refused access (HTTP {status}): the page may need a subscription "
            "or the site may block automated readers."
        )
    if status == 429:
        return f"The site at {name} is refusing too many requests (HTTP 429): try again later."
    if status >= 500:
        return f"The site at {name} answered with a server error (HTTP {status}): try again later."
    return f"The site at {name} answered with an error (HTTP {status})."


def _not_html_message(name: str, content_type: str | None) -> str:
    if content_type is None:
        return f"{name} did not say what kind of file it is, and it does not look like a web page."
    what = next(
        (label for prefix, label in _FILE_KINDS if content_type.startswith(prefix)), "a file"
    )
    return f"{name} is {what} ({content_type}), not a web page: paste the link of an article page."


def _too_large_message(name: str, max_bytes: int) -> str:
    return f"{name} is larger than {_size(max_bytes)}."


def _timeout_message(name: str, timeout: float) -> str:
    return f"{name} took more than {timeout:g} second{'' if timeout == 1 else 's'} to answer."


def _size(count: int) -> str:
    for unit, scale in (("MB", 1_000_000), ("KB", 1_000)):
        if count >= scale:
            return f"{count / scale:.3g} {unit}"
    return f"{count} bytes"


def _name(url: str, requested: str, redirects: list[str]) -> str:
    """How messages name the hop: the link as pasted, or where its redirects led."""
    if not redirects:
        return _shorten(requested)
    return f"{_shorten(url)} (reached by a redirect from {_shorten(requested)})"


def _shorten(url: str, limit: int = 100) -> str:
    """The URL cut to `limit` characters, control characters shown escaped so a message stays one line."""
    visible = _CONTROL.sub(lambda found: repr(found.group())[1:-1], url)
    return visible if len(visible) <= limit else visible[: limit - 1] + "…"
