"""Bad input per the contract: each bad document gets a clear error naming it, the rest goes through."""

import json
import subprocess
import sys

MARSAD = [sys.executable, "-m", "marsad.cli"]
GOOD = "قُتل ثلاثة جنود في هجوم بعبوة ناسفة على دورية للجيش في مدينة العريش أمس."


def run(*args):
    return subprocess.run(MARSAD + list(args), capture_output=True, text=True, timeout=300)


def _good(tmp_path, name="good.jsonl", doc_id="good"):
    p = tmp_path / name
    p.write_text(
        json.dumps({"id": doc_id, "text": GOOD, "published": "2017-05-02"}, ensure_ascii=False) + "\n",
        encoding="utf-8",
    )
    return p


def _doc_ids(stdout):
    return sorted({d for line in stdout.splitlines() for d in json.loads(line)["doc_ids"]})


def test_bad_input_binary_file_is_reported_and_skipped(tmp_path):
    binary = tmp_path / "image.txt"
    binary.write_bytes(bytes(range(256)) * 40)
    p = run("extract", str(binary), str(_good(tmp_path)))
    assert p.returncode == 1
    assert str(binary) in p.stderr
    assert _doc_ids(p.stdout) == ["good"]


def test_bad_input_empty_file_is_reported_and_skipped(tmp_path):
    empty = tmp_path / "empty.jsonl"
    empty.write_text("", encoding="utf-8")
    p = run("extract", str(empty), str(_good(tmp_path)))
    assert p.returncode == 1
    assert str(empty) in p.stderr and "empty" in p.stderr
    assert _doc_ids(p.stdout) == ["good"]


def test_bad_input_50mb_document_is_rejected_quickly(tmp_path):
    big = tmp_path / "big.jsonl"
    with big.open("w", encoding="utf-8") as f:
        f.write(json.dumps({"id": "huge", "text": "ا" * 50_000_000}) + "\n")
        f.write(
            json.dumps({"id": "after", "text": GOOD, "published": "2017-05-02"}, ensure_ascii=False) + "\n"
        )
    p = run("extract", str(big))
    assert p.returncode == 1
    assert f"{big}:1" in p.stderr
    assert _doc_ids(p.stdout) == ["after"]


def test_bad_input_document_without_text_or_html(tmp_path):
    p_in = tmp_path / "docs.jsonl"
    p_in.write_text(
        json.dumps({"id": "no-text", "title": "عنوان فقط"}, ensure_ascii=False)
        + "\n"
        + json.dumps({"id": "ok", "text": GOOD, "published": "2017-05-02"}, ensure_ascii=False)
        + "\n",
        encoding="utf-8",
    )
    p = run("extract", str(p_in))
    assert p.returncode == 1
    assert f"{p_in}:1" in p.stderr and "no-text" in p.stderr
    assert _doc_ids(p.stdout) == ["ok"]


def test_bad_input_non_arabic_document_is_reported_not_coded(tmp_path):
    p_in = tmp_path / "docs.jsonl"
    english = "Three soldiers were killed yesterday when a roadside bomb hit their patrol in Arish."
    p_in.write_text(
        json.dumps({"id": "en", "text": english})
        + "\n"
        + json.dumps({"id": "ar", "text": GOOD, "published": "2017-05-02"}, ensure_ascii=False)
        + "\n",
        encoding="utf-8",
    )
    p = run("extract", str(p_in))
    assert p.returncode == 1
    assert "'en'" in p.stderr and "not Arabic" in p.stderr
    assert _doc_ids(p.stdout) == ["ar"]


def test_bad_input_missing_path_and_unparsable_date(tmp_path):
    p_in = tmp_path / "docs.jsonl"
    p_in.write_text(
        json.dumps({"id": "bad-date", "text": GOOD, "published": "next Tuesday"}) + "\n", encoding="utf-8"
    )
    p = run("extract", str(tmp_path / "nowhere.jsonl"), str(p_in), str(_good(tmp_path)))
    assert p.returncode == 1
    assert "nowhere.jsonl" in p.stderr and f"{p_in}:1" in p.stderr
    assert _doc_ids(p.stdout) == ["good"]
