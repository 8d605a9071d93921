// A compact Hanzi → pinyin (toneless) table for matching a Latin-spelt name to a Chinese one: the
// common surnames and the characters most used in given names. Written for Rounds by hand (not derived
// from Unihan or any other data set); a character with several readings lists the one used in names
// first. A name with a character outside the table is simply not matched by pinyin.

#include "models/duplicates.h"

#include <QHash>

namespace rounds {

namespace {

// "字reading[,reading…]" entries separated by spaces.
const char16_t kTable[]
    = u""
      // surnames
      "王wang 李li 张zhang 刘liu 陈chen 杨yang 黄huang 赵zhao 吴wu 周zhou 徐xu 孙sun 马ma 朱zhu 胡hu 郭guo "
      "何he 高gao 林lin 罗luo 郑zheng 梁liang 谢xie 宋song 唐tang 许xu 韩han 冯feng 邓deng 曹cao 彭peng "
      "曾zeng,ceng 肖xiao 田tian 董dong 袁yuan 潘pan 于yu 蒋jiang 蔡cai 余yu 杜du 叶ye 程cheng 苏su 魏wei "
      "吕lv,lu 丁ding 任ren 沈shen 姚yao 卢lu 姜jiang 崔cui 钟zhong 谭tan 陆lu 汪wang 范fan 金jin 石shi "
      "廖liao 贾jia 夏xia 韦wei 付fu 方fang 白bai 邹zou 孟meng 熊xiong 秦qin 邱qiu 江jiang 尹yin 薛xue "
      "闫yan 段duan 雷lei 侯hou 龙long 史shi 陶tao 黎li 贺he 顾gu 毛mao 郝hao 龚gong 邵shao 万wan 钱qian "
      "严yan 覃qin 武wu 戴dai 莫mo 孔kong 向xiang 汤tang 常chang 温wen 康kang 施shi 文wen 牛niu 樊fan "
      "葛ge 邢xing 安an 齐qi 易yi 乔qiao 伍wu 庞pang 颜yan 倪ni 庄zhuang 聂nie 章zhang 鲁lu 岳yue 翟zhai "
      "殷yin 詹zhan 申shen 欧ou 耿geng 关guan 兰lan 焦jiao 俞yu 左zuo 柳liu 甘gan 祝zhu 包bao 宁ning "
      "尚shang 符fu 舒shu 阮ruan 柯ke 纪ji 梅mei 童tong 凌ling 毕bi 单shan,dan 季ji 裴pei 霍huo 涂tu "
      "成cheng 苗miao 谷gu 盛sheng 曲qu 翁weng 冉ran 骆luo 蓝lan 路lu 游you 辛xin 靳jin 管guan 柴chai "
      "蒙meng 鲍bao 华hua 喻yu 祁qi 蒲pu 房fang 滕teng 屈qu 饶rao 解xie,jie 牟mou 艾ai 尤you 阳yang "
      "时shi 穆mu 农nong 司si 卓zhuo 古gu 吉ji 缪miao 简jian 车che 项xiang 连lian 芦lu 麦mai 褚chu 娄lou "
      "窦dou 戚qi 岑cen 景jing 党dang 宫gong 费fei 卜bu 冷leng 晏yan 席xi 卫wei 米mi 柏bai 宗zong 瞿qu "
      "桂gui 全quan 佟tong 应ying 臧zang 闵min 苟gou 邬wu 边bian 卞bian 姬ji 师shi 和he 仇qiu 栾luan "
      "隋sui 商shang 刁diao 沙sha 荣rong 巫wu 寇kou 桑sang 郎lang 甄zhen 丛cong 仲zhong 虞yu 敖ao 巩gong "
      "明ming 佘she 池chi 查zha,cha 麻ma 苑yuan 迟chi 邝kuang 区ou,qu 朴piao,pu "
      // given names
      "伟wei 芳fang 娜na 敏min 静jing 丽li 强qiang 磊lei 军jun 洋yang 勇yong 艳yan 杰jie 娟juan 涛tao "
      "明ming 超chao 秀xiu 霞xia 平ping 刚gang 桂gui 英ying 华hua 玉yu 萍ping 红hong 建jian 文wen 辉hui "
      "力li 斌bin 宇yu 浩hao 凯kai 鹏peng 飞fei 鑫xin 波bo 宁ning 婷ting 雪xue 琳lin 晨chen 欣xin 佳jia "
      "俊jun 帅shuai 健jian 慧hui 颖ying 倩qian 莉li 梅mei 兰lan 燕yan 春chun 晓xiao 海hai 峰feng 亮liang "
      "林lin 国guo 民min 志zhi 永yong 庆qing 东dong 云yun 新xin 成cheng 荣rong 光guang 兵bing 生sheng "
      "金jin 福fu 祥xiang 德de 安an 龙long 源yuan 琴qin 洁jie 怡yi 丹dan 蕾lei 璐lu 瑶yao 婧jing 媛yuan "
      "薇wei 菲fei 悦yue 彤tong 萱xuan 琪qi 琦qi 晶jing 睿rui 博bo 涵han 轩xuan 子zi 梓zi 浩hao 然ran "
      "一yi 诚cheng 思si 嘉jia 家jia 小xiao 大da 天tian 中zhong 山shan 水shui 长chang,zhang 红hong 青qing "
      "清qing 雨yu 月yue 星xing 阳yang 晴qing 振zhen 世shi 立li 学xue 春chun 秋qiu 冬dong 伦lun 旭xu "
      "昊hao 泽ze 宏hong 鸿hong 毅yi 翔xiang 涌yong 继ji 治zhi 彬bin 坤kun 鹤he 凤feng 霖lin 淑shu 贞zhen "
      "慧hui 珍zhen 珊shan 岚lan 蓉rong 芬fen 芸yun 莹ying 露lu 瑞rui 祺qi 琛chen 锋feng 钢gang 铭ming "
      "锦jin 震zhen 宾bin 仁ren 义yi 礼li 智zhi 信xin 忠zhong 孝xiao 和he 友you 善shan 美mei 佩pei 翠cui "
      "秀xiu 惠hui 娇jiao 婉wan 妍yan 姗shan 娅ya 雯wen 茜qian 蓓bei 蕊rui 晗han 昕xin 曦xi 睿rui 哲zhe "
      "皓hao 杨yang 柏bai 松song 竹zhu 桐tong 楠nan 森sen 彦yan 韬tao 啸xiao 骏jun 驰chi 腾teng 跃yue "
      "卫wei 红hong 胜sheng 利li 喜xi 乐le 康kang 泰tai 兴xing 旺wang 发fa 财cai 富fu 贵gui 宝bao 珠zhu "
      "晖hui 炜wei 烨ye 焕huan 煜yu 熙xi 燕yan 鹰ying 鸣ming 凡fan 帆fan 远yuan 航hang 舟zhou 启qi "
      "君jun 群qun 朋peng 亚ya 欢huan 双shuang 丰feng 露lu 艺yi 若ruo 如ru 心xin 爱ai 恩en 雅ya 可ke "
      "之zhi 以yi 元yuan 方fang 正zheng 奇qi 勤qin 俭jian 玲ling 芝zhi 蓝lan 静jing 虹hong 凤feng 莲lian";

QHash<char32_t, QStringList> parse()
{
    QHash<char32_t, QStringList> table;
    const QString all = QString::fromUtf16(kTable);
    for (const QString &entry : all.split(QLatin1Char(' '), Qt::SkipEmptyParts)) {
        int split = 0;
        while (split < entry.size() && entry.at(split).unicode() >= 0x80)
            ++split;
        const QString hanzi = entry.left(split);
        const QStringList readings = entry.mid(split).split(QLatin1Char(','), Qt::SkipEmptyParts);
        // Two-character surnames (欧阳) are kept whole under their first character's key as a phrase.
        if (hanzi.size() == 1 && !table.contains(hanzi.at(0).unicode()))
            table.insert(hanzi.at(0).unicode(), readings);
    }
    return table;
}

} // namespace

QStringList Duplicates::pinyinOf(const QString &hanziName, int maxVariants)
{
    static const QHash<char32_t, QStringList> table = parse();
    QStringList variants {QString()};
    for (const char32_t c : hanziName.toUcs4()) {
        if (c == U' ' || c == U'\u00b7' || c == U'\u30fb')
            continue;
        const auto it = table.constFind(c);
        if (it == table.constEnd())
            return {};
        QStringList next;
        for (const QString &v : std::as_const(variants)) {
            for (const QString &r : *it) {
                if (next.size() < maxVariants)
                    next << v + r;
            }
        }
        variants = next;
    }
    if (variants.size() == 1 && variants.first().isEmpty())
        return {};
    return variants;
}

} // namespace rounds
