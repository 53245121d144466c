// A letter sent to the customer, as the PDF that was printed, through their tracking link: the
// link must match and the letter must be one of this complaint's.
import { letterToPrint } from '../../db/queries/work-lists.ts';
import { AppError } from '../errors.ts';
import { letterPdf } from '../work/work-lists.ts';
import type { ReadDeps } from './get-complaint.ts';
import { findTracked } from './get-complaint.ts';
import type { Db } from '../../db/client.ts';

export async function getCustomerLetter(
  deps: ReadDeps & { db: Db },
  input: { reference: string; token: string; letterId: number },
): Promise<{ pdf: Buffer; filename: string }> {
  const row = await findTracked(deps.db, input.reference, input.token);
  const letter = await letterToPrint(deps.db, input.letterId);
  if (!letter || letter.reference !== row.reference) {
    // The same answer as a wrong link: a link reveals nothing of other complaints' letters.
    throw new AppError('TRACKING.NOT_FOUND', 'no complaint matches this tracking link');
  }
  return letterPdf(deps, input.letterId);
}
