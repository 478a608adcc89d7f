// Differential test driver: one Node process per policy. Reads JSONL lines {"profile", "on"} (and
// "parameters", the values of the policy's 参数, when given) on
// stdin, writes one JSONL line per case: {"ok": result} or {"errors": [[field, message], ...]}.
import { createInterface } from "node:readline";
import { pathToFileURL } from "node:url";

const mod = await import(pathToFileURL(process.argv[2]).href);
// argv[3] "readings": every reading of the policy's 解读 and the range (mod.readings) instead of calculate
const run = process.argv[3] === "readings" ? mod.readings : mod.calculate;
const lines = createInterface({ input: process.stdin, crlfDelay: Infinity });
const out = [];
for await (const line of lines) {
  if (!line) continue;
  const { profile, on, parameters } = JSON.parse(line);
  try {
    out.push(JSON.stringify({ ok: run(profile, on, parameters) }));
  } catch (err) {
    if (!(err instanceof mod.ProfileError)) throw err;
    out.push(JSON.stringify({ errors: err.errors }));
  }
}
process.stdout.write(out.join("\n") + "\n");
