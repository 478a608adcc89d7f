// generated from policies/kunming.policy by policyc — do not edit; regenerate with `policyc build`
import type { CalculationResult, FactSpec, ProfileErrorPair } from "./types.js";
export type { CalculationResult, FactSpec, ItemResult, PaymentResult, ProfileErrorPair } from "./types.js";

export declare const POLICY_ID: "kunming";
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
  /** 纳入试点改造范围 */
  in_pilot_scope?: boolean;
  /** 改造项目验收合格 */
  acceptance_passed?: boolean;
  /** 改造后数字化水平等级 */
  digital_level?: number;
  /** 软件、云服务支出 */
  spend_software_cloud?: number | string;
  /** 网关、路由等数据采集传输设备支出 */
  spend_data_equipment?: number | string;
  /** 咨询诊断等服务支出 */
  spend_consulting?: number | string;
  /** 数字化转型“小灯塔”企业 */
  lighthouse?: boolean;
  /** 国家级数字化车间/智能工厂等称号 */
  digital_workshop_title?: boolean;
  /** “链式”数字化转型典型应用/企业 */
  chain_transformation_award?: boolean;
  /** 近三年存在严重失信行为 */
  serious_dishonesty_3y?: boolean;
  /** 已获得中央财政专项资金支持的专精特新“小巨人”企业 */
  little_giant_central_funded?: boolean;
  /** 已纳入工信厅联企业〔2022〕22号改造试点 */
  in_2022_pilot?: boolean;
  /** 中小企业 */
  is_sme?: boolean;
  /** 试点实施期结束时项目未验收或验收不合格 */
  pilot_ended_unaccepted?: boolean;
  /** 因项目取消、验收不合格、企业破产等因素暂停试点工作 */
  pilot_suspended?: boolean;
  /** 因申报材料弄虚作假被取消申报资格未满三年 */
  falsified_application_3y?: boolean;
  /** 受委托开展评测验收服务的评测机构 */
  evaluation_agency?: boolean;
}

export declare class ProfileError extends Error {
  errors: ProfileErrorPair[];
  field: string;
}

export declare function calculate(profile: Profile | Record<string, unknown>, on?: string | Date): CalculationResult;

export declare function readings(profile: Profile | Record<string, unknown>, on?: string | Date): import("./types.js").ReadingsResult;
