#!/usr/bin/env python3
"""Drives the Kluis privacy center in headless Chromium, as the person would.

Usage:
    browser-test-privacy-center.py --kluis http://127.0.0.1:PORT --outbox DIR --email ADDRESS \
        --mailer-key KEY --subject SUB --screenshot-dir DIR [--axe]

The vault behind --kluis holds the person of PolicyFixture.withPrivacyCenter() (a profile they
may correct and delete themselves, contact details, an invoice a legal obligation keeps, consent
to the newsletter); --mailer-key is an API key bound to the newsletter. The script signs in with
the keyboard only, reading the code from the outbox's newest message; sees the data with purposes
and dates; downloads JSON and CSV and checks them; corrects a field; deletes a category; withdraws
the newsletter consent and sees the mailer's next read refused at once through the API; sees that
refusal in "who used my data"; files a request and sees its deadline.

With --axe, every page is checked with axe-core (shipped by axe-selenium-python) in Dutch and in
English, at 1280 and at 390 pixels wide, and must have no violation. Screenshots of each page go
to --screenshot-dir. Prints one line of JSON on success and exits 0; on a failed check it says on
stderr what was expected and what was found, and exits 1.

Needs selenium 4 and axe-selenium-python (PyPI) and Debian's chromium and chromium-driver, passed
explicitly so that Selenium Manager never downloads anything.
"""

import argparse
import email
import email.policy
import json
import pathlib
import re
import sys
import traceback
import urllib.error
import urllib.request

from axe_selenium_python import Axe
from selenium import webdriver
from selenium.common.exceptions import StaleElementReferenceException, TimeoutException, WebDriverException
from selenium.webdriver.chrome.options import Options
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys
from selenium.webdriver.support.ui import WebDriverWait

WAIT_SECONDS = 10
CENTER = "/privacy-center"
COOKIE = "kluis-center"
WIDTHS = (1280, 390)
LANGUAGES = ("nl", "en")


class CheckFailed(Exception):
    pass


def check(condition, what, expected, found):
    if not condition:
        raise CheckFailed(f"{what}: expected {expected}, found {found!r}")


def start_browser(chromium, chromedriver):
    options = Options()
    options.binary_location = chromium
    for argument in ("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu",
                     "--window-size=1280,900", "--lang=nl-NL", "--force-device-scale-factor=1"):
        options.add_argument(argument)
    return webdriver.Chrome(service=Service(executable_path=chromedriver), options=options)


class Center:
    def __init__(self, driver, kluis, screenshot_dir, axe):
        self.driver = driver
        self.kluis = kluis.rstrip("/")
        self.screenshots = pathlib.Path(screenshot_dir)
        self.axe = axe
        self.axe_runs = 0
        self.pages = []

    def open(self, path):
        self.driver.get(self.kluis + path)
        self.wait_for_page()

    def wait_for_path(self, prefix):
        try:
            WebDriverWait(self.driver, WAIT_SECONDS).until(lambda d: self.path().startswith(prefix))
        except TimeoutException:
            raise CheckFailed(f"the page: expected {prefix}, found {self.path()!r}")

    def wait_for_text(self, text, what):
        """Waits for `text` on the page a form led to (the page before may still be shown)."""
        try:
            WebDriverWait(self.driver, WAIT_SECONDS).until(lambda d: text in self.text())
        except TimeoutException:
            raise CheckFailed(f"{what}: expected {text!r}, found {self.text()[:400]!r}")

    def wait_for_page(self):
        WebDriverWait(self.driver, WAIT_SECONDS).until(
            lambda d: d.execute_script("return document.readyState") == "complete")

    def text(self):
        # The page may be replaced while it is read, when a form has just been sent.
        for _ in range(5):
            try:
                return self.driver.find_element(By.TAG_NAME, "body").text
            except StaleElementReferenceException:
                continue
        return ""

    def path(self):
        return self.driver.current_url[len(self.kluis):]

    def inspect(self, name, path=None):
        """Screenshots the page, and with --axe checks it in both languages at both widths."""
        path = path or self.path().split("?")[0]
        self.pages.append(name)
        for width in WIDTHS:
            self.driver.set_window_size(width, 900)
            for language in LANGUAGES:
                self.open(f"{path}?lang={language}")
                check(self.driver.find_element(By.TAG_NAME, "html").get_attribute("lang") == language,
                      f"{name}: the page language", language,
                      self.driver.find_element(By.TAG_NAME, "html").get_attribute("lang"))
                if self.axe:
                    self.run_axe(f"{name} ({language}, {width} px)")
            # The whole page at this width, in each language (Dutch without a suffix).
            for language in reversed(LANGUAGES):
                self.open(f"{path}?lang={language}")
                height = self.driver.execute_script("return document.documentElement.scrollHeight")
                self.driver.set_window_size(width, max(900, min(height + 40, 6000)))
                suffix = ("" if width == WIDTHS[0] else f"-{width}") + ("" if language == "nl" else f"-{language}")
                check(self.driver.save_screenshot(str(self.screenshots / f"{name}{suffix}.png")),
                      f"screenshot of {name}", "saved", False)
                self.driver.set_window_size(width, 900)
        self.driver.set_window_size(WIDTHS[0], 900)

    def run_axe(self, what):
        axe = Axe(self.driver)
        axe.inject()
        results = axe.run()
        self.axe_runs += 1
        violations = results.get("violations", [])
        check(not violations, f"axe on {what}", "no violations",
              [(v["id"], v.get("impact"), [n.get("target") for n in v.get("nodes", [])][:3]) for v in violations])

    def cookie_header(self):
        cookie = self.driver.get_cookie(COOKIE)
        check(cookie is not None, "the session cookie", "set", None)
        return f"{COOKIE}={cookie['value']}"

    def fetch(self, path, headers=None):
        request = urllib.request.Request(self.kluis + path, headers=headers or {})
        try:
            with urllib.request.urlopen(request, timeout=WAIT_SECONDS) as response:
                return response.status, dict(response.headers), response.read().decode("utf-8")
        except urllib.error.HTTPError as error:
            return error.code, dict(error.headers), error.read().decode("utf-8")

    def focus_by_tab(self, element_id, limit=40):
        """Presses Tab until the element with `element_id` has the focus: keyboard only."""
        body = self.driver.find_element(By.TAG_NAME, "body")
        body.click()
        for _ in range(limit):
            active = self.driver.switch_to.active_element
            if active.get_attribute("id") == element_id:
                outline = self.driver.execute_script(
                    "var s = getComputedStyle(document.activeElement); return s.outlineStyle + ' ' + s.outlineWidth;")
                check(not outline.startswith("none"), f"a visible focus on #{element_id}", "an outline", outline)
                return active
            active.send_keys(Keys.TAB)
        raise CheckFailed(f"#{element_id} was not reached with Tab in {limit} presses")


def newest_code(outbox):
    messages = sorted(pathlib.Path(outbox).glob("*.eml"))
    check(messages, "a message in the outbox", "one", "none")
    message = email.message_from_bytes(messages[-1].read_bytes(), policy=email.policy.default)
    match = re.search(r"^\s+(\d{6})\s*$", message.get_content(), re.M)
    check(match is not None, "a code in the newest message", "six digits", message.get_content()[:200])
    return match.group(1)


def run(center, args):
    driver = center.driver
    # Sign in, keyboard only.
    center.open(f"{CENTER}/sign-in?lang=nl")
    center.inspect("sign-in")
    center.open(f"{CENTER}/sign-in?lang=nl")
    field = center.focus_by_tab("email")
    field.send_keys(args.email)
    field.send_keys(Keys.ENTER)
    WebDriverWait(driver, WAIT_SECONDS).until(lambda d: d.current_url.endswith(f"{CENTER}/code"))
    center.inspect("code")
    field = center.focus_by_tab("code")
    field.send_keys(newest_code(args.outbox))
    field.send_keys(Keys.ENTER)
    WebDriverWait(driver, WAIT_SECONDS).until(lambda d: d.current_url.rstrip("/").endswith(CENTER))
    check(driver.find_element(By.TAG_NAME, "h1").text == "Mijn gegevens", "the page after signing in", "Mijn gegevens",
          driver.find_element(By.TAG_NAME, "h1").text)

    # My data: the values, the purposes that keep them, until when.
    text = center.text()
    for expected in ("Timmerman in Utrecht", "Dienstverlening", "Boekhouding", "Bewaard tot", "15 maart 2033"):
        check(expected in text, "My data", expected, text[:400])
    center.inspect("my-data", CENTER)

    # Download: the JSON and CSV as the browser's session gets them.
    center.open(f"{CENTER}/download")
    center.inspect("download")
    cookie = {"Cookie": center.cookie_header()}
    status, headers, body = center.fetch(f"{CENTER}/download/data.json", cookie)
    check(status == 200, "the JSON download", 200, status)
    package = json.loads(body)
    check(package.get("schema") == "kluis.portability.v1" and package.get("subject") == args.subject,
          "the JSON package", "kluis.portability.v1 of the person", {k: package.get(k) for k in ("schema", "subject")})
    categories = sorted(c["category"] for c in package["categories"])
    check(categories == ["contact", "profile"], "the portable categories", ["contact", "profile"], categories)
    status, headers, body = center.fetch(f"{CENTER}/download/data.csv", cookie)
    lines = body.split("\r\n")
    check(lines[0] == "category,record_id,field,value,created_at,updated_at", "the CSV header", "the documented columns", lines[0])
    check(any(line.startswith("profile,") and ",headline,Timmerman in Utrecht," in line for line in lines),
          "the CSV", "the headline of the profile", lines[:6])
    status, _, _ = center.fetch(f"{CENTER}/download/data.csv")
    check(status in (303, 200) and "Timmerman" not in _, "the CSV without a session", "no data", status)

    # Correct the profile's headline, in the form.
    center.open(f"{CENTER}/correct?lang=nl")
    center.inspect("correct")
    center.open(f"{CENTER}/correct?lang=nl")
    headline = driver.find_element(By.CSS_SELECTOR, "input[name='field.headline']")
    headline.clear()
    headline.send_keys("Timmerman in Amersfoort")
    headline.find_element(By.XPATH, "ancestor::form").find_element(By.CSS_SELECTOR, "button[type=submit]").click()
    center.wait_for_text("Uw wijziging is opgeslagen.", "the notice after correcting")
    center.open(CENTER)
    check("Timmerman in Amersfoort" in center.text(), "My data after correcting", "the new headline", center.text()[:400])

    # Delete the profile: it says first what a legal obligation keeps.
    center.open(f"{CENTER}/delete?lang=nl")
    center.inspect("delete")
    center.open(f"{CENTER}/delete?lang=nl")
    check("Dit moeten wij bewaren voor Boekhouding" in center.text(), "the delete page", "what must be kept and why", center.text()[:500])
    driver.find_element(By.ID, "confirm-profile").click()
    driver.find_element(By.ID, "confirm-profile").find_element(By.XPATH, "ancestor::form").find_element(
        By.CSS_SELECTOR, "button[type=submit]").click()
    center.wait_for_text("Verwijderd.", "the notice after deleting")
    center.open(CENTER)
    check("Timmerman" not in center.text() and "Profiel" not in center.text(), "My data after deleting", "no profile",
          center.text()[:400])

    # Withdraw the newsletter consent: the mailer's next read is refused at once.
    read = f"/v1/subjects/{args.subject}?purpose=newsletter"
    authorised = {"Authorization": f"Bearer {args.mailer_key}"}
    status, _, _ = center.fetch(read, authorised)
    check(status == 200, "the mailer's read before", 200, status)
    center.open(f"{CENTER}/permissions?lang=nl")
    center.inspect("permissions")
    center.open(f"{CENTER}/permissions?lang=nl")
    button = driver.find_element(By.XPATH, "//button[contains(., 'Toestemming intrekken')]")
    button.click()
    center.wait_for_text("Uw keuze is opgeslagen", "the notice after withdrawing")
    status, _, body = center.fetch(read, authorised)
    check(status == 403, "the mailer's read after withdrawing", 403, (status, body[:200]))

    # Who used my data: the mailer's reads, the refused one too.
    center.open(f"{CENTER}/history?lang=nl")
    text = center.text()
    check("mailer" in text and "Nieuwsbrief" in text and "geweigerd" in text, "who used my data",
          "the mailer's read for the newsletter, refused", text[:600])
    center.inspect("history")

    # A request, with the day it must be answered by.
    center.open(f"{CENTER}/requests?lang=nl")
    driver.find_element(By.ID, "type-access").click()
    driver.find_element(By.XPATH, "//button[contains(., 'Verzoek versturen')]").click()
    center.wait_for_text("Uw verzoek is verstuurd. Wij antwoorden uiterlijk op", "the notice after the request")
    check("Antwoord uiterlijk" in center.text(), "my requests", "the request with its deadline", center.text()[:600])
    center.inspect("requests")

    # Signing out ends the session.
    center.open(CENTER)
    driver.find_element(By.XPATH, "//button[contains(., 'Uitloggen')]").click()
    center.wait_for_path(f"{CENTER}/sign-in")
    center.open(CENTER)
    check(center.path().startswith(f"{CENTER}/sign-in"), "My data after signing out", "the sign-in page", center.path())


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--kluis", required=True)
    parser.add_argument("--outbox", required=True)
    parser.add_argument("--email", required=True)
    parser.add_argument("--subject", required=True)
    parser.add_argument("--mailer-key", required=True)
    parser.add_argument("--screenshot-dir", required=True)
    parser.add_argument("--axe", action="store_true")
    parser.add_argument("--chromium", default="/usr/bin/chromium")
    parser.add_argument("--chromedriver", default="/usr/bin/chromedriver")
    args = parser.parse_args()
    pathlib.Path(args.screenshot_dir).mkdir(parents=True, exist_ok=True)
    driver = start_browser(args.chromium, args.chromedriver)
    center = Center(driver, args.kluis, args.screenshot_dir, args.axe)
    try:
        run(center, args)
    except (CheckFailed, TimeoutException, WebDriverException, AssertionError) as error:
        print(f"privacy center browser test failed: {error}", file=sys.stderr)
        traceback.print_exc(file=sys.stderr)
        return 1
    finally:
        driver.quit()
    print(json.dumps({"ok": True, "pages": center.pages, "axe_runs": center.axe_runs}))
    return 0


if __name__ == "__main__":
    sys.exit(main())
