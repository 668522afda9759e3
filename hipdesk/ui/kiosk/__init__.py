"""The front-desk kiosk: full-screen intake, staff PIN screens, staff view, idle reset."""
