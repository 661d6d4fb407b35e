"""The one reader of the data files: header, comments, padding, and errors naming the file and line."""

import pytest

from marsad.datafiles import DataFileError, parse_rows, read_rows


def test_rows_are_keyed_by_the_files_own_header_with_line_numbers():
    text = "# a comment\nword\trole\tnote\n\nو\tconjunction\nفي\tpreposition\t x \n"
    assert parse_rows(text, "t.tsv") == [
        (4, {"word": "و", "role": "conjunction", "note": ""}),
        (5, {"word": "في", "role": "preposition", "note": "x"}),
    ]


def test_a_row_longer_than_the_header_names_its_file_and_line():
    with pytest.raises(DataFileError, match=r"^t\.tsv:3: 3 cells, the header has 2$"):
        parse_rows("word\trole\nو\tconjunction\nفي\tpreposition\textra\n", "t.tsv")


def test_every_packaged_data_file_reads():
    # The files other readers use, read through the one reader: none breaks its header.
    files = [("marsad.actors", "data/actors.tsv"), ("marsad.geo.data", "context.tsv"),
             ("marsad.events", "data/place_lists.tsv"), ("marsad.geo.data", "list_nouns.tsv"),
             ("marsad.events", "data/constructions.tsv"), ("marsad.events", "data/toll_references.tsv")]
    for package, name in files:
        assert read_rows(package, name), name
