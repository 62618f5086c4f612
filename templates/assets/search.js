// Search results for the search page, from the Pagefind index built beside the site. Without
// JavaScript (or before the index loads) the page still lists every page of the site.
(function () {
  "use strict";
  var results = document.getElementById("search-results");
  var input = document.getElementById("search-page-q");
  var status = document.getElementById("search-status");
  var list = document.getElementById("search-list");
  if (!results || !input || !status || !list) return;
  var query = (new URLSearchParams(window.location.search).get("q") || "").trim();
  input.value = query;
  if (!query) return;

  // The excerpt is Pagefind's text with <mark> around the words found: keep only those two.
  function excerptNodes(html) {
    var doc = new DOMParser().parseFromString("<p>" + html + "</p>", "text/html");
    var out = document.createDocumentFragment();
    doc.body.firstChild.childNodes.forEach(function (node) {
      if (node.nodeName === "MARK") {
        var mark = document.createElement("mark");
        mark.textContent = node.textContent;
        out.appendChild(mark);
      } else {
        out.appendChild(document.createTextNode(node.textContent));
      }
    });
    return out;
  }

  function item(data, base) {
    var li = document.createElement("li");
    var heading = document.createElement("h3");
    var link = document.createElement("a");
    link.href = base + data.url.replace(/^\//, "");
    link.textContent = data.meta.title || data.url;
    heading.appendChild(link);
    li.appendChild(heading);
    if (data.meta.section) {
      var section = document.createElement("p");
      section.className = "meta";
      section.textContent = data.meta.section;
      li.appendChild(section);
    }
    var excerpt = document.createElement("p");
    excerpt.appendChild(excerptNodes(data.excerpt || ""));
    li.appendChild(excerpt);
    return li;
  }

  function say(text) { status.textContent = text; }

  var root = new URL("../", window.location.href);
  say("Searching for \u2018" + query + "\u2019\u2026");
  import(new URL(results.getAttribute("data-pagefind-url"), window.location.href).href)
    .then(function (pagefind) {
      return pagefind.search(query).then(function (search) {
        return Promise.all(search.results.slice(0, 50).map(function (r) { return r.data(); }));
      });
    })
    .then(function (found) {
      list.textContent = "";
      found.forEach(function (data) { list.appendChild(item(data, root.href)); });
      var count = found.length === 1 ? "1 result" : found.length + " results";
      say(count + " for \u2018" + query + "\u2019" + (found.length ? "" : ". Try other words, or use the list of every page below."));
    })
    .catch(function () {
      say("Search is not available here. Every page of this website is listed below.");
    });
})();
