"""How the desktop knows HipDesk: the .desktop file's id (not "python3") and the icon of every window."""

from __future__ import annotations

from PySide6.QtGui import QGuiApplication, QIcon

from hipdesk.actions.desktop import APP_ID, ICON_SIZES
from hipdesk.content.resources import resource_path


def app_icon() -> QIcon:
    """The HipDesk icon in every shipped size (the desktop picks the one it needs)."""
    icon = QIcon()
    for size in ICON_SIZES:
        icon.addFile(str(resource_path("icons", f"hipdesk-{size}.png")))
    return icon


def identify_application(app: QGuiApplication) -> None:
    """Tell the desktop which .desktop entry and icon belong to this process's windows."""
    app.setDesktopFileName(APP_ID)
    app.setWindowIcon(app_icon())
