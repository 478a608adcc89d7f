// generated from policies/changchun.policy by policyc — do not edit; regenerate with `policyc build`
import type { CalculationResult, FactSpec, ProfileErrorPair } from "./types.js";
export type { CalculationResult, FactSpec, ItemResult, PaymentResult, ProfileErrorPair } from "./types.js";

export declare const POLICY_ID: "changchun";
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
  /** 在本市依法注册登记 */
  registered_in_city?: boolean;
  /** 具有独立法人资格 */
  independent_legal_person?: boolean;
  /** 依法纳税，财务及信用记录良好 */
  good_tax_and_credit?: boolean;
  /** 纳入试点改造范围 */
  in_pilot_scope?: boolean;
  /** 改造项目验收合格 */
  acceptance_passed?: boolean;
  /** 软件、云服务支出 */
  spend_software_cloud?: number | string;
  /** 网关、路由等数据采集传输设备支出 */
  spend_data_equipment?: number | string;
  /** 咨询诊断等服务支出 */
  spend_consulting?: number | string;
  /** 中小企业 */
  is_sme?: boolean;
  /** 上云上平台 */
  cloud_platform_adopted?: boolean;
  /** 工业互联网平台创新应用标杆 */
  platform_benchmark?: boolean;
  /** 获奖励的“小快轻准”产品和服务数量 */
  awarded_products?: number;
  /** 优秀数字化服务商 */
  excellent_provider?: boolean;
  /** “链式”数字化转型典型应用/企业 */
  chain_transformation_award?: boolean;
  /** 近三年存在严重失信行为 */
  serious_dishonesty_3y?: boolean;
  /** 已获得中央财政专项资金支持的专精特新“小巨人”企业 */
  little_giant_central_funded?: boolean;
  /** 已纳入工信厅联企业〔2022〕22号改造试点 */
  in_2022_pilot?: boolean;
  /** 试点实施期结束时项目未验收或验收不合格 */
  pilot_ended_unaccepted?: boolean;
  /** 生产制造环节数字化改造 */
  production_stage_reform?: boolean;
  /** 政府采购的数字化转型公共服务提供方 */
  procured_service?: boolean;
  /** 被列入经营异常名录 */
  abnormal_operation_listed?: boolean;
  /** 被列入严重失信主体名单 */
  serious_dishonesty_listed?: boolean;
  /** 近三年发生重大安全（含网络安全、数据安全等）、质量、环境污染等事故 */
  major_incident_3y?: boolean;
  /** 近三年存在偷漏税等违法违规行为 */
  tax_violation_3y?: boolean;
  /** 因违规操作被取消申报资格未满三年 */
  disqualified_3y?: boolean;
}

export declare class ProfileError extends Error {
  errors: ProfileErrorPair[];
  field: string;
}

export declare function calculate(profile: Profile | Record<string, unknown>, on?: string | Date): CalculationResult;

export declare function readings(profile: Profile | Record<string, unknown>, on?: string | Date): import("./types.js").ReadingsResult;
