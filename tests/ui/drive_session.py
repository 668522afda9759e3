"""Runs the real GUI (offscreen) and answers questions through its widgets, one every few milliseconds.

Prints `stored <item_id> <json value>` after each answer is stored, then waits to be killed.
Used by the kill tests: `python -m tests.ui.drive_session DB`.
"""

from __future__ import annotations

import json
import os
import sys

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QTimer  # noqa: E402
from PySide6.QtWidgets import QAbstractButton, QApplication, QLineEdit, QPlainTextEdit  # noqa: E402

from hipdesk.content.questionnaire import load_questionnaire  # noqa: E402
from hipdesk.storage.store import SessionStore  # noqa: E402
from hipdesk.ui.main_window import MainWindow  # noqa: E402

#: (page, item, kind, value): what a person would do, in order.
SCRIPT = [
    ("start", "filled_by", "click", "patient"), ("start", "setting", "click", "home"),
    ("about", "name", "type", "Kill Test"), ("about", "age", "type", "44"), ("about", "sex", "click", "female"),
    ("about", "painful_side", "click", "right"), ("about", "height_cm", "type", "170"),
    ("training", "weekly_distance", "type", "30"), ("training", "recent_weekly_distance", "type", "45"),
    ("training", "recent_race", "click", "yes"), ("pain", "onset", "click", "gradual"),
    ("pain", "bear_weight", "click", "painful"), ("pain", "pain_during_run", "click", "yes"),
    ("pain", "pain_start_minutes", "type", "15"), ("pain", "pain_lying_on_side", "click", "yes"),
    ("pain", "pain_now", "click", "3"), ("pain", "pain_worst", "click", "7"), ("pain", "pain_run_score", "click", "6"),
    ("symptoms", "sym_swelling", "click", "no"), ("symptoms", "rf_fever", "click", "no"),
    ("history", "med_antidepressant", "click", "yes"), ("history", "notes", "type", "Ölçü & <notes>"),
]


def main() -> int:
    app = QApplication([])
    store = SessionStore(sys.argv[1])
    window = MainWindow(load_questionnaire(), store)
    window.show()
    steps = iter(SCRIPT)
    pages = [page.id for page in window.ctx.questionnaire.pages]

    def step() -> None:
        try:
            page, item, kind, value = next(steps)
        except StopIteration:
            print("done", flush=True)
            return
        wizard = window.wizard
        while wizard.current_page_id() != page:
            if pages.index(page) > wizard.index:
                assert wizard.next(), f"Next refused on {wizard.current_page_id()}"
            else:
                wizard.back()
        if kind == "click":
            button = window.findChild(QAbstractButton, f"{item}__{value}")
            button.click()
        else:
            edit = window.findChild(QLineEdit, f"{item}__input")
            if edit is not None:
                edit.insert(value)
            else:
                window.findChild(QPlainTextEdit, f"{item}__input").setPlainText(value)
        stored = wizard.editor.session.answers.get(item) if wizard.editor else None
        print("stored", item, json.dumps(stored), flush=True)
        QTimer.singleShot(5, step)

    QTimer.singleShot(0, step)
    return app.exec()


if __name__ == "__main__":
    sys.exit(main())
