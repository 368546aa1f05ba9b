// Ajv for JSON Schema draft 2020-12: the join forms validate against the same
// schemas `mentorhub schemas` prints (hub/schema.py), so the browser and the
// build agree on what a valid record is.
import Ajv2020 from "ajv/dist/2020.js";

globalThis.MentorhubAjv2020 = Ajv2020;
