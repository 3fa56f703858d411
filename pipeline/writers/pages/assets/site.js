// planalign's pages: filters, the next flagged row, sentence beads, notes at their marker.
// Plain script, no library; everything works on a page opened from disk.
"use strict";

function setUpToolbar(form) {
  var table = document.querySelector(form.dataset.rows);
  if (!table || !table.tBodies.length) return;
  var rows = Array.prototype.slice.call(table.tBodies[0].rows);
  var texts = null; // each row's text, lower-cased when first filtered by text
  var flags = form.querySelectorAll("input[data-flag]");
  var selects = form.querySelectorAll("select[data-attr]");
  var search = form.querySelector("input[data-text]");
  var count = form.querySelector(".count");

  function apply() {
    var wanted = [];
    flags.forEach(function (box) { if (box.checked) wanted.push(box.dataset.flag); });
    var query = search ? search.value.trim().toLowerCase() : "";
    if (query && !texts) texts = rows.map(function (row) { return row.textContent.toLowerCase(); });
    var shown = 0;
    rows.forEach(function (row, index) {
      var own = (row.dataset.flags || "").split(" ");
      var visible = wanted.every(function (flag) { return own.indexOf(flag) >= 0; });
      selects.forEach(function (select) {
        if (select.value && row.dataset[select.dataset.attr] !== select.value) visible = false;
      });
      if (visible && query) visible = texts[index].indexOf(query) >= 0;
      row.classList.toggle("hidden", !visible);
      if (visible) shown += 1;
    });
    if (count) count.textContent = shown + " of " + rows.length + " rows";
  }

  form.addEventListener("input", apply);
  form.addEventListener("change", apply);
  form.addEventListener("submit", function (event) { event.preventDefault(); });
  presetFromHash(selects);
  apply();
}

// findings.html#doc=lausanne-zh or #check=numbers opens the page filtered.
function presetFromHash(selects) {
  var match = /^#(\w+)=(.+)$/.exec(location.hash);
  if (!match) return;
  selects.forEach(function (select) {
    if (select.dataset.attr === match[1]) select.value = decodeURIComponent(match[2]);
  });
}

function setUpFlaggedKeys() {
  var current = null;
  document.addEventListener("keydown", function (event) {
    var target = event.target;
    if (event.ctrlKey || event.metaKey || event.altKey) return;
    if (target.closest && target.closest("input, select, textarea")) return;
    if (event.key === "/") {
      var search = document.querySelector(".toolbar input[data-text]");
      if (search) { event.preventDefault(); search.focus(); }
      return;
    }
    if (event.key !== "n" && event.key !== "p") return;
    var flagged = Array.prototype.filter.call(
      document.querySelectorAll("tr.review"),
      function (row) { return !row.classList.contains("hidden"); });
    if (!flagged.length) return;
    var at = flagged.indexOf(current);
    var next = event.key === "n" ? (at + 1) % flagged.length
      : (at <= 0 ? flagged.length - 1 : at - 1);
    if (current) current.classList.remove("current");
    current = flagged[next];
    current.classList.add("current");
    current.scrollIntoView({ block: "center" });
    history.replaceState(null, "", "#" + current.id);
  });
}

// Hovering a sentence lights it and the sentences of the other side it is aligned with.
function setUpBeads() {
  var lit = [];
  function clear() { lit.forEach(function (s) { s.classList.remove("lit"); }); lit = []; }
  document.addEventListener("mouseover", function (event) {
    var sentence = event.target.closest && event.target.closest("span.s[data-bead]");
    if (!sentence) { if (lit.length) clear(); return; }
    if (lit.indexOf(sentence) >= 0) return;
    clear();
    var row = sentence.closest("tr");
    lit = Array.prototype.slice.call(
      row.querySelectorAll('span.s[data-bead="' + sentence.dataset.bead + '"]'));
    lit.forEach(function (s) { s.classList.add("lit"); });
  });
}

// A footnote marker opens its note on click (hover shows it too); Escape closes.
function setUpNotes() {
  document.addEventListener("click", function (event) {
    var marker = event.target.closest && event.target.closest("a.noteref");
    document.querySelectorAll(".note.open").forEach(function (note) {
      if (!marker || note !== marker.parentNode) note.classList.remove("open");
    });
    if (!marker) return;
    event.preventDefault();
    marker.parentNode.classList.toggle("open");
  });
  document.addEventListener("keydown", function (event) {
    if (event.key !== "Escape") return;
    document.querySelectorAll(".note.open").forEach(function (n) { n.classList.remove("open"); });
  });
}

document.querySelectorAll("form.toolbar[data-rows]").forEach(setUpToolbar);
setUpFlaggedKeys();
setUpBeads();
setUpNotes();
