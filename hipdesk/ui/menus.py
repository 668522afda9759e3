"""The ordinary window's menu bar: File, Sessions, View, Help, with the platform's usual shortcuts.

Each entry only calls the window's method for it; the menus hold no workflow of their own.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtGui import QAction, QActionGroup, QKeySequence
from PySide6.QtWidgets import QMenu

from hipdesk.ui.theme import COLOUR_CHOICES

if TYPE_CHECKING:
    from hipdesk.ui.main_window import MainWindow

Keys = QKeySequence.StandardKey


def _action(menu: QMenu, text: str, name: str, slot: Callable[[], object],
            keys: list[QKeySequence] | None = None, tip: str = "") -> QAction:
    action = menu.addAction(text)
    action.setObjectName(name)
    action.triggered.connect(lambda _checked=False: slot())
    if keys:
        action.setShortcuts(keys)
    if tip:
        action.setStatusTip(tip)
        action.setToolTip(tip)
    return action


def build_menus(window: MainWindow, library_title: str) -> dict[str, QAction]:
    """Fill the window's menu bar; return the actions by objectName (tests and the window use them)."""
    bar = window.menuBar()
    bar.setObjectName("menuBar")
    actions: dict[str, QAction] = {}

    def add(menu: QMenu, *args, **kwargs) -> QAction:
        action = _action(menu, *args, **kwargs)
        actions[action.objectName()] = action
        return action

    file_menu = bar.addMenu("&File")
    add(file_menu, "&New session", "newSessionAction", window.new_session, [QKeySequence(Keys.New)],
        "Start over with an empty session; the one on screen stays saved as unfinished")
    add(file_menu, "&Import answers file…", "importAnswersAction", window.import_answers, [QKeySequence(Keys.Open)])
    file_menu.addSeparator()
    add(file_menu, "&Save report as PDF…", "savePdfAction", window.save_pdf, [QKeySequence(Keys.Save)])
    add(file_menu, "&Print report…", "printAction", window.print_report, [QKeySequence(Keys.Print)])
    file_menu.addSeparator()
    add(file_menu, "&Quit", "quitAction", window.close, [QKeySequence(Keys.Quit), QKeySequence("Ctrl+Q")],
        "Close HipDesk (every answer is already saved)")

    sessions_menu = bar.addMenu("&Sessions")
    add(sessions_menu, f"{library_title}", "sessionsAction", window.show_library, [QKeySequence("Ctrl+L")])
    add(sessions_menu, "Front-desk &kiosk mode…", "kioskAction", window.ask_for_kiosk,
        tip="Full-screen intake for one patient after another; staff need a PIN to leave")
    add(sessions_menu, "Clinic &server…", "serverAction", window.show_server_settings,
        tip="Send finished sessions to the clinic's FHIR server (off until set)")

    view_menu = bar.addMenu("&View")
    add(view_menu, "&Larger text", "largerTextAction", lambda: window.step_text_size(+1),
        [QKeySequence(Keys.ZoomIn), QKeySequence("Ctrl++"), QKeySequence("Ctrl+=")])
    add(view_menu, "&Smaller text", "smallerTextAction", lambda: window.step_text_size(-1),
        [QKeySequence(Keys.ZoomOut), QKeySequence("Ctrl+-")])
    add(view_menu, "&Normal text size", "normalTextAction", lambda: window.set_text_size(100), [QKeySequence("Ctrl+0")])
    view_menu.addSeparator()
    colours = view_menu.addMenu("&Colours")
    group = QActionGroup(window)
    group.setExclusive(True)
    for choice, text in COLOUR_CHOICES.items():
        action = add(colours, text, f"colours_{choice}", lambda c=choice: window.set_colours(c))
        action.setCheckable(True)
        group.addAction(action)

    help_menu = bar.addMenu("&Help")
    add(help_menu, "&User guide", "userGuideAction", window.show_user_guide, [QKeySequence(Keys.HelpContents),
                                                                             QKeySequence("F1")])
    add(help_menu, "Add HipDesk to the applications &menu", "installDesktopAction", window.install_desktop_entry)
    help_menu.addSeparator()
    add(help_menu, "&About HipDesk", "aboutAction", window.show_about)
    for action in actions.values():  # one key sequence listed twice would make Qt call it ambiguous
        unique: list[QKeySequence] = []
        for keys in action.shortcuts():
            if not keys.isEmpty() and keys not in unique:
                unique.append(keys)
        action.setShortcuts(unique)
    return actions
