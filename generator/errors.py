"""Problems found in the data, gathered across the whole run and reported once."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, order=True, slots=True)
class Problem:
    """One thing wrong with one place in one file."""

    file: str
    line: int
    field: str
    message: str

    def __str__(self) -> str:
        # File names and values come from the contributor: a line break or a control character
        # in them must not split or garble the one line a problem takes.
        where = f"{printable(self.file)}:{self.line}"
        message = printable(self.message)
        return f"{where}: {printable(self.field)}: {message}" if self.field else f"{where}: {message}"

    def as_warning(self) -> str:
        """The line that reports it as a warning: file:line: field: warning: message."""
        field = f"{printable(self.field)}: " if self.field else ""
        return f"{printable(self.file)}:{self.line}: {field}warning: {printable(self.message)}"


def printable(text: str) -> str:
    """`text` with every character that does not print shown as an escape: 'x\\n'."""
    if text.isprintable():
        return text
    return "".join(c if c.isprintable() or c == " " else ascii(c)[1:-1] for c in text)


def quoted(value: object) -> str:
    """A value from the data, quoted for a message: 'x', with what does not print escaped."""
    return f"'{printable(str(value))}'"


class GeneratorError(Exception):
    """Root of the errors the command line reports without a traceback."""


class DataError(GeneratorError):
    """The data has problems; nothing was written."""

    def __init__(self, problems: list[Problem], warnings: list[Problem] | None = None) -> None:
        self.problems = sorted(set(problems))
        self.warnings = sorted(set(warnings or []))  # found beside the problems, by `check`
        super().__init__(f"{len(self.problems)} problem(s) in the data")

    def report(self) -> str:
        count = len(self.problems)
        lines = [w.as_warning() for w in self.warnings] + [str(p) for p in self.problems]
        lines.append(f"{count} problem{'s' if count != 1 else ''} found; nothing was written.")
        return "\n".join(lines)


def field_name(path: tuple[str | int, ...]) -> str:
    """Spell a path inside a record the way a contributor reads it: sources[0].quote."""
    name = ""
    for part in path:
        name += f"[{part}]" if isinstance(part, int) else (f".{part}" if name else part)
    return name
