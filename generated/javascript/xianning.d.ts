// generated from policies/xianning.policy by policyc — do not edit; regenerate with `policyc build`
import type { CalculationResult, FactSpec, ProfileErrorPair } from "./types.js";
export type { CalculationResult, FactSpec, ItemResult, PaymentResult, ProfileErrorPair } from "./types.js";

export declare const POLICY_ID: "xianning";
export declare const TITLE: string;
export declare const DOCUMENT_NUMBER: string;
export declare const SOURCE: string;
export declare const FACTS: readonly FactSpec[];

/** The facts this policy reads (money in yuan: a number or a decimal string). */
export interface Profile {
  /** 申报主体类型 */
  applicant_type: "enterprise" | "service_provider" | "platform_operator" | "public_institution";
  /** 所属行业 */
  industry?: string;
  /** 改造项目验收合格 */
  acceptance_passed?: boolean;
  /** 中小企业 */
  is_sme?: boolean;
  /** 改造后数字化水平等级 */
  digital_level?: number;
  /** 软件、云服务支出 */
  spend_software_cloud?: number | string;
  /** 网关、路由等数据采集传输设备支出 */
  spend_data_equipment?: number | string;
  /** 已获得中央财政专项资金支持的专精特新“小巨人”企业 */
  little_giant_central_funded?: boolean;
  /** 已纳入工信厅联企业〔2022〕22号改造试点 */
  in_2022_pilot?: boolean;
  /** 智能化改造数字化转型试点示范企业 */
  chain_demo_enterprise?: boolean;
  /** 省级示范项目称号 */
  provincial_demo_title?: boolean;
  /** 省级及以上数字化转型典型案例 */
  typical_case_title?: boolean;
  /** 服务且验收达标的企业数量 */
  accepted_enterprises_served?: number;
  /** 受委托建设数字化转型公共服务平台的服务商 */
  platform_builder?: boolean;
  /** 受委托组织数字化转型培训活动的服务商 */
  training_provider?: boolean;
  /** 受委托开展评测、审计及验收工作的服务机构 */
  evaluation_agency?: boolean;
  /** 因申报材料弄虚作假被取消申报资格未满三年 */
  falsified_application_3y?: boolean;
}

export declare class ProfileError extends Error {
  errors: ProfileErrorPair[];
  field: string;
}

export declare function calculate(profile: Profile | Record<string, unknown>, on?: string | Date): CalculationResult;

export declare function readings(profile: Profile | Record<string, unknown>, on?: string | Date): import("./types.js").ReadingsResult;
