# Opens every page of a built site in headless Chromium at 1280 and 360 px, light and dark, and runs the checks in checks/.
"""Usage: run.py SITE_DIR

Drives Chromium over the DevTools protocol (one websocket, one flattened session per page
view). Every module in checks/ exposes `check(page)` returning failure strings; each
module run on each page view is one check. Prints one line per failure, the figures the
checks recorded, and `browser: N checks passed, M failed`; exits 1 when any check fails.
"""

import importlib.util
import json
import os
import pathlib
import shutil
import subprocess
import sys
import tempfile
import time
import urllib.parse

import websocket

WIDTHS = (1280, 360)
SCHEMES = ("light", "dark")
HEIGHT = 900
LOAD_TIMEOUT = 30.0


class DevTools:
    """One websocket to the browser; commands wait for their reply, events go to their session's page."""

    def __init__(self, url):
        self.socket = websocket.create_connection(url, timeout=LOAD_TIMEOUT, suppress_origin=True)
        self.next_id = 0
        self.pages = {}

    def send(self, method, params=None, session=None, timeout=LOAD_TIMEOUT):
        self.next_id += 1
        message = {"id": self.next_id, "method": method, "params": params or {}}
        if session:
            message["sessionId"] = session
        self.socket.send(json.dumps(message))
        deadline = time.monotonic() + timeout
        while True:
            reply = self.receive(deadline, f"{method} got no reply")
            if reply.get("id") == self.next_id:
                if "error" in reply:
                    raise RuntimeError(f"{method}: {reply['error'].get('message')}")
                return reply.get("result", {})

    def receive(self, deadline, what):
        """The next message; events are handed to their page on the way."""
        remaining = deadline - time.monotonic()
        if remaining <= 0:
            raise TimeoutError(what)
        self.socket.settimeout(remaining)
        try:
            message = json.loads(self.socket.recv())
        except websocket.WebSocketTimeoutException:
            raise TimeoutError(what) from None
        if "method" in message:
            page = self.pages.get(message.get("sessionId"))
            if page:
                page.on_event(message["method"], message.get("params", {}))
        return message

    def wait_for(self, condition, timeout, what):
        deadline = time.monotonic() + timeout
        while not condition():
            self.receive(deadline, what)


class Page:
    """One page of the site at one width and colour scheme, as the checks see it."""

    def __init__(self, devtools, site, path, width, scheme):
        self.devtools = devtools
        self.site = site
        self.name = path.relative_to(site).as_posix()
        self.url = path.as_uri()
        self.width = width
        self.scheme = scheme
        self.console_errors = []
        self.requests = []
        self.loaded = False
        target = devtools.send("Target.createTarget", {"url": "about:blank"})
        self.target = target["targetId"]
        self.session = devtools.send("Target.attachToTarget", {"targetId": self.target, "flatten": True})["sessionId"]
        devtools.pages[self.session] = self
        for domain in ("Page", "Runtime", "Log", "Network"):
            self.send(domain + ".enable")
        self.send("Emulation.setDeviceMetricsOverride",
                  {"width": width, "height": HEIGHT, "deviceScaleFactor": 1, "mobile": width < 600})
        self.send("Emulation.setTouchEmulationEnabled", {"enabled": width < 600})
        self.send("Emulation.setEmulatedMedia",
                  {"media": "screen", "features": [{"name": "prefers-color-scheme", "value": scheme}]})
        self.send("Page.navigate", {"url": self.url})
        devtools.wait_for(lambda: self.loaded, LOAD_TIMEOUT, f"{self.name} did not finish loading")
        # Deferred scripts have run by the load event; let their first frame settle.
        self.evaluate("new Promise(r => requestAnimationFrame(() => requestAnimationFrame(() => r(true))))")

    def on_event(self, method, params):
        if method == "Page.loadEventFired":
            self.loaded = True
        elif method == "Runtime.consoleAPICalled" and params.get("type") in ("error", "assert"):
            text = " ".join(str(a.get("value", a.get("description", ""))) for a in params.get("args", []))
            self.console_errors.append(text)
        elif method == "Runtime.exceptionThrown":
            details = params.get("exceptionDetails", {})
            exception = details.get("exception", {})
            self.console_errors.append(exception.get("description") or details.get("text", "exception"))
        elif method == "Log.entryAdded" and params.get("entry", {}).get("level") == "error":
            entry = params["entry"]
            self.console_errors.append(entry.get("text", "") + (" (" + entry["url"] + ")" if entry.get("url") else ""))
        elif method == "Network.requestWillBeSent":
            self.requests.append(params.get("request", {}).get("url", ""))

    def send(self, method, params=None):
        return self.devtools.send(method, params, session=self.session)

    # MARK: - What checks call

    def evaluate(self, expression):
        """The value of a JavaScript expression in the page (promises awaited), as JSON data."""
        result = self.send("Runtime.evaluate", {"expression": expression, "returnByValue": True, "awaitPromise": True})
        if "exceptionDetails" in result:
            details = result["exceptionDetails"]
            raise RuntimeError(details.get("exception", {}).get("description") or details.get("text"))
        return result.get("result", {}).get("value")

    def in_site(self, url):
        """Whether `url` names a file inside the site folder (or is inline data)."""
        if url.startswith("data:") or url == "about:blank":
            return True
        if not url.startswith("file://"):
            return False
        path = pathlib.Path(urllib.parse.unquote(urllib.parse.urlsplit(url).path))
        return os.path.normpath(path).startswith(str(self.site) + os.sep)

    def mouse_move(self, x, y):
        self.send("Input.dispatchMouseEvent", {"type": "mouseMoved", "x": x, "y": y})

    def click(self, x, y):
        for kind in ("mousePressed", "mouseReleased"):
            self.send("Input.dispatchMouseEvent", {"type": kind, "x": x, "y": y, "button": "left", "clickCount": 1})

    def tap(self, x, y):
        self.send("Input.dispatchTouchEvent", {"type": "touchStart", "touchPoints": [{"x": x, "y": y}]})
        self.send("Input.dispatchTouchEvent", {"type": "touchEnd", "touchPoints": []})

    def press(self, key, code=None, key_code=0):
        """A key pressed and released on the focused element, e.g. press("ArrowRight", key_code=39)."""
        for kind in ("rawKeyDown", "keyUp"):
            self.send("Input.dispatchKeyEvent", {"type": kind, "key": key, "code": code or key,
                                                 "windowsVirtualKeyCode": key_code})

    def settle(self):
        """Waits two animation frames, so what an interaction changed is laid out."""
        self.evaluate("new Promise(r => requestAnimationFrame(() => requestAnimationFrame(() => r(true))))")

    def record(self, figure, value, where):
        """Notes a measured figure (e.g. the smallest SVG text); the run prints the smallest per width."""
        key = (figure, self.width)
        best = RECORDED.get(key)
        if best is None or value < best[0]:
            RECORDED[key] = (value, f"{self.name} {self.scheme}: {where}")

    def close(self):
        self.devtools.pages.pop(self.session, None)
        self.devtools.send("Target.closeTarget", {"targetId": self.target})


RECORDED = {}


def load_checks():
    folder = pathlib.Path(__file__).resolve().parent / "checks"
    checks = []
    for path in sorted(folder.glob("*.py")):
        if path.name.startswith("_"):
            continue
        spec = importlib.util.spec_from_file_location("browser_check_" + path.stem, path)
        module = importlib.util.module_from_spec(spec)
        spec.loader.exec_module(module)
        if hasattr(module, "check"):
            checks.append((path.stem, module.check))
    return checks


def start_browser(profile):
    browser = shutil.which("chromium") or shutil.which("chromium-browser")
    if not browser:
        sys.exit("browser: chromium not found; scripts/browser-test.sh installs it")
    process = subprocess.Popen(
        [browser, "--headless", "--no-sandbox", "--disable-gpu", "--remote-debugging-port=0",
         "--remote-allow-origins=*", f"--user-data-dir={profile}", "--no-first-run", "--no-default-browser-check",
         "--disable-background-networking", "--disable-component-update", "--disable-sync",
         "--disable-default-apps", "--disable-extensions", "--lang=zh-CN", "about:blank"],
        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    port_file = pathlib.Path(profile) / "DevToolsActivePort"
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        if port_file.exists():
            lines = port_file.read_text().split()
            if len(lines) >= 2:
                return process, f"ws://127.0.0.1:{lines[0]}{lines[1]}"
        if process.poll() is not None:
            break
        time.sleep(0.1)
    process.kill()
    sys.exit("browser: chromium did not open its DevTools port")


def main(argv):
    if len(argv) != 2:
        sys.exit("usage: run.py SITE_DIR")
    site = pathlib.Path(argv[1]).resolve()
    pages = sorted(site.rglob("*.html"))
    if not pages:
        sys.exit(f"browser: no pages in {site}")
    checks = load_checks()
    passed = failed = 0
    profile = tempfile.mkdtemp(prefix="litbook-browser-")
    process, url = start_browser(profile)
    try:
        devtools = DevTools(url)
        for path in pages:
            for width in WIDTHS:
                for scheme in SCHEMES:
                    page = Page(devtools, site, path, width, scheme)
                    for name, check in checks:
                        try:
                            failures = list(check(page))
                        except Exception as error:  # a check that breaks is a failure, not a crash
                            failures = [f"check {name} raised {type(error).__name__}: {error}"]
                        for failure in failures:
                            print(f"FAIL {page.name} {width}px {scheme}: {failure}", flush=True)
                        if failures:
                            failed += 1
                        else:
                            passed += 1
                    page.close()
    finally:
        process.terminate()
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()
        shutil.rmtree(profile, ignore_errors=True)
    for (figure, width), (value, where) in sorted(RECORDED.items()):
        print(f"browser: {figure} at {width} px: {value:g} ({where})")
    print(f"browser: {passed} checks passed, {failed} failed")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
