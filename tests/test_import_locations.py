"""Where imported files were found: remembered at once, written to the user's data folder on a thread of its own."""

from __future__ import annotations

import json

from desktop_app.project.locations import ImportLocations


def test_a_remembered_location_is_known_at_once_and_on_disk_after_flush(tmp_path):
    path = tmp_path / "data" / "import_locations.json"
    locations = ImportLocations(path)
    log = tmp_path / "returns" / "log.xlsx"
    locations.remember_paths({"aa" * 32: str(log)})
    assert locations.path_of("aa" * 32) == log  # the window asks before the disk has it: answered from memory
    locations.remember_paths({"bb" * 32: str(tmp_path / "other.xlsx"), "cc" * 32: "relative.xlsx"})
    locations.flush()
    assert json.loads(path.read_text(encoding="utf-8")) == {
        "aa" * 32: str(log),
        "bb" * 32: str(tmp_path / "other.xlsx"),
    }
    assert ImportLocations(path).path_of("aa" * 32) == log  # the next session on this machine knows it


def test_the_newest_write_wins(tmp_path):
    path = tmp_path / "import_locations.json"
    locations = ImportLocations(path)
    for number in range(20):
        locations.remember_paths({"aa" * 32: str(tmp_path / f"log-{number}.xlsx")})
    locations.flush()
    assert ImportLocations(path).path_of("aa" * 32) == tmp_path / "log-19.xlsx"
