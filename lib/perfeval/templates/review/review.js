// Confirm a draft on its review page: per entry 无误 / 更正为 / 删去, a count of what is left, and a button that saves
// the confirmed params file (YAML) with who and when. No network, no library; it only ever sets text, never markup.
// Removing an entry removes what rests on it (a restatement, a rate or an identity that names it). Decisions are
// kept in this browser (localStorage) until the file is saved, so a page closed half-way keeps them.
(function () {
  "use strict";
  var data = JSON.parse(document.getElementById("draft-data").textContent);
  var entries = data.entries;
  var byKey = {};
  entries.forEach(function (e) { byKey[e.key] = e; });
  var unit = data.params.unit || {};
  var store = "perfeval-review:" + unit.id + ":" + (data.params.drafted_from || "");
  var NUMBER = /^-?\d+(\.\d+)?$/;
  // What an analyst types, as the report's number reader reads it: full-width digits, point, comma and minus from a
  // Chinese input method, thousands separators, spaces, and the entry's own unit after the number (2864.30万元).
  function typed(e, raw) {
    var text = raw.replace(/[\uff10-\uff19\uff0e\uff0c\uff0d]/g, function (c) {
      return String.fromCharCode(c.charCodeAt(0) - 0xfee0);
    }).replace(/[\u3002]/g, ".").replace(/[\u2212\u2013\u2014]/g, "-").replace(/[\s,\u00a0\u3000]/g, "");
    if (e.unit && text.slice(-e.unit.length) === e.unit) { text = text.slice(0, -e.unit.length); }
    return text;
  }
  // Why a typed correction cannot stand (not a number, or outside what the params allow there), "" when it can.
  function wrong(e, raw) {
    var text = typed(e, raw.trim());
    if (!NUMBER.test(text)) { return "请填写报告所载的数字，如 521.30" + (e.unit ? "（单位：" + e.unit + "）" : ""); }
    var low = e.bounds[0], high = e.bounds[1], v = Number(text);
    if (low !== null && v < low) { return low === 0 ? "不能为负数：金额、人数等不小于 0" : "不能小于 " + low; }
    if (high !== null && v > high) { return "不能大于 " + high; }
    return "";
  }
  var left = document.getElementById("left");
  var said = document.getElementById("said");
  var reviewer = document.getElementById("reviewer");

  function articles(key) { return document.querySelectorAll('article.entry[data-key="' + CSS.escape(key) + '"]'); }

  function decision(key) {
    var box = articles(key)[0];
    if (!box) { return null; }
    var chosen = box.querySelector("input[type=radio]:checked");
    if (!chosen) { return null; }
    if (chosen.value === "correct") {
      var raw = box.querySelector("input.corrected").value;
      return wrong(byKey[key], raw) ? null : {kind: "correct", value: typed(byKey[key], raw.trim())};
    }
    return {kind: chosen.value};
  }

  // What is removed, each with why: chosen by the analyst, or resting on something removed.
  function removed() {
    var out = {};
    entries.forEach(function (e) {
      var d = decision(e.key);
      if (d && d.kind === "exclude") { out[e.key] = ""; }
    });
    var refs = {};
    var changed = true;
    while (changed) {
      changed = false;
      entries.forEach(function (e) { if (e.key in out && e.ref) { refs[e.ref] = e.key; } });
      entries.forEach(function (e) {
        if (e.key in out) { return; }
        var gone = e.uses.filter(function (u) { return u in refs; })[0];
        if (gone) { out[e.key] = "随“" + label(refs[gone]) + "”删去"; changed = true; }
      });
    }
    return out;
  }

  function label(key) {
    var h = articles(key)[0];
    return h ? h.querySelector("h3").firstChild.textContent.trim() : key;
  }

  function refresh() {
    var gone = removed();
    var open = 0;
    entries.forEach(function (e) {
      var because = gone[e.key];
      var decided = decision(e.key) !== null || because;
      Array.prototype.forEach.call(articles(e.key), function (box) {
        var note = box.querySelector(".cascade");
        note.hidden = !because;
        note.textContent = because || "";
        box.classList.toggle("decided", !!decided);
        box.classList.toggle("excluded", e.key in gone);
      });
      if (!decided) { open += 1; }
    });
    left.textContent = open ? "待核对 " + open + " / " + entries.length + " 项" : "全部 " + entries.length + " 项已核对";
    left.classList.toggle("done", open === 0);
    return open;
  }

  function remember() {
    var kept = {reviewer: reviewer.value, decisions: {}};
    entries.forEach(function (e) {
      var box = articles(e.key)[0];
      var chosen = box && box.querySelector("input[type=radio]:checked");
      if (chosen) {
        var input = box.querySelector("input.corrected");
        kept.decisions[e.key] = [chosen.value, input ? input.value : ""];
      }
    });
    try { localStorage.setItem(store, JSON.stringify(kept)); } catch (err) { /* private mode: nothing kept */ }
  }

  function restore() {
    var kept = null;
    try { kept = JSON.parse(localStorage.getItem(store) || "null"); } catch (err) { kept = null; }
    if (!kept) { return; }
    reviewer.value = kept.reviewer || "";
    Object.keys(kept.decisions || {}).forEach(function (key) {
      Array.prototype.forEach.call(articles(key), function (box) {
        var d = kept.decisions[key];
        var radio = box.querySelector('input[type=radio][value="' + d[0] + '"]');
        if (radio) { radio.checked = true; }
        var input = box.querySelector("input.corrected");
        if (input) { input.value = d[1]; }
      });
    });
  }

  // An entry shown twice (先核对 and its group) keeps one decision: a choice in one copy is mirrored in the other.
  function mirror(from) {
    var box = from.closest("article.entry");
    var key = box.getAttribute("data-key");
    Array.prototype.forEach.call(articles(key), function (other) {
      if (other === box) { return; }
      var radio = box.querySelector("input[type=radio]:checked");
      if (radio) { other.querySelector('input[type=radio][value="' + radio.value + '"]').checked = true; }
      var a = box.querySelector("input.corrected");
      var b = other.querySelector("input.corrected");
      if (a && b) { b.value = a.value; }
    });
  }

  document.addEventListener("input", function (ev) {
    var t = ev.target;
    if (t.classList.contains("corrected")) {
      var radio = t.closest("label").querySelector("input[type=radio]");
      radio.checked = true;
      var why = t.value.trim() === "" ? "" : wrong(byKey[t.closest("article.entry").getAttribute("data-key")], t.value);
      t.classList.toggle("invalid", why !== "");  // not counted as decided until it is a number the params allow
      t.title = why;
      t.parentNode.querySelector("span.why").textContent = why;  // said beside the box: a phone shows no title
    }
    if (t.closest("article.entry")) { mirror(t); }
    refresh();
    remember();
  });
  document.addEventListener("change", function (ev) {
    if (ev.target.closest("article.entry")) { mirror(ev.target); }
    refresh();
    remember();
  });
  Array.prototype.forEach.call(document.querySelectorAll("button.all-confirm"), function (button) {
    button.addEventListener("click", function () {
      Array.prototype.forEach.call(button.closest("section").querySelectorAll("article.entry"), function (box) {
        if (!box.querySelector("input[type=radio]:checked")) {
          box.querySelector('input[type=radio][value="confirm"]').checked = true;
          mirror(box.querySelector("input"));
        }
      });
      refresh();
      remember();
    });
  });

  // ---- the confirmed params file -------------------------------------------------------------------------------
  function quote(s) {
    return JSON.stringify(s).replace(/[\u0085\u2028\u2029\ufeff]/g, function (c) {
      return "\\u" + ("000" + c.charCodeAt(0).toString(16)).slice(-4);
    });
  }
  // a string written plain where YAML reads it back as the same string (no quotes around 青禾县档案馆), else quoted
  function plain(s, inFlow) {
    return s.length > 0 && !/^[\s\-?:,\[\]{}#&*!|>'"%@`+.\d~=<]/.test(s) && !/:\s|\s#|:$|\s$|[\u0000-\u001f\u007f-\u009f\u2028\u2029\ufeff]/.test(s)
      && !(inFlow && /[,\[\]{}]/.test(s)) && !/^(true|false|yes|no|on|off|null|y|n)$/i.test(s);
  }
  function text(s, inFlow) { return plain(s, inFlow) ? s : quote(s); }
  function isNumber(v) { return v !== null && typeof v === "object" && !Array.isArray(v) && Object.keys(v).length === 1 && "#" in v; }
  function isScalar(v) { return v === null || typeof v !== "object" || isNumber(v); }
  function scalar(v, inFlow) {
    if (v === null) { return "null"; }
    if (typeof v === "boolean") { return v ? "true" : "false"; }
    if (isNumber(v)) { return v["#"]; }
    if (typeof v === "number") { return String(v); }
    return text(String(v), inFlow);
  }
  function key(k) { return /^[A-Za-z_][A-Za-z0-9_\-]*$/.test(k) ? k : quote(k); }
  function flow(v) {
    if (isScalar(v)) { return scalar(v, true); }
    if (Array.isArray(v)) { return "[" + v.map(flow).join(", ") + "]"; }
    return "{" + Object.keys(v).map(function (k) { return key(k) + ": " + flow(v[k]); }).join(", ") + "}";
  }
  function block(obj, pad) {
    var lines = [];
    Object.keys(obj).forEach(function (k) {
      var v = obj[k];
      if (isScalar(v)) { lines.push(pad + key(k) + ": " + scalar(v, false)); return; }
      if (Array.isArray(v)) {
        if (!v.length) { lines.push(pad + key(k) + ": []"); return; }
        lines.push(pad + key(k) + ":");
        v.forEach(function (item) { lines.push(pad + "  - " + flow(item)); });
        return;
      }
      var keys = Object.keys(v);
      var flat = keys.every(function (x) { return isScalar(v[x]) || Array.isArray(v[x]); });
      if (!keys.length) { lines.push(pad + key(k) + ": {}"); return; }
      if (pad.length >= 2 && flat) { lines.push(pad + key(k) + ": " + flow(v)); return; }
      lines.push(pad + key(k) + ":");
      lines.push.apply(lines, block(v, pad + "  "));
    });
    return lines;
  }

  function at(root, path) {
    return path.reduce(function (node, step) { return node == null ? node : node[step]; }, root);
  }
  function prune(node) {  // containers left empty by removals go too (a line with no column, a group with no figure)
    Object.keys(node).forEach(function (k) {
      var v = node[k];
      if (v && typeof v === "object" && !isNumber(v)) {
        if (!Array.isArray(v)) { prune(v); }
        if (Array.isArray(v) ? !v.length : !Object.keys(v).length) { delete node[k]; }
      }
    });
  }
  function written(e) {
    var holder = at(data.params, e.path);
    var v = holder ? at(holder, e.valueAt) : null;
    return isNumber(v) ? {"#": v["#"]} : (typeof v === "string" ? v : null);
  }

  function confirmed(by, date) {
    var params = JSON.parse(JSON.stringify(data.params));
    var gone = removed();
    // a file saved before with entries left open keeps what was corrected and removed then (its list of confirmed
    // entries named them by places this file no longer has; every entry still here is decided again below)
    var before = data.params.confirmation || {};
    var record = {by: by, date: date, report: before.report || data.params.drafted_from || "", undecided: 0,
                  confirmed: [], corrected: (before.corrected || []).slice(), excluded: (before.excluded || []).slice()};
    var holes = [];
    entries.forEach(function (e) {
      if (e.key in gone) {
        record.excluded.push(Object.assign({entry: e.key}, e.value !== null ? {drafted: written(e)} : {},
                                           e.source ? {source: e.source} : {}, gone[e.key] ? {because: gone[e.key]} : {}));
        e.remove.forEach(function (p) { holes.push(p); });
        return;
      }
      var d = decision(e.key);
      if (!d) { record.undecided += 1; return; }
      if (d.kind === "correct" && d.value !== (e.value || "")) {
        var holder = at(params, e.path);
        var last = e.valueAt[e.valueAt.length - 1];
        at(holder, e.valueAt.slice(0, -1))[last] = {"#": d.value};
        record.corrected.push(Object.assign({entry: e.key, drafted: written(e), value: {"#": d.value}},
                                            e.source ? {source: e.source} : {}));
      } else {
        record.confirmed.push(e.key);
      }
    });
    // removals: object keys deleted, list items blanked then dropped (indices stay valid until the end)
    var REMOVED = {};
    holes.forEach(function (p) {
      var parent = at(params, p.slice(0, -1));
      if (!parent) { return; }
      if (Array.isArray(parent)) { parent[p[p.length - 1]] = REMOVED; } else { delete parent[p[p.length - 1]]; }
    });
    (function drop(node) {
      Object.keys(node).forEach(function (k) {
        var v = node[k];
        if (Array.isArray(v)) { node[k] = v.filter(function (x) { return x !== REMOVED; }); v = node[k]; }
        if (v && typeof v === "object" && !isNumber(v)) { drop(v); }
      });
    })(params);
    prune(params);
    if (record.undecided === 0) { delete params.drafted_from; }
    ["confirmed", "corrected", "excluded"].forEach(function (k) { if (!record[k].length) { delete record[k]; } });
    params.confirmation = record;
    var head = "# 已对照报告核对（perfeval 核对页）：" + by + "，" + date + (record.undecided
      ? "；尚有 " + record.undecided + " 项未定，仍是草稿（drafted_from 保留）" : "") + "\n";
    var lines = [];
    Object.keys(params).forEach(function (k) {
      var one = {};
      one[k] = params[k];
      if (k === "confirmation") {
        lines.push(key(k) + ":");
        Object.keys(record).forEach(function (r) {
          var v = record[r];
          if (Array.isArray(v)) {
            lines.push("  " + r + ":");
            v.forEach(function (x) { lines.push("    - " + flow(x)); });
          } else { lines.push("  " + r + ": " + scalar(v, false)); }
        });
      } else {
        lines.push.apply(lines, block(one, ""));
      }
    });
    return {text: head + lines.join("\n") + "\n", open: record.undecided};
  }

  function today() {
    var d = new Date();
    return d.getFullYear() + "-" + ("0" + (d.getMonth() + 1)).slice(-2) + "-" + ("0" + d.getDate()).slice(-2);
  }

  document.getElementById("save").addEventListener("click", function () {
    var by = reviewer.value.trim();
    if (!by) { said.textContent = "请先填写核对人。"; reviewer.focus(); return; }
    var out = confirmed(by, today());
    var link = document.createElement("a");
    link.href = URL.createObjectURL(new Blob([out.text], {type: "application/x-yaml;charset=utf-8"}));
    link.download = unit.id + ".yaml";
    document.body.appendChild(link);
    link.click();
    link.remove();
    said.textContent = out.open ? "已保存（尚有 " + out.open + " 项未定，文件仍标为草稿）。"
      : "已保存 " + unit.id + ".yaml：放到 params/units/ 下，运行 perfeval validate 与 perfeval score。";
  });

  if (data.params.confirmation && !reviewer.value) { reviewer.value = data.params.confirmation.by || ""; }
  restore();
  refresh();
})();
