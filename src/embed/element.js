// <issuing-admin api-base="…" account="…" base-path="…" token="…" show-object-ids>: the panel
// as a custom element. `getToken` (a function), `theme` (an object of --ia-* properties) and
// `fonts` (Stripe's font sources) are properties.
// It mounts when connected, unmounts when removed, and remounts when an option changes, except
// `locale`, which switches the language in place.
export function defineIssuingAdmin(name, mount) {
  if (customElements.get(name)) return false;
  class IssuingAdminElement extends HTMLElement {
    static get observedAttributes() {
      return ["api-base", "account", "base-path", "token", "locale", "show-object-ids"];
    }
    #panel = null;
    #getToken = undefined;
    #theme = undefined;
    #fonts = undefined;
    get getToken() { return this.#getToken; }
    set getToken(fn) { this.#getToken = fn; this.#remount(); }
    get theme() { return this.#theme; }
    set theme(value) { this.#theme = value; this.#remount(); }
    get fonts() { return this.#fonts; }
    set fonts(value) { this.#fonts = value; this.#remount(); }
    connectedCallback() { this.#mount(); }
    disconnectedCallback() { this.#unmount(); }
    attributeChangedCallback(name, before, after) {
      if (before === after) return;
      if (name === "locale" && this.#panel) this.#panel.setLocale(after || "");
      else this.#remount();
    }
    #mount() {
      if (!this.isConnected || this.#panel) return;
      this.#panel = mount(this, {
        apiBase: this.getAttribute("api-base") || "",
        account: this.getAttribute("account"),
        basePath: this.getAttribute("base-path") || "",
        token: this.getAttribute("token"),
        locale: this.getAttribute("locale"),
        getToken: this.#getToken,
        theme: this.#theme,
        fonts: this.#fonts,
        showObjectIds: this.hasAttribute("show-object-ids") || undefined,
      });
    }
    #unmount() {
      if (this.#panel) {
        this.#panel.unmount();
        this.#panel.free();
        this.#panel = null;
      }
    }
    #remount() {
      if (this.#panel) {
        this.#unmount();
        this.#mount();
      }
    }
  }
  customElements.define(name, IssuingAdminElement);
  return true;
}
