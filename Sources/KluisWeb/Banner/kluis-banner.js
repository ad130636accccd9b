/*
 * Kluis cookie banner, served by Kluis at /banner/kluis-banner.js.
 *
 * Include it as the first script in <head>, synchronously, before any tag:
 *
 *   <script src="https://kluis.example/banner/kluis-banner.js"
 *           data-kluis="https://kluis.example" data-lang="nl"></script>
 *
 * It must run before any tag because Google Consent Mode v2 applies the first `consent default`
 * it sees; a tag that runs earlier would start with everything granted. So the default (all
 * denied but security_storage) and the stored choice (as an `update`) are pushed onto the
 * dataLayer while this script executes; only the banner itself waits for the network and the DOM.
 *
 * Any element with the attribute data-kluis-cookie-settings re-opens the settings, and
 * window.KluisConsent gives scripts read access to the current choice. Plain ES2017, no
 * dependencies: it runs on sites we do not control, so it must not bring its own.
 */
(function () {
  'use strict';

  // A second copy on the same page would push a second `default` after tags have run, which
  // Consent Mode ignores at best and which would reset a stored choice at worst.
  if (window.KluisConsent) {
    return;
  }

  const COOKIE_NAME = 'kluis_consent';

  // The seven Consent Mode v2 types (GDPR.md, "Cookies"). Values from a cookie or a response are
  // filtered to these, so nothing a visitor or a proxy edits reaches gtag as a new command.
  const CONSENT_TYPES = [
    'ad_storage', 'ad_user_data', 'ad_personalization', 'analytics_storage',
    'functionality_storage', 'personalization_storage', 'security_storage',
  ];

  // Everything but strictly necessary storage needs consent first (Telecommunicatiewet 11.7a).
  const DENIED = {
    ad_storage: 'denied',
    ad_user_data: 'denied',
    ad_personalization: 'denied',
    analytics_storage: 'denied',
    functionality_storage: 'denied',
    personalization_storage: 'denied',
    security_storage: 'granted',
  };

  // The banner's own texts. Category names and descriptions come from the policy through the
  // config endpoint; only the controls are named here, so the policy stays the one source of what
  // is asked.
  const TEXTS = {
    nl: {
      title: 'Cookies op deze website',
      intro: (controller) => `${controller} gebruikt cookies die nodig zijn om deze website te laten werken. ` +
        'Andere cookies, bijvoorbeeld voor statistieken of advertenties, worden alleen geplaatst als je daar ' +
        'toestemming voor geeft. Je kunt je keuze altijd wijzigen of intrekken.',
      thisSite: 'Deze website',
      statement: 'Lees meer in de privacyverklaring',
      acceptAll: 'Alles accepteren',
      rejectAll: 'Alles weigeren',
      save: 'Keuze opslaan',
      settings: 'Instellingen',
      close: 'Sluiten',
      legend: 'Kies welke cookies je toestaat',
      alwaysOn: 'altijd aan',
      saving: 'Je keuze wordt opgeslagen…',
      error: 'Je keuze kon niet worden opgeslagen. Probeer het opnieuw.',
    },
    en: {
      title: 'Cookies on this website',
      intro: (controller) => `${controller} uses cookies that this website needs in order to work. ` +
        'Other cookies, for example for statistics or advertising, are only placed if you consent to them. ' +
        'You can change or withdraw your choice at any time.',
      thisSite: 'This website',
      statement: 'Read more in the privacy statement',
      acceptAll: 'Accept all',
      rejectAll: 'Reject all',
      save: 'Save choice',
      settings: 'Settings',
      close: 'Close',
      legend: 'Choose which cookies you allow',
      alwaysOn: 'always on',
      saving: 'Saving your choice…',
      error: 'Your choice could not be saved. Please try again.',
    },
  };

  const REQUEST_TIMEOUT_MS = 15000;
  // Shows the banner unstyled rather than never, if the stylesheet is slow or blocked.
  const STYLESHEET_TIMEOUT_MS = 3000;

  // ---------------------------------------------------------------------------------------------
  // Synchronous part: runs before any tag on the page.

  window.dataLayer = window.dataLayer || [];
  if (typeof window.gtag !== 'function') {
    // Exactly Google's snippet: gtag.js reads `arguments` objects, not arrays.
    window.gtag = function gtag() { window.dataLayer.push(arguments); };
  }
  const gtag = window.gtag;

  gtag('consent', 'default', Object.assign({}, DENIED, { wait_for_update: 500 }));

  const script = document.currentScript || document.querySelector('script[data-kluis]');
  const base = kluisBase(script);
  const language = pickLanguage(script);
  const texts = TEXTS[language];

  // `current` is a choice that still holds; `visitorId` outlives it when a new policy version
  // asks again, so the renewed choice joins the same history in Kluis. An expired cookie is
  // gone, and the next choice starts a new history.
  let current = readStoredChoice();
  let visitorId = current ? current.v : null;
  if (current) {
    gtag('consent', 'update', current.c);
  }

  // ---------------------------------------------------------------------------------------------
  // Asynchronous part: config, stylesheet, DOM.

  const stylesheet = loadStylesheet();
  const domReady = new Promise((resolve) => {
    if (document.readyState === 'loading') {
      document.addEventListener('DOMContentLoaded', () => resolve(), { once: true });
    } else {
      resolve();
    }
  });

  let config = null;
  let configRequest = null;
  let ui = null;          // the rendered banner, built once on first show
  let busy = false;       // a POST is under way; further clicks are ignored, not queued
  let returnFocusTo = null;

  const ready = ensureConfig().then(async (loaded) => {
    if (!loaded) {
      return null;
    }
    if (current && current.p !== loaded.policy_version) {
      // The choice was given for a policy that no longer applies: it covers other purposes than
      // the ones now asked about, so it stops counting until the visitor chooses again.
      current = null;
      gtag('consent', 'update', Object.assign({}, DENIED));
    }
    if (!current) {
      await show('main', null);
    }
    return loaded;
  }).catch((error) => {
    warn('banner.failed', error);
    return null;
  });

  document.addEventListener('click', (event) => {
    const target = event.target;
    const trigger = target && target.closest ? target.closest('[data-kluis-cookie-settings]') : null;
    if (!trigger) {
      return;
    }
    // The link is usually href="#": following it would scroll to the top and change the URL.
    event.preventDefault();
    open('settings', trigger);
  });

  /*
   * Read-only on purpose: a page script that could call "accept all" could fake consent, so the
   * only way to record a choice is a visitor's click in the banner.
   */
  window.KluisConsent = Object.freeze({
    /** Opens the banner, in its main view or with view 'settings' in its settings view. */
    open: (view) => open(view === 'settings' ? 'settings' : 'main', document.activeElement),
    /** Opens the settings view, with the current choice ticked. */
    openSettings: () => open('settings', document.activeElement),
    /** The choice that holds now, or null when there is none (or it expired, or the policy changed). */
    choice: () => (current ? publicChoice(current) : null),
    /** The banner's language, 'nl' or 'en'. */
    language,
    /** Settles once the config has been read and the banner shown if a choice is needed. */
    ready,
  });

  // ---------------------------------------------------------------------------------------------
  // Opening, closing and choosing.

  async function open(view, opener) {
    try {
      const loaded = await ensureConfig();
      if (!loaded) {
        return;
      }
      await show(view, opener);
    } catch (error) {
      warn('banner.open_failed', error);
    }
  }

  async function show(view, opener) {
    await Promise.all([domReady, stylesheet]);
    if (!ui) {
      ui = render(config);
    }
    const wasHidden = ui.root.hidden;
    if (wasHidden) {
      returnFocusTo = focusableOutside(opener) || focusableOutside(document.activeElement);
      prefill();
      setStatus('', false);
    }
    setView(view);
    ui.close.hidden = !current;
    ui.root.hidden = false;
    focusFirst(view);
  }

  function hide() {
    ui.root.hidden = true;
    const target = returnFocusTo;
    returnFocusTo = null;
    if (target && target.isConnected) {
      target.focus();
    }
  }

  function setView(view) {
    ui.view = view;
    ui.settings.hidden = view !== 'settings';
    ui.settingsButton.hidden = view === 'settings';
    ui.save.hidden = view !== 'settings';
  }

  function focusFirst(view) {
    let target = ui.rejectAll;
    if (view === 'settings') {
      target = ui.checkboxes.find((box) => !box.disabled) || ui.save;
    }
    // No preventScroll: in the settings view the banner itself may have to scroll to the box.
    target.focus();
  }

  // Unticked unless the visitor's own current choice says otherwise: pre-ticked boxes are not
  // consent (CJEU Planet49), and neither is a choice made under an earlier policy version.
  function prefill() {
    const choices = current ? current.ch : {};
    for (const box of ui.checkboxes) {
      const category = box.kluisCategory;
      box.checked = category.required || choices[category.id] === true;
    }
  }

  function optionalCategories() {
    return config.categories.filter((category) => !category.required);
  }

  function choose(action) {
    const choices = {};
    for (const category of optionalCategories()) {
      if (action === 'accept-all') {
        choices[category.id] = true;
      } else if (action === 'reject-all') {
        choices[category.id] = false;
      } else {
        const box = ui.checkboxes.find((candidate) => candidate.kluisCategory.id === category.id);
        choices[category.id] = Boolean(box && box.checked);
      }
    }
    return record(choices);
  }

  async function record(choices) {
    if (busy) {
      return;
    }
    busy = true;
    ui.root.setAttribute('aria-busy', 'true');
    setActionsDisabled(true);
    setStatus(texts.saving, false);
    try {
      const body = { choices, language: config.language || language };
      if (visitorId) {
        body.visitor_id = visitorId;
      }
      const response = await request(`${base}/v1/cookie-consent`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify(body),
      });
      if (!response.ok) {
        throw new Error(`HTTP ${response.status} ${await problemCode(response)}`);
      }
      const result = await response.json();
      const stored = choiceFromResponse(result);
      if (!stored) {
        throw new Error('unexpected response');
      }
      gtag('consent', 'update', stored.c);
      current = stored;
      visitorId = stored.v;
      writeCookie(stored);
      setStatus('', false);
      hide();
      document.dispatchEvent(new CustomEvent('kluis:consent', { detail: result }));
    } catch (error) {
      // A failure is never consent: nothing was sent to gtag and the banner stays open.
      warn('banner.save_failed', error);
      setStatus(texts.error, true);
    } finally {
      busy = false;
      if (ui) {
        ui.root.removeAttribute('aria-busy');
        setActionsDisabled(false);
      }
    }
  }

  // aria-disabled rather than disabled: a disabled button loses focus, and the visitor would
  // land at the top of the page while the choice is being saved.
  function setActionsDisabled(disabled) {
    for (const button of ui.buttons) {
      if (disabled) {
        button.setAttribute('aria-disabled', 'true');
      } else {
        button.removeAttribute('aria-disabled');
      }
    }
  }

  function setStatus(text, isError) {
    ui.status.textContent = text;
    ui.status.classList.toggle('kluis-banner__status--error', isError);
  }

  // ---------------------------------------------------------------------------------------------
  // Rendering. Elements are built with textContent only: names and descriptions come from the
  // policy and must never be parsed as HTML on someone else's site.

  function render(loaded) {
    const root = element('div', 'kluis-banner');
    root.id = 'kluis-banner';
    root.hidden = true;
    root.lang = language;
    root.setAttribute('role', 'dialog');
    // Not modal: the visitor may read the page, and follow the statement link, before choosing.
    root.setAttribute('aria-modal', 'false');
    root.setAttribute('aria-labelledby', 'kluis-banner-title');
    root.setAttribute('aria-describedby', 'kluis-banner-intro');

    const inner = element('div', 'kluis-banner__inner');
    root.appendChild(inner);

    const title = element('h2', 'kluis-banner__title', texts.title);
    title.id = 'kluis-banner-title';
    inner.appendChild(title);

    const intro = element('p', 'kluis-banner__intro', texts.intro(loaded.controller || texts.thisSite));
    intro.id = 'kluis-banner-intro';
    if (isWebURL(loaded.statement_url)) {
      const link = element('a', 'kluis-banner__link', texts.statement);
      link.href = loaded.statement_url;
      intro.appendChild(document.createTextNode(' '));
      intro.appendChild(link);
      intro.appendChild(document.createTextNode('.'));
    }
    inner.appendChild(intro);

    const settings = element('fieldset', 'kluis-banner__settings');
    settings.appendChild(element('legend', 'kluis-banner__legend', texts.legend));
    const list = element('ul', 'kluis-banner__categories');
    const checkboxes = [];
    loaded.categories.forEach((category, index) => {
      const item = element('li', 'kluis-banner__category');
      const head = element('div', 'kluis-banner__category-head');
      const domId = `kluis-category-${index}-${category.id.replace(/[^A-Za-z0-9_-]/g, '_')}`;

      const box = element('input', 'kluis-banner__checkbox');
      box.type = 'checkbox';
      box.id = domId;
      box.setAttribute('data-kluis-category', category.id);
      box.kluisCategory = category;
      if (category.required) {
        box.checked = true;
        box.disabled = true;
      }
      head.appendChild(box);

      const label = element('label', 'kluis-banner__label', category.name);
      label.htmlFor = domId;
      if (category.required) {
        label.appendChild(document.createTextNode(' '));
        label.appendChild(element('span', 'kluis-banner__always-on', `(${texts.alwaysOn})`));
      }
      head.appendChild(label);
      item.appendChild(head);

      if (category.description) {
        const description = element('p', 'kluis-banner__description', category.description);
        description.id = `${domId}-description`;
        box.setAttribute('aria-describedby', description.id);
        item.appendChild(description);
      }
      list.appendChild(item);
      checkboxes.push(box);
    });
    settings.appendChild(list);
    inner.appendChild(settings);

    const status = element('p', 'kluis-banner__status');
    status.id = 'kluis-banner-status';
    status.setAttribute('role', 'status');
    status.setAttribute('aria-live', 'polite');
    inner.appendChild(status);

    // Refusing must be as easy as accepting (Autoriteit Persoonsgegevens): both buttons look the
    // same, sit side by side, and refusing comes first, so the button that has focus when the
    // banner opens is the one that shares nothing (privacy by default, art. 25 GDPR).
    const actions = element('div', 'kluis-banner__actions');
    const rejectAll = button('reject-all', texts.rejectAll, 'kluis-button--primary');
    const acceptAll = button('accept-all', texts.acceptAll, 'kluis-button--primary');
    const settingsButton = button('settings', texts.settings, 'kluis-button--secondary');
    const save = button('save', texts.save, 'kluis-button--primary');
    const close = button('close', texts.close, 'kluis-button--secondary');
    const buttons = [rejectAll, acceptAll, settingsButton, save, close];
    for (const each of buttons) {
      actions.appendChild(each);
    }
    inner.appendChild(actions);

    actions.addEventListener('click', (event) => {
      const pressed = event.target.closest('[data-kluis-action]');
      if (!pressed || busy) {
        return;
      }
      const action = pressed.getAttribute('data-kluis-action');
      if (action === 'settings') {
        setView('settings');
        focusFirst('settings');
      } else if (action === 'close') {
        hide();
      } else {
        choose(action);
      }
    });

    root.addEventListener('keydown', (event) => {
      if (event.key !== 'Escape' && event.key !== 'Esc') {
        return;
      }
      // Escape never records anything: from the settings it goes back to the main view, and
      // it closes the banner only when a choice already holds (the visitor re-opened it).
      if (ui.view === 'settings') {
        event.preventDefault();
        setView('main');
        settingsButton.focus();
      } else if (current && !busy) {
        event.preventDefault();
        hide();
      }
    });

    // First in the body, so that screen readers and Tab reach it before the page.
    document.body.insertBefore(root, document.body.firstChild);
    return {
      root, settings, status, checkboxes, buttons, rejectAll, acceptAll, settingsButton, save, close,
      view: 'main',
    };
  }

  function button(action, text, variant) {
    const each = element('button', `kluis-button ${variant}`, text);
    each.type = 'button';
    each.setAttribute('data-kluis-action', action);
    return each;
  }

  function element(tag, className, text) {
    const node = document.createElement(tag);
    node.className = className;
    if (text !== undefined) {
      node.textContent = text;
    }
    return node;
  }

  // ---------------------------------------------------------------------------------------------
  // Talking to Kluis.

  function ensureConfig() {
    if (config) {
      return Promise.resolve(config);
    }
    if (!configRequest) {
      configRequest = fetchConfig().then((loaded) => {
        config = loaded;
        return loaded;
      }).catch((error) => {
        // Without the config there is nothing to ask, and the default (denied) keeps holding.
        // The next open() tries again.
        warn('config.failed', error);
        configRequest = null;
        return null;
      });
    }
    return configRequest;
  }

  async function fetchConfig() {
    const response = await request(`${base}/v1/cookie-consent/config?lang=${encodeURIComponent(language)}`, {
      method: 'GET',
      headers: { Accept: 'application/json' },
    });
    if (!response.ok) {
      throw new Error(`HTTP ${response.status} ${await problemCode(response)}`);
    }
    const loaded = await response.json();
    if (!loaded || typeof loaded.policy_version !== 'string' || !Array.isArray(loaded.categories)) {
      throw new Error('unexpected config');
    }
    loaded.categories = loaded.categories.filter((category) =>
      category && typeof category.id === 'string' && typeof category.name === 'string').map((category) => ({
      id: category.id,
      name: category.name,
      description: typeof category.description === 'string' ? category.description : '',
      required: category.required === true,
    }));
    return loaded;
  }

  // No credentials: the visitor is known to Kluis only by the visitor id this site stores, not
  // by any cookie of Kluis's own origin.
  async function request(url, init) {
    const controller = typeof AbortController === 'function' ? new AbortController() : null;
    const timer = controller ? setTimeout(() => controller.abort(), REQUEST_TIMEOUT_MS) : null;
    try {
      return await fetch(url, Object.assign({
        mode: 'cors',
        credentials: 'omit',
        signal: controller ? controller.signal : undefined,
      }, init));
    } finally {
      if (timer) {
        clearTimeout(timer);
      }
    }
  }

  async function problemCode(response) {
    try {
      const problem = await response.json();
      return problem && typeof problem.code === 'string' ? problem.code : '';
    } catch (error) {
      return '';
    }
  }

  function choiceFromResponse(result) {
    if (!result || typeof result.visitor_id !== 'string' || typeof result.policy_version !== 'string') {
      return null;
    }
    const consentMode = consentModeFrom(result.consent_mode);
    if (!consentMode) {
      return null;
    }
    return {
      v: result.visitor_id,
      p: result.policy_version,
      c: consentMode,
      ch: choicesFrom(result.choices),
      e: typeof result.expires_at === 'string' ? result.expires_at : '',
    };
  }

  function publicChoice(stored) {
    return {
      visitor_id: stored.v,
      policy_version: stored.p,
      consent_mode: Object.assign({}, stored.c),
      choices: Object.assign({}, stored.ch),
      expires_at: stored.e,
    };
  }

  // ---------------------------------------------------------------------------------------------
  // The first-party cookie. It lives on the site's own origin, so the stored choice is known
  // synchronously on every page, before any tag and before Kluis can be asked.

  function readStoredChoice() {
    let raw = null;
    for (const part of document.cookie ? document.cookie.split(';') : []) {
      const index = part.indexOf('=');
      if (index > 0 && part.slice(0, index).trim() === COOKIE_NAME) {
        raw = part.slice(index + 1).trim();
        break;
      }
    }
    if (!raw) {
      return null;
    }
    try {
      const parsed = JSON.parse(decodeURIComponent(raw));
      const consentMode = consentModeFrom(parsed && parsed.c);
      if (!consentMode || typeof parsed.v !== 'string' || typeof parsed.p !== 'string') {
        return null;
      }
      // The browser drops the cookie at Max-Age, but a wrong clock or a copied cookie must not
      // keep an expired choice alive.
      const expires = typeof parsed.e === 'string' ? Date.parse(parsed.e) : NaN;
      if (!(expires > Date.now())) {
        return null;
      }
      return { v: parsed.v, p: parsed.p, c: consentMode, ch: choicesFrom(parsed.ch), e: parsed.e };
    } catch (error) {
      return null;
    }
  }

  function writeCookie(stored) {
    let cookie = `${COOKIE_NAME}=${encodeURIComponent(JSON.stringify(stored))}; Path=/; SameSite=Lax`;
    const expires = Date.parse(stored.e);
    if (expires > Date.now()) {
      cookie += `; Max-Age=${Math.floor((expires - Date.now()) / 1000)}`;
    }
    // Without an expiry Kluis sent, it stays a session cookie rather than guessing a lifetime.
    if (location.protocol === 'https:') {
      cookie += '; Secure';
    }
    document.cookie = cookie;
  }

  function consentModeFrom(value) {
    if (!value || typeof value !== 'object') {
      return null;
    }
    const result = {};
    let any = false;
    for (const type of CONSENT_TYPES) {
      if (value[type] === 'granted' || value[type] === 'denied') {
        result[type] = value[type];
        any = true;
      }
    }
    return any ? result : null;
  }

  function choicesFrom(value) {
    const result = {};
    if (value && typeof value === 'object') {
      for (const key of Object.keys(value)) {
        if (typeof value[key] === 'boolean') {
          result[key] = value[key];
        }
      }
    }
    return result;
  }

  // ---------------------------------------------------------------------------------------------
  // Small helpers.

  function kluisBase(own) {
    const configured = own && own.getAttribute('data-kluis');
    if (configured) {
      return configured.replace(/\/+$/, '');
    }
    // Without data-kluis, Kluis is where this file came from (…/banner/kluis-banner.js).
    if (own && own.src) {
      return new URL('..', own.src).href.replace(/\/+$/, '');
    }
    return '';
  }

  function pickLanguage(own) {
    const candidates = [own && own.getAttribute('data-lang'), document.documentElement.getAttribute('lang')];
    for (const candidate of candidates) {
      const primary = (candidate || '').trim().toLowerCase().split('-')[0];
      if (Object.prototype.hasOwnProperty.call(TEXTS, primary)) {
        return primary;
      }
    }
    return 'nl';
  }

  function loadStylesheet() {
    const href = `${base}/banner/kluis-banner.css`;
    const existing = Array.from(document.querySelectorAll('link[rel="stylesheet"]'))
      .find((link) => link.href === href);
    if (existing) {
      return Promise.resolve();
    }
    return new Promise((resolve) => {
      const link = document.createElement('link');
      link.rel = 'stylesheet';
      link.href = href;
      link.addEventListener('load', () => resolve());
      link.addEventListener('error', () => resolve());
      setTimeout(resolve, STYLESHEET_TIMEOUT_MS);
      (document.head || document.documentElement).appendChild(link);
    });
  }

  function focusableOutside(candidate) {
    if (!candidate || candidate === document.body || candidate === document.documentElement ||
        typeof candidate.focus !== 'function' || (ui && ui.root.contains(candidate))) {
      return null;
    }
    return candidate;
  }

  function isWebURL(value) {
    if (typeof value !== 'string') {
      return false;
    }
    try {
      const url = new URL(value, location.href);
      return url.protocol === 'https:' || url.protocol === 'http:';
    } catch (error) {
      return false;
    }
  }

  // Error messages only: they never carry what the visitor chose or their visitor id.
  function warn(event, error) {
    if (window.console && console.warn) {
      console.warn(`kluis: ${event}`, error && error.message ? error.message : error);
    }
  }
}());
