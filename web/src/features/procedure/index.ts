export { parseProcedure, type Block } from './parse-procedure.ts';
export { ProcedureText } from './ProcedureText.tsx';
