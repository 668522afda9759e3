"""How the desktop knows HipDesk: the .desktop file's id (not "python3") and the icon of every window."""

from __future__ import annotations

from functools import cache

from PySide6.QtCore import QSize
from PySide6.QtGui import QGuiApplication, QIcon

from hipdesk.actions.desktop import APP_ID, ICON_SIZES
from hipdesk.content.resources import resource_path


@cache
def app_icon() -> QIcon:
    """The HipDesk icon in every shipped size (the desktop picks the one it needs).

    Each size is named, so that Qt reads a file only when that size is drawn (without a size it decodes
    every file at once to learn their sizes, all seven on the way to the first page)."""
    icon = QIcon()
    for size in ICON_SIZES:
        icon.addFile(str(resource_path("icons", f"hipdesk-{size}.png")), QSize(size, size))
    return icon


def identify_application(app: QGuiApplication) -> None:
    """Tell the desktop which .desktop entry and icon belong to this process's windows."""
    app.setDesktopFileName(APP_ID)
    app.setWindowIcon(app_icon())
