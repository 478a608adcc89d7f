// Type-checks the published declarations as a TypeScript user would use them.
import { kunming } from "../../generated/javascript/index.js";
import { calculate, ProfileError, type Profile } from "../../generated/javascript/kunming.js";

const profile: Profile = { applicant_type: "enterprise", digital_level: 4, spend_software_cloud: "1200000" };
const r = calculate(profile, "2025-08-01");
const total: string | null = r.total.max;
const lines: string[] = r.items.flatMap((i) => i.trace);
const again = kunming.calculate({ applicant_type: "enterprise" });
try {
  calculate({ applicant_type: "enterprise", digital_level: 9 });
} catch (err) {
  if (err instanceof ProfileError) lines.push(err.field, err.errors[0][1]);
}
export const used = [total, lines.length, again.in_force];
