"""TCX files (Garmin Training Center): each <Activity> with its sport, laps and track heights."""

from __future__ import annotations

from hipdesk.activities.model import ActivityFileError, Run
from hipdesk.activities.track_math import Descent, local_name, parse_time
from hipdesk.activities.xml_files import namespace, xml_ends, xml_tree


def _number(text: str | None) -> float | None:
    try:
        return float(text) if text else None
    except ValueError:
        return None


def read_tcx(data: bytes) -> tuple[list[Run], list[str]]:
    """The running activities in a TCX file, and the sports of the others.

    Distance and time are the laps' own totals (the watch's figures); descent is summed from the
    track points' heights.
    """
    runs: list[Run] = []
    others: list[str] = []
    root = xml_tree(data, "TCX")
    if root is not None:
        ns = namespace(root)
        for activity in root.iter(f"{ns}Activity"):
            laps = list(activity.iter(f"{ns}Lap"))
            descent = Descent()
            for height in activity.iter(f"{ns}AltitudeMeters"):
                value = _number(height.text)
                if value is not None:
                    descent.add(value)
            _add_activity(
                activity.attrib.get("Sport", ""),
                activity.findtext(f"{ns}Id"),
                sum(_number(lap.findtext(f"{ns}DistanceMeters")) or 0.0 for lap in laps),
                sum(_number(lap.findtext(f"{ns}TotalTimeSeconds")) or 0.0 for lap in laps),
                descent,
                runs,
                others,
            )
    else:
        _stream_tcx(data, runs, others)
    if not runs and not others:
        raise ActivityFileError("no_summary", "The TCX file holds no activity (a course or a workout is not a run).")
    return runs, others


def _add_activity(
    sport: str, start_text: str | None, metres: float, seconds: float, descent: Descent, runs: list[Run], others: list[str]
) -> None:
    start = parse_time(start_text)
    if sport != "Running":
        others.append(sport or "an unnamed sport")
    elif start is None:
        raise ActivityFileError("no_summary", "The TCX activity has no start time (its <Id>).")
    else:
        runs.append(
            Run(
                start=start if start.utcoffset() else start.astimezone(),
                distance_km=metres / 1000,
                duration_s=seconds,
                descent_m=descent.value(),
                fmt="tcx",
            )
        )


def _stream_tcx(data: bytes, runs: list[Run], others: list[str]) -> None:
    """The same as the tree above, element by element, for a file too large to hold at once."""
    metres = seconds = 0.0
    descent = Descent()
    for element in xml_ends(data, "TCX"):
        name = local_name(element.tag)
        if name == "Trackpoint":
            for child in element:
                if local_name(child.tag) == "AltitudeMeters":
                    height = _number(child.text)
                    if height is not None:
                        descent.add(height)
            element.clear()
        elif name == "Track":
            element.clear()
        elif name == "Lap":
            for child in element:
                child_name = local_name(child.tag)
                if child_name == "DistanceMeters":
                    metres += _number(child.text) or 0.0
                elif child_name == "TotalTimeSeconds":
                    seconds += _number(child.text) or 0.0
            element.clear()
        elif name == "Activity":
            ids = [child.text for child in element if local_name(child.tag) == "Id"]
            _add_activity(element.attrib.get("Sport", ""), ids[0] if ids else None, metres, seconds, descent, runs, others)
            metres = seconds = 0.0
            descent = Descent()
            element.clear()
