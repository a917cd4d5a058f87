import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe } from 'vitest';

/**
 * `../shared/data` beside the checkout: real data we may test on but not ship.
 * Tests that need it use `describeShared`, which skips them, saying why, only
 * when the folder is absent (CI has it).
 */
export const SHARED_DATA = fileURLToPath(new URL('../../shared/data/', import.meta.url));
export const HAS_SHARED = existsSync(SHARED_DATA);
if (!HAS_SHARED) console.warn(`skipping real-data tests: ${SHARED_DATA} is absent`);

export const describeShared = HAS_SHARED ? describe : describe.skip;

export const MESSAGES_CSV = `${SHARED_DATA}tipdm2020-messages/messages_labelled.csv`;
export const MESSAGES_MAP = { id: 'id', title: 'title', text: 'detail', category: 'label', year: 'year' } as const;
/** All 9,210 labelled titles (no text, no date): `title,label,split`. */
export const TITLES_CSV = `${SHARED_DATA}tipdm2020-messages/titles_labelled.csv`;

/** A fixture file of this repository. */
export function fixture(name: string): string {
  return fileURLToPath(new URL(`./fixtures/${name}`, import.meta.url));
}
