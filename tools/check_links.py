"""Checks that no internal link of a built HTML site is broken.

Run:  python tools/check_links.py build/docs/site

Every href and src of every HTML file that points inside the site (a relative
URL, without a scheme or host) must name a file that exists, and its #fragment,
if any, an id or name in that file. Links out of the site (http:, mailto:, ...)
are not followed: the build reads nothing from the network. Exits 1 listing
each broken link with the page it is on.
"""

from __future__ import annotations

import html.parser
import pathlib
import sys
import urllib.parse


class _Page(html.parser.HTMLParser):
    """The links and anchors of one HTML page."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.links: list[str] = []
        self.anchors: set[str] = set()

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        for name, value in attrs:
            if value is None:
                continue
            if name in ("id", "name"):
                self.anchors.add(value)
            elif name == "href" or (name == "src" and tag in ("img", "script", "iframe")):
                self.links.append(value)


def _parse(path: pathlib.Path) -> _Page:
    page = _Page()
    page.feed(path.read_text(encoding="utf-8", errors="replace"))
    return page


def broken_links(site: pathlib.Path) -> list[str]:
    """Each broken internal link of the site, as "<page>: <link>: <why>"."""
    pages: dict[pathlib.Path, _Page] = {}

    def page_of(path: pathlib.Path) -> _Page:
        if path not in pages:
            pages[path] = _parse(path)
        return pages[path]

    problems = []
    for path in sorted(site.rglob("*.html")):
        for link in page_of(path).links:
            url = urllib.parse.urlsplit(link)
            if url.scheme or url.netloc or link.startswith("//"):
                continue  # out of the site
            target = path if not url.path else (path.parent / urllib.parse.unquote(url.path))
            target = target.resolve()
            where = f"{path.relative_to(site)}: {link}"
            if site.resolve() not in target.parents and target != site.resolve():
                problems.append(f"{where}: points outside the site")
                continue
            if target.is_dir():
                target = target / "index.html"
            if not target.exists():
                problems.append(f"{where}: no such file")
                continue
            fragment = urllib.parse.unquote(url.fragment)
            if fragment and target.suffix == ".html" and fragment not in page_of(target).anchors:
                problems.append(f"{where}: no anchor #{fragment}")
    return problems


def main(argv: list[str]) -> int:
    if len(argv) != 2:
        print("usage: python tools/check_links.py SITE_DIRECTORY", file=sys.stderr)
        return 2
    site = pathlib.Path(argv[1])
    if not (site / "index.html").exists():
        print(f"{site}: no index.html; build the site first", file=sys.stderr)
        return 2
    problems = broken_links(site)
    for problem in problems:
        print(problem, file=sys.stderr)
    count = sum(1 for _ in site.rglob("*.html"))
    if problems:
        print(f"{len(problems)} broken internal links in {count} pages", file=sys.stderr)
        return 1
    print(f"no broken internal link in {count} pages")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
