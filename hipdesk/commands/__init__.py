"""Headless subcommands of `hipdesk` (no Qt)."""
