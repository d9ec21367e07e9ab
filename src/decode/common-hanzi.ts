/**
 * The most frequent Han characters of Chinese documents, simplified and traditional, to choose
 * between two legacy decodings that both give valid ideographs. A file a few characters long (a
 * title and a salutation) gives chardet too little to go on, and its guess of Big5 turned
 * “一\n二” into “珨\n媼”; real text in either script is mostly made of characters listed here.
 */

/** About 600 frequent characters (the top of the common-character lists, both scripts), as code units: all are in the BMP. */
const COMMON = new Set<number>(
  [...(
    '的一是在不了有和人这中大为上个国我以要他时来用们生到作地于出就分对成会可主发年动同工也能下过子说产种面而方后多定行学法所民得经十三之进着等部度家电力里如水化高自二理起小物现实加量都两体制机当使点从业本去把性好应开它合还因由其些然前外天政四日那社义事平形相全表间样与关各重新线内数正心反你明看原又么利比或但质气第向道命此变条只没结解问意建月公无系军很情者最立代想已通并提直题党程展五果料象员革位入常文总次品式活设及管特件长求老头基资边流路级少图山统接知较将组见计别她手角期根论运农指几九区强放决西被干做必战先回则任取据处理府研质' +
    '们个为对说时过这进还经发现两应着将无长问关开学门见东车书马电话头样让号务与员际产业区总动义实当体间团结报场战给师农战计权条设运张传务统认导济议决国內國們個為對說時過這進還經發現兩應著將無長問關開學門見東車書馬電話頭樣讓號務與員際產業區總動義實當體間團結報場戰給師農計權條設運張傳統認導濟議決會來時後對發點從經濟黨幹廣縣領導' +
    '县委书记同志讲话今天召开会议工作安排部署全面落实加强推进建设发展群众服务安全生产质量提高完成任务目标要求坚持问题责任深化改革创新项目资金经济社会年度重点抓好确保各级单位领导干部党员基层乡镇政府市省中央精神贯彻学习教育活动组织管理制度规定执行监督检查情况报告通知意见方案计划总结会上节春防疫大家好谢谢各位代表来宾朋友们' +
    '縣書記講話召開議會議作安排署面落實強進設發展眾務安產質提完標堅題責深革創項資濟會度點確級單幹員層鄉鎮府貫徹習教織規執監督檢況報告見劃總結節'
  )].map((ch) => ch.charCodeAt(0)),
);

/** How many of the Han characters of `text` are frequent ones (others count nothing). */
export function commonHanScore(text: string): number {
  // By code unit: every listed character is one unit, and half a surrogate pair is none of them.
  let n = 0;
  for (let i = 0; i < text.length; i++) if (COMMON.has(text.charCodeAt(i))) n++;
  return n;
}
