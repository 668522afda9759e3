"""Runs `hipdesk` as the product does, with test-only set-up the product must not carry.

    python tests/launch.py [--resources DIR] -- HIPDESK-ARGUMENTS...

--resources DIR  read the content files from DIR instead of resources/ (to break one on purpose).
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path


def main(argv: list[str]) -> int:
    """Apply the test set-up, then hand the remaining arguments to hipdesk's own `main`."""
    split = argv.index("--") if "--" in argv else len(argv)
    parser = argparse.ArgumentParser(prog="tests/launch.py")
    parser.add_argument("--resources", type=Path)
    options = parser.parse_args(argv[:split])
    if options.resources:
        import hipdesk.content.resources as resources

        folder = options.resources.resolve()
        resources.resources_dir = lambda: folder  # every reader finds the folder through this one function
    from hipdesk.__main__ import main as hipdesk_main

    return hipdesk_main(argv[split + 1 :])


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
