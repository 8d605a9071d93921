#include "common/protocol/values.h"

#include <QCoreApplication>
#include <QDate>
#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRandomGenerator>
#include <QRegularExpression>
#include <QUuid>

#include <cmath>

namespace rounds::protocol {

namespace {

bool isHex(QChar c)
{
    return (c >= QLatin1Char('0') && c <= QLatin1Char('9'))
        || (c >= QLatin1Char('a') && c <= QLatin1Char('f'));
}

bool isDigits(QStringView s)
{
    for (QChar c : s) {
        if (c < QLatin1Char('0') || c > QLatin1Char('9'))
            return false;
    }
    return !s.isEmpty();
}

QString quoted(const Field &f)
{
    return QLatin1Char('\'') + f.name + QLatin1Char('\'');
}

// `what` is the English wire text; `sentence` the same rule for Messages::fieldError (%1 = label).
FieldError error(const Field &f, const QString &what, const char *sentence, const QStringList &args = {})
{
    return FieldError {f.name, QStringLiteral("field %1 %2").arg(quoted(f), what), sentence, args};
}

// JSON numbers arrive as doubles; an integer field takes only integral values inside 2^53.
std::optional<std::int64_t> integral(const QJsonValue &v)
{
    if (!v.isDouble())
        return std::nullopt;
    const double d = v.toDouble();
    if (!std::isfinite(d) || std::floor(d) != d || std::fabs(d) > 9007199254740992.0)
        return std::nullopt;
    return static_cast<std::int64_t>(d);
}

} // namespace

std::optional<qint64> wholeNumber(const QJsonValue &value)
{
    return integral(value);
}

bool isUuid(QStringView t)
{
    if (t.size() != 36)
        return false;
    for (int i = 0; i < 36; ++i) {
        const bool dash = i == 8 || i == 13 || i == 18 || i == 23;
        if (dash ? t[i] != QLatin1Char('-') : !isHex(t[i]))
            return false;
    }
    return true;
}

QString newUuid()
{
    return QUuid::createUuid().toString(QUuid::WithoutBraces);
}

bool isDate(QStringView t)
{
    if (t.size() != 10 || t[4] != QLatin1Char('-') || t[7] != QLatin1Char('-'))
        return false;
    if (!isDigits(t.mid(0, 4)) || !isDigits(t.mid(5, 2)) || !isDigits(t.mid(8, 2)))
        return false;
    return QDate(t.mid(0, 4).toInt(), t.mid(5, 2).toInt(), t.mid(8, 2).toInt()).isValid();
}

bool isMonth(QStringView t)
{
    if (t.size() != 7 || t[4] != QLatin1Char('-') || !isDigits(t.mid(0, 4)) || !isDigits(t.mid(5, 2)))
        return false;
    const int m = t.mid(5, 2).toInt();
    return m >= 1 && m <= 12;
}

QString normalizeDateTime(const QString &text)
{
    // Qt accepts a bare local time too; the protocol wants an explicit offset or Z.
    static const QRegularExpression shape(
        QStringLiteral(R"(^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:?\d{2})$)"));
    if (!shape.match(text).hasMatch())
        return {};
    QString t = text;
    // Qt parses at most milliseconds: cut longer fractions to three digits.
    static const QRegularExpression longFraction(QStringLiteral(R"(\.(\d{3})\d+)"));
    t.replace(longFraction, QStringLiteral(".\\1"));
    const QDateTime dt = QDateTime::fromString(t, Qt::ISODateWithMs);
    if (!dt.isValid())
        return {};
    return dt.toUTC().toString(Qt::ISODateWithMs);
}

QString nowUtc()
{
    return QDateTime::currentDateTimeUtc().toString(Qt::ISODateWithMs);
}

std::optional<FieldError> validateValue(const Field &f, const QJsonValue &value, QJsonValue *normalized)
{
    QJsonValue out = value;
    if (value.isNull() || value.isUndefined()) {
        if (!f.nullable)
            return error(
                f, QStringLiteral("may not be null"), QT_TRANSLATE_NOOP("Messages", "%1 may not be empty."));
        if (normalized)
            *normalized = QJsonValue(QJsonValue::Null);
        return std::nullopt;
    }
    switch (f.type) {
    case FieldType::Text:
        if (!value.isString())
            return error(
                f, QStringLiteral("must be a string"), QT_TRANSLATE_NOOP("Messages", "%1 must be text."));
        if (value.toString().size() > f.maxLength)
            return error(f, QStringLiteral("is longer than %1 characters").arg(f.maxLength),
                QT_TRANSLATE_NOOP("Messages", "%1 is longer than %2 characters."),
                {QString::number(f.maxLength)});
        if (!f.nullable && value.toString().trimmed().isEmpty())
            return error(
                f, QStringLiteral("may not be empty"), QT_TRANSLATE_NOOP("Messages", "%1 may not be empty."));
        break;
    case FieldType::Int:
    case FieldType::Money: {
        const auto i = integral(value);
        if (!i)
            return error(f, QStringLiteral("must be an integer"),
                QT_TRANSLATE_NOOP("Messages", "%1 must be a whole number."));
        if (*i < f.min || *i > f.max)
            return error(f, QStringLiteral("must be between %1 and %2").arg(f.min).arg(f.max),
                QT_TRANSLATE_NOOP("Messages", "%1 must be between %2 and %3."),
                {QString::number(f.min), QString::number(f.max)});
        out = QJsonValue(qint64(*i));
        break;
    }
    case FieldType::Bool:
        if (!value.isBool())
            return error(f, QStringLiteral("must be true or false"),
                QT_TRANSLATE_NOOP("Messages", "%1 must be yes or no."));
        break;
    case FieldType::Date:
        if (!value.isString() || !isDate(value.toString()))
            return error(f, QStringLiteral("is not a date (YYYY-MM-DD)"),
                QT_TRANSLATE_NOOP("Messages", "%1 is not a date (YYYY-MM-DD)."));
        break;
    case FieldType::DateTime: {
        const QString n = value.isString() ? normalizeDateTime(value.toString()) : QString();
        if (n.isEmpty())
            return error(f, QStringLiteral("is not an ISO 8601 date-time with an offset or Z"),
                QT_TRANSLATE_NOOP("Messages", "%1 is not a date and time."));
        out = n;
        break;
    }
    case FieldType::Month:
        if (!value.isString() || !isMonth(value.toString()))
            return error(f, QStringLiteral("is not a month (YYYY-MM)"),
                QT_TRANSLATE_NOOP("Messages", "%1 is not a month (YYYY-MM)."));
        break;
    case FieldType::Currency: {
        const QString c = value.toString();
        const bool ok = value.isString() && c.size() == 3 && std::all_of(c.begin(), c.end(), [](QChar ch) {
            return ch >= QLatin1Char('A') && ch <= QLatin1Char('Z');
        });
        if (!ok)
            return error(f, QStringLiteral("is not a currency code (three capital letters, e.g. CNY)"),
                QT_TRANSLATE_NOOP(
                    "Messages", "%1 is not a currency code (three capital letters, e.g. CNY)."));
        break;
    }
    case FieldType::Enum:
        if (!value.isString() || !f.enumValues.contains(value.toString()))
            return error(f, QStringLiteral("must be one of: %1").arg(f.enumValues.join(QStringLiteral(", "))),
                QT_TRANSLATE_NOOP("Messages", "%1 must be one of: %2."),
                {f.enumValues.join(QStringLiteral(", "))});
        break;
    case FieldType::Ref:
        if (!value.isString() || !isUuid(value.toString()))
            return error(f, QStringLiteral("is not a lower-case UUID"),
                QT_TRANSLATE_NOOP("Messages", "%1 does not name a record (a lower-case UUID is expected)."));
        break;
    case FieldType::Json:
        break;
    case FieldType::JsonObject:
        if (!value.isObject())
            return error(f, QStringLiteral("must be a JSON object"),
                QT_TRANSLATE_NOOP("Messages", "%1 must be a JSON object."));
        break;
    }
    if (normalized)
        *normalized = out;
    return std::nullopt;
}

QJsonValue toStorage(const Field &field, const QJsonValue &value)
{
    if (value.isNull() || value.isUndefined())
        return QJsonValue(QJsonValue::Null);
    switch (field.type) {
    case FieldType::Bool:
        return QJsonValue(value.toBool() ? 1 : 0);
    case FieldType::Json:
    case FieldType::JsonObject: {
        // Wrapped in an array so that scalars survive too, then the brackets are cut off again.
        const QByteArray doc = QJsonDocument(QJsonArray {value}).toJson(QJsonDocument::Compact);
        return QJsonValue(QString::fromUtf8(doc.mid(1, doc.size() - 2)));
    }
    default:
        return value;
    }
}

QJsonValue fromStorage(const Field &field, const QJsonValue &stored)
{
    if (stored.isNull() || stored.isUndefined())
        return QJsonValue(QJsonValue::Null);
    switch (field.type) {
    case FieldType::Bool:
        return QJsonValue(stored.toInteger() != 0);
    case FieldType::Json:
    case FieldType::JsonObject: {
        const QByteArray text = QByteArray("[") + stored.toString().toUtf8() + QByteArray("]");
        const QJsonDocument doc = QJsonDocument::fromJson(text);
        return doc.isArray() && !doc.array().isEmpty() ? doc.array().first() : QJsonValue(QJsonValue::Null);
    }
    default:
        return stored;
    }
}

bool sameValue(const QJsonValue &a, const QJsonValue &b)
{
    const bool aNull = a.isNull() || a.isUndefined();
    const bool bNull = b.isNull() || b.isUndefined();
    if (aNull || bNull)
        return aNull == bNull;
    return a == b;
}

QString str(const QJsonObject &o, const char *key)
{
    return o.value(QLatin1String(key)).toString();
}

QString str(const QJsonObject &o, const QString &key)
{
    return o.value(key).toString();
}

} // namespace rounds::protocol
