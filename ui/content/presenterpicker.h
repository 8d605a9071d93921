#pragma once

// Choosing what to present in a visit (docs/presenting.md): the materials presentable now
// (MaterialQueries::presentable at the trusted clock) for the products of the visit's details, or for
// every product when the visit has none yet or "All products" is ticked; several may be ticked, and
// they are presented in the list's order. A material not downloaded yet is listed, marked as such.

#include <QDialog>
#include <QStringList>

class QCheckBox;
class QLabel;
class QListWidget;
class QPushButton;

namespace rounds {

class Store;

class PresenterPicker final : public QDialog
{
    Q_OBJECT
public:
    PresenterPicker(Store *store, const QStringList &productIds, QWidget *parent = nullptr);

    // The ticked materials, in the list's order.
    QStringList selectedMaterialIds() const;
    // Every material listed, in order.
    QStringList listedMaterialIds() const;
    // Ticks a material (tests, and "Present again").
    bool setSelected(const QString &materialId, bool selected);

private:
    void fill();
    void updateButton();

    Store *m_store;
    QStringList m_productIds;
    QLabel *m_intro = nullptr;
    QCheckBox *m_allProducts = nullptr;
    QListWidget *m_list = nullptr;
    QLabel *m_empty = nullptr;
    QPushButton *m_present = nullptr;
};

} // namespace rounds
