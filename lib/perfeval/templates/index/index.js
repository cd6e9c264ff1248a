// Sort, filter and search each table of units (table.units, in its .table-block with a .controls and a .count) in
// place: no network, no library, no markup from data. Columns opt in from the page: <th data-sort="number|text">
// sorts by each cell's data-sort value (blanks last), <th data-filter> gets a drop-down of its cells' data-filter
// values; the search box matches a row's text.
(function () {
  "use strict";
  Array.prototype.forEach.call(document.querySelectorAll("table.units"), function (table) {
    var block = table.closest(".table-block");
    if (block) { setUp(table, block.querySelector(".controls"), block.querySelector(".count")); }
  });

  function setUp(table, controls, count) {
    if (!table.tHead || !table.tBodies.length || !controls || !count) { return; }
    var body = table.tBodies[0];
    var rows = Array.prototype.slice.call(body.rows);
    var heads = Array.prototype.slice.call(table.tHead.rows[0].cells);
    var filters = [];

    var search = document.createElement("input");
    search.type = "search";
    search.placeholder = "搜索单位名称、等次、问题……";
    search.setAttribute("aria-label", "搜索单位");
    controls.appendChild(search);

    function cellValue(tr, col, name) { return tr.cells[col] ? tr.cells[col].getAttribute(name) : null; }

    function apply() {
      var query = search.value.trim().toLowerCase();
      var shown = 0;
      rows.forEach(function (tr) {
        var keep = (!query || tr.textContent.toLowerCase().indexOf(query) >= 0) && filters.every(function (f) {
          return !f.select.value || cellValue(tr, f.col, "data-filter") === f.select.value;
        });
        tr.hidden = !keep;
        shown += keep ? 1 : 0;
      });
      count.textContent = "显示 " + shown + " / " + rows.length + " 个单位";
    }

    function sortKey(tr, col, numeric) {
      var value = cellValue(tr, col, "data-sort");
      if (value === null || value === "") { return null; }
      if (!numeric) { return value; }
      var n = parseFloat(value);
      return isNaN(n) ? null : n;
    }

    function sortBy(th, col) {
      var ascending = th.getAttribute("aria-sort") !== "ascending";
      var numeric = th.getAttribute("data-sort") === "number";
      heads.forEach(function (h) { h.removeAttribute("aria-sort"); });
      th.setAttribute("aria-sort", ascending ? "ascending" : "descending");
      rows.sort(function (a, b) {
        var x = sortKey(a, col, numeric);
        var y = sortKey(b, col, numeric);
        if (x === null || y === null) { return x === y ? 0 : (x === null ? 1 : -1); }
        var c = numeric ? x - y : String(x).localeCompare(String(y), "zh");
        return ascending ? c : -c;
      });
      rows.forEach(function (tr) { body.appendChild(tr); });
    }

    heads.forEach(function (th, col) {
      if (th.hasAttribute("data-filter")) {
        var values = [];
        rows.forEach(function (tr) {
          var v = cellValue(tr, col, "data-filter");
          if (v !== null && values.indexOf(v) < 0) { values.push(v); }
        });
        values.sort(function (a, b) { return a.localeCompare(b, "zh"); });
        var label = document.createElement("label");
        var select = document.createElement("select");
        label.appendChild(document.createTextNode((th.getAttribute("data-label") || "") + " "));
        select.appendChild(new Option("全部", ""));
        values.forEach(function (v) { select.appendChild(new Option(v, v)); });
        select.addEventListener("change", apply);
        label.appendChild(select);
        controls.appendChild(label);
        filters.push({ col: col, select: select });
      }
      if (th.hasAttribute("data-sort")) {
        var button = document.createElement("button");
        button.type = "button";
        button.title = "按此列排序";
        while (th.firstChild) { button.appendChild(th.firstChild); }
        th.appendChild(button);
        button.addEventListener("click", function () { sortBy(th, col); });
      }
    });
    search.addEventListener("input", apply);
    apply();
  }
}());
