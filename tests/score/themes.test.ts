import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { beforeAll, describe, expect, it } from 'vitest';
import { run } from '../../src/run.ts';
import { readCorpus } from '../../src/corpus/read-corpus.ts';
import { loadBackgroundIdf } from '../../src/segment/background-idf.ts';
import { loadCivicBackground } from '../../src/segment/civic-background.ts';
import { createSegmenter } from '../../src/segment/create-segmenter.ts';
import { loadLexicon } from '../../src/segment/lexicon.ts';
import { stripMarkup } from '../../src/segment/markup.ts';
import { loadTagFixes, loadTitleFrames } from '../../src/segment/title-frames.ts';
import { fixedTagger } from '../../src/segment/tagger.ts';
import { recordText } from '../../src/segment/document-terms.ts';
import { CLOUD_TITLE_WEIGHT } from '../../src/score/cloud-words.ts';
import { themeFamilies, stripFrame, titleThemes } from '../../src/score/themes.ts';
import { LIGHT_VERB_IDF, MIN_COHESION, SPECIFIC_VERB_IDF, characterCohesion, wordGate } from '../../src/score/word-gate.ts';
import { seedThemesListed } from '../eval/seed-themes.ts';

// the real dictionaries and the real jieba, as a run loads them
const lexicon = loadLexicon({}, []);
const segmenter = createSegmenter({ backend: 'node-rs', userWords: lexicon.userWords });
const frames = loadTitleFrames();
const backgroundIdf = loadBackgroundIdf();
const civic = loadCivicBackground();
const tag = fixedTagger(segmenter, loadTagFixes());

describe('the title frame', () => {
  it('is taken away: 关于…的建议 and the action words around the theme', () => {
    expect(stripFrame('关于加快推进精品小区建设的建议', frames)).toBe('加快推进精品小区建设');
    expect(stripFrame('关于疫情期间老年人住院问题的建议。', frames)).toBe('疫情期间老年人住院');
    const themes = (title: string): string[] => titleThemes(title, '', tag, frames, lexicon, () => true).phrases;
    expect(themes('关于加快推进精品小区建设的建议')).toEqual(['精品小区']);
    expect(themes('关于完善老年助餐点布局的建议')).toEqual(['老年助餐']); // synonyms.txt: 老年助餐点 => 老年助餐
    expect(themes('关于生活垃圾分类长效推进的建议')).toEqual(['垃圾分类']); // the synonym's canonical form
    expect(themes('关于缓解妇幼保健院周边停车难的建议')).toEqual(['妇幼保健院', '停车难']);
    expect(themes('关于整治违法搭建和群租的建议')).toContain('群租');
    // 管理 after what is managed is the frame's generic head; 城市管理, a term of the civic dictionary, stays whole
    expect(themes('关于加强建筑工地文明施工管理的建议')).toEqual(['建筑工地文明施工']);
    expect(themes('关于加强城市管理的建议')).toEqual(['城市管理']);
    // 供给 of what is supplied likewise; 困难群体, a civic term, keeps its 困难 (jieba: an adjective-noun)
    expect(themes('关于增加保障性租赁住房供给的建议')).toEqual(['保障性租赁住房']);
    expect(themes('关于加强困难群体就业援助的建议')).toEqual(['困难群体就业援助']);
    // a letter's question is frame too
    expect(themes('公交线路何时能延长到小区')).toEqual(['公交线路', '小区']);
    // a single word is a theme on its own only if it is specific (宣传 is not)
    const specific = (t: string): boolean => (backgroundIdf.get(t) ?? Infinity) >= 7;
    expect(titleThemes('关于加强电信诈骗防范宣传的建议', '', tag, frames, lexicon, () => true, specific).phrases).toEqual(['电信诈骗']);
    expect(titleThemes('关于加强电信诈骗防范宣传的建议', '', tag, frames, lexicon, () => true).phrases).toEqual(['电信诈骗', '宣传']);
  });

  it('neither begins nor ends with a place: a code, a jurisdiction or a place name the HMM cut apart', () => {
    // titles of the labelled messages (places anonymised as codes: A7县, M6州)
    const themes = (title: string): string[] => titleThemes(title, '', tag, frames, lexicon, () => true).phrases;
    expect(themes('西地省独生子女证有哪些优惠政策？')).toContain('独生子女证');
    expect(themes('200套廉租房给M6州州化工冶炼厂无房职工，为什么有房的人也分得到？')).toContain('化工冶炼厂无房职工');
    expect(themes('A7县星沙街办事处不作为')).not.toContain('A7县星沙街办事处');
    // a title's district is not its theme
    expect(themes('关于长宁区精品小区建设的建议')).toEqual(['精品小区']);
  });

  it('neither begins nor ends with a token the HMM coined that no one knows as a word', () => {
    // short messages with no title: the first sentence stands for one (t3946, t3738 of the labelled titles)
    const known = (t: string): boolean => (civic.df.get(t) ?? 0) > 0 || civic.known.has(t);
    const themes = (text: string): string[] =>
      titleThemes(
        '',
        text,
        tag,
        frames,
        lexicon,
        () => true,
        () => true,
        known,
      ).phrases;
    expect(themes('D9县客运市场太乱，无人整顿')).toContain('客运市场');
    expect(themes('I市富兴嘉城小区老能听到货运声音，严重扰民')).toContain('小区');
    expect(themes('I市富兴嘉城小区老能听到货运声音，严重扰民')).not.toContain('小区老能');
    // civic language knows 托养 (the reports' 残疾人托养), which the dictionaries do not
    expect(themes('关于加强残疾人托养的建议')).toEqual(['残疾人托养']);
  });

  it('uses the first sentence when there is no title', () => {
    const t = titleThemes('', '小区加装电梯进展缓慢。加装电梯要居民同意。', tag, frames, lexicon, () => true);
    expect(t.phrases.join(' ')).toContain('加装电梯');
    expect(t.mentions[t.phrases.findIndex((p) => p.includes('加装电梯'))]).toBe(2);
  });
});

/** Letters about something else, so that a token's letters are not the whole corpus its cohesion is measured over. */
const UNRELATED = [
  '小区门口的道路坑坑洼洼，雨天积水，老人孩子出行不便，希望尽快修补',
  '我们村的自来水管道老化漏水严重，反映多次没有人来维修',
];

/**
 * The word gate over `letters` as a corpus, once it is checked that the segmenter coins `token`
 * in `raising` of them and that it holds together there as a word would: only the gate's
 * rule for its shape can refuse it.
 */
function gateOverCoined(letters: readonly string[], token: string, raising: number): (term: string) => string | null {
  expect(letters.filter((t) => segmenter.cut(t).includes(token))).toHaveLength(raising);
  expect(segmenter.tag(token)).toEqual([{ word: token, tag: 'x' }]);
  const text = letters.join('\n');
  const cohesion = characterCohesion(letters, (t) => text.split(t).length - 1, text);
  expect(cohesion(token)).toBeGreaterThanOrEqual(MIN_COHESION);
  return wordGate({ tag, backgroundIdf, civic, cohesion, corpusDocs: (t) => letters.filter((x) => x.includes(t)).length });
}

describe('the word gate', () => {
  const texts = ['分要按时提交材料，部分要求不合理。', '盲道被占用，盲道不连续，盲人出行难。', '盲道上停满了车。', '盲道改造后仍有问题。'];
  const gate = wordGate({
    tag,
    backgroundIdf,
    civic,
    cohesion: characterCohesion(texts, (t) => texts.join('\n').split(t).length - 1, texts.join('\n')),
    corpusDocs: (t) => texts.filter((x) => x.includes(t)).length,
  });

  it('stops an idiom that describes, and keeps one civic language or a dictionary uses as a term', () => {
    // in no government work report: how a writer feels or how things are, never a theme
    for (const w of ['苦不堪言', '提心吊胆', '光阴荏苒', '养家糊口']) expect(gate(w), w).toBe('idiom');
    expect(gate('不正之风')).toBeNull(); // 37 paragraphs of the reports
    expect(gate('绿水青山')).toBeNull(); // 5
    expect(gate('偷工减料')).toBe('idiom'); // 1 paragraph: the gate alone does not know it
    const entered = wordGate({
      tag,
      backgroundIdf,
      civic,
      cohesion: () => 0,
      corpusDocs: () => 0,
      entered: (t) => lexicon.userWords.some((w) => w.word === t),
    });
    expect(entered('偷工减料')).toBeNull(); // dictionaries/civic.dict.txt enters it: the wrong a letter complains of
    expect(entered('苦不堪言')).toBe('idiom');
  });

  it('stops a title frame’s generic head alone, not a phrase it ends', () => {
    const heads = wordGate({ tag, backgroundIdf, civic, cohesion: () => 0, corpusDocs: () => 0, genericHeads: frames.generic });
    for (const w of ['设施', '质量', '能力', '效率', '环境']) expect(heads(w), w).toBe('generic-head');
    for (const w of ['服务设施', '空气质量', '营商环境', '油烟']) expect(heads(w), w).toBeNull();
  });

  it('lets content words through and stops function words, numbers and generic verbs by their tags', () => {
    for (const w of ['加装电梯', '精品小区', '拖欠', '污染', '油烟']) expect(gate(w), w).toBeNull();
    expect(gate('难以')).toBe('tag'); // adverb
    expect(gate('周边')).toBe('tag'); // place word
    expect(gate('一条')).toBe('tag'); // numeral
    expect(gate('产生')).toBe('generic-verb'); // jieba tags it a noun; dictionaries/tag-fixes.txt says verb
    expect(gate('收到')).toBe('generic-verb');
    expect(gate('服务')).toBe('generic-verb');
    expect(gate('发展')).toBe('civic-generic');
    // tagged nouns by jieba, but an adjective, a pronoun and a modal in letters (dictionaries/tag-fixes.txt)
    for (const w of ['合格', '公道', '无人', '不准', '普通', '不力', '实地', '百分之', '迫于', '为名', '距离远', '透明', '动态'])
      expect(gate(w), w).toBe('tag');
    expect(gate('学学')).toBe('generic-verb');
    // a verb said twice is colloquial, however rare it is in general Chinese (查查: IDF above the verbs' line)
    expect(segmenter.tag('查查')[0]!.tag).toBe('v');
    expect(backgroundIdf.get('查查')!).toBeGreaterThanOrEqual(SPECIFIC_VERB_IDF);
    expect(gate('查查')).toBe('generic-verb');
    expect(gate('看看')).toBe('generic-verb');
    // also where jieba tags it a verbal noun (管管: listed in the labelled messages' 2020 交通运输)
    expect(segmenter.tag('管管')[0]!.tag).toBe('vn');
    expect(gate('管管')).toBe('generic-verb');
  });

  it('refuses a term that begins with a light verb the HMM joined to the next word (有+医生), not a verb-noun term (死+猪)', () => {
    expect(segmenter.tag('有医生').map((w) => w.word)).toEqual(['有', '医生']);
    expect(backgroundIdf.get('有')!).toBeLessThan(LIGHT_VERB_IDF);
    expect(gate('有医生')).toBe('generic-verb');
    expect(gate('有责任')).toBe('generic-verb');
    expect(gate('医生')).toBeNull();
    // 死 is a verb too, but not a light one: 死猪 (dead pigs in a river) is an environmental theme
    expect(segmenter.tag('死猪').map((w) => w.word)).toEqual(['死', '猪']);
    expect(gate('死猪')).toBeNull();
  });

  it('lets a specific word make a phrase of a generic noun head (惠企+政策), never a generic word before its head', () => {
    // 政策 and 管理 alone are generic, in civic language and in general Chinese
    expect(gate('政策')).toBe('civic-generic');
    expect(gate('管理')).toBe('generic-verb');
    for (const [phrase, pieces] of [
      ['惠企政策', ['惠企/x', '政策/n']],
      ['补贴政策', ['补贴/n', '政策/n']],
      ['停车管理', ['停车/v', '管理/vn']],
    ] as const) {
      expect(tag(phrase).map((w) => `${w.word}/${w.tag}`)).toEqual(pieces);
      expect(gate(phrase), phrase).toBeNull();
    }
    // a generic word before the head (建设+口袋公园), a generic verb after a specific word (独居老人+安装: a
    // verb and its subject, no compound), a place code before a generic head: still refused
    expect(gate('建设口袋公园')).toBe('civic-generic');
    expect(gate('独居老人安装')).toBe('generic-verb');
    expect(gate('加强管理')).toBe('generic-verb');
    expect(gate('L12政策')).toBe('civic-generic');
  });

  it('shows a token the HMM coined only if its characters hold together across the corpus', () => {
    expect(segmenter.tag('分要')[0]!.tag).toBe('x');
    expect(gate('分要')).toBe('fragment');
    expect(gate('D5')).toBe('code');
    expect(gate('A市')).toBe('code');
    // a place code's unit meeting the next word's (L8县 + 县城): the token 县县 is no word
    expect(gate('县县')).toBe('code');
    expect(gate('A7县人')).toBe('code');
    // a surname before a title: the person a letter is written to
    expect(tag('胡厅长').map((w) => `${w.word}/${w.tag}`)).toEqual(['胡/nr', '厅长/n']);
    expect(gate('胡厅长')).toBe('tag');
    // so is one that jieba's dictionary holds as one word (刘厅长, 陈书记: listed in the labelled
    // messages' 2013 环境保护 and their whole-corpus lists); an office alone, or a village's, is no person
    for (const person of ['刘厅长', '陈书记']) {
      expect(tag(person).map((w) => `${w.word}/${w.tag}`)).toEqual([`${person}/nr`]);
      expect(gate(person), person).toBe('tag');
    }
    expect(gate('村主任')).toBeNull();
    expect(gate('总书记')).toBeNull();
    expect(gate('PM2.5')).toBeNull();
  });

  it('refuses a coined place name (the HMM’s token ending in 省, 市, 县, 区, 镇, 乡, 村 or 州), however well it holds together', () => {
    // the labelled messages' anonymised province: in 487 of them, cohesive, and no theme of any category
    expect(segmenter.tag('西地省')[0]!.tag).toBe('x');
    const province = [
      '西地省教育厅规定今年的中考加分政策有变化，请问具体怎么执行',
      '西地省医保政策对异地就医的报销比例是多少，家里老人长期住院',
      '西地省高速收费站节假日排队很长，希望增加人工通道缓解拥堵',
      '来自西地省的游客反映景区门票价格偏高，服务质量也有待提高',
    ];
    const cohesion = characterCohesion(province, (t) => province.join('\n').split(t).length - 1, province.join('\n'));
    // as a coined token it holds together and stands in enough suggestions: only its ending refuses it
    expect(cohesion('西地省')).toBeGreaterThanOrEqual(MIN_COHESION);
    const inProvince = wordGate({ tag, backgroundIdf, civic, cohesion, corpusDocs: (t) => province.filter((x) => x.includes(t)).length });
    expect(inProvince('西地省')).toBe('tag');
    // a word of the dictionaries with such an ending is judged by its tag as before
    expect(gate('精品小区')).toBeNull();
    expect(gate('社区')).toBeNull();
  });

  it('refuses the tail of a place name the segmenter cut apart (向西+地省), however well it holds together', () => {
    // the labelled messages' 向西地省…: jieba takes 向西 (westwards) as a word and coins 地省
    const letters = [
      '我们多次向西地省信访局反映拖欠工资的问题，至今没有答复',
      '村民向西地省环保厅举报砖厂污染，请尽快查处',
      '家长向西地省教育厅反映学校乱收费，希望得到解决',
      '业主向西地省住建厅反映开发商延期交房，请求督办',
    ];
    expect(gateOverCoined(letters, '地省', 4)('地省')).toBe('tag');
  });

  it('refuses a person’s full name the HMM coined (a surname and two characters), however often a letter names them', () => {
    const letters = [
      '李冬金长期霸占集体土地，村民多次反映无人处理',
      '请上级调查李冬金的违规行为，还村民一个公道',
      '李冬金在村里横行霸道，威胁举报人',
      ...UNRELATED,
    ];
    expect(gateOverCoined(letters, '李冬金', 3)('李冬金')).toBe('tag');
  });

  it('refuses the unit of a place code run into the next word (A市+楚府东路 → 市楚府), alone or in a phrase', () => {
    const letters = [
      'A市楚府东路没有地下通道，行人过马路很危险',
      'A市楚府路快速化改造工期太长，周边堵车严重',
      '请问A市楚府东路的公交站什么时候恢复',
      'A市楚府路段夜间施工噪音扰民',
      ...UNRELATED,
    ];
    const inLetters = gateOverCoined(letters, '市楚府', 4);
    expect(inLetters('市楚府')).toBe('code');
    // the phrase the code letter makes with it
    expect(inLetters('A市楚府')).toBe('code');
    // words of the dictionaries that begin with a unit are judged as before
    for (const w of ['市场', '县城', '区政府', '省会']) expect(inLetters(w), w).not.toBe('code');
  });
});

describe('theme families', () => {
  // every word equally specific; `isKey` says which may name a family
  const familiesOf = (docs: Parameters<typeof themeFamilies>[0], isKey: (t: string) => boolean = () => true) =>
    themeFamilies(docs, { specificity: () => 1, isKey, tokens: (p) => segmenter.cut(p), subWords: (p) => segmenter.subWords(p) });

  it('list the first `limit` families of each scope of the ranking of all of them, ties at the limit included (the sample)', async () => {
    const corpus = await readCorpus(
      ['suggestions-2020.csv', 'suggestions-2021.csv'].map((f) => join(import.meta.dirname, '../../data/sample', f)),
    );
    const docs = corpus.records.map((r) => ({
      id: r.id,
      category: r.category,
      year: r.year,
      ...titleThemes(r.title, r.text, tag, frames, lexicon, () => true),
    }));
    // every word equally specific: many families of one suggestion tie on score and suggestions
    const options = {
      specificity: () => 1,
      isKey: () => true,
      tokens: (p: string) => segmenter.cut(p),
      subWords: (p: string) => segmenter.subWords(p),
    };
    const all = themeFamilies(docs, { ...options, limit: 100_000 });
    for (let limit = 1; limit <= 12; limit++)
      expect(themeFamilies(docs, { ...options, limit })).toEqual(all.filter((f) => f.rank <= limit));
    const key = (f: { category: string | null; year: number | null }): string => `${f.category}|${f.year}`;
    // ties at the third place, which the family's name breaks
    const tied = [...new Set(all.map(key))].filter((k) => {
      const scope = all.filter((f) => key(f) === k);
      return scope.length > 3 && scope[2]!.score === scope[3]!.score && scope[2]!.docs === scope[3]!.docs;
    });
    expect(tied.length).toBeGreaterThan(0);
  });

  it('join phrases that share a specific word and count the suggestions raising any member', () => {
    const docs = [
      { id: '1', category: '交通', year: 2021, phrases: ['停车难'] },
      { id: '2', category: '交通', year: 2021, phrases: ['共享停车'] },
      { id: '3', category: '交通', year: 2021, phrases: ['停车难', '公交线路'] },
      { id: '4', category: '城建', year: 2021, phrases: ['加装电梯'] },
      { id: '5', category: '城建', year: 2021, phrases: ['电梯安全评估'] },
      { id: '6', category: '城建', year: 2021, phrases: ['盲道'] },
    ];
    const families = familiesOf(docs, (t) => t !== '评估');
    const traffic = families.filter((f) => f.category === '交通' && f.year === 2021);
    const parking = traffic.find((f) => f.members.some((m) => m.phrase === '共享停车'))!;
    expect(parking.members.map((m) => m.phrase).sort()).toEqual(['停车难', '共享停车'].sort());
    expect(parking.docs).toBe(3);
    expect(parking.theme).toBe('停车难');
    expect(traffic[0]!.theme).toBe('停车难');
    const lift = families.find((f) => f.category === '城建' && f.year === null && f.members.some((m) => m.phrase === '加装电梯'))!;
    expect(lift.members.map((m) => m.phrase).sort()).toEqual(['加装电梯', '电梯安全评估'].sort());
    expect(families.find((f) => f.category === '城建' && f.year === null && f.theme === '盲道')!.docs).toBe(1);
  });

  it('weigh a category in one session against the other categories of every session', () => {
    // 加装电梯 was raised by 交通 in 2020: held against 城建's 2021 session; 口袋公园 by no other category
    const docs = [
      { id: '1', category: '城建', year: 2021, phrases: ['加装电梯'] },
      { id: '2', category: '城建', year: 2021, phrases: ['口袋公园'] },
      { id: '3', category: '交通', year: 2020, phrases: ['加装电梯'] },
      { id: '4', category: '交通', year: 2021, phrases: ['停车难'] },
    ];
    const families = familiesOf(docs);
    const session = families.filter((f) => f.category === '城建' && f.year === 2021);
    expect(session.map((f) => f.theme)).toEqual(['口袋公园', '加装电梯']);
    // share ½ in the session; among the 2 suggestions of other categories, 0 and 1 raise them (smoothed by ½)
    expect(session[0]!.score).toBeCloseTo(0.5 * Math.log(0.5 / (0.5 / 2.5)), 9);
    expect(session[1]!.score).toBeLessThan(session[0]!.score / 100);
  });

  it('are named by the member most of their suggestions raise, not by a shared word that means something else', () => {
    const docs = [
      ...['出租车', '出租车', '出租车司机', '出租车市场', '出租房'].map((p, i) => ({
        id: `t${i}`,
        category: '交通',
        year: 2021,
        phrases: [p],
      })),
      { id: 'c1', category: '城建', year: 2021, phrases: ['公厕', '公厕服务水平'] },
      { id: 'c2', category: '城建', year: 2021, phrases: ['盲道'] },
      ...['停车难', '共享停车', '停车位'].map((p, i) => ({ id: `p${i}`, category: '城建', year: 2021, phrases: [p] })),
      // two suggestions, two themes that share a word: neither stands for both
      { id: 'n1', category: '环境', year: 2021, phrases: ['施工扰民'] },
      { id: 'n2', category: '环境', year: 2021, phrases: ['餐饮油烟扰民'] },
    ];
    const families = familiesOf(docs);
    const named = (phrase: string): string =>
      families.find((f) => f.category !== null && f.year === null && f.members.some((m) => m.phrase === phrase))!.theme;
    // 出租 (renting) is what the five share; four of five raise 出租车 (taxis)
    expect(named('出租车司机')).toBe('出租车');
    // one title, two members: the shorter says it all
    expect(named('公厕服务水平')).toBe('公厕');
    // no member stands for most of them: the shared word
    expect(named('共享停车')).toBe('停车');
    // nor when one member is raised by just half of them: 施工扰民 would count a suggestion about cooking fumes
    expect(named('餐饮油烟扰民')).toBe('扰民');
  });
});

describe('markup', () => {
  it('is not text: tags and entities are taken out of what is segmented, the stored text stays', () => {
    const html = '<p>小区&nbsp;加装电梯</p><img src="a.png"><br/>楼道&lt;狭窄&gt;&#x5C0F;&amp;';
    expect(stripMarkup(html).replace(/ +/g, ' ')).toBe(' 小区 加装电梯 楼道<狭窄>小&');
    const words = segmenter.cut(recordText({ title: '', text: html }));
    for (const w of ['p', 'img', 'src', 'nbsp', 'br', 'png']) expect(words).not.toContain(w);
    expect(words).toContain('加装电梯');
  });

  it('takes web and mail addresses out too, as the labelled messages quote them', () => {
    // (the first link as the labelled messages quote theirs)
    const text = '详细情况概有说明https://baidu.com/这网站上，或见www.example.gov.cn/a?b=1。来信请寄 xf_office@example.cn 谢谢';
    expect(stripMarkup(text).replace(/ +/g, ' ')).toBe('详细情况概有说明 这网站上，或见 。来信请寄 谢谢');
    const words = segmenter.cut(recordText({ title: '', text }));
    for (const w of ['https', 'baidu', 'com', 'www', 'example', 'gov', 'cn', 'xf', 'office']) expect(words).not.toContain(w);
  });
});

describe('the bundled 2021 session', () => {
  const out = mkdtempSync(join(tmpdir(), 'hotwords-themes-'));
  let db: Database.Database;
  beforeAll(async () => {
    await run({
      inputs: ['data/sample/suggestions-2020.csv', 'data/sample/suggestions-2021.csv'],
      out,
      noClouds: true,
      noTopics: true,
      noDictGaps: true,
    });
    db = new Database(join(out, 'hotwords.sqlite'), { readonly: true });
  }, 60_000);

  it('names the seed report’s themes in the 2021 category lists (themes or hot words, top 20)', () => {
    const { found, missing } = seedThemesListed(db);
    expect(found.length, `missing: ${missing.join(' ')}`).toBeGreaterThanOrEqual(12);
  });

  it('keeps filler out of every keyword list', () => {
    const terms = new Set((db.prepare('SELECT term FROM keywords WHERE year = 2021').all() as { term: string }[]).map((r) => r.term));
    for (const w of ['服务', '周边', '难以', '安全', '发展', '管理', '建设']) expect(terms.has(w), w).toBe(false);
    // nor the policy words that qualify a theme (the issue found 试点 清单 重点 深化 in 经济发展)
    for (const w of ['试点', '清单', '重点', '深化', '搭建', '配套']) expect(terms.has(w), w).toBe(false);
  });

  it('draws the session’s themes biggest in its clouds, and each thing once', () => {
    type Entry = { text: string; value: number; kind: string };
    const clouds = JSON.parse(readFileSync(join(out, 'json', 'wordclouds.json'), 'utf8')) as {
      scopes: { category: string | null; year: number | null; words: { text: string }[]; cloud: Entry[] }[];
    };
    const scope = clouds.scopes.find((s) => s.year === 2021 && s.category === '城区建设与管理')!;
    const biggest = [...scope.cloud].sort((a, b) => b.value - a.value).slice(0, 3);
    // 加装电梯 (加装电梯, 电梯安全评估, 加装电梯资金补贴) and 扰民 (施工扰民, 餐饮油烟扰民) are titles'
    // themes; 监测 or 资金 are not
    expect(biggest.map((e) => e.kind)).toEqual(['theme', 'theme', 'theme']);
    expect(biggest.map((e) => e.text)).toEqual(expect.arrayContaining(['加装电梯', '扰民']));
    // a word inside another is drawn only if more suggestions raise it (老人 beside 独居老人)
    for (const scopeOf of clouds.scopes)
      for (const [i, a] of scopeOf.cloud.entries())
        for (const b of scopeOf.cloud.slice(0, i)) {
          const [short, long] = a.text.length < b.text.length ? [a, b] : [b, a];
          if (short.text.length >= 2 && long.text.includes(short.text))
            expect(short === a && a.value > b.value, `${a.text} after ${b.text}`).toBe(true);
        }
    // the hot words themselves: 休憩设施 is listed, and 休憩 (as many suggestions) not beside it
    const words = scope.words.map((w) => w.text);
    expect(words).toContain('休憩设施');
    expect(words).not.toContain('休憩');
    // in every cloud the five biggest are things titles name (a family, or a word a title's theme
    // is): a word only mentioned, in however many suggestions, is drawn smaller — 资金 in
    // 加装电梯资金补贴 is mentioned, not named (the cloud's caption: 以之为题者计 10 件)
    for (const scopeOf of clouds.scopes) {
      const top5 = [...scopeOf.cloud].sort((a, b) => b.value - a.value).slice(0, 5);
      for (const e of top5)
        expect(e.kind === 'theme' || e.value >= 1 + CLOUD_TITLE_WEIGHT, `${e.text} in ${scopeOf.category}/${scopeOf.year}`).toBe(true);
    }
    const funds = scope.cloud.find((e) => e.text === '资金')!;
    expect(funds.kind).toBe('word');
    expect(funds.value).toBeLessThan(1 + CLOUD_TITLE_WEIGHT);
  });

  it('finds a theme in every title of the sample, a dictionary word alone too', () => {
    const themeless = db
      .prepare(
        "SELECT id FROM documents d WHERE NOT EXISTS (SELECT 1 FROM document_keywords k WHERE k.document_id = d.id AND k.kind = 'theme')",
      )
      .all() as { id: string }[];
    expect(themeless.map((r) => r.id)).toEqual([]);
    // 关于支持中小企业复工复产的建议: 中小企业 is in the civic dictionary, though common enough in general
    // Chinese (jieba IDF 6.8) that a word of no dictionary would need more to be a theme alone
    const first = db.prepare("SELECT term FROM document_keywords WHERE document_id = 'R2020-001' AND rank = 1").get() as { term: string };
    expect(first.term).toBe('中小企业');
  });

  it('lists each suggestion’s own keywords: its themes first, at most 8', () => {
    const rows = db.prepare("SELECT term, kind, rank FROM document_keywords WHERE document_id = 'R2021-012' ORDER BY rank").all() as {
      term: string;
      kind: string;
      rank: number;
    }[];
    expect(rows[0]).toMatchObject({ term: '精品小区', kind: 'theme', rank: 1 });
    expect(rows.length).toBeLessThanOrEqual(8);
    expect(rows.slice(1).every((r) => r.kind === 'word')).toBe(true);
    const worst = db.prepare('SELECT MAX(n) AS n FROM (SELECT COUNT(*) AS n FROM document_keywords GROUP BY document_id)').get() as {
      n: number;
    };
    expect(worst.n).toBeLessThanOrEqual(8);
    // eight places say eight things: no term of a suggestion's list inside another of it (后续 beside
    // 后续维保, 简化加装电梯 beside 加装电梯 were in R2021-013's)
    const lists = new Map<string, string[]>();
    for (const r of db.prepare('SELECT document_id, term FROM document_keywords ORDER BY document_id, rank').all() as {
      document_id: string;
      term: string;
    }[])
      lists.set(r.document_id, [...(lists.get(r.document_id) ?? []), r.term]);
    const overlapping = [...lists].flatMap(([id, terms]) =>
      terms.flatMap((a, i) =>
        terms
          .slice(i + 1)
          .filter((b) => a.includes(b) || b.includes(a))
          .map((b) => `${id}: ${a} / ${b}`),
      ),
    );
    expect(overlapping).toEqual([]);
    expect(lists.get('R2021-013')!.slice(0, 2)).toEqual(['加装电梯', '后续维保']);
  });
});
