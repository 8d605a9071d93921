#pragma once

#include "sync/signin.h"

#include <QDialog>
#include <QHash>

class QComboBox;
class QDateTimeEdit;
class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QPushButton;
class QSpinBox;
class QTableWidget;

namespace rounds {

class PresenterWindow;
class Store;
class VisitBriefingPane;

// Logs a visit: channel, time (now by default), duration, the products detailed in order with their
// key message and the doctor's reaction, feedback, support level, follow-up with a due date. "Save
// draft" keeps it editable; "Submit" validates first (messages next to the fields) and then the visit
// is read-only. Saving writes to the local Store only: it never waits on the network.
//
// By keyboard: Tab walks the fields in reading order (channel, time, duration, each product row's
// product, key message and reaction, the row buttons, feedback, support level, follow-up and its due
// date, notes, then the buttons); the time is one Tab stop; a ring marks the focused control. Once a save
// has shown errors, each one goes away as soon as its field is fixed. Choosing a product leaves its key
// message unchosen until the rep picks one. A pane at the top shows the HCP's last visit's feedback and
// the follow-ups still open.
class VisitDialog final : public QDialog
{
    Q_OBJECT
public:
    // A new visit to `hcpId`, or the existing visit `visitId` (read-only when submitted).
    VisitDialog(Store *store, const AccountInfo &account, const QString &hcpId, const QString &visitId = {},
        QWidget *parent = nullptr);

    QString visitId() const { return m_visitId; }
    bool isReadOnly() const { return m_readOnly; }

    // One more product row; empty ids leave the choice to the user.
    void addProduct(const QString &productId = {}, const QString &keyMessageId = {},
        const QString &reaction = QStringLiteral("neutral"));
    void clearProducts();
    int productCount() const;

    // The two buttons. Each returns false (with messages next to the fields) when nothing was saved.
    bool saveDraft();
    bool submit();

    // Presenting in this visit (ui/visits/visitpresenting.cpp; docs/presenting.md). The
    // "Present…" button: a picker of the materials for the products of the details (all products when
    // none yet), then present(). A new visit is saved as a draft first, so the page views can name it.
    void startPresenting();
    // Presents `materialIds` full screen in call mode for this visit and HCP; null when the visit could
    // not be saved or is read-only. When the presenter closes, the key messages of the pages viewed are
    // added to the details, marked as proposed (addProposedDetails).
    PresenterWindow *present(const QStringList &materialIds);
    // One detail per product of the key messages the visit's views propose (ContentViews::proposedDetails):
    // the first shown of that product, with its reaction; a product already in the details keeps the
    // rep's choice unless no key message was chosen. Returns how many rows were added or filled.
    int addProposedDetails();
    bool isProposed(int row) const;

signals:
    void visitSaved(const QString &visitId, bool submitted);
    void historyRequested(const QString &entity, const QString &id, const QString &title);
    // A material to present is missing on this computer or damaged (PresenterWindow::downloadRequested).
    void downloadRequested(const QString &sha256);
    // The presenter opened (tests and the app reach it here).
    void presenterOpened(PresenterWindow *window);

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    struct ProductRow
    {
        QString productId;
        QString keyMessageId;
        bool keyMessageChosen = false; // also "No key message", chosen on purpose
        QString reaction;
        bool proposed = false; // added from the pages presented (addProposedDetails)
        QString note; // what the proposal says about itself (the row's tooltip)
    };

    void load();
    bool validate(bool forSubmit);
    // What is wrong, per error label (each label's messages in order); `forSubmit` adds the checks only
    // a submitted visit needs.
    QHash<QLabel *, QStringList> problems(bool forSubmit) const;
    // After a save showed errors: hides those whose field is now fixed (never shows new ones).
    void recheck();
    void updateTabOrder();
    bool save(bool submit);
    QList<ProductRow> productRows() const;
    void fillKeyMessages(int row);
    void moveProduct(int delta);
    void setReadOnly(bool readOnly);
    void clearErrors();
    void showError(QLabel *label, const QString &text);
    void markProposed(int row, bool proposed, const QString &note = {});

    Store *m_store;
    AccountInfo m_account;
    QString m_hcpId;
    QString m_visitId;
    bool m_readOnly = false;
    QStringList m_detailIds; // details the visit had when opened (ids, in order)
    bool m_checked = false; // a save showed its errors: recheck() follows the fields
    bool m_checkedForSubmit = false;
    QString m_consentChecked; // "channel": the consent warning was answered (or the visit was loaded) for it

    QLabel *m_hcpLabel = nullptr;
    QLabel *m_badge = nullptr;
    VisitBriefingPane *m_briefing = nullptr;
    QLabel *m_productsLabel = nullptr;
    QComboBox *m_channel = nullptr;
    QDateTimeEdit *m_visitedAt = nullptr;
    QSpinBox *m_duration = nullptr;
    QTableWidget *m_products = nullptr;
    QPushButton *m_addProduct = nullptr;
    QPushButton *m_removeProduct = nullptr;
    QPushButton *m_moveUp = nullptr;
    QPushButton *m_moveDown = nullptr;
    QPushButton *m_present = nullptr;
    QPlainTextEdit *m_feedback = nullptr;
    QComboBox *m_supportLevel = nullptr;
    QLineEdit *m_followUp = nullptr;
    QDateTimeEdit *m_followUpDue = nullptr;
    QPlainTextEdit *m_notes = nullptr;
    QLabel *m_visitedAtError = nullptr;
    QLabel *m_durationError = nullptr;
    QLabel *m_productsError = nullptr;
    QLabel *m_supportLevelError = nullptr;
    QLabel *m_followUpError = nullptr;
    QLabel *m_saveError = nullptr;
    QPushButton *m_saveDraft = nullptr;
    QPushButton *m_submit = nullptr;
    QPushButton *m_close = nullptr;
    QList<QPushButton *> m_buttons; // the dialog's buttons, left to right
};

} // namespace rounds
