#include "server/hcpreport.h"

#include "common/protocol/enumlabels.h"
#include "common/protocol/messages.h"
#include "common/protocol/schema.h"

#include <QCoreApplication>
#include <QFontDatabase>
#include <QJsonArray>
#include <QJsonDocument>
#include <QMutex>
#include <QPageSize>
#include <QPdfWriter>
#include <QTextDocument>
#include <QTranslator>

namespace rounds::server {

namespace {

using protocol::Messages;

// The sections in reading order; entities a newer schema adds (consent) follow in name order.
const QStringList kOrder {QStringLiteral("alignment"), QStringLiteral("hcp_tag"), QStringLiteral("consent"),
    QStringLiteral("visit"), QStringLiteral("visit_detail"), QStringLiteral("visit_plan"),
    QStringLiteral("meeting"), QStringLiteral("meeting_attendee"), QStringLiteral("meeting_expense"),
    QStringLiteral("change_request"), QStringLiteral("hcp")};

class HcpReport
{
    Q_DECLARE_TR_FUNCTIONS(HcpReport)
public:
    explicit HcpReport(const QJsonObject &dossier)
        : m_d(dossier)
        , m_names(dossier.value(QLatin1String("names")).toObject())
    { }

    QString html() const
    {
        const QJsonObject hcp = m_d.value(QLatin1String("hcp")).toObject();
        QString h = QStringLiteral("<html><body>");
        h += QStringLiteral("<h1>%1</h1>").arg(tr("Personal data held about an HCP").toHtmlEscaped());
        h += QStringLiteral("<p>%1</p>")
                 .arg(tr("HCP %1, exported %2. Every record below names this HCP; ids and values are "
                         "those of the sync protocol.")
                          .arg(m_d.value(QLatin1String("hcp_id")).toString(),
                              m_d.value(QLatin1String("generated_at")).toString())
                          .toHtmlEscaped());
        const QJsonObject erasure = m_d.value(QLatin1String("erasure")).toObject();
        if (!erasure.isEmpty())
            h += QStringLiteral("<p><b>%1</b></p>")
                     .arg(tr("Personal data erased on %1 at the request of %2: %3")
                              .arg(erasure.value(QLatin1String("at")).toString(),
                                  erasure.value(QLatin1String("requested_by")).toString(),
                                  erasure.value(QLatin1String("reason")).toString())
                              .toHtmlEscaped());
        h += QStringLiteral("<h2>%1</h2>").arg(Messages::entityLabel(QStringLiteral("hcp")).toHtmlEscaped());
        h += recordTable(QStringLiteral("hcp"), hcp);

        const QJsonObject records = m_d.value(QLatin1String("records")).toObject();
        QStringList entities = kOrder;
        for (const QString &e : records.keys()) {
            if (!entities.contains(e))
                entities << e;
        }
        for (const QString &entity : entities) {
            const QJsonArray list = records.value(entity).toArray();
            if (list.isEmpty())
                continue;
            h += QStringLiteral("<h2>%1 (%2)</h2>")
                     .arg(Messages::entityLabel(entity).toHtmlEscaped())
                     .arg(list.size());
            for (const QJsonValue &r : list)
                h += recordTable(entity, r.toObject());
        }
        h += auditTable();
        h += QStringLiteral("</body></html>");
        return h;
    }

private:
    // `entity` names the record the value belongs to, for the words of an enumeration value.
    QString value(const QString &entity, const protocol::Field *field, const QJsonValue &v) const
    {
        if (v.isBool())
            return v.toBool() ? tr("yes") : tr("no");
        if (v.isDouble())
            return QString::number(v.toInteger());
        if (v.isObject() || v.isArray())
            return QString::fromUtf8(v.isObject()
                    ? QJsonDocument(v.toObject()).toJson(QJsonDocument::Compact)
                    : QJsonDocument(v.toArray()).toJson(QJsonDocument::Compact));
        const QString text = v.toString();
        if (field && field->type == protocol::FieldType::Ref && m_names.contains(text))
            return m_names.value(text).toString();
        // face_to_face → "Face to face" / "面访": the words the client shows, in the report's language.
        if (field && field->type == protocol::FieldType::Enum && field->enumValues.contains(text))
            return EnumLabels::label(entity, field->name, text);
        return text;
    }

    QString row(const QString &label, const QString &text) const
    {
        return QStringLiteral("<tr><td width=\"30%\"><b>%1</b></td><td>%2</td></tr>")
            .arg(label.toHtmlEscaped(),
                text.toHtmlEscaped().replace(QLatin1Char('\n'), QLatin1String("<br>")));
    }

    QString recordTable(const QString &entity, const QJsonObject &r) const
    {
        const protocol::Entity *e = protocol::Schema::instance().entity(entity);
        QString t = QStringLiteral("<table border=\"1\" cellspacing=\"0\" cellpadding=\"3\" width=\"100%\">");
        if (e) {
            for (const protocol::Field &f : e->fields) {
                const QJsonValue v = r.value(f.name);
                if (v.isNull() || v.isUndefined() || (v.isString() && v.toString().isEmpty()))
                    continue;
                t += row(Messages::fieldLabel(entity, f.name), value(entity, &f, v));
            }
        }
        const QString by = r.value(QLatin1String("updated_by")).toString();
        t += row(tr("Last changed"),
            tr("%1 by %2 (version %3)")
                .arg(r.value(QLatin1String("updated_at")).toString(), m_names.value(by).toString(by))
                .arg(r.value(QLatin1String("version")).toInteger()));
        t += row(tr("Id"), r.value(QLatin1String("id")).toString());
        return t + QStringLiteral("</table><br>");
    }

    QString auditTable() const
    {
        const QJsonArray audit = m_d.value(QLatin1String("audit")).toArray();
        QString t
            = QStringLiteral("<h2>%1 (%2)</h2>").arg(tr("Audit trail").toHtmlEscaped()).arg(audit.size());
        t += QStringLiteral("<table border=\"1\" cellspacing=\"0\" cellpadding=\"2\" width=\"100%\"><tr>");
        for (const QString &h :
            {tr("When"), tr("Who"), tr("Record"), tr("Field"), tr("Old"), tr("New"), tr("Note")})
            t += QStringLiteral("<th>%1</th>").arg(h.toHtmlEscaped());
        t += QStringLiteral("</tr>");
        for (const QJsonValue &v : audit) {
            const QJsonObject a = v.toObject();
            const QString entity = a.value(QLatin1String("entity")).toString();
            const QString field = a.value(QLatin1String("field")).toString();
            const QString user = a.value(QLatin1String("user_id")).toString();
            const protocol::Entity *e = protocol::Schema::instance().entity(entity);
            const protocol::Field *f = e ? e->field(field) : nullptr;
            const QStringList cells {a.value(QLatin1String("at")).toString(),
                m_names.value(user).toString(user),
                Messages::entityLabel(entity) + QLatin1Char(' ')
                    + a.value(QLatin1String("record_id")).toString().left(8),
                field == QLatin1String("*") ? tr("(deleted)")
                    : f                     ? Messages::fieldLabel(entity, field)
                                            : field,
                value(entity, f, a.value(QLatin1String("old_value"))),
                value(entity, f, a.value(QLatin1String("new_value"))),
                a.value(QLatin1String("note")).toString()};
            t += QStringLiteral("<tr>");
            for (const QString &c : cells)
                t += QStringLiteral("<td>%1</td>").arg(c.toHtmlEscaped());
            t += QStringLiteral("</tr>");
        }
        return t + QStringLiteral("</table>");
    }

    QJsonObject m_d;
    QJsonObject m_names;
};

// A family that has Simplified Chinese, or empty.
QString chineseFamily()
{
    for (const QString &f : {QStringLiteral("WenQuanYi Micro Hei"), QStringLiteral("Noto Sans CJK SC")}) {
        if (QFontDatabase::hasFamily(f))
            return f;
    }
    const QStringList families = QFontDatabase::families(QFontDatabase::SimplifiedChinese);
    return families.value(0);
}

} // namespace

bool writeHcpReport(const QJsonObject &dossier, const QString &language, QIODevice &device, QString *error)
{
    // The translator is the application's while the text is laid out: one report at a time (the server
    // writes them on its request threads).
    static QMutex one;
    const QMutexLocker lock(&one);
    QTranslator translator;
    const bool chinese = language == QLatin1String("zh_CN");
    if (chinese) {
        if (!translator.load(QStringLiteral(":/i18n/rounds_zh_CN.qm"))) {
            *error = QStringLiteral("this build of rounds-server has no Chinese translation");
            return false;
        }
        QCoreApplication::installTranslator(&translator);
    }
    QFont font;
    QString cjk = chineseFamily();
    if (chinese && cjk.isEmpty()) {
        QCoreApplication::removeTranslator(&translator);
        *error = QStringLiteral("no font with Chinese characters is installed (Debian: fonts-wqy-microhei)");
        return false;
    }
    // A Latin face first, the CJK one for Chinese names (in either language).
    QStringList families {QStringLiteral("DejaVu Sans")};
    if (!cjk.isEmpty())
        families << cjk;
    if (chinese)
        families.prepend(cjk);
    font.setFamilies(families);
    font.setPointSizeF(9);

    QTextDocument doc;
    doc.setDefaultFont(font);
    doc.setHtml(HcpReport(dossier).html());
    if (chinese)
        QCoreApplication::removeTranslator(&translator);

    QPdfWriter pdf(&device);
    pdf.setPageSize(QPageSize(QPageSize::A4));
    pdf.setPageMargins(QMarginsF(15, 15, 15, 15), QPageLayout::Millimeter);
    pdf.setTitle(QStringLiteral("HCP %1").arg(dossier.value(QLatin1String("hcp_id")).toString()));
    pdf.setCreator(QStringLiteral("rounds-server"));
    doc.print(&pdf);
    return true;
}

} // namespace rounds::server
