/*
 * policyc — "is this policy in force today?" in the applicant guides.
 *
 * The generated guides contain
 *   <span class="policyc-validity" data-from="YYYY-MM-DD" data-until="YYYY-MM-DD">…</span>
 * (an empty or missing attribute = open or unknown end). The Markdown stays byte-identical
 * from day to day; this script compares the validity window with the reader's own date and
 * fills the span with 「今日有效」, 「尚未生效」 or 「已失效（YYYY-MM-DD 届满）」.
 * The text the guide wrote into the span stays when the dates cannot be read.
 *
 * Vanilla JavaScript; works with mkdocs-material's instant navigation (document$) and
 * without it (DOMContentLoaded), and from file://.
 */
(function () {
  "use strict";

  var DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
  var STATES = ["valid", "pending", "expired"];

  function pad(n) {
    return (n < 10 ? "0" : "") + n;
  }

  /* The reader's local date as YYYY-MM-DD (not UTC: a reader in Beijing at 07:00 is "today"). */
  function today(now) {
    var d = now || new Date();
    return d.getFullYear() + "-" + pad(d.getMonth() + 1) + "-" + pad(d.getDate());
  }

  /* "" for an open end, the date for a valid date, null for anything else. */
  function readDate(value) {
    var text = (value || "").trim();
    if (text === "") return "";
    var m = DATE.exec(text);
    if (!m) return null;
    var d = new Date(+m[1], +m[2] - 1, +m[3]);
    if (d.getFullYear() !== +m[1] || d.getMonth() !== +m[2] - 1 || d.getDate() !== +m[3]) {
      return null; // 2025-02-30 and the like
    }
    return text;
  }

  /* {state, text} for a validity window on a given day (ISO strings compare as dates). */
  function status(from, until, day) {
    if (from && day < from) return { state: "pending", text: "尚未生效" };
    if (until && day > until) return { state: "expired", text: "已失效（" + until + " 届满）" };
    return { state: "valid", text: "今日有效" };
  }

  function render(root, now) {
    var day = today(now);
    var spans = (root || document).querySelectorAll("span.policyc-validity");
    for (var i = 0; i < spans.length; i++) {
      var span = spans[i];
      var from = readDate(span.getAttribute("data-from"));
      var until = readDate(span.getAttribute("data-until"));
      if (from === null || until === null) continue;
      var s = status(from, until, day);
      span.textContent = s.text;
      for (var j = 0; j < STATES.length; j++) {
        span.classList.remove("policyc-validity--" + STATES[j]);
      }
      span.classList.add("policyc-validity--" + s.state);
      span.setAttribute("title", "按本机日期 " + day + " 判断");
    }
  }

  if (typeof module === "object" && module.exports) {
    module.exports = { today: today, readDate: readDate, status: status, render: render };
    return;
  }

  if (typeof window.document$ !== "undefined" && window.document$.subscribe) {
    // mkdocs-material: emits on the first load and after every instant navigation
    window.document$.subscribe(function () {
      render(document);
    });
  } else if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", function () {
      render(document);
    });
  } else {
    render(document);
  }
})();
