"""The third-party components HipDesk ships with and their licence texts (resources/licenses/)."""

from __future__ import annotations

import msgspec

from hipdesk.content.loader import ContentError, load_content
from hipdesk.content.resources import resource_path


class Component(msgspec.Struct, frozen=True):
    """One shipped component: what it does, its licence, and the files holding the licence text."""

    name: str
    version: str
    purpose: str
    licence: str
    files: list[str]


def load_components() -> list[Component]:
    """Every component in resources/licenses/index.json (written by scripts/collect_licences.py)."""
    path = resource_path("licenses", "index.json")
    components = load_content(path, list[Component])
    for component in components:
        for name in component.files:
            if not resource_path("licenses", name).is_file():
                raise ContentError(path, component.name, f"the licence file '{name}' is not in resources/licenses")
    return components


def licence_text(component: Component) -> str:
    """The licence texts of one component, one after another."""
    parts = []
    for name in component.files:
        parts.append(resource_path("licenses", name).read_text(encoding="utf-8", errors="replace"))
    return "\n\n".join(parts)


def user_guide() -> str:
    """The user guide (Markdown), shown from Help → User guide (F1)."""
    return resource_path("help", "user-guide.md").read_text(encoding="utf-8")
