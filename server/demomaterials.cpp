#include "server/demomaterials.h"

#include "common/protocol/files.h"
#include "server/materialfile.h"

#include <QBuffer>
#include <QFont>
#include <QFontDatabase>
#include <QPainter>
#include <QPdfWriter>
#include <QRegularExpression>

#include <optional>
#include <random>

namespace rounds::server {

namespace {

// What one PDF shows.
struct Spec
{
    bool english = false;
    QString title;
    int version = 1;
    QString approvalCode;
    QDate validTo;
    QList<int> messagePages; // indexes into the product's messages, one page each
    bool safetyUpdate = false; // the expiring safety update: a title page and the safety page only
};

QString chineseFamily()
{
    for (const QString &f : {QStringLiteral("WenQuanYi Micro Hei"), QStringLiteral("Noto Sans CJK SC")}) {
        if (QFontDatabase::hasFamily(f))
            return f;
    }
    return QFontDatabase::families(QFontDatabase::SimplifiedChinese).value(0);
}

class Painter
{
public:
    Painter(QPdfWriter &pdf, const QString &cjk)
        : m_pdf(pdf)
        , m_p(&pdf)
    {
        m_families = {QStringLiteral("DejaVu Sans")};
        if (!cjk.isEmpty())
            m_families << cjk;
    }
    QPainter &p() { return m_p; }
    QRect page() const { return QRect(0, 0, m_pdf.width(), m_pdf.height()); }
    void font(qreal points, bool bold = false)
    {
        QFont f;
        f.setFamilies(m_families);
        f.setPointSizeF(points);
        f.setBold(bold);
        m_p.setFont(f);
    }
    void text(const QRect &r, int flags, const QString &s, qreal points, bool bold = false,
        const QColor &color = QColor(0x22, 0x2b, 0x36))
    {
        font(points, bold);
        m_p.setPen(color);
        m_p.drawText(r, flags | Qt::TextWordWrap, s);
    }
    // The band at the top of every page after the first, and the footer.
    void frame(const QString &product, const Spec &s, int pageNo, int pages)
    {
        const QRect r = page();
        m_p.fillRect(QRect(0, 0, r.width(), 70), QColor(0x1f, 0x5f, 0x8b));
        text(
            QRect(40, 0, r.width() - 80, 70), Qt::AlignVCenter | Qt::AlignLeft, product, 16, true, Qt::white);
        const QString footer = s.english
            ? QStringLiteral("%1 · version %2 · %3 · page %4 of %5 · for healthcare professionals only")
                  .arg(s.approvalCode)
                  .arg(s.version)
                  .arg(s.validTo.toString(Qt::ISODate))
                  .arg(pageNo)
                  .arg(pages)
            : QStringLiteral("%1 · 第 %2 版 · 有效期至 %3 · 第 %4/%5 页 · 仅供医疗卫生专业人士使用")
                  .arg(s.approvalCode)
                  .arg(s.version)
                  .arg(s.validTo.toString(Qt::ISODate))
                  .arg(pageNo)
                  .arg(pages);
        text(QRect(40, r.height() - 50, r.width() - 80, 40), Qt::AlignVCenter | Qt::AlignLeft, footer, 9,
            false, QColor(0x66, 0x70, 0x7a));
    }
    void newPage() { m_pdf.newPage(); }

private:
    QPdfWriter &m_pdf;
    QPainter m_p;
    QStringList m_families;
};

// Two bars, the product against the comparator, with a caption that says the data are illustrative.
void chart(Painter &w, const QRect &area, const Spec &s, std::mt19937_64 &rng)
{
    QPainter &p = w.p();
    const int product = 55 + int(rng() % 35);
    const int comparator = 20 + int(rng() % 30);
    const QString labels[2] = {s.english ? QStringLiteral("Product") : QStringLiteral("本品"),
        s.english ? QStringLiteral("Comparator") : QStringLiteral("对照")};
    const int values[2] = {product, comparator};
    const QColor colors[2] = {QColor(0x1f, 0x5f, 0x8b), QColor(0xb0, 0xb8, 0xc0)};
    const int base = area.bottom() - 40;
    const int height = area.height() - 80;
    p.setPen(QPen(QColor(0x44, 0x4c, 0x55), 2));
    p.drawLine(area.left(), base, area.right(), base);
    const int barWidth = area.width() / 5;
    for (int i = 0; i < 2; ++i) {
        const int x = area.left() + barWidth * (1 + 2 * i);
        const int h = height * values[i] / 100;
        p.fillRect(QRect(x, base - h, barWidth, h), colors[i]);
        w.text(QRect(x - 20, base - h - 34, barWidth + 40, 30), Qt::AlignCenter,
            QStringLiteral("%1%").arg(values[i]), 14, true);
        w.text(QRect(x - 20, base + 6, barWidth + 40, 30), Qt::AlignCenter, labels[i], 12);
    }
    w.text(QRect(area.left(), area.top(), area.width(), 30), Qt::AlignLeft,
        s.english ? QStringLiteral("Responders at 12 weeks") : QStringLiteral("12 周应答率"), 12, true);
}

QByteArray drawPdf(const DemoProduct &product, const Spec &s, const QString &cjk, std::mt19937_64 &rng)
{
    QByteArray bytes;
    QBuffer buffer(&bytes);
    buffer.open(QIODevice::WriteOnly);
    {
        QPdfWriter pdf(&buffer);
        pdf.setPageSize(QPageSize(QPageSize::A4));
        pdf.setPageOrientation(QPageLayout::Landscape);
        pdf.setPageMargins(QMarginsF(0, 0, 0, 0));
        pdf.setResolution(96);
        pdf.setTitle(s.title);
        pdf.setCreator(QStringLiteral("rounds-server demo"));
        Painter w(pdf, cjk);
        const QRect r = w.page();
        const QString name = s.english ? product.englishName : product.name;
        const int pages = 2 + int(s.messagePages.size());

        // Title page.
        w.p().fillRect(r, QColor(0xf4, 0xf7, 0xfa));
        w.p().fillRect(QRect(0, 0, 24, r.height()), QColor(0x1f, 0x5f, 0x8b));
        w.text(QRect(80, 150, r.width() - 160, 80), Qt::AlignLeft | Qt::AlignBottom, name, 30, true);
        w.text(QRect(80, 250, r.width() - 160, 60), Qt::AlignLeft, s.title, 20);
        w.text(QRect(80, 340, r.width() - 160, 90), Qt::AlignLeft,
            s.english ? QStringLiteral("Version %1 · approval code %2 · valid until %3")
                            .arg(s.version)
                            .arg(s.approvalCode, s.validTo.toString(Qt::ISODate))
                      : QStringLiteral("第 %1 版 · 审批编号 %2 · 有效期至 %3")
                            .arg(s.version)
                            .arg(s.approvalCode, s.validTo.toString(Qt::ISODate)),
            13, false, QColor(0x55, 0x5f, 0x69));
        w.text(QRect(80, r.height() - 120, r.width() - 160, 60), Qt::AlignLeft,
            s.english ? QStringLiteral(
                "For healthcare professionals only. Demo material: the data are illustrative.")
                      : QStringLiteral("仅供医疗卫生专业人士使用。演示资料：数据仅为示意。"),
            11, false, QColor(0x66, 0x70, 0x7a));

        // A page per key message, each with a chart.
        int pageNo = 1;
        for (const int m : s.messagePages) {
            w.newPage();
            w.frame(name, s, ++pageNo, pages);
            const QString heading = s.english ? QStringLiteral("Key message %1").arg(m + 1)
                                              : QStringLiteral("关键信息 %1").arg(m + 1);
            w.text(QRect(60, 100, r.width() - 120, 40), Qt::AlignLeft, heading, 14, false,
                QColor(0x1f, 0x5f, 0x8b));
            const QString message = s.english ? product.englishMessages.value(m) : product.messages.value(m);
            w.text(QRect(60, 145, r.width() / 2 - 60, 300), Qt::AlignLeft | Qt::AlignTop, message, 24, true);
            chart(w, QRect(r.width() / 2 + 20, 130, r.width() / 2 - 80, r.height() - 220), s, rng);
        }

        // Safety information.
        w.newPage();
        w.frame(name, s, ++pageNo, pages);
        w.text(QRect(60, 100, r.width() - 120, 50), Qt::AlignLeft,
            s.english ? QStringLiteral("Important safety information") : QStringLiteral("重要安全性信息"), 22,
            true);
        const QString body = s.english
            ? QStringLiteral(
                "Read the full prescribing information before prescribing. Contraindicated in patients "
                "with known hypersensitivity to any component. Monitor renal function and "
                "electrolytes as clinically indicated. Report suspected adverse reactions to the "
                "company's pharmacovigilance department.")
            : QStringLiteral(
                "处方前请阅读完整的处方信息。对本品任何成分过敏者禁用。请根据临床需要监测肾功能和电解质。"
                "如发现可疑不良反应，请报告公司药物警戒部门。");
        w.text(QRect(60, 170, r.width() - 120, r.height() - 260), Qt::AlignLeft | Qt::AlignTop, body, 15);
        if (s.safetyUpdate)
            w.text(QRect(60, r.height() - 160, r.width() - 120, 60), Qt::AlignLeft,
                s.english ? QStringLiteral("Updated safety wording: this material expires on %1.")
                                .arg(s.validTo.toString(Qt::ISODate))
                          : QStringLiteral("安全性措辞已更新：本资料于 %1 到期。")
                                .arg(s.validTo.toString(Qt::ISODate)),
                13, true, QColor(0xa3, 0x3a, 0x2a));
    }
    return bytes;
}

QString hex(std::mt19937_64 &rng);

// QPdfWriter stamps each file with the time and a random id; the same seed should give the same bytes
// (and so the same hash), so those are replaced by values of the same length (the offsets stay right).
QByteArray settled(QByteArray pdf, std::mt19937_64 &rng)
{
    static const QRegularExpression stamps(
        QStringLiteral("D:\\d{14}|\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d|"
                       "[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}|/ID *\\[ "
                       "*<[0-9a-fA-F]+> *<[0-9a-fA-F]+> *\\]"));
    const QString latin = QString::fromLatin1(pdf);
    for (auto it = stamps.globalMatch(latin); it.hasNext();) {
        const QRegularExpressionMatch m = it.next();
        QByteArray same = pdf.mid(m.capturedStart(), m.capturedLength());
        if (same.startsWith("D:"))
            same = "D:20260101000000";
        else if (same.contains('T') && same.contains(':'))
            same = "2026-01-01T00:00:00";
        else if (same.startsWith("/ID")) {
            for (qsizetype i = 3; i < same.size(); ++i) {
                const char c = same.at(i);
                if ((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F'))
                    same[i] = "0123456789abcdef"[rng() % 16];
            }
        } else
            same = hex(rng).toLatin1();
        pdf.replace(m.capturedStart(), m.capturedLength(), same);
    }
    return pdf;
}

QString hex(std::mt19937_64 &rng)
{
    const quint64 a = rng();
    const quint64 b = rng();
    QString h = QStringLiteral("%1%2").arg(a, 16, 16, QLatin1Char('0')).arg(b, 16, 16, QLatin1Char('0'));
    h[12] = QLatin1Char('4');
    h[16] = QLatin1Char("89ab"[b >> 62]);
    return h.left(8) + QLatin1Char('-') + h.mid(8, 4) + QLatin1Char('-') + h.mid(12, 4) + QLatin1Char('-')
        + h.mid(16, 4) + QLatin1Char('-') + h.mid(20, 12);
}

} // namespace

bool addDemoMaterials(FileStore &files, const QList<DemoProduct> &products, quint64 seed, const QDate &today,
    const QString &adminId, const DemoAdd &add, DemoMaterialsSummary *summary, QString *error)
{
    std::mt19937_64 rng(seed ^ 0x6d6174657269616cULL); // its own stream: "material"
    const QString cjk = chineseFamily();
    *summary = {};
    const auto material
        = [&](const DemoProduct &product, const Spec &s, const QString &status, const QDate &from,
              const QString &supersedes, const QString &fileName) -> std::optional<QString> {
        const QByteArray pdf = settled(drawPdf(product, s, cjk, rng), rng);
        materialfile::Inspected inspected;
        QString sha, thumbSha;
        if (!materialfile::inspect(pdf, fileName, &inspected, error)
            || !materialfile::store(files, pdf, adminId, &sha, error)
            || !materialfile::store(files, inspected.thumbnailPng, adminId, &thumbSha, error))
            return std::nullopt;
        summary->files += 2;
        summary->bytes += pdf.size() + inspected.thumbnailPng.size();
        const QString id = hex(rng);
        add("material", id,
            QJsonObject {{QStringLiteral("title"), s.title}, {QStringLiteral("product_id"), product.id},
                {QStringLiteral("kind"), QStringLiteral("pdf")},
                {QStringLiteral("language"), s.english ? QStringLiteral("en") : QStringLiteral("zh_CN")},
                {QStringLiteral("material_version"), s.version},
                {QStringLiteral("supersedes"), supersedes.isEmpty() ? QJsonValue() : QJsonValue(supersedes)},
                {QStringLiteral("approval_code"), s.approvalCode}, {QStringLiteral("status"), status},
                {QStringLiteral("valid_from"), from.toString(Qt::ISODate)},
                {QStringLiteral("valid_to"), s.validTo.toString(Qt::ISODate)},
                {QStringLiteral("file"), protocol::files::reference(sha, fileName)},
                {QStringLiteral("file_size"), qint64(pdf.size())},
                {QStringLiteral("thumbnail"),
                    protocol::files::reference(thumbSha, QStringLiteral("thumbnail.png"))},
                {QStringLiteral("page_count"), inspected.pageCount},
                {QStringLiteral("description"),
                    s.english
                        ? QStringLiteral("Demo material drawn by rounds-server; the data are illustrative.")
                        : QStringLiteral("rounds-server 生成的演示资料，数据仅为示意。")}});
        // Page 1 is the title; message k of the list is on page k + 2.
        for (int i = 0; i < s.messagePages.size(); ++i)
            add("material_key_message", hex(rng),
                QJsonObject {{QStringLiteral("material_id"), id},
                    {QStringLiteral("key_message_id"), product.messageIds.value(s.messagePages.at(i))},
                    {QStringLiteral("page"), i + 2}});
        ++summary->materials;
        return id;
    };

    for (int n = 0; n < products.size(); ++n) {
        const DemoProduct &product = products.at(n);
        const QString code = QStringLiteral("RD-%1").arg(n + 1, 2, 10, QLatin1Char('0'));
        Spec old {
            false, QStringLiteral("产品手册"), 1, code + QStringLiteral("-A1"), today.addDays(300), {0, 1}};
        const auto v1 = material(product, old, QStringLiteral("withdrawn"), today.addDays(-400), QString(),
            QStringLiteral("detail-aid-v1.pdf"));
        if (!v1)
            return false;
        Spec current {false, QStringLiteral("产品手册"), 2, code + QStringLiteral("-A2"), today.addDays(335),
            {0, 1, 2}};
        if (!material(product, current, QStringLiteral("approved"), today.addDays(-30), *v1,
                QStringLiteral("detail-aid-v2.pdf")))
            return false;
        Spec english {true, QStringLiteral("Clinical evidence summary"), 1, code + QStringLiteral("-E1"),
            today.addDays(365), {2, 0, 1}};
        if (!material(product, english, QStringLiteral("approved"), today, QString(),
                QStringLiteral("evidence-summary-en.pdf")))
            return false;
        if (n == 0) {
            Spec update {false, QStringLiteral("安全性信息更新"), 1, code + QStringLiteral("-S1"),
                today.addDays(10), {1}, true};
            if (!material(product, update, QStringLiteral("approved"), today.addDays(-355), QString(),
                    QStringLiteral("safety-update.pdf")))
                return false;
        }
    }
    return true;
}

} // namespace rounds::server
