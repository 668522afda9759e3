"""Opens HipDesk on an example session's body-map page, for the README screenshot under xshot.

    ../shared/tools/xshot docs/screenshot.png 5 .venv/bin/python scripts/readme_screenshot.py [PAGE] [PANE]

On the body map it shows the pane PANE (default "sides": the example's outer hip and outer thigh).
"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

from PySide6.QtWidgets import QApplication

from hipdesk.content.questionnaire import load_questionnaire
from hipdesk.exchange.answers_file import read_answers_file
from hipdesk.storage.store import SessionStore
from hipdesk.ui.main_window import MainWindow

EXAMPLE = Path(__file__).resolve().parents[1] / "tests" / "vignettes" / "gtps_lateral_hip.json"


def main() -> int:
    app = QApplication(sys.argv[:1])
    questionnaire = load_questionnaire()
    folder = tempfile.mkdtemp()
    store = SessionStore(Path(folder) / "example.db")
    session = read_answers_file(questionnaire, EXAMPLE)
    session.answers["name"] = "Example runner"
    session_id = store.save_whole_session(session)
    window = MainWindow(questionnaire, store)
    window.resize(1200, 790)
    window.show()
    window.wizard.open_session(session_id)
    page_id = sys.argv[1] if len(sys.argv) > 1 else "bodymap"
    window.wizard.go_to_page(page_id)
    if page_id == "bodymap":
        body_map = window.wizard.current_page().body_map  # type: ignore[attr-defined]
        pane = sys.argv[2] if len(sys.argv) > 2 else "sides"
        index = [layout.pane.id for layout in body_map.view.panes].index(pane)
        body_map.pane_buttons.button(index).click()
    return app.exec()


if __name__ == "__main__":
    sys.exit(main())
