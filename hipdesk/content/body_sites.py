"""Body-region display names and SNOMED CT codes for the report and the FHIR export.

Built from the body-map catalogue (`resources/body/regions.json`), the one source of region names and codes.
"""

from __future__ import annotations

from functools import cache

import msgspec

from hipdesk.content.body_regions import load_catalogue


class Coded(msgspec.Struct, frozen=True):
    """A SNOMED CT code with its display text."""

    code: str
    display: str


class BodySite(Coded, frozen=True):
    """One body-map region: the name a person reads, and its SNOMED CT body structure."""

    name: str


class BodySites(msgspec.Struct, frozen=True):
    """Every region by id, and the laterality codes by side."""

    regions: dict[str, BodySite]
    laterality: dict[str, Coded]
    note: str = ""

    def name(self, region: str) -> str:
        """Display name of a region; an unknown id is made readable rather than hidden."""
        site = self.regions.get(region)
        return site.name if site else readable_id(region)


def readable_id(identifier: str) -> str:
    """`outer_hip` → `Outer hip`: the fallback when content has no name for an id."""
    words = identifier.replace("_", " ").strip()
    return words[:1].upper() + words[1:]


@cache
def load_body_sites() -> BodySites:
    """The region table, from the body-map catalogue (read once)."""
    catalogue = load_catalogue()
    regions = {
        region.id: BodySite(code=region.snomed.code, display=region.snomed.display, name=readable_id(region.name))
        for region in catalogue.regions
    }
    laterality = {side: Coded(code=code.code, display=code.display) for side, code in catalogue.laterality.items()}
    return BodySites(regions=regions, laterality=laterality, note=catalogue.convention)
