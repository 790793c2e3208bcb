# Browser check: a page loads nothing from outside the site folder, so the site works offline and leaks nothing.


def check(page):
    return [f"request outside the site folder: {url}" for url in page.requests if not page.in_site(url)]
