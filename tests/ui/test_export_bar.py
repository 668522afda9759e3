"""ExportBar: save PDF / FHIR / answers through the file-dialog seam, print through the print-dialog seam."""

from __future__ import annotations

import io
import json
import stat
from pathlib import Path

import pypdf
import pytest
from PySide6.QtPrintSupport import QPrinter

from hipdesk.actions.editing import SessionEditor
from hipdesk.exchange.answers_file import loads as answers_loads
from hipdesk.ui.context import UiContext
from hipdesk.ui.export_bar import ExportBar
from tests import samples


def fake_assess(questionnaire, session):
    return samples.typical_assessment()


class Dialogs:
    """Stands in for the modal dialogs and records what they were shown."""

    def __init__(self, answer: str = "") -> None:
        self.answer = answer
        self.proposed: list[str] = []
        self.messages: list[tuple[str, str]] = []

    def save(self, parent, title, proposed, file_filter):
        self.proposed.append(proposed)
        return self.answer

    def inform(self, parent, title, text):
        self.messages.append((title, text))


@pytest.fixture
def editor(store, questionnaire):
    session = store.create_session()
    editor = SessionEditor(store, questionnaire, session)
    editor.set_answer("name", "Zoë <O'Brien> & 王")
    editor.set_answer("age", "41")
    editor.set_region("outer_hip", "right", 6)
    return editor


def make_bar(qtbot, questionnaire, store, editor, dialogs, print_dialog=None):
    ctx = UiContext(questionnaire=questionnaire, store=store, inform=dialogs.inform)
    options = {"print_dialog": print_dialog} if print_dialog else {}
    bar = ExportBar(ctx, lambda: editor, assess=fake_assess, save_dialog=dialogs.save, **options)
    qtbot.addWidget(bar)
    return bar


def test_save_pdf_proposes_a_safe_name_and_writes_a_private_pdf(qtbot, questionnaire, store, editor, tmp_path):
    dialogs = Dialogs(str(tmp_path / "report"))  # no extension typed: .pdf is added
    bar = make_bar(qtbot, questionnaire, store, editor, dialogs)
    with qtbot.waitSignal(bar.exported) as signal:
        bar.pdf_button.click()
    out = tmp_path / "report.pdf"
    assert signal.args == ["pdf", str(out)]
    assert Path(dialogs.proposed[0]).name.startswith("HipDesk-Zoë-OBrien-王-")
    text = pypdf.PdfReader(io.BytesIO(out.read_bytes())).pages[0].extract_text()
    assert "Zoë <O'Brien> & 王" in text
    assert stat.S_IMODE(out.stat().st_mode) == 0o600
    assert bar.status.text() == f"Saved: {out}"
    assert dialogs.messages == []


def test_cancelled_dialog_writes_nothing(qtbot, questionnaire, store, editor, tmp_path):
    dialogs = Dialogs("")
    bar = make_bar(qtbot, questionnaire, store, editor, dialogs)
    bar.pdf_button.click()
    assert list(tmp_path.glob("*.pdf")) == []
    assert bar.status.text() == ""


def test_unwritable_folder_is_explained_and_leaves_nothing(qtbot, questionnaire, store, editor, tmp_path):
    dialogs = Dialogs(str(tmp_path / "missing" / "r.pdf"))
    bar = make_bar(qtbot, questionnaire, store, editor, dialogs)
    with qtbot.waitSignal(bar.exporter.done) as ended:
        bar.pdf_button.click()
    assert ended.args == [False]
    assert dialogs.messages and dialogs.messages[0][0] == "Could not save"
    assert "Cannot write to" in dialogs.messages[0][1]
    assert not (tmp_path / "missing").exists()
    assert bar.status.text() == ""


def test_letter_choice_is_remembered_and_used(qtbot, questionnaire, store, editor, tmp_path):
    dialogs = Dialogs(str(tmp_path / "r.pdf"))
    bar = make_bar(qtbot, questionnaire, store, editor, dialogs)
    bar.paper["Letter"].click()
    assert store.get_setting("report.page_size") == "Letter"
    with qtbot.waitSignal(bar.exported):
        bar.pdf_button.click()
    assert round(float(pypdf.PdfReader(tmp_path / "r.pdf").pages[0].mediabox.width)) == 612
    again = make_bar(qtbot, questionnaire, store, editor, Dialogs())
    assert again.paper_size() == "Letter"


def test_save_fhir_and_answers_file(qtbot, questionnaire, store, editor, tmp_path):
    dialogs = Dialogs(str(tmp_path / "f.json"))
    bar = make_bar(qtbot, questionnaire, store, editor, dialogs)
    with qtbot.waitSignal(bar.exported):
        bar.fhir_button.click()
    bundle = json.loads((tmp_path / "f.json").read_text(encoding="utf-8"))
    assert bundle["resourceType"] == "Bundle"
    assert dialogs.proposed[-1].endswith("-fhir.json")
    dialogs.answer = str(tmp_path / "a.json")
    with qtbot.waitSignal(bar.exported):
        bar.answers_button.click()
    assert dialogs.proposed[-1].endswith("-answers.json")
    restored = answers_loads(questionnaire, (tmp_path / "a.json").read_bytes())
    assert restored.answers["name"] == "Zoë <O'Brien> & 王"
    # The folder used last is proposed next time.
    assert Path(dialogs.proposed[-1]).parent == tmp_path


def test_print_renders_every_page_to_the_printer(qtbot, questionnaire, store, editor, tmp_path):
    out = tmp_path / "printed.pdf"

    def print_to_file(parent, printer: QPrinter) -> bool:
        printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
        printer.setOutputFileName(str(out))
        printer.setResolution(72)
        return True

    dialogs = Dialogs()
    bar = make_bar(qtbot, questionnaire, store, editor, dialogs, print_dialog=print_to_file)
    with qtbot.waitSignal(bar.exported):
        bar.print_button.click()
    assert len(pypdf.PdfReader(out).pages) == 1
    assert "Sent 1 page(s)" in bar.status.text()


def test_print_cancelled_prints_nothing(qtbot, questionnaire, store, editor, tmp_path):
    bar = make_bar(qtbot, questionnaire, store, editor, Dialogs(), print_dialog=lambda parent, printer: False)
    assert bar.print_report() is False
    assert bar.status.text() == ""


def test_no_open_session_is_told(qtbot, questionnaire, store):
    dialogs = Dialogs(str(Path("/nonexistent") / "x.pdf"))
    bar = make_bar(qtbot, questionnaire, store, None, dialogs)
    bar.pdf_button.click()
    assert dialogs.messages == [("Nothing to export", "No session is open.")]


def test_a_slow_report_is_made_in_the_background_while_the_window_keeps_working(qtbot, questionnaire, store, editor,
                                                                              tmp_path, slow_renderer):
    from PySide6.QtCore import QTimer

    rendering_thread = slow_renderer
    bar = make_bar(qtbot, questionnaire, store, editor, Dialogs(str(tmp_path / "slow.pdf")))
    bar.show()
    ticks = []
    timer = QTimer()
    timer.timeout.connect(lambda: ticks.append(bar.exporter.busy()))
    timer.start(10)
    seen_while_busy = []
    QTimer.singleShot(100, lambda: seen_while_busy.append(
        (bar.busy_bar.isVisible(), bar.pdf_button.isEnabled(), bar.status.text())))
    with qtbot.waitSignal(bar.exported, timeout=20_000):
        assert bar.pdf_button.click() is None and bar.exporter.busy()
    timer.stop()
    import threading

    assert rendering_thread and rendering_thread[0] is not threading.main_thread()
    # The GUI thread went on handling timer events while the report was being made.
    # A render on the GUI thread would allow no tick at all while busy. How many come depends on the machine's
    # load (a 10 ms timer over ~0.7 s: 9 in one CI run, 38-47 here on a quiet machine), so only a few are required.
    assert ticks.count(True) >= 3
    assert seen_while_busy == [(True, False, "Making the PDF report…")]
    assert not bar.busy_bar.isVisible() and bar.pdf_button.isEnabled()
    assert (tmp_path / "slow.pdf").read_bytes().startswith(b"%PDF")
    assert bar.status.text() == f"Saved: {tmp_path / 'slow.pdf'}"
