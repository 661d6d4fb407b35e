"""The quality floor check (benchmarks/quality.py): RESULT parsing, exact comparison with the pinned
floors, the skip without shared data, and the exit status, driven through a stand-in score.py."""

import importlib.util
import sys
import textwrap
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


def _quality():
    spec = importlib.util.spec_from_file_location("quality", ROOT / "benchmarks" / "quality.py")
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


quality = _quality()


def test_parse_result_reads_the_last_result_line():
    out = "articles=9 tp=3\nRESULT event_f1=0.100\non matched: date=0.5\nRESULT event_f1=0.480 date=0.801\n"
    assert quality.parse_result(out) == {"event_f1": "0.480", "date": "0.801"}


def test_parse_result_keeps_fractions_and_skips_bare_words():
    assert quality.parse_result("PASS x\nRESULT seed_pass=9/10 stray\n") == {"seed_pass": "9/10"}
    assert quality.parse_result("no result here\n") == {}


def test_compare_is_exact_on_the_printed_decimals():
    floors = {"event_f1": "0.467", "date": "0.815", "loc25": "0.850"}
    measured = {"event_f1": "0.467", "date": "0.814", "loc25": "0.851"}
    failures, gains = quality.compare("articles", measured, floors)
    assert failures == ["QUALITY FAIL articles date=0.814 is below its floor 0.815"]
    assert gains == ["articles loc25 0.851 > 0.850"]


def test_compare_reads_seed_fractions_and_names_a_missing_measure():
    failures, gains = quality.compare("seed", {"seed_pass": "9/10"}, {"seed_pass": "10/10", "other": "1"})
    assert failures == [
        "QUALITY FAIL seed seed_pass=9/10 is below its floor 10/10",
        "QUALITY FAIL seed other: not in score.py's RESULT line (floor 1)",
    ]
    assert gains == []
    assert quality.compare("seed", {"seed_pass": "10/10"}, {"seed_pass": "10/10"}) == ([], [])


def test_pinned_floors_cover_seed_articles_and_oeda_and_are_numbers():
    floors = quality.load_floors(quality.FLOORS)
    assert list(floors) == ["seed", "articles", "oeda"]
    articles = {"event_f1", "event_p", "event_r", "fatalities", "actors", "date", "loc25"}
    assert articles <= set(floors["articles"])
    assert {"assault_f1", "protest_f1"} <= set(floors["oeda"])
    assert floors["seed"]["seed_pass"] == "10/10"
    assert all(0 <= quality.as_number(v) <= 1 for table in floors.values() for v in table.values())


def test_floor_text_keeps_three_decimals_and_finer_ones():
    assert quality._floor_text(0.85) == "0.850"
    assert quality._floor_text(0.4675) == "0.4675"
    assert quality._floor_text("10/10") == "10/10"


def test_skipped_with_one_line_when_the_shared_data_is_absent(tmp_path, capsys):
    assert quality.main(["--shared", str(tmp_path / "absent")]) == 0
    out = capsys.readouterr().out.splitlines()
    assert out == [
        f"quality check skipped: {tmp_path / 'absent' / 'data'} not found "
        "(the shared evaluation data is not beside this checkout)"
    ]


def test_shared_folder_taken_from_the_environment(tmp_path, monkeypatch, capsys):
    (tmp_path / "data").mkdir()
    monkeypatch.setenv("MARSAD_SHARED", str(tmp_path))
    assert quality.main([]) == 0
    assert capsys.readouterr().out.startswith(f"quality check skipped: {tmp_path / 'tools' / 'score.py'}")


FAKE_SCORE = """
import os, sys
if os.environ.get("MARSAD") != {marsad!r}:
    sys.exit("MARSAD not passed")
results = {results!r}
if sys.argv[1] not in results:
    sys.exit(3)
print("summary line")
print("RESULT " + results[sys.argv[1]])
"""


def _shared(tmp_path, results):
    """A stand-in shared folder: data/ and a score.py printing the given RESULT pairs per subcommand."""
    shared = tmp_path / "shared"
    (shared / "data").mkdir(parents=True)
    (shared / "tools").mkdir()
    script = FAKE_SCORE.format(marsad=sys.executable, results=results)
    (shared / "tools" / "score.py").write_text(textwrap.dedent(script), encoding="utf-8")
    floors = tmp_path / "floors.toml"
    floors.write_text(
        '# test floors\n[seed]\nseed_pass = "10/10"\n[articles]\nevent_f1 = 0.467\ndate = 0.815\n',
        encoding="utf-8",
    )
    return ["--shared", str(shared), "--floors", str(floors), "--marsad", sys.executable]


@pytest.mark.parametrize(
    ("articles", "status", "fail_lines"),
    [
        ("event_f1=0.467 date=0.815 loc25=0.1", 0, []),
        ("event_f1=0.480 date=0.801", 1, ["QUALITY FAIL articles date=0.801 is below its floor 0.815"]),
    ],
)
def test_main_exit_status_follows_the_floors(tmp_path, capsys, articles, status, fail_lines):
    args = _shared(tmp_path, {"seed": "seed_pass=10/10", "articles": articles})
    assert quality.main(args) == status
    out = capsys.readouterr().out.splitlines()
    assert [line for line in out if line.startswith("QUALITY FAIL")] == fail_lines
    assert out[-1] == ("quality check FAILED" if status else "quality check passed") + f" against {args[3]}"


def test_main_fails_when_score_py_fails(tmp_path, capsys):
    args = _shared(tmp_path, {"seed": "seed_pass=10/10"})
    assert quality.main(args) == 1
    out = capsys.readouterr().out.splitlines()
    assert "QUALITY FAIL articles: score.py articles exited 3 without a RESULT line" in out


def test_main_fails_without_the_installed_command(tmp_path, capsys):
    args = _shared(tmp_path, {})
    args[-1] = str(tmp_path / "no-marsad")
    assert quality.main(args) == 1
    assert capsys.readouterr().out == (
        f"QUALITY FAIL: no installed command at {tmp_path / 'no-marsad'} (run pip install -e . first)\n"
    )
