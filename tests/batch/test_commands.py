"""`marsad batch` at the command line (the click command the CLI mounts)."""

from __future__ import annotations

import pytest
from click.testing import CliRunner

from marsad.api import Pipeline, iter_documents
from marsad.batch import read_events
from marsad.batch.commands import batch, parse_size

from .conftest import write_jsonl
from .corpus import corpus


@pytest.mark.parametrize("text, size", [
    ("1", 1), ("2000000", 2_000_000), ("512K", 512 << 10), ("64M", 64 << 20), ("64mb", 64 << 20),
    ("1G", 1 << 30), (" 3kb ", 3 << 10),
])
def test_commands_parse_size(text, size):
    assert parse_size(text) == size


@pytest.mark.parametrize("text", ["", "0", "M", "1.5M", "-1", "12T", "big"])
def test_commands_parse_size_rejects(text):
    with pytest.raises(ValueError, match="is not a size"):
        parse_size(text)


def test_commands_batch_on_a_local_cluster(tmp_path):
    records = [{"id": "empty", "text": "  "}] + corpus(12, copies=2)
    path = write_jsonl(tmp_path / "in.jsonl", records)
    result = CliRunner().invoke(batch, [str(path), "--out", str(tmp_path / "out"), "--workers", "2",
                                        "--shard-size", "4K"])
    assert result.exit_code == 1, result.output  # one document skipped
    lines = result.stderr.splitlines()
    skipped = [x for x in lines if "skipped " in x]
    assert skipped == [f"marsad: skipped {path}:1: document 'empty': empty text"]
    assert lines[-1].startswith("marsad: 12 documents coded (2 copies and 0 repeated ids not coded, "
                                "1 skipped), ")
    single = [e.to_dict() for e in Pipeline().run(iter_documents([str(path)]))]
    copies = {r["id"] for r in records if r["id"].startswith("copy-")}
    assert list(read_events(tmp_path / "out")) == [e for e in single if e["doc_ids"][0] not in copies]


def test_commands_batch_usage_errors(tmp_path):
    path = write_jsonl(tmp_path / "in.jsonl", corpus(1))
    runner = CliRunner()
    bad_size = runner.invoke(batch, [str(path), "--out", str(tmp_path / "o"), "--shard-size", "lots"])
    assert bad_size.exit_code == 2 and "'lots' is not a size" in bad_size.stderr
    no_out = runner.invoke(batch, [str(path)])
    assert no_out.exit_code == 2 and "Missing option '--out'" in no_out.stderr

