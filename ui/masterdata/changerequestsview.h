#pragma once

#include "models/changerequests.h"

#include <QWidget>

class QComboBox;
class QLabel;
class QLineEdit;
class QPushButton;
class QTableWidget;

namespace rounds {

class Store;

// The SFE queue of reps' proposed corrections: each request with the current and proposed value per
// field side by side; approve (the server applies the fields) or reject with a reason the rep reads.
class ChangeRequestsView final : public QWidget
{
    Q_OBJECT
public:
    explicit ChangeRequestsView(Store *store, QWidget *parent = nullptr);

    void reload();
    bool selectRequest(const QString &id);
    QString currentRequestId() const;
    bool approveCurrent(const QString &note = {});
    bool rejectCurrent(const QString &reason);
    QTableWidget *requestTable() const { return m_table; }
    QTableWidget *fieldTable() const { return m_fields; }

private:
    void showCurrent();
    bool done(bool ok, const QString &text);

    Store *m_store;
    QList<ChangeRequestItem> m_items;
    QComboBox *m_filter = nullptr;
    QTableWidget *m_table = nullptr;
    QTableWidget *m_fields = nullptr;
    QLabel *m_detail = nullptr;
    QLineEdit *m_note = nullptr;
    QPushButton *m_approve = nullptr;
    QPushButton *m_reject = nullptr;
    QLabel *m_status = nullptr;
};

} // namespace rounds
