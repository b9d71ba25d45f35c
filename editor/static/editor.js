// The site's editor: Decap CMS over our Markdown files, checked by the build's own
// parsers through the preview server. Loaded before Decap, which waits for init().
"use strict";

window.CMS_MANUAL_INIT = true;

// --- Our file format: Pelican's "Name: value" lines, a blank line, Markdown. ---
// Only the lines of changed fields are rewritten, so that one edit is one line
// of `git diff`; fields the editor does not show (Template, Save_as…) stay as
// they are. The file as read is kept with the entry to compare against.
const SOURCE = "$source";
const FIELD_LINE = /^ {0,3}([A-Za-z0-9_-]+):(.*)$/;
const CONTINUATION = /^ {4,}\S/;

function splitPage(text) {
  const eol = text.includes("\r\n") ? "\r\n" : "\n";
  const lines = text.split(eol);
  const fields = [];
  let index = 0;
  for (; index < lines.length; index += 1) {
    const match = FIELD_LINE.exec(lines[index]);
    if (match) {
      fields.push({ name: match[1], value: match[2].trim(), lines: [lines[index]] });
    } else if (fields.length && CONTINUATION.test(lines[index])) {
      const field = fields[fields.length - 1];
      field.value += "\n" + lines[index].trim();
      field.lines.push(lines[index]);
    } else {
      break;
    }
  }
  if (index < lines.length && lines[index].trim() === "") index += 1;
  return { eol, fields, body: lines.slice(index).join(eol) };
}

function oneLine(value) {
  return value === undefined || value === null ? "" : String(value).split(/\s+/).join(" ").trim();
}

function fieldName(key) {
  return key.charAt(0).toUpperCase() + key.slice(1);
}

const pelicanFormat = {
  fromFile(text) {
    const page = splitPage(text);
    const data = { [SOURCE]: text, body: page.body };
    for (const field of page.fields) data[field.name.toLowerCase()] = field.value;
    return data;
  },
  toFile(data, fieldsOrder = []) {
    const page = splitPage(data[SOURCE] || "");
    const shown = fieldsOrder.filter((key) => key !== "body" && key !== SOURCE);
    const lines = [];
    const written = [];
    for (const field of page.fields) {
      const key = field.name.toLowerCase();
      if (!shown.includes(key)) {
        lines.push(...field.lines);
        continue;
      }
      written.push(key);
      const value = oneLine(data[key]);
      if (value === oneLine(field.value)) lines.push(...field.lines);
      else if (value !== "") lines.push(`${field.name}: ${value}`);
    }
    for (const key of shown) {
      const value = oneLine(data[key]);
      if (written.includes(key) || value === "") continue;
      const before = shown.slice(0, shown.indexOf(key));
      const after = lines.findLastIndex((line) => {
        const match = FIELD_LINE.exec(line);
        return match && before.includes(match[1].toLowerCase());
      });
      lines.splice(after === -1 ? lines.length : after + 1, 0, `${fieldName(key)}: ${value}`);
    }
    const body = data.body === undefined || data.body === null ? "" : String(data.body);
    const text = lines.join(page.eol) + page.eol;
    return body ? text + page.eol + body : text;
  },
};

// --- The build's checks, asked of the preview server as the owner types. ---
// Decap validates every field at once, without waiting, when the owner saves:
// each value is checked as it is typed, and a value typed a moment before
// saving is checked then, with a request that waits for its answer.
let site = {};
const checked = new Map();

function checkRequest(path, field, value, wait) {
  const request = new XMLHttpRequest();
  request.open("POST", site.check_url, !wait);
  request.setRequestHeader("Content-Type", "application/json");
  request.send(JSON.stringify({ path, field, value }));
  return request;
}

function answerOf(request) {
  return request.status === 200 ? JSON.parse(request.responseText).message : null;
}

function checkSoon(path, field, value) {
  const id = JSON.stringify([path, field, value]);
  if (checked.has(id)) return;
  const request = checkRequest(path, field, value, false);
  request.addEventListener("load", () => checked.set(id, answerOf(request)));
}

function checkNow(path, field, value) {
  const id = JSON.stringify([path, field, value]);
  if (!checked.has(id)) checked.set(id, answerOf(checkRequest(path, field, value, true)));
  return checked.get(id);
}

// Decap's createClass and h exist once its script has run: made in start().
function checkedControl() {
  return createClass({
    componentDidMount() {
      this.ask(this.props.value);
    },
    ask(value) {
      if (site.check_url) checkSoon(this.path(), this.props.field.get("name"), value || "");
    },
    path() {
      return this.props.entry.get("path");
    },
    isValid() {
      if (!site.check_url) return true;
      const message = checkNow(this.path(), this.props.field.get("name"), this.props.value || "");
      return message ? { error: { type: "CUSTOM", message } } : true;
    },
    render() {
      const { forID, value, field, classNameWrapper, setActiveStyle, setInactiveStyle } = this.props;
      const multiline = field.get("multiline");
      return h(multiline ? "textarea" : "input", {
        id: forID,
        type: multiline ? undefined : "text",
        rows: multiline ? 3 : undefined,
        className: classNameWrapper,
        value: value || "",
        onChange: (event) => {
          this.props.onChange(event.target.value);
          this.ask(event.target.value);
        },
        onFocus: setActiveStyle,
        onBlur: setInactiveStyle,
      });
    },
  });
}

function fixedControl() {
  return createClass({
    render() {
      const { forID, value, classNameWrapper } = this.props;
      return h("input", { id: forID, className: classNameWrapper, value: value || "", readOnly: true });
    },
  });
}

function TextPreview(props) {
  return h("span", null, props.value);
}

// --- The preview: the page as edited, beside its translations as built. ---
function languageOf(collectionName) {
  return site.languages.find((language) => language.collections.includes(collectionName));
}

function Facts(props) {
  const rows = props.fields
    .filter((field) => !["title", "summary", "body", "key"].includes(field.get("name")))
    .map((field) => [field.get("label"), props.data.get(field.get("name"))])
    .filter(([, value]) => value !== undefined && value !== null && value !== "");
  if (!rows.length) return null;
  return h(
    "dl",
    { className: "preview-facts" },
    rows.flatMap(([label, value]) => [h("dt", { key: `${label}-t` }, label), h("dd", { key: `${label}-d` }, String(value))]),
  );
}

function SideBySide(props) {
  const { entry, collection, fields, widgetFor } = props;
  const data = entry.get("data");
  const own = languageOf(collection.get("name"));
  const key = data.get("key");
  const translations = site.languages
    .filter((language) => language.lang !== own.lang)
    .map((language) => {
      const path = (site.translations[key] || {})[language.lang];
      const address = site.pages[path];
      return h(
        "section",
        { key: language.lang, className: "preview-translation" },
        h("h2", { className: "preview-language" }, `Käännös: ${language.name}`),
        address
          ? h("iframe", { src: new URL(address, location.href).href, title: `Käännös (${language.name}): ${path}` })
          : h("p", null, "Käännöstä ei ole vielä esikatselussa."),
        path ? h("p", { className: "preview-path" }, path) : null,
      );
    });
  return h(
    "div",
    { className: "side-by-side" },
    h(
      "article",
      { lang: own.lang, className: "preview-page" },
      h("h2", { className: "preview-language" }, `Muokattava sivu: ${own.name}`),
      h("h1", null, data.get("title")),
      h("p", { className: "preview-summary" }, data.get("summary")),
      h(Facts, { fields, data }),
      widgetFor("body"),
    ),
    ...translations,
  );
}

// --- Our chrome: "new service" and the facts only the settings hold. ---
function setUpOwnerFacts() {
  document.querySelector(".settings-file").textContent = site.settings_file;
  const body = document.querySelector(".owner-facts tbody");
  for (const fact of site.owner_facts) {
    const rows = [[fact.setting, fact.value, fact.line]];
    for (const other of fact.languages) rows.push([`${fact.setting} (${other.lang})`, other.value, other.line]);
    for (const [setting, value, line] of rows) {
      const row = body.insertRow();
      const name = document.createElement("th");
      name.scope = "row";
      name.append(Object.assign(document.createElement("code"), { textContent: setting }));
      row.append(name);
      row.insertCell().textContent = value;
      row.insertCell().textContent = String(line);
    }
  }
}

function setUpNewService() {
  const dialog = document.getElementById("new-service");
  const form = dialog.querySelector("form");
  const names = form.querySelector(".new-service-names");
  for (const language of site.languages) {
    const id = `new-service-${language.lang}`;
    const field = document.createElement("p");
    const label = Object.assign(document.createElement("label"), {
      htmlFor: id,
      textContent: `Tiedoston nimi (${language.name}), valinnainen`,
    });
    const input = Object.assign(document.createElement("input"), { id, name: language.lang, autocomplete: "off" });
    field.append(label, input);
    names.append(field);
  }
  form.addEventListener("submit", async (event) => {
    if (event.submitter && event.submitter.value === "cancel") return;
    event.preventDefault();
    const request = Object.fromEntries(new FormData(form));
    const answer = await fetch(site.new_service_url, {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify(request),
    }).then((response) => response.json());
    if (answer.message) {
      form.querySelector(".editor-error").textContent = answer.message;
      return;
    }
    dialog.close();
    const main = site.languages[0];
    const slug = answer.paths[main.lang].split("/").pop().replace(/\.md$/, "");
    location.hash = `#/collections/${main.collections[0]}/entries/${slug}`;
    location.reload();
  });
  document.querySelector('[data-opens="new-service"]').hidden = !site.new_service_url;
}

function setUpDialogs() {
  for (const button of document.querySelectorAll("[data-opens]")) {
    button.addEventListener("click", () => document.getElementById(button.dataset.opens).showModal());
  }
}

// --- Decap's own words the owner meets most, in Finnish (the rest stay English).
// "Publish" writes the file: here it is "save", as publishing is `make publish`.
const FINNISH = {
  auth: { login: "Kirjaudu", loggingIn: "Kirjaudutaan…", loginWithGitHub: "Kirjaudu GitHubilla" },
  app: { header: { content: "Sivut", media: "Kuvat" }, app: { loadingConfig: "Ladataan asetuksia…" } },
  collection: {
    sidebar: { collections: "Sivut", allCollections: "Kaikki sivut", searchAll: "Hae kaikista", searchIn: "Hae" },
    collectionTop: { sortBy: "Järjestä", viewAs: "Näytä", ascending: "Nouseva", descending: "Laskeva" },
    entries: { loadingEntries: "Ladataan sivuja…", noEntries: "Ei sivuja" },
  },
  editor: {
    editorControl: { field: { optional: "valinnainen" } },
    editorControlPane: {
      widget: {
        required: "%{fieldLabel}: kenttä on pakollinen.",
        min: "%{fieldLabel}: vähintään %{minValue}.",
        max: "%{fieldLabel}: enintään %{maxValue}.",
        range: "%{fieldLabel}: %{minValue}–%{maxValue}.",
        processing: "%{fieldLabel}: tarkistetaan…",
      },
    },
    editor: {
      onLeavePage: "Haluatko varmasti poistua? Tallentamattomat muutokset katoavat.",
      loadingEntry: "Ladataan sivua…",
    },
    editorInterface: { togglePreview: "Näytä tai piilota esikatselu", toggleScrollSync: "Vieritä yhdessä" },
    editorToolbar: {
      publishing: "Tallennetaan…",
      publish: "Tallenna",
      published: "Tallennettu",
      publishNow: "Tallenna nyt",
      unsavedChanges: "Tallentamattomia muutoksia",
      changesSaved: "Muutokset tallennettu",
      backCollection: " Muokkaat: %{collectionLabel}",
      deployPreviewPendingButtonLabel: "Esikatselu",
    },
  },
  ui: {
    settingsDropdown: { logOut: "Kirjaudu ulos" },
    toast: {
      missingRequiredField: "Jokin kenttä on vielä korjattava: katso punaiset ilmoitukset.",
      entryPublished: "Tallennettu: esikatselu päivittyy.",
      onFailToPersist: "Tallennus epäonnistui: %{details}",
    },
  },
};

// --- Start: our configuration first, then Decap with it. ---
async function start() {
  const config = await fetch("config.json").then((answer) => answer.json());
  site = config.site;
  if (!site.local) document.querySelector('.editor-bar a[href="/"]').textContent = "Avaa sivusto";
  setUpOwnerFacts();
  setUpNewService();
  CMS.registerLocale("fi", FINNISH);
  CMS.registerCustomFormat("pelican", "md", pelicanFormat);
  CMS.registerWidget("checked", checkedControl(), TextPreview);
  CMS.registerWidget("fixed", fixedControl(), TextPreview);
  CMS.registerPreviewStyle("preview.css");
  for (const collection of config.cms.collections) {
    CMS.registerPreviewTemplate(collection.name, SideBySide);
  }
  CMS.init({ config: config.cms });
}

setUpDialogs(); // deferred like Decap, this script runs once the page is read
document.addEventListener("DOMContentLoaded", start);
