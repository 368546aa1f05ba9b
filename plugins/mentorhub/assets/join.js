/* mentorhub join forms (/join/<form>/): check the answers against the record type's
   JSON Schema (the one `mentorhub schemas` prints, embedded in the page), show the exact
   file they make, and hand it to the repository's "new file" page.

   The form is rendered on the server from hub/schema.py (site/join.py); this script only
   reads it. Ajv (assets/vendor/ajv2020.min.js) checks the answers; the age bundle
   (assets/vendor/age.min.js) seals a hidden email to the hub's recipients. Everything runs
   in the page: nothing is sent anywhere until the reader follows "Continue on GitHub".
   docs/guide/join.md describes the flow. */
(function () {
  "use strict";

  var root = document.querySelector("[data-mh-join]");
  if (!root || !window.MentorhubAjv2020) return;  // without the validator: the no-JS route stays

  var config = JSON.parse(root.querySelector(".mh-join__config").textContent);
  var messages = JSON.parse(root.querySelector(".mh-join__messages").textContent);
  var form = root.querySelector(".mh-join__form");
  var summary = root.querySelector(".mh-join__summary");
  var result = root.querySelector(".mh-join__result");
  var idInput = form.elements.namedItem("id");
  var storageKey = "mentorhub-join:" + config.type;
  // With recipients a hidden email is always sealed (or refused): never written in plain.
  var sealing = config.recipients.length > 0;
  var idTouched = false;
  var currentText = "";

  var validate = new window.MentorhubAjv2020({
    allErrors: true, strict: false,
    formats: { date: isRealDate, email: true }  // email: the schema's own pattern decides
  }).compile(config.schema);

  root.querySelector(".mh-join__nojs").hidden = true;
  form.hidden = false;

  function message(key, values) {
    return (messages[key] || messages.invalid).replace(/%\((\w+)\)s/g, function (_, name) {
      return values && values[name] !== undefined ? String(values[name]) : "";
    });
  }

  function isRealDate(text) {
    var m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
    if (!m) return false;
    var d = new Date(Date.UTC(+m[1], +m[2] - 1, +m[3]));
    return d.getUTCFullYear() === +m[1] && d.getUTCMonth() === +m[2] - 1 && d.getUTCDate() === +m[3];
  }

  /* -- the form's questions ------------------------------------------------------------ */

  function box(name) {
    return form.querySelector('[data-mh-field="' + name + '"]');
  }

  function topBoxes() {
    return Array.prototype.filter.call(form.querySelectorAll("[data-mh-field]"), function (el) {
      return el.getAttribute("data-mh-field").indexOf(".") === -1;
    });
  }

  function shown(el) {
    for (var node = el; node && node !== form; node = node.parentElement) {
      if (node.hidden) return false;
    }
    return true;
  }

  function checked(name) {
    return Array.prototype.filter.call(form.querySelectorAll('input[name="' + name + '"]'),
      function (input) { return input.checked; }).map(function (input) { return input.value; });
  }

  function textOf(name) {
    var field = form.elements.namedItem(name);
    return field && typeof field.value === "string" ? field.value : "";
  }

  function numberOf(name) {
    var text = textOf(name).trim();
    if (text === "") {
      var field = form.elements.namedItem(name);
      // A number input that holds something unreadable reports "" but is invalid.
      return field && field.validity && field.validity.badInput ? "?" : undefined;
    }
    var n = Number(text);
    return isNaN(n) ? text : n;
  }

  /* What was answered, as front matter (plus the body and the file name). */
  function collect() {
    var data = {};
    var body = "";
    topBoxes().forEach(function (el) {
      var name = el.getAttribute("data-mh-field");
      var widget = el.getAttribute("data-mh-widget");
      if (!shown(el) || name === "id") return;
      var value;
      if (widget === "body") {
        body = textOf(name).replace(/\s+$/, "");
        return;
      } else if (widget === "checkbox" || (widget === "pick" && el.hasAttribute("data-mh-many"))) {
        value = checked(name);
        if (!value.length) value = undefined;
      } else if (widget === "radio" || widget === "pick") {
        value = checked(name)[0] || undefined;
      } else if (widget === "lines") {
        value = textOf(name).split("\n").map(function (s) { return s.trim(); }).filter(Boolean);
        if (!value.length) value = undefined;
      } else if (widget === "number") {
        value = numberOf(name);
      } else if (widget === "consent") {
        value = form.elements.namedItem(name).checked ? true : undefined;
      } else if (widget === "group") {
        value = {};
        Array.prototype.forEach.call(el.querySelectorAll("[data-mh-field]"), function (part) {
          var partName = part.getAttribute("data-mh-field");
          var n = numberOf(partName);
          if (n !== undefined) value[partName.split(".")[1]] = n;
        });
        if (!Object.keys(value).length) value = undefined;
      } else if (widget === "contact") {
        var email = textOf("contact.email").trim();
        value = email ? { email: email, "public": checked("contact.public")[0] === "true" } : undefined;
      } else if (widget === "date") {
        value = textOf(name) || undefined;
      } else {
        value = textOf(name).trim() || undefined;
        if (value && widget === "textarea") value = textOf(name).replace(/^\s+|\s+$/g, "");
      }
      if (value !== undefined) data[name] = value;
    });
    config.todayFields.forEach(function (name) { data[name] = config.today; });
    return { data: data, body: body, id: idInput.value.trim() };
  }

  /* -- checking ---------------------------------------------------------------------- */

  function fieldOf(error) {
    var parts = error.instancePath.split("/").slice(1);
    if (error.keyword === "required") parts.push(error.params.missingProperty);
    if (!parts.length) return "";
    var nested = parts.length > 1 && typeof parts[1] === "string" && box(parts[0] + "." + parts[1]);
    return nested ? parts[0] + "." + parts[1] : parts[0];
  }

  function wordsFor(error, name) {
    var el = box(name);
    var widget = el ? el.getAttribute("data-mh-widget") : "";
    var p = error.params || {};
    switch (error.keyword) {
      case "required":
      case "minItems":
        if (widget === "consent") return message("consent");
        return /^(checkbox|pick|radio)$/.test(widget) ? message("requiredPick") : message("required");
      case "const": return widget === "consent" ? message("consent") : message("invalid");
      case "maxLength": return message("tooLong", { max: p.limit });
      case "minLength": return message("empty");
      case "format": return p.format === "date" ? message("date") : message("invalid");
      case "pattern":
        if (widget === "url") return message("url");
        if (widget === "email" || name === "contact.email") return message("email");
        return /\n/.test(textOf(name).trim()) ? message("oneLine") : message("empty");
      case "type":
        return widget === "number" ? message("whole") : message("invalid");
      case "minimum":
      case "maximum":
        var input = el && el.querySelector("input");
        var min = input && input.getAttribute("min"), max = input && input.getAttribute("max");
        return min !== null && max !== null ? message("range", { min: min, max: max })
          : message("min", { min: min });
      default: return message("invalid");
    }
  }

  /* Field name → message: the schema's verdict first, then what a schema cannot see. */
  function problems(answers) {
    var found = {};
    function add(name, text) { if (name && !found[name]) found[name] = text; }
    if (!validate(answers.data)) {
      validate.errors.forEach(function (error) {
        // if/then/else and the combinators only say that a branch failed: the branch's own
        // errors name the field.
        if (/^(if|then|else|allOf|anyOf|oneOf)$/.test(error.keyword)) return;
        var name = fieldOf(error);
        add(box(name) ? name : name.split(".")[0], wordsFor(error, name));
      });
    }
    var id = answers.id;
    if (!id) add("id", message("idMissing"));
    else if (!new RegExp(config.idPattern).test(id)) add("id", message("idPattern"));
    else if (id.length > config.maxIdLength) add("id", message("idLong", { max: config.maxIdLength }));
    else if (config.reserved.indexOf(id) !== -1) add("id", message("idReserved"));
    else if (answers.taken.indexOf(id) !== -1) add("id", message("idTaken"));
    if (config.type === "resource" && !answers.data.url && !answers.body) add("url", message("needsLinkOrBody"));
    // `mentorhub check` refuses emails in published text (hub/pii.py): say so here first.
    var email = new RegExp(config.emailPattern.replace(/^\^|\$$/g, ""));
    Object.keys(answers.data).forEach(function (name) {
      var value = answers.data[name];
      var texts = typeof value === "string" ? [value] : Array.isArray(value) ? value : [];
      var el = box(name);
      var prose = el && /^(text|textarea|lines)$/.test(el.getAttribute("data-mh-widget"));
      if (prose && texts.some(function (t) { return typeof t === "string" && email.test(t); })) {
        add(name, message("noEmail"));
      }
    });
    if (email.test(answers.body)) add("body", message("noEmail"));
    return found;
  }

  function labelOf(el) {
    var label = el.querySelector("legend, label");
    if (!label) return "";
    var copy = label.cloneNode(true);
    Array.prototype.forEach.call(copy.querySelectorAll(".mh-q__required"), function (r) { r.remove(); });
    return copy.textContent.trim();
  }

  function focusTarget(el) {
    // A long list shows no choices until searched: its search box is where to start.
    return el.querySelector("input:not([type=search]), textarea, select") ||
      el.querySelector("input[type=search]") || el;
  }

  function clearErrors() {
    Array.prototype.forEach.call(form.querySelectorAll(".mh-q--invalid"), function (el) {
      el.classList.remove("mh-q--invalid");
    });
    Array.prototype.forEach.call(form.querySelectorAll(".mh-q__error"), function (p) {
      p.textContent = "";
      p.hidden = true;
    });
    Array.prototype.forEach.call(form.querySelectorAll("[aria-invalid]"), function (input) {
      input.removeAttribute("aria-invalid");
    });
    summary.hidden = true;
    summary.querySelector("ul").textContent = "";
  }

  function showErrors(found) {
    clearErrors();
    var list = summary.querySelector("ul");
    // In the order of the form, so the summary reads like the page.
    Array.prototype.forEach.call(form.querySelectorAll("[data-mh-field]"), function (el) {
      var name = el.getAttribute("data-mh-field");
      if (!found[name]) return;
      var error = el.querySelector(".mh-q__error");
      error.textContent = found[name];
      error.hidden = false;
      el.classList.add("mh-q--invalid");
      var target = focusTarget(el);
      if (target !== el) target.setAttribute("aria-invalid", "true");
      var item = document.createElement("li");
      var link = document.createElement("a");
      link.href = "#" + (target.id || "");
      link.textContent = labelOf(el) + ": " + found[name];
      link.addEventListener("click", function (event) {
        event.preventDefault();
        target.focus();
        el.scrollIntoView({ block: "center" });
      });
      item.appendChild(link);
      list.appendChild(item);
    });
    summary.hidden = false;
    summary.focus();
  }

  /* -- the file ---------------------------------------------------------------------- */

  // JSON strings are valid YAML double-quoted scalars; YAML also breaks lines at U+2028/9.
  function quoted(text) {
    return JSON.stringify(String(text)).replace(/\u2028/g, "\\u2028").replace(/\u2029/g, "\\u2029");
  }

  function dateNames() {
    var names = config.todayFields.slice();
    Array.prototype.forEach.call(form.querySelectorAll('[data-mh-type="date"]'), function (el) {
      names.push(el.getAttribute("data-mh-field"));
    });
    return names;
  }

  function scalar(value, isDate) {
    if (typeof value === "boolean" || typeof value === "number") return String(value);
    return isDate ? value : quoted(value);
  }

  function fileText(data, body) {
    var dates = dateNames();
    var lines = ["---"];
    config.order.forEach(function (name) {
      if (!(name in data)) return;
      var value = data[name];
      if (Array.isArray(value)) {
        lines.push(name + ": [" + value.map(function (v) { return scalar(v, false); }).join(", ") + "]");
      } else if (value && typeof value === "object") {
        lines.push(name + ":");
        Object.keys(value).forEach(function (key) {
          var v = value[key];
          if (key === "sealed") {
            lines.push("  sealed: |");
            v.replace(/\s+$/, "").split(/\r?\n/).forEach(function (line) { lines.push("    " + line); });
          } else {
            lines.push("  " + key + ": " + scalar(v, false));
          }
        });
      } else {
        lines.push(name + ": " + scalar(value, dates.indexOf(name) !== -1));
      }
    });
    lines.push("---");
    return lines.join("\n") + "\n" + (body ? "\n" + body + "\n" : "");
  }

  /* The hidden email, sealed to the hub's recipients (age, ASCII armor); the plaintext
     stays in the input field and is never written to the file or to sessionStorage.
     The block names the person it is for (hub/sealing.py: {"email", "person"}), so a
     block copied onto another profile is refused when an organizer opens it. */
  function sealed(data, id) {
    var contact = data.contact;
    if (!contact || contact["public"] || !sealing) return Promise.resolve(data);
    if (!window.MentorhubAge) return Promise.reject(new Error("the age library did not load"));
    var encrypter = new window.MentorhubAge.Encrypter();
    config.recipients.forEach(function (key) { encrypter.addRecipient(key); });
    var payload = JSON.stringify({ email: contact.email, person: id });
    return encrypter.encrypt(payload).then(function (bytes) {
      var copy = Object.assign({}, data);
      copy.contact = { sealed: window.MentorhubAge.armor.encode(bytes) };
      return copy;
    });
  }

  function newFileUrl(filename, text) {
    if (!config.newBase) return "";
    var query = new URLSearchParams({ filename: filename, value: text }).toString();
    return config.newBase + encodeURIComponent(config.folder) + "?" + query;
  }

  function optionLabel(name, value) {
    var input = form.querySelector('input[name="' + name + '"][value="' + CSS.escape(value) + '"]');
    return input ? input.parentElement.textContent.trim() : value;
  }

  function findUrl(data) {
    if (!config.findUrl || !data.seeks || !(data.roles || []).includes("mentee")) return "";
    var params = new URLSearchParams();
    params.append("Offers", optionLabel("seeks", data.seeks[0]));
    params.append("Language", optionLabel("languages", data.languages[0]));
    return config.findUrl + "?" + params.toString();
  }

  function showResult(answers, data) {
    var filename = answers.id + ".md";
    currentText = fileText(data, answers.body);
    result.querySelector(".mh-join__path").textContent =
      config.contentDir + "/" + config.folder + "/" + filename;
    result.querySelector(".mh-join__text").textContent = currentText;
    var url = newFileUrl(filename, currentText);
    var github = result.querySelector(".mh-join__github");
    github.hidden = !url;
    result.querySelector(".mh-join__github-note").hidden = !url;
    result.querySelector(".mh-join__copy-note").hidden = !!url;
    if (url) github.querySelector("a").href = url;
    var find = findUrl(data);
    var findLine = result.querySelector(".mh-join__find");
    findLine.hidden = !find;
    if (find) findLine.querySelector("a").href = find;
    result.querySelector(".mh-join__copied").textContent = "";
    result.hidden = false;
    result.focus();
  }

  /* The ids already taken (join/data/ids-<type>.json), fetched once, when first needed.
     If they cannot be fetched the check is skipped: `mentorhub check` catches a clash. */
  var takenIds = null;
  function loadTaken() {
    if (!takenIds) {
      takenIds = fetchJson(config.takenUrl).catch(function () { takenIds = null; return []; });
    }
    return takenIds;
  }

  function submit(event) {
    event.preventDefault();
    result.hidden = true;
    var answers = collect();
    loadTaken().then(function (taken) {
      answers.taken = taken;
      var found = problems(answers);
      if (Object.keys(found).length) {
        showErrors(found);
        return;
      }
      clearErrors();
      sealed(answers.data, answers.id).then(function (data) {
        showResult(answers, data);
      }, function () {
        showErrors({ contact: message("sealFailed") });
      });
    });
  }

  /* -- helpers while typing ----------------------------------------------------------- */

  var LATIN = { "ß": "ss", "æ": "ae", "ø": "o", "œ": "oe", "ł": "l", "đ": "d", "ð": "d",
    "þ": "th", "ı": "i", "ħ": "h", "ŧ": "t", "ŋ": "n", "ĸ": "k", "ſ": "s" };

  /* The id `mentorhub new` makes from a title (commands/new_ids.py): accents off, Latin
     letters spelled out, words joined by "-", cut at a word boundary; "" when a letter
     has no safe a-z spelling (李雷): the reader then chooses the file name. */
  function idFromTitle(title, max) {
    var words = [], current = "", foreign = false;
    Array.from(title.toLowerCase().normalize("NFKD")).forEach(function (ch) {
      ch = LATIN[ch] || ch;
      if (/^[a-z0-9]+$/.test(ch)) { current += ch; return; }
      if (/\p{Mn}/u.test(ch)) return;
      if (/[\p{L}\p{N}]/u.test(ch)) foreign = true;
      if (current) { words.push(current); current = ""; }
    });
    if (current) words.push(current);
    if (foreign || !words.length) return "";
    var id = words[0].slice(0, max);
    for (var i = 1; i < words.length; i++) {
      if (id.length + 1 + words[i].length > max) break;
      id += "-" + words[i];
    }
    return id;
  }
  window.MentorhubJoinId = idFromTitle;  // for the tests: the same rule as `mentorhub new`

  function suggestId() {
    if (idTouched) return;
    var title = textOf(config.type === "person" ? "name" : "title");
    var prefix = config.datePrefix ? (textOf("date") || config.today) + "-" : "";
    var id = idFromTitle(title, config.maxIdLength - prefix.length);
    idInput.value = id ? prefix + id : "";
  }

  function updateShowIf() {
    Array.prototype.forEach.call(form.querySelectorAll("[data-mh-show-if]"), function (el) {
      var rule = el.getAttribute("data-mh-show-if").split("=");
      el.hidden = checked(rule[0]).indexOf(rule[1]) === -1;
    });
  }

  function fold(text) {
    return text.normalize("NFKD").replace(/\p{Mn}/gu, "").toLowerCase();
  }

  function matches(words, text) {
    var folded = fold(text);
    return words.every(function (w) { return folded.indexOf(w) !== -1; });
  }

  function filterList(input) {
    var words = fold(input.value).split(/\s+/).filter(Boolean);
    var list = document.getElementById(input.getAttribute("aria-controls"));
    if (list.hasAttribute("data-mh-source")) return searchLongList(list, words);
    Array.prototype.forEach.call(list.querySelectorAll("[data-mh-search]"), function (label) {
      label.hidden = !matches(words, label.getAttribute("data-mh-search"));
    });
  }

  /* -- lists too long for the page (people, or skills of a large vocabulary) ------------
     The page carries none of their choices: the list is fetched from join/data/ the
     first time it is searched or a saved answer needs it, and only the first matches are
     shown, as checkboxes or radios like any other list. Chosen ones stay shown. */
  var SHOWN = 30;
  var fetched = {};

  function fetchJson(url) {
    if (!fetched[url]) {
      fetched[url] = fetch(url, { credentials: "same-origin" }).then(function (response) {
        if (!response.ok) throw new Error(response.status + " " + url);
        return response.json();
      });
      fetched[url].catch(function () { delete fetched[url]; });  // try again next time
    }
    return fetched[url];
  }

  function listName(list) {
    return list.closest("[data-mh-field]").getAttribute("data-mh-field");
  }

  function addChoice(list, row) {
    var name = listName(list);
    var many = list.closest("[data-mh-field]").hasAttribute("data-mh-many");
    var label = document.createElement("label");
    label.className = "mh-q__option";
    label.setAttribute("data-mh-search", row[1] + " " + row[2]);
    var input = document.createElement("input");
    input.type = many ? "checkbox" : "radio";
    input.name = name;
    input.value = row[0];
    label.appendChild(input);
    label.appendChild(document.createTextNode(" " + row[1]));
    list.querySelector(".mh-q__options").appendChild(label);
    return input;
  }

  function choiceIn(list, value) {
    return list.querySelector('input[value="' + CSS.escape(value) + '"]');
  }

  function setStatus(list, text) {
    var line = document.getElementById(list.id.replace(/-list$/, "-status"));
    if (line) line.textContent = text;
  }

  function searchLongList(list, words) {
    // Unchosen choices from the last search go; chosen ones (and "No answer") stay.
    Array.prototype.forEach.call(list.querySelectorAll("label[data-mh-search]"), function (label) {
      if (!label.querySelector("input").checked) label.remove();
    });
    var query = words.join(" ");
    list.setAttribute("data-mh-query", query);
    if (!words.length) {
      setStatus(list, message("listHint", { count: list.getAttribute("data-mh-count") }));
      return Promise.resolve();
    }
    return fetchJson(list.getAttribute("data-mh-source")).then(function (rows) {
      if (list.getAttribute("data-mh-query") !== query) return;  // typed on since
      var found = rows.filter(function (row) { return matches(words, row[1] + " " + row[2]); });
      found.slice(0, SHOWN).forEach(function (row) {
        if (!choiceIn(list, row[0])) addChoice(list, row);
      });
      setStatus(list, !found.length ? message("listNone")
        : found.length > SHOWN ? message("listMore", { shown: SHOWN }) : "");
    }, function () {
      setStatus(list, message("listFailed"));
    });
  }

  /* Saved answers name choices the page does not carry yet: fetch their lists first. */
  function addSavedChoices(values) {
    var lists = form.querySelectorAll("[data-mh-source]");
    return Promise.all(Array.prototype.map.call(lists, function (list) {
      var saved = (values[listName(list)] || []).filter(Boolean);
      setStatus(list, message("listHint", { count: list.getAttribute("data-mh-count") }));
      if (!saved.length) return null;
      return fetchJson(list.getAttribute("data-mh-source")).then(function (rows) {
        rows.forEach(function (row) {
          if (saved.indexOf(row[0]) !== -1 && !choiceIn(list, row[0])) addChoice(list, row);
        });
      }, function () { setStatus(list, message("listFailed")); });
    }));
  }

  function updateChosen() {
    Array.prototype.forEach.call(form.querySelectorAll(".mh-q--pick"), function (el) {
      var name = el.getAttribute("data-mh-field");
      var labels = checked(name).filter(Boolean).map(function (v) { return optionLabel(name, v); });
      el.querySelector(".mh-pick__chosen").textContent = labels.length
        ? message("chosen", { list: labels.join(", ") }) : "";
    });
  }

  function updateContactNote() {
    var note = form.querySelector(".mh-join__contact-note");
    if (!note) return;
    var email = textOf("contact.email").trim();
    var isPublic = checked("contact.public")[0] === "true";
    note.textContent = !email ? "" : isPublic ? message("publicEmail")
      : sealing ? message("sealed") : message("plainHidden");
  }

  /* -- keeping what was typed (sessionStorage, this tab only) -------------------------- */

  // A hidden email that will be sealed is never stored: the plaintext stays in the page.
  function keepsEmail() {
    return !sealing || checked("contact.public")[0] === "true";
  }

  function save() {
    var state = { idTouched: idTouched, values: {} };
    Array.prototype.forEach.call(form.elements, function (field) {
      if (!field.name || field.type === "search") return;
      if (field.name === "contact.email" && !keepsEmail()) return;
      var values = state.values[field.name] = state.values[field.name] || [];
      if (field.type === "checkbox" || field.type === "radio") {
        if (field.checked) values.push(field.value);
      } else {
        values.push(field.value);
      }
    });
    try { sessionStorage.setItem(storageKey, JSON.stringify(state)); } catch (e) { /* private mode */ }
  }

  function restore() {
    var state;
    try { state = JSON.parse(sessionStorage.getItem(storageKey) || "null"); } catch (e) { state = null; }
    var values = state && state.values ? state.values : {};
    return addSavedChoices(values).then(function () {
      if (!state || !state.values) return;
      idTouched = !!state.idTouched;
      Array.prototype.forEach.call(form.elements, function (field) {
        if (!field.name || !(field.name in values)) return;
        var saved = values[field.name];
        if (field.type === "checkbox" || field.type === "radio") field.checked = saved.indexOf(field.value) !== -1;
        else if (saved.length) field.value = saved[0];
      });
    });
  }

  function forget() {
    try { sessionStorage.removeItem(storageKey); } catch (e) { /* private mode */ }
  }

  function refresh() {
    updateShowIf();
    updateChosen();
    updateContactNote();
  }

  /* -- wiring ------------------------------------------------------------------------- */

  form.addEventListener("input", function (event) {
    var target = event.target;
    if (target.hasAttribute("data-mh-filter")) { filterList(target); return; }
    if (target === idInput) idTouched = idInput.value.trim() !== "";
    else suggestId();
    result.hidden = true;  // the file shown no longer matches the answers
    refresh();
    save();
  });
  form.addEventListener("change", function () { refresh(); save(); });
  form.addEventListener("submit", submit);
  // Enter in a list's search box filters; it must not submit the whole form.
  form.addEventListener("keydown", function (event) {
    if (event.key === "Enter" && event.target.hasAttribute && event.target.hasAttribute("data-mh-filter")) {
      event.preventDefault();
    }
  });
  form.querySelector("[data-mh-reset]").addEventListener("click", function () {
    form.reset();
    forget();
    idTouched = false;
    idInput.value = "";
    Array.prototype.forEach.call(form.querySelectorAll("[data-mh-filter]"), filterList);
    clearErrors();
    result.hidden = true;
    refresh();
    focusTarget(topBoxes()[0]).focus();
  });
  result.querySelector("[data-mh-edit]").addEventListener("click", function () {
    result.hidden = true;
    focusTarget(topBoxes()[0]).focus();
  });
  result.querySelector(".mh-join__continue").addEventListener("click", forget);  // handed to GitHub
  result.querySelector(".mh-join__copy").addEventListener("click", function () {
    var status = result.querySelector(".mh-join__copied");
    navigator.clipboard.writeText(currentText).then(function () {
      status.textContent = message("copied");
    }, function () {
      status.textContent = message("copyFailed");
    });
  });

  restore().then(function () {
    if (!idInput.value) suggestId();
    refresh();
    form.setAttribute("data-mh-ready", "");
  });
})();
