"""Fixtures for tests against the real FHIR engine (tests/fhir_server)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.fhir.engine import FhirEngine, installed


@pytest.fixture
def engine(tmp_path: Path) -> Iterator[FhirEngine]:
    """A running FHIR server with an empty store, stopped after the test."""
    if not installed():
        pytest.fail("The FHIR test server is not installed: run `make test` (it runs npm ci in tests/fhir_server).")
    server = FhirEngine(tmp_path)
    server.start()
    yield server
    server.stop()
