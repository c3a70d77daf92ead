"""The report's words in Danish and English, by key: ``WORDS[key][lang]``.

Placeholders are :meth:`str.format` fields. The measures' definitions are in
``methods.json``, generated from docs/metrics.md.
"""

from __future__ import annotations

from typing import Final

__all__ = ["LANGS", "METHOD_SECTIONS", "PROFESSIONS", "WORDS", "word"]

LANGS: Final = ("da", "en")
"""The report's languages; Danish first, the default."""

WORDS: Final[dict[str, dict[str, str]]] = {
    "title": {"da": "Evaluering af læringsformater", "en": "Evaluation of learning formats"},
    "subtitle": {
        "da": "{source}, {first} – {last}",
        "en": "{source}, {first} – {last}",
    },
    "privacy": {
        "da": (
            "Rapporten indeholder ingen direkte identifikatorer og ingen fritekst: personer "
            "optræder kun som antal, fritekst (læringspointer, handlinger, kommentarer, noter) "
            "er ikke læst, og antal under {threshold} personer er udeladt (vist som «{mark}»)."
        ),
        "en": (
            "This report holds no direct identifier and no free text: people appear only as "
            "counts, free text (learning points, actions, comments, notes) is not read, and "
            "counts of fewer than {threshold} people are withheld (shown as “{mark}”)."
        ),
    },
    "headline": {"da": "Hovedtal", "en": "Headline figures"},
    "adherence": {"da": "Kadence overholdt", "en": "Adherence"},
    "adherence_against": {
        "da": "{num} af {den} planlagte sessioner i programmet blev holdt",
        "en": "{num} of the programme's {den} planned sessions were held",
    },
    "reach": {"da": "Rækkevidde", "en": "Reach"},
    "reach_against": {
        "da": "{num} af {den} medarbejdere på vagtplanen deltog mindst én gang",
        "en": "{num} of the {den} staff on the roster took part at least once",
    },
    "overrun": {"da": "Trin over tid", "en": "Overrun rate"},
    "overrun_against": {
        "da": "{num} af {den} holdte trin brugte mere end tidsrammen for de fremmødte",
        "en": "{num} of {den} held steps ran over their budget for the people present",
    },
    "follow_through": {"da": "Handlinger gennemført", "en": "Action follow-through"},
    "follow_through_against": {
        "da": "{num} af {den} foreslåede handlinger var gennemført {as_of}",
        "en": "{num} of {den} proposed actions were done by {as_of}",
    },
    "not_measured": {"da": "ikke målt", "en": "not measured"},
    "no_programme": {
        "da": "uden et programme/1-dokument (--programme) er intet planlagt at måle imod",
        "en": "without a programme/1 document (--programme) nothing is planned to measure against",
    },
    "no_roster": {
        "da": "uden en vagtplan (--roster) er der ingen medarbejdere at måle imod",
        "en": "without a roster (--roster) there are no staff to measure against",
    },
    "figures": {"da": "Figurer", "en": "Figures"},
    "no_data": {
        "da": "Ingen data at tegne for denne figur i perioden.",
        "en": "No data to draw for this figure in the period.",
    },
    "tables": {"da": "Tabeller", "en": "Tables"},
    "table_formats": {
        "da": "Pr. enhed og format",
        "en": "Per unit and format",
    },
    "table_units": {"da": "Rækkevidde pr. enhed", "en": "Reach per unit"},
    "withheld_note": {
        "da": "«{mark}»: udeladt, færre end {threshold} personer (eller afledt af sådan et tal).",
        "en": "“{mark}”: withheld, fewer than {threshold} people (or derived from such a count).",
    },
    "methods": {"da": "Metode", "en": "Methods"},
    "methods_intro": {
        "da": (
            "Målene er beregnet af carelearn {version} over sessionstabellerne og defineret i "
            "docs/metrics.md (oversat her). Perioder og dage er lokale i Europe/Copenhagen."
        ),
        "en": (
            "The measures are computed by carelearn {version} over the session tables and "
            "defined in docs/metrics.md (quoted here). Periods and days are local to "
            "Europe/Copenhagen."
        ),
    },
    "provenance": {"da": "Datagrundlag", "en": "Provenance"},
    "source": {"da": "Kilde", "en": "Source"},
    "source_store": {"da": "lager (SQLite)", "en": "store (SQLite)"},
    "source_jsonl": {"da": "JSON Lines", "en": "JSON Lines"},
    "period": {"da": "Periode", "en": "Period"},
    "period_value": {
        "da": "{first} til og med {last}",
        "en": "{first} to {last} inclusive",
    },
    "programme": {"da": "Programme", "en": "Programme"},
    "roster": {"da": "Vagtplan", "en": "Roster"},
    "none_given": {"da": "ingen", "en": "none"},
    "roster_value": {
        "da": "{file}: {memberships} medlemskaber",
        "en": "{file}: {memberships} memberships",
    },
    "programme_value": {
        "da": "{file} ({id}): {planned} planlagte forekomster i perioden",
        "en": "{file} ({id}): {planned} planned occurrences in the period",
    },
    "records": {"da": "Poster", "en": "Records"},
    "count_sessions": {"da": "sessioner", "en": "sessions"},
    "count_held": {"da": "holdt", "en": "held"},
    "count_cancelled": {"da": "aflyst", "en": "cancelled"},
    "count_participants": {"da": "deltagelser", "en": "participations"},
    "count_steps": {"da": "holdte trin", "en": "held steps"},
    "count_learning_points": {"da": "læringspointer", "en": "learning points"},
    "count_actions": {"da": "handlinger", "en": "actions"},
    "count_feedback": {"da": "tilbagemeldinger", "en": "feedback ratings"},
    "count_unplanned": {
        "da": "sessioner uden planlagt forekomst",
        "en": "sessions with no planned occurrence",
    },
    "skipped": {"da": "Oversprungne poster", "en": "Records skipped"},
    "skipped_none": {"da": "ingen", "en": "none"},
    "skipped_line": {"da": "linje {line}", "en": "line {line}"},
    "generated": {
        "da": "Lavet med carelearn {version}.",
        "en": "Made with carelearn {version}.",
    },
    # figures
    "fig_cadence": {"da": "Kadence pr. enhed over tid", "en": "Cadence per unit over time"},
    "fig_cadence_caption": {
        "da": (
            "Andelen af planlagte møder, der blev holdt (holdt / planlagt), pr. måned for {shown}. "
            "En linje, der falder, er en enhed, der mister sin faste kadence; huller er måneder "
            "uden planlagte møder."
        ),
        "en": (
            "The share of planned meetings that were held (held / planned), per month, for "
            "{shown}. A falling line is a unit losing its fixed interval; gaps are months "
            "with nothing planned."
        ),
    },
    "fig_cadence_all": {"da": "alle enheder", "en": "all units"},
    "fig_cadence_some": {
        "da": "de {n} enheder med den laveste kadence (alle står i tabellen)",
        "en": "the {n} units with the lowest adherence (the table lists all)",
    },
    "fig_cadence_alt": {
        "da": "Linjediagram: kadence pr. måned for {n} enheder, mellem {lo} og {hi} holdt.",
        "en": "Line chart: adherence per month for {n} units, between {lo} and {hi} held.",
    },
    "fig_steps": {
        "da": "Minutter pr. trin mod tidsrammen",
        "en": "Step minutes against budget",
    },
    "fig_steps_caption": {
        "da": (
            "Det systematiske læringsmøde: søjlerne er de gennemsnitlige minutter, et trin "
            "varede, når det blev holdt; de sorte streger er tidsrammens minimum (prikket) og "
            "maksimum for de fremmødte. En søjle over den fuldt optrukne streg er et trin, der "
            "løber over tid."
        ),
        "en": (
            "The systematic learning meeting: bars are the mean minutes a step took when held; "
            "the black ticks are its budget's minimum (dotted) and maximum for the people "
            "present. A bar above the solid tick is a step that runs over."
        ),
    },
    "fig_steps_alt": {
        "da": "Søjlediagram: {n} trin; længst over tid: {worst} ({minutes} min mod højst {budget}).",
        "en": "Bar chart: {n} steps; furthest over: {worst} ({minutes} min against at most {budget}).",
    },
    "fig_reach": {"da": "Rækkevidde pr. faggruppe", "en": "Reach by profession"},
    "fig_reach_caption": {
        "da": (
            "Andelen af hver faggruppes medarbejdere på vagtplanen, der deltog i mindst én "
            "session i {period}. Grupper under {threshold} personer i en enhed er udeladt."
        ),
        "en": (
            "The share of each profession's staff on the roster who took part in at least one "
            "session in {period}. Groups of fewer than {threshold} people in a unit are left out."
        ),
    },
    "fig_reach_alt": {
        "da": "Vandret søjlediagram: rækkevidde for {n} faggrupper, fra {lo} til {hi}.",
        "en": "Horizontal bar chart: reach of {n} professions, from {lo} to {hi}.",
    },
    "fig_funnel": {"da": "Handlingernes forløb", "en": "The action funnel"},
    "fig_funnel_caption": {
        "da": (
            "Foreslåede organisatoriske handlinger, og hvor mange af dem der blev påbegyndt, "
            "gennemført eller opgivet {as_of}. Jo mindre fald fra første til tredje søjle, jo "
            "mere blev læringen til handling."
        ),
        "en": (
            "Organisational actions proposed, and how many of them were started, done or "
            "dropped by {as_of}. The smaller the drop from the first bar to the third, the more "
            "learning turned into action."
        ),
    },
    "fig_funnel_alt": {
        "da": "Søjlediagram: {proposed} foreslået, {started} påbegyndt, {done} gennemført, "
        "{dropped} opgivet.",
        "en": "Bar chart: {proposed} proposed, {started} started, {done} done, {dropped} dropped.",
    },
    "fig_circles": {"da": "Læringscirkler", "en": "Learning circles"},
    "fig_circles_caption": {
        "da": (
            "Deltagelser pr. enhed (rækker: hvis medarbejdere) i hver enheds sessioner "
            "(søjler: hvis session). Diagonalen er en enhed, der lærer for sig selv; farve "
            "uden for diagonalen er læring på tværs. Celler med færre end {threshold} personer "
            "er tomme."
        ),
        "en": (
            "Participations per unit (rows: whose staff) in each unit's sessions (columns: "
            "whose session). The diagonal is a unit learning by itself; colour off the diagonal "
            "is learning across units. Cells of fewer than {threshold} people are blank."
        ),
    },
    "fig_circles_alt": {
        "da": "Matrix af {n} × {n} enheder; {share} af deltagelserne var i en anden enheds session.",
        "en": "Matrix of {n} × {n} units; {share} of participations were in another unit's session.",
    },
    # axis words
    "ax_period": {"da": "måned", "en": "month"},
    "ax_adherence": {"da": "kadence (holdt / planlagt)", "en": "adherence (held / planned)"},
    "ax_step": {"da": "trin", "en": "step"},
    "ax_minutes": {"da": "minutter", "en": "minutes"},
    "ax_minutes_held": {"da": "minutter holdt (gns.)", "en": "minutes held (mean)"},
    "ax_budget_min": {"da": "tidsramme, minimum", "en": "budget minimum"},
    "ax_budget_max": {"da": "tidsramme, maksimum", "en": "budget maximum"},
    "ax_reached_share": {
        "da": "andel af medarbejderne nået",
        "en": "share of staff reached",
    },
    "ax_profession": {"da": "faggruppe", "en": "profession"},
    "ax_status": {"da": "status", "en": "status"},
    "ax_actions": {"da": "handlinger", "en": "actions"},
    "ax_proposed": {"da": "foreslået", "en": "proposed"},
    "ax_started": {"da": "påbegyndt", "en": "started"},
    "ax_done": {"da": "gennemført", "en": "done"},
    "ax_dropped": {"da": "opgivet", "en": "dropped"},
    "ax_host": {"da": "værtsenhed (hvis session)", "en": "host unit (whose session)"},
    "ax_participant": {
        "da": "deltagerenhed (hvis medarbejdere)",
        "en": "participant unit (whose staff)",
    },
    "ax_participations": {"da": "deltagelser", "en": "participations"},
    # table columns
    "col_unit": {"da": "Enhed", "en": "Unit"},
    "col_format": {"da": "Format", "en": "Format"},
    "col_period": {"da": "Periode", "en": "Period"},
    "col_planned": {"da": "Planlagt", "en": "Planned"},
    "col_held": {"da": "Holdt", "en": "Held"},
    "col_cancelled": {"da": "Aflyst", "en": "Cancelled"},
    "col_adherence": {"da": "Kadence", "en": "Adherence"},
    "col_overrun": {"da": "Trin over tid", "en": "Overrun rate"},
    "col_learning_points": {"da": "Læringspointer", "en": "Learning points"},
    "col_actions": {"da": "Handlinger", "en": "Actions"},
    "col_done_rate": {"da": "Gennemført", "en": "Done"},
    "col_raters": {"da": "Bedømmere", "en": "Raters"},
    "col_rating": {"da": "Bedømmelse (1–5)", "en": "Rating (1–5)"},
    "col_staff": {"da": "Medarbejdere", "en": "Staff"},
    "col_reached": {"da": "Nået", "en": "Reached"},
    "col_reached_share": {"da": "Andel nået", "en": "Share reached"},
    "col_reached_k": {"da": "Nået ≥ 2 gange", "en": "Reached ≥ 2 times"},
}
"""Every word of the report, by key, in each of :data:`LANGS`."""

PROFESSIONS: Final[dict[str, dict[str, str]]] = {
    "nurse": {"da": "sygeplejerske", "en": "nurse"},
    "social-and-health-assistant": {
        "da": "social- og sundhedsassistent",
        "en": "social and health care assistant",
    },
    "social-and-health-helper": {
        "da": "social- og sundhedshjælper",
        "en": "social and health care helper",
    },
    "physiotherapist": {"da": "fysioterapeut", "en": "physiotherapist"},
    "occupational-therapist": {"da": "ergoterapeut", "en": "occupational therapist"},
}
"""The professions the simulation and the source texts name, for labels; any
other is shown as it is written."""


def word(key: str, lang: str, **fields: object) -> str:
    """The word ``key`` in ``lang``, with ``fields`` filled in."""
    text = WORDS[key][lang]
    return text.format(**fields) if fields else text

METHOD_SECTIONS: Final[tuple[tuple[str, dict[str, str], tuple[str, ...]], ...]] = (
    (
        "cadence",
        {"da": "Kadence", "en": "Cadence"},
        ("cadence", "cadence.planned", "cadence.held", "cadence.not_recorded", "cadence.adherence"),
    ),
    ("link", {"da": "Plan og registrering", "en": "Plan and record"}, ("link",)),
    (
        "reach",
        {"da": "Rækkevidde", "en": "Reach"},
        ("reach", "reach.staff", "reach.reached", "reach.reached_share"),
    ),
    ("fidelity", {"da": "Trofasthed: tid", "en": "Fidelity: time"}, ("fidelity.budget",)),
    ("outcomes", {"da": "Resultater", "en": "Outcomes"}, ("outcomes",)),
    ("responsiveness", {"da": "Deltagerrespons", "en": "Responsiveness"}, ("responsiveness",)),
    ("circles", {"da": "Læringscirkler", "en": "Learning circles"}, ("circles.matrix",)),
)
"""The methods section: (id, heading, the keys of ``methods.json`` under it)."""
