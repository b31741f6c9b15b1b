"""Crawl one origin breadth-first, politely and within bounds.

The crawl starts at the given URL and at the URLs of the site's sitemaps, honours robots.txt
(its rules and its Crawl-delay), follows links (`<a href>`, `<area href>`) and the pages that
frames embed, and never leaves the origin (scheme, host and port) nor follows a scheme other
than HTTP(S). Every request is bounded by the fetcher (time, size, redirects); the crawl as a
whole by pages, depth and time. Forms are read, never submitted.
"""

from __future__ import annotations

import re
import threading
import time
from collections import deque
from collections.abc import Iterator
from typing import Any, NamedTuple
from urllib.parse import urldefrag, urljoin, urlsplit

from datamin.records import Page
from datamin.web.fetch import FetchError, Limits, Response, client, fetch

# Links to these are not pages: not worth a request.
_NOT_PAGES = re.compile(
    r"\.(?:jpe?g|png|gif|webp|avif|svg|ico|bmp|tiff?|pdf|zip|gz|tgz|rar|7z|dmg|exe|msi|apk|mp[34]|m4a|mov|avi|"
    r"webm|ogg|wav|woff2?|ttf|otf|eot|css|js|mjs|map|json|xml|rss|atom|txt|csv|xlsx?|docx?|pptx?)$",
    re.I,
)
MAX_SITEMAPS = 10  # sitemap files read, index files included
MAX_QUEUED = 10_000  # URLs waiting: a site that links to endless URLs cannot fill the memory
MAX_CRAWL_DELAY = 30.0  # the most a robots.txt Crawl-delay is honoured up to, in seconds


class Settings(NamedTuple):
    max_pages: int = 50
    max_depth: int = 3  # links followed from the start page
    max_time: float = 300.0  # seconds for the whole crawl
    delay: float = 1.0  # seconds between the starts of two requests
    concurrency: int = 1  # requests in flight at once
    limits: Limits = Limits()  # per request: time, size, redirects, TLS, User-Agent
    render: bool = False  # read each HTML page after running its scripts in headless Chromium


class Visit(NamedTuple):
    """A page as the crawl saw it, and its HTML when it is an HTML page that could be read."""

    page: Page
    html: str | None


class Origin(NamedTuple):
    scheme: str
    host: str
    port: int

    @classmethod
    def of(cls, url: str) -> Origin | None:
        try:
            parts = urlsplit(url)
            port = parts.port
        except ValueError:  # a port that is not a number
            return None
        scheme = parts.scheme.lower()
        if scheme not in ("http", "https") or not parts.hostname:
            return None
        return cls(scheme, parts.hostname.lower(), port or (443 if scheme == "https" else 80))

    def url(self, path: str) -> str:
        default = 443 if self.scheme == "https" else 80
        host = f"[{self.host}]" if ":" in self.host else self.host
        return f"{self.scheme}://{host}{'' if self.port == default else f':{self.port}'}{path}"


def start_url(url: str) -> str:
    """The URL as the crawl starts from it; ValueError with the reason when it cannot."""
    url = url.strip()
    if "://" not in url:
        url = "https://" + url  # `datamin scan-url shop.example.sg`
    if Origin.of(url) is None:
        raise ValueError(f"{url} is not an http:// or https:// URL with a host")
    return urldefrag(url).url


class Crawler:
    def __init__(self, start: str, settings: Settings, *, browser: Any = None) -> None:
        self.start = start_url(start)
        self.scheme_guessed = "://" not in start  # `scan-url shop.example.sg`: https, else http
        origin = Origin.of(self.start)
        assert origin is not None
        self.origin = origin
        self.settings = settings
        self.browser = browser
        self.deadline = time.monotonic() + settings.max_time
        self.client = client(settings.limits)
        self.robots: Any = None
        self.delay = settings.delay
        self.notes: list[str] = []  # what the crawl decided on its own: robots.txt, sitemaps, limits
        self._last_start = -settings.delay
        self._turns = threading.Lock()
        self.blocked = ""  # why robots.txt disallows the whole site, when it does for want of one
        self.skipped: list[str] = []  # pages found but not fetched: robots.txt disallows them
        self._fetched: dict[str, Response | FetchError] = {}  # the start page, fetched once to settle the origin

    # -- what may be fetched ---------------------------------------------------------------

    def same_origin(self, url: str) -> bool:
        return Origin.of(url) == self.origin

    def allowed(self, url: str) -> bool:
        """Within the origin and allowed by robots.txt: the only URLs ever requested."""
        if not self.same_origin(url):
            return False
        return self.robots is None or bool(self.robots.can_fetch(url, self.settings.limits.user_agent))

    # -- requests ----------------------------------------------------------------------------

    def _wait_turn(self) -> None:
        """One request start per `delay` seconds across all workers, never past the deadline."""
        with self._turns:
            now = time.monotonic()
            slot = max(now, self._last_start + self.delay)
            self._last_start = slot
        if slot > now:
            time.sleep(min(slot - now, max(0.0, self.deadline - now)))

    def _get(self, url: str) -> Response:
        self._wait_turn()
        if time.monotonic() >= self.deadline:
            raise FetchError(url, f"the crawl's time limit ({self.settings.max_time:g} s) was reached")
        return fetch(url, self.settings.limits, self.allowed, deadline=self.deadline, client=self.client)

    # -- robots.txt and sitemaps -------------------------------------------------------------

    def read_robots(self) -> None:
        from protego import Protego

        url = self.origin.url("/robots.txt")
        self.robots = None
        try:
            response = self._get(url)
        except FetchError as exc:
            if exc.target:
                self.notes.append(f"robots.txt redirects outside the site ({exc.target}); read as if there were none")
                return
            if self.scheme_guessed and self.origin.scheme == "https":
                # No scheme was given: https first, then http, and say which answered.
                self.scheme_guessed = False
                plain = Origin.of("http://" + self.start.split("://", 1)[1])
                assert plain is not None
                self.notes.append(f"no scheme given; {self.origin.url('')} did not answer ({exc.message}): trying http")
                self.start, self.origin = "http://" + self.start.split("://", 1)[1], plain
                self.read_robots()
                if not self.blocked:
                    self.notes.append(f"{plain.url('')} answered: crawling it")
                return
            # RFC 9309: a robots.txt that cannot be reached disallows the whole site; when
            # nothing answers at all, the site is what cannot be reached.
            self.robots = Protego.parse("User-agent: *\nDisallow: /\n")
            self.blocked = f"the site cannot be reached ({exc.message})"
            self.notes.append(self.blocked)
            return
        if response.status >= 500:
            # RFC 9309: an unreachable robots.txt means the whole site is disallowed.
            self.robots = Protego.parse("User-agent: *\nDisallow: /\n")
            self.blocked = f"robots.txt answered HTTP {response.status}, which disallows the site"
            self.notes.append(self.blocked)
            return
        if response.status >= 400:
            return  # no robots.txt: everything is allowed
        text = response.body.decode(response.charset or "utf-8", errors="replace")
        self.robots = Protego.parse(text)
        asked = self.robots.crawl_delay(self.settings.limits.user_agent)
        if asked and asked > self.delay:
            self.delay = min(float(asked), MAX_CRAWL_DELAY)
            self.notes.append(f"robots.txt asks for {asked:g} s between requests; waiting {self.delay:g} s")

    def sitemap_urls(self) -> list[str]:
        """The page URLs the site's sitemaps list, within the origin."""
        sitemaps = deque([self.origin.url("/sitemap.xml")])
        if self.robots is not None:
            sitemaps.extend(s for s in self.robots.sitemaps if self.same_origin(s))
        pages: list[str] = []
        read: set[str] = set()
        while sitemaps and len(read) < MAX_SITEMAPS:
            url = sitemaps.popleft()
            if url in read or not self.allowed(url):
                continue
            read.add(url)
            try:
                response = self._get(url)
            except FetchError:
                continue
            if response.status != 200:
                continue
            children, listed = sitemap_locations(response.body)
            sitemaps.extend(c for c in children if self.same_origin(c))
            pages.extend(p for p in listed if self.same_origin(p))
        return pages

    # -- the crawl ---------------------------------------------------------------------------

    def crawl(self) -> Iterator[Visit]:
        """Pages in the order they were fetched. Stops at max_pages, at the deadline, or when
        nothing is left to fetch; the caller may stop early (Ctrl-C) and keep what it has."""
        from concurrent.futures import FIRST_COMPLETED, Future, ThreadPoolExecutor, wait

        self.read_robots()
        self._settle_start()
        queue: deque[tuple[str, int]] = deque([(self.start, 0)])
        seen = {self.start}
        if self.settings.max_depth > 0:
            for url in self.sitemap_urls():
                url = urldefrag(url).url
                if url not in seen and len(queue) < MAX_QUEUED:
                    seen.add(url)
                    queue.append((url, 1))
        # A headless browser is driven from one thread only.
        workers = 1 if self.browser is not None else max(1, self.settings.concurrency)
        pool = ThreadPoolExecutor(max_workers=workers, thread_name_prefix="datamin-crawl")
        in_flight: dict[Future[tuple[Visit, list[str]]], int] = {}
        visited = 0
        try:
            while queue or in_flight:
                while queue and len(in_flight) < workers and visited + len(in_flight) < self.settings.max_pages:
                    if time.monotonic() >= self.deadline:
                        break
                    url, depth = queue.popleft()
                    if self.allowed(url) and self.browser is not None:
                        done_now: Future[tuple[Visit, list[str]]] = Future()
                        done_now.set_result(self.visit(url, depth))  # the browser's own thread drives it
                        in_flight[done_now] = depth
                    elif self.allowed(url):
                        in_flight[pool.submit(self.visit, url, depth)] = depth
                    elif url == self.start:
                        why = self.blocked or "disallowed by robots.txt"
                        yield Visit(Page(url, None, depth, error=f"{why}; not fetched"), None)
                    elif not self.blocked:
                        self.skipped.append(url)
                if not in_flight:
                    break
                done, _ = wait(in_flight, return_when=FIRST_COMPLETED)
                for future in done:
                    depth = in_flight.pop(future)
                    visit, links = future.result()
                    visited += 1
                    seen.add(urldefrag(visit.page.url).url)
                    yield visit
                    if depth >= self.settings.max_depth:
                        continue
                    for link in links:
                        if link not in seen and self.same_origin(link) and len(queue) < MAX_QUEUED:
                            seen.add(link)
                            queue.append((link, depth + 1))
        finally:
            pool.shutdown(wait=False, cancel_futures=True)
        if self.skipped:
            listed = ", ".join(self.skipped[:5]) + (
                f" and {len(self.skipped) - 5} more" if len(self.skipped) > 5 else ""
            )
            self.notes.append(f"{len(self.skipped)} pages not fetched because robots.txt disallows them: {listed}")
        if queue and visited >= self.settings.max_pages:
            self.notes.append(f"stopped at --max-pages {self.settings.max_pages} with {len(queue)} pages not fetched")
        elif queue:
            self.notes.append(
                f"stopped at the time limit ({self.settings.max_time:g} s) with {len(queue)} pages not fetched"
            )

    def _settle_start(self) -> None:
        """`http://shop.example` that moves to `https://www.shop.example/`: the site is where
        its start page leads, when that is the same host but for `www.` and the scheme. Its
        robots.txt is read again there. Any other redirect is reported, not followed."""
        if not self.allowed(self.start):
            return
        try:
            self._fetched[self.start] = self._get(self.start)
        except FetchError as exc:
            moved = Origin.of(exc.target) if exc.target else None
            if moved is None or moved.host.removeprefix("www.") != self.origin.host.removeprefix("www."):
                self._fetched[self.start] = exc
                return
            self.notes.append(f"{self.start} leads to {exc.target}: crawling {moved.url('')} instead")
            self.start, self.origin = urldefrag(exc.target).url, moved
            self.read_robots()

    def visit(self, url: str, depth: int) -> tuple[Visit, list[str]]:
        try:
            fetched = self._fetched.pop(url, None)
            if isinstance(fetched, FetchError):
                raise fetched
            response = fetched or self._get(url)
        except FetchError as exc:
            return Visit(Page(url, None, depth, error=exc.message), None), []
        page = Page(response.url, response.status, depth)
        if response.status >= 400:
            return Visit(page._replace(error=f"HTTP {response.status}"), None), []
        if response.content_type not in ("text/html", "application/xhtml+xml", ""):
            return Visit(page._replace(error=f"not an HTML page ({response.content_type}); skipped"), None), []
        html = decode_page(response)
        if response.truncated:
            page = page._replace(error=f"larger than {self.settings.limits.max_bytes:,} bytes; read in part")
        if self.settings.render and self.browser is not None:
            html, page = self._render(response.url, html, page)
        outline = page_outline(html, response.url)
        return Visit(page._replace(title=outline.title), html), outline.links

    def _render(self, url: str, html: str, page: Page) -> tuple[str, Page]:
        from datamin.web.render import render

        limits = self.settings.limits
        timeout = max(0.1, min(limits.timeout, self.deadline - time.monotonic()))
        try:
            rendered = render(
                url,
                self.allowed,
                timeout=timeout,
                user_agent=limits.user_agent,
                browser=self.browser,
                max_bytes=limits.max_bytes,
                insecure=limits.insecure,
            )
        except Exception as exc:  # a page the browser cannot load still has its served HTML
            message = str(exc).splitlines()[0] if str(exc) else type(exc).__name__
            return html, page._replace(error=f"could not be rendered ({message}); read as served")
        return rendered.html, page._replace(rendered=True)

    def close(self) -> None:
        self.client.close()


# -- reading what came back ------------------------------------------------------------------


def decode_page(response: Response) -> str:
    from datamin.parse.decode import decode

    if response.charset:
        try:
            return response.body.decode(response.charset)
        except (LookupError, UnicodeDecodeError):
            pass
    return decode(response.body).text


def _document(html: str) -> Any:
    import lxml.html

    try:
        return lxml.html.document_fromstring(html or "<html></html>")
    except (ValueError, lxml.etree.ParserError):
        return None


class Outline(NamedTuple):
    """What a crawl takes from a page for itself: where it leads, and what it is called."""

    links: list[str]  # absolute, without fragments, in order
    title: str


def page_outline(html: str, url: str) -> Outline:
    """The links a crawl follows from a page and its title, from one parse of it."""
    document = _document(html)
    if document is None:
        return Outline([], "")
    base = url
    for element in document.iter("base"):
        if element.get("href"):
            base = urljoin(url, element.get("href").strip())
            break
    links: list[str] = []
    for element in document.iter("a", "area", "iframe", "frame"):
        target = element.get("src" if element.tag in ("iframe", "frame") else "href")
        if not target or target.strip().lower().startswith(("javascript:", "mailto:", "tel:", "data:", "#")):
            continue
        link = urldefrag(urljoin(base, target.strip())).url
        if Origin.of(link) is not None and not _NOT_PAGES.search(urlsplit(link).path):
            links.append(link)
    title = document.find(".//title")
    text = " ".join((title.text_content() if title is not None else "").split())[:200]
    return Outline(list(dict.fromkeys(links)), text)


def sitemap_locations(body: bytes) -> tuple[list[str], list[str]]:
    """(sitemaps an index lists, pages a sitemap lists). Read without entities or network."""
    import zlib

    from lxml import etree

    if body[:2] == b"\x1f\x8b":  # a .xml.gz sitemap served as is
        inflater = zlib.decompressobj(16 + zlib.MAX_WBITS)
        try:
            body = inflater.decompress(body, 10 * 1024 * 1024)
        except zlib.error:
            return [], []
    parser = etree.XMLParser(resolve_entities=False, no_network=True, huge_tree=False, recover=True)
    try:
        root = etree.fromstring(body, parser)
    except (etree.XMLSyntaxError, ValueError):
        return [], []
    if root is None:
        return [], []
    children: list[str] = []
    pages: list[str] = []
    for element in root.iter("{*}loc"):
        text = (element.text or "").strip()
        parent = element.getparent()
        if not text or parent is None:
            continue
        (children if etree.QName(parent).localname == "sitemap" else pages).append(text)
    return children, pages
