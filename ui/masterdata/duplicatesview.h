#pragma once

#include <QList>
#include <QWidget>

#include "models/duplicates.h"

class QButtonGroup;
class QLabel;
class QPushButton;
class QRadioButton;
class QTableWidget;

namespace rounds {

class Store;

// Duplicate HCP review: the likely pairs (Duplicates::find) with their reasons and score; for the
// selected pair both records side by side, a choice of the surviving value per field and of the record
// that survives; "Merge" writes the winner's chosen values and marks the other merged into it.
class DuplicatesView final : public QWidget
{
    Q_OBJECT
public:
    explicit DuplicatesView(Store *store, QWidget *parent = nullptr);

    void reload();
    const QList<DuplicatePair> &pairs() const { return m_pairs; }
    bool selectPair(int row);
    // Which side survives (0: left, 1: right) and, per field, which side's value it keeps.
    void chooseWinner(int side);
    void chooseValue(const QString &field, int side);
    // The values the survivor will have (the chosen side's value per field).
    QJsonObject chosenValues() const;
    QString winnerId() const;
    QString loserId() const;
    // Merges the selected pair (after asking through the Prompter unless `ask` is false).
    bool mergeSelected(bool ask = true);

    QTableWidget *pairTable() const { return m_pairsTable; }
    QTableWidget *fieldTable() const { return m_fields; }

signals:
    void merged(const QString &winnerId, const QString &loserId);

protected:
    // The search runs when the page is first shown (and again after HCP changes), not for every window.
    void showEvent(QShowEvent *event) override;

private:
    void showPair();
    QString display(const QString &field, const QJsonValue &value) const;

    Store *m_store;
    QList<DuplicatePair> m_pairs;
    int m_current = -1;
    bool m_stale = true;
    QJsonObject m_left;
    QJsonObject m_right;
    QLabel *m_summary = nullptr;
    QTableWidget *m_pairsTable = nullptr;
    QTableWidget *m_fields = nullptr;
    QButtonGroup *m_winner = nullptr;
    QRadioButton *m_winnerLeft = nullptr;
    QRadioButton *m_winnerRight = nullptr;
    QList<QButtonGroup *> m_fieldGroups;
    QLabel *m_context = nullptr;
    QPushButton *m_merge = nullptr;
    QLabel *m_status = nullptr;
};

} // namespace rounds
