"""``python -m geo SUBCOMMAND``: places, extract, ingest, events, export, import.

In: command-line arguments. Out: JSON, CSV or GeoJSON on standard output and an
exit code. Each subcommand lives in its own module here (``places``, ``extract``,
``store``) exposing ``register(subparsers)``; its handler returns an exit code.

The top of the pipeline: may import every ``geo`` package, and is imported by none.
"""
from __future__ import annotations

import argparse
import sys

from geo.cli import extract, places, store
from geo.errors import GeoError

SUBCOMMANDS = (places, extract, store)


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="python -m geo", description=__doc__.splitlines()[0])
    subparsers = parser.add_subparsers(dest="command", required=True)
    for subcommand in SUBCOMMANDS:
        subcommand.register(subparsers)
    return parser


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    try:
        return int(args.handler(args) or 0)
    except GeoError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        return 0

