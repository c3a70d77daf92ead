"""carelearn.report and ``carelearn report``: the evaluation report of a
simulated year, its figures against carelearn.metrics', its privacy, and the
HTML as a browser and a standards-conformant parser see it."""

from __future__ import annotations

import base64
import datetime
import io
import json
import math
import pathlib
import re
import shutil
import subprocess
import sys

import html5lib
import numpy as np
import pandas as pd
import pytest
from PIL import Image

import carelearn
import carelearn.cli
import carelearn.metrics as cm
import carelearn.report
from carelearn.report import _methods

REPO = pathlib.Path(__file__).resolve().parents[2]

# Planted in the sessions: none of it may reach a report.
PLANTED = [
    "Jens Peter Hansen",
    "010203-1234",
    "0102031234",
    "jens.hansen@example.dk",
    "Karen Sørensen",
    "HEMMELIG-NOTE",
]


@pytest.fixture(scope="module")
def year(tmp_path_factory: pytest.TempPathFactory) -> carelearn.SimulationSummary:
    return carelearn.simulate(tmp_path_factory.mktemp("report") / "year", units=5)


@pytest.fixture(scope="module")
def reports(
    year: carelearn.SimulationSummary, tmp_path_factory: pytest.TempPathFactory
) -> dict[str, carelearn.report.Report]:
    out = tmp_path_factory.mktemp("html")
    return {
        lang: carelearn.report.write(year.directory, out / f"report-{lang}.html", lang=lang)
        for lang in ("da", "en")
    }


def _tables(year: carelearn.SimulationSummary) -> carelearn.SessionTables:
    with carelearn.Store(year.sessions_file) as store:
        return carelearn.read_tables(store)


def test_the_period_is_the_simulated_year(reports: dict[str, carelearn.report.Report]) -> None:
    for report in reports.values():
        assert report.first == datetime.date(2026, 1, 1)
        assert report.last == datetime.date(2026, 12, 31)


def test_the_headline_counts_every_planned_and_held_meeting(
    year: carelearn.SimulationSummary, reports: dict[str, carelearn.report.Report]
) -> None:
    # The simulation makes one session per planned occurrence, all on their
    # planned day: held / planned is the summary's held / sessions.
    adherence = reports["en"].headline["adherence"]
    assert adherence.denominator == year.sessions
    assert adherence.numerator == year.held
    assert adherence.value == pytest.approx(year.held / year.sessions)
    assert adherence.against == (
        f"{year.held:,} of the programme's {year.sessions:,} planned sessions were held"
    )
    follow = reports["en"].headline["follow_through"]
    assert follow.denominator == year.actions
    da = reports["da"].headline["adherence"]
    assert (da.numerator, da.denominator) == (adherence.numerator, adherence.denominator)
    assert da.label == "Kadence overholdt"


def test_the_frames_are_the_metrics_apis(
    year: carelearn.SimulationSummary, reports: dict[str, carelearn.report.Report]
) -> None:
    report = reports["en"]
    tables = _tables(year)
    programme = carelearn.load_programme(year.programme_file)
    roster = cm.read_roster(year.roster_file)
    window = {"start": datetime.date(2026, 1, 1), "end": datetime.date(2027, 1, 1)}
    expected = {
        "cadence": cm.cadence(tables, programme, period="year", **window),
        "cadence_month": cm.cadence(tables, programme, period="month", **window),
        "reach": cm.reach(tables, roster, period="year", **window),
        "reach_profession": cm.reach(
            tables, roster, by=("unit", "profession"), period="year", **window
        ),
        "fidelity": cm.fidelity(tables, period="year"),
        "step_fidelity": cm.step_fidelity(tables, period="year"),
        "outcomes": cm.outcomes(tables, period="year", as_of="2027-01-01"),
        "responsiveness": cm.responsiveness(tables, period="year"),
        "circle_matrix": cm.circle_matrix(tables, period="year", municipality=programme),
        "circles": cm.circles(tables, period="year", municipality=programme),
    }
    assert set(report.frames) == set(expected)
    for name, frame in expected.items():
        pd.testing.assert_frame_equal(report.frames[name], frame, obj=name)
    # The headline figures are the sums of those frames.
    c = expected["cadence"]
    assert report.headline["adherence"].value == c["held"].sum() / c["planned"].sum()
    r = expected["reach"].dropna(subset=["staff"])
    assert report.headline["reach"].numerator == r["reached"].sum()
    assert report.headline["reach"].denominator == r["staff"].sum()
    o = expected["outcomes"]
    assert report.headline["follow_through"].value == o["done"].sum() / o["actions"].sum()
    s = expected["step_fidelity"]
    held = s.loc[s["held"] > 0, "held"].sum()
    assert report.headline["overrun"].denominator == held
    assert report.headline["overrun"].numerator == round(
        (s["overrun_rate"] * s["held"]).sum()
    )
    assert 0 < report.headline["overrun"].value < 1


def test_the_html_holds_the_headline_tables_methods_and_provenance(
    year: carelearn.SimulationSummary, reports: dict[str, carelearn.report.Report]
) -> None:
    en = reports["en"].html
    assert "<title>Evaluation of learning formats</title>" in en
    assert '<html lang="en">' in en
    for label in ("Adherence", "Reach", "Overrun rate", "Action follow-through"):
        assert f"<dt>{label}</dt>" in en
    assert "home-care-north" in en  # the tables per unit
    assert "systematic-learning-meeting" in en
    assert "<code>held / planned</code>" in en  # methods, from docs/metrics.md
    assert f"{year.sessions:,} sessions" in en  # provenance
    assert "sessions.db (store (SQLite))" in en
    assert "2026-01-01 to 2026-12-31 inclusive" in en
    da = reports["da"].html
    assert "<title>Evaluering af læringsformater</title>" in da
    assert '<html lang="da">' in da
    assert f"{year.sessions:,}".replace(",", ".") + " sessioner" in da
    assert "1.1.2026 til og med 31.12.2026" in da
    assert "Tidsramme for de fremmødte" in da


def test_no_network_and_no_script(reports: dict[str, carelearn.report.Report]) -> None:
    for report in reports.values():
        assert "<script" not in report.html
        assert not re.search(r"""(src|href)=["']?(https?:|//)""", report.html)
        assert len(re.findall(r'<img src="data:image/png;base64,', report.html)) == 5


def _images(html: str) -> list[tuple[np.ndarray, str]]:
    found = []
    for data, alt in re.findall(r'<img src="data:image/png;base64,([^"]+)" alt="([^"]*)"', html):
        image = Image.open(io.BytesIO(base64.b64decode(data))).convert("RGB")
        found.append((np.asarray(image, dtype=float), alt))
    return found


def test_every_figure_is_drawn_with_alt_text(reports: dict[str, carelearn.report.Report]) -> None:
    for report in reports.values():
        images = _images(report.html)
        assert len(images) == 5
        for pixels, alt in images:
            assert pixels.shape[0] > 200 and pixels.shape[1] > 300
            assert pixels.std() > 10  # not blank
            assert len(alt) > 20
        assert set(report.figures) == {"cadence", "steps", "reach", "funnel", "circles"}


def test_the_html_is_valid_and_every_image_has_alt_text(
    reports: dict[str, carelearn.report.Report],
) -> None:
    for report in reports.values():
        parser = html5lib.HTMLParser(strict=True, namespaceHTMLElements=False)
        document = parser.parse(report.html)
        images = document.findall(".//img")
        assert len(images) == 5
        assert all(img.get("alt") for img in images)
        assert document.find(".//title").text == report.title


def _plant(line: str, n: int) -> str:
    session = json.loads(line)
    for point in session.get("learning_points", []):
        point["text"] = f"{PLANTED[0]} ({PLANTED[1]}) sagde det"
    for action in session.get("actions", []):
        action["text"] = f"Ring til {PLANTED[4]}, {PLANTED[3]}"
    for item in session.get("feedback", []):
        item["comment"] = f"{PLANTED[2]} var god"
    session.setdefault("notes", []).append(
        {"text": f"{PLANTED[5]} om {PLANTED[0]}", "confidential": True}
    )
    return json.dumps(session, ensure_ascii=False)


def test_no_identifier_or_confidential_text_reaches_the_report(
    year: carelearn.SimulationSummary, tmp_path: pathlib.Path
) -> None:
    source = tmp_path / "planted.jsonl"
    with carelearn.Store(year.sessions_file) as store:
        store.export_sessions(tmp_path / "all.jsonl", include_confidential=True)
    lines = (tmp_path / "all.jsonl").read_text(encoding="utf-8").splitlines()
    planted = [_plant(line, i) for i, line in enumerate(lines[:300])]
    # Bad lines holding the same, which the report lists as skipped.
    planted.append(json.dumps({"schema": "session/1", "id": PLANTED[1], "who": PLANTED[0]}))
    planted.append(f'{{"schema": "session/1", "note": "{PLANTED[3]}" ')
    source.write_text("\n".join(planted) + "\n", encoding="utf-8")
    tables = carelearn.read_tables(
        source, free_text=True, confidential_text=True, identifiers=True, on_error="skip"
    )
    assert len(tables.skipped) == 2
    texts = " ".join(tables.learning_points["text"].dropna().astype(str))
    assert PLANTED[0] in texts  # planted where a free-text reader finds it
    for lang in ("da", "en"):
        report = carelearn.report.write(
            source,
            tmp_path / f"{lang}.html",
            programme=year.programme_file,
            roster=year.roster_file,
            lang=lang,
        )
        html = (tmp_path / f"{lang}.html").read_text(encoding="utf-8")
        assert html == report.html
        for planted_text in PLANTED:
            assert planted_text not in html, planted_text
            assert planted_text.lower() not in html.lower(), planted_text
        assert re.search(r"\d{6}-?\d{4}", html) is None  # nothing shaped like a CPR number
        assert re.search(r"[\w.-]+@[\w-]+\.\w+", html) is None  # nor like an e-mail address
        # The skipped lines are there, by line number and cause.
        assert ("line 301" if lang == "en" else "linje 301") in html
        assert ("line 302" if lang == "en" else "linje 302") in html


def test_small_cells_are_withheld(
    year: carelearn.SimulationSummary, tmp_path: pathlib.Path
) -> None:
    # With a threshold above every unit's head count, every reach row is withheld.
    report = carelearn.report.build(year.directory, lang="en", threshold=1000)
    assert report.frames["reach"]["suppressed"].all()
    assert math.isnan(report.headline["reach"].value)
    unit_table = report.html.split("Reach per unit")[1].split("</table>")[0]
    cells = re.findall(r'<td class="num">([^<]*)</td>', unit_table)
    assert cells and all(cell == "*" for cell in cells)


def test_a_period_of_a_store_and_of_json_lines(
    year: carelearn.SimulationSummary, tmp_path: pathlib.Path
) -> None:
    spring = {"start": "2026-03-01", "end": "2026-06-01"}
    from_store = carelearn.report.build(year.directory, lang="en", **spring)
    with carelearn.Store(year.sessions_file) as store:
        store.export_sessions(tmp_path / "all.jsonl")
        in_spring = store.count(
            start=datetime.datetime(2026, 3, 1, tzinfo=datetime.timezone(datetime.timedelta(hours=1))),
            end=datetime.datetime(2026, 6, 1, tzinfo=datetime.timezone(datetime.timedelta(hours=2))),
        )
    from_file = carelearn.report.build(
        tmp_path / "all.jsonl",
        programme=year.programme_file,
        roster=year.roster_file,
        lang="en",
        **spring,
    )
    for report in (from_store, from_file):
        assert (report.first, report.last) == (datetime.date(2026, 3, 1), datetime.date(2026, 5, 31))
        assert report.headline["adherence"].denominator == in_spring
        assert f"{in_spring:,} sessions" in report.html


def test_without_programme_or_roster_the_report_says_so(
    year: carelearn.SimulationSummary, tmp_path: pathlib.Path
) -> None:
    lone = tmp_path / "sessions.db"
    shutil.copy(year.sessions_file, lone)
    report = carelearn.report.build(lone, lang="en")
    assert math.isnan(report.headline["adherence"].value)
    assert "without a programme/1 document" in report.headline["adherence"].against
    assert "without a roster" in report.headline["reach"].against
    assert "not measured" in report.html
    assert set(report.figures) == {"steps", "funnel", "circles"}


def test_an_empty_store(tmp_path: pathlib.Path) -> None:
    with carelearn.Store(tmp_path / "empty.db"):
        pass
    report = carelearn.report.write(tmp_path / "empty.db", tmp_path / "e.html", lang="en")
    assert report.first is None and report.figures == {}
    assert "No data to draw" in report.html
    html5lib.HTMLParser(strict=True).parse(report.html)


@pytest.mark.parametrize(
    ("kwargs", "error", "message"),
    [
        ({"lang": "fr"}, ValueError, 'lang: unknown value "fr"'),
        ({"lang": 1}, TypeError, "lang must be a str"),
        ({"start": "2026-01-01"}, ValueError, "start, end: give both"),
        ({"start": "2026-02-01", "end": "2026-01-01"}, ValueError, "end: 2026-01-01 is not after"),
        ({"threshold": 0}, ValueError, "threshold: 0 is not from 1"),
        ({"programme": 5}, TypeError, "programme must be a path"),
    ],
)
def test_bad_arguments_are_named(
    year: carelearn.SimulationSummary, kwargs: dict[str, object], error: type, message: str
) -> None:
    with pytest.raises(error, match=re.escape(message)):
        carelearn.report.build(year.directory, **kwargs)  # type: ignore[arg-type]


def test_a_missing_source(tmp_path: pathlib.Path) -> None:
    with pytest.raises(carelearn.NotFoundError, match="no such file"):
        carelearn.report.build(tmp_path / "nothing.db")
    with pytest.raises(carelearn.NotFoundError, match="no sessions.db or sessions.jsonl"):
        carelearn.report.build(tmp_path)


def test_the_methods_are_docs_metrics_md(tmp_path: pathlib.Path) -> None:
    entries, stale = _methods.regenerate((REPO / "docs" / "metrics.md").read_text("utf-8"))
    assert stale == [], "methods.json: translate these again (python -m carelearn.report._methods docs/metrics.md)"
    assert entries == _methods.load(), "methods.json is out of date: python -m carelearn.report._methods docs/metrics.md"
    assert all(entry["da"] for entry in entries.values())


def test_inline_markdown_is_escaped() -> None:
    assert _methods.inline_html("`a < b` and **c** & *d*") == (
        "<code>a &lt; b</code> and <strong>c</strong> &amp; <em>d</em>"
    )


# ----------------------------------------------------------------- command line


class _Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_carelearn_simulate_on_the_command_line(
    tmp_path: pathlib.Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    terminal = _Terminal()
    monkeypatch.setattr(sys, "stderr", terminal)
    code = carelearn.cli.main(["simulate", str(tmp_path / "s"), "--units", "2"])
    assert code == 0
    assert "\rsimulating [" in terminal.getvalue()
    assert "100%" in terminal.getvalue()
    out = capsys.readouterr().out
    assert "(synthetic data)" in out
    assert (tmp_path / "s" / "sessions.db").is_file()
    assert "simulate" in carelearn.cli.commands()
    # again: the data set is in the way, unless --overwrite
    monkeypatch.setattr(sys, "stderr", io.StringIO())
    assert carelearn.cli.main(["simulate", str(tmp_path / "s"), "--units", "2", "--quiet"]) == 2
    assert carelearn.cli.main(
        ["simulate", str(tmp_path / "s"), "--units", "2", "--quiet", "--overwrite"]
    ) == 0


def test_carelearn_report_on_the_command_line(
    year: carelearn.SimulationSummary,
    tmp_path: pathlib.Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    terminal = _Terminal()
    monkeypatch.setattr(sys, "stderr", terminal)
    out = tmp_path / "r.html"
    code = carelearn.cli.main(["report", str(year.directory), "--out", str(out), "--lang", "en"])
    assert code == 0
    printed = capsys.readouterr().out.splitlines()
    assert printed[0] == str(out)
    assert printed[1].startswith("  Adherence: ")
    assert re.fullmatch(r"  Adherence: \d+\.\d % \([\d,]+ of the programme's [\d,]+ planned .*\)", printed[1])
    assert "planned sessions were held" in printed[1]
    assert "report: reading the sessions" in terminal.getvalue()
    assert "report: drawing the figures" in terminal.getvalue()
    assert "<title>Evaluation of learning formats</title>" in out.read_text("utf-8")


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--from", "2026-01-01"], "give --from and --to together"),
        (["--from", "2026-02-01", "--to", "2026-01-01"], "--to 2026-01-01 is not after"),
        (["--lang", "fr"], 'unknown language "fr"'),
        (["--threshold", "0"], "0 is not from 1 to 1000"),
    ],
)
def test_report_mistakes_are_one_line(
    year: carelearn.SimulationSummary,
    tmp_path: pathlib.Path,
    capsys: pytest.CaptureFixture[str],
    args: list[str],
    message: str,
) -> None:
    argv = ["report", str(year.directory), "--out", str(tmp_path / "x.html"), *args]
    assert carelearn.cli.main(argv) == 2
    err = capsys.readouterr().err
    assert len(err.splitlines()) == 1 and err.startswith("carelearn report")
    assert message in err


# ----------------------------------------------------------------- a real browser

CHROMIUM = shutil.which("chromium")

_CHECK = """
<script>
window.addEventListener("load", () => {
  const images = Array.from(document.images);
  const broken = images.filter(i => !i.complete || i.naturalWidth === 0).length;
  const out = document.createElement("pre");
  out.id = "carelearn-check";
  out.textContent = `images=${images.length} broken=${broken} title=${document.title}`;
  document.body.appendChild(out);
});
</script>
"""


def _chromium(*args: str) -> subprocess.CompletedProcess[str]:
    assert CHROMIUM is not None, "chromium is not installed: bash tools/install-deps.sh --test"
    return subprocess.run(
        [
            CHROMIUM,
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--disable-dev-shm-usage",
            "--no-first-run",
            "--enable-logging=stderr",
            "--v=0",
            *args,
        ],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )


def test_chromium_renders_the_report(
    reports: dict[str, carelearn.report.Report], tmp_path: pathlib.Path
) -> None:
    report = reports["da"]
    page = tmp_path / "report.html"
    report.save(page)
    shot = tmp_path / "shot.png"
    result = _chromium(f"--screenshot={shot}", "--window-size=1280,4000", page.as_uri())
    assert shot.is_file(), result.stderr[-2000:]
    pixels = np.asarray(Image.open(shot).convert("RGB"), dtype=float)
    assert pixels.shape[:2] == (4000, 1280)
    assert pixels.std() > 10
    # The figures were painted: the page has more than a few colours.
    assert len(np.unique(pixels.reshape(-1, 3), axis=0)) > 100
    console = [line for line in result.stderr.splitlines() if "CONSOLE" in line]
    assert console == [], console
    # The page as the browser built it, with a check of the images added to a copy.
    checked = tmp_path / "checked.html"
    checked.write_text(report.html.replace("</body>", _CHECK + "</body>"), encoding="utf-8")
    dom = _chromium("--dump-dom", "--virtual-time-budget=5000", checked.as_uri())
    assert f"images=5 broken=0 title={report.title}" in dom.stdout, dom.stderr[-2000:]
    assert "<h1>Evaluering af læringsformater</h1>" in dom.stdout
    errors = [line for line in dom.stderr.splitlines() if "CONSOLE" in line or "Uncaught" in line]
    assert errors == [], errors


def test_chromium_prints_the_report_to_pdf(
    reports: dict[str, carelearn.report.Report], tmp_path: pathlib.Path
) -> None:
    page = tmp_path / "report.html"
    reports["en"].save(page)
    pdf = tmp_path / "report.pdf"
    result = _chromium(f"--print-to-pdf={pdf}", "--no-pdf-header-footer", page.as_uri())
    assert pdf.is_file(), result.stderr[-2000:]
    data = pdf.read_bytes()
    assert data.startswith(b"%PDF-")
    assert data.count(b"/Type /Page") - data.count(b"/Type /Pages") >= 3
