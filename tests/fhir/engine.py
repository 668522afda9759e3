"""Starts and stops the real FHIR engine of tests/fhir_server (Medplum's FHIR router under Node) for tests.

The server keeps what it stored in a journal file, synced before it answers, so a test can kill it at any
moment and start it again on the same port with the same data, as a restarted clinic server would be.
"""

from __future__ import annotations

import json
import shutil
import signal
import socket
import subprocess
import time
import urllib.parse
import urllib.request
from pathlib import Path
from typing import Any

SERVER_DIR = Path(__file__).resolve().parents[1] / "fhir_server"
NODE = shutil.which("node") or "node"


def installed() -> bool:
    """True when `make test` has installed the engine's npm packages (npm ci in tests/fhir_server)."""
    return (SERVER_DIR / "node_modules" / "@medplum" / "fhir-router").is_dir()


def free_port() -> int:
    """A TCP port on 127.0.0.1 that nothing listens on now."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


class FhirEngine:
    """One FHIR server process on 127.0.0.1; `stop()` and `start()` keep its data (the journal)."""

    def __init__(self, folder: Path, token: str = "test-token") -> None:
        self.journal = folder / "fhir-journal.ndjson"
        self.token = token
        self.port = free_port()
        self.process: subprocess.Popen[str] | None = None

    @property
    def base_url(self) -> str:
        """The server's FHIR base URL."""
        return f"http://127.0.0.1:{self.port}/fhir"

    def start(self) -> None:
        """Start the server and wait until it listens (the data of earlier runs is loaded first)."""
        assert self.process is None, "already running"
        self.process = subprocess.Popen(
            [NODE, str(SERVER_DIR / "server.mjs"), "--port", str(self.port), "--journal", str(self.journal),
             "--token", self.token],
            stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True, cwd=SERVER_DIR,
        )
        assert self.process.stdout is not None
        line = self.process.stdout.readline()  # the server prints "listening PORT" once it accepts requests
        if not line.startswith("listening"):
            rest = self.process.stdout.read() if self.process.poll() is not None else ""
            self.stop()
            raise RuntimeError(f"the FHIR server did not start: {line}{rest}")

    def stop(self, kill: bool = True) -> None:
        """Stop the server: killed at once (as a crash or power cut would) unless `kill` is False."""
        if self.process is None:
            return
        self.process.send_signal(signal.SIGKILL if kill else signal.SIGTERM)
        self.process.wait(timeout=10)
        if self.process.stdout:
            self.process.stdout.close()
        self.process = None

    @property
    def running(self) -> bool:
        """True while the server process is up."""
        return self.process is not None

    def get(self, path: str, **query: str) -> dict[str, Any]:
        """GET a FHIR path (search or read) as the clinic's staff would; returns the JSON body."""
        url = f"{self.base_url}/{path}"
        if query:
            url += "?" + urllib.parse.urlencode(query)
        request = urllib.request.Request(url, headers={"Authorization": f"Bearer {self.token}"})
        with urllib.request.urlopen(request, timeout=10) as response:  # noqa: S310 (a local test server)
            return json.loads(response.read())  # type: ignore[no-any-return]

    def post(self, body: dict[str, Any], path: str = "") -> tuple[int, dict[str, Any]]:
        """POST JSON to the server; returns (status, body) also for refusals."""
        request = urllib.request.Request(
            f"{self.base_url}/{path}", data=json.dumps(body).encode(), method="POST",
            headers={"Authorization": f"Bearer {self.token}", "Content-Type": "application/fhir+json"})
        try:
            with urllib.request.urlopen(request, timeout=10) as response:  # noqa: S310
                return response.status, json.loads(response.read())
        except urllib.error.HTTPError as error:
            return error.code, json.loads(error.read())

    def delete(self, path: str) -> None:
        """DELETE a resource (as the clinic's staff merging duplicate records would)."""
        request = urllib.request.Request(f"{self.base_url}/{path}", method="DELETE",
                                         headers={"Authorization": f"Bearer {self.token}"})
        with urllib.request.urlopen(request, timeout=10):  # noqa: S310
            pass

    def search(self, resource_type: str, **query: str) -> list[dict[str, Any]]:
        """Every resource of a search (the test server answers a search in one page)."""
        bundle = self.get(resource_type, **query)
        return [entry["resource"] for entry in bundle.get("entry", [])]


def validate(resources: list[dict[str, Any]]) -> list[list[str]]:
    """Medplum's validateResource on each resource: the error texts per resource (empty lists = all valid)."""
    started = time.monotonic()
    result = subprocess.run([NODE, str(SERVER_DIR / "validate.mjs")], input=json.dumps(resources), capture_output=True,
                            text=True, check=True, cwd=SERVER_DIR, timeout=60)
    assert time.monotonic() - started < 60
    return json.loads(result.stdout)  # type: ignore[no-any-return]
