"""The body-region catalogue: complete, coded, left/right drawn the agreed way, broken files refused."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from hipdesk.content import vocab
from hipdesk.content.body_regions import (
    centroid,
    default_intensity,
    figure_layout,
    intensity_colour,
    load_catalogue,
    region_label,
)
from hipdesk.content.loader import ContentError
from hipdesk.content.resources import resource_path
from hipdesk.session import RegionMark


@pytest.fixture(scope="module")
def catalogue():
    return load_catalogue()


def test_every_stable_region_has_name_code_and_an_outline_per_side(catalogue) -> None:
    assert set(vocab.REGIONS) <= {region.id for region in catalogue.regions}
    for region in catalogue.regions:
        assert region.name.strip() and region.hint.strip()
        assert region.snomed.code.isdigit()
        assert {outline.side for outline in region.outlines} == {"left", "right"}
    assert catalogue.laterality["left"].code == "7771000"
    assert catalogue.laterality["right"].code == "24028007"
    assert catalogue.region("groin").snomed.code == "26893007"


def test_person_right_is_on_the_picture_right_in_front_and_back_views(catalogue) -> None:
    """The safety convention: front (mirror) and back views both put the person's right on the right."""
    for region in catalogue.regions:
        for outline in region.outlines:
            view = catalogue.view(outline.view)
            x, _ = centroid(outline.points)
            if view.shows == "both":
                assert (x > view.width / 2) == (outline.side == "right"), (region.id, outline.side, view.id)
            else:
                assert view.shows == outline.side, (region.id, view.id)
    assert catalogue.text.your_left == "your left" and catalogue.text.your_right == "your right"


def test_labels_read_back_and_accessible_names(catalogue) -> None:
    assert region_label("outer_hip", "right") == "Right outer hip"
    marks = [RegionMark("buttock", "left", 2), RegionMark("outer_hip", "right", 6)]
    assert catalogue.readback(marks) == "You marked: RIGHT outer hip, 6/10; LEFT buttock, 2/10"
    assert catalogue.readback([]).startswith("Nothing marked")
    assert catalogue.accessible_name("outer_hip", "right", 6) == "Right outer hip, pain 6 of 10"
    assert catalogue.accessible_name("outer_hip", "left", None) == "Left outer hip, not marked"


def test_default_intensity_follows_pain_now_else_middle() -> None:
    assert default_intensity({"pain_now": 7}) == 7
    assert default_intensity({"pain_now": 0}) == 0
    assert default_intensity({}) == 5
    assert default_intensity({"pain_now": True}) == 5


def test_colours_darken_with_intensity() -> None:
    def lightness(colour: str) -> int:
        return sum(int(colour[i:i + 2], 16) for i in (1, 3, 5))

    values = [lightness(intensity_colour(n)) for n in range(11)]
    assert values == sorted(values, reverse=True) and len(set(values)) == 11


def test_every_view_is_in_exactly_one_pane_of_the_screen_map(catalogue) -> None:
    shown = [view_id for pane in catalogue.panes for view_id in pane.views]
    assert sorted(shown) == sorted(view.id for view in catalogue.views)
    assert catalogue.pane_label(catalogue.panes[0], 0) == "Front and back"
    assert catalogue.pane_label(catalogue.panes[1], 2) == "Your two sides (2 marked)"


def test_layout_places_views_side_by_side(catalogue) -> None:
    layout = figure_layout(catalogue)
    xs = [place.x for place in layout.placements]
    assert xs == sorted(xs) and [p.view.id for p in layout.placements][0] == "left_side"
    assert layout.width > max(view.width for view in catalogue.views) * 3


def _broken(tmp_path: Path, change) -> Path:
    data = json.loads(resource_path("body", "regions.json").read_text(encoding="utf-8"))
    change(data)
    path = tmp_path / "regions.json"
    path.write_text(json.dumps(data), encoding="utf-8")
    return path


def _region(data: dict, region_id: str) -> dict:
    return next(region for region in data["regions"] if region["id"] == region_id)


@pytest.mark.parametrize(
    ("change", "named", "problem"),
    [
        (lambda d: d["regions"].remove(_region(d, "sacroiliac")), "sacroiliac", "no entry"),
        (lambda d: _region(d, "groin")["outlines"][0].update(view="top"), "groin", "unknown view 'top'"),
        (lambda d: _region(d, "buttock")["outlines"][0]["points"].append([9999, 1]), "buttock", "outside view"),
        (lambda d: _region(d, "outer_hip")["snomed"].update(code="hip"), "outer_hip", "not a SNOMED CT"),
        (lambda d: _region(d, "outer_knee").update(outlines=[o for o in _region(d, "outer_knee")["outlines"]
                                                             if o["side"] == "right"]), "outer_knee", "left side"),
        (lambda d: _region(d, "below_knee")["snomed"].update(exact="yes"), "below_knee", "Expected `bool`"),
        (lambda d: _region(d, "outer_thigh")["outlines"][0].update(side="middle"), "outer_thigh", "middle"),
        (lambda d: d["panes"][0]["views"].append("top"), "front_back", "unknown view 'top'"),
        (lambda d: d["panes"][1]["views"].append("front"), "sides", "already in pane 'front_back'"),
        (lambda d: d["panes"][1].update(views=["left_side"]), "outer_hip", "'right_side' is in no pane"),
        (lambda d: d["panes"][1].update(id="front_back"), "front_back", "used twice"),
    ],
)
def test_broken_catalogue_names_file_region_and_problem(tmp_path: Path, change, named: str, problem: str) -> None:
    path = _broken(tmp_path, change)
    with pytest.raises(ContentError) as caught:
        load_catalogue(path)
    message = str(caught.value)
    assert str(path) in message and f"item '{named}'" in message
    assert problem.lower() in message.lower()


def test_side_drawn_in_the_other_sides_view_is_refused(tmp_path: Path) -> None:
    def move(data: dict) -> None:
        outline = next(o for o in _region(data, "buttock")["outlines"] if o["view"] == "right_side")
        outline["side"] = "left"

    with pytest.raises(ContentError, match="cannot be drawn in view 'right_side'"):
        load_catalogue(_broken(tmp_path, move))


def test_every_region_has_an_outline_wide_enough_to_show_its_number(catalogue) -> None:
    from hipdesk.content.body_regions import has_room_for_number

    for region in catalogue.regions:
        for side in ("left", "right"):
            assert any(has_room_for_number(o.points) for o in region.outlines if o.side == side), (region.id, side)


def test_body_site_gives_structure_and_laterality_codes(catalogue) -> None:
    structure, laterality = catalogue.body_site("sacroiliac", "left")
    assert (structure.code, structure.display, structure.exact) == ("39723000", "Sacroiliac joint structure", True)
    assert (laterality.code, laterality.display) == ("7771000", "Left")
    assert catalogue.body_site("outer_thigh", "right")[0].exact is False  # coded by the broader thigh structure
