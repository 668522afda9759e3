"""How the desktop knows HipDesk: the .desktop file's id (not "python3") and the icon of every window."""

from __future__ import annotations

from functools import cache
from typing import TYPE_CHECKING

from hipdesk.app_id import APP_ID, ICON_SIZES
from hipdesk.content.resources import resource_path

if TYPE_CHECKING:
    from PySide6.QtGui import QGuiApplication, QIcon


@cache
def app_icon() -> QIcon:
    """The HipDesk icon in every shipped size (the desktop picks the one it needs).

    Each size is named, so that Qt reads a file only when that size is drawn (without a size it decodes
    every file at once to learn their sizes, all seven on the way to the first page)."""
    from PySide6.QtCore import QSize
    from PySide6.QtGui import QIcon

    icon = QIcon()
    for size in ICON_SIZES:
        icon.addFile(str(resource_path("icons", f"hipdesk-{size}.png")), QSize(size, size))
    return icon


def identify_application(app: QGuiApplication) -> None:
    """Tell the desktop which .desktop entry belongs to this process's windows (before the first window)."""
    app.setDesktopFileName(APP_ID)


def give_windows_the_icon(app: QGuiApplication) -> None:
    """Every HipDesk window's icon (windows without one of their own take the application's).

    Called once the first page is up: the desktop shows the icon one turn of the event loop later, and the
    first page comes ~5 ms sooner (PySide builds QIcon's enums, with ~80 theme icon names, on first use)."""
    app.setWindowIcon(app_icon())
