"""The GUI (QStandardPaths) and the headless commands agree on where the database lives."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QStandardPaths
from PySide6.QtWidgets import QApplication

from hipdesk.storage.location import database_path, default_db_path


def test_gui_and_headless_default_to_the_same_file(qapp, monkeypatch, tmp_path) -> None:
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))
    monkeypatch.delenv("HIPDESK_DB", raising=False)
    old_name, old_org = QApplication.applicationName(), QApplication.organizationName()
    QApplication.setApplicationName("HipDesk")
    QApplication.setOrganizationName("")
    try:
        QStandardPaths.setTestModeEnabled(False)
        qt_folder = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.AppDataLocation)
        gui = database_path(None)
    finally:
        QApplication.setApplicationName(old_name)
        QApplication.setOrganizationName(old_org)
    assert gui == default_db_path() == Path(qt_folder) / "hipdesk.db" == tmp_path / "data" / "HipDesk" / "hipdesk.db"


def test_db_option_and_variable_win(monkeypatch, tmp_path) -> None:
    monkeypatch.setenv("HIPDESK_DB", str(tmp_path / "env.db"))
    assert database_path(None) == tmp_path / "env.db"
    assert database_path(str(tmp_path / "opt.db")) == tmp_path / "opt.db"
