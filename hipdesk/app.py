"""GUI start-up: the QApplication, the database, the content, the main window."""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

from PySide6.QtCore import QStandardPaths, QTimer
from PySide6.QtWidgets import QApplication, QMessageBox

from hipdesk import __version__
from hipdesk.cli import db_path_from
from hipdesk.content import ContentError, load_questionnaire
from hipdesk.store import SessionStore, StoreError


def gui_db_path(args: argparse.Namespace) -> Path:
    """--db, else HIPDESK_DB, else the per-user AppDataLocation from QStandardPaths."""
    chosen = db_path_from(args)
    if chosen:
        return chosen
    folder = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.AppDataLocation)
    return Path(folder) / "hipdesk.db"


def _fail(app: QApplication, smoke: bool, title: str, message: str) -> int:
    print(f"hipdesk: {message}", file=sys.stderr)
    if not smoke and os.environ.get("QT_QPA_PLATFORM") != "offscreen":
        QMessageBox.critical(None, title, message)
    return 1


def _no_display() -> bool:
    return (
        sys.platform.startswith("linux")
        and not os.environ.get("QT_QPA_PLATFORM")
        and not os.environ.get("DISPLAY")
        and not os.environ.get("WAYLAND_DISPLAY")
    )


def run_gui(args: argparse.Namespace) -> int:
    """Start the GUI; with --smoke show the first page, process events and return 0."""
    os.umask(0o077)  # everything HipDesk writes is for this user only
    if _no_display():
        if not args.smoke:
            print("hipdesk: no display found (DISPLAY is not set); start HipDesk from a desktop session.", file=sys.stderr)
            return 1
        os.environ["QT_QPA_PLATFORM"] = "offscreen"  # a start-up check needs no screen
    app = QApplication.instance() or QApplication(sys.argv[:1])
    assert isinstance(app, QApplication)
    app.setApplicationName("HipDesk")
    app.setApplicationVersion(__version__)
    try:
        questionnaire = load_questionnaire()
    except ContentError as error:
        return _fail(app, args.smoke, "HipDesk cannot start", f"A content file is broken: {error}")
    db_path = gui_db_path(args)
    try:
        store = SessionStore(db_path)
    except StoreError as error:
        return _fail(app, args.smoke, "HipDesk cannot open its data", str(error))

    from hipdesk.ui.main_window import MainWindow

    window = MainWindow(questionnaire, store, kiosk=bool(getattr(args, "kiosk", False)))
    window.show()
    if args.smoke:
        app.processEvents()
        ok = window.isVisible() and window.current_page_id() == questionnaire.pages[0].id
        store.close()
        return 0 if ok else 1
    QTimer.singleShot(0, window.raise_)
    code = app.exec()
    store.close()
    return int(code)
