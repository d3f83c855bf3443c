"""Fixtures for the records tests: the conformance regime and a store in a temporary folder."""

from __future__ import annotations

import signal

import pytest

from respons.testing import regime_path


@pytest.fixture
def regime():
    return str(regime_path())


@pytest.fixture
def store_arg(tmp_path):
    return f"--store=sqlite:///{tmp_path / 'store.db'}"


#: A small regime with one duty: a complaint received (投诉.收到) is closed (投诉.办结)
#: within 15 working days, keyed by 投诉编号.
DUTY_REGIME = """制度 某市投诉处理规定 {
  层级 市
  制定机关 "某市人民政府"
  施行 2024-01-01
  日历 cn
}

机关 市场监管局 〔第二条〕 {
  性质 法定
  职权 处罚 行政处罚
  岗位 承办人员 {
    承担 行政处罚
  }
}

记录 投诉 〔第三条〕 {
  主键 投诉编号
  字段 机关 机关
  字段 承办人 人员 可选
  字段 类别 之一 "投诉", "举报", "不予受理" 可选
  字段 摘要 文本 可选
  事件 收到, 办结
}

职责 办结投诉 〔第四条〕 {
  起算 投诉.收到
  期限 15 工作日
  完成 投诉.办结
  负责 承办人
}
"""


@pytest.fixture
def duty_regime(tmp_path):
    """The path of `DUTY_REGIME`, written to the test's folder."""
    path = tmp_path / "complaints.resp"
    path.write_text(DUTY_REGIME, "utf-8")
    return path


@pytest.fixture
def deadline():
    """Fail a test that blocks (opening a FIFO, reading a device) instead of hanging the
    suite: ``deadline(seconds)`` arms an alarm that raises TimeoutError."""

    def expire(signum, frame):
        raise TimeoutError("the test blocked: respons waited on a file that never ends")

    previous = signal.signal(signal.SIGALRM, expire)

    def arm(seconds: int = 20) -> None:
        signal.alarm(seconds)

    yield arm
    signal.alarm(0)
    signal.signal(signal.SIGALRM, previous)
