export { fieldErrorsOf } from "../forms/field-errors";
