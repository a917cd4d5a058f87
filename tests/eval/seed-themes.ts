import type Database from 'better-sqlite3';

/** The hot themes the 2021 report of ../shared/seed names, as the themes issue lists them. */
export const SEED_THEMES = [
  '精品小区',
  '老年助餐',
  '停车难',
  '加装电梯',
  '垃圾分类',
  '盲道',
  '里弄房屋',
  '数字化转型',
  '产业基金',
  '营商环境',
  '餐饮油烟',
  '公交线路',
  '技防设施',
  '老年人住院',
];

/**
 * Which seed themes a database's 2021 category lists name in their top 20, as a theme family
 * (its name or a member phrase) or a hot word, a listed item containing the theme counting.
 */
export function seedThemesListed(db: Database.Database, top = 20): { found: string[]; missing: string[] } {
  const listed: string[] = [];
  for (const r of db.prepare('SELECT theme, members FROM themes WHERE year = 2021 AND category IS NOT NULL AND rank <= ?').all(top) as {
    theme: string;
    members: string;
  }[]) {
    listed.push(r.theme, ...(JSON.parse(r.members) as { phrase: string }[]).map((m) => m.phrase));
  }
  for (const r of db.prepare('SELECT term FROM keywords WHERE year = 2021 AND category IS NOT NULL AND rank <= ?').all(top) as {
    term: string;
  }[])
    listed.push(r.term);
  const found = SEED_THEMES.filter((t) => listed.some((l) => l.includes(t)));
  return { found, missing: SEED_THEMES.filter((t) => !found.includes(t)) };
}
