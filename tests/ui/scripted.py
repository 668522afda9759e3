"""A scripted session for the crash test: answers typed and clicked into the real widgets, one per timer tick.

Installed by `tests/launch.py --script FILE` (the product has no such option). FILE is JSON:
{"steps": [[item_id, raw], ...], "repeat": N, "interval_ms": 0}. After each answer is stored, one line
`stored SESSION_ID ITEM_ID JSON_VALUE` is printed and flushed, so a test that kills the process knows
exactly what must have survived.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication

from hipdesk.ui.answer_widgets import LineWidget, LongTextWidget, MultiWidget, _ButtonsWidget
from hipdesk.ui.main_window import MainWindow


def _enter(widget: Any, raw: Any) -> None:
    """Give `raw` to an answer widget the way a person would (click, tick, type)."""
    if isinstance(widget, _ButtonsWidget):
        widget.buttons[str(raw)].click()
    elif isinstance(widget, MultiWidget):
        for option_id, box in widget.boxes.items():
            if box.isChecked() != (option_id in raw):
                box.click()
    elif isinstance(widget, LineWidget):
        widget.edit.setFocus()
        widget.edit.selectAll()
        widget.edit.insert(str(raw))  # emits textEdited, like typing
    elif isinstance(widget, LongTextWidget):
        widget.edit.setPlainText(str(raw))
    else:  # pragma: no cover - a new widget type needs a line here
        raise TypeError(f"no scripted input for {type(widget).__name__}")


class ScriptRunner:
    """Feeds the steps into the window's wizard, one per timer tick."""

    def __init__(self, window: MainWindow, steps: list[tuple[str, Any]], repeat: int, interval_ms: int) -> None:
        self.wizard = window.wizard
        self.steps = steps * max(repeat, 1)
        self.position = 0
        self.timer = QTimer(window)
        self.timer.setInterval(interval_ms)
        self.timer.timeout.connect(self.step)
        self.page_of = {item.id: n for n, page in enumerate(self.wizard.content_pages) for item in page.items}

    def start(self) -> None:
        """Begin once the event loop runs."""
        self.timer.start()

    def _stop(self, code: int, line: str) -> None:
        self.timer.stop()
        print(line, flush=True)
        app = QApplication.instance()
        if app is not None:
            app.exit(code)

    def step(self) -> None:
        """Answer the next question (moving through pages as needed) and report it once stored."""
        if self.position >= len(self.steps):
            self._stop(0, "done")
            return
        item_id, raw = self.steps[self.position]
        self.position += 1
        target = self.page_of[item_id]
        while self.wizard.index > target:
            self.wizard.back()
        while self.wizard.index < target:
            if not self.wizard.next():
                self._stop(3, f"refused page {self.wizard.current_page_id()}")
                return
        form = getattr(self.wizard.current_page(), "form", None)
        if form is None:
            self._stop(3, f"no form for {item_id}")
            return
        _enter(form.rows[item_id].input, raw)
        editor = self.wizard.editor
        if editor is None or item_id not in editor.session.answers:
            self._stop(3, f"not stored {item_id}")
            return
        value = editor.session.answers[item_id]
        print(f"stored {editor.session_id} {item_id} {json.dumps(value, ensure_ascii=True)}", flush=True)


def run_script(window: MainWindow, path: Path) -> ScriptRunner:
    """Load the script file and start feeding it once the event loop runs."""
    data = json.loads(path.read_text(encoding="utf-8"))
    steps = [(str(item_id), raw) for item_id, raw in data["steps"]]
    runner = ScriptRunner(window, steps, int(data.get("repeat", 1)), int(data.get("interval_ms", 0)))
    window._script_runner = runner  # type: ignore[attr-defined]  # keep it alive with the window
    print("ready", file=sys.stderr, flush=True)
    runner.start()
    return runner
