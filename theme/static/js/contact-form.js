// The contact form: checks in the page's language, sending without leaving the
// page, a draft kept in this tab, and an e-mail fallback when sending fails.
// Every message comes from the page's data attributes; without this script the
// form is a plain POST to the form service. The page loads it after its first
// paint: what the visitor typed before it arrived stays, and goes into the draft.
(() => {
  "use strict";

  const TIME_LIMIT_MS = 15000;
  const form = document.getElementById("contact-form");
  if (!form) return;
  const summary = document.getElementById("contact-errors");
  const failure = document.getElementById("contact-failure");
  const status = document.getElementById("contact-status");
  const button = form.querySelector("button:not([type]), button[type=submit]");
  const fields = Array.from(form.elements).filter(
    (el) => el.name && !el.name.startsWith("_") && el.type !== "hidden",
  );
  const draftKey = "contact-draft:" + location.pathname;
  const typed = new Set(fields.filter(changedByVisitor));
  let sending = false;

  form.noValidate = true;
  restoreDraft();
  preselectService();
  if (typed.size) saveDraft();
  form.addEventListener("input", saveDraft);
  form.addEventListener("change", (event) => {
    saveDraft();
    if (event.target.getAttribute("aria-invalid")) markField(event.target);
  });
  form.addEventListener("submit", submit);
  summary.addEventListener("click", focusField);

  // Whether a field holds something other than what the page gave it.
  function changedByVisitor(el) {
    if (el.type === "checkbox") return el.checked !== el.defaultChecked;
    if (el.tagName === "SELECT") {
      const given = Array.from(el.options).findIndex((option) => option.defaultSelected);
      return el.selectedIndex !== Math.max(given, 0);
    }
    return el.value !== el.defaultValue;
  }

  function saveDraft() {
    const draft = {};
    for (const el of fields) draft[el.name] = el.type === "checkbox" ? el.checked : el.value;
    try {
      sessionStorage.setItem(draftKey, JSON.stringify(draft));
    } catch {
      // Storage is off in this browser: the form still works, without a draft.
    }
  }

  function restoreDraft() {
    let draft;
    try {
      draft = JSON.parse(sessionStorage.getItem(draftKey));
    } catch {
      return;
    }
    if (!draft) return;
    for (const el of fields) {
      const value = draft[el.name];
      if (value === undefined || typed.has(el)) continue;
      if (el.type === "checkbox") el.checked = value === true;
      else if (el.tagName !== "SELECT" || hasOption(el, value)) el.value = value;
    }
  }

  function hasOption(select, value) {
    return Array.from(select.options).some((option) => option.value === value);
  }

  // A link from a service page names the service: ?service=<key>.
  function preselectService() {
    const select = form.elements.service;
    if (typed.has(select)) return;
    const key = new URLSearchParams(location.search).get(select.name);
    const option = Array.from(select.options).find((o) => key && o.dataset.key === key);
    if (option) option.selected = true;
  }

  function problemWith(el) {
    const missing = el.type === "checkbox" ? !el.checked : !el.value.trim();
    if (missing) return el.required ? el.dataset.required : "";
    if (el.validity.typeMismatch || el.validity.patternMismatch) return el.dataset.format;
    return "";
  }

  // Show or clear one field's message; return the message.
  function markField(el) {
    const message = problemWith(el);
    const id = el.id + "-error";
    document.getElementById(id)?.remove();
    if (!message) {
      el.removeAttribute("aria-invalid");
      el.removeAttribute("aria-describedby");
      return "";
    }
    const note = document.createElement("p");
    note.className = "field-error";
    note.id = id;
    note.textContent = message;
    el.before(note);
    el.setAttribute("aria-invalid", "true");
    el.setAttribute("aria-describedby", id);
    return message;
  }

  // Check every field; list the problems in the summary and move focus there.
  function checkAll() {
    const items = [];
    for (const el of fields) {
      const message = markField(el);
      if (!message) continue;
      const link = document.createElement("a");
      link.href = "#" + el.id;
      link.textContent = message;
      const item = document.createElement("li");
      item.append(link);
      items.push(item);
    }
    summary.querySelector("ul").replaceChildren(...items);
    summary.hidden = items.length === 0;
    if (items.length) summary.focus();
    return items.length === 0;
  }

  function focusField(event) {
    const link = event.target.closest("a");
    const field = link && document.getElementById(link.hash.slice(1));
    if (!field) return;
    event.preventDefault();
    field.focus();
  }

  async function submit(event) {
    event.preventDefault();
    if (sending || !checkAll()) return;
    sending = true;
    button.disabled = true;
    failure.replaceChildren();
    status.textContent = status.dataset.sending;
    const sent = await send();
    sending = false;
    button.disabled = false;
    if (sent) succeed();
    else fail();
  }

  // Post the form and return whether the service confirmed it in JSON in time.
  async function send() {
    const controller = new AbortController();
    const timer = setTimeout(() => controller.abort(), TIME_LIMIT_MS);
    try {
      // Encoded as the plain form would be, so the service sees the same fields.
      const response = await fetch(form.action, {
        method: "POST",
        body: new URLSearchParams(new FormData(form)),
        headers: { Accept: "application/json" },
        signal: controller.signal,
      });
      if (!response.ok) return false;
      const answer = await response.json();
      return Boolean(answer) && !answer.errors && answer.ok !== false;
    } catch {
      return false;
    } finally {
      clearTimeout(timer);
    }
  }

  function succeed() {
    try {
      sessionStorage.removeItem(draftKey);
    } catch {
      // Nothing was stored.
    }
    form.reset();
    form.hidden = true;
    status.textContent = status.dataset.sent;
    status.classList.add("is-sent");
    status.focus();
  }

  function fail() {
    status.textContent = "";
    const text = document.createElement("p");
    text.textContent = failure.dataset.failed;
    failure.replaceChildren(text);
    // The e-mail fallback is offered only where the page gives a real address.
    if (failure.dataset.mailto) {
      const link = document.createElement("a");
      link.className = "button button-secondary";
      link.href = mailtoLink();
      link.textContent = failure.dataset.mailtoText;
      const action = document.createElement("p");
      action.append(link);
      failure.append(action);
    }
    button.focus();
  }

  // A mailto: link with the subject and everything the visitor wrote.
  function mailtoLink() {
    const lines = [];
    for (const el of fields) {
      if (el.type === "checkbox" || el.name === "message" || !el.value.trim()) continue;
      lines.push(el.labels[0].firstChild.textContent.trim() + ": " + el.value.trim());
    }
    lines.push("", form.elements.message.value);
    const subject = encodeURIComponent(form.elements._subject.value);
    const body = encodeURIComponent(lines.join("\r\n"));
    return "mailto:" + failure.dataset.mailto + "?subject=" + subject + "&body=" + body;
  }
})();
