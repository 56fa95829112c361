// <issuing-admin api-base="…" account="…" base-path="…" token="…">: the panel as a custom
// element. `getToken` (a function) and `theme` (an object of --ia-* properties) are properties.
// It mounts when connected, unmounts when removed, and remounts when an option changes, except
// `locale`, which switches the language in place.
export function defineIssuingAdmin(name, mount) {
  if (customElements.get(name)) return false;
  class IssuingAdminElement extends HTMLElement {
    static get observedAttributes() {
      return ["api-base", "account", "base-path", "token", "locale"];
    }
    #panel = null;
    #getToken = undefined;
    #theme = undefined;
    get getToken() { return this.#getToken; }
    set getToken(fn) { this.#getToken = fn; this.#remount(); }
    get theme() { return this.#theme; }
    set theme(value) { this.#theme = value; this.#remount(); }
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
