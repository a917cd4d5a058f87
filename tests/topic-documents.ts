import type { SuggestionRecord } from '../src/corpus/record.ts';
import { compareIds } from '../src/corpus/record.ts';
import { topicDocuments } from '../src/score/analyse-corpus.ts';
import { createSegmenter } from '../src/segment/create-segmenter.ts';
import { loadLexicon } from '../src/segment/lexicon.ts';
import { segmentRecords } from '../src/segment/segment-records.ts';

/**
 * Records segmented as a run segments them (the bundled dictionaries, the
 * default segmenter), as topic clustering takes them: in id order, the order
 * a run analyses them in (k-means++ draws by position). For the evaluations
 * and benches that time or score topics outside a run.
 */
export async function topicDocumentsOf(records: readonly SuggestionRecord[]): Promise<ReturnType<typeof topicDocuments>> {
  const lexicon = loadLexicon({}, []);
  const segmenter = createSegmenter({ backend: 'node-rs', userWords: lexicon.userWords });
  const inOrder = [...records].sort((x, y) => compareIds(x.id, y.id));
  const counted = await segmentRecords(inOrder, segmenter, lexicon, { workers: 1, lexiconOptions: {}, backend: 'node-rs' });
  return topicDocuments(inOrder.map((record, i) => ({ record, ...counted[i]! })));
}
