#!/usr/bin/env python3
"""Drives the Kluis cookie banner in headless Chromium, as a visitor would.

Usage:
    browser-test-cookie-banner.py --kluis http://127.0.0.1:PORT \
        --demo examples/cookie-banner/index.html --screenshot-dir DIR

Serves the demo page on its own port (a different origin than Kluis, as on a real site), with
every http://127.0.0.1:8080 in it replaced by --kluis, and checks the Consent Mode v2 order, the
banner's keyboard use, a choice made in the settings, the stored choice on reload and the
re-open link. Prints one line of JSON on success and exits 0; on a failed check it says on stderr
what was expected and what was found, and exits 1.

Needs selenium 4 (PyPI) and Debian's chromium and chromium-driver. Both binaries are passed
explicitly, so Selenium Manager never tries to download a browser or a driver.
"""

import argparse
import http.server
import json
import os
import pathlib
import sys
import threading
import traceback
import urllib.parse
import urllib.request

from selenium import webdriver
from selenium.common.exceptions import TimeoutException, WebDriverException
from selenium.webdriver.chrome.options import Options
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.common.action_chains import ActionChains
from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys
from selenium.webdriver.support.ui import WebDriverWait

PLACEHOLDER = "http://127.0.0.1:8080"
WAIT_SECONDS = 10
COOKIE_NAME = "kluis_consent"

# The exact default the banner must push first on every page (Google Consent Mode v2).
EXPECTED_DEFAULT = {
    "ad_storage": "denied",
    "ad_user_data": "denied",
    "ad_personalization": "denied",
    "analytics_storage": "denied",
    "functionality_storage": "denied",
    "personalization_storage": "denied",
    "security_storage": "granted",
    "wait_for_update": 500,
}
CONSENT_TYPES = [key for key in EXPECTED_DEFAULT if key != "wait_for_update"]

# dataLayer entries are `arguments` objects; JSON turns the Date of gtag('js', …) into a string.
READ_DATA_LAYER = """
return JSON.parse(JSON.stringify((window.dataLayer || []).map(function (entry) {
  return Object.prototype.toString.call(entry) === '[object Arguments]' ? Array.from(entry) : entry;
})));
"""

BANNER_VISIBLE = """
var banner = document.getElementById('kluis-banner');
return !!banner && !banner.hidden && banner.getClientRects().length > 0 &&
  getComputedStyle(banner).visibility !== 'hidden';
"""

FOCUS_IN_BANNER = """
var banner = document.getElementById('kluis-banner');
var active = document.activeElement;
return !!banner && !!active && active !== document.body && banner.contains(active);
"""

DESCRIBE_FOCUS = """
var active = document.activeElement;
if (!active) { return null; }
var style = getComputedStyle(active);
return {
  tag: active.tagName.toLowerCase(),
  type: active.getAttribute('type'),
  action: active.getAttribute('data-kluis-action'),
  category: active.getAttribute('data-kluis-category'),
  inBanner: !!document.getElementById('kluis-banner') &&
    document.getElementById('kluis-banner').contains(active),
  focusVisible: active.matches(':focus-visible'),
  outlineStyle: style.outlineStyle,
  outlineWidth: style.outlineWidth
};
"""

WAIT_UNTIL_READY = """
var done = arguments[arguments.length - 1];
if (!window.KluisConsent || !window.KluisConsent.ready) { done('KluisConsent.ready is missing'); return; }
window.KluisConsent.ready.then(function () { done('ready'); },
                               function (error) { done('ready rejected: ' + error); });
"""

# The banner slides in; a screenshot taken mid-way would show it half off the page.
WAIT_FOR_ANIMATIONS = """
var done = arguments[arguments.length - 1];
var running = document.getAnimations ? document.getAnimations() : [];
Promise.all(running.map(function (animation) { return animation.finished; }))
  .then(function () { done(true); }, function () { done(true); });
"""

LISTEN_FOR_CONSENT = """
window.__kluisConsentEvents = [];
document.addEventListener('kluis:consent', function (event) {
  window.__kluisConsentEvents.push(JSON.parse(JSON.stringify(event.detail)));
});
"""

# Width is left out: "Alles accepteren" and "Alles weigeren" differ in length.
BUTTON_LOOKS = """
var style = getComputedStyle(arguments[0]);
var box = arguments[0].getBoundingClientRect();
return {
  background: style.backgroundColor, color: style.color, fontSize: style.fontSize,
  fontWeight: style.fontWeight, border: style.borderTopWidth + ' ' + style.borderTopStyle,
  padding: style.paddingTop + ' ' + style.paddingLeft, height: Math.round(box.height)
};
"""


class CheckFailed(Exception):
    """A check on the page did not hold; the message says what was expected and found."""


def check(condition, what, expected, found):
    if not condition:
        raise CheckFailed(f"{what}: expected {expected}, found {found!r}")


def wait_for(driver, condition, what):
    try:
        return WebDriverWait(driver, WAIT_SECONDS, poll_frequency=0.1).until(lambda d: condition(d))
    except TimeoutException:
        raise CheckFailed(f"{what}: not true within {WAIT_SECONDS} s") from None


def serve_demo(demo_path, kluis):
    """Serves the demo page (and nothing else) on 127.0.0.1, on a free port, in a thread."""
    html = pathlib.Path(demo_path).read_text(encoding="utf-8").replace(PLACEHOLDER, kluis).encode("utf-8")

    class DemoHandler(http.server.BaseHTTPRequestHandler):
        def do_GET(self):
            if urllib.parse.urlsplit(self.path).path in ("/", "/index.html"):
                self.send_response(200)
                self.send_header("Content-Type", "text/html; charset=utf-8")
                self.send_header("Content-Length", str(len(html)))
                self.send_header("Cache-Control", "no-store")
                self.end_headers()
                self.wfile.write(html)
            else:
                self.send_error(404)

        def log_message(self, format, *args):
            pass  # stdout carries only the final JSON line

    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), DemoHandler)
    threading.Thread(target=server.serve_forever, name="demo-server", daemon=True).start()
    return server


def start_browser(chromium, chromedriver):
    options = Options()
    options.binary_location = chromium
    for argument in ("--headless=new", "--no-sandbox", "--disable-gpu", "--window-size=1280,900",
                     # /dev/shm is small in containers; Chromium crashes on big pages without this.
                     "--disable-dev-shm-usage", "--no-first-run", "--no-default-browser-check"):
        options.add_argument(argument)
    options.set_capability("goog:loggingPrefs", {"browser": "ALL"})
    driver = webdriver.Chrome(options=options, service=Service(executable_path=chromedriver))
    driver.set_script_timeout(WAIT_SECONDS)
    driver.set_page_load_timeout(30)
    return driver


def fetch_config(kluis):
    url = f"{kluis}/v1/cookie-consent/config?lang=nl"
    try:
        with urllib.request.urlopen(url, timeout=WAIT_SECONDS) as response:
            return json.load(response)
    except OSError as error:
        raise CheckFailed(f"GET {url}: expected 200 with the config, found {error}") from None


def data_layer(driver):
    return driver.execute_script(READ_DATA_LAYER)


def is_command(entry, *head):
    """Whether a dataLayer entry is a gtag call starting with `head` (other entries are objects)."""
    return isinstance(entry, list) and tuple(entry[:len(head)]) == head


def index_of(entries, *head):
    for index, entry in enumerate(entries):
        if is_command(entry, *head):
            return index
    return -1


def check_default_first(entries):
    check(len(entries) > 0 and entries[0] == ["consent", "default", EXPECTED_DEFAULT],
          "dataLayer[0]", ["consent", "default", EXPECTED_DEFAULT], entries[:1])
    check(sum(1 for entry in entries if is_command(entry, "consent", "default")) == 1,
          "number of consent defaults in dataLayer", 1, entries)
    for head in (("js",), ("config", "G-DEMO")):
        position = index_of(entries, *head)
        check(position > 0, f"dataLayer entry {list(head)} of the demo tag after the default",
              "an index > 0", entries)


def banner_visible(driver):
    return bool(driver.execute_script(BANNER_VISIBLE))


def wait_until_shown(driver, what):
    """Waits for the banner to be visible and its slide-in to end, so clicks land where aimed."""
    wait_for(driver, banner_visible, what)
    driver.execute_async_script(WAIT_FOR_ANIMATIONS)


def banner_hidden(driver):
    return not banner_visible(driver)


def action_button(driver, action):
    return driver.find_element(By.CSS_SELECTOR, f'#kluis-banner [data-kluis-action="{action}"]')


def category_box(driver, category_id):
    return driver.find_element(By.CSS_SELECTOR, f'#kluis-banner [data-kluis-category="{category_id}"]')


def stored_cookie(driver):
    cookie = driver.get_cookie(COOKIE_NAME)
    if cookie is None:
        return None
    try:
        return json.loads(urllib.parse.unquote(cookie["value"]))
    except ValueError:
        raise CheckFailed(f"cookie {COOKIE_NAME}: expected URI-encoded JSON, found {cookie['value']!r}") from None


def expected_consent_mode(config, chosen):
    """Consent Mode types the choice grants: those of required categories and of `chosen`."""
    granted, mentioned = set(), set()
    for category in config["categories"]:
        for consent_type in category.get("consent_mode", []):
            mentioned.add(consent_type)
            if category.get("required") or category["id"] == chosen:
                granted.add(consent_type)
    return granted, mentioned


def check_consent_mode(what, consent_mode, granted, mentioned):
    check(isinstance(consent_mode, dict), what, "an object", consent_mode)
    for consent_type in CONSENT_TYPES:
        value = consent_mode.get(consent_type)
        if consent_type in granted or consent_type == "security_storage":
            check(value == "granted", f"{what}.{consent_type}", "granted", value)
        elif consent_type in mentioned:
            check(value == "denied", f"{what}.{consent_type}", "denied", value)
        else:
            check(value in (None, "denied"), f"{what}.{consent_type}", "denied or absent", value)


def screenshot(driver, directory, name, taken):
    driver.execute_async_script(WAIT_FOR_ANIMATIONS)
    path = directory / name
    check(driver.save_screenshot(str(path)), f"screenshot {path}", "saved", False)
    taken.append(str(path))


def run(driver, page_url, kluis, screenshot_dir):
    screenshots = []
    config = fetch_config(kluis)
    categories = config.get("categories") or []
    check(len(categories) > 0, "categories in the config", "at least one", config)
    optional = [category["id"] for category in categories if not category.get("required")]
    check(len(optional) > 0, "non-required categories in the config", "at least one", categories)
    chosen = "statistics" if "statistics" in optional else optional[0]
    refused = [category_id for category_id in optional if category_id != chosen]
    granted, mentioned = expected_consent_mode(config, chosen)

    # 1-3. First visit: the default comes first, before the tag; then the banner shows.
    driver.get(page_url)
    check(driver.execute_script("return window.demoTagRan === true;"), "window.demoTagRan", True,
          driver.execute_script("return window.demoTagRan;"))
    entries = data_layer(driver)
    check_default_first(entries)
    wait_until_shown(driver, "banner #kluis-banner visible")
    entries = data_layer(driver)
    check(index_of(entries, "consent", "update") == -1, "consent updates before any choice", "none", entries)

    text = driver.execute_script("return document.getElementById('kluis-banner').textContent;")
    for category in categories:
        check(category["name"] in text, f"category name {category['name']!r} in the banner", "present", text)
    if config.get("controller"):
        check(config["controller"] in text, "controller name in the banner", config["controller"], text)
    links = driver.find_elements(By.CSS_SELECTOR, "#kluis-banner a[href]")
    hrefs = [link.get_attribute("href") for link in links]
    check(config.get("statement_url") in hrefs, "link to the privacy statement in the banner",
          config.get("statement_url"), hrefs)
    banner = driver.find_element(By.ID, "kluis-banner")
    check(banner.get_attribute("role") == "dialog", "role of #kluis-banner", "dialog", banner.get_attribute("role"))
    for attribute in ("aria-labelledby", "aria-describedby"):
        target = banner.get_attribute(attribute)
        check(bool(target) and driver.execute_script("return !!document.getElementById(arguments[0]);", target),
              f"{attribute} of #kluis-banner", "the id of an element on the page", target)

    # Refusing must be as easy as accepting: both visible, and styled alike.
    accept_all, reject_all = action_button(driver, "accept-all"), action_button(driver, "reject-all")
    check(accept_all.is_displayed() and reject_all.is_displayed(), "accept-all and reject-all buttons",
          "both visible", (accept_all.is_displayed(), reject_all.is_displayed()))
    accept_looks = driver.execute_script(BUTTON_LOOKS, accept_all)
    reject_looks = driver.execute_script(BUTTON_LOOKS, reject_all)
    check(accept_looks == reject_looks, "reject-all styled as prominently as accept-all", accept_looks, reject_looks)
    screenshot(driver, screenshot_dir, "cookie-banner.png", screenshots)

    # 4. Keyboard: focus moved into the banner, Tab stays on its controls, focus is visible,
    # and Escape records nothing.
    wait_for(driver, lambda d: d.execute_script(FOCUS_IN_BANNER), "focus inside the banner after it opened")
    ActionChains(driver).send_keys(Keys.TAB).perform()
    focused = driver.execute_script(DESCRIBE_FOCUS)
    check(bool(focused) and focused["inBanner"] and focused["tag"] in ("button", "input", "a"),
          "focus after Tab", "a control inside the banner", focused)
    check(focused["tag"] == "button", "focus after Tab", "a button", focused)
    check(focused["outlineStyle"] != "none" and focused["outlineWidth"] not in ("0px", ""),
          "outline of the focused button", "a visible outline (outline-style not none)", focused)
    ActionChains(driver).send_keys(Keys.ESCAPE).perform()
    check(banner_visible(driver), "banner after Escape in the main view", "still visible", "hidden")
    check(driver.get_cookie(COOKIE_NAME) is None, f"cookie {COOKIE_NAME} after Escape", "none",
          driver.get_cookie(COOKIE_NAME))
    check(index_of(data_layer(driver), "consent", "update") == -1, "consent updates after Escape", "none",
          data_layer(driver))

    # 5. Settings: tick one category, leave the others, save.
    driver.execute_script(LISTEN_FOR_CONSENT)
    action_button(driver, "settings").click()
    box = category_box(driver, chosen)
    wait_for(driver, lambda d: box.is_displayed(), f"checkbox {chosen!r} visible in the settings view")
    for category in categories:
        each = category_box(driver, category["id"])
        if category.get("required"):
            check(each.is_selected() and not each.is_enabled(), f"required checkbox {category['id']!r}",
                  "checked and disabled", {"checked": each.is_selected(), "enabled": each.is_enabled()})
        else:
            check(not each.is_selected(), f"checkbox {category['id']!r} on a first visit", "unchecked", "checked")
    box.click()
    check(box.is_selected(), f"checkbox {chosen!r} after a click", "checked", "unchecked")
    save = action_button(driver, "save")
    check(save.is_displayed(), "save button in the settings view", "visible", "hidden")
    save.click()
    wait_for(driver, banner_hidden, "banner hidden after saving")

    stored = stored_cookie(driver)
    check(stored is not None, f"cookie {COOKIE_NAME} after saving", "present", None)
    for key in ("v", "p", "c", "ch", "e"):
        check(key in stored, f"key {key!r} in cookie {COOKIE_NAME}", "present", stored)
    check_consent_mode("cookie consent mode", stored["c"], granted, mentioned)
    check(stored["p"] == config["policy_version"], "policy version in the cookie", config["policy_version"], stored["p"])
    check(stored["ch"].get(chosen) is True and all(stored["ch"].get(other) is False for other in refused),
          "choices in the cookie", {chosen: True, **{other: False for other in refused}}, stored["ch"])

    entries = data_layer(driver)
    updates = [entry for entry in entries if is_command(entry, "consent", "update")]
    check(len(updates) > 0, "a consent update in dataLayer after saving", "at least one", entries)
    last_update = updates[-1][2]
    check_consent_mode("last consent update", last_update, granted, mentioned)
    check(last_update == stored["c"], "last consent update in dataLayer", stored["c"], last_update)
    if chosen == "statistics":
        check(last_update.get("analytics_storage") == "granted", "analytics_storage", "granted", last_update)
        check(last_update.get("ad_storage") == "denied", "ad_storage", "denied", last_update)

    # 6. The choice recorded in Kluis is the one the page received.
    visitor_id = stored["v"]
    check(isinstance(visitor_id, str) and visitor_id.startswith("vis_"), "visitor id in the cookie",
          "vis_…", visitor_id)
    events = driver.execute_script("return window.__kluisConsentEvents;")
    check(isinstance(events, list) and len(events) == 1, "kluis:consent events after saving", 1, events)
    detail = events[0]
    check(detail.get("visitor_id") == visitor_id, "visitor_id in the kluis:consent event", visitor_id, detail)
    check(detail.get("consent_mode") == stored["c"], "consent_mode in the kluis:consent event", stored["c"], detail)
    choice = driver.execute_script("return window.KluisConsent.choice();")
    check(bool(choice) and choice.get("visitor_id") == visitor_id, "KluisConsent.choice().visitor_id",
          visitor_id, choice)

    # 7. Reload: the default first again, then the stored choice as an update, both before the tag.
    driver.refresh()
    entries = data_layer(driver)
    check_default_first(entries)
    update_at = index_of(entries, "consent", "update")
    check(update_at > 0, "consent update from the cookie after a reload", "an entry after the default", entries)
    for head in (("js",), ("config", "G-DEMO")):
        check(update_at < index_of(entries, *head), f"consent update before the demo tag's {list(head)}",
              f"index < {index_of(entries, *head)}", update_at)
    check(entries[update_at][2] == stored["c"], "consent update after a reload", stored["c"], entries[update_at][2])
    readiness = driver.execute_async_script(WAIT_UNTIL_READY)
    check(readiness == "ready", "KluisConsent.ready after a reload", "ready", readiness)
    check(banner_hidden(driver), "banner after a reload with a stored choice", "hidden", "visible")

    url_before = driver.current_url
    driver.find_element(By.CSS_SELECTOR, "[data-kluis-cookie-settings]").click()
    wait_until_shown(driver, "banner visible after clicking the cookie-settings link")
    box = category_box(driver, chosen)
    wait_for(driver, lambda d: box.is_displayed(), "settings view after clicking the cookie-settings link")
    check(box.is_selected(), f"checkbox {chosen!r} when re-opened", "checked (the stored choice)", "unchecked")
    for other in refused:
        check(not category_box(driver, other).is_selected(), f"checkbox {other!r} when re-opened",
              "unchecked (the stored choice)", "checked")
    check(driver.current_url == url_before, "URL after clicking the cookie-settings link",
          url_before, driver.current_url)
    check(driver.execute_script(FOCUS_IN_BANNER), "focus after re-opening", "inside the banner",
          driver.execute_script(DESCRIBE_FOCUS))
    screenshot(driver, screenshot_dir, "cookie-banner-reopened.png", screenshots)

    return {"ok": True, "visitor_id": visitor_id, "consent_mode": stored["c"], "screenshots": screenshots}


def browser_log(driver):
    try:
        return [f"{entry.get('level')} {entry.get('message')}" for entry in driver.get_log("browser")]
    except WebDriverException:
        return []


def main():
    parser = argparse.ArgumentParser(description="Drive the Kluis cookie banner in headless Chromium.")
    parser.add_argument("--kluis", required=True, help="base URL of a running Kluis, e.g. http://127.0.0.1:8080")
    parser.add_argument("--demo", required=True, help="the demo page, examples/cookie-banner/index.html")
    parser.add_argument("--screenshot-dir", required=True, help="where to save the screenshots")
    parser.add_argument("--chromium", default=os.environ.get("CHROMIUM", "/usr/bin/chromium"))
    parser.add_argument("--chromedriver", default=os.environ.get("CHROMEDRIVER", "/usr/bin/chromedriver"))
    args = parser.parse_args()

    kluis = args.kluis.rstrip("/")
    screenshot_dir = pathlib.Path(args.screenshot_dir)
    screenshot_dir.mkdir(parents=True, exist_ok=True)
    server = serve_demo(args.demo, kluis)
    page_url = f"http://127.0.0.1:{server.server_address[1]}/"

    driver = None
    try:
        driver = start_browser(args.chromium, args.chromedriver)
        result = run(driver, page_url, kluis, screenshot_dir)
    except CheckFailed as failure:
        print(f"browser-test-cookie-banner: FAILED: {failure}", file=sys.stderr)
        for line in browser_log(driver) if driver else []:
            print(f"  browser console: {line}", file=sys.stderr)
        return 1
    except (WebDriverException, OSError, KeyError, TypeError, ValueError) as error:
        print(f"browser-test-cookie-banner: FAILED with an unexpected error: {error!r}", file=sys.stderr)
        traceback.print_exc(file=sys.stderr)
        for line in browser_log(driver) if driver else []:
            print(f"  browser console: {line}", file=sys.stderr)
        return 1
    finally:
        if driver is not None:
            driver.quit()
        server.shutdown()
        server.server_close()

    print(json.dumps(result, sort_keys=True))
    return 0


if __name__ == "__main__":
    sys.exit(main())
