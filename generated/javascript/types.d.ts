// generated from policies/ by policyc — do not edit; regenerate with `policyc build`
// The result of one calculation: the structure of `policyc calc --format json`.

/** Money in yuan as a string with two decimals ("600000.00"); null when undetermined. */
export type Yuan = string;

/** Funding sources: central, province, city, county, or unspecified (payers named, split not stated). */
export type Funding = Partial<Record<"central" | "province" | "city" | "county" | "unspecified", Yuan>>;

export interface ItemResult {
  id: string;
  article: string;
  title: string;
  /** Before cross-item caps; null when the policy leaves the amount undetermined. */
  min: Yuan | null;
  max: Yuan | null;
  funding: Funding;
  /** Every article applied and every cap that bound, in Chinese (computed when read). */
  readonly trace: string[];
}

export interface PaymentResult {
  article: string;
  stage: string;
  min: Yuan | null;
  max: Yuan | null;
}

export interface CalculationResult {
  policy: string;
  /** The date of the calculation, YYYY-MM-DD. */
  as_of: string;
  in_force: boolean;
  excluded: boolean;
  exclusions: string[];
  items: ItemResult[];
  /** After every cap; max null when unbounded. */
  total: { min: Yuan; max: Yuan | null };
  funding: Funding;
  payments: PaymentResult[];
}

/** What one profile field accepts. */
export interface FactSpec {
  name: string;
  kind: "bool" | "money" | "rate" | "int" | "enum" | "text" | "date";
  label: string;
  low: number | null;
  high: number | null;
  values: string[];
  required: boolean;
  default: string | boolean | null;
}

/** [field, Chinese message]; the field is "" for the profile as a whole and "on" for the date. */
export type ProfileErrorPair = [string, string];

/** Amounts under one reading of an ambiguous clause (解读). */
export interface ReadingResult {
  label: string;
  total: { min: Yuan; max: Yuan | null };
  items: Record<string, { min: Yuan | null; max: Yuan | null }>;
}

/** readings(): every reading of every 解读 (the others as adopted) and the range of the total. */
export interface ReadingsResult {
  readings: { id: string; article: string; adopted: string; affects: string[];
              results: Record<string, ReadingResult> }[];
  range: { min: Yuan | null; max: Yuan | null };
}
