// The sandbox's stand-in for Stripe's Connect script (https://connect-js.stripe.com/v1.0/connect.js).
// Same contract as Stripe's: window.StripeConnect.init(params) returns an instance whose
// create("issuing-card" | "issuing-cards-list") gives <stripe-connect-…> elements with Stripe's
// setters. Card numbers live only in an iframe served from the sandbox's own origin, after the
// sandbox has checked the account session and the ephemeral key. Test numbers only.
(function () {
  "use strict";
  var ORIGIN = new URL(document.currentScript ? document.currentScript.src : location.href).origin;

  function nonce() {
    var bytes = new Uint8Array(16);
    crypto.getRandomValues(bytes);
    return Array.from(bytes, function (b) { return b.toString(16).padStart(2, "0"); }).join("");
  }

  class ConnectElement extends HTMLElement {
    constructor() {
      super();
      this._instance = null;
      this._props = {};
      this._onLoadError = null;
      this._onLoaderStart = null;
      this._queued = false;
      this._generation = 0;
    }
    connectedCallback() { this._queue(); }
    setOnLoadError(fn) { this._onLoadError = fn; }
    setOnLoaderStart(fn) { this._onLoaderStart = fn; }
    setFetchEphemeralKey(fn) { this._props.fetchEphemeralKey = fn; this._queue(); }
    setShowSpendControls(show) { this._props.showSpendControls = !!show; this._queue(); }
    // Setters may come in any order: render once, after the last of them.
    _queue() {
      if (this._queued) return;
      this._queued = true;
      var self = this;
      queueMicrotask(function () {
        self._queued = false;
        if (!self.isConnected || !self._instance) return;
        var generation = ++self._generation;
        self._render(generation).catch(function (e) { self._fail(e); });
      });
    }
    _loaderStart() {
      if (this._onLoaderStart) this._onLoaderStart({ elementTagName: this._tag });
    }
    _fail(error) {
      var err = { type: "invalid_request_error", message: String((error && error.message) || error) };
      this.textContent = "";
      var p = document.createElement("p");
      p.setAttribute("role", "alert");
      p.className = "stripe-connect-error";
      p.textContent = err.message;
      this.appendChild(p);
      if (this._onLoadError) this._onLoadError({ error: err, elementTagName: this._tag });
    }
    _frame(path, query, title) {
      // Like Stripe's, the frame speaks the instance's locale (init or update).
      var locale = this._instance.options.locale;
      if (locale) query.locale = locale;
      this.textContent = "";
      var frame = document.createElement("iframe");
      frame.src = ORIGIN + path + "?" + new URLSearchParams(query);
      frame.title = title;
      frame.style.cssText = "border:0;width:100%;min-height:280px;display:block";
      this.appendChild(frame);
    }
  }

  class IssuingCard extends ConnectElement {
    get _tag() { return "issuing-card"; }
    setDefaultCard(id) { this._props.defaultCard = id; this._queue(); }
    setCardSwitching(on) { this._props.cardSwitching = !!on; this._queue(); }
    async _render(generation) {
      var card = this._props.defaultCard;
      var fetchKey = this._props.fetchEphemeralKey;
      if (!card) return;
      this._loaderStart();
      var secret = await this._instance._clientSecret();
      if (!fetchKey) {
        // As Stripe's: without the key callback the card shows, its numbers never.
        if (generation !== this._generation) return;
        this._frame("/_sandbox/connect/issuing_card", {
          client_secret: secret,
          card: card,
          spend_controls: this._props.showSpendControls ? "1" : "0",
        }, "Issued card");
        return;
      }
      var n = nonce();
      var answer = await fetchKey({ issuingCard: card, nonce: n });
      if (!answer || answer.issuingCard !== card || answer.nonce !== n ||
          typeof answer.ephemeralKeySecret !== "string" || !answer.ephemeralKeySecret) {
        throw new Error("fetchEphemeralKey must resolve to { issuingCard, nonce, ephemeralKeySecret } for the card and nonce it was given.");
      }
      if (generation !== this._generation) return; // a newer card or setting took over
      this._frame("/_sandbox/connect/issuing_card", {
        client_secret: secret,
        ephemeral_key: answer.ephemeralKeySecret,
        card: card,
        nonce: n,
        spend_controls: this._props.showSpendControls ? "1" : "0",
      }, "Issued card");
    }
  }

  class IssuingCardsList extends ConnectElement {
    get _tag() { return "issuing-cards-list"; }
    setIssuingProgram(id) { this._props.issuingProgram = id; this._queue(); }
    async _render(generation) {
      this._loaderStart();
      var secret = await this._instance._clientSecret();
      if (generation !== this._generation) return;
      this._frame("/_sandbox/connect/issuing_cards_list", {
        client_secret: secret,
        spend_controls: this._props.showSpendControls ? "1" : "0",
      }, "Issued cards");
    }
  }

  var COMPONENTS = { "issuing-card": IssuingCard, "issuing-cards-list": IssuingCardsList };
  Object.keys(COMPONENTS).forEach(function (tag) {
    if (!customElements.get("stripe-connect-" + tag)) {
      customElements.define("stripe-connect-" + tag, COMPONENTS[tag]);
    }
  });

  function init(params) {
    if (!params || typeof params.publishableKey !== "string" || params.publishableKey.indexOf("pk_") !== 0) {
      throw new Error("StripeConnect.init: publishableKey (pk_…) is required.");
    }
    if (typeof params.fetchClientSecret !== "function") {
      throw new Error("StripeConnect.init: fetchClientSecret must be a function.");
    }
    var pending = null;
    var elements = [];
    var instance = {
      options: { appearance: params.appearance, locale: params.locale, displayOptions: params.displayOptions },
      _clientSecret: function () {
        if (!pending) {
          pending = Promise.resolve()
            .then(function () { return params.fetchClientSecret(); })
            .then(function (secret) {
              if (typeof secret !== "string" || !secret) {
                throw new Error("fetchClientSecret must resolve to the AccountSession's client_secret.");
              }
              return secret;
            });
          pending.catch(function () { pending = null; });
        }
        return pending;
      },
      create: function (tag) {
        if (!COMPONENTS[tag]) throw new Error("StripeConnect: no component named '" + tag + "'.");
        var el = document.createElement("stripe-connect-" + tag);
        el._instance = instance;
        elements.push(el);
        return el;
      },
      update: function (options) {
        Object.assign(instance.options, options || {});
        // Stripe redraws its components with the new options, without a remount.
        elements.forEach(function (el) { el._queue(); });
      },
      logout: function () {
        pending = null;
        elements.forEach(function (el) { el.textContent = ""; });
        return Promise.resolve();
      },
    };
    return instance;
  }

  window.StripeConnect = window.StripeConnect || {};
  window.StripeConnect.init = init;
})();
