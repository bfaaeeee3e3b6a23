// civicnet site search: reads search.json (name, kind, path of every
// named record) once and lists the records whose name has a word
// starting with each word typed. No network beyond the site itself.
(function () {
  "use strict";
  var form = document.getElementById("search");
  if (!form || !window.fetch) { return; }
  var input = document.getElementById("q");
  var out = document.getElementById("search-results");
  var entries = null;
  var loading = null;
  form.hidden = false;

  function fold(s) {
    return s.normalize("NFD").replace(/[\u0300-\u036f]/g, "").toLowerCase();
  }
  function words(s) {
    return fold(s).split(/[^\p{L}\p{N}]+/u).filter(Boolean);
  }
  function load() {
    if (!loading) {
      loading = fetch("search.json").then(function (r) { return r.json(); }).then(function (data) {
        entries = data.map(function (e) { return { name: e[0], kind: e[1], path: e[2], words: words(e[0]) }; });
      });
    }
    return loading;
  }
  function matches(e, query) {
    return query.every(function (q) {
      return e.words.some(function (w) { return w.indexOf(q) === 0; });
    });
  }
  function show() {
    var query = words(input.value);
    out.textContent = "";
    if (query.length === 0) { return; }
    var found = entries.filter(function (e) { return matches(e, query); });
    found.slice(0, 50).forEach(function (e) {
      var li = document.createElement("li");
      var a = document.createElement("a");
      a.href = e.path;
      a.textContent = e.name;
      li.appendChild(a);
      li.appendChild(document.createTextNode(" (" + e.kind.toLowerCase() + ")"));
      out.appendChild(li);
    });
    if (found.length === 0) {
      var none = document.createElement("li");
      none.textContent = "No record has a name with these words.";
      out.appendChild(none);
    } else if (found.length > 50) {
      var more = document.createElement("li");
      more.textContent = "… and " + (found.length - 50) + " more: type more words.";
      out.appendChild(more);
    }
  }
  input.addEventListener("input", function () { load().then(show); });
  form.addEventListener("submit", function (ev) { ev.preventDefault(); load().then(show); });
}());
