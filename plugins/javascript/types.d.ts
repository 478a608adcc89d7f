// HEADER
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
  /** Notes for people: validity, values outside the text's lists, requirements not met, exclusions. */
  notes: Note[];
  /** Every cross-item cap (累计上限) on every item in its scope: the item's amount before and after it. */
  cuts: Cut[];
  /** Only for a policy whose text allows more than one reading (解读); the amounts above span them. */
  readings?: Reading[];
}

export interface Note {
  kind: "before_start" | "after_end" | "events" | "validity_open" | "requirement_failed" | "excluded"
    | "unlisted" | "unlisted_open";
  /** The note in Chinese, as `policyc calc` prints it. */
  text: string;
  /** requirement_failed, excluded: the article. */
  article?: string;
  /** unlisted, unlisted_open: the text fact, the value given and the articles that list values. */
  fact?: string;
  value?: string;
  articles?: string;
}

export interface Cut {
  cap: string;
  article: string;
  item: string;
  limit: { min: Yuan | null; max: Yuan | null };
  /** null max: an undetermined item (it can take what the cap leaves). */
  before: { min: Yuan | null; max: Yuan | null };
  after: { min: Yuan | null; max: Yuan | null };
}

/** One ambiguous clause (解读): the quoted words and the result under each reading (others as adopted). */
export interface Reading {
  id: string;
  article: string;
  quote: string;
  adopted: string;
  affects: string[];
  results: Record<string, ReadingResult>;
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
  excluded: boolean;
  exclusions: string[];
  total: { min: Yuan; max: Yuan | null };
  funding: Funding;
  /** Each item's amount before the caps (as `Result.items`); `cuts`: what each cross-item cap left it. */
  items: Record<string, { min: Yuan | null; max: Yuan | null }>;
  cuts: Cut[];
}

/** readings(): the result's `readings`, and `range`: its total (across every reading). */
export interface ReadingsResult {
  readings: Reading[];
  range: { min: Yuan | null; max: Yuan | null };
}
