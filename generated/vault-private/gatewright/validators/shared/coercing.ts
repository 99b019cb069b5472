// @ts-nocheck: ajv standalone code, compiled from the spec by gatewright at build time (parameters and form fields, coerced from text).
// Rewritten on every build; do not edit.
import type { Validator } from '../../runtime/spec.js';

const schema1 = {"type":"object","properties":{"value":{"type":"string"}}};const func0 = Object.prototype.hasOwnProperty;
var validate1 = /* @__PURE__ */ (() => {
function validate1(data, {instancePath="", parentData, parentDataProperty, rootData=data, dynamicAnchors={}}={}){let vErrors = null;let errors = 0;const evaluated0 = validate1.evaluated;if(evaluated0.dynamicProps){evaluated0.props = undefined;}if(evaluated0.dynamicItems){evaluated0.items = undefined;}if(data && typeof data == "object" && !Array.isArray(data)){if(data.value !== undefined && func0.call(data, "value")){let data0 = data.value;if(typeof data0 !== "string"){let dataType0 = typeof data0;let coerced0 = undefined;if(dataType0 == 'object' && Array.isArray(data0) && data0.length == 1){data0 = data0[0];dataType0 = typeof data0;if(typeof data0 === "string"){coerced0 = data0;}}if(!(coerced0 !== undefined)){if(dataType0 == "number" || dataType0 == "boolean"){coerced0 = "" + data0;}else if(data0 === null){coerced0 = "";}else {const err0 = {instancePath:instancePath+"/value",schemaPath:"#/properties/value/type",keyword:"type",params:{type: "string"},message:"must be string"};if(vErrors === null){vErrors = [err0];}else {vErrors.push(err0);}errors++;}}if(coerced0 !== undefined){data0 = coerced0;if(data !== undefined){data["value"] = coerced0;}}}}}else {const err1 = {instancePath,schemaPath:"#/type",keyword:"type",params:{type: "object"},message:"must be object"};if(vErrors === null){vErrors = [err1];}else {vErrors.push(err1);}errors++;}validate1.errors = vErrors;return errors === 0;}
validate1.evaluated = {"props":{"value":true},"dynamicProps":false,"dynamicItems":false};
return validate1;
})();

export const v0: Validator = validate1;
