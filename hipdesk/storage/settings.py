"""Keys and defaults of the kiosk settings stored in the database (shared by start-up and the kiosk window)."""

KIOSK_SETTING = "kiosk.enabled"  # on with --kiosk; off only when staff leave kiosk mode
IDLE_SETTING = "kiosk.idle_minutes"
DEFAULT_IDLE_MINUTES = 5
WARNING_SECONDS = 30  # the countdown shown before an idle screen is cleared
