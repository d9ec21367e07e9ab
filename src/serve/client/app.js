// The page: editor, pages, structure and findings; batch dialog. Plain ES module, served as is.
import { rangeOf, setField, parseSrc, contains } from './positions.js';

const $ = (id) => document.getElementById(id);
const editor = $('editor');
const pagesEl = $('pages');

/** What the page holds. */
const state = {
  name: '讲话稿.txt', // name of the manuscript (its extension says how the server reads it)
  original: null, // the opened File, sent as is for downloads while the text is unchanged
  originalText: null, // the text the opened file gave
  preview: null, // the last preview answer
  seq: 0, // preview requests sent
  inflight: null, // AbortController of the preview in flight
  fonts: new Set(), // @font-face families already declared
  timer: 0,
  limits: null, // the server's upload limits (/api/info)
};

const SEVERITY = { error: '错误', warning: '警告', info: '提示' };
const FIELD_NAMES = ['title', 'subtitle', 'speaker', 'date'];

// ---------------------------------------------------------------- messages

function say(text, kind = 'info') {
  const m = $('message');
  m.textContent = text;
  m.className = kind;
  m.hidden = !text;
}

async function errorText(response) {
  try {
    const body = await response.json();
    return body.error ?? `出错了（${response.status}）`;
  } catch {
    return `出错了（${response.status}）`;
  }
}

const mbOf = (n) => `${Math.round(n / 1024 / 1024)} MB`;

// ---------------------------------------------------------------- preview

function choices() {
  return { preset: $('preset').value, draft: $('draft').checked };
}

/** Re-typeset the editor's text soon (typing re-sets the timer; an older request is cancelled). */
function schedule(delay = 60) {
  clearTimeout(state.timer);
  state.timer = setTimeout(refresh, delay);
}

async function refresh() {
  const text = editor.value;
  if (text.trim() === '' && !state.original) return showEmpty();
  if (state.original && text === state.originalText) return openFile(state.original, false);
  state.inflight?.abort();
  const controller = (state.inflight = new AbortController());
  const seq = ++state.seq;
  const t0 = performance.now();
  document.body.dataset.state = 'busy';
  try {
    const response = await fetch('/api/preview', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ text, name: textName(), ...choices() }),
      signal: controller.signal,
    });
    if (!response.ok) throw new Error(await errorText(response));
    const preview = await response.json();
    if (seq !== state.seq) return;
    await show(preview, t0);
  } catch (e) {
    if (e.name === 'AbortError') return;
    say(e.message, 'error');
    document.body.dataset.state = 'error';
  }
}

/** The name the editor's text goes under: the opened file's for text formats, else stem.txt. */
function textName() {
  const n = state.name;
  return /\.(txt|text|md|markdown|json)$/i.test(n) ? n : `${n.replace(/\.[^.]*$/, '')}.txt`;
}

async function openFile(file, fillEditor = true) {
  // Refused at once instead of after uploading it (the server refuses it too).
  if (state.limits && file.size > state.limits.fileBytes) return say(`${file.name} 超过单个文件 ${mbOf(state.limits.fileBytes)} 的上限，未打开`, 'error');
  state.inflight?.abort();
  const controller = (state.inflight = new AbortController());
  const seq = ++state.seq;
  const t0 = performance.now();
  document.body.dataset.state = 'busy';
  const form = new FormData();
  form.append('file', file, file.name);
  const c = choices();
  form.append('preset', c.preset);
  form.append('draft', String(c.draft));
  try {
    const response = await fetch('/api/open', { method: 'POST', body: form, signal: controller.signal });
    if (!response.ok) throw new Error(await errorText(response));
    const preview = await response.json();
    if (seq !== state.seq) return;
    if (fillEditor) {
      state.original = file;
      state.name = preview.name;
      state.originalText = preview.text ?? '';
      editor.value = state.originalText;
      $('file-name').textContent = preview.name;
    }
    await show(preview, t0);
  } catch (e) {
    if (e.name === 'AbortError') return;
    say(e.message, 'error');
    document.body.dataset.state = 'error';
  }
}

/** Declare the font subsets a preview names and wait for them, so pages never flash a fallback face. */
async function loadFonts(fontFaces) {
  const fresh = fontFaces.filter((f) => !state.fonts.has(f.family));
  if (fresh.length === 0) return;
  const loads = fresh.map(async (f) => {
    const face = new FontFace(f.family, `url(${f.url})`, { display: 'block' });
    document.fonts.add(face);
    state.fonts.add(f.family);
    try {
      await face.load();
    } catch {
      say('有一种字体未能载入，版面暂用浏览器字体显示（下载的文件不受影响）', 'error');
    }
  });
  await Promise.all(loads);
}

async function show(preview, t0) {
  await loadFonts(preview.fontFaces ?? []);
  state.preview = preview;
  pagesEl.innerHTML = preview.pages.map((svg, i) => `<div class="page" data-index="${i}">${svg}</div>`).join('');
  const n = preview.pages.length;
  const ms = Math.round(performance.now() - t0);
  $('status').textContent = n ? `共 ${n} 页 · ${ms} 毫秒` : '没有可排的内容';
  showStructure(preview.structure);
  showFindings(preview.findings);
  const blocking = preview.findings.find((f) => f.severity === 'error');
  say(blocking ? (blocking.message.includes(preview.name) ? blocking.message : `${preview.name}：${blocking.message}`) : '', blocking ? 'error' : 'info');
  $('download-pdf').disabled = $('download-docx').disabled = n === 0;
  document.body.dataset.pages = String(n);
  document.body.dataset.renders = String(Number(document.body.dataset.renders ?? 0) + 1);
  document.body.dataset.state = n ? 'ready' : 'failed';
}

function showEmpty() {
  state.preview = null;
  pagesEl.innerHTML = '';
  $('status').textContent = '尚无内容';
  showStructure(undefined);
  showFindings([]);
  document.body.dataset.state = 'empty';
  document.body.dataset.pages = '0';
}

// ---------------------------------------------------------------- structure

function showStructure(structure) {
  for (const f of FIELD_NAMES) {
    const input = $(`field-${f}`);
    if (document.activeElement !== input) input.value = structure?.fields?.[f]?.value ?? '';
  }
  $('salutation').textContent = structure?.salutation ? `称呼：${structure.salutation.value}` : '';
  const outline = $('outline');
  outline.innerHTML = '';
  for (const h of structure?.outline ?? []) {
    const li = document.createElement('li');
    li.className = `d${h.depth}`;
    li.textContent = h.text;
    if (h.page) li.insertAdjacentHTML('beforeend', `<span class="pg">第 ${h.page} 页</span>`);
    li.addEventListener('click', () => reveal(h.position));
    outline.append(li);
  }
}

/** A title-block field was edited: rewrite its line in the text and re-typeset. */
function onField(event) {
  const field = event.target.name;
  if (!state.preview?.structure) return;
  editor.value = setField(editor.value, state.preview.structure, field, event.target.value.trim());
  refresh();
}

// ---------------------------------------------------------------- findings

function showFindings(findings) {
  const list = $('findings');
  list.innerHTML = '';
  const counts = { error: 0, warning: 0, info: 0 };
  for (const f of findings) counts[f.severity]++;
  $('finding-counts').textContent = findings.length
    ? Object.entries(counts).filter(([, n]) => n).map(([k, n]) => `${SEVERITY[k]} ${n}`).join(' · ')
    : '没有问题';
  // Errors and warnings one by one; infos (normalizations) grouped by rule after them.
  const serious = findings.filter((f) => f.severity !== 'info');
  const infos = findings.filter((f) => f.severity === 'info');
  for (const f of serious) list.append(findingItem(f));
  const byRule = new Map();
  for (const f of infos) byRule.set(f.ruleId, [...(byRule.get(f.ruleId) ?? []), f]);
  for (const [, group] of byRule) {
    if (group.length > 3) {
      const head = document.createElement('li');
      head.className = 'group';
      head.textContent = `以下 ${group.length} 条同类提示只列前 3 条：`;
      list.append(head);
    }
    for (const f of group.slice(0, 3)) list.append(findingItem(f));
  }
}

function findingItem(f) {
  const li = document.createElement('li');
  li.className = f.severity;
  li.dataset.rule = f.ruleId;
  const where = f.position ? `第 ${f.position.start.line} 行` : '';
  li.innerHTML = `<span class="where"></span><span class="text"></span>`;
  li.querySelector('.where').textContent = `${SEVERITY[f.severity]}${where ? ` · ${where}` : ''}`;
  li.querySelector('.text').textContent = f.message;
  if (f.hint) li.title = f.hint;
  li.addEventListener('click', () => {
    for (const x of document.querySelectorAll('.findings li.active')) x.classList.remove('active');
    li.classList.add('active');
    reveal(f.position);
  });
  return li;
}

/** Show a source position: select it in the editor and mark it on the page. */
function reveal(position) {
  clearMarks();
  if (!position) return;
  const text = editor.value;
  const [start, end] = rangeOf(text, position);
  editor.focus();
  editor.setSelectionRange(start, end);
  scrollEditorTo(start);
  markOnPage(position, text.slice(start, end));
}

/** Scroll the editor so that offset `at` is in view: measure with a mirror of the textarea. */
function scrollEditorTo(at) {
  const mirror = document.createElement('div');
  const cs = getComputedStyle(editor);
  for (const p of ['font', 'lineHeight', 'padding', 'whiteSpace', 'wordWrap', 'letterSpacing', 'boxSizing']) mirror.style[p] = cs[p];
  mirror.style.width = `${editor.clientWidth}px`;
  mirror.style.position = 'absolute';
  mirror.style.visibility = 'hidden';
  mirror.style.whiteSpace = 'pre-wrap';
  mirror.textContent = editor.value.slice(0, at);
  const caret = document.createElement('span');
  caret.textContent = '\u200b';
  mirror.append(caret);
  document.body.append(mirror);
  const top = caret.offsetTop;
  mirror.remove();
  editor.scrollTop = Math.max(0, top - editor.clientHeight / 3);
}

function clearMarks() {
  for (const m of pagesEl.querySelectorAll('.sd-marks')) m.remove();
}

/**
 * Mark a source span on the pages. Lines carry their block's source span; the block's text is
 * the source text (normalized one character for one), so the column gives the place, checked
 * against the selected text; failing that, the whole block is marked.
 */
function markOnPage(position, snippet) {
  const lines = [...pagesEl.querySelectorAll('text.sd-line[data-src]')].filter((t) => contains(parseSrc(t.dataset.src), position.start));
  if (lines.length === 0) return;
  const block = lines[0].dataset.block;
  const blockLines = [...pagesEl.querySelectorAll(`text.sd-line[data-block="${block}"]`)];
  const full = blockLines.map((t) => t.textContent).join('');
  const src = parseSrc(blockLines[0].dataset.src);
  let from = -1;
  let length = snippet.length;
  if (src && src.start.line === position.start.line) {
    const guess = Array.from(full).slice(0, Math.max(0, position.start.column - src.start.column)).join('').length;
    if (snippet && full.startsWith(snippet, guess)) from = guess;
    else if (snippet) {
      // The nearest occurrence of the text to where the column points.
      let best = -1;
      for (let i = full.indexOf(snippet); i >= 0; i = full.indexOf(snippet, i + 1)) if (best < 0 || Math.abs(i - guess) < Math.abs(best - guess)) best = i;
      from = best >= 0 ? best : guess < full.length ? guess : -1;
    }
  }
  if (from < 0 || length === 0) {
    from = 0;
    length = full.length;
  }
  let first;
  let offset = 0;
  for (const t of blockLines) {
    const n = t.textContent.length;
    const a = Math.max(from, offset);
    const b = Math.min(from + length, offset + n);
    if (a < b) first ??= markChars(t, a - offset, b - offset);
    offset += n;
  }
  first?.scrollIntoView({ block: 'center' });
}

/** A mark over characters [a, b) of a line; returns it. */
function markChars(textEl, a, b) {
  let x1 = Infinity;
  let y1 = Infinity;
  let x2 = -Infinity;
  let y2 = -Infinity;
  for (let i = a; i < b; i++) {
    let r;
    try {
      r = textEl.getExtentOfChar(i);
    } catch {
      continue;
    }
    x1 = Math.min(x1, r.x);
    y1 = Math.min(y1, r.y);
    x2 = Math.max(x2, r.x + r.width);
    y2 = Math.max(y2, r.y + r.height);
  }
  if (!Number.isFinite(x1)) return undefined;
  const svg = textEl.ownerSVGElement;
  const ns = 'http://www.w3.org/2000/svg';
  const g = document.createElementNS(ns, 'g');
  g.setAttribute('class', 'sd-marks');
  const rect = document.createElementNS(ns, 'rect');
  rect.setAttribute('class', 'sd-mark');
  rect.setAttribute('x', String(x1 - 1));
  rect.setAttribute('y', String(y1));
  rect.setAttribute('width', String(x2 - x1 + 2));
  rect.setAttribute('height', String(y2 - y1));
  g.append(rect);
  svg.insertBefore(g, svg.querySelector('text'));
  return rect;
}

// ---------------------------------------------------------------- downloads

async function download(format) {
  const form = new FormData();
  const c = choices();
  form.append('format', format);
  form.append('preset', c.preset);
  form.append('draft', String(c.draft));
  if (state.original && editor.value === state.originalText) form.append('file', state.original, state.original.name);
  else {
    form.append('text', editor.value);
    form.append('name', textName());
  }
  say(`正在生成 ${format === 'pdf' ? 'PDF' : 'Word 文档'}…`);
  const response = await fetch('/api/download', { method: 'POST', body: form });
  if (!response.ok) return say(await errorText(response), 'error');
  const name = decodeURIComponent(/filename\*=UTF-8''([^;]+)/.exec(response.headers.get('content-disposition') ?? '')?.[1] ?? `讲话稿.${format}`);
  saveBlob(await response.blob(), name);
  say(`已下载 ${name}`);
}

function saveBlob(blob, name) {
  const a = document.createElement('a');
  a.href = URL.createObjectURL(blob);
  a.download = name;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(a.href), 60_000);
}

// ---------------------------------------------------------------- batch

function openBatch(open = true) {
  $('batch').hidden = !open;
}

function batchUpload(files) {
  if (files.length === 0) return;
  openBatch();
  const total = files.reduce((n, f) => n + f.size, 0);
  if (state.limits && (files.length > state.limits.batchFiles || total > state.limits.batchBytes)) {
    $('batch-status').textContent = `一次最多 ${state.limits.batchFiles} 个文件、合计 ${mbOf(state.limits.batchBytes)}；这次选了 ${files.length} 个、${mbOf(total)}，请分批上传`;
    return;
  }
  const form = new FormData();
  for (const f of files) form.append('files', f, f.name);
  const c = choices();
  form.append('preset', c.preset);
  form.append('draft', String(c.draft));
  const bar = $('batch-progress');
  bar.hidden = false;
  bar.removeAttribute('value');
  $('batch-zip').hidden = true;
  $('batch-list').innerHTML = '';
  $('batch-status').textContent = `正在上传 ${files.length} 个文件…`;
  const xhr = new XMLHttpRequest();
  xhr.open('POST', '/api/batch');
  xhr.responseType = 'json';
  xhr.upload.onprogress = (e) => {
    if (e.lengthComputable) $('batch-status').textContent = `正在上传… ${Math.round((e.loaded / e.total) * 100)}%`;
  };
  xhr.onload = () => {
    if (xhr.status !== 202) {
      bar.hidden = true;
      $('batch-status').textContent = xhr.response?.error ?? `出错了（${xhr.status}）`;
      return;
    }
    pollBatch(xhr.response.id);
  };
  xhr.onerror = () => ($('batch-status').textContent = '上传失败，请检查网络后重试');
  xhr.send(form);
}

const STATUS = { waiting: '等待', building: '排版中', ok: '完成', warnings: '完成（有警告）', failed: '失败' };

async function pollBatch(id) {
  const response = await fetch(`/api/batch/${id}`);
  if (!response.ok) return ($('batch-status').textContent = await errorText(response));
  const s = await response.json();
  const bar = $('batch-progress');
  bar.max = s.total;
  bar.value = s.done;
  $('batch-status').textContent = s.finished ? `全部完成：共 ${s.total} 个文件，${s.files.filter((f) => f.status === 'failed').length} 个失败` : `正在排版：${s.done} / ${s.total}`;
  const list = $('batch-list');
  list.innerHTML = '';
  for (const f of s.files) {
    const li = document.createElement('li');
    li.className = f.status;
    const why = f.status === 'failed' ? f.diagnostics.find((d) => d.severity === 'error')?.message ?? '' : f.pages ? `${f.pages} 页` : '';
    li.textContent = `${f.input}：${STATUS[f.status]}${why ? `（${why}）` : ''}`;
    list.append(li);
  }
  if (!s.finished) return setTimeout(() => pollBatch(id), 300);
  const a = $('batch-zip');
  a.href = `/api/batch/${id}/zip`;
  a.hidden = false;
}

// ---------------------------------------------------------------- wiring

function dropZone(el, onFiles) {
  el.addEventListener('dragover', (e) => {
    if (![...(e.dataTransfer?.types ?? [])].includes('Files')) return;
    e.preventDefault();
    el.classList.add('over');
  });
  el.addEventListener('dragleave', () => el.classList.remove('over'));
  el.addEventListener('drop', (e) => {
    if (!e.dataTransfer?.files?.length) return;
    e.preventDefault();
    el.classList.remove('over');
    onFiles([...e.dataTransfer.files]);
  });
}

/** Files dropped on the editor: one opens in it; several (or a zip) go to the batch. */
function onEditorFiles(files) {
  if (files.length === 1 && !/\.zip$/i.test(files[0].name)) openFile(files[0]);
  else batchUpload(files);
}

editor.addEventListener('input', () => schedule());
$('preset').addEventListener('change', () => refresh());
$('draft').addEventListener('change', () => refresh());
$('fields').addEventListener('input', (e) => {
  clearTimeout(state.fieldTimer);
  state.fieldTimer = setTimeout(() => onField(e), 150);
});
$('fields').addEventListener('submit', (e) => e.preventDefault());
$('open-file').addEventListener('change', (e) => {
  const f = e.target.files?.[0];
  if (f) openFile(f);
  e.target.value = '';
});
$('download-pdf').addEventListener('click', () => download('pdf'));
$('download-docx').addEventListener('click', () => download('docx'));
$('batch-toggle').addEventListener('click', () => openBatch(true));
$('batch-close').addEventListener('click', () => openBatch(false));
$('batch-files').addEventListener('change', (e) => {
  batchUpload([...e.target.files]);
  e.target.value = '';
});
dropZone($('drop'), onEditorFiles);
dropZone($('batch-drop'), batchUpload);
// A file dropped anywhere else must not make the browser navigate away from the page.
window.addEventListener('dragover', (e) => e.preventDefault());
window.addEventListener('drop', (e) => e.preventDefault());

fetch('/api/info')
  .then((r) => r.json())
  .then((info) => {
    $('preset').value = info.preset;
    $('draft').checked = info.draft;
    state.limits = info.limits;
    const mb = mbOf;
    $('batch-limits').textContent = `上限：单个文件 ${mb(info.limits.fileBytes)}，一次 ${info.limits.batchFiles} 个文件、合计 ${mb(info.limits.batchBytes)}`;
    document.body.dataset.ready = 'true';
  })
  .catch(() => say('无法连接 speechdoc 服务，请确认它仍在运行', 'error'));
