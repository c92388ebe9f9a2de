/**
 * Traditional characters folded to simplified ones for search, so that a query written in traditional
 * characters finds what the simplified one finds (醫療 = 医疗), and the reverse for documents. One character to
 * one character, for the vocabulary of government documents (the common 通用规范汉字表 pairs); characters not
 * listed are left as they are.
 */
const PAIRS =
  '醫医療疗衛卫生生機机構构關关於于發发佈布務务說说廢废傳传區区與与為为國国產产標标準准審审開开實实體体條条' +
  '辦办資资訊讯報报預预決决財财項项農农業业稅税費费勞劳動动險险證证藥药監监獎奖懲惩貸贷據据統统計计劃划規规範范' +
  '經经濟济環环護护態态廳厅員员會会議议紀纪設设備备質质檢检疫疫種种產产學学歷历職职稱称權权責责處处罰罚強强執执' +
  '廣广東东華华廠厂圖图書书館馆鄉乡鎮镇縣县導导歲岁齡龄婦妇幼幼兒儿童童歸归屬属價价買买賣卖銷销團团個个們们' +
  '這这裡里麼么時时間间長长來来對对應应從从當当點点問问題题進进現现後后無无將将還还總总數数線线網网電电話话' +
  '車车輛辆運运輸输軍军戰战隊队們们見见觀观聽听讀读寫写記记錄录選选舉举議议認认識识講讲請请許许設设計计論论' +
  '災灾難难緊紧急急擴扩張张節节約约綠绿優优勢势獨独適适齊齐續续維维繫系組组織织結结構构級级紅红約约層层際际' +
  '億亿萬万貳贰參参陸陆壹壹園园場场勵励採采購购倉仓儲储庫库達达選选遷迁過过隨随邊边遠远連连適适邏逻鄰邻鐵铁' +
  '銀银錢钱鋼钢鍋锅鎖锁長长門门閱阅陳陈陰阴陽阳階阶險险隱隐雜杂離离雙双難难靜静響响頁页順顺須须領领頭头額额' +
  '風风飛飞飯饭飲饮養养餘余馬马驗验驟骤髮发鬥斗魚鱼鳥鸟麥麦黃黄齒齿龍龙龜龟壓压夠够奪夺奮奋婁娄孫孙寧宁寶宝' +
  '對对尋寻屆届岡冈崗岗幣币幫帮庫库廉廉彈弹徑径徵征懷怀態态慮虑憲宪擔担據据擇择擁拥擬拟攝摄敘叙敵敌斷断暢畅' +
  '樓楼樣样橋桥檔档權权歡欢殘残氣气決决沒没溝沟滅灭漢汉潔洁澤泽濕湿燈灯爭争牆墙獲获瑪玛畫画療疗癥症盡尽盤盘' +
  '確确禮礼禍祸稱称穩稳窮穷競竞筆笔簡简糧粮純纯紙纸細细終终給给絕绝絡络綜综緒绪緣缘編编縮缩總总績绩繳缴聯联' +
  '聲声膚肤腦脑臨临興兴舊旧艦舰莊庄葉叶蓋盖蘇苏蟲虫衝冲補补裝装複复覆覆親亲覺觉覽览訂订訓训訴诉診诊詢询該该' +
  '詳详誠诚誤误調调諮咨謀谋謝谢變变豐丰貧贫貨货販贩責责貴贵貿贸賀贺資资賠赔賴赖趕赶趙赵跡迹躍跃輕轻載载較较' +
  '輔辅轄辖辭辞農农邁迈郵邮鄭郑醬酱釋释針针鈔钞鉛铅鋪铺錯错鍵键鎮镇鐘钟閉闭閑闲閣阁闆板闊阔隸隶韓韩頒颁頓顿' +
  '頻频顧顾顯显飢饥館馆駐驻騙骗體体髒脏鬧闹麗丽黨党齡龄';

/**
 * The simplified form of each listed traditional character by its code unit (each is one UTF-16 unit, as is its
 * simplified form: lengths never change); 0 where none is listed or the two are one character (生生).
 */
const SIMPLIFIED = new Uint16Array(0x10000);
for (let i = 0; i + 1 < PAIRS.length; i += 2)
  if (PAIRS[i] !== PAIRS[i + 1]) SIMPLIFIED[PAIRS.charCodeAt(i)] = PAIRS.charCodeAt(i + 1);

export function toSimplified(text: string): string {
  // most text has no traditional character: scan first, copy only from the first one found
  let i = 0;
  while (i < text.length && SIMPLIFIED[text.charCodeAt(i)] === 0) i++;
  if (i === text.length) return text;
  let out = text.slice(0, i);
  for (; i < text.length; i++) {
    const code = text.charCodeAt(i);
    const simplified = SIMPLIFIED[code]!;
    out += simplified === 0 ? text[i] : String.fromCharCode(simplified);
  }
  return out;
}
