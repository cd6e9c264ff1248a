"""Traditional characters read as their simplified forms, one for one, so that a copy of a report republished in
traditional characters (萬元, 縣檔案館, 績效自評報告) is read by the same rules while every span still indexes the text
as written: what is drafted and cited is always the report's own writing. The table is OpenCC's, character for
character (a phrase converter would change lengths), with the characters reports use most listed by hand."""
from __future__ import annotations

import re
import unicodedata

from .traditional import SIMPLIFIED, TRADITIONAL

_TRADITIONAL = (
    "縣區鄉鎮辦處廳會黨機關務監檢審計財稅農業園館醫學衛聯協環護資產廣電視臺體藝圖書檔發規劃設統紀勞動險養築開實驗際總級們個為"
    "與評價績報預決門單項專費經濟貿應災導執幹職員數據網絡訊傳聞歷軍萬億運輸車鐵東龍陽嶺灣島蘇雲貴遼黃魯贛閩粵滬隴寧義興華賓寶"
    "營樂陰陸莊壩礦廠場團隊屬屆獻勢勝禮織糧節約貧殘婦兒僑獄勵補貼獎證記錄編號時餘於過組棟冊週鐘點畝噸裡見話碼郵標題線熱訴舉歲"
    "將達內幾兩較長減變漲佔額張條戶間塊類頁輛選議戰質療殯儀紅氣測繪獸備術師範態遊綜訪說況結論離鬥參緣賽儲倉庫貨劇藥種蠶漁橋廟"
    "鄰雜誌幣頭愛國簡稱鑒覈礎紗絲聲顯樣權歸籌擴圓嶼濱澤陝豐齊漢溫瀋邊麗蘭畢橫鳳鶴鷹馬魚鳥劉陳楊趙孫鄭吳錢"
)
_SIMPLIFIED = (
    "县区乡镇办处厅会党机关务监检审计财税农业园馆医学卫联协环护资产广电视台体艺图书档发规划设统纪劳动险养筑开实验际总级们个为"
    "与评价绩报预决门单项专费经济贸应灾导执干职员数据网络讯传闻历军万亿运输车铁东龙阳岭湾岛苏云贵辽黄鲁赣闽粤沪陇宁义兴华宾宝"
    "营乐阴陆庄坝矿厂场团队属届献势胜礼织粮节约贫残妇儿侨狱励补贴奖证记录编号时余于过组栋册周钟点亩吨里见话码邮标题线热诉举岁"
    "将达内几两较长减变涨占额张条户间块类页辆选议战质疗殡仪红气测绘兽备术师范态游综访说况结论离斗参缘赛储仓库货剧药种蚕渔桥庙"
    "邻杂志币头爱国简称鉴核础纱丝声显样权归筹扩圆屿滨泽陕丰齐汉温沈边丽兰毕横凤鹤鹰马鱼鸟刘陈杨赵孙郑吴钱"
)
# The characters reports use, as listed by hand, over OpenCC's full table (traditional.py): every traditional
# character a copy may hold is read, one for one (no two agree differently: a test holds it).
TO_SIMPLIFIED = str.maketrans(TRADITIONAL + _TRADITIONAL, SIMPLIFIED + _SIMPLIFIED)


# A copying site's pinyin in brackets inside words (項(xiàng)目績(jī)效): no part of the text (a tone mark tells it from
# a Latin word in brackets, (PPP)).
PINYIN = re.compile(r"[(（][a-zü]*[āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜ][a-zāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜü' ]{0,40}[)）]")


def without_pinyin(text: str) -> str:
    """The text without a copying site's pinyin annotations (報(bào)告 is 報告)."""
    return PINYIN.sub("", text)


def simplified(text: str) -> str:
    """The text with its traditional characters in simplified form, character for character (same length)."""
    return text.translate(TO_SIMPLIFIED)


# Radicals a PDF writer (Chromium's print, some Office exports) gives as a glyph's character where the ideograph it
# draws was meant: ⼭⼈⽀⻔ show as 山人支门, and are read so. The Kangxi radicals decompose to their ideographs
# (NFKC); of the supplement's, the simplified and variant forms that stand for an ideograph of their own are listed
# (Unicode's EquivalentUnifiedIdeograph.txt).
_SUPPLEMENT = {
    0x2E8C: "小", 0x2E8D: "小", 0x2E95: "彐", 0x2E97: "心", 0x2E9E: "歹", 0x2E9F: "母", 0x2EA0: "民", 0x2EA6: "丬",
    0x2EA8: "犭", 0x2EAC: "示", 0x2EAD: "礻", 0x2EB9: "耂", 0x2EBC: "月", 0x2EBE: "艹", 0x2EC4: "西", 0x2EC5: "见",
    0x2EC6: "角", 0x2EC8: "讠", 0x2EC9: "贝", 0x2ECB: "车", 0x2ECC: "辶", 0x2ECF: "阝", 0x2ED0: "钅", 0x2ED1: "長",
    0x2ED3: "长", 0x2ED4: "门", 0x2ED6: "阝", 0x2ED7: "雨", 0x2ED8: "青", 0x2ED9: "韦", 0x2EDA: "页", 0x2EDB: "风",
    0x2EDC: "飞", 0x2EDD: "食", 0x2EE0: "饣", 0x2EE2: "马", 0x2EE3: "骨", 0x2EE4: "鬼", 0x2EE5: "鱼", 0x2EE6: "鸟",
    0x2EE7: "卤", 0x2EE8: "麦", 0x2EE9: "黄", 0x2EEA: "黾", 0x2EEC: "齐", 0x2EEE: "齿", 0x2EF0: "龙", 0x2EF3: "龟",
}
# Kangxi radicals whose NFKC ideograph is the traditional form where simplified Chinese has its own character: an SC
# font draws ⼾ as 户 (专⼾ is 专户, not 专戶), ⾭ as 青.
_RADICALS_SIMPLIFIED = {0x2F3E: "户", 0x2FAD: "青"}
TO_IDEOGRAPHS = {code: unicodedata.normalize("NFKC", chr(code)) for code in range(0x2F00, 0x2FD6)} | _SUPPLEMENT \
    | _RADICALS_SIMPLIFIED


def ideographs(text: str) -> str:
    """The text with radicals that stand for ideographs written as those ideographs (same length)."""
    return text.translate(TO_IDEOGRAPHS)
