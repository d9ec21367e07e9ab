import assert from 'node:assert/strict';
import { test } from 'node:test';
import { normalizeLine } from '../../src/transform/normalize-line.ts';
import { parseText } from '../../src/parse/text/parse-text.ts';
import { bodyText } from './helpers.ts';

const norm = (s: string): string => normalizeLine(s, { enabled: true }).text;

test('ASCII punctuation in Chinese text becomes full-width', () => {
  assert.equal(norm('按照惯例,今天召开会议;大家好!对吗?原因是:收心'), '按照惯例，今天召开会议；大家好！对吗？原因是：收心');
});

test('brackets around a date or Chinese text are Chinese context', () => {
  assert.equal(norm('(2020年2月20日)'), '（2020年2月20日）');
  assert.equal(norm('COVID-19(新冠)疫情'), 'COVID-19（新冠）疫情');
  assert.equal(norm('世界卫生组织(WHO)认为'), '世界卫生组织（WHO）认为');
  assert.equal(norm('(1)用地保障'), '（1）用地保障');
});

test('numbers, times, URLs, e-mail and Latin text keep their ASCII marks', () => {
  assert.equal(norm('增长3.5%,达到1,000元,上午10:30开会'), '增长3.5%，达到1,000元，上午10:30开会');
  assert.equal(norm('登录www.gov.cn,或发邮件至a@b.cn查询'), '登录www.gov.cn，或发邮件至a@b.cn查询');
  assert.equal(norm('详见https://www.gov.cn/a?b=1,c=2。'), '详见https://www.gov.cn/a?b=1,c=2。');
  assert.equal(norm('与Mr. Smith, Jr.洽谈'), '与Mr. Smith, Jr.洽谈');
  assert.equal(norm('函数f(x)的值'), '函数f(x)的值');
  assert.equal(norm('f(x) = 2, ok'), 'f(x) = 2, ok');
});

test('a dot after Han becomes 。 only at a sentence end', () => {
  assert.equal(norm('我讲三点意见.下面'), '我讲三点意见。下面');
  assert.equal(norm('我讲三点意见.'), '我讲三点意见。');
  assert.equal(norm('增长20%.但是'), '增长20%。但是');
  assert.equal(norm('第3.5条'), '第3.5条');
  assert.equal(norm('全年完成投资100.下一步'), '全年完成投资100。下一步');
  assert.equal(norm('1.加快项目进度'), '1.加快项目进度');
  assert.equal(norm('版本v1.0已上线'), '版本v1.0已上线');
  assert.equal(norm('等等...好的'), '等等……好的');
});

test('straight quotes pair up per line; apostrophes in Latin words stay', () => {
  assert.equal(norm('他说"你好",又说"再见".'), '他说“你好”，又说“再见”。');
  assert.equal(norm("所谓'三超'问题"), '所谓‘三超’问题');
  assert.equal(norm("Xi'an是西安"), "Xi'an是西安");
});

test('spaces typed around converted marks are dropped', () => {
  assert.equal(norm('同志们 , 大家好'), '同志们，大家好');
});

test('full-width letters and digits become half-width; radicals become unified characters', () => {
  assert.equal(norm('Ａ类１号'), 'A类1号');
  assert.equal(norm('⼒量与⻢'), '力量与马');
  assert.equal(norm('丽'), '丽'); // U+F9E9 compatibility ideograph
});

test('indentation and trailing spaces are dropped, and columns still point at the source', () => {
  const r = normalizeLine('\u3000\u3000 \t今天,开会  ', { enabled: true });
  assert.equal(r.text, '今天，开会');
  assert.deepEqual(r.map, [4, 5, 6, 7, 8]);
  assert.deepEqual(r.changes.map((c) => c.kind), ['indent', 'punctuation', 'trailing-space']);
});

test('every change is an info diagnostic with position and normalize/<kind> rule', () => {
  const r = parseText('标题\n　　今天,开会.明天Ａ级');
  const kinds = r.diagnostics.map((d) => [d.severity, d.ruleId, d.position?.start.line, d.position?.start.column]);
  assert.deepEqual(kinds, [
    ['info', 'normalize/indent', 2, 1],
    ['info', 'normalize/punctuation', 2, 5],
    ['info', 'normalize/punctuation', 2, 8],
    ['info', 'normalize/width', 2, 11],
  ]);
});

test('placeholders keep their written form through width normalization', () => {
  const r = parseText('标题\n重点项目ＸＸ个,总投资××亿元。');
  assert.equal(bodyText(r.speech!), '重点项目ＸＸ个，总投资××亿元。');
});

test('normalize=false leaves the text alone (but still trims)', () => {
  const r = parseText('标题\n　　今天,开会.', { normalize: false });
  assert.equal(bodyText(r.speech!), '今天,开会.');
  assert.deepEqual(r.diagnostics, []);
});

test('zero-width characters pasted from web pages are dropped, so markers are still found', () => {
  assert.equal(norm('\u200b一是\u200b抓\ufeff落实'), '一是抓落实');
  const r = parseText('标题\n\u200b一是抓落实。要认真。');
  assert.equal(r.speech?.children[0]?.type, 'paragraph');
  assert.equal((r.speech?.children[0] as { children: Array<{ type: string }> }).children[0]?.type, 'lead');
});

test('control characters are dropped with a warning at their position, even with normalize=false', () => {
  for (const normalize of [true, false]) {
    const r = parseText('标题\n今天\u0000召开\u0007会议。', { normalize });
    assert.equal(bodyText(r.speech!), '今天召开会议。');
    const ws = r.diagnostics.filter((d) => d.ruleId === 'normalize/control');
    assert.deepEqual(ws.map((d) => [d.severity, d.position?.start.column]), [['warning', 3], ['warning', 6]]);
    assert.match(ws[0]!.message, /U\+0000/);
  }
});

test('quotes pair across straight, full-width and curly forms, nested ‘’ and outer 『』 included', () => {
  // A straight or full-width closer after a curly opener closes it.
  assert.equal(norm('《“十四五"数字经济发展规划》'), '《“十四五”数字经济发展规划》');
  assert.equal(norm('“十四五＂规划和“双碳”目标'), '“十四五”规划和“双碳”目标');
  assert.equal(norm('“十四五"规划和"双碳"目标'), '“十四五”规划和“双碳”目标');
  // An opener typed for the closer, and a closer typed for the opener.
  assert.equal(norm('“十四五“规划'), '“十四五”规划');
  assert.equal(norm('”十四五”规划'), '“十四五”规划');
  // A straight pair inside a quotation that a curly ” closes is its inner pair.
  assert.equal(norm('他说：“我们要"撸起袖子"加油干。”'), '他说：“我们要‘撸起袖子’加油干。”');
  assert.equal(norm("他说：“所谓'三超'问题”"), '他说：“所谓‘三超’问题”');
  assert.equal(norm("‘很好＇"), '‘很好’');
  // A straight quote with nothing after it to close closes the other kind left open.
  assert.equal(norm('要讲‘规矩"'), '要讲‘规矩’');
  assert.equal(norm('『这是“好事"』'), '『这是“好事”』');
  // A quotation running on into the next paragraph stays open; Latin apostrophes stay.
  assert.equal(norm('他说：“我们'), '他说：“我们');
  assert.equal(norm(`Xi'an的“西安"城墙`), "Xi'an的“西安”城墙");
  // Only a quotation the writer opened with a curly “ holds a straight inner pair.
  assert.equal(norm('推进“十四五"规划和"双碳"目标，落实"三重一大”制度'), '推进“十四五”规划和“双碳”目标，落实“三重一大”制度');
  const changes = normalizeLine('“十四五“规划', { enabled: true }).changes;
  assert.deepEqual(changes.map((c) => [c.kind, c.from, c.to]), [['quote', '“', '”']], 'every quote change is reported');
});

test('the 破折号 typed as two U+2015 ―― becomes —— in body text; a single ― between years is a range', () => {
  assert.equal(norm('我们要争取――公平的发展'), '我们要争取——公平的发展');
  assert.equal(norm('――我们要争取公平的发展'), '——我们要争取公平的发展');
  assert.equal(norm('前进—―前进'), '前进——前进');
  assert.equal(norm('2016―2020年'), '2016—2020年');
  const r = normalizeLine('争取――公平', { enabled: true });
  assert.deepEqual(r.changes.map((c) => [c.kind, c.index]), [['dash', 2], ['dash', 3]]);
  // Traditional text is left as written.
  assert.equal(normalizeLine('爭取――公平', { enabled: true, script: 'Hant' }).text, '爭取――公平');
});

test('an enumeration number stays a number, also run together after Han; a number ending a sentence gets 。', () => {
  assert.equal(norm('附件：1.试点申报表'), '附件：1.试点申报表');
  assert.equal(norm('附件：1.试点申报表2.工作方案3.资金预算表'), '附件：1.试点申报表2.工作方案3.资金预算表');
  assert.equal(norm('附件1.试点申报表'), '附件1.试点申报表');
  assert.equal(norm('全年完成投资100.下一步6.再干'), '全年完成投资100。下一步6。再干');
});
