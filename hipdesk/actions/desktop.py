"""Desktop integration: the freedesktop menu entry and icons, installed for this user (no root needed)."""

from __future__ import annotations

import os
import shlex
import shutil
import sys
from pathlib import Path

from hipdesk.app_id import APP_ID, ICON_SIZES
from hipdesk.content.resources import resource_path

__all__ = ["APP_ID", "ICON_SIZES", "data_home", "desktop_entry", "install_desktop_entry", "launch_command"]


def data_home() -> Path:
    """$XDG_DATA_HOME, else ~/.local/share (the freedesktop base directory rules)."""
    configured = os.environ.get("XDG_DATA_HOME")
    return Path(configured) if configured and Path(configured).is_absolute() else Path.home() / ".local" / "share"


def launch_command() -> str:
    """How the desktop starts this copy of HipDesk: the bundle's program, the installed script, or Python."""
    if getattr(sys, "frozen", False):
        return shlex.quote(sys.executable)
    script = shutil.which("hipdesk")
    if script:
        return shlex.quote(script)
    return f"{shlex.quote(sys.executable)} -m hipdesk"


def desktop_entry(command: str) -> str:
    """The shipped .desktop text with `Exec` pointing at `command`."""
    lines = resource_path("desktop", f"{APP_ID}.desktop").read_text(encoding="utf-8").splitlines()
    return "\n".join(f"Exec={command}" if line.startswith("Exec=") else line for line in lines) + "\n"


def install_desktop_entry(target: Path | None = None, command: str | None = None) -> list[Path]:
    """Write the menu entry and the icons under `target` (default: the user's data folder); return the files.

    Raises OSError when the folder cannot be written.
    """
    root = target or data_home()
    written = []
    applications = root / "applications"
    applications.mkdir(parents=True, exist_ok=True)
    entry = applications / f"{APP_ID}.desktop"
    entry.write_text(desktop_entry(command or launch_command()), encoding="utf-8")
    written.append(entry)
    icons = root / "icons" / "hicolor"
    for size in ICON_SIZES:
        folder = icons / f"{size}x{size}" / "apps"
        folder.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(resource_path("icons", f"hipdesk-{size}.png"), folder / f"{APP_ID}.png")
        written.append(folder / f"{APP_ID}.png")
    scalable = icons / "scalable" / "apps"
    scalable.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(resource_path("icons", "hipdesk.svg"), scalable / f"{APP_ID}.svg")
    written.append(scalable / f"{APP_ID}.svg")
    return written
