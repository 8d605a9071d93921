#pragma once

#include <QDialog>

class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QPushButton;

namespace rounds {

// "Erase personal data" of one HCP (docs/privacy.md, "Data-subject requests"): says what goes and what
// stays (the lists come from the schema's personal-data marks, as the server's erasure does), asks why
// (the request: who asked, its reference; kept in the audit trail) and, as a second, explicit
// confirmation, for the HCP's name typed again. Erase is enabled only when both are there.
class EraseDialog final : public QDialog
{
    Q_OBJECT
public:
    EraseDialog(const QString &hcpName, const QString &reason, QWidget *parent = nullptr);

    QString reason() const; // trimmed
    // Whether the reason and the typed name allow the erasure (the Erase button's state).
    bool canErase() const;

private:
    void update();

    QString m_name;
    QPlainTextEdit *m_reason;
    QLabel *m_reasonCount;
    QLineEdit *m_confirm;
    QPushButton *m_erase;
};

} // namespace rounds
