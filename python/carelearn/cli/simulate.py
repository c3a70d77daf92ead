"""``carelearn simulate``: a synthetic municipality's years of learning into a
store or JSON Lines, with its roster and programme (docs/simulate.md).

The command itself lives with :func:`carelearn.simulate` in
:mod:`carelearn._simulate`; this module wires it into the ``carelearn``
command. On a terminal the progress is a bar on standard error; otherwise a
line at every tenth of the way.
"""

from __future__ import annotations

import argparse

from .. import _simulate

__all__ = ["add_parsers"]


def add_parsers(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Adds ``simulate``; its handler is :data:`carelearn._simulate.COMMANDS`'s."""
    _simulate.add_parser(commands)
    for name, handler in _simulate.COMMANDS.items():
        commands.choices[name].set_defaults(handler=handler)
