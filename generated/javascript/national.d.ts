// generated from policies/national.policy by policyc — do not edit; regenerate with `policyc build`
import type { CalculationResult, FactSpec, ProfileErrorPair } from "./types.js";
export type { CalculationResult, FactSpec, ItemResult, PaymentResult, ProfileErrorPair } from "./types.js";

export declare const POLICY_ID: "national";
export declare const TITLE: string;
export declare const DOCUMENT_NUMBER: string;
export declare const SOURCE: string;
export declare const FACTS: readonly FactSpec[];

/** The facts this policy reads (money in yuan: a number or a decimal string). */
export interface Profile {
  /** 城市类型 */
  city_type?: "provincial_capital" | "separately_planned" | "xpcc" | "prefecture" | "municipality_district";
  /** 东/中/西部地区 */
  region?: "east" | "central" | "west";
  /** 申报主体类型 */
  applicant_type?: "enterprise" | "service_provider" | "platform_operator" | "public_institution";
  /** 改造后数字化水平等级 */
  digital_level?: number;
  /** 中小企业 */
  is_sme?: boolean;
  /** 纳入试点改造范围 */
  in_pilot_scope?: boolean;
  /** 经公示确定为试点城市 */
  selected_pilot_city?: boolean;
  /** 已获得中央财政专项资金支持的专精特新“小巨人”企业 */
  little_giant_central_funded?: boolean;
  /** 已纳入工信厅联企业〔2022〕22号改造试点 */
  in_2022_pilot?: boolean;
}

export declare class ProfileError extends Error {
  errors: ProfileErrorPair[];
  field: string;
}

export declare function calculate(profile: Profile | Record<string, unknown>, on?: string | Date): CalculationResult;

export declare function readings(profile: Profile | Record<string, unknown>, on?: string | Date): import("./types.js").ReadingsResult;
