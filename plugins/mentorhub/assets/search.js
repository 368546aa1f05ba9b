/* mentorhub search: wires the search page and the finders ("Find a mentor", "Find a
   resource") to the Pagefind index the build writes to <site>/pagefind/.

   Everything is served by the site itself: the Pagefind library, its WebAssembly and
   index files come from the same folder, so searching makes no third-party request.
   The pages work without this script too: their static fallback links to the
   directories, and the header's search box is a plain form. */
(function () {
  "use strict";

  // This file is <site>/assets/mentorhub/search.js; the bundle is <site>/pagefind/.
  var script = document.currentScript;
  var bundleUrl = new URL("../../pagefind/", script ? script.src : location.href).href;
  // Result thumbnails (Pagefind's `image` meta) are paths from the site root.
  var siteRoot = new URL("../../", script ? script.src : location.href).href;
  var IMAGE_PATH = /^assets\/mentorhub\/photos\/[0-9a-f]+-[0-9]+\.webp$/;
  var DEBOUNCE_MS = 200;
  // Below Material's tablet breakpoint the filters start folded, so a phone shows the
  // first results without scrolling past every filter.
  var NARROW = "(max-width: 44.984375em)";
  // The invisible listing words (see search_meta.py) never belong in an excerpt.
  var LIST_WORDS = /(<mark>)?mhfind[a-z]*(<\/mark>)?\s*/g;
  // Words on nearly every page: each would download a large chunk of the index (over
  // 100 KB on a 20k-record hub) and narrow nothing. Dropped unless the query is in
  // quotes (an exact phrase) or has no other word.
  var STOP_WORDS = ("a an and are as at be by for from in into is it of on or " +
    "the to with").split(" ");

  // "/" jumps to the header's search box, as Material's own search does.
  document.addEventListener("keydown", function (event) {
    if (event.key !== "/" || event.ctrlKey || event.metaKey || event.altKey) return;
    var target = event.target;
    if (target && (target.isContentEditable || /^(INPUT|SELECT|TEXTAREA)$/.test(target.tagName))) return;
    var box = document.getElementById("mh-header-search-input");
    if (box && box.offsetParent !== null) {
      event.preventDefault();
      box.focus();
    }
  });

  var root = document.querySelector("[data-mh-finder]");
  if (root) start(root);

  async function start(root) {
    var form = root.querySelector("form");
    var status = root.querySelector(".mh-finder__status");
    var list = root.querySelector(".mh-results");
    var more = root.querySelector("[data-mh-more]");
    var fallback = root.querySelector(".mh-finder__fallback");
    var base = JSON.parse(root.getAttribute("data-mh-base") || "{}");
    var pageSize = parseInt(root.getAttribute("data-mh-page-size"), 10) || 24;
    var listAll = root.getAttribute("data-mh-list-all") === "true";
    var noun = root.getAttribute("data-mh-noun") || "results";
    // Searched for when nothing is typed: a word every page in scope carries, because a
    // search without words would make Pagefind download its whole index.
    var listWord = root.getAttribute("data-mh-list-word") || null;
    // "Best match" with no words has nothing to rank by: this finder's order for it.
    var wordlessSort = root.getAttribute("data-mh-wordless-sort") || "";
    // A finder of one type ("Find a mentor") does not badge every result "Person".
    var showType = root.getAttribute("data-mh-show-type") !== "false";
    var filterBox = root.querySelector(".mh-finder__filters");
    var filterSummary = filterBox && filterBox.querySelector(".mh-finder__filters-summary");
    var messages = readMessages(root);
    // "Ask for an introduction" on mentor cards: a link template from the page (its
    // characters HTML-encoded, since it may carry the organizers' emails).
    var intro = JSON.parse(root.getAttribute("data-mh-intro") || "null");
    var empty = root.querySelector(".mh-finder__empty");
    var query = form.elements.namedItem("q");
    var defaultSort = form.elements.namedItem("sort").value;
    // "Meets in my hours" (Find a mentor): mentors within N hours of the reader's offset;
    // those without a time zone are listed apart (.mh-finder__no-tz), never dropped.
    var hoursBox = root.querySelector("[data-mh-hours]");
    var noTz = root.querySelector(".mh-finder__no-tz");
    var noTzList = noTz && noTz.querySelector(".mh-results");
    useBrowserOffset(form, hoursBox);

    restore(form, new URLSearchParams(location.search));
    var header = document.getElementById("mh-header-search-input");
    if (header && query.value) header.value = query.value;

    var pagefind;
    try {
      pagefind = await import(bundleUrl + "pagefind.js");
      // No worker: it would be another 40 KB to download before the first result, and
      // searching the index on the main thread takes milliseconds.
      await pagefind.options({ excerptLength: 24, noWorker: true });
      await pagefind.init();
    } catch (error) {
      status.textContent = messages.unavailable;
      return;
    }
    form.hidden = false;
    fallback.hidden = true;
    if (filterBox && window.matchMedia && window.matchMedia(NARROW).matches) filterBox.open = false;

    var generation = 0;  // only the newest search may draw results
    var results = [];
    var shown = 0;
    var term = "";
    var timer = 0;

    form.addEventListener("submit", function (event) { event.preventDefault(); run(); });
    form.addEventListener("change", function (event) { if (event.target !== query) run(); });
    form.addEventListener("reset", function () {
      setTimeout(function () { useBrowserOffset(form, hoursBox); run(); }, 0);
    });
    query.addEventListener("input", function () {
      clearTimeout(timer);
      timer = setTimeout(run, DEBOUNCE_MS);
    });
    more.addEventListener("click", function () { showMore(generation, true); });
    run();

    async function run() {
      clearTimeout(timer);
      var mine = ++generation;
      var state = read(form);
      var hours = takeHours(state, hoursBox);
      writeUrl(state, defaultSort, hours);
      countFilters(state, hours ? 1 : 0);
      term = state.q.trim();
      var chosen = Object.keys(state.filters).length > 0 || !!hours;
      if (!term && !chosen && !listAll) {
        results = [];
        shown = 0;
        list.replaceChildren();
        more.hidden = true;
        status.textContent = messages.prompt;
        if (empty) empty.hidden = true;
        if (noTz) noTz.hidden = true;
        return;
      }
      var filters = Object.assign({}, base);
      Object.keys(state.filters).forEach(function (name) {
        filters[name] = { any: state.filters[name] };
      });
      if (hours) filters[hours.filter] = { any: offsetsNear(hours.mine, hours.within) };
      var options = { filters: filters };
      var sort = state.sort || (term ? "" : wordlessSort);
      if (sort) {
        var parts = sort.split(":");
        options.sort = {};
        options.sort[parts[0]] = parts[1] || "asc";
      }
      root.setAttribute("aria-busy", "true");
      var search = await pagefind.search(term ? searchTerms(term) : listWord, options);
      if (mine !== generation || !search) return;
      results = search.results;
      shown = 0;
      list.replaceChildren();
      await showMore(mine, false);
      if (mine !== generation) return;
      root.removeAttribute("aria-busy");
      status.textContent = describe(results.length, term, chosen);
      if (empty) empty.hidden = results.length > 0;
      await showWithoutTimeZone(mine, hours, term, options);
    }

    /* With "Meets in my hours" on: the same search among mentors with no time zone. */
    async function showWithoutTimeZone(mine, hours, term, options) {
      if (!noTz) return;
      if (!hours) { noTz.hidden = true; noTzList.replaceChildren(); return; }
      var filters = Object.assign({}, options.filters);
      filters[hours.filter] = { any: [hours.none] };
      var search = await pagefind.search(term ? searchTerms(term) : listWord,
                                         Object.assign({}, options, { filters: filters }));
      if (mine !== generation || !search) return;
      var data = await Promise.all(search.results.slice(0, pageSize).map(function (r) { return r.data(); }));
      if (mine !== generation) return;
      noTzList.replaceChildren.apply(noTzList, data.map(function (item) {
        return renderResult(item, term, intro, showType); }));
      noTz.hidden = data.length === 0;
    }

    async function showMore(mine, moveFocus) {
      var batch = results.slice(shown, shown + pageSize);
      var data = await Promise.all(batch.map(function (result) { return result.data(); }));
      if (mine !== generation) return;
      var first = null;
      data.forEach(function (item) {
        var entry = renderResult(item, term, intro, showType);
        if (!first) first = entry;
        list.appendChild(entry);
      });
      shown += batch.length;
      more.hidden = shown >= results.length;
      if (moveFocus && first) first.querySelector("a").focus();
    }

    /* "Filters (2 selected)" on the disclosure, so a folded one still says what applies. */
    function countFilters(state, extra) {
      if (!filterSummary) return;
      var n = Object.keys(state.filters).reduce(function (sum, name) {
        return sum + state.filters[name].length; }, extra || 0);
      var forms = messages.filtersChosen;
      filterSummary.textContent = n ? fill(forms[Math.min(messages.pluralIndex(n), forms.length - 1)], n, "")
        : messages.filters;
    }

    /* Words come translated from the page (data-mh-messages); counts pick their plural
       form with the catalog's own formula. */
    function describe(count, text, chosen) {
      if (!count) {
        return fill(text ? messages.noneFor : messages.none, count, text) +
          (chosen ? " " + messages.withFilters : ".");
      }
      var forms = text ? messages.countFor : messages.count;
      var form = forms[Math.min(messages.pluralIndex(count), forms.length - 1)] || forms[forms.length - 1];
      return fill(form, count, text) + (chosen ? messages.filtered : "") + ".";
    }

    function fill(message, count, text) {
      return message.split("{n}").join(count.toLocaleString(document.documentElement.lang || undefined))
        .split("{q}").join(text);
    }
  }

  /* The page's messages; English ones if the page has none (an old override of finder.html). */
  function readMessages(root) {
    var messages = {
      plural: "n != 1", count: ["{n} result", "{n} results"],
      countFor: ["{n} result for \u201c{q}\u201d", "{n} results for \u201c{q}\u201d"],
      none: "No results match", noneFor: "No results match \u201c{q}\u201d",
      withFilters: "with these filters. Try removing a filter.", filtered: ", filtered",
      prompt: "Type a word, or choose a filter, to search.",
      filters: "Filters", filtersChosen: ["Filters ({n} selected)", "Filters ({n} selected)"],
      unavailable: "Search could not be loaded here (the site must be opened through a web " +
        "server). You can browse the directories instead."
    };
    try {
      Object.assign(messages, JSON.parse(root.getAttribute("data-mh-messages") || "{}"));
    } catch (error) { /* keep the English defaults */ }
    var formula = /^[n0-9\s()?:<>=!&|%+\-*\/]+$/.test(messages.plural) ? messages.plural : "n != 1";
    // eslint-disable-next-line no-new-func -- a gettext plural formula, checked above
    var index = new Function("n", "return Number(" + formula + ");");
    messages.pluralIndex = function (n) { return index(n) || 0; };
    return messages;
  }

  function searchTerms(text) {
    if (/^\s*".*"\s*$/.test(text)) return text;
    var words = text.split(/\s+/);
    var kept = words.filter(function (word) { return STOP_WORDS.indexOf(word.toLowerCase()) === -1; });
    return kept.length ? kept.join(" ") : text;
  }

  /* The form's state: the query, the chosen sort, and the values ticked per filter. */
  function read(form) {
    var state = { q: "", sort: "", filters: {} };
    Array.prototype.forEach.call(form.elements, function (field) {
      if (!field.name || field.disabled) return;
      if (field.name === "q") { state.q = field.value; return; }
      if (field.name === "sort") { state.sort = field.value; return; }
      if (field.type === "checkbox" && !field.checked) return;
      if (!field.value) return;
      (state.filters[field.name] = state.filters[field.name] || []).push(field.value);
    });
    return state;
  }

  /* Fill the form from the address bar, so a search can be linked and reloaded. */
  function restore(form, params) {
    Array.prototype.forEach.call(form.elements, function (field) {
      if (!field.name || !params.has(field.name)) return;
      var values = params.getAll(field.name);
      if (field.type === "checkbox") {
        field.checked = values.indexOf(field.value) !== -1;
      } else if (field.tagName === "SELECT") {
        var wanted = values[0];
        var known = Array.prototype.some.call(field.options, function (o) { return o.value === wanted; });
        if (known) field.value = wanted;
      } else {
        field.value = values[0];
      }
    });
  }

  /* Take the "Meets in my hours" fields out of the form's filters: they choose a set of
     offsets, not a value of their own. Null when the box is not ticked. */
  function takeHours(state, box) {
    var f = state.filters;
    var on = (f.hours || []).length > 0;
    var hours = on && box ? {
      filter: box.getAttribute("data-mh-hours-filter"), none: box.getAttribute("data-mh-hours-none"),
      mine: parseInt((f["my-offset"] || ["0"])[0], 10) || 0, within: parseInt((f.within || ["3"])[0], 10) || 3
    } : null;
    delete f.hours; delete f["my-offset"]; delete f.within;
    return hours;
  }

  /* "My time zone" starts at the browser's current offset from UTC (the reader can change it). */
  function useBrowserOffset(form, box) {
    if (!box) return;
    var select = form.elements.namedItem("my-offset");
    var browser = String(-new Date().getTimezoneOffset());
    if (Array.prototype.some.call(select.options, function (o) { return o.value === browser; })) {
      select.value = browser;
    }
  }

  /* Every offset label within `within` hours of `mine` minutes, written as the build writes
     them (site/places.py: "UTC", "UTC+1", "UTC\u22125", "UTC+5:30"), in quarter hours. */
  function offsetsNear(mine, within) {
    var labels = [];
    for (var m = -12 * 60; m <= 14 * 60; m += 15) {
      if (Math.abs(m - mine) <= within * 60) labels.push(offsetLabel(m));
    }
    return labels;
  }

  function offsetLabel(minutes) {
    if (minutes === 0) return "UTC";
    var abs = Math.abs(minutes), rest = abs % 60;
    return "UTC" + (minutes > 0 ? "+" : "\u2212") + Math.floor(abs / 60) + (rest ? ":" + (rest < 10 ? "0" : "") + rest : "");
  }

  function writeUrl(state, defaultSort, hours) {
    var params = new URLSearchParams();
    if (state.q) params.set("q", state.q);
    Object.keys(state.filters).forEach(function (name) {
      state.filters[name].forEach(function (value) { params.append(name, value); });
    });
    if (state.sort !== defaultSort) params.set("sort", state.sort);
    if (hours) {
      params.set("hours", "near");
      params.set("my-offset", String(hours.mine));
      params.set("within", String(hours.within));
    }
    var search = params.toString();
    history.replaceState(history.state, "", location.pathname + (search ? "?" + search : "") + location.hash);
  }

  /* One result. Every value is set as text; only the excerpt's <mark> survives as markup. */
  function renderResult(item, term, intro, showType) {
    var meta = item.meta || {};
    var entry = element("li", "mh-result");
    // The face beside the name: decorative (the name is the link), from this site only.
    if (meta.image && IMAGE_PATH.test(meta.image)) {
      var face = element("img", "mh-avatar");
      face.alt = "";
      face.width = face.height = 56;
      entry.className += " mh-result--face";
      entry.appendChild(face);
      showWhenNear(face, siteRoot + meta.image);
    }
    if (meta.type && showType) {
      var type = element("p", "mh-result__type");
      type.appendChild(element("span", "mh-badge mh-badge--type", meta.type));
      entry.appendChild(type);
    }
    var title = element("h3", "mh-result__title");
    var link = element("a", "", meta.title || item.url);
    link.href = item.url;
    title.appendChild(link);
    entry.appendChild(title);
    if (meta.details) entry.appendChild(element("p", "mh-result__details", meta.details));
    var text = element("p", "mh-result__excerpt");
    if (term || !meta.summary) {
      text.appendChild(safeExcerpt(item.excerpt || ""));
    } else {
      text.textContent = meta.summary;
    }
    entry.appendChild(text);
    if (meta.tags) entry.appendChild(element("p", "mh-result__tags", meta.tags));
    if (intro && meta.nointro) {
      entry.appendChild(element("p", "mh-result__intro mh-result__intro--closed", meta.nointro));
    } else if (intro) {
      var ask = element("a", "md-button mh-result__intro", intro.label);
      ask.href = introHref(intro.href, item.url, meta.title || "");
      ask.rel = "nofollow noopener";
      ask.setAttribute("aria-label", intro.label + ": " + (meta.title || ""));
      var row = element("p", "");
      row.appendChild(ask);
      entry.appendChild(row);
    }
    return entry;
  }

  /* A result's photo loads when it comes near the screen. The browser's own lazy loading
     fetches everything within a screen or two, which on Find a mentor (results below the
     filters) would be every photo of the first page before the reader scrolls. */
  var faceWatcher = "IntersectionObserver" in window ? new IntersectionObserver(function (entries) {
    entries.forEach(function (seen) {
      if (!seen.isIntersecting) return;
      faceWatcher.unobserve(seen.target);
      seen.target.src = seen.target.getAttribute("data-src");
    });
  }, { rootMargin: "200px 0px" }) : null;

  function showWhenNear(img, src) {
    if (!faceWatcher) { img.src = src; return; }
    img.setAttribute("data-src", src);
    faceWatcher.observe(img);
  }

  /* The template's {mentor} (the profile's last path segment), {mentor_name} and {page}
     (the profile's address), each URL-encoded as site/introductions.py encodes them. */
  function introHref(template, url, name) {
    var page = new URL(url, location.href);
    var id = decodeURIComponent(page.pathname.replace(/\/(index\.html)?$/, "").replace(/\.html$/, "")
      .split("/").pop());
    return template.split("{mentor}").join(encodeURIComponent(id))
      .split("{mentor_name}").join(encodeURIComponent(name))
      .split("{page}").join(encodeURIComponent(page.href));
  }

  function element(tag, className, text) {
    var node = document.createElement(tag);
    if (className) node.className = className;
    if (text) node.textContent = text;
    return node;
  }

  /* Pagefind's excerpt is HTML with <mark> around matches. Parse it in an inert
     document and copy only text and <mark>, so no markup from page text can run. */
  function safeExcerpt(html) {
    html = html.replace(LIST_WORDS, "");
    var parsed = new DOMParser().parseFromString("<body>" + html + "</body>", "text/html");
    var out = document.createDocumentFragment();
    (function copy(from, to) {
      Array.prototype.forEach.call(from.childNodes, function (node) {
        if (node.nodeType === Node.TEXT_NODE) {
          to.appendChild(document.createTextNode(node.textContent));
        } else if (node.nodeType === Node.ELEMENT_NODE && node.tagName === "MARK") {
          to.appendChild(element("mark", "", node.textContent));
        } else if (node.nodeType === Node.ELEMENT_NODE) {
          copy(node, to);
        }
      });
    })(parsed.body, out);
    return out;
  }
})();
