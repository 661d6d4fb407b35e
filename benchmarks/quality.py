"""Quality floor: fail when a measure of ../shared/tools/score.py falls below its pinned floor.

    .venv/bin/python benchmarks/quality.py [--shared DIR] [--floors FILE] [--marsad CMD]

Runs `score.py seed`, `score.py articles` and `score.py oeda` (each subcommand named in the floors
file, `benchmarks/quality-floors.toml`) on the installed command (`.venv/bin/marsad`), reads the
`RESULT key=value ...` line each prints and compares every floored measure with its floor, exactly.
Exit status 0 when every measure is at or above its floor, 1 when one is below (a line names the
measure, its value and its floor) or a run fails. The shared data is not part of the repository:
where `DIR/data` or `DIR/tools/score.py` is missing (DIR is --shared, else $MARSAD_SHARED, else the
`shared` folder beside the checkout) it prints one line saying the check was skipped and exits 0.
Standard library only, so it runs right after `.ci/run` has installed the package.
"""

from __future__ import annotations

import argparse
import os
import shlex
import subprocess
import sys
import tomllib
from fractions import Fraction
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
FLOORS = ROOT / "benchmarks" / "quality-floors.toml"


def parse_result(output: str) -> dict[str, str]:
    """The key=value pairs of the last `RESULT ...` line in a score.py output ({} when none)."""
    lines = [line for line in output.splitlines() if line.startswith("RESULT ")]
    if not lines:
        return {}
    pairs = (item.partition("=") for item in lines[-1].split()[1:])
    return {key: value for key, sep, value in pairs if sep}


def as_number(text: str) -> Fraction:
    """A figure as an exact number: "0.467" and "10/10" alike (no binary rounding in comparisons)."""
    return Fraction(text.strip())


def _floor_text(value: object) -> str:
    """A floor as score.py writes figures: 0.85 -> "0.850"; str() keeps any finer decimal exact."""
    if isinstance(value, float) and round(value, 3) == value:
        return f"{value:.3f}"
    return str(value)


def load_floors(path: Path) -> dict[str, dict[str, str]]:
    """score.py subcommand -> {measure: floor as text}, in the file's order."""
    with path.open("rb") as f:
        data = tomllib.load(f)
    return {sub: {key: _floor_text(value) for key, value in table.items()} for sub, table in data.items()}


def compare(sub: str, measured: dict[str, str], floors: dict[str, str]) -> tuple[list[str], list[str]]:
    """(failures, gains) for one subcommand: a line for each measure below (or missing from the
    RESULT line), and a short note for each above its floor, which can then be raised."""
    failures, gains = [], []
    for key, floor in floors.items():
        if key not in measured:
            failures.append(f"QUALITY FAIL {sub} {key}: not in score.py's RESULT line (floor {floor})")
        elif as_number(measured[key]) < as_number(floor):
            failures.append(f"QUALITY FAIL {sub} {key}={measured[key]} is below its floor {floor}")
        elif as_number(measured[key]) > as_number(floor):
            gains.append(f"{sub} {key} {measured[key]} > {floor}")
    return failures, gains


def skip_reason(shared: Path) -> str | None:
    """Why the check cannot run here (the shared data or the scorer is absent), else None."""
    for need in (shared / "data", shared / "tools" / "score.py"):
        if not need.exists():
            return f"{need} not found (the shared evaluation data is not beside this checkout)"
    return None


def run_score(score: Path, sub: str, marsad: str) -> tuple[int, str]:
    """Run one score.py subcommand on `marsad`; (exit status, stdout then stderr)."""
    env = {**os.environ, "MARSAD": marsad}
    proc = subprocess.run([sys.executable, str(score), sub], capture_output=True, text=True, env=env)
    return proc.returncode, proc.stdout + proc.stderr


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    default_shared = os.environ.get("MARSAD_SHARED") or str(ROOT.parent / "shared")
    ap.add_argument("--shared", type=Path, default=Path(default_shared), help="has data/, tools/score.py")
    ap.add_argument("--floors", type=Path, default=FLOORS)
    ap.add_argument("--marsad", default=str(ROOT / ".venv" / "bin" / "marsad"), help="command scored")
    a = ap.parse_args(argv)

    reason = skip_reason(a.shared)
    if reason:
        print(f"quality check skipped: {reason}")
        return 0
    marsad = shlex.split(a.marsad)
    if not marsad or not Path(marsad[0]).exists():
        print(f"QUALITY FAIL: no installed command at {a.marsad} (run pip install -e . first)")
        return 1

    failures, gains = [], []
    for sub, floors in load_floors(a.floors).items():
        status, output = run_score(a.shared / "tools" / "score.py", sub, a.marsad)
        measured = parse_result(output)
        if status != 0 or not measured:
            print(output[-3000:], file=sys.stderr)
            failures.append(f"QUALITY FAIL {sub}: score.py {sub} exited {status} without a RESULT line")
            continue
        shown = " ".join(f"{k}={measured.get(k, '?')} (floor {v})" for k, v in floors.items())
        print(f"quality {sub}: {shown}")
        sub_failures, sub_gains = compare(sub, measured, floors)
        failures += sub_failures
        gains += sub_gains

    for line in failures:
        print(line)
    if gains:
        print(f"above floor (raise it in {a.floors.name} once the change is committed): " + "; ".join(gains))
    print("quality check " + ("FAILED" if failures else "passed") + f" against {a.floors}")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
