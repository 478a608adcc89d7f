// A second, independent form library renders the same input schema as the site's calculator:
// JSON Forms (React, vanilla renderers) with an ajv instance for draft 2020-12. The browser test
// opens web/jsonforms-check.html and checks that the choices show their Chinese titles, money is
// one text field, and a bad amount is refused — i.e. the schema works in it as it is.
import { useState } from "react";
import { createRoot } from "react-dom/client";
import { JsonForms } from "@jsonforms/react";
import { vanillaCells, vanillaRenderers } from "@jsonforms/vanilla-renderers";
import Ajv2020 from "ajv/dist/2020";
import addFormats from "ajv-formats";
import { POLICIES } from "../build/policies.js";

const policy = new URLSearchParams(window.location.search).get("policy") || "kunming";
const schema = POLICIES[policy].schema;
// A layout of the fields in the schema's own order; fields for one kind of applicant are shown
// by a JSON Forms rule when applicant_type matches the schema's `if`.
function layout(s) {
  const elements = [];
  for (const name of s["x-field-order"]) {
    if (s.properties[name]) {
      elements.push({ type: "Control", scope: `#/properties/${name}` });
      continue;
    }
    (s.allOf || []).forEach((branch, i) => {
      if (branch.then && branch.then.properties && branch.then.properties[name]) {
        elements.push({
          type: "Control", scope: `#/allOf/${i}/then/properties/${name}`,
          rule: { effect: "SHOW", condition: { scope: "#/properties/applicant_type",
                                                schema: branch.if.properties.applicant_type } },
        });
      }
    });
  }
  return { type: "VerticalLayout", elements };
}

const ajv = addFormats(new Ajv2020({ allErrors: true, verbose: true, strict: false }));

function Check() {
  const [data, setData] = useState({ applicant_type: "enterprise" });
  const [errors, setErrors] = useState([]);
  return (
    <div>
      <h1>{schema.title}</h1>
      <JsonForms schema={schema} uischema={layout(schema)} data={data} renderers={vanillaRenderers} cells={vanillaCells} ajv={ajv}
        onChange={({ data: d, errors: e }) => { setData(d); setErrors(e || []); }} />
      <pre id="state">{JSON.stringify({ data, errors: errors.map((e) => e.instancePath + " " + e.keyword) })}</pre>
    </div>
  );
}

createRoot(document.getElementById("root")).render(<Check />);
