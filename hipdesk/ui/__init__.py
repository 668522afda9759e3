"""All PySide6 code of HipDesk: views that show the core's models and call the SessionEditor."""
