"""Developer tool: writes the figure outlines of `resources/body/regions.json`.

The outlines were drawn here as a few control points per shape, rounded by corner cutting
(Chaikin), and mirrored for the other side. The JSON file is the content the app reads; edit it
directly for wording or codes, or change the points here and run again:

    python scripts/make_body_regions.py

Coordinates: one box per view, x to the right and y downwards (like Qt), in figure units.
Convention (see `convention` in the JSON): the person's RIGHT is always on the screen's right in
the front and back views (the front view is a mirror image), and each side view shows that side.
"""

from __future__ import annotations

import json
import math
from pathlib import Path

OUT = Path(__file__).resolve().parents[1] / "resources" / "body" / "regions.json"
Point = tuple[float, float]

FRONT_W, SIDE_W, HEIGHT = 200.0, 150.0, 520.0


def chaikin(points: list[Point], rounds: int = 3) -> list[Point]:
    """Round a closed polygon by cutting its corners; the result stays inside the original."""
    for _ in range(rounds):
        out: list[Point] = []
        for i, (x0, y0) in enumerate(points):
            x1, y1 = points[(i + 1) % len(points)]
            out.append((0.75 * x0 + 0.25 * x1, 0.75 * y0 + 0.25 * y1))
            out.append((0.25 * x0 + 0.75 * x1, 0.25 * y0 + 0.75 * y1))
        points = out
    return points


def ellipse(cx: float, cy: float, rx: float, ry: float, n: int = 40) -> list[Point]:
    """A closed polygon approximating an ellipse."""
    return [(cx + rx * math.cos(2 * math.pi * k / n), cy + ry * math.sin(2 * math.pi * k / n)) for k in range(n)]


def rnd(points: list[Point]) -> list[list[float]]:
    """Round coordinates for a compact file."""
    return [[round(x, 1), round(y, 1)] for x, y in points]


# -- front and back: right half as offsets from the midline (dx >= 0), mirrored for the left -----
TORSO_RIGHT_HALF: list[Point] = [
    (11, 64), (13, 80), (38, 88), (50, 96), (56, 124), (60, 170), (64, 212), (68, 246), (71, 268),
    (66, 284), (58, 280), (56, 250), (52, 214), (46, 172), (41, 136), (38, 150), (34, 196), (38, 226),
    (45, 256), (44, 292), (39, 340), (35, 380), (36, 404), (37, 432), (31, 466), (25, 490), (29, 504),
    (32, 514), (11, 516), (9, 500), (11, 488), (8, 440), (7, 396), (6, 372), (5, 320), (2, 288),
]


def mirror_body(half: list[Point], cx: float) -> list[Point]:
    """The whole outline from its right half (offsets from the midline at x = cx)."""
    right = [(cx + dx, y) for dx, y in half]
    left = [(cx - dx, y) for dx, y in reversed(half)]
    return left + right


def head(cx: float) -> list[Point]:
    """The head seen from the front or back."""
    return ellipse(cx, 38, 22, 27)


# Regions on the front (mirror) view, right side, as offsets from the midline.
FRONT_REGIONS: dict[str, list[Point]] = {
    "groin": [(5, 248), (24, 230), (31, 238), (27, 258), (13, 282), (5, 280)],
    # The side of the hip as seen from the front: where a person with outer-hip pain points first.
    "outer_hip": [(33, 236), (40, 238), (44, 254), (43, 272), (37, 278), (32, 256)],
    "front_thigh": [(9, 294), (30, 277), (40, 287), (38, 330), (32, 368), (12, 370), (8, 330)],
    "outer_knee": [(22, 376), (35, 374), (36, 398), (22, 398)],
    "below_knee": [(10, 404), (35, 404), (36, 432), (30, 468), (14, 470), (10, 440)],
}
# Regions on the back view (seen from behind: the person's right is on the right), right side.
BACK_REGIONS: dict[str, list[Point]] = {
    "lower_back": [(4, 176), (32, 176), (34, 210), (20, 216), (4, 218)],
    "sacroiliac": [(4, 226), (17, 222), (20, 240), (8, 250), (4, 246)],
    "buttock": [(23, 222), (39, 226), (46, 250), (45, 264), (26, 258), (21, 240)],
    "deep_buttock": [(6, 258), (24, 264), (44, 270), (42, 288), (22, 294), (6, 290)],
    "back_thigh": [(8, 300), (40, 296), (38, 340), (32, 374), (12, 374), (7, 340)],
    "below_knee": [(9, 404), (35, 404), (38, 432), (31, 468), (14, 470), (9, 440)],
}

# -- the side view of the RIGHT side: the person faces the screen's right ------------------------
SIDE_BODY: list[Point] = [
    (66, 70), (62, 92), (56, 120), (56, 160), (62, 196), (58, 222), (50, 250), (48, 276), (56, 298),
    (64, 340), (68, 384), (62, 430), (70, 470), (74, 492), (68, 508), (72, 516), (124, 516), (120, 504),
    (92, 490), (88, 462), (90, 420), (94, 390), (98, 350), (100, 300), (100, 262), (96, 228), (98, 200),
    (102, 150), (100, 118), (88, 92), (86, 70),
]
SIDE_ARM: list[Point] = [(68, 96), (80, 96), (84, 150), (118, 148), (122, 158), (114, 168), (78, 166), (66, 150)]
SIDE_REGIONS: dict[str, list[Point]] = {
    "buttock": [(52, 236), (60, 236), (62, 262), (60, 292), (52, 288), (48, 262)],
    "outer_hip": ellipse(78, 262, 13, 16, 24),
    "groin": [(94, 234), (100, 240), (101, 268), (96, 276), (92, 256)],
    "outer_thigh": [(66, 290), (92, 290), (93, 330), (88, 364), (70, 366), (66, 330)],
    "outer_knee": ellipse(80, 384, 12, 11, 24),
    "below_knee": [(70, 404), (90, 404), (88, 440), (86, 470), (72, 470), (66, 440)],
}


def side_head() -> list[Point]:
    """The head seen from the right: a little forward of the neck."""
    return ellipse(80, 38, 21, 27)


def mirror_x(points: list[Point], width: float) -> list[Point]:
    """Flip a shape left-right inside a box of this width (the left side view from the right one)."""
    return [(width - x, y) for x, y in points]


def build() -> dict:
    """The whole catalogue as plain data."""
    fc = FRONT_W / 2
    views = [
        {"id": "left_side", "title": "Your LEFT\nside", "width": SIDE_W, "height": HEIGHT, "side_labels": False,
         "shows": "left",
         "figure": [rnd(chaikin(mirror_x(SIDE_BODY, SIDE_W))), rnd(mirror_x(side_head(), SIDE_W)),
                    rnd(chaikin(mirror_x(SIDE_ARM, SIDE_W), 2))]},
        {"id": "front", "title": "Front\n(as in a mirror)", "width": FRONT_W, "height": HEIGHT, "side_labels": True,
         "shows": "both",
         "figure": [rnd(chaikin(mirror_body(TORSO_RIGHT_HALF, fc))), rnd(head(fc))]},
        {"id": "back", "title": "Back\n(seen from behind)", "width": FRONT_W, "height": HEIGHT, "side_labels": True,
         "shows": "both",
         "figure": [rnd(chaikin(mirror_body(TORSO_RIGHT_HALF, fc))), rnd(head(fc))]},
        {"id": "right_side", "title": "Your RIGHT\nside", "width": SIDE_W, "height": HEIGHT, "side_labels": False,
         "shows": "right",
         "figure": [rnd(chaikin(SIDE_BODY)), rnd(side_head()), rnd(chaikin(SIDE_ARM, 2))]},
    ]
    outlines: dict[str, list[dict]] = {}

    def add(region: str, view: str, side: str, points: list[Point]) -> None:
        outlines.setdefault(region, []).append({"view": view, "side": side, "points": rnd(points)})

    for view, table in (("front", FRONT_REGIONS), ("back", BACK_REGIONS)):
        for region, half in table.items():
            add(region, view, "right", chaikin([(fc + dx, y) for dx, y in half], 2))
            add(region, view, "left", chaikin([(fc - dx, y) for dx, y in reversed(half)], 2))
    for region, points in SIDE_REGIONS.items():
        smooth = points if len(points) > 12 else chaikin(points, 2)
        add(region, "right_side", "right", smooth)
        add(region, "left_side", "left", list(reversed(mirror_x(smooth, SIDE_W))))

    data = json.loads(OUT.read_text(encoding="utf-8")) if OUT.exists() else {}
    data["views"] = views
    for region in data.get("regions", []):
        region["outlines"] = outlines.get(region["id"], [])
    return data


def main() -> None:
    """Write the outlines into the JSON file, keeping its names, codes and wording."""
    data = build()
    OUT.parent.mkdir(parents=True, exist_ok=True)
    text = json.dumps(data, indent=1, ensure_ascii=False)
    # Keep each point on one line: the file stays readable and diffable.
    import re

    text = re.sub(r"\[\n\s+(-?[\d.]+),\n\s+(-?[\d.]+)\n\s+\]", r"[\1, \2]", text)
    OUT.write_text(text + "\n", encoding="utf-8")
    print(f"wrote {OUT}")


if __name__ == "__main__":
    main()
