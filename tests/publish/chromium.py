"""Headless Chromium driven over the DevTools protocol on a pipe, from the standard library.

Chromium started with ``--remote-debugging-pipe`` reads protocol commands from its file
descriptor 3 and writes responses and events to 4, each message JSON ended by a NUL byte.
That is all the browser test needs — open a page, collect what it logs and requests, read
its DOM, take a screenshot — without Selenium, Playwright or a browser download: Debian's
``chromium`` package is the browser.
"""

from __future__ import annotations

import base64
import contextlib
import fcntl
import json
import os
import select
import shutil
import subprocess
import sys
import tempfile
import time

#: Where Debian and others put the browser.
NAMES = ("chromium", "chromium-browser", "google-chrome", "google-chrome-stable")


def find_chromium() -> str | None:
    override = os.environ.get("RESPONS_CHROMIUM")
    if override:
        return override if shutil.which(override) else None
    for name in NAMES:
        found = shutil.which(name)
        if found:
            return found
    return None


def _high(fd: int) -> int:
    moved = fcntl.fcntl(fd, fcntl.F_DUPFD, 10)
    os.close(fd)
    return moved


class ProtocolError(RuntimeError):
    pass


class Chromium:
    """One headless browser with one page (a target attached in flat mode)."""

    def __init__(self, executable: str, *, width: int, height: int, timeout: float = 20):
        self.timeout = timeout
        self.profile = tempfile.mkdtemp(prefix="respons-chromium-")
        commands_read, self._commands = os.pipe()
        self._replies, replies_write = os.pipe()
        # The child's ends move above 9, so that putting them on 3 and 4 overwrites neither.
        commands_read, replies_write = _high(commands_read), _high(replies_write)
        # --no-sandbox: CI runs as root, for whom Chromium's sandbox will not start; the
        # pages opened are the site's own files. The rest keeps a fresh profile quiet and
        # off the network (no component updates, no sync).
        flags = ["--headless", "--remote-debugging-pipe", "--no-sandbox", "--disable-gpu",
                 "--no-first-run", "--no-default-browser-check", "--hide-scrollbars",
                 "--disable-extensions", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync", "--mute-audio",
                 "--font-render-hinting=none", "--force-color-profile=srgb",
                 f"--user-data-dir={self.profile}", "about:blank"]
        # A small Python puts the two pipe ends on descriptors 3 and 4, where Chromium looks
        # (a POSIX shell's redirections reach only descriptors 0-9).
        exec_on_3_and_4 = ("import os, sys; r, w = int(sys.argv[1]), int(sys.argv[2]); "
                           "os.dup2(r, 3); os.dup2(w, 4); os.close(r); os.close(w); "
                           "os.execv(sys.argv[3], sys.argv[3:])")
        self.process = subprocess.Popen(
            [sys.executable, "-c", exec_on_3_and_4, str(commands_read), str(replies_write),
             executable, *flags], pass_fds=(commands_read, replies_write),
            stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        os.close(commands_read)
        os.close(replies_write)
        self._buffer = b""
        self._next = 0
        self.events: list[dict] = []
        target = self.call("Target.createTarget", url="about:blank")["targetId"]
        self.session = self.call("Target.attachToTarget", targetId=target,
                                 flatten=True)["sessionId"]
        for domain in ("Page", "Runtime", "Log", "Network"):
            self.call(f"{domain}.enable", session=True)
        # A phone: ``mobile`` makes the page's viewport meta count, as on a phone.
        self.call("Emulation.setDeviceMetricsOverride", session=True, width=width,
                  height=height, deviceScaleFactor=1, mobile=True)

    # ── the protocol ────────────────────────────────────────────────────────────
    def _send(self, message: dict) -> None:
        data = json.dumps(message).encode() + b"\0"
        while data:
            written = os.write(self._commands, data)
            data = data[written:]

    def _receive(self, deadline: float) -> dict:
        while b"\0" not in self._buffer:
            left = deadline - time.monotonic()
            if left <= 0 or not select.select([self._replies], [], [], left)[0]:
                raise ProtocolError("no answer from chromium in time")
            chunk = os.read(self._replies, 1 << 16)
            if not chunk:
                raise ProtocolError("chromium closed the pipe")
            self._buffer += chunk
        message, _, self._buffer = self._buffer.partition(b"\0")
        return json.loads(message)

    def call(self, method: str, *, session: bool = False, **params) -> dict:
        self._next += 1
        message = {"id": self._next, "method": method, "params": params}
        if session:
            message["sessionId"] = self.session
        self._send(message)
        deadline = time.monotonic() + self.timeout
        while True:
            reply = self._receive(deadline)
            if reply.get("id") == self._next:
                if "error" in reply:
                    raise ProtocolError(f"{method}: {reply['error']}")
                return reply.get("result", {})
            if "method" in reply:
                self.events.append(reply)

    def wait_for(self, method: str) -> dict:
        deadline = time.monotonic() + self.timeout
        for number, event in enumerate(self.events):
            if event["method"] == method:
                return self.events.pop(number)
        while True:
            event = self._receive(deadline)
            if event.get("method") == method:
                return event
            if "method" in event:
                self.events.append(event)

    # ── what a test asks ────────────────────────────────────────────────────────
    def open(self, url: str) -> list[dict]:
        """Load ``url`` and return the events it caused (console, log, requests…)."""
        self.events.clear()
        navigated = self.call("Page.navigate", session=True, url=url)
        if navigated.get("errorText"):
            raise ProtocolError(f"{url}: {navigated['errorText']}")
        self.wait_for("Page.loadEventFired")
        # A round trip through the page's task queue lets anything queued by the load (a
        # console message of a script run at load) arrive first.
        self.evaluate("new Promise(r => setTimeout(r, 0))", awaited=True)
        events, self.events = self.events, []
        return events

    def evaluate(self, expression: str, *, awaited: bool = False):
        result = self.call("Runtime.evaluate", session=True, expression=expression,
                           returnByValue=True, awaitPromise=awaited)
        if "exceptionDetails" in result:
            raise ProtocolError(f"evaluate: {result['exceptionDetails']}")
        return result["result"].get("value")

    def screenshot(self) -> bytes:
        data = self.call("Page.captureScreenshot", session=True, format="png")["data"]
        return base64.b64decode(data)

    def close(self) -> None:
        with contextlib.suppress(ProtocolError, OSError):
            self.call("Browser.close")
        try:
            self.process.wait(timeout=5)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()
        for fd in (self._commands, self._replies):
            with contextlib.suppress(OSError):
                os.close(fd)
        shutil.rmtree(self.profile, ignore_errors=True)


def problems(events: list[dict]) -> list[str]:
    """What a page must not cause: a console error, an uncaught exception, an error in the
    browser's log (a resource that failed to load), a request to anything but a file."""
    found = []
    for event in events:
        method, params = event["method"], event.get("params", {})
        if method == "Runtime.consoleAPICalled" and params.get("type") in ("error", "assert"):
            texts = [a.get("value", a.get("description", "")) for a in params.get("args", [])]
            found.append("console error: " + " ".join(map(str, texts)))
        elif method == "Runtime.exceptionThrown":
            found.append("exception: " + json.dumps(params.get("exceptionDetails", {}))[:300])
        elif method == "Log.entryAdded" and params.get("entry", {}).get("level") == "error":
            entry = params["entry"]
            found.append(f"log error: {entry.get('text')} {entry.get('url', '')}".strip())
        elif method == "Network.requestWillBeSent":
            url = params.get("request", {}).get("url", "")
            if not url.startswith(("file://", "data:")):
                found.append(f"request to {url}")
    return found
