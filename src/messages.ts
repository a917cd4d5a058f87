/**
 * The message catalogue: every sentence the tool says to a person — why a row
 * was rejected, what a run did, the command's help — in Chinese (the users'
 * language, the default) and English. A message is chosen by id and filled
 * with its arguments in both languages at once (`say`), so a diagnostic
 * carries both and the place that prints it picks one (`--lang`). Rule ids
 * (`corpus/duplicate-id`) are separate and never translated.
 */

export type Lang = 'zh' | 'en';

/** A message in both languages: `reason` English (files and the library, stable for scripts), `reasonZh` Chinese. */
export interface Reason {
  reason: string;
  reasonZh: string;
}

type Arg = string | number | Reason;

export const CATALOGUE = {
  // reading the input
  'corpus/not-regular-file': {
    zh: '不是普通文件：{what}；请给出建议文件本身',
    en: 'not a regular file: {what}; give the suggestion file itself',
  },
  'corpus/what-folder': { zh: '一个文件夹', en: 'a folder' },
  'corpus/what-fifo': { zh: '一个命名管道（FIFO）', en: 'a named pipe (FIFO)' },
  'corpus/what-socket': { zh: '一个套接字', en: 'a socket' },
  'corpus/what-device': { zh: '一个设备', en: 'a device' },
  'corpus/cannot-read': { zh: '无法读取文件：{cause}', en: 'cannot read file: {cause}' },
  'corpus/empty-file': { zh: '空文件', en: 'empty file' },
  'corpus/not-text': {
    zh: '不是文本文件：内容既不是 UTF-8、UTF-16，也不是 GB18030 文本{hint}',
    en: 'not a text file: the bytes are neither UTF-8, UTF-16 nor GB18030 text{hint}',
  },
  'corpus/damaged-workbook-hint': { zh: '（工作簿损坏？请打开后重新保存）', en: ' (a damaged workbook? open it and save it again)' },
  'corpus/csv-no-header': { zh: '空文件：没有表头行', en: 'empty file: no header row' },
  'corpus/csv-header-error': { zh: '表头行：{reason}', en: 'header row: {reason}' },
  'corpus/csv-header-empty': { zh: '表头行为空', en: 'header row is empty' },
  'corpus/jsonl-empty': { zh: '空文件：没有 JSON 行', en: 'empty file: no JSON lines' },
  'corpus/unbalanced-quote': {
    zh: '引号不配对：第 {line} 行开始的带引号字段没有结束',
    en: 'unbalanced quote: the quoted field opened on line {line} is never closed',
  },
  'corpus/text-after-quote': { zh: '第 {line} 行的结束引号后还有文字', en: 'unexpected text after a closing quote on line {line}' },
  'corpus/field-count': {
    zh: '行格式错误：表头有 {expected} 个字段，此行有 {found} 个',
    en: 'malformed row: expected {expected} fields as in the header, found {found}',
  },
  'corpus/malformed-json': { zh: 'JSON 格式错误：{detail}', en: 'malformed JSON: {detail}' },
  'corpus/not-json-object': { zh: '行格式错误：应为一个 JSON 对象', en: 'malformed line: expected a JSON object' },
  'corpus/control-characters': {
    zh: '删除了 {n} 个控制字符（NUL、ESC 等）',
    en: 'removed {n} control character{s} (NUL, escape …)',
  },
  'corpus/empty-text': { zh: '没有可用的正文：正文字段为空或只有空白', en: 'no usable text: the text field is empty or whitespace only' },
  'corpus/year-from-bad-date': {
    zh: '年份无法识别：日期“{date}”不是日期，而年份取自日期{hint}',
    en: 'unreadable year: date "{date}" is not a date, and the year comes from it{hint}',
  },
  'corpus/bad-date': { zh: '日期“{date}”不是日期；留空', en: 'date "{date}" is not a date; left empty' },
  'corpus/bad-year': { zh: '年份“{year}”无法识别{hint}', en: 'unreadable year "{year}"{hint}' },
  'corpus/year-out-of-range': { zh: '年份 {year} 超出范围 {min}–{max}', en: 'year {year} is out of range {min}–{max}' },
  'corpus/serial-hint': {
    zh: '（纯数字不会当作年份或 Excel 日期序号：请写年份或日期，或存为日期单元格）',
    en: ' (a bare number is not read as a year or as an Excel serial day: write the year or date, or store it as a date cell)',
  },
  'corpus/bad-disclosed': {
    zh: '是否公开“{value}”既不是“是”也不是“否”；留空',
    en: 'disclosed "{value}" is neither yes nor no; left empty',
  },
  'corpus/duplicate-id': { zh: '编号“{id}”重复（{same}；{where}）', en: 'duplicate id "{id}" ({same}; {where})' },
  'corpus/duplicate-stored': { zh: '数据库中已有', en: 'already in the database' },
  'corpus/duplicate-same': { zh: '内容相同', en: 'same content' },
  'corpus/duplicate-different': { zh: '内容不同', en: 'different content' },
  'corpus/stored-from': { zh: '存自 {at}', en: 'stored from {at}' },
  'corpus/first-at': { zh: '首次出现于 {at}', en: 'first at {at}' },
  'corpus/sheet-skipped': { zh: '跳过此工作表：{reason}', en: 'sheet skipped: {reason}' },
  'corpus/no-sheet-holds': { zh: '没有工作表含有建议（工作表：{sheets}）', en: 'no sheet holds suggestions (sheets: {sheets})' },
  'corpus/text-named-workbook': {
    zh: '文件名像文本文件，内容却是 {format} 工作簿；按 {format} 读取',
    en: 'named like a text file but holds an {format} workbook; read as {format}',
  },
  'corpus/workbook-named-text': {
    zh: '文件名像工作簿，内容却是 {format} 文本；按 {format} 读取',
    en: 'named like a workbook but holds {format} text; read as {format}',
  },
  'corpus/encoding': { zh: '按 {encoding} 解码', en: 'decoded as {encoding}' },
  'corpus/title-as-text': {
    zh: '没有正文列；用标题列“{column}”作正文',
    en: 'no text column; using the title column "{column}" as the text',
  },
  'corpus/year-from-sheet': { zh: '{n} 行没有年份，取工作表名的 {year}', en: '{n} rows without a year take {year} from the sheet name' },
  'corpus/year-not-sheet': {
    zh: '{n} 行的年份与工作表名的 {year} 不同；保留各行自己的年份',
    en: "{n} rows carry a year other than the sheet name's {year}; their own year is kept",
  },
  'corpus/map-missing-columns': {
    zh: '--map 指定的列在此文件中没有：{missing}（表头：{headers}）',
    en: '--map names columns this file lacks: {missing} (headers: {headers})',
  },
  'corpus/no-text-column': {
    zh: '没有正文列：表头（{headers}）中没有已知的正文或标题列；请用 --map text=列名 指定',
    en: 'no text column: none of the headers ({headers}) is a known text or title header; name it with --map text=COLUMN',
  },
  'corpus/ods-not-spreadsheet': {
    zh: '不是电子表格的 OpenDocument 文件（{kind}）',
    en: 'an OpenDocument file that is not a spreadsheet ({kind})',
  },
  'corpus/xls-damaged': {
    zh: '无法读取的 XLS 工作簿：文件损坏或不完整',
    en: 'not a readable XLS workbook: the file is damaged or cut short',
  },
  'corpus/workbook-protected': {
    zh: '工作簿设有密码：请打开它，去掉密码后重新保存',
    en: 'the workbook is password-protected: open it, remove the password and save it again',
  },
  'corpus/office-not-workbook': {
    zh: '没有工作簿数据的 Office 复合文件（Word 或 PowerPoint 文件？）',
    en: 'an Office compound file without a workbook stream (a Word or PowerPoint file?)',
  },
  'corpus/workbook-unreadable': { zh: '无法读取的 {format} 工作簿：{detail}', en: 'not a readable {format} workbook: {detail}' },
  'corpus/workbook-no-sheets': { zh: '工作簿没有工作表', en: 'workbook has no sheets' },
  'corpus/no-sheet-named': { zh: '没有名为 {names} 的工作表（工作表：{sheets}）', en: 'no sheet named {names} (sheets: {sheets})' },
  'corpus/empty-sheet': { zh: '空工作表：没有表头行', en: 'empty sheet: no header row' },
  'corpus/same-file-name': {
    zh: '与另一个输入（{other}）文件名相同：建议按文件名保存（再次给出的文件替换它的建议；没有编号列时编号为 文件名:行号），请改掉其中一个的名字',
    en:
      'has the name of another input ({other}): suggestions are kept by file name (a file given again replaces its ' +
      'suggestions; ids without an id column are name:line), so rename one of them',
  },
  'corpus/more-input-problems': { zh: '{reason}（另有 {n} 个输入问题）', en: '{reason} (and {n} more input problems)' },
  'corpus/strict': {
    zh: '{reason}（--strict：{n} 行被拒绝，运行停止；见 {file}）',
    en: '{reason} (--strict: {n} rejected rows stop the run; see {file})',
  },
  'corpus/no-records': { zh: '没有接受任何记录（拒绝 {n} 行；见 {file}）', en: 'no records accepted ({n} rejected; see {file})' },
  // dictionaries and settings
  'dictionary/cannot-read': { zh: '无法读取{kind}文件：{cause}', en: 'cannot read {kind} file: {cause}' },
  'dictionary/not-utf8': { zh: '{kind}文件不是 UTF-8 编码', en: '{kind} file is not UTF-8' },
  'dictionary/kind-user-dict': { zh: '用户词典', en: 'user-dict' },
  'dictionary/kind-stopwords': { zh: '停用词', en: 'stopwords' },
  'dictionary/kind-synonyms': { zh: '同义词', en: 'synonyms' },
  'dictionary/kind-curation': { zh: '整理', en: 'curation' },
  'dictionary/kind-keep-single': { zh: '保留单字', en: 'keep-single' },
  'dictionary/kind-title-frames': { zh: '标题框架', en: 'title-frames' },
  'dictionary/line-skipped': { zh: '{reason}；跳过此行', en: '{reason}; line skipped' },
  'dictionary/too-many-fields': { zh: '应为“词 [词频] [词性]”，此行有 {n} 个字段', en: 'expected "word [freq] [pos]", found {n} fields' },
  'dictionary/bad-frequency': { zh: '词频“{value}”不是整数', en: 'frequency "{value}" is not a whole number' },
  'dictionary/bad-tag': { zh: '词性“{value}”不是 jieba 词性标记', en: 'part of speech "{value}" is not a jieba tag' },
  'dictionary/frequency-not-positive': { zh: '词频必须大于 0', en: 'frequency must be positive' },
  'dictionary/one-word': { zh: '每行应为一个词，此行为“{text}”', en: 'expected one word a line, found "{text}"' },
  'dictionary/synonym-line': { zh: '应为“别名 [别名 …] => 标准词”', en: 'expected "alias [alias …] => canonical"' },
  'dictionary/curation-line': {
    zh: '应为一个要删除的词，或“别名 [别名 …] => 词”',
    en: 'expected one word to drop, or "alias [alias …] => word"',
  },
  'dictionary/unknown-section': { zh: '未知的节 {name}', en: 'unknown section {name}' },
  'dictionary/outside-section': { zh: '条目不在任何节中：{text}', en: 'entry outside a section: {text}' },
  'config/unreadable': { zh: '无法读取配置文件：{cause}', en: 'cannot read config file: {cause}' },
  'config/bad-json': { zh: '配置文件不是有效的 JSON：{detail}', en: 'config file is not valid JSON: {detail}' },
  'config/not-object': { zh: '配置文件必须是一个 JSON 对象', en: 'config file must hold a JSON object' },
  'config/unknown-key': { zh: '未知的键“{key}”（可用的键：{keys}）', en: 'unknown key "{key}" (keys: {keys})' },
  'config/bad-value': { zh: '“{key}”必须是{must}', en: '"{key}" must be {must}' },
  'config/must-paths': { zh: '文件路径的列表', en: 'a list of file paths' },
  'config/must-sheets': { zh: '一个工作表名、工作表名的列表或 "all"', en: 'a sheet name, a list of them, or "all"' },
  'config/curation': {
    zh: '已使用整理文件：{dropped} 个词从列表中删除，{merged} 个词合并到其他词（--no-curation 可忽略它）',
    en: 'curation used: {dropped} words dropped from the lists, {merged} merged into others (--no-curation ignores it)',
  },
  'segment/backend-missing': {
    zh: '未安装 nodejieba 分词后端（{detail}）；请用 --segmenter node-rs',
    en: 'the nodejieba backend is not installed ({detail}); use --segmenter node-rs',
  },
  'segment/nodejieba-reload': {
    zh: '本进程的 nodejieba 已载入其他词典；每个进程只用一套词典，或改用 node-rs 后端',
    en: 'nodejieba is already loaded with other dictionaries in this process; use one dictionary set per process or the node-rs backend',
  },
  'segment/missing-dictionary': { zh: '缺少 nodejieba 的 {name} 文件', en: 'nodejieba {name} file is missing' },
  'segment/stale-counts': {
    zh: '数据库中的 {n} 件建议是用其他词典分词的；请加 --fresh 并给出全部输入，重新分词',
    en: 'the {n} stored suggestions were segmented with other dictionaries; run with --fresh and all inputs to segment everything again',
  },
  // the run and its outputs
  'score/topics-reused': {
    zh: '{reused}/{scopes} 个范围的话题取自数据库：它们的建议和设置都没有变',
    en: 'topics of {reused} of {scopes} scopes taken from the database: their suggestions and settings are unchanged',
  },
  'score/dictionary-gaps-reused': {
    zh: '词典缺口（候选新词与被切开的词）取自数据库：建议的文本、词典和代码都没有变',
    en: 'dictionary gaps (candidate words and split words) taken from the database: the texts, dictionaries and code are unchanged',
  },
  'export/cloud-unplaced': {
    zh: '{n} 个词放不进词云，已列在图旁：{words}',
    en: '{n} words did not fit and are listed on the panel: {words}',
  },
  'run/interrupted': {
    zh: '已停止（{signal}）：本次运行的结果都未保留；输出文件夹保持运行前的样子',
    en: 'stopped ({signal}): nothing of this run was kept; the output folder is as it was before it',
  },
  'export/images-reused': {
    zh: '{reused}/{images} 幅 PNG 取自上次运行：它们的 SVG 与上次逐字节相同，所用软件包也相同',
    en: '{reused} of {images} PNGs taken from the earlier run: their SVGs are byte for byte the same, and so are the packages',
  },
  'export/no-database': { zh: '这里没有数据库：请先运行 `hotwords run`', en: 'no database here: run `hotwords run` first' },
  'export/out-not-folder': { zh: '--out 是一个文件，不是文件夹', en: '--out is a file, not a folder' },
  'export/out-locked': {
    zh: '另一个 hotwords 运行（进程 {pid}）正在写这个文件夹；请等它结束，或换一个 --out',
    en: 'another hotwords run (process {pid}) is writing to this folder; wait for it to finish, or give another --out',
  },
  'export/cannot-lock': { zh: '无法取得锁 {path}', en: 'cannot take the lock {path}' },
  'export/environment': { zh: '{cause}（{code}）；本次运行的结果都未保留', en: '{cause} ({code}); nothing of this run was kept' },
  'env/ENOSPC': { zh: '设备空间不足', en: 'no space left on the device' },
  'env/EDQUOT': { zh: '超出磁盘配额', en: 'disk quota exceeded' },
  'env/EFBIG': { zh: '文件超出此文件系统或限制允许的大小', en: 'file too large for this file system or limit' },
  'env/EACCES': { zh: '没有权限', en: 'permission denied' },
  'env/EPERM': { zh: '不允许此操作', en: 'operation not permitted' },
  'env/EROFS': { zh: '只读文件系统', en: 'read-only file system' },
  'env/EIO': { zh: '输入/输出错误', en: 'input/output error' },
  'env/ENAMETOOLONG': { zh: '文件名太长', en: 'file name too long' },
  'env/ENOTDIR': { zh: '路径中有一段不是文件夹', en: 'a part of the path is not a folder' },
  'env/EISDIR': { zh: '是文件夹，不是文件', en: 'is a folder, not a file' },
  'env/EMFILE': { zh: '打开的文件太多', en: 'too many open files' },
  'env/SQLITE_FULL': { zh: '设备空间不足（数据库无法增长）', en: 'no space left on the device (the database could not grow)' },
  'env/SQLITE_IOERR': { zh: '写数据库时输入/输出错误', en: 'input/output error writing the database' },
  'env/SQLITE_CANTOPEN': {
    zh: '无法打开数据库文件（是文件夹、文件夹不存在，或没有权限）',
    en: 'cannot open the database file (a folder, a missing folder, or no permission)',
  },
  'env/SQLITE_READONLY': { zh: '数据库是只读的', en: 'the database is read-only' },
  'env/SQLITE_NOTADB': { zh: '不是 hotwords 数据库（不是 SQLite 文件）', en: 'not a hotwords database (not an SQLite file)' },
  'env/SQLITE_CORRUPT': { zh: '数据库文件已损坏', en: 'the database file is damaged' },
  'env/SQLITE_PERM': { zh: '没有权限', en: 'permission denied' },
  // the command line: input settings
  'cli/map-pair': { zh: '--map：应为 字段=列名，收到“{pair}”', en: '--map: expected field=column, got "{pair}"' },
  'cli/map-unknown-field': { zh: '--map：未知字段“{field}”（字段：{fields}）', en: '--map: unknown field "{field}" (fields: {fields})' },
  'cli/map-twice': {
    zh: '--map：字段“{field}”被指定了两次（“{first}”和“{second}”）',
    en: '--map: field "{field}" is mapped twice ("{first}" and "{second}")',
  },
  'cli/whole-number': {
    zh: '{flag}：应为不小于 {min} 的整数，收到“{value}”',
    en: '{flag}: expected a whole number of at least {min}, got "{value}"',
  },
  'cli/unknown-segmenter': { zh: '未知的分词后端“{name}”（可选：{choices}）', en: 'unknown segmenter "{name}" (choices: {choices})' },
  'cli/unknown-lang': { zh: '--lang：应为 zh 或 en，收到“{value}”', en: '--lang: expected zh or en, got "{value}"' },
  // the command line: what a run says
  'cli/summary': {
    zh: 'hotwords: 读取 {read} 行，接受 {accepted}，拒绝 {rejected}，用时 {seconds} 秒 → {database}{stored}',
    en: 'hotwords: read {read}, accepted {accepted}, rejected {rejected} in {seconds} s → {database}{stored}',
  },
  'cli/summary-stored': {
    zh: '（数据库：共 {total} 件建议，其中 {kept} 件保留自此前的运行，{unchanged} 件再次读入未变、沿用此前的分词，{replaced} 件被替换）',
    en: ' (database: {total} suggestions, {kept} kept from earlier runs, {unchanged} read again unchanged with their stored counts, {replaced} replaced)',
  },
  'cli/more-warnings': { zh: '… 另有 {n} 条；每条拒绝都在 {file}', en: '… and {n} more; every reject is in {file}' },
  'cli/internal-error': { zh: 'hotwords: 内部错误：{detail}', en: 'hotwords: internal error: {detail}' },
  'cli/stopping': {
    zh: 'hotwords: 收到 {signal}，正在停止本次运行（不保留任何结果）…',
    en: 'hotwords: {signal} received, stopping this run (nothing of it is kept) …',
  },
  'cli/progress': { zh: 'hotwords: 进度 {text}', en: 'hotwords: progress {text}' },
  'cli/stage-read': { zh: '读取（行）', en: 'read (rows)' },
  'cli/stage-segment': { zh: '分词（建议）', en: 'segment (suggestions)' },
  'cli/stage-score': { zh: '热议词与主题（范围）', en: 'hot words and themes (scopes)' },
  'cli/stage-store': { zh: '写入数据库（新建议）', en: 'database (new suggestions)' },
  'cli/stage-topics': { zh: '话题聚类（范围）', en: 'topics (scopes)' },
  'cli/stage-clouds': { zh: '词云（幅）', en: 'word clouds (images)' },
  'cli/stage-report': { zh: '报告', en: 'report' },
  'cli/stage-briefing': { zh: '简报（文件）', en: 'briefing (files)' },
  'cli/clouds-done': { zh: 'hotwords: {n} 幅词云 → {folder}', en: 'hotwords: {n} word clouds → {folder}' },
  'cli/cloud-unplaced': { zh: '{file}  警告  放不下：{words}', en: '{file}  warning  did not fit: {words}' },
  'cli/report-done': { zh: 'hotwords: 报告 → {file}', en: 'hotwords: report → {file}' },
  'cli/gaps-head': {
    zh: '# hotwords dict-gaps：从 {suggestions} 件建议中找到 {n} 个候选词；审阅后，把保留的行放进一个文件，用 --dict 传入',
    en: '# hotwords dict-gaps: {n} candidates from {suggestions} suggestions; review, then add the lines you keep to a file passed with --dict',
  },
  'cli/gap-evidence': {
    zh: '# {rank}. 出现 {freq} 次，见于 {docs} 件建议，PMI {pmi}，左右熵 {left}/{right} — {example}（{id}）',
    en: '# {rank}. freq {freq} in {docs} suggestions, PMI {pmi}, entropy {left}/{right} — {example} ({id})',
  },
  'cli/gaps-splits': {
    zh: '# 分词器仍会切开的词典词（{n} 个）：请提高它们的词频',
    en: '# dictionary words the segmenter still splits ({n}): raise their frequency',
  },
  'cli/gaps-split': {
    zh: '# {term}：{occurrences} 次中有 {split} 次被切成 {pieces} — {example}（{id}）',
    en: '# {term}: {split} of {occurrences} occurrences cut as {pieces} — {example} ({id})',
  },
  // the command line: help
  'help/program': { zh: '中文代表建议中的热议词与话题', en: 'hot words (热议词) and topics in Chinese civic suggestions' },
  'help/version': { zh: '显示 hotwords 的版本', en: 'print the version of hotwords' },
  'help/help': { zh: '显示命令的帮助', en: 'display help for command' },
  'help/lang': {
    zh: '提示、进度和错误的语言：zh（默认）或 en；也可由环境变量 LANG=en* 选英文',
    en: 'language of messages, progress and errors: zh (default) or en; LANG=en* chooses English too',
  },
  'help/debug': { zh: '出错时也显示调用栈', en: 'show the stack with an error' },
  'help/run': {
    zh: '读取建议、分词、按类别和年份排出热议词，写入 out/',
    en: 'read suggestions, segment them, rank hot words per category and year, and write out/',
  },
  'help/run-input': {
    zh: '建议文件：CSV、JSONL 或工作簿（.xlsx、.xls、.ods）',
    en: 'CSV, JSONL or workbook (.xlsx, .xls, .ods) files of suggestions',
  },
  'help/out': { zh: '输出文件夹', en: 'output folder' },
  'help/out-earlier': { zh: '此前运行的输出文件夹', en: 'output folder of an earlier run' },
  'help/fresh': {
    zh: '新建数据库，而不是把这些输入加进 --out 中已有的数据库',
    en: 'start a new database instead of adding these inputs to the one in --out',
  },
  'help/strict': {
    zh: '遇到第一行被拒绝的数据即以退出码 1 停止（只写 rejects.jsonl）',
    en: 'stop with exit code 1 at the first rejected row (nothing but rejects.jsonl is written)',
  },
  'help/no-dict-gaps': { zh: '不做词典缺词报告', en: 'skip the dictionary-gap report' },
  'help/topics': { zh: '每个范围的话题数（默认：按范围自动选）', en: 'number of topics in every scope (default: chosen per scope)' },
  'help/no-topics': { zh: '不做话题聚类', en: 'skip topic clustering' },
  'help/no-clouds': { zh: '不画词云', en: 'skip the word clouds' },
  'help/curation': {
    zh: '要在所有列表中删除或合并的词（默认：<out>/curation.txt，如存在；报告页会保存它）',
    en: 'words to drop or merge in every list (default: <out>/curation.txt when it exists, as the report saves it)',
  },
  'help/no-curation': { zh: '忽略 <out>/curation.txt', en: 'ignore <out>/curation.txt' },
  'help/seed': { zh: '话题聚类和词云布局的随机种子', en: 'seed of topic clustering and cloud layouts' },
  'help/workers': {
    zh: '各阶段的线程数（默认：每核一个；分词从 4 MB 输入起才多线程；结果与线程数无关）',
    en: 'threads of every stage (default: one per core; segmentation from 4 MB of input; the results do not depend on it)',
  },
  'help/map': {
    zh: '各字段的来源列：id=编号,text=内容,…（字段：id title text category year session date unit result disclosed）',
    en: 'source column of each field: id=编号,text=内容,… (fields: id title text category year session date unit result disclosed)',
  },
  'help/sheet': {
    zh: '要读的工作表（默认：第一个）；可重复给出多个，或用 "all" 读全部',
    en: 'workbook sheet to read (default: the first); repeat it for several, or "all" for every sheet',
  },
  'help/dict': { zh: '额外的用户词典（jieba 的“词 词频 词性”行）', en: 'extra user dictionaries (jieba "word freq pos" lines)' },
  'help/stopwords': { zh: '额外的停用词表（每行一个词）', en: 'extra stop-word lists (one word a line)' },
  'help/synonyms': { zh: '额外的同义词文件（“别名 … => 标准词”）', en: 'extra synonym files ("alias … => canonical")' },
  'help/segmenter': { zh: '分词后端', en: 'segmenter backend' },
  'help/no-hmm': { zh: '关闭 jieba 对词典外词语的 HMM 识别', en: "turn off jieba's HMM for words not in the dictionaries" },
  'help/config': {
    zh: '含相同设置的 hotwords.config.json（命令行参数优先）',
    en: 'hotwords.config.json with the same settings (flags win)',
  },
  'help/segment': {
    zh: '逐条显示每条记录（用 "-" 时为标准输入的每一行）的分词结果，供检查',
    en: 'print the terms of each record (or of each line of standard input with "-") for inspection',
  },
  'help/segment-input': {
    zh: '一个 CSV、JSONL 或工作簿文件，或用 - 从标准输入读纯文本行',
    en: 'a CSV, JSONL or workbook file, or - for plain text lines on standard input',
  },
  'help/raw': { zh: '显示停用词、同义词和过滤之前的 jieba 原始分词', en: "print jieba's tokens before stop words, synonyms and filters" },
  'help/dict-gaps': {
    zh: '列出词典缺少的新词候选（jieba 用户词典行）和仍被切开的词典词',
    en: 'list new-word candidates the dictionaries lack (jieba user-dict lines) and dictionary words still split',
  },
  'help/dict-gaps-input': { zh: '建议文件：CSV、JSONL 或工作簿', en: 'CSV, JSONL or workbook files of suggestions' },
  'help/top': { zh: '显示的候选词个数', en: 'candidates to print' },
  'help/cloud': {
    zh: '从 --out 中的数据库重新画词云（SVG 和 PNG）',
    en: 'draw the word clouds (SVG and PNG) again from the database in --out',
  },
  'help/cloud-seed': { zh: '布局的随机种子', en: 'layout seed' },
  'help/no-png': { zh: '只画 SVG', en: 'SVG only' },
  'help/report': {
    zh: '从 --out 中的数据库重新写 JSON 导出和分布分析页（report/index.html）',
    en: 'write the JSON export and the distribution-analysis page (report/index.html) again from the database in --out',
  },
  // commander's own words
  'help/title-usage': { zh: '用法：', en: 'Usage:' },
  'help/title-arguments': { zh: '参数：', en: 'Arguments:' },
  'help/title-options': { zh: '选项：', en: 'Options:' },
  'help/title-commands': { zh: '命令：', en: 'Commands:' },
  'help/default': { zh: '默认：{value}', en: 'default: {value}' },
  'help/extra': { zh: '{description}（{extra}）', en: '{description} ({extra})' },
  'help/choices': { zh: '可选：{values}', en: 'choices: {values}' },
  'cli/error-unknown-option': { zh: '错误：未知选项“{flag}”{hint}', en: "error: unknown option '{flag}'{hint}" },
  'cli/error-unknown-command': { zh: '错误：未知命令“{name}”{hint}', en: "error: unknown command '{name}'{hint}" },
  'cli/error-did-you-mean': { zh: '\n（是否想用 {what}？）', en: '\n(Did you mean {what}?)' },
  'cli/error-missing-argument': { zh: '错误：缺少必需的参数“{name}”', en: "error: missing required argument '{name}'" },
  'cli/error-option-missing-value': { zh: '错误：选项“{flags}”缺少值', en: "error: option '{flags}' argument missing" },
  'cli/error-invalid-choice': {
    zh: '错误：选项“{flags}”的值“{value}”无效。可选：{choices}。',
    en: "error: option '{flags}' argument '{value}' is invalid. Allowed choices are {choices}.",
  },
  'cli/error-too-many-arguments': {
    zh: '错误：参数太多：应为 {expected} 个，收到 {got} 个',
    en: 'error: too many arguments. Expected {expected} arguments but got {got}.',
  },
  'cli/error-see-help': { zh: '（用 --help 查看用法）', en: '(see --help)' },
} as const satisfies Record<string, { zh: string; en: string }>;

export type MessageId = keyof typeof CATALOGUE;

/** Whether the catalogue has a message of this id (for codes that come from outside, errno and SQLite). */
export function isMessageId(id: string): id is MessageId {
  return Object.hasOwn(CATALOGUE, id);
}

/** The message `id` with `{name}` filled from `args`, in both languages; a Reason argument is filled in the same language. */
export function say(id: MessageId, args: Record<string, Arg> = {}): Reason {
  const entry = CATALOGUE[id];
  return { reason: fill(entry.en, args, 'en'), reasonZh: fill(entry.zh, args, 'zh') };
}

/** One language of a message. */
export function inLang(r: Reason, lang: Lang): string {
  return lang === 'zh' ? r.reasonZh : r.reason;
}

/** The same text in both languages (a file name, an error text from a library). */
export function verbatim(text: string): Reason {
  return { reason: text, reasonZh: text };
}

function fill(template: string, args: Record<string, Arg>, lang: Lang): string {
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => {
    const v = args[name];
    if (v === undefined) return whole;
    return typeof v === 'object' ? inLang(v, lang) : String(v);
  });
}
