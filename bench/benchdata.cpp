#include "bench/benchdata.h"

#include <QJsonObject>

namespace rounds::bench {

namespace {

// Surnames by rough frequency (the common ones repeat), given-name characters, and their pinyin.
const QStringList kSurnames = QStringLiteral(
    "王 李 张 刘 陈 杨 黄 赵 吴 周 徐 孙 马 朱 胡 郭 何 高 林 罗 郑 梁 谢 宋 唐 许 韩 冯 邓 曹 "
    "彭 曾 肖 田 董 袁 潘 于 蒋 蔡 余 杜 叶 程 苏 魏 吕 丁 任 沈 王 李 张 刘 陈")
                                  .split(QLatin1Char(' '));
const QStringList kGiven
    = QStringLiteral("伟 芳 娜 秀 敏 静 丽 强 磊 军 洋 勇 艳 杰 娟 涛 明 超 秀 霞 平 刚 桂 英 华 "
                     "玉 萍 红 鹏 飞 辉 宇 晓 婷 欣 怡 浩 然 子 涵 思 雨 嘉 俊 博 文 建 国 海 峰")
          .split(QLatin1Char(' '));
const QStringList kPinyinSurnames
    = QStringLiteral("Wang Li Zhang Liu Chen Yang Huang Zhao Wu Zhou Xu Sun Ma Zhu Hu Guo "
                     "He Gao Lin Luo Zheng Liang Xie Song Tang")
          .split(QLatin1Char(' '));
const QStringList kPinyinGiven
    = QStringLiteral("Wei Fang Na Min Jing Li Qiang Lei Jun Yang Yong Yan Jie Juan Tao Ming "
                     "Chao Xia Ping Gang Hua Yu Hong Peng Fei Hui Xiao Ting Xin Hao")
          .split(QLatin1Char(' '));
const QStringList kCities
    = QStringLiteral("上海 北京 广州 深圳 杭州 南京 成都 武汉 西安 重庆 天津 苏州 长沙 郑州 青岛 "
                     "Shanghai Beijing Guangzhou")
          .split(QLatin1Char(' '));
const QStringList kSpecialties
    = QStringLiteral("心内科 呼吸科 肿瘤科 内分泌科 神经内科 消化内科 儿科 骨科 普外科 "
                     "Cardiology Oncology Endocrinology")
          .split(QLatin1Char(' '));
const QStringList kTiers = QStringLiteral("A B C D").split(QLatin1Char(' '));

} // namespace

DataGenerator::DataGenerator(quint32 seed)
    : m_rng(seed)
{ }

QString DataGenerator::pick(const QStringList &from)
{
    return from.at(int(m_rng.bounded(quint32(from.size()))));
}

QString DataGenerator::uuid()
{
    // A v4-shaped lower-case UUID from the seeded generator, so runs are reproducible.
    const quint64 a = m_rng.generate64();
    const quint64 b = m_rng.generate64();
    const QString hex
        = QStringLiteral("%1%2").arg(a, 16, 16, QLatin1Char('0')).arg(b, 16, 16, QLatin1Char('0'));
    return hex.mid(0, 8) + QLatin1Char('-') + hex.mid(8, 4) + QStringLiteral("-4") + hex.mid(13, 3)
        + QStringLiteral("-a") + hex.mid(17, 3) + QLatin1Char('-') + hex.mid(20, 12);
}

QString DataGenerator::chineseName()
{
    QString name = pick(kSurnames) + pick(kGiven);
    if (m_rng.bounded(2))
        name += pick(kGiven);
    return name;
}

QString DataGenerator::pinyinName()
{
    return pick(kPinyinSurnames) + QLatin1Char(' ') + pick(kPinyinGiven)
        + (m_rng.bounded(2) ? pick(kPinyinGiven).toLower() : QString());
}

static PulledChange change(const QString &entity, const QString &bucket, QJsonObject record)
{
    PulledChange c;
    c.bucket = bucket;
    c.entity = entity;
    c.id = record.value(QStringLiteral("id")).toString();
    c.record = std::move(record);
    return c;
}

QList<PulledChange> DataGenerator::institutions(int count, const QString &bucket)
{
    QList<PulledChange> out;
    out.reserve(count);
    for (int i = 0; i < count; ++i) {
        const QString city = pick(kCities);
        out << change(QStringLiteral("institution"), bucket,
            {{QStringLiteral("id"), uuid()}, {QStringLiteral("version"), 1},
                {QStringLiteral("updated_at"), QStringLiteral("2026-11-01T00:00:00.000Z")},
                {QStringLiteral("name"), QStringLiteral("%1市第%2人民医院").arg(city).arg(i + 1)},
                {QStringLiteral("kind"), QStringLiteral("hospital")},
                {QStringLiteral("grade"), QStringLiteral("3A")}, {QStringLiteral("city"), city}});
    }
    return out;
}

QList<PulledChange> DataGenerator::hcps(int count, const QString &bucket, const QStringList &institutionIds)
{
    QList<PulledChange> out;
    out.reserve(count);
    for (int i = 0; i < count; ++i) {
        const QString name = m_rng.bounded(10) < 7 ? chineseName() : pinyinName();
        out << change(QStringLiteral("hcp"), bucket,
            {{QStringLiteral("id"), uuid()}, {QStringLiteral("version"), 1},
                {QStringLiteral("updated_at"), QStringLiteral("2026-11-01T00:00:00.000Z")},
                {QStringLiteral("updated_by"), QStringLiteral("00000000-0000-4000-a000-000000000001")},
                {QStringLiteral("full_name"), name},
                {QStringLiteral("gender"),
                    m_rng.bounded(2) ? QStringLiteral("male") : QStringLiteral("female")},
                {QStringLiteral("specialty"), pick(kSpecialties)},
                {QStringLiteral("title"), QStringLiteral("主任医师")},
                {QStringLiteral("institution_id"), pick(institutionIds)},
                {QStringLiteral("tier"), pick(kTiers)}, {QStringLiteral("status"), QStringLiteral("active")},
                {QStringLiteral("phone"),
                    QStringLiteral("1380000%1").arg(i % 10000, 4, 10, QLatin1Char('0'))}});
    }
    return out;
}

QList<PulledChange> DataGenerator::visits(int count, const QString &bucket, const QStringList &hcpIds)
{
    QList<PulledChange> out;
    out.reserve(count);
    const QString territory = bucket.mid(2);
    const QString rep = uuid();
    for (int i = 0; i < count; ++i) {
        const int day = int(m_rng.bounded(28)) + 1;
        out << change(QStringLiteral("visit"), bucket,
            {{QStringLiteral("id"), uuid()}, {QStringLiteral("version"), 1},
                {QStringLiteral("updated_at"), QStringLiteral("2026-11-01T00:00:00.000Z")},
                {QStringLiteral("updated_by"), rep}, {QStringLiteral("territory_id"), territory},
                {QStringLiteral("hcp_id"), pick(hcpIds)}, {QStringLiteral("rep_id"), rep},
                {QStringLiteral("channel"), QStringLiteral("face_to_face")},
                {QStringLiteral("visited_at"),
                    QStringLiteral("2026-10-%1T02:30:00.000Z").arg(day, 2, 10, QLatin1Char('0'))},
                {QStringLiteral("duration_min"), int(m_rng.bounded(60)) + 5},
                {QStringLiteral("status"), QStringLiteral("submitted")},
                {QStringLiteral("notes"), QStringLiteral("讨论了新适应症的临床数据，医生反馈积极。")},
                {QStringLiteral("support_level"), int(m_rng.bounded(5)) + 1}});
    }
    return out;
}

QStringList chineseQueries(int length)
{
    switch (length) {
    case 1:
        return QStringLiteral("王 伟 张 芳 李 娜 敏 静 刘 强 赵 晓").split(QLatin1Char(' '));
    case 2:
        return QStringLiteral("张伟 王芳 李娜 刘洋 陈静 杨敏 心内 上海 晓明 子涵").split(QLatin1Char(' '));
    default:
        return QStringLiteral("王晓明 张子涵 李思雨 心内科 肿瘤科 人民医 陈建国 刘海峰 杭州市 周文博")
            .split(QLatin1Char(' '));
    }
}

QStringList latinQueries(int length)
{
    switch (length) {
    case 1:
        return QStringLiteral("w z l c y h m s x j").split(QLatin1Char(' '));
    case 2:
        return QStringLiteral("zh wa li ch ya hu ma su xi ji").split(QLatin1Char(' '));
    default:
        return QStringLiteral("zha wan liu che yan hua wei fan min jin").split(QLatin1Char(' '));
    }
}

QStringList pinyinQueries()
{
    // Full pinyin (with and without a space), initials and pinyin mixed with characters, as a Chinese
    // user types a name (docs/search.md).
    return {QStringLiteral("wangwei"), QStringLiteral("zhangmin"), QStringLiteral("liu yang"),
        QStringLiteral("chenjing"), QStringLiteral("zw"), QStringLiteral("ln"), QStringLiteral("hxm"),
        QStringLiteral("wang伟"), QStringLiteral("li娜"), QStringLiteral("xiaoming")};
}

} // namespace rounds::bench
