/**
 * Which Chinese script a text is written in, from character statistics: counts of frequent
 * characters that exist in only one of the two scripts (們/们, 國/国, 發/发…). A text is
 * Traditional when such characters are mostly Traditional; quotes 「」『』 tip a text with too few
 * distinguishing characters to tell. GB-only normalizations (curly quotes “”, the GB/T 15834 year
 * ranges) are skipped for Traditional text, and both outputs are tagged zh-Hant.
 */

/**
 * Frequent characters whose form differs between the scripts, as Traditional–Simplified pairs (the
 * most common ~400 in speeches and official texts). Left out: pairs whose Simplified form is also
 * an ordinary Traditional character (系, 制, 志, 征, 松, 斗, 划, 迹, 踪, 却) or the reverse (著).
 */
const PAIRS =
  '們们個个這这來来時时會会國国對对發发說说為为經经過过動动學学長长見见進进開开現现點点關关問问實实無无種种後后義义頭头體体機机變变與与東东氣气業业產产論论當当結结從从還还應应電电門门裡里議议區区處处總总' +
  '軍军將将資资難难萬万認认數数邊边條条導导記记團团傳传報报運运統统歷历費费輕轻響响設设計计員员務务衛卫歲岁調调權权題题戰战選选藝艺術术讓让樣样麼么話话語语識识請请讀读許许試试該该誰谁觀观視视親亲覺觉屬属' +
  '層层壓压廠厂廣广閱阅陽阳際际隊队隨随險险雙双雞鸡雲云靈灵頁页項项順顺須须預预領领額额風风飛飞養养馬马驗验魚鱼鳥鸟麥麦黨党齊齐齒齿龍龙億亿價价優优傷伤備备僅仅偉伟償偿儀仪儘尽兒儿兩两內内冊册決决況况劇剧' +
  '勞劳勢势勝胜協协單单賣卖啟启喚唤嗎吗嚴严園园圍围圖图場场壞坏壯壮聲声夠够奮奋奪夺奧奥婦妇嬰婴寧宁審审寫写寶宝專专尋寻幣币師师幫帮帶带廢废廳厅張张強强彈弹彙汇徑径復复態态慣惯憑凭憲宪懷怀戶户擁拥擇择擊击' +
  '擔担據据擴扩攜携敗败敵敌斷断晉晋暢畅書书極极構构標标樂乐橋桥檢检歡欢歸归殘残殺杀漢汉濟济濕湿測测滿满漸渐潔洁熱热爭争狀状獎奖獨独環环畝亩畫画異异療疗盡尽監监盤盘碼码確确稅税積积穩稳窮穷競竞筆笔節节範范' +
  '築筑簡简類类糧粮紀纪約约紅红級级紙纸紛纷細细終终組组絕绝絡络給给絲丝綜综綠绿維维網网緊紧績绩繼继續续罰罚罷罢聯联聖圣職职肅肃腦脑興兴舉举舊旧艦舰蘇苏葉叶蓋盖號号蟲虫衝冲補补裝装複复規规觸触訂订討讨訓训' +
  '訪访訴诉診诊證证評评詞词詳详課课諸诸謀谋講讲謝谢譯译護护豐丰貝贝負负財财責责貢贡貨货販贩貧贫購购貴贵貿贸賀贺賈贾賓宾賞赏賢贤質质賴赖贊赞贈赠趙赵趨趋踐践車车軌轨軟软轄辖輔辅輛辆輸输轉转辦办農农連连達达' +
  '遷迁適适遺遗郵邮鄉乡鄰邻醫医釋释針针鋼钢錄录錢钱錯错鍵键鎮镇閉闭閒闲間间閣阁陣阵陰阴陳陈陸陆階阶隸隶雖虽韓韩頂顶頻频顯显顧顾館馆驅驱魯鲁鮮鲜鳳凤鳴鸣麗丽黃黄';

/** What a character tells about the script (0: nothing): Traditional only, Simplified only, a corner quote. */
const HANT = 1;
const HANS = 2;
const CORNER = 3;

/**
 * The verdict of every BMP code unit (all listed characters are in the BMP), looked up by number:
 * a set of one-character strings made a string per character of the text.
 */
const CLASS = new Uint8Array(0x10000);
{
  for (let i = 0; i + 1 < PAIRS.length; i += 2) {
    CLASS[PAIRS.charCodeAt(i)] = HANT;
    CLASS[PAIRS.charCodeAt(i + 1)] = HANS;
  }
  // Quotes Traditional texts use (GB texts use “” ‘’).
  for (const q of '「」『』') CLASS[q.charCodeAt(0)] = CORNER;
}

/** Share of the distinguishing characters that must be Traditional. */
const HANT_SHARE = 0.8;
/** Fewest distinguishing characters for a verdict from characters alone. */
const MIN_EVIDENCE = 5;

/** The script of a text and the counts it was decided on. */
export interface ScriptGuess {
  /** `Hant` (Traditional), `Hans` (Simplified, the default). */
  script: 'Hans' | 'Hant';
  /** Traditional-only characters seen. */
  traditional: number;
  /** Simplified-only characters seen. */
  simplified: number;
  /** 「」『』 seen. */
  cornerQuotes: number;
}

/** Decide the script of `text` (the first 200 000 characters are enough to tell). */
export function detectScript(text: string): ScriptGuess {
  let traditional = 0;
  let simplified = 0;
  let cornerQuotes = 0;
  let n = 0;
  for (let u = 0; u < text.length; u++) {
    if (++n > 200_000) break;
    const c = text.charCodeAt(u);
    // A surrogate pair is one character, and none of the listed ones.
    if (c >= 0xd800 && c <= 0xdbff && u + 1 < text.length) {
      const d = text.charCodeAt(u + 1);
      if (d >= 0xdc00 && d <= 0xdfff) {
        u++;
        continue;
      }
    }
    const k = CLASS[c];
    if (k === HANT) traditional++;
    else if (k === HANS) simplified++;
    else if (k === CORNER) cornerQuotes++;
  }
  const evidence = traditional + simplified;
  const hant =
    evidence >= MIN_EVIDENCE ? traditional >= HANT_SHARE * evidence : traditional > simplified && cornerQuotes > 0;
  return { script: hant ? 'Hant' : 'Hans', traditional, simplified, cornerQuotes };
}

/** The BCP 47 tag of a script guess: `zh-Hant` for Traditional text, `zh-CN` otherwise. */
export function langOf(guess: ScriptGuess): string {
  return guess.script === 'Hant' ? 'zh-Hant' : 'zh-CN';
}
