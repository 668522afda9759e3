"""Following the desktop's colour scheme: a fast guess before the first page, Qt's own answer right after it."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from hipdesk.ui import theme
from tests.ui.contrast import crop, ratio, text_contrast

ROOT = Path(__file__).resolve().parents[2]


def test_before_the_first_page_the_platform_palette_decides(monkeypatch) -> None:
    monkeypatch.setattr(theme, "_ASK_QT", [])
    monkeypatch.setattr(theme, "_PLATFORM_PALETTE_DARK", [True])
    assert theme.system_is_dark() and theme.colours_for("system") == theme.DARK
    monkeypatch.setattr(theme, "_PLATFORM_PALETTE_DARK", [False])
    assert not theme.system_is_dark() and theme.colours_for("system") == theme.LIGHT


def test_a_wrong_guess_is_put_right_once_the_first_page_is_up(qtbot, window, monkeypatch) -> None:
    window.set_colours("system")
    assert window.colours == theme.LIGHT  # the offscreen platform's palette is light
    # A desktop whose palette is dark, and Qt does not name a scheme (the offscreen platform says Unknown):
    # once Qt is asked, the palette decides, and the window turns dark.
    monkeypatch.setattr(theme, "_PLATFORM_PALETTE_DARK", [True])
    monkeypatch.setattr(theme, "_ASK_QT", [])
    window.check_system_colours()
    assert theme._ASK_QT and window.colours == theme.DARK
    value, _text, back = text_contrast(crop(window.grab().toImage(), window, window.wizard.steps))
    assert value >= 4.5 and ratio(back, 0x000000) < 2  # light text on a dark step list, as drawn
    window.set_colours("light")


def test_a_chosen_scheme_is_not_changed_by_the_check(qtbot, window, monkeypatch) -> None:
    window.set_colours("contrast")
    monkeypatch.setattr(theme, "_PLATFORM_PALETTE_DARK", [False])
    window.check_system_colours()
    assert window.colours == theme.HIGH_CONTRAST
    window.set_colours("light")


ENUM_WATCH = """
import enum, sys
made = []
create = enum.EnumType._create_
def watched(cls, class_name, names=None, *args, **kwargs):
    made_enum = create(cls, class_name, names, *args, **kwargs)
    made.append(made_enum)
    return made_enum
enum.EnumType._create_ = watched
from hipdesk.__main__ import main
code = main(["--smoke"])
print(" ".join(made_enum.__qualname__ for made_enum in made))  # PySide names them fully after creation
sys.exit(code)
"""


def test_the_first_page_shows_without_building_qts_namespace(tmp_path: Path) -> None:
    """Naming `Qt` (from PySide6.QtCore import Qt) builds its 93 enum types, ~20 ms: not before the first page.

    Fails when a module on the way to the first page imports Qt at its top (as theme.py and wizard.py did).
    """
    env = dict(os.environ, HIPDESK_DB=str(tmp_path / "start.db"), QT_QPA_PLATFORM="offscreen")
    done = subprocess.run([sys.executable, "-c", ENUM_WATCH], cwd=ROOT, env=env, capture_output=True, text=True,
                          timeout=120)
    assert done.returncode == 0, done.stderr
    made = done.stdout.split()
    assert "QPalette.ColorRole" in made  # the watch works: the theme's own enum is seen
    qt_namespace = [name for name in made if name.startswith("Qt.")]
    assert not qt_namespace, f"built before the first page: {qt_namespace[:5]}"
