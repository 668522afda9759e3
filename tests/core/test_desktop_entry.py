"""`hipdesk install-desktop`: a freedesktop menu entry and the icons, for this user."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from hipdesk.actions.desktop import APP_ID, ICON_SIZES, desktop_entry, install_desktop_entry
from hipdesk.content.resources import resource_path


def _entry(text: str) -> dict[str, str]:
    lines = text.splitlines()
    assert lines[0] == "[Desktop Entry]"
    return dict(line.split("=", 1) for line in lines[1:] if line and not line.startswith("#"))


def test_the_shipped_entry_has_what_a_desktop_needs() -> None:
    entry = _entry(desktop_entry("/opt/hipdesk/hipdesk"))
    assert entry["Type"] == "Application" and entry["Name"] == "HipDesk"
    assert entry["Exec"] == "/opt/hipdesk/hipdesk" and entry["Icon"] == APP_ID
    assert entry["Categories"].endswith(";") and "MedicalSoftware" in entry["Categories"]
    assert "diagnosis" in entry["Comment"]


def test_install_writes_the_entry_and_every_icon_size(tmp_path: Path) -> None:
    written = install_desktop_entry(tmp_path, command="/usr/bin/hipdesk")
    entry = tmp_path / "applications" / f"{APP_ID}.desktop"
    assert entry in written and _entry(entry.read_text(encoding="utf-8"))["Exec"] == "/usr/bin/hipdesk"
    for size in ICON_SIZES:
        png = tmp_path / "icons" / "hicolor" / f"{size}x{size}" / "apps" / f"{APP_ID}.png"
        data = png.read_bytes()
        assert data[:8] == b"\x89PNG\r\n\x1a\n"
        assert int.from_bytes(data[16:20], "big") == size and int.from_bytes(data[20:24], "big") == size
    svg = tmp_path / "icons" / "hicolor" / "scalable" / "apps" / f"{APP_ID}.svg"
    assert svg.read_bytes() == resource_path("icons", "hipdesk.svg").read_bytes()


def test_the_command_installs_into_a_prefix_and_explains_a_failure(tmp_path: Path) -> None:
    done = subprocess.run([sys.executable, "-m", "hipdesk", "install-desktop", "--prefix", str(tmp_path / "share")],
                          capture_output=True, text=True, timeout=60)
    assert done.returncode == 0, done.stderr
    assert (tmp_path / "share" / "applications" / f"{APP_ID}.desktop").is_file()
    blocked = tmp_path / "file"
    blocked.write_text("not a folder", encoding="utf-8")
    failed = subprocess.run([sys.executable, "-m", "hipdesk", "install-desktop", "--prefix", str(blocked)],
                            capture_output=True, text=True, timeout=60)
    assert failed.returncode == 1 and "cannot install" in failed.stderr
