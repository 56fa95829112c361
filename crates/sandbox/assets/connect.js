// The sandbox's stand-in for Stripe's Connect script (https://connect-js.stripe.com/v1.0/connect.js).
// Same contract as Stripe's: window.StripeConnect.init(params) returns an instance whose
// create("issuing-card" | "issuing-cards-list") gives <stripe-connect-…> elements with Stripe's
// setters. Card numbers live only in an iframe served from the sandbox's own origin, after the
// sandbox has checked the account session and the ephemeral key. Test numbers only.
(() => {
  "use strict";
  const ORIGIN = new URL(document.currentScript?.src ?? location.href).origin;

  const nonce = () => {
    const bytes = crypto.getRandomValues(new Uint8Array(16));
    return Array.from(bytes, (b) => b.toString(16).padStart(2, "0")).join("");
  };

  class ConnectElement extends HTMLElement {
    // Set by create(): the instance this element belongs to.
    _instance = null;
    _props = {};
    #onLoadError = null;
    #onLoaderStart = null;
    #queued = false;
    #generation = 0;

    connectedCallback() { this._queue(); }
    setOnLoadError(fn) { this.#onLoadError = fn; }
    setOnLoaderStart(fn) { this.#onLoaderStart = fn; }
    setFetchEphemeralKey(fn) { this._props.fetchEphemeralKey = fn; this._queue(); }
    setShowSpendControls(show) { this._props.showSpendControls = !!show; this._queue(); }

    // Setters may come in any order: render once, after the last of them.
    _queue() {
      if (this.#queued) return;
      this.#queued = true;
      queueMicrotask(() => {
        this.#queued = false;
        if (!this.isConnected || !this._instance) return;
        const generation = ++this.#generation;
        this._render(generation).catch((e) => this.#fail(e));
      });
    }

    // Whether a newer card or setting took over since `generation` started.
    _stale(generation) { return generation !== this.#generation; }

    _loaderStart() {
      this.#onLoaderStart?.({ elementTagName: this._tag });
    }

    // Stripe's load error: `error.type` as connect-js types it (a failure without one of its
    // own, a malformed callback answer say, is an invalid request).
    #fail(error) {
      const err = { type: error?.connectType ?? "invalid_request_error", message: String(error?.message ?? error) };
      const p = document.createElement("p");
      p.setAttribute("role", "alert");
      p.className = "stripe-connect-error";
      p.textContent = err.message;
      this.replaceChildren(p);
      this.#onLoadError?.({ error: err, elementTagName: this._tag });
    }

    _frame(path, query, title) {
      // Like Stripe's, the frame speaks the instance's locale and wears its appearance and
      // fonts (init or update); the sandbox drops any value it cannot use safely.
      const { locale, appearance, displayOptions } = this._instance.options;
      if (locale) query.locale = locale;
      if (appearance?.variables) query.appearance = JSON.stringify(appearance.variables);
      if (appearance?.overlays) query.overlays = appearance.overlays;
      if (this._instance.fonts.length) query.fonts = JSON.stringify(this._instance.fonts);
      if (displayOptions?.showObjectIds) query.show_object_ids = "1";
      const frame = document.createElement("iframe");
      frame.src = `${ORIGIN}${path}?${new URLSearchParams(query)}`;
      frame.title = title;
      frame.style.cssText = "border:0;width:100%;min-height:280px;display:block";
      this.replaceChildren(frame);
    }

    _spendControls() { return this._props.showSpendControls ? "1" : "0"; }
  }

  class IssuingCard extends ConnectElement {
    get _tag() { return "issuing-card"; }
    setDefaultCard(id) { this._props.defaultCard = id; this._queue(); }
    setCardSwitching(on) { this._props.cardSwitching = !!on; this._queue(); }

    async _render(generation) {
      const card = this._props.defaultCard;
      const fetchKey = this._props.fetchEphemeralKey;
      if (!card) return;
      this._loaderStart();
      const secret = await this._instance._clientSecret();
      const query = { client_secret: secret, card, spend_controls: this._spendControls() };
      if (!fetchKey) {
        // As Stripe's: without the key callback the card shows, its numbers never.
        if (this._stale(generation)) return;
        this._frame("/_sandbox/connect/issuing_card", query, "Issued card");
        return;
      }
      const n = nonce();
      const answer = await fetchKey({ issuingCard: card, nonce: n });
      if (answer?.issuingCard !== card || answer.nonce !== n ||
          typeof answer.ephemeralKeySecret !== "string" || !answer.ephemeralKeySecret) {
        throw new Error("fetchEphemeralKey must resolve to { issuingCard, nonce, ephemeralKeySecret } for the card and nonce it was given.");
      }
      if (this._stale(generation)) return;
      this._frame("/_sandbox/connect/issuing_card", {
        client_secret: secret,
        ephemeral_key: answer.ephemeralKeySecret,
        card,
        nonce: n,
        spend_controls: this._spendControls(),
      }, "Issued card");
    }
  }

  class IssuingCardsList extends ConnectElement {
    get _tag() { return "issuing-cards-list"; }
    setIssuingProgram(id) { this._props.issuingProgram = id; this._queue(); }

    async _render(generation) {
      this._loaderStart();
      const secret = await this._instance._clientSecret();
      if (this._stale(generation)) return;
      this._frame("/_sandbox/connect/issuing_cards_list", {
        client_secret: secret,
        spend_controls: this._spendControls(),
      }, "Issued cards");
    }
  }

  const COMPONENTS = { "issuing-card": IssuingCard, "issuing-cards-list": IssuingCardsList };
  for (const [tag, component] of Object.entries(COMPONENTS)) {
    if (!customElements.get(`stripe-connect-${tag}`)) {
      customElements.define(`stripe-connect-${tag}`, component);
    }
  }

  const init = (params) => {
    if (typeof params?.publishableKey !== "string" || !params.publishableKey.startsWith("pk_")) {
      throw new Error("StripeConnect.init: publishableKey (pk_…) is required.");
    }
    if (typeof params.fetchClientSecret !== "function") {
      throw new Error("StripeConnect.init: fetchClientSecret must be a function.");
    }
    let pending = null;
    // The secret the components were given last, for logout() to end.
    let current = null;
    const elements = [];
    const instance = {
      options: { appearance: params.appearance, locale: params.locale, displayOptions: params.displayOptions },
      fonts: usableFonts(params.fonts),
      // One secret for all of the instance's components; asked again only after a failure.
      _clientSecret() {
        if (!pending) {
          // No secret, for whatever reason: Stripe reports an account_session_create_error.
          const failed = (message) => Object.assign(new Error(message), { connectType: "account_session_create_error" });
          pending = Promise.resolve()
            .then(() => params.fetchClientSecret())
            .then((secret) => {
              if (typeof secret !== "string" || !secret) {
                throw failed("fetchClientSecret must resolve to the AccountSession's client_secret.");
              }
              current = secret;
              return secret;
            }, (e) => { throw failed(`fetchClientSecret failed: ${e?.message ?? e}`); });
          pending.catch(() => { pending = null; });
        }
        return pending;
      },
      create(tag) {
        if (!COMPONENTS[tag]) throw new Error(`StripeConnect: no component named '${tag}'.`);
        const el = document.createElement(`stripe-connect-${tag}`);
        el._instance = instance;
        elements.push(el);
        return el;
      },
      update(options) {
        // `fonts` are init's only, as in connect-js.
        const { appearance, locale, displayOptions } = options ?? {};
        for (const [name, value] of Object.entries({ appearance, locale, displayOptions })) {
          if (value !== undefined) instance.options[name] = value;
        }
        // Stripe redraws its components with the new options, without a remount.
        for (const el of elements) el._queue();
      },
      // Ends the session: its client secret is refused from now on, and the next component
      // asks fetchClientSecret for a new one.
      logout() {
        const secret = current;
        pending = null;
        current = null;
        for (const el of elements) el.replaceChildren();
        return secret ? endSession(secret) : Promise.resolve();
      },
    };
    // As connect-js does, the client secret is asked for at once, not at the first component.
    instance._clientSecret().catch(() => {});
    return instance;
  };

  // connect-js' font sources: `{ cssSrc }` or `{ family, src, … }`; others are left out with a
  // warning (the sandbox's reading of what Stripe does with them).
  const usableFonts = (fonts) => {
    if (fonts === undefined) return [];
    if (!Array.isArray(fonts)) {
      console.warn("StripeConnect.init: fonts must be an array; ignored.");
      return [];
    }
    return fonts.filter((font) => {
      const ok = typeof font?.cssSrc === "string" ||
        (typeof font?.family === "string" && typeof font?.src === "string");
      if (!ok) console.warn("StripeConnect.init: a font source needs cssSrc, or family and src; ignored.", font);
      return ok;
    // A relative stylesheet URL is the page's: the frames live on another origin.
    }).map((font) => font.cssSrc === undefined ? font : { cssSrc: new URL(font.cssSrc, location.href).href });
  };

  // The sandbox ends a session from its own origin, in a hidden frame (the page's policy lets
  // it frame the sandbox, not fetch from it); the frame says when it is done.
  const endSession = (secret) => new Promise((resolve) => {
    const frame = document.createElement("iframe");
    frame.hidden = true;
    frame.title = "Stripe sandbox sign-out";
    const done = (event) => {
      if (event.source !== frame.contentWindow || event.data !== "stripe-sandbox-logout") return;
      window.removeEventListener("message", done);
      frame.remove();
      resolve();
    };
    window.addEventListener("message", done);
    frame.src = `${ORIGIN}/_sandbox/connect/logout#${encodeURIComponent(secret)}`;
    // Outside the host's <body>: the host's own markup stays as it was.
    document.documentElement.append(frame);
  });

  window.StripeConnect ??= {};
  window.StripeConnect.init = init;
})();
