#include "ui/admin/librarymodel.h"

#include "common/protocol/enumlabels.h"
#include "models/localfiles.h"
#include "ui/common/dateedit.h"
#include "ui/common/theme.h"

#include <QImage>

namespace rounds {

using protocol::content::Availability;

LibraryModel::LibraryModel(QObject *parent)
    : QAbstractTableModel(parent)
{ }

bool LibraryModel::reload(Store *store, QString *error)
{
    QList<MaterialItem> items;
    if (!MaterialQueries::list(store, {}, QDate(), &items, error))
        return false;
    beginResetModel();
    m_items = items;
    m_thumbnails.clear();
    for (const MaterialItem &m : std::as_const(m_items)) {
        const QString path = localfiles::existingPathOf(store->path(), m.thumbnailSha256);
        const QImage image = path.isEmpty() ? QImage() : QImage(path);
        if (!image.isNull())
            m_thumbnails.insert(m.id,
                QPixmap::fromImage(image.scaled(48, 48, Qt::KeepAspectRatio, Qt::SmoothTransformation)));
    }
    endResetModel();
    return true;
}

const MaterialItem *LibraryModel::item(int row) const
{
    return row >= 0 && row < m_items.size() ? &m_items.at(row) : nullptr;
}

int LibraryModel::rowOf(const QString &materialId) const
{
    for (int i = 0; i < m_items.size(); ++i) {
        if (m_items.at(i).id == materialId)
            return i;
    }
    return -1;
}

int LibraryModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_items.size());
}

int LibraryModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QString LibraryModel::statusLabel(const MaterialItem &m)
{
    const QString status = EnumLabels::label(QStringLiteral("material"), QStringLiteral("status"), m.status);
    if (m.status != QLatin1String("approved"))
        return status;
    switch (m.availability) {
    case Availability::Expired:
        return tr("Approved, expired");
    case Availability::NotYetValid:
        return tr("Approved, not valid yet");
    default:
        return status;
    }
}

QVariant LibraryModel::data(const QModelIndex &index, int role) const
{
    const MaterialItem *m = item(index.row());
    if (!m)
        return {};
    switch (role) {
    case IdRole:
        return m->id;
    case StatusRole:
        return m->status;
    case ProductIdRole:
        return m->productId;
    case SearchTextRole:
        return QStringList {m->title, m->productName, m->approvalCode, m->language}.join(QLatin1Char(' '));
    case Qt::DecorationRole:
        return index.column() == Title ? QVariant(m_thumbnails.value(m->id)) : QVariant();
    case Qt::ForegroundRole:
        if (index.column() == Status && !m->presentable())
            return theme::toneColor(
                m->status == QLatin1String("draft") ? theme::Tone::Muted : theme::Tone::Warning);
        return {};
    case Qt::ToolTipRole:
        if (index.column() == File)
            return m->localPath.isEmpty() ? tr("This computer does not hold the file yet.") : m->localPath;
        return {};
    case Qt::DisplayRole:
        break;
    default:
        return {};
    }
    switch (index.column()) {
    case Title:
        return m->title;
    case Product:
        return m->productName;
    case Version:
        return m->version;
    case Language:
        return m->language;
    case Status:
        return statusLabel(*m);
    case ValidTo:
        return m->validTo.isValid() ? DateEdit::toText(m->validTo) : tr("Open");
    case Pages:
        return m->pageCount;
    case File:
        return m->localPath.isEmpty() ? tr("Not here") : tr("On this computer");
    default:
        return {};
    }
}

QVariant LibraryModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case Title:
        return tr("Title");
    case Product:
        return tr("Product");
    case Version:
        return tr("Version");
    case Language:
        return tr("Language");
    case Status:
        return tr("Status");
    case ValidTo:
        return tr("Valid to");
    case Pages:
        return tr("Pages");
    case File:
        return tr("File");
    default:
        return {};
    }
}

} // namespace rounds
