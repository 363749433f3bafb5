#!/usr/bin/env python3
"""The installed aws CLI, unchanged, with names under .localhost resolved to loopback (localhost_names.py)."""
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import localhost_names  # noqa: E402

localhost_names.install()
import awscli.clidriver  # noqa: E402

if __name__ == "__main__":
    sys.exit(awscli.clidriver.main())
