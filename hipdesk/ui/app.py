"""GUI start-up: the QApplication, the database, the content, the main window."""

from __future__ import annotations

import os
import sys
from typing import TYPE_CHECKING, Any

from hipdesk import __version__
from hipdesk.actions.content_check import check_content_at_start
from hipdesk.content.loader import ContentError
from hipdesk.content.questionnaire import Questionnaire, load_questionnaire
from hipdesk.storage.instance_lock import InstanceLock
from hipdesk.storage.location import database_path
from hipdesk.storage.logs import logger, setup_logging
from hipdesk.storage.recovery import open_store
from hipdesk.storage.settings import KIOSK_SETTING
from hipdesk.storage.store import SessionStore, StoreError
from hipdesk.ui import data_faults
from hipdesk.ui.identity import give_windows_the_icon, identify_application

if TYPE_CHECKING:
    from PySide6.QtWidgets import QApplication, QMainWindow

# This module imports PySide6 only when the GUI starts (run_gui), after HipDesk's own non-Qt modules and the
# standard library they use (data_faults and identity name no Qt at import either): once PySide6 is imported,
# its import hook reads the source of every module imported after it (looking for `from __feature__`): 28 files
# fewer at start-up, ~12 M instructions.

_KEEP: list[QMainWindow] = []

ALREADY_OPEN = (
    "HipDesk is already open on this computer with the same data ({path}).\n\n"
    "Please use the HipDesk window that is already open (it may be minimised or behind other windows). "
    "Only one HipDesk window at a time can work with the data, so that nothing is overwritten."
)
FOLDER_UNWRITABLE = (
    "HipDesk cannot write to its data folder {folder} ({reason}).\n\n"
    "Please tell the person who looks after this computer: the folder must exist and be writable, "
    "and the disk must have free space."
)


def _fail(app: QApplication, smoke: bool, title: str, message: str) -> int:
    print(f"hipdesk: {message}", file=sys.stderr)
    if not smoke and os.environ.get("QT_QPA_PLATFORM") != "offscreen":
        from PySide6.QtWidgets import QMessageBox  # only when something went wrong

        QMessageBox.critical(None, title, message)
    return 1


def _warn(smoke: bool, title: str, message: str) -> None:
    """Tell the person something went wrong but HipDesk goes on (stderr always; a dialog on a real screen)."""
    print(f"hipdesk: {message}", file=sys.stderr)
    if not smoke and os.environ.get("QT_QPA_PLATFORM") != "offscreen":
        from PySide6.QtWidgets import QMessageBox  # only when something went wrong

        QMessageBox.warning(None, title, message)


def _kiosk_mode(args: Any, store: SessionStore) -> bool:
    """--kiosk turns kiosk mode on and it stays on (a restart must not free the patient) until staff leave it."""
    if getattr(args, "kiosk", False):
        try:
            store.set_setting(KIOSK_SETTING, True)
        except StoreError as error:
            logger.warning("kiosk setting not saved: %s", error)
        return True
    return bool(store.get_setting(KIOSK_SETTING, False))


def _open_normal_window(app: QApplication, questionnaire: Questionnaire, store: SessionStore) -> None:
    """After staff leave kiosk mode: the ordinary window, in the same run."""
    from hipdesk.ui.main_window import MainWindow

    window = MainWindow(questionnaire, store)
    window.kiosk_requested.connect(lambda: _switch_to_kiosk(app, window, questionnaire, store))
    _KEEP.append(window)  # nothing else holds it, and a collected window would vanish
    window.show()


def _open_kiosk_window(app: QApplication, questionnaire: Questionnaire, store: SessionStore) -> QMainWindow:
    """The full-screen front-desk window (it asks for a staff PIN at its first start)."""
    from PySide6.QtCore import Qt  # Qt's namespace costs ~15 ms to import: only the kiosk needs it here

    from hipdesk.ui.kiosk.window import KioskWindow

    window = KioskWindow(questionnaire, store)
    window.left_kiosk.connect(lambda: _open_normal_window(app, questionnaire, store))
    window.setWindowFlag(Qt.WindowType.WindowStaysOnTopHint)
    _KEEP.append(window)
    window.showFullScreen()
    return window


def _switch_to_kiosk(app: QApplication, current: QMainWindow, questionnaire: Questionnaire, store: SessionStore) -> None:
    """The setting: kiosk mode from the ordinary window; it stays on across restarts until staff leave it."""
    try:
        store.set_setting(KIOSK_SETTING, True)
    except StoreError as error:
        logger.warning("kiosk setting not saved: %s", error)
    logger.info("kiosk mode switched on from the window")
    _open_kiosk_window(app, questionnaire, store)
    current.close()


def _start_fhir_sender(window: QMainWindow, questionnaire: Questionnaire, store: SessionStore) -> Any:
    """The background sender of finished sessions to the clinic's FHIR server, tied to the window's signals."""
    from hipdesk.ui.fhir_sender import FhirSender  # no urllib or ssl before the first page

    sender = FhirSender(store.path, questionnaire)
    wizard = getattr(window, "wizard", None)
    if wizard is not None:
        wizard.session_finished.connect(lambda _id: sender.wake())
    send_requested = getattr(window, "send_requested", None)
    if send_requested is not None:
        send_requested.connect(sender.wake)
    sender.changed.connect(lambda: _reload_library(window))
    sender.start()
    return sender


def _reload_library(window: Any) -> None:
    library = getattr(window, "library", None)
    if library is not None and library.isVisible():
        library.model.reload()


DAMAGE_FOUND = (
    "HipDesk found damage in its data file {path} ({problem}).\n\n"
    "Please close HipDesk and start it again: it will then keep the damaged file aside, unchanged, and start "
    "a new one. Please tell the person who looks after this computer; do not delete the kept file."
)


def _damage_found(lock: InstanceLock, smoke: bool, problem: str) -> None:
    """The background check after an unclean exit found damage: say so; the next start moves the file aside."""
    logger.error("page check after an unclean exit: %s", problem)
    lock.mark_check_failed()
    _warn(smoke, "HipDesk data file damaged", DAMAGE_FOUND.format(path=lock.db_path, problem=problem))


def _register_fonts() -> None:
    from hipdesk.ui.fonts import register_shipped_fonts

    register_shipped_fonts()


def _no_display() -> bool:
    return (
        sys.platform.startswith("linux")
        and not os.environ.get("QT_QPA_PLATFORM")
        and not os.environ.get("DISPLAY")
        and not os.environ.get("WAYLAND_DISPLAY")
    )


def first_page_shown(app: QApplication) -> None:
    """What waits until the first page is up: the windows' icon (see identity.give_windows_the_icon); then,
    as what start-up built lives as long as the window, the collector (turned off for start-up by
    hipdesk.__main__) leaves it out of every later pass (shorter pauses), and starts again."""
    import gc

    give_windows_the_icon(app)
    gc.freeze()
    gc.enable()


def run_gui(args: Any) -> int:
    """Start the GUI; with --smoke show the first page, process events and return 0."""
    os.umask(0o077)  # everything HipDesk writes is for this user only
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication
    if _no_display():
        if not args.smoke:
            print("hipdesk: no display found (DISPLAY is not set); start HipDesk from a desktop session.", file=sys.stderr)
            return 1
        os.environ["QT_QPA_PLATFORM"] = "offscreen"  # a start-up check needs no screen
    app = QApplication.instance() or QApplication(sys.argv[:1])
    assert isinstance(app, QApplication)
    app.setApplicationName("HipDesk")
    app.setApplicationVersion(__version__)
    from hipdesk.ui.accessibility import install_safe_scroll_areas

    install_safe_scroll_areas()  # before any window: a screen reader must not crash the app on a screen switch
    identify_application(app)
    try:
        questionnaire = load_questionnaire()
    except ContentError as error:
        return _fail(app, args.smoke, "HipDesk cannot start", f"A content file is broken: {error}")
    db_path = database_path(getattr(args, "db", None))
    lock = InstanceLock(db_path)
    try:
        if not lock.acquire():
            return _fail(app, args.smoke, "HipDesk is already open", ALREADY_OPEN.format(path=db_path))
    except OSError as error:
        return _fail(app, args.smoke, "HipDesk cannot open its data", FOLDER_UNWRITABLE.format(
            folder=db_path.parent, reason=error.strerror or error))
    # After an unclean exit the file is checked page by page: first when it is small (or a check found damage
    # last time), in the background when it is big, so that the first page does not wait for it.
    from hipdesk.storage.recovery import check_later

    in_background = lock.previous_exit_unclean and not lock.previous_check_failed and check_later(db_path)
    try:
        opened = open_store(db_path, full_check=lock.previous_exit_unclean and not in_background)
    except StoreError as error:
        lock.release()
        return _fail(app, args.smoke, "HipDesk cannot open its data", str(error))
    store = opened.store
    log_file = setup_logging(db_path)
    logger.info("start: version %s, log %s", __version__, log_file)
    if opened.message:
        logger.warning("data file moved aside to %s", opened.moved_to)
        _warn(args.smoke, opened.title, opened.message)
    try:
        check_content_at_start(store, questionnaire)
    except ContentError as error:
        store.close()
        lock.release()
        return _fail(app, args.smoke, "HipDesk cannot start", f"A content file is broken: {error}")
    data_faults.install(db_path, lambda title, text: _warn(False, title, text))

    from hipdesk.ui.main_window import MainWindow

    kiosk = _kiosk_mode(args, store)
    window: QMainWindow
    if kiosk:
        window = _open_kiosk_window(app, questionnaire, store)
    else:
        window = MainWindow(questionnaire, store)
        window.kiosk_requested.connect(lambda: _switch_to_kiosk(app, window, questionnaire, store))
        window.show()

    def start_background_check() -> None:
        # Once the first page is up: the check's thread (SQLite reads without holding the GIL) took a core from
        # the first page on a 2-core machine.
        from hipdesk.ui.background_check import check_in_background

        check_in_background(db_path, lambda problem: _damage_found(lock, args.smoke, problem))

    if args.smoke:
        app.processEvents()
        first_page_shown(app)
        if in_background:
            start_background_check()
        first_page = isinstance(window, MainWindow) and window.current_page_id() == questionnaire.pages[0].id
        ok = window.isVisible() and (kiosk or first_page)
        store.close()
        lock.release()
        return 0 if ok else 1
    QTimer.singleShot(0, window.raise_)
    QTimer.singleShot(0, lambda: first_page_shown(app))
    if in_background:
        QTimer.singleShot(0, start_background_check)
    if isinstance(window, MainWindow):  # the colour guess made before the first page, checked with Qt
        QTimer.singleShot(0, window.check_system_colours)
    # The FHIR sender starts once the first page is up (its code is not loaded before that: start-up time);
    # it sends nothing until staff set a server.
    senders: list[Any] = []
    QTimer.singleShot(300, lambda: senders.append(_start_fhir_sender(window, questionnaire, store)))
    # After the first page is up (start-up stays fast): text in any script the person types can be shown
    # even where the system has no such font, as in the PDF.
    QTimer.singleShot(0, _register_fonts)
    code = app.exec()
    for sender in senders:
        sender.stop()
    store.close()
    lock.release()
    return int(code)
