"""What the kiosk forgets at each change of patient, beyond the widgets (which are built anew).

The clipboard (and the X11 selection and find buffer) could hold text the last patient copied; Qt's own
file dialog remembers the folders last visited in its QtProject settings. The staff's export dialogs
always start in the documents folder, so nothing else is remembered between patients.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QSettings, QStandardPaths
from PySide6.QtGui import QClipboard, QGuiApplication

#: Keys of Qt's non-native file dialog (group "FileDialog" of the QtProject settings) that name folders.
_FILE_DIALOG_KEYS = ("FileDialog/history", "FileDialog/lastVisited")


def forget_previous_patient() -> None:
    """Empty every clipboard and Qt's remembered file-dialog folders."""
    clipboard = QGuiApplication.clipboard()
    if clipboard is not None:
        for mode in (QClipboard.Mode.Clipboard, QClipboard.Mode.Selection, QClipboard.Mode.FindBuffer):
            clipboard.clear(mode)
    settings = QSettings(QSettings.Scope.UserScope, "QtProject")
    for key in _FILE_DIALOG_KEYS:
        if settings.contains(key):
            settings.remove(key)


def export_folder() -> Path:
    """Where the staff's save dialogs start: always the documents folder (nothing remembered)."""
    documents = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
    return Path(documents) if documents else Path.home()
