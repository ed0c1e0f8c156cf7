/** The `basis` of an export (`?basis=STATED`, `--basis STATED,INFERRED`): which links it walks and holds. */
import { BadUserInputError } from '../errors/errors';

const BASES = ['STATED', 'INFERRED'] as const;

/** Parses a comma-separated list of Basis values; BAD_USER_INPUT names the bad one. */
export function parseBasis(text: string): Array<(typeof BASES)[number]> {
  const values = text.split(',').map((v) => v.trim());
  const bad = values.find((v) => !(BASES as readonly string[]).includes(v));
  if (bad !== undefined) {
    throw new BadUserInputError(
      `basis must be STATED, INFERRED or both, comma-separated, got ${JSON.stringify(text)}`,
      {
        argument: 'basis',
      },
    );
  }
  return values as Array<(typeof BASES)[number]>;
}
