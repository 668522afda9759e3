"""FIT activity files: the watch's own summary of each session, decoded with `fitdecode` (MIT licence).

A FIT file is mostly track records (one a second: position, heart rate...). Only the file id, session,
activity and sport messages are needed, so the framing is walked here and the track records are skipped
unread; the few kept messages go to `fitdecode`, which applies the FIT profile (scales, units, sport names,
time stamps). This keeps a folder of long runs fast and never decodes a position.

Garmin's own SDK (garmin-fit-sdk) decodes the same, but its licence forbids distributing it to third
parties and benchmarking it, and HipDesk ships as a bundle to clinics: so fitdecode.
"""

from __future__ import annotations

import datetime as dt
import io
import struct
from typing import Any

from hipdesk.activities.crc import fit_crc
from hipdesk.activities.model import ActivityFileError, Run

FIT_SIGNATURE = b".FIT"
#: file_id, sport, session, activity, and the developer-field definitions a kept message may use.
_KEPT_MESSAGES = frozenset({0, 12, 18, 34, 206, 207})
_FIT_EPOCH = dt.datetime(1989, 12, 31, tzinfo=dt.UTC)


def is_fit(head: bytes) -> bool:
    """True when the first bytes of a file are a FIT header."""
    return len(head) >= 12 and head[0] in (12, 14) and head[8:12] == FIT_SIGNATURE


def _corrupt(detail: str) -> ActivityFileError:
    return ActivityFileError("corrupt", f"The FIT file is damaged ({detail}); nothing was read from it.")


def _summary_stream(data: bytes, start: int) -> tuple[bytes, int]:
    """One FIT file of a (possibly chained) stream, cut down to its definitions and kept messages.

    Returns a complete FIT file for the SDK (fresh header, no checksum) and the offset after this file.
    """
    header_size = data[start]
    if start + 12 > len(data) or data[start + 8 : start + 12] != FIT_SIGNATURE or header_size not in (12, 14):
        raise _corrupt("no FIT header")
    (data_size,) = struct.unpack_from("<I", data, start + 4)
    end = start + header_size + data_size
    if end + 2 > len(data):
        raise ActivityFileError(
            "truncated",
            f"The FIT file is cut short ({len(data) - start:,} of {end + 2 - start:,} bytes): it was not copied "
            "completely. Copy it again from the watch.",
        )
    if fit_crc(memoryview(data)[start : end + 2]) != 0:
        raise _corrupt("its checksum does not match")
    definitions: dict[int, tuple[int, int]] = {}  # local message type -> (global message number, size)
    kept: list[bytes] = []
    pos = start + header_size
    try:
        while pos < end:
            first = pos
            record_header = data[pos]
            pos += 1
            if record_header & 0x80:  # compressed time stamp header: a data message, local type in bits 5-6
                message, size = definitions[(record_header >> 5) & 0x03]
            elif record_header & 0x40:  # definition message
                order = ">" if data[pos + 1] else "<"
                (message,) = struct.unpack_from(order + "H", data, pos + 2)
                fields = data[pos + 4]
                pos += 5
                size = sum(data[pos + 3 * i + 1] for i in range(fields))
                pos += 3 * fields
                if record_header & 0x20:  # developer fields follow
                    developer_fields = data[pos]
                    pos += 1
                    size += sum(data[pos + 3 * i + 1] for i in range(developer_fields))
                    pos += 3 * developer_fields
                definitions[record_header & 0x0F] = (message, size)
                kept.append(data[first:pos])
                continue
            else:
                message, size = definitions[record_header & 0x0F]
            pos += size
            if message in _KEPT_MESSAGES:
                kept.append(data[first:pos])
    except KeyError:
        raise _corrupt("a message without a definition") from None
    except (IndexError, struct.error):
        raise _corrupt("a message runs past the end") from None
    if pos != end:
        raise _corrupt("a message runs past the end")
    body = b"".join(kept)
    header = bytes([12]) + data[start + 1 : start + 4] + struct.pack("<I", len(body)) + FIT_SIGNATURE
    return header + body + b"\0\0", end + 2


#: fitdecode's message names, under the keys the reader uses.
_MESSAGE_KEYS = {"file_id": "file_id_mesgs", "session": "session_mesgs", "activity": "activity_mesgs"}


def _decode(stream: bytes) -> dict[str, list[dict[str, Any]]]:
    import fitdecode  # imported on first use: the app starts without it

    messages: dict[str, list[dict[str, Any]]] = {key: [] for key in _MESSAGE_KEYS.values()}
    try:
        with fitdecode.FitReader(io.BytesIO(stream), check_crc=fitdecode.CrcCheck.DISABLED,
                                 error_handling=fitdecode.ErrorHandling.RAISE) as reader:
            for frame in reader:
                if isinstance(frame, fitdecode.FitDataMessage) and frame.name in _MESSAGE_KEYS:
                    messages[_MESSAGE_KEYS[frame.name]].append({f.name: f.value for f in frame.fields})
    except Exception as error:  # fitdecode raises its own errors and plain ones for malformed content
        raise _corrupt(str(error) or type(error).__name__) from None
    return messages


def _zone(activity: dict[str, Any] | None) -> dt.timezone | None:
    """The watch's time zone, from the activity's local time stamp against its UTC one."""
    if not activity:
        return None
    utc, local = activity.get("timestamp"), activity.get("local_timestamp")
    if isinstance(local, int) and not isinstance(local, bool):  # seconds since the FIT epoch, in local time
        local = _FIT_EPOCH + dt.timedelta(seconds=local)
    if not isinstance(utc, dt.datetime) or not isinstance(local, dt.datetime):
        return None
    offset = local.replace(tzinfo=None) - utc.replace(tzinfo=None)
    minutes = round(offset.total_seconds() / 900) * 15  # zones are whole quarter hours
    if abs(minutes) > 14 * 60:
        return None
    return dt.timezone(dt.timedelta(minutes=minutes))


def read_fit(data: bytes) -> tuple[list[Run], list[str]]:
    """The running sessions in a FIT file, and the sports of any other sessions in it."""
    runs: list[Run] = []
    others: list[str] = []
    pos = 0
    while pos + 12 <= len(data):
        stream, pos = _summary_stream(data, pos)
        messages = _decode(stream)
        file_ids = messages.get("file_id_mesgs", [])
        if file_ids and file_ids[0].get("type") not in ("activity", None):
            kind = str(file_ids[0].get("type")).replace("_", " ")
            raise ActivityFileError(
                "not_activity", f"This FIT file is a {kind} file, not a recorded activity; nothing was read from it."
            )
        activities = messages.get("activity_mesgs", [])
        zone = _zone(activities[0] if activities else None)
        for session in messages.get("session_mesgs", []):
            sport = session.get("sport")
            if sport != "running":
                others.append(str(sport if sport is not None else "an unnamed sport").replace("_", " "))
                continue
            start = session.get("start_time") or session.get("timestamp")
            distance = session.get("total_distance")
            duration = session.get("total_timer_time") or session.get("total_elapsed_time")
            if not isinstance(start, dt.datetime) or not isinstance(distance, int | float):
                raise ActivityFileError("no_summary", "The FIT file's session has no start time or distance.")
            descent = session.get("total_descent")
            runs.append(
                Run(
                    start=start.astimezone(zone) if zone else start.astimezone(),
                    distance_km=float(distance) / 1000,
                    duration_s=float(duration) if isinstance(duration, int | float) else 0.0,
                    descent_m=float(descent) if isinstance(descent, int | float) else None,
                    fmt="fit",
                )
            )
    if not runs and not others:
        raise ActivityFileError(
            "no_summary",
            "The FIT file holds no session summary (the watch may not have saved the activity); nothing was read.",
        )
    return runs, others
