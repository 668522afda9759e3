"""`python -m hipdesk` and the `hipdesk` entry point."""

import sys

from hipdesk.cli.main import main

if __name__ == "__main__":
    sys.exit(main())
