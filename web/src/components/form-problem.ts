/** One problem of a form: the id of its field (or fieldset), or null for the whole form. */
export interface FormProblem {
  field: string | null;
  message: string;
}
