# Browser check: a page logs no errors to the console (script exceptions, failed loads, console.error).


def check(page):
    return [f"console error: {text}" for text in page.console_errors]
