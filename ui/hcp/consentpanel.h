#pragma once

#include "ui/common/rolegate.h"

#include <QGroupBox>

class QComboBox;
class QLabel;
class QLineEdit;
class QPushButton;
class QTableWidget;

namespace rounds {

class Session;

// The Consent panel of HCP 360 (docs/privacy.md, Consent): each channel's state (allowed, missing,
// withdrawn, expired, about to expire) with its expiry, source and evidence, and the form a rep uses
// offline to capture or renew consent (channel, optional product, source, evidence reference) or to
// record a withdrawal. Each action writes one new `consent` record through the store.
class ConsentPanel final : public QGroupBox
{
    Q_OBJECT
public:
    explicit ConsentPanel(Session *session, QWidget *parent = nullptr);

    void setHcp(const QString &hcpId);
    void reload();
    // The form's actions; false with the reason shown in the panel.
    bool grant();
    bool withdraw();

private:
    bool record(bool granted);
    void fillProducts();
    void selectRow(int row);

    Session *m_session;
    QString m_hcpId;
    QTableWidget *m_table = nullptr;
    QComboBox *m_channel = nullptr;
    QComboBox *m_product = nullptr;
    QComboBox *m_source = nullptr;
    QLineEdit *m_evidence = nullptr;
    QPushButton *m_grant = nullptr;
    QPushButton *m_withdraw = nullptr;
    QLabel *m_message = nullptr;
    RoleGate m_gate;
};

} // namespace rounds
