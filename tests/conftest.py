"""Shared fixtures. The offscreen platform is set here, before any Qt import, never by hand."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("HIPDESK_LOG_DIR", "")

from pathlib import Path  # noqa: E402

import pytest  # noqa: E402

from hipdesk.content.questionnaire import Questionnaire, load_questionnaire  # noqa: E402
from hipdesk.storage.store import SessionStore  # noqa: E402


@pytest.fixture(scope="session")
def questionnaire() -> Questionnaire:
    """The real questionnaire from resources/."""
    return load_questionnaire()


@pytest.fixture
def store(tmp_path: Path):
    """A fresh database in a temporary folder."""
    db = SessionStore(tmp_path / "data" / "hipdesk.db")
    yield db
    db.close()
