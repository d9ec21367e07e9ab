import { test } from 'node:test';
import assert from 'node:assert/strict';
import { XMLValidator } from 'fast-xml-parser';
import { xmpDate, xmpDescriptions } from '../../src/render/pdf/xmp.ts';
import { escapeXml } from '../../src/render/xml.ts';

test('escapes markup characters and drops controls XML cannot carry', () => {
  assert.equal(escapeXml(`a&b<c>"d'\u0001`), 'a&amp;b&lt;c&gt;&quot;d&apos;');
});

test('dates are UTC to the second, like the Info dictionary', () => {
  assert.equal(xmpDate(new Date('2024-01-02T03:04:05.678Z')), '2024-01-02T03:04:05Z');
});

test('descriptions are well-formed with hostile values', () => {
  const body = xmpDescriptions({
    title: '关于A&B<c>"d"的讲话',
    author: '张三 <书记>',
    subject: '&&',
    keywords: 'x, <y>',
    creator: 'speechdoc',
    producer: 'speechdoc',
    date: new Date(0),
    lang: 'zh-CN',
  });
  const xml = `<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">${body}</rdf:RDF>`;
  assert.equal(XMLValidator.validate(xml), true);
  assert.match(body, /<rdf:li xml:lang="x-default">关于A&amp;B&lt;c&gt;&quot;d&quot;的讲话<\/rdf:li>/);
  assert.match(body, /<xmp:ModifyDate>1970-01-01T00:00:00Z<\/xmp:ModifyDate>/);
});
