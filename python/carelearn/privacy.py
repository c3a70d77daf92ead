"""The identifier linter and the manifests of exports: what carelearn does so
that nothing identifying leaves it unless a caller asks for it by name
(docs/privacy.md).

:func:`find_identifiers` finds Danish CPR numbers (with or without the dash,
real dates only), e-mail addresses, Danish phone numbers and names in free
text; :func:`identifier_in_id` says whether an id looks like one;
:func:`lint_session` holds a whole session up against both, as warnings
naming the field and the kind, never the value. :class:`~carelearn.Runner`,
:meth:`~carelearn.Store.put`, :meth:`~carelearn.Store.import_sessions` and ``carelearn validate``
run it; ``identifiers="refuse"`` makes them refuse instead of warn.

Example::

    from carelearn import privacy
    [privacy.identifier_kind_name(m.kind)
     for m in privacy.find_identifiers("Ring til Mette Hansen på 21 43 65 87")]
    # ['name', 'phone-number']
    privacy.mask_identifiers("CPR 010190-1234")     # 'CPR [cpr-number]'
"""

from __future__ import annotations

import json
from typing import Any

from . import _core
from ._core import (
    IdentifierKind,
    IdentifierMatch,
    IdentifierPolicy,
    ImportFinding,
    identifier_kind_name,
    identifier_in_id,
    mask_identifiers,
    masked_id,
)
from ._arguments import identifier_policy

__all__ = [
    "IdentifierKind",
    "IdentifierMatch",
    "IdentifierPolicy",
    "ImportFinding",
    "export_manifest",
    "find_identifiers",
    "identifier_in_id",
    "identifier_kind_name",
    "identifier_policy",
    "lint_session",
    "mask_identifiers",
    "masked_id",
    "summarize_session",
]


def find_identifiers(text: str) -> list[IdentifierMatch]:
    """The CPR numbers, e-mail addresses, Danish phone numbers and names in
    ``text``, in order; offsets and lengths are in UTF-8 bytes (use
    :func:`mask_identifiers` to replace them). What it finds and misses:
    docs/privacy.md."""
    if not isinstance(text, str):
        raise TypeError(f"text must be a str, not {type(text).__name__}")
    return _core.find_identifiers(text)


def lint_session(session: _core.Session) -> list[_core.Diagnostic]:
    """The identifier linter's warnings about ``session``: one
    ``"identifier-in-id"`` or ``"identifier-in-text"`` diagnostic per field in
    which it finds something, naming the field and the kind, never the value."""
    if not isinstance(session, _core.Session):
        raise TypeError(f"session must be a Session, not {type(session).__name__}")
    return _core.lint_session(session)


def summarize_session(session: _core.Session) -> str:
    """A one-line description of ``session`` that quotes no free text and masks
    the ids that look like identifiers (what ``repr`` and ``str`` show)."""
    if not isinstance(session, _core.Session):
        raise TypeError(f"session must be a Session, not {type(session).__name__}")
    return _core.summarize_session(session)


def export_manifest(
    *,
    sessions: int,
    include_confidential: bool = False,
    evaluator: bool = False,
    pseudonymiser: _core.Pseudonymiser | None = None,
) -> dict[str, Any]:
    """The manifest of an export of ``sessions`` sessions made with these
    keywords (see :func:`carelearn.redact`): what was left out and masked, and
    how ids were pseudonymised -- the method, the domains and the key's
    fingerprint (:meth:`~carelearn.Pseudonymiser.fingerprint`), never the key.
    :meth:`~carelearn.Store.export_sessions` and :func:`carelearn.write_sessions` write it
    beside an evaluator's export as ``<file>.manifest.json``."""
    from ._record import export_options

    options = export_options(
        include_confidential=include_confidential,
        evaluator=evaluator,
        pseudonymiser=pseudonymiser,
    )
    result: dict[str, Any] = json.loads(_core.export_manifest_json(options, sessions))
    return result
