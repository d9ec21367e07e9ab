import assert from 'node:assert/strict';
import { test } from 'node:test';
import { describeStructure } from '../../src/model/describe-structure.ts';
import { parseText } from '../../src/parse/text/parse-text.ts';

const describe = (text: string): string => describeStructure(parseText(text).value!);

test('the structure echo names every part found, in reading order', () => {
  const src = [
    '坚定信心　真抓实干', '奋力开创新局面', '——在全县经济工作会议上的讲话', '县委书记　张三', '（2024年3月15日）', '同志们：',
    '一、总体要求', '（一）指导思想', '一是抓开工。二是抓进度。', '（二）工作目标', '正文。',
    '二、主要任务', '正文。', '三、保障措施', '单位\t任务', '一中队\t12',
  ].join('\n');
  assert.equal(describe(src), '标题 2 行 · 副题 · 讲话人 · 日期 · 称呼 · 一级标题 3 · 二级 2 · 要点 2 · 表格 1');
});

test('no title, several salutations, furniture, chapters and articles, removed clutter', () => {
  assert.equal(describe('同志们，朋友们：\n今天开会。\n同志们！\n继续。'), '无标题 · 称呼 2');
  const notice = '    【法宝引证码】 CLI.1.2\n关于做好工作的通知\nX政办发〔2024〕12号\n各乡镇人民政府，县政府各部门：\n第一章　总则\n　　第一条　为了做好工作，制定本办法。\nX县人民政府\n2024年3月1日';
  assert.equal(describe(notice), '标题 1 行 · 文号 · 主送 · 章 1 · 条 1 · 落款 · 移出杂项 1');
});
