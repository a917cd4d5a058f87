import type { CivicBackground } from '../segment/civic-background.ts';
import type { TaggedWord } from '../segment/segmenter.ts';
import type { WordTable } from '../segment/word-table.ts';
import { occurrences } from './occurrences.ts';

/**
 * The word-quality gate: which terms may be listed as hot words at all.
 * Hot words are content words — nouns, noun phrases, verbal nouns, specific
 * verbs (拖欠 扰民 停放), abbreviations and set phrases — never adverbs,
 * pronouns, numbers, measure words, place words, bare adjectives or generic
 * verbs (难以 直接 全部 收到 允许 产生). The gate decides from the word's
 * part-of-speech tag in the dictionaries (jieba's and the civic one), its
 * specificity in general Chinese (jieba's IDF) and in civic language (the
 * civic background), and for a token the HMM coined, whether its characters
 * hold together across the corpus.
 */
export interface DictionaryGateInputs {
  /** The dictionaries' tagging of a term on its own (segmenter.tag). */
  tag: (term: string) => TaggedWord[];
  /** jieba's IDF table. */
  backgroundIdf: WordTable;
  civic: CivicBackground;
  /** Words the civic or the analyst's dictionaries enter as terms of this domain (偷工减料): never refused as idioms. */
  entered?: (term: string) => boolean;
  /**
   * Heads too general to be a theme (title-frames.txt [generic]: 设施 质量 能力 效率 环境): a title's
   * theme drops them (精品小区建设 → 精品小区), and alone they name nothing to brief on.
   */
  genericHeads?: ReadonlySet<string>;
}

/** What the corpus says of a token the HMM coined. */
export interface CorpusEvidence {
  /** How well a coined token's characters hold together in this corpus (see characterCohesion); ln units. */
  cohesion: (term: string) => number;
  /** Suggestions of the corpus raising the term. */
  corpusDocs: (term: string) => number;
}

export interface WordGateInputs extends DictionaryGateInputs, CorpusEvidence {}

/**
 * Tags that never make a hot word on their own: adverbs, pronouns, numerals, measure words,
 * prepositions, conjunctions, particles, interjections, onomatopoeia, place and time words,
 * distinguishing words, bare adjectives, place names.
 */
const CLOSED_TAGS = new Set([
  'd',
  'ad',
  'dg',
  'r',
  'rr',
  'rz',
  'rg',
  'm',
  'mq',
  'q',
  'p',
  'c',
  'u',
  'uj',
  'ul',
  'uz',
  'ud',
  'ug',
  'uv',
  'y',
  'e',
  'o',
  'f',
  't',
  'tg',
  's',
  'z',
  'zg',
  'b',
  'a',
  'ag',
  'h',
  'k',
  'ns',
]);
/** Verbs, verbal nouns and nominal adjectives that are this common in general Chinese (jieba IDF below) are generic: 产生 允许 服务 管理 安全. */
export const SPECIFIC_VERB_IDF = 7;
export const SPECIFIC_NOUNISH_IDF = 6;
/** A one-character verb this common (有 是 要 给 让 用 去; not 死 打 买 建 装) is a light verb: no piece of a term. */
export const LIGHT_VERB_IDF = 4.5;
/** Share of civic paragraphs above which a word is too general to stand alone (发展 建设 经济 改革). */
export const CIVIC_GENERIC_SHARE = 0.1;
/** Cohesion (lowest character PMI over the token's split points) a coined token needs, as the dictionary-gap search asks. */
export const MIN_COHESION = 3;
/**
 * Paragraphs of civic language an idiom must hold to be a term of it (不正之风 37, 绿水青山 5, 以权谋私 7);
 * below, an idiom describes (苦不堪言 养家糊口 救死扶伤 触目惊心: in none of the government work reports).
 */
export const IDIOM_CIVIC_DF = 2;
/** A letter code standing for a place or an item (D5, L12, A市, B3区, A7县人): anonymised or local codes, not themes. */
const CODE = /^(?:[A-Za-z]{1,2}\d{0,3}(?:[省市区县镇乡村]人?)?|[A-Za-z]{1,2}\d{1,3})$/;

/**
 * A coined token that begins with the unit of a place code (市楚府 of A市+楚府东路, 县人 of A7县+人,
 * 市经 of A市+经开区: the letters' places are codes such as A市, A7县, K3区, 西地省): the unit run
 * into the next word, never a word of its own. Not 村, 乡 or 镇, which no code ends in here and
 * which begin coined words (村医).
 */
const UNIT_FIRST = /^[省市县区]\p{Script=Han}/u;

/** A verb said twice (查查 看看 问问 管管, which jieba tags a verbal noun): the colloquial "have a go at", never a theme. */
const REDUPLICATED = /^(\p{Script=Han})\1$/u;

/** An administrative unit said twice (县县 in L8县县城, 市市): a place code's unit meeting the next word's, never a word. */
const UNIT_TWICE = /^([省市县区镇乡村])\1$/u;

/**
 * A surname and an office (刘厅长, 陈书记, 王老师; jieba's dictionary holds some as one word, tagged as
 * a person's name): whom a letter is addressed to or complains of, never a theme.
 */
const SURNAME =
  '[王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤]';
const PERSON_BY_OFFICE = new RegExp(
  `^${SURNAME}(?:书记|省长|市长|县长|区长|镇长|乡长|村长|厅长|局长|处长|科长|部长|所长|站长|院长|校长|主任|主席|经理|老师|医生)$`,
  'u',
);

/**
 * A token the HMM coined of a common surname and two more characters: a person's full name (李冬金,
 * 张德海 in the labelled messages; of the 30 such tokens there raised twice or more, 23 were names,
 * the others places or fragments, none a theme). Whom a letter names is never a hot word.
 */
const PERSON_NAME = new RegExp(`^${SURNAME}\\p{Script=Han}{2}$`, 'u');

/** The administrative units a place name ends in. */
const UNIT = '[省市县区镇乡村州]';

/**
 * A coined token ending in an administrative unit: a place name (西地省), or the tail of one the
 * segmenter cut apart (地省 of 向西+地省, 桥镇 of 竹山+桥镇). Words of the dictionaries with such an
 * ending (社区 超市 景区) are judged by their tags.
 */
const PLACE_NAME = new RegExp(`^\\p{Script=Han}+${UNIT}$`, 'u');

/** A place name ending in an administrative unit, on a word the dictionaries tag a place. */
const JURISDICTION = new RegExp(`${UNIT}$`, 'u');

/**
 * Whether a token, as the dictionaries tag it, names a place rather than what a suggestion is
 * about: an anonymised place's code (A7, B9市), a token the HMM coined of a place name's pieces
 * (县星 of A7县+星沙, 州州, 西地省), or a jurisdiction jieba knows (长宁区, 虹桥镇: a place name
 * ending in a unit; 苏州河 is none). No theme begins or ends with one (themes.ts). (Place words,
 * jieba's s, are not: 场地 and 岸线 head themes.)
 */
export function placePiece(word: string, tag: string): boolean {
  if (tag === 'ns') return JURISDICTION.test(word);
  if (tag !== 'x' && tag !== 'eng') return false;
  return CODE.test(word) || UNIT_FIRST.test(word) || UNIT_TWICE.test(word) || PLACE_NAME.test(word);
}

/** Tags of a noun or a verbal noun: a generic one heads a phrase (惠企+政策, 停车+管理), a verb does not (老人+安装). */
const NOUN_HEAD = /^(?:n\w*|vn)$/;

export type GateReason = 'tag' | 'generic-verb' | 'civic-generic' | 'generic-head' | 'fragment' | 'code' | 'idiom';

/** The dictionaries' verdict on a term: a reason, null (a word), or 'coined' (a token the HMM coined, which only the corpus can judge). */
export type DictionaryVerdict = GateReason | 'coined' | null;

/** A gate over terms: null when the term may be listed, else why not. Results are cached per term. */
export function wordGate(inputs: WordGateInputs): (term: string) => GateReason | null {
  return withCorpusEvidence(dictionaryGate(inputs), inputs);
}

/** The dictionaries' verdicts (dictionaryGate) with the coined tokens judged by the corpus: the word gate of one corpus. */
export function withCorpusEvidence(
  dictionary: (term: string) => DictionaryVerdict,
  corpus: CorpusEvidence,
): (term: string) => GateReason | null {
  // a coined token is a word only if it holds together here (as the dictionary-gap search asks)
  const coined = cached((term) => (corpus.corpusDocs(term) >= 3 && corpus.cohesion(term) >= MIN_COHESION ? null : 'fragment'));
  return (term) => {
    const v = dictionary(term);
    return v === 'coined' ? coined(term) : v;
  };
}

/**
 * The gate from the dictionaries alone, with 'coined' for a token the HMM coined (its cohesion
 * and its suggestions are the corpus's, wordGate's). Topic names take it as it is (their scopes
 * are reused by their own content: a verdict there never changes with suggestions outside them),
 * and the hot words' gate adds the corpus's evidence to the same verdicts (withCorpusEvidence).
 */
export function dictionaryGate(inputs: DictionaryGateInputs): (term: string) => DictionaryVerdict {
  const civicShare = (t: string): number => (inputs.civic.df.get(t) ?? 0) / inputs.civic.paragraphs;
  const decide = (term: string): DictionaryVerdict => {
    if (CODE.test(term) || UNIT_TWICE.test(term)) return 'code';
    if (PERSON_BY_OFFICE.test(term)) return 'tag';
    if (civicShare(term) >= CIVIC_GENERIC_SHARE) return 'civic-generic';
    if (inputs.genericHeads?.has(term)) return 'generic-head';
    // an idiom says how a writer feels or how things are (苦不堪言, 提心吊胆, 光阴荏苒), not what the
    // suggestion is about — unless civic language uses it as a term, or a dictionary enters it as one
    if (inputs.civic.idioms.has(term) && (inputs.civic.df.get(term) ?? 0) < IDIOM_CIVIC_DF && !(inputs.entered?.(term) ?? false))
      return 'idiom';
    const tagged = inputs.tag(term);
    // a term holding such a token (alone, or a piece of a phrase: 市经+开区, A+市楚府), unless a lexicon knows it
    if (tagged.some((w) => w.tag === 'x' && UNIT_FIRST.test(w.word)) && !inputs.civic.known.has(term)) return 'code';
    if (tagged.length !== 1) return phraseVerdict(tagged);
    const tag = tagged[0]!.tag;
    if (tag === 'x' || tag === 'eng') {
      // a token in no dictionary: a word only if it holds together here, or a lexicon knows it
      if (/^[\x21-\x7e]+$/.test(term)) return null;
      // ending in an administrative unit (西地省, 河蓬乡, the tail 地省): a place name the dictionaries lack, refused as 'ns' is;
      // a surname and two characters: a person's name (李冬金)
      if (PLACE_NAME.test(term) || PERSON_NAME.test(term)) return 'tag';
      if (inputs.civic.known.has(term)) return null;
      return 'coined';
    }
    return tagVerdict(term, tag);
  };
  const tagVerdict = (term: string, tag: string): GateReason | null => {
    if (CLOSED_TAGS.has(tag)) return 'tag';
    const idf = inputs.backgroundIdf.get(term) ?? Infinity;
    if (tag === 'v' || tag === 'vd' || tag === 'vg') return idf >= SPECIFIC_VERB_IDF && !REDUPLICATED.test(term) ? null : 'generic-verb';
    if (tag === 'vn' || tag === 'an') return idf >= SPECIFIC_NOUNISH_IDF && !REDUPLICATED.test(term) ? null : 'generic-verb';
    return null;
  };
  // a term the dictionaries cut in pieces (a detected phrase such as 老年+助餐): no piece may be a function
  // word, every piece of two or more characters must pass on its own (建设+口袋公园 does not: 建设 is
  // generic) — but for a generic head after a specific word (惠企+政策, 停车+管理: the modifier makes it
  // specific, as a compound is read) — and the head, the last piece, decides its class
  const phraseVerdict = (tagged: TaggedWord[]): GateReason | null => {
    const words = tagged.filter((w) => /[\p{L}\p{N}]/u.test(w.word));
    if (words.length === 0) return 'tag';
    if (words.some((w) => ['p', 'c', 'u', 'uj', 'ul', 'uz', 'ud', 'ug', 'uv', 'y', 'e', 'o', 'r', 'd'].includes(w.tag))) return 'tag';
    // the head: the last piece that is not a numeral (一路 in 一带+一路 is part of the name, not its head)
    const head = [...words].reverse().find((w) => !['m', 'mq', 'q'].includes(w.tag));
    if (head === undefined) return 'tag';
    let specific = false;
    for (const w of words) {
      const single = [...w.word].length < 2;
      // a surname before a title or a name (胡+厅长, 龚+书记): a person, never a theme
      if (single && w.tag === 'nr') return 'tag';
      // a light verb of one character is no part of a term (有+医生, 让+家长): the HMM joined it to the next word
      if (single && w.tag === 'v' && (inputs.backgroundIdf.get(w.word) ?? Infinity) < LIGHT_VERB_IDF) return 'generic-verb';
      // a numeral piece of a coined phrase is a word there (一带+一路, 三+农); a coined piece of two or more
      // characters is a specific one (惠企 in 惠企+政策)
      if (!single && (w.tag === 'x' || w.tag === 'eng') && !CODE.test(w.word)) specific ||= w !== head;
      if (single || ['x', 'eng', 'm', 'mq', 'q'].includes(w.tag)) continue;
      const piece = CODE.test(w.word) ? 'code' : civicShare(w.word) >= CIVIC_GENERIC_SHARE ? 'civic-generic' : tagVerdict(w.word, w.tag);
      if (piece === null) specific ||= w !== head;
      else if (w === head && specific && (piece === 'civic-generic' || piece === 'generic-verb') && NOUN_HEAD.test(w.tag)) continue;
      else if (!(w !== words[words.length - 1] && (w.tag === 'a' || w.tag === 'ns' || w.tag === 's'))) return piece;
    }
    return head.tag === 'x' || head.tag === 'eng' ? null : CLOSED_TAGS.has(head.tag) && head.tag !== 'a' && head.tag !== 'b' ? 'tag' : null;
  };
  return cached(decide);
}

/** `decide` with its verdicts kept per term. */
function cached<V>(decide: (term: string) => V | null): (term: string) => V | null {
  const cache = new Map<string, V | null>();
  return (term) => {
    let v = cache.get(term);
    if (v === undefined && !cache.has(term)) {
      v = decide(term);
      cache.set(term, v);
    }
    return v ?? null;
  };
}

/**
 * Character cohesion of a coined token over a corpus's texts: the lowest PMI
 * over its split points, ln(c(token)·N / (c(left)·c(right))), with N the
 * texts' length (the measure of the dictionary-gap search). c(token) is the
 * token's occurrences as the segmenter cut it (`occurrences`); single
 * characters are counted in one pass over the texts (taken one at a time,
 * never held together); a longer piece (of a token of three or more
 * characters) in `sample`, scaled to N.
 */
export function characterCohesion(texts: Iterable<string>, tokenCount: (term: string) => number, sample: string): (term: string) => number {
  const units = new Float64Array(65536);
  let n = 0;
  for (const t of texts) {
    n += t.length;
    for (let i = 0; i < t.length; i++) units[t.charCodeAt(i)]!++;
  }
  const scale = sample.length > 0 ? n / sample.length : 0;
  const pieces = new Map<string, number>();
  const count = (s: string): number => {
    if (s.length === 1) return units[s.charCodeAt(0)]!;
    let c = pieces.get(s);
    if (c === undefined) {
      c = occurrences(sample, s) * scale;
      pieces.set(s, c);
    }
    return c;
  };
  return (term) => {
    const chars = [...term];
    if (chars.length < 2) return 0;
    const whole = tokenCount(term);
    if (whole === 0) return 0;
    let lowest = Infinity;
    for (let k = 1; k < chars.length; k++) {
      const l = Math.max(whole, count(chars.slice(0, k).join('')));
      const r = Math.max(whole, count(chars.slice(k).join('')));
      lowest = Math.min(lowest, Math.log((whole * n) / (l * r)));
    }
    return lowest;
  };
}
