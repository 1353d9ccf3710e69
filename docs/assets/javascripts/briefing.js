/* The site's own script: filters on the timeline, and a "copy the link" button on each event.
 *
 * Everything here works on elements the pages already hold; nothing is built from page text
 * as HTML. Text is only ever set with textContent, and the filters compare ids (slugs) that
 * the generator wrote into data attributes. Without this script the pages read the same: the
 * filter form stays hidden, the full timeline shows, and each event's permanent link works.
 *
 * It holds no word of any language: the words come from the page, written by the generator
 * from the briefing's catalogue (the #bf-words element, the filter form's data attributes), and
 * plural forms are chosen with the browser's own CLDR rules (Intl.PluralRules).
 */
(function () {
  "use strict"

  var WORDS = (document.getElementById("bf-words") || { dataset: {} }).dataset

  // "12 événements sur 42": the form holds one text per plural category of the language.
  function counted(element, count, total) {
    var rules = window.Intl && Intl.PluralRules ? new Intl.PluralRules(document.documentElement.lang) : null
    var category = rules ? rules.select(count) : "other"
    var text = element.getAttribute("data-shown-" + category) || element.getAttribute("data-shown-other") || ""
    return text.replace("{count}", count.toLocaleString(document.documentElement.lang)).replace("{total}", total)
  }

  /* ---- Timeline filters ------------------------------------------------------------------- */

  function setUpFilters(form) {
    var selects = Array.prototype.slice.call(form.querySelectorAll("select[data-filter]"))
    var rows = Array.prototype.slice.call(document.querySelectorAll(".bf-row"))
    // Each year: its heading (h2.bf-year) and the list of its events after it (ul.bf-rows).
    var years = Array.prototype.slice.call(document.querySelectorAll("ul.bf-rows"))
    var count = form.querySelector(".bf-count")
    var total = rows.length

    function matches(row, select) {
      if (!select.value) return true
      var values = (row.getAttribute("data-" + select.getAttribute("data-filter")) || "").split(" ")
      return values.indexOf(select.value) !== -1
    }

    function apply() {
      var shown = 0
      rows.forEach(function (row) {
        var visible = selects.every(function (select) { return matches(row, select) })
        row.hidden = !visible
        if (visible) shown += 1
      })
      years.forEach(function (year) {
        year.hidden = !year.querySelector(".bf-row:not([hidden])")
        var heading = year.previousElementSibling
        if (heading && heading.matches("h2.bf-year")) {
          heading.hidden = year.hidden
          // The table of contents lists the years: only those still shown.
          var entry = document.querySelector('.md-nav--secondary a[href="#' + CSS.escape(heading.id) + '"]')
          if (entry && entry.parentElement) entry.parentElement.hidden = year.hidden
        }
      })
      count.textContent = counted(form, shown, total.toLocaleString(document.documentElement.lang))
      remember()
    }

    function remember() {
      var query = new URLSearchParams(location.search)
      // The query parameters (the selects' names) keep a filtered view in the address, to share it.
      selects.forEach(function (select) {
        if (select.value) query.set(select.name, select.value)
        else query.delete(select.name)
      })
      var search = query.toString()
      history.replaceState(history.state, "", location.pathname + (search ? "?" + search : "") + location.hash)
    }

    function restore() {
      var query = new URLSearchParams(location.search)
      selects.forEach(function (select) {
        var wanted = query.get(select.name)
        var known = Array.prototype.some.call(select.options, function (option) {
          return option.value === wanted
        })
        select.value = wanted && known ? wanted : ""
      })
    }

    selects.forEach(function (select) { select.addEventListener("change", apply) })
    form.addEventListener("submit", function (event) { event.preventDefault() })
    form.addEventListener("reset", function () {
      // The browser resets the selects after this event: apply once it has.
      setTimeout(apply, 0)
    })
    restore()
    form.hidden = false
    apply()
  }

  /* ---- Copy an event's permanent link (the year pages) ----------------------------------- */

  function copyWithSelection(text) {
    var area = document.createElement("textarea")
    area.value = text
    area.setAttribute("readonly", "")
    area.className = "bf-offscreen"
    document.body.appendChild(area)
    area.select()
    var copied = false
    try {
      copied = document.execCommand("copy")
    } catch (error) {
      copied = false
    }
    area.remove()
    return copied
  }

  function copyText(text) {
    if (navigator.clipboard && window.isSecureContext) {
      return navigator.clipboard.writeText(text).catch(function () {
        if (!copyWithSelection(text)) throw new Error("copy refused")
      })
    }
    return copyWithSelection(text) ? Promise.resolve() : Promise.reject(new Error("copy refused"))
  }

  function addCopyButton(link) {
    var button = document.createElement("button")
    button.type = "button"
    button.className = "bf-copy"
    button.textContent = WORDS.copy || ""
    var status = document.createElement("span")
    status.className = "bf-copy-status"
    status.setAttribute("role", "status")
    link.after(button, status)
    button.addEventListener("click", function () {
      var url = link.href // absolute: the page's own address and the event's anchor
      copyText(url).then(
        function () { status.textContent = WORDS.copied || "" },
        function () { status.textContent = (WORDS.copyFailed || "") + " " + url }
      )
    })
  }

  /* ---- The printable page ------------------------------------------------------------------ */

  function addPrintButton(intro) {
    var button = document.createElement("button")
    button.type = "button"
    button.className = "md-button bf-print-button"
    button.textContent = WORDS.print || ""
    button.addEventListener("click", function () { window.print() })
    intro.after(button)
  }

  /* The theme's search panel is a dialog without a name: screen readers announce it as
   * "dialog" only. */
  function nameSearchDialog() {
    var dialog = document.querySelector(".md-search[role=dialog]")
    if (dialog && !dialog.hasAttribute("aria-label")) dialog.setAttribute("aria-label", WORDS.search || "")
  }

  function start() {
    nameSearchDialog()
    var form = document.querySelector("form.bf-filters")
    if (form) setUpFilters(form)
    if (WORDS.copy) document.querySelectorAll("a.bf-permalink").forEach(addCopyButton)
    var intro = document.querySelector(".bf-print-intro")
    if (intro && WORDS.print) addPrintButton(intro)
  }

  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start)
  else start()
})()
