"""The report's methods section: the definitions of the measures it shows,
taken from docs/metrics.md into ``methods.json`` (shipped in the package, so
an installed carelearn has them without the repository), with a Danish
translation of each.

``methods.json`` is generated; after docs/metrics.md changes, run::

    python -m carelearn.report._methods docs/metrics.md

which rewrites the English and keeps each Danish translation whose English
is unchanged (a translation records the SHA-256 of the English it
translates). The test suite fails while the file is out of date or a
translation is stale, saying which.
"""

from __future__ import annotations

import hashlib
import html
import json
import pathlib
import re
import sys
from typing import Any, Final

__all__ = ["ENTRIES", "extract", "inline_html", "load", "regenerate"]

PATH: Final = pathlib.Path(__file__).with_name("methods.json")

ENTRIES: Final[tuple[tuple[str, str, str], ...]] = (
    ("cadence", "## Cadence", "intro"),
    ("cadence.planned", "## Cadence", "planned"),
    ("cadence.held", "## Cadence", "held"),
    ("cadence.not_recorded", "## Cadence", "not_recorded"),
    ("cadence.adherence", "## Cadence", "adherence"),
    ("link", "## Plan and record", "intro"),
    ("reach", "## Reach", "intro"),
    ("reach.staff", "## Reach", "staff"),
    ("reach.reached", "## Reach", "reached"),
    ("reach.reached_share", "## Reach", "reached_share"),
    ("fidelity.budget", "## Fidelity", "Step budget for the people present"),
    ("outcomes", "## Outcomes", "intro"),
    ("responsiveness", "## Responsiveness", "intro"),
    ("circles.matrix", "## Learning circles", "matrix"),
)
"""What the report quotes: (key, the section's heading as it starts, and
``"intro"`` for its first paragraph, a column name for that row of its
table, or the bold words that open a bullet)."""


def _sections(markdown: str) -> dict[str, list[str]]:
    sections: dict[str, list[str]] = {}
    current: list[str] | None = None
    for line in markdown.splitlines():
        if line.startswith("## "):
            current = sections.setdefault(line, [])
        elif current is not None:
            current.append(line)
    return sections


def _blocks(lines: list[str]) -> list[str]:
    """Paragraphs and bullets, each joined into one line."""
    blocks: list[str] = []
    current: list[str] = []
    for line in lines:
        bullet = line.startswith("- ")
        if not line.strip() or line.startswith("|") or line.startswith("```") or bullet:
            if current:
                blocks.append(" ".join(current))
            current = [line[2:].strip()] if bullet else []
            if not bullet and not line.strip() == "" and current == []:
                blocks.append(line)
            continue
        current.append(line.strip())
    if current:
        blocks.append(" ".join(current))
    return blocks


def extract(markdown: str) -> dict[str, str]:
    """The English of every entry of :data:`ENTRIES`, by key, from the text of
    docs/metrics.md. Raises ValueError naming an entry it cannot find."""
    sections = _sections(markdown)
    found: dict[str, str] = {}
    for key, heading, what in ENTRIES:
        matches = [lines for name, lines in sections.items() if name.startswith(heading)]
        if not matches:
            raise ValueError(f'{key}: docs/metrics.md has no section "{heading}"')
        lines = matches[0]
        text: str | None = None
        if what == "intro":
            paragraphs = [
                b for b in _blocks(lines) if b and not b.startswith(("|", "```", "#"))
            ]
            text = paragraphs[0] if paragraphs else None
        else:
            row = re.compile(r"^\|\s*`" + re.escape(what) + r"`[^|]*\|\s*(.+?)\s*\|\s*$")
            for line in lines:
                m = row.match(line)
                if m:
                    text = f"`{what}`: {m.group(1)}"
                    break
            if text is None:
                for block in _blocks(lines):
                    if re.match(r"^(The )?\*\*" + re.escape(what) + r"\*\*", block):
                        text = block
                        break
        if text is None:
            raise ValueError(f'{key}: "{what}" not found in "{heading}" of docs/metrics.md')
        found[key] = text
    return found


def _sha(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:16]


def load() -> dict[str, dict[str, Any]]:
    """``methods.json``: by key, ``{"en": ..., "da": ..., "en_sha": ...}``."""
    data: dict[str, dict[str, Any]] = json.loads(PATH.read_text(encoding="utf-8"))["entries"]
    return data


def regenerate(markdown: str) -> tuple[dict[str, dict[str, Any]], list[str]]:
    """The entries for ``markdown`` (docs/metrics.md's text), keeping each Danish
    translation whose English is unchanged; and the keys whose Danish is stale
    or missing."""
    old = load() if PATH.exists() else {}
    entries: dict[str, dict[str, Any]] = {}
    stale: list[str] = []
    for key, en in extract(markdown).items():
        previous = old.get(key, {})
        da = previous.get("da")
        if previous.get("en_sha") != _sha(en):
            stale.append(key)
        entries[key] = {"en": en, "da": da, "en_sha": previous.get("en_sha")}
    return entries, stale


def inline_html(markdown: str) -> str:
    """Inline Markdown (``code``, **bold**, *italic*) as escaped HTML."""
    out = html.escape(markdown, quote=False)
    out = re.sub(r"`([^`]+)`", r"<code>\1</code>", out)
    out = re.sub(r"\*\*([^*]+)\*\*", r"<strong>\1</strong>", out)
    out = re.sub(r"(?<![*\w])\*([^*\s][^*]*)\*(?![*\w])", r"<em>\1</em>", out)
    return out


def _main(argv: list[str]) -> int:
    if len(argv) != 1:
        print("usage: python -m carelearn.report._methods docs/metrics.md", file=sys.stderr)
        return 2
    entries, stale = regenerate(pathlib.Path(argv[0]).read_text(encoding="utf-8"))
    PATH.write_text(
        json.dumps({"source": "docs/metrics.md", "entries": entries}, ensure_ascii=False, indent=1)
        + "\n",
        encoding="utf-8",
    )
    for key in stale:
        print(
            f"{PATH.name}: {key}: the English changed; translate it into Danish and set "
            f'"en_sha" to {_sha(entries[key]["en"])}',
            file=sys.stderr,
        )
    return 1 if stale else 0


if __name__ == "__main__":
    raise SystemExit(_main(sys.argv[1:]))
