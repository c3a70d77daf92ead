"""Held sessions as xAPI 1.0.3 statements, and posting them to a Learning Record Store.

:func:`statements` turns sessions into statements that follow carelearn's xAPI
profile (docs/xapi.md, schema/xapi-profile.jsonld): participants as
pseudonymous accounts, never names or e-mail addresses; a session's statements
tied together by ``context.registration``; ids that are UUID v5 of the session
and the event, so that exporting again never duplicates; no confidential text.

:func:`post` sends them to an LRS with the standard library alone: in batches,
retrying with exponential backoff on 5xx answers and time-outs, and keeping a
cursor file so that an interrupted export resumes where it stopped, neither
losing nor duplicating statements. Credentials come from a file, never from
the command line.

Example::

    from carelearn import xapi

    batch = xapi.statements(sessions, home_page="https://pseudonyms.example-kommune.dk")
    result = xapi.post(batch, "https://lrs.example-kommune.dk/xAPI/",
                       auth="lrs-credentials.json", cursor_path="export.cursor")
    result.stored      # statements the LRS did not have before
"""

from __future__ import annotations

import base64
import dataclasses
import datetime
import hashlib
import json
import os
import time
import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Callable, Iterable, Mapping, Sequence
from typing import Any, Protocol, TypeAlias

from . import _core
from ._errors import Error, FormatError, NotFoundError

__all__ = [
    "VERSION",
    "ConflictError",
    "CursorError",
    "LrsError",
    "Opener",
    "PathLike",
    "PostResult",
    "equivalent",
    "get_statements",
    "post",
    "registration",
    "statements",
]

VERSION = "1.0.3"
"""The xAPI version carelearn writes and names in the X-Experience-API-Version header."""

PathLike: TypeAlias = "str | os.PathLike[str]"



class Opener(Protocol):
    """How a request is sent: ``urllib.request.urlopen``, or anything called the same way."""

    def __call__(self, request: urllib.request.Request, *, timeout: float) -> Any:
        """Sends ``request``; returns a response usable in ``with`` (``status``, ``read()``)."""


class LrsError(Error):
    """The LRS refused a request, or kept failing after every retry.

    ``status`` is the HTTP status of the last answer (None when there was none:
    a time-out or a refused connection).
    """

    status: int | None

    def __init__(self, message: str, *, status: int | None = None) -> None:
        """An error with its message and the last HTTP status."""
        super().__init__(message)
        self.status = status


class ConflictError(LrsError):
    """The LRS holds a different statement under one of the ids posted (409)."""


class CursorError(Error, ValueError):
    """The cursor file belongs to another export (other statements or another LRS),
    or cannot be read."""


@dataclasses.dataclass(frozen=True)
class PostResult:
    """What :func:`post` did.

    ``posted``: statements sent in this call (the rest were done before, by the
    cursor); ``stored``: those the LRS did not have before; ``resumed_from``:
    the index of the first statement this call sent.
    """

    posted: int
    stored: int
    resumed_from: int


def registration(session_id: str) -> str:
    """The ``context.registration`` of a session's statements: a UUID v5 of its id."""
    return _core.xapi_registration(session_id)


def statements(
    sessions: _core.Session | Iterable[_core.Session],
    *,
    home_page: str,
    include_text: bool = False,
    catalog: _core.Catalog | None = None,
) -> list[dict[str, Any]]:
    """The xAPI 1.0.3 statements of ``sessions``, in order, as dicts.

    ``home_page`` is the IRI of the system whose pseudonyms the participants'
    ids are; every actor is ``{"account": {"homePage": home_page, "name":
    <pseudonym>}}``. ``include_text`` adds the wording of proposed actions
    that are not confidential; confidential text is never included. ``catalog`` (None: the built-in one)
    names the formats, steps and questions in Danish and English.

    Raises :class:`~carelearn.FormatError` for a ``home_page`` that is not an
    http(s) IRI or a session that breaks its invariants.
    """
    if isinstance(sessions, _core.Session):
        sessions = [sessions]
    out: list[dict[str, Any]] = []
    for session in sessions:
        if not isinstance(session, _core.Session):
            raise TypeError(
                f"sessions: expected Session values, not {type(session).__name__}"
            )
        text = _core.to_xapi_statements(
            session, home_page=home_page, include_text=include_text, catalog=catalog
        )
        out.extend(json.loads(text))
    return out


# --- Statement comparison -----------------------------------------------------------------

# What the LRS adds or may rewrite: the spec's statement comparison leaves these out.
_LRS_SET = ("stored", "authority", "version")


def _instant(value: str) -> datetime.datetime | str:
    try:
        parsed = datetime.datetime.fromisoformat(value.replace("Z", "+00:00"))
    except ValueError:
        return value
    if parsed.tzinfo is None:
        return value
    # xAPI keeps timestamps to the millisecond.
    return parsed.astimezone(datetime.timezone.utc).replace(
        microsecond=parsed.microsecond // 1000 * 1000
    )


def _normalise(value: Any, key: str = "") -> Any:
    if isinstance(value, Mapping):
        return {
            k: _normalise(v, k)
            for k, v in value.items()
            if not (key == "" and k in _LRS_SET)
        }
    if isinstance(value, list):
        return [_normalise(v) for v in value]
    if key in ("timestamp",) and isinstance(value, str):
        return _instant(value)
    return value


def equivalent(a: Mapping[str, Any], b: Mapping[str, Any]) -> bool:
    """True when two statements are the same statement as xAPI compares them:
    every property but those the LRS sets (``stored``, ``authority``,
    ``version``), timestamps as instants to the millisecond."""
    return bool(_normalise(a) == _normalise(b))


# --- Talking to the LRS -------------------------------------------------------------------


def _authorization(auth: PathLike) -> str:
    path = os.fspath(auth)
    try:
        with open(path, encoding="utf-8") as f:
            text = f.read()
    except FileNotFoundError:
        raise NotFoundError(f"{path}: the LRS credentials file does not exist") from None
    except OSError as e:
        raise NotFoundError(f"{path}: cannot read the LRS credentials: {e.strerror}") from None
    try:
        data = json.loads(text)
    except json.JSONDecodeError as e:
        raise FormatError(
            f"{path}:{e.lineno}:{e.colno}: the LRS credentials are not JSON: {e.msg}",
            line=e.lineno,
            column=e.colno,
        ) from None
    if isinstance(data, dict) and isinstance(data.get("token"), str) and data["token"]:
        return f"Bearer {data['token']}"
    if (
        isinstance(data, dict)
        and isinstance(data.get("username"), str)
        and isinstance(data.get("password"), str)
        and data["username"]
    ):
        pair = f"{data['username']}:{data['password']}".encode()
        return "Basic " + base64.b64encode(pair).decode("ascii")
    raise FormatError(
        f'{path}: expected {{"username": ..., "password": ...}} or {{"token": ...}} '
        "(the values are not shown here)"
    )


def _urlopen(request: urllib.request.Request, *, timeout: float) -> Any:
    return urllib.request.urlopen(request, timeout=timeout)


def _statements_url(endpoint: str) -> str:
    if not endpoint.startswith(("http://", "https://")):
        raise ValueError(f"endpoint: expected an http(s) URL, not {endpoint!r}")
    return endpoint if endpoint.endswith("/") else endpoint + "/"


class _Client:
    def __init__(
        self,
        endpoint: str,
        authorization: str,
        *,
        retries: int,
        backoff: float,
        timeout: float,
        opener: Opener | None,
        sleep: Callable[[float], None],
    ) -> None:
        self.base = _statements_url(endpoint)
        self.authorization = authorization
        self.retries = retries
        self.backoff = backoff
        self.timeout = timeout
        self.opener: Opener = opener if opener is not None else _urlopen
        self.sleep = sleep

    def request(
        self, method: str, path: str, body: Any = None
    ) -> tuple[int, bytes]:
        """Sends a request, retrying 5xx answers, time-outs and refused connections."""
        url = urllib.parse.urljoin(self.base, path)
        data = None if body is None else json.dumps(body, ensure_ascii=False).encode()
        last: str = ""
        status: int | None = None
        for attempt in range(self.retries + 1):
            if attempt:
                self.sleep(self.backoff * 2 ** (attempt - 1))
            request = urllib.request.Request(url, data=data, method=method)
            request.add_header("X-Experience-API-Version", VERSION)
            request.add_header("Authorization", self.authorization)
            if data is not None:
                request.add_header("Content-Type", "application/json")
            try:
                with self.opener(request, timeout=self.timeout) as response:
                    return int(response.status), bytes(response.read())
            except urllib.error.HTTPError as e:
                status = e.code
                content = e.read()
                if e.code >= 500:
                    last = f"{e.code} {e.reason}"
                    continue
                return e.code, bytes(content)
            except (TimeoutError, urllib.error.URLError, ConnectionError) as e:
                reason = getattr(e, "reason", e)
                last = f"no answer ({reason})"
                status = None
                continue
        raise LrsError(
            f"{method} {url}: gave up after {self.retries + 1} attempts; last: {last}",
            status=status,
        )


def _fail(method: str, url: str, status: int, content: bytes) -> LrsError:
    detail = content.decode("utf-8", "replace")[:300]
    if status in (401, 403):
        return LrsError(
            f"{method} {url}: the LRS refused the credentials ({status}): {detail}",
            status=status,
        )
    return LrsError(f"{method} {url}: the LRS answered {status}: {detail}", status=status)


def get_statements(
    endpoint: str,
    *,
    auth: PathLike,
    registration: str | None = None,
    statement_id: str | None = None,
    timeout: float = 30.0,
    opener: Opener | None = None,
) -> list[dict[str, Any]]:
    """The statements the LRS at ``endpoint`` holds, following ``more`` links:
    those of one ``registration``, or the one with ``statement_id`` (an empty
    list when the LRS has none), or all.

    Raises :class:`LrsError` when the LRS refuses or keeps failing.
    """
    client = _Client(
        endpoint,
        _authorization(auth),
        retries=3,
        backoff=0.5,
        timeout=timeout,
        opener=opener,
        sleep=time.sleep,
    )
    query: dict[str, str] = {}
    if registration is not None:
        query["registration"] = registration
    if statement_id is not None:
        query["statementId"] = statement_id
    path = "statements" + ("?" + urllib.parse.urlencode(query) if query else "")
    out: list[dict[str, Any]] = []
    while path:
        status, content = client.request("GET", path)
        if status == 404 and statement_id is not None:
            return []
        if status != 200:
            raise _fail("GET", urllib.parse.urljoin(client.base, path), status, content)
        data = json.loads(content)
        if statement_id is not None:
            return [data]
        out.extend(data.get("statements", []))
        more = data.get("more") or ""
        path = more
    return out


def _write_cursor(path: str, cursor: Mapping[str, Any]) -> None:
    temporary = path + ".tmp"
    with open(temporary, "w", encoding="utf-8") as f:
        json.dump(cursor, f, indent=2)
        f.write("\n")
        f.flush()
        os.fsync(f.fileno())
    os.replace(temporary, path)


def _read_cursor(path: str, endpoint: str, fingerprint: str, total: int) -> int:
    try:
        with open(path, encoding="utf-8") as f:
            cursor = json.load(f)
    except FileNotFoundError:
        return 0
    except (OSError, json.JSONDecodeError) as e:
        raise CursorError(f"{path}: cannot read the cursor: {e}") from None
    if not isinstance(cursor, dict) or cursor.get("carelearn") != "xapi-cursor/1":
        raise CursorError(f'{path}: not a carelearn cursor (expected "carelearn": "xapi-cursor/1")')
    if cursor.get("endpoint") != endpoint:
        raise CursorError(
            f"{path}: the cursor is of an export to {cursor.get('endpoint')!r}, not {endpoint!r}"
        )
    if cursor.get("fingerprint") != fingerprint or cursor.get("total") != total:
        raise CursorError(
            f"{path}: the cursor is of an export of other statements; "
            "remove it to start this export from the beginning"
        )
    done = cursor.get("done")
    if not isinstance(done, int) or not 0 <= done <= total:
        raise CursorError(f"{path}: the cursor's \"done\" is not a count from 0 to {total}")
    return done


def post(
    statements: Sequence[Mapping[str, Any]],
    endpoint: str,
    *,
    auth: PathLike,
    batch_size: int = 100,
    retries: int = 5,
    backoff: float = 0.5,
    timeout: float = 30.0,
    cursor_path: PathLike | None = None,
    opener: Opener | None = None,
) -> PostResult:
    """Posts ``statements`` to the LRS at ``endpoint`` (its xAPI base, e.g.
    ``https://lrs.example/xAPI/``), ``batch_size`` at a time.

    ``auth`` is the path of a JSON file holding ``{"username": ..., "password":
    ...}`` (HTTP Basic) or ``{"token": ...}`` (Bearer); credentials are never
    taken as arguments, so they never show in a process list or a shell's
    history. A 5xx answer, a time-out or a refused connection is retried up to
    ``retries`` times, after ``backoff``, 2×, 4×, ... seconds.

    With ``cursor_path``, the number of statements the LRS has confirmed is
    written there (atomically) after each batch; a later call with the same
    statements, endpoint and cursor starts after them. Statement ids are
    deterministic, and the LRS stores a statement it already has only once
    (it answers 204 for a batch of known, equal statements), so even a batch
    sent twice is not duplicated. A 409 (the LRS reports a conflict) is
    resolved by fetching each statement of the batch: equal ones count as
    done, missing ones are posted again, and a different statement under the
    same id raises :class:`ConflictError`.

    Raises :class:`LrsError` when the LRS refuses a batch or keeps failing,
    :class:`CursorError` for a cursor of another export,
    :class:`~carelearn.NotFoundError` / :class:`~carelearn.FormatError` for
    the credentials file, ValueError for bad arguments.
    """
    if batch_size < 1:
        raise ValueError(f"batch_size: expected 1 or more, not {batch_size}")
    if retries < 0:
        raise ValueError(f"retries: expected 0 or more, not {retries}")
    batch = list(statements)
    ids: list[str] = []
    for i, statement in enumerate(batch):
        sid = statement.get("id") if isinstance(statement, Mapping) else None
        if not isinstance(sid, str) or not sid:
            raise ValueError(
                f"statements[{i}]: a statement needs an id, so that a retry cannot duplicate it"
            )
        ids.append(sid)
    client = _Client(
        endpoint,
        _authorization(auth),
        retries=retries,
        backoff=backoff,
        timeout=timeout,
        opener=opener,
        sleep=time.sleep,
    )
    fingerprint = hashlib.sha256("\n".join(ids).encode()).hexdigest()
    cursor = None if cursor_path is None else os.fspath(cursor_path)
    start = 0 if cursor is None else _read_cursor(cursor, endpoint, fingerprint, len(batch))
    stored = 0
    for first in range(start, len(batch), batch_size):
        chunk = batch[first : first + batch_size]
        stored += _post_batch(client, chunk, endpoint, auth, timeout, opener)
        if cursor is not None:
            _write_cursor(
                cursor,
                {
                    "carelearn": "xapi-cursor/1",
                    "endpoint": endpoint,
                    "fingerprint": fingerprint,
                    "total": len(batch),
                    "done": first + len(chunk),
                },
            )
    return PostResult(posted=len(batch) - start, stored=stored, resumed_from=start)


def _post_batch(
    client: _Client,
    chunk: list[Mapping[str, Any]],
    endpoint: str,
    auth: PathLike,
    timeout: float,
    opener: Opener | None,
) -> int:
    url = client.base + "statements"
    status, content = client.request("POST", "statements", chunk)
    if status == 200:
        return len(json.loads(content) or [])
    if status == 204:
        return 0  # every statement was there already
    if status != 409:
        raise _fail("POST", url, status, content)
    # A conflict: find out statement by statement what the LRS holds.
    missing: list[Mapping[str, Any]] = []
    for statement in chunk:
        held = get_statements(
            endpoint, auth=auth, statement_id=str(statement["id"]), timeout=timeout, opener=opener
        )
        if not held:
            missing.append(statement)
        elif not equivalent(held[0], statement):
            raise ConflictError(
                f"POST {url}: the LRS holds a different statement with the id {statement['id']}",
                status=409,
            )
    if not missing:
        return 0
    status, content = client.request("POST", "statements", missing)
    if status == 200:
        return len(json.loads(content) or [])
    if status == 204:
        return 0
    raise _fail("POST", url, status, content)
