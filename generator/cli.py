"""Command line: python -m generator check|generate|serve|new|diff|scan|search|synth …"""

from __future__ import annotations

import argparse
import os
import sys
import traceback
from collections.abc import Callable, Sequence
from pathlib import Path

from .errors import DataError, GeneratorError
from .load import display_path
from .pipeline import check_briefing, generate
from .scaffold import SKELETON_KINDS


def _check(args: argparse.Namespace) -> int:
    b, warnings = check_briefing(args.data)
    for warning in warnings:  # what reads wrong but may be right: reported, never failing
        print(warning.as_warning(), file=sys.stderr)
    counts = [
        (b.events, "event"),
        (b.actors, "actor"),
        (b.sources, "source"),
        (b.treaties, "treaty"),
        (b.questions, "question"),
    ]
    print(f"{args.data}: ok — " + ", ".join(_counted(len(records), noun) for records, noun in counts))
    return 0


def _counted(number: int, noun: str) -> str:
    """'1 treaty', '2 treaties': the command line speaks English, whatever the briefing's language."""
    if number == 1:
        return f"1 {noun}"
    return f"{number} {noun[:-1]}ies" if noun.endswith("y") else f"{number} {noun}s"


def _generate(args: argparse.Namespace) -> int:
    outcome = generate(args.data, args.docs, site_url=args.site_url)
    print(f"{args.docs}: {len(outcome.written)} written, {len(outcome.removed)} removed, {outcome.unchanged} unchanged")
    return 0


def _serve(args: argparse.Namespace) -> int:
    from .serve import serve

    return serve(args.data, args.docs, args.address)


def _new(args: argparse.Namespace) -> int:
    from .scaffold import create  # commands import what they use: `generate` should start fast

    path = create(args.kind, args.title, args.date, args.data)
    print(f'{display_path(path)}: created; fill in every empty value (""), then run `make check`')
    return 0


def _diff(args: argparse.Namespace) -> int:
    from .diff import diff_folders

    report = diff_folders(args.base, args.data)
    print(report.markdown, end="")
    return 1 if report.has_problems else 0


def _scan(args: argparse.Namespace) -> int:
    from .sitescan import scan_site

    if not (args.site / "404.html").is_file():
        raise GeneratorError(f"{args.site} holds no built site (no 404.html); run mkdocs build first")
    findings = scan_site(args.site)
    for finding in findings:
        print(f"{args.site}/{finding}", file=sys.stderr)
    if findings:
        print(f"{len(findings)} thing(s) that could run as script or link nowhere", file=sys.stderr)
        return 1
    print(
        f"{args.site}: no script, event handler, javascript: address or embedded frame but the theme's; "
        "no broken link; nothing in the search index but Pagefind's own files"
    )
    return 0


def _search(args: argparse.Namespace) -> int:
    from .search import INDEX_DIR, index_site

    if not (args.site / "404.html").is_file():
        raise GeneratorError(f"{args.site} holds no built site (no 404.html); run mkdocs build first")
    stats = index_site(args.data, args.docs, args.site)
    print(
        f"{args.site}/{INDEX_DIR}: {stats.records} records indexed in {stats.seconds:.2f} s "
        f"({stats.bytes / 1024:.0f} KiB in {stats.files} files)"
    )
    return 0


def _synth(args: argparse.Namespace) -> int:
    from .synth import write_synthetic

    if args.out.exists() and any(args.out.iterdir()):
        raise GeneratorError(f"{args.out} is not empty; synth writes a whole briefing into a new folder")
    sizes = write_synthetic(args.out, args.events, seed=args.seed)
    print(
        f"{args.out}: {sizes.events} events, {sizes.actors} actors, {sizes.sources} sources, "
        f"{sizes.questions} questions, 1 treaty"
    )
    return 0


# The folders a command reads or writes, by option: what each holds (its default is its name).
_FOLDERS = {"data": "data folder", "docs": "MkDocs pages folder", "site": "built site folder"}


def _folder(parser: argparse.ArgumentParser, name: str) -> None:
    parser.add_argument(f"--{name}", type=Path, default=Path(name), help=f"{_FOLDERS[name]} (default: {name})")


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="python -m generator", description="Validate a briefing's YAML data and render it into Markdown pages."
    )
    parser.add_argument("--debug", action="store_true", help="show a traceback on internal errors")
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    check = commands.add_parser(
        "check",
        help="validate the data and report every problem",
        description="Validate every data file; list each problem as file:line: field: message. Also warn, "
        "as file:line: field: warning: message and without failing, about prose that spells an actor otherwise "
        "than its display name and about near-duplicate events.",
    )
    _folder(check, "data")
    check.set_defaults(run=_check)

    gen = commands.add_parser(
        "generate",
        help="validate, then write the Markdown pages",
        description="Validate the data, then render the pages into the docs folder. "
        "Nothing is written when the data has problems.",
    )
    _folder(gen, "data")
    _folder(gen, "docs")
    gen.add_argument(
        "--site-url",
        help="the published site's address, for the exports' links (default: $SITE_URL, as mkdocs.yml reads it, "
        "else http://127.0.0.1:8000/)",
    )
    gen.set_defaults(run=_generate)

    serve = commands.add_parser(
        "serve",
        help="preview the site, regenerating the pages whenever the data changes",
        description="Generate the pages, start `mkdocs serve`, and generate again whenever a file of the data "
        "folder changes; MkDocs then rebuilds the pages that changed. Problems in the data are reported and the "
        "last good pages stay. Ctrl-C stops both.",
    )
    _folder(serve, "data")
    _folder(serve, "docs")
    serve.add_argument("--address", default="127.0.0.1:8000", help="where to serve (default: 127.0.0.1:8000)")
    serve.set_defaults(run=_serve)

    new = commands.add_parser(
        "new",
        help="write the skeleton of a new event, actor, source or question",
        description="Create a record file where it belongs (events in data/events/<year>/), with an id made from "
        "the date and title, and every field of its kind explained in the briefing's language. What only you can "
        "know is left empty; `check` lists it until you fill it in. An existing file is never replaced.",
    )
    new.add_argument("kind", choices=SKELETON_KINDS, help="kind of record: event, actor, source or question")
    new.add_argument(
        "--title",
        required=True,
        help="the event's or source's title, the actor's name, or the question; the id is made from it",
    )
    new.add_argument(
        "--date",
        help="YYYY, YYYY-MM or YYYY-MM-DD: needed for an event (its date) and a source (its publication date); "
        "for a question, when it arose",
    )
    _folder(new, "data")
    new.set_defaults(run=_new)

    diff = commands.add_parser(
        "diff",
        help="show in Markdown what a change does to the briefing and to its pages",
        description="Compare the briefing in --base (before) with the one in --data (after) and print, in "
        "Markdown: the records added, removed and renamed, each changed field with its old and new value, and "
        "the pages that will change. An empty base folder stands for no briefing yet. Exit status 0 when the "
        "comparison was made, 1 when either side has problems (the report lists them).",
    )
    diff.add_argument(
        "--base", type=Path, required=True, metavar="DIR", help="data folder before the change (e.g. main's)"
    )
    diff.add_argument(
        "--data", type=Path, default=Path("data"), metavar="DIR", help="data folder after the change (default: data)"
    )
    diff.set_defaults(run=_diff)

    scan = commands.add_parser(
        "scan",
        help="check a built site for scripts the theme did not put there",
        description="Scan every page of a built site for scripts, event-handler attributes, javascript: and "
        "data: addresses, iframes, objects and the like that the theme (its own 404 page is the reference) did "
        "not put there, for links within the site that lead nowhere, and the search index (pagefind/) for files "
        "that Pagefind did not write. Exit status 1 when anything is found.",
    )
    _folder(scan, "site")
    scan.set_defaults(run=_scan)

    search = commands.add_parser(
        "search",
        help="index the briefing for the site's search, into a built site",
        description="Write one search record per event, actor, source, treaty provision and question, and per "
        "page that is not a record's, and index them with Pagefind into SITE/pagefind/. Run it after mkdocs build, "
        "which empties the site folder.",
    )
    _folder(search, "data")
    _folder(search, "docs")
    _folder(search, "site")
    search.set_defaults(run=_search)

    synth = commands.add_parser(
        "synth",
        help="write a synthetic briefing of any size, for benchmarks",
        description="Write a valid synthetic briefing: N events over ten years, about N/15 actors, N/100 sources, "
        "N/50 questions and a treaty, with French-looking text of realistic lengths. The same seed gives the "
        "same files.",
    )
    synth.add_argument("--events", type=int, required=True, help="number of events")
    synth.add_argument("--out", type=Path, required=True, help="folder to write the briefing into (new or empty)")
    synth.add_argument("--seed", type=int, default=1, help="random seed (default: 1)")
    synth.set_defaults(run=_synth)
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
