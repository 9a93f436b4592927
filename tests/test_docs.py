"""The README documents every command, and its Quick start stays two commands."""

import re
from pathlib import Path

from warta.cli import app

README = (Path(__file__).resolve().parents[1] / "README.md").read_text(encoding="utf-8")


def _command_names() -> set[str]:
    import typer.main

    group = typer.main.get_command(app)
    return set(group.commands)  # type: ignore[attr-defined]


def test_every_command_is_in_the_readme():
    missing = [name for name in sorted(_command_names()) if f"warta {name}" not in README]
    assert not missing, f"commands not documented in README.md: {missing}"


def test_quick_start_is_exactly_make_demo_and_make_test():
    section = README.split("## Quick start", 1)[1].split("\n## ", 1)[0]
    block = re.search(r"```sh\n(.*?)```", section, re.S).group(1)
    assert block.split("\n")[:-1] == ["make demo", "make test"]
