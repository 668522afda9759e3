"""Watch files the tests make themselves: FIT with fit-tool, GPX with gpxpy, TCX written as XML.

Each is a short run (a point every `step` seconds) so the suite stays quick; the readers never depend on
how many points a file has.
"""

from __future__ import annotations

import datetime as dt
import math
from pathlib import Path

FIT_EPOCH_S = 631065600  # 1989-12-31 00:00 UTC in Unix seconds


def write_fit(
    path: Path,
    start: dt.datetime,
    km: float,
    minutes: float,
    *,
    descent_m: int = 40,
    sport: str = "RUNNING",
    zone_hours: float | None = 1.0,
    points: int = 30,
    file_type: str = "ACTIVITY",
) -> Path:
    """A FIT activity as a watch writes it: file id, timer events, records, a session and the activity."""
    from fit_tool.fit_file_builder import FitFileBuilder
    from fit_tool.profile.messages.activity_message import ActivityMessage
    from fit_tool.profile.messages.event_message import EventMessage
    from fit_tool.profile.messages.file_id_message import FileIdMessage
    from fit_tool.profile.messages.record_message import RecordMessage
    from fit_tool.profile.messages.session_message import SessionMessage
    from fit_tool.profile.profile_type import Event, EventType, FileType, Manufacturer, Sport

    start_ms = int(start.timestamp() * 1000)
    seconds = minutes * 60
    end_ms = start_ms + int(seconds * 1000)
    builder = FitFileBuilder(auto_define=True)
    file_id = FileIdMessage()
    file_id.type = getattr(FileType, file_type)
    file_id.manufacturer = Manufacturer.GARMIN.value
    file_id.product = 1
    file_id.serial_number = 1234
    file_id.time_created = start_ms
    builder.add(file_id)
    event = EventMessage()
    event.event, event.event_type, event.timestamp = Event.TIMER, EventType.START, start_ms
    builder.add(event)
    for i in range(points):
        record = RecordMessage()
        record.timestamp = start_ms + int(i * seconds / points * 1000)
        record.position_lat = 52.0 + i * 1e-4
        record.position_long = 4.0
        record.distance = km * 1000 * i / points
        record.altitude = 20 + 5 * math.sin(i / 5)
        builder.add(record)
    event = EventMessage()
    event.event, event.event_type, event.timestamp = Event.TIMER, EventType.STOP, end_ms
    builder.add(event)
    session = SessionMessage()
    session.timestamp = end_ms
    session.start_time = start_ms
    session.sport = getattr(Sport, sport)
    session.total_distance = km * 1000
    session.total_timer_time = seconds
    session.total_elapsed_time = seconds
    session.total_descent = descent_m
    session.total_ascent = descent_m
    builder.add(session)
    activity = ActivityMessage()
    activity.timestamp = end_ms
    activity.total_timer_time = seconds
    activity.num_sessions = 1
    if zone_hours is not None:
        activity.local_timestamp = end_ms // 1000 - FIT_EPOCH_S + int(zone_hours * 3600)
    builder.add(activity)
    builder.build().to_file(str(path))
    return path


def write_gpx(
    path: Path,
    start: dt.datetime,
    km: float,
    minutes: float,
    *,
    kind: str | None = "running",
    points: int = 41,
    hill_m: float = 0.0,
) -> Path:
    """A GPX track northwards from a point, `km` long, optionally one hill of `hill_m` up and down."""
    import gpxpy.gpx

    gpx = gpxpy.gpx.GPX()
    track = gpxpy.gpx.GPXTrack()
    track.type = kind
    gpx.tracks.append(track)
    segment = gpxpy.gpx.GPXTrackSegment()
    track.segments.append(segment)
    lat_step = km / 111.195 / (points - 1)  # one degree of latitude is 111.195 km on the mean sphere
    for i in range(points):
        height = 10 + hill_m * math.sin(math.pi * i / (points - 1))
        segment.points.append(
            gpxpy.gpx.GPXTrackPoint(
                48.0 + i * lat_step, 11.0, elevation=height, time=start + dt.timedelta(minutes=minutes * i / (points - 1))
            )
        )
    path.write_text(gpx.to_xml(), encoding="utf-8")
    return path


def write_tcx(path: Path, start: dt.datetime, km: float, minutes: float, *, sport: str = "Running", points: int = 20) -> Path:
    """A TCX activity with one lap and a track of heights."""
    stamp = start.isoformat()
    points_xml = "".join(
        f"<Trackpoint><Time>{(start + dt.timedelta(minutes=minutes * i / points)).isoformat()}</Time>"
        f"<AltitudeMeters>{30 - i:.1f}</AltitudeMeters></Trackpoint>"
        for i in range(points)
    )
    path.write_text(
        '<?xml version="1.0" encoding="UTF-8"?>\n'
        '<TrainingCenterDatabase xmlns="http://www.garmin.com/xmlschemas/TrainingCenterDatabase/v2">'
        f'<Activities><Activity Sport="{sport}"><Id>{stamp}</Id><Lap StartTime="{stamp}">'
        f"<TotalTimeSeconds>{minutes * 60}</TotalTimeSeconds><DistanceMeters>{km * 1000}</DistanceMeters>"
        f"<Track>{points_xml}</Track></Lap></Activity></Activities></TrainingCenterDatabase>",
        encoding="utf-8",
    )
    return path
