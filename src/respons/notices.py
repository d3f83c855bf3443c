"""An issued notice (文书): a notice of the regime with its values filled in.

Notice-format plugins render an `IssuedNotice` to bytes. The values are keyed by the
notice's required elements; `missing()` names the elements left empty, so a format never
has to guess.
"""

from __future__ import annotations

import datetime as dt

import attrs

from respons.model.notice import Notice


@attrs.frozen
class IssuedNotice:
    notice: Notice
    number: str
    date: dt.date
    issuer: str
    recipient: str
    values: dict[str, str] = attrs.Factory(dict)
    citation: str = ""

    @property
    def title(self) -> str:
        return self.notice.title or self.notice.name

    def missing(self) -> list[str]:
        return [e for e in self.notice.elements if not str(self.values.get(e, "")).strip()]
