/* The site's own script: filters on the timeline and the year pages, and a "copy the link"
 * button on each event.
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

  /* ---- Filters: the timeline and the year pages ------------------------------------------ */

  // An item (.bf-item) is a line of the timeline, or an event's heading on a year page: there
  // it stands with its body after it (.bf-event) and the anchors of its old ids before it
  // (.bf-former), which hide with it. A group (.bf-group) is a year of the timeline, with its
  // list of lines after it, or a month of a year page; it hides when all its items do.
  function partsOf(item) {
    var parts = [item]
    var next = item.nextElementSibling
    if (next && next.classList.contains("bf-event")) parts.push(next)
    for (var before = item.previousElementSibling; before && before.classList.contains("bf-former"); before = before.previousElementSibling) {
      parts.push(before)
    }
    return parts
  }

  function groupsOf(items) {
    var groups = []
    document.querySelectorAll(".bf-group, .bf-item").forEach(function (element) {
      if (element.classList.contains("bf-group")) {
        var list = element.nextElementSibling
        groups.push({ heading: element, list: list && list.matches("ul.bf-rows") ? list : null, items: [] })
      } else if (groups.length) {
        groups[groups.length - 1].items.push(element)
      }
    })
    return groups
  }

  // Every link to a place of the page that can hide: the tables of contents (the theme keeps
  // one in the side bar and a copy in the phone's menu) and the bar of months.
  function linksTo(id) {
    return document.querySelectorAll('.md-nav--secondary a[href="#' + CSS.escape(id) + '"], .bf-months a[href="#' + CSS.escape(id) + '"]')
  }

  function setUpFilters(form) {
    var language = document.documentElement.lang
    var selects = Array.prototype.slice.call(form.querySelectorAll("select[data-filter]"))
    var items = Array.prototype.slice.call(document.querySelectorAll(".bf-item"))
    var groups = groupsOf(items)
    var count = form.querySelector(".bf-count")
    var empty = form.querySelector(".bf-empty")
    var total = items.length.toLocaleString(language)

    function matches(item, select, value) {
      if (!value) return true
      var values = (item.getAttribute("data-" + select.getAttribute("data-filter")) || "").split(" ")
      return values.indexOf(value) !== -1
    }

    function shownWith(item, changed, value) {
      return selects.every(function (select) {
        return matches(item, select, select === changed ? value : select.value)
      })
    }

    function setHidden(element, hidden) {
      element.hidden = hidden
      if (element.id) {
        linksTo(element.id).forEach(function (link) {
          if (link.parentElement) link.parentElement.hidden = hidden
        })
      }
    }

    // Each option says how many events it would show, with the other choices as they are: one
    // pass over the events per select, counting the values of those the other selects keep.
    function countOptions() {
      selects.forEach(function (select) {
        var counts = new Map() // not an object: an id may be "constructor"
        var kept = 0
        items.forEach(function (item) {
          if (!shownWith(item, select, "")) return
          kept += 1
          ;(item.getAttribute("data-" + select.getAttribute("data-filter")) || "").split(" ").forEach(function (value) {
            counts.set(value, (counts.get(value) || 0) + 1)
          })
        })
        Array.prototype.forEach.call(select.options, function (option) {
          if (!option.hasAttribute("data-label")) option.setAttribute("data-label", option.textContent)
          var n = option.value ? counts.get(option.value) || 0 : kept
          option.textContent = option.getAttribute("data-label") + " (" + n.toLocaleString(language) + ")"
          option.disabled = n === 0 && !option.selected
        })
      })
    }

    function apply() {
      var shown = 0
      items.forEach(function (item) {
        var visible = shownWith(item, null, "")
        partsOf(item).forEach(function (part) { setHidden(part, !visible) })
        if (visible) shown += 1
      })
      groups.forEach(function (group) {
        var hidden = !group.items.some(function (item) { return !item.hidden })
        setHidden(group.heading, hidden)
        if (group.list) group.list.hidden = hidden
      })
      count.textContent = counted(form, shown, total)
      if (empty) empty.hidden = shown > 0
      countOptions()
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
    var box = form.querySelector("details")
    var chosen = selects.some(function (select) { return select.value })
    if (box && (chosen || window.matchMedia("(min-width: 60em)").matches)) box.open = true
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
