"""Screenshots of every wizard page (offscreen) at several window sizes and colour schemes, for looking at layout.

    .venv/bin/python scripts/screenshots.py OUTDIR [--answers FILE] [--scale 2]

Sizes: 1024 × 600 and 1366 × 768 at 100 %; with --scale 2 (QT_SCALE_FACTOR=2, as 200 % on 1920 × 1080) the
window is 960 × 510 device-independent pixels. Every size in the light and the dark scheme.
"""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
if "--scale" in sys.argv:
    os.environ["QT_SCALE_FACTOR"] = sys.argv[sys.argv.index("--scale") + 1]

from PySide6.QtWidgets import QApplication  # noqa: E402

from hipdesk.actions.imports import import_answers_file  # noqa: E402
from hipdesk.content.questionnaire import load_questionnaire  # noqa: E402
from hipdesk.storage.store import SessionStore  # noqa: E402
from hipdesk.ui.main_window import MainWindow  # noqa: E402

SIZES = [(1024, 600), (1366, 768)]
SCALED_SIZES = [(960, 510)]  # 1920 × 1080 at 200 %, less a panel
SCHEMES = ["light", "dark"]


def main() -> int:
    out = Path(sys.argv[1])
    out.mkdir(parents=True, exist_ok=True)
    answers = Path(sys.argv[sys.argv.index("--answers") + 1]) if "--answers" in sys.argv else None
    scaled = "--scale" in sys.argv
    app = QApplication.instance() or QApplication([])
    questionnaire = load_questionnaire()
    with tempfile.TemporaryDirectory() as folder:
        store = SessionStore(Path(folder) / "shots.db")
        session_id = import_answers_file(store, questionnaire, answers) if answers else None
        for width, height in SCALED_SIZES if scaled else SIZES:
            for scheme in SCHEMES:
                window = MainWindow(questionnaire, store)
                window.set_colours(scheme)
                window.resize(width, height)
                window.show()
                if session_id is not None:
                    window.wizard.open_session(session_id)
                tag = f"{width}x{height}{'@2x' if scaled else ''}-{scheme}"
                for index, page in enumerate(questionnaire.pages):
                    window.wizard.go_to_page(page.id)
                    app.processEvents()
                    window.grab().save(str(out / f"{index + 1:02d}-{page.id}-{tag}.png"))
                window.close()
        store.close()
    print(f"saved to {out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
