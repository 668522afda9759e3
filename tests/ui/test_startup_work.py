"""What start-up does before the first page shows, and what a page built ahead costs (work moved must still happen)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def run_python(code: str, tmp_path: Path, *args: str) -> subprocess.CompletedProcess[str]:
    env = dict(os.environ, HIPDESK_DB=str(tmp_path / "start.db"), QT_QPA_PLATFORM="offscreen")
    return subprocess.run([sys.executable, "-c", code, *args], cwd=ROOT, env=env, capture_output=True, text=True,
                          timeout=120)


# Records every enum type made (PySide builds a Qt class's enums when the class is first used).
WATCH_ENUMS = """
import enum, sys
made = []
create = enum.EnumType._create_
def watched(cls, class_name, names=None, *args, **kwargs):
    made_enum = create(cls, class_name, names, *args, **kwargs)
    made.append(made_enum)
    return made_enum
enum.EnumType._create_ = watched
"""
#: Classes whose enums are built only when PySide guesses the class of a Qt-internal widget.
GUESSED_CLASSES = ("QFileDialog", "QMessageBox", "QTabWidget")

ENUM_WATCH = WATCH_ENUMS + """
from hipdesk.__main__ import main
code = main(["--smoke"])
print(" ".join(made_enum.__qualname__ for made_enum in made))  # PySide names them fully after creation
sys.exit(code)
"""


def test_the_first_page_shows_without_building_qts_namespace(tmp_path: Path) -> None:
    """Naming `Qt` (from PySide6.QtCore import Qt) builds its 93 enum types, ~20 ms: not before the first page.

    Fails when a module on the way to the first page imports Qt at its top (as theme.py and wizard.py did).
    """
    done = run_python(ENUM_WATCH, tmp_path)
    assert done.returncode == 0, done.stderr
    made = done.stdout.split()
    assert "QPalette.ColorRole" in made  # the watch works: the theme's own enum is seen
    qt_namespace = [name for name in made if name.startswith("Qt.")]
    assert not qt_namespace, f"built before the first page: {qt_namespace[:5]}"


def test_the_first_page_shows_without_pyside_guessing_a_widgets_class(tmp_path: Path) -> None:
    """Handing Python a Qt-internal widget (a scroll area's viewport) makes PySide try the classes of QtWidgets
    one by one to name it, building ~60 enum types (~14 ms): the focus code on the way to the first page did."""
    done = run_python(ENUM_WATCH, tmp_path)
    assert done.returncode == 0, done.stderr
    guessed = [name for name in done.stdout.split() if name.split(".")[0] in GUESSED_CLASSES]
    assert not guessed, f"built before the first page: {guessed}"


GC_STATE = """
import gc, sys
from hipdesk.__main__ import main
code = main(sys.argv[1:])
print(code, gc.isenabled(), gc.get_freeze_count())
"""


def test_garbage_collection_is_on_again_after_the_first_page(tmp_path: Path) -> None:
    """Start-up runs without the collector (it found nothing to collect); the window turns it back on and
    keeps what start-up built out of later passes (frozen)."""
    code, enabled, frozen = run_python(GC_STATE, tmp_path, "--smoke").stdout.split()
    assert code == "0" and enabled == "True" and int(frozen) > 10_000


def test_garbage_collection_is_on_again_when_start_up_ends_early(tmp_path: Path) -> None:
    (tmp_path / "start.db").mkdir()  # a folder where the data file should be: a message, no window
    done = run_python(GC_STATE, tmp_path, "--smoke")
    code, enabled, _frozen = done.stdout.split()
    assert code == "1" and enabled == "True", done.stderr


ICON_AFTER_START = """
import sys
from hipdesk.__main__ import main
code = main(["--smoke"])
from PySide6.QtGui import QGuiApplication
icon = QGuiApplication.windowIcon()
print(code, QGuiApplication.desktopFileName(), ",".join(str(size.width()) for size in icon.availableSizes()))
"""


def test_a_start_names_the_desktop_entry_and_gives_the_windows_their_icon(tmp_path: Path) -> None:
    """The icon is set once the first page is up (it costs ~5 ms before it): it must still be set."""
    done = run_python(ICON_AFTER_START, tmp_path)
    code, desktop_file, sizes = done.stdout.split()
    assert code == "0" and desktop_file == "org.hipdesk.HipDesk", done.stderr
    assert {16, 32, 48, 256} <= {int(size) for size in sizes.split(",")}


MODULES_AFTER_START = """
import sys
from hipdesk.__main__ import main
code = main(["--smoke"])
print(code, "hipdesk.session" in sys.modules, "dataclasses" in sys.modules)
"""


def test_the_first_page_shows_without_loading_the_session_model(tmp_path: Path) -> None:
    """The session model's dataclasses (and `dataclasses` itself, ~5 ms) load with the first session opened or
    started: the start page only lists sessions. Fails when a module on the way imports hipdesk.session at its top.
    (The first start on a new data file checks every content file, which loads the model: the second is asked.)"""
    assert run_python(MODULES_AFTER_START, tmp_path).returncode == 0
    done = run_python(MODULES_AFTER_START, tmp_path)
    assert done.stdout.split() == ["0", "False", "False"], done.stderr


BACKGROUND_CHECK_ORDER = """
import sys
import hipdesk.storage.recovery as recovery
import hipdesk.ui.app as app
import hipdesk.ui.background_check as background
events = []
recovery.check_later = lambda path: True  # as for a file over recovery.BLOCKING_CHECK_MAX_BYTES
shown = app.first_page_shown
app.first_page_shown = lambda qt_app: (events.append("shown"), shown(qt_app))
start = background.check_in_background
background.check_in_background = lambda path, on_damage: (events.append("check"), start(path, on_damage))
import os
open(os.environ["HIPDESK_DB"] + ".lock", "wb").write(b"running\\n")  # what a killed HipDesk leaves behind
from hipdesk.__main__ import main
code = main(["--smoke"])
print(code, ",".join(events))
"""


def test_after_an_unclean_exit_the_background_check_starts_once_the_first_page_is_up(tmp_path: Path) -> None:
    """A big file's page check runs in a thread while the person works; started before the first page, it took
    a core from it (1M sessions: 1.41-1.49x the bare wizard)."""
    done = run_python(BACKGROUND_CHECK_ORDER, tmp_path)
    assert done.stdout.split() == ["0", "shown,check"], done.stderr


BODY_MAP_ENUMS = WATCH_ENUMS + """
import os
from PySide6.QtWidgets import QApplication
app = QApplication([])
from hipdesk.content.questionnaire import load_questionnaire
from hipdesk.storage.store import SessionStore
from hipdesk.ui.bodymap_page import BodyMapPage
from hipdesk.ui.context import UiContext
questionnaire = load_questionnaire()
page = BodyMapPage(questionnaire.page("bodymap"), UiContext(questionnaire, SessionStore(os.environ["HIPDESK_DB"])))
page.body_map.view.viewport()  # as the hover code asks for it
print(" ".join(made_enum.__qualname__ for made_enum in made))
"""


def test_the_body_map_is_built_without_pyside_guessing_a_widgets_class(tmp_path: Path) -> None:
    """The picture's viewport() handed PySide Qt's own widget: it tried the QtWidgets classes one by one to name it
    (~70 enum types, 36 ms in the piece that builds the page)."""
    done = run_python(BODY_MAP_ENUMS, tmp_path)
    assert done.returncode == 0, done.stderr
    made = done.stdout.split()
    assert "QGraphicsView.ViewportAnchor" in made  # the watch works: the picture's own enums are seen
    guessed = [name for name in made if name.split(".")[0] in GUESSED_CLASSES]
    assert not guessed, f"built with the body map: {guessed}"
