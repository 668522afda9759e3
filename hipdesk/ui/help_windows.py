"""Help → User guide (F1) and Help → About: small windows that open beside the main one (not modal)."""

from __future__ import annotations

import platform
from html import escape

from PySide6 import __version__ as pyside_version
from PySide6.QtCore import Qt, qVersion
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QListWidget,
    QPlainTextEdit,
    QSplitter,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from hipdesk import __version__
from hipdesk.content.licences import Component, licence_text, load_components, user_guide


class UserGuide(QDialog):
    """The user guide shipped in resources/help, in a window that can stay open while answering."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("userGuide")
        self.setWindowTitle("HipDesk user guide")
        self.browser = QTextBrowser()
        self.browser.setObjectName("userGuideText")
        self.browser.setAccessibleName("User guide")
        self.browser.setOpenExternalLinks(False)  # no network: nothing in the guide opens a browser
        self.browser.setMarkdown(user_guide())
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.close)
        layout = QVBoxLayout(self)
        layout.addWidget(self.browser, 1)
        layout.addWidget(buttons)
        self.resize(720, 620)


class AboutWindow(QDialog):
    """Version, what HipDesk is, and every third-party component with its licence text."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("aboutWindow")
        self.setWindowTitle("About HipDesk")
        self.components: list[Component] = load_components()
        intro = QLabel(
            f"<h2>HipDesk {escape(__version__)}</h2>"
            "<p>Assessment of outside hip pain after running: danger signs, possible causes to discuss with a "
            "clinician, and a report for the doctor. It does not diagnose.</p>"
            f"<p>Qt {escape(qVersion())}, Qt for Python (PySide6) {escape(pyside_version)}, "
            f"Python {escape(platform.python_version())}. Qt and Qt for Python are used under the GNU LGPL "
            "version 3: you may replace these libraries with your own build of them.</p>"
            "<p>Third-party components and their licences:</p>"
        )
        intro.setObjectName("aboutText")
        intro.setWordWrap(True)
        intro.setTextFormat(Qt.TextFormat.RichText)
        self.component_list = QListWidget()
        self.component_list.setObjectName("licenceList")
        self.component_list.setAccessibleName("Third-party components")
        for component in self.components:
            version = f" {component.version}" if component.version else ""
            self.component_list.addItem(f"{component.name}{version}: {component.licence}")
        self.licence = QPlainTextEdit()
        self.licence.setObjectName("licenceText")
        self.licence.setAccessibleName("Licence text")
        self.licence.setReadOnly(True)
        self.component_list.currentRowChanged.connect(self._show_licence)
        split = QSplitter(Qt.Orientation.Vertical)
        split.addWidget(self.component_list)
        split.addWidget(self.licence)
        split.setStretchFactor(1, 3)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.close)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(split, 1)
        layout.addWidget(buttons)
        self.component_list.setCurrentRow(0)
        self.resize(720, 640)

    def _show_licence(self, row: int) -> None:
        if 0 <= row < len(self.components):
            component = self.components[row]
            self.licence.setPlainText(f"{component.name} — {component.purpose}\n\n{licence_text(component)}")
