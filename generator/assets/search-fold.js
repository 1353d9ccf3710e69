/* Accent-insensitive French search, appended to the theme's lunr.fr.min.js by the MkDocs hook.
 *
 * Readers often type without accents: "traite", "cooperation", "choigou". Both the index and
 * the query are folded (accents removed) and then stemmed with the French stemmer, so a word
 * matches with or without accents, singular or plural. The theme adds a trailing wildcard to
 * every query term, and lunr skips its search pipeline for wildcard terms, so those terms are
 * folded and stemmed here, where every query clause is added.
 */
(function (lunr) {
  "use strict"
  if (!lunr || !lunr.fr || lunr.fr.foldingInstalled) return

  function fold(text) {
    return text.normalize("NFD").replace(/[\u0300-\u036f]/g, "")
      .replace(/œ/g, "oe").replace(/æ/g, "ae").replace(/ß/g, "ss")
  }

  function foldToken(token) {
    return token.update(fold)
  }
  lunr.Pipeline.registerFunction(foldToken, "foldFr")

  function analyse(word) {
    var token = lunr.fr.stemmer(foldToken(new lunr.Token(word, {})))
    return token ? token.toString() : word
  }

  var french = lunr.fr
  lunr.fr = function () {
    french.call(this)
    this.pipeline.before(lunr.fr.stemmer, foldToken)
    this.searchPipeline.before(lunr.fr.stemmer, foldToken)
  }
  for (var key in french) lunr.fr[key] = french[key]
  lunr.fr.foldingInstalled = true

  var addClause = lunr.Query.prototype.clause
  lunr.Query.prototype.clause = function (clause) {
    var parts = /^(\*?)(.*?)(\*?)$/.exec(clause.term || "")
    if (parts && (parts[1] || parts[3]) && parts[2]) {
      clause.term = parts[1] + analyse(parts[2]) + parts[3]
    }
    return addClause.call(this, clause)
  }
})(self.lunr)
