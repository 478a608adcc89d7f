// Amounts and calculation traces in the words of the applicant guides
// (plugins/markdown/plain.py): "600000.00" → "600,000.00 元", operators → words.
// Amounts stay decimal strings throughout: nothing here converts money to a binary float.

export function yuan(text) {
  if (text === null || text === undefined) return "未定";
  const m = /^(-?)(\d+)(?:\.(\d+))?$/.exec(String(text));
  if (!m) return String(text);
  const cents = ((m[3] || "") + "00").slice(0, 2);
  return `${m[1]}${m[2].replace(/\B(?=(\d{3})+(?!\d))/g, ",")}.${cents} 元`;
}

export function span(lo, hi) {
  if (lo === null && hi === null) return "未定（原文未规定金额）";
  if (lo === hi) return yuan(lo);
  if (hi === null) return `${yuan(lo)} 起（上限未定）`;
  return `${yuan(lo)} 至 ${yuan(hi)}`;
}

const COMPARE = { ">=": "不低于", "<=": "不高于", "==": "等于", "!=": "不等于", ">": "高于", "<": "低于" };

function escapeRegExp(s) {
  return s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

const DATE_COMPARE = { "<=": "不晚于", "<": "早于", ">=": "不早于", ">": "晚于", "==": "为", "!=": "不为" };

/* 2026-03-31 → " 2026 年 3 月 31 日" (plugins/markdown/plain.py date_words). */
function dateWords(y, m, d) {
  return ` ${Number(y)} 年 ${Number(m)} 月 ${Number(d)} 日`;
}

/* A trace line in plain words: labels for names (terms: {name: 中文}), words for operators;
   按期 x as x 不晚于 its step's deadline (deadlines: {name: "YYYY-MM-DD"}), dates as dates. */
export function plainTrace(line, terms, values, deadlines = {}) {
  let s = String(line);
  s = s.replace(/按期\s+([A-Za-z_][A-Za-z0-9_]*)/g, (m, name) => (deadlines[name] ? `${name} <= ${deadlines[name]}` : m));
  s = s.replace(/\s*(>=|<=|==|!=|>|<)\s*(\d{4})-(\d{2})-(\d{2})/g, (m, op, y, mo, d) => DATE_COMPARE[op] + dateWords(y, mo, d));
  const names = Object.keys(terms).sort((a, b) => b.length - a.length);
  if (names.length) {
    const re = new RegExp("(?<![A-Za-z0-9_])(" + names.map(escapeRegExp).join("|") + ")(?![A-Za-z0-9_])", "g");
    s = s.replace(re, (m) => terms[m]);
  }
  s = s.replace(/"([A-Za-z_][A-Za-z0-9_]*)"/g, (m, v) => `“${values[v] || v}”`);
  s = s.replace(/(\d+(?:\.\d+)?%)\s*×\s*(\([^()]+\)|[^\s，。；：（）“”()]+)/g,
    (m, rate, what) => `${what.replace(/^\(|\)$/g, "")}的 ${rate}`);
  s = s.replace(/\(([^()]*的 \d+(?:\.\d+)?%)\)/g, "$1");
  s = s.replace(/ × /g, " 乘以 ").replace(/×/g, "乘以");
  s = s.replace(/\s*(>=|<=|==|!=)\s*|\s+([<>])\s+/g, (m, a, b) => COMPARE[a || b]);
  s = s.replace(/(\d[\d,]*(?:\.\d+)?(?:\s*元)?)\s*\.\.\s*(\d)/g, "$1 至 $2");
  s = s.replace(/(^|[^\d,.])(-?\d+\.\d{2})(?![\d%])/g, (m, pre, num) => pre + yuan(num));
  s = s.replace(/\s*属于\s*\[([^\]]*)\]/g, (m, list) => "属于" + list.split(",").map((v) => v.trim()).join("、"));
  s = s.replace(/ = /g, " 为 ").replace(/封顶/g, "，最高");
  return s.replace(/[ \t]+，/g, "，");
}
