"""schema/xapi-profile.jsonld, carelearn's xAPI profile: well formed in the
way the xAPI Profiles specification describes, and followed by every
statement carelearn writes (each statement matches one template, its rules
hold, and a session's statements follow the primary pattern)."""

from __future__ import annotations

import json
import pathlib
import re
from typing import Any

import pytest

from carelearn import xapi

from test_xapi import HOME, meeting

PROFILE_BASE = "https://carelearn.dk/xapi"
PATTERN_KEYS = {"alternates", "optional", "oneOrMore", "sequence", "zeroOrMore"}


@pytest.fixture(scope="module")
def profile(repo: pathlib.Path) -> dict[str, Any]:
    data: dict[str, Any] = json.loads(
        (repo / "schema" / "xapi-profile.jsonld").read_text(encoding="utf-8")
    )
    return data


def sessions() -> list[Any]:
    full = meeting("s-profile-1", 4)
    cut = meeting("s-profile-2", 11)
    cut.steps = cut.steps[:2]
    cut.actual_end = cut.steps[-1].end
    untimed = meeting("s-profile-3", 18)
    untimed.steps = []
    nobody = meeting("s-profile-4", 25)
    nobody.participants = []
    nobody.presented_case = None
    return [full, cut, untimed, nobody]


def values(document: Any, path: str) -> list[Any]:
    """The values at a JSONPath of the subset the profile's rules use:
    $.a.b, $.a['iri'], $.a[*].b."""
    assert path.startswith("$")
    tokens = re.findall(r"\.([A-Za-z_]+)|\['([^']+)'\]|\[(\*)\]", path[1:])
    current = [document]
    for name, quoted, star in tokens:
        following: list[Any] = []
        for value in current:
            if star:
                if isinstance(value, list):
                    following.extend(value)
            elif isinstance(value, dict) and (name or quoted) in value:
                following.append(value[name or quoted])
        current = following
    return current


def test_the_profile_is_well_formed(profile: dict[str, Any]) -> None:
    assert profile["@context"] == "https://w3id.org/xapi/profiles/context"
    assert profile["type"] == "Profile"
    assert profile["id"] == xapi_profile_iri()
    assert profile["conformsTo"] == "https://w3id.org/xapi/profiles#1.0"
    version = profile["versions"][0]["id"]
    assert version == "https://carelearn.dk/xapi/profile/v1"
    ids = [c["id"] for c in profile["concepts"] + profile["templates"] + profile["patterns"]]
    assert len(ids) == len(set(ids))
    for part in profile["concepts"] + profile["templates"] + profile["patterns"]:
        assert part["inScheme"] == version
        assert part["id"].startswith(PROFILE_BASE + "/")
        assert set(part["prefLabel"]) == {"en", "da"}
    templates = {t["id"] for t in profile["templates"]}
    patterns = {p["id"]: p for p in profile["patterns"]}
    assert [p["id"] for p in profile["patterns"] if p.get("primary")] == [
        PROFILE_BASE + "/patterns/session"
    ]
    for p in patterns.values():
        kinds = PATTERN_KEYS & set(p)
        assert len(kinds) == 1, p["id"]
        members = p[kinds.pop()]
        for member in members if isinstance(members, list) else [members]:
            assert member in templates or member in patterns, member
    for c in profile["concepts"]:
        if c["type"].endswith("Extension"):
            json.loads(c["inlineSchema"])


def xapi_profile_iri() -> str:
    return PROFILE_BASE + "/profile"


def template_of(statement: dict[str, Any], profile: dict[str, Any]) -> dict[str, Any]:
    verb = statement["verb"]["id"]
    kind = statement["object"]["definition"]["type"]
    matching = [
        t
        for t in profile["templates"]
        if t["verb"] == verb and t["objectActivityType"] == kind
    ]
    assert len(matching) == 1, (verb, kind)
    return matching[0]


def pattern_regex(iri: str, profile: dict[str, Any]) -> str:
    templates = {t["id"] for t in profile["templates"]}
    if iri in templates:
        return re.escape(iri.rsplit("/", 1)[1]) + ";"
    pattern = next(p for p in profile["patterns"] if p["id"] == iri)
    if "sequence" in pattern:
        return "".join(f"(?:{pattern_regex(m, profile)})" for m in pattern["sequence"])
    if "alternates" in pattern:
        return "(?:" + "|".join(pattern_regex(m, profile) for m in pattern["alternates"]) + ")"
    suffix = {"optional": "?", "zeroOrMore": "*", "oneOrMore": "+"}
    for key, mark in suffix.items():
        if key in pattern:
            return f"(?:{pattern_regex(pattern[key], profile)}){mark}"
    raise AssertionError(iri)


def test_every_statement_follows_a_template_and_sessions_the_pattern(
    profile: dict[str, Any],
) -> None:
    version = profile["versions"][0]["id"]
    defined = {c["id"] for c in profile["concepts"]}
    primary = pattern_regex(PROFILE_BASE + "/patterns/session", profile)
    for session in sessions():
        statements = xapi.statements(session, home_page=HOME, include_text=True)
        names = ""
        for s in statements:
            template = template_of(s, profile)
            names += template["id"].rsplit("/", 1)[1] + ";"
            activities = s["context"]["contextActivities"]
            assert [a["id"] for a in activities["category"]] == [version]
            for key, field in (
                ("contextParentActivityType", "parent"),
                ("contextGroupingActivityType", "grouping"),
            ):
                want = template.get(key)
                got = [a["definition"]["type"] for a in activities.get(field, [])]
                assert got == (want or []), (template["id"], field)
            for rule in template["rules"]:
                found = values(s, rule["location"])
                if rule["presence"] == "included":
                    assert found, (template["id"], rule["location"])
                if rule["presence"] == "excluded":
                    assert not found, (template["id"], rule["location"])
                if "all" in rule:
                    assert all(v in rule["all"] for v in found), rule["location"]
            # Every IRI of carelearn's own in a statement is a concept of the profile.
            iris = [s["verb"]["id"], s["object"]["definition"]["type"]]
            iris += list(s["context"].get("extensions", {}))
            iris += list(s.get("result", {}).get("extensions", {}))
            for iri in iris:
                if iri.startswith(PROFILE_BASE):
                    assert iri in defined, iri
        assert re.fullmatch(primary, names), (session.id, names)
