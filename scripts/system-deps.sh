#!/usr/bin/env bash
# Installs the Debian packages HipDesk needs (venv, Qt's runtime libraries) when they are missing.
# Runs as root on a fresh machine (CI); elsewhere it only says what is missing.
set -euo pipefail
need=()
python3 -c 'import venv, ensurepip' 2>/dev/null || need+=(python3-venv)
# Node.js 20.19+ and npm run the FHIR server the tests start (tests/fhir_server); not needed by the app.
command -v node >/dev/null && node -e 'const [a,b]=process.versions.node.split(".").map(Number);process.exit(a>20||(a===20&&b>=19)?0:1)' \
  || need+=(nodejs)
command -v npm >/dev/null || need+=(npm)
command -v openssl >/dev/null || need+=(openssl)  # a test makes a self-signed certificate (TLS is verified)
# Qt's runtime libraries, including those of its X11 (xcb) platform plugin for a real desktop.
for pkg in libegl1 libgl1 libfontconfig1 libxkbcommon0 libdbus-1-3 libglib2.0-0 \
           libxkbcommon-x11-0 libxcb-cursor0 libxcb-icccm4 libxcb-keysyms1 libxcb-image0 libxcb-randr0 \
           libxcb-render-util0 libxcb-shape0 libxcb-xinerama0 libxcb-xkb1; do
  dpkg -s "$pkg" >/dev/null 2>&1 || need+=("$pkg")
done
# A real accessibility desktop for tests/ui/test_atspi_switching.py: an X server, a D-Bus session bus, the AT-SPI
# bus and registry, and the system Python's libatspi binding (the screen-reader client runs outside the venv).
command -v Xvfb >/dev/null || need+=(xvfb)
command -v dbus-daemon >/dev/null || need+=(dbus-daemon)
for pkg in at-spi2-core python3-gi gir1.2-atspi-2.0; do
  dpkg -s "$pkg" >/dev/null 2>&1 || need+=("$pkg")
done
[ ${#need[@]} -eq 0 ] && exit 0
if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
  echo "Installing system packages: ${need[*]}"
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${need[@]}" >/dev/null
else
  echo "Please install these system packages first: ${need[*]}" >&2
  exit 1
fi
