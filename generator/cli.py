"""Command line: python -m generator check|generate …"""

from __future__ import annotations

import argparse
import os
import sys
import traceback
from collections.abc import Callable, Sequence
from pathlib import Path

from .errors import DataError, GeneratorError
from .pipeline import generate, read_briefing


def _check(args: argparse.Namespace) -> int:
    b = read_briefing(args.data)
    print(
        f"{args.data}: ok — {len(b.events)} events, {len(b.actors)} actors, {len(b.sources)} sources, "
        f"{len(b.treaties)} treaties, {len(b.questions)} questions"
    )
    return 0


def _generate(args: argparse.Namespace) -> int:
    result = generate(args.data, args.docs)
    outcome = result.outcome
    print(f"{args.docs}: {len(outcome.written)} written, {len(outcome.removed)} removed, {outcome.unchanged} unchanged")
    return 0


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="python -m generator", description="Validate a briefing's YAML data and render it into Markdown pages."
    )
    parser.add_argument("--debug", action="store_true", help="show a traceback on internal errors")
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    check = commands.add_parser(
        "check",
        help="validate the data and report every problem",
        description="Validate every data file; list each problem as file:line: field: message.",
    )
    check.add_argument("--data", type=Path, default=Path("data"), help="data folder (default: data)")
    check.set_defaults(run=_check)

    gen = commands.add_parser(
        "generate",
        help="validate, then write the Markdown pages",
        description="Validate the data, then render the pages into the docs folder. "
        "Nothing is written when the data has problems.",
    )
    gen.add_argument("--data", type=Path, default=Path("data"), help="data folder (default: data)")
    gen.add_argument("--docs", type=Path, default=Path("docs"), help="MkDocs pages folder (default: docs)")
    gen.set_defaults(run=_generate)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    run: Callable[[argparse.Namespace], int] = args.run
    try:
        return run(args)
    except DataError as error:
        print(error.report(), file=sys.stderr)
        return 1
    except GeneratorError as error:
        print(f"error: {error}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        print("interrupted: docs/ is as it was, or fully updated", file=sys.stderr)
        return 130
    except Exception as error:  # a bug of ours: say so plainly, keep the traceback for --debug
        if args.debug or os.environ.get("BRIEFING_DEBUG"):
            traceback.print_exc()
        print(f"internal error: {type(error).__name__}: {error} (run with --debug for details)", file=sys.stderr)
        return 2
