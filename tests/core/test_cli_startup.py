"""`hipdesk --help` and `--version` list the commands without importing them (start-up time), and say the same."""

from __future__ import annotations

import argparse
import importlib
import subprocess
import sys

from hipdesk.cli import main as cli


def test_the_listed_help_of_each_command_is_the_help_its_module_registers() -> None:
    for name, module in cli.COMMANDS.items():
        parser = argparse.ArgumentParser()
        subparsers = parser.add_subparsers(dest="command")
        importlib.import_module(module).add_parser(subparsers)
        registered = {action.dest: action.help for action in subparsers._choices_actions}
        if name in cli.COMMAND_HELP:  # a command not listed there is imported for --help (slower, still right)
            assert registered[name] == cli.COMMAND_HELP[name], name
    assert set(cli.COMMAND_HELP) <= set(cli.COMMANDS)


def test_help_lists_every_command_without_importing_any_of_them() -> None:
    code = ("import sys\nfrom hipdesk.cli.main import main\ntry:\n    main(['--help'])\nexcept SystemExit:\n    pass\n"
            "print('LOADED', sorted(m for m in sys.modules if m.startswith(('hipdesk.cli.', 'reportlab'))"
            " and m != 'hipdesk.cli.main'))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    for name in cli.COMMANDS:
        assert name in out
    assert "LOADED []" in out


def test_a_named_command_still_gets_its_own_options() -> None:
    out = subprocess.run([sys.executable, "-m", "hipdesk", "report", "--help"], capture_output=True, text=True,
                         check=True).stdout
    assert "--page-size" in out
