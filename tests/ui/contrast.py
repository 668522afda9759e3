"""WCAG contrast measured on drawn pixels: what a person sees, not what a style sheet says."""

from __future__ import annotations

from collections import Counter

from PySide6.QtCore import QPoint, QRect
from PySide6.QtGui import QColor, QImage
from PySide6.QtWidgets import QWidget


def _channel(value: int) -> float:
    c = value / 255
    return c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4


def luminance(rgb: int) -> float:
    """WCAG relative luminance of 0xRRGGBB."""
    r, g, b = (rgb >> 16) & 255, (rgb >> 8) & 255, rgb & 255
    return 0.2126 * _channel(r) + 0.7152 * _channel(g) + 0.0722 * _channel(b)


def ratio(a: int, b: int) -> float:
    """WCAG contrast ratio of two colours (1 … 21)."""
    high, low = sorted((luminance(a), luminance(b)), reverse=True)
    return (high + 0.05) / (low + 0.05)


def hex_of(rgb: int) -> str:
    return QColor(rgb).name()


def colours(image: QImage) -> Counter[int]:
    """How many pixels of each colour (0xRRGGBB) an image has."""
    image = image.convertToFormat(QImage.Format.Format_RGB32)
    data = memoryview(image.constBits()).cast("I")
    stride = image.bytesPerLine() // 4
    counts: Counter[int] = Counter()
    for row in range(image.height()):
        counts.update(data[row * stride: row * stride + image.width()])
    return Counter({colour & 0xFFFFFF: n for colour, n in counts.items()})


def crop(shot: QImage, window: QWidget, widget: QWidget) -> QImage:
    """The part of a window's screenshot that shows `widget`."""
    return shot.copy(QRect(widget.mapTo(window, QPoint(0, 0)), widget.size()))


def text_contrast(image: QImage, min_pixels: int = 3) -> tuple[float, int, int]:
    """(ratio, text colour, background): the background is the commonest colour, the text the one that
    differs most from it among colours drawn on at least `min_pixels` pixels (the solid middle of strokes;
    the smoothed edges are paler)."""
    counts = colours(image)
    background = counts.most_common(1)[0][0]
    drawn = [c for c, n in counts.items() if n >= min_pixels and c != background]
    if not drawn:
        return 21.0, background, background
    text = max(drawn, key=lambda c: ratio(c, background))
    return ratio(text, background), text, background


def words(image: QImage) -> list[QImage]:
    """The image cut into words (lines of text, then runs of columns with ink between gaps of background).

    For text in several colours: each word is measured alone, so one dark word cannot hide a pale one.
    """
    image = image.convertToFormat(QImage.Format.Format_RGB32)
    background = colours(image).most_common(1)[0][0] | 0xFF000000
    data = memoryview(image.constBits()).cast("I")
    stride, width = image.bytesPerLine() // 4, image.width()
    inked = [any(v != background for v in data[y * stride: y * stride + width]) for y in range(image.height())]
    pieces: list[QImage] = []
    y = 0
    while y < len(inked):
        if not inked[y]:
            y += 1
            continue
        top = y
        while y < len(inked) and inked[y]:
            y += 1
        columns = [any(data[row * stride + x] != background for row in range(top, y)) for x in range(width)]
        x = 0
        while x < width:
            if not columns[x]:
                x += 1
                continue
            left, gap = x, 0
            while x < width and gap < 4:  # a gap of 4 background columns ends a word
                gap = 0 if columns[x] else gap + 1
                x += 1
            if x - gap - left >= 5 and y - top >= 5:  # a comma or a dot alone has no solid middle to measure
                pieces.append(image.copy(max(left - 1, 0), max(top - 1, 0), x - gap - left + 2, y - top + 2))
    return pieces


def pixel(image: QImage, x: int, y: int) -> int:
    return image.pixelColor(x, y).rgb() & 0xFFFFFF
