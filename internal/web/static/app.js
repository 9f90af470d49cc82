// qiangxian pages: sortable and filterable tables, and the glue that draws
// charts with ECharts (when it is built in) from the JSON option in a
// chart's data-chart attribute. No other library, nothing from other hosts.
// Pages work without this file; it only adds sorting, filtering and charts.
(function () {
  "use strict";

  // cellValue is what a cell sorts by: its data-v, else its text; numbers
  // compare as numbers, missing values ("—", "") sort last either way.
  function cellValue(cell) {
    var v = cell.hasAttribute("data-v") ? cell.getAttribute("data-v") : cell.textContent.trim();
    if (v === "" || v === "—" || v === "NaN") return null;
    var n = Number(v.replace(/,/g, ""));
    return isNaN(n) ? v : n;
  }

  function compare(a, b) {
    if (a === null && b === null) return 0;
    if (a === null) return 1;
    if (b === null) return -1;
    if (typeof a === "number" && typeof b === "number") return a - b;
    return String(a).localeCompare(String(b), "zh-Hans-CN");
  }

  // Sortable tables: every th of a table.sortable gets a button; a click
  // sorts ascending, a second descending. aria-sort tells screen readers.
  function sortable(table) {
    var heads = table.tHead ? table.tHead.rows[table.tHead.rows.length - 1].cells : [];
    Array.prototype.forEach.call(heads, function (th, col) {
      if (th.hasAttribute("data-nosort")) return;
      var b = document.createElement("button");
      b.type = "button";
      b.className = "sort";
      while (th.firstChild) b.appendChild(th.firstChild);
      th.appendChild(b);
      b.addEventListener("click", function () {
        var dir = th.getAttribute("aria-sort") === "ascending" ? "descending" : "ascending";
        Array.prototype.forEach.call(heads, function (h) { h.removeAttribute("aria-sort"); });
        th.setAttribute("aria-sort", dir);
        var body = table.tBodies[0];
        var rows = Array.prototype.slice.call(body.rows);
        rows.sort(function (r1, r2) {
          var c = compare(cellValue(r1.cells[col]), cellValue(r2.cells[col]));
          if (dir === "descending") {
            // missing values stay last
            var a = cellValue(r1.cells[col]), z = cellValue(r2.cells[col]);
            c = (a === null || z === null) ? c : -c;
          }
          return c;
        });
        rows.forEach(function (r) { body.appendChild(r); });
      });
    });
  }

  // Filters: <input data-filter="TABLE-ID"> hides the rows of that table
  // whose text (and data-search) does not contain what was typed; an
  // element [data-count-for=TABLE-ID] shows how many rows remain.
  function filter(input) {
    var table = document.getElementById(input.getAttribute("data-filter"));
    if (!table) return;
    var counter = document.querySelector('[data-count-for="' + table.id + '"]');
    function apply() {
      var q = input.value.trim().toLowerCase();
      var shown = 0, rows = table.tBodies[0].rows;
      Array.prototype.forEach.call(rows, function (r) {
        var text = (r.textContent + " " + (r.getAttribute("data-search") || "")).toLowerCase();
        var ok = q === "" || text.indexOf(q) >= 0;
        r.hidden = !ok;
        if (ok) shown++;
      });
      if (counter) counter.textContent = shown + " / " + rows.length;
    }
    input.addEventListener("input", apply);
    apply();
  }

  // Charts: data-chart holds an ECharts option. The SVG renderer keeps
  // charts sharp in print and in the PDF; no animation, so that a printed
  // page shows the final state.
  var charts = [];
  function chart(el) {
    if (!window.echarts) return;
    var option;
    try { option = JSON.parse(el.getAttribute("data-chart")); } catch (e) { return; }
    option.animation = false;
    var c = window.echarts.init(el, null, { renderer: "svg" });
    c.setOption(option);
    charts.push(c);
  }

  // A table wider than its box scrolls sideways: the box is marked
  // data-scroll (CSS shows shadows at the hidden edges and a cue above it)
  // while there is more to see, and unmarked when the window widens.
  function scrollCue(wrap) {
    var cue = document.createElement("p");
    cue.className = "scroll-cue";
    cue.setAttribute("aria-hidden", "true");
    cue.textContent = document.documentElement.lang === "en" ? "← scroll sideways for more columns →" : "← 左右滑动查看更多列 →";
    wrap.parentNode.insertBefore(cue, wrap);
    function check() {
      if (wrap.scrollWidth > wrap.clientWidth + 1) wrap.setAttribute("data-scroll", "1");
      else wrap.removeAttribute("data-scroll");
    }
    check();
    window.addEventListener("resize", check);
  }

  function start() {
    Array.prototype.forEach.call(document.querySelectorAll(".table-wrap"), scrollCue);
    Array.prototype.forEach.call(document.querySelectorAll("table.sortable"), sortable);
    Array.prototype.forEach.call(document.querySelectorAll("input[data-filter]"), filter);
    Array.prototype.forEach.call(document.querySelectorAll(".chart[data-chart]"), chart);
    window.addEventListener("resize", function () { charts.forEach(function (c) { c.resize(); }); });
    window.addEventListener("beforeprint", function () { charts.forEach(function (c) { c.resize(); }); });
    // The PDF printer waits for this mark before printing.
    document.body.setAttribute("data-ready", "1");
  }

  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start);
  else start();
})();
