"""Scan a built site for anything that could run as script and that the theme did not put there,
and for links within the site that lead nowhere.

The reference for "what the theme puts there" is the site's own 404.html: the theme renders it
from no Markdown and no data at all, so every script on it is the theme's. A page may carry
those inline scripts (compared with relative paths normalized) and scripts loaded from the
site's own assets/javascripts/. Anything else is reported: other scripts, event-handler
attributes (onclick…), javascript:/vbscript:/data: addresses, iframes, objects, embeds, frames,
base elements and meta refreshes but to a page of the site.

The generator writes some links itself, in the HTML pieces MkDocs passes through unchecked (see
templates/macros.md.j2): every relative link of every page is followed here, to a page or file
of the site and, with an anchor, to an element with that id. A broken one is reported too.

The search box loads Pagefind's script from pagefind/ with import(), which no page shows: that
folder must hold Pagefind's own files and nothing else (generator/search/bundle.py tells them).
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urlsplit

from .search.bundle import INDEX_DIR, foreign_files

FORBIDDEN_ELEMENTS = frozenset({"iframe", "frame", "frameset", "object", "embed", "applet", "base", "portal"})
URL_ATTRIBUTES = frozenset(
    {
        "href",
        "src",
        "action",
        "formaction",
        "xlink:href",
        "data",
        "poster",
        "background",
        "cite",
        "srcset",
        "ping",
        "codebase",
        "manifest",
        "lowsrc",
        "dynsrc",
    }
)
_SCOPE = re.compile(r'new URL\("[^"]*",location\)')
_REFRESH = re.compile(r"0;\s*url=(?P<url>[^\s;]+)", re.IGNORECASE)
_CONTROL = re.compile(r"[\x00-\x20]+")
_SAFE_DATA = re.compile(r"data:image/(?:png|gif|jpe?g|webp|avif);", re.IGNORECASE)


@dataclass(frozen=True, order=True, slots=True)
class Finding:
    page: str
    line: int
    what: str

    def __str__(self) -> str:
        return f"{self.page}:{self.line}: {self.what}"


def normalize_script(text: str) -> str:
    """Inline theme scripts differ between pages only by the path to the site root."""
    return _SCOPE.sub("new URL(ROOT,location)", text.strip())


class _PageScanner(HTMLParser):
    def __init__(self, page: str, allowed_inline: frozenset[str], assets: Path, page_dir: Path) -> None:
        super().__init__(convert_charrefs=True)
        self.page = page
        self.allowed_inline = allowed_inline
        self.assets = assets.resolve()
        self.page_dir = page_dir
        self.findings: list[Finding] = []
        self.inline_scripts: list[str] = []
        self.ids: set[str] = set()
        self.links: list[tuple[int, str]] = []  # (line, href) of the links within the site
        self._script: list[str] | None = None
        self._script_line = 0

    def _report(self, what: str) -> None:
        self.findings.append(Finding(self.page, self.getpos()[0], what))

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = {name: value or "" for name, value in attrs}
        if "id" in values:
            self.ids.add(values["id"])
        if tag == "a" and "href" in values and _within_site(values["href"]):
            self.links.append((self.getpos()[0], values["href"]))
        for name, value in values.items():
            if name.startswith("on"):
                self._report(f"<{tag}> has an event-handler attribute {name}={value[:60]!r}")
            if name in URL_ATTRIBUTES and _dangerous_url(value):
                self._report(f"<{tag} {name}> points to a script or data address: {value[:60]!r}")
        if tag in FORBIDDEN_ELEMENTS:
            self._report(f"<{tag}> element")
        if tag == "meta" and values.get("http-equiv", "").lower() == "refresh":
            self._refresh(values.get("content", ""))
        if tag == "script":
            self._start_script(values)

    def _refresh(self, content: str) -> None:
        """Only the generator's pages left at old addresses refresh, at once, to a page of the site
        (templates/moved.html.j2), which is then checked like any other link."""
        match = _REFRESH.fullmatch(content.strip())
        if match and _within_site(match["url"]) and not _dangerous_url(match["url"]):
            self.links.append((self.getpos()[0], match["url"]))
        else:
            self._report(f"<meta http-equiv=refresh> to anything but a page of the site: {content[:60]!r}")

    def _start_script(self, values: dict[str, str]) -> None:
        if "src" in values:
            if not self._own_script(values["src"]):
                self._report(f"<script src={values['src'][:60]!r}> is not one of the site's own scripts")
            return
        if values.get("type", "").lower() == "application/json":
            return  # data for the theme, never executed
        self._script = []
        self._script_line = self.getpos()[0]

    def _own_script(self, src: str) -> bool:
        parts = urlsplit(src)
        if parts.scheme or parts.netloc:
            return False
        if parts.path.startswith("/"):  # 404.html uses paths from the site root, which may be a sub-path
            _, found, rest = parts.path.partition("/assets/javascripts/")
            return (
                bool(found)
                and (self.assets / rest).resolve().is_file()
                and self.assets in (self.assets / rest).resolve().parents
            )
        target = (self.page_dir / parts.path).resolve()
        return self.assets in target.parents and target.is_file()

    def handle_data(self, data: str) -> None:
        if self._script is not None:
            self._script.append(data)

    def handle_endtag(self, tag: str) -> None:
        if tag == "script" and self._script is not None:
            text = normalize_script("".join(self._script))
            self.inline_scripts.append(text)
            if text not in self.allowed_inline:
                self.findings.append(
                    Finding(self.page, self._script_line, f"inline <script> not from the theme: {text[:60]!r}")
                )
            self._script = None


def _dangerous_url(value: str) -> bool:
    url = _CONTROL.sub("", html.unescape(value)).lower()
    if url.startswith(("javascript:", "vbscript:", "livescript:")):
        return True
    return url.startswith("data:") and not _SAFE_DATA.match(url)


def _within_site(href: str) -> bool:
    """A relative link to a page or a place of the site (not to another site, nor from its root)."""
    parts = urlsplit(href)
    return not (parts.scheme or parts.netloc or parts.path.startswith("/")) and bool(parts.path or parts.fragment)


def theme_scripts(site: Path) -> frozenset[str]:
    """The inline scripts of 404.html, which the theme renders without any content."""
    reference = site / "404.html"
    scanner = _PageScanner("404.html", frozenset(), site / "assets" / "javascripts", site)
    scanner.feed(reference.read_text(encoding="utf-8"))
    return frozenset(scanner.inline_scripts)


def scan_site(site: Path) -> list[Finding]:
    """Return everything on the site's pages that could run as script and is not the theme's, and
    every link within the site that leads nowhere."""
    allowed = theme_scripts(site)
    findings: list[Finding] = []
    scanned: dict[Path, _PageScanner] = {}
    for page in sorted(site.rglob("*.html")):
        scanner = _PageScanner(page.relative_to(site).as_posix(), allowed, site / "assets" / "javascripts", page.parent)
        scanner.feed(page.read_text(encoding="utf-8", errors="replace"))
        scanner.close()
        findings += scanner.findings
        scanned[page.resolve()] = scanner
    for page, scanner in scanned.items():
        findings += [
            Finding(scanner.page, line, f"the link {href[:80]!r} leads nowhere: {why}")
            for line, href in scanner.links
            if (why := _broken(site.resolve(), page, href, scanned))
        ]
    return sorted(findings + scan_search_index(site))


def scan_search_index(site: Path) -> list[Finding]:
    """Every file of the search index folder that Pagefind did not write."""
    index = site / INDEX_DIR
    if not index.is_dir():
        return []
    return [Finding(f"{INDEX_DIR}/{name}", 1, why) for name, why in foreign_files(index)]


def _broken(site: Path, page: Path, href: str, scanned: dict[Path, _PageScanner]) -> str | None:
    """Why a relative link from `page` leads nowhere, or None when it leads somewhere."""
    parts = urlsplit(href)
    target = (page.parent / unquote(parts.path)).resolve() if parts.path else page
    if target.is_dir():
        target = target / "index.html"
    if site not in target.parents or not target.is_file():
        return "no such page or file in the site"
    if parts.fragment and target.suffix == ".html":
        ids = scanned[target].ids if target in scanned else set()
        if unquote(parts.fragment) not in ids:
            return f"no element with id {unquote(parts.fragment)!r} on {target.relative_to(site).as_posix()}"
    return None
