#include "server/principal.h"

#include <QJsonArray>

#include <algorithm>

namespace rounds::server {

bool Scope::hasBucket(const QString &bucket) const
{
    if (bucket == Bucket::Global)
        return true;
    if (bucket == Bucket::Review)
        return review;
    return bucket.startsWith(QLatin1String("t:")) && leaves.contains(bucket.mid(2));
}

QStringList Scope::territoryIds() const
{
    QStringList ids(leaves.begin(), leaves.end());
    std::sort(ids.begin(), ids.end());
    return ids;
}

QStringList Scope::buckets() const
{
    QStringList out {Bucket::Global};
    if (review)
        out << Bucket::Review;
    for (const QString &id : territoryIds())
        out << Bucket::territory(id);
    return out;
}

QJsonObject Principal::toJson() const
{
    return QJsonObject {{QStringLiteral("id"), id}, {QStringLiteral("username"), username},
        {QStringLiteral("display_name"), displayName}, {QStringLiteral("role"), protocol::roleName(role)},
        {QStringLiteral("territory_ids"), QJsonArray::fromStringList(scope.territoryIds())}};
}

ApiReply ApiReply::error(int status, const char *code, const QString &message, const QString &field)
{
    QJsonObject e {{QStringLiteral("code"), QString::fromLatin1(code)}, {QStringLiteral("message"), message}};
    if (!field.isEmpty())
        e.insert(QStringLiteral("field"), field);
    return ApiReply {status, QJsonObject {{QStringLiteral("error"), e}}, {}, {}, {}, {}, {}, false};
}

} // namespace rounds::server
