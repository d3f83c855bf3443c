"""Checking single records: canonical values, times, names, and the canonical form."""

from __future__ import annotations

import pytest

from respons.records import Checked, compile_schema
from respons.records.canonical import OutOfRange, canonical_json, content_hash, normalise_at
from respons.syntax.parser import parse_text
from respons.testing import conformance_regime


@pytest.fixture(scope="module")
def schema():
    return compile_schema(conformance_regime())


def complaint(**changes):
    record = {"id": "c", "type": "投诉举报.收到", "at": "2024-03-01T09:30", "投诉编号": "T1",
              "机关": "市场监管局", "类别": "投诉"}
    record.update(changes)
    return {k: v for k, v in record.items() if v is not None}


@pytest.mark.parametrize(("written", "stored"), [
    ("2024-03-01", ("2024-03-01T00:00:00+08:00", "2024-03-01")),
    ("2024-03-01T09:30", ("2024-03-01T09:30:00+08:00", "2024-03-01")),
    ("2024-03-01 09:30:05", ("2024-03-01T09:30:05+08:00", "2024-03-01")),
    ("2024-03-01T09:30:05+08:00", ("2024-03-01T09:30:05+08:00", "2024-03-01")),
    ("2024-02-29T20:00:00Z", ("2024-03-01T04:00:00+08:00", "2024-03-01")),
    ("2024-03-01T23:30:00-05:00", ("2024-03-02T12:30:00+08:00", "2024-03-02")),
    ("2024-03-01T09:30:05.25", ("2024-03-01T09:30:05.250000+08:00", "2024-03-01")),
])
def test_times_are_stored_at_china_standard_time(written, stored):
    assert normalise_at(written) == stored


@pytest.mark.parametrize("bad", ["2024-02-30", "2024-3-1", "yesterday", "2024-03-01T25:00",
                                 "20240301", "",
                                 # forms Python's fromisoformat takes that records.md does not
                                 "2024-W05-1", "2024-W05-1T09:30:00", "2024-061",
                                 "2024-03-01T0930", "2024-03-01T09", "20240301T093000",
                                 "2024-03-01T09:30:00+0800", "2024-03-01T09:30:00+08",
                                 "2024-03-01t09:30", "2024-03-01T09:30z",
                                 "2024-03-01T09:30:00,5", "2024-03-01T09:30:00.1234567",
                                 "2024-03-01T09:30:00+08:00:00", "２０２４-03-01",
                                 "2024-03-01T09:30:00+24:00", " 2024-03-01", "2024-03-01\n"])
def test_bad_times(bad):
    with pytest.raises(ValueError):
        normalise_at(bad)


@pytest.mark.parametrize("written", ["9999-12-31T23:59:59-12:00", "0001-01-01T00:00:00+14:00",
                                     "9999-12-31T20:00:00Z"])
def test_times_china_standard_time_cannot_hold(written, schema):
    with pytest.raises(OutOfRange):
        normalise_at(written)
    (problem,) = schema.check(complaint(at=written))
    assert (problem.code, problem.field) == ("R1108", "at")
    assert problem.message == (f"'at' is \"{written}\", which lies outside the years 0001–9999 "
                               "once converted to China Standard Time (+08:00), at which "
                               "every time is stored")


def test_the_edges_of_what_china_standard_time_holds():
    assert normalise_at("9999-12-31T15:59:59Z") == ("9999-12-31T23:59:59+08:00", "9999-12-31")
    assert normalise_at("0001-01-01T00:00:00+08:00") == ("0001-01-01T00:00:00+08:00",
                                                         "0001-01-01")


CASE = {"id": "a", "type": "案件.立案", "at": "2024-03-02", "案件编号": "A1", "机关": "市场监管局",
        "职权": "行政处罚"}


@pytest.mark.parametrize(("field", "value"), [
    ("立案日期", "2025-W05-1"), ("立案日期", "20250101"), ("立案日期", "2025-001"),
    ("立案日期", "2025-02-29"), ("立案日期", "2025-1-01"), ("立案日期", "２０２５-01-01"),
    ("决定时间", "2025-W05-1T09:30"), ("决定时间", "2025-01-01T0930"),
    ("决定时间", "2025-01-01T09:30:00+0800"),
])
def test_dates_and_datetimes_take_only_the_documented_forms(schema, field, value):
    (problem,) = schema.check(dict(CASE, **{field: value}))
    assert (problem.code, problem.field) == ("R1107", field)


def test_a_date_field_is_stored_as_written(schema):
    checked = schema.check(dict(CASE, 立案日期="2024-02-29"))
    assert '"立案日期":"2024-02-29"' in checked.data


@pytest.mark.parametrize(("field", "value", "stored"), [
    ("当事人数", 2 ** 63 - 1, "9223372036854775807"), ("当事人数", -(2 ** 63),
                                                      "-9223372036854775808"),
    ("当事人数", 1e18, "1000000000000000000"), ("裁量比例", 2 ** 63 - 1, "9223372036854775807"),
    ("裁量比例", 0.5, "0.5"), ("罚款", "9999999999999.99", '"9999999999999.99"'),
    ("罚款", 9999999999999.99, '"9999999999999.99"'), ("罚款", -12.5, '"-12.50"'),
    ("罚款", "-0", '"0.00"'), ("罚款", 0, '"0.00"'), ("罚款", 12, '"12.00"'),
])
def test_numbers_at_the_edges_of_their_range(schema, field, value, stored):
    checked = schema.check(dict(CASE, **{field: value}))
    assert isinstance(checked, Checked), checked
    assert f'"{field}":{stored}' in checked.data


@pytest.mark.parametrize(("field", "value"), [
    ("当事人数", 2 ** 63), ("当事人数", -(2 ** 63) - 1), ("当事人数", 10 ** 400),
    ("当事人数", 1e19),
    ("当事人数", float("inf")), ("裁量比例", 2 ** 63), ("裁量比例", 1e300),
    ("裁量比例", float("inf")), ("裁量比例", float("-inf")), ("罚款", "1e999999999999999999"),
    ("罚款", "1e9999999"), ("罚款", "1e3"), ("罚款", "10000000000000"), ("罚款", 1e13),
    ("罚款", 10 ** 400), ("罚款", "1_000"), ("罚款", " 12"), ("罚款", "+12"), ("罚款", "١٢"),
    ("罚款", "12."), ("罚款", ".5"), ("罚款", "1,000.00"), ("罚款", 1e-05), ("罚款", float("inf")),
    ("罚款", "1.005"), ("罚款", True),
])
def test_numbers_beyond_what_both_stores_keep_are_refused(schema, field, value):
    (problem,) = schema.check(dict(CASE, **{field: value}))
    assert (problem.code, problem.field) == ("R1107", field)


@pytest.mark.parametrize(("written", "stored"), [
    # Year 1 in China, written with an offset: converting through UTC (year 0) must not
    # refuse what +08:00 holds.
    ("0001-01-01T07:00:00+08:00", "0001-01-01T07:00:00+08:00"),
    ("0001-01-01T00:00:00+08:00", "0001-01-01T00:00:00+08:00"),
    ("0001-01-01T07:59:59.5+08:00", "0001-01-01T07:59:59.500000+08:00"),
    ("0001-01-01T01:00:00+09:00", "0001-01-01T00:00:00+08:00"),
    ("0001-01-01T00:00:00Z", "0001-01-01T08:00:00+08:00"),
    ("0001-01-01 07:00+08:00", "0001-01-01T07:00:00+08:00"),
    ("9999-12-31T23:59:59+08:00", "9999-12-31T23:59:59+08:00"),
    ("9999-12-31T23:59:59+09:00", "9999-12-31T22:59:59+08:00"),
])
def test_the_first_and_last_years_with_any_offset(written, stored, schema):
    assert normalise_at(written) == (stored, stored[:10])
    checked = schema.check(complaint(at=written))
    assert isinstance(checked, Checked) and checked.at == stored
    case = {"id": "a", "type": "案件.立案", "at": "2024-03-02", "案件编号": "A1",
            "机关": "市场监管局", "职权": "行政处罚", "决定时间": written}
    assert f'"决定时间":"{stored}"' in schema.check(case).data


@pytest.mark.parametrize("written", ["0001-01-01T00:59:59+09:00", "0001-01-01T07:00:00+23:59",
                                     "9999-12-31T23:59:59+07:59", "9999-12-31T16:00:00Z"])
def test_just_outside_the_years_china_standard_time_holds(written):
    with pytest.raises(OutOfRange):
        normalise_at(written)


def test_equivalent_spellings_are_one_record(schema):
    one = schema.check(complaint(at="2024-03-01T09:30"))
    other = schema.check(dict(reversed(complaint(at="2024-03-01T01:30:00Z").items())))
    assert isinstance(one, Checked) and one == other
    assert (one.id, one.type, one.at) == ("c", "投诉举报.收到", "2024-03-01T09:30:00+08:00")
    assert one.data == '{"投诉编号":"T1","机关":"市场监管局","类别":"投诉"}'
    assert (one.kind, one.event, one.matter, one.at_date) == ("投诉举报", "收到", "T1",
                                                              "2024-03-01")


def test_null_optional_field_is_absent(schema):
    assert schema.check(complaint(被投诉人员=None)) == \
        schema.check({**complaint(), "被投诉人员": None})


def test_canonical_values(schema):
    case = {"id": "a", "type": "案件.立案", "at": "2024-03-02", "案件编号": "A1",
            "机关": "市场监管局", "职权": "行政处罚", "罚款": 1234.5, "当事人数": 2.0,
            "裁量比例": 3.0, "决定时间": "2024-03-02T10:00:00Z"}
    checked = schema.check(case)
    assert '"罚款":"1234.50"' in checked.data and '"当事人数":2,' in checked.data
    assert '"裁量比例":3' in checked.data
    assert '"决定时间":"2024-03-02T18:00:00+08:00"' in checked.data
    assert schema.check(dict(case, 罚款="1234.50")).content_hash == checked.content_hash


def test_qualified_and_ambiguous_names(schema):
    # 执法人员 is a post of both agencies: the record's 机关 settles it, or a qualified name.
    assert isinstance(schema.check(complaint(承办岗位="执法人员")), Checked)
    assert isinstance(schema.check(complaint(承办岗位="司法局.执法人员")), Checked)
    assert isinstance(schema.check(complaint(承办岗位="市场监管局.执法大队.执法人员")), Checked)
    # Only 市场监管局 has 法制审核岗: a bare name one agency declares is unambiguous.
    assert isinstance(schema.check(complaint(机关="司法局", 承办岗位="法制审核岗")), Checked)
    problems = schema.check({"id": "x", "type": "案件.立案", "at": "2024-01-01",
                             "案件编号": "A", "机关": "市场监管局", "职权": "执法督察"})
    assert [p.code for p in problems] == ["R1109"]


def test_ambiguous_post_without_an_agency_says_how_to_qualify():
    parsed = parse_text(
        "制度 甲 { 层级 市 }\n"
        "机关 一局 { 职权 处罚 罚款; 岗位 科员 { 承担 罚款 } }\n"
        "机关 二局 { 职权 处罚 罚没; 岗位 科员 { 承担 罚没 } }\n"
        "记录 登记 { 字段 岗位 岗位; 事件 完成 }\n", "t.resp")
    schema = compile_schema(parsed.regime)
    (problem,) = schema.check({"id": "1", "type": "登记.完成", "at": "2024-01-01",
                               "岗位": "科员"})
    assert problem.code == "R1109"
    assert problem.message == ("field '岗位' names the post (岗位) '科员', which several "
                               "agencies declare (一局, 二局)")
    assert problem.help == 'write it with its agency, such as "一局.科员"'


def test_the_content_hash_frames_every_column():
    """Field names that sort before "type", a correction, an empty key: the content hash is
    of the content columns as a canonical JSON array, whatever the names."""
    parsed = parse_text("制度 甲 { 层级 市 }\n"
                        "记录 log { 主键 case; 字段 amount 数值; 字段 zone 文本; 事件 done }\n",
                        "t.resp")
    schema = compile_schema(parsed.regime)
    record = {"id": "1", "type": "log.done", "at": "2024-01-01", "case": "K",
              "amount": 3, "zone": "东", "corrects": "0"}
    checked = schema.check(record)
    content = ["1", "log.done", "log", "done", "2024-01-01T00:00:00+08:00", "2024-01-01", "K",
               "0", canonical_json({"amount": 3, "case": "K", "zone": "东"})]
    assert list(checked[:-1]) == content
    assert checked.content_hash == content_hash(content)
