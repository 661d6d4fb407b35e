"""One reader for the tab-separated data files that hold Marsad's knowledge of Arabic and the conflicts.

A data file is UTF-8 text: comment lines start with "#", blank lines are ignored, and the first other
line is the header naming the columns. A row has at most as many cells as the header (missing trailing
cells are empty). `read_table` also checks the header against the columns its caller expects and that
the required ones are filled; `read_rows` takes the file's own header. A file that breaks this raises
`DataFileError` naming the file and the line, so a bad edit fails loudly at load time instead of
silently dropping knowledge.
"""

from __future__ import annotations

from collections.abc import Sequence
from importlib import resources


class DataFileError(ValueError):
    """A data file that does not follow its header."""


def read_table(package: str, name: str, columns: Sequence[str]) -> list[dict[str, str]]:
    """Rows of `package`'s data file `name` as dicts keyed by `columns` (missing optional cells: "").

    `columns` is the header the file must carry, optional trailing columns marked with "?"
    ("word", "role", "note?")."""
    text = resources.files(package).joinpath(name).read_text(encoding="utf-8")
    return parse_table(text, f"{package}/{name}", columns)


def parse_table(text: str, origin: str, columns: Sequence[str]) -> list[dict[str, str]]:
    """`read_table` on a string; `origin` names it in errors."""
    names = [c.rstrip("?") for c in columns]
    required = sum(1 for c in columns if not c.endswith("?"))
    header_seen = False
    rows: list[dict[str, str]] = []
    for number, line in enumerate(text.splitlines(), 1):
        if not line.strip() or line.startswith("#"):
            continue
        cells = line.split("\t")
        if not header_seen:
            if cells != names:
                raise DataFileError(f"{origin}:{number}: header {cells!r}, expected {names!r}")
            header_seen = True
            continue
        if not required <= len(cells) <= len(names) or any(not c.strip() for c in cells[:required]):
            raise DataFileError(
                f"{origin}:{number}: {len(cells)} cells, expected {required} to {len(names)}"
                f" ({', '.join(names)})"
            )
        rows.append(dict(zip(names, cells + [""] * (len(names) - len(cells)), strict=True)))
    if not header_seen:
        raise DataFileError(f"{origin}: no header line (expected {names!r})")
    return rows


def read_rows(package: str, name: str) -> list[tuple[int, dict[str, str]]]:
    """(line number, row) for each row of `package`'s data file `name`, keyed by the file's own header,
    cells stripped."""
    text = resources.files(package).joinpath(name).read_text(encoding="utf-8")
    return parse_rows(text, f"{package}/{name}")


def parse_rows(text: str, origin: str) -> list[tuple[int, dict[str, str]]]:
    """`read_rows` on a string; `origin` names it in errors."""
    header: list[str] | None = None
    rows: list[tuple[int, dict[str, str]]] = []
    for number, line in enumerate(text.splitlines(), 1):
        if not line.strip() or line.startswith("#"):
            continue
        cells = line.split("\t")
        if header is None:
            header = [c.strip() for c in cells]
            continue
        if len(cells) > len(header):
            raise DataFileError(f"{origin}:{number}: {len(cells)} cells, the header has {len(header)}")
        cells += [""] * (len(header) - len(cells))
        rows.append((number, {k: v.strip() for k, v in zip(header, cells, strict=True)}))
    return rows
