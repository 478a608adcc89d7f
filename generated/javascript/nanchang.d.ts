// generated from policies/nanchang.policy by policyc — do not edit; regenerate with `policyc build`
import type { CalculationResult, FactSpec, ProfileErrorPair } from "./types.js";
export type { CalculationResult, FactSpec, ItemResult, PaymentResult, ProfileErrorPair } from "./types.js";

export declare const POLICY_ID: "nanchang";
export declare const TITLE: string;
export declare const DOCUMENT_NUMBER: string;
export declare const SOURCE: string;
export declare const FACTS: readonly FactSpec[];

/** The facts this policy reads (money in yuan: a number or a decimal string). */
export interface Profile {
  /** 申报主体类型 */
  applicant_type: "enterprise" | "service_provider" | "platform_operator" | "public_institution";
  /** 具有独立法人资格 */
  independent_legal_person?: boolean;
  /** 运营正常 */
  operating_normally?: boolean;
  /** 依法纳税，财务及信用记录良好 */
  good_tax_and_credit?: boolean;
  /** 中小企业 */
  is_sme?: boolean;
  /** 纳入试点改造范围 */
  in_pilot_scope?: boolean;
  /** 改造项目验收合格 */
  acceptance_passed?: boolean;
  /** 优秀数字化服务商 */
  excellent_provider?: boolean;
  /** “链式”数字化转型典型应用/企业 */
  chain_transformation_award?: boolean;
  /** 已获得中央财政专项资金支持的专精特新“小巨人”企业 */
  little_giant_central_funded?: boolean;
  /** 已纳入工信厅联企业〔2022〕22号改造试点 */
  in_2022_pilot?: boolean;
  /** 数字化转型样板企业 */
  model_enterprise?: boolean;
  /** 已享受省级产业集群和中小企业数字化转型试点项目奖补资金 */
  provincial_pilot_funded?: boolean;
}

export declare class ProfileError extends Error {
  errors: ProfileErrorPair[];
  field: string;
}

export declare function calculate(profile: Profile | Record<string, unknown>, on?: string | Date): CalculationResult;

export declare function readings(profile: Profile | Record<string, unknown>, on?: string | Date): import("./types.js").ReadingsResult;
