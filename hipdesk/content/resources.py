"""Finds the `resources/` folder from a source checkout, an installed wheel or a PyInstaller bundle."""

from __future__ import annotations

import sys
from functools import cache
from pathlib import Path


@cache
def resources_dir() -> Path:
    """Return the folder holding HipDesk's content files.

    The installed (wheel) or bundled copy comes first; a source checkout, which an editable
    install also uses, keeps `resources/` beside the package.
    """
    candidates = []
    bundle_root = getattr(sys, "_MEIPASS", None)
    if bundle_root:
        candidates.append(Path(bundle_root) / "hipdesk" / "resources")
    package = Path(__file__).resolve().parents[1]  # hipdesk/
    candidates.append(package / "resources")
    candidates.append(package.parent / "resources")
    for candidate in candidates:
        if (candidate / "questionnaire.json").is_file():
            return candidate
    searched = ", ".join(str(c) for c in candidates)
    raise FileNotFoundError(f"HipDesk's resources folder was not found (looked in: {searched})")


def resource_path(*parts: str) -> Path:
    """Path of one file inside the resources folder."""
    return resources_dir().joinpath(*parts)
