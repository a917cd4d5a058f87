// 建议分布分析: draws the hotwords JSON export embedded in the page.
// Every string from the data goes into the page through textContent or
// d3's .text(): a suggestion's text is shown as text, never parsed as HTML.
(function () {
  'use strict';
  const data = JSON.parse(document.getElementById('hotwords-data').textContent);
  const dist = data.distribution;
  const clouds = data.wordclouds;
  const trends = data.trends;
  const topics = data.topics;
  const evidence = data.evidence;
  const ALL = '';
  const palette = ['#4e79a7', '#f28e2b', '#e15759', '#76b7b2', '#59a14f', '#edc948', '#b07aa1', '#ff9da7', '#9c755f', '#bab0ac'];
  const categories = [...new Set(clouds.scopes.map((s) => s.category).filter((c) => c !== null))].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  const colorOf = (c) => (c === null ? '#34495e' : palette[categories.indexOf(c) % palette.length]);
  const years = dist.years.map((y) => y.year);

  const yearSelect = document.getElementById('year');
  const categorySelect = document.getElementById('category');
  for (const y of years) yearSelect.append(new Option(`${y}年`, String(y)));
  yearSelect.append(new Option('全部年度', ALL));
  // the default view: the latest year with at least a tenth of the largest year's suggestions
  // (a year of 10 messages beside one of 485 is no session to brief from)
  const most = Math.max(0, ...dist.years.map((y) => y.documents));
  const shown = [...dist.years].reverse().find((y) => y.documents * 10 >= most);
  yearSelect.value = shown ? String(shown.year) : ALL;
  document.getElementById('year-rule').textContent = shown && shown.year !== years[years.length - 1]
    ? `默认显示${shown.year}年：建议件数不少于最多年份十分之一的最近年度`
    : '';
  categorySelect.append(new Option('全部类别', ALL));
  for (const c of categories) categorySelect.append(new Option(c, c));
  document.getElementById('sources').textContent = `数据来源：${clouds.sources.join('、')}`;

  const state = () => ({
    year: yearSelect.value === ALL ? null : Number(yearSelect.value),
    category: categorySelect.value === ALL ? null : categorySelect.value,
  });

  function widthOf(svg) {
    return svg.node().getBoundingClientRect().width || 600;
  }

  function hbars(selector, rows, opts) {
    const svg = d3.select(selector);
    svg.selectAll('*').remove();
    const width = widthOf(svg);
    const rowH = opts.rowHeight || 22;
    svg.attr('height', Math.max(40, rows.length * rowH + 10));
    if (!rows.length) {
      svg.append('text').attr('x', 8).attr('y', 20).attr('class', 'empty').text('无数据');
      return;
    }
    const left = opts.left || 130;
    const x = d3.scaleLinear().domain([0, d3.max(rows, (r) => r.value) || 1]).range([0, width - left - 120]);
    const g = svg.selectAll('g.row').data(rows).join('g')
      .attr('class', opts.className || 'bar')
      .attr('transform', (_, i) => `translate(0, ${i * rowH + 4})`);
    g.append('text').attr('x', left - 6).attr('y', rowH / 2 + 1).attr('text-anchor', 'end').attr('dominant-baseline', 'middle').text((r) => r.label);
    g.append('rect').attr('x', left).attr('y', 3).attr('height', rowH - 6).attr('width', (r) => Math.max(1, x(r.value))).attr('fill', (r) => r.color || '#4e79a7');
    g.append('text').attr('x', (r) => left + Math.max(1, x(r.value)) + 6).attr('y', rowH / 2 + 1).attr('dominant-baseline', 'middle').text((r) => r.note);
    if (opts.onClick) g.on('click', (_, r) => opts.onClick(r));
    return g;
  }

  function block() {
    const { year } = state();
    return year === null ? dist.all : dist.years.find((y) => y.year === year);
  }

  function drawKpis() {
    const b = block();
    const box = document.getElementById('kpis');
    box.replaceChildren();
    document.getElementById('kpi-title').textContent = b.year === null ? '基本情况（全部年度）' : `基本情况（${b.year}年）`;
    const change = b.change;
    const kpi = (label, value, note, sign) => {
      const div = document.createElement('div');
      div.className = 'kpi';
      const l = document.createElement('div');
      l.textContent = label;
      const v = document.createElement('div');
      v.className = 'value';
      v.textContent = value;
      const n = document.createElement('div');
      n.className = `note ${sign > 0 ? 'up' : sign < 0 ? 'down' : ''}`;
      n.textContent = note;
      div.append(l, v, n);
      box.append(div);
    };
    const pp = (points, from) => (points === null || points === undefined ? '' : `较${from}年${points >= 0 ? '提高' : '下降'}${Math.abs(points).toFixed(2)}个百分点`);
    kpi('建议件数', `${b.documents} 件`, change ? `较${change.fromYear}年${change.documents >= 0 ? '增加' : '减少'}${Math.abs(change.documents)}件` : '', 0);
    // a field the data lack shows 无数据 (the JSON carries null), never 0.00%
    kpi('解决采纳率', b.adoption ? `${b.adoption.rate.toFixed(2)}%` : '无数据', change ? pp(change.adoptionRate, change.fromYear) : '', change ? Math.sign(change.adoptionRate || 0) : 0);
    kpi('主动公开率', b.disclosure ? `${b.disclosure.rate.toFixed(2)}%` : '无数据', change ? pp(change.disclosureRate, change.fromYear) : '', change ? Math.sign(change.disclosureRate || 0) : 0);
  }

  function drawDistribution() {
    const b = block();
    hbars('#by-category', b.byCategory.map((r) => ({ label: r.value, value: r.documents, note: `${r.documents} 件 · ${r.percent.toFixed(1)}%`, color: colorOf(r.value) })), {});
    hbars('#by-result', b.byResult.map((r) => ({ label: r.value, value: r.documents, note: `${r.documents} 件 · ${r.percent.toFixed(2)}%`, color: '#59a14f' })), {});
    hbars('#by-unit', b.byUnit.slice(0, 15).map((r) => ({ label: r.value, value: r.documents, note: `${r.documents} 件`, color: '#76b7b2' })), { left: 170 });
    // categories × years: counts and shares
    const holder = document.getElementById('category-matrix');
    holder.replaceChildren();
    const table = document.createElement('table');
    table.className = 'matrix';
    const head = table.insertRow();
    for (const h of ['类别', ...dist.years.map((y) => `${y.year}年`)]) {
      const th = document.createElement('th');
      th.textContent = h;
      head.append(th);
    }
    for (const c of categories) {
      const row = table.insertRow();
      row.insertCell().textContent = c;
      for (const y of dist.years) {
        const r = y.byCategory.find((x) => x.value === c);
        row.insertCell().textContent = r ? `${r.documents}（${r.percent.toFixed(1)}%）` : '0';
      }
    }
    holder.append(table);
  }

  function scopeWords() {
    const { year, category } = state();
    const scope = clouds.scopes.find((s) => s.year === year && s.category === category);
    return { scope, words: scope ? scope.words.slice(0, 20) : [] };
  }

  function drawWords() {
    const { year, category } = state();
    const { scope, words } = scopeWords();
    document.getElementById('words-title').textContent = `热议词（${year === null ? '全部年度' : `${year}年`} · ${category || '全部类别'}${scope ? ` · 建议 ${scope.documents} 件` : ''}）${scope && scope.documents < 20 ? '（建议不足 20 件，仅供参考）' : ''}`;
    hbars('#words', words.map((w, i) => ({ label: `${i + 1}. ${w.text}`, value: w.docs, note: `${w.docs} 件${w.significant ? ' *' : ''}`, color: colorOf(category), term: w.text })), {
      left: 120, className: 'word-bar', onClick: (r) => drill(r.term),
    });
    const img = document.getElementById('cloud');
    const missing = document.getElementById('cloud-missing');
    const file = (data.clouds || []).find((c) => c.year === year && c.category === category);
    img.hidden = !file;
    missing.hidden = !!file;
    if (file) img.src = file.png;
    else img.removeAttribute('src');
  }

  // theme families of the scope, from the suggestions' titles: name, suggestions, and the members when several
  function drawThemes() {
    const { year, category } = state();
    const scope = clouds.scopes.find((s) => s.year === year && s.category === category);
    const list = document.getElementById('themes');
    list.replaceChildren();
    const themes = scope && scope.themes ? scope.themes : [];
    document.getElementById('themes-empty').hidden = themes.length > 0;
    for (const t of themes) {
      const li = document.createElement('li');
      const name = document.createElement('strong');
      name.textContent = t.theme;
      li.append(name, ` ${t.docs} 件`);
      if (t.members.length > 1 || t.members[0].phrase !== t.theme) {
        const members = document.createElement('span');
        members.className = 'meta';
        members.textContent = `（${t.members.map((m) => m.phrase).join('、')}）`;
        li.append(members);
      }
      list.append(li);
    }
  }

  function drawTrends() {
    const svg = d3.select('#trends');
    svg.selectAll('*').remove();
    const { category } = state();
    const width = widthOf(svg);
    const height = 300;
    const top = (clouds.scopes.find((s) => s.year === null && s.category === category) || { words: [] }).words.slice(0, 6).map((w) => w.text);
    const series = trends.series.filter((s) => s.category === category && top.includes(s.term));
    if (!series.length || trends.years.length < 2) {
      svg.append('text').attr('x', 8).attr('y', 20).text('需要两个以上年度的数据');
      return;
    }
    const x = d3.scalePoint().domain(trends.years).range([50, width - 110]);
    const y = d3.scaleLinear().domain([0, d3.max(series, (s) => d3.max(s.points, (p) => p.share)) || 1]).nice().range([height - 30, 10]);
    svg.append('g').attr('transform', `translate(0, ${height - 30})`).call(d3.axisBottom(x).tickFormat((d) => `${d}`));
    svg.append('g').attr('transform', 'translate(50, 0)').call(d3.axisLeft(y).ticks(5).tickFormat(d3.format('.0%')));
    const color = d3.scaleOrdinal(palette).domain(top);
    const lines = svg.selectAll('g.series').data(series).join('g').attr('class', 'series');
    lines.append('path')
      .attr('fill', 'none').attr('stroke', (s) => color(s.term)).attr('stroke-width', 2)
      .attr('d', (s) => d3.line().x((p) => x(p.year)).y((p) => y(p.share))(trends.years.map((yr) => s.points.find((p) => p.year === yr) || { year: yr, share: 0 })));
    // each line's name at its end (its share in the last year, 0 if not raised then), moved apart
    // where two end close together (停车难 and 加装电梯, both 2 of 2021's 67, were drawn on each other)
    const last = trends.years[trends.years.length - 1];
    const labelY = endLabels(series.map((s) => y((s.points.find((p) => p.year === last) || { share: 0 }).share)), 17, 10, height - 30);
    lines.append('text')
      .attr('x', width - 104)
      .attr('y', (s, i) => labelY[i])
      .attr('dy', '0.35em')
      .attr('fill', (s) => color(s.term)).text((s) => s.term);
  }

  /**
   * Label positions for line ends at `ys`: each as near its line's end as it can be while every two
   * are `gap` apart, within [lo, hi] (in the order of the ends; a tie in the order given).
   */
  function endLabels(ys, gap, lo, hi) {
    const order = ys.map((v, i) => i).sort((a, b) => ys[a] - ys[b] || a - b);
    const at = order.map((i) => Math.min(Math.max(ys[i], lo), hi));
    for (let k = 1; k < at.length; k++) at[k] = Math.max(at[k], at[k - 1] + gap);
    const over = at.length ? at[at.length - 1] - hi : 0;
    if (over > 0) {
      at[at.length - 1] -= over;
      for (let k = at.length - 2; k >= 0; k--) at[k] = Math.min(at[k], at[k + 1] - gap);
    }
    const out = new Array(ys.length);
    order.forEach((i, k) => (out[i] = at[k]));
    return out;
  }

  function drawNetwork() {
    const svg = d3.select('#network');
    svg.selectAll('*').remove();
    const { year, category } = state();
    const net = topics.networks.find((n) => n.category === category && n.year === year);
    if (!net || !net.nodes.length) {
      svg.append('text').attr('x', 8).attr('y', 20).text('无数据');
      return;
    }
    const width = widthOf(svg);
    const height = 420;
    const nodes = net.nodes.map((n) => ({ ...n }));
    const links = net.links.map((l) => ({ ...l }));
    const r = d3.scaleSqrt().domain([0, d3.max(nodes, (n) => n.docs) || 1]).range([3, 18]);
    const sim = d3.forceSimulation(nodes)
      .force('link', d3.forceLink(links).id((n) => n.id).distance(70).strength((l) => 0.05 + l.strength))
      .force('charge', d3.forceManyBody().strength(-180))
      .force('center', d3.forceCenter(width / 2, height / 2))
      // a pull to the middle keeps a sparse network (a year's words share few suggestions) in the panel
      .force('x', d3.forceX(width / 2).strength(0.07))
      .force('y', d3.forceY(height / 2).strength(0.1))
      .force('collide', d3.forceCollide((n) => r(n.docs) + 2))
      .stop();
    for (let i = 0; i < 300; i++) sim.tick();
    const clamp = (v, lo, hi) => Math.max(lo, Math.min(hi, v));
    for (const n of nodes) { n.x = clamp(n.x, 10, width - 10); n.y = clamp(n.y, 10, height - 10); }
    // colour by topic community (the scope's topic that ranks the word highest); grey: in none
    const communities = [...new Set(nodes.map((n) => n.community).filter((c) => c !== null))].sort((a, b) => a - b);
    const fill = (n) => (n.community === null ? '#bbbbbb' : palette[communities.indexOf(n.community) % palette.length]);
    svg.append('g').selectAll('line').data(links).join('line')
      .attr('stroke', '#bbb').attr('stroke-width', (l) => 0.5 + 3 * l.strength)
      .attr('x1', (l) => l.source.x).attr('y1', (l) => l.source.y)
      .attr('x2', (l) => l.target.x).attr('y2', (l) => l.target.y);
    // labels, largest words first: right of the node, else left, above or below; one that would
    // overlap a placed label or another word's circle, or leave the panel, everywhere, is not drawn
    // (its node keeps its tooltip)
    const placed = [];
    const labelOf = new Map();
    const onCircle = (box, self) =>
      nodes.some((m) => {
        if (m === self) return false;
        const dx = Math.max(box.x0, Math.min(m.x, box.x1)) - m.x;
        const dy = Math.max(box.y0, Math.min(m.y, box.y1)) - m.y;
        return dx * dx + dy * dy < r(m.docs) ** 2;
      });
    for (const n of [...nodes].sort((a, b) => b.docs - a.docs || a.rank - b.rank)) {
      const w = n.id.length * 12 + 2;
      const rn = r(n.docs);
      const sides = [
        { x0: n.x + rn + 2, y0: n.y - 8 },
        { x0: n.x - rn - 2 - w, y0: n.y - 8 },
        // above and below, centred, or moved in as far as the panel's edge asks
        { x0: clamp(n.x - w / 2, 0, width - w), y0: n.y - rn - 18 },
        { x0: clamp(n.x - w / 2, 0, width - w), y0: n.y + rn + 2 },
      ];
      for (const { x0, y0 } of sides) {
        const box = { x0, x1: x0 + w, y0, y1: y0 + 16 };
        const fits = box.x0 >= 0 && box.x1 <= width && box.y0 >= 0 && box.y1 <= height;
        if (fits && !placed.some((p) => box.x0 < p.x1 && p.x0 < box.x1 && box.y0 < p.y1 && p.y0 < box.y1) && !onCircle(box, n)) {
          placed.push(box);
          labelOf.set(n.id, box);
          break;
        }
      }
    }
    const g = svg.append('g').selectAll('g').data(nodes).join('g').attr('class', 'net-node')
      .attr('transform', (n) => `translate(${n.x}, ${n.y})`)
      .on('click', (_, n) => drill(n.id));
    g.append('title').text((n) => `${n.id}：${n.docs} 件`);
    g.append('circle').attr('r', (n) => r(n.docs)).attr('fill', fill);
    g.filter((n) => labelOf.has(n.id)).append('text').attr('class', 'net-label')
      .attr('x', (n) => labelOf.get(n.id).x0 - n.x).attr('y', (n) => labelOf.get(n.id).y0 + 12 - n.y).text((n) => n.id);
  }

  /** The scope's topics: what each is called, its size, top words and representative suggestions; a click lists the suggestions of its name. */
  function drawTopics() {
    const { year, category } = state();
    const list = document.getElementById('topics');
    list.replaceChildren();
    const shown = topics.topics.filter((t) => t.year === year && t.category === category && !t.outlier).sort((a, b) => b.size - a.size);
    document.getElementById('topics-empty').hidden = shown.length > 0;
    for (const t of shown) {
      const li = document.createElement('li');
      const name = document.createElement('strong');
      name.textContent = `${t.name}（${t.size} 件）`;
      const meta = document.createElement('div');
      meta.className = 'meta';
      meta.textContent = `主要词：${t.terms.slice(0, 8).join('、')}`;
      const titles = document.createElement('ul');
      for (const title of (t.titles || []).slice(0, 3)) {
        const item = document.createElement('li');
        item.textContent = title;
        titles.append(item);
      }
      li.append(name, meta, titles);
      li.addEventListener('click', () => drill(t.name));
      list.append(li);
    }
  }

  /** The year's §一 paragraphs, as briefing/<year>.md has them, with a button that copies them. */
  function drawBriefing() {
    const { year } = state();
    const box = document.getElementById('briefing-text');
    box.replaceChildren();
    document.getElementById('briefing-copied').hidden = true;
    const text = year === null ? null : (data.briefing || {})[String(year)];
    document.getElementById('briefing-title').textContent = year === null ? '简报文字' : `简报文字（${year}年）`;
    document.getElementById('briefing-empty').hidden = text != null;
    document.getElementById('briefing-copy').hidden = text == null;
    for (const para of text ? text.split('\n\n') : []) {
      const p = document.createElement('p');
      p.textContent = para;
      box.append(p);
    }
  }

  document.getElementById('briefing-copy').addEventListener('click', () => {
    const text = [...document.querySelectorAll('#briefing-text p')].map((p) => p.textContent).join('\n\n');
    const done = () => { document.getElementById('briefing-copied').hidden = false; };
    if (navigator.clipboard && navigator.clipboard.writeText) navigator.clipboard.writeText(text).then(done, () => copyBySelection(text, done));
    else copyBySelection(text, done);
  });

  /** The older way, for pages opened where the clipboard API is not offered (file:// in some browsers). */
  function copyBySelection(text, done) {
    const area = document.createElement('textarea');
    area.value = text;
    document.body.append(area);
    area.select();
    if (document.execCommand('copy')) done();
    area.remove();
  }

  // the analyst's curation: words to drop from every list, and words to count as another
  const curation = { drop: new Set(), merge: new Map() };
  let drilled = null;

  function drawCuration() {
    const list = document.getElementById('curation-list');
    list.replaceChildren();
    const add = (label, undo) => {
      const li = document.createElement('li');
      li.append(document.createTextNode(`${label} `));
      const b = document.createElement('button');
      b.type = 'button';
      b.textContent = '撤销';
      b.addEventListener('click', () => { undo(); drawCuration(); });
      li.append(b);
      list.append(li);
    };
    for (const w of curation.drop) add(`删除：${w}`, () => curation.drop.delete(w));
    for (const [from, to] of curation.merge) add(`合并：${from} → ${to}`, () => curation.merge.delete(from));
    document.getElementById('curation-save').disabled = curation.drop.size + curation.merge.size === 0;
  }

  /** curation.txt: one word a line is dropped; `alias => word` is merged (the stop-word and synonym syntax). */
  function curationText() {
    const lines = ['# curation.txt — saved from the hotwords report; put it in the output folder (beside hotwords.sqlite)', '# one word a line: dropped from every list; `alias => word`: counted as word'];
    for (const w of [...curation.drop].sort()) lines.push(w);
    for (const [from, to] of [...curation.merge].sort()) lines.push(`${from} => ${to}`);
    return `${lines.join('\n')}\n`;
  }

  document.getElementById('curate-drop').addEventListener('click', () => {
    if (drilled === null) return;
    curation.merge.delete(drilled);
    curation.drop.add(drilled);
    drawCuration();
  });
  document.getElementById('curate-merge').addEventListener('click', () => {
    if (drilled === null) return;
    const to = (window.prompt(`将“${drilled}”合并到哪个词？`, '') || '').trim();
    if (to === '' || to === drilled || /\s/.test(to)) return;
    curation.drop.delete(drilled);
    curation.merge.set(drilled, to);
    drawCuration();
  });
  document.getElementById('curation-save').addEventListener('click', () => {
    const a = document.createElement('a');
    a.href = URL.createObjectURL(new Blob([curationText()], { type: 'text/plain;charset=utf-8' }));
    a.download = 'curation.txt';
    document.body.append(a);
    a.click();
    a.remove();
  });

  /** Show the suggestions behind a word, with the word highlighted, as text. */
  function drill(term) {
    drilled = term;
    document.getElementById('curate-buttons').hidden = false;
    const { year, category } = state();
    const entry = evidence.words.find((w) => w.term === term && w.year === year && w.category === category);
    const total = entry ? entry.total : 0;
    const listed = entry ? entry.documents.length : 0;
    document.getElementById('drill-title').textContent =
      `“${term}”：${total} 件相关建议${listed < total ? `（列出出现次数最多的 ${listed} 件）` : ''}`;
    const list = document.getElementById('drill-list');
    list.replaceChildren();
    for (const d of entry ? entry.documents : []) {
      const doc = evidence.documents[d.id] || {};
      const li = document.createElement('li');
      const title = document.createElement('strong');
      title.textContent = doc.title || d.id;
      const meta = document.createElement('div');
      meta.className = 'meta';
      meta.textContent = [d.id, doc.category, doc.year, doc.unit, doc.result, `出现 ${d.count} 次`].filter((x) => x !== null && x !== undefined && x !== '').join(' · ');
      const passage = document.createElement('div');
      appendHighlighted(passage, (d.snippet || '').replace(/[【】]/g, ''), term);
      li.append(title, meta, passage);
      list.append(li);
    }
    // the list is below every panel: bring it to the reader
    document.getElementById('drill').scrollIntoView({ block: 'start' });
  }

  function appendHighlighted(el, text, term) {
    const parts = term ? text.split(term) : [text];
    parts.forEach((part, i) => {
      el.append(document.createTextNode(part));
      if (i < parts.length - 1) {
        const m = document.createElement('mark');
        m.textContent = term;
        el.append(m);
      }
    });
  }

  function drawAll() {
    drawBriefing();
    drawKpis();
    drawDistribution();
    drawThemes();
    drawWords();
    drawTrends();
    drawTopics();
    drawNetwork();
  }
  yearSelect.addEventListener('change', drawAll);
  categorySelect.addEventListener('change', drawAll);
  drawAll();
  window.hotwordsReady = true;
})();
