"""Writing files whole or not at all, readable by this user only."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path


class ExportError(OSError):
    """A file could not be written; the message says where and why, in plain words."""


def write_private_atomic(path: Path | str, data: bytes) -> Path:
    """Write `data` to a temporary file beside `path`, then rename it over `path` (mode 0600)."""
    target = Path(path)
    try:
        fd, temp_name = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".part", dir=target.parent)
    except OSError as error:
        raise ExportError(f"Cannot write to {target.parent}: {error.strerror or error}.") from None
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        os.chmod(temp_name, 0o600)
        os.replace(temp_name, target)
    except OSError as error:
        Path(temp_name).unlink(missing_ok=True)
        raise ExportError(f"Cannot write {target}: {error.strerror or error}.") from None
    return target
