#pragma once

#include <QHash>
#include <QIdentityProxyModel>
#include <QPixmap>

#include <functional>

namespace rounds {

// Shows stored values in words and marks rows whose local change still waits to be pushed (an orange dot, a
// tooltip), reading the source model's "pending" role; everything else passes through unchanged.
class PendingMarkProxy final : public QIdentityProxyModel
{
    Q_OBJECT
public:
    // Turns a column's stored value (ISO date-time, enumeration value) into what a person reads.
    using Formatter = std::function<QVariant(const QModelIndex &sourceIndex, const QVariant &value)>;

    // NoPendingRole: the model has no pending rows; the proxy only shows values in words.
    static constexpr int NoPendingRole = -1;
    PendingMarkProxy(int pendingRole, QObject *parent = nullptr);
    void setFormatter(Formatter formatter) { m_formatter = std::move(formatter); }
    void setHeader(int column, const QString &text) { m_headers.insert(column, text); }

    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;

private:
    int m_pendingRole;
    QPixmap m_dot;
    Formatter m_formatter;
    QHash<int, QString> m_headers;
};

} // namespace rounds
