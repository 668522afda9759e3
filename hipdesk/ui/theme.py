"""Colours and text size of the whole application: light, dark (the desktop's choice) or high contrast.

Every colour a widget shows comes from here, through the application palette and the one window style
sheet, so tests can measure what people see. The values are chosen for WCAG 2.2: text at least 4.5:1
against its background; a chosen answer, a control's outline and the focus ring at least 3:1 against
what is next to them (tests/ui/test_contrast.py measures the drawn pixels).
"""

from __future__ import annotations

from typing import Any, NamedTuple

from PySide6.QtGui import QColor, QGuiApplication, QPalette
from PySide6.QtWidgets import QApplication

from hipdesk.content.resources import resource_path

COLOUR_CHOICES = {"system": "Follow the system", "light": "Light", "dark": "Dark", "contrast": "High contrast"}
TEXT_SIZES = (80, 90, 100, 110, 125, 150, 175, 200)  # percent of the system's text size


def colour_choice(stored: object) -> str:
    """A stored View → Colours choice, or "system" when what is stored is not one."""
    return stored if isinstance(stored, str) and stored in COLOUR_CHOICES else "system"


def text_size(stored: object) -> int:
    """A stored text size in percent, or 100 when what is stored is not a size HipDesk offers the range of."""
    return stored if isinstance(stored, int) and TEXT_SIZES[0] <= stored <= TEXT_SIZES[-1] else 100


class Colours(NamedTuple):
    """One colour scheme. (A named tuple, not a dataclass: it is made at every start, and a dataclass costs
    ~2 ms to create.)"""

    window: str
    text: str
    base: str  # text fields and lists
    button: str
    muted: str  # help text: still at least 4.5:1
    panel: str  # the step list, how-to boxes
    warn_bg: str  # the disclaimer, the running timer
    warn_line: str
    error: str
    line: str  # the outline of a control (3:1 against the window)
    focus: str  # the focus ring (3:1 against the window and against `line`)
    chosen: str  # a chosen answer button (3:1 against the window)
    chosen_text: str
    disabled: str
    link: str
    done_bg: str = "#1b7f3b"  # the stance timer's "30 seconds" (white text: 5.2:1)
    stop_bg: str = "#b00020"  # "stop now" (white text: 6.6:1)
    done_text: str = "#ffffff"


LIGHT = Colours(window="#ffffff", text="#1b1f24", base="#ffffff", button="#f3f5f8", muted="#474e58",
                panel="#eef1f5", warn_bg="#fff4d6", warn_line="#8a6d00", error="#b00020", line="#6b7785",
                focus="#1b1f24", chosen="#2a6bd1", chosen_text="#ffffff", disabled="#6e6e6e", link="#0842a0")
DARK = Colours(window="#1e2227", text="#e8eaed", base="#15181c", button="#2b3138", muted="#c3c9d1",
               panel="#2a3038", warn_bg="#3b3105", warn_line="#d9a400", error="#ff8a80", line="#858e98",
               focus="#ffffff", chosen="#5a8ae0", chosen_text="#10141a", disabled="#9aa0a6", link="#8ab4f8")
HIGH_CONTRAST = Colours(window="#000000", text="#ffffff", base="#000000", button="#000000", muted="#ffffff",
                        panel="#000000", warn_bg="#000000", warn_line="#ffff00", error="#ff9e9e", line="#8a8a8a",
                        focus="#ffff00", chosen="#2d8ae8", chosen_text="#000000", disabled="#c0c0c0", link="#ffff00")


#: Whether the platform's own palette is dark, read before HipDesk first sets its palette (apply_view).
_PLATFORM_PALETTE_DARK: list[bool] = []
#: Set once the first page is up (or the desktop announced a change): from then on Qt itself is asked.
_ASK_QT: list[bool] = []


def _note_platform_palette() -> None:
    if not _PLATFORM_PALETTE_DARK:
        _PLATFORM_PALETTE_DARK.append(QGuiApplication.palette().color(QPalette.ColorRole.Window).lightness() < 128)


def ask_qt_for_scheme() -> None:
    """From now on system_is_dark asks Qt's colorScheme() (called once the first page is up)."""
    _ASK_QT.append(True)


def system_is_dark() -> bool:
    """True when the desktop asks for a dark colour scheme (Qt 6.5+: QStyleHints.colorScheme).

    Until the first page is up the answer comes from the platform's palette, which follows the same setting:
    asking colorScheme() makes PySide build the whole Qt namespace (93 enum types, ~20 ms) before the first
    page could show. The window then asks Qt (MainWindow.check_system_colours) and changes colours in the
    rare case the two disagree. Where the platform does not say (Unknown), its palette is the answer.
    """
    _note_platform_palette()
    if not _ASK_QT:
        return _PLATFORM_PALETTE_DARK[0]
    from PySide6.QtCore import Qt

    hints = QGuiApplication.styleHints()
    scheme = hints.colorScheme() if hints is not None else Qt.ColorScheme.Unknown
    if scheme == Qt.ColorScheme.Unknown:
        return _PLATFORM_PALETTE_DARK[0]
    return scheme == Qt.ColorScheme.Dark


def colours_for(choice: str) -> Colours:
    """The scheme for a View-menu choice ("system" follows the desktop)."""
    if choice == "contrast":
        return HIGH_CONTRAST
    if choice == "dark" or (choice == "system" and system_is_dark()):
        return DARK
    return LIGHT


def palette_for(c: Colours) -> QPalette:
    """A complete palette, so no colour is left to a platform default that may not fit the scheme."""
    palette = QPalette()
    roles = QPalette.ColorRole
    for role, colour in (
        (roles.Window, c.window), (roles.WindowText, c.text), (roles.Base, c.base), (roles.AlternateBase, c.panel),
        (roles.Text, c.text), (roles.Button, c.button), (roles.ButtonText, c.text), (roles.BrightText, c.error),
        (roles.Highlight, c.chosen), (roles.HighlightedText, c.chosen_text), (roles.ToolTipBase, c.base),
        (roles.ToolTipText, c.text), (roles.PlaceholderText, c.muted), (roles.Link, c.link),
        (roles.LinkVisited, c.link), (roles.Light, c.line), (roles.Midlight, c.line), (roles.Mid, c.line),
        (roles.Dark, c.line), (roles.Shadow, c.line),
    ):
        palette.setColor(role, QColor(colour))
    for role in (roles.WindowText, roles.Text, roles.ButtonText):
        palette.setColor(QPalette.ColorGroup.Disabled, role, QColor(c.disabled))
    return palette


def style_sheet(c: Colours, percent: int) -> str:
    """The window's one style sheet. Sizes follow the chosen text size; nothing changes size on focus.

    A chosen answer button is filled; the ring around every control is drawn in the same width whether
    focused or not (only its colour changes), so nothing moves when focus moves. A ticked row of the body
    map's region list is coloured by its intensity, pale yellow to dark red: its box is white inside a black
    outline, in every scheme, so one of the two stands out on any row and the black tick on the white.
    """

    def pt(size: float) -> str:
        return f"{size * percent / 100:.1f}pt"

    def px(size: int) -> str:  # a width that holds text: it grows with the text size
        return f"{round(size * percent / 100)}px"

    check_mark = resource_path("icons", f"check-{'dark' if c.chosen_text.lower() != '#ffffff' else 'light'}.svg").as_posix()
    dark_tick = resource_path("icons", "check-dark.svg").as_posix()

    return f"""
#pageTitle {{ font-size: {pt(18)}; font-weight: 700; }}
#thanksText {{ font-size: {pt(15)}; }}
#helpText, QLabel[role="muted"] {{ color: {c.muted}; }}
#stepList {{ background: {c.panel}; color: {c.text}; font-size: {pt(11)}; padding: 6px; qproperty-alignment: AlignTop;
    min-width: {px(158)}; max-width: {px(158)}; }}
#disclaimer {{ background: {c.warn_bg}; color: {c.text}; border: 1px solid {c.warn_line}; padding: 8px; }}
QLabel[role="panel"] {{ background: {c.panel}; color: {c.text}; padding: 6px; }}
QLabel[role="error"] {{ color: {c.error}; font-weight: 600; }}
QLabel[role="section"] {{ font-weight: 700; margin-top: 8px; }}
QLabel[role="heading"] {{ font-weight: 700; font-size: {pt(13)}; margin-top: 6px; qproperty-indent: 0; }}
QLabel[role="running"] {{ background: {c.warn_bg}; color: {c.text}; border: 1px solid {c.warn_line};
    font-weight: 700; font-size: {pt(14)}; padding: 4px 8px; border-radius: 4px; }}
QLabel[role="done"] {{ background: {c.done_bg}; color: {c.done_text}; font-weight: 700; font-size: {pt(14)};
    padding: 4px 8px; border-radius: 4px; }}
QLabel[role="stop"] {{ background: {c.stop_bg}; color: {c.done_text}; font-weight: 700; padding: 6px; border-radius: 4px; }}
QPushButton {{ background: {c.button}; color: {c.text}; border: 2px solid {c.line}; border-radius: 4px;
    padding: 2px 10px; min-height: 24px; min-width: 24px; }}
QPushButton:checked {{ background: {c.chosen}; color: {c.chosen_text}; border-color: {c.window};
    padding: 2px 10px; }}
QPushButton:focus {{ border-color: {c.focus}; }}
QPushButton:disabled {{ color: {c.disabled}; border-color: {c.disabled}; }}
QRadioButton, QCheckBox {{ border: 2px solid transparent; border-radius: 4px; padding: 2px 4px; min-height: 24px; }}
QRadioButton:focus, QCheckBox:focus {{ border-color: {c.focus}; }}
QRadioButton::indicator, QCheckBox::indicator {{ width: 16px; height: 16px; border: 2px solid {c.line};
    background: {c.base}; }}
QRadioButton::indicator {{ border-radius: 10px; }}
QCheckBox::indicator {{ border-radius: 3px; }}
QRadioButton::indicator:checked {{ border-color: {c.chosen}; background: qradialgradient(cx: 0.5, cy: 0.5,
    radius: 0.5, fx: 0.5, fy: 0.5, stop: 0 {c.chosen}, stop: 0.55 {c.chosen}, stop: 0.65 {c.base}, stop: 1 {c.base}); }}
QCheckBox::indicator:checked {{ border-color: {c.chosen}; background: {c.chosen}; image: url({check_mark}); }}
QRadioButton::indicator:disabled, QCheckBox::indicator:disabled {{ border-color: {c.disabled}; }}
QLineEdit, QPlainTextEdit, QListWidget, QTextBrowser {{ border: 2px solid {c.line}; border-radius: 3px;
    background: {c.base}; color: {c.text}; }}
QLineEdit {{ min-height: 24px; }}
QListWidget::item {{ min-height: 24px; padding: 2px 4px; }}
QListWidget::indicator {{ width: 14px; height: 14px; border: 2px solid {c.line}; border-radius: 3px; background: {c.base}; }}
QListWidget::indicator:checked {{ border-color: #000000; background: #ffffff; image: url({dark_tick}); }}
QLineEdit:focus, QPlainTextEdit:focus, QListWidget:focus, QTextBrowser:focus {{ border-color: {c.focus}; }}
QScrollBar {{ background: {c.panel}; border: none; margin: 0; }}
QScrollBar:vertical {{ width: {px(18)}; }}
QScrollBar:horizontal {{ height: {px(18)}; }}
QScrollBar::handle {{ background: {c.line}; border-radius: 3px; margin: 2px; }}
QScrollBar::handle:vertical {{ min-height: {px(32)}; }}
QScrollBar::handle:horizontal {{ min-width: {px(32)}; }}
QScrollBar::handle:hover, QScrollBar::handle:pressed {{ background: {c.text}; }}
QScrollBar::add-line, QScrollBar::sub-line {{ width: 0; height: 0; border: none; background: none; }}
QScrollBar::add-page, QScrollBar::sub-page {{ background: none; }}
"""


def apply_view(app: QApplication, choice: str, percent: int) -> Colours:
    """Set the application's palette and text size; return the colours the window's style sheet needs."""
    _note_platform_palette()  # before HipDesk's own palette replaces the platform's
    colours = colours_for(choice)
    app.setPalette(palette_for(colours))
    _apply_text_size(app, percent)
    return colours


#: The system's font, taken when HipDesk first changes the text size (every size is a percentage of it).
_SYSTEM_FONT: list[Any] = []


def _apply_text_size(app: QApplication, percent: int) -> None:
    if percent == 100 and not _SYSTEM_FONT:
        # The system's size, never changed: nothing to set. (Naming QFont costs ~5 ms of PySide set-up; most
        # starts need none before the first page.)
        return
    from PySide6.QtGui import QFont

    if not _SYSTEM_FONT:
        _SYSTEM_FONT.append(QFont(app.font()))
    system = _SYSTEM_FONT[0]
    font = QFont(system)
    if system.pointSizeF() > 0:
        font.setPointSizeF(system.pointSizeF() * percent / 100)
    app.setFont(font)
