"""Screenshots of every wizard page at two window sizes (offscreen), for looking at layout.

    .venv/bin/python scripts/screenshots.py OUTDIR [--answers FILE]
"""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtWidgets import QApplication  # noqa: E402

from hipdesk.content.questionnaire import load_questionnaire  # noqa: E402
from hipdesk.exchange.answers_file import read_answers_file  # noqa: E402
from hipdesk.storage.store import SessionStore  # noqa: E402
from hipdesk.ui.main_window import MainWindow  # noqa: E402

SIZES = [(1024, 600), (1920, 1080)]


def main() -> int:
    out = Path(sys.argv[1])
    out.mkdir(parents=True, exist_ok=True)
    answers = Path(sys.argv[3]) if len(sys.argv) > 3 and sys.argv[2] == "--answers" else None
    app = QApplication.instance() or QApplication([])
    questionnaire = load_questionnaire()
    with tempfile.TemporaryDirectory() as folder:
        store = SessionStore(Path(folder) / "shots.db")
        session_id = None
        if answers:
            session_id = store.save_whole_session(read_answers_file(questionnaire, answers))
        for width, height in SIZES:
            window = MainWindow(questionnaire, store)
            window.resize(width, height)
            window.show()
            if session_id is not None:
                window.wizard.open_session(session_id)
            for index, page in enumerate(questionnaire.pages):
                window.wizard._show(index)
                app.processEvents()
                window.grab().save(str(out / f"{index + 1:02d}-{page.id}-{width}x{height}.png"))
            window.close()
        store.close()
    print(f"saved to {out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
