"""TCX files (Garmin Training Center): each <Activity> with its sport, laps and track heights."""

from __future__ import annotations

from hipdesk.activities.model import ActivityFileError, Run
from hipdesk.activities.track_math import Descent, local_name, parse_time
from hipdesk.activities.xml_files import xml_ends


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
            sport = element.attrib.get("Sport", "")
            ids = [child.text for child in element if local_name(child.tag) == "Id"]
            start = parse_time(ids[0] if ids else None)
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
            metres = seconds = 0.0
            descent = Descent()
            element.clear()
    if not runs and not others:
        raise ActivityFileError("no_summary", "The TCX file holds no activity (a course or a workout is not a run).")
    return runs, others
