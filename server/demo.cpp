#include "server/demo.h"

#include "common/protocol/values.h"
#include "server/democontent.h"
#include "server/demomaterials.h"
#include "server/feed.h"
#include "server/passwords.h"
#include "server/salestotals.h"

#include <QDate>
#include <QDateTime>
#include <QHash>
#include <QJsonObject>
#include <QSet>
#include <QTimeZone>

#include <random>
#include <utility>

namespace rounds::server {

namespace {

struct Hospital
{
    const char *name;
    const char *grade;
    const char *kind;
    const char *city;
    const char *address;
};

const Hospital kShanghai[] = {
    {"复旦大学附属中山医院", "三级甲等", "hospital", "上海市", "徐汇区枫林路180号"},
    {"上海交通大学医学院附属瑞金医院", "三级甲等", "hospital", "上海市", "黄浦区瑞金二路197号"},
    {"复旦大学附属华山医院", "三级甲等", "hospital", "上海市", "静安区乌鲁木齐中路12号"},
    {"上海市第一人民医院", "三级甲等", "hospital", "上海市", "虹口区海宁路100号"},
    {"上海市第六人民医院", "三级甲等", "hospital", "上海市", "徐汇区宜山路600号"},
    {"同济大学附属东方医院", "三级甲等", "hospital", "上海市", "浦东新区即墨路150号"},
    {"上海交通大学医学院附属仁济医院", "三级甲等", "hospital", "上海市", "浦东新区浦建路160号"},
    {"上海市浦东新区人民医院", "二级甲等", "hospital", "上海市", "浦东新区川环南路490号"},
    {"上海市徐汇区中心医院", "二级甲等", "hospital", "上海市", "徐汇区淮海中路966号"},
    {"上海市静安区闸北中心医院", "二级甲等", "hospital", "上海市", "静安区中华新路619号"},
    {"上海市长宁区天山中医医院", "二级甲等", "hospital", "上海市", "长宁区天山路1400号"},
    {"上海市虹口区江湾社区卫生服务中心", "一级", "clinic", "上海市", "虹口区车站南路28号"},
    {"上海华氏大药房(南京东路店)", "", "pharmacy", "上海市", "黄浦区南京东路616号"},
};

const Hospital kHangzhou[] = {
    {"浙江大学医学院附属第一医院", "三级甲等", "hospital", "杭州市", "上城区庆春路79号"},
    {"浙江大学医学院附属第二医院", "三级甲等", "hospital", "杭州市", "上城区解放路88号"},
    {"浙江大学医学院附属邵逸夫医院", "三级甲等", "hospital", "杭州市", "上城区庆春东路3号"},
    {"浙江省人民医院", "三级甲等", "hospital", "杭州市", "拱墅区上塘路158号"},
    {"杭州市第一人民医院", "三级甲等", "hospital", "杭州市", "上城区浣纱路261号"},
    {"浙江省中医院", "三级甲等", "hospital", "杭州市", "上城区邮电路54号"},
    {"杭州市中医院", "三级甲等", "hospital", "杭州市", "西湖区体育场路453号"},
    {"杭州市西溪医院", "二级甲等", "hospital", "杭州市", "西湖区横埠街2号"},
    {"杭州市余杭区第一人民医院", "二级甲等", "hospital", "杭州市", "临平区南苑街道北沙西路369号"},
    {"杭州市萧山区中医院", "二级甲等", "hospital", "杭州市", "萧山区拱秀路156号"},
    {"杭州市拱墅区米市巷街道社区卫生服务中心", "一级", "clinic", "杭州市", "拱墅区米市巷1号"},
    {"杭州九洲大药房(延安路店)", "", "pharmacy", "杭州市", "上城区延安路412号"},
};

struct Department
{
    const char *name;
    const char *specialty;
    int product; // the product most relevant to it
};

const Department kDepartments[] = {
    {"心血管内科", "心血管内科", 0},
    {"内分泌科", "内分泌与代谢", 1},
    {"呼吸与危重症医学科", "呼吸内科", 2},
    {"肿瘤内科", "肿瘤学", 3},
    {"神经内科", "神经病学", 0},
    {"老年医学科", "老年医学", 1},
    {"全科医学科", "全科医学", 2},
    {"药剂科", "临床药学", 3},
};

const char *kSurnames[] = {"王", "李", "张", "刘", "陈", "杨", "赵", "黄", "周", "吴", "徐", "孙", "胡", "朱",
    "高", "林", "何", "郭", "马", "罗", "梁", "宋", "郑", "谢", "韩", "唐", "冯", "于", "董", "萧", "程",
    "曹", "袁", "邓", "许", "傅", "沈", "曾", "彭", "吕"};
const char *kGiven[] = {"伟", "芳", "娜", "敏", "静", "丽", "强", "磊", "军", "洋", "勇", "艳", "杰", "娟",
    "涛", "明", "超", "秀英", "霞", "平", "刚", "桂英", "建华", "文", "华", "红", "晓东", "海燕", "志强",
    "晨", "欣怡", "子涵", "宇航", "思远", "佳怡", "浩然", "雪", "琳", "斌", "晶"};
const char *kTitles[] = {"主任医师", "副主任医师", "主治医师", "住院医师"};

struct Product
{
    const char *name;
    const char *area;
    const char *messages[3];
    // For the English demo materials (server/demomaterials.cpp).
    const char *englishName;
    const char *englishMessages[3];
};

const Product kProducts[] = {
    {"心安宁 (缬沙坦氨氯地平片)", "心血管",
        {"单片复方，24小时平稳控压", "降低心血管事件风险的循证证据", "每日一次，提高患者依从性"},
        "Xin'anning (valsartan/amlodipine tablets)",
        {"One tablet, smooth blood-pressure control over 24 hours",
            "Evidence of lower cardiovascular event risk", "Once daily, for better adherence"}},
    {"糖平 (达格列净片)", "糖尿病",
        {"降糖同时带来心肾获益", "低血糖风险低，适合老年患者", "可与二甲双胍联合使用"},
        "Tangping (dapagliflozin tablets)",
        {"Glucose control with heart and kidney benefits",
            "Low risk of hypoglycaemia, suited to older patients", "Can be combined with metformin"}},
    {"肺清 (布地格福吸入气雾剂)", "呼吸",
        {"三联疗法减少中重度急性加重", "一种装置，每日两次", "改善肺功能与生活质量"},
        "Feiqing (budesonide/glycopyrronium/formoterol inhaler)",
        {"Triple therapy reduces moderate-to-severe exacerbations", "One device, twice daily",
            "Better lung function and quality of life"}},
    {"瘤克 (奥希替尼片)", "肿瘤",
        {"EGFR突变非小细胞肺癌一线治疗", "显著延长无进展生存期", "对脑转移患者同样有效"},
        "Liuke (osimertinib tablets)",
        {"First-line treatment of EGFR-mutated non-small-cell lung cancer",
            "Significantly longer progression-free survival", "Effective in patients with brain metastases"}},
};

struct DemoUser
{
    const char *username;
    const char *displayName;
    const char *role;
    const char *territory; // code
};

const DemoUser kUsers[] = {
    {"admin", "系统管理员", "admin", nullptr},
    {"sfe", "销售效能 · 陈思", "sfe", nullptr},
    {"manager.sh", "上海地区经理 · 王建国", "manager", "SH"},
    {"manager.hz", "杭州地区经理 · 李明", "manager", "HZ"},
    {"rep.sh01", "张伟", "rep", "SH-01"},
    {"rep.sh02", "刘洋", "rep", "SH-02"},
    {"rep.hz01", "赵敏", "rep", "HZ-01"},
    {"rep.hz02", "周杰", "rep", "HZ-02"},
};

class Generator
{
public:
    Generator(StoreWriter &w, const DemoOptions &o)
        : m_w(w)
        , m_o(o)
        , m_rng(o.seed)
        , m_now(protocol::nowUtc())
        , m_today(QDateTime::currentDateTimeUtc().date())
    { }

    qint64 records() const { return m_records; }

    QString uuid()
    {
        const quint64 a = m_rng();
        const quint64 b = m_rng();
        QString hex
            = QStringLiteral("%1%2").arg(a, 16, 16, QLatin1Char('0')).arg(b, 16, 16, QLatin1Char('0'));
        hex[12] = QLatin1Char('4');
        hex[16] = QLatin1Char("89ab"[b >> 62]);
        return hex.left(8) + QLatin1Char('-') + hex.mid(8, 4) + QLatin1Char('-') + hex.mid(12, 4)
            + QLatin1Char('-') + hex.mid(16, 4) + QLatin1Char('-') + hex.mid(20, 12);
    }
    int pick(int n) { return int(m_rng() % quint64(n)); }
    bool chance(int percent) { return pick(100) < percent; }

    void add(const char *entity, const QString &id, const QJsonObject &fields, const QStringList &buckets)
    {
        const QString name = QString::fromLatin1(entity);
        m_w.putRecord(StoredRecord {name, protocol::Record {id, 1, m_now, m_adminId, fields, {}}, false});
        if (!buckets.isEmpty())
            m_w.setBuckets(name, id, buckets);
        for (const QString &b : buckets)
            m_w.appendChange(b, name, id, QStringLiteral("upsert"));
        if (++m_records % 50000 == 0)
            m_w.commitAndContinue();
    }

    static QString t(const QString &id) { return QStringLiteral("t:") + id; }
    QString dateTime(const QDate &d, int hour, int minute) const
    {
        return QDateTime(d, QTime(hour, minute), QTimeZone(8 * 3600)).toUTC().toString(Qt::ISODateWithMs);
    }

    bool run(QString *error);
    // Consent as a company that rolled it out has it (docs/privacy.md, "Consent"); see the definition.
    void addConsents(const QList<std::pair<QString, QStringList>> &hcps);
    bool addMaterials(const QList<QString> &productIds, const QList<QStringList> &messageIds, QString *error);
    const DemoMaterialsSummary &materials() const { return m_materials; }

private:
    StoreWriter &m_w;
    const DemoOptions &m_o;
    std::mt19937_64 m_rng;
    QString m_now;
    QDate m_today;
    QString m_adminId;
    qint64 m_records = 0;
    DemoMaterialsSummary m_materials;
};

bool Generator::addMaterials(
    const QList<QString> &productIds, const QList<QStringList> &messageIds, QString *error)
{
    QList<DemoProduct> products;
    for (int i = 0; i < productIds.size(); ++i) {
        const Product &p = kProducts[i];
        DemoProduct d {productIds.at(i), QString::fromUtf8(p.name), QString::fromUtf8(p.englishName),
            messageIds.at(i), {}, {}};
        for (int m = 0; m < 3; ++m) {
            d.messages << QString::fromUtf8(p.messages[m]);
            d.englishMessages << QString::fromUtf8(p.englishMessages[m]);
        }
        products << d;
    }
    return addDemoMaterials(
        *m_o.files, products, m_o.seed, m_today, m_adminId,
        [this](const char *entity, const QString &id, const QJsonObject &fields) {
            add(entity, id, fields, {QStringLiteral("global")});
        },
        &m_materials, error);
}

bool Generator::run(QString *error)
{
    // Users first: every record names its author.
    QHash<QString, QString> userIds;
    for (const DemoUser &u : kUsers)
        userIds.insert(QString::fromLatin1(u.username), uuid());
    m_adminId = userIds.value(QStringLiteral("admin"));

    // Territories.
    struct Terr
    {
        const char *code, *name, *level, *parent;
    };
    const Terr terrs[] = {{"EAST", "华东区", "region", nullptr}, {"SH", "上海", "district", "EAST"},
        {"HZ", "杭州", "district", "EAST"}, {"SH-01", "上海一区", "territory", "SH"},
        {"SH-02", "上海二区", "territory", "SH"}, {"HZ-01", "杭州一区", "territory", "HZ"},
        {"HZ-02", "杭州二区", "territory", "HZ"}};
    QHash<QString, QString> terrId;
    for (const Terr &x : terrs)
        terrId.insert(QString::fromUtf8(x.code), uuid());
    QHash<QString, QString> repOf; // territory code → rep user id
    repOf.insert(QStringLiteral("SH-01"), userIds.value(QStringLiteral("rep.sh01")));
    repOf.insert(QStringLiteral("SH-02"), userIds.value(QStringLiteral("rep.sh02")));
    repOf.insert(QStringLiteral("HZ-01"), userIds.value(QStringLiteral("rep.hz01")));
    repOf.insert(QStringLiteral("HZ-02"), userIds.value(QStringLiteral("rep.hz02")));
    for (const Terr &x : terrs) {
        const QString code = QString::fromUtf8(x.code);
        QJsonObject f {{QStringLiteral("code"), code}, {QStringLiteral("name"), QString::fromUtf8(x.name)},
            {QStringLiteral("level"), QString::fromLatin1(x.level)},
            {QStringLiteral("parent_id"),
                x.parent ? QJsonValue(terrId.value(QString::fromLatin1(x.parent))) : QJsonValue()},
            {QStringLiteral("owner_id"),
                repOf.contains(code) ? QJsonValue(repOf.value(code)) : QJsonValue()}};
        add("territory", terrId.value(code), f, {QStringLiteral("global")});
    }

    for (const DemoUser &u : kUsers) {
        const QString id = userIds.value(QString::fromLatin1(u.username));
        const QString home = u.territory ? terrId.value(QString::fromLatin1(u.territory)) : QString();
        const QString hash = passwords::hash(QString::fromLatin1(kDemoPassword));
        if (hash.isEmpty()) {
            *error = QStringLiteral("could not hash the demo password");
            return false;
        }
        m_w.putUser(UserRow {id, QString::fromLatin1(u.username), QString::fromUtf8(u.displayName),
            QString::fromLatin1(u.role), home, true, hash});
        add("user", id,
            QJsonObject {{QStringLiteral("username"), QString::fromLatin1(u.username)},
                {QStringLiteral("display_name"), QString::fromUtf8(u.displayName)},
                {QStringLiteral("role"), QString::fromLatin1(u.role)},
                {QStringLiteral("home_territory_id"), home.isEmpty() ? QJsonValue() : QJsonValue(home)},
                {QStringLiteral("active"), true}},
            {QStringLiteral("global")});
    }

    // Products and key messages.
    QList<QString> productIds;
    QList<QStringList> messageIds;
    for (const Product &p : kProducts) {
        const QString id = uuid();
        productIds << id;
        add("product", id,
            QJsonObject {{QStringLiteral("name"), QString::fromUtf8(p.name)},
                {QStringLiteral("therapeutic_area"), QString::fromUtf8(p.area)},
                {QStringLiteral("active"), true}},
            {QStringLiteral("global")});
        QStringList msgs;
        for (const char *m : p.messages) {
            const QString mid = uuid();
            msgs << mid;
            add("key_message", mid,
                QJsonObject {{QStringLiteral("product_id"), id},
                    {QStringLiteral("text"), QString::fromUtf8(m)}, {QStringLiteral("active"), true}},
                {QStringLiteral("global")});
        }
        messageIds << msgs;
    }
    add("setting", uuid(),
        QJsonObject {{QStringLiteral("key"), QStringLiteral("compliance.meal_cap_minor")},
            {QStringLiteral("value"),
                QJsonObject {{QStringLiteral("per_person"), 30000},
                    {QStringLiteral("currency"), QStringLiteral("CNY")}}}},
        {QStringLiteral("global")});
    add("setting", uuid(),
        QJsonObject {{QStringLiteral("key"), QStringLiteral("kpi.weights")},
            {QStringLiteral("value"),
                QJsonObject {{QStringLiteral("coverage"), 0.4}, {QStringLiteral("frequency"), 0.4},
                    {QStringLiteral("quality"), 0.2}}}},
        {QStringLiteral("global")});

    // Institutions and departments; each institution sits in one territory of its district.
    struct Inst
    {
        QString id;
        QString territory; // code
        QString sibling; // the other territory of the district
        QStringList departments;
        QList<int> departmentKinds;
        QSet<QString> buckets;
    };
    QList<Inst> insts;
    QList<QJsonObject> instFields;
    auto addInstitutions = [&](const Hospital *list, int n, const char *province, const char *a,
                               const char *b) {
        for (int i = 0; i < n; ++i) {
            const Hospital &h = list[i];
            Inst inst;
            inst.id = uuid();
            inst.territory = QString::fromLatin1(i % 2 ? b : a);
            inst.sibling = QString::fromLatin1(i % 2 ? a : b);
            const int depts = QLatin1String(h.kind) == QLatin1String("hospital") ? 4 + pick(4) : 1;
            for (int d = 0; d < depts; ++d) {
                inst.departments << uuid();
                inst.departmentKinds << (QLatin1String(h.kind) == QLatin1String("hospital") ? (d + i) % 8
                                                                                            : 6 + i % 2);
            }
            insts << inst;
            instFields << QJsonObject {{QStringLiteral("name"), QString::fromUtf8(h.name)},
                {QStringLiteral("kind"), QString::fromLatin1(h.kind)},
                {QStringLiteral("grade"), *h.grade ? QJsonValue(QString::fromUtf8(h.grade)) : QJsonValue()},
                {QStringLiteral("province"), QString::fromUtf8(province)},
                {QStringLiteral("city"), QString::fromUtf8(h.city)},
                {QStringLiteral("address"), QString::fromUtf8(h.address)}};
        }
    };
    addInstitutions(kShanghai, int(std::size(kShanghai)), "上海市", "SH-01", "SH-02");
    addInstitutions(kHangzhou, int(std::size(kHangzhou)), "浙江省", "HZ-01", "HZ-02");

    // HCPs with their alignments (some to both territories of the district) and tags.
    struct Hcp
    {
        QString id;
        int inst;
        int dept;
        QStringList territories; // codes
        QString tier;
    };
    QList<Hcp> hcps;
    QList<std::pair<QString, QStringList>> hcpBuckets; // id, buckets: for their consents, added last
    QHash<QString, QList<int>> hcpsByTerritory;
    const QString validFrom = m_today.addYears(-2).toString(Qt::ISODate);
    const char *tiers = "AABBBCCCDD";
    QString previousName;
    QString previousPhone;
    for (int i = 0; i < m_o.hcps; ++i) {
        Hcp h;
        h.id = uuid();
        // Every 97th HCP is a near-duplicate of the one before (same hospital, department and phone, the
        // name written with a space: "王 伟" / "王伟"), so SFE's duplicate review has pairs to merge.
        const bool duplicate = i % 97 == 96 && !hcps.isEmpty();
        if (duplicate) {
            const Hcp &before = hcps.last();
            h.inst = before.inst;
            h.dept = before.dept;
            h.territories = before.territories;
            h.tier = before.tier;
        } else {
            // Pharmacies and clinics get few HCPs: draw hospitals three times as often.
            do {
                h.inst = pick(int(insts.size()));
            } while (instFields[h.inst].value(QLatin1String("kind")).toString() != QLatin1String("hospital")
                && chance(75));
            h.dept = pick(int(insts[h.inst].departments.size()));
            h.territories << insts[h.inst].territory;
            if (chance(8))
                h.territories << insts[h.inst].sibling;
            h.tier = QString(QLatin1Char(tiers[pick(10)]));
        }
        Inst &inst = insts[h.inst];
        const Department &dep = kDepartments[inst.departmentKinds[h.dept]];
        QString name;
        if (duplicate)
            name = previousName.left(1) + QLatin1Char(' ') + previousName.mid(1);
        else
            name = QString::fromUtf8(kSurnames[pick(int(std::size(kSurnames)))])
                + QString::fromUtf8(kGiven[pick(int(std::size(kGiven)))])
                + (chance(40) ? QString::fromUtf8(kGiven[pick(int(std::size(kGiven)))]) : QString());
        QStringList buckets;
        for (const QString &code : h.territories) {
            buckets << t(terrId.value(code));
            inst.buckets.insert(t(terrId.value(code)));
            hcpsByTerritory[code] << int(hcps.size());
        }
        buckets.sort();
        // Drawn in the order the record lists them, as before duplicates existed.
        const bool male = chance(52);
        const int title = std::min(pick(5), 3);
        QString phone
            = QStringLiteral("13%1").arg(qulonglong(m_rng() % 1000000000ULL), 9, 10, QLatin1Char('0'));
        if (duplicate)
            phone = previousPhone;
        previousName = name;
        previousPhone = phone;
        add("hcp", h.id,
            QJsonObject {{QStringLiteral("full_name"), name},
                {QStringLiteral("gender"), male ? QStringLiteral("male") : QStringLiteral("female")},
                {QStringLiteral("specialty"), QString::fromUtf8(dep.specialty)},
                {QStringLiteral("title"), QString::fromUtf8(kTitles[title])},
                {QStringLiteral("institution_id"), inst.id},
                {QStringLiteral("department_id"), inst.departments[h.dept]}, {QStringLiteral("tier"), h.tier},
                {QStringLiteral("status"), QStringLiteral("active")},
                {QStringLiteral("merged_into"), QJsonValue()}, {QStringLiteral("phone"), phone},
                {QStringLiteral("email"), QJsonValue()}},
            buckets);
        for (const QString &code : h.territories) {
            add("alignment", uuid(),
                QJsonObject {{QStringLiteral("territory_id"), terrId.value(code)},
                    {QStringLiteral("hcp_id"), h.id}, {QStringLiteral("valid_from"), validFrom},
                    {QStringLiteral("valid_to"), QJsonValue()},
                    {QStringLiteral("target_calls_per_cycle"),
                        h.tier == QLatin1String("A")       ? 4
                            : h.tier == QLatin1String("B") ? 3
                                                           : 2}},
                {t(terrId.value(code))});
        }
        if (chance(30)) {
            static const char *tags[][2] = {{"basic", "学术带头人"}, {"marketing", "意见领袖(KOL)"},
                {"value", "处方潜力高"}, {"basic", "偏好线上沟通"}, {"marketing", "愿意担任讲者"}};
            const auto &tag = tags[pick(5)];
            add("hcp_tag", uuid(),
                QJsonObject {{QStringLiteral("hcp_id"), h.id},
                    {QStringLiteral("category"), QString::fromLatin1(tag[0])},
                    {QStringLiteral("tag"), QString::fromUtf8(tag[1])},
                    {QStringLiteral("source"), QStringLiteral("demo")}},
                buckets);
        }
        hcps << h;
        hcpBuckets.append({h.id, buckets});
    }
    // Institutions and departments follow their HCPs' buckets.
    for (int i = 0; i < insts.size(); ++i) {
        QStringList buckets(insts[i].buckets.begin(), insts[i].buckets.end());
        buckets.sort();
        add("institution", insts[i].id, instFields[i], buckets);
        for (int d = 0; d < insts[i].departments.size(); ++d) {
            add("department", insts[i].departments[d],
                QJsonObject {{QStringLiteral("institution_id"), insts[i].id},
                    {QStringLiteral("name"),
                        QString::fromUtf8(kDepartments[insts[i].departmentKinds[d]].name)}},
                buckets);
        }
    }

    const QStringList territoryCodes {
        QStringLiteral("SH-01"), QStringLiteral("SH-02"), QStringLiteral("HZ-01"), QStringLiteral("HZ-02")};
    const char *channels[]
        = {"face_to_face", "face_to_face", "face_to_face", "remote", "phone", "message", "material"};
    const char *reactions[] = {"positive", "positive", "neutral", "negative"};
    const char *notes[] = {"讨论了最新指南推荐，医生对疗效数据很感兴趣。",
        "医生关注医保报销政策，需要跟进资料。", "科室会后简短交流，约定下次带病例分享。",
        "医生反馈患者依从性问题，建议提供患教材料。", "介绍了新适应症，医生表示会在合适患者中尝试。"};

    // A year of visits with details.
    for (int i = 0; i < m_o.visits && !hcps.isEmpty(); ++i) {
        const QString code = territoryCodes[pick(4)];
        const QList<int> &pool = hcpsByTerritory[code];
        if (pool.isEmpty())
            continue;
        const Hcp &h = hcps[pool[pick(int(pool.size()))]];
        const QString visitId = uuid();
        const QDate day = m_today.addDays(-1 - pick(365));
        const bool recent = day.daysTo(m_today) < 7;
        const QString bucket = t(terrId.value(code));
        add("visit", visitId,
            QJsonObject {{QStringLiteral("territory_id"), terrId.value(code)},
                {QStringLiteral("hcp_id"), h.id}, {QStringLiteral("institution_id"), insts[h.inst].id},
                {QStringLiteral("rep_id"), repOf.value(code)},
                {QStringLiteral("channel"), QString::fromLatin1(channels[pick(7)])},
                {QStringLiteral("visited_at"), dateTime(day, 8 + pick(9), 15 * pick(4))},
                {QStringLiteral("duration_min"), 5 + 5 * pick(8)},
                {QStringLiteral("status"),
                    recent && chance(50) ? QStringLiteral("draft") : QStringLiteral("submitted")},
                {QStringLiteral("notes"), QString::fromUtf8(notes[pick(5)])},
                {QStringLiteral("feedback"), QJsonValue()}, {QStringLiteral("support_level"), 1 + pick(5)},
                {QStringLiteral("follow_up"),
                    chance(30) ? QJsonValue(QStringLiteral("发送临床研究摘要")) : QJsonValue()},
                {QStringLiteral("follow_up_due"), QJsonValue()}},
            {bucket});
        const int details = 1 + pick(3);
        for (int d = 0; d < details; ++d) {
            const int p = pick(4);
            add("visit_detail", uuid(),
                QJsonObject {{QStringLiteral("visit_id"), visitId},
                    {QStringLiteral("product_id"), productIds[p]},
                    {QStringLiteral("key_message_id"), messageIds[p][pick(3)]},
                    {QStringLiteral("position"), d + 1},
                    {QStringLiteral("reaction"), QString::fromLatin1(reactions[pick(4)])}},
                {bucket});
        }
    }

    for (const QString &code : territoryCodes) {
        const QList<int> &pool = hcpsByTerritory[code];
        const QString tid = terrId.value(code);
        const QString bucket = t(tid);
        if (pool.isEmpty())
            continue;
        // Plans for the next four weeks.
        for (int i = 0; i < 60; ++i) {
            const Hcp &h = hcps[pool[pick(int(pool.size()))]];
            add("visit_plan", uuid(),
                QJsonObject {{QStringLiteral("territory_id"), tid}, {QStringLiteral("hcp_id"), h.id},
                    {QStringLiteral("planned_at"), dateTime(m_today.addDays(1 + pick(28)), 9 + pick(8), 0)},
                    {QStringLiteral("channel"), QStringLiteral("face_to_face")},
                    {QStringLiteral("purpose"), QStringLiteral("传递产品关键信息并收集反馈")},
                    {QStringLiteral("status"), QStringLiteral("planned")},
                    {QStringLiteral("visit_id"), QJsonValue()}},
                {bucket});
        }
        // Meetings in every status.
        const char *statuses[]
            = {"draft", "submitted", "approved", "rejected", "held", "closed", "cancelled"};
        const char *kinds[] = {"academic", "department", "webinar", "dinner", "other"};
        for (int s = 0; s < 7; ++s) {
            const QString meetingId = uuid();
            const bool past = s >= 4;
            const QDate day = past ? m_today.addDays(-7 - pick(120)) : m_today.addDays(7 + pick(40));
            const QString kind = QString::fromLatin1(kinds[pick(5)]);
            add("meeting", meetingId,
                QJsonObject {{QStringLiteral("territory_id"), tid},
                    {QStringLiteral("title"),
                        QStringLiteral("%1%2").arg(
                            QString::fromUtf8(kProducts[s % 4].area), QStringLiteral("诊疗进展学术会"))},
                    {QStringLiteral("kind"), kind},
                    {QStringLiteral("mode"),
                        kind == QLatin1String("webinar") ? QStringLiteral("online")
                                                         : QStringLiteral("offline")},
                    {QStringLiteral("status"), QString::fromLatin1(statuses[s])},
                    {QStringLiteral("starts_at"), dateTime(day, 18, 0)},
                    {QStringLiteral("ends_at"), dateTime(day, 20, 30)},
                    {QStringLiteral("venue"), QStringLiteral("%1学术报告厅").arg(code)},
                    {QStringLiteral("owner_id"), repOf.value(code)},
                    {QStringLiteral("budget_minor"), 500000 + 100000 * pick(20)},
                    {QStringLiteral("currency"), QStringLiteral("CNY")}},
                {bucket});
            const int attendees = std::min<int>(int(pool.size()), 5 + pick(10));
            for (int a = 0; a < attendees; ++a) {
                const bool speaker = a == 0;
                add("meeting_attendee", uuid(),
                    QJsonObject {{QStringLiteral("meeting_id"), meetingId},
                        {QStringLiteral("hcp_id"), hcps[pool[(a * 7 + s) % pool.size()]].id},
                        {QStringLiteral("role"),
                            speaker      ? QStringLiteral("speaker")
                                : a == 1 ? QStringLiteral("chair")
                                         : QStringLiteral("attendee")},
                        {QStringLiteral("signed_in"), past && s != 6},
                        {QStringLiteral("fee_minor"), speaker ? 300000 : 0}},
                    {bucket});
            }
            const char *categories[] = {"venue", "catering", "travel", "speaker_fee", "material"};
            for (int x = 0; x < 3; ++x) {
                add("meeting_expense", uuid(),
                    QJsonObject {{QStringLiteral("meeting_id"), meetingId},
                        {QStringLiteral("category"), QString::fromLatin1(categories[(x + s) % 5])},
                        {QStringLiteral("amount_minor"), 50000 + 10000 * pick(50)},
                        {QStringLiteral("currency"), QStringLiteral("CNY")},
                        {QStringLiteral("description"), QStringLiteral("会议费用")},
                        {QStringLiteral("evidence"),
                            past ? QJsonValue(QStringLiteral("invoice-%1.pdf").arg(x + 1)) : QJsonValue()},
                        {QStringLiteral("status"),
                            past ? QStringLiteral("actual") : QStringLiteral("estimated")}},
                    {bucket});
            }
        }
    }

    // Two years of monthly sales per institution and product, internal and external.
    for (int i = 0; i < insts.size(); ++i) {
        const QString tid = terrId.value(insts[i].territory);
        for (int p = 0; p < 4; ++p) {
            const int base = 50 + pick(400);
            for (int m = 1; m <= 24; ++m) {
                const QString month = m_today.addMonths(-m).toString(QStringLiteral("yyyy-MM"));
                for (const char *source : {"internal", "external"}) {
                    const int units = base + pick(base / 2 + 1);
                    add("sales_fact", uuid(),
                        QJsonObject {{QStringLiteral("territory_id"), tid},
                            {QStringLiteral("institution_id"), insts[i].id},
                            {QStringLiteral("product_id"), productIds[p]}, {QStringLiteral("month"), month},
                            {QStringLiteral("units"), units},
                            {QStringLiteral("value_minor"), qint64(units) * (8800 + 1500 * p)},
                            {QStringLiteral("currency"), QStringLiteral("CNY")},
                            {QStringLiteral("source"), QString::fromLatin1(source)}},
                        {t(tid)});
                }
            }
        }
    }
    // Materials from a random stream of their own, before consent (whose records follow the main stream).
    if (m_o.files && !addMaterials(productIds, messageIds, error))
        return false;
    // Last, so the records above stay what they were for a seed before demo data had consent.
    if (!m_o.withoutConsent)
        addConsents(hcpBuckets);
    // The facts went past the feed; reps get their territory totals (server/salestotals.h).
    Feed feed(m_w, Actor {m_adminId, QStringLiteral("rounds-server"), {}});
    SalesTotals::rebuild(m_w, feed);
    m_w.setMeta(QStringLiteral("sales_totals_built"), QStringLiteral("1"));
    return true;
}

// Every HCP consented on paper or verbally in the last eleven months to visits, calls, remote calls,
// event invitations and activity tracking; three in five also to messages, e-mail and WeCom. So that the
// demo shows what consent does, with `consent.required` on: HCP n with n % 29 == 11 withdrew activity
// tracking a month after (their content views are anonymous), and n % 31 == 13 signed 350 days ago, so
// their consent ends in 15 days (Today and the HCP list warn). Expiry is written as the client writes it,
// capture + 365 days.
void Generator::addConsents(const QList<std::pair<QString, QStringList>> &hcps)
{
    add("setting", uuid(),
        QJsonObject {
            {QStringLiteral("key"), QStringLiteral("consent.required")}, {QStringLiteral("value"), true}},
        {QStringLiteral("global")});
    const char *base[] = {"face_to_face", "remote", "phone", "event_invitation", "activity_tracking"};
    const char *more[] = {"message", "email", "wecom"};
    const char *sources[] = {"paper_form", "paper_form", "verbal", "online"};
    const QTime morning(9, 30);
    for (int n = 0; n < hcps.size(); ++n) {
        const auto &[hcpId, buckets] = hcps.at(n);
        const QDate day = n % 31 == 13 ? m_today.addDays(-350) : m_today.addDays(-7 - pick(330));
        const QDateTime captured(day, morning, QTimeZone(8 * 3600));
        const QString source = QString::fromLatin1(sources[pick(4)]);
        const QJsonValue evidence = source == QLatin1String("paper_form")
            ? QJsonValue(QStringLiteral("同意书-%1.pdf").arg(n + 1, 5, 10, QLatin1Char('0')))
            : QJsonValue();
        const auto grant = [&](const char *channel, const QString &status, const QDateTime &at) {
            const bool granted = status == QLatin1String("granted");
            add("consent", uuid(),
                QJsonObject {{QStringLiteral("hcp_id"), hcpId},
                    {QStringLiteral("channel"), QString::fromLatin1(channel)},
                    {QStringLiteral("product_id"), QJsonValue()}, {QStringLiteral("status"), status},
                    {QStringLiteral("captured_at"), at.toUTC().toString(Qt::ISODateWithMs)},
                    {QStringLiteral("source"), granted ? source : QStringLiteral("verbal")},
                    {QStringLiteral("evidence"), granted ? evidence : QJsonValue()},
                    {QStringLiteral("expires_at"),
                        granted ? QJsonValue(at.addDays(365).toUTC().toString(Qt::ISODateWithMs))
                                : QJsonValue()}},
                buckets);
        };
        for (const char *channel : base)
            grant(channel, QStringLiteral("granted"), captured);
        if (chance(60)) {
            for (const char *channel : more)
                grant(channel, QStringLiteral("granted"), captured);
        }
        if (n % 29 == 11)
            grant("activity_tracking", QStringLiteral("withdrawn"),
                captured.addDays(30) > QDateTime::currentDateTimeUtc() ? captured.addSecs(3600)
                                                                       : captured.addDays(30));
    }
}

} // namespace

bool createDemo(Storage &storage, const DemoOptions &options, DemoSummary *summary, QString *error)
{
    QString failure;
    bool empty = true;
    if (!storage.read(
            [&](StoreReader &r) {
                empty
                    = r.all(QStringLiteral("territory")).isEmpty() && !r.userByName(QStringLiteral("admin"));
            },
            error))
        return false;
    if (!empty) {
        *error = QStringLiteral("the data folder already holds data; demo needs a new folder");
        return false;
    }
    qint64 records = 0;
    DemoMaterialsSummary materials;
    const bool ok = storage.write(
        [&](StoreWriter &w) {
            Generator g(w, options);
            if (!g.run(&failure))
                return false;
            records = g.records();
            materials = g.materials();
            return true;
        },
        error);
    if (ok && !failure.isEmpty()) {
        *error = failure;
        return false;
    }
    if (!ok)
        return false;
    // Page views of the materials in a share of the submitted visits (server/democontent.h), once the
    // materials and the consents they follow are stored.
    ContentDemoSummary content;
    if (materials.materials > 0
        && !addContentViews(storage, ContentDemoOptions {options.seed}, &content, error))
        return false;
    if (summary)
        *summary = DemoSummary {records + content.views, options.hcps, options.visits, materials.materials,
            materials.files, content.views};
    return true;
}

} // namespace rounds::server
