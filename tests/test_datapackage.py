"""The processed data as a Frictionless Data Package: valid, complete, matching the manifest."""

from __future__ import annotations

import json
import re
import shutil
from pathlib import Path

import frictionless  # test-only dependency (pyproject.toml's dev extra)
import pytest

from asfdata.paths import MANIFEST_NAME, PROCESSED_DIR
from asfdata.pipeline.contract import PROCESSED_COLUMNS, SOURCE_PUBLISHER
from asfdata.pipeline.datapackage import DATAPACKAGE_NAME
from asfdata.pipeline.write import sha256
from asfdata.render import words
from asfdata.report import edition

PACKAGE = PROCESSED_DIR / DATAPACKAGE_NAME


def errors(package: Path) -> list[list]:
    """Every error frictionless finds in a package: [type, row, field, note]."""
    return frictionless.validate(str(package)).flatten(["type", "rowNumber", "fieldName", "note"])


def descriptor(folder: Path = PROCESSED_DIR) -> dict:
    """The data package descriptor of a folder."""
    return json.loads((folder / DATAPACKAGE_NAME).read_text(encoding="utf-8"))


def file_resources(folder: Path = PROCESSED_DIR) -> dict[str, dict]:
    """The package's resources that are files, by path."""
    return {r["path"]: r for r in descriptor(folder)["resources"] if "path" in r}


def manifest() -> dict[str, str]:
    """MANIFEST.sha256 as file name -> hex digest."""
    lines = (PROCESSED_DIR / MANIFEST_NAME).read_text(encoding="utf-8").splitlines()
    return {name: digest for digest, name in (line.split("  ", 1) for line in lines)}


def tampered(tmp_path: Path, name: str, old: str, new: str, *, rehash: bool = True) -> Path:
    """A copy of data/processed with old replaced by new in one file; its hash and size updated if rehash."""
    folder = tmp_path / "processed"
    shutil.copytree(PROCESSED_DIR, folder)
    path = folder / name
    text = path.read_text(encoding="utf-8")
    assert text.count(old) == 1, f"{old!r} must occur once in {name}"
    data = text.replace(old, new).encode()
    path.write_bytes(data)
    if rehash:
        package = descriptor(folder)
        for r in package["resources"]:
            if r.get("path") == name:
                r["hash"], r["bytes"] = f"sha256:{sha256(data)}", len(data)
        (folder / DATAPACKAGE_NAME).write_text(json.dumps(package, ensure_ascii=False), encoding="utf-8")
    return folder / DATAPACKAGE_NAME


def test_published_package_is_valid():
    assert errors(PACKAGE) == []


def test_every_processed_csv_is_a_resource_with_its_header_as_fields():
    resources = file_resources()
    assert sorted(resources) == sorted(p.name for p in PROCESSED_DIR.glob("*.csv"))
    assert sorted(resources) == sorted(f"{name}.csv" for name in PROCESSED_COLUMNS)  # 6 files
    for path, r in resources.items():
        header = (PROCESSED_DIR / path).read_text(encoding="utf-8").split("\n", 1)[0].split(",")
        assert [f["name"] for f in r["schema"]["fields"]] == header, path


def test_each_resource_hash_and_size_equal_the_manifest():
    listed = manifest()
    for path, r in file_resources().items():
        assert r["hash"] == f"sha256:{listed[path]}", path
        assert r["bytes"] == (PROCESSED_DIR / path).stat().st_size, path
    # The package cannot hold its own hash; the manifest lists it.
    assert listed[DATAPACKAGE_NAME] == sha256(PACKAGE.read_bytes())


def test_schemas_carry_types_units_allowed_values_and_keys():
    resources = file_resources()
    placements = {f["name"]: f for f in resources["funded_placements.csv"]["schema"]["fields"]}
    assert placements["places_granted"] == {
        "name": "places_granted", "type": "integer", "unit": "places",
        "description": "supervised placement places granted", "constraints": {"minimum": 0},
    }
    assert placements["year"]["constraints"] == {"required": True, "enum": [2016, 2017, 2018, 2019, 2020]}
    claims = {f["name"]: f for f in resources["claims.csv"]["schema"]["fields"]}
    flag = claims["approximate"]
    assert (flag["type"], flag["trueValues"], flag["falseValues"]) == ("boolean", ["true"], ["false"])
    assert "required" not in claims["municipality"].get("constraints", {})  # empty when none
    audit = resources["audit.csv"]["schema"]
    assert audit["primaryKey"] == ["audit_id"]
    links = resources["audit_statements.csv"]["schema"]
    assert links["primaryKey"] == ["audit_id", "statement_id"]
    assert links["foreignKeys"] == [
        {"fields": ["audit_id"], "reference": {"resource": "audit", "fields": ["audit_id"]}},
        {"fields": ["statement_id"], "reference": {"resource": "statements", "fields": ["statement_id"]}},
    ]
    cites = resources["audit_assumptions.csv"]["schema"]["foreignKeys"]
    assert cites[1] == {"fields": ["assumption_id"],
                        "reference": {"resource": "assumptions", "fields": ["id"]}}
    statements = resources["statements.csv"]["schema"]
    assert statements["primaryKey"] == ["statement_id"]
    assert statements["foreignKeys"] == [
        {"fields": ["claim_id"], "reference": {"resource": "claims", "fields": ["claim_id"]}}]
    status = next(f for f in audit["fields"] if f["name"] == "status")
    assert status["constraints"]["enum"] == ["approximate", "consistent_if", "mismatch", "ok"]
    outcomes = resources["funded_outcomes.csv"]["schema"]
    assert outcomes["primaryKey"] == ["year", "municipality", "outcome", "gender"]
    assert {"fields": ["year", "municipality"],
            "reference": {"resource": "funded_placements", "fields": ["year", "municipality"]}
            } in outcomes["foreignKeys"]


def test_units_of_measures_and_codes_can_be_looked_up_in_the_package():
    inline = {r["name"]: r["data"] for r in descriptor()["resources"] if "data" in r}
    assert sorted(inline) == ["event_kinds", "measures", "outcomes"]  # municipalities.csv is a file
    header, *rows = inline["measures"]
    units = {row[header.index("measure")]: row[header.index("unit")] for row in rows}
    assert (units["informed"], units["staffing_percent"]) == ("people", "percent of full time")
    assert len(rows) == 21  # every row of data/raw/reference/measures.csv (milestones: A16)


def test_what_the_chapters_read_besides_the_figures_is_a_resource_with_its_key():
    resources = file_resources()
    keys = {path: resources[path]["schema"]["primaryKey"]
            for path in ("inventory.csv", "assumptions.csv", "municipalities.csv")}
    assert keys == {"inventory.csv": ["line", "column"], "assumptions.csv": ["id"],
                    "municipalities.csv": ["municipality"]}
    inventory = {f["name"]: f for f in resources["inventory.csv"]["schema"]["fields"]}
    assert inventory["status"]["constraints"] == {"enum": ["excluded", "transcribed"]}
    assert inventory["row"]["type"] == "integer" and "constraints" not in inventory["row"]  # empty: excluded
    region = next(f for f in resources["municipalities.csv"]["schema"]["fields"] if f["name"] == "region")
    assert region["constraints"] == {"required": True, "enum": ["Gästrikland", "Hälsingland"]}


def test_sources_and_licence_are_stated():
    package = descriptor()
    assert [lic["name"] for lic in package["licenses"]] == ["CC-BY-4.0"]
    (source,) = package["sources"]
    assert source["publisher"] == SOURCE_PUBLISHER == "Samordningsförbund Gävleborg"
    assert source["period"] == "2016-08/2020-12"
    assert source["rights"] == f"all rights to the report remain with its publisher, {SOURCE_PUBLISHER}"


def test_package_bytes_are_reproducible():
    text = PACKAGE.read_text(encoding="utf-8")
    assert text == json.dumps(json.loads(text), ensure_ascii=False, indent=2, sort_keys=True) + "\n"
    assert re.findall(r"\d{4}-\d{2}-\d{2}", text) == []  # no build date


def test_a_broken_foreign_key_fails_validation(tmp_path):
    # Hudiksvall 2017 -> Nordanstig 2017: a known municipality, but no funded places that year.
    package = tampered(tmp_path, "funded_outcomes.csv", "2017,Hudiksvall,", "2017,Nordanstig,")
    assert errors(package) == [[
        "foreign-key", 2, None,
        'for "year, municipality": values "2017, Nordanstig" not found in the lookup table '
        '"funded_placements" as "year, municipality"',
    ]]


def test_an_audit_row_naming_an_unknown_statement_fails_validation(tmp_path):
    # the staffing range's upper end, misspelt in the link table: no such statement in statements.csv
    package = tampered(tmp_path, "audit_statements.csv", "staffing-2019-raised,staffing-range-max\n",
                       "staffing-2019-raised,staffing-range-maximum\n")
    assert [e[:3] for e in errors(package)] == [["foreign-key", 23, None]]  # row 23, after the header
    assert "staffing-range-maximum" in errors(package)[0][3]


def test_a_wrong_type_fails_validation(tmp_path):
    # Hofors 2016 granted "four" places instead of 4 (row 2 of funded_placements.csv).
    package = tampered(tmp_path, "funded_placements.csv", "arbetsmarknaden,4,0,", "arbetsmarknaden,four,0,")
    assert errors(package) == [["type-error", 2, "places_granted", 'type is "integer/default"']]


def test_a_file_changed_without_its_hash_fails_validation(tmp_path):
    # 34 companies in 2016 -> 35: same size, different SHA-256.
    package = tampered(tmp_path, "snapshots.csv", "2016,companies,total,all,34,",
                       "2016,companies,total,all,35,", rehash=False)
    assert [e[0] for e in errors(package)] == ["hash-count"]


@pytest.mark.parametrize("lang", ["en", "sv"])
def test_the_report_s_about_names_as_many_tables_as_the_package_lists(tmp_path, lang):
    n = len(json.loads(PACKAGE.read_text(encoding="utf-8"))["resources"])  # 14 CSV files, 3 inline: 17
    about = edition.word("data", lang, tables=edition.package_tables(PROCESSED_DIR))
    assert about == words.t("report_data", lang, tables=str(n)) and f" {n} " in about
    assert edition.package_tables(tmp_path) == "\u2013"  # no package: a dash, not a count
