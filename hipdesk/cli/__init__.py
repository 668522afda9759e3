"""The `hipdesk` command line and its headless subcommands (no Qt)."""
