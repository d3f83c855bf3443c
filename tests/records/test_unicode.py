"""Ids, keys and text are stored in Unicode Normalization Form C (NFC): two spellings that
print alike (``é`` as one character or as ``e`` and a combining accent; a CJK compatibility
ideograph and its unified form) are one value — one matter, one record, one hash."""

from __future__ import annotations

import hashlib
import json
import unicodedata

import pytest

from respons.records import Checked, compile_schema
from respons.testing import conformance_regime


def nfc(text: str) -> str:
    return unicodedata.normalize("NFC", text)


def nfd(text: str) -> str:
    return unicodedata.normalize("NFD", text)


#: 行 (U+FA08) and 李 (U+F9E1), 类 (U+FAAE), 不 (U+F967): compatibility ideographs, which NFC
#: turns into the unified ideographs 行 李 类 不 they print as.
COMPAT_XING, COMPAT_LI, COMPAT_LEI, COMPAT_BU = "\ufa08", "\uf9e1", "\ufaae", "\uf967"


@pytest.fixture(scope="module")
def schema():
    return compile_schema(conformance_regime())


def test_the_spellings_differ_but_print_alike():
    assert nfd("K-Café") != nfc("K-Café") and nfc(nfd("K-Café")) == nfc("K-Café")
    assert nfc(COMPAT_XING) == "行" and nfc(COMPAT_LI) == "李" and nfc(COMPAT_LEI) == "类"
    assert nfc(COMPAT_BU) == "不"


def test_a_key_in_two_spellings_is_one_matter(respons, duty_regime, tmp_path):
    """收到 keyed K-Café in NFC, its 办结 keyed the same in NFD: met, not a false breach."""
    records = tmp_path / "in.jsonl"
    rows = [{"id": "r1", "type": "投诉.收到", "at": "2025-01-02", "投诉编号": nfc("K-Café"),
             "机关": "市场监管局"},
            {"id": "r2", "type": "投诉.办结", "at": "2025-01-06", "投诉编号": nfd("K-Café"),
             "机关": "市场监管局"}]
    records.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows), "utf-8")
    result = respons("run", str(duty_regime), str(records), "--format", "json",
                     f"--store=sqlite:///{tmp_path / 's.db'}", "--as-of", "2025-03-25")
    assert result.exit_code == 0, result.stdout + result.stderr
    totals = json.loads(result.stdout)["evaluation"]["totals"]
    assert (totals["met"], totals["overdue"]) == (1, 0), totals


def test_ids_keys_names_and_text_are_stored_in_nfc(schema):
    written = {"id": nfd("Café-1"), "type": "案件.立案", "at": "2024-01-01",
               "案件编号": nfd("A-Café"), "机关": "市场监管局", "职权": COMPAT_XING + "政处罚",
               "案情": nfd("café ") + COMPAT_LI + "四", "来源投诉": nfd("T-Café")}
    checked = schema.check(written)
    assert isinstance(checked, Checked), checked
    same = {k: nfc(v) for k, v in written.items()}
    expected = schema.check(same)
    assert checked == expected
    assert checked.id == nfc("Café-1") and checked.matter == nfc("A-Café")
    assert all(unicodedata.is_normalized("NFC", value) for value in checked if value)
    assert '"职权":"行政处罚"' in checked.data and '"案情":"café 李四"' in checked.data
    # The hash is of the normal form: the content columns as a canonical JSON array.
    framed = json.dumps(list(checked[:-1]), ensure_ascii=False, separators=(",", ":"))
    assert checked.content_hash == hashlib.sha256(framed.encode("utf-8")).hexdigest()


def test_corrects_a_member_name_and_an_officer_are_normalised(schema):
    record = {"id": "c", "type": "投诉举报.收到", "at": "2024-03-01", "投诉编号": "T1",
              "机关": "市场监管局", COMPAT_LEI + "别": "投诉", "被投诉人员": COMPAT_LI + "四",
              "corrects": nfd("Café-0")}
    checked = schema.check(record)
    assert isinstance(checked, Checked), checked
    assert checked.corrects == nfc("Café-0")
    assert '"类别":"投诉"' in checked.data and '"被投诉人员":"李四"' in checked.data


def test_a_member_given_in_two_spellings_is_given_twice(schema):
    record = {"id": "c", "type": "投诉举报.收到", "at": "2024-03-01", "投诉编号": "T1",
              "机关": "市场监管局", "类别": "投诉", COMPAT_LEI + "别": "举报"}
    (problem,) = schema.check(record)
    assert problem.code == "R1102" and problem.field == "类别"
    assert "twice" in problem.message


def test_a_choice_in_another_spelling_is_the_choice(respons, duty_regime, tmp_path):
    from respons.check.runner import check_paths

    (resolved,) = check_paths([str(duty_regime)], None).resolved
    checked = compile_schema(resolved.regime).check(
        {"id": "x", "type": "投诉.收到", "at": "2025-01-02", "投诉编号": "K",
         "机关": "市场监管局", "类别": COMPAT_BU + "予受理"})
    assert isinstance(checked, Checked), checked
    assert '"类别":"不予受理"' in checked.data


@pytest.mark.parametrize("backend", ["sqlite_url", "postgresql_url"])
def test_the_same_record_in_another_spelling_is_already_there(respons, regime, tmp_path,
                                                              request, backend):
    record = {"id": "Café-1", "type": "案件.立案", "at": "2024-01-01", "案件编号": "A-Café",
              "机关": "市场监管局", "职权": "行政处罚", "案情": "Café"}
    first, second = tmp_path / "nfc.jsonl", tmp_path / "nfd.jsonl"
    first.write_text(json.dumps({k: nfc(v) for k, v in record.items()},
                                ensure_ascii=False) + "\n", "utf-8")
    second.write_text(json.dumps({k: nfd(v) for k, v in record.items()},
                                 ensure_ascii=False) + "\n", "utf-8")
    url = request.getfixturevalue(backend)
    store = f"--store={url}"
    assert respons("ingest", regime, str(first), store).exit_code == 0
    again = respons("ingest", regime, str(second), store, "--format", "json")
    assert again.exit_code == 0, again.stdout
    (report,) = json.loads(again.stdout)["files"]
    assert (report["stored"], report["duplicates"]) == (0, 1)
    # What is stored is the normal form, on either backend.
    from respons.registry import Registry, plugin_manager
    from respons.store import open_store

    with open_store(url, Registry(plugin_manager())) as target:
        (stored,) = list(target.ledger.scan())
    assert stored.id == nfc("Café-1") and stored.matter == nfc("A-Café")
    assert unicodedata.is_normalized("NFC", stored.data)


def test_a_regime_spelling_a_value_decomposed_meets_records_in_nfc(respons, duty_regime,
                                                                    tmp_path):
    """The regime's 限于 value typed as e + ◌́ (NFD) and the record's as é: records are kept
    in NFC, and so are the regime's names and strings, so the duty starts."""
    regime = tmp_path / "nfd.resp"
    decomposed = '"' + nfd("Café") + '"'
    text = duty_regime.read_text("utf-8").replace('"不予受理"', f'"不予受理", {decomposed}')
    regime.write_text(text.replace("起算 投诉.收到", f"起算 投诉.收到 限于 类别 = {decomposed}"),
                      "utf-8")
    records = tmp_path / "in.jsonl"
    row = {"id": "r1", "type": "投诉.收到", "at": "2025-01-02", "投诉编号": "K-1",
           "机关": "市场监管局", "类别": nfc("Café")}
    records.write_text(json.dumps(row, ensure_ascii=False) + "\n", "utf-8")
    result = respons("run", str(regime), str(records), "--format", "json",
                     f"--store=sqlite:///{tmp_path / 's.db'}", "--as-of", "2025-03-25")
    assert result.exit_code == 0, result.stdout + result.stderr
    totals = json.loads(result.stdout)["evaluation"]["totals"]
    assert totals["overdue"] == 1, totals
