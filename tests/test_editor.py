"""Editor support: the modeline that names a data file's schema, and VS Code's map of folders to schemas
(the first briefing's own files are checked in tests/briefing/test_modelines.py).

yaml-language-server (the VS Code YAML extension, and other editors) reads the modeline
`# yaml-language-server: $schema=<path>` and then checks the file against the schema as one types.
"""

from __future__ import annotations

import json
from fnmatch import fnmatch
from pathlib import Path

from generator.load import scan
from generator.scaffold import modeline
from generator.schema import SCHEMA_FILES
from tests.conftest import ROOT
from tests.test_scaffold import schema_fields

SETTINGS = ROOT / ".vscode" / "settings.json"
FOLDERS = [ROOT / "data", *sorted(p for p in (ROOT / "tests" / "fixtures").iterdir() if p.is_dir())]


def test_modeline_is_relative_to_the_file() -> None:
    assert modeline("event", ROOT / "data/events/2024/x.yaml") == (
        "# yaml-language-server: $schema=../../../generator/schemas/event.schema.json"
    )
    assert modeline("briefing", ROOT / "data/briefing.yaml") == (
        "# yaml-language-server: $schema=../generator/schemas/briefing.schema.json"
    )


def test_vscode_settings_map_each_data_file_to_its_schema() -> None:
    schemas: dict[str, list[str]] = json.loads(SETTINGS.read_text(encoding="utf-8"))["yaml.schemas"]
    for schema in schemas:
        assert (ROOT / schema).is_file(), schema
    assert {Path(schema).name for schema in schemas} == set(SCHEMA_FILES.values())
    for folder in FOLDERS:
        files, _misplaced = scan(folder)
        for file in files:
            kind, name = file.kind, file.path.relative_to(ROOT).as_posix()
            matched = {Path(schema).name for schema, globs in schemas.items() if any(fnmatch(name, g) for g in globs)}
            assert matched == {SCHEMA_FILES[kind]}, name


def test_the_contributor_guide_names_every_field_of_every_schema() -> None:
    """CONTRIBUTING.md explains the fields the schemas define: a new field is documented there too."""
    guide = (ROOT / "CONTRIBUTING.md").read_text(encoding="utf-8")
    missing = {
        (kind, ".".join(path))
        for kind, name in SCHEMA_FILES.items()
        for path in schema_fields(name)
        if f"`{path[-1]}`" not in guide and f"`{path[-1]}:" not in guide
    }
    assert not missing, sorted(missing)
