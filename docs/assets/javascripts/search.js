/* The site's search box (overrides/partials/search-box.html), over Pagefind's index, which the
 * generator makes from the data (generator/search/).
 *
 * - Nothing is fetched until the box is first used; then <site root>/pagefind/pagefind.js, which
 *   fetches from this site the few parts of the index a query needs. The root comes from the page
 *   (data-bf-root), so the search works from any page and under a sub-path.
 * - Every word shown comes from data-bf-words (the briefing's catalogue, through
 *   generator/sitenav.py): none is written here; a count's plural form is chosen with the
 *   browser's own CLDR rules (Intl.PluralRules).
 * - Results are made with textContent only: titles, dates and excerpts are contributors' text and
 *   are never parsed as HTML. Pagefind marks the matched words of an excerpt with <mark> (and
 *   writes "<" and ">" of the text as &lt; and &gt;): the excerpt is split on those marks, and
 *   each piece becomes a text node.
 * - A combobox with its listbox (WAI-ARIA 1.2): ↑ and ↓ choose a result, Enter opens it (or the
 *   first), Escape clears the box, then closes it; the number of results is announced
 *   (role=status). "/", "s" and "f" open the box, as in the theme.
 */
(function () {
  "use strict"
  var box = document.querySelector("[data-bf-search]")
  if (!box) return
  var input = box.querySelector("#bf-search-input")
  var list = box.querySelector("#bf-search-results")
  var status = box.querySelector("#bf-search-status")
  var form = box.querySelector("form")
  var toggle = document.getElementById("__search")
  var words = JSON.parse(box.getAttribute("data-bf-words") || "{}")
  var language = words.language || document.documentElement.lang || undefined
  // Results shown at first, then at each "more": each one's title and excerpt is a request of its own.
  var FIRST = 5
  var MORE = 10
  // Searching waits for a pause in typing this long: a search for every key typed would leave
  // the last one waiting behind searches for "s", "so", "som"…, each slower than the last,
  // since a prefix that short matches much of the index. The index parts a query needs are
  // fetched as it is typed (preload), so the pause costs no download time.
  var PAUSE_MS = 110
  // Ranking: the weights inside each record (generator/search/records.py) decide, so the title
  // metadata adds nothing of its own (with it, long headlines of sources outranked events); an
  // actor's name and other spellings (the `names` metadata) count most; a word that only starts
  // with the one typed counts much less than that word itself.
  var RANKING = { termSimilarity: 3.0, metaWeights: { title: 0.0, names: 15.0 } }

  // "." or "../.." on a page, "/" or "/briefing/" on 404.html, which is served at any address
  var root = new URL((box.getAttribute("data-bf-root") || ".").replace(/\/*$/, "/"), location.href)
  var pagefind = null
  var timer = 0
  var sequence = 0  // the number of the latest query; an older one's results are not shown
  var busy = false  // one search at a time; while one runs, only the latest query waits
  var waiting = false
  var found = []
  var shown = 0
  var active = -1

  function load() {
    if (!pagefind) {
      pagefind = import(new URL("pagefind/pagefind.js", root).href).then(function (module) {
        return module.options({ excerptLength: 22, ranking: RANKING })
          .then(function () { return module.init() })
          .then(function () { return module })
      })
      pagefind.catch(function () { pagefind = null })  // tried again on the next key
    }
    return pagefind
  }

  function say(text) { status.textContent = text || "" }

  var plural = window.Intl && Intl.PluralRules ? new Intl.PluralRules(language) : null
  function count(n) {
    if (n === 0) return words.none
    var forms = words.found || {}
    var form = (plural && forms[plural.select(n)]) || forms.other || ""
    return String(form).replace("{count}", n.toLocaleString(language))
  }

  // What is searched for. Pagefind matches each word as the start of a word ("un" finds "une",
  // "université") and keeps only the records holding all of them. So words of one or two
  // letters are left out ("du" in "corée du nord", "le" in "cessez-le-feu", "l" in "l'accord"),
  // unless they are numbers or the only word: a lone word needs two characters ("Xi"), since
  // one starts too many words to mean anything.
  function terms(query) {
    var all = query.toLocaleLowerCase(language).split(/[\s'’\-‐–]+/).filter(Boolean)
    var kept = all.filter(function (word) { return word.length > 2 || /^\d+$/.test(word) })
    if (!kept.length && all.length === 1 && all[0].length > 1) kept = all
    return kept
  }

  // A lone short word ("Xi", "OCS", "ONU") is searched as itself too: when some records hold
  // that very word, only they are shown, not every record with a longer word that starts the
  // same way ("Occidentaux" for "OCS"). When none does, the word is the start of one being typed.
  function searchFor(pf, kept) {
    var query = kept.join(" ")
    var ranked = pf.search(query)
    if (kept.length !== 1 || kept[0].length > 3 || /^\d+$/.test(kept[0])) {
      return ranked.then(function (search) { return search.results })
    }
    return Promise.all([ranked, pf.search('"' + query + '"')]).then(function (both) {
      var exact = {}
      both[1].results.forEach(function (r) { exact[r.id] = true })
      var only = both[0].results.filter(function (r) { return exact[r.id] })
      return only.length ? only : both[0].results
    })
  }

  function excerptNodes(target, excerpt) {
    var marked = false
    String(excerpt || "").split(/(<mark>|<\/mark>)/).forEach(function (part) {
      if (part === "<mark>") { marked = true; return }
      if (part === "</mark>") { marked = false; return }
      if (!part) return
      var text = document.createTextNode(part.replace(/&lt;/g, "<").replace(/&gt;/g, ">"))
      if (marked) {
        var mark = document.createElement("mark")
        mark.appendChild(text)
        target.appendChild(mark)
      } else {
        target.appendChild(text)
      }
    })
  }

  function option(data, index) {
    var meta = data.meta || {}
    var item = document.createElement("li")
    item.className = "md-search-result__item"
    item.id = "bf-search-option-" + index
    item.setAttribute("role", "option")
    item.setAttribute("aria-selected", "false")
    var link = document.createElement("a")
    link.className = "md-search-result__link"
    link.href = new URL(String(meta.url || ""), root).href
    link.tabIndex = -1
    var article = document.createElement("div")
    article.className = "md-search-result__article md-typeset"
    // Not a heading: inside an option, a heading would only add noise to the page's outline.
    var title = document.createElement("div")
    title.className = "bf-search-title"
    title.id = item.id + "-title"
    title.textContent = meta.title || ""
    var about = document.createElement("p")
    about.className = "bf-search-about"
    about.id = item.id + "-about"
    about.textContent = [(words.kind || {})[meta.kind], meta.date].filter(Boolean).join(" · ")
    var text = document.createElement("p")
    text.id = item.id + "-text"
    excerptNodes(text, data.excerpt)
    // What a screen reader says of the chosen option: its title, kind and date; then the excerpt.
    item.setAttribute("aria-labelledby", title.id + " " + about.id)
    item.setAttribute("aria-describedby", text.id)
    article.appendChild(title)
    article.appendChild(about)
    article.appendChild(text)
    link.appendChild(article)
    item.appendChild(link)
    link.addEventListener("click", close)
    return item
  }

  function setActive(index) {
    var items = list.querySelectorAll("[role=option]")
    if (active >= 0 && items[active]) items[active].setAttribute("aria-selected", "false")
    active = items.length ? Math.max(-1, Math.min(index, items.length - 1)) : -1
    if (active >= 0) {
      items[active].setAttribute("aria-selected", "true")
      input.setAttribute("aria-activedescendant", items[active].id)
      items[active].scrollIntoView({ block: "nearest" })
    } else {
      input.removeAttribute("aria-activedescendant")
    }
  }

  function showMore(mine) {
    var start = shown
    var batch = found.slice(start, start + (start ? MORE : FIRST))
    return Promise.all(batch.map(function (r) { return r.data() })).then(function (datas) {
      if (mine !== sequence) return
      var old = list.querySelector(".bf-search-more")
      if (old) old.remove()
      datas.forEach(function (data, i) { list.appendChild(option(data, start + i)) })
      shown = start + datas.length
      if (shown < found.length) {
        var more = document.createElement("li")
        more.className = "bf-search-more"
        more.setAttribute("role", "presentation")
        var button = document.createElement("button")
        button.type = "button"
        button.className = "bf-search-more__button"
        button.textContent = words.more
        button.addEventListener("click", function () { showMore(sequence); input.focus() })
        more.appendChild(button)
        list.appendChild(more)
      }
      box.dispatchEvent(new CustomEvent("bf-search-shown", { detail: { query: input.value, count: found.length } }))
    })
  }

  function clear() {
    sequence++
    found = []
    list.textContent = ""
    input.setAttribute("aria-expanded", "false")
    setActive(-1)
    say(words.prompt)
  }

  function run() {
    if (busy) { waiting = true; return }
    var query = terms(input.value)
    if (!query.length) { clear(); return }
    var mine = ++sequence
    if (!pagefind) say(words.loading)
    busy = true
    load().then(function (pf) { return searchFor(pf, query) }).then(function (results) {
      // Typed on since: the newer query's search follows; showing these would only delay it.
      if (mine !== sequence || waiting || terms(input.value).join(" ") !== query.join(" ")) return
      found = results
      shown = 0
      active = -1
      input.removeAttribute("aria-activedescendant")
      list.textContent = ""
      input.setAttribute("aria-expanded", found.length ? "true" : "false")
      say(count(found.length))
      return showMore(mine)
    }).catch(function () {
      if (mine === sequence) say(words.failed)
    }).then(function () {
      busy = false
      if (waiting) { waiting = false; run() }
    })
  }

  // The index parts of a word are fetched as soon as it has three characters: those of its first
  // three hold those of the whole word (the parts for "s" or "so" would hold much of the index).
  // Once per beginning: each request takes the worker's and the page's time, which typing needs.
  var preloaded = {}

  function typed() {
    clearTimeout(timer)
    var query = terms(input.value)
    if (!query.length) { clear(); return }
    query.forEach(function (word) {
      var start = word.slice(0, 3)
      if (start.length < 3 || preloaded[start]) return
      preloaded[start] = true
      load().then(function (pf) { return pf.preload(start) }).catch(function () { delete preloaded[start] })
    })
    timer = setTimeout(run, PAUSE_MS)
  }

  function open() {
    if (toggle && !toggle.checked) toggle.checked = true
    load().catch(function () {})
  }

  function close() {
    if (toggle) toggle.checked = false
    input.setAttribute("aria-expanded", "false")
    input.blur()
  }

  input.addEventListener("focus", open)
  input.addEventListener("input", typed)
  input.addEventListener("keydown", function (event) {
    var items = list.querySelectorAll("[role=option]")
    if (event.key === "ArrowDown") {
      event.preventDefault()
      setActive(active + 1 < items.length ? active + 1 : 0)
    } else if (event.key === "ArrowUp") {
      event.preventDefault()
      setActive(active > 0 ? active - 1 : items.length - 1)
    } else if (event.key === "Enter") {
      event.preventDefault()
      var chosen = items[active >= 0 ? active : 0]
      if (chosen) {
        close()
        location.href = chosen.querySelector("a").href
      }
    } else if (event.key === "Escape") {
      event.preventDefault()
      if (input.value) {
        input.value = ""
        clearTimeout(timer)
        clear()
      } else {
        close()
      }
    }
  })
  form.addEventListener("submit", function (event) { event.preventDefault() })
  form.addEventListener("reset", function () {
    setTimeout(function () { clearTimeout(timer); clear(); input.focus() }, 0)
  })
  if (toggle) {
    toggle.addEventListener("change", function () { if (toggle.checked) input.focus() })
  }
  document.addEventListener("keydown", function (event) {
    var target = event.target
    var typing = target && (target.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(target.tagName))
    if (typing || event.ctrlKey || event.metaKey || event.altKey) return
    if (event.key === "/" || event.key === "s" || event.key === "f") {
      event.preventDefault()
      input.focus()
    }
  })
})()
