"""Every key of the settings table in one place, with its default where it has one.

Settings live in the database beside the sessions (`SessionStore.get_setting` / `set_setting`).
"""

KIOSK_SETTING = "kiosk.enabled"  # on with --kiosk; off only when staff leave kiosk mode
IDLE_SETTING = "kiosk.idle_minutes"
DEFAULT_IDLE_MINUTES = 5
WARNING_SECONDS = 30  # the countdown shown before an idle screen is cleared
PIN_SETTING = "kiosk.staff_pin"  # salted scrypt hash of the staff PIN
ATTEMPTS_SETTING = "kiosk.pin_attempts"  # failures and the time until which entry is locked
PAGE_SIZE_SETTING = "report.page_size"  # "A4" or "Letter"
FOLDER_SETTING = "export.folder"  # the folder the last export went to
# The ordinary window (the View menu and the window's place on screen), remembered between starts.
TEXT_SIZE_SETTING = "view.text_percent"  # text size in percent of the system's: 80 … 200
COLOURS_SETTING = "view.colours"  # "system" (follow the desktop's light or dark scheme), "light", "dark", "contrast"
GEOMETRY_SETTING = "window.geometry"  # Qt's saveGeometry(), base64
CONTENT_CHECKED_SETTING = "content.checked"  # version and fingerprint of the content files last checked whole


def remembered_answer_setting(item_id: str) -> str:
    """The key that keeps a person's last answer to an item marked `remember` (the distance unit, say)."""
    return f"default.{item_id}"


# The clinic's FHIR server (hipdesk.actions.fhir_sending). Nothing is sent while the base URL is empty.
FHIR_BASE_URL_SETTING = "fhir.base_url"
FHIR_TOKEN_SETTING = "fhir.token"  # a bearer token; stored in the database, which only this user can read
FHIR_SINCE_SETTING = "fhir.since"  # when the server was set up: sessions finished from then on are sent
FHIR_STATION_SETTING = "fhir.station_id"  # made once per database; part of every identifier sent
