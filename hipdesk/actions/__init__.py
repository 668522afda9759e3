"""The use cases (start, edit, finish, import, export, delete), each once, called by the CLI, the window and the kiosk."""
