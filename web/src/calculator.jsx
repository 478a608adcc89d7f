// The site's calculator: a form generated from a policy's input schema by
// react-jsonschema-form (validated by ajv for draft 2020-12, messages in Chinese by ajv-i18n),
// and the answer computed as you type by the policy's generated JavaScript calculator.
//
//   <div class="policyc-calculator" data-policy="kunming"></div>       one policy (guides)
//   <div class="policyc-compare-calculator" data-policies="a b …"></div> every policy, side by side
//
// The answers live in the page address (#answers=…), so a copied link reopens them.
import { useEffect, useMemo, useState } from "react";
import { createRoot } from "react-dom/client";
import Form from "@rjsf/core";
import { customizeValidator } from "@rjsf/validator-ajv8";
import Ajv2020 from "ajv/dist/2020";
import localizeZh from "ajv-i18n/localize/zh";
import { POLICIES, PROFILE } from "../build/policies.js";
import { plainTrace, span, yuan } from "./words.js";

const validator = customizeValidator({ AjvClass: Ajv2020, ajvOptionsOverrides: { allErrors: true } }, localizeZh);
const SOURCES = { central: "中央财政", province: "省级", city: "市级", county: "县（市、区）级" };

function today() {
  const d = new Date();
  const pad = (n) => (n < 10 ? "0" : "") + n;
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}

/* ---- the form ------------------------------------------------------------------------- */

function MoneyWidget(props) {
  const { id, value, required, disabled, readonly, onChange, onBlur, onFocus, placeholder } = props;
  // people write 1,200,000 or 120 0000: keep the digits and the point (the schema's decimal string)
  const normal = (text) => text.replace(/[,，\s　]/g, "").replace(/[０-９．]/g,
    (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0));
  return (
    <span className="policyc-money">
      <input id={id} name={id} className="form-control" type="text" inputMode="decimal"
        value={value === undefined || value === null ? "" : value} required={required}
        disabled={disabled || readonly} placeholder={placeholder || "例如 1200000"}
        aria-describedby={`${id}__unit`}
        onChange={(e) => onChange(e.target.value === "" ? undefined : normal(e.target.value))}
        onBlur={(e) => onBlur(id, e.target.value)} onFocus={(e) => onFocus(id, e.target.value)} />
      <span id={`${id}__unit`} className="policyc-money__unit">元</span>
    </span>
  );
}

/* The schema as the form shows it: the same rules, descriptions in an applicant's words
   (the articles that read the field; the listed industries), booleans with theirs below. */
function formSchema(schema) {
  const basis = (s) => {
    const m = /依据：([^。]*)/.exec(s.description || "");
    return m ? `依据：${m[1]}` : "";
  };
  const field = (s) => {
    const out = { ...s };
    delete out.description;
    if (s["x-range"]) {
      // a ratio: typed as a decimal (the schema's string branch), its range said in words
      const [lo, hi] = s["x-range"];
      delete out.anyOf;
      Object.assign(out, { type: "string", pattern: s.anyOf[0].pattern });
      out.description = `填小数，例如 0.075 表示 7.5%；取值 ${lo} 至 ${hi}。${basis(s)}`;
      return out;
    }
    if (s.format === "date") {
      out.description = `年-月-日，例如 2026-03-31；没有就不填。${basis(s)}`;
      return out;
    }
    if (s.type === "boolean") out["x-basis"] = basis(s);
    else if (s.type === "string" && s.examples) {
      // the cross-policy form names no articles: then the list alone, not 「。原文列举：…」
      out.description = [basis(s), `原文列举：${s.examples.join("、")}`].filter(Boolean).join("。");
    }
    else if (basis(s)) out.description = basis(s);
    return out;
  };
  const fields = (props) => Object.fromEntries(Object.entries(props || {}).map(([k, v]) => [k, field(v)]));
  return {
    ...schema, title: "", description: "",
    properties: fields(schema.properties),
    ...(schema.allOf ? { allOf: schema.allOf.map((b) => ({ ...b, then: { ...b.then, properties: fields(b.then.properties) } })) } : {}),
  };
}

function uiSchemaFor(schema) {
  const ui = {
    "ui:order": [...(schema["x-field-order"] || []), "*"],
    "ui:submitButtonOptions": { norender: true },
  };
  const visit = (props) => {
    for (const [name, s] of Object.entries(props || {})) {
      const field = {};
      if (s["x-unit"] === "元") field["ui:widget"] = MoneyWidget;
      else if (s.oneOf) field["ui:placeholder"] = "请选择";
      else if (s.type === "string" && s.examples) field["ui:placeholder"] = "可从列表中选择，也可填写其他行业";
      if (s.type === "boolean" && s["x-basis"]) field["ui:help"] = s["x-basis"];
      ui[name] = field;
    }
  };
  visit(schema.properties);
  for (const branch of schema.allOf || []) visit(branch.then && branch.then.properties);
  return ui;
}

/* ajv's messages, in Chinese, for an applicant: no patterns, no schema keywords. */
function fieldOf(schema, property) {
  const name = String(property || "").replace(/^\./, "");
  const all = [schema.properties || {}, ...(schema.allOf || []).map((b) => (b.then && b.then.properties) || {})];
  for (const props of all) if (props[name]) return props[name];
  return {};
}

function transformErrors(errors, schema) {
  return errors
    .filter((e) => !["oneOf", "if", "anyOf", "unevaluatedProperties"].includes(e.name))
    .map((e) => {
      const f = schema ? fieldOf(schema, e.property) : {};
      if ((e.name === "pattern" || e.name === "format") && f.format === "date") {
        return { ...e, message: "请填写日期：年-月-日，例如 2026-03-31" };
      }
      if (e.name === "pattern" && f["x-range"]) {
        return { ...e, message: `请填写比例：小数（例如 0.075 表示 7.5%），取值 ${f["x-range"][0]} 至 ${f["x-range"][1]}` };
      }
      if (e.name === "pattern") return { ...e, message: "请填写金额（元），只用数字和小数点，最多两位小数，例如 12000.50" };
      if (e.name === "required") return { ...e, message: "请填写此项" };
      if (e.name === "type") return { ...e, message: "格式不正确" };
      return e;
    });
}

/* ---- the answer ------------------------------------------------------------------------ */

function clean(data, allowed) {
  const out = {};
  for (const [k, v] of Object.entries(data || {})) {
    if (v === undefined || v === null || v === "") continue;
    if (allowed && !allowed.has(k)) continue;
    out[k] = v;
  }
  return out;
}

/* A calculator's refusal in an applicant's words: the field's Chinese name, not its code. */
function refusal(entry, field, message) {
  const props = entry.vocabulary.properties;
  const title = (props[field] && props[field].title) || "";
  const text = String(message).replace(/“([A-Za-z_][A-Za-z0-9_]*)”（([^）]*)）/g, "“$2”")
    .replace(/（[A-Za-z_][A-Za-z0-9_]*）/g, "")  // 约束: “项目设备购置支出（equipment_spend）不能超过…”
    .replace(/“([A-Za-z_][A-Za-z0-9_]*)”/g, (m, name) => `“${(props[name] && props[name].title) || "该项"}”`);
  return title && !text.includes(title) ? `${title}：${text}` : text;
}

function compute(policy, data, on, params) {
  const entry = POLICIES[policy];
  if (!entry || !entry.calculator) return { error: "本政策的计算器尚未生成。" };
  const allowed = new Set(Object.keys(entry.vocabulary.properties));
  const profile = clean(data, allowed);
  const missing = (entry.vocabulary.required || []).filter((f) => !(f in profile));
  if (missing.length) {
    return { error: "请先填写：" + missing.map((f) => entry.vocabulary.properties[f].title).join("、") };
  }
  try {
    return { result: entry.calculator.calculate(profile, on, clean(params)) };
  } catch (err) {
    const list = err && err.errors;
    if (Array.isArray(list)) return { error: list.map(([f, m]) => refusal(entry, f, m)).join("；") };
    return { error: "无法计算：" + String((err && err.message) || err) };
  }
}

function funding(f, item) {
  const parts = Object.entries(f || {}).map(([k, v]) =>
    k === "unspecified" ? "文件未写明各级财政的分担比例" : `${SOURCES[k] || k} ${yuan(v)}`);
  // an item's funding splits its highest amount: said so where the amount is a range
  const upper = item && item.min !== item.max && !(f && "unspecified" in f && Object.keys(f).length === 1);
  return parts.length ? (upper ? "出资（按最高额计）：" : "出资：") + parts.join("；") : "";
}

/* Where the applicant's answer is not in a list the text gives (“…”不在列举中, a list ending in
   等), as the calculator's trace says it (the runtime's member and unlisted notes). */
function readings(item) {
  return item.trace.filter((line) => /原文列举|不在列举中/.test(line));
}

/* What the cross-item caps (累计上限) left an item: the result's `cuts` (every cap on every item
   in its scope, before and after), read for the caps that changed this item's amount. An item
   whose amount the text leaves open (未定) takes what a cap leaves, and the total counts that:
   `open` says how much, so that the total is not larger than the items without a word. */
function cut(result, item) {
  const open = item.min === null;  // 未定: the caps that left it some room
  const cuts = (result.cuts || []).filter((c) => c.item === item.id && (open ? c.after.max !== null
    : c.before.min !== c.after.min || c.before.max !== c.after.max));
  if (!cuts.length) return null;
  const last = cuts[cuts.length - 1];
  return { open, article: [...new Set(cuts.map((c) => c.article))].join("、"),
    paid: span(last.after.min, last.after.max), min: last.after.min, max: last.after.max };
}

/* Where the text allows more than one reading (解读): what the applicant gets under each, in
   plain words (the quoted words, what each reading says, its total and the items it changes, with
   what a 累计上限 leaves them under that reading: the reading's `cuts`). */
function Readings({ result }) {
  const list = result.readings || [];
  if (!list.length) return null;
  const titles = Object.fromEntries(result.items.map((it) => [it.id, `${it.article}「${it.title}」`]));
  const same = list.every((rd) => new Set(Object.values(rd.results).map((res) =>
    JSON.stringify([res.excluded, res.total, res.items]))).size === 1);
  if (same) {
    if (!result.items.length) return null;  // nothing applies (an empty form): nothing to compare
    return <p className="policyc-answer__readings policyc-answer__note" data-readings-same="true">
      原文在{list.map((rd) => rd.article).join("、")}有不同理解之处；按您填写的情况，各种理解下的金额相同。</p>;
  }
  return (
    <div className="policyc-answer__readings">
      <p><strong>原文有不同理解之处：</strong>上面的金额从各种理解下的最低额到最高额；各种理解下分别是：</p>
      {list.map((rd) => (
        <div key={rd.id} className="policyc-answer__reading-block" data-reading-block={rd.id}>
          <p>{rd.article}：「{rd.quote}」</p>
          <ul>
            {Object.entries(rd.results).map(([name, res], i) => (
              <li key={name} data-reading={name} data-total-min={res.total.min} data-total-max={res.total.max}>
                <span>理解{"一二三四五六七八九十"[i] || i + 1}：{res.label}。</span>
                {res.excluded ? <span>按这种理解，不符合申请条件（{res.exclusions.join("、")}），不能获得补贴。</span>
                  : <span>按这种理解，合计可得 <strong>{span(res.total.min, res.total.max)}</strong>
                    {Object.entries(res.items).filter(([id]) => rd.affects.includes(id)).map(([id, a]) => {
                      // the item before the caps, as above; what a 累计上限 leaves it under this reading
                      const c = cut(res, { id, min: a.min, max: a.max });
                      return <span key={id} data-reading-item={id}>；其中{titles[id] || "受影响的项目"}为 {span(a.min, a.max)}
                        {c && (c.open ? `（合计按${c.article}累计上限的余额计本项 ${c.paid}）`
                          : `，经${c.article}累计上限后实付 ${c.paid}`)}</span>;
                    })}
                    {rd.affects.some((id) => !(id in res.items) && titles[id])
                      && <span>；{rd.affects.filter((id) => !(id in res.items) && titles[id]).map((id) => titles[id]).join("、")}不适用</span>}
                    。</span>}
              </li>
            ))}
          </ul>
        </div>
      ))}
      <p className="policyc-answer__note">原文在这些地方可以有不同理解，以主管部门的解释为准。</p>
    </div>
  );
}

function Answer({ policy, outcome }) {
  const schema = POLICIES[policy].schema;
  if (outcome.error) return <div className="policyc-answer policyc-answer--error" role="status">{outcome.error}</div>;
  const r = outcome.result;
  const t = schema["x-terms"] || {};
  const values = schema["x-value-labels"] || {};
  return (
    <div className="policyc-answer" role="status" aria-live="polite">
      {!r.in_force && <p className="policyc-answer__warn">所选日期不在本政策的有效期内，不能获得补贴。</p>}
      {r.excluded && <p className="policyc-answer__warn">不符合申请条件或属于不予支持的情形（{r.exclusions.join("、")}），
        不能获得补贴；各条的内容见本政策指南的“谁可以申请”和“不予支持”。</p>}
      <p className="policyc-answer__total">合计可得：<strong data-total-min={r.total.min} data-total-max={r.total.max}>
        {span(r.total.min, r.total.max)}</strong></p>
      {r.items.length === 0 ? <p>按您填写的情况，没有适用的支持项目。</p> : (
        <ul className="policyc-answer__items">
          {r.items.map((it) => {
            const c = cut(r, it);
            const ambiguous = (r.readings || []).some((rd) => rd.affects.includes(it.id));
            return (
              <li key={it.id} data-item={it.id} data-article={it.article}>
                <span className="policyc-answer__item">{it.article}「{it.title}」</span>
                <strong className="policyc-answer__amount">{span(it.min, it.max)}</strong>
                {c && !c.open && <span className="policyc-answer__cut" data-paid-min={c.min} data-paid-max={c.max}>
                  经{c.article}累计上限后实付 {c.paid}</span>}
                {c && c.open && <span className="policyc-answer__cut" data-paid-min={c.min} data-paid-max={c.max}>
                  合计按{c.article}累计上限的余额计本项 {c.paid}</span>}
                {ambiguous && <span className="policyc-answer__ambiguous">原文有不同理解，金额见下方“原文有不同理解之处”</span>}
                {readings(it).map((line, i) => (
                  <span key={i} className="policyc-answer__reading">{plainTrace(line, t, values, schema["x-deadlines"] || {})}</span>))}
                <span className="policyc-answer__funding">{funding(it.funding, it)}</span>
              </li>
            );
          })}
        </ul>
      )}
      <Readings result={r} />
      {r.payments.length > 0 && (
        <div className="policyc-answer__payments">
          <p>分期拨付：</p>
          <ul>{r.payments.map((p, i) => (
            <li key={i}>{p.stage}（{p.article}）：{span(p.min, p.max)}</li>
          ))}</ul>
        </div>
      )}
      {r.items.length > 0 && (
        <details className="policyc-answer__trace">
          <summary>计算过程（逐条列出所依据的条款）</summary>
          {r.items.map((it) => (
            <div key={it.id}>
              <p><strong>{it.article}「{it.title}」</strong></p>
              <ol>{it.trace.map((line, i) => <li key={i}>{plainTrace(line, t, values, schema["x-deadlines"] || {})}</li>)}</ol>
            </div>
          ))}
        </details>
      )}
      <p className="policyc-answer__note">金额由本页的计算器按政策条文算出，与指南中的示例一致；
        “至”表示区间（原文只规定上限，具体金额由主管部门评审确定），“未定”表示原文没有规定金额。</p>
    </div>
  );
}

/* On a phone the answer is below the form: its total follows the reader down the form. */
function TotalBar({ outcome }) {
  const r = outcome.result;
  return (
    <div className="policyc-total-bar" aria-hidden="true">
      {r ? <>合计可得：<strong>{span(r.total.min, r.total.max)}</strong>（明细见表单下方）</> : outcome.error}
    </div>
  );
}

/* ---- the address ----------------------------------------------------------------------- */

function readHash() {
  const m = /[#&]answers=([^&]*)/.exec(window.location.hash || "");
  if (!m) return null;
  try {
    const v = JSON.parse(decodeURIComponent(m[1]));
    return v && typeof v === "object" ? v : null;
  } catch (e) {
    return null;
  }
}

function writeHash(state) {
  const hash = "#answers=" + encodeURIComponent(JSON.stringify(state));
  try {
    window.history.replaceState(null, "", hash);
  } catch (e) {
    /* some file:// pages refuse replaceState; the answers still work, only the link is not updated */
  }
}

function useAnswers(initialOn) {
  const saved = useMemo(readHash, []);
  const [data, setData] = useState((saved && saved.data) || {});
  const [on, setOn] = useState((saved && typeof saved.on === "string" && saved.on) || initialOn);
  useEffect(() => writeHash({ on, data: clean(data) }), [data, on]);
  // a pasted or followed link with other answers, on the same page
  useEffect(() => {
    const follow = () => {
      const s = readHash();
      if (!s) return;
      setData(s.data && typeof s.data === "object" ? s.data : {});
      if (typeof s.on === "string" && s.on) setOn(s.on);
    };
    window.addEventListener("hashchange", follow);
    return () => window.removeEventListener("hashchange", follow);
  }, []);
  return { data, setData, on, setOn };
}

function DateField({ on, setOn }) {
  return (
    <p className="policyc-calculator__date">
      <label>计算日期：<input type="date" value={on} onChange={(e) => e.target.value && setOn(e.target.value)} /></label>
      <span>（默认是今天；政策是否有效按这一天判断）</span>
    </p>
  );
}

function ShareLink() {
  const [copied, setCopied] = useState(false);
  const copy = () => {
    const done = () => setCopied(true);
    if (navigator.clipboard && navigator.clipboard.writeText) navigator.clipboard.writeText(window.location.href).then(done, done);
    else done();
  };
  return <button type="button" className="md-button policyc-share" onClick={copy}>
    {copied ? "已复制本页链接：打开它即可看到您填写的内容" : "复制分享链接"}</button>;
}

/* The date, the form and the link to share: the same on one policy's page and on every policy's. */
function ProfileForm({ schema, answers }) {
  const { data, setData, on, setOn } = answers;
  const ui = useMemo(() => uiSchemaFor(schema), [schema]);
  return (
    <>
      <DateField on={on} setOn={setOn} />
      <Form schema={schema} uiSchema={ui} formData={data} validator={validator} liveValidate
        showErrorList={false} noHtml5Validate transformErrors={(errors) => transformErrors(errors, schema)}
        onChange={(e) => setData(e.formData || {})} />
      <ShareLink />
    </>
  );
}

/* ---- one policy ------------------------------------------------------------------------- */

/* The policy's 参数 (schema x-policyc-parameters): a value the text states is shown; one it leaves
   to the authority (由主管部门公布) is asked for, since the calculator cannot compute without it. */
function ParameterFields({ parameters, params, setParams }) {
  if (!parameters || !parameters.length) return null;
  return (
    <fieldset className="policyc-parameters">
      <legend>计算依据的数值</legend>
      {parameters.map((x) => (
        <div key={x.name} className="form-group">
          <label htmlFor={`param-${x.name}`}>
            {x.label}{x.value === null ? "（由主管部门公布，请填写公布的数值" + (x.kind === "rate" ? "，如 0.065 表示 6.5%" : "") + "）" : "（原文规定）"}
          </label>
          {x.value === null
            ? <input id={`param-${x.name}`} className="form-control" type="text" inputMode="decimal"
                value={params[x.name] || ""}
                onChange={(e) => setParams({ ...params, [x.name]: e.target.value.trim() })} />
            : <p>{x.shown}</p>}
        </div>
      ))}
    </fieldset>
  );
}

function Calculator({ policy }) {
  const entry = POLICIES[policy];
  const answers = useAnswers(today());
  const { data, on } = answers;
  const [params, setParams] = useState({});
  const schema = useMemo(() => formSchema(entry.schema), [policy]);
  const outcome = useMemo(() => compute(policy, data, on, params), [policy, data, on, params]);
  return (
    <div className="policyc-calculator__body">
      <div className="policyc-calculator__form">
        <ParameterFields parameters={entry.schema["x-policyc-parameters"]} params={params} setParams={setParams} />
        <ProfileForm schema={schema} answers={answers} />
        <TotalBar outcome={outcome} />
      </div>
      <Answer policy={policy} outcome={outcome} />
    </div>
  );
}

/* ---- every policy, side by side --------------------------------------------------------- */

function Compare({ policies }) {
  const answers = useAnswers(today());
  const { data, on } = answers;
  const schema = useMemo(() => formSchema(PROFILE), []);
  return (
    <div className="policyc-compare">
      <div className="policyc-calculator__form">
        <ProfileForm schema={schema} answers={answers} />
      </div>
      <div className="policyc-compare__columns">
        {policies.filter((id) => POLICIES[id]).map((id) => {
          const outcome = compute(id, data, on);
          const title = (POLICIES[id].schema.title || id).split(" — ")[0];
          const state = outcome.result ? (outcome.result.in_force ? "在有效期内" : "该日不在有效期内") : "";
          return (
            <section key={id} className="policyc-compare__column" data-policy={id}>
              <h3>{title}</h3>
              <p className={"policyc-compare__state" + (outcome.result && !outcome.result.in_force ? " policyc-compare__state--expired" : "")}>
                {on}：{state}</p>
              <Answer policy={id} outcome={outcome} />
            </section>
          );
        })}
      </div>
    </div>
  );
}

/* ---- mounting (mkdocs-material's document$ or the plain page) ---------------------------- */

function mount() {
  document.querySelectorAll(".policyc-calculator[data-policy]").forEach((el) => {
    const id = el.getAttribute("data-policy");
    if (el.__policyc || !POLICIES[id]) return;
    el.__policyc = true;
    createRoot(el).render(<Calculator policy={id} />);
  });
  document.querySelectorAll(".policyc-compare-calculator[data-policies]").forEach((el) => {
    if (el.__policyc) return;
    el.__policyc = true;
    const ids = (el.getAttribute("data-policies") || "").split(/\s+/).filter(Boolean);
    createRoot(el).render(<Compare policies={ids} />);
  });
}

// for tests and embedding: the same calculation the page shows
window.policyc = {
  policies: Object.keys(POLICIES),
  calculate(policy, profile, on) {
    const outcome = compute(policy, profile, on);
    if (outcome.error) throw new Error(outcome.error);
    return outcome.result;
  },
};

if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", mount);
else mount();
