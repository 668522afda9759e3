"""The main window: the assessment wizard (and, later, the session library and kiosk screens)."""

from __future__ import annotations

from PySide6.QtWidgets import QMainWindow, QWidget

from hipdesk.content import Questionnaire
from hipdesk.store import SessionStore
from hipdesk.ui.context import UiContext
from hipdesk.ui.wizard import AssessmentWizard

STYLE = """
#pageTitle { font-size: 18pt; font-weight: 700; }
#helpText { color: #555; }
#stepList { background: #f3f5f8; font-size: 11pt; padding: 6px; qproperty-alignment: AlignTop; }
"""


class MainWindow(QMainWindow):
    """HipDesk's one window."""

    def __init__(self, questionnaire: Questionnaire, store: SessionStore, kiosk: bool = False,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("HipDesk")
        self.setMinimumSize(800, 560)
        self.resize(1024, 700)
        self.ctx = UiContext(questionnaire, store, kiosk=kiosk)
        self.wizard = AssessmentWizard(self.ctx)
        self.setCentralWidget(self.wizard)
        self.setStyleSheet(STYLE)

    def current_page_id(self) -> str:
        """Id of the wizard page on screen."""
        return self.wizard.current_page_id()
