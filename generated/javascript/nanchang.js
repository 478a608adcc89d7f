// generated from policies/nanchang.policy by policyc — do not edit; regenerate with `policyc build`
// 南昌市中小企业数字化转型城市试点工作专项资金管理办法 — 补贴计算器 / subsidy calculator.
//
// Standalone ES module, no dependency. calculate(profile, on) returns the structure of
// `policyc calc --format json` (money as two-decimal strings, exact to the fen) or throws
// ProfileError naming the field. Exact decimals are BigInt integers at a fixed scale.

export const POLICY_ID = "nanchang";
export const TITLE = "南昌市中小企业数字化转型城市试点工作专项资金管理办法";
export const DOCUMENT_NUMBER = "";
export const SOURCE = "policies/nanchang.policy";
const START = "2024-03-27";
const UNTIL = "2025-12-31";
const LIMITS = {
  "money_limit": "1000000000000000",
  "max_count": 1000000000,
  "max_text_chars": 1000,
  "max_number_chars": 40,
  "max_profile_chars": 1000000,
  "max_profile_depth": 32,
  "money_pattern": "^[0-9]{1,15}(\\.[0-9]{1,2})?(?![\\s\\S])",
  "rate_pattern": "^-?[0-9]{1,15}(\\.[0-9]{1,8})?(?![\\s\\S])",
  "param_rate_pattern": "^-?(0(\\.[0-9]{1,6})?|1(\\.0{1,6})?)(?![\\s\\S])",
  "rate_digits": 8,
  "date_pattern": "^[0-9]{4}-[0-9]{2}-[0-9]{2}(?![\\s\\S])",
  "date_years": [
    1900,
    2199
  ]
};
const MESSAGES = {
  "not_object": "申请人信息必须是一个 JSON 对象（键为事实名称）",
  "key_not_text": "字段名必须是字符串",
  "unknown": "未知字段“{key}”：不在共享词汇中，本政策也未声明{hint}",
  "unknown_hint": "；是否想写“{close}”？",
  "required": "缺少必填字段“{name}”（{label}）",
  "shown_text": "“{text}”",
  "shown_long": "“{head}…”（共 {n} 个字符）",
  "bool": "应为 true 或 false，收到 {got}",
  "money_bool": "应为金额（元），收到布尔值",
  "money_not_finite": "金额必须是有限的数（不接受 NaN 或无穷大）",
  "money_text": "{got}不是金额：请写成非负的十进制数（半角数字，整数部分至多 15 位），例如 \"12000.50\"",
  "rate_text": "{got}不是比例：请写成十进制数（半角数字，至多 8 位小数），例如 \"0.075\" 表示 7.5%",
  "money_type": "应为金额（元），收到 {got}",
  "money_negative": "金额不能为负数（收到 {value}）",
  "money_limit": "金额过大（须小于 {limit} 元）",
  "money_fen": "金额最多两位小数（到分），收到 {value}",
  "money_too_large": "金额过大（收到 {value}）",
  "rate_bool": "应为比例，收到布尔值",
  "rate_type": "应为比例，收到 {got}",
  "rate_not_finite": "比例必须是有限的数（不接受 NaN 或无穷大）",
  "rate_digits": "比例最多 8 位小数，收到 {value}",
  "rate_range": "比例应在 {low} 到 {high} 之间，收到 {value}",
  "date": "应为日期（YYYY-MM-DD，如 \"2026-03-31\"），收到 {got}",
  "date_invalid": "日期“{value}”不存在：请核对月份和日期",
  "date_range": "日期应在 {low} 年至 {high} 年之间，收到“{value}”",
  "int_type": "应为整数，收到 {got}",
  "int_not_finite": "应为整数（不接受 NaN 或无穷大）",
  "int_fraction": "应为整数，收到 {value}",
  "int_below": "取值 {value} 小于下限 {low}",
  "int_above": "取值 {value} 超出范围 {low}..{high}",
  "enum": "应为以下之一：{values}；收到 {got}",
  "text": "应为文本，收到 {got}",
  "text_too_long": "文本过长（{n} 个字符，至多 {max} 个）",
  "on": "日期“{on}”无效：应为 YYYY-MM-DD",
  "number_too_long": "数字过长（{n} 个字符，至多 {max} 个）",
  "number_out_of_range": "数值超出范围（{text}）",
  "constant": "不接受 {name}：须是有限的数",
  "profile_too_large": "申请人信息过大（{n} 个字符，至多 {max} 个）",
  "too_deep": "JSON 嵌套过深（至多 {max} 层）",
  "not_json": "不是合法的 JSON：第 {line} 行第 {col} 列，{msg}",
  "duplicate": "字段重复出现",
  "param_missing": "缺少参数“{name}”（{label}）：原文未公布其数值，计算时须提供",
  "param_unknown": "未知参数“{name}”：本政策没有声明该参数",
  "param_rate": "{got}不是比例：请写成 -1 到 1 之间的十进制数（至多 6 位小数），例如 \"0.065\"",
  "parameters_not_object": "参数必须是一个 JSON 对象（键为参数名称）"
};
const TRACE = {
  "heading": "{article}「{title}」适用",
  "heading_cond": "{article}「{title}」适用：{cond}",
  "tier": "分档：适用第 {n} 档（当 {cond}）",
  "tier_otherwise": "分档：适用“否则”档",
  "tier_none": "分档：没有适用的档次，按 0 计",
  "cap": "“{shown}”：{base} 超过上限 {limit}，取 {out}",
  "negative": "计算结果为负数，按 0 计",
  "amount": "金额：{shown} = {amount}",
  "amount_where": "金额：{shown} = {amount}（{where}）",
  "where_part": "{name} = {value}",
  "where_sep": "，",
  "undetermined": "金额：{shown}：原文未规定具体金额（未定）",
  "cross_cap_cut": "{article} 累计上限 {limit}（{shown}）：本项削减 {cut}，实付 {after}",
  "cross_cap_most": "{article} 累计上限 {limit}：本项至多 {most}",
  "before_start": "{on} 早于本政策的适用起始日 {start}",
  "after_end": "{on} 晚于本政策的有效期截止日 {end}",
  "events": "有效期以事件为界（{events}），日期未定，视为有效",
  "requirement_failed": "不满足资格条件（{article}）：{shown}",
  "excluded": "属于排除情形（{article}）：{shown}",
  "undetermined_value": "未定",
  "unlisted": "{label}“{value}”不在{articles}列举的范围内；计算时按不符合处理",
  "unlisted_open": "{label}“{value}”不在{articles}列举的范围内；原文列举以“等”结尾，是否属于由主管部门认定，计算时按不符合处理",
  "range": "{lo} 至 {hi}",
  "parameter": "按参数 {label}（{name}）= {value} 计算（{source}）",
  "parameter_stated": "原文{article}规定",
  "parameter_given": "计算时提供"
};
// Text facts compare by key: Traditional -> Simplified for the characters in this policy's lists.
const TEXT_FOLD = new Map([]);
// Text facts checked against listed values: [fact, label, keys, list ends in 等, articles].
const TEXT_LISTS = [];
/** The facts this policy reads. */
export const FACTS = [
  { name: "applicant_type", kind: "enum", label: "申报主体类型", low: null, high: null, values: ["enterprise", "service_provider", "platform_operator", "public_institution"], required: true, default: null },
  { name: "independent_legal_person", kind: "bool", label: "具有独立法人资格", low: null, high: null, values: [], required: false, default: null },
  { name: "operating_normally", kind: "bool", label: "运营正常", low: null, high: null, values: [], required: false, default: null },
  { name: "good_tax_and_credit", kind: "bool", label: "依法纳税，财务及信用记录良好", low: null, high: null, values: [], required: false, default: null },
  { name: "is_sme", kind: "bool", label: "中小企业", low: null, high: null, values: [], required: false, default: null },
  { name: "in_pilot_scope", kind: "bool", label: "纳入试点改造范围", low: null, high: null, values: [], required: false, default: null },
  { name: "acceptance_passed", kind: "bool", label: "改造项目验收合格", low: null, high: null, values: [], required: false, default: null },
  { name: "excellent_provider", kind: "bool", label: "优秀数字化服务商", low: null, high: null, values: [], required: false, default: null },
  { name: "chain_transformation_award", kind: "bool", label: "“链式”数字化转型典型应用/企业", low: null, high: null, values: [], required: false, default: null },
  { name: "little_giant_central_funded", kind: "bool", label: "已获得中央财政专项资金支持的专精特新“小巨人”企业", low: null, high: null, values: [], required: false, default: null },
  { name: "in_2022_pilot", kind: "bool", label: "已纳入工信厅联企业〔2022〕22号改造试点", low: null, high: null, values: [], required: false, default: null },
  { name: "model_enterprise", kind: "bool", label: "数字化转型样板企业", low: null, high: null, values: [], required: false, default: false },
  { name: "provincial_pilot_funded", kind: "bool", label: "已享受省级产业集群和中小企业数字化转型试点项目奖补资金", low: null, high: null, values: [], required: false, default: false },
];
const VOCABULARY = [
  { name: "accepted_enterprises_served", kind: "int", label: "服务且验收达标的企业数量", low: 0, high: null, values: [], required: false, default: null },
  { name: "awarded_products", kind: "int", label: "获奖励的“小快轻准”产品和服务数量", low: 0, high: null, values: [], required: false, default: null },
  { name: "chain_demo_enterprise", kind: "bool", label: "智能化改造数字化转型试点示范企业", low: null, high: null, values: [], required: false, default: null },
  { name: "city_type", kind: "enum", label: "城市类型", low: null, high: null, values: ["provincial_capital", "separately_planned", "xpcc", "prefecture", "municipality_district"], required: false, default: null },
  { name: "cloud_platform_adopted", kind: "bool", label: "上云上平台", low: null, high: null, values: [], required: false, default: null },
  { name: "digital_level", kind: "int", label: "改造后数字化水平等级", low: 0, high: 4, values: [], required: false, default: null },
  { name: "digital_workshop_title", kind: "bool", label: "国家级数字化车间/智能工厂等称号", low: null, high: null, values: [], required: false, default: null },
  { name: "industry", kind: "text", label: "所属行业", low: null, high: null, values: [], required: false, default: null },
  { name: "lighthouse", kind: "bool", label: "数字化转型“小灯塔”企业", low: null, high: null, values: [], required: false, default: null },
  { name: "platform_benchmark", kind: "bool", label: "工业互联网平台创新应用标杆", low: null, high: null, values: [], required: false, default: null },
  { name: "provincial_demo_title", kind: "bool", label: "省级示范项目称号", low: null, high: null, values: [], required: false, default: null },
  { name: "region", kind: "enum", label: "东/中/西部地区", low: null, high: null, values: ["east", "central", "west"], required: false, default: null },
  { name: "registered_in_city", kind: "bool", label: "在本市依法注册登记", low: null, high: null, values: [], required: false, default: null },
  { name: "serious_dishonesty_3y", kind: "bool", label: "近三年存在严重失信行为", low: null, high: null, values: [], required: false, default: null },
  { name: "spend_consulting", kind: "money", label: "咨询诊断等服务支出", low: null, high: null, values: [], required: false, default: null },
  { name: "spend_data_equipment", kind: "money", label: "网关、路由等数据采集传输设备支出", low: null, high: null, values: [], required: false, default: null },
  { name: "spend_software_cloud", kind: "money", label: "软件、云服务支出", low: null, high: null, values: [], required: false, default: null },
  { name: "typical_case_title", kind: "bool", label: "省级及以上数字化转型典型案例", low: null, high: null, values: [], required: false, default: null },
];
const KNOWN = new Map([...VOCABULARY, ...FACTS].map((s) => [s.name, s]));
const DECLARED = new Set(FACTS.map((s) => s.name));
const NAMES = [...KNOWN.keys()].sort();

// ---- runtime: shared by every policyc JavaScript calculator (plugins/javascript/runtime.js) ----
//
// Exact decimals as BigInt integers at a fixed scale: a value v at scale s means v / 10**s.
// The scale of every expression is known when the module is generated, so arithmetic is plain
// BigInt arithmetic (+, -, * and a multiplication by a power of ten to align two scales), and
// nothing is ever a binary float. Money in results is BigInt fen (scale 2).
//
// Rounding rule: each support item's amount, each cross-item cap and each payment stage is
// rounded DOWN (towards zero) to the fen right after it is computed; funding shares are rounded
// down to the fen and the last source named takes the remainder.

const P10 = [1n];
for (let i = 1; i <= 60; i++) P10.push(P10[i - 1] * 10n);

/** 10**k as a BigInt. */
function p10(k) {
  while (P10.length <= k) P10.push(P10[P10.length - 1] * 10n);
  return P10[k];
}

/** A value at scale `from` rounded down (towards zero) to the fen (scale 2). */
function toFen(v, from) {
  if (from <= 2) return v * p10(2 - from);
  return v / p10(from - 2); // BigInt division truncates towards zero
}

/** Fen as a two-decimal string in yuan. */
function yuan(fen) {
  const neg = fen < 0n;
  const a = neg ? -fen : fen;
  const s = (a / 100n).toString() + "." + (a % 100n).toString().padStart(2, "0");
  return neg ? "-" + s : s;
}

/** A number in a trace, as policyc prints it: integral with two decimals, others exactly. */
function num(v, scale) {
  if (v === Infinity) return TRACE.undetermined_value;
  const neg = v < 0n;
  const a = neg ? -v : v;
  const q = p10(scale);
  const whole = a / q;
  let frac = (a % q).toString().padStart(scale, "0");
  if (scale === 0 || /^0*$/.test(frac)) return (neg ? "-" : "") + whole.toString() + ".00";
  frac = frac.replace(/0+$/, "");
  if (whole === 0n) {
    const lead = frac.length - frac.replace(/^0+/, "").length;
    if (lead + 1 > 6) { // Python's Decimal prints 0.0000001 as 1E-7
      const digits = frac.slice(lead);
      const mant = digits.length > 1 ? digits[0] + "." + digits.slice(1) : digits;
      return (neg ? "-" : "") + mant + "E-" + (lead + 1);
    }
  }
  return (neg ? "-" : "") + whole.toString() + "." + frac;
}

/** An interval (or null: undetermined) in a trace. */
function show(r, scale) {
  if (r === null) return TRACE.undetermined_value;
  if (r[0] === r[1]) return num(r[0], scale);
  return fill(TRACE.range, { lo: num(r[0], scale), hi: num(r[1], scale) });
}

function fill(template, values) {
  return template.replace(/\{(\w+)\}/g, (_, k) => String(values[k]));
}

function min(a, b) { return a < b ? a : b; }
function max(a, b) { return a > b ? a : b; }

// ---- ranges: [lo, hi] at one scale, or null when undetermined

function pt(x) { return [x, x]; }
function rAlign(r, k) { return r === null || k === 0 ? r : [r[0] * p10(k), r[1] * p10(k)]; }
function rAdd(a, b) { return a === null || b === null ? null : [a[0] + b[0], a[1] + b[1]]; }
function rSub(a, b) { return a === null || b === null ? null : [a[0] - b[1], a[1] - b[0]]; }
function rMul(a, b) {
  if (a === null || b === null) return null;
  const ps = [a[0] * b[0], a[0] * b[1], a[1] * b[0], a[1] * b[1]];
  return [ps.reduce(min), ps.reduce(max)];
}
function rUpto(a) { return a === null ? null : [0n, a[1]]; }

/** base 封顶 limit (both at `scale`), noting the cap when it binds. */
function cap(base, limit, scale, shown, trace) {
  if (base > limit) {
    if (trace) {
      trace.push(fill(TRACE.cap, { shown, base: num(base, scale), limit: num(limit, scale), out: num(limit, scale) }));
    }
    return limit;
  }
  return base;
}

function rCap(base, limit, scale, shown, trace) {
  if (limit === null) return base;
  if (base === null) return [0n, limit[1]];
  const out = [min(base[0], limit[0]), min(base[1], limit[1])];
  if (trace && (out[0] !== base[0] || out[1] !== base[1])) {
    trace.push(fill(TRACE.cap, { shown, base: show(base, scale), limit: show(limit, scale), out: show(out, scale) }));
  }
  return out;
}

/** A comparison involving an interval reads its low end; undetermined compares false. */
function rCompare(op, a, b) {
  if (a === null || b === null) return false;
  const x = a[0], y = b[0];
  switch (op) {
    case "==": return x === y;
    case "!=": return x !== y;
    case ">=": return x >= y;
    case "<=": return x <= y;
    case ">": return x > y;
    default: return x < y;
  }
}

function note(trace, text) { if (trace) trace.push(text); }
function then(_, value) { return value; }

// ---- text: facts compare by key (script-, width- and space-insensitive)

// Python's str.split() white space (after NFKC)
const SPACE = /[\t\n\x0b\x0c\r\x1c-\x1f \x85\xa0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000]/g;
const ASCII = /^[\x00-\x7f]*$/;
const IDENTIFIER = /^[A-Za-z_][A-Za-z0-9_]*$/;

/** NFKC, no white space, Traditional -> Simplified through TEXT_FOLD (policyc's text_key). */
function textKey(text) {
  if (ASCII.test(text)) return IDENTIFIER.test(text) ? text : text.replace(SPACE, "");
  let out = "";
  for (const ch of text.normalize("NFKC").replace(SPACE, "")) out += TEXT_FOLD.get(ch) ?? ch;
  return out;
}

/** The key of a text fact's value; null (absent) stays null. */
function key(text) { return text === null ? null : textKey(text); }

/** Whether a text fact's value is one of the listed values (by key); absent: no. */
function keyIn(text, keys) { return text !== null && keys.has(textKey(text)); }

// ---- profiles

export class ProfileError extends Error {
  /** @param {Array<[string, string]>} errors (field, Chinese message) pairs */
  constructor(errors) {
    super(errors.map(([f, m]) => `${f || "(profile)"}: ${m}`).join("; "));
    this.name = "ProfileError";
    this.errors = errors;
    this.field = errors.length ? errors[0][0] : "";
  }
}

const MONEY_TEXT = new RegExp(LIMITS.money_pattern);
const RATE_TEXT = new RegExp(LIMITS.rate_pattern);
const DATE_TEXT = new RegExp(LIMITS.date_pattern);
const MONEY_LIMIT = BigInt(LIMITS.money_limit) * 100n; // in fen

/** The first `n` characters (code points, as Python counts them). */
function head(text, n) { return Array.from(text).slice(0, n).join(""); }

/** How Python's policyc shows a rejected value in a message. */
function got(v) {
  if (typeof v === "string") {
    const n = Array.from(v).length;
    return n <= 40 ? fill(MESSAGES.shown_text, { text: v }) : fill(MESSAGES.shown_long, { head: head(v, 40), n });
  }
  if (v === null || v === undefined) return "null";
  if (typeof v === "boolean") return "bool";
  if (typeof v === "number") return pyNumber(v);
  if (typeof v === "bigint") return v.toString();
  if (Array.isArray(v)) return "list";
  return "dict";
}

/**
 * The shortest digits of a float and the exponent of its first digit (1.5e20 -> ["15", 20]).
 * @param {number} v
 * @returns {[string, number]}
 */
function floatParts(v) {
  const [mant, exp] = Math.abs(v).toExponential().split("e");
  return [mant.replace(".", ""), Number(exp)];
}

/** Digits `c` with the first one at 10**adjusted, written out plainly ("15", 1 -> "15"; "15", -2 -> "0.015"). */
function plain(c, adjusted) {
  const point = adjusted + 1;
  if (point <= 0) return "0." + "0".repeat(-point) + c;
  if (point >= c.length) return c + "0".repeat(point - c.length);
  return c.slice(0, point) + "." + c.slice(point);
}

/** A JSON number as Python prints it: an int plainly, a float as repr(float). */
function pyNumber(v) {
  if (!Number.isFinite(v)) return Number.isNaN(v) ? "nan" : v > 0 ? "inf" : "-inf";
  if (Number.isInteger(v) && Math.abs(v) < 1e16) return String(v);
  const sign = v < 0 ? "-" : "";
  const [c, adj] = floatParts(v);
  if (adj >= -4 && adj < 16) {
    const text = plain(c, adj);
    return sign + (text.includes(".") ? text : text + ".0");
  }
  const mant = c.length > 1 ? c[0] + "." + c.slice(1) : c;
  return sign + mant + "e" + (adj < 0 ? "-" : "+") + String(Math.abs(adj)).padStart(2, "0");
}

/** A float as Python's Decimal(repr(x)): [its exact plain text, its str()]. */
function floatDecimal(v) {
  const sign = v < 0 ? "-" : "";
  const [c, adj] = floatParts(v);
  const text = sign + plain(c, adj);
  if (adj >= -4 && adj < 16) return [text, pyNumber(v)];
  const e = adj - (c.length - 1); // repr is in exponent form: Decimal keeps its digits
  if (e <= 0 && adj >= -6) return [text, text];
  const mant = c.length > 1 ? c[0] + "." + c.slice(1) : c;
  return [text, sign + mant + "E" + (adj < 0 ? "-" : "+") + Math.abs(adj)];
}

/** Parse a non-negative decimal text to [BigInt digits, decimals]. */
function parseDecimal(text) {
  const neg = text.startsWith("-");
  const body = neg ? text.slice(1) : text;
  const [int, frac = ""] = body.split(".");
  const v = BigInt((int || "0") + frac);
  return [neg ? -v : v, frac.length];
}

/** Money (or a rate): [BigInt fen, the value as Python shows it], or a message. */
function money(v, rate) {
  const m = MESSAGES;
  if (typeof v === "boolean") return m.money_bool;
  let text, shown;
  if (typeof v === "number") {
    if (!Number.isFinite(v)) return m.money_not_finite;
    if (Number.isInteger(v) && Math.abs(v) < 1e16) {
      if (v >= Number(LIMITS.money_limit)) return fill(m.money_limit, { limit: LIMITS.money_limit });
      text = shown = String(v);
    } else {
      [text, shown] = floatDecimal(v);
    }
  } else if (typeof v === "bigint") {
    text = shown = v.toString();
  } else if (typeof v === "string") {
    if (!(rate ? RATE_TEXT : MONEY_TEXT).test(v)) return fill(rate ? m.rate_text : m.money_text, { got: got(head(v, 40)) });
    text = v;
    shown = v.replace(/^0+(?=\d)/, ""); // as Python's Decimal prints it
  } else {
    return fill(m.money_type, { got: got(v) });
  }
  const [digits, decimals] = parseDecimal(text);
  if (digits < 0n) return fill(m.money_negative, { value: shown });
  const cents = decimals > 2 ? digits / p10(decimals - 2) : digits * p10(2 - decimals);
  if (cents >= MONEY_LIMIT) return fill(m.money_limit, { limit: LIMITS.money_limit });
  if (decimals > 2 && digits % p10(decimals - 2) !== 0n) return fill(m.money_fen, { value: shown });
  return [cents, shown];
}

/** Digits at `decimals` as a BigInt scaled to `scale` decimals (exact when scale >= decimals). */
function rescale(digits, decimals, scale) {
  return scale >= decimals ? digits * p10(scale - decimals) : digits / p10(decimals - scale);
}

/** A ratio: [BigInt scaled by 10**rate_digits, shown], or a message (full precision, declared range). */
function ratio(v, spec) {
  const m = MESSAGES;
  if (typeof v === "boolean") return m.rate_bool;
  let text, shown;
  if (typeof v === "number") {
    if (!Number.isFinite(v)) return m.rate_not_finite;
    if (Number.isInteger(v) && Math.abs(v) < 1e16) text = shown = String(v);
    else [text, shown] = floatDecimal(v);
  } else if (typeof v === "bigint") {
    text = shown = v.toString();
  } else if (typeof v === "string") {
    if (!RATE_TEXT.test(v)) return fill(m.rate_text, { got: got(head(v, 40)) });
    text = v;
    shown = v.replace(/^(-?)0+(?=\d)/, "$1"); // as Python's Decimal prints it
  } else {
    return fill(m.rate_type, { got: got(v) });
  }
  const [digits, decimals] = parseDecimal(text);
  const [lo, loD] = parseDecimal(spec.low === null ? "0" : String(spec.low));
  const [hi, hiD] = parseDecimal(spec.high === null ? "1" : String(spec.high));
  const s = Math.max(decimals, loD, hiD);
  const x = rescale(digits, decimals, s);
  if (x < rescale(lo, loD, s) || x > rescale(hi, hiD, s)) {
    return fill(m.rate_range, { low: spec.low === null ? "0" : spec.low, high: spec.high === null ? "1" : spec.high, value: shown });
  }
  const rd = LIMITS.rate_digits;
  if (decimals > rd && digits % p10(decimals - rd) !== 0n) return fill(m.rate_digits, { value: shown });
  return [rescale(digits, decimals, rd), shown];
}

/** A date: its ISO text when it is a real date YYYY-MM-DD within the years allowed, or a message. */
function dateValue(v) {
  const m = MESSAGES;
  if (typeof v !== "string" || !DATE_TEXT.test(v)) return fill(m.date, { got: got(typeof v === "string" ? head(v, 40) : v) });
  const [y, mo, d] = v.split("-").map(Number);
  const leap = (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
  const days = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][mo - 1];
  if (y < 1 || days === undefined || d < 1 || d > days) return fill(m.date_invalid, { value: v });
  const [low, high] = LIMITS.date_years;
  if (y < low || y > high) return fill(m.date_range, { low, high, value: v });
  return [v];
}

function integer(v, spec) {
  const m = MESSAGES;
  if (typeof v !== "number" && typeof v !== "bigint") return fill(m.int_type, { got: got(v) });
  if (typeof v === "number" && !Number.isFinite(v)) return m.int_not_finite;
  const low = spec.low === null ? 0 : spec.low;
  const high = spec.high === null ? LIMITS.max_count : Math.min(spec.high, LIMITS.max_count);
  const shown = typeof v === "number" ? pyNumber(v) : v.toString();
  if (v < low) return fill(m.int_below, { value: shown, low });
  if (v > high) return fill(m.int_above, { value: shown, low, high });
  if (typeof v === "number" && !Number.isInteger(v)) return fill(m.int_fraction, { value: shown });
  return typeof v === "bigint" ? v : BigInt(v);
}

/** [value, null] or [null, message]. */
function check(spec, v) {
  switch (spec.kind) {
    case "bool":
      return typeof v === "boolean" ? [v, null] : [null, fill(MESSAGES.bool, { got: got(v) })];
    case "money": {
      const r = money(v, false);
      return typeof r === "string" ? [null, r] : [r[0], null];
    }
    case "rate": {
      const r = ratio(v, spec);
      return typeof r === "string" ? [null, r] : [r[0], null];
    }
    case "date": {
      const r = dateValue(v);
      return typeof r === "string" ? [null, r] : [r[0], null];
    }
    case "int": {
      const i = integer(v, spec);
      return typeof i === "string" ? [null, i] : [i, null];
    }
    case "enum":
      if (typeof v === "string" && spec.values.includes(v)) return [v, null];
      return [null, fill(MESSAGES.enum, { values: spec.values.join(", "), got: got(v) })];
    default: {
      if (typeof v !== "string") return [null, fill(MESSAGES.text, { got: got(v) })];
      const n = Array.from(v).length;
      if (n > LIMITS.max_text_chars) return [null, fill(MESSAGES.text_too_long, { n, max: LIMITS.max_text_chars })];
      return [v, null];
    }
  }
}

/** The value an absent field takes: false, 0, 0 元; text and enums stay absent (null). */
function absent(spec) {
  if (spec.default !== null) {
    if (spec.kind === "money") return money(spec.default, false)[0];
    if (spec.kind === "rate") return ratio(spec.default, spec)[0];
    if (spec.kind === "int") return BigInt(spec.default);
    return spec.default;
  }
  if (spec.kind === "bool") return false;
  if (spec.kind === "money" || spec.kind === "rate" || spec.kind === "int") return 0n;
  return null;
}

/** Python's difflib.get_close_matches(word, names, n=1) (cutoff 0.6). */
function closeMatch(word, names) {
  const b = Array.from(word);
  const b2j = new Map();
  b.forEach((ch, j) => { if (!b2j.has(ch)) b2j.set(ch, []); b2j.get(ch).push(j); });
  if (b.length >= 200) { // difflib's autojunk: popular elements are not matched directly
    const limit = Math.floor(b.length / 100) + 1;
    for (const [ch, js] of [...b2j]) if (js.length > limit) b2j.delete(ch);
  }
  let best = null;
  let bestScore = 0;
  for (const name of names) {
    const a = Array.from(name);
    const score = (2 * matched(a, b, b2j, 0, a.length, 0, b.length)) / (a.length + b.length);
    if (score >= 0.6 && (best === null || score > bestScore || (score === bestScore && name > best))) {
      best = name;
      bestScore = score;
    }
  }
  return best;
}

function matched(a, b, b2j, alo, ahi, blo, bhi) {
  let besti = alo, bestj = blo, bestsize = 0;
  let j2len = new Map();
  for (let i = alo; i < ahi; i++) {
    const next = new Map();
    for (const j of b2j.get(a[i]) || []) {
      if (j < blo) continue;
      if (j >= bhi) break;
      const k = (j2len.get(j - 1) || 0) + 1;
      next.set(j, k);
      if (k > bestsize) { besti = i - k + 1; bestj = j - k + 1; bestsize = k; }
    }
    j2len = next;
  }
  while (besti > alo && bestj > blo && a[besti - 1] === b[bestj - 1]) { besti--; bestj--; bestsize++; }
  while (besti + bestsize < ahi && bestj + bestsize < bhi && a[besti + bestsize] === b[bestj + bestsize]) bestsize++;
  if (bestsize === 0) return 0;
  return bestsize + (alo < besti && blo < bestj ? matched(a, b, b2j, alo, besti, blo, bestj) : 0)
    + (besti + bestsize < ahi && bestj + bestsize < bhi
      ? matched(a, b, b2j, besti + bestsize, ahi, bestj + bestsize, bhi) : 0);
}

/** Validate a profile: the fact values (absent ones defaulted), or a ProfileError naming fields. */
function validate(profile) {
  if (profile === null || typeof profile !== "object" || Array.isArray(profile)) {
    throw new ProfileError([["", MESSAGES.not_object]]);
  }
  const out = Object.create(null);
  for (const spec of FACTS) out[spec.name] = DEFAULTS[spec.name];
  /** @type {Array<[string, string]>} */
  const errors = [];
  for (const key of Object.keys(profile)) {
    const spec = KNOWN.get(key);
    if (spec === undefined) {
      const close = closeMatch(key, NAMES);
      const hint = close === null ? "" : fill(MESSAGES.unknown_hint, { close });
      errors.push([key, fill(MESSAGES.unknown, { key, hint })]);
      continue;
    }
    const [value, why] = check(spec, profile[key]);
    if (why !== null) { errors.push([key, why]); continue; }
    if (DECLARED.has(key)) out[key] = value;
  }
  for (const spec of FACTS) {
    if (spec.required && !Object.prototype.hasOwnProperty.call(profile, spec.name)) {
      errors.push([spec.name, fill(MESSAGES.required, { name: spec.name, label: spec.label })]);
    }
  }
  if (errors.length) throw new ProfileError(errors);
  return out;
}

function parseOn(on) {
  if (on === undefined || on === null) {
    const d = new Date();
    return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, "0")}-${String(d.getDate()).padStart(2, "0")}`;
  }
  if (on instanceof Date) return on.toISOString().slice(0, 10);
  if (typeof on === "string" && /^\d{4}-\d{2}-\d{2}$/.test(on)) {
    const d = new Date(on + "T00:00:00Z");
    if (!Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === on) return on;
  }
  throw new ProfileError([["on", fill(MESSAGES.on, { on: String(on) })]]);
}

// ---- items, caps, payments, results

/** An item's exact amount at `scale`, rounded down to the fen (never below 0), traced. */
function exact(value, scale, trace, shown, where) {
  let a = toFen(value, scale);
  if (a < 0n) { a = 0n; note(trace, TRACE.negative); }
  if (trace) amountLine(a, a, trace, shown, where);
  return [a, a];
}

/** An item's range amount (or null), rounded down to the fen at both ends, traced. */
function rounded(value, scale, trace, shown, whole, where) {
  if (value === null) {
    if (trace) trace.push(fill(TRACE.undetermined, { shown: whole }));
    return null;
  }
  let a = toFen(value[0], scale), b = toFen(value[1], scale);
  if (a < 0n || b < 0n) { a = max(a, 0n); b = max(b, 0n); note(trace, TRACE.negative); } // either end
  if (trace) amountLine(a, b, trace, shown, where);
  return [a, b];
}

function amountLine(a, b, trace, shown, where) {
  const amount = show([a, b], 2);
  const parts = (where || []).filter(([, v]) => v !== null)
    .map(([name, value]) => fill(TRACE.where_part, { name, value }));
  if (parts.length) {
    trace.push(fill(TRACE.amount_where, { shown, amount, where: parts.join(TRACE.where_sep) }));
  } else {
    trace.push(fill(TRACE.amount, { shown, amount }));
  }
}

/** A requirement not met (kind "requirement_failed") or an exclusion that applies: the article (once) and the note. */
function exclude(exclusions, notes, article, text, kind) {
  if (!exclusions.includes(article)) exclusions.push(article);
  notes.push({ kind: kind || "excluded", text, article });
}

/** A note for each text fact whose value is in none of the policy's lists for it. */
function unlisted(f, lists, notes) {
  for (const [fact, label, keys, open, articles] of lists) {
    const v = f[fact];
    if (typeof v === "string" && !keys.has(textKey(v))) {
      const kind = open ? "unlisted_open" : "unlisted";
      notes.push({ kind, text: fill(TRACE[kind], { label, value: v, articles }), fact, value: v, articles });
    }
  }
}

/** A range-shaped definition in the trace's “where”: left out when undetermined. */
function showR(r, scale) { return r === null ? null : show(r, scale); }

/** Compute an applying item's amount, with its trace when wanted. */
function run(item, amount, f, trace) {
  const t = trace ? [item.heading] : null;
  const r = amount(f, t);
  if (t) t.push(item.funding.note);
  return { item, amount: r, after: r === null ? [0n, Infinity] : r, trace: t };
}

/**
 * A cumulative cap over `members`: each keeps its minimum first (in order, under the cap's
 * minimum), then the headroom under the cap's maximum goes out in order; later ones are cut first.
 */
function crossCap(article, shown, limit, scale, members, cuts, cap) {
  if (!members.length || limit === null) return;
  const lim = [toFen(limit[0], scale), toFen(limit[1], scale)];
  let room = max(lim[0], 0n);
  const lows = members.map((x) => {
    const lo = min(x.after[0], room);
    room -= lo;
    return lo;
  });
  let spare = max(lim[1] - lows.reduce((a, b) => a + b, 0n), 0n);
  members.forEach((x, i) => {
    const [a, b] = x.after;
    const lo = lows[i];
    const extra = min(b === Infinity ? spare : b - lo, spare);
    const hi = lo + extra;
    spare -= extra;
    if (x.trace) {
      if (x.amount !== null && (lo !== a || hi !== b)) {
        const cut = [a - lo, b - hi].sort((p, q) => (p < q ? -1 : p > q ? 1 : 0));
        x.trace.push(fill(TRACE.cross_cap_cut, { article, limit: show(lim, 2), shown, cut: show(cut, 2), after: show([lo, hi], 2) }));
      } else if (x.amount === null) {
        x.trace.push(fill(TRACE.cross_cap_most, { article, limit: show(lim, 2), most: yuan(hi) }));
      }
    }
    cuts.push({ cap, article, item: x.item.id, limit: pair(lim), before: pair(x.after), after: pair([lo, hi]) });
    x.after = [lo, hi];
  });
}

/** A range of fen as {min, max}; an unbounded end is null. */
function pair(r) {
  return { min: r[0] === Infinity ? null : yuan(r[0]), max: r[1] === Infinity ? null : yuan(r[1]) };
}

/**
 * A payment schedule over the determined `members`, its stages paid in order. A stage is
 * [name, kind, share, scale]: "share" (至多 X%) pays 0 up to X% of the base, never more than the
 * base; "undetermined" (至多 未定) pays 0 up to the base; "amount" (至多 an amount from another base,
 * its own cap: `share` is that amount's range at `scale`, null when undetermined) pays 0 up to it,
 * rounded down to the fen and never below 0; "rest" (余额) pays what the earlier stages
 * left, at most the base and at least the least left at any base (compiler/evaluate/runtime.py
 * _payments): after at most one share, what is left at the lowest base (`leftLo`); after two or
 * more, the lowest base less each share of it not rounded, less the amounts (`leftAny`, in units of
 * 10^-r fen), rounded down to the fen.
 */
function payments(article, stages, members) {
  let baseLo = 0n, baseHi = 0n, any = false;
  for (const x of members) {
    if (x.amount === null) continue;
    any = true;
    baseLo += x.after[0];
    baseHi += x.after[1];
  }
  if (!any) return [];
  const out = [];
  const r = stages.reduce((m, [, kind, share, scale]) => (kind === "share" && share !== null && scale > m ? scale : m), 0);
  const unit = p10(r);
  let leftLo = baseLo, leftAny = baseLo * unit, shares = 0;
  for (const [stage, kind, share, scale] of stages) {
    if (kind === "rest") {
      out.push({ article, stage, min: yuan(shares <= 1 ? leftLo : leftAny / unit), max: yuan(baseHi) });
      leftLo = 0n;
      leftAny = 0n;
    } else if (kind === "amount" && share !== null) {
      const most = max(toFen(share[1], scale), 0n);
      leftLo = max(leftLo - most, 0n);
      leftAny = max(leftAny - most * unit, 0n);
      out.push({ article, stage, min: "0.00", max: yuan(min(most, baseHi)) });
    } else if (kind === "undetermined" || kind === "amount" || share === null) {
      out.push({ article, stage, min: "0.00", max: yuan(baseHi) });
      leftLo = 0n;
      leftAny = 0n;
    } else {
      shares += 1;
      leftLo = max(leftLo - toFen(share * baseLo, scale + 2), 0n);
      leftAny = max(leftAny - share * baseLo * p10(r - scale), 0n);
      out.push({ article, stage, min: "0.00", max: yuan(min(toFen(share * baseHi, scale + 2), baseHi)) });
    }
  }
  return out;
}

const SOURCE_ORDER = ["central", "province", "city", "county", "unspecified"];

/** Who pays `amount` (fen): exact shares (the last takes the remainder), unspecified, or nobody. */
function split(funding, amount) {
  const out = {};
  if (amount === null || funding.kind === "none") return out;
  if (!funding.shares.length) {
    out.unspecified = amount;
    return out;
  }
  let rest = amount;
  funding.shares.forEach(([src, frac, scale], i) => {
    const part = i === funding.shares.length - 1 ? rest : toFen(frac * amount, scale + 2);
    out[src] = (out[src] || 0n) + part;
    rest -= part;
  });
  return out;
}

function ordered(funding) {
  const out = {};
  for (const k of SOURCE_ORDER) if (k in funding) out[k] = yuan(funding[k]);
  return out;
}

/** The result, as `policyc calc --format json` prints it; item traces are computed when read. */
function result(on, inForce, exclusions, live, schedules, rerun, notes, cuts) {
  const choice = CHOICE; // the readings of this calculation, for the traces computed when read
  let lo = 0n, hi = 0n, unbounded = false;
  const funding = {};
  const items = live.map((x, i) => {
    lo += x.after[0];
    if (x.after[1] === Infinity) unbounded = true; else hi += x.after[1];
    if (x.after[1] !== Infinity) { // an undetermined item counts with what a cap leaves it
      for (const [src, part] of Object.entries(split(x.item.funding, x.after[1]))) {
        funding[src] = (funding[src] || 0n) + part;
      }
    }
    const out = {
      id: x.item.id, article: x.item.article, title: x.item.title,
      min: x.amount === null ? null : yuan(x.amount[0]), max: x.amount === null ? null : yuan(x.amount[1]),
      funding: ordered(split(x.item.funding, x.amount === null ? null : x.amount[1])),
    };
    let trace = x.trace;
    Object.defineProperty(out, "trace", {
      enumerable: true,
      get() {
        if (trace === null) trace = under(choice, rerun).items[i].trace;
        return trace;
      },
    });
    return out;
  });
  for (const k of Object.keys(funding)) if (funding[k] === 0n) delete funding[k];
  return {
    policy: POLICY_ID, as_of: on, in_force: inForce, excluded: exclusions.length > 0,
    exclusions, items, total: { min: yuan(lo), max: unbounded ? null : yuan(hi) },
    funding: ordered(funding), payments: schedules, notes, cuts,
  };
}

// ---- readings (解读)

// The reading each 解读 is calculated under (id -> name; absent: the adopted one), and the 解读
// the current calculation asked for (null: nobody is counting). Calculations are synchronous.
let CHOICE = {};
let TOUCHED = null;

/** The reading of `id` the current calculation takes. */
function reading(id, adopted) {
  if (TOUCHED) TOUCHED.add(id);
  return Object.prototype.hasOwnProperty.call(CHOICE, id) ? CHOICE[id] : adopted;
}

/**
 * 解读 of a condition or a text (nothing traced): when every case gives the same value, that value,
 * without asking for a reading (the result does not depend on it); else the chosen case's.
 * @template T
 * @param {string} id
 * @param {string} adopted
 * @param {Array<[string, () => T]>} cases the first is the default
 * @returns {T}
 */
function pickSame(id, adopted, cases) {
  const first = cases[0][1]();
  if (cases.every(([, value], i) => i === 0 || value() === first)) return first;
  const chosen = reading(id, adopted);
  const hit = cases.find(([name]) => name === chosen);
  return hit ? hit[1]() : first;
}

function under(choice, calc, ...args) {
  const saved = CHOICE;
  CHOICE = choice;
  try {
    return calc(...args);
  } finally {
    CHOICE = saved;
  }
}

function fenOf(text) { return BigInt(text.replace(".", "")); }

/** Every combination of readings: the adopted one first, then in the order written. */
function combinations(table) {
  const adopted = Object.fromEntries(table.map((r) => [r[0], r[3]]));
  const same = (c) => table.every((r) => c[r[0]] === adopted[r[0]]);
  let combos = [[]];
  for (const r of table) combos = combos.flatMap((c) => r[5].map(([name]) => [...c, [r[0], name]]));
  return [adopted, ...combos.map((c) => Object.fromEntries(c)).filter((c) => !same(c))];
}

/** The lowest of some fen amounts (null ones left out), as yuan; null when none. */
function lowest(values) {
  let lo = null;
  for (const v of values) if (v !== null && (lo === null || v < lo)) lo = v;
  return lo === null ? null : yuan(lo);
}

/** The highest of some fen amounts, as yuan; null when one is null (unbounded). */
function highest(values) {
  let hi = null;
  for (const v of values) {
    if (v === null) return null;
    if (hi === null || v > hi) hi = v;
  }
  return hi === null ? null : yuan(hi);
}

const fenOrNull = (t) => (t === null ? null : fenOf(t));

/**
 * One result that spans every combination of readings (`runs`: [choice, result], the adopted
 * one first), as the reference runtime.span_results: totals and items from the lowest minimum
 * to the highest maximum (0 where an item does not apply, null where a reading leaves it
 * undetermined), funding of the combination that pays the most, payments and cuts spread the
 * same way, excluded only when every reading excludes, every reading's notes once, and
 * `readings`: each reading's total, funding, exclusions and items.
 */
function spanned(table, runs, order) {
  const results = runs.map(([, r]) => r);
  const first = results[0];
  const items = [];
  for (const id of order) {
    const got = results.map((r) => r.items.find((i) => i.id === id) || null);
    const present = got.filter((i) => i !== null);
    if (!present.length) continue;
    const base = got[0] || present[0];
    let lo = null, hi = null, funding = {};
    if (!present.some((i) => i.min === null || i.max === null)) {
      lo = lowest(got.map((i) => (i === null ? 0n : fenOf(i.min))));
      hi = highest(got.map((i) => (i === null ? 0n : fenOf(i.max))));
      const top = present.find((i) => i.max === hi);
      funding = top ? top.funding : {}; // who pays the highest maximum (split by the same plan)
    }
    const out = { id: base.id, article: base.article, title: base.title, min: lo, max: hi, funding };
    Object.defineProperty(out, "trace", { enumerable: true, get() { return base.trace; } });
    items.push(out);
  }
  let top = results[0];
  for (const r of results) {
    if (top.total.max === null) break;
    if (r.total.max === null || fenOf(r.total.max) > fenOf(top.total.max)) top = r;
  }
  const payments = [];
  const stageKeys = [];
  for (const r of results) for (const p of r.payments) {
    if (!stageKeys.some(([a, s]) => a === p.article && s === p.stage)) stageKeys.push([p.article, p.stage]);
  }
  for (const [article, stage] of stageKeys) {
    const found = results.map((r) => r.payments.find((p) => p.article === article && p.stage === stage) || null);
    payments.push({ article, stage, min: lowest(found.map((p) => (p === null ? 0n : fenOrNull(p.min)))),
      max: highest(found.map((p) => (p === null ? 0n : fenOrNull(p.max)))) });
  }
  const cuts = [];
  const cutKeys = [];
  for (const r of results) for (const c of r.cuts) {
    if (!cutKeys.some(([a, i]) => a === c.cap && i === c.item)) cutKeys.push([c.cap, c.item]);
  }
  const nil = { min: "0.00", max: "0.00" };
  const spread = (parts) => ({ min: lowest(parts.map((x) => fenOrNull(x.min))), max: highest(parts.map((x) => fenOrNull(x.max))) });
  for (const [cap, item] of cutKeys) {
    const found = results.map((r) => r.cuts.find((c) => c.cap === cap && c.item === item) || null);
    const some = found.filter((c) => c !== null);
    cuts.push({ cap, article: some[0].article, item, limit: spread(some.map((c) => c.limit)),
      before: spread(found.map((c) => (c === null ? nil : c.before))),
      after: spread(found.map((c) => (c === null ? nil : c.after))) });
  }
  const excluded = results.every((r) => r.excluded);
  const exclusions = [];
  if (excluded) for (const r of results) for (const a of r.exclusions) if (!exclusions.includes(a)) exclusions.push(a);
  // the adopted reading's notes, then each other reading's new ones: an unlisted value once per
  // fact (the readings may list different articles), any other note once per text
  const noteKey = (n) => (n.kind.startsWith("unlisted") ? JSON.stringify([n.kind, n.fact]) : n.text);
  const notes = [...first.notes];
  const seen = new Set(notes.map(noteKey));
  for (const r of results.slice(1)) for (const n of r.notes) {
    if (!seen.has(noteKey(n))) { seen.add(noteKey(n)); notes.push(n); }
  }
  const out = {
    policy: first.policy, as_of: first.as_of, in_force: first.in_force, excluded, exclusions, items,
    total: { min: lowest(results.map((r) => fenOf(r.total.min))), max: highest(results.map((r) => fenOrNull(r.total.max))) },
    funding: top.funding, payments, notes, cuts,
  };
  return withReadings(out, table, runs);
}

/** `result` with `readings` (each 解读 and the result under each reading), made when read. */
function withReadings(result, table, runs) {
  let made = null;
  Object.defineProperty(result, "readings", {
    enumerable: true,
    get() {
      if (made === null) made = readingTable(table, runs);
      return made;
    },
  });
  return result;
}

function readingTable(table, runs) {
  const adopted = runs[0][0];
  return table.map(([id, article, quote, chosen, affects, options]) => {
    const per = {};
    for (const [name, label] of options) {
      const want = { ...adopted, [id]: name };
      const [, r] = runs.find(([c]) => table.every((t) => c[t[0]] === want[t[0]]));
      const its = {};
      for (const i of r.items) its[i.id] = { min: i.min, max: i.max };
      per[name] = { label, excluded: r.excluded, exclusions: [...r.exclusions],
        total: { min: r.total.min, max: r.total.max }, funding: r.funding, items: its,
        cuts: r.cuts.map((c) => ({ ...c })) };
    }
    return { id, article, quote, adopted: chosen, affects: [...affects], results: per };
  });
}

/**
 * `calc(f, on)` under every combination of readings, as one spanning result. The adopted one is
 * computed first, counting the 解读 it asks for: when it asks for none, no other reading can
 * change anything, and the one result stands for every combination.
 */
function span(calc, table, order, f, on) {
  const combos = combinations(table);
  const touched = new Set();
  const saved = TOUCHED;
  TOUCHED = touched;
  let first;
  try {
    first = under(combos[0], calc, f, on);
  } finally {
    TOUCHED = saved;
  }
  if (!touched.size) return withReadings(first, table, combos.map((c) => [c, first])); // the same under all
  const runs = [[combos[0], first], ...combos.slice(1).map((c) => [c, under(c, calc, f, on)])];
  return spanned(table, runs, order);
}
// ---- end of runtime ----

// ---- 参数 (policy parameters) and 约束 (constraints between facts), as compiler.evaluate.runtime

const PARAM_RATE_TEXT = new RegExp(LIMITS.param_rate_pattern);

/** A supplied parameter value as a BigInt at its kind's scale (money 2, rate 6, count 0), or a message. */
function paramValue(kind, v) {
  if (kind === "money") {
    const r = money(v, false);
    return typeof r === "string" ? r : r[0];
  }
  if (kind === "int") return integer(v, { low: 0, high: null });
  let text = null;
  if (typeof v === "string") text = PARAM_RATE_TEXT.test(v) ? v : null;
  else if (typeof v === "number" && Number.isFinite(v)) {
    text = Number.isInteger(v) && Math.abs(v) < 1e16 ? String(v) : floatDecimal(v)[0];
  } else if (typeof v === "bigint") text = v.toString();
  if (text !== null) {
    const [digits, decimals] = parseDecimal(text);
    if (decimals <= 6 || digits % p10(decimals - 6) === 0n) {
      const scaled = decimals > 6 ? digits / p10(decimals - 6) : digits * p10(6 - decimals);
      if (scaled >= -1000000n && scaled <= 1000000n) return scaled;
    }
  }
  return fill(MESSAGES.param_rate, { got: got(typeof v === "string" ? head(v, 40) : v) });
}

/**
 * Put each parameter's value into `f` (supplied, else stated by the text) and return the notes
 * saying which values the calculation takes; an unstated parameter not supplied, an unknown one
 * or a bad value throws ProfileError naming it.
 * @param {Array<[string, string, string, bigint | null, string, number]>} table
 *   (name, kind, label, stated value, where the text states it, scale)
 * @returns {Array<{kind: string, text: string, fact: string}>}
 */
function bindParameters(table, given, f) {
  if (given === undefined || given === null) given = {};
  if (typeof given !== "object" || Array.isArray(given)) {
    throw new ProfileError([["parameters", MESSAGES.parameters_not_object]]);
  }
  const names = new Set(table.map((row) => row[0]));
  /** @type {Array<[string, string]>} */
  const errors = [];
  for (const k of Object.keys(given)) if (!names.has(k)) errors.push([k, fill(MESSAGES.param_unknown, { name: k })]);
  /** @type {Array<{kind: string, text: string, fact: string}>} */
  const notes = [];
  for (const [name, kind, label, stated, statedText, scale] of table) {
    let source = statedText;
    if (Object.prototype.hasOwnProperty.call(given, name)) {
      const v = paramValue(kind, given[name]);
      if (typeof v === "string") { errors.push([name, v]); continue; }
      f[name] = v;
      source = TRACE.parameter_given;
    } else if (stated !== null) {
      f[name] = stated;
    } else {
      errors.push([name, fill(MESSAGES.param_missing, { name, label })]);
      continue;
    }
    const value = kind === "int" ? f[name].toString() : num(f[name], scale);
    notes.push({ kind: "parameter", text: fill(TRACE.parameter, { label, name, value, source }), fact: name });
  }
  if (errors.length) throw new ProfileError(errors);
  return notes;
}

/** Refuse a profile that breaks a 约束: rows of [holds, field, message], in order. */
function checkConstraints(rows) {
  /** @type {Array<[string, string]>} */
  const errors = rows.filter((row) => !row[0]).map((row) => [row[1], row[2]]);
  if (errors.length) throw new ProfileError(errors);
}

const DEFAULTS = Object.fromEntries(FACTS.map((s) => [s.name, absent(s)]));


// 不重复享受中央与省级试点项目奖补资金 = 解读 double_funding { 读法 choose_one 则 真；读法 excluded 则 非 provincial_pilot_funded } (boolean)
function d_double_funding_ok(f) {
  return pickSame("double_funding", "choose_one", [["choose_one", () => true], ["excluded", () => !f["provincial_pilot_funded"]]]);
}

// 第五条第（一）项 中小企业数字化改造补贴
// 原文：支持中小企业进行数字化改造，对改造中相关的软件、云服务支出，网关、路由等必要的数据     采集传输设备支出，以及咨询诊断等服务支出予以补贴。
const ITEM_REFORM_SUBSIDY = {
  id: "reform_subsidy",
  article: "第五条第（一）项",
  title: "中小企业数字化改造补贴",
  beneficiary: "enterprise",
  heading: "第五条第（一）项「中小企业数字化改造补贴」适用：in_pilot_scope 且 acceptance_passed",
  funding: { kind: "unstated", shares: [], note: "出资（第五条）：由 中央财政、省级、市级、县（市、区）级 承担，分担比例未明确" },
};

function item_reform_subsidy(f, trace) {
  const amount = null;
  return rounded(amount, 0, trace, "未定", "未定", null);
}

// 第五条第（二）项 数字化转型样板企业奖励
// 原文：支持打造样板企业，遴选并奖励一批数字化转型样板企业，引导同行业中小企业看样学样。
const ITEM_MODEL_ENTERPRISE_AWARD = {
  id: "model_enterprise_award",
  article: "第五条第（二）项",
  title: "数字化转型样板企业奖励",
  beneficiary: "enterprise",
  heading: "第五条第（二）项「数字化转型样板企业奖励」适用：model_enterprise",
  funding: { kind: "unstated", shares: [], note: "出资（第五条）：由 中央财政、省级、市级、县（市、区）级 承担，分担比例未明确" },
};

function item_model_enterprise_award(f, trace) {
  const amount = null;
  return rounded(amount, 0, trace, "未定", "未定", null);
}

// 第五条第（三）项 数字化服务商及数字化产品、解决方案奖励
// 原文：支持数字化服务商为被改造企业提供诊断、咨询等服务，开发集成“小快轻准”的数字化服务     和产品。奖励集成通用性强、效果好的数字化产品及解决方案，推动复制推广。
const ITEM_SERVICE_PROVIDER_AWARD = {
  id: "service_provider_award",
  article: "第五条第（三）项",
  title: "数字化服务商及数字化产品、解决方案奖励",
  beneficiary: "service_provider",
  heading: "第五条第（三）项「数字化服务商及数字化产品、解决方案奖励」适用：excellent_provider",
  funding: { kind: "unstated", shares: [], note: "出资（第五条）：由 中央财政、省级、市级、县（市、区）级 承担，分担比例未明确" },
};

function item_service_provider_award(f, trace) {
  const amount = null;
  return rounded(amount, 0, trace, "未定", "未定", null);
}

// 第五条第（五）项 “链式”数字化转型产品和服务案例奖励
// 原文：支持中小企业加强与链主企业、龙头企业合作，鼓励链主企业、龙头企业通过产业纽带、     聚集孵化、上下游配套、开放应用场景和技术扩散等方式赋能中小企业，对典型高效的“链式”     中小企业数字化转型产品和服务案例进行奖励。
const ITEM_CHAIN_AWARD = {
  id: "chain_award",
  article: "第五条第（五）项",
  title: "“链式”数字化转型产品和服务案例奖励",
  beneficiary: "enterprise",
  heading: "第五条第（五）项「“链式”数字化转型产品和服务案例奖励」适用：chain_transformation_award",
  funding: { kind: "unstated", shares: [], note: "出资（第五条）：由 中央财政、省级、市级、县（市、区）级 承担，分担比例未明确" },
};

function item_chain_award(f, trace) {
  const amount = null;
  return rounded(amount, 0, trace, "未定", "未定", null);
}

/** The whole policy for one applicant (validated facts), article by article. */
function calculateFacts(f, on, trace) {
  let inForce = true;
  const notes = [];
  if (on < START) {
    inForce = false;
    notes.push({ kind: "before_start", text: fill(TRACE.before_start, { on, start: START }) });
  } else if (on > UNTIL) {
    inForce = false;
    notes.push({ kind: "after_end", text: fill(TRACE.after_end, { on, end: UNTIL }) });
  }
  const exclusions = [];
  // 资格 第六条
  if (!((f["applicant_type"] !== null && f["applicant_type"] !== "enterprise") || f["is_sme"])) exclude(exclusions, notes, "第六条", "不满足资格条件（第六条）：applicant_type != \"enterprise\" 或 is_sme", "requirement_failed");
  // 资格 第七条第（一）项
  if (!(f["independent_legal_person"] && f["operating_normally"])) exclude(exclusions, notes, "第七条第（一）项", "不满足资格条件（第七条第（一）项）：independent_legal_person 且 operating_normally", "requirement_failed");
  // 资格 第七条第（二）项
  if (!f["good_tax_and_credit"]) exclude(exclusions, notes, "第七条第（二）项", "不满足资格条件（第七条第（二）项）：good_tax_and_credit", "requirement_failed");
  // 资格 第七条第（三）项
  if (!((f["applicant_type"] !== null && f["applicant_type"] !== "enterprise") || f["acceptance_passed"])) exclude(exclusions, notes, "第七条第（三）项", "不满足资格条件（第七条第（三）项）：applicant_type != \"enterprise\" 或 acceptance_passed", "requirement_failed");
  // 资格 第七条第（五）项
  if (!d_double_funding_ok(f)) exclude(exclusions, notes, "第七条第（五）项", "不满足资格条件（第七条第（五）项）：double_funding_ok", "requirement_failed");
  // 排除 第七条第（四）项
  if (f["little_giant_central_funded"]) exclude(exclusions, notes, "第七条第（四）项", "属于排除情形（第七条第（四）项）：little_giant_central_funded");
  // 排除 第七条第（四）项
  if (f["in_2022_pilot"]) exclude(exclusions, notes, "第七条第（四）项", "属于排除情形（第七条第（四）项）：in_2022_pilot");
  if (!inForce || exclusions.length) return result(on, inForce, exclusions, [], [], null, notes, []);
  const live = [];
  const cuts = [];
  const who = f["applicant_type"];
  // 第五条第（一）项 中小企业数字化改造补贴
  if (who === "enterprise" && (f["in_pilot_scope"] && f["acceptance_passed"])) live.push(run(ITEM_REFORM_SUBSIDY, item_reform_subsidy, f, trace));
  // 第五条第（二）项 数字化转型样板企业奖励
  if (who === "enterprise" && f["model_enterprise"]) live.push(run(ITEM_MODEL_ENTERPRISE_AWARD, item_model_enterprise_award, f, trace));
  // 第五条第（三）项 数字化服务商及数字化产品、解决方案奖励
  if (who === "service_provider" && f["excellent_provider"]) live.push(run(ITEM_SERVICE_PROVIDER_AWARD, item_service_provider_award, f, trace));
  // 第五条第（五）项 “链式”数字化转型产品和服务案例奖励
  if (who === "enterprise" && f["chain_transformation_award"]) live.push(run(ITEM_CHAIN_AWARD, item_chain_award, f, trace));
  const schedules = [];
  const rerun = trace ? null : () => calculateFacts(f, on, true);
  return result(on, true, [], live, schedules, rerun, notes, cuts);
}

// What 南昌市中小企业数字化转型城市试点工作专项资金管理办法 pays the applicant `profile` as of `on` (YYYY-MM-DD; default today).
// Throws ProfileError (errors: [field, message] pairs) for a bad profile or date.
// The text allows more than one reading (解读): the result spans every reading (totals and
// items from the lowest minimum to the highest maximum) and `readings` gives each one's.
export function calculate(profile, on) {
  const date = parseOn(on);
  const f = validate(profile);
  return span((g, d) => calculateFacts(g, d, false), READINGS, ORDER, f, date);
}

// The readings (解读) of ambiguous clauses:
// [id, article, quoted words, adopted, items affected, [[name, label]]].
const READINGS = [["double_funding", "第七条第（五）项", "企业不重复享受中央中小企业数字化转型城市试点项目奖补资金与省级产业集群和中小企业数字化转型试点项目奖补资金。", "choose_one", ["reform_subsidy", "model_enterprise_award", "service_provider_award", "chain_award"], [["choose_one", "只禁止同时享受两笔奖补资金：已享受省级试点奖补资金的企业不得再享受中央城市试点奖补资金，但仍是本办法的支持对象，由地方配套资金支付"], ["excluded", "已享受省级试点奖补资金的企业不是本办法的支持对象（第七条列为支持对象的基本条件）"]]]];
const ORDER = ["reform_subsidy", "model_enterprise_award", "service_provider_award", "chain_award"];

// The `readings` of calculate()'s result, and `range`: its total, across every reading.
export function readings(profile, on) {
  const r = calculate(profile, on);
  return { readings: r.readings, range: r.total };
}
