// The card list by hand: fetch a page of cards from the platform server, draw the rows with
// DOM calls, and fetch the next page on "Older". What the panel's card list does, without a
// framework, for the browser benchmark (`cargo xtask bench`) to measure beside it.

const params = new URLSearchParams(location.search);
const account = params.get("account");
const limit = params.get("limit") || "25";
const token = localStorage.getItem("issuing-admin.operator-token");
const tbody = document.querySelector("tbody");
const dates = new Intl.DateTimeFormat("en", { dateStyle: "medium" });
const brands = { visa: "Visa", mastercard: "Mastercard", amex: "American Express" };
const intervals = { per_authorization: "per purchase", daily: "per day", weekly: "per week",
  monthly: "per month", yearly: "per year", all_time: "in total" };
const money = new Map();
let last = null;

function amount(minor, currency) {
  let format = money.get(currency);
  if (!format) {
    format = new Intl.NumberFormat("en", { style: "currency", currency });
    money.set(currency, format);
  }
  const digits = format.resolvedOptions().maximumFractionDigits;
  return format.format(minor / 10 ** digits);
}

function limits(card) {
  const list = card.spending_controls.spending_limits || [];
  if (list.length === 0) return "No limits";
  return list.map((l) => `${amount(l.amount, card.currency)} ${intervals[l.interval] || l.interval}`)
    .join(", ");
}

function cell(row, text, className) {
  const td = document.createElement("td");
  if (className) td.className = className;
  td.textContent = text;
  row.appendChild(td);
  return td;
}

function draw(cards) {
  const rows = document.createDocumentFragment();
  for (const card of cards) {
    const row = document.createElement("tr");
    row.dataset.card = card.id;
    const tick = document.createElement("td");
    tick.className = "ia-select";
    const box = document.createElement("input");
    box.type = "checkbox";
    box.name = "select";
    box.setAttribute("aria-label", `Select ${card.cardholder.name} •••• ${card.last4}`);
    tick.appendChild(box);
    row.appendChild(tick);
    const th = document.createElement("th");
    th.scope = "row";
    const link = document.createElement("a");
    link.className = "ia-row-link";
    link.href = `/accounts/${account}/cards/${card.id}`;
    link.textContent = card.cardholder.name;
    th.appendChild(link);
    row.appendChild(th);
    const last4 = cell(row, "");
    const mono = document.createElement("span");
    mono.className = "ia-mono";
    mono.textContent = `•••• ${card.last4}`;
    last4.appendChild(mono);
    cell(row, brands[card.brand.toLowerCase()] || card.brand);
    cell(row, card.type === "virtual" ? "Virtual" : "Physical");
    const status = cell(row, "");
    const badge = document.createElement("span");
    badge.className = `ia-badge ia-badge-${card.status}`;
    badge.dataset.status = card.status;
    badge.textContent = card.status[0].toUpperCase() + card.status.slice(1);
    status.appendChild(badge);
    cell(row, `${String(card.exp_month).padStart(2, "0")}/${card.exp_year}`);
    cell(row, dates.format(new Date(card.created * 1000)));
    cell(row, limits(card), "ia-limits");
    rows.appendChild(row);
  }
  tbody.replaceChildren(rows);
}

async function page(after) {
  const query = new URLSearchParams({ limit });
  if (after) query.set("starting_after", after);
  const response = await fetch(`/api/accounts/${account}/cards?${query}`, {
    headers: { Authorization: `Bearer ${token}` },
  });
  const list = await response.json();
  draw(list.data);
  last = list.data.length ? list.data[list.data.length - 1].id : null;
}

// Like the panel, the page keeps where it is in the URL (a reload or a shared link shows the
// same page; back walks the pages).
document.querySelector("[data-page=older]").addEventListener("click", () => {
  const url = new URLSearchParams(location.search);
  url.set("starting_after", last);
  history.pushState(null, "", `?${url}`);
  page(last);
});
page(params.get("starting_after"));
