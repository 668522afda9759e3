"""Printing the PDF report: PDFium draws each page, Qt sends the pictures to the printer."""

from __future__ import annotations

from PySide6.QtCore import QRectF
from PySide6.QtGui import QImage, QPainter
from PySide6.QtPrintSupport import QPrinter

MAX_PRINT_DPI = 300  # sharp on paper; more only costs memory and time


def print_pdf(data: bytes, printer: QPrinter) -> int:
    """Print every page of a PDF on `printer`, fitted to the printable area; return the page count.

    Raises RuntimeError when the printer cannot be opened.
    """
    import pypdfium2 as pdfium  # loaded on first print only

    document = pdfium.PdfDocument(data)
    painter = QPainter()
    if not painter.begin(printer):
        document.close()
        raise RuntimeError("The printer could not be opened.")
    try:
        dpi = min(printer.resolution(), MAX_PRINT_DPI)
        count = len(document)
        for number in range(count):
            if number:
                printer.newPage()
            page = document[number]
            bitmap = page.render(scale=dpi / 72, rev_byteorder=True)
            image = QImage(bitmap.buffer, bitmap.width, bitmap.height, bitmap.stride, QImage.Format.Format_RGB888).copy()
            area = QRectF(painter.viewport())
            scale = min(area.width() / image.width(), area.height() / image.height())
            target = QRectF(area.x(), area.y(), image.width() * scale, image.height() * scale)
            painter.drawImage(target, image)
            page.close()
        return count
    finally:
        painter.end()
        document.close()
