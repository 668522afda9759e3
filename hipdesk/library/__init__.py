"""The session library: listing, searching and summarising stored sessions, and pain trends over time."""
