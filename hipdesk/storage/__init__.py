"""Storage: the SQLite session store, recovery of damaged files, the one-window lock, the database location and settings keys."""
