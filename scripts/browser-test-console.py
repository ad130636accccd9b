#!/usr/bin/env python3
"""Drives the Kluis console in headless Chromium, as Fleur (seed 003) and her staff would.

Usage:
    browser-test-console.py --kluis http://127.0.0.1:PORT --enrolment-code CODE --owner-email ADDRESS \
        --client SUB --client-email ADDRESS --request REQ --app-key KEY --markers A,B,C \
        --screenshot-dir DIR [--axe]

The vault behind --kluis is served with examples/policies/coaching.yaml; it holds one client
(--client, known by --client-email, with contract_start) whose access request --request arrived by
e-mail; --app-key is an API key bound to the coaching purpose; the owner was added with
`kluis staff add` and given --enrolment-code. --markers are the client's values, which no page of
the auditor may show.

The owner enrols and signs in with TOTP codes computed here by pyotp from the otpauth URI the
console shows; adds a desk member and an auditor; revokes the API key and sees its next call
refused; sees forged forms refused. The desk member enrols, answers the access request from the
queue (identity check, package, fulfilment), finds the client by e-mail, places a legal hold and
records the contract's end, and sees the records dated again. The auditor reads Today, the audit
log, the policy and the accountability report without any marker, and is refused the people and
request pages. Five failed sign-ins lock an account.

With --axe, every page is checked with axe-core in Dutch and English at 1280 and 390 pixels wide
(the page that shows a new authenticator secret, once, at both widths in Dutch), and must have no
violation. Prints one line of JSON on success and exits 0; on a failed check says what was
expected and found on stderr and exits 1.
"""

import argparse
import json
import pathlib
import re
from datetime import datetime, timedelta
from zoneinfo import ZoneInfo
import sys
import time
import traceback
import urllib.error
import urllib.parse
import urllib.request

import pyotp
from axe_selenium_python import Axe
from selenium import webdriver
from selenium.common.exceptions import StaleElementReferenceException, TimeoutException, WebDriverException
from selenium.webdriver.chrome.options import Options
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import Select, WebDriverWait

WAIT_SECONDS = 10
CONSOLE = "/console"
COOKIE = "kluis-console"
WIDTHS = (1280, 390)
LANGUAGES = ("nl", "en")
PASSWORD = "een zin die lang genoeg is om te onthouden"


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


class Console:
    def __init__(self, driver, kluis, screenshot_dir, axe):
        self.driver = driver
        self.kluis = kluis.rstrip("/")
        self.screenshots = pathlib.Path(screenshot_dir)
        self.axe = axe
        self.axe_runs = 0
        self.pages = []

    # Pages.

    def open(self, path):
        self.driver.get(self.kluis + path)
        WebDriverWait(self.driver, WAIT_SECONDS).until(lambda d: d.execute_script("return document.readyState") == "complete")

    def path(self):
        return self.driver.current_url[len(self.kluis):]

    def text(self):
        for _ in range(20):
            try:
                return self.driver.find_element(By.TAG_NAME, "body").text
            except (StaleElementReferenceException, WebDriverException):
                # The page is being replaced by the next one (a form's answer): read that one.
                time.sleep(0.05)
        return ""

    def wait_for_text(self, text, what):
        try:
            WebDriverWait(self.driver, WAIT_SECONDS).until(lambda d: text in self.text())
        except TimeoutException:
            raise CheckFailed(f"{what}: expected {text!r}, found {self.text()[:500]!r}")

    def wait_for_path(self, prefix, what):
        try:
            WebDriverWait(self.driver, WAIT_SECONDS).until(lambda d: self.path().startswith(prefix))
        except TimeoutException:
            raise CheckFailed(f"{what}: expected {prefix}, found {self.path()!r}")

    def submit(self, button_text):
        self.driver.find_element(By.XPATH, f"//button[contains(., '{button_text}')]").click()

    def type(self, element_id, text):
        field = self.driver.find_element(By.ID, element_id)
        field.clear()
        field.send_keys(text)

    def inspect(self, name, path=None):
        """Screenshots the page, and with --axe checks it in both languages at both widths."""
        path = path or self.path().split("?")[0]
        self.pages.append(name)
        for width in WIDTHS:
            self.driver.set_window_size(width, 900)
            for language in LANGUAGES:
                self.open(f"{path}?lang={language}")
                found = self.driver.find_element(By.TAG_NAME, "html").get_attribute("lang")
                check(found == language, f"{name}: the page language", language, found)
                if self.axe:
                    self.run_axe(f"{name} ({language}, {width} px)")
            for language in reversed(LANGUAGES):
                self.open(f"{path}?lang={language}")
                self.screenshot(name, width, language)
        self.driver.set_window_size(WIDTHS[0], 900)

    def inspect_here(self, name):
        """The page as it is (one that cannot be opened again): axe at both widths, a screenshot."""
        for width in WIDTHS:
            self.driver.set_window_size(width, 900)
            if self.axe:
                self.run_axe(f"{name} ({width} px)")
        self.screenshot(name, WIDTHS[0], "nl")

    def screenshot(self, name, width, language):
        height = self.driver.execute_script("return document.documentElement.scrollHeight")
        self.driver.set_window_size(width, max(900, min(height + 40, 6000)))
        suffix = ("" if width == WIDTHS[0] else f"-{width}") + ("" if language == "nl" else f"-{language}")
        check(self.driver.save_screenshot(str(self.screenshots / f"{name}{suffix}.png")), f"screenshot of {name}", "saved", False)
        self.driver.set_window_size(width, 900)

    def run_axe(self, what):
        axe = Axe(self.driver)
        axe.inject()
        results = axe.run()
        self.axe_runs += 1
        violations = results.get("violations", [])
        check(not violations, f"axe on {what}", "no violations",
              [(v["id"], v.get("impact"), [n.get("target") for n in v.get("nodes", [])][:3]) for v in violations])

    # Outside the browser, with the browser's session.

    def cookie_header(self):
        cookie = self.driver.get_cookie(COOKIE)
        check(cookie is not None, "the session cookie", "set", None)
        return f"{COOKIE}={cookie['value']}"

    def fetch(self, path, method="GET", headers=None, form=None):
        data = urllib.parse.urlencode(form).encode() if form is not None else None
        request = urllib.request.Request(self.kluis + path, data=data, method=method, headers=headers or {})
        if data is not None:
            request.add_header("Content-Type", "application/x-www-form-urlencoded")
        try:
            with urllib.request.urlopen(request, timeout=WAIT_SECONDS) as response:
                return response.status, response.read().decode("utf-8")
        except urllib.error.HTTPError as error:
            return error.code, error.read().decode("utf-8")

    # Staff.

    def enrol(self, email, code, inspect=False):
        """Enrols with `code` through the pages; returns the authenticator, from the URI shown."""
        self.open(f"{CONSOLE}/enrol?lang=nl")
        if inspect:
            self.inspect("enrol")
        self.type("email", email)
        self.type("enrolment-code", code)
        self.type("password", PASSWORD)
        self.type("password-again", PASSWORD)
        self.submit("Volgende")
        self.wait_for_text("Herstelcodes", "the enrolment page")
        uri = self.driver.find_element(By.ID, "otpauth-uri").text
        totp = pyotp.parse_uri(uri)
        shown = self.driver.find_element(By.ID, "secret").text.replace(" ", "")
        check(shown == totp.secret, "the secret shown", "the URI's secret", shown)
        codes = self.driver.find_elements(By.CSS_SELECTOR, "#recovery-codes li")
        check(len(codes) == 10, "the recovery codes", 10, len(codes))
        if inspect:
            self.inspect_here("enrolment")
        self.type("code", totp.now())
        self.submit("Aanmelding afronden")
        self.wait_for_text("Je bent aangemeld en ingelogd.", "the notice after enrolling")
        return totp

    def sign_in(self, email, totp):
        """Signs in with the password and the code of the next time step: the current one was
        used to enrol, and a code works once."""
        self.open(f"{CONSOLE}/sign-in?lang=nl")
        self.type("email", email)
        self.type("password", PASSWORD)
        self.type("code", totp.at(time.time() + 30))
        self.submit("Inloggen")
        self.wait_for_path(CONSOLE, "the page after signing in")
        self.wait_for_text("Vandaag", "Today after signing in")

    def sign_out(self):
        self.open(CONSOLE)
        self.submit("Uitloggen")
        self.wait_for_path(f"{CONSOLE}/sign-in", "the page after signing out")

    def add_member(self, name, email, role):
        self.open(f"{CONSOLE}/staff?lang=nl")
        self.type("member-name", name)
        self.type("member-email", email)
        self.driver.find_element(By.ID, f"new-role-{role}").click()
        self.submit("Toevoegen")
        self.wait_for_text("De aanmeldcode voor", "the enrolment code of a new member")
        return self.driver.find_element(By.ID, "enrolment-code").text


def run(console, args):
    markers = [m for m in args.markers.split(",") if m]
    # The owner enrols, signs out, and signs in with password and TOTP.
    owner = console.enrol(args.owner_email, args.enrolment_code, inspect=True)
    console.inspect("today", CONSOLE)
    console.sign_out()
    console.sign_in(args.owner_email, owner)

    # The owner adds a desk member and an auditor.
    desk_code = console.add_member("Sanne", "sanne@coaching.example", "desk")
    auditor_code = console.add_member("Ad", "ad@coaching.example", "auditor")
    console.inspect("staff", f"{CONSOLE}/staff")

    # The owner revokes the agenda's API key: its next call is refused.
    read = f"/v1/subjects/{args.client}?purpose=coaching"
    key = {"Authorization": f"Bearer {args.app_key}"}
    status, _ = console.fetch(read, headers=key)
    check(status == 200, "the agenda's read before", 200, status)
    console.open(f"{CONSOLE}/keys?lang=nl")
    console.submit("Intrekken agenda")
    console.wait_for_text("De sleutel agenda is ingetrokken.", "the notice after revoking")
    status, _ = console.fetch(read, headers=key)
    check(status == 401, "the agenda's read after revoking", 401, status)
    console.inspect("keys", f"{CONSOLE}/keys")

    # Forged forms change nothing: without the token, and from another site with it.
    cookie = {"Cookie": console.cookie_header()}
    status, _ = console.fetch(f"{CONSOLE}/keys", "POST", cookie, {"name": "forged", "admin": "on"})
    check(status == 403, "a form without its token", 403, status)
    console.open(f"{CONSOLE}/keys")
    token = re.search(r'name="csrf" value="([^"]+)"', console.driver.page_source).group(1)
    status, _ = console.fetch(f"{CONSOLE}/keys", "POST", {**cookie, "Sec-Fetch-Site": "cross-site"},
                              {"name": "forged", "admin": "on", "csrf": token})
    check(status == 403, "a form from another site", 403, status)
    console.open(f"{CONSOLE}/keys")
    check("forged" not in console.text(), "the keys after forged forms", "no new key", console.text()[:300])
    console.sign_out()

    # The desk member answers the access request from the queue.
    desk = console.enrol("sanne@coaching.example", desk_code)
    console.inspect("requests", f"{CONSOLE}/requests")
    console.open(f"{CONSOLE}/requests?lang=nl")
    console.driver.find_element(By.LINK_TEXT, args.request).click()
    console.wait_for_text("Brief aan de aanvrager", "the request's page")
    console.inspect("request", f"{CONSOLE}/requests/{args.request}")
    console.open(f"{CONSOLE}/requests/{args.request}?lang=nl")
    console.driver.find_element(By.ID, "method-id_copy_shielded").click()
    console.submit("Leg de controle vast")
    console.wait_for_text("De controle is vastgelegd.", "the notice after the identity check")
    console.driver.find_element(By.LINK_TEXT, "De inzagepagina (HTML)").click()
    console.wait_for_text(args.client_email, "the access package")
    console.open(f"{CONSOLE}/requests/{args.request}?lang=nl")
    console.submit("Uitvoeren")
    console.wait_for_text("Het verzoek is uitgevoerd.", "the notice after fulfilling")
    check("In de bijlage staat welke gegevens wij van jou hebben" in console.text(), "the letter in the policy's voice",
          "the answer in 'je'", console.text()[-800:])

    # The desk member finds the client and keeps her e-mail for the contract, then ends it.
    console.open(f"{CONSOLE}/people?lang=nl")
    console.inspect("find", f"{CONSOLE}/people")
    console.open(f"{CONSOLE}/people?lang=nl")
    Select(console.driver.find_element(By.ID, "kind")).select_by_value("email")
    console.type("value", args.client_email)
    console.submit("Zoeken")
    console.wait_for_path(f"{CONSOLE}/people/{args.client}", "the client's file")
    file = console.text()
    check(not any(m in file for m in markers), "the file before any read", "no value", [m for m in markers if m in file])
    Select(console.driver.find_element(By.ID, "hold")).select_by_value("contract_relevant")
    console.submit("Bewaarplicht opleggen")
    console.wait_for_text("De bewaarplicht is opgelegd.", "the notice after the hold")
    check("bewaarplicht contract_relevant" in console.text(), "the records under the hold", "kept without a date", console.text()[:800])
    Select(console.driver.find_element(By.ID, "event")).select_by_value("contract_end")
    console.submit("Gebeurtenis vastleggen")
    console.wait_for_text("De gebeurtenis is vastgelegd", "the notice after the contract's end")
    held = console.driver.find_element(By.ID, "held").find_element(By.XPATH, "..").text
    check("bewaarplicht contract_relevant" not in held and re.search(r"\d{1,2} \w+ 20\d\d", held),
          "the records after the contract's end", "erase-by dates again", held[:600])
    console.inspect("person", f"{CONSOLE}/people/{args.client}")

    # The desk member registers a breach at hour zero, assesses it, reads the text for the AP's
    # form and tells the client, all within minutes.
    console.inspect("breach-form", f"{CONSOLE}/breaches/new")
    console.open(f"{CONSOLE}/breaches?lang=nl")
    console.driver.find_element(By.LINK_TEXT, "Datalek registreren").click()
    console.wait_for_text("de klok wacht niet", "the breach form")
    console.type("summary", "Een laptop met de klantenlijst is uit een auto gestolen.")
    Select(console.driver.find_element(By.ID, "incident")).select_by_value("stolen_device")
    console.driver.find_element(By.ID, "nature-theft").click()
    # The moment of awareness an hour ago, in Dutch time, as a datetime-local field holds it.
    aware = (datetime.now(ZoneInfo("Europe/Amsterdam")) - timedelta(hours=1)).strftime("%Y-%m-%dT%H:%M")
    for field in ("discovered-at", "aware-at"):
        console.driver.execute_script("document.getElementById(arguments[0]).value = arguments[1]", field, aware)
    console.type("reporter-name", "Sanne")
    console.type("reporter-job", "Privacyfunctionaris")
    console.type("reporter-phone", "020 123 4567")
    console.driver.find_element(By.ID, "category-email").click()
    console.type("people-min", "1")
    console.type("people-max", "1")
    console.submit("Datalek registreren")
    console.wait_for_text("is geregistreerd", "the notice after registering the breach")
    breach = console.path().split("?")[0]
    check(re.search(r"Nog 7[01] u \d+ min om de AP in te lichten", console.text()), "the breach's clock", "about 71 hours left",
          console.text()[:400])
    console.inspect("breach", breach)
    console.open(f"{breach}?lang=nl")
    console.driver.find_element(By.LINK_TEXT, "Beoordeling").click()
    console.wait_for_text("Factoren om te wegen", "the assessment")
    console.inspect("assessment", f"{breach}/assessment")
    console.open(f"{breach}/assessment?lang=nl")
    console.driver.find_element(By.ID, "authority-yes").click()
    console.type("authority-reason", "E-mailadressen van cliënten waren leesbaar")
    console.driver.find_element(By.ID, "people-yes").click()
    console.type("people-reason", "Cliënten kunnen phishing ontvangen")
    console.submit("Beoordeling vastleggen")
    console.wait_for_text("De beoordeling is vastgelegd.", "the notice after the assessment")
    console.driver.find_element(By.LINK_TEXT, "Tekst voor het meldformulier van de AP").click()
    console.wait_for_text("1. Over de melding", "the text for the AP's form")
    text = console.text()
    for section in ("2. Contactgegevens", "3. Tijdlijn", "4. Het datalek", "5. De persoonsgegevens", "6. De betrokkenen",
                    "7. Maatregelen vooraf", "8. Gevolgen", "9. Vervolgacties", "Apparaat of gegevensdrager gestolen",
                    "E-mailadressen of andere adressen"):
        check(section in text, "the AP text", section, text[:300])
    console.inspect("authority", f"{breach}/authority")
    console.open(f"{breach}/people?lang=nl")
    console.inspect("breach-people", f"{breach}/people")
    console.open(f"{breach}/people?lang=nl")
    console.type("advice-nl", "Let op e-mails die om je wachtwoord vragen.")
    console.submit("Betrokkenen nu inlichten")
    console.wait_for_path(f"{CONSOLE}/jobs/", "the job telling the people")
    console.wait_for_text("Betrokkenen inlichten", "the job's page")
    for _ in range(100):
        if "Nog bezig" not in console.text():
            break
        time.sleep(0.1)
        console.open(console.path())
    check("1 mensen per e-mail ingelicht, van 1 geselecteerd" in console.text(), "the people told", "the client told", console.text()[:400])
    console.inspect("breaches", f"{CONSOLE}/breaches")
    console.sign_out()

    # The auditor: no personal value anywhere they may go; the desk's pages refused.
    console.enrol("ad@coaching.example", auditor_code)
    for name, path in (("today", CONSOLE), ("audit", f"{CONSOLE}/audit"), ("policy", f"{CONSOLE}/policy"),
                       ("report", f"{CONSOLE}/report"), ("report", f"{CONSOLE}/report/print"), ("breaches", f"{CONSOLE}/breaches"),
                       ("breach register", f"{CONSOLE}/breaches/register.html")):
        console.open(path)
        source = console.driver.page_source
        check(not any(m in source for m in markers), f"the auditor's {name} page", "no personal value",
              [m for m in markers if m in source])
    for path in (f"{CONSOLE}/people/{args.client}?purpose=coaching", f"{CONSOLE}/requests/{args.request}"):
        status, body = console.fetch(path, headers={"Cookie": console.cookie_header()})
        check(status == 403 and not any(m in body for m in markers), f"{path} for the auditor", 403, status)
    console.inspect("audit", f"{CONSOLE}/audit")
    console.inspect("policy", f"{CONSOLE}/policy")
    console.inspect("report", f"{CONSOLE}/report")
    console.sign_out()

    # Five failed sign-ins lock the account, the right password too.
    console.inspect("sign-in", f"{CONSOLE}/sign-in")
    for attempt in range(5):
        console.open(f"{CONSOLE}/sign-in?lang=nl")
        console.type("email", "sanne@coaching.example")
        console.type("password", f"wrong password {attempt}")
        console.type("code", "123456")
        console.submit("Inloggen")
        console.wait_for_text("Het e-mailadres, het wachtwoord of de code klopt niet.", "a failed sign-in")
    console.open(f"{CONSOLE}/sign-in?lang=nl")
    console.type("email", "sanne@coaching.example")
    console.type("password", PASSWORD)
    console.type("code", desk.at(time.time() + 30))
    console.submit("Inloggen")
    console.wait_for_text("Te veel pogingen", "the locked account")


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    for name in ("--kluis", "--enrolment-code", "--owner-email", "--client", "--client-email", "--request", "--app-key",
                 "--markers", "--screenshot-dir"):
        parser.add_argument(name, required=True)
    parser.add_argument("--axe", action="store_true")
    parser.add_argument("--chromium", default="/usr/bin/chromium")
    parser.add_argument("--chromedriver", default="/usr/bin/chromedriver")
    args = parser.parse_args()
    pathlib.Path(args.screenshot_dir).mkdir(parents=True, exist_ok=True)
    driver = start_browser(args.chromium, args.chromedriver)
    console = Console(driver, args.kluis, args.screenshot_dir, args.axe)
    try:
        run(console, args)
    except (CheckFailed, TimeoutException, WebDriverException, AssertionError, AttributeError) as error:
        print(f"console browser test failed: {error}", file=sys.stderr)
        traceback.print_exc(file=sys.stderr)
        return 1
    finally:
        driver.quit()
    print(json.dumps({"ok": True, "pages": console.pages, "axe_runs": console.axe_runs}))
    return 0


if __name__ == "__main__":
    sys.exit(main())
