#pragma once

#include "models/hcpquery.h"
#include "models/pagedtablemodel.h"

namespace rounds {

// The HCP list and search results: relevance order while searching, by name otherwise, or by any
// column the view sorts on.
class HcpListModel final : public PagedTableModel
{
    Q_OBJECT
public:
    enum Column { Name, Specialty, Institution, Tier, City, LastVisit, Consent, ColumnCount };
    enum Role {
        IdRole = Qt::UserRole + 1,
        TierRole,
        LastVisitRole, // ISO 8601 UTC of the latest visit, or null
        InstitutionIdRole,
        StatusRole,
        PendingRole, // true while a local change waits to be pushed
        // The consent marker (docs/privacy.md): face_to_face's state (granted, withdrawn, expired, or
        // empty when there is none), then ":soon" when a consent of any channel expires within the
        // company's warning days.
        ConsentRole,
    };

    explicit HcpListModel(Store *store, QObject *parent = nullptr);

    HcpFilter filter() const { return m_filter; }
    void setFilter(const HcpFilter &filter);

    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QHash<int, QByteArray> roleNames() const override;
    // The words of a ConsentRole code (the column's text, or its tooltip).
    static QString consentText(const QString &code, bool tooltip);

protected:
    QStringList headers() const override;
    QStringList selectExpressions() const override;
    QString idExpression() const override { return QStringLiteral("h.id"); }
    QuerySpec querySpec() const override;
    QString orderByColumn(int column, Qt::SortOrder order) const override;
    int sortValueIndex(int column) const override;

private:
    HcpFilter m_filter;
};

} // namespace rounds
