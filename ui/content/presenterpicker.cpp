#include "ui/content/presenterpicker.h"

#include "models/materialqueries.h"
#include "models/store.h"
#include "ui/common/widgets.h"

#include <QCheckBox>
#include <QDialogButtonBox>
#include <QFontMetrics>
#include <QLabel>
#include <QListWidget>
#include <QPushButton>
#include <QVBoxLayout>

namespace rounds {

namespace {

constexpr int IdRole = Qt::UserRole + 1;

} // namespace

PresenterPicker::PresenterPicker(Store *store, const QStringList &productIds, QWidget *parent)
    : QDialog(parent)
    , m_store(store)
    , m_productIds(productIds)
{
    setObjectName(QStringLiteral("presenterPickerDialog"));
    setWindowTitle(tr("Present materials"));
    m_intro = new QLabel(this);
    m_intro->setObjectName(QStringLiteral("pickerIntroLabel"));
    m_intro->setWordWrap(true);
    m_allProducts = new QCheckBox(tr("&All products"), this);
    m_allProducts->setObjectName(QStringLiteral("allProductsCheckBox"));
    m_allProducts->setChecked(productIds.isEmpty());
    m_allProducts->setEnabled(!productIds.isEmpty());
    m_list = new QListWidget(this);
    m_list->setObjectName(QStringLiteral("materialsListWidget"));
    m_list->setAccessibleName(tr("Materials"));
    m_list->setWordWrap(true);
    m_list->setMinimumSize(480, 260);
    m_empty = new QLabel(this);
    m_empty->setObjectName(QStringLiteral("noMaterialsLabel"));
    m_empty->setWordWrap(true);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Cancel, this);
    m_present = buttons->addButton(tr("&Present"), QDialogButtonBox::AcceptRole);
    m_present->setObjectName(QStringLiteral("presentButton"));
    m_present->setDefault(true);
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_allProducts, &QCheckBox::toggled, this, &PresenterPicker::fill);
    connect(m_list, &QListWidget::itemChanged, this, &PresenterPicker::updateButton);
    // Enter or a double click on a material ticks it, as a click on its box does.
    connect(m_list, &QListWidget::itemActivated, this, [](QListWidgetItem *item) {
        item->setCheckState(item->checkState() == Qt::Checked ? Qt::Unchecked : Qt::Checked);
    });

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_intro);
    layout->addWidget(m_allProducts);
    layout->addWidget(m_list, 1);
    layout->addWidget(m_empty);
    layout->addWidget(buttons);
    fill();
}

void PresenterPicker::fill()
{
    const QStringList selected = selectedMaterialIds();
    const bool all = m_allProducts->isChecked() || m_productIds.isEmpty();
    m_intro->setText(all ? tr("Tick the materials to present, in the order shown. Only approved materials "
                              "valid today are listed.")
                         : tr("Tick the materials to present for the products of this visit, in the order "
                              "shown. Only approved materials valid today are listed."));
    m_list->clear();
    QList<MaterialItem> items;
    QString error;
    if (!MaterialQueries::presentable(m_store, all ? QStringList() : m_productIds, {}, &items, &error)) {
        m_empty->setText(widgets::readError(error));
        m_empty->show();
        updateButton();
        return;
    }
    const QSignalBlocker block(m_list);
    for (const MaterialItem &m : std::as_const(items)) {
        QStringList details {m.productName, tr("version %1").arg(m.version), m.language};
        if (!m.approvalCode.isEmpty())
            details << m.approvalCode;
        if (m.pageCount > 0)
            details << tr("%n page(s)", nullptr, m.pageCount);
        QString text = m.title + QLatin1Char('\n') + details.join(QStringLiteral(" · "));
        if (m.localPath.isEmpty())
            text += QStringLiteral(" · ") + tr("not downloaded yet");
        auto *item = new QListWidgetItem(text, m_list);
        // Two lines, sized for the tallest script: a Chinese title falls back to a taller font than the
        // list's metrics, and the default size hint would elide it.
        const QFontMetrics fm(m_list->font());
        const int width = qMax(fm.horizontalAdvance(text.section(QLatin1Char('\n'), 0, 0)),
            fm.horizontalAdvance(text.section(QLatin1Char('\n'), 1)));
        item->setSizeHint(QSize(width + 48, int(fm.height() * 2 * 1.4) + 8));
        item->setData(IdRole, m.id);
        item->setFlags(Qt::ItemIsEnabled | Qt::ItemIsSelectable | Qt::ItemIsUserCheckable);
        item->setCheckState(selected.contains(m.id) ? Qt::Checked : Qt::Unchecked);
        if (m.localPath.isEmpty())
            item->setToolTip(tr("Not on this computer yet: it will be downloaded when you are online."));
    }
    m_empty->setText(all ? tr("No material may be presented today.")
                         : tr("No material may be presented today for the products of this visit. Tick "
                              "“All products” to see the others."));
    m_empty->setVisible(items.isEmpty());
    updateButton();
}

void PresenterPicker::updateButton()
{
    m_present->setEnabled(!selectedMaterialIds().isEmpty());
}

QStringList PresenterPicker::selectedMaterialIds() const
{
    QStringList out;
    for (int i = 0; i < m_list->count(); ++i) {
        if (m_list->item(i)->checkState() == Qt::Checked)
            out << m_list->item(i)->data(IdRole).toString();
    }
    return out;
}

QStringList PresenterPicker::listedMaterialIds() const
{
    QStringList out;
    for (int i = 0; i < m_list->count(); ++i)
        out << m_list->item(i)->data(IdRole).toString();
    return out;
}

bool PresenterPicker::setSelected(const QString &materialId, bool selected)
{
    for (int i = 0; i < m_list->count(); ++i) {
        if (m_list->item(i)->data(IdRole).toString() == materialId) {
            m_list->item(i)->setCheckState(selected ? Qt::Checked : Qt::Unchecked);
            return true;
        }
    }
    return false;
}

} // namespace rounds
