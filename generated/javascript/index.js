// generated from policies/ by policyc — do not edit; regenerate with `policyc build`
// Every policy's calculator, by policy id.

export * as changchun from "./changchun.js";
export * as kunming from "./kunming.js";
export * as nanchang from "./nanchang.js";
export * as national from "./national.js";
export * as xianning from "./xianning.js";
