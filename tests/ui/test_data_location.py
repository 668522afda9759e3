"""The GUI (QStandardPaths) and the headless commands agree on where the database lives."""

from __future__ import annotations

import argparse

from PySide6.QtCore import QStandardPaths
from PySide6.QtWidgets import QApplication

from hipdesk.storage.store import default_db_path
from hipdesk.ui.app import gui_db_path


def test_gui_and_headless_default_to_the_same_file(qapp, monkeypatch, tmp_path) -> None:
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))
    monkeypatch.delenv("HIPDESK_DB", raising=False)
    old_name, old_org = QApplication.applicationName(), QApplication.organizationName()
    QApplication.setApplicationName("HipDesk")
    QApplication.setOrganizationName("")
    try:
        QStandardPaths.setTestModeEnabled(False)
        gui = gui_db_path(argparse.Namespace(db=None))
    finally:
        QApplication.setApplicationName(old_name)
        QApplication.setOrganizationName(old_org)
    assert gui == default_db_path() == tmp_path / "data" / "HipDesk" / "hipdesk.db"


def test_db_option_and_variable_win(monkeypatch, tmp_path) -> None:
    monkeypatch.setenv("HIPDESK_DB", str(tmp_path / "env.db"))
    assert gui_db_path(argparse.Namespace(db=None)) == tmp_path / "env.db"
    assert gui_db_path(argparse.Namespace(db=str(tmp_path / "opt.db"))) == tmp_path / "opt.db"
