"""Posts transaction Bundles to the clinic's FHIR server: the only network use HipDesk has.

Plain `urllib`: TLS with the system's certificate check, plain http only to this machine (localhost),
no proxy (patient data goes to the configured server and nowhere else) and no redirects (a moved server
is a setting to fix, not an address to follow). A failure is either temporary (no answer, a timeout, 5xx,
429: try later) or a refusal (any other 4xx: the server's OperationOutcome says why; trying again
unchanged would be refused again).
"""

from __future__ import annotations

import json
import ssl
import urllib.error
import urllib.parse
import urllib.request
from dataclasses import dataclass
from functools import cache
from typing import Any

from hipdesk import __version__
from hipdesk.exchange.fhir_transaction import server_ids, with_server_ids

TIMEOUT_SECONDS = 20
_LOCAL_HOSTS = {"localhost", "127.0.0.1", "::1"}
_TEMPORARY_STATUSES = {408, 425, 429}


class ServerConfigError(ValueError):
    """The server settings cannot be used; the message says which and why."""


class SendFailed(Exception):
    """Nothing was confirmed by the server. `temporary` says whether trying later may succeed."""

    def __init__(self, reason: str, temporary: bool, status: int | None = None) -> None:
        super().__init__(reason)
        self.reason = reason
        self.temporary = temporary
        self.status = status  # the HTTP status when the server answered with an error


@dataclass(frozen=True)
class ServerConfig:
    """Where finished sessions go: the FHIR base URL and the bearer token the clinic issued."""

    base_url: str
    token: str


def checked_base_url(url: str) -> str:
    """The base URL without a trailing slash, or ServerConfigError (https only, http only to localhost)."""
    text = url.strip().rstrip("/")
    parts = urllib.parse.urlsplit(text)
    if parts.scheme not in ("https", "http") or not parts.hostname:
        raise ServerConfigError("Enter the server's FHIR base address, starting with https://")
    if parts.scheme == "http" and parts.hostname not in _LOCAL_HOSTS:
        raise ServerConfigError("Use https:// for a server on the network; plain http:// is only for this computer.")
    if parts.query or parts.fragment:
        raise ServerConfigError("The base address cannot have a ? or # part.")
    return text


class _NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args: Any, **kwargs: Any) -> None:  # noqa: D102 (urllib's hook)
        return None


@cache
def _opener() -> urllib.request.OpenerDirector:
    """Built once: loading the system's certificates takes tens of milliseconds."""
    context = ssl.create_default_context()  # verifies the certificate and the host name
    return urllib.request.build_opener(urllib.request.ProxyHandler({}), urllib.request.HTTPSHandler(context=context),
                                       _NoRedirect())


def outcome_text(body: Any) -> str:
    """The human-readable text of an OperationOutcome ('' when the body is not one)."""
    if not isinstance(body, dict) or body.get("resourceType") != "OperationOutcome":
        return ""
    texts = []
    for issue in body.get("issue") or []:
        if isinstance(issue, dict):
            text = (issue.get("details") or {}).get("text") or issue.get("diagnostics") or issue.get("code")
            if text:
                texts.append(str(text))
    return "; ".join(texts)


def _decode(data: bytes) -> Any:
    try:
        return json.loads(data)
    except ValueError:
        return None


def post_bundle(config: ServerConfig, bundle: dict[str, Any]) -> dict[str, Any]:
    """POST one transaction Bundle; return the server's transaction-response, or raise SendFailed."""
    base = checked_base_url(config.base_url)
    headers = {"Content-Type": "application/fhir+json", "Accept": "application/fhir+json",
               "User-Agent": f"HipDesk/{__version__}"}
    if config.token:
        headers["Authorization"] = f"Bearer {config.token}"
    request = urllib.request.Request(base, data=json.dumps(bundle).encode(), headers=headers, method="POST")
    try:
        with _opener().open(request, timeout=TIMEOUT_SECONDS) as response:
            body = _decode(response.read())
    except urllib.error.HTTPError as error:
        text = outcome_text(_decode(error.read() or b"")) or error.reason or "no reason given"
        temporary = error.code >= 500 or error.code in _TEMPORARY_STATUSES
        if 300 <= error.code < 400:
            text = f"the server moved ({error.headers.get('Location') or 'no new address given'}); check the address"
        raise SendFailed(f"HTTP {error.code}: {text}", temporary=temporary, status=error.code) from None
    except ssl.SSLError as error:
        raise SendFailed(f"secure connection failed: {error.reason or error}", temporary=True) from None
    except (urllib.error.URLError, OSError) as error:
        reason = getattr(error, "reason", None) or error
        raise SendFailed(f"no answer from the server: {reason}", temporary=True) from None
    if not isinstance(body, dict) or body.get("type") != "transaction-response":
        raise SendFailed("the server's answer is not a FHIR transaction-response", temporary=True)
    for number, entry in enumerate(body.get("entry") or []):
        status = str((entry.get("response") or {}).get("status") or "").strip()
        if not status.startswith("2"):  # "201" or "201 Created"
            text = outcome_text((entry.get("response") or {}).get("outcome")) or status
            raise SendFailed(f"entry {number + 1} not stored: {text}", temporary=False)
    return body


def send_bundles(config: ServerConfig, bundles: list[dict[str, Any]]) -> dict[str, str]:
    """Send a session's Bundles in order (later ones refer to the server's ids of earlier ones).

    Returns fullUrl → "Type/id" of everything stored. Safe to repeat after any failure: every entry is
    a conditional create, so what the server already holds is found, not stored twice.
    """
    ids: dict[str, str] = {}
    for bundle in bundles:
        ready = with_server_ids(bundle, ids)
        ids.update(server_ids(ready, post_bundle(config, ready)))
    return ids
