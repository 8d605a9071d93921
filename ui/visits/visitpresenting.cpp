// The visit dialog's part in presenting (docs/presenting.md): the Present… button, the picker,
// the presenter in call mode for this visit, and the details the pages viewed propose. Kept apart from
// visitdialog.cpp, which edits and saves the visit.

#include "models/contentviews.h"
#include "models/store.h"
#include "ui/common/widgets.h"
#include "ui/content/presenterpicker.h"
#include "ui/content/presenterwindow.h"
#include "ui/visits/visitdialog.h"

#include <QComboBox>
#include <QHash>
#include <QPointer>
#include <QTableWidget>
#include <QTableWidgetItem>

namespace rounds {

namespace {

enum ProductColumn { ProductCol, MessageCol, ReactionCol };

QComboBox *cellCombo(const QTableWidget *table, int row, int column)
{
    return qobject_cast<QComboBox *>(table->cellWidget(row, column));
}

} // namespace

void VisitDialog::startPresenting()
{
    if (m_readOnly)
        return;
    QStringList productIds;
    for (const ProductRow &p : productRows()) {
        if (!p.productId.isEmpty() && !productIds.contains(p.productId))
            productIds << p.productId;
    }
    PresenterPicker picker(m_store, productIds, this);
    if (picker.exec() != QDialog::Accepted || picker.selectedMaterialIds().isEmpty())
        return;
    present(picker.selectedMaterialIds());
}

PresenterWindow *VisitDialog::present(const QStringList &materialIds)
{
    if (m_readOnly || materialIds.isEmpty())
        return nullptr;
    // The page views name the visit: a new one is saved as a draft first (with its consent warning),
    // so they never point at a visit that does not exist.
    if (m_visitId.isEmpty() && !saveDraft())
        return nullptr;
    const std::optional<protocol::Record> visit = m_store->record(QStringLiteral("visit"), m_visitId);
    ContentViewContext context;
    context.mode = QStringLiteral("in_call");
    context.visitId = m_visitId;
    context.hcpId = m_hcpId;
    context.territoryId = visit ? visit->fields.value(QLatin1String("territory_id")).toString()
                                : m_account.territoryIds.value(0);
    if (m_store->policy().mayCreate(QStringLiteral("content_view")))
        context.repId = m_account.userId;
    auto *window = new PresenterWindow(m_store, context, materialIds, this);
    window->setAttribute(Qt::WA_DeleteOnClose);
    connect(window, &PresenterWindow::downloadRequested, this, &VisitDialog::downloadRequested);
    const QPointer<VisitDialog> self(this);
    connect(window, &PresenterWindow::closed, this, [self] {
        if (self)
            self->addProposedDetails();
    });
    window->showFullScreen();
    window->activateWindow();
    window->setFocus(Qt::ActiveWindowFocusReason);
    emit presenterOpened(window);
    return window;
}

int VisitDialog::addProposedDetails()
{
    if (m_readOnly || m_visitId.isEmpty())
        return 0;
    QList<ProposedDetail> proposed;
    QString error;
    if (!ContentViews::proposedDetails(m_store, m_visitId, &proposed, &error)) {
        showError(m_saveError, widgets::readError(error));
        return 0;
    }
    // One detail per product (the dialog's rule, which the detailing KPIs count on): the first key
    // message shown of it, with its reaction; the product's other messages are named in the note.
    struct PerProduct
    {
        ProposedDetail first;
        QStringList others;
    };
    QList<QString> order;
    QHash<QString, PerProduct> byProduct;
    for (const ProposedDetail &d : std::as_const(proposed)) {
        if (!byProduct.contains(d.productId)) {
            order << d.productId;
            byProduct.insert(d.productId, {d, {}});
        } else {
            byProduct[d.productId].others << d.keyMessageText;
        }
    }
    int changed = 0;
    for (const QString &productId : std::as_const(order)) {
        const PerProduct &p = byProduct.value(productId);
        QString note = tr("Proposed from the pages presented: change or remove it before saving.");
        if (!p.others.isEmpty())
            note += QLatin1Char('\n') + tr("Also shown: %1").arg(p.others.join(QStringLiteral("; ")));
        int row = -1;
        const QList<ProductRow> rows = productRows();
        for (int r = 0; r < rows.size() && row < 0; ++r) {
            if (rows.at(r).productId == productId)
                row = rows.at(r).keyMessageChosen ? -2 : r; // the rep chose already: kept
        }
        if (row == -2)
            continue;
        for (int r = 0; r < rows.size() && row < 0; ++r) {
            if (rows.at(r).productId.isEmpty())
                row = r; // an empty row is filled rather than left empty
        }
        if (row < 0) {
            addProduct(productId, p.first.keyMessageId, p.first.reaction);
            row = m_products->rowCount() - 1;
        } else {
            QComboBox *product = cellCombo(m_products, row, ProductCol);
            product->setCurrentIndex(qMax(0, product->findData(productId)));
            QComboBox *message = cellCombo(m_products, row, MessageCol);
            message->setCurrentIndex(qMax(0, message->findData(p.first.keyMessageId)));
            QComboBox *reaction = cellCombo(m_products, row, ReactionCol);
            reaction->setCurrentIndex(qMax(0, reaction->findData(p.first.reaction)));
        }
        markProposed(row, true, note);
        ++changed;
    }
    updateTabOrder();
    recheck();
    return changed;
}

bool VisitDialog::isProposed(int row) const
{
    const QComboBox *product = cellCombo(m_products, row, ProductCol);
    return product && product->property("proposed").toBool();
}

void VisitDialog::markProposed(int row, bool proposed, const QString &note)
{
    QComboBox *product = cellCombo(m_products, row, ProductCol);
    if (!product)
        return;
    product->setProperty("proposed", proposed);
    product->setProperty("proposedNote", proposed ? note : QString());
    for (int c = ProductCol; c <= ReactionCol; ++c) {
        if (QWidget *cell = m_products->cellWidget(row, c))
            cell->setToolTip(proposed ? note : QString());
    }
    // The row's header says "Proposed" (rows without a header item are numbered as usual).
    if (proposed) {
        auto *header = new QTableWidgetItem(tr("Proposed"));
        header->setToolTip(note);
        m_products->setVerticalHeaderItem(row, header);
    } else {
        delete m_products->takeVerticalHeaderItem(row);
    }
}

} // namespace rounds
