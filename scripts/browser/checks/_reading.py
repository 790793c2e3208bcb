# Helpers the reading checks share: navigating the page view and waiting for (or ruling out) a navigation.

import time

NAVIGATION_TIMEOUT = 15.0


def navigate(page, url):
    """Opens `url` in the page view and waits for its load event and first frames."""
    expect_navigation(page, lambda: page.send("Page.navigate", {"url": url}))


def expect_navigation(page, action):
    """Runs `action`, which must make the page navigate; waits for the new page to load."""
    page.loaded = False
    action()
    page.devtools.wait_for(lambda: page.loaded, NAVIGATION_TIMEOUT, "the page did not navigate")
    page.settle()


def stays(page, action, wait_ms=400):
    """Runs `action` and reports whether the page is still the same document `wait_ms` later."""
    page.evaluate("window.__litbookStay = true")
    page.loaded = False
    action()
    deadline = time.monotonic() + wait_ms / 1000
    while time.monotonic() < deadline:
        time.sleep(0.05)
    try:
        return page.evaluate("window.__litbookStay === true") is True and not page.loaded
    except Exception:
        return False


def back_home(page):
    """Returns the page view to the page the run opened, for the checks after this one."""
    navigate(page, page.url)
