"""The names the desktop knows HipDesk by: the .desktop entry's id, and the icon sizes shipped.

Apart from hipdesk.actions.desktop (which installs the entry) so that the window can name itself without
loading the installer's modules at start-up.
"""

APP_ID = "org.hipdesk.HipDesk"  # the .desktop file's name; the window tells the desktop this id
ICON_SIZES = (16, 24, 32, 48, 64, 128, 256)
